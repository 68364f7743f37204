"""Special:UserLogin, Special:UserLogout, Special:CreateAccount."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

from ...services.errors import EditError
from ...services.users import create_user, has_right, normalize_user_name
from ..common import render, skin_context, wiki_url


def _return_to(request: HttpRequest) -> str:
    target = request.POST.get("returnto") or request.GET.get("returnto") or "Main Page"
    url = wiki_url(target)
    if not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}):
        url = wiki_url("Main Page")
    return url


def login(request: HttpRequest, sub: str) -> HttpResponse:
    ctx = skin_context(request, None, heading="Log in", action="special")
    ctx["returnto"] = request.POST.get("returnto") or request.GET.get("returnto", "")
    if request.method == "POST":
        name = request.POST.get("wpName", "")
        try:
            name = normalize_user_name(name)
        except EditError:
            pass
        user = authenticate(request, username=name, password=request.POST.get("wpPassword", ""))
        if user is not None:
            auth_login(request, user)
            return HttpResponseRedirect(_return_to(request))
        ctx["error"] = "Incorrect username or password entered. Please try again."
        ctx["name"] = request.POST.get("wpName", "")
        return render(request, "wiki/special/userlogin.html", ctx, status=401)
    return render(request, "wiki/special/userlogin.html", ctx)


def logout(request: HttpRequest, sub: str) -> HttpResponse:
    if request.method == "POST":
        auth_logout(request)
        return HttpResponseRedirect(_return_to(request))
    ctx = skin_context(request, None, heading="Log out", action="special")
    return render(request, "wiki/special/userlogout.html", ctx)


def create_account(request: HttpRequest, sub: str) -> HttpResponse:
    ctx = skin_context(request, None, heading="Create account", action="special")
    if not has_right(request.user, "createaccount"):
        ctx["error"] = "You do not have permission to create accounts."
        return render(request, "wiki/special/createaccount.html", ctx, status=403)
    if request.method == "POST":
        p = request.POST
        ctx["name"] = p.get("wpName", "")
        if p.get("wpPassword", "") != p.get("wpRetype", ""):
            ctx["error"] = "The passwords you entered do not match."
        elif len(p.get("wpPassword", "")) < 8:
            ctx["error"] = "Passwords must be at least 8 characters."
        else:
            try:
                creator = request.user if request.user.is_authenticated else None
                user = create_user(p.get("wpName", ""), p["wpPassword"], creator=creator)
            except EditError as e:
                ctx["error"] = e.message
            else:
                if creator is None:
                    auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                return HttpResponseRedirect(_return_to(request))
        return render(request, "wiki/special/createaccount.html", ctx, status=400)
    return render(request, "wiki/special/createaccount.html", ctx)
