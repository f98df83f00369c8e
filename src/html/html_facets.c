/* html_facets.c -- a listing's or a collection's filter form: the checkboxes and radio
 * buttons that narrow a search or a catalogue by subject, price, date, brand ("Art &
 * Design", "Free", "Within next week").  Their labels are the page's furniture, not
 * its entries.  A form is one when it holds FACET_CHOICES such choices or more, each
 * with a label's worth of text at most (a grid of entries with a "compare" checkbox
 * each holds an entry's text per box).  One sweep: O(n). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "html/html_dom.h"

#define FACET_CHOICES 6    /* checkboxes and radio buttons a filter form holds at least */
#define FACET_LABEL_TEXT 60 /* bytes of text per choice at most: a label and a count */
#define FACET_SHARE 0.3     /* of the page's text, from which a form holds the entries */

static int choice_input(const xmlNode *c)
{
    if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "input") != 0) return 0;
    const char *type = wn_hdom_attr(c, "type");
    return type && (strcasecmp(type, "checkbox") == 0 || strcasecmp(type, "radio") == 0);
}

int wn_hfacets_mark(const hdom *h, uint8_t *facet)
{
    memset(facet, 0, (size_t)h->n);
    uint32_t *choices = calloc((size_t)h->n, sizeof *choices);
    if (!choices) return -1;
    /* Form controls are not indexed: they are counted with the element holding them. */
    for (int i = 0; i < h->n; i++)
        for (const xmlNode *c = h->node[i]->children; c; c = c->next)
            if (hdom_idx(c) < 0 && choice_input(c)) choices[i]++;
    for (int i = h->n - 1; i > 0; i--)
        if (h->parent[i] >= 0) choices[h->parent[i]] += choices[i];
    int forms = 0;
    for (int i = 0; i < h->n; i++)
        if (h->tag[i] == TG_FORM && choices[i] >= FACET_CHOICES &&
            h->text[i] <= (uint64_t)FACET_LABEL_TEXT * choices[i] &&
            h->text[i] < FACET_SHARE * h->text[0] && h->link[i] * 2 < h->text[i]) {
            facet[i] = 1;
            forms++;
        }
    free(choices);
    return forms;
}
