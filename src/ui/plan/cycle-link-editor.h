/* cycle-link-editor.h: the popover that edits a link's kind and rate, at the link on the canvas
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_LINK_EDITOR (cycle_link_editor_get_type ())

G_DECLARE_FINAL_TYPE (CycleLinkEditor, cycle_link_editor, CYCLE, LINK_EDITOR, GtkPopover)

GtkWidget *cycle_link_editor_new      (void);
CycleLink *cycle_link_editor_get_link (CycleLinkEditor *self);
/* Every change goes through cycle_link_edit(): one undo step for each committed edit. What was
 * typed for the link before is read first. */
void       cycle_link_editor_set_link (CycleLinkEditor *self,
                                       CycleLink       *link);

/* Moves the keyboard focus to the rate, what people open the editor for. */
void       cycle_link_editor_focus    (CycleLinkEditor *self);

G_END_DECLS
