/* test_time_limit.c -- winnow_options.time_limit: a page that takes longer fails with
 * WINNOW_ERR_TIMEOUT soon after the limit (HTML and text paths), with its message and
 * no text; no limit (0, the default) and a generous one change nothing; the deadline
 * itself (core/deadline.c) reads the clock only every WN_DEADLINE_STRIDE looks. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "check.h"
#include "core/core.h"
#include "winnow/winnow.h"

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* n copies of unit, framed by head and tail, in a new buffer. */
static char *page_of(const char *head, const char *unit, size_t n, const char *tail, size_t *len)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *p = malloc(hl + ul * n + tl + 1);
    if (!p) return NULL;
    memcpy(p, head, hl);
    for (size_t i = 0; i < n; i++) memcpy(p + hl + i * ul, unit, ul);
    memcpy(p + hl + ul * n, tail, tl + 1);
    *len = hl + ul * n + tl;
    return p;
}

static void test_slow_pages_time_out(void)
{
    winnow_rules *rules = winnow_rules_new();
    char err[256];
    CHECK(rules && winnow_rules_add_default(rules, err, sizeof err) == 0);
    size_t len[2];
    char *pages[2] = {
        page_of("<html><body>", "<div><p>word word word</p><span>x</span></div>", 150000,
                "</body></html>", &len[0]),
        page_of("", "Line of a long text page, with words and more words here.\n", 150000, "",
                &len[1])};
    for (int k = 0; k < 2; k++) {
        if (!pages[k]) continue;
        winnow_options opt;
        winnow_options_init(&opt);
        opt.rules = rules;
        opt.time_limit = 0.02;
        winnow_result res;
        double t0 = seconds();
        winnow_status st = winnow_extract(pages[k], len[k], &opt, &res);
        double took = seconds() - t0;
        CHECK(st == WINNOW_ERR_TIMEOUT && res.status == WINNOW_ERR_TIMEOUT);
        CHECK_STR(res.error, "page took longer than the time limit of 0.02 s");
        CHECK(res.text == NULL && res.len == 0);
        CHECK(took < 1.0); /* the whole page takes seconds */
        winnow_result_free(&res);
        /* Without a limit the same page goes through. */
        opt.time_limit = 0;
        st = winnow_extract(pages[k], len[k], &opt, &res);
        CHECK(st == WINNOW_OK || st == WINNOW_ERR_TRUNCATED);
        CHECK(res.text != NULL);
        winnow_result_free(&res);
        free(pages[k]);
    }
    winnow_rules_free(rules);
}

static void test_normal_page_unchanged(void)
{
    const char *page = "<html><head><title>Fish</title></head><body><nav>Home</nav><p>The river "
                       "report found that the number of fish grew after the town cleaned the "
                       "water.</p></body></html>";
    winnow_options opt;
    winnow_options_init(&opt);
    CHECK(opt.time_limit == 0);
    winnow_result a, b;
    CHECK(winnow_extract(page, strlen(page), &opt, &a) == WINNOW_OK);
    opt.time_limit = 30;
    CHECK(winnow_extract(page, strlen(page), &opt, &b) == WINNOW_OK);
    CHECK(a.text && b.text && a.len == b.len && strcmp(a.text, b.text) == 0);
    winnow_result_free(&a);
    winnow_result_free(&b);
    CHECK(strcmp(winnow_status_str(WINNOW_ERR_TIMEOUT), "unknown status") != 0);
}

static void test_deadline(void)
{
    wn_deadline dl;
    wn_deadline_start(&dl, 0);
    CHECK(!wn_deadline_check(&dl) && !wn_deadline_passed(&dl));
    CHECK(!wn_deadline_check(NULL) && !wn_deadline_passed(NULL));
    wn_deadline_start(&dl, -1);
    CHECK(!wn_deadline_check(&dl));
    wn_deadline_start(&dl, 1e-9);
    struct timespec pause = {0, 1000000};
    nanosleep(&pause, NULL);
    /* The cheap look waits for its stride; a check reads the clock at once. */
    int looks = 0;
    while (!wn_deadline_passed(&dl) && looks < 10 * WN_DEADLINE_STRIDE) looks++;
    CHECK(looks == WN_DEADLINE_STRIDE - 1);
    CHECK(wn_deadline_passed(&dl)); /* passed stays passed */
    wn_deadline_start(&dl, 1e-9);
    nanosleep(&pause, NULL);
    CHECK(wn_deadline_check(&dl));
    wn_deadline_start(&dl, 3600);
    CHECK(!wn_deadline_check(&dl));
}

int main(void)
{
    winnow_global_init();
    test_deadline();
    test_normal_page_unchanged();
    test_slow_pages_time_out();
    return check_done();
}
