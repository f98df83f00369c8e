/* date_label.c -- what the words before a date say it is.  A page shows many dates
 * that are not its publication: a member's ("Joined: 4. Jul 2012", "Member since"), a
 * thread's latest reply ("last post by nwberm Jun 5, 2024", "Last post: 01/12/2025");
 * and one that is, a revised story's first ("originally published on 26 Sep 2019").
 * Both front ends ask, the HTML one of its date lines and text nodes, the text one of
 * its lines. */
#include <string.h>
#include <strings.h>
#include "meta/meta.h"

/* The labels, in lower case. */
static const char *const other_dates[] = {"joined", "member since", "registered",
                                          "last post", "latest post", "last reply",
                                          "latest reply", "last activity", NULL};

#define LABEL_MAX 16 /* bytes of the longest label, "latest reply: ", and then some */

/* Whether s[0..len) holds w (lower case) in any ASCII case. */
static int holds(const char *s, size_t len, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= len; i++)
        if ((s[i] | 0x20) == w[0] && strncasecmp(s + i, w, wl) == 0) return 1;
    return 0;
}

int wn_meta_date_not_publication(const char *s, const char *at)
{
    const char *from = at - s > DATE_LABEL_GAP ? at - DATE_LABEL_GAP : s;
    for (const char *const *w = other_dates; *w; w++)
        if (holds(from, (size_t)(at - from), *w)) return 1;
    return 0;
}

int wn_meta_label_not_publication(const char *s, size_t len)
{
    if (len > LABEL_MAX || !len) return 0; /* most lines: longer than any label */
    while (len && (s[len - 1] == ':' || s[len - 1] == ' ')) len--;
    char c = (char)(s[0] | 0x20);
    for (const char *const *w = other_dates; *w; w++)
        if ((*w)[0] == c && strlen(*w) == len && strncasecmp(s, *w, len) == 0) return 1;
    return 0;
}

#define ORIGINAL_GAP 48 /* bytes between "originally published" and its date */

const char *wn_meta_first_published(const char *s, const char *not_after, arena *a)
{
    static const char *const phrases[] = {"originally published", "originally posted",
                                          "first published on", NULL};
    /* One pass: a phrase is compared only where an 'o' or an 'f' is (strpbrk finds
     * them faster than a loop over the bytes). */
    for (const char *p = s ? strpbrk(s, "oOfF") : NULL; p; p = strpbrk(p + 1, "oOfF")) {
        char c = (char)(*p | 0x20);
        for (const char *const *ph = phrases; *ph; ph++) {
            if ((*ph)[0] != c || (p[1] | 0x20) != (*ph)[1]) continue;
            size_t pl = strlen(*ph);
            if (strncasecmp(p, *ph, pl) != 0) continue;
            char win[ORIGINAL_GAP + 40];
            size_t w = strnlen(p + pl, sizeof win - 1);
            memcpy(win, p + pl, w);
            win[w] = '\0';
            const char *at, *d = wn_meta_next_date(win, &at, not_after, a);
            if (d && at - win <= ORIGINAL_GAP) return d;
        }
    }
    return NULL;
}
