"""The words the plugin shows, in the site's language, falling back to English."""

from __future__ import annotations

import string

import pytest

from mkdocs_blogpost.i18n import (
    READING_SPEED,
    TRANSLATIONS,
    Translator,
    babel_locale,
    reading_speed,
    resolve_language,
    translation_language,
)


def test_translator_falls_back() -> None:
    de = Translator("de_AT")
    assert de("older_posts") == "Ältere Beiträge"
    assert de("min_read", minutes=3) == "3 Min. Lesezeit"
    assert Translator("xx")("tags") == "Tags"
    assert Translator("")("tags") == "Tags"
    assert resolve_language(None, None) == "en"
    assert resolve_language(None, "pt-BR") == "pt_BR"


# -- the table --------------------------------------------------------------------------------

ENGLISH = TRANSLATIONS["en"]
LANGUAGES = [language for language in TRANSLATIONS if language != "en"]
#: Keys a language may add for its plural forms; they say what `post_count` says.
PLURAL_EXTRAS = {"post_count_few": "post_count", "post_count_many": "post_count"}

#: Translations that are the English words, each for a reason; anything else identical to
#: English is an untranslated string.
SAME_AS_ENGLISH = {
    # The loanword these languages write for a blog.
    **{("blog", lang): "loanword" for lang in ("de", "fr", "es", "it", "pt", "pt_BR", "nl", "pl")},
    # French spells it the same.
    ("pagination", "fr"): "same word",
    # The loanword Dutch and Brazilian blogs use (WordPress says "Tags" in both).
    ("tags", "nl"): "loanword",
    ("tags", "pt_BR"): "loanword",
    # Italian says "In inglese", the same words as English "In English".
    ("shown_in", "it"): "same phrase",
    # German and Dutch write the English word for a website.
    ("website", "de"): "loanword",
    ("website", "nl"): "loanword",
}

#: The quotation marks each language sets around a tag or category name.
QUOTES = {
    "en": ("“", "”"),
    "de": ("„", "“"),
    "fr": ("«\u00a0", "\u00a0»"),
    "es": ("«", "»"),
    "it": ("«", "»"),
    "pt": ("«", "»"),
    "pt_BR": ("“", "”"),
    "nl": ("“", "”"),
    "pl": ("„", "”"),
    "ru": ("«", "»"),
    "uk": ("«", "»"),
    "zh_Hans": ("“", "”"),
    "zh_Hant": ("「", "」"),
    "ja": ("「", "」"),
    "ko": ("“", "”"),
}


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_the_table_has_the_languages_multilingual_blogs_need() -> None:
    expected = {"en", "de", "fr", "es", "it", "pt", "pt_BR", "nl", "pl", "ru", "uk"}
    expected |= {"zh_Hans", "zh_Hant", "ja", "ko"}
    assert expected <= set(TRANSLATIONS)
    assert set(QUOTES) == set(TRANSLATIONS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_exactly_the_english_keys(language: str) -> None:
    words = TRANSLATIONS[language]
    assert set(ENGLISH) - set(words) == set(), "missing"
    assert set(words) - set(ENGLISH) <= set(PLURAL_EXTRAS), "keys English does not have"


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_match_english(language: str) -> None:
    for key, text in TRANSLATIONS[language].items():
        english = ENGLISH[PLURAL_EXTRAS.get(key, key)]
        assert placeholders(text) == placeholders(english), key


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_is_left_in_english(language: str) -> None:
    same = {key for key, text in TRANSLATIONS[language].items() if text == ENGLISH.get(key)}
    assert same == {key for key, lang in SAME_AS_ENGLISH if lang == language}


@pytest.mark.parametrize("language", list(TRANSLATIONS))
def test_typographic_quotes(language: str) -> None:
    opening, closing = QUOTES[language]
    words = Translator(language)
    assert words("posts_tagged", tag="CI").count(f"{opening}CI{closing}") == 1
    assert f"{opening}Go{closing}" in words("posts_in_category", category="Go")
    for key, text in TRANSLATIONS[language].items():
        assert '"' not in text, key
        assert "..." not in text, key


def test_french_keeps_its_no_break_spaces() -> None:
    fr = TRANSLATIONS["fr"]
    assert " :" not in fr["unreadable_notice"] and "\u00a0:" in fr["unreadable_notice"]
    assert fr["min_read"].format(minutes=3) == "3\u00a0min de lecture"


@pytest.mark.parametrize("language", list(TRANSLATIONS))
def test_every_count_and_label_formats(language: str) -> None:
    t = Translator(language)
    values = {"minutes": 3, "problem": "x", "page": 1, "pages": 2, "tag": "t", "category": "c"}
    values |= {"author": "a", "year": 2024, "network": "X", "language": "English", "count": 4}
    values |= {"blog": "Blog"}
    for key, text in t.words.items():
        formatted = text.format(**{name: values[name] for name in placeholders(text)})
        assert "{" not in formatted and "}" not in formatted, key
    for n in (0, 1, 2, 3, 5, 11, 21, 22, 25, 100, 101, 1000):
        assert str(n) in t.count("post_count", n)


# -- language codes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "dictionary"),
    [
        ("zh", "zh_Hans"),
        ("zh_CN", "zh_Hans"),
        ("zh_SG", "zh_Hans"),
        ("zh_Hans", "zh_Hans"),
        ("zh-Hans", "zh_Hans"),
        ("zh-Hans-CN", "zh_Hans"),
        ("zh_TW", "zh_Hant"),
        ("zh-TW", "zh_Hant"),
        ("zh_HK", "zh_Hant"),
        ("zh_MO", "zh_Hant"),
        ("zh_Hant", "zh_Hant"),
        ("zh-Hant", "zh_Hant"),
        ("zh-Hant-TW", "zh_Hant"),
        ("zh-hant-tw", "zh_Hant"),
        ("pt_BR", "pt_BR"),
        ("pt-BR", "pt_BR"),
        ("PT-br", "pt_BR"),
        ("pt", "pt"),
        ("pt_PT", "pt"),
        ("pt-AO", "pt"),
        ("it_CH", "it"),
        ("nl-BE", "nl"),
        ("uk", "uk"),
        ("uk_UA", "uk"),
        ("ru-RU", "ru"),
        ("pl_PL", "pl"),
        ("ja", "ja"),
        ("ja-JP", "ja"),
        ("ko", "ko"),
        ("ko_KR", "ko"),
        ("de_AT", "de"),
        ("DE", "de"),
        ("en_US.UTF-8", "en"),
        ("xx", "en"),
        ("", "en"),
    ],
)
def test_codes_find_their_dictionary(code: str, dictionary: str) -> None:
    assert translation_language(code) == dictionary
    # The site's language goes through resolve_language first: the result must read the same.
    assert translation_language(resolve_language(code, None)) == dictionary
    assert Translator(code).table_language == dictionary
    assert Translator(code)("blog") == TRANSLATIONS[dictionary]["blog"]


def test_european_and_brazilian_portuguese_differ() -> None:
    assert Translator("pt")("share_on", network="X") == "Partilhar no X"
    assert Translator("pt-BR")("share_on", network="X") == "Compartilhar no X"
    assert Translator("pt_PT")("read_more") == "Continuar a ler"
    assert Translator("pt_BR")("read_more") == "Continuar lendo"


def test_traditional_and_simplified_chinese_differ() -> None:
    # A Traditional code must never show Simplified words, nor the other way round.
    assert Translator("zh-TW")("blog") == "部落格"
    assert Translator("zh_CN")("blog") == "博客"
    assert Translator("zh")("copy_link") == "复制链接"
    assert Translator("zh_HK")("copy_link") == "複製連結"


def test_traditional_chinese_does_not_fall_back_to_a_bare_zh_dictionary() -> None:
    # A table with only a bare `zh` (Simplified) gives Traditional readers English, not the
    # other script; Simplified codes still read it.
    table = {"en": {"blog": "Blog"}, "zh": {"blog": "博客"}}
    assert Translator("zh_TW", table)("blog") == "Blog"
    assert Translator("zh_CN", table)("blog") == "博客"
    assert translation_language("zh_Hant", table) == "en"


@pytest.mark.parametrize(
    ("option", "theme", "expected"),
    [
        (None, "pt-BR", "pt_BR"),
        (None, "PT-br", "pt_BR"),
        (None, "zh-Hant", "zh_Hant"),
        (None, "zh-hant-tw", "zh_Hant_TW"),
        (None, "zh-TW", "zh_TW"),
        (None, "ja", "ja"),
        ("de_DE", "fr", "de_DE"),
        ("", "uk", "uk"),
        ("  ", "ko", "ko"),
        (None, "", "en"),
    ],
)
def test_resolve_language_writes_codes_one_way(
    option: str | None, theme: object, expected: str
) -> None:
    assert resolve_language(option, theme) == expected


@pytest.mark.parametrize(
    ("code", "locale"),
    [
        ("en", "en"),
        ("de_AT", "de_AT"),
        ("zh", "zh_Hans"),
        ("zh_CN", "zh_Hans_CN"),
        ("zh-TW", "zh_Hant_TW"),
        ("zh_Hant", "zh_Hant"),
        ("zh_HK", "zh_Hant_HK"),
        # Babel's bare `pt` is Brazilian; the plugin's is European.
        ("pt", "pt_PT"),
        ("pt_PT", "pt_PT"),
        ("pt-BR", "pt_BR"),
        ("PT-br", "pt_BR"),
        ("de_XX", "de"),
        ("xx", "en"),
        ("", "en"),
        ("12", "en"),
    ],
)
def test_babel_locale(code: str, locale: str) -> None:
    assert babel_locale(code) == locale


# -- counts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "n", "expected"),
    [
        ("en", 1, "1 post"),
        ("en", 0, "0 posts"),
        ("en", 2, "2 posts"),
        ("de", 1, "1 Beitrag"),
        ("de", 21, "21 Beiträge"),
        # French counts 0 as singular.
        ("fr", 0, "0 article"),
        ("fr", 1, "1 article"),
        ("fr", 2, "2 articles"),
        ("zh", 1, "1 篇文章"),
        ("ja", 1, "1 件の記事"),
        ("ja", 3, "3 件の記事"),
        ("ko", 3, "글 3개"),
        # Czech has a `few` form, but with no Czech dictionary the words and the rules are
        # both English.
        ("cs", 3, "3 posts"),
    ],
)
def test_count_picks_the_plural_form(language: str, n: int, expected: str) -> None:
    assert Translator(language).count("post_count", n) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ru", ["1 запись", "2 записи", "5 записей", "21 запись", "22 записи", "25 записей"]),
        ("uk", ["1 запис", "2 записи", "5 записів", "21 запис", "22 записи", "25 записів"]),
        # Polish 21 is not singular: only 1 takes the `one` form.
        ("pl", ["1 wpis", "2 wpisy", "5 wpisów", "21 wpisów", "22 wpisy", "25 wpisów"]),
    ],
)
def test_slavic_counts_take_three_forms(language: str, expected: list[str]) -> None:
    t = Translator(language)
    assert [t.count("post_count", n) for n in (1, 2, 5, 21, 22, 25)] == expected
    # 12-14 and 111 take the form of 5, not that of 2 or 1.
    many = expected[2].removeprefix("5")
    assert [t.count("post_count", n) for n in (12, 14, 111)] == [
        f"12{many}",
        f"14{many}",
        f"111{many}",
    ]


def test_count_falls_back_to_the_general_form() -> None:
    table = {
        "en": {"post_count": "{count} posts", "post_count_one": "{count} post"},
        "ru": {"post_count": "{count} записей", "post_count_one": "{count} запись"},
    }
    ru = Translator("ru", table)
    assert ru.count("post_count", 3) == "3 записей"  # no `few` form: the general one
    assert ru.count("post_count", 21) == "21 запись"
    assert ru.count("unknown", 2) == "unknown"


# -- reading speed ----------------------------------------------------------------------------

#: Words read per minute in the IReST study (Trauzettel-Klosinski & Dietz, 2012).
IREST_WORDS_PER_MINUTE = {
    "ar": 138, "de": 179, "en": 228, "es": 218, "fi": 161, "fr": 195, "he": 187, "it": 188,
    "ja": 193, "nl": 202, "pl": 166, "pt": 181, "ru": 184, "sl": 180, "sv": 199, "tr": 166,
    "zh": 158,
}  # fmt: skip


def test_english_reads_at_the_jekyll_themes_speed() -> None:
    from mkdocs_blogpost.config import BlogpostConfig

    # The Jekyll theme family counts 200 words a minute; an unset option leaves each
    # language its own speed.
    assert READING_SPEED["en"] == reading_speed("en") == (200, 400)
    config = BlogpostConfig()
    config.load_dict({})
    assert config.validate() == ([], [])
    assert (config.words_per_minute, config.cjk_characters_per_minute) == (None, None)


@pytest.mark.parametrize("language", sorted(IREST_WORDS_PER_MINUTE))
def test_reading_speeds_scale_the_study_to_the_defaults(language: str) -> None:
    words, cjk = READING_SPEED["en"]
    ratio = IREST_WORDS_PER_MINUTE[language] / IREST_WORDS_PER_MINUTE["en"]

    def to_5(x: float) -> int:
        return int(x / 5 + 0.5) * 5

    if language in ("ja", "zh"):
        expected = (words, to_5(cjk * ratio))
    else:
        expected = (to_5(words * ratio), cjk)
    assert READING_SPEED[language] == expected
    assert set(READING_SPEED) == set(IREST_WORDS_PER_MINUTE)


@pytest.mark.parametrize(
    ("code", "speed"),
    [
        ("de", (155, 400)),
        ("de_AT", (155, 400)),
        ("pt", (160, 400)),
        ("pt-BR", (160, 400)),
        ("PT-br", (160, 400)),
        ("ja", (200, 340)),
        ("ja_JP", (200, 340)),
        ("zh", (200, 275)),
        ("zh_Hans", (200, 275)),
        ("zh-TW", (200, 275)),
        ("zh-Hant-TW", (200, 275)),
        ("ru-RU", (160, 400)),
        # Not measured in the study: the English defaults.
        ("uk", (200, 400)),
        ("ko", (200, 400)),
        ("xx", (200, 400)),
        ("", (200, 400)),
    ],
)
def test_reading_speed_falls_back(code: str, speed: tuple[int, int]) -> None:
    assert reading_speed(code) == speed
