/* test-drafts.c: autosaved drafts — writing, listing, loading back and deleting them
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-drafts"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cycle-drafts.h"
#include "cycle-plan-io.h"
#include "cycle-templates.h"
#include "test-tree.h"

typedef struct
{
  char  *path;
  GFile *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = g_dir_make_tmp ("cycle-test-drafts-XXXXXX", &error);

  g_assert_no_error (error);
  fixture->path = g_build_filename (tmp, "cycle", "drafts", NULL);
  /* Not created: writing the first draft makes the folders. */
  fixture->dir = g_file_new_for_path (fixture->path);
  g_object_set_data_full (G_OBJECT (fixture->dir), "tmp", g_steal_pointer (&tmp), g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) tmp = g_file_new_for_path (g_object_get_data (G_OBJECT (fixture->dir), "tmp"));

  test_remove_tree (g_file_peek_path (tmp));
  g_assert_false (g_file_query_exists (tmp, NULL));
  g_clear_object (&fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
}

static void
test_default_dir (void)
{
  g_autoptr(GFile) dir = cycle_drafts_get_default_dir ();
  g_autofree char *path = g_file_get_path (dir);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "cycle", "drafts", NULL);
  g_autofree char *a = cycle_drafts_new_id ();
  g_autofree char *b = cycle_drafts_new_id ();

  g_assert_cmpstr (path, ==, expected);
  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_cmpstr (a, !=, b);
}

static void
test_missing_dir (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) drafts = cycle_drafts_list (fixture->dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cycle_drafts_new_id ();

  g_assert_cmpuint (drafts->len, ==, 0);
  /* Deleting what is not there succeeds. */
  g_assert_true (cycle_drafts_delete (fixture->dir, id, &error));
  g_assert_no_error (error);
}

static void
test_write_list_load_delete (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CyclePlan) plan = cycle_templates_create ("aida");
  g_autoptr(CyclePlan) blank = cycle_plan_new ();
  g_autoptr(GFile) original = g_file_new_for_path ("/nowhere/launch.cycle");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) loaded = NULL;
  g_autofree char *id = cycle_drafts_new_id ();
  g_autofree char *untitled_id = cycle_drafts_new_id ();
  g_autofree char *original_uri = g_file_get_uri (original);
  const CycleDraft *draft = NULL;
  const CycleDraft *untitled = NULL;

  g_assert_nonnull (plan);
  cycle_plan_set_title (plan, "Spring launch");

  g_assert_true (cycle_drafts_write (fixture->dir, id, plan, original, NULL, &error));
  g_assert_no_error (error);
  /* Writing again replaces the draft: still one. */
  cycle_plan_set_title (plan, "Spring launch, v2");
  g_assert_true (cycle_drafts_write (fixture->dir, id, plan, original, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (cycle_drafts_write (fixture->dir, untitled_id, blank, NULL, NULL, &error));
  g_assert_no_error (error);

  drafts = cycle_drafts_list (fixture->dir);
  g_assert_cmpuint (drafts->len, ==, 2);
  for (guint i = 0; i < drafts->len; i++)
    {
      const CycleDraft *d = g_ptr_array_index (drafts, i);

      if (g_strcmp0 (d->id, id) == 0)
        draft = d;
      else if (g_strcmp0 (d->id, untitled_id) == 0)
        untitled = d;
    }
  g_assert_nonnull (draft);
  g_assert_nonnull (untitled);
  g_assert_cmpstr (draft->uri, ==, original_uri);
  g_assert_cmpstr (draft->title, ==, "Spring launch, v2");
  g_assert_cmpint (draft->modified, >, 0);
  g_assert_null (untitled->uri);
  g_assert_cmpstr (untitled->title, ==, cycle_plan_get_title (blank));

  /* Loading gives the same plan, modified, attached to the original file. */
  document = cycle_drafts_load (draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (g_file_equal (cycle_document_get_file (document), original));
  g_assert_true (cycle_plan_get_modified (cycle_document_get_plan (document)));
  g_assert_false (cycle_plan_can_undo (cycle_document_get_plan (document)));
  expected = cycle_plan_to_bytes (plan);
  loaded = cycle_plan_to_bytes (cycle_document_get_plan (document));
  g_assert_true (g_bytes_equal (expected, loaded));
  g_clear_object (&document);

  document = cycle_drafts_load (untitled, &error);
  g_assert_no_error (error);
  g_assert_null (cycle_document_get_file (document));
  g_assert_true (cycle_plan_get_modified (cycle_document_get_plan (document)));

  g_assert_true (cycle_drafts_delete (fixture->dir, id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = cycle_drafts_list (fixture->dir);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (((CycleDraft *) g_ptr_array_index (drafts, 0))->id, ==, untitled_id);

  g_assert_true (cycle_drafts_delete (fixture->dir, untitled_id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = cycle_drafts_list (fixture->dir);
  g_assert_cmpuint (drafts->len, ==, 0);
}

/* The index remembers what the original file held; saving the recovered plan there checks it
 * first, like any save, so a file changed since (even with its old date put back) is not
 * overwritten silently. */
static void
test_original_changed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (g_object_get_data (G_OBJECT (fixture->dir), "tmp"),
                                            "launch.cycle", NULL);
  g_autoptr(GFile) original = g_file_new_for_path (path);
  g_autoptr(CycleDocument) opened = NULL;
  g_autoptr(CycleDocument) recovered = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cycle_drafts_new_id ();
  g_autofree char *other_id = cycle_drafts_new_id ();
  const CycleFileStamp *stamp;
  const CycleDraft *draft = NULL;
  const CycleDraft *other = NULL;
  CyclePlan *plan;

  g_assert_true (g_file_set_contents (path, "{\"format\": \"org.example.Cycle\", \"version\": 1, "
                                      "\"title\": \"On disk\"}", -1, &error));
  opened = cycle_document_new_from_file (original, NULL, &error);
  g_assert_no_error (error);
  stamp = cycle_document_get_stamp (opened);
  g_assert_nonnull (stamp);
  g_assert_cmpuint (stamp->size, >, 0);
  g_assert_cmpuint (strlen (stamp->sha512), ==, 128);

  plan = cycle_document_get_plan (opened);
  cycle_plan_set_title (plan, "Edited");
  g_assert_true (cycle_drafts_write (fixture->dir, id, plan, original, stamp, &error));
  g_assert_no_error (error);
  /* An older Cycle's index: no stamp */
  g_assert_true (cycle_drafts_write (fixture->dir, other_id, plan, original, NULL, &error));
  g_assert_no_error (error);

  drafts = cycle_drafts_list (fixture->dir);
  for (guint i = 0; i < drafts->len; i++)
    {
      const CycleDraft *d = g_ptr_array_index (drafts, i);

      if (g_strcmp0 (d->id, id) == 0)
        draft = d;
      else if (g_strcmp0 (d->id, other_id) == 0)
        other = d;
    }
  g_assert_nonnull (draft);
  g_assert_nonnull (draft->stamp);
  g_assert_cmpuint (draft->stamp->size, ==, stamp->size);
  g_assert_cmpstr (draft->stamp->sha512, ==, stamp->sha512);
  g_assert_cmpstr (draft->stamp->etag, ==, stamp->etag);
  g_assert_nonnull (other);
  g_assert_null (other->stamp);

  /* Unchanged: the recovered plan saves over it */
  recovered = cycle_drafts_load (draft, &error);
  g_assert_no_error (error);
  g_assert_true (cycle_document_save (recovered, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&recovered);

  /* Changed since: refused until forced */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"org.example.Cycle\", \"version\": 1, "
                                      "\"title\": \"Elsewhere\"}", -1, &error));
  recovered = cycle_drafts_load (draft, &error);
  g_assert_no_error (error);
  g_assert_false (cycle_document_save (recovered, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_assert_true (cycle_plan_get_modified (cycle_document_get_plan (recovered)));
  g_assert_true (cycle_document_save (recovered, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&recovered);

  /* Nothing known of the original: an existing file counts as changed */
  recovered = cycle_drafts_load (other, &error);
  g_assert_no_error (error);
  g_assert_false (cycle_document_save (recovered, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);

  /* …but not a file that is gone: it is simply made again */
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_true (cycle_document_save (recovered, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* What else may lie in the folder is not a draft: other names, an index alone, a crash's
 * temporary file. A draft whose index is missing or broken is still offered. */
static void
test_stray_files (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *id = cycle_drafts_new_id ();
  g_autofree char *lonely = cycle_drafts_new_id ();
  g_autofree char *index = NULL;
  g_autofree char *path = NULL;
  const CycleDraft *draft;

  g_assert_true (cycle_drafts_write (fixture->dir, id, plan, NULL, NULL, &error));
  g_assert_no_error (error);

  path = g_build_filename (fixture->path, "notes.cycle", NULL);
  g_assert_true (g_file_set_contents (path, "{}", -1, &error));
  g_clear_pointer (&path, g_free);
  path = g_strconcat (fixture->path, G_DIR_SEPARATOR_S, lonely, ".json", NULL);
  g_assert_true (g_file_set_contents (path, "{\"uri\": null}", -1, &error));
  g_clear_pointer (&path, g_free);
  index = g_strconcat (fixture->path, G_DIR_SEPARATOR_S, id, ".json", NULL);
  g_assert_true (g_file_set_contents (index, "{\"uri\": 42, \"title\": [", -1, &error));
  g_assert_no_error (error);

  drafts = cycle_drafts_list (fixture->dir);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpstr (draft->id, ==, id);
  g_assert_null (draft->uri);
  g_assert_null (draft->title);

  g_assert_true (cycle_drafts_delete (fixture->dir, id, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (index, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/drafts/default-dir", test_default_dir);
  g_test_add ("/drafts/missing-dir", Fixture, NULL,
              fixture_set_up, test_missing_dir, fixture_tear_down);
  g_test_add ("/drafts/write-list-load-delete", Fixture, NULL,
              fixture_set_up, test_write_list_load_delete, fixture_tear_down);
  g_test_add ("/drafts/original-changed", Fixture, NULL,
              fixture_set_up, test_original_changed, fixture_tear_down);
  g_test_add ("/drafts/stray-files", Fixture, NULL,
              fixture_set_up, test_stray_files, fixture_tear_down);

  return g_test_run ();
}
