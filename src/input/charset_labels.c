/* charset_labels.c -- the WHATWG Encoding Standard's label table: which encoding a
 * charset label names, and how winnow decodes it.
 *
 * A label outside the table names no encoding a browser knows ("utf-32", "ebcdic-cp-us",
 * "x-foo"): a page's <meta> with such a label is ignored, as a browser's prescan does,
 * rather than decoding an ASCII-compatible page as something it cannot be. */
#include <stdlib.h>
#include <string.h>
#include "input/input.h"

/* The encodings: canonical name, how charset.c decodes it, the iconv name. */
static const charset_enc encs[] = {
#define E(name, kind, iconv_name) {name, kind, iconv_name}
    E("utf-8", CS_UTF8, NULL),                  /* 0 */
    E("ibm866", CS_ICONV, "IBM866"),            /* 1 */
    E("iso-8859-2", CS_ICONV, "ISO-8859-2"),    /* 2 */
    E("iso-8859-3", CS_ICONV, "ISO-8859-3"),    /* 3 */
    E("iso-8859-4", CS_ICONV, "ISO-8859-4"),    /* 4 */
    E("iso-8859-5", CS_ICONV, "ISO-8859-5"),    /* 5 */
    E("iso-8859-6", CS_ICONV, "ISO-8859-6"),    /* 6 */
    E("iso-8859-7", CS_ICONV, "ISO-8859-7"),    /* 7 */
    E("iso-8859-8", CS_ICONV, "ISO-8859-8"),    /* 8 */
    E("iso-8859-8-i", CS_ICONV, "ISO-8859-8"),  /* 9: logical order, same bytes */
    E("iso-8859-10", CS_ICONV, "ISO-8859-10"),  /* 10 */
    E("iso-8859-13", CS_ICONV, "ISO-8859-13"),  /* 11 */
    E("iso-8859-14", CS_ICONV, "ISO-8859-14"),  /* 12 */
    E("iso-8859-15", CS_ICONV, "ISO-8859-15"),  /* 13 */
    E("iso-8859-16", CS_ICONV, "ISO-8859-16"),  /* 14 */
    E("koi8-r", CS_ICONV, "KOI8-R"),            /* 15 */
    E("koi8-u", CS_ICONV, "KOI8-U"),            /* 16 */
    E("macintosh", CS_ICONV, "MACINTOSH"),      /* 17 */
    E("windows-874", CS_ICONV, "WINDOWS-874"),  /* 18 */
    E("windows-1250", CS_ICONV, "WINDOWS-1250"), /* 19 */
    E("windows-1251", CS_ICONV, "WINDOWS-1251"), /* 20 */
    E("windows-1252", CS_1252, NULL),           /* 21 */
    E("windows-1253", CS_ICONV, "WINDOWS-1253"), /* 22 */
    E("windows-1254", CS_ICONV, "WINDOWS-1254"), /* 23 */
    E("windows-1255", CS_ICONV, "WINDOWS-1255"), /* 24 */
    E("windows-1256", CS_ICONV, "WINDOWS-1256"), /* 25 */
    E("windows-1257", CS_ICONV, "WINDOWS-1257"), /* 26 */
    E("windows-1258", CS_ICONV, "WINDOWS-1258"), /* 27 */
    E("x-mac-cyrillic", CS_ICONV, "MAC-CYRILLIC"), /* 28 */
    /* The standard's gbk decoder is its gb18030 decoder; big5 includes HKSCS; its
     * shift_jis and euc-kr are Microsoft's supersets. */
    E("gbk", CS_ICONV, "GB18030"),              /* 29 */
    E("gb18030", CS_ICONV, "GB18030"),          /* 30 */
    E("big5", CS_ICONV, "BIG5-HKSCS"),          /* 31 */
    E("euc-jp", CS_ICONV, "EUC-JP"),            /* 32 */
    E("iso-2022-jp", CS_ICONV, "ISO-2022-JP"),  /* 33 */
    E("shift_jis", CS_ICONV, "CP932"),          /* 34 */
    E("euc-kr", CS_ICONV, "CP949"),             /* 35 */
    /* Browsers decode these to a single U+FFFD (they were used to smuggle markup);
     * for a text extractor that would lose the page, so winnow decodes them when
     * iconv can, and sniffs the bytes when it cannot (HZ). */
    E("iso-2022-kr", CS_ICONV, "ISO-2022-KR"),  /* 36 */
    E("iso-2022-cn", CS_ICONV, "ISO-2022-CN"),  /* 37 */
    E("iso-2022-cn-ext", CS_ICONV, "ISO-2022-CN-EXT"), /* 38 */
    E("hz-gb-2312", CS_ICONV, "HZ"),            /* 39 */
    /* A meta naming UTF-16 cannot be right on a page whose markup was read as ASCII
     * (a real UTF-16 page has a BOM or NUL bytes, found before the meta): the
     * standard's prescan reads it as UTF-8, and x-user-defined as windows-1252. */
    E("utf-16be", CS_UTF8, NULL),               /* 40 */
    E("utf-16le", CS_UTF8, NULL),               /* 41 */
    E("x-user-defined", CS_1252, NULL),         /* 42 */
#undef E
};

typedef struct {
    const char *label;
    unsigned char enc; /* index in encs */
} label_entry;

/* Every label of the standard, sorted (strcmp) for bsearch. */
static const label_entry labels[] = {
    {"866", 1}, {"ansi_x3.4-1968", 21}, {"arabic", 6}, {"ascii", 21}, {"asmo-708", 6},
    {"big5", 31}, {"big5-hkscs", 31}, {"chinese", 29}, {"cn-big5", 31}, {"cp1250", 19},
    {"cp1251", 20}, {"cp1252", 21}, {"cp1253", 22}, {"cp1254", 23}, {"cp1255", 24},
    {"cp1256", 25}, {"cp1257", 26}, {"cp1258", 27}, {"cp819", 21}, {"cp866", 1},
    {"csbig5", 31}, {"cseuckr", 35}, {"cseucpkdfmtjapanese", 32}, {"csgb2312", 29},
    {"csibm866", 1}, {"csiso2022jp", 33}, {"csiso2022kr", 36}, {"csiso58gb231280", 29},
    {"csiso88596e", 6}, {"csiso88596i", 6}, {"csiso88598e", 8}, {"csiso88598i", 9},
    {"csisolatin1", 21}, {"csisolatin2", 2}, {"csisolatin3", 3}, {"csisolatin4", 4},
    {"csisolatin5", 23}, {"csisolatin6", 10}, {"csisolatin9", 13}, {"csisolatinarabic", 6},
    {"csisolatincyrillic", 5}, {"csisolatingreek", 7}, {"csisolatinhebrew", 8},
    {"cskoi8r", 15}, {"csksc56011987", 35}, {"csmacintosh", 17}, {"csshiftjis", 34},
    {"csunicode", 41}, {"cyrillic", 5}, {"dos-874", 18}, {"ecma-114", 6}, {"ecma-118", 7},
    {"elot_928", 7}, {"euc-jp", 32}, {"euc-kr", 35}, {"gb18030", 30}, {"gb2312", 29},
    {"gb_2312", 29}, {"gb_2312-80", 29}, {"gbk", 29}, {"greek", 7}, {"greek8", 7},
    {"hebrew", 8}, {"hz-gb-2312", 39}, {"ibm819", 21}, {"ibm866", 1}, {"iso-10646-ucs-2", 41},
    {"iso-2022-cn", 37}, {"iso-2022-cn-ext", 38}, {"iso-2022-jp", 33}, {"iso-2022-kr", 36},
    {"iso-8859-1", 21}, {"iso-8859-10", 10}, {"iso-8859-11", 18}, {"iso-8859-13", 11},
    {"iso-8859-14", 12}, {"iso-8859-15", 13}, {"iso-8859-16", 14}, {"iso-8859-2", 2},
    {"iso-8859-3", 3}, {"iso-8859-4", 4}, {"iso-8859-5", 5}, {"iso-8859-6", 6},
    {"iso-8859-6-e", 6}, {"iso-8859-6-i", 6}, {"iso-8859-7", 7}, {"iso-8859-8", 8},
    {"iso-8859-8-e", 8}, {"iso-8859-8-i", 9}, {"iso-8859-9", 23}, {"iso-ir-100", 21},
    {"iso-ir-101", 2}, {"iso-ir-109", 3}, {"iso-ir-110", 4}, {"iso-ir-126", 7},
    {"iso-ir-127", 6}, {"iso-ir-138", 8}, {"iso-ir-144", 5}, {"iso-ir-148", 23},
    {"iso-ir-149", 35}, {"iso-ir-157", 10}, {"iso-ir-58", 29}, {"iso8859-1", 21},
    {"iso8859-10", 10}, {"iso8859-11", 18}, {"iso8859-13", 11}, {"iso8859-14", 12},
    {"iso8859-15", 13}, {"iso8859-2", 2}, {"iso8859-3", 3}, {"iso8859-4", 4},
    {"iso8859-5", 5}, {"iso8859-6", 6}, {"iso8859-7", 7}, {"iso8859-8", 8},
    {"iso8859-9", 23}, {"iso88591", 21}, {"iso885910", 10}, {"iso885911", 18},
    {"iso885913", 11}, {"iso885914", 12}, {"iso885915", 13}, {"iso88592", 2},
    {"iso88593", 3}, {"iso88594", 4}, {"iso88595", 5}, {"iso88596", 6}, {"iso88597", 7},
    {"iso88598", 8}, {"iso88599", 23}, {"iso_8859-1", 21}, {"iso_8859-15", 13},
    {"iso_8859-1:1987", 21}, {"iso_8859-2", 2}, {"iso_8859-2:1987", 2}, {"iso_8859-3", 3},
    {"iso_8859-3:1988", 3}, {"iso_8859-4", 4}, {"iso_8859-4:1988", 4}, {"iso_8859-5", 5},
    {"iso_8859-5:1988", 5}, {"iso_8859-6", 6}, {"iso_8859-6:1987", 6}, {"iso_8859-7", 7},
    {"iso_8859-7:1987", 7}, {"iso_8859-8", 8}, {"iso_8859-8:1988", 8}, {"iso_8859-9", 23},
    {"iso_8859-9:1989", 23}, {"koi", 15}, {"koi8", 15}, {"koi8-r", 15}, {"koi8-ru", 16},
    {"koi8-u", 16}, {"koi8_r", 15}, {"korean", 35}, {"ks_c_5601-1987", 35},
    {"ks_c_5601-1989", 35}, {"ksc5601", 35}, {"ksc_5601", 35}, {"l1", 21}, {"l2", 2},
    {"l3", 3}, {"l4", 4}, {"l5", 23}, {"l6", 10}, {"l9", 13}, {"latin1", 21}, {"latin2", 2},
    {"latin3", 3}, {"latin4", 4}, {"latin5", 23}, {"latin6", 10}, {"logical", 9},
    {"mac", 17}, {"macintosh", 17}, {"ms932", 34}, {"ms_kanji", 34}, {"shift-jis", 34},
    {"shift_jis", 34}, {"sjis", 34}, {"sun_eu_greek", 7}, {"tis-620", 18}, {"ucs-2", 41},
    {"unicode", 41}, {"unicode-1-1-utf-8", 0}, {"unicode11utf8", 0}, {"unicode20utf8", 0},
    {"unicodefeff", 41}, {"unicodefffe", 40}, {"us-ascii", 21}, {"utf-16", 41},
    {"utf-16be", 40}, {"utf-16le", 41}, {"utf-8", 0}, {"utf8", 0}, {"visual", 8},
    {"windows-1250", 19}, {"windows-1251", 20}, {"windows-1252", 21}, {"windows-1253", 22},
    {"windows-1254", 23}, {"windows-1255", 24}, {"windows-1256", 25}, {"windows-1257", 26},
    {"windows-1258", 27}, {"windows-31j", 34}, {"windows-874", 18}, {"windows-949", 35},
    {"x-cp1250", 19}, {"x-cp1251", 20}, {"x-cp1252", 21}, {"x-cp1253", 22},
    {"x-cp1254", 23}, {"x-cp1255", 24}, {"x-cp1256", 25}, {"x-cp1257", 26},
    {"x-cp1258", 27}, {"x-euc-jp", 32}, {"x-gbk", 29}, {"x-mac-cyrillic", 28},
    {"x-mac-roman", 17}, {"x-mac-ukrainian", 28}, {"x-sjis", 34}, {"x-unicode20utf8", 0},
    {"x-user-defined", 42}, {"x-x-big5", 31},
};

static int label_cmp(const void *key, const void *e)
{
    return strcmp(key, ((const label_entry *)e)->label);
}

const charset_enc *wn_charset_lookup(const char *label, size_t n)
{
    /* The standard trims ASCII whitespace and compares without case. */
    while (n && (*label == ' ' || *label == '\t' || *label == '\n' || *label == '\r' ||
                 *label == '\f')) {
        label++;
        n--;
    }
    while (n && (label[n - 1] == ' ' || label[n - 1] == '\t' || label[n - 1] == '\n' ||
                 label[n - 1] == '\r' || label[n - 1] == '\f'))
        n--;
    char key[24]; /* longer than every label */
    if (n == 0 || n >= sizeof key) return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)label[i];
        key[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    key[n] = '\0';
    const label_entry *e = bsearch(key, labels, sizeof labels / sizeof *labels,
                                   sizeof *labels, label_cmp);
    return e ? &encs[e->enc] : NULL;
}

int wn_charset_labels_sorted(void)
{
    for (size_t i = 1; i < sizeof labels / sizeof *labels; i++)
        if (strcmp(labels[i - 1].label, labels[i].label) >= 0) return 0;
    return 1;
}
