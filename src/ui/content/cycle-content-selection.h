/* cycle-content-selection.h: content picked on the board or in the table, for bulk edits
 *
 * CycleSelectedContent is the set of picked items (a GListModel of CycleContent, in the order
 * they were picked), shared by every list that shows them: the board's columns all point to one
 * set, so a selection spans columns. CycleContentSelection is the GtkSelectionModel each list
 * view gets over its own rows: GTK's own conventions then work (Ctrl+click, Shift+click,
 * Shift+arrows, Ctrl+Space, Ctrl+A), the rows get their :selected state and AT-SPI its
 * "selected" state. A plain click (GTK replaces the whole list's selection) empties the set
 * first, so it also drops what was picked in the other columns.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_SELECTED_CONTENT (cycle_selected_content_get_type ())

G_DECLARE_FINAL_TYPE (CycleSelectedContent, cycle_selected_content,
                      CYCLE, SELECTED_CONTENT, GObject)

CycleSelectedContent *cycle_selected_content_new       (void);
gboolean              cycle_selected_content_contains  (CycleSelectedContent *self,
                                                        CycleContent         *content);
guint                 cycle_selected_content_get_count (CycleSelectedContent *self);
void                  cycle_selected_content_clear     (CycleSelectedContent *self);
/* The picked items that are in @plan, in the plan's order (a new array, with references), for
 * cycle_plan_*_contents() and the clipboard. */
GPtrArray            *cycle_selected_content_dup_items (CycleSelectedContent *self,
                                                        CyclePlan            *plan);

#define CYCLE_TYPE_CONTENT_SELECTION (cycle_content_selection_get_type ())

G_DECLARE_FINAL_TYPE (CycleContentSelection, cycle_content_selection,
                      CYCLE, CONTENT_SELECTION, GObject)

/* Takes @model (may be NULL). */
CycleContentSelection *cycle_content_selection_new       (GListModel            *model,
                                                          CycleSelectedContent  *set);
CycleSelectedContent  *cycle_content_selection_get_set   (CycleContentSelection *self);
/* Follows the clicks on @list, the view of this model: a click without Ctrl or Shift replaces the
 * whole set even in a list of one item, where GTK's request alone cannot tell it. */
void                   cycle_content_selection_watch_clicks (CycleContentSelection *self,
                                                             GtkWidget             *list);

G_END_DECLS
