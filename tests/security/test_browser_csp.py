"""In Chromium: the wiki works under its Content-Security-Policy (the skin's script runs, no
policy violations), and a page saved full of XSS vectors runs none of them.

Starts its own `vellum serve` (the wiki tests' helper) with a fresh data directory.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .vectors import CORPUS

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
# Every vector, with alert(1) turned into a flag the test can read back.
ATTACK = "\n\n".join(v.replace("alert(1)", "window.__xss=1") for v in CORPUS)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from tests.wiki.conftest import start_server, stop_server

    srv = start_server(tmp_path_factory.mktemp("secwiki") / "data", workers=1)
    try:
        yield srv
    finally:
        stop_server(srv)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def test_attack_page_runs_nothing(server, browser) -> None:
    page = browser.new_page()
    page.set_default_timeout(30_000)
    problems: list[str] = []
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    base = server.url
    page.goto(base + "/index.php?title=Xss_test&action=edit")
    page.fill("#wpTextbox1", ATTACK)
    page.fill("#wpSummary", '<img src=x onerror="window.__xss=1"> [[javascript:window.__xss=1]]')
    page.click("#wpPreview")
    assert page.locator("#wikiPreview").is_visible()
    page.click("#wpSave")
    page.wait_for_url(base + "/wiki/Xss_test")
    for url in [
        "/wiki/Xss_test",
        "/index.php?title=Xss_test&action=history",
        "/wiki/Special:RecentChanges",
        "/index.php?title=Xss_test&action=edit",
    ]:
        page.goto(base + url)
        page.wait_for_load_state("load")
        # the skin's own script ran under the policy
        assert "client-js" in page.evaluate("document.documentElement.className"), url
        for link in page.locator("#bodyContent a[href]").all()[:400]:
            href = (link.get_attribute("href") or "").strip().lower()
            assert not href.startswith(("javascript:", "vbscript:", "data:")), (url, href)
        assert page.evaluate("window.__xss") is None, url
    assert problems == []
