/* fuzz_jsonld.c -- libFuzzer target for the metadata readers: the input is the text of
 * a JSON-LD script (meta/jsonld.c), and, as a string, a date (meta/date.c), an author
 * field or byline (meta/author.c), a language tag or Content-Language value
 * (language/lang_tag.c) and a text for the language detector.  Every field read must be
 * valid UTF-8 without NUL (it ends up in a JSON record), a date must come out as ISO
 * 8601, a language as a short BCP 47 tag. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "input/input.h"
#include "language/language.h"
#include "meta/meta.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void require(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_jsonld: contract broken: %s\n", what);
        abort();
    }
}

static void valid(const char *s)
{
    if (s) require(wn_utf8_valid_prefix(s, strlen(s)) == strlen(s), "field is valid UTF-8");
}

/* A BCP 47 tag as the record gives it: a 2-3 letter lowercase primary subtag, then
 * subtags of letters and digits, short. */
static void bcp47(const char *t)
{
    if (!t) return;
    size_t n = strlen(t), p = strspn(t, "abcdefghijklmnopqrstuvwxyz");
    require(n < 64 && p >= 2 && p <= 3 && (t[p] == '\0' || t[p] == '-'), "a language tag's primary");
    require(strspn(t, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == n &&
                t[n - 1] != '-' && !strstr(t, "--"),
            "a language tag's subtags");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Pages reach the reader as UTF-8 from the charset stage: decode the same way. */
    buf u8;
    wn_buf_init(&u8, 0);
    const char *cs;
    if (wn_charset_to_utf8((const char *)data, size, 0, &u8, &cs) != 0) {
        wn_buf_free(&u8);
        return 0;
    }
    arena a;
    wn_arena_init(&a);
    page_meta m;
    memset(&m, 0, sizeof m);
    require(wn_jsonld_read(u8.data ? u8.data : "", u8.len, &m, &a) == 0, "read");
    const char *const fields[] = {m.author, m.date, m.date_modified, m.site_name,
                                  m.url, m.language, m.description, m.image};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) valid(fields[i]);
    const char *d = wn_meta_iso_date(u8.data ? u8.data : "", NULL, &a);
    if (d) require(strlen(d) >= 10 && d[4] == '-' && d[7] == '-', "a date is ISO 8601");
    for (int shown = 0; shown < 2; shown++) {
        const char *names = wn_meta_author(u8.data ? u8.data : "", shown, &a);
        valid(names);
        if (names) require(names[0] && strlen(names) < 2000, "names are short and not empty");
    }
    const char *text = u8.data ? u8.data : "";
    bcp47(wn_language_tag(text, &a));
    bcp47(wn_language_header(text, &a));
    bcp47(wn_language_detect(text, u8.len, 1, NULL));
    bcp47(wn_language_detect(text, u8.len, 0, wn_language_tag(text, &a)));
    wn_arena_free(&a);
    wn_buf_free(&u8);
    return 0;
}
