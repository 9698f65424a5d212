/* cycle-content-view.h: the content of a plan — a board, a table and a calendar, their editor,
 * personas
 *
 * What the window shows as its "content" page.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-board.h"
#include "cycle-content-calendar.h"
#include "cycle-content-table.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_CONTENT_VIEW (cycle_content_view_get_type ())

G_DECLARE_FINAL_TYPE (CycleContentView, cycle_content_view, CYCLE, CONTENT_VIEW, GtkWidget)

GtkWidget         *cycle_content_view_new           (void);
CyclePlan         *cycle_content_view_get_plan      (CycleContentView *self);
void               cycle_content_view_set_plan      (CycleContentView *self,
                                                     CyclePlan        *plan);
/* The selected stage, or NULL: its column is highlighted on the board, and the table shows only
 * its content. */
CycleStage        *cycle_content_view_get_stage     (CycleContentView *self);
void               cycle_content_view_set_stage     (CycleContentView *self,
                                                     CycleStage       *stage);
/* Selects @stage and brings its content into view. */
void               cycle_content_view_show_stage    (CycleContentView *self,
                                                     CycleStage       *stage);
/* The table, filtered to one cell of the coverage matrix: @stage's content for @persona (NULL:
 * no persona) when @by_persona, else for @channel (NULL: any). */
void               cycle_content_view_show_cell     (CycleContentView *self,
                                                     CycleStage       *stage,
                                                     gboolean          by_persona,
                                                     CyclePersona     *persona,
                                                     const char       *channel);
/* "board", "table" or "calendar". */
const char        *cycle_content_view_get_page      (CycleContentView *self);
void               cycle_content_view_set_page      (CycleContentView *self,
                                                     const char       *page);

/* Adds a new piece of content to the selected stage (the first when none is), as an undoable
 * step, and opens it in the editor. Returns it (owned by the plan), or NULL without stages. */
CycleContent      *cycle_content_view_add_content   (CycleContentView *self);
/* Opens @content in the editor (one editor at a time). */
void               cycle_content_view_edit_content  (CycleContentView *self,
                                                     CycleContent     *content);
/* The same, for content just added to be edited: Escape before any change takes it back out. */
void               cycle_content_view_edit_new_content (CycleContentView *self,
                                                        CycleContent     *content);
/* Opens the import dialog on a CSV content calendar (cycle-import-dialog.h: @default_stage and
 * @source_name as there); its Import adds the content as one undo step, offered back in a
 * toast. Returns the dialog, or NULL without a plan. */
GtkWindow         *cycle_content_view_import        (CycleContentView *self,
                                                     const char       *data,
                                                     gsize             length,
                                                     CycleStage       *default_stage,
                                                     const char       *source_name);
/* F2 on the content page: renames the table's selected row in place, or the board's focused
 * card (a bell when there is none). */
void               cycle_content_view_rename_selected (CycleContentView *self);
/* Opens the persona manager. */
void               cycle_content_view_show_personas (CycleContentView *self);
/* Shows the table with the keyboard in its search (Ctrl+F anywhere on the Content page). */
void               cycle_content_view_search        (CycleContentView *self);

CycleBoard        *cycle_content_view_get_board     (CycleContentView *self);
CycleContentTable *cycle_content_view_get_table     (CycleContentView *self);
CycleContentCalendar *cycle_content_view_get_calendar (CycleContentView *self);
/* The open editor or persona manager, or NULL. */
GtkWindow         *cycle_content_view_get_editor    (CycleContentView *self);
GtkWindow         *cycle_content_view_get_personas  (CycleContentView *self);

G_END_DECLS
