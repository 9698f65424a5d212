/* cycle-export.c: JSON export and import, CSV export, and writing exports safely
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cycle-checker.h"
#include "cycle-csv.h"
#include "cycle-export.h"
#include "cycle-json.h"
#include "cycle-model-private.h"
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

/* A usual format or channel word, translated; other text as the plan says it. */
static const char *
translate_word (const char          *word,
                const char          *context,
                const char * const  *suggestions)
{
  for (guint i = 0; suggestions[i] != NULL; i++)
    if (strcmp (suggestions[i], word) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, context, word);

  return word;
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
  gboolean stable = (flags & CYCLE_CSV_EXPORT_FOR_SCRIPTS) != 0;
  CycleCsvWriter csv;
  GListModel *all = NULL;
  GString *out;
  guint n;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);

  all = cycle_plan_get_all_content (plan);
  n = g_list_model_get_n_items (all);
  out = g_string_sized_new (256 + 200 * n);

  /* Excel reads a CSV file as the system's legacy code page unless it starts with a UTF-8
   * byte order mark; LibreOffice, Python and most tools accept the mark. */
  if ((flags & CYCLE_CSV_EXPORT_NO_BOM) == 0)
    g_string_append (out, "\xEF\xBB\xBF");

  /* For people, cells a spreadsheet would run as formulas are neutralised; scripts get them
   * as they are */
  cycle_csv_writer_init (&csv, out, stable);
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
          format = translate_word (format, "content format", cycle_content_suggested_formats ());
          channel = translate_word (channel, "content channel",
                                    cycle_content_suggested_channels ());
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

/* Writing safely */

#define BUFFER_SIZE (64 * 1024)

struct _CycleExportFile
{
  int       fd;
  gboolean  own_fd;       /* a temporary file of ours, renamed over the target on commit */
  char     *tmp_path;
  char     *target_path;
  char     *display_name;
  GError   *error;        /* the first failure, repeated by later calls */
  gboolean  finished;     /* committed, or aborted after a failure */
  guint8   *buffer;
  gsize     buffered;
};

static void
set_errno_error (CycleExportFile *self,
                 int              saved_errno)
{
  if (self->error != NULL)
    return;

  /* TRANSLATORS: "Could not write “/home/ana/plan.svg”: No space left on device" */
  self->error = g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                             _("Could not write “%s”: %s"), self->display_name,
                             g_strerror (saved_errno));
}

static gboolean
propagate (CycleExportFile  *self,
           GError          **error)
{
  if (error != NULL)
    *error = g_error_copy (self->error);
  return FALSE;
}

CycleExportFile *
cycle_export_file_new (GFile   *target,
                       GError **error)
{
  g_autoptr(CycleExportFile) self = NULL;
  g_autofree char *path = NULL;
  int saved_errno;

  g_return_val_if_fail (G_IS_FILE (target), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (target);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not write “%s”: exports go to local files only"), uri);
      return NULL;
    }

  self = g_new0 (CycleExportFile, 1);
  self->fd = -1;
  self->own_fd = TRUE;
  self->target_path = g_steal_pointer (&path);
  self->display_name = g_filename_display_name (self->target_path);
  self->buffer = g_malloc (BUFFER_SIZE);

  if (g_file_test (self->target_path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Could not write “%s”: it is a folder"), self->display_name);
      return NULL;
    }

  /* Beside the target, so that the rename stays on one file system and is atomic. 0666 (less
   * the umask): an export is an ordinary document, not a private temporary file. */
  self->tmp_path = g_strconcat (self->target_path, ".XXXXXX", NULL);
  self->fd = g_mkstemp_full (self->tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      saved_errno = errno;
      g_clear_pointer (&self->tmp_path, g_free);
      set_errno_error (self, saved_errno);
      propagate (self, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

CycleExportFile *
cycle_export_file_new_for_fd (int         fd,
                              const char *display_name)
{
  CycleExportFile *self;

  g_return_val_if_fail (fd >= 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = g_new0 (CycleExportFile, 1);
  self->fd = fd;
  self->own_fd = FALSE;
  self->display_name = g_strdup (display_name);
  self->buffer = g_malloc (BUFFER_SIZE);
  return self;
}

const char *
cycle_export_file_get_display_name (CycleExportFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

static gboolean
write_fully (CycleExportFile *self,
             const guint8    *data,
             gsize            size)
{
  while (size > 0)
    {
      gssize written = write (self->fd, data, size);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          set_errno_error (self, errno);
          return FALSE;
        }
      data += written;
      size -= written;
    }

  return TRUE;
}

static gboolean
flush_buffer (CycleExportFile *self)
{
  gsize size = self->buffered;

  self->buffered = 0;
  return write_fully (self, self->buffer, size);
}

gboolean
cycle_export_file_write (CycleExportFile  *self,
                         const void       *data,
                         gsize             size,
                         GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (self->error != NULL)
    return propagate (self, error);

  if (self->buffered + size > BUFFER_SIZE)
    {
      if (!flush_buffer (self))
        return propagate (self, error);
      if (size >= BUFFER_SIZE)
        return write_fully (self, data, size) || propagate (self, error);
    }

  memcpy (self->buffer + self->buffered, data, size);
  self->buffered += size;
  return TRUE;
}

static void
sync_folder_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_CLOEXEC, 0);

  /* Makes the rename itself durable; a failure here loses nothing that was written. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
cycle_export_file_commit (CycleExportFile  *self,
                          GError          **error)
{
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->error != NULL || !flush_buffer (self))
    return propagate (self, error);

  if (!self->own_fd)
    {
      self->finished = TRUE;
      return TRUE;
    }

  /* On disk before the rename, or a crash could leave an empty file in the target's place. */
  if (fsync (self->fd) != 0 && errno != EINVAL)
    {
      set_errno_error (self, errno);
      return propagate (self, error);
    }

  fd = self->fd;
  self->fd = -1;
  if (close (fd) != 0 && errno != EINTR)
    {
      set_errno_error (self, errno);
      return propagate (self, error);
    }

  if (g_rename (self->tmp_path, self->target_path) != 0)
    {
      set_errno_error (self, errno);
      return propagate (self, error);
    }

  g_clear_pointer (&self->tmp_path, g_free);
  self->finished = TRUE;
  sync_folder_of (self->target_path);
  return TRUE;
}

void
cycle_export_file_free (CycleExportFile *self)
{
  if (self == NULL)
    return;

  if (self->own_fd)
    {
      if (self->fd >= 0)
        close (self->fd);
      if (self->tmp_path != NULL)
        g_unlink (self->tmp_path);
    }

  g_clear_error (&self->error);
  g_free (self->tmp_path);
  g_free (self->target_path);
  g_free (self->display_name);
  g_free (self->buffer);
  g_free (self);
}

gboolean
cycle_export_write_bytes (GFile   *target,
                          GBytes  *bytes,
                          GError **error)
{
  g_autoptr(CycleExportFile) file = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  file = cycle_export_file_new (target, error);
  if (file == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  return cycle_export_file_write (file, data, size, error) &&
         cycle_export_file_commit (file, error);
}
