"""pywikibot, set up as a user would (a family file or the api.php URL in user-config.py, a
password file, PYWIKIBOT_DIR), logs in, saves a new page and an edit, reads it back and lists
the history, with no warnings about the server. It runs in its own process, offline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    import io, json, sys
    import pywikibot
    from PIL import Image
    tag = sys.argv[1]
    site = pywikibot.Site()
    site.login()
    out = {"user": site.user(), "version": str(site.mw_version)}
    title = f"Pywikibot test page {tag}"
    page = pywikibot.Page(site, title)
    page.text = "Hello from pywikibot."
    page.save(summary="pywikibot create")
    again = pywikibot.Page(site, title)
    again.text = again.text + "\\nSecond line."
    again.save(summary="pywikibot edit")
    fresh = pywikibot.Page(site, title)
    out["text"] = fresh.get(force=True)
    out["history"] = [[r.revid, r.comment, r.user] for r in fresh.revisions()]
    out["exists"] = fresh.exists()
    # beyond the acceptance: a move and an upload (pywikibot's bare-LF multipart body)
    fresh.move(f"Pywikibot moved page {tag}", summary="pywikibot move")
    out["moved"] = pywikibot.Page(site, f"Pywikibot moved page {tag}").exists()
    buf = io.BytesIO()
    Image.new("RGB", (3, 2), (1, 2, len(tag))).save(buf, "PNG")
    open("upload.png", "wb").write(buf.getvalue())
    fp = pywikibot.FilePage(site, f"File:Pywikibot upload {tag}.png")
    out["uploaded"] = fp.upload("upload.png", summary="pywikibot upload", text="desc")
    fp = pywikibot.FilePage(site, f"File:Pywikibot upload {tag}.png")
    out["file"] = [fp.latest_file_info.width, fp.latest_file_info.height]
    print("RESULT " + json.dumps(out))
    """
)

FAMILY_FILE = """\
from pywikibot import family


class Family(family.Family):
    name = 'vellumtest'
    langs = {{'en': '{host}'}}

    def scriptpath(self, code):
        return ''

    def protocol(self, code):
        return 'http'
"""

CONFIG_COMMON = """
password_file = 'user-password.py'
put_throttle = 0
max_retries = 1
retry_wait = 1
socket_timeout = 60
"""


def _setup(d, server, how: str) -> tuple[str, str]:
    """Write PYWIKIBOT_DIR: an administrator with a family file, a plain user with the URL."""
    if how == "family file":
        user, password = server.user, server.password
        (d / "families").mkdir()
        (d / "families" / "vellumtest_family.py").write_text(
            FAMILY_FILE.format(host=f"{server.host}:{server.port}")
        )
        config = f"family = 'vellumtest'\nmylang = 'en'\nusernames['vellumtest']['en'] = {user!r}\n"
    else:
        user, password = server.plain_user, server.plain_password
        config = (
            f"family_files['vellumurl'] = '{server.url}/api.php'\n"
            "family = 'vellumurl'\nmylang = 'vellumurl'\n"
            f"usernames['vellumurl']['vellumurl'] = {user!r}\n"
        )
    (d / "user-config.py").write_text(config + CONFIG_COMMON)
    pw = d / "user-password.py"
    pw.write_text(f"({user!r}, {password!r})\n")
    pw.chmod(0o600)
    (d / "run.py").write_text(SCRIPT)
    return user, password


@pytest.mark.slow
@pytest.mark.parametrize("how", ["family file", "api url"])
def test_pywikibot_login_save_read_history(vellum_server, tmp_path, how):
    d = tmp_path / "pwb"
    d.mkdir()
    user, _ = _setup(d, vellum_server, how)
    tag = how.replace(" ", "")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYWIKIBOT")}
    env["PYWIKIBOT_DIR"] = str(d)
    out = subprocess.run(
        [sys.executable, "run.py", tag],
        cwd=d,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    log = out.stdout + out.stderr
    assert out.returncode == 0, log
    result = json.loads(next(ln for ln in out.stdout.splitlines() if ln.startswith("RESULT "))[7:])
    assert result["user"] == user
    assert result["version"].startswith("1.39.")
    assert result["text"] == "Hello from pywikibot.\nSecond line."
    assert result["exists"] is True
    comments = [c for _, c, _ in result["history"]]
    assert comments == ["pywikibot edit", "pywikibot create"]
    assert {u for _, _, u in result["history"]} == {user}
    ids = [r for r, _, _ in result["history"]]
    assert ids == sorted(ids, reverse=True)
    assert result["moved"] is True and result["uploaded"] is True
    assert result["file"] == [3, 2]
    warnings = [ln for ln in log.splitlines() if "WARNING" in ln or "ERROR" in ln]
    assert not warnings, log
