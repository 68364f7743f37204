"""Parser functions and magic words, with MediaWiki's outputs."""

from __future__ import annotations

import pytest

CASES = [
    ("{{#if: | yes | no}}|{{#if: string | yes | no}}|{{#if: {{{1|}}} | yes | no}}", "no|yes|no"),
    ("{{#ifeq: 01 | 1 | yes | no}}|{{#ifeq: 0 | -0 | yes | no}}|{{#ifeq: foo | Foo | y | n}}",
     "yes|yes|n"),
    ('{{#ifeq: "01" | "1" | yes | no}}|{{#ifeq: a\'b | a&#39;b | yes | no}}', "no|yes"),
    ("{{#iferror: {{#expr: 1 + X }} | error | correct }}|{{#iferror: {{#expr: 1 + 2 }} }}",
     "error|3"),
    ("{{#ifexpr: 1 > 0 | yes }}|{{#ifexpr: (-1)*0 | true | false }}", "yes|false"),
    ("{{#switch: b | a = A | b = B | #default = D}}|{{#switch: foo | bar | #default = DEF }}",
     "B|DEF"),
    ("{{#switch:none|foo=1|#default=ignored|baz=3|Second default}}", "Second default"),
    ("{{#switch: foo | #default | bar = DEF }}|{{#switch: foo | #defaultWTF? = x }}", "DEF|"),
    ("{{#expr: 1+2*3}}|{{#expr: (1+2)*3}}|{{#expr: 1/3}}|{{#expr: 2^10}}|{{#expr: 7 mod 3}}",
     "7|9|0.33333333333333|1024|1"),
    ("{{#expr: -7 mod 3}}|{{#expr: 2.5 round 0}}|{{#expr: 1e3}}|{{#expr: 3 round 0}}|{{#expr:1e20}}",
     "-1|3|1000|3|1.0E+20"),
    ("{{#expr: not 0}}|{{#expr: 1 and 0}}|{{#expr: 2 < 3}}|{{#expr: trunc -1.5}}|{{#expr: pi}}",
     "1|0|1|-1|3.1415926535898"),
    ("{{#expr: 1/0}}", '<strong class="error">Division by zero.</strong>'),
    ("{{#expr: 1 +}}", '<strong class="error">Expression error: Missing operand for +.</strong>'),
    ("{{#expr: (1}}", '<strong class="error">Expression error: Unclosed bracket.</strong>'),
    ("{{#time:c|15 January 2001}}|{{#time:Y|5 April 1967}}", "2001-01-15T00:00:00+00:00|1967"),
    ("{{#time:Y-m-d H:i| 2011-11-12 23:00 America/New_York }}", "2011-11-13 04:00"),
    ("{{#time:d F Y|1988-02-28|nl}}|{{#time:xrY|2011-01-01}}|{{#time:Y|2011}}", "28 februari 1988|MMXI|2011"),
    ("{{#time:Y|garbage}}", '<strong class="error">Error: Invalid time.</strong>'),
    ("{{#rel2abs:../x|A/B/C}}|{{#rel2abs:/d|A}}|{{#titleparts:A/B/C|1|2}}", "A/B/x|A/d|B"),
    ("{{#len:abc}}|{{#pos:FooBar|Foo|32}}|{{#rpos:abcb|b}}|{{#sub:abcdef|-2}}", "3||3|ef"),
    ("{{#count:aaa|a}}|{{#replace:aaa|a|b|2}}|{{#explode:Foo*Bar|*|-1}}|{{#urldecode:a%20b}}",
     "3|bba|Bar|a b"),
    ("{{lc:ABC}}|{{uc:abc}}|{{ucfirst:abc}}|{{lcfirst:ABC}}", "abc|ABC|Abc|aBC"),
    ("{{urlencode:a b&c}}|{{urlencode:a b|PATH}}|{{urlencode:a b|WIKI}}", "a+b%26c|a%20b|a_b"),
    ("{{fullurl:Foo|action=edit}}|{{localurl:Foo bar}}|{{canonicalurl:Foo}}",
     "http://example.org/index.php?title=Foo&action=edit|/wiki/Foo_bar|http://example.org/wiki/Foo"),
    ("{{formatnum:1234567.89}}|{{formatnum:1,234|R}}|{{padleft:7|3|0}}|{{padright:ab|5|xy}}",
     "1,234,567.89|1234|007|abxyx"),
    ("{{ns:1}}|{{ns:Project}}|{{nse:5}}|{{ns:99}}|{{ns:01}}|{{ns:nope}}",
     "Talk|TestWiki|TestWiki_talk||Talk|[[:Template:Ns:nope]]"),
    ("{{PAGENAME}}|{{PAGENAMEE}}|{{FULLPAGENAME:Talk:A b}}|{{NAMESPACE:Talk:X}}",
     "Parser test|Parser_test|Talk:A b|Talk"),
    ("{{TALKPAGENAME}}|{{SUBJECTPAGENAME:Talk:X}}|{{NAMESPACENUMBER:User:X}}",
     "Talk:Parser test|X|2"),
    ("{{PAGENAME:*foo&bar}}", "&#42;foo&#38;bar"),
    ("{{CURRENTYEAR}}|{{CURRENTTIME}}|{{CURRENTTIMESTAMP}}|{{CURRENTMONTHNAME}}|{{CURRENTDOW}}",
     "1970|00:02|19700101000203|January|4"),
    ("{{SITENAME}}|{{SERVER}}|{{SCRIPTPATH}}|{{REVISIONID}}|{{!}}|{{=}}",
     "MediaWiki|http://example.org||1337|||[[:Template:=]]"),
    ("{{plural:1|is|are}}|{{plural:2|is|are}}|{{gender:x|he|she|they}}|{{grammar:x|word}}",
     "is|are|they|word"),
    ("{{#language:de}}|{{#special:recentchanges}}|{{pagename}}",
     "Deutsch|Special:RecentChanges|[[:Template:Pagename]]"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_functions(pp, text: str, expected: str) -> None:
    assert pp(text) == expected


def test_ifexist_records_link() -> None:
    from vellum.wikitext.preprocessor import preprocess

    from .conftest import make_ctx

    ctx = make_ctx({"Existing": "x"})
    assert preprocess(ctx, "{{#ifexist:Existing|yes|no}}{{#ifexist:Missing|yes|no}}") == "yesno"
    assert ctx.output.links == ["Existing", "Missing"]


def test_invoke_reports_lua_unavailable(pp) -> None:
    assert "Lua modules are not available" in pp("{{#invoke:Foo|bar}}")


def test_displaytitle_and_defaultsort() -> None:
    from vellum.wikitext.preprocessor import preprocess

    from .conftest import make_ctx

    ctx = make_ctx()
    assert preprocess(ctx, "{{DISPLAYTITLE:parser test}}{{DEFAULTSORT:Key}}") == ""
    assert ctx.output.display_title == "parser test"
    assert ctx.output.default_sort == "Key"
    assert "error" in preprocess(ctx, "{{DEFAULTSORT:Other}}")


def test_ifexist_special_pages_and_expensive_count() -> None:
    from vellum.wikitext.preprocessor import get_state, preprocess

    from .conftest import make_ctx

    ctx = make_ctx()
    out = preprocess(ctx, "{{#ifexist:Special:RecentChanges|y|n}}{{#ifexist:Special:Nope|y|n}}")
    assert out == "yn"
    preprocess(ctx, "{{#ifexist:Foo|y|n}}{{#ifexist:Foo|y|n}}{{#ifexist:Bar|y|n}}")
    assert get_state(ctx).expensive_count == 2


def test_expensive_limit_warns() -> None:
    from vellum.wikitext.preprocessor import preprocess

    from .conftest import make_ctx

    ctx = make_ctx()
    ctx.config.expensive_function_limit = 2
    out = preprocess(ctx, "".join(f"{{{{#ifexist:P{i}|y|n}}}}" for i in range(4)))
    assert out == "nnnn"
    assert "expensive-parserfunction-category" in ctx.output.tracking_categories
    assert any("too many expensive parser function calls" in w for w in ctx.output.warnings)


def test_heading_markers_are_strip_markers_for_functions() -> None:
    from vellum.wikitext.preprocessor import preprocess

    from .conftest import make_ctx

    ctx = make_ctx({"Template:H": "==x=="})
    out = preprocess(ctx, "{{uc:{{H}}}}|{{#len:{{H}}}}")
    assert out == "==\x7f'\"`UNIQ--h-0--QINU`\"'\x7fX==|5"


def test_time_reads_dates_as_php_does() -> None:
    from datetime import UTC, datetime

    from vellum.wikitext.functions.time import parse_date

    base = datetime(2023, 5, 3, 10, 30, tzinfo=UTC)  # a Wednesday
    cases = {
        "monday": "2023-05-08 00:00",
        "last monday": "2023-05-01 00:00",
        "next wednesday": "2023-05-10 00:00",
        "next month": "2023-06-03 10:30",
        "3 days ago": "2023-04-30 10:30",
        "+1 week": "2023-05-10 10:30",
        "tomorrow": "2023-05-04 00:00",
        "May 2023": "2023-05-01 00:00",
        "January 15, 2001": "2001-01-15 00:00",
        "2011-11-12 23:00 Europe/Paris": "2011-11-12 22:00",
        "2023-05-01T12:00:00+02:00": "2023-05-01 10:00",
        "@86400": "1970-01-02 00:00",
        "12:30 pm": "2023-05-03 12:30",
        "first day of next month": "2023-06-01 10:30",
        "last day of this month": "2023-05-31 10:30",
        "last day of February 2024": "2024-02-29 00:00",
    }
    for text, expected in cases.items():
        assert f"{parse_date(text, base):%Y-%m-%d %H:%M}" == expected, text


def test_revision_words_set_parser_output_flags() -> None:
    from vellum.wikitext.preprocessor import preprocess

    from .conftest import make_ctx

    ctx = make_ctx()
    assert preprocess(ctx, "{{REVISIONID}}|{{REVISIONUSER}}|{{REVISIONID:Parser test}}") == (
        "1337||"
    )
    assert ctx.output.flags == {"vary-revision-id", "vary-user"}
    saved = make_ctx({"Parser test": "text"})
    saved.options.test_options["lastsavedrevision"] = ""
    out = preprocess(saved, "{{REVISIONUSER}}|{{REVISIONDAY:{{PAGENAME}}}}|{{REVISIONTIMESTAMP}}")
    assert out == "127.0.0.1|1|19700101000203"
    assert saved.output.flags == {"vary-user", "vary-revision-timestamp"}


def test_case_functions_with_a_dotless_i_language() -> None:
    from vellum.wikitext.preprocessor import preprocess

    from .conftest import make_ctx

    ctx = make_ctx()
    ctx.options.language = "tr"
    assert preprocess(ctx, "{{ucfirst:ix}}|{{uc:ıi}}|{{lc:Iİ}}") == "İx|Iİ|ıi"


def test_dates_in_the_content_language() -> None:
    from vellum.wikitext.preprocessor import preprocess

    from .conftest import make_ctx

    ctx = make_ctx()
    ctx.options.language = "ru"
    out = preprocess(
        ctx, "{{#time:j xg Y, l|2023-05-03}}|{{CURRENTMONTHNAME}}|{{#time:F|2023-05-03|de}}"
    )
    assert out == "3 мая 2023, среда|январь|Mai"


def test_time_out_of_range(pp) -> None:
    assert pp("{{#time:Y|+99999 years}}") == (
        '<strong class="error">Error: #time only supports years up to 9999.</strong>'
    )
    assert pp("{{#time:Y|0001-01-01 -1 year}}") == (
        '<strong class="error">Error: #time only supports years from 0.</strong>'
    )
    assert pp("{{#time:t|9999-12-31}}|{{#time:Y|2000 +99:99}}") == (
        '31|<strong class="error">Error: Invalid time.</strong>'
    )


def test_huge_numbers_saturate_as_php_intval(pp) -> None:
    assert pp("{{#replace:aaa|a|b|99999999999999999999999}}") == "bbb"
    assert pp("{{#explode:a,b|,|1|99999999999999999999999}}") == "b"
    assert pp("{{#sub:abc|-99999999999999999999}}") == "abc"


def test_expr_float_edge_cases_as_php(pp) -> None:
    assert pp("{{#expr: sin exp 999}}|{{#expr: exp 1000}}|{{#expr: 1e308*10}}") == "NAN|INF|INF"
    assert pp("{{#expr: 2.5 round 400}}|{{#expr: 10^99999}}") == "2.5|INF"
