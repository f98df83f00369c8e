/* test_output.c -- the renderers of output.c: text and Markdown layout of each block
 * kind, built from hand-made docs so the tests do not depend on the classifiers. */
#include <stdlib.h>
#include "render/render.h"
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

int main(void)
{
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
                  "> quoted\n"
                  "> second line\n"
                  "\n"
                  "````\n"
                  "int x;\n"
                  "```\n"
                  "````\n"
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
