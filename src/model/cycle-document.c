/* cycle-document.c: a plan and the file it lives in — loading, safe saving, drafts
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-atomic-file.h"
#include "cycle-document.h"
#include "cycle-error.h"
#include "cycle-format.h"
#include "cycle-merge.h"
#include "cycle-plan-io.h"
#include "cycle-plan-part.h"

#define MIB (G_GUINT64_CONSTANT (1024) * 1024)
#define HASH_CHUNK (256 * 1024)

struct _CycleDocument
{
  GObject    parent_instance;

  CyclePlan *plan;
  GFile     *file;
  /* What the file was when it was loaded or last saved, to notice another program's change;
   * NULL when nothing is known of it (a recovered draft from an older Cycle). */
  CycleFileStamp *stamp;
  /* The bytes of that file, the base of a merge with what another program wrote since; NULL
   * when not known (a new plan, a recovered draft) */
  GBytes     *base;
};

G_DEFINE_FINAL_TYPE (CycleDocument, cycle_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cycle_document_set_file (CycleDocument *self,
                         GFile         *file)
{
  if (self->file == file ||
      (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
cycle_document_constructed (GObject *object)
{
  CycleDocument *self = CYCLE_DOCUMENT (object);

  G_OBJECT_CLASS (cycle_document_parent_class)->constructed (object);

  if (self->plan == NULL)
    {
      g_autofree char *language = cycle_language_get_default ();

      /* A new, empty plan, in the interface's language; where it starts is nothing to undo. */
      self->plan = cycle_plan_new ();
      cycle_plan_set_language (self->plan, language);
      cycle_plan_clear_undo (self->plan);
      cycle_plan_mark_saved (self->plan);
    }
}

static void
cycle_document_finalize (GObject *object)
{
  CycleDocument *self = CYCLE_DOCUMENT (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_pointer (&self->stamp, cycle_file_stamp_free);
  g_clear_pointer (&self->base, g_bytes_unref);

  G_OBJECT_CLASS (cycle_document_parent_class)->finalize (object);
}

static void
cycle_document_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CycleDocument *self = CYCLE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_document_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CycleDocument *self = CYCLE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      /* Construct-only: set once, before constructed() */
      g_set_object (&self->plan, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_document_class_init (CycleDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cycle_document_constructed;
  object_class->finalize = cycle_document_finalize;
  object_class->get_property = cycle_document_get_property;
  object_class->set_property = cycle_document_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL,
                         CYCLE_TYPE_PLAN,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cycle_document_init (CycleDocument *self)
{
}

CycleDocument *
cycle_document_new (void)
{
  return g_object_new (CYCLE_TYPE_DOCUMENT, NULL);
}

CycleFileStamp *
cycle_file_stamp_new (const char *etag,
                      guint64     size,
                      const char *sha512)
{
  CycleFileStamp *stamp;

  g_return_val_if_fail (sha512 != NULL, NULL);

  stamp = g_new0 (CycleFileStamp, 1);
  stamp->etag = g_strdup (etag);
  stamp->size = size;
  stamp->sha512 = g_strdup (sha512);
  return stamp;
}

static CycleFileStamp *
stamp_new_for_data (const char    *etag,
                    gconstpointer  data,
                    gsize          size)
{
  CycleFileStamp *stamp = g_new0 (CycleFileStamp, 1);

  stamp->etag = g_strdup (etag);
  stamp->size = size;
  stamp->sha512 = g_compute_checksum_for_data (G_CHECKSUM_SHA512, data, size);
  return stamp;
}

CycleFileStamp *
cycle_file_stamp_copy (const CycleFileStamp *stamp)
{
  g_return_val_if_fail (stamp != NULL, NULL);

  return cycle_file_stamp_new (stamp->etag, stamp->size, stamp->sha512);
}

void
cycle_file_stamp_free (CycleFileStamp *stamp)
{
  if (stamp == NULL)
    return;

  g_free (stamp->etag);
  g_free (stamp->sha512);
  g_free (stamp);
}

static void
set_too_large_error (GError  **error,
                     guint64   size)
{
  /* Rounded up, so a file just over the limit never reads as "256 MiB" */
  g_autofree char *mib = g_strdup_printf ("%" G_GUINT64_FORMAT, (size + MIB - 1) / MIB);

  g_set_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_TOO_LARGE,
               /* Translators: the first %s is a whole number of mebibytes */
               _("the file is %s MiB; Cycle opens plans of at most %d MiB"),
               mib, (int) (CYCLE_FILE_MAX_SIZE / MIB));
}

/* What a killed save left beside @file: in its folder and, when it is a symbolic link, in the
 * folder of the file it names, where the temporary file was made. */
static void
cleanup_temp_files_beside (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autofree char *real_path = cycle_atomic_file_resolve (file);

  if (dir != NULL)
    cycle_cleanup_temp_files (dir);

  if (real_path != NULL)
    {
      g_autoptr(GFile) real = g_file_new_for_path (real_path);
      g_autoptr(GFile) real_dir = g_file_get_parent (real);

      if (real_dir != NULL && (dir == NULL || !g_file_equal (dir, real_dir)))
        cycle_cleanup_temp_files (real_dir);
    }
}

gboolean
cycle_document_load_contents (GFile         *file,
                              GCancellable  *cancellable,
                              char         **data,
                              gsize         *length,
                              char         **etag,
                              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  guint64 size;
  gsize n = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL && length != NULL, FALSE);

  /* Refuse a huge file before reading it all into memory */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return FALSE;

  /* A device or a pipe has no size to check and may never end (/dev/zero) */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file"), name);
      return FALSE;
    }

  size = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_STANDARD_SIZE);
  if (size > (guint64) CYCLE_FILE_MAX_SIZE)
    {
      set_too_large_error (error, size);
      return FALSE;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &n, etag, error))
    return FALSE;

  /* It may have grown since we asked */
  if (n > (gsize) CYCLE_FILE_MAX_SIZE)
    {
      set_too_large_error (error, n);
      if (etag != NULL)
        g_clear_pointer (etag, g_free);
      return FALSE;
    }

  *data = g_steal_pointer (&contents);
  *length = n;
  return TRUE;
}

/* Loads @file, reporting the bytes parsed so far (in the calling thread). Touches no main context,
 * so it may run in a worker thread (cycle_document_load_async ()); a cancelled load gives
 * G_IO_ERROR_CANCELLED within about 64 KiB of text. */
static CycleDocument *
cycle_document_new_from_file_full (GFile             *file,
                                   CycleProgressFunc  progress_func,
                                   gpointer           progress_data,
                                   GCancellable      *cancellable,
                                   GError           **error)
{
  g_autoptr(CyclePlan) plan = NULL;
  g_autofree char *data = NULL;
  g_autofree char *etag = NULL;
  CycleDocument *self;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cycle_document_load_contents (file, cancellable, &data, &length, &etag, error))
    return NULL;

  plan = cycle_plan_new_from_data_full (data, length, progress_func, progress_data, cancellable,
                                        error);
  if (plan == NULL)
    return NULL;

  cycle_plan_clear_undo (plan);
  cycle_plan_mark_saved (plan);

  self = g_object_new (CYCLE_TYPE_DOCUMENT,
                       "plan", plan,
                       NULL);
  self->file = g_object_ref (file);
  self->stamp = stamp_new_for_data (etag, data, length);
  self->base = g_bytes_new_take (g_steal_pointer (&data), length);

  cleanup_temp_files_beside (file);

  return self;
}

CycleDocument *
cycle_document_new_from_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  return cycle_document_new_from_file_full (file, NULL, NULL, cancellable, error);
}

typedef struct
{
  CycleProgressFunc progress_func;
  gpointer          progress_data;
} LoadData;

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GFile *file = g_object_get_data (G_OBJECT (task), "cycle-file");
  g_autoptr(GError) error = NULL;
  CycleDocument *document;

  document = cycle_document_new_from_file_full (file, data->progress_func, data->progress_data,
                                                cancellable, &error);
  if (document == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
cycle_document_load_async (GFile               *file,
                           CycleProgressFunc    progress_func,
                           gpointer             progress_data,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cycle_document_load_async);
  /* Whatever the thread made, a cancelled load says it was cancelled */
  g_task_set_check_cancellable (task, TRUE);
  data = g_new0 (LoadData, 1);
  data->progress_func = progress_func;
  data->progress_data = progress_data;
  g_task_set_task_data (task, data, g_free);
  g_object_set_data_full (G_OBJECT (task), "cycle-file", g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

CycleDocument *
cycle_document_load_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cycle_document_load_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

CycleDocument *
cycle_document_new_for_file (CyclePlan            *plan,
                             GFile                *file,
                             const CycleFileStamp *stamp)
{
  CycleDocument *self;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (CYCLE_TYPE_DOCUMENT,
                       "plan", plan,
                       NULL);
  g_set_object (&self->file, file);
  if (stamp != NULL)
    self->stamp = cycle_file_stamp_copy (stamp);

  return self;
}

const CycleFileStamp *
cycle_document_get_stamp (CycleDocument *self)
{
  g_return_val_if_fail (CYCLE_IS_DOCUMENT (self), NULL);

  return self->stamp;
}

CyclePlan *
cycle_document_get_plan (CycleDocument *self)
{
  g_return_val_if_fail (CYCLE_IS_DOCUMENT (self), NULL);

  return self->plan;
}

GFile *
cycle_document_get_file (CycleDocument *self)
{
  g_return_val_if_fail (CYCLE_IS_DOCUMENT (self), NULL);

  return self->file;
}

char *
cycle_document_dup_display_name (CycleDocument *self)
{
  const char *title;

  g_return_val_if_fail (CYCLE_IS_DOCUMENT (self), NULL);

  title = cycle_plan_get_title (self->plan);
  if (title != NULL && title[0] != '\0')
    return g_strdup (title);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      if (basename != NULL)
        return g_filename_display_name (basename);
    }

  return g_strdup (_("Untitled Plan"));
}

gboolean
cycle_document_check_size (GBytes      *bytes,
                           GFile       *file,
                           GError     **error)
{
  gsize size;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  size = g_bytes_get_size (bytes);
  if (size > (gsize) CYCLE_FILE_MAX_SIZE)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *mib = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                              ((guint64) size + MIB - 1) / MIB);

      /* The limits agree: what Cycle saves, it opens again. */
      g_set_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_TOO_LARGE,
                   /* Translators: the second %s is a whole number of mebibytes */
                   _("Could not save “%s”: the plan would take %s MiB, and Cycle opens plans of "
                     "at most %d MiB. Nothing was written; split the plan or remove content."),
                   name, mib, (int) (CYCLE_FILE_MAX_SIZE / MIB));
      return FALSE;
    }

  return TRUE;
}

gboolean
cycle_document_check_plan (CyclePlan  *plan,
                           GBytes     *bytes,
                           GFile      *file,
                           GError    **error)
{
  CyclePlanCounts n;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  cycle_plan_count_items (plan, &n);
  if (n.stages <= CYCLE_PLAN_MAX_STAGES && n.links <= CYCLE_PLAN_MAX_LINKS &&
      n.personas <= CYCLE_PLAN_MAX_PERSONAS && n.content <= CYCLE_PLAN_MAX_CONTENT)
    return cycle_document_check_size (bytes, file, error);

  name = g_file_get_parse_name (file);
#define TOO_MANY(count, limit, format)                                                  \
  G_STMT_START {                                                                        \
    g_autofree char *n_text = cycle_format_count (count);                               \
    g_autofree char *limit_text = cycle_format_count (limit);                           \
    g_set_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_TOO_LARGE, format, name,     \
                 n_text, limit_text);                                                   \
  } G_STMT_END
  if (n.stages > CYCLE_PLAN_MAX_STAGES)
    /* Translators: the file name, then two numbers such as "20,000" */
    TOO_MANY (n.stages, CYCLE_PLAN_MAX_STAGES,
              _("Could not save “%s”: the plan has %s stages, and Cycle opens plans of at most "
                "%s stages. Nothing was written; split the plan or remove stages."));
  else if (n.links > CYCLE_PLAN_MAX_LINKS)
    TOO_MANY (n.links, CYCLE_PLAN_MAX_LINKS,
              _("Could not save “%s”: the plan has %s links, and Cycle opens plans of at most "
                "%s links. Nothing was written; split the plan or remove links."));
  else if (n.personas > CYCLE_PLAN_MAX_PERSONAS)
    TOO_MANY (n.personas, CYCLE_PLAN_MAX_PERSONAS,
              _("Could not save “%s”: the plan has %s personas, and Cycle opens plans of at most "
                "%s personas. Nothing was written; remove personas."));
  else
    TOO_MANY (n.content, CYCLE_PLAN_MAX_CONTENT,
              _("Could not save “%s”: the plan has %s content items, and Cycle opens plans of "
                "at most %s. Nothing was written; split the plan or remove content."));
#undef TOO_MANY
  return FALSE;
}

/* The size and SHA-512 of what @file holds now, read in pieces. FALSE with
 * G_IO_ERROR_NOT_FOUND when there is no file. */
static gboolean
hash_file (GFile         *file,
           guint64       *size,
           char         **sha512,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA512);
  g_autofree guint8 *buffer = g_malloc (HASH_CHUNK);
  guint64 total = 0;

  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return FALSE;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, HASH_CHUNK, cancellable,
                                      error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
      total += n;
    }

  *size = total;
  *sha512 = g_strdup (g_checksum_get_string (checksum));
  return TRUE;
}

/* Whether @target holds something else than what this document loaded or last saved there.
 * The contents decide (size, then a hash), not the modification time, which git checkout,
 * cp -p, rsync or a coarse file system can put back. */
static gboolean
changed_on_disk (CycleDocument *self,
                 GFile         *target,
                 GCancellable  *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha512 = NULL;
  guint64 size = 0;

  info = g_file_query_info (target, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &error);
  /* Gone (a new file will do), or nothing readable to compare: the writer says what it finds */
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return FALSE;

  /* A recovered draft of an older Cycle: nothing is known of the file, so it may have changed */
  if (self->stamp == NULL)
    return TRUE;

  if ((guint64) g_file_info_get_size (info) != self->stamp->size)
    return TRUE;

  if (!hash_file (target, &size, &sha512, cancellable, &error))
    {
      g_debug ("Could not read %s back: %s", g_file_peek_path (target), error->message);
      return FALSE;
    }

  return size != self->stamp->size || g_strcmp0 (sha512, self->stamp->sha512) != 0;
}

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return NULL;

  return g_strdup (g_file_info_get_etag (info));
}

gboolean
cycle_document_save (CycleDocument  *self,
                     GFile          *file,
                     gboolean        force,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *new_etag = NULL;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (CYCLE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Held: setting "file" below may drop the document's reference to it */
  target = g_object_ref (file != NULL ? file : self->file);

  bytes = cycle_plan_to_bytes (self->plan);
  if (!cycle_document_check_plan (self->plan, bytes, target, error))
    return FALSE;

  /* What is on disk only means something for the file it came from */
  if (!force && self->file != NULL && g_file_equal (target, self->file) &&
      changed_on_disk (self, target, cancellable))
    {
      g_autofree char *name = g_file_get_parse_name (target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                   _("“%s” changed on disk since it was opened"), name);
      return FALSE;
    }

  data = g_bytes_get_data (bytes, &size);
  if (!cycle_atomic_file_replace_contents (target, data, size, CYCLE_ATOMIC_FILE_NONE, error))
    return FALSE;

  new_etag = query_etag (target);
  g_clear_pointer (&self->stamp, cycle_file_stamp_free);
  self->stamp = stamp_new_for_data (new_etag, data, size);
  g_clear_pointer (&self->base, g_bytes_unref);
  self->base = g_bytes_ref (bytes);
  cycle_document_set_file (self, target);
  cycle_plan_mark_saved (self->plan);

  cleanup_temp_files_beside (target);

  return TRUE;
}

guint
cycle_cleanup_temp_files (GFile *dir)
{
  g_return_val_if_fail (G_IS_FILE (dir), 0);

  return cycle_atomic_file_cleanup_stale (dir);
}

GBytes *
cycle_document_get_base (CycleDocument *self)
{
  g_return_val_if_fail (CYCLE_IS_DOCUMENT (self), NULL);

  return self->base;
}

/* Merges @file into the plan from @base (NULL: the document's own), as one undoable step */
static GPtrArray *
merge_file (CycleDocument  *self,
            GFile          *file,
            CyclePlan      *base,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(CycleDocument) theirs = NULL;
  g_autoptr(CyclePlan) loaded = NULL;
  GPtrArray *conflicts;

  theirs = cycle_document_new_from_file (file, cancellable, error);
  if (theirs == NULL)
    return NULL;

  /* What was loaded (it was valid then); without it, nothing is common: every difference is
   * a conflict rather than one side's change winning silently */
  if (base == NULL && self->base != NULL)
    base = loaded = cycle_plan_new_from_data (g_bytes_get_data (self->base, NULL),
                                              g_bytes_get_size (self->base), NULL);
  if (base == NULL)
    base = loaded = cycle_plan_new ();

  conflicts = cycle_plan_merge (self->plan, base, theirs->plan);

  /* The plan holds what its own file holds now: saving over it is no longer a surprise, and
   * undoing the merge leaves a plan that differs from the file */
  if (self->file != NULL && g_file_equal (file, self->file))
    {
      g_clear_pointer (&self->stamp, cycle_file_stamp_free);
      self->stamp = g_steal_pointer (&theirs->stamp);
      g_clear_pointer (&self->base, g_bytes_unref);
      self->base = g_steal_pointer (&theirs->base);
      cycle_plan_mark_unsaved (self->plan);
    }

  return conflicts;
}

GPtrArray *
cycle_document_merge_file (CycleDocument  *self,
                           GFile          *file,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_return_val_if_fail (CYCLE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return merge_file (self, file, NULL, cancellable, error);
}

gboolean
cycle_document_reload (CycleDocument  *self,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CyclePlan) current = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  g_return_val_if_fail (CYCLE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* From the plan as it is, the file's version is a change of every field it differs in: the
   * merge makes the plan exactly that, in one step undo takes back */
  bytes = cycle_plan_to_bytes (self->plan);
  current = cycle_plan_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      error);
  if (current == NULL)
    return FALSE;
  conflicts = merge_file (self, self->file, current, cancellable, error);
  if (conflicts == NULL)
    return FALSE;
  cycle_plan_mark_saved (self->plan);
  return TRUE;
}

gboolean
cycle_document_changed_on_disk (CycleDocument *self,
                                GCancellable  *cancellable)
{
  g_return_val_if_fail (CYCLE_IS_DOCUMENT (self), FALSE);

  return self->file != NULL && changed_on_disk (self, self->file, cancellable);
}
