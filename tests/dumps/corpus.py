"""The corpus dumps and what their README says they hold (pages, revisions)."""

from __future__ import annotations

# file name -> (export version, pages, revisions)
DUMPS: dict[str, tuple[str, int, int]] = {
    "bgwiki-pages-articles-shortened.UTF-16.xml": ("0.10", 3, 3),
    "bnwiki-20230501-pages-articles-head.xml.xz": ("0.10", 722, 722),
    "commonswiki-File_Goddess_Bhadrakali-history-MCR.xml": ("0.11", 1, 59),
    "elwiki-20230501-pages-articles-head.xml.xz": ("0.10", 933, 933),
    "enwiki-10k-lines-2019.xml": ("0.10", 196, 196),
    "enwiki-20160501-pages-articles1-shortened.xml": ("0.10", 206, 206),
    "enwiki-Anarchism-history-last100revs-2010.xml": ("0.4", 1, 100),
    "enwiki-Anarchism-history-revs00001-01000.xml": ("0.4", 1, 1000),
    "enwiki-Pear-export-0.10.xml": ("0.10", 1, 1),
    "enwiki-Pear-history-export-0.3.xml": ("0.3", 1, 4),
    "enwiki-Pyrus-export.UTF-16.xml": ("0.3", 1, 6),
    "enwiki-articles-partial-2019.xml": ("0.10", 11, 11),
    "enwiki-table-markup.xml": ("0.10", 5, 5),
    "hywiki-20230501-pages-articles-head.xml.xz": ("0.10", 408, 408),
    "jawiki-20230501-pages-articles-head.xml.xz": ("0.10", 238, 238),
    "mrwiki-20230501-pages-articles-head.xml.xz": ("0.10", 1820, 1820),
    "simplewiki-7pages-2019.xml": ("0.10", 7, 7),
    "ukwiki-20230501-pages-articles-head.xml.xz": ("0.10", 532, 532),
    "viwiki-20230501-pages-articles-head.xml.xz": ("0.10", 970, 970),
}
# Too big for the test suite (1 GB unpacked): read by bench/import instead.
BENCH_ONLY = {"enwiki-Anarchism-full-history-15180revs-2001-2010.xml.lzma": ("0.4", 1, 15180)}
