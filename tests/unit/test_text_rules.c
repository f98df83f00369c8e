/* test_text_rules.c -- the built-in text rules (src/rules/default.rules): chrome lines
 * in English, German, French and Spanish must match, with the right action; sentences of
 * article prose that mention the same words must not. */
#include <stdlib.h>
#include "check.h"
#include "rules_check.h"
#include "rules/rules.h"


static rule_matcher *m;

static rule_action act(const char *s, const char **name)
{
    const char *nm = NULL;
    rule_action a = match_name(m, RT_TEXT, s, strlen(s), &nm);
    if (name) *name = nm;
    return a;
}

static void must_drop(const char *s)
{
    rule_action a = act(s, NULL);
    if (a != RA_DROP && a != RA_CUT_AFTER) fprintf(stderr, "not dropped: %s\n", s);
    CHECK(a == RA_DROP || a == RA_CUT_AFTER);
}

static void must_cut(const char *s)
{
    rule_action a = act(s, NULL);
    if (a != RA_CUT_AFTER) fprintf(stderr, "not a cut: %s\n", s);
    CHECK(a == RA_CUT_AFTER);
}

static void must_pass(const char *s)
{
    const char *name = NULL;
    rule_action a = act(s, &name);
    if (a != RA_NONE) fprintf(stderr, "prose matched rule %s: %s\n", name, s);
    CHECK(a == RA_NONE);
}

int main(void)
{
    char err[256];
    winnow_rules *rules = winnow_rules_new();
    CHECK(winnow_rules_add_default(rules, err, sizeof err) == 0);
    m = wn_rules_matcher_new(rules);
    CHECK(m != NULL);

    /* The buttons and badges of a listing's or a shop's tiles ([listing-cards]). */
    static const char *const card_lines[] = {"Compare", "Add to Compare", "Quick View",
                                             "Quickshop", "View details", "Add to Cart",
                                             "Add to wishlist", "Choose options",
                                             "Read full article", "Loading...", "Top Rated",
                                             "New Arrival", "#1 Best Seller", "Bestseller"};
    for (size_t k = 0; k < sizeof card_lines / sizeof *card_lines; k++) must_drop(card_lines[k]);
    must_pass("Compare the two plans before you choose options for your family.");
    must_pass("Add to cart only what you will use this month.");
    must_pass("Loading the van took us all morning.");

    /* A sort bar's options, a line each ([listing-cards]); the consent banner's text. */
    static const char *const sort_lines[] = {"Sort: Best Match", "Sort by:", "Sort By",
                                             "Sort by Oldest first", "Price: Low - High",
                                             "Price High-Low", "Brand: Z - A", "Best Match",
                                             "Customer Rating", "Newest",
                                             "Show 90 results per page",
                                             "Showing 30 results per page", "Sort and Filter"};
    for (size_t k = 0; k < sizeof sort_lines / sizeof *sort_lines; k++) must_drop(sort_lines[k]);
    must_pass("Sort the flour into two bowls");
    must_pass("Sort by colour before you wash them.");
    must_pass("Newest members of the team joined in May");
    must_drop("We and our partners store and/or access information on a device, such as "
              "cookies and process personal data, such as unique identifiers.");
    must_drop("We and our 644 partners store and access personal data, like browsing data.");
    must_drop("We value your privacy");
    must_pass("We and our partners planted forty trees along the river last spring.");

    /* Chrome that goes. */
    must_drop("When you purchase through links on our site, we may earn an affiliate "
              "commission. Here\xE2\x80\x99s how it works.");
    must_drop("Group of anonymous hackers in black costumes working with computers in office "
              "image via Shutterstock");
    must_drop("(Photo: John Smith/Getty Images)");
    must_drop("Photo: Reuters");
    must_drop("Skip to content");
    must_drop("Learn more");
    must_drop("Get started today");
    must_drop("START FOR FREE");
    must_drop("Request a demo →");
    must_drop("Read case study");
    must_pass("Learn more about our payroll plans and how they fit your team.");
    must_pass("Get started with the command line");
    must_drop("Skip To Main");
    must_drop("Skip to product list");
    must_drop("Skip to main content Skip to footer");
    must_pass("Skip to the next chapter if you know the basics of the shell.");
    must_drop("Zum Inhalt springen");
    must_drop("Share this:");
    must_drop("Click to share on Twitter (Opens in new window)");
    must_drop("Follow us on Instagram");
    must_drop("Suivez-nous");
    must_drop("Sign up for our newsletter");
    must_drop("Newsletter abonnieren");
    must_drop("Stay up to date with Example. Subscribe to our newsletter.");
    must_drop("This website uses cookies to improve your experience. We'll assume you're ok "
              "with this, but you can opt-out if you wish.");
    must_drop("Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.");
    must_drop("Accept all");
    must_drop("Advertisement");
    must_drop("Anzeige");
    must_drop("Publicidad");
    must_drop("Read more");
    must_drop("Weiterlesen");
    must_drop("Lire la suite");
    must_drop("Sign in");
    must_drop("Log in / Register");
    must_drop("Subscribe Sign In");
    must_drop("To Read the Full Story");
    must_drop("Iniciar sesi\xC3\xB3n");
    must_drop("Copyright \xC2\xA9 2019 Example Media. All rights reserved.");
    must_drop("Alle Rechte vorbehalten");
    must_drop("Todos los derechos reservados.");
    must_drop("Privacy Policy");
    must_drop("Reply");
    must_drop("thelastchargersfan says:");
    must_drop("Alex on September 17, 2018 at 6:34 am said:");
    must_drop("Rating: 36 Votes");
    must_drop("Tags: politics, elections");
    must_drop("Home \xE2\x80\xBA News \xE2\x80\xBA World");
    must_drop("Report a problem with article");

    /* End-of-article markers. */
    must_cut("Next Article");
    must_cut("Related Articles");
    must_cut("You may also like");
    must_cut("Related links:");
    must_cut("Top stories");
    must_cut("Join the conversation!");
    must_cut("Leave a Reply");
    must_cut("Comments are closed.");
    must_cut("34 responses to \xE2\x80\x9C" "Anthony Lynn: We needed to win this game\xE2\x80\x9D");
    must_cut("Kommentare");
    must_cut("Art\xC3\xAD" "culos relacionados");
    must_cut("\xC3\x80 lire aussi");

    /* A Q&A page's stamps of the question. */
    must_drop("Asked 13 years, 8 months ago");
    must_drop("Viewed 11k times");
    /* Forum software's lines around a thread; "Similar threads" opens other threads. */
    must_drop("You may not post new threads");
    must_drop("HTML code is Off");
    must_drop("[IMG] code is On");
    must_drop("All times are GMT +1. The time now is 14:01.");
    must_drop("Powered by vBulletin\xC2\xAE Version 3.8.11");
    must_drop("\xC2\xAB Previous Thread | Next Thread \xC2\xBB");
    must_drop("Top Bottom");
    must_cut("Similar threads");
    must_drop("Registered: 2016-07-02");
    must_drop("Posts: 10,525");
    must_drop("Join Date: Mar 2016");
    must_drop("1,234 posts \xC2\xB7 joined 2019");
    must_drop("Offline");
    must_drop("Thread starter paulb203");
    must_drop("Start date Oct 21, 2022");
    must_drop("Reactions: unixfool, Lizzard899 and 3 others");
    must_drop("Last edited: Oct 10, 2024");
    must_drop("JavaScript is disabled. For a better experience, please enable JavaScript in your "
              "browser before proceeding.");
    /* A post's buttons, phpBB's bar and box under the thread, Invision's edit line and
     * guest prompts; the member prompt ends the thread. */
    must_drop("Reply with quote");
    must_drop("Quote");
    must_drop("Post a reply");
    must_drop("Reply 16");
    must_drop("Remove ads");
    must_drop("Display posts from previous: All posts Sort by Post time Ascending");
    must_drop("Return to General");
    must_drop("Who is online");
    must_drop("Users browsing this forum: Camtropia, Cro09 and 2 guests");
    must_drop("Edited October 30, 2025 by El Patron (see edit history)");
    must_drop("Edited 2 hours ago by Bartek");
    must_drop("Sign up for a new account in our community. It's easy!");
    must_drop("Already have an account? Sign in here.");
    must_cut("You need to be a member in order to leave a comment");
    /* Markup shown as text: an unfilled template's placeholders, a CDATA opener. */
    must_drop("{{ DiscussionBoard.errors[11801306].message }}");
    must_drop("{{ a }} {{ b }}");
    must_drop("<![CDATA[");
    must_drop("Jump to content");
    must_drop("Advertisement - Members don't see this ad");
    /* A doc site's version switcher and breadcrumb as lines; its feedback box ends it. */
    must_drop("Supported Versions: Current (18) / 17 / 16 / 15 / 14");
    must_drop("Development Versions: devel");
    must_drop("Unsupported versions: 13 / 12 / 11 / 10 / 9.6");
    must_drop("Documentation \xE2\x86\x92 PostgreSQL 18");
    must_cut("Submit correction");
    must_cut("Edit this page on GitHub");

    /* Prose that mentions the same words stays. */
    must_pass("He declined to comment on the report.");
    must_pass("You can sign up for the program at any library branch, officials said.");
    must_pass("The company said it would share more details with investors next week.");
    must_pass("Photos of the flooded streets spread quickly on social media.");
    must_pass("Google said it would phase out third-party cookies in Chrome, its browser, "
              "by 2022, a change that worries advertisers.");
    must_pass("Bake the cookies for twelve minutes, then let them cool on the tray.");
    must_pass("Related research has found similar effects in mice.");
    must_pass("Top stories this year included the election and the floods.");
    must_pass("The newsletter, which he started in 2015, now has 40,000 readers.");
    must_pass("Read more about the study in the journal Nature, the authors suggested.");
    must_pass("Comments from the minister angered opposition lawmakers on Tuesday.");
    must_pass("All rights to the film were sold to a streaming service last year for an "
              "undisclosed sum, according to people familiar with the deal.");
    must_pass("The minister said:");
    must_pass("Advertisement revenue fell by a third in the quarter.");
    must_pass("Reuters reported the deal on Monday.");
    must_pass("Follow the money, she told the committee.");
    must_pass("Home prices rose for the sixth month in a row.");
    must_pass("Privacy advocates criticised the plan.");
    must_pass("Asked 13 years ago whether he would run, he laughed.");
    must_pass("Viewed from the hill, the town looks small.");
    must_pass("You may not post new threads after the board closes, the moderators said.");
    must_pass("Powered by wind and sun, the village needs no grid.");
    must_pass("Registered voters turned out in record numbers.");
    must_pass("Last edited by chunix64 (2025-11-01 15:15:18)");
    must_pass("Edited by Jane Smith and Tom Lee");
    must_pass("Supported versions of the driver are listed below.");
    must_pass("Documentation matters more than the code, she said.");
    must_pass("Return to the main road and turn left at the church.");
    must_pass("Quote of the day: nothing ventures.");
    must_pass("Who is online more, teenagers or their parents?");
    must_pass("Use {{ name }} in the template to print the user's name.");

    /* Q&A platform furniture; the thread ends at the answer form. */
    must_drop("Stack Exchange network consists of 183 Q&A communities including Stack Overflow, "
              "the largest, most trusted online community for developers.");
    must_drop("Improve this answer");
    must_drop("Add a comment |");
    must_drop("Sorted by: Reset to default");
    must_drop("Asked 16 years, 10 months ago");
    must_drop("Viewed 69k times");
    must_drop("answered Jul 8, 2020 at 22:48");
    must_drop("Commented Oct 16, 2023 at 10:50");
    must_drop("54.4k3737 gold badges142142 silver badges215215 bronze badges");
    must_cut("You must log in to answer this question.");
    must_cut("Start asking to get answers");
    must_pass("She asked May 2 at the meeting whether the plan would work.");
    must_pass("Viewed from the hill, the town looked smaller than ever.");
    must_pass("The team answered every question at the hearing.");

    /* A sign-in nag ([login] login-nag); a how-to's step stays. */
    must_drop("Sign in to add this item to your wishlist, follow it, or mark it as ignored");
    must_drop("You're not signed in!");
    must_drop("Log in to set a price alert on this product.");
    must_pass("Log in to your Google Play Developer Console and click on Create Application.");
    must_pass("Sign in to continue"); /* a sign-in wall's heading, read by the no-content verdict */

    /* An app's banner ([login] open-in-app); a sentence about opening an app stays. */
    must_drop("Open in Desktop App");
    must_drop("Open in app");
    must_drop("Open this page in the Steam App to wishlist, follow, purchase and see recommendations");
    must_pass("Open the app, choose a route and the driver sees it at once.");

    /* A form's status lines ([login] form-status); a story of something going wrong stays. */
    must_drop("Thank you! Your submission has been received!");
    must_drop("Oops! Something went wrong while submitting the form.");
    must_drop("Something went wrong. Please try again.");
    must_drop("Something went wrong while talking to the server. Please try again later.");
    must_pass("Something went wrong in the marketing area, and sales fell for a year.");
    must_pass("Maybe something went wrong in the marketing area.");

    /* A notice asking for scripts ([noscript] enable-javascript); prose about them stays. */
    must_drop("Take full advantage of our site features by enabling JavaScript.");
    must_drop("Please turn on JavaScript. Media requires JavaScript to play.");
    must_drop("JavaScript is required to view our full story experience.");
    must_pass("The browser team spent a year deciding how JavaScript engines should compile "
              "code ahead of time, and the benchmarks they published show why it mattered "
              "to anyone who builds large web applications with the language every day.");

    wn_rules_matcher_free(m);
    winnow_rules_free(rules);
    return check_done();
}
