/* fuzz_rules.c -- libFuzzer target for the rule-file compiler.
 *
 * The input is a rule file.  It is compiled with winnow_rules_add_source; when it
 * compiles, its rules are matched against a few fixed subjects of both targets, used
 * for a small extraction, then added a second time (which drops and rebuilds the joined
 * prefilter) and matched again.  On a compile error the message must say where, and
 * the set must be left as it was.
 *
 * Differential check of the joined prefilter: every rule line is also compiled alone
 * into a set of its own, and the action the whole set returns for a subject must be the
 * one the single rules give (any keep wins, else the first match in file order) --
 * unless a PCRE2 limit made a rule give up, which legitimately changes the answer. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void require(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_rules: contract broken: %s\n", what);
        abort();
    }
}

static const char *const subjects[] = {
    "",
    "Leave a comment",
    "Photo: Jane Doe / Reuters",
    "The council declined to comment on the plan, which was approved on Tuesday.",
    "nav menu header-top sidebar",
    "Ünïcödé – “quotes” … and more text, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
};

/* Invalid UTF-8 is outside the matcher's contract (winnow hands it valid UTF-8 only):
 * PCRE2's start-of-match optimisations (an anchored .* under s) may then differ between
 * a pattern alone and the same pattern in an alternation.  It must still never crash,
 * so it is matched, but not compared. */
static const char invalid_subject[] = "\xff\xfe invalid \xc3 utf-8 \xed\xa0\x80";

static const char page[] =
    "Site name | Home | News | Sport\n"
    "\n"
    "A headline for the fuzzer to find\n"
    "\n"
    "The first paragraph of the article is long enough to count as prose, with words.\n"
    "The second paragraph also reads like a sentence and ends with a full stop here.\n"
    "Leave a comment\n"
    "Copyright 2024 Example\n";

#define MAX_SINGLES 32

/* Compiles each line of src that holds one rule into a set of its own. */
static size_t compile_singles(const char *src, size_t size, winnow_rules **singles)
{
    size_t n = 0, pos = 0;
    char err[256];
    while (pos < size && n < MAX_SINGLES) {
        const char *nl = memchr(src + pos, '\n', size - pos);
        size_t ll = nl ? (size_t)(nl - (src + pos)) : size - pos;
        winnow_rules *one = winnow_rules_new();
        require(one != NULL, "winnow_rules_new");
        if (winnow_rules_add_source(one, "line.rules", src + pos, ll, err, sizeof err) == 0 &&
            winnow_rules_count(one) == 1)
            singles[n++] = one;
        else
            winnow_rules_free(one);
        pos += ll + 1;
    }
    return n;
}

static void differential(const winnow_rules *rules, const char *src, size_t size)
{
    winnow_rules *singles[MAX_SINGLES];
    size_t n = compile_singles(src, size, singles);
    /* Past MAX_SINGLES rules the reference would be incomplete. */
    if (n == winnow_rules_count(rules)) {
        rule_matcher *all = wn_rules_matcher_new(rules);
        rule_matcher *one[MAX_SINGLES];
        for (size_t k = 0; k < n; k++) one[k] = wn_rules_matcher_new(singles[k]);
        for (size_t i = 0; i < sizeof subjects / sizeof *subjects; i++)
            for (int t = RT_TEXT; t <= RT_ATTR; t++) {
                const char *s = subjects[i];
                rule_action got = wn_rules_match(all, (rule_target)t, s, strlen(s), NULL);
                rule_action want = RA_NONE;
                for (size_t k = 0; k < n; k++) {
                    rule_action a = wn_rules_match(one[k], (rule_target)t, s, strlen(s), NULL);
                    if (a == RA_KEEP) {
                        want = RA_KEEP;
                        break;
                    }
                    if (want == RA_NONE) want = a;
                }
                int gave_up = wn_rules_matcher_warning(all) != NULL;
                for (size_t k = 0; k < n; k++) gave_up |= wn_rules_matcher_warning(one[k]) != NULL;
                if (!gave_up && got != want) {
                    fprintf(stderr, "subject %zu target %d: set says %d, single rules say %d\n",
                            i, t, (int)got, (int)want);
                    require(0, "the joined prefilter agrees with the rules run one by one");
                }
            }
        for (size_t k = 0; k < n; k++) wn_rules_matcher_free(one[k]);
        wn_rules_matcher_free(all);
    }
    for (size_t k = 0; k < n; k++) winnow_rules_free(singles[k]);
}

static void match_all(const winnow_rules *rules)
{
    rule_matcher *m = wn_rules_matcher_new(rules);
    require(m != NULL, "matcher");
    for (size_t i = 0; i < sizeof subjects / sizeof *subjects; i++)
        for (int t = RT_TEXT; t <= RT_ATTR; t++) {
            const rule_info *ri = NULL;
            rule_action a = wn_rules_match(m, (rule_target)t, subjects[i], strlen(subjects[i]),
                                           &ri);
            require(a >= RA_NONE && a <= RA_KEEP, "action in range");
            if (a != RA_NONE) require(ri && ri->name && ri->category, "a match names its rule");
        }
    for (int t = RT_TEXT; t <= RT_ATTR; t++)
        wn_rules_match(m, (rule_target)t, invalid_subject, sizeof invalid_subject - 1, NULL);
    wn_rules_matcher_free(m);

    winnow_options opt;
    winnow_options_init(&opt);
    opt.rules = rules;
    opt.explain = 1;
    winnow_result res;
    winnow_status st = winnow_extract(page, sizeof page - 1, &opt, &res);
    require(st == WINNOW_OK, "extraction with the fuzzed rules succeeds");
    winnow_result_free(&res);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    winnow_rules *rules = winnow_rules_new();
    require(rules != NULL, "winnow_rules_new");
    char err[256];
    err[0] = '\0';
    const char *src = (const char *)data;
    if (winnow_rules_add_source(rules, "fuzz.rules", src, size, err, sizeof err) == 0) {
        size_t n = winnow_rules_count(rules);
        match_all(rules);
        differential(rules, src, size);
        require(winnow_rules_add_source(rules, "again.rules", src, size, err, sizeof err) == 0,
                "a rule file that compiled once compiles twice");
        require(winnow_rules_count(rules) == 2 * n, "second add doubles the count");
        match_all(rules);
    } else {
        require(strncmp(err, "fuzz.rules:", 11) == 0, "error names file:line:col");
        require(winnow_rules_count(rules) == 0, "a failed add leaves the set unchanged");
    }
    winnow_rules_free(rules);
    return 0;
}
