/* cycle-stage-editor.h: the side panel that edits the selected stage's fields
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_STAGE_EDITOR (cycle_stage_editor_get_type ())

G_DECLARE_FINAL_TYPE (CycleStageEditor, cycle_stage_editor, CYCLE, STAGE_EDITOR, AdwBin)

GtkWidget  *cycle_stage_editor_new       (void);
CycleStage *cycle_stage_editor_get_stage (CycleStageEditor *self);
/* The "link-activated" signal (CycleLink *link): a row of the stage's list of links was
 * activated; the window opens the link's editor. */
/* Moves the keyboard focus to the first field (the name). */
void        cycle_stage_editor_focus     (CycleStageEditor *self);

G_END_DECLS
