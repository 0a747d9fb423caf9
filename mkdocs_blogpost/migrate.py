"""Make posts written for Jekyll work unedited: Liquid idioms and site-root links.

Two pure steps, both cheap enough to run on every post:

* `convert_liquid` rewrites the Liquid a Jekyll post body uses (`{% raw %}`,
  `{% highlight %}`, `{% post_url %}`, `{{ site.baseurl }}`, `relative_url`...) into plain
  Markdown, before MkDocs renders it. Liquid inside code (fenced, indented, inline) is an
  example of the syntax and stays literal. What it cannot convert it leaves visible and
  reports, with the line.
* `resolve_link` finds what a link written for a site served from its root
  (`./assets/img/x.png`, `/other-post.html`, `/2021/04/02/slug.html`) points to in the docs
  tree, so the link can be rewritten to a docs-relative path MkDocs validates.
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, quote_plus, unquote, urlsplit

_SCHEME_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
__all__ = [
    "LinkIndex",
    "LiquidContext",
    "LiquidResult",
    "Problem",
    "convert_liquid",
    "is_local_url",
    "looked_for",
    "page_candidates",
    "resolve_link",
    "split_full_marker",
    "valid_github",
]

_JEKYLL_STEM_RE = re.compile(r"^(?P<date>\d{4}-\d{1,2}-\d{1,2})-(?P<slug>.+)$")
_DATE_PATH_RE = re.compile(r"(?:^|/)(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})$")
_FENCE_RE = re.compile(r"^(?P<indent>[ \t]*(?:>[ \t]?)*[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_LIST_RE = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_INDENTED_RE = re.compile(r"^(?: {4}|\t)")
_TOKEN_RE = re.compile(
    r"(?P<ticks>`+)|(?P<tag>\{%-?\s*(?P<tag_body>.*?)\s*-?%\})|(?P<out>\{\{-?\s*(?P<out_body>.*?)\s*-?\}\})"
)
_RAW_MARK_RE = re.compile(r"\{%-?\s*(?:raw|endraw)\s*-?%\}")
_ENDRAW_RE = re.compile(r"\{%-?\s*endraw\s*-?%\}")
_ENDCOMMENT_RE = re.compile(r"\{%-?\s*endcomment\s*-?%\}")
_HIGHLIGHT_RE = re.compile(
    r"^(?P<indent>[ \t]*)\{%-?\s*highlight\s+(?P<args>[^%]*?)\s*-?%\}(?P<rest>.*)$"
)
_ENDHIGHLIGHT_RE = re.compile(r"\{%-?\s*endhighlight\s*-?%\}")
_LANG_RE = re.compile(r"^[\w+#.-]+$")
_SITE_KEY_RE = re.compile(r"^site(?:\.[\w-]+)+$")
_STRING_RE = re.compile(r"""^(?P<q>["'])(?P<s>.*)(?P=q)$""")
_INLINE_DOLLARS_RE = re.compile(r"(?<![\\$])\$\$(?!\$)(?P<math>[^$\n]+?)(?<![\\$])\$\$(?!\$)")
_GITHUB_RE = re.compile(
    r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/(?!\.\.?(?:/|$))[A-Za-z0-9._~%+@-]+)*$"
)
_GITHUB_FRAGMENT_RE = re.compile(r"^[A-Za-z0-9_.:-]{1,80}$")


@dataclass(frozen=True)
class Problem:
    """Something in a post the author should look at.

    Attributes:
        line: 0-based line of the body where it is.
        message: What is wrong and what to do.
    """

    line: int
    message: str


@dataclass
class LiquidContext:
    """What converting Liquid needs to know about the site.

    Attributes:
        post_path: Callable giving the docs path of the post a `{% post_url %}` names
            (the argument as written), or `None` when there is no such post.
        from_dir: Docs folder of the post being converted, for relative paths.
        site_url: The site's `site_url` (may be empty), for a lone `{{ site.url }}`.
        inline_math: Turn kramdown's inline `$$...$$` into `$...$` (for `mathjax` posts).
        site: The old Jekyll site's settings (`_config.yml`), for `{{ site.title }}` and
            the like; `None` when the site has none (the expressions stay visible).
        site_source: Name of the settings file, for messages.
        literal: Set when a template engine renders the result again (mkdocs-macros):
            it wraps text that must reach the reader as written (code, `{% raw %}`
            blocks) so the engine prints it unchanged. Liquid the converter does not
            know is then left, unreported, to that engine, unless only Jekyll
            understands it (`site.*`, `{% include file.html %}`, `| date: "%Y"`).
    """

    post_path: Callable[[str], str | None] = lambda _name: None
    from_dir: str = ""
    site_url: str = ""
    inline_math: bool = False
    site: Mapping[str, Any] | None = None
    site_source: str = "_config.yml"
    literal: Callable[[str], str] | None = None


@dataclass
class LiquidResult:
    """The converted Markdown and what happened on the way."""

    markdown: str
    problems: list[Problem] = field(default_factory=list)
    converted: int = 0


class _Converter:
    def __init__(self, ctx: LiquidContext):
        self.ctx = ctx
        self.problems: list[Problem] = []
        self.converted = 0
        self.state: str | None = None  # None, "raw" or "comment"
        self.raw_line = 0

    # -- blocks -------------------------------------------------------------------------

    def run(self, markdown: str) -> str:
        lines = markdown.split("\n")
        out: list[str] = []
        fence: tuple[str, int] | None = None  # (char, length) of the open fence
        highlight: str | None = None  # closing fence of an open {% highlight %}
        highlight_line = 0
        last_blank = True
        in_list = False
        in_indented = False
        for number, line in enumerate(lines):
            if fence is not None:
                match = _FENCE_RE.match(line)
                token = match.group("fence") if match else ""
                if (
                    match
                    and token[0] == fence[0]
                    and len(token) >= fence[1]
                    and not match.group("info").strip()
                ):
                    fence = None
                out.append(self._strip_raw(line))
                continue
            if highlight is not None:
                end = _ENDHIGHLIGHT_RE.search(line)
                if end is None:
                    out.append(self._strip_raw(line))
                    continue
                before, after = line[: end.start()], line[end.end() :]
                if before.strip():
                    out.append(self._strip_raw(before))
                out.append(highlight)
                highlight = None
                self.converted += 1
                if after.strip():
                    out.append(self._text(after, number))
                last_blank = False
                continue
            if self.state is None:
                fence_match = _FENCE_RE.match(line)
                if fence_match and not (
                    fence_match.group("fence")[0] == "`" and "`" in fence_match.group("info")
                ):
                    token = fence_match.group("fence")
                    fence = (token[0], len(token))
                    out.append(self._keep(line))
                    last_blank = in_indented = False
                    continue
                if (
                    line.strip()
                    and _INDENTED_RE.match(line)
                    and not in_list
                    and (last_blank or in_indented)
                ):
                    in_indented = True
                    out.append(self._keep(line))
                    last_blank = False
                    continue
                start = _HIGHLIGHT_RE.match(line)
                if start is not None:
                    args = start.group("args").split()
                    lang = args[0] if args and _LANG_RE.match(args[0]) else ""
                    indent = start.group("indent")
                    closing = indent + _fence_for(lines, number)
                    rest = start.group("rest")
                    end = _ENDHIGHLIGHT_RE.search(rest)
                    out.append(closing + lang)
                    if end is not None:
                        out.append(indent + self._strip_raw(rest[: end.start()]))
                        out.append(closing)
                        self.converted += 1
                    else:
                        if rest.strip():
                            out.append(indent + self._strip_raw(rest))
                        highlight, highlight_line = closing, number
                    last_blank = in_indented = False
                    continue
            if not line.strip():
                last_blank = True
                out.append(self._text(line, number))
                continue
            if not _INDENTED_RE.match(line):
                in_indented = False
                if _LIST_RE.match(line):
                    in_list = True
                elif last_blank:
                    in_list = False
            last_blank = False
            out.append(self._text(line, number))
        if fence is None and highlight is not None:
            out.append(highlight)
            self.problems.append(
                Problem(
                    highlight_line, "'{% highlight %}' is never closed; add '{% endhighlight %}'"
                )
            )
        if self.state == "raw":
            self.problems.append(
                Problem(self.raw_line, "'{% raw %}' is never closed; add '{% endraw %}'")
            )
        return "\n".join(out)

    def _strip_raw(self, line: str) -> str:
        # In code, Jekyll still ran Liquid: authors wrapped examples in {% raw %}, and
        # readers never saw the markers. Everything else in code stays as written.
        if "{%" not in line:
            return self._keep(line)
        new = _RAW_MARK_RE.sub("", line)
        if new != line:
            self.converted += 1
        return self._keep(new)

    def _keep(self, text: str) -> str:
        """Return text the reader must see as written, safe from a later template engine."""
        literal = self.ctx.literal
        return text if literal is None else literal(text)

    # -- inline -------------------------------------------------------------------------

    def _text(self, line: str, number: int) -> str:
        out: list[str] = []
        pos = 0
        while pos < len(line):
            if self.state is not None:
                closing = _ENDRAW_RE if self.state == "raw" else _ENDCOMMENT_RE
                end = closing.search(line, pos)
                if end is None:
                    if self.state == "raw":
                        out.append(self._keep(line[pos:]))
                    return "".join(out)
                if self.state == "raw":
                    out.append(self._keep(line[pos : end.start()]))
                self.state = None
                pos = end.end()
                continue
            match = _TOKEN_RE.search(line, pos)
            if match is None:
                out.append(self._math(line[pos:]))
                break
            out.append(self._math(line[pos : match.start()]))
            if match.group("ticks"):
                ticks = match.group("ticks")
                close = re.compile(r"(?<!`)" + ticks + r"(?!`)").search(line, match.end())
                if close is None:
                    out.append(ticks)
                    pos = match.end()
                else:
                    out.append(self._strip_raw(line[match.start() : close.end()]))
                    pos = close.end()
                continue
            if match.group("tag") is not None:
                out.append(self._tag(match.group("tag_body"), match.group("tag"), number))
            else:
                out.append(
                    self._output(
                        match.group("out_body"), match.group("out"), line, match.end(), number
                    )
                )
            pos = match.end()
        return "".join(out)

    def _math(self, text: str) -> str:
        if not self.ctx.inline_math or "$$" not in text or text.strip().startswith("$$"):
            return text
        return _INLINE_DOLLARS_RE.sub(lambda m: "$" + m.group("math") + "$", text)

    def _tag(self, body: str, raw: str, number: int) -> str:
        name, _, args = body.partition(" ")
        args = args.strip()
        if name == "raw":
            self.state, self.raw_line = "raw", number
            self.converted += 1
            return ""
        if name == "comment":
            self.state = "comment"
            self.converted += 1
            return ""
        if name in ("post_url", "link"):
            target = self.ctx.post_path(args) if args else None
            if target is None:
                what = "post" if name == "post_url" else "file"
                self.problems.append(
                    Problem(
                        number,
                        f"'{raw}' names no {what} of the site; fix the name. Until then "
                        "the tag is left as typed, and a link or image made of it shows "
                        "only its text",
                    )
                )
                return raw
            self.converted += 1
            return posixpath.relpath(target, self.ctx.from_dir or ".")
        if name in ("highlight", "endhighlight"):
            hint = "put '{% highlight %}' and '{% endhighlight %}' on lines of their own"
        elif name in ("endraw", "endcomment"):
            hint = "there is no opening tag for it; remove it"
        elif name == "include":
            hint = (
                "includes are not supported; paste the included content into the post "
                "(the tag is left visible)"
            )
        else:
            if self.ctx.literal is not None and _jinja_statement(name, args):
                return raw  # the template engine's own tag
            hint = "this Liquid tag is not supported; replace it with Markdown (it is left visible)"
        self.problems.append(Problem(number, f"'{raw}': {hint}"))
        return self._keep(raw)

    def _output(self, body: str, raw: str, line: str, end: int, number: int) -> str:
        try:
            value = self._evaluate(body, line[end : end + 2])
        except _Unknown as exc:
            self.problems.append(Problem(number, f"'{raw}': {exc} (it is left visible)"))
            return self._keep(raw)
        if value is None:
            if self.ctx.literal is not None and not _jekyll_only_output(body):
                return raw  # the template engine's own expression
            self.problems.append(
                Problem(
                    number,
                    f"'{raw}': this Liquid expression cannot be converted; replace it with "
                    "its value (it is left visible, and a link or image made of it shows "
                    "only its text)",
                )
            )
            return self._keep(raw)
        self.converted += 1
        return self._keep(value)

    def _site_value(self, name: str) -> str:
        """Return `site.<name>` (dotted for nested keys) from the old `_config.yml`."""
        source = self.ctx.site_source
        if self.ctx.site is None:
            raise _Unknown(
                "this Liquid expression cannot be converted without the old site's settings; "
                f"set the option 'jekyll_config' to the old blog's {source}, or replace it "
                "with its value"
            )
        value: Any = self.ctx.site
        for key in name.split("."):
            if not isinstance(value, Mapping) or key not in value:
                raise _Unknown(f"'{name}' is not set in {source}; add it or replace it")
            value = value[key]
        if isinstance(value, Mapping | list | tuple | set):
            raise _Unknown(
                f"'{name}' in {source} is a list or mapping, not a value that can be shown; "
                "replace it with the text to show"
            )
        return _liquid_text(value)

    def _evaluate(self, body: str, following: str) -> str | None:
        parts = [p.strip() for p in body.split("|")]
        head, filters = parts[0], parts[1:]
        if head == "site.baseurl":
            value = ""
        elif head == "site.url":
            # Before a path, the site URL is only the start of a link: keep it relative.
            continued = following.startswith(("/", "{{"))
            value = "" if (continued or filters) else self.ctx.site_url.rstrip("/")
        elif head.startswith("site.") and _SITE_KEY_RE.match(head):
            try:
                value = self._site_value(head[len("site.") :])
            except _Unknown:
                # `| default: "x"` is the author's answer for a missing value.
                has_default = any(f.partition(":")[0].strip() == "default" for f in filters)
                if self.ctx.site is None or not has_default:
                    raise
                value = ""
        else:
            literal = _STRING_RE.match(head)
            if literal is None:
                return None
            value = literal.group("s")
        for item in filters:
            name, _, arg = item.partition(":")
            name, arg = name.strip(), arg.strip()
            if name in ("relative_url", "absolute_url"):
                # A regex, not urlsplit: "http://[x" must not raise (found by fuzzing).
                value = "/" + value.lstrip("/") if not _SCHEME_RE.match(value) else value
            elif name in ("prepend", "append"):
                if arg in ("site.baseurl", "site.url"):
                    continue
                literal = _STRING_RE.match(arg)
                if literal is None:
                    return None
                value = (
                    literal.group("s") + value if name == "prepend" else value + literal.group("s")
                )
            elif name == "default" and not arg:
                return None
            elif name == "default":
                literal = _STRING_RE.match(arg)
                if literal is None:
                    return None
                value = value or literal.group("s")
            elif name in _TEXT_FILTERS and not arg:
                value = _TEXT_FILTERS[name](value)
            else:
                return None
        return value


#: Names only Jekyll gives a value to; `page` is left out, as macros has one too.
_JEKYLL_ROOTS = frozenset({"site", "post", "paginator", "jekyll", "layout", "include", "content"})
_LIQUID_FILTER_ARG_RE = re.compile(r"^\s*[\w-]+\s*:")
_ROOT_RE = re.compile(r"^\s*(?P<root>[A-Za-z_][\w-]*)")
#: Jinja's statements: in a page mkdocs-macros renders they are its own, not Liquid.
_JINJA_STATEMENTS = frozenset(
    {
        *("if", "elif", "else", "endif", "for", "endfor", "set", "endset", "do"),
        *("macro", "endmacro", "call", "endcall", "filter", "endfilter", "break"),
        *("with", "endwith", "block", "endblock", "extends", "import", "from"),
        *("autoescape", "endautoescape", "trans", "pluralize", "endtrans", "continue"),
    }
)


def _jekyll_only_output(body: str) -> bool:
    """Tell whether `{{ body }}` means something to Jekyll only, not to Jinja."""
    parts = body.split("|")
    root = _ROOT_RE.match(parts[0])
    if root is not None and root.group("root") in _JEKYLL_ROOTS:
        return True
    return any(_LIQUID_FILTER_ARG_RE.match(part) for part in parts[1:])


def _jinja_statement(name: str, args: str) -> bool:
    """Tell whether `{% name args %}` is a Jinja statement (an include names a quoted file)."""
    name = name.strip("-+ ")
    if name == "include":
        return args[:1] in ("'", '"')
    return name in _JINJA_STATEMENTS


class _Unknown(LookupError):
    """A `site.*` value that cannot be shown; the message says why and what to do."""


def _liquid_text(value: object) -> str:
    """Print a YAML scalar as Liquid does: `nil` is empty, booleans are lower case."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S %z").strip()
    return str(value)


#: Liquid's text filters without arguments, as plain functions.
_TEXT_FILTERS: dict[str, Callable[[str], str]] = {
    "escape": html.escape,
    "xml_escape": html.escape,
    "escape_once": lambda text: html.escape(html.unescape(text)),
    "upcase": str.upper,
    "downcase": str.lower,
    "capitalize": lambda text: text[:1].upper() + text[1:].lower(),
    "strip": str.strip,
    "lstrip": str.lstrip,
    "rstrip": str.rstrip,
    "url_encode": quote_plus,
    "cgi_escape": quote_plus,
    "uri_escape": lambda text: quote(text, safe="!#$&'()*+,/:;=?@[]~"),
}


def _fence_for(lines: list[str], start: int) -> str:
    """Return a backtick fence longer than any backtick run in the highlight block at `start`."""
    longest = 0
    for line in lines[start:]:
        for run in re.findall(r"`+", line):
            longest = max(longest, len(run))
        if _ENDHIGHLIGHT_RE.search(line):
            break
    return "`" * max(3, longest + 1)


def convert_liquid(markdown: str, ctx: LiquidContext) -> LiquidResult:
    """Convert the Liquid idioms of a Jekyll post body into plain Markdown.

    Args:
        markdown: The post body.
        ctx: What the site provides.

    Returns:
        The new Markdown (unchanged when there was no Liquid), the problems found with
        their 0-based body line, and how many idioms were converted.
    """
    # Under a template engine, code must reach the reader as written, whatever braces
    # it holds (`${#list[@]}`).
    plain = (
        "{" not in markdown
        if ctx.literal is not None
        else "{%" not in markdown
        and "{{" not in markdown
        and not (ctx.inline_math and "$$" in markdown)
    )
    if plain:
        return LiquidResult(markdown)
    converter = _Converter(ctx)
    new = converter.run(markdown)
    return LiquidResult(new, converter.problems, converter.converted)


# -- links ------------------------------------------------------------------------------


@dataclass
class LinkIndex:
    """Everything a link can point to, built once per build.

    Attributes:
        files: Docs paths of every file of the site.
        by_stem: Post file name without extension (`2021-01-25-slug`) to its docs path.
        by_slug: Slug (from the file name and the final one) to the docs paths of posts.
        by_url: Site URL of each post (`blog/2021/01/25/slug/`) to its docs path.
        dates: Docs path of each post to its date as `(yyyy, mm, dd)`.
    """

    files: set[str] = field(default_factory=set)
    by_stem: dict[str, str] = field(default_factory=dict)
    by_slug: dict[str, list[str]] = field(default_factory=dict)
    by_url: dict[str, str] = field(default_factory=dict)
    dates: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    def add_post(
        self, src_uri: str, slug: str, url: str, date: tuple[int, int, int] | None
    ) -> None:
        """Register one post under every name a link may use for it."""
        stem = posixpath.splitext(posixpath.basename(src_uri))[0]
        self.by_stem.setdefault(stem, src_uri)
        names = {slug}
        jekyll = _JEKYLL_STEM_RE.match(stem)
        names.add(jekyll.group("slug") if jekyll else stem)
        for name in names:
            entries = self.by_slug.setdefault(name, [])
            if src_uri not in entries:
                entries.append(src_uri)
        if url:
            self.by_url.setdefault(url.strip("/"), src_uri)
            if url.endswith(".html"):
                self.by_url.setdefault(url[: -len(".html")].strip("/"), src_uri)
        if date is not None:
            self.dates[src_uri] = date

    def post_path(self, name: str) -> str | None:
        """Docs path of the post a `{% post_url %}` or `{% link %}` argument names."""
        name = name.strip().strip("\"'")
        if not name:
            return None
        if name.lstrip("/") in self.files:
            return name.lstrip("/")
        stem = posixpath.splitext(posixpath.basename(name))[0]
        return self.by_stem.get(stem)


def is_local_url(url: str) -> bool:
    """Tell whether `url` points into the site (no scheme, no host, not a lone anchor)."""
    if not url or url.startswith(("#", "//", "?")):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return not (parts.scheme or parts.netloc)


def split_full_marker(url: str) -> tuple[str, bool]:
    """Strip the theme's full-width marker: `x.png#full` gives `("x.png", True)`."""
    if url.endswith("#full"):
        return url[: -len("#full")], True
    return url, False


def resolve_link(
    url: str, from_dir: str, index: LinkIndex, *, media_dir: str | None = None
) -> tuple[str | None, bool]:
    """Find the docs file a link written in a post points to.

    Order: from the post's `media_subpath`/`img_path` folder, for images; as written
    from the post's folder; else against the docs root (Jekyll served posts from the
    site root, where a browser drops any `..` that climbs above it); else among the
    posts, by file name, slug, URL or Jekyll date path (`/2021/04/02/slug.html`).
    Backslashes (Windows paths) are read as slashes.

    Args:
        url: The link as written (local, see `is_local_url`).
        from_dir: Docs folder of the post.
        index: The site's files and posts.
        media_dir: Docs folder that the post's relative image paths hang from, if any.

    Returns:
        `(path, as_written)`: the docs path of the target (or `None` when nothing
        matches) and whether the link already resolved as written.
    """
    path = unquote(urlsplit(url.replace("\\", "/")).path)
    if not path:
        return None, False
    if media_dir is not None and not path.startswith("/"):
        media = _inside_root(posixpath.join(media_dir, path))
        if media in index.files:
            return media, False
    if not path.startswith("/"):
        here = posixpath.normpath(posixpath.join(from_dir, path))
        if here in index.files:
            return here, "\\" not in url
    root = _inside_root(path)
    if root in index.files:
        return root, False
    trailing = path.endswith("/")
    base, ext = posixpath.splitext(root)
    if ext.lower() in (".html", ".htm"):
        stem_path = base
    elif not ext or trailing:
        stem_path = root
    elif ext.lower() in (".md", ".markdown"):
        stem_path = base
    else:
        return None, False
    for candidate in page_candidates(stem_path):
        if candidate in index.files:
            return candidate, False
    if stem_path in index.by_url:
        return index.by_url[stem_path], False
    name = posixpath.basename(stem_path)
    if name in index.by_stem:
        return index.by_stem[name], False
    matches = index.by_slug.get(name, [])
    date_match = _DATE_PATH_RE.search(posixpath.dirname(stem_path))
    if date_match is not None:
        want = (int(date_match["y"]), int(date_match["m"]), int(date_match["d"]))
        dated = [m for m in matches if index.dates.get(m) == want]
        matches = dated or matches
    if len(matches) == 1:
        return matches[0], False
    return None, False


def _inside_root(path: str) -> str:
    """Normalise a site path the way a browser does: `..` never climbs above the root."""
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def page_candidates(stem_path: str) -> tuple[str, ...]:
    """Return the Markdown files a page URL without its extension may come from."""
    return (
        f"{stem_path}.md",
        posixpath.join(stem_path, "index.md") if stem_path else "index.md",
        f"{stem_path}/README.md",
    )


def looked_for(url: str, from_dir: str, *, media_dir: str | None = None) -> list[str]:
    """Return the docs paths `resolve_link` tries for a file link, in order, for messages."""
    path = unquote(urlsplit(url.replace("\\", "/")).path)
    found: list[str] = []
    if media_dir is not None and not path.startswith("/"):
        found.append(_inside_root(posixpath.join(media_dir, path)))
    if not path.startswith("/"):
        here = posixpath.normpath(posixpath.join(from_dir, path))
        if not here.startswith("../") and here != "..":
            found.append(here)
    found.append(_inside_root(path))
    return list(dict.fromkeys(found))


def valid_github(value: object) -> str | None:
    """Return the `https://github.com/...` URL a `github:` value means, or `None`.

    Real posts write `owner/repo`, deeper paths (`owner/repo/tree/main/docs`), full
    URLs (`https://github.com/owner/repo/blob/main/x.py#L3`, with or without `www.`),
    `owner/` or a bare user name (`owner`, `@owner`: the profile). Anything else (another
    host, `..`, characters no GitHub path has) gives `None`.
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    fragment = ""
    if "#" in text:
        text, _, fragment = text.partition("#")
        if not _GITHUB_FRAGMENT_RE.match(fragment):
            fragment = ""
    text = text.split("?", 1)[0]
    lowered = text.lower()
    for scheme in ("https://", "http://"):
        if lowered.startswith(scheme):
            text, lowered = text[len(scheme) :], lowered[len(scheme) :]
            break
    else:
        if _SCHEME_RE.match(text) and not lowered.startswith(("github.com/", "www.github.com/")):
            return None
    for host in ("www.github.com/", "github.com/"):
        if lowered.startswith(host):
            text = text[len(host) :]
            break
    else:
        first = text.split("/", 1)[0]
        if "." in first or ":" in first:
            return None  # another host
    text = text.lstrip("@")
    trailing = text.endswith("/") and text.count("/") > 1
    path = text.strip("/")
    if not path or not _GITHUB_RE.match(path):
        return None
    url = "https://github.com/" + path + ("/" if trailing else "")
    return url + (f"#{fragment}" if fragment else "")
