"""A newcomer in Chromium (Playwright): create an article, edit it, compare two revisions.

Starts its own `vellum serve` on a free port with a fresh data directory, and saves a
screenshot of the diff page to artifacts/diff-page.png.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

ARTICLE = """The '''Roman Republic''' was the era of classical Roman civilisation that began with
the overthrow of the [[Roman Kingdom]] in 509 BC.<ref>Livy, ''Ab Urbe Condita'', book 1.
[https://www.perseus.tufts.edu/hopper/text?doc=Liv.+1 Online text].</ref>

[[File:Forum Romanum.jpg|thumbnail|250px|The Roman Forum, heart of the Republic]]

== Founding ==
After the last king was expelled, the Romans elected two [[Roman consul|consuls]] every year.

== Expansion ==
Rome conquered the Italian peninsula and then fought [[Carthage]] in the [[Punic Wars]].

== References ==
<references />"""


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


def test_newcomer_writes_and_compares(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(30_000)
    base = server.url
    page.goto(base + "/wiki/Main_Page")
    assert page.locator("#firstHeading").inner_text() == "Main Page"

    # Create an account, then upload the picture the article will show
    page.click("#pt-createaccount a")
    page.fill("#wpName2", "History student")
    page.fill("#wpPassword2", "spqr-509-bc")
    page.fill("#wpRetype", "spqr-509-bc")
    page.click("#wpCreateaccount")
    page.wait_for_url(base + "/wiki/Main_Page")
    assert page.locator("#pt-userpage").inner_text() == "History student"
    from PIL import Image

    picture = tmp_path / "forum.jpg"
    Image.new("RGB", (800, 600), (180, 150, 110)).save(picture, "JPEG")
    page.click("#t-upload a")
    page.set_input_files("#wpUploadFile", str(picture))
    page.fill("#wpDestFile", "Forum Romanum.jpg")
    page.fill("#wpUploadDescription", "The Roman Forum")
    page.click("button[name=wpUpload]")
    page.wait_for_url(base + "/wiki/File:Forum_Romanum.jpg")
    assert page.locator(".fullImageLink img").count() == 1
    page.click("#n-mainpage-description a")

    # Edit the Main Page to point at the new article
    page.click("#ca-edit a")
    assert "Editing Main Page" in page.locator("#firstHeading").inner_text()
    main_text = page.input_value("#wpTextbox1")
    page.fill("#wpTextbox1", main_text + "\n\nOur class is writing about the [[Roman Republic]].")
    page.fill("#wpSummary", "Link to the class article")
    page.click("#wpSave")
    page.wait_for_url(base + "/wiki/Main_Page")

    # Find the article with the search box; it does not exist yet, so create it
    page.fill("#searchInput", "Roman Republic")
    page.press("#searchInput", "Enter")
    page.click(".mw-search-createlink a")
    assert "Creating Roman Republic" in page.locator("#firstHeading").inner_text()
    page.fill("#wpTextbox1", ARTICLE)
    page.click("#wpPreview")
    assert page.locator("#wikiPreview").is_visible()
    page.fill("#wpSummary", "New article for history class")
    page.click("#wpSave")
    page.wait_for_url(base + "/wiki/Roman_Republic")
    assert page.locator("#firstHeading").inner_text() == "Roman Republic"
    assert "last edited" in page.locator("#footer-info-lastmod").inner_text()

    # Edit again, without a summary
    page.click("#ca-edit a")
    text = page.input_value("#wpTextbox1")
    page.fill("#wpTextbox1", text.replace("elected two", "elected two annual"))
    page.click("#wpSave")
    page.wait_for_url(base + "/wiki/Roman_Republic")

    # History: two revisions, compare them
    thumbs = page.locator("#mw-content-text img")
    if thumbs.count():  # the engine draws the thumbnail: it must load from the server
        src = thumbs.first.get_attribute("src")
        assert page.request.get(base + src).status == 200

    page.click("#ca-history a")
    assert page.locator("#pagehistory li").count() == 2
    assert "New article for history class" in page.locator("#pagehistory").inner_text()
    page.locator(".mw-history-compareselectedversions-button").first.click()
    page.wait_for_selector("table.diff")
    header = page.locator("#mw-diff-ntitle3").inner_text()
    assert "(no edit summary)" in header
    assert "New article for history class" in page.locator("#mw-diff-otitle3").inner_text()
    changed = page.locator("td.diff-addedline .diffchange").all_inner_texts()
    assert any("annual" in c for c in changed), changed
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "diff-page.png"), full_page=True)

    # Phone width: the page still reads, the sidebar moves below the content
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(base + "/wiki/Roman_Republic")
    content = page.locator("#content").bounding_box()
    sidebar = page.locator("#mw-panel").bounding_box()
    assert content["width"] <= 375 and sidebar["y"] > content["y"]
    page.close()


UNLABELLED = """() => Array.from(document.querySelectorAll(
    'input:not([type=hidden]), textarea, select, button')).filter(el => {
    if (el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) return false;
    if (el.tagName === 'BUTTON' && el.textContent.trim()) return false;
    if (el.id && document.querySelector('label[for="' + el.id + '"]')) return false;
    return !el.closest('label');
}).map(el => el.outerHTML)"""


def test_controls_are_labelled(server, browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    for path in (
        "/wiki/Main_Page",
        "/index.php?title=Main_Page&action=edit",
        "/index.php?title=Main_Page&action=history",
        "/wiki/Special:RecentChanges",
        "/wiki/Special:Search?search=x&fulltext=1",
        "/wiki/Special:UserLogin",
    ):
        page.goto(server.url + path)
        assert page.evaluate(UNLABELLED) == [], path
        assert page.locator("main, [role=main]").count() == 1
        assert page.locator("nav").count() >= 1
    assert errors == []  # no script errors, nothing blocked by the content security policy
    page.close()


def test_skip_links_and_dark_mode(server, browser):
    ctx = browser.new_context(color_scheme="dark")
    page = ctx.new_page()
    page.goto(server.url + "/wiki/Main_Page")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Jump to navigation"
    bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert bg == "rgb(16, 20, 24)"
    ctx.close()
