"""The package layout and the layering rules of DEVELOPERS.md."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import coopwatch

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(coopwatch.__file__).parent


def test_only_coopwatch_is_installed_at_top_level(tmp_path: Path) -> None:
    # In a fresh interpreter away from the checkout, whose folders would otherwise be importable.
    code = (
        "import importlib.util as u; "
        "print([n for n in ('coopwatch.store', 'coopwatch.tui', 'coopwatch.enrich', "
        "'coopwatch.fetchers') if u.find_spec(n) is None], "
        "[n for n in ('store', 'tui', 'enrich', 'fetchers') if u.find_spec(n) is not None])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=tmp_path)
    assert done.stdout.strip() == "[] []"


def test_seeds_ship_as_package_data() -> None:
    from coopwatch.paths import seeds_dir

    names = sorted(path.name for path in seeds_dir().glob("*.txt"))
    assert len(names) == 5
    assert names[0].startswith("000_")


def _modules(folder: Path) -> dict[str, set[str]]:
    """Each file's imported modules, in full (also those imported inside functions)."""
    found: dict[str, set[str]] = {}
    for path in folder.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def _imports(folder: Path) -> dict[str, set[str]]:
    return {path: {name.split(".")[0] for name in names}
            for path, names in _modules(folder).items()}


def test_textual_is_imported_only_in_tui() -> None:
    for folder in ("coopwatch", "fetchers", "enrich", "store"):
        for path, names in _imports(ROOT / folder).items():
            assert "textual" not in names, path


def test_only_store_speaks_sql() -> None:
    for folder in ("coopwatch", "fetchers", "enrich", "tui"):
        for path, names in _imports(ROOT / folder).items():
            assert not names & {"sqlite3", "sqlite_utils"}, path


def test_only_the_sqlite_backend_speaks_sql() -> None:
    # the protocol and what every backend shares know no SQL; callers know no backend, they ask
    # open_store for one
    for path, names in _imports(ROOT / "store").items():
        if not path.startswith("store/sqlite/"):
            assert not names & {"sqlite3", "sqlite_utils"}, path
    for folder in ("coopwatch", "fetchers", "enrich", "tui", "bench"):
        for path, names in _modules(ROOT / folder).items():
            assert not any(name.startswith("coopwatch.store.sqlite") for name in names), path


def test_enrich_does_no_io() -> None:
    io = {"os", "io", "pathlib", "httpx", "sqlite3", "sqlite_utils", "urllib", "shutil", "socket",
          "subprocess", "tempfile", "glob", "requests", "http", "asyncio", "multiprocessing"}
    for path, names in _modules(ROOT / "enrich").items():
        assert not {name.split(".")[0] for name in names} & io, path
        # of coopwatch, only the shared records and character classes: the data comes in from
        # coopwatch/vocabulary.py, never read here
        assert {name for name in names if name.startswith("coopwatch.")
                and not name.startswith("coopwatch.enrich")} <= {"coopwatch.types",
                                                                  "coopwatch.scripts"}, path
        assert "open(" not in (ROOT / path).read_text(encoding="utf-8"), path


def test_the_store_imports_no_core() -> None:
    # the store is what a second backend replaces: it may know the records it returns and the
    # errors it raises, never the sync, enrichment, the CLI or the dashboard
    allowed = {"coopwatch.types", "coopwatch.errors", "coopwatch.scripts"}
    for path, names in _modules(ROOT / "store").items():
        own = {name for name in names if name.startswith("coopwatch")}
        assert {name for name in own if not name.startswith("coopwatch.store")} <= allowed, path


def test_core_import_does_not_load_textual(tmp_path: Path) -> None:
    code = (
        "import sys, coopwatch.cli, coopwatch.update.run, coopwatch.update.local, coopwatch.store, coopwatch.enrich, "
        "coopwatch.fetchers.local; print('textual' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=tmp_path)
    assert done.stdout.strip() == "False"


def test_a_sync_does_not_load_the_httpx_command_line_client(tmp_path: Path) -> None:
    # httpx's own `httpx` command brings pygments and rich's syntax highlighting: 40 ms a run
    code = ("import sys, coopwatch.cli, coopwatch.update.run, coopwatch.translation.http; "
            "print(sorted(name for name in ('httpx._main', 'pygments', 'rich.syntax') "
            "if sys.modules.get(name)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=tmp_path)
    assert done.stdout.strip() == "[]"
