"""The compiler of the field's dictionaries: CAMEO verb blocks and patterns become PLOVER readings,
Phoenix actors become people with dated terms, and a compile of ../shared matches the committed
lexicons (so that the lexicons never drift from the script that makes them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimwatch.training import cameo_verbs as d
from claimwatch.training import dictionaries, phoenix_actors

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"

VERBS = """# header
# The MIT License (MIT)
# Copyright (c) 2015 Open Event Data Alliance
####### SYNONYM SETS #######
&WEAPON
+GUN
+HEAVY_ARTILLERY
####### VERB PATTERNS #######
---  DEFUSE   [---]  ---
DEFUSE  # oy
- * &WEAPON                                           [---]         # DEFUSE

---  DESPATCH   [---]  ---
DISMISS [110]
EXPORT
- * CHARGES                                           [016]         # DISMISS
- * (AS FABRICATION)                                  [111]         # DISMISS
- * &WEAPON                                           [072]         # EXPORT

---  OVERSEE_MANAGE   [060]  ---
LEAD {LEADS LEADING LED }
- * {JOINT VENTURE}                                   [061]         # LEAD

---  ATTACK   [190]  ---
ATTACK
RAID
+BLOW_UP {+BLOWS_UP +BLEW_UP}
####### TRANSFORMATIONS ##########
"""

CROSSWALK = """11: ACCUSE
110: ACCUSE, disapprove,    # Disapprove
111: ACCUSE, disapprove,    # Criticize
06: COOPERATE
060: COOPERATE,   ,  # Engage in material cooperation
061: COOPERATE,   ,   economic # Cooperate economically
07: AID
072: AID,   ,   military # Provide military aid
08: CONCEDE
080: CONCEDE,   ,  # Yield
08: RETREAT
084: RETREAT,   ,  # Return, release
19: ASSAULT
190: ASSAULT, , military # Use conventional military force
"""


@pytest.fixture
def compiled(tmp_path):
    (tmp_path / "verbs.txt").write_text(VERBS)
    (tmp_path / "crosswalk.txt").write_text(CROSSWALK)
    verbs = d.read_verbs(tmp_path / "verbs.txt")
    return d.compile_verbs(verbs, d.read_crosswalk(tmp_path / "crosswalk.txt"))


def test_a_verb_takes_its_own_code_else_its_blocks(compiled):
    assert compiled["verbs"]["dismiss"]["reading"] == ["ACCUSE", "disapprove"]
    assert compiled["verbs"]["raid"]["reading"] == ["ASSAULT", None]
    assert compiled["verbs"]["blow up"]["reading"] == ["ASSAULT", None]


def test_patterns_keep_their_nouns_and_codes_the_crosswalk_lacks_are_no_event(compiled):
    patterns = compiled["verbs"]["dismiss"]["patterns"]
    charges = next(p for p in patterns if p["object"] == ["charges"])
    assert charges["reading"] is None  # 016, a denial, is no PLOVER event
    fabrication = next(p for p in patterns if p["preps"])
    assert fabrication["preps"] == [["as", ["fabrication"]]] and fabrication["reading"] == ["ACCUSE", "disapprove"]


def test_a_pattern_applies_to_the_verb_its_comment_names_and_synsets_expand(compiled):
    export = compiled["verbs"]["export"]["patterns"]
    assert [p["object"] for p in export] == [["artillery", "gun"]]
    assert export[0]["reading"] == ["AID", None]  # "military" is the context column, not the mode
    assert all(p["object"] != ["artillery", "gun"] for p in compiled["verbs"]["dismiss"]["patterns"])


def test_a_field_block_gives_its_verbs_no_reading_of_their_own(compiled):
    lead = compiled["verbs"]["lead"]
    assert lead["reading"] is None
    assert lead["patterns"][0]["reading"] == ["COOPERATE", None]


def test_two_types_under_one_root_are_left_to_the_longer_codes(tmp_path):
    (tmp_path / "c.txt").write_text(CROSSWALK)
    table = d.read_crosswalk(tmp_path / "c.txt")
    assert "08" not in table
    assert d.plover_of("0841", table) == ("RETREAT", None)
    assert d.plover_of("010", table) is None


def test_phoenix_people_get_country_and_dated_terms_and_bodies_are_left_out(tmp_path):
    (tmp_path / "actors.txt").write_text(
        "JANE_QUILLON_  # CountryInfo.txt\n+QUILLON\n+FOREIGN_MINISTER_JANE_QUILLON\n"
        "\t[FRAGOV 19940922-20040712] # minister\n\t[FRAGOV >20100309]\n"
        "DEFENSE_INTELLIGENCE_AGENCY_\n\t[USAMIL]\n"
        "IN_TAM_\n\t[KHMGOV 730506-731209]\n")
    compiled = phoenix_actors.compile_actors([tmp_path / "actors.txt"], {"FRA", "USA", "KHM"}, "MIT")
    rows = [r for r in compiled if not r.startswith("#")]
    assert rows == ["Jane Quillon\tForeign Minister Jane Quillon\tFRA\t\t"
                    "government:1994-09-22..2004-07-12|government:2010-03-09.."]


@pytest.mark.skipif(not (SHARED / "cameo" / "CAMEO.2.0.txt").exists(), reason="../shared/data/cameo is absent")
def test_the_committed_lexicons_are_what_the_script_makes(tmp_path):
    assert dictionaries.main([str(SHARED), "--out", str(tmp_path)]) == 0
    lexicons = Path(dictionaries.__file__).resolve().parent.parent / "nlp" / "lexicons"
    for name in ("events_cameo_verbs.json", "entities_phoenix_people.tsv", "entities_phoenix_groups.tsv",
                 "entities_phoenix_agents.tsv"):
        assert (tmp_path / name).read_text() == (lexicons / name).read_text(), name
    licence = json.loads((tmp_path / "events_cameo_verbs.json").read_text())["licence"]
    assert "MIT License" in licence and "Open Event Data Alliance" in licence
