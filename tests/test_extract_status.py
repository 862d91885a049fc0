"""Status keeps allegation and finding apart and spots articles built on figures."""

from __future__ import annotations

from breachwatch.extract.status import counts_something, extract_status, load_statuses


def status(*sentences: str) -> str:
    return extract_status(sentences[0], list(sentences[1:])).slug


def test_four_statuses_with_definitions() -> None:
    assert set(load_statuses()) == {"alleged", "proven", "not-proven", "statistics"}


def test_allegation_stays_alleged_even_when_it_mentions_proof() -> None:
    assert status(
        "Officer accused of leaking data",
        "It is alleged he passed data to a friend.",
        "If proven, the misconduct was proven to be gross, the notice says.",
    ) == "alleged"


def test_a_finding_makes_it_proven() -> None:
    assert status(
        "Officer dismissed",
        "A panel found the allegations proven and he was dismissed without notice.",
    ) == "proven"


def test_cleared_is_not_proven() -> None:
    assert status(
        "Officer cleared",
        "The officer was accused of leaking data.",
        "A misconduct panel found there was no case to answer.",
    ) == "not-proven"


def test_many_counts_make_statistics() -> None:
    assert status(
        "Data breaches by police",
        "Forces recorded 2,315 data breaches between 2011 and 2015.",
        "In 11 per cent of cases officers got a warning.",
        "The force dismissed 12 officers.",
    ) == "statistics"


def test_dates_and_years_are_not_counts() -> None:
    assert not counts_something("Between 29 March and June 22 2019 he met staff in 2020.")
    assert counts_something("There were 300 breaches.")
    assert counts_something("About 13% ended in dismissal.")


def test_default_is_alleged_without_evidence() -> None:
    found = extract_status("New chief constable", ["She starts work on Monday."])
    assert (found.slug, found.sentence) == ("alleged", "")


def test_dropped_or_discontinued_cases_are_not_proven() -> None:
    assert status("Headline", "The case against him was dropped.") == "not-proven"
    assert status("Headline", "Misconduct proceedings against her were discontinued.") == (
        "not-proven"
    )
    assert status("Headline", "Following the allegations, he was dismissed.") == "proven"


def test_allegation_found_proven() -> None:
    assert status("Headline", "The allegation of gross misconduct was found proven.") == "proven"


def test_a_month_just_before_or_after_a_number_makes_it_a_date() -> None:
    assert not counts_something("The hearings were on May 14 and Dec 5.")
    assert not counts_something("The panel sat from 3 March to the 14th April.")
    assert counts_something("In Mayfair 14 officers and 3 staff were disciplined.")


# Failure patterns of real published articles, in texts of our own with the same structure.

def test_sanctions_a_hearing_could_bring_are_not_outcomes() -> None:
    assert status(
        "Constable to face gross misconduct hearing over records searches",
        "A Dorset Police constable will face a hearing next month accused of looking up a "
        "former partner on police systems.",
        "If the allegations are proven, the outcomes available range from a written warning "
        "to dismissal without notice and a place on the barred list.",
    ) == "alleged"


def test_a_partial_clearance_does_not_undo_a_finding() -> None:
    found = extract_status(
        "Sergeant sacked for checking records of his neighbours",
        ["The sergeant was dismissed without notice after the panel found gross misconduct "
         "proven.",
         "The panel found no evidence that the information had been passed on."])
    assert (found.slug, found.doubt) == ("proven", "")


def test_a_clearance_in_the_opening_outvoted_by_earlier_findings_is_for_an_editor() -> None:
    # The lead clears him; the findings further down are a past hearing's and another man's.
    found = extract_status(
        "Superintendent's records request ruled within the rules",
        ["A superintendent accused of asking for files on a colleague has been cleared of "
         "misconduct.",
         "The hearing was told he asked for the files days before a grievance meeting.",
         "He admitted asking for them but said he had a proper purpose.",
         "He was found to have sworn at junior staff at an earlier hearing in 2019.",
         "The inspector who sent him the files was placed on the barred list after a panel "
         "found he had passed them on."])
    assert found.doubt == "conflict"


def test_a_clearance_with_a_sanction_deep_in_the_text_is_for_an_editor() -> None:
    # Cleared of passing the list on, but disciplined for losing it: a partial clearance.
    found = extract_status(
        "Constable 'did not secure' confidential list",
        ["A constable has been cleared of deliberately passing a list of names to a dealer.",
         "The list was found in a street the day after officers visited the dealer.",
         "Prosecutors decided the constable should not be prosecuted.",
         "The constable has since received disciplinary action."])
    assert (found.slug, found.doubt) == ("not-proven", "conflict")


def test_a_jury_finding_someone_not_guilty_is_a_clearance() -> None:
    found = extract_status("PCSO acquitted of passing details to dealer", [
        "A PCSO accused of passing a victim's address to a dealer has been acquitted.",
        "After deliberating for two hours, the jury found her not guilty of both charges."])
    assert (found.slug, found.doubt) == ("not-proven", "")


def test_a_quashed_conviction_is_not_proven() -> None:
    assert status(
        "Former detective's data conviction quashed on appeal",
        "The Court of Appeal quashed the conviction of a former detective who had been "
        "convicted of misconduct in public office in 2019.",
    ) == "not-proven"


def test_a_withdrawn_charge_and_a_directed_verdict_are_not_proven() -> None:
    assert status(
        "Officer walks free as computer misuse charge withdrawn",
        "A police officer walked free from court after the charge against him was withdrawn.",
    ) == "not-proven"
    assert status(
        "Officer cleared at trial",
        "The judge told the jury to return a verdict of not guilty.",
    ) == "not-proven"


def test_a_court_report_with_counts_is_not_statistics() -> None:
    assert status(
        "Former PCSO jailed for selling police records",
        "A former PCSO was jailed for 18 months after pleading guilty to selling 40 records.",
        "He ran 310 searches over two years and was paid 2,000 pounds.",
        "Detectives found 12 phones and 3 laptops at his home.",
        "He had 27 contacts in a gang, the court heard.",
    ) == "proven"


def test_a_table_of_figures_in_a_freedom_of_information_answer_is_statistics() -> None:
    assert status(
        "Misuse of police systems 2019",
        "How many officers were disciplined for misuse of police systems in 2019?",
        "Dismissed = 4",
        "Final written warning = 2",
        "Management advice = 6",
    ) == "statistics"


def test_decisions_both_ways_in_the_opening_are_doubted() -> None:
    found = extract_status(
        "Inspector cleared of leaking to the press",
        ["An inspector was found guilty of gross misconduct and dismissed at a hearing.",
         "He was cleared of passing information to a journalist."])
    assert found.doubt == "conflict"


def test_a_verdict_resting_on_one_cue_deep_in_the_text_is_doubted() -> None:
    found = extract_status(
        "Officer's data searches examined",
        ["An officer looked up a neighbour on police systems.",
         "The searches took place in 2021.",
         "The force said it took data protection seriously.",
         "A spokesperson declined to comment further.",
         "He was later convicted of misconduct in public office."])
    assert (found.slug, found.doubt) == ("proven", "one-cue")


def test_phone_numbers_times_ages_and_references_are_not_counts() -> None:
    assert not counts_something("Tel No: 020 7946 0958 Fax No: 020 7946 0959")
    assert not counts_something("Last updated: Friday, 3 March, 2017, 09:41 GMT")
    assert not counts_something("A 42-year-old woman and a 38-year-old man were questioned.")
    assert not counts_something("It serves young people aged between 11 and 16.")
    assert not counts_something("Case numbers 201903311 and 201903312 were joined.")
    assert not counts_something("It was withheld under section 40 and section 31 of the Act.")
    assert not counts_something("PC Jo Bloggs, 47, and PC Sam Smith, 32, were charged.")
    assert counts_something("Kent had 47 cases and Essex 32 cases.")


def test_counts_in_words_support_figures_in_digits() -> None:
    assert status(
        "Force tops table for data breaches",
        "The force recorded 212 breaches of data protection rules in four years.",
        "Eleven officers were dismissed and six staff resigned, the figures show.",
        "Three officers were convicted of offences, according to the report.",
    ) == "statistics"
    assert status(
        "Two officers cleared of leaking to a neighbour",
        "Two officers were cleared at a hearing after being accused of leaking records.",
        "Three colleagues gave evidence to the panel.",
        "Four witnesses were called.",
    ) == "not-proven"


def test_alleged_with_no_allegation_or_decision_is_doubted() -> None:
    found = extract_status("Force data released", ["The force published its figures today."])
    assert (found.slug, found.doubt) == ("alleged", "no-cue")
    accused = extract_status("Officer accused", ["It is alleged he looked up a neighbour."])
    assert (accused.slug, accused.doubt) == ("alleged", "")
    for sentence in ["The force is facing three separate inquiries into its handling of it.",
                     "The force has referred itself to the watchdog over the release."]:
        found = extract_status("Details released", [sentence])
        assert (found.slug, found.doubt) == ("alleged", ""), sentence


def test_a_finding_of_misconduct_far_from_the_panel_is_a_finding() -> None:
    assert status(
        "Constable's messages about prisoners examined",
        "An independently led panel, sitting for four days in Taunton last spring, found gross "
        "misconduct and the constable was told he would have been sacked.",
    ) == "proven"
    assert status(
        "Constable's messages about prisoners examined",
        "The panel found misconduct not proven after a two-day hearing.",
    ) == "not-proven"


def test_an_admission_in_the_present_tense_is_a_finding() -> None:
    assert status(
        "Records left in a garage found by a neighbour",
        "PC Alan Brook admits misconduct but denies that it amounts to gross misconduct.",
    ) == "proven"


def test_a_single_officer_disciplined_is_proven_but_not_officers_in_a_table() -> None:
    found = extract_status(
        "Constable disciplined for looking up her brother's former partner",
        ["A constable has been disciplined after searching police records without a "
         "policing purpose.",
         "She told investigators she had reported the man before.",
         "The force said it expected the highest standards.",
         "Ombudsman staff found no evidence that she had ever done so."])
    assert (found.slug, found.doubt) == ("proven", "")
    assert status(
        "Officers disciplined over records checks",
        "More than 40 officers in Ruralshire have been disciplined for records checks.",
        "Figures show 43 officers were disciplined between 2012 and 2016.",
        "Of the 9 cases finished last year, 4 officers were dismissed.",
    ) == "statistics"


def test_guilty_of_is_a_finding() -> None:
    found = extract_status(
        "Why crash data is worth so much to claims firms",
        ["Claims firms pay well for fresh leads.",
         "Some of those leads come from inside the police.",
         "Drivers are often called within hours of a crash.",
         "Officer guilty of selling crash victims' details"])
    assert (found.slug, found.doubt) == ("proven", "one-cue")
    assert status("Headline", "He was not guilty of any offence, the jury decided.") == (
        "not-proven")


def test_charges_not_proceeded_with_are_not_proven() -> None:
    assert status(
        "Question on charges against two constables at a Westford station",
        "The minister was asked why charges against two constables based at a Westford station "
        "alleging misuse of the national computer were not proceeded with.",
    ) == "not-proven"
    assert status(
        "Detective's data case ends",
        "Prosecutors decided not to prosecute the detective over the searches.",
    ) == "not-proven"


def test_a_request_for_the_number_of_people_and_counted_reports_are_figures() -> None:
    assert status(
        "Records breaches (12/19)",
        "I am writing to request the following information.",
        "1. The number of officers convicted of offences under the Computer Misuse Act.",
        "2. The number of staff dismissed for misusing police systems.",
        "3. The total number of officers disciplined.",
    ) == "statistics"
    assert counts_something("A review found more than 150 reports of misuse.")


def test_a_freedom_of_information_answer_with_its_questions_is_statistics() -> None:
    assert status(
        "Disciplinary action for misuse of records systems - 412/21",
        "Provision of information made under the Freedom of Information Act 2000.",
        "How many officers and staff were disciplined last year for misuse of records?",
        "How many of these related to vehicle records?",
        "Outcome",
        "Final written warning",
        "Management advice",
    ) == "statistics"


def test_figures_from_a_request_cast_doubt_on_one_case() -> None:
    found = extract_status(
        "Council-area officer quits over records checks",
        ["An officer resigned and a colleague was given a final written warning over "
         "records checks, the Westford Courier can reveal.",
         "The checks came to light after a Freedom of Information request to the force.",
         "The force said it took the matter seriously."])
    assert (found.slug, found.doubt) == ("proven", "figures")


def test_a_request_letter_citing_its_law_often_is_one_source_not_many_figures() -> None:
    found = extract_status(
        "Information held by Ruralshire Police under the Freedom of Information Act 2000",
        ["You asked for the report of a meeting about a constable accused of sharing photos.",
         "Under the Freedom of Information Act, please send a redacted summary.",
         "Section 40(2) of the Freedom of Information Act applies to personal data."])
    assert found.slug != "statistics"
    assert found.doubt == "figures"


def test_other_ways_reports_word_a_finding() -> None:
    assert status("Headline", "The chair determined that the sergeant breached the standards "
                  "of professional behaviour.") == "proven"
    assert status("Headline", "She entered a guilty plea to unlawfully obtaining data.") == (
        "proven")
    assert status("Headline", "The complaint was upheld by the force.") == "proven"
    assert status("Headline", "The regulator issued a formal reprimand to the force.") == (
        "proven")
    assert status("Headline", "The regulator has issued the force with a monetary penalty.") == (
        "proven")


def test_other_ways_reports_word_a_clearance() -> None:
    for sentence in [
        "The Court of Appeal overturned his conviction for computer misuse.",
        "The constable was exonerated by the inquiry.",
        "The case against the detective collapsed at the Crown Court.",
        "The allegation was found unsubstantiated.",
        "There was insufficient evidence to charge the officer.",
    ]:
        assert status("Headline", sentence) == "not-proven", sentence


def test_what_the_figures_show_is_a_statistics_source() -> None:
    found = extract_status(
        "Civilian worker sacked over records checks",
        ["A civilian worker at Westford police was sacked for checking records, the figures "
         "show.",
         "The force would not say more."])
    assert (found.slug, found.doubt) == ("proven", "figures")


def test_a_hundred_per_cent_trust_is_no_figure() -> None:
    assert status(
        "Force e-mailed victims' names to each other",
        "Victims need 100 per cent confidence in those they trust with their details.",
        "The force said 12 officers would be retrained.",
        "A further 30 staff will be reminded of the rules.",
        "It is alleged the e-mail was sent by a constable.",
    ) == "alleged"


def test_a_report_based_on_requests_with_counts_of_cops_is_statistics() -> None:
    assert status(
        "More than 600 cops broke the rules on police databases, says a watchdog",
        "The report is based on Freedom of Information requests sent to every force.",
        "In one case a Westford constable was dismissed for sharing a victim's name.",
        "Most ended with no action, while 297 ended in a resignation and 240 in a warning.",
    ) == "statistics"


def test_a_fine_issued_is_a_finding_and_a_public_interest_decision_a_clearance() -> None:
    assert status("Headline", "We have issued a £40,000 fine to Westford Constabulary for "
                  "losing witness statements.") == "proven"
    assert status("Headline", "Prosecutors decided it would not be in the public interest to "
                  "prosecute the retired sergeant.") == "not-proven"


def test_counts_in_words_with_a_cited_request_are_doubtful_statistics() -> None:
    found = extract_status(
        "Westford: three staff quit over records checks",
        ["Three Westford police employees resigned and another was given a warning over data "
         "breaches, the paper can reveal.",
         "The rise came to light following a Freedom of Information request to the force.",
         "Two more officers were disciplined for checks on neighbours.",
         "The force said it took the matter seriously."])
    assert (found.slug, found.doubt) == ("statistics", "words")


def test_a_cited_source_and_a_count_of_people_are_statistics_whatever_the_headline() -> None:
    found = extract_status(
        "Constables sacked over online posts",
        ["At least three officers have been sacked and seven staff disciplined over posts on "
         "social media in three years.",
         "The figures were obtained under the Freedom of Information Act by a news agency.",
         "One constable shared a photograph of a crash victim."])
    assert found.slug == "statistics"
    # Without the source, a headline decision and a count make one case with several people.
    assert status(
        "Constables sacked over online posts",
        "Two officers have been sacked over posts on social media.",
        "One constable shared a photograph of a crash victim.") == "proven"


def test_freedom_of_information_as_a_topic_is_not_a_source_of_figures() -> None:
    found = extract_status(
        "Two staff cleared over leak to councillor",
        ["Two suspended employees will return to work after the inquiry cleared them.",
         "Two other people questioned were also told they face no further action.",
         "The case raised concern among campaigners for freedom of information."])
    assert (found.slug, found.doubt) == ("not-proven", "")


def test_a_disclosure_log_headed_by_its_request_number_is_statistics() -> None:
    # A force's published answer: the header names the request, the questions ask for counts.
    assert status(
        "Freedom of Information Act request number: 2023-417",
        "The department has supplied the following.",
        "1. How many officers and staff were investigated for misuse of police systems?",
        "Police officers – 9",
        "2. How many of them were dismissed, and how was each case resolved, i.e. warning, "
        "sacked etc.",
    ) == "statistics"


def test_requests_that_were_the_breach_are_not_a_source_of_figures() -> None:
    found = extract_status(
        "Constable sacked for viewing footage of an assault",
        ["A constable has been dismissed after a panel found he watched the footage without a "
         "policing reason.",
         "It comes weeks after the force disclosed victims' details by mistake in answers to "
         "freedom of information requests."])
    assert (found.slug, found.doubt) == ("proven", "")


def test_an_open_case_up_front_outweighs_one_verdict_deep_in_a_trial_report() -> None:
    found = extract_status(
        "Constable denies looking up partner's rival",
        ["A Westford constable has denied misconduct in public office at the crown court.",
         "She is alleged to have searched police systems for her partner's rival.",
         "The jury heard the two men had fallen out at a wedding.",
         "Her partner told the court that the rival was jailed for assault in 2019."])
    assert (found.slug, found.doubt) == ("alleged", "")


def test_charges_up_front_outweigh_other_peoples_convictions_further_down() -> None:
    found = extract_status(
        "Former constable and reporter to be charged over payments",
        ["A former constable and a reporter will face charges over payments for stories, "
         "prosecutors said.",
         "The constable is said to have been paid for details of a crash.",
         "The charges are part of a wider inquiry into payments to officials.",
         "The first person tried in the inquiry, a detective, was found guilty last month.",
         "A jury convicted the detective of offering information to a newspaper."])
    assert found.slug == "alleged"


def test_a_verdict_deep_in_the_text_stands_when_only_the_allegation_is_named_up_front() -> None:
    found = extract_status(
        "Sergeant's records checks",
        ["The allegations concerned searches of the police database over two years.",
         "The sergeant told colleagues he was checking on a friend.",
         "The hearing lasted two days.",
         "The sergeant was found to have accessed records without a policing purpose."])
    assert (found.slug, found.doubt) == ("proven", "")


def test_a_headline_counting_records_not_people_reports_one_case() -> None:
    assert status(
        "Constable given final written warning after accessing 60 records",
        "A Westford constable was given a final written warning after 60 records checks.",
        "He accessed the data 9 times in 10 years, from 2005 to 2015.",
        "Presenting counsel said 4 of the checks were about a robbery.",
    ) == "proven"
    assert status(
        "Around 150 officers disciplined over social media",
        "Figures show 150 officers were disciplined and 7 quit over four years.",
        "A further 20 cases are open.",
        "In 2012 alone 40 officers were investigated.",
    ) == "statistics"


def test_no_action_and_too_little_evidence_for_a_conviction_are_a_clearance() -> None:
    assert status("No action against commissioner over leak",
                  "Prosecutors said there was insufficient evidence to secure a conviction.") == (
        "not-proven")


def test_a_lone_court_verdict_deep_in_the_text_is_doubted_but_a_panels_is_not() -> None:
    court = extract_status("Headline", ["A constable looked up a neighbour.", "He was warned.",
                                        "The hearing lasted a day.",
                                        "The neighbour was convicted of assault in 2015."])
    assert (court.slug, court.doubt) == ("proven", "one-cue")
    panel = extract_status("Headline", ["A constable looked up a neighbour.", "He was warned.",
                                        "The hearing lasted a day.",
                                        "The panel found gross misconduct proven."])
    assert (panel.slug, panel.doubt) == ("proven", "")


def test_a_bid_for_a_decision_is_not_the_decision() -> None:
    assert status("Headline", "A Westford sergeant is accused of looking up a rival.",
                  "Her lawyer failed in a bid to have the charges thrown out.") == "alleged"


def test_a_clearance_deep_in_a_trial_report_stands_after_a_denial() -> None:
    found = extract_status(
        "Detective cleared",
        ["A Westford detective denied 12 charges of misusing police computers.",
         "The trial lasted a week.", "Jurors heard from colleagues.",
         "He was cleared of all the charges by a jury."])
    assert found.slug == "not-proven"


def test_a_force_investigating_a_loss_is_an_allegation() -> None:
    found = extract_status("Memory stick lost", [
        "A force has launched an internal investigation after a memory stick went missing."])
    assert (found.slug, found.doubt) == ("alleged", "")


def test_convictions_naming_no_officer_may_be_someone_elses() -> None:
    other = extract_status("Officer's handling of a case reviewed", [
        "A constable took on a case in which her partner was the victim.",
        "In 2019 a man was convicted of two public order offences.",
        "The man appealed the convictions and his sentence in 2020."])
    assert (other.slug, other.doubt) == ("proven", "courts")
    own = extract_status("Records checks", [
        "A former PCSO was jailed for misconduct in public office.",
        "She had looked up her neighbours."])
    assert (own.slug, own.doubt) == ("proven", "")


def test_more_wordings_of_a_finding() -> None:
    for sentence in [
        "It was found that the constable carried out a check for no policing purpose.",
        "The panel heard his actions amounted to gross misconduct.",
        "The force was criticised by the watchdog for the breach.",
        "The regulator has served a £50,000 penalty on the force.",
        "A Westford constable has admitted to two breaches of the code of conduct at a "
        "hearing.",
        "Westford Police has been reprimanded by the regulator.",
        "A reprimand is being issued to the force over the lost files.",
        "The data watchdog has reprimanded Westford Police over the leaked address.",
        "The information watchdog has censured Westford Police over the leaflet.",
        "The force has met the actions of an undertaking signed a year ago, the regulator said.",
        "The force was in breach of data protection law, the regulator has said.",
        "The chief executive has signed an undertaking to check minutes before publication.",
        "The constable has since received disciplinary action.",
        "The force admitted sharing the details in a way that broke data protection law.",
        "She resigned before the misconduct hearing began, and did not contest the findings.",
    ]:
        assert status("Headline", sentence) == "proven", sentence
    assert status("Headline", "Her actions could amount to gross misconduct, it is alleged.") == (
        "alleged")
    assert status("Headline", "The force may have been in breach of data protection law.") == (
        "alleged")
    # Anyone may call it a breach; only a decision makes it one.
    assert status("Headline", 'The MP said: "This is a serious breach of data protection."') == (
        "alleged")


def test_a_headline_reporting_a_reprimand_is_one_case_despite_its_counts() -> None:
    assert status(
        "Force reprimanded for deleting camera footage",
        "A force has been reprimanded after it deleted 90,000 video files from 120 cases.",
        "The loss of data related to 120 criminal cases, of which three were affected.",
        "The regulator said the force could not say what was in 200 other cases.",
    ) == "proven"


def test_a_headline_about_a_group_of_officers_is_no_single_case() -> None:
    assert status(
        "Officers sacked for data breaches",
        "Officers at a large force have been sacked for data breaches, figures show.",
        "Westshire Police said 30 staff were investigated for breaches since 2009.",
        "The data, released under the Freedom of Information Act, covers 2009 to 2013.",
        "Nationally, investigations led to 186 resignations.",
    ) == "statistics"


def test_a_cases_own_counts_of_times_and_records_are_not_aggregates() -> None:
    assert status(
        "Constable accused of tipping off dealer",
        "A constable accused of tipping off a dealer phoned him 23 times in two hours.",
        "Between May 1, 2021, and June 2, 2022, he accessed police records 22 times.",
        "He is alleged to have run 14 searches on the dealer's associates.",
    ) == "alleged"


def test_the_people_a_breachs_data_was_about_and_sums_of_money_are_not_counts() -> None:
    assert not counts_something(
        "The spreadsheet held the personal data of 4,120 officers and staff, and names of "
        "more than 300 civilians.")
    assert not counts_something("Penalty: 60,000 GBP")
    assert counts_something("Of 4,120 officers, 31 were disciplined.")
    assert status(
        "Force investigates second loss of staff details",
        "The force is investigating after details of more than 200 officers were stolen.",
        "A notebook holding the names of 40 staff was taken from a car.",
        "It follows the release of information on 9,000 officers and staff last week.",
    ) == "alleged"


def test_statute_sections_law_report_volumes_and_list_numbers_are_not_counts() -> None:
    assert not counts_something("5(1) A person shall not hold personal data unless registered.")
    assert not counts_something("References: [1994] 2 WLR 673")
    assert not counts_something("1. a police officer accessed the applicant's records;")
    assert not counts_something("The force breached articles 5(1)(f), 32(1) and (2) of the "
                                "regulation.")
    assert not counts_something("See the review's final report, pp. 4-7.")
    assert counts_something("In 2019, 41 officers were disciplined.")


def test_lengths_of_time_are_not_counts() -> None:
    assert not counts_something("The file was online for 3 hours 15 minutes.")
    assert not counts_something("He was jailed for 18 months and banned for 2 years.")
    assert counts_something("Over 2 years, 41 officers were disciplined.")


def test_a_matter_not_warranting_further_action_is_a_clearance() -> None:
    assert status("Headline", "The report named no officer and it was not considered that it "
                  "warranted further action.") == "not-proven"
