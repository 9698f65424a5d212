/* cycle-campaign.h: stage timing, for launch campaigns only
 *
 * A launch campaign runs its stages one after the other from a start date (the plan's
 * "campaign_start"); an always-on cycle publishes at every stage at once and has no start date,
 * hence no windows. A stage's window starts on the campaign's start + the day the projector's
 * traversal of the flow gives it (cycle_projection_get_start_day ()): the earliest arrival along
 * the next steps from where people enter, adding up the days in stage of the stages before. It
 * lasts its own days in stage. A stage without days in stage (or with 0) has no window, nor
 * does a stage reached only through one; stages off the path have none either.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-plan.h"

G_BEGIN_DECLS

typedef struct
{
  CycleStage *stage;   /* borrowed from the plan */
  GDate       first;
  GDate       last;    /* included */
} CycleStageWindow;

/* The windows of the stages that have one, in the plan's order, as an array of
 * CycleStageWindow; an empty array when the plan has no campaign start. */
GArray   *cycle_campaign_compute_windows  (CyclePlan              *plan);
/* The window of @stage in @windows, or NULL. */
const CycleStageWindow *
          cycle_campaign_find_window      (GArray                 *windows,
                                           CycleStage             *stage);
/* Whether @content's due date falls outside @window (FALSE for content without a date). */
gboolean  cycle_campaign_is_outside       (const CycleStageWindow *window,
                                           CycleContent           *content);
/* The checker's note for @content dated outside @window, in plain words. */
char     *cycle_campaign_describe_outside (const CycleStageWindow *window,
                                           CycleContent           *content);

G_END_DECLS
