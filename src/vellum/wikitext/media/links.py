"""URLs and plain links that media markup needs (Title::getLocalURL, Linker::link).

Kept here so the media and gallery code depend only on the Site contract, not on the
internal-link rule's module.
"""

from __future__ import annotations

import html
from urllib.parse import quote_plus

from ..linker import wf_urlencode as linker_urlencode
from ..sanitizer import escape_id
from ..site import SiteConfig
from ..title import Title


def wf_urlencode(text: str) -> str:
    """PHP urlencode() with MediaWiki's readable exceptions (wfUrlencode)."""
    if " " in text:
        return quote_plus(text, safe=";@$!*(),/~:")
    return linker_urlencode(text)  # the same without spaces (DB keys), faster


def attr(text: str) -> str:
    """An attribute value as Html::element writes it (htmlspecialchars, ENT_QUOTES)."""
    return html.escape(text, quote=True).replace("&#x27;", "&#039;")


def text_html(text: str) -> str:
    """Element text as Html::element writes it."""
    return html.escape(text, quote=False)


def local_url(config: SiteConfig, title: Title, query: str = "") -> str:
    """Title::getLocalURL (without the fragment)."""
    if title.interwiki:
        iw = config.interwiki.get(title.interwiki)
        base = iw.url if iw else "$1"
        url = base.replace("$1", wf_urlencode(title.prefixed_dbkey.split(":", 1)[1]))
        if query:
            url += ("&" if "?" in url else "?") + query
        return url
    key = wf_urlencode(title.prefixed_dbkey)
    if not query:
        return config.article_path.replace("$1", key)
    return f"{config.script}?title={key}&{query}"


def link_url(config: SiteConfig, title: Title, query: str = "") -> str:
    """Title::getLinkURL: the local URL plus the escaped fragment."""
    url = local_url(config, title, query) if (title.dbkey or title.interwiki) else ""
    if title.fragment:
        mode = config.fragment_mode[0] if config.fragment_mode else "legacy"
        url += "#" + escape_id(title.fragment, mode)
    return url


def known_link(
    config: SiteConfig, title: Title, html_text: str | None = None, cls: str = ""
) -> str:
    """Linker::link( $title, $html, [], [], ['known', 'noclasses'] ) to a page that exists."""
    body = html_text if html_text is not None else text_html(title.full_text)
    c = f' class="{attr(cls)}"' if cls else ""
    return (
        f'<a href="{attr(link_url(config, title))}"{c} title="{attr(title.prefixed_text)}">'
        f"{body}</a>"
    )


def upload_url(config: SiteConfig, title: Title, query: str = "") -> str:
    """Linker::getUploadUrl: where to upload a missing file."""
    q = "wpDestFile=" + wf_urlencode(title.dbkey)
    if query:
        q += "&" + query
    nav = config.extra.get("wgUploadMissingFileUrl") or config.upload_navigation_url
    if nav:
        return nav + ("&" if "?" in nav else "?") + q
    special = config.namespaces.name(-1) or "Special"
    return f"{config.script}?title={wf_urlencode(special + ':Upload')}&{q}"
