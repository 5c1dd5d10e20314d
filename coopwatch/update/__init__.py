"""Updating the store from its sources, in reader's phases, a module a phase:

    feeds:   retrieve -> unchanged? -> parse -> decide -> pages -> enrich -> save -> health
    folders: read                           -> decide ->          enrich -> save -> health

run.py is one sync of everything (the lock, the drivers, then the watches' alerts); feeds.py
and local.py are the drivers; decide.py is the pure decider, whose intents (new, changed,
copy, adopt) are frozen; health.py is the one place that records a sync's outcome and when a
source is next due. Importing this package imports no parser and no enrichment.
"""
