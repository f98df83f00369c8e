/* test_rules_cost.c -- no rule makes every subject pay.  A rule runs either inside a
 * joined pattern, which PCRE2 scans fast only while it knows the bytes a match may start
 * with (its start bitmap), or alone behind a cheap test: its prefix filter (dispatched)
 * or its need= words.  A rule that may start at any byte (^.{0,N}, ^\S+, a lookahead
 * over .*) therefore never joins (rules_set.c, may_start_anywhere), and a built-in rule
 * that runs alone without a test is flagged here: give it need= or a fixed start. */
#include "check.h"
#include "rules_check.h"
#include "rules/rules_set.h"

/* Bytes that matches of `code` may start with, as PCRE2 knows them (256: any). */
static unsigned start_bytes(const pcre2_code *code)
{
    uint32_t type = 0;
    const uint8_t *bitmap = NULL;
    pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &type);
    if (type == 1) return 1;
    pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &bitmap);
    if (!bitmap) return 256;
    unsigned n = 0;
    for (unsigned b = 0; b < 256; b++) n += bitmap[b >> 3] >> (b & 7) & 1;
    return n;
}

/* Every unanchored joined pattern of r keeps a start bitmap (or first byte) of at most
 * half the bytes. */
static void check_joined_starts(const winnow_rules *r, const char *what)
{
    for (int t = 0; t < 2; t++)
        for (int g = 0; g < N_GROUPS; g += 2) /* even groups: unanchored */
            for (int k = 0; k < N_BANDS; k++) {
                if (!r->n_joins[t][g]) continue;
                joined *j = wn_rules_joined(r, (rule_target)t, g, k);
                if (!j->code) continue;
                unsigned n = start_bytes(j->code);
                if (n > 128)
                    fprintf(stderr, "%s: joined pattern of target %d, group %d, band %d may start "
                                    "with %u bytes\n", what, t, g, k, n);
                CHECK(n <= 128);
            }
}

/* The built-in rules: each runs joined, dispatched or gated by need=. */
static void test_builtin(void)
{
    char err[256];
    winnow_rules *r = winnow_rules_new();
    CHECK(winnow_rules_add_default(r, err, sizeof err) == 0);
    size_t alone = 0;
    for (size_t i = 0; i < r->n; i++) {
        const rule *x = &r->rules[i];
        if (x->combinable || x->dispatched || x->need) continue;
        fprintf(stderr, "rule %s runs alone on every subject: give it need= or a fixed start\n",
                x->name);
        alone++;
    }
    CHECK(alone == 0);
    check_joined_starts(r, "built-in rules");
    winnow_rules_free(r);
}

/* A rule that may start anywhere runs alone, the others stay joined with their start
 * bitmap, and the verdicts are the plain ones. */
static void test_start_anywhere(void)
{
    static const char src[] =
        "drop@attr /(?<![a-z])(nav|menu)(?![a-z])/ chrome\n"
        "drop@attr /^(?!.*embed).*?(?<![a-z])share(?![a-z])/ share\n"
        "drop@attr /\\bfooter\\b/ footer\n"
        "drop /^.{0,20}\\bcookies\\b/i cookies\n"
        "drop /\\bsubscribe\\b/ subscribe\n";
    char err[256];
    winnow_rules *r = winnow_rules_new();
    CHECK(winnow_rules_add_source(r, "t.rules", src, sizeof src - 1, err, sizeof err) == 0);
    CHECK(r->rules[0].combinable && r->rules[2].combinable && r->rules[4].combinable);
    CHECK(!r->rules[1].combinable && !r->rules[3].combinable);
    check_joined_starts(r, "t.rules");
    rule_matcher *m = wn_rules_matcher_new(r);
    const char *name = NULL;
    CHECK(match_name(m, RT_ATTR, "class=post-share", 16, &name) == RA_DROP);
    CHECK_STR(name, "share");
    CHECK(match_name(m, RT_ATTR, "class=share embed", 17, &name) == RA_NONE);
    CHECK(match_name(m, RT_ATTR, "class=main-menu share", 21, &name) == RA_DROP);
    CHECK_STR(name, "chrome");
    CHECK(match_name(m, RT_TEXT, "We use cookies here", 19, &name) == RA_DROP);
    CHECK_STR(name, "cookies");
    CHECK(match_name(m, RT_TEXT, "Please subscribe", 16, &name) == RA_DROP);
    CHECK_STR(name, "subscribe");
    wn_rules_matcher_free(m);
    winnow_rules_free(r);
}

int main(void)
{
    winnow_global_init();
    test_builtin();
    test_start_anywhere();
    return check_done();
}
