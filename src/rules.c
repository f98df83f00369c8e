/* rules.c -- the rule language: parsing rule files, compiling them with PCRE2, and
 * matching blocks (text rules) or element attributes (attr rules).
 *
 *   # comment
 *   [category]                      sets the category of the rules below
 *   ACTION[@TARGET] /PATTERN/FLAGS [NAME] [max=N] [need=WORD,...]
 *
 * ACTION is drop, cut-after, cut-before or keep; TARGET is text (default) or attr;
 * FLAGS any of i x s m u.  The option max=N runs the rule only on subjects of at most N
 * bytes, need= only on subjects that contain one of the words: most chrome is a short
 * line, and a bound the engine checks costs nothing, where one written into the
 * pattern costs a scan of every long paragraph.  Every rule is compiled when its file
 * is added, so a bad rule fails before any input is read; only the built-in set, which
 * a build-time tool (tools/rulegen.c) has compiled already, is compiled lazily, or
 * taken from the PCRE2 serialisations that tool embeds (see rules_blob.h).
 *
 * Matching a subject: the first keep rule that matches decides, else the first rule in
 * file order.  PCRE2 tries an alternation's branches one by one, so rules are kept off
 * subjects they cannot match before PCRE2 runs: an anchored rule whose first bytes are
 * few is "dispatched" -- it is only tried on subjects whose first one to three bytes
 * can start a match (rules_filter.c learns them from the pattern), a rule with need=
 * only where one of its words occurs.  Such rules run alone.  The other rules of a
 * target are joined into one alternation, keep rules first, each branch marked with its
 * rule: a subject that matches none of it costs one scan, and a hit names its rule; a
 * long subject meets a second joined pattern that holds only the rules whose max reaches
 * it.  Patterns are JIT-compiled once they have done enough work to pay for the JIT, so
 * a run that never meets a target or a tiny input stays cheap.  On the built-in text
 * rules and the Scrapinghub page texts this took rule matching from 13 ms to ~4 ms per
 * 1.5 MB. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "rules_blob.h"
#include "rules_filter.h"

#define MATCH_LIMIT 200000  /* backtracking bait becomes "no match", not a hang */
#define DEPTH_LIMIT 5000
#define JIT_STACK_MAX (1024 * 1024)
#define JOINED_STEPS 16     /* matches of the joined pattern stepped through per subject */
#define MAX_OPTION (1u << 30) /* largest max=N */
/* The work a joined pattern does interpreted before it is JIT-compiled, per target, in
 * bytes scanned plus CALL_COST per call.  Text rules run on few blocks (in HTML only
 * near the article: a median 10 calls a page; a text page a median 69), and JIT-
 * compiling them (some 1.5 ms for the short band) costs as much as interpreting them
 * over a few hundred blocks: one process per page is 10% faster (HTML) and 13% faster
 * (text) without it, while a long input or a batch still gets the JIT.  Attr rules meet
 * every element (some 100 calls a page), cost far more interpreted, and their pattern
 * JIT-compiles in 0.2 ms: at once measured fastest. */
static const size_t jit_after[2] = {[RT_TEXT] = 131072, [RT_ATTR] = 0};
#define CALL_COST 256

/* Length bands: a subject of len bytes meets the joined pattern of band_of(len), which
 * holds the rules whose max reaches into the band.  Finer bands measured no faster:
 * the rules' cost is in short blocks, and each band costs a compile and a JIT. */
#define N_BANDS 2
static const size_t band_top[N_BANDS] = {512, SIZE_MAX};

/* The band of a length. */
static int band_of(size_t len)
{
    int k = 0;
    while (len > band_top[k]) k++;
    return k;
}

struct rule {
    rule_action action;
    rule_target target;
    uint32_t flags;       /* PCRE2 compile options */
    char *pattern;        /* as written */
    char *name;
    char *category;
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
};

/* A rule that may run alone, as the matcher's lists hold it (see struct winnow_rules). */
typedef struct {
    uint32_t rule;                 /* index */
    uint32_t prio;                 /* place in priority order */
    size_t max;
    const unsigned char *triple;   /* its triple filter, or NULL */
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

/* Whether candidate c may match s[0..len): its length bound and prefix filters (that
 * its first byte may start a match is what put it on the list). */
static int candidate_may(const candidate *c, const unsigned char *s, size_t len)
{
    return len <= c->max && prefix_may_rest(c->has_row ? c->row : NULL, c->triple, s, len);
}

/* A rule is dispatched when at most this many first bytes may start a match: one that
 * may start almost anywhere (a lookahead, a \S+ run) is cheaper inside a joined
 * pattern. */
#define DISPATCH_MAX 128
/* Probes spent per level on a rule's prefix filter (rules_filter.h): a rule file given
 * at run time pays them at every start (some 0.1 ms per thousand), the built-in set once
 * at build time. */
#ifdef WINNOW_RULEGEN
#define PROBE_BUDGET 100000
#else
#define PROBE_BUDGET 4000
#endif

/* The rules of a target are joined in groups: rules with and without u (different
 * compile options), and anchored and unanchored ones, since one unanchored branch makes
 * PCRE2 try every branch at every position of the subject.  A few anchored rules among
 * unanchored ones cost less there (their ^ fails at once) than a pattern of their own:
 * fewer than MIN_ANCHORED join the unanchored group. */
#define N_GROUPS 4
#define MIN_ANCHORED 4
_Static_assert(2 * N_GROUPS * N_BANDS == RULES_N_JOINED, "rules_blob.h slot count");

/* One joined prefilter: the combinable rules of one target, group and length band.
 * Built on first use under the set's lock; `ready` publishes it to other threads. */
typedef struct {
    atomic_int ready;
    int failed;                /* it has rules but did not compile: they run alone */
    pcre2_code *code;          /* NULL when no rule of the band joins */
    _Atomic(pcre2_code *) jit; /* JIT-compiled copy of code, once it pays */
    atomic_size_t scanned;     /* work done interpreted (see jit_after) */
} joined;

struct winnow_rules {
    rule *rules;
    size_t n, cap;
    size_t n_builtin;      /* rules [0, n_builtin) are the embedded set: compiled lazily */
    /* Per target and group: the band whose joined pattern band k uses, k or a lower
     * one that holds the same rules (no rule of the group has a max below band k), so
     * equal sets are not compiled and JIT-compiled twice. */
    unsigned char band_use[2][N_GROUPS][N_BANDS];
    pthread_mutex_t lock;  /* guards the lazy builds of comb and of rule codes */
    joined comb[2][N_GROUPS][N_BANDS]; /* per target, group, band */
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
    /* Per target and first byte, once met: which of the (at most 64) dispatched rules
     * listed for it pass their pair row, per second byte (see pair_masks). */
    _Atomic(struct pair_masks *) masks[2][256];
    size_t n_joins[2][N_GROUPS]; /* rules in each joined group */
    need_set *need[2];           /* the need= literals of the gated rules */
    uint64_t need_all[2];        /* their bits */
};

/* Short subjects repeat within a page (menu items at the top and the bottom, "Share"
 * under every picture, one class string on every list item): the matcher remembers the
 * verdict for each of the last MEMO_SLOTS distinct ones, by hash. */
#define MEMO_SLOTS 256 /* a power of two */
#define MEMO_KEY 48    /* longest subject remembered */
typedef struct {
    uint32_t hash; /* 0: empty */
    unsigned char len, target;
    unsigned gen;  /* the matcher's n_errs when stored */
    size_t rule;   /* the deciding rule + 1, or 0: none */
    char key[MEMO_KEY];
} memo_slot;

/* A rule that hits a PCRE2 limit once is switched off for the rest of the input, and
 * the joined patterns are rebuilt for this matcher without it: otherwise every block
 * would pay the limit again (twice: joined, then alone) and bait input would take hours. */
struct rule_matcher {
    const winnow_rules *rules;
    pcre2_match_data *md;
    pcre2_match_context *mc;
    pcre2_jit_stack *js;
    unsigned char *off;     /* per rule: switched off for this input (NULL until needed) */
    unsigned off_gen[2][N_GROUPS]; /* per target and group: rules switched off so far */
    /* Per target, group and band: joined without the switched-off rules, valid when
     * own_gen equals off_gen (off_gen 0: the shared pattern serves). */
    pcre2_code *own[2][N_GROUPS][N_BANDS];
    unsigned own_gen[2][N_GROUPS][N_BANDS];
    int own_failed[2][N_GROUPS][N_BANDS];
    memo_slot *memo;        /* MEMO_SLOTS, allocated on first use */
    unsigned n_errs;        /* PCRE2 limits or errors met so far */
    char warning[200];
};

winnow_rules *winnow_rules_new(void)
{
    winnow_rules *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    pthread_mutex_init(&r->lock, NULL);
    return r;
}

size_t winnow_rules_count(const winnow_rules *r) { return r ? r->n : 0; }

/* Drops the joined patterns (they are rebuilt on use).  Not while matchers run. */
static void combined_free(winnow_rules *r)
{
    for (int t = 0; t < 2; t++)
        for (int g = 0; g < N_GROUPS; g++)
            for (int k = 0; k < N_BANDS; k++) {
                joined *j = &r->comb[t][g][k];
                pcre2_code_free(atomic_load(&j->jit));
                pcre2_code_free(j->code);
                j->code = NULL;
                j->failed = 0;
                atomic_store(&j->jit, NULL);
                atomic_store(&j->scanned, 0);
                atomic_store(&j->ready, 0);
            }
}

static void rule_free(rule *x)
{
    pcre2_code_free(atomic_load(&x->code));
    pcre2_code_free(atomic_load(&x->jit));
    prefix_free(&x->prefix);
    free(x->need);
    free(x->pattern);
    free(x->name);
    free(x->category);
}

static void index_free(winnow_rules *r)
{
    for (int t = 0; t < 2; t++) {
        for (int b = 0; b < 256; b++) {
            free(atomic_load(&r->masks[t][b]));
            atomic_store(&r->masks[t][b], NULL);
        }
        free(r->cand[t]);
        free(r->rest[t]);
        free(r->prio);
        r->prio = NULL;
        need_set_free(r->need[t]);
        r->cand[t] = r->rest[t] = NULL;
        r->need[t] = NULL;
        r->need_all[t] = 0;
        r->n_rest[t] = 0;
        memset(r->cand_at[t], 0, sizeof r->cand_at[t]);
    }
}

void winnow_rules_free(winnow_rules *r)
{
    if (!r) return;
    index_free(r);
    for (size_t i = 0; i < r->n; i++) rule_free(&r->rules[i]);
    free(r->rules);
    combined_free(r);
    pthread_mutex_destroy(&r->lock);
    free(r);
}

static char *dupn(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* A pattern may join the alternation unless its meaning depends on where it stands:
 * group numbers (back references, absolute subroutine calls, conditionals, branch
 * reset) shift, and a backtracking verb such as (*COMMIT) in one branch can make the
 * whole alternation fail, which would hide a matching rule.  Patterns that break out
 * of their wrapper group are caught by wraps_cleanly(). */
static int can_combine(const char *p)
{
    for (const char *s = p; *s; s++) {
        if (*s == '\\' && s[1]) {
            char c = s[1];
            /* \K moves the reported start, which the joined scan steps from */
            if ((c >= '1' && c <= '9') || c == 'g' || c == 'k' || c == 'K') return 0;
            s++;
        } else if (s[0] == '(' && s[1] == '*') {
            return 0;
        } else if (s[0] == '(' && s[1] == '?') {
            char c = s[2];
            if (c == 'P' || c == '|' || c == '(' || c == 'R' || c == '&' || c == '+' ||
                (c >= '0' && c <= '9'))
                return 0;
        }
    }
    return 1;
}

static int wraps_cleanly(const rule *x);

typedef struct {
    const char *file;
    int line;
    char *err;
    size_t errlen;
} where;

static int fail(where *w, size_t col, const char *msg)
{
    snprintf(w->err, w->errlen, "%s:%d:%zu: %s", w->file, w->line, col, msg);
    return -1;
}

/* Reads the token line[t0, t1) as an option KEY=VALUE (KEY lower-case letters) into
 * x.  Returns 0, 1 when the token is no option (a name), or -1 with the error in w. */
static int parse_option(where *w, const char *line, size_t t0, size_t t1, rule *x)
{
    size_t k = t0;
    while (k < t1 && line[k] >= 'a' && line[k] <= 'z') k++;
    if (k == t0 || k == t1 || line[k] != '=') return 1;
    if (k - t0 == 4 && memcmp(line + t0, "need", 4) == 0) {
        if (x->need) return fail(w, t0 + 1, "need= given twice");
        const char *why;
        if (need_parse(line + k + 1, t1 - k - 1, &why) < 0) return fail(w, k + 2, why);
        if (!(x->need = dupn(line + k + 1, t1 - k - 1))) return fail(w, 1, "out of memory");
        return 0;
    }
    if (k - t0 != 3 || memcmp(line + t0, "max", 3) != 0)
        return fail(w, t0 + 1, "unknown option (expected max=N or need=WORDS)");
    if (x->max != SIZE_MAX) return fail(w, t0 + 1, "max= given twice");
    size_t v = 0, d = k + 1;
    for (; d < t1 && line[d] >= '0' && line[d] <= '9' && v <= MAX_OPTION; d++)
        v = v * 10 + (size_t)(line[d] - '0');
    if (d == k + 1 || d < t1 || v == 0 || v > MAX_OPTION)
        return fail(w, k + 2, "bad max= (expected a length in bytes from 1 to 1073741824)");
    x->max = v;
    return 0;
}

/* Compiles rule x alone (*ec and *eo: the error). */
static pcre2_code *compile_rule(const rule *x, int *ec, PCRE2_SIZE *eo)
{
    uint32_t f = x->flags;
    return pcre2_compile((PCRE2_SPTR)x->pattern, strlen(x->pattern),
                         f | (f & PCRE2_UTF ? PCRE2_MATCH_INVALID_UTF : 0), ec, eo, NULL);
}

/* Parses one non-blank, non-comment rule line into *x (strings malloc'ed).  meta < 0:
 * compile the rule now; else the rule is built in, and meta (RULES_META_*) says what
 * the compile would have told: its code is made on first use (rule_code). */
static int parse_rule(where *w, const char *line, size_t len, const char *category, int meta,
                      const unsigned char *flat, rule *x)
{
    memset(x, 0, sizeof *x);
    size_t i = 0;
    while (i < len && is_space(line[i])) i++;
    size_t a0 = i;
    while (i < len && !is_space(line[i]) && line[i] != '/') i++;
    size_t alen = i - a0;
    const char *at = memchr(line + a0, '@', alen);
    size_t verb_len = at ? (size_t)(at - (line + a0)) : alen;
    static const struct { const char *s; rule_action a; } verbs[] = {
        {"drop", RA_DROP}, {"cut-after", RA_CUT_AFTER}, {"cut-before", RA_CUT_BEFORE},
        {"keep", RA_KEEP}};
    for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
        if (strlen(verbs[k].s) == verb_len && memcmp(verbs[k].s, line + a0, verb_len) == 0)
            x->action = verbs[k].a;
    if (!x->action)
        return fail(w, a0 + 1, "unknown action (expected drop, cut-after, cut-before or keep)");
    x->target = RT_TEXT;
    if (at) {
        size_t tl = alen - verb_len - 1;
        if (tl == 4 && memcmp(at + 1, "text", 4) == 0) x->target = RT_TEXT;
        else if (tl == 4 && memcmp(at + 1, "attr", 4) == 0) x->target = RT_ATTR;
        else return fail(w, (size_t)(at - line) + 2, "unknown target (expected text or attr)");
    }
    while (i < len && is_space(line[i])) i++;
    if (i >= len || line[i] != '/') return fail(w, i + 1, "expected /PATTERN/ after the action");
    size_t p0 = ++i;
    while (i < len && line[i] != '/') {
        if (line[i] == '\\' && i + 1 < len) i++;
        i++;
    }
    if (i >= len) return fail(w, p0, "pattern has no closing /");
    size_t p1 = i++;
    if (p1 == p0) return fail(w, p0 + 1, "empty pattern");
    uint32_t flags = 0;
    for (; i < len && !is_space(line[i]) && line[i] != '#'; i++) {
        switch (line[i]) {
        case 'i': flags |= PCRE2_CASELESS; break;
        case 'x': flags |= PCRE2_EXTENDED; break;
        case 's': flags |= PCRE2_DOTALL; break;
        case 'm': flags |= PCRE2_MULTILINE; break;
        case 'u': flags |= PCRE2_UTF | PCRE2_UCP; break;
        default: return fail(w, i + 1, "unknown flag (expected i, x, s, m or u)");
        }
    }
    while (i < len && is_space(line[i])) i++;
    /* The optional name and options, then nothing but an optional # comment. */
    size_t n0 = i, n1 = i;
    int have_name = 0;
    x->max = SIZE_MAX;
    while (i < len && line[i] != '#') {
        size_t t0 = i;
        while (i < len && !is_space(line[i])) i++;
        int o = parse_option(w, line, t0, i, x);
        if (o < 0) {
            free(x->need);
            return -1;
        }
        if (o == 1) { /* not an option: the name */
            if (have_name) {
                free(x->need);
                return fail(w, t0 + 1, "unexpected text after the rule name");
            }
            have_name = 1;
            n0 = t0;
            n1 = i;
        }
        while (i < len && is_space(line[i])) i++;
    }

    char defname[512];
    if (n1 == n0) snprintf(defname, sizeof defname, "%s:%d", w->file, w->line);
    x->pattern = dupn(line + p0, p1 - p0);
    x->name = n1 > n0 ? dupn(line + n0, n1 - n0) : dupn(defname, strlen(defname));
    x->category = dupn(category, strlen(category));
    x->flags = flags;
    if (!x->pattern || !x->name || !x->category) {
        rule_free(x);
        return fail(w, 1, "out of memory");
    }
    if (meta >= 0) {
        x->combinable = !!(meta & RULES_META_COMBINABLE);
        x->anchored = !!(meta & RULES_META_ANCHORED);
        x->dispatched = flat && (meta & RULES_META_DISPATCHED);
        if (x->dispatched)
            prefix_view(&x->prefix, flat, (meta & RULES_META_PAIR ? PREFIX_PAIR : 0) |
                                              (meta & RULES_META_TRIPLE ? PREFIX_TRIPLE : 0));
        return 0;
    }
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *code = compile_rule(x, &ec, &eo);
    if (!code) {
        char msg[256];
        pcre2_get_error_message(ec, (PCRE2_UCHAR *)msg, sizeof msg);
        rule_free(x);
        return fail(w, p0 + 1 + eo, msg);
    }
    atomic_store(&x->code, code);
    /* Only \Q (quotes up to the end) and a # comment under an inline (?x) can reach
     * past the wrapper's ')' in a pattern that compiles alone; the rest need no check. */
    x->combinable = can_combine(x->pattern) &&
                    (!strpbrk(x->pattern, "#Q") || wraps_cleanly(x));
    uint32_t all = 0;
    pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &all);
    x->anchored = !!(all & PCRE2_ANCHORED);
    /* (A u rule may start with any byte from 0x80: never worth dispatching, and a lone
     * lead byte is no subject to probe with.) */
    if (x->anchored && !(flags & PCRE2_UTF) && prefix_probe(code, PROBE_BUDGET, &x->prefix) == 0) {
        x->dispatched = prefix_first_count(&x->prefix) <= DISPATCH_MAX;
        if (!x->dispatched) prefix_free(&x->prefix);
    }
    /* A dispatched or gated rule runs alone, where its test applies. */
    if (x->dispatched || x->need) x->combinable = 0;
    return 0;
}

/* Sets the group of every rule; the anchored ones of a target and u class need company
 * (MIN_ANCHORED) for a pattern of their own. */
static void assign_groups(winnow_rules *r)
{
    size_t n_anch[2][2] = {{0}};
    for (size_t i = 0; i < r->n; i++) {
        const rule *x = &r->rules[i];
        if (x->combinable && x->anchored) n_anch[x->target][!!(x->flags & PCRE2_UTF)]++;
    }
    for (size_t i = 0; i < r->n; i++) {
        rule *x = &r->rules[i];
        int u = !!(x->flags & PCRE2_UTF);
        x->group = 2 * u + (x->anchored && n_anch[x->target][u] >= MIN_ANCHORED);
    }
    size_t lowest[2][N_GROUPS]; /* smallest max in each group */
    for (int t = 0; t < 2; t++)
        for (int g = 0; g < N_GROUPS; g++) lowest[t][g] = SIZE_MAX;
    for (size_t i = 0; i < r->n; i++) {
        const rule *x = &r->rules[i];
        if (x->combinable && x->max < lowest[x->target][x->group])
            lowest[x->target][x->group] = x->max;
    }
    for (int t = 0; t < 2; t++)
        for (int g = 0; g < N_GROUPS; g++)
            for (int k = 0; k < N_BANDS; k++)
                r->band_use[t][g][k] = (unsigned char)(k && lowest[t][g] > band_top[k - 1]
                                                           ? r->band_use[t][g][k - 1] : k);
}

/* Whether rule a decides over rule b: keep first, then file order. */
static int decides_over(const winnow_rules *r, size_t a, size_t b)
{
    int ka = r->rules[a].action == RA_KEEP, kb = r->rules[b].action == RA_KEEP;
    return ka != kb ? ka : a < b;
}

/* Builds the candidate lists and need sets (see struct winnow_rules).  Returns 0, or
 * -1 when memory ran out. */
static int index_rules(winnow_rules *r)
{
    index_free(r);
    memset(r->n_joins, 0, sizeof r->n_joins);
    /* Priority order: keeps, then the others, each in file order. */
    size_t *order = malloc((r->n ? r->n : 1) * sizeof *order), no = 0;
    r->prio = malloc((r->n ? r->n : 1) * sizeof *r->prio);
    if (!order || !r->prio) {
        free(order);
        return -1;
    }
    for (int keeps = 1; keeps >= 0; keeps--)
        for (size_t i = 0; i < r->n; i++)
            if ((r->rules[i].action == RA_KEEP) == keeps) {
                r->prio[i] = (uint32_t)no;
                order[no++] = i;
            }
    int rc = 0;
    for (int t = 0; t < 2 && rc == 0; t++) {
        size_t nd = 0, nr = 0, total = 0;
        unsigned bits = 0;
        for (size_t k = 0; k < no; k++) {
            rule *x = &r->rules[order[k]];
            if (x->target != (rule_target)t) continue;
            x->need_bit = -1;
            if (x->combinable) r->n_joins[t][x->group]++;
            if (x->dispatched) nd++;
            else if (!x->combinable) nr++;
            if (x->need && bits < 64) {
                if (!r->need[t] && !(r->need[t] = need_set_new())) { rc = -1; break; }
                if (need_set_add(r->need[t], x->need, strlen(x->need), bits) != 0) { rc = -1; break; }
                r->need_all[t] |= (uint64_t)1 << bits;
                x->need_bit = (int)bits++;
            }
            if (x->dispatched) total += prefix_first_count(&x->prefix);
        }
        if (rc || (r->need[t] && need_set_finish(r->need[t]) != 0)) {
            rc = -1;
            break;
        }
        r->cand[t] = malloc((total + nd + 1) * sizeof *r->cand[t]);
        r->rest[t] = malloc((nr + 1) * sizeof *r->rest[t]);
        if (!r->cand[t] || !r->rest[t]) { rc = -1; break; }
        size_t at = 0;
        /* rank[k]: first bytes of rule order[k] met so far, the index of its next row. */
        unsigned *rank = calloc(no ? no : 1, sizeof *rank);
        if (!rank) { rc = -1; break; }
        for (int b = 0; b <= 256; b++) {
            r->cand_at[t][b] = at;
            for (size_t k = 0; k < no; k++) {
                const rule *x = &r->rules[order[k]];
                if (x->target != (rule_target)t || !x->dispatched ||
                    (b < 256 && !prefix_bit(x->prefix.first, (unsigned)b)))
                    continue;
                unsigned row = b < 256 ? rank[k]++ : 0;
                candidate *c = &r->cand[t][at++];
                memset(c, 0, sizeof *c);
                c->rule = (uint32_t)order[k];
                c->prio = (uint32_t)k;
                c->max = x->max;
                c->triple = x->prefix.triple;
                /* The empty subject (b 256) has no second byte to test. */
                c->has_row = b < 256 && x->prefix.pair;
                if (c->has_row) memcpy(c->row, x->prefix.pair + (size_t)row * PREFIX_ROW, PREFIX_ROW);
            }
        }
        free(rank);
        r->cand_at[t][257] = at;
        r->n_rest[t] = 0;
        for (size_t k = 0; k < no; k++) {
            const rule *x = &r->rules[order[k]];
            if (x->target == (rule_target)t && !x->dispatched && !x->combinable)
                r->rest[t][r->n_rest[t]++] =
                    (candidate){(uint32_t)order[k], (uint32_t)k, x->max, NULL, 0, {0}};
        }
    }
    free(order);
    return rc;
}

/* Adds the rules of src; meta: NULL to compile them now, or the meta bytes of the
 * built-in set, n_meta of them, and its prefix filters (see rules_blob.h). */
static int add_rules(winnow_rules *r, const char *name, const char *src, size_t len,
                     const unsigned char *meta, size_t n_meta, const unsigned char *pfx,
                     const size_t *pfx_at, char *err, size_t errlen)
{
    if (!r) return -1;
    where w = {name ? name : "(rules)", 0, err, errlen};
    char category[64] = "general";
    size_t old_n = r->n;
    size_t pos = 0;
    int rc = 0;
    while (pos < len && rc == 0) {
        const char *line = src + pos;
        const char *nl = memchr(line, '\n', len - pos);
        size_t ll = nl ? (size_t)(nl - line) : len - pos;
        pos += ll + (nl != NULL);
        w.line++;
        if (memchr(line, '\0', ll)) { rc = fail(&w, 1, "NUL byte in rule file"); break; }
        size_t i = 0;
        while (i < ll && is_space(line[i])) i++;
        if (i == ll || line[i] == '#') continue;
        if (line[i] == '[') {
            const char *close = memchr(line + i, ']', ll - i);
            size_t cl = close ? (size_t)(close - line - i - 1) : 0;
            if (!close || cl == 0 || cl >= sizeof category) {
                rc = fail(&w, i + 1, "bad [category] line");
                break;
            }
            size_t k = (size_t)(close - line) + 1;
            while (k < ll && is_space(line[k])) k++;
            if (k < ll && line[k] != '#') {
                rc = fail(&w, k + 1, "unexpected text after the [category]");
                break;
            }
            memcpy(category, line + i + 1, cl);
            category[cl] = '\0';
            continue;
        }
        if (r->n == r->cap) {
            size_t cap = r->cap ? r->cap * 2 : 64;
            rule *p = realloc(r->rules, cap * sizeof *p);
            if (!p) { rc = fail(&w, 1, "out of memory"); break; }
            r->rules = p;
            r->cap = cap;
        }
        rule x;
        size_t k = r->n - old_n;
        if (meta && k >= n_meta) { rc = fail(&w, 1, "built-in rules out of step"); break; }
        rc = parse_rule(&w, line, ll, category, meta ? meta[k] : -1,
                        meta && pfx_at[k + 1] > pfx_at[k] ? pfx + pfx_at[k] : NULL, &x);
        if (rc == 0) r->rules[r->n++] = x;
    }
    if (rc == 0 && meta && r->n - old_n != n_meta) rc = fail(&w, 1, "built-in rules out of step");
    if (rc != 0) {
        while (r->n > old_n) rule_free(&r->rules[--r->n]);
        return -1;
    }
    assign_groups(r);
    if (index_rules(r) != 0) {
        while (r->n > old_n) rule_free(&r->rules[--r->n]);
        assign_groups(r);
        index_rules(r);
        return fail(&w, 1, "out of memory");
    }
    pthread_mutex_lock(&r->lock);
    combined_free(r);
    pthread_mutex_unlock(&r->lock);
    return 0;
}

int winnow_rules_add_source(winnow_rules *r, const char *name, const char *src, size_t len,
                            char *err, size_t errlen)
{
    return add_rules(r, name, src, len, NULL, 0, NULL, NULL, err, errlen);
}

#ifndef WINNOW_RULEGEN
/* Serialised code slot s of the built-in set, or NULL: left out, or made by another
 * PCRE2 version or configuration. */
static pcre2_code *blob_decode(size_t s)
{
    const size_t *at = winnow_default_code_at;
    if (at[s + 1] == at[s]) return NULL;
    pcre2_code *code = NULL;
    if (pcre2_serialize_decode(&code, 1, winnow_default_codes + at[s], NULL) != 1) return NULL;
    return code;
}

/* Whether the embedded serialisations fit the PCRE2 linked: the meta bytes hold only
 * if they do (the same compiler made them). */
static int blob_fits(void)
{
    const size_t *at = winnow_default_code_at;
    size_t n = RULES_N_JOINED + winnow_default_n_rules;
    for (size_t s = 0; s < n; s++)
        if (at[s + 1] > at[s])
            return pcre2_serialize_get_number_of_codes(winnow_default_codes + at[s]) == 1;
    return 0;
}

int winnow_rules_add_default(winnow_rules *r, char *err, size_t errlen)
{
    const char *name = "default.rules";
    /* The built-in set as the first rules: its rule indices are the tool's. */
    if (r && r->n == 0 && blob_fits()) {
        char e[8];
        if (add_rules(r, name, winnow_default_rules, winnow_default_rules_len,
                      winnow_default_meta, winnow_default_n_rules, winnow_default_prefix,
                      winnow_default_prefix_at, e, sizeof e) == 0) {
            r->n_builtin = r->n;
            return 0;
        }
    }
    return winnow_rules_add_source(r, name, winnow_default_rules, winnow_default_rules_len,
                                   err, errlen);
}
#else
static pcre2_code *blob_decode(size_t s) { return NULL; }
#endif

/* The code of rule i: built-in rules are decoded or compiled on first use, under the
 * lock; the acquire load pairs with the release store.  NULL only if out of memory. */
static const pcre2_code *rule_code(winnow_rules *r, size_t i)
{
    rule *x = &r->rules[i];
    pcre2_code *c = atomic_load_explicit(&x->code, memory_order_acquire);
    if (c) return c;
    pthread_mutex_lock(&r->lock);
    c = atomic_load_explicit(&x->code, memory_order_relaxed);
    if (!c) {
        int ec;
        PCRE2_SIZE eo;
        c = blob_decode(RULES_N_JOINED + i);
        if (!c) c = compile_rule(x, &ec, &eo);
        atomic_store_explicit(&x->code, c, memory_order_release);
    }
    pthread_mutex_unlock(&r->lock);
    return c;
}

/* The code to run rule i alone on a subject of len bytes: JIT-compiled once its
 * interpreted work would have paid for the JIT (as joined_code() does), or at once when
 * force (the interpreter hit a limit that the JIT, with its own stack, may not hit).
 * *jit tells which.  NULL only if out of memory. */
static const pcre2_code *solo_code(winnow_rules *r, size_t i, rule_target t, size_t len,
                                   int force, int *jit)
{
    rule *x = &r->rules[i];
    pcre2_code *jc = atomic_load_explicit(&x->jit, memory_order_acquire);
    *jit = 1;
    if (jc) return jc;
    const pcre2_code *c = rule_code(r, i);
    size_t cost = len + CALL_COST;
    *jit = 0;
    if (!c || (!force && atomic_fetch_add_explicit(&x->scanned, cost, memory_order_relaxed) +
                                 cost < jit_after[t]))
        return c;
    *jit = 1;
    pthread_mutex_lock(&r->lock);
    jc = atomic_load_explicit(&x->jit, memory_order_relaxed);
    if (!jc && (jc = pcre2_code_copy(c)) != NULL) {
        pcre2_jit_compile(jc, PCRE2_JIT_COMPLETE);
        atomic_store_explicit(&x->jit, jc, memory_order_release);
    }
    pthread_mutex_unlock(&r->lock);
    return jc ? jc : c;
}

/* Appends rule x to b as one self-contained group "(?FLAGS-OTHERS:PATTERN)", so one
 * rule's flags never leak into another's. */
static void wrap_rule(buf *b, const rule *x)
{
    static const struct { uint32_t opt; char c; } fl[] = {
        {PCRE2_CASELESS, 'i'}, {PCRE2_EXTENDED, 'x'}, {PCRE2_DOTALL, 's'},
        {PCRE2_MULTILINE, 'm'}};
    buf_puts(b, "(?");
    for (size_t k = 0; k < 4; k++)
        if (x->flags & fl[k].opt) buf_putc(b, fl[k].c);
    buf_putc(b, '-');
    for (size_t k = 0; k < 4; k++)
        if (!(x->flags & fl[k].opt)) buf_putc(b, fl[k].c);
    buf_putc(b, ':');
    buf_puts(b, x->pattern);
    /* A # comment in an x pattern runs to the end of the line: end it before ')'. */
    buf_puts(b, (x->flags & PCRE2_EXTENDED) ? "\n)" : ")");
}

/* The joined pattern only answers "may any rule match?", so its groups need not
 * capture (smaller, faster to JIT-compile); rules that refer to group numbers are
 * never joined. */
static uint32_t joined_options(int utf)
{
    return PCRE2_DUPNAMES | PCRE2_NO_AUTO_CAPTURE |
           (utf ? PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF : 0);
}

/* Whether x's wrapper compiles on its own: a pattern that escapes its group (an
 * unterminated \Q, an inline (?x) whose # comment swallows the ')') must run alone,
 * or it would break the joined pattern of every other rule.  A break-out is not always
 * a compile error there: a later x rule's "\n)" can end the swallowed comment. */
static int wraps_cleanly(const rule *x)
{
    buf b;
    buf_init(&b, 0);
    wrap_rule(&b, x);
    int ok = 0;
    if (!b.failed) {
        int ec;
        PCRE2_SIZE eo;
        pcre2_code *c = pcre2_compile((PCRE2_SPTR)b.data, b.len,
                                      joined_options(!!(x->flags & PCRE2_UTF)), &ec, &eo, NULL);
        ok = c != NULL;
        pcre2_code_free(c);
    }
    buf_free(&b);
    return ok;
}

/* The group of rule x: u class and anchoring. */
static int group_of(const rule *x) { return x->group; }

/* Whether rule x joins the pattern of target t, group g and band k. */
static int in_band(const rule *x, rule_target t, int g, int k)
{
    return x->target == t && x->combinable && group_of(x) == g &&
           x->max >= (k ? band_top[k - 1] + 1 : 0);
}

/* The joined pattern of band k lists its keep rules first, then the others, each in
 * file order and each followed by (*MARK:INDEX), so a match names the rule that
 * produced it.  Returns NULL when no rule joins (*any = 0) or when the join does not
 * compile (*any = 1). */
static pcre2_code *compile_joined(const winnow_rules *r, rule_target t, int g, int k,
                                  const unsigned char *skip, int *any)
{
    buf b;
    buf_init(&b, 0);
    *any = 0;
    for (int keeps = 1; keeps >= 0; keeps--)
        for (size_t i = 0; i < r->n; i++) {
            const rule *x = &r->rules[i];
            if (!in_band(x, t, g, k) || (x->action == RA_KEEP) != keeps || (skip && skip[i]))
                continue;
            if (*any) buf_putc(&b, '|');
            wrap_rule(&b, x);
            char mark[32];
            snprintf(mark, sizeof mark, "(*MARK:%zu)", i);
            buf_puts(&b, mark);
            *any = 1;
        }
    pcre2_code *code = NULL;
    if (*any && !b.failed) {
        int ec;
        PCRE2_SIZE eo;
        code = pcre2_compile((PCRE2_SPTR)b.data, b.len, joined_options(g >= 2), &ec, &eo, NULL);
    }
    buf_free(&b);
    return code;
}

/* The shared joined pattern of (t, g, k), built on first use.  Double-checked: the
 * acquire load pairs with the release store made under the lock. */
static joined *joined_get(winnow_rules *r, rule_target t, int g, int k)
{
    joined *j = &r->comb[t][g][k];
    if (atomic_load_explicit(&j->ready, memory_order_acquire)) return j;
    pthread_mutex_lock(&r->lock);
    if (!atomic_load_explicit(&j->ready, memory_order_relaxed)) {
        int any = 1;
        /* The built-in set alone: its joined patterns may come precompiled. */
        j->code = r->n == r->n_builtin ? blob_decode(((size_t)t * N_GROUPS + g) * N_BANDS + k)
                                       : NULL;
        if (!j->code) j->code = compile_joined(r, t, g, k, NULL, &any);
        j->failed = any && !j->code;
        atomic_store_explicit(&j->ready, 1, memory_order_release);
    }
    pthread_mutex_unlock(&r->lock);
    return j;
}

/* The code to scan a subject of len bytes with: the JIT copy once there is one; the
 * interpreted pattern until the bytes it scanned would have paid for the JIT, or until
 * it hit a limit (force) that the JIT, with its own stack, may not hit. */
static const pcre2_code *joined_code(winnow_rules *r, joined *j, rule_target t, size_t len,
                                     int force)
{
    pcre2_code *jc = atomic_load_explicit(&j->jit, memory_order_acquire);
    if (jc) return jc;
    size_t cost = len + CALL_COST;
    if (!force &&
        atomic_fetch_add_explicit(&j->scanned, cost, memory_order_relaxed) + cost < jit_after[t])
        return j->code;
    pthread_mutex_lock(&r->lock);
    jc = atomic_load_explicit(&j->jit, memory_order_relaxed);
    if (!jc) {
        /* A copy, since other threads may be matching with j->code right now.  When
         * the JIT is unavailable the copy still works, interpreted. */
        jc = pcre2_code_copy(j->code);
        if (jc) {
            pcre2_jit_compile(jc, PCRE2_JIT_COMPLETE);
            atomic_store_explicit(&j->jit, jc, memory_order_release);
        }
    }
    pthread_mutex_unlock(&r->lock);
    return jc ? jc : j->code;
}

rule_matcher *rules_matcher_new(const winnow_rules *rules)
{
    rule_matcher *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->rules = rules;
    if (!rules) return m;
    m->md = pcre2_match_data_create(1, NULL);
    m->mc = pcre2_match_context_create(NULL);
    if (!m->md || !m->mc) {
        rules_matcher_free(m);
        return NULL;
    }
    pcre2_set_match_limit(m->mc, MATCH_LIMIT);
    pcre2_set_depth_limit(m->mc, DEPTH_LIMIT);
    return m;
}

void rules_matcher_free(rule_matcher *m)
{
    if (!m) return;
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mc);
    pcre2_jit_stack_free(m->js);
    for (int t = 0; t < 2; t++)
        for (int u = 0; u < 2; u++)
            for (int k = 0; k < N_BANDS; k++) pcre2_code_free(m->own[t][u][k]);
    free(m->off);
    free(m->memo);
    free(m);
}

const char *rules_matcher_warning(const rule_matcher *m)
{
    return m && m->warning[0] ? m->warning : NULL;
}

int rules_has_keep(const rule_matcher *m, rule_target target)
{
    if (!m || !m->rules) return 0;
    for (size_t i = 0; i < m->rules->n; i++)
        if (m->rules->rules[i].target == target && m->rules->rules[i].action == RA_KEEP)
            return 1;
    return 0;
}

/* 1 match, 0 none, -1 a PCRE2 limit or error.  For a single rule (who != NULL) the
 * first such failure leaves a warning; the joined prefilter stays quiet, since its
 * failure only means "run the single rules", and they report for themselves. */
static int run(rule_matcher *m, const pcre2_code *code, const char *s, size_t len, size_t off,
               const char *who)
{
    int rc = pcre2_match(code, (PCRE2_SPTR)s, len, off, 0, m->md, m->mc);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT && !m->js) {
        /* The 32 KiB JIT stack on the machine stack was too small: a bigger one is made
         * only now, since mapping it for every extraction costs more than most matches. */
        m->js = pcre2_jit_stack_create(32 * 1024, JIT_STACK_MAX, NULL);
        if (m->js) {
            pcre2_jit_stack_assign(m->mc, NULL, m->js);
            rc = pcre2_match(code, (PCRE2_SPTR)s, len, off, 0, m->md, m->mc);
        }
    }
    if (rc >= 0) return 1;
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    m->n_errs++;
    if (who && !m->warning[0]) {
        char msg[120];
        pcre2_get_error_message(rc, (PCRE2_UCHAR *)msg, sizeof msg);
        snprintf(m->warning, sizeof m->warning,
                 "rule %s skipped for the rest of this input: %s", who, msg);
    }
    return -1;
}

/* Switches rule i off for the rest of this input after it hit a PCRE2 limit; the
 * matcher's own joined patterns of its class are rebuilt without it when next used.
 * Returns 0, or -1 when memory ran out (the rule then simply keeps running alone). */
static int switch_off(rule_matcher *m, size_t i)
{
    const winnow_rules *r = m->rules;
    if (!m->off && !(m->off = calloc(r->n, 1))) return -1;
    m->off[i] = 1;
    const rule *x = &r->rules[i];
    if (x->combinable) m->off_gen[x->target][group_of(x)]++; /* rebuild its joined pattern */
    return 0;
}

/* The joined pattern of band k for a subject of len bytes in group (t, g): 1 with *code set,
 * 0 when no rule of the band joins, -1 when they must run alone.  force: JIT it now. */
static int band_code(rule_matcher *m, rule_target t, int g, int k, size_t len, int force,
                     const pcre2_code **code)
{
    winnow_rules *r = (winnow_rules *)m->rules; /* logically const: a cache */
    k = r->band_use[t][g][k];
    if (m->off_gen[t][g]) {
        if (m->own_gen[t][g][k] != m->off_gen[t][g]) {
            /* Bait input: JIT at once, the limits are what the input hits. */
            int any;
            pcre2_code_free(m->own[t][g][k]);
            m->own[t][g][k] = compile_joined(r, t, g, k, m->off, &any);
            if (m->own[t][g][k]) pcre2_jit_compile(m->own[t][g][k], PCRE2_JIT_COMPLETE);
            m->own_failed[t][g][k] = any && !m->own[t][g][k];
            m->own_gen[t][g][k] = m->off_gen[t][g];
        }
        *code = m->own[t][g][k];
        return m->own_failed[t][g][k] ? -1 : *code != NULL;
    }
    joined *j = joined_get(r, t, g, k);
    if (j->failed) return -1;
    if (!j->code) return 0;
    if (force && atomic_load_explicit(&j->jit, memory_order_acquire)) return -1;
    *code = joined_code(r, j, t, len, force);
    return 1;
}

/* Finds the deciding rule among those joined in `code` (one group): each search
 * returns the leftmost match, and at that position the alternative that decides over
 * every other one there (keep rules come first, each group in file order), named by
 * its mark; searching again just past it visits every position where a rule matches
 * (an anchored group matches at 0 or nowhere: its first match decides).
 * Returns 1 with *best set, 0 when no joined rule matches, -1 when the single rules
 * must decide (more matches than are worth stepping through, or a hit by a rule whose
 * max the subject exceeds: it may hide another rule at its position), -2 on a PCRE2
 * limit. */
static int joined_best(rule_matcher *m, const pcre2_code *code, int g, const char *s,
                       size_t len, size_t *best)
{
    int utf = g >= 2;
    const winnow_rules *r = m->rules;
    int found = 0;
    size_t off = 0;
    for (int step = 0; step < JOINED_STEPS; step++) {
        int rc = run(m, code, s, len, off, NULL);
        if (rc <= 0) return rc < 0 ? -2 : found;
        PCRE2_SPTR mark = pcre2_get_mark(m->md);
        size_t k = mark ? strtoul((const char *)mark, NULL, 10) : r->n;
        if (k >= r->n || len > r->rules[k].max) return -1;
        if (!found || decides_over(r, k, *best)) *best = k;
        found = 1;
        if (g & 1) return 1;
        off = pcre2_get_ovector_pointer(m->md)[0] + 1;
        while (utf && off < len && ((unsigned char)s[off] & 0xC0) == 0x80) off++;
        if (off > len) return 1;
    }
    return -1;
}

/* The deciding rule for s (index + 1, or 0: none), without the memo. */
static size_t decide(rule_matcher *m, rule_target target, const char *s, size_t len);

/* The memo slot for s, or NULL when s is too long to remember or memory ran out. */
static memo_slot *memo_slot_for(rule_matcher *m, rule_target target, const char *s, size_t len,
                                uint32_t *hash)
{
    if (len > MEMO_KEY) return NULL;
    if (!m->memo && !(m->memo = calloc(MEMO_SLOTS, sizeof *m->memo))) return NULL;
    uint32_t h = 2166136261u ^ (uint32_t)target; /* FNV-1a */
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    *hash = h | 1;
    return &m->memo[h & (MEMO_SLOTS - 1)];
}

rule_action rules_match(rule_matcher *m, rule_target target, const char *s, size_t len,
                        const char **name, const char **category)
{
    /* (No prio: the set's index could not be built, memory ran out; it matches nothing.) */
    if (!m || !m->rules || !m->rules->n || !m->rules->prio) return RA_NONE;
    uint32_t h = 0;
    memo_slot *slot = memo_slot_for(m, target, s, len, &h);
    size_t win;
    if (slot && slot->hash == h && slot->len == len && slot->target == target &&
        slot->gen == m->n_errs && memcmp(slot->key, s, len) == 0) {
        win = slot->rule;
    } else {
        unsigned errs = m->n_errs;
        win = decide(m, target, s, len);
        /* A verdict reached through a PCRE2 limit is not remembered, and one that
         * switched a rule off makes the older ones stale (gen). */
        if (slot && m->n_errs == errs) {
            slot->hash = h;
            slot->len = (unsigned char)len;
            slot->target = (unsigned char)target;
            slot->gen = m->n_errs;
            slot->rule = win;
            memcpy(slot->key, s, len);
        }
    }
    if (!win) return RA_NONE;
    const rule *first = &m->rules->rules[win - 1];
    if (name) *name = first->name;
    if (category) *category = first->category;
    return first->action;
}

/* Whether rule i, which runs alone, matches s, its max= and prefix filter passed.  Its
 * need= literals come first, scanned once per subject for every gated rule (*scanned,
 * *found).  A rule that hits a PCRE2 limit is switched off. */
static int solo_matches(rule_matcher *m, size_t i, const char *s, size_t len, int *scanned,
                        uint64_t *found)
{
    const winnow_rules *r = m->rules;
    const rule *x = &r->rules[i];
    if (m->off && m->off[i]) return 0;
    if (x->need_bit >= 0) {
        if (!*scanned) {
            *found = need_scan(r->need[x->target], s, len, r->need_all[x->target]);
            *scanned = 1;
        }
        if (!(*found >> x->need_bit & 1)) return 0;
    }
    int jit;
    const pcre2_code *code = solo_code((winnow_rules *)r, i, x->target, len, 0, &jit);
    int rc = code ? run(m, code, s, len, 0, jit ? x->name : NULL) : -1;
    if (rc < 0 && code && !jit) { /* try once more with the JIT */
        code = solo_code((winnow_rules *)r, i, x->target, len, 1, &jit);
        rc = code ? run(m, code, s, len, 0, x->name) : -1;
    }
    if (rc < 0) switch_off(m, i);
    return rc == 1;
}

/* The deciding rule when a joined group gave up (state -1: its rules run alone): every
 * rule of the target in file order, the first keep or else the first match. */
static size_t decide_all(rule_matcher *m, rule_target target, const char *s, size_t len,
                         const int *state, const size_t *hit)
{
    const winnow_rules *r = m->rules;
    const rule *first = NULL;
    int scanned = 0;
    uint64_t found = 0;
    for (size_t i = 0; i < r->n; i++) {
        const rule *x = &r->rules[i];
        if (x->target != target || (first && x->action != RA_KEEP)) continue;
        int g = group_of(x);
        if (x->combinable && state[g] != -1) {
            if (state[g] == 0 || i != hit[g] || len > x->max) continue;
        } else if (len > x->max ||
                   (x->dispatched && !prefix_may(&x->prefix, (const unsigned char *)s, len)) ||
                   !solo_matches(m, i, s, len, &scanned, &found)) {
            continue;
        }
        first = x;
        if (x->action == RA_KEEP) break;
    }
    return first ? (size_t)(first - r->rules) + 1 : 0;
}

/* The pair masks of the candidates for first byte b0 (at most 64), built on first
 * use; NULL if out of memory.  Double-checked: the acquire load pairs with the release
 * store made under the lock. */
static const pair_masks *masks_for(winnow_rules *r, rule_target t, size_t b0)
{
    pair_masks *pm = atomic_load_explicit(&r->masks[t][b0], memory_order_acquire);
    if (pm) return pm;
    pthread_mutex_lock(&r->lock);
    pm = atomic_load_explicit(&r->masks[t][b0], memory_order_relaxed);
    if (!pm && (pm = calloc(1, sizeof *pm)) != NULL) {
        const candidate *a = r->cand[t] + r->cand_at[t][b0];
        size_t na = r->cand_at[t][b0 + 1] - r->cand_at[t][b0];
        for (size_t j = 0; j < na; j++) {
            uint64_t bit = (uint64_t)1 << j;
            pm->any |= bit;
            for (unsigned c = 0; c < 0x5F; c++)
                if (!a[j].has_row || prefix_bit(a[j].row, c)) pm->by[c] |= bit;
        }
        atomic_store_explicit(&r->masks[t][b0], pm, memory_order_release);
    }
    pthread_mutex_unlock(&r->lock);
    return pm;
}

/* decide() for a first byte that lists more than 64 dispatched rules: each is tested. */
static size_t decide_long(rule_matcher *m, rule_target target, const char *s, size_t len,
                          size_t best, uint32_t best_prio)
{
    const winnow_rules *r = m->rules;
    const unsigned char *u = (const unsigned char *)s;
    const candidate *a = r->cand[target] + r->cand_at[target][u[0]],
                    *ae = r->cand[target] + r->cand_at[target][u[0] + 1];
    const candidate *b = r->rest[target], *be = b + r->n_rest[target];
    int scanned = 0;
    uint64_t found = 0;
    while (a < ae || b < be) {
        const candidate *c = b == be || (a < ae && a->prio < b->prio) ? a++ : b++;
        if (best_prio < c->prio) return best + 1;
        if (candidate_may(c, u, len) && solo_matches(m, c->rule, s, len, &scanned, &found))
            return c->rule + 1;
    }
    return best != SIZE_MAX ? best + 1 : 0;
}

static size_t decide(rule_matcher *m, rule_target target, const char *s, size_t len)
{
    const winnow_rules *r = m->rules;
    /* state[g]: 0 = no joined rule of group g matches; 1 = rule hit[g] is the one of
     * them that decides; -1 = unknown, they all run alone. */
    int state[N_GROUPS], k = band_of(len), unknown = 0;
    size_t hit[N_GROUPS] = {0}, best = SIZE_MAX; /* best: the deciding joined hit */
    uint32_t best_prio = UINT32_MAX;
    for (int g = 0; g < N_GROUPS; g++) {
        const pcre2_code *jc = NULL;
        int *st = &state[g];
        *st = 0;
        if (!r->n_joins[target][g]) continue;
        *st = band_code(m, target, g, k, len, 0, &jc);
        if (*st == 1) *st = joined_best(m, jc, g, s, len, &hit[g]);
        /* A limit in the interpreter: try once more with the JIT. */
        if (*st == -2 && !m->off_gen[target][g] && band_code(m, target, g, k, len, 1, &jc) == 1)
            *st = joined_best(m, jc, g, s, len, &hit[g]);
        if (*st < 0) {
            *st = -1;
            unknown = 1;
        }
        if (*st == 1 && r->prio[hit[g]] < best_prio) {
            best = hit[g];
            best_prio = r->prio[best];
        }
    }
    if (unknown) return decide_all(m, target, s, len, state, hit);
    /* The rules that run alone, in priority order: the dispatched ones listed for the
     * first byte (those of them that pass their pair rows: bits of `left`) merged with
     * the rest; a joined hit decides once they pass it. */
    const unsigned char *u = (const unsigned char *)s;
    size_t row = len ? u[0] : 256;
    const candidate *a = r->cand[target] ? r->cand[target] + r->cand_at[target][row] : NULL;
    size_t na = r->cand_at[target][row + 1] - r->cand_at[target][row];
    if (na > 64) return decide_long(m, target, s, len, best, best_prio);
    uint64_t left = na == 64 ? ~(uint64_t)0 : ((uint64_t)1 << na) - 1;
    const pair_masks *pm = row < 256 && na ? masks_for((winnow_rules *)r, target, row) : NULL;
    if (pm) left = len >= 2 && prefix_probed(u[1]) ? pm->by[u[1] - 0x20] : pm->any;
    const candidate *b = r->rest[target], *be = b + r->n_rest[target];
    int scanned = 0;
    uint64_t found = 0;
    while (left || b < be) {
        const candidate *c;
        if (left && (b == be || a[__builtin_ctzll(left)].prio < b->prio)) {
            c = &a[__builtin_ctzll(left)];
            left &= left - 1;
        } else {
            c = b++;
        }
        if (best_prio < c->prio) return best + 1;
        if (candidate_may(c, u, len) && solo_matches(m, c->rule, s, len, &scanned, &found))
            return c->rule + 1;
    }
    return best != SIZE_MAX ? best + 1 : 0;
}

void rules_apply_doc(rule_matcher *m, doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE) continue;
        const char *name = NULL;
        rule_action a = rules_match(m, RT_TEXT, b->text, b->len, &name, NULL);
        if (a == RA_NONE) continue;
        b->ract = a;
        char *why = arena_alloc(&d->mem, strlen(name) + 6);
        if (why) {
            memcpy(why, "rule:", 5);
            strcpy(why + 5, name);
        }
        b->reason = why ? why : "rule";
        b->dec = a == RA_KEEP ? DEC_KEEP : DEC_DROP;
    }
}

void rules_cut(doc *d, size_t from, size_t to)
{
    if (to > d->n) to = d->n;
    for (size_t i = from; i < d->n; i++)
        if (d->blocks[i].ract == RA_CUT_AFTER) {
            for (size_t j = i + 1; j < d->n; j++)
                if (d->blocks[j].ract != RA_KEEP) {
                    d->blocks[j].dec = DEC_DROP;
                    d->blocks[j].reason = "after cut";
                }
            break;
        }
    for (size_t i = to; i-- > 0;)
        if (d->blocks[i].ract == RA_CUT_BEFORE) {
            for (size_t j = 0; j < i; j++)
                if (d->blocks[j].ract != RA_KEEP) {
                    d->blocks[j].dec = DEC_DROP;
                    d->blocks[j].reason = "before cut";
                }
            break;
        }
}

#ifdef WINNOW_RULEGEN
unsigned rules_gen_meta(const winnow_rules *r, size_t i)
{
    const rule *x = &r->rules[i];
    return (x->combinable ? RULES_META_COMBINABLE : 0) | (x->anchored ? RULES_META_ANCHORED : 0) |
           (x->dispatched ? RULES_META_DISPATCHED : 0) |
           (x->dispatched && x->prefix.pair ? RULES_META_PAIR : 0) |
           (x->dispatched && x->prefix.triple ? RULES_META_TRIPLE : 0);
}

size_t rules_gen_prefix(const winnow_rules *r, size_t i, unsigned char *out)
{
    const rule *x = &r->rules[i];
    if (!x->dispatched) return 0;
    if (out) prefix_flatten(&x->prefix, out);
    return prefix_flat_size(&x->prefix);
}

const pcre2_code *rules_gen_code(winnow_rules *r, size_t s)
{
    if (s >= RULES_N_JOINED) {
        size_t i = s - RULES_N_JOINED;
        return i < r->n && !r->rules[i].combinable ? rule_code(r, i) : NULL;
    }
    int k = (int)(s % N_BANDS), g = (int)(s / N_BANDS % N_GROUPS);
    rule_target t = (rule_target)(s / (N_BANDS * N_GROUPS));
    return r->band_use[t][g][k] == k ? joined_get(r, t, g, k)->code : NULL;
}
#endif
