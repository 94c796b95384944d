"""The candidates the attribution rules propose before the cue model decides: the alternative
readings of a verb's content (readings.py, clause_readings.py), adjectives and nouns of stance and intention, and the
boundary features that let the model tell the readings apart."""

from __future__ import annotations

import pytest

from claimwatch.model import Document, Source
from claimwatch.nlp.attribution.candidate import cue_distance, describe_candidate, edge_kind
from claimwatch.nlp.attribution.contents import QuoteIndex
from claimwatch.nlp.attribution.phrase_cues import Found
from claimwatch.nlp.attribution.proposals import candidates
from claimwatch.nlp.pipeline import load_pipeline
from claimwatch.nlp.state import DocState


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def readings(nlp, text: str) -> list[tuple[str, str, str, str]]:
    """(cue, configuration, content pieces joined by ' … ', kind) of every candidate."""
    doc = nlp(text)
    state = DocState(Document(text=text))
    found = []
    for item, candidate in candidates(doc, state):
        pieces = item.pieces or [item.content]
        found.append((doc[item.cue[0]:item.cue[1]].text, candidate.config,
                      " … ".join(doc[a:b].text for a, b in pieces), candidate.kind))
    return found


def sourced(nlp, text: str) -> list[tuple[str, str, str | None]]:
    """(configuration, content from its first to its last token, source) of every candidate."""
    doc = nlp(text)
    state = DocState(Document(text=text))
    return [(candidate.config, doc[item.content[0]:item.content[1]].text, item.source.text)
            for item, candidate in candidates(doc, state)]


def test_trailing_subordinate_clause_gives_a_shorter_reading(nlp):
    found = readings(nlp, "The minister announced the border was closed after the rebels shelled the town.")
    contents = {content for cue, _config, content, _kind in found if cue == "announced"}
    assert "the border was closed after the rebels shelled the town" in contents
    assert "the border was closed" in contents
    assert ("announced", "ccomp_core_mark", "the border was closed", "verb") in found


def test_clause_set_off_at_the_end_of_the_content_gives_a_shorter_reading(nlp):
    found = readings(nlp, "The mayor said she backs the new budget, which cuts funding for the police.")
    assert ("said", "ccomp_setoff", "she backs the new budget", "verb") in found
    restrictive = readings(nlp, "The mayor said she backs the budget that cuts funding for the police.")
    assert not [r for r in restrictive if r[1].endswith("_setoff")]


def test_quotation_after_the_cue_sentence_continues_the_content(nlp):
    text = '"The bridge is gone," the mayor said, pointing at the river. "We have no way across."'
    found = readings(nlp, text)
    continued = [r for r in found if r[0] == "said" and r[1].endswith("_cont")]
    assert continued, found
    assert continued[0][2] == "The bridge is gone … We have no way across"


def test_no_continuation_when_the_cue_is_inside_a_quotation(nlp):
    text = '"I said we would win," she told the crowd. "And we did."'
    assert not [r for r in readings(nlp, text) if r[0] == "said" and r[1].endswith("_cont")]

def test_quoted_title_in_the_attribution_phrase_is_not_the_second_quotation(nlp):
    text = ('"We will appeal the ruling," the senator said in an interview with the magazine '
            '"Modern Farmer" on Sunday. "The court got it wrong."')
    said = {content for cue, _config, content, _kind in readings(nlp, text) if cue == "said"}
    assert "We will appeal the ruling … The court got it wrong" in said
    assert not [content for content in said if "Modern Farmer" in content and "wrong" in content]


def test_quotation_the_parse_folds_into_the_subject_is_still_the_content(nlp):
    # The parser hangs the quotation on "Doe" here, so the subject's phrase starts at "That".
    text = ("“That’s a legitimate worry, because they’re very loyal and very principled,” "
            "Jane Doe, 69, told the station Monday.")
    found = sourced(nlp, text)
    assert ("quote_before", "That’s a legitimate worry, because they’re very loyal and very principled",
            "Jane Doe") in found


def test_quotation_after_a_comma_is_the_second_piece(nlp):
    text = '"We will appeal," the senator said, "and we will win."'
    said = {content for cue, _config, content, _kind in readings(nlp, text) if cue == "said"}
    assert "We will appeal … we will win" in said



def test_object_and_infinitive_read_together(nlp):
    found = readings(nlp, "The envoy urged the government to release the prisoners.")
    assert ("urged", "xcomp_after", "the government to release the prisoners", "verb") in found


def test_apposition_after_an_object_gives_a_bare_reading(nlp):
    found = readings(nlp, "Most delegates voted for Ana Costa, a lawyer who has never held office.")
    assert ("voted", "prep_for_np", "Ana Costa", "verb") in found


@pytest.mark.parametrize(
    ("text", "cue", "config", "content"),
    [
        ("Officials are confident that the ceasefire will hold.", "confident", "adj_ccomp",
         "that the ceasefire will hold"),
        ("The general was critical of the withdrawal.", "critical", "adj_of", "the withdrawal"),
        ("Both sides are eager to sign the agreement.", "eager", "adj_xcomp", "to sign the agreement"),
    ],
)
def test_adjectives_of_stance_are_candidates(nlp, text, cue, config, content):
    assert (cue, config, content, "adjective") in readings(nlp, text)


def test_attributive_adjective_is_no_candidate(nlp):
    assert not [r for r in readings(nlp, "A confident army crossed the river.") if r[3] == "adjective"]


@pytest.mark.parametrize(
    ("text", "cue", "config", "content"),
    [
        ("His decision to resign surprised the party.", "decision", "noun_to", "to resign"),
        ("The plan to expand the port was dropped.", "plan", "noun_to", "to expand the port"),
        ("She is a longtime supporter of the treaty.", "supporter of", "stance_of", "the treaty"),
    ],
)
def test_nouns_of_intention_and_stance_are_candidates(nlp, text, cue, config, content):
    assert (cue, config, content, "stance") in readings(nlp, text)


def _described(doc, cue: int, content: tuple[int, int], config: str = "ccomp"):
    """The candidate of cue token `cue` with the reading `content`, in a one-sentence Doc."""
    reading = Found(Source(None, None, "unnamed"), (cue, cue + 1), content, doc[content[0]], doc[cue])
    return describe_candidate(doc[cue], "verb", config, None, reading, (0, len(doc)), 1, QuoteIndex(doc))


def test_boundary_features_name_what_lies_outside_the_content(nlp):
    doc = nlp("He said the port was closed, and the army withdrew.")
    content = (2, 6)  # "the port was closed"
    assert edge_kind(doc, content[0] - 1) == "VERB" and edge_kind(doc, content[1]) == ","
    assert edge_kind(doc, len(doc)) == "edge"
    candidate = _described(doc, 1, content)
    assert (candidate.before_content, candidate.after_content) == ("VERB", ",")
    feats = candidate.to_features()
    assert "cbefore=VERB" in feats
    assert "cafter=," in feats
    assert "config_cafter=ccomp|," in feats
    assert "cafter=edge" in _described(doc, 1, (2, len(doc))).to_features()


def test_placement_features_measure_the_gap_between_cue_and_content(nlp):
    doc = nlp("The minister said the port was closed and added that the army had withdrawn from the city.")
    assert cue_distance(2, (3, 7)) == 0 and cue_distance(2, (13, 17)) == 11
    near = _described(doc, 2, (3, 7)).to_features()  # "the port was closed", right after the verb
    assert "cdist=0" in near and "config_cdist=ccomp|0" in near
    far = _described(doc, 2, (13, 17), "arg_prep").to_features()  # "from the city", ten words on
    assert "cdist=6" in far
    assert "sent_first=False" in near and "sent_len=1" in near
    assert "conjspeech=False" in near
    doc = nlp("She said the port was closed, and she added that the army had left.")
    added = doc[9]
    assert added.text == "added" and added.dep_ == "conj" and added.head.text == "said"
    assert _described(doc, 9, (10, 15)).after_speech_verb
    assert "conjspeech=True" in _described(doc, 9, (10, 15)).to_features()


def test_complement_in_the_verbs_own_paragraph_is_preferred(nlp):
    # The parser misses the sentence split after the quotation and hangs it on "said" as a second
    # complement; what "said" reports is the clause after it, in its own paragraph.
    text = "“Why should we wait?”\n\nKarimov said the ministry would reopen the crossing."
    doc = nlp(text)
    assert len([t for t in doc if t.dep_ == "ccomp" and t.head.text == "said"]) == 2  # the misparse this is about
    found = [r for r in readings(nlp, text) if r[0] == "said"]
    assert ("said", "ccomp", "the ministry would reopen the crossing", "verb") in found
    assert not [r for r in found if "wait" in r[2]]


def test_colon_ending_a_paragraph_introduces_the_next(nlp):
    text = 'The commander wrote:\n\n"Our units held the line for three days. We need more shells."\n\nNo reply came.'
    found = [r for r in readings(nlp, text) if r[0] == "wrote"]
    assert ("wrote", "ccomp", "Our units held the line for three days. We need more shells", "verb") in found


def test_colon_does_not_carry_a_content_past_a_paragraph_without_one(nlp):
    text = 'The commander wrote a letter.\n\n"Our units have held the line," an officer added.'
    assert not [r for r in readings(nlp, text) if r[0] == "wrote" and "units" in r[2]]


def test_participle_and_relative_clause_report_the_noun_they_modify(nlp):
    found = readings(nlp, "The ceasefire plan, rejected by the rebel council, was never signed.")
    assert ("rejected", "modified", "The ceasefire plan", "verb") in found
    found = readings(nlp, "The talks, which the opposition boycotted, ended without a deal.")
    assert ("boycotted", "modified", "The talks", "verb") in found


def test_fronted_for_or_to_phrase_gives_whose_view_the_clause_states(nlp):
    found = readings(nlp, "For many farmers in the valley, the new dam is a disaster.")
    assert ("For", "perspective_for", "the new dam is a disaster", "perspective") in found
    found = readings(nlp, "But to his critics, the general is a reckless gambler.")
    assert ("to", "perspective_to", "the general is a reckless gambler", "perspective") in found


def test_for_phrase_inside_a_clause_is_no_perspective(nlp):
    found = readings(nlp, "The aid arrived too late for the villagers, and the road stayed closed.")
    assert not [r for r in found if r[3] == "perspective"]


def test_if_clause_of_a_verb_of_asking_is_the_question(nlp):
    # the parser takes the "if" clause for an adverbial of "Asked" rather than its complement
    found = readings(nlp, "Asked if the army would withdraw, the minister said no.")
    assert ("Asked", "question", "if the army would withdraw", "verb") in found
    found = readings(nlp, "The army will withdraw if the talks succeed, the minister said.")
    assert not [r for r in found if r[1] == "question"]


def test_subject_of_a_passive_verb_is_what_is_reported_and_the_agent_its_source(nlp):
    text = "The withdrawal was first reported by the state broadcaster."
    found = [r for r in sourced(nlp, text) if r[0] == "passive"]
    assert found, readings(nlp, text)
    assert found[0][1:] == ("The withdrawal", "the state broadcaster")
    announced = [r for r in readings(nlp, "It was announced that the border is closed.") if r[0] == "announced"]
    assert announced == [("announced", "ccomp", "that the border is closed", "verb")]


def test_a_verb_of_feeling_reports_the_objects_view_of_the_subject(nlp):
    felt = [r[1:] for r in sourced(nlp, "The verdict shocked the victims' families.") if r[0] == "experiencer"]
    assert felt == [("The verdict", "the victims' families")]


def test_the_subject_of_a_passive_verb_of_feeling_is_the_source(nlp):
    assert sourced(nlp, "Voters were angered by the decision.") == [("experiencer_passive", "the decision", "Voters")]


@pytest.mark.parametrize("text", ["It surprised nobody that the talks failed.", "The verdict reached the families."])
def test_no_feeling_reading_for_an_expletive_subject_or_another_verb(nlp, text):
    assert not [r for r in readings(nlp, text) if r[1] == "experiencer"]


def test_a_quotation_cut_to_the_cues_sentence_leaves_out_the_speaker_and_the_cue(nlp):
    text = "“The polling places were cut,” Reid said. “There could be some litigation. We will see.”"
    found = readings(nlp, text)
    assert ("said", "ccomp_sent", "The polling places were cut", "verb") in found


def test_a_relative_clause_reports_its_relative_pronoun(nlp):
    found = readings(nlp, "Voters rejected the plan, which the senator had championed for years.")
    assert ("championed", "relative_pronoun", "which", "verb") in found


def test_every_phrase_of_the_verbs_clause_is_a_reading_once(nlp):
    found = [r for r in readings(nlp, "The minister urged restraint in a speech to parliament.") if r[0] == "urged"]
    # "urge" addresses its object, so no rule reads "restraint" as what is urged: the argument reading does
    assert ("urged", "arg_dobj", "restraint", "verb") in found
    assert ("urged", "arg_prep", "in a speech to parliament", "verb") in found
    contents = [content for _cue, _config, content, _kind in found]
    assert len(contents) == len(set(contents))
    assert not any("minister" in content for content in contents)
