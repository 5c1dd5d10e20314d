"""The parse phase: a changed feed's bytes as its items (feedparser, through fetchers).

The driver imports this module when the first feed of a sync has changed: a cron run whose
feeds all answer 304 pays for no parser.
"""

from __future__ import annotations

from coopwatch.fetchers.feedfile import FeedParseError, ParsedFeed, parse_feed
from coopwatch.fetchers.http import Retrieved
from coopwatch.fetchers.limits import MAX_FEED_ITEMS


def parse(url: str, fetched: Retrieved) -> ParsedFeed | FeedParseError:
    """The feed's items, or why it is no feed (HTML, empty, broken: that feed's error)."""
    try:
        return parse_feed(fetched.body, url, fetched.content_type)
    except FeedParseError as error:
        return error


def cut_notes(feed: ParsedFeed) -> list[str]:
    """What a feed result says of the items a document held beyond those read."""
    if feed.items_in_document <= MAX_FEED_ITEMS:
        return []
    return [f"read the first {MAX_FEED_ITEMS:,} of {feed.items_in_document:,} items"]


def wait_seconds(feed: ParsedFeed, fetched: Retrieved) -> float | None:
    """The longest the feed (ttl) or its server (max-age) asked to be left alone."""
    ttl = feed.ttl_minutes * 60 if feed.ttl_minutes else None
    return max(filter(None, (ttl, fetched.max_age)), default=None)
