/* date.c -- dates in the forms pages write them, as ISO 8601.
 *
 * A declared value ("2025-09-25T11:38:00Z", "2024-05-09 00:00:00 +0000") keeps its time,
 * written the ISO way ("2024-05-09T00:00:00+00:00"); a date written any other way --
 * "Thu, 09/25/2025 - 11:38", "Sep. 25th, 2025", "25 September 2025", "25. Dezember
 * 2025", "25 de diciembre de 2025", "25.09.2025", "2025年9月25日" -- becomes
 * "2025-09-25", wherever it stands in the string (a visible line "By Ann - Updated
 * Sep 25, 2025 - 4 min read" as well).  A slashed date is read day first when its first
 * number cannot be a month, month first otherwise; a dotted one is European.  A date
 * before 1995 (before the web had many dated pages), after a given bound (the day the
 * page was fetched) or not a real calendar day is no date; neither is a relative one
 * ("3 days ago"), which holds no calendar date to read. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "meta/meta.h"

/* Month names and their usual abbreviations in the languages pages are most often
 * written in (lowercase; ASCII letters match in any case).  A word must be a whole
 * name: "Mayor" is no month.  "ago" (Spanish and Italian August: "04-ago-2021") is a
 * month too: every form reads a four-digit year after it, and "3 days ago" has none. */
static const struct {
    const char *name;
    unsigned char month;
} month_names[] = {
    /* English */
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6},
    {"jul", 7}, {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    /* German */
    {"januar", 1}, {"j\xc3\xa4nner", 1}, {"j\xc3\xa4n", 1}, {"februar", 2},
    {"m\xc3\xa4rz", 3}, {"m\xc3\xa4r", 3}, {"mrz", 3}, {"mai", 5}, {"juni", 6},
    {"juli", 7}, {"oktober", 10}, {"okt", 10}, {"dezember", 12}, {"dez", 12},
    /* French */
    {"janvier", 1}, {"janv", 1}, {"f\xc3\xa9vrier", 2}, {"fevrier", 2}, {"f\xc3\xa9vr", 2},
    {"mars", 3}, {"avril", 4}, {"avr", 4}, {"juin", 6}, {"juillet", 7}, {"juil", 7},
    {"ao\xc3\xbbt", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11},
    {"d\xc3\xa9\x63\x65mbre", 12}, {"decembre", 12}, {"d\xc3\xa9\x63", 12},
    /* Spanish */
    {"enero", 1}, {"ene", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"abr", 4},
    {"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8}, {"ago", 8}, {"septiembre", 9},
    {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12}, {"dic", 12},
    /* Italian */
    {"gennaio", 1}, {"gen", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"mag", 5},
    {"giugno", 6}, {"giu", 6}, {"luglio", 7}, {"lug", 7}, {"settembre", 9}, {"set", 9},
    {"ottobre", 10}, {"ott", 10}, {"dicembre", 12},
    /* Portuguese */
    {"janeiro", 1}, {"fevereiro", 2}, {"fev", 2}, {"mar\xc3\xa7o", 3}, {"maio", 5},
    {"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"out", 10},
    {"dezembro", 12},
    /* Dutch and the Scandinavian languages */
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
    {"marts", 3}, {"maj", 5}, {"augusti", 8}, {"desember", 12},
    /* Polish and Russian (the genitive, as dates use it) */
    {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5},
    {"czerwca", 6}, {"lipca", 7}, {"sierpnia", 8}, {"wrze\xc5\x9bnia", 9},
    {"pa\xc5\xba\x64ziernika", 10}, {"listopada", 11}, {"grudnia", 12},
    {"\xd1\x8f\xd0\xbd\xd0\xb2\xd0\xb0\xd1\x80\xd1\x8f", 1},
    {"\xd1\x84\xd0\xb5\xd0\xb2\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8f", 2},
    {"\xd0\xbc\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0", 3},
    {"\xd0\xb0\xd0\xbf\xd1\x80\xd0\xb5\xd0\xbb\xd1\x8f", 4},
    {"\xd0\xbc\xd0\xb0\xd1\x8f", 5}, {"\xd0\xb8\xd1\x8e\xd0\xbd\xd1\x8f", 6},
    {"\xd0\xb8\xd1\x8e\xd0\xbb\xd1\x8f", 7},
    {"\xd0\xb0\xd0\xb2\xd0\xb3\xd1\x83\xd1\x81\xd1\x82\xd0\xb0", 8},
    {"\xd1\x81\xd0\xb5\xd0\xbd\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", 9},
    {"\xd0\xbe\xd0\xba\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", 10},
    {"\xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", 11},
    {"\xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8f", 12},
};

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c) { return (unsigned char)((c | 0x20) - 'a') < 26; }
/* A byte of a word: an ASCII letter or part of a multi-byte character. */
static int is_word(char c) { return is_alpha(c) || (unsigned char)c >= 0x80; }
/* Whether a word or number may start after s[-1] (s > start): after ASCII punctuation
 * or space, a capital after a small letter, and after the Latin-1 signs (U+00A0..U+00BF: "\xc2\xb7") and the general
 * punctuation block (U+2000..U+206F: "\xe2\x80\xa2", dashes), not inside a word. */
static int starts_word(const char *start, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if ((const char *)p == start) return 1;
    unsigned char c = p[-1];
    /* A capital after a small letter starts a word too: innerText runs two elements'
     * text together ("by Jeffrey ZeldmanNovember 20, 2007"). */
    if (c < 0x80)
        return (!is_alpha((char)c) && !is_digit((char)c)) ||
               (c >= 'a' && c <= 'z' && *p >= 'A' && *p <= 'Z');
    if (c >= 0xC0) return 0;
    if ((const char *)p - start >= 2 && p[-2] == 0xC2) return 1;
    return (const char *)p - start >= 3 && p[-3] == 0xE2 && (p[-2] == 0x80 || p[-2] == 0x81);
}

static int lower(char c) { return c >= 'A' && c <= 'Z' ? c | 0x20 : c; }

/* The month names by their first byte, in the table's order (a list through next_month,
 * NO_MONTH ending it): month_at() runs at every word of a line with a year, and most
 * words start otherwise than any name. */
#define MONTH_NAMES (sizeof month_names / sizeof *month_names)
#define NO_MONTH 0xFF
_Static_assert(MONTH_NAMES < NO_MONTH, "month names indexed by a byte");
static unsigned char first_month[256], next_month[MONTH_NAMES];
static pthread_once_t months_once = PTHREAD_ONCE_INIT;

static void index_months(void)
{
    memset(first_month, NO_MONTH, sizeof first_month);
    for (size_t k = MONTH_NAMES; k-- > 0;) {
        unsigned char f = (unsigned char)month_names[k].name[0];
        next_month[k] = first_month[f];
        first_month[f] = (unsigned char)k;
    }
}

/* The month named by the whole word at s (then *len is its length, a trailing '.' of
 * an abbreviation included), 1..12, or 0. */
static int month_at(const char *s, size_t *len)
{
    size_t n = 0;
    while (is_word(s[n])) n++;
    if (n < 3 || n > 24) return 0;
    pthread_once(&months_once, index_months);
    for (size_t k = first_month[(unsigned char)lower(s[0])]; k != NO_MONTH; k = next_month[k]) {
        const char *name = month_names[k].name;
        size_t i = 0; /* a shorter name stops at its '\0', which no letter of s is */
        while (i < n && lower(s[i]) == name[i]) i++;
        if (i < n || name[n]) continue;
        *len = n + (s[n] == '.');
        return month_names[k].month;
    }
    return 0;
}

/* The number of 1 to max_digits digits at s, not followed by another digit, or -1. */
static int number_at(const char *s, int max_digits, size_t *len)
{
    int v = 0;
    size_t n = 0;
    while (is_digit(s[n]) && (int)n < max_digits) v = v * 10 + (s[n++] - '0');
    *len = n;
    return n && !is_digit(s[n]) ? v : -1;
}

/* Whether s is a reading time's minutes ("5 mins", "11 min read"): one or two digits,
 * a space at most, "min". */
static int reading_minutes(const char *s)
{
    size_t n = 0;
    while (n < 2 && is_digit(s[n])) n++;
    if (!n || is_digit(s[n])) return 0;
    if (s[n] == ' ') n++;
    return lower(s[n]) == 'm' && lower(s[n + 1]) == 'i' && lower(s[n + 2]) == 'n';
}

/* A year of four digits at s, also where a time or a reading time follows it without
 * a space ("October 17, 20236:01 PM", "Mar 27, 20255 mins": the rendered text of two
 * elements side by side), or -1. */
static int year_at(const char *s)
{
    size_t n;
    int y = number_at(s, 4, &n);
    if (n == 4 && y >= 0) return y;
    if (n != 4 || !is_digit(s[4])) return -1;
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (reading_minutes(s + 4)) return year;
    const char *t = s + 4 + (is_digit(s[5]) && s[6] == ':');
    if (t[1] != ':' || !is_digit(t[2]) || !is_digit(t[3]) || is_digit(t[4])) return -1;
    return year;
}

/* The two digits at s, or -1. */
static int two_digits(const char *s)
{
    return is_digit(s[0]) && is_digit(s[1]) ? (s[0] - '0') * 10 + (s[1] - '0') : -1;
}

static const char *skip_spaces(const char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    return s;
}

/* After a day: an ordinal suffix ("1st", "2nd", "1er", "1Âº"). */
static const char *skip_ordinal(const char *s)
{
    static const char *const suffixes[] = {"st", "nd", "rd", "th", "er", NULL};
    if (strncmp(s, "\xc2\xba", 2) == 0) return s + 2;
    for (const char *const *x = suffixes; *x; x++)
        if (lower(s[0]) == (*x)[0] && lower(s[1]) == (*x)[1] && !is_word(s[2])) return s + 2;
    return s;
}

/* A linking word between the parts of a date: "de" (Spanish, Portuguese), "of". */
static const char *skip_link(const char *s)
{
    s = skip_spaces(s);
    if ((strncmp(s, "de ", 3) == 0 || strncmp(s, "of ", 3) == 0)) s = skip_spaces(s + 3);
    return s;
}

static int valid(int y, int m, int d)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1995 || y > 2100 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return 0;
    return !(m == 2 && d == 29 && (y % 4 || (y % 100 == 0 && y % 400)));
}

typedef struct {
    int y, m, d;
    char time[32]; /* "THH:MM[:SS][zone]" of an ISO value, else "" */
} date_found;

/* The time after an ISO date at s: [T or space]HH:MM[:SS[.fraction]][ ][Z | +HH[:]MM]. */
static void iso_time(const char *s, date_found *f)
{
    int hh, mi, ss = -1;
    size_t n;
    if (*s != 'T' && *s != ' ') return;
    s++;
    if ((hh = number_at(s, 2, &n)) < 0 || n != 2 || s[2] != ':') return;
    if ((mi = number_at(s + 3, 2, &n)) < 0 || n != 2) return;
    s += 5;
    if (*s == ':' && (ss = number_at(s + 1, 2, &n)) >= 0 && n == 2) s += 3;
    if (hh > 23 || mi > 59 || ss > 60) return;
    if (*s == '.' && is_digit(s[1])) {
        s++;
        while (is_digit(*s)) s++;
    }
    s = skip_spaces(s);
    char zone[8] = "";
    if (*s == 'Z') {
        strcpy(zone, "Z");
    } else if (*s == '+' || *s == '-') {
        /* +HH, +HHMM or +HH:MM */
        int zh = two_digits(s + 1), zm = 0;
        if (zh >= 0) {
            const char *q = s + 3 + (s[3] == ':');
            if ((zm = two_digits(q)) < 0) zm = 0;
            if (zh <= 14 && zm <= 59) snprintf(zone, sizeof zone, "%c%02d:%02d", *s, zh, zm);
        }
    }
    if (ss >= 0) snprintf(f->time, sizeof f->time, "T%02d:%02d:%02d%s", hh, mi, ss, zone);
    else snprintf(f->time, sizeof f->time, "T%02d:%02d%s", hh, mi, zone);
}

/* A date starting with its year at p: "2025-09-25" (a time kept), "2025/09/25",
 * "2025.09.25", "2025年9月25日", "2025년 9월 25일". */
static int year_first(const char *p, date_found *f)
{
    size_t n1, n2, n3;
    int y = number_at(p, 4, &n1);
    if (n1 != 4) return 0;
    const char *q = p + 4;
    char sep = *q;
    if (sep == '-' || sep == '/' || sep == '.') {
        int m = number_at(q + 1, 2, &n2);
        if (m < 0 || q[1 + n2] != sep) return 0;
        int d = number_at(q + 2 + n2, 2, &n3);
        if (d < 0 || !valid(y, m, d)) return 0;
        *f = (date_found){y, m, d, ""};
        if (sep == '-' && n2 == 2 && n3 == 2) iso_time(q + 2 + n2 + n3, f);
        return 1;
    }
    /* CJK: the year, month and day marks (年月日, 년월일). */
    static const char *const marks[2][3] = {
        {"\xe5\xb9\xb4", "\xe6\x9c\x88", "\xe6\x97\xa5"},
        {"\xeb\x85\x84", "\xec\x9b\x94", "\xec\x9d\xbc"}};
    for (int k = 0; k < 2; k++) {
        if (strncmp(q, marks[k][0], 3) != 0) continue;
        const char *r = skip_spaces(q + 3);
        int m = number_at(r, 2, &n2);
        if (m < 0 || strncmp(r + n2, marks[k][1], 3) != 0) return 0;
        r = skip_spaces(r + n2 + 3);
        int d = number_at(r, 2, &n3);
        if (d < 0 || strncmp(r + n3, marks[k][2], 3) != 0 || !valid(y, m, d)) return 0;
        *f = (date_found){y, m, d, ""};
        return 1;
    }
    return 0;
}

/* "Sep 25, 2025", "Sept. 25th 2025", "December 19th, 2025". */
static int month_first(const char *p, date_found *f)
{
    size_t n1, n2;
    int m = month_at(p, &n1);
    if (!m) return 0;
    const char *q = skip_spaces(p + n1);
    if (q == p + n1 && p[n1 - 1] != '.') return 0;
    int d = number_at(q, 2, &n2);
    if (d < 0) return 0;
    q = skip_ordinal(q + n2);
    if (*q == ',' || *q == '.') q++;
    q = skip_spaces(q);
    int y = year_at(q);
    if (!valid(y, m, d)) return 0;
    *f = (date_found){y, m, d, ""};
    return 1;
}

/* "25 September 2025", "25. Dezember 2025", "1er janvier 2025", "25 de diciembre de
 * 2025", "15th of May, 2025", "25-Sep-2025"; or numeric "25.09.2025", "09/25/2025". */
static int day_first(const char *p, date_found *f)
{
    size_t n1, n2, n3;
    int a1 = number_at(p, 2, &n1);
    if (a1 < 0) return 0;
    const char *q = p + n1;
    if (*q == '/' || *q == '.' || *q == '-') {
        char sep = *q;
        int a2 = number_at(q + 1, 2, &n2);
        if (a2 >= 0 && q[1 + n2] == sep) {
            int y = number_at(q + 2 + n2, 4, &n3);
            if (n3 != 4) return 0;
            /* Day first where the first number cannot be a month, and in dotted dates
             * (European) whose second one can; month first otherwise (US). */
            int dfirst = a1 > 12 || (sep == '.' && a2 <= 12);
            int m = dfirst ? a2 : a1, d = dfirst ? a1 : a2;
            if (!valid(y, m, d)) return 0;
            *f = (date_found){y, m, d, ""};
            return 1;
        }
    }
    q = skip_ordinal(q);
    if (*q == '.' || *q == '-') q++;
    q = skip_link(q);
    int m = month_at(q, &n2);
    if (!m) return 0;
    q += n2;
    if (*q == ',' || *q == '-') q++;
    q = skip_link(q);
    int y = year_at(q);
    if (!valid(y, m, a1)) return 0;
    *f = (date_found){y, m, a1, ""};
    return 1;
}

/* Whether s holds four ASCII digits in a row (most lines have no digit at all). */
static int has_four_digits(const char *s)
{
    const char *p = strpbrk(s, "0123456789");
    for (int run = 0; p && *p; p++)
        if (!is_digit(*p)) run = 0;
        else if (++run == 4) return 1;
    return 0;
}

const char *wn_meta_next_date(const char *s, const char **at, const char *not_after, arena *a)
{
    /* Every form read has a year of four ASCII digits (year_first, year_at, the numeric
     * day_first): most lines have none, and trying the month names of every language
     * at each word is what costs. */
    if (!s || !has_four_digits(s)) return NULL;
    for (const char *p = s; *p; p++) {
        if (!starts_word(s, p)) continue;
        date_found f;
        if (!year_first(p, &f) && !month_first(p, &f) && !day_first(p, &f)) continue;
        char t[64]; /* room for any int: the compiler cannot see the ranges */
        int n = snprintf(t, sizeof t, "%04d-%02d-%02d%s", f.y, f.m, f.d, f.time);
        /* A date after the page was fetched is a wrong reading (or an event's date). */
        if (not_after && strlen(not_after) >= 10 && strncmp(t, not_after, 10) > 0) continue;
        if (at) *at = p;
        return wn_arena_strndup(a, t, (size_t)n);
    }
    return NULL;
}

const char *wn_meta_iso_date(const char *s, const char *not_after, arena *a)
{
    return wn_meta_next_date(s, NULL, not_after, a);
}

int wn_meta_date_order(const char *at)
{
    date_found f;
    if (!at || year_first(at, &f)) return 0;
    if (month_first(at, &f)) return 'M';
    if (!day_first(at, &f)) return 0;
    size_t n1, n2;
    int a1 = number_at(at, 2, &n1);
    char sep = at[n1];
    if (sep != '/' && sep != '-') return 'D'; /* "25 September 2025", "25.09.2025" */
    if (sep == '-' && !(at[n1 + 1] >= '0' && at[n1 + 1] <= '9')) return 'D'; /* "25-Sep-2025" */
    int a2 = number_at(at + n1 + 1, 2, &n2);
    return a1 > 12 ? 'D' : a2 > 12 ? 'M' : a1 == a2 ? 0 : '?';
}
