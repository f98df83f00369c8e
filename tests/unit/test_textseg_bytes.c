/* test_textseg_bytes.c -- the 16-byte scans of segmentation (line_is_clean(), the
 * newline search, the column count of measure()) must see what the byte loops saw: a
 * whitespace defect at every position of a line gets collapsed, a tab before a cell at
 * every position makes a table row (the tab kept between the cells), lines of every length end at their LF, CR or CRLF,
 * a CR at every position of a line splits it there, and hard-wrapped lines of accented
 * and CJK text (measured in code points, not bytes) are re-joined.  Built without SSE2
 * (-U__SSE2__), the same tests check the byte loops. */
#include <stdlib.h>
#include "check.h"
#include "text/text.h"

/* Segments s and returns its one block's text ("" when not exactly one block). */
static const char *one_block(doc *d, const char *s)
{
    wn_doc_init(d);
    CHECK(wn_textseg_segment(s, strlen(s), d) == 0);
    return d->n == 1 ? d->blocks[0].text : "";
}

/* A long line, and short ones that the vector scan takes through a padded copy. */
static const char *const lines[] = {
    "Wild bees were counted in the valley by volunteers "
    "\xe2\x80\x9c" "for the third year\xe2\x80\x9d" " running.",
    "Wild bees.", "W b", "Wild bees counted"};

static void test_defect_everywhere(void)
{
    /* (A CR ends the line: test_cr_everywhere.) */
    static const char *const defects[] = {"  ", " \t", "\t", "\xc2\xa0", "\xe2\x80\x89",
                                          "\xe2\x80\x8b", "\xe2\x81\x9f", "\xe3\x80\x80",
                                          "\xef\xbb\xbf", "\x01", " "};
    int all = 1, shown = 0;
    for (size_t li = 0; li < sizeof lines / sizeof lines[0]; li++) {
        for (size_t k = 0; k < sizeof defects / sizeof defects[0]; k++) {
            const char *words = lines[li];
            size_t dl = strlen(defects[k]), wl = strlen(words);
            for (size_t pos = 1; pos <= wl; pos++) {
                char line[256], want[256];
                memcpy(line, words, pos);
                memcpy(line + pos, defects[k], dl);
                strcpy(line + pos + dl, words + pos);
                /* A tab before a word separates two table cells, which keep it. */
                const char *tab = strchr(line, '\t');
                int cell = tab && tab[1] && tab[1] != ' ';
                strcpy(want, line);
                size_t n = wn_text_collapse_ws(want, strlen(want));
                if (cell) {
                    size_t left = (size_t)(tab - line);
                    strcpy(want, line);
                    n = wn_text_collapse_ws(want, left);
                    want[n++] = '\t';
                    strcpy(want + n, tab + 1);
                    n += wn_text_collapse_ws(want + n, strlen(want + n));
                }
                want[n] = '\0';
                doc d;
                const char *got = one_block(&d, line);
                int ok = strcmp(got, want) == 0;
                if (!ok && shown++ < 5)
                    fprintf(stderr, "defect %zu at %zu: got \"%s\"\n", k, pos, got);
                ok &= d.n == 1 && (d.blocks[0].kind == BK_TABLE) == cell;
                all &= ok;
                wn_doc_free(&d);
            }
        }
    }
    CHECK(all);
}

/* Wraps text as lynx does, at width columns counted in code points, with an indent
 * of three spaces. */
static void wrap_cp(const char *text, size_t width, char *out)
{
    size_t col = 0;
    const char *w = text;
    while (*w) {
        size_t wl = strcspn(w, " "), cps = 0;
        for (size_t i = 0; i < wl; i++) cps += ((unsigned char)w[i] & 0xC0) != 0x80;
        strcat(out, col == 0 ? "   " : col + 1 + cps > width ? "\n   " : " ");
        col = (col == 0 || col + 1 + cps > width ? 3 : col + 1) + cps;
        strncat(out, w, wl);
        w += wl + strspn(w + wl, " ");
    }
    strcat(out, "\n\n");
}

static void test_wrapped_multibyte(void)
{
    const char *para =
        "\xc3\x89t\xc3\xa9 apr\xc3\xa8s \xc3\xa9t\xc3\xa9, les b\xc3\xa9n\xc3\xa9voles "
        "comptent les abeilles sauvages de la vall\xc3\xa9" "e, \xc3\xa0 l'aube, "
        "\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87 avec des carnets tr\xc3\xa8s "
        "pr\xc3\xa9" "cis et des cam\xc3\xa9ras, puis ils \xc3\xa9" "crivent \xc3\xa0 la "
        "mairie qui publie les r\xc3\xa9sultats d\xc3\xa9taill\xc3\xa9s chaque hiver, "
        "ann\xc3\xa9" "e apr\xc3\xa8s ann\xc3\xa9" "e, sans jamais se lasser du "
        "r\xc3\xa9sultat.";
    char in[8192] = "";
    for (int i = 0; i < 4; i++) wrap_cp(para, 79, in);
    doc d;
    wn_doc_init(&d);
    CHECK(wn_textseg_segment(in, strlen(in), &d) == 0);
    CHECK(d.n == 4);
    for (size_t i = 0; i < d.n; i++) CHECK_STR(d.blocks[i].text, para);
    wn_doc_free(&d);
}

/* Lines of every length up to 40, the last one with or without its line end, each
 * ending in LF, CR, CRLF or one of the three in turn: the line-end search goes 16 bytes
 * at a time and ends in a window over the last bytes, and a CRLF may straddle two
 * windows. */
static void test_line_ends(void)
{
    static const char *const ends[] = {"\n", "\r", "\r\n"};
    int all = 1;
    for (int kind = 0; kind < 4; kind++) {
        for (size_t total = 1; total <= 40; total++) {
            for (int last_nl = 0; last_nl < 2; last_nl++) {
                char in[4096];
                size_t len = 0;
                for (size_t l = 1; l <= total; l++) {
                    for (size_t k = 0; k < l; k++) in[len++] = (char)('a' + (k + l) % 26);
                    const char *e = ends[kind < 3 ? kind : (int)(l % 3)];
                    if (l < total || last_nl) len += (size_t)sprintf(in + len, "%s", e);
                }
                doc d;
                wn_doc_init(&d);
                all &= wn_textseg_segment(in, len, &d) == 0 && d.n == total;
                for (size_t i = 0; i < d.n && i < total; i++)
                    all &= d.blocks[i].len == i + 1 && d.blocks[i].line == (int)i + 1 &&
                           d.blocks[i].blank_before == (i == 0);
                wn_doc_free(&d);
            }
        }
    }
    CHECK(all);
}

/* A line cut at every position by a line end (CR, CRLF, CR CR: a blank line between,
 * LF CR: the same), with or without a CR after it: two blocks, each as the byte loop of
 * wn_text_collapse_ws() makes the part (none for a part of only spaces). */
static void test_cr_everywhere(void)
{
    static const char *const cuts[] = {"\r", "\r\n", "\r\r", "\n\r"};
    int all = 1, shown = 0;
    for (size_t li = 0; li < sizeof lines / sizeof lines[0]; li++) {
        const char *words = lines[li];
        size_t wl = strlen(words);
        for (size_t k = 0; k < sizeof cuts / sizeof cuts[0]; k++) {
            for (size_t pos = 1; pos < wl; pos++) {
                for (int tail = 0; tail < 2; tail++) {
                    char in[256], want[2][256];
                    int n = snprintf(in, sizeof in, "%.*s%s%s%s", (int)pos, words, cuts[k],
                                     words + pos, tail ? "\r" : "");
                    size_t nw = 0;
                    snprintf(want[0], sizeof want[0], "%.*s", (int)pos, words);
                    snprintf(want[1], sizeof want[1], "%s", words + pos);
                    for (int j = 0; j < 2; j++) {
                        size_t cl = wn_text_collapse_ws(want[j], strlen(want[j]));
                        want[j][cl] = '\0';
                        if (cl) memmove(want[nw++], want[j], cl + 1);
                    }
                    doc d;
                    wn_doc_init(&d);
                    int ok = wn_textseg_segment(in, (size_t)n, &d) == 0 && d.n == nw;
                    for (size_t i = 0; ok && i < nw; i++) ok &= strcmp(d.blocks[i].text, want[i]) == 0;
                    if (ok && nw == 2) ok &= d.blocks[1].blank_before == (k >= 2);
                    if (!ok && shown++ < 5)
                        fprintf(stderr, "cut %zu at %zu of line %zu: %zu blocks\n", k, pos, li, d.n);
                    all &= ok;
                    wn_doc_free(&d);
                }
            }
        }
    }
    CHECK(all);
}

int main(void)
{
    test_line_ends();
    test_cr_everywhere();
    test_defect_everywhere();
    test_wrapped_multibyte();
    return check_done();
}
