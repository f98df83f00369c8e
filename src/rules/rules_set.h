/* rules_set.h -- what the three parts of the rule engine share: a compiled rule set
 * (struct winnow_rules), built by rules_set.c (parsing rule files, indexing the rules
 * for the matcher, the built-in set), the code it runs, made on demand by rules_code.c,
 * and read by rules.c (matching).  rules_set.c and rules.c both call rules_code.c,
 * never each other.  Private to the rule engine. */
#ifndef WINNOW_RULES_SET_H
#define WINNOW_RULES_SET_H
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include "rules/rules.h"
#include "rules/rules_filter.h"

/* Length bands: a subject of len bytes meets the joined pattern of its band, which
 * holds the rules whose max reaches into the band.  Finer bands measured no faster:
 * the rules' cost is in short blocks, and each band costs a compile and a JIT. */
#define N_BANDS 2
static inline size_t band_top(int k) { return k == 0 ? 512 : SIZE_MAX; }

struct rule {
    rule_action action;
    rule_target target;
    uint32_t flags;       /* PCRE2 compile options */
    char *pattern;        /* as written */
    char *name;
    char *category;
    rule_info info;       /* name, category (the strings above) and flags, as matched */
    _Atomic(pcre2_code *) code; /* built-in rules: NULL until first used */
    int combinable;       /* may be part of the joined alternation */
    size_t max;           /* longest subject the rule runs on (SIZE_MAX: any) */
    int anchored;         /* matches only at the start of the subject */
    int group;            /* joined pattern group, see N_GROUPS */
    /* A rule that a cheap test can rule out for most blocks runs alone, and only where
     * the test lets it (rules_filter.h): an anchored rule whose first bytes are few is
     * "dispatched" by the first two bytes of the subject; a rule with need= runs only
     * on subjects that hold one of its literals. */
    int dispatched;
    rule_prefix prefix;   /* when dispatched */
    char *need;           /* need= value, or NULL */
    int need_bit;         /* its bit in the target's need set, or -1: not gated */
    _Atomic(pcre2_code *) jit; /* JIT-compiled copy of code, once it pays (jit_after) */
    atomic_size_t scanned;     /* work done interpreted */
    /* The shortest subject the rule can match (PCRE2_INFO_MINLENGTH, a lower bound in
     * bytes), known once its code is: 0 until then.  A shorter one is ruled out
     * without a call ("3", "24" under a column of numbers meet every \d rule). */
    atomic_size_t min_len;
};

/* A rule that may run alone, as the matcher's lists hold it (see struct winnow_rules). */
typedef struct {
    uint32_t rule;                 /* index */
    uint32_t prio;                 /* place in priority order */
    size_t max;
    const unsigned char *triple;   /* its triple filter, or NULL */
    const unsigned char *deep;     /* its deep filter, or NULL */
    int has_row;                   /* row holds its pair row for the list's first byte */
    unsigned char row[PREFIX_ROW]; /* (a copy: the rows of 15 candidates in one place) */
} candidate;

/* For the candidate list of one first byte: bit j of by[c - 0x20] when entry j passes
 * its pair row with second byte c (printable ASCII), of any when it is on the list.
 * Built on the first subject that starts with the byte: a block then costs a look-up
 * and the few candidates that remain, not a test of each of the ~15 on the list. */
typedef struct pair_masks {
    uint64_t any;
    uint64_t by[0x5F];
} pair_masks;

/* The rules of a target are joined in groups: rules with and without u (different
 * compile options), and anchored and unanchored ones, since one unanchored branch makes
 * PCRE2 try every branch at every position of the subject.  A few anchored rules among
 * unanchored ones cost less there (their ^ fails at once) than a pattern of their own:
 * fewer than MIN_ANCHORED join the unanchored group. */
#define N_GROUPS 4
#define MIN_ANCHORED 4

/* One joined prefilter: the combinable rules of one target, group and length band.
 * Built on first use under the set's lock; `ready` publishes it to other threads. */
typedef struct {
    atomic_int ready;
    int failed;                /* it has rules but did not compile: they run alone */
    pcre2_code *code;          /* NULL when no rule of the band joins */
    _Atomic(pcre2_code *) jit; /* JIT-compiled copy of code, once it pays */
    atomic_size_t scanned;     /* work done interpreted (see jit_after in rules.c) */
} joined;

/* What a built set makes on first use and shares with all its matchers (rules_code.c):
 * the joined patterns and the dispatch lists' pair masks, and -- in each rule -- its
 * code, JIT copy and work counter.  None of it changes a verdict.  It sits behind a
 * pointer so that a matcher holding a const set reaches it without casting. */
typedef struct rules_cache {
    pthread_mutex_t lock;  /* guards every lazy build below and in the rules */
    joined comb[2][N_GROUPS][N_BANDS]; /* per target, group, band */
    /* Per target and first byte, once met: which of the (at most 64) dispatched rules
     * listed for it pass their pair row, per second byte (see pair_masks). */
    _Atomic(struct pair_masks *) masks[2][256];
} rules_cache;

struct winnow_rules {
    rule *rules;
    size_t n, cap;
    size_t n_builtin;      /* rules [0, n_builtin) are the embedded set: compiled lazily */
    /* Per target and group: the band whose joined pattern band k uses, k or a lower
     * one that holds the same rules (no rule of the group has a max below band k), so
     * equal sets are not compiled and JIT-compiled twice. */
    unsigned char band_use[2][N_GROUPS][N_BANDS];
    rules_cache *cache;
    /* Per target, in priority order (keep rules first, then file order): the dispatched
     * rules that may start with byte b, cand[t][cand_at[t][b] .. cand_at[t][b + 1]),
     * with b = 256 for the empty subject; and the other rules that run alone.  What the
     * matcher tests before it runs one is copied into the entry, so a block that rules
     * most of them out never touches the rules themselves. */
    candidate *cand[2];
    size_t cand_at[2][258];
    candidate *rest[2];
    size_t n_rest[2];
    uint32_t *prio;              /* per rule: its place in priority order */
    size_t n_joins[2][N_GROUPS]; /* rules in each joined group */
    need_set *need[2];           /* the need= literals of the gated rules */
    uint64_t need_all[2];        /* their bits */
};

/* ---- rules_code.c: the code the set runs, made on demand ------------------------- */

/* Rule x compiled alone (*ec and *eo: the error). */
pcre2_code *wn_rules_compile_rule(const rule *x, int *ec, PCRE2_SIZE *eo);
/* A lower bound of the bytes a match of c spans (0: none known). */
size_t wn_rules_min_length(const pcre2_code *c);
/* Serialised code slot s of the built-in set, or NULL (left out, or made by another
 * PCRE2). */
pcre2_code *wn_rules_blob_decode(size_t s);
/* Whether x's wrapper compiles on its own (it may join an alternation). */
int wn_rules_wraps_cleanly(const rule *x);
/* The joined pattern of target t, group g, band k without the rules skip marks (NULL:
 * none skipped), compiled now; NULL when no rule joins (*any = 0) or it does not
 * compile (*any = 1). */
pcre2_code *wn_rules_compile_joined(const winnow_rules *r, rule_target t, int g, int k,
                                    const unsigned char *skip, int *any);
/* The shared joined pattern of (t, g, k), built on first use. */
joined *wn_rules_joined(const winnow_rules *r, rule_target t, int g, int k);
/* The code to scan a subject of len bytes with, for j or for rule i alone: the JIT copy
 * once the work done interpreted paid for it (force: now, after a PCRE2 limit); *jit
 * tells whether it is the JIT copy.  NULL only if out of memory. */
const pcre2_code *wn_rules_joined_code(const winnow_rules *r, joined *j, rule_target t,
                                       size_t len, int force);
const pcre2_code *wn_rules_solo_code(const winnow_rules *r, size_t i, rule_target t,
                                     size_t len, int force, int *jit);
/* Counts a call of rule i on len bytes that a filter made needless (min_len) toward
 * its JIT as if it had run: the calls it still gets come in the same proportion, and
 * interpreted ones cost ~3,700 instructions and many mispredicts each. */
void wn_rules_solo_skipped(const winnow_rules *r, size_t i, size_t len);
/* The pair masks of the candidates for first byte b0; NULL if out of memory. */
const pair_masks *wn_rules_pair_masks(const winnow_rules *r, rule_target t, size_t b0);
/* A new, empty cache (NULL when out of memory); frees one. */
rules_cache *wn_rules_cache_new(void);
void wn_rules_cache_free(rules_cache *c);
/* Forgets what r's cache made from the index (joined patterns, pair masks), when rules
 * were added: not while matchers run. */
void wn_rules_cache_reset(const winnow_rules *r);

#endif
