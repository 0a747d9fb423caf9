"""mkdocs-macros: pages keep their macros and posts without Liquid build, in either order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from support.compat_sites import ENGINES, POST_PAGES, POSTS, build_site, in_both_orders

from mkdocs_blogpost.other_plugins import macros_pages


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("macros")
def test_macros_render_pages_and_the_blog_still_builds(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = dict(POSTS)
    files["visiting.md"] = "# Visiting\n\nThe {{ config.site_name }} is open on {{ day }}.\n"
    config = {"plugins": plugins, "extra": {"day": "Sundays"}}
    built = build_site(tmp_path, files, config, engine=engine)
    page = built.soup("visiting/index.html").select_one("article").get_text(" ", strip=True)
    assert "The Lighthouse is open on Sundays." in page
    post = built.soup(POST_PAGES["open-day"]).select_one("article")
    assert post.select_one(".blogpost-title").get_text(strip=True) == "Open day"
    assert "one hundred and twelve steps" in post.get_text(" ")
    assert "Macro" not in post.get_text(" ")
    index = built.soup("blog/index.html")
    assert len(index.select(".blogpost-card")) == 3


#: A migrated post with the Liquid Jekyll posts carry: a link to another post, an
#: example kept literal with `{% raw %}`, and Liquid and shell braces shown in code.
LIQUID_POST = """
    ---
    title: Keeper's notes
    description: How the logbook pages are written.
    ---
    Read the [first entry]({% post_url 2024-03-05-first-light %}) before this one.

    In a template, {% raw %}{{ page.title }}{% endraw %} prints the title.

    ```liquid
    {% for entry in site.posts %}{{ entry.title | upcase }}{% endfor %}
    ```

    A shell count: `echo ${#lamps[@]}`.

        {{ indented | example }}

    Today the {{ config.site_name }} opens at {{ day }}.
    """


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("macros")
def test_jekyll_liquid_is_converted_before_macros_and_code_stays_literal(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = dict(POSTS)
    files["blog/posts/2024-06-01-keepers-notes.md"] = LIQUID_POST
    config = {"plugins": plugins, "extra": {"day": "nine"}}
    built = build_site(tmp_path, files, config, engine=engine)
    article = built.soup("blog/2024/06/01/keepers-notes/index.html").select_one("article")
    text = article.get_text(" ")
    assert "Macro" not in text and "Error" not in text, text
    # Jekyll's link became a link to the post.
    link = article.find("a", string="first entry")
    assert link is not None and link["href"] == "../../../03/05/first-light/"
    # Literal text reached the reader as the author wrote it.
    assert "{{ page.title }} prints the title" in text
    codes = [code.get_text() for code in article.select("code")]
    assert any(
        "{% for entry in site.posts %}{{ entry.title | upcase }}{% endfor %}" in c for c in codes
    ), codes
    assert "echo ${#lamps[@]}" in codes
    assert any("{{ indented | example }}" in c for c in codes), codes
    # macros still renders the post's own Jinja.
    assert "Today the Lighthouse opens at nine." in text


@pytest.mark.parametrize("engine", ENGINES)
@in_both_orders("macros")
def test_a_post_macros_does_not_render_keeps_its_text_without_markers(
    tmp_path: Path, engine: str, plugins: list[Any]
) -> None:
    files = dict(POSTS)
    files["blog/posts/2024-06-01-keepers-notes.md"] = LIQUID_POST.replace(
        "    ---\n    title", "    ---\n    render_macros: false\n    title", 1
    )
    built = build_site(tmp_path, files, {"plugins": plugins}, engine=engine, strict=False)
    article = built.soup("blog/2024/06/01/keepers-notes/index.html").select_one("article")
    text = article.get_text(" ")
    assert "{% raw %}" not in text and "endraw %}{{" not in text, text
    assert "{{ page.title }} prints the title" in text
    assert "echo ${#lamps[@]}" in [code.get_text() for code in article.select("code")]
    # Nothing renders the post's Jinja: it is shown as written, and named as Liquid
    # blogpost cannot convert, as in a site without macros.
    assert "Today the {{ config.site_name }} opens at {{ day }}." in text
    unconverted = [w for w in built.warnings if "cannot be converted" in w]
    assert len(unconverted) == 2 and all("keepers-notes.md:18:" in w for w in unconverted)


def configured_macros(tmp_path: Path, options: dict[str, Any]) -> MkDocsConfig:
    """A site's configuration after the real macros plugin's `on_config`."""
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text(
        yaml.safe_dump({"site_name": "Lighthouse", "plugins": [{"macros": options}]}),
        encoding="utf-8",
    )
    config = load_config(str(config_file))
    return config.plugins.on_config(config)


#: Pieces of text that mean something to Jinja, with either set of block markers.
MARKER_PIECES = [
    *("{{", "}}", "{%", "%}", "{#", "#}", "[%", "%]", "endraw", "raw", " ", "-", "x", "'"),
    *("\n", "{% endraw %}", "[%- endraw %]", "{{ page.title }}"),
]


@pytest.fixture(
    scope="module",
    params=[{}, {"j2_block_start_string": "[%", "j2_block_end_string": "%]"}],
    ids=["default-markers", "own-markers"],
)
def macros_site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> MkDocsConfig:
    return configured_macros(tmp_path_factory.mktemp("macros"), request.param)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.lists(
        st.sampled_from(MARKER_PIECES)
    ).map("".join)
)
@example(text="{% raw %}{{ x }}{% endraw %} and {%+ endraw -%}")
def test_literal_text_comes_out_of_macros_as_written(macros_site: MkDocsConfig, text: str) -> None:
    macros = macros_pages(macros_site)
    assert macros is not None
    env = macros_site.plugins["macros"].env
    # The dot keeps Jinja from dropping a newline that ends the template.
    assert env.from_string(macros.literal(text) + ".").render() == text + "."
