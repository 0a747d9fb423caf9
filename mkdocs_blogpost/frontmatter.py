"""Split a post into front matter and body, and read the YAML the way authors meant it.

YAML 1.1, which PyYAML speaks, turns `no` into `False` and `1.10` into `1.1`. Authors of
titles, tags and versions never mean that, so text keys keep the characters as written,
and switches accept `yes`/`no`/`on`/`off`/`true`/`false` explicitly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

__all__ = [
    "FrontMatter",
    "FrontMatterError",
    "parse_front_matter",
    "to_bool",
    "to_list",
]

# Same delimiters as MkDocs: `---` opens, `---` or `...` closes.
_FM_RE = re.compile(r"\A-{3}[ \t]*\n(?P<yaml>.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
_OPEN_RE = re.compile(r"\A-{3}[ \t]*\n")

#: Keys whose values are text: scalars keep their exact characters.
TEXT_KEYS = frozenset(
    {
        "title",
        "description",
        "excerpt",
        "author",
        "authors",
        "tags",
        "tag",
        "category",
        "categories",
        "slug",
        "img",
        "image",
        "img_path",
        "media_subpath",
        "github",
        "lang",
        "canonical_url",
        "redirect_from",
        "version",
        "layout",
    }
)

#: Largest front matter, counted in YAML nodes after aliases are expanded. Real posts use
#: a few dozen; the cap stops "billion laughs" alias bombs from hanging the build.
MAX_NODES = 10_000

_TRUE = frozenset({"true", "yes", "y", "on", "1"})
_FALSE = frozenset({"false", "no", "n", "off", "0", "none", "null", ""})


# libyaml's parser when PyYAML has it (as MkDocs does for page meta): the pure-Python
# scanner was the largest cost of reading posts (about 1 ms a post).
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """SafeLoader that keeps floats whose text would change (`1.10`) as strings."""


def _construct_float(loader: Any, node: yaml.Node) -> Any:
    value = loader.construct_yaml_float(node)
    text = str(node.value).strip().lstrip("+").lower()
    if repr(value) != text:
        return str(node.value)
    return value


_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)


class FrontMatterError(ValueError):
    """Front matter that cannot be read.

    Attributes:
        line: 1-based line in the file where the problem starts, when known.
        column: 1-based column on that line, when known.
    """

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass
class FrontMatter:
    """A post split into its parts.

    Attributes:
        data: The front matter as a dict (empty when there is none).
        body: The Markdown after the front matter.
        body_line: 1-based line of the file where the body starts.
        lines: 1-based line of each top-level key, for messages.
        duplicates: Keys written more than once, with the line of the repeat (the last
            value wins, as in YAML loaders, but the author should know).
        error: What was wrong with the front matter, if anything; `data` is then empty
            and the broken block is kept out of `body`.
    """

    data: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    lines: dict[str, int] = field(default_factory=dict)
    duplicates: dict[str, int] = field(default_factory=dict)
    error: FrontMatterError | None = None


def parse_front_matter(source: str) -> FrontMatter:
    """Split `source` and read its YAML front matter.

    Never raises: a problem is returned in `FrontMatter.error`, with the line.

    Args:
        source: The whole file, already decoded (MkDocs strips a BOM).
    """
    if source.startswith("\ufeff"):
        source = source[1:]
    if "\r" in source:
        source = source.replace("\r\n", "\n").replace("\r", "\n")
    match = _FM_RE.match(source)
    if match is None:
        if _OPEN_RE.match(source) and not source.startswith("----"):
            # An opening `---` with no closing one: most likely a forgotten delimiter.
            return FrontMatter(
                body=source,
                error=FrontMatterError(
                    "front matter starts with '---' on line 1 but is never closed; "
                    "add a '---' line after the last key",
                    line=1,
                ),
            )
        return FrontMatter(body=source)
    text = match.group("yaml") or ""
    body = source[match.end() :]
    body_line = source.count("\n", 0, match.end()) + 1
    try:
        data, lines, duplicates = _load(text)
    except FrontMatterError as exc:
        return FrontMatter(body=body, body_line=body_line, error=exc)
    except yaml.MarkedYAMLError as exc:
        return FrontMatter(body=body, body_line=body_line, error=_explain(exc, text))
    except yaml.YAMLError as exc:
        return FrontMatter(
            body=body,
            body_line=body_line,
            error=FrontMatterError(f"front matter is not valid YAML: {exc}", line=2),
        )
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter(
            body=body,
            body_line=body_line,
            error=FrontMatterError(
                f"front matter must be 'key: value' lines, not a {type(data).__name__}",
                line=2,
            ),
        )
    return FrontMatter(
        data=data, body=body, body_line=body_line, lines=lines, duplicates=duplicates
    )


#: The file line of the YAML text's first line: the opening `---` is line 1.
_YAML_FIRST_LINE = 2


def _where(mark: Any) -> str:
    return f"line {mark.line + _YAML_FIRST_LINE}, column {mark.column + 1}"


def _explain(exc: yaml.MarkedYAMLError, text: str) -> FrontMatterError:
    """Say where a YAML mistake starts, what the parser found, and how to fix it.

    PyYAML marks two places: where the construct it was reading began (an opening quote
    or bracket) and where it gave up (for an unclosed quote, the end of the front
    matter). Both are named; the message's line is the one the author must look at.
    """
    start, stop = exc.context_mark, exc.problem_mark
    # An unclosed quote or bracket is fixed where it opened; anything else (a stray
    # colon, a tab) where the parser stopped: a block's or plain value's start says little.
    opened = any(word in (exc.context or "") for word in ("quoted", "flow"))
    first = (start if opened else stop) or start or stop
    parts = []
    same_place = start is not None and stop is not None and _where(start) == _where(stop)
    if exc.context and start is not None and not same_place:
        parts.append(f"{exc.context} at {_where(start)}")
    if exc.problem and stop is not None:
        parts.append(f"{exc.problem} at {_where(stop)}")
    found = ", ".join(parts) or (exc.problem or exc.context or "invalid YAML")
    message = f"front matter is not valid YAML: {found}"
    hint = _hint(exc, text)
    if hint:
        message += f". {hint}"
    if first is None:
        return FrontMatterError(message, line=_YAML_FIRST_LINE)
    return FrontMatterError(
        message, line=first.line + _YAML_FIRST_LINE, column=first.column + 1
    )


def _char_at(text: str, mark: Any) -> str:
    if mark is None:
        return ""
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column : mark.column + 1]


def _hint(exc: yaml.MarkedYAMLError, text: str) -> str:
    """Turn the parser's words for the mistakes Jekyll authors make into what to do."""
    problem = exc.problem or ""
    context = exc.context or ""
    mark = exc.problem_mark
    if "mapping values are not allowed" in problem and mark is not None:
        lines = text.split("\n")
        line = lines[mark.line] if mark.line < len(lines) else ""
        key, sep, value = line.partition(":")
        value = value.strip()
        if line[:1] in (" ", "\t"):
            return (
                "This line is indented as if it belonged to the key above it; remove the "
                "spaces at its start"
            )
        if sep and key.strip() and value and not value.startswith(("'", '"')):
            quoted = value.replace("\\", "\\\\").replace('"', '\\"')
            return (
                "A value that contains ': ' must be quoted; write "
                f'{key.strip()}: "{quoted}"'
            )
        return "A value that contains ': ' must be quoted"
    if "tab" in problem or _char_at(text, mark) == "\t":
        return "YAML does not allow tabs for indentation; indent with spaces"
    if "quoted scalar" in context:
        return "A quote opened there is never closed; close it on the same line"
    if "flow sequence" in context or "flow mapping" in context:
        return "A '[' or '{' opened there is never closed; close it on the same line"
    return ""


def _check_size(root: yaml.Node) -> None:
    """Refuse self-referencing aliases and alias bombs before anything walks the tree."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise FrontMatterError(
                "front matter is not valid YAML: an alias refers to itself; remove the '*' "
                "reference",
                line=node.start_mark.line + 2,
            )
        total = 1
        if isinstance(node, yaml.SequenceNode | yaml.MappingNode):
            active.add(key)
            for child in node.value:
                if isinstance(child, tuple):
                    total += size(child[0]) + size(child[1])
                else:
                    total += size(child)
                if total > MAX_NODES:
                    break
            active.discard(key)
        sizes[key] = total
        if total > MAX_NODES:
            raise FrontMatterError(
                f"front matter is too large (over {MAX_NODES} values once YAML aliases are "
                "expanded); shorten it",
                line=node.start_mark.line + 2,
            )
        return total

    size(root)


def _load(text: str) -> tuple[Any, dict[str, int], dict[str, int]]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}, {}
        _check_size(node)
        if not isinstance(node, yaml.MappingNode):
            return loader.construct_document(node), {}, {}
        data: dict[str, Any] = {}
        lines: dict[str, int] = {}
        duplicates: dict[str, int] = {}
        written: set[str] = set()
        for key_node, _value in node.value:
            # Only keys the author wrote here: `<<: *defaults` merges may be overridden.
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                if key_node.value in written:
                    duplicates[key_node.value] = key_node.start_mark.line + 2
                written.add(key_node.value)
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            lines[key] = key_node.start_mark.line + 2
            if key in TEXT_KEYS:
                data[key] = _raw_text(loader, value_node)
                continue
            try:
                data[key] = loader.construct_object(value_node, deep=True)
            except ValueError:
                # An impossible timestamp (2024-02-30) makes PyYAML raise; keep the text so
                # the caller can report it with the key and line.
                data[key] = _raw_text(loader, value_node)
        return data, lines, duplicates
    finally:
        loader.dispose()


def _raw_text(loader: Any, node: yaml.Node) -> Any:
    """Construct `node`, keeping scalars as the text the author wrote."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == "tag:yaml.org,2002:null" and node.style is None:
            return None
        return str(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_raw_text(loader, item) for item in node.value]
    return loader.construct_object(node, deep=True)


def to_bool(value: object) -> bool | None:
    """Read a switch as authors write it (`yes`, `no`, `on`, `true`, `1`).

    Returns:
        The boolean, or `None` when the value is not a recognisable switch.
    """
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    if isinstance(value, int | float):
        return bool(value)
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
    return None


def to_list(value: object, *, split_spaces: bool = False) -> list[str]:
    """Read a list in any spelling: a YAML list, a comma list, or (optionally) words.

    Args:
        value: The front-matter value.
        split_spaces: Split a plain string on white space too (Jekyll's `tags: a b c`).

    Returns:
        Non-empty, stripped strings in their order, duplicates removed.
    """
    items: list[str] = []
    if value is None or value is False:
        return items
    if isinstance(value, str):
        if "," in value:
            items = value.split(",")
        elif split_spaces:
            items = value.split()
        else:
            items = [value]
    elif isinstance(value, list | tuple | set):
        for item in value:
            items.extend(to_list(item, split_spaces=False) if not isinstance(item, str) else [item])
    else:
        items = [str(value)]
    seen: set[str] = set()
    result: list[str] = []
    for item in items:
        text = str(item).strip()
        if text and text not in seen:
            seen.add(text)
            result.append(text)
    return result
