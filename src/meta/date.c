/* date.c -- declared dates in the forms pages write them, as ISO 8601.
 *
 * "2025-09-25T11:38:00Z" stays as it is; "Thu, 09/25/2025 - 11:38", "Sep 25, 2025",
 * "25 September 2025" and "25/09/2025" become "2025-09-25".  A slashed date is read
 * day first when its first number cannot be a month, month first otherwise.  A date
 * before 1995 (before the web had many dated pages) or not a real calendar day is
 * no date. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "meta/meta.h"

static const char *const months[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};

static int is_digit(char c) { return c >= '0' && c <= '9'; }
static int is_alpha(char c) { return (unsigned char)((c | 0x20) - 'a') < 26; }

/* The month named by the word at s (3 letters or more), 1..12, or 0. */
static int month_at(const char *s, size_t *len)
{
    size_t n = 0;
    while (is_alpha(s[n])) n++;
    *len = n;
    if (n < 3) return 0;
    for (int m = 0; m < 12; m++)
        if (strncasecmp(s, months[m], 3) == 0) return m + 1;
    return 0;
}

/* The number of 1 to max_digits digits at s, or -1. */
static int number_at(const char *s, int max_digits, size_t *len)
{
    int v = 0;
    size_t n = 0;
    while (is_digit(s[n]) && (int)n < max_digits) v = v * 10 + (s[n++] - '0');
    *len = n;
    return n && !is_digit(s[n]) ? v : -1;
}

static int valid(int y, int m, int d)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1995 || y > 2100 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return 0;
    return !(m == 2 && d == 29 && (y % 4 || (y % 100 == 0 && y % 400)));
}

const char *wn_meta_iso_date(const char *s, arena *a)
{
    if (!s) return NULL;
    /* ISO 8601 already: YYYY-MM-DD, maybe with a time. */
    if (strlen(s) >= 10 && is_digit(s[0]) && is_digit(s[3]) && s[4] == '-' && s[7] == '-') {
        int y, m, d;
        if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) == 3 && valid(y, m, d))
            return wn_arena_strndup(a, s, strnlen(s, 40));
        return NULL;
    }
    /* The first date written some other way, anywhere in the string. */
    for (const char *p = s; *p; p++) {
        if (p > s && (is_alpha(p[-1]) || is_digit(p[-1]))) continue; /* word starts only */
        int y = 0, m = 0, d = 0;
        size_t n1, n2, n3;
        int mo = month_at(p, &n1);
        if (mo) { /* "Sep 25, 2025", "September 25 2025" */
            const char *q = p + n1;
            if (*q == '.') q++;
            while (*q == ' ') q++;
            d = number_at(q, 2, &n2);
            q += n2;
            if (*q == ',') q++;
            while (*q == ' ') q++;
            y = number_at(q, 4, &n3);
            m = mo;
            if (d > 0 && n3 == 4 && valid(y, m, d)) goto found;
            continue;
        }
        int a1 = number_at(p, 4, &n1);
        if (a1 < 0) continue;
        const char *q = p + n1;
        if (n1 <= 2 && (*q == ' ' || *q == '.')) { /* "25 September 2025", "25. Sep 2025" */
            const char *r = q + (*q == '.');
            while (*r == ' ') r++;
            if ((mo = month_at(r, &n2)) != 0) {
                r += n2;
                if (*r == '.' || *r == ',') r++;
                while (*r == ' ') r++;
                y = number_at(r, 4, &n3);
                if (n3 == 4 && valid(y, mo, a1)) { m = mo; d = a1; goto found; }
            }
        }
        if (n1 <= 2 && (*q == '/' || *q == '.' || *q == '-')) { /* 09/25/2025, 25.09.2025 */
            char sep = *q;
            int a2 = number_at(q + 1, 2, &n2);
            if (a2 < 0 || q[1 + n2] != sep) continue;
            y = number_at(q + 2 + n2, 4, &n3);
            if (n3 != 4) continue;
            /* Day first where the first number cannot be a month (and in dotted dates,
             * which are European); month first otherwise (US). */
            int day_first = a1 > 12 || sep == '.';
            m = day_first ? a2 : a1;
            d = day_first ? a1 : a2;
            if (valid(y, m, d)) goto found;
        }
        continue;
    found:;
        char t[48]; /* room for any int: the compiler cannot see the ranges */
        snprintf(t, sizeof t, "%04d-%02d-%02d", y, m, d);
        return wn_arena_strndup(a, t, 10);
    }
    return NULL;
}
