/* rules.h -- what the pipeline sees of the rule engine: a per-extraction matcher over
 * a compiled winnow_rules set (rules_set.c builds the set, rules.c matches). */
#ifndef WINNOW_RULES_H
#define WINNOW_RULES_H

#include "core/doc.h"

typedef enum {
    RA_NONE = 0,
    RA_DROP,       /* drop the block */
    RA_CUT_AFTER,  /* drop the block and everything after it */
    RA_CUT_BEFORE, /* drop the block and everything before it */
    RA_KEEP        /* keep the block; wins over drop */
} rule_action;

typedef enum {
    RT_TEXT = 0, /* the rule matches block text (default) */
    RT_ATTR      /* the rule matches an element line "tag=div class=.. id=.. role=..
                    itemprop=.. aria-label=.." (html_dom.c) */
} rule_target;

typedef struct rule rule;

/* Per-extraction matching state (PCRE2 match data); not shared between threads. */
typedef struct rule_matcher rule_matcher;

/* What a rule says of itself, for the stages that act on a match; owned by the set. */
typedef struct rule_info {
    const char *name;
    const char *category;
    int hard;  /* cut=hard: the article never goes on past this cut (a comment section,
                  where a soft cut such as "Related" may sit inside a long story) */
} rule_info;

rule_matcher *wn_rules_matcher_new(const winnow_rules *rules);
void wn_rules_matcher_free(rule_matcher *m);
/* From now on the matcher matches nothing once dl has passed (dl may be NULL). */
void wn_rules_matcher_set_deadline(rule_matcher *m, wn_deadline *dl);

/* Matches every rule of the target against subject.  The winning action: KEEP if any keep
 * rule matches, else the first matching cut-after / cut-before / drop rule in file order.
 * *info (when info is not NULL) receives the deciding rule's name, category and flags.
 * Returns RA_NONE when nothing matched or when the rule set is NULL. */
rule_action wn_rules_match(rule_matcher *m, rule_target target, const char *subject, size_t len,
                           const rule_info **info);

/* Matches the text rules against block b and records the verdict (ract; keep and drop
 * as decisions, why WHY_RULE, rule: the rule).  Returns the action, RA_NONE if none. */
rule_action wn_rules_apply_block(rule_matcher *m, block *b);

/* Matches the text rules against every undecided block of d and records the action in
 * block.ract.  keep and drop become decisions at once (why WHY_RULE, rule: the rule); a cut rule
 * drops its own block, but where the cut ends is the classifier's call (a "Comments"
 * link in a menu above the article must not cut the article), see wn_rules_cut(). */
void wn_rules_apply_doc(rule_matcher *m, doc *d);

/* Applies the cut rules of d between blocks [from, to): the first cut-after at or after
 * `from` drops everything after it, the last cut-before before `to` everything before
 * it; blocks a keep rule matched survive.  Either bound may be ignored by passing 0 / n. */
void wn_rules_cut(doc *d, size_t from, size_t to);

/* Why the matcher skipped a rule (PCRE2 match limit) or NULL; owned by the matcher. */
const char *wn_rules_matcher_warning(const rule_matcher *m);

/* Whether the matcher's set holds a keep rule of the target: a classifier that matches
 * rules only near the article must then match every block, since keep rules exist to
 * override it anywhere. */
int wn_rules_has_keep(const rule_matcher *m, rule_target target);

#endif
