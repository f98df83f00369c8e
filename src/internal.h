/* internal.h -- types shared by the pipeline stages of libwinnow.
 *
 * The pipeline: charset (bytes -> UTF-8) -> sniff (HTML or text) -> segmentation
 * (textseg.c for text, html.c for HTML) into a doc of blocks -> rules.c + classifiers
 * (textclass.c, html.c) set each block's decision -> output.c renders the kept blocks.
 */
#ifndef WINNOW_INTERNAL_H
#define WINNOW_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "winnow.h"

/* ---- memory ------------------------------------------------------------------------ */

/* Bump allocator: every string of one extraction lives here and dies with it. */
typedef struct arena_chunk arena_chunk;
typedef struct {
    arena_chunk *head;
    int failed;  /* set once an allocation failed; the caller reports WINNOW_ERR_NOMEM */
} arena;

void arena_init(arena *a);
void *arena_alloc(arena *a, size_t n);                 /* NULL on failure, sets failed */
char *arena_strndup(arena *a, const char *s, size_t n); /* NUL-terminated copy */
void arena_free(arena *a);

/* Growable byte buffer with a hard cap; append fails (returns -1) past the cap. */
typedef struct {
    char *data;
    size_t len, cap;
    size_t limit;  /* 0 = SIZE_MAX */
    int failed;
} buf;

void buf_init(buf *b, size_t limit);
int buf_reserve(buf *b, size_t extra);
int buf_append(buf *b, const char *s, size_t n);
int buf_putc(buf *b, char c);
int buf_puts(buf *b, const char *s);
/* Hands over the NUL-terminated data (caller frees) and resets the buffer. */
char *buf_detach(buf *b, size_t *len);
void buf_free(buf *b);

/* ---- blocks ------------------------------------------------------------------------ */

typedef enum {
    BK_PARA = 0, /* a paragraph or plain line */
    BK_HEADING,  /* h1-h6, or a heading-shaped line */
    BK_ITEM,     /* a list item */
    BK_QUOTE,    /* blockquote */
    BK_PRE,      /* preformatted text: whitespace kept */
    BK_TABLE,    /* a table row */
    BK_CAPTION,  /* figure caption */
    BK_TITLE     /* the headline, rendered before the body */
} block_kind;

typedef enum { DEC_NONE = 0, DEC_KEEP = WINNOW_KEEP, DEC_DROP = WINNOW_DROP } decision;

typedef struct {
    const char *text;   /* UTF-8, whitespace-normalised, NUL-terminated; in doc.arena */
    size_t len;
    block_kind kind;
    int level;          /* heading level, list depth */
    size_t link_len;    /* HTML: bytes of text inside links */
    int line;           /* text: first input line (1-based); HTML: 0 */
    const char *path;   /* HTML: DOM path (in doc.arena), or NULL */
    int group;          /* HTML: index of the container the block came from */
    int blank_before;   /* text: a blank line preceded the block */
    int ract;           /* the rule action that matched the block (rule_action) or 0 */
    decision dec;
    const char *reason; /* static string, rule name, or arena string */
    double score;
} block;

typedef struct {
    block *blocks;
    size_t n, cap;
    arena mem;
    const char *title;  /* headline (arena) or NULL */
    int failed;         /* out of memory */
    int too_many;       /* failed because the page has more than DOC_MAX_BLOCKS blocks */
    const char *cut;    /* the limit that cut the page short (static string), or NULL */
} doc;

/* Hard cap on the blocks of one page: real pages stay far below it, and at ~100 bytes a
 * block it keeps a 64 MB page of tiny elements from taking gigabytes. */
#define DOC_MAX_BLOCKS ((size_t)1 << 20)

void doc_init(doc *d);
/* Appends a block with a copy of text; returns it or NULL on failure. */
block *doc_add(doc *d, block_kind kind, const char *text, size_t len);
void doc_free(doc *d);
const char *block_kind_name(block_kind k);

/* ---- charset.c: bytes -> UTF-8 ----------------------------------------------------- */

/* Decodes in[0..len) to UTF-8 into out (NUL-terminated).  BOMs are stripped; UTF-16
 * with a BOM is decoded; for HTML (is_html) the first <meta> in the first 4096 bytes
 * whose charset label is one of the WHATWG Encoding Standard's is honoured; otherwise
 * valid UTF-8 stays UTF-8 and anything else is windows-1252.  NUL bytes and other C0
 * controls except \t \n \r \f are dropped.  *charset receives a static name.
 * Returns 0, or -1 when out of memory / over out's limit. */
int charset_to_utf8(const char *in, size_t len, int is_html, buf *out, const char **charset);

/* ---- charset_labels.c: the WHATWG label table ------------------------------------- */

typedef enum {
    CS_UTF8,  /* UTF-8, each invalid byte read as windows-1252 */
    CS_1252,  /* windows-1252 (and the labels the standard maps to it) */
    CS_ICONV  /* through iconv, by iconv_name */
} charset_kind;

typedef struct {
    const char *name;       /* the standard's name, lower case */
    charset_kind kind;
    const char *iconv_name; /* for CS_ICONV */
} charset_enc;

/* The encoding the label s[0..n) names (ASCII whitespace trimmed, any case), or NULL
 * when the standard has no such label. */
const charset_enc *charset_lookup(const char *s, size_t n);

/* 1 when the label table is in strcmp order (bsearch needs it); for the tests. */
int charset_labels_sorted(void);

/* The largest n <= len such that cutting s at n does not split a UTF-8 sequence
 * (s must hold more than len bytes, or len must be its length). */
static inline size_t utf8_boundary(const char *s, size_t len)
{
    while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80) len--;
    return len;
}

/* Length of the valid UTF-8 prefix of s[0..len). */
size_t utf8_valid_prefix(const char *s, size_t len);

/* ---- sniff.c -------------------------------------------------------------------- */

/* Guesses HTML or text from the first bytes. */
winnow_type sniff_type(const char *s, size_t len);

/* Share of bytes in s[0..len) that look like binary (controls other than whitespace),
 * from 0 to 1; used to refuse binary junk. */
double sniff_binary_ratio(const char *s, size_t len);

/* ---- rules.c, rules_set.c ------------------------------------------------------- */

typedef enum {
    RA_NONE = 0,
    RA_DROP,       /* drop the block */
    RA_CUT_AFTER,  /* drop the block and everything after it */
    RA_CUT_BEFORE, /* drop the block and everything before it */
    RA_KEEP        /* keep the block; wins over drop */
} rule_action;

typedef enum {
    RT_TEXT = 0, /* the rule matches block text (default) */
    RT_ATTR      /* the rule matches an element line "tag=div class=.. id=.. role=..
                    itemprop=.. aria-label=.." (html_dom.c) */
} rule_target;

typedef struct rule rule;

/* Per-extraction matching state (PCRE2 match data); not shared between threads. */
typedef struct rule_matcher rule_matcher;

rule_matcher *rules_matcher_new(const winnow_rules *rules);
void rules_matcher_free(rule_matcher *m);

/* Matches every rule of the target against subject.  The winning action: KEEP if any keep
 * rule matches, else the first matching cut-after / cut-before / drop rule in file order.
 * *name receives the deciding rule's name (owned by the rule set) and *category its
 * category.  Returns RA_NONE when nothing matched or when the rule set is NULL. */
rule_action rules_match(rule_matcher *m, rule_target target, const char *subject, size_t len,
                        const char **name, const char **category);

/* Matches the text rules against every undecided block of d and records the action in
 * block.ract.  keep and drop become decisions at once (reason "rule:NAME"); a cut rule
 * drops its own block, but where the cut ends is the classifier's call (a "Comments"
 * link in a menu above the article must not cut the article), see rules_cut(). */
void rules_apply_doc(rule_matcher *m, doc *d);

/* Applies the cut rules of d between blocks [from, to): the first cut-after at or after
 * `from` drops everything after it, the last cut-before before `to` everything before
 * it; blocks a keep rule matched survive.  Either bound may be ignored by passing 0 / n. */
void rules_cut(doc *d, size_t from, size_t to);

/* Why the matcher skipped a rule (PCRE2 match limit) or NULL; owned by the matcher. */
const char *rules_matcher_warning(const rule_matcher *m);

/* Whether the matcher's set holds a keep rule of the target: a classifier that matches
 * rules only near the article must then match every block, since keep rules exist to
 * override it anywhere. */
int rules_has_keep(const rule_matcher *m, rule_target target);

/* ---- text path ------------------------------------------------------------------ */

/* textseg.c: splits UTF-8 text into blocks (lines / paragraphs), normalising
 * whitespace.  Returns 0 or -1 on out of memory. */
int textseg_segment(const char *s, size_t len, doc *d);

/* textclass.c: decides keep/drop for each block of a text doc and finds the headline
 * (d->title), matching the rules of m only where their verdicts can matter (m NULL:
 * the caller applied them to every block already). */
void textclass_classify_rules(doc *d, rule_matcher *m);

/* ---- HTML path ------------------------------------------------------------------ */

/* html.c: parses UTF-8 HTML, prunes, finds the article and fills d with blocks that
 * already carry decisions, plus d->title.  Returns 0, or -1 with a message in err. */
int html_extract(const char *s, size_t len, rule_matcher *m, doc *d, char *err,
                 size_t errlen);

/* ---- output.c ------------------------------------------------------------------- */

/* Renders the kept blocks of d (title first unless no_title) into out. */
int output_render_text(const doc *d, int no_title, buf *out);
/* Renders the kept blocks of d as Markdown (see winnow_format) into out. */
int output_render_markdown(const doc *d, int no_title, buf *out);

/* Utility shared by stages: collapse whitespace runs (incl. U+00A0 and friends) to one
 * space and trim both ends, in place.  Returns the new length. */
size_t text_collapse_ws(char *s, size_t len);

#endif
