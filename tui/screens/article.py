"""One article: tags, the evidence for each, translation snippets and the full text."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Static

from coopwatch.enrich.snippets import GLOSS_BACKEND
from coopwatch.errors import CoopwatchError
from coopwatch.reading import read_article, translate_snippets
from coopwatch.safety import one_line, terminal_safe
from coopwatch.tui.screens.base import CoopwatchScreen
from coopwatch.types import ArticleDetail, Evidence
from coopwatch.webaddress import is_web_url


def render_header(detail: ArticleDetail) -> Text:
    article = detail.article
    text = Text()
    text.append(one_line(article.headline, 160) + "\n", style="bold")
    text.append(f"{article.published or 'undated'} · {article.language or '?'} · ", style="dim")
    text.append(one_line(article.source, 100), style="dim")
    if detail.also_in:
        text.append(f"  (also in {len(detail.also_in)} more)", style="dim")
    text.append("\n\n")
    for label, values in (("countries", article.countries),
                          ("pairs", ["–".join(pair) for pair in article.pairs]),
                          ("sectors", article.sectors)):
        text.append(f"{label:<10}", style="dim")
        for value in values:
            text.append(f" {value} ", style="reverse")
            text.append(" ")
        text.append("\n")
    text.append(f"{'cooperation':<10} {'yes' if article.cooperation else 'no'}\n", style="dim")
    return text


def render_evidence(detail: ArticleDetail) -> Text:
    """Each tag once, with the terms that gave it, how often, and where the first stands."""
    text = Text("why\n", style="bold")
    grouped: dict[tuple[str, str], dict[str, list[Evidence]]] = {}
    for item in detail.evidence:
        grouped.setdefault((item.kind, item.tag), {}).setdefault(item.term, []).append(item)
    for (kind, tag), terms in grouped.items():
        text.append(f"  {kind:<12}{tag:<24}", style="dim")
        for number, (term, items) in enumerate(terms.items()):
            first = items[0]
            text.append(", " if number else "")
            text.append(one_line(term, 40))
            text.append(f" ×{len(items)}" if len(items) > 1 else "", style="bold")
            text.append(f" ({first.field} {first.start})", style="dim")
        text.append("\n")
    if not detail.evidence:
        text.append("  nothing matched\n", style="dim")
    return text


def render_snippets(detail: ArticleDetail, translated: bool) -> Text:
    text = Text("snippets" + (" (translation)" if translated else " (original)") + "\n",
                style="bold")
    for snippet in detail.snippets:
        shown = snippet.translation if translated and snippet.translation else snippet.text
        text.append("  • " + one_line(shown) + "\n")
        if translated and snippet.translation:
            # the sentence it stands for, so a reader can check the gloss against the text
            text.append(f"    {snippet.backend}: {one_line(snippet.text, 300)}\n", style="dim")
    if not detail.snippets:
        text.append("  none\n", style="dim")
    return text


class ArticleScreen(CoopwatchScreen[None]):
    """Scrollable; `o` opens the article's address, `t` switches snippet language."""

    BINDINGS = [
        ("escape", "app.pop_screen", "Back"),
        ("o", "open_url", "Open in browser"),
        ("t", "toggle_translation", "Original/translation"),
    ]

    @dataclass
    class Loaded(Message):
        detail: ArticleDetail | None
        error: str | None = None

    @dataclass
    class Translated(Message):
        detail: ArticleDetail

    def __init__(self, article_id: int) -> None:
        super().__init__()
        self.article_id = article_id
        self.detail: ArticleDetail | None = None
        self.translated = True

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="article"):
            yield Static(Text("loading…"), id="article-header")
            yield Static(id="article-evidence")
            yield Static(id="article-snippets")
            yield Static(id="article-body")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        app = self.coopwatch
        try:
            with app.open_store() as store:
                vocabulary = app.vocabulary()
                detail = read_article(store, self.article_id, vocabulary,
                                      app.config.translate)
        except CoopwatchError as error:
            self.post_message(self.Loaded(None, str(error)))
            return
        self.post_message(self.Loaded(detail))

    @work(thread=True, group="translate", exclusive=True, exit_on_error=False)
    def translate(self, detail: ArticleDetail) -> None:
        """The engine's translations, after the gloss is on screen (an engine may be slow)."""
        with self.coopwatch.open_store() as store:
            translated = translate_snippets(store, detail,
                                            self.coopwatch.config.translate)
        self.post_message(self.Translated(translated))

    @on(Loaded)
    def _show(self, message: Loaded) -> None:
        if message.detail is None:
            self.query_one("#article-header", Static).update(Text(message.error or "not found"))
            return
        self.detail = message.detail
        self.query_one("#article-header", Static).update(render_header(message.detail))
        self.query_one("#article-evidence", Static).update(render_evidence(message.detail))
        self._show_snippets()
        self.query_one("#article-body", Static).update(Text(terminal_safe(message.detail.body)))
        if self.coopwatch.config.translate.backend != GLOSS_BACKEND:
            self.translate(message.detail)  # the gloss is on screen; the engine may take a while

    @on(Translated)
    def _show_translation(self, message: Translated) -> None:
        self.detail = message.detail
        self._show_snippets()
        if message.detail.translation_note:
            self.notify(one_line(message.detail.translation_note, 200), severity="warning",
                        markup=False)

    def _show_snippets(self) -> None:
        if self.detail is not None:
            self.query_one("#article-snippets", Static).update(
                render_snippets(self.detail, self.translated))

    def action_toggle_translation(self) -> None:
        self.translated = not self.translated
        self._show_snippets()

    def action_open_url(self) -> None:
        url = self.detail.article.url if self.detail else None
        if not is_web_url(url):
            self.notify("This article has no web address.", severity="warning", markup=False)
            return
        self.app.open_url(url)
