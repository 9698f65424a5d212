/* cycle-board-card-rename.c: a card's title renamed in place (F2 on the card): a popover with
 * the title in an entry over the card; Enter writes it (one undo step), Escape gives up
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-board-card"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-board-card-private.h"

static void
on_rename_activate_cb (CycleBoardCard *self,
                       GtkEntry       *entry)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  CyclePlan *plan = self->content != NULL ? cycle_item_get_plan (CYCLE_ITEM (self->content))
                                          : NULL;

  if (title[0] == '\0')
    {
      /* A title is needed: say so where the typing is. */
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }

  if (plan != NULL && g_strcmp0 (title, cycle_content_get_title (self->content)) != 0)
    {
      cycle_plan_seal_undo (plan);
      cycle_content_set_title (self->content, title);
      cycle_plan_seal_undo (plan);
    }
  gtk_popover_popdown (GTK_POPOVER (self->rename));
}

static void
on_rename_closed_cb (CycleBoardCard *self)
{
  /* The focus goes back to the card, for the next key. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
_cycle_board_card_rename (CycleBoardCard *self)
{
  GtkWidget *entry;

  g_return_if_fail (CYCLE_IS_BOARD_CARD (self));

  if (self->content == NULL)
    return;

  if (self->rename == NULL)
    {
      self->rename = gtk_popover_new ();
      entry = gtk_entry_new ();
      gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
      gtk_editable_set_width_chars (GTK_EDITABLE (entry), 28);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Title"), -1);
      gtk_popover_set_child (GTK_POPOVER (self->rename), entry);
      gtk_popover_set_position (GTK_POPOVER (self->rename), GTK_POS_BOTTOM);
      gtk_widget_set_parent (self->rename, GTK_WIDGET (self));
      g_signal_connect_object (entry, "activate", G_CALLBACK (on_rename_activate_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->rename, "closed", G_CALLBACK (on_rename_closed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  entry = gtk_popover_get_child (GTK_POPOVER (self->rename));
  gtk_editable_set_text (GTK_EDITABLE (entry), cycle_content_get_title (self->content));
  gtk_popover_popup (GTK_POPOVER (self->rename));
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

GtkEditable *
_cycle_board_card_get_rename_entry (CycleBoardCard *self)
{
  if (self->rename == NULL || !gtk_widget_get_visible (self->rename))
    return NULL;
  return GTK_EDITABLE (gtk_popover_get_child (GTK_POPOVER (self->rename)));
}

void
_cycle_board_card_drop_rename (CycleBoardCard *self)
{
  g_clear_pointer (&self->rename, gtk_widget_unparent);
}
