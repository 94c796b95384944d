"""Units of measurement and currencies: surface forms → one canonical name.

Canonical names follow the usual unit ontologies (singular, British "metre" spelling, as in
the CQE/NewsQuant data), so that quantities from different outlets compare: "5 km",
"five kilometres" and "5 kilometers" all get unit "kilometre". Counted nouns ("soldiers")
are not here: they keep the text's own word.
"""

from __future__ import annotations

#: Symbols and codes written before (or after) an amount.
CURRENCY_SYMBOLS = {
    "$": "dollar", "us$": "dollar", "usd": "dollar", "c$": "canadian dollar", "cad": "canadian dollar",
    "a$": "australian dollar", "aud": "australian dollar", "hk$": "hong kong dollar",
    "nz$": "new zealand dollar", "s$": "singapore dollar", "€": "euro", "eur": "euro",
    "£": "pound sterling", "gbp": "pound sterling", "¥": "japanese yen", "jpy": "japanese yen",
    "cny": "chinese yuan", "rmb": "chinese yuan", "chf": "swiss franc", "₹": "rupee", "inr": "rupee",
    "rs": "rupee", "rs.": "rupee", "₽": "russian ruble", "₩": "south korean won",
    "krw": "south korean won", "₴": "ukrainian hryvnia", "uah": "ukrainian hryvnia", "₪": "israeli new shekel",
    "ils": "israeli new shekel", "₺": "turkish lira", "₦": "nigerian naira",
    "r$": "brazilian real", "brl": "brazilian real", "mxn": "mexican peso", "zar": "south african rand",
    "₿": "bitcoin", "btc": "bitcoin", "元": "chinese yuan", "nzd": "new zealand dollar", "hkd": "hong kong dollar",
    "sgd": "singapore dollar", "₡": "costa rican colón", "₾": "georgian lari", "₭": "lao kip",
    "₮": "mongolian tögrög", "₱": "philippine peso", "₫": "vietnamese đồng", "₸": "kazakhstani tenge",
    "₲": "paraguayan guaraní", "₵": "ghanaian cedi", "৳": "bangladeshi taka", "₼": "azerbaijani manat",
    "ரூ": "sri lankan rupee", "රු": "sri lankan rupee", "mex$": "mexican peso",
    "vnd": "vietnamese đồng", "pkr": "pakistani rupee", "egp": "egyptian pound",
    "sek": "swedish krona", "nok": "norwegian krone", "dkk": "danish krone", "pln": "polish złoty",
    "czk": "czech koruna", "huf": "hungarian forint",
    "sar": "saudi riyal", "aed": "uae dirham", "kwd": "kuwaiti dinar", "idr": "indonesian rupiah",
    "myr": "malaysian ringgit", "thb": "thai baht", "twd": "new taiwan dollar", "ngn": "nigerian naira",
    "kes": "kenyan shilling", "ars": "argentine peso", "clp": "chilean peso",
}
#: Codes that carry a scale in business writing: "30 MUSD", "MEUR 120" (M = million, as in Nordic reports).
SCALED_CODE_PREFIXES = {"m": 1_000_000, "k": 1_000, "mn": 1_000_000, "bn": 1_000_000_000}
#: One-letter country prefixes of "$" when a tokenizer split them off ("c $ 16.4").
DOLLAR_PREFIXES = {"us": "dollar", "c": "canadian dollar", "a": "australian dollar", "hk": "hong kong dollar",
                   "nz": "new zealand dollar", "s": "singapore dollar", "mex": "mexican peso", "r": "brazilian real"}

#: Currency words written after an amount (singular and plural).
CURRENCY_WORDS = {
    "dollar": "dollar", "dollars": "dollar", "euro": "euro", "euros": "euro", "yen": "japanese yen",
    "yuan": "chinese yuan", "renminbi": "chinese yuan", "rupee": "rupee", "rupees": "rupee",
    "peso": "peso", "pesos": "peso", "franc": "franc", "francs": "franc", "lira": "turkish lira",
    "liras": "turkish lira", "ruble": "russian ruble", "rubles": "russian ruble", "rouble": "russian ruble",
    "roubles": "russian ruble", "hryvnia": "ukrainian hryvnia", "hryvnias": "ukrainian hryvnia",
    "hryvnias.": "ukrainian hryvnia", "shekel": "israeli new shekel", "shekels": "israeli new shekel",
    "rand": "south african rand", "naira": "nigerian naira", "dinar": "dinar", "dinars": "dinar",
    "riyal": "riyal", "riyals": "riyal", "dirham": "dirham", "dirhams": "dirham", "rial": "rial",
    "rials": "rial", "won": "south korean won", "baht": "thai baht", "ringgit": "malaysian ringgit",
    "markka": "finnish markka", "markkaa": "finnish markka", "peseta": "peseta", "pesetas": "peseta",
    "guilder": "guilder", "guilders": "guilder", "krona": "swedish krona", "kronor": "swedish krona",
    "krone": "krone", "kroner": "krone", "zloty": "polish złoty", "zlotys": "polish złoty",
    "forint": "hungarian forint", "rupiah": "indonesian rupiah", "shilling": "shilling", "shillings": "shilling",
    "taka": "bangladeshi taka",
    "cedi": "ghanaian cedi", "cedis": "ghanaian cedi", "kwacha": "kwacha",
    "reais": "brazilian real", "dong": "vietnamese đồng", "tenge": "kazakhstani tenge", "lari": "georgian lari",
    "cent": "cent", "cents": "cent", "penny": "penny",
    "pence": "penny", "bitcoin": "bitcoin", "bitcoins": "bitcoin", "sterling": "pound sterling",
}
#: Nationality words that make a currency word specific: "canadian dollars", "swiss francs".
CURRENCY_NATIONALITIES = frozenset({
    "canadian", "australian", "new zealand", "hong kong", "singapore", "taiwan", "swiss", "french",
    "belgian", "mexican", "argentine", "chilean", "colombian", "philippine", "turkish", "japanese",
    "chinese", "indian", "pakistani", "russian", "finnish", "us", "u.s.",
})

#: Measurement units. Multi-word forms are keyed by their words joined with one space.
MEASURES = {
    # length
    "km": "kilometre", "kms": "kilometre", "kilometre": "kilometre", "kilometres": "kilometre",
    "kilometer": "kilometre", "kilometers": "kilometre", "metre": "metre", "metres": "metre", "meter": "metre",
    "meters": "metre", "cm": "centimetre", "centimetre": "centimetre", "centimetres": "centimetre",
    "centimeter": "centimetre", "centimeters": "centimetre", "mm": "millimetre", "millimetre": "millimetre",
    "millimetres": "millimetre", "millimeter": "millimetre", "millimeters": "millimetre",
    "decimetre": "decimetre", "decimetres": "decimetre", "decimeter": "decimetre", "decimeters": "decimetre",
    "micrometre": "micrometre", "micrometres": "micrometre", "micron": "micrometre", "microns": "micrometre",
    "nanometre": "nanometre", "nanometres": "nanometre", "nanometer": "nanometre", "nanometers": "nanometre",
    "nm": "nanometre", "m": "metre", "picometre": "picometre", "picometres": "picometre", "picometer": "picometre",
    "picometers": "picometre", "mile": "mile", "miles": "mile", "mi": "mile", "nautical mile": "nautical mile",
    "nautical miles": "nautical mile", "yard": "yard", "yards": "yard", "yd": "yard", "foot": "foot",
    "feet": "foot", "ft": "foot", "inch": "inch", "inches": "inch", "light year": "light-year",
    "light years": "light-year", "light-year": "light-year", "light-years": "light-year",
    # area and volume
    "acre": "acre", "acres": "acre", "hectare": "hectare", "hectares": "hectare", "ha": "hectare",
    "square kilometre": "square kilometre", "square kilometres": "square kilometre",
    "square kilometer": "square kilometre", "square kilometers": "square kilometre", "sq km": "square kilometre",
    "km2": "square kilometre", "km²": "square kilometre", "square mile": "square mile", "square miles": "square mile",
    "sq mi": "square mile", "square metre": "square metre", "square metres": "square metre",
    "square meter": "square metre", "square meters": "square metre", "sq m": "square metre", "m2": "square metre",
    "m²": "square metre", "square foot": "square foot", "square feet": "square foot", "sq ft": "square foot",
    "cubic metre": "cubic metre", "cubic metres": "cubic metre", "cubic meter": "cubic metre",
    "cubic meters": "cubic metre", "cubic foot": "cubic foot", "cubic feet": "cubic foot", "litre": "litre",
    "litres": "litre", "liter": "litre", "liters": "litre", "l": "litre", "millilitre": "millilitre",
    "millilitres": "millilitre", "milliliter": "millilitre", "milliliters": "millilitre", "ml": "millilitre",
    "gallon": "gallon", "gallons": "gallon", "barrel": "barrel", "barrels": "barrel", "bbl": "barrel",
    # mass
    "kg": "kilogram", "kgs": "kilogram", "kilogram": "kilogram", "kilograms": "kilogram", "kilo": "kilogram",
    "kilos": "kilogram", "gram": "gram", "grams": "gram", "gramme": "gram", "grammes": "gram", "g": "gram",
    "mg": "milligram", "milligram": "milligram", "milligrams": "milligram", "microgram": "microgram",
    "micrograms": "microgram", "µg": "microgram", "μg": "microgram", "mcg": "microgram", "tonne": "metric ton",
    "tonnes": "metric ton", "metric ton": "metric ton", "metric tons": "metric ton", "ton": "ton", "tons": "ton",
    "lb": "pound-mass", "lbs": "pound-mass", "pound": "pound-mass", "pounds": "pound-mass",
    "ounce": "ounce", "ounces": "ounce", "oz": "ounce", "magnitude": "magnitude",
    "basis point": "basis point", "basis points": "basis point", "bps": "basis point", "bp": "basis point",
    "carat": "carat", "carats": "carat",
    "kiloton": "kiloton", "kilotons": "kiloton", "megaton": "megaton", "megatons": "megaton",
    # speed
    "km/h": "kilometre per hour", "kph": "kilometre per hour", "kmh": "kilometre per hour",
    "kilometres per hour": "kilometre per hour", "kilometers per hour": "kilometre per hour",
    "mph": "mile per hour", "miles per hour": "mile per hour", "knot": "knot", "knots": "knot",
    # energy, power, data, sound
    "watt": "watt", "watts": "watt", "kw": "kilowatt", "kilowatt": "kilowatt", "kilowatts": "kilowatt",
    "mw": "megawatt", "megawatt": "megawatt", "megawatts": "megawatt", "gw": "gigawatt", "gigawatt": "gigawatt",
    "gigawatts": "gigawatt", "kwh": "kilowatt hour", "mwh": "megawatt hour", "gwh": "gigawatt hour",
    "twh": "terawatt hour", "volt": "volt", "volts": "volt", "calorie": "calorie", "calories": "calorie",
    "kcal": "kilocalorie", "joule": "joule", "joules": "joule", "decibel": "decibel", "decibels": "decibel",
    "db": "decibel", "byte": "byte", "bytes": "byte", "kb": "kilobyte", "gb": "gigabyte", "tb": "terabyte",
    "bit": "bit", "bits": "bit", "hz": "hertz", "hertz": "hertz", "mhz": "megahertz", "ghz": "gigahertz",
    "psi": "pound per square inch", "bcm": "billion cubic metre",
    # temperature and angle
    "degree": "degree", "degrees": "degree", "deg": "degree", "deg.": "degree", "°": "degree", "º": "degree",
    "celsius": "celsius", "centigrade": "celsius", "celcius": "celsius", "fahrenheit": "fahrenheit",
    "farenheit": "fahrenheit", "kelvin": "kelvin", "°c": "celsius", "°f": "fahrenheit", "ºc": "celsius",
    "ºf": "fahrenheit",
}
#: Scale letters after "degrees": "20 degrees c", "98.6 degrees f".
TEMPERATURE_SCALES = {"c": "celsius", "f": "fahrenheit", "celsius": "celsius", "centigrade": "celsius",
                      "celcius": "celsius", "fahrenheit": "fahrenheit", "farenheit": "fahrenheit",
                      "kelvin": "kelvin", "k": "kelvin"}

#: Durations: quantities of time ("six years in prison"), distinct from dates.
DURATIONS = {
    "second": "second", "seconds": "second", "sec": "second", "secs": "second", "minute": "minute",
    "minutes": "minute", "min": "minute", "mins": "minute", "hour": "hour", "hours": "hour", "hr": "hour",
    "hrs": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
    "months": "month", "year": "year", "years": "year", "yr": "year", "yrs": "year", "decade": "decade",
    "decades": "decade", "century": "century", "centuries": "century", "fortnight": "fortnight",
}

PERCENT_WORDS = {"%": "percent", "percent": "percent", "pct": "percent", "per cent": "percent",
                 "percentage point": "percentage point", "percentage points": "percentage point"}

#: What may follow "per"/"a"/"an" to make a rate unit: "barrels a day", "$70 a share".
RATE_DENOMINATORS = {
    **{k: v for k, v in DURATIONS.items() if v in ("second", "minute", "hour", "day", "week", "month", "year")},
    "share": "share", "head": "head", "person": "person", "capita": "capita", "barrel": "barrel",
    "ton": "ton", "tonne": "metric ton", "gallon": "gallon", "litre": "litre", "liter": "litre",
    "kilogram": "kilogram", "kg": "kilogram", "pound": "pound-mass", "ounce": "ounce", "dozen": "dozen",
    "unit": "unit", "mile": "mile", "kilometre": "kilometre", "kilometer": "kilometre",
}

#: The longest multi-word unit key, in words.
MAX_UNIT_WORDS = 3



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
