/* cycle-board-card.h: one piece of content on the board
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_BOARD_CARD (cycle_board_card_get_type ())

G_DECLARE_FINAL_TYPE (CycleBoardCard, cycle_board_card, CYCLE, BOARD_CARD, GtkWidget)

GtkWidget    *cycle_board_card_new         (void);
CycleContent *cycle_board_card_get_content (CycleBoardCard *self);
/* NULL while the card is not bound to an item. */
void          cycle_board_card_set_content (CycleBoardCard *self,
                                            CycleContent   *content);
/* What the card shows, a line a text (title, format, persona, status, "Asks", due date: those
 * there are), and whether its date shows as overdue: the texts are drawn, not labels. */
char         *cycle_board_card_dup_texts   (CycleBoardCard *self);
gboolean      cycle_board_card_get_overdue (CycleBoardCard *self);
/* Back to a new card's state, to be shown again for other content (see _cycle_board_take_card). */
void          cycle_board_card_reset       (CycleBoardCard *self);

G_END_DECLS
