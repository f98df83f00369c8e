/* furniture.c -- what a forum repeats around each post.  A forum read whole keeps its
 * posts, and with them each post's furniture: its number, the author's post and like
 * counts, the same labels ("Member", "Messages:", "Quote").  A kept line with no letter
 * at all (or a count's "K" only), an author's initial alone, and a short kept line
 * (FURNITURE_MAX bytes) the page repeats FURNITURE_REPEATS times or more, unless it
 * holds a date or an age (an author's line), are dropped: wcxb-dev-other forum
 * innerText .646 -> .660, HTML .689 -> .695 (README).  One hashed pass over the
 * blocks. */
#include "article/article.h"

#define FURNITURE_REPEATS 3
#define FURNITURE_MAX 40

static int no_letter(const block *b)
{
    for (size_t k = 0; k < b->len; k++) {
        unsigned char c = (unsigned char)b->text[k];
        if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return 0;
    }
    return 1;
}

/* A count written short ("1.2K", "7K": replies, views) or one letter alone (the
 * initial a forum draws for an author without a picture). */
static int count_or_initial(const block *b)
{
    const char *s = b->text;
    size_t n = b->len;
    if (n == 1) return ((unsigned char)s[0] | 0x20) >= 'a' && ((unsigned char)s[0] | 0x20) <= 'z';
    if (n < 2 || ((s[n - 1] | 0x20) != 'k' && (s[n - 1] | 0x20) != 'm') || s[0] < '0' || s[0] > '9')
        return 0;
    for (size_t k = 1; k + 1 < n; k++)
        if (!(s[k] >= '0' && s[k] <= '9') && s[k] != '.' && s[k] != ',') return 0;
    return 1;
}

void wn_article_furniture(doc *d, int rendered_text)
{
    size_t n = d->n, cap = 64;
    if (!n || d->page_type != WINNOW_PAGE_FORUM || !wn_article_reading(d, rendered_text).whole_page)
        return;
    while (cap < 2 * n) cap *= 2;
    /* How many blocks have each block's text (a hash collision only counts more). */
    uint32_t *key = wn_arena_alloc(&d->mem, cap * sizeof *key);
    unsigned *cnt = wn_arena_alloc(&d->mem, cap * sizeof *cnt);
    size_t *slot = wn_arena_alloc(&d->mem, n * sizeof *slot);
    if (!key || !cnt || !slot) {
        d->failed = 1;
        return;
    }
    memset(cnt, 0, cap * sizeof *cnt);
    for (size_t i = 0; i < n; i++) {
        uint32_t h = wn_hash_bytes(d->blocks[i].text, d->blocks[i].len);
        size_t j = h & (cap - 1);
        while (cnt[j] && key[j] != h) j = (j + 1) & (cap - 1);
        key[j] = h;
        cnt[j]++;
        slot[i] = j;
    }
    for (size_t i = 0; i < n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_KEEP || b->kind == BK_TITLE || b->kind == BK_HEADING ||
            b->kind == BK_PRE || b->kind == BK_TABLE)
            continue;
        /* A post's author line repeats when its author posts again the same day:
         * lines with a date or an age stay. */
        if (no_letter(b) || count_or_initial(b) || (cnt[slot[i]] >= FURNITURE_REPEATS && b->len <= FURNITURE_MAX &&
                             !wn_article_has_date(b->text, b->len))) {
            b->dec = DEC_DROP;
            b->why = WHY_FURNITURE;
        }
    }
}
