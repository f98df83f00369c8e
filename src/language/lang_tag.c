/* lang_tag.c -- declared language tags made canonical BCP 47 (RFC 5646): the case of
 * each subtag by its kind, '_' read as '-', deprecated codes replaced, and whatever is
 * no language (a template placeholder, "und", a private-use tag) refused, so that the
 * record's language can be compared and grouped on. */
#include <string.h>
#include "language/language.h"

#define TAG_MAX 64 /* language-extlang-script-region and a few variants fit easily */

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }
static char upper(char c) { return c >= 'a' && c <= 'z' ? (char)(c - 32) : c; }

static int all_alpha(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_alpha(s[i])) return 0;
    return 1;
}

static int all_alnum(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_alpha(s[i]) && !is_digit(s[i])) return 0;
    return 1;
}

/* Primary subtags that name no language in particular: undetermined, multiple, no
 * linguistic content, uncoded. */
static int no_language(const char *p)
{
    static const char *const none[] = {"und", "mul", "zxx", "mis"};
    for (size_t i = 0; i < sizeof none / sizeof *none; i++)
        if (strcmp(p, none[i]) == 0) return 1;
    /* qaa..qtz: reserved for private use */
    return strlen(p) == 3 && p[0] == 'q' && p[1] >= 'a' && p[1] <= 't';
}

/* Codes ISO 639 withdrew that old pages and Java locales still write. */
static const char *current_code(const char *p)
{
    static const char *const old[][2] = {{"iw", "he"}, {"in", "id"}, {"ji", "yi"}, {"jw", "jv"}};
    for (size_t i = 0; i < sizeof old / sizeof *old; i++)
        if (strcmp(p, old[i][0]) == 0) return old[i][1];
    return p;
}

/* Where a subtag may stand, in the order RFC 5646 allows them. */
enum { AT_EXTLANG, AT_SCRIPT, AT_REGION, AT_VARIANT };

/* Appends the subtag s[0..n) to out (length *len) in its canonical case when it may
 * stand at *at, and moves *at on; 0 when it may not (the tag ends before it). */
static int put_subtag(char *out, size_t *len, const char *s, size_t n, int *at, int *extlangs)
{
    int kind; /* what the subtag is, by its shape */
    if (n == 3 && all_alpha(s, n) && *at == AT_EXTLANG && *extlangs < 3) kind = AT_EXTLANG;
    else if (n == 4 && all_alpha(s, n) && *at <= AT_SCRIPT) kind = AT_SCRIPT;
    else if (((n == 2 && all_alpha(s, n)) || (n == 3 && is_digit(s[0]) && is_digit(s[1]) &&
                                                is_digit(s[2]))) && *at <= AT_REGION)
        kind = AT_REGION;
    else if (((n >= 5 && n <= 8) || (n == 4 && is_digit(s[0]))) && all_alnum(s, n)) kind = AT_VARIANT;
    else return 0;
    if (*len + 1 + n >= TAG_MAX) return 0;
    out[(*len)++] = '-';
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (kind == AT_REGION) c = upper(c);
        else if (kind == AT_SCRIPT) c = i == 0 ? upper(c) : lower(c);
        else c = lower(c);
        out[(*len)++] = c;
    }
    if (kind == AT_EXTLANG) (*extlangs)++;
    *at = kind == AT_EXTLANG ? AT_EXTLANG : kind + (kind != AT_VARIANT);
    return 1;
}

/* The tag in s[0..n) (trimmed, no whitespace inside), or NULL. */
static const char *tag_of(const char *s, size_t n, arena *a)
{
    /* A POSIX locale's ".UTF-8" or "@euro" says nothing about the language. */
    for (size_t i = 0; i < n; i++)
        if (s[i] == '.' || s[i] == '@') n = i;
    size_t p = 0;
    while (p < n && s[p] != '-' && s[p] != '_') p++;
    if (p < 2 || p > 3 || !all_alpha(s, p)) return NULL; /* "x-...", "i-...", "{{lang}}" */
    char primary[4];
    for (size_t i = 0; i < p; i++) primary[i] = lower(s[i]);
    primary[p] = '\0';
    if (no_language(primary)) return NULL;
    char out[TAG_MAX];
    const char *code = current_code(primary);
    size_t len = strlen(code);
    memcpy(out, code, len);
    int at = AT_EXTLANG, extlangs = 0;
    for (size_t i = p; i < n;) {
        size_t j = ++i; /* past the separator */
        while (j < n && s[j] != '-' && s[j] != '_') j++;
        /* A singleton starts an extension or private use: not part of the language. A
         * subtag out of place or of no known shape ends the tag there ("en-{{r}}"). */
        if (j - i < 2 || !put_subtag(out, &len, s + i, j - i, &at, &extlangs)) break;
        i = j;
    }
    return wn_arena_strndup(a, out, len);
}

const char *wn_language_tag(const char *s, arena *a)
{
    if (!s) return NULL;
    while (is_space(*s)) s++;
    size_t n = strlen(s);
    while (n > 0 && is_space(s[n - 1])) n--;
    for (size_t i = 0; i < n; i++)
        if (is_space(s[i])) return NULL; /* "en fr": a list, or words */
    return tag_of(s, n, a);
}

const char *wn_language_header(const char *s, arena *a)
{
    if (!s) return NULL;
    while (is_space(*s)) s++;
    size_t n = 0;
    while (s[n] && !is_space(s[n])) n++;
    if (memchr(s, ',', n)) return NULL;
    return tag_of(s, n, a);
}
