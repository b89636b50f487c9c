"""YAML from files reader did not write (glossary overlays, a library's ``index.yaml``), with limits.

``yaml.safe_load`` constructs no arbitrary objects, but it still follows anchors and aliases: ten
nested lists of ten aliases each (a "billion laughs") are a few hundred bytes that stand for a
billion strings, and whoever walks the result (a validator, a printer) walks them all. It also
reads files of any size, and pure-Python PyYAML recurses once per nesting level. So here:

- the file is read through :func:`reader.input_files.read_limited` (regular files only, at most
  ``MAX_YAML_BYTES``);
- aliases are refused (no glossary or index needs them): the composed node tree must be a tree, every
  node reached once (the pure-Python loader refuses an anchor as soon as it sees one);
- nesting deeper than ``MAX_DEPTH`` is refused (libyaml stops at 1000 levels itself; the pure-Python
  loader is stopped here before it recurses that far).

Every refusal is a :class:`YamlRefused`: one line naming the file and the line, never a ``repr`` of
the input.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from reader.errors import BadInput
from reader.input_files import UnreadableFile, read_limited, shown_path
from reader.safe_text import one_line

#: No glossary file or index comes near this; a bigger one is refused unread.
MAX_YAML_BYTES = 10 * 1024 * 1024
#: A glossary entry nests four levels deep (list, entry, sources, source); an index two.
MAX_DEPTH = 64

ALIASES_REFUSED = "anchors and aliases (&name, *name) are not allowed"
TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep"


class YamlRefused(BadInput):
    """A YAML file that cannot be used: ``line`` (1-based) and ``reason`` for a caller that lists
    problems by line; the message says both, with the file."""

    def __init__(self, path: Path | str, line: int, reason: str) -> None:
        self.line = line
        self.reason = one_line(reason)
        super().__init__(one_line(f"{shown_path(path)}:{line}: {self.reason}", 300))


class _PureSafeLoader(yaml.SafeLoader):
    """PyYAML's pure-Python safe loader, refusing aliases and deep nesting while it composes."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(None, None, ALIASES_REFUSED, event.start_mark)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(None, None, TOO_DEEP, event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


#: libyaml's loader when PyYAML was built with it (ten times faster); the tree is checked afterwards.
_Loader: Any = getattr(yaml, "CSafeLoader", _PureSafeLoader)


@dataclass(frozen=True)
class ComposedYaml:
    """A checked node tree (None for an empty file) and the loader that can construct its values."""

    root: yaml.Node | None
    loader: Any

    def construct(self, node: yaml.Node) -> Any:
        """The Python value of ``node`` (safe types only)."""
        return self.loader.construct_object(node, deep=True)


def compose_file(path: Path, loader: Any = None) -> ComposedYaml:
    """Read and compose the YAML file at ``path``; YamlRefused for anything unusable."""
    text = _read_text(path)
    loader = (loader or _Loader)(text)
    try:
        root = loader.get_single_node()
    except yaml.reader.ReaderError as exc:
        # A character YAML refuses (NUL, other controls): PyYAML's message spans lines; say it in one.
        line = text.count("\n", 0, exc.position) + 1
        reason = f"invalid YAML: character U+{int(exc.character):04X} is not allowed"
        raise YamlRefused(path, line, reason) from None
    except yaml.YAMLError as exc:
        line, reason = describe_error(exc)
        raise YamlRefused(path, line, f"invalid YAML: {reason}") from None
    finally:
        loader.dispose()
    if root is not None:
        _check_tree(path, root)
    return ComposedYaml(root, loader)


def load_file(path: Path) -> Any:
    """The Python value of the YAML file at ``path`` (None when empty); YamlRefused for anything unusable."""
    composed = compose_file(path)
    if composed.root is None:
        return None
    try:
        return composed.construct(composed.root)
    except yaml.YAMLError as exc:
        line, reason = describe_error(exc)
        raise YamlRefused(path, line, f"invalid YAML: {reason}") from None
    except (ValueError, TypeError, OverflowError):  # a scalar a resolver accepted but cannot convert
        line = composed.root.start_mark.line + 1
        raise YamlRefused(path, line, "invalid YAML: a value cannot be read") from None


def describe_error(exc: yaml.YAMLError) -> tuple[int, str]:
    """The 1-based line and a one-line reason for a PyYAML error."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        return line, one_line(exc.problem or exc.context or "cannot be parsed")
    return 1, one_line(" ".join(str(exc).split()))


def _read_text(path: Path) -> str:
    try:
        data = read_limited(path, MAX_YAML_BYTES, "a YAML file")
    except UnreadableFile as exc:
        raise YamlRefused(path, 1, exc.problem) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlRefused(path, 1, f"not UTF-8 text (byte {exc.start})") from None


def _check_tree(path: Path, root: yaml.Node) -> None:
    """Refuse a node reached twice (an alias) or nested deeper than MAX_DEPTH; iterative, no recursion."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            # The line of the anchor: the node is shared, so its mark is where it was first written.
            raise YamlRefused(path, node.start_mark.line + 1, f"invalid YAML: {ALIASES_REFUSED}")
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise YamlRefused(path, node.start_mark.line + 1, f"invalid YAML: {TOO_DEEP}")
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend(((key, depth + 1), (value, depth + 1)))
