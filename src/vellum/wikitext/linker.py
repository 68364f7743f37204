"""Links as MediaWiki's Linker and LinkRenderer write them: URLs, <a> elements, classes."""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote

from .namespaces import MAIN, MEDIAWIKI, SPECIAL
from .sanitizer import escape_id

if TYPE_CHECKING:
    from .context import ParserContext
    from .title import Title

_URL_UNESCAPE = {
    "%3B": ";", "%40": "@", "%24": "$", "%21": "!", "%2A": "*", "%28": "(",
    "%29": ")", "%2C": ",", "%2F": "/", "%7E": "~", "%3A": ":",
}  # fmt: skip
_URL_UNESCAPE_RE = re.compile("|".join(_URL_UNESCAPE))

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


@lru_cache(maxsize=4096)
def wf_urlencode(s: str) -> str:
    """wfUrlencode: percent-encode, keeping the characters MediaWiki keeps."""
    enc = quote(s, safe="-_.~")
    enc = enc.replace("~", "%7E")
    return _URL_UNESCAPE_RE.sub(lambda m: _URL_UNESCAPE[m.group(0)], enc)


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


def make_known_link(
    ctx: ParserContext, title: Title, html_text: str, redirect: bool = False
) -> str:
    title = normalize_special(title)
    href = link_url(ctx, title)
    attrs = f'href="{esc(href)}"'
    if title.interwiki:
        attrs += ' class="extiw"'
    elif redirect:
        attrs += ' class="mw-redirect"'
    if not (title.dbkey == "" and title.namespace == MAIN and not title.interwiki):
        attrs += f' title="{esc(title.prefixed_text)}"'
    return f"<a {attrs}>{html_text}</a>"


def make_broken_link(ctx: ParserContext, title: Title, html_text: str) -> str:
    if title.namespace == SPECIAL:
        href = esc(local_url(ctx, title))
    else:
        # wf_urlencode leaves none of & < > " ' in the key: only the query needs escaping
        key = wf_urlencode(title.prefixed_dbkey)
        href = f"{esc(ctx.config.script)}?title={key}&amp;action=edit&amp;redlink=1"
    tip = ctx.msg("red-link-title", title.prefixed_text)
    return f'<a href="{href}" class="new" title="{esc(tip)}">{html_text}</a>'


def make_self_link(title: Title, html_text: str, fragment_mode: tuple[str, ...]) -> str:
    if title.fragment:
        from .sanitizer import escape_id_for_link

        href = "#" + escape_id_for_link(title.fragment, fragment_mode)
        return f'<a class="mw-selflink-fragment" href="{esc(href)}">{html_text}</a>'
    return f'<a class="mw-selflink selflink">{html_text}</a>'
