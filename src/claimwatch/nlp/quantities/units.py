"""Units of measurement and currencies: surface forms → one canonical name.

Canonical names follow the usual unit ontologies (singular, British "metre" spelling, as in
the CQE/NewsQuant data), so that quantities from different outlets compare: "5 km",
"five kilometres" and "5 kilometers" all get unit "kilometre". Counted nouns ("soldiers")
are not here: they keep the text's own word.
"""

from __future__ import annotations

from claimwatch.nlp.lexicons import json_data, word_table

_CURRENCIES = json_data("quantities_currencies.json")


def _unit_table(table: str) -> dict[str, str]:
    """One table of quantities_units.tsv: surface form → canonical unit, in file order."""
    return {form: unit for kind, form, unit in word_table("quantities_units.tsv") if kind == table}


# The forms are data (lexicons/quantities_currencies.json and quantities_units.tsv, which say
# what each table holds); the rules that read them are here and in quantity_units.
#: Symbols and codes written before (or after) an amount.
CURRENCY_SYMBOLS: dict[str, str] = dict(_CURRENCIES["symbols"]["names"])
#: Codes that carry a scale in business writing: "30 MUSD", "MEUR 120"; tried in file order.
SCALED_CODE_PREFIXES: dict[str, int] = dict(_CURRENCIES["scaled_code_prefixes"]["values"])
#: Country prefixes of "$" when a tokenizer split them off ("c $ 16.4").
DOLLAR_PREFIXES: dict[str, str] = dict(_CURRENCIES["dollar_prefixes"]["names"])
#: Currency words written after an amount (singular and plural).
CURRENCY_WORDS: dict[str, str] = dict(_CURRENCIES["words"]["names"])
#: Nationality words that make a currency word specific: "canadian dollars", "swiss francs".
CURRENCY_NATIONALITIES = frozenset(_CURRENCIES["nationalities"]["words"])

#: Measurement units. Multi-word forms are keyed by their words joined with one space.
MEASURES = _unit_table("measure")
#: Scale letters after "degrees": "20 degrees c", "98.6 degrees f".
TEMPERATURE_SCALES = _unit_table("temperature-scale")
#: Durations: quantities of time ("six years in prison"), distinct from dates.
DURATIONS = _unit_table("duration")
PERCENT_WORDS = _unit_table("percent")
#: What may follow "per"/"a"/"an" to make a rate unit: "barrels a day", "$70 a share".
RATE_DENOMINATORS = {
    **{k: v for k, v in DURATIONS.items() if v in ("second", "minute", "hour", "day", "week", "month", "year")},
    **_unit_table("rate"),
}

#: The longest multi-word unit key, in words: how far `unit_after` looks ahead.
MAX_UNIT_WORDS = max(len(form.split()) for table in (MEASURES, DURATIONS, PERCENT_WORDS, CURRENCY_WORDS,
                                                    CURRENCY_NATIONALITIES)
                     for form in table)


def scaled_currency(word: str) -> tuple[str, float] | None:
    """'MUSD' → ('dollar', 1e6), 'bnEUR' → ('euro', 1e9): a code with its scale written on it."""
    word = word.lower()
    for prefix, factor in SCALED_CODE_PREFIXES.items():
        code = word[len(prefix):]
        if word.startswith(prefix) and len(code) == 3 and code.isalpha() and code in CURRENCY_SYMBOLS:
            return CURRENCY_SYMBOLS[code], factor
    return None


def currency_symbol(word: str) -> str | None:
    """The currency a symbol or code names ("$", "€", "usd", "c$", "cad$"), else None."""
    word = word.lower()
    if word in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[word]
    if len(word) > 1 and word.endswith("$"):
        prefix = word[:-1]
        return DOLLAR_PREFIXES.get(prefix) or CURRENCY_SYMBOLS.get(prefix)
    return None
