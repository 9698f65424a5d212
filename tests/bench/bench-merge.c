/* bench-merge.c: merging two edited copies of a 100 000-item plan, beside loading the three files
 *
 * Generates a plan of 500 stages × 200 content items through the model's API and two edited
 * copies of it: OURS renames 1 000 content items, moves 20 stages and adds 100 items; THEIRS
 * edits the notes of 1 000 other items, deletes 50 more and moves 500 to another stage. Then,
 * from the three texts:
 *
 *   baseline: cycle_plan_new_from_data () of BASE, OURS and THEIRS
 *   merge:    the same three loads, cycle_merge () and cycle_plan_to_bytes () of the result
 *             (what `cycle-tool merge` does, but for reading and writing the files)
 *
 * 1 warm-up, then 5 runs each, median taken. Target: merge at most 1.5 × the baseline.
 * Exit status 0 when the target is met (and the merge is right), 1 otherwise.
 * CYCLE_BENCH_QUICK=1: 50 stages, 1 run — a smoke run, where only a wrong merge fails.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cycle-merge.h"
#include "cycle-plan-io.h"

#define ITEMS_PER_STAGE 200
#define FULL_STAGES     500
#define QUICK_STAGES    50
#define FULL_RUNS       5
#define TARGET_RATIO    1.5

static GBytes *
make_base (guint n_stages)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  CycleStage *previous = NULL;

  cycle_plan_set_title (plan, "Benchmark");
  for (guint s = 0; s < n_stages; s++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", s);
      CycleStage *stage = cycle_stage_new (name);

      cycle_stage_set_why (stage, "Because people need a reason to go on.");
      cycle_stage_set_position (stage, s * 10.0, s * 5.0);
      cycle_plan_add_stage (plan, stage, -1);
      for (guint i = 0; i < ITEMS_PER_STAGE; i++)
        {
          g_autofree char *title = g_strdup_printf ("The practical guide %u to pour-over coffee",
                                                    s * ITEMS_PER_STAGE + i);
          CycleContent *content = cycle_content_new (title);

          cycle_content_set_format (content, "article");
          cycle_content_set_channel (content, "blog");
          cycle_content_set_owner (content, "Ana");
          cycle_content_set_notes (content, "Keep the tone warm, not salesy.");
          cycle_content_set_due (content, "2026-12-01");
          cycle_plan_add_content (plan, stage, content, -1);
          g_object_unref (content);
        }
      if (previous != NULL)
        {
          CycleLink *link = cycle_link_new (previous, stage, CYCLE_LINK_NEXT);

          cycle_plan_add_link (plan, link);
          g_object_unref (link);
        }
      previous = stage;
      g_object_unref (stage);
    }

  return cycle_plan_to_bytes (plan);
}

static CyclePlan *
load (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  CyclePlan *plan = cycle_plan_new_from_data (g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes), &error);

  g_assert_no_error (error);
  return plan;
}

static CycleContent *
nth_content (CyclePlan *plan,
             guint      n)
{
  return g_list_model_get_item (cycle_plan_get_all_content (plan), n);
}

static GBytes *
make_ours (GBytes *base,
           guint   n_stages)
{
  g_autoptr(CyclePlan) plan = load (base);
  GListModel *stages = cycle_plan_get_stages (plan);
  guint n_items = n_stages * ITEMS_PER_STAGE;

  for (guint i = 0; i < n_items; i += 100)
    {
      g_autoptr(CycleContent) content = nth_content (plan, i);

      cycle_content_set_title (content, "Renamed by ours");
    }
  for (guint i = 0; i < 20 && i < n_stages; i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, n_stages - 1);

      cycle_plan_move_stage (plan, stage, i * 2);
    }
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i % n_stages);
      g_autoptr(CycleContent) content = cycle_content_new ("Added by ours");

      cycle_plan_add_content (plan, stage, content, 0);
    }

  return cycle_plan_to_bytes (plan);
}

static GBytes *
make_theirs (GBytes *base,
             guint   n_stages)
{
  g_autoptr(CyclePlan) plan = load (base);
  GListModel *stages = cycle_plan_get_stages (plan);
  guint n_items = n_stages * ITEMS_PER_STAGE;

  for (guint i = 50; i < n_items; i += 100)
    {
      g_autoptr(CycleContent) content = nth_content (plan, i);

      cycle_content_set_notes (content, "Edited by theirs");
    }
  /* Items ours leaves alone (it renames every hundredth from the first), last first so that the
   * positions of the others stay */
  for (guint i = 50; i > 0; i--)
    {
      g_autoptr(CycleContent) content = nth_content (plan, 37 + (i - 1) * 100);

      cycle_plan_remove_content (plan, content);
    }
  for (guint i = 0; i < n_items / 200; i++)
    {
      g_autoptr(CycleContent) content = nth_content (plan, i * 199 % n_items);
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, (i * 7) % n_stages);

      cycle_plan_move_content (plan, content, stage, 1);
    }

  return cycle_plan_to_bytes (plan);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

int
main (void)
{
  gboolean quick = g_getenv ("CYCLE_BENCH_QUICK") != NULL;
  guint n_stages = quick ? QUICK_STAGES : FULL_STAGES;
  guint runs = quick ? 1 : FULL_RUNS;
  g_autoptr(GBytes) base = make_base (n_stages);
  g_autoptr(GBytes) ours = make_ours (base, n_stages);
  g_autoptr(GBytes) theirs = make_theirs (base, n_stages);
  double loads[FULL_RUNS], merges[FULL_RUNS], load_ms, merge_ms;
  double merge_only[FULL_RUNS + 1], write_only[FULL_RUNS + 1];
  guint conflicts = 0;

  printf ("# merge: %u stages, %u content items; files of %.1f, %.1f and %.1f MiB\n",
          n_stages, n_stages * ITEMS_PER_STAGE, g_bytes_get_size (base) / 1048576.0,
          g_bytes_get_size (ours) / 1048576.0, g_bytes_get_size (theirs) / 1048576.0);

  for (guint run = 0; run < runs + (quick ? 0 : 1); run++)
    {
      gint64 t0, t1, t2, t3, t4;
      CyclePlan *b, *o, *t;
      GPtrArray *found;
      GBytes *out;

      t0 = g_get_monotonic_time ();
      b = load (base);
      o = load (ours);
      t = load (theirs);
      t1 = g_get_monotonic_time ();
      g_object_unref (b);
      g_object_unref (o);
      g_object_unref (t);

      t1 = t1 - t0;
      t0 = g_get_monotonic_time ();
      b = load (base);
      o = load (ours);
      t = load (theirs);
      t2 = g_get_monotonic_time ();
      found = cycle_merge (b, o, t);
      t3 = g_get_monotonic_time ();
      out = cycle_plan_to_bytes (o);
      t4 = g_get_monotonic_time ();
      merge_only[run] = (t3 - t2) / 1000.0;
      write_only[run] = (t4 - t3) / 1000.0;
      t2 = t4;
      conflicts = found->len;
      for (guint i = 0; i < found->len && run == 0; i++)
        {
          g_autofree char *line = cycle_conflict_describe (g_ptr_array_index (found, i));

          printf ("# conflict: %s\n", line);
        }
      g_ptr_array_unref (found);
      g_bytes_unref (out);
      g_object_unref (b);
      g_object_unref (o);
      g_object_unref (t);

      /* The first run warms up */
      if (!quick && run == 0)
        continue;
      loads[run - (quick ? 0 : 1)] = t1 / 1000.0;
      merges[run - (quick ? 0 : 1)] = (t2 - t0) / 1000.0;
    }

  load_ms = median (loads, runs);
  merge_ms = median (merges, runs);
  printf ("load the three files: %.0f ms\n", load_ms);
  printf ("merge (loads, merge, write): %.0f ms\n", merge_ms);
  printf ("of which merge %.0f ms, write %.0f ms (last run)\n", merge_only[runs - (quick ? 1 : 0)],
          write_only[runs - (quick ? 1 : 0)]);
  printf ("ratio: %.2f (target at most %.1f)\n", merge_ms / load_ms, TARGET_RATIO);

  if (conflicts != 0)
    {
      printf ("FAIL: %u conflicts where the edits do not overlap\n", conflicts);
      return 1;
    }
  if (!quick && merge_ms / load_ms > TARGET_RATIO)
    {
      printf ("FAIL: the merge takes over %.1f × the loads\n", TARGET_RATIO);
      return 1;
    }
  return 0;
}
