/* bench-checks.c: the checks on a big plan — a full check, then single edits re-checked
 *
 * Generates a plan of 500 stages × 200 content items (100 000 items) through the model's API:
 * 450 internal stages whose permission grows along the funnel and 50 buyer's-journey stages,
 * next-step links with rates, a referral loop, five personas, and content whose commitment,
 * direction, persona and title (some with sales words) are random, so that every kind of
 * finding shows up (tens of thousands of them).
 *
 * Times, with g_get_monotonic_time ():
 *   full:   cycle_checker_new () on the whole plan (1 warm-up, then 3 runs, median) — the
 *           baseline;
 *   edits:  100 single edits, in turn a title edit, a commitment change and a content move,
 *           each timed from the model call to its return — the checker re-checks synchronously
 *           inside it — median and p95; and the same kind of edits without a checker, so the
 *           model's own share is visible. For the record, not judged: edits that change the
 *           structure (rename a stage, change its permission, add a persona), which re-check
 *           every stage whose findings they can change.
 * At the end the incremental findings are compared with a fresh full check.
 *
 * Target: p95 of a single edit at most 50 ms. Exit status 0 when it is met and the findings
 * agree, 1 otherwise.
 *
 * CYCLE_BENCH_QUICK=1: 50 stages × 200 items, a smoke run, where only a disagreement between
 * the incremental and the full check makes the exit status 1.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cycle-checker.h"

#define ITEMS_PER_STAGE 200
#define FULL_STAGES     500
#define QUICK_STAGES    50
#define JOURNEY_SHARE   10      /* one stage in ten is on the buyer's journey */
#define N_PERSONAS      5
#define N_EDITS         100
#define FULL_RUNS       3
#define TARGET_MS       50.0

static const char * const titles[] = {
  "The five-minute pour-over", "Why your coffee tastes bitter", "Grind size, explained",
  "A day at the roastery", "Five mornings, five recipes", "Order your first box",
  "20 % off the starter kit", "Our members’ favourite recipes", "Water matters more than beans",
  "Live tasting with the roasters", "Buy the grinder we use", "Cold brew in twelve hours",
  "Acheter un moulin", "The tasting guide", "How we pick our farms", "Decaf done right",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static CyclePlan *
make_plan (GRand *rand,
           guint  n_stages)
{
  CyclePlan *plan = cycle_plan_new ();
  CyclePersona *personas[N_PERSONAS];
  CycleStage *previous = NULL, *first = NULL;
  guint n_internal = n_stages - n_stages / JOURNEY_SHARE;

  cycle_plan_set_why (plan, "We believe a good morning makes a good day.");

  for (guint i = 0; i < N_PERSONAS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Persona %u", i + 1);
      g_autoptr(CyclePersona) persona = cycle_persona_new (name);

      cycle_plan_add_persona (plan, persona, -1);
      personas[i] = persona;
    }

  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", i + 1);
      g_autoptr(CycleStage) stage = cycle_stage_new (name);
      gboolean internal = i < n_internal;

      cycle_stage_set_lane (stage, internal ? CYCLE_LANE_INTERNAL : CYCLE_LANE_JOURNEY);
      cycle_stage_set_permission (stage, internal ? MIN (5, i * 6 / n_internal) : 0);
      if (g_rand_int_range (rand, 0, 10) > 0)
        cycle_stage_set_why (stage, "What moves people on.");
      if (g_rand_boolean (rand))
        cycle_stage_set_conversion_rate (stage, g_rand_double_range (rand, 0.3, 0.9));
      cycle_plan_add_stage (plan, stage, -1);

      for (guint j = 0; j < ITEMS_PER_STAGE; j++)
        {
          g_autoptr(CycleContent) content = cycle_content_new (PICK (rand, titles));

          cycle_content_set_commitment (content, g_rand_int_range (rand, 0, 9));
          cycle_content_set_direction (content, g_rand_int_range (rand, 0, 4) == 0
                                                ? CYCLE_DIRECTION_ASKS : CYCLE_DIRECTION_GIVES);
          if (g_rand_int_range (rand, 0, 10) > 0)
            cycle_content_set_persona (content, personas[g_rand_int_range (rand, 0, N_PERSONAS)]);
          cycle_plan_add_content (plan, stage, content, -1);
        }

      if (internal)
        {
          if (previous != NULL)
            {
              g_autoptr(CycleLink) link = cycle_link_new (previous, stage, CYCLE_LINK_NEXT);

              if (g_rand_int_range (rand, 0, 4) > 0)
                cycle_link_set_rate (link, g_rand_double_range (rand, 0.5, 0.99));
              cycle_plan_add_link (plan, link);
            }
          else
            {
              first = stage;
            }
          previous = stage;
        }
    }

  {
    g_autoptr(CycleLink) loop = cycle_link_new (previous, first, CYCLE_LINK_LOOP);

    cycle_link_set_rate (loop, 0.2);
    cycle_plan_add_link (plan, loop);
  }

  cycle_plan_clear_undo (plan);
  return plan;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
percentile (GArray *ms,
            double  p)
{
  guint index;

  g_array_sort (ms, compare_doubles);
  index = (guint)(p * (ms->len - 1) + 0.5);
  return g_array_index (ms, double, index);
}

static void
edit (GRand     *rand,
      CyclePlan *plan,
      guint      kind)
{
  GListModel *all = cycle_plan_get_all_content (plan);
  GListModel *stages = cycle_plan_get_stages (plan);
  g_autoptr(CycleContent) content =
    g_list_model_get_item (all, g_rand_int_range (rand, 0, g_list_model_get_n_items (all)));

  switch (kind % 3)
    {
    case 0:
      cycle_plan_seal_undo (plan);
      cycle_content_set_title (content, PICK (rand, titles));
      break;
    case 1:
      cycle_content_set_commitment (content, (cycle_content_get_commitment (content) + 1 +
                                              g_rand_int_range (rand, 0, 7)) % 9);
      break;
    default:
      {
        g_autoptr(CycleStage) stage =
          g_list_model_get_item (stages, g_rand_int_range (rand, 0,
                                                           g_list_model_get_n_items (stages)));
        cycle_plan_move_content (plan, content, stage, -1);
      }
      break;
    }
}

/* Times N_EDITS edits, each a single model call; returns the milliseconds of each. */
static GArray *
time_edits (GRand     *rand,
            CyclePlan *plan)
{
  GArray *ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < N_EDITS; i++)
    {
      gint64 start, end;
      double elapsed;

      /* Draw the random numbers the same way with or without a checker. */
      start = g_get_monotonic_time ();
      edit (rand, plan, i);
      end = g_get_monotonic_time ();
      elapsed = (end - start) / 1000.0;
      g_array_append_val (ms, elapsed);
    }

  return ms;
}

/* Edits that change the plan's structure re-check more than one stage; timed for the record
 * (not judged): renaming a stage, changing its permission, adding a persona. */
static double
time_structural (GRand     *rand,
                 CyclePlan *plan,
                 guint      kind)
{
  GListModel *stages = cycle_plan_get_stages (plan);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(CycleStage) stage =
        g_list_model_get_item (stages, g_rand_int_range (rand, 0,
                                                         g_list_model_get_n_items (stages)));
      g_autofree char *name = g_strdup_printf ("Renamed %u", i);
      g_autoptr(CyclePersona) persona = cycle_persona_new (name);
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      switch (kind)
        {
        case 0:
          cycle_stage_set_name (stage, name);
          break;
        case 1:
          cycle_stage_set_permission (stage, (cycle_stage_get_permission (stage) + 1) % 6);
          break;
        default:
          cycle_plan_add_persona (plan, persona, -1);
          break;
        }
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, elapsed);
    }

  return percentile (ms, 0.5);
}

static char *
describe_all (GListModel *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CycleFinding) f = g_list_model_get_item (findings, i);

      g_string_append_printf (out, "%s|%d|%s|%s\n", cycle_finding_get_key (f),
                              cycle_finding_get_severity (f), cycle_finding_get_message (f),
                              cycle_finding_can_fix (f) ? cycle_finding_get_fix_label (f) : "");
    }

  return g_string_free (out, FALSE);
}

int
main (int    argc,
      char **argv)
{
  gboolean quick = g_strcmp0 (g_getenv ("CYCLE_BENCH_QUICK"), "1") == 0;
  guint n_stages = quick ? QUICK_STAGES : FULL_STAGES;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(CycleChecker) checker = NULL;
  g_autoptr(GArray) full_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) model_ms = NULL;
  g_autoptr(GArray) edit_ms = NULL;
  g_autofree char *incremental = NULL;
  g_autofree char *fresh_text = NULL;
  double full, median, p95, worst, model_median, rename_ms, permission_ms, persona_ms;
  gboolean agree, met;
  guint n_findings, counts[3];

  plan = make_plan (rand, n_stages);
  printf ("plan: %u stages, %u content items, %u links\n",
          g_list_model_get_n_items (cycle_plan_get_stages (plan)),
          g_list_model_get_n_items (cycle_plan_get_all_content (plan)),
          g_list_model_get_n_items (cycle_plan_get_links (plan)));

  /* The model alone: the cost of the edits themselves, no checker listening. */
  model_ms = time_edits (rand, plan);
  model_median = percentile (model_ms, 0.5);

  /* The baseline: full checks. */
  for (guint run = 0; run < (quick ? 1 : FULL_RUNS + 1); run++)
    {
      gint64 start = g_get_monotonic_time ();
      CycleChecker *c = cycle_checker_new (plan);
      double elapsed = (g_get_monotonic_time () - start) / 1000.0;

      if (run > 0 || quick)
        g_array_append_val (full_ms, elapsed);
      if (checker == NULL && (run == (quick ? 0 : FULL_RUNS)))
        checker = c;
      else
        g_object_unref (c);
    }
  full = percentile (full_ms, 0.5);
  n_findings = g_list_model_get_n_items (cycle_checker_get_findings (checker));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    counts[i] = cycle_checker_count (checker, i);

  /* Single edits, each re-checked incrementally inside the call. */
  edit_ms = time_edits (rand, plan);
  median = percentile (edit_ms, 0.5);
  p95 = percentile (edit_ms, 0.95);
  worst = g_array_index (edit_ms, double, edit_ms->len - 1);

  rename_ms = time_structural (rand, plan, 0);
  permission_ms = time_structural (rand, plan, 1);
  persona_ms = time_structural (rand, plan, 2);

  {
    g_autoptr(CycleChecker) fresh = cycle_checker_new (plan);

    incremental = describe_all (cycle_checker_get_findings (checker));
    fresh_text = describe_all (cycle_checker_get_findings (fresh));
    agree = strcmp (incremental, fresh_text) == 0;
  }

  met = p95 <= TARGET_MS;

  printf ("findings: %u (%u errors, %u warnings, %u notes)\n", n_findings,
          counts[CYCLE_SEVERITY_ERROR], counts[CYCLE_SEVERITY_WARNING],
          counts[CYCLE_SEVERITY_INFO]);
  printf ("full check (baseline):        %8.2f ms (median of %u)\n", full, full_ms->len);
  printf ("single edit, re-checked:      %8.2f ms median, %8.2f ms p95, %8.2f ms worst "
          "(%u edits: title, commitment, move)\n", median, p95, worst, N_EDITS);
  printf ("single edit, model alone:     %8.2f ms median\n", model_median);
  printf ("speed-up over a full check:   %8.1f × (median)\n", median > 0 ? full / median : 0.0);
  printf ("structural edits (medians of 10, not judged): rename a stage %.2f ms, change its "
          "permission %.2f ms, add a persona %.2f ms\n", rename_ms, permission_ms, persona_ms);
  printf ("incremental = full check:     %s\n", agree ? "yes" : "NO");
  printf ("target p95 ≤ %.0f ms:           %s\n", TARGET_MS,
          quick ? "(not judged in a quick run)" : met ? "met" : "MISSED");

  if (!agree)
    return 1;
  if (!quick && !met)
    return 1;
  return 0;
}
