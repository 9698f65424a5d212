/* cycle-value-factory.h: the chosen value of a drop-down or a combo row, on one line, cut past a
 * number of characters with the whole in its tooltip, and following renames
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* (transfer full): a factory for the button of a drop-down or the value of a combo row. It shows
 * an item's name through @expression (nullable, not taken), or a GtkStringObject's string;
 * past @max_chars it is cut with "…", whole in the tooltip. The name is followed: an item
 * renamed while it is chosen shows its new name. */
GtkListItemFactory *cycle_value_factory_new       (GtkExpression *expression,
                                                   int            max_chars);

/* The value of @row through cycle_value_factory_new() (libadwaita 1.2 cuts it at 20 characters:
 * French « Donner son adresse e-mail » was cut), its pop-up keeping libadwaita's own rows and
 * check mark. Call it once @row has its model and expression. */
void                cycle_value_factory_set_on_row (AdwComboRow  *row,
                                                    int           max_chars);
/* The same for a drop-down's button */
void                cycle_value_factory_set_on_drop_down (GtkDropDown *drop_down,
                                                          int          max_chars);

G_END_DECLS
