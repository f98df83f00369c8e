/* core.h -- the foundations every stage stands on: the arena and the capped buffer
 * (memory.c), UTF-8 cutting and whitespace normalisation (whitespace.c).  Nothing here
 * knows about pages. */
#ifndef WINNOW_CORE_H
#define WINNOW_CORE_H

#include <stddef.h>
#include <stdint.h>

/* Bump allocator: every string of one extraction lives here and dies with it. */
typedef struct arena_chunk arena_chunk;
typedef struct {
    arena_chunk *head;
    int failed;  /* set once an allocation failed; the caller reports WINNOW_ERR_NOMEM */
} arena;

void wn_arena_init(arena *a);
void *wn_arena_alloc(arena *a, size_t n);                 /* NULL on failure, sets failed */
char *wn_arena_strndup(arena *a, const char *s, size_t n); /* NUL-terminated copy */
void wn_arena_free(arena *a);

/* Growable byte buffer with a hard cap; append fails (returns -1) past the cap. */
typedef struct {
    char *data;
    size_t len, cap;
    size_t limit;  /* 0 = SIZE_MAX */
    int failed;
} buf;

void wn_buf_init(buf *b, size_t limit);
int wn_buf_reserve(buf *b, size_t extra);
int wn_buf_append(buf *b, const char *s, size_t n);
int wn_buf_putc(buf *b, char c);
int wn_buf_puts(buf *b, const char *s);
/* Hands over the NUL-terminated data (caller frees) and resets the buffer. */
char *wn_buf_detach(buf *b, size_t *len);
void wn_buf_free(buf *b);

/* ---- UTF-8 and whitespace ---------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when it is not one. */
static inline size_t wn_utf8_seq(const unsigned char *s, size_t len)
{
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) return len >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (len < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && s[1] < 0xA0) return 0;  /* overlong */
        if (c == 0xED && s[1] >= 0xA0) return 0; /* surrogate */
        return 3;
    }
    if (c < 0xF5) {
        if (len < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && s[1] < 0x90) return 0;
        if (c == 0xF4 && s[1] >= 0x90) return 0;
        return 4;
    }
    return 0;
}

/* The largest n <= len such that cutting s at n does not split a UTF-8 sequence
 * (s must hold more than len bytes, or len must be its length). */
static inline size_t utf8_boundary(const char *s, size_t len)
{
    while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80) len--;
    return len;
}

/* Utility shared by stages: collapse whitespace runs (incl. U+00A0 and friends) to one
 * space and trim both ends, in place.  Returns the new length. */
size_t wn_text_collapse_ws(char *s, size_t len);

/* The character Windows-1252 gives byte b of 0x80..0x9F, or 0 where the byte is
 * unassigned or outside that range (cp1252.c). */
unsigned wn_cp1252_high(unsigned char b);

/* t with its mojibake put back: UTF-8 read as Latin-1 or Windows-1252 and encoded
 * again ("Investor\xC3\xA2\xC2\x80\xC2\x99s" for "Investor\xE2\x80\x99s"), copied
 * into a; t itself where none is found (or the copy fails). */
const char *wn_text_unmangle(arena *a, const char *t);

/* t with the character references left in it by a second escaping ("TFC8&reg;",
 * "Tools &#8211; Guides") put back as their characters, copied into a; t itself where
 * none is found (or the copy fails).  Numeric references and common named ones
 * (entities.c). */
const char *wn_text_unescape(arena *a, const char *t);

/* The length of a list bullet ("* ", "- ", "+ ", "\u2022 ", "1. ", "2) ") at the start
 * of t, or 0: rendered text and pseudo-lists in HTML (a div per "\u2022 item") show
 * their lists this way. */
size_t wn_bullet_len(const char *t, size_t len);

/* ---- the page's time limit (deadline.c) -------------------------------------------- */

/* When the extraction of one page must stop.  Per call, never shared between threads. */
typedef struct {
    uint64_t end_ns;     /* CLOCK_MONOTONIC nanoseconds; 0 = no limit */
    unsigned countdown;  /* looks left before the clock is read again */
    int passed;          /* seen passed: stays so */
} wn_deadline;

/* Looks between two clock reads: a loop iteration costs at least tens of nanoseconds,
 * so the check adds well under 1% and the deadline is seen within microseconds. */
#define WN_DEADLINE_STRIDE 64

/* Starts the clock: seconds from now (0, negative or NaN: no limit). */
void wn_deadline_start(wn_deadline *dl, double seconds);
/* Reads the clock now: 1 when the deadline has passed.  dl may be NULL (no limit). */
int wn_deadline_check(wn_deadline *dl);
/* The cheap look for loops: reads the clock every WN_DEADLINE_STRIDE calls. */
static inline int wn_deadline_passed(wn_deadline *dl)
{
    if (!dl || !dl->end_ns) return 0;
    if (dl->passed) return 1;
    if (--dl->countdown) return 0;
    return wn_deadline_check(dl);
}

/* ---- JSON escapes (json_escape.c) ---------------------------------------------------- */

/* The code point of the JSON escape whose 4 hex digits start at s (just after "\u"),
 * joining a surrogate pair ("\ud83d\ude00"); *used gets the bytes read (4 or 10).
 * A lone surrogate gives U+FFFD; -1 when s[0..len) does not start with 4 hex digits. */
long wn_json_u_escape(const char *s, size_t len, size_t *used);
/* Appends code point cp (at most U+10FFFF, not a surrogate) as UTF-8; wn_buf_append's
 * result. */
int wn_utf8_put(buf *b, unsigned long cp);
/* Length of the JSON number (RFC 8259 grammar) at the start of s[0..len), or 0. */
size_t wn_json_number_len(const char *s, size_t len);

/* FNV-1a of n bytes: the hash the stages key their small tables with. */
static inline uint32_t wn_hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < n; k++) h = (h ^ s[k]) * 16777619u;
    return h;
}

#endif
