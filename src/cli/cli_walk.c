/* cli_walk.c -- turns the operands into the ordered list of inputs.  Directories are
 * walked (with -r) depth-first with entries sorted by byte value, so a run is
 * deterministic whatever the file system returns; symbolic links and special files met
 * while walking are skipped with a note, never followed.  Each input also gets the name
 * of its output: its path below the operand directory (or its base name), with the
 * ".gz" and the page extension replaced by the format's extension. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"

#define MAX_DEPTH 256 /* deeper trees are hostile or a loop of bind mounts */


static char *join(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    int slash = a && dir[a - 1] != '/';
    char *p = malloc(a + (size_t)slash + b + 1);
    if (!p) return NULL;
    memcpy(p, dir, a);
    if (slash) p[a] = '/';
    memcpy(p + a + (size_t)slash, name, b + 1);
    return p;
}

static const char *format_ext(cli_format f)
{
    switch (f) {
    case FMT_MARKDOWN: return ".md";
    case FMT_JSON:
    case FMT_JSONL: return ".json";
    case FMT_WARC: return ".warc";
    default: return ".txt";
    }
}

/* Length of name without ".gz" and then without a short alphanumeric extension
 * ("page.html.gz" -> "page"; "v1.2.7" keeps "v1.2"; ".profile" stays whole). */
static size_t stem_len(const char *name)
{
    size_t n = strlen(name);
    const char *base = strrchr(name, '/');
    size_t b = base ? (size_t)(base - name) + 1 : 0;
    if (n - b > 3 && strcmp(name + n - 3, ".gz") == 0) n -= 3;
    for (size_t i = n; i > b + 1 && n - i < 6; i--) {
        char c = name[i - 1];
        if (c == '.') return i - 1 < n - 1 ? i - 1 : n;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            break;
    }
    return n;
}

static char *out_name(const char *rel, cli_format f)
{
    size_t n = stem_len(rel);
    const char *ext = format_ext(f);
    char *p = malloc(n + strlen(ext) + 1);
    if (!p) return NULL;
    memcpy(p, rel, n);
    strcpy(p + n, ext);
    return p;
}

/* Appends an input; path and rel are copied.  error (copied) may be NULL. */
static int add(const cli_config *cfg, cli_list *l, const char *path, const char *rel,
               const struct stat *st, const char *error)
{
    if (l->n == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 64;
        cli_item *q = realloc(l->items, nc * sizeof *q);
        if (!q) return -1;
        l->items = q;
        l->cap = nc;
    }
    cli_item *it = &l->items[l->n];
    memset(it, 0, sizeof *it);
    it->path = strdup(path);
    it->out_rel = out_name(rel, cfg->format);
    if (cfg->out_dir) it->out_path = join(cfg->out_dir, it->out_rel ? it->out_rel : "");
    if (error) it->error = strdup(error);
    if (st) {
        it->dev = st->st_dev;
        it->ino = st->st_ino;
        it->have_id = 1;
    }
    l->n++;
    if (!it->path || !it->out_rel || (cfg->out_dir && !it->out_path) || (error && !it->error))
        return -1;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the names in dir, sorted; NULL-terminated array in *names. */
static int list_dir(const char *dir, char ***names, size_t *count)
{
    DIR *d = opendir(dir);
    if (!d) return -1;
    size_t n = 0, cap = 16;
    char **v = malloc(cap * sizeof *v);
    struct dirent *e;
    int rc = v ? 0 : -1;
    errno = 0;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        if (n == cap) {
            char **q = realloc(v, cap * 2 * sizeof *v);
            if (!q) {
                rc = -1;
                break;
            }
            v = q;
            cap *= 2;
        }
        if (!(v[n] = strdup(e->d_name))) rc = -1;
        else n++;
    }
    if (rc == 0 && errno) rc = -1;
    int e2 = errno;
    closedir(d);
    if (rc != 0) {
        while (n) free(v[--n]);
        free(v);
        errno = e2 ? e2 : ENOMEM;
        return -1;
    }
    qsort(v, n, sizeof *v, by_name);
    *names = v;
    *count = n;
    return 0;
}

/* The output directory, never walked: a second run over the input tree must not take
 * the first run's outputs as inputs. */
static struct {
    int set;
    dev_t dev;
    ino_t ino;
} out_id;

/* Walks dir (whose outputs go below rel) and appends its regular files in order.
 * -1 only when out of memory; unreadable directories become failed items. */
static int walk(const cli_config *cfg, cli_list *l, const char *dir, const char *rel, int depth)
{
    char **names;
    size_t n;
    if (depth > MAX_DEPTH) return add(cfg, l, dir, rel, NULL, "directory tree too deep");
    if (list_dir(dir, &names, &n) != 0) {
        if (errno == ENOMEM) return -1;
        return add(cfg, l, dir, rel, NULL, strerror(errno));
    }
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        char *path = join(dir, names[i]);
        char *sub = rel[0] ? join(rel, names[i]) : strdup(names[i]);
        struct stat st;
        if (!path || !sub) rc = -1;
        else if (lstat(path, &st) != 0) rc = add(cfg, l, path, sub, NULL, strerror(errno));
        else if (S_ISLNK(st.st_mode)) cli_note("%s: symbolic link skipped", path);
        else if (S_ISDIR(st.st_mode) && out_id.set && st.st_dev == out_id.dev &&
                 st.st_ino == out_id.ino)
            cli_note("%s: the output directory, skipped", path);
        else if (S_ISDIR(st.st_mode)) rc = walk(cfg, l, path, sub, depth + 1);
        else if (S_ISREG(st.st_mode)) rc = add(cfg, l, path, sub, &st, NULL);
        else cli_note("%s: not a regular file, skipped", path);
        free(path);
        free(sub);
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return rc;
}

static const char *base_name(const char *p)
{
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/') n--;
    const char *s = p + n;
    while (s > p && s[-1] != '/') s--;
    return s;
}

int cli_walk(const cli_config *cfg, int n, char **operands, cli_list *list)
{
    memset(list, 0, sizeof *list);
    struct stat od;
    out_id.set = cfg->out_dir && stat(cfg->out_dir, &od) == 0;
    if (out_id.set) {
        out_id.dev = od.st_dev;
        out_id.ino = od.st_ino;
    }
    for (int i = 0; i < n; i++) {
        const char *op = operands[i];
        struct stat st;
        int rc;
        if (strcmp(op, "-") == 0) {
            rc = add(cfg, list, op, "stdin", NULL, NULL);
        } else if (stat(op, &st) != 0) {
            rc = add(cfg, list, op, base_name(op), NULL, strerror(errno));
        } else if (S_ISDIR(st.st_mode)) {
            rc = cfg->recursive ? walk(cfg, list, op, "", 0)
                                : add(cfg, list, op, base_name(op), NULL,
                                      "is a directory (use -r to process the files in it)");
        } else {
            /* A named special file (a FIFO from <(...)) is read like stdin. */
            rc = add(cfg, list, op, base_name(op), &st, NULL);
        }
        if (rc != 0) return -1;
    }
    return 0;
}

void cli_list_free(cli_list *list)
{
    for (size_t i = 0; i < list->n; i++) {
        cli_item *it = &list->items[i];
        free(it->path);
        free(it->out_rel);
        free(it->out_path);
        free(it->error);
    }
    free(list->items);
    memset(list, 0, sizeof *list);
}
