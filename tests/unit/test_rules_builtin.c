/* test_rules_builtin.c -- the built-in text rules give, with all the matcher's shortcuts
 * (prefix filters, need= literals, the memo, joined patterns), the verdict of the plain
 * definition: each rule's pattern run alone by PCRE2 on every subject within its max=,
 * the first keep rule that matches, else the first rule.  need= lists are written by
 * hand, so this is what catches one that misses a phrase of its pattern.  Subjects:
 * every line of the bundled text fixtures, and chrome lines for every rule. */
#include <dirent.h>
#include <stdlib.h>
#include "check.h"
#include "rules_check.h"
#include "rules/rules.h"
#include "rules_oracle.h"
#include "rules/rules_filter.h"

static size_t n_hits;

static void check_subject(rule_matcher *m, const oracle_rule *o, size_t n, const char *s,
                          size_t len, pcre2_match_data *md)
{
    const char *want = oracle_verdict(o, n, s, len, md), *name = NULL;
    rule_action a = match_name(m, RT_TEXT, s, len, &name);
    const char *got = a == RA_NONE ? "(none)" : name;
    n_hits += a != RA_NONE;
    if (strcmp(want, got) != 0) {
        fprintf(stderr, "\"%.*s\": matcher says %s, the rules alone %s\n", (int)len, s, got, want);
        check_fail_++;
    } else {
        check_pass_++;
    }
}

/* Chrome lines, at least one for every rule (and the phrases of each need= list). */
static const char *const chrome[] = {
    "Skip to content", "Skip To Main", "Skip to search results Skip to filters Skip to sort",
    "Menu", "Home » News » World", "Back to news", "Next page",
    "5 min read", "Page 2 of 9", "« Older posts", "| · |", "Share", "Click to share on Twitter",
    "Like this story? Share it", "Share: Facebook Twitter Email", "Facebook Twitter Instagram",
    "Follow us on Twitter", "1.2k shares", "Views", "Copyright 2019 Example Inc.", "Privacy Policy",
    "Registration on or use of this site constitutes acceptance", "Sign up for our newsletter",
    "Get our daily newsletter in your inbox", "No spam, ever.", "Enter your email address",
    "Jetzt abonnieren und lesen", "(button) Close", "Log in", "Log in or register to post",
    "Already a subscriber? Log in", "Subscribe / Log in", "Don't miss", "Advertisement",
    "Sponsored by Acme", "Photo: Jane Doe/AP", "Getty Images", "Toggle caption", "[image]",
    "IFRAME: https://example.com", "Image 3 of 12", "Next Article", "Report a problem with this article",
    "Related Stories", "Recent Posts", "About the author", "Author bio:", "This entry was posted on Monday, May 6th, 2019 at 9:12 am and is filed under News.", "Bookmark the permalink.", "Read more »", "Tags: politics, world", "Leave a comment",
    "Mary Smith says:", "John on May 5, 2019 at 10:00 said:", "Reply", "12 comments",
    "Be the first to comment", "We use cookies to improve your experience.",
    "Hi! This site uses cookies.", "Necessary cookies are absolutely essential",
    "Accept all", "Wir verwenden Cookies auf dieser Seite", "If you buy something through our links, we may earn a commission.",
    "This post contains affiliate links.", "Buy now", "© 2019 Example. All rights reserved.",
    "Alle Rechte vorbehalten.", "Tous droits réservés", "Todos los derechos reservados",
    "Contact | Privacy Policy | Terms of Use | Sitemap", "Weekly newsletter",
    "Subscribe to our newsletter", "Photo by Kirk Irwin/Getty Images", "Image credit: Eurogamer",
    "Video by Reuters", "Graphic courtesy of NASA", "Illustration via Shutterstock",
    "A view of the port. REUTERS/Jane Doe", "Workers at the plant (Photo: AP)",
    "Protesters (Foto: dpa)", "Fans at the show (Picture: Getty)", "(Image: GETTY )",
    "We may earn an affiliate commission.", "Our email updates are free",
    "ZDNet may receive a commission from some products.", "The crowd cheered. EPA-EFE",
    "Pierre dit:", "Juan dice:", "Hans schreibt:", "Ana escribió:", "Bob wrote:",
    "By Jane Doe", "Read more: the rest of the story", "Werbung", "Don't miss:",
    "Quick view", "Add to compare", "#1 Best Seller", "Learn more ›", "Get started for free",
    "Book a demo", "In stock", "Free shipping", "Ways to Save", "Sort: Best Match", "Sort By:",
    "Showing 1–24 of 132 results", "1 - 12 of 27 Products", "5 Colors",
    "Free Shipping on Orders over $75. Easy Returns.", "Members Get Free Shipping on Orders Over $49",
    "Price: Low - High", "Show 90 results per page",
    "We and our partners store and/or access information on a device", "We value your privacy",
    "Shop now!", "Filter by:", "Best selling", "12 reviews", "Unit price / per",
    "Sale price $99.99 Regular price $209.99 (-52%)", "24 per page",
};

/* Every line of the text fixtures, whitespace collapsed the way blocks are. */
static void check_fixtures(rule_matcher *m, const oracle_rule *o, size_t n, pcre2_match_data *md)
{
    const char *src = getenv("WINNOW_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/fixtures", src ? src : ".");
    DIR *dir = opendir(path);
    CHECK(dir != NULL);
    if (!dir) return;
    struct dirent *e;
    size_t files = 0;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "%s/fixtures/%s/input.txt", src ? src : ".", e->d_name);
        FILE *f = fopen(path, "rb");
        if (!f) continue;
        files++;
        char line[65536];
        while (fgets(line, sizeof line, f)) {
            size_t len = wn_text_collapse_ws(line, strlen(line));
            if (len) check_subject(m, o, n, line, len, md);
        }
        fclose(f);
    }
    closedir(dir);
    CHECK(files >= 4);
}

int main(void)
{
    winnow_global_init();
    static oracle_rule o[512];
    size_t n = load_oracle(o, 512, ORACLE_TEXT);
    CHECK(n > 50);
    char err[256];
    winnow_rules *r = winnow_rules_new();
    CHECK(winnow_rules_add_default(r, err, sizeof err) == 0);
    rule_matcher *m = wn_rules_matcher_new(r);
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    for (size_t i = 0; i < sizeof chrome / sizeof chrome[0]; i++)
        check_subject(m, o, n, chrome[i], strlen(chrome[i]), md);
    /* Nearly every chrome line is chrome to the rules (a few only to the classifier). */
    CHECK(n_hits + 3 >= sizeof chrome / sizeof chrome[0]);
    check_fixtures(m, o, n, md);
    pcre2_match_data_free(md);
    wn_rules_matcher_free(m);
    winnow_rules_free(r);
    for (size_t i = 0; i < n; i++) pcre2_code_free(o[i].code);
    return check_done();
}
