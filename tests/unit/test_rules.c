/* test_rules.c -- the rule language (rules.c): parsing, actions, targets, flags,
 * categories, names, error messages, the joined prefilter, cuts and match limits, and
 * the built-in set, loaded lazily from its build-time compilation. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include "check.h"
#include "rules_check.h"
#include "rules/rules.h"
#include "rules/rules_blob.h"


/* A fresh set holding src (named "t.rules"); NULL when it does not compile. */
static winnow_rules *compile(const char *src)
{
    char err[256];
    winnow_rules *r = winnow_rules_new();
    if (winnow_rules_add_source(r, "t.rules", src, strlen(src), err, sizeof err) != 0) {
        fprintf(stderr, "unexpected rule error: %s\n", err);
        winnow_rules_free(r);
        return NULL;
    }
    return r;
}

/* The error message src[0..len) produces, or "" when it compiles. */
static const char *error_of_n(const char *src, size_t len)
{
    static char err[256];
    err[0] = '\0';
    winnow_rules *r = winnow_rules_new();
    if (winnow_rules_add_source(r, "t.rules", src, len, err, sizeof err) == 0) err[0] = '\0';
    winnow_rules_free(r);
    return err;
}

static const char *error_of(const char *src) { return error_of_n(src, strlen(src)); }

typedef struct {
    rule_action action;
    const char *name;
    const char *category;
} verdict;

static verdict match_in(const winnow_rules *r, rule_target t, const char *subject)
{
    verdict v = {RA_NONE, "", ""};
    rule_matcher *m = wn_rules_matcher_new(r);
    const rule_info *info = NULL;
    v.action = wn_rules_match(m, t, subject, strlen(subject), &info);
    v.name = info ? info->name : "";
    v.category = info ? info->category : "";
    if (v.action == RA_NONE) v.name = v.category = "";
    wn_rules_matcher_free(m);
    return v;
}

/* The action src's rules give subject as text (the set is built and freed here; the
 * returned names point into a set kept until the next call). */
static verdict match_src(const char *src, rule_target t, const char *subject)
{
    static winnow_rules *last;
    winnow_rules_free(last);
    last = compile(src);
    verdict none = {RA_NONE, "(no set)", "(no set)"};
    return last ? match_in(last, t, subject) : none;
}

static rule_action act(const char *src, const char *subject)
{
    return match_src(src, RT_TEXT, subject).action;
}

static void test_actions(void)
{
    CHECK(act("drop /^Share this$/", "Share this") == RA_DROP);
    CHECK(act("cut-after /^Comments$/", "Comments") == RA_CUT_AFTER);
    CHECK(act("cut-before /^Story continues$/", "Story continues") == RA_CUT_BEFORE);
    CHECK(act("keep /^Editor's note/", "Editor's note: x") == RA_KEEP);
    CHECK(act("drop /^Share this$/", "Please share this") == RA_NONE);
    CHECK(act("drop /^Share this$/", "") == RA_NONE);
    /* Leading blanks, tabs and CRLF line ends are fine; no space before / is too. */
    CHECK(act("  \tdrop   /abc/  \r\n", "xabcx") == RA_DROP);
    CHECK(act("drop/abc/", "abc") == RA_DROP);
    /* An escaped slash belongs to the pattern. */
    CHECK(act("drop /^a\\/b$/", "a/b") == RA_DROP);
    /* The last line needs no newline. */
    CHECK(act("# c\ndrop /z/", "z") == RA_DROP);
}

static void test_targets(void)
{
    const char *src = "drop@attr /\\bsidebar\\b/ side\ndrop@text /^Menu$/ menu\n";
    CHECK(match_src(src, RT_ATTR, "col sidebar").action == RA_DROP);
    CHECK(match_src(src, RT_TEXT, "col sidebar").action == RA_NONE);
    CHECK(match_src(src, RT_TEXT, "Menu").action == RA_DROP);
    CHECK(match_src(src, RT_ATTR, "Menu").action == RA_NONE);
    /* No target means text. */
    CHECK(match_src("drop /^x$/", RT_ATTR, "x").action == RA_NONE);
    CHECK(match_src("keep@attr /article-body/", RT_ATTR, "post article-body").action == RA_KEEP);
}

static void test_flags(void)
{
    CHECK(act("drop /^share$/", "SHARE") == RA_NONE);
    CHECK(act("drop /^share$/i", "SHARE") == RA_DROP);
    CHECK(act("drop /^sh are $/x", "share") == RA_DROP);
    CHECK(act("drop /^sh are $/", "share") == RA_NONE);
    CHECK(act("drop /^a.b$/", "a\nb") == RA_NONE);
    CHECK(act("drop /^a.b$/s", "a\nb") == RA_DROP);
    CHECK(act("drop /^b$/", "a\nb") == RA_NONE);
    CHECK(act("drop /^b$/m", "a\nb") == RA_DROP);
    /* u: one dot is one code point and \w knows letters beyond ASCII. */
    CHECK(act("drop /^.$/", "\xc3\xa9") == RA_NONE);
    CHECK(act("drop /^.$/u", "\xc3\xa9") == RA_DROP);
    CHECK(act("drop /^\\w+$/", "caf\xc3\xa9") == RA_NONE);
    CHECK(act("drop /^\\w+$/u", "caf\xc3\xa9") == RA_DROP);
    CHECK(act("drop /^caf\xc3\xa9$/iu", "CAF\xc3\x89") == RA_DROP);
    /* A u rule must survive invalid UTF-8 in the subject. */
    CHECK(act("drop /^caf/u", "caf\xff\xfe") == RA_DROP);
    CHECK(act("drop /^x$/u", "\xff") == RA_NONE);
    /* All flags at once, and repeated flags. */
    CHECK(act("drop /^ a . b $/ixsmu", "A\nB") == RA_DROP);
    CHECK(act("drop /^ab$/ii", "AB") == RA_DROP);
    /* Flags of one rule do not leak into the next one in the joined pattern. */
    const char *two = "drop /^x y$/xi first\ndrop /^a b$/ second\n";
    CHECK_STR(match_src(two, RT_TEXT, "XY").name, "first");
    CHECK(match_src(two, RT_TEXT, "AB").action == RA_NONE);
    CHECK(match_src(two, RT_TEXT, "ab").action == RA_NONE);
    CHECK_STR(match_src(two, RT_TEXT, "a b").name, "second");
}

static void test_names_categories_comments(void)
{
    const char *src =
        "# a comment line\n"
        "   # an indented comment\n"
        "\n"
        "drop /^one$/\n"
        "[social]\n"
        "drop /^two$/ share-two\n"
        "drop /^three$/i three # trailing comment\n"
        "drop /^four$/ # comment instead of a name\n"
        "drop /^five$/i# comment right after the flags\n"
        "[ads]  # comment after a category\n"
        "drop /^six$/ six\n";
    verdict v = match_src(src, RT_TEXT, "one");
    CHECK_STR(v.name, "t.rules:4");
    CHECK_STR(v.category, "general");
    v = match_src(src, RT_TEXT, "two");
    CHECK_STR(v.name, "share-two");
    CHECK_STR(v.category, "social");
    v = match_src(src, RT_TEXT, "THREE");
    CHECK_STR(v.name, "three");
    v = match_src(src, RT_TEXT, "four");
    CHECK_STR(v.name, "t.rules:8");
    v = match_src(src, RT_TEXT, "FIVE");
    CHECK_STR(v.name, "t.rules:9");
    v = match_src(src, RT_TEXT, "six");
    CHECK_STR(v.category, "ads");
    CHECK(match_src(src, RT_TEXT, "a comment line").action == RA_NONE);
    winnow_rules *r = compile(src);
    CHECK(winnow_rules_count(r) == 6);
    /* A second source starts again in the "general" category. */
    char err[256];
    const char *more = "drop /^seven$/ seven\n";
    CHECK(winnow_rules_add_source(r, "more.rules", more, strlen(more), err, sizeof err) == 0);
    CHECK(winnow_rules_count(r) == 7);
    CHECK_STR(match_in(r, RT_TEXT, "seven").category, "general");
    CHECK_STR(match_in(r, RT_TEXT, "two").category, "social");
    winnow_rules_free(r);
}

static void test_precedence(void)
{
    /* keep wins over drop wherever it stands; among the rest the first match wins. */
    const char *src =
        "drop /share/i share\n"
        "cut-after /^share this/i cut\n"
        "drop /this/ this\n"
        "keep /^share this story about otters/i otters\n";
    verdict v = match_src(src, RT_TEXT, "Share this");
    CHECK(v.action == RA_DROP);
    CHECK_STR(v.name, "share");
    v = match_src(src, RT_TEXT, "Share this story about otters");
    CHECK(v.action == RA_KEEP);
    CHECK_STR(v.name, "otters");
    v = match_src(src, RT_TEXT, "only this");
    CHECK_STR(v.name, "this");
    v = match_src("cut-before /a/ cb\ncut-after /a/ ca\n", RT_TEXT, "a");
    CHECK(v.action == RA_CUT_BEFORE);
    CHECK_STR(v.name, "cb");
}

static void test_errors(void)
{
    CHECK_STR(error_of("dorp /x/"), "t.rules:1:1: unknown action (expected drop, cut-after, "
                                    "cut-before or keep)");
    CHECK_STR(error_of("# ok\n  delete /x/"), "t.rules:2:3: unknown action (expected drop, "
                                              "cut-after, cut-before or keep)");
    CHECK_STR(error_of("drop@body /x/"), "t.rules:1:6: unknown target (expected text or attr)");
    CHECK_STR(error_of("drop x"), "t.rules:1:6: expected /PATTERN/ after the action");
    CHECK_STR(error_of("keep"), "t.rules:1:5: expected /PATTERN/ after the action");
    CHECK_STR(error_of("drop /abc"), "t.rules:1:6: pattern has no closing /");
    CHECK_STR(error_of("drop /abc\\/"), "t.rules:1:6: pattern has no closing /");
    CHECK_STR(error_of("drop //"), "t.rules:1:7: empty pattern");
    CHECK_STR(error_of("drop /x/iq"), "t.rules:1:10: unknown flag (expected i, x, s, m or u)");
    CHECK_STR(error_of("drop /x/g name"), "t.rules:1:9: unknown flag (expected i, x, s, m or u)");
    CHECK_STR(error_of("drop /x/ a b"), "t.rules:1:12: unexpected text after the rule name");
    CHECK_STR(error_of("[]\n"), "t.rules:1:1: bad [category] line");
    CHECK_STR(error_of("[open\n"), "t.rules:1:1: bad [category] line");
    CHECK_STR(error_of("[a] b\n"), "t.rules:1:5: unexpected text after the [category]");
    CHECK_STR(error_of_n("drop /x/\nd\x00op /y/\n", 18), "t.rules:2:1: NUL byte in rule file");
    /* PCRE2 messages point at the column inside the line where PCRE2 stopped. */
    CHECK_STR(error_of("drop /ab)/"), "t.rules:1:9: unmatched closing parenthesis");
    CHECK_STR(error_of("\n\n    drop /a(b/ x"), "t.rules:3:14: missing closing parenthesis");
    CHECK_STR(error_of("drop /a{2,1}/"), "t.rules:1:12: numbers out of order in {} quantifier");
    CHECK_STR(error_of("keep /x/\ndrop /[z-a]/ y"),
              "t.rules:2:10: range out of order in character class");
    /* Invalid UTF-8 in a u pattern is a PCRE2 error too; without u it is bytes. */
    CHECK(strncmp(error_of("drop /\xff/u"), "t.rules:1:", 10) == 0);
    CHECK_STR(error_of("drop /\xff/"), "");
    /* A UTF-8 byte-order mark (Windows editors) is skipped, only at the very start;
     * columns count from after it. */
    CHECK_STR(error_of("\xEF\xBB\xBF" "drop /x/ bom"), "");
    CHECK(act("\xEF\xBB\xBF" "drop /x/ bom", "x") == RA_DROP);
    CHECK_STR(error_of("\xEF\xBB\xBF" "dorp /x/"), "t.rules:1:1: unknown action (expected "
                                                   "drop, cut-after, cut-before or keep)");
    CHECK_STR(error_of("drop /x/\n\xEF\xBB\xBF" "drop /y/"),
              "t.rules:2:1: unknown action (expected drop, cut-after, cut-before or keep)");
    /* A NULL name still gives a usable message. */
    char err[256];
    winnow_rules *r = winnow_rules_new();
    CHECK(winnow_rules_add_source(r, NULL, "bad", 3, err, sizeof err) == -1);
    CHECK(strstr(err, ":1:1: unknown action") != NULL);
    /* On error nothing of the source is added, including the good lines before it. */
    const char *good = "drop /a/ a\n";
    CHECK(winnow_rules_add_source(r, "g.rules", good, strlen(good), err, sizeof err) == 0);
    const char *mixed = "drop /b/ b\nkeep /c/ c\ndrop /(/ broken\n";
    CHECK(winnow_rules_add_source(r, "m.rules", mixed, strlen(mixed), err, sizeof err) == -1);
    CHECK_STR(err, "m.rules:3:8: missing closing parenthesis");
    CHECK(winnow_rules_count(r) == 1);
    CHECK(match_in(r, RT_TEXT, "b").action == RA_NONE);
    CHECK(match_in(r, RT_TEXT, "c").action == RA_NONE);
    CHECK(match_in(r, RT_TEXT, "a").action == RA_DROP);
    /* A truncated buffer is still NUL-terminated. */
    char small[12];
    CHECK(winnow_rules_add_source(r, "long-name.rules", "x", 1, small, sizeof small) == -1);
    CHECK(strlen(small) == sizeof small - 1);
    winnow_rules_free(r);
}

/* The oracle: every rule alone in its own set, without its max= (which the oracle
 * applies itself).  The joined set must give the same verdict as the
 * first-keep-else-first-match over the single-rule sets. */
static void check_agrees(const char *const *rules, size_t n, const char *const *subjects,
                         size_t ns)
{
    buf all;
    wn_buf_init(&all, 0);
    for (size_t i = 0; i < n; i++) {
        wn_buf_puts(&all, rules[i]);
        wn_buf_putc(&all, '\n');
    }
    winnow_rules *joined = compile(all.data);
    winnow_rules **solo = calloc(n, sizeof *solo);
    size_t *max = calloc(n, sizeof *max);
    for (size_t i = 0; i < n; i++) {
        const char *opt = strstr(rules[i], " max=");
        max[i] = opt ? strtoul(opt + 5, NULL, 10) : SIZE_MAX;
        char bare[512];
        snprintf(bare, sizeof bare, "%.*s", opt ? (int)(opt - rules[i]) : 511, rules[i]);
        solo[i] = compile(bare);
    }
    CHECK(joined != NULL);
    for (size_t k = 0; k < ns && joined; k++) {
        verdict want = {RA_NONE, "", ""};
        for (size_t i = 0; i < n; i++) {
            if (strlen(subjects[k]) > max[i]) continue;
            verdict v = match_in(solo[i], RT_TEXT, subjects[k]);
            if (v.action == RA_NONE) continue;
            if (v.action == RA_KEEP) {
                want = v;
                break;
            }
            if (want.action == RA_NONE) want = v;
        }
        verdict got = match_in(joined, RT_TEXT, subjects[k]);
        if (got.action != want.action || strcmp(got.name, want.name) != 0) {
            fprintf(stderr, "joined/solo disagree on \"%s\": got %d %s, want %d %s\n",
                    subjects[k], got.action, got.name, want.action, want.name);
            check_fail_++;
        } else {
            check_pass_++;
        }
    }
    for (size_t i = 0; i < n; i++) winnow_rules_free(solo[i]);
    free(solo);
    free(max);
    winnow_rules_free(joined);
    wn_buf_free(&all);
}

/* A subject of n bytes: "w" words, with `tail` at the end. */
static const char *long_subject(size_t n, const char *tail)
{
    static char pool[8][1200];
    static int next;
    char *s = pool[next++ % 8];
    size_t tl = strlen(tail);
    if (n > sizeof pool[0] - 1) n = sizeof pool[0] - 1;
    if (tl > n) tl = n;
    for (size_t i = 0; i < n - tl; i++) s[i] = i % 4 == 3 ? ' ' : 'w';
    memcpy(s + n - tl, tail, tl);
    s[n] = '\0';
    return s;
}

/* need=: the rule runs only on subjects holding one of its words; anchored rules are
 * dispatched by their first bytes (the verdicts must not change). */
static void test_need_option(void)
{
    const char *r = "drop /(?:we|they) use cookies/i ck need=cookies max=100\n";
    CHECK(act(r, "Hi, we use COOKIES here") == RA_DROP);
    CHECK(act(r, "we use cookie jars") == RA_NONE);
    /* need= is trusted: a match without any of the words is missed. */
    CHECK(act("drop /foo/ need=bar", "foo") == RA_NONE);
    CHECK(act("drop /foo/ need=bar", "foo bar") == RA_DROP);
    CHECK(act("drop /foo/ need=xyz,bar", "BAR foo") == RA_DROP);
    CHECK_STR(match_src("drop /^a/ n need=abc max=9\n", RT_TEXT, "abc").name, "n");
    CHECK_STR(match_src("keep /x/ k need=xxx\ndrop /^x/ d\n", RT_TEXT, "xxx").name, "k");
    CHECK_STR(match_src("keep /x/ k need=xxx\ndrop /^x/ d\n", RT_TEXT, "xx").name, "d");
    CHECK_STR(error_of("drop /x/ need=ab"),
              "t.rules:1:15: bad need= (expected words of 3 to 64 bytes, separated by commas)");
    CHECK_STR(error_of("drop /x/ need=abc,"),
              "t.rules:1:15: bad need= (expected words of 3 to 64 bytes, separated by commas)");
    CHECK_STR(error_of("drop /x/ need=abc need=def"), "t.rules:1:19: need= given twice");
    /* Dispatched rules keep file order and keep-first among themselves and with joined
     * and gated rules. */
    static const char *const rules[] = {
        "drop /^home$/i home",
        "drop /^h/ h-any",
        "keep /^home page$/i keep-home",
        "drop /page/ page-anywhere",
        "cut-after /^(?:next|previous) article$/i next",
        "drop /^.+ says:$/ says need=says:",
        "drop /^\\d+ comments?$/i count",
        "drop /^(?!the\\b)\\w+ \\w+$/i two-words",
    };
    static const char *const subjects[] = {
        "home", "Home", "HOME", "home page", "Home Page", "homepage", "h", "hx", "page one",
        "Next article", "next articles", "Jane says:", "Jane said:", "12 comments", "1 comment",
        "The end", "Another end", "x", "", "says:", "h says:",
    };
    check_agrees(rules, sizeof rules / sizeof *rules, subjects, sizeof subjects / sizeof *subjects);

    /* More than 64 rules that may start with one byte take the long way: same verdicts. */
    static char many[70][40], *many_p[70];
    for (int i = 0; i < 70; i++) {
        snprintf(many[i], sizeof many[i], i % 7 ? "drop /^x%d$/ r%d" : "keep /^x%d/ r%d", i, i);
        many_p[i] = many[i];
    }
    static const char *const xs[] = {"x0", "x1", "x7", "x69", "x70", "x700", "x", "y1", "x14 z"};
    check_agrees((const char *const *)many_p, 70, xs, sizeof xs / sizeof *xs);
}

static void test_max_option(void)
{
    /* Syntax: the option may stand before or after the name, or alone. */
    CHECK(act("drop /^abc/ max=3", "abc") == RA_DROP);
    CHECK(act("drop /^abc/ max=3", "abcd") == RA_NONE);
    CHECK(act("drop /^abc/ max=4", "abcd") == RA_DROP);
    CHECK_STR(match_src("drop /^abc/ n max=3\n", RT_TEXT, "abc").name, "n");
    CHECK_STR(match_src("drop /^abc/ max=3 n # note\n", RT_TEXT, "abc").name, "n");
    CHECK_STR(match_src("drop /^abc/i\tmax=3\n", RT_TEXT, "ABC").name, "t.rules:1");
    CHECK_STR(match_src("drop@attr /^abc/ max=3\n", RT_ATTR, "abcd").name, "");
    CHECK_STR(error_of("drop /x/ max=0"),
              "t.rules:1:14: bad max= (expected a length in bytes from 1 to 1073741824)");
    CHECK_STR(error_of("drop /x/ max="),
              "t.rules:1:14: bad max= (expected a length in bytes from 1 to 1073741824)");
    CHECK_STR(error_of("drop /x/ n max=12k"),
              "t.rules:1:16: bad max= (expected a length in bytes from 1 to 1073741824)");
    CHECK_STR(error_of("drop /x/ max=99999999999999999999999"),
              "t.rules:1:14: bad max= (expected a length in bytes from 1 to 1073741824)");
    CHECK_STR(error_of("drop /x/ min=3"),
              "t.rules:1:10: unknown option (expected max=N, need=WORDS or cut=hard)");
    CHECK_STR(error_of("drop /x/ max=3 max=4"), "t.rules:1:16: max= given twice");
    /* cut=hard|soft, on cut rules only; hard is what the rule reports when it matches. */
    CHECK_STR(error_of("cut-after /x/ c cut=firm"), "t.rules:1:21: bad cut= (expected hard or soft)");
    CHECK_STR(error_of("drop /x/ d cut=hard"), "t.rules:1:12: cut= is for cut-after and cut-before rules");
    CHECK_STR(error_of("cut-before /x/ cut=soft"), "");
    {
        winnow_rules *r = compile("cut-after /^Comments$/ end cut=hard\ncut-after /^Related$/ rel\n");
        CHECK(r != NULL);
        rule_matcher *m = wn_rules_matcher_new(r);
        const rule_info *ri = NULL;
        CHECK(wn_rules_match(m, RT_TEXT, "Comments", 8, &ri) == RA_CUT_AFTER && ri && ri->hard &&
              strcmp(ri->name, "end") == 0 && strcmp(ri->category, "general") == 0);
        CHECK(wn_rules_match(m, RT_TEXT, "Related", 7, &ri) == RA_CUT_AFTER && ri && !ri->hard);
        wn_rules_matcher_free(m);
        winnow_rules_free(r);
    }
    CHECK_STR(error_of("drop /x/ max=3 a b"), "t.rules:1:18: unexpected text after the rule name");
    /* A name may hold '=' after a character that is not a lower-case letter. */
    CHECK_STR(match_src("drop /^x$/ Rule=1\n", RT_TEXT, "x").name, "Rule=1");

    /* The joined pattern names the earlier rule, but its max excludes the subject:
     * the later rule still decides. */
    CHECK_STR(match_src("drop /^a/ first max=3\ndrop /^ab/ second\n", RT_TEXT, "abcd").name,
              "second");
    CHECK_STR(match_src("drop /^a/ first max=3\ndrop /^ab/ second\n", RT_TEXT, "abc").name,
              "first");

    /* Against the oracle, over subjects on both sides of every bound. */
    static const char *const rules[] = {
        "drop /^short$/ s max=5",
        "drop /w$/ tail-w max=20",
        "keep /keep$/ k max=600",
        "drop /^w+/ head max=513",
        "cut-after /end$/ end max=512",
        "drop /end$/ end-any",
        "drop /(?<!x)w w/ ww max=64",
        "drop /\\bmid\\b/ mid max=100",
        "drop /^caf\xc3\xa9/u cafe max=6",
        "drop /\\w\xc3\xa9/u e-word max=300",
    };
    const char *subjects[48];
    size_t ns = 0;
    static const size_t lens[] = {5, 6, 20, 21, 64, 65, 100, 101, 511, 512, 513, 514, 600,
                                  601};
    static const char *const tails[] = {"end", "keep", "mid w"};
    for (size_t i = 0; i < sizeof lens / sizeof *lens; i++)
        for (size_t t = 0; t < 3 && ns < 48; t++) subjects[ns++] = long_subject(lens[i], tails[t]);
    subjects[ns++] = "short";
    subjects[ns++] = "caf\xc3\xa9";
    subjects[ns++] = "caf\xc3\xa9s";
    subjects[ns++] = "w";
    size_t n = sizeof rules / sizeof *rules;
    /* long_subject's pool holds 8: check in slices so none is overwritten. */
    for (size_t from = 0; from < ns; from += 6) {
        size_t m = ns - from < 6 ? ns - from : 6;
        const char *slice[6];
        for (size_t i = 0; i < m; i++) slice[i] = subjects[from + i];
        for (size_t rot = 0; rot < n; rot++) {
            const char *r2[sizeof rules / sizeof *rules];
            for (size_t i = 0; i < n; i++) r2[i] = rules[(i + rot) % n];
            check_agrees(r2, n, slice, m);
        }
    }
}

/* The matcher remembers verdicts for short subjects: a repeat gives the same verdict
 * as a fresh matcher, also after a rule was switched off for hitting a limit. */
static void test_memo(void)
{
    winnow_rules *r = compile("drop /^(a+)+$/ bait\n"
                              "drop /^a+!$/ bang\n"
                              "keep /^Share$/ keep-share\n"
                              "drop /^Share/ share\n"
                              "drop@attr /^Share$/ attr-share\n");
    CHECK(r != NULL);
    if (!r) return;
    static const char *const subjects[] = {
        "Share", "Share this", "aaaa", "Share", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
        "aaaa", "Share this", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "aaaa", "none",
        "none"};
    rule_matcher *m = wn_rules_matcher_new(r);
    for (int round = 0; round < 3; round++)
        for (size_t i = 0; i < sizeof subjects / sizeof *subjects; i++) {
            const char *s = subjects[i], *name = "";
            rule_action got = match_name(m, RT_TEXT, s, strlen(s), &name);
            /* A fresh matcher, with the same rules switched off: a set without bait
             * once the shared matcher met it. */
            int off = wn_rules_matcher_warning(m) != NULL;
            winnow_rules *r2 = off ? compile("drop /^a+!$/ bang\nkeep /^Share$/ keep-share\n"
                                             "drop /^Share/ share\n")
                                   : NULL;
            verdict want = match_in(off ? r2 : r, RT_TEXT, s);
            if (got != want.action || strcmp(got ? name : "", want.name) != 0) {
                fprintf(stderr, "memo: \"%s\" round %d: got %d %s, want %d %s\n", s, round,
                        got, name, want.action, want.name);
                check_fail_++;
            } else {
                check_pass_++;
            }
            winnow_rules_free(r2);
        }
    /* The target is part of the key. */
    CHECK(wn_rules_match(m, RT_ATTR, "Share", 5, NULL) == RA_DROP);
    CHECK(wn_rules_match(m, RT_TEXT, "Share", 5, NULL) == RA_KEEP);
    wn_rules_matcher_free(m);
    winnow_rules_free(r);
}

/* Threads share one compiled set: the lazily built joined patterns and the switch to
 * the JIT must give every thread the single-threaded verdicts. */
typedef struct {
    const winnow_rules *r;
    int bad;
} share_job;

static const char *const share_subjects[] = {
    "Share this", "Comments", "plain prose that no rule takes at all, long enough.",
    "Correction: x", "Menu",
};
static const rule_action share_want[] = {RA_DROP, RA_CUT_AFTER, RA_NONE, RA_KEEP, RA_NONE};

static void *share_worker(void *arg)
{
    share_job *job = arg;
    for (int rep = 0; rep < 400; rep++) {
        rule_matcher *m = wn_rules_matcher_new(job->r);
        for (size_t i = 0; i < 5; i++) {
            const char *s = share_subjects[i];
            if (wn_rules_match(m, RT_TEXT, s, strlen(s), NULL) != share_want[i]) job->bad++;
        }
        wn_rules_matcher_free(m);
    }
    return NULL;
}

static void test_threads(void)
{
    winnow_rules *r = compile("drop /^Share this$/ share max=40\n"
                              "cut-after /^Comments$/ comments\n"
                              "keep /^Correction:/ correction\n"
                              "drop /prose/ prose max=20\n");
    CHECK(r != NULL);
    if (!r) return;
    pthread_t th[4];
    share_job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (share_job){r, 0};
        pthread_create(&th[i], NULL, share_worker, &jobs[i]);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        CHECK(jobs[i].bad == 0);
    }
    winnow_rules_free(r);
}

static void test_prefilter(void)
{
    static const char *const rules[] = {
        /* x patterns with # comments must not swallow the rules after them */
        "drop /^ share \\s this  # the usual social line/xi share",
        "drop /^ (?: next | previous ) \\s story $ # nav/x nav",
        /* back references and subroutine calls cannot be joined */
        "drop /^(\\w)\\1{3}$/ repeat",
        "drop /^(y)z$/ yz",
        "drop /^(x)(?1)$/ subroutine",
        "drop /^(?<q>['\"]).*\\k<q>$/ quoted",
        /* a backtracking verb in one rule must not hide the next rule's match */
        "drop /^a(*COMMIT)b/ commit",
        "drop /^ac$/ ac",
        /* an inline (?x) or an open \\Q would break out of the wrapper group */
        "drop /(?x) ^ inline  # comment/ inline-x",
        "drop /\\Qa+b/ quoted-literal",
        /* u patterns go into their own joined pattern */
        "drop /^\\w+ \\d+$/u word-number",
        "drop /^caf\xc3\xa9$/iu cafe",
        "keep /^\\p{Lu}{3}$/u upper3",
        "drop /^[A-Z]{3}$/ ascii-upper3",
        "cut-after /^comments?$/i comments",
        "drop /^(?i)mixed$/ inline-i",
        "drop /^case$/ case-sensitive",
        /* anchored and unanchored keeps and drops: the joined pattern reports the
         * leftmost match, which need not be the rule that decides */
        "drop /^alpha/ a-anchored",
        "drop /beta/ b-unanchored",
        "keep /gamma/ g-keep",
        "keep /^delta/ d-keep-anchored",
        "cut-before /^\\w+ beta$/ wb-anchored",
        /* stepping through the matches of the u pattern, past multibyte characters */
        "keep /\\bna\xc3\xafve\\b/u naive-keep",
        "drop /\\w+\xc3\xa9/u word-e",
        /* \\K moves the reported start: never joined */
        "drop /ab\\Kc/ k-reset",
    };
    const char *const *list = rules;
    size_t n = sizeof rules / sizeof *rules;
    static const char *const subjects[] = {
        "Share this", "share  this", "next story", "previous story", "next  story",
        "aaaa", "abab", "yz", "xx", "xy", "'hi'", "\"hi'", "ab", "ac", "ax",
        "inline", "a+b", "aab", ("stra\xc3\x9f" "e 12"), "CAF\xc3\x89", "caf\xc3\xa9",
        "\xc3\x89T\xc3\x89", "ABC", "abc", "Comments", "comment", "MIXED", "mixed",
        "case", "CASE", "", "\xff\xfe", "plain prose that matches nothing at all.",
        "alpha beta", "alpha gamma", "delta beta", "beta alpha", "xx beta alpha", "alpha",
        "delta gamma", "gamma delta", "alpha delta", "word beta", "beta", "gamma",
        "caf\xc3\xa9 na\xc3\xafve", "na\xc3\xafve caf\xc3\xa9", "\xc3\xa9\xc3\xa9 na\xc3\xafve",
        "\xe2\x80\x9cna\xc3\xafve\xe2\x80\x9d", "abc", "xabc", "ab c",
    };
    check_agrees(list, n, subjects, sizeof subjects / sizeof *subjects);
    /* Also in every rotation of the list, so each rule sits before and after the others. */
    for (size_t rot = 1; rot < n; rot++) {
        const char *r2[sizeof rules / sizeof *rules];
        for (size_t i = 0; i < n; i++) r2[i] = list[(i + rot) % n];
        check_agrees(r2, n, subjects, sizeof subjects / sizeof *subjects);
    }
    /* The specific joins that used to go wrong, by name. */
    const char *src = "drop /^(y)z$/ yz\ndrop /^(x)(?1)$/ sub\n";
    CHECK_STR(match_src(src, RT_TEXT, "xx").name, "sub");
    src = "drop /^a(*COMMIT)b/ commit\ndrop /^ac$/ ac\n";
    CHECK_STR(match_src(src, RT_TEXT, "ac").name, "ac");
    src = "drop /^a # letter a/x a\ndrop /^b$/ b\n";
    CHECK_STR(match_src(src, RT_TEXT, "b").name, "b");
    CHECK_STR(match_src(src, RT_TEXT, "a").name, "a");
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_backtracking(void)
{
    const char *bait = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";
    winnow_rules *r = compile("drop /^(a+)+$/ bait\ndrop /!$/ bang\n");
    CHECK(r != NULL);
    if (!r) return;
    rule_matcher *m = wn_rules_matcher_new(r);
    CHECK(wn_rules_matcher_warning(m) == NULL);
    double t0 = now();
    const char *name = NULL;
    rule_action a = match_name(m, RT_TEXT, bait, strlen(bait), &name);
    double dt = now() - t0;
    /* Unbounded, this takes hours; with the limits it is milliseconds (generous bound
     * for sanitizer builds on a loaded machine). */
    CHECK(dt < 2.0);
    /* The baited rule counts as no match; the next rule still decides. */
    CHECK(a == RA_DROP);
    CHECK_STR(name, "bang");
    const char *w = wn_rules_matcher_warning(m);
    CHECK(w != NULL);
    CHECK(w && strstr(w, "rule bait skipped") != NULL);
    CHECK(w && strstr(w, "limit") != NULL);
    wn_rules_matcher_free(m);
    winnow_rules_free(r);

    /* Through winnow_extract the warning reaches the result. */
    r = compile("drop /^(a+)+$/ bait\n");
    winnow_options opt;
    winnow_options_init(&opt);
    opt.rules = r;
    opt.type = WINNOW_TYPE_TEXT;
    winnow_result res;
    t0 = now();
    CHECK(winnow_extract(bait, strlen(bait), &opt, &res) == WINNOW_OK);
    CHECK(now() - t0 < 2.0);
    CHECK(strstr(res.warning, "bait") != NULL);
    winnow_result_free(&res);
    winnow_rules_free(r);
}

/* A subject that needs more JIT stack than the default 32 KiB: the matcher grows the
 * stack instead of giving up (which would run every rule alone and hit the depth limit). */
static void test_deep_subject(void)
{
    size_t n = 16000;
    char *s = malloc(n + 2);
    for (size_t i = 0; i < n; i++) s[i] = "ab"[i % 2];
    s[n] = 'd';
    s[n + 1] = '\0';
    winnow_rules *r = compile("drop /^(a|b)*c$/ deep\ndrop /^zzz$/ other\n");
    rule_matcher *m = wn_rules_matcher_new(r);
    CHECK(wn_rules_match(m, RT_TEXT, s, n + 1, NULL) == RA_NONE);
    CHECK(wn_rules_matcher_warning(m) == NULL);
    s[n] = 'c';
    const char *name = NULL;
    rule_action a = match_name(m, RT_TEXT, s, n + 1, &name);
    /* A real hit runs the single rule, which may hit its depth limit: then it is no
     * match with a warning, never a crash or a wrong rule. */
    CHECK((a == RA_DROP && strcmp(name, "deep") == 0) ||
          (a == RA_NONE && wn_rules_matcher_warning(m) != NULL));
    wn_rules_matcher_free(m);
    winnow_rules_free(r);
    free(s);
}

static block *add(doc *d, const char *text)
{
    return wn_doc_add(d, BK_PARA, text, strlen(text));
}

static void test_apply_and_cut(void)
{
    winnow_rules *r = compile(
        "drop /^Share$/ share\n"
        "cut-after /^Comments$/ comments\n"
        "cut-before /^Story$/ story\n"
        "keep /^Correction:/ correction\n");
    CHECK(r != NULL);
    if (!r) return;
    rule_matcher *m = wn_rules_matcher_new(r);
    doc d;
    wn_doc_init(&d);
    static const char *const lines[] = {
        "Menu",            /* 0 before the cut-before */
        "Correction: x",   /* 1 keep survives the cut */
        "Story",           /* 2 cut-before */
        "Body one",        /* 3 */
        "Share",           /* 4 drop */
        "Body two",        /* 5 */
        "Comments",        /* 6 cut-after */
        "First comment",   /* 7 */
        "Correction: y",   /* 8 keep survives the cut */
    };
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) add(&d, lines[i]);
    d.blocks[3].dec = DEC_KEEP; /* decided earlier: the rules leave it alone */
    d.blocks[3].why = WHY_ARTICLE;
    wn_rules_apply_doc(m, &d);
    CHECK(d.blocks[4].dec == DEC_DROP && d.blocks[4].ract == RA_DROP);
    CHECK(d.blocks[4].why == WHY_RULE);
    CHECK_STR(d.blocks[4].rule->name, "share");
    CHECK(d.blocks[2].dec == DEC_DROP && d.blocks[2].ract == RA_CUT_BEFORE);
    CHECK(d.blocks[6].dec == DEC_DROP && d.blocks[6].ract == RA_CUT_AFTER);
    CHECK(d.blocks[6].why == WHY_RULE);
    CHECK_STR(d.blocks[6].rule->name, "comments");
    CHECK(d.blocks[1].dec == DEC_KEEP && d.blocks[1].ract == RA_KEEP);
    CHECK(d.blocks[1].why == WHY_RULE);
    CHECK_STR(d.blocks[1].rule->name, "correction");
    CHECK(d.blocks[3].ract == RA_NONE);
    CHECK(d.blocks[3].why == WHY_ARTICLE);
    /* Applying rules does not cut: that is wn_rules_cut's job. */
    CHECK(d.blocks[0].dec == DEC_NONE && d.blocks[7].dec == DEC_NONE);

    wn_rules_cut(&d, 0, d.n);
    CHECK(d.blocks[0].dec == DEC_DROP);
    CHECK(d.blocks[0].why == WHY_BEFORE_CUT);
    CHECK(d.blocks[1].dec == DEC_KEEP);
    CHECK(d.blocks[5].dec == DEC_NONE);
    CHECK(d.blocks[7].dec == DEC_DROP);
    CHECK(d.blocks[7].why == WHY_AFTER_CUT);
    CHECK(d.blocks[8].dec == DEC_KEEP);
    wn_doc_free(&d);

    /* Bounds: a cut-after before `from` and a cut-before at or after `to` are ignored
     * (a "Comments" link in a menu above the article must not cut the article). */
    wn_doc_init(&d);
    static const char *const page[] = {"Comments", "Body", "Story", "Tail"};
    for (size_t i = 0; i < 4; i++) add(&d, page[i]);
    wn_rules_apply_doc(m, &d);
    wn_rules_cut(&d, 1, 2);
    CHECK(d.blocks[1].dec == DEC_NONE);
    CHECK(d.blocks[3].dec == DEC_NONE);
    /* The last cut-before before `to` and the first cut-after from `from` count. */
    wn_rules_cut(&d, 1, 3);
    CHECK(d.blocks[1].dec == DEC_DROP);
    CHECK(d.blocks[3].dec == DEC_NONE);
    wn_rules_cut(&d, 0, 100); /* `to` past the end is clamped */
    CHECK(d.blocks[3].dec == DEC_DROP);
    wn_doc_free(&d);
    wn_rules_matcher_free(m);
    winnow_rules_free(r);

    /* No rule set: nothing matches, nothing breaks. */
    m = wn_rules_matcher_new(NULL);
    CHECK(m != NULL);
    CHECK(wn_rules_match(m, RT_TEXT, "x", 1, NULL) == RA_NONE);
    CHECK(wn_rules_matcher_warning(m) == NULL);
    wn_rules_matcher_free(m);
}

static void test_default_rules(void)
{
    char err[512] = "";
    winnow_rules *r = winnow_rules_new();
    int rc = winnow_rules_add_default(r, err, sizeof err);
    if (rc != 0) fprintf(stderr, "default rules: %s\n", err);
    CHECK(rc == 0);
    CHECK(winnow_rules_count(r) > 0);
    /* Twice is fine (a CLI may add them and a user file on top). */
    size_t n = winnow_rules_count(r);
    CHECK(winnow_rules_add_default(r, err, sizeof err) == 0);
    CHECK(winnow_rules_count(r) == 2 * n);
    /* The default rules must never take a plain sentence of an article. */
    static const char *const prose[] = {
        "The minister declined to comment on the report, which was published on Monday.",
        "Readers can sign up for the newsletter, she said, but few of them do.",
        "He shared this photo with reporters after the match.",
        "Next, the committee will read the article again.",
    };
    for (size_t i = 0; i < sizeof prose / sizeof *prose; i++) {
        verdict v = match_in(r, RT_TEXT, prose[i]);
        if (v.action != RA_NONE && v.action != RA_KEEP)
            fprintf(stderr, "default rule %s takes prose: %s\n", v.name, prose[i]);
        CHECK(v.action == RA_NONE || v.action == RA_KEEP);
    }
    /* Forum software's furniture around a post goes, the post and its header stay. */
    static const char *const furniture[] = {
        "tag=dl class=postprofile id=profile1", "tag=div class=message-userExtras",
        "tag=div class=-flair", "tag=div class=votecell post-layout--left",
        "tag=h5 class=userTitle message-userTitle", "tag=dd class=usertitle",
        "tag=div class=userBanner userBanner--blue message-userBanner",
        "tag=div class=ipsBox cTopicOverviewContainer cTopicOverview", "tag=i-pwa-install id=ipsPwaInstall",
        "tag=dl class=blockStatus", "tag=ul class=notices notices--block js-notices",
        "tag=span itemprop=position", "tag=a class=MessageCard__post-position",
        "tag=span class=message-attribution-discussion-starter icon-with-text",
        "tag=span class=ipsTime__short", "tag=span class=post-badge badge-star",
        "tag=li class=postgroup", "tag=li class=membergroup",
        "tag=li class=like_count smalltext", "tag=div class=p-sectionLinks",
        "tag=span class=ipsRepBadge ipsRepBadge_positive", "tag=div class=ipsEntry__group",
        "tag=ul class=ipsEntry__authorStats ipsEntry__authorStats--minimal",
        "tag=ul class=ipsEntry__authorFields", "tag=td class=vbmenu_control",
        "tag=div class=userinfo_extra", "tag=a class=numchildren",
        "tag=span class=score dislikes", "tag=span class=score likes",
        "tag=time class=live-timestamp", "tag=div class=panestack-title",
        "tag=div class=menuarea", "tag=a class=expand",
    };
    for (size_t i = 0; i < sizeof furniture / sizeof *furniture; i++)
        CHECK_STR(match_in(r, RT_ATTR, furniture[i]).name, "forum-furniture");
    /* Signatures are named apart: they are pruned past the prose guard (html_dom.c). */
    static const char *const signatures[] = {
        "tag=div class=signature scaleimages", "tag=div class=message-signature",
        "tag=div class=signature id=sig4512", "tag=div class=signaturecontainer",
        "tag=div class=ipsEntry__signature", "tag=div class=ipsSignature",
        "tag=div class=sig_text", "tag=div class=DiscussionBoard-signature",
        "tag=div class=signature id=msg_4175421_signature", "tag=div class=postsignature postmsg",
    };
    for (size_t i = 0; i < sizeof signatures / sizeof *signatures; i++)
        CHECK_STR(match_in(r, RT_ATTR, signatures[i]).name, "forum-signature");
    CHECK_STR(match_in(r, RT_ATTR, "tag=div id=ai-summary-block").name, "forum-summary");
    /* What forum software writes around a post, line by line; the post's own lines stay. */
    static const char *const stat_lines[] = {
        "9,239 posts", "105 helpful votes", "Posts: 116 Threads: 23 Joined: Feb 2019 Reputation: 7",
        "Posts: 710", "Programs: BA Gold, LH FT", "Level 2",
    };
    for (size_t i = 0; i < sizeof stat_lines / sizeof *stat_lines; i++)
        CHECK_STR(match_in(r, RT_TEXT, stat_lines[i]).name, "forum-user-stat");
    static const char *const sig_lines[] = {
        "Signature", "Originally Posted by Shancock", "Sent from my SM-S908U using AC Forums mobile app",
    };
    for (size_t i = 0; i < sizeof sig_lines / sizeof *sig_lines; i++)
        CHECK_STR(match_in(r, RT_TEXT, sig_lines[i]).name, "forum-signature");
    CHECK_STR(match_in(r, RT_TEXT, "1.9K views 11 replies 12 participants last post by Aard Jan 18, 2024").name,
              "forum-reactions");
    CHECK_STR(match_in(r, RT_TEXT, "More Topics from this Board").name, "forum-more-threads");
    CHECK_STR(match_in(r, RT_TEXT, "WiSK and JapesUK like this.").name, "forum-reactions");
    CHECK_STR(match_in(r, RT_TEXT, "Like x 2").name, "forum-reactions");
    CHECK_STR(match_in(r, RT_TEXT, "π Rendered by PID 567546 on reddit-service-r2-loggedout-5dd6f8c4b5-8vsdk "
                                   "at 2026-03-05 12:41:35.582306+00:00 running f0204d4 country code: BG.")
                  .name,
              "reddit-render-stamp");
    CHECK(match_in(r, RT_TEXT, "The output will look like this").action == RA_NONE);
    CHECK_STR(match_in(r, RT_TEXT, "(95.79 KiB) Downloaded 478 times").name, "forum-post-buttons");
    CHECK_STR(match_in(r, RT_TEXT, "Powered by vBulletin\xc2\xae Version 3.8.11\n"
                                   "Copyright \xc2\xa9" "2000 - 2026, vBulletin Solutions Inc.").name,
              "forum-powered-by");
    CHECK_STR(match_in(r, RT_TEXT, "You're browsing the GameFAQs Message Boards as a guest. Sign Up "
                                   "for free (or Log In if you already have an account) to be able "
                                   "to post messages.").name,
              "forum-signup");
    /* Invision 5's author column keeps the author's name; any other aside goes. */
    CHECK(match_in(r, RT_ATTR, "tag=aside class=ipsEntry__author-column").action == RA_NONE);
    CHECK_STR(match_in(r, RT_ATTR, "tag=aside class=ipsEntry__header").name, "structure");
    CHECK_STR(match_in(r, RT_ATTR, "tag=aside class=widget-area").name, "structure");
    /* A dropdown's "subnav" is a menu; a menu's toggle shows a name (GameFAQs' poster). */
    CHECK_STR(match_in(r, RT_ATTR, "tag=div class=gsh_subnav id=gs_noty").name, "chrome");
    CHECK(match_in(r, RT_ATTR, "tag=a class=name menu_toggle").action == RA_NONE);
    static const char *const post_lines[] = {
        "I have written 9,239 posts on this board and never once saw that.",
        "The signature on the form was forged.",
        "Location: Las Vegas, NV, USA", /* an event's place */
    };
    for (size_t i = 0; i < sizeof post_lines / sizeof *post_lines; i++)
        CHECK(match_in(r, RT_TEXT, post_lines[i]).action == RA_NONE);
    static const char *const posts[] = {
        "tag=div class=post_body scaleimages", "tag=div class=signature-dish",
        "tag=span class=post_date", "tag=div class=author_information",
        "tag=div class=signature", /* a comment's author and date line (Squarespace) */
        "tag=span class=post-date", "tag=div class=post-body", "tag=span class=score unvoted",
    };
    for (size_t i = 0; i < sizeof posts / sizeof *posts; i++)
        CHECK(match_in(r, RT_ATTR, posts[i]).action != RA_DROP);
    /* Stack Exchange's comments, user cards, answer bar and form are not the thread. */
    static const char *const qa[] = {
        "tag=div class=post-layout--right js-post-comments-component",
        "tag=div class=comments js-comments-container bt mt12 id=comments-442960",
        "tag=div class=post-signature owner flex--item", "tag=div id=answers-header",
        "tag=div id=follow-ups-container-77758559", "tag=div class=js-bottom-notice",
        "tag=form class=js-add-answer-component post-form id=post-form",
    };
    for (size_t i = 0; i < sizeof qa / sizeof *qa; i++)
        CHECK_STR(match_in(r, RT_ATTR, qa[i]).name, "qa-furniture");
    /* A consent platform's dialog is named apart from chrome: it goes past the guard. */
    CHECK_STR(match_in(r, RT_ATTR, "tag=div id=onetrust-consent-sdk").name, "consent-platform");
    CHECK_STR(match_in(r, RT_ATTR, "tag=div class=consent-note").name, "chrome");
    /* A legal footnote block, a sticky "welcome bar" over the page. */
    CHECK_STR(match_in(r, RT_ATTR, "tag=div class=disclaimer--trial").name, "chrome");
    CHECK_STR(match_in(r, RT_ATTR, "tag=div class=mysticky-welcomebar-fixed").name, "chrome");
    /* A chrome word negated by "not-" is the page's content (Weebly). */
    CHECK(match_in(r, RT_ATTR, "tag=div class=wsite-elements wsite-not-footer id=wsite-content")
              .action == RA_NONE);
    CHECK_STR(match_in(r, RT_ATTR, "tag=div class=wsite-elements wsite-footer").name, "chrome");
    /* A shop's announcement bar is chrome; an announcement (a post's kind) is not. */
    CHECK_STR(match_in(r, RT_ATTR, "tag=div class=announcement-bar__message").name, "chrome");
    /* A page's legal notes under their own heading end it; the word in a sentence does
     * not. */
    CHECK_STR(match_in(r, RT_TEXT, "*Disclaimers").name, "disclaimers");
    CHECK_STR(match_in(r, RT_TEXT, "Important Disclosures").name, "disclaimers");
    CHECK(match_in(r, RT_TEXT, "Disclaimers are printed below.").action == RA_NONE);
    /* A site-wide notice ("February 26: version 18.3 released!") in a "shout box". */
    CHECK_STR(match_in(r, RT_ATTR, "tag=div class=row justify-content-center pg-shout-box").name, "chrome");
    CHECK_STR(match_in(r, RT_ATTR, "tag=div id=shoutbox").name, "chrome");
    CHECK_STR(match_in(r, RT_ATTR, "tag=section id=shopify-section-sections--1__announcement_bar")
                  .name, "chrome");
    CHECK(match_in(r, RT_ATTR, "tag=article class=post type-announcement").action == RA_NONE);
    /* The site search's panel (its suggestions, its top searches) is chrome; a search
     * page's results are not. */
    CHECK_STR(match_in(r, RT_ATTR, "tag=div class=desktop-side-search new-header search-bar").name,
              "chrome");
    CHECK_STR(match_in(r, RT_ATTR, "tag=div class=row search-suggestions").name, "chrome");
    CHECK_STR(match_in(r, RT_ATTR, "tag=predictive-search class=search__predictive").name, "chrome");
    CHECK(match_in(r, RT_ATTR, "tag=div class=search-results").action == RA_NONE);
    /* "ad" closing a generated id and Kadence's "kt-adv-heading" are no ads; a
     * breakpoint variant of "hidden" is a rule of its own (read on pages read whole). */
    CHECK(match_in(r, RT_ATTR, "tag=div class=wp-block-kadence-column kadence-column356_b8ce28-ad")
              .action == RA_NONE);
    CHECK(match_in(r, RT_ATTR, "tag=h2 class=kt-adv-heading356_9c83af-2d").action == RA_NONE);
    CHECK_STR(match_in(r, RT_ATTR, "tag=div class=top-ad").name, "chrome");
    CHECK_STR(match_in(r, RT_ATTR, "tag=div class=adv-box").name, "chrome");
    CHECK_STR(match_in(r, RT_ATTR, "tag=p class=text-18 lg:hidden answer").name, "responsive-hidden");
    CHECK_STR(match_in(r, RT_ATTR, "tag=p class=answer hidden").name, "chrome-word");
    /* Bootstrap's and Foundation's "hide" as a whole class, but beside a breakpoint's
     * class: a rule of its own (read on pages read whole). */
    CHECK_STR(match_in(r, RT_ATTR, "tag=time class=hide itemprop=datePublished").name, "hide-class");
    CHECK_STR(match_in(r, RT_ATTR, "tag=div class=row hide padding--top").name, "hide-class");
    CHECK(match_in(r, RT_ATTR, "tag=div class=location--overlay hide show@medium").action == RA_NONE);
    CHECK(match_in(r, RT_ATTR, "tag=div class=hide md:block").action == RA_NONE);
    CHECK(match_in(r, RT_ATTR, "tag=div class=hide-on-mobile").action == RA_NONE);
    CHECK(match_in(r, RT_ATTR, "tag=div class=expand-panel").action == RA_NONE);
    /* A sidebar named "side", as a whole class; a side note is the article's. */
    CHECK_STR(match_in(r, RT_ATTR, "tag=div class=side").name, "chrome-word");
    CHECK(match_in(r, RT_ATTR, "tag=div class=side-note").action == RA_NONE);
    /* A doc generator's furniture: version and language switchers, edit links,
     * previous / next bars, DocBook's navigation tables, rustdoc's source stamps; a
     * doc's own "versions" or "switcher-guide" section is none. */
    static const char *const doc_parts[] = {
        "tag=div id=version-switcher", "tag=ul id=doc-versions", "tag=ul id=doc-languages",
        "tag=div class=rst-versions shift-up", "tag=ul class=versions-dropdown",
        "tag=a class=theme-edit-this-page",
        "tag=div id=mdbook-help-container",
        "tag=div class=navheader", "tag=div class=navfooter", "tag=span class=src rightside",
        "tag=a class=test-arrow", "tag=div class=page-feedback", "tag=div class=printfooter",
    };
    for (size_t i = 0; i < sizeof doc_parts / sizeof *doc_parts; i++)
        CHECK_STR(match_in(r, RT_ATTR, doc_parts[i]).name, "doc-furniture");
    CHECK(match_in(r, RT_ATTR, "tag=section id=versions").action == RA_NONE);
    CHECK(match_in(r, RT_ATTR, "tag=section id=switcher-guide").action == RA_NONE);
    winnow_rules_free(r);
}

/* Subjects for comparing the built-in set loaded two ways: chrome of every kind, prose,
 * and long ones (past band and max limits, where the single rules decide). */
static const char *const builtin_subjects[] = {
    "Home", "Menu", "Share this", "Share", "Advertisement", "Read more: the rest",
    "Related articles", "Comments", "Leave a comment", "Sign up for our newsletter",
    "Copyright 2024 Example Media. All rights reserved.", "By John Smith",
    "Von Anna Müller", "Skip to main content", "Home > News > World", "Back to top",
    "Follow us on Twitter", "Tags: politics, economy", "Photo: Reuters", "Lire aussi : x",
    "The minister declined to comment on the report, which was published on Monday.",
    "Readers can sign up for the newsletter, she said, but few of them do.",
    "tag=div class=share-buttons", "tag=nav class=menu id=main-nav",
    "tag=div class=article-body", "tag=aside class=related-posts", "tag=footer",
    "tag=div class=comments id=comments role=complementary", "tag=div class=cookie-banner",
};

/* The verdicts of r and of want agree on every built-in subject, short and padded. */
static int builtin_agree(const winnow_rules *r, const winnow_rules *want)
{
    rule_matcher *m = wn_rules_matcher_new(r), *w = wn_rules_matcher_new(want);
    char long_s[2048];
    int bad = 0;
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = 0; i < sizeof builtin_subjects / sizeof *builtin_subjects; i++)
            for (int t = 0; t < 2; t++) {
                const char *s = builtin_subjects[i];
                size_t len = strlen(s);
                if (pass) { /* past band 0 (512 bytes), before or after the phrase */
                    size_t pad = pass == 1 ? 300 : 700;
                    memset(long_s, 'a', pad);
                    long_s[pad] = ' ';
                    memcpy(long_s + pad + 1, s, len);
                    if (pass == 2) memcpy(long_s, s, len);
                    len += pad + 1;
                    s = long_s;
                }
                const char *n1 = "", *n2 = "";
                rule_action a1 = match_name(m, (rule_target)t, s, len, &n1);
                rule_action a2 = match_name(w, (rule_target)t, s, len, &n2);
                if (a1 != a2 || (a1 != RA_NONE && strcmp(n1, n2) != 0)) {
                    fprintf(stderr, "built-in set differs on \"%.40s\": %d %s vs %d %s\n", s,
                            a1, n1, a2, n2);
                    bad++;
                }
            }
    wn_rules_matcher_free(m);
    wn_rules_matcher_free(w);
    return bad;
}

typedef struct {
    const winnow_rules *r, *want;
    int bad;
} builtin_job;

static void *builtin_worker(void *arg)
{
    builtin_job *job = arg;
    job->bad = builtin_agree(job->r, job->want);
    return NULL;
}

/* The built-in set is parsed only and compiled (or decoded) on use: it must decide as
 * the same text compiled at once, also with a user rule on top (then its joined
 * patterns cannot come from the build), and when threads race to build it. */
static void test_builtin_lazy(void)
{
    char err[512] = "";
    winnow_rules *eager = winnow_rules_new(), *lazy = winnow_rules_new();
    /* Every built-in rule compiles (the build tool also refuses a bad one). */
    int rc = winnow_rules_add_source(eager, "default.rules", winnow_default_rules,
                                     winnow_default_rules_len, err, sizeof err);
    if (rc != 0) fprintf(stderr, "built-in rules: %s\n", err);
    CHECK(rc == 0);
    CHECK(winnow_rules_add_default(lazy, err, sizeof err) == 0);
    CHECK(winnow_rules_count(lazy) == winnow_rules_count(eager));
    CHECK(winnow_rules_count(lazy) == winnow_default_n_rules);
    CHECK(builtin_agree(lazy, eager) == 0);
    winnow_rules_free(lazy);

    lazy = winnow_rules_new();
    CHECK(winnow_rules_add_default(lazy, err, sizeof err) == 0);
    pthread_t th[4];
    builtin_job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (builtin_job){lazy, eager, 0};
        pthread_create(&th[i], NULL, builtin_worker, &jobs[i]);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        CHECK(jobs[i].bad == 0);
    }

    static const char user[] = "drop /^Menu$/ mine\nkeep /Comments/ mine2\n";
    CHECK(winnow_rules_add_source(lazy, "u.rules", user, strlen(user), err, sizeof err) == 0);
    CHECK(winnow_rules_add_source(eager, "u.rules", user, strlen(user), err, sizeof err) == 0);
    CHECK(builtin_agree(lazy, eager) == 0);
    CHECK(match_in(lazy, RT_TEXT, "Comments").action == RA_KEEP);
    winnow_rules_free(lazy);
    winnow_rules_free(eager);
}

int main(void)
{
    winnow_global_init();
    test_actions();
    test_targets();
    test_flags();
    test_names_categories_comments();
    test_precedence();
    test_errors();
    test_prefilter();
    test_max_option();
    test_need_option();
    test_threads();
    test_memo();
    test_backtracking();
    test_deep_subject();
    test_apply_and_cut();
    test_default_rules();
    test_builtin_lazy();
    match_src("", RT_TEXT, ""); /* frees the last set */
    return check_done();
}
