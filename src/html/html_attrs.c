/* html_attrs.c -- caps the attributes of each start tag before libxml2 sees the page,
 * and drops the ones whose names it cannot read (unreadable_name).
 *
 * libxml2 checks every new attribute of a tag against all the earlier ones and appends
 * each to the end of a linked list: a tag with 300,000 attributes takes minutes.  This
 * pass finds start tags with more than HTML_MAX_ATTRS attributes and rewrites only
 * them, keeping the first HTML_MAX_ATTRS plus the first occurrence of each attribute
 * winnow reads (class, id, role, href ...).  No text is lost: the dropped attributes
 * are ones libxml2 would have built but nothing downstream looks at.
 *
 * The scan is a small tokenizer in the spirit of the HTML one (comments, <!...>, <?...>,
 * raw-text elements such as <script>, quoted values that may hold '>'); where it
 * misreads a page the only effect is a tag left as it was.  A page without such a tag
 * is not copied. */
#include <string.h>
#include <strings.h>
#include "html/html_dom.h"

/* The attributes winnow's stages and rules read: always kept, once. */
static const char *const kept_names[] = {
    "alt", "aria-hidden", "aria-label", "charset", "class", "colspan", "content",
    "datetime", "hidden", "href", "http-equiv", "id", "itemprop", "itemscope",
    "itemtype", "lang", "name", "popover", "property", "rel", "role", "rowspan", "src",
    "start", "style", "title", "type",
};
#define N_KEPT (sizeof kept_names / sizeof *kept_names)

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_alpha(unsigned char c) { return (unsigned char)((c | 0x20) - 'a') < 26; }

/* Index in kept_names of the name s[0..n), or -1. */
static int kept_index(const char *s, size_t n)
{
    for (size_t k = 0; k < N_KEPT; k++)
        if (strlen(kept_names[k]) == n && strncasecmp(kept_names[k], s, n) == 0) return (int)k;
    return -1;
}

/* One attribute of a start tag: [start, end) with the name [start, name_end). */
typedef struct {
    size_t start, name_end, end;
} attr_span;

/* Reads the attribute at s[i] (a non-blank byte that is not '>' and does not start
 * "/>"); fills a and returns the index after it. */
static size_t read_attr(const char *s, size_t len, size_t i, attr_span *a)
{
    a->start = i;
    while (i < len && !is_blank((unsigned char)s[i]) && s[i] != '>' && s[i] != '=' &&
           !(s[i] == '/' && i + 1 < len && s[i + 1] == '>'))
        i++;
    if (i == a->start) i++; /* a stray '=' or '/': one byte of bogus attribute */
    a->name_end = i;
    size_t j = i;
    while (j < len && is_blank((unsigned char)s[j])) j++;
    if (j < len && s[j] == '=') {
        j++;
        while (j < len && is_blank((unsigned char)s[j])) j++;
        if (j < len && (s[j] == '"' || s[j] == '\'')) {
            const char *q = memchr(s + j + 1, s[j], len - j - 1);
            i = q ? (size_t)(q - s) + 1 : len;
        } else {
            i = j;
            while (i < len && !is_blank((unsigned char)s[i]) && s[i] != '>') i++;
        }
    }
    a->end = i;
    return i;
}

/* A name libxml2's HTML parser cannot read: it starts with an ASCII byte that is not a
 * letter, '_' or ':' -- a script framework's "@click", "(click)", "[value]", "#ref" --
 * or holds a quote or '<'.  The parser skips such a name byte by byte, value included,
 * and a '>' in the value (an arrow function's "() =>") ends the tag there: the rest of
 * the value became page text (an Alpine.js menu put 44 kB of its data before a story,
 * wcxb-dev-article .9453 -> .9468).  Nothing downstream reads these attributes. */
static int unreadable_name(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80 && !is_alpha(c) && c != '_' && c != ':') return 1;
    for (size_t k = 1; k < n; k++)
        if (s[k] == '"' || s[k] == '\'' || s[k] == '<') return 1;
    return 0;
}

/* Walks the attributes of the start tag whose name ends at s[i].  When out is NULL it
 * only counts them (stopping past HTML_MAX_ATTRS) and sets *unreadable when one has an
 * unreadable name; otherwise it appends the kept ones, each after one space.  Returns
 * the index of the tag's closing '>' (or "/>", or len) and the attribute count in
 * *count. */
static size_t walk_attrs(const char *s, size_t len, size_t i, buf *out, size_t *count,
                         int *unreadable)
{
    size_t n = 0;
    uint32_t seen = 0; /* kept_names already copied */
    for (;;) {
        while (i < len && is_blank((unsigned char)s[i])) i++;
        if (i >= len || s[i] == '>' || (s[i] == '/' && i + 1 < len && s[i + 1] == '>'))
            break;
        attr_span a;
        i = read_attr(s, len, i, &a);
        n++;
        int bad = unreadable_name(s + a.start, a.name_end - a.start);
        if (!out) {
            if (bad) *unreadable = 1;
            if (n > HTML_MAX_ATTRS) break;
            continue;
        }
        int k = kept_index(s + a.start, a.name_end - a.start);
        int keep = !bad && (n <= HTML_MAX_ATTRS || (k >= 0 && !(seen & (1u << k))));
        if (k >= 0) seen |= 1u << k;
        if (keep) {
            wn_buf_putc(out, ' ');
            wn_buf_append(out, s + a.start, a.end - a.start);
        }
    }
    *count = n;
    return i;
}

/* Elements whose content the HTML tokenizer reads as raw text up to their end tag. */
static size_t raw_text_end(const char *s, size_t len, size_t name, size_t name_len,
                           size_t from)
{
    static const char *const raw[] = {"iframe", "noembed", "noframes", "script", "style",
                                       "textarea", "title", "xmp"};
    for (size_t k = 0; k < sizeof raw / sizeof *raw; k++) {
        if (strlen(raw[k]) != name_len || strncasecmp(raw[k], s + name, name_len) != 0)
            continue;
        for (size_t i = from; i + 2 + name_len <= len;) {
            const char *lt = memchr(s + i, '<', len - i);
            if (!lt) return len;
            i = (size_t)(lt - s) + 1;
            if (i < len && s[i] == '/' && i + 1 + name_len <= len &&
                strncasecmp(s + i + 1, raw[k], name_len) == 0)
                return i - 1;
        }
        return len;
    }
    return from;
}

/* Index after the markup that starts at s[i] == '<' when it is not a start tag
 * (comment, declaration, processing instruction, end tag), or i when it is one. */
static size_t skip_other(const char *s, size_t len, size_t i)
{
    if (i + 1 >= len) return len;
    char c = s[i + 1];
    if (c == '!' && i + 3 < len && s[i + 2] == '-' && s[i + 3] == '-') {
        for (size_t j = i + 4; j + 2 < len; j++) {
            const char *d = memchr(s + j, '-', len - j);
            if (!d || (size_t)(d - s) + 2 >= len) return len;
            j = (size_t)(d - s);
            if (s[j + 1] == '-' && s[j + 2] == '>') return j + 3;
        }
        return len;
    }
    if (c == '!' || c == '?' || c == '/') {
        const char *gt = memchr(s + i + 1, '>', len - i - 1);
        return gt ? (size_t)(gt - s) + 1 : len;
    }
    return i;
}

int wn_hattrs_cap(const char *s, size_t len, buf *out)
{
    size_t i = 0, copied = 0; /* s[0..copied) is in out once rewriting started */
    int rewriting = 0;
    while (i < len) {
        const char *lt = memchr(s + i, '<', len - i);
        if (!lt) break;
        i = (size_t)(lt - s);
        size_t next = skip_other(s, len, i);
        if (next != i) {
            i = next;
            continue;
        }
        if (i + 1 >= len || !is_alpha((unsigned char)s[i + 1])) {
            i++;
            continue;
        }
        size_t name = i + 1, e = name;
        while (e < len && !is_blank((unsigned char)s[e]) && s[e] != '>' && s[e] != '/') e++;
        size_t n;
        int unreadable = 0;
        size_t end = walk_attrs(s, len, e, NULL, &n, &unreadable);
        if (n > HTML_MAX_ATTRS || unreadable) {
            if (!rewriting) wn_buf_init(out, 0);
            rewriting = 1;
            wn_buf_append(out, s + copied, e - copied);
            end = walk_attrs(s, len, e, out, &n, &unreadable);
            copied = end;
            if (out->failed) return -1;
        }
        i = raw_text_end(s, len, name, e - name, end);
    }
    if (!rewriting) return 0;
    wn_buf_append(out, s + copied, len - copied);
    return out->failed ? -1 : 1;
}
