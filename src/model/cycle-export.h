/* cycle-export.h: a plan for other tools and for people — JSON (and its import), CSV — and
 * writing any export safely
 *
 * JSON export is the .cycle file's own canonical text (same schema, same writer), optionally
 * with a top-level "computed" member of derived data: the projection (start 1000 people,
 * 1 cycle, as on the canvas) and the findings of the checks. Import reads the same format with
 * the same strict reader and drops "computed" (it is derived, and would go stale); every other
 * member Cycle does not know is kept. So export without computed data gives exactly the bytes
 * of the .cycle file, and importing an export (with or without computed data) then saving gives
 * them back.
 *
 * CSV export is a content calendar, one row per piece of content (RFC 4180: CRLF line ends,
 * fields holding a comma, a double quote, CR or LF between double quotes, double quotes
 * doubled), UTF-8 with a byte order mark so that Excel reads it as UTF-8 (LibreOffice and
 * scripts cope either way). By default the header row and the values of fixed vocabularies
 * (commitment, gives/asks, status, usual formats and channels) are translated, and cells that a
 * spreadsheet would run as a formula get a leading apostrophe (cycle-csv.h), for people;
 * CYCLE_CSV_EXPORT_FOR_SCRIPTS gives English column names that never change, the file's own
 * words and every cell as it is, for scripts.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

/* The top-level member of JSON exports that holds derived data, dropped on import. */
#define CYCLE_EXPORT_COMPUTED_MEMBER "computed"

typedef enum {
  CYCLE_JSON_EXPORT_NONE     = 0,
  /* Add the "computed" member: projection and findings. */
  CYCLE_JSON_EXPORT_COMPUTED = 1 << 0,
} CycleJsonExportFlags;

typedef enum {
  CYCLE_CSV_EXPORT_NONE        = 0,
  /* For scripts: English, machine-stable column names ("stage", "title", "cta", …), the
   * file's words for fixed vocabularies ("stored-card", "asks", "published") instead of
   * translations, cells as they are (no apostrophe before "=", "+", "-", "@"…), commas and no
   * byte order mark. */
  CYCLE_CSV_EXPORT_FOR_SCRIPTS = 1 << 0,
  /* Its former name, from when it changed only the column names */
  CYCLE_CSV_EXPORT_STABLE      = CYCLE_CSV_EXPORT_FOR_SCRIPTS,
  /* No UTF-8 byte order mark (for pipelines that do not expect one). */
  CYCLE_CSV_EXPORT_NO_BOM      = 1 << 1,
} CycleCsvExportFlags;

/* The number of CSV columns, and their stable names in order: stage, persona, title, format,
 * channel, cta, commitment, direction, status, owner, due, url, notes. */
#define CYCLE_CSV_N_COLUMNS 13
const char * const *cycle_csv_stable_headers     (void);

/* The plan as standalone JSON that validates against data/cycle-plan.schema.json. Without
 * CYCLE_JSON_EXPORT_COMPUTED, the same bytes as cycle_plan_to_bytes(). */
GBytes    *cycle_export_json                     (CyclePlan            *plan,
                                                  CycleJsonExportFlags  flags);
/* Reads a JSON export (or any .cycle text) into a new plan, without "computed". Errors as
 * cycle_plan_new_from_data(). */
CyclePlan *cycle_import_json                     (const char           *data,
                                                  gsize                 length,
                                                  GError              **error);

/* Fields are separated as people's spreadsheets expect here (cycle_csv_delimiter_for_people():
 * a semicolon where the decimal mark is a comma), by commas for scripts. */
GBytes    *cycle_export_csv                      (CyclePlan            *plan,
                                                  CycleCsvExportFlags   flags);
/* Adds the content of a CSV content calendar to @plan, as one undo step ("Import Content"): the
 * columns Cycle exports (its English or French column names, or the names for scripts; in any
 * order; unknown columns ignored), split by commas, semicolons or tabs, with or without a byte
 * order mark; dates as people type them (cycle_date_parse_input()); fixed lists by their file
 * word or their label (cycle_enum_from_text()); cells a spreadsheet would have run get their
 * apostrophe back off (cycle_csv_cell_restore()). A row needs a title and the name of one of
 * the plan's stages; rows without are left out. @problems (if not NULL) gets one sentence per
 * row left out or value not understood ("Row 4: …"), values not understood being left at their
 * default. Returns how many pieces of content were added; -1 and @error when the text cannot be
 * read as CSV or has no Title (or Stage) column. */
int        cycle_import_csv                      (CyclePlan            *plan,
                                                  const char           *data,
                                                  gsize                 length,
                                                  GPtrArray           **problems,
                                                  GError              **error);
/* The same in two steps, so that people see what an import will do before it is done: a CSV
 * content calendar read against @plan, its content made but not yet added. With @default_stage,
 * the first line may also be a row of content (rows copied from a spreadsheet, without their
 * header: one column is a list of titles, more are in the order of Cycle's export), and a row
 * without a stage goes to @default_stage. NULL and @error as cycle_import_csv(). */
typedef struct _CycleCsvImport CycleCsvImport;

CycleCsvImport *cycle_csv_import_new             (CyclePlan            *plan,
                                                  const char           *data,
                                                  gsize                 length,
                                                  CycleStage           *default_stage,
                                                  GError              **error);
/* The content to be added, in the order of the rows: the piece, its stage, its row (as a
 * spreadsheet numbers them). */
guint           cycle_csv_import_get_n_items     (CycleCsvImport       *self);
CycleContent   *cycle_csv_import_get_content     (CycleCsvImport       *self,
                                                  guint                 i);
CycleStage     *cycle_csv_import_get_stage       (CycleCsvImport       *self,
                                                  guint                 i);
guint           cycle_csv_import_get_row         (CycleCsvImport       *self,
                                                  guint                 i);
/* One sentence per row left out or value not understood ("Row 4: …"). */
GPtrArray      *cycle_csv_import_get_problems    (CycleCsvImport       *self);
/* Adds the content to the plan as one undo step ("Import Content"); once only. Returns how
 * many were added. */
int             cycle_csv_import_apply           (CycleCsvImport       *self);
void            cycle_csv_import_free            (CycleCsvImport       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CycleCsvImport, cycle_csv_import_free)

/* The same with @delimiter (',', ';' or '\t'; 0: as cycle_export_csv()). */
GBytes    *cycle_export_csv_with_delimiter       (CyclePlan            *plan,
                                                  CycleCsvExportFlags   flags,
                                                  char                  delimiter);

/* The rows of @contents only (a list of CycleContent), as cycle_export_csv_with_delimiter()
 * writes them: a copy of some content for a spreadsheet, or for another plan through
 * cycle_csv_import_new(). */
GBytes    *cycle_export_csv_content              (GListModel           *contents,
                                                  CycleCsvExportFlags   flags,
                                                  char                  delimiter);
/* The dated content as an iCalendar file (RFC 5545, written by libical): each piece of content
 * with a due date an all-day VEVENT (title, stage, persona, format, channel, call to action,
 * status, owner and link in the description; stage, persona, channel and format as categories;
 * repeating content with an RRULE), with the UID "CONTENT-ID@PLAN-UID" so that importing it
 * again updates rather than duplicates. The same plan gives the same bytes (see
 * cycle-export-ics.c for DTSTAMP). Content without a date is left out. */
GBytes    *cycle_export_ics                      (CyclePlan            *plan);

/* The projected number of people in each stage, indexed like the plan's stages, as the canvas
 * and picture exports show them; NaN where unknown. NULL (and *n_stages 0) when the plan has
 * nothing to project (no internal stage). Free with g_free(). */
double    *cycle_export_dup_projected_volumes    (CyclePlan            *plan,
                                                  guint                *n_stages);

/* Writing an export without ever leaving half a file at the target, through Cycle's one atomic
 * writer (cycle-atomic-file.h): the bytes go to a temporary file beside the real target that
 * only a successful commit renames over it. Anything else — a failed write (disk full), a free
 * without commit — removes the temporary file and leaves the target as it was. Errors are
 * G_IO_ERROR with a message that names the target: "Could not write “/a/b.svg”: No space left
 * on device". The target must be a local file. */
typedef struct _CycleExportFile CycleExportFile;

CycleExportFile *cycle_export_file_new           (GFile                *target,
                                                  GError              **error);
/* Writes to an open file descriptor (standard output) instead: commit flushes it, nothing is
 * renamed or removed. @display_name names it in messages ("standard output"). The descriptor
 * is not closed. */
CycleExportFile *cycle_export_file_new_for_fd    (int                   fd,
                                                  const char           *display_name);
/* Once a write failed, the later ones fail at once with the same error. */
gboolean         cycle_export_file_write         (CycleExportFile      *self,
                                                  const void           *data,
                                                  gsize                 size,
                                                  GError              **error);
gboolean         cycle_export_file_commit        (CycleExportFile      *self,
                                                  GError              **error);
/* How messages name the target: its path for people (g_filename_display_name). */
const char      *cycle_export_file_get_display_name (CycleExportFile  *self);
/* Aborts (removes the temporary file) unless committed. */
void             cycle_export_file_free          (CycleExportFile      *self);

/* All of @bytes to @target through a CycleExportFile. */
gboolean         cycle_export_write_bytes        (GFile                *target,
                                                  GBytes               *bytes,
                                                  GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CycleExportFile, cycle_export_file_free)

G_END_DECLS
