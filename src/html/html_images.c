/* html_images.c -- what an <img> shows, for --images: the address of the picture a
 * reader sees, resolved like a link (html_url.c), or none when the element is not a
 * picture of the content.  Lazy loaders put a placeholder in src (a data: URI, a 1x1
 * or spacer gif) and the real address in data-src, data-lazy-src, data-original or a
 * srcset; the largest srcset candidate is taken.  Tracking pixels and icons (width or
 * height of 32 px or less, in attributes or inline style, or kept in an icons folder),
 * emoji, decorative images (role=presentation, aria-hidden) and spacers show nothing. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "html/html_dom.h"

#define ICON_MAX_PX 32  /* at most this wide or high: an icon, a badge or a pixel */
#define CANDIDATE_MAX 4096 /* a srcset candidate's URL longer than this is skipped */

static int space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Where w first occurs in s, ignoring ASCII case, or NULL. */
static const char *find_nocase(const char *s, const char *w)
{
    size_t n = strlen(w);
    for (; s && *s; s++)
        if (strncasecmp(s, w, n) == 0) return s;
    return NULL;
}

/* The number a "width"/"height" attribute or a CSS length starts with when it is in
 * pixels ("24", "24px", "24.5"), else -1 ("100%", "2em", "auto"). */
static long pixels(const char *s)
{
    while (s && space(*s)) s++;
    if (!s || *s < '0' || *s > '9') return -1;
    char *end;
    long v = strtol(s, &end, 10);
    if (*end == '.')
        for (end++; *end >= '0' && *end <= '9'; end++) {}
    while (space(*end)) end++;
    if (*end == '\0' || strncasecmp(end, "px", 2) == 0) return v;
    return -1;
}

/* The pixel value of a CSS property (exactly "width" or "height") in a style
 * attribute, or -1. */
static long style_pixels(const char *style, const char *prop)
{
    size_t pl = strlen(prop);
    for (const char *p = style; p && (p = find_nocase(p, prop)) != NULL; p += pl) {
        /* "max-width" and "line-height" are other properties. */
        if (p > style && !space(p[-1]) && p[-1] != ';' && p[-1] != '{') continue;
        const char *v = p + pl;
        while (space(*v)) v++;
        if (*v != ':') continue;
        return pixels(v + 1);
    }
    return -1;
}

static int small(long px)
{
    return px >= 0 && px <= ICON_MAX_PX;
}

/* Whether a class attribute names an emoji or a smiley (a character drawn as an
 * image: its alt text is the character, not a figure). */
static int emoji_class(const char *cls)
{
    return find_nocase(cls, "emoji") || find_nocase(cls, "smiley");
}

/* Whether an address is kept where sites keep icons: a folder named "icons" (or
 * "icon", "emoji", "smilies", "sprites", "badges"), a file named "icon..." or
 * "...-icon" -- pictures drawn at text size, whatever their declared size. */
static int icon_path(const char *src)
{
    static const char *const folders[] = {"icon", "icons", "emoji", "emojis", "smilies",
                                          "sprites", "badges"};
    if (!src) return 0;
    size_t end = strcspn(src, "?#");
    size_t i = 0;
    if (find_nocase(src, "://")) i = (size_t)(find_nocase(src, "://") - src) + 3;
    while (i < end && src[i] != '/') i++; /* the host is no folder */
    while (i < end) {
        size_t e = i + 1;
        while (e < end && src[e] != '/') e++;
        const char *seg = src + i + 1;
        size_t n = e - i - 1;
        if (e < end) { /* a folder */
            for (size_t k = 0; k < sizeof folders / sizeof *folders; k++)
                if (strlen(folders[k]) == n && strncasecmp(seg, folders[k], n) == 0) return 1;
        } else { /* the file: its stem */
            size_t stem = n;
            for (size_t k = 0; k < n; k++)
                if (seg[k] == '.') stem = k;
            if ((stem >= 4 && strncasecmp(seg, "icon", 4) == 0) ||
                (stem >= 5 && strncasecmp(seg + stem - 5, "-icon", 5) == 0) ||
                (stem >= 5 && strncasecmp(seg + stem - 5, "_icon", 5) == 0))
                return 1;
        }
        i = e;
    }
    return 0;
}

/* Not a picture of the content: a pixel, an icon, an emoji, a decoration. */
static int not_content(const xmlNode *img)
{
    if (small(pixels(wn_hdom_attr(img, "width"))) || small(pixels(wn_hdom_attr(img, "height"))))
        return 1;
    const char *style = wn_hdom_attr(img, "style");
    if (small(style_pixels(style, "width")) || small(style_pixels(style, "height"))) return 1;
    const char *role = wn_hdom_attr(img, "role");
    if (role && (strcasecmp(role, "presentation") == 0 || strcasecmp(role, "none") == 0))
        return 1;
    const char *hidden = wn_hdom_attr(img, "aria-hidden");
    if (hidden && strcasecmp(hidden, "true") == 0) return 1;
    return emoji_class(wn_hdom_attr(img, "class"));
}

/* File names placeholders are served under: every word of the name is one of these
 * (or "img"/"image"), and one of these is there: "blank.gif", "spacer.gif",
 * "1x1.png", "lazy-placeholder.svg", "transparent_pixel.gif", "grey.gif". */
static int placeholder_word(const char *w, size_t n)
{
    static const char *const words[] = {
        "blank", "spacer", "1x1", "pixel", "transparent", "trans", "clear", "placeholder",
        "lazy", "lazyload", "loading", "loader", "empty", "dummy", "grey", "gray", "spinner"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strlen(words[k]) == n && strncasecmp(w, words[k], n) == 0) return 1;
    return 0;
}

int wn_himage_placeholder(const char *src)
{
    while (src && space(*src)) src++;
    if (!src || !*src) return 1;
    if (strncasecmp(src, "data:", 5) == 0 || strncasecmp(src, "about:", 6) == 0) return 1;
    size_t end = strcspn(src, "?#");
    size_t start = end;
    while (start > 0 && src[start - 1] != '/') start--;
    size_t stem_end = start;
    for (size_t i = start; i < end; i++)
        if (src[i] == '.') stem_end = i; /* the last dot starts the extension */
    if (stem_end == start) stem_end = end;
    int named = 0;
    for (size_t i = start; i < stem_end;) {
        size_t e = i;
        while (e < stem_end && src[e] != '-' && src[e] != '_' && src[e] != '.') e++;
        if (e > i) {
            if (placeholder_word(src + i, e - i)) named = 1;
            else if (!((e - i == 3 && strncasecmp(src + i, "img", 3) == 0) ||
                       (e - i == 5 && strncasecmp(src + i, "image", 5) == 0)))
                return 0;
        }
        i = e + 1;
    }
    return named;
}

/* A candidate's size: its "Nw" width, else 0 with its "Nx" density in *x (1 when it
 * has no descriptor). */
static long descriptor(const char *s, size_t n, double *x)
{
    *x = 1.0;
    for (size_t i = 0; i < n;) {
        while (i < n && space(s[i])) i++;
        size_t e = i;
        while (e < n && !space(s[e])) e++;
        if (e > i + 1 && (s[e - 1] == 'w' || s[e - 1] == 'W')) {
            long v = strtol(s + i, NULL, 10);
            if (v > 0) return v;
        } else if (e > i + 1 && (s[e - 1] == 'x' || s[e - 1] == 'X')) {
            double v = strtod(s + i, NULL);
            if (v > 0) *x = v;
        }
        i = e;
    }
    return 0;
}

const char *wn_himage_srcset_best(const char *srcset, size_t *len)
{
    const char *best = NULL;
    long best_w = -1;
    double best_x = 0;
    const char *p = srcset;
    while (p && *p) {
        while (space(*p) || *p == ',') p++;
        if (!*p) break;
        /* The URL runs to whitespace; commas it ends with separate candidates (the
         * HTML srcset parser), commas inside it are its own ("f_auto,w_800"). */
        const char *u = p;
        while (*p && !space(*p)) p++;
        size_t ul = (size_t)(p - u);
        int ended = 0;
        while (ul && u[ul - 1] == ',') {
            ul--;
            ended = 1;
        }
        const char *d = p, *de = p;
        if (!ended) { /* descriptors up to the next comma outside parentheses */
            int depth = 0;
            while (*de && (depth > 0 || *de != ',')) {
                if (*de == '(') depth++;
                else if (*de == ')' && depth > 0) depth--;
                de++;
            }
            p = de;
        }
        double x;
        long wv = descriptor(d, (size_t)(de - d), &x);
        if (!ul || strncasecmp(u, "data:", 5) == 0) continue;
        /* Widths beat densities (a srcset mixing them is invalid anyway). */
        if (wv > best_w || (wv == 0 && best_w <= 0 && x > best_x)) {
            best = u;
            *len = ul;
            best_w = wv;
            best_x = x;
        }
    }
    return best;
}

/* The absolute http(s) URL src names against base (in d's arena), or NULL. */
static const char *web_url(doc *d, const char *base, const char *src, size_t n)
{
    char tmp[CANDIDATE_MAX + 1];
    if (!n || n > CANDIDATE_MAX) return NULL;
    memcpy(tmp, src, n);
    tmp[n] = '\0';
    const char *u = wn_hurl_resolve(d, base, tmp);
    if (!u || (strncasecmp(u, "http://", 7) != 0 && strncasecmp(u, "https://", 8) != 0))
        return NULL;
    return u;
}

static const char *from_srcset(doc *d, const char *base, const char *srcset)
{
    size_t n = 0;
    const char *s = srcset ? wn_himage_srcset_best(srcset, &n) : NULL;
    return s ? web_url(d, base, s, n) : NULL;
}

/* The first of a lazy loader's attributes that holds a real address. */
static const char *lazy_source(const xmlNode *img, doc *d, const char *base)
{
    static const char *const attrs[] = {"data-src", "data-lazy-src", "data-original",
                                        "data-lazy", "data-url"};
    for (size_t k = 0; k < sizeof attrs / sizeof *attrs; k++) {
        const char *v = wn_hdom_attr(img, attrs[k]);
        if (v && !wn_himage_placeholder(v)) {
            const char *u = web_url(d, base, v, strlen(v));
            if (u) return u;
        }
    }
    const char *u = from_srcset(d, base, wn_hdom_attr(img, "data-srcset"));
    if (!u) u = from_srcset(d, base, wn_hdom_attr(img, "data-lazy-srcset"));
    if (!u) u = from_srcset(d, base, wn_hdom_attr(img, "srcset"));
    return u;
}

/* The element after n in a pre-order walk of root's subtree, or NULL at its end.
 * (libxml2's HTML parser does not know <source> is empty: the <img> after it, and the
 * next <source>, end up inside it.) */
static const xmlNode *next_in(const xmlNode *root, const xmlNode *n)
{
    if (n->children) return n->children;
    while (n != root && !n->next) n = n->parent;
    return n == root ? NULL : n->next;
}

const xmlNode *wn_himage_picture_img(const xmlNode *picture)
{
    int budget = 64; /* a <picture> holds a few sources and one image */
    for (const xmlNode *c = next_in(picture, picture); c && budget-- > 0; c = next_in(picture, c))
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "img") == 0) return c;
    return NULL;
}

/* The address img shows, before the icon test. */
static const char *source(const xmlNode *img, const xmlNode *picture, doc *d,
                          const char *base)
{
    const char *src = wn_hdom_attr(img, "src");
    if (src && !wn_himage_placeholder(src)) return web_url(d, base, src, strlen(src));
    const char *u = lazy_source(img, d, base);
    /* A <picture>'s <source srcset>s, when its <img> has nothing better. */
    int budget = 64;
    for (const xmlNode *c = picture ? next_in(picture, picture) : NULL; c && !u && budget-- > 0;
         c = next_in(picture, c))
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "source") == 0)
            u = from_srcset(d, base, wn_hdom_attr(c, "srcset"));
    return u;
}

const char *wn_himage_url(const xmlNode *img, const xmlNode *picture, doc *d,
                          const char *base)
{
    if (not_content(img)) return NULL;
    const char *u = source(img, picture, d, base);
    return u && !icon_path(u) ? u : NULL;
}
