/* cp1252.c -- Windows-1252's characters at bytes 0x80..0x9F, the one table both the
 * input decoder (input/charset.c) and the mojibake repair (mojibake.c) read, so the
 * two never disagree on a byte. */
#include "core/core.h"

/* In the order of their bytes; 0 where the byte is unassigned (0x81, 0x8D, 0x8F, 0x90,
 * 0x9D). */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

unsigned wn_cp1252_high(unsigned char b)
{
    return b >= 0x80 && b < 0xA0 ? cp1252_high[b - 0x80] : 0;
}
