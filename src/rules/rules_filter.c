/* rules_filter.c -- prefix filters and need= literal sets (see rules_filter.h).
 *
 * Why: PCRE2 tries the branches of an alternation one after another, so a rule of 30
 * keywords costs 30 failed comparisons on every block, and a rule that looks for a
 * phrase after any number of words walks every word of every block (measured: the
 * built-in rules spent ~75 cycles a word, 40% of the text path).  Most blocks are
 * prose that no rule can match; these filters say so without running PCRE2. */
#include "rules/rules_filter.h"
#include "core/core.h"
#include <stdlib.h>
#include <string.h>

/* Rules that may start with more bytes than this get no pair filter: they would cost
 * up to 95 probes a byte at load and filter little. */
#define DEEP_MAX 64
#define PROBE_LIMIT 10000 /* backtracking steps a probe of at most three bytes may take */
#define BLOOM_BYTES (PREFIX_BLOOM / 8)

static void set_bit(unsigned char *set, unsigned b) { set[b >> 3] |= (unsigned char)(1u << (b & 7)); }

/* Whether subject s[0..n) may be the start of a match: partial matching reports a
 * subject that ends while a match is still possible.  An error, such as the match
 * limit that keeps a hostile pattern from spending seconds on thousands of probes,
 * counts as "may". */
static int may_start(const pcre2_code *code, pcre2_match_data *md, pcre2_match_context *mc,
                     const unsigned char *s, size_t n)
{
    return pcre2_match(code, s, n, 0, PCRE2_PARTIAL_HARD, md, mc) != PCRE2_ERROR_NOMATCH;
}

static unsigned prefix_first_count_of(const unsigned char *first)
{
    unsigned n = 0;
    for (unsigned b = 0; b < 256; b++) n += prefix_bit(first, b);
    return n;
}

unsigned wn_prefix_first_count(const rule_prefix *p) { return prefix_first_count_of(p->first); }

int wn_prefix_probe(const pcre2_code *code, size_t budget, rule_prefix *p)
{
    memset(p, 0, sizeof *p);
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    unsigned char first[32] = {0};
    if (!md || !mc) {
        pcre2_match_data_free(md);
        pcre2_match_context_free(mc);
        return -1;
    }
    pcre2_set_match_limit(mc, PROBE_LIMIT);
    unsigned n1 = 0;
    for (unsigned b = 0; b < 256; b++) {
        unsigned char s[1] = {(unsigned char)b};
        if (may_start(code, md, mc, s, 1)) {
            set_bit(first, b);
            n1++;
        }
    }
    unsigned char *own = calloc(1, 32 + (size_t)n1 * PREFIX_ROW + BLOOM_BYTES);
    if (!own) {
        pcre2_match_data_free(md);
        pcre2_match_context_free(mc);
        return -1;
    }
    memcpy(own, first, 32);
    unsigned char *pair = own + 32, *triple = own + 32 + (size_t)n1 * PREFIX_ROW;
    /* Pairs, then triples, each within the budget; only printable ASCII is probed (the
     * filters let other bytes through), so a level costs 95 probes per start. */
    int flags = 0;
    if (n1 <= DEEP_MAX && (size_t)n1 * 95 <= budget) {
        flags |= PREFIX_PAIR;
        size_t n2 = 0;
        unsigned char *row = pair;
        for (unsigned b = 0; b < 256; b++) {
            if (!prefix_bit(first, b)) continue;
            for (unsigned c = 0x20; c < 0x7F; c++) {
                unsigned char s[2] = {(unsigned char)b, (unsigned char)c};
                if (!may_start(code, md, mc, s, 2)) continue;
                set_bit(row, c - 0x20);
                n2++;
            }
            row += PREFIX_ROW;
        }
        if (n2 * 95 <= budget) {
            flags |= PREFIX_TRIPLE;
            row = pair;
            for (unsigned b = 0; b < 256; b++) {
                if (!prefix_bit(first, b)) continue;
                for (unsigned c = 0x20; c < 0x7F; c++) {
                    if (!prefix_bit(row, c - 0x20)) continue; /* not a start: no probe */
                    for (unsigned d = 0x20; d < 0x7F; d++) {
                        unsigned char s[3] = {(unsigned char)b, (unsigned char)c, (unsigned char)d};
                        if (may_start(code, md, mc, s, 3))
                            set_bit(triple, prefix_hash((uint32_t)b << 16 | c << 8 | d));
                    }
                }
                row += PREFIX_ROW;
            }
        }
    }
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    p->own = own;
    wn_prefix_view(p, own, flags);
    return 0;
}

/* Whether the deep probes of a filter read as `how` skip byte c: the bytes it reads as
 * another (upper case when folding, digits but '0'). */
static int deep_skips(unsigned c, int how)
{
    return prefix_deep_byte(c, (unsigned)how) != c;
}

int wn_prefix_digits_alike(const char *s)
{
    for (size_t i = 0; s[i]; i++) {
        char c = s[i];
        if (c == '\\') {
            char e = s[i + 1];
            /* Escapes that may name a character by number or quote one. */
            if (!e || (e >= '0' && e <= '9') || strchr("xoNgkcuQEpP", e)) return 0;
            i++;
        } else if (c == '[') {
            /* A class: all digits (0-9) or none, nothing escaped in it that may name
             * one (a range 0-5 or 5-9 holds some). */
            size_t j = i + 1;
            if (s[j] == '^') j++;
            if (s[j] == ']') j++;
            for (; s[j] && s[j] != ']'; j++) {
                if (s[j] == '0' && s[j + 1] == '-' && s[j + 2] == '9') {
                    j += 2; /* every digit */
                    continue;
                }
                if (s[j] >= '0' && s[j] <= '9') return 0;
                if (s[j] == '\\') {
                    char e = s[j + 1];
                    if (!e || (e >= '0' && e <= '9') || strchr("xoNgkcuQEpP", e)) return 0;
                    j++;
                } else if (s[j] == '[' && s[j + 1] == ':') {
                    j += 2;
                    while (s[j] && s[j] != ']') j++; /* [:alpha:] and the like */
                    if (!s[j]) return 0;
                }
            }
            if (!s[j]) return 0;
            i = j;
        } else if (c == '{') {
            /* A quantifier {n}, {n,} or {n,m} after something it can repeat. */
            size_t j = i + 1, d = 0;
            while (s[j] >= '0' && s[j] <= '9') j++, d++;
            if (s[j] == ',') {
                j++;
                while (s[j] >= '0' && s[j] <= '9') j++;
            }
            if (!d || s[j] != '}' || i == 0 || strchr("(|:^", s[i - 1])) return 0;
            i = j;
        } else if (c >= '0' && c <= '9') {
            return 0;
        }
    }
    return 1;
}

int wn_prefix_probe_deep(const pcre2_code *code, size_t budget, int how, rule_prefix *p)
{
    /* Breadth first: the starts of each length that may begin a match, each extended by
     * every printable byte (lowercase only when folding, '0' alone for digits read
     * alike), while the probes fit the budget; those of 4 bytes and more go into the
     * Bloom filter. */
    unsigned char deep[PREFIX_DEEP_BYTES] = {0};
    unsigned char *cur = malloc(256), *next = NULL;
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    int rc = -1;
    if (!cur || !md || !mc) goto out;
    pcre2_set_match_limit(mc, PROBE_LIMIT);
    size_t n = 0, spent = 0;
    for (unsigned b = 0; b < 256; b++)
        if (prefix_bit(p->first, b) && !deep_skips(b, how)) cur[n++] = (unsigned char)b;
    for (unsigned b = 0x80; b < 256; b++)
        if (prefix_bit(p->first, b)) how |= DEEP_HIGH;
    unsigned alphabet = 95 - ((how & DEEP_FOLD) ? 26 : 0) - ((how & DEEP_DIGITS) ? 9 : 0) +
                        ((how & DEEP_HIGH) ? 128 : 0);
    size_t len = 1;
    rc = 0;
    while (len < PREFIX_DEPTH && n && spent + n * alphabet <= budget) {
        spent += n * alphabet;
        free(next);
        if (!(next = malloc(n * alphabet * (len + 1)))) {
            rc = -1;
            goto out;
        }
        size_t m = 0;
        unsigned char s[PREFIX_DEPTH];
        for (size_t i = 0; i < n; i++) {
            memcpy(s, cur + i * len, len);
            for (unsigned c = 0x20; c < 0x100; c++) {
                if ((c >= 0x7F && !((how & DEEP_HIGH) && c >= 0x80)) || deep_skips(c, how))
                    continue;
                s[len] = (unsigned char)c;
                if (!may_start(code, md, mc, s, len + 1)) continue;
                memcpy(next + m * (len + 1), s, len + 1);
                m++;
            }
        }
        unsigned char *t = cur;
        cur = next;
        next = t;
        n = m;
        len++;
        if (len < 4) continue;
        for (size_t i = 0; i < n; i++) /* (learnt as read already) */
            set_bit(deep + 2, prefix_deep_key(wn_hash_bytes(cur + i * len, len), len));
        deep[0] = (unsigned char)len;
    }
    if (deep[0] < 4) goto out; /* no start of 4 bytes within the budget */
    deep[1] = (unsigned char)how;
    size_t old = wn_prefix_flat_size(p);
    unsigned char *own = malloc(old + PREFIX_DEEP_BYTES);
    if (!own) {
        rc = -1;
        goto out;
    }
    int flags = wn_prefix_flat_flags(p);
    wn_prefix_flatten(p, own);
    memcpy(own + old, deep, PREFIX_DEEP_BYTES);
    free(p->own);
    p->own = own;
    wn_prefix_view(p, own, flags | PREFIX_DEEP);
out:
    free(cur);
    free(next);
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    return rc;
}

void wn_prefix_free(rule_prefix *p)
{
    free(p->own);
    memset(p, 0, sizeof *p);
}

void wn_prefix_view(rule_prefix *p, const unsigned char *flat, int flags)
{
    size_t rows = flags & PREFIX_PAIR ? (size_t)prefix_first_count_of(flat) * PREFIX_ROW : 0;
    p->first = flat;
    p->pair = flags & PREFIX_PAIR ? flat + 32 : NULL;
    p->triple = flags & PREFIX_TRIPLE ? flat + 32 + rows : NULL;
    p->deep = flags & PREFIX_DEEP ? flat + 32 + rows + (p->triple ? BLOOM_BYTES : 0) : NULL;
}

const unsigned char *wn_prefix_row(const rule_prefix *p, unsigned b)
{
    unsigned rank = 0;
    for (unsigned k = 0; k < b; k++) rank += prefix_bit(p->first, k);
    return p->pair + (size_t)rank * PREFIX_ROW;
}

int wn_prefix_flat_flags(const rule_prefix *p)
{
    return (p->pair ? PREFIX_PAIR : 0) | (p->triple ? PREFIX_TRIPLE : 0) |
           (p->deep ? PREFIX_DEEP : 0);
}

size_t wn_prefix_flat_size(const rule_prefix *p)
{
    size_t rows = p->pair ? (size_t)wn_prefix_first_count(p) * PREFIX_ROW : 0;
    return 32 + rows + (p->triple ? BLOOM_BYTES : 0) + (p->deep ? PREFIX_DEEP_BYTES : 0);
}

void wn_prefix_flatten(const rule_prefix *p, unsigned char *out)
{
    size_t rows = p->pair ? (size_t)wn_prefix_first_count(p) * PREFIX_ROW : 0;
    memcpy(out, p->first, 32);
    if (p->pair) memcpy(out + 32, p->pair, rows);
    if (p->triple) memcpy(out + 32 + rows, p->triple, BLOOM_BYTES);
    if (p->deep)
        memcpy(out + 32 + rows + (p->triple ? BLOOM_BYTES : 0), p->deep, PREFIX_DEEP_BYTES);
}

/* ---- need= literals --------------------------------------------------------------- */

#define NEED_MIN 3
#define NEED_MAX 64
#define NEED_BUCKETS 1024 /* a power of two */
#define STRIDE_MAX 4

typedef struct {
    char s[NEED_MAX]; /* folded (ASCII lower case) */
    unsigned char len;
    uint64_t bit;
} need_lit;

/* A literal's key: three of its bytes, at offset off. */
typedef struct {
    uint32_t key;
    unsigned lit, off;
    int next; /* next entry in the bucket, or -1 */
} need_entry;

struct need_set {
    need_lit *lit;
    size_t n, cap;
    need_entry *ent;
    size_t n_ent;
    /* The scan looks at every stride-th byte: a literal of L bytes has a key (three
     * bytes) at offsets 0 .. L - 3, so with stride S = shortest L - 2 every occurrence
     * puts one of its keys at a position the scan visits; each literal is entered
     * under its first S keys.  Shortest literal 4: half the work of a byte-by-byte
     * scan. */
    unsigned stride;
    int head[NEED_BUCKETS]; /* first entry of each bucket, or -1 */
    /* Bit h: some entry's key hashes to h (16 bits).  Testing it first keeps the
     * scan's one branch nearly never taken: a bucket alone would be hit at 4% of the
     * positions, each a mispredicted branch. */
    uint64_t filter[1024];
};

static unsigned fold(unsigned c) { return c - 'A' < 26u ? c | 0x20 : c; }
static unsigned hash16(uint32_t key) { return (key * 2654435761u) >> 16; }

/* The key at p: its first three bytes with bit 5 cleared (ASCII letters in one case;
 * a few other bytes collide, which only costs a comparison), read as one word.  p[3]
 * must be readable; it is masked out.  Memory order, so the mask is built the same way. */
static uint32_t key_at(const unsigned char *p)
{
    static const unsigned char m[4] = {0xDF, 0xDF, 0xDF, 0x00};
    uint32_t w, mask;
    memcpy(&w, p, 4);
    memcpy(&mask, m, 4);
    return w & mask;
}

int wn_need_parse(const char *v, size_t len, const char **why)
{
    int n = 0;
    size_t i = 0;
    for (;;) {
        size_t j = i;
        while (j < len && v[j] != ',') j++;
        if (j - i < NEED_MIN || j - i > NEED_MAX) {
            *why = "bad need= (expected words of 3 to 64 bytes, separated by commas)";
            return -1;
        }
        n++;
        if (j == len) return n;
        i = j + 1;
    }
}

need_set *wn_need_set_new(void)
{
    return calloc(1, sizeof(need_set));
}

void wn_need_set_free(need_set *ns)
{
    if (!ns) return;
    free(ns->lit);
    free(ns->ent);
    free(ns);
}

int wn_need_set_add(need_set *ns, const char *v, size_t len, unsigned bitno)
{
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && v[j] != ',') j++;
        if (ns->n == ns->cap) {
            size_t cap = ns->cap ? ns->cap * 2 : 32;
            need_lit *l = realloc(ns->lit, cap * sizeof *l);
            if (!l) return -1;
            ns->lit = l;
            ns->cap = cap;
        }
        need_lit *l = &ns->lit[ns->n++];
        memset(l->s, 0, sizeof l->s);
        l->len = (unsigned char)(j - i);
        for (size_t k = 0; k < l->len; k++) l->s[k] = (char)fold((unsigned char)v[i + k]);
        l->bit = (uint64_t)1 << bitno;
        i = j + 1;
    }
    return 0;
}

/* How common byte c is in English text, in parts per thousand (letters by their
 * frequency, the space most common of all, other bytes rare). */
static unsigned commonness(unsigned char c)
{
    static const unsigned char letters[26] = {82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24,
                                              67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1};
    c = (unsigned char)fold(c);
    if (c >= 'a' && c <= 'z') return letters[c - 'a'];
    return c == ' ' ? 150 : 5;
}

/* How often a scan would find the key at s (three bytes) in text by chance. */
static unsigned long key_odds(const char *s)
{
    return (unsigned long)commonness((unsigned char)s[0]) * commonness((unsigned char)s[1]) *
           commonness((unsigned char)s[2]);
}

int wn_need_set_finish(need_set *ns)
{
    unsigned shortest = NEED_MAX;
    for (size_t i = 0; i < ns->n; i++)
        if (ns->lit[i].len < shortest) shortest = ns->lit[i].len;
    ns->stride = shortest - 2 < STRIDE_MAX ? shortest - 2 : STRIDE_MAX;
    free(ns->ent);
    ns->n_ent = 0;
    if (!(ns->ent = malloc((ns->n * ns->stride + 1) * sizeof *ns->ent))) return -1;
    memset(ns->head, -1, sizeof ns->head);
    memset(ns->filter, 0, sizeof ns->filter);
    for (size_t i = 0; i < ns->n; i++) {
        /* Any `stride` consecutive keys of a literal will do: take those that common
         * text meets least ("terms": erm, rms rather than ter, erm), so fewer positions
         * pass the filter and need a comparison. */
        const need_lit *l = &ns->lit[i];
        unsigned from = 0;
        unsigned long least = (unsigned long)-1;
        for (unsigned o = 0; o + ns->stride + 2 <= l->len; o++) {
            unsigned long odds = 0;
            for (unsigned k = o; k < o + ns->stride; k++) odds += key_odds(l->s + k);
            if (odds < least) {
                least = odds;
                from = o;
            }
        }
        for (unsigned off = from; off < from + ns->stride; off++) {
            need_entry *e = &ns->ent[ns->n_ent];
            e->key = key_at((const unsigned char *)l->s + off); /* s[] is zero-filled */
            e->lit = (unsigned)i;
            e->off = off;
            unsigned h = hash16(e->key);
            e->next = ns->head[h >> 6];
            ns->head[h >> 6] = (int)ns->n_ent++;
            ns->filter[h >> 6] |= (uint64_t)1 << (h & 63);
        }
    }
    return 0;
}

/* Whether a literal whose key is at position i of p[0..len) occurs there (bits added
 * to *got); returns 1 once every bit of want is found. */
static int need_probe(const need_set *ns, const unsigned char *p, size_t len, size_t i,
                      uint32_t key, uint64_t want, uint64_t *got)
{
    unsigned h = hash16(key);
    for (int k = ns->head[h >> 6]; k >= 0; k = ns->ent[k].next) {
        const need_entry *e = &ns->ent[k];
        const need_lit *l = &ns->lit[e->lit];
        if (e->key != key || (*got & l->bit) || i < e->off) continue;
        size_t at = i - e->off, m = 0;
        if (at + l->len > len) continue;
        while (m < l->len && fold(p[at + m]) == (unsigned char)l->s[m]) m++;
        if (m < l->len) continue;
        *got |= l->bit;
        if ((*got & want) == want) return 1;
    }
    return 0;
}

uint64_t wn_need_scan(const need_set *ns, const char *s, size_t len, uint64_t want)
{
    uint64_t got = 0;
    if (!ns || !ns->ent || len < NEED_MIN) return 0;
    const unsigned char *p = (const unsigned char *)s;
    const size_t stride = ns->stride;
    const uint64_t *filter = ns->filter;
    size_t i = 0;
    /* Keys with a fourth byte to read (most of them: the loop stays short), then the
     * last ones, copied out.  (Two keys a turn with one branch measured slower.) */
    for (; i + 4 <= len; i += stride) {
        uint32_t key = key_at(p + i);
        unsigned h = hash16(key);
        if ((filter[h >> 6] >> (h & 63) & 1) && need_probe(ns, p, len, i, key, want, &got))
            return got;
    }
    for (; i + 3 <= len; i += stride) {
        unsigned char tail[4] = {p[i], p[i + 1], p[i + 2], 0};
        uint32_t key = key_at(tail);
        unsigned h = hash16(key);
        if ((filter[h >> 6] >> (h & 63) & 1) && need_probe(ns, p, len, i, key, want, &got))
            return got;
    }
    return got;
}
