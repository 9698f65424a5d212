/* cycle-document.c: a plan and the file it lives in — loading, safe saving, drafts
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-document"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-document.h"
#include "cycle-error.h"
#include "cycle-plan-io.h"

/* What a crash during g_file_replace() leaves beside the target: ".goutputstream-XXXXXX". */
#define TEMP_PREFIX     ".goutputstream-"
#define TEMP_SUFFIX_LEN 6
/* A younger temporary file may be another program's save in progress. */
#define TEMP_MIN_AGE_SECONDS 60

#define MIB (G_GUINT64_CONSTANT (1024) * 1024)

struct _CycleDocument
{
  GObject    parent_instance;

  CyclePlan *plan;
  GFile     *file;
  /* From loading or the last save; compared by g_file_replace() to notice changes on disk. */
  char      *etag;
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
  g_clear_pointer (&self->etag, g_free);

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

static void
cleanup_temp_files_beside (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  if (dir != NULL)
    cycle_cleanup_temp_files (dir);
}

CycleDocument *
cycle_document_new_from_file (GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(CyclePlan) plan = NULL;
  g_autofree char *data = NULL;
  g_autofree char *etag = NULL;
  CycleDocument *self;
  guint64 size;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refuse a huge file before reading it all into memory */
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  /* A device or a pipe has no size to check and may never end (/dev/zero) */
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file"), name);
      return NULL;
    }

  size = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_STANDARD_SIZE);
  if (size > (guint64) CYCLE_FILE_MAX_SIZE)
    {
      set_too_large_error (error, size);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &data, &length, &etag, error))
    return NULL;

  /* It may have grown since we asked */
  if (length > (gsize) CYCLE_FILE_MAX_SIZE)
    {
      set_too_large_error (error, length);
      return NULL;
    }

  plan = cycle_plan_new_from_data (data, length, error);
  if (plan == NULL)
    return NULL;

  cycle_plan_clear_undo (plan);
  cycle_plan_mark_saved (plan);

  self = g_object_new (CYCLE_TYPE_DOCUMENT,
                       "plan", plan,
                       NULL);
  self->file = g_object_ref (file);
  self->etag = g_steal_pointer (&etag);

  cleanup_temp_files_beside (file);

  return self;
}

CycleDocument *
cycle_document_new_for_file (CyclePlan *plan,
                             GFile     *file)
{
  CycleDocument *self;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (CYCLE_TYPE_DOCUMENT,
                       "plan", plan,
                       NULL);
  g_set_object (&self->file, file);

  return self;
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

/* The device and inode of @info as one string, or NULL when the backend does not tell. */
static char *
dup_identity (GFileInfo *info)
{
  if (info == NULL ||
      !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_DEVICE) ||
      !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_INODE))
    return NULL;

  return g_strdup_printf ("%u:%" G_GUINT64_FORMAT,
                          g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE),
                          g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE));
}

#define IDENTITY_ATTRIBUTES \
  G_FILE_ATTRIBUTE_UNIX_DEVICE "," G_FILE_ATTRIBUTE_UNIX_INODE "," G_FILE_ATTRIBUTE_STANDARD_TYPE

/* Like g_file_replace_contents(), but a failed write never replaces the target: GLib 2.74 closes
 * the stream normally after a write error, which renames the partial temporary file over the
 * target (seen with a full disk). Cancelling before the close makes it delete the temporary file
 * instead. A new file that a failed save created is removed too. */
static gboolean
replace_contents (GFile         *file,
                  GBytes        *bytes,
                  const char    *etag,
                  char         **new_etag,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GFileInfo) before = NULL;
  g_autoptr(GCancellable) abort_save = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *created = NULL;
  gboolean existed;
  gconstpointer data;
  gsize size;

  before = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                              G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &local_error);
  existed = before != NULL || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  out = g_file_replace (file, etag, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (out == NULL)
    return FALSE;

  /* A target that did not exist is written directly, not through a temporary file */
  if (!existed)
    {
      g_autoptr(GFileInfo) info = NULL;

      info = g_file_output_stream_query_info (out, IDENTITY_ATTRIBUTES, cancellable, NULL);
      created = dup_identity (info);
    }

  data = g_bytes_get_data (bytes, &size);

  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), data, size, NULL, cancellable, error))
    {
      abort_save = g_cancellable_new ();
      g_cancellable_cancel (abort_save);
      g_output_stream_close (G_OUTPUT_STREAM (out), abort_save, NULL);
    }
  else if (g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    {
      if (new_etag != NULL)
        *new_etag = g_file_output_stream_get_etag (out);

      return TRUE;
    }

  if (created != NULL)
    {
      g_autoptr(GFileInfo) after = NULL;
      g_autofree char *identity = NULL;

      after = g_file_query_info (file, IDENTITY_ATTRIBUTES, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                 NULL, NULL);
      identity = dup_identity (after);

      /* Only the very file this save created, not one another program put there since */
      if (identity != NULL && strcmp (identity, created) == 0 &&
          g_file_info_get_file_type (after) == G_FILE_TYPE_REGULAR)
        g_file_delete (file, NULL, NULL);
    }

  return FALSE;
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
  const char *etag = NULL;

  g_return_val_if_fail (CYCLE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Held: setting "file" below may drop the document's reference to it */
  target = g_object_ref (file != NULL ? file : self->file);

  /* The etag only means something for the file it came from */
  if (!force && self->file != NULL && g_file_equal (target, self->file))
    etag = self->etag;

  bytes = cycle_plan_to_bytes (self->plan);

  if (!replace_contents (target, bytes, etag, &new_etag, cancellable, error))
    return FALSE;

  g_free (self->etag);
  self->etag = g_steal_pointer (&new_etag);
  cycle_document_set_file (self, target);
  cycle_plan_mark_saved (self->plan);

  cleanup_temp_files_beside (target);

  return TRUE;
}

static gboolean
is_temp_file_name (const char *name)
{
  const char *suffix;
  guint i;

  if (!g_str_has_prefix (name, TEMP_PREFIX))
    return FALSE;

  suffix = name + strlen (TEMP_PREFIX);
  for (i = 0; i < TEMP_SUFFIX_LEN; i++)
    {
      if (!g_ascii_isalnum (suffix[i]))
        return FALSE;
    }

  return suffix[TEMP_SUFFIX_LEN] == '\0';
}

guint
cycle_cleanup_temp_files (GFile *dir)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now;
  guint count = 0;

  g_return_val_if_fail (G_IS_FILE (dir), 0);

  /* NOFOLLOW: a symbolic link reports itself, so it is never taken for a regular file */
  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          NULL, &error);
  if (enumerator == NULL)
    {
      g_debug ("Not cleaning up temporary files: %s", error->message);
      return 0;
    }

  now = g_get_real_time () / G_USEC_PER_SEC;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      GFileInfo *info;
      GFile *child;
      gint64 mtime;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, NULL, &local_error))
        {
          g_debug ("Stopped cleaning up temporary files: %s", local_error->message);
          break;
        }

      if (info == NULL)
        break;

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          !is_temp_file_name (g_file_info_get_name (info)) ||
          !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_TIME_MODIFIED))
        continue;

      mtime = (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
      if (now - mtime < TEMP_MIN_AGE_SECONDS)
        continue;

      if (g_file_delete (child, NULL, &local_error))
        count++;
      else
        g_debug ("Could not remove %s: %s", g_file_info_get_name (info), local_error->message);
    }

  return count;
}
