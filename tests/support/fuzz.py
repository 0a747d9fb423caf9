"""Hypothesis settings and the pieces of text authors write, for fuzzing pure functions.

The number of examples per test is `BLOGPOST_FUZZ_EXAMPLES` (300 by default, so the
suite stays fast; raise it for a longer hunt).
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from mkdocs_blogpost.dates import get_timezone

EXAMPLES = int(os.environ.get("BLOGPOST_FUZZ_EXAMPLES", "300"))


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# Pieces that make YAML and HTML interesting; mixed with arbitrary text.
YAML_BITS = [
    "---",
    "...",
    "\n",
    "\r\n",
    "\r",
    "\ufeff",
    ": ",
    "- ",
    "  ",
    "\t",
    "title",
    "date",
    "tags",
    "slug",
    "img",
    "image",
    "draft",
    "published",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "<<: ",
    "!!python/object:x ",
    "!!binary ",
    "!!timestamp ",
    '"',
    "'",
    "2024-02-30",
    "2024-06-30 12:00:00 +0800",
    "1.10",
    "no",
    "~",
    "? ",
    "#",
    "|",
    ">",
    "%YAML 1.1\n",
    "\x00",
    "\x85",
    "\u2028",
    "\ud7ff",
]


HTML_BITS = [
    "<p>",
    "</p>",
    "<a href=",
    "<img src=",
    " srcset=",
    "<!-- more -->",
    "<!--",
    "-->",
    '"',
    "'",
    ">",
    "<",
    "#frag",
    "../",
    "./",
    "/",
    "//",
    "http://[",
    "https://ex.org/a?b#c",
    "javascript:",
    "mailto:x",
    " 2x, ",
    "&amp;",
    "&#x",
    '<a class="headerlink" href="#x">¶</a>',
    "<h1>",
    "</h1>",
    "\n",
]


def pieces(bits: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(bits), st.text(max_size=8)), max_size=40).map("".join)


yamlish = st.one_of(st.text(), pieces(YAML_BITS), pieces(YAML_BITS).map(lambda s: "---\n" + s))


htmlish = st.one_of(st.text(), pieces(HTML_BITS))


urlish = st.one_of(st.text(max_size=30), pieces(HTML_BITS[10:24]))


page_urls = st.sampled_from(["", "./", "blog/", "blog/2024/06/30/x/", "a/b.html", "index.html"])


zones = st.sampled_from(["UTC", "Europe/Berlin", "Pacific/Kiritimati", "+05:30", "-11"]).map(
    get_timezone
)


NOW = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)
