/* test-window.c: the main window, driven through its actions on a real (virtual) display
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <json-glib/json-glib.h>

#include "cycle-application.h"
#include "cycle-canvas-private.h"
#include "cycle-stage-widget.h"
#include "cycle-template-dialog.h"
#include "cycle-window.h"
#include "cycle-window-private.h"
#include "ui-test-util.h"

static CycleApplication *app;

/* ------------------------------------------------------------------------------------------------
 * Helpers
 */

static gboolean
button_has_action (GtkWidget     *widget,
                   gconstpointer  action)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Whether the header bar's button for @action can be clicked. */
static gboolean
button_sensitive (CycleWindow *window,
                  const char  *action)
{
  GtkWidget *button = ui_test_find_widget_full (GTK_WIDGET (window), GTK_TYPE_BUTTON, TRUE,
                                                button_has_action, action);

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

static gboolean
stage_has_name (GtkWidget     *widget,
                gconstpointer  name)
{
  CycleStage *stage = cycle_stage_widget_get_stage (CYCLE_STAGE_WIDGET (widget));

  return g_strcmp0 (cycle_stage_get_name (stage), name) == 0;
}

/* The canvas's widget for the stage named @name. */
static GtkWidget *
find_stage_widget (CycleWindow *window,
                   const char  *name)
{
  return ui_test_find_widget_full (GTK_WIDGET (window), CYCLE_TYPE_STAGE_WIDGET, TRUE,
                                   stage_has_name, name);
}

static CycleCanvas *
find_canvas (CycleWindow *window)
{
  GtkWidget *canvas = ui_test_find_widget (GTK_WIDGET (window), CYCLE_TYPE_CANVAS, TRUE);

  g_assert_nonnull (canvas);
  return CYCLE_CANVAS (canvas);
}

static void
select_stage (CycleWindow *window,
              const char  *id)
{
  CycleStage *stage = cycle_plan_find_stage (cycle_document_get_plan (
                                               cycle_window_get_document (window)), id);

  g_assert_nonnull (stage);
  cycle_canvas_select_stage (find_canvas (window), stage, CYCLE_SELECT_REPLACE);
  ui_test_drain ();
}

static void
activate (CycleWindow *window,
          const char  *action)
{
  ui_test_activate (GTK_WIDGET (window), action, NULL);
}

/* Windows, dialogs and files of one test. */
typedef struct
{
  char  *dir;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ui_test_copy_sample ("cycle-test-window-XXXXXX", &fixture->file);

  g_assert_cmpuint (ui_test_count_windows (app), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_destroy_windows (app);
  g_assert_cmpuint (ui_test_count_windows (app), ==, 0);

  ui_test_clear_temp_copy (&fixture->dir, &fixture->file);
}

static CycleWindow *
open_sample (Fixture *fixture)
{
  CycleWindow *window = ui_test_open_file (app, fixture->file);

  ui_test_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static char *
read_first_stage_name (GFile *file)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  JsonObject *root;
  JsonArray *stages;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  stages = json_object_get_array_member (root, "stages");
  return g_strdup (json_object_get_string_member (json_array_get_object_element (stages, 0),
                                                  "name"));
}

/* ------------------------------------------------------------------------------------------------
 * Tests
 */

static void
test_rename_undo_save (Fixture       *fixture,
                       gconstpointer  data)
{
  CycleWindow *window = open_sample (fixture);
  CyclePlan *plan = ui_test_window_plan (window);
  CycleStage *stage = cycle_plan_find_stage (plan, "s1");
  CycleCanvas *canvas = find_canvas (window);
  GtkEditable *entry;
  GtkWidget *focus;
  g_autofree char *saved_name = NULL;

  g_assert_nonnull (stage);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Coffee club");
  g_assert_false (cycle_plan_get_modified (plan));
  g_assert_false (button_sensitive (window, "win.undo"));
  g_assert_false (button_sensitive (window, "win.redo"));

  /* Nothing is selected yet: renaming has nothing to act on. */
  g_assert_nonnull (find_stage_widget (window, "Visitors"));
  g_assert_null (cycle_canvas_get_selected_stage (canvas));

  /* With the first stage selected on the canvas, F2's action puts a name entry over it. */
  select_stage (window, "s1");
  activate (window, "win.rename-stage");
  entry = cycle_canvas_get_rename_entry (canvas);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Visitors");

  gtk_editable_set_text (entry, "Strangers");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (GTK_IS_TEXT (focus));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));
  g_signal_emit_by_name (focus, "activate");  /* what Enter does */
  ui_test_drain ();

  g_assert_null (cycle_canvas_get_rename_entry (canvas));
  g_assert_cmpstr (cycle_stage_get_name (stage), ==, "Strangers");
  g_assert_nonnull (find_stage_widget (window, "Strangers"));
  g_assert_true (cycle_plan_get_modified (plan));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_true (button_sensitive (window, "win.undo"));
  g_assert_false (button_sensitive (window, "win.redo"));

  activate (window, "win.undo");
  g_assert_cmpstr (cycle_stage_get_name (stage), ==, "Visitors");
  g_assert_nonnull (find_stage_widget (window, "Visitors"));
  g_assert_false (cycle_plan_get_modified (plan));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Coffee club");
  g_assert_false (button_sensitive (window, "win.undo"));
  g_assert_true (button_sensitive (window, "win.redo"));

  activate (window, "win.redo");
  g_assert_cmpstr (cycle_stage_get_name (stage), ==, "Strangers");
  g_assert_true (cycle_plan_get_modified (plan));

  activate (window, "win.save");
  g_assert_false (cycle_plan_get_modified (plan));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Coffee club");
  g_assert_null (ui_test_find_message_dialog ("Could Not Save"));
  saved_name = read_first_stage_name (fixture->file);
  g_assert_cmpstr (saved_name, ==, "Strangers");
}

static void
test_add_stage_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  CycleWindow *window = open_sample (fixture);
  CyclePlan *plan = ui_test_window_plan (window);
  GListModel *stages = cycle_plan_get_stages (plan);
  g_autoptr(CycleStage) added = NULL;
  guint n = g_list_model_get_n_items (stages);

  g_assert_cmpuint (n, ==, 3);

  /* After the selected (first) stage. */
  select_stage (window, "s1");
  activate (window, "win.add-stage");
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n + 1);
  added = g_list_model_get_item (stages, 1);
  g_assert_cmpstr (cycle_stage_get_name (added), ==, "New Stage");
  g_assert_true (cycle_plan_get_modified (plan));
  ui_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (find_stage_widget (window, "New Stage"));

  activate (window, "win.undo");
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n);
  g_assert_false (cycle_plan_get_modified (plan));
  ui_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (find_stage_widget (window, "New Stage"));

  /* Removing the selected stage offers to undo; undoing brings it back in its place. */
  select_stage (window, "s1");
  activate (window, "win.remove-stage");
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n - 1);
  g_assert_null (cycle_plan_find_stage (plan, "s1"));
  activate (window, "win.undo");
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n);
  {
    g_autoptr(CycleStage) first = g_list_model_get_item (stages, 0);

    g_assert_cmpstr (cycle_item_get_id (CYCLE_ITEM (first)), ==, "s1");
    g_assert_cmpuint (cycle_stage_get_n_content (first), ==, 2);
  }
  g_assert_false (cycle_plan_get_modified (plan));
}

static void
test_empty_window (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *other_dir = NULL;
  g_autoptr(GFile) other = NULL;
  CycleWindow *window;
  CycleWindow *second;

  g_application_activate (G_APPLICATION (app));
  g_assert_cmpuint (ui_test_count_windows (app), ==, 1);
  window = ui_test_get_window (app);
  ui_test_wait_for_draw (GTK_WIDGET (window));

  g_assert_true (cycle_window_is_pristine (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Plan");
  g_assert_nonnull (ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, TRUE));

  /* A pristine window takes the file in… */
  g_application_open (G_APPLICATION (app), &fixture->file, 1, "");
  g_assert_cmpuint (ui_test_count_windows (app), ==, 1);
  ui_test_wait_until (!cycle_window_is_opening (window));
  g_assert_false (cycle_window_is_pristine (window));
  ui_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_null (ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, TRUE));
  g_assert_nonnull (find_stage_widget (window, "Visitors"));

  /* …a window holding a plan does not take another file: it opens in a window of its own (the
   * same file again brings its window forward: /window/open-twice) */
  other_dir = ui_test_copy_sample ("cycle-test-window-XXXXXX", &other);
  g_application_open (G_APPLICATION (app), &other, 1, "");
  ui_test_wait_until (ui_test_count_windows (app) == 2);
  g_assert_false (cycle_window_is_opening (window));
  second = ui_test_get_window (app);
  g_assert_true (second != window);
  ui_test_wait_until (!cycle_window_is_opening (second));
  ui_test_wait_for_draw (GTK_WIDGET (second));
  g_assert_true (cycle_window_shows_file (second, other));
  ui_test_destroy_windows (app);
  ui_test_clear_temp_copy (&other_dir, &other);
}

/* The first frame costs the canvas alone: the stage editor, the other pages and the shortcuts
 * window are built when first shown, with the window's plan, selection and checks. */
static void
test_lazy_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  CycleWindow *window;
  GtkShortcutsWindow *overlay;

  g_application_open (G_APPLICATION (app), &fixture->file, 1, "");
  window = ui_test_get_window (app);
  ui_test_wait_until (!cycle_window_is_opening (window));
  ui_test_wait_for_draw (GTK_WIDGET (window));

  g_assert_null (window->editor);
  g_assert_null (window->content_view);
  g_assert_null (window->findings_panel);
  g_assert_null (window->coverage_view);
  g_assert_null (window->projection_view);
  g_assert_null (window->purpose_page);
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  /* Alt+2: the content page, of the window's plan, showing the canvas's stage */
  _cycle_window_select_stage (window, cycle_plan_find_stage (_cycle_window_get_plan (window),
                                                             "s2"));
  /* The stage editor, when first shown, shows the selected stage. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-editor", NULL);
  g_assert_nonnull (window->editor);
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window->editor)));
  g_assert_true (cycle_stage_editor_get_stage (window->editor) ==
                 _cycle_window_get_selected_stage (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "i", 1);
  ui_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (window->content_view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window->content_view)));
  g_assert_true (cycle_content_view_get_plan (window->content_view) ==
                 _cycle_window_get_plan (window));
  g_assert_true (cycle_content_view_get_stage (window->content_view) ==
                 _cycle_window_get_selected_stage (window));
  g_assert_null (window->findings_panel);

  /* Alt+3: the checks, with the window's checker */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "i", 2);
  ui_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (window->findings_panel);
  g_assert_true (cycle_findings_panel_get_checker (window->findings_panel) == window->checker);
  g_assert_true (cycle_coverage_view_get_checker (window->coverage_view) == window->checker);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "i", 4);
  g_assert_nonnull (window->purpose_page);
  g_assert_null (window->projection_view);

  /* Ctrl+?: the shortcuts window, built now, shows without a warning (G_DEBUG=fatal-warnings) */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (overlay)));
  ui_test_wait_for_draw (GTK_WIDGET (overlay));
  gtk_window_close (GTK_WINDOW (overlay));
}

/* A plan dropped on a new window opens there, as File ▸ Open does; what is not a file list is
 * refused. */
static void
test_drop_file (Fixture       *fixture,
                gconstpointer  data)
{
  CycleWindow *window;
  GtkDropTarget *target;
  g_autoptr(GSList) files = g_slist_prepend (NULL, fixture->file);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_application_activate (G_APPLICATION (app));
  window = ui_test_get_window (app);
  ui_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (cycle_window_is_pristine (window));

  target = ui_test_find_controller (GTK_WIDGET (window), GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (target);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "not a file");
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_false (accepted);
  g_assert_true (cycle_window_is_pristine (window));

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_cmpuint (ui_test_count_windows (app), ==, 1);
  ui_test_wait_until (!cycle_window_is_opening (window));
  g_assert_false (cycle_window_is_pristine (window));
  ui_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (find_stage_widget (window, "Visitors"));
}

/* A file opened again, with its window edited: that window comes forward, edits kept; no second
 * window shows another copy of the file to overwrite the first one's save. */
static void
test_open_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  CycleWindow *window = open_sample (fixture);
  CyclePlan *plan = ui_test_window_plan (window);

  cycle_plan_set_title (plan, "Edited before opening again");
  g_application_open (G_APPLICATION (app), &fixture->file, 1, "");
  ui_test_drain ();
  g_assert_cmpuint (ui_test_count_windows (app), ==, 1);
  g_assert_true (ui_test_get_window (app) == window);
  g_assert_false (cycle_window_is_opening (window));
  g_assert_cmpstr (cycle_plan_get_title (ui_test_window_plan (window)), ==,
                   "Edited before opening again");

  /* The same from the window's own Open */
  cycle_window_open_file (window, fixture->file);
  ui_test_drain ();
  g_assert_cmpuint (ui_test_count_windows (app), ==, 1);
  g_assert_true (cycle_plan_get_modified (ui_test_window_plan (window)));
}

/* F1 without the help viewer: a message that says what is missing, not "Operation not
 * supported". */
static void
test_help_without_viewer (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GAppInfo) viewer = g_app_info_get_default_for_uri_scheme ("help");
  AdwMessageDialog *dialog;
  CycleWindow *window;

  if (viewer != NULL)
    {
      g_test_skip ("a help viewer is installed here: it would open");
      return;
    }

  g_application_activate (G_APPLICATION (app));
  window = ui_test_get_window (app);
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  ui_test_wait_until (ui_test_find_message_dialog ("Could Not Open the Guide") != NULL);
  dialog = ui_test_find_message_dialog ("Could Not Open the Guide");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "“yelp”"));
  adw_message_dialog_response (dialog, "close");
  ui_test_drain ();
}

static void
test_open_error (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "broken.cycle", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  CycleWindow *window;

  g_assert_true (g_file_set_contents (path, "{\n  \"format\": \"org.example.Cycle\",\n  ,\n}\n",
                                      -1, &error));
  g_assert_no_error (error);

  g_application_open (G_APPLICATION (app), &file, 1, "");
  window = ui_test_get_window (app);
  ui_test_wait_until (!cycle_window_is_opening (window));
  g_assert_true (cycle_window_is_pristine (window));

  dialog = ui_test_find_message_dialog ("Could Not Open the Plan");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  /* The message names the file, the line and the column. */
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "broken.cycle:3:"));
  ui_test_wait_for_draw (GTK_WIDGET (dialog));
  adw_message_dialog_response (dialog, "close");
  ui_test_drain ();
}

static void
test_close_unsaved (Fixture       *fixture,
                    gconstpointer  data)
{
  CycleWindow *window = open_sample (fixture);
  CyclePlan *plan = ui_test_window_plan (window);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  select_stage (window, "s1");
  activate (window, "win.add-stage");
  g_assert_true (cycle_plan_get_modified (plan));

  /* Cancel keeps the window and its changes. */
  activate (window, "win.close");
  dialog = ui_test_find_message_dialog ("Save Changes?");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“Coffee club” has unsaved changes. Changes which are not saved will be lost.");
  adw_message_dialog_response (dialog, "cancel");
  ui_test_drain ();
  g_assert_cmpuint (ui_test_count_windows (app), ==, 1);
  g_assert_true (cycle_plan_get_modified (plan));

  /* Save writes the file, then closes. */
  activate (window, "win.close");
  dialog = ui_test_find_message_dialog ("Save Changes?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  ui_test_drain ();
  g_assert_cmpuint (ui_test_count_windows (app), ==, 0);
  body = read_first_stage_name (fixture->file);
  g_assert_cmpstr (body, ==, "Visitors");

  /* Discard closes without writing. */
  window = open_sample (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_stages (ui_test_window_plan (window))),
                    ==, 4);
  select_stage (window, "s1");
  activate (window, "win.remove-stage");
  activate (window, "win.close");
  dialog = ui_test_find_message_dialog ("Save Changes?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  ui_test_drain ();
  g_assert_cmpuint (ui_test_count_windows (app), ==, 0);
  window = open_sample (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_stages (ui_test_window_plan (window))),
                    ==, 4);
}

/* A big plan opens in a worker thread: a bar shows the progress after a moment, Cancel stops
 * it and leaves the window as it was, or closes the window made for it; let be, it opens. The
 * load is held after 64 KiB (a test hook) until cancelled, so the bar is seen on any machine. */
static GFile *
write_big_plan (Fixture *fixture,
                guint    n_items)
{
  g_autofree char *path = g_build_filename (fixture->dir, "big.cycle", NULL);
  g_autoptr(GString) text = g_string_new ("{\"format\":\"org.example.Cycle\",\"version\":1,"
                                          "\"personas\":[],\"stages\":[{\"id\":\"s1\","
                                          "\"name\":\"Visitors\",\"content\":[");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (text, "%s{\"id\":\"c%u\",\"title\":\"Item %u\"}", i > 0 ? "," : "",
                            i, i);
  g_string_append (text, "]}]}");
  g_assert_true (g_file_set_contents (path, text->str, text->len, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static gboolean
progress_shown (CycleWindow *window)
{
  GtkWidget *revealer = ui_test_find_widget_by_name (GTK_WIDGET (window), "load-bar");
  GtkWidget *bar = ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_PROGRESS_BAR, FALSE);

  return revealer != NULL && bar != NULL &&
         gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)) &&
         gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)) > 0.0;
}

static void
test_open_big (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) big = write_big_plan (fixture, 20000);
  CycleWindow *window;
  gint64 cancelled_at;

  /* Into a window that was there: cancelled, it stays as it was */
  g_application_activate (G_APPLICATION (app));
  window = ui_test_get_window (app);
  ui_test_wait_for_draw (GTK_WIDGET (window));
  _cycle_window_hold_open_at (64 * 1024);

  g_application_open (G_APPLICATION (app), &big, 1, "");
  g_assert_true (cycle_window_is_opening (window));
  ui_test_wait_until (progress_shown (window));
  g_assert_true (cycle_window_is_pristine (window));

  cancelled_at = g_get_monotonic_time ();
  ui_test_activate (GTK_WIDGET (window), "win.cancel-open", NULL);
  ui_test_wait_until (!cycle_window_is_opening (window));
  g_test_message ("cancelled: the window was free again %.1f ms later",
                  (g_get_monotonic_time () - cancelled_at) / 1000.0);
  g_assert_false (progress_shown (window));
  g_assert_cmpuint (ui_test_count_windows (app), ==, 1);
  g_assert_true (cycle_window_is_pristine (window));
  g_assert_null (ui_test_find_message_dialog ("Could Not Open the Plan"));

  /* A window made for the file goes with its load */
  ui_test_destroy_windows (app);
  g_application_open (G_APPLICATION (app), &big, 1, "");
  g_assert_cmpuint (ui_test_count_windows (app), ==, 1);
  window = ui_test_get_window (app);
  ui_test_wait_until (progress_shown (window));
  ui_test_activate (GTK_WIDGET (window), "win.cancel-open", NULL);
  ui_test_wait_until (ui_test_count_windows (app) == 0);

  /* Let be, it opens */
  _cycle_window_hold_open_at (0);
  g_application_open (G_APPLICATION (app), &big, 1, "");
  window = ui_test_get_window (app);
  ui_test_wait_until (!cycle_window_is_opening (window));
  g_assert_false (gtk_revealer_get_reveal_child (
    GTK_REVEALER (ui_test_find_widget_by_name (GTK_WIDGET (window), "load-bar"))));
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_all_content (
                      ui_test_window_plan (window))), ==, 20000);
}

/* A plan made from a template has the keyboard on its canvas, not on the New Plan button. */
static void
test_template_focus (Fixture       *fixture,
                     gconstpointer  data)
{
  CycleWindow *window = cycle_window_new (GTK_APPLICATION (app), NULL);
  GtkWindow *dialog;
  GtkFlowBox *gallery;
  GtkWidget *canvas;

  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_for_map (GTK_WIDGET (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-from-template", NULL);
  ui_test_wait_until ((dialog = ui_test_find_toplevel (CYCLE_TYPE_TEMPLATE_DIALOG, NULL)) != NULL);
  ui_test_wait_for_map (GTK_WIDGET (dialog));
  gallery = GTK_FLOW_BOX (ui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_FLOW_BOX, TRUE));
  gtk_flow_box_select_child (gallery, gtk_flow_box_get_child_at_index (gallery, 0));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "template.create", NULL);

  ui_test_wait_until (ui_test_find_toplevel (CYCLE_TYPE_TEMPLATE_DIALOG, NULL) == NULL);
  g_assert_cmpuint (ui_test_count_windows (app), ==, 1);
  canvas = GTK_WIDGET (find_canvas (window));
  ui_test_wait_until (gtk_widget_get_mapped (canvas));
  ui_test_wait_until (gtk_root_get_focus (GTK_ROOT (window)) == canvas ||
                      gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), canvas));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  app = ui_test_app_new ();

  g_test_add ("/window/rename-undo-save", Fixture, NULL,
              fixture_set_up, test_rename_undo_save, fixture_tear_down);
  g_test_add ("/window/add-stage-undo", Fixture, NULL,
              fixture_set_up, test_add_stage_undo, fixture_tear_down);
  g_test_add ("/window/empty", Fixture, NULL,
              fixture_set_up, test_empty_window, fixture_tear_down);
  g_test_add ("/window/template-focus", Fixture, NULL,
              fixture_set_up, test_template_focus, fixture_tear_down);
  g_test_add ("/window/lazy-pages", Fixture, NULL,
              fixture_set_up, test_lazy_pages, fixture_tear_down);
  g_test_add ("/window/drop-file", Fixture, NULL,
              fixture_set_up, test_drop_file, fixture_tear_down);
  g_test_add ("/window/open-error", Fixture, NULL,
              fixture_set_up, test_open_error, fixture_tear_down);
  g_test_add ("/window/close-unsaved", Fixture, NULL,
              fixture_set_up, test_close_unsaved, fixture_tear_down);
  g_test_add ("/window/open-big", Fixture, NULL,
              fixture_set_up, test_open_big, fixture_tear_down);
  g_test_add ("/window/open-twice", Fixture, NULL,
              fixture_set_up, test_open_twice, fixture_tear_down);
  g_test_add ("/window/help-without-viewer", Fixture, NULL,
              fixture_set_up, test_help_without_viewer, fixture_tear_down);

  return ui_test_run (app);
}
