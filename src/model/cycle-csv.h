/* cycle-csv.h: writing (and reading back) one CSV cell, RFC 4180 and safe for spreadsheets
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Writes rows of RFC 4180 CSV into a GString: fields separated by commas (or the delimiter set
 * with cycle_csv_writer_set_delimiter ()), rows ended by CRLF, a field holding the delimiter, a
 * double quote, CR or LF between double quotes with its double quotes doubled.
 *
 * Unless @raw, a cell that a spreadsheet would take for a formula is neutralised as OWASP
 * describes ("CSV Injection"): a cell starting with "=", "+", "-", "@", a tab or a carriage
 * return gets a leading apostrophe, which spreadsheets show as text ("'-20 % off" reads
 * "-20 % off", where "=HYPERLINK(…)" would have run). So that reading can undo it exactly, a
 * cell that already starts with apostrophes followed by one of those characters gets one more;
 * cycle_csv_cell_restore() removes it. @raw keeps every cell as it is, for scripts. */
typedef struct
{
  GString  *out;
  gboolean  raw;
  gboolean  row_started;
  char      delimiter;
} CycleCsvWriter;

void      cycle_csv_writer_init    (CycleCsvWriter *writer,
                                    GString        *out,
                                    gboolean        raw);
/* ',' (the default), ';' or '\t'. */
void      cycle_csv_writer_set_delimiter (CycleCsvWriter *writer,
                                          char            delimiter);
/* Where Excel (and LibreOffice, which follows it) expects the fields of a CSV file to be split
 * for people here: ';' where the decimal mark is a comma (French, German…), else ','. The
 * decimal mark is the one formatter's (cycle-format.h). */
char      cycle_csv_delimiter_for_people (void);
/* NULL is an empty cell */
void      cycle_csv_writer_field   (CycleCsvWriter *writer,
                                    const char     *value);
void      cycle_csv_writer_end_row (CycleCsvWriter *writer);

/* Reading CSV: the rows of @data (UTF-8, with or without a byte order mark; RFC 4180 quoting;
 * CRLF, LF or CR line ends; a last line with or without its end), each a NULL-terminated array
 * of cells, as written (cycle_csv_cell_restore() is the caller's). @delimiter 0 takes the one
 * of ',', ';' and tab found most often outside quotes in the first line. Empty lines are
 * skipped. NULL and @error set (G_IO_ERROR_INVALID_DATA, with the line) when the text is not
 * UTF-8 or a quoted field never ends. */
GPtrArray *cycle_csv_parse         (const char     *data,
                                    gsize           length,
                                    char            delimiter,
                                    GError        **error);

/* Whether a spreadsheet could read @cell as a formula: it starts with apostrophes (maybe none)
 * followed by "=", "+", "-", "@", a tab or a carriage return. */
gboolean  cycle_csv_cell_is_risky  (const char     *cell);
/* For a CSV reader: the cell as it was before the writer neutralised it (one leading
 * apostrophe dropped from a risky cell that has one); other cells as they are. Returns a
 * pointer into @cell. */
const char *cycle_csv_cell_restore (const char     *cell);

G_END_DECLS
