/* bench-canvas.c: the canvas's frame time while a stage is dragged among 500 stages and 1 000
 * links
 *
 * Builds a plan of 500 stages in a grid (free layout) and 1 000 links (each stage to the next
 * one and to the one below it), shows it in a 1280×800 window zoomed to show all of it (the
 * worst case: everything on screen), presses on the stage in the middle of the grid and drags
 * it round a circle through cycle_canvas_pointer_drag () — what the drag gesture calls — one
 * step a frame.
 *
 * A frame is timed from the frame clock's "before-paint" to its "after-paint", plus a round
 * trip to the X server (gdk_display_sync) so that the server's share of the cairo drawing is
 * counted. The baseline is the same window and canvas with an empty plan, redrawn each frame,
 * measured in the same run. Prints the median and p95 of both and their ratio.
 *
 * Run it under Xvfb with GSK_RENDERER=cairo (tests/ui/run-headless.sh does both).
 * Target: p95 ≤ 8 ms while dragging. Exit status 1 when it is missed.
 * CYCLE_BENCH_QUICK=1: 50 stages, 30 frames — a smoke run that only fails on errors.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>

#include "cycle-canvas-private.h"

#define FULL_STAGES   500
#define QUICK_STAGES  50
#define COLUMNS       25
#define FULL_FRAMES   300
#define QUICK_FRAMES  30
#define WARM_UP       20
#define TARGET_P95_MS 8.0

typedef struct
{
  GdkFrameClock *clock;
  GdkDisplay    *display;
  gint64         start;
  GArray        *times;   /* double, ms */
  gboolean       recording;
  gboolean       painted;
} Timer;

static void
on_before_paint_cb (GdkFrameClock *clock,
                    Timer         *timer)
{
  timer->start = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Timer         *timer)
{
  double ms;

  /* Wait for the X server to have drawn what the frame sent it. */
  gdk_display_sync (timer->display);
  ms = (g_get_monotonic_time () - timer->start) / 1000.0;
  if (timer->recording && timer->start > 0)
    g_array_append_val (timer->times, ms);
  timer->painted = TRUE;
}

static void
wait_for_frame (Timer *timer)
{
  timer->painted = FALSE;
  while (!timer->painted)
    g_main_context_iteration (NULL, TRUE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *times,
            double  p)
{
  g_autoptr(GArray) sorted = g_array_copy (times);
  guint index;

  g_array_sort (sorted, compare_doubles);
  index = (guint) ceil (p * sorted->len) - 1;
  return g_array_index (sorted, double, MIN (index, sorted->len - 1));
}

static CyclePlan *
make_plan (guint n_stages)
{
  CyclePlan *plan = cycle_plan_new ();
  g_autoptr(GPtrArray) stages = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", i + 1);
      CycleStage *stage = cycle_stage_new (name);

      cycle_stage_set_lane (stage, (i / COLUMNS) % 3 == 2 ? CYCLE_LANE_JOURNEY
                                                          : CYCLE_LANE_INTERNAL);
      cycle_stage_set_conversion_rate (stage, 0.5);
      cycle_stage_set_position (stage, 40 + (i % COLUMNS) * 240.0, 40 + (i / COLUMNS) * 140.0);
      cycle_plan_add_stage (plan, stage, -1);
      g_ptr_array_add (stages, stage);
    }

  /* Two links a stage: to the next one, and to the one below (or back to the top). */
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(CycleLink) next = cycle_link_new (g_ptr_array_index (stages, i),
                                                  g_ptr_array_index (stages, (i + 1) % n_stages),
                                                  CYCLE_LINK_NEXT);
      g_autoptr(CycleLink) below = cycle_link_new (g_ptr_array_index (stages, i),
                                                   g_ptr_array_index (stages,
                                                                      (i + COLUMNS) % n_stages),
                                                   i + COLUMNS < n_stages ? CYCLE_LINK_MAPPING
                                                                          : CYCLE_LINK_LOOP);

      cycle_plan_add_link (plan, next);
      cycle_plan_add_link (plan, below);
    }

  cycle_plan_clear_undo (plan);
  return plan;
}

static gboolean
on_close_request_cb (GtkWindow *window,
                     gpointer   data)
{
  return FALSE;
}

/* Frames of @canvas showing @plan; with @drag, a stage is dragged, else the canvas is only
 * redrawn. Returns the frame times in ms. */
static GArray *
measure (CyclePlan *plan,
         guint      n_frames,
         gboolean   drag)
{
  GtkWidget *window = gtk_window_new ();
  CycleCanvas *canvas = CYCLE_CANVAS (cycle_canvas_new ());
  Timer timer = { 0 };
  CycleStage *dragged = NULL;
  double x = 0, y = 0;

  timer.times = g_array_new (FALSE, FALSE, sizeof (double));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  g_signal_connect (window, "close-request", G_CALLBACK (on_close_request_cb), NULL);
  cycle_canvas_set_plan (canvas, plan);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (canvas));
  gtk_window_present (GTK_WINDOW (window));

  while (!gtk_widget_get_mapped (GTK_WIDGET (canvas)))
    g_main_context_iteration (NULL, TRUE);

  timer.display = gtk_widget_get_display (window);
  timer.clock = gtk_widget_get_frame_clock (GTK_WIDGET (canvas));
  g_signal_connect (timer.clock, "before-paint", G_CALLBACK (on_before_paint_cb), &timer);
  g_signal_connect (timer.clock, "after-paint", G_CALLBACK (on_after_paint_cb), &timer);

  wait_for_frame (&timer);
  cycle_canvas_zoom_to_fit (canvas);
  wait_for_frame (&timer);

  if (drag)
    {
      GListModel *stages = cycle_plan_get_stages (plan);
      guint n = g_list_model_get_n_items (stages);
      /* The one in the middle of the grid (the middle of its middle row). */
      guint middle = MIN (n - 1, (n / COLUMNS / 2) * COLUMNS + COLUMNS / 2);
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, middle);
      const CycleStageGeometry *g = cycle_canvas_get_stage_geometry (canvas, stage);

      dragged = stage;
      cycle_canvas_canvas_to_widget (canvas, g->bounds.x + g->bounds.width / 2,
                                     g->bounds.y + g->bounds.height / 2, &x, &y);
      cycle_canvas_pointer_press (canvas, GDK_BUTTON_PRIMARY, x, y, 0);
    }

  for (guint i = 0; i < WARM_UP + n_frames; i++)
    {
      timer.recording = i >= WARM_UP;

      if (drag)
        {
          /* Round a circle of 120 px, a few degrees a frame. */
          double angle = i * 0.07;

          cycle_canvas_pointer_drag (canvas, 120 * cos (angle) - 120 + 20, 120 * sin (angle) + 20);
        }
      else
        {
          gtk_widget_queue_draw (GTK_WIDGET (canvas));
        }

      wait_for_frame (&timer);
    }

  if (drag)
    {
      cycle_canvas_pointer_release (canvas);
      if (!cycle_plan_can_undo (plan) || cycle_stage_get_x (dragged) == 0)
        {
          g_printerr ("bench-canvas: the drag did not move the stage\n");
          exit (1);
        }
    }

  g_signal_handlers_disconnect_by_data (timer.clock, &timer);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return timer.times;
}

int
main (int   argc,
      char *argv[])
{
  gboolean quick = g_strcmp0 (g_getenv ("CYCLE_BENCH_QUICK"), "1") == 0;
  guint n_stages = quick ? QUICK_STAGES : FULL_STAGES;
  guint n_frames = quick ? QUICK_FRAMES : FULL_FRAMES;
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(CyclePlan) empty = NULL;
  g_autoptr(GArray) baseline = NULL;
  g_autoptr(GArray) dragging = NULL;
  double base_median, base_p95, median, p95;
  gboolean met;

  gtk_init ();
  adw_init ();

  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0)
    g_printerr ("bench-canvas: GSK_RENDERER is not \"cairo\": figures are not comparable\n");

  plan = make_plan (n_stages);
  empty = cycle_plan_new ();

  baseline = measure (empty, n_frames, FALSE);
  dragging = measure (plan, n_frames, TRUE);

  base_median = percentile (baseline, 0.5);
  base_p95 = percentile (baseline, 0.95);
  median = percentile (dragging, 0.5);
  p95 = percentile (dragging, 0.95);
  met = p95 <= TARGET_P95_MS;

  printf ("canvas drag, %u stages, %u links, %u frames (GSK_RENDERER=%s)\n",
          n_stages, g_list_model_get_n_items (cycle_plan_get_links (plan)), n_frames,
          g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default");
  printf ("  baseline (empty canvas): median %6.2f ms   p95 %6.2f ms\n", base_median, base_p95);
  printf ("  dragging a stage:        median %6.2f ms   p95 %6.2f ms\n", median, p95);
  printf ("  ratio to the baseline:   median %6.1f ×    p95 %6.1f ×\n",
          median / MAX (base_median, 0.001), p95 / MAX (base_p95, 0.001));
  printf ("  target p95 ≤ %.0f ms: %s\n", TARGET_P95_MS,
          met ? "met" : quick ? "missed (quick run: not a failure)" : "MISSED");

  return met || quick ? 0 : 1;
}
