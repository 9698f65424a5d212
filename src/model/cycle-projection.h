/* cycle-projection.h: how many people reach each stage, from the conversion rates
 *
 * The rules, so that a person can check the numbers by hand:
 *
 * - The top is where people enter: the first stage of the internal lane, in plan order, that no
 *   next-step link enters (the links decide, not the order of the stages); failing that, the
 *   lane's first stage. A plan with no internal stage starts from its buyer's journey the same
 *   way. The path is the stages that next-step links lead to from the top, whatever their lane.
 *   Other stages are not projected: their volume is NaN.
 * - A next-step link passes on its rate of its source's volume; a link without a rate uses its
 *   source stage's conversion rate instead (on a branching stage, each such link does). A
 *   next-step link that leads back into the path (a circle of next steps) is not followed: going
 *   back is what loop links are for.
 * - A loop link is a referral: its rate is how many new people each person of its source brings
 *   to its target in the next cycle (0.5, or 3: any number from 0 to CYCLE_LOOP_RATE_MAX).
 *   Cycle 1 is the starting volume entering at the top, and nothing else; each later cycle is
 *   what the loops of the one before bring. The gain is how many times a cycle's people the
 *   next one brings, in the long run.
 * - Over N cycles the volumes are summed over cycles 1…N. The steady state is the sum over every
 *   cycle: the top's volume divided by (1 − gain) for one loop to the top; it exists when the gain
 *   is below 1. At a gain of 1 or more the loop makes growth self-sustaining: the projection
 *   says so, and sums CYCLE_PROJECTION_SUSTAINING_CYCLES cycles instead.
 * - The next-step rate of a stage is the share of its volume that moves on (the sum of its
 *   outgoing next-step rates); the cumulative rate is its volume divided by the top's; the
 *   referred share is the part of its volume that came through the loops (not in cycle 1).
 * - A rate the projection needs and does not have makes the volumes that depend on it unknown
 *   (NaN) and puts the link on the "missing" list: a next-step link on the path with neither its
 *   own rate nor its source's conversion rate, or (beyond one cycle) a loop link on the path
 *   without a rate. A stage whose next steps add up to more than 100 % is "invalid".
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_PROJECTION_ERROR (cycle_projection_error_quark ())

typedef enum {
  /* A starting volume below 0 (or not a number, or over a trillion), or cycles over 100. */
  CYCLE_PROJECTION_ERROR_INVALID_INPUT,
  /* The plan has no stage to start from. */
  CYCLE_PROJECTION_ERROR_NO_STAGES,
} CycleProjectionError;

#define CYCLE_PROJECTION_MAX_CYCLES CYCLE_PLAN_MAX_PROJECTION_CYCLES
/* "cycles" for the steady state: every cycle added up. */
#define CYCLE_PROJECTION_STEADY 0
/* What a self-sustaining loop is shown over, having no steady state. */
#define CYCLE_PROJECTION_SUSTAINING_CYCLES 10
/* The most people that can enter the top. */
#define CYCLE_PROJECTION_MAX_START CYCLE_PLAN_MAX_PROJECTION_START
/* The same, by the name cycle-tool knows it. */
#define CYCLE_PROJECTION_MAX_START_VOLUME CYCLE_PROJECTION_MAX_START

GQuark cycle_projection_error_quark (void);

#define CYCLE_TYPE_PROJECTION (cycle_projection_get_type ())

/* An immutable, reference-counted result. */
typedef struct _CycleProjection CycleProjection;

GType             cycle_projection_get_type       (void) G_GNUC_CONST;

/* @cycles: 1 to CYCLE_PROJECTION_MAX_CYCLES, or CYCLE_PROJECTION_STEADY. */
CycleProjection  *cycle_projection_compute        (CyclePlan        *plan,
                                                   double            start_volume,
                                                   guint             cycles,
                                                   GError          **error);
/* The projector every view, export and cycle-tool use: with the plan's own settings
 * (cycle_plan_get_projection_start() and _cycles()). */
CycleProjection  *cycle_projection_compute_for_plan (CyclePlan      *plan,
                                                   GError          **error);
CycleProjection  *cycle_projection_ref            (CycleProjection  *self);
void              cycle_projection_unref          (CycleProjection  *self);

double            cycle_projection_get_start_volume (CycleProjection *self);
/* The cycles added up: CYCLE_PROJECTION_STEADY for the steady state; for a self-sustaining loop
 * asked for its steady state, CYCLE_PROJECTION_SUSTAINING_CYCLES. */
guint             cycle_projection_get_cycles     (CycleProjection  *self);
gboolean          cycle_projection_is_steady      (CycleProjection  *self);
/* The loops bring at least as many people each cycle as the one before. */
gboolean          cycle_projection_is_self_sustaining (CycleProjection *self);
/* How many times a cycle's people the next one brings, in the long run (0 without a loop that
 * counts; NaN when a loop's rate is missing). */
double            cycle_projection_get_gain       (CycleProjection  *self);
/* The number of stages the plan had: the indexes below are the plan's stage indexes. */
guint             cycle_projection_get_n_stages   (CycleProjection  *self);
CycleStage       *cycle_projection_get_stage      (CycleProjection  *self,
                                                   guint             index);
guint             cycle_projection_get_top_index  (CycleProjection  *self);
gboolean          cycle_projection_is_on_path     (CycleProjection  *self,
                                                   guint             index);
/* People reaching the stage, summed over the cycles; NaN off the path or when unknown. */
double            cycle_projection_get_volume     (CycleProjection  *self,
                                                   guint             index);
/* The share of the stage's volume that moves on; NaN when it has no next step or when a rate is
 * missing (cycle_projection_has_next_step() tells the two apart). */
double            cycle_projection_get_next_rate  (CycleProjection  *self,
                                                   guint             index);
gboolean          cycle_projection_has_next_step  (CycleProjection  *self,
                                                   guint             index);
/* The people of cycle 1 only: those who came in at the top, not through the loops. */
double            cycle_projection_get_first_cycle_volume (CycleProjection *self,
                                                   guint             index);
/* The share of the stage's volume that came through the loops (referrals): 0 to 1. */
double            cycle_projection_get_referred_share (CycleProjection *self,
                                                   guint             index);
/* The volume over the top's volume (1 at the top); NaN off the path or when unknown. */
double            cycle_projection_get_cumulative (CycleProjection  *self,
                                                   guint             index);

/* Stage timing (a launch campaign, cycle-campaign.h): the day the stage starts, counted from the
 * top's first day (0) along the followed next steps: the earliest of its predecessors' start +
 * days in stage. -1 off the path, or when a stage before it has no days in stage. */
int               cycle_projection_get_start_day  (CycleProjection  *self,
                                                   guint             index);

/* The links whose rate the projection needed and did not have, in the plan's link order. */
guint             cycle_projection_get_n_missing  (CycleProjection  *self);
CycleLink        *cycle_projection_get_missing    (CycleProjection  *self,
                                                   guint             i);
/* Stages of the path whose next-step rates add up to more than 100 %, in plan order. */
guint             cycle_projection_get_n_invalid  (CycleProjection  *self);
CycleStage       *cycle_projection_get_invalid    (CycleProjection  *self,
                                                   guint             i);
/* TRUE when nothing is missing or invalid: every volume on the path is known. */
gboolean          cycle_projection_is_complete    (CycleProjection  *self);

/* The aligned text table of cycle-tool: stage, volume, next-step rate, cumulative; one line for
 * each stage of the path, in plan order, ending with a newline. "?" marks an unknown number,
 * "—" a stage with no next step. */
char             *cycle_projection_format_table   (CycleProjection  *self);
/* What the projection shows, in a sentence or two: people entering where, over how many cycles
 * or the steady state, and what the referral loops bring ("×0.23" a cycle; self-sustaining). */
char             *cycle_projection_describe       (CycleProjection  *self);
/* Its first sentence: the people entering, where, and over how many cycles (a picture's legend). */
char             *cycle_projection_describe_settings (CycleProjection *self);
/* One translated sentence for each missing rate and invalid stage, each ending with "\n". */
char             *cycle_projection_describe_problems (CycleProjection *self);
/* The same sentences, one string each (without "\n"); names in them may hold any character. */
GStrv             cycle_projection_list_problems  (CycleProjection  *self);

/* The sentence for a link whose rate is missing, shared with the checks:
 * "The next step from “Leads” to “Prospects” has no rate, and “Leads” has no conversion rate." */
char             *cycle_projection_describe_missing_rate (CycleLink   *link);
/* "The next steps from “Leads” add up to 120 %: more people would move on than there are." */
char             *cycle_projection_describe_rate_sum    (CycleStage  *stage,
                                                         double       sum);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CycleProjection, cycle_projection_unref)

G_END_DECLS
