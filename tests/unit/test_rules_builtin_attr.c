/* test_rules_builtin_attr.c -- the built-in attr rules give, with the matcher's
 * shortcuts (need= literals, the memo, the joined pattern), the verdict of the plain
 * definition: each rule's pattern run alone by PCRE2, the first keep rule that matches,
 * else the first rule.  Nearly every attr rule carries a hand-written need= list (the
 * joined pattern cost 57 K instructions an element), so this is what catches a list
 * that misses a word of its pattern.  Subjects: the words of every attr rule's pattern
 * (each run of literal characters, an optional character kept and dropped) put in a
 * class, an id and a tag, and a few compound ones written out. */
#include <stdlib.h>
#include "check.h"
#include "rules_check.h"
#include "rules/rules.h"
#include "rules_oracle.h"
#include "rules/rules_filter.h"

static size_t n_subjects, n_hits;

static void check_subject(rule_matcher *m, const oracle_rule *o, size_t n, const char *s,
                          pcre2_match_data *md)
{
    size_t len = strlen(s);
    const char *want = oracle_verdict(o, n, s, len, md), *name = NULL;
    rule_action a = match_name(m, RT_ATTR, s, len, &name);
    const char *got = a == RA_NONE ? "(none)" : name;
    n_subjects++;
    n_hits += a != RA_NONE;
    if (strcmp(want, got) != 0) {
        fprintf(stderr, "\"%s\": matcher says %s, the rules alone %s\n", s, got, want);
        check_fail_++;
    } else {
        check_pass_++;
    }
}

/* A word of a pattern in the places an element's line holds one. */
static void check_word(rule_matcher *m, const oracle_rule *o, size_t n, const char *w,
                       pcre2_match_data *md)
{
    static const char *const forms[][2] = {{"tag=div class=", ""}, {"tag=div id=x-", ""},
                                           {"tag=div class=a ", " b"}, {"tag=", ""},
                                           {"tag=div ", ""}};
    char s[512];
    for (size_t k = 0; k < sizeof forms / sizeof *forms; k++) {
        snprintf(s, sizeof s, "%s%s%s", forms[k][0], w, forms[k][1]);
        check_subject(m, o, n, s, md);
    }
}

static int literal(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == ':' || c == '=';
}

/* Each run of literal characters of pattern p, with its optional characters ("-?")
 * kept and dropped. */
static void check_words(rule_matcher *m, const oracle_rule *o, size_t n, const char *p,
                        pcre2_match_data *md)
{
    char kept[256], dropped[256];
    size_t lk = 0, ld = 0;
    for (const char *c = p;; c++) {
        int in = *c && literal(*c);
        if (in) {
            if (lk + 1 < sizeof kept) kept[lk++] = *c;
            if (ld + 1 < sizeof dropped) dropped[ld++] = *c;
            continue;
        }
        if (*c == '?' && lk && c > p && literal(c[-1])) {
            if (ld) ld--; /* the character before '?' may be absent */
            continue;
        }
        if (lk >= 2) {
            kept[lk] = dropped[ld] = '\0';
            check_word(m, o, n, kept, md);
            if (ld >= 2 && strcmp(kept, dropped) != 0) check_word(m, o, n, dropped, md);
        }
        lk = ld = 0;
        if (!*c) break;
        if (*c == '\\' && c[1]) c++; /* an escape ends a run: \d, \b, \w */
    }
}

/* Matches the word runs above do not spell out: a digit class, a word after a
 * class, an alternative made of two groups. */
static const char *const compound[] = {
    "tag=div id=sig123", "tag=div id=msg_12_signature", "tag=div class=signature scaleimages",
    "tag=div class=discussionboard-signature", "tag=div class=a__signature",
    "tag=div class=hidden md:block", "tag=div class=lg:hidden", "tag=div class=max-md:hidden",
    "tag=div class=sp_message_container_123", "tag=div id=follow-ups-container-9",
    "tag=div class=messagecard__post-position", "tag=li itemprop=position",
    "tag=div class=page-numbers", "tag=div class=sharing", "tag=div class=share-tools",
    "tag=div class=embed share", "tag=div class=print-share", "tag=div class=follow-us",
    "tag=div class=most-viewed", "tag=div class=mostpopular", "tag=div class=related-posts",
    "tag=div class=read-next", "tag=div class=alsoread", "tag=div class=comment-respond",
    "tag=div class=comments-reply", "tag=div class=comment-form", "tag=div class=reader-comments",
    "tag=div class=post-body", "tag=div class=entry_content", "tag=div class=blogpost-text",
    "tag=div itemprop=articleBody", "tag=div class=story-text", "tag=div class=body-copy",
    "tag=div class=widget Blog", "tag=div class=widget", "tag=div class=side-note",
    "tag=div class=u-hidden-visually", "tag=div class=screen-reader-only",
    "tag=div class=mdbook-help-popup", "tag=div class=versions-dropdown",
    "tag=div class=theme-edit-this-page", "tag=div class=doc-languages",
    "tag=div itemprop=datePublished", "tag=div class=slideshow", "tag=div role=navigation",
    "tag=nav", "tag=div role=dialog", "tag=div class=wsite-not-footer",
    "tag=div class=kadence-column356_b8ce28-ad", "tag=div class=kt-adv-heading",
    "tag=div class=ai-summary-block", "tag=div class=ipstime__short",
    "tag=div class=message-attribution-discussion-starter", "tag=div class=post-badges",
};

int main(void)
{
    winnow_global_init();
    static oracle_rule o[128];
    size_t n = load_oracle(o, 128, ORACLE_ATTR);
    CHECK(n >= 15);
    char err[256];
    winnow_rules *r = winnow_rules_new();
    CHECK(winnow_rules_add_default(r, err, sizeof err) == 0);
    rule_matcher *m = wn_rules_matcher_new(r);
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    for (size_t i = 0; i < n; i++) check_words(m, o, n, o[i].pattern, md);
    for (size_t i = 0; i < sizeof compound / sizeof *compound; i++)
        check_subject(m, o, n, compound[i], md);
    /* The words are the rules' own: most subjects are pruned by one. */
    CHECK(n_subjects > 1000 && n_hits * 2 > n_subjects);
    pcre2_match_data_free(md);
    wn_rules_matcher_free(m);
    winnow_rules_free(r);
    for (size_t i = 0; i < n; i++) pcre2_code_free(o[i].code);
    return check_done();
}
