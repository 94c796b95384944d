"""Boilerplate: trailing headlines of other articles and promotional lines become excluded spans."""

from __future__ import annotations

import pytest

from claimwatch.ingest.boilerplate import (
    RELATED_BLOCK,
    SHARE_LINE,
    UNRELATED_HEADLINES,
    find_boilerplate,
    is_headline_shaped,
    promo_reason,
)

ARTICLE = (
    "Firefighters in the hills above Marbella battled a wildfire for a third day on Sunday as strong winds "
    "pushed the flames toward the coast, regional officials said.\n"
    "About 2,000 people were evacuated from villages near Istán and Ojén overnight, and the main road "
    "between the two was closed. Andalusia's emergency service said 40 aircraft were dropping water.\n"
    "\"The wind is our enemy today,\" said regional fire chief Carmen Ruiz. \"We will not let it reach the homes.\"\n"
    "Officials said the fire had burned more than 3,000 hectares of pine forest since it started on Friday.\n"
)


def excluded_texts(text: str) -> list[tuple[str, str]]:
    return [(text[e.span[0]:e.span[1]], e.reason) for e in find_boilerplate(text)]


def test_trailing_unrelated_headlines_form_one_span() -> None:
    headlines = (
        "Billionaire Buys Historic Football Club In Record Deal\n"
        "Five Easy Recipes For A Busy Weeknight\n"
        "Streaming Service Announces Price Increase\n"
    )
    text = ARTICLE + headlines
    assert excluded_texts(text) == [(headlines.rstrip("\n"), UNRELATED_HEADLINES)]
    assert text.endswith(headlines)  # the text itself is never changed


def test_sentence_case_headlines_are_excluded_too() -> None:
    headlines = "Scientists find water ice on distant moon\nLocal bakery wins national bread award"
    assert excluded_texts(ARTICLE + "\n" + headlines) == [(headlines, UNRELATED_HEADLINES)]


def test_genuine_short_final_paragraph_stays() -> None:
    text = ARTICLE + "The fire is expected to burn for several more days.\n"
    assert find_boilerplate(text) == []


def test_final_line_about_the_article_without_period_stays() -> None:
    """A last line without a period that speaks of the article's names is not an unrelated headline."""
    text = ARTICLE + "Carmen Ruiz Warns Of More Fires Near Marbella\n"
    assert find_boilerplate(text) == []


def test_only_the_unrelated_tail_is_excluded() -> None:
    text = ARTICLE + "More Evacuations Ordered Near Marbella\nMovie Star Launches Perfume Line\n"
    assert excluded_texts(text) == [("Movie Star Launches Perfume Line", UNRELATED_HEADLINES)]


def test_labelled_block_of_headlines_is_excluded_whole() -> None:
    block = "Related stories\nWildfires In Andalusia: What We Know\nHeatwave Breaks June Records"
    assert excluded_texts(ARTICLE + block) == [(block, RELATED_BLOCK)]


def test_labelled_block_in_the_middle_with_headlines_ending_in_periods() -> None:
    """Some sites end every headline with a period; after a label, Title Case lines are still headlines."""
    first, rest = ARTICLE.split("\n", 1)
    block = "Related:\n\nSpain Braces For Record Summer Heat.\n\nWhy Europe's Forests Burn More Often Now."
    text = first + "\n" + block + "\n" + rest
    assert excluded_texts(text) == [(block, RELATED_BLOCK)]


def test_one_title_case_sentence_at_the_end_stays() -> None:
    """A single closing line In Title Case with a period is too little evidence of a headline list."""
    text = ARTICLE + "Work Resumes Tomorrow, But Today, Thank You.\n"
    assert find_boilerplate(text) == []


def test_short_text_is_never_taken_for_headlines() -> None:
    """A headline alone, or a few lines, has no article body to be unrelated to."""
    assert find_boilerplate("Floods Hit River Valley\nThousands Evacuated") == []


@pytest.mark.parametrize(
    "line",
    [
        "Share this article",
        "Share on Facebook",
        "Subscribe to our newsletter",
        "Sign up for our daily newsletter to get the latest news",
        "Follow us on Twitter",
        "Follow us on X and Instagram for updates",
        "Click here to read the full report",
        "Download our app",
        "► Subscribe now",
    ],
)
def test_share_and_subscribe_lines(line: str) -> None:
    assert promo_reason(line) == SHARE_LINE


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Read more: Drought threatens olive harvest", "related-article link"),
        ("We use cookies to improve your experience on our site.", "cookie notice"),
        ("Advertisement", "advertisement label"),
        ("Story continues below advertisement", "advertisement label"),
        ("© 2024 Example Media Ltd. All rights reserved.", "copyright line"),
        ("(Reporting by Ana Silva in Lisbon; Editing by Tom Reed)", "credit line"),
        ("Contributing: Lee Park.", "credit line"),
        ("Follow Ana Silva on Twitter @anasilva.", "share/subscribe line"),
    ],
)
def test_other_promotional_lines(line: str, reason: str) -> None:
    assert promo_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Share prices fell 4 percent after the announcement.",
        "Subscribers to the service complained about the outage, the company said.",
        "Followers of the cleric gathered outside the court on Monday.",
        "The ministry said it would share intelligence with its allies on Twitter threats.",
        "Advertisements for the rally appeared across the city.",
    ],
)
def test_article_sentences_are_not_promotional(line: str) -> None:
    assert promo_reason(line) is None


def test_share_lines_in_the_middle_are_excluded_and_the_text_kept() -> None:
    first, rest = ARTICLE.split("\n", 1)
    text = first + "\nShare this article\nSubscribe to our newsletter\n" + rest
    assert excluded_texts(text) == [("Share this article", SHARE_LINE), ("Subscribe to our newsletter", SHARE_LINE)]


def test_crlf_line_endings() -> None:
    text = ARTICLE.replace("\n", "\r\n") + "Celebrity Couple Announce Surprise Split\r\nBest Phones Of The Year\r\n"
    assert excluded_texts(text) == [
        ("Celebrity Couple Announce Surprise Split\r\nBest Phones Of The Year", UNRELATED_HEADLINES)
    ]


@pytest.mark.parametrize(
    ("line", "shaped"),
    [
        ("Ten Superfoods That Nutritionists Swear By", True),
        ("Is This The End Of The Office?", True),
        ("The fire is expected to burn for several more days.", False),
        ("officials said the road would stay closed", False),
        ("He added:", False),
        ("A " + "very " * 25 + "long line", False),
    ],
)
def test_headline_shape(line: str, shaped: bool) -> None:
    assert is_headline_shaped(line) is shaped
