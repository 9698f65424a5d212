/* test-projection.c: volumes per stage from the conversion rates, against tables done by hand
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
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
                   "Visitors        1,000         4%          100%\n"
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
    { -1, 1 }, { NAN, 1 }, { INFINITY, 1 }, { 1e308, 1 }, { 1e12 + 1, 0 }, { 10, 101 },
    { CYCLE_PROJECTION_MAX_START_VOLUME * 1.5, 1 },
  };

  projection = cycle_projection_compute (plan, 10, 1, &error);
  g_assert_error (error, CYCLE_PROJECTION_ERROR, CYCLE_PROJECTION_ERROR_NO_STAGES);
  g_assert_null (projection);
  g_clear_error (&error);

  /* The internal funnel's top, not the journey's, when there is one. */
  add_stage (plan, "Curious", CYCLE_LANE_JOURNEY, CYCLE_RATE_UNSET);
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


/* ------------------------------------------------------------------------------------------------
 * Referral loops, the steady state and the top found by the links: plans written as text, with
 * volumes worked out by hand.
 *
 * A plan: "Name:lane:rate" stages separated by spaces (lane i or j; rate "-" for none), then
 * "|", then links "from>to:kind:rate" (kind n, l or m; indexes into the stages).
 */

typedef struct
{
  const char *name;
  const char *stages;
  const char *links;
  guint       cycles;           /* CYCLE_PROJECTION_STEADY for the steady state */
  double      volumes[6];       /* NAN: off the path or unknown; ends at the plan's stages */
  double      gain;
  gboolean    self_sustaining;
  guint       top;
  double      referred_at_top;
} ReferralCase;

static CyclePlan *
plan_from_text (const char *stages_text,
                const char *links_text)
{
  CyclePlan *plan = cycle_plan_new ();
  g_auto(GStrv) stages = g_strsplit (stages_text, " ", -1);
  g_auto(GStrv) links = links_text[0] != '\0' ? g_strsplit (links_text, " ", -1)
                                               : g_new0 (char *, 1);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  for (guint i = 0; stages[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (stages[i], ":", 3);
      double rate = strcmp (f[2], "-") == 0 ? CYCLE_RATE_UNSET : g_ascii_strtod (f[2], NULL);

      g_ptr_array_add (added, add_stage (plan, f[0], f[1][0] == 'i' ? CYCLE_LANE_INTERNAL
                                                                    : CYCLE_LANE_JOURNEY,
                                         rate));
    }
  for (guint i = 0; links[i] != NULL; i++)
    {
      guint from, to;
      char kind;
      char rate_text[32];
      double rate;

      g_assert_cmpint (sscanf (links[i], "%u>%u:%c:%31s", &from, &to, &kind, rate_text), ==, 4);
      rate = strcmp (rate_text, "-") == 0 ? CYCLE_RATE_UNSET : g_ascii_strtod (rate_text, NULL);
      add_link (plan, g_ptr_array_index (added, from), g_ptr_array_index (added, to),
                kind == 'n' ? CYCLE_LINK_NEXT : kind == 'l' ? CYCLE_LINK_LOOP : CYCLE_LINK_MAPPING,
                rate);
    }

  return plan;
}

static const ReferralCase referral_cases[] = {
  /* One cycle: the loop does not count yet. */
  { "one-cycle", "A:i:0.5 B:i:0.2 C:i:-", "0>1:n:- 1>2:n:- 2>0:l:3", 1,
    { 1000, 500, 100 }, 0, FALSE, 0, 0 },
  /* Each C brings 3 new people to A: a cycle brings 0.1 × 3 = 0.3 of the one before.
   * Steady state: 1000 / (1 − 0.3). */
  { "steady", "A:i:0.5 B:i:0.2 C:i:-", "0>1:n:- 1>2:n:- 2>0:l:3", CYCLE_PROJECTION_STEADY,
    { 1000 / 0.7, 500 / 0.7, 100 / 0.7 }, 0.3, FALSE, 0, 0.3 },
  /* Two cycles: 1000 + 300. */
  { "two-cycles", "A:i:0.5 B:i:0.2 C:i:-", "0>1:n:- 1>2:n:- 2>0:l:3", 2,
    { 1300, 650, 130 }, 0.3, FALSE, 0, 300.0 / 1300 },
  /* Three cycles: 1000 + 300 + 90. */
  { "three-cycles", "A:i:0.5 B:i:0.2 C:i:-", "0>1:n:- 1>2:n:- 2>0:l:3", 3,
    { 1390, 695, 139 }, 0.3, FALSE, 0, 390.0 / 1390 },
  /* A gain of exactly 1: self-sustaining, shown over 10 cycles (10 × 1000 at the top). */
  { "gain-one", "A:i:0.5 B:i:0.2 C:i:-", "0>1:n:- 1>2:n:- 2>0:l:10", CYCLE_PROJECTION_STEADY,
    { 10000, 5000, 1000 }, 1, TRUE, 0, 0.9 },
  /* A gain of 2: 1 + 2 + … + 512 = 1023 thousand. */
  { "gain-two", "A:i:0.5 B:i:0.2 C:i:-", "0>1:n:- 1>2:n:- 2>0:l:20", CYCLE_PROJECTION_STEADY,
    { 1023000, 511500, 102300 }, 2, TRUE, 0, 1022.0 / 1023 },
  /* The link's rate wins over its source stage's; a loop's rate is people, not a share. */
  { "link-rate-wins", "A:i:0.9 B:i:-", "0>1:n:0.1 1>0:l:5", CYCLE_PROJECTION_STEADY,
    { 2000, 200 }, 0.5, FALSE, 0, 0.5 },
  /* The stages out of order: the top is the one no next step enters (A, listed second). */
  { "order-by-links", "C:i:- A:i:0.5 B:i:0.2", "1>2:n:- 2>0:n:-", 1,
    { 100, 1000, 500 }, 0, FALSE, 1, 0 },
  /* Moving a stage up the list (Alt+Up) changes nothing either. */
  { "moved-up", "B:i:0.2 A:i:0.5 C:i:-", "1>0:n:- 0>2:n:- 2>1:l:3", CYCLE_PROJECTION_STEADY,
    { 500 / 0.7, 1000 / 0.7, 100 / 0.7 }, 0.3, FALSE, 1, 0.3 },
  /* A plan drawn only as a buyer's journey is projected from its journey. */
  { "journey-only", "Aware:j:0.5 Consider:j:0.4 Decide:j:-", "0>1:n:- 1>2:n:-", 1,
    { 1000, 500, 200 }, 0, FALSE, 0, 0 },
  /* With both lanes, the internal funnel's top; the journey (mapped) is not projected. */
  { "two-lanes", "Aware:j:0.5 Visitors:i:0.1 Leads:i:-", "0>1:m:- 1>2:n:-", 1,
    { NAN, 1000, 100 }, 0, FALSE, 1, 0 },
  /* Two loops to two stages. From A: A 1, B 0.5, C 0.1; from B: B 1, C 0.2. Each C brings one
   * to A and two to B: the cycle matrix is [[0.1 0.2] [0.2 0.4]], (I − M)⁻¹ e_A = (1.2, 0.4):
   * A = 1200, B = 1.2 × 500 + 0.4 × 1000 = 1000, C = 1.2 × 100 + 0.4 × 200 = 200. The gain,
   * its largest eigenvalue, is 0.5. */
  { "two-targets", "A:i:0.5 B:i:0.2 C:i:-", "0>1:n:- 1>2:n:- 2>0:l:1 2>1:l:2",
    CYCLE_PROJECTION_STEADY, { 1200, 1000, 200 }, 0.5, FALSE, 0, 200.0 / 1200 },
  /* A loop without a rate: nothing past the first cycle is known. */
  { "loop-without-rate", "A:i:0.5 B:i:-", "0>1:n:- 1>0:l:-", CYCLE_PROJECTION_STEADY,
    { NAN, NAN }, NAN, FALSE, 0, NAN },
  /* No loop: the steady state is the first cycle. */
  { "no-loop", "A:i:0.5 B:i:-", "0>1:n:-", CYCLE_PROJECTION_STEADY,
    { 1000, 500 }, 0, FALSE, 0, 0 },
  /* A loop from a stage off the path brings nobody. */
  { "loop-off-path", "A:i:0.5 B:i:- X:i:-", "0>1:n:- 2>0:l:5", CYCLE_PROJECTION_STEADY,
    { 1000, 500, NAN }, 0, FALSE, 0, 0 },
  /* Referrals into the middle: each B brings 0.25 more B (a loop to its own stage), each C
   * 0.5 B; a B brings back 0.25 + 0.5 × 0.5 = 0.5 B: B's total is 500 / (1 − 0.5). */
  { "middle-loop", "A:i:0.5 B:i:0.5 C:i:-", "0>1:n:- 1>2:n:- 1>1:l:0.25 2>1:l:0.5",
    CYCLE_PROJECTION_STEADY, { 1000, 500 / 0.5, 250 / 0.5 }, 0.5, FALSE, 0, 0 },
  /* The same with a self-referral of 0.5: 0.5 + 0.25 = 0.75, B = 500 / 0.25. */
  { "self-referral", "A:i:0.5 B:i:0.5 C:i:-", "0>1:n:- 1>2:n:- 1>1:l:0.5 2>1:l:0.5",
    CYCLE_PROJECTION_STEADY, { 1000, 2000, 1000 }, 0.75, FALSE, 0, 0 },
};

static void
test_referral_case (gconstpointer data)
{
  const ReferralCase *c = data;
  g_autoptr(CyclePlan) plan = plan_from_text (c->stages, c->links);
  g_autoptr(CycleProjection) projection = NULL;
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (cycle_plan_get_stages (plan));

  projection = cycle_projection_compute (plan, 1000, c->cycles, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cycle_projection_get_top_index (projection), ==, c->top);
  for (guint i = 0; i < n; i++)
    {
      double volume = cycle_projection_get_volume (projection, i);

      if (isnan (c->volumes[i]))
        g_assert_true (isnan (volume));
      else
        g_assert_cmpfloat_with_epsilon (volume, c->volumes[i], 1e-6 * MAX (1, c->volumes[i]));
    }

  if (isnan (c->gain))
    g_assert_true (isnan (cycle_projection_get_gain (projection)));
  else
    g_assert_cmpfloat_with_epsilon (cycle_projection_get_gain (projection), c->gain, 1e-6);
  g_assert_cmpint (cycle_projection_is_self_sustaining (projection), ==, c->self_sustaining);
  if (c->self_sustaining)
    g_assert_cmpuint (cycle_projection_get_cycles (projection), ==,
                      CYCLE_PROJECTION_SUSTAINING_CYCLES);
  g_assert_cmpint (cycle_projection_is_steady (projection), ==,
                   c->cycles == CYCLE_PROJECTION_STEADY && !c->self_sustaining);

  if (isnan (c->referred_at_top))
    g_assert_true (isnan (cycle_projection_get_referred_share (projection, c->top)));
  else
    g_assert_cmpfloat_with_epsilon (cycle_projection_get_referred_share (projection, c->top),
                                    c->referred_at_top, 1e-9);
}

/* The projector everyone uses reads the plan's own settings, which are edits like any other. */
static void
test_plan_settings (void)
{
  g_autoptr(CyclePlan) plan = plan_from_text ("A:i:0.5 B:i:0.2 C:i:-", "0>1:n:- 1>2:n:- 2>0:l:3");
  g_autoptr(CycleProjection) steady = NULL;
  g_autoptr(CycleProjection) two = NULL;
  g_autofree char *summary = NULL;

  g_assert_cmpfloat (cycle_plan_get_projection_start (plan), ==, 1000);
  g_assert_cmpuint (cycle_plan_get_projection_cycles (plan), ==, CYCLE_PROJECTION_STEADY);
  steady = cycle_projection_compute_for_plan (plan, NULL);
  g_assert_true (cycle_projection_is_steady (steady));
  g_assert_cmpfloat_with_epsilon (cycle_projection_get_volume (steady, 0), 1000 / 0.7, 1e-6);
  summary = cycle_projection_describe (steady);
  g_assert_nonnull (strstr (summary, "steady state"));
  g_assert_nonnull (strstr (summary, "×0.3"));

  cycle_plan_seal_undo (plan);
  cycle_plan_set_projection_start (plan, 500);
  cycle_plan_set_projection_cycles (plan, 2);
  two = cycle_projection_compute_for_plan (plan, NULL);
  g_assert_cmpfloat_with_epsilon (cycle_projection_get_volume (two, 0), 650, 1e-9);

  /* Two edits, two steps. */
  g_assert_true (cycle_plan_can_undo (plan));
  cycle_plan_undo (plan);
  g_assert_cmpuint (cycle_plan_get_projection_cycles (plan), ==, CYCLE_PROJECTION_STEADY);
  g_assert_cmpfloat (cycle_plan_get_projection_start (plan), ==, 500);
  cycle_plan_undo (plan);
  g_assert_cmpfloat (cycle_plan_get_projection_start (plan), ==, 1000);
  g_assert_cmpuint (cycle_plan_get_projection_cycles (plan), ==, CYCLE_PROJECTION_STEADY);
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
  g_test_add_func ("/projection/plan-settings", test_plan_settings);
  for (guint i = 0; i < G_N_ELEMENTS (referral_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/projection/referral/%s",
                                               referral_cases[i].name);
      g_test_add_data_func (path, &referral_cases[i], test_referral_case);
    }

  return g_test_run ();
}
