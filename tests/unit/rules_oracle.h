/* rules_oracle.h -- the plain definition the built-in rule tests hold the matcher to:
 * the embedded rule set parsed the simple way, each pattern compiled alone by PCRE2,
 * and the verdict the first keep rule that matches, else the first rule (within its
 * max=).  Text rules (test_rules_builtin.c) or attr rules (test_rules_builtin_attr.c). */
#ifndef WINNOW_RULES_ORACLE_H
#define WINNOW_RULES_ORACLE_H
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "rules/rules.h"
#include "rules/rules_blob.h"
#include "rules/rules_filter.h" /* PCRE2, as the engine includes it */

typedef struct {
    pcre2_code *code;
    size_t max;
    int keep;
    char name[64];
    char pattern[4096];
} oracle_rule;

enum { ORACLE_TEXT, ORACLE_ATTR };

/* The rules of one target: ACTION /PATTERN/FLAGS [NAME] [max=N] [need=...]. */
static size_t load_oracle(oracle_rule *o, size_t cap, int target)
{
    const char *s = winnow_default_rules, *end = s + winnow_default_rules_len;
    size_t n = 0;
    while (s < end && n < cap) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t ll = nl ? (size_t)(nl - s) : (size_t)(end - s);
        char line[4096];
        snprintf(line, sizeof line, "%.*s", (int)ll, s);
        s += ll + 1;
        int keep = strncmp(line, "keep", 4) == 0;
        if (!keep && strncmp(line, "drop", 4) != 0 && strncmp(line, "cut-", 4) != 0) continue;
        char *sp = strchr(line, ' ');
        if (!sp) continue;
        int attr = (size_t)(sp - line) >= 5 && strncmp(sp - 5, "@attr", 5) == 0;
        if (target == ORACLE_ATTR ? !attr : memchr(line, '@', (size_t)(sp - line)) != NULL)
            continue;
        char *p0 = strchr(line, '/') + 1, *p1 = p0;
        while (*p1 && *p1 != '/') p1 += p1[0] == '\\' && p1[1] ? 2 : 1;
        uint32_t fl = 0;
        char *q = p1 + 1;
        for (; *q && *q != ' '; q++) {
            if (*q == 'i') fl |= PCRE2_CASELESS;
            if (*q == 'x') fl |= PCRE2_EXTENDED;
            if (*q == 's') fl |= PCRE2_DOTALL;
            if (*q == 'm') fl |= PCRE2_MULTILINE;
            if (*q == 'u') fl |= PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF;
        }
        o[n].name[0] = '\0';
        sscanf(q, " %63s", o[n].name);
        const char *mx = strstr(q, " max=");
        o[n].max = mx ? strtoul(mx + 5, NULL, 10) : SIZE_MAX;
        o[n].keep = keep;
        snprintf(o[n].pattern, sizeof o[n].pattern, "%.*s", (int)(p1 - p0), p0);
        int ec;
        PCRE2_SIZE eo;
        o[n].code = pcre2_compile((PCRE2_SPTR)p0, (size_t)(p1 - p0), fl, &ec, &eo, NULL);
        CHECK(o[n].code != NULL);
        if (o[n].code) n++;
    }
    return n;
}

static const char *oracle_verdict(const oracle_rule *o, size_t n, const char *s, size_t len,
                                  pcre2_match_data *md)
{
    for (int keeps = 1; keeps >= 0; keeps--)
        for (size_t i = 0; i < n; i++)
            if (o[i].keep == keeps && len <= o[i].max &&
                pcre2_match(o[i].code, (PCRE2_SPTR)s, len, 0, 0, md, NULL) >= 0)
                return o[i].name;
    return "(none)";
}
#endif
