"""`claimwatch extract` on news pages is at least as good as trafilatura alone.

The pages (written for these tests, in the shape of real news sites) end in a list of other
articles' headlines that carry no telltale markup, so trafilatura keeps them in the text.
claimwatch keeps trafilatura's text (offsets intact) and marks those lines as excluded, so the
text that is analysed is the article alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from claimwatch.ingest import read_document

FIXTURES = Path(__file__).parent / "fixtures"

#: page → (last sentence of the article, the other articles' headlines at the end of the page).
PAGES = {
    "flood-news.html": (
        "reinforce flood barriers along the eastern bank of the Aldon.",
        ["Pop Star Celebrates Lavish Wedding In Tuscan Villa", "Ten Superfoods That Nutritionists Swear By",
         "Underdogs Stun Champions In Dramatic Cup Final"],
    ),
    "ceasefire-news.html": (
        "The talks resume in Geneva next week.",
        ["Scientists discover new species of deep sea octopus", "Celebrity chef opens third restaurant in city centre",
         "Ten best beaches to visit this summer", "Tech giant unveils foldable phone with longer battery life"],
    ),
    "market-news.html": (
        "The bank's next rate decision is due in September.",
        ["Royal Family Shares Rare Photos From Summer Holiday", "How To Keep Your Garden Green During A Heatwave",
         "Veteran Actor Returns To The Stage After Twenty Years"],
    ),
}


def analysed_text(path: Path) -> tuple[str, str]:
    """The document's text, and the part of it outside excluded spans (what the NLP reads)."""
    doc = read_document(path)
    return doc.text, "\n".join(doc.text[a:b].strip() for a, b in doc.included_regions() if doc.text[a:b].strip())


@pytest.mark.parametrize("page", sorted(PAGES))
def test_trafilatura_alone_keeps_the_headlines(page: str) -> None:
    import trafilatura

    text = trafilatura.extract((FIXTURES / page).read_text(encoding="utf-8"), include_comments=False)
    assert all(headline in text for headline in PAGES[page][1])


@pytest.mark.parametrize("page", sorted(PAGES))
def test_extract_excludes_the_headlines_and_keeps_the_article(page: str) -> None:
    import trafilatura

    last_sentence, headlines = PAGES[page]
    text, included = analysed_text(FIXTURES / page)
    alone = trafilatura.extract((FIXTURES / page).read_text(encoding="utf-8"), include_comments=False)
    assert text == alone  # trafilatura's text, offsets untouched
    assert included.endswith(last_sentence)  # the article's own short last paragraph stays
    assert not any(headline in included for headline in headlines)
    article = alone[: alone.index(last_sentence) + len(last_sentence)]
    # Every line trafilatura gave of the article itself is still analysed.
    assert [line for line in article.split("\n") if line not in included] == []
