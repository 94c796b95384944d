"""Publication dates from the places that declare one: a URL's path, a news dateline, a date value.

Relative times ("today", "a year ago") are resolved against `Document.published`, so a wrong date
moves every one of them: these readers would rather say nothing (None) than guess. None of them
reads running text; the dateline reader looks only at the opening of the article, and only at a
dateline with a full year.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import unquote, urlsplit

#: Years a URL path may carry: 8 digits or /YYYY/MM/ outside these years are ids, not dates.
URL_YEARS = (1990, 2100)
#: Years a declared value or a dateline may carry (archives reach back further than URLs do).
DECLARED_YEARS = (1800, 2100)
#: How far into its paragraph a dateline may reach.
DATELINE_CHARS = 200
#: A first line at most this long may be a headline: the dateline may open the next line.
HEADLINE_CHARS = 150

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH_RE = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")"

# --- URLs ------------------------------------------------------------------------------------------
#: /2025/03/04/ and the Guardian's /2025/mar/04/ (day followed by the end or a new segment).
_URL_YMD = re.compile(rf"/(\d{{4}})/(\d{{2}}|{_MONTH_RE})/(\d{{2}})(?=/|$)", re.IGNORECASE)
#: /2025-03-04/ or a segment opening with it: /2025-03-04-slug, /2025-03-04_slug, /2025-03-04.html
_URL_ISO = re.compile(r"/(\d{4})-(\d{2})-(\d{2})(?=[/_.-]|$)")
#: /20250304/ as a whole segment.
_URL_COMPACT = re.compile(r"/(\d{4})(\d{2})(\d{2})(?=/|$)")
#: /2025/03/ with no day after it (an impossible day is no reason to fall back): month precision.
_URL_YM = re.compile(rf"/(\d{{4}})/(\d{{2}}|{_MONTH_RE})(?=/|$)(?!/\d{{1,2}}(?:/|$))", re.IGNORECASE)


def date_from_url(url: str) -> str | None:
    """The date a URL's path declares (`/2025/03/04/` → "2025-03-04", `/2025/03/` → "2025-03"), else None.

    Only the path is read, and only dates in the usual shapes of news URLs with a plausible year and a
    real month and day: a lone `/2025/` is as likely a topic as a date, and is not taken.
    """
    try:
        path = unquote(urlsplit(url.strip()).path)
    except ValueError:
        return None
    for pattern in (_URL_YMD, _URL_ISO, _URL_COMPACT):
        for match in pattern.finditer(path):
            found = _ymd(*match.groups(), years=URL_YEARS)
            if found:
                return found
    for match in _URL_YM.finditer(path):
        year, month = int(match[1]), _month(match[2])
        if URL_YEARS[0] <= year <= URL_YEARS[1] and month:
            return f"{year:04d}-{month:02d}"
    return None


# --- datelines -------------------------------------------------------------------------------------
_CAPS_WORD = r"[A-Z][A-Z'’.\-]+"
_PLACE_WORD = r"[A-Z][A-Za-z'’.\-]*"
#: The city in capitals, as wire and newspaper style writes it ("KYIV", "NEW YORK"), then maybe ", Ukraine".
_PLACE = rf"{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}}(?:,[ ]{_PLACE_WORD}(?:[ ]{_PLACE_WORD}){{0,3}}){{0,2}}"
_AGENCY = r"\([A-Z][A-Za-z&.\- ]{0,30}\)|/[A-Za-z][A-Za-z\- ]{0,30}/"
_WEEKDAY = r"(?i:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\.?,?[ ]"
_MONTH = rf"(?i:{_MONTH_RE})"
_ORD = r"(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:(?P<m1>{_MONTH})\.?[ ](?P<d1>\d{{1,2}}){_ORD},?[ ](?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}}){_ORD}[ ](?P<m2>{_MONTH})\.?,?[ ](?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))"
)
#: [PLACE, | PLACE (AGENCY),?] [Weekday,] DATE [(AGENCY)], then a dash, a colon or the end of the line.
_DATELINE = re.compile(
    rf"\A[ \t]*(?:{_PLACE}(?:,[ ]*|[ ]*(?:{_AGENCY})[ ]*,?[ ]*))?(?:{_WEEKDAY})?{_DATE}"
    rf"(?:[ ]*(?:{_AGENCY}))?[ ]*(?:—|–|―|-{{1,2}}|:|\||[ \t]*(?:\n|\Z))"
)


def date_from_dateline(text: str) -> str | None:
    """The date of the news dateline that opens `text` ("CAIRO, March 3, 2025 (Reuters) —"), else None.

    The dateline must open the first line (or the next, when the first is a short headline), carry a
    full year and end in a dash, a colon or the end of its line; a date anywhere else is never read.
    """
    clean = text[: DATELINE_CHARS + HEADLINE_CHARS + 200].lstrip("\ufeff").replace("\r", "")
    starts = [m.start() for m in re.finditer(r"^[ \t]*\S", clean, re.MULTILINE)][:2]
    if len(starts) == 2 and len(clean[starts[0] : starts[1]].strip()) > HEADLINE_CHARS:
        starts = starts[:1]  # the first line is no headline: the article opens there
    for at in starts:
        match = _DATELINE.match(clean[at : at + DATELINE_CHARS])
        if match:
            groups = match.groupdict()
            for n in "123":
                if groups[f"y{n}"]:
                    return _ymd(groups[f"y{n}"], groups[f"m{n}"], groups[f"d{n}"], years=DECLARED_YEARS)
    return None


# --- declared values -------------------------------------------------------------------------------
_ISO_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2}))?")
_VALUE_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])")
_VALUE_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:$|T)")


def is_iso_date(value: str) -> bool:
    """Whether `value` is an ISO 8601 date a user may give: YYYY, YYYY-MM, YYYY-MM-DD or a date and time."""
    value = value.strip()
    partial = _ISO_PARTIAL.fullmatch(value)
    if partial:
        return partial[2] is None or 1 <= int(partial[2]) <= 12
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def parse_date_value(value: str) -> str | None:
    """The ISO date of a value a page declares as its date (a meta tag, JSON-LD, `<time datetime>`).

    Keeps the precision given (a bare "2025" stays "2025", never "2025-01-01") and the date as the
    publisher wrote it (no shift to UTC). Gives None for what is not plainly a date, such as a bare
    number that could be a timestamp or an id.
    """
    value = value.strip()
    if not value or len(value) > 64:
        return None
    partial = _ISO_PARTIAL.fullmatch(value)
    if partial:
        year, month = int(partial[1]), int(partial[2] or 1)
        if DECLARED_YEARS[0] <= year <= DECLARED_YEARS[1] and 1 <= month <= 12:
            return value
        return None
    for pattern in (_VALUE_YMD, _VALUE_COMPACT):
        match = pattern.match(value)
        if match:
            return _ymd(*match.groups(), years=DECLARED_YEARS)
    if value.isdigit():
        return None
    try:  # RFC 2822, as in feeds and some meta tags: "Thu, 24 Oct 2024 08:00:00 GMT"
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return _ymd(str(parsed.year), str(parsed.month), str(parsed.day), years=DECLARED_YEARS)
    return _parse_written_date(value)


def _parse_written_date(value: str) -> str | None:
    """A written full date ("October 24, 2024", "24 Oct 2024 10:00"), all of day, month and year required."""
    if not re.search(r"\d{4}", value) or not re.search(_MONTH_RE, value, re.IGNORECASE):
        return None
    import dateparser  # slow to import: only for the rare page that declares its date in words

    parsed = dateparser.parse(value, languages=["en"], settings={"STRICT_PARSING": True})
    if parsed is None:
        return None
    return _ymd(str(parsed.year), str(parsed.month), str(parsed.day), years=DECLARED_YEARS)


def _month(token: str) -> int | None:
    if token.isdigit():
        month = int(token)
        return month if 1 <= month <= 12 else None
    return _MONTHS.get(token.lower().rstrip("."))


def _ymd(year: str, month: str, day: str, *, years: tuple[int, int]) -> str | None:
    """"YYYY-MM-DD" when the parts make a real date within `years`, else None."""
    month_number = _month(month)
    if month_number is None or not years[0] <= int(year) <= years[1]:
        return None
    try:
        return date(int(year), month_number, int(day)).isoformat()
    except ValueError:
        return None
