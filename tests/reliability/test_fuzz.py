"""Property-based tests of `extract` and `analyze`: whatever text or page comes in, the answer is a
valid analysis (schema-valid, every span inside the text) or one clear InputError — never another
exception, never a hang (each input has a time limit of its own, with its own error)."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimwatch
from claimwatch.errors import InputError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from contract_check import assert_keeps_contract  # noqa: E402

#: Seconds one input may take to extract and analyse (the spaCy model is loaded before, once).
TIME_LIMIT_S = 20
#: Examples per strategy: 7 strategies × 12 = 84 fuzzed inputs per run, plus the 10 MB ones.
EXAMPLES = 12

FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


class Hang(Exception):
    """An input that took longer than its time limit: a hang, reported as such."""


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    def expire(_signum, _frame):
        raise Hang(f"no answer within {seconds} s for {what}")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_input(text: str, limit: float = TIME_LIMIT_S) -> str:
    """Extract and analyse `text`: "analysis", "input-error" (one clear line) or a test failure."""
    what = f"{len(text)} characters starting {text[:60]!r}"
    with time_limit(limit, what):
        try:
            document = claimwatch.extract(text)
        except InputError as exc:
            message = str(exc)
            assert message and "\n" not in message, f"unclear error {message!r} for {what}"
            return "input-error"
        assert 0 <= len(document.text) and all(0 <= s <= e <= len(document.text) for ex in document.excluded
                                                for s, e in [ex.span])
        try:
            analysis = claimwatch.analyze(text)
        except InputError as exc:
            message = str(exc)
            assert message and "\n" not in message, f"unclear error {message!r} for {what}"
            return "input-error"
    assert_keeps_contract(analysis.to_dict())
    return "analysis"


WORDS = ["The", "army", "said", "on", "Monday", "that", "12,000", "troops", "had", "crossed", "the", "border",
         "President", "Putin", "told", "reporters", "Kyiv", "Gaza", "killed", "at", "least", "30", "people", "."]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\x00", "\x01", "\x07", "\x1b", "\x7f",
             "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\r", "\t",
             "\u2028", "\u2029", "\x0b", "\x0c", "\u0085"]
RTL = ["قال", "الجيش", "إن", "الهجوم", "غزة", "אמר", "הצבא", "כי", "ירושלים", "\u200f", "\u200e", "١٢٣", "٪"]


def _joined(parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(parts, min_size=1, max_size=80).map(" ".join)


@pytest.fixture(scope="module", autouse=True)
def _model_loaded(nlp):
    """The model loads once, before any time limit starts."""


@FUZZ
@given(st.text(max_size=2000))
def test_arbitrary_unicode(text: str) -> None:
    check_input(text)


@FUZZ
@given(_joined(st.one_of(st.sampled_from(WORDS), st.sampled_from(INVISIBLE),
                         st.text(alphabet=st.sampled_from(INVISIBLE), min_size=1, max_size=5))))
def test_control_and_zero_width_characters(text: str) -> None:
    check_input(text)


@FUZZ
@given(_joined(st.one_of(st.sampled_from(RTL), st.sampled_from(WORDS))))
def test_right_to_left_text(text: str) -> None:
    check_input(text)


@FUZZ
@given(st.integers(min_value=1_000, max_value=20_000), st.sampled_from(["word ", "x", "12,000 ", "said. ", "\u200b"]))
def test_very_long_lines(repeat: int, unit: str) -> None:
    check_input("The army said " + unit * repeat)


@FUZZ
@given(st.text(alphabet=st.sampled_from(list("0123456789.,-+%/: \n")), min_size=1, max_size=3000))
def test_numbers_only(text: str) -> None:
    check_input(text)


@FUZZ
@given(st.integers(min_value=1, max_value=3000), st.sampled_from(["div", "p", "span", "table", "b", "article"]),
       st.booleans())
def test_deeply_nested_html(depth: int, tag: str, closed: bool) -> None:
    inner = "<p>The army said on Monday that 300 soldiers had crossed the border.</p>"
    html = (f"<html><head><title>Nested</title></head><body>{f'<{tag}>' * depth}{inner}"
            f"{f'</{tag}>' * depth if closed else ''}</body></html>")
    check_input(html)


TAG_SOUP = ["<html>", "<body>", "<div>", "</div>", "<p>", "</p", "<script>", "</script>", "<!--", "-->",
            "<![CDATA[", "]]>", "<a href='", "'>", "&amp;", "&#0;", "&#x110000;", "&nbsp;", "<title>", "</title>",
            "<meta charset='utf-7'>", "<article>", "<<>>", "<br/>", "<table><tr><td>", "\x00", "<style>{}</style>"]


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(TAG_SOUP), st.sampled_from(WORDS)), min_size=1, max_size=200).map("".join))
def test_malformed_html(html: str) -> None:
    check_input("<html>" + html)


@pytest.mark.slow
def test_ten_megabytes() -> None:
    """A 10 MB plain text and HTML page extract in time; a 10 MB text in a language the analysis does not
    read is refused with one line; 1 MB of English is analysed within its limit."""
    sentence = "The army said on Monday that 300 soldiers had crossed the border near the town. "
    big = (sentence * (10_000_000 // len(sentence) + 1))[:10_000_000]
    with time_limit(300, "10 MB extract"):
        assert len(claimwatch.extract(big).text) == len(big)
        html = "<html><body><article>" + "<p>" + big.replace(". ", ".</p><p>") + "</p></article></body></html>"
        assert claimwatch.extract(html).text
    russian = ("Министерство обороны заявило, что войска заняли ещё один населённый пункт. " * 150_000)[:10_000_000]
    assert check_input(russian, limit=300) == "input-error"
    assert check_input(big[:1_000_000], limit=300) == "analysis"
