/* cycle-content-editor.h: a dialog editing every field of one piece of content
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_CONTENT_EDITOR (cycle_content_editor_get_type ())

G_DECLARE_FINAL_TYPE (CycleContentEditor, cycle_content_editor, CYCLE, CONTENT_EDITOR, AdwWindow)

/* @content must be in a plan. Every change is an undoable edit of the plan; the dialog closes
 * by itself when the content leaves the plan. */
CycleContentEditor *cycle_content_editor_new         (GtkWindow          *parent,
                                                      CycleContent       *content);
CycleContent       *cycle_content_editor_get_content (CycleContentEditor *self);
void                cycle_content_editor_set_content (CycleContentEditor *self,
                                                      CycleContent       *content);
/* Puts the keyboard in the title with the title selected, for content just added. */
void                cycle_content_editor_focus_title (CycleContentEditor *self);
/* The content was just added to be edited here: Escape, before anything changed it, takes it
 * back out (its addition undone). Forgotten when the editor shows other content. */
void                cycle_content_editor_set_new     (CycleContentEditor *self);

G_END_DECLS
