"""The `vellum` command: serve | createuser | render | diff | import | export | rebuild.

Each sub-command's arguments are declared here (they are a public interface); the work is
done by the package that owns it, imported lazily so `vellum render` never loads Django.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _data_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", default=None, help="data directory (default: $VELLUM_DATA or ./var)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vellum", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("serve", help="run the wiki (production server, several workers)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: 2*cores)")
    _data_arg(p)

    p = sub.add_parser("createuser", help="create a user account")
    p.add_argument("name")
    p.add_argument("--password", required=True)
    p.add_argument("--admin", action="store_true", help="make the user an administrator")
    _data_arg(p)

    p = sub.add_parser("render", help="wikitext on stdin -> HTML on stdout")
    p.add_argument("--title", default="Main Page")
    p.add_argument("--batch", action="store_true", help="JSON-lines protocol of the parser tests")

    p = sub.add_parser("diff", help="word-level diff of two files, or --batch (diffcheck protocol)")
    p.add_argument("old", nargs="?")
    p.add_argument("new", nargs="?")
    p.add_argument("--format", choices=["table", "inline", "json"], default="table")
    p.add_argument("--context", type=int, default=2)
    p.add_argument("--batch", action="store_true", help="JSON-lines protocol of diffcheck")

    p = sub.add_parser(
        "import", help="import a MediaWiki XML dump (plain, .gz, .bz2, .xz, .lzma, -)"
    )
    p.add_argument("file")
    p.add_argument("--no-progress", action="store_true")
    _data_arg(p)

    p = sub.add_parser("export", help="export pages as MediaWiki XML (0.11)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--full", action="store_true", help="every revision (default)")
    g.add_argument("--current", action="store_true", help="only the latest revision")
    p.add_argument("--namespace", type=int, action="append", default=None)
    p.add_argument("--pages", nargs="+", default=None, metavar="TITLE")
    p.add_argument("-o", "--output", default=None)
    _data_arg(p)

    p = sub.add_parser(
        "rebuild", help="rebuild link tables, categories, search index, recent changes"
    )
    p.add_argument("--no-progress", action="store_true")
    _data_arg(p)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    cmd = args.command
    if cmd == "render":
        from vellum.wikitext.cli import run_render

        return run_render(args)
    if cmd == "diff":
        from vellum.diff.cli import run_diff

        return run_diff(args)
    if cmd in ("import", "export"):
        from vellum.dumps import commands

        return commands.run_import(args) if cmd == "import" else commands.run_export(args)
    from vellum.wiki import commands as wiki_commands

    return getattr(wiki_commands, cmd)(args)


if __name__ == "__main__":
    sys.exit(main())
