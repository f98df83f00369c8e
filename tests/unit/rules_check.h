/* rules_check.h -- what the rule tests share: wn_rules_match() asked for the deciding
 * rule's name only. */
#ifndef WINNOW_RULES_CHECK_H
#define WINNOW_RULES_CHECK_H
#include "rules/rules.h"

static inline rule_action match_name(rule_matcher *m, rule_target t, const char *s, size_t len,
                                     const char **name)
{
    const rule_info *ri = NULL;
    rule_action a = wn_rules_match(m, t, s, len, &ri);
    if (name) *name = ri ? ri->name : NULL;
    return a;
}
#endif
