"""Word splitting as wikidiff2 does it."""

from __future__ import annotations

import pytest

from vellum.diff import thai
from vellum.diff.words import explode_words


def test_letters_digits_underscore_run_together() -> None:
    assert explode_words("foo_bar2 baz") == ["foo_bar2", " ", "baz"]


def test_punctuation_and_spaces_are_single_words() -> None:
    assert explode_words("a, b!!  [[c]]") == [
        "a", ",", " ", "b", "!", "!", " ", " ", "[", "[", "c", "]", "]",
    ]  # fmt: skip


def test_characters_from_c0_up_are_letters() -> None:
    # Accented letters, Cyrillic and Devanagari, but also dashes and curly quotes (>= U+00C0).
    assert explode_words("café Москва हिन्दी") == ["café", " ", "Москва", " ", "हिन्दी"]
    assert explode_words("a—b “c”") == ["a—b", " ", "“c”"]
    # Latin-1 punctuation below U+00C0 is not: « » § ° and the no-break space.
    assert explode_words("«x»\u00a0§") == ["«", "x", "»", "\u00a0", "§"]


def test_cjk_characters_are_words_of_their_own() -> None:
    assert explode_words("我爱北京abc") == ["我", "爱", "北", "京", "abc"]
    assert explode_words("カタカナ") == ["カ", "タ", "カ", "ナ"]
    assert explode_words("\U00020000\U0002a001") == ["\U00020000", "\U0002a001"]


@pytest.mark.skipif(not thai.working(), reason="libthai is not installed")
def test_thai_is_broken_into_words() -> None:
    words = explode_words("ภาษาไทยเป็นภาษาที่สวยงาม")
    assert len(words) > 3
    assert "".join(words) == "ภาษาไทยเป็นภาษาที่สวยงาม"
    assert "ภาษา" in words


@pytest.mark.parametrize("text", ["", "\n", "x\u0e01y 1", "ก\udfffข", "\x00ภาษา\x00"])
def test_words_rebuild_the_line(text: str) -> None:
    assert "".join(explode_words(text)) == text
