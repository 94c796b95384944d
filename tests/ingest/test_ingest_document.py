"""Documents from files and strings: plain text kept byte for byte, errors as one line naming the input."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimwatch.errors import InputError
from claimwatch.ingest import document_from_bytes, document_from_text, read_document

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

TEXT = (
    "  The port of Odesa reopened on Tuesday after a week of strikes, the harbour authority said.\r\n\r\n"
    "Ships carrying grain left for Istanbul and Alexandria; traders said prices would fall.\t\n"
    "\u201cWe are working around the clock,\u201d a dock worker said.   \n"
)


def test_plain_text_is_kept_exactly(tmp_path: Path) -> None:
    path = tmp_path / "odesa.txt"
    path.write_bytes(TEXT.encode("utf-8"))
    doc = read_document(path, published="2023-08-01")
    assert doc.text == TEXT
    assert doc.text.encode("utf-8") == path.read_bytes()
    assert (doc.published, doc.language, doc.excluded) == ("2023-08-01", "en", [])


def test_plain_text_does_not_import_the_extractor() -> None:
    import subprocess

    code = (
        "import sys; from claimwatch.ingest import document_from_text; "
        f"document_from_text({TEXT!r}); print('trafilatura' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_same_text_same_id() -> None:
    assert document_from_text(TEXT).id == document_from_bytes(TEXT.encode("utf-8")).id


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^.*nothing\.txt: no such file$"):
        read_document(tmp_path / "nothing.txt")
    with pytest.raises(InputError, match=r"is a folder"):
        read_document(tmp_path)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    with pytest.raises(InputError, match=rf"^{path}: binary"):
        read_document(path)


def test_errors_are_one_line_starting_with_the_name() -> None:
    for bad in (b"", b"\x00\x01\x02" * 100):
        with pytest.raises(InputError) as info:
            document_from_bytes(bad, name="in.txt")
        assert str(info.value).startswith("in.txt: ") and "\n" not in str(info.value)


def test_german_text_is_read_with_its_language() -> None:
    """Any language is read (nothing lost); only the analysis is English only (tests/reliability)."""
    text = ("Die Stadtverwaltung hat am Montag angekündigt, dass die Brücke über den Fluss im Mai wieder "
            "geöffnet wird. Nach Angaben der Behörden wurden die Reparaturen schneller als geplant abgeschlossen.")
    document = document_from_bytes(text.encode("utf-8"), name="bericht.txt")
    assert document.language == "de" and document.text == text


@pytest.mark.parametrize("published", ["2024-10-24", "2024-10", "2024", "2024-10-24T08:00:00+00:00"])
def test_published_dates_accepted(published: str) -> None:
    assert document_from_text(TEXT, published=published).published == published


def test_malformed_published_date_is_refused() -> None:
    with pytest.raises(InputError, match=r"^in: published date '24/10/2024' is not an ISO date"):
        document_from_text(TEXT, published="24/10/2024", name="in")


def test_boilerplate_is_recorded_not_removed() -> None:
    text = TEXT + "Share this article\n"
    doc = document_from_text(text)
    assert doc.text == text
    assert [text[e.span[0]:e.span[1]] for e in doc.excluded] == ["Share this article"]


def test_reference_article_trailing_headlines() -> None:
    """The reference article ends in three headlines of other stories: exactly those are excluded."""
    seed = SHARED / "seed" / "north-korean-troops.txt"
    if not seed.is_file():
        pytest.skip(f"needs the reference article at {seed} (absent in this checkout)")
    doc = read_document(seed)
    assert doc.text == seed.read_text(encoding="utf-8")
    assert len(doc.excluded) == 1 and doc.excluded[0].reason == "unrelated trailing headlines"
    start, end = doc.excluded[0].span
    lines = doc.text.rstrip().split("\n")
    assert doc.text[start:end] == "\n".join(lines[-3:])
