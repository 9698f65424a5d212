/* test-projection.c: volumes per stage from the conversion rates, against tables done by hand
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cycle-plan-io.h"
#include "cycle-projection.h"

#define EPSILON 1e-9

static CycleStage *
add_stage (CyclePlan  *plan,
           const char *name,
           CycleLane   lane,
           double      rate)
{
  g_autoptr(CycleStage) stage = cycle_stage_new (name);

  cycle_stage_set_lane (stage, lane);
  cycle_stage_set_conversion_rate (stage, rate);
  cycle_plan_add_stage (plan, stage, -1);
  return stage;
}

static CycleLink *
add_link (CyclePlan     *plan,
          CycleStage    *from,
          CycleStage    *to,
          CycleLinkKind  kind,
          double         rate)
{
  g_autoptr(CycleLink) link = cycle_link_new (from, to, kind);

  cycle_link_set_rate (link, rate);
  cycle_plan_add_link (plan, link);
  return link;
}

static void
assert_volumes (CycleProjection *projection,
                const double    *expected,
                guint            n)
{
  g_assert_cmpuint (cycle_projection_get_n_stages (projection), ==, n);
  for (guint i = 0; i < n; i++)
    {
      double volume = cycle_projection_get_volume (projection, i);

      if (isnan (expected[i]))
        g_assert_true (isnan (volume));
      else
        g_assert_cmpfloat_with_epsilon (volume, expected[i], EPSILON);
    }
}

/* plezi.co's worked funnel: 1 000 visitors → 4 % → 50 % → 50 % → 60 %: 40, 20, 10, 6. */
static void
test_plezi (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CycleProjection) projection = NULL;
  g_autoptr(GError) error = NULL;
  CycleStage *s[5];
  const double rates[] = { 0.04, 0.5, 0.5, 0.6 };
  const double volumes[] = { 1000, 40, 20, 10, 6 };
  const double cumulative[] = { 1, 0.04, 0.02, 0.01, 0.006 };
  const char *names[] = { "Visitors", "Leads", "Prospects", "Qualified", "Opportunities" };

  for (guint i = 0; i < 5; i++)
    s[i] = add_stage (plan, names[i], CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  for (guint i = 0; i < 4; i++)
    add_link (plan, s[i], s[i + 1], CYCLE_LINK_NEXT, rates[i]);

  projection = cycle_projection_compute (plan, 1000, 1, &error);
  g_assert_no_error (error);
  g_assert_true (cycle_projection_is_complete (projection));
  g_assert_cmpuint (cycle_projection_get_top_index (projection), ==, 0);
  g_assert_cmpfloat (cycle_projection_get_start_volume (projection), ==, 1000);
  g_assert_cmpuint (cycle_projection_get_cycles (projection), ==, 1);
  assert_volumes (projection, volumes, 5);

  for (guint i = 0; i < 5; i++)
    {
      g_assert_true (cycle_projection_get_stage (projection, i) == s[i]);
      g_assert_true (cycle_projection_is_on_path (projection, i));
      g_assert_cmpfloat_with_epsilon (cycle_projection_get_cumulative (projection, i),
                                      cumulative[i], EPSILON);
      if (i < 4)
        {
          g_assert_true (cycle_projection_has_next_step (projection, i));
          g_assert_cmpfloat_with_epsilon (cycle_projection_get_next_rate (projection, i),
                                          rates[i], EPSILON);
        }
      else
        {
          g_assert_false (cycle_projection_has_next_step (projection, i));
          g_assert_true (isnan (cycle_projection_get_next_rate (projection, i)));
        }
    }
}

/* The same funnel from a file, where two links have no rate and use their stage's. */
static void
test_plezi_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "checks",
                                                 "projection-plezi.cycle", NULL);
  g_autofree char *data = NULL;
  g_autofree char *table = NULL;
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(CycleProjection) projection = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const double volumes[] = { 1000, 40, 20, 10, 6, 3 };

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  plan = cycle_plan_new_from_data (data, length, &error);
  g_assert_no_error (error);

  projection = cycle_projection_compute (plan, 1000, 1, &error);
  g_assert_no_error (error);
  assert_volumes (projection, volumes, 6);

  table = cycle_projection_format_table (projection);
  g_assert_cmpstr (table, ==,
                   "Stage          Volume  Next step  From the top\n"
                   "Visitors         1000         4%          100%\n"
                   "Leads              40        50%            4%\n"
                   "Prospects          20        50%            2%\n"
                   "Qualified          10        60%            1%\n"
                   "Opportunities       6        50%          0.6%\n"
                   "Customers           3          —          0.3%\n");
}

/* A → B 50 %, B → C 50 %, C loops back to A bringing 0.4 new people each; 100 at the start.
 * Cycle 1: 100, 50, 25. Cycle 2: 10, 5, 2.5. Cycle 3: 1, 0.5, 0.25. Sums: 111, 55.5, 27.75. */
static void
test_loop_three_cycles (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CycleProjection) one = NULL;
  g_autoptr(CycleProjection) three = NULL;
  g_autoptr(GError) error = NULL;
  CycleStage *a = add_stage (plan, "A", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  CycleStage *b = add_stage (plan, "B", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  CycleStage *c = add_stage (plan, "C", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  const double volumes_one[] = { 100, 50, 25 };
  const double volumes_three[] = { 111, 55.5, 27.75 };

  add_link (plan, a, b, CYCLE_LINK_NEXT, 0.5);
  add_link (plan, b, c, CYCLE_LINK_NEXT, 0.5);
  add_link (plan, c, a, CYCLE_LINK_LOOP, 0.4);

  one = cycle_projection_compute (plan, 100, 1, &error);
  g_assert_no_error (error);
  assert_volumes (one, volumes_one, 3);

  three = cycle_projection_compute (plan, 100, 3, &error);
  g_assert_no_error (error);
  assert_volumes (three, volumes_three, 3);
  g_assert_cmpfloat_with_epsilon (cycle_projection_get_cumulative (three, 2), 0.25, EPSILON);
  g_assert_true (cycle_projection_is_complete (three));
}

/* A 1 000 → B 30 % and C 10 %; B → D 50 %, C → D 20 %; D → E with D's own rate, 50 %.
 * B 300, C 100, D 150 + 20 = 170, E 85. A journey stage and an unconnected internal stage
 * in between are not projected. */
static void
test_branching (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CycleProjection) projection = NULL;
  g_autoptr(GError) error = NULL;
  CycleStage *journey = add_stage (plan, "Curious", CYCLE_LANE_JOURNEY, 0.9);
  CycleStage *a = add_stage (plan, "A", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  CycleStage *b = add_stage (plan, "B", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  CycleStage *c = add_stage (plan, "C", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  CycleStage *lost = add_stage (plan, "Lost", CYCLE_LANE_INTERNAL, 0.5);
  CycleStage *d = add_stage (plan, "D", CYCLE_LANE_INTERNAL, 0.5);
  CycleStage *e = add_stage (plan, "E", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  const double volumes[] = { NAN, 1000, 300, 100, NAN, 170, 85 };

  add_link (plan, a, b, CYCLE_LINK_NEXT, 0.3);
  add_link (plan, a, c, CYCLE_LINK_NEXT, 0.1);
  add_link (plan, b, d, CYCLE_LINK_NEXT, 0.5);
  add_link (plan, c, d, CYCLE_LINK_NEXT, 0.2);
  add_link (plan, d, e, CYCLE_LINK_NEXT, CYCLE_RATE_UNSET);
  add_link (plan, journey, a, CYCLE_LINK_MAPPING, CYCLE_RATE_UNSET);
  add_link (plan, lost, e, CYCLE_LINK_NEXT, CYCLE_RATE_UNSET);

  projection = cycle_projection_compute (plan, 1000, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cycle_projection_get_top_index (projection), ==, 1);
  assert_volumes (projection, volumes, 7);
  g_assert_false (cycle_projection_is_on_path (projection, 0));
  g_assert_false (cycle_projection_is_on_path (projection, 4));
  g_assert_cmpfloat_with_epsilon (cycle_projection_get_next_rate (projection, 1), 0.4,
                                  EPSILON);
  g_assert_cmpfloat_with_epsilon (cycle_projection_get_cumulative (projection, 6), 0.085,
                                  EPSILON);
  g_assert_true (isnan (cycle_projection_get_cumulative (projection, 0)));
  g_assert_true (cycle_projection_is_complete (projection));
}

static void
test_missing_rates (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CycleProjection) projection = NULL;
  g_autoptr(CycleProjection) two = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *table = NULL;
  CycleStage *a = add_stage (plan, "Visitors", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  CycleStage *b = add_stage (plan, "Leads", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  CycleStage *c = add_stage (plan, "Customers", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  CycleLink *ab, *bc, *loop;
  const double volumes[] = { 1000, 100, NAN };

  ab = add_link (plan, a, b, CYCLE_LINK_NEXT, 0.1);
  bc = add_link (plan, b, c, CYCLE_LINK_NEXT, CYCLE_RATE_UNSET);
  loop = add_link (plan, c, a, CYCLE_LINK_LOOP, CYCLE_RATE_UNSET);
  (void)ab;

  /* One cycle does not need the loop's rate. */
  projection = cycle_projection_compute (plan, 1000, 1, &error);
  g_assert_no_error (error);
  g_assert_false (cycle_projection_is_complete (projection));
  g_assert_cmpuint (cycle_projection_get_n_missing (projection), ==, 1);
  g_assert_true (cycle_projection_get_missing (projection, 0) == bc);
  assert_volumes (projection, volumes, 3);
  g_assert_true (cycle_projection_has_next_step (projection, 1));
  g_assert_true (isnan (cycle_projection_get_next_rate (projection, 1)));

  problems = cycle_projection_describe_problems (projection);
  g_assert_cmpstr (problems, ==,
                   "The next step from “Leads” to “Customers” has no rate, and “Leads” has no "
                   "conversion rate: the projection cannot go past it.\n");
  table = cycle_projection_format_table (projection);
  g_assert_nonnull (strstr (table, "Customers       ?          —             ?\n"));

  /* Two cycles do. */
  two = cycle_projection_compute (plan, 1000, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cycle_projection_get_n_missing (two), ==, 2);
  g_assert_true (cycle_projection_get_missing (two, 0) == bc);
  g_assert_true (cycle_projection_get_missing (two, 1) == loop);
  g_assert_true (isnan (cycle_projection_get_volume (two, 0)));

  /* The stage's own rate stands in for the link's. */
  cycle_stage_set_conversion_rate (b, 0.5);
  cycle_link_set_rate (loop, 0.1);
  g_clear_pointer (&two, cycle_projection_unref);
  two = cycle_projection_compute (plan, 1000, 2, &error);
  g_assert_true (cycle_projection_is_complete (two));
  /* Cycle 1: 1000, 100, 50. Cycle 2: 5, 0.5, 0.25. */
  g_assert_cmpfloat_with_epsilon (cycle_projection_get_volume (two, 0), 1005, EPSILON);
  g_assert_cmpfloat_with_epsilon (cycle_projection_get_volume (two, 2), 50.25, EPSILON);
}

static void
test_rate_sum (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CycleProjection) projection = NULL;
  g_autofree char *problems = NULL;
  CycleStage *a = add_stage (plan, "Leads", CYCLE_LANE_INTERNAL, 0.7);
  CycleStage *b = add_stage (plan, "Prospects", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  CycleStage *c = add_stage (plan, "Partners", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);

  add_link (plan, a, b, CYCLE_LINK_NEXT, CYCLE_RATE_UNSET);
  add_link (plan, a, c, CYCLE_LINK_NEXT, CYCLE_RATE_UNSET);

  projection = cycle_projection_compute (plan, 10, 1, NULL);
  g_assert_false (cycle_projection_is_complete (projection));
  g_assert_cmpuint (cycle_projection_get_n_invalid (projection), ==, 1);
  g_assert_true (cycle_projection_get_invalid (projection, 0) == a);
  problems = cycle_projection_describe_problems (projection);
  g_assert_cmpstr (problems, ==,
                   "The next steps from “Leads” add up to 140%: more people would move on than "
                   "there are.\n");
}

/* A next-step link back up the funnel is not followed: the loop links are for that. */
static void
test_next_circle (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CycleProjection) projection = NULL;
  CycleStage *a = add_stage (plan, "A", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  CycleStage *b = add_stage (plan, "B", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  CycleStage *c = add_stage (plan, "C", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  const double volumes[] = { 10, 5, 1 };

  add_link (plan, a, b, CYCLE_LINK_NEXT, 0.5);
  add_link (plan, b, c, CYCLE_LINK_NEXT, 0.2);
  add_link (plan, c, a, CYCLE_LINK_NEXT, 0.9);
  add_link (plan, b, b, CYCLE_LINK_NEXT, 0.9);

  projection = cycle_projection_compute (plan, 10, 5, NULL);
  assert_volumes (projection, volumes, 3);
  g_assert_false (cycle_projection_has_next_step (projection, 2));
  g_assert_true (cycle_projection_is_complete (projection));
}

static void
test_invalid_input (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CycleProjection) projection = NULL;
  g_autoptr(GError) error = NULL;
  struct { double start; guint cycles; } bad[] = {
    { -1, 1 }, { NAN, 1 }, { INFINITY, 1 }, { 10, 0 }, { 10, 101 }, { 1e308, 1 },
    { CYCLE_PROJECTION_MAX_START_VOLUME * 1.5, 1 },
  };

  add_stage (plan, "Curious", CYCLE_LANE_JOURNEY, CYCLE_RATE_UNSET);
  projection = cycle_projection_compute (plan, 10, 1, &error);
  g_assert_error (error, CYCLE_PROJECTION_ERROR, CYCLE_PROJECTION_ERROR_NO_STAGES);
  g_assert_null (projection);
  g_clear_error (&error);

  add_stage (plan, "Visitors", CYCLE_LANE_INTERNAL, CYCLE_RATE_UNSET);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      projection = cycle_projection_compute (plan, bad[i].start, bad[i].cycles, &error);
      g_assert_error (error, CYCLE_PROJECTION_ERROR, CYCLE_PROJECTION_ERROR_INVALID_INPUT);
      g_assert_null (projection);
      g_clear_error (&error);
    }

  /* The edges are fine: nobody, and a hundred cycles. */
  projection = cycle_projection_compute (plan, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (cycle_projection_get_volume (projection, 1), ==, 0);
  g_assert_cmpfloat (cycle_projection_get_cumulative (projection, 1), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/projection/plezi", test_plezi);
  g_test_add_func ("/projection/plezi-file", test_plezi_file);
  g_test_add_func ("/projection/loop-three-cycles", test_loop_three_cycles);
  g_test_add_func ("/projection/branching", test_branching);
  g_test_add_func ("/projection/missing-rates", test_missing_rates);
  g_test_add_func ("/projection/rate-sum", test_rate_sum);
  g_test_add_func ("/projection/next-circle", test_next_circle);
  g_test_add_func ("/projection/invalid-input", test_invalid_input);

  return g_test_run ();
}
