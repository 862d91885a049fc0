"""Boilerplate goes only by a rule, and only where the rule says it may."""

from __future__ import annotations

import pytest

from breachwatch.ingest.clean import load_rules, strip_boilerplate


def test_rules_load_with_ids_and_reasons() -> None:
    rules = load_rules()
    assert len({rule.id for rule in rules}) == len(rules)
    assert all(rule.why for rule in rules)


def test_edge_lines_dropped_with_their_rule() -> None:
    text = "top of page\n\nOfficer sacked\n\nAn officer was sacked.\n\nSubscribe now\n\nWhat's Hot"
    kept, dropped = strip_boilerplate(text)
    assert [d.rule for d in dropped] == ["page-anchor", "subscribe", "trending-widget"]
    assert [d.number for d in dropped] == [1, 7, 9]
    assert "An officer was sacked." in kept


def test_edge_rule_keeps_the_same_words_inside_the_article() -> None:
    text = "Headline\n\nClose\n\nThe panel said the case was close.\n\nClose"
    kept, dropped = strip_boilerplate(text)
    assert kept.count("Close") == 1  # the one in the middle stays
    assert len(dropped) == 1 and dropped[0].number == 7


def test_sentences_that_merely_mention_subscribing_are_kept() -> None:
    text = "Headline\n\nReaders can subscribe now to our newsletter, the editor said.\n"
    kept, dropped = strip_boilerplate(text)
    assert dropped == []


# Each: a page, the rules that drop its chrome (in line order), and article lines shaped
# like the chrome that must stay.
CHROME = [
    pytest.param(
        "Headline\n\nWe use cookies to improve your experience.\n\nAn officer was sacked.",
        ["cookie-banner"], ["An officer was sacked."], id="cookie-banner"),
    pytest.param(
        "Constable sacked\n\nA Westford constable was sacked.\n\n"
        "READ MORE: Two forces lose data on 900 people\n\n"
        "Read more on fines for forces: Westshire Police fined for lost files\n\n"
        "The panel said more: the checks were repeated.",
        ["read-more-link", "read-more-link"], ["The panel said more: the checks were repeated."],
        id="link-to-another-article"),
    pytest.param(
        "Westford Police\n\nPrintable version\n\nConstable sacked\n\n"
        "| You are in: UK: Westshire |\n\nA constable was sacked.\n\n"
        "Search for the missing files began in May.",
        ["print-login-search", "news-site-chrome"],
        ["Search for the missing files began in May."], id="site-chrome"),
    pytest.param(
        "Sergeant sacked\n\nEmail  Twitter\n\nA sergeant was sacked.\n\n"
        "Facebook | WhatsApp | Copy link\n\nHe posted the log on Facebook and WhatsApp.",
        ["share-buttons", "share-buttons"], ["He posted the log on Facebook and WhatsApp."],
        id="share-buttons"),
    pytest.param(
        "Sergeant sacked\n\nHe shared the log.\n\n"
        "Find Westshire News on Facebook, external, Instagram, external and X, external.\n\n"
        "Follow the pictures he posted on Facebook and Instagram, the panel was told.",
        ["follow-the-outlet"],
        ["Follow the pictures he posted on Facebook and Instagram, the panel was told."],
        id="outlet-promoting-its-accounts"),
    pytest.param(
        "Follow Westshire Police\n\nReading Time: 3 minutes\n\nForgotten password?\n\n"
        "Westford Wire is supported by its readers. We may earn a commission.\n\n"
        "Constable sacked\n\nSign-up to a claim today - use our quick form to begin.\n\n"
        "A constable was sacked.\n\nView all newsletters\n\n"
        "Follow-up checks found 40 more searches.",
        ["follow-button", "reading-time", "account-links", "affiliate-notice", "sign-up-offer",
         "newsletters-link"],
        ["Constable sacked", "Follow-up checks found 40 more searches."],
        id="reading-times-account-links-offers"),
    pytest.param(
        "Westshire Police Crest\n\n3 C\n\nHome   News   Article\n\nCymraeg isod\n\n"
        "Constable sacked\n\n*** DEBUG END ***\n\nA constable was sacked.\n\n"
        "Home Office figures show 12 such cases.",
        ["crest-or-logo", "weather-widget", "breadcrumb", "language-switch", "debug-marker"],
        ["Home Office figures show 12 such cases."], id="breadcrumbs-crests-language-links"),
    pytest.param(
        "Support our Westshire today - please donate here\n\nNews\n\nConstable sacked\n\n"
        "Support our officers now, the chief constable said after the hearing.",
        ["donation-appeal"],
        ["Support our officers now, the chief constable said after the hearing."],
        id="donation-appeal"),
    pytest.param(
        "Detective accused\n\nA detective is accused of misconduct.\n\n"
        "Get more from the Westford Echo with a digital subscription. Pay £3 a month.\n\n"
        "He denies it.",
        ["subscription-offer"], ["He denies it."], id="subscription-offer"),
]


@pytest.mark.parametrize(("text", "rules", "stays"), CHROME)
def test_page_chrome_goes_by_its_rule_and_lines_like_it_stay(
        text: str, rules: list[str], stays: list[str]) -> None:
    kept, dropped = strip_boilerplate(text)
    assert [d.rule for d in dropped] == rules
    for line in stays:
        assert line in kept


def test_a_public_bodys_beta_banner_and_cookie_notices_are_dropped() -> None:
    text = ("This site is a beta, which means it's a work in progress. Tell us what you think.\n\n"
            "Your cookie preferences have been saved. You can update them at any time.\n\n"
            "Officer sacked\n\nA constable was sacked for records checks.")
    kept, dropped = strip_boilerplate(text)
    assert [d.rule for d in dropped] == ["beta-banner", "cookie-banner"]
    assert [line for line in kept if line][0] == "Officer sacked"
