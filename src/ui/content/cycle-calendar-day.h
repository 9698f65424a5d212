/* cycle-calendar-day.h: one day of the calendar — its number, its content (a few, then
 * "+N more"), a place to drop content on
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-content.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_CALENDAR_DAY (cycle_calendar_day_get_type ())

G_DECLARE_FINAL_TYPE (CycleCalendarDay, cycle_calendar_day, CYCLE, CALENDAR_DAY, GtkWidget)

/* Signal "content-dropped" (CycleContent *): content was dropped on the day. */
GtkWidget   *cycle_calendar_day_new        (void);
/* Shows @date and @items (borrowed CycleContent, copied), at most @max_shown of them and then
 * a "+N more" button that lists them all; @in_month: a day of the month shown (others are
 * dimmed); @today marks today. */
void         cycle_calendar_day_set_day    (CycleCalendarDay *self,
                                            const GDate      *date,
                                            GPtrArray        *items,
                                            guint             max_shown,
                                            gboolean          in_month,
                                            gboolean          today,
                                            gboolean          long_heading);
/* The stages (borrowed CycleStage, referenced) whose launch-campaign window holds the day, or
 * NULL: bands of their colours, their names when @show_names, and what screen readers hear.
 * Set before cycle_calendar_day_set_day (), which makes the accessible label. */
void         cycle_calendar_day_set_stages (CycleCalendarDay *self,
                                            GPtrArray        *stages,
                                            gboolean          show_names);
/* The campaign stages whose window holds the day (CycleStage) */
GPtrArray   *cycle_calendar_day_get_stages (CycleCalendarDay *self);
const GDate *cycle_calendar_day_get_date   (CycleCalendarDay *self);
/* The content it shows, or would in its "+N more" list */
GPtrArray   *cycle_calendar_day_get_items  (CycleCalendarDay *self);
/* The item widget showing @content, or NULL (none, or only in the "+N more" list) */
GtkWidget   *cycle_calendar_day_find_item  (CycleCalendarDay *self,
                                            CycleContent     *content);

G_END_DECLS
