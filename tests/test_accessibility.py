"""Blog pages pass axe-core (WCAG 2.1 A and AA, unique landmarks) and the Nu HTML Checker.

The example site is built in Material (light and dark), `mkdocs` and `readthedocs`,
served on 127.0.0.1 and opened in headless Chromium. axe-core, installed from npm by
`.ci/run` into `tests/browser-deps/`, runs over a post and each kind of listing page.
Only violations in markup the plugin writes count (an element inside one with a
`blogpost` class): the themes' own footers and links are theirs to fix. States axe
cannot see (hover, focus, the current page) are measured in the browser. The Nu HTML
Checker (npm `vnu-jar`, run with Debian's Java) reads the same pages; an error counts
when its line is inside an element the plugin wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.browser import launch_chromium, serve_example_site, unavailable

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "tests" / "browser-deps" / "node_modules" / "axe-core" / "axe.js"
PAGES = [
    "blog/2024/06/30/shipping-docs-like-code/",
    "blog/",
    "blog/tags/",
    "blog/tags/docs/",
    "blog/category/",
    "blog/category/guides/",
    "blog/author/",
    "blog/archive/",
]
SETUPS = [("material", "light"), ("material", "dark"), ("mkdocs", "light"), ("readthedocs", "light")]

_RUN_AXE = """async () => {
    const result = await axe.run(document, {
        runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        rules: {"landmark-unique": {enabled: true}},
    });
    return result.violations.flatMap(v => v.nodes
        .filter(n => document.querySelector(n.target[0])?.closest('[class*="blogpost"]'))
        .map(n => `${v.id}: ${n.target.join(" ")}: ${n.failureSummary}`));
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not AXE.exists():
        unavailable(f"axe-core not installed at {AXE} (run .ci/run, or npm ci in tests/browser-deps)")
    with launch_chromium() as instance:
        yield instance


@pytest.fixture(scope="module")
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str]]:
    """The example site built in one theme (the test's parameter); (theme, base URL)."""
    theme: str = request.param
    with serve_example_site(theme, tmp_path_factory.mktemp(f"a11y-{theme}")) as base:
        yield theme, base


def _page(browser: Any, base: str, scheme: str) -> Any:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1200, "height": 900})
    context.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith(base) else route.abort(),
    )
    return context.new_page()


def _rgb(value: str) -> tuple[float, ...]:
    return tuple(float(n) for n in re.findall(r"[\d.]+", value)[:3])


def _contrast(fg: str, bg: str) -> float:
    def luminance(rgb: tuple[float, ...]) -> float:
        channels = [c / 255 for c in rgb]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    a, b = sorted([luminance(_rgb(fg)), luminance(_rgb(bg))], reverse=True)
    return (a + 0.05) / (b + 0.05)


def _colours(page: Any, selector: str) -> tuple[str, str]:
    return page.eval_on_selector(
        selector,
        "el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]",
    )


# Each theme with the colour schemes the example site gives it (only Material has a dark one).
@pytest.mark.parametrize(("served", "scheme"), SETUPS, indirect=["served"])
def test_axe_finds_nothing_in_the_plugins_markup(
    browser: Any, served: tuple[str, str], scheme: str
) -> None:
    _theme, base = served
    page = _page(browser, base, scheme)
    script = AXE.read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    for path in PAGES:
        response = page.goto(base + path, wait_until="load")
        assert response is not None and response.status == 200, path
        assert page.query_selector(".blogpost-blognav"), path
        page.add_script_tag(content=script)
        violations = page.evaluate(_RUN_AXE)
        if violations:
            found[path] = violations
    page.context.close()
    assert found == {}


# Each theme with the colour schemes the example site gives it (only Material has a dark one).
@pytest.mark.parametrize(("served", "scheme"), SETUPS, indirect=["served"])
def test_states_axe_cannot_see_keep_their_contrast(
    browser: Any, served: tuple[str, str], scheme: str
) -> None:
    _theme, base = served
    page = _page(browser, base, scheme)
    page.goto(base + "blog/", wait_until="load")
    # The current page of the pagination: a filled marker.
    fg, bg = _colours(page, ".blogpost-pagination__current")
    assert _contrast(fg, bg) >= 4.5, (fg, bg)
    # A tag chip, hovered and then focused.
    chip = page.locator(".blogpost-card a.blogpost-tag").first
    for state in ("hover", "focus-visible"):
        if state == "hover":
            chip.hover()
        else:
            page.mouse.move(0, 0)
            chip.focus()
        # Themes fade link colours in: read them once the transition is over.
        page.wait_for_timeout(500)
        fg, bg = _colours(page, f".blogpost-card a.blogpost-tag:{state}")
        assert bg != "rgba(0, 0, 0, 0)", state
        assert _contrast(fg, bg) >= 4.5, (state, fg, bg)
    # The blog navigation's current section is marked with more than colour alone.
    page.goto(base + "blog/tags/", wait_until="load")
    current = page.locator('.blogpost-blognav a[aria-current="page"]')
    assert current.inner_text().strip()
    page.context.close()


VNU = ROOT / "tests" / "browser-deps" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _our_lines(html: str) -> list[tuple[int, int]]:
    """The line ranges of the outermost elements the plugin wrote (a `blogpost` class)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    ranges = []
    for element in soup.select('[class*="blogpost"]'):
        if element.find_parent(class_=re.compile("blogpost")) is None and element.sourceline:
            ranges.append((element.sourceline, element.sourceline + str(element).count("\n")))
    return ranges


@pytest.mark.parametrize("served", ["material", "mkdocs", "readthedocs"], indirect=True)
def test_the_nu_html_checker_finds_no_error_in_the_plugins_markup(
    served: tuple[str, str], tmp_path: Path
) -> None:
    import json
    import shutil
    import subprocess
    import urllib.request

    java = shutil.which("java")
    if java is None or not VNU.exists():
        unavailable("the Nu HTML Checker needs Java and tests/browser-deps (run .ci/run)")
    theme, base = served
    files = []
    for path in PAGES:
        with urllib.request.urlopen(base + path) as response:  # the served site, local
            target = tmp_path / (path.strip("/").replace("/", "_") + ".html")
            target.write_bytes(response.read())
            files.append(target)
    run = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    assert files and all(m.get("type") != "non-document-error" for m in messages), messages
    ours = []
    for message in messages:
        page = Path(message["url"].removeprefix("file:"))
        line = message.get("lastLine", 0)
        if any(a <= line <= b for a, b in _our_lines(page.read_text(encoding="utf-8"))):
            ours.append(f"{page.name}:{line}: {message['message']}")
    assert ours == [], theme
