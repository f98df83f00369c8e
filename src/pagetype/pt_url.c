/* pt_url.c -- what a URL's path and host say about a page: /forum/, /docs/, /product/,
 * /category/, /2024/05/, a long slug, a query string.  Words of paths and host
 * prefixes (docs., forum., shop.), never sites: no word names a domain. */
#include <string.h>
#include "pagetype/pagetype.h"

#define URL_MAX 2048 /* bytes of a URL looked at */
#define MAX_SEGS 32

/* Path words, '|' between them; a segment must equal one. */
static const char article_words[] = "blog|blogs|article|articles|news|post|posts|story|stories|"
    "insights|resources|magazine|journal|editorial|opinion|column|columns";
static const char forum_words[] = "forum|forums|thread|threads|t|topic|questions|q|comments|"
    "discussion|discussions|community|board|boards|d";
static const char doc_words[] = "doc|docs|documentation|manual|reference|api|apis|library|"
    "handbook|latest|stable|man|wiki|kb|sdk|spec|book";
static const char product_words[] = "product|products|dp|itm|item|app|sku|pd|pdp";
static const char collection_words[] = "collection|collections|c|cat|category|categories|shop|"
    "store|browse|catalog|catalogue|department|gallery|range|product-category";
static const char section_last_words[] = "news|blog|blogs|articles|stories|latest|newest|"
    "trending|topics|jobs|remote-jobs|events|podcasts|issues|archive|archives|recipes|courses|"
    "programs|reviews|section|sections|hub|chart|list";
static const char section_words[] = "tag|tags|list|lists|search|section|sections|hub|chart|"
    "directory";
static const char service_words[] = "service|services|solution|solutions|pricing|plans|"
    "industries|consulting|contact|about|program|programs|treatment|repair|hire|admissions|"
    "for-business|enterprise";

typedef struct {
    const char *s;
    size_t n;
} seg;

static int in_words(const seg *g, const char *words)
{
    for (const char *p = words; *p;) {
        size_t w = strcspn(p, "|");
        if (w == g->n && !memcmp(p, g->s, w)) return 1;
        p += w + (p[w] == '|');
    }
    return 0;
}

/* Some segment is one of words (and, with followed, another segment comes after it). */
static int any_seg(const seg *g, int n, const char *words, int followed)
{
    for (int k = 0; k < n - (followed ? 1 : 0); k++)
        if (in_words(&g[k], words)) return 1;
    return 0;
}

static int digits_at(const char *s, size_t n, size_t k)
{
    for (size_t i = 0; i < k; i++)
        if (i >= n || s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

/* /2024/ or /2024-05-17 (19xx, 20xx). */
static int date_seg(const seg *g)
{
    if (g->n < 4 || !digits_at(g->s, g->n, 4) || !(g->s[0] == '1' || g->s[0] == '2') ||
        !(g->s[1] == '9' || g->s[1] == '0'))
        return 0;
    if (g->n == 4) return 1;
    return g->n >= 10 && g->s[4] == '-' && digits_at(g->s + 5, 2, 2) && g->s[7] == '-' &&
           digits_at(g->s + 8, 2, 2);
}

/* A slug of five or more words: "why-my-kettle-will-not-boil". */
static int long_slug(const seg *g)
{
    int dashes = 0, run = 0, letters3 = 0;
    for (size_t i = 0; i < g->n; i++) {
        char c = g->s[i];
        if (c == '-') dashes++;
        run = c >= 'a' && c <= 'z' ? run + 1 : 0;
        if (run >= 3) letters3 = 1;
    }
    return dashes >= 4 && letters3;
}

static int host_starts(const char *host, size_t n, const char *const *prefixes)
{
    for (; *prefixes; prefixes++) {
        size_t p = strlen(*prefixes);
        if (n > p && memcmp(host, *prefixes, p) == 0) return 1;
    }
    return 0;
}

void wn_pt_url_signals(const char *url, pt_signals *s)
{
    if (!url || !*url) {
        s->v[PS_U_NONE] = 1;
        return;
    }
    char u[URL_MAX + 2];
    size_t ul = 0;
    for (; url[ul] && ul < URL_MAX; ul++) {
        char c = url[ul];
        u[ul] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    u[ul] = 0;
    char *host = strstr(u, "://");
    host = host ? host + 3 : u;
    if (strncmp(host, "www.", 4) == 0) host += 4;
    size_t hn = strcspn(host, "/?#");
    static const char *const doc_hosts[] = {"docs.", "doc.", "developer.", "developers.", "learn.",
                                            "wiki.", "man.", "api.", "devdocs.", "help.",
                                            "support.", NULL};
    static const char *const forum_hosts[] = {"forum.", "forums.", "community.", "discuss.",
                                              "discussion.", "bbs.", "board.", "boards.",
                                              "answers.", NULL};
    static const char *const shop_hosts[] = {"shop.", "store.", NULL};
    static const char *const blog_hosts[] = {"blog.", "news.", "blogs.", NULL};
    if (host_starts(host, hn, doc_hosts)) s->v[PS_U_HOST_DOC] = 1;
    if (host_starts(host, hn, forum_hosts)) s->v[PS_U_HOST_FORUM] = 1;
    if (host_starts(host, hn, shop_hosts)) s->v[PS_U_HOST_SHOP] = 1;
    if (host_starts(host, hn, blog_hosts)) s->v[PS_U_HOST_BLOG] = 1;

    char *path = host + hn;
    size_t pn = strcspn(path, "?#");
    if (path[pn] == '?' && path[pn + 1]) s->v[PS_U_QUERY] = 1;
    seg g[MAX_SEGS];
    int n = 0;
    for (size_t i = 0; i < pn && n < MAX_SEGS;) {
        while (i < pn && path[i] == '/') i++;
        size_t b = i;
        while (i < pn && path[i] != '/') i++;
        if (i > b) g[n++] = (seg){path + b, i - b};
    }
    if (!n) s->v[PS_U_ROOT] = 1;
    if (n == 1) s->v[PS_U_DEPTH1] = 1;
    if (any_seg(g, n, article_words, 1)) s->v[PS_U_ARTICLE] = 1;
    for (int k = 0; k < n; k++)
        if (date_seg(&g[k])) s->v[PS_U_DATE] = 1;
    char saved = path[pn];
    path[pn] = 0;
    if (any_seg(g, n, forum_words, 1) || strstr(path, "viewtopic.php") ||
        strstr(path, "showthread.php") || strstr(path, "showtopic"))
        s->v[PS_U_FORUM] = 1;
    path[pn] = saved;
    if (any_seg(g, n, doc_words, 0)) s->v[PS_U_DOC] = 1;
    if (any_seg(g, n, product_words, 1)) s->v[PS_U_PRODUCT] = 1;
    if (any_seg(g, n, collection_words, 0)) s->v[PS_U_COLLECTION] = 1;
    if ((n && in_words(&g[n - 1], section_last_words)) || any_seg(g, n, section_words, 0))
        s->v[PS_U_SECTION] = 1;
    if (any_seg(g, n, service_words, 0)) s->v[PS_U_SERVICE] = 1;
    if (n && long_slug(&g[n - 1])) s->v[PS_U_LONGSLUG] = 1;
    if (n && ((g[n - 1].n > 5 && !memcmp(g[n - 1].s + g[n - 1].n - 5, ".html", 5)) ||
              (g[n - 1].n > 4 && !memcmp(g[n - 1].s + g[n - 1].n - 4, ".htm", 4))))
        s->v[PS_U_EXT_HTML] = 1;
}
