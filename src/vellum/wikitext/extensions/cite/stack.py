"""Cite's ReferenceStack: the <ref>s of a page, grouped, numbered, and the call log that
lets <references> undo refs it finds already expanded inside itself (#tag:references).
"""

from __future__ import annotations

from collections.abc import Callable

from ...strip import StripState

RefKey = str | tuple[str, int]  # a ref's name, or ("#", n) for an anonymous ref


class Ref:
    """One footnote of a group (a plain slotted class: pages make thousands of them)."""

    __slots__ = (
        "key",
        "count",
        "name",
        "text",
        "dir",
        "number",
        "follow",
        "extends",
        "extends_index",
        "placeholder",
    )

    def __init__(
        self,
        key: int | None,  # global sequence number (ids cite_ref-KEY / cite_note-NAME-KEY)
        count: int | None,  # -1 for anonymous refs, else the number of reuses so far
        name: str | None = None,
        text: str | None = None,
        dir: str | None = None,
        number: int | None = None,  # the visible number within the group
        follow: str | None = None,
        extends: str | None = None,  # book referencing: the parent's name
        extends_index: int | None = None,  # this sub-reference's number under its parent
        placeholder: bool = False,  # a parent known only from a sub-reference's extends=
    ) -> None:
        self.key = key
        self.count = count
        self.name = name
        self.text = text
        self.dir = dir
        self.number = number
        self.follow = follow
        self.extends = extends
        self.extends_index = extends_index
        self.placeholder = placeholder


# (action, key, group, name, extends, text, argv) or None for an invalid ref
Call = tuple[str, int | None, str, str | None, str | None, str | None, dict[str, str]] | None


class ReferenceStack:
    def __init__(self, duplicate_error: Callable[[str], str]) -> None:
        self.refs: dict[str, dict[RefKey, Ref]] = {}
        self.ref_sequence = 0
        self.group_sequence: dict[str, int] = {}
        self.extends_count: dict[str, dict[str, int]] = {}
        self.calls: list[Call] = []
        self._anon = 0
        self._duplicate_error = duplicate_error

    def _anon_key(self) -> RefKey:
        self._anon += 1
        return ("#", self._anon)

    def push_invalid(self) -> None:
        self.calls.append(None)

    def push_ref(
        self,
        strip: StripState,
        text: str | None,
        argv: dict[str, str],
        group: str,
        name: str | None,
        follow: str | None,
        direction: str | None,
        extends: str | None = None,
    ) -> Ref | None:
        """ReferenceStack::pushRef; None when the ref gets no footnote mark (a follow)."""
        refs = self.refs.get(group)
        if refs is None:
            refs = self.refs[group] = {}
        if group not in self.group_sequence:
            self.group_sequence[group] = 0
        if follow and follow in refs:
            parent = refs[follow]
            parent.text = (parent.text or "") + " " + (text or "")
            self.calls.append(("new", self.ref_sequence, group, name, extends, text, argv))
            return None
        self.ref_sequence += 1
        ref = Ref(self.ref_sequence, 0 if name else -1, name, text, direction)
        if follow:
            ref.follow = follow
            # Broken follows go after the other broken follows, before everything else.
            items = list(refs.items())
            k = 0
            for _, value in items:
                if value.follow is None:
                    break
                k += 1
            items.insert(k, (self._anon_key(), ref))
            self.refs[group] = dict(items)
            self.calls.append(("new", self.ref_sequence, group, name, extends, text, argv))
            return None
        if not name:
            refs[self._anon_key()] = ref
            action = "new"
        elif name not in refs:
            refs[name] = ref
            action = "new"
        elif refs[name].placeholder:
            # A parent first seen in a sub-reference's extends= gets its definition.
            holder = refs[name]
            holder.placeholder = False
            holder.key, holder.count, holder.text, holder.dir = ref.key, 0, text, direction
            ref = holder
            action = "populate"
        else:
            ref = refs[name]
            ref.count += 1
            self.ref_sequence -= 1
            if ref.text is None and text is not None:
                ref.text = text
                ref.dir = direction
                action = "assign"
            else:
                if (
                    text is not None
                    and ref.text is not None
                    and strip.unstrip_both(text) != strip.unstrip_both(ref.text)
                ):
                    ref.text += " " + self._duplicate_error(name)
                action = "increment"
        if ref.number is None:
            self.group_sequence[group] += 1
            ref.number = self.group_sequence[group]
        if extends and ref.extends_index is None:
            parent = refs.get(extends)
            if parent is None:
                refs[extends] = Ref(
                    key=None, count=None, name=extends, number=ref.number, placeholder=True
                )
            else:
                ref.number = parent.number
                self.group_sequence[group] -= 1
            counts = self.extends_count.setdefault(group, {})
            counts[extends] = counts.get(extends, 0) + 1
            ref.extends = extends
            ref.extends_index = counts[extends]
        self.calls.append((action, ref.key, group, name, extends, text, argv))
        return ref

    def rollback_refs(self, count: int) -> list[tuple[str | None, dict[str, str]]]:
        """Undo the last `count` ref calls; returns their (text, argv) in call order."""
        redo: list[tuple[str | None, dict[str, str]]] = []
        while count > 0 and self.calls:
            count -= 1
            call = self.calls.pop()
            if call is not None:
                action, key, group, name, extends, text, argv = call
                self._rollback_ref(action, key, group, name, extends)
                redo.append((text, argv))
        self.calls = []
        redo.reverse()
        return redo

    def _rollback_ref(
        self, action: str, key: int | None, group: str, name: str | None, extends: str | None
    ) -> None:
        refs = self.refs.get(group)
        if not refs:
            return
        lookup: RefKey | None = name or None
        if lookup is None:
            for k, v in refs.items():
                if v.key == key:
                    lookup = k
                    break
        if lookup is None or lookup not in refs or refs[lookup].key != key:
            return
        if action == "new":
            del refs[lookup]
            if not refs:
                self.pop_group(group)
            elif group in self.group_sequence:
                self.group_sequence[group] -= 1
            if extends and extends in self.extends_count.get(group, {}):
                self.extends_count[group][extends] -= 1
        elif action == "populate":
            # Back to a parent known only from its sub-references (it keeps its key).
            refs[lookup].text = None
            refs[lookup].count = None
            refs[lookup].placeholder = True
        elif action == "assign":
            refs[lookup].text = None
            refs[lookup].count = (refs[lookup].count or 0) - 1
        elif action == "increment":
            refs[lookup].count = (refs[lookup].count or 0) - 1

    def list_defined_ref(self, group: str, name: str, text: str | None) -> None:
        """A ref defined inside <references>: give the named ref its text."""
        ref = self.refs.setdefault(group, {}).get(name)
        if ref is None:
            return
        if ref.text is None:
            ref.text = text
        elif ref.text != text:
            ref.text += " " + self._duplicate_error(name)

    def has_group(self, group: str) -> bool:
        return bool(self.refs.get(group))

    def group_refs(self, group: str) -> dict[RefKey, Ref]:
        return self.refs.get(group, {})

    def groups(self) -> list[str]:
        return [g for g, refs in self.refs.items() if refs]

    def pop_group(self, group: str) -> dict[RefKey, Ref]:
        refs = self.refs.pop(group, {})
        self.group_sequence.pop(group, None)
        self.extends_count.pop(group, None)
        return refs
