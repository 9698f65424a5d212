/* ui-test-util.c: what the widget tests share
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ui-test-util"

#include "config.h"

#include <glib/gstdio.h>

#include "cycle-board-card.h"
#include "cycle-board-column.h"
#include "cycle-canvas-private.h"
#include "cycle-drafts.h"
#include "cycle-plan-io.h"
#include "cycle-window-private.h"
#include "ui-test-util.h"

gboolean
ui_test_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* One application for a whole test program, as in the real program. Non-unique, so that a Cycle
 * already running on the bus never receives the test's files. */
CycleApplication *
ui_test_app_new (void)
{
  g_autoptr(GError) error = NULL;
  CycleApplication *app = cycle_application_new ();

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return app;
}

/* Runs the tests, then drops @app. */
int
ui_test_run (CycleApplication *app)
{
  int status = g_test_run ();

  g_object_unref (app);

  return status;
}

guint
ui_test_count_windows (CycleApplication *app)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
}

/* The application's most recent window, which must be a CycleWindow. */
CycleWindow *
ui_test_get_window (CycleApplication *app)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  g_assert_nonnull (windows);
  g_assert_true (CYCLE_IS_WINDOW (windows->data));
  return CYCLE_WINDOW (windows->data);
}

/* Opens @file as the application's only window. */
CycleWindow *
ui_test_open_file (CycleApplication *app,
                   GFile            *file)
{
  CycleWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_cmpuint (ui_test_count_windows (app), ==, 1);
  window = ui_test_get_window (app);
  /* The file loads in a worker thread */
  ui_test_wait_until (!cycle_window_is_opening (window));
  return window;
}

CyclePlan *
ui_test_window_plan (CycleWindow *window)
{
  return cycle_document_get_plan (cycle_window_get_document (window));
}

/* Destroys every toplevel, dialogs included. */
void
ui_test_destroy_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  ui_test_drain ();
}

/* The application's windows first, then what is left. Destroying a window skips its close path:
 * nothing asks about unsaved changes. */
void
ui_test_destroy_windows (CycleApplication *app)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  ui_test_destroy_toplevels ();
}

/* Copies @source to "plan.cycle" in a new temporary folder named after @dir_template, which the
 * caller removes with ui_test_remove_temp_dir(). Returns the folder; @file is the copy. */
char *
ui_test_copy_to_temp_dir (const char  *source,
                          const char  *dir_template,
                          GFile      **file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  char *dir;
  gsize length = 0;

  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_no_error (error);

  dir = g_dir_make_tmp (dir_template, &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "plan.cycle", NULL);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  g_assert_no_error (error);
  *file = g_file_new_for_path (path);

  return dir;
}

/* ui_test_copy_to_temp_dir() of the sample plan, data/samples/ui-sample.cycle. */
char *
ui_test_copy_sample (const char  *dir_template,
                     GFile      **file)
{
  return ui_test_copy_to_temp_dir (g_test_get_filename (G_TEST_DIST, "data", "samples",
                                                        "ui-sample.cycle", NULL),
                                   dir_template, file);
}

/* tests/data/samples/ui-sample.cycle, loaded */
CyclePlan *
ui_test_load_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  CyclePlan *plan;
  gsize length = 0;

  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "data", "samples",
                                                           "ui-sample.cycle", NULL),
                                      &contents, &length, &error));
  g_assert_no_error (error);
  plan = cycle_plan_new_from_data (contents, length, &error);
  g_assert_no_error (error);
  return plan;
}

/* A new 1100 × 700 window showing @child, presented and drawn once */
GtkWindow *
ui_test_present_in_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1100, 700);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  ui_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

/* Removes @dir and the files in it. */
void
ui_test_remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Removes *@dir with its files, and clears *@dir and *@file. */
void
ui_test_clear_temp_copy (char  **dir,
                         GFile **file)
{
  ui_test_remove_temp_dir (*dir);
  g_clear_object (file);
  g_clear_pointer (dir, g_free);
}

void
ui_test_drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Waits until @widget is mapped, then for what that set off. */
void
ui_test_wait_for_map (GtkWidget *widget)
{
  ui_test_wait_until (gtk_widget_get_mapped (widget));
  ui_test_drain ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits until @widget is mapped and its surface painted a frame. */
void
ui_test_wait_for_draw (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  ui_test_wait_until (gtk_widget_get_mapped (widget));

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  ui_test_wait_until (painted);
  g_signal_handler_disconnect (clock, id);
}

void
ui_test_activate (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (widget, action, parameter));
  ui_test_drain ();
}

/* A window builds its other pages when they are first shown: a test may look for their
 * widgets before. */
static void
ensure_pages (GtkWidget *widget)
{
  if (CYCLE_IS_WINDOW (widget))
    _cycle_window_ensure_pages (CYCLE_WINDOW (widget));
}

static GtkWidget *
find_widget (GtkWidget       *widget,
             GType            type,
             gboolean         mapped,
             UiTestMatchFunc  match,
             gconstpointer    data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (!mapped || gtk_widget_get_mapped (widget)) &&
      (match == NULL || match (widget, data)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, mapped, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gpointer
ui_test_find_controller (GtkWidget *widget,
                         GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      /* The widget holds it: borrowed once the list's reference goes. */
      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }

  return NULL;
}

/* The first widget of @type in @widget's tree (@widget included), mapped if @mapped. */
GtkWidget *
ui_test_find_widget (GtkWidget *widget,
                     GType      type,
                     gboolean   mapped)
{
  ensure_pages (widget);
  return find_widget (widget, type, mapped, NULL, NULL);
}

/* The first widget of @type in @widget's tree (mapped if @mapped) for which @match holds. */
GtkWidget *
ui_test_find_widget_full (GtkWidget       *widget,
                          GType            type,
                          gboolean         mapped,
                          UiTestMatchFunc  match,
                          gconstpointer    data)
{
  ensure_pages (widget);
  return find_widget (widget, type, mapped, match, data);
}

/* Adds to @found every widget of @type in @widget's tree (mapped if @mapped) for which @match
 * (if any) holds, in tree order. */
void
ui_test_collect_widgets (GtkWidget       *widget,
                         GType            type,
                         gboolean         mapped,
                         UiTestMatchFunc  match,
                         gconstpointer    data,
                         GPtrArray       *found)
{
  ensure_pages (widget);
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (!mapped || gtk_widget_get_mapped (widget)) &&
      (match == NULL || match (widget, data)))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ui_test_collect_widgets (child, type, mapped, match, data, found);
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* The first widget named @name (gtk_widget_set_name, or the id of a template child) in
 * @widget's tree, mapped or not. */
GtkWidget *
ui_test_find_widget_by_name (GtkWidget  *widget,
                             const char *name)
{
  return find_widget (widget, GTK_TYPE_WIDGET, FALSE, has_name, name);
}

/* The visible toplevel of @type (with @heading, for a message dialog), or NULL. */
GtkWindow *
ui_test_find_toplevel (GType       type,
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

/* The visible message dialog with @heading, or NULL. */
AdwMessageDialog *
ui_test_find_message_dialog (const char *heading)
{
  GtkWindow *window = ui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, heading);

  return window != NULL ? ADW_MESSAGE_DIALOG (window) : NULL;
}

gboolean
ui_test_column_has_stage (GtkWidget     *widget,
                          gconstpointer  stage)
{
  return cycle_board_column_get_stage (CYCLE_BOARD_COLUMN (widget)) == stage;
}

gboolean
ui_test_card_has_content (GtkWidget     *widget,
                          gconstpointer  content)
{
  return cycle_board_card_get_content (CYCLE_BOARD_CARD (widget)) == content;
}

void
ui_test_content_fixture_set_up (UiTestContentFixture *f,
                                gconstpointer         data)
{
  f->plan = ui_test_load_sample ();
  f->view = CYCLE_CONTENT_VIEW (cycle_content_view_new ());
  cycle_content_view_set_plan (f->view, f->plan);
  f->window = ui_test_present_in_window (GTK_WIDGET (f->view));
}

void
ui_test_content_fixture_tear_down (UiTestContentFixture *f,
                                   gconstpointer         data)
{
  ui_test_destroy_toplevels ();

  /* Nothing of the views holds on to the plan. */
  g_assert_finalize_object (f->plan);
}

/* ------------------------------------------------------------------------------------------------
 * Menus
 */

/* The letter after the first lone underscore of @label, lowercased; 0 without one. */
static gunichar
mnemonic_of (const char *label)
{
  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    if (*p == '_')
      {
        if (p[1] != '_')
          return g_unichar_tolower (g_utf8_get_char (p + 1));
        p++;
      }

  return 0;
}

void
ui_test_menu_foreach (GMenuModel         *menu,
                      UiTestMenuItemFunc  func,
                      gpointer            data)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      if (section != NULL)
        ui_test_menu_foreach (section, func, data);
      else
        {
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          func (label, submenu, data);
        }
    }
}

static void
check_mnemonic (const char *label,
                GMenuModel *submenu,
                gpointer    data)
{
  GHashTable *seen = data;
  gunichar key = label != NULL ? mnemonic_of (label) : 0;
  const char *other = key != 0 ? g_hash_table_lookup (seen, GUINT_TO_POINTER (key)) : NULL;

  if (other != NULL)
    {
      char letter[7] = { 0 };

      g_unichar_to_utf8 (key, letter);
      g_test_fail_printf ("“%s” and “%s” share the mnemonic “%s”", other, label, letter);
    }
  else if (key != 0)
    g_hash_table_insert (seen, GUINT_TO_POINTER (key), g_strdup (label));
  if (submenu != NULL)
    ui_test_assert_unique_mnemonics (submenu);
}

void
ui_test_assert_unique_mnemonics (GMenuModel *menu)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  ui_test_menu_foreach (menu, check_mnemonic, seen);
}

/* The labels of a combo row's value: under its list view, not in its pop-up */
static void
assert_value_labels_whole (GtkWidget *widget,
                           gboolean   in_value)
{
  if (GTK_IS_POPOVER (widget))
    return;
  in_value = in_value || GTK_IS_LIST_VIEW (widget);
  if (in_value && GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      g_test_message ("combo row value: %s", gtk_label_get_text (GTK_LABEL (widget)));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_value_labels_whole (child, in_value);
}

void
ui_test_assert_combo_values_whole (GtkWidget *widget)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  ui_test_collect_widgets (widget, ADW_TYPE_COMBO_ROW, TRUE, NULL, NULL, rows);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    assert_value_labels_whole (g_ptr_array_index (rows, i), FALSE);
}

static GMenuModel *
shown_menu (GtkWidget *canvas)
{
  GtkWidget *popover = ui_test_find_widget (canvas, GTK_TYPE_POPOVER_MENU, FALSE);

  g_assert_nonnull (popover);
  ui_test_wait_until (gtk_widget_get_mapped (popover));

  return gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
}

void
ui_test_assert_canvas_menus_mnemonics (GtkWidget  *canvas,
                                       const char *stage_id,
                                       const char *link_id)
{
  CycleCanvas *self = CYCLE_CANVAS (canvas);
  CyclePlan *plan = cycle_canvas_get_plan (self);
  GMenuModel *menu;

  cycle_canvas_select_stage (self, cycle_plan_find_stage (plan, stage_id), CYCLE_SELECT_REPLACE);
  cycle_canvas_show_context_menu (self);
  menu = shown_menu (canvas);
  /* The stage's menu lists its links, each with a submenu of its own */
  g_assert_cmpint (g_menu_model_get_n_items (menu), >=, 5);
  ui_test_assert_unique_mnemonics (menu);

  cycle_canvas_select_link (self, cycle_plan_find_link (plan, link_id), CYCLE_SELECT_REPLACE);
  cycle_canvas_show_context_menu (self);
  ui_test_assert_unique_mnemonics (shown_menu (canvas));

  /* An empty spot, far above and left of every stage */
  _cycle_canvas_show_menu_at (self, 1, 1);
  ui_test_assert_unique_mnemonics (shown_menu (canvas));
  gtk_popover_popdown (GTK_POPOVER (ui_test_find_widget (canvas, GTK_TYPE_POPOVER_MENU, FALSE)));
}

char *
ui_test_data_home_new (const char *dir_template)
{
  g_autoptr(GError) error = NULL;
  char *data_home = g_dir_make_tmp (dir_template, &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  return data_home;
}

void
ui_test_data_home_free (char *data_home)
{
  g_autoptr(GFile) dir = cycle_drafts_get_default_dir ();
  g_autoptr(GFile) parent = g_file_get_parent (dir);
  g_autofree char *recent = g_build_filename (data_home, "recently-used.xbel", NULL);

  g_file_delete (dir, NULL, NULL);
  g_file_delete (parent, NULL, NULL);
  g_unlink (recent);
  g_rmdir (data_home);
  g_free (data_home);
}
