"""Police forces: the data file's shape and the forces an article is really about."""

from __future__ import annotations

import copy
import re

import pytest
from conftest import seed_path

from breachwatch.datafiles import DataFileError, read_data_file
from breachwatch.extract.cues import first_letter_alternation
from breachwatch.extract.entities import (
    _any,
    _indexed,
    _rules,
    entities_of,
    extract_entities,
    find_area_mentions,
    find_entity_mentions,
    load_entities,
    parse_entities,
    slugify_force_name,
)
from breachwatch.ingest.near_entities import _near_names, near_entity_names

CONTRACT_SLUGS = {
    "metropolitan-police-service",
    "city-of-london-police",
    "devon-and-cornwall-police",
    "avon-and-somerset-constabulary",
    "hampshire-and-isle-of-wight-constabulary",
    "dyfed-powys-police",
    "west-midlands-police",
    "surrey-police",
    "greater-manchester-police",
    "police-scotland",
    "police-service-of-northern-ireland",
    "british-transport-police",
    "civil-nuclear-constabulary",
    "ministry-of-defence-police",
}
# Line holding the headline when it is not the first: a scroll anchor or a masthead above it.
HEADLINE_LINE = {"000": 1, "004": 1}


def seed_article(prefix: str) -> tuple[str, list[str]]:
    """(headline, paragraphs) of a raw seed, split on lines, without the ingest's cleaning."""
    lines = [line.strip() for line in seed_path(prefix).read_text("utf-8").splitlines()]
    lines = [line for line in lines if line]
    index = HEADLINE_LINE.get(prefix, 0)
    return lines[index], lines[index + 1 :]


def slugs(title: str, *paragraphs: str) -> list[str]:
    return [found.slug for found in extract_entities(title, list(paragraphs))]


def all_terms() -> list[tuple[str, str]]:
    return [
        (force.slug, term)
        for force in load_entities().values()
        for term in (force.name, *force.aliases, *force.abbreviations)
    ]


def test_every_uk_force_once() -> None:
    forces = load_entities()
    assert len(forces) == 48
    assert len({force.name for force in forces.values()}) == 48
    countries = [force.country for force in forces.values()]
    assert countries.count("England") + countries.count("Wales") == 43
    assert countries.count("Wales") == 4
    assert CONTRACT_SLUGS <= set(forces)
    assert all(slug == slugify_force_name(force.name) for slug, force in forces.items())


def test_slugify_force_name() -> None:
    assert slugify_force_name("Devon & Cornwall Police") == "devon-and-cornwall-police"
    assert slugify_force_name("Dyfed-Powys Police") == "dyfed-powys-police"


@pytest.mark.parametrize(("slug", "term"), all_terms())
def test_each_name_finds_its_own_force_only(slug: str, term: str) -> None:
    assert find_entity_mentions(f"Statement from {term} today.") == [
        (slug, 15, 15 + len(term))
    ]


@pytest.mark.parametrize("body", read_data_file("forces.yaml")["bodies"])
def test_bodies_are_never_forces(body: str) -> None:
    assert find_entity_mentions(f"A spokesperson for the {body} said officers were warned.") == []


def broken(change) -> dict:
    data = copy.deepcopy(read_data_file("forces.yaml"))
    change(data["forces"])
    return data


def test_slug_drift_is_refused_naming_file_and_entry() -> None:
    def drift(forces: list[dict]) -> None:
        forces[0]["slug"] = "avon-somerset"

    with pytest.raises(DataFileError, match=r"forces\.yaml.*Avon and Somerset Constabulary"):
        parse_entities(broken(drift))


def test_alias_shared_by_two_forces_is_refused() -> None:
    def share(forces: list[dict]) -> None:
        forces[1].setdefault("aliases", []).append("Met Police")

    with pytest.raises(DataFileError, match=r"forces\.yaml.*'Met Police' already belongs"):
        parse_entities(broken(share))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A MET Police officer", ["metropolitan-police-service"]),
        ("the Met's officers", ["metropolitan-police-service"]),
        ("head of the MPS\u2019s Directorate", ["metropolitan-police-service"]),
        ("Officers from New Scotland Yard", ["metropolitan-police-service"]),
        ("the Met Office warned of snow", []),
        ("the officer met a woman", []),
        ("Officer Who Met Woman On Duty", []),
        ("she met police at the station", []),
        ("Surrey Police and Crime Commissioner", []),
        ("the Metropolitan Police Federation", []),
        ("Devon & Cornwall Police and Dyfed Powys Police", [
            "devon-and-cornwall-police", "dyfed-powys-police",
        ]),
        ("North Wales Police, not South Wales Police", [
            "north-wales-police", "south-wales-police",
        ]),
        ("two RUC officers of the Royal Ulster Constabulary", [
            "police-service-of-northern-ireland",
        ] * 2),
        ("Hampshire Constabulary, now Hampshire and Isle of Wight Constabulary", [
            "hampshire-and-isle-of-wight-constabulary",
        ] * 2),
    ],
)
def test_find_force_mentions(text: str, expected: list[str]) -> None:
    assert [slug for slug, _start, _end in find_entity_mentions(text)] == expected


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("000", ["metropolitan-police-service"]),
        ("001", ["metropolitan-police-service"]),
        ("002", ["metropolitan-police-service"]),
        ("003", ["metropolitan-police-service"]),
        ("004", ["metropolitan-police-service", "west-midlands-police", "surrey-police"]),
    ],
)
def test_seed_forces(prefix: str, expected: list[str]) -> None:
    title, paragraphs = seed_article(prefix)
    assert slugs(title, *paragraphs) == expected


def test_jurisdiction_sentence_does_not_tag_city_of_london_police() -> None:
    title, paragraphs = seed_article("002")
    assert "City of London Police" in " ".join(paragraphs)
    assert "city-of-london-police" not in slugs(title, *paragraphs)


def test_evidence_is_the_sentence_with_the_figures() -> None:
    found = {item.slug: item.sentence for item in extract_entities(*seed_article("004"))}
    assert found["metropolitan-police-service"] == "Met officer fed information to drug dealers"
    assert found["surrey-police"].startswith("West Midlands Police ranked top with 488")


@pytest.mark.parametrize(
    ("title", "paragraphs", "expected"),
    [
        (
            "Constable sacked for looking up ex-partner",
            [
                "A Greater Manchester Police constable who looked up his ex-partner on police "
                "systems has been dismissed without notice.",
                "GMP said it would not tolerate the misuse of personal data.",
            ],
            ["greater-manchester-police"],
        ),
        (
            "Officer given final written warning",
            ["A PSNI officer searched records about a neighbour 14 times, a panel heard."],
            ["police-service-of-northern-ireland"],
        ),
        (
            "Police Scotland officer jailed for leaking details to a friend",
            ["The court heard she had checked the system for no policing purpose."],
            ["police-scotland"],
        ),
        (
            "Civilian worker dismissed",
            ["Devon & Cornwall Police said the worker had shared a victim's address."],
            ["devon-and-cornwall-police"],
        ),
        (
            "Storms on the way",
            ["The Met Office warned of heavy rain.", "The officer met a woman at the scene."],
            [],
        ),
        (
            "New guidance on data",
            ["The College of Policing and the Police Federation welcomed the ICO's report."],
            [],
        ),
        (
            "Officer sacked for misusing police computer",
            [
                "A Kent Police officer has been sacked after searching records for personal "
                "reasons.",
                "He lived in Crawley, which is policed by Sussex Police.",
                "The officer formerly served with Essex Police for six years.",
                "Officers from Cheshire Constabulary, a neighbouring force, were not involved.",
            ],
            ["kent-police"],
        ),
        (
            "Data breaches revealed",
            [
                "Figures show Lancashire Constabulary recorded 120 breaches, while "
                "Thames Valley Police recorded 95.",
                "A review across Yorkshire, including South Yorkshire Police, is planned.",
            ],
            ["lancashire-constabulary", "thames-valley-police"],
        ),
        (
            "TVP officer leaked details of arrest",
            [
                "A Thames Valley Police officer passed details of an arrest to a friend.",
                "Avon and Somerset Police recorded 30 breaches in the same period.",
            ],
            ["thames-valley-police", "avon-and-somerset-constabulary"],
        ),
        (
            "Leak inquiry ends",
            ["The Kent Police officer responsible for the leak, who would like to stay "
             "anonymous, was sacked."],
            ["kent-police"],
        ),
        (
            "Commissioner demands answers",
            ["The West Midlands Police and Crime Commissioner said data must be protected."],
            [],
        ),
    ],
)
def test_unseen_articles(title: str, paragraphs: list[str], expected: list[str]) -> None:
    assert slugs(title, *paragraphs) == expected


def test_force_brought_in_for_independence_is_not_tagged() -> None:
    found = extract_entities(
        "PC jailed",
        ["A former Avon and Somerset Constabulary officer has been jailed for misconduct.",
         "The case was investigated by officers from Wiltshire Police to ensure independence."],
    )
    assert [e.slug for e in found] == ["avon-and-somerset-constabulary"]


@pytest.mark.parametrize(
    "text",
    [
        "Kent Police and KENT police; the kentish Kent",
        "Greater Manchester Police, Manchester and the Met Office",
        "\u212aent Police uses the Kelvin sign",  # a K the word index cannot see
        "Avon & Somerset Constabulary (Avon and Somerset)",
        "no force here at all",
    ],
)
def test_indexed_phrases_find_what_the_plain_regex_finds(text: str) -> None:
    phrases = ["Kent Police", "Kent", "Greater Manchester Police", "Manchester Police",
               "Avon and Somerset Constabulary", "Avon and Somerset", "Met Office"]
    for case in (False, True):
        indexed = _indexed(phrases, case=case)
        assert [m.span() for m in indexed.finditer(text)] == [
            m.span() for m in _any(phrases, case=case).finditer(text)
        ]


def test_no_force_name_spans_two_sentences() -> None:
    assert find_entity_mentions("Greater Manchester Police") == [
        ("greater-manchester-police", 0, 25)
    ]
    assert find_entity_mentions("Greater\x00Manchester Police") == []
    assert extract_entities("Officers were named by Greater", ["Manchester Police said so."]) == []


def test_a_misspelt_force_name_is_noticed_with_its_suggestion() -> None:
    [(name, score)] = _near_names("metropolitan polce service")
    assert name == "metropolitan police service" and 0.9 <= score < 1
    assert _near_names("the police service") == ()
    assert near_entity_names(["Officers of the Metropolitan Polce Service were named."]) == [
        "'Metropolitan Polce Service' is not a known force; "
        "did you mean 'Metropolitan Police Service'?"
    ]
    assert near_entity_names(["The Metropolitan Police Service and the Metropolitan Polce "
                             "Service"]) == []  # a slip beside the right name is noise


def test_grouping_by_first_letter_keeps_the_first_alternative_that_matches() -> None:
    regexes = ["Kent\\s+Police", "Kent", "kentish", "Avon", "M"]
    grouped = first_letter_alternation(regexes, case=False)
    assert grouped == "k(?:ent\\s+Police|ent|entish)|a(?:von)|m(?:)"
    for text in ["KENT police", "Kentish", "kent", "Avon", "m", "x"]:
        flat = re.match(f"(?:{'|'.join(regexes)})", text, re.I)
        ours = re.match(f"(?:{grouped})", text, re.I)
        assert (flat and flat.group()) == (ours and ours.group())
    assert first_letter_alternation(["(?:and|&)\\s+x", "y"], case=False) == "(?:and|&)\\s+x|y"


def test_sub_phrases_are_the_capitalised_stretches_of_a_run() -> None:
    from breachwatch.ingest.near_entities import _sub_phrases

    assert _sub_phrases("The Kent of Police") == (
        "The Kent", "The Kent of Police", "Kent of Police"
    )


def doubts(title: str, *paragraphs: str) -> dict[str, str]:
    return {found.slug: found.doubt for found in extract_entities(title, list(paragraphs))}


# Rule 1: a bare area name in a list of figures stands for its force.


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The most reports came from Cumbria (311), Gwent (97) and Norfolk (12).",
            ["cumbria-constabulary", "gwent-police", "norfolk-constabulary"],
        ),
        (
            "Wiltshire 140, Suffolk 77 and Durham 9 made up the rest.",
            ["wiltshire-police", "suffolk-constabulary", "durham-constabulary"],
        ),
        (
            "Of the cases, 61 were in West Mercia, 45 in Lincolnshire and 30 in Dorset.",
            ["west-mercia-police", "lincolnshire-police", "dorset-police"],
        ),
        (
            "In Leicestershire a total of 64 workers were disciplined.",
            ["leicestershire-police"],
        ),
    ],
)
def test_area_names_in_a_list_of_figures_count_with_a_doubt(
    sentence: str, expected: list[str]
) -> None:
    found = doubts("Hundreds of staff disciplined for snooping", sentence)
    assert list(found) == expected
    assert set(found.values()) == {"area-name"}


def test_an_area_after_a_named_force_in_a_table_counts_and_the_name_has_no_doubt() -> None:
    found = doubts(
        "Data breaches by force",
        "Northumbria Police logged 512 breaches, followed by Cleveland with 66.",
    )
    assert found == {"northumbria-police": "", "cleveland-police": "area-name"}


def test_an_area_named_in_full_elsewhere_has_no_doubt() -> None:
    found = doubts(
        "Data breaches by force",
        "The top three were Gwent (201), Cumbria (150) and Norfolk (99).",
        "A Gwent Police spokeswoman said the force had retrained staff.",
    )
    assert found["gwent-police"] == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "Jo Bell, 52, of Market Harborough, Leicestershire, was jailed for 14 months on 3 May "
        "after 2 earlier warnings.",  # a home town
        "The 29-year-old from Bridgwater, Somerset, who grew up in Dorset, admitted 3 "
        "offences and asked for 11 others to be considered.",  # a home
        "He appeared at Norfolk Crown Court where 4 charges and 2 alternatives were read.",
        "A spokesman told the Suffolk Gazette that 31 people had complained and 6 left.",
        "The Durham Police and Crime Commissioner said 45 cases and 12 appeals were logged.",
        "Wiltshire Council said 45 cases and 12 appeals were logged.",
    ],
)
def test_areas_outside_a_list_of_figures_or_as_places_do_not_count(sentence: str) -> None:
    assert slugs("Officer disciplined", sentence) == []


def test_a_joint_unit_in_a_list_of_figures_is_no_one_forces_subject() -> None:
    assert slugs(
        "Unit checks records",
        "The Bedfordshire, Cambridgeshire and Hertfordshire Major Crime Unit ran 14 audits "
        "and 3 inquiries.",
    ) == []


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("West Mercia recorded 208 breaches and 1,204 alerts", ["208", "1,204"]),
        ("fined £163,000 after a loss in 2015", []),
        ("seized 166.5 kilos over 18 years and 4 months", []),
        ("on 4 June, at 9.30am, or on March 25", []),
        ("Amy Price, 26, of Leeds, and a 45-year-old man", []),
        ("under section 17, paragraph 3", []),
        ("charged on Aug. 19 and due in court on Sept. 2, with No. 5 in the list", []),
        ("Of the incidents, 1,012 ended with no action", ["1,012"]),  # no age, though after ", "
        ("300 may have been affected", ["300"]),
    ],
)
def test_only_counts_are_figures(text: str, counts: list[str]) -> None:
    assert _rules().figures.findall(text) == counts


def test_sums_and_weights_do_not_make_another_force_the_subject() -> None:
    assert slugs(
        "Detective jailed for tipping off dealers",
        "A man who served with Norfolk Constabulary for 12 years warned a gang about a raid.",
        "Suffolk Constabulary later found 40.5 kilos of heroin in a lorry.",
        "Essex Police were fined £80,000 in 2016 over a lost disc.",
    ) == ["norfolk-constabulary"]


# Rule 2: mentions in passing.


@pytest.mark.parametrize(
    "sentence",
    [
        "Lincolnshire Police had been asked to carry out a review of the leak.",
        "The force asked Dyfed-Powys Police to examine the complaint about the breach.",
        "The disciplinary review was carried out by Cheshire Constabulary.",
        "The data breach was reviewed by officers from Surrey Police.",
        "Essex Police were brought in to investigate the leak.",
        "Cumbria Constabulary has been tasked with investigating the force's conduct.",
        "The chief constable tasked Cumbria Constabulary with investigating the officers.",
        "In a separate case two Kent Police officers were jailed for leaking files.",
        "It comes after Kent Police published the names of 200 staff by mistake.",
        "As a result, Cumbria Constabulary undertook a gross misconduct investigation.",
        "An investigation by Kent Police found 30 records had been viewed.",
        "The charges came out of Merseyside Police's Operation Bluebell inquiry into leaks.",
        "Operation Larch, run by Cumbria Constabulary, found 12 breaches.",
        "The inquiry was led by Durham Constabulary detectives.",
        "Officers from the Kent Police and Essex Police Serious Crime Directorate arrested him.",
        "The head of professional standards for Kent Police and Essex Police said so.",
        "Staff of the Thames Valley Police and Hampshire Constabulary joint data unit found 9 "
        "breaches.",
        "The officer, who lives in the Thames Valley Police area, accessed records about a "
        "neighbour.",
        "She had applied to join Gwent Police before she accessed the records.",
        "The constable, who had transferred from Dorset Police, admitted the breach.",
        "The misconduct hearing was held at Gloucestershire Constabulary headquarters.",
        "Lancashire Constabulary officers investigating the payments passed details to the "
        "watchdog.",
        "A second officer was arrested by Lancashire Constabulary in March.",
        "Prosecutors received a file on the officer from Lancashire Constabulary last year.",
    ],
)
def test_mentions_in_passing_do_not_tag(sentence: str) -> None:
    title = "West Midlands Police constable sacked"
    opening = "A West Midlands Police constable has been sacked for looking up a neighbour."
    assert slugs(title, opening, sentence) == ["west-midlands-police"]


def test_a_force_investigating_its_own_officers_is_the_subject() -> None:
    assert slugs(
        "Constable dismissed",
        "An investigation by Kent Police's Professional Standards Department found the "
        "constable had looked up a neighbour.",
    ) == ["kent-police"]


def test_a_name_and_its_abbreviation_in_brackets_are_one_mention() -> None:
    assert slugs(
        "Two sergeants face no action",
        "Two Cumbria Constabulary sergeants will face no action over the leak.",
        "The force asked the British Transport Police (BTP) to examine the complaints of "
        "misconduct.",
    ) == ["cumbria-constabulary"]


def test_a_hearing_venue_alone_tags_the_force_with_a_doubt() -> None:
    assert doubts(
        "Constable given final written warning",
        "A constable revealed that a neighbour had been arrested.",
        "The panel sat at Gloucestershire Constabulary headquarters for two days.",
    ) == {"gloucestershire-constabulary": "incidental"}


# Rule 3: a force with only neutral mentions is doubted.


def test_a_force_named_only_in_neutral_mentions_is_incidental() -> None:
    found = doubts(
        "Disclosure about misuse of computers",
        "Searches were made with help from Warwickshire Police.",
        "The reply was written on behalf of Warwickshire Police.",
    )
    assert found == {"warwickshire-police": "incidental"}


def test_a_force_in_the_headline_or_with_officers_is_not_doubted() -> None:
    assert doubts("Warwickshire Police reply", "Thanks go to Warwickshire Police.") == {
        "warwickshire-police": ""
    }
    assert doubts("Reply", "A Warwickshire Police officer looked up a friend.") == {
        "warwickshire-police": ""
    }


def test_areas_are_validated_and_belong_to_one_force() -> None:
    def share(forces: list[dict]) -> None:
        forces[1]["areas"] = ["Avon and Somerset"]

    with pytest.raises(DataFileError, match=r"'Avon and Somerset' already belongs"):
        parse_entities(broken(share))

    def bad(forces: list[dict]) -> None:
        forces[0]["areas"] = "Avon"

    with pytest.raises(DataFileError, match=r"'areas' must be a list"):
        parse_entities(broken(bad))


@pytest.mark.parametrize(("slug", "area"), [
    (force.slug, area) for force in load_entities().values() for area in force.areas
])
def test_each_area_finds_its_own_force_only(slug: str, area: str) -> None:
    assert find_area_mentions(f"Totals: {area} 41.") == [(slug, 8, 8 + len(area))]
    assert find_entity_mentions(f"Totals: {area} 41.") == []


def test_scans_with_a_look_ahead_find_what_the_plain_regex_finds() -> None:
    phrases = ["Police Scotland", "Police Service of Northern Ireland", "Police, Fire and Rescue"]
    text = "police said Police Scotland, the police service of Northern Ireland; POLICE, fire & x"
    for case in (False, True):
        assert [m.span() for m in _indexed(phrases, case=case).finditer(text)] == [
            m.span() for m in _any(phrases, case=case).finditer(text)
        ]


def test_a_forces_own_release_is_about_it_when_the_text_names_no_force() -> None:
    from pathlib import Path

    from breachwatch.ingest.article import ingest_text
    from breachwatch.ingest.provenance import SourceRow

    text = ("Constable dismissed for looking up a neighbour\n\n"
            "A constable has been dismissed without notice after a misconduct hearing found he "
            "searched our systems for details of a neighbour.\n")
    release = SourceRow("https://www.kent.police.uk/news/2023/05/02/constable-dismissed/")
    assert ingest_text(text, Path("a.txt"), source=release).metadata["forces"] == ["kent-police"]
    assert ingest_text(text, Path("a.txt")).metadata["forces"] == []


def test_an_areas_officers_stand_for_its_force() -> None:
    found = extract_entities("Officers disciplined over records searches",
                           ["More than 40 police officers in the Thames Valley have been "
                            "disciplined for misusing police systems."])
    assert [(e.slug, e.doubt) for e in found] == [("thames-valley-police", "area-name")]


def test_two_areas_named_as_constabularies_are_both_forces() -> None:
    found = extract_entities("Victims' details released by mistake",
                           ["Devon and Cornwall and Dorset constabularies said they had found "
                            "the error and removed the file."])
    assert {e.slug for e in found} >= {"dorset-police"}


def test_a_force_named_only_investigating_is_a_doubtful_last_resort() -> None:
    found = extract_entities(
        "Three staff lose their jobs over records checks",
        ["Three members of staff have gone after an investigation by Dorset Police found they "
         "had checked records for friends."])
    assert [(e.slug, e.doubt) for e in found] == [("dorset-police", "investigating")]


def test_a_forces_own_release_comes_before_a_force_only_investigating() -> None:
    paragraphs = ["Our constable was dismissed after an investigation by Dorset Police found "
                  "he had looked up a neighbour."]
    found = entities_of("Constable dismissed", paragraphs, "Wiltshire Police")
    assert [(e.slug, e.doubt) for e in found] == [("wiltshire-police", "publisher")]
    assert [e.slug for e in entities_of("Constable dismissed", paragraphs, "unknown")] == [
        "dorset-police"]


@pytest.mark.parametrize(
    "sentence",
    [
        "And in Suffolk, a police officer shared photographs of a crime scene with friends.",
        "A response officer in north Suffolk looked up his neighbours.",
        "The hearing, chaired by Suffolk Chief Constable Jo Bloggs, found gross misconduct.",
        "In another case, a Suffolk PC took a photograph of a detainee.",
        "Suffolk-based Detective Sergeant Jo Bloggs is suspended.",
        "In Suffolk, ten members of staff lost their jobs over the checks.",
        "She was a sergeant in the Suffolk Police Force at the time.",
        "The Suffolk force had the worst record, with 120 staff given cautions.",
        "Former constables from the Essex and Suffolk areas faced separate hearings.",
        "Staff in Norfolk, Essex and Suffolk lost their jobs over the checks.",
    ],
)
def test_an_areas_own_people_and_names_made_from_it_stand_for_the_force(sentence: str) -> None:
    assert "suffolk-constabulary" in slugs("Officers disciplined", sentence)


def test_a_name_made_from_an_area_is_a_name_not_a_bare_area() -> None:
    found = extract_entities("Sergeant jailed", [
        "The sergeant, who served in the Warwickshire Constabulary, looked up a rival."])
    assert [(e.slug, e.doubt) for e in found] == [("warwickshire-police", "")]


def test_areas_listed_before_police_are_each_the_force() -> None:
    found = slugs("Laptops stolen", "Derbyshire, Leicestershire and Nottinghamshire Police "
                  "lost 4,500 records when eight laptops were stolen.")
    assert {"derbyshire-constabulary", "leicestershire-police",
            "nottinghamshire-police"} <= set(found)
    merged = slugs("Crash details sold", "Figures show Kent and Tayside constabularies were "
                   "paid for passing on the details.")
    assert {"kent-police", "police-scotland"} <= set(merged)  # Tayside's is Police Scotland now
