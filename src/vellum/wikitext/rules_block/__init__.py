"""Block-level rules of internalParse: tables, <hr>, behaviour switches, headings, and
doBlockLevels (paragraphs, lists, indented <pre>)."""
