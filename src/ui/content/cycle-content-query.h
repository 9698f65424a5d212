/* cycle-content-query.h: which content the table shows, and in which order
 *
 * The criteria are properties a view binds its search entry and drop-downs to; the filter is a
 * GtkEveryFilter of one custom filter per criterion, each matching everything while its criterion
 * is unset, so that an idle query costs the filter model nothing. No widget here: tests run it on
 * a plan without a display.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

/* What a sorter of cycle_content_sorter_new() compares. */
typedef enum {
  CYCLE_CONTENT_SORT_TITLE,
  CYCLE_CONTENT_SORT_STAGE,
  CYCLE_CONTENT_SORT_FORMAT,
  CYCLE_CONTENT_SORT_CHANNEL,
  CYCLE_CONTENT_SORT_PERSONA,
  CYCLE_CONTENT_SORT_CTA,
  CYCLE_CONTENT_SORT_COMMITMENT,
  CYCLE_CONTENT_SORT_DIRECTION,
  CYCLE_CONTENT_SORT_STATUS,
  CYCLE_CONTENT_SORT_OWNER,
  CYCLE_CONTENT_SORT_DUE,
} CycleContentSort;

#define CYCLE_TYPE_CONTENT_QUERY (cycle_content_query_get_type ())

G_DECLARE_FINAL_TYPE (CycleContentQuery, cycle_content_query, CYCLE, CONTENT_QUERY, GObject)

CycleContentQuery *cycle_content_query_new              (void);

/* The filter to put in a GtkFilterListModel; owned by the query. */
GtkFilter         *cycle_content_query_get_filter       (CycleContentQuery *self);

/* Matches title, call to action, notes and owner, ignoring case. */
const char        *cycle_content_query_get_search       (CycleContentQuery *self);
void               cycle_content_query_set_search       (CycleContentQuery *self,
                                                         const char        *search);
/* NULL: any stage. */
CycleStage        *cycle_content_query_get_stage        (CycleContentQuery *self);
void               cycle_content_query_set_stage        (CycleContentQuery *self,
                                                         CycleStage        *stage);
/* With any-persona FALSE, only content for @persona (NULL: content for no persona). */
gboolean           cycle_content_query_get_any_persona  (CycleContentQuery *self);
CyclePersona      *cycle_content_query_get_persona      (CycleContentQuery *self);
void               cycle_content_query_set_persona      (CycleContentQuery *self,
                                                         gboolean           any,
                                                         CyclePersona      *persona);
/* The stored word; NULL or "": any channel. */
const char        *cycle_content_query_get_channel      (CycleContentQuery *self);
void               cycle_content_query_set_channel      (CycleContentQuery *self,
                                                         const char        *channel);
/* A CycleStatus, or -1 for any. */
int                cycle_content_query_get_status       (CycleContentQuery *self);
void               cycle_content_query_set_status       (CycleContentQuery *self,
                                                         int                status);
void               cycle_content_query_set_overdue_only (CycleContentQuery *self,
                                                         gboolean           overdue_only);
void               cycle_content_query_set_today        (CycleContentQuery *self,
                                                         const char        *today);
/* Whether any criterion is set. */
gboolean           cycle_content_query_is_active        (CycleContentQuery *self);
/* Unsets every criterion. */
void               cycle_content_query_reset            (CycleContentQuery *self);

/* Looks at every item again. A filter model does not notice an item's fields changing (a status
 * edited in the editor): views call this when such edits may have made the result stale. */
void               cycle_content_query_refresh          (CycleContentQuery *self);

/* A sorter of CycleContent by @key, ascending. Content without a value (no due date, no persona)
 * comes last. CYCLE_CONTENT_SORT_STAGE needs @plan for the order of the stages. */
GtkSorter         *cycle_content_sorter_new             (CycleContentSort   key,
                                                         CyclePlan         *plan);

G_END_DECLS
