"""Metadata tables: per-file publication date, outlet, URL, author and title, given by the user."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch.errors import InputError
from claimwatch.ingest import document_from_text
from claimwatch.ingest.metadata import PublicationMeta, apply_metadata, read_metadata_table

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

TEXT = (
    "CAIRO, March 3, 2025 (Reuters) — Egypt said on Monday that talks would resume next week after a pause "
    "of several days, a spokesman for the foreign ministry said.\n"
)


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def test_tsv_with_synonyms_and_missing_values(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "meta.tsv",
        "Filename\tPublisher\tPublication Date\tByline\tHeadline\tLink\textra\n"
        "cairo-talks\tReuters\t2025-03-03\tJane Doe\tTalks resume\thttps://news.example/cairo\tx\n"
        "kyiv.txt\tNone\tNA\t-\t\tnone\ty\n",
    )
    table = read_metadata_table(path)
    assert len(table) == 2
    assert table.lookup("cairo-talks") == PublicationMeta(
        "2025-03-03", "Reuters", "https://news.example/cairo", "Jane Doe", "Talks resume"
    )
    assert table.lookup("kyiv.txt") == PublicationMeta()
    assert table.lookup("unknown.txt") is None


def test_lookup_by_exact_name_base_name_and_stem(tmp_path: Path) -> None:
    path = write(tmp_path, "meta.csv", "file,date,outlet\ncorpus/a.txt,2024-01-02,A\nb,2024-02,B\nc.txt,2024,C\n")
    table = read_metadata_table(path)
    assert table.lookup("corpus/a.txt").outlet == "A"  # exact
    assert table.lookup("/elsewhere/corpus/a.txt").outlet == "A"  # base name
    assert table.lookup("other/b.txt").published == "2024-02"  # base name without extension
    assert table.lookup("c").published == "2024"  # the table's name has the extension, the file not


def test_a_base_name_two_rows_share_matches_neither(tmp_path: Path) -> None:
    path = write(tmp_path, "meta.csv", "path,published\nx/story.txt,2024-01-01\ny/story.txt,2024-02-02\n")
    table = read_metadata_table(path)
    assert table.lookup("x/story.txt").published == "2024-01-01"
    assert table.lookup("z/story.txt") is None


def test_delimiter_is_sniffed_without_a_known_extension(tmp_path: Path) -> None:
    tabbed = write(tmp_path, "meta.txt", "name\tpubdate\na.txt\t2024-01-02\n")
    assert read_metadata_table(tabbed).lookup("a.txt").published == "2024-01-02"
    semicolons = write(tmp_path, "meta.dat", "file;date;site\na.txt;2024-01-02;Example\nb.txt;2024-01-03;Other\n")
    assert read_metadata_table(semicolons).lookup("b.txt") == PublicationMeta("2024-01-03", "Other")


def test_datetimes_are_dates(tmp_path: Path) -> None:
    path = write(tmp_path, "m.csv", "filename,published\na,2024-10-24T08:00:00+09:00\nb,2024-10-24 08:00\n")
    table = read_metadata_table(path)
    assert table.lookup("a").published == "2024-10-24T08:00:00+09:00"
    assert table.lookup("b").published == "2024-10-24 08:00"


def test_a_date_that_is_not_iso_names_file_line_and_value(tmp_path: Path) -> None:
    path = write(tmp_path, "m.csv", "filename,date\na.txt,2024-01-02\nb.txt,03/04/2024\n")
    with pytest.raises(InputError, match=r"m\.csv:3: date '03/04/2024' is not an ISO date"):
        read_metadata_table(path)


def test_a_table_without_a_file_name_column_says_which_are_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "m.tsv", "document\tdate\na.txt\t2024-01-02\n")
    with pytest.raises(InputError, match=r"m\.tsv: .*no file-name column \(one of: filename, .*path\)"):
        read_metadata_table(path)


def test_a_file_named_twice_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "m.csv", "filename,date\na.txt,2024-01-02\na.txt,2024-01-03\n")
    with pytest.raises(InputError, match=r"m\.csv:3: file 'a\.txt' is already on line 2"):
        read_metadata_table(path)


def test_missing_or_empty_table(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_metadata_table(tmp_path / "absent.tsv")
    with pytest.raises(InputError, match="empty metadata table"):
        read_metadata_table(write(tmp_path, "empty.csv", ""))


def test_apply_metadata_wins_over_the_dateline_and_keeps_the_rest() -> None:
    doc = document_from_text(TEXT, url="https://news.example/cairo")
    assert doc.published == "2025-03-03"  # the dateline's
    meta = PublicationMeta(published="2025-03-04", outlet="Reuters", author="Jane Doe")
    applied = apply_metadata(doc, meta)
    assert (applied.published, applied.author, applied.url, applied.title) == (
        "2025-03-04", "Jane Doe", "https://news.example/cairo", None
    )
    assert applied.id == doc.id and applied.text == doc.text
    assert doc.published == "2025-03-03"  # the original is untouched
    assert apply_metadata(doc, None) is doc
    assert apply_metadata(doc, PublicationMeta()).published == "2025-03-03"


def test_polnear_metadata_table() -> None:
    folder = SHARED / "data" / "polnear"
    if not (folder / "metadata.tsv").is_file():
        pytest.skip(f"needs the PolNeAR metadata table at {folder / 'metadata.tsv'} (absent in this checkout)")
    table = read_metadata_table(folder / "metadata.tsv")
    name = "breitbart_2016-09-12_stealth-over-health-hillary-clin"
    meta = table.lookup(str(folder / "dev" / "text" / f"{name}.txt"))
    assert meta is not None
    assert (meta.outlet, meta.published) == ("breitbart", "2016-09-12")
    assert meta.title is not None and meta.title.startswith("Stealth Over Health")
    dev_texts = sorted((folder / "dev" / "text").glob("*.txt"))
    if dev_texts:  # every dev text has its row
        assert all(table.lookup(str(path)) is not None for path in dev_texts)
