"""The words that signal attribution: reporting verbs and nouns, hearsay adverbs, nouns of sources.

The open-class word lists live as data files beside the other lexicons
(claimwatch/nlp/lexicons/attribution_*.tsv), each saying at its top what its entries are;
this module names them for the rules. The entries are general English, after the verb classes of
PARC/PolNeAR and Levin's "verbs of communication" and "verbs of cognition": lemmas, lower case.
Closed-class words (pronouns, prepositions) stay in the code that reads them, as grammar.
"""

from __future__ import annotations

from claimwatch.nlp.lexicons import word_set, word_table

#: Verbs of saying: their complement is a statement of the subject.
SPEECH_VERBS = word_set("attribution_speech_verbs.tsv")
#: Verbs of thinking, knowing, perceiving and showing: their complement is what the subject
#: believes or what the evidence shows.
COGNITION_VERBS = word_set("attribution_cognition_verbs.tsv")
#: Verbs of wanting and deciding, whose `to` complement is the subject's intention ("X plans to").
INTENTION_VERBS = word_set("attribution_intention_verbs.tsv")
#: Verbs of judging: their object (with its predicate) is what the subject holds about it.
EVALUATION_VERBS = word_set("attribution_evaluation_verbs.tsv")
#: Verbs whose object is whom they address, not what they say ("told reporters").
ADDRESSEE_VERBS = word_set("attribution_addressee_verbs.tsv")
#: Verbs of asking, whose "if"/"whether" clause is the question asked ("asked if C").
QUESTION_VERBS = word_set("attribution_question_verbs.tsv")
#: Reporting verbs that take a particle, with it ("point out").
PARTICLE_VERBS = frozenset((verb, particle) for verb, particle in word_table("attribution_particle_verbs.tsv"))

CUE_VERBS = SPEECH_VERBS | COGNITION_VERBS | EVALUATION_VERBS | {verb for verb, _ in PARTICLE_VERBS}

#: Nouns naming a statement or a belief: "the claim that X", "reports of X", "his view that X".
CUE_NOUNS = word_set("attribution_cue_nouns.tsv")
#: Reporting nouns whose "of" phrase is what they report ("reports of X", "signs of X").
OF_CONTENT_NOUNS = word_set("attribution_of_content_nouns.tsv")
#: Things said or published in which something is stated ("in a statement", "in a poll").
STATEMENT_NOUNS = word_set("attribution_statement_nouns.tsv")
#: Of those, the ones that speak for themselves: the document, not the clause's subject, is the source.
DOCUMENT_SOURCES = word_set("attribution_document_sources.tsv")
#: Nouns of stance whose prepositional complement is what the stance is about ("support for C").
STANCE_NOUNS = word_set("attribution_stance_nouns.tsv")
#: Verbs of feeling whose object is the one who feels ("the ruling angered farmers").
EXPERIENCER_VERBS = word_set("attribution_experiencer_verbs.tsv")
#: Nouns whose only sense is that something is being said by someone unnamed ("reports of shelling").
HEARSAY_NOUNS = word_set("attribution_hearsay_nouns.tsv")
#: Adverbs by which the writer passes on hearsay without naming its source.
HEARSAY_ADVERBS = word_set("attribution_hearsay_adverbs.tsv")
#: Common nouns that stand for a source without naming it ("officials said", "reports indicate").
UNNAMED_SOURCE_NOUNS = word_set("attribution_unnamed_source_nouns.tsv")

#: Personal pronouns that refer back to a person.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
