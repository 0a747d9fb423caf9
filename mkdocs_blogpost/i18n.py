"""Every word the plugin shows, keyed by language.

One table, so a translation is one dictionary. Missing keys fall back to English.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["TRANSLATIONS", "Translator", "resolve_language"]

TRANSLATIONS: dict[str, dict[str, str]] = {
    "en": {
        "min_read": "{minutes} min read",
        "less_than_minute": "less than 1 minute read",
        "by": "By",
        "tags": "Tags",
        "categories": "Categories",
        "category": "Category",
        "draft": "Draft",
        "not_published": "Not published",
        "unreadable_notice": (
            "This post is not published: its front matter could not be read, so mkdocs "
            "build leaves it out of the site and its feeds. {problem}"
        ),
        "scheduled": "Scheduled",
        "published_on": "Published on",
        "cover_alt": "Cover image",
        "blog": "Blog",
        "newer_posts": "Newer posts",
        "older_posts": "Older posts",
        "page_of": "Page {page} of {pages}",
        "previous_post": "Previous post",
        "next_post": "Next post",
        "related_posts": "Related posts",
        "archive": "Archive",
        "authors": "Authors",
        "read_more": "Continue reading",
        "posts_tagged": "Posts tagged “{tag}”",
        "posts_in_category": "Posts in “{category}”",
        "posts_by": "Posts by {author}",
        "posts_in_year": "Posts from {year}",
        "post_count": "{count} posts",
        "post_count_one": "1 post",
        "no_posts": "No posts yet.",
        "pagination": "Pagination",
        "click_to_tweet": "Click to tweet",
        "share_on": "Share on {network}",
        "copy_link": "Copy link",
        "quote": "Quote",
        "quote_permalink": "Link to this quote",
        "view_on_github": "View on GitHub",
        "subscribe": "Subscribe",
        "redirecting": "Redirecting…",
        "moved_to": "This page has moved to",
        "tags_intro": "Every tag on the blog, with the number of posts that carry it.",
        "categories_intro": "Every category of the blog, with the number of posts in it.",
        "authors_intro": "Everyone who writes for the blog, with the number of posts they wrote.",
        "back_to_blog": "Back to {blog}",
        "website": "Website",
    },
    "de": {
        "min_read": "{minutes} Min. Lesezeit",
        "less_than_minute": "weniger als 1 Minute Lesezeit",
        "by": "Von",
        "tags": "Schlagwörter",
        "categories": "Kategorien",
        "category": "Kategorie",
        "draft": "Entwurf",
        "not_published": "Nicht veröffentlicht",
        "unreadable_notice": (
            "Dieser Beitrag ist nicht veröffentlicht: Sein Front Matter ist nicht lesbar, daher "
            "lässt mkdocs build ihn aus der Website und den Feeds weg. {problem}"
        ),
        "scheduled": "Geplant",
        "published_on": "Veröffentlicht am",
        "cover_alt": "Titelbild",
        "blog": "Blog",
        "newer_posts": "Neuere Beiträge",
        "older_posts": "Ältere Beiträge",
        "page_of": "Seite {page} von {pages}",
        "previous_post": "Vorheriger Beitrag",
        "next_post": "Nächster Beitrag",
        "related_posts": "Ähnliche Beiträge",
        "archive": "Archiv",
        "authors": "Autoren",
        "read_more": "Weiterlesen",
        "posts_tagged": "Beiträge mit „{tag}“",
        "posts_in_category": "Beiträge in „{category}“",
        "posts_by": "Beiträge von {author}",
        "posts_in_year": "Beiträge aus {year}",
        "post_count": "{count} Beiträge",
        "post_count_one": "1 Beitrag",
        "no_posts": "Noch keine Beiträge.",
        "pagination": "Seitennavigation",
        "click_to_tweet": "Zum Twittern klicken",
        "share_on": "Auf {network} teilen",
        "copy_link": "Link kopieren",
        "quote": "Zitat",
        "quote_permalink": "Link zu diesem Zitat",
        "view_on_github": "Auf GitHub ansehen",
        "subscribe": "Abonnieren",
        "redirecting": "Weiterleitung…",
        "moved_to": "Diese Seite ist umgezogen nach",
        "tags_intro": "Alle Schlagwörter des Blogs, mit der Zahl der Beiträge zu jedem.",
        "categories_intro": "Alle Kategorien des Blogs, mit der Zahl der Beiträge in jeder.",
        "authors_intro": "Alle, die für den Blog schreiben, mit der Zahl ihrer Beiträge.",
        "back_to_blog": "Zurück zu {blog}",
        "website": "Website",
    },
    "fr": {
        "min_read": "{minutes} min de lecture",
        "less_than_minute": "moins d’une minute de lecture",
        "by": "Par",
        "tags": "Étiquettes",
        "categories": "Catégories",
        "category": "Catégorie",
        "draft": "Brouillon",
        "not_published": "Non publié",
        "unreadable_notice": (
            "Cet article n’est pas publié : son front matter est illisible, donc "
            "mkdocs build l’exclut du site et des flux. {problem}"
        ),
        "scheduled": "Programmé",
        "published_on": "Publié le",
        "cover_alt": "Image de couverture",
        "blog": "Blog",
        "newer_posts": "Articles plus récents",
        "older_posts": "Articles plus anciens",
        "page_of": "Page {page} sur {pages}",
        "previous_post": "Article précédent",
        "next_post": "Article suivant",
        "related_posts": "Articles liés",
        "archive": "Archives",
        "authors": "Auteurs",
        "read_more": "Lire la suite",
        "posts_tagged": "Articles étiquetés « {tag} »",
        "posts_in_category": "Articles dans « {category} »",
        "posts_by": "Articles de {author}",
        "posts_in_year": "Articles de {year}",
        "post_count": "{count} articles",
        "post_count_one": "1 article",
        "no_posts": "Aucun article pour l’instant.",
        "pagination": "Pagination",
        "click_to_tweet": "Cliquer pour tweeter",
        "share_on": "Partager sur {network}",
        "copy_link": "Copier le lien",
        "quote": "Citation",
        "quote_permalink": "Lien vers cette citation",
        "view_on_github": "Voir sur GitHub",
        "subscribe": "S’abonner",
        "redirecting": "Redirection…",
        "moved_to": "Cette page a été déplacée vers",
        "tags_intro": (
            "Toutes les étiquettes du blog, avec le nombre d’articles qui portent chacune."
        ),
        "categories_intro": "Toutes les catégories du blog, avec le nombre d’articles de chacune.",
        "authors_intro": (
            "Toutes les personnes qui écrivent pour le blog, avec le nombre de leurs articles."
        ),
        "back_to_blog": "Retour à {blog}",
        "website": "Site web",
    },
    "es": {
        "min_read": "{minutes} min de lectura",
        "less_than_minute": "menos de 1 minuto de lectura",
        "by": "Por",
        "tags": "Etiquetas",
        "categories": "Categorías",
        "category": "Categoría",
        "draft": "Borrador",
        "not_published": "No publicado",
        "unreadable_notice": (
            "Esta entrada no está publicada: su front matter no se puede leer, así que "
            "mkdocs build la deja fuera del sitio y de los feeds. {problem}"
        ),
        "scheduled": "Programado",
        "published_on": "Publicado el",
        "cover_alt": "Imagen de portada",
        "blog": "Blog",
        "newer_posts": "Entradas más recientes",
        "older_posts": "Entradas anteriores",
        "page_of": "Página {page} de {pages}",
        "previous_post": "Entrada anterior",
        "next_post": "Entrada siguiente",
        "related_posts": "Entradas relacionadas",
        "archive": "Archivo",
        "authors": "Autores",
        "read_more": "Seguir leyendo",
        "posts_tagged": "Entradas con la etiqueta «{tag}»",
        "posts_in_category": "Entradas en «{category}»",
        "posts_by": "Entradas de {author}",
        "posts_in_year": "Entradas de {year}",
        "post_count": "{count} entradas",
        "post_count_one": "1 entrada",
        "no_posts": "Todavía no hay entradas.",
        "pagination": "Paginación",
        "click_to_tweet": "Clic para tuitear",
        "share_on": "Compartir en {network}",
        "copy_link": "Copiar enlace",
        "quote": "Cita",
        "quote_permalink": "Enlace a esta cita",
        "view_on_github": "Ver en GitHub",
        "subscribe": "Suscribirse",
        "redirecting": "Redirigiendo…",
        "moved_to": "Esta página se ha trasladado a",
        "tags_intro": "Todas las etiquetas del blog, con el número de entradas de cada una.",
        "categories_intro": "Todas las categorías del blog, con el número de entradas de cada una.",
        "authors_intro": (
            "Todas las personas que escriben en el blog, con el número de entradas de cada una."
        ),
        "back_to_blog": "Volver a {blog}",
        "website": "Sitio web",
    },
    "zh": {
        "min_read": "阅读时间 {minutes} 分钟",
        "less_than_minute": "阅读时间不到 1 分钟",
        "by": "作者",
        "tags": "标签",
        "categories": "分类",
        "category": "分类",
        "draft": "草稿",
        "not_published": "未发布",
        "unreadable_notice": (
            "此文章未发布：无法读取其 front matter，"
            "因此 mkdocs build 不会将其放入站点和订阅源。{problem}"
        ),
        "scheduled": "定时发布",
        "published_on": "发布于",
        "cover_alt": "封面图片",
        "blog": "博客",
        "newer_posts": "较新的文章",
        "older_posts": "较早的文章",
        "page_of": "第 {page} 页，共 {pages} 页",
        "previous_post": "上一篇",
        "next_post": "下一篇",
        "related_posts": "相关文章",
        "archive": "归档",
        "authors": "作者",
        "read_more": "继续阅读",
        "posts_tagged": "标签为“{tag}”的文章",
        "posts_in_category": "“{category}”分类下的文章",
        "posts_by": "{author} 的文章",
        "posts_in_year": "{year} 年的文章",
        "post_count": "{count} 篇文章",
        "post_count_one": "1 篇文章",
        "no_posts": "还没有文章。",
        "pagination": "分页",
        "click_to_tweet": "点击发推",
        "share_on": "分享到 {network}",
        "copy_link": "复制链接",
        "quote": "引用",
        "quote_permalink": "此引用的链接",
        "view_on_github": "在 GitHub 上查看",
        "subscribe": "订阅",
        "redirecting": "正在跳转…",
        "moved_to": "此页面已移至",
        "tags_intro": "博客的全部标签，以及每个标签下的文章数。",
        "categories_intro": "博客的全部分类，以及每个分类下的文章数。",
        "authors_intro": "为博客撰稿的所有作者，以及每位作者的文章数。",
        "back_to_blog": "返回{blog}",
        "website": "个人网站",
    },
}


def resolve_language(option: str | None, theme_language: object) -> str:
    """Pick the language code: the plugin option, else the theme's, else English.

    Args:
        option: The plugin's `language` option.
        theme_language: The theme's `language` (or `locale`) setting, any type.

    Returns:
        A language code such as `en` or `pt_BR`, never empty.
    """
    for candidate in (option, theme_language):
        if candidate:
            return str(candidate).replace("-", "_")
    return "en"


class Translator:
    """Look up the plugin's words in one language, falling back to English."""

    def __init__(self, language: str, table: Mapping[str, Mapping[str, str]] = TRANSLATIONS):
        """Create a translator.

        Args:
            language: A language code (`de`, `pt_BR`); a region falls back to its language.
            table: The translation table, by default `TRANSLATIONS`.
        """
        self.language = language
        base = language.split("_")[0].lower()
        self._words: dict[str, str] = dict(table["en"])
        self._words.update(table.get(base, {}))
        self._words.update(table.get(language, {}))

    def __call__(self, key: str, **values: object) -> str:
        """Return the words for `key`, with `values` filled in."""
        text = self._words.get(key, key)
        return text.format(**values) if values else text

    @property
    def words(self) -> dict[str, str]:
        """All words in this language, for templates."""
        return self._words
