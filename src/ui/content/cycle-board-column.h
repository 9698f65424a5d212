/* cycle-board-column.h: one stage on the board — its cards, and where cards are dropped
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-content-selection.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_BOARD_COLUMN (cycle_board_column_get_type ())

G_DECLARE_FINAL_TYPE (CycleBoardColumn, cycle_board_column, CYCLE, BOARD_COLUMN, GtkWidget)

GtkWidget  *cycle_board_column_new             (void);
CycleStage *cycle_board_column_get_stage       (CycleBoardColumn *self);
/* NULL while the column is not bound to a stage. The cards are a one-column GtkGridView over the
 * stage's own content list: GTK 4.8's GtkListView keeps 200 rows alive whatever its height, a
 * grid view 30 rows and a few. */
void        cycle_board_column_set_stage       (CycleBoardColumn *self,
                                                CycleStage       *stage);
/* The board gives the cards (binds the stage's list) only to the columns on or near the screen:
 * a board of 500 stages keeps that many columns alive, not their 100 000 cards. */
gboolean    cycle_board_column_get_active      (CycleBoardColumn *self);
void        cycle_board_column_set_active      (CycleBoardColumn *self,
                                                gboolean          active);
/* Scrolls to the card at @position and gives it the keyboard focus once it is shown. */
void        cycle_board_column_focus_position  (CycleBoardColumn *self,
                                                guint             position);

/* The set of content picked on the board, which every column shares. */
void        cycle_board_column_set_selected    (CycleBoardColumn     *self,
                                                CycleSelectedContent *selected);

G_END_DECLS
