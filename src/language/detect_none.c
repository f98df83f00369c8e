/* detect_none.c -- the detector when libwinnow is built without libcld2
 * (-DWINNOW_CLD2=OFF, or not found): no answer, so the record's language is only what
 * the page declares. */
#include "language/language.h"

const char *wn_language_detect(const char *text, size_t len, int is_plain_text,
                               const char *hint)
{
    (void)text, (void)len, (void)is_plain_text, (void)hint;
    return NULL;
}

const char *wn_language_detector(void) { return NULL; }
