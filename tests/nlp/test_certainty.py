"""Certainty and polarity of claims (the source's view) and event modality, on sentences of news style."""

import pytest

from claimwatch.nlp.certainty.assess import assess_certainty, event_modality, factuality
from claimwatch.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _token(doc, word):
    return next(t for t in doc if t.text == word)


def _assess(nlp, text, head, cue=None):
    doc = nlp(text)
    return assess_certainty(_token(doc, head), _token(doc, cue) if cue else None)


@pytest.mark.parametrize(
    ("text", "head", "cue", "expected"),
    [
        # strong reporting cues keep the source's full commitment
        ("The agency announced that troops had been deployed to the front.", "deployed", "announced", "certain"),
        ("The minister said the convoy reached the city on Monday.", "reached", "said", "certain"),
        # weak cues: belief, suggestion, estimate
        ("Officials suggested that the troops were deployed last week.", "deployed", "suggested", "probable"),
        ("Officials believe the rebels attacked the convoy.", "attacked", "believe", "probable"),
        ("Experts speculated that the plant might reopen.", "reopen", "speculated", "possible"),
        # questions and "whether"
        ("Reporters asked whether the army had withdrawn.", "withdrawn", "asked", "unknown"),
    ],
)
def test_cue_strength_caps_the_commitment(nlp, text, head, cue, expected):
    assert _assess(nlp, text, head, cue) == (expected, "positive")


@pytest.mark.parametrize(
    ("text", "head", "cue", "expected"),
    [
        # modal auxiliaries on the content head
        ("Troops may have been deployed to the front, the agency announced.", "deployed", "announced", "possible"),
        ("Analysts said the sanctions could significantly impact trade.", "impact", "said", "possible"),
        ("A spokesman said the rebels might retreat.", "retreat", "said", "possible"),
        # hedging adverbs
        ("The army probably withdrew on Monday, officials said.", "withdrew", "said", "probable"),
        ("Perhaps the rebels attacked the convoy, a witness said.", "attacked", "said", "possible"),
        ("Police said the gunman apparently acted alone.", "acted", "said", "probable"),
        # hedging adjectives up the head's chain
        ("The ministry said the fighting is likely to continue.", "continue", "said", "probable"),
    ],
)
def test_modality_on_the_content_head_weakens_the_claim(nlp, text, head, cue, expected):
    assert _assess(nlp, text, head, cue) == (expected, "positive")


def test_modality_of_a_deeper_clause_does_not_count(nlp):
    # "may" belongs to the clause under "warned", not to the claim headed by "warned"
    text = "The minister said the army warned that the dam may collapse."
    assert _assess(nlp, text, "warned", "said") == ("certain", "positive")


@pytest.mark.parametrize(
    ("text", "head", "cue"),
    [
        ("The minister said troops did not cross the border.", "cross", "said"),
        ("The army never attacked the town, the statement said.", "attacked", "said"),
        ("Officials said no one was killed.", "killed", "said"),
    ],
)
def test_negation_flips_polarity(nlp, text, head, cue):
    assert _assess(nlp, text, head, cue) == ("certain", "negative")


def test_denial_cue_makes_the_reported_proposition_negative(nlp):
    assert _assess(nlp, "The spokesman denied that soldiers had crossed the border.", "crossed", "denied") == (
        "certain",
        "negative",
    )


def test_negated_assertion_commits_to_nothing(nlp):
    text = "The ministry did not confirm that the troops had arrived."
    assert _assess(nlp, text, "arrived", "confirm")[0] == "unknown"


def test_future_is_not_doubt(nlp):
    assert _assess(nlp, "The ministry said the army will withdraw next week.", "withdraw", "said") == (
        "certain",
        "positive",
    )


def test_author_claim_without_cue_uses_the_head_modality(nlp):
    assert _assess(nlp, "The bridge may have been destroyed.", "destroyed") == ("possible", "positive")
    assert _assess(nlp, "Did the army retake the bridge?", "retake") == ("unknown", "positive")


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        # embedded under intention: not (yet) a fact
        ("The government wants to send more troops.", "send", (0, 1)),
        ("The government plans to send more troops.", "send", (1, 1)),
        # implicatives: it happened / it did not
        ("The army managed to retake the bridge.", "retake", (3, 1)),
        ("The rebels failed to capture the town.", "capture", (3, -1)),
        ("The rebels refused to withdraw.", "withdraw", (3, -1)),
        ("The troops were not able to reach the city.", "reach", (3, -1)),
        # under a reporting verb: the speaker's commitment
        ("Officials suspect that the rebels attacked the convoy.", "attacked", (2, 1)),
        # conditions and open questions
        ("If the talks fail, the army will attack.", "fail", (0, 1)),
        ("It is unclear whether the strike hit the depot.", "hit", (0, 1)),
        # presupposed clauses stay factual
        ("The convoy was attacked after the rebels crossed the river.", "crossed", (3, 1)),
        # negation raised from belief verbs
        ("She does not believe that the army attacked.", "attacked", (2, -1)),
        ("It is possible that the ceasefire will collapse.", "collapse", (1, 1)),
        ("The attack appears to have failed.", "failed", (2, 1)),
    ],
)
def test_author_factuality_of_embedded_predicates(nlp, text, head, expected):
    assert factuality(_token(nlp(text), head)) == expected


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        ("The army attacked the town.", "attacked", "actual"),
        ("The army will attack the town.", "attack", "planned"),
        ("The army is going to attack the town.", "attack", "planned"),
        ("The government plans to send more troops.", "send", "planned"),
        ("Russia intends to expand the offensive.", "expand", "planned"),
        ("The president said he would visit Kyiv.", "visit", "planned"),
        ("If the talks fail, the army will attack.", "fail", "hypothetical"),
        ("The army would attack if the talks failed.", "attack", "hypothetical"),
        ("The strike could hit the depot.", "hit", "hypothetical"),
        ("Rebels may attack the convoy.", "attack", "hypothetical"),
        ("Rebels may have attacked the convoy.", "attacked", "actual"),
        ("The country might see benefits in supporting the rebels.", "supporting", "hypothetical"),
        ("Did the army shell the village?", "shell", "hypothetical"),
        ("The army shelled the village, officials said.", "shelled", "actual"),
    ],
)
def test_event_modality(nlp, text, head, expected):
    assert event_modality(_token(nlp(text), head)) == expected


@pytest.mark.parametrize("text, head, expected", [
    ("Officials said the death toll is likely to climb.", "is", ("probable", "positive")),
    ("Diplomats said it is possible that the ceasefire collapses.", "is", ("possible", "positive")),
    ("Analysts said it is unlikely that the embargo will be lifted.", "is", ("probable", "negative")),
    ("The commander said the brigade is ready.", "is", ("certain", "positive")),
])
def test_an_epistemic_adjective_on_the_copula_hedges_the_claim(nlp, text, head, expected):
    doc = nlp(text)
    said = next(t for t in doc if t.lemma_ == "say")
    content_head = next(t for t in doc if t.text == head and t.head.i == said.i)
    assert assess_certainty(content_head, said) == expected
