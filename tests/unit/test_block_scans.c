/* test_block_scans.c -- the vector and word-at-a-time scans of article.h and
 * comments.c must answer as the byte loops they replace: wn_article_contains() (16
 * places at once by the needle's first two bytes) and wn_article_has_date() (its
 * next_digit() reads 8 bytes a step and the last bytes through the text's last 8) are
 * compared with byte-loop references on pseudo-random texts of every length, made of
 * the bytes that matter (cases of a letter, spaces, colons, digits, UTF-8). */
#include <stdint.h>
#include <stdlib.h>
#include "check.h"
#include "article/article.h"

static int ref_contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    if (k == 0) return n > 0;
    for (size_t i = 0; i + k <= n; i++) {
        size_t m = 0;
        while (m < k && wn_article_lower((unsigned char)s[i + m]) ==
                            wn_article_lower((unsigned char)needle[m]))
            m++;
        if (m == k) return 1;
    }
    return 0;
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alnum(unsigned char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* wn_article_has_date() with the byte loop for the next digit. */
static int ref_has_date(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        while (i < n && !is_digit((unsigned char)s[i])) i++;
        if (i == n) break;
        size_t k = i;
        while (k < n && is_digit((unsigned char)s[k])) k++;
        size_t digits = k - i;
        if (digits == 4 && (k == n || !is_alnum((unsigned char)s[k]))) {
            int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 +
                    (s[i + 3] - '0');
            if (y >= 1995 && y <= 2039) return 1;
        }
        if (digits >= 1 && digits <= 2 && k + 2 < n && s[k] == ':' &&
            is_digit((unsigned char)s[k + 1]) && is_digit((unsigned char)s[k + 2]))
            return 1;
        if (digits >= 1 && digits <= 3 && k < n && s[k] == ' ') {
            static const char *const units[] = {"minute", "hour", "day", "week", "month",
                                                "year", "min ", "hr ", NULL};
            for (const char *const *u = units; *u; u++)
                if (wn_article_starts(s + k + 1, n - k - 1, *u)) {
                    size_t rest = k + 1 + strlen(*u);
                    if (rest < n && s[rest] == 's') rest++;
                    if (ref_contains(s + rest, n - rest < 6 ? n - rest : 6, "ago")) return 1;
                }
        }
        i = k;
    }
    return 0;
}

static uint32_t rng = 12345;
static unsigned next_rand(void)
{
    rng = rng * 1103515245u + 12345u;
    return rng >> 16;
}

static void test_contains(void)
{
    static const char alphabet[] = "sSaAiIdDrReE -:\xc3\xa9.";
    static const char *const needles[] = {" said", "re", "Reply", " - ", "ago", "aid", "s",
                                          "\xc3\xa9", "permalink"};
    int bad = 0;
    for (int round = 0; round < 4000; round++) {
        char s[80];
        size_t n = next_rand() % sizeof s;
        for (size_t i = 0; i < n; i++) s[i] = alphabet[next_rand() % (sizeof alphabet - 1)];
        for (size_t k = 0; k < sizeof needles / sizeof *needles; k++)
            if (wn_article_contains(s, n, needles[k]) != ref_contains(s, n, needles[k])) {
                if (bad++ < 5) fprintf(stderr, "contains \"%s\" in %.*s\n", needles[k], (int)n, s);
            }
    }
    CHECK(bad == 0);
    /* The needle at every place of a longer text, and cut by its end. */
    const char *text = "posted on the forty-second day of the month by a reader";
    char s[128];
    for (size_t at = 0; at <= strlen(text); at++) {
        size_t n = (size_t)snprintf(s, sizeof s, "%.*s SAID%s", (int)at, text, text + at);
        CHECK(wn_article_contains(s, n, " said"));
        CHECK(!wn_article_contains(s, at + 4, " said"));
    }
}

static void test_has_date(void)
{
    static const char alphabet[] = "ab :9012345 :\xc3\xa9hourago";
    int bad = 0;
    for (int round = 0; round < 20000; round++) {
        char s[48];
        size_t n = next_rand() % sizeof s;
        for (size_t i = 0; i < n; i++) {
            /* Mostly letters and colons, so a digit falls at every place of a word. */
            unsigned r = next_rand() % 8;
            s[i] = r < 5 ? alphabet[next_rand() % 4] : alphabet[next_rand() % (sizeof alphabet - 1)];
        }
        if (wn_article_has_date(s, n) != ref_has_date(s, n)) {
            if (bad++ < 5) fprintf(stderr, "has_date %.*s\n", (int)n, s);
        }
    }
    CHECK(bad == 0);
    /* A year at every place, after a colon (the byte that borrows in the word test). */
    char s[64];
    for (size_t at = 0; at < 40; at++) {
        memset(s, ':', at);
        memcpy(s + at, "2024", 4);
        CHECK(wn_article_has_date(s, at + 4));
        memcpy(s + at, "3024", 4);
        CHECK(!wn_article_has_date(s, at + 4));
    }
}

int main(void)
{
    test_contains();
    test_has_date();
    return check_done();
}
