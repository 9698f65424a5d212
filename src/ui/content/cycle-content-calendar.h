/* cycle-content-calendar.h: the content on a calendar — a month grid or a week list by due
 * date, the content without a date beside it; drag or Alt+arrows to reschedule
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-content-query.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_CONTENT_CALENDAR (cycle_content_calendar_get_type ())

G_DECLARE_FINAL_TYPE (CycleContentCalendar, cycle_content_calendar, CYCLE, CONTENT_CALENDAR,
                      GtkWidget)

/* Signal "edit-content" (CycleContent *): Enter or a double click on an item. */
void        cycle_content_calendar_set_plan  (CycleContentCalendar *self,
                                              CyclePlan            *plan);
/* The table's query: the calendar shows only what it lets through (NULL: everything). */
void        cycle_content_calendar_set_query (CycleContentCalendar *self,
                                              CycleContentQuery    *query);
/* Selects @iso ("YYYY-MM-DD") and shows its month (or week). */
void        cycle_content_calendar_show_day  (CycleContentCalendar *self,
                                              const char           *iso);
/* TRUE: the week list; FALSE: the month grid (the default). */
void        cycle_content_calendar_set_week  (CycleContentCalendar *self,
                                              gboolean              week);
/* The day widget of @iso if it is shown, else NULL (for tests). */
GtkWidget  *cycle_content_calendar_find_day  (CycleContentCalendar *self,
                                              const char           *iso);
/* Moves @content's due date by @days (undoable, "Reschedule Content"), and follows it. */
void        cycle_content_calendar_move      (CycleContentCalendar *self,
                                              CycleContent         *content,
                                              int                   days);

G_END_DECLS
