/* test_rules_tiles.c -- the built-in rules of a grid's chrome (src/rules/tiles.rules):
 * the filter panel, the sort bar, a tile's review count and Shopify's price labels go,
 * line by line; an item's name, its price and prose that says the same words stay. */
#include <stdlib.h>
#include "check.h"
#include "rules_check.h"
#include "rules/rules.h"

static rule_matcher *m;

/* Whether the rules give s the action want (RA_NONE: no rule matches). */
static void expect(const char *s, rule_action want)
{
    const char *name = NULL;
    rule_action a = match_name(m, RT_TEXT, s, strlen(s), &name);
    if (a != want) fprintf(stderr, "%s: rule %s, action %d\n", s, name ? name : "-", (int)a);
    CHECK(a == want);
}

int main(void)
{
    char err[256];
    winnow_rules *rules = winnow_rules_new();
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    m = wn_rules_matcher_new(rules);
    CHECK(m != NULL);

    static const char *const chrome[] = {
        "Shop now!", "Apply Now", "Shop all →", "Filter", "Filters", "Filter by:",
        "Filter & Sort", "Clear all", "Remove all", "Best selling", "Bestselling",
        "Alphabetically, A-Z", "Price, low to high", "Date, new to old", "Relevance",
        "12 reviews", "1 Review", "(21) 21 total reviews", "1,024 ratings",
        "Sale price $99.99 Regular price $209.99 (-52%)", "Sale price $26.99 Regular price",
        "Unit price / per", "24 per page", "Per page:", "Loaded 48 results", "Pageof 12"};
    for (size_t k = 0; k < sizeof chrome / sizeof *chrome; k++) expect(chrome[k], RA_DROP);

    /* Names, prices and prose stay. */
    static const char *const kept[] = {
        "Sennheiser HD 600 Headphones", "$499.95", "Regular price $129.99",
        "Filter coffee makers brew a full pot in five minutes.",
        "The reviews were mixed: 12 reviews praised the battery, 3 did not.",
        "Shop now and pay later with our financing plan for all orders over $500.",
        "Price, quality and service are what our customers value."};
    for (size_t k = 0; k < sizeof kept / sizeof *kept; k++) expect(kept[k], RA_NONE);

    wn_rules_matcher_free(m);
    winnow_rules_free(rules);
    return check_done();
}
