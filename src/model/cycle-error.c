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

char *
cycle_escape_controls (const char *value,
                       int         max_chars)
{
  GString *out = g_string_new (NULL);
  int n = 0;

  for (const char *p = value != NULL ? value : ""; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      /* C0 and C1 controls, DEL, and the Unicode line and paragraph separators: any of them can
       * move a terminal's cursor, hide text or start a new line that forges another message. */
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
cycle_file_error_quote (const char *value)
{
  return cycle_escape_controls (value, 40);
}
