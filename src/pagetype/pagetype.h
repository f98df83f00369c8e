/* pagetype.h -- what kind of page this is: article, forum, listing, collection,
 * product, documentation or service.
 *
 * The front ends measure signals -- counts and flags, each a small integer: what the
 * page says about itself (JSON-LD @type, og:type, generator), its structure (repeated
 * sibling shapes, link density, forms, prices), its words (shop, forum and doc
 * phrases), its URL path.  A scoring table (pt_weights.c, fitted on the development
 * sets by bench/pagetype/fit.py and kept as data) turns them into one score per type:
 * each row reads "when signal >= cut, add these weights"; the highest total wins.
 * html/html_pagetype.c measures an HTML page; text signals (pt_text.c), the URL
 * (pt_url.c) and the decision (pt_decide.c) serve both paths. */
#ifndef WINNOW_PAGETYPE_H
#define WINNOW_PAGETYPE_H

#include <stddef.h>
#include "core/doc.h"

/* In the order of winnow_page_type (include/winnow/winnow.h), which mirrors it. */
typedef enum {
    PT_UNKNOWN = 0,
    PT_ARTICLE,
    PT_SERVICE,
    PT_FORUM,
    PT_LISTING,
    PT_DOCUMENTATION,
    PT_COLLECTION,
    PT_PRODUCT,
    PT_OTHER,
    PT_COUNT
} page_type;

#define PT_SCORED 7 /* ARTICLE .. PRODUCT have a column in the tables */
#define PT_FORCED_MARGIN 1000 /* the margin of a type the caller forced */

/* Every signal, with the name --explain and the fitting script use.  S_ what the page
 * declares, H_ its HTML structure, T_ its text, U_ its URL. */
#define PT_SIGNAL_LIST(X)                                                                   \
    X(BIAS, "bias")                                                                         \
    X(S_LD_ARTICLE, "S.ld_article") X(S_LD_PRODUCT, "S.ld_product")                          \
    X(S_LD_FORUM, "S.ld_forum") X(S_LD_LIST, "S.ld_list") X(S_LD_DOC, "S.ld_doc")            \
    X(S_LD_SERVICE, "S.ld_service") X(S_LD_OFFER, "S.ld_offer")                              \
    X(S_LD_BREADCRUMB, "S.ld_breadcrumb") X(S_LD_NONE, "S.ld_none")                          \
    X(S_MD_ARTICLE, "S.md_article") X(S_MD_PRODUCT, "S.md_product")                          \
    X(S_MD_FORUM, "S.md_forum") X(S_MD_LIST, "S.md_list") X(S_MD_SERVICE, "S.md_service")   \
    X(S_OG_ARTICLE, "S.og_article") X(S_OG_PRODUCT, "S.og_product")                          \
    X(S_OG_WEBSITE, "S.og_website") X(S_OG_NONE, "S.og_none")                                \
    X(S_GEN_WORDPRESS, "S.gen_wordpress") X(S_GEN_FORUM, "S.gen_forum")                      \
    X(S_GEN_DOC, "S.gen_doc") X(S_GEN_SHOP, "S.gen_shop") X(S_GEN_BUILDER, "S.gen_builder")  \
    X(S_GEN_CMS, "S.gen_cms") X(S_GEN_BLOG, "S.gen_blog")                                    \
    X(S_AUTHOR, "S.author") X(S_DATE, "S.date") X(S_PUBLISHED, "S.published")                \
    X(S_PRICE_META, "S.price_meta")                                                         \
    X(S_BODY_POST, "S.body_post") X(S_BODY_ARCHIVE, "S.body_archive")                        \
    X(S_BODY_PRODUCT, "S.body_product") X(S_BODY_SHOP, "S.body_shop")                        \
    X(S_BODY_PAGE, "S.body_page")                                                           \
    X(S_TITLE_LIST, "S.title_list") X(S_TITLE_SHOP, "S.title_shop")                          \
    X(S_TITLE_DOC, "S.title_doc") X(S_TITLE_FORUM, "S.title_forum")                          \
    X(S_TITLE_HOWTO, "S.title_howto") X(S_TITLE_SERVICE, "S.title_service")                  \
    X(H_PLAT_FORUM, "H.plat_forum") X(H_PLAT_DOC, "H.plat_doc")                              \
    X(H_CT_FORUM, "H.ct_forum") X(H_CT_PRODUCT, "H.ct_product") X(H_CT_GRID, "H.ct_grid")    \
    X(H_CT_DOC, "H.ct_doc") X(H_CT_ARTICLE, "H.ct_article") X(H_CT_SERVICE, "H.ct_service")  \
    X(H_BREADCRUMB, "H.breadcrumb")                                                         \
    X(H_ARTICLE, "H.article") X(H_PRE, "H.pre") X(H_CODE, "H.code") X(H_TABLE, "H.table")    \
    X(H_FORM, "H.form") X(H_TEXTAREA, "H.textarea") X(H_SELECT, "H.select")                  \
    X(H_COMMENT_FORM, "H.comment_form")                                                     \
    X(H_INPUTS, "H.inputs") X(H_TIME, "H.time") X(H_H1, "H.h1") X(H_H2, "H.h2")              \
    X(H_H3, "H.h3") X(H_P, "H.p") X(H_BLOCKQUOTE, "H.blockquote") X(H_IMG, "H.img")          \
    X(H_DL, "H.dl") X(H_RELNEXT, "H.relnext")                                               \
    X(H_IP_PRICE, "H.ip_price") X(H_IP_AUTHOR, "H.ip_author") X(H_IP_POSTS, "H.ip_posts")    \
    X(H_LINKDENS, "H.linkdens_pct") X(H_NAVLINKS, "H.navlinks")                                \
    X(H_REP_POSTS, "H.rep_posts") X(H_REP_CARDS, "H.rep_cards")                              \
    X(H_REP_ITEMS, "H.rep_items") X(H_REP_PRICED, "H.rep_priced")                            \
    X(H_REP_DATED, "H.rep_dated") X(H_REP_SHARE, "H.rep_share_pct")                             \
    X(H_PBLOCK, "H.pblock") X(H_PBLOCK_N, "H.pblock_n")                                      \
    X(H_HLINKS, "H.hlinks") X(H_LONGLINKS, "H.longlinks") X(H_HSVC, "H.hsvc")                \
    X(H_HQ, "H.hq") X(H_HANCHORS, "H.hanchors") X(H_HIDS, "H.hids")                          \
    X(T_RUN, "T.run") X(T_WE, "T.we_pm") X(T_I, "T.I_pm") X(T_FUNC, "T.func_pm")                \
    X(T_WORDS, "T.words") X(T_LONGPARA, "T.longpara") X(T_LONGFRAC, "T.longfrac_pct")          \
    X(T_SHORTFRAC, "T.shortfrac_pct") X(T_PRICE, "T.price") X(T_DATE, "T.date")                 \
    X(T_PHONE, "T.phone") X(T_CODE, "T.code") X(T_CART, "T.cart") X(T_SKU, "T.sku")          \
    X(T_QTY, "T.qty") X(T_SHIP, "T.ship") X(T_STARS, "T.stars")                              \
    X(T_FORUM_USER, "T.forum_user") X(T_FORUM_ACT, "T.forum_act") X(T_SORT, "T.sort")        \
    X(T_READMORE, "T.readmore") X(T_DOC, "T.doc") X(T_SERVICE, "T.service")                  \
    X(T_BYLINE, "T.byline") X(T_PLAT_FORUM, "T.plat_forum")                                 \
    X(T_ENTRIES, "T.entries") X(T_ENTRY_PCT, "T.entry_pct") X(T_MAXPROSE, "T.maxprose")      \
    X(T_RUN3_PCT, "T.run3_pct") X(T_POSTS, "T.posts") X(T_POST_MAX_PCT, "T.post_max_pct")    \
    X(U_NONE, "U.none") X(U_ARTICLE, "U.article") X(U_DATE, "U.date") X(U_FORUM, "U.forum")  \
    X(U_DOC, "U.doc") X(U_PRODUCT, "U.product") X(U_COLLECTION, "U.collection")              \
    X(U_SECTION, "U.section") X(U_SERVICE, "U.service") X(U_HOST_DOC, "U.host_doc")          \
    X(U_HOST_FORUM, "U.host_forum") X(U_HOST_SHOP, "U.host_shop")                            \
    X(U_HOST_BLOG, "U.host_blog") X(U_QUERY, "U.query") X(U_ROOT, "U.root")                  \
    X(U_LONGSLUG, "U.longslug") X(U_DEPTH1, "U.depth1") X(U_EXT_HTML, "U.ext_html")

typedef enum {
#define PT_ENUM(id, name) PS_##id,
    PT_SIGNAL_LIST(PT_ENUM)
#undef PT_ENUM
    PS_COUNT
} pt_signal;

typedef struct {
    int v[PS_COUNT];
} pt_signals;

/* One row of a scoring table: when signal >= cut, add w to the type scores. */
typedef struct {
    pt_signal signal;
    int cut;
    signed char w[PT_SCORED];
} pt_row;

const char *wn_pt_name(page_type t);          /* "article", ... ; "" for PT_UNKNOWN */
page_type wn_pt_parse(const char *name);      /* PT_UNKNOWN when no type has it */
const char *wn_pt_signal_name(pt_signal s);

/* pt_text.c: the T_ signals of UTF-8 text (the page's visible text, blocks on lines). */
void wn_pt_text_signals(const char *text, size_t len, pt_signals *s);
/* The S_TITLE_ signals of a page's <title> (or its first line for text). */
void wn_pt_title_signals(const char *title, pt_signals *s);
/* Counts H_HSVC and H_HQ for one heading's text. */
void wn_pt_heading_signals(const char *heading, pt_signals *s);
/* S_GEN_ signals of a <meta name=generator> value (platform families are data). */
void wn_pt_generator_signals(const char *generator, pt_signals *s);

/* pt_url.c: the U_ signals of the page's URL (NULL or "" sets U_NONE). */
void wn_pt_url_signals(const char *url, pt_signals *s);

/* pt_decide.c: scores the signals with the HTML table (html != 0) or the text table;
 * fills score[PT_SCORED] when not NULL and returns the best type (ties: table order). */
page_type wn_pt_decide(const pt_signals *s, int html, int *score);

/* When the caller forces a type and wants no explanation, sets it in d (no signals
 * needed) and returns 1; else returns 0 and the caller measures the signals. */
int wn_pt_forced(const winnow_options *opt, doc *d);

/* Decides on s (HTML table when html) and sets d->page_type (the forced one, if any),
 * d->page_type_margin and, with opt->explain, d->page_type_why: "TYPE (article N,
 * service N, ...); signals: name=value ...", "forced; detected ..." when forced. */
void wn_pt_assign(const pt_signals *s, int html, const winnow_options *opt, doc *d);

/* A later stage settles the type on evidence the detector does not see (a thread's
 * rhythm, lines of code): sets d->page_type to t and its margin to margin, and with
 * --explain puts "TYPE, REASON; the words said ..." before d->page_type_why; reason
 * is a printf format. */
void wn_pt_settle(doc *d, winnow_page_type t, int margin, const char *reason, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* pt_nocontent.c: whether the decided page (every block decided, comments included)
 * holds no main content.  wn_pt_nc_candidate is cheap: few words kept and not cut
 * short.  wn_pt_nc_decide reads the kept blocks, the headline and d->whole (or, when
 * not measured, all blocks); when the page holds no main content it sets d->no_content
 * and d->no_content_why and drops every kept block (WHY_NO_CONTENT). */
int wn_pt_nc_candidate(const doc *d);
void wn_pt_nc_decide(doc *d);

/* Writes "name=value ..." of the non-zero signals into out (for --explain); returns
 * the length written (out always NUL-terminated when cap > 0). */
size_t wn_pt_describe(const pt_signals *s, char *out, size_t cap);

#endif
