/* test_memory.c -- arena (alignment, big one-off blocks, overflow), capped buffer (caps,
 * sticky failure, NUL termination) and the block list of memory.c. */
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include "check.h"
#include "core/doc.h"

/* The overflow tests ask for absurd sizes: under ASan malloc must return NULL for them,
 * as it does in production, instead of aborting. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }

static int aligned(const void *p) { return (uintptr_t)p % alignof(max_align_t) == 0; }

static void test_arena_alignment(void)
{
    arena a;
    wn_arena_init(&a);
    int all_aligned = 1, distinct = 1;
    char *prev = NULL;
    for (size_t n = 0; n < 300; n++) {
        char *p = wn_arena_alloc(&a, n);
        if (!p || !aligned(p)) all_aligned = 0;
        if (p == prev) distinct = 0;
        if (p && n) memset(p, 0xAB, n); /* ASan: the whole block is ours */
        prev = p;
    }
    CHECK(all_aligned);
    CHECK(distinct); /* even a zero-byte request gets its own address */
    CHECK(!a.failed);
    wn_arena_free(&a);
    CHECK(a.head == NULL);
}

static void test_arena_big(void)
{
    arena a;
    wn_arena_init(&a);
    char *s1 = wn_arena_alloc(&a, 1);
    char *big = wn_arena_alloc(&a, (size_t)1 << 20); /* bigger than a chunk */
    char *s2 = wn_arena_alloc(&a, 1);
    CHECK(s1 && big && s2);
    CHECK(aligned(big));
    memset(big, 1, (size_t)1 << 20);
    /* The big block has a chunk of its own behind the head: small ones stay packed. */
    CHECK(s2 == s1 + alignof(max_align_t));
    /* Half a chunk that still fits the head is carved from it. */
    char *mid = wn_arena_alloc(&a, 40000);
    char *s3 = wn_arena_alloc(&a, 1);
    CHECK(mid == s2 + alignof(max_align_t) && s3 == mid + 40000);
    /* One that does not fit gets its own chunk; the head keeps its remaining space. */
    char *big2 = wn_arena_alloc(&a, 40000);
    char *s4 = wn_arena_alloc(&a, 1);
    CHECK(big2 && s4 == s3 + alignof(max_align_t));
    /* Filling the head chunk moves on to a new one. */
    int ok = 1;
    for (int i = 0; i < 5000; i++) {
        char *p = wn_arena_alloc(&a, 100);
        if (!p) { ok = 0; break; }
        memset(p, 2, 100);
    }
    CHECK(ok);
    wn_arena_free(&a);
}

static void test_arena_overflow(void)
{
    arena a;
    wn_arena_init(&a);
    CHECK(wn_arena_alloc(&a, SIZE_MAX) == NULL);
    CHECK(a.failed);
    wn_arena_init(&a);
    CHECK(wn_arena_alloc(&a, SIZE_MAX - 8) == NULL);
    CHECK(wn_arena_alloc(&a, SIZE_MAX - sizeof(max_align_t)) == NULL);
    CHECK(wn_arena_alloc(&a, SIZE_MAX / 2) == NULL); /* malloc refuses */
    CHECK(a.failed);
    wn_arena_free(&a);
    wn_arena_init(&a);
    CHECK(wn_arena_strndup(&a, "x", SIZE_MAX) == NULL);
    CHECK(a.failed);
    wn_arena_free(&a);
}

static void test_arena_strndup(void)
{
    arena a;
    wn_arena_init(&a);
    char *s = wn_arena_strndup(&a, "hello world", 5);
    CHECK_STR(s, "hello");
    char *e = wn_arena_strndup(&a, NULL, 0);
    CHECK_STR(e, "");
    const char with_nul[] = "a\0b";
    char *n = wn_arena_strndup(&a, with_nul, 3);
    CHECK(n && n[0] == 'a' && n[1] == '\0' && n[2] == 'b' && n[3] == '\0');
    wn_arena_free(&a);
}

static void test_buf_basic(void)
{
    buf b;
    wn_buf_init(&b, 0);
    CHECK(b.limit == SIZE_MAX);
    CHECK(wn_buf_puts(&b, "abc") == 0);
    CHECK(wn_buf_putc(&b, 'd') == 0);
    CHECK(wn_buf_append(&b, "efgh", 2) == 0);
    CHECK(wn_buf_append(&b, NULL, 0) == 0);
    CHECK(b.len == 6);
    CHECK_STR(b.data, "abcdef");
    size_t len = 99;
    char *s = wn_buf_detach(&b, &len);
    CHECK_STR(s, "abcdef");
    CHECK(len == 6);
    CHECK(b.data == NULL && b.len == 0 && b.cap == 0);
    free(s);
    /* The buffer is usable again after detach. */
    CHECK(wn_buf_puts(&b, "again") == 0);
    CHECK_STR(b.data, "again");
    wn_buf_free(&b);
    CHECK(b.data == NULL);
    wn_buf_free(&b); /* twice is harmless */
}

static void test_buf_empty_is_string(void)
{
    buf b;
    wn_buf_init(&b, 0);
    CHECK(wn_buf_reserve(&b, 100) == 0);
    CHECK(b.data && b.data[0] == '\0'); /* a C string before the first append */
    size_t len = 99;
    char *s = wn_buf_detach(&b, &len);
    CHECK(s && s[0] == '\0' && len == 0);
    free(s);
    wn_buf_init(&b, 0);
    s = wn_buf_detach(&b, &len); /* never reserved */
    CHECK(s && s[0] == '\0' && len == 0);
    free(s);
    /* Truncating by hand and reserving again keeps the string terminated at len
     * only after an append: the contract is data[len] after any append. */
    wn_buf_init(&b, 0);
    wn_buf_puts(&b, "abcdef");
    b.len = 2;
    wn_buf_putc(&b, 'z');
    CHECK_STR(b.data, "abz");
    wn_buf_free(&b);
}

static void test_buf_cap(void)
{
    buf b;
    wn_buf_init(&b, 10);
    CHECK(wn_buf_append(&b, "0123456789", 10) == 0); /* exactly at the cap */
    CHECK(!b.failed);
    CHECK(wn_buf_putc(&b, 'x') == -1);
    CHECK(b.failed);
    CHECK(wn_buf_append(&b, "", 0) == -1); /* failure is sticky */
    CHECK(b.len == 10);
    CHECK_STR(b.data, "0123456789"); /* contents survive the failure */
    CHECK(wn_buf_detach(&b, NULL) == NULL);
    wn_buf_free(&b);

    wn_buf_init(&b, 10);
    CHECK(wn_buf_append(&b, "0123456789ab", 12) == -1); /* one append past the cap */
    CHECK(b.len == 0);
    wn_buf_free(&b);

    /* Sizes that would wrap size_t fail instead of under-allocating. */
    wn_buf_init(&b, 0);
    wn_buf_puts(&b, "abc");
    CHECK(wn_buf_reserve(&b, SIZE_MAX) == -1);
    wn_buf_free(&b);
    wn_buf_init(&b, 0);
    wn_buf_puts(&b, "abc");
    CHECK(wn_buf_reserve(&b, SIZE_MAX - 3) == -1); /* len + extra == SIZE_MAX: no room for NUL */
    wn_buf_free(&b);
    wn_buf_init(&b, 0);
    CHECK(wn_buf_reserve(&b, SIZE_MAX / 2) == -1); /* malloc refuses */
    CHECK(b.failed);
    wn_buf_free(&b);
}

static void test_buf_growth(void)
{
    buf b;
    wn_buf_init(&b, (size_t)1 << 20);
    int ok = 1;
    for (int i = 0; i < 200000 && ok; i++) ok = wn_buf_puts(&b, "0123456789") == 0;
    CHECK(!ok); /* 1,048,570 bytes fit, 1,048,580 do not: the cap is 1 MiB */
    CHECK(b.len <= ((size_t)1 << 20));
    CHECK(b.len == 1048570);
    CHECK(b.data[b.len] == '\0');
    wn_buf_free(&b);
}

static void test_doc(void)
{
    doc d;
    wn_doc_init(&d);
    int ok = 1;
    for (int i = 0; i < 1000 && ok; i++) {
        char t[32];
        int n = snprintf(t, sizeof t, "block %d", i);
        block *b = wn_doc_add(&d, (block_kind)(i % 8), t, (size_t)n);
        ok = b && b->len == (size_t)n && b->dec == DEC_NONE && b->ract == 0 && !b->path;
    }
    CHECK(ok);
    CHECK(d.n == 1000);
    CHECK_STR(d.blocks[0].text, "block 0");
    CHECK_STR(d.blocks[999].text, "block 999");
    CHECK(d.blocks[9].kind == BK_HEADING);
    block *e = wn_doc_add(&d, BK_PARA, "", 0);
    CHECK(e && e->len == 0 && e->text && e->text[0] == '\0');
    wn_doc_free(&d);
    CHECK(d.n == 0 && d.blocks == NULL);

    /* The block cap: a page of millions of tiny elements fails instead of taking GBs. */
    wn_doc_init(&d);
    ok = 1;
    for (size_t i = 0; i < DOC_MAX_BLOCKS && ok; i++) ok = wn_doc_add(&d, BK_PARA, "x", 1) != NULL;
    CHECK(ok && d.n == DOC_MAX_BLOCKS && !d.failed);
    CHECK(wn_doc_add(&d, BK_PARA, "x", 1) == NULL);
    CHECK(d.failed && d.too_many);
    CHECK(d.n == DOC_MAX_BLOCKS);
    wn_doc_free(&d);

    CHECK_STR(wn_block_kind_name(BK_PARA), "para");
    CHECK_STR(wn_block_kind_name(BK_TITLE), "title");
    CHECK_STR(wn_block_kind_name((block_kind)99), "?");
    CHECK_STR(wn_block_kind_name((block_kind)-1), "?");
}

int main(void)
{
    test_arena_alignment();
    test_arena_big();
    test_arena_overflow();
    test_arena_strndup();
    test_buf_basic();
    test_buf_empty_is_string();
    test_buf_cap();
    test_buf_growth();
    test_doc();
    return check_done();
}
