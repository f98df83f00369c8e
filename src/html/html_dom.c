/* html_dom.c -- parse and prune: libxml2 builds the tree (tags ignored after
 * HTML_MAX_PARSE nodes), one iterative walk numbers the elements (unwrapping those past
 * the depth or node limit) and records their tag class, flags and own text; a reverse sweep sums subtree text (before pruning, for the prose
 * guard); attribute rules and hidden markers flag the elements with text; a forward
 * sweep applies pruning under the prose guard, and a second reverse sweep sums the
 * statistics the scorer needs.  Every pass is linear; no recursion, so a 100,000-deep
 * page cannot overflow the stack.
 *
 * Attribute rule subject (rules with @attr see exactly this, one line):
 *     tag=NAME class=VALUE id=VALUE role=VALUE itemprop=VALUE aria-label=VALUE
 * with only the attributes present, values as written (whitespace squeezed, truncated
 * to 200 bytes).  Rules are matched only on elements that hold text and have one of
 * these attributes or are nav / aside / footer / header; verdicts are cached per
 * subject for the page. */
#include "html/html_dom.h"
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PROSE_GUARD 0.6 /* never prune an element holding this share of the page's text */
#define PROSE_SHARE 0.4 /* ... or this share of its paragraph prose ("sidebar-content" is
                           the column next to the sidebar on many themes) */
#define STR_(x) #x
#define XSTR(x) STR_(x)
static const char why_nodes[] = "more than " XSTR(HTML_MAX_NODES) " elements",
                  why_parse[] = "more than " XSTR(HTML_MAX_PARSE) " nodes";

#define PAGER_TEXT 1000 /* bytes of text above which a "pager" is the paginated content */
#define CELL_VALUE 24 /* bytes of a cell's only text that a class rule spares (see cell_value) */
#define HINT_SHARE 0.15  /* an article-body hint this big protects its ancestors */

typedef struct {
    const char *name;
    uint8_t tag;
} tag_entry;

/* Sorted by name for bsearch. */
static const tag_entry tags[] = {
    {"a", TG_A}, {"abbr", TG_INLINE}, {"address", TG_BLOCK}, {"applet", TG_SKIP},
    {"article", TG_ARTICLE}, {"aside", TG_ASIDE}, {"audio", TG_SKIP}, {"b", TG_INLINE},
    {"bdi", TG_INLINE}, {"bdo", TG_INLINE}, {"big", TG_INLINE},
    {"blockquote", TG_BLOCKQUOTE}, {"body", TG_BODY}, {"br", TG_BR},
    {"button", TG_CONTROL}, {"canvas", TG_SKIP}, {"caption", TG_BLOCK},
    {"center", TG_BLOCK}, {"cite", TG_INLINE}, {"code", TG_INLINE}, {"data", TG_INLINE},
    {"datalist", TG_CONTROL}, {"dd", TG_DD}, {"details", TG_BLOCK}, {"dfn", TG_INLINE},
    {"dialog", TG_BLOCK}, {"div", TG_DIV}, {"dl", TG_DL}, {"dt", TG_DT},
    {"em", TG_INLINE}, {"embed", TG_SKIP}, {"fieldset", TG_BLOCK},
    {"figcaption", TG_FIGCAPTION}, {"figure", TG_FIGURE}, {"font", TG_INLINE},
    {"footer", TG_FOOTER}, {"form", TG_FORM}, {"frameset", TG_SKIP}, {"h1", TG_H1},
    {"h2", TG_H2}, {"h3", TG_H3}, {"h4", TG_H4}, {"h5", TG_H5}, {"h6", TG_H6},
    {"head", TG_SKIP}, {"header", TG_HEADER}, {"hgroup", TG_BLOCK}, {"hr", TG_HR},
    {"html", TG_BODY}, {"i", TG_INLINE}, {"iframe", TG_SKIP}, {"img", TG_INLINE},
    {"input", TG_SKIP}, {"kbd", TG_INLINE}, {"label", TG_INLINE}, {"legend", TG_BLOCK},
    {"li", TG_LI}, {"main", TG_MAIN}, {"map", TG_SKIP}, {"mark", TG_INLINE},
    {"math", TG_SKIP}, {"menu", TG_BLOCK}, {"meter", TG_SKIP}, {"nav", TG_NAV},
    {"noembed", TG_SKIP}, {"noframes", TG_SKIP}, {"noscript", TG_SKIP},
    {"object", TG_SKIP}, {"ol", TG_OL}, {"optgroup", TG_CONTROL},
    {"option", TG_CONTROL}, {"p", TG_P}, {"picture", TG_SKIP}, {"pre", TG_PRE},
    {"progress", TG_SKIP}, {"q", TG_INLINE}, {"s", TG_INLINE}, {"samp", TG_INLINE},
    {"script", TG_SKIP}, {"section", TG_SECTION}, {"select", TG_CONTROL},
    {"small", TG_INLINE}, {"span", TG_INLINE}, {"strike", TG_INLINE},
    {"strong", TG_INLINE}, {"style", TG_SKIP}, {"sub", TG_INLINE},
    {"summary", TG_BLOCK}, {"sup", TG_INLINE}, {"svg", TG_SKIP}, {"table", TG_TABLE},
    {"tbody", TG_BLOCK}, {"td", TG_TD}, {"template", TG_SKIP}, {"textarea", TG_CONTROL},
    {"tfoot", TG_BLOCK}, {"th", TG_TH}, {"thead", TG_BLOCK}, {"time", TG_INLINE},
    {"title", TG_SKIP}, {"tr", TG_TR}, {"tt", TG_INLINE}, {"u", TG_INLINE},
    {"ul", TG_UL}, {"var", TG_INLINE}, {"video", TG_SKIP}, {"wbr", TG_INLINE},
};

static int tag_cmp(const void *k, const void *e)
{
    return strcmp((const char *)k, ((const tag_entry *)e)->name);
}

static uint8_t tag_of(const xmlNode *n)
{
    const tag_entry *e = bsearch(n->name, tags, sizeof tags / sizeof *tags, sizeof *tags,
                                 tag_cmp);
    return e ? e->tag : TG_OTHER;
}

static int is_block_tag(uint8_t t)
{
    switch (t) {
    case TG_OTHER: case TG_A: case TG_BR: case TG_TD: case TG_TH: case TG_CELLISH:
    case TG_SKIP: case TG_INLINE: case TG_CONTROL:
        return 0;
    default:
        return 1;
    }
}

const char *wn_hdom_attr(const xmlNode *n, const char *name)
{
    /* Called for most elements by several passes: strcasecmp only where the first
     * letters may agree (a case pair differs in bit 0x20 alone). */
    unsigned char first = (unsigned char)name[0] | 0x20;
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && (a->name[0] | 0x20) == first &&
            strcasecmp((const char *)a->name, name) == 0)
            return wn_hdom_attr_value(a);
    return NULL;
}

const char *wn_hdom_input_type(const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "input") != 0) return NULL;
    const char *type = wn_hdom_attr(n, "type");
    return type ? type : "";
}

/* What ends a class name in a class attribute: whitespace or the value's end. */
static int class_sep(char c)
{
    return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

int wn_hdom_has_class(const char *cls, const char *const *names)
{
    for (; cls && *names; names++) {
        size_t n = strlen(*names);
        for (const char *p = strstr(cls, *names); p; p = strstr(p + 1, *names))
            if ((p == cls || class_sep(p[-1])) && class_sep(p[n])) return 1;
    }
    return 0;
}

size_t wn_hdom_text_len(const char *s, uint32_t *punct)
{
    size_t n = 0;
    int ws = 1;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
            ws = 1;
            continue;
        }
        if (ws && n) n++; /* the squeezed space */
        ws = 0;
        n++;
        if (c == ',' || ((c == '.' || c == '!' || c == '?') &&
                         (p[1] == ' ' || p[1] == '\n' || p[1] == 0)))
            (*punct)++;
        else if (c == 0xE3 && p[1] == 0x80 && (p[2] == 0x82 || p[2] == 0x81))
            (*punct)++; /* CJK full stop and comma */
    }
    return n;
}

/* Reasons for elements the page itself hides (compared by address).  An element with
 * the popover attribute is out of the page until a script or a button shows it
 * (Invision's "install this app" card, menus drawn as popovers); a modal dialog is
 * pruned whatever its size (platform_container). */
static const char why_aria[] = "aria-hidden", why_hidden[] = "hidden",
                  why_style[] = "display:none", why_popover[] = "popover",
                  why_modal[] = "aria-modal", why_sign_in[] = "sign-in form";

static int page_hidden(const char *why)
{
    return why == why_aria || why == why_hidden || why == why_style || why == why_popover;
}

int wn_hdom_page_hidden(const hdom *h, int i) { return page_hidden(h->why[i]); }

int wn_hdom_pruned_top(const hdom *h, int i, const char *category)
{
    const rule_info *r = h->rule[i];
    int p = h->parent[i];
    return (h->flags[i] & NF_PRUNE) && (h->flags[i] & NF_REMOVED) && r && r->category &&
           strcmp(r->category, category) == 0 && !(p >= 0 && (h->flags[p] & NF_REMOVED));
}

static int dialog_element(const xmlNode *n, const char *role)
{
    return strcasecmp((const char *)n->name, "dialog") == 0 ||
           (role && (strcasecmp(role, "dialog") == 0 || strcasecmp(role, "alertdialog") == 0));
}

/* A comment or consent platform's container (rules comment-platform and
 * consent-platform) or a modal dialog: pruned whatever its size. */
static int platform_container(const char *why)
{
    return why && (why == why_modal || strcmp(why, "comment-platform") == 0 ||
                   strcmp(why, "consent-platform") == 0);
}

/* A shop's struck-out and sale prices (<del>, <ins>) are aria-hidden because a
 * screen-reader line spells them out ("Current price is: $21.00"): the page shows
 * them all the same (WooCommerce). */
static int shown_price_edit(const xmlNode *n)
{
    const char *t = (const char *)n->name;
    return strcasecmp(t, "del") == 0 || strcasecmp(t, "ins") == 0;
}

/* A forum post's signature (rule forum-signature): never the post, however much prose
 * it holds -- a moderator's signature under each reply of a short thread holds more
 * than the thread's posts -- so the prose guard does not spare it; the guard on the
 * page's text still does (a signature left open swallows the page).  Likewise a
 * thread's machine-written summary (forum-summary). */
static int signature(const char *why)
{
    return why && (strcmp(why, "forum-signature") == 0 || strcmp(why, "forum-summary") == 0);
}

/* Whether an inline style hides the element (display:none / visibility:hidden). */
static int style_hidden(const char *st)
{
    char t[256];
    size_t k = 0;
    for (; *st && k + 1 < sizeof t; st++)
        if (*st != ' ' && *st != '\t' && *st != '\n') t[k++] = (char)(*st | 0x20);
    t[k] = '\0';
    return strstr(t, "display:none") || strstr(t, "visibility:hidden");
}

static void put_attr(buf *b, const char *key, const char *val)
{
    if (!val) return;
    wn_buf_putc(b, ' ');
    wn_buf_puts(b, key);
    wn_buf_putc(b, '=');
    size_t start = b->len;
    size_t n = strnlen(val, 201);
    /* Rules see valid UTF-8 only: a long value is cut on a character boundary. */
    wn_buf_append(b, val, n > 200 ? utf8_boundary(val, 200) : n);
    if (!b->failed) b->len = start + wn_text_collapse_ws(b->data + start, b->len - start);
}

/* A class value without Tailwind's arbitrary values ("top-[var(--nav-height)]",
 * "bg-[rgb(0,0,0)]", "[&>p]:mt-2"): CSS written into a class name, whose variable and
 * function names ("--nav-height") are no words of the page's furniture.  Cut to the
 * 200 bytes put_attr() shows. */
static const char *class_words(const char *val, char *out, size_t cap)
{
    if (!val || !strchr(val, '[')) return val;
    size_t n = 0;
    int depth = 0;
    for (const char *c = val; *c && n + 1 < cap; c++) {
        if (*c == '[') depth++;
        else if (*c == ']' && depth) depth--;
        else if (!depth) out[n++] = *c;
    }
    out[n] = '\0';
    return out;
}

/* Pages repeat the same class strings hundreds of times (menu items, cards), so the
 * attr-rule verdict is cached per subject for the page. */
#define CACHE_SLOTS 4096
typedef struct verdict {
    uint64_t hash;
    char *subj;        /* malloc'd copy, NULL = empty slot */
    rule_action act;
    const rule_info *info;
} verdict;

static rule_action match_cached(verdict *cache, int *used, rule_matcher *m, const buf *subj,
                                const rule_info **info)
{
    uint64_t hv = 1469598103934665603ULL;
    for (size_t k = 0; k < subj->len; k++) hv = (hv ^ (unsigned char)subj->data[k]) * 1099511628211ULL;
    size_t j = hv & (CACHE_SLOTS - 1);
    for (; cache && cache[j].subj; j = (j + 1) & (CACHE_SLOTS - 1))
        if (cache[j].hash == hv && strcmp(cache[j].subj, subj->data) == 0) {
            *info = cache[j].info;
            return cache[j].act;
        }
    *info = NULL;
    rule_action a = wn_rules_match(m, RT_ATTR, subj->data, subj->len, info);
    if (cache && *used < CACHE_SLOTS / 2 && (cache[j].subj = strdup(subj->data)) != NULL) {
        cache[j].hash = hv;
        cache[j].act = a;
        cache[j].info = *info;
        (*used)++;
    }
    return a;
}

/* Whether element i is a heading or inside one, within two levels. */
static int in_heading(const hdom *h, int i)
{
    for (int up = 0; up < 3 && i >= 0; up++, i = h->parent[i])
        if (h->tag[i] >= TG_H1 && h->tag[i] <= TG_H6) return 1;
    return 0;
}

/* Looks at one element's attributes: hidden markers, then the attr rules. */
static void judge(hdom *h, int i, rule_matcher *m, buf *subj)
{
    const xmlNode *n = h->node[i];
    uint8_t t = h->tag[i];
    const char *cls = NULL, *id = NULL, *role = NULL, *prop = NULL, *label = NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        const char *an = (const char *)a->name;
        const char *v = wn_hdom_attr_value(a);
        switch (an[0] | 0x20) {
        case 'a':
            if (strcasecmp(an, "aria-hidden") == 0 && strcasecmp(v, "true") == 0) {
                /* A closed modal is both hidden and modal: modal wins, whatever the
                 * order of its attributes (pruned however long, platform_container). */
                if (!shown_price_edit(n) && h->why[i] != why_modal) h->why[i] = why_aria;
            } else if (strcasecmp(an, "aria-modal") == 0 && strcasecmp(v, "true") == 0) {
                /* A modal dialog lies over the page (a privacy policy a footer link
                 * opens): never the page, however long. */
                h->why[i] = why_modal;
            } else if (strcasecmp(an, "aria-label") == 0) {
                label = v;
            }
            break;
        case 'c': if (strcasecmp(an, "class") == 0) cls = v; break;
        case 'h': if (strcasecmp(an, "hidden") == 0) h->why[i] = why_hidden; break;
        case 'i':
            if (strcasecmp(an, "id") == 0) id = v;
            else if (strcasecmp(an, "itemprop") == 0) prop = v;
            break;
        case 'p': if (strcasecmp(an, "popover") == 0) h->why[i] = why_popover; break;
        case 'r': if (strcasecmp(an, "role") == 0) role = v; break;
        case 's':
            if (strcasecmp(an, "style") == 0 && style_hidden(v)) h->why[i] = why_style;
            break;
        default: break;
        }
    }
    /* A heading's anchor named after its words ("h-what-is-social-shopping") is no
     * furniture's class (html_slug.c). */
    if (id && in_heading(h, i)) {
        xmlChar *words = xmlNodeGetContent(n);
        if (wn_hdom_id_is_slug(id, (const char *)words)) id = NULL;
        xmlFree(words);
    }
    /* React streaming parks server-rendered chunks in <div hidden id="S:0"> until a
     * script moves them into place: that is the page, not hidden junk. */
    if (h->why[i] == why_hidden && id && id[0] == 'S' && id[1] == ':') h->why[i] = NULL;
    /* A dialog the page hides until a click opens it (a cookie banner's settings, a
     * sign-in box) lies over the page when shown, like a modal: pruned whatever its
     * size, where the prose guard would keep a long settings centre. */
    if (page_hidden(h->why[i]) && dialog_element(n, role)) h->why[i] = why_modal;
    if (h->why[i]) {
        h->flags[i] |= NF_PRUNE;
        return;
    }
    if ((role && strcasecmp(role, "main") == 0) ||
        (prop && strcasecmp(prop, "articleBody") == 0))
        h->flags[i] |= NF_SEMANTIC;
    /* Inside code the classes are a highlighter's tokens ("token comment", "hljs-
     * meta"), not the page's furniture: no attribute rule reads them. */
    if ((h->flags[i] & NF_IN_PRE) && t != TG_PRE) return;
    if (!cls && !id && !role && !prop && !label && t != TG_NAV && t != TG_ASIDE &&
        t != TG_FOOTER && t != TG_HEADER && strcmp((const char *)n->name, "menu") != 0 &&
        strcmp((const char *)n->name, "dialog") != 0)
        return;
    subj->len = 0;
    wn_buf_puts(subj, "tag=");
    wn_buf_puts(subj, (const char *)n->name);
    char words[256];
    put_attr(subj, "class", class_words(cls, words, sizeof words));
    put_attr(subj, "id", id);
    put_attr(subj, "role", role);
    put_attr(subj, "itemprop", prop);
    put_attr(subj, "aria-label", label);
    if (subj->failed) return;
    const rule_info *info = NULL;
    rule_action a = match_cached(h->cache, &h->cache_used, m, subj, &info);
    if (a == RA_KEEP) {
        h->flags[i] |= NF_KEEP;
    } else if (a != RA_NONE) {
        h->flags[i] |= NF_PRUNE;
        h->why[i] = info ? info->name : NULL;
        h->rule[i] = info;
    }
}

static int grow(hdom *h)
{
    int cap = h->cap ? h->cap * 2 : 1024;
    if (cap > HTML_MAX_NODES) cap = HTML_MAX_NODES;
#define G(f)                                                                    \
    do {                                                                        \
        void *p = realloc(h->f, (size_t)cap * sizeof *h->f);                    \
        if (!p) return -1;                                                      \
        h->f = p;                                                               \
    } while (0)
    G(node); G(parent); G(owner); G(tag); G(flags); G(depth); G(nth); G(own); G(inl); G(raw); G(prose);
    G(text); G(link); G(punct); G(paras); G(score); G(why); G(rule);
#undef G
    h->cap = cap;
    return 0;
}

/* Numbers element n as a child of p and records what it can see locally. */
static int add_node(hdom *h, xmlNode *n, uint8_t t, int p, int nth)
{
    if (h->n == h->cap && grow(h) != 0) return -1;
    int i = h->n++;
    n->_private = (void *)(intptr_t)(i + 1);
    h->node[i] = n;
    h->parent[i] = p;
    h->tag[i] = t;
    h->depth[i] = (uint16_t)(p >= 0 ? h->depth[p] + 1 : 0);
    h->nth[i] = (uint16_t)(nth > 65535 ? 65535 : nth);
    h->why[i] = NULL;
    h->rule[i] = NULL;
    h->score[i] = 0;
    h->prose[i] = h->inl[i] = h->raw[i] = h->text[i] = h->link[i] = h->punct[i] = h->paras[i] = 0;
    uint16_t f = p >= 0 ? h->flags[p] & (NF_LINK | NF_IN_LI | NF_IN_QUOTE | NF_IN_PRE |
                                         NF_IN_TABLE | NF_IN_CAPTION) : 0;
    switch (t) {
    case TG_A: f |= NF_LINK; break;
    case TG_LI: case TG_DD: case TG_DT: f |= NF_IN_LI; break;
    case TG_BLOCKQUOTE: f |= NF_IN_QUOTE; break;
    case TG_PRE: f |= NF_IN_PRE; break;
    case TG_TABLE: f |= NF_IN_TABLE; break;
    case TG_FIGCAPTION: f |= NF_IN_CAPTION; break;
    case TG_ARTICLE: case TG_MAIN: f |= NF_SEMANTIC; break;
    default: break;
    }
    if (is_block_tag(t)) f |= NF_BLOCK;
    h->flags[i] = f;
    h->owner[i] = (f & NF_BLOCK) ? i : p >= 0 ? h->owner[p] : -1;
    if (t == TG_CONTROL) {
        h->flags[i] |= NF_PRUNE;
        h->why[i] = "form control";
    }
    uint32_t own = 0, punct = 0;
    for (xmlNode *c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            own += (uint32_t)wn_hdom_text_len((const char *)c->content, &punct);
    h->own[i] = own;
    h->punct[i] = punct; /* own punctuation for now; summed later */
    return 0;
}

/* Replaces element n, a child of element cur, by its children (text kept, nesting
 * gone).  A block-level element leaves a line break on each side: a <br> while there
 * is room to index one, else a BR_MARK text node.  Returns the node to visit next. */
static xmlNode *unwrap(hdom *h, xmlNode *n, int cur, int is_block)
{
    xmlNode *first = n->children, *last = n->last, *after = n->next;
    for (xmlNode *c = first; c; c = c->next) {
        c->parent = n->parent;
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            h->own[cur] += (uint32_t)wn_hdom_text_len((const char *)c->content, &h->punct[cur]);
    }
    n->children = n->last = NULL;
    if (first) { /* splice the children in after n */
        first->prev = n;
        last->next = after;
        if (after) after->prev = last;
        else n->parent->last = last;
        n->next = first;
    }
    if (!is_block) {
        xmlNode *next = n->next;
        xmlUnlinkNode(n);
        xmlFreeNode(n);
        return next;
    }
    static const char mark[] = {BR_MARK, '\0'};
    int room = h->n + 2 < HTML_MAX_NODES;
    xmlNode *tail = room ? xmlNewDocNode(n->doc, NULL, BAD_CAST "br", NULL)
                         : xmlNewDocText(n->doc, BAD_CAST mark);
    if (tail) xmlAddNextSibling(last ? last : n, tail);
    if (room) {
        xmlFreePropList(n->properties);
        n->properties = NULL;
        xmlNodeSetName(n, BAD_CAST "br");
        return n;
    }
    xmlNode *sep = xmlNewDocText(n->doc, BAD_CAST mark);
    if (sep) xmlAddPrevSibling(n, sep);
    xmlNode *next = n->next;
    xmlUnlinkNode(n);
    xmlFreeNode(n);
    return sep ? sep : next;
}

static int is_structural(uint8_t t)
{
    return is_block_tag(t) || t == TG_TD || t == TG_TH || t == TG_CELLISH;
}

/* Whether element n has a block or cell among its children. */
static int holds_blocks(const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && is_structural(tag_of(c))) return 1;
    return 0;
}

#define NOSCRIPT_FORM_TEXT 200 /* bytes of text a script-less form's copy holds at most */

/* Whether a <noscript> is the script-less copy of a form: a control (a shop tile's
 * variant picker, "Product variants" and its <select>) and a label or two.  The walk
 * stops past NOSCRIPT_FORM_TEXT bytes of text, so it is bounded. */
static int noscript_form(const xmlNode *ns)
{
    size_t text = 0;
    int control = 0;
    const xmlNode *n = ns->children;
    while (n && n != ns) {
        if (n->type == XML_TEXT_NODE && n->content) {
            text += strlen((const char *)n->content);
            if (text > NOSCRIPT_FORM_TEXT) return 0;
        } else if (n->type == XML_ELEMENT_NODE) {
            const char *t = (const char *)n->name;
            if (tag_of(n) == TG_CONTROL || strcmp(t, "input") == 0) control = 1;
            if (n->children) {
                n = n->children;
                continue;
            }
        }
        while (n != ns && !n->next) n = n->parent;
        if (n != ns) n = n->next;
    }
    return control;
}

#define NOSCRIPT_MENU_LINKS 0.9 /* share of a <noscript>'s text in links: a menu's copy */
#define NOSCRIPT_MENU_LABEL 30  /* bytes of text per link at most: a menu's labels */

/* Whether a <noscript> is the script-less copy of a menu: its text is short links (a
 * news site's section menu in a <details>, shown without scripts); a shop's tiles,
 * each wholly a link, hold more text per link.  One walk of the <noscript>, which the
 * numbering walk then skips or enters once. */
static int noscript_menu(const xmlNode *ns)
{
    size_t text = 0, link = 0, links = 0;
    uint32_t punct = 0;
    const xmlNode *n = ns->children;
    int in_link = 0; /* depth inside an <a>, 0 outside */
    while (n && n != ns) {
        if (n->type == XML_TEXT_NODE && n->content) {
            size_t len = wn_hdom_text_len((const char *)n->content, &punct);
            text += len;
            if (in_link) link += len;
        } else if (n->type == XML_ELEMENT_NODE && n->children) {
            if (!in_link && tag_of(n) == TG_A) links++;
            if (in_link || tag_of(n) == TG_A) in_link++;
            n = n->children;
            continue;
        }
        while (n != ns && !n->next) {
            n = n->parent;
            if (in_link && n != ns) in_link--;
        }
        if (n != ns) n = n->next;
    }
    return text > 0 && link >= NOSCRIPT_MENU_LINKS * text &&
           text <= NOSCRIPT_MENU_LABEL * links;
}

/* A <noscript> that holds page content -- a block-level element, as forum software
 * serves its whole thread to readers without scripts -- is read like a <div>; the
 * usual ones hold a tracking pixel, an iframe, a form's or a menu's copy and stay
 * skipped. */
static int noscript_page(const xmlNode *n)
{
    if (strcmp((const char *)n->name, "noscript") != 0) return 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && is_block_tag(tag_of(c)))
            return !noscript_form(n) && !noscript_menu(n);
    return 0;
}

/* Pre-order walk numbering every content element; skipped subtrees are not entered.
 * Elements past the depth limit, or past the node limit, are unwrapped.  At the depth
 * limit a block that holds no blocks (a paragraph, a cell, a list item) is still
 * indexed, one level below: the wrappers above it are what nests deep, and unwrapping
 * the paragraphs too would merge them into one block and move the scorer's choice. */
static int index_tree(hdom *h)
{
    xmlNode *root = h->body;
    int rc = 0;
    if (add_node(h, root, tag_of(root), -1, 1) != 0) rc = -1;
    xmlNode *n = root->children;
    int cur = 0;        /* index of n's parent */
    int nth = 0;        /* element position among siblings */
    while (rc == 0 && n && n != root) {
        int descend = 0;
        if (n->type == XML_ELEMENT_NODE) {
            uint8_t t = tag_of(n);
            if (t == TG_SKIP && noscript_page(n)) t = TG_BLOCK;
            int full = h->n >= HTML_MAX_NODES;
            /* A <br> has no children: it may sit one level below the limit. */
            int deep = t != TG_BR && h->depth[cur] >= HTML_MAX_DEPTH &&
                       !(h->depth[cur] == HTML_MAX_DEPTH && is_structural(t) && !holds_blocks(n));
            if (t != TG_SKIP && (full || deep)) {
                if (full) h->cut = why_nodes;
                n = unwrap(h, n, cur, is_block_tag(t) || t == TG_TD || t == TG_TH);
                if (n) continue;
                /* It was the last child: cur is done, as after the climb below. */
                n = h->node[cur];
                if (n == root) break;
                nth = h->nth[cur];
                cur = h->parent[cur];
            } else {
                nth++;
                /* Scripts are skipped, but a JSON-LD one says what the page is. */
                if (t == TG_SKIP && h->n_ldjson < 16 && n->name[0] == 's' &&
                    strcmp((const char *)n->name, "script") == 0) {
                    const char *ty = wn_hdom_attr(n, "type");
                    if (ty && strcasecmp(ty, "application/ld+json") == 0) h->ldjson[h->n_ldjson++] = n;
                }
                if (t != TG_SKIP) {
                    if (add_node(h, n, t, cur, nth) != 0) {
                        rc = -1;
                        break;
                    }
                    descend = n->children != NULL;
                }
            }
        }
        if (descend) {
            cur = hdom_idx(n);
            nth = 0;
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next) {
            n = n->parent;
            if (n == root) break;
            cur = h->parent[hdom_idx(n)];
            nth = h->nth[hdom_idx(n)];
        }
        if (!n || n == root) break;
        n = n->next;
    }
    return rc;
}

/* Attribute rules and hidden markers, only on elements with text: pruning an empty
 * wrapper, icon or unfilled ad slot changes nothing, and they are most of the
 * elements that carry classes. */
/* Whether a <form> holds a password field: a sign-in box (vBulletin's "User Name /
 * Password / Remember Me?" over every thread, phpBB's in its banner), never the page's
 * text.  A form inside it is left to its own look (forms do not nest in HTML, but the
 * parser may build them so), so each node is read once.  The prose guard still keeps a
 * form that wraps the page (ASP.NET's, around its sign-in box). */
static int sign_in_form(const xmlNode *form)
{
    const xmlNode *n = form->children;
    while (n && n != form) {
        if (n->type == XML_ELEMENT_NODE) {
            const char *type = wn_hdom_input_type(n);
            if (type) {
                if (strcasecmp(type, "password") == 0) return 1;
            } else if (n->children && strcmp((const char *)n->name, "form") != 0) {
                n = n->children;
                continue;
            }
        }
        while (n != form && !n->next) n = n->parent;
        if (n != form) n = n->next;
    }
    return 0;
}

static void judge_all(hdom *h, rule_matcher *m)
{
    buf subj;
    wn_buf_init(&subj, 4096);
    h->cache = calloc(CACHE_SLOTS, sizeof(verdict)); /* NULL: match uncached */
    for (int i = 0; i < h->n; i++) {
        uint8_t t = h->tag[i];
        if (h->raw[i] && (h->node[i]->properties || t == TG_NAV || t == TG_ASIDE ||
                          t == TG_FOOTER || t == TG_HEADER))
            judge(h, i, m, &subj);
        if (t == TG_FORM && h->raw[i] && !(h->flags[i] & NF_PRUNE) && sign_in_form(h->node[i])) {
            h->flags[i] |= NF_PRUNE;
            h->why[i] = why_sign_in;
        }
    }
    wn_buf_free(&subj);
    if (h->cache) {
        for (int k = 0; k < CACHE_SLOTS; k++) free(h->cache[k].subj);
        free(h->cache);
        h->cache = NULL;
    }
}

/* The sweeps after indexing: raw text, the rules, pruning with the prose guard,
 * stats. */
static void prune_and_count(hdom *h);

static void compute(hdom *h, rule_matcher *m)
{
    for (int i = h->n - 1; i >= 0; i--) {
        h->raw[i] += h->own[i];
        if (h->tag[i] == TG_P && h->raw[i] >= 80) h->prose[i] = h->raw[i];
        if (h->parent[i] >= 0) {
            h->raw[h->parent[i]] += h->raw[i];
            h->prose[h->parent[i]] += h->prose[i];
        }
    }
    judge_all(h, m);
    prune_and_count(h);
}

/* Whether element i, which a class rule wants pruned, is the value of a table cell: it
 * holds all of the text of the cell it sits in (within three levels), a few bytes --
 * the "Yes" a comparison table shows as a check-mark icon and spells out only for
 * screen readers (class="sr-only").  A hidden marker (style, hidden, aria-hidden)
 * still hides it. */
static int cell_value(const hdom *h, int i)
{
    if (page_hidden(h->why[i]) || h->raw[i] == 0 || h->raw[i] > CELL_VALUE) return 0;
    int c = h->parent[i];
    for (int k = 0; c >= 0 && k < 3; k++, c = h->parent[c])
        if (h->tag[c] == TG_TD || h->tag[c] == TG_TH) return h->raw[c] == h->raw[i];
    return 0;
}

/* An element the pager rule names that holds far more text than "1 2 3 ... Next":
 * the wrapper of the paginated list itself (a shop's product grid inside
 * class="pagination_pagination__rI_ag"), not its page links. */
static int paginated_content(const hdom *h, int i)
{
    return h->why[i] && strcmp(h->why[i], "pager") == 0 && h->raw[i] > PAGER_TEXT;
}

static int is_heading(const hdom *h, int i)
{
    return i >= 0 && h->tag[i] >= TG_H1 && h->tag[i] <= TG_H6;
}

#define ANCHOR_TEXT 64 /* a heading's own anchor shows a mark or its address, no more */

/* Whether element i is a heading's link to itself -- the permalink a documentation or
 * blog generator puts in each heading ("#", "¶", "🔗", "#section2"): a link within three
 * levels of a heading, to a fragment of the page, beside the heading's words, whose
 * text has no letter or digit or is the fragment's address itself.  Its mark is not
 * part of the heading's words.  A heading that is all a link ("<h3 id=comptime><a
 * href=#comptime>Comptime</a>") keeps it. */
int wn_hdom_heading_anchor(const hdom *h, int i)
{
    if (h->tag[i] != TG_A || h->raw[i] > ANCHOR_TEXT) return 0;
    int p = h->parent[i];
    for (int up = 0; up < 2 && p >= 0 && !is_heading(h, p); up++) p = h->parent[p];
    if (!is_heading(h, p) || h->raw[i] >= h->raw[p]) return 0;
    const char *href = wn_hdom_attr(h->node[i], "href");
    if (!href || href[0] != '#') return 0;
    xmlChar *c = xmlNodeGetContent(h->node[i]);
    if (!c) return 0;
    const char *t = (const char *)c, *e = t + strlen(t);
    while (*t && strchr(" \t\r\n", *t)) t++;
    while (e > t && strchr(" \t\r\n", e[-1])) e--;
    int mark = 1;
    for (const char *q = t; q < e && mark; q++)
        if ((*q | 32) >= 'a' && (*q | 32) <= 'z') mark = 0;
        else if (*q >= '0' && *q <= '9') mark = 0;
    size_t n = (size_t)(e - t);
    int self = n && strlen(href) == n && strncasecmp(t, href, n) == 0;
    xmlFree(c);
    return mark || self;
}

/* Pruning (with the prose guard) and the statistics after it: visible text, links,
 * punctuation, paragraphs.  Runs again after wn_hdom_spare. */
static void prune_and_count(hdom *h)
{
    double guard = PROSE_GUARD * h->raw[0], pguard = PROSE_SHARE * h->prose[0];
    /* A container of the marked article body is not boilerplate, whatever its class
     * says (Blogger wraps posts in class="widget Blog"). */
    double hint = HINT_SHARE * h->raw[0];
    for (int i = h->n - 1; i > 0; i--) {
        if ((h->flags[i] & (NF_KEEP | NF_SEMANTIC)) && h->raw[i] >= hint && h->tag[i] != TG_ARTICLE)
            h->flags[i] |= NF_HOLDS;
        if (h->flags[i] & NF_HOLDS) h->flags[h->parent[i]] |= NF_HOLDS;
    }
    for (int i = 0; i < h->n; i++) {
        int p = h->parent[i];
        if ((p >= 0 && (h->flags[p] & NF_REMOVED)) || wn_hdom_heading_anchor(h, i)) {
            h->flags[i] |= NF_REMOVED;
        } else if ((h->flags[i] & NF_PRUNE) && !cell_value(h, i) && !paginated_content(h, i) &&
                   ((h->raw[i] < guard &&
                     (h->prose[i] < pguard || h->prose[i] < 400 || signature(h->why[i]))) ||
                    platform_container(h->why[i])) &&
                   (!(h->flags[i] & NF_HOLDS) || page_hidden(h->why[i]))) {
            /* An article-body hint inside hidden markup is a metadata copy. */
            h->flags[i] |= NF_REMOVED;
        }
    }
    for (int i = h->n - 1; i >= 0; i--) {
        if (h->flags[i] & NF_REMOVED) {
            h->text[i] = h->link[i] = h->punct[i] = h->paras[i] = h->inl[i] = 0;
            continue;
        }
        h->text[i] += h->own[i];
        h->inl[i] += h->own[i];
        if (h->flags[i] & NF_LINK) h->link[i] += h->own[i];
        if ((h->tag[i] == TG_P || h->tag[i] == TG_PRE || h->tag[i] == TG_BLOCKQUOTE) &&
            h->text[i] >= 80 && h->link[i] * 2 < h->text[i])
            h->paras[i]++;
        int p = h->parent[i];
        if (p >= 0) {
            h->text[p] += h->text[i];
            h->link[p] += h->link[i];
            h->punct[p] += h->punct[i];
            h->paras[p] += h->paras[i];
            if (!(h->flags[i] & NF_BLOCK)) h->inl[p] += h->inl[i];
        }
    }
}

/* libxml2 has no node limit, and its tree costs a few hundred bytes per node: a
 * 64 MB page of <p>a</p> would need gigabytes.  After HTML_MAX_PARSE nodes (elements,
 * text runs, comments) the parser goes on but builds no more elements: their text is
 * appended where the last element left off, a newline standing for each block-level
 * tag, so no text is lost, and the page is reported as cut short.  Ignored start tags
 * are always the innermost open ones, so a depth count pairs their end tags. */
typedef struct {
    startElementSAXFunc start;
    endElementSAXFunc end;
    charactersSAXFunc chars, blanks;
    commentSAXFunc comment;
    processingInstructionSAXFunc pi;
    cdataBlockSAXFunc cdata;
    wn_deadline *dl;
    long count;
    long ignored;  /* open elements whose start tag was ignored */
    int over;      /* the budget ran out */
} cap_state;

static cap_state *cap_of(void *ctx) { return ((htmlParserCtxtPtr)ctx)->_private; }

/* Out of time: the parser stops where it is (the tree so far stays valid), and
 * winnow_extract reports the timeout.  1 when stopped. */
static int late(void *ctx, cap_state *st)
{
    if (!wn_deadline_passed(st->dl)) return 0;
    xmlStopParser(ctx);
    return 1;
}

static int over_budget(cap_state *st)
{
    if (!st->over && ++st->count > HTML_MAX_PARSE) st->over = 1;
    return st->over;
}

static void separate(void *ctx, const xmlChar *name)
{
    cap_state *st = cap_of(ctx);
    const tag_entry *e = bsearch(name, tags, sizeof tags / sizeof *tags, sizeof *tags, tag_cmp);
    uint8_t t = e ? e->tag : TG_OTHER;
    static const char mark[] = {BR_MARK, '\0'};
    if (st->chars && (is_structural(t) || t == TG_BR)) st->chars(ctx, BAD_CAST mark, 1);
}

static void capped_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    cap_state *st = cap_of(ctx);
    if (late(ctx, st)) return;
    if (!over_budget(st)) {
        st->start(ctx, name, atts);
        return;
    }
    st->ignored++;
    separate(ctx, name);
}

static void capped_end(void *ctx, const xmlChar *name)
{
    cap_state *st = cap_of(ctx);
    if (st->ignored == 0) {
        st->end(ctx, name);
        return;
    }
    st->ignored--;
    separate(ctx, name);
}

/* Text past the budget joins the last text node, so it is not counted. */
static void capped_chars(void *ctx, const xmlChar *ch, int len)
{
    cap_state *st = cap_of(ctx);
    if (late(ctx, st)) return;
    if (!st->over) over_budget(st);
    st->chars(ctx, ch, len);
}

static void capped_blanks(void *ctx, const xmlChar *ch, int len)
{
    cap_state *st = cap_of(ctx);
    if (late(ctx, st)) return;
    if (!st->over) over_budget(st);
    st->blanks(ctx, ch, len);
}

/* Comments and processing instructions are never content: past the budget, dropped. */
static void capped_comment(void *ctx, const xmlChar *v)
{
    cap_state *st = cap_of(ctx);
    if (!late(ctx, st) && !over_budget(st)) st->comment(ctx, v);
}

/* Script and style bodies: not counted (they join one node), but they take time. */
static void timed_cdata(void *ctx, const xmlChar *v, int len)
{
    cap_state *st = cap_of(ctx);
    if (!late(ctx, st)) st->cdata(ctx, v, len);
}

static void capped_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
    cap_state *st = cap_of(ctx);
    if (!late(ctx, st) && !over_budget(st)) st->pi(ctx, target, data);
}

/* Parses s[0..len) (UTF-8); *over is set when the node budget ran out.  The parse
 * stops early when dl passes. */
static xmlDocPtr parse_capped(const char *s, int len, wn_deadline *dl, int *over)
{
    htmlParserCtxtPtr c = htmlCreateMemoryParserCtxt(s, len);
    if (!c) return NULL;
    htmlCtxtUseOptions(c, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                              HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
    /* libxml2's own limits (256 levels, 10 MB text nodes) stop the parse and drop the
     * rest of the page; winnow's limits above and in index_tree() keep the text. */
    c->options |= XML_PARSE_HUGE;
    /* The input is UTF-8 already (charset.c): as htmlReadMemory does for an explicit
     * encoding, naming it on the input keeps a <meta charset> from switching. */
    xmlCharEncodingHandlerPtr u8 = xmlFindCharEncodingHandler("UTF-8");
    if (u8) xmlSwitchToEncoding(c, u8);
    if (c->input) {
        if (c->input->encoding) xmlFree((xmlChar *)c->input->encoding);
        c->input->encoding = xmlStrdup((const xmlChar *)"UTF-8");
    }
    xmlSAXHandler *sax = c->sax;
    cap_state st = {sax->startElement, sax->endElement, sax->characters,
                    sax->ignorableWhitespace, sax->comment, sax->processingInstruction,
                    sax->cdataBlock, dl, 0, 0, 0};
    c->_private = &st;
    if (st.start && st.end) {
        sax->startElement = capped_start;
        sax->endElement = capped_end;
    }
    if (st.chars) sax->characters = capped_chars;
    if (st.blanks) sax->ignorableWhitespace = capped_blanks;
    if (st.comment) sax->comment = capped_comment;
    if (st.pi) sax->processingInstruction = capped_pi;
    if (st.cdata) sax->cdataBlock = timed_cdata;
    htmlParseDocument(c);
    xmlDocPtr d = c->myDoc;
    c->myDoc = NULL;
    htmlFreeParserCtxt(c);
    *over = st.over;
    return d;
}

int wn_hdom_build(hdom *h, const char *s, size_t len, rule_matcher *m, wn_deadline *dl,
                  char *err, size_t errlen)
{
    memset(h, 0, sizeof *h);
    h->top = -1;
    buf capped;
    int rc = wn_hattrs_cap(s, len, &capped);
    if (rc < 0) {
        wn_buf_free(&capped);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    if (rc > 0) {
        s = capped.data;
        len = capped.len;
    }
    int over = 0;
    if (len > INT32_MAX) {
        snprintf(err, errlen, "page too large for the HTML parser");
    } else {
        h->xdoc = parse_capped(s, (int)len, dl, &over);
        if (!h->xdoc) snprintf(err, errlen, "the HTML parser gave up on this page");
    }
    if (rc > 0) wn_buf_free(&capped);
    if (!h->xdoc) return -1;
    if (over) h->cut = why_parse;
    xmlNode *root = xmlDocGetRootElement(h->xdoc);
    if (!root) return 0;
    /* The walk starts at <html>, not <body>: a page with markup after </body> or
     * </html> gets it parsed as siblings of body, and that is often the article. */
    h->body = root;
    /* Content after </html> can also come out as a second top-level element: adopt
     * it, so one walk from the root sees everything. */
    for (xmlNode *c = root->next, *next; c; c = next) {
        next = c->next;
        if (c->type != XML_ELEMENT_NODE) continue;
        xmlUnlinkNode(c);
        xmlAddChild(root, c);
    }
    if (index_tree(h) != 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    compute(h, m);
    return 0;
}

void wn_hdom_free(hdom *h)
{
    free(h->node); free(h->parent); free(h->owner); free(h->tag); free(h->flags);
    free(h->depth); free(h->nth); free(h->own); free(h->inl); free(h->raw); free(h->prose); free(h->text); free(h->link);
    free(h->punct); free(h->paras); free(h->score); free(h->why); free(h->rule);
    if (h->xdoc) xmlFreeDoc(h->xdoc);
    memset(h, 0, sizeof *h);
}

/* Flags the first reading sets and a second one must start without. */
#define NF_READING (NF_REMOVED | NF_HOLDS | NF_CHOSEN | NF_INSIDE | NF_SCORED | NF_IN_ART)

int wn_hdom_spare(hdom *h, const char *const *categories)
{
    int spared = 0;
    for (int i = 0; i < h->n; i++) {
        const rule_info *r = h->rule[i];
        if (!r || !r->category || !(h->flags[i] & NF_PRUNE)) continue;
        for (const char *const *c = categories; *c; c++)
            if (strcmp(r->category, *c) == 0) {
                h->flags[i] &= (uint16_t)~NF_PRUNE;
                h->why[i] = NULL;
                h->rule[i] = NULL;
                spared++;
                break;
            }
    }
    return spared;
}

void wn_hdom_reread(hdom *h)
{
    for (int i = 0; i < h->n; i++) {
        h->flags[i] &= (uint16_t)~NF_READING;
        h->text[i] = h->link[i] = h->punct[i] = h->paras[i] = h->inl[i] = 0;
        h->score[i] = 0;
        /* The scorer's removals go with its flags; the rules' stay. */
        if (!(h->flags[i] & NF_PRUNE)) h->why[i] = NULL;
    }
    h->top = -1;
    h->nested_removed = 0;
    prune_and_count(h);
}

/* Whether a class or id value names a panel a click opens: a tab's, an accordion's, a
 * collapsed answer's (words split at anything but letters and digits). */
static int panel_value(const char *v)
{
    static const char *const words[] = {"accordion", "answer", "collapse", "collapsible",
                                        "panel", "tab", "tabcontent", "tabpanel", "tabs", "toggle",
                                        NULL};
    while (v && *v) {
        const char *w = v;
        while ((*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') || (*v >= '0' && *v <= '9'))
            v++;
        for (const char *const *k = words; *k && v > w; k++)
            if ((size_t)(v - w) == strlen(*k) && strncasecmp(w, *k, (size_t)(v - w)) == 0)
                return 1;
        if (*v) v++;
    }
    return 0;
}

/* The element sibling before or after n, or NULL. */
static const xmlNode *element_sibling(const xmlNode *n, int after)
{
    for (n = after ? n->next : n->prev; n; n = after ? n->next : n->prev)
        if (n->type == XML_ELEMENT_NODE) return n;
    return NULL;
}

static int is_button(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, "button") == 0;
}

static int heading_node(const hdom *h, const xmlNode *n)
{
    return is_heading(h, hdom_idx(n));
}

/* Whether a child or a grandchild of n passes test. */
static int below(const hdom *h, const xmlNode *n, int (*test)(const hdom *, const xmlNode *))
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (test(h, c)) return 1;
        for (const xmlNode *g = c->type == XML_ELEMENT_NODE ? c->children : NULL; g; g = g->next)
            if (test(h, g)) return 1;
    }
    return 0;
}

/* Whether n says it opens something: a <button>, aria-expanded, role=button. */
static int opener(const hdom *h, const xmlNode *n)
{
    (void)h; /* the shape below() tests with */
    if (!n || n->type != XML_ELEMENT_NODE) return 0;
    const char *role = wn_hdom_attr(n, "role");
    return is_button(n) || wn_hdom_attr(n, "aria-expanded") ||
           (role && strcasecmp(role, "button") == 0);
}

/* Whether text node content holds a space between words. */
static int words_apart(const xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE && n->content) {
            const char *t = (const char *)n->content;
            while (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r') t++;
            const char *sp = strpbrk(t, " \n\t");
            if (sp && sp[strspn(sp, " \n\t\r")]) return 1;
        } else if (n->type == XML_ELEMENT_NODE && words_apart(n->children)) {
            return 1;
        }
    }
    return 0;
}

/* Whether element n is a disclosure's toggle -- an opener, or a heading holding one
 * as a child or grandchild (WAI-ARIA's accordion: <h3><button>Question</button></h3>)
 * -- labelled by two words or more: a one-word button ("Context", "Share") opens a
 * tooltip or a menu. */
static int toggle(const hdom *h, const xmlNode *n)
{
    int found = opener(h, n) || (is_heading(h, hdom_idx(n)) && below(h, n, opener));
    return found && words_apart(n->children);
}

/* Whether element i is hidden by the page (a hidden marker) or by a class that says so
 * (utility CSS's "hidden", pruned by the chrome-word rule). */
static int hidden_element(const hdom *h, int i)
{
    static const char *const hide[] = {"hidden", NULL};
    return page_hidden(h->why[i]) ||
           (h->rule[i] && wn_hdom_has_class(wn_hdom_attr(h->node[i], "class"), hide));
}

/* A disclosure's panel: a hidden element right after its toggle, holding text that is
 * not a menu's links (a header's "Products" button opens a hidden list of links) and
 * no dialog's (a sign-in form). links: each element's link text before pruning. */
static int disclosure_panel(const hdom *h, int i, const uint32_t *links)
{
    const char *role = wn_hdom_attr(h->node[i], "role");
    return hidden_element(h, i) && !role && toggle(h, element_sibling(h->node[i], 0)) &&
           links[i] * 2 < h->raw[i];
}

/* A panel a click opens, hidden by the page: a tab panel, or an element whose class or
 * id names one. */
static int named_panel(const hdom *h, int i)
{
    const xmlNode *n = h->node[i];
    const char *role = wn_hdom_attr(n, "role");
    return page_hidden(h->why[i]) &&
           ((role && strcasecmp(role, "tabpanel") == 0) || panel_value(wn_hdom_attr(n, "class")) ||
            panel_value(wn_hdom_attr(n, "id")));
}


/* An accordion's question drawn as a button: read when the answer after it is a panel
 * read with the page, or, for a button that holds a heading or sits in one, an answer
 * shown open.  A question whose answer the page does not hold is a link to it, and
 * truths leave such lists out. */
static int question_button(const hdom *h, int i, const uint32_t *links)
{
    if (!is_button(h->node[i]) || h->raw[i] == 0) return 0;
    int in_heading = is_heading(h, h->parent[i]);
    int head = in_heading ? h->parent[i] : i;
    int k = hdom_idx(element_sibling(h->node[head], 1));
    if (k < 0 || h->raw[k] == 0) return 0;
    if (!(h->flags[k] & NF_PRUNE)) return in_heading || below(h, h->node[i], heading_node);
    return named_panel(h, k) || disclosure_panel(h, k, links);
}

static void unprune(hdom *h, int i)
{
    h->flags[i] &= (uint16_t)~NF_PRUNE;
    h->why[i] = NULL;
    h->rule[i] = NULL;
}

int wn_hdom_spare_panels(hdom *h)
{
    uint32_t *links = calloc((size_t)h->n + 1, sizeof *links);
    if (!links) return -1;
    for (int i = h->n - 1; i >= 0; i--) {
        if (h->flags[i] & NF_LINK) links[i] += h->own[i];
        if (h->parent[i] >= 0) links[h->parent[i]] += links[i];
    }
    int spared = 0;
    for (int i = 0; i < h->n; i++) {
        if (!(h->flags[i] & NF_PRUNE)) continue;
        if (h->tag[i] == TG_CONTROL ? question_button(h, i, links)
                                    : named_panel(h, i) || disclosure_panel(h, i, links)) {
            unprune(h, i);
            spared++;
        }
    }
    free(links);
    return spared;
}
