/* input.h -- the first stage: bytes in any charset become UTF-8 (charset.c, with the
 * WHATWG label table in charset_labels.c), and HTML is told from text (sniff.c). */
#ifndef WINNOW_INPUT_H
#define WINNOW_INPUT_H

#include "core/core.h"
#include "winnow/winnow.h"

/* ---- charset.c: bytes -> UTF-8 ------------------------------------------------------ */

/* Decodes in[0..len) to UTF-8 into out (NUL-terminated).  BOMs are stripped; UTF-16
 * with a BOM is decoded; for HTML (is_html) the first <meta> in the first 4096 bytes
 * whose charset label is one of the WHATWG Encoding Standard's is honoured; otherwise
 * valid UTF-8 stays UTF-8 and anything else is windows-1252.  NUL bytes and other C0
 * controls except \t \n \r \f are dropped.  *charset receives a static name.
 * Returns 0, or -1 when out of memory / over out's limit. */
int wn_charset_to_utf8(const char *in, size_t len, int is_html, buf *out, const char **charset);
/* The same, with the label the transport declared (an HTTP charset=, or NULL): it is
 * taken before a <meta> and after a BOM. */
int wn_charset_to_utf8_hinted(const char *in, size_t len, int is_html, const char *hint,
                              buf *out, const char **charset);

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
const charset_enc *wn_charset_lookup(const char *s, size_t n);

/* 1 when the label table is in strcmp order (bsearch needs it); for the tests. */
int wn_charset_labels_sorted(void);

/* Length of the valid UTF-8 prefix of s[0..len). */
size_t wn_utf8_valid_prefix(const char *s, size_t len);

/* ---- sniff.c -------------------------------------------------------------------- */

/* Guesses HTML or text from the first bytes. */
winnow_type wn_sniff_type(const char *s, size_t len);

/* Share of bytes in s[0..len) that look like binary (controls other than whitespace),
 * from 0 to 1; used to refuse binary junk. */
double wn_sniff_binary_ratio(const char *s, size_t len);

#endif
