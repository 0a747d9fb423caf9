"""The words the plugin shows, in the site's language, falling back to English."""

from __future__ import annotations

from mkdocs_blogpost.i18n import TRANSLATIONS, Translator, resolve_language


def test_translator_falls_back() -> None:
    de = Translator("de_AT")
    assert de("older_posts") == "Ältere Beiträge"
    assert de("min_read", minutes=3) == "3 Min. Lesezeit"
    assert Translator("xx")("tags") == "Tags"
    assert resolve_language(None, None) == "en"
    assert resolve_language(None, "pt-BR") == "pt_BR"
    # Every language translates every English key.
    for lang, words in TRANSLATIONS.items():
        assert set(words) == set(TRANSLATIONS["en"]), lang
