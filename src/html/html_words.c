/* html_words.c -- the words of a text as hashes, for comparing a declared text (a
 * description) with what the page shows. */
#include "html/html_dom.h"

/* Calls f(hash, ctx) for each word of s (ASCII letters and digits, lowercased, 3 or
 * more; other bytes split words, so the typography of quotes does not matter). */
void wn_hwords_each(const char *s, void (*f)(uint64_t, void *), void *ctx)
{
    uint64_t h = 1469598103934665603ULL;
    size_t n = 0;
    for (;; s++) {
        unsigned char c = (unsigned char)*s;
        int alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
        if (alnum) {
            h = (h ^ (unsigned char)(c | (c >= 'A' && c <= 'Z' ? 0x20 : 0))) * 1099511628211ULL;
            n++;
            continue;
        }
        if (n >= 3) f(h | 1, ctx); /* 0 marks an empty slot */
        h = 1469598103934665603ULL;
        n = 0;
        if (!c) break;
    }
}
