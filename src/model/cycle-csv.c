/* cycle-csv.c: writing (and reading back) one CSV cell, RFC 4180 and safe for spreadsheets
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-csv"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "cycle-csv.h"
#include "cycle-format.h"

void
cycle_csv_writer_init (CycleCsvWriter *writer,
                       GString        *out,
                       gboolean        raw)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (out != NULL);

  writer->out = out;
  writer->raw = raw;
  writer->row_started = FALSE;
  writer->delimiter = ',';
}

void
cycle_csv_writer_set_delimiter (CycleCsvWriter *writer,
                                char            delimiter)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (delimiter == ',' || delimiter == ';' || delimiter == '\t');

  writer->delimiter = delimiter;
}

char
cycle_csv_delimiter_for_people (void)
{
  return strcmp (cycle_format_get_decimal_mark (), ",") == 0 ? ';' : ',';
}

gboolean
cycle_csv_cell_is_risky (const char *cell)
{
  const char *p = cell;

  if (p == NULL)
    return FALSE;

  /* OWASP's list: what Excel, LibreOffice and Google Sheets start a formula (or DDE) with */
  while (*p == '\'')
    p++;
  return *p != '\0' && strchr ("=+-@\t\r", *p) != NULL;
}

const char *
cycle_csv_cell_restore (const char *cell)
{
  g_return_val_if_fail (cell != NULL, NULL);

  /* The writer prefixed every risky cell, so a risky cell with an apostrophe has one of ours;
   * a risky cell without one was written raw (by a script, or by hand) and stays as it is. */
  if (cell[0] == '\'' && cycle_csv_cell_is_risky (cell))
    return cell + 1;
  return cell;
}

void
cycle_csv_writer_field (CycleCsvWriter *writer,
                        const char     *value)
{
  GString *out;
  gboolean neutralise;

  g_return_if_fail (writer != NULL);

  out = writer->out;
  if (writer->row_started)
    g_string_append_c (out, writer->delimiter);
  writer->row_started = TRUE;

  if (value == NULL || value[0] == '\0')
    return;

  neutralise = !writer->raw && cycle_csv_cell_is_risky (value);

  if (strpbrk (value, "\"\r\n") == NULL && strchr (value, writer->delimiter) == NULL)
    {
      if (neutralise)
        g_string_append_c (out, '\'');
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  if (neutralise)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
cycle_csv_writer_end_row (CycleCsvWriter *writer)
{
  g_return_if_fail (writer != NULL);

  g_string_append (writer->out, "\r\n");
  writer->row_started = FALSE;
}

static char
guess_delimiter (const char *p,
                 const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (; p < end && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == ',')
        commas++;
      else if (!quoted && *p == ';')
        semicolons++;
      else if (!quoted && *p == '\t')
        tabs++;
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

GPtrArray *
cycle_csv_parse (const char  *data,
                 gsize        length,
                 char         delimiter,
                 GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = data, *end = data + length;
  const char *invalid = NULL;
  guint line = 1, quote_line = 0;
  gboolean quoted = FALSE, was_quoted = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (!g_utf8_validate (data, length, &invalid))
    {
      for (const char *q = data; q < invalid; q++)
        line += *q == '\n';
      /* A NUL byte stops the check too, but saving as UTF-8 would not remove it */
      if (*invalid == '\0')
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("line %u: the text holds a NUL byte (save it as UTF-8 text)"), line);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("line %u: the text is not UTF-8 (save it as UTF-8)"), line);
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  if (delimiter == 0)
    delimiter = guess_delimiter (p, end);

  while (p <= end)
    {
      char c = p < end ? *p : '\0';
      gboolean at_end = p == end;

      if (quoted && !at_end)
        {
          if (c == '"' && p + 1 < end && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p += 2;
              continue;
            }
          if (c == '"')
            quoted = FALSE;
          else
            {
              line += c == '\n';
              g_string_append_c (cell, c);
            }
          p++;
          continue;
        }
      if (quoted && at_end)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("line %u: a quoted field is never closed"), quote_line);
          return NULL;
        }

      if (c == '"' && cell->len == 0 && !was_quoted)
        {
          quoted = was_quoted = TRUE;
          quote_line = line;
          p++;
          continue;
        }

      if (c == delimiter && !at_end)
        {
          g_ptr_array_add (cells, g_strndup (cell->str, cell->len));
          g_string_truncate (cell, 0);
          was_quoted = FALSE;
          p++;
          continue;
        }

      if (at_end || c == '\n' || c == '\r')
        {
          /* A line with nothing on it is no row. */
          if (cells->len > 0 || cell->len > 0 || was_quoted)
            {
              g_ptr_array_add (cells, g_strndup (cell->str, cell->len));
              g_ptr_array_add (cells, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (cells, NULL));
            }
          g_string_truncate (cell, 0);
          was_quoted = FALSE;
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          line++;
          p++;
          continue;
        }

      g_string_append_c (cell, c);
      p++;
    }

  return g_steal_pointer (&rows);
}
