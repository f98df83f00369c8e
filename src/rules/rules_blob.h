/* rules_blob.h -- the built-in rule set as the build embeds it, and the hooks of the
 * build-time tool (tools/rulegen.c) that makes it.
 *
 * Compiling the built-in rules cost more than parsing a small page, and a user runs
 * one process per page.  So the tool, built against the same PCRE2 and this same rule
 * parser, compiles them once at build time and embeds, beside the rules text:
 *   - per rule a meta byte (RULES_META_*) that the run would otherwise need a compile
 *     to learn, so the built-in rules are only parsed at start and compiled on use;
 *   - PCRE2 serialisations (pcre2_serialize_encode) of the joined patterns and of the
 *     rules that always run alone, which decode far faster than they compile.
 * A serialisation only decodes in a PCRE2 of the same version and configuration; when
 * it does not (a library upgrade), the run compiles as it would without it. */
#ifndef WINNOW_RULES_BLOB_H
#define WINNOW_RULES_BLOB_H
#include <stddef.h>

/* Joined pattern slots: per target (2), group (4) and length band (2), in that order. */
#define RULES_N_JOINED 16

#define RULES_META_COMBINABLE 1
#define RULES_META_ANCHORED 2
#define RULES_META_DISPATCHED 4 /* has a prefix filter (rules_filter.h) */
#define RULES_META_PAIR 8       /* ... with a pair filter */
#define RULES_META_TRIPLE 16    /* ... and a triple filter */
#define RULES_META_DEEP 32      /* ... with a deep filter */

/* Generated (build dir default_rules.c).  Code slot s (the joined slots, then one per
 * rule) is the serialisation winnow_default_codes[at[s], at[s + 1]), empty when the
 * build left it out; offsets are multiples of 16. */
extern const char winnow_default_rules[];
extern const size_t winnow_default_rules_len;
extern const unsigned char winnow_default_meta[];
extern const size_t winnow_default_n_rules;
extern const unsigned char winnow_default_codes[];
extern const size_t winnow_default_code_at[];
/* Rule i's prefix filter in flat form (wn_prefix_flatten) is winnow_default_prefix[
 * at[i], at[i + 1]), empty for a rule that is not dispatched: probing costs ~10,000
 * matches a rule, which the build pays instead of every run. */
extern const unsigned char winnow_default_prefix[];
extern const size_t winnow_default_prefix_at[];

/* For the tool only (rules.c and rules_set.c built with WINNOW_RULEGEN). */
#ifdef WINNOW_RULEGEN
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "winnow/winnow.h"
/* Rule i's meta byte. */
unsigned rules_gen_meta(const winnow_rules *r, size_t i);
/* The shared code of joined slot s (< RULES_N_JOINED) or of rule s - RULES_N_JOINED
 * when that rule always runs alone; NULL when the slot is left empty. */
const pcre2_code *rules_gen_code(winnow_rules *r, size_t s);
/* Rule i's prefix filter: writes its flat form to out (unless NULL) and returns its
 * size, 0 when the rule is not dispatched. */
size_t rules_gen_prefix(const winnow_rules *r, size_t i, unsigned char *out);
#endif
#endif
