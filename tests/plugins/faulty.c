/*
 * faulty.c — test stages that misbehave, one module per behaviour, chosen by
 * FAULT when compiling:
 *   FAULT_INIT     init fails
 *   FAULT_PROCESS  process fails on documents whose text contains "FAIL"
 *   FAULT_RANGE    adds a span that ends past the text
 *   FAULT_SPLIT    adds a span that starts inside a UTF-8 character
 *   FAULT_NEEDS    requires the layer "nonexistent"
 *   FAULT_NEEDS_WORD  requires the layer "word" (which the words stage makes)
 *   FAULT_BADREF   adds a span whose reference names no span
 *   FAULT_LAYER    adds a span of a layer it does not declare
 *   FAULT_SLOW     adds nothing, slowly (20 ms a document): runs to interrupt;
 *                  400 ms on documents whose text contains "DAWDLE" (a
 *                  chain of several is slow on them but never over 1 s a call)
 *   FAULT_CRASH    dereferences NULL on documents whose text contains "CRASH",
 *                  after a pause that lets the writer finish what came before
 *   FAULT_HANG     never returns on documents whose text contains "HANG"
 *   FAULT_CTOR_CRASH  crashes (SIGSEGV) when loaded, in a constructor
 *   FAULT_INIT_CRASH  crashes (SIGSEGV) in init
 */
#include <spanpipe/spanpipe.h>
#include <string.h>
#include <time.h>

#ifndef FAULT_NAME
#error "compile with -DFAULT_NAME=... and one FAULT_* macro"
#endif

#if defined(FAULT_CTOR_CRASH) || defined(FAULT_INIT_CRASH)
#include <signal.h>
/* raise, not a NULL dereference: the compiler may not remove it */
static void crash(void)
{
    raise(SIGSEGV);
}
#endif

#ifdef FAULT_CTOR_CRASH
__attribute__((constructor)) static void crash_when_loaded(void)
{
    crash();
}
#endif

static int fault_init(const json_t *opts, void **state, sp_error *err)
{
    (void)opts;
    *state = NULL;
#ifdef FAULT_INIT_CRASH
    crash();
#endif
#ifdef FAULT_INIT
    sp_error_set(err, "cannot open model file '%s': No such file or directory",
                 "missing.bin");
    return -1;
#else
    (void)err;
    return 0;
#endif
}

static int fault_process(void *state, sp_doc *doc, sp_error *err)
{
    size_t n;
    const char *t = sp_doc_text(doc, &n);
    (void)state;
    (void)err;
    (void)t;
#if defined(FAULT_PROCESS)
    if (memmem(t, n, "FAIL", 4)) {
        sp_error_set(err, "found FAIL in the text");
        return -1;
    }
    sp_doc_add(doc, "mark", 0, n, NULL);
#elif defined(FAULT_RANGE)
    sp_doc_add(doc, "mark", 0, n + 5, NULL);
#elif defined(FAULT_SPLIT)
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)t[i] >= 0x80) {
            sp_doc_add(doc, "mark", i + 1, n, NULL);
            break;
        }
#elif defined(FAULT_BADREF)
    sp_doc_add(doc, "mark", 0, n, json_pack("{s:s}", "target", "nosuch.7"));
#elif defined(FAULT_LAYER)
    sp_doc_add(doc, "undeclared", 0, n, NULL);
#elif defined(FAULT_SLOW)
    struct timespec ts = { 0, (memmem(t, n, "DAWDLE", 6) ? 400 : 20) * 1000 * 1000 };
    nanosleep(&ts, NULL);
#elif defined(FAULT_CRASH)
    if (memmem(t, n, "CRASH", 5)) {
        struct timespec ts = { 0, 300 * 1000 * 1000 };
        nanosleep(&ts, NULL);
        volatile int *nowhere = NULL;
        *nowhere = 1;
    }
#elif defined(FAULT_HANG)
    while (memmem(t, n, "HANG", 4)) {
        struct timespec ts = { 1, 0 };
        nanosleep(&ts, NULL);
    }
#else
    sp_doc_add(doc, "mark", 0, n, NULL);
#endif
    return 0;
}

static const char *const produces[] = { "mark", NULL };
static const char *const refs[] = { "mark.target", NULL };
#if defined(FAULT_NEEDS)
static const char *const requires[] = { "nonexistent", NULL };
#elif defined(FAULT_NEEDS_WORD)
static const char *const requires[] = { "word", NULL };
#else
static const char *const *const requires = NULL;
#endif

SP_PLUGIN_DEFINE(.name = FAULT_NAME, .version = "0.0.1",
                 .summary = "test stage that misbehaves on purpose",
                 .requires = requires, .produces = produces, .refs = refs,
                 .init = fault_init, .process = fault_process);
