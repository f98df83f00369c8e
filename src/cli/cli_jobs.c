/* cli_jobs.c -- the worker pool behind -j: a reader thread makes items ready in order
 * (the next line of a stream, or just the next index when the inputs are known up
 * front), N worker threads take them from a shared counter, and the calling thread
 * delivers results strictly in input order.  At most `window` items are read ahead of
 * delivery, so a slow first input cannot make the others pile up in memory. */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include "cli.h"

int cli_jobs_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > CLI_MAX_JOBS ? CLI_MAX_JOBS : (int)n;
}

/* ---- streams: items come from a reader thread until next() says the end ---------- */

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;       /* any change: an item read, done or delivered; the end */
    size_t window, budget;
    size_t n_read, next_take, next_deliver;
    size_t in_flight;        /* bytes of items read but not delivered */
    size_t *bytes;           /* per slot (item % window) */
    unsigned char *done;     /* per slot */
    int eof, stop;
    cli_next_fn next;
    cli_work_fn work;
    void *ctx;
} stream_pool;

static void *stream_reader(void *arg)
{
    stream_pool *p = arg;
    /* Cancelled only inside next(), blocked in read() on an input that will not end
     * while the output has failed; next() keeps its item consistent for the cleanup. */
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
    for (;;) {
        pthread_mutex_lock(&p->mu);
        /* Room in the window, and in the byte budget unless nothing is in flight. */
        while (!p->stop && (p->n_read - p->next_deliver >= p->window ||
                            (p->in_flight >= p->budget && p->n_read > p->next_deliver)))
            pthread_cond_wait(&p->cv, &p->mu);
        size_t i = p->n_read;
        int stop = p->stop;
        pthread_mutex_unlock(&p->mu);
        size_t bytes = 0;
        int rc = 0;
        if (!stop) {
            pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
            rc = p->next(p->ctx, i, &bytes);
            pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
        }
        pthread_mutex_lock(&p->mu);
        if (rc > 0) {
            p->bytes[i % p->window] = bytes;
            p->in_flight += bytes;
            p->n_read++;
        } else {
            p->eof = 1;
        }
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
        if (rc <= 0) return NULL;
    }
}

static void *stream_worker(void *arg)
{
    stream_pool *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->stop && p->next_take >= p->n_read && !p->eof) pthread_cond_wait(&p->cv, &p->mu);
        if (p->stop || p->next_take >= p->n_read) {
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        size_t i = p->next_take++;
        pthread_mutex_unlock(&p->mu);
        p->work(p->ctx, i);
        pthread_mutex_lock(&p->mu);
        p->done[i % p->window] = 1;
        pthread_cond_broadcast(&p->cv);
        pthread_mutex_unlock(&p->mu);
    }
}

/* One job: read, work, deliver, one item at a time. */
static int stream_inline(cli_next_fn next, cli_work_fn work, cli_deliver_fn deliver, void *ctx)
{
    size_t bytes;
    for (size_t i = 0; next(ctx, i, &bytes) > 0; i++) {
        work(ctx, i);
        if (deliver(ctx, i)) return -1;
    }
    return 0;
}

int cli_jobs_stream(int jobs, size_t window, size_t budget, cli_next_fn next, cli_work_fn work,
                    cli_deliver_fn deliver, void *ctx)
{
    if (jobs <= 1 || window < 2) return stream_inline(next, work, deliver, ctx);
    stream_pool p = {.window = window, .budget = budget, .next = next, .work = work, .ctx = ctx};
    p.bytes = calloc(window, sizeof *p.bytes);
    p.done = calloc(window, 1);
    if (!p.bytes || !p.done) {
        free(p.bytes);
        free(p.done);
        return stream_inline(next, work, deliver, ctx);
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.cv, NULL);
    pthread_t reader, tid[CLI_MAX_JOBS];
    int started = 0, rc = 0, have_reader = 0;
    /* Workers first: if no thread can start, nothing has been read and the stream can
     * still go inline. */
    while (started < jobs && pthread_create(&tid[started], NULL, stream_worker, &p) == 0)
        started++;
    if (started) have_reader = pthread_create(&reader, NULL, stream_reader, &p) == 0;
    if (!have_reader) {
        pthread_mutex_lock(&p.mu);
        p.stop = 1;
        pthread_cond_broadcast(&p.cv);
        pthread_mutex_unlock(&p.mu);
        for (int t = 0; t < started; t++) pthread_join(tid[t], NULL);
        rc = -2;
    } else {
        for (size_t i = 0;; i++) {
            pthread_mutex_lock(&p.mu);
            while (!p.done[i % window] && !(p.eof && i >= p.n_read)) pthread_cond_wait(&p.cv, &p.mu);
            int end = p.eof && i >= p.n_read;
            pthread_mutex_unlock(&p.mu);
            if (end) break;
            int stop = deliver(ctx, i);
            pthread_mutex_lock(&p.mu);
            p.done[i % window] = 0;
            p.in_flight -= p.bytes[i % window];
            p.next_deliver = i + 1;
            if (stop) p.stop = 1;
            pthread_cond_broadcast(&p.cv);
            pthread_mutex_unlock(&p.mu);
            if (stop) {
                rc = -1;
                break;
            }
        }
        if (rc) pthread_cancel(reader);
        pthread_join(reader, NULL);
        for (int t = 0; t < started; t++) pthread_join(tid[t], NULL);
    }
    pthread_cond_destroy(&p.cv);
    pthread_mutex_destroy(&p.mu);
    free(p.bytes);
    free(p.done);
    return rc == -2 ? stream_inline(next, work, deliver, ctx) : rc;
}

/* ---- a known number of items: a stream whose next() only counts ------------------ */

typedef struct {
    size_t n;
    cli_work_fn work;
    cli_deliver_fn deliver;
    void *ctx;
} counted;

static int counted_next(void *ctxp, size_t i, size_t *bytes)
{
    *bytes = 0;
    return i < ((counted *)ctxp)->n;
}

static void counted_work(void *ctxp, size_t i)
{
    counted *c = ctxp;
    c->work(c->ctx, i);
}

static int counted_deliver(void *ctxp, size_t i)
{
    counted *c = ctxp;
    return c->deliver(c->ctx, i);
}

int cli_jobs_run(size_t n, int jobs, size_t window, cli_work_fn work, cli_deliver_fn deliver,
                 void *ctx)
{
    counted c = {n, work, deliver, ctx};
    if (jobs > (int)n) jobs = (int)n;
    return cli_jobs_stream(jobs, window ? window : 1, SIZE_MAX, counted_next, counted_work,
                           counted_deliver, &c);
}
