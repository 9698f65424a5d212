/* cycle-content-bulk-bar.h: what can be done to all the selected content at once
 *
 * A bar that shows how many pieces of content are selected ("3 selected") and changes them all:
 * move to a stage, set the persona, the status or the owner, copy as spreadsheet rows, delete;
 * each change one undo step (cycle_plan_*_contents()). Its actions ("bulk.move-to-stage"…) are a
 * group the board or the table inserts on itself, so that their context menus (see
 * cycle_content_bulk_bar_get_menu()) and keys reach them too.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-content-selection.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_CONTENT_BULK_BAR (cycle_content_bulk_bar_get_type ())

G_DECLARE_FINAL_TYPE (CycleContentBulkBar, cycle_content_bulk_bar,
                      CYCLE, CONTENT_BULK_BAR, GtkWidget)

GtkWidget    *cycle_content_bulk_bar_new          (void);
void          cycle_content_bulk_bar_set_plan     (CycleContentBulkBar  *self,
                                                   CyclePlan            *plan);
void          cycle_content_bulk_bar_set_selected (CycleContentBulkBar  *self,
                                                   CycleSelectedContent *selected);
/* The "bulk" actions, to insert on the widget whose menus use them */
GActionGroup *cycle_content_bulk_bar_get_actions  (CycleContentBulkBar  *self);
/* A menu section for context menus: Move To, Persona and Status submenus, Set Owner…, Copy,
 * Delete Selected, all on the selection. Its stages and personas are the plan's as they are when
 * it is asked for: ask again before each popup. */
GMenuModel   *cycle_content_bulk_bar_get_menu     (CycleContentBulkBar  *self);
/* Puts @widget's clipboard rows of the selection (the rows a spreadsheet takes). FALSE when
 * nothing is selected. */
gboolean      cycle_content_bulk_bar_copy         (CycleContentBulkBar  *self);
/* Deletes the selection (one undo step) and says so with the "removed" signal. */
gboolean      cycle_content_bulk_bar_delete       (CycleContentBulkBar  *self);

G_END_DECLS
