/* html_tables.c -- which tables hold data: one forward pass over the element tables
 * (a parent always has a smaller index than its children) counts each table's rows and
 * its widest row, and notes what its cells hold.  A data table has at least two rows,
 * two columns somewhere, no nested table (even a pruned one), no code of more than one
 * line, quotes, forms or sectioning elements in its cells, no cell of more than MAX_CELL_TEXT bytes (lists,
 * headings and paragraphs in cells are data: schedules, recipes, comparisons) and fewer
 * than EMPTY_SHARE of its cells (by colspan) without text: a grid mostly of empty cells
 * is spacing, or a matrix whose marks are images, which as text reads as lines, not
 * rows (what the WCXB ground truth writes for both; a cell whose only content is an
 * icon named for a check mark or a cross is not empty: it reads "Yes" or "No"), and a
 * table of two rows whose second holds a list in every cell and whose first holds none
 * is lists side by side under their labels ("Pros | Cons"), read as lists; every
 * other table is page layout, and its text is cut into paragraphs as if the table were
 * not there.  html_blocks.c renders the rows of a
 * data table as BF_CELLS blocks. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "html/html_dom.h"

#define MAX_COLSPAN 64 /* a colspan beyond this is a layout trick, not columns */
#define MAX_ROWSPAN 4096 /* rows a cell may reach down: more than a page's table holds */
#define MAX_CELL_TEXT 1500 /* a cell holding more text holds an article, not a datum */
#define EMPTY_SHARE_NUM 2 /* EMPTY_SHARE = 2/5 of the cells empty makes a table layout */
#define EMPTY_SHARE_DEN 5

int wn_htables_colspan(const xmlNode *cell)
{
    const char *v = wn_hdom_attr(cell, "colspan");
    if (!v) return 1;
    long n = strtol(v, NULL, 10);
    return n < 1 ? 1 : n > MAX_COLSPAN ? MAX_COLSPAN : (int)n;
}

int wn_htables_rowspan(const xmlNode *cell)
{
    const char *v = wn_hdom_attr(cell, "rowspan");
    if (!v) return 1;
    long n = strtol(v, NULL, 10); /* 0 ("to the end of the group") is taken as 1 */
    return n < 1 ? 1 : n > MAX_ROWSPAN ? MAX_ROWSPAN : (int)n;
}

#define MARK_SCAN 8 /* elements of a cell looked at for a mark: an icon is a few deep */

/* Which mark the words of an attribute value name (split at anything but letters):
 * 1 a check mark, 2 a cross, 3 both, 0 neither. */
static int mark_words(const char *v)
{
    static const char *const yes[] = {"check", "checkmark", "tick", "yes", NULL};
    static const char *const no[] = {"cross", "xmark", "times", "no", NULL};
    int found = 0;
    while (v && *v) {
        while (*v && !((*v | 32) >= 'a' && (*v | 32) <= 'z')) v++;
        const char *s = v;
        while ((*v | 32) >= 'a' && (*v | 32) <= 'z') v++;
        size_t n = (size_t)(v - s);
        for (int k = 0; n && yes[k]; k++)
            if (strlen(yes[k]) == n && strncasecmp(s, yes[k], n) == 0) found |= 1;
        for (int k = 0; n && no[k]; k++)
            if (strlen(no[k]) == n && strncasecmp(s, no[k], n) == 0) found |= 2;
    }
    return found;
}

/* Which marks (as mark_words) the attributes of n's elements name, looking at no more
 * than *left elements, depth first. */
static int cell_marks(const xmlNode *n, int *left)
{
    static const char *const attrs[] = {"class", "alt", "aria-label", "title", "src",
                                        "href", "xlink:href", NULL};
    int found = 0;
    for (const xmlNode *c = n->children; c && *left > 0; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        (*left)--;
        for (int k = 0; attrs[k]; k++) {
            const char *v = wn_hdom_attr(c, attrs[k]);
            if (v && strcmp(attrs[k], "src") == 0) { /* the file's name, not its folders' */
                const char *slash = strrchr(v, '/');
                if (slash) v = slash + 1;
            }
            found |= mark_words(v);
        }
        found |= cell_marks(c, left);
    }
    return found;
}

const char *wn_htables_mark(const hdom *h, int cell)
{
    if (h->text[cell] != 0) return NULL;
    int left = MARK_SCAN;
    switch (cell_marks(h->node[cell], &left)) {
    case 1: return "Yes";
    case 2: return "No";
    default: return NULL;
    }
}

#define ALT_MAX 40      /* bytes: a longer alt text describes a picture, not a value */
#define ALT_MAX_WORDS 4 /* ... and so does one of more words ("Ken Smith - The Blog") */

/* Whether alt text s names a value: a few words, a short text. */
static int alt_is_value(const char *s)
{
    size_t len = strlen(s);
    int words = 0;
    for (size_t k = 0; k < len; k++)
        if (s[k] != ' ' && s[k] != '\t' && s[k] != '\n' &&
            (k == 0 || s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\n'))
            words++;
    return words > 0 && words <= ALT_MAX_WORDS && len <= ALT_MAX;
}

/* The alt text of the first image among n's elements (looking at no more than *left),
 * or NULL when that image's alt names no value (alt_is_value), or a link comes first. */
static const char *first_alt(const xmlNode *n, int *left)
{
    for (const xmlNode *c = n->children; c && *left > 0; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        (*left)--;
        /* A linked picture (a button, a thumbnail) leads elsewhere: no value. */
        if (xmlStrcasecmp(c->name, BAD_CAST "a") == 0) return NULL;
        if (xmlStrcasecmp(c->name, BAD_CAST "img") == 0) {
            const char *alt = wn_hdom_attr(c, "alt");
            return alt && alt_is_value(alt) ? alt : NULL;
        }
        const char *alt = first_alt(c, left);
        if (alt || *left <= 0) return alt;
    }
    return NULL;
}

const char *wn_htables_alt(const hdom *h, int cell)
{
    if (h->text[cell] != 0) return NULL;
    int left = MARK_SCAN;
    return first_alt(h->node[cell], &left);
}

/* Whether a <pre> holds more than one line of text (a line break between two
 * non-blank stretches): code a cell cannot hold.  A reference's one-line syntax cell
 * ("<pre>rewrite_log off;</pre>") is a datum. */
static int multi_line(const xmlNode *pre)
{
    int text = 0, broken = 0;
    const xmlNode *n = pre->children;
    while (n && n != pre) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            for (const xmlChar *c = n->content; c && *c; c++) {
                if (*c == '\n' || *c == '\r') broken = text;
                else if (*c != ' ' && *c != '\t') {
                    if (broken) return 1;
                    text = 1;
                }
            }
        } else if (n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, BAD_CAST "br") == 0) {
            broken = text;
        }
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n != pre && !n->next) n = n->parent;
        if (n != pre) n = n->next;
    }
    return 0;
}

/* Tags whose presence in a cell makes the table a layout grid (a <pre> only when it
 * holds lines: see multi_line). */
static int blocky(uint8_t t)
{
    switch (t) {
    case TG_BLOCKQUOTE: case TG_FORM:
    case TG_ARTICLE: case TG_SECTION: case TG_NAV: case TG_ASIDE:
        return 1;
    default:
        return 0;
    }
}

/* Whether a table of two rows is a row of labels over a row of lists, every cell of
 * the second holding a list and none of the first ("Pros | Cons" over the two lists):
 * columns of lists side by side, not a record -- read as the labels and the lists.
 * A row naming what a list in the next row's cell is (key and value) is a record. */
static int side_by_side_lists(const hdom *h, int row2, const int32_t *count,
                              const int32_t *listed)
{
    int row1 = -1;
    for (int c = row2 - 1; c >= 0 && row1 < 0; c--)
        if (h->tag[c] == TG_TR) row1 = c;
    return row1 >= 0 && listed[row1] == 0 && count[row2] >= 2 && listed[row2] == count[row2];
}

int wn_htables_classify(const hdom *h, hdom_tables *t)
{
    size_t n = (size_t)h->n;
    t->table = malloc(n * sizeof *t->table);
    int32_t *count = calloc(n, sizeof *count); /* row: its cells; table: widest row */
    int32_t *rows = calloc(n, sizeof *rows);
    int32_t *cells = calloc(n, sizeof *cells); /* table: its cells, by colspan */
    int32_t *empty = calloc(n, sizeof *empty); /* table: those without visible text */
    int32_t *cell = malloc(n * sizeof *cell);  /* the cell an element sits in, -1 none */
    int32_t *listed = calloc(n, sizeof *listed); /* row: its cells holding a list item;
                                                    cell: 1 when it holds one */
    int32_t *second = malloc(n * sizeof *second); /* table: its second row */
    uint8_t *layout = calloc(n, 1);
    t->data = calloc(n, 1);
    int rc = 0;
    if (!t->table || !count || !rows || !cells || !empty || !cell || !listed || !second ||
        !layout || !t->data) {
        rc = -1;
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        int p = h->parent[i];
        t->table[i] = p < 0 ? -1 : h->tag[p] == TG_TABLE ? p : t->table[p];
        int tb = t->table[i];
        uint8_t tag = h->tag[i];
        cell[i] = p < 0 || h->tag[p] == TG_TABLE ? -1
                  : (h->tag[p] == TG_TD || h->tag[p] == TG_TH) && h->parent[p] >= 0 &&
                            h->tag[h->parent[p]] == TG_TR ? p : cell[p];
        if (tb < 0) continue;
        /* A pruned menu inside a cell still shows the table is the page's grid. */
        if (tag == TG_TABLE || blocky(tag)) layout[tb] = 1;
        if (tag == TG_PRE && !(h->flags[p] & NF_IN_PRE) && multi_line(h->node[i])) layout[tb] = 1;
        if (h->flags[i] & NF_REMOVED) continue;
        if (tag == TG_LI && cell[i] >= 0 && !listed[cell[i]]) {
            listed[cell[i]] = 1;
            listed[h->parent[cell[i]]]++;
        }
        if (tag == TG_TR && ++rows[tb] == 2) second[tb] = (int32_t)i;
        else if ((tag == TG_TD || tag == TG_TH) && h->tag[p] == TG_TR) {
            if (h->text[i] > MAX_CELL_TEXT) layout[tb] = 1;
            int span = wn_htables_colspan(h->node[i]);
            count[p] += span;
            cells[tb] += span;
            if (h->text[i] == 0 && !wn_htables_mark(h, (int)i)) empty[tb] += span;
            if (count[p] > count[tb]) count[tb] = count[p];
        }
    }
    for (size_t i = 0; i < n; i++)
        if (h->tag[i] == TG_TABLE)
            t->data[i] = !layout[i] && rows[i] >= 2 && count[i] >= 2 &&
                         (int64_t)empty[i] * EMPTY_SHARE_DEN < (int64_t)cells[i] * EMPTY_SHARE_NUM &&
                         !(rows[i] == 2 && side_by_side_lists(h, second[i], count, listed));
out:
    free(count);
    free(rows);
    free(cells);
    free(empty);
    free(cell);
    free(listed);
    free(second);
    free(layout);
    if (rc) wn_htables_free(t);
    return rc;
}

void wn_htables_free(hdom_tables *t)
{
    free(t->table);
    free(t->data);
    t->table = NULL;
    t->data = NULL;
}
