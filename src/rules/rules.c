/* rules.c -- matching rules against blocks (text rules) or element attributes (attr
 * rules), with a rule set built by rules_set.c and the code rules_code.c makes for it.
 *
 * Matching a subject: the first keep rule that matches decides, else the first rule in
 * file order.  PCRE2 tries an alternation's branches one by one, so rules are kept off
 * subjects they cannot match before PCRE2 runs: an anchored rule whose first bytes are
 * few is "dispatched" -- it is only tried on subjects whose first one to eight bytes
 * can start a match (rules_filter.c learns them from the pattern), a rule with need=
 * only where one of its words occurs.  Such rules run alone, and so does a rule that
 * may start at any byte (it would cost the joined pattern its start bitmap).  The
 * other rules of a target are joined into one alternation, keep rules first, each
 * branch marked with its rule: a subject that matches none of it costs one scan, and a
 * hit names its rule; a long subject meets a second joined pattern that holds only the
 * rules whose max reaches it.  Patterns are JIT-compiled once they have done enough
 * work to pay for the JIT, so a run that never meets a target or a tiny input stays
 * cheap (rules_code.c).  All the state of one extraction (match data, switched-off
 * rules, the memo) is the matcher's.  On the built-in text rules and the Scrapinghub
 * page texts this took rule matching from 13 ms to ~3 ms per 1.5 MB. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/rules_blob.h"
#include "rules/rules_set.h"

#define MATCH_LIMIT 200000  /* backtracking bait becomes "no match", not a hang */
#define DEPTH_LIMIT 5000
#define JIT_STACK_MAX (1024 * 1024)
#define JOINED_STEPS 16     /* matches of the joined pattern stepped through per subject */

/* The band of a length. */
static int band_of(size_t len)
{
    int k = 0;
    while (len > band_top(k)) k++;
    return k;
}

_Static_assert(2 * N_GROUPS * N_BANDS == RULES_N_JOINED, "rules_blob.h slot count");

/* Whether candidate c may match s[0..len): its length bound and prefix filters (that
 * its first byte may start a match is what put it on the list), the deep one last. */
static int candidate_may(const candidate *c, const unsigned char *s, size_t len)
{
    return len <= c->max && prefix_may_rest(c->has_row ? c->row : NULL, c->triple, s, len) &&
           prefix_may_deep(c->deep, s, len);
}

/* Short subjects repeat within a page (menu items at the top and the bottom, "Share"
 * under every picture, one class string on every list item): the matcher remembers the
 * verdict for each of the last MEMO_SLOTS distinct ones, by hash. */
#define MEMO_SLOTS 256 /* a power of two */
#define MEMO_KEY 48    /* longest subject remembered */
typedef struct {
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
    /* MEMO_SLOTS, allocated on first use; memo_hash[i] is the hash of slot i's subject,
     * 0 while empty.  Only the hashes are zeroed: clearing the 18 KB of slots cost more
     * than all the rest of the memo on a page (18,700 instructions a page). */
    memo_slot *memo;
    uint32_t *memo_hash;    /* (in memo's block) */
    unsigned n_errs;        /* PCRE2 limits or errors met so far */
    char warning[200];
    wn_deadline *deadline;  /* the page's time limit, or NULL */
};













rule_matcher *wn_rules_matcher_new(const winnow_rules *rules)
{
    rule_matcher *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->rules = rules;
    if (!rules) return m;
    m->md = pcre2_match_data_create(1, NULL);
    m->mc = pcre2_match_context_create(NULL);
    if (!m->md || !m->mc) {
        wn_rules_matcher_free(m);
        return NULL;
    }
    pcre2_set_match_limit(m->mc, MATCH_LIMIT);
    pcre2_set_depth_limit(m->mc, DEPTH_LIMIT);
    return m;
}

void wn_rules_matcher_free(rule_matcher *m)
{
    if (!m) return;
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mc);
    pcre2_jit_stack_free(m->js);
    for (int t = 0; t < 2; t++)
        for (int u = 0; u < 2; u++)
            for (int k = 0; k < N_BANDS; k++) pcre2_code_free(m->own[t][u][k]);
    free(m->off);
    free(m->memo); /* (and memo_hash) */
    free(m);
}

const char *wn_rules_matcher_warning(const rule_matcher *m)
{
    return m && m->warning[0] ? m->warning : NULL;
}

int wn_rules_has_keep(const rule_matcher *m, rule_target target)
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
    if (x->combinable) m->off_gen[x->target][x->group]++; /* rebuild its joined pattern */
    return 0;
}

/* The joined pattern of band k for a subject of len bytes in group (t, g): 1 with *code set,
 * 0 when no rule of the band joins, -1 when they must run alone.  force: JIT it now. */
static int band_code(rule_matcher *m, rule_target t, int g, int k, size_t len, int force,
                     const pcre2_code **code)
{
    const winnow_rules *r = m->rules;
    k = r->band_use[t][g][k];
    if (m->off_gen[t][g]) {
        if (m->own_gen[t][g][k] != m->off_gen[t][g]) {
            /* Bait input: JIT at once, the limits are what the input hits. */
            int any;
            pcre2_code_free(m->own[t][g][k]);
            m->own[t][g][k] = wn_rules_compile_joined(r, t, g, k, m->off, &any);
            if (m->own[t][g][k]) pcre2_jit_compile(m->own[t][g][k], PCRE2_JIT_COMPLETE);
            m->own_failed[t][g][k] = any && !m->own[t][g][k];
            m->own_gen[t][g][k] = m->off_gen[t][g];
        }
        *code = m->own[t][g][k];
        return m->own_failed[t][g][k] ? -1 : *code != NULL;
    }
    joined *j = wn_rules_joined(r, t, g, k);
    if (j->failed) return -1;
    if (!j->code) return 0;
    if (force && atomic_load_explicit(&j->jit, memory_order_acquire)) return -1;
    *code = wn_rules_joined_code(r, j, t, len, force);
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
        if (!found || r->prio[k] < r->prio[*best]) *best = k; /* keep first, then file order */
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

/* The memo slot for s (its index in *at), or NULL when s is too long to remember or
 * memory ran out. */
static memo_slot *memo_slot_for(rule_matcher *m, rule_target target, const char *s, size_t len,
                                uint32_t *hash, size_t *at)
{
    if (len > MEMO_KEY) return NULL;
    if (!m->memo) { /* one block: the slots, then their hashes */
        if (!(m->memo = malloc(MEMO_SLOTS * (sizeof *m->memo + sizeof *m->memo_hash))))
            return NULL;
        m->memo_hash = (uint32_t *)(m->memo + MEMO_SLOTS);
        memset(m->memo_hash, 0, MEMO_SLOTS * sizeof *m->memo_hash);
    }
    uint32_t h = 2166136261u ^ (uint32_t)target; /* FNV-1a */
    for (size_t i = 0; i < len; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
    *hash = h | 1;
    *at = h & (MEMO_SLOTS - 1);
    return &m->memo[*at];
}

void wn_rules_matcher_set_deadline(rule_matcher *m, wn_deadline *dl)
{
    if (m) m->deadline = dl;
}

rule_action wn_rules_match(rule_matcher *m, rule_target target, const char *s, size_t len,
                           const rule_info **info)
{
    /* (No prio: the set's index could not be built, memory ran out; it matches nothing.) */
    if (!m || !m->rules || !m->rules->n || !m->rules->prio) return RA_NONE;
    /* Out of time: the extraction fails anyway, so no verdict is needed. */
    if (wn_deadline_passed(m->deadline)) return RA_NONE;
    uint32_t h = 0;
    size_t at = 0;
    memo_slot *slot = memo_slot_for(m, target, s, len, &h, &at);
    size_t win;
    if (slot && m->memo_hash[at] == h && slot->len == len && slot->target == target &&
        slot->gen == m->n_errs && memcmp(slot->key, s, len) == 0) {
        win = slot->rule;
    } else {
        unsigned errs = m->n_errs;
        win = decide(m, target, s, len);
        /* A verdict reached through a PCRE2 limit is not remembered, and one that
         * switched a rule off makes the older ones stale (gen). */
        if (slot && m->n_errs == errs) {
            m->memo_hash[at] = h;
            slot->len = (unsigned char)len;
            slot->target = (unsigned char)target;
            slot->gen = m->n_errs;
            slot->rule = win;
            memcpy(slot->key, s, len);
        }
    }
    if (!win) return RA_NONE;
    const rule *first = &m->rules->rules[win - 1];
    if (info) *info = &first->info;
    return first->action;
}

/* Whether rule i, which runs alone, matches s, its cheap tests passed (solo_matches).
 * A rule that hits a PCRE2 limit is switched off. */
static int solo_run(rule_matcher *m, size_t i, const char *s, size_t len)
{
    const winnow_rules *r = m->rules;
    const rule *x = &r->rules[i];
    int jit;
    const pcre2_code *code = wn_rules_solo_code(r, i, x->target, len, 0, &jit);
    int rc = code ? run(m, code, s, len, 0, jit ? x->name : NULL) : -1;
    if (rc < 0 && code && !jit) { /* try once more with the JIT */
        code = wn_rules_solo_code(r, i, x->target, len, 1, &jit);
        rc = code ? run(m, code, s, len, 0, x->name) : -1;
    }
    if (rc < 0) switch_off(m, i);
    return rc == 1;
}

/* Whether rule i, which runs alone, matches s, its max= and prefix filter passed.  Its
 * minimum length and need= literals come first, the literals scanned once per subject
 * for every gated rule (*scanned, *found).  Inline: most calls end at these tests (the
 * gated rules that run alone meet every block), so they cost no call. */
static inline int solo_matches(rule_matcher *m, size_t i, const char *s, size_t len,
                               int *scanned, uint64_t *found)
{
    const winnow_rules *r = m->rules;
    const rule *x = &r->rules[i];
    if (m->off && m->off[i]) return 0;
    if (len < atomic_load_explicit(&x->min_len, memory_order_relaxed)) {
        wn_rules_solo_skipped(r, i, len);
        return 0;
    }
    if (x->need_bit >= 0) {
        if (!*scanned) {
            *found = wn_need_scan(r->need[x->target], s, len, r->need_all[x->target]);
            *scanned = 1;
        }
        if (!(*found >> x->need_bit & 1)) return 0;
    }
    return solo_run(m, i, s, len);
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
        int g = x->group;
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
     * first byte merged with the rest; a joined hit decides once they pass it.  With
     * masks (at most 64 listed) only those that pass their pair rows are visited (bits
     * of `left`); without, each in turn (`next`). */
    const unsigned char *u = (const unsigned char *)s;
    size_t row = len ? u[0] : 256;
    const candidate *a = r->cand[target] ? r->cand[target] + r->cand_at[target][row] : NULL;
    size_t na = r->cand_at[target][row + 1] - r->cand_at[target][row];
    const pair_masks *pm =
        row < 256 && na && na <= 64 ? wn_rules_pair_masks(r, target, row) : NULL;
    uint64_t left = !pm ? 0 : len >= 2 && prefix_probed(u[1]) ? pm->by[u[1] - 0x20] : pm->any;
    size_t next = pm ? na : 0;
    const candidate *b = r->rest[target], *be = b + r->n_rest[target];
    int scanned = 0;
    uint64_t found = 0;
    for (;;) {
        size_t j = left ? (size_t)__builtin_ctzll(left) : next;
        const candidate *c;
        if (j < na && (b == be || a[j].prio < b->prio)) {
            c = &a[j];
            if (left) left &= left - 1;
            else next++;
        } else if (b < be) {
            c = b++;
        } else {
            break;
        }
        if (best_prio < c->prio) return best + 1;
        if (candidate_may(c, u, len) && solo_matches(m, c->rule, s, len, &scanned, &found))
            return c->rule + 1;
    }
    return best != SIZE_MAX ? best + 1 : 0;
}

rule_action wn_rules_apply_block(rule_matcher *m, block *b)
{
    const rule_info *info = NULL;
    rule_action a = wn_rules_match(m, RT_TEXT, b->text, b->len, &info);
    if (a == RA_NONE) return a;
    b->ract = a;
    b->why = WHY_RULE;
    b->rule = info;
    b->dec = a == RA_KEEP ? DEC_KEEP : DEC_DROP;
    return a;
}

void wn_rules_apply_doc(rule_matcher *m, doc *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->blocks[i].dec == DEC_NONE) wn_rules_apply_block(m, &d->blocks[i]);
}

void wn_rules_cut(doc *d, size_t from, size_t to)
{
    if (to > d->n) to = d->n;
    for (size_t i = from; i < d->n; i++)
        if (d->blocks[i].ract == RA_CUT_AFTER) {
            for (size_t j = i + 1; j < d->n; j++)
                if (d->blocks[j].ract != RA_KEEP) {
                    d->blocks[j].dec = DEC_DROP;
                    d->blocks[j].why = WHY_AFTER_CUT;
                }
            break;
        }
    for (size_t i = to; i-- > 0;)
        if (d->blocks[i].ract == RA_CUT_BEFORE) {
            for (size_t j = 0; j < i; j++)
                if (d->blocks[j].ract != RA_KEEP) {
                    d->blocks[j].dec = DEC_DROP;
                    d->blocks[j].why = WHY_BEFORE_CUT;
                }
            break;
        }
}


