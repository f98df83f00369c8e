/* author.c -- an author field as names: "By Ann Lee, Staff Writer | Reuters" is "Ann
 * Lee", "Written by Jo Doe and Kim Park on May 3, 2025" is "Jo Doe; Kim Park".
 *
 * The same cleaning serves what the markup declares (a <meta name=author>, a JSON-LD
 * name) and what a byline shows: a leading "By" (in several languages) goes, the text
 * stops where a date, an "Updated", a "|", a bullet or a dash starts, and the rest is
 * split into names at commas, "and", "&" and ";".  A part that is a role or a
 * credential ("Staff writer", "MD"), an e-mail address, a URL, a number or a sentence
 * is no name and is dropped; a name keeps at most six words. */
#include <string.h>
#include <strings.h>
#include "meta/meta.h"

#define MAX_NAMES 8
#define NAME_MAX_WORDS 6

static int is_space(char c) { return c == ' ' || c == '\t'; }
static int is_alpha(char c) { return (unsigned char)((c | 0x20) - 'a') < 26; }
static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static char lower(char c) { return is_upper(c) ? (char)(c | 0x20) : c; }

/* Whether s[0..len) is the word w (lowercase), in any case when fold: the word lists
 * are read at every word of a byline, so w is walked once, never measured first. */
static int word_is(const char *s, size_t len, const char *w, int fold)
{
    for (size_t i = 0; i < len; i++)
        if (!w[i] || (fold ? lower(s[i]) : s[i]) != w[i]) return 0;
    return w[len] == '\0';
}

/* Whether s starts with the n bytes of w, in any ASCII case (strncasecmp without the
 * call: it runs at every byte whose first letter matches). */
static int starts_ci(const char *s, const char *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (lower(s[k]) != lower(w[k])) return 0;
    return 1;
}

/* The lowercase words of names: "Nick van Mead", "Ana de la Cruz". */
static int is_particle(const char *s, size_t len)
{
    static const char *const particles[] = {"van", "von", "de", "der", "den", "da", "di",
                                            "del", "la", "le", "du", "dos", "bin", "al",
                                            "ibn", "ter", "y", NULL};
    for (const char *const *p = particles; *p; p++)
        if (word_is(s, len, *p, 0)) return 1;
    return 0;
}

/* Whether s[0..len) starts with word w (any case) followed by a non-letter. */
static int starts_with_word(const char *s, size_t len, const char *w)
{
    size_t i = 0;
    for (; w[i]; i++)
        if (i >= len || lower(s[i]) != w[i]) return 0;
    return i == len || !is_alpha(s[i]);
}

/* What a byline says before the names. */
static const char *const lead_words[] = {
    "written by", "posted by", "words by", "story by", "text by", "article by",
    "published by", "reporting by", "by", "about the author", "about", "meet the author",
    "meet", "authors", "author", "written", "posted", NULL};
/* The same in other languages: lowercase, or before two words or more ("Von Anna
 * Weber"): "Von Miller" is a name. */
static const char *const lead_words_other[] = {"von", "par", "por", "door", NULL};

/* The number of words after the first in s[0..len), up to a separator. */
static int words_after(const char *s, size_t len)
{
    int n = 0;
    for (size_t i = 1; i < len && !strchr("|,;\n", s[i]); i++)
        n += is_space(s[i - 1]) && !is_space(s[i]);
    return n;
}

/* Where one part of a byline ends: a bar, a bullet, a dash between spaces
 * ("By Ann Lee | Reuters", "May 3, 2025 \xc2\xb7 Ann Lee"). */
static const char *const separators[] = {"|", "\xc2\xb7", " - ", "\n", NULL};

/* Where the names in a part end: a date, or a word that goes on about the page. */
static const char *const stops[] = {
    " on ", " in ", " at ", " updated", " published", " posted", " last ", " read",
    " min ", " for ", " with ", NULL};

/* Words of a role or a title ("Senior Staff Writer"), and the small words between
 * them ("Editor of the Year"): a part made only of these is no name.  "Podium Staff"
 * is an author (an organisation's); "Staff Writer" is not. */
static const char *const role_words[] = {
    "staff", "writer", "writers", "reporter", "editor", "editors", "contributor",
    "contributing", "correspondent", "columnist", "journalist", "author", "senior",
    "associate", "managing", "freelance", "analyst", "producer", "manager", "director",
    "founder", "co-founder", "ceo", "cto", "president", "professor", "specialist",
    "strategist", "consultant", "photographer", "updated", "published", "reviewed",
    "read", "min", "minutes", "comments", "share", "follow", "of", "the", "at", "and",
    "chief", "lead", "head", "news", "guest", "deputy", "executive", "digital",
    "redakteur", "redakteurin", "autor", "autorin", "journaliste", "r\xc3\xa9\x64\x61\x63teur",
    "redactor", "redactora", "periodista", "giornalista",
    /* and the words of a page's furniture that stand where a byline would */
    "last", "latest", "modified", "ask", "question", "answer", "replies", "reply",
    "featured", "guide", "topic", "library", "video", "home", "blog", "via", "views",
    "posts", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL};

/* A word that says the author's words are over ("Updated", "min read"). */
static int is_role_word(const char *s, size_t len)
{
    char first = len ? lower(s[0]) : 0;
    for (const char *const *r = role_words; *r; r++)
        if ((*r)[0] == first && word_is(s, len, *r, 1)) return 1;
    return 0;
}

/* A part that is no name: an address, a number, a credential in capitals ("MD",
 * "PhD"), a role, or more words than a name has.  A name a byline shows (shown) is
 * also made of capitalised words, unless it is one word (a handle: "ibby"). */
static int is_name(const char *s, size_t len, int shown)
{
    if (!len || len > 80) return 0;
    int words = 0, upper = 0, letters = 0, roles = 0, lower_words = 0, digits = 0;
    for (size_t i = 0; i < len;) {
        if (is_space(s[i])) {
            i++;
            continue;
        }
        size_t w = i;
        while (w < len && !is_space(s[w])) {
            if (strchr("@/:=?!#", s[w])) return 0; /* "#git": a hashtag */
            digits += s[w] >= '0' && s[w] <= '9';
            letters += is_alpha(s[w]);
            upper += is_upper(s[w]);
            w++;
        }
        words++;
        int role = is_role_word(s + i, w - i);
        roles += role || (w - i == 1 && s[i] == '-');
        lower_words += s[i] >= 'a' && s[i] <= 'z' && !is_particle(s + i, w - i) && !role;
        i = w;
    }
    /* A handle may hold digits ("jdoe42"); a number, a date ("Mar 6") or a length
     * ("6 min") is no name, nor is one letter. */
    if (words > NAME_MAX_WORDS || letters <= digits || roles == words || letters < 2 ||
        (digits && words > 1))
        return 0;
    if (words == 1 && len <= 5 && upper == letters && letters > 1) return 0; /* "MD", "RDN" */
    if (len <= 4 && s[len - 1] == '.' && words == 1) return 0;             /* "Ph.", "Jr." */
    if (shown && words > 1 && lower_words) return 0;
    return 1;
}

/* Trims spaces, quotes and punctuation around s[*b..*e); a full stop only after a
 * word longer than an initial or "Jr". */
static void trim(const char *s, size_t *b, size_t *e)
{
    while (*b < *e && (is_space(s[*b]) || strchr(",;:.-(\"'", s[*b]))) (*b)++;
    for (;;) {
        while (*e > *b && (is_space(s[*e - 1]) || strchr(",;:-(\"'", s[*e - 1]))) (*e)--;
        size_t w = *e > *b && s[*e - 1] == '.' ? *e - 1 : *b;
        while (w > *b && is_alpha(s[w - 1])) w--;
        if (*e == *b || s[*e - 1] != '.' || *e - 1 - w <= 3) break;
        (*e)--;
    }
}

/* Whether a sign starts at s: U+2000..U+2FFF (bullets, dashes, arrows, shapes), but
 * not the quote marks U+2018..U+201B that names hold ("O\u2019Brien"). */
static int is_sign(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    return u[0] == 0xE2 && u[1] && u[2] && !(u[1] == 0x80 && (u[2] & 0xFC) == 0x98);
}

/* The end of the part of s[0..len) that starts at 0. */
static size_t part_end(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (is_sign(s + i)) return i;
        for (const char *const *sep = separators; *sep; sep++)
            if (s[i] == (*sep)[0] && strncmp(s + i, *sep, strlen(*sep)) == 0) return i;
    }
    return len;
}

/* Where the names of the part s[0..len) end. */
static size_t names_end(const char *s, size_t len, arena *a)
{
    size_t end = len;
    for (const char *const *st = stops; *st; st++) {
        size_t sl = strlen(*st);
        for (size_t i = 1; i + sl <= end; i++)
            if (starts_ci(s + i, *st, sl)) {
                end = i;
                break;
            }
    }
    /* A date in the byline ("Ann Lee May 3, 2025") ends it too. */
    char tmp[256];
    size_t tl = end < sizeof tmp ? end : sizeof tmp - 1;
    memcpy(tmp, s, tl);
    tmp[tl] = '\0';
    const char *at;
    if (wn_meta_next_date(tmp, &at, NULL, a)) end = (size_t)(at - tmp);
    return end;
}

/* Skips "By", "Written by", "Author:" ... at s[b..len), twice ("Author: by Ann"). */
static size_t skip_lead(const char *s, size_t b, size_t len)
{
    while (b < len && (is_space(s[b]) || strchr(":-", s[b]))) b++;
    for (int round = 0; round < 2; round++) {
        size_t lead = 0;
        for (const char *const *w = lead_words; *w && !lead; w++)
            if (starts_with_word(s + b, len - b, *w)) lead = strlen(*w);
        for (const char *const *w = lead_words_other; *w && !lead; w++)
            if (starts_with_word(s + b, len - b, *w) &&
                (strncmp(s + b, *w, strlen(*w)) == 0 || words_after(s + b, len - b) >= 2))
                lead = strlen(*w);
        b += lead;
        while (b < len && (is_space(s[b]) || s[b] == ':')) b++;
    }
    return b;
}

/* Splits s[b..e) at commas, ";", "&", " and " (and its French, German, Spanish and
 * Dutch words) into the names kept in out. */
static void split_names(const char *s, size_t b, size_t e, int shown, buf *out, int *n)
{
    static const char *const joins[] = {",", ";", "&", " and ", " und ", " et ", " y ",
                                        " en ", " e ", NULL};
    while (b < e && *n < MAX_NAMES) {
        size_t cut = e, skip = 0;
        for (const char *const *j = joins; *j; j++) {
            size_t jl = strlen(*j);
            for (size_t i = b; i + jl <= cut; i++)
                if (starts_ci(s + i, *j, jl)) {
                    cut = i;
                    skip = jl;
                    break;
                }
        }
        size_t nb = b, ne = cut;
        trim(s, &nb, &ne);
        /* A name written twice in one run ("Colin Gray Colin Gray": a link and its
         * text) once. */
        size_t half = (ne - nb) / 2;
        if (ne - nb > 2 && (ne - nb) % 2 == 1 && s[nb + half] == ' ' &&
            memcmp(s + nb, s + nb + half + 1, half) == 0)
            ne = nb + half;
        if (is_name(s + nb, ne - nb, shown)) {
            /* The same name twice (a byline and its link) is one author. */
            int dup = 0;
            for (size_t i = 0; out->len && i + (ne - nb) <= out->len; i++)
                if (strncmp(out->data + i, s + nb, ne - nb) == 0) dup = 1;
            if (!dup) {
                if (out->len) wn_buf_puts(out, "; ");
                wn_buf_append(out, s + nb, ne - nb);
                (*n)++;
            }
        }
        b = cut + skip;
        if (!skip) break;
    }
}

const char *wn_meta_author(const char *s, int shown, arena *a)
{
    if (!s) return NULL;
    size_t len = strnlen(s, 2000);
    buf out;
    wn_buf_init(&out, 0);
    int n = 0;
    /* "Guide by Ann Lee", "Story | by | Ann": the words before an early "by" go. */
    size_t start = 0;
    for (size_t i = 1, words = 0; i + 3 < len && words < 5; i++) {
        words += is_space(s[i]);
        if ((is_space(s[i - 1]) || s[i - 1] == '|') && strncasecmp(s + i, "by", 2) == 0 &&
            (is_space(s[i + 2]) || s[i + 2] == ':')) {
            start = i;
            break;
        }
    }
    /* The first part that holds a name: "May 3, 2025 | By Ann Lee | Reuters" is Ann's. */
    for (size_t b = start, parts = 0; b < len && !n && parts < 6; parts++) {
        size_t pe = b + part_end(s + b, len - b);
        size_t nb = skip_lead(s, b, pe);
        split_names(s, nb, nb + names_end(s + nb, pe - nb, a), shown, &out, &n);
        b = pe + 1;
        while (b < len && ((unsigned char)s[b] & 0xC0) == 0x80) b++; /* the sign's tail */
    }
    const char *r = out.len && !out.failed ? wn_arena_strndup(a, out.data, out.len) : NULL;
    wn_buf_free(&out);
    return r;
}
