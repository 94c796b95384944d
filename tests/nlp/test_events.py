"""Event coding on sentences written for these tests: type, actor, target, counts, modality,
polarity, location, claim linking and discourse inheritance."""

from __future__ import annotations

import pytest

from claimwatch.model import Analysis, Document, Event
from claimwatch.nlp.pipeline import analyze_document, load_pipeline


@pytest.fixture(scope="module", autouse=True)
def _nlp():
    return load_pipeline()


def analyse(text: str) -> Analysis:
    return analyze_document(Document(text, published="2024-05-01"))


def country(analysis: Analysis, entity_id: str | None) -> str | None:
    entity = analysis.entity(entity_id)
    return entity.country if entity else None


def only(analysis: Analysis, type_: str) -> Event:
    found = [v for v in analysis.events if v.type == type_]
    assert len(found) == 1, [(v.type, v.trigger.text) for v in analysis.events]
    return found[0]


def test_active_assault_takes_its_toll_from_a_killing_clause():
    a = analyse("Russian missiles struck Kharkiv on Monday, killing five civilians.")
    event = only(a, "ASSAULT")
    assert event.trigger.text == "struck"
    assert country(a, event.actor) == "RUS"
    assert event.dead == 5


def test_passive_assault_actor_from_agent_and_target_from_victims():
    a = analyse("Twelve Ukrainian soldiers were killed by a Russian drone.")
    event = only(a, "ASSAULT")
    assert (country(a, event.actor), country(a, event.target)) == ("RUS", "UKR")
    assert event.dead == 12


def test_passive_killing_in_an_event_noun_takes_the_nouns_possessor_as_actor():
    a = analyse("Four Iranian guards were killed in one of Israel's air strikes.")
    event = only(a, "ASSAULT")
    assert (country(a, event.actor), country(a, event.target)) == ("ISR", "IRN")
    assert event.dead == 4


def test_supply_with_recipient_is_military_aid():
    a = analyse("Germany supplied tanks to Ukraine in January.")
    event = only(a, "AID")
    assert event.mode == "military"
    assert (country(a, event.actor), country(a, event.target)) == ("DEU", "UKR")


def test_recipient_from_a_participle_of_the_supplied_goods():
    a = analyse("Iran is supplying drones used by the Russian army.")
    event = only(a, "AID")
    assert (country(a, event.actor), country(a, event.target)) == ("IRN", "RUS")


def test_planned_deployment_through_xcomp_with_personnel_size():
    a = analyse("Russia plans to deploy 10,000 soldiers near its border.")
    event = only(a, "MOBILIZE")
    assert event.trigger.text == "deploy"
    assert country(a, event.actor) == "RUS"
    assert event.modality == "planned"
    assert event.size == 10000


def test_negated_event_is_negative():
    a = analyse("Pakistan did not shell Indian positions.")
    event = only(a, "ASSAULT")
    assert event.polarity == "negative"
    assert (country(a, event.actor), country(a, event.target)) == ("PAK", "IND")


def test_event_noun_with_possessor_actor():
    a = analyse("Officials condemned Iran's missile attack on Israel.")
    event = only(a, "ASSAULT")
    assert event.trigger.text == "attack"
    assert (country(a, event.actor), country(a, event.target)) == ("IRN", "ISR")


def test_location_is_the_events_own_place_not_any_place_named():
    a = analyse("Speaking in Paris, the Turkish minister said Turkey attacked Kurdish fighters in Syria.")
    event = only(a, "ASSAULT")
    assert country(a, event.location) == "SYR"


def test_event_in_reported_content_links_to_the_claim_and_carries_its_certainty():
    a = analyse("Ukrainian intelligence said Russia may have deployed troops to Belarus.")
    event = next(v for v in a.events if v.type in ("MOBILIZE", "AID"))
    claim = a.claim(event.claim)
    assert claim is not None and claim.content.span[0] <= event.trigger.span[0]
    assert event.certainty == "possible"


def test_speech_act_swallows_the_event_it_threatens():
    a = analyse("North Korea threatened to attack South Korea.")
    assert [v.type for v in a.events] == ["THREATEN"]
    event = a.events[0]
    assert event.mode == "violence"
    assert (country(a, event.actor), country(a, event.target)) == ("PRK", "KOR")


def test_follow_up_deployment_inherits_the_recipient():
    a = analyse("Belarus sent troops to fight for Russia. Belarus will deploy more soldiers next year.")
    first, second = [v for v in a.events if v.type in ("AID", "MOBILIZE")]
    assert country(a, first.target) == "RUS"
    assert country(a, second.target) == "RUS"
    assert second.modality == "planned"


def test_transfer_of_something_that_is_no_aid_is_no_event():
    assert analyse("The French president gave a speech about education.").events == []


# Issue 4: error classes found on a held-out set; each test uses a sentence of its own.

def types(analysis: Analysis) -> list[str]:
    return sorted(v.type for v in analysis.events)


@pytest.mark.parametrize("text", [
    "The governor attacked her opponent in a televised debate on Sunday.",
    "Opposition leaders attacked the government's plan as a betrayal of voters.",
])
def test_verbal_attacks_are_accusations_not_assaults(text):
    assert "ASSAULT" not in types(analyse(text))


def test_sports_beat_is_no_assault():
    assert analyse("Chelsea beat Liverpool 2-0 at Stamford Bridge on Saturday.").events == []


def test_campaign_rallies_and_market_rallies_are_no_protest():
    assert "PROTEST" not in types(analyse("The senator's campaign rally in Texas drew thousands of supporters."))
    assert "PROTEST" not in types(analyse("Shares in Tokyo rallied after the election."))


def test_diplomatic_protest_is_accuse():
    a = analyse("Seoul lodged a formal protest with Tokyo over the textbooks.")
    assert types(a) == ["ACCUSE"]


def test_future_meeting_is_agree_and_announced_withdrawal_is_concede():
    a = analyse("Chile will hold a new round of trade talks with Peru next month.")
    event = only(a, "AGREE")
    assert country(a, event.actor) == "CHL" and event.modality == "planned"
    b = analyse("Turkey announced it would withdraw its troops from the buffer zone.")
    event = only(b, "CONCEDE")
    assert country(b, event.actor) == "TUR"


def test_vowing_violence_is_a_threat():
    a = analyse("Iran vowed to retaliate against the United States.")
    event = only(a, "THREATEN")
    assert (country(a, event.actor), country(a, event.target)) == ("IRN", "USA")


def test_object_decides_block_recall_expel_and_withdraw():
    assert types(analyse("Poland blocked the EU resolution on migration.")) == ["REJECT"]
    a = analyse("Canada recalled its ambassador from Riyadh.")
    event = only(a, "SANCTION")
    assert country(a, event.target) == "SAU"
    assert types(analyse("Libya expelled hundreds of Egyptian workers.")) == ["COERCE"]
    assert types(analyse("The United States withdrew from the nuclear treaty with Russia.")) == ["SANCTION"]


def test_release_needs_people_or_property():
    assert analyse("The French campaign released a new video on Monday.").events == []
    assert types(analyse("Egypt released 40 Sudanese prisoners.")) == ["RETREAT"]


def test_adjectival_partners_split_into_actor_and_target():
    a = analyse("Greek and Turkish ministers met in Athens.")
    event = only(a, "CONSULT")
    assert {country(a, event.actor), country(a, event.target)} == {"GRC", "TUR"}


def test_target_named_on_the_object():
    a = analyse("Norway suspended development aid to Mozambique.")
    event = only(a, "SANCTION")
    assert country(a, event.target) == "MOZ"


def test_toll_clause_joins_the_attack_in_its_when_clause():
    a = analyse("Three Afghan policemen were killed when Taliban fighters stormed a checkpoint.")
    events = [v for v in a.events if v.type == "ASSAULT"]
    assert len(events) == 1 and events[0].dead == 3


def test_protest_without_named_actor_is_kept_when_people_act():
    a = analyse("Protesters blocked a motorway outside Lima on Monday.")
    assert types(a) == ["PROTEST"]


def test_coordinated_toll_clauses_both_count_for_the_attack(nlp):
    from claimwatch.model import Document
    from claimwatch.nlp.pipeline import analyze_document

    text = "Militia fighters shelled a market in the city, killing 9 traders and wounding at least 25 shoppers."
    [attack] = [v for v in analyze_document(Document(text=text)).events if v.type == "ASSAULT"]
    assert (attack.dead, attack.injured) == (9, 25)


def test_a_place_given_by_compass_direction_is_the_location(nlp):
    from claimwatch.model import Document
    from claimwatch.nlp.pipeline import analyze_document

    analysis = analyze_document(Document(text="Government jets bombed three villages south of Aleppo on Friday."))
    [attack] = [v for v in analysis.events if v.type == "ASSAULT"]
    assert analysis.entity(attack.location).name == "Aleppo"


# Uses of event words in political news that name no event of that type (plover_usage).

def text_types(text: str) -> list[str]:
    return [v.type for v in analyse(text).events]


@pytest.mark.parametrize("text", [
    "The United States withdrew from the Paris climate agreement.",  # SANCTION only, no new AGREE
    "The senator vowed to tear up the Iran deal.",
])
def test_an_agreement_named_as_a_thing_is_no_new_agreement(text):
    assert "AGREE" not in text_types(text)


def test_signing_an_agreement_is_one_support_event_and_a_promise_to_sign_an_agree():
    # PLOVER 3.3: signing or ratifying an agreement is SUPPORT; 3.1: a promise to sign is AGREE.
    assert text_types("France and Germany signed an agreement on trade on Monday.") == ["SUPPORT"]
    assert text_types("France and Germany will sign an agreement on trade next month.") == ["AGREE"]


@pytest.mark.parametrize("text", [
    "Trump attacked Senator McCain on Sunday.",
    "The newspaper attacked Trump, saying he lacked the temperament to be president.",
])
def test_harm_verbs_against_named_people_in_politics_are_criticism(text):
    a = analyse(text)
    assert [v.type for v in a.events] == ["ACCUSE"]
    assert a.events[0].mode == "disapprove"


@pytest.mark.parametrize("text", [
    "A gunman attacked Senator Smith outside his office.",
    "Protesters hit Mr. Smith with bottles in Chicago.",
    "Rebels attacked the army base with rockets, killing six soldiers.",
])
def test_physical_attacks_stay_assaults(text):
    assert text_types(text) == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "Climate change is an existential threat to homes in Florida.",
    "North Korea poses a grave threat to Japan.",
    "Trump warned that Mexico would pay.",
    "The senator warned of a rigged election in November.",
    "Analysts doubt there is any chance of threatening the continental United States.",
])
def test_descriptions_and_predictions_are_no_threats(text):
    assert "THREATEN" not in text_types(text)


@pytest.mark.parametrize("text", [
    "Russia's threat to cut gas supplies alarmed Europe.",
    "Washington warned Beijing of serious consequences.",
    "Iran warned that it would retaliate against Israel.",
])
def test_threats_someone_makes_are_kept(text):
    assert "THREATEN" in text_types(text)


@pytest.mark.parametrize("text", [
    "The senator avoided condemning Russia's annexation of Crimea.",
    "The senator refrained from criticizing Putin.",
])
def test_avoided_acts_are_negative(text):
    event = only(analyse(text), "ACCUSE")
    assert event.polarity == "negative"


@pytest.mark.parametrize("text", [
    "Ohio will host a Senate race in November.",
    "Clinton met the editorial board of the Times on Friday.",
    "The governor went on to discuss recently released polls.",
    "The candidates will meet for their final debate in Las Vegas.",
])
def test_consultation_needs_a_political_partner(text):
    assert not {"CONSULT", "AGREE"} & set(text_types(text))


@pytest.mark.parametrize("text", [
    "Obama met with Putin in Beijing.",
    "Obama hosted Japanese Prime Minister Shinzo Abe at the White House.",
])
def test_meetings_between_actors_are_consultations(text):
    assert text_types(text) == ["CONSULT"]


@pytest.mark.parametrize("text", [
    "The mayor agreed that the rules should be modernized.",
    "The American people do not agree with Trump.",
    "The pollster, offering analysis of the election, spoke to Fox.",
    "President Bush signed the legislation in 2003.",
])
def test_opinions_and_non_commitments_are_no_agreements(text):
    assert "AGREE" not in text_types(text)


@pytest.mark.parametrize("text", [
    "Iran agreed to limit its nuclear program.",
    "Turkey offered to mediate between Russia and Ukraine.",
])
def test_commitments_are_agreements(text):
    assert text_types(text) == ["AGREE"]


def test_a_rehearsed_attack_is_an_exercise():
    assert text_types("The Chinese navy simulated an attack on Taiwan.") == ["MOBILIZE"]


@pytest.mark.parametrize("text", [
    "Clinton has held rallies in Cleveland and Charlotte.",
    "Party workers are trying to mobilize black voters in Florida.",
    "It is destroying the reputation of the committee, Senator Smith said.",
])
def test_campaign_and_metaphorical_uses_are_no_conflict_events(text):
    assert not {"PROTEST", "MOBILIZE", "ASSAULT"} & set(text_types(text))


def test_backing_off_a_proposal_is_a_concession():
    assert text_types("Trump backed off some of his initial proposals.") == ["CONCEDE"]


@pytest.mark.parametrize("text", [
    "Speaking at a rally in Novi, Michigan, Donald Trump said he wants a pledge from Obama.",
    "Hillary Clinton said during a rally in Ohio that jobs come first.",
])
def test_a_rally_a_named_person_speaks_at_is_no_protest(text):
    assert "PROTEST" not in text_types(text)


def test_a_rally_against_something_is_still_a_protest():
    assert "PROTEST" in text_types("Thousands of people rallied against the war outside parliament in London.")


def test_personal_attacks_are_criticism():
    assert text_types("Trump launched personal attacks on Senator Cruz.") == ["ACCUSE"]


@pytest.mark.parametrize("text", [
    "Veterans were killing themselves at three times the rate of civilians.",
    "A retired police officer shot himself in the parking lot of a veterans hospital.",
])
def test_self_harm_is_no_assault(text):
    assert "ASSAULT" not in text_types(text)


def test_warning_people_of_what_others_will_do_is_a_prediction():
    assert "THREATEN" not in text_types("Trump is warning voters that a Clinton victory would bring scandal back.")


def test_a_quoted_question_is_no_request():
    assert "REQUEST" not in text_types('"What is the plan of the Republican Party?" Senator Graham asked.')


def test_backing_out_is_no_support():
    assert "SUPPORT" not in text_types("Under pressure from the unions, Washington backed out.")


# Deployments: who moves forces, where to, and whom they are aimed at.

@pytest.mark.parametrize("verb", ["moving", "relocating", "redeploying"])
def test_reported_motion_of_forces_is_a_deployment_of_the_mover_not_the_source(verb):
    a = analyse(f"Egypt has begun {verb} about 3,000 soldiers to Libya, Turkey's defence ministry said.")
    [event] = [v for v in a.events if v.type in ("AID", "MOBILIZE")]
    assert event.mode in ("military", "troops")
    assert (country(a, event.actor), country(a, event.target)) == ("EGY", "LBY")
    assert event.size == 3000


def test_a_pronoun_before_a_postposed_report_is_not_the_reporter():
    a = analyse("Egypt faces protests at home. It is moving troops to Libya, Turkish officials said.")
    [event] = [v for v in a.events if v.type in ("AID", "MOBILIZE")]
    assert country(a, event.actor) != "TUR"
    assert country(a, event.target) == "LBY"


def test_forces_moving_on_their_own_act_for_their_state():
    a = analyse("Chadian troops moved into Sudan's Darfur region on Tuesday.")
    event = only(a, "MOBILIZE")
    assert (country(a, event.actor), country(a, event.target)) == ("TCD", "SDN")
    assert a.entity(event.location).name == "Darfur"


def test_stationed_forces_take_their_state_as_actor_and_the_host_country_as_target():
    a = analyse("About 1,500 Rwandan troops are now stationed in Congo's North Kivu province, diplomats said.")
    event = only(a, "MOBILIZE")
    assert (country(a, event.actor), country(a, event.target)) == ("RWA", "COD")
    location = a.entity(event.location)
    assert location.name == "North Kivu" and location.type == "place" and location.country == "COD"
    assert event.size == 1500


def test_a_destination_inside_a_named_country_is_the_location():
    a = analyse("Kazakhstan sent 600 peacekeepers to Kyrgyzstan's Osh region.")
    event = only(a, "AID")
    assert (country(a, event.actor), country(a, event.target)) == ("KAZ", "KGZ")
    assert a.entity(event.location).name == "Osh"


def test_forces_moved_within_their_own_country_have_no_target():
    a = analyse("Russia moved 2,000 troops to its Kursk region.")
    event = only(a, "MOBILIZE")
    assert country(a, event.actor) == "RUS" and event.target is None
    assert a.entity(event.location).name == "Kursk"


def test_forces_sent_to_a_border_face_that_country():
    a = analyse("Russia sent troops to the Ukrainian border.")
    event = only(a, "MOBILIZE")
    assert (country(a, event.actor), country(a, event.target)) == ("RUS", "UKR")


def test_withdrawn_forces_act_for_their_state():
    a = analyse("Some 2,000 Russian soldiers were withdrawn from Armenia last year.")
    event = only(a, "RETREAT")
    assert country(a, event.actor) == "RUS" and event.size == 2000


def test_a_strike_in_a_region_of_a_country_is_located_in_the_region():
    a = analyse("Ukrainian drones hit a refinery in Russia's Krasnodar region.")
    event = only(a, "ASSAULT")
    location = a.entity(event.location)
    assert location.name == "Krasnodar" and location.country == "RUS"


def test_moving_what_is_no_force_or_goods_is_no_event():
    a = analyse("Guatemala pledged to relocate its embassy to Jerusalem.")
    assert not {"AID", "MOBILIZE"} & set(types(a))
    b = analyse("Iran moved to support the Houthis.")  # "moved to" is no transfer with a purpose
    assert "SUPPORT" in types(b)


def test_an_event_noun_that_does_harm_takes_its_target_from_its_object_not_its_actor():
    a = analyse("The air strike on Kassala killed nine people, local officials said.")
    event = only(a, "ASSAULT")
    assert event.actor is None
    assert country(a, event.target) == "SDN"


def test_a_passive_deal_between_two_states_has_both_parties():
    a = analyse("A ceasefire deal between Armenia and Azerbaijan was signed in Moscow.")
    event = only(a, "SUPPORT")
    assert (country(a, event.actor), country(a, event.target)) == ("ARM", "AZE")
    assert country(a, event.location) == "RUS"


def test_an_event_noun_carried_by_an_aspectual_verb_takes_its_agent():
    a = analyse("Sanctions on Venezuela were extended by Washington on Friday.")
    event = only(a, "SANCTION")
    assert (country(a, event.actor), country(a, event.target)) == ("USA", "VEN")


def test_an_event_in_the_object_of_a_modal_verb_is_hypothetical_and_a_question_asks():
    assert only(analyse("Iran might see benefits in supporting the rebels, analysts said."),
                "SUPPORT").modality == "hypothetical"
    assert only(analyse("Did Russia shoot down the plane over the Black Sea?"), "ASSAULT").modality == "hypothetical"


def test_a_wire_dateline_places_events_whose_sentence_names_no_place():
    a = analyse("KHARTOUM, March 3 (Reuters) - Paramilitary fighters attacked a market on Monday, killing 14 people.")
    event = only(a, "ASSAULT")
    assert country(a, event.location) == "SDN"
    b = analyse("KHARTOUM, March 3 (Reuters) - Paramilitary fighters attacked a market in Kassala, killing 14.")
    assert b.entity(only(b, "ASSAULT").location).name == "Kassala"


def test_a_place_before_an_event_noun_is_its_setting_not_its_actor():
    a = analyse("Rebels said the Darfur offensive had killed 30 soldiers.")
    assert all(a.entity(v.actor) is None or a.entity(v.actor).type != "place" for v in a.events)


def test_a_death_toll_counts_the_dead_of_the_attack_it_is_the_toll_of():
    a = analyse("The death toll from the strike on the market rose to 14, the health ministry said.")
    event = only(a, "ASSAULT")
    assert event.dead == 14


def test_a_running_total_since_a_conflict_began_is_background_not_an_event():
    a = analyse("The war has killed tens of thousands of people since it began in 2023.")
    assert [v.type for v in a.events] == []


def test_what_a_rejected_report_says_is_denied_by_the_one_who_rejects_it():
    a = analyse("Iran rejected reports that it had sent troops to Syria.")
    sent = next(v for v in a.events if v.trigger.text == "sent")
    assert sent.polarity == "negative"
    assert (country(a, sent.actor), country(a, sent.target)) == ("IRN", "SYR")


def test_a_possessive_pronoun_in_a_clause_the_speaker_embeds_is_the_speaker():
    a = analyse("Pakistan did not immediately confirm that its jets had struck targets in Afghanistan.")
    event = only(a, "ASSAULT")
    assert (country(a, event.actor), country(a, event.target)) == ("PAK", "AFG")
    assert event.certainty != "certain"


def test_a_protest_known_only_by_its_place_is_that_countrys_people_against_their_government():
    a = analyse("Mass protests against the government erupted in Dhaka after the verdict.")
    event = only(a, "PROTEST")
    assert country(a, event.location) == "BGD"
    assert (country(a, event.actor), country(a, event.target)) == ("BGD", "BGD")


def test_an_activity_done_jointly_is_cooperation_but_exercising_with_weapons_is_not():
    a = analyse("Peruvian and Chilean police carried out a joint patrol along their border on Friday.")
    assert [v.type for v in a.events] == ["COOPERATE"]
    assert "COOPERATE" not in text_types("Russian forces held exercises with tactical nuclear weapons near Rostov.")


def test_harm_done_by_nature_is_no_attack():
    assert text_types("A strong earthquake struck southern Peru on Tuesday, destroying dozens of homes.") == []


def test_an_unnamed_agent_placed_in_a_country_acts_for_it():
    event = only(a := analyse("Police in Caracas arrested 14 opposition activists on Saturday."), "COERCE")
    assert country(a, event.actor) == "VEN"


def test_forces_sent_within_their_own_country_are_a_deployment_not_aid():
    a = analyse("India deployed 3,000 troops to Manipur after ethnic clashes.")
    event = only(a, "MOBILIZE")
    assert country(a, event.actor) == "IND" and event.target is None


def test_force_a_party_says_it_would_use_is_its_threat():
    a = analyse("Russian Foreign Minister Sergei Lavrov said Moscow would strike Kyiv if Western missiles hit Russia.")
    assert "THREATEN" in [v.type for v in a.events]
    threat = next(v for v in a.events if v.type == "THREATEN")
    assert (country(a, threat.actor), country(a, threat.target)) == ("RUS", "UKR")


def test_conjoined_verbs_of_one_type_between_the_same_parties_are_one_event():
    a = analyse("Venezuelan authorities seized an Argentine plane at Caracas airport and detained its crew.")
    assert [v.type for v in a.events] == ["COERCE"]


def test_parties_named_together_are_partners_in_what_they_sign_or_do_jointly():
    a = analyse("Kenya and Tanzania signed a trade partnership in Arusha on Tuesday.")
    event = only(a, "SUPPORT")
    assert (country(a, event.actor), country(a, event.target)) == ("KEN", "TZA")


def test_a_governments_measure_with_no_one_named_falls_on_its_own_country():
    a = analyse("Belarus's president pardoned 18 people convicted of extremism, his press service said.")
    event = only(a, "CONCEDE")
    assert (country(a, event.actor), country(a, event.target)) == ("BLR", "BLR")


def test_an_attack_takes_its_target_from_a_place_inside_its_object():
    a = analyse("Israeli air strikes hit a school sheltering displaced families in Gaza City on Monday.")
    event = only(a, "ASSAULT")
    assert (country(a, event.actor), country(a, event.target)) == ("ISR", "PSE")


def test_a_pull_back_from_a_foreign_place_is_a_retreat_from_its_country():
    a = analyse("Israeli forces pulled back from the southern Lebanese town of Khiam on Wednesday.")
    event = only(a, "RETREAT")
    assert (country(a, event.actor), country(a, event.target)) == ("ISR", "LBN")


def test_who_is_received_for_talks_is_their_partner():
    a = analyse("Egypt's president received King Abdullah of Jordan for talks on Gaza in Cairo.")
    event = only(a, "CONSULT")
    assert (country(a, event.actor), country(a, event.target)) == ("EGY", "JOR")


def test_verbs_that_are_events_only_with_some_objects():
    a = analyse("Israel's prime minister dismissed a ceasefire proposal put forward by Egyptian mediators.")
    assert [v.type for v in a.events] == ["REJECT"]
    assert text_types("Hungary dismissed the idea of a joint EU loan on Sunday.") == ["REJECT"]
    assert text_types("The company dismissed 40 workers at its plant on Sunday.") == []


def test_a_counted_crowd_is_who_protests_and_a_light_verb_gives_the_place():
    a = analyse("Thousands of Kenyans staged demonstrations across Nairobi on Tuesday against a finance bill.")
    event = only(a, "PROTEST")
    assert country(a, event.actor) == "KEN" and country(a, event.location) == "KEN"


def test_fire_from_a_group_on_a_town_is_that_groups_attack_on_the_towns_country():
    a = analyse("Rocket fire from Hezbollah on the northern Israeli town of Kiryat Shmona wounded four people.")
    event = only(a, "ASSAULT")
    assert (country(a, event.actor), country(a, event.target)) == ("LBN", "ISR")
    assert event.injured == 4


@pytest.mark.parametrize(("text", "type_"), [
    ("China scrapped visa requirements for travellers from Australia on Monday.", "CONCEDE"),
    ("Kuwait restored the citizenship of more than 1,000 people on Wednesday.", "CONCEDE"),
    ("Russia and Ukraine swapped 95 prisoners of war each on Saturday.", "RETREAT"),
    ("The U.S. Commerce Department added 80 Chinese companies to its trade blacklist.", "SANCTION"),
    ("The Pentagon announced a new package of weapons for Ukraine on Friday.", "AID"),
])
def test_easing_swapping_blacklisting_and_packages_of_aid(text, type_):
    assert text_types(text) == [type_]


def test_a_package_of_aid_is_one_aid_event():
    assert text_types("Britain announced a new package of military aid for Ukraine on Thursday.") == ["AID"]


def test_what_a_protest_demands_or_denounces_is_the_protest_itself():
    a = analyse("Thousands of people marched through central Tbilisi on Sunday to protest against the government.")
    assert [v.type for v in a.events] == ["PROTEST"]


def test_the_condition_of_a_threat_is_part_of_the_threat():
    a = analyse("Iran threatened to close the Strait of Hormuz if the United States joined Israeli strikes on Iran.")
    assert [v.type for v in a.events] == ["THREATEN"]


def test_a_light_verbs_event_noun_takes_the_toll_of_its_killing_clause():
    a = analyse("Pakistani jets carried out air strikes on hideouts in Afghanistan, killing at least 46 people.")
    event = only(a, "ASSAULT")
    assert event.dead == 46 and country(a, event.target) == "AFG"


def test_deliveries_to_no_one_are_trade_not_aid():
    assert text_types("Boeing said deliveries of its jets slowed in the third quarter.") == []


def test_a_raised_subject_is_who_will_act():
    a = analyse("Turkey's foreign minister is expected to travel to Damascus next week to meet Syria's leader.")
    event = next(v for v in a.events if v.trigger.text == "meet")
    assert (country(a, event.actor), country(a, event.target)) == ("TUR", "SYR")


def test_who_deports_people_from_a_country_and_who_imposes_an_unattributed_curfew():
    a = analyse("Thousands of Afghans were deported from Pakistan last week, the United Nations said.")
    assert country(a, only(a, "COERCE").actor) == "PAK"
    b = analyse("A curfew was imposed in the Indian state of Manipur on Saturday after clashes.")
    event = only(b, "COERCE")
    assert (country(b, event.actor), country(b, event.target)) == ("IND", "IND")


@pytest.mark.parametrize(("text", "type_"), [
    ("China said it would impose export controls on gallium bound for the United States.", "SANCTION"),
    ("Protesters gathered outside the Chinese consulate in Istanbul on Friday.", "PROTEST"),
    ("Taiwan's coast guard and the U.S. Coast Guard exchanged personnel this week.", "COOPERATE"),
    ("Greek and Turkish rescue teams worked side by side on Tuesday in the Aegean Sea.", "COOPERATE"),
    ("India dispatched two naval ships loaded with rice and medicines to Sri Lanka.", "AID"),
])
def test_trade_measures_gatherings_exchanges_and_carried_aid(text, type_):
    assert type_ in text_types(text)


def test_fans_gathering_is_no_protest():
    assert text_types("Fans gathered outside the stadium in Madrid before the final.") == []


def test_what_reports_called_fabrications_say_is_denied():
    denied = only(analyse("The Kremlin said the reports that Russian jets had bombed Moldova were fabrications."),
                  "ASSAULT")
    assert denied.polarity == "negative"
    kept = only(analyse("The Kremlin said reports that Russian jets had bombed Moldova were accurate."), "ASSAULT")
    assert kept.polarity == "positive"


def test_an_attack_on_unnamed_victims_targets_the_country_it_happens_in():
    a = analyse("A roadside bomb went off beside a checkpoint in the Nigerian city of Maiduguri on Sunday, "
                "killing six soldiers, the army said.")
    event = only(a, "ASSAULT")
    assert country(a, event.target) == "NGA"
    assert a.entity(event.location).name == "Maiduguri"  # the participle happens where its clause does


def test_a_place_nouns_possessor_is_where_an_attack_happens():
    # a province no gazetteer knows: only "Iraq's" says where it is
    a = analyse("Turkish drones carried out strikes on suspected militant camps in Iraq's Zawita Bezhar province, "
                "the defence ministry said.")
    event = only(a, "ASSAULT")
    assert (country(a, event.actor), country(a, event.target)) == ("TUR", "IRQ")



def test_accepting_or_turning_down_an_offer_targets_whoever_made_it():
    a = analyse("Hungary rejected a compromise plan drawn up by Austrian negotiators on Friday.")
    assert country(a, only(a, "REJECT").target) == "AUT"
    a = analyse("Chile accepted an invitation from Peru to join the maritime talks.")
    assert country(a, only(a, "AGREE").target) == "PER"


def test_protesters_of_a_country_who_name_no_other_target_protest_against_their_own_government():
    a = analyse("Thousands of Chileans marched through Santiago on Thursday to demand higher pensions.")
    event = only(a, "PROTEST")
    assert (country(a, event.actor), country(a, event.target)) == ("CHL", "CHL")
    # abroad, the protest is not against their own government by default
    a = analyse("Hundreds of Eritreans protested in Tel Aviv on Saturday.")
    event = only(a, "PROTEST")
    assert country(a, event.actor) == "ERI" and country(a, event.target) != "ERI"


def test_a_threat_is_aimed_at_the_subject_of_its_condition_or_of_what_it_warns_of():
    a = analyse("Turkey threatened to block the deal unless Sweden extradited the suspects.")
    assert country(a, only(a, "THREATEN").target) == "SWE"
    a = analyse("Armenia's defence ministry warned that Azerbaijani units would pay a heavy price if they "
                "crossed the line again.")
    assert country(a, only(a, "THREATEN").target) == "AZE"


def test_parties_named_together_back_a_third_party_not_each_other():
    a = analyse("Iran and Venezuela support the rebels in the north, the report said.")
    event = only(a, "SUPPORT")
    assert country(a, event.actor) == "IRN" and country(a, event.target) != "VEN"
    a = analyse("Chile and Peru signed a fisheries partnership agreement in Lima on Tuesday.")
    event = only(a, "SUPPORT")
    assert (country(a, event.actor), country(a, event.target)) == ("CHL", "PER")


def test_arrests_pardons_releases_and_sanctions_count_the_people_they_fall_on():
    a = analyse("Police in Lagos arrested 37 protesters on Saturday, the police said.")
    assert only(a, "COERCE").size == 37
    a = analyse("Egypt's president pardoned 211 prisoners ahead of the Eid holiday, state media said.")
    assert only(a, "CONCEDE").size == 211
    a = analyse("Bolivia's president granted amnesty to more than 1,900 inmates on Friday, the government said.")
    assert only(a, "CONCEDE").size == 1900
    a = analyse("The rebels freed seven hostages in the north on Sunday, the army said.")
    assert only(a, "RETREAT").size == 7


def test_a_sanction_on_companies_counts_no_people():
    a = analyse("Washington imposed sanctions on 14 shipping companies on Tuesday, the Treasury said.")
    assert only(a, "SANCTION").size is None
