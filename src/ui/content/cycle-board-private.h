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
/* Copies @content as a spreadsheet row, or the whole selection when it is one of several picked */
void  _cycle_board_copy          (CycleBoard   *self,
                                  CycleContent *content);
/* Moves @content to the end of the stage @offset columns away (-1: previous, 1: next). */
void  _cycle_board_move_to_stage (CycleBoard   *self,
                                  CycleContent *content,
                                  int           offset);
/* Moves @content @offset places within its stage (-1: up, 1: down). */
void  _cycle_board_move_within   (CycleBoard   *self,
                                  CycleContent *content,
                                  int           offset);

/* The items of a card's menu ("card-menu.edit"…: see cycle-board-card-actions.c) */
GMenuModel *_cycle_board_get_card_menu (CycleBoard   *self);
/* The moves a card's menu offers for @content */
void  _cycle_board_get_moves     (CycleBoard   *self,
                                  CycleContent *content,
                                  gboolean     *previous,
                                  gboolean     *next,
                                  gboolean     *up,
                                  gboolean     *down);

/* How many of @wanted cards a column may make in the frame of @clock: the columns share one
 * budget a frame. */
guint    _cycle_board_take_cards   (CycleBoard    *self,
                                    GdkFrameClock *clock,
                                    guint          wanted);
/* Whether the board scrolled across in the last moments: columns then make only the cards that
 * fill their height, and the rest once it rests. */
gboolean _cycle_board_is_scrolling (CycleBoard    *self);
/* Whether the board has drawn its first frame (before, the columns on screen make a screenful of
 * cards at once: a first frame without them would blink). */
gboolean _cycle_board_is_drawn     (CycleBoard    *self);

/* A card for a column to show, with a reference: a spare one when there is one (making a card's
 * widgets costs half a millisecond). A card the board made comes back to it when its list lets it
 * go (unparents it). */
GtkWidget *_cycle_board_take_card (CycleBoard *self);

/* Fills @rect, its corners rounded by @radius, with @color: as a border as wide as the shape, which
 * the cairo renderer fills in one go, where a CSS background with a border-radius is clipped to
 * a path and then painted (the rounded cards and columns were half the cost of a frame). */
void _cycle_board_append_rounded (GtkSnapshot           *snapshot,
                                  const graphene_rect_t *rect,
                                  float                  radius,
                                  const GdkRGBA         *color);

G_END_DECLS
