/* cycle-board.h: the content of a plan as a board, one column per stage, one card per item
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_BOARD (cycle_board_get_type ())

G_DECLARE_FINAL_TYPE (CycleBoard, cycle_board, CYCLE, BOARD, GtkWidget)

CyclePlan  *cycle_board_get_plan       (CycleBoard   *self);
void        cycle_board_set_plan       (CycleBoard   *self,
                                        CyclePlan    *plan);
/* The highlighted column's stage, or NULL. */
CycleStage *cycle_board_get_stage      (CycleBoard   *self);
void        cycle_board_set_stage      (CycleBoard   *self,
                                        CycleStage   *stage);
/* Scrolls the column of @stage into view (and highlights it). */
void        cycle_board_show_stage     (CycleBoard   *self,
                                        CycleStage   *stage);

/* Moves @content so that it lands before the item that is at @insertion in @stage's list now
 * (the list's length: at the end). One undo step; nothing when it would land where it is. */
void        cycle_board_move_content   (CycleBoard   *self,
                                        CycleContent *content,
                                        CycleStage   *stage,
                                        guint         insertion);

/* The position to give cycle_plan_move_content() for a drop before the item now at @insertion
 * of @stage's list: the content itself leaves its list first. */
guint       cycle_board_drop_position  (CycleContent *content,
                                        CycleStage   *stage,
                                        guint         insertion);

G_END_DECLS
