"""A post written in another language than its blog says so with `lang:`.

Its header and footer, its dates and its reading time are in its language, and its
content carries a `lang` attribute, so screen readers and browsers read it in the
right voice (WCAG 2.1, 3.1.2 "Language of Parts"). The page's own `<html lang>` stays
the site's: the theme's navigation around the post is still in that language.
"""

from __future__ import annotations

import json

import pytest

from mkdocs_blogpost.multilingual import language_name, language_tag

FRENCH = """---
title: Le phare rouvre
date: 2024-06-30
lang: fr
tags: [phare]
---
Le phare rouvre ses portes aux visiteurs tout l’été.
"""

ENGLISH = """---
title: The lighthouse reopens
date: 2024-06-29
tags: [phare]
---
The lighthouse opens to visitors again for the summer.
"""


def test_a_french_post_in_an_english_blog_is_dressed_in_french(build_site) -> None:
    site = build_site(
        {"blog/posts/2024-06-30-phare.md": FRENCH, "blog/posts/2024-06-29-reopens.md": ENGLISH},
        {"site_url": "https://example.org/"},
    )
    page = site.soup("blog/2024/06/30/phare/index.html")
    assert page.html["lang"] == "en"
    wrapper = page.select_one('div.blogpost-post[lang="fr"]')
    assert wrapper is not None
    header = wrapper.select_one(".blogpost-header").get_text(" ", strip=True)
    assert "Publié le" in header and "30 juin 2024" in header
    assert "moins d’une minute de lecture" in header
    # The footer is the post's too.
    assert "Article suivant" in wrapper.get_text(" ", strip=True) or "Article précédent" in (
        wrapper.get_text(" ", strip=True)
    )
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["inLanguage"] == "fr"
    # On the English index, the card is marked French and keeps the index's words.
    card = site.soup("blog/index.html").select(".blogpost-card")[0]
    assert card["lang"] == "fr"
    assert "Continue reading" in card.get_text()
    # The English post is untouched.
    english = site.soup("blog/2024/06/29/reopens/index.html")
    assert english.select_one("div[lang=fr]") is None
    # Its link to the French post says that title is French.
    assert english.select_one("a.blogpost-entry__link[lang=fr]") is not None
    assert "Published on" in english.select_one(".blogpost-header").get_text(" ", strip=True)


def test_lang_the_same_as_the_blog_changes_nothing(build_site) -> None:
    site = build_site({"blog/posts/2024-06-30-phare.md": FRENCH}, {"theme": {"name": "material", "language": "fr"}})
    page = site.soup("blog/2024/06/30/phare/index.html")
    assert page.select_one("div.blogpost-post") is None
    assert "Publié le" in page.select_one(".blogpost-header").get_text(" ", strip=True)


def test_a_lang_that_is_no_language_code_is_reported_with_its_line(build_site) -> None:
    broken = FRENCH.replace("lang: fr", "lang: French, please")
    site = build_site({"blog/posts/2024-06-30-phare.md": broken}, strict=False)
    assert any(
        "blog/posts/2024-06-30-phare.md:4: front matter 'lang'" in w for w in site.warnings
    ), site.warnings
    header = site.soup("blog/2024/06/30/phare/index.html").select_one(".blogpost-header")
    assert "Published on" in header.get_text(" ", strip=True)
    build_site({"blog/posts/2024-06-30-phare.md": broken}, expect_failure=True)


@pytest.mark.parametrize(
    ("code", "shown_in", "name"),
    [
        ("fr", None, "Français"),
        ("en", "fr", "Anglais"),
        ("pt-BR", None, "Português (Brasil)"),
        ("de", "ja", "ドイツ語"),
        ("xx-nonsense", None, "xx-nonsense"),
    ],
)
def test_language_names_come_from_babel(code: str, shown_in: str | None, name: str) -> None:
    assert language_name(code, shown_in) == name


def test_language_tags_use_hyphens() -> None:
    assert language_tag("pt_BR") == "pt-BR"
    assert language_tag("zh-Hant") == "zh-Hant"


def test_inside_a_phrase_a_language_is_named_as_its_language_writes_it() -> None:
    assert language_name("en", "fr", label=False) == "anglais"
    assert language_name("fr", "en", label=False) == "French"


def _reading_minutes(page) -> int:
    text = page.select_one(".blogpost-meta__read").get_text()
    return int("".join(ch for ch in text if ch.isdigit()))


def _long_post(title: str, lang: str, body: str) -> str:
    header = f"lang: {lang}\n" if lang else ""
    return f"---\ntitle: {title}\ndate: 2024-05-01\n{header}---\n{body}\n"


# 680 words: 3.4 minutes at English's 200 words a minute, 4.4 at German's 155.
WORDS = " ".join(["Leuchtturm"] * 680)
# 560 characters: 1.4 minutes at English's 400 a minute, 2.04 at Chinese's 275.
HANZI = "灯塔" * 280


def test_each_post_reads_at_its_languages_speed(build_site) -> None:
    site = build_site(
        {
            "blog/posts/2024-05-01-en.md": _long_post("Long", "", WORDS),
            "blog/posts/2024-05-01-de.md": _long_post("Lang", "de", WORDS),
            "blog/posts/2024-05-01-zh.md": _long_post("长文", "zh", HANZI),
            "blog/posts/2024-05-01-cjk-en.md": _long_post("Hanzi", "", HANZI),
        }
    )
    assert _reading_minutes(site.soup("blog/2024/05/01/en/index.html")) == 4
    assert _reading_minutes(site.soup("blog/2024/05/01/de/index.html")) == 5
    assert _reading_minutes(site.soup("blog/2024/05/01/cjk-en/index.html")) == 2
    assert _reading_minutes(site.soup("blog/2024/05/01/zh/index.html")) == 3


def test_a_blog_in_german_reads_its_posts_at_german_speed(build_site) -> None:
    site = build_site(
        {"blog/posts/2024-05-01-lang.md": _long_post("Lang", "", WORDS)},
        {"theme": {"name": "mkdocs", "locale": "de"}},
    )
    assert _reading_minutes(site.soup("blog/2024/05/01/lang/index.html")) == 5


def test_a_speed_set_for_the_site_reads_every_language(build_site) -> None:
    options = {"words_per_minute": 100, "cjk_characters_per_minute": 100}
    site = build_site(
        {
            "blog/posts/2024-05-01-en.md": _long_post("Long", "", WORDS),
            "blog/posts/2024-05-01-de.md": _long_post("Lang", "de", WORDS),
            "blog/posts/2024-05-01-zh.md": _long_post("长文", "zh", HANZI),
        },
        {"plugins": ["search", {"blogpost": options}]},
    )
    assert _reading_minutes(site.soup("blog/2024/05/01/en/index.html")) == 7
    assert _reading_minutes(site.soup("blog/2024/05/01/de/index.html")) == 7
    assert _reading_minutes(site.soup("blog/2024/05/01/zh/index.html")) == 6
