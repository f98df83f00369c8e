/* test_collapse_bytes.c -- wn_text_collapse_ws() moves runs of words and single spaces 16
 * bytes at a time; each kind of whitespace, a zero-width character and look-alike
 * bytes are put at every position of a long line (and pairs of them at every distance)
 * and the result must be what a plain tokenizer gives: the words joined by one space. */
#include <stdlib.h>
#include "check.h"
#include "core/core.h"

typedef struct {
    const char *s;
    int kind; /* 0: a space, 1: zero-width (joins), 2: text */
} piece;

static const piece pieces[] = {
    {" ", 0}, {"  ", 0}, {"\t", 0}, {"\n", 0}, {"\r\n", 0}, {"\f", 0}, {"\v", 0},
    {"\xc2\xa0", 0}, {"\xc2\x85", 0}, {"\xe2\x80\x83", 0}, {"\xe2\x80\xaf", 0},
    {"\xe2\x81\x9f", 0}, {"\xe3\x80\x80", 0}, {"\xe1\x9a\x80", 0}, {"\xe2\x80\xa8", 0},
    {"\xe2\x80\x8b", 1}, {"\xef\xbb\xbf", 1}, {"\xe2\x81\xa0", 1}, {"\xe1\xa0\x8e", 1},
    {"\xe2\x80\x99", 2}, {"\xe2\x80\x8c", 2}, {"\xc2\xa9", 2}, {"\xe3\x80\x82", 2},
    {"\xef\xbc\x8c", 2}, {"\xe1\x9a\x81", 2}, {"x", 2}};

/* The oracle: the line's pieces, spaces as separators, zero-width ones dropped. */
static size_t oracle(const piece *const *seq, size_t n, char *out)
{
    size_t w = 0;
    int pending = 0;
    for (size_t i = 0; i < n; i++) {
        if (seq[i]->kind == 1) continue;
        if (seq[i]->kind == 0) {
            pending = 1;
            continue;
        }
        if (pending && w > 0) out[w++] = ' ';
        pending = 0;
        size_t l = strlen(seq[i]->s);
        memcpy(out + w, seq[i]->s, l);
        w += l;
    }
    out[w] = '\0';
    return w;
}

/* Builds the line from seq, collapses an exact-size heap copy, compares. */
static int agrees(const piece *const *seq, size_t n)
{
    char line[1024], want[1024];
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(seq[i]->s);
        memcpy(line + len, seq[i]->s, l);
        len += l;
    }
    size_t wl = oracle(seq, n, want);
    char *p = malloc(len ? len : 1);
    if (!p) return 0;
    memcpy(p, line, len);
    size_t got = wn_text_collapse_ws(p, len);
    int ok = got == wl && memcmp(p, want, wl) == 0;
    free(p);
    return ok;
}

int main(void)
{
    static const piece word_a = {"a", 2}, word_b = {"bc", 2}, sp = {" ", 0};
    size_t np = sizeof pieces / sizeof pieces[0];
    int all = 1;
    /* Words of one and two letters with single spaces, 60 pieces long; piece k at
     * position pos, and a second piece j at pos + gap. */
    for (size_t k = 0; k < np; k++) {
        for (size_t pos = 0; pos < 60; pos++) {
            for (size_t j = 0; j < np; j += 5) {
                for (size_t gap = 1; gap < 19; gap += 3) {
                    const piece *seq[64];
                    for (size_t i = 0; i < 60; i++)
                        seq[i] = i % 3 == 2 ? &sp : i % 3 ? &word_b : &word_a;
                    seq[pos] = &pieces[k];
                    if (pos + gap < 60) seq[pos + gap] = &pieces[j];
                    all &= agrees(seq, 60);
                }
            }
        }
    }
    CHECK(all);
    return check_done();
}
