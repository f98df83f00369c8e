/* winnow.h -- the one public header of libwinnow.
 *
 * libwinnow turns the bytes of a scraped page (raw HTML or the rendered text of a page)
 * into the article alone: headline and body, as UTF-8 text.  The library never prints
 * and never exits; every failure comes back as a status plus a message in the result.
 *
 * Typical use:
 *
 *     char err[256];
 *     winnow_rules *rules = winnow_rules_new();
 *     if (winnow_rules_add_default(rules, err, sizeof err) != 0) ...
 *     winnow_options opt;
 *     winnow_options_init(&opt);
 *     opt.rules = rules;
 *     winnow_result res;
 *     if (winnow_extract(bytes, nbytes, &opt, &res) == WINNOW_OK)
 *         fwrite(res.text, 1, res.len, stdout);
 *     winnow_result_free(&res);
 *     winnow_rules_free(rules);
 *
 * Thread safety (tests/unit/test_rules.c and test_pipeline.c run it under
 * ThreadSanitizer in tests/run.sh):
 * - Call winnow_global_init() once, from one thread, before any other thread calls
 *   into the library.
 * - A winnow_rules set is built by one thread (winnow_rules_new, winnow_rules_add_*).
 *   Once built, any number of threads may pass it to winnow_extract at the same time:
 *   to them it is immutable.  (It compiles and JIT-compiles its patterns when they are
 *   first needed, under its own lock; that changes no verdict.)  Never add rules to a
 *   set, nor free it, while an extraction may be using it.
 * - Everything else is per call: each winnow_extract makes its own matcher and blocks;
 *   a winnow_options is only read; a winnow_result belongs to the caller that passed
 *   it.  winnow_record_json and winnow_status_str may be called from any thread.
 */
#ifndef WINNOW_H
#define WINNOW_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Functions of the library's ABI.  Built as a shared library, libwinnow hides every
 * other symbol (-fvisibility=hidden); a static build or a user needs nothing here. */
#if defined(WINNOW_BUILDING_SHARED) && defined(__GNUC__)
#define WINNOW_EXPORT __attribute__((visibility("default")))
#else
#define WINNOW_EXPORT
#endif

/* The version of the headers (CMake's project version: version.h is generated);
 * winnow_version() gives the library's, which may differ from a program's headers. */
#include <winnow/version.h>

typedef enum {
    WINNOW_OK = 0,
    WINNOW_ERR_INPUT,     /* the input cannot be read as a page (binary, undecodable) */
    WINNOW_ERR_TOO_LARGE, /* the input exceeds winnow_options.max_size */
    WINNOW_ERR_NOMEM,     /* an allocation failed */
    WINNOW_ERR_RULES,     /* a rule file did not compile */
    WINNOW_ERR_INTERNAL,  /* a library call failed unexpectedly */
    WINNOW_ERR_TRUNCATED  /* the page hit a limit (too many elements): the result is
                             filled as for WINNOW_OK from what was read, and error
                             says which limit; treat the text as possibly partial */
} winnow_status;

typedef enum { WINNOW_TYPE_AUTO = 0, WINNOW_TYPE_HTML, WINNOW_TYPE_TEXT } winnow_type;

/* What kind of page it is.  AUTO (in options): detect it; UNKNOWN (in a result): not
 * decided (the extraction failed first).  OTHER is never detected, only forced. */
typedef enum {
    WINNOW_PAGE_AUTO = 0,
    WINNOW_PAGE_UNKNOWN = 0,
    WINNOW_PAGE_ARTICLE,
    WINNOW_PAGE_SERVICE,
    WINNOW_PAGE_FORUM,
    WINNOW_PAGE_LISTING,
    WINNOW_PAGE_DOCUMENTATION,
    WINNOW_PAGE_COLLECTION,
    WINNOW_PAGE_PRODUCT,
    WINNOW_PAGE_OTHER
} winnow_page_type;

/* How winnow_result.text is rendered.  TEXT: headline, blank line, paragraphs.
 * MARKDOWN: "# " headline, "## " headings, "- " items, "> " quotes, fenced pre blocks. */
typedef enum { WINNOW_FORMAT_TEXT = 0, WINNOW_FORMAT_MARKDOWN } winnow_format;

/* ---- rule sets ------------------------------------------------------------------ */

/* An opaque, compiled rule set.  Owned by the caller; free with winnow_rules_free. */
typedef struct winnow_rules winnow_rules;

/* A new, empty rule set, or NULL when out of memory. */
WINNOW_EXPORT winnow_rules *winnow_rules_new(void);

/* Adds the built-in rules (src/rules/ *.rules, embedded at build time).
 * Returns 0, or -1 with a message "FILE:LINE:COL: reason" written into err. */
WINNOW_EXPORT int winnow_rules_add_default(winnow_rules *rules, char *err, size_t errlen);

/* Compiles the rule source src[0..len) (the text of a rule file) and adds its rules.
 * name is used in messages and default rule names; the set copies what it keeps.
 * Returns 0, or -1 with "NAME:LINE:COL: reason" in err; on error nothing is added. */
WINNOW_EXPORT int winnow_rules_add_source(winnow_rules *rules, const char *name, const char *src, size_t len,
                            char *err, size_t errlen);

/* Number of rules in the set. */
WINNOW_EXPORT size_t winnow_rules_count(const winnow_rules *rules);

WINNOW_EXPORT void winnow_rules_free(winnow_rules *rules);

/* ---- extraction ------------------------------------------------------------------ */

typedef struct {
    winnow_type type;           /* AUTO sniffs the bytes */
    int no_title;               /* non-zero: body only */
    int explain;                /* non-zero: fill winnow_result.explain */
    size_t max_size;            /* inputs larger than this fail with WINNOW_ERR_TOO_LARGE */
    const winnow_rules *rules;  /* borrowed; NULL means no rules at all */
    winnow_format format;       /* rendering of winnow_result.text; TEXT by default */
    winnow_page_type page_type; /* AUTO detects it; any other value forces it */
    const char *url;            /* the page's address when known (a crawler's URL), or
                                   NULL: its path helps tell the page type */
} winnow_options;

/* Fills opt with the defaults: AUTO, title on, no explain, 64 MiB, no rules, TEXT. */
WINNOW_EXPORT void winnow_options_init(winnow_options *opt);

typedef enum { WINNOW_KEEP = 1, WINNOW_DROP = 2 } winnow_decision;

/* One segmented block and why it was kept or dropped.  All strings are owned by the
 * winnow_result they belong to. */
typedef struct {
    winnow_decision decision;
    const char *kind;    /* "para", "heading", "item", "quote", "pre", "table", "title" ... */
    const char *reason;  /* rule name ("rule:NAME") or heuristic ("density 0.82") */
    const char *where;   /* "line 12" for text, a DOM path for HTML */
    const char *text;    /* the block's text, UTF-8, possibly long */
    size_t len;
} winnow_explain;

/* What a page declares about itself: schema.org JSON-LD first, then Open Graph,
 * article:*, Dublin Core and <meta> tags, <link rel=canonical>, <html lang>.  Each is
 * the page's own string (whitespace collapsed), or NULL; owned by the result.  HTML
 * only: rendered text declares nothing. */
typedef struct {
    const char *author;        /* several joined with "; " */
    const char *date;          /* publication date, as declared (ISO 8601 expected) */
    const char *date_modified;
    const char *site_name;
    const char *url;           /* canonical URL */
    const char *language;      /* as declared: "en", "en-US" */
    const char *description;
    const char *image;         /* URL */
} winnow_meta;

typedef struct {
    char *text;               /* the output, UTF-8, NUL-terminated; owned by the result */
    size_t len;               /* bytes in text, without the NUL */
    char *title;              /* the headline found, or NULL; owned by the result */
    winnow_type type;         /* the type that was used (HTML or TEXT) */
    const char *charset;      /* the input charset that was decoded (static string) */
    size_t blocks_kept;
    size_t blocks_dropped;
    winnow_explain *explain;  /* when options.explain: one entry per block, in order */
    size_t n_explain;
    winnow_meta meta;         /* what the page declares about itself */
    winnow_page_type page_type; /* detected (or forced) kind of page */
    const char *page_type_why;  /* when options.explain: the type detected, each type's
                                   score and the signals behind them; owned by the result */
    winnow_status status;     /* what winnow_extract returned */
    char error[256];          /* the message when the status is not WINNOW_OK */
    char warning[256];        /* non-fatal trouble (a rule hit the PCRE2 match limit), or "" */
    void *priv_;              /* internal storage; do not touch */
} winnow_result;

/* Extracts the article from data[0..len).  Always initialises *res, so
 * winnow_result_free(res) is safe whatever the status. */
WINNOW_EXPORT winnow_status winnow_extract(const char *data, size_t len, const winnow_options *opt,
                             winnow_result *res);

WINNOW_EXPORT void winnow_result_free(winnow_result *res);

/* ---- JSON records ---------------------------------------------------------------- */

/* One input as the CLI's --format=json/jsonl reports it. */
typedef struct {
    const char *path;              /* where the page came from (file name, URL), or NULL */
    const winnow_result *result;   /* the extraction; NULL when the input failed before */
    const char *error;             /* non-NULL: the input failed, with this message (the
                                      record then has status "error" and no text) */
    size_t bytes_in;               /* bytes of the input (after decompression) */
} winnow_record;

#define WINNOW_JSON_PRETTY 1 /* indented over several lines instead of one line */

/* The JSON object of one record, followed by a newline: path, status ("ok",
 * "truncated" or "error"), error, warning, type, charset, title, author, date,
 * date_modified, site_name, url, language, description, image, bytes_in, bytes_out,
 * blocks_kept, blocks_dropped, text (the result's rendering).  Compact records are one
 * line each (JSON Lines).  Always valid UTF-8: invalid bytes become U+FFFD.  Returns a
 * NUL-terminated string to release with free() (its length in *len when len is not
 * NULL), or NULL when out of memory. */
WINNOW_EXPORT char *winnow_record_json(const winnow_record *rec, int flags, size_t *len);

/* Call once, from the main thread, before any other function when using threads. */
WINNOW_EXPORT void winnow_global_init(void);

/* The name of a page type: "article", "service", "forum", "listing",
 * "documentation", "collection", "product", "other"; "" for UNKNOWN (static string). */
WINNOW_EXPORT const char *winnow_page_type_name(winnow_page_type t);

/* The page type with that name, or WINNOW_PAGE_UNKNOWN when no type has it. */
WINNOW_EXPORT winnow_page_type winnow_page_type_parse(const char *name);

/* A short, static description of a status. */
WINNOW_EXPORT const char *winnow_status_str(winnow_status st);

/* The library's version, "MAJOR.MINOR.PATCH" (static string). */
WINNOW_EXPORT const char *winnow_version(void);

#ifdef __cplusplus
}
#endif
#endif
