/* language.h -- the language of a page as a BCP 47 tag: the tags a page declares,
 * normalised (lang_tag.c); a detector for the text itself (detect_cld2.cc over Debian's
 * libcld2, or detect_none.c when built without it); and the choice between what the
 * page declares and what its text is (language.c), run once the blocks are decided. */
#ifndef WINNOW_LANGUAGE_H
#define WINNOW_LANGUAGE_H

#include "core/doc.h"

/* Bytes of kept text below which the detector is not asked: on a few words it guesses
 * (cld2 calls a short text "reliable" now and then), and the declared tag is better. */
#define LANGUAGE_MIN_TEXT 200
/* Bytes of kept text the detector reads at most, prose first (about 150 words): cld2
 * reads some 8-10 MB/s, so a whole article would cost a tenth of an HTML page's
 * extraction; 1 KiB costs about 3% and, on the development sets, reads the same
 * language as 32 KiB on all but 2 of 2,485 HTML pages (512 bytes starts to misread
 * boilerplate and bilingual pages). */
#define LANGUAGE_SAMPLE 1024

/* The BCP 47 tag s declares, in its canonical case: "en_US" and "EN-us" -> "en-US",
 * "zh-hans-cn" -> "zh-Hans-CN", a POSIX locale "de_DE.UTF-8" -> "de-DE", deprecated
 * codes replaced ("iw" -> "he", "in" -> "id", "ji" -> "yi", "jw" -> "jv").  Extensions
 * and private use ("-u-...", "-x-...") are left out.  NULL (in a) when s is no language:
 * empty, a template's "{{lang}}", a lone "x", a private or grandfathered tag, or a code
 * for no language in particular ("und", "mul", "zxx", "mis").  lang_tag.c. */
const char *wn_language_tag(const char *s, arena *a);

/* The language a Content-Language value declares (an HTTP header, a <meta
 * http-equiv>): its first tag, normalised; NULL when it lists several (the page is for
 * several audiences: "de, en"), as the HTML standard reads the pragma.  lang_tag.c. */
const char *wn_language_header(const char *s, arena *a);

/* Whether two normalised tags name the same language: the same primary subtag, or two
 * languages a detector cannot tell apart reliably (Norwegian and Danish, Bosnian,
 * Croatian and Serbian, Malay and Indonesian ...).  language.c. */
int wn_language_agree(const char *a, const char *b);

/* The record's language from the declared tag and the detected one (either NULL):
 * the declared one when the text agrees with it (it may say more: "en-GB"), the
 * detected one when they disagree (templates declare "en" over German text), whichever
 * is there when only one is.  *how (when how is not NULL) says which case it was.
 * language.c. */
const char *wn_language_choose(const char *declared, const char *detected, lang_choice *how);

/* Sets d->meta.language: the page's declared tag (html/html_meta.c left it normalised
 * in d->meta.language, its source in d->meta.src.language), else content_language (an
 * HTTP Content-Language, NULL when unknown), weighed against the language of the kept
 * text, when the detector is built in, detect is non-zero and there is text enough.
 * d->language_why records each step.  language.c. */
void wn_language_resolve(doc *d, const char *content_language, int detect);

/* The --explain sentence for d->language_why: what was declared and where, what the
 * detector read (or why it did not), and which won and why -- 'declared "en" (<html
 * lang>); detector read "de" in 1024 bytes; "de": the text disagrees with the
 * declaration'.  In d's arena; NULL when the language was never resolved or memory ran
 * out.  language.c. */
const char *wn_language_explain(doc *d);

/* The language of the UTF-8 text[0..len) as a BCP 47 tag (a static string), or NULL:
 * no detector built in, text not valid UTF-8, or no reliable answer.  is_plain_text 0
 * lets the detector skip markup; hint (a tag, or NULL) tips a close call.  Thread safe.
 * detect_cld2.cc, detect_none.c. */
const char *wn_language_detect(const char *text, size_t len, int is_plain_text,
                               const char *hint);

/* The detector built in ("cld2 V2.0 - 20141016"), or NULL when there is none. */
const char *wn_language_detector(void);

#endif
