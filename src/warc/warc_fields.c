/* warc_fields.c -- "Name: value" header blocks, the one syntax WARC record headers and
 * HTTP headers share (RFC 9112 field lines; WARC 1.1 section 4).  The block is cut into
 * strings in place, so a record's fields cost no allocation. */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "warc/warc.h"

/* Trims spaces and tabs at both ends of s[0..n) in place; the new start. */
static char *trim(char *s, size_t *n)
{
    while (*n && (s[0] == ' ' || s[0] == '\t')) s++, (*n)--;
    while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r')) (*n)--;
    return s;
}

int wn_warc_fields_parse(char *h, size_t n, warc_field *f, int max)
{
    int nf = 0;
    size_t i = 0;
    char *last_end = NULL; /* where the previous value ends, to join continuations */
    while (i < n) {
        char *line = h + i;
        char *nl = memchr(line, '\n', n - i);
        size_t len = nl ? (size_t)(nl - line) : n - i;
        i += len + (nl ? 1 : 0);
        if (len && line[len - 1] == '\r') len--;
        if (len == 0) continue;
        if ((line[0] == ' ' || line[0] == '\t') && nf > 0) {
            /* A continuation: moved up behind the value before, after one space. */
            char *v = trim(line, &len);
            *last_end = ' ';
            memmove(last_end + 1, v, len);
            last_end += 1 + len;
            *last_end = '\0';
            continue;
        }
        char *colon = memchr(line, ':', len);
        if (!colon || colon == line || nf == max) return -1;
        size_t nlen = (size_t)(colon - line);
        char *name = trim(line, &nlen);
        if (nlen == 0) return -1;
        name[nlen] = '\0';
        size_t vlen = len - (size_t)(colon + 1 - line);
        char *v = trim(colon + 1, &vlen);
        v[vlen] = '\0';
        last_end = v + vlen;
        f[nf++] = (warc_field){name, v};
    }
    return nf;
}

const char *wn_warc_field(const warc_field *f, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcasecmp(f[i].name, name) == 0) return f[i].value;
    return NULL;
}

/* Copies s[0..n) into out (cut to fit), lower case when lower. */
static void copy_token(const char *s, size_t n, char *out, size_t outlen, int lower)
{
    if (!outlen) return;
    if (n >= outlen) n = outlen - 1;
    for (size_t i = 0; i < n; i++) out[i] = lower ? (char)tolower((unsigned char)s[i]) : s[i];
    out[n] = '\0';
}

void wn_warc_media_type(const char *v, char *type, size_t typelen, char *charset,
                        size_t charsetlen)
{
    if (typelen) type[0] = '\0';
    if (charsetlen) charset[0] = '\0';
    if (!v) return;
    while (*v == ' ' || *v == '\t') v++;
    size_t n = strcspn(v, "; \t");
    copy_token(v, n, type, typelen, 1);
    for (const char *p = strchr(v, ';'); p; p = strchr(p + 1, ';')) {
        const char *q = p + 1;
        while (*q == ' ' || *q == '\t') q++;
        if (strncasecmp(q, "charset", 7) != 0) continue;
        q += 7;
        while (*q == ' ' || *q == '\t') q++;
        if (*q != '=') continue;
        q++;
        while (*q == ' ' || *q == '\t') q++;
        int quoted = *q == '"';
        q += quoted;
        size_t m = strcspn(q, quoted ? "\"" : "; \t");
        copy_token(q, m, charset, charsetlen, 0);
        return;
    }
}
