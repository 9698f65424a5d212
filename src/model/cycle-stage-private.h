/* cycle-stage-private.h: the stage's side that only the model uses (cycle-stage.c)
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-stage.h"

G_BEGIN_DECLS

/* The store behind the stage's list of content, which the plan splices */
GListStore  *_cycle_stage_get_store  (CycleStage   *self);

G_END_DECLS
