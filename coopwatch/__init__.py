"""coopwatch: who cooperates with whom, in which technology, across news in many languages."""

# the one place the version is written (pyproject.toml reads it); --version and the User-Agent
# show it, and reading it from the installed metadata cost every command 50 ms at its start
__version__ = "0.1.0"
