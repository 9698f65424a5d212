/* cycle-date-index.h: a plan's content by due date, for calendars
 *
 * The index follows the plan (content added, removed, its due date or repetition edited) and
 * answers "what is on these days" by looking the days up, never by going over every item: a
 * month of a 100 000-item plan costs its 42 days and the items on them. Repeating content is
 * kept apart (there is usually little of it) and expanded over the days asked for. The index
 * holds no copy of the content, only references to the plan's own items.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_DATE_INDEX (cycle_date_index_get_type ())

G_DECLARE_FINAL_TYPE (CycleDateIndex, cycle_date_index, CYCLE, DATE_INDEX, GObject)

/* Signal "changed": something the index answers changed (emitted once per edit, after the
 * index is up to date). Signal "undated-changed" (gboolean more): content was given a date
 * (more FALSE) or lost it (more TRUE), after "changed"; not for content added or removed. */
CycleDateIndex *cycle_date_index_new          (CyclePlan      *plan);

/* The content on each of the @n_days days from @first (a valid GDate): @days receives @n_days
 * arrays (transfer full, of borrowed CycleContent), each in the plan's order, repeating content
 * on each day it comes back. */
void            cycle_date_index_query        (CycleDateIndex *self,
                                               const GDate    *first,
                                               guint           n_days,
                                               GPtrArray     **days);
/* How many pieces of content have a due date. */
guint           cycle_date_index_get_n_dated  (CycleDateIndex *self);

G_END_DECLS
