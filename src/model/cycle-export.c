/* cycle-export.c: JSON export and import, CSV export, and writing exports safely
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-atomic-file.h"
#include "cycle-checker.h"
#include "cycle-csv.h"
#include "cycle-export.h"
#include "cycle-json.h"
#include "cycle-item-private.h"
#include "cycle-plan-private.h"
#include "cycle-plan-io.h"
#include "cycle-projection.h"

/* JSON: the "computed" member */

/* A top-level member starts a line indented by exactly two spaces; deeper members by four or
 * more. Strings never hold a raw newline, so this finds top-level members in canonical text. */
#define TOP_LEVEL_PREFIX "\n  \""

static void
obj_string (CycleJsonObjectWriter *o,
            const char            *key,
            const char            *value)
{
  cycle_json_object_key (o, key);
  if (value != NULL)
    cycle_json_write_string (o->out, value);
  else
    g_string_append (o->out, "null");
}

/* NaN (unknown) is null: JSON has no NaN. */
static void
obj_number (CycleJsonObjectWriter *o,
            const char            *key,
            double                 value)
{
  cycle_json_object_key (o, key);
  if (isfinite (value))
    cycle_json_write_double (o->out, value);
  else
    g_string_append (o->out, "null");
}

static const char *
item_id_or_null (gpointer item)
{
  return item != NULL ? cycle_item_get_id (CYCLE_ITEM (item)) : NULL;
}

static void
write_projection (CycleJsonObjectWriter       *computed,
                  CyclePlan *plan)
{
  g_autoptr(CycleProjection) projection = NULL;
  guint n;
  CycleJsonObjectWriter p, stages;

  cycle_json_object_key (computed, "projection");

  projection = cycle_projection_compute_for_plan (plan, NULL);
  if (projection == NULL)
    {
      /* No internal stage to start from: nothing to project. */
      g_string_append (computed->out, "null");
      return;
    }

  cycle_json_object_begin (&p, computed->out, computed->depth + 1);
  obj_number (&p, "start", cycle_projection_get_start_volume (projection));
  obj_number (&p, "cycles", cycle_projection_get_cycles (projection));
  cycle_json_object_key (&p, "self_sustaining");
  g_string_append (p.out, cycle_projection_is_self_sustaining (projection) ? "true" : "false");
  obj_number (&p, "gain", cycle_projection_get_gain (projection));
  cycle_json_object_key (&p, "complete");
  g_string_append (p.out, cycle_projection_is_complete (projection) ? "true" : "false");
  cycle_json_object_key (&p, "stages");

  /* Every stage, in plan order; off the projected path its numbers are null. */
  cycle_json_object_begin (&stages, p.out, p.depth + 1);
  n = cycle_projection_get_n_stages (projection);
  for (guint i = 0; i < n; i++)
    {
      CycleStage *stage = cycle_projection_get_stage (projection, i);
      CycleJsonObjectWriter s;

      cycle_json_object_key (&stages, cycle_item_get_id (CYCLE_ITEM (stage)));
      cycle_json_object_begin (&s, stages.out, stages.depth + 1);
      obj_number (&s, "volume", cycle_projection_get_volume (projection, i));
      obj_number (&s, "next_rate", cycle_projection_get_next_rate (projection, i));
      obj_number (&s, "cumulative", cycle_projection_get_cumulative (projection, i));
      obj_number (&s, "referred", cycle_projection_get_referred_share (projection, i));
      cycle_json_object_end (&s);
    }
  cycle_json_object_end (&stages);
  cycle_json_object_end (&p);
}

static void
write_findings (CycleJsonObjectWriter       *computed,
                CyclePlan *plan)
{
  g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
  GListModel *findings = cycle_checker_get_findings (checker);
  guint n = g_list_model_get_n_items (findings);
  GString *out = computed->out;
  guint depth = computed->depth + 1;

  cycle_json_object_key (computed, "findings");
  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleFinding) finding = g_list_model_get_item (findings, i);
      CycleJsonObjectWriter f;

      g_string_append (out, i == 0 ? "\n" : ",\n");
      cycle_json_write_indent (out, depth + 1);
      cycle_json_object_begin (&f, out, depth + 1);
      obj_string (&f, "kind", cycle_finding_kind_to_nick (cycle_finding_get_kind (finding)));
      obj_string (&f, "severity",
                  cycle_severity_to_nick (cycle_finding_get_severity (finding)));
      obj_string (&f, "message", cycle_finding_get_message (finding));
      obj_string (&f, "stage", item_id_or_null (cycle_finding_get_stage (finding)));
      obj_string (&f, "content", item_id_or_null (cycle_finding_get_content (finding)));
      obj_string (&f, "key", cycle_finding_get_key (finding));
      cycle_json_object_end (&f);
    }
  g_string_append_c (out, '\n');
  cycle_json_write_indent (out, depth);
  g_string_append_c (out, ']');
}

/* The member itself, from its name on: "\"computed\": {…}" at depth 1. */
static void
write_computed (GString   *out,
                CyclePlan *plan)
{
  CycleJsonObjectWriter root, c;

  /* Only to reuse obj_key's separator logic: the caller has written the members before. */
  root.out = out;
  root.depth = 0;
  root.empty = FALSE;

  cycle_json_object_key (&root, CYCLE_EXPORT_COMPUTED_MEMBER);
  cycle_json_object_begin (&c, out, 1);
  obj_string (&c, "generated_by", "Cycle " PACKAGE_VERSION);
  obj_string (&c, "note", "Derived from the plan when it was exported: the projection "
                          "(people reaching each stage) and the findings of the checks. "
                          "Cycle ignores this member when it imports the file.");
  write_projection (&c, plan);
  write_findings (&c, plan);
  cycle_json_object_end (&c);
}

/* Removes a top-level member named @key from canonical text, with its separator. */
static void
remove_top_level_member (GString    *text,
                         const char *key)
{
  g_autofree char *needle = g_strdup_printf (TOP_LEVEL_PREFIX "%s\": ", key);
  const char *start = strstr (text->str, needle);
  const char *next;
  gsize from, to;

  if (start == NULL)
    return;

  /* The next top-level member, if any (deeper lines have more than two spaces). */
  next = strstr (start + 1, ",\n  \"");

  if (next != NULL)
    {
      /* "…,\n  \"computed\": V,\n  \"next\"" → "…,\n  \"next\"" */
      from = start - text->str + 1;
      to = next - text->str + 2;
    }
  else
    {
      /* The last member: "…X,\n  \"computed\": V\n}\n" → "…X\n}\n" (drop the comma before) */
      const char *end = g_strrstr (text->str, "\n}");

      g_return_if_fail (end != NULL && start > text->str && start[-1] == ',');
      from = start - text->str - 1;
      to = end - text->str;
    }

  g_string_erase (text, from, to - from);
}

GBytes *
cycle_export_json (CyclePlan            *plan,
                   CycleJsonExportFlags  flags)
{
  g_autoptr(GBytes) canonical = NULL;
  GString *text;
  const char *data;
  gsize size, end;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);

  canonical = cycle_plan_to_bytes (plan);
  if ((flags & CYCLE_JSON_EXPORT_COMPUTED) == 0)
    return g_steal_pointer (&canonical);

  data = g_bytes_get_data (canonical, &size);
  text = g_string_sized_new (size + 4096);
  g_string_append_len (text, data, size);

  /* A stale "computed" kept from a file that was opened as a plan (rather than imported) is
   * replaced, not repeated: a duplicate key would make the export unreadable. */
  remove_top_level_member (text, CYCLE_EXPORT_COMPUTED_MEMBER);

  /* Canonical text ends with "\n}\n": the new member goes before that. */
  g_return_val_if_fail (g_str_has_suffix (text->str, "\n}\n"), g_string_free_to_bytes (text));
  end = text->len - strlen ("\n}\n");
  {
    g_autoptr(GString) member = g_string_new (NULL);

    write_computed (member, plan);
    g_string_insert_len (text, end, member->str, member->len);
  }

  return g_string_free_to_bytes (text);
}

CyclePlan *
cycle_import_json (const char  *data,
                   gsize        length,
                   GError     **error)
{
  CyclePlan *plan;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  plan = cycle_plan_new_from_data (data, length, error);
  if (plan == NULL)
    return NULL;

  /* Derived data: dropped, so that it cannot go stale in a saved plan. Not an edit of the plan
   * (there is nothing to undo), so it goes straight to the unknown members the reader kept. */
  _cycle_plan_remove_unknown (plan, CYCLE_EXPORT_COMPUTED_MEMBER);

  return plan;
}

/* Projected volumes */

double *
cycle_export_dup_projected_volumes (CyclePlan *plan,
                                    guint     *n_stages)
{
  g_autoptr(CycleProjection) projection = NULL;
  double *volumes;
  guint n;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (n_stages != NULL, NULL);

  *n_stages = 0;
  projection = cycle_projection_compute_for_plan (plan, NULL);
  if (projection == NULL)
    return NULL;

  n = cycle_projection_get_n_stages (projection);
  volumes = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    volumes[i] = cycle_projection_get_volume (projection, i);

  *n_stages = n;
  return volumes;
}

/* CSV */

static const char * const stable_headers[CYCLE_CSV_N_COLUMNS + 1] = {
  "stage", "persona", "title", "format", "channel", "cta", "commitment", "direction",
  "status", "owner", "due", "url", "notes", NULL,
};

const char * const *
cycle_csv_stable_headers (void)
{
  return stable_headers;
}

static const char *
people_header (guint column)
{
  switch (column)
    {
    case 0: return C_("csv column", "Stage");
    case 1: return C_("csv column", "Persona");
    case 2: return C_("csv column", "Title");
    case 3: return C_("csv column", "Format");
    case 4: return C_("csv column", "Channel");
    case 5: return C_("csv column", "Call to action");
    case 6: return C_("csv column", "Commitment");
    case 7: return C_("csv column", "Gives or asks");
    case 8: return C_("csv column", "Status");
    case 9: return C_("csv column", "Owner");
    case 10: return C_("csv column", "Due date");
    case 11: return C_("csv column", "Link");
    case 12: return C_("csv column", "Notes");
    default: g_return_val_if_reached ("");
    }
}

static const char *
enum_word (GType    type,
           int      value,
           gboolean stable)
{
  return stable ? cycle_enum_to_nick (type, value) : cycle_enum_get_label (type, value);
}

GBytes *
cycle_export_csv (CyclePlan           *plan,
                  CycleCsvExportFlags  flags)
{
  return cycle_export_csv_with_delimiter (plan, flags, 0);
}

GBytes *
cycle_export_csv_with_delimiter (CyclePlan           *plan,
                                 CycleCsvExportFlags  flags,
                                 char                 delimiter)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);

  return cycle_export_csv_content (cycle_plan_get_all_content (plan), flags, delimiter);
}

GBytes *
cycle_export_csv_content (GListModel          *all,
                          CycleCsvExportFlags  flags,
                          char                 delimiter)
{
  gboolean stable = (flags & CYCLE_CSV_EXPORT_FOR_SCRIPTS) != 0;
  CycleCsvWriter csv;
  GString *out;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (all), NULL);

  n = g_list_model_get_n_items (all);
  out = g_string_sized_new (256 + 200 * n);

  /* Excel reads a CSV file as the system's legacy code page unless it starts with a UTF-8
   * byte order mark; LibreOffice, Python and most tools accept the mark. */
  if ((flags & (CYCLE_CSV_EXPORT_NO_BOM | CYCLE_CSV_EXPORT_FOR_SCRIPTS)) == 0)
    g_string_append (out, "\xEF\xBB\xBF");

  /* For people, cells a spreadsheet would run as formulas are neutralised; scripts get them
   * as they are */
  cycle_csv_writer_init (&csv, out, stable);
  /* Excel splits a CSV file at the list separator of the system's region: a semicolon where
   * numbers are written 3,5; otherwise the file opens in one column. Scripts get RFC 4180. */
  if (delimiter == 0)
    delimiter = stable ? ',' : cycle_csv_delimiter_for_people ();
  cycle_csv_writer_set_delimiter (&csv, delimiter);
  for (guint c = 0; c < CYCLE_CSV_N_COLUMNS; c++)
    cycle_csv_writer_field (&csv, stable ? stable_headers[c] : people_header (c));
  cycle_csv_writer_end_row (&csv);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleContent) content = g_list_model_get_item (all, i);
      CycleStage *stage = cycle_content_get_stage (content);
      CyclePersona *persona = cycle_content_get_persona (content);
      const char *format = cycle_content_get_format (content);
      const char *channel = cycle_content_get_channel (content);

      if (!stable)
        {
          format = cycle_content_format_to_display (format);
          channel = cycle_content_channel_to_display (channel);
        }

      cycle_csv_writer_field (&csv, stage != NULL ? cycle_stage_get_name (stage) : NULL);
      cycle_csv_writer_field (&csv, persona != NULL ? cycle_persona_get_name (persona) : NULL);
      cycle_csv_writer_field (&csv, cycle_content_get_title (content));
      cycle_csv_writer_field (&csv, format);
      cycle_csv_writer_field (&csv, channel);
      cycle_csv_writer_field (&csv, cycle_content_get_cta (content));
      cycle_csv_writer_field (&csv, enum_word (CYCLE_TYPE_COMMITMENT,
                                               cycle_content_get_commitment (content), stable));
      cycle_csv_writer_field (&csv, enum_word (CYCLE_TYPE_DIRECTION,
                                               cycle_content_get_direction (content), stable));
      cycle_csv_writer_field (&csv, enum_word (CYCLE_TYPE_STATUS,
                                               cycle_content_get_status (content), stable));
      cycle_csv_writer_field (&csv, cycle_content_get_owner (content));
      cycle_csv_writer_field (&csv, cycle_content_get_due (content));
      cycle_csv_writer_field (&csv, cycle_content_get_url (content));
      cycle_csv_writer_field (&csv, cycle_content_get_notes (content));
      cycle_csv_writer_end_row (&csv);
    }

  return g_string_free_to_bytes (out);
}

/* Writing safely: the one atomic writer, under the name exports have always used */

struct _CycleExportFile
{
  CycleAtomicFile *file;
};

static CycleExportFile *
wrap (CycleAtomicFile *file)
{
  CycleExportFile *self;

  if (file == NULL)
    return NULL;

  self = g_new0 (CycleExportFile, 1);
  self->file = file;
  return self;
}

CycleExportFile *
cycle_export_file_new (GFile   *target,
                       GError **error)
{
  g_return_val_if_fail (G_IS_FILE (target), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* An export is an ordinary document (0666 less the umask), not a private file. */
  return wrap (cycle_atomic_file_new (target, CYCLE_ATOMIC_FILE_NONE, error));
}

CycleExportFile *
cycle_export_file_new_for_fd (int         fd,
                              const char *display_name)
{
  g_return_val_if_fail (fd >= 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  return wrap (cycle_atomic_file_new_for_fd (fd, display_name));
}

const char *
cycle_export_file_get_display_name (CycleExportFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return cycle_atomic_file_get_display_name (self->file);
}

gboolean
cycle_export_file_write (CycleExportFile  *self,
                         const void       *data,
                         gsize             size,
                         GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return cycle_atomic_file_write (self->file, data, size, error);
}

gboolean
cycle_export_file_commit (CycleExportFile  *self,
                          GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return cycle_atomic_file_commit (self->file, error);
}

void
cycle_export_file_free (CycleExportFile *self)
{
  if (self == NULL)
    return;

  cycle_atomic_file_free (self->file);
  g_free (self);
}

gboolean
cycle_export_write_bytes (GFile   *target,
                          GBytes  *bytes,
                          GError **error)
{
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &size);
  return cycle_atomic_file_replace_contents (target, data, size, CYCLE_ATOMIC_FILE_NONE, error);
}

/* Import of a content calendar */

/* The column names Cycle writes, for people in English and in French (what an export made in
 * either language says), after the names for scripts (stable_headers). */
static const char * const english_headers[CYCLE_CSV_N_COLUMNS] = {
  "Stage", "Persona", "Title", "Format", "Channel", "Call to action", "Commitment",
  "Gives or asks", "Status", "Owner", "Due date", "Link", "Notes",
};
static const char * const french_headers[CYCLE_CSV_N_COLUMNS] = {
  "Étape", "Persona", "Titre", "Format", "Canal", "Appel à l’action", "Engagement demandé",
  "Donne ou demande", "Statut", "Responsable", "Échéance", "Lien", "Notes",
};

static int
header_column (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  for (guint c = 0; c < CYCLE_CSV_N_COLUMNS; c++)
    {
      const char *names[] = { stable_headers[c], english_headers[c], french_headers[c],
                              people_header (c) };

      for (guint k = 0; k < G_N_ELEMENTS (names); k++)
        {
          g_autofree char *candidate = g_utf8_casefold (names[k], -1);

          if (strcmp (candidate, folded) == 0)
            return (int) c;
        }
    }
  return -1;
}

gpointer
_cycle_find_named (GListModel *model,
                   const char *name,
                   const char *(*get_name) (gpointer))
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *candidate = g_utf8_casefold (get_name (item), -1);

      if (strcmp (candidate, folded) == 0)
        return item;
    }
  return NULL;
}

static gboolean
read_enum_cell (GPtrArray  *said,
                guint       row,
                const char *text,
                GType       type,
                int        *value)
{
  const char *fallback = cycle_enum_get_label (type, 0);

  if (text[0] == '\0')
    return FALSE;
  if (cycle_enum_from_text (type, text, value))
    return TRUE;

  if (type == CYCLE_TYPE_COMMITMENT)
    g_ptr_array_add (said, g_strdup_printf (_("Row %u: “%s” is not a commitment Cycle knows; "
                                              "left at “%s”"), row, text, fallback));
  else
    g_ptr_array_add (said, g_strdup_printf (_("Row %u: “%s” is not a status Cycle knows; left "
                                              "at “%s”"), row, text, fallback));
  return FALSE;
}

struct _CycleCsvImport
{
  CyclePlan *plan;
  GPtrArray *contents;  /* CycleContent, not yet in the plan */
  GPtrArray *stages;    /* CycleStage, where each goes */
  GArray    *rows;      /* guint, its row as a spreadsheet numbers it */
  GPtrArray *problems;  /* char * */
  gboolean   applied;
};

/* Whether the first row names the columns: it names a title column, and a stage column unless
 * there is a stage to use instead. @for_scripts: every column it names is named for scripts, so
 * the cells are as they are (an export for scripts neutralises no formula). */
static gboolean
read_header (GStrv       header,
             int        *column_of,
             CycleStage *default_stage,
             gboolean   *for_scripts)
{
  *for_scripts = TRUE;
  for (guint c = 0; c < CYCLE_CSV_N_COLUMNS; c++)
    column_of[c] = -1;
  for (guint i = 0; header[i] != NULL; i++)
    {
      int c = header_column (header[i]);

      if (c >= 0 && column_of[c] < 0)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (header[i]));

          column_of[c] = (int) i;
          *for_scripts = *for_scripts && strcmp (trimmed, stable_headers[c]) == 0;
        }
    }
  return column_of[2] >= 0 && (column_of[0] >= 0 || default_stage != NULL);
}

CycleCsvImport *
cycle_csv_import_new (CyclePlan   *plan,
                      const char  *data,
                      gsize        length,
                      CycleStage  *default_stage,
                      GError     **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  CycleCsvImport *self;
  int column_of[CYCLE_CSV_N_COLUMNS];
  gboolean for_scripts;
  guint first = 1;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (default_stage == NULL || CYCLE_IS_STAGE (default_stage), NULL);

  rows = cycle_csv_parse (data, length, 0, error);
  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the file is empty"));
      return NULL;
    }

  if (!read_header (g_ptr_array_index (rows, 0), column_of, default_stage, &for_scripts))
    {
      GStrv row = g_ptr_array_index (rows, 0);

      if (default_stage == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("the first line does not name the columns: it needs at least “%s” "
                         "and “%s”, as Cycle’s CSV export writes them"),
                       people_header (0), people_header (2));
          return NULL;
        }
      /* Rows copied from a spreadsheet without their header: one column is a list of titles,
       * more are in the order Cycle's export writes them. */
      first = 0;
      for_scripts = FALSE;
      if (g_strv_length (row) <= 1)
        column_of[2] = 0;
      else
        for (guint c = 0; c < CYCLE_CSV_N_COLUMNS; c++)
          column_of[c] = (int) c;
    }

  self = g_new0 (CycleCsvImport, 1);
  self->plan = g_object_ref (plan);
  self->contents = g_ptr_array_new_with_free_func (g_object_unref);
  self->stages = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->problems = g_ptr_array_new_with_free_func (g_free);

  for (guint r = first; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);
      guint n_cells = g_strv_length (row);
      const char *cell[CYCLE_CSV_N_COLUMNS];
      GPtrArray *said = self->problems;
      CycleContent *content;
      CycleStage *stage;
      guint number = r + 1;
      int value;

      for (guint c = 0; c < CYCLE_CSV_N_COLUMNS; c++)
        {
          const char *text = column_of[c] >= 0 && (guint) column_of[c] < n_cells
                             ? row[column_of[c]] : "";

          cell[c] = for_scripts ? text : cycle_csv_cell_restore (text);
        }

      /* A row of empty cells (";;;;": what Excel writes for a blank row it has formatted) is
       * no row at all: left out without a word. */
      {
        gboolean blank = TRUE;

        for (guint c = 0; c < n_cells && blank; c++)
          blank = row[c][0] == '\0';
        if (blank)
          continue;
      }

      /* Rows are counted as a spreadsheet numbers them: the header is row 1. */
      if (cell[2][0] == '\0')
        {
          g_ptr_array_add (said, g_strdup_printf (_("Row %u: no title; left out"), number));
          continue;
        }
      if (cell[0][0] == '\0' && default_stage != NULL)
        stage = default_stage;
      else
        stage = _cycle_find_named (cycle_plan_get_stages (plan), cell[0],
                                   (const char *(*) (gpointer)) cycle_stage_get_name);
      if (stage == NULL)
        {
          g_ptr_array_add (said, g_strdup_printf (_("Row %u: the plan has no stage “%s”; "
                                                    "left out"), number, cell[0]));
          continue;
        }

      content = cycle_content_new (cell[2]);
      cycle_content_set_format (content, cycle_content_format_from_display (cell[3]));
      cycle_content_set_channel (content, cycle_content_channel_from_display (cell[4]));
      cycle_content_set_cta (content, cell[5]);
      cycle_content_set_owner (content, cell[9]);
      cycle_content_set_url (content, cell[11]);
      cycle_content_set_notes (content, cell[12]);

      if (cell[1][0] != '\0')
        {
          CyclePersona *persona = _cycle_find_named (cycle_plan_get_personas (plan), cell[1],
                                                     (const char *(*) (gpointer))
                                                     cycle_persona_get_name);
          if (persona != NULL)
            cycle_content_set_persona (content, persona);
          else
            g_ptr_array_add (said, g_strdup_printf (_("Row %u: the plan has no persona “%s”; "
                                                      "imported without one"), number, cell[1]));
        }
      if (read_enum_cell (said, number, cell[6], CYCLE_TYPE_COMMITMENT, &value))
        cycle_content_set_commitment (content, value);
      /* Gives or asks as the export wrote it is what the call to action comes to: only a
       * word that differs from it is the team's own. */
      if (cell[7][0] != '\0' && cycle_enum_from_text (CYCLE_TYPE_DIRECTION, cell[7], &value) &&
          value != CYCLE_DIRECTION_AUTO && value != (int) cycle_content_get_direction (content))
        cycle_content_set_direction (content, value);
      if (read_enum_cell (said, number, cell[8], CYCLE_TYPE_STATUS, &value))
        cycle_content_set_status (content, value);
      if (cell[10][0] != '\0')
        {
          g_autofree char *iso = NULL;
          g_autofree char *problem = NULL;

          if (cycle_date_parse_input (cell[10], &iso, &problem))
            cycle_content_set_due (content, iso);
          else
            g_ptr_array_add (said, g_strdup_printf (_("Row %u: %s; imported without a due "
                                                      "date"), number, problem));
        }

      g_ptr_array_add (self->contents, content);
      g_ptr_array_add (self->stages, g_object_ref (stage));
      g_array_append_val (self->rows, number);
    }

  return self;
}

guint
cycle_csv_import_get_n_items (CycleCsvImport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->contents->len;
}

CycleContent *
cycle_csv_import_get_content (CycleCsvImport *self,
                              guint           i)
{
  g_return_val_if_fail (self != NULL && i < self->contents->len, NULL);
  return g_ptr_array_index (self->contents, i);
}

CycleStage *
cycle_csv_import_get_stage (CycleCsvImport *self,
                            guint           i)
{
  g_return_val_if_fail (self != NULL && i < self->stages->len, NULL);
  return g_ptr_array_index (self->stages, i);
}

guint
cycle_csv_import_get_row (CycleCsvImport *self,
                          guint           i)
{
  g_return_val_if_fail (self != NULL && i < self->rows->len, 0);
  return g_array_index (self->rows, guint, i);
}

GPtrArray *
cycle_csv_import_get_problems (CycleCsvImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->problems;
}

int
cycle_csv_import_apply (CycleCsvImport *self)
{
  int added = 0;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (!self->applied, -1);

  self->applied = TRUE;
  if (self->contents->len == 0)
    return 0;

  cycle_plan_begin_group (self->plan, _("Import Content"));
  for (guint i = 0; i < self->contents->len; i++)
    {
      CycleStage *stage = g_ptr_array_index (self->stages, i);

      /* A stage removed since the preview takes nothing. */
      if (cycle_item_get_plan (CYCLE_ITEM (stage)) != self->plan)
        continue;
      cycle_plan_add_content (self->plan, stage, g_ptr_array_index (self->contents, i), -1);
      added++;
    }
  cycle_plan_end_group (self->plan);
  return added;
}

void
cycle_csv_import_free (CycleCsvImport *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->plan);
  g_ptr_array_unref (self->contents);
  g_ptr_array_unref (self->stages);
  g_array_unref (self->rows);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

int
cycle_import_csv (CyclePlan   *plan,
                  const char  *data,
                  gsize        length,
                  GPtrArray  **problems,
                  GError     **error)
{
  g_autoptr(CycleCsvImport) import = NULL;
  int added;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), -1);

  import = cycle_csv_import_new (plan, data, length, NULL, error);
  if (import == NULL)
    return -1;

  added = cycle_csv_import_apply (import);
  if (problems != NULL)
    *problems = g_ptr_array_ref (import->problems);
  return added;
}
