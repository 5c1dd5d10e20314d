"""Retrieve and parse: local files, feed files and (later) HTTP feeds into raw articles."""
