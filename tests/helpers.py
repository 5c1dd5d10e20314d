"""Builders for test data."""

from __future__ import annotations

from coopwatch.types import ArticleWrite, Enrichment, Evidence, RawArticle


def raw(
    source: str = "/tmp/a.txt", key: str = "", title: str = "Title", body: str = "Body text.",
    published: str | None = None,
) -> RawArticle:
    return RawArticle(source=source, entry_key=key, title=title, body=body, published=published)


def enrichment(
    countries: tuple[str, ...] = (), pairs: tuple[tuple[str, str], ...] = (),
    sectors: tuple[str, ...] = (), language: str = "en", published: str | None = None,
    cooperation: bool | None = None, evidence: tuple[Evidence, ...] = (),
) -> Enrichment:
    return Enrichment(
        language=language, countries=countries, pairs=pairs, sectors=sectors,
        cooperation=bool(pairs) if cooperation is None else cooperation,
        published=published, evidence=evidence,
    )


def write(
    article: RawArticle, tags: Enrichment, article_id: int | None = None, digest: str = "h1"
) -> ArticleWrite:
    return ArticleWrite(raw=article, content_hash=digest, enrichment=tags, article_id=article_id)


async def settle(pilot: object) -> None:
    """Wait until the app's workers are done and their messages handled (no sleeping).

    Exclusive workers are cancelled when a newer one starts; that is their design, not a failure.
    """
    import asyncio

    from textual.worker import WorkerState

    app = pilot.app  # type: ignore[attr-defined]
    idle = 0
    for _ in range(200):
        await pilot.pause()  # type: ignore[attr-defined]
        running = [w for w in app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]
        if running:
            idle = 0
            await asyncio.gather(*(w.wait() for w in running), return_exceptions=True)
            continue
        if _messages_waiting(app):  # a worker's last messages may still be queued on a screen
            idle = 0
            continue
        idle += 1  # a handled message may start the next worker: idle three pauses in a row
        if idle == 3:
            return
    raise AssertionError("workers did not settle")


def _messages_waiting(app: object) -> bool:
    """Whether the app, a screen or a widget still has messages to handle."""
    pumps = [app]
    for screen in app.screen_stack:  # type: ignore[attr-defined]
        pumps += [screen, *screen.walk_children()]
    return any(not pump._message_queue.empty() for pump in pumps)  # type: ignore[attr-defined]
