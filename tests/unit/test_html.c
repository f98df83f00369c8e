/* test_html.c -- the HTML path: pruning (attr rules, hidden markers, prose guard),
 * article selection, output formatting (br, lists, headings, inline spacing,
 * entities), structure (tables, code, lists), lists kept as a group, the title,
 * --explain paths, and pathological inputs (deep nesting,
 * a 20 MB page) that must finish fast without overflowing the stack. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "check.h"
#include "html_check.h"
#include "winnow/winnow.h"

static winnow_rules *rules;

/* Runs the HTML path with the default rules in format; returns the output (caller
 * frees). */
static char *run_with(const char *html, int no_title, winnow_format format,
                      winnow_page_type page_type)
{
    return html_output(rules, html, no_title, format, page_type);
}

static char *run_as(const char *html, int no_title, winnow_format format)
{
    return run_with(html, no_title, format, WINNOW_PAGE_AUTO);
}

static char *run(const char *html, int no_title)
{
    return run_as(html, no_title, WINNOW_FORMAT_TEXT);
}

static const char *PROSE =
    "The council voted on Tuesday to expand the bus network, adding three routes that "
    "will link the northern suburbs with the hospital, the university and the station.";

/* A page of the usual shape: nav, sidebar, the article, comments, footer. */
static void test_article_wins(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><head><title>Buses expand | City News</title></head><body>"
             "<nav><ul><li><a href=/>Home</a></li><li><a href=/n>News</a></li></ul></nav>"
             "<div class=sidebar><h3>Popular</h3><p>%s</p></div>"
             "<div id=main><article><h1>Buses expand</h1>"
             "<p>%s</p><p>Officials said the routes, which cost 4 million, start in May.</p>"
             "<p>%s</p></article>"
             "<div class=comments><h3>3 comments</h3><p>First! %s</p></div></div>"
             "<footer><p>Copyright 2024 City News. All rights reserved.</p></footer>"
             "</body></html>",
             "Sidebar text that is long enough to look like prose, with commas, and more, "
             "but it lives in a sidebar, so it must go.",
             PROSE, PROSE, "I think this is a comment, and comments are not the article.");
    char *out = run(page, 0);
    CHECK(out != NULL);
    CHECK(contains(out, "Buses expand\n\nThe council voted"));
    CHECK(contains(out, "start in May."));
    CHECK(!contains(out, "Sidebar text"));
    CHECK(!contains(out, "First!"));
    CHECK(!contains(out, "Copyright"));
    CHECK(!contains(out, "Home"));
    free(out);
}

static void test_hidden_and_rules(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<body><article><p>%s</p>"
             "<p hidden>Hidden attribute text.</p>"
             "<p aria-hidden=\"true\">Aria hidden text.</p>"
             "<p style=\"display: none\">Display none text.</p>"
             "<div style=\"visibility:hidden\">Invisible text.</div>"
             "<i-card popover id=learn><p>Popover card text.</p></i-card>"
             "<div class=\"share-bar\">Share on Facebook</div>"
             "<div class=\"newsletter-signup\">Subscribe to our newsletter</div>"
             "<div class=\"commentary\"><p>Commentary is prose, not comments: %s</p></div>"
             "<div class=\"shadow-box\"><p>A shadow box is not an ad, keep me. %s</p></div>"
             "<script>var x = 'script text';</script><style>p{}</style>"
             "<noscript>Enable JavaScript</noscript>"
             "<form><select><option>Option text</option></select><button>Go</button></form>"
             "<p>By Jane Doe and John Smith</p><p>Read more: Another story entirely</p>"
             "<p>%s</p></article></body>",
             PROSE, PROSE, PROSE, PROSE);
    char *out = run(page, 1);
    CHECK(out != NULL);
    CHECK(!contains(out, "Jane Doe"));
    CHECK(!contains(out, "Another story"));
    CHECK(!contains(out, "Hidden attribute"));
    CHECK(!contains(out, "Aria hidden"));
    CHECK(!contains(out, "Display none"));
    CHECK(!contains(out, "Invisible"));
    CHECK(!contains(out, "Popover card"));
    CHECK(!contains(out, "Share on"));
    CHECK(!contains(out, "Subscribe"));
    CHECK(contains(out, "Commentary is prose"));
    CHECK(contains(out, "A shadow box"));
    CHECK(!contains(out, "script text"));
    CHECK(!contains(out, "Enable JavaScript"));
    CHECK(!contains(out, "Option text"));
    free(out);
}

/* A body class naming a sidebar must not take the whole article with it. */
static void test_prose_guard(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<body><div class=\"layout sidebar-open\"><div class=post>"
             "<p>%s</p><p>%s</p><p>%s</p></div></div></body>",
             PROSE, PROSE, PROSE);
    char *out = run(page, 1);
    CHECK(contains(out, "The council voted"));
    free(out);
}

/* A consent platform's settings centre holds more prose than a short story; the size
 * guard that spares a chrome-classed article body must not spare it. */
static void test_consent_platform(void)
{
    char page[16384];
    const char *consent = "<p>We and our partners store and access information on your device, such "
                          "as cookies, and process personal data for personalised advertising, "
                          "content measurement, audience research and service development.</p>";
    snprintf(page, sizeof page,
             "<body><div class=post><p>%s</p></div>"
             "<div id=\"onetrust-consent-sdk\"><div id=\"onetrust-pc-sdk\">%s%s%s%s%s%s</div></div>"
             "</body>",
             PROSE, consent, consent, consent, consent, consent, consent);
    char *out = run(page, 1);
    CHECK(contains(out, "The council voted"));
    CHECK(!contains(out, "our partners store"));
    free(out);
}

/* A modal dialog (aria-modal) lies over the page -- a privacy policy a footer link
 * opens --: pruned however much of the page's text it holds.  Without aria-modal the
 * same long text is the page. */
static void test_modal_dialog(void)
{
    char page[16384];
    const char *policy = "<p>We process personal information for our legitimate purposes of "
                         "running our business, complying with applicable laws, and protecting "
                         "our websites, our business and our customers.</p>";
#define MODAL_PAGE "<body><div class=post><p>%s</p></div>" \
                   "<div id=modal-privacy %s role=dialog>%s%s%s%s%s%s</div></body>"
    snprintf(page, sizeof page, MODAL_PAGE, PROSE, "aria-modal='true'", policy, policy, policy,
             policy, policy, policy);
    char *out = run(page, 1);
    CHECK(contains(out, "The council voted"));
    CHECK(!contains(out, "legitimate purposes"));
    free(out);
    snprintf(page, sizeof page, MODAL_PAGE, PROSE, "aria-modal='false'", policy, policy, policy,
             policy, policy, policy);
    out = run(page, 1);
    CHECK(contains(out, "legitimate purposes"));
    free(out);
    /* A closed modal is also aria-hidden, after aria-modal (XenForo's terms dialog):
     * still a modal, pruned however long. */
    snprintf(page, sizeof page, MODAL_PAGE, PROSE, "aria-modal='true' aria-hidden='true'", policy,
             policy, policy, policy, policy, policy);
    out = run(page, 1);
    CHECK(contains(out, "The council voted"));
    CHECK(!contains(out, "legitimate purposes"));
    free(out);
#undef MODAL_PAGE
}

/* A shop's struck-out and sale prices sit in aria-hidden <del> and <ins> (WooCommerce
 * spells them for screen readers beside them): shown, so kept; other aria-hidden
 * text still goes. */
static void test_sale_price(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<body><article><h1>Blue Kettle</h1><p>%s</p>"
             "<p class=price><del aria-hidden=\"true\"><span>$30.00</span></del> "
             "<ins aria-hidden=\"true\"><span>$21.00</span></ins> "
             "<span aria-hidden=\"true\">icon-tag</span></p><p>%s</p></article></body>",
             PROSE, PROSE);
    char *out = run(page, 1);
    CHECK(contains(out, "$30.00"));
    CHECK(contains(out, "$21.00"));
    CHECK(!contains(out, "icon-tag"));
    free(out);
}

/* A <noscript> holding blocks is page content (a forum's thread for readers without
 * scripts); one that holds the script-less copy of a form -- a shop tile's variant
 * picker, a label and a <select> -- is not, nor one of a menu (short links, all of its
 * text), while one of tiles each wholly a link is.  A player's "Embed" box (the
 * <iframe> code to copy) is no text of the page. */
static void test_noscript_copies(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<body><article><h1>Roasts</h1><p>%s</p>"
             "<noscript><div class=form><label for=v>Product variants</label>"
             "<div class=select><select id=v><option>1 bag</option></select></div></div>"
             "</noscript>"
             "<noscript><div class=thread><p>Posted by Ann: the dark roast is the best "
             "one they have sold so far, smooth and not bitter at all.</p></div></noscript>"
             "<noscript><details><summary></summary><ul><li><a href=/n>Newsmenu</a></li>"
             "<li><a href=/s>Sport</a></li><li><a href=/w>Weather</a></li><li><a href=/t>"
             "Travel</a></li></ul></details></noscript>"
             "<noscript><div class=tiles><a href=/m1><div><h3>Tile laptop one</h3><p>From "
             "$599 or $49.91 a month for twelve months</p></div></a></div></noscript>"
             "<div class=audio-embed-overlay><label>Embed <input readonly value=x></label>"
             "<code>&lt;iframe src=\"https://example.com/player/1\"&gt;</code></div>"
             "<p>%s</p></article></body>",
             PROSE, PROSE);
    char *out = run(page, 1);
    CHECK(contains(out, "The council voted"));
    CHECK(contains(out, "the dark roast is the best"));
    CHECK(!contains(out, "Product variants"));
    CHECK(!contains(out, "Newsmenu"));
    CHECK(!contains(out, "iframe src"));
    free(out);
    /* On a page of entries, which keeps linked lines. */
    out = run_with(page, 1, WINNOW_FORMAT_TEXT, WINNOW_PAGE_COLLECTION);
    CHECK(contains(out, "Tile laptop one"));
    CHECK(!contains(out, "Newsmenu"));
    free(out);
}

static void test_formatting(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<body><article><h2>Sub  heading</h2>"
             "<p>Some <b>bold</b><i>italic</i> text, <a href=x>a link</a> and "
             "caf&eacute; &amp; cr&egrave;me &lt;tag&gt; in a sentence that is long enough.</p>"
             "<p>Line one<br>Line two<br/>Line three, and the sentence goes on for a while.</p>"
             "<ul><li>First item of the list</li><li>Second item of the list</li></ul>"
             "<p>%s</p><p>%s</p></article></body>",
             PROSE, PROSE);
    char *out = run(page, 1);
    CHECK(out != NULL);
    CHECK(contains(out, "Sub heading\n\nSome boldialic") == 0); /* no bogus joins */
    CHECK(contains(out, "Sub heading\n\n"));
    CHECK(contains(out, "Some bolditalic text, a link and caf\xC3\xA9 & cr\xC3\xA8me <tag> in"));
    CHECK(contains(out, "Line one\nLine two\nLine three"));
    CHECK(contains(out, "First item of the list\nSecond item of the list\n"));
    free(out);
}

/* Text of two elements, neither inside the other, that meet with no space: a change of
 * case or from letters to digits starts a word (the page's style sets the parts apart);
 * a word split over elements, letters split for an animation, <sup> and text around
 * an inline element stay as written. */
static void test_glued_parts(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<body><article><p>%s</p>"
             "<p><span><span>Merrell</span><span>Moab 3 Mid Waterproof Hiking Boots</span>"
             "</span></p><p><span>HOKA</span><span>Kaha 3 GTX</span></p>"
             "<p><span>Publication Year</span><span>2013</span></p>"
             "<p><span>Author</span><span>J. B. Mackinnon</span></p>"
             "<p><span>Super</span><span>market</span> and <b>W</b><b>A</b><b>Ve</b> "
             "and the 1<sup>st</sup> of May, <b>Mac</b>Kinnon, word<a href=x>Link</a></p>"
             "<p>%s</p></article></body>",
             PROSE, PROSE);
    char *out = run(page, 1);
    CHECK(out != NULL);
    CHECK(contains(out, "Merrell Moab 3 Mid"));
    CHECK(contains(out, "HOKA Kaha 3"));
    CHECK(contains(out, "Publication Year 2013"));
    CHECK(contains(out, "Author J. B."));
    CHECK(contains(out, "Supermarket and WAVe and the 1st of May, MacKinnon, wordLink"));
    free(out);
}

static void test_title(void)
{
    char page[4096];
    snprintf(page, sizeof page,
             "<html><head><title>A long headline here - The Daily Site</title></head>"
             "<body><article><p>%s</p><p>%s</p></article></body></html>",
             PROSE, PROSE);
    char *out = run(page, 0);
    CHECK(out && strncmp(out, "A long headline here\n\n", 22) == 0);
    free(out);
    snprintf(page, sizeof page,
             "<html><head><meta property=\"og:title\" content=\"OG headline\">"
             "<title>Other | Site</title></head>"
             "<body><article><p>%s</p><p>%s</p></article></body></html>",
             PROSE, PROSE);
    out = run(page, 0);
    CHECK(out && strncmp(out, "OG headline\n", 12) == 0);
    free(out);
}

static void test_explain_path(void)
{
    char page[4096];
    snprintf(page, sizeof page,
             "<body><div id=main><article><p>%s</p><p>%s Again.</p></article></div></body>",
             PROSE, PROSE);
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_HTML;
    o.explain = 1;
    o.rules = rules;
    winnow_result r;
    CHECK(winnow_extract(page, strlen(page), &o, &r) == WINNOW_OK);
    CHECK(r.n_explain == 2);
    if (r.n_explain == 2) {
        CHECK_STR(r.explain[1].where, "html>body>div#main>article>p[2]");
        CHECK(r.explain[1].decision == WINNOW_KEEP);
    }
    winnow_result_free(&r);
}

/* The time limit is for a normal build; sanitizers make everything several times slower. */
#ifdef __SANITIZE_ADDRESS__
#define LIMIT 10.0
#else
#define LIMIT 2.0
#endif

/* Inside code a highlighter's token classes ("token comment", "hljs-comment") are not
 * the page's comment section: the code keeps its comment lines; the classes still
 * prune outside code. */
static void test_code_tokens(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p>"
             "<pre class=\"language-js\"><code><span class=\"token comment\">// Update the title"
             "</span>\ndocument.title = title;\n<span class=\"hljs-comment\">/* done */</span>"
             "\n</code></pre><p>%s</p><div class=\"comments\"><p>First! %s</p></div>"
             "</article></body></html>", PROSE, PROSE, PROSE);
    char *md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\n```js\n// Update the title\ndocument.title = title;\n/* done */\n```\n"));
    CHECK(!contains(md, "First!"));
    free(md);
}

/* mdBook's example lines hidden until asked (<span class="boring">) are not the code
 * shown; the lines around them stay, indentation and all. */
static void test_hidden_code_lines(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p>"
             "<pre><code class=\"language-rust\"><span class=\"boring\">use std::fmt;\n"
             "</span>fn main() {\n    let x = 1;\n<span class=\"boring\">    setup();\n</span>"
             "    println!(\"{x}\");\n}\n</code></pre><p>%s</p></article></body></html>",
             PROSE, PROSE);
    char *md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\n```rust\nfn main() {\n    let x = 1;\n    println!(\"{x}\");\n}\n```\n"));
    CHECK(!contains(md, "use std::fmt") && !contains(md, "setup()"));
    free(md);
}

/* A playground's "Run" link drawn over the code (an <a> straight inside the <pre>,
 * before its <code>) is no line of the code; a link inside the code stays. */
static void test_code_button(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p>"
             "<pre><a class=\"run\" href=\"https://play.example.org/?code=x\">Run</a>"
             "<code class=\"language-rust\">#[no_mangle]\npub fn f() {}\n</code></pre>"
             "<p>%s</p><pre><code>see <a href=\"/docs\">docs</a>\n</code></pre>"
             "<p>%s</p></article></body></html>", PROSE, PROSE, PROSE);
    char *md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\n```rust\n#[no_mangle]\npub fn f() {}\n```\n"));
    CHECK(!contains(md, "Run"));
    CHECK(contains(md, "\n```\nsee docs\n```\n"));
    free(md);
}

/* An empty <pre> (a video embed's placeholder) makes no block, and the paragraph after
 * it is a paragraph, not code. */
static void test_empty_pre(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p><div class=\"embed\"><pre></pre></div>"
             "<p>You might find  these habits familiar.</p><pre> </pre><div>A line after.</div>"
             "<p>%s</p></article></body></html>", PROSE, PROSE);
    char *md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\n\nYou might find these habits familiar.\n\nA line after.\n"));
    CHECK(!contains(md, "```"));
    free(md);
}

/* Structure from the block walker (html_blocks.c, html_tables.c, html_code.c): a data
 * table's row is one block whatever its cells hold; a one-column table, or one holding
 * a table, is layout; code is one block with its language, its indentation and no
 * gutter; items keep their numbers, depth and later paragraphs. */
static void test_structure(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p>"
             "<table><tr><th>City</th><th>Routes</th></tr>"
             "<tr><td><div>North</div><div>side</div></td><td>3<br>new</td></tr>"
             "<tr><td colspan=2>Total: 7</td></tr></table>"
             "<table><tr><td>Only one column</td></tr><tr><td>of layout</td></tr></table>"
             "<table><tr><td><table><tr><td>inner a</td><td>inner b</td></tr>"
             "<tr><td>c</td><td>d</td></tr></table></td>"
             "<td>outer</td></tr><tr><td>x</td><td>y</td></tr></table>"
             "<ol start=4><li>fourth<ul><li>nested</li></ul></li><li value=9><p>ninth</p>"
             "<p>more of the ninth</p></li></ol>"
             "<table class=highlight><tr><td class=gutter><pre>1\n2</pre></td><td><pre>"
             "<code class='language-c'><span>int main(void)\n</span>"
             "<div>    return 0;</div></code></pre></td></tr></table>"
             "<p>%s</p></article></body></html>",
             PROSE, PROSE);
    char *md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\n\n| City | Routes |\n| --- | --- |\n| North side | 3 new |\n"
                       "| Total: 7 |  |\n\n"));
    CHECK(contains(md, "\n\nOnly one column\nof layout\n"));
    CHECK(contains(md, "\n| inner a | inner b |\n| --- | --- |\n"));
    CHECK(!contains(md, "| outer"));
    CHECK(contains(md, "\n4. fourth\n   - nested\n9. ninth\n\n   more of the ninth\n"));
    CHECK(contains(md, "\n```c\nint main(void)\n    return 0;\n```\n"));
    free(md);
    char *txt = run(page, 1);
    CHECK(contains(txt, "\nCity\tRoutes\nNorth side\t3 new\nTotal: 7\t\n"));
    free(txt);

    /* A heading or a list in a cell is data; a cell holding an article is layout. */
    char big[2048];
    memset(big, 'x', 1600);
    big[1600] = '\0';
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p>"
             "<table><tr><td><h4>Ingredient</h4></td><td><h4>Amount</h4></td></tr>"
             "<tr><td>Onions</td><td><ul><li>one</li><li>two</li></ul></td></tr></table>"
             "<table><tr><td>menu</td><td><p>%s</p></td></tr><tr><td>a</td><td>b</td></tr>"
             "</table><p>%s</p></article></body></html>", PROSE, big, PROSE);
    md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\n| Ingredient | Amount |\n| --- | --- |\n| Onions | one two |\n"));
    CHECK(contains(md, "\n\nxxxxxxxx") && !contains(md, "| menu"));
    free(md);

    /* Shiki's lines are spans whose end CSS draws: each is a line of the code, with or
     * without a newline after it; a "line-numbers" class is no line. */
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p><pre><code><span class='line'>npm create vite"
             "</span><span class=\"line highlighted\">cd my-project</span>\n<span class=line>"
             "npm run dev</span><span class=line-numbers>x</span><span>y</span></code></pre>"
             "<p>%s</p></article></body></html>", PROSE, PROSE);
    md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\n```\nnpm create vite\ncd my-project\nnpm run dev\nxy\n```\n"));
    free(md);

    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p><p>Call <code> malloc()</code>, then"
             " <code>free</code><code>()</code> it; <kbd>Ctrl</kbd>+<kbd>C</kbd> stops.</p>"
             "<div class=\"highlight-default notranslate\"><div class=highlight><pre>"
             "s = requests.Session()\n</pre></div></div>"
             "<p>%s</p></article></body></html>", PROSE, PROSE);
    md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\nCall `malloc()`, then `free()` it; `Ctrl`+`C` stops.\n"));
    /* Sphinx's "highlight-default" names no language: a bare fence. */
    CHECK(contains(md, "\n```\ns = requests.Session()\n```\n"));
    free(md);
    txt = run(page, 1);
    CHECK(contains(txt, "\nCall malloc(), then free() it; Ctrl+C stops.\n"));
    free(txt);
}

/* A list of links that a kept sentence introduces, inside the story, is content
 * (html_groups.c); the same list without the sentence is navigation. */
static void test_introduced_list(void)
{
    char page[8192];
    const char *links = "<ul><li><a href=/a>Fix the parser for long lines</a></li>"
                        "<li><a href=/b>Add support for the weak attribute</a></li>"
                        "<li><a href=/c>Allow casts between integers and pointers</a></li></ul>";
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p><p>Many patches were sent for review:</p>%s"
             "<p>%s</p></article></body></html>", PROSE, links, PROSE);
    char *out = run(page, 1);
    CHECK(contains(out, "Fix the parser for long lines\nAdd support"));
    free(out);
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p><p>Many patches were sent for review.</p>%s"
             "<p>%s</p></article></body></html>", PROSE, links, PROSE);
    out = run(page, 1);
    CHECK(out && !contains(out, "Fix the parser"));
    free(out);
}

/* A short post whose sentences link a word or two (html_classify.c, link_cap and
 * prose_value): the sentences are the post's, a menu of the same link share is not. */
static void test_linked_sentences(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><div class=post><h2>A good couple of days</h2>"
             "<p>Today <a href=/a>we</a> launched something <a href=/b>large and serious</a> "
             "in a sober way.</p>"
             "<p>Yesterday <a href=/c>we</a> launched <a href=/d>something small, silly</a>, "
             "in a <a href=/e>noisy way</a>.</p><p>%s</p></div>"
             "<div class=menu><p><a href=/1>Archives for October</a> and "
             "<a href=/2>November</a></p></div></body></html>", PROSE);
    char *out = run(page, 1);
    CHECK(contains(out, "Today we launched something large and serious in a sober way."));
    CHECK(contains(out, "Yesterday we launched something small, silly, in a noisy way."));
    CHECK(contains(out, "The council voted"));
    CHECK(out && !contains(out, "Archives for October"));
    free(out);
}

/* A list drawn as a div per "\u2022 item" after the sentence that announces it is the
 * story's list, as a <ul> would be (html_classify.c, bulleted). */
static void test_bullet_paragraphs(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><div class=post><p>%s</p><p>The buses will stop at:</p>"
             "<div>\xE2\x80\xA2 the hospital</div><div>\xE2\x80\xA2 the university</div>"
             "<div>\xE2\x80\xA2 the station</div></div></body></html>", PROSE);
    char *out = run(page, 1);
    CHECK(contains(out, "\xE2\x80\xA2 the hospital"));
    CHECK(contains(out, "\xE2\x80\xA2 the station"));
    free(out);
}

/* Short lines beside the story's paragraphs, in the same element -- a schedule written
 * as paragraphs after it, a line that opens it -- are the story's; short lines in the
 * next element are not (html_classify.c, story_body). */
/* A blog's two columns under one wrapper: the post, deep in its column, and a sidebar
 * of dated teasers whose points the wrapper collects too.  The wrapper outscores the
 * post's own ancestors only by that second column: it is not the post's wrapper
 * (html_score.c). */
static void test_second_column(void)
{
    char page[12000];
    int n = snprintf(page, sizeof page,
                     "<html><head><title>A dock for two brands</title></head><body>"
                     "<div id=blog><div id=main><div id=content><div class=post>"
                     "<h1>A dock for two brands</h1><div class=entry>");
    for (int k = 0; k < 5; k++)
        n += snprintf(page + n, sizeof page - (size_t)n, "<p>%s</p>", PROSE);
    n += snprintf(page + n, sizeof page - (size_t)n, "</div></div></div></div><div id=side>");
    for (int k = 0; k < 6; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<div class=recent><p>November %d</p><p>Teaser %d of another post, "
                      "long enough to read as a paragraph, with commas, a clause, and more.</p>"
                      "</div>",
                      k + 1, k);
    snprintf(page + n, sizeof page - (size_t)n, "</div></div></body></html>");
    char *out = run(page, 1);
    CHECK(out && contains(out, "The council voted"));
    CHECK(out && !contains(out, "Teaser 3 of another post"));
    free(out);
}

/* A post whose body is one <div> of text and <br>s, marked as the post's body, beside
 * a profile of three paragraphs: the hint counts though the div holds no paragraph. */
static void test_text_body_hint(void)
{
    char page[8192];
    int n = snprintf(page, sizeof page,
                     "<html><body><div id=outer><div id=main-wrapper><div class=blog-posts>"
                     "<div class=post><h3>Honor flight</h3><div class='post-body entry-content'>"
                     "Video trailer for the documentary, saluting the men who helped to save "
                     "the world!<br><br>Every day, 1,000 veterans who risked their lives so "
                     "that we can live free die.<br><br>H/T Common Cents</div></div></div></div>"
                     "<div id=sidebar-wrapper><div class=widget><div class=widget-content><dl><dd>");
    for (int k = 0; k < 3; k++)
        n += snprintf(page + n, sizeof page - (size_t)n,
                      "<p>Profile line %d: I write this blog, with commentary, opinion, and "
                      "analysis of the issues, every day.</p>", k);
    snprintf(page + n, sizeof page - (size_t)n, "</dd></dl></div></div></div></div></body></html>");
    char *out = run(page, 1);
    CHECK(contains(out, "Video trailer for the documentary"));
    CHECK(contains(out, "H/T Common Cents"));
    free(out);
}

static void test_story_siblings(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><div class=post><div class=body><p>Screenings, in brief</p>"
             "<p>%s</p><p>%s</p><p>Upcoming screenings:</p>"
             "<p>Austin, TX - The Drafthouse (<a href=/t>Tickets</a>)</p>"
             "<p>Denver, CO - The Esquire (Friday only)</p></div>"
             "<div class=foot><p>Filed in cinema</p><p>Shared 12 times</p></div></div>"
             "</body></html>", PROSE, PROSE);
    char *out = run(page, 1);
    CHECK(contains(out, "Screenings, in brief"));
    CHECK(contains(out, "Austin, TX - The Drafthouse (Tickets)"));
    CHECK(contains(out, "Denver, CO - The Esquire (Friday only)"));
    CHECK(out && !contains(out, "Filed in cinema"));
    CHECK(out && !contains(out, "Shared 12 times"));
    free(out);
}

/* The writer's bio and the blog's recent posts under a story end it (default.rules,
 * author-bio and related-start). */
static void test_story_ends(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><div class=post><p>%s</p><p>%s</p><h3>About the author</h3>"
             "<p>Jane Roe has covered the council for twenty years, and writes a weekly "
             "column on the city's budget.</p></div></body></html>", PROSE, PROSE);
    char *out = run(page, 1);
    CHECK(contains(out, "The council voted"));
    CHECK(out && !contains(out, "twenty years"));
    free(out);
}

/* Attributes named as script frameworks name them ("@click", "(click)", "[value]") are
 * dropped before libxml2 reads the tag: it would end the tag at the '>' of an arrow
 * function in the value and print the rest as text (html_attrs.c, unreadable_name). */
static void test_script_attributes(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><div class=top><ul @close=\"open = false; $nextTick( () => "
             "$refs.button.focus() )\" x-init=\"menu = [{'post_title':'Secret menu data',"
             "'post_status':'publish','comment_status':'closed','ping_status':'closed',"
             "'post_name':'secret-menu-data','to_ping':'','pinged':''}]\">"
             "<li><a href=/>Home</a></li></ul><button (click)=\"go() > 1\" [value]=\"a > b\">"
             "Go</button></div><article><p>%s</p><p>%s</p></article></body></html>",
             PROSE, PROSE);
    char *out = run(page, 1);
    CHECK(contains(out, "The council voted"));
    CHECK(out && !contains(out, "focus()"));
    CHECK(out && !contains(out, "Secret menu data"));
    CHECK(out && !contains(out, "1\""));
    free(out);
}

static double secs(clock_t a, clock_t b) { return (double)(b - a) / CLOCKS_PER_SEC; }

static void test_deep_nesting(void)
{
    size_t depth = 100000;
    size_t cap = depth * 11 + 1024;
    char *page = malloc(cap);
    size_t n = 0;
    n += (size_t)sprintf(page + n, "<html><body>");
    for (size_t i = 0; i < depth; i++) n += (size_t)sprintf(page + n, "<div>");
    n += (size_t)sprintf(page + n, "deep text");
    for (size_t i = 0; i < depth; i++) n += (size_t)sprintf(page + n, "</div>");
    n += (size_t)sprintf(page + n, "</body></html>");
    clock_t t0 = clock();
    char *out = run(page, 1);
    double t = secs(t0, clock());
    CHECK(out != NULL);
    CHECK(t < LIMIT);
    free(out);
    free(page);
}

static void test_huge_page(void)
{
    size_t paras = 200000;
    size_t cap = (size_t)32 << 20;
    char *page = malloc(cap);
    size_t n = (size_t)sprintf(page, "<html><body><div class=content>");
    for (size_t i = 0; i < paras && n + 200 < cap; i++)
        n += (size_t)sprintf(page + n,
                             "<p>Paragraph %zu of the long page, with a comma, some words, "
                             "and a full stop to look like prose for the scorer.</p>\n", i);
    n += (size_t)sprintf(page + n, "</div></body></html>");
    CHECK(n > ((size_t)19 << 20));
    clock_t t0 = clock();
    char *out = run(page, 1);
    double t = secs(t0, clock());
    CHECK(out != NULL);
    CHECK(contains(out, "Paragraph 199999 of the long page"));
    CHECK(t < LIMIT);
    if (t >= LIMIT) fprintf(stderr, "huge page took %.2fs\n", t);
    free(out);
    free(page);
}

/* Runs the HTML path with the page type forced; returns the output (caller frees). */
static char *run_typed(const char *html, winnow_page_type type)
{
    return run_with(html, 1, WINNOW_FORMAT_TEXT, type);
}

/* Each page type reads the page its way: an article keeps its story and loses the
 * reader comments (pruned by the "engagement" rules); a forum thread is made of such
 * "comments", so it keeps every post and reads the page whole; a listing keeps its
 * entries, which are links. */
static void test_page_type_policies(void)
{
    char page[6000] = "<html><body><div class=menu><a href=/>Home</a> <a href=/f>Forums</a></div>"
                      "<div class=thread><p>How do I stop my kettle from switching off before "
                      "the water boils? It clicks off after a minute every time, and descaling "
                      "did not help at all, so I am out of ideas.</p></div>";
    static const char *const replies[] = {"Replyone", "Replytwo", "Replythree", "Replyfour"};
    for (int k = 0; k < 4; k++) {
        size_t n = strlen(page);
        snprintf(page + n, sizeof page - n,
                 "<div class=comment><p>%s: check the thermostat contacts under the base; "
                 "mine were corroded and a little contact cleaner fixed it for good, after "
                 "months of the same trouble you describe.</p></div>",
                 replies[k]);
    }
    strcat(page, "</body></html>");
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    char *forum = run_typed(page, WINNOW_PAGE_FORUM);
    CHECK(contains(article, "kettle from switching off"));
    CHECK(!contains(article, "Replytwo"));          /* comments are not the article */
    CHECK(contains(forum, "kettle from switching off"));
    for (int k = 0; k < 4; k++) CHECK(contains(forum, replies[k])); /* every post */
    CHECK(!contains(forum, "Forums"));               /* the menu stays out */
    free(article);
    free(forum);

    static const char listing[] =
        "<html><body><h1>Kettle reviews</h1><p>Every kettle we tested this year, newest "
        "first, with the verdict of our testers in one line.</p>"
        "<ul class=posts><li><a href=/a>The Blue Kettle boils fast and quietly</a></li>"
        "<li><a href=/b>The Red Kettle looks good but leaks at the spout</a></li>"
        "<li><a href=/c>The Steel Kettle is the one to buy this winter</a></li></ul>"
        "</body></html>";
    char *as_article = run_typed(listing, WINNOW_PAGE_ARTICLE);
    char *as_listing = run_typed(listing, WINNOW_PAGE_LISTING);
    CHECK(!contains(as_article, "Red Kettle looks good")); /* link lines are navigation */
    CHECK(contains(as_listing, "Red Kettle looks good"));   /* ... or a listing's entries */
    CHECK(contains(as_listing, "Steel Kettle"));
    free(as_article);
    free(as_listing);
}

/* A product page that shows no description (a script draws it) gets the one it
 * declares, as does a collection that shows nothing; an article never does. */
static void test_declared_description(void)
{
    static const char page[] =
        "<html><head><script type='application/ld+json'>{\"@type\":\"Product\",\"name\":"
        "\"Blue Kettle\",\"description\":\"A stainless kettle that boils 1.7 litres in "
        "three minutes.\"}</script></head><body><h1>Blue Kettle</h1><p>$49.99</p>"
        "<div id=desc></div></body></html>";
    char *as_product = run_typed(page, WINNOW_PAGE_PRODUCT);
    char *as_article = run_typed(page, WINNOW_PAGE_ARTICLE);
    CHECK(contains(as_product, "boils 1.7 litres in three minutes"));
    CHECK(!contains(as_article, "boils 1.7 litres"));
    free(as_product);
    free(as_article);

    /* Shop furniture around it (delivery, returns) does not hide that the page lacks
     * the description it declares; one the page shows, in its own typography and
     * split over blocks, is not repeated. */
    static const char full[] =
        "A stainless kettle that boils 1.7 litres in three minutes and switches itself off "
        "when the water is ready. The base turns all the way round, the filter lifts out "
        "for cleaning, and the window shows the level from either side of the handle. It "
        "comes with a two-year guarantee and a descaling sachet for the first month.";
    static const char shop[] =
        "<p>Free delivery on orders over fifty pounds to every address on the mainland, "
        "usually within three working days of the order.</p><p>Returns are free for thirty "
        "days: print the label from your account and drop the parcel at any post office "
        "near you.</p>";
    char page2[4096];
    snprintf(page2, sizeof page2,
             "<html><head><script type='application/ld+json'>{\"@type\":\"Product\",\"name\":"
             "\"Blue Kettle\",\"description\":\"%s\"}</script></head><body><h1>Blue Kettle</h1>"
             "<p>$49.99</p>%s</body></html>", full, shop);
    char *missing = run_typed(page2, WINNOW_PAGE_PRODUCT);
    CHECK(contains(missing, "descaling sachet for the first month"));
    CHECK(contains(missing, "Returns are free"));
    free(missing);
    snprintf(page2, sizeof page2,
             "<html><head><script type='application/ld+json'>{\"@type\":\"Product\",\"name\":"
             "\"Blue Kettle\",\"description\":\"%s\"}</script></head><body><h1>Blue Kettle</h1>"
             "<p>$49.99</p><p>A stainless kettle that boils 1.7 litres in three minutes and "
             "switches itself off when the water is ready.</p><h2>Details</h2><p>The base turns "
             "all the way round, the filter lifts out for cleaning, and the window shows the "
             "level from either side of the handle. It comes with a two\u2011year guarantee and "
             "a descaling sachet for the first month.</p>%s</body></html>", full, shop);
    char *shown = run_typed(page2, WINNOW_PAGE_PRODUCT);
    const char *first = shown ? strstr(shown, "descaling sachet") : NULL;
    CHECK(first != NULL);
    CHECK(first && !strstr(first + 1, "descaling sachet"));
    free(shown);

    /* A shop's collection drawn by a script shows only its search prompt: its declared
     * description stands in; one whose tiles show does not get it. */
    static const char bare[] =
        "<html><head><meta name=description content='Mesh office chairs built for the ways "
        "you live and work, with free shipping.'></head><body><h1>Mesh Office Chair</h1>"
        "<p>What can we help you find?</p><div id=app></div></body></html>";
    char *collection = run_typed(bare, WINNOW_PAGE_COLLECTION);
    CHECK(contains(collection, "built for the ways you live"));
    free(collection);
    char tiles[4096];
    snprintf(tiles, sizeof tiles, "<html><head><meta name=description content='Mesh office "
             "chairs built for the ways you live and work.'></head><body><h1>Mesh Office "
             "Chair</h1><ul>");
    for (int k = 0; k < 6; k++) {
        size_t n = strlen(tiles);
        snprintf(tiles + n, sizeof tiles - n, "<li><a href=/c%d>Ergonomic mesh chair "
                 "model %d with lumbar support</a> <span>$%d9.00</span></li>", k, k, k + 2);
    }
    strcat(tiles, "</ul></body></html>");
    collection = run_typed(tiles, WINNOW_PAGE_COLLECTION);
    CHECK(contains(collection, "model 3"));
    CHECK(!contains(collection, "built for the ways you live"));
    free(collection);
}

static void test_bare_urls(void)
{
    /* A line that is only a URL, or "name: URL", is page data; a sentence naming a URL
     * is text. */
    static const char page[] =
        "<html><body><article><p>The kettle boils 1.7 litres in three minutes and switches "
        "itself off when the water is ready, which our testers liked a great deal.</p>"
        "<p>https://cdn.example.test/images/kettle_blue_thumb.jpg</p>"
        "<p>cat_thumb_Blue: https://cdn.example.test/images/kettle_blue.jpg</p>"
        "<p>The maker's manual is at https://example.test/manual for those who want it.</p>"
        "</article></body></html>";
    char *out = run(page, 1);
    CHECK(contains(out, "boils 1.7 litres"));
    CHECK(!contains(out, "kettle_blue_thumb.jpg"));
    CHECK(!contains(out, "cat_thumb_Blue"));
    CHECK(contains(out, "manual is at https://example.test/manual"));
    free(out);
}

/* A list of bare numbers is a widget -- a star rating's buttons, a pager -- and goes;
 * a list with one number among words, and a list of years, are text. */
static void test_number_lists(void)
{
    static const char page[] =
        "<html><body><article><h2>Osprey Atmos</h2>"
        "<ul class=\"rating\"><li>1</li><li>2</li><li>3</li><li>4</li><li>5</li></ul>"
        "<p>The kettle boils 1.7 litres in three minutes and switches itself off when the "
        "water is ready, which our testers liked a great deal.</p>"
        "<ol><li>1</li><li>2</li><li>&hellip;</li><li>9</li></ol>"
        "<ul><li>Pack 2</li><li>7</li></ul><ul><li>1998</li><li>2004</li></ul>"
        "<p>It costs less than the others and it holds more water than any of them.</p>"
        "</article></body></html>";
    char *out = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(out, "boils 1.7 litres"));
    CHECK(!contains(out, "- 1\n"));
    CHECK(!contains(out, "1. 1\n"));
    CHECK(!contains(out, ". 9\n"));
    CHECK(contains(out, "- Pack 2\n- 7\n"));
    CHECK(contains(out, "- 1998\n- 2004\n"));
    free(out);
}

/* A heading wrapping block elements (a page builder's "<h3><div><p>Title</p></div>
 * </h3>") is still a heading; a heading element wrapping a whole section is not one
 * heading of all its paragraphs. */
static void test_wrapped_heading(void)
{
    static const char page[] =
        "<html><body><article><p>The council voted on Tuesday to expand the bus network, "
        "adding three routes that will link the northern suburbs with the hospital.</p>"
        "<h3><div><p>What changes for riders</p></div></h3>"
        "<p>Fares stay as they are until the spring, when the council will look at them "
        "again with the operators and the riders' association.</p>"
        "<h2><div><p>The routes are numbered from the north, the first reaching the "
        "hospital by nine, the second the university by ten, and the third the station by "
        "noon on weekdays.</p><p>On Sundays the three run every half hour from eight in "
        "the morning, and the operators will add buses in the summer if the riders come; "
        "the council will count them in June and again in September before it sets the "
        "winter timetable.</p></div></h2>"
        "</article></body></html>";
    char *out = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(out, "\n### What changes for riders\n"));
    CHECK(contains(out, "\nThe routes are numbered"));
    CHECK(contains(out, "\nOn Sundays the three"));
    free(out);
}

/* A comparison table's icon cells spell their value for screen readers only: that
 * text is the cell's value and stays; screen-reader text beside a cell's own text
 * still goes. */
static void test_screen_reader_cells(void)
{
    static const char page[] =
        "<html><body><article><p>The council voted on Tuesday to expand the bus network, "
        "adding three routes that will link the northern suburbs with the hospital.</p>"
        "<table><tr><th>Feature</th><th>Bus</th><th>Tram</th></tr>"
        "<tr><td>Night service</td><td><i class=\"icon-check\"></i>"
        "<span class=\"sr-only\">Yes</span></td><td><i class=\"icon-x\"></i>"
        "<span class=\"sr-only\">No</span></td></tr>"
        "<tr><td>Step-free <span class=\"sr-only\">(opens a map)</span></td>"
        "<td><span class=\"sr-only\">Yes</span></td><td>Yes</td></tr></table>"
        "<p>Fares stay as they are until the spring, when the council will look at them "
        "again with the operators and the riders' association.</p>"
        "</article></body></html>";
    char *out = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(out, "| Night service | Yes | No |\n"));
    CHECK(contains(out, "| Step-free | Yes | Yes |\n"));
    CHECK(!contains(out, "opens a map"));
    free(out);
    /* The labels a shop reads out before its prices, under other names. */
    static const char prices[] =
        "<html><body><article><p>The council voted on Tuesday to expand the bus network, "
        "adding three routes that will link the northern suburbs with the hospital.</p>"
        "<p><span class=\"screenreader\">Sale price</span> &pound;88 "
        "<span class=\"a11y-hidden\">Regular price</span> &pound;102</p></article></body></html>";
    out = run(prices, 1);
    CHECK(contains(out, "\xC2\xA3" "88 \xC2\xA3" "102"));
    CHECK(!contains(out, "Sale price") && !contains(out, "Regular price"));
    free(out);
}

/* A grid whose cells are mostly empty (spacer cells, marks drawn as images) is page
 * layout: its text comes out as lines, not rows; a table with a few empty cells is
 * still data (html_tables.c, EMPTY_SHARE). */
static void test_empty_cell_table(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p>"
             "<table><tr><th>Feature</th><th>Basic</th><th>Pro</th></tr>"
             "<tr><td>Unlimited returns</td><td><img src=dot.png></td><td></td></tr>"
             "<tr><td>Mobile app</td><td></td><td><img src=dot.png></td></tr>"
             "<tr><td>Cloud storage</td><td></td><td><img src=dot.png></td></tr></table>"
             "<table><tr><th>Size</th><th>Chest</th><th>Waist</th></tr>"
             "<tr><td>S</td><td>86</td><td></td></tr>"
             "<tr><td>M</td><td>94</td><td>78</td></tr></table>"
             "<p>%s</p></article></body></html>", PROSE, PROSE);
    char *md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\nUnlimited returns\n") && contains(md, "\nCloud storage\n"));
    CHECK(!contains(md, "| Feature") && !contains(md, "| Mobile app"));
    CHECK(contains(md, "\n| Size | Chest | Waist |\n| --- | --- | --- |\n| S | 86 |  |\n"));
    free(md);
}

/* A cell whose only content is an icon named for a check mark or a cross reads "Yes"
 * or "No" (in Markdown and in text), so a comparison drawn with icons keeps its values
 * and counts as data; an icon named for neither, or for both, leaves the cell empty. */
static void test_icon_cells(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p>"
             "<table><tr><th>Plan</th><th>Basic</th><th>Pro</th></tr>"
             "<tr><td>Reports</td><td><i class=\"fa-solid fa-check\"></i></td>"
             "<td><span><img src=\"/img/no/tick.png\" alt=\"\"></span></td></tr>"
             "<tr><td>Support</td><td><svg><use href=\"#icon-xmark\"></use></svg></td>"
             "<td><img src=\"/img/tick.png\" class=\"icon cross\"></td></tr>"
             "<tr><td>Storage</td><td><i class=\"fa fa-times\"></i></td>"
             "<td><i class=\"icon-star\"></i></td></tr></table>"
             "<p>%s</p></article></body></html>", PROSE, PROSE);
    char *md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\n| Reports | Yes | Yes |\n| Support | No |  |\n| Storage | No |  |\n"));
    free(md);
    char *txt = run(page, 1);
    CHECK(contains(txt, "\nReports\tYes\tYes\nSupport\tNo\t\n"));
    free(txt);
}

/* A heading's link to itself (a generator's permalink: a mark, or its own address) is
 * left out of the heading; a heading that links to a section keeps its words. */
static void test_heading_anchors(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><h2 id=\"s2\">Preferring real estate<a href=\"#s2\">#s2</a></h2>"
             "<p>%s</p><h2 id=\"u\">Basic usage<a class=\"headerlink\" href=\"#u\">\xc2\xb6</a></h2>"
             "<p>%s</p><h2 id=\"intro\"><a href=\"#intro\">Introduction</a></h2><p>%s</p>"
             "</article></body></html>", PROSE, PROSE, PROSE);
    char *md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "# Preferring real estate\n"));
    CHECK(contains(md, "# Basic usage\n"));
    CHECK(contains(md, "# Introduction\n"));
    free(md);
}

/* A heading whose id is its own words made into an anchor ("h-what-is-social-shopping")
 * is not pruned by the furniture words the id holds ("social", "related"), nor is a
 * wiki's headline span; an id that only names furniture ("share-box") still prunes. */
static void test_heading_slug_ids(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p><h2 id=\"h-what-is-social-shopping\">What is "
             "<strong>Social Shopping?</strong></h2><p>%s</p><h3><span class=\"mw-headline\" "
             "id=\"Related_work\">Related work</span></h3><p>%s</p><h3 id=\"share-box\">"
             "Tell your friends</h3><p>%s</p></article></body></html>",
             PROSE, PROSE, PROSE, PROSE);
    char *md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "## What is Social Shopping?\n"));
    CHECK(contains(md, "### Related work\n"));
    CHECK(!contains(md, "Tell your friends"));
    free(md);
}

/* A table of a row of labels over a row of lists ("Pros | Cons") is lists side by
 * side, read as lists; a row naming the list in the next row's other cell is a record
 * and stays a table.  A point of such a list that is a link stays with its list. */
static void test_side_by_side_lists(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><p>%s</p><table><thead><tr><th>Pros</th><th>Cons</th></tr>"
             "</thead><tbody><tr><td><ul><li>Quiet motor</li><li>Long battery life</li>"
             "<li><a href=\"/reviews/support\">Great customer service</a></li>"
             "<li>Light frame</li><li>Folds flat</li></ul></td>"
             "<td><ul><li>Slow to charge</li></ul></td></tr></tbody></table><p>%s</p>"
             "<table><tr><th>Prerequisites:</th><td>Basic HTML and CSS</td></tr>"
             "<tr><th>Outcomes:</th><td><ul><li>Flex containers</li><li>Axes</li></ul></td></tr>"
             "</table><p>%s</p></article></body></html>", PROSE, PROSE, PROSE);
    char *md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\n- Quiet motor\n- Long battery life\n- Great customer service\n"));
    CHECK(contains(md, "\n- Slow to charge\n"));
    CHECK(!contains(md, "| Pros"));
    CHECK(contains(md, "| Prerequisites: | Basic HTML and CSS |"));
    free(md);
}

/* A heading that is all a link marked as an author's (a forum post's user name, a
 * profile link) is who wrote: a line of its own in Markdown, not a section heading; a
 * heading linking to a story stays a heading. */
static void test_name_headings(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><h3><a href=\"/stories/7\">The night buses return</a></h3>"
             "<p>%s</p><h4 class=\"message-name\"><a href=\"/members/ann.529/\" "
             "class=\"username\">ann_b</a></h4><p>%s</p>"
             "<h4><span class=\"cAuthorPane_author\"><a href=\"/p/5\">Bob Smith</a></span></h4>"
             "<p>%s</p></article></body></html>", PROSE, PROSE, PROSE);
    char *md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "\n### The night buses return\n") ||
          contains(md, "## The night buses return\n"));
    CHECK(contains(md, "\n\nann_b\n") && !contains(md, "# ann_b"));
    CHECK(contains(md, "\n\nBob Smith\n") && !contains(md, "# Bob Smith"));
    free(md);
}

/* A data table closing an article after a short line is the article's data: the run
 * of prose reaches it. */
static void test_closing_table(void)
{
    static const char page[] =
        "<html><body><article><p>The council voted on Tuesday to expand the bus network, "
        "adding three routes that will link the northern suburbs with the hospital.</p>"
        "<p>Fares stay as they are until the spring, when the council will look at them "
        "again with the operators and the riders' association.</p>"
        "<p>Chart 2: every route</p><table>"
        "<tr><th>Route</th><th>Stops</th></tr><tr><td>North</td><td>14</td></tr>"
        "<tr><td>Hospital</td><td>9</td></tr><tr><td>University</td><td>11</td></tr>"
        "<tr><td>Station</td><td>6</td></tr><tr><td>Harbour</td><td>8</td></tr>"
        "</table></article></body></html>";
    char *out = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(out, "Fares stay"));
    CHECK(contains(out, "| Route | Stops |\n| --- | --- |\n| North | 14 |\n"));
    CHECK(contains(out, "| Harbour | 8 |\n"));
    free(out);
}

/* A product page's row of other items' tiles (same-shaped siblings, each a link and a
 * price) is not the product; on a collection page the tiles are the content.  Two
 * priced tiles are no row; a list of specifications without links is no row. */
static void test_product_tiles(void)
{
    char page[8000] =
        "<html><body><main><h1>Blue Kettle</h1><p class=price>$49.99</p>"
        "<p>A stainless kettle that boils 1.7 litres in three minutes and switches itself "
        "off when the water is ready; the base turns all the way round.</p>"
        "<ul class=specs><li>Capacity: 1.7 l, $0 extra for the filter</li>"
        "<li>Power: 3 kW</li><li>Weight: 1.1 kg</li></ul>"
        "<h2>Customers also bought</h2><div class=row>";
    static const char *const others[] = {"Red Toaster", "Steel Teapot", "Glass Jug", "Oak Tray"};
    for (int k = 0; k < 4; k++) {
        size_t n = strlen(page);
        snprintf(page + n, sizeof page - n,
                 "<div class='tile tile-%d'><a href=/p%d>%s</a><p>%s, rated four stars by "
                 "the people who bought it last year</p><span>$%d.00</span></div>",
                 k, k, others[k], others[k], 20 + k);
    }
    strcat(page, "</div><h2>Accessories</h2><div class=pair><div class=offer><a href=/x>Filter</a> for hard water, $5</div>"
                 "<div class=offer><a href=/y>Descaler</a> in a bottle of a litre, $6</div></div></main></body></html>");
    char *product = run_typed(page, WINNOW_PAGE_PRODUCT);
    char *collection = run_typed(page, WINNOW_PAGE_COLLECTION);
    CHECK(contains(product, "boils 1.7 litres"));
    CHECK(contains(product, "Weight: 1.1 kg"));
    for (int k = 0; k < 4; k++) {
        CHECK(!contains(product, others[k]));
        CHECK(contains(collection, others[k]));
    }
    CHECK(contains(product, "Descaler")); /* two offers are no row of tiles */
    free(product);
    free(collection);
}

/* Around a product page's item: reviews marked by class (a review platform's widget),
 * parts opened by a heading ("Customer reviews", "You may also like") down to the next
 * heading of their level, the footer, a template's field keys.  The item's own parts
 * stay, also inside a wrapper whose class names reviews, when it holds the headline;
 * an article keeps its "reviews" section. */
static void test_product_extras(void)
{
    static const char page[] =
        "<html><body><div class='product has-reviews'><h1>Blue Kettle</h1>"
        "<p>A stainless kettle that boils 1.7 litres in three minutes and switches itself "
        "off when the water is ready; the base turns all the way round.</p>"
        "<h2>Specifications</h2><ul><li>Capacity: 1.7 l</li><li>Power: 3 kW</li></ul>"
        "<dl><dt>retail_price_tier1:</dt><dd>Regular fit</dd></dl>"
        "<div id=yotpo-widget><p>Loved it, boils fast and looks great on the counter, "
        "would buy again from this shop.</p></div>"
        "<h2>Customer Reviews</h2><h3>Great kettle</h3><p>Mine has lasted three winters "
        "without a single complaint from anyone in the house.</p>"
        "<h2>Care</h2><p>Descale it every month with a little citric acid and water.</p>"
        "<h2>You may also like</h2><p>The steel teapot that goes with the kettle.</p>"
        "</div><footer><p>Our shop ships across the country every working day.</p></footer>"
        "</body></html>";
    char *product = run_typed(page, WINNOW_PAGE_PRODUCT);
    CHECK(contains(product, "boils 1.7 litres"));
    CHECK(contains(product, "Power: 3 kW"));
    CHECK(contains(product, "Regular fit"));
    CHECK(contains(product, "Descale it every month"));
    CHECK(!contains(product, "retail_price_tier1"));
    CHECK(!contains(product, "Loved it"));
    CHECK(!contains(product, "three winters"));
    CHECK(!contains(product, "Customer Reviews"));
    CHECK(!contains(product, "steel teapot"));
    CHECK(!contains(product, "ships across"));
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    CHECK(contains(article, "three winters"));
    free(product);
    free(article);
}

/* Around a product page's item, also: the buy box's delivery, returns and payment
 * notes named by class, words joined by a dash or an underscore ("cross-sell",
 * "recently_viewed"), a shelf whose heading stands in a wrapper with its "See all"
 * link -- the wrapper heads nothing, its parent heads the shelf --, and the parts
 * opened by "Others like you also bought", "Need help with your order?", "Notify me
 * when back in stock" and "Still not sure which ... is right for you?". */
static void test_product_buy_box_and_shelves(void)
{
    static const char page[] =
        "<html><body><main><h1>Blue Kettle</h1>"
        "<p>A stainless kettle that boils 1.7 litres in three minutes and switches itself "
        "off when the water is ready; the base turns all the way round.</p>"
        "<div class='pdp-delivery-info'><p>Order today to get it by Friday.</p></div>"
        "<div class=returns_block><p>Returns accepted within 30 days of the order.</p></div>"
        "<div class='cross-sell'><p>The steel teapot that goes with the kettle.</p></div>"
        "<div id=recently_viewed><p>A copper pan you looked at yesterday.</p></div>"
        "<section><div class=hd><h2>Similar items</h2><a href=/s>See all</a></div>"
        "<div><p>A green kettle with a wooden handle, nearly new.</p>"
        "<p>Pre-owned, from a private seller.</p></div></section>"
        "<h2>Care</h2><p>Descale it every month with a little citric acid and water.</p>"
        "<h2>Others Like You Also Bought:</h2><p>A tea strainer of fine steel mesh.</p>"
        "<h2>Need help with your order?</h2><p>Call us on weekdays from nine to five.</p>"
        "<h3>Notify me when back in stock</h3><p>Sign up and we will write to you once "
        "the colour is back.</p>"
        "<h2>Still not sure which kettle is right for you?</h2><p>Take our quiz.</p>"
        "</main></body></html>";
    char *product = run_typed(page, WINNOW_PAGE_PRODUCT);
    CHECK(contains(product, "boils 1.7 litres"));
    CHECK(contains(product, "Descale it every month"));
    CHECK(!contains(product, "tea strainer"));
    CHECK(!contains(product, "nine to five"));
    CHECK(!contains(product, "colour is back"));
    CHECK(!contains(product, "Take our quiz"));
    CHECK(!contains(product, "get it by Friday"));
    CHECK(!contains(product, "Returns accepted"));
    CHECK(!contains(product, "steel teapot"));
    CHECK(!contains(product, "copper pan"));
    CHECK(!contains(product, "wooden handle"));
    CHECK(!contains(product, "private seller"));
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    CHECK(contains(article, "wooden handle"));
    free(product);
    free(article);
}

/* Utility CSS's breakpoint variants ("lg:hidden") hide an element at some widths only
 * or until a script opens it: a service page read whole keeps its FAQ answers, an
 * article prunes them (a phone's copy); a plain "hidden" class hides on every page.
 * Carousels likewise. */
static void test_responsive_hidden(void)
{
    static const char page[] =
        "<html><body><main><h1>Garden Design</h1>"
        "<p>We plan and plant gardens for small yards, from the first sketch to the last "
        "shrub, and we look after them for a year once they are planted.</p>"
        "<h2>How long does a garden take?</h2>"
        "<p class='text-18 md:hidden max-md:hidden answer'>Most gardens take two to four weeks "
        "from the first visit, depending on the season and the size of the yard.</p>"
        "<p class='hidden'>A copy of the answer for the script that opens it.</p>"
        "</main></body></html>";
    char *service = run_typed(page, WINNOW_PAGE_SERVICE);
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    CHECK(contains(service, "two to four weeks"));
    CHECK(!contains(article, "two to four weeks"));
    CHECK(!contains(service, "copy of the answer"));
    free(service);
    free(article);
    /* A carousel of testimonials is a service's content, an article's gallery not. */
    static const char slides[] =
        "<html><body><main><h1>Garden Design</h1>"
        "<p>We plan and plant gardens for small yards, from the first sketch to the last "
        "shrub, and we look after them for a year once they are planted.</p>"
        "<div class='owl-carousel owl-testimonial'><p>They turned our yard of gravel into "
        "a meadow in three weeks, and the roses came back every spring.</p></div>"
        "</main></body></html>";
    service = run_typed(slides, WINNOW_PAGE_SERVICE);
    article = run_typed(slides, WINNOW_PAGE_ARTICLE);
    CHECK(contains(service, "yard of gravel"));
    CHECK(!contains(article, "yard of gravel"));
    free(service);
    free(article);
}

/* Tailwind's arbitrary values write CSS into class names: "top-[var(--nav-height)]"
 * names no navigation, "bg-[rgb(0,0,0)]" no ad; a plain "nav" class still prunes. */
static void test_arbitrary_value_classes(void)
{
    static const char page[] =
        "<html><body><main><h1>Phone 13</h1>"
        "<p>The phone's camera was tuned with a Swedish maker of medium format cameras, and "
        "its sensor is large enough for portraits in dim light.</p>"
        "<div class='w-full sticky top-[var(--nav-height)] bg-[rgb(0,0,0)]'><p>Three lenses "
        "cover portraits at one, two and three times zoom, each with its own colour "
        "science.</p></div><div class='nav'><p>Phones, tablets, earbuds and watches "
        "for every budget.</p></div></main></body></html>";
    char *out = run_typed(page, WINNOW_PAGE_ARTICLE);
    CHECK(contains(out, "Three lenses"));
    CHECK(!contains(out, "for every budget"));
    free(out);
}

/* Panels a page hides until a click -- a tab panel, an accordion's answer -- are a
 * service's sections when the page is read whole; an article prunes them, and a hidden
 * element that is no panel stays pruned on every page. */
static void test_hidden_panels(void)
{
    static const char page[] =
        "<html><body><main><h1>Garden Design</h1>"
        "<p>We plan and plant gardens for small yards, from the first sketch to the last "
        "shrub, and we look after them for a year once they are planted.</p>"
        "<div role=tablist><button>Design</button><button>Care</button></div>"
        "<div role=tabpanel hidden><p>The care plan waters, prunes and feeds the garden "
        "every other week through its first summer.</p></div>"
        "<div class='c-accordion__panel' style='display: none'><p>Most gardens take two "
        "to four weeks from the first visit to the last plant.</p></div>"
        "<div hidden><p>A copy of the prices kept for a script to move.</p></div>"
        "</main></body></html>";
    char *service = run_typed(page, WINNOW_PAGE_SERVICE);
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    CHECK(contains(service, "every other week"));
    CHECK(contains(service, "two to four weeks"));
    CHECK(!contains(service, "copy of the prices"));
    CHECK(!contains(article, "every other week"));
    CHECK(!contains(article, "two to four weeks"));
    free(service);
    free(article);
}

/* An accordion drawn as buttons: the question a button holds (or a heading holding the
 * button) and the answer hidden right after it are read with a service page; a
 * one-word button's hidden tooltip, a button opening a menu of links and a question
 * whose answer the page does not hold stay out; an article reads none of them. */
static void test_disclosures(void)
{
    static const char page[] =
        "<html><body><main><h1>Garden Design</h1>"
        "<p>We plan and plant gardens for small yards, from the first sketch to the last "
        "shrub, and we look after them for a year once they are planted.</p>"
        "<div class=faq><button type=button><h5>How long does a garden take?</h5></button>"
        "<div class='text-sm hidden'><p>Most gardens take two to four weeks from the first "
        "visit to the last plant.</p></div></div>"
        "<div class=faq><h3><button aria-expanded=false>Do you water the plants?</button></h3>"
        "<div id=a2 hidden><p>The care plan waters them every other week.</p></div></div>"
        "<div class=faq><button>What does it cost to start?</button><div class=more></div>"
        "<a href=/prices>Prices</a></div>"
        "<div><button>Context</button><div style='display:none'><p>When enabled, the "
        "assistant reads the page you are on.</p></div></div>"
        "<div><button>Our services</button><div hidden><a href=/a>Design and planting</a> "
        "<a href=/b>Care and watering</a></div></div>"
        "</main></body></html>";
    char *service = run_typed(page, WINNOW_PAGE_SERVICE);
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    CHECK(contains(service, "How long does a garden take?"));
    CHECK(contains(service, "two to four weeks"));
    CHECK(contains(service, "Do you water the plants?"));
    CHECK(contains(service, "every other week"));
    CHECK(!contains(service, "What does it cost"));
    CHECK(!contains(service, "assistant reads"));
    CHECK(!contains(service, "Design and planting"));
    CHECK(!contains(article, "How long does a garden take?"));
    CHECK(!contains(article, "two to four weeks"));
    CHECK(!contains(article, "every other week"));
    free(service);
    free(article);
}

/* A page that leans to forum by less than the margin of a forum reading is read as an
 * article, which prunes posts marked "comment"; when that leaves next to nothing and
 * the pruned posts hold a thread's worth of text, it is read as the forum thread it
 * leans to. */
static void test_thin_forum(void)
{
    static const char *const posts[] = {
        "How do I stop my kettle from switching off before the water boils? It clicks off "
        "after a minute every time.",
        "Replyone: check the thermostat contacts under the base; mine were corroded.",
        "Replytwo: descale it with citric acid, the sensor reads the scale as heat.",
        "Replythree: a new kettle costs less than the time you spend on this one.",
        "Replyfour: mine did the same until I stopped filling it past the line.",
        "Replyfive: the lid switch can be bent; press it down and try again.",
    };
    char page[8000] = "<html><head><title>Kettle switches off early</title></head><body>"
                      "<div class=menu><a href=/>Home</a> <a href=/f>Boards</a></div>"
                      "<h1>Kettle switches off early</h1>";
    for (size_t k = 0; k < sizeof posts / sizeof *posts; k++) {
        size_t n = strlen(page);
        snprintf(page + n, sizeof page - n,
                 "<div class='comment post message'><span class=username>u%zu</span> "
                 "<time>May 2, 2024</time><p>%s</p><p>Post %zu goes on: the kettle is two "
                 "years old, it sits on a level counter, the water is hard here and the "
                 "plug is not loose; the trouble started after a power cut last winter "
                 "and has not gone away since, whatever the season, whatever the kettle holds "
                 "and however long it has stood unused.</p></div>",
                 k, posts[k], k);
    }
    strcat(page, "</body></html>");
    char *out = run(page, 1);
    CHECK(contains(out, "kettle from switching off"));
    CHECK(contains(out, "Replyfive: the lid switch"));
    free(out);
}

/* A club's page of trails: a line of introduction, then a dozen boxes of a heading and
 * a few short lines each.  Its type scores no higher than article by the margin a
 * reading needs, and the article reading keeps the introduction alone -- under a tenth
 * of the page -- so it is read as the type the page leans to, boxes and all
 * (article/reading.c, wn_article_thin_reading).  The same page with a form to comment
 * on it is one post: its reading stands. */
static void thin_trails(char *page, size_t size, int comment_form)
{
    static const char *const trails[] = {"Anthills", "Burroughs Park", "Carl Barton",
                                         "Cypress Creek", "Huntsville", "Double Lake",
                                         "Jack Brooks", "Timberlane", "Memorial Park",
                                         "Terry Hershey", "Bear Creek", "Levee Trail"};
    int n = snprintf(page, size,
                     "<html><head><title>Trails</title></head><body><div class=menu>"
                     "<a href=/>Home</a> <a href=/join>Join</a></div><main><h1>Trails</h1>"
                     "<p>The riders' club is dedicated to building and riding local "
                     "off-road trails.</p>");
    for (int k = 0; k < 12; k++)
        n += snprintf(page + n, size - (size_t)n,
                      "<div class=\"cta cta-%d\"><h2>%s</h2><div class=desc>Difficulty: "
                      "Beginner to intermediate<br>Length: %d miles<br>Trail steward: Rider "
                      "number %d</div><div class=button><a href=/t%d>View the trail map</a>"
                      "</div></div>",
                      k, trails[k], k + 3, k, k);
    if (comment_form)
        n += snprintf(page + n, size - (size_t)n,
                      "<div id=respond class=comment-respond><h3>Leave a Reply</h3><form "
                      "id=commentform action=/wp-comments-post.php><textarea name=comment>"
                      "</textarea><input type=submit value='Post Comment'></form></div>");
    snprintf(page + n, size - (size_t)n, "</main><footer>Copyright the club</footer></body></html>");
}

static void test_thin_article(void)
{
    char page[8000];
    thin_trails(page, sizeof page, 0);
    char *out = run(page, 1);
    char *article = run_typed(page, WINNOW_PAGE_ARTICLE);
    CHECK(contains(out, "dedicated to building"));
    CHECK(contains(out, "Burroughs Park"));
    CHECK(contains(out, "Length: 14 miles"));
    CHECK(contains(article, "dedicated to building"));
    CHECK(!contains(article, "Burroughs Park")); /* the type given is read as given */
    free(out);
    free(article);
    thin_trails(page, sizeof page, 1);
    out = run(page, 1);
    CHECK(contains(out, "dedicated to building"));
    CHECK(!contains(out, "Burroughs Park"));
    free(out);
}

/* A service page's contact form -- labels, a consent line, the submit button -- is
 * not its offer; an article keeps the form's words only where they are its story (here
 * none: the article's best run is the prose), and a form wrapping the page (ASP.NET)
 * or holding paragraphs of prose stays on a service page too. */
static void test_service_forms(void)
{
    static const char page[] =
        "<html><body><main><h1>Garden Design</h1>"
        "<p>We plan and plant gardens for small yards, from the first sketch to the last "
        "shrub, and we look after them for a year once they are planted.</p>"
        "<h2>Garden care</h2>"
        "<p>The care plan waters, prunes and feeds the garden every other week through "
        "its first summer, and we come back each autumn to plant bulbs.</p>"
        "<form class=quote action=/quote><p>Get a free quote</p>"
        "<label>First Name*</label><input name=first>"
        "<label>Yard size in square metres</label><input name=size>"
        "<p>By checking this box you agree to hear from us.</p>"
        "<button>Send</button></form>"
        "<h2>Prices</h2><p>A small garden costs from 900 euros, planting included, and "
        "the care plan 40 euros a month for the first year after planting.</p>"
        "</main></body></html>";
    char *service = run_typed(page, WINNOW_PAGE_SERVICE);
    CHECK(contains(service, "every other week"));
    CHECK(contains(service, "from 900 euros"));
    CHECK(!contains(service, "First Name"));
    CHECK(!contains(service, "agree to hear"));
    free(service);
    /* On a short page a contact form with its consent lines holds a quarter of it. */
    static const char short_page[] =
        "<html><body><main><h1>Garden Design</h1>"
        "<p>We plan and plant gardens for small yards, from the first sketch to the last "
        "shrub, and we look after them for a year once they are planted.</p>"
        "<p>The care plan waters, prunes and feeds the garden every other week through "
        "its first summer, and we come back each autumn to plant bulbs.</p>"
        "<form class=quote action=/quote><label>First Name*</label><input name=first>"
        "<p>By checking this box you agree to hear from us, never more than monthly.</p>"
        "<button>Send</button></form></main></body></html>";
    service = run_typed(short_page, WINNOW_PAGE_SERVICE);
    CHECK(contains(service, "every other week"));
    CHECK(!contains(service, "agree to hear"));
    free(service);
    /* A form holding the whole page (ASP.NET's) is no contact form. */
    static const char wrapped[] =
        "<html><body><form id=aspnetForm action=/default.aspx><main><h1>Garden Design</h1>"
        "<p>We plan and plant gardens for small yards, from the first sketch to the last "
        "shrub, and we look after them for a year once they are planted.</p>"
        "<p>The care plan waters, prunes and feeds the garden every other week through "
        "its first summer, and we come back each autumn to plant bulbs.</p>"
        "</main></form></body></html>";
    service = run_typed(wrapped, WINNOW_PAGE_SERVICE);
    CHECK(contains(service, "every other week"));
    free(service);
    /* Nor one that holds paragraphs of prose, however small a share of the page: a page
     * builder's unclosed form. */
    char sections[8000] = "<html><body><main><h1>Garden Design</h1>";
    for (int k = 1; k <= 16; k++) {
        size_t n = strlen(sections);
        snprintf(sections + n, sizeof sections - n,
                 "<p>Plan %d: our designers walk the yard with you, measure the light and the "
                 "soil, and draw plans you can choose between before anything is dug.</p>", k);
    }
    strcat(sections,
           "<form class=section><p>The care plan waters, prunes and feeds the garden every "
           "other week through its first summer, and we come back each autumn.</p>"
           "<p>Bulbs, mulch and the odd replacement shrub are part of the plan, and a "
           "gardener answers the phone six days a week for anything else.</p>"
           "<p>Most of our customers keep the plan for a second year, when the garden has "
           "settled and needs a lighter hand than in its first season.</p>"
           "<input name=email></form></main></body></html>");
    service = run_typed(sections, WINNOW_PAGE_SERVICE);
    CHECK(contains(service, "Plan 16: our designers"));
    CHECK(contains(service, "every other week"));
    CHECK(contains(service, "lighter hand"));
    free(service);
}

/* On a service page, read with its link lines, a link standing alone among the text
 * (or one of two) is a button; a run of three or more is the list of the offer's
 * parts, and a longer linked line is a title: both stay. */
static void test_service_buttons(void)
{
    static const char page[] =
        "<html><body><main><h1>Garden Design</h1>"
        "<p>We plan and plant gardens for small yards, from the first sketch to the last "
        "shrub, and we look after them for a year once they are planted.</p>"
        "<p><a href=/contact>Contact us today</a></p>"
        "<h2>What we do</h2>"
        "<p><a href=/design>Garden design</a></p><p><a href=/care>Garden care</a></p>"
        "<p><a href=/ponds>Ponds and fountains</a></p>"
        "<p>The care plan waters, prunes and feeds the garden every other week through "
        "its first summer, and we come back each autumn to plant bulbs.</p>"
        "<p><a href=/more>Learn more</a></p><p><a href=/quote>Get a quote</a></p>"
        "<p>A small garden costs from 900 euros, planting included, and the care plan 40 "
        "euros a month for the first year after planting.</p>"
        "<p><a href=/story>How a gravel yard became a meadow in three short weeks</a></p>"
        "</main></body></html>";
    char *service = run_typed(page, WINNOW_PAGE_SERVICE);
    CHECK(contains(service, "every other week"));
    CHECK(!contains(service, "Contact us today"));
    CHECK(!contains(service, "Learn more"));
    CHECK(!contains(service, "Get a quote"));
    CHECK(contains(service, "Garden design"));
    CHECK(contains(service, "Ponds and fountains"));
    CHECK(contains(service, "gravel yard became a meadow"));
    free(service);
    /* Documentation keeps its link lines, alone or not (a "See also" link); "Learn
     * more" is a call to action whatever the page (default.rules, cta-button). */
    char *docs = run_typed(page, WINNOW_PAGE_DOCUMENTATION);
    CHECK(contains(docs, "Get a quote"));
    free(docs);
}

/* A listicle whose entries, each in its own element, are headed by links to them: the
 * linked headings come back as the entries' titles when two or more head prose of the
 * story; one linked heading over prose (a teaser's title) stays out, as does a reply's
 * "Re:" title. */
#define ENTRY(title, place, text) \
    "<div><h3><a href=/v>" title "</a></h3><p><a href=/map>map</a></p><p>" place "</p><p>" \
    text "</p></div>"
#define NOODLES "The broth simmers for two days and the noodles are cut by hand each " \
                "morning, which is why the queue forms long before the doors open at noon."
#define RAMEN "A shoyu ramen with a clear, deep broth, served with a soft egg and pickled " \
              "radish in a room of eight stools where the chef talks you through the menu."
static void test_linked_titles(void)
{
    char page[8192];
    snprintf(page, sizeof page,
             "<html><body><article><h1>Where to eat noodles</h1><p>%s</p>"
             ENTRY("Jeju Noodle Bar", "West Village", NOODLES)
             ENTRY("Ivan Ramen", "Lower East Side", RAMEN)
             "</article></body></html>", PROSE);
    char *md = run_as(page, 1, WINNOW_FORMAT_MARKDOWN);
    CHECK(contains(md, "### Jeju Noodle Bar\n\nWest Village\n\nThe broth"));
    CHECK(contains(md, "### Ivan Ramen\n\nLower East Side\n\nA shoyu"));
    CHECK(!contains(md, "map"));
    free(md);

    snprintf(page, sizeof page,
             "<html><body><article><h1>Where to eat noodles</h1><p>%s</p>"
             ENTRY("Jeju Noodle Bar", "West Village", NOODLES)
             ENTRY("Re: Where to eat noodles", "Lower East Side", RAMEN)
             "</article></body></html>", PROSE);
    char *one = run(page, 1);
    CHECK(contains(one, "The broth") && contains(one, "A shoyu"));
    CHECK(!contains(one, "Jeju Noodle Bar"));
    CHECK(!contains(one, "Re: Where"));
    free(one);
}

/* A page that marks its body with <main> says a <footer> outside it is the site's, even
 * one whose fine print is long enough to be spared by the prose guard; a page read
 * whole drops it. */
static void test_site_footer(void)
{
    char page[8000] = "<html><body><header><a href=/>Home</a></header><main>"
        "<h1>Pet insurance</h1>"
        "<p>Our pet insurance covers accidents and illnesses for cats and dogs, with a "
        "deductible you choose and a vet of your own choosing anywhere in the country.</p>"
        "<h2>What is covered</h2>"
        "<p>Accidents, illnesses, surgery, hospital stays and prescriptions are covered "
        "once the waiting period is over; routine care can be added for a small fee.</p>"
        "</main><footer>";
    for (int k = 0; k < 6; k++) {
        size_t n = strlen(page);
        snprintf(page + n, sizeof page - n,
                 "<p>Fine print %d: policies are underwritten by one of several insurers, "
                 "each licensed where it sells; discounts vary by state and are not "
                 "available in all states, and the terms of the policy govern.</p>", k);
    }
    strcat(page, "</footer></body></html>");
    char *service = run_typed(page, WINNOW_PAGE_SERVICE);
    CHECK(contains(service, "deductible you choose"));
    CHECK(contains(service, "routine care can be added"));
    CHECK(!contains(service, "underwritten"));
    free(service);
}

/* A doc page's "Submit correction" ends it, even when the request under it is longer
 * than the page's own short prose. */
static void test_doc_feedback_cut(void)
{
    static const char page[] =
        "<html><body><main><h1>Indexes</h1><ul><li>Introduction</li><li>Index Types</li>"
        "<li>Unique Indexes</li></ul>"
        "<p>Indexes are a common way to enhance database performance. An index allows "
        "the server to find and retrieve specific rows much faster than without one.</p>"
        "<h2>Submit correction</h2>"
        "<p>If you see anything in the documentation that is not correct, does not match "
        "your experience with the particular feature or requires further clarification, "
        "please use this form to report a documentation issue.</p></main></body></html>";
    char *docs = run_typed(page, WINNOW_PAGE_DOCUMENTATION);
    CHECK(contains(docs, "enhance database performance"));
    CHECK(!contains(docs, "report a documentation issue"));
    free(docs);
}

/* A service page's code is its product's demo; a doc page's is its content.  A ticker's
 * phrase said over and over is dropped, a table row of the same cell is not.  (A
 * ticker written as one span per phrase is first written once, as a twin of the span
 * before: html_blocks.c twin_text.) */
static void test_service_code_and_ticker(void)
{
    static const char page[] =
        "<html><body><main><h1>Functions</h1>"
        "<p>Deploy serverless functions with your site: they scale on demand, run close "
        "to your users and need no servers of your own to manage or to pay for.</p>"
        "<pre><code>export default async (req) =&gt; new Response(\"Hello\");</code></pre>"
        "<p>Every function is versioned with your site, so a rollback takes back the "
        "code and the pages together, in one click, whenever you need it to.</p>"
        "<div class=band><span>Book Now * Book Now * Book Now * Book Now * Book Now *"
        "</span></div>"
        "<table><tr><th>Basic</th><th>Pro</th><th>Team</th></tr>"
        "<tr><td>Order Now</td><td>Order Now</td><td>Order Now</td><td>Order Now</td></tr>"
        "</table></main></body></html>";
    char *service = run_typed(page, WINNOW_PAGE_SERVICE);
    CHECK(contains(service, "scale on demand"));
    CHECK(contains(service, "a rollback takes back"));
    CHECK(!contains(service, "new Response"));
    CHECK(!contains(service, "Book Now"));
    CHECK(contains(service, "Order Now"));
    free(service);
    char *docs = run_typed(page, WINNOW_PAGE_DOCUMENTATION);
    CHECK(contains(docs, "new Response"));
    free(docs);
}

int main(void)
{
    winnow_global_init();
    rules = winnow_rules_new();
    char err[256];
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    test_article_wins();
    test_linked_titles();
    test_hidden_and_rules();
    test_prose_guard();
    test_consent_platform();
    test_modal_dialog();
    test_sale_price();
    test_noscript_copies();
    test_formatting();
    test_glued_parts();
    test_title();
    test_explain_path();
    test_structure();
    test_code_tokens();
    test_hidden_code_lines();
    test_introduced_list();
    test_linked_sentences();
    test_bullet_paragraphs();
    test_story_siblings();
    test_second_column();
    test_text_body_hint();
    test_story_ends();
    test_script_attributes();
    test_deep_nesting();
    test_huge_page();
    test_page_type_policies();
    test_declared_description();
    test_bare_urls();
    test_number_lists();
    test_closing_table();
    test_screen_reader_cells();
    test_empty_cell_table();
    test_icon_cells();
    test_empty_pre();
    test_code_button();
    test_name_headings();
    test_heading_anchors();
    test_heading_slug_ids();
    test_side_by_side_lists();
    test_wrapped_heading();
    test_product_tiles();
    test_product_extras();
    test_product_buy_box_and_shelves();
    test_responsive_hidden();
    test_arbitrary_value_classes();
    test_hidden_panels();
    test_disclosures();
    test_thin_forum();
    test_thin_article();
    test_service_forms();
    test_service_buttons();
    test_site_footer();
    test_doc_feedback_cut();
    test_service_code_and_ticker();
    winnow_rules_free(rules);
    return check_done();
}
