"""The PLOVER trigger lexicon: which words name which kind of event, and with which mode.

The entries come from the PLOVER manual's category definitions and the verb phrases of the
CAMEO→PLOVER crosswalk (../shared/data/plover/); they live in lexicons/plover_triggers.json so
that each one can be read and justified on its own (plover_lexicon). This module looks a word
up, as a phrasal verb, a verb or an event noun; where the word alone does not settle the event
type, the context rules of plover_rules do.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimwatch.nlp.events.plover_lexicon import Trigger, lemma_of, lexicon
from claimwatch.nlp.events.plover_rules import (
    aid_mode,
    assault_mode,
    campaign_rally,
    has_partner,
    is_joint,
    leaves_institution,
    object_reading,
    rally_is_protest,
    struck_by_workers,
    subject_of,
    used_in_speech,
)
from claimwatch.nlp.events.plover_usage import (
    is_criticism,
    is_descriptive_threat,
    is_opinion,
    is_potential,
    is_prediction,
    is_question,
    is_rehearsal,
    is_self_harm,
    is_verbal_attack,
    lacks_partner,
    names_existing_agreement,
    speaker_rally,
)

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


def phrasal_key(verb: Token) -> tuple[str, str | None] | None | bool:
    """A multiword trigger: a verb with its particle, preposition or light object; False when
    the multiword use is known to be no event."""
    lex = lexicon()
    lemma = lemma_of(verb)
    for child in verb.children:
        if child.dep_ in ("prt", "prep", "dobj", "advmod"):
            if child.dep_ == "prep" and any(p.ent_type_ in ("DATE", "TIME") for p in child.children):
                continue  # "called X on Friday" is no "call on"
            for key in (f"{lemma} {child.lower_}", f"{lemma} {lemma_of(child)}"):
                if key in lex.phrasal:
                    return lex.phrasal[key] or False
            if child.dep_ == "prep":  # "went on strike", "put on alert"
                for pobj in child.children:
                    hit = lex.phrasal.get(f"{lemma} {child.lower_} {lemma_of(pobj)}")
                    if hit:
                        return hit
    return None


def _not_an_act(verb: Token, type_: str, lemma: str) -> bool:
    """A verb trigger used for no event of its type: a prediction, an opinion, talk without a
    partner, a capability (plover_usage)."""
    if is_potential(verb):
        return True
    if type_ == "THREATEN" and lemma == "warn":
        return is_prediction(verb)
    if type_ == "REQUEST" and lemma == "ask":
        return is_question(verb)
    if type_ == "AGREE" and lemma == "agree":
        return is_opinion(verb)
    if type_ == "CONSULT" and lemma in ("discuss", "meet", "talk"):
        return lacks_partner(verb)
    return False


def classify(token: Token) -> Trigger | None:
    """The trigger `token` is, or None. Cheap for non-triggers: one set look-up."""
    lex = lexicon()
    lemma = lemma_of(token)
    if token.pos_ in VERB_POS:
        if lemma not in lex.trigger_lemmas:
            return None
        phrase = phrasal_key(token)
        if phrase is False:
            return None
        if phrase:
            if phrase[0] == "RETREAT" and phrase[1] == "withdraw" and leaves_institution(token):
                return Trigger(token, "SANCTION", "withdraw")  # "pulled out of the deal"
            return Trigger(token, phrase[0], phrase[1])
        if lemma in lex.with_partner and has_partner(token):
            mode = "military" if lemma in ("fight", "train", "serve", "exercise", "drill") else None
            return Trigger(token, "COOPERATE", mode)
        if lemma in lex.transfer:
            return Trigger(token, "AID", None, transfer=True)
        hit = lex.verbs.get(lemma)
        if hit is None:
            return None
        if lemma == "strike" and struck_by_workers(token):
            return Trigger(token, "PROTEST", "strike")
        if lemma in lex.object_readings:
            reading = object_reading(token, lex.object_readings[lemma])
            if reading is False:
                return None
            if reading is not None:
                hit = reading
            if hit == ("COERCE", "restrict") and lemma_of(subject_of(token)) in lex.protest_subjects:
                return Trigger(token, "PROTEST", "obstruct")  # "protesters blocked a highway"
        if lemma == "rally" and not rally_is_protest(token):
            return None
        if hit[0] == "RETREAT" and hit[1] == "withdraw" and leaves_institution(token):
            return Trigger(token, "SANCTION", "withdraw")
        if hit[0] == "ASSAULT" and (used_in_speech(token) or is_criticism(token)):
            return Trigger(token, "ACCUSE", "disapprove")  # "attacked his rival in a speech"
        if _not_an_act(token, hit[0], lemma):
            return None
        if hit[0] == "ASSAULT" and is_self_harm(token):
            return None
        if hit[0] == "ASSAULT":
            return Trigger(token, "ASSAULT", hit[1] or assault_mode(token))
        return Trigger(token, hit[0], hit[1])
    if token.pos_ in NOUN_POS and token.pos_ == "NOUN":
        hit = lex.nouns.get(lemma)
        if hit is None:
            return None
        if lemma == "strike":
            for child in token.children:
                mode = lex.protest_strike_modifiers.get(lemma_of(child))
                if mode and child.dep_ in ("amod", "compound", "poss"):
                    return Trigger(token, "PROTEST", mode, nominal=True)
        if lemma == "rally" and (campaign_rally(token) or speaker_rally(token)):
            return None
        if hit[0] == "AGREE" and names_existing_agreement(token):
            return None  # "withdrew from the Paris agreement": the agreement as a thing
        if hit[0] == "THREATEN" and is_descriptive_threat(token):
            return None  # "an existential threat to homes"
        if hit[0] == "ASSAULT" and is_rehearsal(token):
            return Trigger(token, "MOBILIZE", None, nominal=True)  # "simulated an attack": an exercise
        if lemma == "attack" and is_verbal_attack(token):
            return Trigger(token, "ACCUSE", "disapprove", nominal=True)  # "his attacks on Machado"
        if hit[0] == "PROTEST" and token.dep_ == "dobj" and lemma_of(token.head) in lex.protest_as_accusation_verbs:
            return Trigger(token, "ACCUSE", "disapprove", nominal=True)  # "lodged a protest": diplomatic (PLOVER)
        if lemma in ("aid", "assistance"):
            return Trigger(token, "AID", aid_mode(token), nominal=True)
        if hit[0] == "ASSAULT":
            return Trigger(token, "ASSAULT", hit[1] or assault_mode(token), nominal=True)
        if hit[0] == "MOBILIZE" and lemma in ("exercise", "drill", "maneuver", "manoeuvre") and is_joint(token):
            return Trigger(token, "COOPERATE", "military", nominal=True)  # joint exercises are cooperation
        return Trigger(token, hit[0], hit[1], nominal=True)
    return None
