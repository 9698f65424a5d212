/* cycle-error.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-error"

#include "config.h"

#include "cycle-error.h"

G_DEFINE_QUARK (cycle-file-error-quark, cycle_file_error)

char *
cycle_file_error_describe (const GError *error,
                           const char   *display_name)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (display_name == NULL)
    return g_strdup (error->message);

  /* "FILE:LINE:COLUMN: message" reads like a compiler's message; everything else is "FILE: …" */
  if (error->domain == CYCLE_FILE_ERROR &&
      (error->code == CYCLE_FILE_ERROR_SYNTAX || error->code == CYCLE_FILE_ERROR_LIMIT) &&
      g_ascii_isdigit (error->message[0]))
    return g_strdup_printf ("%s:%s", display_name, error->message);

  return g_strdup_printf ("%s: %s", display_name, error->message);
}
