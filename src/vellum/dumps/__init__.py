"""MediaWiki XML dumps (export format 0.3 to 0.11): a streaming reader and a 0.11 writer.

Pure library (no Django). `open_dump(path_or_stream)` yields the site information and the
pages with their revisions; `DumpWriter` writes the 0.11 format as MediaWiki 1.39's
XmlDumpWriter does. The database side lives in `vellum.wiki.services.importing` and
`vellum.wiki.services.exporting`; the command line in `vellum.dumps.commands`.
"""

from .errors import DumpError
from .model import (
    Contributor,
    LogItem,
    NamespaceInfo,
    Page,
    Revision,
    SiteInfo,
    Slot,
    UnknownElement,
    Upload,
)
from .reader import DumpReader, open_dump
from .sha1 import base36_sha1, combined_sha1
from .writer import DumpWriter

__all__ = [
    "Contributor",
    "DumpError",
    "DumpReader",
    "DumpWriter",
    "LogItem",
    "NamespaceInfo",
    "Page",
    "Revision",
    "SiteInfo",
    "Slot",
    "UnknownElement",
    "Upload",
    "base36_sha1",
    "combined_sha1",
    "open_dump",
]
