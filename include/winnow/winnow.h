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
    WINNOW_ERR_TRUNCATED, /* the page hit a limit (too many elements): the result is
                             filled as for WINNOW_OK from what was read, and error
                             says which limit; treat the text as possibly partial */
    WINNOW_ERR_TIMEOUT    /* the page took longer than winnow_options.time_limit: no
                             text; the work stopped soon after the limit */
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
    int explain;                /* non-zero: fill winnow_result.explain, page_type_why,
                                   meta_source, title_source and language_why */
    size_t max_size;            /* inputs larger than this fail with WINNOW_ERR_TOO_LARGE */
    const winnow_rules *rules;  /* borrowed; NULL means no rules at all */
    winnow_format format;       /* rendering of winnow_result.text; TEXT by default */
    winnow_page_type page_type; /* AUTO detects it; any other value forces it */
    const char *url;            /* the page's address when known (a crawler's URL), or
                                   NULL: its path helps tell the page type */
    const char *charset_hint;   /* the charset the transport declared (the charset= of an
                                   HTTP Content-Type, as winnow_warc_record.charset gives
                                   it), or NULL.  As in the WHATWG encoding sniffing
                                   algorithm, a byte-order mark beats it and it beats a
                                   <meta charset>; as with <meta>, a label the Encoding
                                   Standard does not know is ignored, and bytes that are
                                   valid UTF-8 stay UTF-8 whatever a label says */
    double time_limit;          /* seconds one page may take (wall clock, monotonic);
                                   longer fails with WINNOW_ERR_TIMEOUT; 0 = no limit */
    int comments;               /* WINNOW_COMMENTS_* flags; 0: reader comments are left
                                   out (they never enter the article either way) */
    const char *fetch_date;     /* when the page was fetched (a WARC-Date, ISO 8601 or any
                                   form winnow reads dates in), or NULL: no date after
                                   it is taken for the page's date or date_modified */
    int links;                  /* non-zero: Markdown keeps an HTML page's links as
                                   [text](URL), a relative href resolved against the
                                   page's <base href> or url (unresolvable, in-page and
                                   script links stay plain text) */
    int images;                 /* non-zero: an HTML page's pictures that sit in the kept
                                   content are written on lines of their own: Markdown
                                   ![alt](URL), text "[image: alt] URL" (URLs resolved
                                   as for links; pixels, icons, spacers and images in
                                   dropped parts left out).  What is kept does not change */
    const char *content_language; /* the HTTP Content-Language of the response (as
                                   winnow_warc_record.content_language gives it), or
                                   NULL: the page's language when the page itself
                                   declares none (see winnow_meta.language) */
    int no_language_detection;  /* non-zero: winnow_meta.language is only what the page
                                   and content_language declare; the detector is not
                                   run (it reads up to 1 KiB of kept text: about 0.1 to
                                   0.3 ms a page).  The CLI sets it for text and
                                   Markdown output, which never show the language */
} winnow_options;

/* winnow_options.comments: LIST fills winnow_result.comments (and a JSON record's
 * "comments"); TEXT also prints them in winnow_result.text after the article, under a
 * line "--- comments ---" (Markdown: a rule and "## Comments"). */
#define WINNOW_COMMENTS_LIST 1
#define WINNOW_COMMENTS_TEXT 2

/* Fills opt with the defaults: AUTO, title on, no explain, 64 MiB, no rules, TEXT, no
 * charset hint, no time limit, no links, no images. */
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

/* What a page declares or shows about itself: schema.org JSON-LD first, then Open
 * Graph, article:*, Dublin Core and <meta> tags, <link rel=canonical>, <html lang>; the
 * byline and date line shown around the headline (a shown date before a declared one,
 * a declared author before a shown one unless it is the site's own name), microdata,
 * <time datetime>, the URL's /YYYY/MM/DD/.  Each is a string (whitespace collapsed),
 * or NULL; owned by the result.  HTML only (rendered text declares nothing), but for
 * the language. */
typedef struct {
    const char *author;        /* names only ("By", roles, addresses removed), several
                                  joined with "; " */
    const char *date;          /* publication date, ISO 8601: "YYYY-MM-DD", or with
                                  "THH:MM[:SS][zone]" where a declared value had a time;
                                  never before 1995 nor after options.fetch_date */
    const char *date_modified; /* the same; also a shown "Updated" date */
    const char *site_name;
    const char *url;           /* canonical URL */
    const char *language;      /* BCP 47, canonical case ("en", "en-GB", "zh-Hant"):
                                  what the page declares -- JSON-LD inLanguage, <html
                                  lang>, a Content-Language <meta>, then
                                  options.content_language --, unless the language
                                  detector (winnow_language_detector) reads the kept
                                  text, 200 bytes or more, reliably as a language that
                                  disagrees with it; then, and when nothing is
                                  declared, the detected one.  Also for rendered text */
    const char *description;
    const char *image;         /* URL */
    const char *hostname;      /* of the page's URL: options.url, else the canonical one */
    const char *tags;          /* keywords, article:tag: joined with "; " */
    const char *categories;    /* articleSection, article:section: joined with "; " */
    const char *license;       /* rel=license link or JSON-LD license: a URL or a name */
} winnow_meta;

/* One reader comment of an article (options.comments).  Strings are owned by the
 * result, NULL when the comment does not show them. */
typedef struct {
    const char *author;        /* as the page shows it */
    const char *date;          /* ISO 8601 ("2024-10-13"); NULL for an age ("3 days ago") */
    const char *text;          /* its paragraphs, separated by blank lines */
} winnow_comment;

/* One picture of the page (options.images), in the order the text shows them.
 * Strings are owned by the result. */
typedef struct {
    const char *url;           /* absolute http(s) URL */
    const char *alt;           /* its alt text, whitespace collapsed, or NULL */
} winnow_image;

typedef struct {
    char *text;               /* the output, UTF-8, NUL-terminated; owned by the result */
    size_t len;               /* bytes in text, without the NUL */
    char *title;              /* the headline found (for HTML, an <h1>'s " | Section"
                                 tail removed; the text shows the <h1> as it is), or
                                 NULL; owned by the result */
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
    int no_content;           /* non-zero: nothing on the page passes as main content -- an
                                 empty page, an error page ("404", "Page not found"), a
                                 sign-in or cookie wall, a page of navigation only.  No
                                 failure: the status stays WINNOW_OK, text is "", every
                                 block is dropped (blocks_kept 0); title and meta stay */
    const char *no_content_why; /* when no_content: what the decision saw, starting with
                                   its kind -- "empty page: ", "error page: ", "sign-in
                                   wall: ", "cookie wall: " or "navigation only: " --
                                   ("sign-in wall: 1 password field, ...; 10 words kept,
                                   ..."); owned by the result, else NULL */
    winnow_status status;     /* what winnow_extract returned */
    char error[256];          /* the message when the status is not WINNOW_OK */
    char warning[256];        /* non-fatal trouble (a rule hit the PCRE2 match limit), or "" */
    winnow_comment *comments; /* when options.comments: the reader comments found after
                                 the article, in page order (none on a forum, whose posts
                                 are its content), n_comments of them -- not NULL even
                                 when none; NULL when not asked for; owned by the result */
    size_t n_comments;
    winnow_image *images;     /* when options.images: the pictures the text shows, in
                                 order, n_images of them -- not NULL even when none;
                                 NULL when not asked for; owned by the result */
    size_t n_images;
    /* Where the record's fields came from, when options.explain (else all NULL); static
     * strings or owned by the result: */
    winnow_meta meta_source;  /* for each field of meta that is not NULL, a short label
                                 of its source, or NULL where it is not known: "JSON-LD
                                 datePublished", "JSON-LD author", "<meta og:site_name>"
                                 (any <meta> as "<meta NAME>"), "<link rel=canonical>",
                                 "<html lang>", "HTTP Content-Language", "detector",
                                 "itemprop=datePublished", "<time datetime> in the
                                 article", "date line by the headline", "byline by the
                                 headline", "author element on the page", "URL path",
                                 "options.url" ... */
    const char *title_source; /* of title: "<h1>", "<meta og:title>", "<title>",
                                 "heading-shaped line before the article" (rendered
                                 text) ..., and what was cut from it: "<title>, without
                                 the site's name"; NULL when there is no title */
    const char *language_why; /* how meta.language was chosen, in three parts: what the
                                 page declared and where ('declared "en" by <html
                                 lang>', "nothing declared"); what the detector read
                                 ('detector read "de" in 1024 bytes', "... no reliable
                                 answer") or why it did not run ("turned off", "built
                                 without one", "too little text", "no main content");
                                 which won and why ("the detected one: the text
                                 disagrees with the declaration").  NULL when the page
                                 failed before its language was resolved */
    void *priv_;              /* internal storage; do not touch */
} winnow_result;

/* Extracts the article from data[0..len).  Always initialises *res, so
 * winnow_result_free(res) is safe whatever the status. */
WINNOW_EXPORT winnow_status winnow_extract(const char *data, size_t len, const winnow_options *opt,
                             winnow_result *res);

WINNOW_EXPORT void winnow_result_free(winnow_result *res);

/* ---- JSON records ---------------------------------------------------------------- */

/* What a WARC record says about the page it holds (from winnow_warc_record), beside
 * what the page declares about itself.  Strings may be NULL (absent). */
typedef struct {
    const char *date;              /* WARC-Date */
    int http_status;               /* 0: not an HTTP response */
    const char *content_type;      /* media type the archive gives the payload */
    const char *charset;           /* charset the HTTP header declares */
    const char *file;              /* the archive */
    unsigned long long offset;     /* the record's offset in it */
} winnow_warc_origin;

/* One input as the CLI's --format=json/jsonl reports it. */
typedef struct {
    const char *path;              /* where the page came from (file name, URL), or NULL */
    const winnow_result *result;   /* the extraction; NULL when the input failed before */
    const char *error;             /* non-NULL: the input failed, with this message (the
                                      record then has status "error" and no text) */
    size_t bytes_in;               /* bytes of the input (after decompression) */
    /* Where a record of a stream came from (NULL / 0 for a page read from a file): */
    const char *id;                /* the input's own id (a WARC-Record-ID, a JSON Lines
                                      "id"), or NULL */
    int id_is_number;              /* id is the text of a JSON number: written unquoted */
    const char *url;               /* the URL the page was fetched from, or NULL */
    size_t line;                   /* 1-based line of a JSON Lines input, or 0 */
    const winnow_warc_origin *warc; /* a WARC record's own fields, or NULL */
    const char *skipped;           /* non-NULL: the input holds no page and was skipped,
                                      for this reason (status "skipped", no text) */
} winnow_record;

#define WINNOW_JSON_PRETTY 1 /* indented over several lines instead of one line */

/* The JSON object of one record, followed by a newline: path, id, url, line (of a JSON
 * Lines input, else null), warc_date, http_status, content_type, http_charset, file,
 * offset (those of warc; null for other inputs), status ("ok", "no_content" when
 * result->no_content, "truncated", "skipped" or "error"), error (the failure, why it was
 * skipped, or result->no_content_why), warning, type, charset (the one
 * decoded), title, page_type, author, date, date_modified, site_name, canonical_url,
 * language, description, image, hostname, tags, categories, license, bytes_in, bytes_out, blocks_kept, blocks_dropped, text
 * (the result's rendering), comments (an array of {author, date, text} when the
 * extraction was asked for them -- winnow_options.comments --, else null), images (an
 * array of {url, alt} when asked for -- winnow_options.images --, else null).  Compact records are one
 * line each (JSON Lines).  Always valid UTF-8: invalid bytes become U+FFFD.  Returns a
 * NUL-terminated string to release with free() (its length in *len when len is not
 * NULL), or NULL when out of memory. */
WINNOW_EXPORT char *winnow_record_json(const winnow_record *rec, int flags, size_t *len);

/* The text of one record as a WARC/1.1 `conversion` record, so that pages extracted from
 * an archive make an archive again: WARC-Target-URI is rec->url (else rec->path),
 * WARC-Refers-To is rec->id when that is a record id ("<urn:...>", as a WARC record's
 * is), WARC-Date is date (ISO 8601, the caller's clock; NULL gives the epoch), and the
 * WARC-Record-ID is derived from the source and the text (the same input gives the same
 * record).  Content-Type text/plain; charset=utf-8; the result's text is the block.
 * Returns a string to release with free() (its length in *len when len is not NULL), or
 * NULL when the record has no result (a failed or skipped input) or memory is short. */
WINNOW_EXPORT char *winnow_record_warc(const winnow_record *rec, const char *date, size_t *len);

/* ---- WARC archives ----------------------------------------------------------------- */

/* A reader of WARC/1.0 and 1.1 archives (what Common Crawl, the Internet Archive,
 * `wget --warc-file` and browsertrix write): plain, gzipped whole, or gzipped record by
 * record -- told apart by the bytes, not the name -- read as a stream (a pipe will do;
 * nothing is read twice and no more than one record is held in memory).  Each call to
 * winnow_warc_next gives the next record: a page to extract (a 2xx HTML or text
 * `response`, de-chunked and decompressed, or a `resource`), a record skipped and why,
 * or an error for a broken record or for bytes that are no record -- after which the
 * reader goes on at the next record (the next "WARC/1." line, or the next gzip member).
 *
 * Threading: a reader belongs to one thread at a time; readers share nothing, so
 * threads may each have their own.  The payload of a record can be handed to
 * winnow_extract (with the record's charset as options.charset_hint) on any thread, once
 * copied: it is valid only until the next call on the reader. */

typedef struct winnow_warc winnow_warc;

typedef struct {
    size_t max_size;       /* records whose block is larger are skipped with an error and
                              streamed past, never held; 0 means 64 MiB */
    const char *head;      /* winnow_warc_open_fd only: the first head_len bytes of the
                              stream, already read from fd by a caller that looked at them
                              (to tell a WARC from a page); borrowed for the open call */
    size_t head_len;
} winnow_warc_options;

/* Fills opt with the defaults: 64 MiB, no head. */
WINNOW_EXPORT void winnow_warc_options_init(winnow_warc_options *opt);

/* Opens the archive at path (opt NULL: defaults).  NULL when it cannot be opened or
 * memory is short, with the reason in err.  A file that is not a WARC opens; its first
 * record is then an error that says so (an ARC file: "ARC ... not supported"). */
WINNOW_EXPORT winnow_warc *winnow_warc_open(const char *path, const winnow_warc_options *opt,
                                            char *err, size_t errlen);

/* Reads the archive from fd (a file, a pipe, stdin), which stays the caller's: close
 * does not close it.  name is what messages and records call the archive ("-" for stdin
 * is shown as given); copied. */
WINNOW_EXPORT winnow_warc *winnow_warc_open_fd(int fd, const char *name,
                                               const winnow_warc_options *opt, char *err,
                                               size_t errlen);

typedef enum {
    WINNOW_WARC_PAGE = 0, /* a page to extract: payload holds its bytes */
    WINNOW_WARC_SKIPPED,  /* a sound record that holds no page: skip says why */
    WINNOW_WARC_ERROR     /* a broken record, or bytes that are no record: reason says why */
} winnow_warc_kind;

/* Why a record was skipped; each is counted (winnow_warc_counts). */
typedef enum {
    WINNOW_WARC_SKIP_NONE = 0,
    WINNOW_WARC_SKIP_WARCINFO,
    WINNOW_WARC_SKIP_REQUEST,
    WINNOW_WARC_SKIP_METADATA,
    WINNOW_WARC_SKIP_REVISIT,
    WINNOW_WARC_SKIP_CONVERSION,
    WINNOW_WARC_SKIP_CONTINUATION,
    WINNOW_WARC_SKIP_OTHER_TYPE,   /* a WARC-Type this reader does not know */
    WINNOW_WARC_SKIP_HTTP_STATUS,  /* a response that is not 2xx */
    WINNOW_WARC_SKIP_CONTENT_TYPE, /* neither HTML nor plain text */
    WINNOW_WARC_SKIP_COUNT
} winnow_warc_skip;

/* One record.  Every pointer is owned by the reader and valid until the next
 * winnow_warc_next or winnow_warc_close on it; strings are NUL-terminated, NULL when
 * the record has no such field. */
typedef struct {
    winnow_warc_kind kind;
    winnow_warc_skip skip;         /* for SKIPPED */
    const char *reason;            /* SKIPPED and ERROR: a short message ("HTTP status
                                      404", "Content-Length runs past the record") */
    const char *type;              /* WARC-Type as written ("response", "resource") */
    const char *record_id;         /* WARC-Record-ID as written ("<urn:uuid:...>") */
    const char *target_uri;        /* WARC-Target-URI, without the <...> WARC/1.0
                                      writers such as wget put around it */
    const char *date;              /* WARC-Date (ISO 8601) */
    unsigned long long offset;     /* where the record starts in the file: the byte
                                      offset of its first byte in a plain file, of the
                                      gzip member that holds it in a gzipped one (for a
                                      file gzipped record by record, the record's own
                                      member, as CDX indexes give it) */
    int http_status;               /* response records: the HTTP status; else 0 */
    const char *content_type;      /* media type of the payload, lower case, without
                                      parameters: the HTTP Content-Type of a response,
                                      the WARC Content-Type of a resource */
    const char *charset;           /* the charset parameter of that Content-Type: pass
                                      it as winnow_options.charset_hint */
    const char *payload;           /* PAGE: the page's bytes (HTTP headers removed,
                                      de-chunked, gzip/deflate undone) */
    size_t payload_len;
    const char *content_language;  /* response records: the HTTP Content-Language as
                                      sent ("de-DE", "en, fr"): pass it as
                                      winnow_options.content_language */
} winnow_warc_record;

/* Reads the next record into *rec.  Returns 1 when *rec holds one, 0 at the end of the
 * archive, -1 when the reader cannot go on (a read error, out of memory: err says why;
 * winnow_warc_next then keeps returning -1). */
WINNOW_EXPORT int winnow_warc_next(winnow_warc *w, winnow_warc_record *rec, char *err,
                                   size_t errlen);

/* Running totals since the reader was opened. */
typedef struct {
    size_t records;                           /* everything returned: pages, skipped, errors */
    size_t pages;
    size_t errors;
    size_t skipped[WINNOW_WARC_SKIP_COUNT];   /* by reason */
} winnow_warc_counts;

WINNOW_EXPORT void winnow_warc_get_counts(const winnow_warc *w, winnow_warc_counts *counts);

/* A short name for a skip reason ("warcinfo", "request", "http-status", ...; static). */
WINNOW_EXPORT const char *winnow_warc_skip_name(winnow_warc_skip skip);

/* Whether data[0..len) -- the first bytes of a file -- begins a WARC (1), an ARC file
 * (2, which this reader refuses), or neither (0).  gzip data is looked into; give at
 * least the first 4 KiB when there are that many. */
WINNOW_EXPORT int winnow_warc_sniff(const char *data, size_t len);

WINNOW_EXPORT void winnow_warc_close(winnow_warc *w);

/* ---- JSON Lines input ------------------------------------------------------------ */

/* One line of a JSON Lines stream: an object with the page in "html" or "text" (a
 * string) and optionally "id" (a string or a number), "url" and "date" (strings); null
 * counts as absent and other members are ignored.  The line is read as strict RFC 8259
 * JSON: bytes that are not UTF-8 are an error (not replaced); a lone surrogate escape
 * becomes U+FFFD; when a key repeats, the last one wins; giving both "html" and "text"
 * is an error; members nested deeper than 64 levels are an error.  All strings are
 * decoded, NUL-terminated and owned by the struct (free with winnow_jsonl_input_free). */
typedef struct {
    char *content;      /* the page, UTF-8 (may hold U+0000), or NULL on error */
    size_t len;         /* bytes in content */
    winnow_type type;   /* WINNOW_TYPE_HTML for "html", WINNOW_TYPE_TEXT for "text" */
    char *id;           /* a string id's value, or a number id's JSON text; or NULL */
    int id_is_number;
    char *url;          /* or NULL */
    char *date;         /* or NULL; as given, not interpreted */
    char error[160];    /* why the line was refused: "column N: reason" */
} winnow_jsonl_input;

/* Reads line[0..len) (without its line end; a trailing \r is JSON whitespace) into
 * *in, which is always initialised.  Returns WINNOW_OK, WINNOW_ERR_INPUT with the
 * reason in in->error (id, url and date keep what was read before the error, so an
 * error record can name the line; content is NULL), or WINNOW_ERR_NOMEM.
 * Reentrant: any thread, any number at once. */
WINNOW_EXPORT winnow_status winnow_jsonl_parse(const char *line, size_t len,
                                               winnow_jsonl_input *in);
WINNOW_EXPORT void winnow_jsonl_input_free(winnow_jsonl_input *in);

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

/* The detector of the text's language built into the library ("cld2 V2.0 - 20141016":
 * Debian's libcld2), or NULL when it was built without one (-DWINNOW_CLD2=OFF, or
 * libcld2 not found): winnow_meta.language is then only what the page declares.
 * Static string. */
WINNOW_EXPORT const char *winnow_language_detector(void);

#ifdef __cplusplus
}
#endif
#endif
