/* test_bytescan.c -- the 16-byte scans of charset.c and sniff.c must treat a byte the
 * same wherever it falls: each odd byte or sequence (a control, a stray windows-1252
 * byte, valid and broken UTF-8) is put at every position of an ASCII line and the
 * output must be that line with exactly that piece decoded; the binary ratio must count
 * every control byte at every position. */
#include <stdlib.h>
#include "check.h"
#include "input/input.h"

static const char *line = "The volunteers counted wild bees in the valley for years.\n"
                          "A second line, with\ttabs\rand returns.";

typedef struct {
    const char *in, *out, *charset;
    size_t valid; /* bytes of in that are valid UTF-8 before a stray one */
} piece;

static void test_decode_everywhere(void)
{
    static const piece pieces[] = {
        {"\x01", "", "utf-8", 1},
        {"\x7f", "", "utf-8", 1},
        {"\x0c", "\x0c", "utf-8", 1},
        {"\x1b", "", "utf-8", 1},
        {"\x80", "\xe2\x82\xac", "windows-1252", 0},
        {"\xff", "\xc3\xbf", "windows-1252", 0},
        {"\xc3\xa9", "\xc3\xa9", "utf-8", 2},
        {"\xe2\x80\x99", "\xe2\x80\x99", "utf-8", 3},
        {"\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80", "utf-8", 4},
        {"\xe2\x80", "\xc3\xa2\xe2\x82\xac", "windows-1252", 0},
        {"\xc3\xa9\x93", "\xc3\xa9\xe2\x80\x9c", "utf-8+windows-1252", 2},
        {"\xe0\xa4\x85", "\xe0\xa4\x85", "utf-8", 3},
        {"\xed\x9f\xbf", "\xed\x9f\xbf", "utf-8", 3},
        {"\xef\xbc\x81\xdf\xbf", "\xef\xbc\x81\xdf\xbf", "utf-8", 5},
        {"\xed\xa0\x80", "\xc3\xad\xc2\xa0\xe2\x82\xac", "windows-1252", 0},
        {"\xe0\x80\x80", "\xc3\xa0\xe2\x82\xac\xe2\x82\xac", "windows-1252", 0},
        {"\xc3\xa9\xa9", "\xc3\xa9\xc2\xa9", "utf-8+windows-1252", 2},
    };
    size_t ll = strlen(line);
    int all = 1, shown = 0;
    for (size_t k = 0; k < sizeof pieces / sizeof pieces[0]; k++) {
        size_t il = strlen(pieces[k].in), ol = strlen(pieces[k].out);
        for (size_t pos = 0; pos <= ll; pos++) {
            char in[256], want[256];
            memcpy(in, line, pos);
            memcpy(in + pos, pieces[k].in, il);
            memcpy(in + pos + il, line + pos, ll - pos);
            memcpy(want, line, pos);
            memcpy(want + pos, pieces[k].out, ol);
            memcpy(want + pos + ol, line + pos, ll - pos);
            buf out;
            wn_buf_init(&out, 0);
            const char *cs = "";
            int ok = wn_charset_to_utf8(in, ll + il, 0, &out, &cs) == 0 &&
                     out.len == ll + ol && memcmp(out.data, want, out.len) == 0 &&
                     strcmp(cs, pieces[k].charset) == 0 &&
                     wn_utf8_valid_prefix(in, ll + il) ==
                         (pieces[k].valid == il ? ll + il : pos + pieces[k].valid);
            if (!ok && shown++ < 5)
                fprintf(stderr, "piece %zu at %zu: charset %s, %zu bytes\n", k, pos, cs,
                        out.len);
            all &= ok;
            wn_buf_free(&out);
        }
    }
    CHECK(all);
}

static void test_binary_ratio_everywhere(void)
{
    static const char bad[] = {0x00, 0x01, 0x08, 0x0b, 0x0e, 0x1a, 0x1f, 0x7f};
    static const char fine[] = {'\t', '\n', '\r', '\f', 0x1b, ' ', '~', (char)0x80,
                                (char)0xff};
    char in[200];
    int all = 1;
    for (size_t len = 1; len <= sizeof in; len += 7) {
        for (size_t pos = 0; pos < len; pos++) {
            for (size_t k = 0; k < sizeof bad; k++) {
                memset(in, 'a', len);
                in[pos] = bad[k];
                in[len - 1 - pos] = bad[(k + 1) % sizeof bad];
                double want = (pos == len - 1 - pos ? 1.0 : 2.0) / (double)len;
                all &= wn_sniff_binary_ratio(in, len) == want;
            }
            for (size_t k = 0; k < sizeof fine; k++) {
                memset(in, 'a', len);
                in[pos] = fine[k];
                all &= wn_sniff_binary_ratio(in, len) == 0.0;
            }
        }
    }
    CHECK(all);
}

int main(void)
{
    test_decode_everywhere();
    test_binary_ratio_everywhere();
    return check_done();
}
