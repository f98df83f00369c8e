/* html_url.c -- the absolute URL a link's href names (--links): RFC 3986 reference
 * resolution (section 5.2: a scheme kept, "//host", "/path", "?query" and relative
 * paths merged with the base, dot segments removed) against the page's <base href>,
 * itself resolved against the caller's URL.  Tabs and line breaks inside an href are
 * dropped and its edges trimmed, as browsers do; the bytes Markdown's link syntax
 * cannot hold bare (spaces, controls, parentheses, angle brackets) are percent-encoded.
 * A link into the page itself ("#top"), a script ("javascript:") or a relative href
 * with no absolute base gives NULL: the text stays, without a link. */
#include <string.h>
#include <strings.h>
#include "html/html_dom.h"

#define URL_MAX 4096 /* longer hrefs are data: URIs or tracking blobs, not links to keep */

static int alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of s's scheme (the bytes before ':'), 0 for none. */
static size_t scheme_len(const char *s, size_t len)
{
    if (!len || !alpha(s[0])) return 0;
    for (size_t i = 1; i < len; i++) {
        char c = s[i];
        if (c == ':') return i;
        if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return 0;
    }
    return 0;
}

/* The end of the authority of s, which starts with "//" at offset at. */
static size_t authority_end(const char *s, size_t len, size_t at)
{
    size_t i = at + 2;
    while (i < len && s[i] != '/' && s[i] != '?' && s[i] != '#') i++;
    return i;
}

/* Appends path p[0..n) to b with its "." and ".." segments removed (RFC 3986 5.2.4);
 * the part of b before `root` (scheme and authority) is never removed. */
static void put_path(buf *b, size_t root, const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && !b->failed) {
        size_t e = i + 1;
        while (e < n && p[e] != '/') e++;
        /* p[i..e) is "/seg" (or "seg" when the path does not start with '/'). */
        const char *seg = p[i] == '/' ? p + i + 1 : p + i;
        size_t sl = (size_t)(p + e - seg);
        int last = e == n;
        if (sl == 1 && seg[0] == '.') {
            if (last) wn_buf_putc(b, '/');
        } else if (sl == 2 && seg[0] == '.' && seg[1] == '.') {
            while (b->len > root && b->data[b->len - 1] != '/') b->len--;
            if (b->len > root) b->len--;
            if (last) wn_buf_putc(b, '/');
        } else {
            wn_buf_putc(b, '/');
            wn_buf_append(b, seg, sl);
        }
        i = e;
    }
}

/* Appends s[0..n) to b, percent-encoding what a Markdown link destination cannot hold. */
static void put_encoded(buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n && !b->failed; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c <= 0x20 || c == 0x7f || c == '(' || c == ')' || c == '<' || c == '>' ||
            c == '\\') {
            wn_buf_putc(b, '%');
            wn_buf_putc(b, hex[c >> 4]);
            wn_buf_putc(b, hex[c & 15]);
        } else {
            wn_buf_putc(b, (char)c);
        }
    }
}

/* The href without tabs and line breaks, trimmed, into out (at most URL_MAX bytes);
 * its length, or 0 when empty or too long. */
static size_t clean(const char *s, char *out)
{
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f') s++;
    size_t n = 0;
    for (; *s; s++) {
        if (*s == '\t' || *s == '\n' || *s == '\r') continue;
        if (n == URL_MAX) return 0;
        out[n++] = *s;
    }
    while (n && (out[n - 1] == ' ' || out[n - 1] == '\f')) n--;
    return n;
}

/* Resolves r[0..rn) against the absolute base[0..bn) into b (RFC 3986 5.2.2). */
static void resolve(buf *b, const char *base, size_t bn, const char *r, size_t rn)
{
    size_t bs = scheme_len(base, bn);
    if (rn >= 2 && r[0] == '/' && r[1] == '/') { /* network-path reference */
        wn_buf_append(b, base, bs + 1);
        size_t ae = authority_end(r, rn, 0);
        wn_buf_append(b, r, ae);
        size_t pe = ae;
        while (pe < rn && r[pe] != '?' && r[pe] != '#') pe++;
        put_path(b, b->len, r + ae, pe - ae);
        wn_buf_append(b, r + pe, rn - pe);
        return;
    }
    size_t root = bs + 1; /* after "scheme:" */
    if (bn >= root + 2 && base[root] == '/' && base[root + 1] == '/')
        root = authority_end(base, bn, root);
    size_t bpath_end = root;
    while (bpath_end < bn && base[bpath_end] != '?' && base[bpath_end] != '#') bpath_end++;
    size_t bquery_end = bpath_end;
    while (bquery_end < bn && base[bquery_end] != '#') bquery_end++;
    wn_buf_append(b, base, root);
    if (rn && r[0] == '?') {
        wn_buf_append(b, base + root, bpath_end - root);
        wn_buf_append(b, r, rn);
        return;
    }
    size_t pe = 0;
    while (pe < rn && r[pe] != '?' && r[pe] != '#') pe++;
    if (rn && r[0] == '/') {
        put_path(b, root, r, pe);
    } else {
        /* Merge: the base path up to its last '/', then the reference's path. */
        size_t slash = bpath_end;
        while (slash > root && base[slash - 1] != '/') slash--;
        buf merged;
        wn_buf_init(&merged, 0); /* bounded: base and href are at most URL_MAX */
        if (slash == root) wn_buf_putc(&merged, '/');
        else wn_buf_append(&merged, base + root, slash - root);
        wn_buf_append(&merged, r, pe);
        if (merged.failed) b->failed = 1;
        else put_path(b, root, merged.data, merged.len);
        wn_buf_free(&merged);
    }
    if (b->len == root) wn_buf_putc(b, '/');
    wn_buf_append(b, r + pe, rn - pe);
}

const char *wn_hurl_resolve(doc *d, const char *base, const char *href)
{
    if (!href) return NULL;
    char r[URL_MAX];
    size_t rn = clean(href, r);
    if (!rn || r[0] == '#') return NULL;
    size_t rs = scheme_len(r, rn);
    if (rs == 10 && strncasecmp(r, "javascript", 10) == 0) return NULL;
    buf out;
    wn_buf_init(&out, 0);
    if (rs) {
        put_encoded(&out, r, rn);
    } else {
        if (!base) {
            wn_buf_free(&out);
            return NULL;
        }
        size_t bn = strnlen(base, URL_MAX + 1);
        if (bn > URL_MAX || !scheme_len(base, bn)) {
            wn_buf_free(&out);
            return NULL;
        }
        buf joined;
        wn_buf_init(&joined, 0);
        resolve(&joined, base, bn, r, rn);
        if (joined.failed) out.failed = 1;
        else put_encoded(&out, joined.data, joined.len);
        wn_buf_free(&joined);
    }
    const char *s = out.failed ? NULL : wn_arena_strndup(&d->mem, out.data, out.len);
    if (out.failed || !s) d->failed = 1;
    wn_buf_free(&out);
    return s;
}

const char *wn_hurl_base(const hdom *h, doc *d, const char *url)
{
    /* <base> lives in <head>, which the element index leaves out: read libxml2's tree. */
    const xmlNode *root = h->xdoc ? xmlDocGetRootElement(h->xdoc) : NULL;
    for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "head") != 0) continue;
        for (const xmlNode *e = c->children; e; e = e->next) {
            if (e->type != XML_ELEMENT_NODE || strcmp((const char *)e->name, "base") != 0)
                continue;
            const char *href = wn_hdom_attr(e, "href");
            if (!href) continue;
            /* The first <base href> counts (HTML), even when it cannot be used. */
            const char *abs = wn_hurl_resolve(d, url, href);
            return abs ? abs : url;
        }
    }
    return url;
}
