/* test-session.c: settings, autosaved drafts and recovery after a crash, preferences and about
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-session"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cycle-application.h"
#include "cycle-drafts.h"
#include "cycle-preferences.h"
#include "cycle-templates.h"
#include "cycle-window.h"

#define WAIT_USEC (10 * G_USEC_PER_SEC)

static CycleApplication *app;
static char *data_home;

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Iterates the main context until @cond holds, failing the test after WAIT_USEC. */
#define wait_until(cond) \
  G_STMT_START { \
    gint64 end_ = g_get_monotonic_time () + WAIT_USEC; \
    guint wake_ = g_timeout_add (20, wake_cb, NULL); \
    while (!(cond)) \
      { \
        if (g_get_monotonic_time () > end_) \
          g_error ("timed out waiting for %s", #cond); \
        g_main_context_iteration (NULL, TRUE); \
      } \
    g_source_remove (wake_); \
  } G_STMT_END

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static guint
count_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* The visible toplevel of @type (with @heading, for a message dialog), or NULL. */
static GtkWindow *
find_toplevel (GType       type,
               const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (window, type) ||
          !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      if (heading != NULL &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) != 0)
        continue;
      return window;
    }

  return NULL;
}

static CycleWindow *
find_cycle_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (CYCLE_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static CyclePlan *
window_plan (CycleWindow *window)
{
  return cycle_document_get_plan (cycle_window_get_document (window));
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
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  drain ();
  g_assert_cmpuint (count_windows (), ==, 0);
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

  g_settings_set_uint (settings, "autosave-delay", 0);
  cycle_plan_set_title (plan, "Spring launch");
  g_assert_true (cycle_drafts_write (dir, id, plan, original, &error));
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (app));
  wait_until (find_toplevel (ADW_TYPE_MESSAGE_DIALOG, "Recover Unsaved Changes?") != NULL);
  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG,
                                              "Recover Unsaved Changes?"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "• Spring launch"));
  adw_message_dialog_response (dialog, "recover");
  drain ();

  /* Into the window that was still empty. */
  g_assert_cmpuint (count_windows (), ==, 1);
  window = find_cycle_window ();
  g_assert_nonnull (window);
  g_assert_cmpstr (cycle_plan_get_title (window_plan (window)), ==, "Spring launch");
  g_assert_true (cycle_plan_get_modified (window_plan (window)));
  g_assert_true (g_file_equal (cycle_document_get_file (cycle_window_get_document (window)),
                               original));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "• Spring launch");
  /* The draft stays until the plan is saved. */
  g_assert_cmpuint (count_drafts (), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  drain ();
  g_assert_false (cycle_plan_get_modified (window_plan (window)));
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
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpuint (count_drafts (), ==, 0);

  cycle_plan_set_title (window_plan (window), "Autumn launch");
  wait_until (count_drafts () == 1);
  drafts = list_drafts ();
  g_assert_cmpstr (((CycleDraft *) g_ptr_array_index (drafts, 0))->title, ==, "Autumn launch");
  g_assert_null (((CycleDraft *) g_ptr_array_index (drafts, 0))->uri);

  /* Undone back to what it was: nothing to recover. */
  g_assert_true (cycle_plan_undo (window_plan (window)));
  g_assert_false (cycle_plan_get_modified (window_plan (window)));
  g_assert_cmpuint (count_drafts (), ==, 0);

  /* 0 turns it off. */
  g_settings_set_uint (settings, "autosave-delay", 0);
  g_assert_true (cycle_plan_redo (window_plan (window)));
  for (int i = 0; i < 3; i++)
    g_usleep (G_USEC_PER_SEC / 2), drain ();
  g_assert_cmpuint (count_drafts (), ==, 0);

  g_settings_set_uint (settings, "autosave-delay", 1);
  wait_until (count_drafts () == 1);
  destroy_all ();
  g_assert_cmpuint (count_drafts (), ==, 0);
  g_settings_reset (settings, "autosave-delay");
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
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_stages (window_plan (window))), >,
                    0);
  g_assert_cmpint (cycle_plan_get_layout (window_plan (window)), ==, CYCLE_LAYOUT_CYCLE);
  g_assert_false (cycle_plan_get_modified (window_plan (window)));
  g_assert_false (cycle_plan_can_undo (window_plan (window)));
  g_assert_true (cycle_window_is_pristine (window));

  gtk_window_present (GTK_WINDOW (window));
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.layout", "s", "funnel"));
  g_assert_cmpint (cycle_plan_get_layout (window_plan (window)), ==, CYCLE_LAYOUT_FUNNEL);
  {
    g_autofree char *layout = g_settings_get_string (settings, "last-layout");

    g_assert_cmpstr (layout, ==, "funnel");
  }

  /* Closing stores the size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  g_assert_true (cycle_plan_undo (window_plan (window)));
  gtk_window_close (GTK_WINDOW (window));
  drain ();
  g_assert_cmpuint (count_windows (), ==, 0);
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
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  wait_until (find_toplevel (CYCLE_TYPE_PREFERENCES, NULL) != NULL);
  preferences = find_toplevel (CYCLE_TYPE_PREFERENCES, NULL);
  wait_until (gtk_widget_get_mapped (GTK_WIDGET (preferences)));
  /* Bound both ways: a change of the setting shows in the window. */
  g_settings_set_uint (settings, "autosave-delay", 42);
  g_assert_cmpuint (g_settings_get_uint (settings, "autosave-delay"), ==, 42);
  g_settings_reset (settings, "autosave-delay");

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  wait_until (find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL) != NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW, NULL);
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
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything asks GLib for the folder: the drafts of this run only. */
  data_home = g_dir_make_tmp ("cycle-test-session-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_test_init (&argc, &argv, NULL);

  app = cycle_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  /* Held, so that closing the last window does not end it between tests. */
  g_application_hold (G_APPLICATION (app));

  /* First: the app offers recovery with its first window only. */
  g_test_add_func ("/session/recover", test_recover);
  g_test_add_func ("/session/autosave", test_autosave);
  g_test_add_func ("/session/settings", test_settings);
  g_test_add_func ("/session/preferences-about", test_preferences_about);

  status = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_object_unref (app);
  {
    g_autoptr(GFile) dir = cycle_drafts_get_default_dir ();
    g_autoptr(GFile) parent = g_file_get_parent (dir);
    g_autofree char *recent = g_build_filename (data_home, "recently-used.xbel", NULL);

    g_file_delete (dir, NULL, NULL);
    g_file_delete (parent, NULL, NULL);
    g_unlink (recent);
    g_rmdir (data_home);
  }
  g_free (data_home);

  return status;
}
