/* test-autosave.c: the session that autosaves open plans as drafts (cycle-session.c), without
 * a display
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cycle-drafts.h"
#include "cycle-session.h"

typedef struct
{
  GSettings *settings;
  GFile     *dir;
  char      *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->settings = g_settings_new ("org.example.Cycle");
  fixture->path = g_dir_make_tmp ("cycle-test-autosave-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->dir = g_file_new_for_path (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) drafts = cycle_drafts_list (fixture->dir);

  for (guint i = 0; i < drafts->len; i++)
    cycle_drafts_delete (fixture->dir, ((CycleDraft *) g_ptr_array_index (drafts, i))->id, NULL);
  g_rmdir (fixture->path);
  g_free (fixture->path);
  g_object_unref (fixture->dir);
  g_settings_reset (fixture->settings, "autosave-delay");
  g_object_unref (fixture->settings);
}

static guint
count_drafts (Fixture *fixture)
{
  g_autoptr(GPtrArray) drafts = cycle_drafts_list (fixture->dir);

  return drafts->len;
}

static void
on_timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* A draft comes one delay after the first change, however the plan keeps changing; it goes
 * when the plan is undone back to what is saved */
static void
test_delay (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(CycleSession) session = cycle_session_new (fixture->settings, fixture->dir);
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CycleDocument) document = cycle_document_new_for_file (plan, NULL, NULL);
  gint64 first_change;
  gboolean gave_up = FALSE;
  guint n_changes = 0;
  guint give_up_id;

  g_settings_set_uint (fixture->settings, "autosave-delay", 1);
  cycle_session_add_document (session, document, NULL);
  g_assert_cmpuint (count_drafts (fixture), ==, 0);

  /* Steady editing: a change every 100 ms never pushes the draft back */
  first_change = g_get_monotonic_time ();
  give_up_id = g_timeout_add_once (30000, on_timeout_cb, &gave_up);
  while (count_drafts (fixture) == 0 && !gave_up)
    {
      g_autoptr(CycleStage) stage = cycle_stage_new ("Visitors");

      cycle_plan_add_stage (plan, stage, -1);
      n_changes++;
      g_usleep (100000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_assert_false (gave_up);
  g_source_remove (give_up_id);
  g_test_message ("draft written %.1f s after the first of %u changes",
                  (g_get_monotonic_time () - first_change) / 1e6, n_changes);
  /* One delay, give or take a change: not one delay after the last change */
  g_assert_cmpuint (n_changes, <, 30);
  g_assert_cmpuint (count_drafts (fixture), ==, 1);

  /* An open document's draft is its own, not an orphan */
  {
    g_autoptr(GPtrArray) orphans = cycle_session_list_orphans (session);

    g_assert_cmpuint (orphans->len, ==, 0);
  }

  /* Undone to the saved (empty) state: nothing to recover */
  while (cycle_plan_undo (plan))
    ;
  g_assert_false (cycle_plan_get_modified (plan));
  g_assert_cmpuint (count_drafts (fixture), ==, 0);
}

/* What a crash leaves: a draft no open document owns, with the plan's title */
static void
test_orphans (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(CycleSession) session = cycle_session_new (fixture->settings, fixture->dir);
  g_autoptr(CycleSession) next = NULL;
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CycleDocument) document = cycle_document_new_for_file (plan, NULL, NULL);
  g_autoptr(CycleStage) stage = cycle_stage_new ("Leads");
  g_autoptr(GPtrArray) orphans = NULL;

  g_settings_set_uint (fixture->settings, "autosave-delay", 0);
  cycle_session_add_document (session, document, NULL);

  /* Unmodified: nothing to write */
  g_assert_false (cycle_session_save_draft_now (session, document));
  cycle_plan_set_title (plan, "Spring launch");
  cycle_plan_add_stage (plan, stage, -1);
  g_assert_true (cycle_session_save_draft_now (session, document));
  g_assert_cmpuint (count_drafts (fixture), ==, 1);

  /* Another session, as after a crash: the draft is an orphan, the plan in it */
  next = cycle_session_new (fixture->settings, fixture->dir);
  orphans = cycle_session_list_orphans (next);
  g_assert_cmpuint (orphans->len, ==, 1);
  g_assert_cmpstr (((CycleDraft *) g_ptr_array_index (orphans, 0))->title, ==, "Spring launch");

  /* Closed on purpose: the draft goes */
  cycle_session_remove_document (session, document);
  g_assert_cmpuint (count_drafts (fixture), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/autosave/delay", test_delay);
  ADD ("/autosave/orphans", test_orphans);

#undef ADD

  return g_test_run ();
}
