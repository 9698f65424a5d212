/* test-document.c: loading and saving a plan's file safely
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-document"
/* unshare() */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#ifdef __linux__
# include <sched.h>
# include <sys/mount.h>
#endif

#include "cycle-atomic-file.h"
#include "cycle-document.h"
#include "cycle-plan-io.h"
#include "test-tree.h"

#define MIB (1024 * 1024)

/* A canonical file (docs-format.md): loading and saving it gives the same bytes. */
static const char canonical_plan[] =
  "{\n"
  "  \"format\": \"org.example.Cycle\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Coffee club\",\n"
  "  \"purpose\": {\n"
  "    \"why\": \"We believe good mornings make good days.\",\n"
  "    \"how\": \"Roasting in small batches, teaching people to brew.\",\n"
  "    \"what\": \"A coffee subscription.\"\n"
  "  },\n"
  "  \"description\": \"Free text.\",\n"
  "  \"personas\": [\n"
  "    {\n"
  "      \"id\": \"p1\",\n"
  "      \"name\": \"Busy parent\",\n"
  "      \"description\": \"Two kids, no time.\",\n"
  "      \"why\": \"Wants ten calm minutes.\"\n"
  "    }\n"
  "  ],\n"
  "  \"stages\": [\n"
  "    {\n"
  "      \"id\": \"s1\",\n"
  "      \"name\": \"Visitors\",\n"
  "      \"lane\": \"internal\",\n"
  "      \"why\": \"A brewing guide answers their question.\",\n"
  "      \"question\": \"How do I make better coffee at home?\",\n"
  "      \"permission\": \"situational\",\n"
  "      \"kpi\": \"Unique visitors\",\n"
  "      \"conversion_rate\": 0.04,\n"
  "      \"days\": 7,\n"
  "      \"owner\": \"Ana\",\n"
  "      \"color\": \"#3584e4\",\n"
  "      \"x\": 40,\n"
  "      \"y\": 60,\n"
  "      \"content\": [\n"
  "        {\n"
  "          \"id\": \"c1\",\n"
  "          \"title\": \"The five-minute pour-over\",\n"
  "          \"format\": \"article\",\n"
  "          \"channel\": \"blog\",\n"
  "          \"persona\": \"p1\",\n"
  "          \"cta\": \"Read the guide\",\n"
  "          \"commitment\": \"read\",\n"
  "          \"direction\": \"gives\",\n"
  "          \"status\": \"published\",\n"
  "          \"owner\": \"Ana\",\n"
  "          \"due\": \"2026-12-01\",\n"
  "          \"url\": \"https://example.org/pour-over\",\n"
  "          \"notes\": \"Free text.\"\n"
  "        }\n"
  "      ]\n"
  "    },\n"
  "    {\n"
  "      \"id\": \"s2\",\n"
  "      \"name\": \"Subscribers\",\n"
  "      \"lane\": \"internal\",\n"
  "      \"permission\": \"personal\",\n"
  "      \"x\": 320,\n"
  "      \"y\": 60,\n"
  "      \"content\": []\n"
  "    }\n"
  "  ],\n"
  "  \"links\": [\n"
  "    {\n"
  "      \"id\": \"l1\",\n"
  "      \"from\": \"s1\",\n"
  "      \"to\": \"s2\",\n"
  "      \"kind\": \"next\",\n"
  "      \"rate\": 0.5\n"
  "    }\n"
  "  ]\n"
  "}\n";

/* What "another program" writes over the file behind the document's back. */
static const char other_plan[] =
  "{\n"
  "  \"format\": \"org.example.Cycle\",\n"
  "  \"version\": 1,\n"
  "  \"title\": \"Written by someone else\"\n"
  "}\n";

typedef struct
{
  char  *path;
  GFile *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = g_dir_make_tmp ("cycle-test-document-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->dir = g_file_new_for_path (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_remove_tree (g_file_peek_path (fixture->dir));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_object (&fixture->dir);
  g_clear_pointer (&fixture->path, g_free);
}

static GFile *
child_file (Fixture    *fixture,
            const char *name)
{
  return g_file_get_child (fixture->dir, name);
}

static void
write_file (GFile      *file,
            const char *contents)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
assert_file_contents (GFile      *file,
                      const char *expected)
{
  g_autofree char *contents = read_file (file);

  g_assert_cmpstr (contents, ==, expected);
}

static char *
plan_text (CyclePlan *plan)
{
  g_autoptr(GBytes) bytes = cycle_plan_to_bytes (plan);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static void
set_mtime (GFile   *file,
           guint64  seconds)
{
  g_autoptr(GError) error = NULL;

  g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, seconds,
                               G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  g_assert_no_error (error);
}

static guint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static guint64
inode_of (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);

  return buf.st_ino;
}

/* The temporary files of a save in @dir: Cycle's own, or GLib's as Cycle once made them. */
static guint
count_temp_files (GFile *dir)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;
  GFileInfo *info;
  guint count = 0;

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, &error);
  g_assert_no_error (error);

  while (g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &error) && info != NULL)
    {
      const char *name = g_file_info_get_name (info);

      if (g_str_has_prefix (name, ".goutputstream-") || cycle_atomic_file_is_temp_name (name))
        count++;
    }
  g_assert_no_error (error);

  return count;
}

/* A document that was saved to @file, then changed: titled @title and modified. */
static CycleDocument *
new_saved_document (GFile      *file,
                    const char *title)
{
  g_autoptr(CycleDocument) document = cycle_document_new ();
  g_autoptr(GError) error = NULL;

  cycle_plan_set_title (cycle_document_get_plan (document), "Saved");
  cycle_document_save (document, file, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cycle_plan_get_modified (cycle_document_get_plan (document)));

  cycle_plan_set_title (cycle_document_get_plan (document), title);
  g_assert_true (cycle_plan_get_modified (cycle_document_get_plan (document)));

  return g_steal_pointer (&document);
}

/* After a failed save nothing in memory changed. */
static void
assert_unsaved (CycleDocument *document,
                GFile         *expected_file,
                const char    *expected_title)
{
  CyclePlan *plan = cycle_document_get_plan (document);
  GFile *file = cycle_document_get_file (document);

  g_assert_true (cycle_plan_get_modified (plan));
  g_assert_cmpstr (cycle_plan_get_title (plan), ==, expected_title);

  if (expected_file == NULL)
    g_assert_null (file);
  else
    g_assert_true (file != NULL && g_file_equal (file, expected_file));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_new (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  CycleDocument *document;
  char *name;

  document = cycle_document_new ();
  g_assert_true (CYCLE_IS_PLAN (cycle_document_get_plan (document)));
  g_assert_null (cycle_document_get_file (document));

  name = cycle_document_dup_display_name (document);
  g_assert_cmpstr (name, ==, "Untitled Plan");
  g_free (name);

  cycle_plan_set_title (cycle_document_get_plan (document), "Coffee club");
  name = cycle_document_dup_display_name (document);
  g_assert_cmpstr (name, ==, "Coffee club");
  g_free (name);

  g_assert_finalize_object (document);

  document = g_object_new (CYCLE_TYPE_DOCUMENT, "plan", plan, NULL);
  g_assert_true (cycle_document_get_plan (document) == plan);
  g_assert_finalize_object (document);
}

static void
test_display_name (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GFile) file = child_file (fixture, "My plan.cycle");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *untitled = NULL;
  g_autofree char *titled = NULL;

  write_file (file, "{\n  \"format\": \"org.example.Cycle\",\n  \"version\": 1\n}\n");
  document = cycle_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);

  untitled = cycle_document_dup_display_name (document);
  g_assert_cmpstr (untitled, ==, "My plan.cycle");

  cycle_plan_set_title (cycle_document_get_plan (document), "Coffee club");
  titled = cycle_document_dup_display_name (document);
  g_assert_cmpstr (titled, ==, "Coffee club");
}

static void
test_load_save_identical (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GFile) file = child_file (fixture, "coffee.cycle");
  g_autoptr(GFile) copy = child_file (fixture, "copy.cycle");
  g_autoptr(GError) error = NULL;
  CycleDocument *document;
  CyclePlan *plan;

  write_file (file, canonical_plan);
  document = cycle_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);

  plan = cycle_document_get_plan (document);
  g_assert_true (g_file_equal (cycle_document_get_file (document), file));
  g_assert_false (cycle_plan_get_modified (plan));
  g_assert_false (cycle_plan_can_undo (plan));
  g_assert_cmpstr (cycle_plan_get_title (plan), ==, "Coffee club");
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_stages (plan)), ==, 2);

  g_assert_true (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (file, canonical_plan);

  g_assert_true (cycle_document_save (document, copy, FALSE, NULL, &error));
  g_assert_no_error (error);
  assert_file_contents (copy, canonical_plan);
  assert_file_contents (file, canonical_plan);

  g_assert_cmpuint (count_temp_files (fixture->dir), ==, 0);
  g_assert_finalize_object (document);
}

typedef struct
{
  char   *path;
  char   *first;
  char   *second;
  gint    stop;
  gint    reads;    /* atomic: the test waits on it */
  guint   torn;
} Reader;

static gpointer
reader_thread (gpointer data)
{
  Reader *reader = data;

  while (!g_atomic_int_get (&reader->stop))
    {
      char *contents = NULL;

      /* Every read sees one whole version or the other, never a missing or partial file */
      if (!g_file_get_contents (reader->path, &contents, NULL, NULL) ||
          (g_strcmp0 (contents, reader->first) != 0 && g_strcmp0 (contents, reader->second) != 0))
        reader->torn++;

      g_atomic_int_inc (&reader->reads);
      g_free (contents);
    }

  return NULL;
}

static void
test_save_atomic (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GFile) file = child_file (fixture, "plan.cycle");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  GThread *thread;
  int reads_before;
  CyclePlan *plan;
  Reader reader = { 0 };
  guint64 inode;
  guint i;

  document = new_saved_document (file, "First version");
  plan = cycle_document_get_plan (document);
  saved = read_file (file);

  inode = inode_of (file);
  g_assert_true (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  /* Renamed over, not rewritten in place */
  g_assert_cmpuint (inode_of (file), !=, inode);
  resaved = read_file (file);
  g_assert_cmpstr (saved, !=, resaved);

  /* Two versions of very different sizes, saved over and over while another thread reads */
  reader.path = g_file_get_path (file);
  reader.first = plan_text (plan);
  cycle_plan_set_title (plan, "A much longer title, so that a torn write would show in its length"
                              " as well as in its bytes, if one ever happened");
  reader.second = plan_text (plan);

  thread = g_thread_new ("reader", reader_thread, &reader);
  /* The reader runs before the first save and reads while they go on, however busy the machine
   * (under load, 40 saves could all end before the thread is first scheduled) */
  while (g_atomic_int_get (&reader.reads) == 0)
    g_thread_yield ();
  reads_before = g_atomic_int_get (&reader.reads);
  for (i = 0; i < 40 || g_atomic_int_get (&reader.reads) == reads_before; i++)
    {
      cycle_plan_set_title (plan, i % 2 ? "First version" : "A much longer title, so that a torn "
                            "write would show in its length as well as in its bytes, if one "
                            "ever happened");
      g_assert_true (cycle_document_save (document, NULL, FALSE, NULL, &error));
      g_assert_no_error (error);
    }
  g_atomic_int_set (&reader.stop, 1);
  g_thread_join (thread);

  g_test_message ("%d reads during %u saves", reader.reads - reads_before, i);
  g_assert_cmpint (reader.reads, >, reads_before);
  g_assert_cmpuint (reader.torn, ==, 0);
  g_assert_cmpuint (count_temp_files (fixture->dir), ==, 0);

  g_free (reader.path);
  g_free (reader.first);
  g_free (reader.second);
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GFile) file = child_file (fixture, "plan.cycle");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ours = NULL;
  CyclePlan *plan;

  write_file (file, canonical_plan);
  /* Etags are modification times, which the kernel keeps coarsely: make the two writes differ */
  set_mtime (file, now_seconds () - 3600);

  document = cycle_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  plan = cycle_document_get_plan (document);
  cycle_plan_set_title (plan, "Ours");

  write_file (file, other_plan);

  g_assert_false (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  assert_file_contents (file, other_plan);
  assert_unsaved (document, file, "Ours");

  /* The same file named by another GFile is still the document's own file */
  {
    g_autoptr(GFile) same = g_file_new_for_path (g_file_peek_path (file));

    g_assert_false (cycle_document_save (document, same, FALSE, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
    g_clear_error (&error);
    assert_file_contents (file, other_plan);
  }

  g_assert_true (cycle_document_save (document, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  ours = plan_text (plan);
  assert_file_contents (file, ours);
  g_assert_false (cycle_plan_get_modified (plan));

  /* The etag of that save is the one kept: saving again needs no force */
  cycle_plan_set_title (plan, "Ours, again");
  g_assert_true (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (cycle_plan_get_modified (plan));
  g_assert_cmpuint (count_temp_files (fixture->dir), ==, 0);
}

static void
test_save_as (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GFile) file = child_file (fixture, "plan.cycle");
  g_autoptr(GFile) other = child_file (fixture, "other.cycle");
  g_autoptr(GFile) existing = child_file (fixture, "existing.cycle");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  CyclePlan *plan;
  guint notified = 0;

  write_file (file, canonical_plan);
  set_mtime (file, now_seconds () - 3600);
  document = cycle_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  plan = cycle_document_get_plan (document);
  g_signal_connect (document, "notify::file", G_CALLBACK (count_notify_cb), &notified);

  cycle_plan_set_title (plan, "Save As");
  g_assert_true (cycle_document_save (document, other, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (g_file_equal (cycle_document_get_file (document), other));
  g_assert_false (cycle_plan_get_modified (plan));
  assert_file_contents (file, canonical_plan);
  text = plan_text (plan);
  assert_file_contents (other, text);

  /* The old file changing no longer matters; saving again uses the new file's etag */
  write_file (file, other_plan);
  cycle_plan_set_title (plan, "Saved again");
  g_assert_true (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_clear_pointer (&text, g_free);
  text = plan_text (plan);
  assert_file_contents (other, text);
  assert_file_contents (file, other_plan);

  /* …and that etag does guard the new file */
  write_file (other, other_plan);
  set_mtime (other, now_seconds () - 7200);
  cycle_plan_set_title (plan, "Refused");
  g_assert_false (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  assert_file_contents (other, other_plan);
  assert_unsaved (document, other, "Refused");

  /* Saving over another existing file is the person's choice: no etag applies */
  write_file (existing, other_plan);
  g_assert_true (cycle_document_save (document, existing, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 2);
  g_clear_pointer (&text, g_free);
  text = plan_text (plan);
  assert_file_contents (existing, text);
  assert_file_contents (other, other_plan);
  g_assert_cmpuint (count_temp_files (fixture->dir), ==, 0);
}

/* git checkout, cp -p and rsync put the old modification time back on new contents of the
 * same size: the contents decide. And a file only touched has not changed. */
static void
test_changed_same_mtime (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GFile) file = child_file (fixture, "plan.cycle");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *same_size = g_strdup (canonical_plan);
  guint64 mtime = now_seconds () - 3600;
  CyclePlan *plan;

  write_file (file, canonical_plan);
  set_mtime (file, mtime);
  document = cycle_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  plan = cycle_document_get_plan (document);
  cycle_plan_set_title (plan, "Ours");

  /* "Coffee club" becomes "Coffee clue": same size, same date */
  *strstr (same_size, "club") = 'X';
  write_file (file, same_size);
  set_mtime (file, mtime);
  g_assert_false (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_nonnull (strstr (error->message, g_file_peek_path (file)));
  g_clear_error (&error);
  assert_file_contents (file, same_size);
  assert_unsaved (document, file, "Ours");

  /* The same bytes written again, at another time: not a change */
  write_file (file, canonical_plan);
  g_clear_object (&document);
  document = cycle_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  plan = cycle_document_get_plan (document);
  cycle_plan_set_title (plan, "Ours");
  write_file (file, canonical_plan);
  set_mtime (file, now_seconds () - 60);
  g_assert_true (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
}

/* A document made around a plan (a recovered draft) checks the file against what it knew */
static void
test_recovered_stamp (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GFile) file = child_file (fixture, "plan.cycle");
  g_autoptr(CycleDocument) loaded = NULL;
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CycleFileStamp) stamp = NULL;

  write_file (file, canonical_plan);
  loaded = cycle_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  stamp = cycle_file_stamp_copy (cycle_document_get_stamp (loaded));
  g_assert_cmpuint (stamp->size, ==, strlen (canonical_plan));

  /* Nothing known: an existing file may have changed */
  document = cycle_document_new_for_file (plan, file, NULL);
  g_assert_null (cycle_document_get_stamp (document));
  g_assert_false (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_clear_error (&error);
  g_clear_object (&document);

  /* What it held then, and holds still */
  document = cycle_document_new_for_file (plan, file, stamp);
  g_assert_true (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&document);

  /* …and no longer */
  document = cycle_document_new_for_file (plan, file, stamp);
  write_file (file, other_plan);
  g_assert_false (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  assert_file_contents (file, other_plan);
}

/* What Cycle saves it can open again: a plan over the load limit is not written */
static void
test_save_too_large (Fixture       *fixture,
                     gconstpointer  user_data)
{
  static const char byte = 'x';
  g_autoptr(GFile) file = child_file (fixture, "huge.cycle");
  g_autoptr(GBytes) over = NULL;
  g_autoptr(GBytes) limit = NULL;
  g_autoptr(GError) error = NULL;

  /* Only the size is looked at: the bytes are never read */
  over = g_bytes_new_static (&byte, (gsize) CYCLE_FILE_MAX_SIZE + 1);
  limit = g_bytes_new_static (&byte, (gsize) CYCLE_FILE_MAX_SIZE);

  g_assert_true (cycle_document_check_size (limit, file, &error));
  g_assert_no_error (error);
  g_assert_false (cycle_document_check_size (over, file, &error));
  g_assert_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, g_file_peek_path (file)));
  g_assert_nonnull (strstr (error->message, "257 MiB"));
  g_assert_nonnull (strstr (error->message, "256 MiB"));
  g_assert_false (g_file_query_exists (file, NULL));
}

/* A file of @n tiny named items (stages or personas), the smallest ones a file can hold */
static GString *
tiny_items (const char *list,
            char        prefix,
            guint       n)
{
  GString *text = g_string_new ("{\"format\":\"org.example.Cycle\",\"version\":1,\"");

  g_string_append_printf (text, "%s\":[", list);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append_printf (text, "{\"id\":\"%c%u\",\"name\":\"a\"}", prefix, i);
    }
  g_string_append (text, "]}");
  return text;
}

/* The item limits: a file with one item too many is refused, naming where; a plan at the limit
 * opens, and once over it (as an edit may make it) it is not saved, for it would not open again */
static void
test_item_limits (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GFile) file = child_file (fixture, "many.cycle");
  g_autoptr(GString) stages = tiny_items ("stages", 's', CYCLE_PLAN_MAX_STAGES + 1);
  g_autoptr(GString) personas = tiny_items ("personas", 'p', CYCLE_PLAN_MAX_PERSONAS + 1);
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(CycleStage) extra = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = g_strdup_printf ("$.stages[%u]: ", CYCLE_PLAN_MAX_STAGES);

  plan = cycle_plan_new_from_data (stages->str, stages->len, &error);
  g_assert_null (plan);
  g_assert_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, where));
  g_assert_nonnull (strstr (error->message, "stages"));
  g_clear_error (&error);

  plan = cycle_plan_new_from_data (personas->str, personas->len, &error);
  g_assert_null (plan);
  g_assert_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "personas"));
  g_clear_error (&error);

  /* The last stage left out: at the limit, the plan opens */
  g_string_truncate (stages, g_strrstr (stages->str, ",{") - stages->str);
  g_string_append (stages, "]}");
  plan = cycle_plan_new_from_data (stages->str, stages->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_stages (plan)), ==,
                    CYCLE_PLAN_MAX_STAGES);

  /* One more by an edit: saving refuses, and writes nothing */
  extra = cycle_stage_new ("One more");
  cycle_plan_add_stage (plan, extra, -1);
  document = cycle_document_new_for_file (plan, file, NULL);
  g_assert_false (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, g_file_peek_path (file)));
  g_assert_nonnull (strstr (error->message, "stages"));
  g_assert_false (g_file_query_exists (file, NULL));
  g_clear_error (&error);

  /* Undone, it saves */
  cycle_plan_undo (plan);
  g_assert_true (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
}

/* Every kind of target, through the document */
static void
test_targets (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GFile) real_dir = child_file (fixture, "real");
  g_autoptr(GFile) real = g_file_get_child (real_dir, "plan.cycle");
  g_autoptr(GFile) link_file = child_file (fixture, "link.cycle");
  g_autoptr(GFile) linked = child_file (fixture, "linked.cycle");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_file_make_directory (real_dir, NULL, &error);
  g_assert_no_error (error);
  write_file (real, canonical_plan);
  g_file_make_symbolic_link (link_file, "real/plan.cycle", NULL, &error);
  g_assert_no_error (error);

  /* Through a symbolic link: the file it names is replaced, the link stays */
  document = cycle_document_new_from_file (link_file, NULL, &error);
  g_assert_no_error (error);
  cycle_plan_set_title (cycle_document_get_plan (document), "Through the link");
  g_assert_true (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  text = plan_text (cycle_document_get_plan (document));
  assert_file_contents (real, text);
  g_assert_cmpint (g_file_query_file_type (link_file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL),
                   ==, G_FILE_TYPE_SYMBOLIC_LINK);
  g_assert_cmpuint (count_temp_files (fixture->dir), ==, 0);
  g_assert_cmpuint (count_temp_files (real_dir), ==, 0);
  g_clear_object (&document);

  /* A second name (hard link): refused, both names as they were, the work still here */
  g_assert_cmpint (link (g_file_peek_path (real), g_file_peek_path (linked)), ==, 0);
  document = cycle_document_new_from_file (link_file, NULL, &error);
  g_assert_no_error (error);
  cycle_plan_set_title (cycle_document_get_plan (document), "Refused");
  g_assert_false (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, "hard links"));
  assert_unsaved (document, link_file, "Refused");
  assert_file_contents (real, text);
  assert_file_contents (linked, text);
  g_clear_error (&error);

  /* The document's own file replaced by a folder: refused, the folder as it was */
  g_clear_object (&document);
  g_assert_cmpint (g_unlink (g_file_peek_path (linked)), ==, 0);
  document = cycle_document_new_from_file (real, NULL, &error);
  g_assert_no_error (error);
  cycle_plan_set_title (cycle_document_get_plan (document), "Unsaved");
  g_assert_cmpint (g_unlink (g_file_peek_path (real)), ==, 0);
  g_file_make_directory (real, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  assert_unsaved (document, real, "Unsaved");
  g_assert_cmpint (g_file_query_file_type (real, G_FILE_QUERY_INFO_NONE, NULL), ==,
                   G_FILE_TYPE_DIRECTORY);
}

static void
make_temp_file (GFile      *dir,
                const char *name,
                guint64     mtime)
{
  g_autoptr(GFile) file = g_file_get_child (dir, name);

  write_file (file, "partial");
  set_mtime (file, mtime);
}

static gboolean
child_exists (GFile      *dir,
              const char *name)
{
  g_autoptr(GFile) file = g_file_get_child (dir, name);

  return g_file_query_exists (file, NULL) ||
         g_file_query_file_type (file, G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL) !=
         G_FILE_TYPE_UNKNOWN;
}

static void
test_cleanup_temp_files (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GFile) subdir = child_file (fixture, ".plan.cycle.cycle-Dir123.tmp");
  g_autoptr(GFile) link = child_file (fixture, ".plan.cycle.cycle-Lnk456.tmp");
  g_autoptr(GFile) held = child_file (fixture, ".plan.cycle.cycle-Held12.tmp");
  g_autoptr(GError) error = NULL;
  guint64 old = now_seconds () - 120;
  int fd;

  g_assert_true (cycle_atomic_file_is_temp_name (".plan.cycle.cycle-AbC123.tmp"));
  g_assert_true (cycle_atomic_file_is_temp_name (".x.cycle-zz9999.tmp"));
  g_assert_false (cycle_atomic_file_is_temp_name (".cycle-zz9999.tmp"));
  g_assert_false (cycle_atomic_file_is_temp_name ("plan.cycle.cycle-AbC123.tmp"));
  g_assert_false (cycle_atomic_file_is_temp_name (".plan.cycle.cycle-AbC12!.tmp"));
  g_assert_false (cycle_atomic_file_is_temp_name (".plan.cycle.cycle-AbC1234.tmp"));
  g_assert_false (cycle_atomic_file_is_temp_name (".plan.cycle.cycle-AbC123"));
  g_assert_false (cycle_atomic_file_is_temp_name (".goutputstream-AbC123"));

  /* Ours, left by a killed save (fresh or old: nobody holds them) */
  make_temp_file (fixture->dir, ".plan.cycle.cycle-AbC123.tmp", old);
  make_temp_file (fixture->dir, ".x.cycle-zz9999.tmp", now_seconds ());
  /* Other programs' files, however old, and names that are not quite ours */
  make_temp_file (fixture->dir, ".goutputstream-AbC123", old);
  make_temp_file (fixture->dir, ".goutputstream-XyZ789", now_seconds ());
  make_temp_file (fixture->dir, ".plan.cycle.cycle-AbC1234.tmp", old);
  make_temp_file (fixture->dir, "plan.cycle.cycle-AbC123.tmp", old);
  make_temp_file (fixture->dir, "other.txt", old);

  /* A save in progress in another process holds its file: it stays */
  make_temp_file (fixture->dir, ".plan.cycle.cycle-Held12.tmp", now_seconds ());
  fd = g_open (g_file_peek_path (held), O_RDONLY | O_CLOEXEC, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  /* A directory and a link with our names are not temporary files */
  g_file_make_directory (subdir, NULL, &error);
  g_assert_no_error (error);
  g_file_make_symbolic_link (link, "other.txt", NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (cycle_cleanup_temp_files (fixture->dir), ==, 2);

  g_assert_false (child_exists (fixture->dir, ".plan.cycle.cycle-AbC123.tmp"));
  g_assert_false (child_exists (fixture->dir, ".x.cycle-zz9999.tmp"));
  g_assert_true (child_exists (fixture->dir, ".goutputstream-AbC123"));
  g_assert_true (child_exists (fixture->dir, ".goutputstream-XyZ789"));
  g_assert_true (child_exists (fixture->dir, ".plan.cycle.cycle-AbC1234.tmp"));
  g_assert_true (child_exists (fixture->dir, "plan.cycle.cycle-AbC123.tmp"));
  g_assert_true (child_exists (fixture->dir, "other.txt"));
  g_assert_true (child_exists (fixture->dir, ".plan.cycle.cycle-Held12.tmp"));
  g_assert_true (child_exists (fixture->dir, ".plan.cycle.cycle-Dir123.tmp"));
  g_assert_true (child_exists (fixture->dir, ".plan.cycle.cycle-Lnk456.tmp"));

  /* Once its writer is gone, the held one goes too */
  close (fd);
  g_assert_cmpuint (cycle_cleanup_temp_files (fixture->dir), ==, 1);
  g_assert_false (child_exists (fixture->dir, ".plan.cycle.cycle-Held12.tmp"));

  /* Nothing more to do the second time; a missing directory is no error */
  g_assert_cmpuint (cycle_cleanup_temp_files (fixture->dir), ==, 0);
  {
    g_autoptr(GFile) missing = child_file (fixture, "missing");

    g_assert_cmpuint (cycle_cleanup_temp_files (missing), ==, 0);
  }
}

static void
test_cleanup_on_load_and_save (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GFile) file = child_file (fixture, "plan.cycle");
  g_autoptr(GFile) real_dir = child_file (fixture, "real");
  g_autoptr(GFile) real = g_file_get_child (real_dir, "plan.cycle");
  g_autoptr(GFile) link = child_file (fixture, "link.cycle");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(CycleDocument) linked = NULL;
  g_autoptr(GError) error = NULL;
  guint64 old = now_seconds () - 3600;

  write_file (file, canonical_plan);
  make_temp_file (fixture->dir, ".plan.cycle.cycle-Crash1.tmp", now_seconds ());
  make_temp_file (fixture->dir, ".goutputstream-Other1", old);

  document = cycle_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (child_exists (fixture->dir, ".plan.cycle.cycle-Crash1.tmp"));
  g_assert_true (child_exists (fixture->dir, ".goutputstream-Other1"));

  make_temp_file (fixture->dir, ".plan.cycle.cycle-Crash2.tmp", old);
  cycle_plan_set_title (cycle_document_get_plan (document), "Saved");
  g_assert_true (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (child_exists (fixture->dir, ".plan.cycle.cycle-Crash2.tmp"));
  g_assert_true (child_exists (fixture->dir, ".goutputstream-Other1"));

  /* Through a symbolic link: the temporary files sit beside the file it names */
  g_file_make_directory (real_dir, NULL, &error);
  g_assert_no_error (error);
  write_file (real, canonical_plan);
  g_file_make_symbolic_link (link, "real/plan.cycle", NULL, &error);
  g_assert_no_error (error);
  make_temp_file (real_dir, ".plan.cycle.cycle-Crash3.tmp", now_seconds ());
  linked = cycle_document_new_from_file (link, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (child_exists (real_dir, ".plan.cycle.cycle-Crash3.tmp"));
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GFile) file = child_file (fixture, "missing.cycle");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = cycle_document_new_from_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, g_file_peek_path (file)));
}

static void
test_not_a_plan (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GFile) file = child_file (fixture, "notes.cycle");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  write_file (file, "{ \"format\": ");
  document = cycle_document_new_from_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_assert_true (error->domain == CYCLE_FILE_ERROR);
  g_clear_error (&error);

  document = cycle_document_new_from_file (fixture->dir, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);

  /* A device is refused before reading: /dev/zero would never end */
  if (g_file_test ("/dev/null", G_FILE_TEST_EXISTS))
    {
      g_autoptr(GFile) device = g_file_new_for_path ("/dev/null");

      document = cycle_document_new_from_file (device, NULL, &error);
      g_assert_null (document);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_assert_nonnull (strstr (error->message, "/dev/null"));
    }
}

static void
make_sparse_file (GFile  *file,
                  gint64  size)
{
  write_file (file, canonical_plan);
  g_assert_cmpint (truncate (g_file_peek_path (file), size), ==, 0);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GFile) file = child_file (fixture, "huge.cycle");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;

  make_sparse_file (file, (gint64) 300 * MIB);
  document = cycle_document_new_from_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "the file is 300 MiB; Cycle opens plans of at most 256 MiB");
  described = cycle_file_error_describe (error, "huge.cycle");
  g_assert_cmpstr (described, ==,
                   "huge.cycle: the file is 300 MiB; Cycle opens plans of at most 256 MiB");
  g_clear_error (&error);

  /* One byte over is over, and does not read as "256 MiB" */
  make_sparse_file (file, (gint64) CYCLE_FILE_MAX_SIZE + 1);
  document = cycle_document_new_from_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "the file is 257 MiB; Cycle opens plans of at most 256 MiB");
}

static void
test_unwritable_not_directory (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GFile) regular = child_file (fixture, "regular");
  g_autoptr(GFile) target = g_file_get_child (regular, "plan.cycle");
  g_autoptr(CycleDocument) document = cycle_document_new ();
  g_autoptr(GError) error = NULL;

  write_file (regular, "not a directory");
  cycle_plan_set_title (cycle_document_get_plan (document), "Unsaved");

  g_assert_false (cycle_document_save (document, target, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  assert_unsaved (document, NULL, "Unsaved");
  assert_file_contents (regular, "not a directory");
}

static void
test_unwritable_is_directory (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GFile) file = child_file (fixture, "plan.cycle");
  g_autoptr(GFile) directory = child_file (fixture, "folder.cycle");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  document = new_saved_document (file, "Unsaved");
  saved = read_file (file);
  g_file_make_directory (directory, NULL, &error);
  g_assert_no_error (error);

  g_assert_false (cycle_document_save (document, directory, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  assert_unsaved (document, file, "Unsaved");
  assert_file_contents (file, saved);
  g_assert_cmpint (g_file_query_file_type (directory, G_FILE_QUERY_INFO_NONE, NULL), ==,
                   G_FILE_TYPE_DIRECTORY);
  g_assert_cmpuint (count_temp_files (fixture->dir), ==, 0);
}

/* Root ignores permissions, so this one needs an ordinary user. */
static void
test_unwritable_permissions (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GFile) locked = child_file (fixture, "locked");
  g_autoptr(GFile) file = g_file_get_child (locked, "plan.cycle");
  g_autoptr(GFile) new_file = g_file_get_child (locked, "new.cycle");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root can write to read-only directories");
      return;
    }

  g_file_make_directory (locked, NULL, &error);
  g_assert_no_error (error);
  document = new_saved_document (file, "Unsaved");
  saved = read_file (file);

  g_assert_cmpint (g_chmod (g_file_peek_path (file), 0444), ==, 0);
  g_assert_cmpint (g_chmod (g_file_peek_path (locked), 0555), ==, 0);

  g_assert_false (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_clear_error (&error);
  assert_unsaved (document, file, "Unsaved");

  g_assert_false (cycle_document_save (document, new_file, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  assert_unsaved (document, file, "Unsaved");
  g_assert_false (g_file_query_exists (new_file, NULL));

  g_assert_cmpint (g_chmod (g_file_peek_path (locked), 0755), ==, 0);
  assert_file_contents (file, saved);
  g_assert_cmpuint (count_temp_files (locked), ==, 0);
}

/* Mounts made in a mount namespace of this process's own vanish with it, even when an
 * assertion aborts the test before it unmounts. */
static gboolean
enter_private_mount_namespace (void)
{
#ifdef __linux__
  static int entered = -1;

  if (entered < 0)
    {
      entered = unshare (CLONE_NEWNS) == 0 &&
                mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
      if (!entered)
        g_test_message ("no mount namespace: %s", g_strerror (errno));
    }

  return entered;
#else
  return FALSE;
#endif
}

/* A small file system of our own, when this process may mount one (root, few containers). */
static gboolean
mount_tmpfs (GFile      *dir,
             const char *options)
{
  g_autoptr(GError) error = NULL;

  g_file_make_directory (dir, NULL, &error);
  g_assert_no_error (error);

  if (!enter_private_mount_namespace ())
    return FALSE;

#ifdef __linux__
  if (mount ("tmpfs", g_file_peek_path (dir), "tmpfs", MS_NOSUID | MS_NODEV, options) == 0)
    return TRUE;
  g_test_message ("mount: %s", g_strerror (errno));
#endif

  return FALSE;
}

static void
unmount (GFile *dir)
{
#ifdef __linux__
  g_assert_cmpint (umount2 (g_file_peek_path (dir), MNT_DETACH), ==, 0);
#endif
}

static void
test_unwritable_read_only_fs (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GFile) mnt = child_file (fixture, "ro");
  g_autoptr(GFile) file = g_file_get_child (mnt, "plan.cycle");
  g_autoptr(GFile) new_file = g_file_get_child (mnt, "new.cycle");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  if (!mount_tmpfs (mnt, "size=64k"))
    {
      g_test_skip ("cannot mount a file system here");
      return;
    }

  document = new_saved_document (file, "Unsaved");
  saved = read_file (file);

#ifdef __linux__
  g_assert_cmpint (mount ("tmpfs", g_file_peek_path (mnt), "tmpfs",
                          MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, "size=64k"), ==, 0);
#endif

  g_assert_false (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_clear_error (&error);
  assert_unsaved (document, file, "Unsaved");
  assert_file_contents (file, saved);

  g_assert_false (cycle_document_save (document, new_file, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  assert_unsaved (document, file, "Unsaved");
  g_assert_false (g_file_query_exists (new_file, NULL));

  unmount (mnt);
}

static void
fill_file_system (GFile *file)
{
  char block[4096];
  int fd;

  memset (block, 'x', sizeof block);
  fd = g_open (g_file_peek_path (file), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);

  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  g_assert_cmpint (close (fd), ==, 0);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GFile) mnt = child_file (fixture, "small");
  g_autoptr(GFile) file = g_file_get_child (mnt, "plan.cycle");
  g_autoptr(GFile) new_file = g_file_get_child (mnt, "new.cycle");
  g_autoptr(GFile) filler = g_file_get_child (mnt, "filler");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *text = NULL;

  if (!mount_tmpfs (mnt, "size=16k"))
    {
      g_test_skip ("cannot mount a small file system here");
      return;
    }

  document = new_saved_document (file, "Unsaved");
  saved = read_file (file);
  fill_file_system (filler);

  g_assert_false (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  assert_unsaved (document, file, "Unsaved");
  assert_file_contents (file, saved);
  g_assert_cmpuint (count_temp_files (mnt), ==, 0);

  /* A new file that could not be written whole is not left behind */
  g_assert_false (cycle_document_save (document, new_file, FALSE, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  assert_unsaved (document, file, "Unsaved");
  g_assert_false (g_file_query_exists (new_file, NULL));

  /* With room again, the same document saves */
  g_file_delete (filler, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cycle_document_save (document, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);
  text = plan_text (cycle_document_get_plan (document));
  assert_file_contents (file, text);
  g_assert_false (cycle_plan_get_modified (cycle_document_get_plan (document)));

  unmount (mnt);
}

/* Loading in a worker thread: progress, then the document; cancelled, G_IO_ERROR_CANCELLED at
 * the next check, nothing left behind (the sanitizers' run checks leaks). */
typedef struct
{
  GCancellable  *cancel_at_first;   /* cancelled by the first progress report */
  gint64         cancelled_at;      /* monotonic µs, set by the worker thread */
  gint64         finished_at;
  gint           reports;
  CycleDocument *document;
  GError        *error;
  gboolean       done;
} AsyncLoad;

static void
on_load_progress (gsize    done,
                  gsize    total,
                  gpointer user_data)
{
  AsyncLoad *load = user_data;

  g_assert_cmpuint (done, <=, total);
  if (g_atomic_int_add (&load->reports, 1) == 0 && load->cancel_at_first != NULL)
    {
      load->cancelled_at = g_get_monotonic_time ();
      g_cancellable_cancel (load->cancel_at_first);
    }
}

static void
on_load_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncLoad *load = user_data;

  load->document = cycle_document_load_finish (result, &load->error);
  load->finished_at = g_get_monotonic_time ();
  load->done = TRUE;
}

static void
test_load_async (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->path, "big.cycle", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new ("{\"format\":\"org.example.Cycle\",\"version\":1,"
                                          "\"personas\":[],\"stages\":[{\"id\":\"s1\","
                                          "\"name\":\"A\",\"content\":[");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  AsyncLoad load = { 0 };

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (text, "%s{\"id\":\"c%u\",\"title\":\"t\"}", i > 0 ? "," : "", i);
  g_string_append (text, "]}]}");
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);

  cycle_document_load_async (file, on_load_progress, &load, NULL, on_load_done, &load);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (load.error);
  g_assert_nonnull (load.document);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_all_content (
                      cycle_document_get_plan (load.document))), ==, 200000);
  g_assert_cmpint (load.reports, >, 2);
  g_assert_finalize_object (load.document);

  memset (&load, 0, sizeof load);
  load.cancel_at_first = cancellable;
  cycle_document_load_async (file, on_load_progress, &load, cancellable, on_load_done, &load);
  while (!load.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (load.document);
  g_assert_error (load.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&load.error);
  g_test_message ("a load of %.1f MiB cancelled at its first progress report ended %.1f ms later",
                  text->len / 1048576.0, (load.finished_at - load.cancelled_at) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/new", test_new);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/document/display-name", test_display_name);
  ADD ("/document/load-save-identical", test_load_save_identical);
  ADD ("/document/save-atomic", test_save_atomic);
  ADD ("/document/changed-on-disk", test_changed_on_disk);
  ADD ("/document/save-as", test_save_as);
  ADD ("/document/changed-on-disk/same-mtime", test_changed_same_mtime);
  ADD ("/document/recovered-stamp", test_recovered_stamp);
  ADD ("/document/save-too-large", test_save_too_large);
  ADD ("/document/item-limits", test_item_limits);
  ADD ("/document/targets", test_targets);
  ADD ("/document/cleanup-temp-files", test_cleanup_temp_files);
  ADD ("/document/cleanup-on-load-and-save", test_cleanup_on_load_and_save);
  ADD ("/document/load/missing", test_missing);
  ADD ("/document/load/not-a-plan", test_not_a_plan);
  ADD ("/document/load/too-large", test_too_large);
  ADD ("/document/unwritable/not-directory", test_unwritable_not_directory);
  ADD ("/document/unwritable/is-directory", test_unwritable_is_directory);
  ADD ("/document/unwritable/permissions", test_unwritable_permissions);
  ADD ("/document/unwritable/read-only-fs", test_unwritable_read_only_fs);
  ADD ("/document/disk-full", test_disk_full);
  ADD ("/document/load-async", test_load_async);

#undef ADD

  return g_test_run ();
}
