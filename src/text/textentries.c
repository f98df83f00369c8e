/* textentries.c -- a page read whole whose entries go on past its last paragraph.
 *
 * A page read whole (a listing, a board) keeps the span from its first to its last
 * prose.  When its entries are lines of furniture and short fields ("[25] arXiv:...",
 * "Title: ...", authors, "Subjects: ..."; "Winner", a name, a firm), the entries after
 * the last one with a sentence in it fall outside the span, though they are the same
 * entries.  Their furniture tells them: lines opening with the same word come back in
 * every entry.  The span goes on while such lines keep coming, ENTRY_GAP blocks apart
 * at most (12: 8 did as well on listings, 20 lost), and stops at a cut marker; so it goes
 * back before the first prose over the first entries.  Only on listings, forums and
 * collections: a reference page's items (a type's trait implementations) repeat their
 * furniture past what the truths keep (documentation -.0014 with them).  A key is a
 * line's first word; short words ("Go", "The") open titles as often as furniture.
 * wcxb-dev-other innerText listing .7506 -> .7562, forum .7818 -> .7854, collection
 * .6743 -> .6798; the other types and the article sets do not change. */
#include <stddef.h>
#include <string.h>
#include "text/text.h"

enum {
    ENTRY_WINDOW = 60,  /* blocks at the span's end whose lines' keys are counted */
    ENTRY_REPEATS = 3,  /* a key that many times in them is the entries' furniture */
    ENTRY_KEYS = 8,     /* such keys kept at most */
    ENTRY_GAP = 12,     /* blocks between two furniture lines past the span at most */
    ENTRY_LINE_MAX = 120 /* bytes: a furniture line is short */
};

size_t wn_textentries_key(const char *s, size_t n, char *key)
{
    size_t k = 0;
    if (n > ENTRY_LINE_MAX) return 0;
    for (size_t i = 0; i < n && s[i] != ' ' && s[i] != '\t' && k < WN_ENTRY_KEY_MAX; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9') {
            if (k == 0 || key[k - 1] != '0') key[k++] = '0';
            continue;
        }
        key[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    /* A lone number or sign tells no entry; nor does a short word ("Go", "The"),
     * which titles open with as often as furniture does. */
    int word = 1;
    for (size_t i = 0; i < k; i++)
        word &= (key[i] >= 'a' && key[i] <= 'z') || (unsigned char)key[i] >= 0x80;
    return k >= 2 && !(word && k < 4) ? k : 0;
}

typedef struct {
    char s[WN_ENTRY_KEY_MAX];
    size_t len;
} entry_key;

static int key_in(const entry_key *keys, size_t nk, const char *s, size_t len)
{
    for (size_t j = 0; j < nk; j++)
        if (keys[j].len == len && memcmp(keys[j].s, s, len) == 0) return 1;
    return 0;
}

/* The keys opening ENTRY_REPEATS lines or more among the blocks [lo, hi), in keys
 * (ENTRY_KEYS at most).  Returns their number. */
static size_t furniture_keys(const doc *d, size_t lo, size_t hi, entry_key *keys)
{
    entry_key seen[ENTRY_WINDOW];
    size_t counts[ENTRY_WINDOW], ns = 0, nk = 0;
    for (size_t i = lo; i < hi; i++) {
        char k[WN_ENTRY_KEY_MAX];
        size_t len = wn_textentries_key(d->blocks[i].text, d->blocks[i].len, k);
        if (!len) continue;
        size_t j = 0;
        while (j < ns && !(seen[j].len == len && memcmp(seen[j].s, k, len) == 0)) j++;
        if (j == ns) {
            memcpy(seen[ns].s, k, len);
            seen[ns].len = len;
            counts[ns++] = 0;
        }
        if (++counts[j] == ENTRY_REPEATS && nk < ENTRY_KEYS) keys[nk++] = seen[j];
    }
    return nk;
}

static int furniture_line(const block *b, const entry_key *keys, size_t nk)
{
    char k[WN_ENTRY_KEY_MAX];
    size_t len = wn_textentries_key(b->text, b->len, k);
    return len && key_in(keys, nk, k, len);
}

void wn_text_extend_entries(const doc *d, size_t *bs, size_t *be)
{
    /* A reference page's items (a type's trait implementations) and a service page's
     * sections repeat their furniture too, past what the truths keep of them. */
    if (*be <= *bs || (d->page_type != WINNOW_PAGE_LISTING &&
                       d->page_type != WINNOW_PAGE_FORUM &&
                       d->page_type != WINNOW_PAGE_COLLECTION))
        return;
    entry_key keys[ENTRY_KEYS];
    size_t lo = *be - *bs > ENTRY_WINDOW ? *be - ENTRY_WINDOW : *bs;
    size_t nk = furniture_keys(d, lo, *be, keys), last = *be - 1;
    for (size_t i = *be; nk && i < d->n && i - last <= ENTRY_GAP; i++) {
        if (wn_text_cut_marker(&d->blocks[i])) break;
        if (furniture_line(&d->blocks[i], keys, nk)) last = i;
    }
    *be = last + 1;
    size_t hi = *be - *bs > ENTRY_WINDOW ? *bs + ENTRY_WINDOW : *be;
    nk = furniture_keys(d, *bs, hi, keys);
    size_t first = *bs;
    for (size_t i = *bs; nk && i-- > 0 && first - i <= ENTRY_GAP;) {
        if (wn_text_cut_marker(&d->blocks[i])) break;
        if (furniture_line(&d->blocks[i], keys, nk)) first = i;
    }
    *bs = first;
}
