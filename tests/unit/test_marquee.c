/* test_marquee.c -- article/marquee.c: a block that is one short phrase said over and
 * over (a scrolling ticker's text) and the lines that only look like one. */
#include <string.h>
#include "article/article.h"
#include "check.h"

static int marquee(const char *s)
{
    return wn_article_marquee(s, strlen(s));
}

int main(void)
{
    CHECK(marquee("Book Now *Book Now *Book Now *Book Now *Book Now *"));
    CHECK(marquee("FREE SHIPPING · free shipping · Free Shipping · FREE SHIPPING"));
    CHECK(marquee("new new new new new new new new"));
    CHECK(marquee("Schedule a call — Schedule a call — Schedule a call — Schedule a call"));
    /* Said too few times, or the phrase too long to be a ticker's. */
    CHECK(!marquee("Book Now *Book Now *Book Now *"));
    CHECK(!marquee("one two three four five six seven one two three four five six seven "
                   "one two three four five six seven one two three four five six seven"));
    /* A phrase that comes back but does not go on repeating is a sentence. */
    CHECK(!marquee("Book now and book now: the sooner you book, the better the room."));
    CHECK(!marquee("Book Now *Book Now *Book Now *Book Now *Book Now * or call us today"));
    CHECK(!marquee("The design studio for packaging, branding and the web."));
    CHECK(!marquee(""));
    /* Past a band's length a word over and over is filler or data. */
    static char filler[20001];
    for (size_t k = 0; k + 5 <= 20000; k += 5) memcpy(filler + k, "word ", 5);
    CHECK(!marquee(filler));
    CHECK(!marquee("* * * *"));
    return check_done();
}
