/* test-checks-ui.c: the findings panel, the stages' badges, the coverage matrix and the purpose
 * page (with a launch campaign's start, its windows on the calendar and its notes), on plans
 * with known findings, on a real (virtual) display
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-checks-ui"

#include "config.h"

#include "cycle-application.h"
#include "cycle-calendar-day.h"
#include "cycle-canvas-private.h"
#include "cycle-checker.h"
#include "cycle-content-calendar.h"
#include "cycle-content-view.h"
#include "cycle-coverage-view.h"
#include "cycle-findings-panel.h"
#include "cycle-language-row.h"
#include "cycle-projection-view.h"
#include "cycle-purpose-page.h"
#include "cycle-stage-widget.h"
#include "cycle-window.h"
#include "ui-test-util.h"

static CycleApplication *app;

/* The first widget of @type in @widget's tree, mapped or not. */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  return ui_test_find_widget (widget, type, FALSE);
}

typedef struct
{
  char        *dir;
  CycleWindow *window;
  CyclePlan   *plan;
  CycleChecker *checker;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;

  fixture->dir = ui_test_copy_to_temp_dir (g_test_get_filename (G_TEST_DIST, "data", "checks",
                                                                data, NULL),
                                           "cycle-test-checks-XXXXXX", &file);

  fixture->window = ui_test_open_file (app, file);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  ui_test_wait_for_map (GTK_WIDGET (fixture->window));

  fixture->plan = ui_test_window_plan (fixture->window);
  g_object_get (fixture->window, "checker", &fixture->checker, NULL);
  g_assert_nonnull (fixture->checker);
  g_assert_true (cycle_checker_get_plan (fixture->checker) == fixture->plan);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->checker);
  ui_test_destroy_windows (app);

  ui_test_remove_temp_dir (fixture->dir);
  g_free (fixture->dir);
}

static AdwViewStack *
view_stack (Fixture *fixture)
{
  return ADW_VIEW_STACK (find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK));
}

static void
show_page (Fixture    *fixture,
           const char *name)
{
  adw_view_stack_set_visible_child_name (view_stack (fixture), name);
  ui_test_drain ();
  /* The Checks page's leaflet shows its children once it has laid them out */
  ui_test_wait_for_draw (GTK_WIDGET (fixture->window));
}

/* The row of the panel's list showing the finding with @key, or NULL. */
static GtkListBoxRow *
find_row (CycleFindingsPanel *panel,
          const char         *key)
{
  GtkListBox *list = GTK_LIST_BOX (cycle_findings_panel_get_list (panel));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      CycleFinding *finding = cycle_findings_panel_get_row_finding (panel, row);

      if (g_strcmp0 (cycle_finding_get_key (finding), key) == 0)
        return row;
    }

  return NULL;
}

/* The row's buttons: the message first, then the fix when there is one. */
static GtkWidget *
row_button (GtkListBoxRow *row,
            guint          index)
{
  GtkWidget *box = gtk_list_box_row_get_child (row);
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) && i++ == index)
      return child;

  return NULL;
}

static CycleStage *
stage_named (CyclePlan  *plan,
             const char *name)
{
  GListModel *stages = cycle_plan_get_stages (plan);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);

      if (g_str_equal (cycle_stage_get_name (stage), name))
        return stage;
    }

  g_assert_not_reached ();
}

/* ------------------------------------------------------------------------------------------------
 * The findings panel and the badges
 */

static void
test_permission_fix (Fixture       *fixture,
                     gconstpointer  data)
{
  CycleFindingsPanel *panel;
  CycleCanvas *canvas;
  CycleStageWidget *visitors;
  CycleStage *stage = stage_named (fixture->plan, "Visitors");
  CycleContent *popup = cycle_plan_find_content (fixture->plan, "c2");
  AdwViewStackPage *checks_page;
  g_autofree char *counts = NULL;
  g_autofree char *tooltip = NULL;
  GtkListBoxRow *row;
  GtkWidget *fix;

  panel = CYCLE_FINDINGS_PANEL (find_widget (GTK_WIDGET (fixture->window),
                                             CYCLE_TYPE_FINDINGS_PANEL));
  canvas = CYCLE_CANVAS (find_widget (GTK_WIDGET (fixture->window), CYCLE_TYPE_CANVAS));
  g_assert_true (cycle_findings_panel_get_checker (panel) == fixture->checker);
  g_assert_true (cycle_canvas_get_checker (canvas) == fixture->checker);

  /* The badge: Visitors has 2 errors and 1 warning (its notes are not counted). */
  visitors = CYCLE_STAGE_WIDGET (cycle_canvas_get_stage_widget (canvas, stage));
  g_assert_cmpuint (cycle_stage_widget_get_badge_count (visitors), ==, 3);
  tooltip = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (visitors)));
  g_assert_nonnull (strstr (tooltip, "2 errors, 1 warning"));

  /* The Checks page's badge counts the warnings and errors of the whole plan. */
  checks_page = adw_view_stack_get_page (view_stack (fixture),
                                         adw_view_stack_get_child_by_name (view_stack (fixture),
                                                                           "checks"));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (checks_page), ==, 5);

  show_page (fixture, "checks");
  counts = cycle_findings_panel_dup_counts (panel);
  g_assert_cmpstr (counts, ==, "2 errors, 3 warnings, 8 notes");

  /* The panel lists the pop-up's warning, with a fix. */
  row = find_row (panel, "permission:c2");
  g_assert_nonnull (row);
  fix = row_button (row, 1);
  g_assert_nonnull (fix);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (fix)), ==, "Move to “Leads”");

  /* Fixing it moves the content: the finding goes, the badge counts one less. */
  gtk_widget_activate (fix);
  ui_test_wait_until (find_row (panel, "permission:c2") == NULL);
  g_assert_true (cycle_content_get_stage (popup) == stage_named (fixture->plan, "Leads"));
  g_assert_cmpuint (cycle_stage_widget_get_badge_count (visitors), ==, 2);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (checks_page), ==, 4);
  g_assert_cmpstr (cycle_plan_get_undo_label (fixture->plan), ==, "Move to “Leads”");

  /* Undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ui_test_wait_until (find_row (panel, "permission:c2") != NULL);
  g_assert_true (cycle_content_get_stage (popup) == stage);
  g_assert_cmpuint (cycle_stage_widget_get_badge_count (visitors), ==, 3);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (checks_page), ==, 5);

  /* A fix naming a stage of 150 characters without a space takes three lines at most. */
  {
    g_autofree char *name = g_strnfill (150, 'w');
    g_autofree char *old_name = g_strdup (cycle_stage_get_name (stage_named (fixture->plan,
                                                                             "Leads")));
    CycleStage *leads = stage_named (fixture->plan, "Leads");
    PangoLayout *line;
    int line_height, height, width;

    cycle_stage_set_name (leads, name);
    ui_test_wait_until ((row = find_row (panel, "permission:c2")) != NULL &&
                        strstr (gtk_button_get_label (GTK_BUTTON (row_button (row, 1))), name));
    fix = row_button (row, 1);
    line = gtk_widget_create_pango_layout (gtk_button_get_child (GTK_BUTTON (fix)), "W");
    pango_layout_get_pixel_size (line, NULL, &line_height);
    g_object_unref (line);
    gtk_widget_measure (fix, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
    gtk_widget_measure (fix, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);
    g_assert_cmpint (height, <=, 4 * line_height);
    g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (fix), name));
    cycle_stage_set_name (leads, old_name);
  }

  /* A message that starts with a right-to-left title stays a left-to-right sentence. */
  {
    g_autofree char *old_title = g_strdup (cycle_content_get_title (popup));
    GtkWidget *label;

    cycle_content_set_title (popup, "مقال عن القهوة");
    ui_test_wait_until ((row = find_row (panel, "permission:c2")) != NULL &&
                        strstr (gtk_label_get_label (GTK_LABEL (gtk_button_get_child (
                                  GTK_BUTTON (row_button (row, 0))))), "مقال"));
    label = gtk_button_get_child (GTK_BUTTON (row_button (row, 0)));
    g_assert_cmpint (pango_layout_get_direction (gtk_label_get_layout (GTK_LABEL (label)), 0),
                     ==, PANGO_DIRECTION_LTR);
    cycle_content_set_title (popup, old_title);
  }

  /* Activating the finding shows its content on the content page. */
  row = find_row (panel, "permission:c2");
  gtk_widget_activate (row_button (row, 0));
  /* A button's activation waits a moment before "clicked". */
  ui_test_wait_until (g_strcmp0 (adw_view_stack_get_visible_child_name (view_stack (fixture)),
                         "content") == 0);
  g_assert_true (cycle_canvas_get_selected_stage (canvas) == stage);
}

static void
test_notes_filter (Fixture       *fixture,
                   gconstpointer  data)
{
  CycleFindingsPanel *panel;
  GtkListBox *list;
  guint shown, all;

  panel = CYCLE_FINDINGS_PANEL (find_widget (GTK_WIDGET (fixture->window),
                                             CYCLE_TYPE_FINDINGS_PANEL));
  list = GTK_LIST_BOX (cycle_findings_panel_get_list (panel));
  show_page (fixture, "checks");

  all = g_list_model_get_n_items (cycle_checker_get_findings (fixture->checker));
  g_assert_true (cycle_findings_panel_get_show_notes (panel));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, (int) all - 1));

  cycle_findings_panel_set_show_notes (panel, FALSE);
  ui_test_drain ();
  shown = cycle_checker_count (fixture->checker, CYCLE_SEVERITY_ERROR) +
          cycle_checker_count (fixture->checker, CYCLE_SEVERITY_WARNING);
  g_assert_cmpuint (shown, <, all);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, (int) shown - 1));
  g_assert_null (gtk_list_box_get_row_at_index (list, (int) shown));
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  CycleFindingsPanel *panel;
  GtkWidget *status;

  panel = CYCLE_FINDINGS_PANEL (find_widget (GTK_WIDGET (fixture->window),
                                             CYCLE_TYPE_FINDINGS_PANEL));
  g_assert_cmpuint (cycle_checker_count (fixture->checker, CYCLE_SEVERITY_ERROR) +
                    cycle_checker_count (fixture->checker, CYCLE_SEVERITY_WARNING), ==, 0);
  cycle_findings_panel_set_show_notes (panel, FALSE);
  show_page (fixture, "checks");
  ui_test_wait_until ((status = find_widget (GTK_WIDGET (panel), ADW_TYPE_STATUS_PAGE)) != NULL &&
              gtk_widget_get_mapped (status));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "Nothing to Fix");
}

/* ------------------------------------------------------------------------------------------------
 * The coverage matrix
 */

static void
test_coverage_cell (Fixture       *fixture,
                    gconstpointer  data)
{
  CycleCoverageView *view;
  g_autoptr(CycleCoverage) coverage = NULL;
  CycleStage *customers = stage_named (fixture->plan, "Customers");
  CyclePersona *barista = NULL;
  guint row = G_MAXUINT, column = G_MAXUINT;
  guint before = cycle_stage_get_n_content (customers);
  g_autoptr(CycleContent) added = NULL;
  GtkWidget *cell;

  view = CYCLE_COVERAGE_VIEW (find_widget (GTK_WIDGET (fixture->window),
                                           CYCLE_TYPE_COVERAGE_VIEW));
  show_page (fixture, "checks");

  coverage = cycle_checker_get_coverage (fixture->checker, CYCLE_COVERAGE_PERSONA);
  for (guint r = 0; r < cycle_coverage_get_n_rows (coverage); r++)
    if (g_strcmp0 (cycle_coverage_get_row_label (coverage, r), "Barista") == 0)
      {
        row = r;
        barista = cycle_coverage_get_row_persona (coverage, r);
      }
  for (guint c = 0; c < cycle_coverage_get_n_columns (coverage); c++)
    if (cycle_coverage_get_stage (coverage, c) == customers)
      column = c;
  g_assert_cmpuint (row, !=, G_MAXUINT);
  g_assert_cmpuint (column, !=, G_MAXUINT);
  g_assert_true (cycle_coverage_is_empty (coverage, row, column));

  cell = cycle_coverage_view_get_cell (view, row, column);
  g_assert_true (GTK_IS_BUTTON (cell));
  g_assert_true (gtk_widget_has_css_class (cell, "empty"));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cell)), ==, "—");

  /* Activating it adds content for Barista at Customers, as one undo step. */
  gtk_widget_activate (cell);
  ui_test_wait_until (cycle_stage_get_n_content (customers) == before + 1);
  added = g_list_model_get_item (cycle_stage_get_content (customers), before);
  g_assert_true (cycle_content_get_persona (added) == barista);
  g_assert_cmpstr (cycle_plan_get_undo_label (fixture->plan), ==, "Add Content");

  /* The matrix follows: the cell is no longer empty. */
  cell = cycle_coverage_view_get_cell (view, row, column);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cell)), ==, "1");

  g_assert_true (cycle_plan_undo (fixture->plan));
  g_assert_cmpuint (cycle_stage_get_n_content (customers), ==, before);

  /* Channels down the side. */
  cycle_coverage_view_set_axis (view, CYCLE_COVERAGE_CHANNEL);
  g_assert_cmpint (cycle_coverage_view_get_axis (view), ==, CYCLE_COVERAGE_CHANNEL);
}

/* ------------------------------------------------------------------------------------------------
 * The purpose page
 */

/* A grid of the page's own, not the one inside a date field's calendar */
static gboolean
is_not_in_calendar (GtkWidget     *widget,
                    gconstpointer  data)
{
  return gtk_widget_get_ancestor (widget, GTK_TYPE_CALENDAR) == NULL;
}

static void
test_purpose (Fixture       *fixture,
              gconstpointer  data)
{
  CyclePurposePage *page;
  GtkWidget *title_row;
  GtkWidget *why_view;
  g_autofree char *title = g_strdup (cycle_plan_get_title (fixture->plan));
  g_autofree char *why = g_strdup (cycle_plan_get_why (fixture->plan));

  page = CYCLE_PURPOSE_PAGE (find_widget (GTK_WIDGET (fixture->window),
                                          CYCLE_TYPE_PURPOSE_PAGE));
  show_page (fixture, "purpose");

  /* The fields show the plan. */
  title_row = find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW);
  why_view = find_widget (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, title);

  /* Editing them edits the plan, undoably. */
  gtk_editable_set_text (GTK_EDITABLE (title_row), "A new title");
  g_assert_cmpstr (cycle_plan_get_title (fixture->plan), ==, "A new title");
  cycle_plan_seal_undo (fixture->plan);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (why_view)),
                            "Mornings matter.", -1);
  g_assert_cmpstr (cycle_plan_get_why (fixture->plan), ==, "Mornings matter.");

  g_assert_true (cycle_plan_undo (fixture->plan));
  g_assert_cmpstr (cycle_plan_get_why (fixture->plan), ==, why);
  ui_test_drain ();
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (why_view));
    GtkTextIter s, e;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &s, &e);
    shown = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
    g_assert_cmpstr (shown, ==, why);
  }
  while (cycle_plan_can_undo (fixture->plan) &&
         g_strcmp0 (cycle_plan_get_title (fixture->plan), title) != 0)
    g_assert_true (cycle_plan_undo (fixture->plan));
  g_assert_cmpstr (cycle_plan_get_title (fixture->plan), ==, title);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==, title);

  /* The projection is no longer at the bottom of the page: it has a page of its own. */
  g_assert_null (ui_test_find_widget_full (GTK_WIDGET (page), GTK_TYPE_GRID, FALSE,
                                           is_not_in_calendar, NULL));
  g_assert_null (find_widget (GTK_WIDGET (page), GTK_TYPE_SPIN_BUTTON));
}

static gboolean
is_not_widget (GtkWidget     *widget,
               gconstpointer  data)
{
  return widget != data;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The labels of the Projection page's row for the stage named @name, if it has one yet. */
static gboolean
projection_row (CycleProjectionView  *view,
                const char           *name,
                GtkWidget           **name_label,
                GtkWidget           **volume_label)
{
  GtkGrid *grid = GTK_GRID (cycle_projection_view_get_projection_grid (view));

  for (int row = 1; gtk_grid_get_child_at (grid, 0, row) != NULL; row++)
    if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 0, row))),
                   name) == 0)
      {
        *name_label = gtk_grid_get_child_at (grid, 0, row);
        *volume_label = gtk_grid_get_child_at (grid, 1, row);
        return TRUE;
      }

  return FALSE;
}

/* The Projection page: the table, and the plan's settings, both ways. */
static void
test_projection (Fixture       *fixture,
                 gconstpointer  data)
{
  CycleProjectionView *view;
  CycleCanvas *canvas;
  GtkSpinButton *start_spin;
  GtkSpinButton *cycles_spin;
  AdwActionRow *volume_row;
  g_autofree char *volume = NULL;
  g_autoptr(CycleStage) first = NULL;
  GtkWidget *grid;
  double start = 0;
  double before = cycle_plan_get_projection_start (fixture->plan);

  view = CYCLE_PROJECTION_VIEW (find_widget (GTK_WIDGET (fixture->window),
                                             CYCLE_TYPE_PROJECTION_VIEW));
  canvas = CYCLE_CANVAS (find_widget (GTK_WIDGET (fixture->window), CYCLE_TYPE_CANVAS));
  g_assert_nonnull (view);
  show_page (fixture, "projection");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* A table, and the plan's settings reach the view's spin buttons and the canvas. */
  grid = cycle_projection_view_get_projection_grid (view);
  g_assert_nonnull (gtk_grid_get_child_at (GTK_GRID (grid), 0, 1));
  start_spin = GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (view), GTK_TYPE_SPIN_BUTTON));
  cycles_spin = GTK_SPIN_BUTTON (ui_test_find_widget_full (GTK_WIDGET (view),
                                                           GTK_TYPE_SPIN_BUTTON, FALSE,
                                                           is_not_widget, start_spin));
  g_assert_nonnull (cycles_spin);
  cycle_plan_set_projection_start (fixture->plan, 2000.0);
  cycle_plan_set_projection_cycles (fixture->plan, 3);
  g_assert_cmpfloat (gtk_spin_button_get_value (start_spin), ==, 2000.0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (cycles_spin), ==, 3);
  g_object_get (canvas, "projection-start", &start, NULL);
  g_assert_cmpfloat (start, ==, 2000.0);
  /* The plan's own settings: saved, and undoable. */
  g_assert_cmpfloat (cycle_plan_get_projection_start (fixture->plan), ==, 2000.0);
  g_assert_cmpuint (cycle_plan_get_projection_cycles (fixture->plan), ==, 3);

  /* The stage editor's projected volume follows them too. */
  first = g_list_model_get_item (cycle_plan_get_stages (fixture->plan), 0);
  cycle_canvas_select_stage (canvas, first, CYCLE_SELECT_REPLACE);
  volume_row = ADW_ACTION_ROW (ui_test_find_widget_full (GTK_WIDGET (fixture->window),
                                                         ADW_TYPE_ACTION_ROW, FALSE,
                                                         is_row_titled, "Projected Volume"));
  g_assert_nonnull (volume_row);
  volume = g_strdup (adw_action_row_get_subtitle (volume_row));
  cycle_plan_set_projection_start (fixture->plan, 4000.0);
  g_assert_cmpstr (adw_action_row_get_subtitle (volume_row), !=, volume);

  /* Its spin button edits the plan. */
  gtk_spin_button_set_value (start_spin, 500.0);
  g_assert_cmpfloat (cycle_plan_get_projection_start (fixture->plan), ==, 500.0);
  while (cycle_plan_can_undo (fixture->plan) &&
         cycle_plan_get_projection_start (fixture->plan) != before)
    g_assert_true (cycle_plan_undo (fixture->plan));
  g_object_get (canvas, "projection-start", &start, NULL);
  g_assert_cmpfloat (start, ==, before);
  g_assert_cmpfloat (gtk_spin_button_get_value (start_spin), ==, before);

  /* A name of 150 characters without a space (a URL) is cut, whole in its tooltip, and the
   * volumes stay on the page instead of being pushed off it. */
  {
    g_autofree char *name = g_strnfill (150, 'w');
    GtkWidget *name_label = NULL;
    GtkWidget *volume_label = NULL;
    graphene_point_t end, at;

    cycle_stage_set_name (first, name);
    ui_test_wait_until (projection_row (view, name, &name_label, &volume_label));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (name_label), ==, name);
    ui_test_wait_until (gtk_widget_get_width (volume_label) > 0);
    end = GRAPHENE_POINT_INIT (gtk_widget_get_width (volume_label), 0);
    g_assert_true (gtk_widget_compute_point (volume_label, GTK_WIDGET (view), &end, &at));
    g_assert_cmpfloat (at.x, <=, gtk_widget_get_width (GTK_WIDGET (view)));
  }
}

/* The plan's language on the purpose page: sales talk is judged again in the new one. */
static void
test_language (Fixture       *fixture,
               gconstpointer  data)
{
  CycleFindingsPanel *panel;
  CyclePurposePage *page;
  AdwComboRow *row;

  panel = CYCLE_FINDINGS_PANEL (find_widget (GTK_WIDGET (fixture->window),
                                             CYCLE_TYPE_FINDINGS_PANEL));
  page = CYCLE_PURPOSE_PAGE (find_widget (GTK_WIDGET (fixture->window),
                                          CYCLE_TYPE_PURPOSE_PAGE));
  show_page (fixture, "purpose");
  row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (page), CYCLE_TYPE_LANGUAGE_ROW));
  g_assert_nonnull (row);
  g_assert_true (cycle_language_row_get_plan (CYCLE_LANGUAGE_ROW (row)) == fixture->plan);

  /* « Le linge est sale » is no sales talk in French… */
  g_assert_cmpstr (cycle_plan_get_language (fixture->plan), ==, "fr");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  show_page (fixture, "checks");
  ui_test_wait_until (find_row (panel, "why:sales:c1") != NULL);
  g_assert_null (find_row (panel, "why:sales:c2"));

  /* …but "sale" is in English. */
  adw_combo_row_set_selected (row, 0);
  g_assert_cmpstr (cycle_plan_get_language (fixture->plan), ==, "en");
  ui_test_wait_until (find_row (panel, "why:sales:c2") != NULL);

  /* An undoable edit like any other; the row follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  ui_test_wait_until (find_row (panel, "why:sales:c2") == NULL);
  g_assert_cmpstr (cycle_plan_get_language (fixture->plan), ==, "fr");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);

  /* A language Cycle has no words for shows as its tag; "not set" is the guess. */
  cycle_plan_set_language (fixture->plan, "de");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 4);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 3);
  adw_combo_row_set_selected (row, 2);
  g_assert_cmpstr (cycle_plan_get_language (fixture->plan), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 3);
}

static gboolean
is_campaign_row (GtkWidget     *widget,
                 gconstpointer  data)
{
  return g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                           "Campaign start");
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "error");
}

static gboolean
day_has_stage (CycleContentCalendar *calendar,
               const char           *iso,
               CycleStage           *stage)
{
  GtkWidget *day = cycle_content_calendar_find_day (calendar, iso);

  g_assert_nonnull (day);
  return g_ptr_array_find (cycle_calendar_day_get_stages (CYCLE_CALENDAR_DAY (day)), stage,
                           NULL);
}

/* A launch campaign's start, typed on the purpose page as people type dates (a wrong one is
 * refused, saying why), undoable; each stage's window then shows on the calendar's days, and
 * content outside it is a note. */
static void
test_campaign (Fixture       *fixture,
               gconstpointer  data)
{
  CyclePurposePage *page;
  GtkWidget *row;
  GtkWidget *error_label;
  CycleContentView *view;
  CycleContentCalendar *calendar;
  CycleStage *s1 = cycle_plan_find_stage (fixture->plan, "s1");
  CycleStage *s2 = cycle_plan_find_stage (fixture->plan, "s2");
  g_autoptr(CycleContent) content = NULL;

  cycle_stage_set_days (s1, 7);
  cycle_stage_set_days (s2, 14);
  content = g_list_model_get_item (cycle_stage_get_content (s2), 0);
  g_assert_nonnull (content);
  cycle_content_set_due (content, "2027-04-30");
  cycle_plan_seal_undo (fixture->plan);

  page = CYCLE_PURPOSE_PAGE (find_widget (GTK_WIDGET (fixture->window),
                                          CYCLE_TYPE_PURPOSE_PAGE));
  show_page (fixture, "purpose");
  row = ui_test_find_widget_full (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, FALSE, is_campaign_row,
                                  NULL);
  g_assert_nonnull (row);
  error_label = ui_test_find_widget_full (GTK_WIDGET (page), GTK_TYPE_LABEL, FALSE,
                                          is_error_label, NULL);
  g_assert_nonnull (error_label);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");

  /* Not a date: said, and nothing changes */
  gtk_editable_set_text (GTK_EDITABLE (row), "2/30/2027");
  g_signal_emit_by_name (row, "entry-activated");
  g_assert_cmpstr (cycle_plan_get_campaign_start (fixture->plan), ==, "");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "“2/30/2027” is not a day of the calendar. Choose it in the calendar.");
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  /* A date as people type it */
  gtk_editable_set_text (GTK_EDITABLE (row), "3/1/2027");
  g_signal_emit_by_name (row, "entry-activated");
  g_assert_cmpstr (cycle_plan_get_campaign_start (fixture->plan), ==, "2027-03-01");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "03/01/2027");

  /* The windows on the calendar: s1 from 1 to 7 March, s2 from 8 to 21 March */
  view = CYCLE_CONTENT_VIEW (find_widget (GTK_WIDGET (fixture->window),
                                          CYCLE_TYPE_CONTENT_VIEW));
  calendar = cycle_content_view_get_calendar (view);
  show_page (fixture, "content");
  cycle_content_view_set_page (view, "calendar");
  cycle_content_calendar_show_day (calendar, "2027-03-01");
  ui_test_wait_for_draw (GTK_WIDGET (calendar));
  g_assert_true (day_has_stage (calendar, "2027-03-01", s1));
  g_assert_true (day_has_stage (calendar, "2027-03-07", s1));
  g_assert_false (day_has_stage (calendar, "2027-03-08", s1));
  g_assert_true (day_has_stage (calendar, "2027-03-08", s2));
  g_assert_true (day_has_stage (calendar, "2027-03-21", s2));
  g_assert_false (day_has_stage (calendar, "2027-03-22", s2));
  /* Content after its stage's window: a note */
  ui_test_wait_until (cycle_checker_count (fixture->checker, CYCLE_SEVERITY_INFO) > 0);
  {
    g_autofree char *key = g_strconcat ("campaign:window:",
                                        cycle_item_get_id (CYCLE_ITEM (content)), NULL);

    g_assert_nonnull (cycle_checker_lookup (fixture->checker, key));
  }

  /* Undone like any edit: no campaign, no windows */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_cmpstr (cycle_plan_get_campaign_start (fixture->plan), ==, "");
  cycle_content_calendar_show_day (calendar, "2027-03-01");
  g_assert_false (day_has_stage (calendar, "2027-03-01", s1));
  show_page (fixture, "purpose");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
}

static gboolean
is_blank_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return gtk_widget_is_visible (widget) && *gtk_label_get_label (GTK_LABEL (widget)) == '\0';
}

/* A plan without stages: the Projection page says why there is no table, and leaves no empty
 * line (with its spacing) above it. */
static void
test_projection_empty (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  GtkWidget *view = g_object_ref_sink (cycle_projection_view_new ());

  cycle_projection_view_set_plan (CYCLE_PROJECTION_VIEW (view), plan);
  g_assert_cmpstr (cycle_projection_view_get_projection_message (CYCLE_PROJECTION_VIEW (view)),
                   !=, "");
  g_assert_null (ui_test_find_widget_full (view, GTK_TYPE_LABEL, FALSE, is_blank_label, NULL));
  cycle_projection_view_set_plan (CYCLE_PROJECTION_VIEW (view), NULL);
  g_assert_finalize_object (view);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  app = ui_test_app_new ();

  g_test_add ("/checks-ui/permission-fix", Fixture, "permission.cycle",
              fixture_set_up, test_permission_fix, fixture_tear_down);
  g_test_add ("/checks-ui/notes-filter", Fixture, "coverage.cycle",
              fixture_set_up, test_notes_filter, fixture_tear_down);
  g_test_add ("/checks-ui/empty-state", Fixture, "clean-funnel.cycle",
              fixture_set_up, test_empty_state, fixture_tear_down);
  g_test_add ("/checks-ui/coverage-cell", Fixture, "coverage.cycle",
              fixture_set_up, test_coverage_cell, fixture_tear_down);
  g_test_add ("/checks-ui/purpose", Fixture, "why.cycle",
              fixture_set_up, test_purpose, fixture_tear_down);
  g_test_add ("/checks-ui/projection", Fixture, "why.cycle",
              fixture_set_up, test_projection, fixture_tear_down);
  g_test_add_func ("/checks-ui/projection-empty", test_projection_empty);
  g_test_add ("/checks-ui/language", Fixture, "sales-talk.cycle",
              fixture_set_up, test_language, fixture_tear_down);
  g_test_add ("/checks-ui/campaign", Fixture, "clean-funnel.cycle",
              fixture_set_up, test_campaign, fixture_tear_down);

  return ui_test_run (app);
}
