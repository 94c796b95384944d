"""The gazetteer tables: countries with QIDs and demonyms, leaders' terms, organisations, places."""

from datetime import date

from claimwatch.nlp.entities.gazetteer import country, gazetteer, squash


def test_every_iso_country_with_a_wikidata_id_is_known():
    import pycountry

    gaz = gazetteer()
    sovereign = {"USA", "RUS", "UKR", "CHN", "PRK", "KOR", "GBR", "FRA", "DEU", "ISR", "IRN", "SYR", "TUR", "IND"}
    assert sovereign <= set(gaz.countries)
    for alpha3, entry in gaz.countries.items():
        assert entry.wikidata and entry.wikidata.startswith("Q"), alpha3
        assert alpha3 == "XKX" or pycountry.countries.get(alpha_3=alpha3) is not None, alpha3
    assert len(gaz.countries) >= 190


def test_well_known_country_ids():
    expected = {"USA": "Q30", "RUS": "Q159", "UKR": "Q212", "CHN": "Q148", "PRK": "Q423", "KOR": "Q884",
                "GBR": "Q145", "FRA": "Q142", "DEU": "Q183", "ISR": "Q801", "IRN": "Q794", "JPN": "Q17"}
    for alpha3, qid in expected.items():
        assert country(alpha3).wikidata == qid


def test_common_names_demonyms_and_plurals_name_the_country():
    phrases = gazetteer().phrases
    for surface, alpha3 in [("Russia", "RUS"), ("Russians", "RUS"), ("Americans", "USA"), ("U.S.", "USA"),
                            ("Britain", "GBR"), ("North Korean", "PRK"), ("South Korea", "KOR"), ("Iran", "IRN"),
                            ("Syria", "SYR"), ("Chinese", "CHN"), ("Filipinos", "PHL"), ("Poles", "POL")]:
        entry = phrases[squash(surface)]
        assert entry.kind == "country" and entry.country == alpha3, surface
    assert country("RUS").name == "Russia"  # the common name, not "Russian Federation"


def test_acronyms_match_only_in_their_case():
    assert gazetteer().phrases[squash("US")].exact == "US"
    assert gazetteer().phrases[squash("NATO")].exact == "NATO"


def test_blocked_phrases_shadow_the_country_word():
    assert gazetteer().phrases[squash("Latin American")].kind == "block"


def test_leader_sector_follows_the_terms_of_office():
    leader = gazetteer().phrases[squash("Barack Obama")]
    assert leader.sector_on(date(2012, 6, 1)) == "government"
    assert leader.sector_on(date(2020, 6, 1)) is None


def test_group_sector_changes_on_a_date():
    group = gazetteer().phrases[squash("Taliban")]
    assert group.sector_on(date(2015, 1, 1)) == "rebels"
    assert group.sector_on(date(2023, 1, 1)) == "government"


def test_national_army_names_its_country():
    entry = gazetteer().phrases[squash("People's Liberation Army")]
    assert entry.kind == "army" and entry.key == "country:CHN"


def test_places_prefer_the_most_populous_city_and_know_other_spellings():
    gaz = gazetteer()
    paris = gaz.place("Paris")
    assert paris.country == "FRA" and paris.latitude is not None
    assert gaz.place("Kiev").country == "UKR"
    assert gaz.place("Kharkiv", min_population=10**8) is None
