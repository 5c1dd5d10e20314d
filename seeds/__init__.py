"""The five bundled seed articles, ingested on a first start (package data)."""
