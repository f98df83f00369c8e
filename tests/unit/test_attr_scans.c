/* test_attr_scans.c -- the per-element scans every HTML page pays for, written to skip
 * to the bytes a match can start with: attribute lookup (wn_hdom_attr), the author's
 * marks (wn_hbyline_marks_author), a word anywhere in a value (wn_hbyline_holds) and a
 * price in a text node (wn_hcards_price).  Each answer must be the plain scan's:
 * letters of either case, a match at the value's start, end or middle, and near
 * misses (another attribute of the same first letter, a lead byte of another sign).
 * Also an <input>'s type (wn_hdom_input_type), which the form detectors share. */
#include <libxml/HTMLparser.h>
#include <string.h>
#include "check.h"
#include "html/html_dom.h"

/* The first element named `name` under n, depth first. */
static xmlNode *find(xmlNode *n, const char *name)
{
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0) return n;
        xmlNode *c = find(n->children, name);
        if (c) return c;
    }
    return NULL;
}

static htmlDocPtr parse(const char *html)
{
    return htmlReadMemory(html, (int)strlen(html), NULL, "utf-8",
                          HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
}

/* Whether wn_hbyline_marks_author marks the first <tag> of html. */
static int marks(const char *html, const char *tag)
{
    htmlDocPtr parsed = parse(html);
    if (!parsed) return -1;
    xmlNode *n = find(xmlDocGetRootElement(parsed), tag);
    int r = n ? wn_hbyline_marks_author(n) : -1;
    xmlFreeDoc(parsed);
    return r;
}

static void test_attr(void)
{
    const char *html = "<div Data-x=1 CLASS='a b' itemprop=name id='' ID=second>x</div>";
    htmlDocPtr parsed = parse(html);
    CHECK(parsed != NULL);
    if (!parsed) return;
    xmlNode *d = find(xmlDocGetRootElement(parsed), "div");
    CHECK(d != NULL);
    if (d) {
        CHECK_STR(wn_hdom_attr(d, "class"), "a b");       /* either case */
        CHECK_STR(wn_hdom_attr(d, "data-x"), "1");
        CHECK_STR(wn_hdom_attr(d, "itemprop"), "name");   /* after another i... name */
        CHECK_STR(wn_hdom_attr(d, "id"), "");             /* the first, empty */
        CHECK(wn_hdom_attr(d, "item") == NULL);           /* a prefix is no name */
        CHECK(wn_hdom_attr(d, "clas") == NULL);
        CHECK(wn_hdom_attr(d, "title") == NULL);
    }
    xmlFreeDoc(parsed);
}

/* An <input>'s type: as written, "" without one, NULL for any other element. */
static void test_input_type(void)
{
    const char *html = "<form><input TYPE=Password><input name=q><select></select>"
                       "<p type=x>t</p></form>";
    htmlDocPtr parsed = parse(html);
    CHECK(parsed != NULL);
    if (!parsed) return;
    xmlNode *in = find(xmlDocGetRootElement(parsed), "input");
    CHECK(in != NULL);
    if (in) {
        CHECK_STR(wn_hdom_input_type(in), "Password");
        CHECK(in->next != NULL);
        if (in->next) CHECK_STR(wn_hdom_input_type(in->next), "");
    }
    xmlNode *sel = find(xmlDocGetRootElement(parsed), "select");
    xmlNode *p = find(xmlDocGetRootElement(parsed), "p");
    CHECK(sel && wn_hdom_input_type(sel) == NULL);
    CHECK(p && wn_hdom_input_type(p) == NULL);
    xmlFreeDoc(parsed);
}

static void test_marks_author(void)
{
    CHECK(marks("<div class='post-AUTHOR'>x</div>", "div") == 1);
    CHECK(marks("<span id=Byline>x</span>", "span") == 1);
    CHECK(marks("<a rel=author href=/x>x</a>", "a") == 1);
    CHECK(marks("<span itemprop=creator>x</span>", "span") == 1);
    CHECK(marks("<span class=meta itemprop=contributor>x</span>", "span") == 1);
    CHECK(marks("<div class='x user-name'>x</div>", "div") == 1); /* at the end */
    CHECK(marks("<div class=posterframe>x</div>", "div") == 1);   /* a substring */
    CHECK(marks("<div class=auth>x</div>", "div") == 0);          /* a near miss */
    CHECK(marks("<div data-author=1 title=byline>x</div>", "div") == 0); /* other attrs */
    CHECK(marks("<div idx=author>x</div>", "div") == 0);
    CHECK(marks("<a href='https://s.example/Authors/ann-lee'>x</a>", "a") == 1);
    CHECK(marks("<a href='/user/7'>x</a>", "a") == 1);             /* at the start */
    CHECK(marks("<a href='https://s.example/users'>x</a>", "a") == 0); /* no closing / */
    CHECK(marks("<a href='https://s.example/about/'>x</a>", "a") == 0);
    CHECK(marks("<div href='/author/x'>x</div>", "div") == 0);    /* a link's only */
}

static void test_holds(void)
{
    CHECK(wn_hbyline_holds("entry-DATE", "date") == 1);
    CHECK(wn_hbyline_holds("date", "date") == 1);
    CHECK(wn_hbyline_holds("dat", "date") == 0);
    CHECK(wn_hbyline_holds("", "date") == 0);
    CHECK(wn_hbyline_holds("published-time", "publi") == 1);
    CHECK(wn_hbyline_holds("xpPUBLIx", "publi") == 1);
}

static void test_price(void)
{
    CHECK(wn_hcards_price("$5") == 1);
    CHECK(wn_hcards_price("only $ 12.99") == 1);
    CHECK(wn_hcards_price("12 $") == 1);
    CHECK(wn_hcards_price("12$") == 1);
    CHECK(wn_hcards_price("\xE2\x82\xAC" "3") == 1);            /* euro */
    CHECK(wn_hcards_price("3 \xE2\x82\xB9") == 1);              /* rupee after */
    CHECK(wn_hcards_price("\xC2\xA3" "40") == 1);               /* pound */
    CHECK(wn_hcards_price("\xC2\xA5 40") == 1);                 /* yen */
    CHECK(wn_hcards_price("$") == 0);
    CHECK(wn_hcards_price("costs $$ a lot") == 0);
    CHECK(wn_hcards_price("it\xE2\x80\x99s 5 o'clock") == 0);   /* a quote's lead byte */
    CHECK(wn_hcards_price("\xC2\xA9 2025") == 0);               /* copyright */
    CHECK(wn_hcards_price("\xE2\x82") == 0);                    /* cut short */
    CHECK(wn_hcards_price("") == 0);
}

int main(void)
{
    test_attr();
    test_input_type();
    test_marks_author();
    test_holds();
    test_price();
    return check_done();
}
