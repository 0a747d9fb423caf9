"""Write one synthetic blog as MkDocs sites, for timing `mkdocs build`.

The same posts (fixed seed, so every run writes byte-identical files) become:

- ``blogpost``: the Material theme with ``plugins: [search, blogpost]``; posts in the
  Jekyll format of ``shared/FORMAT.md`` under ``docs/blog/posts/``.
- ``plain``: the same Markdown as ordinary pages, no blog plugin, kept out of the nav
  with ``not_in_nav`` (what MkDocs itself costs for these pages).
- ``floor``: the plain site plus one short page (a heading and a sentence, out of the
  nav) for each listing page the blogpost site generates with the default options:
  what drawing that many more pages with the theme costs before the plugin does
  anything. No blog can be faster than this while its pages are real theme pages.
- ``material``: Material for MkDocs' own ``blog`` plugin (plus its ``tags`` plugin and a
  tags index page), with the front matter converted to what it reads (``date``,
  ``categories``, ``tags``, ``authors`` from ``.authors.yml``) and ``<!-- more -->``.

Each post has about a thousand words of text made from the word lists below (written for
this benchmark), headings, a fenced code block, a list, an image with a ``<small>``
caption, one or two ``<tweet>`` quotes, tags drawn from a skewed (Zipf-like) pool, one
or two categories, one of a dozen authors and a date spread over six years.

Usage::

    python benchmarks/generate.py --posts 1000 --out benchmarks/out/corpus-1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import struct
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = ["VARIANTS", "Corpus", "make_corpus", "write_sites"]

VARIANTS = ("blogpost", "plain", "floor", "material", "posts-only")
# `posts-only`: the blogpost site's own docs with `blog_pages: false` (every post feature,
# no generated listing pages), to show what the listing pages cost on their own.
DEFAULT_SEED = 20240630
SITE_URL = "https://bench.example.org/"

# -- word lists (original; nothing here is copied prose) ------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


NOUNS = _words(
    """
build release pipeline page site team reader writer author draft review change branch
commit server cache index search theme layout template plugin module function test
fixture warning error message config option setting default folder file path link image
caption header footer sidebar menu table chart graph metric budget deadline sprint
ticket issue patch version tag label category archive feed summary excerpt preview
snippet example tutorial guide manual reference glossary schedule meeting workshop
audience customer partner vendor contract policy rule process habit routine checklist
queue worker job task step stage runner agent container cluster node region network
database query record field column row schema backup restore migration upgrade outage
incident alert dashboard report ledger invoice notebook sketch diagram prototype
mockup screen button form input widget component library framework toolkit script
command terminal shell prompt keyboard editor browser tab window device laptop phone
printer desk office kitchen garden river bridge road harbour village market season
morning evening weekend holiday journey lesson story chapter paragraph sentence word
letter sound signal pattern texture colour shape corner margin border grid column
"""
)

VERBS = _words(
    """
build ship write read review merge deploy test measure check render publish index
cache compress split join sort filter group count rename move copy delete restore
update refresh replace migrate upgrade document explain describe compare improve
simplify reduce trim clean polish sketch plan schedule estimate track share announce
discuss question answer support answer translate format validate parse serialise
collect gather store load save fetch send receive notify watch follow lead guide
"""
)

ADJECTIVES = _words(
    """
quick slow small large quiet loud bright dark early late simple careful clear fuzzy
stable fragile modern classic daily weekly monthly yearly shared private public local
remote shallow deep narrow wide gentle sharp steady noisy patient honest tidy messy
cheap costly plain fancy rough smooth fresh stale lean heavy light warm cool calm busy
"""
)

ADVERBS = _words(
    """
quickly slowly carefully quietly gently rarely often always sometimes usually finally
already barely nearly mostly openly calmly steadily plainly clearly roughly
"""
)

PREPOSITIONS = _words("in on under over behind beside through across after before with without")
DETERMINERS = _words("the a every each this that our their one another")
CONNECTORS = (
    "Then",
    "Later",
    "Meanwhile",
    "After that",
    "In practice",
    "On most days",
    "By the end of the week",
    "Looking back",
    "For a while",
    "Once in a while",
)
PEOPLE = (
    "Ada Okafor",
    "Bruno Lindqvist",
    "Chen Wei",
    "Dana Whitfield",
    "Emeka Nwosu",
    "Farah Haddad",
    "Greta Johansson",
    "Hiro Tanaka",
    "Ines Carvalho",
    "Jonas Becker",
    "Kavya Raman",
    "Luis Ortega",
)
CATEGORIES = (
    "engineering",
    "release notes",
    "how-to",
    "opinion",
    "community",
    "design",
    "operations",
    "announcements",
)
LANGUAGES = ("python", "yaml", "bash", "json")


# -- a tiny PNG writer (so images are real files without any image library) ----------------


def make_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """Return a valid, uncompressed-colour PNG of one colour."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    raw = row * height
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


# -- the corpus -----------------------------------------------------------------------------


@dataclass
class Post:
    """One generated post, independent of the site it is written into."""

    index: int
    date: dt.datetime
    offset: str
    slug: str
    title: str
    description: str
    tags: list[str]
    categories: list[str]
    author: str
    intro: str
    body: str
    image_name: str
    has_cover: bool
    words: int

    @property
    def filename(self) -> str:
        return f"{self.date:%Y-%m-%d}-{self.slug}.md"

    @property
    def image_dir(self) -> str:
        return f"assets/img/posts/{self.date:%Y%m%d}"


@dataclass
class Corpus:
    """The posts and the shared pools they were drawn from."""

    seed: int
    posts: list[Post] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    pngs: list[bytes] = field(default_factory=list)


class _Writer:
    """Sentences, paragraphs and sections from the word lists, driven by one RNG."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def phrase(self) -> str:
        r = self.rng
        noun = r.choice(NOUNS)
        if r.random() < 0.5:
            noun = f"{r.choice(ADJECTIVES)} {noun}"
        det = r.choice(DETERMINERS)
        if det == "a" and noun[0] in "aeiou":
            det = "an"
        return f"{det} {noun}"

    def sentence(self) -> str:
        r = self.rng
        parts = [self.phrase(), self._verb(r.choice(VERBS)), self.phrase()]
        if r.random() < 0.6:
            parts += [r.choice(PREPOSITIONS), self.phrase()]
        if r.random() < 0.3:
            parts.insert(2, r.choice(ADVERBS))
        if r.random() < 0.25:
            parts += ["and", r.choice(VERBS), self.phrase()]
        text = " ".join(parts)
        if r.random() < 0.2:
            text = f"{r.choice(CONNECTORS)}, {text}"
        words = text.split()
        if r.random() < 0.15:
            i = r.randrange(len(words))
            words[i] = f"`{words[i]}`"
        elif r.random() < 0.1:
            i = r.randrange(len(words))
            words[i] = f"**{words[i]}**"
        text = " ".join(words)
        return text[0].upper() + text[1:] + r.choice(".....?!")

    @staticmethod
    def _verb(verb: str) -> str:
        if verb.endswith(("s", "sh", "ch", "x")):
            return verb + "es"
        if verb.endswith("y") and verb[-2] not in "aeiou":
            return verb[:-1] + "ies"
        return verb + "s"

    def paragraph(self, low: int = 3, high: int = 6) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def title(self) -> str:
        r = self.rng
        pattern = r.randrange(4)
        if pattern == 0:
            det, adj = r.choice(DETERMINERS), r.choice(ADJECTIVES)
            text = f"{r.choice(VERBS)} {det} {adj} {r.choice(NOUNS)}"
        elif pattern == 1:
            text = f"notes on {r.choice(NOUNS)} and {r.choice(NOUNS)}"
        elif pattern == 2:
            text = f"how we {r.choice(VERBS)} {r.choice(NOUNS)}s {r.choice(ADVERBS)}"
        else:
            text = f"the {r.choice(ADJECTIVES)} {r.choice(NOUNS)} {r.choice(NOUNS)}"
        return text[0].upper() + text[1:]

    def code_block(self) -> str:
        r = self.rng
        lang = r.choice(LANGUAGES)
        names = [f"{r.choice(ADJECTIVES)}_{r.choice(NOUNS)}" for _ in range(r.randint(4, 9))]
        if lang == "python":
            lines = [f"def {names[0]}({names[1]}, {names[2]}=None):"]
            lines += [
                f"    {n} = {names[1]}.get({r.choice(NOUNS)!r}, {i})"
                for i, n in enumerate(names[3:])
            ]
            lines.append(f"    return {names[-1]}")
        elif lang == "yaml":
            lines = [f"{names[0]}:"] + [f"  {n}: {r.choice(ADJECTIVES)}" for n in names[1:]]
        elif lang == "bash":
            lines = [
                f"{r.choice(VERBS)} --{n.replace('_', '-')} ./{r.choice(NOUNS)}" for n in names
            ]
        else:
            lines = json.dumps({n: r.randint(0, 999) for n in names}, indent=2).split("\n")
        return "```" + lang + "\n" + "\n".join(lines) + "\n```"

    def bullet_list(self) -> str:
        return "\n".join(f"- {self.sentence()}" for _ in range(self.rng.randint(3, 5)))


def _zipf_tags(rng: random.Random, count: int) -> list[str]:
    tags: list[str] = []
    seen: set[str] = set()
    while len(tags) < count:
        if rng.random() < 0.7:
            tag = rng.choice(NOUNS)
        else:
            tag = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
        if tag not in seen:
            seen.add(tag)
            tags.append(tag)
    return tags


def make_corpus(posts: int, seed: int = DEFAULT_SEED, words: int = 1000) -> Corpus:
    """Draw `posts` posts of about `words` words each; the same seed gives the same posts."""
    rng = random.Random(seed)
    writer = _Writer(rng)
    corpus = Corpus(seed=seed)
    corpus.tags = _zipf_tags(rng, 150)
    # Zipf-like: the k-th tag is drawn with weight 1/k, so a few tags are on most posts.
    weights = [1 / (k + 1) for k in range(len(corpus.tags))]
    palette = [(0x3F, 0x51, 0xB5), (0x00, 0x96, 0x88), (0xFF, 0x98, 0x00), (0x79, 0x55, 0x48)]
    corpus.pngs = [make_png(24 + 8 * i, 16 + 4 * i, c) for i, c in enumerate(palette)]
    start = dt.datetime(2019, 1, 1, 8, 0, tzinfo=dt.timezone.utc)
    span_minutes = int(
        (dt.datetime(2025, 12, 31, tzinfo=dt.timezone.utc) - start).total_seconds() // 60
    )
    offsets = ("+0000", "+0200", "-0500", "+0800", "+0530")
    slugs: set[str] = set()
    for index in range(posts):
        date = start + dt.timedelta(minutes=rng.randrange(span_minutes))
        title = writer.title()
        slug = "-".join(title.lower().replace("'", "").split())
        while slug in slugs:
            slug += f"-{rng.randrange(10, 99)}"
        slugs.add(slug)
        wanted = rng.randint(2, 5)
        tags: list[str] = []
        while len(tags) < wanted:
            tag = rng.choices(corpus.tags, weights=weights)[0]
            if tag not in tags:
                tags.append(tag)
        categories = rng.sample(CATEGORIES, k=1 if rng.random() < 0.7 else 2)
        intro = writer.paragraph(3, 4)
        sections: list[str] = []
        count = len(intro.split())
        image_name = f"figure-{index % 7}.png"
        tweets_left = rng.randint(1, 2)
        figure_at = rng.randint(0, 2)
        code_at = rng.randint(1, 3)
        n = 0
        while count < words * 0.93 or n < 4:
            chunk = [f"## {writer.title()}", writer.paragraph()]
            if n == figure_at:
                chunk.append(
                    f"![{writer.phrase().capitalize()}](IMAGE_DIR/{image_name})\n"
                    f"<small>{writer.sentence()}</small>"
                )
            if tweets_left and rng.random() < 0.5:
                chunk.append(f"<tweet>{writer.sentence()}</tweet>")
                tweets_left -= 1
            chunk.append(writer.paragraph())
            if n == code_at:
                chunk += [writer.paragraph(1, 2) + ":", writer.code_block()]
            if rng.random() < 0.4:
                chunk += [f"### {writer.title()}", writer.bullet_list()]
            chunk.append(writer.paragraph(2, 5))
            text = "\n\n".join(chunk)
            sections.append(text)
            count += len(text.split())
            n += 1
        if tweets_left:
            sections.append(f"<tweet>{writer.sentence()}</tweet>")
        body = "\n\n".join(sections)
        corpus.posts.append(
            Post(
                index=index,
                date=date,
                offset=rng.choice(offsets),
                slug=slug,
                title=title,
                description=writer.sentence(),
                tags=tags,
                categories=categories,
                author=rng.choice(PEOPLE),
                intro=intro,
                body=body,
                image_name=image_name,
                has_cover=rng.random() < 0.6,
                words=count,
            )
        )
    return corpus


# -- the three sites ------------------------------------------------------------------------


def _author_id(name: str) -> str:
    return name.split()[0].lower()


def _front_matter(data: dict[str, Any]) -> str:
    return "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n\n"


def _post_text(post: Post, variant: str, image_prefix: str) -> str:
    if variant == "material":
        fm: dict[str, Any] = {
            "title": post.title,
            "date": post.date.date(),
            "description": post.description,
            "categories": post.categories,
            "tags": post.tags,
            "authors": [_author_id(post.author)],
        }
    else:
        fm = {
            "layout": "post",
            "read_time": True,
            "show_date": True,
            "title": post.title,
            "date": f"{post.date:%Y-%m-%d %H:%M:%S} {post.offset}",
            "tags": post.tags,
            "category" if len(post.categories) == 1 else "categories": (
                post.categories[0] if len(post.categories) == 1 else post.categories
            ),
            "author": post.author,
            "description": post.description,
        }
        if post.has_cover:
            fm["img"] = f"posts/{post.date:%Y%m%d}/{post.image_name}"
    body = post.body.replace("IMAGE_DIR", f"{image_prefix}{post.image_dir}")
    return _front_matter(fm) + post.intro + "\n\n<!-- more -->\n\n" + body + "\n"


def _mkdocs_yml(variant: str, posts: int) -> dict[str, Any]:
    config: dict[str, Any] = {
        "site_name": f"Benchmark blog ({variant}, {posts} posts)",
        "site_url": SITE_URL,
        "theme": {"name": "material"},
    }
    if variant == "blogpost":
        config["plugins"] = ["search", "blogpost"]
    elif variant == "posts-only":
        config["plugins"] = ["search", {"blogpost": {"blog_pages": False}}]
        config["docs_dir"] = "../blogpost/docs"
    elif variant == "plain":
        config["plugins"] = ["search"]
        config["not_in_nav"] = "/blog/posts/\n"
    elif variant == "floor":
        config["plugins"] = ["search"]
        config["not_in_nav"] = "/blog/posts/\n/listings/\n"
    else:
        config["plugins"] = [
            "search",
            {"blog": {"blog_dir": "blog"}},
            {"tags": {}},
        ]
    return config


def listing_pages(corpus: Corpus, per_page: int = 6, term_page_size: int = 50) -> int:
    """Count the listing pages the blogpost site gets with the default options.

    The index at `per_page` cards a page; the tag, category and author indexes and each
    term's pages at `term_page_size` entries a page; the archive and one page a year.
    """

    def pages(count: int, size: int) -> int:
        return max(1, -(-count // size))

    if not corpus.posts:
        return 1  # the index, saying there are no posts yet

    total = pages(len(corpus.posts), per_page)
    for terms_of in (
        lambda p: p.tags,
        lambda p: p.categories,
        lambda p: [p.author],
    ):
        counts = Counter(t for p in corpus.posts for t in dict.fromkeys(terms_of(p)))
        total += 1 + sum(pages(n, term_page_size) for n in counts.values())
    return total + 1 + len({p.date.year for p in corpus.posts})


def write_site(corpus: Corpus, variant: str, root: Path, image_paths: str = "jekyll") -> Path:
    """Write `corpus` as the `variant` site under `root`; return the `mkdocs.yml` path.

    Args:
        corpus: The posts.
        variant: One of `VARIANTS`.
        root: Folder to (re)create.
        image_paths: How the blogpost variant links images: ``jekyll`` (``/assets/img/...``
            and ``./assets/img/...`` from the site root, as Jekyll posts do and the plugin
            rewrites) or ``relative`` (a path from the post's folder, as MkDocs expects).
            The other variants always use ``relative``.
    """
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; choose from {', '.join(VARIANTS)}")
    if root.exists():
        shutil.rmtree(root)
    if variant == "posts-only":  # the blogpost site's files, written just before
        root.mkdir(parents=True)
        (root / "mkdocs.yml").write_text(
            yaml.safe_dump(_mkdocs_yml(variant, len(corpus.posts)), sort_keys=False), "utf-8"
        )
        return root / "mkdocs.yml"
    docs = root / "docs"
    posts_dir = docs / "blog" / "posts"
    posts_dir.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        yaml.safe_dump(_mkdocs_yml(variant, len(corpus.posts)), sort_keys=False), "utf-8"
    )
    (docs / "index.md").write_text(
        "# Benchmark blog\n\nA generated site for timing `mkdocs build`.\n", "utf-8"
    )
    jekyll = variant == "blogpost" and image_paths == "jekyll"
    if variant == "material":
        (docs / "blog" / "index.md").write_text("# Blog\n", "utf-8")
        (docs / "tags.md").write_text("# Tags\n\n<!-- material/tags -->\n", "utf-8")
        authors = {
            _author_id(name): {
                "name": name,
                "description": "Writes about builds",
                "avatar": "https://bench.example.org/avatar.png",
            }
            for name in PEOPLE
        }
        (docs / "blog" / ".authors.yml").write_text(
            yaml.safe_dump({"authors": authors}, sort_keys=False), "utf-8"
        )
    if variant == "floor":
        listings = docs / "listings"
        listings.mkdir()
        for n in range(1, listing_pages(corpus) + 1):
            (listings / f"page-{n}.md").write_text(f"# Page {n}\n\nA short page.\n", "utf-8")
    written_dirs: set[str] = set()
    for post in corpus.posts:
        # Jekyll posts link from the site root, written both ways seen in the wild.
        prefix = ("./" if post.index % 2 else "/") if jekyll else "../../"
        (posts_dir / post.filename).write_text(_post_text(post, variant, prefix), "utf-8")
        image_dir = docs / post.image_dir
        if post.image_dir not in written_dirs:
            image_dir.mkdir(parents=True, exist_ok=True)
            written_dirs.add(post.image_dir)
        target = image_dir / post.image_name
        if not target.exists():
            target.write_bytes(corpus.pngs[post.index % len(corpus.pngs)])
    return root / "mkdocs.yml"


def write_sites(
    out: Path,
    posts: int,
    *,
    seed: int = DEFAULT_SEED,
    variants: tuple[str, ...] = VARIANTS,
    image_paths: str = "jekyll",
) -> dict[str, Path]:
    """Write the corpus as each variant under `out/<variant>/`; return their `mkdocs.yml`."""
    corpus = make_corpus(posts, seed)
    out.mkdir(parents=True, exist_ok=True)
    if "posts-only" in variants and "blogpost" not in variants:
        write_site(corpus, "blogpost", out / "blogpost", image_paths)  # its docs are shared
    result = {v: write_site(corpus, v, out / v, image_paths) for v in variants}
    stats = {
        "posts": posts,
        "seed": seed,
        "image_paths": image_paths,
        "words_mean": round(sum(p.words for p in corpus.posts) / max(posts, 1)),
        "distinct_tags": len({t for p in corpus.posts for t in p.tags}),
        "years": sorted({p.date.year for p in corpus.posts}),
    }
    (out / "corpus.json").write_text(json.dumps(stats, indent=2) + "\n", "utf-8")
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100, help="number of posts (default 100)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument("--out", type=Path, default=None, help="output folder")
    parser.add_argument(
        "--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS), help="sites to write"
    )
    parser.add_argument("--image-paths", choices=("jekyll", "relative"), default="jekyll")
    args = parser.parse_args(argv)
    out = args.out or Path(__file__).parent / "out" / f"corpus-{args.posts}"
    sites = write_sites(
        out, args.posts, seed=args.seed, variants=tuple(args.variants), image_paths=args.image_paths
    )
    for variant, path in sites.items():
        print(f"{variant}: {path}")


if __name__ == "__main__":
    main()
