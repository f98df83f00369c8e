/* meta.h -- what a page declares about itself (author, dates, site, language ...): the
 * record fields that are not the article's text.  jsonld.c reads schema.org JSON-LD;
 * the HTML front end (html/html_meta.c) reads <meta>, <link> and <html lang> and hands
 * it the JSON-LD scripts.  Rendered-text pages declare nothing. */
#ifndef WINNOW_META_H
#define WINNOW_META_H

#include "core/doc.h"


/* Reads the JSON-LD text s[0..len) (one <script type="application/ld+json">) and fills
 * the fields of m that are still NULL from its main entity: an Article-like object
 * (also inside @graph or a top-level array) before any other, authors given as names,
 * objects or @id references to Person nodes.  Broken JSON is read up to the break;
 * nesting past 32 levels is skipped.  Strings go into a; returns -1 when a ran out. */
int wn_jsonld_read(const char *s, size_t len, page_meta *m, arena *a);

/* The SCHEMA_* group (core/doc.h) of a schema.org type name ("Product",
 * "https://schema.org/FAQPage"), or 0 when it announces no kind of page. */
unsigned wn_meta_schema_group(const char *type);

/* The first date in s, in any of the forms pages write dates (ISO 8601, "Sep 25,
 * 2025", "25 September 2025", "25. Dezember 2025", "09/25/2025", "25.09.2025",
 * "2025年9月25日" ...), as ISO 8601: "YYYY-MM-DD", with "THH:MM[:SS][zone]" when an ISO
 * value had a time.  Dates before 1995, after not_after (an ISO date, the day the page
 * was fetched; NULL for no bound) or not on the calendar are passed over.  In a; NULL
 * when s holds no such date (date.c). */
const char *wn_meta_iso_date(const char *s, const char *not_after, arena *a);
/* The same, and *at (when at is not NULL) is where in s the date starts, so that the
 * caller can read on from *at + 1. */
const char *wn_meta_next_date(const char *s, const char **at, const char *not_after, arena *a);
/* How the date at at (as wn_meta_next_date found it) is written: 'D' day before month
 * ("25 September 2025", "25/09/2025", "25.09.2025"), 'M' month before day ("Sep 25,
 * 2025", "09/25/2025"), '?' numbers that read either way ("03/10/2023", read month
 * first), 0 neither (year first, or one day either way). */
int wn_meta_date_order(const char *at);

/* Whether the words before the date at at, in the line s (at most DATE_LABEL_GAP
 * bytes back: room for a user's name after "by"), say it is not the page's publication
 * but a member's ("Joined", "Member since") or a thread's latest reply's ("last post
 * by nwberm Jun 5, 2024") (date_label.c). */
#define DATE_LABEL_GAP 48
int wn_meta_date_not_publication(const char *s, const char *at);
/* Whether s[0..len) is such a label alone ("Joined", "Last post:"), the date on the
 * next line. */
int wn_meta_label_not_publication(const char *s, size_t len);

/* The date s gives as the first publication, written at most 48 bytes after
 * "originally published", "originally posted" or "first published on" ("This article
 * was originally published on 26 Sep 2019 at 4:12pm but has been regularly updated"),
 * or NULL; none after not_after.  In a (date_label.c). */
const char *wn_meta_first_published(const char *s, const char *not_after, arena *a);

/* The names of an author field or a byline ("By Ann Lee, Staff Writer | Reuters",
 * "Written by Jo Doe and Kim Park on May 3, 2025"), joined with "; " ("Ann Lee",
 * "Jo Doe; Kim Park"): "By" and its like, roles, credentials, e-mail addresses, URLs
 * and dates removed.  shown: s is a line the page shows, where a name must also look
 * like one (capitalised words, or a single word).  In a; NULL when no name is left
 * (author.c). */
const char *wn_meta_author(const char *s, int shown, arena *a);

/* Tags or categories given as a list -- "a, b; c", terms joined with "; " from several
 * tags -- as one list joined with "; ": terms trimmed, empty and over-long ones
 * dropped, repeats (in any case) once, at most 30.  In a; NULL when none (terms.c). */
const char *wn_meta_terms(const char *s, arena *a);

#endif
