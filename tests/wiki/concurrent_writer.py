"""A writer process for test_concurrency: edits its own line of a shared page many times
(and sometimes a line every writer touches), recording what the edit service answered."""

from __future__ import annotations

import json
import random
import sys
import time


def main() -> None:
    worker, edits, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    import django

    django.setup()
    from vellum.wiki.models import Page
    from vellum.wiki.services import EditConflict
    from vellum.wiki.services.editing import edit_page
    from vellum.wiki.services.users import actor_for_name

    actor = actor_for_name(f"192.0.2.{worker + 1}")
    # start together: every writer is ready (Django loaded) before any edit is made
    from pathlib import Path

    outdir = Path(out).parent
    (outdir / f"ready{worker}").touch()
    deadline = time.monotonic() + 120
    while not (outdir / "go").exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    rng = random.Random(worker)
    results = []
    for i in range(edits):
        page = Page.objects.select_related("latest__content").get(title="Shared")
        base_id, lines = page.latest_id, page.latest.content.text.split("\n")
        lines[2 * worker] = f"worker {worker} edit {i}"
        contended = i % 5 == 4
        if contended:
            lines[-1] = f"last line by {worker} at {i}"
        time.sleep(rng.random() * 0.01)
        try:
            r = edit_page(
                "Shared", "\n".join(lines), None, actor=actor, base_revision_id=base_id, pst=False
            )
            results.append({"i": i, "rev": r.revision_id, "merged": r.merged, "null": r.null_edit})
        except EditConflict:
            results.append({"i": i, "conflict": True, "contended": contended})
    with open(out, "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
