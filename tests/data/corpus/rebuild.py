#!/usr/bin/env python3
"""Rebuild the corpora's article texts from bare git mirrors of their source repositories.

    python tests/data/corpus/rebuild.py --mirrors /work/.mirror [a b c d]

The texts are the datasets' own, under their own licences, so they are not committed
(articles/ is git-ignored); every label's `source` (owner/repo@commit:path#locator) says where
its text comes from, and each corpus README's "File format" section says how a file is made
from it. This script follows those rules. A mirror is looked up as DIR/owner+repo/repo (the
layout the fetch tool leaves) or DIR/owner+repo. Standard library only.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

HERE = Path(__file__).resolve().parent
SOURCE = re.compile(r"^(?P<repo>[^@]+)@(?P<commit>[0-9a-f]+):(?P<path>[^#]+)(?:#(?P<locator>.+))?$")

# corpora b, d and f cut texts over about 6000 characters (pt-01, pt-02, da-01, ta-03); corpus
# a kept id-01 (6066) whole
CUT_AT = {"b": 6000, "d": 6000, "f": 6000}


class Unmade(Exception):
    """The file cannot be made; the message says why."""


@dataclass
class Source:
    corpus: str
    repo: str
    commit: str
    path: str
    locator: str | None
    git_dir: Path


# --- reading the mirrors -------------------------------------------------------------------

def git(git_dir: Path, *args: str) -> bytes:
    done = subprocess.run(["git", "--git-dir", str(git_dir), *args], capture_output=True)
    if done.returncode:
        raise Unmade(f"git {' '.join(args)}: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


def find_mirror(mirrors: Path, repo: str) -> Path:
    base = mirrors / repo.replace("/", "+")
    for candidate in (base / "repo", base):
        if (candidate / "HEAD").exists():
            return candidate
    raise Unmade(f"no mirror of {repo} under {mirrors}")


def resolve(source: Source) -> tuple[str, str | None]:
    """Full commit to read, and a note when the labelled one is not in the snapshot."""
    try:
        return git(source.git_dir, "rev-parse", "--verify", "-q",
                   source.commit + "^{commit}").decode().strip(), None
    except Unmade:
        pass
    # snapshots can be shallower than the history the labels were taken from
    try:
        git(source.git_dir, "cat-file", "-e", f"HEAD:{source.path}")
        newest = git(source.git_dir, "rev-parse", "HEAD").decode().strip()
    except Unmade:
        # the file may have been removed since (FiNER): the last commit that still wrote it
        newest = git(source.git_dir, "log", "-1", "--all", "--diff-filter=AM", "--format=%H",
                     "--", source.path).decode().strip()
    if not newest:
        raise Unmade(f"commit {source.commit} is not in the mirror, nor any commit with {source.path}")
    return newest, f"commit {source.commit} not in mirror, used {newest[:7]}"


def blob(source: Source, commit: str, path: str | None = None) -> bytes:
    return git(source.git_dir, "cat-file", "blob", f"{commit}:{path or source.path}")


# --- shaping the text ----------------------------------------------------------------------

def newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def trim_blank_lines(text: str) -> str:
    lines = newlines(text).split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def article(title: str | None, body: str, date: str | None = None) -> str:
    """Title on line 1, the dataset's date field on line 2 where it has one, blank line, text."""
    if title is None:
        return body
    head = [newlines(title).strip()] + ([date.strip()] if date is not None else [])
    return "\n".join(head) + "\n\n" + trim_blank_lines(body)


def cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    paragraph = text.rfind("\n", 0, limit + 1)
    if paragraph > limit // 2:
        return text[:paragraph]
    ends = [m.end() for m in re.finditer(r"[.!?…][\"'»”)]*(?=\s)", text[:limit + 1])]
    if not ends:
        raise Unmade(f"text of {len(text)} characters has no sentence end before {limit}")
    return text[:ends[-1]]


def number(locator: str | None, word: str) -> int:
    match = re.fullmatch(rf"{word} (\d+)", locator or "")
    if not match:
        raise Unmade(f"locator {locator!r} is not '{word} N'")
    return int(match.group(1))


def csv_row(data: bytes, row: int) -> dict[str, str]:
    # rows are 1-based data rows, the header not counted (corpus a README)
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    if not 1 <= row <= len(rows):
        raise Unmade(f"row {row} out of range (the file has {len(rows)} data rows)")
    return rows[row - 1]


# --- one extractor per dataset kind ----------------------------------------------------------

def korean_wikinews_csv(source: Source, data: bytes) -> str:
    row = csv_row(data, number(source.locator, "row"))
    return article(row["제목"], row["내용"], date=row["작성일"])


def bengali_news_csv(source: Source, data: bytes) -> str:
    row = csv_row(data, number(source.locator, "row"))
    return article(row["Title"], row["Body"], date=row["Date_Time"])


def hindi_bbc_csv(source: Source, data: bytes) -> str:
    # columns "0" (category) and "1" (text): the dataset has no title field
    return trim_blank_lines(csv_row(data, number(source.locator, "row"))["1"])


def livedoor_txt(source: Source, data: bytes) -> str:
    # livedoor files are URL, date, title, body; the URL line is dropped
    lines = newlines(data.decode("utf-8-sig")).split("\n")
    if len(lines) < 4:
        raise Unmade("livedoor file shorter than its URL/date/title header")
    return article(lines[2], "\n".join(lines[3:]), date=lines[1])


def jawikinews_tsv_gz(source: Source, data: bytes) -> str:
    wanted = str(number(source.locator, "id"))
    for line in newlines(gzip.decompress(data).decode("utf-8")).split("\n")[1:]:
        fields = line.split("\t")
        if len(fields) == 3 and fields[0] == wanted:
            return article(fields[2], fields[1])
    raise Unmade(f"no id {wanted} in the TSV")


def fars_news_json(source: Source, data: bytes) -> str:
    # "row N" is the 1-based position in the top-level array
    items = json.loads(data.decode("utf-8-sig"))
    row = number(source.locator, "row")
    if not 1 <= row <= len(items):
        raise Unmade(f"row {row} out of range (the array has {len(items)} items)")
    item = items[row - 1]
    return article(item["title"], "\n".join([item["abstract"], *item["paragraphs"]]))


def thai_news_json(source: Source, data: bytes) -> str:
    item = json.loads(data.decode("utf-8-sig"))
    return article(item["title"], item["content"], date=item["date"])


def urdu_zip_member(source: Source, data: bytes) -> str:
    # the dataset has no title field: the member's text as stored
    try:
        text = zipfile.ZipFile(io.BytesIO(data)).read(source.locator or "")
    except KeyError:
        raise Unmade(f"no member {source.locator!r} in the zip") from None
    return trim_blank_lines(text.decode("utf-8-sig"))


def crawler_markdown(source: Source, data: bytes) -> str:
    # "# heading", the crawler's metadata list, a "---" rule, then the article body
    lines = newlines(data.decode("utf-8-sig")).split("\n")
    if not lines[0].startswith("# ") or "---" not in lines:
        raise Unmade("Markdown without '# heading' and '---' after the metadata block")
    return article(lines[0][2:], "\n".join(lines[lines.index("---") + 1:]))


SQL_INSERT = re.compile(r"INSERT \[dbo\]\.\[News\] \(([^)]*)\) VALUES \(")
SQL_VALUE = re.compile(r"\s*(?:N?'((?:[^']|'')*)'|(CAST\([^()]*\))|(NULL)|(-?\d+))\s*([,)])", re.S)


def news_sql_dump(source: Source, data: bytes) -> str:
    # a SQL Server script saved as UTF-16; strings are N'…' with '' for a quote
    text = data.decode("utf-16")
    wanted = number(source.locator, "id")
    for insert in SQL_INSERT.finditer(text):
        columns = [c.strip(" []") for c in insert.group(1).split(",")]
        values, pos = [], insert.end()
        while True:
            value = SQL_VALUE.match(text, pos)
            if not value:
                raise Unmade(f"cannot parse the INSERT at character {insert.start()}")
            quoted, cast, null, integer, end = value.groups()
            values.append(quoted.replace("''", "'") if quoted is not None
                          else int(integer) if integer is not None else cast)
            pos = value.end()
            if end == ")":
                break
        row = dict(zip(columns, values, strict=False))
        if row.get("Id") == wanted:
            return article(row["Title"], row["Body"])
    raise Unmade(f"no News row with Id {wanted}")


# sub-collections whose date field is the day they were collected, the same for every document
BSNLP_COLLECTION_DATED = ("covid-19/raw/uk/", "covid-19/raw/ru/")


def bsnlp_raw(source: Source, data: bytes) -> str:
    # header lines id, lang, date, url; then the title line, a blank line and the body
    lines = newlines(data.decode("utf-8-sig")).split("\n")
    if len(lines) < 6:
        raise Unmade("BSNLP file shorter than its header")
    title, body = lines[4], "\n".join(lines[5:])
    dated = not any(part in source.path for part in BSNLP_COLLECTION_DATED)
    # some 2017 files (corpus e's Slovak ones) leave the date field empty: no date line then
    return article(title, body, date=lines[2] if dated and lines[2].strip() else None)


def conllu_newdoc(source: Source, data: bytes) -> str:
    match = re.fullmatch(r"(?:id|newdoc) (\S+)", source.locator or "")
    if not match:
        raise Unmade(f"locator {source.locator!r} is not 'id DOC' or 'newdoc DOC'")
    sentences, inside = [], False
    for line in data.decode("utf-8-sig").splitlines():
        if line.startswith("# newdoc"):
            inside = line.partition("=")[2].strip() == match.group(1)
        elif inside and line.startswith("# text ="):
            sentences.append(line.partition("=")[2].strip())
    if not sentences:
        raise Unmade(f"no sentences in newdoc {match.group(1)}")
    first, rest = sentences[0], " ".join(sentences[1:])
    # b's treebanks always open with the headline; in c only lt-01 does, and the kd1-* items,
    # which open with a sentence, must not be split, so there an unpunctuated first line decides
    headline = source.corpus == "b" or not re.search(r"[.!?…:;\"”“»]$", first)
    return article(first, rest) if headline and rest else " ".join(sentences)


def fakebr_txt(source: Source, data: bytes) -> str:
    # no title field: the headline is run into the first line, so the text stays as stored
    return trim_blank_lines(data.decode("utf-8-sig"))


XLSX = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def shared_string(si: ElementTree.Element) -> str:
    # rich text comes in <r> runs; <rPh> holds phonetic readings, which are not the text
    parts = [si.find(XLSX + "t")] + [r.find(XLSX + "t") for r in si.findall(XLSX + "r")]
    return "".join(t.text or "" for t in parts if t is not None)


def xlsx_row(data: bytes, row: int) -> dict[str, str]:
    # "row N" is the sheet's own row number (header in row 1), as Excel shows it
    book = zipfile.ZipFile(io.BytesIO(data))
    shared = [shared_string(si) for si in
              ElementTree.fromstring(book.read("xl/sharedStrings.xml")).iter(XLSX + "si")]
    cells: dict[int, dict[str, str]] = {}
    for row_el in ElementTree.fromstring(book.read("xl/worksheets/sheet1.xml")).iter(XLSX + "row"):
        at = int(row_el.get("r"))
        if at not in (1, row):
            continue
        for cell in row_el.iter(XLSX + "c"):
            column = re.match(r"[A-Z]+", cell.get("r")).group(0)
            if cell.get("t") == "inlineStr":
                value = "".join(t.text or "" for t in cell.iter(XLSX + "t"))
            else:
                v = cell.find(XLSX + "v")
                value = "" if v is None else v.text or ""
                if cell.get("t") == "s":
                    value = shared[int(value)]
            cells.setdefault(at, {})[column] = value
    if row not in cells:
        raise Unmade(f"sheet has no row {row}")
    return {cells[1][column]: value for column, value in cells[row].items() if column in cells[1]}


def spanish_fake_news_xlsx(source: Source, data: bytes) -> str:
    row = xlsx_row(data, number(source.locator, "row"))
    return article(row["HEADLINE"], row["TEXT"])


def finer_txt(source: Source, data: bytes) -> str:
    # tokenised, one sentence a line, headline on line 1 with no blank line: kept as stored
    return trim_blank_lines(data.decode("utf-8-sig"))


def line_range(source: Source, data: bytes) -> str:
    # the WMT txt has no document ids; the label gives the document's 1-based line range
    match = re.fullmatch(r"lines (\d+)-(\d+)", source.locator or "")
    if not match:
        raise Unmade(f"locator {source.locator!r} is not 'lines A-B'")
    first, last = int(match.group(1)), int(match.group(2))
    lines = newlines(data.decode("utf-8-sig")).split("\n")
    if not 1 <= first <= last <= len(lines):
        raise Unmade(f"lines {first}-{last} outside the file's {len(lines)} lines")
    segments = lines[first - 1:last]
    return article(segments[0], "\n".join(segments[1:]))


def nepali_txt(source: Source, data: bytes) -> str:
    # the files open with blank lines, spaces and a BOM that is not at the very start
    return trim_blank_lines(data.decode("utf-8").lstrip(" \t\r\n\ufeff"))


# cp1252 leaves five bytes undefined; they are read as Latin-1 so that no byte is lost
_CP1252_HOLES = {0x81: "\x81", 0x8D: "\x8d", 0x8F: "\x8f", 0x90: "\x90", 0x9D: "\x9d"}


def _cp1252(data: bytes) -> str:
    return "".join(_CP1252_HOLES[b] if b in _CP1252_HOLES else bytes([b]).decode("cp1252")
                   for b in data) if any(b in _CP1252_HOLES for b in data) else data.decode("cp1252")


def kthxc_htm(source: Source, data: bytes) -> str:
    # KTH eXtract Corpus: <TITLE> is the title field; "Publicerad: YYYY-MM-DD" in the textinfo
    # META (Swedish SvD files only) the date field; the text is every line between <BODY> and
    # </BODY> as stored, HTML tags (<B>, <H3>) and the corpus's tokenisation spacing included
    text = newlines(_cp1252(data))
    title = re.search(r"<TITLE>(.*?)</TITLE>", text, re.S | re.I)
    body = re.search(r"<BODY>\n?(.*?)</BODY>", text, re.S | re.I)
    if not title or not body:
        raise Unmade("KTHxc file without <TITLE> or <BODY>")
    meta = re.search(r'<META HTTP-EQUIV="textinfo" CONTENT="(.*?)">', text, re.S | re.I)
    date = re.search(r"Publicerad: (\d{4}-\d{2}-\d{2})", meta.group(1)) if meta else None
    return article(title.group(1), body.group(1), date=date.group(1) if date else None)


def alpino_doc(source: Source, data: bytes) -> str:
    # "doc ID": the sentences whose sent_id is "ID\ID.p.P.s.S", in numeric (P, S) order (the file
    # lists some documents in string order, p.1, p.10, p.2); sentences of one paragraph are joined
    # by a space and paragraphs by a newline. Lassy has no headline, so there is no title line.
    match = re.fullmatch(r"doc (\S+)", source.locator or "")
    if not match:
        raise Unmade(f"locator {source.locator!r} is not 'doc ID'")
    wanted, sid, found = match.group(1), None, []
    for line in data.decode("utf-8-sig").splitlines():
        if line.startswith("# sent_id"):
            sid = line.partition("=")[2].strip()
        elif line.startswith("# text =") and sid and sid.partition("\\")[0] == wanted:
            where = re.search(r"\.p\.(\d+)\.s\.(\d+)$", sid)
            if not where:
                raise Unmade(f"sent_id {sid!r} has no .p.N.s.M")
            found.append((int(where.group(1)), int(where.group(2)), line.partition("=")[2].strip()))
    if not found:
        raise Unmade(f"no sentences of document {wanted}")
    found.sort()
    paragraphs: dict[int, list[str]] = {}
    for paragraph, _, sentence in found:
        paragraphs.setdefault(paragraph, []).append(sentence)
    return "\n".join(" ".join(paragraphs[number]) for number in sorted(paragraphs))


def est_timeml(source: Source, data: bytes) -> str:
    # one article a file: the tags dropped (their text kept), each line stripped and empty lines
    # dropped, the corpus's tokenisation spacing (" , ") kept; line 1 is the first text line,
    # line 2 the value of the empty TIMEX3 t0 whose functionInDocument is CREATION_TIME
    root = ElementTree.fromstring(data)
    created = [e for e in root.iter("TIMEX3")
               if e.get("tid") == "t0" and e.get("functionInDocument") == "CREATION_TIME"]
    if len(created) != 1:
        raise Unmade("no single TIMEX3 t0 CREATION_TIME in the file")
    lines = [line.strip() for line in newlines("".join(root.itertext())).split("\n")]
    lines = [line for line in lines if line]
    if len(lines) < 2:
        raise Unmade("TimeML file with fewer than two text lines")
    return article(lines[0], "\n".join(lines[1:]), date=created[0].get("value"))


def nerkor_conllup(source: Source, data: bytes) -> str:
    # tokens only (FORM in column 1, no "# text" lines, no SpaceAfter): each sentence is its
    # tokens joined by single spaces, one sentence a line, in file order; no title, no date
    sentences, tokens = [], []
    for line in newlines(data.decode("utf-8-sig")).split("\n"):
        if line.startswith("#"):
            continue
        if not line.strip():
            if tokens:
                sentences.append(" ".join(tokens))
                tokens = []
            continue
        tokens.append(line.split("\t")[0])
    if tokens:
        sentences.append(" ".join(tokens))
    if not sentences:
        raise Unmade("no tokens in the file")
    return "\n".join(sentences)


def marathi_summarization_txt(source: Source, data: bytes) -> str:
    # one article a file, with no title or date field: the text as stored
    return trim_blank_lines(data.decode("utf-8-sig"))


def mlsum_catalan_tsv(source: Source, data: bytes) -> str:
    # jordimas/MLSUM-Catalan data/processed/ca_train.txt: no header, one article a line,
    # tab-separated url, date, text, summary, title, topic (and an empty last field).
    # "row N" is the 1-based line. The date column is the constant "24/06/2021" that run_all.py
    # writes for every row (the crawl date, not a publication date), so it is not put on line 2.
    row = number(source.locator, "row")
    lines = newlines(data.decode("utf-8")).split("\n")
    if not 1 <= row <= len(lines):
        raise Unmade(f"row {row} out of range (the file has {len(lines)} lines)")
    fields = lines[row - 1].split("\t")
    if len(fields) < 6:
        raise Unmade(f"row {row} has {len(fields)} tab-separated fields, expected 7")
    return article(fields[4], fields[2])


def semeval23_st3_template(source: Source, data: bytes) -> str:
    # SemEval-2023 Task 3 subtask-3 template: rows "article_id<TAB>line_no<TAB>text", one per
    # non-empty line of the original article file (title on line 1, paragraphs on odd lines).
    # The article is rebuilt by putting each text on its line number, empty lines in between.
    # The last row of an article sometimes lacks its newline, so the next article's first row
    # is glued onto it ("...spiegarsi.”26102\t1\t..."): a row's text stops at such a glued row.
    wanted = str(number(source.locator, "id"))
    start = re.compile(rf"(?:^|(?<=\D)){wanted}\t(\d+)\t")
    lines: dict[int, str] = {}
    for physical in newlines(data.decode("utf-8")).split("\n"):
        for match in start.finditer(physical):
            text = re.split(r"(?<=\D)\d+\t\d+\t", physical[match.end():])[0]
            lines[int(match.group(1))] = text
    if not lines:
        raise Unmade(f"no rows for article id {wanted}")
    return "\n".join(lines.get(i, "") for i in range(1, max(lines) + 1))


def news_please_csv(source: Source, data: bytes) -> str:
    # HoriaMoraru/Romanian-News-Political-Bias-Detection dataset/romanian_political_articles2.csv:
    # news-please columns url, title, date_publish, description, maintext, source_domain, authors
    row = csv_row(data, number(source.locator, "row"))
    return article(row["title"], row["maintext"], date=row["date_publish"])


def alb_fake_news_txt(source: Source, data: bytes) -> str:
    # rexshijaku/alb-fake-news-corpus full_texts/true/N.txt: title on line 1, the body after it.
    # The date field is line 1 of the same-numbered full_texts/true-meta-information/N.txt
    # ("date and time of publication" per the readme), read from the same commit.
    match = re.fullmatch(r"full_texts/(true|fake)/(\d+)\.txt", source.path)
    if not match:
        raise Unmade(f"path {source.path!r} is not full_texts/true|fake/N.txt")
    meta_path = f"full_texts/{match.group(1)}-meta-information/{match.group(2)}.txt"
    try:
        meta = git(source.git_dir, "cat-file", "blob", f"{source.commit}:{meta_path}")
    except Unmade:  # snapshot shallower than the labelled commit
        meta = git(source.git_dir, "cat-file", "blob", f"HEAD:{meta_path}")
    date = newlines(meta.decode("utf-8-sig")).split("\n")[0]
    lines = newlines(data.decode("utf-8-sig")).split("\n")
    return article(lines[0], "\n".join(lines[1:]), date=date)


def fake_news_filipino_csv(source: Source, data: bytes) -> str:
    # Fake News Filipino (Cruz et al. 2020) full.csv, columns label, article; no title or date
    # field, so the article as stored. Only label 0 (real news) rows are used.
    return trim_blank_lines(csv_row(data, number(source.locator, "row"))["article"])


def janmabhumi_trec_utf8(source: Source, data: bytes) -> str:
    # ABHISHEKVALSAN/Malayalam-Newspaper-Article-Dataset sample_dataset/N.utf8: one Janmabhumi
    # article a file, <DOC><DOCNO>…</DOCNO><TEXT>…</TEXT></DOC>; inside <TEXT> the scraper wrote
    # the <h1> headline, the date line ("Friday 29 August 2014 12:44 pm IST") and the body, with
    # stray spaces, CRs and blank lines. Every line is stripped and empty lines are dropped:
    # line 1 the headline, line 2 the date line, the rest the body, a paragraph a line.
    match = re.search(r"<TEXT>(.*?)</TEXT>", newlines(data.decode("utf-8-sig")), re.S)
    if not match:
        raise Unmade("file without <TEXT>…</TEXT>")
    lines = [line.strip() for line in match.group(1).split("\n")]
    lines = [line for line in lines if line]
    if len(lines) < 3:
        raise Unmade("<TEXT> with fewer than a headline, a date line and a body line")
    return article(lines[0], "\n".join(lines[2:]), date=lines[1])


def theekkathir_article_txt(source: Source, data: bytes) -> str:
    # vishnumur777/theekkathir-text-dataset src/TheekkathirDataset/article.txt (commit 92f8f45,
    # deleted later): the scraper's sample output, Theekkathir articles one after another, each
    # a header of "key: value" lines (தலைப்பு title, கட்டுரையாளர் author, தேதி date,
    # செய்தி-வகை section), a blank line, the body. "item N" is the Nth article (1-based), split
    # at the lines that start with "தலைப்பு: ". Line 1 is the title, line 2 the தேதி value as
    # stored ("நவம்பர் 23, 2024"), then the body as stored.
    wanted = number(source.locator, "item")
    items = re.split(r"\n(?=தலைப்பு: )", newlines(data.decode("utf-8-sig")))
    if not 1 <= wanted <= len(items):
        raise Unmade(f"item {wanted} out of range (the file has {len(items)} articles)")
    head, _, body = items[wanted - 1].partition("\n\n")
    fields = dict(line.partition(":")[::2] for line in head.split("\n"))
    if "தலைப்பு" not in fields or "தேதி" not in fields:
        raise Unmade(f"item {wanted} has no title or date field in its header")
    return article(fields["தலைப்பு"].strip(), body, date=fields["தேதி"].strip())


def narc_ndt_txt(source: Source, data: bytes) -> str:
    # ltgoslo/NARC data/v1.0/annotation_bokmaal/*.txt: one Norwegian Dependency Treebank document
    # a file, tokenised, a sentence a line, blank lines between paragraphs; line 1 is the title
    # (web subheadings end in " |"). The date is the YYYYMMDD of the NDT file name
    # (ap~20090401-3010501.txt, vg~VG-20121211-….txt), written as line 2; none if it has none.
    lines = newlines(data.decode("utf-8-sig")).split("\n")
    match = re.search(r"(\d{4})(\d{2})(\d{2})-\d+\.txt$", source.path)
    date = "-".join(match.groups()) if match else None
    return article(lines[0], "\n".join(lines[1:]), date=date)


def framemerger_json(source: Source, data: bytes) -> str:
    # LUMII-AILab/FrameMerger tests/p2/*.json: one parsed LETA/MFA document, {"date", "id",
    # "sentences": [{"text", "tokens", "frames"}]}; each sentence's "text" (tokenised, as stored)
    # a line, the first one the title, the "date" field on line 2.
    document = json.loads(data.decode("utf-8-sig"))
    lines = [sentence["text"] for sentence in document["sentences"]]
    if len(lines) < 2:
        raise Unmade("document with fewer than a title and a body sentence")
    return article(lines[0], "\n".join(lines[1:]), date=document.get("date") or None)


def selkouutiset_story_md(source: Source, data: bytes) -> str:
    # hiAndrewQuinn/selkouutiset-scrape-cleaned YYYY/MM/DD/_index.<lang>.md: one Yle Selkouutiset
    # bulletin (machine-translated), each story a "### " section. Locator "story N" (1-based):
    # the heading as title, the bulletin date of the path on line 2, then the section's lines,
    # image lines ("![caption](url)") and empty lines dropped, a paragraph a line.
    wanted = number(source.locator, "story")
    stories: list[list[str]] = []
    for line in newlines(data.decode("utf-8-sig")).split("\n"):
        if line.startswith("### "):
            stories.append([line[4:]])
        elif stories and line.strip() and not line.startswith("!["):
            stories[-1].append(line.strip())
    if not 1 <= wanted <= len(stories) or len(stories[wanted - 1]) < 2:
        raise Unmade(f"no story {wanted} with a body in the bulletin")
    match = re.search(r"(\d{4})/(\d{2})/(\d{2})/_index\.[a-z]+\.md$", source.path)
    title, *body = stories[wanted - 1]
    return article(title, "\n".join(body), date="-".join(match.groups()) if match else None)


EXTRACTORS = {
    "yiunsr/boddari": korean_wikinews_csv,
    "jkatsuta/18_4q_doc2vec": livedoor_txt,
    "tm4roon/jawikinews-headline-dataset": jawikinews_tsv_gz,
    "language-ml/course-nlp-ir-1-text-exploring": fars_news_json,
    "MaazAmjad/Datasets-for-Urdu-news": urdu_zip_member,
    "mirazchowdhury/bengali-news-classifier": bengali_news_csv,
    "mochramdani3395/crawler-news-kampus": crawler_markdown,
    "hakanciritt/Haber-Sitesi-NetCoreMVC": news_sql_dump,
    "iorixxx/Thai-news-retrieval": thai_news_json,
    "danlobo1999/classification-of-hindi-news": hindi_bbc_csv,
    "UL-FRI-Zitnik/BSNLP-2021-Shared-Task": bsnlp_raw,
    "UniversalDependencies/UD_Greek-GDT": conllu_newdoc,
    "UniversalDependencies/UD_Croatian-SET": conllu_newdoc,
    "UniversalDependencies/UD_Lithuanian-ALKSNIS": conllu_newdoc,
    "roneysco/Fake.br-Corpus": fakebr_txt,
    "jpposadas/FakeNewsCorpusSpanish": spanish_fake_news_xlsx,
    "mpsilfve/finer-data": finer_txt,
    "wmt-conference/wmt23-news-systems": line_range,
    "sagarad931/Nepali_news_classification": nepali_txt,
    "magneticmojo/swedish-news-article-summarization-jupyter-notebook": kthxc_htm,
    "UniversalDependencies/UD_Dutch-Alpino": alpino_doc,
    "soras/EstTimexCorpora": est_timeml,
    "nytud/NYTK-NerKor": nerkor_conllup,
    "pratikratadiya/marathi-news-document-dataset": marathi_summarization_txt,
    "jordimas/MLSUM-Catalan": mlsum_catalan_tsv,
    "yrf1/SemEval23-Task-3-UIUC-Team": semeval23_st3_template,
    "HoriaMoraru/Romanian-News-Political-Bias-Detection": news_please_csv,
    "rexshijaku/alb-fake-news-corpus": alb_fake_news_txt,
    "Exogenic1/AnCore_FakenewsDetector": fake_news_filipino_csv,
    "ltgoslo/NARC": narc_ndt_txt,
    "LUMII-AILab/FrameMerger": framemerger_json,
    "hiAndrewQuinn/selkouutiset-scrape-cleaned": selkouutiset_story_md,
    "ABHISHEKVALSAN/Malayalam-Newspaper-Article-Dataset": janmabhumi_trec_utf8,
    "vishnumur777/theekkathir-text-dataset": theekkathir_article_txt,
}


# --- driving -------------------------------------------------------------------------------

def make(corpus: str, label: dict, mirrors: Path, cache: dict) -> tuple[str, str | None]:
    match = SOURCE.match(label["source"])
    if not match:
        raise Unmade(f"source {label['source']!r} is not owner/repo@commit:path#locator")
    repo = match.group("repo")
    extractor = EXTRACTORS.get(repo)
    if extractor is None:
        raise Unmade(f"no extractor for {repo}")
    source = Source(corpus, repo, match.group("commit"), match.group("path"),
                    match.group("locator"), find_mirror(mirrors, repo))
    commit, note = resolve(source)
    # several labels share one large file (CSV, treebank, zip): read it once
    key = (str(source.git_dir), commit, source.path)
    if key not in cache:
        cache[key] = blob(source, commit)
    text = trim_blank_lines(extractor(source, cache[key]))
    if corpus in CUT_AT:
        # a cut at a paragraph break would keep the blank line before it (f's ta-03): trimmed
        text = trim_blank_lines(cut(text, CUT_AT[corpus]))
    if not text.strip():
        raise Unmade("extracted text is empty")
    return text + "\n", note


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, required=True,
                        help="folder of bare git mirrors (DIR/owner+repo/repo)")
    parser.add_argument("corpora", nargs="*", default=["a", "b", "c", "d", "e", "f"],
                        help="corpus folders (default a b c d e f)")
    args = parser.parse_args()
    failed = 0
    cache: dict = {}
    for corpus in args.corpora:
        labels = json.loads((HERE / corpus / "labels.json").read_text(encoding="utf-8"))
        out = HERE / corpus / "articles"
        out.mkdir(exist_ok=True)
        for label in labels:
            name = f"{corpus}/articles/{label['file']}"
            try:
                text, note = make(corpus, label, args.mirrors, cache)
            except (Unmade, KeyError, IndexError, ValueError, OSError, zipfile.BadZipFile,
                    ElementTree.ParseError) as error:
                failed += 1
                reason = error if isinstance(error, Unmade) else f"{type(error).__name__}: {error}"
                print(f"NOT MADE {name}: {reason}")
                continue
            (out / label["file"]).write_text(text, encoding="utf-8")
            print(f"wrote {name} ({len(text)} chars)" + (f"; {note}" if note else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
