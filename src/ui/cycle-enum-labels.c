/* cycle-enum-labels.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-enum-labels"

#include "config.h"

#include "cycle-enum-labels.h"
#include "cycle-enums.h"

GListModel *
cycle_enum_labels_new (GType enum_type)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  guint n = cycle_enum_count (enum_type);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, cycle_enum_get_label (enum_type, (int) i));

  return G_LIST_MODEL (list);
}
