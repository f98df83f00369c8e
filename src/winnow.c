/* winnow.c -- the public entry points: runs the stages in order and packs the result.
 * bytes -> wn_charset_to_utf8 -> sniff -> textseg/textclass or wn_html_extract -> output. */
#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "article/article.h"
#include "core/doc.h"
#include "html/html.h"
#include "input/input.h"
#include "language/language.h"
#include "pagetype/pagetype.h"
#include "render/render.h"
#include "rules/rules.h"
#include "text/text.h"

#define BINARY_RATIO 0.10 /* share of control bytes above which input is not a page */

typedef struct {
    doc d;
} priv;

void winnow_options_init(winnow_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->type = WINNOW_TYPE_AUTO;
    opt->max_size = (size_t)64 << 20;
}

const char *winnow_status_str(winnow_status st)
{
    switch (st) {
    case WINNOW_OK: return "ok";
    case WINNOW_ERR_INPUT: return "unreadable input";
    case WINNOW_ERR_TOO_LARGE: return "input too large";
    case WINNOW_ERR_NOMEM: return "out of memory";
    case WINNOW_ERR_RULES: return "bad rule";
    case WINNOW_ERR_INTERNAL: return "internal error";
    case WINNOW_ERR_TRUNCATED: return "page cut short by a limit";
    case WINNOW_ERR_TIMEOUT: return "page took longer than the time limit";
    }
    return "unknown status";
}

const char *winnow_version(void) { return WINNOW_VERSION; }

const char *winnow_language_detector(void) { return wn_language_detector(); }

static void silent(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

void winnow_global_init(void)
{
    xmlInitParser();
    /* libxml2 must never write to our stderr. */
    xmlSetGenericErrorFunc(NULL, silent);
}

static winnow_status fail(winnow_result *res, winnow_status st, const char *msg)
{
    snprintf(res->error, sizeof res->error, "%s", msg ? msg : winnow_status_str(st));
    res->status = st;
    return st;
}

/* The page ran out of time (winnow_options.time_limit): no result, only the reason. */
static winnow_status timed_out(winnow_result *res, const winnow_options *opt)
{
    char msg[128];
    snprintf(msg, sizeof msg, "page took longer than the time limit of %g s", opt->time_limit);
    return fail(res, WINNOW_ERR_TIMEOUT, msg);
}

static int utf16_bom(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    return len >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF));
}

/* Fills res->explain from the doc (strings stay in the doc's arena). */
static int fill_explain(doc *d, winnow_result *res)
{
    if (!d->n) return 0;
    res->explain = calloc(d->n, sizeof *res->explain);
    if (!res->explain) return -1;
    for (size_t i = 0; i < d->n; i++) {
        const block *b = &d->blocks[i];
        winnow_explain *e = &res->explain[i];
        e->decision = b->dec == DEC_KEEP ? WINNOW_KEEP : WINNOW_DROP;
        e->kind = wn_block_kind_name(b->kind);
        char tmp[160];
        if (b->path) {
            e->where = b->path;
        } else {
            snprintf(tmp, sizeof tmp, "line %d", b->line);
            e->where = wn_arena_strndup(&d->mem, tmp, strlen(tmp));
        }
        /* "rule:NAME" is made here, only when explaining: deciding needs the enum. */
        const char *why = wn_block_why_name(b->why);
        if (b->why == WHY_RULE) {
            size_t nl = strlen(b->rule->name);
            char *r = wn_arena_alloc(&d->mem, nl + 6);
            if (r) {
                memcpy(r, "rule:", 5);
                memcpy(r + 5, b->rule->name, nl + 1);
            }
            why = r ? r : why;
        }
        if (b->why != WHY_NONE && b->score != 0.0) {
            snprintf(tmp, sizeof tmp, "%s (%.2f)", why, b->score);
            e->reason = wn_arena_strndup(&d->mem, tmp, strlen(tmp));
        } else {
            e->reason = why;
        }
        e->text = b->text;
        e->len = b->len;
    }
    res->n_explain = d->n;
    return d->mem.failed ? -1 : 0;
}

/* Fills res->meta_source, title_source and language_why from the labels the stages
 * left beside each field (core/doc.h, page_meta_src): only for --explain, since the
 * title's and the language's sentences are made here. */
static void fill_sources(doc *d, const winnow_options *opt, winnow_result *res)
{
    const page_meta_src *s = &d->meta.src;
    const winnow_meta *m = &res->meta;
#define SRC(f) (m->f ? s->f : NULL)
    res->meta_source = (winnow_meta){
        SRC(author),      SRC(date),     SRC(date_modified), SRC(site_name),
        SRC(url),         SRC(language), SRC(description),   SRC(image),
        m->hostname ? (opt->url ? "options.url" : "the record's url") : NULL,
        SRC(tags),        SRC(categories), SRC(license)};
#undef SRC
    const char *src = d->meta.title ? s->title : s->headline;
    const char *cut = d->meta.title ? s->title_cut : NULL;
    if (res->title && src && cut) {
        size_t a = strlen(src), b = strlen(cut);
        char *t = wn_arena_alloc(&d->mem, a + b + 11);
        if (t) {
            memcpy(t, src, a);
            memcpy(t + a, ", without ", 10);
            memcpy(t + a + 10, cut, b + 1);
        }
        src = t;
    }
    res->title_source = res->title ? src : NULL;
    res->language_why = wn_language_explain(d);
}

/* Fills res->images with the images the text shows (in the doc's arena). */
static int list_images(doc *d, winnow_result *res)
{
    size_t n = 0;
    for (size_t k = 0; k < d->n_images; k++) n += d->images[k].shown != 0;
    res->images = wn_arena_alloc(&d->mem, (n ? n : 1) * sizeof *res->images);
    if (!res->images) return -1;
    for (size_t k = 0, i = 0; k < d->n_images; k++)
        if (d->images[k].shown)
            res->images[i++] = (winnow_image){d->images[k].url, d->images[k].alt};
    res->n_images = n;
    return 0;
}

winnow_status winnow_extract(const char *data, size_t len, const winnow_options *opt,
                             winnow_result *res)
{
    memset(res, 0, sizeof *res);
    winnow_options defaults;
    if (!opt) {
        winnow_options_init(&defaults);
        opt = &defaults;
    }
    if (opt->max_size && len > opt->max_size) {
        char msg[128];
        snprintf(msg, sizeof msg, "input is larger than the limit of %zu bytes (--max-size)",
                 opt->max_size);
        return fail(res, WINNOW_ERR_TOO_LARGE, msg);
    }
    res->type = opt->type;
    if (len == 0) {
        res->text = calloc(1, 1);
        res->charset = "utf-8";
        if (res->type == WINNOW_TYPE_AUTO) res->type = WINNOW_TYPE_TEXT;
        res->no_content = 1;
        res->no_content_why = "empty page: the input is empty";
        return res->text ? WINNOW_OK : fail(res, WINNOW_ERR_NOMEM, NULL);
    }
    if (!utf16_bom(data, len) && wn_sniff_binary_ratio(data, len) > BINARY_RATIO) {
        /* UTF-16 without a BOM is full of NULs but is still text: let charset decide. */
        buf probe;
        wn_buf_init(&probe, 0);
        const char *cs = NULL;
        size_t plen = len < 1024 ? len : 1024;
        int ok = wn_charset_to_utf8(data, plen, 0, &probe, &cs) == 0 && strncmp(cs, "utf-16", 6) == 0;
        wn_buf_free(&probe);
        if (!ok) return fail(res, WINNOW_ERR_INPUT, "input looks like binary data, not a page");
    }

    priv *pv = calloc(1, sizeof *pv);
    if (!pv) return fail(res, WINNOW_ERR_NOMEM, NULL);
    res->priv_ = pv;
    doc *d = &pv->d;
    wn_doc_init(d);
    /* The clock starts here: the checks above are quick and bounded by max_size. */
    wn_deadline_start(&d->deadline, opt->time_limit);
    d->fetch_date = opt->fetch_date;

    winnow_type type = opt->type;
    if (type == WINNOW_TYPE_AUTO) {
        /* Sniff on the raw bytes unless they are UTF-16, which needs decoding first. */
        type = wn_sniff_type(data, len);
    }
    buf u8;
    wn_buf_init(&u8, len > SIZE_MAX / 4 ? 0 : len * 3 + 16); /* worst case: every byte -> 3 */
    if (wn_charset_to_utf8_hinted(data, len, type == WINNOW_TYPE_HTML, opt->charset_hint, &u8,
                                  &res->charset) != 0) {
        wn_buf_free(&u8);
        return fail(res, WINNOW_ERR_NOMEM, NULL);
    }
    if (opt->type == WINNOW_TYPE_AUTO && strncmp(res->charset, "utf-16", 6) == 0)
        type = wn_sniff_type(u8.data ? u8.data : "", u8.len);
    res->type = type;
    if (wn_deadline_check(&d->deadline)) {
        wn_buf_free(&u8);
        return timed_out(res, opt);
    }

    rule_matcher *m = wn_rules_matcher_new(opt->rules);
    if (!m) {
        wn_buf_free(&u8);
        return fail(res, WINNOW_ERR_NOMEM, NULL);
    }
    wn_rules_matcher_set_deadline(m, &d->deadline);
    winnow_status st = WINNOW_OK;
    const char *text = u8.data ? u8.data : "";
    if (type == WINNOW_TYPE_HTML) {
        char err[200] = "";
        if (wn_html_extract(text, u8.len, m, opt, d, err, sizeof err) != 0)
            st = d->failed || d->mem.failed ? WINNOW_ERR_NOMEM : WINNOW_ERR_INPUT;
        if (st != WINNOW_OK) fail(res, st, err[0] ? err : NULL);
    } else {
        if (wn_textseg_segment(text, u8.len, d) != 0) {
            st = fail(res, WINNOW_ERR_NOMEM, NULL);
        } else if (!wn_deadline_check(&d->deadline)) {
            wn_text_pagetype(text, u8.len, opt, d);
            wn_textclass_classify_rules(d, m); /* matches the rules where they matter */
        }
    }
    if (st == WINNOW_OK && !d->failed && !wn_deadline_check(&d->deadline)) {
        wn_article_furniture(d, type != WINNOW_TYPE_HTML);
        wn_article_comments(d);
        wn_article_bare_headings(d);
        if (wn_pt_nc_candidate(d)) wn_pt_nc_decide(d); /* on the final decisions */
        if (d->n_images) wn_article_images(d);
        wn_article_table_columns(d);
        wn_language_resolve(d, opt->content_language, !opt->no_language_detection); /* on the kept text */
    }
    const char *w = wn_rules_matcher_warning(m);
    if (w) snprintf(res->warning, sizeof res->warning, "%s", w);
    wn_rules_matcher_free(m);
    wn_buf_free(&u8);
    if (d->too_many) { /* a hard limit on hostile input, not a lack of memory */
        snprintf(res->error, sizeof res->error, "page has more than %zu blocks", DOC_MAX_BLOCKS);
        st = WINNOW_ERR_INPUT;
    }
    /* A stage that ran out of time left a partial doc, or failed because of it. */
    if (wn_deadline_check(&d->deadline)) return timed_out(res, opt);
    if (st != WINNOW_OK) return st;

    /* A headline that is one of the body's lines moves to the top when printed there. */
    for (size_t i = 0; !opt->no_title && i < d->n; i++)
        if (d->blocks[i].flags & BF_TITLE_IN_BODY) d->blocks[i].kind = BK_TITLE;
    buf out;
    wn_buf_init(&out, 0);
    /* A page without main content outputs nothing, not even its headline or comments. */
    int rc = d->no_content ? 0
             : opt->format == WINNOW_FORMAT_MARKDOWN
                 ? wn_output_render_markdown(d, opt->no_title, &out)
                 : wn_output_render_text(d, opt->no_title, &out);
    if (rc == 0 && !d->no_content && (opt->comments & WINNOW_COMMENTS_TEXT))
        rc = wn_output_render_comments(d, opt->format == WINNOW_FORMAT_MARKDOWN, &out);
    if (rc != 0 || wn_buf_reserve(&out, 0) != 0) {
        wn_buf_free(&out);
        return fail(res, WINNOW_ERR_NOMEM, NULL);
    }
    /* Finished, but later than allowed: the limit is a contract, not a hint (what is
     * left to do is copying, bounded by the doc). */
    if (wn_deadline_check(&d->deadline)) {
        wn_buf_free(&out);
        return timed_out(res, opt);
    }
    res->text = wn_buf_detach(&out, &res->len);
    page_meta *pm = &d->meta;
    pm->hostname = wn_doc_hostname(d, opt->url ? opt->url : pm->url);
    res->meta = (winnow_meta){pm->author,   pm->date,     pm->date_modified, pm->site_name,
                              pm->url,      pm->language, pm->description,   pm->image,
                              pm->hostname, pm->tags,     pm->categories,    pm->license};
    if (opt->comments & WINNOW_COMMENTS_LIST) {
        static winnow_comment none[1]; /* asked for, none found: not NULL */
        long n = wn_article_comment_list(d, &res->comments);
        if (n < 0) return fail(res, WINNOW_ERR_NOMEM, NULL);
        res->n_comments = (size_t)n;
        if (!res->comments) res->comments = none;
    }
    if (opt->images && list_images(d, res) != 0) return fail(res, WINNOW_ERR_NOMEM, NULL);
    res->page_type = d->page_type;
    res->page_type_why = d->page_type_why;
    res->no_content = d->no_content != NC_NONE;
    res->no_content_why = d->no_content_why;
    const char *title = pm->title ? pm->title : d->title; /* the record's own, if cleaner */
    if (title) {
        res->title = strdup(title);
        if (!res->title) return fail(res, WINNOW_ERR_NOMEM, NULL);
    }
    for (size_t i = 0; i < d->n; i++) {
        if (d->blocks[i].dec == DEC_KEEP) res->blocks_kept++;
        else res->blocks_dropped++;
    }
    if (opt->explain && fill_explain(d, res) != 0) return fail(res, WINNOW_ERR_NOMEM, NULL);
    if (opt->explain) fill_sources(d, opt, res);
    if (d->failed || d->mem.failed) return fail(res, WINNOW_ERR_NOMEM, NULL);
    if (d->cut) {
        snprintf(res->error, sizeof res->error, "page cut short: %s; the output may be partial",
                 d->cut);
        return res->status = WINNOW_ERR_TRUNCATED;
    }
    return WINNOW_OK;
}

void winnow_result_free(winnow_result *res)
{
    if (!res) return;
    free(res->text);
    free(res->title);
    free(res->explain);
    priv *pv = res->priv_;
    if (pv) {
        wn_doc_free(&pv->d);
        free(pv);
    }
    memset(res, 0, sizeof *res);
}
