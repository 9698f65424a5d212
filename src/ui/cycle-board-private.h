/* cycle-board-private.h: what the board, its columns and its cards share
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-board.h"

G_BEGIN_DECLS

/* Signals of the board, emitted by its cards and columns. */
void  _cycle_board_edit          (CycleBoard   *self,
                                  CycleContent *content);
void  _cycle_board_add           (CycleBoard   *self,
                                  CycleStage   *stage);
/* Deletes @content (undoable) and says so through the board's "removed" signal. */
void  _cycle_board_remove        (CycleBoard   *self,
                                  CycleContent *content);
/* Moves @content to the end of the stage @offset columns away (-1: previous, 1: next). */
void  _cycle_board_move_to_stage (CycleBoard   *self,
                                  CycleContent *content,
                                  int           offset);
/* Moves @content @offset places within its stage (-1: up, 1: down). */
void  _cycle_board_move_within   (CycleBoard   *self,
                                  CycleContent *content,
                                  int           offset);

/* Shows the one card menu of the board on @card (the menu's actions are @card's "card.*"),
 * pointing at @anchor. */
void  _cycle_board_popup_menu    (CycleBoard   *self,
                                  GtkWidget    *card,
                                  GtkWidget    *anchor);

/* Scrolls @adjustment while a drag hovers near the ends of @widget: @position is the pointer's
 * coordinate along @adjustment's axis, in @widget's coordinates (or -1 to stop). */
typedef struct _CycleAutoscroll CycleAutoscroll;

CycleAutoscroll *_cycle_autoscroll_new    (GtkWidget       *widget,
                                           GtkOrientation   orientation);
void             _cycle_autoscroll_update (CycleAutoscroll *autoscroll,
                                           GtkAdjustment   *adjustment,
                                           double           position);
void             _cycle_autoscroll_free   (CycleAutoscroll *autoscroll);

G_END_DECLS
