"""Is the text English? The analysis (spaCy's English model, English lexicons) is English only.

Two steps, so that English input pays almost nothing:
1. The share of words that are English function words. These closed-class words make up about a
   quarter to a third of running English prose and almost none of any other language's (words
   that are also frequent in another language — "in", "a", "die", "was", "for", "also" — are left
   out of the list). A text clearly above the threshold is English, decided in microseconds.
2. Only a text below it goes to py3langid (langid.py's model, offline, ~0.5 s to load once), which
   names the language; a confident non-English answer rejects the text.
Short texts (a headline, a sentence) are never rejected: their evidence is too weak.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimwatch.errors import InputError

#: English function words that are not common words of another major language written in Latin script.
ENGLISH_FUNCTION_WORDS = frozenset(
    """
    the of and that with from this these those which who whom whose what when where while
    their they them she his him its it we our us you your would could should shall must might
    said says been were are be being have has had having does did not but or nor if than then
    there here about into onto upon after before because through during without within between
    against among some any each every other another such only more most very just
    can may one two out up again further once both few own same too how why
    """.split()
)

#: Below this many words, a text is too short to be judged (it is taken as English); for scripts
#: written without spaces between words (long "words"), below this many letters.
MIN_WORDS = 20
MIN_LETTERS = 60
_UNSPACED_WORD_LENGTH = 12
#: Share of function words above which a text is English without asking the model.
ENGLISH_SHARE = 0.10
#: The model's probability that a non-English answer needs before the text is rejected.
MIN_CONFIDENCE = 0.9
#: How much of a long text the model reads: plenty to name a language, and it stays fast.
SAMPLE_CHARS = 20_000

_WORD = re.compile(r"[^\W\d_]+")


def function_word_share(text: str) -> tuple[float, int]:
    """The share of words that are English function words, and the number of words."""
    words = _WORD.findall(text[:SAMPLE_CHARS])
    if not words:
        return 0.0, 0
    hits = sum(1 for w in words if w.lower() in ENGLISH_FUNCTION_WORDS)
    return hits / len(words), len(words)


@lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - py3langid's class, imported lazily
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> tuple[str, float]:
    """py3langid's best language (ISO 639-1) for the text and its probability."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def check_english(text: str, name: str = "input") -> str:
    """"en" when the text is English or too short to tell; InputError when it is clearly another language."""
    share, n_words = function_word_share(text)
    if share >= ENGLISH_SHARE:
        return "en"
    letters = sum(len(w) for w in _WORD.findall(text[:SAMPLE_CHARS]))
    unspaced = n_words and letters / n_words > _UNSPACED_WORD_LENGTH
    if (letters < MIN_LETTERS) if unspaced else (n_words < MIN_WORDS):
        return "en"
    lang, prob = identify_language(text)
    if lang != "en" and prob >= MIN_CONFIDENCE:
        raise InputError(f"{name}: not English (looks like {lang})")
    return "en"
