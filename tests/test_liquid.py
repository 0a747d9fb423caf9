"""Jekyll's Liquid in posts: idioms become Markdown, the rest is reported, code stays literal."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from support.fuzz import FUZZ, pieces

from mkdocs_blogpost.migrate import LiquidContext, convert_liquid

POSTS = {
    "2021-01-25-hello": "blog/posts/2021-01-25-hello.md",
    "2022-03-01-other": "blog/posts/2022/2022-03-01-other.md",
}


def ctx(**kw) -> LiquidContext:
    def post_path(name: str) -> str | None:
        stem = name.strip().rsplit("/", 1)[-1].removesuffix(".md")
        return POSTS.get(stem)

    defaults = {
        "post_path": post_path,
        "from_dir": "blog/posts/2022",
        "site_url": "https://example.org/docs/",
    }
    defaults.update(kw)
    return LiquidContext(**defaults)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Site variables and URL filters give site-root paths the link rewriter resolves.
        ("![a]({{ site.baseurl }}/assets/x.png)", "![a](/assets/x.png)"),
        ("[a]({{site.baseurl}}/x.html)", "[a](/x.html)"),
        ("[a]({{ site.url }}{{ site.baseurl }}/a.html)", "[a](/a.html)"),
        ("Visit {{ site.url }} today.", "Visit https://example.org/docs today."),
        ('![a]({{ "/a/b.png" | relative_url }})', "![a](/a/b.png)"),
        ("![a]({{ 'a/b.png' | absolute_url }})", "![a](/a/b.png)"),
        ('![a]({{ "/x.png" | prepend: site.baseurl }})', "![a](/x.png)"),
        ('{{ "x" | append: ".png" | relative_url }}', "/x.png"),
        ("{{- site.baseurl -}}/y", "/y"),
        # post_url and link give the target post's docs path, relative to the post.
        ("[a]({% post_url 2021-01-25-hello %})", "[a](../2021-01-25-hello.md)"),
        ("[a]({% post_url /sub/2021-01-25-hello %})", "[a](../2021-01-25-hello.md)"),
        ("[a]({% post_url 2022-03-01-other %})", "[a](2022-03-01-other.md)"),
        ("[a]({% link _posts/2021-01-25-hello.md %})", "[a](../2021-01-25-hello.md)"),
        (
            "[a]({{ site.baseurl }}{% post_url 2021-01-25-hello %})",
            "[a](../2021-01-25-hello.md)",
        ),
        # raw: markers go, content stays as typed, on one line or many.
        ("{% raw %}{{ x }} {% if y %}{% endraw %}", "{{ x }} {% if y %}"),
        ("a {%- raw -%}{{ x }}{%- endraw -%} b", "a {{ x }} b"),
        ("{% raw %}\n{{ x }}\n{% include y %}\n{% endraw %}\nz", "\n{{ x }}\n{% include y %}\n\nz"),
        ("{% raw %}`{{ x }}`{% endraw %}", "`{{ x }}`"),
        # Code stays literal: inline, fenced (backticks and tildes), indented.
        ("`{{ x }}` and ``{% include a %}``", "`{{ x }}` and ``{% include a %}``"),
        ("`{% raw %}{{ x }}{% endraw %}`", "`{{ x }}`"),
        ("```\n{{ x }}\n{% post_url nope %}\n```", "```\n{{ x }}\n{% post_url nope %}\n```"),
        ("~~~yaml\nk: {{ v }}\n~~~", "~~~yaml\nk: {{ v }}\n~~~"),
        ("````\n```\n{{ x }}\n```\n````", "````\n```\n{{ x }}\n```\n````"),
        ("text\n\n    {{ x }}\n    {% include y %}", "text\n\n    {{ x }}\n    {% include y %}"),
        ("- item\n    ```\n    {{ x }}\n    ```", "- item\n    ```\n    {{ x }}\n    ```"),
        # ...but the raw markers Jekyll needed inside code are removed, as Jekyll did.
        ("```liquid\n{% raw %}{{ x }}{% endraw %}\n```", "```liquid\n{{ x }}\n```"),
        # Indented text inside a list is not code: Liquid there is converted.
        ("- item\n\n    ![a]({{ site.baseurl }}/x.png)", "- item\n\n    ![a](/x.png)"),
        # highlight becomes a fenced block; linenos is dropped; content stays literal.
        (
            "{% highlight ruby linenos %}\nputs {{ x }}\n{% endhighlight %}",
            "```ruby\nputs {{ x }}\n```",
        ),
        ("{% highlight sh %}echo hi{% endhighlight %}", "```sh\necho hi\n```"),
        (
            "{% highlight md %}\n```\ncode\n```\n{% endhighlight %}",
            "````md\n```\ncode\n```\n````",
        ),
        (
            "{% highlight js %}\n{% raw %}{{ x }}{% endraw %}\n{% endhighlight %}",
            "```js\n{{ x }}\n```",
        ),
        (
            "1. step\n\n    {% highlight js %}\n    a()\n    {% endhighlight %}",
            "1. step\n\n    ```js\n    a()\n    ```",
        ),
        # Comments are dropped, as Jekyll did.
        ("a{% comment %}note{% endcomment %}b", "ab"),
        ("a\n{% comment %}\nnote\n{% endcomment %}\nb", "a\n\n\n\nb"),
        # No Liquid: untouched.
        (
            "Plain *text* with {single} braces and 100% sure.",
            "Plain *text* with {single} braces and 100% sure.",
        ),
    ],
)
def test_convert_liquid(source: str, expected: str) -> None:
    result = convert_liquid(source, ctx())
    assert result.markdown == expected
    assert result.problems == []


@pytest.mark.parametrize(
    ("source", "line", "words"),
    [
        ("a\n\n{% include figure.html src=x %}", 2, ["include", "paste"]),
        ("{{ page.title }}", 0, ["{{ page.title }}", "cannot be converted"]),
        ("x\n[a]({% post_url 2020-01-01-missing %})", 1, ["2020-01-01-missing", "no post"]),
        ("{% if site.x %}y{% endif %}", 0, ["{% if site.x %}", "not supported"]),
        ("a\n{% raw %}\nb", 1, ["never closed", "endraw"]),
        ("{% endraw %}", 0, ["no opening tag"]),
        ("{% highlight js %}\nx", 0, ["never closed", "endhighlight"]),
        ("{{ 'x' | truncate: 3 }}", 0, ["cannot be converted"]),
    ],
)
def test_convert_liquid_reports_what_it_cannot_convert(
    source: str, line: int, words: list[str]
) -> None:
    result = convert_liquid(source, ctx())
    assert result.problems, result
    problem = result.problems[0]
    assert problem.line == line
    for word in words:
        assert word in problem.message
    # Unknown tags stay visible: nothing the author wrote silently disappears.
    if "include" in source:
        assert "{% include figure.html src=x %}" in result.markdown
    if "page.title" in source:
        assert result.markdown == source


def test_convert_liquid_inline_math_only_when_asked() -> None:
    source = "Median $$\\tilde{x}$$ here.\n\n$$\na^2\n$$\n\n`$$code$$`"
    plain = convert_liquid(source, ctx())
    assert plain.markdown == source
    math = convert_liquid(source, ctx(inline_math=True))
    assert math.markdown == "Median $\\tilde{x}$ here.\n\n$$\na^2\n$$\n\n`$$code$$`"


def test_liquid_url_filter_on_a_malformed_url_does_not_raise() -> None:
    result = convert_liquid(
        'See {{ "http://[x" | relative_url }} and {{ "a/b" | relative_url }}.', LiquidContext()
    )
    assert result.markdown == "See http://[x and /a/b."


# -- any Markdown ------------------------------------------------------------------------------


LIQUID_BITS = [
    "{%",
    "%}",
    "{{",
    "}}",
    " post_url ",
    " link ",
    " highlight python ",
    " endhighlight ",
    " raw ",
    " endraw ",
    " include x.html ",
    " site.url ",
    " site.baseurl ",
    "$$",
    "```",
    "~~~",
    "\n",
    "`",
    "2024-01-01-x",
    "/assets/img/a.png",
    ' "http://[x" | relative_url ',
    " 'https://ex.org/a' | absolute_url ",
    " | prepend: site.baseurl ",
]


@FUZZ
@given(markdown=pieces(LIQUID_BITS), inline_math=st.booleans())
def test_any_markdown_converts_with_problems_on_its_own_lines(
    markdown: str, inline_math: bool
) -> None:
    ctx = LiquidContext(from_dir="blog/posts", site_url="https://ex.org/", inline_math=inline_math)
    result = convert_liquid(markdown, ctx)
    lines = markdown.count("\n") + 1
    for problem in result.problems:
        assert 0 <= problem.line < lines, (problem, lines)


@FUZZ
@given(markdown=pieces([b for b in LIQUID_BITS if "{" not in b and "}" not in b]))
def test_markdown_without_liquid_is_left_as_written(markdown: str) -> None:
    assume("{" not in markdown and "$$" not in markdown)
    for inline_math in (False, True):
        result = convert_liquid(markdown, LiquidContext(inline_math=inline_math))
        assert (result.markdown, result.problems) == (markdown, [])
