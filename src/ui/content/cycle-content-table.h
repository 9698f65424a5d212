/* cycle-content-table.h: every piece of content of a plan in one sortable, filterable table
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-content-query.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_CONTENT_TABLE (cycle_content_table_get_type ())

G_DECLARE_FINAL_TYPE (CycleContentTable, cycle_content_table, CYCLE, CONTENT_TABLE, GtkWidget)

CyclePlan         *cycle_content_table_get_plan     (CycleContentTable *self);
void               cycle_content_table_set_plan     (CycleContentTable *self,
                                                     CyclePlan         *plan);
/* What the table shows: its search entry and filters are bound to this. */
CycleContentQuery *cycle_content_table_get_query    (CycleContentTable *self);
/* The rows as shown: cycle_plan_get_all_content() filtered by the query and sorted by the
 * sorted column. */
GListModel        *cycle_content_table_get_rows     (CycleContentTable *self);
/* How many items the filter and the sorter still have to look at (they work a slice a frame). */
guint              cycle_content_table_get_pending  (CycleContentTable *self);
/* Filters and sorts the rows again, after edits of their fields (see
 * cycle_content_query_refresh()). */
void               cycle_content_table_refresh      (CycleContentTable *self);
/* Puts the keyboard in the search entry. */
void               cycle_content_table_focus_search (CycleContentTable *self);

G_END_DECLS
