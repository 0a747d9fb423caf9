"""Walk every file of a built site and report markup that post text injected.

Hostile fixtures carry the token `pwn` in every payload (`<script>pwn(1)</script>`,
`onerror=pwn(2)`, `javascript:pwn(3)`). A payload that reaches an output as markup shows
up as a `<script>` element, an event-handler attribute or a script URL whose value holds
the token. Escaped text (`&lt;script&gt;`) is fine: readers see it as text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag
from lxml import etree

TOKEN = "pwn"

_BAD_SCHEME_RE = re.compile(r"^\s*(javascript|vbscript|data)\s*:", re.IGNORECASE)
_RAW_TEXT_RE = re.compile(r"<(title|textarea)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_JS_STRING_RE = re.compile(r'"(?:[^"\\\n]|\\.)*"' + r"|'(?:[^'\\\n]|\\.)*'")
_DATA_SCRIPT_TYPES = ("application/ld+json", "application/json")
_JSON_URL_KEYS = {"url", "external_url", "image", "banner_image", "icon", "favicon", "avatar"}
_XML_URL_FIELDS = {"link", "guid", "comments", "id", "uri", "icon", "logo", "url", "loc", "docs"}
_URL_ATTRS = ("href", "src", "action", "formaction", "poster", "xlink:href", "srcset")
# Feed fields that readers render as HTML (RSS description/content, Atom type="html").
_XML_HTML_FIELDS = {"description", "encoded", "content", "summary"}


def html_injections(markup: str, where: str) -> list[str]:
    """Return the injected elements and attributes found in an HTML document or fragment."""
    problems: list[str] = []
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(True):
        assert isinstance(tag, Tag)
        if tag.name == "script" and tag.get("type") in _DATA_SCRIPT_TYPES:
            # Data, not code; but a value that broke out of it leaves invalid JSON behind.
            try:
                json.loads(tag.string or "")
            except ValueError:
                problems.append(f"{where}: broken JSON data block: {str(tag)[:120]}")
        elif tag.name == "script" and not tag.get("src"):
            # A theme's inline script may carry page data in string literals (readthedocs
            # writes the page name with `tojson`); the token outside them is injected code.
            code = _JS_STRING_RE.sub('""', tag.string or "")
            if TOKEN in code:
                problems.append(f"{where}: injected <script>: {str(tag)[:120]}")
        elif tag.name in ("script", "iframe", "object", "embed", "svg") and TOKEN in str(tag):
            problems.append(f"{where}: injected <{tag.name}>: {str(tag)[:120]}")
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if TOKEN not in text:
                continue
            if name.lower().startswith("on"):
                problems.append(f"{where}: injected attribute {name}={text[:80]!r} on <{tag.name}>")
            elif name.lower() in _URL_ATTRS and _BAD_SCHEME_RE.match(text):
                problems.append(f"{where}: script URL in {name}={text[:80]!r} on <{tag.name}>")
            elif name.lower() == "content" and "url=" in text.lower():
                target = text.lower().split("url=", 1)[1]
                if _BAD_SCHEME_RE.match(target):
                    problems.append(f"{where}: script URL in meta refresh {text[:80]!r}")
    # Text that browsers read as raw text (`<title>`, `<textarea>`) must not carry tags
    # either: a raw `<` there proves the value was printed unescaped.
    for match in _RAW_TEXT_RE.finditer(markup):
        if TOKEN in match.group(2) and "<" in match.group(2):
            problems.append(
                f"{where}: unescaped markup in <{match.group(1)}>: {match.group(2)[:80]}"
            )
    return problems


def _json_strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _json_strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _json_strings(item, f"{path}[{i}]")


def json_injections(text: str, where: str) -> list[str]:
    """Check the strings of a JSON file that readers show as HTML.

    In a JSON Feed only `*_html` fields are HTML (the rest is text or URLs); in any other
    JSON file (the search index) every string may be shown with `innerHTML`, as
    Material does for titles, text and tags.
    """
    problems: list[str] = []
    data = json.loads(text)
    is_feed = isinstance(data, dict) and str(data.get("version", "")).startswith(
        "https://jsonfeed.org/"
    )
    config = data.get("config") if isinstance(data, dict) else None
    if isinstance(config, dict) and "min_search_length" in config:
        # MkDocs' own search index: its JavaScript escapes titles and text before showing
        # them, so they are text (and decoded entities there are expected).
        return []
    for path, value in _json_strings(data, ""):
        if TOKEN not in value:
            continue
        key = re.sub(r"\[\d+\]$", "", path).rsplit(".", 1)[-1]
        if not is_feed or key.endswith("_html"):
            problems += html_injections(value, f"{where}{path}")
        elif key in _JSON_URL_KEYS and _BAD_SCHEME_RE.match(value):
            problems.append(f"{where}{path}: script URL {value[:80]!r}")
    return problems


def xml_injections(data: bytes, where: str) -> list[str]:
    """Check XML attributes for script URLs and HTML-valued fields for injected markup."""
    problems: list[str] = []
    root = etree.fromstring(data, parser=etree.XMLParser(resolve_entities=False))
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        local = etree.QName(element).localname
        for name, value in element.attrib.items():
            if TOKEN in value and _BAD_SCHEME_RE.match(value):
                problems.append(f"{where}: script URL in <{local} {name}={value[:80]!r}>")
        text = element.text or ""
        if TOKEN not in text:
            continue
        if local in _XML_URL_FIELDS and _BAD_SCHEME_RE.match(text):
            problems.append(f"{where}: script URL in <{local}>: {text[:80]}")
        is_html = local in _XML_HTML_FIELDS or element.get("type") in ("html", "xhtml")
        if is_html:
            problems += html_injections(text, f"{where}<{local}>")
    return problems


def site_injections(site_dir: Path) -> list[str]:
    """Walk every HTML, XML and JSON file under `site_dir` and collect injections."""
    problems: list[str] = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site_dir).as_posix()
        suffix = path.suffix.lower()
        if suffix in (".html", ".htm"):
            problems += html_injections(path.read_text(encoding="utf-8"), rel)
        elif suffix == ".json":
            problems += json_injections(path.read_text(encoding="utf-8"), rel)
        elif suffix in (".xml", ".rss", ".atom"):
            problems += xml_injections(path.read_bytes(), rel)
    return problems


def output_files(site_dir: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path relative to `site_dir`."""
    return {
        p.relative_to(site_dir).as_posix(): p.read_bytes()
        for p in sorted(site_dir.rglob("*"))
        if p.is_file()
    }
