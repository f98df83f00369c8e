/* test_textcode.c -- lines of program code in rendered text (text/textcode.c): told by
 * their syntax, not alone, with their line numbers; a tutorial's code keeps its prose in
 * one run; plain text writes the number a rendered page showed before an item. */
#include <stdlib.h>
#include "check.h"
#include "text/text_shape.h"

static int code(const char *s) { return wn_textcode_is_code(s, strlen(s)); }
static void add(doc *d, const char *t) { CHECK(wn_doc_add(d, BK_PARA, t, strlen(t)) != NULL); }

static void test_code_lines(void)
{
    CHECK(code("import os"));
    CHECK(code("from twilio.rest import Client"));
    CHECK(code("$ npm install winnow"));
    CHECK(code(">>> factorial(10)"));
    CHECK(code("account_sid = os.environ[\"TWILIO_ACCOUNT_SID\"]"));
    CHECK(code("client = Client(account_sid, auth_token)"));
    CHECK(code("return list(islice(iterable, n))"));
    CHECK(code("def take(n, iterable):"));
    CHECK(code("print(message.body)"));
    CHECK(code("int main(void) {"));
    CHECK(code("},"));
    CHECK(code("\"brand\": \"visa\","));
    CHECK(code("body=\"Hello there\","));
    CHECK(code("curl https://api.example.com/v1/charges \\"));
    CHECK(code("@app.route"));
    /* Python block heads. */
    CHECK(code("try:"));
    CHECK(code("else:"));
    CHECK(code("except Error1:"));
    CHECK(code("except BaseException as e:"));
    CHECK(code("if isinstance(e, Error1):"));
    CHECK(code("elif isinstance(e, Error2):"));
    CHECK(code("for item in items:"));
    CHECK(code("while True:"));
    CHECK(code("with suppress(FileNotFoundError):"));
}

static void test_not_code(void)
{
    CHECK(!code("The cache is threadsafe so that the wrapped function can be used."));
    CHECK(!code("Steven Spielberg + Dinosaurs + Netflix = Mixed Reviews"));
    CHECK(!code("Task B: Sum = 6"));
    CHECK(!code("1T = One-Touch"));
    CHECK(!code("Email(Required)"));
    CHECK(!code("Reviews(719)"));
    CHECK(!code("$ USD"));
    CHECK(!code("Contact @jane for details"));
    CHECK(!code("Install Python"));
    CHECK(!code("Sign up (it is free)"));
    /* A sentence's lead-in, a label, a rank, a hashtag. */
    CHECK(!code("for example:"));
    CHECK(!code("if you want to try it:"));
    CHECK(!code("with the following settings:"));
    CHECK(!code("except for these cases, and only on weekends when we are open:"));
    CHECK(!code("Note:"));
    CHECK(!code("Try:"));
    CHECK(!code("#1 Best Seller"));
    CHECK(!code("#python"));
    CHECK(!code("#code here")); /* code only beside code: wn_textcode_mark() */
}

/* A comment run into its sign ("#code here") and a bare "raise" are code beside code
 * only: a hashtag line among prose or menus stays a line of the page. */
static void test_weak_lines(void)
{
    doc d;
    wn_doc_init(&d);
    add(&d, "#summer sale now on");            /* 0: among prose, no code near */
    add(&d, "Our shop opens at nine.");        /* 1 */
    add(&d, "Read the whole list below.");     /* 2 */
    add(&d, "Then it goes on as before.");     /* 3 */
    add(&d, "try:");                           /* 4 */
    add(&d, "#code here");                     /* 5 */
    add(&d, "except Error1:");                 /* 6 */
    add(&d, "#exception handle1");             /* 7 */
    add(&d, "raise");                          /* 8 */
    add(&d, "That is all of it.");             /* 9 */
    add(&d, "Another line of prose follows.");  /* 10 */
    add(&d, "And a third one too.");           /* 11 */
    add(&d, "#trending #news");                /* 12: hashtags */
    add(&d, "#weekend plans");                 /* 13: weak beside weak only */
    unsigned char c[14];
    wn_textcode_mark(&d, c);
    CHECK(!c[0] && !c[12] && !c[13]);
    CHECK(c[4] == 1 && c[5] == 1 && c[6] == 1 && c[7] == 1 && c[8] == 1);
    wn_doc_free(&d);
}

static void test_marks(void)
{
    doc d;
    wn_doc_init(&d);
    add(&d, "Contact us");                   /* 0 */
    add(&d, "Readability;");                 /* 1: code-shaped, alone */
    add(&d, "About");                        /* 2 */
    add(&d, "Follow the steps below.");      /* 3 */
    add(&d, "1");                            /* 4: a line number */
    add(&d, "import os");                    /* 5 */
    add(&d, "2");                            /* 6 */
    add(&d, "3");                            /* 7: an empty line's number */
    add(&d, "client = Client(sid, token)");  /* 8 */
    add(&d, "curl https://example.com/v1 \\"); /* 9 */
    add(&d, "-d amount=2000");               /* 10: the command continued */
    add(&d, "That is all.");                 /* 11 */
    unsigned char c[12];
    wn_textcode_mark(&d, c);
    CHECK(!c[0] && !c[1] && !c[2] && !c[3] && !c[11]);
    CHECK(c[4] == 2 && c[6] == 2 && c[7] == 2);
    CHECK(c[5] == 1 && c[8] == 1 && c[9] == 1 && c[10] == 1);
    wn_doc_free(&d);
}

static char *extract(const char *page)
{
    winnow_options o;
    winnow_options_init(&o);
    o.type = WINNOW_TYPE_TEXT;
    o.no_title = 1;
    winnow_result r;
    CHECK(winnow_extract(page, strlen(page), &o, &r) == WINNOW_OK);
    char *out = malloc(r.len + 1);
    if (out) {
        if (r.len) memcpy(out, r.text, r.len);
        out[r.len] = '\0';
    }
    winnow_result_free(&r);
    return out;
}

/* A tutorial's code between its paragraphs does not split the article's run. */
static void test_code_keeps_run_whole(void)
{
    const char *page =
        "Home\nProducts\nPricing\nDocs\nLog in\n\n"
        "In this quickstart you will build your first application that sends a text "
        "message, and you will learn how the library reads its credentials from the "
        "environment so that no secret ever sits in the source code.\n\n"
        "import os\nfrom twilio.rest import Client\n"
        "account_sid = os.environ[\"TWILIO_ACCOUNT_SID\"]\n"
        "auth_token = os.environ[\"TWILIO_AUTH_TOKEN\"]\n"
        "client = Client(account_sid, auth_token)\n"
        "message = client.messages.create(\n"
        "body=\"Hello there\",\nfrom_=\"+15017122661\",\nto=\"+15558675310\",\n)\n"
        "print(message.body)\n"
        "if message.sid:\n"
        "print(message.sid)\n"
        "print(message.status)\n\n"
        "Save the file and run it from your terminal; after a few moments the message "
        "arrives on your phone, and the console prints the identifier that the service "
        "gave to it, which you can look up later in the message log.\n\n"
        "Terms\nPrivacy\nStatus\n";
    char *out = extract(page);
    CHECK(out && strstr(out, "In this quickstart"));
    CHECK(out && strstr(out, "client = Client(account_sid, auth_token)"));
    CHECK(out && strstr(out, "Save the file and run it"));
    CHECK(out && !strstr(out, "Pricing"));
    free(out);
}

/* "3. Results" in rendered text is the page's words: plain text writes the number. */
static void test_shown_number_written(void)
{
    const char *page =
        "The study followed two hundred patients over five years and measured how often "
        "each of them returned to the clinic, what they were treated for, and how long "
        "their treatment took before they were discharged for good.\n\n"
        "3. Results\n\n"
        "Most patients returned at least once, and a third of them returned three times "
        "or more, mostly for the same complaint they had been treated for the first time, "
        "which the authors read as a sign that the first treatment was too short.\n";
    char *out = extract(page);
    CHECK(out && strstr(out, "3. Results\n"));
    free(out);
}

int main(void)
{
    test_code_lines();
    test_not_code();
    test_marks();
    test_weak_lines();
    test_code_keeps_run_whole();
    test_shown_number_written();
    return check_done();
}
