"""Typed records passed between the layers; none of them knows about SQL or widgets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

Field = Literal["title", "body"]
Pair = tuple[str, str]


@dataclass(frozen=True)
class RawArticle:
    """One article as a fetcher found it, before enrichment."""

    source: str  # the feed URL or the file's absolute path
    entry_key: str  # identity inside the source: feed entry id, or "" for a whole file
    title: str | None
    body: str
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD when the source states it in machine form
    date_hints: tuple[str, ...] = ()  # date-like text from the page's header lines
    language_hint: str | None = None  # from feed or HTML metadata


@dataclass(frozen=True)
class Evidence:
    """What made enrichment assign one tag: the matched term and where it stands."""

    kind: Literal["country", "sector", "cooperation"]
    tag: str  # country code, sector id, or "cooperation"
    term: str  # the text as it stands in the article
    language: str
    field: Field
    start: int  # character offsets into the field's text
    end: int


@dataclass(frozen=True)
class Enrichment:
    """Everything enrichment derives from one article's text."""

    language: str | None
    countries: tuple[str, ...]
    pairs: tuple[Pair, ...]
    sectors: tuple[str, ...]
    cooperation: bool
    published: str | None
    evidence: tuple[Evidence, ...] = ()


class Enriched(NamedTuple):
    """An article's enrichment and, where asked for, its near-duplicate fingerprint
    (coopwatch.dedup): both made from its text alone, so the enrichment workers make them
    together, off the process that parses and stores."""

    enrichment: Enrichment
    fingerprint: tuple[int, ...] | None = None  # None: not made, the store's side makes it


@dataclass(frozen=True)
class Article:
    """An article as stored, with its tags."""

    id: int
    title: str | None
    url: str | None
    source: str
    language: str | None
    published: str | None
    fetched_at: str
    countries: tuple[str, ...]
    pairs: tuple[Pair, ...]
    sectors: tuple[str, ...]
    cooperation: bool
    summary: str

    @property
    def headline(self) -> str:
        """What a list shows for the article: its title, else the start of its text."""
        return self.title or self.summary or ""

    def to_json(self) -> dict[str, object]:
        """The contract's article object."""
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "language": self.language,
            "published": self.published,
            "fetched_at": self.fetched_at,
            "countries": list(self.countries),
            "pairs": [list(pair) for pair in self.pairs],
            "sectors": list(self.sectors),
            "cooperation": self.cooperation,
            "summary": self.summary,
        }


@dataclass(frozen=True)
class Snippet:
    """A sentence that carries evidence, with its translation when one is available."""

    text: str
    translation: str | None
    backend: str | None


@dataclass(frozen=True)
class ArticleDetail:
    """One article with its full text and the evidence behind every tag."""

    article: Article
    body: str
    evidence: tuple[Evidence, ...]
    snippets: tuple[Snippet, ...] = ()
    also_in: tuple[str, ...] = ()  # other sources that carried the same story
    translation_note: str | None = None  # why some snippets show the gloss (an engine failed)

    def to_json(self) -> dict[str, object]:
        """The contract's article object plus body, evidence and snippets."""
        data = self.article.to_json()
        data["body"] = self.body
        data["evidence"] = [
            {
                "kind": item.kind,
                "tag": item.tag,
                "term": item.term,
                "language": item.language,
                "field": item.field,
                "start": item.start,
                "end": item.end,
            }
            for item in self.evidence
        ]
        data["snippets"] = [
            {"text": s.text, "translation": s.translation, "backend": s.backend}
            for s in self.snippets
        ]
        data["also_in"] = list(self.also_in)
        data["translation_note"] = self.translation_note
        return data


@dataclass(frozen=True)
class Filters:
    """The article filters shared by list, pairs, export and the dashboard."""

    countries: tuple[str, ...] = ()  # all must be present
    pair: Pair | None = None
    sectors: tuple[str, ...] = ()  # any may be present
    language: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    search: str | None = None
    source: str | None = None

    @property
    def active(self) -> bool:
        """Whether any filter narrows the articles."""
        return self != Filters()

    def to_json(self) -> dict[str, object]:
        """The filters under their option names, leaving out those not set: a watch's form in
        `watch list --json`, the config's [watches] and the store (coopwatch/filterspec.py reads
        it back, checked)."""
        data: dict[str, object] = {
            "country": list(self.countries),
            "pair": "-".join(self.pair) if self.pair else None,
            "sector": list(self.sectors),
            "lang": self.language, "since": self.since, "until": self.until,
            "search": self.search, "source": self.source,
        }
        return {key: value for key, value in data.items() if value}


@dataclass(frozen=True)
class DyadCount:
    """Articles of one pair in one sector in one period: a row of a dyad table."""

    period: str  # YYYY-MM, or an ISO week YYYY-Www
    pair: Pair
    sector: str  # "" for the pair's articles with no sector
    articles: int
    source_country: str | None = None  # when split by it: "" for sources of no known country


@dataclass(frozen=True)
class PairSummary:
    """Counts for one cooperating country pair."""

    pair: Pair
    count: int
    sectors: dict[str, int]
    first: str | None
    last: str | None
    months: dict[str, int]
    days: dict[str, int] = field(default_factory=dict)  # recent days only, when asked for

    def to_json(self) -> dict[str, object]:
        """The contract's pair object."""
        return {
            "pair": list(self.pair),
            "count": self.count,
            "sectors": self.sectors,
            "first": self.first,
            "last": self.last,
            "months": self.months,
        }


@dataclass(frozen=True)
class Source:
    """A subscription (feed or local folder) with its health."""

    url: str
    kind: Literal["feed", "folder"]
    title: str | None
    last_status: str | None
    last_error: str | None
    last_success: str | None
    articles: int
    consecutive_failures: int = 0
    next_poll: str | None = None
    tags: tuple[str, ...] = ()
    full_text_below: int | None = None  # None: the config's [fetch] full_text_below
    country: str | None = None  # where the feed reports from (OPML or `feeds add --country`)

    def to_json(self) -> dict[str, object]:
        """The contract's feed object."""
        return {
            "url": self.url,
            "title": self.title,
            "last_status": self.last_status,
            "last_error": self.last_error,
            "last_success": self.last_success,
            "articles": self.articles,
            "consecutive_failures": self.consecutive_failures,
            "next_poll": self.next_poll,
            "tags": list(self.tags),
            "full_text_below": self.full_text_below,
            "country": self.country,
        }


@dataclass(frozen=True)
class Caching:
    """What a feed's server said last time, sent back so an unchanged feed costs a 304."""

    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None  # of the last body read: the same bytes again change nothing


@dataclass(frozen=True)
class Skipped:
    """A local file that was not ingested, and why."""

    path: str
    reason: str


@dataclass
class SourceResult:
    """What one sync did to one source."""

    source: str
    status: Literal["ok", "unchanged", "failed"] = "ok"
    new: int = 0
    updated: int = 0
    copies: int = 0  # items already stored from another source
    error: str | None = None
    skipped: list[Skipped] = field(default_factory=list)
    new_ids: list[int] = field(default_factory=list)
    # what a source that worked did not bring: items beyond a document's first, pages not fetched
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """The contract's per-source fetch object."""
        return {
            "source": self.source,
            "status": self.status,
            "new": self.new,
            "updated": self.updated,
            "copies": self.copies,
            "error": self.error,
            "skipped": [{"path": item.path, "reason": item.reason} for item in self.skipped],
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class Watch:
    """Saved filters a person follows: stored with `watch add`, or written in the config."""

    name: str
    filters: Filters
    origin: str  # "database", or "config" with the line: "config line 12"


class StoredWatch(NamedTuple):
    """A watch as `watch add` stored it."""

    name: str
    filters: Filters
    created_at: str


class WatchMarks(NamedTuple):
    """How far a watch has been looked at and reported: article ids, later ones are larger."""

    seen_through: int
    reported_through: int


class WatchCounts(NamedTuple):
    """The articles matching a watch."""

    articles: int
    unseen: int  # newer than seen_through
    new: int  # newer than reported_through
    days: dict[str, int]  # published day -> articles, from days_since on


@dataclass(frozen=True)
class WatchStatus:
    """A watch and what matches it now."""

    watch: Watch
    articles: int
    unseen: int  # arrived since the user last looked at the watch
    last_7_days: int  # published in the last 7 days
    spiking: bool


@dataclass(frozen=True)
class WatchAlert:
    """New articles for one watch after a sync."""

    watch: str
    new: int
    spiking: bool

    def to_json(self) -> dict[str, object]:
        return {"watch": self.watch, "new": self.new, "spiking": self.spiking}


@dataclass(frozen=True)
class PairSpike:
    """A pair this sync brought articles for, whose last 7 days stand well above its baseline."""

    pair: Pair
    last_7_days: int
    baseline: float  # its average 7 days over the 90 before

    def to_json(self) -> dict[str, object]:
        return {"pair": list(self.pair), "last_7_days": self.last_7_days,
                "baseline_per_week": round(self.baseline, 2)}


@dataclass
class SyncReport:
    """What one sync did, source by source."""

    sources: list[SourceResult] = field(default_factory=list)
    seconds: float = 0.0
    alerts: list[WatchAlert] | None = None  # None: not looked for (ingest)
    spiking_pairs: list[PairSpike] | None = None
    notes: list[str] = field(default_factory=list)  # e.g. a notify command that failed
    not_due: list[str] | None = None  # feeds a --due sync left for later; None: all were due

    @property
    def new(self) -> int:
        return sum(result.new for result in self.sources)

    @property
    def updated(self) -> int:
        return sum(result.updated for result in self.sources)

    @property
    def failed(self) -> int:
        return sum(result.status == "failed" for result in self.sources)

    def to_json(self) -> dict[str, object]:
        """The contract's fetch object."""
        data: dict[str, object] = {
            "sources": [result.to_json() for result in self.sources],
            "new": self.new,
            "updated": self.updated,
            "failed": self.failed,
            "seconds": round(self.seconds, 3),
        }
        if self.alerts is not None:
            data["alerts"] = [alert.to_json() for alert in self.alerts]
        if self.spiking_pairs is not None:
            data["spiking_pairs"] = [spike.to_json() for spike in self.spiking_pairs]
        if self.not_due is not None:
            data["not_due"] = self.not_due
        return data


@dataclass(frozen=True)
class ArticleWrite:
    """The decider's verdict for one new or changed item, with its enrichment, ready to store."""

    raw: RawArticle
    content_hash: str
    enrichment: Enrichment | None  # None for a copy
    article_id: int | None  # None for a new article, else the one to update (or copied)
    copy: bool = False  # the item is another source's copy of article_id: record the entry only
    adopt: bool = False  # a fuller copy of article_id: it replaces the article's text and source
    canonical_url: str | None = None
    fingerprint: tuple[int, ...] = ()


class StoredStory(NamedTuple):
    """An article found to be the same story as an incoming item."""

    article_id: int
    body_chars: int


class StoredEntry(NamedTuple):
    """What the store holds for one item of a source."""

    article_id: int
    content_hash: str
    is_copy: bool  # the article was first stored from another source


class StoredText(NamedTuple):
    """An article's text as stored, to enrich it again (the fetch's hints are not kept)."""

    article_id: int
    raw: RawArticle  # published and language_hint: what the stored tags say
    content_hash: str  # the text's hash when read: a changed article is not overwritten
