"""A metadata table (TSV or CSV) that gives each input file its publication facts: date, outlet, URL,
author, title.

Corpora often keep these beside the texts (PolNeAR's metadata.tsv), and a plain-text file carries no
date of its own: without the table its relative times could not be resolved. The table's date is one
the user gives, so it wins over whatever the page declares.
"""

from __future__ import annotations

import csv
import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from claimwatch.errors import InputError
from claimwatch.ingest.dates import is_iso_date
from claimwatch.model import Document

#: Accepted column names (compared case-insensitively, spaces and hyphens read as "_"), preferred first.
COLUMNS: dict[str, tuple[str, ...]] = {
    "file": ("filename", "file_name", "file", "name", "path"),
    "published": ("published", "publication_date", "date", "pubdate"),
    "outlet": ("outlet", "publisher", "source", "site"),
    "url": ("url", "link"),
    "author": ("author", "byline"),
    "title": ("title", "headline"),
}
#: Cells that mean "no value".
MISSING = frozenset({"", "none", "na", "n/a", "nan", "null", "-"})


@dataclass(frozen=True)
class PublicationMeta:
    """What the table says about one file; None where it says nothing."""

    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    title: str | None = None


@dataclass
class MetadataTable:
    """The rows of a metadata table, found by a file's exact name, base name or base name without extension."""

    path: str
    rows: dict[str, PublicationMeta] = field(default_factory=dict)
    #: base name, and base name without its extension → row key; None where two rows share it.
    _by_base: dict[str, str | None] = field(default_factory=dict, init=False, repr=False)
    _by_stem: dict[str, str | None] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for key in self.rows:
            _index(self._by_base, _base(key), key)
            _index(self._by_stem, _stem(_base(key)), key)

    def __len__(self) -> int:
        return len(self.rows)

    def lookup(self, name_or_path: str) -> PublicationMeta | None:
        """The row of a file, tried by exact name, then base name, then base name without extension.

        A base name that two rows share (`a/x.txt`, `b/x.txt`) matches neither: a wrong row would
        give the file another article's date.
        """
        name = name_or_path.strip()
        if name in self.rows:
            return self.rows[name]
        base = _base(name)
        for index, probe in ((self._by_base, base), (self._by_base, _stem(base)), (self._by_stem, _stem(base))):
            key = index.get(probe)
            if key is not None:
                return self.rows[key]
            if probe in index:  # ambiguous
                return None
        return None


def read_metadata_table(path: str | Path) -> MetadataTable:
    """Read a TSV or CSV metadata table (told apart by extension, else by sniffing its delimiter).

    Raises InputError naming the file (and line) for an unreadable file, a table without a file-name
    column, a date that is not ISO 8601, or a file name given twice.
    """
    p = Path(path)
    try:
        content = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the metadata table: {exc}") from None
    reader = csv.reader(content.splitlines(keepends=True), delimiter=_delimiter(p, content))
    header = next(reader, None)
    if header is None:
        raise InputError(f"{path}: empty metadata table")
    columns = _columns(header, str(path))
    rows: dict[str, PublicationMeta] = {}
    lines: dict[str, int] = {}
    for cells in reader:
        line = reader.line_num
        values = {role: _value(cells, at) for role, at in columns.items()}
        name = values.get("file")
        if name is None:
            continue  # a blank line, or a row that names no file: nothing can match it
        published = values.get("published")
        if published is not None and not is_iso_date(published):
            raise InputError(
                f"{path}:{line}: date {published!r} is not an ISO date (YYYY, YYYY-MM, YYYY-MM-DD or a date and time)"
            )
        if name in rows:
            raise InputError(f"{path}:{line}: file {name!r} is already on line {lines[name]}")
        rows[name] = PublicationMeta(
            published, values.get("outlet"), values.get("url"), values.get("author"), values.get("title")
        )
        lines[name] = line
    return MetadataTable(str(path), rows)


def apply_metadata(document: Document, meta: PublicationMeta | None) -> Document:
    """A copy of `document` with the table's published date, URL, author and title where it has them.

    The table is the user's word, so its values win over what the page or its dateline declared;
    `meta.outlet` is not a Document field and is left for the caller to store.
    """
    if meta is None:
        return document
    return dataclasses.replace(
        document,
        published=meta.published or document.published,
        url=meta.url or document.url,
        author=meta.author or document.author,
        title=meta.title or document.title,
        excluded=list(document.excluded),
    )


def _delimiter(path: Path, content: str) -> str:
    suffix = path.suffix.lower()
    if suffix == ".tsv":
        return "\t"
    if suffix == ".csv":
        return ","
    sample = content[:8192]
    try:
        return csv.Sniffer().sniff(sample, delimiters="\t,;|").delimiter
    except csv.Error:
        first = sample.split("\n", 1)[0]
        return "\t" if "\t" in first else ","


def _columns(header: list[str], path: str) -> dict[str, int]:
    """Role → column index, each role taking the most preferred of its names the header has."""
    names = {re.sub(r"[\s\-]+", "_", name.strip().lower()): at for at, name in reversed(list(enumerate(header)))}
    columns = {}
    for role, synonyms in COLUMNS.items():
        for synonym in synonyms:
            if synonym in names:
                columns[role] = names[synonym]
                break
    if "file" not in columns:
        raise InputError(
            f"{path}: the metadata table has no file-name column (one of: {', '.join(COLUMNS['file'])}); "
            f"its columns are: {', '.join(h.strip() for h in header)}"
        )
    return columns


def _value(cells: list[str], at: int) -> str | None:
    value = cells[at].strip() if at < len(cells) else ""
    return None if value.lower() in MISSING else value


def _base(name: str) -> str:
    return PurePath(name.replace("\\", "/")).name


def _stem(base: str) -> str:
    """The base name without its last extension ("x.txt" → "x"); a name without one is kept."""
    return base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base


def _index(index: dict[str, str | None], probe: str, key: str) -> None:
    if probe in index and index[probe] != key:
        index[probe] = None
    else:
        index[probe] = key
