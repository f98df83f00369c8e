/* test_language.c -- the record's language (src/language/): declared tags made
 * canonical BCP 47, Content-Language values, the choice between declared and detected,
 * the detector (cld2 when built in, else none), and the whole path through
 * winnow_extract for HTML, rendered text and an HTTP Content-Language. */
#include <stdlib.h>
#include "check.h"
#include "language/language.h"

static arena a;

static const char *tag(const char *s) { return wn_language_tag(s, &a); }
static const char *header(const char *s) { return wn_language_header(s, &a); }

static void test_tag(void)
{
    CHECK_STR(tag("en"), "en");
    CHECK_STR(tag("en_US"), "en-US");
    CHECK_STR(tag("EN-us"), "en-US");
    CHECK_STR(tag("zh-hans-cn"), "zh-Hans-CN");
    CHECK_STR(tag("ZH_HANT_tw"), "zh-Hant-TW");
    CHECK_STR(tag("  de-DE \n"), "de-DE");
    CHECK_STR(tag("es-419"), "es-419");           /* a UN M.49 region */
    CHECK_STR(tag("sl-rozaj-biske"), "sl-rozaj-biske"); /* variants */
    CHECK_STR(tag("de-CH-1901"), "de-CH-1901");
    CHECK_STR(tag("zh-yue-HK"), "zh-yue-HK");     /* an extended language subtag */
    CHECK_STR(tag("de_DE.UTF-8"), "de-DE");       /* a POSIX locale */
    CHECK_STR(tag("ca_ES@valencia"), "ca-ES");
    CHECK_STR(tag("iw"), "he");                   /* withdrawn codes */
    CHECK_STR(tag("in-ID"), "id-ID");
    CHECK_STR(tag("ji"), "yi");
    CHECK_STR(tag("jw"), "jv");
    CHECK_STR(tag("en-US-x-twain"), "en-US");     /* private use is no language */
    CHECK_STR(tag("en-GB-u-ca-gregory"), "en-GB");
    CHECK_STR(tag("en-{{region}}"), "en");        /* cut before what is no subtag */
    CHECK_STR(tag("en-"), "en");
    CHECK_STR(tag("fil"), "fil");
    /* No language. */
    CHECK(tag("{{lang}}") == NULL);
    CHECK(tag("<?php echo $lang ?>") == NULL);
    CHECK(tag("x") == NULL);
    CHECK(tag("x-klingon") == NULL);
    CHECK(tag("i-klingon") == NULL);
    CHECK(tag("") == NULL);
    CHECK(tag("   ") == NULL);
    CHECK(tag(NULL) == NULL);
    CHECK(tag("und") == NULL);
    CHECK(tag("mul") == NULL);
    CHECK(tag("zxx") == NULL);
    CHECK(tag("qaa") == NULL);
    CHECK(tag("English") == NULL);                /* a name, not a code */
    CHECK(tag("en fr") == NULL);                  /* a list is no tag */
    CHECK(tag("e1") == NULL);
    CHECK(tag("-en") == NULL);
    /* A hostile length stops at the tag's cap, on a subtag boundary. */
    char longtag[400] = "en";
    for (int i = 0; i < 40; i++) strcat(longtag, "-abcdefg");
    const char *t = tag(longtag);
    CHECK(t && strncmp(t, "en-abcdefg-", 11) == 0 && strlen(t) < 64 && t[strlen(t) - 1] == 'g');
}

static void test_header(void)
{
    CHECK_STR(header("de-DE"), "de-DE");
    CHECK_STR(header("  en_gb "), "en-GB");
    CHECK(header("de, en") == NULL);              /* several audiences: none */
    CHECK(header("de,en") == NULL);
    CHECK(header("") == NULL && header(NULL) == NULL);
    CHECK(header("en;q=0.8") == NULL);
}

static void test_choose(void)
{
    CHECK(wn_language_agree("en", "en-GB"));
    CHECK(wn_language_agree("zh-Hant", "zh-CN"));
    CHECK(wn_language_agree("nb", "no"));         /* close languages */
    CHECK(wn_language_agree("hr", "sr-ME"));
    CHECK(wn_language_agree("ms", "id"));
    CHECK(!wn_language_agree("en", "de"));
    CHECK(!wn_language_agree("es", "pt"));
    CHECK(!wn_language_agree("en", "eo"));        /* a prefix is not the same subtag */
    CHECK(!wn_language_agree("nb", "hr"));
    CHECK(!wn_language_agree(NULL, "en"));
    /* Agreeing: the declared tag, which says more; disagreeing: the text's.  how says
     * which case it was (--explain's words come from it). */
    lang_choice how = LC_NONE;
    CHECK_STR(wn_language_choose("en-GB", "en", &how), "en-GB");
    CHECK(how == LC_AGREE);
    CHECK_STR(wn_language_choose("en", "de", &how), "de");
    CHECK(how == LC_DISAGREE);
    CHECK_STR(wn_language_choose(NULL, "ja", &how), "ja");
    CHECK(how == LC_DETECTED);
    CHECK_STR(wn_language_choose("fr-CA", NULL, &how), "fr-CA");
    CHECK(how == LC_DECLARED);
    CHECK(wn_language_choose(NULL, NULL, &how) == NULL);
    CHECK(how == LC_NONE);
    CHECK_STR(wn_language_choose("nb", "da", NULL), "nb"); /* how may be NULL */
}

/* German, Japanese and English prose, each well over LANGUAGE_MIN_TEXT bytes. */
static const char german[] =
    "Die wilden Bienen sind in diesem Jahr ins Tal zur\xc3\xbc" "ckgekehrt, sagen die "
    "Freiwilligen, die sie jeden Morgen z\xc3\xa4hlen, und sie kommen fr\xc3\xbcher als in den "
    "Jahren zuvor. Niemand wei\xc3\x9f genau, warum das so ist, aber die Imker der Gegend "
    "haben eine Vermutung: der milde Winter und die vielen Blumen am Waldrand.";
static const char japanese[] =
    "\xe4\xbb\x8a\xe5\xb9\xb4\xe3\x81\xaf\xe9\x87\x8e\xe7\x94\x9f\xe3\x81\xae\xe3\x83\x9f"
    "\xe3\x83\x84\xe3\x83\x90\xe3\x83\x81\xe3\x81\x8c\xe8\xb0\xb7\xe3\x81\xab\xe6\x88\xbb"
    "\xe3\x81\xa3\xe3\x81\xa6\xe3\x81\x8d\xe3\x81\x9f\xe3\x81\xa8\xe3\x80\x81\xe6\xaf\x8e"
    "\xe6\x9c\x9d\xe6\x95\xb0\xe3\x81\x88\xe3\x81\xa6\xe3\x81\x84\xe3\x82\x8b\xe3\x83\x9c"
    "\xe3\x83\xa9\xe3\x83\xb3\xe3\x83\x86\xe3\x82\xa3\xe3\x82\xa2\xe3\x81\x9f\xe3\x81\xa1"
    "\xe3\x81\xaf\xe8\xa8\x80\xe3\x81\x84\xe3\x81\xbe\xe3\x81\x99\xe3\x80\x82\xe4\xbb\xa5"
    "\xe5\x89\x8d\xe3\x82\x88\xe3\x82\x8a\xe3\x82\x82\xe6\x97\xa9\xe3\x81\x8f\xe6\x9d\xa5"
    "\xe3\x81\x9f\xe7\x90\x86\xe7\x94\xb1\xe3\x81\xaf\xe8\xaa\xb0\xe3\x81\xab\xe3\x82\x82"
    "\xe5\x88\x86\xe3\x81\x8b\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93\xe3\x81\x8c"
    "\xe3\x80\x81\xe6\x9a\x96\xe3\x81\x8b\xe3\x81\x84\xe5\x86\xac\xe3\x81\xa8\xe6\xa3\xae"
    "\xe3\x81\xae\xe7\xab\xaf\xe3\x81\xae\xe8\x8a\xb1\xe3\x81\x8c\xe5\x8e\x9f\xe5\x9b\xa0"
    "\xe3\x81\xa0\xe3\x81\xa8\xe8\x80\x83\xe3\x81\x88\xe3\x82\x89\xe3\x82\x8c\xe3\x81\xa6"
    "\xe3\x81\x84\xe3\x81\xbe\xe3\x81\x99\xe3\x80\x82";
static const char english[] =
    "The wild bees came back to the valley this year, say the volunteers who count them "
    "every morning, and they arrived earlier than in the years before. Nobody knows quite "
    "why, but the beekeepers of the area have a guess: the mild winter and the many "
    "flowers along the edge of the forest.";

static void test_detect(void)
{
    int built_in = wn_language_detector() != NULL;
    /* The public name agrees with the internal one. */
    CHECK((winnow_language_detector() != NULL) == built_in);
    if (built_in) {
        CHECK(strncmp(wn_language_detector(), "cld2 ", 5) == 0);
        CHECK_STR(wn_language_detect(german, strlen(german), 1, NULL), "de");
        CHECK_STR(wn_language_detect(german, strlen(german), 1, "en"), "de"); /* a hint only */
        CHECK_STR(wn_language_detect(japanese, strlen(japanese), 1, NULL), "ja");
        CHECK_STR(wn_language_detect(english, strlen(english), 1, NULL), "en");
        CHECK(wn_language_detect("Hi there", 8, 1, NULL) == NULL); /* not reliable */
        /* Invalid UTF-8: no answer rather than one from half the text. */
        char bad[sizeof german];
        memcpy(bad, german, sizeof german);
        bad[100] = (char)0xff;
        CHECK(wn_language_detect(bad, strlen(bad), 1, NULL) == NULL);
    } else {
        CHECK(wn_language_detect(german, strlen(german), 1, NULL) == NULL);
    }
    CHECK(wn_language_detect("", 0, 1, NULL) == NULL);
    CHECK(wn_language_detect(NULL, 0, 1, NULL) == NULL);
}

/* The record's language of page (HTML or text) with an HTTP Content-Language. */
static char *language_of(const char *page, winnow_type type, const char *content_language)
{
    winnow_options opt;
    winnow_options_init(&opt);
    opt.type = type;
    opt.content_language = content_language;
    winnow_result r;
    CHECK(winnow_extract(page, strlen(page), &opt, &r) == WINNOW_OK);
    char *l = r.meta.language ? strdup(r.meta.language) : NULL;
    winnow_result_free(&r);
    return l;
}

static void check_language(const char *page, winnow_type type, const char *cl, const char *want,
                           int line)
{
    char *got = language_of(page, type, cl);
    if ((!got && !want) || (got && want && strcmp(got, want) == 0)) {
        check_pass_++;
    } else {
        check_fail_++;
        fprintf(stderr, "%s:%d: language \"%s\", want \"%s\"\n", __FILE__, line,
                got ? got : "(null)", want ? want : "(null)");
    }
    free(got);
}
#define LANGUAGE(page, type, cl, want) check_language(page, type, cl, want, __LINE__)

static void test_pipeline(void)
{
    int on = wn_language_detector() != NULL;
    char page[4096];
    const winnow_type H = WINNOW_TYPE_HTML, T = WINNOW_TYPE_TEXT;
    /* A template's lang="en" over German text: the text's language. */
    snprintf(page, sizeof page, "<html lang=\"en\"><body><article><h1>Bienen</h1><p>%s</p>"
             "</article></body></html>", german);
    LANGUAGE(page, H, NULL, on ? "de" : "en");
    /* Without the detector (as the CLI's text output): only what the page declares. */
    winnow_options opt;
    winnow_options_init(&opt);
    opt.type = H;
    opt.no_language_detection = 1;
    winnow_result r;
    CHECK(winnow_extract(page, strlen(page), &opt, &r) == WINNOW_OK);
    CHECK(r.meta.language && strcmp(r.meta.language, "en") == 0);
    winnow_result_free(&r);
    /* Agreeing: the declared tag, region and all. */
    snprintf(page, sizeof page, "<html lang=\"de_ch\"><body><article><h1>Bienen</h1><p>%s</p>"
             "</article></body></html>", german);
    LANGUAGE(page, H, NULL, "de-CH");
    /* Nothing declared: the text's, when there is a detector. */
    snprintf(page, sizeof page, "<html><body><article><h1>Bienen</h1><p>%s</p></article>"
             "</body></html>", japanese);
    LANGUAGE(page, H, NULL, on ? "ja" : NULL);
    /* The HTTP Content-Language stands in for a page that declares nothing ... */
    LANGUAGE(page, H, "ja-JP", "ja-JP");
    LANGUAGE(page, H, "ja, en", on ? "ja" : NULL);
    /* ... but the page's own word comes first. */
    snprintf(page, sizeof page, "<html lang=\"en-GB\"><body><article><h1>Bees</h1><p>%s</p>"
             "</article></body></html>", english);
    LANGUAGE(page, H, "fr", "en-GB");
    /* Garbage passes the word on: lang="{{lang}}", then the pragma. */
    snprintf(page, sizeof page, "<html lang=\"{{lang}}\"><head><meta http-equiv="
             "\"Content-Language\" content=\"EN-gb\"></head><body><p>Short.</p></body></html>");
    LANGUAGE(page, H, NULL, "en-GB");
    /* JSON-LD's inLanguage before <html lang>. */
    snprintf(page, sizeof page, "<html lang=\"fr\"><head><script type=\"application/ld+json\">"
             "{\"@type\":\"Article\",\"inLanguage\":\"en-us\"}</script></head><body><p>Short"
             ".</p></body></html>");
    LANGUAGE(page, H, NULL, "en-US");
    /* Too little text to read: the declared tag, even over another language's words. */
    LANGUAGE("<html lang=\"fr\"><body><p>Die Bienen sind wieder da.</p></body></html>", H, NULL,
             "fr");
    /* Code is no language of the text: a page of code keeps its declared tag. */
    snprintf(page, sizeof page, "<html lang=\"de\"><body><article><h1>Beispiel</h1><pre>%s"
             "</pre></article></body></html>", english);
    LANGUAGE(page, H, NULL, "de");
    /* Rendered text: the detected language, or the HTTP header's. */
    snprintf(page, sizeof page, "Bienen\n\n%s\n", german);
    LANGUAGE(page, T, NULL, on ? "de" : NULL);
    LANGUAGE(page, T, "en", on ? "de" : "en");
    LANGUAGE("A short line.\n", T, NULL, NULL);
}

/* The language wn_language_resolve gives a doc of kept blocks: n_items short English
 * list items, then German paragraphs (and, with extras, an English code block and an
 * English reader comment), the page declaring declared. */
static char *resolve(const char *declared, int n_items, int german_paras, int extras)
{
    doc d;
    wn_doc_init(&d);
    d.meta.language = declared;
    block *b;
    for (int i = 0; i < n_items; i++) {
        char item[80];
        int n = snprintf(item, sizeof item, "Read more about the wild bees of the valley, part %d", i);
        if ((b = wn_doc_add(&d, BK_ITEM, item, (size_t)n))) b->dec = DEC_KEEP;
    }
    for (int i = 0; i < german_paras; i++)
        if ((b = wn_doc_add(&d, BK_PARA, german, strlen(german)))) b->dec = DEC_KEEP;
    for (int i = 0; i < extras * 4; i++) {
        if ((b = wn_doc_add(&d, BK_PRE, english, strlen(english)))) b->dec = DEC_KEEP;
        if ((b = wn_doc_add(&d, BK_PARA, english, strlen(english)))) {
            b->dec = DEC_KEEP;
            b->flags |= BF_COMMENT;
        }
    }
    wn_language_resolve(&d, NULL, 1);
    char *l = d.meta.language ? strdup(d.meta.language) : NULL;
    CHECK(!d.failed);
    wn_doc_free(&d);
    return l;
}

static void test_sample(void)
{
    if (!wn_language_detector()) return; /* what the detector reads: nothing to read */
    /* Paragraphs first: forty short English lines before three German paragraphs do
     * not outvote them (in page order, the first kilobyte would be all English). */
    char *l = resolve("en", 40, 3, 0);
    CHECK_STR(l, "de");
    free(l);
    /* ... but with no paragraph to read, the lines are the text. */
    l = resolve("de", 40, 0, 0);
    CHECK_STR(l, "en");
    free(l);
    /* Code and reader comments are not the article's language. */
    l = resolve("en", 0, 1, 1);
    CHECK_STR(l, "de");
    free(l);
}

/* A doc declaring declared (from src) whose kept text is one block of text. */
static void explain_doc(doc *d, const char *declared, const char *src, const char *text)
{
    wn_doc_init(d);
    d->meta.language = declared;
    d->meta.src.language = src;
    block *b = text ? wn_doc_add(d, BK_PARA, text, strlen(text)) : NULL;
    if (b) b->dec = DEC_KEEP;
}

/* has(s, part): s is not NULL and holds part; says what it got when not. */
static int has(const char *s, const char *part)
{
    if (s && strstr(s, part)) return 1;
    fprintf(stderr, "    \"%s\" lacks \"%s\"\n", s ? s : "(null)", part);
    return 0;
}

/* What --explain says about the language: the declared tag and its source, what the
 * detector did, which won and why -- for each way the choice can go. */
static void test_explain(void)
{
    int on = wn_language_detector() != NULL;
    doc d;
    /* Never resolved (the page failed first): nothing to say. */
    explain_doc(&d, "en", "<html lang>", german);
    CHECK(wn_language_explain(&d) == NULL);
    /* Detection turned off: the declared tag, from where it was declared. */
    wn_language_resolve(&d, NULL, 0);
    const char *why = wn_language_explain(&d);
    CHECK(has(why, "declared \"en\" by <html lang>; "));
    CHECK(has(why, "detector not run: turned off"));
    CHECK(has(why, "; the declared one"));
    CHECK_STR(d.meta.src.language, "<html lang>");
    wn_doc_free(&d);
    /* An HTTP Content-Language stands in for a page declaring nothing. */
    explain_doc(&d, NULL, NULL, "Kurz.");
    wn_language_resolve(&d, "de-AT", 1);
    why = wn_language_explain(&d);
    CHECK(has(why, "declared \"de-AT\" by HTTP Content-Language; "));
    CHECK(has(why, on ? "detector not run: too little text, 6 bytes kept of 200 needed"
                      : "detector not run: built without one"));
    CHECK_STR(d.meta.src.language, "HTTP Content-Language");
    wn_doc_free(&d);
    /* Nothing declared, nothing detected: no language, and the sentence says so. */
    explain_doc(&d, NULL, NULL, NULL);
    wn_language_resolve(&d, "de, en", 0);
    CHECK_STR(wn_language_explain(&d), "nothing declared; detector not run: turned off by no_"
                                       "language_detection, as for text and Markdown output; no "
                                       "language");
    CHECK(d.meta.language == NULL && d.meta.src.language == NULL);
    wn_doc_free(&d);
    if (!on) return;
    /* A template's "en" over German text: the detected one wins, and says why. */
    explain_doc(&d, "en", "<html lang>", german);
    wn_language_resolve(&d, NULL, 1);
    why = wn_language_explain(&d);
    CHECK(has(why, "declared \"en\" by <html lang>; detector read \"de\" in "));
    CHECK(has(why, "; the detected one: the text disagrees with the declaration"));
    CHECK(d.language_why.sample == strlen(german) + 1); /* the block and its newline */
    CHECK_STR(d.meta.src.language, "detector");
    wn_doc_free(&d);
    /* Agreeing: the declared tag stays, from its source. */
    explain_doc(&d, "de-CH", "JSON-LD inLanguage", german);
    wn_language_resolve(&d, NULL, 1);
    CHECK(has(wn_language_explain(&d), "the declared one: the text agrees with it"));
    CHECK_STR(d.meta.language, "de-CH");
    CHECK_STR(d.meta.src.language, "JSON-LD inLanguage");
    wn_doc_free(&d);
    /* Nothing declared: the detected one. */
    explain_doc(&d, NULL, NULL, japanese);
    wn_language_resolve(&d, NULL, 1);
    CHECK(has(wn_language_explain(&d), "nothing declared; detector read \"ja\""));
    CHECK(has(wn_language_explain(&d), "the detected one: nothing declared"));
    wn_doc_free(&d);
    /* Text enough but no language in it: no reliable answer, the declared tag stays. */
    char digits[400] = "";
    for (int i = 0; i < 30; i++) strcat(digits, "0123456789 ");
    explain_doc(&d, "fr", "<meta http-equiv=content-language>", digits);
    wn_language_resolve(&d, NULL, 1);
    why = wn_language_explain(&d);
    CHECK(has(why, "detector read 331 bytes: no reliable answer; the declared one"));
    CHECK_STR(d.meta.language, "fr");
    wn_doc_free(&d);
    /* A page without main content is not read. */
    explain_doc(&d, "en", "<html lang>", german);
    d.no_content = NC_ERROR_PAGE;
    wn_language_resolve(&d, NULL, 1);
    CHECK(has(wn_language_explain(&d), "detector not run: no main content"));
    wn_doc_free(&d);
}

/* Through winnow_extract: with options.explain the result says where the language came
 * from and why; without, it says nothing (the labels cost nothing, the sentence is
 * made only when asked for). */
static void test_result_explains(void)
{
    const char *page = "<html lang=\"fr\"><head><script type=\"application/ld+json\">"
                       "{\"@type\":\"Article\",\"inLanguage\":\"en-us\"}</script></head>"
                       "<body><p>Short.</p></body></html>";
    winnow_options opt;
    winnow_options_init(&opt);
    opt.explain = 1;
    winnow_result r;
    CHECK(winnow_extract(page, strlen(page), &opt, &r) == WINNOW_OK);
    CHECK_STR(r.meta.language, "en-US");
    CHECK_STR(r.meta_source.language, "JSON-LD inLanguage");
    CHECK(has(r.language_why, "declared \"en-US\" by JSON-LD inLanguage; "));
    winnow_result_free(&r);
    opt.explain = 0;
    CHECK(winnow_extract(page, strlen(page), &opt, &r) == WINNOW_OK);
    CHECK(r.language_why == NULL && r.meta_source.language == NULL && r.title_source == NULL);
    winnow_result_free(&r);
}

int main(void)
{
    winnow_global_init();
    wn_arena_init(&a);
    test_tag();
    test_header();
    test_choose();
    test_detect();
    test_pipeline();
    test_sample();
    test_explain();
    test_result_explains();
    wn_arena_free(&a);
    return check_done();
}
