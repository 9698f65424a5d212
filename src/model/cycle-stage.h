/* cycle-stage.h: a stage of the funnel or of the buyer's journey
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cycle-enums.h"
#include "cycle-item.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_STAGE (cycle_stage_get_type ())

G_DECLARE_FINAL_TYPE (CycleStage, cycle_stage, CYCLE, STAGE, CycleItem)

CycleStage      *cycle_stage_new                 (const char      *name);

const char      *cycle_stage_get_name            (CycleStage      *self);
void             cycle_stage_set_name            (CycleStage      *self,
                                                  const char      *name);
/* The name, or "Unnamed Stage" when it is empty: how a view titles the stage. */
const char      *cycle_stage_get_display_name    (CycleStage      *self);
CycleLane        cycle_stage_get_lane            (CycleStage      *self);
void             cycle_stage_set_lane            (CycleStage      *self,
                                                  CycleLane        lane);
const char      *cycle_stage_get_why             (CycleStage      *self);
void             cycle_stage_set_why             (CycleStage      *self,
                                                  const char      *why);
const char      *cycle_stage_get_question        (CycleStage      *self);
void             cycle_stage_set_question        (CycleStage      *self,
                                                  const char      *question);
/* What the stage is in the cycle; the checks that need the purchase go by it. */
CycleRole        cycle_stage_get_role            (CycleStage      *self);
void             cycle_stage_set_role            (CycleStage      *self,
                                                  CycleRole        role);
CyclePermission  cycle_stage_get_permission      (CycleStage      *self);
void             cycle_stage_set_permission      (CycleStage      *self,
                                                  CyclePermission  permission);
const char      *cycle_stage_get_kpi             (CycleStage      *self);
void             cycle_stage_set_kpi             (CycleStage      *self,
                                                  const char      *kpi);
/* A fraction from 0 to 1, or CYCLE_RATE_UNSET. */
double           cycle_stage_get_conversion_rate (CycleStage      *self);
void             cycle_stage_set_conversion_rate (CycleStage      *self,
                                                  double           rate);
/* Whole days, or CYCLE_DAYS_UNSET. */
int              cycle_stage_get_days            (CycleStage      *self);
void             cycle_stage_set_days            (CycleStage      *self,
                                                  int              days);
const char      *cycle_stage_get_owner           (CycleStage      *self);
void             cycle_stage_set_owner           (CycleStage      *self,
                                                  const char      *owner);
/* "#rrggbb", or "" for the lane's colour. */
const char      *cycle_stage_get_color           (CycleStage      *self);
void             cycle_stage_set_color           (CycleStage      *self,
                                                  const char      *color);
double           cycle_stage_get_x               (CycleStage      *self);
double           cycle_stage_get_y               (CycleStage      *self);
/* Moves the stage as one undo step (the two coordinates together). */
void             cycle_stage_set_position        (CycleStage      *self,
                                                  double           x,
                                                  double           y);

/* The stage's content, a GListModel of CycleContent in the stage's order. */
GListModel      *cycle_stage_get_content         (CycleStage      *self);
guint            cycle_stage_get_n_content       (CycleStage      *self);

G_END_DECLS
