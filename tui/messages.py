"""Messages that cross modules: workers post them, screens handle them."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from coopwatch.types import Article


@dataclass
class ArticlesLoaded(Message):
    """A page of articles read from the store, with the total that match."""

    articles: list[Article]
    total: int
    seeded: int = 0  # seed articles imported because the database was empty
