"""Read YAML keeping the line of every node, so errors can point at `file:line`.

YAML 1.1 turns bare `yes`/`no` into booleans; packs use them as answers, so this loader keeps
them as strings (only `true`/`false` are booleans).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Loc = tuple[str | int, ...]


class _PackLoader(yaml.SafeLoader):
    """SafeLoader whose booleans are only `true`/`false`."""


_PackLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_PackLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


@dataclass
class YamlDoc:
    """A parsed YAML document and the 1-based line of each value, keyed by its path."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int | None:
        """The line of the deepest known node on `loc` (falls back to parents)."""
        probe = tuple(loc)
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return self.lines.get((), None)


class YamlSyntaxError(Exception):
    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        super().__init__(message)


def _walk(node: yaml.Node, loader: _PackLoader, loc: Loc, lines: dict[Loc, int]) -> Any:
    lines[loc] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, list | dict):
                raise YamlSyntaxError("", key_node.start_mark.line + 1, "a key must be a word")
            if key in out:
                raise YamlSyntaxError(
                    "", key_node.start_mark.line + 1, f"`{key}` is given twice in the same block"
                )
            out[key] = _walk(value_node, loader, (*loc, key), lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, loader, (*loc, i), lines) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def parse_yaml(text: str, path: str) -> YamlDoc:
    """Parse one YAML document from text; raise YamlSyntaxError naming the line."""
    loader = _PackLoader(text)
    try:
        root = loader.get_single_node()
        lines: dict[Loc, int] = {}
        data = None if root is None else _walk(root, loader, (), lines)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "unreadable YAML"
        raise YamlSyntaxError(path, line, f"YAML syntax error: {problem}") from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(path, None, f"YAML syntax error: {exc}") from exc
    except YamlSyntaxError as exc:
        raise YamlSyntaxError(path, exc.line, exc.message) from exc
    finally:
        loader.dispose()
    return YamlDoc(path=path, data=data, lines=lines)


def read_yaml(path: Path, display: str | None = None) -> YamlDoc:
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise YamlSyntaxError(shown, None, "file not found") from exc
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(shown, None, "not UTF-8 text") from exc
    return parse_yaml(text, shown)
