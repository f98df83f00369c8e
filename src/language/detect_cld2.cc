/* detect_cld2.cc -- the language of a text by Debian's libcld2 (Compact Language
 * Detector 2, C++), behind the C functions of language.h.  Only a reliable answer
 * counts; cld2's codes are made BCP 47 ("iw" -> "he").  No C++ type crosses into C, and
 * no exception: cld2 raises none in detection, but one must not unwind through C. */
#include <climits>
#include <cstdio> /* before cld2's header, which uses FILE without including it */
#include <cstring>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

extern "C" {
#include "language/language.h"
}

namespace {

/* The BCP 47 tag of a language cld2 names, or NULL for its "unknown" and for codes
 * that are no tag (the numbers of its unassigned slots). */
const char *bcp47(CLD2::Language lang)
{
    if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return NULL;
    const char *code = CLD2::LanguageCode(lang);
    if (!code) return NULL;
    if (std::strcmp(code, "iw") == 0) return "he"; /* withdrawn ISO 639 codes */
    if (std::strcmp(code, "jw") == 0) return "jv";
    /* 2-3 lowercase letters, then at most a script or region ("zh-Hant", "sr-ME"). */
    size_t n = 0;
    while (code[n] >= 'a' && code[n] <= 'z') n++;
    if (n < 2 || n > 3) return NULL;
    return code[n] == '\0' || code[n] == '-' ? code : NULL;
}

struct detector_name {
    char text[80];
    detector_name() { std::snprintf(text, sizeof text, "cld2 %s", CLD2::DetectLanguageVersion()); }
};

} // namespace

extern "C" const char *wn_language_detect(const char *text, size_t len, int is_plain_text,
                                          const char *hint)
{
    if (!text || len == 0 || len > INT_MAX) return NULL;
    CLD2::CLDHints hints = {hint, NULL, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    CLD2::Language top3[3];
    int percent3[3], text_bytes = 0, valid_prefix = 0;
    double score3[3];
    bool reliable = false;
    CLD2::Language lang;
    try {
        lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
            text, static_cast<int>(len), is_plain_text != 0, &hints, 0, top3, percent3, score3,
            NULL, &text_bytes, &reliable, &valid_prefix);
    } catch (...) {
        return NULL;
    }
    /* Invalid UTF-8 stops cld2 at once (valid_prefix short), with no answer to trust. */
    if (!reliable || valid_prefix != static_cast<int>(len)) return NULL;
    return bcp47(lang);
}

extern "C" const char *wn_language_detector(void)
{
    static const detector_name name; /* made once, thread-safely (C++11) */
    return name.text;
}
