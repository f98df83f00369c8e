/* fuzz_jsonld.c -- libFuzzer target for the metadata readers: the input is the text of
 * a JSON-LD script (meta/jsonld.c), and, as a string, a date (meta/date.c) and an
 * author field or byline (meta/author.c).  Every field read must be valid UTF-8
 * without NUL (it ends up in a JSON record), and a date must come out as ISO 8601. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "input/input.h"
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
    wn_arena_free(&a);
    wn_buf_free(&u8);
    return 0;
}
