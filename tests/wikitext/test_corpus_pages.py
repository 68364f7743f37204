"""Every real page of ../shared/corpus/pages renders without an exception, within limits."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from vellum.wikitext import MemorySite, render
from vellum.wikitext.testwiki import test_config as parser_test_config

from .conftest_helpers import wiki_dirs

# Generous: the slowest page takes a few seconds on a loaded 2-core machine.
MAX_SECONDS_PER_PAGE = 60


@pytest.mark.parametrize("wiki", wiki_dirs())
def test_corpus_pages_render(wiki: str, shared: Path) -> None:
    site = MemorySite(parser_test_config())
    pages = sorted((shared / "corpus" / "pages" / wiki).glob("*.wikitext"))
    assert pages
    for path in pages:
        text = path.read_text(encoding="utf-8", errors="replace")
        start = time.perf_counter()
        result = render(text, path.stem.replace("_", " "), site)
        elapsed = time.perf_counter() - start
        assert isinstance(result.html, str), path.name
        errors = [w for w in result.warnings if w.startswith("internal error")]
        assert not errors, (path.name, errors)
        assert elapsed < MAX_SECONDS_PER_PAGE, f"{path.name}: {elapsed:.1f}s"
