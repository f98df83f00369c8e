/* textcode.c -- lines of program code in rendered page text.
 *
 * innerText gives a <pre> block one line per line of code, and the classifier would
 * value each as a short line -- chrome -- so a tutorial's code splits its prose into
 * runs and a reference page's trailing examples fall outside its body.  A code line is
 * told by its syntax alone: a statement's end (";", "{", "}"), a keyword or prompt that
 * opens it ("import ", "def ", "$ ", ">>> "), an assignment or operator no sentence
 * uses ("==", "=>", "->", " = "), a call with nothing after it ("f(x)").  A line of
 * digits only between code lines is an editor's line number. */
#include <string.h>
#include "text/text_shape.h"

#define CODE_MAX_CHARS 200 /* longer lines are paragraphs, whatever they hold */
#define CODE_REACH 2       /* lines within which a code line has another ... */
#define CODE_LOOK 8        /* ... line numbers between them included */

/* Both run on every line of a page: the first byte is tested before anything else. */
static int starts_with(const char *s, size_t len, const char *p)
{
    if (len == 0 || s[0] != p[0]) return 0;
    size_t n = strlen(p);
    return len >= n && memcmp(s, p, n) == 0;
}

static int has(const char *s, size_t len, const char *p)
{
    size_t n = strlen(p);
    if (n == 0 || len < n) return 0;
    const char *end = s + (len - n) + 1; /* past the last place p can start */
    for (const char *q = s; (q = memchr(q, p[0], (size_t)(end - q))) != NULL; q++)
        if (memcmp(q + 1, p + 1, n - 1) == 0) return 1;
    return 0;
}

static int ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '.';
}

/* "name = ...": one identifier, opening with a letter, before the sign ("Sum = 6" in
 * "Task B: Sum = 6" or "A + B = C" is arithmetic in a sentence). */
static int assignment(const char *s, size_t len)
{
    const char *eq = NULL;
    for (size_t i = 0; i + 3 <= len; i++)
        if (s[i] == ' ' && s[i + 1] == '=' && s[i + 2] == ' ') {
            eq = s + i;
            break;
        }
    if (!eq || eq == s || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
        return 0;
    for (const char *p = s; p < eq; p++)
        if (!ident_char(*p) && *p != '[' && *p != ']' && *p != '"' && *p != '\'') return 0;
    return 1;
}

/* "name=value" with no space before the sign: an argument or a setting. */
static int keyword_argument(const char *s, size_t len)
{
    size_t i = 0;
    if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
        return 0;
    while (i < len && ident_char(s[i])) i++;
    return i + 1 < len && s[i] == '=' && s[i + 1] != '=' && s[i + 1] != ' ';
}

static size_t words(const char *s, size_t len)
{
    size_t n = 1;
    for (size_t i = 0; i < len; i++) n += s[i] == ' ';
    return n;
}

/* A Python block's head: "try:", "else:", "except Error as e:", "if isinstance(e, T):",
 * "for x in xs:", "with open(f) as fh:".  The keyword in lower case and a head that reads
 * as an expression ("for example:" or "if you agree:" are a sentence's lead-in). */
static int python_block_head(const char *s, size_t len)
{
    static const char *const bare[] = {"try:", "else:", "finally:", "except:"};
    if (len < 4 || s[len - 1] != ':') return 0;
    for (size_t k = 0; k < sizeof bare / sizeof *bare; k++)
        if (len == strlen(bare[k]) && memcmp(s, bare[k], len) == 0) return 1;
    size_t w = words(s, len);
    if (starts_with(s, len, "except ")) return w <= 4; /* "except ValueError as e:" */
    if (starts_with(s, len, "elif ")) return 1;
    if (starts_with(s, len, "for ")) return has(s, len, " in ") && w <= 8;
    if (starts_with(s, len, "if ") || starts_with(s, len, "while ") ||
        starts_with(s, len, "with "))
        return memchr(s, '(', len) || memchr(s, '=', len) || memchr(s, '<', len) ||
               memchr(s, '>', len) || memchr(s, '[', len) || memchr(s, '.', len) || w == 2 ||
               (w <= 4 && has(s, len, " not "));
    return 0;
}

/* A line code holds only beside other code: a comment run into its sign ("#code here";
 * "#python" alone or "#a #b" is a hashtag, "#1 Best Seller" a rank) or a bare statement
 * ("raise", "pass"). */
static int weak_code(const char *s, size_t len)
{
    static const char *const bare[] = {"raise", "pass", "break", "continue", "return", "..."};
    for (size_t k = 0; k < sizeof bare / sizeof *bare; k++)
        if (len == strlen(bare[k]) && memcmp(s, bare[k], len) == 0) return 1;
    return len > 2 && len <= CODE_MAX_CHARS && s[0] == '#' &&
           ((s[1] >= 'a' && s[1] <= 'z') || (s[1] >= 'A' && s[1] <= 'Z')) &&
           memchr(s, ' ', len) && !memchr(s + 1, '#', len - 1);
}

int wn_textcode_is_code(const char *s, size_t len)
{
    static const char *const opens[] = {
        "$ ", ">>> ", "... ", "# ", "import ", "from ", "def ", "class ", "#include", "#!", "//",
        "/*", "function ", "const ", "let ", "var ", "public ", "private ", "static ",
        "return ", "async ", "await ", "export ", "package ", "using ", "fn ", "func ",
        "if (", "for (", "while (", "} ", "npm ", "npx ", "pip ", "git ", "curl ", "sudo ",
        "docker ", "kubectl ", "yarn ", "pnpm ", "cargo ", "go get ", "go run ", "brew ",
        "apt ", "apt-get ", "cd ", "mkdir ", "echo ", "python ", "python3 ", "node ",
        "SELECT ", "CREATE ", "INSERT ", "@"};
    if (len == 0 || len > CODE_MAX_CHARS) return 0;
    char last = s[len - 1];
    if (last == ';' || last == '{' || last == '}' || last == '(' || last == '[' ||
        last == '\\')
        return 1;
    for (size_t k = 0; k < sizeof opens / sizeof *opens; k++)
        if (starts_with(s, len, opens[k])) {
            /* "@" opens a decorator or annotation, not a handle in a sentence; "$ " a
             * command, not a price's currency ("$ USD"). */
            if (opens[k][0] == '@') return len > 1 && ident_char(s[1]) && !memchr(s, ' ', len);
            if (opens[k][0] == '$') return len > 2 && s[2] >= 'a' && s[2] <= 'z';
            return 1;
        }
    /* A closing bracket opening the line ("},", "])"), a JSON or YAML key in quotes. */
    if (s[0] == '}' || s[0] == ']' || s[0] == ')') return 1;
    if (s[0] == '"' && has(s, len, "\": ")) return 1;
    if (python_block_head(s, len)) return 1;
    if (last == '.' || last == '!' || last == '?') return 0; /* a sentence */
    if (assignment(s, len) || keyword_argument(s, len)) return 1;
    if (has(s, len, "==") || has(s, len, "=>") || has(s, len, "->") ||
        has(s, len, "+=") || has(s, len, ":=") || has(s, len, "::") || has(s, len, "&&") ||
        has(s, len, "||") || has(s, len, "!="))
        return 1;
    /* A call or a definition's head: "name(...)" or "name(...):", an identifier right
     * before the parenthesis. */
    if (last == ':' && len >= 2) last = s[len - 2];
    if (last == ')') {
        const char *open = memchr(s, '(', len);
        /* A lower-case or dotted name: "Email(Required)" and "Reviews(719)" are labels. */
        return open && open > s && ident_char(open[-1]) && !memchr(s, ' ', (size_t)(open - s)) &&
               ((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_' || memchr(s, '.', (size_t)(open - s)));
    }
    return 0;
}

static int digits_only(const block *b)
{
    if (b->len == 0 || b->len > 5) return 0;
    for (size_t i = 0; i < b->len; i++)
        if (b->text[i] < '0' || b->text[i] > '9') return 0;
    return 1;
}

void wn_textcode_mark(const doc *d, unsigned char *code)
{
    size_t n = d->n;
    for (size_t i = 0; i < n; i++) {
        const block *b = &d->blocks[i];
        code[i] = wn_textcode_is_code(b->text, b->len) ? 1 : weak_code(b->text, b->len) ? 4 : 0;
    }
    /* One code-shaped line alone is a label or a list's line ("Frederick Banting;"):
     * code comes in blocks of lines, another within CODE_REACH lines. */
    for (size_t i = 0; i < n; i++) {
        if (code[i] != 1) continue;
        /* Line numbers between them do not count ("1 / import os / 2 / 3 / x = 1"). */
        int near = 0;
        for (size_t j = i, k = 0; j-- > 0 && k < CODE_REACH && i - j <= CODE_LOOK && !near;)
            if (code[j]) near = 1;
            else k += !digits_only(&d->blocks[j]);
        for (size_t j = i + 1, k = 0; j < n && k < CODE_REACH && j - i <= CODE_LOOK && !near; j++)
            if (code[j]) near = 1;
            else k += !digits_only(&d->blocks[j]);
        if (!near) code[i] = 3; /* kept apart from 0 until every line is looked at */
    }
    /* A weak line counts as near above; it is code itself only next to a line that is. */
    for (size_t i = 0; i < n; i++) {
        if (code[i] != 4) continue;
        int near = 0;
        for (size_t j = i, k = 0; j-- > 0 && k < CODE_REACH && i - j <= CODE_LOOK && !near;)
            if (code[j] == 1) near = 1;
            else k += code[j] != 4 && !digits_only(&d->blocks[j]);
        for (size_t j = i + 1, k = 0; j < n && k < CODE_REACH && j - i <= CODE_LOOK && !near; j++)
            if (code[j] == 1) near = 1;
            else k += code[j] != 4 && !digits_only(&d->blocks[j]);
        code[i] = near ? 5 : 3;
    }
    for (size_t i = 0; i < n; i++)
        if (code[i] == 3) code[i] = 0;
        else if (code[i] == 5) code[i] = 1;
    /* A shell command's continued lines ("-d name=value" after "curl ... \\"). */
    for (size_t i = 1; i < n; i++) {
        const block *p = &d->blocks[i - 1];
        if (!code[i] && code[i - 1] && p->len && p->text[p->len - 1] == '\\') code[i] = 1;
    }
    /* Line numbers: a number right before or after a code line or another such
     * number (an empty line of code leaves two numbers in a row). */
    for (size_t i = 1; i < n; i++)
        if (!code[i] && code[i - 1] && digits_only(&d->blocks[i])) code[i] = 2;
    for (size_t i = n; i-- > 1;)
        if (!code[i - 1] && code[i] && digits_only(&d->blocks[i - 1])) code[i - 1] = 2;
}
