/* rules.c -- matching rules against blocks (text rules) or element attributes (attr
 * rules), with a rule set built by rules_set.c.
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
 * rules and the Scrapinghub page texts this took rule matching from 13 ms to ~3 ms per
 * 1.5 MB. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/rules_blob.h"
#include "rules/rules_set.h"

#define MATCH_LIMIT 200000  /* backtracking bait becomes "no match", not a hang */
#define DEPTH_LIMIT 5000
#define JIT_STACK_MAX (1024 * 1024)
#define JOINED_STEPS 16     /* matches of the joined pattern stepped through per subject */
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

/* The band of a length. */
static int band_of(size_t len)
{
    int k = 0;
    while (len > band_top(k)) k++;
    return k;
}

_Static_assert(2 * N_GROUPS * N_BANDS == RULES_N_JOINED, "rules_blob.h slot count");

/* Whether candidate c may match s[0..len): its length bound and prefix filters (that
 * its first byte may start a match is what put it on the list). */
static int candidate_may(const candidate *c, const unsigned char *s, size_t len)
{
    return len <= c->max && prefix_may_rest(c->has_row ? c->row : NULL, c->triple, s, len);
}

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

void wn_rules_joined_free(winnow_rules *r)
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
        c = wn_rules_blob_decode(RULES_N_JOINED + i);
        if (!c) c = wn_rules_compile_rule(x, &ec, &eo);
        atomic_store_explicit(&x->code, c, memory_order_release);
    }
    pthread_mutex_unlock(&r->lock);
    return c;
}

/* The code to scan a subject of len bytes with, for a pattern `code` of target t: its
 * JIT copy (*jit) once there is one; `code` itself until the bytes it scanned (plus
 * CALL_COST a call, counted in *scanned) would have paid for the JIT, or until it hit a
 * limit (force) that the JIT, with its own stack, may not hit. */
static const pcre2_code *jit_when_paid(winnow_rules *r, const pcre2_code *code,
                                       _Atomic(pcre2_code *) *jit, atomic_size_t *scanned,
                                       rule_target t, size_t len, int force)
{
    pcre2_code *jc = atomic_load_explicit(jit, memory_order_acquire);
    if (jc) return jc;
    size_t cost = len + CALL_COST;
    if (!force &&
        atomic_fetch_add_explicit(scanned, cost, memory_order_relaxed) + cost < jit_after[t])
        return code;
    pthread_mutex_lock(&r->lock);
    jc = atomic_load_explicit(jit, memory_order_relaxed);
    if (!jc) {
        /* A copy, since other threads may be matching with `code` right now.  When
         * the JIT is unavailable the copy still works, interpreted. */
        jc = pcre2_code_copy(code);
        if (jc) {
            pcre2_jit_compile(jc, PCRE2_JIT_COMPLETE);
            atomic_store_explicit(jit, jc, memory_order_release);
        }
    }
    pthread_mutex_unlock(&r->lock);
    return jc ? jc : code;
}

/* The code to run rule i alone on a subject of len bytes (see jit_when_paid); *jit
 * tells whether it is the JIT copy.  NULL only if out of memory. */
static const pcre2_code *solo_code(winnow_rules *r, size_t i, rule_target t, size_t len,
                                   int force, int *jit)
{
    rule *x = &r->rules[i];
    const pcre2_code *c = rule_code(r, i), *use = NULL;
    if (c) use = jit_when_paid(r, c, &x->jit, &x->scanned, t, len, force);
    *jit = use != c;
    return use;
}

/* Appends rule x to b as one self-contained group "(?FLAGS-OTHERS:PATTERN)", so one
 * rule's flags never leak into another's. */
static void wrap_rule(buf *b, const rule *x)
{
    static const struct { uint32_t opt; char c; } fl[] = {
        {PCRE2_CASELESS, 'i'}, {PCRE2_EXTENDED, 'x'}, {PCRE2_DOTALL, 's'},
        {PCRE2_MULTILINE, 'm'}};
    wn_buf_puts(b, "(?");
    for (size_t k = 0; k < 4; k++)
        if (x->flags & fl[k].opt) wn_buf_putc(b, fl[k].c);
    wn_buf_putc(b, '-');
    for (size_t k = 0; k < 4; k++)
        if (!(x->flags & fl[k].opt)) wn_buf_putc(b, fl[k].c);
    wn_buf_putc(b, ':');
    wn_buf_puts(b, x->pattern);
    /* A # comment in an x pattern runs to the end of the line: end it before ')'. */
    wn_buf_puts(b, (x->flags & PCRE2_EXTENDED) ? "\n)" : ")");
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
int wn_rules_wraps_cleanly(const rule *x)
{
    buf b;
    wn_buf_init(&b, 0);
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
    wn_buf_free(&b);
    return ok;
}

/* The group of rule x: u class and anchoring. */
static int group_of(const rule *x) { return x->group; }

/* Whether rule x joins the pattern of target t, group g and band k. */
static int in_band(const rule *x, rule_target t, int g, int k)
{
    return x->target == t && x->combinable && group_of(x) == g &&
           x->max >= (k ? band_top(k - 1) + 1 : 0);
}

/* The joined pattern of band k lists its keep rules first, then the others, each in
 * file order and each followed by (*MARK:INDEX), so a match names the rule that
 * produced it.  Returns NULL when no rule joins (*any = 0) or when the join does not
 * compile (*any = 1). */
static pcre2_code *compile_joined(const winnow_rules *r, rule_target t, int g, int k,
                                  const unsigned char *skip, int *any)
{
    buf b;
    wn_buf_init(&b, 0);
    *any = 0;
    for (int keeps = 1; keeps >= 0; keeps--)
        for (size_t i = 0; i < r->n; i++) {
            const rule *x = &r->rules[i];
            if (!in_band(x, t, g, k) || (x->action == RA_KEEP) != keeps || (skip && skip[i]))
                continue;
            if (*any) wn_buf_putc(&b, '|');
            wrap_rule(&b, x);
            char mark[32];
            snprintf(mark, sizeof mark, "(*MARK:%zu)", i);
            wn_buf_puts(&b, mark);
            *any = 1;
        }
    pcre2_code *code = NULL;
    if (*any && !b.failed) {
        int ec;
        PCRE2_SIZE eo;
        code = pcre2_compile((PCRE2_SPTR)b.data, b.len, joined_options(g >= 2), &ec, &eo, NULL);
    }
    wn_buf_free(&b);
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
        j->code = r->n == r->n_builtin ? wn_rules_blob_decode(((size_t)t * N_GROUPS + g) * N_BANDS + k)
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
    return jit_when_paid(r, j->code, &j->jit, &j->scanned, t, len, force);
}

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
    free(m->memo);
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

rule_action wn_rules_match(rule_matcher *m, rule_target target, const char *s, size_t len,
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
            *found = wn_need_scan(r->need[x->target], s, len, r->need_all[x->target]);
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
        row < 256 && na && na <= 64 ? masks_for((winnow_rules *)r, target, row) : NULL;
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

void wn_rules_apply_doc(rule_matcher *m, doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_NONE) continue;
        const char *name = NULL;
        rule_action a = wn_rules_match(m, RT_TEXT, b->text, b->len, &name, NULL);
        if (a == RA_NONE) continue;
        b->ract = a;
        char *why = wn_arena_alloc(&d->mem, strlen(name) + 6);
        if (why) {
            memcpy(why, "rule:", 5);
            strcpy(why + 5, name);
        }
        b->reason = why ? why : "rule";
        b->dec = a == RA_KEEP ? DEC_KEEP : DEC_DROP;
    }
}

void wn_rules_cut(doc *d, size_t from, size_t to)
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

