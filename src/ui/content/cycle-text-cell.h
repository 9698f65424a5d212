/* cycle-text-cell.h: one line of text, cut short at the end, for the cells of a long table
 *
 * A GtkLabel asks its list to lay out again whenever its text changes: in GTK 4.8 that makes the
 * column view measure every one of its 200 live rows, a few milliseconds for each row that
 * scrolls in. A text cell is always one line high, whatever its text: a new text is only drawn.
 * Its text is its accessible name (role: label), as a label's is.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CYCLE_TYPE_TEXT_CELL (cycle_text_cell_get_type ())

G_DECLARE_FINAL_TYPE (CycleTextCell, cycle_text_cell, CYCLE, TEXT_CELL, GtkWidget)

GtkWidget  *cycle_text_cell_new      (void);
const char *cycle_text_cell_get_text (CycleTextCell *self);
void        cycle_text_cell_set_text (CycleTextCell *self,
                                      const char    *text);

G_END_DECLS
