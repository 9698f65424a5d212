/* cycle-accessible.c: names for the parts GTK 4.8 and libadwaita 1.2 leave unnamed
 *
 * GTK 4.8 gives a widget without a label its class name over AT-SPI, and composite widgets
 * (GtkDropDown, AdwComboRow, GtkColorButton, the rows of list views) have focusable parts that
 * a screen reader then announces as "GtkToggleButton" or "GtkListItemWidget".
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-accessible"

#include "config.h"

#include "cycle-accessible.h"

/* GTK's private types, known only by name */
static gboolean
is_type_named (GtkWidget  *widget,
               const char *name)
{
  GType type = g_type_from_name (name);

  return type != 0 && g_type_is_a (G_OBJECT_TYPE (widget), type);
}

static void
name_parts (GtkWidget  *widget,
            const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gboolean item = is_type_named (child, "GtkListItemWidget");

      if (GTK_IS_BUTTON (child) || GTK_IS_LIST_VIEW (child) || item ||
          is_type_named (child, "GtkColorSwatch"))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      /* What the items of a list show names itself */
      if (!item)
        name_parts (child, label);
    }
}

void
cycle_accessible_name_parts (GtkWidget  *widget,
                             const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (label != NULL);

  name_parts (widget, label);
}

void
cycle_accessible_name_rows (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_COMBO_ROW (child))
        name_parts (child, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)));
      else
        cycle_accessible_name_rows (child);
    }
}

void
cycle_accessible_name_switchers (GtkWidget  *root,
                                 const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_VIEW_SWITCHER (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      else
        cycle_accessible_name_switchers (child, label);
    }
}

void
cycle_accessible_name_list_item (GtkWidget *child,
                                 GtkWidget *label_widget)
{
  GtkWidget *item;

  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (GTK_IS_WIDGET (label_widget));

  item = gtk_widget_get_parent (child);
  if (item != NULL && is_type_named (item, "GtkListItemWidget"))
    gtk_accessible_update_relation (GTK_ACCESSIBLE (item),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, label_widget, NULL,
                                    -1);
}

void
cycle_accessible_show_error (GtkWidget  *field,
                             GtkLabel   *label,
                             const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}
