"""The PLOVER trigger lexicon: which words name which kind of event, and with which mode.

The entries come from the PLOVER manual's category definitions and the verb phrases of the
CAMEO→PLOVER crosswalk (../shared/data/plover/); they live in lexicons/plover_triggers.json so
that each one can be read and justified on its own (plover_lexicon). This module looks a word
up, as a phrasal verb, a verb or an event noun; where the word alone does not settle the event
type, the context rules of plover_rules do.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from claimwatch import config
from claimwatch.nlp.events.cameo import cameo_reading
from claimwatch.nlp.events.plover_lexicon import Trigger, lemma_of, lexicon
from claimwatch.nlp.events.plover_rules import (
    aid_mode,
    assault_mode,
    campaign_rally,
    gathered_to_protest,
    has_partner,
    is_joint,
    leaves_institution,
    object_class,
    object_reading,
    rally_is_protest,
    struck_by_workers,
    subject_of,
    used_in_speech,
)
from claimwatch.nlp.events.plover_usage import (
    is_criticism,
    is_descriptive_threat,
    is_natural_harm,
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

#: Partner verbs whose joint action is military cooperation ("fought alongside X").
MILITARY_JOINT_VERBS = frozenset({"fight", "train", "serve", "exercise", "drill"})
#: Exercise nouns that, held jointly, are military cooperation ("joint drills").
MANOEUVRE_NOUNS = frozenset({"exercise", "drill", "maneuver", "manoeuvre"})


def phrasal_key(verb: Token) -> tuple[str, str | None] | None | bool:
    """A multiword trigger: a verb with its particle, preposition or light object; False when
    the multiword use is known to be no event."""
    lex = lexicon()
    lemma = lemma_of(verb)
    for child in verb.children:
        if child.dep_ in ("prt", "prep", "dobj", "advmod", "npadvmod"):
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
    lemma = lemma_of(token)
    if token.pos_ == "VERB":
        return classify_verb(token, lemma)
    if token.pos_ == "NOUN":
        return classify_noun(token, lemma)
    return None


def classify_verb(verb: Token, lemma: str) -> Trigger | None:
    """A verb's trigger: a phrasal use ("went on strike"), joint action with a partner, a
    transfer (typed later by what it moves), else its lexicon entry read in context; a verb our
    lexicon lacks is read by CAMEO's dictionary (cameo)."""
    lex = lexicon()
    if lemma not in lex.trigger_lemmas:
        return dictionary_trigger(verb, lemma)
    phrase = phrasal_key(verb)
    if phrase is False:
        return None
    if phrase:
        return phrasal_trigger(verb, phrase)
    if lemma in lex.with_partner and has_partner(verb):
        return Trigger(verb, "COOPERATE", "military" if lemma in MILITARY_JOINT_VERBS else None)
    if lemma in lex.transfer:
        return Trigger(verb, "AID", None, transfer=True)
    hit = lex.verbs.get(lemma)
    if hit is None:  # a verb that is an event only with some objects ("dismissed the proposal")
        only = object_reading(verb, lex.object_readings[lemma]) if lemma in lex.object_readings else None
        return settle_verb_type(verb, lemma, only) if isinstance(only, tuple) else None
    reading = contextual_reading(verb, lemma, hit)
    if reading is None or isinstance(reading, Trigger):
        return reading
    return settle_verb_type(verb, lemma, reading)


#: The dictionary is asked only about the verb of a sentence's main clause or of what a source
#: reports ("X said Y attacked"): on dev sentences, its readings of verbs in infinitives,
#: conjuncts and modifiers ("to inspect", "agreed to settle", "a deal cleared by") were mostly wrong.
MAIN_CLAUSE_DEPS = frozenset({"ROOT", "ccomp"})


def dictionary_trigger(verb: Token, lemma: str) -> Trigger | None:
    """A main-clause verb our lexicon lacks, read by CAMEO's dictionary (cameo) and settled by the
    same context rules as ours, where config.EVENT_DICTIONARY asks for it."""
    if not config.EVENT_DICTIONARY or verb.dep_ not in MAIN_CLAUSE_DEPS or lemma in lexicon().not_for_dictionary:
        return None
    reading = cameo_reading(verb)
    trigger = settle_verb_type(verb, lemma, reading) if reading else None
    return replace(trigger, dictionary=True) if trigger else None


def phrasal_trigger(verb: Token, phrase: tuple[str, str | None]) -> Trigger:
    """A phrasal verb's entry; pulling out of a deal or a body is a SANCTION, not a RETREAT."""
    if phrase[0] == "RETREAT" and phrase[1] == "withdraw" and leaves_institution(verb):
        return Trigger(verb, "SANCTION", "withdraw")  # "pulled out of the deal"
    return Trigger(verb, phrase[0], phrase[1])


def contextual_reading(verb: Token, lemma: str, hit: tuple[str, str | None]
                       ) -> tuple[str, str | None] | Trigger | None:
    """The (type, mode) a verb's subject or object gives it instead of its lexicon entry ("teachers
    struck" is a labour strike, "blocked the resolution" a veto, "protesters blocked a highway" an
    obstruction), a Trigger where the context settles it, or None where it names no event
    ("stocks rallied")."""
    lex = lexicon()
    if lemma == "strike" and struck_by_workers(verb):
        return Trigger(verb, "PROTEST", "strike")
    if lemma in lex.object_readings:
        reading = object_reading(verb, lex.object_readings[lemma])
        if reading is False:
            return None
        if reading is not None:
            hit = reading
        if hit == ("COERCE", "restrict") and lemma_of(subject_of(verb)) in lex.protest_subjects:
            return Trigger(verb, "PROTEST", "obstruct")  # "protesters blocked a highway"
    if lemma == "rally" and not rally_is_protest(verb):
        return None
    if lemma in lex.gathering_verbs and not gathered_to_protest(verb):
        return None
    return hit


def settle_verb_type(verb: Token, lemma: str, hit: tuple[str, str | None]) -> Trigger | None:
    """The verb's trigger once its reading is known: leaving an institution is a SANCTION, harm
    done in words an accusation; predictions, opinions, capabilities and self-harm are none."""
    type_, mode = hit
    if type_ == "RETREAT" and mode == "withdraw" and leaves_institution(verb):
        return Trigger(verb, "SANCTION", "withdraw")
    if type_ == "ASSAULT" and (used_in_speech(verb) or is_criticism(verb)):
        return Trigger(verb, "ACCUSE", "disapprove")  # "attacked his rival in a speech"
    if _not_an_act(verb, type_, lemma):
        return None
    if type_ == "ASSAULT" and (is_self_harm(verb) or is_natural_harm(verb)):
        return None
    if type_ == "ASSAULT":
        return Trigger(verb, "ASSAULT", mode or assault_mode(verb))
    return Trigger(verb, type_, mode)


def classify_noun(noun: Token, lemma: str) -> Trigger | None:
    """An event noun's trigger: an activity done jointly is cooperation ("a joint patrol"); else
    its lexicon entry, unless the noun names no event here (a campaign rally, an agreement as a
    thing, a threat as a description, a modifier of another noun: "riot police") or another one."""
    lex = lexicon()
    if noun.dep_ == "compound":
        return None  # "riot police", "strike force": the noun only qualifies another
    if lemma in lex.joint_activity_nouns and is_joint(noun):
        return Trigger(noun, "COOPERATE", "military" if lemma in MANOEUVRE_NOUNS else None, nominal=True)
    if lemma in lex.trade_measure_nouns and lemma not in lex.nouns:  # "export controls on X"
        trade = any(c.dep_ in ("compound", "amod") and lemma_of(c) in lex.trade_words for c in noun.children)
        return Trigger(noun, "SANCTION", "discontinue", nominal=True) if trade else None
    if lemma in lex.transfer_nouns:  # "a package of weapons for X": aid, if what it carries is
        carried = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
        if any(lemma_of(p) in lex.nouns for p in carried):
            return None  # "a package of military aid": the aid names the event
        cls = object_class(noun)
        helped = any(c.dep_ == "prep" and c.lower_ in ("for", "to") for c in noun.children)
        if helped and cls in ("military", "humanitarian", "economic", "aid"):  # "deliveries of jets slowed": trade
            return Trigger(noun, "AID", None if cls == "aid" else cls, nominal=True)
    hit = lex.nouns.get(lemma)
    if hit is None:
        return None
    if lemma == "strike" and (labour := labour_strike(noun)) is not None:
        return labour
    if names_no_event(noun, lemma, hit):
        return None
    return settle_noun_type(noun, lemma, hit)


def labour_strike(noun: Token) -> Trigger | None:
    """"A general strike", "the teachers' strike": a strike whose modifier names workers is a PROTEST."""
    modifiers = lexicon().protest_strike_modifiers
    for child in noun.children:
        mode = modifiers.get(lemma_of(child))
        if mode and child.dep_ in ("amod", "compound", "poss"):
            return Trigger(noun, "PROTEST", mode, nominal=True)
    return None


def names_no_event(noun: Token, lemma: str, hit: tuple[str, str | None]) -> bool:
    """A campaign rally or one a speaker holds, an agreement named as a thing ("withdrew from the
    Paris agreement"), a threat as a description ("an existential threat to homes")."""
    if lemma == "rally" and (campaign_rally(noun) or speaker_rally(noun)):
        return True
    if hit[0] == "AGREE" and names_existing_agreement(noun):
        return True
    return hit[0] == "THREATEN" and is_descriptive_threat(noun)


def settle_noun_type(noun: Token, lemma: str, hit: tuple[str, str | None]) -> Trigger:
    """The noun's trigger: a rehearsed attack is an exercise, a verbal or lodged one an
    accusation, joint manoeuvres cooperation; aid and attacks take their mode from modifiers."""
    lex = lexicon()
    type_, mode = hit
    if type_ == "ASSAULT" and is_rehearsal(noun):
        return Trigger(noun, "MOBILIZE", None, nominal=True)  # "simulated an attack": an exercise
    if lemma == "attack" and is_verbal_attack(noun):
        return Trigger(noun, "ACCUSE", "disapprove", nominal=True)  # "his attacks on Machado"
    if type_ == "PROTEST" and noun.dep_ == "dobj" and lemma_of(noun.head) in lex.protest_as_accusation_verbs:
        return Trigger(noun, "ACCUSE", "disapprove", nominal=True)  # "lodged a protest": diplomatic (PLOVER)
    if lemma in ("aid", "assistance"):
        return Trigger(noun, "AID", aid_mode(noun), nominal=True)
    if type_ == "ASSAULT":
        return Trigger(noun, "ASSAULT", mode or assault_mode(noun), nominal=True)
    if type_ == "MOBILIZE" and lemma in MANOEUVRE_NOUNS and is_joint(noun):
        return Trigger(noun, "COOPERATE", "military", nominal=True)  # joint exercises are cooperation
    return Trigger(noun, type_, mode, nominal=True)
