/* check.h -- a minimal unit-test harness: CHECK records failures and goes on, and
 * check_done() prints the closing "N passed, N failed" line and returns the exit code. */
#ifndef WINNOW_CHECK_H
#define WINNOW_CHECK_H
#include <stdio.h>
#include <string.h>

static int check_pass_, check_fail_;

#define CHECK(cond)                                                                 \
    do {                                                                            \
        if (cond) {                                                                 \
            check_pass_++;                                                          \
        } else {                                                                    \
            check_fail_++;                                                          \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                           \
    } while (0)

#define CHECK_STR(got, want)                                                           \
    do {                                                                               \
        const char *g_ = (got), *w_ = (want);                                          \
        if (g_ && w_ && strcmp(g_, w_) == 0) {                                         \
            check_pass_++;                                                             \
        } else {                                                                       \
            check_fail_++;                                                             \
            fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,   \
                    g_ ? g_ : "(null)", w_ ? w_ : "(null)");                           \
        }                                                                              \
    } while (0)

static int check_done(void)
{
    printf("%d passed, %d failed\n", check_pass_, check_fail_);
    return check_fail_ ? 1 : 0;
}
#endif
