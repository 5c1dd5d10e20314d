"""The pages phase: the full text of items too short to tag, fetched side by side under the
sync's limits and within the feed's deadline, then put in place of the summaries."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from coopwatch.fetchers.http import Retrieved, RetrieveError
from coopwatch.types import Caching
from coopwatch.update.decide import Copy, Intent
from coopwatch.update.retrieve import Limits, Retriever
from coopwatch.webaddress import is_web_url

log = logging.getLogger("coopwatch.update")


@dataclass
class Pages:
    """What one feed's page requests brought: bodies by the intent's index, and how many items
    kept their summaries, by why."""

    found: dict[int, tuple[bytes, str | None]] = field(default_factory=dict)
    missed: Counter[str] = field(default_factory=Counter)

    def notes(self) -> list[str]:
        return [f"full text of {count:,} {'item' if count == 1 else 'items'} not fetched: {why}"
                for why, count in self.missed.items()]


def _needs_page(intent: Intent, threshold: int) -> bool:
    return (not isinstance(intent, Copy) and len(intent.raw.body) < threshold
            and is_web_url(intent.raw.url))


async def fetch_pages(retriever: Retriever, limits: Limits, intents: Sequence[Intent],
                      threshold: int, deadline: float) -> Pages:
    """The pages of the items shorter than threshold characters, all by deadline (monotonic);
    a host in limits.unreachable (shared by the sync's feeds) is not asked, and one that does
    not answer joins it."""
    pages = Pages()

    async def one(index: int, url: str) -> None:
        host = urlsplit(url).netloc
        silent = f"{host} did not answer"

        async def attempt() -> Retrieved | None:
            # the time waiting for a slot counts: the deadline is the feed's, not the request's
            remaining = deadline - time.monotonic()
            if remaining <= 0 or host in limits.unreachable:
                return None
            return await retriever(url, Caching(), remaining)

        if host in limits.unreachable:
            pages.missed[silent] += 1
            return
        try:
            page = await limits.run(url, attempt)
        except RetrieveError as error:
            log.info("full text failed url=%s error=%s", url, error)
            if error.unreachable:
                limits.unreachable.add(host)
                pages.missed[silent] += 1
            return
        if page is None:
            pages.missed[silent if host in limits.unreachable else "the feed's time ran out"] += 1
        elif page.body:
            pages.found[index] = (page.body, page.content_type)

    await asyncio.gather(*(
        one(index, intent.raw.url or "")
        for index, intent in enumerate(intents) if _needs_page(intent, threshold)
    ))
    return pages


def swap_in(intents: Sequence[Intent], pages: Pages) -> list[Intent]:
    """The intents with each page's main text in place of a shorter summary."""
    from coopwatch.fetchers.htmlpage import page_main_text  # trafilatura: only once pages came

    swapped = list(intents)
    for index, (data, content_type) in pages.found.items():
        intent = intents[index]
        text = page_main_text(data, content_type, intent.raw.url or "")
        if len(text) > len(intent.raw.body):
            swapped[index] = replace(intent, raw=replace(intent.raw, body=text))
    return swapped
