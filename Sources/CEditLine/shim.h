#ifndef NASLAB_CEDITLINE_SHIM_H
#define NASLAB_CEDITLINE_SHIM_H
/*
 * libedit's readline compatibility layer, seen from Swift 6.
 *
 * Swift 6 strict concurrency refuses direct use of C mutable globals, and Swift cannot call
 * C variadic functions, so every global naslab touches is read or written through one of the
 * static inline functions below.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <editline/readline.h>

/* Sets the function libedit calls on Tab before its own (filename) completion. */
static inline void naslab_rl_set_attempted_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}

/* Tells libedit not to fall back to filename completion after the attempted completion. */
static inline void naslab_rl_set_attempted_completion_over(int over) {
    rl_attempted_completion_over = over;
}

/* Sets the characters that end a word for completion. The string must outlive the editor. */
static inline void naslab_rl_set_word_break_characters(const char *characters) {
    rl_completer_word_break_characters = (char *)characters;
    rl_basic_word_break_characters = characters;
}

/* Sets the character appended after a single completion (0 for none). */
static inline void naslab_rl_set_completion_append_character(int character) {
    rl_completion_append_character = character;
}

/* The line being edited (valid inside a completion callback). */
static inline const char *naslab_rl_line_buffer(void) {
    return rl_line_buffer;
}

/* The cursor's byte offset in the line being edited. */
static inline int naslab_rl_point(void) {
    return rl_point;
}

/* Names the application for ~/.editrc conditionals. */
static inline void naslab_rl_set_readline_name(const char *name) {
    rl_readline_name = name;
}

/* Keeps only the last `count` entries of the in-memory history. */
static inline void naslab_history_stifle(int count) {
    stifle_history(count);
}

/* The number of entries in the in-memory history. */
static inline int naslab_history_length(void) {
    return history_length;
}

/* Points libedit's input and output at stdin and stdout. */
static inline void naslab_rl_use_standard_streams(void) {
    rl_instream = stdin;
    rl_outstream = stdout;
}

/* Flushes C stdio's stdout (libedit writes through it). */
static inline void naslab_flush_stdout(void) {
    fflush(stdout);
}

/* Makes stdout line-buffered, so piped output (CI logs) shows each line as it is printed. */
static inline void naslab_line_buffer_stdout(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
}

/* Writes a string to C stdio's stdout (the stream libedit draws on). */
static inline void naslab_write_stdout(const char *text) {
    fputs(text, stdout);
}

/* Flushes stdout, then writes a string to stderr (unbuffered), keeping the two in order. */
static inline void naslab_write_stderr(const char *text) {
    fflush(stdout);
    fputs(text, stderr);
}

/* Duplicates a C string with malloc, as libedit frees completion matches itself. */
static inline char *naslab_strdup(const char *string) {
    return strdup(string);
}

#endif
