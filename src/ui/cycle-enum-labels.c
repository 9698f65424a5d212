/* cycle-enum-labels.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-enum-labels"

#include "config.h"

#include "cycle-enum-labels.h"
#include "cycle-enums.h"
#include "cycle-value-factory.h"

/* Long enough for the longest label in French (« Répondre à une enquête », « Donner son adresse
 * e-mail »), where libadwaita cuts at 20 */
#define ENUM_VALUE_CHARS 32

void
cycle_enum_labels_set_on_row (AdwComboRow *row,
                              GType        enum_type)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint n = cycle_enum_count (enum_type);

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, cycle_enum_get_label (enum_type, (int) i));
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  cycle_value_factory_set_on_row (row, ENUM_VALUE_CHARS);
}

gboolean
cycle_enum_transform_to_selected (GBinding     *binding,
                                  const GValue *from,
                                  GValue       *to,
                                  gpointer      user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

gboolean
cycle_enum_transform_from_selected (GBinding     *binding,
                                    const GValue *from,
                                    GValue       *to,
                                    gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected == GTK_INVALID_LIST_POSITION ||
      selected >= cycle_enum_count (G_VALUE_TYPE (to)))
    return FALSE;

  g_value_set_enum (to, (int) selected);
  return TRUE;
}
