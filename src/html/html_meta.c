/* html_meta.c -- what an HTML page declares about itself: schema.org JSON-LD first
 * (meta/jsonld.c), then Open Graph, article:*, Dublin Core and plain <meta> tags,
 * <link rel=canonical> and <html lang> for what it left open (language tags made
 * canonical BCP 47 by language/lang_tag.c).  Only <head> and the
 * JSON-LD scripts the DOM walk met in the body are read. */
#include <libxml/tree.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "html/html_dom.h"
#include "language/language.h"
#include "meta/meta.h"

/* <meta> names and properties, most trusted first within each field. */
typedef struct {
    const char *key;
    const char *label; /* for --explain: "<meta KEY>" */
    size_t field;      /* offsetof(page_meta, ...) */
    size_t src;        /* ... and of its label in page_meta.src */
} meta_key;

#define F(k, name) {k, "<meta " k ">", offsetof(page_meta, name), offsetof(page_meta, src.name)}
static const meta_key keys[] = {
    F("author", author), F("article:author", author), F("dc.creator", author),
    F("parsely-author", author), F("sailthru.author", author),
    F("article:published_time", date), F("og:published_time", date),
    F("datepublished", date), F("publishdate", date), F("pubdate", date),
    F("dc.date.issued", date), F("dc.date", date), F("date", date),
    F("parsely-pub-date", date), F("sailthru.date", date),
    /* Less common spellings of the same, as publishing systems write them. */
    F("og:article:published_time", date), F("article:published", date),
    F("article.published", date), F("og:publish_date", date), F("og:pubdate", date),
    F("citation_publication_date", date), F("citation_date", date),
    F("dcterms.issued", date), F("dcterms.created", date), F("dcterms.date", date),
    F("published", date), F("published_at", date), F("published-date", date),
    F("publish-date", date), F("publish_date", date), F("pub_date", date),
    F("cxenseparse:publishtime", date), F("article_date_original", date),
    F("article:modified_time", date_modified), F("og:updated_time", date_modified),
    F("og:article:modified_time", date_modified), F("article:modified", date_modified),
    F("article.updated", date_modified), F("dcterms.modified", date_modified),
    F("article_date_updated", date_modified), F("updated_at", date_modified),
    F("updated-date", date_modified), F("modified-date", date_modified),
    F("og:site_name", site_name), F("application-name", site_name),
    F("og:url", url),
    F("og:description", description), F("description", description),
    F("twitter:description", description),
    F("og:image", image), F("twitter:image", image),
};
#undef F
#define N_KEYS (sizeof keys / sizeof *keys)

/* Whether a <meta> key not in keys[] names a publication date all the same, as a
 * publishing system spells it ("w-published-date", "og:publication_time",
 * "PublishedDate"): "publi" and "date" or "time", and nothing of a change or a
 * publisher. */
static int names_publication_date(const char *k)
{
    static const char *const not[] = {"publisher", "modif", "updat", "last", "auto", NULL};
    if (!wn_hbyline_holds(k, "publi") ||
        !(wn_hbyline_holds(k, "date") || wn_hbyline_holds(k, "time")))
        return 0;
    for (const char *const *w = not; *w; w++)
        if (wn_hbyline_holds(k, *w)) return 0;
    return 1;
}

/* An author given as a profile URL is no name. */
static int is_url(const char *s) { return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0; }

static void read_jsonld(doc *d, xmlNode *script)
{
    const char *type = wn_hdom_attr(script, "type");
    if (!type || strcasecmp(type, "application/ld+json") != 0) return;
    xmlChar *c = xmlNodeGetContent(script);
    if (!c) return;
    if (wn_jsonld_read((const char *)c, strlen((const char *)c), &d->meta, &d->mem) != 0)
        d->failed = 1;
    xmlFree(c);
}

/* Where the head declares no date: microdata's datePublished, else the first
 * <time datetime> inside the article, else the first anywhere; *src says which.  One
 * look at the attributes of the elements that have any. */
static const char *body_date(const hdom *h, const char **src)
{
    const char *first = NULL, *inside = NULL;
    for (int i = 0; i < h->n; i++) {
        const xmlNode *n = h->node[i];
        if (!n->properties || (h->flags[i] & NF_REMOVED)) continue;
        const char *ip = wn_hdom_attr(n, "itemprop");
        if (ip && strcmp(ip, "datePublished") == 0) {
            const char *v = wn_hdom_attr(n, "content");
            if (!v) v = wn_hdom_attr(n, "datetime");
            *src = "itemprop=datePublished";
            if (v) return v;
        }
        if (strcmp((const char *)n->name, "time") != 0) continue;
        const char *dt = wn_hdom_attr(n, "datetime");
        if (!dt) continue;
        if (!first) first = dt;
        if (!inside && (h->flags[i] & NF_INSIDE)) inside = dt;
    }
    *src = inside ? "<time datetime> in the article" : "<time datetime>";
    return inside ? inside : first;
}

/* A license the body links to: <a rel="license" href> (a Creative Commons badge). */
static const char *body_license(const hdom *h)
{
    for (int i = 0; i < h->n; i++) {
        if (h->tag[i] != TG_A || !h->node[i]->properties) continue;
        const char *rel = wn_hdom_attr(h->node[i], "rel");
        if (!rel) continue;
        /* rel is a list of tokens: "license noopener" */
        for (const char *p = rel; *p;) {
            size_t n = strcspn(p, " ");
            if (n == 7 && strncasecmp(p, "license", 7) == 0) return wn_hdom_attr(h->node[i], "href");
            p += n + (p[n] == ' ');
        }
    }
    return NULL;
}

/* A /YYYY/MM/DD/ (or /YYYY/MM/) in a URL's path, as "YYYY-MM-DD", or NULL. */
static const char *url_date(doc *d, const char *url, const char *not_after)
{
    for (const char *p = url ? strchr(url, '/') : NULL; p; p = strchr(p + 1, '/')) {
        int y, m, dd = 1, n = 0;
        if (sscanf(p, "/%4d/%2d/%n", &y, &m, &n) != 2 || !n || p[1] < '1' || p[1] > '2') continue;
        int n2 = 0;
        if (sscanf(p + n, "%2d/%n", &dd, &n2) != 1 || !n2) dd = 1;
        char t[48]; /* room for any int: the compiler cannot see the ranges */
        snprintf(t, sizeof t, "%04d-%02d-%02d", y, m, dd);
        const char *iso = wn_meta_iso_date(t, not_after, &d->mem);
        if (iso) return iso;
    }
    return NULL;
}

/* The declared authors without the site's own name: a publisher that names itself the
 * author of every page says less about who wrote this one than a byline (the caller
 * asks only when there is one). */
static const char *without_site(doc *d, const char *names)
{
    const char *site = d->meta.site_name;
    if (!names || !site) return names;
    size_t sl = strlen(site);
    buf b;
    wn_buf_init(&b, 0);
    for (const char *p = names; *p;) {
        const char *e = strstr(p, "; ");
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (!(l == sl && strncasecmp(p, site, l) == 0)) {
            if (b.len) wn_buf_puts(&b, "; ");
            wn_buf_append(&b, p, l);
        }
        p += l + (e ? 2 : 0);
    }
    const char *r = b.len && !b.failed ? wn_arena_strndup(&d->mem, b.data, b.len) : NULL;
    wn_buf_free(&b);
    return r;
}

/* Whether s starts with a year of four digits and a separator ("2024-10-09"). */
static int year_first(const char *s)
{
    while (s && (*s == ' ' || *s == '\t' || *s == '\n')) s++;
    return s && s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
           s[2] <= '9' && s[3] >= '0' && s[3] <= '9' && (s[4] == '-' || s[4] == '/' || s[4] == '.');
}

/* Whether a and b are one day read both ways ("2024-10-09" and "2024-09-10"): a
 * numeric date such as "09.10.2024" is read day first or month first by its
 * separator, and some pages write it the other way. */
static int day_month_swapped(const char *a, const char *b)
{
    if (!a || !b || strlen(a) < 10 || strlen(b) < 10) return 0;
    return memcmp(a, b, 5) == 0 && memcmp(a + 5, b + 8, 2) == 0 &&
           memcmp(a + 8, b + 5, 2) == 0 && memcmp(a + 5, a + 8, 2) != 0;
}

void wn_hmeta_find(hdom *h, doc *d, const char *fetch_date)
{
    xmlNode *root = h->xdoc ? xmlDocGetRootElement(h->xdoc) : NULL;
    if (!root) return;
    xmlNode *head = NULL;
    for (xmlNode *c = root->children; c && !head; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "head") == 0) head = c;
    /* JSON-LD first: it names its fields. */
    for (xmlNode *c = head ? head->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "script") == 0)
            read_jsonld(d, c);
    for (int k = 0; k < h->n_ldjson; k++) read_jsonld(d, h->ldjson[k]);
    /* Then the tags, each key in its order of trust. */
    const char *found[N_KEYS] = {0};
    const char *canonical = NULL, *lang_tag = NULL, *license = NULL, *loose_date = NULL;
    buf tags, sections, keywords; /* every article:tag, article:section; <meta keywords> */
    wn_buf_init(&tags, 0);
    wn_buf_init(&sections, 0);
    wn_buf_init(&keywords, 0);
    for (xmlNode *c = head ? head->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (strcmp((const char *)c->name, "link") == 0) {
            const char *rel = wn_hdom_attr(c, "rel");
            if (!canonical && rel && strcasecmp(rel, "canonical") == 0)
                canonical = wn_hdom_attr(c, "href");
            if (!license && rel && strcasecmp(rel, "license") == 0)
                license = wn_hdom_attr(c, "href");
            continue;
        }
        if (strcmp((const char *)c->name, "meta") != 0) continue;
        const char *k = wn_hdom_attr(c, "property");
        if (!k) k = wn_hdom_attr(c, "name");
        if (!k) k = wn_hdom_attr(c, "itemprop");
        const char *v = wn_hdom_attr(c, "content");
        const char *eq = wn_hdom_attr(c, "http-equiv");
        if (!lang_tag && eq && strcasecmp(eq, "content-language") == 0) lang_tag = v;
        if (!k || !v || !v[0]) continue;
        /* JSON-LD a framework writes into a <meta> ("script:ld+json"), escaped. */
        size_t kl = strlen(k);
        if (kl >= 7 && strcasecmp(k + kl - 7, "ld+json") == 0 &&
            wn_jsonld_read(v, strlen(v), &d->meta, &d->mem) != 0)
            d->failed = 1;
        if (!loose_date && names_publication_date(k)) loose_date = v;
        buf *list = strcasecmp(k, "article:tag") == 0       ? &tags
                    : strcasecmp(k, "article:section") == 0 ? &sections
                    : strcasecmp(k, "keywords") == 0        ? &keywords
                                                            : NULL;
        if (list) {
            if (list->len) wn_buf_puts(list, "; ");
            wn_buf_puts(list, v);
        }
        /* Every key for every <meta>: compared in full only where the first letters
         * agree (a case pair differs in bit 0x20 alone). */
        for (size_t j = 0; j < N_KEYS; j++)
            if (!found[j] && (k[0] | 0x20) == (keys[j].key[0] | 0x20) &&
                strcasecmp(k, keys[j].key) == 0)
                found[j] = v;
    }
    for (size_t j = 0; j < N_KEYS; j++) {
        const char **field = (const char **)((char *)&d->meta + keys[j].field);
        if (*field || !found[j]) continue;
        if (keys[j].field == offsetof(page_meta, author) && is_url(found[j])) continue;
        *field = wn_doc_keep_text(d, found[j]);
        *(const char **)((char *)&d->meta + keys[j].src) = keys[j].label;
    }
    if (!d->meta.date && loose_date) {
        d->meta.date = wn_doc_keep_text(d, loose_date);
        d->meta.src.date = "<meta> named for the publication date";
    }
    if (canonical) { /* the page's own word for it */
        d->meta.url = wn_doc_keep_text(d, canonical);
        d->meta.src.url = "<link rel=canonical>";
    }
    /* Tags: JSON-LD keywords, else article:tag, else the keywords <meta>. */
    if (!d->meta.tags && tags.len) {
        d->meta.tags = wn_doc_keep_text(d, tags.data);
        d->meta.src.tags = "<meta article:tag>";
    }
    if (!d->meta.tags && keywords.len) {
        d->meta.tags = wn_doc_keep_text(d, keywords.data);
        d->meta.src.tags = "<meta keywords>";
    }
    if (!d->meta.categories && sections.len) {
        d->meta.categories = wn_doc_keep_text(d, sections.data);
        d->meta.src.categories = "<meta article:section>";
    }
    d->meta.tags = wn_meta_terms(d->meta.tags, &d->mem);
    d->meta.categories = wn_meta_terms(d->meta.categories, &d->mem);
    if (tags.failed || sections.failed || keywords.failed) d->failed = 1;
    wn_buf_free(&tags);
    wn_buf_free(&sections);
    wn_buf_free(&keywords);
    if (!d->meta.license) {
        d->meta.license = wn_doc_keep_text(d, license ? license : body_license(h));
        if (d->meta.license) d->meta.src.license = license ? "<link rel=license>" : "<a rel=license>";
    }
    /* The language: JSON-LD's inLanguage, <html lang> (xml:lang in XHTML), then the
     * <meta http-equiv> pragma, as the HTML standard ranks the last two; a value that is
     * no language ("{{lang}}", "und") passes the word to the next.  The detector may
     * still overrule it (language/language.c). */
    const char *lang = wn_hdom_attr(root, "lang"), *lang_src = "<html lang>";
    if (!lang || !lang[0]) {
        lang = wn_hdom_attr(root, "xml:lang");
        lang_src = "<html xml:lang>";
    }
    d->meta.language = wn_language_tag(d->meta.language, &d->mem);
    if (!d->meta.language) {
        d->meta.language = wn_language_tag(lang, &d->mem);
        d->meta.src.language = lang_src;
    }
    if (!d->meta.language) {
        d->meta.language = wn_language_header(lang_tag, &d->mem);
        d->meta.src.language = "<meta http-equiv=content-language>";
    }
    /* Dates in ISO 8601, whatever form the page wrote them in.  The date a page shows
     * under its headline beats the declared one, often a template's or the first draft's;
     * a shown "Updated" date does not replace a declared publication date. */
    const char *fetched = wn_meta_iso_date(fetch_date, NULL, &d->mem);
    d->meta.date = wn_meta_iso_date(d->meta.date, fetched, &d->mem);
    d->meta.date_modified = wn_meta_iso_date(d->meta.date_modified, fetched, &d->mem);
    const char *marked_src = NULL;
    const char *marked_raw = body_date(h, &marked_src);
    const char *marked = wn_meta_iso_date(marked_raw, fetched, &d->mem);
    const char *in_url = url_date(d, d->meta.url, fetched);
    if (d->meta.author) d->meta.declared |= DECLARED_AUTHOR;
    if (d->meta.date || marked || in_url) d->meta.declared |= DECLARED_DATE;
    hbyline seen;
    wn_hbyline_find(h, d, fetched, &seen);
    d->meta.shown = seen.shown;
    /* A shown date that is the declared one read the other way round is that one. */
    if (day_month_swapped(seen.date, d->meta.date)) {
        seen.date = d->meta.date;
        seen.date_src = d->meta.src.date;
    }
    /* ... where that one is written year first: a datetime="02-12-2025" reads either
     * way as much as the shown date does. */
    if (day_month_swapped(seen.date, marked) && year_first(marked_raw)) {
        seen.date = marked;
        seen.date_src = marked_src;
    }
    page_meta *m = &d->meta;
#define TAKE(field, value, label)                                                         \
    do {                                                                                  \
        m->field = (value);                                                               \
        m->src.field = (label);                                                           \
    } while (0)
    if (seen.date) TAKE(date, seen.date, seen.date_src);
    /* Declared published and modified to the second: the last save, not the first.  A
     * date the body marks earlier (<time pubdate>, itemprop) is the publication. */
    if (!seen.date && marked && m->date && m->date_modified && strlen(m->date) > 10 &&
        strcmp(m->date, m->date_modified) == 0 && strncmp(marked, m->date, 10) < 0)
        TAKE(date, marked, marked_src);
    if (!m->date) TAKE(date, seen.date_modified, "\"Updated\" date line by the headline");
    if (!m->date_modified)
        TAKE(date_modified, seen.date_modified, "\"Updated\" date line by the headline");
    if (!m->date) TAKE(date, marked, marked_src);
    if (!m->date) TAKE(date, seen.date_far, seen.date_far_src);
    if (!m->date) TAKE(date, in_url, "URL path");
    /* A page that tells only when it was last changed gives no earlier date: that one. */
    if (!m->date && m->date_modified) TAKE(date, m->date_modified, m->src.date_modified);
    /* Authors as names; the byline the page shows beats a declared organisation.  A
     * declared name written from HTML holds its references ("O&#x27;Brien", as titles
     * and descriptions do), which the name splitter would cut at "&" and ";". */
    if (d->meta.author) d->meta.author = wn_text_unescape(&d->mem, d->meta.author);
    d->meta.author = wn_meta_author(d->meta.author, 0, &d->mem);
    if (seen.author && d->meta.author) d->meta.author = without_site(d, d->meta.author);
    if (!m->author) TAKE(author, seen.author, seen.author_src);
#undef TAKE
}
