/* test-french.c: the window in French, with the catalog built in this build directory
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-french"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cycle-application.h"
#include "cycle-canvas.h"
#include "cycle-content-editor.h"
#include "cycle-content-view.h"
#include "cycle-projection-view.h"
#include "cycle-stage-widget.h"
#include "cycle-window.h"
#include "ui-test-util.h"

static CycleApplication *app;

/* Whether a mapped widget in @widget's tree shows @text as its label, tooltip or title. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (gtk_widget_get_mapped (widget))
    {
      if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
        return TRUE;
      if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
        return TRUE;
      if (ADW_IS_STATUS_PAGE (widget) &&
          g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

/* Adds an item's label to a string, one a line (with ui_test_menu_foreach()). */
static void
append_label (const char *label,
              GMenuModel *submenu,
              gpointer    data)
{
  if (label != NULL)
    g_string_append_printf (data, "%s\n", label);
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_primary (GtkWidget     *widget,
            gconstpointer  data)
{
  return gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  return ui_test_find_widget_full (widget, GTK_TYPE_MENU_BUTTON, FALSE, is_primary, NULL);
}

static void
test_window_in_french (void)
{
  CycleWindow *window;
  GtkWidget *menu_button;
  g_autoptr(GString) labels = g_string_new (NULL);

  /* The strings of the code and of the templates both. */
  g_assert_cmpstr (_("Undo"), ==, "Annuler");

  window = cycle_window_new (GTK_APPLICATION (app), NULL);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  g_assert_true (shows_text (GTK_WIDGET (window), "Annuler"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Aucune étape pour l’instant"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Menu principal"));
  /* The view switcher's page */
  g_assert_true (shows_text (GTK_WIDGET (window), "Plan"));
  /* An untitled plan */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Plan sans titre");

  menu_button = find_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (menu_button);
  ui_test_menu_foreach (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                        append_label, labels);
  g_test_message ("primary menu: %s", labels->str);
  g_assert_nonnull (strstr (labels->str, "Nouveau à partir d’un _modèle…\n"));
  g_assert_nonnull (strstr (labels->str, "Enregistrer _sous…\n"));
  g_assert_nonnull (strstr (labels->str, "Raccourcis _clavier\n"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The header's labels, found by walking it (GTK 4.8 gives no access to them). */
static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/* The content editor in French shows each drop-down's value whole beside its explanation
 * (« Selon Cycle » was cut to « Selon … » beside the pitch's). */
static void
test_content_editor (void)
{
  CyclePlan *plan = ui_test_load_sample ();
  g_autoptr(CycleContent) content =
    g_list_model_get_item (cycle_plan_get_all_content (plan), 0);
  CycleContentEditor *editor;

  /* An e-mail address asked: the consent row shows too */
  cycle_content_set_commitment (content, CYCLE_COMMITMENT_EMAIL);
  editor = cycle_content_editor_new (NULL, content);

  gtk_window_present (GTK_WINDOW (editor));
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (editor)));
  ui_test_wait_for_draw (GTK_WIDGET (editor));
  ui_test_assert_combo_values_whole (GTK_WIDGET (editor));

  gtk_window_destroy (GTK_WINDOW (editor));
  g_object_unref (plan);
}

/* The table's column titles in French are whole: each column is at least as wide as its title
 * (« Responsable » did not fit 85 px), and a title cut by a narrower resize ends with "…" and
 * has a tooltip. */
static void
test_table_headers (void)
{
  CyclePlan *plan = ui_test_load_sample ();
  GtkWidget *view = cycle_content_view_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkColumnView *column_view;
  GListModel *columns;
  guint checked = 0;

  cycle_content_view_set_plan (CYCLE_CONTENT_VIEW (view), plan);
  ui_test_present_in_window (view);
  cycle_content_view_set_page (CYCLE_CONTENT_VIEW (view), "table");
  column_view = GTK_COLUMN_VIEW (ui_test_find_widget (view, GTK_TYPE_COLUMN_VIEW, FALSE));
  g_assert_nonnull (column_view);
  ui_test_wait_for_draw (GTK_WIDGET (column_view));

  collect_labels (gtk_widget_get_first_child (GTK_WIDGET (column_view)), labels);
  columns = gtk_column_view_get_columns (column_view);
  g_assert_cmpuint (labels->len, ==, g_list_model_get_n_items (columns));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *title = gtk_column_view_column_get_title (column);

      for (guint j = 0; j < labels->len; j++)
        {
          GtkLabel *label = g_ptr_array_index (labels, j);
          const char *tooltip;
          int natural = 0;

          if (g_strcmp0 (gtk_label_get_label (label), title) != 0)
            continue;
          g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_END);
          tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (label));
          g_assert_cmpstr (tooltip, ==, title);
          gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL,
                              &natural, NULL, NULL);
          g_test_message ("%s: %d px wide, its title %d px", title,
                          gtk_column_view_column_get_fixed_width (column), natural);
          g_assert_cmpint (gtk_column_view_column_get_fixed_width (column), >=, natural);
          checked++;
        }
    }
  g_assert_cmpuint (checked, ==, g_list_model_get_n_items (columns));
  /* The titles really are French. */
  g_assert_nonnull (ui_test_find_widget_full (GTK_WIDGET (column_view), GTK_TYPE_LABEL, FALSE,
                                              label_is, "Responsable"));

  ui_test_destroy_toplevels ();
  g_assert_finalize_object (plan);
}

/* The buyer's question in a stage's tooltip, in « guillemets » with no-break spaces. */
static void
test_stage_tooltip (void)
{
  g_autoptr(CycleStage) stage = cycle_stage_new ("Visiteurs");
  CycleRenderStyle style;
  GtkWidget *widget;
  const char *tooltip;

  cycle_render_style_init (&style, FALSE);
  cycle_stage_set_question (stage, "Est-ce pour moi ?");
  widget = g_object_ref_sink (cycle_stage_widget_new (stage, &style));
  tooltip = gtk_widget_get_tooltip_text (widget);
  g_test_message ("tooltip: %s", tooltip);
  g_assert_nonnull (strstr (tooltip, "Se demande\u00a0: «\u00a0Est-ce pour moi ?\u00a0»"));
  g_assert_null (strstr (tooltip, "“"));
  g_object_unref (widget);
}

/* The starting volume is written as every number of people is (« 1 000 », a narrow no-break
 * space), and read back as people type it. */
static void
test_projection_start (void)
{
  CyclePlan *plan = ui_test_load_sample ();
  GtkWidget *view = cycle_projection_view_new ();
  GtkSpinButton *spin;

  cycle_projection_view_set_plan (CYCLE_PROJECTION_VIEW (view), plan);
  ui_test_present_in_window (view);
  spin = GTK_SPIN_BUTTON (ui_test_find_widget (view, GTK_TYPE_SPIN_BUTTON, TRUE));
  g_assert_nonnull (spin);
  ui_test_wait_for_draw (GTK_WIDGET (spin));

  cycle_plan_set_projection_start (plan, 1000.0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "1\u202f000");
  gtk_editable_set_text (GTK_EDITABLE (spin), "2 500");
  gtk_spin_button_update (spin);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 2500.0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "2\u202f500");
  g_assert_cmpfloat (cycle_plan_get_projection_start (plan), ==, 2500.0);

  ui_test_destroy_toplevels ();
  g_assert_finalize_object (plan);
}

/* The canvas's context menus, built in code: no two items of a menu share a mnemonic */
static void
test_canvas_menus (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = NULL;
  CycleWindow *window;
  GtkWidget *canvas;

  dir = ui_test_copy_sample ("cycle-test-french-XXXXXX", &file);
  window = ui_test_open_file (app, file);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_for_draw (GTK_WIDGET (window));
  canvas = ui_test_find_widget (GTK_WIDGET (window), CYCLE_TYPE_CANVAS, TRUE);
  g_assert_nonnull (canvas);
  g_assert_cmpstr (_("Cu_t"), ==, "Cou_per");
  ui_test_assert_canvas_menus_mnemonics (canvas, "s1", "l1");

  ui_test_destroy_toplevels ();
  ui_test_clear_temp_copy (&dir, &file);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po_dir = NULL;
  g_autofree char *mo = NULL;

  /* LANGUAGE picks the catalog; the C.UTF-8 locale of the tests is enough for that (gettext
   * ignores LANGUAGE only under plain "C"), so no French locale needs generating. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  /* The catalog i18n.gettext builds in this build directory, not an installed one. */
  po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  mo = g_build_filename (po_dir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      /* TAP: the whole file skipped (meson test builds only what tests depend on). */
      g_print ("1..0 # SKIP the French catalog %s is not built\n", mo);
      return 0;
    }
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ui_test_app_new ();

  g_test_add_func ("/french/window", test_window_in_french);
  g_test_add_func ("/french/table-headers", test_table_headers);
  g_test_add_func ("/french/stage-tooltip", test_stage_tooltip);
  g_test_add_func ("/french/projection-start", test_projection_start);
  g_test_add_func ("/french/canvas-menus", test_canvas_menus);
  g_test_add_func ("/french/content-editor", test_content_editor);

  return ui_test_run (app);
}
