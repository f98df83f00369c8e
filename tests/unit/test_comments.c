/* test_comments.c -- article/comments.c and comment_entries.c: which blocks are a
 * reader-comment thread, where it starts and ends, and who and when each comment is. */
#include <string.h>
#include "article/article.h"
#include "check.h"

#define ART "A paragraph of the story itself, long enough to read as the article's prose: " \
            "it goes on for a while, as articles do, before the readers have their say."

/* A doc of kept blocks; a line starting with '#' is a heading. */
static void make(doc *d, const char *const *lines, size_t n)
{
    wn_doc_init(d);
    d->page_type = WINNOW_PAGE_ARTICLE;
    for (size_t i = 0; i < n; i++) {
        int heading = lines[i][0] == '#';
        const char *t = lines[i] + heading;
        block *b = wn_doc_add(d, heading ? BK_HEADING : BK_PARA, t, strlen(t));
        b->dec = DEC_KEEP;
        b->why = WHY_ARTICLE;
    }
}

static int is_comment(const doc *d, size_t i)
{
    return d->blocks[i].dec == DEC_DROP && d->blocks[i].why == WHY_COMMENT;
}

static void test_head_stamps(void)
{
    /* Stamps before their text ("X said,"); the article's text stays. */
    const char *const page[] = {ART, ART, "#Discussion", "ann said,", "I tried this last spring.",
                                "bob said,", "Mine came up in March.", "carol said,",
                                "Thanks for the tip, it worked for me too."};
    doc d;
    make(&d, page, 9);
    wn_article_comments(&d);
    CHECK(!is_comment(&d, 0) && !is_comment(&d, 1) && !is_comment(&d, 2));
    for (size_t i = 3; i < 9; i++) CHECK(is_comment(&d, i));
    CHECK((d.blocks[3].flags & (BF_STAMP | BF_COMMENT_START)) == (BF_STAMP | BF_COMMENT_START));
    CHECK(!(d.blocks[4].flags & BF_COMMENT_START));
    winnow_comment *c;
    long n = wn_article_comment_list(&d, &c);
    CHECK(n == 3);
    if (n == 3) {
        CHECK_STR(c[0].author, "ann");
        CHECK(c[0].date == NULL);
        CHECK_STR(c[0].text, "I tried this last spring.");
        CHECK_STR(c[2].author, "carol");
    }
    wn_doc_free(&d);
}

static void test_tail_stamps_after_counted_footer(void)
{
    /* The article's own "Posted on ... | 7 Comments" line before a stamps-last thread:
     * one stamp of the thread counting comments does not make it a listing. */
    const char *const page[] = {ART, ART, "Posted on November 9, 2012 at 6:41 AM - 7 Comments",
                                "Good summary, thank you.", "Posted by: Lee at November 9, 2012 7:49 AM",
                                "Is there a second part coming?", "Posted by: Kim at November 9, 2012 8:01 AM",
                                "I read the first one twice.", "Posted by: Ann at November 9, 2012 8:28 AM"};
    doc d;
    make(&d, page, 9);
    wn_article_comments(&d);
    CHECK(!is_comment(&d, 0) && !is_comment(&d, 1));
    CHECK(is_comment(&d, 3) && is_comment(&d, 7) && is_comment(&d, 8));
    wn_doc_free(&d);
}

static void test_tail_stamps(void)
{
    /* Stamps after their text (Movable Type); the article's own "Posted by" line
     * starts the rhythm but the story before it is no comment. */
    const char *const page[] = {ART, ART, ART, "Posted by Kim at May 3, 2012 09:12 PM",
                                "Good summary, thank you.", "Posted by: Lee at May 4, 2012 07:45 AM",
                                "Is there a second part coming?", "Or a book?",
                                "Posted by: Max at May 4, 2012 11:30 AM", "#Post a comment", "Name:"};
    doc d;
    make(&d, page, 11);
    wn_article_comments(&d);
    for (size_t i = 0; i < 4; i++) CHECK(!is_comment(&d, i));
    for (size_t i = 4; i < 9; i++) CHECK(is_comment(&d, i));
    CHECK(!is_comment(&d, 9) && !is_comment(&d, 10));
    winnow_comment *c;
    long n = wn_article_comment_list(&d, &c);
    CHECK(n == 2);
    if (n == 2) {
        CHECK_STR(c[0].author, "Lee");
        CHECK_STR(c[0].date, "2012-05-04");
        CHECK_STR(c[0].text, "Good summary, thank you.");
        CHECK_STR(c[1].author, "Max");
        CHECK_STR(c[1].text, "Is there a second part coming?\n\nOr a book?");
    }
    wn_doc_free(&d);
}

static void test_not_threads(void)
{
    /* Dated entries under headings (a listing, a timeline) are no thread. */
    const char *const listing[] = {ART, "#First post", "Posted by ann on May 3, 2012",
                                   "A teaser of the first post.", "#Second post",
                                   "Posted by bob on May 4, 2012", "A teaser of the second.",
                                   "#Third post", "Posted by carol on May 5, 2012",
                                   "A teaser of the third."};
    doc d;
    make(&d, listing, 10);
    wn_article_comments(&d);
    for (size_t i = 0; i < d.n; i++) CHECK(!is_comment(&d, i));
    wn_doc_free(&d);
    /* A thread with no article before it is the page (a guestbook). */
    const char *const all[] = {"ann said,", "Lovely site.", "bob said,", "Agreed, lovely.",
                               "carol said,", "Hello from Leeds."};
    make(&d, all, 6);
    wn_article_comments(&d);
    for (size_t i = 0; i < d.n; i++) CHECK(!is_comment(&d, i));
    wn_doc_free(&d);
    /* The same thread on a page clearly read as a forum: posts are content. */
    const char *const forum[] = {ART, "ann said,", "I tried this.", "bob said,", "Me too.",
                                 "carol said,", "Same here."};
    make(&d, forum, 7);
    d.page_type = WINNOW_PAGE_FORUM;
    d.page_type_margin = 10;
    wn_article_comments(&d);
    for (size_t i = 0; i < d.n; i++) CHECK(!is_comment(&d, i));
    wn_doc_free(&d);
    /* The story going on after dated lines: items of the article, not comments. */
    const char *const events[] = {ART, "Expo - May 3, 2012 at 9:00", "The trade fair.",
                                  "Summit - May 9, 2012 at 9:00", "The yearly summit.",
                                  "Forum - May 12, 2012 at 9:00", "The closing forum.", ART, ART};
    make(&d, events, 9);
    wn_article_comments(&d);
    for (size_t i = 0; i < d.n; i++) CHECK(!is_comment(&d, i));
    wn_doc_free(&d);
    /* Entries that count their comments, titles not marked as headings (rendered text). */
    const char *const counted[] = {ART, ART, "Budgie 10.10 brings a new compositor",
                                   "7 March 12:46 PM - Desktop - 9 Comments", "The desktop's release.",
                                   "Mesa 26 lands a faster shader cache",
                                   "7 March 10:02 AM - Graphics - 14 Comments", "The driver release.",
                                   "Firefox 140 enables a new tab layout",
                                   "6 March 8:15 PM - Browsers - 2 Comments", "The browser's update."};
    make(&d, counted, 11);
    wn_article_comments(&d);
    for (size_t i = 0; i < d.n; i++) CHECK(!is_comment(&d, i));
    wn_doc_free(&d);
    /* One writer's posts, titles not marked as headings (rendered text): the article's
     * own "Posted by" names the writer of the posts after it. */
    const char *const posts[] = {"Posted by EditorDavid on Sunday March 08, 2026 @03:34AM", ART,
                                 "Hyundai discontinues its cheapest sedan",
                                 "Posted by EditorDavid on Saturday March 07, 2026 @11:44PM",
                                 "Hyundai is discontinuing its most affordable sedan.",
                                 "Mixed reviews for a new dinosaur series",
                                 "Posted by EditorDavid on Saturday March 07, 2026 @09:34PM",
                                 "Reviewers gave it a lower score.",
                                 "A first for humanity confirmed",
                                 "Posted by BeauHD on Saturday March 07, 2026 @07:16PM",
                                 "A new study documents a first for humanity.",
                                 "Seagate ships larger hard drives",
                                 "Posted by EditorDavid on Saturday March 07, 2026 @12:34PM",
                                 "Seagate says it is now shipping its new drives."};
    make(&d, posts, 14);
    wn_article_comments(&d);
    for (size_t i = 0; i < d.n; i++) CHECK(!is_comment(&d, i));
    wn_doc_free(&d);
    /* Readers who answer the writer now and then are still a thread. */
    const char *const replies[] = {ART, ART, "Posted by ann on May 3, 2012 at 9:00",
                                   "I tried this last spring.", "Posted by bob on May 3, 2012 at 9:30",
                                   "Mine came up in March.", "Posted by ann on May 3, 2012 at 9:45",
                                   "Good to hear it.", "Posted by carol on May 4, 2012 at 8:00",
                                   "Thanks for the tip."};
    make(&d, replies, 10);
    wn_article_comments(&d);
    CHECK(!is_comment(&d, 0) && !is_comment(&d, 1));
    for (size_t i = 2; i < d.n; i++) CHECK(is_comment(&d, i));
    wn_doc_free(&d);
}

static void test_stamp_reading(void)
{
    /* Sections the front end marked, one stamp each: the author as shown, the date as
     * ISO 8601. */
    const char *const page[] = {ART, "12. Jo Bloggs - Springfield - October 26, 2012",
                                "First!", "Ann says: October 13, 2024 at 8:02 am", "Second.",
                                "by Pat | 3 days ago | Reply", "Third."};
    doc d;
    make(&d, page, 7);
    for (size_t i = 1; i < 7; i++) {
        d.blocks[i].dec = DEC_DROP;
        d.blocks[i].why = WHY_COMMENT;
        d.blocks[i].flags |= BF_COMMENT | (i == 1 ? BF_COMMENT_START : 0);
    }
    wn_article_comments(&d);
    winnow_comment *c;
    long n = wn_article_comment_list(&d, &c);
    CHECK(n == 3);
    if (n == 3) {
        CHECK_STR(c[0].author, "Jo Bloggs - Springfield");
        CHECK_STR(c[0].date, "2012-10-26");
        CHECK_STR(c[0].text, "First!");
        CHECK_STR(c[1].author, "Ann");
        CHECK_STR(c[1].date, "2024-10-13");
        CHECK_STR(c[2].author, "Pat");
        CHECK(c[2].date == NULL); /* an age is no date */
    }
    wn_doc_free(&d);
    CHECK(wn_article_has_date("on 2012-05-03", 13));
    CHECK(wn_article_has_date("at 12:56 PM", 11));
    CHECK(wn_article_has_date("2 hours ago", 11));
    CHECK(!wn_article_has_date("page 1234 of 20", 15));
    /* Digits far into the line, after bytes of UTF-8 sequences and ones just below '0'
     * or above '9' (the scan reads 8 bytes at a time). */
    const char *late = "Posted in r\xc3\xa9sum\xc3\xa9s ///:::  on 2019-01-02";
    CHECK(wn_article_has_date(late, strlen(late)));
    CHECK(!wn_article_has_date(late, strlen(late) - 9)); /* "... on 2" */
    CHECK(!wn_article_has_date("Comments ///::: and replies", 27));
    CHECK(wn_article_author_line("Mary Ann Wrote:", 15) == 8);
    CHECK(wn_article_author_line("Mary Ann SAYS", 13) == 8);
    CHECK(wn_article_author_line("Mary Ann said,", 14) == 8);
    CHECK(wn_article_author_line("It is what the minister said", 28) == 0);
}

static void test_numbered(void)
{
    /* A 2000s news page's table layout: "Comment No. 12" heads each reader comment,
     * "Report this comment" under it is a control, not text. */
    const char *const page[] = {ART, ART, "Comment No. 1", "The council should have asked us.",
                                "Comment No. 2", "It was in the paper in March.",
                                "Comment No. 3", "Nobody reads the paper any more."};
    doc d;
    make(&d, page, 8);
    wn_article_comments(&d);
    CHECK(!is_comment(&d, 1));
    for (size_t i = 2; i < 8; i++) CHECK(is_comment(&d, i));
    winnow_comment *c;
    CHECK(wn_article_comment_list(&d, &c) == 3);
    wn_doc_free(&d);
}

/* article/furniture.c: a forum read whole drops what each post repeats. */
static void test_furniture(void)
{
    const char *const page[] = {"ann 1 year ago", "Member", "12", "I tried this last spring.",
                                "bob 1 year ago", "Member", "3,204", "Mine came up in March.",
                                "ann 1 year ago", "Member", "Thanks for the tip, it worked.",
                                "ann 1 year ago", "One more thing: water it weekly."};
    doc d;
    make(&d, page, 13);
    d.page_type = WINNOW_PAGE_FORUM;
    d.page_type_margin = 1000;
    wn_article_furniture(&d, 0);
    CHECK(d.blocks[1].dec == DEC_DROP && d.blocks[1].why == WHY_FURNITURE); /* Member x3 */
    CHECK(d.blocks[2].dec == DEC_DROP && d.blocks[6].dec == DEC_DROP);     /* 12, 3,204 */
    CHECK(d.blocks[0].dec == DEC_KEEP && d.blocks[8].dec == DEC_KEEP);     /* author lines */
    CHECK(d.blocks[3].dec == DEC_KEEP && d.blocks[12].dec == DEC_KEEP);
    wn_doc_free(&d);
    /* A short count ("7K" views) and an author's initial alone are furniture; a word
     * of two letters, a number in a sentence are not. */
    const char *const counts[] = {"J", "ann 1 year ago", "7K", "1.2K", "Ok", "I paid 7K for it."};
    make(&d, counts, 6);
    d.page_type = WINNOW_PAGE_FORUM;
    d.page_type_margin = 1000;
    wn_article_furniture(&d, 0);
    CHECK(d.blocks[0].why == WHY_FURNITURE && d.blocks[2].why == WHY_FURNITURE &&
          d.blocks[3].why == WHY_FURNITURE);
    CHECK(d.blocks[1].dec == DEC_KEEP && d.blocks[4].dec == DEC_KEEP && d.blocks[5].dec == DEC_KEEP);
    wn_doc_free(&d);
    /* An article keeps its lines, repeated or not. */
    make(&d, page, 13);
    wn_article_furniture(&d, 0);
    for (size_t i = 0; i < d.n; i++) CHECK(d.blocks[i].dec == DEC_KEEP);
    wn_doc_free(&d);
}

static void test_matchers(void)
{
    /* wn_article_starts / wn_article_contains: ASCII case ignored on either side, a
     * match at the start, middle and end, near misses, lengths that cut the needle. */
    CHECK(wn_article_starts("Posted by ann", 13, "posted by"));
    CHECK(wn_article_starts("posted BY ann", 13, "Posted By"));
    CHECK(!wn_article_starts("posted b", 8, "posted by"));
    CHECK(!wn_article_starts("Posted bx", 9, "posted by"));
    CHECK(!wn_article_starts("xosted by", 9, "posted by"));
    CHECK(wn_article_starts("", 0, ""));
    CHECK(wn_article_contains("Reply to ann", 12, "reply"));
    CHECK(wn_article_contains("ann REPLY", 9, "reply"));
    CHECK(wn_article_contains("ann Reply bob", 13, "rEpLy"));
    CHECK(!wn_article_contains("ann repl", 8, "reply"));
    CHECK(!wn_article_contains("ann replx", 9, "reply"));
    CHECK(!wn_article_contains("ann reply", 8, "reply")); /* n cuts the match */
    CHECK(wn_article_contains("rrreply", 7, "reply"));     /* after a false first byte */
    CHECK(!wn_article_contains("", 0, "reply"));
    CHECK(wn_article_contains("Posted by ann at noon", 21, " at "));
    CHECK(!wn_article_contains("Posted by ann at", 16, " at "));
    CHECK(wn_article_contains("caf\xc3\xa9 ago", 9, "AGO"));
    CHECK(!wn_article_contains("\xc3\x81go", 4, "ago"));
    CHECK(wn_article_author_line("Ann Smith says:", 15) == 9);
    CHECK(wn_article_author_line("Ann Smith SAID", 14) == 9);
    CHECK(wn_article_author_line("Ann Smith sai", 13) == 0);
    CHECK(wn_article_has_date("3 days ago", 10));
    CHECK(wn_article_has_date("posted 2 HOURS AGO by ann", 25));
    CHECK(!wn_article_has_date("3 days agx", 10));
}

int main(void)
{
    test_matchers();
    test_numbered();
    test_head_stamps();
    test_tail_stamps();
    test_furniture();
    test_tail_stamps_after_counted_footer();
    test_not_threads();
    test_stamp_reading();
    return check_done();
}
