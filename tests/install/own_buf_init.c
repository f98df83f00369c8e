/* own_buf_init.c -- a program's own function with a name libwinnow's internals once
 * used: linking it next to libwinnow (shared or static) must not clash. */
int buf_init(void);
int buf_init(void) { return 42; }
