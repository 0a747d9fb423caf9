"""A corpus of hostile and careless posts, written for these tests.

Each `Case` is one file under `docs/blog/posts/` with what must come of it: whether it
is published (and where), and the warnings it must cause, each given as the pieces one
message has to contain (file, line, key). Bodies carry a unique marker so a test can
find the post in any output; payloads carry the token `pwn` (see `safety.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

POSTS = "blog/posts/"


@dataclass
class Case:
    """One hostile or careless post and what the build must make of it."""

    name: str
    content: bytes
    #: Directory URL of the post page when it must be published; None when it must not be.
    url: str | None
    #: Each inner tuple: substrings that ONE warning about this file must all contain.
    warnings: list[tuple[str, ...]] = field(default_factory=list)
    #: Title the page must show, when published.
    title: str | None = None
    #: Secret posts (drafts...) whose marker must appear in no output file at all.
    secret: bool = False

    @property
    def src(self) -> str:
        return POSTS + self.name

    @property
    def marker(self) -> str:
        return "MARK" + "".join(c for c in self.name.split(".")[0] if c.isalnum()).upper()


def post(*front: str, body: str = "", marker: str = "") -> bytes:
    """Front matter lines and a body, joined with LF and encoded as UTF-8."""
    return ("---\n" + "".join(line + "\n" for line in front) + "---\n" + body).encode()


def _case(name: str, *front: str, url: str | None, **kw: object) -> Case:
    case = Case(name=name, content=b"", url=url, **kw)  # type: ignore[arg-type]
    case.content = post(*front, body=f"Body of the post.\n\n{case.marker}\n")
    return case


def build_corpus() -> list[Case]:
    """Return the hostile corpus; every case has a distinct file name and marker."""
    cases: list[Case] = []
    add = cases.append

    # -- valid posts, some written carelessly ------------------------------------------
    add(_case("2024-03-01-plain.md", "title: Plain post", url="blog/2024/03/01/plain/"))
    add(
        Case(
            name="broken-link.md",
            content=(
                b"---\ntitle: Broken link\ndate: 2024-03-01 08:00\n---\n"
                b"MARKBROKENLINK with [a broken link](http://[oops) and ![img](https://[x/y.png).\n"
            ),
            url="blog/2024/03/01/broken-link/",
            title="Broken link",
            warnings=[(":5:", "'http://[oops'"), (":5:", "'https://[x/y.png'")],
        )
    )
    bom = Case(
        name="bom-crlf.md",
        content=(
            "\ufeff---\r\ntitle: BOM and CRLF\r\ndate: 2024-03-02\r\ntags: [bom, crlf]\r\n"
            "---\r\nA Windows editor wrote this.\r\n\r\nMARKBOMCRLF\r\n"
        ).encode(),
        url="blog/2024/03/02/bom-crlf/",
        title="BOM and CRLF",
    )
    add(bom)
    add(
        Case(
            name="cr-only.md",
            content=b"---\rtitle: Old Mac\rdate: 2024-03-03\r---\rClassic line ends.\r\rMARKCRONLY\r",
            url="blog/2024/03/03/cr-only/",
            title="Old Mac",
        )
    )
    add(
        _case(
            "yaml11.md",
            "title: no",
            "version: 1.10",
            "tags: [yes, on, 3.0]",
            "description: off",
            "date: 2024-03-04",
            url="blog/2024/03/04/yaml11/",
            title="no",
        )
    )
    xss_title = "<script>pwn('title')</script> & \"quoted\" 'single'"
    add(
        _case(
            "xss-text.md",
            "title: \"<script>pwn('title')</script> & \\\"quoted\\\" 'single'\"",
            "description: '\"><img src=x onerror=pwn(1)> & more'",
            "author: '\"><script>pwn(2)</script>'",
            "authors: ['<b onmouseover=pwn(3)>Eve</b>']",
            "tags: ['<script>pwn(4)</script>', 'a&b', '\"><img src=x onerror=pwn(5)>']",
            "categories: ['<svg onload=pwn(6)>']",
            "date: 2024-03-05",
            url="blog/2024/03/05/xss-text/",
            title=xss_title,
        )
    )
    add(
        Case(
            name="tweets-captions.md",
            content=(
                b"---\ntitle: Quotes and captions\ndate: 2024-03-05 12:00\n---\n"
                b"MARKTWEETSCAPTIONS opens the post.\n\n"
                b"<tweet>Share <script>pwn('tweet')</script> this [now](javascript:pwn(20)) "
                b'<img src=x onerror="pwn(21)"> & enjoy.</tweet>\n\n'
                b"![Chart](https://example.org/chart.png)\n"
                b"<small>A caption <b onmouseover=pwn(22)>bold</b> "
                b'<a href=" javascript:pwn(23)">link</a> & more</small>\n\n'
                b"```html\n<tweet><script>pwn('code')</script></tweet>\n"
                b"<small><img src=x onerror=pwn(24)></small>\n```\n\n"
                b"Inline `<tweet><script>pwn('inline')</script></tweet>` stays code.\n"
            ),
            url="blog/2024/03/05/tweets-captions/",
            # `src=x` names no file: the image is dropped (and its handler with it).
            warnings=[(":7:", "image 'x'", "points to no file")],
            title="Quotes and captions",
        )
    )
    # -- URLs that must never reach href/src ---------------------------------------------
    add(
        _case(
            "js-img.md",
            "title: Script cover",
            "img: 'javascript:pwn(7)'",
            "date: 2024-03-06",
            url="blog/2024/03/06/js-img/",
            warnings=[(":3:", "'img'")],
        )
    )
    add(
        _case(
            "data-image.md",
            "title: Data cover",
            "date: 2024-03-07",
            "image: 'data:text/html;base64,PHNjcmlwdD5wd24oOCk8L3NjcmlwdD4='",
            url="blog/2024/03/07/data-image/",
            warnings=[(":4:", "'image'")],
        )
    )
    add(
        _case(
            "vb-image.md",
            "title: VB cover",
            "date: 2024-03-08",
            "image:",
            "  path: ' VBScript:pwn(9)'",
            "  alt: cover",
            url="blog/2024/03/08/vb-image/",
            warnings=[(":4:", "'image'")],
        )
    )
    add(
        _case(
            "redirect-location.md",
            "title: Sneaky redirect",
            "date: 2024-03-09",
            "template: redirect.html",
            "location: 'javascript:pwn(10)'",
            url="blog/2024/03/09/redirect-location/",
            warnings=[(":5:", "'location'")],
        )
    )
    add(
        _case(
            "canonical-js.md",
            "title: Script canonical",
            "date: 2024-03-09 10:00",
            "canonical_url: 'javascript:pwn(11)'",
            url="blog/2024/03/09/canonical-js/",
            warnings=[(":4:", "'canonical_url'")],
        )
    )
    add(
        _case(
            "redirect-hostile.md",
            "title: Hostile redirects",
            "date: 2024-03-09 11:00",
            "redirect_from:",
            "  - 'javascript:pwn(12)'",
            "  - 'data:text/html,pwn(13)'",
            "  - ../../etc/passwd",
            "  - /",
            "  - /index.html",
            "  - /blog/2024/03/01/plain/",
            "  - /old/ok.html",
            url="blog/2024/03/09/redirect-hostile/",
            warnings=[
                (":4:", "'redirect_from'", "javascript:pwn(12)"),
                (":4:", "'redirect_from'", "data:text/html"),
                (":4:", "'redirect_from'", "../../etc/passwd"),
                (":4:", "'redirect_from'", "'/'"),
                (":4:", "'redirect_from'", "/index.html"),
                (":4:", "'redirect_from'", "/blog/2024/03/01/plain/"),
            ],
        )
    )
    # -- slugs that would escape or collide ------------------------------------------------
    add(
        _case(
            "slug-escape.md",
            "title: Climber",
            "slug: ../../etc",
            "date: 2024-03-10",
            url="blog/2024/03/10/etc/",
            warnings=[(":3:", "'slug'", "../../etc")],
        )
    )
    add(
        _case(
            "slug-backslash.md",
            "title: Windows climber",
            "slug: '..\\..\\passwd'",
            "date: 2024-03-10",
            url="blog/2024/03/10/passwd/",
            warnings=[(":3:", "'slug'")],
        )
    )
    add(
        _case(
            "twin-a.md",
            "title: Twin A",
            "slug: twin",
            "date: 2024-03-11",
            url="blog/2024/03/11/twin/",
        )
    )
    add(
        _case(
            "twin-b.md",
            "title: Twin B",
            "slug: twin",
            "date: 2024-03-11",
            url="blog/2024/03/11/twin-2/",
            warnings=[(":3:", "'slug'", "already used")],
        )
    )
    # -- front matter that cannot be read: whatever it says is unknown, so the post is
    # never published; the warning points where the mistake starts ------------------------
    for day, name, lines, line in [
        (20, "bad-flow", ["title: [unclosed", "tags: a"], 2),
        (21, "bad-indent", ["title: fine", "  nested: wrong", "tags: a"], 3),
        (22, "bad-quote", ['title: "never closed', "tags: a"], 2),
        (23, "bad-tab", ["title: tab", "\tdate: 2024-01-01"], 3),
        (24, "bad-alias", ["title: self", "tags: &a [x, *a]"], 3),
        (25, "bad-python-tag", ["title: obj", "run: !!python/object/apply:os.system ['pwn']"], 3),
        (26, "bad-undefined-alias", ["title: *nowhere"], 2),
    ]:
        add(
            _case(
                f"2024-03-{day}-{name}.md",
                *lines,
                url=None,
                warnings=[(f":{line}:", "not valid YAML", "NOT published")],
                secret=True,
            )
        )
    add(
        Case(
            name="2024-03-27-unclosed.md",
            content=b"---\ntitle: Forgot to close\ntags: [a]\n\nBody.\n\nMARK20240327UNCLOSED\n",
            url=None,
            warnings=[(":1:", "never closed", "NOT published")],
            secret=True,
        )
    )
    add(
        _case(
            "2024-03-28-list.md",
            "- title: a list",
            "- date: 2024-01-01",
            url=None,
            warnings=[(":2:", "not a list", "NOT published")],
            secret=True,
        )
    )
    add(
        _case(
            "2024-03-29-duplicate.md",
            "title: First title",
            "date: 2024-03-29",
            "title: Second title",
            url="blog/2024/03/29/duplicate/",
            warnings=[(":4:", "'title'", "more than once")],
            title="Second title",
        )
    )
    # -- impossible and unreadable dates ---------------------------------------------------
    add(
        _case(
            "feb30.md",
            "title: Leap too far",
            "date: 2024-02-30",
            url=None,
            warnings=[(":3:", "'date'", "2024-02-30", "left out")],
        )
    )
    add(
        _case(
            "2024-04-01-feb31.md",
            "title: Falls back",
            "date: '2024-02-31 10:00'",
            url="blog/2024/04/01/feb31/",
            warnings=[(":3:", "'date'", "2024-02-31", "file name")],
        )
    )
    add(
        _case(
            "2024-04-02-words.md",
            "title: Words",
            "date: next tuesday",
            url="blog/2024/04/02/words/",
            warnings=[(":3:", "'date'", "next tuesday")],
        )
    )
    add(
        _case(
            "2024-13-45-month.md",
            "title: Month 13",
            url=None,
            warnings=[("date in the file name",), ("no date",)],
        )
    )
    add(
        _case(
            "bad-switch.md",
            "title: Bad switch",
            "date: 2024-04-03",
            "read_time: maybe",
            url="blog/2024/04/03/bad-switch/",
            warnings=[(":4:", "'read_time")],
        )
    )
    # -- not UTF-8 -------------------------------------------------------------------------
    add(
        Case(
            name="latin1.md",
            content="---\ntitle: Café\ndate: 2024-04-04\n---\nCrème.\n\nMARKLATIN1\n".encode(
                "latin-1"
            ),
            url=None,
            warnings=[(":2:", "not UTF-8")],
        )
    )
    # -- never published ---------------------------------------------------------------------
    for name, lines in [
        ("draft.md", ["title: Secret draft", "draft: true", "date: 2024-04-05"]),
        ("draft-yes.md", ["title: Secret yes", "draft: yes", "date: 2024-04-05"]),
        ("unpublished.md", ["title: Secret unpublished", "published: false", "date: 2024-04-06"]),
        ("unpublished-no.md", ["title: Secret no", "published: 'no'", "date: 2024-04-06"]),
        ("future.md", ["title: Secret future", "date: 2999-01-01", "tags: [secret-tag]"]),
        ("future-tz.md", ["title: Secret future tz", "date: 2999-12-31 23:59:00 +1400"]),
    ]:
        add(_case(name, *lines, url=None, secret=True))
    return cases


def corpus_files() -> dict[str, str | bytes]:
    """The corpus as docs files for `build_site`, plus a home page."""
    files: dict[str, str | bytes] = {case.src: case.content for case in build_corpus()}
    files["index.md"] = "# Home\n\nWelcome.\n"
    return files
