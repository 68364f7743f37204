"""Expansion frames (PPFrame_Hash, PPTemplateFrame_Hash, PPCustomFrame_Hash).

A frame expands a document tree in the context of one page: the top frame is the page
being rendered, a template frame holds the arguments of one transclusion. Expansion
counts nodes and depth against MediaWiki's limits, detects template loops, and turns
template, argument and extension-tag nodes into text through `braces`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..title import Title
from .dom import Comment, Equals, Ext, Heading, Ignore, Part, Template

if TYPE_CHECKING:
    from ..context import ParserContext
    from .state import PPState

# Expansion flags (PPFrame::*)
NO_ARGS = 1
NO_TEMPLATES = 2
STRIP_COMMENTS = 4
NO_IGNORE = 8
RECOVER_COMMENTS = 16
NO_TAGS = 32
RECOVER_ORIG = NO_ARGS | NO_TEMPLATES | NO_IGNORE | RECOVER_COMMENTS | NO_TAGS

PHP_WS = " \t\n\r\0\x0b"


def php_trim(s: str) -> str:
    return s.strip(PHP_WS)


def arg_key(name: str | int) -> str | int:
    """PHP array key semantics: a canonical decimal integer string is an int key."""
    if name.__class__ is int:
        return name
    if name.isdigit():
        if name.isascii() and (name[0] != "0" or name == "0") and len(name) < 19:
            return int(name)
    elif not (name[:1] == "-" and name[1:].isdigit()):
        return name
    if name and (name == "0" or (name[0] in "-123456789")):
        body = name[1:] if name[0] == "-" else name
        if body and body.isascii() and body.isdigit() and body[0] != "0":
            value = int(name)
            if -(2**63) <= value < 2**63:
                return value
    return name


class Frame:
    """The top frame: the page itself, without arguments."""

    parent: Frame | None = None

    def __init__(self, ctx: ParserContext, state: PPState, title: Title | None = None) -> None:
        self.ctx = ctx
        self.state = state
        self.title: Title = title or ctx.title
        self.pdbk: str | None = None  # the transcluded page (None for the top frame)
        self._ancestors: frozenset[str] | None = None
        self.depth = 0
        self.volatile = False
        self.child_cache: dict[str, str] = {}

    def set_volatile(self, flag: bool = True) -> None:
        self.volatile = flag

    def cached_expand(self, key: str, root: Any, flags: int = 0) -> str:
        return self.expand(root, flags)

    # --- arguments ----------------------------------------------------------------------
    def is_template(self) -> bool:
        return False

    def is_empty(self) -> bool:
        return True

    def get_argument(self, name: str | int) -> str | None:
        return None

    def get_arguments(self) -> dict[str | int, str]:
        return {}

    def get_numbered_arguments(self) -> dict[int, str]:
        return {}

    def get_named_arguments(self) -> dict[str | int, str]:
        return {}

    def loop_check_ok(self, title: Title) -> bool:
        """PPFrame::loopCheck: False when `title` is already being expanded above."""
        ancestors = self._ancestors
        if ancestors is None:
            keys = set()
            frame: Frame | None = self
            while frame is not None:
                if frame.pdbk is not None:
                    keys.add(frame.pdbk)
                frame = frame.parent
            ancestors = self._ancestors = frozenset(keys)
        return title.prefixed_dbkey not in ancestors

    def new_child(
        self, parts: list[Part] | None = None, title: Title | None = None, index_offset: int = 0
    ) -> TemplateFrame:
        """A frame for a transclusion of `title` with these argument parts (newChild)."""
        numbered: dict[str | int, Any] = {}
        named: dict[str | int, Any] = {}
        title = title or self.title
        for part in parts or ():
            if part.index:
                key: str | int = part.index - index_offset
                if key in named or key in numbered:
                    self._duplicate_arg(title, str(key))
                numbered[key] = part.value
                named.pop(key, None)
            else:
                key = arg_key(php_trim(self.expand(part.name or [], STRIP_COMMENTS)))
                if key in named or key in numbered:
                    self._duplicate_arg(title, str(key))
                named[key] = part.value
                numbered.pop(key, None)
        return TemplateFrame(self, numbered, named, title)

    def _duplicate_arg(self, title: Title, name: str) -> None:
        text = (
            f"<strong>Warning:</strong> [[:{self.title.prefixed_text}]] calls "
            f'[[:{title.prefixed_text}]] with more than one value for the "{name}" parameter. '
            "Only the last value provided will be used."
        )
        if text not in self.state.warned:
            self.state.warned.add(text)
            self.ctx.add_warning(text)
        self.ctx.add_tracking_category("duplicate-args-category")

    # --- expansion ----------------------------------------------------------------------
    def expand(self, root: Any, flags: int = 0) -> str:
        """Expand a node, a list of nodes or a string to text (PPFrame::expand)."""
        if isinstance(root, str):
            return root
        state = self.state
        state.node_count += 1
        if (
            root.__class__ is list
            and len(root) == 1
            and root[0].__class__ is str
            and state.node_count <= state.max_node_count
            and state.expansion_depth <= state.max_expand_depth
        ):
            return root[0]
        if state.node_count > state.max_node_count:
            state.limitation_warn("node-count-exceeded", state.node_count, state.max_node_count)
            return '<span class="error">Node-count limit exceeded</span>'
        if state.expansion_depth > state.max_expand_depth:
            state.limitation_warn(
                "expansion-depth-exceeded", state.expansion_depth, state.max_expand_depth
            )
            return '<span class="error">Expansion depth limit exceeded</span>'
        state.expansion_depth += 1
        if state.expansion_depth > state.highest_expansion_depth:
            state.highest_expansion_depth = state.expansion_depth
        try:
            out: list[str] = []
            self._expand_into(out, root if isinstance(root, list) else [root], flags)
            return "".join(out)
        finally:
            state.expansion_depth -= 1

    def _expand_into(self, out: list[str], nodes: list, flags: int) -> None:
        # An explicit stack keeps deep trees off the Python stack.
        append = out.append
        brace_substitution = braces.brace_substitution
        arg_substitution = braces.arg_substitution
        stack = [iter(nodes)]
        while stack:
            for node in stack[-1]:
                cls = node.__class__
                if cls is str:
                    append(node)
                    continue
                if cls is Template:
                    if node.kind == "template":
                        if flags & NO_TEMPLATES:
                            stack.append(iter(self._bracketed("{{", "}}", node)))
                            break
                        result = brace_substitution(self, node)
                    else:
                        if flags & NO_ARGS:
                            stack.append(iter(self._bracketed("{{{", "}}}", node)))
                            break
                        result = arg_substitution(self, node)
                    if result.__class__ is str:
                        append(result)
                    else:
                        stack.append(iter(result))
                        break
                elif cls is Ext:
                    if flags & NO_TAGS:
                        s = "<" + node.name + (node.attr or "")
                        if node.inner is not None:
                            s += ">" + node.inner + (node.close or "")
                        else:
                            s += "/>"
                        out.append(s)
                    else:
                        out.append(
                            braces.tag_substitution(
                                self, node.name, node.attr or "", node.inner, node.close
                            )
                        )
                elif cls is Comment:
                    mode = self.state.mode
                    if (
                        mode == "html"
                        or (mode == "pre" and self.state.remove_comments)
                        or flags & STRIP_COMMENTS
                    ) and not flags & RECOVER_COMMENTS:
                        pass
                    elif mode == "wiki" and not flags & RECOVER_COMMENTS:
                        out.append(self.ctx.strip.add_general(node.text, "item"))
                    else:
                        out.append(node.text)
                elif cls is Ignore:
                    if (self.parent is None and self.state.mode == "wiki") or flags & NO_IGNORE:
                        out.append(node.text)
                elif cls is Heading:
                    if node.top and self.state.mode == "html":
                        s = self.expand(node.children, flags)
                        out.append(self.state.heading_marker(self, node, s))
                    else:
                        stack.append(iter(node.children))
                        break
                elif cls is Part:
                    # Generic expansion of a part: name=value (or just value).
                    seq: list = []
                    if node.name is not None:
                        seq.extend(node.name)
                        seq.append("=")
                    seq.extend(node.value)
                    stack.append(iter(seq))
                    break
                elif cls is Equals:
                    out.append("=")
                elif isinstance(node, list):
                    stack.append(iter(node))
                    break
                elif isinstance(node, str):
                    append(node)
            else:
                stack.pop()

    @staticmethod
    def _bracketed(start: str, end: str, node: Template) -> list:
        seq: list = [start, *node.title]
        for part in node.parts:
            seq.append("|")
            seq.append(part)
        seq.append(end)
        return seq

    def virtual_bracketed(self, start: str, end: str, node: Template) -> list:
        return self._bracketed(start, end, node)

    def implode(self, sep: str, *roots: Any) -> str:
        return sep.join(self.expand(r) for r in roots)

    def __repr__(self) -> str:
        return f"<Frame {self.title.prefixed_text}>"


class TemplateFrame(Frame):
    """A transclusion's frame: arguments are expanded lazily in the parent frame."""

    def __init__(
        self,
        parent: Frame,
        numbered: dict[str | int, Any],
        named: dict[str | int, Any],
        title: Title,
    ) -> None:
        self.ctx = parent.ctx
        self.state = parent.state
        self.parent = parent
        self.title = title
        self.numbered_args = numbered
        self.named_args = named
        self.pdbk = title.prefixed_dbkey
        self._ancestors = None
        self.depth = parent.depth + 1
        self._numbered_cache: dict[str | int, str] = {}
        self._named_cache: dict[str | int, str] = {}
        self.volatile = False
        self.child_cache = {}

    def set_volatile(self, flag: bool = True) -> None:
        # A volatile expansion (e.g. one holding a <ref>) makes its callers volatile too.
        self.volatile = flag
        if self.parent is not None:
            self.parent.set_volatile(flag)

    def cached_expand(self, key: str, root: Any, flags: int = 0) -> str:
        """Expansion of an argument-less transclusion, cached in the parent frame."""
        assert self.parent is not None
        cached = self.parent.child_cache.get(key)
        if cached is not None:
            return cached
        value = self.expand(root, flags)
        if not self.volatile:
            self.parent.child_cache[key] = value
        return value

    def is_template(self) -> bool:
        return True

    def is_empty(self) -> bool:
        return not self.numbered_args and not self.named_args

    def get_numbered_argument(self, index: str | int) -> str | None:
        key = arg_key(index) if index.__class__ is str else index
        if key not in self.numbered_args:
            return None
        value = self._numbered_cache.get(key)
        if value is None:
            assert self.parent is not None
            value = self.parent.expand(self.numbered_args[key], STRIP_COMMENTS)
            self._numbered_cache[key] = value
        return value

    def get_named_argument(self, name: str | int) -> str | None:
        key = arg_key(name) if name.__class__ is str else name
        if key not in self.named_args:
            return None
        value = self._named_cache.get(key)
        if value is None:
            assert self.parent is not None
            value = php_trim(self.parent.expand(self.named_args[key], STRIP_COMMENTS))
            self._named_cache[key] = value
        return value

    def get_argument(self, name: str | int) -> str | None:
        key = arg_key(name)
        text = self.get_numbered_argument(key)
        if text is None:
            text = self.get_named_argument(key)
        return text

    def get_numbered_arguments(self) -> dict[int, str]:
        out = {}
        for key in self.numbered_args:
            value = self.get_numbered_argument(key)
            if value is not None:
                out[key] = value
        return out  # type: ignore[return-value]

    def get_named_arguments(self) -> dict[str | int, str]:
        out = {}
        for key in self.named_args:
            value = self.get_named_argument(key)
            if value is not None:
                out[key] = value
        return out

    def get_arguments(self) -> dict[str | int, str]:
        out: dict[str | int, str] = {}
        for key in {*self.numbered_args, *self.named_args}:
            value = self.get_argument(key)
            if value is not None:
                out[key] = value
        return out

    def __repr__(self) -> str:
        return f"<TemplateFrame {self.title.prefixed_text} depth={self.depth}>"


class CustomFrame(Frame):
    """A frame with given string arguments (PPCustomFrame_Hash), e.g. for messages."""

    def __init__(self, parent_or_ctx: Frame, args: dict[str | int, str]) -> None:
        super().__init__(parent_or_ctx.ctx, parent_or_ctx.state, parent_or_ctx.title)
        self.args = {arg_key(k): v for k, v in args.items()}

    def is_empty(self) -> bool:
        return not self.args

    def get_argument(self, name: str | int) -> str | None:
        return self.args.get(arg_key(name))

    def get_arguments(self) -> dict[str | int, str]:
        return dict(self.args)


from . import braces  # noqa: E402  (braces uses the frame classes above)
