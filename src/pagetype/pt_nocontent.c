/* pt_nocontent.c -- whether a decided page holds no main content: an empty body, a
 * login or cookie wall, an error page ("404", "Page not found"), a page of navigation
 * only.  Read after the blocks are decided, from what was kept (its words, how many of
 * them are prose, in links, in sign-in or cookie talk), the headline and kept headings
 * (an error page's words), and what the front end saw of the whole page (a password
 * field; the prose it held before pruning, which tells an empty page from one whose
 * article the extraction missed).  A page called empty outputs nothing, which costs
 * recall when it is wrong, so each reason needs little kept prose as well as its own
 * signal; the thresholds were measured on the development sets (bench/nocontent.sh
 * lists where it fires; tests/accuracy/test_nocontent.sh keeps it off the article sets). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "pagetype/pagetype.h"
#include "pagetype/pt_phrase.h"

/* Above this many kept words a page has content, whatever else it shows.  Pages with
 * more than NC_MAX_KEPT_BYTES kept are not even measured (wn_pt_nc_candidate, run on
 * every page, reads only the block lengths): that many bytes are more than NC_MAX_KEPT
 * words unless the words average 12 bytes, which is no prose either. */
#define NC_MAX_KEPT 160
#define NC_MAX_KEPT_BYTES (NC_MAX_KEPT * 12)
/* A block of prose: a sentence of this many words, or this long without one. */
#define PROSE_SENTENCE_WORDS 8
#define PROSE_LONG_WORDS 25
/* A page whose whole text (before pruning) holds this much prose in paragraphs of 80
 * bytes or more is not empty: if nothing was kept, the extraction missed the article. */
#define PAGE_PROSE_BYTES 400
/* Kept prose that still lets an error page, a sign-in or a cookie wall be empty: the
 * apology or the wall's own sentences. */
#define WALL_PROSE_WORDS 40
/* A headline or heading of an error page or a sign-in wall: this many words at most. */
#define HEAD_MAX_WORDS 10
/* A line of a menu, in rendered text: this few words and no sentence end. */
#define MENU_LINE_WORDS 4

/* ERROR: what an error page's headline says; APOLOGY: what its text says (only
 * phrases no article sentence needs); LOGIN and COOKIE: a wall's words. */
enum { SIG_ERROR = 0, SIG_APOLOGY, SIG_LOGIN, SIG_COOKIE, SIG_N };

/* Matched as tokens (pt_phrase.c): a typographic apostrophe splits a word, so
 * "doesn t" stands for both spellings. */
static const pt_phrase phrases[] = {
    {"404", SIG_ERROR}, {"410", SIG_ERROR}, {"^error", SIG_ERROR}, {"not found", SIG_ERROR},
    {"page not found", SIG_ERROR}, {"file not found", SIG_ERROR}, {"403 forbidden", SIG_ERROR},
    {"access denied", SIG_ERROR}, {"internal server error", SIG_ERROR},
    {"service unavailable", SIG_ERROR}, {"bad gateway", SIG_ERROR},
    {"page doesn't exist", SIG_APOLOGY}, {"page doesn t exist", SIG_APOLOGY},
    {"page does not exist", SIG_APOLOGY}, {"page cannot be found", SIG_APOLOGY},
    {"page can't be found", SIG_APOLOGY}, {"page can t be found", SIG_APOLOGY},
    {"page could not be found", SIG_APOLOGY}, {"page you requested", SIG_APOLOGY},
    {"page you are looking for", SIG_APOLOGY}, {"page you're looking for", SIG_APOLOGY},
    {"page you re looking for", SIG_APOLOGY}, {"page you were looking for", SIG_APOLOGY},
    {"can't find that page", SIG_APOLOGY}, {"can t find that page", SIG_APOLOGY},
    {"cannot find that page", SIG_APOLOGY}, {"couldn't find that page", SIG_APOLOGY},
    {"couldn t find that page", SIG_APOLOGY}, {"nothing was found at this location", SIG_APOLOGY},
    {"page has moved or no longer exists", SIG_APOLOGY},
    {"page has been moved or deleted", SIG_APOLOGY},
    {"sign in", SIG_LOGIN}, {"signin", SIG_LOGIN}, {"sign - in", SIG_LOGIN},
    {"log in", SIG_LOGIN}, {"login", SIG_LOGIN}, {"log - in", SIG_LOGIN},
    {"log on", SIG_LOGIN}, {"password", SIG_LOGIN}, {"username", SIG_LOGIN},
    {"user name", SIG_LOGIN}, {"remember me", SIG_LOGIN}, {"forgot", SIG_LOGIN},
    {"create an account", SIG_LOGIN}, {"create account", SIG_LOGIN},
    {"subscribers only", SIG_LOGIN}, {"members only", SIG_LOGIN},
    {"subscribe to continue", SIG_LOGIN}, {"to continue reading", SIG_LOGIN},
    {"keep me signed in", SIG_LOGIN}, {"stay signed in", SIG_LOGIN},
    {"cookie", SIG_COOKIE}, {"cookies", SIG_COOKIE}, {"accept all", SIG_COOKIE},
    {"reject all", SIG_COOKIE}, {"consent", SIG_COOKIE}, {"manage preferences", SIG_COOKIE},
    {"privacy settings", SIG_COOKIE},
};

static pt_phrase_set phrase_set;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void compile_phrases(void)
{
    /* Out of memory here leaves the set empty: no phrase is seen, nothing breaks. */
    wn_pt_phrase_compile(&phrase_set, phrases, sizeof phrases / sizeof *phrases);
}

static void count_hit(void *ctx, int signal, const char *at)
{
    (void)at;
    ((unsigned *)ctx)[signal]++;
}

/* The phrases of s, counted per signal into hits[SIG_N]. */
static void read_phrases(const char *s, size_t len, unsigned *hits)
{
    memset(hits, 0, SIG_N * sizeof *hits);
    if (s && len) wn_pt_phrase_count(&phrase_set, s, len, count_hit, hits);
}

/* Effective words of a block (CJK characters, which have no spaces between words, count
 * as half a word each) and whether it holds a sentence end. */
typedef struct {
    double words;
    int sentence;
} shape;

static shape measure(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned words = 0, cjk = 0;
    int in_word = 0, sentence = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned c = p[i];
        if (c == ' ' || c == '\t' || c == '\n') {
            in_word = 0;
            continue;
        }
        if (!in_word) words++;
        in_word = 1;
        if (c == '.' || c == '!' || c == '?') {
            if (i + 1 == len || p[i + 1] == ' ' || p[i + 1] == '"') sentence = 1;
        } else if (c == 0xE3 && i + 2 < len && p[i + 1] == 0x80 && p[i + 2] == 0x82) {
            sentence = 1; /* U+3002, the ideographic full stop */
        } else if (c >= 0xE3 && c <= 0xED) {
            cjk++; /* a three-byte lead of U+3000..U+DFFF: kana, ideographs, hangul */
        }
    }
    shape sh = {(double)words, sentence};
    if (cjk > 1 && cjk / 2.0 > sh.words) sh.words = cjk / 2.0;
    return sh;
}

static int is_prose(const shape *sh)
{
    return (sh->sentence && sh->words >= PROSE_SENTENCE_WORDS) || sh->words >= PROSE_LONG_WORDS;
}

/* What was kept, measured once. */
typedef struct {
    double kept, prose, link;     /* effective words kept; in prose blocks; in links */
    double login, cookie;         /* words in kept blocks that speak of either */
    size_t cookie_bytes;          /* bytes of kept blocks that speak of cookies */
    size_t login_bytes;           /* ... of sign-in */
    unsigned error_heads;         /* error words in the headline and kept headings */
    unsigned login_heads;         /* sign-in words in the headline and kept headings */
    unsigned apologies;           /* "the page you are looking for" ... in kept text */
    const char *error_said;       /* the first headline, heading or text that said so */
    const char *login_said;       /* the first headline or heading that asks to sign in */
} kept_measure;

static int counts_as_kept(const block *b)
{
    return b->dec == DEC_KEEP && b->kind != BK_TITLE;
}

/* A headline or heading that says "404" or "Sign in" says what the page is only when
 * it says little else ("Page not found - Site", "Sign in to continue"): a longer one
 * is an article's ("How to sign in to your bank from a new phone"). */
static void head_phrases(const char *s, size_t len, kept_measure *m)
{
    if (measure(s, len).words > HEAD_MAX_WORDS) return;
    unsigned hits[SIG_N];
    read_phrases(s, len, hits);
    m->error_heads += hits[SIG_ERROR] + hits[SIG_APOLOGY];
    m->login_heads += hits[SIG_LOGIN];
    if ((hits[SIG_ERROR] || hits[SIG_APOLOGY]) && !m->error_said) m->error_said = s;
    if (hits[SIG_LOGIN] && !m->login_said) m->login_said = s;
}

/* Measures the kept blocks; 0, or -1 (and m half filled) as soon as more than
 * NC_MAX_KEPT words are kept: the phrases are read only on pages that keep that little. */
static int measure_kept(const doc *d, kept_measure *m)
{
    memset(m, 0, sizeof *m);
    for (size_t i = 0; i < d->n; i++) {
        const block *b = &d->blocks[i];
        if (!counts_as_kept(b)) continue;
        shape sh = measure(b->text, b->len);
        m->kept += sh.words;
        if (m->kept > NC_MAX_KEPT) return -1;
        double link = b->len ? sh.words * (double)b->link_len / (double)b->len : 0.0;
        m->link += link;
        if (is_prose(&sh) && link < sh.words / 2) m->prose += sh.words;
    }
    unsigned hits[SIG_N];
    if (d->title) head_phrases(d->title, strlen(d->title), m);
    for (size_t i = 0; i < d->n; i++) {
        const block *b = &d->blocks[i];
        if (!counts_as_kept(b)) continue;
        read_phrases(b->text, b->len, hits);
        if (b->kind == BK_HEADING) head_phrases(b->text, b->len, m);
        m->apologies += hits[SIG_APOLOGY];
        if (hits[SIG_APOLOGY] && !m->error_said) m->error_said = b->text;
        if (!hits[SIG_LOGIN] && !hits[SIG_COOKIE]) continue;
        double words = measure(b->text, b->len).words;
        if (hits[SIG_LOGIN]) {
            m->login += words;
            m->login_bytes += b->len;
        }
        if (hits[SIG_COOKIE]) {
            m->cookie += words;
            m->cookie_bytes += b->len;
        }
    }
    return 0;
}

int wn_pt_nc_candidate(const doc *d)
{
    if (d->cut) return 0; /* a page cut short may hold its article past the cut */
    size_t kept = 0;
    for (size_t i = 0; i < d->n && kept <= NC_MAX_KEPT_BYTES; i++)
        if (counts_as_kept(&d->blocks[i])) kept += d->blocks[i].len;
    return kept <= NC_MAX_KEPT_BYTES;
}

/* The page as a whole, measured when a reason needs it: what the HTML front end saw
 * before pruning, or, for rendered text, its blocks, kept or not -- all its text, its
 * short lines (what menus are made of when links are not seen), its paragraphs of 80
 * bytes or more -- and the cookie notices among the dropped blocks (a cookie wall's
 * own text is often dropped by the rules). */
typedef struct {
    int done, from_blocks;
    size_t text, menu, prose, cookie_dropped;
} page_measure;

static const page_measure *page_of(const doc *d, page_measure *pg)
{
    if (pg->done) return pg;
    pg->done = 1;
    pg->from_blocks = !d->whole.measured;
    pg->text = d->whole.text;
    pg->menu = d->whole.links;
    pg->prose = d->whole.prose;
    unsigned hits[SIG_N];
    for (size_t i = 0; i < d->n; i++) {
        const block *b = &d->blocks[i];
        if (pg->from_blocks) {
            shape sh = measure(b->text, b->len);
            pg->text += b->len;
            if (sh.words <= MENU_LINE_WORDS && !sh.sentence) pg->menu += b->len;
            if (b->len >= 80) pg->prose += b->len;
        }
        if (counts_as_kept(b)) continue;
        read_phrases(b->text, b->len, hits);
        if (hits[SIG_COOKIE]) pg->cookie_dropped += b->len;
    }
    return pg;
}

/* A headline or text for the explanation: "s" whole, or its first QUOTE_MAX bytes (cut
 * on a character boundary) and "...".  "" for NULL. */
#define QUOTE_MAX 60
static const char *quote(const char *s, char *out, size_t cap)
{
    if (!s) return "";
    size_t n = strlen(s);
    int cut = n > QUOTE_MAX;
    if (cut) n = utf8_boundary(s, QUOTE_MAX);
    snprintf(out, cap, ", \"%.*s%s\"", (int)n, s, cut ? "..." : "");
    return out;
}

/* The reason, or NC_NONE, and what it rests on into why[0..cap).  The whole page is
 * measured only when a reason needs it: most pages that keep little are decided on the
 * kept blocks alone. */
static nc_reason decide(const doc *d, const kept_measure *m, char *why, size_t cap)
{
    int walled = m->prose <= WALL_PROSE_WORDS;
    char q[QUOTE_MAX + 16];
    page_measure pgm = {0};
    const page_measure *pg;
    if (m->kept == 0 && page_of(d, &pgm)->prose >= PAGE_PROSE_BYTES) return NC_NONE; /* missed */
    if ((m->error_heads || m->apologies) && walled) {
        snprintf(why, cap, "error page: %s%s; %.0f words kept, %.0f of prose",
                 m->error_heads ? "the headline or a heading says so" : "the text says so",
                 quote(m->error_said, q, sizeof q), m->kept, m->prose);
        return NC_ERROR_PAGE;
    }
    /* A short headline that asks to sign in, or a password field beside sign-in words
     * and no sentence at all: many pages hide a sign-in form in a menu, and a short
     * article may speak of signing in. */
    int passwords = d->whole.password_fields;
    if ((m->login_heads && walled) ||
        (passwords && m->login_bytes && m->prose == 0 && m->login >= m->kept / 2)) {
        snprintf(why, cap, "sign-in wall: %d password field%s%s; %.0f words kept, %.0f in "
                 "sign-in text, %.0f of prose", passwords, passwords == 1 ? "" : "s",
                 quote(m->login_said, q, sizeof q), m->kept, m->login, m->prose);
        return NC_LOGIN_WALL;
    }
    if (m->cookie >= m->kept / 2 && m->prose <= m->cookie && (m->cookie_bytes || !m->kept)) {
        pg = page_of(d, &pgm);
        size_t cookie = m->cookie_bytes + pg->cookie_dropped;
        if (cookie && cookie * 2 >= pg->text) {
            snprintf(why, cap, "cookie wall: %.0f words kept, %.0f in cookie notices; cookie "
                     "notices are %.0f%% of the page's text", m->kept, m->cookie,
                     100.0 * (double)cookie / (double)(pg->text ? pg->text : 1));
            return NC_COOKIE_WALL;
        }
    }
    if (m->kept > 0) return NC_NONE;
    pg = page_of(d, &pgm);
    if (pg->text && pg->menu * 2 >= pg->text) {
        snprintf(why, cap, "navigation only: nothing kept; %.0f%% of the page's %zu bytes of "
                 "text are %s, %zu bytes are paragraphs", 100.0 * (double)pg->menu /
                 (double)pg->text, pg->text, pg->from_blocks ? "short lines" : "links",
                 pg->prose);
        return NC_NAVIGATION;
    }
    snprintf(why, cap, "empty page: nothing kept; the page holds %zu bytes of text, %zu of "
             "them in paragraphs", pg->text, pg->prose);
    return NC_EMPTY;
}

void wn_pt_nc_decide(doc *d)
{
    pthread_once(&once, compile_phrases);
    kept_measure m;
    if (measure_kept(d, &m) != 0) return; /* too much kept: content */
    char why[240];
    nc_reason r = decide(d, &m, why, sizeof why);
    if (r == NC_NONE) return;
    d->no_content = r;
    d->no_content_why = wn_arena_strndup(&d->mem, why, strlen(why));
    for (size_t i = 0; i < d->n; i++) {
        block *b = &d->blocks[i];
        if (b->dec != DEC_KEEP) continue;
        b->dec = DEC_DROP;
        b->why = WHY_NO_CONTENT;
        b->score = 0.0;
    }
}
