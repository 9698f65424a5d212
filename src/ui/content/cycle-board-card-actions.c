/* cycle-board-card-actions.c: what a board card does (edit, duplicate, delete, move), from its
 * keys and from its ⋮ menu
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-board-card"

#include "config.h"

#include "cycle-board-card-private.h"
#include "cycle-board-private.h"
#include "cycle-content-clipboard.h"
#include "cycle-content-cells.h"

/* The card's verbs that hand its content to the board */
static const struct
{
  const char *name;
  void      (*apply) (CycleBoard   *board,
                      CycleContent *content);
} board_verbs[] = {
  { "card.edit", _cycle_board_edit },
  { "card.copy", _cycle_board_copy },
  { "card.delete", _cycle_board_remove },
};

static void
board_verb_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (widget);
  CycleBoard *board = _cycle_board_card_get_board (self);

  if (board == NULL || self->content == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (board_verbs); i++)
    {
      if (g_str_equal (action_name, board_verbs[i].name))
        board_verbs[i].apply (board, self->content);
    }
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _cycle_board_card_rename (CYCLE_BOARD_CARD (widget));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (widget);

  if (self->content != NULL)
    cycle_content_duplicate (self->content);
}

/* The menu's items ("card-menu.edit"…) are actions of the menu itself, passed on to the card's
 * own ("card.edit"…). A menu of its own per card, never moved, its actions there before its
 * items: GTK 4.8 leaves menu items that cannot be activated when their actions come later, or
 * when the menu moves from one widget to another. */
static const char * const menu_items[] = {
  "edit", "duplicate", "delete", "move-previous", "move-next", "move-up", "move-down",
};

static void
on_menu_item_cb (GSimpleAction  *action,
                 GVariant       *parameter,
                 CycleBoardCard *self)
{
  g_autofree char *name = g_strconcat ("card.", g_action_get_name (G_ACTION (action)), NULL);

  gtk_widget_activate_action (GTK_WIDGET (self), name, NULL);
}

static void
set_menu_item_enabled (CycleBoardCard *self,
                       const char     *item,
                       gboolean        enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->menu_actions), item);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (widget);
  CycleBoard *board = _cycle_board_card_get_board (self);
  gboolean previous, next, up, down;
  graphene_rect_t bounds;

  if (board == NULL || self->content == NULL)
    return;

  if (self->menu == NULL)
    {
      self->menu_actions = g_simple_action_group_new ();
      for (guint i = 0; i < G_N_ELEMENTS (menu_items); i++)
        {
          g_autoptr(GSimpleAction) action = g_simple_action_new (menu_items[i], NULL);

          g_signal_connect_object (action, "activate", G_CALLBACK (on_menu_item_cb), self, 0);
          g_action_map_add_action (G_ACTION_MAP (self->menu_actions), G_ACTION (action));
        }
      self->menu = g_object_new (GTK_TYPE_POPOVER_MENU, NULL);
      gtk_widget_insert_action_group (self->menu, "card-menu",
                                      G_ACTION_GROUP (self->menu_actions));
      gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu),
                                       _cycle_board_get_card_menu (board));
      gtk_widget_set_parent (self->menu, widget);
    }

  /* Only the moves that can be made. */
  _cycle_board_get_moves (board, self->content, &previous, &next, &up, &down);
  set_menu_item_enabled (self, "move-previous", previous);
  set_menu_item_enabled (self, "move-next", next);
  set_menu_item_enabled (self, "move-up", up);
  set_menu_item_enabled (self, "move-down", down);

  if (gtk_widget_compute_bounds (self->menu_button, widget, &bounds))
    gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) {
                                   bounds.origin.x, bounds.origin.y,
                                   bounds.size.width, bounds.size.height });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}


/* The card's moves: to the end of the stage @offset columns away (@across), or @offset places
 * within its stage */
static const struct
{
  const char *name;
  gboolean    across;
  int         offset;
} moves[] = {
  { "card.move-previous", TRUE, -1 },
  { "card.move-next", TRUE, 1 },
  { "card.move-up", FALSE, -1 },
  { "card.move-down", FALSE, 1 },
};

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (widget);
  CycleBoard *board = _cycle_board_card_get_board (self);
  g_autoptr(CycleContent) content = NULL;

  if (board == NULL || self->content == NULL)
    return;

  /* The move rebinds this card: hold on to the content. */
  content = g_object_ref (self->content);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      if (!g_str_equal (action_name, moves[i].name))
        continue;
      if (moves[i].across)
        _cycle_board_move_to_stage (board, content, moves[i].offset);
      else
        _cycle_board_move_within (board, content, moves[i].offset);
    }
}

void
_cycle_board_card_popup_menu (CycleBoardCard *self)
{
  menu_action (GTK_WIDGET (self), "card.menu", NULL);
}

void
_cycle_board_card_drop_menu (CycleBoardCard *self)
{
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  g_clear_object (&self->menu_actions);
}

void
_cycle_board_card_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "card.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "card.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "card.duplicate", NULL, duplicate_action);
  for (guint i = 0; i < G_N_ELEMENTS (board_verbs); i++)
    gtk_widget_class_install_action (widget_class, board_verbs[i].name, NULL, board_verb_action);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_install_action (widget_class, moves[i].name, NULL, move_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "card.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.menu", NULL);
}
