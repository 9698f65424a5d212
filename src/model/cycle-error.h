/* cycle-error.h: the errors of reading and writing plans
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CYCLE_FILE_ERROR (cycle_file_error_quark ())

typedef enum {
  /* Messages of these start with "LINE:COLUMN: " */
  CYCLE_FILE_ERROR_SYNTAX,
  CYCLE_FILE_ERROR_LIMIT,
  /* Messages of these start with the JSON path of the place: "$.stages[3].permission: " */
  CYCLE_FILE_ERROR_INVALID,
  CYCLE_FILE_ERROR_VERSION,
  /* Messages of these say what is wrong with the file as a whole */
  CYCLE_FILE_ERROR_EMPTY,
  CYCLE_FILE_ERROR_TOO_LARGE,
  CYCLE_FILE_ERROR_NOT_A_PLAN,
} CycleFileError;

GQuark cycle_file_error_quark (void);

/* "plan.cycle:3:14: …", "plan.cycle: $.stages[0]: …" or "plan.cycle: …". */
char  *cycle_file_error_describe (const GError *error,
                                  const char   *display_name);

/* A value from a file made safe to show inside a message: on one line, control characters
 * escaped, at most 40 characters (then "…"). */
char  *cycle_file_error_quote    (const char   *value);

/* @value with every control character escaped as \uXXXX (C0, DEL, C1, U+2028, U+2029), so that
 * text from a file cannot drive the terminal that shows it; at most @max_chars characters (then
 * "…"), or all of them when @max_chars is negative. Valid UTF-8 in, valid UTF-8 out. */
char  *cycle_escape_controls     (const char   *value,
                                  int           max_chars);

G_END_DECLS
