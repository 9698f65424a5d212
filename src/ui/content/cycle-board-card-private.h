/* cycle-board-card-private.h: what the board card's files share
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-board-card.h"
#include "cycle-board.h"

G_BEGIN_DECLS

typedef enum {
  TEXT_TITLE,
  TEXT_FORMAT,
  TEXT_PERSONA,
  TEXT_STATUS,
  TEXT_ASKS,
  TEXT_DUE,
  N_TEXTS
} Text;

typedef enum {
  COLOR_FG,
  COLOR_BG,
  COLOR_LINE,
  COLOR_DIM,
  COLOR_ACCENT,
  COLOR_WARNING,
  COLOR_SUCCESS,
  COLOR_ERROR,
  N_COLORS
} Color;

struct _CycleBoardCard
{
  GtkWidget       parent_instance;

  CycleContent   *content;
  GSignalGroup   *content_signals;
  GSignalGroup   *persona_signals;
  gboolean        overdue;

  /* Made when first needed, dropped when the style changes (fonts, colours) */
  PangoLayout    *layouts[N_TEXTS];
  GdkRGBA         colors[N_COLORS];
  gboolean        have_colors;

  GtkWidget      *menu_button;
  /* Made when first opened, dropped when the card is let go (see cycle_board_card_reset ()) */
  GtkWidget      *menu;
  GSimpleActionGroup *menu_actions;
  /* The title renamed in place (cycle-board-card-rename.c), made when first needed */
  GtkWidget      *rename;
};

/* The board the card is on, or NULL */
CycleBoard *_cycle_board_card_get_board       (CycleBoardCard *self);

/* cycle-board-card-actions.c: the card's actions ("card.edit"…), its keys, and its ⋮ menu */
void        _cycle_board_card_install_actions (GtkWidgetClass *widget_class);
void        _cycle_board_card_popup_menu      (CycleBoardCard *self);

/* cycle-board-card-rename.c: the title in an entry over the card (F2, "card.rename") */
void        _cycle_board_card_rename          (CycleBoardCard *self);
/* The entry while it is shown, else NULL (for tests) */
GtkEditable *_cycle_board_card_get_rename_entry (CycleBoardCard *self);
void        _cycle_board_card_drop_rename     (CycleBoardCard *self);
/* Lets go of the menu (made again when next opened) */
void        _cycle_board_card_drop_menu       (CycleBoardCard *self);

G_END_DECLS
