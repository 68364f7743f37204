"""Special:Random: a random content page (non-redirect, main namespace), as MediaWiki picks
it with page_random."""

from __future__ import annotations

import random as _random

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from ...models import Page
from ...services.titles import namespaces
from ..common import wiki_url


def view(request: HttpRequest, sub: str) -> HttpResponse:
    ns = namespaces().lookup(sub) if sub else 0
    qs = Page.objects.filter(namespace=ns or 0, is_redirect=False)
    r = _random.random()
    page = qs.filter(random__gte=r).order_by("random").first() or qs.order_by("random").first()
    if page is None:
        return HttpResponseRedirect(wiki_url("Main Page"))
    from ...services.titles import title_of

    return HttpResponseRedirect(wiki_url(title_of(page)))
