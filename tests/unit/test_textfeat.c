/* test_textfeat.c -- the vector pass of wn_textfeat_shape() (16 bytes at a time) must
 * measure exactly what the byte-at-a-time reference does: on random mixes of ASCII,
 * multi-byte and broken UTF-8 at every alignment, and on the blocks of real pages
 * (fixtures, and ../shared when it is beside the checkout).  Date stamps and bylines
 * through their word tables. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include "check.h"
#include "input/input.h"
#include "text/text_shape.h"

static int same_shape(const tshape *a, const tshape *b)
{
    return a->chars == b->chars && a->words == b->words && a->cjk == b->cjk &&
           a->alpha == b->alpha && a->caps == b->caps && a->lower == b->lower &&
           a->digits == b->digits && a->stops == b->stops && a->commas == b->commas &&
           a->seps == b->seps && a->terminal == b->terminal && a->colon == b->colon &&
           a->ew == b->ew && a->dateline == b->dateline && a->byline == b->byline;
}

static unsigned fails_shown;

/* Compares the two passes on t[0..len); returns non-zero when they agree. */
static int agree(const char *t, size_t len)
{
    /* A heap copy of exactly len bytes, so that ASan sees any read past the block. */
    char *copy = malloc(len ? len : 1);
    if (!copy) return 0;
    memcpy(copy, t, len);
    block b;
    memset(&b, 0, sizeof b);
    b.text = copy;
    b.len = len;
    tshape fast = wn_textfeat_shape(&b), ref = wn_textfeat_shape_scalar(&b);
    int ok = same_shape(&fast, &ref);
    if (!ok && fails_shown++ < 5)
        fprintf(stderr, "shape differs on %zu bytes: \"%.*s\" (words %u/%u lower %u/%u "
                "stops %u/%u)\n", len, (int)len, t, fast.words, ref.words, fast.lower,
                ref.lower, fast.stops, ref.stops);
    free(copy);
    return ok;
}

static unsigned long long rng = 88172645463325252ull;
static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static void random_strings(void)
{
    static const char *const pieces[] = {
        "a", "e", "z", "q", "A", "Z", "M", "0", "9", "5", " ", " ", " ", "  ", ".", "!",
        "?", ",", ">", "|", "'", "\"", ")", ":", "-", "@", "`", "{", "~", "[",
        "\xc3\xa9", "\xc3\x89", "\xc2\xbb", "\xc2\xb7", "\xe2\x80\xa6", "\xe2\x80\x9d",
        "\xe2\x80\x99", "\xe2\x80\xa2", "\xe3\x80\x82", "\xe4\xb8\xad", "\xef\xbc\x8c",
        "\xe3\x80\x81", "\xd0\x96", "\xd0\xb6", "\xce\xb1", "\xce\xa9", "\xef\xbc\x81",
        "\xf0\x9f\x98\x80", "\x80", "\xff", "\xe2\x80", "\xc3", "\xf0\x9f", "\xef\xbc\x9a",
        "\xe2\x80\xba", "\xc3\x9f", "\xc3\xb7", "\xc3\x97",
        /* The edges of the ranges the vector pass classifies itself. */
        "\xc3\x80", "\xc3\x9e", "\xc3\xbf", "\xce\x90", "\xce\x91", "\xce\xaa",
        "\xce\xb0", "\xce\xbf", "\xcf\x80", "\xcf\x89", "\xcf\x8a", "\xd0\x8f",
        "\xd0\x90", "\xd0\xaf", "\xd0\xb0", "\xd0\xbf", "\xd1\x80", "\xd1\x8f",
        "\xd1\x90", "\xd1\x91", "\xc2\xa0", "\xc2\xba", "\xc2\xb6", "\xc2\xbc",
        "\xdf\xbf", "\xc4\x85", "\xe2\x80\x80", "\xe2\x80\xbf", "\xe2\x80\xa5",
        "\xe2\x80\xa7", "\xe2\x80\xb9", "\xe2\x80\xbb", "\xe2\x80\xa1",
        "\xe2\x80\xa3", "\xe2\x81\x9f", "\xe2\x82\xac", "\xc3" "A", "\xe2\x80" "A",
        "\xe2" "A", "\xc1\x80", "\xc0\xaf", "\xbf"};
    size_t np = sizeof pieces / sizeof pieces[0];
    char t[1200];
    int all = 1;
    for (int round = 0; round < 40000; round++) {
        size_t len = 0, want = rnd(round < 20000 ? 40 : 300);
        /* Some strings are lower-case prose, some prose with a few other pieces, some a
         * soup of everything. */
        unsigned soup = rnd(3);
        while (len < want) {
            int any = soup == 2 || (soup == 1 && rnd(5) == 0);
            const char *pc = any ? pieces[rnd((unsigned)np)] : pieces[rnd(12)];
            size_t n = strlen(pc);
            memcpy(t + len, pc, n);
            len += n;
        }
        all &= agree(t, len);
    }
    CHECK(all);
}

/* Every block of the page in file path, at every start offset below 17 (alignments). */
static int page_agrees(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return 1;
    static char data[1 << 20];
    size_t n = fread(data, 1, sizeof data, f);
    fclose(f);
    buf u8;
    wn_buf_init(&u8, 0);
    const char *cs;
    doc d;
    wn_doc_init(&d);
    int ok = wn_charset_to_utf8(data, n, 0, &u8, &cs) == 0 &&
             wn_textseg_segment(u8.data ? u8.data : "", u8.len, &d) == 0;
    for (size_t i = 0; ok && i < d.n; i++)
        for (size_t off = 0; off < 17 && off <= d.blocks[i].len; off++)
            ok &= agree(d.blocks[i].text + off, d.blocks[i].len - off);
    wn_doc_free(&d);
    wn_buf_free(&u8);
    return ok;
}

/* The .txt pages below dir (one level of subdirectories); returns how many. */
static int pages_in(const char *dir, int *all)
{
    DIR *dp = opendir(dir);
    if (!dp) return 0;
    int count = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        char path[4096];
        size_t nl = strlen(e->d_name);
        if (e->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (nl > 4 && strcmp(e->d_name + nl - 4, ".txt") == 0 &&
            strcmp(e->d_name, "expected.txt") != 0) {
            *all &= page_agrees(path);
            count++;
        }
    }
    closedir(dp);
    return count;
}

static void real_pages(void)
{
    const char *src = getenv("WINNOW_SOURCE_DIR");
    if (!src) src = ".";
    char dir[4096];
    int all = 1, count = 0;
    static const char *const subdirs[] = {
        "../shared/data/scrapinghub/text-innertext", "../shared/data/scrapinghub/text-lynx",
        "../shared/data/wcxb-dev-article/text-innertext"};
    for (size_t k = 0; k < sizeof subdirs / sizeof subdirs[0]; k++) {
        snprintf(dir, sizeof dir, "%s/%s", src, subdirs[k]);
        count += pages_in(dir, &all);
    }
    snprintf(dir, sizeof dir, "%s/fixtures", src);
    DIR *dp = opendir(dir);
    struct dirent *e;
    while (dp && (e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char sub[4096 + 256];
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        count += pages_in(sub, &all);
    }
    if (dp) closedir(dp);
    printf("%d real pages compared\n", count);
    CHECK(all);
}

typedef struct {
    const char *t;
    int want;
} tcase;

/* Checks pred (wn_textfeat_is_dateline or _is_byline) on each case. */
static void check_cases(const tcase *cases, size_t n,
                        int (*pred)(const block *, const tshape *), const char *what)
{
    for (size_t i = 0; i < n; i++) {
        block b;
        memset(&b, 0, sizeof b);
        b.text = cases[i].t;
        b.len = strlen(cases[i].t);
        tshape s = wn_textfeat_shape(&b);
        int got = pred(&b, &s) != 0;
        if (got != cases[i].want) fprintf(stderr, "%s \"%s\": %d\n", what, cases[i].t, got);
        CHECK(got == cases[i].want);
    }
}

/* Date stamps through the word table: words that are in two lists ("ago" is also
 * Spanish for August), words in none; one stamp may hold one other word (a poster). */
static const tcase datelines[] = {
    {"November 19, 2019 at 6:34 am", 1}, {"5 hours ago", 1}, {"hace 3 d\xc3\xad" "as", 1},
    {"vor 2 Tagen", 1}, {"vor 2 h", 1}, {"19 ago 2019", 1}, {"- 19 Mar 2020", 1},
    {"\xe2\x80\xa2 3 days ago", 1}, {"| 12 m\xc3\xa4rz 2019 |", 1},
    {"Updated Tuesday 4 d\xc3\xa9" "c 2018", 1}, {"Page 2 of 7 pages", 0},
    {"3 weeks later we met", 0}, {"years 2019", 0}, {"2019 zebra 12 apples", 0},
    {"Sept 5 1999 cat", 1}, {"Sept 5 1999 cat dog", 0},
    /* A user name with a full stop is one word; "Nov." and "20.11.2019" still split. */
    {"hayley.p 2 May 2025 18:48 1", 1}, {"Nov. 5, 2019", 1}, {"20.11.2019 14:05", 1},
    {"j.r.r tolkien 2 May 2025", 0},
    /* A day dates a time, as forums stamp this week's posts; a day and a number do not. */
    {"Wednesday at 7:19 PM", 1}, {"Yesterday at 3:30 PM", 1}, {"Today at 09:05", 1},
    {"Start date Tuesday at 4:27 AM", 1}, {"Monday 12", 0}, {"Sunday at 5 pm", 0},
    {"Monday 8:00 am \xe2\x80\x93 7:00 pm", 0}, {"Friday 9:00", 0}};

/* Bylines: every head, in any case; a sentence that starts like one is not one. */
static const tcase bylines[] = {
    {"By Jane Doe", 1}, {"by the time we came", 0}, {"Posted by Ann Lee", 1},
    {"WRITTEN BY Bob Smith", 1}, {"Words by Kim Park", 1}, {"Von Hans Meier", 1},
    {"Par Jean Dupont", 1}, {"Por Juan P\xc3\xa9rez", 1}, {"Author: Ann Lee", 1},
    {"autor: Eva Ruiz", 1}, {"Auteur : Luc Roy", 1}, {"Reporter: Al Ng", 1},
    {"Bylines and more", 0}, {"Parlons de tout", 0}, {"Zoe By Lee", 0},
    {"By \xc3\x89mile Zola", 1}, {"Posted in News", 0}};

int main(void)
{
    check_cases(bylines, sizeof bylines / sizeof bylines[0], wn_textfeat_is_byline, "byline");
    check_cases(datelines, sizeof datelines / sizeof datelines[0], wn_textfeat_is_dateline,
                "dateline");
    const char *fixed[] = {"", " ", "a", "A. B", "Hello world. This is it.",
                           "x                 y", "abcdefghijklmnopqrstuvwxyzABCDEF",
                           "caf\xc3\xa9 au lait. \xc3\x89t\xc3\xa9 \xe2\x80\xa6 done",
                           "\xe4\xb8\xad\xe6\x96\x87\xe3\x80\x82\xe4\xb8\xad"};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        CHECK(agree(fixed[i], strlen(fixed[i])));
    random_strings();
    real_pages();
    return check_done();
}
