/* pt_rhythm.c -- the rhythm of a page's lines.  Rendered text shows no markup, but a
 * listing shows in its lines: a short title (3 to 14 words, capitalised, no full stop),
 * perhaps a date or a byline, one teaser of a sentence or two, then the next title.  An
 * article's prose runs instead: paragraph after paragraph, some of them long.  Lines are
 * read one at a time, in one pass, with no memory of more than the entry being read:
 *   T.entries    entries (title, at most ENTRY_SKIP stamp or short lines, one teaser of
 *                at most TEASER_MAX words, then anything but prose);
 *   T.entry_pct  the share of the prose words that are teasers of entries;
 *   T.maxprose   the words of the longest prose line;
 *   T.run3_pct   the share of the prose words in runs of 3 prose lines or more (dates,
 *                "read more" lines and samples of code do not break a run).
 * A teaser followed by code is a tutorial's paragraph, no entry.
 * On the WCXB development pages a teaser share of a fifth or more, no line over 80
 * words and at most a tenth of the prose in runs tell listings from articles
 * (text/text_pagetype.c). */
#include "pagetype/pt_rhythm.h"

#define TITLE_MIN_WORDS 3
#define TITLE_MAX_WORDS 14
#define TITLE_MAX_BYTES 120
#define PROSE_MIN_WORDS 10
#define STAMP_MAX_WORDS 8 /* a dated line longer than this is prose or a title */
#define MORE_MAX_WORDS 4
#define TEASER_MAX 90
#define ENTRY_SKIP 2
#define RUN_LINES 3

typedef enum { L_SHORT, L_TITLE, L_PROSE, L_STAMP, L_MORE, L_CODE } line_kind;
enum { S_NONE, S_TITLE, S_TEASER };

/* A title opens with a capital, a digit or a quote mark (ASCII or UTF-8 curly). */
static int title_start(const char *a, const char *b)
{
    unsigned char c = (unsigned char)*a;
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == '\'') return 1;
    return b - a >= 3 && c == 0xE2 && (unsigned char)a[1] == 0x80 &&
           ((unsigned char)a[2] == 0x9C || (unsigned char)a[2] == 0x98);
}

static line_kind kind_of(const char *a, const char *b, size_t words, int dated, int more,
                         int code)
{
    if (code) return L_CODE;
    if (more && words <= MORE_MAX_WORDS) return L_MORE;
    if (dated && words <= STAMP_MAX_WORDS) return L_STAMP;
    char last = b[-1];
    if (words >= TITLE_MIN_WORDS && words <= TITLE_MAX_WORDS && b - a <= TITLE_MAX_BYTES &&
        last != '.' && last != ',' && last != ';' && last != ':' && title_start(a, b))
        return L_TITLE;
    return words >= PROSE_MIN_WORDS ? L_PROSE : L_SHORT;
}

static void end_run(pt_rhythm *r)
{
    if (r->run_lines >= RUN_LINES) r->run3_words += r->run_words;
    r->run_lines = r->run_words = 0;
}

/* The entry a line continues, ends or opens. */
static void step_entry(pt_rhythm *r, line_kind k, size_t words)
{
    if (r->state == S_TEASER) {
        if (k == L_STAMP || k == L_MORE) return;
        r->state = S_NONE;
        if (k == L_PROSE || k == L_CODE) return; /* running prose, no entry */
        r->entries++;
        r->entry_words += r->teaser_words;
    } else if (r->state == S_TITLE) {
        if ((k == L_STAMP || k == L_SHORT) && r->skipped < ENTRY_SKIP) {
            r->skipped++;
            return;
        }
        r->state = S_NONE;
        if (k == L_PROSE && words <= TEASER_MAX) {
            r->state = S_TEASER;
            r->teaser_words = words;
            return;
        }
    }
    if (k == L_TITLE) {
        r->state = S_TITLE;
        r->skipped = 0;
    }
}

void wn_pt_rhythm_line(pt_rhythm *r, const char *a, const char *b, size_t words, int dated,
                       int more, int code)
{
    if (b <= a) return;
    line_kind k = kind_of(a, b, words, dated, more, code);
    if (k == L_PROSE) {
        r->prose_words += words;
        if (words > r->max_prose) r->max_prose = words;
        r->run_lines++;
        r->run_words += words;
    } else if (k != L_STAMP && k != L_MORE && k != L_CODE) {
        end_run(r);
    }
    step_entry(r, k, words);
}

void wn_pt_rhythm_signals(pt_rhythm *r, pt_signals *out)
{
    end_run(r);
    if (r->state == S_TEASER) { /* the last entry ends the text */
        r->entries++;
        r->entry_words += r->teaser_words;
        r->state = S_NONE;
    }
#define CAP(x) ((int)((x) > 1000000 ? 1000000 : (x)))
    out->v[PS_T_ENTRIES] = CAP(r->entries);
    out->v[PS_T_MAXPROSE] = CAP(r->max_prose);
    out->v[PS_T_ENTRY_PCT] = r->prose_words ? (int)(100 * r->entry_words / r->prose_words) : 0;
    out->v[PS_T_RUN3_PCT] = r->prose_words ? (int)(100 * r->run3_words / r->prose_words) : 0;
#undef CAP
}
