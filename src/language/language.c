/* language.c -- the record's language: what the page declares, weighed against what
 * its kept text is.  Pages often declare wrong (a template's lang="en" over German
 * text, a CMS's default left unchanged), so a reliable detection of the text beats a
 * declaration it disagrees with; when they agree, the declared tag stays, since it may
 * say more ("en-GB", "zh-Hant-TW").  Runs after the blocks are decided, on the kept
 * text only: the article, not the page's menus and footers in another language. */
#include <stdio.h>
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

const char *wn_language_choose(const char *declared, const char *detected, lang_choice *how)
{
    lang_choice c = !detected ? (declared ? LC_DECLARED : LC_NONE)
                    : !declared ? LC_DETECTED
                    : wn_language_agree(declared, detected) ? LC_AGREE
                                                            : LC_DISAGREE;
    if (how) *how = c;
    return c == LC_DECLARED || c == LC_AGREE ? declared : detected;
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
    lang_why *w = &d->language_why;
    memset(w, 0, sizeof *w);
    w->declared = d->meta.language;
    w->declared_src = d->meta.src.language;
    if (!w->declared) {
        w->declared = wn_language_header(content_language, &d->mem);
        w->declared_src = w->declared ? "HTTP Content-Language" : NULL;
    }
    w->detection = !detect ? LD_OFF : !wn_language_detector() ? LD_NO_DETECTOR
                   : d->no_content ? LD_NO_CONTENT : LD_TOO_LITTLE;
    if (w->detection == LD_TOO_LITTLE) {
        buf text;
        wn_buf_init(&text, 0);
        if (kept_text(d, &text) != 0) {
            d->failed = 1;
        } else if (text.len >= LANGUAGE_MIN_TEXT) {
            w->detected = wn_language_detect(text.data, text.len, 1, w->declared);
            w->detection = w->detected ? LD_READ : LD_NO_ANSWER;
        }
        w->sample = text.len;
        wn_buf_free(&text);
    }
    d->meta.language = wn_language_choose(w->declared, w->detected, &w->choice);
    d->meta.src.language = w->choice == LC_DECLARED || w->choice == LC_AGREE ? w->declared_src
                           : w->choice == LC_NONE ? NULL : "detector";
}

/* The words for what the detector did. */
static const char *detection_words(const lang_why *w, char *tmp, size_t n)
{
    switch (w->detection) {
    case LD_NOT_RUN: break;
    case LD_OFF: return "detector not run: turned off by no_language_detection, as for text "
                        "and Markdown output";
    case LD_NO_DETECTOR: return "detector not run: built without one";
    case LD_NO_CONTENT: return "detector not run: no main content";
    case LD_TOO_LITTLE:
        snprintf(tmp, n, "detector not run: too little text, %zu bytes kept of %d needed",
                 w->sample, LANGUAGE_MIN_TEXT);
        return tmp;
    case LD_NO_ANSWER:
        snprintf(tmp, n, "detector read %zu bytes: no reliable answer", w->sample);
        return tmp;
    case LD_READ:
        snprintf(tmp, n, "detector read \"%s\" in %zu bytes", w->detected, w->sample);
        return tmp;
    }
    return "";
}

const char *wn_language_explain(doc *d)
{
    const lang_why *w = &d->language_why;
    if (w->detection == LD_NOT_RUN) return NULL;
    static const char *const outcome[] = {
        [LC_NONE] = "no language",
        [LC_DECLARED] = "the declared one",
        [LC_DETECTED] = "the detected one: nothing declared",
        [LC_AGREE] = "the declared one: the text agrees with it",
        [LC_DISAGREE] = "the detected one: the text disagrees with the declaration",
    };
    char declared[160], detection[160], out[480];
    if (w->declared)
        snprintf(declared, sizeof declared, "declared \"%s\" by %s", w->declared,
                 w->declared_src ? w->declared_src : "the page");
    else
        snprintf(declared, sizeof declared, "nothing declared");
    int n = snprintf(out, sizeof out, "%s; %s; %s", declared,
                     detection_words(w, detection, sizeof detection), outcome[w->choice]);
    return wn_arena_strndup(&d->mem, out, n < 0 ? 0 : (size_t)n < sizeof out ? (size_t)n
                                                                                : sizeof out - 1);
}
