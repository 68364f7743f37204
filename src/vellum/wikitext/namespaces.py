"""MediaWiki's namespaces: ids, canonical names, local names and aliases."""

from __future__ import annotations

from dataclasses import dataclass, field

MEDIA = -2
SPECIAL = -1
MAIN = 0
TALK = 1
USER = 2
USER_TALK = 3
PROJECT = 4
PROJECT_TALK = 5
FILE = 6
FILE_TALK = 7
MEDIAWIKI = 8
MEDIAWIKI_TALK = 9
TEMPLATE = 10
TEMPLATE_TALK = 11
HELP = 12
HELP_TALK = 13
CATEGORY = 14
CATEGORY_TALK = 15

# MediaWiki 1.39 canonical names (with underscores, as in the DB).
CANONICAL: dict[int, str] = {
    MEDIA: "Media",
    SPECIAL: "Special",
    MAIN: "",
    TALK: "Talk",
    USER: "User",
    USER_TALK: "User_talk",
    PROJECT: "Project",
    PROJECT_TALK: "Project_talk",
    FILE: "File",
    FILE_TALK: "File_talk",
    MEDIAWIKI: "MediaWiki",
    MEDIAWIKI_TALK: "MediaWiki_talk",
    TEMPLATE: "Template",
    TEMPLATE_TALK: "Template_talk",
    HELP: "Help",
    HELP_TALK: "Help_talk",
    CATEGORY: "Category",
    CATEGORY_TALK: "Category_talk",
}

DEFAULT_ALIASES: dict[str, int] = {"Image": FILE, "Image_talk": FILE_TALK}


def _key(name: str) -> str:
    """Case-insensitive lookup key for a namespace name ("user talk" == "User_talk")."""
    return name.replace(" ", "_").strip("_").lower()


@dataclass
class Namespaces:
    """The namespaces of one wiki: local names, canonical names and aliases.

    `names` maps id -> local name (underscores). Lookups accept any of the three and are
    case-insensitive, with spaces and underscores equivalent, as in MediaWiki.
    """

    names: dict[int, str] = field(default_factory=dict)
    aliases: dict[str, int] = field(default_factory=dict)
    canonical: dict[int, str] = field(default_factory=dict)
    subpages: set[int] = field(default_factory=set)
    capital_links: bool = True

    def __post_init__(self) -> None:
        self._lookup: dict[str, int] = {}
        for ns, name in self.canonical.items():
            self._lookup[_key(name)] = ns
        for alias, ns in self.aliases.items():
            self._lookup[_key(alias)] = ns
        for ns, name in self.names.items():
            self._lookup[_key(name)] = ns
        self._lookup.pop("", None)

    @classmethod
    def default(
        cls,
        meta_namespace: str = "Project",
        extra: dict[int, str] | None = None,
        subpages: set[int] | None = None,
    ) -> Namespaces:
        names = dict(CANONICAL)
        meta = meta_namespace.replace(" ", "_")
        names[PROJECT] = meta
        names[PROJECT_TALK] = f"{meta}_talk"
        canonical = dict(CANONICAL)
        for ns, name in (extra or {}).items():
            names[ns] = name.replace(" ", "_")
            canonical[ns] = name.replace(" ", "_")
        if subpages is None:
            # MediaWiki's default $wgNamespacesWithSubpages.
            subpages = {
                TALK,
                USER,
                USER_TALK,
                PROJECT,
                PROJECT_TALK,
                FILE_TALK,
                MEDIAWIKI,
                MEDIAWIKI_TALK,
                TEMPLATE,
                TEMPLATE_TALK,
                HELP,
                HELP_TALK,
                CATEGORY_TALK,
            }
        return cls(
            names=names, aliases=dict(DEFAULT_ALIASES), canonical=canonical, subpages=set(subpages)
        )

    def parse_state(self) -> tuple[object, ...]:
        """Everything title parsing reads from this object, as a comparable value."""
        return (tuple(self.names.items()), tuple(self._lookup.items()), self.capital_links)

    def lookup(self, name: str) -> int | None:
        """Namespace id for a local name, canonical name or alias; None if unknown."""
        return self._lookup.get(_key(name))

    def name(self, ns: int) -> str:
        """Local name with underscores ('' for the main namespace)."""
        return self.names.get(ns, "")

    def text(self, ns: int) -> str:
        """Local name with spaces."""
        return self.name(ns).replace("_", " ")

    def canonical_name(self, ns: int) -> str:
        return self.canonical.get(ns, self.names.get(ns, ""))

    def ids(self) -> list[int]:
        return sorted(self.names)

    @staticmethod
    def is_talk(ns: int) -> bool:
        return ns > 0 and ns % 2 == 1

    @staticmethod
    def talk(ns: int) -> int:
        return ns if ns < 0 or ns % 2 == 1 else ns + 1

    @staticmethod
    def subject(ns: int) -> int:
        return ns - 1 if ns > 0 and ns % 2 == 1 else ns

    def has_subpages(self, ns: int) -> bool:
        return ns in self.subpages
