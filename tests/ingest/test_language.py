"""English or not: clearly other languages are refused, English and short texts pass."""

from __future__ import annotations

import sys

import pytest

from claimwatch.errors import InputError
from claimwatch.ingest.language import check_english, function_word_share

GERMAN = (
    "Die Regierung hat am Dienstag neue Hilfen für die Landwirte angekündigt. Ein Sprecher des "
    "Ministeriums sagte in Berlin, das Geld solle noch vor dem Winter ausgezahlt werden. Die Bauernverbände "
    "begrüßten den Schritt, forderten aber weitere Unterstützung wegen der hohen Energiepreise."
)
FRENCH = (
    "Le gouvernement a présenté mercredi un nouveau plan pour les transports publics. Selon le ministre, "
    "les lignes de train régionales seront modernisées d'ici trois ans. Les syndicats ont salué l'annonce "
    "mais demandent davantage de personnel dans les gares."
)
ENGLISH = (
    "The government presented a new plan for public transport on Wednesday. According to the minister, "
    "regional train lines will be modernised within three years. Unions welcomed the announcement but "
    "asked for more staff at the stations, which they said had been cut since the pandemic."
)


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (FRENCH, "fr")])
def test_other_languages_are_refused_with_their_code(text: str, code: str) -> None:
    with pytest.raises(InputError, match=rf"^artikel: not English \(looks like {code}\)$"):
        check_english(text, "artikel")


def test_english_is_accepted() -> None:
    assert check_english(ENGLISH) == "en"


def test_english_does_not_load_the_language_model() -> None:
    """English prose is recognised by its function words; the model is only for doubtful texts."""
    share, words = function_word_share(ENGLISH)
    assert share > 0.2 and words > 40
    before = "py3langid" in sys.modules
    check_english(ENGLISH)
    assert ("py3langid" in sys.modules) == before


def test_short_foreign_text_with_foreign_function_words_is_rejected() -> None:
    with pytest.raises(InputError, match=r"not English \(looks like de\)"):
        check_english("Guten Tag, wie geht es Ihnen heute?")


def test_english_list_of_names_is_accepted() -> None:
    """Few function words (a list of places and people) is not evidence of another language."""
    text = ("Kharkiv, Kherson, Zaporizhzhia, Donetsk, Luhansk. Officials: Zelensky, Shmyhal, Kuleba, Reznikov. "
            "Casualties reported in Bakhmut, Avdiivka, Vuhledar, Marinka, Pisky, Soledar, Siversk, Lyman and Izium.")
    assert check_english(text) == "en"
