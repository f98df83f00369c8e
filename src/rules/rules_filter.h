/* rules_filter.h -- cheap tests that rule a rule out for a subject before PCRE2 runs
 * (rules_filter.c).  Only the rule engine (rules_set.c, rules.c) uses them.
 *
 * A prefix filter holds the first bytes an anchored rule's match can start with (one,
 * two, three, then up to PREFIX_DEPTH), learnt by asking PCRE2 itself (partial matching
 * on every short subject that extends a start found so far), so it is exact for any
 * pattern and needs no parsing of regex syntax.  A need set holds
 * the literals a rule declared with need=: a block that contains none of them cannot
 * match, so the rule is not run there. */
#ifndef WINNOW_RULES_FILTER_H
#define WINNOW_RULES_FILTER_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stddef.h>
#include <stdint.h>

/* The starts a match may have.  Bit b of first: some match may start with byte b.
 * pair, when set, holds a row per byte of first, in byte order: bit c - 0x20 of the row
 * when a match may start with that byte and then c.  triple, when set, is a Bloom filter
 * (PREFIX_BLOOM bits) of the three-byte starts.  Only printable ASCII (0x20..0x7E) is
 * probed past the first byte: a start with another byte there is never ruled out.
 * The pointers may point into the built-in blob. */
#define PREFIX_BLOOM 4096
#define PREFIX_ROW 16 /* bytes in a pair row: 95 bits */
/* deep, when set, goes on where triple stops, to starts of 4 to PREFIX_DEPTH bytes: its
 * byte 0 is the longest start learnt (4..PREFIX_DEPTH), byte 1 how the subject is read
 * (DEEP_FOLD: ASCII-lowercased, a caseless rule, its starts learnt in lower case;
 * DEEP_DIGITS: every ASCII digit read as '0', a rule that treats all digits alike, its
 * starts learnt with '0' alone -- else each \d multiplies the starts by ten), then a
 * Bloom filter of PREFIX_DEEP_BLOOM bits of the starts of every length from 4 to it.
 * Three bytes leave many lines in ("The ..." for "themes:", "New" for "newer posts"),
 * and each costs a PCRE2 call of thousands of instructions. */
#define PREFIX_DEPTH 8
#define PREFIX_DEEP_BLOOM 8192
#define PREFIX_DEEP_BYTES (2 + PREFIX_DEEP_BLOOM / 8)
#define DEEP_FOLD 1
#define DEEP_DIGITS 2
#define DEEP_HIGH 4 /* bytes from 0x80 were probed too (see wn_prefix_probe_deep) */
typedef struct {
    const unsigned char *first;  /* 32 bytes */
    const unsigned char *pair;   /* PREFIX_ROW bytes per byte of first, or NULL */
    const unsigned char *triple; /* PREFIX_BLOOM / 8 bytes, or NULL (always NULL without pair) */
    const unsigned char *deep;   /* PREFIX_DEEP_BYTES, or NULL */
    unsigned char *own;          /* what wn_prefix_probe allocated, or NULL */
} rule_prefix;

/* Flat form: first, then pair, triple and deep when present (flags PREFIX_*). */
#define PREFIX_PAIR 1
#define PREFIX_TRIPLE 2
#define PREFIX_DEEP 4
size_t wn_prefix_flat_size(const rule_prefix *p);
int wn_prefix_flat_flags(const rule_prefix *p);
void wn_prefix_flatten(const rule_prefix *p, unsigned char *out);
/* Points p at a flat form (no copy). */
void wn_prefix_view(rule_prefix *p, const unsigned char *flat, int flags);

/* Learns the starts of an anchored pattern by partial matching.  budget: the most
 * probes spent on pairs or on triples (each costs ~0.1 ms per thousand); a rule that
 * would need more stays with what it has.  Returns 0, or -1 when memory ran out. */
int wn_prefix_probe(const pcre2_code *code, size_t budget, rule_prefix *p);
/* Learns p's deep filter within budget probes (none when a start of 4 bytes would cost
 * more); how: DEEP_FOLD when the pattern is caseless throughout, so its starts are
 * learnt in lower case, DEEP_DIGITS when it treats all digits alike (wn_prefix_digits_alike).
 * A rule that may start with a byte from 0x80 (a UTF-8 lead: "»", "–") gets DEEP_HIGH:
 * its starts are learnt over bytes from 0x80 too, or every line that opens with a
 * quotation mark would pass (a curly quote shares its lead bytes with the dashes).
 * Returns 0, or -1 when memory ran out (p then stays as it was). */
int wn_prefix_probe_deep(const pcre2_code *code, size_t budget, int how, rule_prefix *p);
/* Whether a pattern treats every ASCII digit alike: no digit in it but in a {n,m}
 * quantifier, and no escape that could name one (\x30, \060, \Q2\E, ...).  False
 * when unsure. */
int wn_prefix_digits_alike(const char *pattern);

/* Byte c as a deep filter with flags `how` reads it. */
static inline unsigned prefix_deep_byte(unsigned c, unsigned how)
{
    if ((how & DEEP_FOLD) && c - 'A' < 26u) c += 32;
    if ((how & DEEP_DIGITS) && c - '0' < 10u) c = '0';
    return c;
}
void wn_prefix_free(rule_prefix *p);
/* Number of first bytes a match may start with. */
unsigned wn_prefix_first_count(const rule_prefix *p);

static inline unsigned prefix_hash(uint32_t key) { return (key * 2654435761u) >> 20; }
static inline int prefix_bit(const unsigned char *set, unsigned b) { return set[b >> 3] >> (b & 7) & 1; }
static inline int prefix_probed(unsigned c) { return c - 0x20u < 0x5Fu; }

/* The pair row of first byte b (which must be in first), or NULL. */
const unsigned char *wn_prefix_row(const rule_prefix *p, unsigned b);

/* Whether a subject starting with b0 (which may start a match) and then s[1..len) may
 * match, given b0's pair row (or NULL) and the triple filter (or NULL). */
static inline int prefix_may_rest(const unsigned char *row, const unsigned char *triple,
                                  const unsigned char *s, size_t len)
{
    if (len < 2 || !row || !prefix_probed(s[1])) return 1;
    if (!prefix_bit(row, s[1] - 0x20u)) return 0;
    if (len < 3 || !triple || !prefix_probed(s[2])) return 1;
    return prefix_bit(triple, prefix_hash((uint32_t)s[0] << 16 | s[1] << 8 | s[2]));
}

/* The deep filter's key for the start s[0..n): FNV-1a of its bytes and its length. */
static inline unsigned prefix_deep_key(uint32_t h, size_t n)
{
    return ((h ^ (uint32_t)n) * 16777619u * 2654435761u) >> (32 - 13);
}
_Static_assert(PREFIX_DEEP_BLOOM == 1 << 13, "prefix_deep_key's bits");

/* Whether a subject starting with s[0..len) may match by the deep filter (NULL: yes):
 * its longest start the filter knows -- up to byte 0 and the printable ASCII that
 * follows, at most deep[0] bytes -- must be one learnt. */
static inline int prefix_may_deep(const unsigned char *deep, const unsigned char *s, size_t len)
{
    if (!deep || len < 4) return 1;
    size_t n = len < deep[0] ? len : deep[0];
    uint32_t h = 2166136261u;
    unsigned c = prefix_deep_byte(s[0], deep[1]);
    h = (h ^ c) * 16777619u;
    size_t k = 1;
    for (; k < n; k++) {
        c = s[k];
        if (!prefix_probed(c) && !((deep[1] & DEEP_HIGH) && c >= 0x80)) break;
        c = prefix_deep_byte(c, deep[1]);
        h = (h ^ c) * 16777619u;
    }
    return k < 4 || prefix_bit(deep + 2, prefix_deep_key(h, k));
}

/* Whether a subject s[0..len) may match (len 0: yes). */
static inline int prefix_may(const rule_prefix *p, const unsigned char *s, size_t len)
{
    if (len == 0) return 1;
    if (!prefix_bit(p->first, s[0])) return 0;
    return prefix_may_rest(p->pair ? wn_prefix_row(p, s[0]) : NULL, p->triple, s, len) &&
           prefix_may_deep(p->deep, s, len);
}

/* The need= literals of up to 64 rules of one target, for one scan of a subject. */
typedef struct need_set need_set;

/* Parses the value of need= (comma-separated literals of 3 to 64 bytes, matched
 * ASCII-case-insensitively); returns the number of literals, or -1 with *why set. */
int wn_need_parse(const char *v, size_t len, const char **why);

need_set *wn_need_set_new(void);
void wn_need_set_free(need_set *ns);
/* Adds the literals of a need= value (valid per wn_need_parse) for rule bit `bit` (< 64).
 * Returns 0, or -1 when memory ran out. */
int wn_need_set_add(need_set *ns, const char *v, size_t len, unsigned bit);
/* Indexes the literals added; call after the last wn_need_set_add.  Returns 0, or -1 when
 * memory ran out. */
int wn_need_set_finish(need_set *ns);
/* Bit k set: s[0..len) contains a literal of the rule with bit k.  want: the bits worth
 * finding (the scan stops once it found them all). */
uint64_t wn_need_scan(const need_set *ns, const char *s, size_t len, uint64_t want);

#endif
