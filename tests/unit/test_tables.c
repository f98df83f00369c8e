/* test_tables.c -- data tables as the reader sees them: a column empty in every kept
 * row goes (article/table_columns.c), in Markdown and in text, with inline code and
 * links in later cells kept in place; a header row (or any row) a table shares with
 * an earlier table stays in it (a table that is all a copy of an earlier one still
 * goes), as does a mostly linked row of a table that keeps as many rows of text
 * (html_classify.c); a cell spanning rows keeps the columns of the rows
 * below in place (html_blocks.c); one line of code in a <pre> is a datum, more lines
 * make the table layout (html_tables.c); a cell holding only a picture reads as the
 * picture's alt text when it names a value in a few words and is no link. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "html_check.h"
#include "winnow/winnow.h"

static winnow_rules *rules;

static const char *PROSE =
    "The council voted on Tuesday to expand the bus network, adding three routes that "
    "will link the northern suburbs with the hospital, the university and the station.";

static char *run(const char *html, winnow_format format)
{
    return html_output(rules, html, 1, format, WINNOW_PAGE_AUTO);
}

static char *run_links(const char *html)
{
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_HTML;
    o.no_title = 1;
    o.format = WINNOW_FORMAT_MARKDOWN;
    o.rules = rules;
    o.links = 1;
    o.url = "https://example.org/buses/";
    winnow_result r;
    char *out = winnow_extract(html, strlen(html), &o, &r) == WINNOW_OK ? strdup(r.text) : NULL;
    winnow_result_free(&r);
    return out;
}

/* A trailing spacer cell on every row and an empty gap column between two tables set
 * side by side leave no column behind; a column empty in some rows only stays. */
static void test_empty_columns(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p>"
             "<table><tr><th>Route</th><th>Stops</th><th>Fare</th></tr>"
             "<tr><td>North</td><td>12</td><td>2.10</td><td> </td></tr>"
             "<tr><td>East</td><td></td><td>1.80</td><td></td></tr>"
             "<tr><td>West</td><td>9</td><td>2.40</td><td>\n</td></tr></table>"
             "<p>%s</p>"
             "<table><tr><td>Mon</td><td>8:00</td><td></td><td>Tue</td><td>9:00</td></tr>"
             "<tr><td>Wed</td><td><code>x|y</code></td><td></td><td>Thu</td>"
             "<td><code>late</code> <a href=\"/t\">bus</a></td></tr></table>"
             "<p>%s</p></article></body></html>", PROSE, PROSE, PROSE);
    char *md = run(page, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\n| Route | Stops | Fare |\n| --- | --- | --- |\n"
                       "| North | 12 | 2.10 |\n| East |  | 1.80 |\n| West | 9 | 2.40 |\n"));
    CHECK(contains(md, "\n| Mon | 8:00 | Tue | 9:00 |\n| --- | --- | --- | --- |\n"
                       "| Wed | `x\\|y` | Thu | `late` bus |\n"));
    free(md);
    char *txt = run(page, WINNOW_FORMAT_TEXT);
    CHECK(contains(txt, "\nNorth\t12\t2.10\nEast\t\t1.80\nWest\t9\t2.40\n"));
    CHECK(contains(txt, "\nWed\tx|y\tThu\tlate bus\n"));
    free(txt);
    /* Links in the cells after a dropped column keep their text and address. */
    char *linked = run_links(page);
    CHECK(contains(linked, "| Thu | `late` [bus](https://example.org/t) |\n"));
    free(linked);
}

/* Tables of one shape each repeat the header row (an API reference's "Name | Type"):
 * every table keeps it, and a row two tables share stays in both.  A second copy of a
 * whole table (a layout's duplicate) does not come out twice.  (Rows are 40 bytes or
 * more: shorter lines may repeat anyway.) */
static void test_shared_rows(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p><h2>Buses</h2>"
             "<div><table><tr><th>Attribute name in the feed</th><th>Data type and format</th></tr>"
             "<tr><td>route_number</td><td>integer</td></tr>"
             "<tr><td>operator_name_text</td><td>string of letters, at most 70</td></tr></table></div>"
             "<p>%s</p><h2>Trams</h2>"
             "<div><table><tr><th>Attribute name in the feed</th><th>Data type and format</th></tr>"
             "<tr><td>line_colour_name</td><td>a colour name or a hex code</td></tr>"
             "<tr><td>operator_name_text</td><td>string of letters, at most 70</td></tr></table></div>"
             "<p>%s</p>"
             "<section><table><tr><th>Attribute name in the feed</th><th>Data type and format</th></tr>"
             "<tr><td>line_colour_name</td><td>a colour name or a hex code</td></tr>"
             "<tr><td>operator_name_text</td><td>string of letters, at most 70</td></tr></table>"
             "</section></article></body></html>", PROSE, PROSE, PROSE);
    char *md = run(page, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "## Buses\n\n| Attribute name in the feed | Data type and format |\n| --- | --- |\n"
                       "| route_number | integer |\n| operator_name_text | string of letters, at most 70 |\n"));
    CHECK(contains(md, "## Trams\n\n| Attribute name in the feed | Data type and format |\n| --- | --- |\n"
                       "| line_colour_name | a colour name or a hex code |\n"
                       "| operator_name_text | string of letters, at most 70 |\n"));
    const char *once = md ? strstr(md, "| line_colour_name") : NULL;
    CHECK(once && !contains(once + 1, "| line_colour_name"));
    free(md);
}

/* A cell spanning rows (rowspan) leaves an empty cell in its column of each row below
 * it, so the cells after it keep their columns -- also the last column, which a short
 * row never reaches, and with a colspan beside it. */
static void test_row_spans(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p>"
             "<table><tr><th>Year</th><th>Physics</th><th>Peace</th><th>Economics</th></tr>"
             "<tr><td>1901</td><td>Roentgen</td><td>Dunant</td><td rowspan=3>none yet</td></tr>"
             "<tr><td>1902</td><td rowspan=\"2\">Lorentz</td><td>Ducommun</td></tr>"
             "<tr><td>1903</td><td>Cremer</td></tr>"
             "<tr><td rowspan=2>1904</td><td colspan=2>not awarded</td><td>Smith</td></tr>"
             "<tr><td>Rayleigh</td><td>Moneta</td><td>Jones</td></tr></table>"
             "<p>%s</p></article></body></html>", PROSE, PROSE);
    char *md = run(page, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "| Year | Physics | Peace | Economics |\n| --- | --- | --- | --- |\n"
                       "| 1901 | Roentgen | Dunant | none yet |\n"
                       "| 1902 | Lorentz | Ducommun |  |\n"
                       "| 1903 |  | Cremer |  |\n"
                       "| 1904 | not awarded |  | Smith |\n"
                       "|  | Rayleigh | Moneta | Jones |\n"));
    free(md);
    char *txt = run(page, WINNOW_FORMAT_TEXT);
    CHECK(contains(txt, "\n1903\t\tCremer\t\n"));
    free(txt);
}

/* A reference's syntax table holds one line of code in a <pre> per cell: it is data,
 * the line inline code in its cell; code of several lines in a cell (a listing with a
 * line-number column) keeps the table out of rows, the code one fenced block. */
static void test_code_cells(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p>"
             "<table><tr><th>Syntax:</th><td><code><strong>rewrite_log</strong> on | off;</code>"
             "</td></tr><tr><th>Default:</th><td><pre>\n  rewrite_log off;\n</pre></td></tr>"
             "<tr><th>Context:</th><td><code>http</code>, <code>server</code></td></tr></table>"
             "<p>%s</p>"
             "<table><tr><td><pre>1\n2</pre></td><td><pre>if (late)\n    wait();</pre></td></tr>"
             "<tr><td>3</td><td>done</td></tr></table>"
             "<p>%s</p></article></body></html>", PROSE, PROSE, PROSE);
    char *md = run(page, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\n| Syntax: | `rewrite_log on \\| off;` |\n| --- | --- |\n"
                       "| Default: | `rewrite_log off;` |\n| Context: | `http`, `server` |\n"));
    CHECK(contains(md, "if (late)\n    wait();\n```\n"));
    CHECK(!contains(md, "| 3 |"));
    free(md);
}

/* A row that is mostly a link (a company's linked name beside its figures) stays in a
 * table that keeps at least as many rows; a grid of links with one row of text stays
 * navigation. */
static void test_linked_rows(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p>"
             "<table><tr><th>Company</th><th>Market cap</th><th>Sector</th></tr>"
             "<tr><td>Northern Buses Holdings</td><td>$26.6 billion</td><td>Transport</td></tr>"
             "<tr><td><a href=\"/q/tdx\">The Trade Desk Company (NASDAQ:TTD)</a></td>"
             "<td>$18.0 billion</td><td>Media</td></tr>"
             "<tr><td>City Trams Group</td><td>$2.1 billion</td><td>Transport</td></tr></table>"
             "<p>%s</p>"
             "<table><tr><td>Guides to forming a company by state</td><td>updated weekly</td></tr>"
             "<tr><td><a href=\"/al\">Alabama LLC</a></td><td><a href=\"/ak\">Alaska LLC</a></td></tr>"
             "<tr><td><a href=\"/az\">Arizona LLC</a></td><td><a href=\"/ar\">Arkansas LLC</a></td></tr>"
             "</table><p>%s</p></article></body></html>", PROSE, PROSE, PROSE);
    char *md = run(page, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "| Northern Buses Holdings | $26.6 billion | Transport |\n"
                       "| The Trade Desk Company (NASDAQ:TTD) | $18.0 billion | Media |\n"));
    CHECK(!contains(md, "Alabama LLC") && !contains(md, "Arkansas LLC"));
    free(md);
}

/* A cell without text that shows a picture reads as its alt text (a logo heading a
 * column, an icon saying "Unavailable"), in Markdown and in text; a cell with text keeps
 * only its text; a linked picture (a button) and an alt text that describes (a portrait's
 * caption) leave the cell empty; an icon named for a check mark still reads "Yes".
 * (Which tables hold data still counts such a cell as empty.) */
static void test_alt_cells(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p>"
             "<table><tr><th></th><th><img src=\"/l.svg\" alt=\"Aura\"></th><th>Rival</th></tr>"
             "<tr><th>Free trial</th><td><img src=\"/a.svg\" alt=\"Available\"><div>14 days.</div></td>"
             "<td><span><img src=\"/x.svg\" alt=\" Unavailable \"></span></td></tr>"
             "<tr><th>Support</th><td><a href=\"/buy\"><img src=\"/b.png\" alt=\"Buy now\"></a></td>"
             "<td><img src=\"/p.jpg\" alt=\"Ken Smith - The Arbor Planner\"></td></tr>"
             "<tr><th>Reports</th><td><img src=\"/tick.png\" alt=\"Included\"></td>"
             "<td>Weekly</td></tr><tr><th>Price</th><td>$12</td><td>$20</td></tr>"
             "<tr><th>Devices</th><td>10</td><td>5</td></tr></table>"
             "<p>%s</p></article></body></html>", PROSE, PROSE);
    char *md = run(page, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\n|  | Aura | Rival |\n| --- | --- | --- |\n"
                       "| Free trial | 14 days. | Unavailable |\n| Support |  |  |\n"
                       "| Reports | Yes | Weekly |\n"));
    free(md);
    char *txt = run(page, WINNOW_FORMAT_TEXT);
    CHECK(contains(txt, "\tAura\tRival\nFree trial\t14 days.\tUnavailable\n"));
    free(txt);
}

int main(void)
{
    winnow_global_init();
    rules = winnow_rules_new();
    char err[256];
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    test_empty_columns();
    test_shared_rows();
    test_row_spans();
    test_code_cells();
    test_linked_rows();
    test_alt_cells();
    winnow_rules_free(rules);
    return check_done();
}
