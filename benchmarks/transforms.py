"""Time the quote and caption transform on its own: corpus pages and pages built to be hard.

`run.py` shows what the transform costs inside a build, where it is a few per cent of
the time and drowned in the machine's drift. This times `transform_html` alone, on the
HTML Python-Markdown makes of each post of the benchmark corpus (converted once, not
timed), and on pages built to be hard for it: hundreds of quotes in one paragraph and a
paragraph far longer than the scanner's quick looks. Time per quote shows how the cost
of a quote grows with the quotes around it: a step that walks over all of them for each
one makes it grow with their number.

Usage::

    python benchmarks/transforms.py --posts 1000 --reps 7

It times the `mkdocs_blogpost` Python imports first. To time another checkout, start
the script from that checkout with it on ``PYTHONPATH``, as ``run.py`` does for builds
(the corpus is read from this checkout's ``benchmarks/out/``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import markdown

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import DEFAULT_SEED  # noqa: E402
from run import prepare  # noqa: E402


def corpus_pages(posts: int) -> list[str]:
    """Return the HTML of every post body of the corpus, as Markdown renders it."""
    folder = prepare(posts, ("blogpost",), DEFAULT_SEED, "jekyll")
    md = markdown.Markdown(extensions=["toc", "tables", "fenced_code"])
    pages = []
    for path in sorted((folder / "blogpost" / "docs" / "blog" / "posts").glob("*.md")):
        text = path.read_text("utf-8")
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        pages.append(md.reset().convert(body))
    return pages


def quotes_in_one_paragraph(quotes: int) -> str:
    """Return one paragraph holding `quotes` quotes, with formatting between them."""
    return "<p>" + " ".join(f"<tweet>Quote {n}.</tweet> <em>x</em>" for n in range(quotes)) + "</p>"


def long_paragraph(tags: int) -> str:
    """Return a paragraph of `tags` inline tags around one quote, and long text after."""
    before = " ".join(f"<em>w{n}</em>" for n in range(tags))
    return f"<h1>T</h1>\n<p>{before} <tweet>Far from both ends.</tweet> {'Text. ' * tags}</p>\n"


def timed(pages: list[str], reps: int) -> list[float]:
    """Return the CPU seconds of each turn of transforming every page once."""
    from mkdocs_blogpost.i18n import Translator
    from mkdocs_blogpost.render import make_environment
    from mkdocs_blogpost.transforms import TransformOptions, transform_html

    env = make_environment([], Translator("en"))
    options = TransformOptions()
    url = "https://bench.example.org/blog/p/"
    transform: Callable[[str], object] = lambda html: transform_html(  # noqa: E731
        html, env=env, page_url=url, options=options
    )
    transform(pages[0])  # templates compiled, caches filled: not part of the turns
    turns = []
    for _ in range(reps):
        start = time.process_time()
        for html in pages:
            transform(html)
        turns.append(time.process_time() - start)
    return turns


def main() -> None:
    """Print one line per case: median and best CPU time of the turns."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args()
    import mkdocs_blogpost

    print(f"mkdocs_blogpost from {Path(mkdocs_blogpost.__file__).parent.parent}")
    cases = [
        (f"{args.posts} corpus posts", corpus_pages(args.posts), "page", None),
        ("400 quotes, one paragraph", [quotes_in_one_paragraph(400)], "quote", 400),
        ("1600 quotes, one paragraph", [quotes_in_one_paragraph(1600)], "quote", 1600),
        ("paragraph of 20000 tags", [long_paragraph(20000)], "page", None),
    ]
    for name, pages, unit, count in cases:
        turns = timed(pages, args.reps)
        per = (count or len(pages)) * 1e-6
        median, best = statistics.median(turns), min(turns)
        print(
            f"{name:28} median {median * 1e3:9.2f} ms  best {best * 1e3:9.2f} ms"
            f"  ({median / per:7.1f} µs per {unit})"
        )


if __name__ == "__main__":
    main()
