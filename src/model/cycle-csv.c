/* cycle-csv.c: writing (and reading back) one CSV cell, RFC 4180 and safe for spreadsheets
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-csv"

#include "config.h"

#include <string.h>

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
