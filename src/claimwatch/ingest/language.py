"""Which language is the text in? The analysis (spaCy's English model, English lexicons) is English only;
any other language is still read and stored, just not analysed.

Steps, so that English input pays almost nothing and short texts are judged on what they show:
1. Script: a text written mostly in another script than Latin (Cyrillic, Hangul, Arabic, CJK …) is
   not English, whatever its length.
2. The share of words that are English function words. These closed-class words make up about a
   quarter to a third of running English prose and almost none of any other language's (words
   that are also frequent in another language — "in", "a", "die", "was", "for", "also" — are left
   out of the list). A text clearly above the threshold is English, decided in microseconds.
3. Only a text below it goes to py3langid (langid.py's model, offline, ~0.5 s to load once).
   A long text is another language when the model is confident of it. A short text (a headline, a
   sentence) is weak evidence for the model: it is English when the model says so, when it has
   more common English words than words of other Latin-script languages (their function words,
   accented words), or when nothing speaks against English and the model is unsure; otherwise it is
   the model's language (sure only with a confident model and foreign words). So "Le président a
   annoncé une réforme." is French, and "Israel strikes Gaza" (a model guessing at random) is English.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
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

#: Words common in short English texts (headlines) that the list above leaves out because other
#: languages use them too: in a short text they still count for English against the words below.
ENGLISH_SHORT_WORDS = ENGLISH_FUNCTION_WORDS | frozenset(
    "a an in on at to for is as by was will new over amid says after".split())

#: Function words of other Latin-script languages (French, German, Spanish, Italian, Portuguese,
#: Dutch) that are not English words: their presence in a short text is evidence against English.
FOREIGN_FUNCTION_WORDS = frozenset(
    """
    le la les des une du et est sont dans pour pas avec sur qui au aux ce cette il elle ils nous vous
    der die das und ist nicht mit den dem ein eine einer sich auf für von zu ich wie es im
    el los las y que del por para con una es lo su sus se al muy como pero
    il di che della gli delle sono non per nel alla
    os do da em não uma com ao pela pelo são
    het een van niet zijn voor ook maar bij deze
    """.split()
) - ENGLISH_SHORT_WORDS

#: Below this many words, a text is short: its evidence is weak (see the module's docstring); for
#: scripts written without spaces between words (long "words"), below this many letters.
MIN_WORDS = 20
MIN_LETTERS = 60
_UNSPACED_WORD_LENGTH = 12
#: Share of function words above which a text is English without asking the model.
ENGLISH_SHARE = 0.10
#: The model's probability that a non-English answer needs before a long text is another language,
#: and before any answer counts as sure.
MIN_CONFIDENCE = 0.9
#: Share of letters in a non-Latin script above which a text is not English.
OTHER_SCRIPT_SHARE = 0.5
#: How much of a long text the model reads: plenty to name a language, and it stays fast.
SAMPLE_CHARS = 20_000

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class LanguageGuess:
    """A language (ISO 639-1; "und" where nothing tells) and whether the evidence is strong."""

    code: str
    sure: bool

    @property
    def english(self) -> bool:
        return self.code == "en"


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


def _other_script_share(words: list[str]) -> float:
    """The share of letters that are not Latin: a script tells the language apart at any length."""
    letters = [c for w in words for c in w]
    if not letters:
        return 0.0
    other = sum(1 for c in letters if c > "\u024f" and "LATIN" not in unicodedata.name(c, "LATIN"))
    return other / len(letters)


def detect_language(text: str) -> LanguageGuess:
    """The language of the text, and whether it is sure (see the module's docstring)."""
    words = _WORD.findall(text[:SAMPLE_CHARS])
    if not words:  # numbers, punctuation: nothing language-specific to analyse wrongly
        return LanguageGuess("en", False)
    if _other_script_share(words) > OTHER_SCRIPT_SHARE:
        lang, _prob = identify_language(text)
        return LanguageGuess(lang if lang != "en" else "und", True)
    share, n_words = function_word_share(text)
    letters = sum(len(w) for w in words)
    unspaced = letters / n_words > _UNSPACED_WORD_LENGTH
    short = (letters < MIN_LETTERS) if unspaced else (n_words < MIN_WORDS)
    if share >= ENGLISH_SHARE:
        return LanguageGuess("en", not short)
    lang, prob = identify_language(text)
    if not short:  # few function words but long (a list of names): only a confident model says otherwise
        if lang != "en" and prob >= MIN_CONFIDENCE:
            return LanguageGuess(lang, True)
        return LanguageGuess("en", prob >= MIN_CONFIDENCE)
    if lang == "en":
        return LanguageGuess("en", prob >= MIN_CONFIDENCE)
    lowered = [w.lower() for w in words]
    english = sum(1 for w in lowered if w in ENGLISH_SHORT_WORDS)
    foreign = sum(1 for w in lowered if w in FOREIGN_FUNCTION_WORDS or not w.isascii())
    if english > foreign or (foreign == 0 and prob < MIN_CONFIDENCE):
        # a headline of names and content words: the model guesses at random, nothing speaks against English
        return LanguageGuess("en", False)
    return LanguageGuess(lang, prob >= MIN_CONFIDENCE and foreign > 0)


def not_english_reason(language: str, name: str = "input") -> str | None:
    """The one line that says why a document in `language` is not analysed; None for English."""
    if language == "en":
        return None
    return f"{name}: not English (looks like {language})"


def check_english(text: str, name: str = "input") -> str:
    """"en" when the text is English (or cannot be told apart from it); InputError when it is another language."""
    reason = not_english_reason(detect_language(text).code, name)
    if reason:
        raise InputError(reason)
    return "en"
