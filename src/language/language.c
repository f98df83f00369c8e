/* language.c -- the record's language: what the page declares, weighed against what
 * its kept text is.  Pages often declare wrong (a template's lang="en" over German
 * text, a CMS's default left unchanged), so a reliable detection of the text beats a
 * declaration it disagrees with; when they agree, the declared tag stays, since it may
 * say more ("en-GB", "zh-Hant-TW").  Runs after the blocks are decided, on the kept
 * text only: the article, not the page's menus and footers in another language. */
#include <string.h>
#include "language/language.h"

/* The length of the primary subtag of a normalised tag. */
static size_t primary_len(const char *t) { return strcspn(t, "-"); }

/* Languages a detector confuses with each other on ordinary text (cld2's own "close
 * sets", less the ones it tells apart on an article's length): a page declaring one
 * and read as another is taken at its word. */
static int close_group(const char *t, size_t n)
{
    static const char *const groups[][5] = {
        {"da", "no", "nb", "nn"}, {"bs", "hr", "sr", "cnr"}, {"id", "ms"},
        {"cs", "sk"}, {"hi", "mr", "ne", "bh"}, {"xh", "zu"}, {"rw", "rn"}, {"bo", "dz"},
    };
    for (size_t g = 0; g < sizeof groups / sizeof *groups; g++)
        for (size_t i = 0; i < 5 && groups[g][i]; i++)
            if (strlen(groups[g][i]) == n && strncmp(groups[g][i], t, n) == 0) return (int)g + 1;
    return 0;
}

int wn_language_agree(const char *a, const char *b)
{
    if (!a || !b) return 0;
    size_t na = primary_len(a), nb = primary_len(b);
    if (na == nb && strncmp(a, b, na) == 0) return 1;
    int g = close_group(a, na);
    return g && g == close_group(b, nb);
}

const char *wn_language_choose(const char *declared, const char *detected)
{
    if (!detected) return declared;
    if (!declared) return detected;
    return wn_language_agree(declared, detected) ? declared : detected;
}

/* The article's words for the detector, at most LANGUAGE_SAMPLE bytes: prose first
 * (blocks of PROSE_MIN bytes or more, in page order), then the shorter kept blocks --
 * never code (no human language) nor reader comments (anyone's) -- one per line, the
 * last cut on a character boundary.  -1 when memory ran out. */
#define PROSE_MIN 100
static int kept_text(const doc *d, buf *out)
{
    for (int prose = 1; prose >= 0; prose--) {
        for (size_t i = 0; i < d->n && out->len < LANGUAGE_SAMPLE; i++) {
            const block *b = &d->blocks[i];
            if (b->dec != DEC_KEEP || b->kind == BK_PRE || (b->flags & BF_COMMENT) || !b->len ||
                (b->len >= PROSE_MIN) != prose)
                continue;
            size_t room = LANGUAGE_SAMPLE - out->len;
            size_t n = b->len <= room ? b->len : utf8_boundary(b->text, room);
            if (wn_buf_append(out, b->text, n) != 0 || wn_buf_putc(out, '\n') != 0) return -1;
        }
    }
    return 0;
}

void wn_language_resolve(doc *d, const char *content_language, int detect)
{
    const char *declared = d->meta.language;
    if (!declared) declared = wn_language_header(content_language, &d->mem);
    const char *detected = NULL;
    if (detect && wn_language_detector() && !d->no_content) {
        buf text;
        wn_buf_init(&text, 0);
        if (kept_text(d, &text) != 0) d->failed = 1;
        else if (text.len >= LANGUAGE_MIN_TEXT)
            detected = wn_language_detect(text.data, text.len, 1, declared);
        wn_buf_free(&text);
    }
    d->meta.language = wn_language_choose(declared, detected);
}
