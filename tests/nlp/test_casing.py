"""Title-case lines are put in sentence case from the casing of the document's own prose."""

from claimwatch.nlp.casing import sentence_case_titles

BODY = (
    "\n\nThe governor of Ohio said on Tuesday that the budget would cut spending on schools and roads. "
    "Critics said the plan would hurt rural towns. Marta Ilves, who leads the opposition, rejects it. "
    "The NATO summit was in Vilnius. Protesters at the summit say it will not help.\n"
)


def first_line(text: str) -> str:
    return text.split("\n", 1)[0]


def test_headline_words_the_prose_writes_in_lower_case_are_lowered() -> None:
    text = "Governor Rejects Critics On Budget For Schools And Roads" + BODY
    assert first_line(sentence_case_titles(text)) == "Governor rejects critics on budget for schools and roads"


def test_names_the_prose_capitalises_keep_their_capitals() -> None:
    text = "Marta Ilves Rejects The Budget Of Ohio" + BODY
    assert first_line(sentence_case_titles(text)) == "Marta Ilves rejects the budget of Ohio"


def test_words_the_prose_never_uses_are_taken_for_common_words_but_acronyms_are_kept() -> None:
    text = "Opposition Leader Joins Protest At NATO Summit" + BODY
    assert first_line(sentence_case_titles(text)) == "Opposition leader joins protest at NATO summit"


def test_lines_in_capitals_take_the_prose_casing() -> None:
    text = "CRITICS SAY THE BUDGET WILL HURT RURAL TOWNS IN OHIO" + BODY
    assert first_line(sentence_case_titles(text)) == "Critics say the budget will hurt rural towns in Ohio"


def test_prose_is_left_alone_and_the_length_never_changes() -> None:
    text = "The governor said the plan would help.\nMarta Ilves disagreed on Tuesday." + BODY
    assert sentence_case_titles(text) == text
    headline = "İstanbul Governor Rejects Critics On Budget" + BODY
    assert len(sentence_case_titles(headline)) == len(headline)


def test_a_sentence_opening_inside_the_headline_keeps_its_capital() -> None:
    text = "Critics: Budget Would Hurt Rural Towns" + BODY
    assert first_line(sentence_case_titles(text)) == "Critics: Budget would hurt rural towns"


def test_a_line_that_shares_few_words_with_the_prose_is_left_alone() -> None:
    # a list of names, a byline or a link to another story: its casing could only be guessed
    text = "Reporting By Anna Kask And Peeter Saar In Tallinn; Editing By Juri Mets" + BODY
    assert sentence_case_titles(text) == text
