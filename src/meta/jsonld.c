/* jsonld.c -- the schema.org JSON-LD a page embeds, read for its metadata.
 *
 * A small recursive reader, not a general JSON parser: it keeps the top-level objects
 * (the root, the items of a root array or of "@graph", a "mainEntity") as entities
 * with the few properties a record needs, skips everything else, and stops quietly at
 * the first syntax error, keeping what it read: pages ship broken JSON-LD often enough
 * that refusing it would lose good fields.  Recursion is bounded by MAX_DEPTH; every
 * byte is read once. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "meta/meta.h"

#define MAX_DEPTH 32
#define MAX_ENTITIES 32
#define MAX_AUTHORS 8
#define MAX_STRING 2000 /* bytes kept of one string */

typedef struct {
    int article;          /* @type is Article-like */
    int site;             /* WebSite or Organization: its name is the site's */
    unsigned schema;      /* SCHEMA_* groups of its types (core/doc.h) */
    const char *id;       /* @id */
    const char *name;     /* headline, else name */
    const char *headline; /* headline alone */
    const char *date, *date_modified, *language, *description, *image, *url, *publisher;
    const char *date_src;  /* the key date came from, as an --explain label (static) */
    const char *keywords, *section, *license; /* lists joined with "; " (meta/terms.c
                                                 splits and cleans them) */
    const char *authors[MAX_AUTHORS];   /* names, or NULL where only ids[] is known */
    const char *ids[MAX_AUTHORS];       /* @id of each author */
    int n_authors;
} entity;

typedef struct {
    const char *s;
    size_t len, i;
    arena *a;
    int broken; /* a syntax error: stop reading */
    entity ents[MAX_ENTITIES];
    int n;
} reader;

static void skip_ws(reader *r)
{
    while (r->i < r->len && (r->s[r->i] == ' ' || r->s[r->i] == '\t' || r->s[r->i] == '\n' ||
                             r->s[r->i] == '\r'))
        r->i++;
}

static int peek(reader *r)
{
    skip_ws(r);
    return r->i < r->len ? (unsigned char)r->s[r->i] : -1;
}

/* Reads the string at r->i (which is '"').  With want, returns it decoded (whitespace
 * collapsed, at most MAX_STRING bytes kept) in r->a; else, or when empty, NULL. */
static const char *read_string(reader *r, int want)
{
    const char *result = NULL;
    r->i++; /* the quote */
    buf b;
    wn_buf_init(&b, 0);
    while (r->i < r->len && r->s[r->i] != '"') {
        char c = r->s[r->i];
        if (c != '\\') {
            size_t run = r->i;
            while (run < r->len && r->s[run] != '"' && r->s[run] != '\\') run++;
            if (want && b.len < MAX_STRING) wn_buf_append(&b, r->s + r->i, run - r->i);
            r->i = run;
            continue;
        }
        if (r->i + 1 >= r->len) break;
        char e = r->s[r->i + 1];
        r->i += 2;
        if (!want || b.len >= MAX_STRING) {
            size_t used;
            if (e == 'u' && wn_json_u_escape(r->s + r->i, r->len - r->i, &used) >= 0) r->i += 4;
            continue;
        }
        switch (e) {
        case 'n': case 'r': case 't': case 'b': case 'f': wn_buf_putc(&b, ' '); break;
        case 'u': {
            size_t used;
            long cp = wn_json_u_escape(r->s + r->i, r->len - r->i, &used);
            if (cp < 0) break;
            r->i += used;
            wn_utf8_put(&b, cp ? (unsigned long)cp : 0xFFFD);
            break;
        }
        default: wn_buf_putc(&b, e); break;
        }
    }
    if (r->i >= r->len) r->broken = 1;
    else r->i++; /* the closing quote */
    if (want) {
        size_t l = b.len > MAX_STRING ? utf8_boundary(b.data, MAX_STRING) : b.len;
        l = l ? wn_text_collapse_ws(b.data, l) : 0;
        result = l ? wn_arena_strndup(r->a, b.data, l) : NULL;
    }
    wn_buf_free(&b);
    return result;
}

static void skip_value(reader *r, int depth);

/* Skips the rest of an object or array whose opening byte was read. */
static void skip_container(reader *r, int depth, char close)
{
    while (!r->broken) {
        int c = peek(r);
        if (c < 0) { r->broken = 1; return; }
        if (c == close) { r->i++; return; }
        if (c == ',' || c == ':') { r->i++; continue; }
        skip_value(r, depth + 1);
    }
}

static void skip_value(reader *r, int depth)
{
    int c = peek(r);
    if (c < 0 || depth > MAX_DEPTH) { r->broken = 1; return; }
    if (c == '"') { read_string(r, 0); return; }
    if (c == '{' || c == '[') {
        r->i++;
        skip_container(r, depth, c == '{' ? '}' : ']');
        return;
    }
    /* A number, true, false, null (or junk: read to the next delimiter). */
    size_t start = r->i;
    while (r->i < r->len && !strchr(",:]} \t\r\n\"{[", r->s[r->i])) r->i++;
    if (r->i == start) r->broken = 1;
}

/* A string value, or NULL (and the value skipped) when it is something else. */
static const char *string_value(reader *r, int depth)
{
    if (peek(r) == '"') return read_string(r, 1);
    skip_value(r, depth);
    return NULL;
}

/* Calls each(r, depth, ctx) for the value, or for every item of an array value. */
static void for_each(reader *r, int depth, void (*each)(reader *, int, void *), void *ctx)
{
    if (peek(r) != '[') {
        each(r, depth, ctx);
        return;
    }
    r->i++;
    while (!r->broken) {
        int c = peek(r);
        if (c < 0) { r->broken = 1; return; }
        if (c == ']') { r->i++; return; }
        if (c == ',') { r->i++; continue; }
        each(r, depth + 1, ctx);
    }
}

/* Reads the members of an object whose '{' was read; member(r, depth, key, ctx)
 * reads or skips each value. */
static void members(reader *r, int depth, void (*member)(reader *, int, const char *, void *),
                    void *ctx)
{
    while (!r->broken) {
        int c = peek(r);
        if (c < 0) { r->broken = 1; return; }
        if (c == '}') { r->i++; return; }
        if (c == ',') { r->i++; continue; }
        if (c != '"') { r->broken = 1; return; }
        char key[32];
        size_t k0 = r->i + 1, k1 = k0;
        while (k1 < r->len && r->s[k1] != '"' && r->s[k1] != '\\') k1++;
        size_t kl = k1 - k0 < sizeof key ? k1 - k0 : 0; /* long keys are none of ours */
        memcpy(key, r->s + k0, kl);
        key[kl] = '\0';
        read_string(r, 0);
        if (peek(r) != ':') { r->broken = 1; return; }
        r->i++;
        member(r, depth + 1, key, ctx);
    }
}

static const char *const article_types[] = {
    "Article", "NewsArticle", "BlogPosting", "Report", "TechArticle", "ScholarlyArticle",
    "AnalysisNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "BackgroundNewsArticle",
    "ReviewNewsArticle", "LiveBlogPosting", "SocialMediaPosting", "DiscussionForumPosting",
    "Review", "Recipe", "HowTo", NULL};

/* schema.org types by the kind of page they announce (lowercase, sorted within each
 * group only for reading). */
static const struct {
    const char *type;
    unsigned group;
} type_groups[] = {
    {"analysisnewsarticle", SCHEMA_ARTICLE}, {"article", SCHEMA_ARTICLE},
    {"backgroundnewsarticle", SCHEMA_ARTICLE}, {"blog", SCHEMA_ARTICLE},
    {"blogposting", SCHEMA_ARTICLE}, {"howto", SCHEMA_ARTICLE},
    {"liveblogposting", SCHEMA_ARTICLE}, {"medicalwebpage", SCHEMA_ARTICLE},
    {"newsarticle", SCHEMA_ARTICLE}, {"opinionnewsarticle", SCHEMA_ARTICLE},
    {"posting", SCHEMA_ARTICLE}, {"recipe", SCHEMA_ARTICLE}, {"report", SCHEMA_ARTICLE},
    {"reportagenewsarticle", SCHEMA_ARTICLE}, {"scholarlyarticle", SCHEMA_ARTICLE},
    {"car", SCHEMA_PRODUCT}, {"individualproduct", SCHEMA_PRODUCT},
    {"itempage", SCHEMA_PRODUCT}, {"product", SCHEMA_PRODUCT},
    {"productgroup", SCHEMA_PRODUCT}, {"productmodel", SCHEMA_PRODUCT},
    {"vehicle", SCHEMA_PRODUCT},
    {"comment", SCHEMA_FORUM}, {"discussionforumposting", SCHEMA_FORUM},
    {"qapage", SCHEMA_FORUM}, {"question", SCHEMA_FORUM},
    {"socialmediaposting", SCHEMA_FORUM},
    {"collectionpage", SCHEMA_LIST}, {"itemlist", SCHEMA_LIST},
    {"offercatalog", SCHEMA_LIST}, {"productcollection", SCHEMA_LIST},
    {"searchresultspage", SCHEMA_LIST},
    {"apireference", SCHEMA_DOC}, {"softwaresourcecode", SCHEMA_DOC},
    {"techarticle", SCHEMA_DOC},
    {"aboutpage", SCHEMA_SERVICE}, {"attorney", SCHEMA_SERVICE},
    {"automotivebusiness", SCHEMA_SERVICE}, {"collegeoruniversity", SCHEMA_SERVICE},
    {"course", SCHEMA_SERVICE}, {"dentist", SCHEMA_SERVICE},
    {"educationalorganization", SCHEMA_SERVICE}, {"faqpage", SCHEMA_SERVICE},
    {"financialservice", SCHEMA_SERVICE}, {"homeandconstructionbusiness", SCHEMA_SERVICE},
    {"legalservice", SCHEMA_SERVICE}, {"localbusiness", SCHEMA_SERVICE},
    {"medicalbusiness", SCHEMA_SERVICE}, {"medicalclinic", SCHEMA_SERVICE},
    {"physician", SCHEMA_SERVICE}, {"professionalservice", SCHEMA_SERVICE},
    {"service", SCHEMA_SERVICE}, {"softwareapplication", SCHEMA_SERVICE},
    {"webapplication", SCHEMA_SERVICE},
    {"breadcrumblist", SCHEMA_BREADCRUMB},
};

unsigned wn_meta_schema_group(const char *type)
{
    if (!type) return 0;
    /* "https://schema.org/NewsArticle" names the same type as "NewsArticle". */
    const char *slash = strrchr(type, '/');
    if (slash) type = slash + 1;
    for (size_t k = 0; k < sizeof type_groups / sizeof *type_groups; k++)
        if (strcasecmp(type, type_groups[k].type) == 0) return type_groups[k].group;
    return 0;
}

static void classify(entity *e, const char *type)
{
    if (!type) return;
    e->schema |= wn_meta_schema_group(type);
    const char *slash = strrchr(type, '/');
    if (slash) type = slash + 1;
    for (const char *const *t = article_types; *t; t++)
        if (strcasecmp(type, *t) == 0) e->article = 1;
    if (strcasecmp(type, "WebSite") == 0 || strcasecmp(type, "Organization") == 0 ||
        strcasecmp(type, "NewsMediaOrganization") == 0)
        e->site = 1;
}

static void type_item(reader *r, int depth, void *ctx)
{
    classify(ctx, string_value(r, depth));
}

/* An author: a name, or an object with a name and/or an @id. */
typedef struct {
    const char *name, *id;
} person;

static void person_member(reader *r, int depth, const char *key, void *ctx)
{
    person *p = ctx;
    if (strcmp(key, "name") == 0) p->name = string_value(r, depth);
    else if (strcmp(key, "@id") == 0) p->id = string_value(r, depth);
    else skip_value(r, depth);
}

static void read_person(reader *r, int depth, person *p)
{
    memset(p, 0, sizeof *p);
    int c = peek(r);
    if (c == '"') {
        p->name = read_string(r, 1);
    } else if (c == '{' && depth <= MAX_DEPTH) {
        r->i++;
        members(r, depth, person_member, p);
    } else {
        skip_value(r, depth);
    }
}

static void author_item(reader *r, int depth, void *ctx)
{
    entity *e = ctx;
    person p;
    read_person(r, depth, &p);
    if ((p.name || p.id) && e->n_authors < MAX_AUTHORS) {
        e->authors[e->n_authors] = p.name;
        e->ids[e->n_authors++] = p.id;
    }
}

static void publisher_item(reader *r, int depth, void *ctx)
{
    entity *e = ctx;
    person p;
    read_person(r, depth, &p);
    if (!e->publisher) e->publisher = p.name;
}

/* An image or a license: a URL (or a license's name), or an object with a url; the
 * first of a list goes into the field *ctx. */
static void url_member(reader *r, int depth, const char *key, void *ctx)
{
    const char **url = ctx;
    if (!*url && (strcmp(key, "url") == 0 || strcmp(key, "contentUrl") == 0))
        *url = string_value(r, depth);
    else skip_value(r, depth);
}

static void url_item(reader *r, int depth, void *ctx)
{
    const char **field = ctx;
    const char *url = NULL;
    int c = peek(r);
    if (c == '"') url = read_string(r, 1);
    else if (c == '{' && depth <= MAX_DEPTH) { r->i++; members(r, depth, url_member, &url); }
    else skip_value(r, depth);
    if (!*field) *field = url;
}

/* A term of a list (keywords, articleSection): strings, added to the "; " list *ctx. */
static void term_item(reader *r, int depth, void *ctx)
{
    const char **list = ctx;
    const char *v = string_value(r, depth);
    if (!v) return;
    if (!*list) {
        *list = v;
        return;
    }
    size_t a = strlen(*list), b = strlen(v);
    if (a + b + 2 > MAX_STRING) return;
    char *s = wn_arena_alloc(r->a, a + b + 3);
    if (!s) return;
    memcpy(s, *list, a);
    memcpy(s + a, "; ", 2);
    memcpy(s + a + 2, v, b + 1);
    *list = s;
}

static void entity_value(reader *r, int depth, void *ctx);

static void entity_member(reader *r, int depth, const char *key, void *ctx)
{
    entity *e = ctx;
    const char *v;
    if (strcmp(key, "@type") == 0) for_each(r, depth, type_item, e);
    else if (strcmp(key, "@graph") == 0 || strcmp(key, "mainEntity") == 0)
        for_each(r, depth, entity_value, NULL);
    else if (strcmp(key, "@id") == 0) e->id = string_value(r, depth);
    else if (strcmp(key, "headline") == 0) { if ((v = string_value(r, depth))) e->name = e->headline = v; }
    else if (strcmp(key, "name") == 0) { v = string_value(r, depth); if (!e->name) e->name = v; }
    else if (strcmp(key, "datePublished") == 0) {
        if ((v = string_value(r, depth))) {
            e->date = v;
            e->date_src = "JSON-LD datePublished";
        }
    } else if (strcmp(key, "dateCreated") == 0 || strcmp(key, "uploadDate") == 0) {
        v = string_value(r, depth);
        if (!e->date && v) {
            e->date = v;
            e->date_src = key[0] == 'd' ? "JSON-LD dateCreated" : "JSON-LD uploadDate";
        }
    } else if (strcmp(key, "dateModified") == 0) e->date_modified = string_value(r, depth);
    else if (strcmp(key, "inLanguage") == 0) e->language = string_value(r, depth);
    else if (strcmp(key, "description") == 0) e->description = string_value(r, depth);
    else if (strcmp(key, "url") == 0) e->url = string_value(r, depth);
    else if (strcmp(key, "image") == 0 || strcmp(key, "thumbnailUrl") == 0) for_each(r, depth, url_item, &e->image);
    else if (strcmp(key, "author") == 0 || strcmp(key, "creator") == 0) for_each(r, depth, author_item, e);
    else if (strcmp(key, "publisher") == 0) for_each(r, depth, publisher_item, e);
    else if (strcmp(key, "offers") == 0) { e->schema |= SCHEMA_OFFER; skip_value(r, depth); }
    else if (strcmp(key, "keywords") == 0) for_each(r, depth, term_item, &e->keywords);
    else if (strcmp(key, "articleSection") == 0) for_each(r, depth, term_item, &e->section);
    else if (strcmp(key, "license") == 0) for_each(r, depth, url_item, &e->license);
    else skip_value(r, depth);
}

/* One entity: an object (others are skipped). */
static void entity_value(reader *r, int depth, void *ctx)
{
    (void)ctx;
    if (peek(r) != '{' || depth > MAX_DEPTH) {
        skip_value(r, depth);
        return;
    }
    r->i++;
    if (r->n >= MAX_ENTITIES) {
        skip_container(r, depth, '}');
        return;
    }
    entity *e = &r->ents[r->n++];
    memset(e, 0, sizeof *e);
    members(r, depth, entity_member, e);
}

/* The name of the Person entity with @id id, or NULL. */
static const char *person_named(const reader *r, const char *id)
{
    for (int k = 0; id && k < r->n; k++)
        if (r->ents[k].id && r->ents[k].name && strcmp(r->ents[k].id, id) == 0)
            return r->ents[k].name;
    return NULL;
}

static const char *join_authors(reader *r, const entity *e)
{
    buf b;
    wn_buf_init(&b, 0);
    for (int k = 0; k < e->n_authors; k++) {
        const char *name = e->authors[k] ? e->authors[k] : person_named(r, e->ids[k]);
        if (!name || (b.len && strstr(b.data, name))) continue;
        if (b.len) wn_buf_puts(&b, "; ");
        wn_buf_puts(&b, name);
    }
    const char *s = b.len && !b.failed ? wn_arena_strndup(r->a, b.data, b.len) : NULL;
    wn_buf_free(&b);
    return s;
}

int wn_jsonld_read(const char *s, size_t len, page_meta *m, arena *a)
{
    reader *r = calloc(1, sizeof *r);
    if (!r) return -1;
    r->s = s;
    r->len = len;
    r->a = a;
    for_each(r, 0, entity_value, NULL);
    /* The main entity: the first Article-like one, else the first with a date, else
     * the first. */
    const entity *main = NULL;
    for (int k = 0; k < r->n && !main; k++)
        if (r->ents[k].article) main = &r->ents[k];
    for (int k = 0; k < r->n && !main; k++)
        if (r->ents[k].date) main = &r->ents[k];
    if (!main && r->n) main = &r->ents[0];
    m->schema |= SCHEMA_ANY;
    for (int k = 0; k < r->n; k++) m->schema |= r->ents[k].schema;
    if (main) {
#define FILL(field, value, label)                                                         \
    do {                                                                                  \
        const char *v_ = (value);                                                         \
        if (!m->field && v_) {                                                            \
            m->field = v_;                                                                \
            m->src.field = (label);                                                       \
        }                                                                                 \
    } while (0)
        FILL(author, join_authors(r, main), "JSON-LD author");
        FILL(date, main->date, main->date_src);
        FILL(date_modified, main->date_modified, "JSON-LD dateModified");
        FILL(site_name, main->publisher, "JSON-LD publisher");
        FILL(language, main->language, "JSON-LD inLanguage");
        FILL(description, main->description, "JSON-LD description");
        FILL(image, main->image, "JSON-LD image");
        FILL(url, main->article ? main->url : NULL, "JSON-LD url");
        FILL(tags, main->keywords, "JSON-LD keywords");
        FILL(categories, main->section, "JSON-LD articleSection");
        FILL(license, main->license, "JSON-LD license");
        FILL(ld_headline, main->article ? main->headline : NULL, "JSON-LD headline");
        /* What the main entity leaves open, another may say (a WebPage's date, the
         * WebSite's name and language). */
        for (int k = 0; k < r->n; k++) {
            const entity *e = &r->ents[k];
            FILL(date, e->date, e->date_src);
            FILL(language, e->language, "JSON-LD inLanguage");
            if (e->site) FILL(site_name, e->name, "JSON-LD site's name");
        }
#undef FILL
    }
    int failed = a->failed;
    free(r);
    return failed ? -1 : 0;
}
