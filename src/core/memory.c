/* memory.c -- arena and capped buffer: the storage every stage shares.
 * One extraction allocates into one arena and frees it in one go, so no stage has to
 * track the lifetime of individual strings. */
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include "core/core.h"

struct arena_chunk {
    arena_chunk *next;
    size_t used, size;
    max_align_t data[];
};

#define ARENA_CHUNK 65536

void wn_arena_init(arena *a) { a->head = NULL; a->failed = 0; }

void *wn_arena_alloc(arena *a, size_t n)
{
    size_t align = _Alignof(max_align_t); /* 16 on x86-64, where sizeof is 32 */
    /* Rounding SIZE_MAX up would wrap to a tiny block. */
    if (n > SIZE_MAX - align) { a->failed = 1; return NULL; }
    n = (n + align - 1) & ~(align - 1);
    if (n == 0) n = align;
    arena_chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = n > ARENA_CHUNK / 2 ? n : ARENA_CHUNK;
        if (size > SIZE_MAX - sizeof(arena_chunk)) { a->failed = 1; return NULL; }
        c = malloc(sizeof(arena_chunk) + size);
        if (!c) { a->failed = 1; return NULL; }
        c->size = size;
        c->used = 0;
        /* A big one-off allocation goes behind the head so the head keeps its free space. */
        if (a->head && n > ARENA_CHUNK / 2) {
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
    }
    void *p = (char *)c->data + c->used;
    c->used += n;
    return p;
}

char *wn_arena_strndup(arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX) { a->failed = 1; return NULL; }
    char *p = wn_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void wn_arena_free(arena *a)
{
    arena_chunk *c = a->head;
    while (c) {
        arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
}

void wn_buf_init(buf *b, size_t limit)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->limit = limit ? limit : SIZE_MAX;
    b->failed = 0;
}

int wn_buf_reserve(buf *b, size_t extra)
{
    if (b->failed) return -1;
    /* len + extra stays within the limit and leaves room for the NUL without wrapping. */
    if (extra > b->limit || b->len > b->limit - extra || b->len + extra == SIZE_MAX) {
        b->failed = 1;
        return -1;
    }
    size_t need = b->len + extra + 1; /* room for a NUL */
    if (need <= b->cap) return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(b->data, cap);
    if (!p) { b->failed = 1; return -1; }
    /* data is a C string whenever it exists, even before the first append. */
    p[b->len] = '\0';
    b->data = p;
    b->cap = cap;
    b->data[b->len] = '\0'; /* an empty buffer that was only reserved is still a string */
    return 0;
}

int wn_buf_append(buf *b, const char *s, size_t n)
{
    if (wn_buf_reserve(b, n) != 0) return -1;
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int wn_buf_putc(buf *b, char c) { return wn_buf_append(b, &c, 1); }

int wn_buf_puts(buf *b, const char *s) { return wn_buf_append(b, s, strlen(s)); }

char *wn_buf_detach(buf *b, size_t *len)
{
    if (wn_buf_reserve(b, 0) != 0) return NULL;
    char *p = b->data;
    if (len) *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void wn_buf_free(buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}
