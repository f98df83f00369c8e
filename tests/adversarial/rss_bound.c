/* rss_bound.c -- memory bound: one process runs the library over many pages and peak RSS
 * must not grow with the number of pages.
 *
 * The pages are the golden fixtures plus synthetic HTML / text / UTF-16 pages of varied
 * size, with and without explain, with the default rules plus a user rule.  Peak RSS
 * (ru_maxrss) is taken once every page has been seen several times (warm-up) and again
 * after 2,000+ extractions; growth beyond a few MB means something is kept per page.
 * Under ASan the quarantine makes RSS meaningless, so the test skips (LeakSanitizer
 * covers leaks there).  Usage: rss_bound SOURCE_DIR [ITERATIONS] */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <winnow/winnow.h>

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
/* The library may be instrumented while this file is not (WINNOW_FUZZ builds): ask the
 * linker whether the ASan runtime is there. */
extern void __asan_init(void) __attribute__((weak));
#define UNDER_ASAN (__asan_init != NULL)
#endif

#define MAX_PAGES 256
#define GROWTH_LIMIT_KB 4096

typedef struct {
    char *data;
    size_t len;
} page;

static page pages[MAX_PAGES];
static size_t n_pages;

static void add_page(char *data, size_t len)
{
    if (n_pages < MAX_PAGES && data) {
        pages[n_pages].data = data;
        pages[n_pages].len = len;
        n_pages++;
    } else {
        free(data);
    }
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    char *p = NULL;
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n >= 0 && fseek(f, 0, SEEK_SET) == 0 && (p = malloc((size_t)n + 1)) != NULL) {
            *len = fread(p, 1, (size_t)n, f);
        }
    }
    fclose(f);
    return p;
}

/* fixtures/<case>/input.* */
static void add_fixtures(const char *src)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/fixtures", src);
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        char sub[4096 + 256];
        snprintf(sub, sizeof sub, "%s/%s", dir, e->d_name);
        DIR *c = opendir(sub);
        if (!c) continue;
        struct dirent *f;
        while ((f = readdir(c)) != NULL) {
            if (strncmp(f->d_name, "input.", 6) != 0) continue;
            /* gzip is the CLI's to undo, not the library's: those pages stay out. */
            size_t nl = strlen(f->d_name);
            if (nl > 3 && strcmp(f->d_name + nl - 3, ".gz") == 0) continue;
            char path[4096 + 512];
            snprintf(path, sizeof path, "%s/%s", sub, f->d_name);
            size_t len = 0;
            char *p = read_file(path, &len);
            add_page(p, len);
        }
        closedir(c);
    }
    closedir(d);
}

/* An HTML page of n paragraphs inside `depth` nested divs, with chrome around it. */
static char *make_html(size_t n, int depth, size_t *len)
{
    size_t cap = 4096 + n * 200 + (size_t)depth * 16;
    char *p = malloc(cap);
    if (!p) return NULL;
    size_t w = (size_t)snprintf(p, cap, "<!DOCTYPE html><html><head><meta charset=utf-8>"
                                        "<title>Page of %zu paragraphs</title></head><body>"
                                        "<nav><a href=/>Home</a> <a href=/n>News</a></nav>", n);
    for (int i = 0; i < depth; i++) w += (size_t)snprintf(p + w, cap - w, "<div class=d%d>", i);
    for (size_t i = 0; i < n; i++)
        w += (size_t)snprintf(p + w, cap - w,
                              "<p>Paragraph %zu of the article says something in a full "
                              "sentence, with a <a href=#%zu>link</a> and caf\xc3\xa9.</p>",
                              i, i);
    for (int i = 0; i < depth; i++) w += (size_t)snprintf(p + w, cap - w, "</div>");
    w += (size_t)snprintf(p + w, cap - w, "<footer>Leave a comment</footer></body></html>");
    *len = w;
    return p;
}

static char *make_text(size_t n, int wrapped, size_t *len)
{
    size_t cap = 256 + n * 120;
    char *p = malloc(cap);
    if (!p) return NULL;
    size_t w = (size_t)snprintf(p, cap, "Home | News\n\nA headline for %zu lines\n\n", n);
    for (size_t i = 0; i < n; i++)
        w += (size_t)snprintf(p + w, cap - w,
                              wrapped ? "   line %zu of hard wrapped text that goes on to the"
                                        " wrap width of the renderer here ok\n"
                                      : "Line %zu of the story\xc2\xa0is a sentence of prose"
                                        " that ends with a stop.\n",
                              i);
    *len = w;
    return p;
}

static char *make_utf16(const char *ascii, size_t n, size_t *len)
{
    char *p = malloc(2 * n + 2);
    if (!p) return NULL;
    p[0] = (char)0xFF;
    p[1] = (char)0xFE;
    for (size_t i = 0; i < n; i++) {
        p[2 + 2 * i] = ascii[i];
        p[3 + 2 * i] = 0;
    }
    *len = 2 * n + 2;
    return p;
}

static long peak_kb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

int main(int argc, char **argv)
{
    if (UNDER_ASAN) {
        puts("rss_bound: skipped under AddressSanitizer");
        return 77;
    }
    const char *src = argc > 1 ? argv[1] : ".";
    long iters = argc > 2 ? atol(argv[2]) : 2000;
    add_fixtures(src);
    size_t nf = n_pages, len = 0;
    for (size_t k = 0; k < 4; k++) {
        char *h = make_html(20 + k * 300, (int)k * 40, &len);
        if (k == 1 && h) {
            size_t ulen = 0;
            char *u = make_utf16(h, len, &ulen);
            add_page(u, ulen);
        }
        add_page(h, len);
        char *t = make_text(10 + k * 400, (int)(k & 1), &len);
        add_page(t, len);
    }
    if (n_pages == nf) {
        fputs("rss_bound: out of memory building pages\n", stderr);
        return 1;
    }

    winnow_global_init();
    winnow_rules *rules = winnow_rules_new();
    char err[256];
    if (!rules || winnow_rules_add_default(rules, err, sizeof err) != 0 ||
        winnow_rules_add_source(rules, "user", "drop /^Line \\d+7 /\n", 19, err, sizeof err)) {
        fprintf(stderr, "rss_bound: rules: %s\n", err);
        return 1;
    }
    long warm = 100 > (long)n_pages * 5 ? 100 : (long)n_pages * 5;
    if (iters < warm * 10) iters = warm * 10;
    long at_warm = 0;
    size_t out_bytes = 0;
    for (long i = 0; i < iters; i++) {
        const page *pg = &pages[(size_t)i % n_pages];
        winnow_options opt;
        winnow_options_init(&opt);
        opt.rules = rules;
        opt.explain = (i / (long)n_pages) & 1;
        winnow_result res;
        if (winnow_extract(pg->data, pg->len, &opt, &res) != WINNOW_OK) {
            fprintf(stderr, "rss_bound: page %zu failed: %s\n", (size_t)i % n_pages, res.error);
            winnow_result_free(&res);
            return 1;
        }
        out_bytes += res.len;
        winnow_result_free(&res);
        if (i + 1 == warm) at_warm = peak_kb();
    }
    long at_end = peak_kb();
    winnow_rules_free(rules);
    for (size_t i = 0; i < n_pages; i++) free(pages[i].data);
    printf("rss_bound: %zu pages (%zu fixtures), %ld extractions, %zu output bytes\n", n_pages,
           nf, iters, out_bytes);
    printf("rss_bound: peak RSS %ld KB after %ld, %ld KB after %ld (growth %ld KB, limit %d)\n",
           at_warm, warm, at_end, iters, at_end - at_warm, GROWTH_LIMIT_KB);
    int ok = at_end - at_warm <= GROWTH_LIMIT_KB;
    printf("%d passed, %d failed\n", ok, !ok);
    return ok ? 0 : 1;
}
