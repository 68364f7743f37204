"""Links as MediaWiki's Linker and LinkRenderer write them: URLs, <a> elements, classes."""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from .namespaces import MAIN, MEDIAWIKI, SPECIAL
from .sanitizer import escape_id

if TYPE_CHECKING:
    from collections.abc import Callable

    from .context import ParserContext
    from .title import Title

LINK_TRAIL = re.compile(r"^([a-z]+)(.*)$", re.S)

# Special pages of MediaWiki 1.39 core by their English local name (the first alias in
# MessagesEn.php); other aliases map to it. Links use the local name, as LinkRenderer does.
SPECIAL_PAGE_NAMES = (
    "ActiveUsers AllMessages AllPages AncientPages ApiHelp ApiSandbox AutoblockList Badtitle "
    "BlankPage Block BlockList BookSources BotPasswords BrokenRedirects Categories "
    "ChangeContentModel ChangeCredentials ChangeEmail ChangePassword ComparePages "
    "Confirmemail Contributions CreateAccount DeadendPages DeletedContributions "
    "DeletePage Diff DoubleRedirects EditPage EditTags EditWatchlist Emailuser "
    "ExpandTemplates Export FewestRevisions FileDuplicateSearch Filepath GoToInterwiki "
    "Import Invalidateemail JavaScriptTest LinkSearch LinkAccounts ListDuplicatedFiles "
    "ListFiles ListGrants ListGroupRights ListRedirects ListUsers Listadmins Listbots "
    "Lockdb Log LonelyPages LongPages MediaStatistics MergeHistory MIMESearch "
    "MostCategories MostLinkedFiles MostInterwikis MostLinkedPages MostLinkedCategories "
    "MostTranscludedPages MostRevisions Move Mycontributions MyLanguage Mypage Mytalk "
    "Myuploads MyLogs NewFiles NewPages NewSection PageData PageHistory PageInfo "
    "PageLanguage PagesWithProp PasswordPolicies PasswordReset PermanentLink Preferences "
    "PrefixIndex ProtectPage ProtectedPages ProtectedTitles Purge QuickInterwiki "
    "Random RandomInCategory RandomRedirect RandomRootpage RecentChanges "
    "RecentChangesLinked Redirect RemoveCredentials ResetTokens Revisiondelete RunJobs "
    "Search ShortPages SpecialPages Statistics Tags TrackingCategories Unblock "
    "UncategorizedCategories UncategorizedFiles UncategorizedPages "
    "UncategorizedTemplates Undelete Unlockdb UnusedCategories UnusedFiles "
    "UnusedTemplates UnwatchedPages Upload UploadStash Userlogin Userlogout UserRights "
    "Version WantedCategories WantedFiles WantedPages WantedTemplates Watchlist "
    "WhatLinksHere WithoutInterwiki"
).split()
SPECIAL_ALIASES = {name.lower(): name for name in SPECIAL_PAGE_NAMES}
SPECIAL_ALIASES.update(
    {
        "allpageswithprefix": "PrefixIndex",
        "contribs": "Contributions",
        "imagelist": "ListFiles",
        "newimages": "NewFiles",
        "randompage": "Random",
        "uncategorizedimages": "UncategorizedFiles",
        "unusedimages": "UnusedFiles",
        "wantedfiles": "WantedFiles",
        "mostimages": "MostLinkedFiles",
        "mostlinked": "MostLinkedPages",
        "mostlinkedtemplates": "MostTranscludedPages",
        "listusers": "ListUsers",
        "userlist": "ListUsers",
        "movepage": "Move",
        "recentchangeslinked": "RecentChangesLinked",
        "relatedchanges": "RecentChangesLinked",
        "login": "Userlogin",
        "logout": "Userlogout",
        "preferences": "Preferences",
    }
)
SPECIAL_PAGES = set(SPECIAL_ALIASES)


def normalize_special(title: Title) -> Title:
    """A Special: title with the page's local name (SpecialPageFactory::getLocalNameFor)."""
    if title.namespace != SPECIAL or title.interwiki:
        return title
    name, slash, sub = title.dbkey.partition("/")
    local = SPECIAL_ALIASES.get(name.lower())
    if local is None or local == name:
        return title
    from dataclasses import replace

    return replace(title, dbkey=local + slash + sub)


class _UrlencodeTable(dict[int, str]):
    """str.translate table for wfUrlencode: PHP's urlencode (upper-case %XX of the UTF-8
    bytes; letters, digits and `-_.` kept), then `;@$!*(),/~:` kept as MediaWiki does."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch.isascii() and (ch.isalnum() or ch in "-_.;@$!*(),/~:"):
            enc = ch
        else:
            enc = "".join(f"%{b:02X}" for b in ch.encode("utf-8"))
        self[code] = enc
        return enc


_URLENCODE_TABLE = _UrlencodeTable()


_URL_KEPT = re.compile(r"[\w.\-;@$!*(),/~:]*", re.A)


def wf_urlencode(s: str) -> str:
    """wfUrlencode: percent-encode, keeping the characters MediaWiki keeps."""
    if _URL_KEPT.fullmatch(s):
        return s  # most page names
    return s.translate(_URLENCODE_TABLE)


def split_trail(trail: str) -> tuple[str, str]:
    """Linker::splitTrail: the link-trail letters glued to the link, and the rest."""
    if trail and "a" <= trail[0] <= "z":
        m = LINK_TRAIL.match(trail)
        if m:
            return m.group(1), m.group(2)
    return "", trail


_NEEDS_ESC = re.compile(r"[&<>\"']")


def esc(s: str) -> str:
    """htmlspecialchars(ENT_QUOTES)."""
    if not _NEEDS_ESC.search(s):
        return s
    return html.escape(s, quote=True).replace("&#x27;", "&#039;")


def local_url(ctx: ParserContext, title: Title, query: str = "") -> str:
    cfg = ctx.config
    key = wf_urlencode(title.prefixed_dbkey)
    if query:
        return f"{cfg.script}?title={key}&{query}"
    return cfg.article_path.replace("$1", key)


def interwiki_url(ctx: ParserContext, title: Title) -> str:
    iw = ctx.config.interwiki.get(title.interwiki)
    if iw is None:
        return ""
    target = wf_urlencode(title.dbkey)
    url = iw.url
    if "$1" in url:
        if title.dbkey == "":
            url = url.replace("$1", "")
            url = url.rstrip("?") if url.endswith("?") else url
        else:
            url = url.replace("$1", target)
    if title.fragment:
        url += "#" + escape_id(title.fragment, "legacy")
    return url


def link_url(ctx: ParserContext, title: Title) -> str:
    """The href of a link to an existing page (Title::getLinkURL)."""
    if title.interwiki:
        return interwiki_url(ctx, title)
    frag = ""
    if title.fragment:
        from .sanitizer import escape_id_for_link

        frag = "#" + escape_id_for_link(title.fragment, ctx.config.fragment_mode)
    if title.dbkey == "" and title.namespace == MAIN:
        return frag
    return local_url(ctx, title) + frag


def is_always_known(ctx: ParserContext, title: Title) -> bool:
    """Title::isAlwaysKnown: interwikis, fragment-only links, existing files, specials,
    interface messages."""
    if title.interwiki:
        return True
    ns = title.namespace
    if ns == MAIN:
        return title.dbkey == ""
    if ns == SPECIAL:
        return title.dbkey.split("/", 1)[0].lower() in SPECIAL_PAGES
    if ns in (6, -2):
        return ctx.site.file_info(title.dbkey) is not None
    if ns == MEDIAWIKI:
        from . import messages

        return messages.get(title.dbkey[:1].lower() + title.dbkey[1:]) is not None
    return False


def known_link_open(ctx: ParserContext, title: Title, redirect: bool = False) -> str:
    """The opening <a> of a link to an existing page (LinkRenderer::makeKnownLink)."""
    title = normalize_special(title)
    href = link_url(ctx, title)
    attrs = f'href="{esc(href)}"'
    if title.interwiki:
        attrs += ' class="extiw"'
    elif redirect:
        attrs += ' class="mw-redirect"'
    if not (title.dbkey == "" and title.namespace == MAIN and not title.interwiki):
        attrs += f' title="{esc(title.prefixed_text)}"'
    return f"<a {attrs}>"


def make_known_link(
    ctx: ParserContext, title: Title, html_text: str, redirect: bool = False
) -> str:
    return f"{known_link_open(ctx, title, redirect)}{html_text}</a>"


def broken_link_opener(ctx: ParserContext) -> Callable[[Title], str]:
    """A function making the opening <a class="new"> of a red link
    (LinkRenderer::makeBrokenLink), with what all red links of a render share looked up
    once. The tag depends only on the prefixed DB key (and namespace), not on the fragment.
    """
    # wf_urlencode leaves none of & < > " ' in the key: only the rest of the URL needs escaping
    edit_url = esc(ctx.config.script) + "?title="
    # htmlspecialchars works character by character: escape the message once, the title each time
    tip_msg = esc(ctx.msg("red-link-title"))
    # For the usual key: the tag is head + key + middle + key with spaces + tail.
    tip_parts = tip_msg.split("$1")
    simple = len(tip_parts) == 2
    head = f'<a href="{edit_url}'
    middle = f'&amp;action=edit&amp;redlink=1" class="new" title="{tip_parts[0]}'
    tail = f'{tip_parts[-1]}">'

    def opener(title: Title) -> str:
        key = title.prefixed_dbkey
        if title.namespace == SPECIAL:
            href = esc(local_url(ctx, title))
        elif _URL_KEPT.fullmatch(key):
            # most keys: nothing to URL-encode, and so nothing to HTML-escape either
            if simple:
                return f"{head}{key}{middle}{key.replace('_', ' ')}{tail}"
            href = f"{edit_url}{key}&amp;action=edit&amp;redlink=1"
            tip = tip_msg.replace("$1", key.replace("_", " "))
            return f'<a href="{href}" class="new" title="{tip}">'
        else:
            href = f"{edit_url}{wf_urlencode(key)}&amp;action=edit&amp;redlink=1"
        tip = tip_msg.replace("$1", esc(key.replace("_", " ")))
        return f'<a href="{href}" class="new" title="{tip}">'

    return opener


def make_broken_link(ctx: ParserContext, title: Title, html_text: str) -> str:
    return f"{broken_link_opener(ctx)(title)}{html_text}</a>"


def make_self_link(title: Title, html_text: str, fragment_mode: tuple[str, ...]) -> str:
    if title.fragment:
        from .sanitizer import escape_id_for_link

        href = "#" + escape_id_for_link(title.fragment, fragment_mode)
        return f'<a class="mw-selflink-fragment" href="{esc(href)}">{html_text}</a>'
    return f'<a class="mw-selflink selflink">{html_text}</a>'
