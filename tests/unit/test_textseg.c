/* test_textseg.c -- segmentation of rendered text: line ends (LF, CRLF, CR), Unicode
 * spaces, tabs (table cells), bullets and their numbers, and re-joining of hard-wrapped
 * (lynx) paragraphs. */
#include <stdlib.h>
#include "check.h"
#include "text/text.h"

static doc seg(const char *s)
{
    doc d;
    wn_doc_init(&d);
    CHECK(wn_textseg_segment(s, strlen(s), &d) == 0);
    return d;
}

static void test_crlf_and_blank_lines(void)
{
    doc d = seg("First line\r\n\r\nSecond  line\t\r\n   \r\nThird\r\n");
    CHECK(d.n == 3);
    if (d.n == 3) {
        CHECK_STR(d.blocks[0].text, "First line");
        CHECK_STR(d.blocks[1].text, "Second line");
        CHECK_STR(d.blocks[2].text, "Third");
        CHECK(d.blocks[1].blank_before == 1);
        CHECK(d.blocks[0].line == 1 && d.blocks[2].line == 5);
    }
    wn_doc_free(&d);
}

static void test_bare_cr(void)
{
    /* Old Mac files end lines with a CR alone: the headline stays apart from the body,
     * with the line numbers and blank lines of the same text with LF. */
    const char *lf = "Headline of the story\n\nFirst paragraph of the article.\nSecond one.\n";
    const char *cr = "Headline of the story\r\rFirst paragraph of the article.\rSecond one.\r";
    doc a = seg(lf), b = seg(cr);
    CHECK(a.n == 3 && b.n == 3);
    for (size_t i = 0; i < a.n && i < b.n; i++) {
        CHECK_STR(b.blocks[i].text, a.blocks[i].text);
        CHECK(b.blocks[i].line == a.blocks[i].line);
        CHECK(b.blocks[i].blank_before == a.blocks[i].blank_before);
    }
    wn_doc_free(&a);
    wn_doc_free(&b);
}

static void test_mixed_line_ends(void)
{
    /* LF, CRLF and CR in one text; CR CR LF is a CR, then a CRLF (a blank line). */
    doc d = seg("one\r\ntwo\rthree\nfour\r\r\nfive\n\rsix\r");
    CHECK(d.n == 6);
    if (d.n == 6) {
        static const char *const want[] = {"one", "two", "three", "four", "five", "six"};
        static const int line[] = {1, 2, 3, 4, 6, 8}, blank[] = {1, 0, 0, 0, 1, 1};
        for (size_t i = 0; i < 6; i++) {
            CHECK_STR(d.blocks[i].text, want[i]);
            CHECK(d.blocks[i].line == line[i]);
            CHECK(d.blocks[i].blank_before == blank[i]);
        }
    }
    wn_doc_free(&d);
}

static void test_nbsp_lines_are_blank(void)
{
    /* A line of NBSPs separates paragraphs; NBSP inside text becomes a space. */
    doc d = seg("One\xC2\xA0two\n\xC2\xA0\xC2\xA0 \nThree\n");
    CHECK(d.n == 2);
    if (d.n == 2) {
        CHECK_STR(d.blocks[0].text, "One two");
        CHECK_STR(d.blocks[1].text, "Three");
        CHECK(d.blocks[1].blank_before == 1);
    }
    wn_doc_free(&d);
}

static void test_curly_quotes_stay(void)
{
    doc d = seg("\xE2\x80\x9CQuoted\xE2\x80\x9D text \xE2\x80\x94 dash\n");
    CHECK(d.n == 1);
    if (d.n == 1) CHECK_STR(d.blocks[0].text, "\xE2\x80\x9CQuoted\xE2\x80\x9D text \xE2\x80\x94 dash");
    wn_doc_free(&d);
}

/* innerText separates cells by tabs: a row keeps them (one per cell boundary, cells
 * squeezed, the tab after the last cell dropped); rows in a row are one table. */
static void test_tabs_make_table_rows(void)
{
    doc d = seg("Pos.\tName\tPoints\t\n1\tKyle  Busch\t\t5040\n\tindented line\n"
                "Home\tNews\n");
    CHECK(d.n == 4);
    if (d.n == 4) {
        CHECK(d.blocks[0].kind == BK_TABLE);
        CHECK_STR(d.blocks[0].text, "Pos.\tName\tPoints");
        CHECK_STR(d.blocks[1].text, "1\tKyle Busch\t\t5040");
        CHECK(d.blocks[1].kind == BK_TABLE && (d.blocks[1].flags & BF_CELLS));
        CHECK(d.blocks[0].container == d.blocks[1].container);
        CHECK(d.blocks[2].kind == BK_PARA); /* a leading tab is indentation */
        CHECK(d.blocks[3].kind == BK_TABLE && d.blocks[3].container != d.blocks[1].container);
    }
    wn_doc_free(&d);
}

/* A row whose cells after the first hold only spaces (NBSP) is a line of one cell: its
 * text is that cell, not the bytes squeeze_cells() left behind it (a NUL and the NBSP's
 * second byte came out before). */
static void test_row_of_one_cell(void)
{
    doc d = seg("Kohler\t\xC2\xA0\nMoen\t\xC2\xA0\t\nDelta\t\xC2\xA0x\n");
    CHECK(d.n == 3);
    if (d.n == 3) {
        CHECK(d.blocks[0].kind == BK_PARA && d.blocks[0].len == 6);
        CHECK_STR(d.blocks[0].text, "Kohler");
        CHECK(d.blocks[1].kind == BK_PARA && d.blocks[1].len == 4);
        CHECK_STR(d.blocks[1].text, "Moen");
        CHECK(d.blocks[2].kind == BK_TABLE);
        CHECK_STR(d.blocks[2].text, "Delta\tx");
    }
    wn_doc_free(&d);
}

static void test_bullets(void)
{
    doc d = seg("* First item\n- Second item\n\xE2\x80\xA2 Third item\n12. Numbered\n*\nNot - a bullet\n");
    CHECK(d.n == 6);
    if (d.n == 6) {
        CHECK(d.blocks[0].kind == BK_ITEM);
        CHECK_STR(d.blocks[0].text, "First item");
        CHECK_STR(d.blocks[1].text, "Second item");
        CHECK_STR(d.blocks[2].text, "Third item");
        CHECK_STR(d.blocks[3].text, "Numbered");
        CHECK(d.blocks[3].kind == BK_ITEM);
        CHECK(d.blocks[3].number == 12 && d.blocks[0].number == 0);
        CHECK(d.blocks[5].kind == BK_PARA);
    }
    wn_doc_free(&d);
}

static void test_lynx_rejoin(void)
{
    /* Ten hard-wrapped lines at 3-space indent, width ~77, then a list. */
    const char *line = "   aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn ooo";
    char in[4096] = "";
    for (int p = 0; p < 3; p++) {
        for (int i = 0; i < 4; i++) {
            strcat(in, line);
            strcat(in, "\n");
        }
        strcat(in, "   end of paragraph.\n\n");
    }
    strcat(in, "     * an item\n     * another item\n");
    doc d = seg(in);
    CHECK(d.n == 5);
    if (d.n == 5) {
        CHECK(d.blocks[0].len > 4 * 70);
        CHECK(strstr(d.blocks[0].text, "ooo aaaa") != NULL);
        CHECK(strstr(d.blocks[0].text, "end of paragraph.") != NULL);
        CHECK(d.blocks[3].kind == BK_ITEM);
        CHECK_STR(d.blocks[4].text, "another item");
    }
    wn_doc_free(&d);
}

/* Greedy wrap of text at width 79 with a 3-space indent, as lynx -dump does. */
static void wrap79(const char *text, char *out)
{
    size_t col = 0;
    for (const char *w = text; *w;) {
        const char *e = strchr(w, ' ');
        size_t wl = e ? (size_t)(e - w) : strlen(w);
        if (col == 0) {
            strcat(out, "   ");
            col = 3;
        } else if (col + 1 + wl > 79) {
            strcat(out, "\n   ");
            col = 3;
        } else {
            strcat(out, " ");
            col++;
        }
        strncat(out, w, wl);
        col += wl;
        w += wl;
        while (*w == ' ') w++;
    }
    strcat(out, "\n");
}

static void test_lynx_rejoin_ragged(void)
{
    /* Real wrapping leaves ragged line ends: a line ends where the next word did not
     * fit.  Short menu lines around the paragraphs must stay apart. */
    const char *para =
        "Gaming used to be so simple. We would buy a game, sit down in front of a console "
        "or PC, grind our way to the end, then repeat. Now we spend money over and over on "
        "virtual perks, and we play on phones and tablets while socializing with far-flung "
        "friends, because developers keep updating their biggest hits with new maps, "
        "missions and characters. There is no end to it, and there may never be one.";
    char in[8192] = "   Home\n   Tech\n   Personal Technology: Review\n\n";
    for (int i = 0; i < 3; i++) {
        wrap79(para, in);
        strcat(in, "\n");
    }
    strcat(in, "     * Share\n     * Print\n");
    doc d = seg(in);
    CHECK(d.n == 8);
    if (d.n == 8) {
        CHECK_STR(d.blocks[0].text, "Home");
        CHECK_STR(d.blocks[3].text, para);
        CHECK_STR(d.blocks[5].text, para);
        CHECK_STR(d.blocks[6].text, "Share");
    }
    wn_doc_free(&d);
}

static void test_lynx_image_prefix(void)
{
    /* "[file.gif] text" loses the image name; other brackets stay. */
    doc d = seg("[label_red.gif] Top stories\n[Update] Text stays\n[logo.png]\n"
                "[...] quoted text\n[U.S.] stays\n");
    CHECK(d.n == 5);
    if (d.n == 5) {
        CHECK_STR(d.blocks[0].text, "Top stories");
        CHECK_STR(d.blocks[1].text, "[Update] Text stays");
        CHECK_STR(d.blocks[2].text, "[logo.png]");
        CHECK_STR(d.blocks[3].text, "[...] quoted text");
        CHECK_STR(d.blocks[4].text, "[U.S.] stays");
    }
    wn_doc_free(&d);
}

static void test_innertext_not_joined(void)
{
    /* innerText lines of any length are never joined. */
    char in[8192] = "";
    for (int i = 0; i < 12; i++)
        strcat(in, "A sentence that is rather long and goes on for a while, about seventy-five.\n");
    doc d = seg(in);
    CHECK(d.n == 12);
    wn_doc_free(&d);
}

int main(void)
{
    test_crlf_and_blank_lines();
    test_bare_cr();
    test_mixed_line_ends();
    test_nbsp_lines_are_blank();
    test_curly_quotes_stay();
    test_tabs_make_table_rows();
    test_row_of_one_cell();
    test_bullets();
    test_lynx_rejoin();
    test_lynx_rejoin_ragged();
    test_lynx_image_prefix();
    test_innertext_not_joined();
    return check_done();
}
