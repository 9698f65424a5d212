/* cycle-value-factory.c: the chosen value of a drop-down or a combo row
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-value-factory"

#include "config.h"

#include "cycle-value-factory.h"

/* Followed, not read once, each bound with an expression watch kept on the list item */
static const char * const watched[] = { "label", "tooltip-text" };

static GtkWidget *
new_label (int max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
  return label;
}

static void
on_item_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  gtk_list_item_set_child (item, new_label (GPOINTER_TO_INT (user_data)));
}

static void
on_item_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkExpression *expression = g_object_get_data (G_OBJECT (factory), "cycle-expression");
  gpointer object = gtk_list_item_get_item (item);

  /* A row of the pop-up: the label, then the check mark */
  if (GTK_IS_BOX (label))
    label = gtk_widget_get_first_child (label);

  gtk_label_set_label (GTK_LABEL (label), "");
  gtk_widget_set_tooltip_text (label, NULL);
  if (expression != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
      g_object_set_data (G_OBJECT (item), watched[i],
                         gtk_expression_bind (gtk_expression_ref (expression), label,
                                              watched[i], object));
  else if (GTK_IS_STRING_OBJECT (object))
    {
      gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (object));
      gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (object));
    }
}

static void
on_item_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (watched); i++)
    {
      GtkExpressionWatch *watch = g_object_steal_data (G_OBJECT (item), watched[i]);

      if (watch != NULL)
        gtk_expression_watch_unwatch (watch);
    }
}

static gboolean
selected_to_opacity (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  g_value_set_double (to, g_value_get_boolean (from) ? 1.0 : 0.0);
  return TRUE;
}

/* A row of the pop-up: the name, then a check mark on the chosen one (shown by its opacity, so
 * that the rows keep one width) */
static void
on_list_item_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_box_append (GTK_BOX (box), new_label (GPOINTER_TO_INT (user_data)));
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
  g_object_bind_property_full (item, "selected", check, "opacity", G_BINDING_SYNC_CREATE,
                               selected_to_opacity, NULL, NULL, NULL);
}

static GtkListItemFactory *
new_factory (GtkExpression *expression,
             int            max_chars,
             gboolean       list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  if (expression != NULL)
    g_object_set_data_full (G_OBJECT (factory), "cycle-expression",
                            gtk_expression_ref (expression),
                            (GDestroyNotify) gtk_expression_unref);
  g_signal_connect (factory, "setup",
                    list ? G_CALLBACK (on_list_item_setup_cb) : G_CALLBACK (on_item_setup_cb),
                    GINT_TO_POINTER (max_chars));
  g_signal_connect (factory, "bind", G_CALLBACK (on_item_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_item_unbind_cb), NULL);

  return factory;
}

GtkListItemFactory *
cycle_value_factory_new (GtkExpression *expression,
                         int            max_chars)
{
  return new_factory (expression, max_chars, FALSE);
}

void
cycle_value_factory_set_on_row (AdwComboRow *row,
                                int          max_chars)
{
  g_autoptr(GtkListItemFactory) value = NULL;
  g_autoptr(GtkListItemFactory) list = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  value = new_factory (adw_combo_row_get_expression (row), max_chars, FALSE);
  list = new_factory (adw_combo_row_get_expression (row), max_chars, TRUE);
  adw_combo_row_set_list_factory (row, list);
  adw_combo_row_set_factory (row, value);
}

void
cycle_value_factory_set_on_drop_down (GtkDropDown *drop_down,
                                      int          max_chars)
{
  g_autoptr(GtkListItemFactory) button = NULL;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  button = cycle_value_factory_new (gtk_drop_down_get_expression (drop_down), max_chars);
  if (gtk_drop_down_get_list_factory (drop_down) == NULL)
    gtk_drop_down_set_list_factory (drop_down, gtk_drop_down_get_factory (drop_down));
  gtk_drop_down_set_factory (drop_down, button);
}
