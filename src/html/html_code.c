/* html_code.c -- what the block walker needs to know about code: the language a <pre>
 * declares in its class (or its <code>'s, or a wrapper's: "language-x", "lang-x",
 * "highlight-x", "highlight-source-x"), whether an element is a line-number gutter
 * (class naming line numbers, text only digits) whose numbers are not code, whether
 * an element holds lines the page hides until asked, and whether an inline element is
 * one line of the code. */
#include <string.h>
#include <strings.h>
#include "html/html_dom.h"

#define LANG_MAX 32

static int lang_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '+' || c == '#' || c == '-' || c == '_' || c == '.';
}

/* Whether the n bytes at s are a name a class gives where there is no language:
 * "highlight-source-x" also starts with "highlight-", and Sphinx writes
 * "highlight-default" and "highlight-none" for code it does not colour. */
static int no_language(const char *s, size_t n)
{
    static const char *const names[] = {"source", "default", "none", NULL};
    for (int k = 0; names[k]; k++)
        if (strlen(names[k]) == n && strncasecmp(s, names[k], n) == 0) return 1;
    return 0;
}

/* The language named by one class attribute, copied into d's arena, or NULL. */
static const char *lang_in_class(const char *cls, doc *d)
{
    static const char *const prefixes[] = {"language-", "lang-", "highlight-source-",
                                           "highlight-"};
    for (const char *p = cls; p && *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n') p++;
        const char *e = p;
        while (*e && *e != ' ' && *e != '\t' && *e != '\n') e++;
        for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
            size_t pl = strlen(prefixes[k]);
            if ((size_t)(e - p) <= pl || strncasecmp(p, prefixes[k], pl) != 0) continue;
            const char *s = p + pl;
            size_t n = 0;
            while (s + n < e && lang_char(s[n])) n++;
            if (n && s + n == e && n <= LANG_MAX && !no_language(s, n))
                return wn_arena_strndup(&d->mem, s, n);
        }
        p = e;
    }
    return NULL;
}

const char *wn_hcode_lang(const hdom *h, int pre, doc *d)
{
    const xmlNode *n = h->node[pre];
    const char *l = lang_in_class(wn_hdom_attr(n, "class"), d);
    for (const xmlNode *c = n->children; !l && c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "code") == 0)
            l = lang_in_class(wn_hdom_attr(c, "class"), d);
    /* Wrappers: <div class="highlight-python"><div class="highlight"><pre>. */
    for (int up = h->parent[pre], k = 0; !l && up >= 0 && k < 2; up = h->parent[up], k++)
        l = lang_in_class(wn_hdom_attr(h->node[up], "class"), d);
    return l;
}

/* Whether the text below n is only digits and whitespace (bounded: a gutter is short). */
static int only_digits(const xmlNode *n)
{
    size_t seen = 0;
    const xmlNode *c = n->children;
    while (c && c != n) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            for (const xmlChar *s = c->content; *s; s++, seen++) {
                if (seen > 100000) return 0;
                if (!(*s >= '0' && *s <= '9') && *s != ' ' && *s != '\n' && *s != '\t' &&
                    *s != '\r' && *s != '.' && *s != ':')
                    return 0;
            }
        if (c->type == XML_ELEMENT_NODE && c->children) {
            c = c->children;
            continue;
        }
        while (c != n && !c->next) c = c->parent;
        if (c == n) break;
        c = c->next;
    }
    return 1;
}

int wn_hcode_gutter(const xmlNode *n)
{
    static const char *const names[] = {"gutter", "lineno", "line-number", "linenum",
                                        "line-numbers-rows", "ln-num", "hljs-ln-n", "lnt"};
    const char *cls = wn_hdom_attr(n, "class");
    if (!cls) return 0;
    char low[256];
    size_t l = 0;
    for (; cls[l] && l + 1 < sizeof low; l++)
        low[l] = (char)(cls[l] >= 'A' && cls[l] <= 'Z' ? cls[l] + 32 : cls[l]);
    low[l] = '\0';
    int named = 0;
    for (size_t k = 0; k < sizeof names / sizeof *names && !named; k++)
        named = strstr(low, names[k]) != NULL;
    return named && only_digits(n);
}

/* Shiki and the highlighters built like it wrap each line of a <pre> in <span
 * class="line">, its end drawn by CSS (display: block), often with no newline between
 * the spans (Tailwind's docs): read as one line, "npm create vite cd my-project" runs
 * two commands' words together. */
int wn_hcode_line(const xmlNode *n)
{
    static const char *const line[] = {"line", NULL};
    return wn_hdom_has_class(wn_hdom_attr(n, "class"), line);
}

/* mdBook marks the setup lines of an example (imports, a struct the reader has seen)
 * <span class="boring">, hidden until the reader presses the eye button: the example
 * as shown is the code without them. */
int wn_hcode_hidden_lines(const xmlNode *n)
{
    static const char *const boring[] = {"boring", NULL};
    return wn_hdom_has_class(wn_hdom_attr(n, "class"), boring);
}

#define BUTTON_TEXT_MAX 24 /* bytes of a button's label ("Run", "Open in Playground") */

/* A link straight inside a <pre> and before the <pre>'s <code> (Zola's and other
 * themes' playground "Run" link) is a button drawn over the code: read as code, its
 * label runs into the first line ("Run#[no_mangle]"). */
int wn_hcode_button(const xmlNode *n)
{
    if (!n->parent || xmlStrcasecmp(n->name, BAD_CAST "a") != 0 ||
        xmlStrcasecmp(n->parent->name, BAD_CAST "pre") != 0)
        return 0;
    size_t label = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_TEXT_NODE || !c->content) return 0; /* a label only */
        label += strlen((const char *)c->content);
        if (label > BUTTON_TEXT_MAX) return 0;
    }
    const xmlNode *s = n->next;
    while (s && s->type == XML_TEXT_NODE && s->content &&
           strspn((const char *)s->content, " \t\r\n") == strlen((const char *)s->content))
        s = s->next;
    return s && s->type == XML_ELEMENT_NODE && xmlStrcasecmp(s->name, BAD_CAST "code") == 0;
}
