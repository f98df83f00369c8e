/* html.c -- the HTML path: libxml2 parse, then one block per block-level element's
 * text.  (Baseline: no pruning or scoring yet; every block is kept.) */
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>
#include <strings.h>
#include "internal.h"

static int is_skipped(const xmlNode *n)
{
    static const char *skip[] = {"script", "style", "noscript", "template", "svg",
                                 "iframe", "head", "select", "button", "textarea", NULL};
    for (const char **s = skip; *s; s++)
        if (strcasecmp((const char *)n->name, *s) == 0) return 1;
    return 0;
}

static int is_block(const xmlNode *n)
{
    static const char *blk[] = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6",
                                "blockquote", "pre", "tr", "section", "article", "ul", "ol",
                                "table", "header", "footer", "nav", "aside", "main", "br",
                                "figcaption", "figure", "dd", "dt", "dl", "form", NULL};
    for (const char **s = blk; *s; s++)
        if (strcasecmp((const char *)n->name, *s) == 0) return 1;
    return 0;
}

static void flush(doc *d, buf *cur)
{
    if (!cur->len) return;
    size_t l = text_collapse_ws(cur->data, cur->len);
    if (l) {
        block *b = doc_add(d, BK_PARA, cur->data, l);
        if (b) {
            b->dec = DEC_KEEP;
            b->reason = "baseline";
        }
    }
    cur->len = 0;
}

static void walk(xmlNode *n, doc *d, buf *cur, int depth)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content) buf_puts(cur, (const char *)n->content);
        } else if (n->type == XML_ELEMENT_NODE && !is_skipped(n) && depth < 256) {
            int blk = is_block(n);
            if (blk) flush(d, cur);
            walk(n->children, d, cur, depth + 1);
            if (blk) flush(d, cur);
        }
    }
}

static xmlNode *find(xmlNode *n, const char *name)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        if (strcasecmp((const char *)n->name, name) == 0) return n;
        xmlNode *r = find(n->children, name);
        if (r) return r;
    }
    return NULL;
}

int html_extract(const char *s, size_t len, rule_matcher *m, doc *d, char *err, size_t errlen)
{
    (void)m;
    if (len > INT32_MAX) {
        strncpy(err, "page too large for the HTML parser", errlen);
        return -1;
    }
    htmlDocPtr x = htmlReadMemory(s, (int)len, NULL, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                      HTML_PARSE_NOWARNING | HTML_PARSE_NOBLANKS);
    if (!x) {
        strncpy(err, "the HTML parser gave up on this page", errlen);
        return -1;
    }
    xmlNode *root = xmlDocGetRootElement(x);
    xmlNode *t = root ? find(root, "title") : NULL;
    if (t) {
        xmlChar *c = xmlNodeGetContent(t);
        if (c) {
            char *tt = arena_strndup(&d->mem, (const char *)c, strlen((const char *)c));
            if (tt) {
                size_t l = text_collapse_ws(tt, strlen(tt));
                tt[l] = '\0';
                if (l) d->title = tt;
            }
            xmlFree(c);
        }
    }
    buf cur;
    buf_init(&cur, 0);
    if (root) walk(root, d, &cur, 0);
    flush(d, &cur);
    buf_free(&cur);
    xmlFreeDoc(x);
    return d->failed ? -1 : 0;
}
