"""Whole posts written by Hypothesis, each with the fate the build must give it.

Dates in every form, valid or not; tags with Unicode, punctuation and case variants;
titles with markup; quotes and captions in and out of code; drafts in every spelling.
Payloads carry the token `pwn` (see `safety`).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from .build import make_config, run_build, write_tree
from .safety import output_files

PAYLOADS = [
    "<script>pwn('t')</script>",
    '"><img src=x onerror=pwn(1)>',
    "' onmouseover='pwn(2)",
    "<svg/onload=pwn(3)>",
    "javascript:pwn(4)",
    "a & b",
    "&amp; &lt;",
    '"quoted"',
    "no",
    "yes",
    "1.10",
    "null",
    "~",
    "[x]",
    "{y: 1}",
    "# not a comment",
    "key: value",
]


TAG_WORDS = [
    "Docs",
    "docs",
    "DOCS",
    " docs ",
    "C++",
    "C#",
    "c",
    "über",
    "Über",
    "UBER",
    "日本語",
    "a&b",
    "a-b",
    "a b",
    "..",
    "../../etc",
    "index",
    "-",
    "#",
    "<b>bold</b>",
    "\"><img src=x onerror=pwn('tag')>",
]


SAFE_CHARS = st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co", "Zl", "Zp"))


text = st.text(SAFE_CHARS, max_size=20)


def yaml_str(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


@dataclass
class GenPost:
    """A generated post and what the build must make of it."""

    index: int
    source: str
    #: "visible": dated and published; "hidden": draft, unpublished or future;
    #: "undated": an unreadable date (kept as a plain page, out of the blog);
    #: "skipped": no date at all and no date in the name (Jekyll would not publish it).
    fate: str
    ymd: tuple[int, int, int] | None
    #: The post's distinct tags, as one term each (case and inner spaces do not count).
    tag_keys: set[str]

    @property
    def marker(self) -> str:
        return f"GENMARK{self.index}X"


valid_moment = st.datetimes(
    min_value=dt.datetime(1995, 1, 1), max_value=dt.datetime(2025, 12, 31)
).map(lambda d: d.replace(microsecond=0))


@st.composite
def date_field(draw: st.DrawFn) -> tuple[str | None, tuple[int, int, int] | None, str]:
    """Return (YAML value or None, expected y/m/d or None, kind)."""
    kind = draw(st.sampled_from(["valid", "valid", "valid", "invalid", "missing", "future"]))
    if kind == "missing":
        return None, None, "skipped"
    if kind == "invalid":
        value = draw(
            st.sampled_from(
                [
                    "2024-02-30",
                    "'2023-02-29'",
                    "2024-13-01",
                    "'2024-02-29 25:00'",
                    "yesterday",
                    "20240101",
                    "[2024, 1, 1]",
                    "'2024-06-30 12:00 +2500'",
                    "true",
                ]
            )
        )
        return value, None, "undated"
    moment = draw(valid_moment)
    if kind == "future":
        moment = moment.replace(year=draw(st.integers(2990, 2999)))
    offset = draw(st.sampled_from(["", " +0800", " -11:00", " 0000", "Z", " +14:00"]))
    form = draw(st.integers(0, 4))
    if form == 0:
        value = f"{moment:%Y-%m-%d}"
    elif form == 1:
        value = f"{moment:%Y-%m-%d %H:%M:%S}{offset if offset != 'Z' else ' +0000'}"
    elif form == 2:
        value = f"{moment:%Y-%m-%d}  {moment:%H:%M:%S}{offset if offset != 'Z' else ''}"
    elif form == 3:
        value = f"{moment:%Y-%m-%dT%H:%M:%S}{offset.strip() if offset else ''}"
    else:
        value = f"'{moment:%Y/%m/%d %H:%M}'"
    fate = "hidden" if kind == "future" else "visible"
    return value, (moment.year, moment.month, moment.day), fate


@st.composite
def body_field(draw: st.DrawFn, marker: str) -> str:
    parts = [f"{marker} opens the post.", ""]
    for block in draw(st.lists(st.integers(0, 6), max_size=4)):
        payload = draw(st.sampled_from(PAYLOADS))
        words = draw(text).replace("`", "").replace("<", "").replace("\n", " ")
        link = draw(st.sampled_from(["javascript:pwn(6)", " JaVaScRiPt:pwn(7)", "https://ex.org/"]))
        if block == 0:  # quotes and captions outside code: markup in them is sanitised
            parts += [
                f"<tweet>A quote: **{words}** {payload} [link]({link}) &amp; more.</tweet>",
                "",
            ]
        elif block == 1:
            parts += [
                "![A picture](../img.png)",
                f"<small>Caption: {words} {payload} [see]({link}) &amp; co</small>",
                "",
            ]
        elif block == 2:  # syntax examples inside fenced code stay literal text
            parts += [
                "```html",
                f"<tweet>{payload}</tweet>",
                f"<small>{payload}</small>",
                "```",
                "",
            ]
        elif block == 3:  # and inside inline code
            parts += [f"Write `<tweet>{payload}</tweet>` or `<small>{payload}</small>`.", ""]
        elif block == 4:
            parts += ["    <script>pwn('indented code')</script>", ""]
        elif block == 5:
            parts += [f"Plain words: {words}", ""]
        else:
            parts += ["<!-- more -->", ""]
    return "\n".join(parts) + "\n"


@st.composite
def gen_post(draw: st.DrawFn, index: int) -> GenPost:
    marker = f"GENMARK{index}X"
    title = draw(
        st.one_of(
            text, st.sampled_from(PAYLOADS), st.tuples(text, st.sampled_from(PAYLOADS)).map("".join)
        )
    )
    date_value, ymd, fate = draw(date_field())
    lines = [f"title: {yaml_str(title)}"]
    if date_value is not None:
        lines.append(f"date: {date_value}")
    tags = draw(st.lists(st.one_of(st.sampled_from(TAG_WORDS), text), max_size=5))
    tag_form = draw(st.integers(0, 2))
    if tags and tag_form == 0:
        lines.append("tags: [" + ", ".join(yaml_str(t) for t in tags) + "]")
    elif tags and tag_form == 1:
        lines.append("tags:")
        lines += [f"  - {yaml_str(t)}" for t in tags]
    elif tags:
        lines.append("tags: " + yaml_str(" ".join(t.replace(",", " ") for t in tags)))
    if draw(st.booleans()):
        lines.append(f"description: {yaml_str(draw(st.sampled_from(PAYLOADS)) + draw(text))}")
    if draw(st.booleans()):
        lines.append(f"author: {yaml_str(draw(st.sampled_from(PAYLOADS)))}")
    if draw(st.booleans()):
        lines.append(f"category: {yaml_str(draw(st.sampled_from(TAG_WORDS)))}")
    if draw(st.integers(0, 4)) == 0:
        lines.append(f"slug: {yaml_str(draw(st.sampled_from(TAG_WORDS)))}")
    if draw(st.integers(0, 4)) == 0:
        lines.append(
            "img: "
            + yaml_str(
                draw(st.sampled_from(["javascript:pwn(5)", "data:text/html,pwn", "missing.png"]))
            )
        )
    hide = draw(
        st.sampled_from(
            ["", "", "", "draft: true", "draft: yes", "published: false", "published: 'no'"]
        )
    )
    if hide:
        lines.append(hide)
        if fate == "visible":
            fate = "hidden"
        elif fate in ("undated", "skipped"):
            fate = "hidden"  # a draft is never built, dated or not
    if draw(st.booleans()):
        lines.append("read_time: " + draw(st.sampled_from(["yes", "off", "maybe", "1"])))
    if tags and tag_form in (0, 1):
        tag_keys = {" ".join(t.split()).casefold() for t in tags if t.strip()}
    elif tags:
        tag_keys = {w.casefold() for w in " ".join(t.replace(",", " ") for t in tags).split()}
    else:
        tag_keys = set()
    eol = draw(st.sampled_from(["\n", "\n", "\r\n"]))
    bom = draw(st.sampled_from(["", "", "\ufeff"]))
    source = bom + "---\n" + "\n".join(lines) + "\n---\n" + draw(body_field(marker))
    return GenPost(
        index=index, source=source.replace("\n", eol), fate=fate, ymd=ymd, tag_keys=tag_keys
    )


posts_strategy = st.integers(1, 5).flatmap(lambda n: st.tuples(*[gen_post(i) for i in range(n)]))


def build(
    posts: tuple[GenPost, ...], root: Path
) -> tuple[dict[str, bytes], list[logging.LogRecord]]:
    files: dict[str, str | bytes] = {
        "index.md": "# Home\n\nWelcome.\n",
        "blog/img.png": b"\x89PNG\r\n\x1a\n",
    }
    for p in posts:
        files[f"blog/posts/p{p.index}.md"] = p.source.encode("utf-8")
    write_tree(root / "docs", files)
    cfg = make_config(root, None, strict=False)
    site = run_build(root, cfg)
    return output_files(site.site_dir), site.records
