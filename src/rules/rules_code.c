/* rules_code.c -- the PCRE2 code a rule set runs: each rule's own pattern (compiled
 * when its file is added, or for the built-in set decoded from the serialisations
 * tools/rulegen.c embedded, on first use), the joined alternations the matcher tries
 * first, their JIT-compiled copies once they have done enough work to pay for the JIT,
 * and the pair masks of the dispatch lists.
 *
 * The set's rules and index never change once it is built (rules_set.c); what is here
 * is made on demand and shared by every matcher of the set, in the set's cache under
 * its lock, published with release stores that the fast paths read with acquire
 * loads.  It changes how fast a verdict comes, never the verdict.  Both the set builder
 * and the matcher (rules.c) call into this file; it calls neither. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/rules_blob.h"
#include "rules/rules_set.h"

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
/* A rule run alone JIT-compiles in a fifth of the joined pattern's time (some 0.3 M
 * instructions), and an interpreted call of one costs ~3,700 instructions against ~450
 * JIT-compiled (an anchored alternation of 30 words pushes a frame per word tried):
 * with 32 KB of work the 181 Scrapinghub innerText pages in one process take 323.3 M ->
 * 305.9 M instructions, one process per page 730.7 M -> 730.6 M (16 KB: 301.3 M, but
 * 732.7 M per page). */
static const size_t solo_jit_after[2] = {[RT_TEXT] = 32768, [RT_ATTR] = 0};




pcre2_code *wn_rules_compile_rule(const rule *x, int *ec, PCRE2_SIZE *eo)
{
    uint32_t f = x->flags;
    return pcre2_compile((PCRE2_SPTR)x->pattern, strlen(x->pattern),
                         f | (f & PCRE2_UTF ? PCRE2_MATCH_INVALID_UTF : 0), ec, eo, NULL);
}

#ifndef WINNOW_RULEGEN
pcre2_code *wn_rules_blob_decode(size_t s)
{
    const size_t *at = winnow_default_code_at;
    if (at[s + 1] == at[s]) return NULL;
    pcre2_code *code = NULL;
    if (pcre2_serialize_decode(&code, 1, winnow_default_codes + at[s], NULL) != 1) return NULL;
    return code;
}
#else
pcre2_code *wn_rules_blob_decode(size_t s) { return NULL; }
#endif

/* A lower bound of the bytes a match of c spans from its start (0: none known).  PCRE2
 * counts characters in UTF mode, never more than the bytes; a pattern that turned the
 * start-up optimisations off gets none, since PCRE2 would not rely on it either. */
size_t wn_rules_min_length(const pcre2_code *c)
{
    uint32_t n = 0, opts = 0;
    if (!c || pcre2_pattern_info(c, PCRE2_INFO_ALLOPTIONS, &opts) != 0 ||
        (opts & PCRE2_NO_START_OPTIMIZE) || pcre2_pattern_info(c, PCRE2_INFO_MINLENGTH, &n) != 0)
        return 0;
    return n;
}

/* The code of rule i: built-in rules are decoded or compiled on first use, under the
 * lock; the acquire load pairs with the release store.  NULL only if out of memory. */
static const pcre2_code *rule_code(const winnow_rules *r, size_t i)
{
    rule *x = &r->rules[i];
    pcre2_code *c = atomic_load_explicit(&x->code, memory_order_acquire);
    if (c) return c;
    pthread_mutex_lock(&r->cache->lock);
    c = atomic_load_explicit(&x->code, memory_order_relaxed);
    if (!c) {
        int ec;
        PCRE2_SIZE eo;
        c = wn_rules_blob_decode(RULES_N_JOINED + i);
        if (!c) c = wn_rules_compile_rule(x, &ec, &eo);
        atomic_store_explicit(&x->min_len, wn_rules_min_length(c), memory_order_relaxed);
        atomic_store_explicit(&x->code, c, memory_order_release);
    }
    pthread_mutex_unlock(&r->cache->lock);
    return c;
}

/* The code to scan a subject of len bytes with, for a pattern `code`: its JIT copy
 * (*jit) once there is one; `code` itself until the bytes it scanned (plus CALL_COST a
 * call, counted in *scanned) reach `after`, the work that pays for the JIT, or until it
 * hit a limit (force) that the JIT, with its own stack, may not hit. */
static const pcre2_code *jit_when_paid(const winnow_rules *r, const pcre2_code *code,
                                       _Atomic(pcre2_code *) *jit, atomic_size_t *scanned,
                                       size_t after, size_t len, int force)
{
    pcre2_code *jc = atomic_load_explicit(jit, memory_order_acquire);
    if (jc) return jc;
    size_t cost = len + CALL_COST;
    if (!force &&
        atomic_fetch_add_explicit(scanned, cost, memory_order_relaxed) + cost < after)
        return code;
    pthread_mutex_lock(&r->cache->lock);
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
    pthread_mutex_unlock(&r->cache->lock);
    return jc ? jc : code;
}

/* The code to run rule i alone on a subject of len bytes (see jit_when_paid); *jit
 * tells whether it is the JIT copy.  NULL only if out of memory. */
const pcre2_code *wn_rules_solo_code(const winnow_rules *r, size_t i, rule_target t, size_t len,
                                   int force, int *jit)
{
    rule *x = &r->rules[i];
    const pcre2_code *c = rule_code(r, i), *use = NULL;
    if (c) use = jit_when_paid(r, c, &x->jit, &x->scanned, solo_jit_after[t], len, force);
    *jit = use != c;
    return use;
}

void wn_rules_solo_skipped(const winnow_rules *r, size_t i, size_t len)
{
    atomic_fetch_add_explicit(&r->rules[i].scanned, len + CALL_COST, memory_order_relaxed);
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

/* Whether rule x joins the pattern of target t, group g and band k. */
static int in_band(const rule *x, rule_target t, int g, int k)
{
    return x->target == t && x->combinable && x->group == g &&
           x->max >= (k ? band_top(k - 1) + 1 : 0);
}

/* The joined pattern of band k lists its keep rules first, then the others, each in
 * file order and each followed by (*MARK:INDEX), so a match names the rule that
 * produced it.  Returns NULL when no rule joins (*any = 0) or when the join does not
 * compile (*any = 1). */
pcre2_code *wn_rules_compile_joined(const winnow_rules *r, rule_target t, int g, int k,
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
joined *wn_rules_joined(const winnow_rules *r, rule_target t, int g, int k)
{
    joined *j = &r->cache->comb[t][g][k];
    if (atomic_load_explicit(&j->ready, memory_order_acquire)) return j;
    pthread_mutex_lock(&r->cache->lock);
    if (!atomic_load_explicit(&j->ready, memory_order_relaxed)) {
        int any = 1;
        /* The built-in set alone: its joined patterns may come precompiled. */
        j->code = r->n == r->n_builtin ? wn_rules_blob_decode(((size_t)t * N_GROUPS + g) * N_BANDS + k)
                                       : NULL;
        if (!j->code) j->code = wn_rules_compile_joined(r, t, g, k, NULL, &any);
        j->failed = any && !j->code;
        atomic_store_explicit(&j->ready, 1, memory_order_release);
    }
    pthread_mutex_unlock(&r->cache->lock);
    return j;
}

/* The code to scan a subject of len bytes with: the JIT copy once there is one; the
 * interpreted pattern until the bytes it scanned would have paid for the JIT, or until
 * it hit a limit (force) that the JIT, with its own stack, may not hit. */
const pcre2_code *wn_rules_joined_code(const winnow_rules *r, joined *j, rule_target t, size_t len,
                                     int force)
{
    return jit_when_paid(r, j->code, &j->jit, &j->scanned, jit_after[t], len, force);
}

/* The pair masks of the candidates for first byte b0 (at most 64), built on first
 * use; NULL if out of memory.  Double-checked: the acquire load pairs with the release
 * store made under the lock. */
const pair_masks *wn_rules_pair_masks(const winnow_rules *r, rule_target t, size_t b0)
{
    pair_masks *pm = atomic_load_explicit(&r->cache->masks[t][b0], memory_order_acquire);
    if (pm) return pm;
    pthread_mutex_lock(&r->cache->lock);
    pm = atomic_load_explicit(&r->cache->masks[t][b0], memory_order_relaxed);
    if (!pm && (pm = calloc(1, sizeof *pm)) != NULL) {
        const candidate *a = r->cand[t] + r->cand_at[t][b0];
        size_t na = r->cand_at[t][b0 + 1] - r->cand_at[t][b0];
        for (size_t j = 0; j < na; j++) {
            uint64_t bit = (uint64_t)1 << j;
            pm->any |= bit;
            for (unsigned c = 0; c < 0x5F; c++)
                if (!a[j].has_row || prefix_bit(a[j].row, c)) pm->by[c] |= bit;
        }
        atomic_store_explicit(&r->cache->masks[t][b0], pm, memory_order_release);
    }
    pthread_mutex_unlock(&r->cache->lock);
    return pm;
}

rules_cache *wn_rules_cache_new(void)
{
    rules_cache *c = calloc(1, sizeof *c);
    if (c) pthread_mutex_init(&c->lock, NULL);
    return c;
}

/* Frees what c made from the index. */
static void cache_clear(rules_cache *c)
{
    for (int t = 0; t < 2; t++) {
        for (int g = 0; g < N_GROUPS; g++)
            for (int k = 0; k < N_BANDS; k++) {
                joined *j = &c->comb[t][g][k];
                pcre2_code_free(atomic_load(&j->jit));
                pcre2_code_free(j->code);
                j->code = NULL;
                j->failed = 0;
                atomic_store(&j->jit, NULL);
                atomic_store(&j->scanned, 0);
                atomic_store(&j->ready, 0);
            }
        for (int b = 0; b < 256; b++) {
            free(atomic_load(&c->masks[t][b]));
            atomic_store(&c->masks[t][b], NULL);
        }
    }
}

void wn_rules_cache_reset(const winnow_rules *r)
{
    pthread_mutex_lock(&r->cache->lock);
    cache_clear(r->cache);
    pthread_mutex_unlock(&r->cache->lock);
}

void wn_rules_cache_free(rules_cache *c)
{
    if (!c) return;
    cache_clear(c);
    pthread_mutex_destroy(&c->lock);
    free(c);
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
    return r->band_use[t][g][k] == k ? wn_rules_joined(r, t, g, k)->code : NULL;
}
#endif
