/* doc.h -- the content model: the typed blocks both front ends (html/, text/) fill,
 * the rules and classifiers decide on, and render/ writes out (doc.c). */
#ifndef WINNOW_DOC_H
#define WINNOW_DOC_H

#include "core/core.h"
#include "winnow/winnow.h"

typedef enum {
    BK_PARA = 0, /* a paragraph or plain line */
    BK_HEADING,  /* h1-h6, or a heading-shaped line */
    BK_ITEM,     /* a list item */
    BK_QUOTE,    /* blockquote */
    BK_PRE,      /* preformatted text: whitespace kept */
    BK_TABLE,    /* a table row (BF_CELLS: a data table's, cells split by '\t') */
    BK_CAPTION,  /* figure caption */
    BK_TITLE     /* the headline, rendered before the body */
} block_kind;

typedef enum { DEC_NONE = 0, DEC_KEEP = WINNOW_KEEP, DEC_DROP = WINNOW_DROP } decision;

/* Why a block was decided as it was.  The stages set and test these; the words are
 * only for --explain (wn_block_why_name), so rewording one changes no decision. */
typedef enum {
    WHY_NONE = 0,
    WHY_RULE,             /* a text rule decided: block.rule names it */
    WHY_AFTER_CUT,        /* past a cut-after rule */
    WHY_BEFORE_CUT,       /* before a cut-before rule */
    WHY_ARTICLE,          /* kept as article text (HTML) */
    WHY_HEADLINE,         /* the headline, printed as the title */
    WHY_OUTSIDE_ARTICLE,  /* outside the article container (HTML) or run (text) */
    WHY_BEFORE_MAIN_RUN,  /* HTML: inside the container, before the best run of prose */
    WHY_AFTER_MAIN_RUN,   /* ... after it */
    WHY_REPEATED,         /* HTML: a copy of an earlier kept block */
    WHY_CAPTION,          /* HTML: a short figure caption */
    WHY_LINK_HEAVY,       /* HTML: mostly link text (block.score: the share) */
    WHY_REPEATS_ABOVE,    /* text: repeats the line above (alt text, caption) */
    WHY_TABLE_ROW,        /* text: the block shapes the classifier valued */
    WHY_DATE_LINE,
    WHY_BYLINE,
    WHY_WORD_LIST,
    WHY_HEADLINE_LIKE,
    WHY_PROSE,
    WHY_SHORT_SENTENCE,
    WHY_SHORT_LINE,
    WHY_PACKED_PROSE,     /* text: prose packed among short lines */
    WHY_TEASERS,          /* text: a teaser list or comment thread cut from the run */
    WHY_PROSE_OUTSIDE,    /* text: prose outside the article run */
    WHY_SHORT_INSIDE,     /* text: a short line inside the article run */
    WHY_DECLARED,         /* the page's declared description, standing in for an empty
                             visible one (a product page, a collection that shows
                             nothing) */
    WHY_COMMENT,          /* a reader comment (article/comments.c) */
    WHY_BARE_URL,         /* HTML: nothing but a URL (page data, not text) */
    WHY_FURNITURE,        /* a forum's post furniture (article/furniture.c) */
    WHY_TILE,             /* HTML: in a row of other items' tiles (a product page's
                             "customers also bought") */
    WHY_EXTRA,            /* HTML: around a product page's item -- reviews, questions,
                             recommendations, pop-ups (html_product.c) */
    WHY_WIDGET,           /* HTML: a list of bare numbers -- a star rating's or a pager's
                             buttons, not text */
    WHY_BARE_HEADING,     /* a heading whose section kept nothing (article/headings.c) */
    WHY_NO_CONTENT,       /* kept until the page was found to hold no main content
                             (pagetype/pt_nocontent.c): nothing is output */
    WHY_TICKER,           /* one short phrase said over and over (article/marquee.c) */
    WHY_DEMO_CODE,        /* HTML: code on a service page, its product's demo */
    WHY_INNER_MENU,       /* text: a menu inside a page read whole (textclass.c) */
    WHY_POST_FURNITURE,   /* text: short lines packed among a forum's posts (textclass.c) */
    WHY_REPEATED_LINE,   /* text: a later copy of a kept line (textrepeat.c) */
    WHY_SHOP_FORM,       /* text: a shop's form shown as lines -- a list of options, a
                            report dialog (textshop.c) */
    WHY_GRID_CHROME,      /* text: a collection's menu, filters or footer around its grid
                             of items (textgrid.c) */
    WHY_COUNT
} block_why;

struct rule_info;

/* Why a page holds no main content (doc.no_content; pagetype/pt_nocontent.c). */
typedef enum {
    NC_NONE = 0,     /* it has content */
    NC_EMPTY,        /* nothing kept, and no prose on the page */
    NC_ERROR_PAGE,   /* "404", "Page not found" and little else */
    NC_LOGIN_WALL,   /* a sign-in form and little else */
    NC_COOKIE_WALL,  /* a cookie notice and little else */
    NC_NAVIGATION    /* a few link lines, no prose */
} nc_reason;

/* Where each field of page_meta came from, for --explain: a short label ("JSON-LD
 * datePublished", "<meta og:title>", "<h1>", "byline", "URL path"), set where the
 * value is chosen, beside it -- so the label is the decision's, never a second guess.
 * Static strings; NULL where the field is unset or its source unknown.  Setting a
 * pointer costs nothing, so the labels are set whether or not the caller explains. */
typedef struct {
    const char *headline;      /* of doc.title, the headline the text shows */
    const char *title;         /* of page_meta.title, the record's own */
    const char *title_cut;     /* what was cut from it ("its date or tail", "the site's
                                  name"), or NULL */
    const char *declared_title; /* of the declared title (og:title, else <title>) that
                                  html_title.c may yet take for the record */
    const char *author, *date, *date_modified, *site_name, *url, *language, *description;
    const char *image, *tags, *categories, *license, *ld_headline;
} page_meta_src;

/* What a page declares about itself (html/html_meta.c and meta/jsonld.c fill it;
 * rendered text declares nothing).  Each field is a NUL-terminated UTF-8 string in the
 * doc's arena, or NULL. */
typedef struct {
    const char *title;         /* the record's headline where it differs from doc.title
                                  (which the text shows): an h1 without its " | Site"
                                  tail or leading date; else NULL */
    const char *author;        /* names joined with "; " */
    const char *date;          /* publication date as declared (ISO 8601 expected) */
    const char *date_modified;
    const char *site_name;
    const char *url;           /* canonical */
    const char *language;      /* BCP 47: declared (html_meta.c), then weighed against
                                  the kept text (language/language.c) */
    const char *description;
    const char *image;
    const char *hostname;      /* of the page's URL (the caller's, else the canonical) */
    const char *tags;          /* keywords and article:tag, joined with "; " */
    const char *categories;    /* articleSection and article:section, joined with "; " */
    const char *license;       /* a license URL (rel=license, JSON-LD license) or name */
    const char *ld_headline;   /* the JSON-LD article's headline, which html_title.c
                                  weighs against the title it chose; not in the record */
    unsigned schema;           /* SCHEMA_* groups of the schema.org types it names */
    unsigned declared;         /* DECLARED_* : the fields the markup declares (rather
                                  than the visible text shows), for the page type */
    unsigned shown;            /* SHOWN_* : what the page shows by its headline */
    page_meta_src src;         /* where each field came from */
} page_meta;

/* What the language detector did (language/language.c), for --explain. */
typedef enum {
    LD_NOT_RUN = 0,   /* the language was not resolved at all (the page failed) */
    LD_OFF,           /* the caller turned detection off (no_language_detection) */
    LD_NO_DETECTOR,   /* built without one */
    LD_NO_CONTENT,    /* the page holds no main content: nothing to read */
    LD_TOO_LITTLE,    /* less kept text than LANGUAGE_MIN_TEXT */
    LD_NO_ANSWER,     /* it read the text and gave no reliable answer */
    LD_READ           /* it read the text as lang_why.detected */
} lang_detection;

/* How the choice between the declared and the detected language went
 * (wn_language_choose). */
typedef enum {
    LC_NONE = 0,      /* neither: no language */
    LC_DECLARED,      /* only the declared one */
    LC_DETECTED,      /* only the detected one */
    LC_AGREE,         /* both, agreeing: the declared one, which may say more */
    LC_DISAGREE       /* both, disagreeing: the detected one */
} lang_choice;

/* Why the record's language is what it is: set by wn_language_resolve (a few stores,
 * whether explaining or not); the sentence is made only for --explain
 * (wn_language_explain). */
typedef struct {
    const char *declared;     /* the declared tag, normalised (arena), or NULL */
    const char *declared_src; /* where it was declared (static), or NULL */
    lang_detection detection;
    const char *detected;     /* LD_READ: the tag read (static) */
    size_t sample;            /* bytes of kept text the detector was given */
    lang_choice choice;
} lang_why;

enum {
    DECLARED_AUTHOR = 1 << 0, /* JSON-LD, <meta> */
    DECLARED_DATE = 1 << 1    /* JSON-LD, <meta>, itemprop, <time datetime>, the URL */
};

/* What a story opens with, seen by its headline (html/html_byline.c). */
enum {
    SHOWN_BYLINE = 1 << 0,   /* "By Ann Lee" */
    SHOWN_DATE_LINE = 1 << 1 /* "Dec 17, 2025", or a <time> */
};

/* Groups of schema.org types (JSON-LD @type, microdata itemtype) -- what a page says it
 * is, for the page type (meta/jsonld.c maps a type to its group). */
enum {
    SCHEMA_ARTICLE = 1 << 0,   /* Article, NewsArticle, BlogPosting, Recipe ... */
    SCHEMA_PRODUCT = 1 << 1,   /* Product, ProductGroup, Vehicle, ItemPage ... */
    SCHEMA_FORUM = 1 << 2,     /* DiscussionForumPosting, QAPage, Question, Comment ... */
    SCHEMA_LIST = 1 << 3,      /* CollectionPage, ItemList, SearchResultsPage ... */
    SCHEMA_DOC = 1 << 4,       /* TechArticle, APIReference, SoftwareSourceCode */
    SCHEMA_SERVICE = 1 << 5,   /* Service, LocalBusiness, FAQPage, Course ... */
    SCHEMA_OFFER = 1 << 6,     /* an entity with "offers" */
    SCHEMA_BREADCRUMB = 1 << 7, /* BreadcrumbList */
    SCHEMA_ANY = 1 << 8        /* some JSON-LD was read at all */
};

/* The page as a whole, for the no-content verdict (pagetype/pt_nocontent.c): what the
 * HTML front end saw of it, pruned parts included.  measured 0 (rendered text, which
 * prunes nothing): the verdict reads the blocks, which are the whole page there. */
typedef struct {
    int measured;
    int password_fields; /* <input type=password> */
    size_t text;         /* bytes of visible text */
    size_t links;        /* ... of which inside links */
    size_t prose;        /* ... of which in runs of 80 bytes or more straight inside one
                            element (paragraphs, whatever the markup) */
} page_whole;

/* Structure details of a block (block.flags); the renderers read them. */
enum {
    BF_CELLS = 1 << 0,     /* BK_TABLE: a row of a data table; its text holds the cells
                              separated by '\t' (empty cells kept, so columns line up) */
    BF_CONTINUES = 1 << 1, /* BK_ITEM: a later paragraph of the list item above, not a
                              new item */
    BF_COMMENT = 1 << 2,   /* part of a reader-comment thread (article/comments.c) */
    BF_STAMP = 1 << 3,     /* ... its author/date line */
    BF_COMMENT_START = 1 << 4, /* ... the first block of one comment */
    BF_IN_ITEM = 1 << 5,   /* BK_HEADING, BK_PRE: inside the list item above, after its
                              first paragraph (container: the item's list) */
    BF_NAME = 1 << 6,      /* BK_HEADING: a person's name in heading markup (a post's
                              author, linked to the profile): Markdown writes it as a
                              line, not as a section heading */
    BF_TERMS = 1 << 7,     /* BK_ITEM: of a definition list (<dl>): a term, or with
                              BF_CONTINUES its definition; Markdown writes the term as a
                              line and the definition after ":   " (Pandoc's syntax; GFM
                              has none), and a term always starts after a blank line */
};

typedef struct {
    const char *text;   /* UTF-8, whitespace-normalised, NUL-terminated; in doc.arena */
    size_t len;
    block_kind kind;
    int level;          /* heading level, list depth (1 = outermost list) */
    unsigned flags;     /* BF_* */
    int number;         /* BK_ITEM of an ordered list: its number (<ol start> kept); 0 for
                           a bullet */
    const char *marker; /* text: an item's number as the page showed it ("03.", "3)"),
                           words of its text that plain text writes (arena), or NULL; an
                           <ol>'s numbers are markup, which plain text leaves out */
    int container;      /* HTML: 1 + the element index of the table (BK_TABLE) or list
                           (BK_ITEM) the block belongs to, 0 for none: consecutive rows
                           with one value render as one table */
    const char *lang;   /* BK_PRE: the code's language from its class (arena), or NULL */
    const uint32_t *code; /* inline code (HTML <code>): n_code [start, end) byte ranges of
                             text, ascending (arena), or NULL */
    size_t n_code;
    const uint32_t *links; /* HTML with links wanted: n_links [start, end) byte ranges of
                              text inside links, ascending, none crossing a code range
                              (arena), or NULL */
    const char *const *urls; /* their absolute URLs (arena), one per range */
    size_t n_links;
    size_t link_len;    /* HTML: bytes of text inside links */
    int line;           /* text: first input line (1-based); HTML: 0 */
    const char *path;   /* HTML: DOM path (in doc.arena), or NULL */
    int group;          /* HTML: index of the container the block came from */
    int blank_before;   /* text: a blank line preceded the block */
    int ract;           /* the rule action that matched the block (rule_action) or 0 */
    decision dec;
    block_why why;      /* why dec was taken */
    const struct rule_info *rule; /* WHY_RULE: the deciding rule (rules/rules.h; owned
                                     by the rule set) */
    double score;
} block;

/* Whether a block of a comment thread is part of a comment's text: not its stamp, not
 * a control a rule dropped ("Reply", "Report"), not a repeat. */
static inline int wn_block_comment_text(const block *b)
{
    return (b->flags & (BF_COMMENT | BF_STAMP)) == BF_COMMENT && b->why != WHY_RULE &&
           b->why != WHY_REPEATED && b->len > 0;
}

/* An image of an HTML page (winnow_options.images): where it stands among the blocks,
 * and, once the blocks are decided, whether it is shown (article/images.c). */
typedef struct {
    const char *url;  /* absolute, percent-encoded (arena) */
    const char *alt;  /* its alt text, whitespace collapsed (arena), or NULL */
    size_t before;    /* the index of the block it stands before (doc.n: after the last) */
    long in_block;    /* the block whose text it sits in (it is written after that block),
                         or -1: it stands between blocks */
    int inside;       /* its element lies inside the article container */
    int shown;        /* it sits in the kept content (wn_article_images) */
} doc_image;

/* Images kept per page: past this many, later ones are left out (a gallery page of
 * thousands of thumbnails is not an article's figures). */
#define DOC_MAX_IMAGES 1024

typedef struct {
    block *blocks;
    size_t n, cap;
    doc_image *images;  /* in document order (HTML with images wanted), or NULL */
    size_t n_images, cap_images;
    arena mem;
    const char *title;  /* headline (arena) or NULL */
    page_meta meta;     /* declared metadata */
    winnow_page_type page_type;  /* what kind of page (pagetype/), or UNKNOWN */
    int page_type_margin;        /* its score above the article's (0 for articles; large
                                    when forced): how sure the detector is */
    const char *page_type_why;   /* scores and signals behind it, for --explain (arena) */
    lang_why language_why;       /* how meta.language was chosen */
    int page_type_lag[WINNOW_PAGE_OTHER + 1]; /* by type: how far its score trails the
                                    chosen type's (the text path's entry rhythm may
                                    settle a near tie) */
    winnow_page_type page_type_lean; /* text: a type an "article" leans to, read whole
                                    when its best run holds less than
                                    page_type_lean_share of the page's words
                                    (text/textlean.c), or UNKNOWN */
    double page_type_lean_share;
    int failed;         /* out of memory */
    int too_many;       /* failed because the page has more than DOC_MAX_BLOCKS blocks */
    const char *cut;    /* the limit that cut the page short (static string), or NULL */
    page_whole whole;           /* the page before pruning (HTML) */
    nc_reason no_content;       /* the page holds no main content: every block dropped */
    const char *no_content_why; /* what the decision saw, for --explain (arena), or NULL */
    wn_deadline deadline; /* when the page's time is up (winnow_options.time_limit) */
    const char *fetch_date; /* winnow_options.fetch_date (borrowed), or NULL */
} doc;

/* Hard cap on the blocks of one page: real pages stay far below it, and at ~100 bytes a
 * block it keeps a 64 MB page of tiny elements from taking gigabytes. */
#define DOC_MAX_BLOCKS ((size_t)1 << 20)

void wn_doc_init(doc *d);
/* Appends a block with a copy of text; returns it or NULL on failure. */
block *wn_doc_add(doc *d, block_kind kind, const char *text, size_t len);
void wn_doc_free(doc *d);
/* Appends an image (its strings borrowed: the caller puts them in the arena); returns it,
 * or NULL past DOC_MAX_IMAGES (nothing else changes) or when out of memory (d->failed). */
doc_image *wn_doc_add_image(doc *d, const char *url, const char *alt);
const char *wn_block_kind_name(block_kind k);
/* A copy of s in d's arena, whitespace collapsed, at most 2000 bytes (cut on a
 * character boundary); NULL when s is NULL or blank, or memory ran out. */
char *wn_doc_keep_text(doc *d, const char *s);
/* The host of an absolute URL ("https://User@News.Example.com:8080/a" ->
 * "news.example.com", "[::1]" kept in brackets), lowercased, in d's arena; NULL when
 * url is NULL or names no host. */
const char *wn_doc_hostname(doc *d, const char *url);
/* The --explain words for why ("rule" for WHY_RULE: the caller adds the name). */
const char *wn_block_why_name(block_why why);

#endif
