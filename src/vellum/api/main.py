"""ApiMain: the /api.php entry point (MediaWiki's ApiMain).

Reads the request's parameters (query string and POST body, POST winning), picks the module
named by `action`, checks rights, tokens, `assert` and the request method in MediaWiki's order,
runs the module and writes its result as JSON in formatversion 1 or 2. Errors are HTTP 200
with a `MediaWiki-API-Error` header; unknown parameters and values become warnings.
"""

from __future__ import annotations

import html
import json
import logging
import re
import secrets
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from . import multipart, registry, siteinfo, tokens, users
from .base import ApiModule
from .errors import ApiError
from .params import Param, ParamReader

log = logging.getLogger(__name__)

GENERATOR = "MediaWiki 1.39.17-vellum"
ANNOUNCE = (
    "Subscribe to the mediawiki-api-announce mailing list at "
    "<https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/> "
    "for notice of API deprecations and breaking changes."
)
_CALLBACK = re.compile(r"[\[\].\w]+", re.ASCII)


class MainModule(ApiModule):
    """The parameters every request may carry (ApiMain's own)."""

    name = "main"
    classname = "ApiMain"
    params = [
        Param("action", [], default="help"),  # type filled from the registry
        Param("format", ["json", "jsonfm", "none"], default="jsonfm"),
        Param("maxlag", "integer"),
        Param("smaxage", "integer", default=0),
        Param("maxage", "integer", default=0),
        Param("assert", ["anon", "bot", "user"]),
        Param("assertuser", "user"),
        Param("requestid", "string"),
        Param("servedby", "boolean"),
        Param("curtimestamp", "boolean"),
        Param("responselanginfo", "boolean"),
        Param("origin", "string"),
        Param("uselang", "string", default="user"),
        Param("variant", "string"),
        Param("errorformat", ["bc", "html", "none", "plaintext", "raw", "wikitext"], default="bc"),
        Param("errorlang", "string", default="uselang"),
        Param("errorsuselocal", "boolean"),
    ]

    @classmethod
    def all_params(cls) -> list[Param]:
        out = list(cls.params)
        actions = registry.action_names()
        out[0] = Param("action", actions, default="help", submodules={a: a for a in actions})
        out[1] = Param(
            "format",
            ["json", "jsonfm", "none"],
            default="jsonfm",
            submodules={f: f for f in ("json", "jsonfm", "none")},
        )
        return out


class JsonFormat(ApiModule):
    """Output formatting parameters (ApiFormatJson)."""

    name = "json"
    group = "format"
    classname = "ApiFormatJson"
    params = [
        Param("callback", "string"),
        Param("utf8", "boolean"),
        Param("ascii", "boolean"),
        Param("formatversion", ["1", "2", "latest"], default="1"),
    ]


class ApiMain:
    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.raw: dict[str, str] = {}
        self.query_string_keys: set[str] = set(request.GET.keys())
        self.files: dict[str, Any] = {}
        self.used: set[str] = set()
        self.warnings: dict[str, list[tuple[str, str]]] = {}
        self.limits: dict[str, int] = {}
        self.result: dict[str, Any] = {}
        self.fv = 1
        self.errorformat = "bc"
        self.reader = ParamReader(self)
        self.module: ApiModule | None = None
        self._rights: list[str] | None = None
        self.anonymous_only = False  # JSONP requests run as an anonymous user
        self.raw_body: list[Any] | None = None  # a module's non-object result (opensearch)
        self.html_body: str | None = None  # action=help in a browser
        self.xml_body: str | None = None  # action=query&exportnowrap

    # -- request values
    def load(self) -> None:
        for key in self.request.GET:
            self.raw[key] = self.request.GET[key]
        if self.request.method != "POST":
            return
        content_type = self.request.META.get("CONTENT_TYPE", "")
        if content_type.lower().startswith("multipart/form-data"):
            form = self._multipart(content_type)
            self.raw.update(form.fields)
            self.files = dict(form.files)
            return
        for key in self.request.POST:
            self.raw[key] = self.request.POST[key]

    def _multipart(self, content_type: str) -> multipart.Form:
        boundary = multipart.boundary_of(content_type)
        try:
            length = int(self.request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > multipart.MAX_BODY:
            raise RequestDataTooBig("multipart body too large")
        body = self.request.read(multipart.MAX_BODY + 1)
        if len(body) > multipart.MAX_BODY:
            raise RequestDataTooBig("multipart body too large")
        if boundary is None:
            return multipart.Form()
        try:
            return multipart.parse(body, boundary)
        except multipart.MultipartError:
            return multipart.Form()

    def get_raw(self, name: str) -> str | None:
        self.used.add(name)
        return self.raw.get(name)

    def get_file(self, name: str) -> Any:
        self.used.add(name)
        return self.files.get(name)

    def was_posted(self) -> bool:
        return self.request.method == "POST"

    # -- user
    @property
    def user(self) -> Any:
        if self.anonymous_only:
            from django.contrib.auth.models import AnonymousUser

            return AnonymousUser()
        return self.request.user

    def rights(self) -> list[str]:
        if self._rights is None:
            self._rights = users.user_rights(self.user)
        return self._rights

    def check_token(self, token_type: str, value: str) -> bool:
        """Is `value` the session's token of `token_type`? Never under JSONP."""
        if self.anonymous_only:
            return False
        return tokens.check_token(self.request, token_type, value, self.user)

    def reset_user_cache(self) -> None:
        self._rights = None

    def has_right(self, right: str) -> bool:
        return right in self.rights()

    def has_high_limits(self) -> bool:
        return self.has_right("apihighlimits")

    def user_name(self) -> str:
        return users.display_name(self.user, self.request)

    # -- output helpers
    def warn(self, module: str, text: str, code: str = "warning") -> None:
        lst = self.warnings.setdefault(module, [])
        if (code, text) not in lst:
            lst.append((code, text))

    def deprecate(self, module: str, text: str) -> None:
        self.warn(module, text, "deprecation")
        self.warn("main", ANNOUNCE, "deprecation-help")

    def set_limit(self, module: str, n: int) -> None:
        self.limits[module] = n

    def namespace_ids(self) -> set[int]:
        return set(siteinfo.namespaces().ids())

    def flag(self, d: dict[str, Any], key: str, value: bool = True) -> None:
        """A flag that is only present when true (fv1 `""`, fv2 `true`)."""
        if value:
            d[key] = True if self.fv == 2 else ""

    def boolean(self, d: dict[str, Any], key: str, value: bool) -> None:
        """A boolean that fv2 always writes and fv1 writes as a flag."""
        if self.fv == 2:
            d[key] = bool(value)
        elif value:
            d[key] = ""

    def content(self, d: dict[str, Any], fv2_key: str, text: str) -> None:
        """Text content: key `*` in fv1, a named key in fv2."""
        d["*" if self.fv == 1 else fv2_key] = text

    def server(self) -> str:
        return siteinfo.server(self.request)

    # -- running
    def execute(self) -> HttpResponse:
        try:
            self.load()
        except RequestDataTooBig:
            return self._respond_error(
                ApiError("contenttoobig", "The request is larger than this wiki accepts.")
            )
        main = MainModule(self)
        fmt = JsonFormat(self)
        try:
            fv = self.raw.get("formatversion", "1")
            self.fv = 2 if fv in ("2", "latest") else 1
            if self.raw.get("errorformat") in ("html", "none", "plaintext", "raw", "wikitext"):
                self.errorformat = self.raw["errorformat"]
            fmt.values()
            if fmt.p("callback") is not None:
                if not _CALLBACK.fullmatch(fmt.p("callback")):
                    raise ApiError("badvalue", "Invalid callback name.")
                self.anonymous_only = True
            main.values()
            action = main.p("action")
            module_cls = registry.action(action)
            if module_cls is None:
                raise ApiError("badvalue", f'Unrecognized value for parameter "action": {action}.')
            module = module_cls(self)
            self.module = module
            self._check_maxlag(main)
            self._check_token(module)
            self._check_permissions(module)
            self._check_asserts(main)
            module.execute()
            self._report_unused()
        except ApiError as e:
            return self._respond_error(e, main, fmt)
        except Exception as e:  # a bug must not become an HTTP 500 that clients retry for ever
            request_id = secrets.token_hex(8)
            log.exception("API request %s failed", request_id)
            return self._respond_error(
                ApiError(
                    f"internal_api_error_{type(e).__name__}",
                    f"[{request_id}] Caught exception of type {type(e).__name__}.",
                    {"errorclass": type(e).__name__},
                )
            )
        return self._respond(self.result, main, fmt)

    def _check_maxlag(self, main: ApiModule) -> None:
        """Vellum has no replicas: the lag is 0, so only a negative `maxlag` is exceeded."""
        maxlag = main.p("maxlag")
        if maxlag is not None and maxlag < 0:
            raise ApiError(
                "maxlag",
                "Waiting for a database server: 0 seconds lagged.",
                {"host": "localhost", "lag": 0, "type": "db"},
            )

    def _check_token(self, module: ApiModule) -> None:
        if not module.token:
            return
        value = self.get_raw("token")
        if value is None:
            raise ApiError("missingparam", 'The "token" parameter must be set.')
        if "token" in self.query_string_keys:
            raise ApiError(
                "mustpostparams",
                "The following parameter was found in the query string, but must be in the "
                "POST body: token.",
            )
        if not self.check_token(module.token, value):
            raise ApiError("badtoken", "Invalid CSRF token.")

    def _check_permissions(self, module: ApiModule) -> None:
        if module.read_rights and not self.has_right("read"):
            raise ApiError("readapidenied", "You need read permission to use this module.")
        if module.write and not self.has_right("writeapi"):
            raise ApiError(
                "writeapidenied", "You're not allowed to edit this wiki through the API."
            )
        if module.must_be_posted and not self.was_posted():
            raise ApiError("mustbeposted", f'The "{module.name}" module requires a POST request.')

    def _check_asserts(self, main: ApiModule) -> None:
        what = main.p("assert")
        anon = not self.user.is_authenticated
        if what == "user" and anon:
            raise ApiError(
                "assertuserfailed",
                "You are no longer logged in, so the action could not be completed.",
            )
        if what == "anon" and not anon:
            raise ApiError(
                "assertanonfailed",
                "You are no longer logged out, so the action could not be completed.",
            )
        if what == "bot" and not self.has_right("bot"):
            raise ApiError(
                "assertbotfailed",
                'You do not have the "bot" right, so the action could not be completed.',
            )
        name = main.p("assertuser")
        if name is not None and users.canonical_name(name) != self.user_name():
            raise ApiError(
                "assertnameduserfailed",
                f'You are no longer logged in as "{name}", so the action could not be completed.',
            )

    def _report_unused(self) -> None:
        unused = [k for k in self.raw if k not in self.used]
        if unused:
            word = "parameter" if len(unused) == 1 else "parameters"
            self.warn("main", f"Unrecognized {word}: {', '.join(unused)}.", "unrecognizedparams")

    # -- output
    def _docref(self) -> str:
        url = self.server() + siteinfo.script_path() + "/api.php"
        return html.escape(f"See {url} for API usage. {ANNOUNCE}", quote=False)

    def _warnings_out(self) -> Any:
        if self.errorformat != "bc":
            return [
                {"code": code, "text": text, "module": _path(module)}
                for module, items in self.warnings.items()
                for code, text in items
            ]
        out: dict[str, Any] = {}
        for module, items in self.warnings.items():
            text = "\n".join(t for _, t in items)
            out[module] = {"warnings": text} if self.fv == 2 else {"*": text}
        return out

    def _respond_error(
        self, e: ApiError, main: ApiModule | None = None, fmt: ApiModule | None = None
    ) -> HttpResponse:
        body: dict[str, Any] = {}
        if self.warnings:
            body["warnings"] = self._warnings_out()
        if self.errorformat == "bc":
            err: dict[str, Any] = {"code": e.code, "info": e.info}
            err.update(e.extra)
            err["*" if self.fv == 1 else "docref"] = self._docref()
            body["error"] = err
        else:
            module = e.module if e.module != "main" or not self.module else self.module.path()
            item: dict[str, Any] = {"code": e.code, "text": e.info, "module": module}
            if e.extra:
                item["data"] = e.extra
            body["errors"] = [item]
            body["docref"] = self._docref()
        headers = {"MediaWiki-API-Error": ", ".join((e.code, *e.header_codes))}
        if e.code == "maxlag":
            headers["Retry-After"] = "5"
            headers["X-Database-Lag"] = "0"
        return self._http(body, headers)

    def _respond(self, result: dict[str, Any], main: ApiModule, fmt: ApiModule) -> HttpResponse:
        if self.raw_body is not None:
            return self._http(self.raw_body, {})
        if self.xml_body is not None:
            return _secure(HttpResponse(self.xml_body, content_type="text/xml; charset=utf-8"))
        if self.html_body is not None:
            page = (
                '<!DOCTYPE html><html><head><meta charset="utf-8"><title>MediaWiki API help'
                "</title></head><body><h1>MediaWiki API help</h1>"
                + self.html_body
                + "</body></html>"
            )
            return _secure(HttpResponse(page, content_type="text/html; charset=utf-8"))
        body: dict[str, Any] = {}
        if self.warnings:
            body["warnings"] = self._warnings_out()
        body.update(result)
        if self.limits:
            body["limits"] = dict(self.limits)
        if main.p("requestid") is not None:
            body["requestid"] = main.p("requestid")
        if main.p("servedby"):
            body["servedby"] = "vellum"
        if main.p("curtimestamp"):
            from datetime import UTC, datetime

            from .timestamps import iso

            body["curtimestamp"] = iso(datetime.now(UTC))
        return self._http(body, {})

    def _http(self, body: Any, headers: dict[str, str]) -> HttpResponse:
        fmt = self.raw.get("format", "jsonfm")
        ascii_only = self.fv == 1 and "utf8" not in self.raw
        if "ascii" in self.raw:
            ascii_only = True
        text = json.dumps(body, ensure_ascii=ascii_only, separators=(",", ":"))
        callback = self.raw.get("callback")
        if callback and _CALLBACK.fullmatch(callback):
            resp = HttpResponse(
                f"/**/{callback}({text})", content_type="text/javascript; charset=utf-8"
            )
        elif fmt == "jsonfm":
            pretty = json.dumps(body, ensure_ascii=False, indent=4)
            page = (
                '<!DOCTYPE html><html><head><meta charset="utf-8"><title>MediaWiki API result'
                "</title></head><body><p>This is the HTML representation of the JSON format. "
                "Use <code>format=json</code> for the JSON itself.</p><pre>"
                + html.escape(pretty)
                + "</pre></body></html>"
            )
            resp = HttpResponse(page, content_type="text/html; charset=utf-8")
        elif fmt == "none":
            resp = HttpResponse(b"", content_type="text/plain; charset=utf-8")
        else:
            resp = HttpResponse(text, content_type="application/json; charset=utf-8")
        for k, v in headers.items():
            resp[k] = v
        return _secure(resp)


def _path(module: str) -> str:
    """A module's path for errorformat output: query submodules are `query+<name>`."""
    return f"query+{module}" if module in registry.QUERY else module


def _secure(resp: HttpResponse) -> HttpResponse:
    """Headers of every answer: private, never sniffed as another type, never framed."""
    resp["Cache-Control"] = "private, must-revalidate, max-age=0"
    resp["X-Content-Type-Options"] = "nosniff"
    resp["X-Frame-Options"] = "DENY"
    return resp


@csrf_exempt
def api_view(request: HttpRequest) -> HttpResponse:
    """Django view for /api.php."""
    return ApiMain(request).execute()
