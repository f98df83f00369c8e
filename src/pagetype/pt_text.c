/* pt_text.c -- the text signals of a page: the words shops, forums, docs, service pages
 * and articles use ("add to cart", "Joined:", "edit this page", "get a quote",
 * "posted by"), prices, dates and phone numbers, lines of code, and the shape of the
 * text (long paragraphs or short lines, first or plural first person); the words of
 * titles, headings and generators.  Phrases are tables (pt_phrase.c matches them);
 * numbers are read by hand around each number token. */
#include <pthread.h>
#include <string.h>
#include "pagetype/pagetype.h"
#include "pagetype/pt_phrase.h"
#include "pagetype/pt_posts.h"
#include "pagetype/pt_rhythm.h"

/* Counting stops here: the scores only ask "at least 1, 3, 10 ..." of a phrase, and a
 * huge page must not cost more than a big one. */
#define PT_TEXT_SCAN_MAX (192 * 1024)

/* Pseudo-signals: a hit that needs a look at the text around it. */
enum { HIT_NUMBER = -1, HIT_MONTH = -2, HIT_BY = -3 };

static const pt_phrase text_phrases[] = {
    {"add to cart", PS_T_CART}, {"add to bag", PS_T_CART}, {"add to basket", PS_T_CART},
    {"add to trolley", PS_T_CART}, {"buy now", PS_T_CART}, {"buy it now", PS_T_CART},
    {"add to wishlist", PS_T_CART}, {"add to wish list", PS_T_CART}, {"in stock", PS_T_CART},
    {"out of stock", PS_T_CART}, {"sold out", PS_T_CART}, {"preorder", PS_T_CART},
    {"pre - order", PS_T_CART},
    {"sku", PS_T_SKU}, {"item #", PS_T_SKU}, {"model #", PS_T_SKU}, {"model number", PS_T_SKU},
    {"part number", PS_T_SKU}, {"mpn", PS_T_SKU}, {"upc", PS_T_SKU}, {"product code", PS_T_SKU},
    {"item no", PS_T_SKU},
    {"quantity", PS_T_QTY}, {"qty", PS_T_QTY},
    {"free shipping", PS_T_SHIP}, {"free delivery", PS_T_SHIP}, {"free returns", PS_T_SHIP},
    {"ships in", PS_T_SHIP}, {"ships from", PS_T_SHIP}, {"ships within", PS_T_SHIP},
    {"shipping", PS_T_SHIP},
    {"0 out of 5", PS_T_STARS}, {"0 . 0 out of 5", PS_T_STARS}, {"0 reviews", PS_T_STARS},
    {"0 ratings", PS_T_STARS}, {"0 customer reviews", PS_T_STARS},
    {"0 customer ratings", PS_T_STARS},
    {"joined :", PS_T_FORUM_USER}, {"messages :", PS_T_FORUM_USER},
    {"reaction score :", PS_T_FORUM_USER}, {"posts :", PS_T_FORUM_USER},
    {"reputation :", PS_T_FORUM_USER}, {"member since", PS_T_FORUM_USER},
    {"registered :", PS_T_FORUM_USER}, {"karma :", PS_T_FORUM_USER},
    {"0 replies", PS_T_FORUM_ACT}, {"0 answers", PS_T_FORUM_ACT}, {"0 votes", PS_T_FORUM_ACT},
    {"0 posts", PS_T_FORUM_ACT}, {"reply", PS_T_FORUM_ACT}, {"quote", PS_T_FORUM_ACT},
    {"wrote :", PS_T_FORUM_ACT}, {"said :", PS_T_FORUM_ACT}, {"original poster", PS_T_FORUM_ACT},
    {"thread starter", PS_T_FORUM_ACT}, {"report", PS_T_FORUM_ACT}, {"permalink", PS_T_FORUM_ACT},
    {"upvote", PS_T_FORUM_ACT}, {"asked", PS_T_FORUM_ACT}, {"answered", PS_T_FORUM_ACT},
    {"solved", PS_T_FORUM_ACT}, {"like", PS_T_FORUM_ACT}, {"likes", PS_T_FORUM_ACT},
    /* Forum software signs its pages (platform knowledge, see text_pagetype.c). */
    {"powered by discourse", PS_T_PLAT_FORUM}, {"powered by phpbb", PS_T_PLAT_FORUM},
    {"powered by vbulletin", PS_T_PLAT_FORUM}, {"powered by xenforo", PS_T_PLAT_FORUM},
    {"forum software by xenforo", PS_T_PLAT_FORUM}, {"powered by invision", PS_T_PLAT_FORUM},
    {"powered by mybb", PS_T_PLAT_FORUM}, {"powered by smf", PS_T_PLAT_FORUM},
    {"powered by simple machines", PS_T_PLAT_FORUM}, {"powered by vanilla", PS_T_PLAT_FORUM},
    {"powered by nodebb", PS_T_PLAT_FORUM}, {"powered by flarum", PS_T_PLAT_FORUM},
    {"start new topic", PS_T_PLAT_FORUM}, {"reply to this topic", PS_T_PLAT_FORUM},
    /* Vanilla's guest box and sign-in line; the Q&A network's banner over each question. */
    {"howdy , stranger", PS_T_PLAT_FORUM}, {"sign in or register to comment", PS_T_PLAT_FORUM},
    {"stack exchange network consists of", PS_T_PLAT_FORUM},
    {"sort by", PS_T_SORT}, {"sort", PS_T_SORT}, {"filter", PS_T_SORT}, {"filters", PS_T_SORT},
    {"refine", PS_T_SORT}, {"showing 0", PS_T_SORT}, {"0 results", PS_T_SORT},
    {"0 items", PS_T_SORT}, {"0 products", PS_T_SORT}, {"0 jobs", PS_T_SORT},
    {"results for", PS_T_SORT}, {"load more", PS_T_SORT}, {"view more", PS_T_SORT},
    {"show more", PS_T_SORT}, {"page 0 of 0", PS_T_SORT}, {"next page", PS_T_SORT},
    {"read more", PS_T_READMORE}, {"continue reading", PS_T_READMORE},
    {"read article", PS_T_READMORE}, {"learn more", PS_T_READMORE},
    {"edit this page", PS_T_DOC}, {"on this page", PS_T_DOC}, {"table of contents", PS_T_DOC},
    {"see also", PS_T_DOC}, {"parameters", PS_T_DOC}, {"returns", PS_T_DOC},
    {"syntax", PS_T_DOC}, {"example", PS_T_DOC}, {"examples", PS_T_DOC}, {"note :", PS_T_DOC},
    {"deprecated", PS_T_DOC}, {"version 0", PS_T_DOC}, {"api reference", PS_T_DOC},
    {"was this helpful", PS_T_DOC}, {"was this page helpful", PS_T_DOC},
    {"previous next", PS_T_DOC}, {"prerequisites", PS_T_DOC}, {"introduction", PS_T_DOC},
    {"contact us", PS_T_SERVICE}, {"get a quote", PS_T_SERVICE}, {"get quote", PS_T_SERVICE},
    {"get your quote", PS_T_SERVICE}, {"get a free quote", PS_T_SERVICE},
    {"get free quote", PS_T_SERVICE}, {"get your free quote", PS_T_SERVICE},
    {"get an estimate", PS_T_SERVICE}, {"get a free estimate", PS_T_SERVICE},
    {"get estimate", PS_T_SERVICE}, {"get free estimate", PS_T_SERVICE},
    {"get started", PS_T_SERVICE}, {"get a demo", PS_T_SERVICE}, {"get demo", PS_T_SERVICE},
    {"get in touch", PS_T_SERVICE}, {"request a demo", PS_T_SERVICE},
    {"request demo", PS_T_SERVICE}, {"request a quote", PS_T_SERVICE},
    {"request quote", PS_T_SERVICE}, {"request a consultation", PS_T_SERVICE},
    {"request consultation", PS_T_SERVICE}, {"request an appointment", PS_T_SERVICE},
    {"request appointment", PS_T_SERVICE}, {"request info", PS_T_SERVICE},
    {"book a", PS_T_SERVICE}, {"book an", PS_T_SERVICE}, {"book now", PS_T_SERVICE},
    {"book your", PS_T_SERVICE}, {"schedule a", PS_T_SERVICE}, {"schedule an", PS_T_SERVICE},
    {"schedule your", PS_T_SERVICE}, {"free consultation", PS_T_SERVICE},
    {"our services", PS_T_SERVICE}, {"why choose", PS_T_SERVICE},
    {"testimonial", PS_T_SERVICE}, {"testimonials", PS_T_SERVICE},
    {"how it works", PS_T_SERVICE}, {"what we do", PS_T_SERVICE},
    {"what we offer", PS_T_SERVICE}, {"trusted by", PS_T_SERVICE}, {"call us", PS_T_SERVICE},
    {"call now", PS_T_SERVICE}, {"call today", PS_T_SERVICE}, {"pricing", PS_T_SERVICE},
    {"plan", PS_T_SERVICE}, {"plans", PS_T_SERVICE},
    {"by", HIT_BY}, {"written by", PS_T_BYLINE}, {"posted on", PS_T_BYLINE},
    {"posted by", PS_T_BYLINE}, {"published", PS_T_BYLINE}, {"updated", PS_T_BYLINE},
    {"min read", PS_T_BYLINE}, {"minute read", PS_T_BYLINE}, {"about the author", PS_T_BYLINE},
    {"related articles", PS_T_BYLINE}, {"related posts", PS_T_BYLINE},
    {"related stories", PS_T_BYLINE}, {"leave a reply", PS_T_BYLINE},
    {"leave a comment", PS_T_BYLINE},
    {"0 minute ago", PS_T_DATE}, {"0 minutes ago", PS_T_DATE}, {"0 hour ago", PS_T_DATE},
    {"0 hours ago", PS_T_DATE}, {"0 day ago", PS_T_DATE}, {"0 days ago", PS_T_DATE},
    {"0 week ago", PS_T_DATE}, {"0 weeks ago", PS_T_DATE}, {"0 month ago", PS_T_DATE},
    {"0 months ago", PS_T_DATE}, {"0 year ago", PS_T_DATE}, {"0 years ago", PS_T_DATE},
    {"0 usd", PS_T_PRICE}, {"0 eur", PS_T_PRICE}, {"0 gbp", PS_T_PRICE}, {"0 kr", PS_T_PRICE},
    {"jan", HIT_MONTH}, {"january", HIT_MONTH}, {"feb", HIT_MONTH}, {"february", HIT_MONTH},
    {"mar", HIT_MONTH}, {"march", HIT_MONTH}, {"apr", HIT_MONTH}, {"april", HIT_MONTH},
    {"may", HIT_MONTH}, {"jun", HIT_MONTH}, {"june", HIT_MONTH}, {"jul", HIT_MONTH},
    {"july", HIT_MONTH}, {"aug", HIT_MONTH}, {"august", HIT_MONTH}, {"sep", HIT_MONTH},
    {"sept", HIT_MONTH}, {"september", HIT_MONTH}, {"oct", HIT_MONTH}, {"october", HIT_MONTH},
    {"nov", HIT_MONTH}, {"november", HIT_MONTH}, {"dec", HIT_MONTH}, {"december", HIT_MONTH},
    {"0", HIT_NUMBER},
};

static pt_phrase_set text_set;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void index_class_words(void);
static void compile_text(void)
{
    /* Out of memory here leaves the set empty: no phrase counts, nothing breaks. */
    wn_pt_phrase_compile(&text_set, text_phrases, sizeof text_phrases / sizeof *text_phrases);
    index_class_words();
}

typedef struct {
    const char *s, *end;
    pt_signals *out;
} scan;

static int digit(char c) { return c >= '0' && c <= '9'; }
static int upper(char c) { return c >= 'A' && c <= 'Z'; }
static int lower(char c) { return c >= 'a' && c <= 'z'; }

/* Digits at p, at least lo and at most hi of them, not followed by another digit;
 * returns their count or 0. */
static int digits(const char *p, const char *end, int lo, int hi)
{
    int n = 0;
    while (p + n < end && digit(p[n])) n++;
    return n >= lo && n <= hi ? n : 0;
}

/* A capitalised word at p ("Smith"); returns its length or 0. */
static int name_word(const char *p, const char *end)
{
    if (p >= end || !upper(*p)) return 0;
    int n = 1;
    while (p + n < end && lower(p[n])) n++;
    return n >= 2 ? n : 0;
}

/* Currency signs, as UTF-8 or '$': the length of the sign ending just before p (with
 * one space allowed), or 0. */
static int sign_before(const char *s, const char *p)
{
    if (p > s && p[-1] == ' ') p--;
    if (p - s >= 1 && p[-1] == '$') return 1;
    if (p - s >= 2 && (unsigned char)p[-2] == 0xC2 &&
        ((unsigned char)p[-1] == 0xA3 || (unsigned char)p[-1] == 0xA5)) return 2; /* £ ¥ */
    if (p - s >= 3 && (unsigned char)p[-3] == 0xE2 && (unsigned char)p[-2] == 0x82 &&
        ((unsigned char)p[-1] == 0xAC || (unsigned char)p[-1] == 0xB9)) return 3; /* € ₹ */
    return 0;
}

static int sign_after(const char *p, const char *end)
{
    if (p < end && *p == ' ') p++;
    if (end - p >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA3) return 1;
    if (end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x82 &&
        (unsigned char)p[2] == 0xAC) return 1;
    return 0;
}

static int is_month_word(const char *p, const char *end)
{
    static const char *const m[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                                    "sep", "oct", "nov", "dec"};
    if (end - p < 3) return 0;
    char w[3] = {(char)(p[0] | 0x20), (char)(p[1] | 0x20), (char)(p[2] | 0x20)};
    for (int k = 0; k < 12; k++)
        if (!memcmp(w, m[k], 3)) return 1;
    return 0;
}

/* What a number token starts: a date (2024-05-17, 5/17/2024, 17 May 2024), a phone
 * number (555-123-4567), a price ($5, 5 EUR is a phrase, 5 €). */
static void number_hit(scan *sc, const char *p)
{
    const char *end = sc->end;
    int n = digits(p, end, 1, 64);
    if (sign_before(sc->s, p)) {
        sc->out->v[PS_T_PRICE]++;
        return;
    }
    const char *q = p + n;
    while (q < end && (digit(*q) || *q == ',' || *q == '.')) q++;
    if (sign_after(q, end)) {
        sc->out->v[PS_T_PRICE]++;
        return;
    }
    q = p + n;
    if (n == 4 && q + 6 <= end && q[0] == '-' && digits(q + 1, end, 2, 2) && q[3] == '-' &&
        digits(q + 4, end, 2, 2)) {
        sc->out->v[PS_T_DATE]++;
        return;
    }
    if (n <= 2 && q < end && *q == '/') {
        int a = digits(q + 1, end, 1, 2);
        if (a && q + 1 + a < end && q[1 + a] == '/' && digits(q + 2 + a, end, 2, 4))
            sc->out->v[PS_T_DATE]++;
        return;
    }
    if (n <= 2 && q + 1 < end && *q == ' ' && is_month_word(q + 1, end)) {
        const char *r = q + 1;
        while (r < end && (lower(*r) || upper(*r))) r++;
        if (r < end && *r == ' ' && digits(r + 1, end, 4, 4)) sc->out->v[PS_T_DATE]++;
        return;
    }
    if (n == 3 && (q < end && (*q == '-' || *q == '.' || *q == ' ')) &&
        digits(q + 1, end, 3, 3) && q + 4 < end && (q[4] == '-' || q[4] == '.' || q[4] == ' ') &&
        digits(q + 5, end, 4, 4))
        sc->out->v[PS_T_PHONE]++;
}

static void hit(void *ctx, int signal, const char *at)
{
    scan *sc = ctx;
    const char *end = sc->end;
    if (signal >= 0) {
        sc->out->v[signal]++;
    } else if (signal == HIT_NUMBER) {
        number_hit(sc, at);
    } else if (signal == HIT_BY) {
        /* "By Jane Smith": a byline names a person. */
        const char *p = at + 2;
        int a = p < end && *p == ' ' ? name_word(p + 1, end) : 0;
        if (a && p + 1 + a < end && p[1 + a] == ' ' && name_word(p + 2 + a, end))
            sc->out->v[PS_T_BYLINE]++;
    } else if (signal == HIT_MONTH) {
        /* "May 17, 2024", "Sept. 5 2024" */
        const char *p = at;
        while (p < end && (lower(*p) || upper(*p))) p++;
        if (p < end && *p == '.') p++;
        if (p < end && *p == ' ') p++;
        int d = digits(p, end, 1, 2);
        if (!d) return;
        p += d;
        if (p < end && *p == ',') p++;
        if (p < end && *p == ' ' && digits(p + 1, end, 4, 4)) sc->out->v[PS_T_DATE]++;
    }
}

/* Lines that look like code: shell and REPL prompts, imports, definitions, lines
 * ending in a brace or semicolon. */
static int code_line(const char *a, const char *b)
{
    static const char *const starts[] = {"$ ", ">>> ", "import ", "from ", "def ", "class ",
                                         "#include", "function ", "const ", "let ", "var ",
                                         "public ", "return ", "npm ", "pip ", "git "};
    char last = b > a ? b[-1] : 0;
    if (last == ';' || last == '{' || last == '}') return 1;
    if (!strchr("$>ifdcvlprng#", *a)) return 0; /* the first bytes of the starts below */
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
        size_t n = strlen(starts[k]);
        if ((size_t)(b - a) >= n && !memcmp(a, starts[k], n)) return 1;
    }
    return 0;
}

/* First-person and function-word rates: service pages say "we" and "our", forum posts
 * "I" and "my", running prose is dense in "the", "of", "and". */
typedef enum { W_OTHER, W_WE, W_I, W_FUNC, W_CLASSES } word_class;

static const struct {
    const char *w;
    word_class c;
} class_words[] = {
    {"a", W_FUNC},  {"and", W_FUNC},  {"in", W_FUNC},    {"is", W_FUNC},    {"of", W_FUNC},
    {"the", W_FUNC}, {"to", W_FUNC},  {"i", W_I},        {"i'm", W_I},      {"i've", W_I},
    {"i'd", W_I},   {"my", W_I},      {"me", W_I},       {"our", W_WE},     {"ours", W_WE},
    {"us", W_WE},   {"we", W_WE},     {"we're", W_WE},   {"we've", W_WE},   {"we'll", W_WE},
};

/* The words above by their bytes as one number (pack()), open addressing; an empty slot
 * (key 0) is W_OTHER.  A token is looked up whatever it is, without a branch on its
 * kind or first letter: those branches mispredicted on every other word. */
#define CLASS_SLOTS 256
static struct {
    uint64_t key;
    unsigned char c;
} class_slot[CLASS_SLOTS];

/* A token of up to 5 bytes as one number, ASCII letters lowercased (0x20 set in each
 * byte: a word's bytes are letters, digits and apostrophes, which keep it); 0 for a
 * longer one, which is no class word. */
static uint64_t pack(const char *t, size_t n, size_t avail)
{
    const uint64_t fold = 0x2020202020202020ull;
    uint64_t v = wn_pt_low_bytes((const unsigned char *)t, n, avail);
    unsigned m = n < 8 ? (unsigned)n : 8u; /* no branch on the length */
    return (v | (fold & ((2ull << (8 * m - 1)) - 1))) & -(uint64_t)(n <= 5);
}

/* The multiplier is chosen when the table is built so that no two words share a slot:
 * a lookup is one probe and a compare, no loop whose length depends on the token. */
static uint64_t class_mul = 0x9E3779B97F4A7C15ull;

static unsigned class_at(uint64_t key) { return (unsigned)((key * class_mul) >> 56); }

static word_class word_class_of(uint64_t key)
{
    unsigned k = class_at(key);
    return (word_class)(class_slot[k].c & -(unsigned)(class_slot[k].key == key));
}

static void index_class_words(void)
{
    for (;; class_mul = (class_mul * 6364136223846793005ull + 1442695040888963407ull) | 1) {
        memset(class_slot, 0, sizeof class_slot);
        size_t i = 0;
        for (; i < sizeof class_words / sizeof *class_words; i++) {
            size_t n = strlen(class_words[i].w);
            uint64_t key = pack(class_words[i].w, n, n);
            unsigned k = class_at(key);
            if (class_slot[k].key != 0) break; /* a collision: try the next multiplier */
            class_slot[k].key = key;
            class_slot[k].c = (unsigned char)class_words[i].c;
        }
        if (i == sizeof class_words / sizeof *class_words) return;
    }
}

/* The shape of the text, line by line, from its tokens: the longest run of long
 * lines (prose), words, long paragraphs and their share, the share of short lines,
 * first-person and function-word rates, lines of code, the rhythm of entries
 * (pt_rhythm.c), the buttons of a thread's posts (pt_posts.c). */
typedef struct {
    size_t lines, short_lines, words, long_words, long_lines, run, best_run, gap;
    size_t alpha_words, code;
    size_t n_class[W_CLASSES]; /* words of each class (W_OTHER: every other token) */
    const char *end;           /* of the text scanned */
    const char *line_start, *line_end; /* first and last token of the current line */
    size_t line_words;
    int line_dated, line_more; /* the current line shows a date, opens with "read more" */
    pt_rhythm rhythm;
    pt_posts posts;
} shape;

static void end_line(shape *sh)
{
    if (!sh->line_start) return;
    size_t n = (size_t)(sh->line_end - sh->line_start);
    sh->lines++;
    sh->words += sh->line_words;
    if (sh->line_words <= 4) sh->short_lines++;
    if (n >= 200) {
        sh->long_lines++;
        sh->long_words += sh->line_words;
    }
    if (n >= 60) {
        sh->run += n;
        sh->gap = 0;
        if (sh->run > sh->best_run) sh->best_run = sh->run;
    } else if (++sh->gap > 1) {
        sh->run = 0;
    }
    int code = code_line(sh->line_start, sh->line_end);
    sh->code += (size_t)code;
    wn_pt_rhythm_line(&sh->rhythm, sh->line_start, sh->line_end, sh->line_words, sh->line_dated,
                      sh->line_more, code);
    wn_pt_posts_line(&sh->posts, sh->line_start, sh->line_end, sh->line_words);
    sh->line_start = NULL;
    sh->line_words = 0;
    sh->line_dated = sh->line_more = 0;
}

static void on_token(shape *sh, const pt_token *tok)
{
    /* A newline between the last token and this one ends a line. */
    if (tok->newline && sh->line_start) end_line(sh);
    const char *t = tok->s;
    if (!sh->line_start) sh->line_start = t;
    sh->line_end = t + tok->len;
    /* Counted without branches on the token's kind: a mark or a number is in no
     * class. */
    unsigned number = (unsigned)(t[0] - '0') < 10u;
    sh->line_words += tok->word;
    sh->alpha_words += tok->word & !number;
    sh->n_class[word_class_of(pack(t, tok->len, (size_t)(sh->end - t)))]++;
}

static void shape_signals(shape *sh, pt_signals *out)
{
    end_line(sh);
    size_t aw = sh->alpha_words ? sh->alpha_words : 1;
#define CAP(x) ((int)((x) > 1000000 ? 1000000 : (x)))
    out->v[PS_T_RUN] = CAP(sh->best_run);
    out->v[PS_T_WORDS] = CAP(sh->words);
    out->v[PS_T_LONGPARA] = CAP(sh->long_lines);
    out->v[PS_T_LONGFRAC] = sh->words ? (int)(100 * sh->long_words / sh->words) : 0;
    out->v[PS_T_SHORTFRAC] = sh->lines ? (int)(100 * sh->short_lines / sh->lines) : 0;
    out->v[PS_T_WE] = (int)(1000 * sh->n_class[W_WE] / aw);
    out->v[PS_T_I] = (int)(1000 * sh->n_class[W_I] / aw);
    out->v[PS_T_FUNC] = (int)(1000 * sh->n_class[W_FUNC] / aw);
    out->v[PS_T_CODE] = CAP(sh->code);
#undef CAP
    wn_pt_rhythm_signals(&sh->rhythm, out);
    wn_pt_posts_signals(&sh->posts, out);
}

typedef struct {
    scan sc;
    shape sh;
} text_scan;

/* A hit also marks its line for the rhythm: a date counted on it, a "read more" that
 * opens it (the hit comes at the phrase's first token, once that token is the line's). */
static void text_hit(void *ctx, int signal, const char *at)
{
    text_scan *ts = ctx;
    int dates = ts->sc.out->v[PS_T_DATE];
    hit(&ts->sc, signal, at);
    if (ts->sc.out->v[PS_T_DATE] > dates) ts->sh.line_dated = 1;
    if (signal == PS_T_READMORE && at == ts->sh.line_start) ts->sh.line_more = 1;
}

void wn_pt_text_signals(const char *text, size_t len, pt_signals *s)
{
    pthread_once(&once, compile_text);
    size_t n = len > PT_TEXT_SCAN_MAX ? PT_TEXT_SCAN_MAX : len;
    text_scan ts;
    memset(&ts, 0, sizeof ts);
    ts.sc = (scan){text, text + n, s};
    ts.sh.end = text + n;
    pt_phrase_reader r;
    pt_token tok[64];
    size_t got;
    wn_pt_phrase_begin(&r, &text_set, text, n);
    while ((got = wn_pt_phrase_read(&r, tok, sizeof tok / sizeof *tok)) > 0)
        for (size_t k = 0; k < got; k++) {
            on_token(&ts.sh, &tok[k]);
            if (tok[k].hit) text_hit(&ts, tok[k].signal, tok[k].s);
        }
    shape_signals(&ts.sh, s);
}

/* ---- titles, headings and generators ---------------------------------------------- */

enum { HIT_QMARK = -4 };

static const pt_phrase title_phrases[] = {
    {"archive", PS_S_TITLE_LIST}, {"archives", PS_S_TITLE_LIST}, {"category", PS_S_TITLE_LIST},
    {"categories", PS_S_TITLE_LIST}, {"tag", PS_S_TITLE_LIST}, {"topic", PS_S_TITLE_LIST},
    {"topics", PS_S_TITLE_LIST}, {"list of", PS_S_TITLE_LIST}, {"browse", PS_S_TITLE_LIST},
    {"directory", PS_S_TITLE_LIST}, {"index", PS_S_TITLE_LIST}, {"latest", PS_S_TITLE_LIST},
    {"news", PS_S_TITLE_LIST}, {"jobs", PS_S_TITLE_LIST}, {"courses", PS_S_TITLE_LIST},
    {"programs", PS_S_TITLE_LIST}, {"events", PS_S_TITLE_LIST}, {"recipes", PS_S_TITLE_LIST},
    {"podcasts", PS_S_TITLE_LIST}, {"rankings", PS_S_TITLE_LIST}, {"trending", PS_S_TITLE_LIST},
    {"newest", PS_S_TITLE_LIST}, {"stories", PS_S_TITLE_LIST}, {"results", PS_S_TITLE_LIST},
    {"search", PS_S_TITLE_LIST}, {"page 0", PS_S_TITLE_LIST},
    {"shop", PS_S_TITLE_SHOP}, {"buy", PS_S_TITLE_SHOP}, {"for sale", PS_S_TITLE_SHOP},
    {"sale", PS_S_TITLE_SHOP}, {"store", PS_S_TITLE_SHOP}, {"collection", PS_S_TITLE_SHOP},
    {"catalog", PS_S_TITLE_SHOP},
    {"documentation", PS_S_TITLE_DOC}, {"docs", PS_S_TITLE_DOC}, {"manual", PS_S_TITLE_DOC},
    {"reference", PS_S_TITLE_DOC}, {"api", PS_S_TITLE_DOC}, {"guide", PS_S_TITLE_DOC},
    {"tutorial", PS_S_TITLE_DOC}, {"developer", PS_S_TITLE_DOC}, {"sdk", PS_S_TITLE_DOC},
    {"wiki", PS_S_TITLE_DOC},
    {"forum", PS_S_TITLE_FORUM}, {"forums", PS_S_TITLE_FORUM}, {"thread", PS_S_TITLE_FORUM},
    {"community", PS_S_TITLE_FORUM}, {"discussion", PS_S_TITLE_FORUM},
    {"question", PS_S_TITLE_FORUM}, {"questions", PS_S_TITLE_FORUM},
    {"^how", PS_S_TITLE_HOWTO}, {"^what", PS_S_TITLE_HOWTO}, {"^why", PS_S_TITLE_HOWTO},
    {"^when", PS_S_TITLE_HOWTO}, {"^where", PS_S_TITLE_HOWTO}, {"^who", PS_S_TITLE_HOWTO},
    {"^which", PS_S_TITLE_HOWTO}, {"^is", PS_S_TITLE_HOWTO}, {"^are", PS_S_TITLE_HOWTO},
    {"^can", PS_S_TITLE_HOWTO}, {"^should", PS_S_TITLE_HOWTO}, {"^do", PS_S_TITLE_HOWTO},
    {"^does", PS_S_TITLE_HOWTO}, {"0 best", PS_S_TITLE_HOWTO}, {"0 tips", PS_S_TITLE_HOWTO},
    {"0 ways", PS_S_TITLE_HOWTO}, {"0 things", PS_S_TITLE_HOWTO},
    {"0 reasons", PS_S_TITLE_HOWTO}, {"0 ideas", PS_S_TITLE_HOWTO},
    {"0 steps", PS_S_TITLE_HOWTO}, {"0 signs", PS_S_TITLE_HOWTO},
    {"0 mistakes", PS_S_TITLE_HOWTO}, {"vs", PS_S_TITLE_HOWTO}, {"explained", PS_S_TITLE_HOWTO},
    {"service", PS_S_TITLE_SERVICE}, {"services", PS_S_TITLE_SERVICE},
    {"solution", PS_S_TITLE_SERVICE}, {"solutions", PS_S_TITLE_SERVICE},
    {"pricing", PS_S_TITLE_SERVICE}, {"plans", PS_S_TITLE_SERVICE},
    {"consulting", PS_S_TITLE_SERVICE}, {"company", PS_S_TITLE_SERVICE},
    {"agency", PS_S_TITLE_SERVICE}, {"contractor", PS_S_TITLE_SERVICE},
    {"repair", PS_S_TITLE_SERVICE}, {"hire", PS_S_TITLE_SERVICE},
    {"near me", PS_S_TITLE_SERVICE}, {"near you", PS_S_TITLE_SERVICE},
    {"quote", PS_S_TITLE_SERVICE}, {"software", PS_S_TITLE_SERVICE},
    {"platform", PS_S_TITLE_SERVICE}, {"tuition", PS_S_TITLE_SERVICE},
    {"insurance", PS_S_TITLE_SERVICE},
    {"?", HIT_QMARK},
};

/* Headings of offers ("Why choose us", "Our services", "Pricing", "FAQ") count for
 * H_HSVC; headings that ask ("How do I ...?", "1. Setup") for H_HQ. */
static const pt_phrase heading_phrases[] = {
    {"why choose", PS_H_HSVC}, {"why us", PS_H_HSVC}, {"why work", PS_H_HSVC},
    {"our service", PS_H_HSVC}, {"our services", PS_H_HSVC}, {"our team", PS_H_HSVC},
    {"our process", PS_H_HSVC}, {"our approach", PS_H_HSVC}, {"our clients", PS_H_HSVC},
    {"our mission", PS_H_HSVC}, {"our story", PS_H_HSVC}, {"our solutions", PS_H_HSVC},
    {"our packages", PS_H_HSVC}, {"our program", PS_H_HSVC}, {"our programs", PS_H_HSVC},
    {"our pricing", PS_H_HSVC}, {"our plans", PS_H_HSVC}, {"we offer", PS_H_HSVC},
    {"we provide", PS_H_HSVC}, {"we help", PS_H_HSVC}, {"we can", PS_H_HSVC},
    {"get a", PS_H_HSVC}, {"get your", PS_H_HSVC}, {"get started", PS_H_HSVC},
    {"get in touch", PS_H_HSVC}, {"contact", PS_H_HSVC}, {"faq", PS_H_HSVC},
    {"faqs", PS_H_HSVC}, {"frequently asked", PS_H_HSVC}, {"testimonial", PS_H_HSVC},
    {"testimonials", PS_H_HSVC}, {"what clients say", PS_H_HSVC},
    {"what customers say", PS_H_HSVC}, {"what our clients say", PS_H_HSVC},
    {"what our customers say", PS_H_HSVC}, {"pricing", PS_H_HSVC},
    {"how it works", PS_H_HSVC}, {"benefits", PS_H_HSVC}, {"features", PS_H_HSVC},
    {"plans", PS_H_HSVC}, {"packages", PS_H_HSVC}, {"request", PS_H_HSVC},
    {"book", PS_H_HSVC}, {"schedule", PS_H_HSVC}, {"call us", PS_H_HSVC},
    {"apply", PS_H_HSVC}, {"enroll", PS_H_HSVC}, {"register", PS_H_HSVC},
    {"who we are", PS_H_HSVC}, {"who should attend", PS_H_HSVC},
    {"^how", PS_H_HQ}, {"^what", PS_H_HQ}, {"^why", PS_H_HQ}, {"^when", PS_H_HQ},
    {"^where", PS_H_HQ}, {"^who", PS_H_HQ}, {"^which", PS_H_HQ}, {"^is", PS_H_HQ},
    {"^are", PS_H_HQ}, {"^can", PS_H_HQ}, {"^should", PS_H_HQ}, {"^do", PS_H_HQ},
    {"^does", PS_H_HQ}, {"^0", PS_H_HQ}, {"?", HIT_QMARK},
};

static pt_phrase_set title_set, heading_set;
static pthread_once_t once_small = PTHREAD_ONCE_INIT;

static void compile_small(void)
{
    wn_pt_phrase_compile(&title_set, title_phrases, sizeof title_phrases / sizeof *title_phrases);
    wn_pt_phrase_compile(&heading_set, heading_phrases,
                         sizeof heading_phrases / sizeof *heading_phrases);
}

/* Which signals a short string (a title, a heading) shows, each once. */
typedef struct {
    const char *end;
    int heading;
    unsigned char seen[PS_COUNT];
} flags;

static void flag_hit(void *ctx, int signal, const char *at)
{
    flags *f = ctx;
    if (signal >= 0) {
        f->seen[signal] = 1;
        return;
    }
    /* A question mark: a heading that ends in one asks; in a title it is a how-to, and
     * a forum's question when only the site's name follows. */
    const char *p = at + 1;
    while (p < f->end && *p == ' ') p++;
    if (f->heading) {
        if (p == f->end) f->seen[PS_H_HQ] = 1;
        return;
    }
    f->seen[PS_S_TITLE_HOWTO] = 1;
    if (p == f->end || *p == '|' || *p == ':' || *p == '-') f->seen[PS_S_TITLE_FORUM] = 1;
}

static void read_flags(const pt_phrase_set *set, const char *t, int heading, pt_signals *s,
                       int count)
{
    flags f;
    memset(&f, 0, sizeof f);
    size_t n = strlen(t);
    f.end = t + n;
    f.heading = heading;
    wn_pt_phrase_count(set, t, n, flag_hit, &f);
    for (int k = 0; k < PS_COUNT; k++)
        if (f.seen[k]) s->v[k] = count ? s->v[k] + 1 : 1;
}

void wn_pt_title_signals(const char *title, pt_signals *s)
{
    if (!title || !*title) return;
    pthread_once(&once_small, compile_small);
    read_flags(&title_set, title, 0, s, 0);
}

void wn_pt_heading_signals(const char *heading, pt_signals *s)
{
    if (!heading || !*heading) return;
    pthread_once(&once_small, compile_small);
    read_flags(&heading_set, heading, 1, s, 1);
}

/* Platform families named by <meta name=generator>: platform knowledge, as data. */
static const struct {
    pt_signal signal;
    const char *names; /* lowercase, '|' between them */
} generators[] = {
    {PS_S_GEN_WORDPRESS, "wordpress"},
    {PS_S_GEN_FORUM, "discourse|phpbb|vbulletin|xenforo|invision|mybb|simple machines|smf |"
                     "flarum|nodebb|vanilla|punbb|fluxbb|yabb"},
    {PS_S_GEN_DOC, "mediawiki|sphinx|mkdocs|docusaurus|rustdoc|vitepress|vuepress|docfx|antora|"
                   "gitbook|read the docs|jsdoc|doxygen|javadoc|hugo|nextra|mintlify|starlight|"
                   "docsy|gatsby|astro"},
    {PS_S_GEN_SHOP, "woocommerce|shopify|magento|prestashop|bigcommerce|opencart|oscommerce|"
                    "shopware|salesforce commerce|ecwid"},
    {PS_S_GEN_BUILDER, "wix|webflow|squarespace|hubspot|elementor|divi|wpbakery|"
                       "slider revolution|framer|duda|godaddy|weebly|unbounce"},
    {PS_S_GEN_CMS, "drupal|joomla|typo3|craft|umbraco|sitecore|adobe experience"},
    {PS_S_GEN_BLOG, "ghost|substack|medium|blogger|typepad|movable type"},
};

void wn_pt_generator_signals(const char *generator, pt_signals *s)
{
    if (!generator || !*generator) return;
    char g[256 + 2];
    size_t n = 0;
    for (; generator[n] && n < 256; n++) {
        char c = generator[n];
        g[n] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    g[n++] = ' '; /* so "smf " matches a generator that ends in it */
    g[n] = 0;
    for (size_t k = 0; k < sizeof generators / sizeof *generators; k++) {
        for (const char *p = generators[k].names; *p;) {
            size_t w = strcspn(p, "|");
            char name[32];
            if (w < sizeof name) {
                memcpy(name, p, w);
                name[w] = 0;
                if (strstr(g, name)) s->v[generators[k].signal] = 1;
            }
            p += w + (p[w] == '|');
        }
    }
}
