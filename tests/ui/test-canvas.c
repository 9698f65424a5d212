/* test-canvas.c: the plan's canvas and the stage editor, driven through their actions and the
 * functions the pointer gestures call, on a real (virtual) display
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-canvas"

#include "config.h"

#include <math.h>

#include "cycle-application.h"
#include "cycle-canvas-private.h"
#include "cycle-link-editor.h"
#include "cycle-projection-view.h"
#include "cycle-projection.h"
#include "cycle-render.h"
#include "cycle-stage-editor.h"
#include "cycle-stage-widget.h"
#include "cycle-toaster.h"
#include "cycle-window-private.h"
#include "ui-test-util.h"

static CycleApplication *app;

/* ------------------------------------------------------------------------------------------------
 * Helpers
 */

typedef struct
{
  char        *dir;
  GFile       *file;
  CycleWindow *window;
  CycleCanvas *canvas;
  CyclePlan   *plan;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ui_test_copy_sample ("cycle-test-canvas-XXXXXX", &fixture->file);

  if (data != NULL)
    {
      g_application_activate (G_APPLICATION (app));  /* an empty plan */
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CycleDocument) document = cycle_document_new_from_file (fixture->file, NULL,
                                                                        &error);

      /* The plan there before the window first shows, always: the application's open path
       * loads in a worker thread, and a window shown before its plan arrives gets the stage
       * under the pointer hovered (test-window tests that path) */
      g_assert_no_error (error);
      gtk_window_present (GTK_WINDOW (cycle_window_new (GTK_APPLICATION (app), document)));
    }

  g_assert_cmpuint (ui_test_count_windows (app), ==, 1);
  fixture->window = ui_test_get_window (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  ui_test_wait_for_draw (GTK_WIDGET (fixture->window));

  fixture->plan = ui_test_window_plan (fixture->window);
  /* An empty plan shows the empty state: the canvas is there, not shown. */
  fixture->canvas = CYCLE_CANVAS (ui_test_find_widget (GTK_WIDGET (fixture->window),
                                                       CYCLE_TYPE_CANVAS, FALSE));
  g_assert_nonnull (fixture->canvas);
  g_assert_true (cycle_canvas_get_plan (fixture->canvas) == fixture->plan);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_destroy_windows (app);

  ui_test_clear_temp_copy (&fixture->dir, &fixture->file);
}

/* The mapped widget of @type in @widget's tree. */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  return ui_test_find_widget (widget, type, TRUE);
}

static void
activate (GtkWidget  *widget,
          const char *action,
          GVariant   *parameter)
{
  ui_test_activate (widget, action, parameter);
}

static CycleStage *
stage (Fixture    *fixture,
       const char *id)
{
  CycleStage *found = cycle_plan_find_stage (fixture->plan, id);

  g_assert_nonnull (found);
  return found;
}

static guint
n_stages (Fixture *fixture)
{
  return g_list_model_get_n_items (cycle_plan_get_stages (fixture->plan));
}

static guint
n_links (Fixture *fixture)
{
  return g_list_model_get_n_items (cycle_plan_get_links (fixture->plan));
}

static CycleLink *
find_link (Fixture    *fixture,
           CycleStage *source,
           CycleStage *target)
{
  GListModel *links = cycle_plan_get_links (fixture->plan);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links, i);

      if (cycle_link_get_source (link) == source && cycle_link_get_target (link) == target)
        return link;
    }

  return NULL;
}

/* The centre of a stage, in the canvas widget's coordinates. */
static void
stage_center (Fixture    *fixture,
              CycleStage *item,
              double     *x,
              double     *y)
{
  const CycleStageGeometry *g = cycle_canvas_get_stage_geometry (fixture->canvas, item);

  g_assert_nonnull (g);
  cycle_canvas_canvas_to_widget (fixture->canvas, g->bounds.x + g->bounds.width / 2,
                                 g->bounds.y + g->bounds.height / 2, x, y);
}

static void
drag (Fixture         *fixture,
      double           x,
      double           y,
      double           dx,
      double           dy,
      GdkModifierType  state)
{
  cycle_canvas_pointer_press (fixture->canvas, GDK_BUTTON_PRIMARY, x, y, state);
  cycle_canvas_pointer_drag (fixture->canvas, dx / 3, dy / 3);
  cycle_canvas_pointer_drag (fixture->canvas, dx, dy);
  cycle_canvas_pointer_release (fixture->canvas);
  ui_test_drain ();
}

static void
click (Fixture         *fixture,
       double           x,
       double           y,
       GdkModifierType  state)
{
  cycle_canvas_pointer_press (fixture->canvas, GDK_BUTTON_PRIMARY, x, y, state);
  cycle_canvas_pointer_release (fixture->canvas);
  ui_test_drain ();
}

static guint
n_selected_stages (Fixture *fixture)
{
  g_autoptr(GPtrArray) selected = cycle_canvas_get_selected_stages (fixture->canvas);

  return selected->len;
}

static gboolean
stages_overlap (CycleStage *a,
                CycleStage *b)
{
  return fabs (cycle_stage_get_x (a) - cycle_stage_get_x (b)) < CYCLE_STAGE_WIDTH &&
         fabs (cycle_stage_get_y (a) - cycle_stage_get_y (b)) < CYCLE_STAGE_HEIGHT;
}

/* ------------------------------------------------------------------------------------------------
 * Tests
 */

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  CycleStage *first, *second, *third;
  g_autoptr(CycleStage) kept = NULL;
  GtkWidget *widget;

  g_assert_cmpuint (n_stages (fixture), ==, 0);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->canvas)));

  /* The header button's action: a stage at a free spot, selected, its name ready to type. */
  activate (GTK_WIDGET (fixture->window), "win.add-stage", NULL);
  g_assert_cmpuint (n_stages (fixture), ==, 1);
  first = cycle_canvas_get_selected_stage (fixture->canvas);
  g_assert_nonnull (first);
  g_assert_cmpint (cycle_stage_get_lane (first), ==, CYCLE_LANE_INTERNAL);
  ui_test_wait_for_draw (GTK_WIDGET (fixture->canvas));
  g_assert_nonnull (cycle_canvas_get_rename_entry (fixture->canvas));
  widget = cycle_canvas_get_stage_widget (fixture->canvas, first);
  g_assert_true (gtk_widget_get_mapped (widget));

  /* Each new one finds a free spot. */
  activate (GTK_WIDGET (fixture->window), "win.add-stage-in-lane",
            g_variant_new_string ("journey"));
  second = cycle_canvas_get_selected_stage (fixture->canvas);
  g_assert_true (second != first);
  g_assert_cmpint (cycle_stage_get_lane (second), ==, CYCLE_LANE_JOURNEY);
  g_assert_false (stages_overlap (first, second));
  cycle_canvas_unselect_all (fixture->canvas);
  activate (GTK_WIDGET (fixture->window), "win.add-stage", NULL);
  third = cycle_canvas_get_selected_stage (fixture->canvas);
  g_assert_true (fixture->canvas->renaming == third);
  g_assert_cmpuint (n_stages (fixture), ==, 3);
  g_assert_false (stages_overlap (first, third));
  g_assert_false (stages_overlap (second, third));

  /* A double click on empty canvas (its menu's action): at that point. */
  activate (GTK_WIDGET (fixture->canvas), "canvas.add-stage-at",
            g_variant_new ("(sdd)", "internal", 900.0, 500.0));
  g_assert_cmpuint (n_stages (fixture), ==, 4);
  kept = g_object_ref (cycle_canvas_get_selected_stage (fixture->canvas));
  g_assert_cmpfloat (cycle_stage_get_x (kept), ==, 900.0);
  g_assert_cmpfloat (cycle_stage_get_y (kept), ==, 500.0);
  /* Every way of adding a stage leaves its name ready to type over, the window's actions
   * being the canvas's. */
  g_assert_true (fixture->canvas->renaming == kept);
  g_assert_nonnull (cycle_canvas_get_rename_entry (fixture->canvas));

  /* Each addition is one undo step. */
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (n_stages (fixture), ==, 3);
  g_assert_null (cycle_item_get_plan (CYCLE_ITEM (kept)));
  g_assert_null (cycle_canvas_get_stage_widget (fixture->canvas, kept));
  activate (GTK_WIDGET (fixture->window), "win.redo", NULL);
  g_assert_cmpuint (n_stages (fixture), ==, 4);
  g_assert_nonnull (cycle_canvas_get_stage_widget (fixture->canvas, kept));
}

/* Ctrl+Enter after a stage: the new stage goes into the flow, in one undo step, its name ready
 * to type over. */
static void
test_add_after (Fixture       *fixture,
                gconstpointer  data)
{
  CycleStage *s1 = stage (fixture, "s1"), *s2 = stage (fixture, "s2");
  guint stages = n_stages (fixture), links = n_links (fixture);
  CycleStage *added;
  GtkEditable *entry;

  g_assert_nonnull (find_link (fixture, s1, s2));
  cycle_canvas_select_stage (fixture->canvas, s1, CYCLE_SELECT_REPLACE);
  activate (GTK_WIDGET (fixture->window), "win.add-stage", NULL);

  added = cycle_canvas_get_selected_stage (fixture->canvas);
  g_assert_true (added != s1);
  g_assert_cmpuint (n_stages (fixture), ==, stages + 1);
  g_assert_cmpuint (n_links (fixture), ==, links + 1);
  g_assert_null (find_link (fixture, s1, s2));
  g_assert_cmpint (cycle_link_get_kind (find_link (fixture, s1, added)), ==, CYCLE_LINK_NEXT);
  g_assert_cmpint (cycle_link_get_kind (find_link (fixture, added, s2)), ==, CYCLE_LINK_NEXT);

  /* Typing replaces the whole name */
  entry = cycle_canvas_get_rename_entry (fixture->canvas);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, cycle_stage_get_name (added));
  {
    int start, end;

    g_assert_true (gtk_editable_get_selection_bounds (entry, &start, &end));
    g_assert_cmpint (start, ==, 0);
    g_assert_cmpint (end, ==, g_utf8_strlen (cycle_stage_get_name (added), -1));
  }
  _cycle_canvas_stop_rename (fixture->canvas, FALSE);

  /* One undo takes the stage and its links away and puts s1 → s2 back */
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (n_stages (fixture), ==, stages);
  g_assert_cmpuint (n_links (fixture), ==, links);
  g_assert_nonnull (find_link (fixture, s1, s2));
}

static void
test_connect (Fixture       *fixture,
              gconstpointer  data)
{
  CycleStage *s1 = stage (fixture, "s1"), *s2 = stage (fixture, "s2"), *s3 = stage (fixture, "s3");
  GtkWidget *widget;
  CyclePoint handle;
  double hx, hy, tx, ty;
  CycleLink *link;
  GtkEditable *search;
  guint links = n_links (fixture);

  /* Dragging from the selected stage's handle onto another stage links them: s2 comes after
   * s1 in the plan, and a link already goes s1 → s2, so drag s2 → s1: a loop back. */
  g_assert_null (find_link (fixture, s2, s1));
  cycle_canvas_select_stage (fixture->canvas, s2, CYCLE_SELECT_REPLACE);
  widget = cycle_canvas_get_stage_widget (fixture->canvas, s2);
  cycle_stage_widget_get_handle_point (CYCLE_STAGE_WIDGET (widget), &handle);
  cycle_canvas_canvas_to_widget (fixture->canvas, handle.x, handle.y, &hx, &hy);
  stage_center (fixture, s1, &tx, &ty);
  drag (fixture, hx, hy, tx - hx, ty - hy, 0);
  link = find_link (fixture, s2, s1);
  g_assert_nonnull (link);
  g_assert_cmpint (cycle_link_get_kind (link), ==, CYCLE_LINK_LOOP);
  g_assert_cmpuint (n_links (fixture), ==, links + 1);
  /* Positions did not move: that was a connection, not a move. */
  g_assert_cmpfloat (cycle_stage_get_x (s2), ==, 240.0);

  /* Undo removes it, in one step. */
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_null (find_link (fixture, s2, s1));

  /* Across lanes: a mapping; forwards in the same lane: next. */
  link = cycle_canvas_connect (fixture->canvas, s1, s3);
  g_assert_cmpint (cycle_link_get_kind (link), ==, CYCLE_LINK_MAPPING);
  g_assert_cmpint (cycle_canvas_default_link_kind (fixture->plan, s2, s1), ==, CYCLE_LINK_LOOP);
  g_assert_cmpint (cycle_canvas_default_link_kind (fixture->plan, s1, s2), ==, CYCLE_LINK_NEXT);
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);

  /* The keyboard: "Connect to…" lists the other stages; typing filters, Enter links. */
  cycle_canvas_select_stage (fixture->canvas, s2, CYCLE_SELECT_REPLACE);
  activate (GTK_WIDGET (fixture->canvas), "canvas.connect", NULL);
  search = GTK_EDITABLE (gtk_root_get_focus (GTK_ROOT (fixture->window)));
  g_assert_true (GTK_IS_TEXT (search));
  search = GTK_EDITABLE (gtk_widget_get_ancestor (GTK_WIDGET (search), GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (search);
  gtk_editable_set_text (search, "evang");
  ui_test_drain ();
  g_signal_emit_by_name (search, "activate");
  ui_test_drain ();
  link = find_link (fixture, s2, s3);
  g_assert_nonnull (link);
  g_assert_cmpint (cycle_link_get_kind (link), ==, CYCLE_LINK_MAPPING);
  /* The focus is back on the stage, which a screen reader hears about its links. */
  widget = cycle_canvas_get_stage_widget (fixture->canvas, s2);
  ui_test_wait_until (gtk_widget_has_focus (widget));

  /* The link's kind can change (its context menu's action), undoably. */
  activate (GTK_WIDGET (fixture->canvas), "canvas.set-link-kind",
            g_variant_new ("(ss)", cycle_item_get_id (CYCLE_ITEM (link)), "next"));
  g_assert_cmpint (cycle_link_get_kind (link), ==, CYCLE_LINK_NEXT);
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpint (cycle_link_get_kind (link), ==, CYCLE_LINK_MAPPING);

  /* Menus open without complaint (G_DEBUG=fatal-warnings), for a stage and for a link. */
  activate (GTK_WIDGET (fixture->canvas), "canvas.menu", NULL);
  ui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  cycle_canvas_select_link (fixture->canvas, link, CYCLE_SELECT_REPLACE);
  activate (GTK_WIDGET (fixture->canvas), "canvas.menu", NULL);
  activate (GTK_WIDGET (fixture->canvas), "canvas.link-kind", g_variant_new_string ("loop"));
  g_assert_cmpint (cycle_link_get_kind (link), ==, CYCLE_LINK_LOOP);

  /* Removing it from the stage's menu. */
  activate (GTK_WIDGET (fixture->canvas), "canvas.remove-link",
            g_variant_new_string (cycle_item_get_id (CYCLE_ITEM (link))));
  g_assert_null (find_link (fixture, s2, s3));
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  CycleStage *s1 = stage (fixture, "s1");
  double zoom = cycle_canvas_get_zoom (fixture->canvas);
  double x, y;

  g_assert_cmpint (cycle_plan_get_layout (fixture->plan), ==, CYCLE_LAYOUT_FREE);
  g_assert_false (cycle_plan_can_undo (fixture->plan));

  /* Dragging a stage moves it with the pointer, in canvas units. */
  stage_center (fixture, s1, &x, &y);
  drag (fixture, x, y, 60 * zoom, 30 * zoom, 0);
  g_assert_cmpfloat (fabs (cycle_stage_get_x (s1) - 100.0), <, 1.0);
  g_assert_cmpfloat (fabs (cycle_stage_get_y (s1) - 90.0), <, 1.0);
  g_assert_true (cycle_canvas_get_selected_stage (fixture->canvas) == s1);

  /* The whole drag is one undo step. */
  g_assert_true (cycle_plan_can_undo (fixture->plan));
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpfloat (cycle_stage_get_x (s1), ==, 40.0);
  g_assert_cmpfloat (cycle_stage_get_y (s1), ==, 60.0);
  g_assert_false (cycle_plan_can_undo (fixture->plan));
  g_assert_false (cycle_plan_get_modified (fixture->plan));

  /* Redo brings the whole move back. */
  activate (GTK_WIDGET (fixture->window), "win.redo", NULL);
  g_assert_cmpfloat (fabs (cycle_stage_get_x (s1) - 100.0), <, 1.0);

  /* A press without a move only selects. */
  stage_center (fixture, stage (fixture, "s2"), &x, &y);
  click (fixture, x, y, 0);
  g_assert_true (cycle_canvas_get_selected_stage (fixture->canvas) == stage (fixture, "s2"));
  g_assert_cmpfloat (cycle_stage_get_x (stage (fixture, "s2")), ==, 240.0);
}

static void
test_multi_move (Fixture       *fixture,
                 gconstpointer  data)
{
  CycleStage *s1 = stage (fixture, "s1"), *s2 = stage (fixture, "s2"), *s3 = stage (fixture, "s3");
  double zoom = cycle_canvas_get_zoom (fixture->canvas);
  double x, y;

  /* Click, then Shift-click: both selected. Ctrl-click toggles. */
  stage_center (fixture, s1, &x, &y);
  click (fixture, x, y, 0);
  stage_center (fixture, s2, &x, &y);
  click (fixture, x, y, GDK_SHIFT_MASK);
  g_assert_cmpuint (n_selected_stages (fixture), ==, 2);
  stage_center (fixture, s3, &x, &y);
  click (fixture, x, y, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_selected_stages (fixture), ==, 3);
  click (fixture, x, y, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_selected_stages (fixture), ==, 2);

  /* Dragging one of them moves both, as one undo step. */
  stage_center (fixture, s2, &x, &y);
  drag (fixture, x, y, 0, 100 * zoom, 0);
  g_assert_cmpfloat (fabs (cycle_stage_get_y (s1) - 160.0), <, 1.0);
  g_assert_cmpfloat (fabs (cycle_stage_get_y (s2) - 160.0), <, 1.0);
  g_assert_cmpfloat (cycle_stage_get_y (s3), ==, 60.0);
  g_assert_cmpuint (n_selected_stages (fixture), ==, 2);

  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpfloat (cycle_stage_get_y (s1), ==, 60.0);
  g_assert_cmpfloat (cycle_stage_get_y (s2), ==, 60.0);
  g_assert_false (cycle_plan_can_undo (fixture->plan));

  /* A rubber band on empty canvas selects what it touches; Ctrl+A selects everything. */
  cycle_canvas_unselect_all (fixture->canvas);
  {
    double x1, y1, x2, y2;

    cycle_canvas_canvas_to_widget (fixture->canvas, 20, 20, &x1, &y1);
    cycle_canvas_canvas_to_widget (fixture->canvas, 300, 100, &x2, &y2);
    drag (fixture, x1, y1, x2 - x1, y2 - y1, 0);
  }
  g_assert_cmpuint (n_selected_stages (fixture), ==, 2);
  activate (GTK_WIDGET (fixture->canvas), "canvas.select-all", NULL);
  g_assert_cmpuint (n_selected_stages (fixture), ==, 3);
  /* A click on empty canvas selects nothing. */
  {
    double ex, ey;

    cycle_canvas_canvas_to_widget (fixture->canvas, 300, 400, &ex, &ey);
    click (fixture, ex, ey, 0);
  }
  g_assert_false (cycle_canvas_has_selection (fixture->canvas));
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  CycleStage *s1 = stage (fixture, "s1");
  g_autoptr(CycleStage) s3 = g_object_ref (stage (fixture, "s3"));
  CycleLink *l1 = cycle_plan_find_link (fixture->plan, "l1");

  g_assert_cmpuint (n_stages (fixture), ==, 3);
  g_assert_cmpuint (n_links (fixture), ==, 2);

  /* A stage and a link, removed as one step (the stage's own links go with it). */
  cycle_canvas_select_stage (fixture->canvas, s3, CYCLE_SELECT_REPLACE);
  cycle_canvas_select_link (fixture->canvas, l1, CYCLE_SELECT_EXTEND);
  activate (GTK_WIDGET (fixture->canvas), "canvas.delete", NULL);
  g_assert_cmpuint (n_stages (fixture), ==, 2);
  g_assert_cmpuint (n_links (fixture), ==, 0);
  g_assert_null (cycle_canvas_get_stage_widget (fixture->canvas, s3));
  g_assert_false (cycle_canvas_has_selection (fixture->canvas));

  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (n_stages (fixture), ==, 3);
  g_assert_cmpuint (n_links (fixture), ==, 2);
  g_assert_nonnull (cycle_canvas_get_stage_widget (fixture->canvas, s3));
  g_assert_false (cycle_plan_get_modified (fixture->plan));

  /* The window's "Remove" acts on the canvas's selection too. */
  cycle_canvas_select_stage (fixture->canvas, s1, CYCLE_SELECT_REPLACE);
  activate (GTK_WIDGET (fixture->window), "win.remove-stage", NULL);
  g_assert_null (cycle_plan_find_stage (fixture->plan, "s1"));
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_nonnull (cycle_plan_find_stage (fixture->plan, "s1"));

  /* Everything: the empty state comes back, and goes with undo. */
  activate (GTK_WIDGET (fixture->canvas), "canvas.select-all", NULL);
  activate (GTK_WIDGET (fixture->canvas), "canvas.delete", NULL);
  g_assert_cmpuint (n_stages (fixture), ==, 0);
  ui_test_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_nonnull (find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE));
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (n_stages (fixture), ==, 3);
  g_assert_cmpuint (n_links (fixture), ==, 2);
}

/* Toasts on the overlay now (those hiding included): its first child is the page. */
static guint
n_toast_widgets (Fixture *fixture)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->window->toast_overlay));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n - 1;
}

static gboolean
wake_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for about @msec ms (0: what is pending), as a person's pace would. */
static void
pause_for (guint msec)
{
  gboolean woken = FALSE;

  if (msec == 0)
    {
      ui_test_drain ();
      return;
    }
  g_timeout_add (msec, wake_cb, &woken);
  while (!woken)
    g_main_context_iteration (NULL, TRUE);
}

/* libadwaita 1.2 crashed when a toast was dismissed while it was still sliding in after another
 * one (see cycle-toaster.c). Removals, undos and redos in fast succession, each with its toast
 * and its withdrawal, at random paces from none to a few frames; sometimes the person dismisses
 * the toast too, as Escape or its close button would. One toast at a time is ever on screen. */
static void
test_toast_stress (Fixture       *fixture,
                   gconstpointer  data)
{
  CycleToaster *toaster = fixture->window->toaster;
  const char *rounds_env = g_getenv ("CYCLE_TOAST_ROUNDS");
  guint rounds = rounds_env != NULL ? (guint) g_ascii_strtoull (rounds_env, NULL, 10) : 1000;
  guint max_widgets = 0;

  for (guint i = 0; i < rounds; i++)
    {
      CycleStage *s = stage (fixture, i % 2 ? "s2" : "s3");

      cycle_canvas_select_stage (fixture->canvas, s, CYCLE_SELECT_REPLACE);
      activate (GTK_WIDGET (fixture->canvas), "canvas.delete", NULL);
      g_assert_cmpuint (n_stages (fixture), ==, 2);
      g_assert_true (cycle_toaster_has_offer (toaster));
      pause_for (g_test_rand_int_range (0, 4) * 8);
      max_widgets = MAX (max_widgets, n_toast_widgets (fixture));

      if (g_test_rand_int_range (0, 8) == 0 && cycle_toaster_get_current (toaster) != NULL)
        adw_toast_dismiss (cycle_toaster_get_current (toaster));

      activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
      g_assert_cmpuint (n_stages (fixture), ==, 3);
      g_assert_false (cycle_toaster_has_offer (toaster));
      pause_for (g_test_rand_int_range (0, 4) * 8);
      max_widgets = MAX (max_widgets, n_toast_widgets (fixture));

      if (g_test_rand_int_range (0, 2))
        {
          activate (GTK_WIDGET (fixture->window), "win.redo", NULL);
          g_assert_cmpuint (n_stages (fixture), ==, 2);
          pause_for (g_test_rand_int_range (0, 3) * 8);
          activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
          g_assert_cmpuint (n_stages (fixture), ==, 3);
          max_widgets = MAX (max_widgets, n_toast_widgets (fixture));
        }
    }

  g_test_message ("%u rounds; at most %u toast on screen at once", rounds, max_widgets);
  g_assert_cmpuint (max_widgets, <=, 1);
  /* Whatever was on screen goes: no offer is left about a step that was undone. */
  ui_test_wait_until (cycle_toaster_get_current (toaster) == NULL &&
                      n_toast_widgets (fixture) == 0);
  g_assert_cmpuint (cycle_toaster_get_n_waiting (toaster), ==, 0);
  g_assert_false (cycle_plan_get_modified (fixture->plan));
}

/* A toast dismissed as it appears (Escape, its close button) stays until its show animation is
 * over, then goes; a new offer meanwhile waits for it to have gone. Whether a dismissal comes
 * early depends on how fast the machine runs the test: the toaster says, and the test tries
 * again until it has seen one held back. */
static void
test_toast_early_dismissal (Fixture       *fixture,
                            gconstpointer  data)
{
  CycleToaster *toaster = fixture->window->toaster;
  gboolean held_back = FALSE;
  AdwToast *first;

  for (guint attempt = 0; attempt < 20 && !held_back; attempt++)
    {
      gboolean early;

      cycle_canvas_select_stage (fixture->canvas, stage (fixture, "s3"), CYCLE_SELECT_REPLACE);
      activate (GTK_WIDGET (fixture->canvas), "canvas.delete", NULL);
      ui_test_wait_until (cycle_toaster_get_current (toaster) != NULL);
      first = cycle_toaster_get_current (toaster);
      g_assert_cmpuint (n_toast_widgets (fixture), ==, 1);

      early = cycle_toaster_is_appearing (toaster);
      adw_toast_dismiss (first);
      if (early)
        {
          held_back = TRUE;
          g_assert_true (cycle_toaster_get_current (toaster) == first);
          g_assert_cmpuint (n_toast_widgets (fixture), ==, 1);
        }
      else
        g_assert_true (cycle_toaster_get_current (toaster) != first);

      /* Gone once it has finished appearing and hiding. */
      ui_test_wait_until (cycle_toaster_get_current (toaster) == NULL &&
                          n_toast_widgets (fixture) == 0);
      activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
      g_assert_cmpuint (n_stages (fixture), ==, 3);
    }
  g_assert_true (held_back);

  /* Another removal while a toast shows: its offer replaces it, one toast at a time. */
  cycle_canvas_select_stage (fixture->canvas, stage (fixture, "s3"), CYCLE_SELECT_REPLACE);
  activate (GTK_WIDGET (fixture->canvas), "canvas.delete", NULL);
  /* (It waits for the last one's hide to be over.) */
  ui_test_wait_until (cycle_toaster_get_current (toaster) != NULL);
  first = cycle_toaster_get_current (toaster);
  cycle_canvas_select_stage (fixture->canvas, stage (fixture, "s2"), CYCLE_SELECT_REPLACE);
  activate (GTK_WIDGET (fixture->canvas), "canvas.delete", NULL);
  g_assert_cmpuint (n_toast_widgets (fixture), <=, 1);
  /* The new offer waits while the first toast goes; on a slow run (the removal's own work took
   * longer than both animations) it may already show. */
  if (cycle_toaster_get_n_waiting (toaster) == 1)
    g_assert_true (cycle_toaster_get_current (toaster) == first ||
                   cycle_toaster_get_current (toaster) == NULL);
  else
    g_assert_true (cycle_toaster_get_current (toaster) != first &&
                   cycle_toaster_get_current (toaster) != NULL);

  ui_test_wait_until (cycle_toaster_get_current (toaster) != NULL &&
                      cycle_toaster_get_current (toaster) != first);
  g_assert_cmpuint (n_toast_widgets (fixture), ==, 1);
  g_assert_cmpstr (adw_toast_get_action_name (cycle_toaster_get_current (toaster)), ==,
                   "win.undo");

  /* Undo takes the offer away, once it has finished appearing. */
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_false (cycle_toaster_has_offer (toaster));
  ui_test_wait_until (cycle_toaster_get_current (toaster) == NULL &&
                      n_toast_widgets (fixture) == 0);
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  CycleStage *s1 = stage (fixture, "s1");
  CycleStage *copy;
  GListModel *stages = cycle_plan_get_stages (fixture->plan);

  cycle_stage_set_color (s1, "#3584e4");
  cycle_stage_set_days (s1, 12);
  cycle_canvas_select_stage (fixture->canvas, s1, CYCLE_SELECT_REPLACE);
  activate (GTK_WIDGET (fixture->canvas), "canvas.duplicate", NULL);

  g_assert_cmpuint (n_stages (fixture), ==, 4);
  copy = cycle_canvas_get_selected_stage (fixture->canvas);
  g_assert_true (copy != s1);
  {
    g_autoptr(CycleStage) second = g_list_model_get_item (stages, 1);

    /* Right after the original, in the plan's order. */
    g_assert_true (second == copy);
  }
  g_assert_cmpstr (cycle_stage_get_name (copy), ==, "Visitors (copy)");
  g_assert_cmpint (cycle_stage_get_lane (copy), ==, cycle_stage_get_lane (s1));
  g_assert_cmpstr (cycle_stage_get_why (copy), ==, cycle_stage_get_why (s1));
  g_assert_cmpint (cycle_stage_get_permission (copy), ==, cycle_stage_get_permission (s1));
  g_assert_cmpfloat (cycle_stage_get_conversion_rate (copy), ==, 0.04);
  g_assert_cmpint (cycle_stage_get_days (copy), ==, 12);
  g_assert_cmpstr (cycle_stage_get_color (copy), ==, "#3584e4");
  /* Not its content; placed beside, not on top. */
  g_assert_cmpuint (cycle_stage_get_n_content (s1), ==, 2);
  g_assert_cmpuint (cycle_stage_get_n_content (copy), ==, 0);
  g_assert_false (stages_overlap (s1, copy));

  /* One stage: its links to the others stay the original's. */
  g_assert_cmpuint (n_links (fixture), ==, 2);

  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (n_stages (fixture), ==, 3);
  g_assert_cmpuint (cycle_stage_get_n_content (s1), ==, 2);

  /* Two stages: the link between them is copied, with its kind and rate, in the same step. */
  cycle_canvas_select_stage (fixture->canvas, s1, CYCLE_SELECT_REPLACE);
  cycle_canvas_select_stage (fixture->canvas, stage (fixture, "s2"), CYCLE_SELECT_TOGGLE);
  activate (GTK_WIDGET (fixture->canvas), "canvas.duplicate", NULL);
  g_assert_cmpuint (n_stages (fixture), ==, 5);
  g_assert_cmpuint (n_links (fixture), ==, 3);
  {
    g_autoptr(CycleLink) twin = g_list_model_get_item (cycle_plan_get_links (fixture->plan), 2);

    g_assert_cmpstr (cycle_stage_get_name (cycle_link_get_source (twin)), ==, "Visitors (copy)");
    g_assert_cmpstr (cycle_stage_get_name (cycle_link_get_target (twin)), ==,
                     "Subscribers (copy)");
    g_assert_cmpint (cycle_link_get_kind (twin), ==, CYCLE_LINK_NEXT);
    g_assert_cmpfloat (cycle_link_get_rate (twin), ==, 0.5);
  }
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpuint (n_stages (fixture), ==, 3);
  g_assert_cmpuint (n_links (fixture), ==, 2);
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  CycleStage *s2 = stage (fixture, "s2");
  GtkEditable *entry;
  GtkEventController *keys;
  gboolean handled = FALSE;

  cycle_canvas_select_stage (fixture->canvas, s2, CYCLE_SELECT_REPLACE);
  activate (GTK_WIDGET (fixture->window), "win.rename-stage", NULL);
  entry = cycle_canvas_get_rename_entry (fixture->canvas);
  g_assert_nonnull (entry);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Subscribers");

  /* Escape cancels. */
  gtk_editable_set_text (entry, "Members");
  keys = ui_test_find_controller (GTK_WIDGET (entry), GTK_TYPE_EVENT_CONTROLLER_KEY);
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
  ui_test_drain ();
  g_assert_true (handled);
  g_assert_null (cycle_canvas_get_rename_entry (fixture->canvas));
  g_assert_cmpstr (cycle_stage_get_name (s2), ==, "Subscribers");
  g_assert_false (cycle_plan_can_undo (fixture->plan));
  /* The focus goes back to the stage. */
  g_assert_true (gtk_widget_has_focus (cycle_canvas_get_stage_widget (fixture->canvas, s2)));

  /* Enter commits, as one undo step. */
  activate (GTK_WIDGET (fixture->canvas), "canvas.rename", NULL);
  entry = cycle_canvas_get_rename_entry (fixture->canvas);
  gtk_editable_set_text (entry, "Members");
  g_signal_emit_by_name (entry, "activate");
  ui_test_drain ();
  g_assert_null (cycle_canvas_get_rename_entry (fixture->canvas));
  g_assert_cmpstr (cycle_stage_get_name (s2), ==, "Members");
  g_assert_cmpstr (cycle_plan_get_undo_label (fixture->plan), !=, NULL);
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpstr (cycle_stage_get_name (s2), ==, "Subscribers");
  g_assert_false (cycle_plan_can_undo (fixture->plan));
}

static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  CycleStage *s1 = stage (fixture, "s1"), *s2 = stage (fixture, "s2");
  GtkWidget *w1 = cycle_canvas_get_stage_widget (fixture->canvas, s1);
  GtkWidget *w2 = cycle_canvas_get_stage_widget (fixture->canvas, s2);
  double pan_x, pan_y, pan_x2, pan_y2;

  /* Nothing focused on the canvas: arrows pan. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  cycle_canvas_get_pan (fixture->canvas, &pan_x, &pan_y);
  activate (GTK_WIDGET (fixture->canvas), "canvas.move-focus", g_variant_new ("(ii)", 0, 1));
  cycle_canvas_get_pan (fixture->canvas, &pan_x2, &pan_y2);
  g_assert_cmpfloat (pan_x2, ==, pan_x);
  g_assert_cmpfloat (pan_y2, <, pan_y);

  /* Tab reaches the stages in the plan's order; focusing one selects it. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->canvas), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (w1));
  g_assert_true (cycle_canvas_get_selected_stage (fixture->canvas) == s1);
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->canvas), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (w2));

  /* Arrows go to the nearest stage that way. */
  activate (GTK_WIDGET (fixture->canvas), "canvas.move-focus", g_variant_new ("(ii)", -1, 0));
  g_assert_true (gtk_widget_has_focus (w1));
  g_assert_true (cycle_canvas_get_selected_stage (fixture->canvas) == s1);
  activate (GTK_WIDGET (fixture->canvas), "canvas.move-focus", g_variant_new ("(ii)", 1, 0));
  g_assert_true (gtk_widget_has_focus (w2));

  /* Alt+arrows move the selection by 8, one undo step for each press. */
  activate (GTK_WIDGET (fixture->canvas), "canvas.nudge", g_variant_new ("(ii)", 1, 0));
  activate (GTK_WIDGET (fixture->canvas), "canvas.nudge", g_variant_new ("(ii)", 0, 1));
  g_assert_cmpfloat (cycle_stage_get_x (s2), ==, 248.0);
  g_assert_cmpfloat (cycle_stage_get_y (s2), ==, 68.0);
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpfloat (cycle_stage_get_x (s2), ==, 248.0);
  g_assert_cmpfloat (cycle_stage_get_y (s2), ==, 60.0);
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpfloat (cycle_stage_get_x (s2), ==, 240.0);

  /* Zoom: in, out, and back to the whole plan. */
  {
    double zoom = cycle_canvas_get_zoom (fixture->canvas);

    activate (GTK_WIDGET (fixture->canvas), "canvas.zoom-in", NULL);
    g_assert_cmpfloat (cycle_canvas_get_zoom (fixture->canvas), >, zoom);
    activate (GTK_WIDGET (fixture->canvas), "canvas.zoom-out", NULL);
    activate (GTK_WIDGET (fixture->canvas), "canvas.zoom-out", NULL);
    g_assert_cmpfloat (cycle_canvas_get_zoom (fixture->canvas), <, zoom);
    activate (GTK_WIDGET (fixture->canvas), "canvas.zoom-fit", NULL);
    g_assert_cmpfloat (fabs (cycle_canvas_get_zoom (fixture->canvas) - zoom), <, 1e-6);
  }

  /* Zooming round a point keeps that point of the plan under it. */
  {
    double x, y, x2, y2;

    stage_center (fixture, s1, &x, &y);
    cycle_canvas_set_zoom (fixture->canvas, 2.0, &GRAPHENE_POINT_INIT (x, y));
    stage_center (fixture, s1, &x2, &y2);
    g_assert_cmpfloat (fabs (x2 - x), <, 0.01);
    g_assert_cmpfloat (fabs (y2 - y), <, 0.01);
  }

  /* Enter opens the editor on the stage, ready to type its name. */
  activate (GTK_WIDGET (fixture->canvas), "canvas.activate", NULL);
  {
    GtkWidget *editor;

    ui_test_wait_until (find_widget (GTK_WIDGET (fixture->window),
                                     CYCLE_TYPE_STAGE_EDITOR) != NULL);
    editor = find_widget (GTK_WIDGET (fixture->window), CYCLE_TYPE_STAGE_EDITOR);
    g_assert_true (cycle_stage_editor_get_stage (CYCLE_STAGE_EDITOR (editor)) == s2);
    ui_test_wait_until (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                                editor));
  }
}

static void
record_positions (Fixture *fixture,
                  double  *positions)
{
  GListModel *stages = cycle_plan_get_stages (fixture->plan);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CycleStage) item = g_list_model_get_item (stages, i);

      positions[2 * i] = cycle_stage_get_x (item);
      positions[2 * i + 1] = cycle_stage_get_y (item);
    }
}

static void
test_layouts (Fixture       *fixture,
              gconstpointer  data)
{
  static const char *layouts[] = { "funnel", "cycle", "two-lanes", "free" };
  double before[6], after[6];
  CycleStageGeometry free_geometry;
  CycleStage *s1 = stage (fixture, "s1"), *s2 = stage (fixture, "s2");
  GListModel *stages = cycle_plan_get_stages (fixture->plan);

  record_positions (fixture, before);
  free_geometry = *cycle_canvas_get_stage_geometry (fixture->canvas, s2);

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      int layout;

      activate (GTK_WIDGET (fixture->window), "win.layout", g_variant_new_string (layouts[i]));
      g_assert_true (cycle_enum_from_nick (CYCLE_TYPE_LAYOUT, layouts[i], &layout));
      g_assert_cmpint (cycle_plan_get_layout (fixture->plan), ==, layout);
      ui_test_wait_for_draw (GTK_WIDGET (fixture->canvas));

      /* The stage widget stands where the layout puts it (with the projected volumes, which
       * set the funnel's widths). */
      {
        const CycleStageGeometry *g = cycle_canvas_get_stage_geometry (fixture->canvas, s2);
        g_autoptr(CycleProjection) projection = cycle_projection_compute (fixture->plan, 1000, 1,
                                                                          NULL);
        CycleStageGeometry expected[3];
        double volumes[3];

        g_assert_nonnull (projection);
        for (guint j = 0; j < 3; j++)
          volumes[j] = cycle_projection_get_volume (projection, j);
        cycle_layout_compute (fixture->plan, layout, volumes, expected, NULL);
        g_assert_cmpfloat (fabs (g->bounds.x - expected[1].bounds.x), <, 1e-6);
        g_assert_cmpfloat (fabs (g->bounds.y - expected[1].bounds.y), <, 1e-6);
      }
    }

  /* Switching never moved a hand-placed stage: back in free, all is where it was. */
  record_positions (fixture, after);
  for (guint i = 0; i < G_N_ELEMENTS (before); i++)
    g_assert_cmpfloat (before[i], ==, after[i]);
  g_assert_cmpfloat (cycle_canvas_get_stage_geometry (fixture->canvas, s2)->bounds.x, ==,
                     free_geometry.bounds.x);

  /* Each switch is an undo step. */
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpint (cycle_plan_get_layout (fixture->plan), ==, CYCLE_LAYOUT_TWO_LANES);

  /* In a computed layout, dragging a stage onto another's place reorders the lane; the x and
   * y of the stages stay. */
  {
    double x, y, tx, ty;

    stage_center (fixture, s1, &x, &y);
    stage_center (fixture, s2, &tx, &ty);
    drag (fixture, x, y, tx - x, ty - y, 0);
    {
      g_autoptr(CycleStage) first = g_list_model_get_item (stages, 0);

      g_assert_true (first == s2);
    }
    record_positions (fixture, after);
    g_assert_cmpfloat (cycle_stage_get_x (s1), ==, 40.0);
    activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
    {
      g_autoptr(CycleStage) first = g_list_model_get_item (stages, 0);

      g_assert_true (first == s1);
    }
  }

  /* The keyboard reorders too (Alt+arrow). */
  cycle_canvas_select_stage (fixture->canvas, s1, CYCLE_SELECT_REPLACE);
  activate (GTK_WIDGET (fixture->canvas), "canvas.nudge", g_variant_new ("(ii)", 1, 0));
  {
    g_autoptr(CycleStage) second = g_list_model_get_item (stages, 1);

    g_assert_true (second == s1);
  }
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
}

static CycleStageEditor *
show_editor (Fixture    *fixture,
             CycleStage *item)
{
  GtkWidget *editor;

  cycle_canvas_select_stage (fixture->canvas, item, CYCLE_SELECT_REPLACE);
  activate (GTK_WIDGET (fixture->window), "win.show-editor", NULL);
  ui_test_wait_until (find_widget (GTK_WIDGET (fixture->window), CYCLE_TYPE_STAGE_EDITOR) != NULL);
  editor = find_widget (GTK_WIDGET (fixture->window), CYCLE_TYPE_STAGE_EDITOR);
  g_assert_true (cycle_stage_editor_get_stage (CYCLE_STAGE_EDITOR (editor)) == item);

  return CYCLE_STAGE_EDITOR (editor);
}

static AdwPreferencesRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_PREFERENCES_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesRow *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
type_number (GtkSpinButton *spin,
             const char    *text)
{
  GtkWidget *delegate = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (spin)));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  g_signal_emit_by_name (delegate, "activate");
  ui_test_drain ();
}

static void
test_editor (Fixture       *fixture,
             gconstpointer  data)
{
  CycleStage *s1 = stage (fixture, "s1");
  CycleStageEditor *editor = show_editor (fixture, s1);
  AdwPreferencesRow *name_row = find_row (GTK_WIDGET (editor), "Name");
  AdwPreferencesRow *rate_row = find_row (GTK_WIDGET (editor), "Conversion Rate");
  AdwPreferencesRow *lane_row = find_row (GTK_WIDGET (editor), "Lane");
  GtkSpinButton *rate;

  g_assert_nonnull (name_row);
  g_assert_nonnull (rate_row);
  g_assert_nonnull (lane_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Visitors");

  /* Typing renames; the steps of one visit to the field merge into one. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Visitor");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Visitorz");
  g_assert_cmpstr (cycle_stage_get_name (s1), ==, "Visitorz");
  /* A blank name is refused, as in the other editors: the stage keeps the one it had. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), " \u00A0");
  g_assert_cmpstr (cycle_stage_get_name (s1), ==, "Visitorz");
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpstr (cycle_stage_get_name (s1), ==, "Visitors");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Visitors");
  g_assert_false (cycle_plan_can_undo (fixture->plan));

  /* The lane, from its combo row. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (lane_row), CYCLE_LANE_JOURNEY);
  g_assert_cmpint (cycle_stage_get_lane (s1), ==, CYCLE_LANE_JOURNEY);
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpint (cycle_stage_get_lane (s1), ==, CYCLE_LANE_INTERNAL);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (lane_row)), ==,
                    CYCLE_LANE_INTERNAL);

  /* The rate in %, written by the one number formatter ("4", not "4.0"), refused with a
   * message when out of range, never clamped. */
  rate = GTK_SPIN_BUTTON (find_widget (GTK_WIDGET (rate_row), GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (rate);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rate)), ==, "4");
  type_number (rate, "150");
  g_assert_cmpfloat (cycle_stage_get_conversion_rate (s1), ==, 0.04);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (rate_row)), !=, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rate), "error"));
  g_assert_false (cycle_plan_can_undo (fixture->plan));
  type_number (rate, "abc");
  g_assert_cmpfloat (cycle_stage_get_conversion_rate (s1), ==, 0.04);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rate), "error"));

  type_number (rate, "25");
  g_assert_cmpfloat (fabs (cycle_stage_get_conversion_rate (s1) - 0.25), <, 1e-9);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (rate_row)), ==, "");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rate), "error"));
  type_number (rate, "12,5 %");
  g_assert_cmpfloat (fabs (cycle_stage_get_conversion_rate (s1) - 0.125), <, 1e-9);

  /* Empty unsets. */
  type_number (rate, "");
  g_assert_cmpfloat (cycle_stage_get_conversion_rate (s1), ==, CYCLE_RATE_UNSET);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rate)), ==, "");

  /* Each was an undo step, and undo shows in the field. */
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpfloat (fabs (cycle_stage_get_conversion_rate (s1) - 0.125), <, 1e-9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (rate)), ==, "12.5");
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpfloat (cycle_stage_get_conversion_rate (s1), ==, 0.04);

  /* Another stage selected: the editor follows. */
  cycle_canvas_select_stage (fixture->canvas, stage (fixture, "s3"), CYCLE_SELECT_REPLACE);
  ui_test_drain ();
  g_assert_true (cycle_stage_editor_get_stage (editor) == stage (fixture, "s3"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Evangelists");
  cycle_canvas_unselect_all (fixture->canvas);
  ui_test_drain ();
  g_assert_null (cycle_stage_editor_get_stage (editor));
}

static void
test_drop_content (Fixture       *fixture,
                   gconstpointer  data)
{
  CycleStage *s1 = stage (fixture, "s1"), *s2 = stage (fixture, "s2");
  GtkWidget *widget = cycle_canvas_get_stage_widget (fixture->canvas, s2);
  g_autoptr(CycleContent) content = g_list_model_get_item (cycle_stage_get_content (s1), 0);
  GtkDropTarget *target = ui_test_find_controller (widget, GTK_TYPE_DROP_TARGET);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  guint n2 = cycle_stage_get_n_content (s2);

  g_assert_nonnull (target);

  /* A card from the board: the content moves to the end of the stage, undoably. */
  g_value_init (&value, CYCLE_TYPE_CONTENT);
  g_value_set_object (&value, content);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);
  g_assert_true (cycle_content_get_stage (content) == s2);
  g_assert_cmpuint (cycle_stage_get_n_content (s2), ==, n2 + 1);
  {
    g_autoptr(CycleContent) last = g_list_model_get_item (cycle_stage_get_content (s2), n2);

    g_assert_true (last == content);
  }

  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_true (cycle_content_get_stage (content) == s1);

  /* Something else is refused. */
  g_value_init (&value, G_TYPE_OBJECT);
  g_value_set_object (&value, s1);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_false (accepted);
}

/* The canvas rendered like the window renders it (its snapshot, then the cairo renderer). */
static GdkTexture *
render_canvas (Fixture *fixture,
               int     *width,
               int     *height)
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  gsk_renderer_unrealize (renderer);

  return texture;
}

static void
assert_pixel (const guchar    *data,
              gsize            stride,
              double           x,
              double           y,
              const CycleColor *color)
{
  const guchar *p = data + (gsize) floor (y) * stride + (gsize) floor (x) * 4;
  /* Cairo's ARGB32, premultiplied, in native (little-endian: B G R A) order. */
  double a = color->alpha;
  int expected[4] = { (int) round (color->blue * a * 255), (int) round (color->green * a * 255),
                      (int) round (color->red * a * 255), (int) round (a * 255) };

  for (guint i = 0; i < 4; i++)
    {
      if (ABS ((int) p[i] - expected[i]) > 3)
        g_error ("pixel at %.0f,%.0f is %02x%02x%02x%02x (BGRA), expected %02x%02x%02x%02x",
                 x, y, p[0], p[1], p[2], p[3],
                 expected[0], expected[1], expected[2], expected[3]);
    }
}

static void
test_render (Fixture       *fixture,
             gconstpointer  data)
{
  CycleRenderStyle style;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width, height;
  gsize stride;
  GListModel *stages = cycle_plan_get_stages (fixture->plan);
  const char *layouts[] = { "free", "funnel", "cycle", "two-lanes" };

  cycle_render_style_init (&style, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  cycle_stage_set_color (stage (fixture, "s2"), "#e66100");

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      activate (GTK_WIDGET (fixture->window), "win.layout", g_variant_new_string (layouts[l]));
      ui_test_wait_for_draw (GTK_WIDGET (fixture->canvas));

      g_clear_object (&texture);
      texture = render_canvas (fixture, &width, &height);
      stride = (gsize) width * 4;
      g_free (pixels);
      pixels = g_malloc (stride * height);
      gdk_texture_download (texture, pixels, stride);

      /* Each stage's fill is where its geometry says: just inside its left side, halfway
       * down (clear of its border, its rounded corners and its text). */
      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(CycleStage) item = g_list_model_get_item (stages, i);
          const CycleStageGeometry *g = cycle_canvas_get_stage_geometry (fixture->canvas, item);
          CycleColor fill;
          double x, y, inset = 5.0;

          /* A trapezoid's side is slanted: go in from the narrower end, at mid-height. */
          if (g->shape == CYCLE_STAGE_SHAPE_TRAPEZOID)
            inset += (g->bounds.width - (g->top_width + g->bottom_width) / 2) / 2;

          cycle_render_style_get_stage_colors (&style, item, NULL, &fill, NULL);
          cycle_canvas_canvas_to_widget (fixture->canvas, g->bounds.x + inset,
                                         g->bounds.y + g->bounds.height / 2, &x, &y);
          g_assert_cmpfloat (x, >=, 0);
          g_assert_cmpfloat (y, >=, 0);
          g_assert_cmpfloat (x, <, width);
          g_assert_cmpfloat (y, <, height);
          assert_pixel (pixels, stride, x, y, &fill);
        }
    }

  if (g_test_verbose ())
    {
      g_autofree char *path = g_build_filename (fixture->dir, "canvas.png", NULL);

      gdk_texture_save_to_png (texture, path);
      g_test_message ("rendered to %s", path);
    }
}

/* ------------------------------------------------------------------------------------------------
 * The link editor
 */

/* Where a link's rate is written, in the canvas widget's coordinates. */
static void
link_point (Fixture   *fixture,
            CycleLink *link,
            double    *x,
            double    *y)
{
  guint index;

  g_assert_true (g_list_store_find (G_LIST_STORE (cycle_plan_get_links (fixture->plan)), link,
                                    &index));
  _cycle_canvas_ensure_geometry (fixture->canvas);
  g_assert_cmpuint (index, <, fixture->canvas->n_paths);
  cycle_canvas_canvas_to_widget (fixture->canvas, fixture->canvas->paths[index].label.x,
                                 fixture->canvas->paths[index].label.y, x, y);
}

/* The volume the Projection page shows for the stage named @name. */
static char *
projected_volume (Fixture    *fixture,
                  const char *name)
{
  CycleProjectionView *view =
    CYCLE_PROJECTION_VIEW (ui_test_find_widget (GTK_WIDGET (fixture->window),
                                                CYCLE_TYPE_PROJECTION_VIEW, FALSE));
  GtkGrid *grid = GTK_GRID (cycle_projection_view_get_projection_grid (view));

  for (int row = 1; gtk_grid_get_child_at (grid, 0, row) != NULL; row++)
    if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 0, row))),
                   name) == 0)
      return g_strdup (gtk_label_get_label (GTK_LABEL (gtk_grid_get_child_at (grid, 1, row))));

  return NULL;
}

static GtkWidget *
wait_for_link_editor (Fixture   *fixture,
                      CycleLink *link)
{
  GtkWidget *popover;

  ui_test_wait_until (cycle_canvas_get_link_editor (fixture->canvas) != NULL &&
                      gtk_widget_get_mapped (cycle_canvas_get_link_editor (fixture->canvas)));
  popover = cycle_canvas_get_link_editor (fixture->canvas);
  g_assert_true (cycle_link_editor_get_link (CYCLE_LINK_EDITOR (popover)) == link);

  return popover;
}

static void
close_link_editor (Fixture *fixture)
{
  GtkWidget *popover = cycle_canvas_get_link_editor (fixture->canvas);

  gtk_popover_popdown (GTK_POPOVER (popover));
  ui_test_wait_until (!gtk_widget_get_mapped (popover));
  g_assert_null (cycle_link_editor_get_link (CYCLE_LINK_EDITOR (popover)));
}

/* The context menus built in code (the .ui menus are checked by build-aux/check-mnemonics.py):
 * "_Connect to…" and "_Copy" once shared C. test-french checks them in French. */
static void
test_menu_mnemonics (Fixture       *fixture,
                     gconstpointer  data)
{
  ui_test_assert_canvas_menus_mnemonics (GTK_WIDGET (fixture->canvas), "s1", "l1");
}

static void
test_link_editor (Fixture       *fixture,
                  gconstpointer  data)
{
  CycleStage *s1 = stage (fixture, "s1");
  CycleLink *l1 = cycle_plan_find_link (fixture->plan, "l1");
  CycleLink *l2 = cycle_plan_find_link (fixture->plan, "l2");
  g_autofree char *before = projected_volume (fixture, "Subscribers");
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  GtkWidget *popover, *spin, *root_focus;
  AdwPreferencesRow *rate_row, *kind_row, *list_row;
  CycleStageEditor *editor;
  double x, y;

  g_assert_cmpstr (before, ==, "500");

  /* A plain click on the link selects it and opens its editor there. */
  link_point (fixture, l1, &x, &y);
  click (fixture, x, y, 0);
  popover = wait_for_link_editor (fixture, l1);
  {
    g_autoptr(GPtrArray) links = cycle_canvas_get_selected_links (fixture->canvas);

    g_assert_cmpuint (links->len, ==, 1);
    g_assert_true (g_ptr_array_index (links, 0) == l1);
  }

  /* The rate, in percent: the projection follows at once, one undo step. */
  rate_row = find_row (popover, "Rate");
  g_assert_nonnull (rate_row);
  spin = ui_test_find_widget (GTK_WIDGET (rate_row), GTK_TYPE_SPIN_BUTTON, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "50");
  /* It opens with the focus in the rate, what people open it for. */
  root_focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (root_focus != NULL && gtk_widget_is_ancestor (root_focus, spin));
  type_number (GTK_SPIN_BUTTON (spin), "10");
  g_assert_cmpfloat (fabs (cycle_link_get_rate (l1) - 0.1), <, 1e-9);
  g_assert_cmpstr (cycle_plan_get_undo_label (fixture->plan), ==, "Change Link");
  after = projected_volume (fixture, "Subscribers");
  g_assert_cmpstr (after, ==, "100");

  activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpfloat (cycle_link_get_rate (l1), ==, 0.5);
  g_assert_false (cycle_plan_can_undo (fixture->plan));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "50");
  undone = projected_volume (fixture, "Subscribers");
  g_assert_cmpstr (undone, ==, before);

  /* A loop counts the people each person brings, up to CYCLE_LOOP_RATE_MAX. */
  kind_row = find_row (popover, "Kind");
  g_assert_nonnull (kind_row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), CYCLE_LINK_LOOP);
  g_assert_cmpint (cycle_link_get_kind (l1), ==, CYCLE_LINK_LOOP);
  g_assert_cmpfloat (cycle_link_get_rate (l1), ==, 0.5);
  g_assert_true (find_row (popover, "People Brought per Person") == rate_row);
  type_number (GTK_SPIN_BUTTON (spin), "2.5");
  g_assert_cmpfloat (cycle_link_get_rate (l1), ==, 2.5);
  type_number (GTK_SPIN_BUTTON (spin), "2000");
  g_assert_cmpfloat (cycle_link_get_rate (l1), ==, 2.5);
  g_assert_true (gtk_widget_has_css_class (spin, "error"));
  /* Back to a next step: 2.5 people cannot be a share, so the rate goes in the same step. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), CYCLE_LINK_NEXT);
  g_assert_cmpint (cycle_link_get_kind (l1), ==, CYCLE_LINK_NEXT);
  g_assert_cmpfloat (cycle_link_get_rate (l1), ==, CYCLE_RATE_UNSET);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "");
  for (int i = 0; i < 3; i++)
    activate (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_cmpint (cycle_link_get_kind (l1), ==, CYCLE_LINK_NEXT);
  g_assert_cmpfloat (cycle_link_get_rate (l1), ==, 0.5);
  g_assert_false (cycle_plan_can_undo (fixture->plan));

  /* Closing gives the focus back to the canvas. */
  close_link_editor (fixture);
  root_focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (root_focus == GTK_WIDGET (fixture->canvas));

  /* By keyboard: the stage editor lists the stage's links, going out and coming in; a row
   * opens the link's editor, and the focus comes back to the row. */
  editor = show_editor (fixture, s1);
  list_row = find_row (GTK_WIDGET (editor), "Next step to “Subscribers”");
  g_assert_nonnull (list_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (list_row)), ==, "50%");
  g_assert_nonnull (find_row (GTK_WIDGET (editor), "Loop back from “Evangelists”"));
  gtk_widget_grab_focus (GTK_WIDGET (list_row));
  gtk_widget_activate (GTK_WIDGET (list_row));
  popover = wait_for_link_editor (fixture, l1);
  close_link_editor (fixture);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window)) == GTK_WIDGET (list_row));

  /* Enter on a selected link opens its editor too. */
  cycle_canvas_select_link (fixture->canvas, l2, CYCLE_SELECT_REPLACE);
  activate (GTK_WIDGET (fixture->canvas), "canvas.activate", NULL);
  popover = wait_for_link_editor (fixture, l2);
  g_assert_nonnull (find_row (popover, "People Brought per Person"));
  close_link_editor (fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  app = ui_test_app_new ();

  g_test_add ("/canvas/add", Fixture, "empty", fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/canvas/add-after", Fixture, NULL, fixture_set_up, test_add_after,
              fixture_tear_down);
  g_test_add ("/canvas/connect", Fixture, NULL, fixture_set_up, test_connect, fixture_tear_down);
  g_test_add ("/canvas/move", Fixture, NULL, fixture_set_up, test_move, fixture_tear_down);
  g_test_add ("/canvas/multi-move", Fixture, NULL,
              fixture_set_up, test_multi_move, fixture_tear_down);
  g_test_add ("/canvas/delete", Fixture, NULL, fixture_set_up, test_delete, fixture_tear_down);
  g_test_add ("/canvas/toast-stress", Fixture, NULL,
              fixture_set_up, test_toast_stress, fixture_tear_down);
  g_test_add ("/canvas/toast-early-dismissal", Fixture, NULL,
              fixture_set_up, test_toast_early_dismissal, fixture_tear_down);
  g_test_add ("/canvas/duplicate", Fixture, NULL,
              fixture_set_up, test_duplicate, fixture_tear_down);
  g_test_add ("/canvas/rename", Fixture, NULL, fixture_set_up, test_rename, fixture_tear_down);
  g_test_add ("/canvas/keyboard", Fixture, NULL,
              fixture_set_up, test_keyboard, fixture_tear_down);
  g_test_add ("/canvas/layouts", Fixture, NULL, fixture_set_up, test_layouts, fixture_tear_down);
  g_test_add ("/canvas/editor", Fixture, NULL, fixture_set_up, test_editor, fixture_tear_down);
  g_test_add ("/canvas/link-editor", Fixture, NULL,
              fixture_set_up, test_link_editor, fixture_tear_down);
  g_test_add ("/canvas/drop-content", Fixture, NULL,
              fixture_set_up, test_drop_content, fixture_tear_down);
  g_test_add ("/canvas/render", Fixture, NULL, fixture_set_up, test_render, fixture_tear_down);
  g_test_add ("/canvas/menu-mnemonics", Fixture, NULL,
              fixture_set_up, test_menu_mnemonics, fixture_tear_down);

  return ui_test_run (app);
}
