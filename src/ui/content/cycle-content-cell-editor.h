/* cycle-content-cell-editor.h: one field of a table row edited where it shows
 *
 * GTK 4.8's column view has no focus per cell: the table edits a row's title in the cell itself
 * (cycle-content-title-cell.h) and its stage, persona, status, due date and owner in this small
 * popover pointing at the cell. A list of choices (stage, persona, status: arrows and Enter, or
 * a click) or an entry (due date, owner: Enter); each change is one undo step; Escape gives up;
 * Tab and Shift+Tab write what was typed or picked and ask for the next or previous field of the
 * row (the signal "move", with the content and 1 or -1). A due date goes through the one date
 * parser (cycle_date_parse_input()); one it cannot read is said in the popover, which stays
 * open, and the plan keeps its date.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

typedef enum {
  CYCLE_CELL_FIELD_STAGE,
  CYCLE_CELL_FIELD_PERSONA,
  CYCLE_CELL_FIELD_STATUS,
  CYCLE_CELL_FIELD_DUE,
  CYCLE_CELL_FIELD_OWNER,
} CycleCellField;

#define CYCLE_TYPE_CONTENT_CELL_EDITOR (cycle_content_cell_editor_get_type ())

G_DECLARE_FINAL_TYPE (CycleContentCellEditor, cycle_content_cell_editor,
                      CYCLE, CONTENT_CELL_EDITOR, GtkPopover)

GtkWidget    *cycle_content_cell_editor_new       (void);
/* Opens on @field of @content, pointing at @rect (in the popover's parent's coordinates). */
void          cycle_content_cell_editor_edit      (CycleContentCellEditor *self,
                                                   CycleContent           *content,
                                                   CycleCellField          field,
                                                   const GdkRectangle     *rect);
CycleCellField cycle_content_cell_editor_get_field  (CycleContentCellEditor *self);

G_END_DECLS
