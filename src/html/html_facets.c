/* html_facets.c -- a listing's or a collection's filter form: the checkboxes and radio
 * buttons that narrow a search or a catalogue by subject, price, date, brand ("Art &
 * Design", "Free", "Within next week").  Their labels are the page's furniture, not
 * its entries.  A form is one when it holds FACET_CHOICES such choices or more, each
 * with a label's worth of text at most (a grid of entries with a "compare" checkbox
 * each holds an entry's text per box).  A filter panel need not be a form: a sidebar
 * of drop-downs, range sliders, price fields and links ("Canon (125)") that a script
 * sends is one when its class or id names it ("filterAccordion", "facets",
 * "refinements") and it holds FACET_CHOICES controls or links, a label's text each, and
 * no form (a shop theme's "facets-vertical" wraps its filter form and the grid both).
 * wcxb-dev-other word F1: listing .7775 -> .7816 (with html_entries.c's sponsored
 * titles), collection -.0004 (two truths keep their filters' labels, three drop them).
 * One sweep: O(n). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "html/html_dom.h"

#define FACET_CHOICES 6    /* checkboxes and radio buttons a filter form holds at least */
#define FACET_LABEL_TEXT 60 /* bytes of text per choice at most: a label and a count */
#define FACET_SHARE 0.3     /* of the page's text, from which a form holds the entries */

static int choice_input(const xmlNode *c)
{
    const char *type = wn_hdom_input_type(c);
    return type && (strcasecmp(type, "checkbox") == 0 || strcasecmp(type, "radio") == 0);
}

/* An <input> a reader sets (not a hidden field or a button). */
static int setting_input(const xmlNode *c)
{
    const char *type = wn_hdom_input_type(c);
    if (!type) return 0;
    static const char *const not_set[] = {"hidden", "submit", "button", "reset", "image", NULL};
    for (const char *const *t = not_set; *t; t++)
        if (strcasecmp(type, *t) == 0) return 0;
    return 1;
}

/* Whether element n's class or id names a filter panel, in any case and inside any
 * longer name ("leftFilterCol", "search-facets"). */
static int named_filter(const xmlNode *n)
{
    static const char *const words[] = {"filter", "facet", "refinement", NULL};
    const char *attrs[] = {wn_hdom_attr(n, "class"), wn_hdom_attr(n, "id")};
    for (int a = 0; a < 2; a++)
        for (const char *const *w = words; attrs[a] && *w; w++)
            if (wn_hbyline_holds(attrs[a], *w)) return 1;
    return 0;
}

/* Whether element i, holding count choices, is one of labels around them. */
static int labels_only(const hdom *h, int i, uint32_t count)
{
    return count >= FACET_CHOICES && h->text[i] <= (uint64_t)FACET_LABEL_TEXT * count &&
           h->text[i] < FACET_SHARE * h->text[0];
}

int wn_hfacets_mark(const hdom *h, uint8_t *facet)
{
    memset(facet, 0, (size_t)h->n);
    uint32_t *choices = calloc((size_t)h->n, sizeof *choices);
    uint32_t *controls = calloc((size_t)h->n, sizeof *controls);
    uint8_t *forms_in = calloc((size_t)h->n, 1); /* the element holds a <form> */
    if (!choices || !controls || !forms_in) {
        free(choices);
        free(controls);
        free(forms_in);
        return -1;
    }
    /* <input>s are not indexed: they are counted with the element holding them; a
     * <select> is indexed (a control, pruned), and so is a link, a panel's choice. */
    for (int i = 0; i < h->n; i++) {
        for (const xmlNode *c = h->node[i]->children; c; c = c->next)
            if (hdom_idx(c) < 0) {
                choices[i] += (uint32_t)choice_input(c);
                controls[i] += (uint32_t)setting_input(c);
            }
        if (h->tag[i] == TG_A || strcmp((const char *)h->node[i]->name, "select") == 0)
            controls[i]++;
    }
    for (int i = h->n - 1; i > 0; i--)
        if (h->parent[i] >= 0) {
            choices[h->parent[i]] += choices[i];
            controls[h->parent[i]] += controls[i];
            if (forms_in[i] || h->tag[i] == TG_FORM) forms_in[h->parent[i]] = 1;
        }
    int forms = 0;
    for (int i = 0; i < h->n; i++)
        if ((h->tag[i] == TG_FORM && labels_only(h, i, choices[i]) &&
             h->link[i] * 2 < h->text[i]) ||
            (h->tag[i] != TG_FORM && !forms_in[i] && labels_only(h, i, controls[i]) &&
             named_filter(h->node[i]))) {
            facet[i] = 1;
            forms++;
        }
    free(choices);
    free(controls);
    free(forms_in);
    return forms;
}
