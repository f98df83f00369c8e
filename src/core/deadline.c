/* deadline.c -- the time a page may take (winnow_options.time_limit): a point on
 * CLOCK_MONOTONIC that the long loops of every stage look at, through a countdown so
 * that most looks cost a decrement and the clock is read only now and then. */
#include <time.h>
#include "core/core.h"

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void wn_deadline_start(wn_deadline *dl, double seconds)
{
    dl->passed = 0;
    dl->countdown = WN_DEADLINE_STRIDE;
    dl->end_ns = 0;
    if (!(seconds > 0)) return; /* 0, negative or NaN: no limit */
    /* Past ~292 years the nanoseconds would wrap: that is no limit either. */
    if (seconds > 9.0e9) return;
    dl->end_ns = now_ns() + (uint64_t)(seconds * 1e9);
    if (!dl->end_ns) dl->end_ns = 1;
}

int wn_deadline_check(wn_deadline *dl)
{
    if (!dl || !dl->end_ns) return 0;
    dl->countdown = WN_DEADLINE_STRIDE;
    if (!dl->passed && now_ns() >= dl->end_ns) dl->passed = 1;
    return dl->passed;
}
