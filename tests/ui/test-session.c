/* test-session.c: settings, autosaved drafts and recovery after a crash, preferences and about
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-session"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cycle-application.h"
#include "cycle-drafts.h"
#include "cycle-preferences.h"
#include "cycle-templates.h"
#include "cycle-window.h"
#include "ui-test-util.h"

static CycleApplication *app;
static char *data_home;

static CycleWindow *
find_cycle_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CYCLE_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static GPtrArray *
list_drafts (void)
{
  g_autoptr(GFile) dir = cycle_drafts_get_default_dir ();

  return cycle_drafts_list (dir);
}

static guint
count_drafts (void)
{
  g_autoptr(GPtrArray) drafts = list_drafts ();

  return drafts->len;
}

static void
destroy_all (void)
{
  ui_test_destroy_toplevels ();
  g_assert_cmpuint (ui_test_count_windows (app), ==, 0);
}

/* A crash left a draft of a plan that belongs to a file: the app offers it back, Recover opens
 * it modified and attached to that file, and saving removes the draft. */
static void
test_recover (void)
{
  GSettings *settings = cycle_application_get_settings (app);
  g_autoptr(CyclePlan) plan = cycle_templates_create ("aida");
  g_autoptr(GFile) dir = cycle_drafts_get_default_dir ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cycle_drafts_new_id ();
  g_autofree char *path = g_build_filename (data_home, "launch.cycle", NULL);
  g_autoptr(GFile) original = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  CycleWindow *window;

  g_autoptr(CycleFileStamp) stamp = NULL;

  g_settings_set_uint (settings, "autosave-delay", 0);
  /* The original as it was when the plan was taken from it… */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"org.example.Cycle\", \"version\": 1}\n",
                                      -1, &error));
  {
    g_autoptr(CycleDocument) opened = cycle_document_new_from_file (original, NULL, &error);

    g_assert_no_error (error);
    stamp = cycle_file_stamp_copy (cycle_document_get_stamp (opened));
  }
  cycle_plan_set_title (plan, "Spring launch");
  g_assert_true (cycle_drafts_write (dir, id, plan, original, stamp, &error));
  g_assert_no_error (error);
  /* …and as another program left it since */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"org.example.Cycle\", \"version\": 2}\n",
                                      -1, &error));

  g_application_activate (G_APPLICATION (app));
  ui_test_wait_until (ui_test_find_message_dialog ("Recover Unsaved Changes?") != NULL);
  dialog = ui_test_find_message_dialog ("Recover Unsaved Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "• Spring launch"));
  adw_message_dialog_response (dialog, "recover");
  ui_test_drain ();

  /* Into the window that was still empty. */
  g_assert_cmpuint (ui_test_count_windows (app), ==, 1);
  window = find_cycle_window ();
  g_assert_nonnull (window);
  g_assert_cmpstr (cycle_plan_get_title (ui_test_window_plan (window)), ==, "Spring launch");
  g_assert_true (cycle_plan_get_modified (ui_test_window_plan (window)));
  g_assert_true (g_file_equal (cycle_document_get_file (cycle_window_get_document (window)),
                               original));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Spring launch");
  /* The draft stays until the plan is saved. */
  g_assert_cmpuint (count_drafts (), ==, 1);

  /* Saving it over a file changed since asks first, as for any plan */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  ui_test_wait_until (ui_test_find_message_dialog ("The File Changed on Disk") != NULL);
  g_assert_true (cycle_plan_get_modified (ui_test_window_plan (window)));
  g_assert_cmpuint (count_drafts (), ==, 1);
  adw_message_dialog_response (ui_test_find_message_dialog ("The File Changed on Disk"),
                               "overwrite");
  ui_test_drain ();
  g_assert_false (cycle_plan_get_modified (ui_test_window_plan (window)));
  g_assert_true (g_file_query_exists (original, NULL));
  g_assert_cmpuint (count_drafts (), ==, 0);

  destroy_all ();
  g_unlink (path);
  g_settings_reset (settings, "autosave-delay");
}

/* A change is written as a draft after autosave-delay; closing the window removes it. */
static void
test_autosave (void)
{
  GSettings *settings = cycle_application_get_settings (app);
  g_autoptr(GPtrArray) drafts = NULL;
  CycleWindow *window;

  g_settings_set_uint (settings, "autosave-delay", 1);
  window = cycle_window_new (GTK_APPLICATION (app), NULL);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpuint (count_drafts (), ==, 0);

  cycle_plan_set_title (ui_test_window_plan (window), "Autumn launch");
  ui_test_wait_until (count_drafts () == 1);
  drafts = list_drafts ();
  g_assert_cmpstr (((CycleDraft *) g_ptr_array_index (drafts, 0))->title, ==, "Autumn launch");
  g_assert_null (((CycleDraft *) g_ptr_array_index (drafts, 0))->uri);

  /* Undone back to what it was: nothing to recover. */
  g_assert_true (cycle_plan_undo (ui_test_window_plan (window)));
  g_assert_false (cycle_plan_get_modified (ui_test_window_plan (window)));
  g_assert_cmpuint (count_drafts (), ==, 0);

  /* 0 turns it off. */
  g_settings_set_uint (settings, "autosave-delay", 0);
  g_assert_true (cycle_plan_redo (ui_test_window_plan (window)));
  for (int i = 0; i < 3; i++)
    g_usleep (G_USEC_PER_SEC / 2), ui_test_drain ();
  g_assert_cmpuint (count_drafts (), ==, 0);

  g_settings_set_uint (settings, "autosave-delay", 1);
  ui_test_wait_until (count_drafts () == 1);
  destroy_all ();
  g_assert_cmpuint (count_drafts (), ==, 0);
  g_settings_reset (settings, "autosave-delay");
}

/* Steady editing, a change every quarter second, never pushes the draft back: it is written
 * at most autosave-delay seconds after the first change (the timer used to restart on every
 * change, and nothing was ever autosaved while someone kept working). */
static void
test_autosave_steady (void)
{
  GSettings *settings = cycle_application_get_settings (app);
  CycleWindow *window;
  gint64 start;
  gint64 written = 0;
  guint edits = 0;

  g_settings_set_uint (settings, "autosave-delay", 1);
  window = cycle_window_new (GTK_APPLICATION (app), NULL);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpuint (count_drafts (), ==, 0);

  start = g_get_monotonic_time ();
  while (g_get_monotonic_time () - start < 3 * G_USEC_PER_SEC)
    {
      g_autofree char *title = g_strdup_printf ("Edit %u", ++edits);

      cycle_plan_set_title (ui_test_window_plan (window), title);
      for (int i = 0; i < 5; i++)
        g_usleep (G_USEC_PER_SEC / 20), ui_test_drain ();
      if (written == 0 && count_drafts () == 1)
        written = g_get_monotonic_time () - start;
    }

  g_test_message ("%u edits; the first draft came %.2f s after the first", edits,
                  written / (double) G_USEC_PER_SEC);
  g_assert_cmpint (written, >, 0);
  /* One delay, and a little for a loaded machine */
  g_assert_cmpint (written, <, 2 * G_USEC_PER_SEC);

  destroy_all ();
  g_assert_cmpuint (count_drafts (), ==, 0);
  g_settings_reset (settings, "autosave-delay");
}

static void
count_failures_cb (CycleSession  *session,
                   CycleDocument *document,
                   const GError  *error,
                   guint         *count)
{
  g_assert_nonnull (strstr (error->message, "drafts"));
  (*count)++;
}

/* A draft that cannot be written is said once, not at every tick. */
static void
test_autosave_failure (void)
{
  GSettings *settings = cycle_application_get_settings (app);
  CycleSession *session = cycle_application_get_session (app);
  g_autoptr(GFile) dir = cycle_drafts_get_default_dir ();
  g_autoptr(GError) error = NULL;
  CycleWindow *window;
  gulong handler;
  guint failures = 0;

  /* A file where the drafts folder should be */
  g_assert_cmpuint (count_drafts (), ==, 0);
  g_file_delete (dir, NULL, NULL);
  g_assert_true (g_file_replace_contents (dir, "x", 1, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                          NULL, &error));
  g_assert_no_error (error);
  handler = g_signal_connect (session, "autosave-failed", G_CALLBACK (count_failures_cb),
                              &failures);

  g_settings_set_uint (settings, "autosave-delay", 1);
  window = cycle_window_new (GTK_APPLICATION (app), NULL);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  for (guint i = 0; i < 14; i++)
    {
      g_autofree char *title = g_strdup_printf ("Edit %u", i);

      cycle_plan_set_title (ui_test_window_plan (window), title);
      for (int j = 0; j < 5; j++)
        g_usleep (G_USEC_PER_SEC / 20), ui_test_drain ();
    }
  g_assert_cmpuint (failures, ==, 1);

  /* Room again: drafts are written, and a new failure would be said again */
  g_file_delete (dir, NULL, &error);
  g_assert_no_error (error);
  ui_test_wait_until (count_drafts () == 1);
  g_assert_cmpuint (failures, ==, 1);

  g_signal_handler_disconnect (session, handler);
  destroy_all ();
  g_settings_reset (settings, "autosave-delay");
}

/* A save refused for a reason another name or folder avoids (here: a file with a second name)
 * says what and where, leaves the file, keeps the work, and offers Save As. */
static void
test_save_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cycle-test-refused-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.cycle", NULL);
  g_autofree char *other = g_build_filename (dir, "second-name.cycle", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CyclePlan) plan = cycle_templates_create ("aida");
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  CycleWindow *window;

  document = cycle_document_new_for_file (plan, NULL, NULL);
  g_assert_true (cycle_document_save (document, file, FALSE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (link (path, other), ==, 0);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  window = cycle_window_new (GTK_APPLICATION (app), NULL);
  cycle_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  cycle_plan_set_title (plan, "Not saved");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  ui_test_wait_until (ui_test_find_message_dialog ("Could Not Save") != NULL);
  dialog = ui_test_find_message_dialog ("Could Not Save");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "hard links"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "save-as");
  adw_message_dialog_response (dialog, "close");
  ui_test_drain ();

  g_assert_true (cycle_plan_get_modified (plan));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  destroy_all ();
  g_unlink (path);
  g_unlink (other);
  g_rmdir (dir);
}

/* New windows take their size, and new plans their template and layout, from the settings;
 * choosing a layout becomes the next plan's. */
static void
test_settings (void)
{
  GSettings *settings = cycle_application_get_settings (app);
  CycleWindow *window;
  int width = 0;
  int height = 0;

  g_settings_set_int (settings, "window-width", 700);
  g_settings_set_int (settings, "window-height", 500);
  g_settings_set_string (settings, "default-template", "aida");
  g_settings_set_string (settings, "last-layout", "cycle");

  window = cycle_window_new (GTK_APPLICATION (app), NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 700);
  g_assert_cmpint (height, ==, 500);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_stages (ui_test_window_plan (window))),
                    >, 0);
  g_assert_cmpint (cycle_plan_get_layout (ui_test_window_plan (window)), ==, CYCLE_LAYOUT_CYCLE);
  g_assert_false (cycle_plan_get_modified (ui_test_window_plan (window)));
  g_assert_false (cycle_plan_can_undo (ui_test_window_plan (window)));
  g_assert_true (cycle_window_is_pristine (window));

  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.layout", "s", "funnel"));
  g_assert_cmpint (cycle_plan_get_layout (ui_test_window_plan (window)), ==, CYCLE_LAYOUT_FUNNEL);
  {
    g_autofree char *layout = g_settings_get_string (settings, "last-layout");

    g_assert_cmpstr (layout, ==, "funnel");
  }

  /* Closing stores the size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  g_assert_true (cycle_plan_undo (ui_test_window_plan (window)));
  gtk_window_close (GTK_WINDOW (window));
  ui_test_drain ();
  g_assert_cmpuint (ui_test_count_windows (app), ==, 0);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);

  destroy_all ();
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "default-template");
  g_settings_reset (settings, "last-layout");
}

/* The style follows the setting; the Preferences and About windows open from their actions. */
static void
test_preferences_about (void)
{
  GSettings *settings = cycle_application_get_settings (app);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *preferences;
  GtkWindow *about;
  CycleWindow *window;

  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_settings_reset (settings, "color-scheme");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  window = cycle_window_new (GTK_APPLICATION (app), NULL);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ui_test_wait_until (ui_test_find_toplevel (CYCLE_TYPE_PREFERENCES, NULL) != NULL);
  preferences = ui_test_find_toplevel (CYCLE_TYPE_PREFERENCES, NULL);
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (preferences)));
  /* Bound both ways: a change of the setting shows in the window. */
  g_settings_set_uint (settings, "autosave-delay", 42);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 42);
  g_settings_reset (settings, "autosave-delay");

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  ui_test_wait_until (ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL) != NULL);
  about = ui_test_find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL);
  g_assert_cmpstr (adw_about_window_get_license (ADW_ABOUT_WINDOW (about)), ==, "");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==,
                   GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)), !=, NULL);

  destroy_all ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything asks GLib for the folder: the drafts of this run only. */
  data_home = ui_test_data_home_new ("cycle-test-session-XXXXXX");

  g_test_init (&argc, &argv, NULL);

  app = ui_test_app_new ();
  /* Held, so that closing the last window does not end it between tests. */
  g_application_hold (G_APPLICATION (app));

  /* First: the app offers recovery with its first window only. */
  g_test_add_func ("/session/recover", test_recover);
  g_test_add_func ("/session/autosave", test_autosave);
  g_test_add_func ("/session/autosave-steady", test_autosave_steady);
  g_test_add_func ("/session/autosave-failure", test_autosave_failure);
  g_test_add_func ("/session/save-refused", test_save_refused);
  g_test_add_func ("/session/settings", test_settings);
  g_test_add_func ("/session/preferences-about", test_preferences_about);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  ui_test_data_home_free (data_home);

  return status;
}
