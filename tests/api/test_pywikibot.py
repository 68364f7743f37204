"""pywikibot, set up as a user would (user-config.py with the wiki's api.php URL, a password
file, PYWIKIBOT_DIR), logs in, saves a new page and an edit, reads it back and lists the
history, with no warnings about the server. It runs in its own process, offline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    import json, sys
    import pywikibot
    site = pywikibot.Site()
    site.login()
    out = {"user": site.user()}
    page = pywikibot.Page(site, "Pywikibot test page")
    page.text = "Hello from pywikibot."
    page.save(summary="pywikibot create")
    again = pywikibot.Page(site, "Pywikibot test page")
    again.text = again.text + "\\nSecond line."
    again.save(summary="pywikibot edit")
    fresh = pywikibot.Page(site, "Pywikibot test page")
    out["text"] = fresh.get(force=True)
    out["history"] = [[r.revid, r.comment, r.user] for r in fresh.revisions()]
    out["exists"] = fresh.exists()
    # beyond the acceptance: a move and an upload (pywikibot's bare-LF multipart body)
    fresh.move("Pywikibot moved page", summary="pywikibot move")
    out["moved"] = pywikibot.Page(site, "Pywikibot moved page").exists()
    import io
    from PIL import Image
    buf = io.BytesIO()
    Image.new("RGB", (3, 2), (1, 2, 3)).save(buf, "PNG")
    open("upload.png", "wb").write(buf.getvalue())
    fp = pywikibot.FilePage(site, "File:Pywikibot upload.png")
    out["uploaded"] = fp.upload("upload.png", summary="pywikibot upload", text="desc")
    fp = pywikibot.FilePage(site, "File:Pywikibot upload.png")
    out["file"] = [fp.latest_file_info.width, fp.latest_file_info.height]
    print("RESULT " + json.dumps(out))
    """
)


@pytest.mark.slow
def test_pywikibot_login_save_read_history(vellum_server, tmp_path):
    d = tmp_path / "pwb"
    d.mkdir()
    (d / "user-config.py").write_text(
        textwrap.dedent(
            f"""
            family_files['vellumtest'] = '{vellum_server.url}/api.php'
            family = 'vellumtest'
            mylang = 'vellumtest'
            usernames['vellumtest']['vellumtest'] = {vellum_server.user!r}
            password_file = 'user-password.py'
            put_throttle = 0
            max_retries = 1
            retry_wait = 1
            socket_timeout = 60
            """
        )
    )
    pw = d / "user-password.py"
    pw.write_text(f"({vellum_server.user!r}, {vellum_server.password!r})\n")
    pw.chmod(0o600)
    (d / "run.py").write_text(SCRIPT)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYWIKIBOT")}
    env["PYWIKIBOT_DIR"] = str(d)
    out = subprocess.run(
        [sys.executable, "run.py"], cwd=d, env=env, capture_output=True, text=True, timeout=600
    )
    log = out.stdout + out.stderr
    assert out.returncode == 0, log
    result = json.loads(next(ln for ln in out.stdout.splitlines() if ln.startswith("RESULT "))[7:])
    assert result["user"] == vellum_server.user
    assert result["text"] == "Hello from pywikibot.\nSecond line."
    assert result["exists"] is True
    comments = [c for _, c, _ in result["history"]]
    assert comments == ["pywikibot edit", "pywikibot create"]
    assert {u for _, _, u in result["history"]} == {vellum_server.user}
    ids = [r for r, _, _ in result["history"]]
    assert ids == sorted(ids, reverse=True)
    assert result["moved"] is True and result["uploaded"] is True
    assert result["file"] == [3, 2]
    warnings = [ln for ln in log.splitlines() if "WARNING" in ln or "ERROR" in ln]
    assert not warnings, log
