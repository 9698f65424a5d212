/* cycle-projection.h: how many people reach each stage, from the conversion rates
 *
 * The rules, so that a person can check the numbers by hand:
 *
 * - The top is the first stage of the internal lane, in plan order. The internal path is the
 *   internal stages that next-step links lead to from the top. Other stages (the buyer's
 *   journey, unconnected stages) are not projected: their volume is NaN.
 * - A next-step link passes on its rate of its source's volume; a link without a rate uses its
 *   source stage's conversion rate instead (on a branching stage, each such link does). A
 *   next-step link that leads back into the path (a circle of next steps) is not followed: going
 *   back is what loop links are for.
 * - Cycle 1 is the starting volume entering at the top, and nothing else. Each loop link from a
 *   stage of the path to a stage of the path then brings its rate of its source's volume of the
 *   cycle into its target in the next cycle (members who bring friends: the referral loop that
 *   feeds the top). Volumes are summed over the cycles.
 * - The next-step rate of a stage is the share of its volume that moves on (the sum of its
 *   outgoing next-step rates); the cumulative rate is its volume divided by the top's.
 * - A rate the projection needs and does not have makes the volumes that depend on it unknown
 *   (NaN) and puts the link on the "missing" list: a next-step link on the path with neither its
 *   own rate nor its source's conversion rate, or (over more than one cycle) a loop link on the
 *   path without a rate. A stage whose next steps add up to more than 100 % is "invalid".
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
  /* A starting volume not within 0…CYCLE_PROJECTION_MAX_START_VOLUME (or not a number), or
   * cycles not within 1…100. */
  CYCLE_PROJECTION_ERROR_INVALID_INPUT,
  /* The plan has no internal stage to start from. */
  CYCLE_PROJECTION_ERROR_NO_STAGES,
} CycleProjectionError;

#define CYCLE_PROJECTION_MAX_CYCLES 100
/* A million million people: far more than live on Earth, far from a double's limits */
#define CYCLE_PROJECTION_MAX_START_VOLUME 1e12

GQuark cycle_projection_error_quark (void);

#define CYCLE_TYPE_PROJECTION (cycle_projection_get_type ())

/* An immutable, reference-counted result. */
typedef struct _CycleProjection CycleProjection;

GType             cycle_projection_get_type       (void) G_GNUC_CONST;

CycleProjection  *cycle_projection_compute        (CyclePlan        *plan,
                                                   double            start_volume,
                                                   guint             cycles,
                                                   GError          **error);
CycleProjection  *cycle_projection_ref            (CycleProjection  *self);
void              cycle_projection_unref          (CycleProjection  *self);

double            cycle_projection_get_start_volume (CycleProjection *self);
guint             cycle_projection_get_cycles     (CycleProjection  *self);
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
/* The volume over the top's volume (1 at the top); NaN off the path or when unknown. */
double            cycle_projection_get_cumulative (CycleProjection  *self,
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

/* The rate a next-step link passes on: its own, else its source's conversion rate, else
 * CYCLE_RATE_UNSET. */
double            cycle_projection_effective_rate (CycleLink        *link);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CycleProjection, cycle_projection_unref)

G_END_DECLS
