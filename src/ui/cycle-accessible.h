/* cycle-accessible.h: names for the parts GTK 4.8 and libadwaita 1.2 leave unnamed, which a
 * screen reader would otherwise read out as class names ("GtkToggleButton", "GtkListView")
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Gives @label to the inner buttons, list views and item widgets of @widget (a drop-down, a
 * combo row, a color button), not to what the lists' items hold. */
void cycle_accessible_name_parts     (GtkWidget  *widget,
                                      const char *label);

/* Names the parts of every combo row below @root after the row's title. */
void cycle_accessible_name_rows      (GtkWidget  *root);

/* Names every view switcher below @root (inside a switcher title or bar) @label. */
void cycle_accessible_name_switchers (GtkWidget  *root,
                                      const char *label);

/* Names the list item widget that holds @child (from a factory's bind) after @label_widget,
 * which keeps it true when that label changes. */
void cycle_accessible_name_list_item (GtkWidget  *child,
                                      GtkWidget  *label_widget);

/* Shows @message (NULL: none) in @label under @field, marks @field as an error for the eye and
 * invalid for screen readers, which also hear @message as its description. */
void cycle_accessible_show_error     (GtkWidget  *field,
                                      GtkLabel   *label,
                                      const char *message);

G_END_DECLS
