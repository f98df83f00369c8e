/* cli_out.c -- writing output files safely, after zstd's fileio.c: every output goes
 * to a temporary file in its own directory and is renamed into place when complete, so
 * a crash or Ctrl-C never leaves a half-written output; an output never replaces one
 * of the inputs (same device and inode) nor the output of an earlier input. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

static mode_t file_mode = 0644; /* 0666 less the umask, read once before threads start */

/* Temporary files being written; the signal thread removes them.  Guarded by lock,
 * which is also held across mkstemp and rename so the list is never stale. */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static const char *live[CLI_MAX_JOBS + 1];

/* mkdir -p for the directories of path up to its last '/'; -1 with errno set. */
static int make_parents(const char *path)
{
    char *p = strdup(path);
    if (!p) return -1;
    char *end = strrchr(p, '/');
    int rc = 0;
    for (char *s = p + 1; end && s <= end && rc == 0; s++) {
        if (*s != '/' || s[-1] == '/') continue;
        *s = '\0';
        struct stat st;
        if (mkdir(p, 0777) != 0 && errno != EEXIST) rc = -1;
        else if (stat(p, &st) != 0) rc = -1;
        else if (!S_ISDIR(st.st_mode)) errno = ENOTDIR, rc = -1;
        *s = '/';
    }
    free(p);
    return rc;
}

int cli_out_prepare(const char *dir)
{
    mode_t m = umask(0);
    umask(m);
    file_mode = 0666 & ~m;
    char *probe = malloc(strlen(dir) + 3);
    if (!probe) {
        cli_error("out of memory");
        return -1;
    }
    strcpy(probe, dir);
    strcat(probe, "/x"); /* make_parents creates everything up to the last '/' */
    int rc = make_parents(probe);
    free(probe);
    if (rc != 0) {
        cli_error("%s: cannot create the output directory: %s", dir, strerror(errno));
        return -1;
    }
    return 0;
}

typedef struct {
    dev_t dev;
    ino_t ino;
} file_id;

static int id_cmp(const void *a, const void *b)
{
    const file_id *x = a, *y = b;
    if (x->dev != y->dev) return x->dev < y->dev ? -1 : 1;
    return x->ino < y->ino ? -1 : x->ino > y->ino;
}

static const cli_list *sort_list; /* qsort has no context argument */
static int out_cmp(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    int c = strcmp(sort_list->items[i].out_path, sort_list->items[j].out_path);
    return c ? c : (i > j) - (i < j);
}

/* Marks it as refused: its output is an input (other == NULL) or the output of the
 * earlier input other. */
static int refuse(cli_item *it, const char *other)
{
    size_t n = strlen(it->out_path) + (other ? strlen(other) : 0) + 80;
    it->error = malloc(n);
    if (!it->error) return -1;
    if (other)
        snprintf(it->error, n, "output %s is also the output of %s; refusing to overwrite it",
                 it->out_path, other);
    else
        snprintf(it->error, n, "output %s is an input file; refusing to overwrite it",
                 it->out_path);
    return 0;
}

int cli_out_check(cli_list *l)
{
    file_id *ids = malloc((l->n + 1) * sizeof *ids);
    size_t *order = malloc((l->n + 1) * sizeof *order);
    size_t nid = 0, nord = 0;
    int rc = ids && order ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < l->n; i++)
        if (l->items[i].have_id) ids[nid++] = (file_id){l->items[i].dev, l->items[i].ino};
    if (rc == 0) qsort(ids, nid, sizeof *ids, id_cmp);
    for (size_t i = 0; rc == 0 && i < l->n; i++) {
        cli_item *it = &l->items[i];
        struct stat st;
        if (it->error || !it->out_path) continue;
        if (stat(it->out_path, &st) == 0 &&
            bsearch(&(file_id){st.st_dev, st.st_ino}, ids, nid, sizeof *ids, id_cmp))
            rc = refuse(it, NULL);
        else order[nord++] = i;
    }
    if (rc == 0) {
        sort_list = l;
        qsort(order, nord, sizeof *order, out_cmp);
        for (size_t k = 1; rc == 0 && k < nord; k++) {
            cli_item *prev = &l->items[order[k - 1]], *it = &l->items[order[k]];
            if (strcmp(prev->out_path, it->out_path) == 0)
                rc = refuse(it, prev->path);
        }
    }
    free(ids);
    free(order);
    return rc;
}

static void track(const char *path, int on)
{
    for (size_t i = 0; i < sizeof live / sizeof *live; i++) {
        if (on ? live[i] == NULL : live[i] == path) {
            live[i] = on ? path : NULL;
            return;
        }
    }
}

/* Creates and opens the temporary file for path (name in tmp), registered for signal
 * cleanup.  -1 with errno set. */
static int open_temp(const char *path, char *tmp)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    /* The base name is shortened so the temporary name stays within NAME_MAX. */
    sprintf(tmp, "%.*s.%.200s.winnow-XXXXXX", (int)dirlen, path, path + dirlen);
    pthread_mutex_lock(&lock);
    int fd = mkstemp(tmp);
    if (fd >= 0) track(tmp, 1);
    pthread_mutex_unlock(&lock);
    return fd;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int cli_out_write(const char *path, const char *data, size_t len, char *err, size_t errlen)
{
    char *tmp = malloc(strlen(path) + 32);
    if (!tmp) {
        snprintf(err, errlen, "%s: out of memory", path);
        return -1;
    }
    int fd = open_temp(path, tmp);
    if (fd < 0 && errno == ENOENT && make_parents(path) == 0) fd = open_temp(path, tmp);
    if (fd < 0) {
        snprintf(err, errlen, "%s: cannot create: %s", path, strerror(errno));
        free(tmp);
        return -1;
    }
    int bad = fchmod(fd, file_mode) != 0 || write_all(fd, data, len) != 0;
    int e = errno;
    if (close(fd) != 0 && !bad) bad = 1, e = errno;
    pthread_mutex_lock(&lock);
    if (!bad && rename(tmp, path) != 0) bad = 1, e = errno;
    if (bad) unlink(tmp);
    track(tmp, 0);
    pthread_mutex_unlock(&lock);
    if (bad) snprintf(err, errlen, "%s: cannot write: %s", path, strerror(e));
    free(tmp);
    return bad ? -1 : 0;
}

/* The signal thread: on SIGINT/SIGTERM/SIGHUP it removes the temporary files, keeps
 * the lock so no new one appears, and dies of the same signal (shell status 128+N). */
static void *signal_thread(void *arg)
{
    const sigset_t *set = arg;
    int sig;
    while (sigwait(set, &sig) != 0) {}
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < sizeof live / sizeof *live; i++)
        if (live[i]) unlink(live[i]);
    signal(sig, SIG_DFL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, sig);
    pthread_sigmask(SIG_UNBLOCK, &one, NULL);
    raise(sig);
    _exit(128 + sig); /* not reached */
}

int cli_out_guard_signals(void)
{
    static sigset_t set;
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction sa;
        /* A signal the parent ignores (nohup, a background job) stays ignored. */
        if (sigaction(sigs[i], NULL, &sa) == 0 && sa.sa_handler != SIG_IGN)
            sigaddset(&set, sigs[i]);
    }
    /* Blocked here, so every thread started later inherits the mask and only the
     * signal thread ever receives them. */
    if (pthread_sigmask(SIG_BLOCK, &set, NULL) != 0) return -1;
    pthread_t t;
    if (pthread_create(&t, NULL, signal_thread, &set) != 0) {
        pthread_sigmask(SIG_UNBLOCK, &set, NULL);
        return -1;
    }
    pthread_detach(t);
    return 0;
}
