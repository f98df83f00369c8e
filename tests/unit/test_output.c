/* test_output.c -- the renderers of render.c: text and Markdown layout of each block
 * kind and of the structure blocks carry (data-table cells, ordered and nested items,
 * item continuations, code languages), built from hand-made docs so the tests do not
 * depend on the classifiers. */
#include <stdlib.h>
#include "render/render.h"
#include "text/text.h"
#include "check.h"

static block *add(doc *d, block_kind k, int level, const char *text, decision dec)
{
    block *b = wn_doc_add(d, k, text, strlen(text));
    if (b) {
        b->level = level;
        b->dec = dec;
    }
    return b;
}

/* Renders d with the chosen renderer into a malloc'd string. */
static char *render(const doc *d, int markdown, int no_title)
{
    buf out;
    wn_buf_init(&out, 0);
    int rc = markdown ? wn_output_render_markdown(d, no_title, &out)
                      : wn_output_render_text(d, no_title, &out);
    wn_buf_putc(&out, '\0');
    size_t len;
    char *s = wn_buf_detach(&out, &len);
    return rc == 0 ? s : (free(s), NULL);
}

static block *row(doc *d, int table, const char *cells, decision dec)
{
    block *b = add(d, BK_TABLE, 0, cells, dec);
    if (b) {
        b->flags |= BF_CELLS;
        b->container = table;
    }
    return b;
}

static block *item(doc *d, int level, int number, unsigned flags, const char *text)
{
    block *b = add(d, BK_ITEM, level, text, DEC_KEEP);
    if (b) {
        b->number = number;
        b->flags |= flags;
        b->container = 1;
    }
    return b;
}

/* Data tables: GitHub tables in Markdown (first kept row as header, delimiter as wide
 * as the widest row, pipes escaped, empty cells kept), tab-separated lines in text;
 * two tables in a row stay two tables. */
static void test_tables(void)
{
    doc d;
    wn_doc_init(&d);
    add(&d, BK_PARA, 0, "Before.", DEC_KEEP);
    row(&d, 1, "Name\tValue", DEC_KEEP);
    row(&d, 1, "dropped\trow", DEC_DROP);
    row(&d, 1, "a|b\t\tthird", DEC_KEEP);
    row(&d, 1, "\tx", DEC_KEEP);
    row(&d, 2, "k\tv", DEC_KEEP);
    add(&d, BK_TABLE, 0, "layout row", DEC_KEEP);
    char *md = render(&d, 1, 1);
    CHECK_STR(md, "Before.\n"
                  "\n"
                  "| Name | Value |  |\n"
                  "| --- | --- | --- |\n"
                  "| a\\|b |  | third |\n"
                  "|  | x |\n"
                  "\n"
                  "| k | v |\n"
                  "| --- | --- |\n"
                  "\n"
                  "layout row\n");
    free(md);
    char *txt = render(&d, 0, 1);
    CHECK_STR(txt, "Before.\n\nName\tValue\na|b\t\tthird\n\tx\n\nk\tv\n\nlayout row\n");
    free(txt);
    wn_doc_free(&d);
}

/* Lists: numbers kept, nesting under the marker's width, a later paragraph of an item
 * indented under it, a list whose outer items were dropped starting at the margin. */
static void test_lists(void)
{
    doc d;
    wn_doc_init(&d);
    item(&d, 1, 9, 0, "nine");
    item(&d, 1, 10, 0, "ten");
    item(&d, 2, 0, 0, "bullet under ten");
    item(&d, 3, 1, 0, "deeper");
    item(&d, 2, 0, BF_CONTINUES, "more about the bullet");
    item(&d, 1, 11, 0, "eleven");
    add(&d, BK_PARA, 0, "Between.", DEC_KEEP);
    item(&d, 3, 0, 0, "orphan");
    item(&d, 5, 0, 0, "not too deep");
    item(&d, 1, 0, BF_CONTINUES, "- lazy\nline");
    char *md = render(&d, 1, 1);
    CHECK_STR(md, "9. nine\n"
                  "10. ten\n"
                  "    - bullet under ten\n"
                  "      1. deeper\n"
                  "\n"
                  "      more about the bullet\n"
                  "11. eleven\n"
                  "\n"
                  "Between.\n"
                  "\n"
                  "- orphan\n"
                  "  - not too deep\n"
                  "\n"
                  "  \\- lazy\\\n"
                  "  line\n");
    free(md);
    wn_doc_free(&d);
}

/* An outermost item of list number list (block.container). */
static block *item_in(doc *d, int list, int number, unsigned flags, const char *text)
{
    block *b = item(d, 1, number, flags, text);
    if (b) b->container = list;
    return b;
}

/* A definition list: each term a line after a blank line, its definition after
 * ":   " (Pandoc's syntax) in Markdown, not "- " items; in text, lines. */
static void test_definition_list(void)
{
    doc d;
    wn_doc_init(&d);
    item(&d, 1, 0, 0, "a list item");
    item_in(&d, 2, 0, BF_TERMS, "Volume");
    item_in(&d, 2, 0, BF_TERMS | BF_CONTINUES, "Length times width times depth,\nin m3.");
    item_in(&d, 2, 0, BF_TERMS, "- Area");
    char *md = render(&d, 1, 1);
    CHECK_STR(md, "- a list item\n"
                  "\n"
                  "Volume\n"
                  "\n"
                  ":   Length times width times depth,\\\n"
                  "    in m3.\n"
                  "\n"
                  "\\- Area\n");
    free(md);
    char *txt = render(&d, 0, 1);
    CHECK_STR(txt, "a list item\n\nVolume\n\nLength times width times depth,\nin m3.\n\n- Area\n");
    free(txt);
    wn_doc_free(&d);
}

/* A bullet item whose next block is more of it (a paragraph, a heading) is a card of
 * a grid, not a list entry: its blocks are paragraphs at the margin, a blank line
 * before each; a one-block item of the same list and a numbered step with more
 * paragraphs stay items. */
static void test_cards(void)
{
    doc d;
    wn_doc_init(&d);
    item(&d, 1, 0, 0, "March 25, 2026");
    block *b = add(&d, BK_HEADING, 3, "Channel Summit", DEC_KEEP);
    if (b) {
        b->flags |= BF_IN_ITEM;
        b->container = 1;
    }
    item(&d, 1, 0, BF_CONTINUES, "Dallas, United States");
    item(&d, 1, 0, 0, "April 3, 2026");
    item(&d, 1, 0, BF_CONTINUES, "Kansas City");
    item(&d, 1, 0, 0, "More events");
    add(&d, BK_PARA, 0, "Steps:", DEC_KEEP);
    item_in(&d, 2, 1, 0, "Open the valve.");
    item_in(&d, 2, 0, BF_CONTINUES, "Slowly.");
    char *md = render(&d, 1, 1);
    CHECK_STR(md, "March 25, 2026\n"
                  "\n"
                  "### Channel Summit\n"
                  "\n"
                  "Dallas, United States\n"
                  "\n"
                  "April 3, 2026\n"
                  "\n"
                  "Kansas City\n"
                  "- More events\n"
                  "\n"
                  "Steps:\n"
                  "\n"
                  "1. Open the valve.\n"
                  "\n"
                  "   Slowly.\n");
    free(md);
    wn_doc_free(&d);
}

/* What is written of an item may start at a later paragraph (the first, a byline, was
 * dropped): with more of it after, it is a card too.  On a page of other things' tiles
 * (a shop's best sellers) numbered items with more paragraphs are cards; in an article
 * they are steps. */
static void test_card_openers(void)
{
    doc d;
    wn_doc_init(&d);
    add(&d, BK_HEADING, 3, "The Best Monitor Arms", DEC_KEEP);
    block *b = item(&d, 1, 0, 0, "by Ann Lee");
    if (b) b->dec = DEC_DROP;
    item(&d, 1, 0, BF_CONTINUES, "We tested a dozen arms.");
    item(&d, 1, 0, BF_CONTINUES, "Updated March 2, 2026");
    char *md = render(&d, 1, 1);
    CHECK_STR(md, "### The Best Monitor Arms\n\nWe tested a dozen arms.\n\nUpdated March 2, 2026\n");
    free(md);
    wn_doc_free(&d);

    for (int shop = 0; shop <= 1; shop++) {
        wn_doc_init(&d);
        d.page_type = shop ? WINNOW_PAGE_COLLECTION : WINNOW_PAGE_ARTICLE;
        item(&d, 1, 1, 0, "Apple AirTag");
        item(&d, 1, 0, BF_CONTINUES, "$29.00");
        item(&d, 1, 2, 0, "EarPods");
        item(&d, 1, 0, BF_CONTINUES, "$16.14");
        md = render(&d, 1, 1);
        CHECK_STR(md, shop ? "Apple AirTag\n\n$29.00\n\nEarPods\n\n$16.14\n"
                           : "1. Apple AirTag\n\n   $29.00\n2. EarPods\n\n   $16.14\n");
        free(md);
        wn_doc_free(&d);
    }
}

/* On a page that is not an article a list of one is a tile's line, a paragraph (a
 * blurb under its title, a numbered tile too); in an article it stays a list (the only
 * "Cons" of a review, a step under its heading).  An item with an item nested under it
 * is no list of one. */
static void test_lone_items(void)
{
    doc d;
    for (int shop = 0; shop <= 1; shop++) {
        wn_doc_init(&d);
        d.page_type = shop ? WINNOW_PAGE_SERVICE : WINNOW_PAGE_ARTICLE;
        add(&d, BK_HEADING, 3, "Set up monitoring", DEC_KEEP);
        item(&d, 1, 0, 0, "Get notified of a breach.");
        add(&d, BK_HEADING, 3, "Logging", DEC_KEEP);
        item(&d, 1, 3, 0, "Write one line per hour.");
        add(&d, BK_PARA, 0, "Then:", DEC_KEEP);
        item_in(&d, 2, 0, 0, "3 months later...");
        add(&d, BK_PARA, 0, "Parts:", DEC_KEEP);
        item_in(&d, 3, 0, 0, "Frame");
        block *b = item_in(&d, 4, 0, 0, "Bolts");
        if (b) b->level = 2;
        char *md = render(&d, 1, 1);
        CHECK_STR(md, shop ? "### Set up monitoring\n\nGet notified of a breach.\n\n### Logging\n\n"
                             "Write one line per hour.\n\nThen:\n\n3 months later...\n\nParts:\n\n"
                             "- Frame\n  - Bolts\n"
                           : "### Set up monitoring\n\n- Get notified of a breach.\n\n### Logging\n\n"
                             "3. Write one line per hour.\n\nThen:\n\n- 3 months later...\n\nParts:\n\n"
                             "- Frame\n  - Bolts\n");
        free(md);
        wn_doc_free(&d);
    }
}

/* Two lists one after the other stay two lists; a continuation never continues
 * another list's item. */
static void test_adjacent_lists(void)
{
    doc d;
    wn_doc_init(&d);
    item(&d, 1, 1, 0, "first");
    block *b = item(&d, 1, 0, 0, "other list");
    if (b) b->container = 2;
    b = item(&d, 1, 0, BF_CONTINUES, "a definition without its term");
    if (b) b->container = 3;
    char *md = render(&d, 1, 1);
    CHECK_STR(md, "1. first\n\n- other list\n\n- a definition without its term\n");
    free(md);
    wn_doc_free(&d);
}

/* Inline code: backticks outnumber the ones inside, a span protects a line start, a
 * pipe in a cell's code is still escaped; text output shows the bare text. */
static void test_inline_code(void)
{
    doc d;
    wn_doc_init(&d);
    static const uint32_t para[] = {0, 8, 13, 16, 20, 22};
    block *b = add(&d, BK_PARA, 0, "#include and a`b or `x", DEC_KEEP);
    if (b) {
        b->code = para;
        b->n_code = 3;
    }
    static const uint32_t cell[] = {0, 3};
    b = row(&d, 1, "a|b\tc", DEC_KEEP);
    if (b) {
        b->code = cell;
        b->n_code = 1;
    }
    row(&d, 1, "d\te", DEC_KEEP);
    char *md = render(&d, 1, 1);
    CHECK_STR(md, "`#include` and ``a`b`` or `` `x ``\n"
                  "\n"
                  "| `a\\|b` | c |\n"
                  "| --- | --- |\n"
                  "| d | e |\n");
    free(md);
    char *txt = render(&d, 0, 1);
    CHECK_STR(txt, "#include and a`b or `x\n\na|b\tc\nd\te\n");
    free(txt);
    wn_doc_free(&d);
}

/* A page's own bracket and parenthesis ("[Smith](2019)") are not a link: the '(' is
 * escaped in Markdown, in a paragraph and in a cell; inline code and text output keep
 * them as they are. */
static void test_bracket_text(void)
{
    doc d;
    wn_doc_init(&d);
    static const uint32_t span[] = {25, 32};
    block *b = add(&d, BK_PARA, 0, "Notes: [Smith](2019) and a[0](1)", DEC_KEEP);
    if (b) {
        b->code = span;
        b->n_code = 1;
    }
    row(&d, 1, "[Lee](p. 3)	x", DEC_KEEP);
    row(&d, 1, "y	z", DEC_KEEP);
    char *md = render(&d, 1, 1);
    CHECK_STR(md, "Notes: [Smith]\\(2019) and `a[0](1)`\n"
                  "\n"
                  "| [Lee]\\(p. 3) | x |\n"
                  "| --- | --- |\n"
                  "| y | z |\n");
    free(md);
    char *txt = render(&d, 0, 1);
    CHECK_STR(txt, "Notes: [Smith](2019) and a[0](1)\n\n[Lee](p. 3)\tx\ny\tz\n");
    free(txt);
    wn_doc_free(&d);
}

/* Code: the language on the fence, the text byte for byte. */
static void test_code(void)
{
    doc d;
    wn_doc_init(&d);
    block *b = add(&d, BK_PRE, 0, "  def f():\n\treturn 1", DEC_KEEP);
    if (b) b->lang = "python";
    char *md = render(&d, 1, 1);
    CHECK_STR(md, "```python\n  def f():\n\treturn 1\n```\n");
    free(md);
    char *txt = render(&d, 0, 1);
    CHECK_STR(txt, "  def f():\n\treturn 1\n");
    free(txt);
    wn_doc_free(&d);

    /* Code quoting a Markdown fence is fenced with tildes; holding both kinds of
     * fence, with backticks longer than any inside. */
    static const char *const fenced[][2] = {
        {"```js\nx()\n```", "~~~\n```js\nx()\n```\n~~~\n"},
        {"```\n~~~\n````", "`````\n```\n~~~\n````\n`````\n"},
    };
    for (size_t k = 0; k < sizeof fenced / sizeof fenced[0]; k++) {
        wn_doc_init(&d);
        add(&d, BK_PRE, 0, fenced[k][0], DEC_KEEP);
        md = render(&d, 1, 1);
        CHECK_STR(md, fenced[k][1]);
        free(md);
        wn_doc_free(&d);
    }
}

/* Lists a page types as text: a bullet glyph makes an item of its line, dashes only
 * when two lines repeat them (hyphens also across paragraphs), numbers only beside the
 * next or previous number (also across paragraphs); other lines keep their breaks, blank lines part them from items;
 * the text output is left as it was. */
static void test_typed_lists(void)
{
    doc d;
    wn_doc_init(&d);
    add(&d, BK_PARA, 0, "Bring:\n\xE2\x80\xA2 water\n\xE2\x80\xA2  a towel\nThat is all.\nReally.",
        DEC_KEEP);
    add(&d, BK_PARA, 0, "- one dash alone", DEC_KEEP);
    add(&d, BK_PARA, 0, "\xE2\x80\x93 first\n\xE2\x80\x93 second", DEC_KEEP);
    add(&d, BK_PARA, 0, "\xE2\x80\x93 Ann", DEC_KEEP);
    add(&d, BK_PARA, 0, "- typed", DEC_KEEP);
    add(&d, BK_PARA, 0, "- list", DEC_KEEP);
    add(&d, BK_PARA, 0, "2. Two", DEC_KEEP);
    add(&d, BK_PARA, 0, "3. Three", DEC_KEEP);
    add(&d, BK_PARA, 0, "5. Five is no neighbour", DEC_KEEP);
    add(&d, BK_PARA, 0, "1. a\n2. b\n\xE2\x80\xA2", DEC_KEEP);
    char *md = render(&d, 1, 1);
    CHECK_STR(md, "Bring:\n"
                  "\n"
                  "- water\n"
                  "- a towel\n"
                  "\n"
                  "That is all.\\\n"
                  "Really.\n"
                  "\n"
                  "\\- one dash alone\n"
                  "\n"
                  "- first\n"
                  "- second\n"
                  "\n"
                  "\xE2\x80\x93 Ann\n"
                  "\n"
                  "- typed\n"
                  "\n"
                  "- list\n"
                  "\n"
                  "2. Two\n"
                  "\n"
                  "3. Three\n"
                  "\n"
                  "5\\. Five is no neighbour\n"
                  "\n"
                  "1. a\n"
                  "2. b\n"
                  "\n"
                  "\xE2\x80\xA2\n");
    free(md);
    char *txt = render(&d, 0, 1);
    CHECK_STR(txt, "Bring:\n\xE2\x80\xA2 water\n\xE2\x80\xA2  a towel\nThat is all.\nReally.\n\n"
                   "- one dash alone\n\n\xE2\x80\x93 first\n\xE2\x80\x93 second\n\n\xE2\x80\x93 Ann\n\n"
                   "- typed\n\n- list\n\n2. Two\n\n3. Three\n\n"
                   "5. Five is no neighbour\n\n1. a\n2. b\n\xE2\x80\xA2\n");
    free(txt);
    wn_doc_free(&d);
}

/* A heading holding <br> breaks: its first line is the heading, the lines after it a
 * paragraph's under it (each line with hashes would be a heading of its own); a link
 * after the break keeps its URL.  Text output keeps the lines as they are. */
static void test_heading_breaks(void)
{
    doc d;
    wn_doc_init(&d);
    block *h = add(&d, BK_HEADING, 2, "Arkansas Stones\n$7.95 - $179.95\nsee offer", DEC_KEEP);
    static const uint32_t link[] = {36, 41}; /* "offer" */
    static const char *const url[] = {"https://example.com/o"};
    if (h) {
        h->links = link;
        h->urls = url;
        h->n_links = 1;
    }
    add(&d, BK_HEADING, 3, "1. Step\nfirst", DEC_KEEP);
    add(&d, BK_PARA, 0, "Body.", DEC_KEEP);
    char *md = render(&d, 1, 1);
    CHECK_STR(md, "## Arkansas Stones\n"
                  "\n"
                  "$7.95 - $179.95\\\n"
                  "see [offer](https://example.com/o)\n"
                  "\n"
                  "### 1\\. Step\n"
                  "\n"
                  "first\n"
                  "\n"
                  "Body.\n");
    free(md);
    char *txt = render(&d, 0, 1);
    CHECK_STR(txt, "Arkansas Stones\n$7.95 - $179.95\nsee offer\n\n1. Step\nfirst\n\nBody.\n");
    free(txt);
    wn_doc_free(&d);
}

/* Rendered text's own item numbers are words of the page: plain text writes them as the
 * page showed them ("01.", "3)"), Markdown as list numbers; a bullet stays markup. */
static void test_shown_numbers(void)
{
    doc d;
    wn_doc_init(&d);
    const char *page = "Steps\n01. Native Apps\n3) Web Apps\n- a bullet\n";
    CHECK(wn_textseg_segment(page, strlen(page), &d) == 0);
    for (size_t i = 0; i < d.n; i++) d.blocks[i].dec = DEC_KEEP;
    char *txt = render(&d, 0, 1);
    CHECK_STR(txt, "Steps\n\n01. Native Apps\n3) Web Apps\na bullet\n");
    char *md = render(&d, 1, 1);
    CHECK(md && strstr(md, "1. Native Apps\n") && strstr(md, "3. Web Apps\n"));
    CHECK(md && !strstr(md, "01.") && !strstr(md, "3)"));
    free(txt);
    free(md);
    wn_doc_free(&d);
}

int main(void)
{
    test_shown_numbers();
    test_heading_breaks();
    test_tables();
    test_typed_lists();
    test_lists();
    test_adjacent_lists();
    test_definition_list();
    test_cards();
    test_card_openers();
    test_lone_items();
    test_inline_code();
    test_bracket_text();
    test_code();
    doc d;
    wn_doc_init(&d);
    d.title = "The Title";
    add(&d, BK_PARA, 0, "First paragraph.", DEC_KEEP);
    add(&d, BK_PARA, 0, "Dropped menu.", DEC_DROP);
    add(&d, BK_HEADING, 2, "A Section", DEC_KEEP);
    add(&d, BK_HEADING, 3, "A Subsection", DEC_KEEP);
    add(&d, BK_ITEM, 1, "one", DEC_KEEP);
    add(&d, BK_ITEM, 2, "nested", DEC_KEEP);
    add(&d, BK_QUOTE, 0, "quoted\nsecond line", DEC_KEEP);
    add(&d, BK_PRE, 0, "int x;\n```\n", DEC_KEEP);
    add(&d, BK_PARA, 0, "# not a heading", DEC_KEEP);
    add(&d, BK_PARA, 0, "12. not a list", DEC_KEEP);
    add(&d, BK_TABLE, 0, "a | b", DEC_KEEP);
    add(&d, BK_TABLE, 0, "c | d", DEC_KEEP);

    char *md = render(&d, 1, 0);
    CHECK_STR(md, "# The Title\n"
                  "\n"
                  "First paragraph.\n"
                  "\n"
                  "## A Section\n"
                  "\n"
                  "### A Subsection\n"
                  "\n"
                  "- one\n"
                  "  - nested\n"
                  "\n"
                  "> quoted\\\n"
                  "> second line\n"
                  "\n"
                  "~~~\n"
                  "int x;\n"
                  "```\n"
                  "~~~\n"
                  "\n"
                  "\\# not a heading\n"
                  "\n"
                  "12\\. not a list\n"
                  "\n"
                  "a | b\n"
                  "c | d\n");
    free(md);

    char *txt = render(&d, 0, 1);
    CHECK(txt && strncmp(txt, "First paragraph.\n\nA Section\n", 27) == 0);
    CHECK(txt && strstr(txt, "one\nnested\n\nquoted\nsecond line\n") != NULL);
    CHECK(txt && strstr(txt, "Dropped") == NULL);
    free(txt);

    char *notitle = render(&d, 1, 1);
    CHECK(notitle && strncmp(notitle, "First paragraph.\n", 17) == 0);
    free(notitle);

    doc empty;
    wn_doc_init(&empty);
    char *e = render(&empty, 1, 0);
    CHECK_STR(e, "");
    free(e);
    wn_doc_free(&empty);
    wn_doc_free(&d);
    return check_done();
}
