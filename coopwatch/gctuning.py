"""The garbage collector set for a process that builds and keeps big data: term indexes.

A language's index is hundreds of thousands of small containers made at once and kept for the
process's life, none of them garbage. With CPython's defaults the collector runs a young
collection every 700 new containers and, as the kept ones grow, full ones over every object
alive: a first pass over the development set (twelve languages' indexes built) spent about 40%
of its time collecting.
"""

from __future__ import annotations

import gc

# new containers between young collections (CPython's default is 700): enough that building an
# index seldom triggers one, few enough that garbage cycles still go within a batch
YOUNG_THRESHOLD = 50_000


def keep_what_is_loaded() -> None:
    """Leave what the process holds now out of every later collection, and collect young
    objects less often. For a process whose loaded data lives as long as it does (an enrichment
    worker, the command line), once that data is loaded."""
    gc.freeze()
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(young, YOUNG_THRESHOLD), middle, old)
