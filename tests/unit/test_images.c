/* test_images.c -- --images: the largest srcset candidate, placeholder addresses, which
 * address an <img> shows (html_images.c), and, through winnow_extract, which images
 * are shown where (article/images.c, render.c) and that images change nothing kept. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "html_check.h"
#include <libxml/HTMLparser.h>
#include "html/html_dom.h"

static winnow_rules *rules;

/* The best candidate of srcset as a string (static buffer), or NULL. */
static const char *best(const char *srcset)
{
    static char out[256];
    size_t n = 0;
    const char *s = wn_himage_srcset_best(srcset, &n);
    if (!s || n >= sizeof out) return NULL;
    memcpy(out, s, n);
    out[n] = '\0';
    return out;
}

static void test_srcset(void)
{
    CHECK_STR(best("a.jpg 480w, b.jpg 1080w, c.jpg 800w"), "b.jpg");
    CHECK_STR(best("a.jpg, b.jpg 2x, c.jpg 1.5x"), "b.jpg");
    CHECK_STR(best("only.jpg"), "only.jpg");
    /* Commas inside a URL are its own; a comma right after one ends the candidate. */
    CHECK_STR(best("https://cdn.test/f_auto,w_400/x.jpg 400w, https://cdn.test/f_auto,w_900/x.jpg 900w"),
              "https://cdn.test/f_auto,w_900/x.jpg");
    CHECK_STR(best("a.jpg 1x,b.jpg 3x"), "b.jpg");
    CHECK_STR(best("a.jpg,, b.jpg 3x"), "b.jpg");
    /* As the HTML parser reads it: with no space after the comma, one URL. */
    CHECK_STR(best("a.jpg,b.jpg 3x"), "a.jpg,b.jpg");
    CHECK_STR(best("  \n a.jpg  100w ,\tb.jpg 50w  "), "a.jpg");
    /* Widths beat densities; data: URIs are no candidates; nothing gives NULL. */
    CHECK_STR(best("a.jpg 3x, b.jpg 200w"), "b.jpg");
    CHECK_STR(best("data:image/gif;base64,R0lGOD 2000w, real.jpg 100w"), "real.jpg");
    CHECK(best("") == NULL);
    CHECK(best(" , ,, ") == NULL);
    CHECK(best("data:image/png;base64,xyz") == NULL);
    /* A descriptor list with parentheses (a future syntax) does not split the set. */
    CHECK_STR(best("a.jpg 100w (x, y), b.jpg 300w"), "b.jpg");
}

static void test_placeholder(void)
{
    CHECK(wn_himage_placeholder(NULL));
    CHECK(wn_himage_placeholder(""));
    CHECK(wn_himage_placeholder("  "));
    CHECK(wn_himage_placeholder("data:image/gif;base64,R0lGODlhAQABAAAAACw="));
    CHECK(wn_himage_placeholder("DATA:image/svg+xml,%3Csvg%3E"));
    CHECK(wn_himage_placeholder("about:blank"));
    CHECK(wn_himage_placeholder("/img/blank.gif"));
    CHECK(wn_himage_placeholder("https://cdn.test/static/spacer.gif?v=2"));
    CHECK(wn_himage_placeholder("1x1.png"));
    CHECK(wn_himage_placeholder("/assets/lazy-placeholder.svg"));
    CHECK(wn_himage_placeholder("/t/transparent_pixel.gif#x"));
    CHECK(wn_himage_placeholder("/img/image-placeholder.png"));
    /* A real picture whose name shares a word with placeholders stays. */
    CHECK(!wn_himage_placeholder("/photos/transparent-solar-panel.jpg"));
    CHECK(!wn_himage_placeholder("/reviews/pixel-9-front.jpg"));
    CHECK(!wn_himage_placeholder("/img/image.png"));
    CHECK(!wn_himage_placeholder("/img/rose.jpg"));
    CHECK(!wn_himage_placeholder("https://cdn.test/blank/rose.jpg"));
}

/* The address wn_himage_url gives for the first <img> (or <picture>) of a fragment. */
static const char *url_of(doc *d, const char *html)
{
    xmlDocPtr x = htmlReadMemory(html, (int)strlen(html), NULL, "utf-8",
                                 HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    const char *u = NULL;
    const xmlNode *n = x ? xmlDocGetRootElement(x) : NULL;
    while (n) { /* pre-order to the first img or picture */
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "picture") == 0) {
            const xmlNode *img = wn_himage_picture_img(n);
            u = img ? wn_himage_url(img, n, d, "https://site.test/a/page.html") : NULL;
            break;
        }
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "img") == 0) {
            u = wn_himage_url(n, NULL, d, "https://site.test/a/page.html");
            break;
        }
        if (n->children) {
            n = n->children;
            continue;
        }
        while (n && !n->next) n = n->parent;
        if (n) n = n->next;
    }
    xmlFreeDoc(x);
    return u;
}

static void test_image_url(void)
{
    doc d;
    wn_doc_init(&d);
    CHECK_STR(url_of(&d, "<img src='b/c.jpg'>"), "https://site.test/a/b/c.jpg");
    CHECK_STR(url_of(&d, "<img src='data:image/gif;base64,R0l' data-src='/x.jpg'>"),
              "https://site.test/x.jpg");
    CHECK_STR(url_of(&d, "<img src='/blank.gif' data-lazy-src='//cdn.test/y.png'>"),
              "https://cdn.test/y.png");
    CHECK_STR(url_of(&d, "<img data-original='o.jpg'>"), "https://site.test/a/o.jpg");
    CHECK_STR(url_of(&d, "<img src='/spacer.gif' srcset='s.jpg 300w, l.jpg 900w'>"),
              "https://site.test/a/l.jpg");
    /* A real src wins over the srcset. */
    CHECK_STR(url_of(&d, "<img src='real.jpg' srcset='big.jpg 2000w'>"),
              "https://site.test/a/real.jpg");
    CHECK_STR(url_of(&d, "<picture><source srcset='p-1.webp 1x, p-2.webp 2x'><img src='blank.gif'></picture>"),
              "https://site.test/a/p-2.webp");
    CHECK_STR(url_of(&d, "<img src='w.jpg' width='100%'>"), "https://site.test/a/w.jpg");
    /* Not pictures of the content. */
    CHECK(url_of(&d, "<img src='/t.gif' width='1' height='1'>") == NULL);
    CHECK(url_of(&d, "<img src='/i.png' height='32'>") == NULL);
    CHECK(url_of(&d, "<img src='/i.png' width='24px'>") == NULL);
    CHECK(url_of(&d, "<img src='/i.png' style='display:inline; height: 16px'>") == NULL);
    CHECK_STR(url_of(&d, "<img src='/i.png' style='max-width: 20px'>"), "https://site.test/i.png");
    CHECK(url_of(&d, "<img src='/e.svg' class='wp-smiley emoji'>") == NULL);
    CHECK(url_of(&d, "<img src='/d.png' role='presentation'>") == NULL);
    CHECK(url_of(&d, "<img src='/d.png' aria-hidden='true'>") == NULL);
    CHECK(url_of(&d, "<img src='/spacer.gif'>") == NULL);
    CHECK(url_of(&d, "<img src='data:image/png;base64,AAAA'>") == NULL);
    CHECK(url_of(&d, "<img src='javascript:void(0)'>") == NULL);
    CHECK(url_of(&d, "<img src='ftp://files.test/x.jpg'>") == NULL);
    CHECK(url_of(&d, "<img>") == NULL);
    /* Icons by where they are kept, not only by size. */
    CHECK(url_of(&d, "<img src='/theme/assets/icons/list/price.svg'>") == NULL);
    CHECK(url_of(&d, "<img src='https://cdn.test/emoji/72x72/1f600.png'>") == NULL);
    CHECK(url_of(&d, "<img src='/img/icon-search.png'>") == NULL);
    CHECK(url_of(&d, "<img src='/img/pdf_icon.gif'>") == NULL);
    CHECK_STR(url_of(&d, "<img src='https://icons.test/photos/lexicon.jpg'>"),
              "https://icons.test/photos/lexicon.jpg");
    CHECK_STR(url_of(&d, "<img src='/uploads/Google_Icons-09-512.png'>"),
              "https://site.test/uploads/Google_Icons-09-512.png");
    CHECK(!d.failed);
    wn_doc_free(&d);
}

static char *extract(const char *html, winnow_format format, int images)
{
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_HTML;
    o.format = format;
    o.rules = rules;
    o.images = images;
    o.url = "https://site.test/news/story.html";
    winnow_result r;
    winnow_status st = winnow_extract(html, strlen(html), &o, &r);
    char *out = st == WINNOW_OK ? strdup(r.text) : NULL;
    winnow_result_free(&r);
    return out;
}

/* out without its image lines ("[image" ...) and the blank line before each. */
static char *without_images(const char *out)
{
    char *r = malloc(strlen(out) + 1);
    size_t w = 0;
    for (const char *p = out; *p;) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) + 1 : strlen(p);
        if (strncmp(p, "[image", 6) == 0) {
            if (w >= 2 && r[w - 1] == '\n' && r[w - 2] == '\n') w--;
        } else {
            memcpy(r + w, p, n);
            w += n;
        }
        p += n;
    }
    r[w] = '\0';
    return r;
}

static const char page[] =
    "<html><body><nav><img src='/logo.jpg' alt='Logo'> <a href='/'>Home</a></nav>"
    "<article><h1>Storm reaches the coast</h1>"
    "<figure><img src='/img/storm.jpg' alt='Waves on the pier'><figcaption>Waves.</figcaption></figure>"
    "<p>The storm reached the coast on Tuesday night, bringing winds of more than a hundred "
    "kilometres an hour and flooding the lower streets of the harbour town.</p>"
    "<p>Residents were told to stay inside. <img src='/img/map.png' alt='Map of the flooded streets'> "
    "The harbour master said the sea wall held, but the quay will stay closed for days.</p>"
    "<div class='teasers'><a href='/a'>Read more: one</a><img src='/img/teaser.jpg' alt='Teaser'>"
    "<a href='/b'>Read more: two</a></div>"
    "<p>Schools will open again on Thursday, the council said in a statement on its website "
    "after a meeting with the emergency services.</p>"
    "<p><img src='/img/last.jpg' alt='After the storm'></p>"
    "</article><footer><a href='/x'>Related one</a> <a href='/y'>Related two</a></footer></body></html>";

static void test_shown(void)
{
    char *md = extract(page, WINNOW_FORMAT_MARKDOWN, 1);
    CHECK(contains(md, "\n\n![Waves on the pier](https://site.test/img/storm.jpg)\n\nThe storm"));
    /* An image in a paragraph's text follows the paragraph. */
    CHECK(contains(md, "for days.\n\n![Map of the flooded streets](https://site.test/img/map.png)\n"));
    CHECK(!contains(md, "logo.jpg"));
    /* Between dropped teaser links, and after the last kept text: not content. */
    CHECK(!contains(md, "teaser.jpg"));
    CHECK(!contains(md, "last.jpg"));
    char *txt = extract(page, WINNOW_FORMAT_TEXT, 1);
    CHECK(contains(txt, "\n\n[image: Waves on the pier] https://site.test/img/storm.jpg\n\n"));
    /* Without the image lines, the text is what it is without --images. */
    char *plain = extract(page, WINNOW_FORMAT_TEXT, 0);
    char *stripped = txt ? without_images(txt) : NULL;
    CHECK_STR(stripped, plain);
    CHECK(!contains(plain, "[image"));
    free(stripped);
    free(plain);
    free(txt);
    free(md);
}

/* The result lists the images the text shows, in order; NULL when not asked for. */
static void test_result_list(void)
{
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_HTML;
    o.rules = rules;
    o.url = "https://site.test/news/story.html";
    winnow_result r;
    CHECK(winnow_extract(page, strlen(page), &o, &r) == WINNOW_OK);
    CHECK(r.images == NULL && r.n_images == 0);
    winnow_result_free(&r);
    o.images = 1;
    CHECK(winnow_extract(page, strlen(page), &o, &r) == WINNOW_OK);
    CHECK(r.images != NULL && r.n_images == 2);
    if (r.images && r.n_images == 2) {
        CHECK_STR(r.images[0].url, "https://site.test/img/storm.jpg");
        CHECK_STR(r.images[0].alt, "Waves on the pier");
        CHECK_STR(r.images[1].url, "https://site.test/img/map.png");
    }
    winnow_result_free(&r);
    static const char none[] = "<html><body><p>No pictures here at all, only words.</p></body></html>";
    CHECK(winnow_extract(none, strlen(none), &o, &r) == WINNOW_OK);
    CHECK(r.images != NULL && r.n_images == 0);
    winnow_result_free(&r);
}

static void test_no_alt_and_no_base(void)
{
    static const char p[] =
        "<html><body><article><h1>Title of the story here</h1><p>First paragraph of the story "
        "with enough words in it to be kept as the article text by the classifier.</p>"
        "<p><img src='https://cdn.test/a.jpg'></p><p>Second paragraph of the story, which goes "
        "on for long enough to be kept as article text too.</p></article></body></html>";
    char *txt = extract(p, WINNOW_FORMAT_TEXT, 1);
    CHECK(contains(txt, "\n\n[image] https://cdn.test/a.jpg\n\n"));
    char *md = extract(p, WINNOW_FORMAT_MARKDOWN, 1);
    CHECK(contains(md, "\n\n![](https://cdn.test/a.jpg)\n\n"));
    free(md);
    free(txt);
}

static void test_flow(void)
{
    /* Between the rows of a layout table (lines that stay together), an image stays
     * in their flow: without it the text is the same. */
    static const char p[] =
        "<html><body><article><h1>Notes from the allotment this week</h1><table>"
        "<tr><td>Monday: the beans came up in the second bed, two weeks later than last "
        "year, after the cold nights of the last fortnight.</td></tr>"
        "<tr><td><img src='https://cdn.test/beans.jpg' alt='Beans'></td></tr>"
        "<tr><td>Tuesday: rain all day, so the shed was tidied and the seed packets were "
        "sorted by the month they should be sown in.</td></tr>"
        "</table></article></body></html>";
    char *txt = extract(p, WINNOW_FORMAT_TEXT, 1);
    char *plain = extract(p, WINNOW_FORMAT_TEXT, 0);
    CHECK(contains(txt, "fortnight.\n[image: Beans] https://cdn.test/beans.jpg\nTuesday"));
    char *stripped = txt ? without_images(txt) : NULL;
    CHECK_STR(stripped, plain);
    free(stripped);
    free(plain);
    free(txt);
}

int main(void)
{
    winnow_global_init();
    rules = winnow_rules_new();
    char err[256];
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    test_srcset();
    test_placeholder();
    test_image_url();
    test_shown();
    test_no_alt_and_no_base();
    test_flow();
    test_result_list();
    winnow_rules_free(rules);
    return check_done();
}
