"""Files nobody vetted: each is skipped with a reason or ingested safely, the good ones land."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from processes import command, run, without_root_powers

MIB = 1024 * 1024
GOOD_ARTICLE = ("Russia and China sign a lunar research agreement\n\n"
                "Russia and China signed an agreement on lunar research and space cooperation.\n")


def _billion_laughs() -> str:
    entities = "".join(
        f'<!ENTITY lol{level} "{(f"&lol{level - 1};" if level > 1 else "lol") * 10}">'
        for level in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]><rss version="2.0"><channel>'
            "<title>laughs</title><item><title>&lol9;</title><link>https://laughs.example/1</link>"
            "<description>Russia and China agreed on lunar research.</description></item>"
            "</channel></rss>")


def _hostile_folder(folder: Path, seeds: Path) -> dict[str, str | None]:
    """Write the hostile files beside copies of the seeds; name each with the reason expected."""
    folder.mkdir()
    for seed in seeds.glob("*.txt"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    expected: dict[str, str | None] = {}  # None: ingested safely, or skipped with any reason
    (folder / "random.txt").write_bytes(os.urandom(64 * 1024))
    expected["random.txt"] = "binary file, not text"
    (folder / "empty.md").write_bytes(b"")
    expected["empty.md"] = "empty file"
    with open(folder / "huge.txt", "wb") as handle:  # 100 MB on one line
        for _ in range(100):
            handle.write(b"a" * MIB)
    expected["huge.txt"] = "too large (100 MB)"
    (folder / "deep.xml").write_text(
        '<rss version="2.0"><channel><item><title>deep</title><description>'
        + "<a>" * 200_000 + "x" + "</a>" * 200_000 + "</description></item></channel></rss>")
    expected["deep.xml"] = None
    (folder / "deep.html").write_text(
        "<html><body>" + "<div>" * 200_000 + "x" + "</div>" * 200_000 + "</body></html>")
    expected["deep.html"] = None
    attributes = " ".join(f'a{i}="v{i}"' for i in range(200_000))  # minutes for libxml2
    (folder / "attributes.html").write_text(
        f"<html><body><div {attributes}>x</div><p>{GOOD_ARTICLE}</p></body></html>")
    expected["attributes.html"] = "not read: too complex: an element with more than 5,000 attributes"
    (folder / "attributes.xml").write_text(
        f'<rss version="2.0"><channel><item {attributes}><title>t</title></item></channel></rss>')
    expected["attributes.xml"] = "not read: too complex: an element with more than 5,000 attributes"
    (folder / "tags.txt").write_text(GOOD_ARTICLE + "<a " * 200_000)  # no ">": each "<a" unclosed
    expected["tags.txt"] = "not read: too complex: 200,000 elements (limit 100,000)"
    (folder / "tiny.html").write_text("<html><body>" + "<p>a</p>" * 1_000_000 + "</body></html>")
    expected["tiny.html"] = "not read: too complex: 1,000,002 elements (limit 100,000)"
    (folder / "deep.json").write_text(
        '{"items": [{"id": "1", "content_text": ' + "[" * 200_000 + "]" * 200_000 + "}]}")
    expected["deep.json"] = "not a feed (JSON nested too deep)"
    (folder / "laughs.xml").write_text(_billion_laughs())
    expected["laughs.xml"] = None
    with open(os.fsencode(folder) + b"/caf\xe9 \xff.txt", "wb") as handle:
        handle.write(GOOD_ARTICLE.encode())
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    expected["loop-a.txt"] = expected["loop-b.txt"] = "cannot read: Too many levels of symbolic links"
    (folder / "again").symlink_to(folder)  # a folder loop: walked once
    os.mkfifo(folder / "pipe.txt")  # reading it would block for ever
    expected["pipe.txt"] = "not a regular file"
    locked = folder / "locked.txt"
    locked.write_text(GOOD_ARTICLE)
    locked.chmod(0)
    expected["locked.txt"] = "cannot read: Permission denied"
    return expected


def test_hostile_files_are_skipped_with_a_reason_and_the_good_ones_land(
        tmp_path: Path, seeds: Path) -> None:
    folder = tmp_path / "inbox"
    expected = _hostile_folder(folder, seeds)
    db = tmp_path / "hostile.db"
    done = run(command("ingest", "--json", str(folder), db=db), cwd=tmp_path,
               prefix=without_root_powers(), timeout=300)
    assert done.code == 1, done.err  # some files were skipped
    assert "Traceback" not in done.err
    [source] = json.loads(done.out)["sources"]
    reasons = {Path(item["path"]).name: item["reason"] for item in source["skipped"]}
    for name, reason in expected.items():
        if reason is not None:
            assert reasons.get(name) == reason, name
    assert done.peak_rss_mib < 500, "memory must stay bounded"

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    listed = json.loads(run(command("list", "--json", "--limit", "0", db=db), cwd=tmp_path).out)
    sources = {Path(article["source"]).name: article for article in listed}
    for seed in seeds.glob("*.txt"):
        assert seed.name in sources
    assert "caf\ufffd \ufffd.txt" in sources  # a name that is not UTF-8, shown with U+FFFD
    assert sources["caf\ufffd \ufffd.txt"]["pairs"] == [["CN", "RU"]]
    laughs = [a for a in listed if Path(a["source"]).name == "laughs.xml"]
    assert all(len(a["title"] or "") < 1000 for a in laughs), "entities must not expand"


def test_a_skipped_file_named_on_the_command_line_is_a_failure_with_its_reason(
        tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text(GOOD_ARTICLE)
    done = run(command("ingest", "--json", str(empty), str(good), db=tmp_path / "x.db"),
               cwd=tmp_path)
    assert done.code == 1
    failed, stored = json.loads(done.out)["sources"]
    assert (failed["status"], failed["error"]) == ("failed", "empty file")
    assert (stored["status"], stored["new"]) == ("ok", 1)
    done = run(command("ingest", str(empty), db=tmp_path / "x.db"), cwd=tmp_path)
    assert done.out.splitlines()[0].startswith("failed") and "empty file" in done.out
