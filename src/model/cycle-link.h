/* cycle-link.h: an arrow from one stage to another
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-enums.h"
#include "cycle-item.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_LINK (cycle_link_get_type ())

G_DECLARE_FINAL_TYPE (CycleLink, cycle_link, CYCLE, LINK, CycleItem)

CycleLink     *cycle_link_new          (CycleStage    *source,
                                        CycleStage    *target,
                                        CycleLinkKind  kind);

CycleStage    *cycle_link_get_source   (CycleLink     *self);
void           cycle_link_set_source   (CycleLink     *self,
                                        CycleStage    *source);
CycleStage    *cycle_link_get_target   (CycleLink     *self);
void           cycle_link_set_target   (CycleLink     *self,
                                        CycleStage    *target);
CycleLinkKind  cycle_link_get_kind     (CycleLink     *self);
void           cycle_link_set_kind     (CycleLink     *self,
                                        CycleLinkKind  kind);
/* A next step's rate: the fraction of its source's people who take it, from 0 to 1. A loop's
 * rate: how many new people each person of its source brings, from 0 to CYCLE_LOOP_RATE_MAX.
 * CYCLE_RATE_UNSET when not set. */
#define CYCLE_LOOP_RATE_MAX 1000.0
double         cycle_link_get_rate     (CycleLink     *self);
void           cycle_link_set_rate     (CycleLink     *self,
                                        double         rate);

G_END_DECLS
