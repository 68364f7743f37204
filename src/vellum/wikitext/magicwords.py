"""Magic word variables: `{{PAGENAME}}`, `{{CURRENTYEAR}}`, `{{SITENAME}}`, `{{!}}`, ...

Their names and case sensitivity are MediaWiki 1.39's (MessagesEn.php); values come from
the page title, the Site's settings and statistics, the render options (revision, fixed
clock `options.now`) as CoreMagicVariables does. Date words use the content language
(English) and UTC, as $wgLocaltimezone = 'UTC'.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .context import ParserContext
    from .preprocessor.frame import Frame

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_ABBR = [m[:3] for m in MONTHS]
WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

# id -> (case sensitive, synonyms)
VARIABLE_WORDS: dict[str, tuple[bool, tuple[str, ...]]] = {
    "!": (True, ("!",)),
    "currentmonth": (True, ("CURRENTMONTH", "CURRENTMONTH2")),
    "currentmonth1": (True, ("CURRENTMONTH1",)),
    "currentmonthname": (True, ("CURRENTMONTHNAME",)),
    "currentmonthnamegen": (True, ("CURRENTMONTHNAMEGEN",)),
    "currentmonthabbrev": (True, ("CURRENTMONTHABBREV",)),
    "currentday": (True, ("CURRENTDAY",)),
    "currentday2": (True, ("CURRENTDAY2",)),
    "currentdayname": (True, ("CURRENTDAYNAME",)),
    "currentyear": (True, ("CURRENTYEAR",)),
    "currenttime": (True, ("CURRENTTIME",)),
    "currenthour": (True, ("CURRENTHOUR",)),
    "currentweek": (True, ("CURRENTWEEK",)),
    "currentdow": (True, ("CURRENTDOW",)),
    "currenttimestamp": (True, ("CURRENTTIMESTAMP",)),
    "localmonth": (True, ("LOCALMONTH", "LOCALMONTH2")),
    "localmonth1": (True, ("LOCALMONTH1",)),
    "localmonthname": (True, ("LOCALMONTHNAME",)),
    "localmonthnamegen": (True, ("LOCALMONTHNAMEGEN",)),
    "localmonthabbrev": (True, ("LOCALMONTHABBREV",)),
    "localday": (True, ("LOCALDAY",)),
    "localday2": (True, ("LOCALDAY2",)),
    "localdayname": (True, ("LOCALDAYNAME",)),
    "localyear": (True, ("LOCALYEAR",)),
    "localtime": (True, ("LOCALTIME",)),
    "localhour": (True, ("LOCALHOUR",)),
    "localweek": (True, ("LOCALWEEK",)),
    "localdow": (True, ("LOCALDOW",)),
    "localtimestamp": (True, ("LOCALTIMESTAMP",)),
    "numberofpages": (True, ("NUMBEROFPAGES",)),
    "numberofarticles": (True, ("NUMBEROFARTICLES",)),
    "numberoffiles": (True, ("NUMBEROFFILES",)),
    "numberofusers": (True, ("NUMBEROFUSERS",)),
    "numberofactiveusers": (True, ("NUMBEROFACTIVEUSERS",)),
    "numberofedits": (True, ("NUMBEROFEDITS",)),
    "numberofadmins": (True, ("NUMBEROFADMINS",)),
    "pagename": (True, ("PAGENAME",)),
    "pagenamee": (True, ("PAGENAMEE",)),
    "fullpagename": (True, ("FULLPAGENAME",)),
    "fullpagenamee": (True, ("FULLPAGENAMEE",)),
    "basepagename": (True, ("BASEPAGENAME",)),
    "basepagenamee": (True, ("BASEPAGENAMEE",)),
    "rootpagename": (True, ("ROOTPAGENAME",)),
    "rootpagenamee": (True, ("ROOTPAGENAMEE",)),
    "subpagename": (True, ("SUBPAGENAME",)),
    "subpagenamee": (True, ("SUBPAGENAMEE",)),
    "talkpagename": (True, ("TALKPAGENAME",)),
    "talkpagenamee": (True, ("TALKPAGENAMEE",)),
    "subjectpagename": (True, ("SUBJECTPAGENAME", "ARTICLEPAGENAME")),
    "subjectpagenamee": (True, ("SUBJECTPAGENAMEE", "ARTICLEPAGENAMEE")),
    "namespace": (True, ("NAMESPACE",)),
    "namespacee": (True, ("NAMESPACEE",)),
    "namespacenumber": (True, ("NAMESPACENUMBER",)),
    "talkspace": (True, ("TALKSPACE",)),
    "talkspacee": (True, ("TALKSPACEE",)),
    "subjectspace": (True, ("SUBJECTSPACE", "ARTICLESPACE")),
    "subjectspacee": (True, ("SUBJECTSPACEE", "ARTICLESPACEE")),
    "sitename": (True, ("SITENAME",)),
    "server": (False, ("SERVER",)),
    "servername": (False, ("SERVERNAME",)),
    "scriptpath": (False, ("SCRIPTPATH",)),
    "stylepath": (False, ("STYLEPATH",)),
    "articlepath": (False, ("ARTICLEPATH",)),
    "pageid": (False, ("PAGEID",)),
    "revisionid": (True, ("REVISIONID",)),
    "revisionday": (True, ("REVISIONDAY",)),
    "revisionday2": (True, ("REVISIONDAY2",)),
    "revisionmonth": (True, ("REVISIONMONTH",)),
    "revisionmonth1": (True, ("REVISIONMONTH1",)),
    "revisionyear": (True, ("REVISIONYEAR",)),
    "revisiontimestamp": (True, ("REVISIONTIMESTAMP",)),
    "revisionuser": (True, ("REVISIONUSER",)),
    "revisionsize": (True, ("REVISIONSIZE",)),
    "currentversion": (True, ("CURRENTVERSION",)),
    "directionmark": (True, ("DIRECTIONMARK", "DIRMARK")),
    "contentlanguage": (True, ("CONTENTLANGUAGE", "CONTENTLANG")),
    "pagelanguage": (True, ("PAGELANGUAGE",)),
    "cascadingsources": (True, ("CASCADINGSOURCES",)),
}

_SENSITIVE: dict[str, str] = {}
_INSENSITIVE: dict[str, str] = {}
for _id, (_cs, _syns) in VARIABLE_WORDS.items():
    for _syn in _syns:
        if _cs:
            _SENSITIVE[_syn] = _id
        else:
            _INSENSITIVE[_syn.lower()] = _id


# RenderResult flag: the output shows the current time ({{CURRENTTIME}}, #time without a
# date), so a cached rendering must expire (MediaWiki trims the parser cache expiry to 3600 s)
USES_CURRENT_TIME = "uses-current-time"


def match_variable(text: str) -> str | None:
    """The variable id whose synonym is the whole of `text` (MagicWordArray::matchStartToEnd)."""
    found = _SENSITIVE.get(text)
    if found is None:
        found = _INSENSITIVE.get(text.lower())
    return found


def now(ctx: ParserContext) -> float:
    """The render's clock: options.now when fixed, else the time of the first call."""
    if ctx.options.now is not None:
        return float(ctx.options.now)
    cached = ctx.ext_state.get("clock")
    if cached is None:
        cached = time.time()
        ctx.ext_state["clock"] = cached
    return cached


def _dt(ctx: ParserContext) -> datetime:
    return datetime.fromtimestamp(now(ctx), tz=UTC)


def format_num(value: int | float | str) -> str:
    """Language::formatNum for English: thousands separators."""
    s = str(value)
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    int_part, dot, frac = s.partition(".")
    if int_part.isdigit() and len(int_part) > 3:
        groups = []
        while len(int_part) > 3:
            groups.insert(0, int_part[-3:])
            int_part = int_part[:-3]
        groups.insert(0, int_part)
        int_part = ",".join(groups)
    return ("-" if neg else "") + int_part + dot + frac


def _i18n():
    from .functions import dates_i18n

    return dates_i18n


def _lang(ctx: ParserContext) -> str:
    return (ctx.options.language or ctx.config.language or "en").lower()


def _date_words(dt_fn: Callable[[ParserContext], datetime]) -> dict[str, Callable]:
    return {
        "month": lambda c: f"{dt_fn(c).month:02d}",
        "month1": lambda c: str(dt_fn(c).month),
        "monthname": lambda c: _i18n().month_name(_lang(c), dt_fn(c).month),
        "monthnamegen": lambda c: _i18n().month_name_genitive(_lang(c), dt_fn(c).month),
        "monthabbrev": lambda c: _i18n().month_abbreviation(_lang(c), dt_fn(c).month),
        "day": lambda c: str(dt_fn(c).day),
        "day2": lambda c: f"{dt_fn(c).day:02d}",
        "dayname": lambda c: _i18n().weekday_name(_lang(c), (dt_fn(c).weekday() + 1) % 7),
        "year": lambda c: str(dt_fn(c).year),
        "time": lambda c: dt_fn(c).strftime("%H:%M"),
        "hour": lambda c: f"{dt_fn(c).hour:02d}",
        "week": lambda c: str(dt_fn(c).isocalendar()[1]),
        "dow": lambda c: str((dt_fn(c).weekday() + 1) % 7),
        "timestamp": lambda c: dt_fn(c).strftime("%Y%m%d%H%M%S"),
    }


def _stat(key: str) -> Callable[[ParserContext], str]:
    def fn(ctx: ParserContext) -> str:
        stats = ctx.site.statistics()
        value = stats.get(key)
        if value is None and key == "files":
            # A Site without statistics: count the files it knows (MemorySite).
            value = len(getattr(ctx.site, "files", None) or ())
        return format_num(int(value or 0))

    return fn


def current_revision_exists(ctx: ParserContext) -> bool:
    """Whether the page being rendered is its own saved current revision (not a preview).
    The parser tests' `lastsavedrevision` option says so for a test."""
    if "lastsavedrevision" in ctx.options.test_options:
        return True
    if ctx.options.revision_id is None or ctx.options.preview:
        return False
    try:
        return ctx.site.page_text(ctx.title) is not None
    except Exception:  # the Site is the wiki's; a lookup failure means "unknown"
        return False


def revision_user(ctx: ParserContext) -> str:
    """Parser::getRevisionUser: the saved revision's author, or the editor in a preview."""
    if ctx.options.revision_user:
        return ctx.options.revision_user
    if "lastsavedrevision" in ctx.options.test_options:
        return "127.0.0.1"  # the parser-test runner saves it as an anonymous editor
    if ctx.options.preview and ctx.options.user_name:
        return ctx.options.user_name
    return ""


def revision_datetime(ctx: ParserContext) -> datetime | None:
    """Parser::getRevisionTimestamp: the saved revision's time, else the render's clock."""
    ts = ctx.options.revision_timestamp
    if ts:
        try:
            return datetime.strptime(ts[:14], "%Y%m%d%H%M%S").replace(tzinfo=UTC)
        except ValueError:
            return None
    return _dt(ctx)


def _simple_variables() -> dict[str, Callable[[ParserContext], str]]:
    words: dict[str, Callable[[ParserContext], str]] = {}
    for prefix in ("current", "local"):
        for suffix, fn in _date_words(_dt).items():
            words[prefix + suffix] = fn
    words.update(
        {
            "!": lambda c: "|",
            "numberofpages": _stat("pages"),
            "numberofarticles": _stat("articles"),
            "numberoffiles": _stat("files"),
            "numberofusers": _stat("users"),
            "numberofactiveusers": _stat("activeusers"),
            "numberofedits": _stat("edits"),
            "numberofadmins": _stat("admins"),
            "sitename": lambda c: c.config.sitename,
            "server": lambda c: c.config.server,
            "servername": lambda c: c.config.server_name,
            "scriptpath": lambda c: c.config.script_path,
            "stylepath": lambda c: c.config.style_path,
            "articlepath": lambda c: c.config.article_path,
            "revisionsize": lambda c: "0",
            "currentversion": lambda c: "1.39.0",
            "directionmark": lambda c: "\u200e",
            "contentlanguage": lambda c: c.options.language or c.config.language,
            "pagelanguage": lambda c: c.options.language or c.config.language,
        }
    )
    return words


VARIABLES = _simple_variables()


def expand_variable(ctx: ParserContext, frame: Frame, var_id: str) -> str:
    """The value of a variable (Parser::expandMagicVariable), cached for the render."""
    cache: dict[str, str] = ctx.ext_state.setdefault("variable_cache", {})
    if var_id in cache:
        return cache[var_id]
    fn = VARIABLES.get(var_id)
    if fn is not None:
        value = fn(ctx)
    else:
        from .functions import FUNCTIONS, load

        load()
        hook = FUNCTIONS.get(var_id)
        value = hook.fn(ctx) if hook is not None else ""
    if var_id.startswith(("current", "local")) and var_id != "currentversion":
        ctx.ext_state["volatile_time"] = True
        # the rendering is only valid for a while (CoreMagicVariables' cache expiry)
        ctx.output.flags.add(USES_CURRENT_TIME)
    cache[var_id] = value
    return value
