"""MediaWiki's parser tests, every subset, against the known-failure lists.

A test that fails and is not listed, or is listed and now passes, fails this test: run
tests/wikitext/parsertests/update_known_failures.py to refresh the lists.
"""

from __future__ import annotations

import pytest

from tests.wikitext.parsertests.update_known_failures import (
    SUBSETS,
    read_known_failures,
    run_subset,
)


@pytest.mark.parametrize("subset", SUBSETS)
def test_parser_tests(subset: str, shared) -> None:
    passed, failed, summary = run_subset(subset, shared)
    assert passed or failed, f"no test ran: {summary}"
    known = read_known_failures(subset)
    new_failures = sorted(failed - known)
    now_passing = sorted(passed & known)
    assert not new_failures, f"{len(new_failures)} new failures ({summary}): {new_failures[:20]}"
    assert not now_passing, (
        f"{len(now_passing)} listed tests now pass; run update_known_failures.py "
        f"({summary}): {now_passing[:20]}"
    )
