"""Read one glossary YAML file into entries, reporting every problem with the line it is on.

The file is composed into a node tree first (by :mod:`reader.safe_yaml`, which caps its size and refuses
aliases and deep nesting), so each entry and each field keeps its start mark: a writer fixing
``kolkhoz.yaml`` is told the line, not just the entry. A bad entry is reported and skipped; the good ones
in the same file are kept. Problems are one line each (:func:`reader.safe_text.one_line`), whatever the
file holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from reader.glossary.model import CATEGORIES, ContextRule, Entry, Problem, Source
from reader.safe_text import one_line
from reader.safe_yaml import ComposedYaml, YamlRefused, compose_file, describe_error
from reader.scripts import CYRILLIC_LETTER

_STR_TAG = "tag:yaml.org,2002:str"
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_CYRILLIC = CYRILLIC_LETTER

_TEXT_FIELDS = ("term", "russian", "gloss", "definition", "category", "period")
_LIST_FIELDS = ("forms", "transliterations", "see_also")
FIELDS: tuple[str, ...] = ("id", *_TEXT_FIELDS, *_LIST_FIELDS, "sources")
#: Fields an entry may leave out: case-sensitive spellings, the noun of an adjective.
OPTIONAL_FIELDS: tuple[str, ...] = ("case_sensitive", "adjective_of", "context", "meanings")
_SOURCE_FIELDS = ("author", "title", "year")
#: The conditions a context rule may set: word lists, then yes/no conditions.
_RULE_LISTS = ("near", "not_near", "after", "not_after", "before", "not_before", "grammar")
_RULE_FLAGS = ("noun", "soviet_context")
#: pymorphy3 grammemes a rule may demand (number, case, gender, animacy, part of speech).
GRAMMEMES = frozenset(
    {
        *("sing", "plur", "nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "loc2"),
        *("masc", "femn", "neut", "anim", "inan", "NOUN", "ADJF", "ADJS", "VERB", "INFN", "PRTF"),
    }
)


@dataclass(frozen=True)
class ParsedEntry:
    """An entry with the lines it came from, for problems found later across files."""

    entry: Entry
    line: int
    see_also_lines: dict[str, int]


class _FileReader:
    """Turns the nodes of one file into entries; problems accumulate in ``problems``."""

    def __init__(self, path: Path, composed: ComposedYaml) -> None:
        self.path = path
        self.composed = composed
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node, message: str) -> None:
        self.problems.append(Problem(str(self.path), node.start_mark.line + 1, one_line(message)))

    def value(self, node: yaml.Node) -> Any:
        if node.tag == _STR_TAG:  # most fields: skip the constructor machinery
            return node.value
        return self.composed.construct(node)

    def text(self, label: str, node: yaml.Node, *, allow_number: bool = False) -> str | None:
        """A non-empty string scalar (a number too when ``allow_number``, e.g. ``period: 1921``)."""
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"{label} must be text, not a {_kind(node)}")
            return None
        value = self.value(node)
        if allow_number and isinstance(value, int) and not isinstance(value, bool):
            value = str(node.value)
        if not isinstance(value, str):
            self.problem(node, f"{label} must be text (quote it in YAML), not {value!r}")
            return None
        if not value.strip():
            self.problem(node, f"{label} is empty")
            return None
        return value.strip()

    def text_list(
        self, label: str, node: yaml.Node, *, allow_number: bool = False
    ) -> tuple[tuple[str, yaml.Node], ...] | None:
        """A list of non-empty strings, each with its node (for the line of a bad see_also id)."""
        if isinstance(node, yaml.ScalarNode) and self.value(node) is None:
            self.problem(node, f"{label} must be a list (write [] for none)")
            return None
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{label} must be a list, not a {_kind(node)}")
            return None
        items: list[tuple[str, yaml.Node]] = []
        for item in node.value:
            text = self.text(f"{label} item", item, allow_number=allow_number)
            if text is not None:
                items.append((text, item))
        return tuple(items) if len(items) == len(node.value) else None

    def source(self, label: str, node: yaml.Node) -> Source | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{label} must be a mapping with author, title and year")
            return None
        fields = self.mapping(label, node, _SOURCE_FIELDS)
        if fields is None:
            return None
        author = self.text(f"{label} author", fields["author"])
        title = self.text(f"{label} title", fields["title"])
        year_node = fields["year"]
        year = self.value(year_node) if isinstance(year_node, yaml.ScalarNode) else year_node
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            self.problem(year_node, f"{label} year must be a number (or null if undated)")
            return None
        if author is None or title is None:
            return None
        return Source(author, title, year)

    def mapping(
        self, label: str, node: yaml.MappingNode, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, yaml.Node] | None:
        """Field name -> value node; reports unknown, duplicate and missing fields."""
        fields: dict[str, yaml.Node] = {}
        ok = True
        known = (*required, *optional)
        for key_node, value_node in node.value:
            key = self.value(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or key not in known:
                self.problem(key_node, f"{label}: unknown field {key!r} (expected: {', '.join(known)})")
                ok = False
            elif key in fields:
                self.problem(key_node, f"{label}: field {key!r} appears twice")
                ok = False
            else:
                fields[key] = value_node
        for name in required:
            if name not in fields:
                self.problem(node, f"{label}: missing field {name!r}")
                ok = False
        return fields if ok else None

    def entry(self, node: yaml.Node, index: int) -> ParsedEntry | None:
        """One entry, or None (with problems recorded) when any field is wrong."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"entry {index + 1} must be a mapping of fields, not a {_kind(node)}")
            return None
        id_node = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == "id"), None)
        label = f"entry {id_node.value!r}" if isinstance(id_node, yaml.ScalarNode) else f"entry {index + 1}"
        fields = self.mapping(label, node, FIELDS, OPTIONAL_FIELDS)
        if fields is None:
            return None
        before = len(self.problems)
        entry_id = self.text(f"{label}: id", fields["id"])
        if entry_id is not None and not _SLUG.fullmatch(entry_id):
            self.problem(fields["id"], f"{label}: id must be a lowercase ASCII slug like 'war-communism'")
        texts = {
            name: self.text(f"{label}: {name}", fields[name], allow_number=name == "period")
            for name in _TEXT_FIELDS
        }
        lists = {name: self.text_list(f"{label}: {name}", fields[name]) for name in _LIST_FIELDS}
        russian, category = texts["russian"], texts["category"]
        if russian is not None and not _CYRILLIC.search(russian):
            self.problem(fields["russian"], f"{label}: russian must be written in Cyrillic")
        if category is not None and category not in CATEGORIES:
            self.problem(
                fields["category"],
                f"{label}: unknown category {category!r} (one of: {', '.join(CATEGORIES)})",
            )
        sources = self.sources(label, fields["sources"])
        names = (texts["term"], russian, *_texts(lists["forms"]), *_texts(lists["transliterations"]))
        case_sensitive = self.spellings(label, fields.get("case_sensitive"), names)
        adjective_of = self.optional_id(label, fields.get("adjective_of"))
        context = self.context(label, fields.get("context"), names)
        meanings = self.text_list(f"{label}: meanings", fields["meanings"]) if "meanings" in fields else ()
        if len(self.problems) > before or entry_id is None or sources is None:
            return None
        entry = Entry(
            id=entry_id,
            term=_str(texts["term"]),
            russian=_str(russian),
            forms=_texts(lists["forms"]),
            transliterations=_texts(lists["transliterations"]),
            gloss=_str(texts["gloss"]),
            definition=" ".join(_str(texts["definition"]).split()),
            category=_str(category),
            period=_str(texts["period"]),
            see_also=_texts(lists["see_also"]),
            sources=sources,
            origin=str(self.path),
            case_sensitive=case_sensitive,
            adjective_of=adjective_of,
            context=context,
            meanings=_texts(meanings),
        )
        see_also_lines = {target: item.start_mark.line + 1 for target, item in lists["see_also"] or ()}
        return ParsedEntry(entry, node.start_mark.line + 1, see_also_lines)

    def spellings(self, label: str, node: yaml.Node | None, names: tuple[str | None, ...]) -> tuple[str, ...]:
        """``case_sensitive``: an optional list, each item one of the entry's ``names``."""
        if node is None:
            return ()
        items = self.text_list(f"{label}: case_sensitive", node)
        for text, item in items or ():
            if text not in names:
                self.problem(item, f"{label}: case_sensitive {text!r} is not a term, form or transliteration")
        return _texts(items)

    def context(
        self, label: str, node: yaml.Node | None, names: tuple[str | None, ...]
    ) -> tuple[ContextRule, ...]:
        """``context``: an optional list of rules, each a mapping of ``spellings`` and conditions."""
        if node is None:
            return ()
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.problem(node, f"{label}: context must be a list of rules")
            return ()
        rules = [
            self.rule(f"{label}: context rule {i + 1}", item, names) for i, item in enumerate(node.value)
        ]
        return tuple(rule for rule in rules if rule is not None)

    def rule(self, label: str, node: yaml.Node, names: tuple[str | None, ...]) -> ContextRule | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{label} must be a mapping with spellings and conditions")
            return None
        fields = self.mapping(label, node, ("spellings",), (*_RULE_LISTS, *_RULE_FLAGS))
        if fields is None:
            return None
        before = len(self.problems)
        spellings = self.text_list(f"{label}: spellings", fields["spellings"])
        known = {_spelling(name) for name in names if name}
        for text, item in spellings or ():
            if not any(_spelling(text) in (name, *_plurals(name)) for name in known):
                self.problem(item, f"{label}: spelling {text!r} is not a name of the entry (or its plural)")
        lists = {
            name: _texts(self.text_list(f"{label}: {name}", fields[name], allow_number=True))
            for name in _RULE_LISTS
            if name in fields
        }
        for grammeme in lists.get("grammar", ()):
            if grammeme not in GRAMMEMES:
                self.problem(
                    fields["grammar"],
                    f"{label}: unknown grammeme {grammeme!r} (one of: {', '.join(sorted(GRAMMEMES))})",
                )
        flags = {name: self.value(fields[name]) for name in _RULE_FLAGS if name in fields}
        for name, value in flags.items():
            if not isinstance(value, bool):
                self.problem(fields[name], f"{label}: {name} must be true or false")
        if not lists and not any(flags.values()):
            self.problem(
                node,
                f"{label}: a rule needs at least one condition ({', '.join((*_RULE_LISTS, *_RULE_FLAGS))})",
            )
        if len(self.problems) > before or not spellings:
            return None
        words = {
            name: tuple(_rule_word(word) for word in value)
            for name, value in lists.items()
            if name != "grammar"
        }
        return ContextRule(
            spellings=_texts(spellings),
            grammar=lists.get("grammar", ()),
            noun=bool(flags.get("noun")),
            soviet_context=bool(flags.get("soviet_context")),
            **words,
        )

    def optional_id(self, label: str, node: yaml.Node | None) -> str:
        """``adjective_of``: the id of the noun entry, checked like an id (its existence across files)."""
        if node is None:
            return ""
        value = self.text(f"{label}: adjective_of", node)
        if value is not None and not _SLUG.fullmatch(value):
            self.problem(node, f"{label}: adjective_of must be an entry id like 'soviet'")
        return value or ""

    def sources(self, label: str, node: yaml.Node) -> tuple[Source, ...] | None:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.problem(node, f"{label}: sources must be a list of at least one reference work")
            return None
        sources = [self.source(f"{label}: source {i + 1}", item) for i, item in enumerate(node.value)]
        return tuple(s for s in sources if s is not None) if all(sources) else None


def _spelling(text: str) -> str:
    """A name or rule spelling folded for comparison: lower case, ё as е, words joined by one space."""
    return " ".join(re.findall(r"[^\W_]+(?:'[^\W_]+)*", text.lower().replace("ё", "е").replace("’", "'")))


def _plurals(name: str) -> tuple[str, ...]:
    return (name + "s", name + "es", name + "'s")


def _rule_word(word: str) -> str:
    return word.strip().lower().replace("ё", "е").replace("’", "'")


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "mapping"
    return "list" if isinstance(node, yaml.SequenceNode) else "single value"


def _str(value: str | None) -> str:
    assert value is not None  # callers return early when any field failed
    return value


def _texts(items: tuple[tuple[str, yaml.Node], ...] | None) -> tuple[str, ...]:
    return tuple(text for text, _node in items or ())


def read_glossary_file(path: Path) -> tuple[list[ParsedEntry], list[Problem]]:
    """The valid entries of one file and the problems of the rest (bad YAML: one problem, no entries).

    The file is read and composed by :mod:`reader.safe_yaml` (size cap, no aliases, bounded nesting).
    Duplicate ids and dangling ``see_also`` are checked by the caller, across files.
    """
    try:
        composed = compose_file(path)
    except YamlRefused as exc:
        return [], [Problem(str(path), exc.line, exc.reason)]
    root = composed.root
    if root is None:
        return [], []
    reader = _FileReader(path, composed)
    if not isinstance(root, yaml.SequenceNode):
        reader.problem(root, f"a glossary file must be a list of entries, not a {_kind(root)}")
        return [], reader.problems
    try:
        parsed = [reader.entry(node, index) for index, node in enumerate(root.value)]
    except yaml.YAMLError as exc:
        line, reason = describe_error(exc)
        return [], [Problem(str(path), line, f"invalid YAML: {reason}")]
    return [p for p in parsed if p is not None], reader.problems
