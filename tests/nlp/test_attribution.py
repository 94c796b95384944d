"""Attribution rules on sentences written for the purpose: each kind of cue, source and content."""

from __future__ import annotations

import pytest

from claimwatch.model import Claim, Document, Source
from claimwatch.nlp.attribution.claims import _dedupe, attribute_claims
from claimwatch.nlp.attribution.phrase_cues import Found
from claimwatch.nlp.pipeline import load_pipeline
from claimwatch.nlp.state import DocState


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def claims_of(nlp, text: str, state: DocState | None = None) -> list[Claim]:
    state = state or DocState(Document(text=text))
    attribute_claims(nlp(text), state)
    return state.claims


def reported(claims: list[Claim]) -> list[Claim]:
    return [c for c in claims if c.source.kind != "author"]


def one(nlp, text: str) -> Claim:
    found = reported(claims_of(nlp, text))
    assert len(found) == 1, [(c.cue and c.cue.text, c.content.text) for c in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        ("Maria Lopez said that the harbour was closed.", "said", "Maria Lopez", "that the harbour was closed"),
        ("The minister warned that prices would rise.", "warned", "The minister", "that prices would rise"),
        ("Officials believe the fire started at home.", "believe", "Officials", "the fire started at home"),
        ("Ana Costa points out that the bridge is unsafe.", "points out", "Ana Costa", "that the bridge is unsafe"),
        ("The company denied that it had cut any jobs.", "denied", "The company", "that it had cut any jobs"),
    ],
)
def test_reporting_verbs(nlp, text, cue, source, content):
    claim = one(nlp, text)
    assert claim.cue.text == cue
    assert claim.source.text == source
    assert claim.content.text == content


def test_apposition_is_not_part_of_the_source(nlp):
    claim = one(nlp, "Peter Hall, an expert on shipping, noted that the canal was blocked.")
    assert claim.source.text == "Peter Hall"
    assert claim.source.kind == "named"
    assert claim.content.text == "that the canal was blocked"


def test_inverted_source_after_the_content(nlp):
    claim = one(nlp, "The talks will resume next week, the ambassador said.")
    assert claim.source.text == "the ambassador"
    assert claim.content.text == "The talks will resume next week"


def test_parenthetical_cue(nlp):
    claim = one(nlp, "The economy, he said, is growing faster than expected.")
    assert claim.cue.text == "said"
    assert claim.source.text == "he"
    assert "growing faster than expected" in claim.content.text


def test_as_experts_note(nlp):
    claim = one(nlp, "As experts note, the drought is the worst in a century.")
    assert claim.source.text == "experts"
    assert claim.source.kind == "unnamed"
    assert claim.content.text == "the drought is the worst in a century"


def test_according_to(nlp):
    claim = one(nlp, "The army lost two tanks near the river, according to local officials.")
    assert claim.cue.text == "according to"
    assert claim.source.text == "local officials"
    assert claim.content.text == "The army lost two tanks near the river"


def test_reportedly_has_an_unnamed_source(nlp):
    claim = one(nlp, "The rebels reportedly seized the airport.")
    assert claim.cue.text == "reportedly"
    assert claim.source.kind == "unnamed"
    assert "seized the airport" in claim.content.text


def test_nominal_cue_reports_of(nlp):
    found = reported(claims_of(nlp, "There were reports of looting in the capital."))
    got = [(c.cue.text, c.source.text, c.content.text) for c in found]
    assert got == [("reports", "reports", "looting in the capital")]


def test_hearsay_nouns_are_claims_but_signs_and_evidence_are_not(nlp):
    text = "There were signs of progress in the talks, and evidence of fraud emerged. There were rumours of a coup."
    got = [(c.cue.text, c.content.text) for c in reported(claims_of(nlp, text))]
    assert got == [("rumours", "a coup")]


def test_reports_indicating_that(nlp):
    claim = one(nlp, "Reports have surfaced indicating that two ships were damaged.")
    assert claim.source.text == "Reports"
    assert claim.content.text == "that two ships were damaged"


def test_quotation_over_several_sentences(nlp):
    text = "“We will rebuild the school. It will open in May,” the mayor said."
    claim = one(nlp, text)
    assert claim.source.text == "the mayor"
    assert claim.content.text.startswith("We will rebuild the school")
    assert "open in May" in claim.content.text


def test_what_a_quoted_speaker_thinks_is_part_of_the_quote(nlp):
    claim = one(nlp, "“I think the vote was fair,” Ruth Brown said.")
    assert claim.cue.text == "said"
    assert claim.source.text == "Ruth Brown"


def test_pronoun_source_resolves_to_the_last_person(nlp):
    text = "John Carter said the deal was dead. Later, he noted that talks could resume."
    state = DocState(Document(text=text))
    doc = nlp(text)
    carter = doc.text.index("John Carter")
    state.entities.add("john carter", (carter, carter + len("John Carter")), name="John Carter", type="person")
    attribute_claims(doc, state)
    found = reported(state.claims)
    assert [c.source.text for c in found] == ["John Carter", "he"]
    assert found[1].source.entity == found[0].source.entity is not None


def test_author_claims_cover_unattributed_sentences(nlp):
    text = "The bridge collapsed on Monday. Engineers said the steel was corroded."
    claims = claims_of(nlp, text)
    authors = [c for c in claims if c.source.kind == "author"]
    assert [c.content.text for c in authors] == ["The bridge collapsed on Monday"]
    assert authors[0].cue is None and authors[0].source.text is None
    assert [c.id for c in claims] == ["c1", "c2"]  # ids follow the text order of the contents


def test_stated_at_falls_back_to_the_publication_date(nlp):
    from datetime import date

    text = "The agency announced that the border was closed."
    state = DocState(Document(text=text), published=date(2024, 3, 5))
    claim = reported(claims_of(nlp, text, state))[0]
    assert claim.stated_at == "2024-03-05"


def test_stated_at_is_the_time_of_the_cue(nlp):
    from claimwatch.model import Time

    text = "The border was closed, the agency announced today."
    state = DocState(Document(text=text))
    at = text.index("today")
    state.times.append(Time("t1", "today", (at, at + 5), "2024-10-24"))
    claim = reported(claims_of(nlp, text, state))[0]
    assert claim.cue.text == "announced"
    assert claim.stated_at == "2024-10-24"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The ministry announced that the border would close.", "announced"),
        ("Analysts suggest that the offensive has stalled.", "suggest"),
        ("Evidence suggests that the dam was sabotaged.", "suggests"),
        ("The general emphasized that the troops were ready.", "emphasized"),
        ("Satellite images indicate that the base was hit.", "indicate"),
        ("Local media reported that two villages were shelled.", "reported"),
        ("The envoy argued that sanctions had failed.", "argued"),
    ],
)
def test_learned_model_keeps_general_reporting_verbs(nlp, text, cue):
    assert one(nlp, text).cue.text == cue


def test_cue_inside_a_quotation_is_part_of_the_quote(nlp):
    found = reported(claims_of(nlp, "“They said the plan would fail,” the senator said."))
    assert [c.cue.text for c in found] == ["said"] and found[0].source.text == "the senator"


def test_quotation_split_by_its_attribution_has_two_pieces(nlp):
    text = '"The bridge will reopen next week," the mayor said, "and the ferry will stop."'
    claim = one(nlp, text)
    assert claim.cue.text == "said"
    assert claim.content.pieces is not None and len(claim.content.pieces) == 2
    first, second = (text[a:b] for a, b in claim.content.pieces)
    assert first == "The bridge will reopen next week" and "the ferry will stop" in second
    assert claim.content.span == (claim.content.pieces[0][0], claim.content.pieces[1][1])
    assert claim.content.text == f"{first} … {second}"
    assert not claim.content.covers(claim.cue.span)  # the cue lies in the hull, not in a piece
    assert claim.content.covers((text.index("ferry"), text.index("ferry") + 5))


def test_parenthetical_attribution_is_cut_out_of_the_content(nlp):
    text = "The economy, officials said, is growing faster than expected."
    claim = one(nlp, text)
    assert [text[a:b] for a, b in claim.content.pieces] == ["The economy", "is growing faster than expected"]
    assert claim.source.text == "officials"


def test_continuous_content_has_no_pieces(nlp):
    claim = one(nlp, "Maria Lopez said that the harbour was closed.")
    assert claim.content.pieces is None


def proposed(nlp, text: str) -> list[tuple[str, str, str, str | None]]:
    """(kind, cue, content, source) of every candidate the rules propose, before the cue model."""
    from claimwatch.nlp.attribution.proposals import candidates

    doc = nlp(text)
    state = DocState(Document(text=text))
    return [(candidate.kind, doc[item.cue[0]:item.cue[1]].text, doc[item.content[0]:item.content[1]].text,
             item.source.text) for item, candidate in candidates(doc, state)]


def test_headline_colon_proposes_speaker_and_line(nlp):
    found = proposed(nlp, "Sanders: Trade deals hurt American workers\nThe senator spoke in Ohio on Monday.")
    assert ("colon", ":", "Trade deals hurt American workers", "Sanders") in found


def test_colon_after_a_clause_is_no_candidate(nlp):
    found = proposed(nlp, "The plan had one flaw: it cost too much.")
    assert not [f for f in found if f[0] == "colon"]


def test_the_question_and_answer_labels_of_an_interview_are_no_speakers(nlp):
    found = proposed(nlp, "Q: Will you run again?\nA: Nobody knows that yet.\nSanders: Trade deals hurt workers")
    assert [source for kind, _cue, _content, source in found if kind == "colon"] == ["Sanders"]


def test_in_a_poll_proposes_the_poll_as_source(nlp):
    found = proposed(nlp, "In a new poll, 40 percent of voters back the plan.")
    assert ("statement", "In", "40 percent of voters back the plan", "a new poll") in found


def test_in_a_statement_with_a_reporting_verb_is_left_to_the_verb(nlp):
    found = proposed(nlp, "In a statement, the ministry said the talks had failed.")
    assert not [f for f in found if f[0] == "statement"]
    assert any(cue == "said" for _kind, cue, _content, _source in found)


def test_stance_noun_proposes_its_complement(nlp):
    found = proposed(nlp, "Their criticism of the new tax grew louder.")
    assert ("stance", "criticism of", "the new tax", "Their") in found


def test_sentence_final_named_speaker_misparsed_as_appositive_is_a_claim(nlp):
    text = "Several fishing boats may already have been seized near the coast, Norway's coast guard announced today."
    found = [c for c in reported(claims_of(nlp, text)) if c.cue and c.cue.text == "announced"]
    assert found, [(c.cue and c.cue.text, c.content.text) for c in claims_of(nlp, text)]
    assert found[0].content.text.startswith("Several fishing boats may already have been seized")


@pytest.mark.parametrize("text, source, cue, content_start", [
    ("Government forces may have begun moving armoured units toward the northern city of Mosul, "
     "Iraq's Interior Ministry said on Thursday, warning that any attack would be repelled.",
     "Iraq's Interior Ministry", "said", "Government forces may have begun"),
    ("Iran plans to send a team of engineers to the port next month, the Syrian Observatory for Human Rights "
     "reported, citing sources close to the government.",
     "the Syrian Observatory for Human Rights", "reported", "Iran plans to send"),
])
def test_cue_after_its_content_set_off_by_a_comma(nlp, text, source, cue, content_start):
    claims = claims_of(nlp, text)
    claim = next(c for c in claims if c.cue is not None and c.cue.text == cue)
    assert claim.source.text == source
    assert claim.content.text.startswith(content_start)


def test_a_coordinated_statement_is_not_an_inverted_cue(nlp):
    claims = claims_of(nlp, "Two bridges were destroyed in the night and the army said the roads were closed.")
    said = next(c for c in claims if c.cue is not None and c.cue.text == "said")
    assert said.source.text == "the army" and said.content.text == "the roads were closed"


@pytest.mark.parametrize("text", [
    "Prices rose sharply in March, but the central bank said inflation would ease by summer.",
    "The ferry sank near the coast and the harbour police said six crew members were missing.",
])
def test_the_author_claim_stops_before_a_coordinated_attribution(nlp, text):
    claims = claims_of(nlp, text)
    [author] = [c for c in claims if c.source.kind == "author"]
    said = next(c for c in claims if c.cue is not None and c.cue.text == "said")
    assert author.content.span[1] <= said.source.span[0]
    assert not author.content.text.endswith(("and", "but"))
    assert author.content.text in ("Prices rose sharply in March", "The ferry sank near the coast")


@pytest.mark.parametrize(("text", "cue", "source"), [
    ("The strike killed four people, the agency said, adding that rescuers were still searching.",
     "adding", "the agency"),
    ("The talks will resume next week, the ambassador said, warning that any delay would be costly.",
     "warning", "the ambassador"),
    ("Rebels shelled the town overnight, a spokesman for the army told reporters, insisting that civilians "
     "were not targeted.", "insisting", "a spokesman for the army"),
    ("The government said on Friday that the border would reopen, saying that the outbreak was over.",
     "saying", "The government"),
])
def test_a_participle_of_saying_shares_the_source_of_the_cue_it_hangs_on(nlp, text, cue, source):
    claims = claims_of(nlp, text)
    claim = next(c for c in claims if c.cue is not None and c.cue.text == cue)
    assert claim.source.text == source


def test_a_participle_after_a_clause_about_things_gets_no_source(nlp):
    claims = claims_of(nlp, "The river burst its banks on Sunday, flooding the lower town.")
    assert not [c for c in claims if c.cue is not None and c.cue.text == "flooding" and c.source.text]


def test_contents_do_not_carry_the_paragraph_break_after_them(nlp):
    text = "The ferry sank near the coast on Monday.\n\nThe port will reopen soon, officials said.\n\nTrade resumed."
    for claim in claims_of(nlp, text):
        assert claim.content.text == claim.content.text.strip()
        assert "\n" not in claim.content.text


def test_short_name_and_pronoun_sources_resolve_to_the_full_name_through_the_pipeline():
    from claimwatch.nlp.pipeline import analyze_document

    text = ("Defence analyst Maria Ortega said the convoy had been stopped at the border. "
            "Ortega argues that the blockade could last for months. "
            "By the end of the year, she notes, fuel stocks will have run out.")
    analysis = analyze_document(Document(text=text))
    by_cue = {c.cue.text: c for c in analysis.claims if c.cue is not None}
    assert {"said", "argues", "notes"} <= set(by_cue)
    assert by_cue["argues"].source.text == "Ortega"
    assert by_cue["notes"].source.text == "she"
    for cue in ("said", "argues", "notes"):
        assert analysis.entity(by_cue[cue].source.entity).name == "Maria Ortega"


def test_first_stage_alone_still_decides_when_the_model_has_no_second_stage(nlp):
    """A model JSON without the second stage (version 1) keeps working: its own threshold decides."""
    from claimwatch.nlp.attribution.cue_model import CueModel, load_model

    shipped = load_model()
    first_only = CueModel(shipped.weights, shipped.bias, shipped.threshold)
    text = "Maria Lopez said that the harbour was closed."
    state = DocState(Document(text=text))
    attribute_claims(nlp(text), state, first_only)
    assert [c.cue.text for c in reported(state.claims)] == ["said"]


def test_nested_report_keeps_the_outer_claim_whole(nlp):
    """The second stage weighs a cue inside a likely content against that content: the outer report
    keeps all of what it reports."""
    found = reported(claims_of(nlp, "The minister said that farmers believe the drought will end soon."))
    outer = next(c for c in found if c.cue.text == "said")
    assert outer.content.text == "that farmers believe the drought will end soon"


def test_a_participle_hanging_beside_an_inverted_cue_shares_its_source(nlp):
    text = ("Armoured columns may have begun moving toward the northern city of Mosul, Iraq's Defence Ministry "
            "said on Thursday, warning that any offensive would be met with force.")
    claims = {c.cue.text: c for c in claims_of(nlp, text) if c.cue is not None}
    assert claims["said"].source.text == "Iraq's Defence Ministry"
    assert claims["warning"].source.text == "Iraq's Defence Ministry"


def test_a_definite_description_source_stands_for_the_organisation_named_before():
    from claimwatch.nlp.pipeline import analyze_document

    text = ("Kenya's Interior Ministry said on Monday that the border crossing would reopen. "
            "The ministry said trucks carrying food would be let through first. "
            "The committee said it would study the request.")
    analysis = analyze_document(Document(text=text))
    by_source = {c.source.text: c for c in analysis.claims if c.source.text}
    linked = by_source["The ministry"].source
    assert linked.kind == "named"
    assert analysis.entity(linked.entity).name.endswith("Ministry")
    assert by_source["The committee"].source.entity is None  # no committee was named before


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # "refused" inside what the ministry said is a word of that report, not a report of its own
        ("The ministry said the army refused to leave the town.", ["said"]),
        # a verb of saying inside it is a nested report and stays
        ("The ministry said the rebels claimed victory in the town.", ["said", "claimed"]),
    ],
)
def test_a_cue_inside_a_likelier_claims_content(nlp, text, kept):
    doc = nlp(text)
    said, inner = doc[2], doc[5]
    unnamed = Source(None, None, "unnamed")
    outer = Found(unnamed, (2, 3), (3, len(doc) - 1), inner, said)
    nested = Found(unnamed, (5, 6), (6, len(doc) - 1), doc[6], inner)
    assert [item.cue_token.text for item in _dedupe([outer, nested])] == kept


@pytest.mark.parametrize(
    ("second_content", "kept"),
    [
        # "statement" and "saying" with the same clause: one report, the likelier cue stays
        ((6, 12), ["statement"]),
        # most of the clause ("army would leave the town", token F1 .91) is still the same report
        ((7, 12), ["statement"]),
        # a content that shares too little with the first ("town", F1 .29) is a report of its own
        ((11, 12), ["statement", "saying"]),
    ],
)
def test_two_cues_with_one_content_are_one_report(nlp, second_content, kept):
    doc = nlp("The ministry issued a statement saying the army would leave the town.")
    statement, saying = doc[4], doc[5]
    unnamed = Source(None, None, "unnamed")
    first = Found(unnamed, (4, 5), (6, 12), doc[9], statement)
    second = Found(unnamed, (5, 6), second_content, doc[second_content[1] - 1], saying)
    assert [item.cue_token.text for item in _dedupe([first, second])] == kept


@pytest.mark.parametrize(
    ("text", "outer_cue", "kept"),
    [
        # "continued" frames the likelier report of "express" instead of making one of its own
        ("The minister continued to express concern about the strike.", 2, ["express"]),
        # a verb of saying around it is a report of its own and stays
        ("The minister said the union would express concern about the strike.", 2, ["express", "said"]),
    ],
)
def test_a_cue_around_a_likelier_claims_cue(nlp, text, outer_cue, kept):
    doc = nlp(text)
    express = next(t for t in doc if t.text == "express")
    unnamed = Source(None, None, "unnamed")
    inner = Found(unnamed, (express.i, express.i + 1), (express.i + 1, len(doc) - 1), doc[express.i + 1], express)
    outer = Found(unnamed, (outer_cue, outer_cue + 1), (outer_cue + 1, len(doc) - 1), express, doc[outer_cue])
    assert [item.cue_token.text for item in _dedupe([inner, outer])] == kept


def test_a_source_never_runs_over_a_line_break(nlp):
    # with no full stop after the headline, the parse joins its last words to the subject below
    text = "Port closes after storm damage\n\nHarbour officials said on Monday that the port would stay closed."
    claim = one(nlp, text)
    assert (claim.cue.text, claim.source.text) == ("said", "Harbour officials")
    assert text[claim.source.span[0]:claim.source.span[1]] == "Harbour officials"
