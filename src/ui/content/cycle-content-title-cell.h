/* cycle-content-title-cell.h: a content's title in a table cell, renamed in place
 *
 * A plain label until the table asks it to edit (F2, or "Rename" in the row's menu): then an
 * entry, which writes the title when Enter is pressed or the focus leaves, and gives up on
 * Escape. Clicks are left to the row (select, double-click to open the editor).
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_CONTENT_TITLE_CELL (cycle_content_title_cell_get_type ())

G_DECLARE_FINAL_TYPE (CycleContentTitleCell, cycle_content_title_cell,
                      CYCLE, CONTENT_TITLE_CELL, GtkWidget)

GtkWidget    *cycle_content_title_cell_new           (void);
CycleContent *cycle_content_title_cell_get_content   (CycleContentTitleCell *self);
void          cycle_content_title_cell_set_content   (CycleContentTitleCell *self,
                                                      CycleContent          *content);
gboolean      cycle_content_title_cell_get_editing   (CycleContentTitleCell *self);
void          cycle_content_title_cell_start_editing (CycleContentTitleCell *self);
/* @commit: write the text to the content (one undo step) or forget it. */
void          cycle_content_title_cell_stop_editing  (CycleContentTitleCell *self,
                                                      gboolean               commit);

G_END_DECLS
