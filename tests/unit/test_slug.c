/* test_slug.c -- html_slug.c: an id that is its element's words made into an anchor
 * (two words or more, a generator's one-letter prefix and a counter aside, one word
 * reworded among three), and ids that are not (one word, words the text lacks, none). */
#include "check.h"
#include "html/html_dom.h"

int main(void)
{
    CHECK(wn_hdom_id_is_slug("h-what-is-social-shopping", "What is Social Shopping?"));
    CHECK(wn_hdom_id_is_slug("Related_work", "Related work"));
    CHECK(wn_hdom_id_is_slug("related-posts-2", "Related Posts"));
    CHECK(wn_hdom_id_is_slug("popular-full-ev-models-2025", "Popular Full EV Cars and SUVs in 2025"));
    CHECK(!wn_hdom_id_is_slug("related-posts-list", "Related Posts"));
    CHECK(!wn_hdom_id_is_slug("social", "Social"));
    CHECK(!wn_hdom_id_is_slug("share-box", "Tell your friends"));
    CHECK(!wn_hdom_id_is_slug("related-posts", "Related"));
    CHECK(!wn_hdom_id_is_slug("shares", "Share this"));
    CHECK(!wn_hdom_id_is_slug(NULL, "Related Posts"));
    CHECK(!wn_hdom_id_is_slug("related-posts", NULL));
    return check_done();
}
