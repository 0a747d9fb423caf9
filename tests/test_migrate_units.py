"""Unit tests for the pure migration functions: Liquid idioms and link resolution (issue 6)."""

from __future__ import annotations

import pytest

from mkdocs_blogpost.migrate import (
    LinkIndex,
    LiquidContext,
    convert_liquid,
    is_local_url,
    looked_for,
    resolve_link,
    split_full_marker,
    valid_github,
)

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


@pytest.fixture
def index() -> LinkIndex:
    idx = LinkIndex(
        files={
            "blog/posts/2021-01-25-hello.md",
            "blog/posts/2022/2022-03-01-other.md",
            "blog/posts/2020-05-05-same.md",
            "blog/posts/2021-06-06-same.md",
            "blog/posts/pic.png",
            "assets/img/a.png",
            "assets/img/with space.png",
            "about.md",
            "guide/index.md",
        }
    )
    idx.add_post("blog/posts/2021-01-25-hello.md", "hello", "blog/2021/01/25/hello/", (2021, 1, 25))
    idx.add_post(
        "blog/posts/2022/2022-03-01-other.md", "renamed", "blog/2022/03/01/renamed/", (2022, 3, 1)
    )
    idx.add_post("blog/posts/2020-05-05-same.md", "same", "blog/2020/05/05/same/", (2020, 5, 5))
    idx.add_post("blog/posts/2021-06-06-same.md", "same", "blog/2021/06/06/same/", (2021, 6, 6))
    return idx


@pytest.mark.parametrize(
    ("url", "from_dir", "expected"),
    [
        # As written from the post's own folder: MkDocs handles it, nothing to rewrite.
        ("pic.png", "blog/posts", ("blog/posts/pic.png", True)),
        ("./pic.png#x", "blog/posts", ("blog/posts/pic.png", True)),
        ("../2021-01-25-hello.md", "blog/posts/2022", ("blog/posts/2021-01-25-hello.md", True)),
        # Site-root assets in the three Jekyll spellings.
        ("./assets/img/a.png", "blog/posts", ("assets/img/a.png", False)),
        ("/assets/img/a.png", "blog/posts", ("assets/img/a.png", False)),
        ("assets/img/a.png", "blog/posts/2022", ("assets/img/a.png", False)),
        ("/assets/img/with%20space.png", "blog/posts", ("assets/img/with space.png", False)),
        # Posts by slug, file name, Jekyll date path and final URL.
        ("./hello.html", "blog/posts", ("blog/posts/2021-01-25-hello.md", False)),
        ("/hello.html#part", "blog/posts", ("blog/posts/2021-01-25-hello.md", False)),
        ("/2021/01/25/hello.html", "blog/posts", ("blog/posts/2021-01-25-hello.md", False)),
        ("/news/2021/01/25/hello.html", "blog/posts", ("blog/posts/2021-01-25-hello.md", False)),
        ("2021-01-25-hello.html", "blog/posts", ("blog/posts/2021-01-25-hello.md", False)),
        ("/blog/2021/01/25/hello/", "x", ("blog/posts/2021-01-25-hello.md", False)),
        ("/hello/", "blog/posts", ("blog/posts/2021-01-25-hello.md", False)),
        # The Jekyll slug from the file name still works after a `slug:` rename.
        ("/other.html", "blog/posts", ("blog/posts/2022/2022-03-01-other.md", False)),
        ("/renamed.html", "blog/posts", ("blog/posts/2022/2022-03-01-other.md", False)),
        # Two posts share a slug: the date path decides; without it nothing is guessed.
        ("/2021/06/06/same.html", "blog/posts", ("blog/posts/2021-06-06-same.md", False)),
        ("/2020/5/5/same.html", "blog/posts", ("blog/posts/2020-05-05-same.md", False)),
        ("/same.html", "blog/posts", (None, False)),
        # Pages: .html and folder URLs of Jekyll pages map to their Markdown files.
        ("/about.html", "blog/posts", ("about.md", False)),
        ("./about.html", "blog/posts", ("about.md", False)),
        ("/guide/", "blog/posts", ("guide/index.md", False)),
        # Jekyll served posts from the site root, where `..` cannot climb higher.
        ("../assets/img/a.png", "blog/posts", ("assets/img/a.png", False)),
        ("../../../assets/img/a.png", "blog/posts", ("assets/img/a.png", False)),
        ("../hello", "blog/posts", ("blog/posts/2021-01-25-hello.md", False)),
        ("../about.html", "blog/posts", ("about.md", False)),
        # Windows paths are read with slashes (and so never count as written).
        ("..\\assets\\img\\a.png", "blog/posts", ("assets/img/a.png", False)),
        ("assets\\img\\a.png", "blog/posts/2022", ("assets/img/a.png", False)),
        # Nowhere.
        ("/missing.html", "blog/posts", (None, False)),
        ("/assets/nope.png", "blog/posts", (None, False)),
        ("../../../../etc/passwd", "blog/posts", (None, False)),
        ("?q=1", "blog/posts", (None, False)),
    ],
)
def test_resolve_link(
    index: LinkIndex, url: str, from_dir: str, expected: tuple[str | None, bool]
) -> None:
    assert resolve_link(url, from_dir, index) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2021-01-25-hello", "blog/posts/2021-01-25-hello.md"),
        ("/2022/2022-03-01-other", "blog/posts/2022/2022-03-01-other.md"),
        ("_posts/2021-01-25-hello.md", "blog/posts/2021-01-25-hello.md"),
        ("about.md", "about.md"),
        ("2021-01-25-nope", None),
        ("", None),
    ],
)
def test_post_path(index: LinkIndex, name: str, expected: str | None) -> None:
    assert index.post_path(name) == expected


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("./a.png", True),
        ("/a.png", True),
        ("a.html#x", True),
        ("#x", False),
        ("", False),
        ("https://x.org/a.png", False),
        ("//cdn.x.org/a.png", False),
        ("mailto:a@b.c", False),
        ("data:image/png;base64,AAA", False),
    ],
)
def test_is_local_url(url: str, local: bool) -> None:
    assert is_local_url(url) is local


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("a.png#full", ("a.png", True)),
        ("/x/a.png?v=1#full", ("/x/a.png?v=1", True)),
        ("a.png#fullness", ("a.png#fullness", False)),
        ("a.png", ("a.png", False)),
    ],
)
def test_split_full_marker(url: str, expected: tuple[str, bool]) -> None:
    assert split_full_marker(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # Relative images hang from the post's media folder first...
        ("a.png", ("assets/img/a.png", False)),
        ("./with%20space.png", ("assets/img/with space.png", False)),
        # ...then resolve as usual; root paths ignore it.
        ("pic.png", ("blog/posts/pic.png", True)),
        ("/assets/img/a.png", ("assets/img/a.png", False)),
    ],
)
def test_resolve_link_with_a_media_folder(
    index: LinkIndex, url: str, expected: tuple[str | None, bool]
) -> None:
    assert resolve_link(url, "blog/posts", index, media_dir="assets/img") == expected


@pytest.mark.parametrize(
    ("url", "media_dir", "expected"),
    [
        ("./assets/img/x.png", None, ["blog/posts/assets/img/x.png", "assets/img/x.png"]),
        ("/assets/img/x.png", "media", ["assets/img/x.png"]),
        ("x.png", "media", ["media/x.png", "blog/posts/x.png", "x.png"]),
        ("../../../x.png", None, ["x.png"]),
    ],
)
def test_looked_for_names_each_path_tried(
    url: str, media_dir: str | None, expected: list[str]
) -> None:
    assert looked_for(url, "blog/posts", media_dir=media_dir) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("octo/repo", "https://github.com/octo/repo"),
        ("octo/repo/tree/main/docs", "https://github.com/octo/repo/tree/main/docs"),
        ("https://github.com/octo/repo", "https://github.com/octo/repo"),
        (" octo/my.repo_2/ ", "https://github.com/octo/my.repo_2/"),
        # The forms real posts use: a full URL (www. too, a line anchor kept, a query
        # dropped), `owner/`, a bare or @-prefixed user name (their profile).
        (
            "https://www.github.com/octo/repo/blob/main/a.py#L10",
            "https://github.com/octo/repo/blob/main/a.py#L10",
        ),
        ("github.com/octo/repo?tab=readme", "https://github.com/octo/repo"),
        ("octo", "https://github.com/octo"),
        ("octo/", "https://github.com/octo"),
        ("@octo", "https://github.com/octo"),
        ('octo/repo#"><b>', "https://github.com/octo/repo"),
        ("https://gitlab.com/octo/repo", None),
        ("gitlab.com/octo/repo", None),
        ("", None),
        ("javascript:alert(1)", None),
        ("octo/../evil", None),
        ('octo/repo"><script>', None),
        ("https://evil.example/octo/repo", None),
        ("-octo/repo", None),
        (["octo/repo"], None),
        (True, None),
    ],
)
def test_valid_github(value: object, expected: str | None) -> None:
    assert valid_github(value) == expected
