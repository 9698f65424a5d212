/* cycle-enum-labels.h: an enumeration's labels as a list, for combo rows and drop-downs
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Gives @row a GtkStringList of cycle_enum_get_label() of each value, in order (the row's
 * "selected" position is the enum's value), its value shown whole up to ENUM_VALUE_CHARS
 * characters (cycle_value_factory_set_on_row()). */
void        cycle_enum_labels_set_on_row       (AdwComboRow  *row,
                                                GType         enum_type);

/* GBinding transforms between an enum property and such a row's "selected": the position is the
 * value; a position past the enum's values (none selected) changes nothing. */
gboolean    cycle_enum_transform_to_selected   (GBinding     *binding,
                                                const GValue *from,
                                                GValue       *to,
                                                gpointer      user_data);
gboolean    cycle_enum_transform_from_selected (GBinding     *binding,
                                                const GValue *from,
                                                GValue       *to,
                                                gpointer      user_data);

G_END_DECLS
