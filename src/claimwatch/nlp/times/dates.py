"""Resolving one time expression to ISO 8601 at the precision the text gives.

`resolve("October 2024", None)` → "2024-10"; `resolve("a year ago", date(2024, 10, 24))` →
"2023-10"; `resolve("last week", …)` → an ISO week ("2024-W42"). Relative expressions need the
publication date and stay None without it; periods, durations and vague expressions ("in
recent weeks", "for years", "since 2014 … until") stay None rather than being guessed. The
common news forms are read by rule (exact and fast); anything else that names a calendar
date goes to dateparser, imported lazily and cached per distinct string.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from claimwatch.nlp.lexicons import word_list, word_table
from claimwatch.nlp.quantities import numbers as num
from claimwatch.nlp.words import MONTHS, WEEKDAYS

_UNIT_WORDS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
               "year": "year", "years": "year", "decade": "decade", "decades": "decade"}


def regex_alternatives(words: tuple[str, ...]) -> str:
    """A regex alternation of lexicon words, escaped, in their file order (the first that fits wins)."""
    return "|".join(re.escape(word) for word in words)


#: Words that make an expression a period, a duration or vague: never resolved to one date.
_VAGUE = re.compile(
    rf"\b({regex_alternatives(word_list('times_vague_words.tsv'))})\b"
    r"|\d{4}\s*[-–/]\s*\d{2,4}\b|\d0s\b|'\d0s|\bthe day\b")
#: Leading words that only situate the time ("as of", "on", "early"): dropped before reading.
_LEAD = re.compile(rf"^(?:(?:{regex_alternatives(word_list('times_leading_words.tsv'))})\b\s*[-,]?\s*)+")
_AGO = re.compile(r"^(?P<n>[\w-]+(?: [\w-]+)?) (?P<unit>days?|weeks?|months?|years?|decades?) ago$")
_RELATIVE = re.compile(r"^(?P<which>last|this|next|earlier this|later this|late last|early next|early this|"
                       r"late this|earlier last) (?P<unit>week|weekend|month|year)$")
_WEEKDAY = re.compile(r"^(?:(?P<which>last|this|next|this past|this coming) )?(?P<day>monday|tuesday|wednesday|"
                      r"thursday|friday|saturday|sunday)(?: (?:morning|afternoon|evening|night))?$")
#: Month names and abbreviations, longest first so that "sept" is read whole before "sep".
MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MDY = re.compile(rf"^(?:(?:{'|'.join(WEEKDAYS)}),? )?(?P<m>{MONTH_NAMES})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
                  rf"(?:,? (?P<y>\d{{4}}))?$")
_DMY = re.compile(rf"^(?:(?:{'|'.join(WEEKDAYS)}),? )?(?:the )?(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?:of )?"
                  rf"(?P<m>{MONTH_NAMES})\.?(?:,? (?P<y>\d{{4}}))?$")
_MY = re.compile(rf"^(?:(?P<which>last|this|next) )?(?P<m>{MONTH_NAMES})\.?(?:,? (?:of )?(?P<y>\d{{4}}))?$")
_YEAR = re.compile(r"^(?:(?P<which>fiscal|fy|the year|calendar) )?(?P<y>\d{4})$")
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?$")
#: Words for a day relative to publication → days from it ("yesterday" → -1).
_DAY_WORDS: dict[str, int] = {phrase: int(offset) for phrase, offset in word_table("times_day_words.tsv")}


def _count(words: str) -> int | None:
    """A whole count ("a", "two", "3") or None. Unlike `claimwatch.nlp.words.whole`, a fraction gives None:
    "1.5 years ago" names no calendar step."""
    if words in ("a", "an", "one"):
        return 1
    value = num.parse_digits(words)
    if value is None:
        value = num.words_value(words.replace("-", " ").split())
    return int(value) if value is not None and value == int(value) else None


def _shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _month_year(month: int, which: str | None, published: date | None) -> int | None:
    """The year of a month named without one: the latest such month up to publication
    ("in March" written in October is this March), or the one before/after for last/next."""
    if published is None:
        return None
    year = published.year if month <= published.month else published.year - 1
    if which == "last" and month == published.month:
        year -= 1
    if which == "next":
        year = published.year if month > published.month else published.year + 1
    return year


def _nearest_year(month: int, day: int, published: date) -> int:
    """'Oct. 3' written on 2024-10-24 is 2024-10-03; 'Dec. 30' written in January is last year's."""
    best = published.year
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            if abs((date(year, month, day) - published).days) < abs((date(best, month, day) - published).days):
                best = year
        except ValueError:
            continue
    return best


def clean(text: str) -> str:
    """Lowercase, possessives and periods of abbreviations dropped, leading situating words off."""
    t = text.lower().replace("’", "'").replace("'s", "").strip(" ,.;:-–")
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"\b(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.", r"\1", t)
    return _LEAD.sub("", t).strip(" ,")


@lru_cache(maxsize=4096)
def resolve(text: str, published: date | None) -> str | None:
    """ISO 8601 value of the time expression `text`, or None when it cannot be pinned down."""
    t = clean(text)
    if _ISO.match(t):
        return t if _valid(int(t[:4]), int(t[5:7]), int(t[8:10]) if len(t) > 7 else 1) else None
    if not t or _VAGUE.search(t):
        return None
    if t in _DAY_WORDS:
        return (published + timedelta(days=_DAY_WORDS[t])).isoformat() if published else None
    if match := _YEAR.match(t):
        return match.group("y")
    if match := _MDY.match(t) or _DMY.match(t):
        month, day = MONTHS[match.group("m")], int(match.group("d"))
        if not 1 <= day <= 31:
            return None
        year = int(match.group("y")) if match.group("y") else (_nearest_year(month, day, published)
                                                               if published else None)
        return _valid(year, month, day)
    if match := _MY.match(t):
        month = MONTHS[match.group("m")]
        year = int(match.group("y")) if match.group("y") else _month_year(month, match.group("which"), published)
        return f"{year}-{month:02d}" if year else None
    if published is None:
        return _fallback(t, None) if re.search(r"\d{4}", t) else None
    return _relative(t, published) or _fallback(t, published)


def _valid(year: int | None, month: int, day: int) -> str | None:
    if year is None:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _relative(t: str, published: date) -> str | None:
    """'two days ago', 'last month', 'on Monday', resolved against the publication date."""
    if match := _AGO.match(t):
        n, unit = _count(match.group("n")), _UNIT_WORDS[match.group("unit")]
        if n is None or unit == "decade":
            return None
        if unit in ("day", "week"):
            return (published - timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
        year, month = _shift_months(published, -n * (12 if unit == "year" else 1))
        return f"{year}-{month:02d}"
    if match := _RELATIVE.match(t):
        which, unit = match.group("which"), match.group("unit")
        step = -1 if which.endswith("last") else 1 if which.endswith("next") else 0
        if unit in ("week", "weekend"):
            return _iso_week(published + timedelta(weeks=step))
        if unit == "month":
            year, month = _shift_months(published, step)
            return f"{year}-{month:02d}"
        return str(published.year + step)
    if match := _WEEKDAY.match(t):
        which, target = match.group("which"), WEEKDAYS[match.group("day")]
        if which in ("next", "this coming"):
            return (published + timedelta(days=(target - published.weekday()) % 7 or 7)).isoformat()
        back = (published.weekday() - target) % 7
        if which in ("last", "this past") and back == 0:
            back = 7
        return (published - timedelta(days=back)).isoformat()
    return None


_YEARS = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")


def _fallback(t: str, published: date | None) -> str | None:
    """Other calendar dates ("10/24/2024", "24.10.2024") through dateparser, at its period.
    Only texts that name a month or write a date in digits: "10 years" is a duration."""
    if not re.search(rf"\d[/.-]\d|\b\d{{4}}\b|\b(?:{MONTH_NAMES})\b", t):
        return None
    if not re.search(rf"\d[/.-]\d|\b(?:{MONTH_NAMES})\b", t):
        # years and words only ("the summer of 2010", "the year 2000"): the year, at its precision; two
        # years ("1995 to 1997") are a span, which no one value says. dateparser reads neither.
        years = _YEARS.findall(t)
        return years[0] if len(years) == 1 else None
    parsed = _parse(t, published)
    if parsed is None:
        return None
    day, period = parsed
    if period == "year":
        return str(day.year)
    if period == "month":
        return f"{day.year}-{day.month:02d}"
    if period == "week":
        return _iso_week(day)
    return day.isoformat()


@lru_cache(maxsize=4096)
def _parse(t: str, published: date | None) -> tuple[date, str] | None:
    parser = _dateparser(published)
    data = parser.get_date_data(t)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


@lru_cache(maxsize=64)
def _dateparser(published: date | None):  # noqa: ANN202 - dateparser's own type, imported lazily
    from datetime import datetime

    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["year"] if published is None else []}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    return DateDataParser(languages=["en"], settings=settings)
