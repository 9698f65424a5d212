/* test-window.c: the main window, driven through its actions on a real (virtual) display
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cycle-application.h"
#include "cycle-canvas.h"
#include "cycle-stage-widget.h"
#include "cycle-window.h"

#define WAIT_USEC (10 * G_USEC_PER_SEC)

static CycleApplication *app;

/* ------------------------------------------------------------------------------------------------
 * Helpers
 */

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

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits until @widget is mapped and its surface painted a frame. */
static void
wait_for_draw (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  wait_until (gtk_widget_get_mapped (widget));

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  wait_until (painted);
  g_signal_handler_disconnect (clock, id);
}

/* The mapped widget of @type in @widget's tree for which @match (if any) holds. */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget) &&
      (match == NULL || match (widget, data)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

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
  GtkWidget *button = find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, button_has_action, action);

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
  return find_widget (GTK_WIDGET (window), CYCLE_TYPE_STAGE_WIDGET, stage_has_name, name);
}

static CycleCanvas *
find_canvas (CycleWindow *window)
{
  GtkWidget *canvas = find_widget (GTK_WIDGET (window), CYCLE_TYPE_CANVAS, NULL, NULL);

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
  drain ();
}

static AdwMessageDialog *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static guint
count_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

static CycleWindow *
get_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_nonnull (windows);
  g_assert_true (CYCLE_IS_WINDOW (windows->data));
  return CYCLE_WINDOW (windows->data);
}

static CyclePlan *
window_plan (CycleWindow *window)
{
  return cycle_document_get_plan (cycle_window_get_document (window));
}

static void
activate (CycleWindow *window,
          const char  *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  drain ();
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
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "samples",
                                                           "ui-sample.cycle", NULL),
                                      &contents, &length, &error));
  g_assert_no_error (error);

  fixture->dir = g_dir_make_tmp ("cycle-test-window-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "plan.cycle", NULL);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  fixture->file = g_file_new_for_path (path);

  g_assert_cmpuint (count_windows (), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GDir) dir = NULL;
  const char *name;

  GList *windows;

  /* Destroying a window skips its close path: nothing asks about unsaved changes. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  drain ();
  g_assert_cmpuint (count_windows (), ==, 0);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);

  g_clear_object (&fixture->file);
  g_clear_pointer (&fixture->dir, g_free);
}

static CycleWindow *
open_sample (Fixture *fixture)
{
  CycleWindow *window;

  g_application_open (G_APPLICATION (app), &fixture->file, 1, "");
  g_assert_cmpuint (count_windows (), ==, 1);
  window = get_window ();
  wait_for_draw (GTK_WIDGET (window));

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
  CyclePlan *plan = window_plan (window);
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
  drain ();

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
  g_assert_null (find_message_dialog ("Could Not Save"));
  saved_name = read_first_stage_name (fixture->file);
  g_assert_cmpstr (saved_name, ==, "Strangers");
}

static void
test_add_stage_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  CycleWindow *window = open_sample (fixture);
  CyclePlan *plan = window_plan (window);
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
  wait_for_draw (GTK_WIDGET (window));
  g_assert_nonnull (find_stage_widget (window, "New Stage"));

  activate (window, "win.undo");
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n);
  g_assert_false (cycle_plan_get_modified (plan));
  wait_for_draw (GTK_WIDGET (window));
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
  CycleWindow *window;
  CycleWindow *second;

  g_application_activate (G_APPLICATION (app));
  g_assert_cmpuint (count_windows (), ==, 1);
  window = get_window ();
  wait_for_draw (GTK_WIDGET (window));

  g_assert_true (cycle_window_is_pristine (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Untitled Plan");
  g_assert_nonnull (find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, NULL, NULL));

  /* A pristine window takes the file in… */
  g_application_open (G_APPLICATION (app), &fixture->file, 1, "");
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_false (cycle_window_is_pristine (window));
  wait_for_draw (GTK_WIDGET (window));
  g_assert_null (find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, NULL, NULL));
  g_assert_nonnull (find_stage_widget (window, "Visitors"));

  /* …a window holding a plan does not. */
  g_application_open (G_APPLICATION (app), &fixture->file, 1, "");
  g_assert_cmpuint (count_windows (), ==, 2);
  second = get_window ();
  g_assert_true (second != window);
  wait_for_draw (GTK_WIDGET (second));
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
  window = get_window ();
  g_assert_true (cycle_window_is_pristine (window));

  dialog = find_message_dialog ("Could Not Open the Plan");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  /* The message names the file, the line and the column. */
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "broken.cycle:3:"));
  wait_for_draw (GTK_WIDGET (dialog));
  adw_message_dialog_response (dialog, "close");
  drain ();
}

static void
test_close_unsaved (Fixture       *fixture,
                    gconstpointer  data)
{
  CycleWindow *window = open_sample (fixture);
  CyclePlan *plan = window_plan (window);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  select_stage (window, "s1");
  activate (window, "win.add-stage");
  g_assert_true (cycle_plan_get_modified (plan));

  /* Cancel keeps the window and its changes. */
  activate (window, "win.close");
  dialog = find_message_dialog ("Save Changes?");
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "“Coffee club” has unsaved changes. Changes which are not saved will be lost.");
  adw_message_dialog_response (dialog, "cancel");
  drain ();
  g_assert_cmpuint (count_windows (), ==, 1);
  g_assert_true (cycle_plan_get_modified (plan));

  /* Save writes the file, then closes. */
  activate (window, "win.close");
  dialog = find_message_dialog ("Save Changes?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  drain ();
  g_assert_cmpuint (count_windows (), ==, 0);
  body = read_first_stage_name (fixture->file);
  g_assert_cmpstr (body, ==, "Visitors");

  /* Discard closes without writing. */
  window = open_sample (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_stages (window_plan (window))), ==,
                    4);
  select_stage (window, "s1");
  activate (window, "win.remove-stage");
  activate (window, "win.close");
  dialog = find_message_dialog ("Save Changes?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  drain ();
  g_assert_cmpuint (count_windows (), ==, 0);
  window = open_sample (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_stages (window_plan (window))), ==,
                    4);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* One application for the whole run, as in the real program. Non-unique, so that a Cycle
   * already running on the bus never receives the test's files. */
  app = cycle_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add ("/window/rename-undo-save", Fixture, NULL,
              fixture_set_up, test_rename_undo_save, fixture_tear_down);
  g_test_add ("/window/add-stage-undo", Fixture, NULL,
              fixture_set_up, test_add_stage_undo, fixture_tear_down);
  g_test_add ("/window/empty", Fixture, NULL,
              fixture_set_up, test_empty_window, fixture_tear_down);
  g_test_add ("/window/open-error", Fixture, NULL,
              fixture_set_up, test_open_error, fixture_tear_down);
  g_test_add ("/window/close-unsaved", Fixture, NULL,
              fixture_set_up, test_close_unsaved, fixture_tear_down);

  status = g_test_run ();

  g_object_unref (app);

  return status;
}
