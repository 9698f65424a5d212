/* cycle-calendar-item.h: a piece of content on the calendar — its title, its stage's colour,
 * its persona and status — as a button that can be dragged to another day
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-content.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_CALENDAR_ITEM (cycle_calendar_item_get_type ())

G_DECLARE_FINAL_TYPE (CycleCalendarItem, cycle_calendar_item, CYCLE, CALENDAR_ITEM, GtkButton)

GtkWidget    *cycle_calendar_item_new         (void);
CycleContent *cycle_calendar_item_get_content (CycleCalendarItem *self);
void          cycle_calendar_item_set_content (CycleCalendarItem *self,
                                               CycleContent      *content);

G_END_DECLS
