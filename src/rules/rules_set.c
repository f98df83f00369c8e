/* rules_set.c -- rule sets: parsing rule files into rules, compiling each one, the
 * built-in set embedded at build time, and the index the matcher (rules.c) reads.
 *
 *   # comment
 *   [category]                      sets the category of the rules below
 *   ACTION[@TARGET] /PATTERN/FLAGS [NAME] [max=N] [need=WORD,...] [cut=hard]
 *
 * ACTION is drop, cut-after, cut-before or keep; TARGET is text (default) or attr;
 * FLAGS any of i x s m u.  The option max=N runs the rule only on subjects of at most N
 * bytes, need= only on subjects that contain one of the words: most chrome is a short
 * line, and a bound the engine checks costs nothing, where one written into the
 * pattern costs a scan of every long paragraph.  cut=hard marks a cut rule the article
 * never goes on past (a comment section), where a soft one (the default) may stand
 * inside a long story ("Related").  Every rule is compiled when its file
 * is added, so a bad rule fails before any input is read; only the built-in set, which
 * a build-time tool (tools/rulegen.c) has compiled already, is compiled lazily, or
 * taken from the PCRE2 serialisations that tool embeds (see rules_blob.h), with the
 * prefix filters (rules_filter.h) it learnt for each rule.  Indexing sorts the rules for
 * the matcher: dispatched rules listed by the bytes that may start their matches, rules
 * with need= gated by one scan for their words, the rest joined into alternations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/rules_blob.h"
#include "rules/rules_set.h"

#define MAX_OPTION (1u << 30) /* largest max=N */
/* A rule is dispatched when at most this many first bytes may start a match.  One that
 * may start almost anywhere (a lookahead, a \S+ run, ^.{0,N}) is neither dispatched nor
 * joined: PCRE2 keeps no start bitmap for an alternation that holds it, so every
 * subject would pay a try of every branch at every byte (see may_start_anywhere). */
#define DISPATCH_MAX 128
/* Probes spent per level on a rule's prefix filter (rules_filter.h): a rule file given
 * at run time pays them at every start (some 0.1 ms per thousand), the built-in set once
 * at build time. */
#ifdef WINNOW_RULEGEN
#define PROBE_BUDGET 100000
#else
#define PROBE_BUDGET 4000
#endif
/* The same for the deep filter, per rule (starts of 4 to PREFIX_DEPTH bytes). */
#define DEEP_BUDGET PROBE_BUDGET

winnow_rules *winnow_rules_new(void)
{
    winnow_rules *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    if (!(r->cache = wn_rules_cache_new())) {
        free(r);
        return NULL;
    }
    return r;
}

size_t winnow_rules_count(const winnow_rules *r) { return r ? r->n : 0; }

static void rule_free(rule *x)
{
    pcre2_code_free(atomic_load(&x->code));
    pcre2_code_free(atomic_load(&x->jit));
    wn_prefix_free(&x->prefix);
    free(x->need);
    free(x->pattern);
    free(x->name);
    free(x->category);
}

static void index_free(winnow_rules *r)
{
    for (int t = 0; t < 2; t++) {
        free(r->cand[t]);
        free(r->rest[t]);
        free(r->prio);
        r->prio = NULL;
        wn_need_set_free(r->need[t]);
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
    wn_rules_cache_free(r->cache);
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

/* Whether PCRE2 knows no short list of bytes that code's matches start with: no first
 * code unit, and no start bitmap or one of more than DISPATCH_MAX bytes.  Such a rule
 * runs alone, behind its need= or prefix filter, so the joined patterns keep theirs
 * (two text rules that could start at any word once made every line of a page try the
 * whole joined pattern at every byte: 60 innerText pages 122.8M -> 148.6M instructions). */
static int may_start_anywhere(const pcre2_code *code)
{
    uint32_t type = 0;
    const uint8_t *bitmap = NULL;
    pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &type);
    if (type == 1) return 0;
    pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &bitmap);
    if (!bitmap) return 1;
    unsigned n = 0;
    for (unsigned b = 0; b < 256; b++) n += bitmap[b >> 3] >> (b & 7) & 1;
    return n > DISPATCH_MAX;
}

/* Whether rule x is caseless in every part: the i flag, and no inline option setting
 * that could turn it off ("(?" then a letter, - or ^; an escaped "\(?" counts too, which
 * only costs the deep filter its folding). */
static int caseless_throughout(const rule *x)
{
    if (!(x->flags & PCRE2_CASELESS)) return 0;
    for (const char *s = strstr(x->pattern, "(?"); s; s = strstr(s + 2, "(?")) {
        char c = s[2];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '^') return 0;
    }
    return 1;
}

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
        if (wn_need_parse(line + k + 1, t1 - k - 1, &why) < 0) return fail(w, k + 2, why);
        if (!(x->need = dupn(line + k + 1, t1 - k - 1))) return fail(w, 1, "out of memory");
        return 0;
    }
    if (k - t0 == 3 && memcmp(line + t0, "cut", 3) == 0) {
        size_t vl = t1 - k - 1;
        int hard = vl == 4 && memcmp(line + k + 1, "hard", 4) == 0;
        if (!hard && !(vl == 4 && memcmp(line + k + 1, "soft", 4) == 0))
            return fail(w, k + 2, "bad cut= (expected hard or soft)");
        if (x->action != RA_CUT_AFTER && x->action != RA_CUT_BEFORE)
            return fail(w, t0 + 1, "cut= is for cut-after and cut-before rules");
        x->info.hard = hard;
        return 0;
    }
    if (k - t0 != 3 || memcmp(line + t0, "max", 3) != 0)
        return fail(w, t0 + 1, "unknown option (expected max=N, need=WORDS or cut=hard)");
    if (x->max != SIZE_MAX) return fail(w, t0 + 1, "max= given twice");
    size_t v = 0, d = k + 1;
    for (; d < t1 && line[d] >= '0' && line[d] <= '9' && v <= MAX_OPTION; d++)
        v = v * 10 + (size_t)(line[d] - '0');
    if (d == k + 1 || d < t1 || v == 0 || v > MAX_OPTION)
        return fail(w, k + 2, "bad max= (expected a length in bytes from 1 to 1073741824)");
    x->max = v;
    return 0;
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
    x->info.name = x->name;
    x->info.category = x->category;
    if (meta >= 0) {
        x->combinable = !!(meta & RULES_META_COMBINABLE);
        x->anchored = !!(meta & RULES_META_ANCHORED);
        x->dispatched = flat && (meta & RULES_META_DISPATCHED);
        if (x->dispatched)
            wn_prefix_view(&x->prefix, flat, (meta & RULES_META_PAIR ? PREFIX_PAIR : 0) |
                                              (meta & RULES_META_TRIPLE ? PREFIX_TRIPLE : 0) |
                                              (meta & RULES_META_DEEP ? PREFIX_DEEP : 0));
        return 0;
    }
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *code = wn_rules_compile_rule(x, &ec, &eo);
    if (!code) {
        char msg[256];
        pcre2_get_error_message(ec, (PCRE2_UCHAR *)msg, sizeof msg);
        rule_free(x);
        return fail(w, p0 + 1 + eo, msg);
    }
    atomic_store(&x->code, code);
    atomic_store(&x->min_len, wn_rules_min_length(code));
    /* Only \Q (quotes up to the end) and a # comment under an inline (?x) can reach
     * past the wrapper's ')' in a pattern that compiles alone; the rest need no check. */
    x->combinable = can_combine(x->pattern) &&
                    (!strpbrk(x->pattern, "#Q") || wn_rules_wraps_cleanly(x));
    uint32_t all = 0;
    pcre2_pattern_info(code, PCRE2_INFO_ALLOPTIONS, &all);
    x->anchored = !!(all & PCRE2_ANCHORED);
    /* (A u rule may start with any byte from 0x80: never worth dispatching, and a lone
     * lead byte is no subject to probe with.) */
    if (x->anchored && !(flags & PCRE2_UTF) && wn_prefix_probe(code, PROBE_BUDGET, &x->prefix) == 0) {
        x->dispatched = wn_prefix_first_count(&x->prefix) <= DISPATCH_MAX;
        if (!x->dispatched) wn_prefix_free(&x->prefix);
        else wn_prefix_probe_deep(code, DEEP_BUDGET,
                                  (caseless_throughout(x) ? DEEP_FOLD : 0) |
                                      (wn_prefix_digits_alike(x->pattern) ? DEEP_DIGITS : 0),
                                  &x->prefix);
    }
    /* A dispatched or gated rule runs alone, where its test applies; so does one that
     * may start anywhere. */
    if (x->dispatched || x->need || may_start_anywhere(code)) x->combinable = 0;
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
                r->band_use[t][g][k] = (unsigned char)(k && lowest[t][g] > band_top(k - 1)
                                                           ? r->band_use[t][g][k - 1] : k);
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
                if (!r->need[t] && !(r->need[t] = wn_need_set_new())) { rc = -1; break; }
                if (wn_need_set_add(r->need[t], x->need, strlen(x->need), bits) != 0) { rc = -1; break; }
                r->need_all[t] |= (uint64_t)1 << bits;
                x->need_bit = (int)bits++;
            }
            if (x->dispatched) total += wn_prefix_first_count(&x->prefix);
        }
        if (rc || (r->need[t] && wn_need_set_finish(r->need[t]) != 0)) {
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
                c->deep = x->prefix.deep;
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
                    (candidate){(uint32_t)order[k], (uint32_t)k, x->max, NULL, NULL, 0, {0}};
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
    /* Editors on Windows start a UTF-8 file with a byte-order mark: not a rule. */
    size_t pos = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
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
        wn_rules_cache_reset(r);
        return fail(&w, 1, "out of memory");
    }
    wn_rules_cache_reset(r); /* made from the old index */
    return 0;
}

int winnow_rules_add_source(winnow_rules *r, const char *name, const char *src, size_t len,
                            char *err, size_t errlen)
{
    return add_rules(r, name, src, len, NULL, 0, NULL, NULL, err, errlen);
}

#ifndef WINNOW_RULEGEN
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
#endif
#ifdef WINNOW_RULEGEN
unsigned rules_gen_meta(const winnow_rules *r, size_t i)
{
    const rule *x = &r->rules[i];
    return (x->combinable ? RULES_META_COMBINABLE : 0) | (x->anchored ? RULES_META_ANCHORED : 0) |
           (x->dispatched ? RULES_META_DISPATCHED : 0) |
           (x->dispatched && x->prefix.pair ? RULES_META_PAIR : 0) |
           (x->dispatched && x->prefix.triple ? RULES_META_TRIPLE : 0) |
           (x->dispatched && x->prefix.deep ? RULES_META_DEEP : 0);
}

size_t rules_gen_prefix(const winnow_rules *r, size_t i, unsigned char *out)
{
    const rule *x = &r->rules[i];
    if (!x->dispatched) return 0;
    if (out) wn_prefix_flatten(&x->prefix, out);
    return wn_prefix_flat_size(&x->prefix);
}

#endif
