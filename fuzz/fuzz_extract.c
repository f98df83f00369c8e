/* fuzz_extract.c -- libFuzzer target for the whole pipeline: bytes -> winnow_extract.
 *
 * The first input byte picks the options (bits 0-1 type auto/html/text, bit 2 no_title,
 * bit 3 explain, bit 4 no rules, bit 5 a 4 KiB max_size, bit 6 Markdown, bit 7 links
 * and images resolved against a page URL -- <base href>, every href, src and srcset
 * are fuzzed), the rest is
 * the page.  Beyond "no crash, no leak, no UB", every result is checked against the
 * contract in winnow.h: a status the header lists, output that is valid UTF-8 of the
 * length it claims with none of the marks the block walker uses inside (C0 controls
 * other than tab and newline), explain entries that are complete.  A broken contract aborts, so libFuzzer keeps the input. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <winnow/winnow.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void require(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_extract: contract broken: %s\n", what);
        abort();
    }
}

/* Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
static int valid_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c < 0xE0) n = 2;
        else if (c >= 0xE0 && c < 0xF0) n = 3;
        else if (c >= 0xF0 && c < 0xF5) n = 4;
        else return 0;
        if (len - i < n) return 0;
        for (size_t k = 1; k < n; k++)
            if ((s[i + k] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[i + 1] < 0xA0) return 0;
        if (c == 0xED && s[i + 1] >= 0xA0) return 0;
        if (c == 0xF0 && s[i + 1] < 0x90) return 0;
        if (c == 0xF4 && s[i + 1] >= 0x90) return 0;
        i += n;
    }
    return 1;
}

static const winnow_rules *default_rules(void)
{
    static winnow_rules *rules;
    if (!rules) {
        char err[256];
        winnow_global_init();
        rules = winnow_rules_new();
        require(rules != NULL, "winnow_rules_new");
        require(winnow_rules_add_default(rules, err, sizeof err) == 0, "default rules compile");
    }
    return rules;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const winnow_rules *rules = default_rules();
    if (size == 0) return 0;
    unsigned ctl = data[0];
    winnow_options opt;
    winnow_options_init(&opt);
    opt.type = ctl & 3 ? (ctl & 3) == 1 ? WINNOW_TYPE_HTML : WINNOW_TYPE_TEXT : WINNOW_TYPE_AUTO;
    opt.no_title = (ctl >> 2) & 1;
    opt.explain = (ctl >> 3) & 1;
    opt.rules = (ctl >> 4) & 1 ? NULL : rules;
    if ((ctl >> 5) & 1) opt.max_size = 4096;
    opt.format = (ctl >> 6) & 1 ? WINNOW_FORMAT_MARKDOWN : WINNOW_FORMAT_TEXT;
    if ((ctl >> 7) & 1) {
        opt.links = 1;
        opt.images = 1;
        opt.url = "https://fuzz.test/a/b/page.html?q=1";
    }

    winnow_result res;
    winnow_status st = winnow_extract((const char *)data + 1, size - 1, &opt, &res);
    require(st >= WINNOW_OK && st <= WINNOW_ERR_INTERNAL, "status in range");
    require(memchr(res.error, '\0', sizeof res.error) != NULL, "error NUL-terminated");
    require(memchr(res.warning, '\0', sizeof res.warning) != NULL, "warning NUL-terminated");
    require((st == WINNOW_ERR_TOO_LARGE) == (size - 1 > opt.max_size), "max_size honoured");
    if (st == WINNOW_OK) {
        require(res.text != NULL, "text set on success");
        require(strlen(res.text) == res.len, "len matches text");
        require(valid_utf8((const unsigned char *)res.text, res.len), "output is UTF-8");
        require(res.len == 0 || res.text[res.len - 1] == '\n', "output ends with newline");
        for (size_t i = 0; i < res.len; i++)
            require((unsigned char)res.text[i] >= 0x20 || res.text[i] == '\n' ||
                        res.text[i] == '\t',
                    "no control characters in the output");
        require(res.type == WINNOW_TYPE_HTML || res.type == WINNOW_TYPE_TEXT, "type decided");
        require(res.charset != NULL, "charset set");
        if (res.title) require(valid_utf8((const unsigned char *)res.title, strlen(res.title)),
                               "title is UTF-8");
        require(opt.explain ? res.n_explain == res.blocks_kept + res.blocks_dropped
                            : res.n_explain == 0,
                "one explain entry per block");
        for (size_t i = 0; i < res.n_explain; i++) {
            const winnow_explain *e = &res.explain[i];
            require(e->decision == WINNOW_KEEP || e->decision == WINNOW_DROP, "decision");
            require(e->kind && e->reason && e->where && e->text, "explain strings set");
            require(valid_utf8((const unsigned char *)e->text, e->len), "block is UTF-8");
        }
    } else {
        require(res.error[0] != '\0', "error message on failure");
    }
    winnow_result_free(&res);
    return 0;
}
