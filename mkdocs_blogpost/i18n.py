"""Every word the plugin shows, keyed by language, and how language codes find them.

One table, so a translation is one dictionary. Missing keys fall back to English. Codes
are read the way sites write them (`pt-BR`, `zh_TW`, `zh-Hant-TW`, `PT-br`): a code finds
its script and region's dictionary, then its language's, then English.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache

__all__ = [
    "READING_SPEED",
    "TRANSLATIONS",
    "Translator",
    "babel_locale",
    "reading_speed",
    "resolve_language",
    "translation_language",
]

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
        # The boxes relating posts and docs pages: on a post, the docs pages it concerns;
        # on a docs page, the blog's posts about it (not "similar posts": about this page).
        "related_documentation": "Related documentation",
        "posts_about_page": "Related posts",
        "archive": "Archive",
        "authors": "Authors",
        "read_more": "Continue reading",
        "posts_tagged": "Posts tagged “{tag}”",
        "posts_in_category": "Posts in “{category}”",
        "posts_by": "Posts by {author}",
        "posts_in_year": "Posts from {year}",
        # Counts go through Translator.count, which picks the language's plural form:
        # `post_count_one`, `post_count_few` and `post_count_many` where a language has
        # them, `post_count` for every other number.
        "post_count": "{count} posts",
        "post_count_one": "{count} post",
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
        # For blogs in several languages: the label before the list of a post's other
        # language versions, the badge on a post a blog shows untranslated, that post's
        # language (a name from Babel, in the blog's language), and the language menu.
        "translations": "Also available in",
        "untranslated": "Not translated yet",
        "shown_in": "In {language}",
        "language_switcher": "Language",
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
        "related_documentation": "Zugehörige Dokumentation",
        "posts_about_page": "Blogbeiträge zu diesem Thema",
        "archive": "Archiv",
        "authors": "Autoren",
        "read_more": "Weiterlesen",
        "posts_tagged": "Beiträge mit „{tag}“",
        "posts_in_category": "Beiträge in „{category}“",
        "posts_by": "Beiträge von {author}",
        "posts_in_year": "Beiträge aus {year}",
        "post_count": "{count} Beiträge",
        "post_count_one": "{count} Beitrag",
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
        "translations": "Auch verfügbar auf",
        "untranslated": "Noch nicht übersetzt",
        "shown_in": "Auf {language}",
        "language_switcher": "Sprache",
    },
    "fr": {
        "min_read": "{minutes}\u00a0min de lecture",
        "less_than_minute": "moins d’une minute de lecture",
        "by": "Par",
        "tags": "Étiquettes",
        "categories": "Catégories",
        "category": "Catégorie",
        "draft": "Brouillon",
        "not_published": "Non publié",
        "unreadable_notice": (
            "Cet article n’est pas publié\u00a0: son front matter est illisible, donc "
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
        "related_documentation": "Documentation associée",
        "posts_about_page": "Articles du blog sur ce sujet",
        "archive": "Archives",
        "authors": "Auteurs",
        "read_more": "Lire la suite",
        "posts_tagged": "Articles étiquetés «\u00a0{tag}\u00a0»",
        "posts_in_category": "Articles dans «\u00a0{category}\u00a0»",
        "posts_by": "Articles de {author}",
        "posts_in_year": "Articles de {year}",
        "post_count": "{count} articles",
        "post_count_one": "{count} article",
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
        "translations": "Également disponible en",
        "untranslated": "Pas encore traduit",
        "shown_in": "En {language}",
        "language_switcher": "Langue",
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
        "related_documentation": "Documentación relacionada",
        "posts_about_page": "Entradas del blog sobre este tema",
        "archive": "Archivo",
        "authors": "Autores",
        "read_more": "Seguir leyendo",
        "posts_tagged": "Entradas con la etiqueta «{tag}»",
        "posts_in_category": "Entradas en «{category}»",
        "posts_by": "Entradas de {author}",
        "posts_in_year": "Entradas de {year}",
        "post_count": "{count} entradas",
        "post_count_one": "{count} entrada",
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
        "translations": "También disponible en",
        "untranslated": "Aún sin traducir",
        "shown_in": "En {language}",
        "language_switcher": "Idioma",
    },
    "it": {
        "min_read": "{minutes} min di lettura",
        "less_than_minute": "meno di 1 minuto di lettura",
        "by": "Di",
        "tags": "Tag",
        "categories": "Categorie",
        "category": "Categoria",
        "draft": "Bozza",
        "not_published": "Non pubblicato",
        "unreadable_notice": (
            "Questo articolo non è pubblicato: non è stato possibile leggere il suo front "
            "matter, quindi mkdocs build lo esclude dal sito e dai feed. {problem}"
        ),
        "scheduled": "Programmato",
        "published_on": "Pubblicato il",
        "cover_alt": "Immagine di copertina",
        "blog": "Blog",
        "newer_posts": "Articoli più recenti",
        "older_posts": "Articoli meno recenti",
        "page_of": "Pagina {page} di {pages}",
        "previous_post": "Articolo precedente",
        "next_post": "Articolo successivo",
        "related_posts": "Articoli correlati",
        "related_documentation": "Documentazione correlata",
        "posts_about_page": "Articoli del blog su questo argomento",
        "archive": "Archivio",
        "authors": "Autori",
        "read_more": "Continua a leggere",
        "posts_tagged": "Articoli con il tag «{tag}»",
        "posts_in_category": "Articoli nella categoria «{category}»",
        "posts_by": "Articoli di {author}",
        "posts_in_year": "Articoli del {year}",
        "post_count": "{count} articoli",
        "post_count_one": "{count} articolo",
        "no_posts": "Ancora nessun articolo.",
        "pagination": "Paginazione",
        "click_to_tweet": "Clicca per twittare",
        "share_on": "Condividi su {network}",
        "copy_link": "Copia link",
        "quote": "Citazione",
        "quote_permalink": "Link a questa citazione",
        "view_on_github": "Visualizza su GitHub",
        "subscribe": "Iscriviti",
        "redirecting": "Reindirizzamento…",
        "moved_to": "Questa pagina è stata spostata in",
        "translations": "Disponibile anche in",
        "untranslated": "Non ancora tradotto",
        "shown_in": "In {language}",
        "language_switcher": "Lingua",
        "tags_intro": "Tutti i tag del blog, con il numero di articoli per ciascuno.",
        "categories_intro": "Tutte le categorie del blog, con il numero di articoli in ciascuna.",
        "authors_intro": (
            "Tutte le persone che scrivono per il blog, con il numero dei loro articoli."
        ),
        "back_to_blog": "Torna a {blog}",
        "website": "Sito web",
    },
    # European Portuguese (artigo, partilhar, ligação, «…»); Brazilian is pt_BR.
    "pt": {
        "min_read": "{minutes} min de leitura",
        "less_than_minute": "menos de 1 minuto de leitura",
        "by": "Por",
        "tags": "Etiquetas",
        "categories": "Categorias",
        "category": "Categoria",
        "draft": "Rascunho",
        "not_published": "Não publicado",
        "unreadable_notice": (
            "Este artigo não está publicado: não foi possível ler o seu front matter, por "
            "isso o mkdocs build deixa-o fora do site e dos feeds. {problem}"
        ),
        "scheduled": "Agendado",
        "published_on": "Publicado em",
        "cover_alt": "Imagem de capa",
        "blog": "Blog",
        "newer_posts": "Artigos mais recentes",
        "older_posts": "Artigos mais antigos",
        "page_of": "Página {page} de {pages}",
        "previous_post": "Artigo anterior",
        "next_post": "Artigo seguinte",
        "related_posts": "Artigos relacionados",
        "related_documentation": "Documentação relacionada",
        "posts_about_page": "Artigos do blogue sobre este tema",
        "archive": "Arquivo",
        "authors": "Autores",
        "read_more": "Continuar a ler",
        "posts_tagged": "Artigos com a etiqueta «{tag}»",
        "posts_in_category": "Artigos na categoria «{category}»",
        "posts_by": "Artigos de {author}",
        "posts_in_year": "Artigos de {year}",
        "post_count": "{count} artigos",
        "post_count_one": "{count} artigo",
        "no_posts": "Ainda não há artigos.",
        "pagination": "Paginação",
        "click_to_tweet": "Clique para tweetar",
        "share_on": "Partilhar no {network}",
        "copy_link": "Copiar ligação",
        "quote": "Citação",
        "quote_permalink": "Ligação para esta citação",
        "view_on_github": "Ver no GitHub",
        "subscribe": "Subscrever",
        "redirecting": "A redirecionar…",
        "moved_to": "Esta página foi movida para",
        "translations": "Também disponível em",
        "untranslated": "Ainda sem tradução",
        "shown_in": "Em {language}",
        "language_switcher": "Idioma",
        "tags_intro": "Todas as etiquetas do blog, com o número de artigos de cada uma.",
        "categories_intro": "Todas as categorias do blog, com o número de artigos de cada uma.",
        "authors_intro": (
            "Todas as pessoas que escrevem para o blog, com o número dos seus artigos."
        ),
        "back_to_blog": "Voltar a {blog}",
        "website": "Sítio web",
    },
    # Brazilian Portuguese (publicação, compartilhar, link, “…”).
    "pt_BR": {
        "min_read": "{minutes} min de leitura",
        "less_than_minute": "menos de 1 minuto de leitura",
        "by": "Por",
        "tags": "Tags",
        "categories": "Categorias",
        "category": "Categoria",
        "draft": "Rascunho",
        "not_published": "Não publicada",
        "unreadable_notice": (
            "Este texto não foi publicado: não foi possível ler seu front matter, então o "
            "mkdocs build o deixa fora do site e dos feeds. {problem}"
        ),
        "scheduled": "Agendada",
        "published_on": "Publicado em",
        "cover_alt": "Imagem de capa",
        "blog": "Blog",
        "newer_posts": "Publicações mais recentes",
        "older_posts": "Publicações mais antigas",
        "page_of": "Página {page} de {pages}",
        "previous_post": "Publicação anterior",
        "next_post": "Próxima publicação",
        "related_posts": "Publicações relacionadas",
        "related_documentation": "Documentação relacionada",
        "posts_about_page": "Publicações do blog sobre este assunto",
        "archive": "Arquivo",
        "authors": "Autores",
        "read_more": "Continuar lendo",
        "posts_tagged": "Publicações com a tag “{tag}”",
        "posts_in_category": "Publicações na categoria “{category}”",
        "posts_by": "Publicações de {author}",
        "posts_in_year": "Publicações de {year}",
        "post_count": "{count} publicações",
        "post_count_one": "{count} publicação",
        "no_posts": "Ainda não há publicações.",
        "pagination": "Paginação",
        "click_to_tweet": "Clique para tuitar",
        "share_on": "Compartilhar no {network}",
        "copy_link": "Copiar link",
        "quote": "Citação",
        "quote_permalink": "Link para esta citação",
        "view_on_github": "Ver no GitHub",
        "subscribe": "Assinar",
        "redirecting": "Redirecionando…",
        "moved_to": "Esta página foi movida para",
        "translations": "Também disponível em",
        "untranslated": "Ainda sem tradução",
        "shown_in": "Em {language}",
        "language_switcher": "Idioma",
        "tags_intro": "Todas as tags do blog, com o número de publicações de cada uma.",
        "categories_intro": "Todas as categorias do blog, com o número de publicações de cada uma.",
        "authors_intro": (
            "Todas as pessoas que escrevem para o blog, com o número de publicações de cada uma."
        ),
        "back_to_blog": "Voltar para {blog}",
        "website": "Site",
    },
    "nl": {
        "min_read": "{minutes} min leestijd",
        "less_than_minute": "minder dan 1 minuut leestijd",
        "by": "Door",
        "tags": "Tags",
        "categories": "Categorieën",
        "category": "Categorie",
        "draft": "Concept",
        "not_published": "Niet gepubliceerd",
        "unreadable_notice": (
            "Dit bericht is niet gepubliceerd: de front matter ervan kon niet worden "
            "gelezen, dus laat mkdocs build het weg uit de site en de feeds. {problem}"
        ),
        "scheduled": "Gepland",
        "published_on": "Gepubliceerd op",
        "cover_alt": "Omslagafbeelding",
        "blog": "Blog",
        "newer_posts": "Nieuwere berichten",
        "older_posts": "Oudere berichten",
        "page_of": "Pagina {page} van {pages}",
        "previous_post": "Vorig bericht",
        "next_post": "Volgend bericht",
        "related_posts": "Gerelateerde berichten",
        "related_documentation": "Gerelateerde documentatie",
        "posts_about_page": "Blogberichten over dit onderwerp",
        "archive": "Archief",
        "authors": "Auteurs",
        "read_more": "Verder lezen",
        "posts_tagged": "Berichten met de tag “{tag}”",
        "posts_in_category": "Berichten in de categorie “{category}”",
        "posts_by": "Berichten van {author}",
        "posts_in_year": "Berichten uit {year}",
        "post_count": "{count} berichten",
        "post_count_one": "{count} bericht",
        "no_posts": "Nog geen berichten.",
        "pagination": "Paginering",
        "click_to_tweet": "Klik om te tweeten",
        "share_on": "Delen op {network}",
        "copy_link": "Link kopiëren",
        "quote": "Citaat",
        "quote_permalink": "Link naar dit citaat",
        "view_on_github": "Bekijken op GitHub",
        "subscribe": "Abonneren",
        "redirecting": "Doorverwijzen…",
        "moved_to": "Deze pagina is verhuisd naar",
        "translations": "Ook beschikbaar in",
        "untranslated": "Nog niet vertaald",
        "shown_in": "In het {language}",
        "language_switcher": "Taal",
        "tags_intro": "Alle tags van de blog, met het aantal berichten per tag.",
        "categories_intro": "Alle categorieën van de blog, met het aantal berichten per categorie.",
        "authors_intro": (
            "Iedereen die voor de blog schrijft, met het aantal berichten per persoon."
        ),
        "back_to_blog": "Terug naar {blog}",
        "website": "Website",
    },
    # Polish, Russian and Ukrainian counts take three forms: `post_count_one` (1, 21 in
    # Russian and Ukrainian), `post_count_few` (2-4, 22-24) and `post_count` for the rest
    # (5-20, 25...: Babel's `many`; its `other` is only for fractions).
    "pl": {
        "min_read": "{minutes} min czytania",
        "less_than_minute": "mniej niż minuta czytania",
        "by": "Autor:",
        "tags": "Tagi",
        "categories": "Kategorie",
        "category": "Kategoria",
        "draft": "Szkic",
        "not_published": "Nieopublikowany",
        "unreadable_notice": (
            "Ten wpis nie został opublikowany: nie udało się odczytać jego front matter, "
            "więc mkdocs build pomija go w witrynie i kanałach. {problem}"
        ),
        "scheduled": "Zaplanowany",
        "published_on": "Opublikowano",
        "cover_alt": "Obraz okładki",
        "blog": "Blog",
        "newer_posts": "Nowsze wpisy",
        "older_posts": "Starsze wpisy",
        "page_of": "Strona {page} z {pages}",
        "previous_post": "Poprzedni wpis",
        "next_post": "Następny wpis",
        "related_posts": "Podobne wpisy",
        "related_documentation": "Powiązana dokumentacja",
        "posts_about_page": "Wpisy na blogu na ten temat",
        "archive": "Archiwum",
        "authors": "Autorzy",
        "read_more": "Czytaj dalej",
        "posts_tagged": "Wpisy z tagiem „{tag}”",
        "posts_in_category": "Wpisy w kategorii „{category}”",
        "posts_by": "Wpisy autora: {author}",
        "posts_in_year": "Wpisy z {year} roku",
        "post_count": "{count} wpisów",
        "post_count_one": "{count} wpis",
        "post_count_few": "{count} wpisy",
        "no_posts": "Nie ma jeszcze wpisów.",
        "pagination": "Nawigacja po stronach",
        "click_to_tweet": "Kliknij, aby tweetować",
        "share_on": "Udostępnij w serwisie {network}",
        "copy_link": "Kopiuj link",
        "quote": "Cytat",
        "quote_permalink": "Link do tego cytatu",
        "view_on_github": "Zobacz na GitHubie",
        "subscribe": "Subskrybuj",
        "redirecting": "Przekierowywanie…",
        "moved_to": "Ta strona została przeniesiona:",
        "translations": "W innych językach",
        "untranslated": "Jeszcze bez tłumaczenia",
        "shown_in": "Język: {language}",
        "language_switcher": "Język",
        "tags_intro": "Wszystkie tagi bloga wraz z liczbą wpisów przy każdym z nich.",
        "categories_intro": "Wszystkie kategorie bloga wraz z liczbą wpisów w każdej z nich.",
        "authors_intro": "Wszystkie osoby piszące dla bloga wraz z liczbą ich wpisów.",
        "back_to_blog": "Powrót: {blog}",
        "website": "Strona internetowa",
    },
    "ru": {
        "min_read": "{minutes} мин чтения",
        "less_than_minute": "меньше минуты чтения",
        "by": "Автор:",
        "tags": "Теги",
        "categories": "Категории",
        "category": "Категория",
        "draft": "Черновик",
        "not_published": "Не опубликовано",
        "unreadable_notice": (
            "Эта запись не опубликована: её front matter не удалось прочитать, поэтому "
            "mkdocs build исключает её из сайта и лент. {problem}"
        ),
        "scheduled": "Запланировано",
        "published_on": "Опубликовано",
        "cover_alt": "Обложка",
        "blog": "Блог",
        "newer_posts": "Новые записи",
        "older_posts": "Старые записи",
        "page_of": "Страница {page} из {pages}",
        "previous_post": "Предыдущая запись",
        "next_post": "Следующая запись",
        "related_posts": "Похожие записи",
        "related_documentation": "Связанная документация",
        "posts_about_page": "Записи в блоге по этой теме",
        "archive": "Архив",
        "authors": "Авторы",
        "read_more": "Читать дальше",
        "posts_tagged": "Записи с тегом «{tag}»",
        "posts_in_category": "Записи в категории «{category}»",
        "posts_by": "Записи автора {author}",
        "posts_in_year": "Записи за {year} год",
        "post_count": "{count} записей",
        "post_count_one": "{count} запись",
        "post_count_few": "{count} записи",
        "no_posts": "Записей пока нет.",
        "pagination": "Навигация по страницам",
        "click_to_tweet": "Нажмите, чтобы твитнуть",
        "share_on": "Поделиться в {network}",
        "copy_link": "Копировать ссылку",
        "quote": "Цитата",
        "quote_permalink": "Ссылка на эту цитату",
        "view_on_github": "Посмотреть на GitHub",
        "subscribe": "Подписаться",
        "redirecting": "Перенаправление…",
        "moved_to": "Эта страница перемещена:",
        "translations": "На других языках",
        "untranslated": "Ещё не переведено",
        "shown_in": "Язык: {language}",
        "language_switcher": "Язык",
        "tags_intro": "Все теги блога с числом записей для каждого.",
        "categories_intro": "Все категории блога с числом записей в каждой.",
        "authors_intro": "Все, кто пишет для блога, с числом их записей.",
        "back_to_blog": "Назад: {blog}",
        "website": "Сайт",
    },
    "uk": {
        "min_read": "{minutes} хв читання",
        "less_than_minute": "менше хвилини читання",
        "by": "Автор:",
        "tags": "Теги",
        "categories": "Категорії",
        "category": "Категорія",
        "draft": "Чернетка",
        "not_published": "Не опубліковано",
        "unreadable_notice": (
            "Цей запис не опубліковано: не вдалося прочитати його front matter, тому "
            "mkdocs build не додає його до сайту та стрічок. {problem}"
        ),
        "scheduled": "Заплановано",
        "published_on": "Опубліковано",
        "cover_alt": "Обкладинка",
        "blog": "Блог",
        "newer_posts": "Новіші записи",
        "older_posts": "Старіші записи",
        "page_of": "Сторінка {page} з {pages}",
        "previous_post": "Попередній запис",
        "next_post": "Наступний запис",
        "related_posts": "Схожі записи",
        "related_documentation": "Пов’язана документація",
        "posts_about_page": "Записи в блозі на цю тему",
        "archive": "Архів",
        "authors": "Автори",
        "read_more": "Читати далі",
        "posts_tagged": "Записи з тегом «{tag}»",
        "posts_in_category": "Записи в категорії «{category}»",
        "posts_by": "Записи автора {author}",
        "posts_in_year": "Записи за {year} рік",
        "post_count": "{count} записів",
        "post_count_one": "{count} запис",
        "post_count_few": "{count} записи",
        "no_posts": "Записів поки немає.",
        "pagination": "Навігація сторінками",
        "click_to_tweet": "Натисніть, щоб твітнути",
        "share_on": "Поділитися в {network}",
        "copy_link": "Копіювати посилання",
        "quote": "Цитата",
        "quote_permalink": "Посилання на цю цитату",
        "view_on_github": "Переглянути на GitHub",
        "subscribe": "Підписатися",
        "redirecting": "Перенаправлення…",
        "moved_to": "Цю сторінку перенесено:",
        "translations": "Іншими мовами",
        "untranslated": "Ще не перекладено",
        "shown_in": "Мова: {language}",
        "language_switcher": "Мова",
        "tags_intro": "Усі теги блогу з кількістю записів для кожного.",
        "categories_intro": "Усі категорії блогу з кількістю записів у кожній.",
        "authors_intro": "Усі, хто пише для блогу, з кількістю їхніх записів.",
        "back_to_blog": "Назад: {blog}",
        "website": "Сайт",
    },
    # Simplified Chinese, as written in mainland China and Singapore.
    "zh_Hans": {
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
        "related_documentation": "相关文档",
        "posts_about_page": "相关博客文章",
        "archive": "归档",
        "authors": "作者",
        "read_more": "继续阅读",
        "posts_tagged": "标签为“{tag}”的文章",
        "posts_in_category": "“{category}”分类下的文章",
        "posts_by": "{author} 的文章",
        "posts_in_year": "{year} 年的文章",
        "post_count": "{count} 篇文章",
        "post_count_one": "{count} 篇文章",
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
        "translations": "其他语言版本",
        "untranslated": "尚未翻译",
        "shown_in": "{language}版",
        "language_switcher": "语言",
    },
    # Traditional Chinese, in Taiwan's usage (部落格, 連結, 檢視).
    "zh_Hant": {
        "min_read": "閱讀時間 {minutes} 分鐘",
        "less_than_minute": "閱讀時間不到 1 分鐘",
        "by": "作者",
        "tags": "標籤",
        "categories": "分類",
        "category": "分類",
        "draft": "草稿",
        "not_published": "未發布",
        "unreadable_notice": (
            "此文章未發布：無法讀取其 front matter，"
            "因此 mkdocs build 不會將其放入網站和訂閱來源。{problem}"
        ),
        "scheduled": "已排程",
        "published_on": "發布於",
        "cover_alt": "封面圖片",
        "blog": "部落格",
        "newer_posts": "較新的文章",
        "older_posts": "較舊的文章",
        "page_of": "第 {page} 頁，共 {pages} 頁",
        "previous_post": "上一篇",
        "next_post": "下一篇",
        "related_posts": "相關文章",
        "related_documentation": "相關文件",
        "posts_about_page": "相關部落格文章",
        "archive": "彙整",
        "authors": "作者",
        "read_more": "繼續閱讀",
        "posts_tagged": "標籤為「{tag}」的文章",
        "posts_in_category": "「{category}」分類中的文章",
        "posts_by": "{author} 的文章",
        "posts_in_year": "{year} 年的文章",
        "post_count": "{count} 篇文章",
        "post_count_one": "{count} 篇文章",
        "no_posts": "目前還沒有文章。",
        "pagination": "分頁",
        "click_to_tweet": "點此推文",
        "share_on": "分享到 {network}",
        "copy_link": "複製連結",
        "quote": "引用",
        "quote_permalink": "此引用的連結",
        "view_on_github": "在 GitHub 上檢視",
        "subscribe": "訂閱",
        "redirecting": "正在重新導向…",
        "moved_to": "此頁面已移至",
        "translations": "其他語言版本",
        "untranslated": "尚未翻譯",
        "shown_in": "{language}版",
        "language_switcher": "語言",
        "tags_intro": "部落格的所有標籤，以及每個標籤下的文章數。",
        "categories_intro": "部落格的所有分類，以及每個分類下的文章數。",
        "authors_intro": "為部落格撰稿的所有作者，以及每位作者的文章數。",
        "back_to_blog": "返回{blog}",
        "website": "個人網站",
    },
    "ja": {
        "min_read": "{minutes} 分で読めます",
        "less_than_minute": "1 分以内で読めます",
        "by": "投稿者",
        "tags": "タグ",
        "categories": "カテゴリー",
        "category": "カテゴリー",
        "draft": "下書き",
        "not_published": "非公開",
        "unreadable_notice": (
            "この記事は公開されていません。front matter を読み込めなかったため、"
            "mkdocs build はサイトとフィードからこの記事を除外します。{problem}"
        ),
        "scheduled": "予約投稿",
        "published_on": "公開日",
        "cover_alt": "カバー画像",
        "blog": "ブログ",
        "newer_posts": "新しい記事",
        "older_posts": "古い記事",
        "page_of": "{page} / {pages} ページ",
        "previous_post": "前の記事",
        "next_post": "次の記事",
        "related_posts": "関連記事",
        "related_documentation": "関連ドキュメント",
        "posts_about_page": "関連するブログ記事",
        "archive": "アーカイブ",
        "authors": "著者",
        "read_more": "続きを読む",
        "posts_tagged": "タグ「{tag}」の記事",
        "posts_in_category": "カテゴリー「{category}」の記事",
        "posts_by": "{author} の記事",
        "posts_in_year": "{year} 年の記事",
        "post_count": "{count} 件の記事",
        "post_count_one": "{count} 件の記事",
        "no_posts": "まだ記事はありません。",
        "pagination": "ページ送り",
        "click_to_tweet": "クリックしてツイート",
        "share_on": "{network} で共有",
        "copy_link": "リンクをコピー",
        "quote": "引用",
        "quote_permalink": "この引用へのリンク",
        "view_on_github": "GitHub で見る",
        "subscribe": "購読する",
        "redirecting": "リダイレクト中…",
        "moved_to": "このページの移動先：",
        "translations": "他の言語で読む",
        "untranslated": "未翻訳",
        "shown_in": "{language}版",
        "language_switcher": "言語",
        "tags_intro": "ブログのすべてのタグと、それぞれの記事数です。",
        "categories_intro": "ブログのすべてのカテゴリーと、それぞれの記事数です。",
        "authors_intro": "ブログの執筆者全員と、それぞれの記事数です。",
        "back_to_blog": "{blog}に戻る",
        "website": "ウェブサイト",
    },
    "ko": {
        "min_read": "읽는 데 {minutes}분",
        "less_than_minute": "읽는 데 1분 미만",
        "by": "작성자",
        "tags": "태그",
        "categories": "카테고리",
        "category": "카테고리",
        "draft": "초안",
        "not_published": "게시되지 않음",
        "unreadable_notice": (
            "이 글은 게시되지 않았습니다. front matter를 읽을 수 없어서 mkdocs build가 "
            "이 글을 사이트와 피드에서 제외합니다. {problem}"
        ),
        "scheduled": "예약됨",
        "published_on": "게시일",
        "cover_alt": "대표 이미지",
        "blog": "블로그",
        "newer_posts": "더 최근 글",
        "older_posts": "더 오래된 글",
        "page_of": "{pages}페이지 중 {page}페이지",
        "previous_post": "이전 글",
        "next_post": "다음 글",
        "related_posts": "관련 글",
        "related_documentation": "관련 문서",
        "posts_about_page": "관련 블로그 글",
        "archive": "보관함",
        "authors": "작성자",
        "read_more": "계속 읽기",
        "posts_tagged": "“{tag}” 태그가 달린 글",
        "posts_in_category": "“{category}” 카테고리의 글",
        "posts_by": "{author}의 글",
        "posts_in_year": "{year}년의 글",
        "post_count": "글 {count}개",
        "post_count_one": "글 {count}개",
        "no_posts": "아직 글이 없습니다.",
        "pagination": "페이지 탐색",
        "click_to_tweet": "클릭해서 트윗하기",
        "share_on": "{network}에 공유",
        "copy_link": "링크 복사",
        "quote": "인용",
        "quote_permalink": "이 인용문 링크",
        "view_on_github": "GitHub에서 보기",
        "subscribe": "구독하기",
        "redirecting": "이동하는 중…",
        "moved_to": "이 페이지는 다음으로 이동했습니다:",
        "translations": "다른 언어로 읽기",
        "untranslated": "아직 번역되지 않음",
        "shown_in": "{language}로 작성됨",
        "language_switcher": "언어",
        "tags_intro": "블로그의 모든 태그와 태그별 글 수입니다.",
        "categories_intro": "블로그의 모든 카테고리와 카테고리별 글 수입니다.",
        "authors_intro": "블로그에 글을 쓰는 모든 작성자와 작성자별 글 수입니다.",
        "back_to_blog": "{blog}(으)로 돌아가기",
        "website": "웹사이트",
    },
}


# Reading speed by language: (words per minute, CJK characters per minute). Source: the
# IReST study (Trauzettel-Klosinski & Dietz, "Standardized Assessment of Reading
# Performance: The New International Reading Speed Texts IReST", IOVS 53(9), 2012), which
# timed native readers on the same texts in 17 languages. English keeps the plugin's
# defaults (`words_per_minute` 200, `cjk_characters_per_minute` 400 in config.py); every
# other language scales them by its words per minute over English's 228 in the study,
# rounded to 5: the words figure for alphabetic languages, the CJK characters figure for
# Chinese and Japanese, whose text is counted by character. The study's figure follows
# each line. Its Portuguese texts are Brazilian. Languages it did not measure (Ukrainian,
# Korean, ...) read at the English defaults.
READING_SPEED: dict[str, tuple[int, int]] = {
    "en": (200, 400),  # 228
    "ar": (120, 400),  # 138
    "de": (155, 400),  # 179
    "es": (190, 400),  # 218
    "fi": (140, 400),  # 161
    "fr": (170, 400),  # 195
    "he": (165, 400),  # 187
    "it": (165, 400),  # 188
    "ja": (200, 340),  # 193
    "nl": (175, 400),  # 202
    "pl": (145, 400),  # 166
    "pt": (160, 400),  # 181
    "ru": (160, 400),  # 184
    "sl": (160, 400),  # 180
    "sv": (175, 400),  # 199
    "tr": (145, 400),  # 166
    "zh": (200, 275),  # 158
}

# Chinese is written in two scripts, and a code often names only a region: these regions
# write Traditional, every other (and a bare `zh`) Simplified.
_TRADITIONAL_CHINESE_REGIONS = frozenset({"TW", "HK", "MO"})
# The script a language is written in when its code names none; a dictionary under the bare
# language code is in this script, so a code in another script must not fall back to it.
_DEFAULT_SCRIPT = {"zh": "Hans"}
_SEPARATORS = re.compile(r"[-_]+")


def _subtags(code: str) -> tuple[str, str | None, str | None]:
    """Split a code into language, script and region, each in its canonical case.

    Variants, extensions and POSIX suffixes (`.UTF-8`, `@euro`) are dropped: no dictionary
    or date format depends on them.
    """
    code = code.strip().split(".")[0].split("@")[0]
    parts = [part for part in _SEPARATORS.split(code) if part]
    if not parts or not parts[0].isalpha():
        return "", None, None
    language, script, region = parts[0].lower(), None, None
    for part in parts[1:]:
        if script is None and region is None and len(part) == 4 and part.isalpha():
            script = part.title()
        elif region is None and (
            (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit())
        ):
            region = part.upper()
    return language, script, region


def _script(language: str, script: str | None, region: str | None) -> str | None:
    """Return the script a code names, or the one its region implies (`zh_TW`: `Hant`)."""
    if script or language != "zh":
        return script
    return "Hant" if region in _TRADITIONAL_CHINESE_REGIONS else "Hans"


def _join(*subtags: str | None) -> str:
    return "_".join(tag for tag in subtags if tag)


def _lookup_chain(code: str) -> list[str]:
    """List the table keys a code may find, most specific first (`zh_TW`: `zh_Hant_TW`...)."""
    language, script, region = _subtags(code)
    if not language:
        return []
    script = _script(language, script, region)
    chain = [_join(language, script, region), _join(language, script)]
    if region:
        chain.append(_join(language, region))
    if script is None or script == _DEFAULT_SCRIPT.get(language, script):
        chain.append(language)
    return list(dict.fromkeys(chain))


def resolve_language(option: str | None, theme_language: object) -> str:
    """Pick the language code: the plugin option, else the theme's, else English.

    The code is written the one way the rest of the plugin reads it: subtags joined by
    `_`, in their usual case (`PT-br` gives `pt_BR`, `zh-hant-tw` gives `zh_Hant_TW`). The
    region is kept, for dates and the feeds' language.

    Args:
        option: The plugin's `language` option.
        theme_language: The theme's `language` (or `locale`) setting, any type.

    Returns:
        A language code such as `en` or `pt_BR`, never empty.
    """
    for candidate in (option, theme_language):
        if candidate:
            code = _join(*_subtags(str(candidate)))
            if code:
                return code
    return "en"


def translation_language(
    language: str, table: Mapping[str, Mapping[str, str]] = TRANSLATIONS
) -> str:
    """Return the key of the dictionary `language` reads in `table`, else `en`.

    `zh`, `zh_CN`, `zh_SG` and `zh-Hans` read `zh_Hans`; `zh_TW`, `zh_HK`, `zh_MO` and
    `zh-Hant-TW` read `zh_Hant`; `pt_BR` reads `pt_BR`; `pt` and `pt_PT` read `pt`; `de_AT`
    reads `de`. Case does not matter.

    Args:
        language: A language code, written with `_` or `-`.
        table: The translation table, by default `TRANSLATIONS`.
    """
    return next((key for key in _lookup_chain(language) if key in table), "en")


@lru_cache(maxsize=64)
def babel_locale(language: str) -> str:
    """Return the Babel locale id that formats dates and counts for `language`.

    Babel's `pt` is Brazilian Portuguese, while this table's `pt` is European, so `pt` gives
    `pt_PT`. A region or script Babel does not know falls back to the language, and a
    language it does not know to `en`: the result always parses.

    Args:
        language: A language code, written with `_` or `-`, in any case.
    """
    from babel import Locale, UnknownLocaleError

    code, script, region = _subtags(language)
    script = _script(code, script, region)
    if code == "pt" and region is None:
        region = "PT"
    for candidate in dict.fromkeys((_join(code, script, region), _join(code, region), code)):
        if not candidate:
            continue
        try:
            return str(Locale.parse(candidate))
        except (UnknownLocaleError, ValueError):
            continue
    return "en"


def reading_speed(language: str) -> tuple[int, int]:
    """Return how fast readers of `language` read: words and CJK characters a minute.

    A region or script reads its language's figure (`pt_BR` and `pt` share one, and so do
    `zh_Hant` and `zh`); a language `READING_SPEED` does not have reads English's.

    Args:
        language: A language code, written with `_` or `-`, in any case.

    Returns:
        `(words_per_minute, cjk_characters_per_minute)`.
    """
    for key in (*_lookup_chain(language), _subtags(language)[0]):
        if key in READING_SPEED:
            return READING_SPEED[key]
    return READING_SPEED["en"]


class Translator:
    """Look up the plugin's words in one language, falling back to English."""

    def __init__(self, language: str, table: Mapping[str, Mapping[str, str]] = TRANSLATIONS):
        """Create a translator.

        Args:
            language: A language code (`de`, `pt_BR`, `zh-TW`); a region falls back to its
                language, and a code the table does not have to English.
            table: The translation table, by default `TRANSLATIONS`.
        """
        self.language = language
        found = [key for key in _lookup_chain(language) if key in table]
        #: The dictionary the words come from (`zh_Hant` for `zh_TW`), or `en`.
        self.table_language = found[0] if found else "en"
        self._words: dict[str, str] = dict(table["en"])
        for key in reversed(found):
            self._words.update(table[key])
        self._plural: Callable[[int], str] | None = None

    def __call__(self, key: str, **values: object) -> str:
        """Return the words for `key`, with `values` filled in."""
        text = self._words.get(key, key)
        return text.format(**values) if values else text

    def count(self, key: str, n: int) -> str:
        """Return the words for `n` of something, in the plural form `n` takes.

        Babel's plural rules for the language name the form (`one`, `few`, `many`, ...):
        `{key}_one`, `{key}_few` or `{key}_many` is used when the language has it, `key`
        otherwise. `{count}` is filled in with `n`.

        Args:
            key: The key of the general form, such as `post_count`.
            n: The number counted.
        """
        if self._plural is None:
            from babel import Locale

            self._plural = Locale.parse(babel_locale(self.table_language)).plural_form
        text = self._words.get(f"{key}_{self._plural(n)}") or self._words.get(key, key)
        return text.format(count=n)

    @property
    def words(self) -> dict[str, str]:
        """All words in this language, for templates."""
        return self._words
