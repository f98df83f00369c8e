/* cli_jobs.c -- the worker pool behind -j: N threads take input indexes from a shared
 * counter (a work queue without a queue: inputs are known up front), the calling thread
 * delivers results strictly in input order.  Workers run at most `window` items ahead
 * of delivery, so a slow first input cannot make the others pile up in memory. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include "cli.h"

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t done_cv; /* an item finished */
    pthread_cond_t room_cv; /* delivery moved on, or stop */
    size_t n, window, next_take, next_deliver;
    unsigned char *done;
    int stop;
    cli_work_fn work;
    void *ctx;
} pool;

int cli_jobs_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > CLI_MAX_JOBS ? CLI_MAX_JOBS : (int)n;
}

static void *worker(void *arg)
{
    pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->stop && p->next_take < p->n && p->next_take >= p->next_deliver + p->window)
            pthread_cond_wait(&p->room_cv, &p->mu);
        if (p->stop || p->next_take >= p->n) {
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        size_t i = p->next_take++;
        pthread_mutex_unlock(&p->mu);
        p->work(p->ctx, i);
        pthread_mutex_lock(&p->mu);
        p->done[i] = 1;
        pthread_cond_broadcast(&p->done_cv);
        pthread_mutex_unlock(&p->mu);
    }
}

/* One job: no threads at all, the same order by construction. */
static int run_inline(size_t n, cli_work_fn work, cli_deliver_fn deliver, void *ctx)
{
    for (size_t i = 0; i < n; i++) {
        work(ctx, i);
        if (deliver(ctx, i)) return -1;
    }
    return 0;
}

int cli_jobs_run(size_t n, int jobs, size_t window, cli_work_fn work, cli_deliver_fn deliver,
                 void *ctx)
{
    if (jobs > (int)n) jobs = (int)n;
    if (jobs <= 1) return run_inline(n, work, deliver, ctx);
    pool p = {.n = n, .window = window ? window : 1, .work = work, .ctx = ctx};
    pthread_t tid[CLI_MAX_JOBS];
    p.done = calloc(n, 1);
    if (!p.done) return run_inline(n, work, deliver, ctx);
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.done_cv, NULL);
    pthread_cond_init(&p.room_cv, NULL);
    int started = 0;
    while (started < jobs && pthread_create(&tid[started], NULL, worker, &p) == 0) started++;
    int rc = 0;
    if (started == 0) {
        rc = run_inline(n, work, deliver, ctx);
    } else {
        for (size_t i = 0; i < n; i++) {
            pthread_mutex_lock(&p.mu);
            while (!p.done[i]) pthread_cond_wait(&p.done_cv, &p.mu);
            pthread_mutex_unlock(&p.mu);
            int stop = deliver(ctx, i);
            pthread_mutex_lock(&p.mu);
            p.next_deliver = i + 1;
            if (stop) p.stop = 1;
            pthread_cond_broadcast(&p.room_cv);
            pthread_mutex_unlock(&p.mu);
            if (stop) {
                rc = -1;
                break;
            }
        }
    }
    for (int t = 0; t < started; t++) pthread_join(tid[t], NULL);
    pthread_cond_destroy(&p.done_cv);
    pthread_cond_destroy(&p.room_cv);
    pthread_mutex_destroy(&p.mu);
    free(p.done);
    return rc;
}

/* ---- streams: inputs not known up front (the records of an archive) ---------------- */

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t work_cv; /* an item was made, or the end */
    pthread_cond_t done_cv; /* an item finished */
    size_t window, made, next_work;
    unsigned char *done;    /* by i % window */
    int ended, stop;
    cli_work_fn work;
    void *ctx;
} stream_pool;

static void *stream_worker(void *arg)
{
    stream_pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stop && !p->ended && p->next_work >= p->made)
            pthread_cond_wait(&p->work_cv, &p->mu);
        if (p->stop || p->next_work >= p->made) break;
        size_t i = p->next_work++;
        pthread_mutex_unlock(&p->mu);
        p->work(p->ctx, i);
        pthread_mutex_lock(&p->mu);
        p->done[i % p->window] = 1;
        pthread_cond_signal(&p->done_cv);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* The calling thread makes items and delivers them; it delivers first whenever it can,
 * so at most `window` items are ever in flight. */
static int stream_loop(stream_pool *p, cli_take_fn take, cli_deliver_fn deliver)
{
    size_t next_deliver = 0;
    int rc = 0;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        if (next_deliver < p->made && p->done[next_deliver % p->window]) {
            p->done[next_deliver % p->window] = 0;
            pthread_mutex_unlock(&p->mu);
            int stop = deliver(p->ctx, next_deliver++);
            pthread_mutex_lock(&p->mu);
            if (stop) {
                rc = -1;
                break;
            }
        } else if (!p->ended && p->made < next_deliver + p->window) {
            size_t i = p->made;
            pthread_mutex_unlock(&p->mu); /* take reads input: never under the lock */
            int r = take(p->ctx, i);
            pthread_mutex_lock(&p->mu);
            if (r == 1) p->made++;
            else p->ended = 1;
            if (r < 0) rc = -1;
            pthread_cond_broadcast(&p->work_cv);
        } else if (p->ended && next_deliver == p->made) {
            break;
        } else {
            pthread_cond_wait(&p->done_cv, &p->mu);
        }
    }
    p->stop = rc != 0;
    p->ended = 1;
    pthread_cond_broadcast(&p->work_cv);
    pthread_mutex_unlock(&p->mu);
    return rc;
}

/* One job (or no thread to be had): each item made, worked and delivered in turn. */
static int stream_inline(cli_take_fn take, cli_work_fn work, cli_deliver_fn deliver, void *ctx)
{
    for (size_t i = 0;; i++) {
        int r = take(ctx, i);
        if (r <= 0) return r;
        work(ctx, i);
        if (deliver(ctx, i)) return -1;
    }
}

int cli_jobs_stream(int jobs, size_t window, cli_take_fn take, cli_work_fn work,
                    cli_deliver_fn deliver, void *ctx)
{
    if (window == 0) window = 1;
    stream_pool p = {.window = window, .work = work, .ctx = ctx};
    p.done = jobs > 1 ? calloc(window, 1) : NULL;
    if (!p.done) return stream_inline(take, work, deliver, ctx);
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work_cv, NULL);
    pthread_cond_init(&p.done_cv, NULL);
    pthread_t tid[CLI_MAX_JOBS];
    int started = 0;
    while (started < jobs && pthread_create(&tid[started], NULL, stream_worker, &p) == 0) started++;
    int rc = started ? stream_loop(&p, take, deliver) : stream_inline(take, work, deliver, ctx);
    for (int t = 0; t < started; t++) pthread_join(tid[t], NULL);
    pthread_cond_destroy(&p.work_cv);
    pthread_cond_destroy(&p.done_cv);
    pthread_mutex_destroy(&p.mu);
    free(p.done);
    return rc;
}
