"""Section extraction and replacement, as MediaWiki's section editing does it."""

from __future__ import annotations

from vellum.wikitext.preprocessor.sections import get_section, replace_section

PAGE = "start\n==a==\n===aa===\n====aaa====\n==b==\n===ba===\n===bb===\n====bba====\n==c=="


def test_get_section() -> None:
    assert get_section(PAGE, 0) == "start"
    assert get_section(PAGE, 1) == "==a==\n===aa===\n====aaa===="
    assert get_section(PAGE, "2") == "===aa===\n====aaa===="
    assert get_section(PAGE, 5) == "===ba==="
    assert get_section(PAGE, 9, "none") == "none"
    assert get_section("", 0) == ""


def test_headings_that_are_not_sections() -> None:
    text = "<!--\n==hidden==\n-->\n<nowiki>\n==no==\n</nowiki>\n{{x|\n==arg==\n}}\n==real=="
    assert get_section(text, 2) == "==real=="
    inc = "<includeonly>\n==Includeonly section==\n</includeonly>\n==Section T-2=="
    assert get_section(inc, "T-2") == "==Section T-2=="
    assert get_section(inc, "1") == "==Section T-2=="


def test_replace_section() -> None:
    assert replace_section(PAGE, 2, "===new===\nx") == (
        "start\n==a==\n===new===\nx\n\n==b==\n===ba===\n===bb===\n====bba====\n==c=="
    )
    assert replace_section(PAGE, 0, "intro") == "intro\n\n==a==\n===aa===\n====aaa====\n" + (
        "==b==\n===ba===\n===bb===\n====bba====\n==c=="
    )
    assert replace_section(PAGE, 42, "x") == PAGE
