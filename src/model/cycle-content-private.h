/* cycle-content-private.h: the content item's side that only the model uses (cycle-content.c)
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-content.h"
#include "cycle-stage.h"

G_BEGIN_DECLS

/* Sets the stage @self belongs to (its stage adds or removes it; not an edit of its own) */
void         _cycle_content_set_stage (CycleContent *self,
                                      CycleStage   *stage);

G_END_DECLS
