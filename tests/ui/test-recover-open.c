/* test-recover-open.c: a draft recovered into the window that opened its file
 *
 * Recovery is offered once per run of the application, so this scenario has a test program of
 * its own (test-session.c has the one that starts without a file).
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-recover-open"

#include "config.h"

#include <glib/gstdio.h>

#include "cycle-application.h"
#include "cycle-document.h"
#include "cycle-drafts.h"
#include "cycle-templates.h"
#include "cycle-window.h"
#include "ui-test-util.h"

static CycleApplication *app;
static char *data_home;

/* A crash left a draft of a plan file, and Cycle is started on that very file (from the file
 * manager, or `cycle plan.cycle`). Recover puts the draft into the window that opened the file:
 * one window, the recovered plan, attached to the file and saved without a question, rather
 * than a second window beside one still showing the plan from before the crash. */
static void
test_recover_into_opened (void)
{
  GSettings *settings = cycle_application_get_settings (app);
  g_autoptr(CyclePlan) plan = cycle_templates_create ("aida");
  g_autoptr(GFile) dir = cycle_drafts_get_default_dir ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cycle_drafts_new_id ();
  g_autofree char *path = g_build_filename (data_home, "launch.cycle", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CycleDocument) saved = NULL;
  AdwMessageDialog *dialog;
  CycleWindow *window;

  g_settings_set_uint (settings, "autosave-delay", 0);
  cycle_plan_set_title (plan, "Launch");
  saved = cycle_document_new_for_file (plan, file, NULL);
  g_assert_true (cycle_document_save (saved, NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  /* The edit the crash left unsaved */
  cycle_plan_set_title (plan, "Spring launch");
  g_assert_true (cycle_drafts_write (dir, id, plan, file, cycle_document_get_stamp (saved),
                                     &error));
  g_assert_no_error (error);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  ui_test_wait_until (ui_test_find_message_dialog ("Recover Unsaved Changes?") != NULL);
  window = ui_test_get_window (app);
  ui_test_wait_until (!cycle_window_is_opening (window));
  g_assert_cmpstr (cycle_plan_get_title (ui_test_window_plan (window)), ==, "Launch");

  dialog = ui_test_find_message_dialog ("Recover Unsaved Changes?");
  adw_message_dialog_response (dialog, "recover");
  ui_test_drain ();

  g_assert_cmpuint (ui_test_count_windows (app), ==, 1);
  g_assert_true (ui_test_get_window (app) == window);
  g_assert_cmpstr (cycle_plan_get_title (ui_test_window_plan (window)), ==, "Spring launch");
  g_assert_true (cycle_plan_get_modified (ui_test_window_plan (window)));
  g_assert_true (g_file_equal (cycle_document_get_file (cycle_window_get_document (window)),
                               file));

  /* The file is as the draft knew it: saving asks nothing, and the draft goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  ui_test_drain ();
  g_assert_null (ui_test_find_message_dialog ("The File Changed on Disk"));
  g_assert_false (cycle_plan_get_modified (ui_test_window_plan (window)));
  {
    g_autoptr(GPtrArray) drafts = cycle_drafts_list (dir);

    g_assert_cmpuint (drafts->len, ==, 0);
  }

  ui_test_destroy_toplevels ();
  g_unlink (path);
  g_settings_reset (settings, "autosave-delay");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything asks GLib for the folder: the drafts of this run only. */
  data_home = ui_test_data_home_new ("cycle-test-recover-open-XXXXXX");

  g_test_init (&argc, &argv, NULL);

  app = ui_test_app_new ();
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/recover-open/into-opened-window", test_recover_into_opened);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  ui_test_data_home_free (data_home);

  return status;
}
