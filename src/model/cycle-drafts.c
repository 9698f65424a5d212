/* cycle-drafts.c: autosaved copies of unsaved plans, offered back after a crash
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-drafts"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cycle-atomic-file.h"
#include "cycle-drafts.h"
#include "cycle-plan-io.h"

#define DRAFT_SUFFIX ".cycle"
#define INDEX_SUFFIX ".json"

void
cycle_draft_free (CycleDraft *draft)
{
  if (draft == NULL)
    return;

  g_free (draft->id);
  g_clear_object (&draft->file);
  g_free (draft->uri);
  g_free (draft->title);
  g_clear_pointer (&draft->stamp, cycle_file_stamp_free);
  g_free (draft);
}

GFile *
cycle_drafts_get_default_dir (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "cycle", "drafts", NULL);

  return g_file_new_for_path (path);
}

char *
cycle_drafts_new_id (void)
{
  return g_uuid_string_random ();
}

/* Ids come from cycle_drafts_new_id(); anything else could name a file outside the folder. */
static gboolean
id_is_valid (const char *id)
{
  return id != NULL && g_uuid_string_is_valid (id);
}

static GFile *
get_child (GFile      *dir,
           const char *id,
           const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (dir, name);
}

static gboolean
replace_bytes (GFile   *file,
               GBytes  *bytes,
               GError **error)
{
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  /* A temporary file renamed over the old draft: a crash leaves the previous draft whole. */
  return cycle_atomic_file_replace_contents (file, data, size, CYCLE_ATOMIC_FILE_PRIVATE, error);
}

/* The index of a draft: where its plan came from, its title, and what the original file held */
static GBytes *
index_to_bytes (CyclePlan            *plan,
                GFile                *original,
                const CycleFileStamp *stamp)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *title;
  char *text;
  gsize length = 0;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uri");
  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);

      json_builder_add_string_value (builder, uri);
    }
  else
    {
      json_builder_add_null_value (builder);
    }
  title = cycle_plan_get_title (plan);
  json_builder_set_member_name (builder, "title");
  if (title != NULL)
    json_builder_add_string_value (builder, title);
  else
    json_builder_add_null_value (builder);
  /* What the original file held when the plan was taken from it: saving the recovered plan
   * there checks that it still does. */
  if (original != NULL && stamp != NULL)
    {
      json_builder_set_member_name (builder, "original");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "etag");
      if (stamp->etag != NULL)
        json_builder_add_string_value (builder, stamp->etag);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) stamp->size);
      json_builder_set_member_name (builder, "sha512");
      json_builder_add_string_value (builder, stamp->sha512);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

gboolean
cycle_drafts_write (GFile                 *dir,
                    const char            *id,
                    CyclePlan             *plan,
                    GFile                 *original,
                    const CycleFileStamp  *stamp,
                    GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) index_bytes = NULL;
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GFile) index = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (id_is_valid (id), FALSE);
  g_return_val_if_fail (CYCLE_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (original == NULL || G_IS_FILE (original), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_make_directory_with_parents (dir, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The plan first: an index without its plan would list a draft that cannot be opened. */
  bytes = cycle_plan_to_bytes (plan);
  draft = get_child (dir, id, DRAFT_SUFFIX);
  /* A draft too big to open again would recover nothing */
  if (!cycle_document_check_plan (plan, bytes, draft, error) ||
      !replace_bytes (draft, bytes, error))
    return FALSE;

  index_bytes = index_to_bytes (plan, original, stamp);
  index = get_child (dir, id, INDEX_SUFFIX);

  return replace_bytes (index, index_bytes, error);
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* "original": {"etag": "…", "size": N, "sha512": "…"}; anything else leaves the stamp unknown. */
static void
read_stamp (CycleDraft *draft,
            JsonNode   *node)
{
  JsonObject *object;
  JsonNode *size;
  const char *sha512;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);

  size = json_object_get_member (object, "size");
  sha512 = get_string_member (object, "sha512");
  if (size == NULL || !JSON_NODE_HOLDS_VALUE (size) ||
      json_node_get_value_type (size) != G_TYPE_INT64 || json_node_get_int (size) < 0 ||
      sha512 == NULL || strlen (sha512) != 128)
    return;

  draft->stamp = cycle_file_stamp_new (get_string_member (object, "etag"),
                                       (guint64) json_node_get_int (size), sha512);
}

/* Fills in the uri, title and original stamp of @draft from its index, when there is a readable
 * one. */
static void
read_index (CycleDraft *draft,
            GFile      *dir)
{
  g_autoptr(GFile) index = get_child (dir, draft->id, INDEX_SUFFIX);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *data = NULL;
  JsonNode *root;
  JsonObject *object;
  gsize length = 0;

  /* The index is a few hundred bytes; anything much bigger is not ours. */
  if (!g_file_load_contents (index, NULL, &data, &length, NULL, NULL) || length > 64 * 1024 ||
      !json_parser_load_from_data (parser, data, length, NULL))
    return;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);

  if (json_object_has_member (object, "uri"))
    {
      JsonNode *node = json_object_get_member (object, "uri");

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        draft->uri = json_node_dup_string (node);
    }
  if (json_object_has_member (object, "title"))
    {
      JsonNode *node = json_object_get_member (object, "title");

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        draft->title = json_node_dup_string (node);
    }
  if (json_object_has_member (object, "original"))
    read_stamp (draft, json_object_get_member (object, "original"));
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const CycleDraft *da = *(const CycleDraft * const *) a;
  const CycleDraft *db = *(const CycleDraft * const *) b;

  if (da->modified != db->modified)
    return da->modified > db->modified ? -1 : 1;

  return g_strcmp0 (da->id, db->id);
}

GPtrArray *
cycle_drafts_list (GFile *dir)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) cycle_draft_free);

  g_return_val_if_fail (G_IS_FILE (dir), drafts);

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (enumerator == NULL)
    return drafts;

  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      const char *name;
      g_autofree char *id = NULL;
      CycleDraft *draft;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, NULL, NULL) || info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
          !g_str_has_suffix (name, DRAFT_SUFFIX))
        continue;

      id = g_strndup (name, strlen (name) - strlen (DRAFT_SUFFIX));
      if (!id_is_valid (id))
        continue;

      draft = g_new0 (CycleDraft, 1);
      draft->id = g_steal_pointer (&id);
      draft->file = g_object_ref (child);
      draft->modified = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
      read_index (draft, dir);
      g_ptr_array_add (drafts, draft);
    }

  /* Temporary files of a draft being written when the crash came. */
  cycle_cleanup_temp_files (dir);

  g_ptr_array_sort (drafts, compare_newest_first);

  return drafts;
}

static gboolean
delete_if_there (GFile   *file,
                 GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_delete (file, NULL, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
cycle_drafts_delete (GFile       *dir,
                     const char  *id,
                     GError     **error)
{
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GFile) index = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (id_is_valid (id), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  draft = get_child (dir, id, DRAFT_SUFFIX);
  index = get_child (dir, id, INDEX_SUFFIX);

  /* The plan last: a leftover index alone is never listed. */
  return delete_if_there (index, error) && delete_if_there (draft, error);
}

CycleDocument *
cycle_drafts_load (const CycleDraft  *draft,
                   GError           **error)
{
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GFile) original = NULL;
  CyclePlan *plan;

  g_return_val_if_fail (draft != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  document = cycle_document_new_from_file (draft->file, NULL, error);
  if (document == NULL)
    return NULL;

  plan = cycle_document_get_plan (document);
  if (draft->uri != NULL)
    original = g_file_new_for_uri (draft->uri);

  /* A fresh document around the same plan: it saves to the original file, not the draft, and
   * checks first that the file still holds what the plan was taken from. */
  g_object_ref (plan);
  g_clear_object (&document);
  document = cycle_document_new_for_file (plan, original, draft->stamp);
  g_object_unref (plan);

  /* A recovered draft differs from its file (or has none): modified, with nothing to undo. */
  cycle_plan_mark_unsaved (cycle_document_get_plan (document));

  return g_steal_pointer (&document);
}
