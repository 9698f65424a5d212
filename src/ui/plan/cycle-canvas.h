/* cycle-canvas.h: the plan drawn as stages and links, edited by mouse and keyboard
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-checker.h"
#include "cycle-layout.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_CANVAS (cycle_canvas_get_type ())

G_DECLARE_FINAL_TYPE (CycleCanvas, cycle_canvas, CYCLE, CANVAS, GtkWidget)

/* How a click changes the selection. */
typedef enum {
  CYCLE_SELECT_REPLACE,
  CYCLE_SELECT_TOGGLE,
  CYCLE_SELECT_EXTEND,
} CycleSelectMode;

GtkWidget   *cycle_canvas_new                  (void);

CyclePlan   *cycle_canvas_get_plan             (CycleCanvas     *self);
void         cycle_canvas_set_plan             (CycleCanvas     *self,
                                                CyclePlan       *plan);

/* The checks of the plan (the window's): each stage shows its count of warnings and errors. */
CycleChecker *cycle_canvas_get_checker         (CycleCanvas     *self);
void         cycle_canvas_set_checker          (CycleCanvas     *self,
                                                CycleChecker    *checker);
/* The projection on the stages: @start people entering the top, over @cycles cycles
 * (1000 and 1 by default). */
void         cycle_canvas_set_projection       (CycleCanvas     *self,
                                                double           start,
                                                guint            cycles);

/* The view: a point of the canvas (in canvas units) is at point × zoom + pan in the widget. */
double       cycle_canvas_get_zoom             (CycleCanvas     *self);
/* Zooms around a point of the widget (NULL: its centre). */
void         cycle_canvas_set_zoom             (CycleCanvas     *self,
                                                double           zoom,
                                                const graphene_point_t *around);
void         cycle_canvas_zoom_to_fit          (CycleCanvas     *self);
void         cycle_canvas_get_pan              (CycleCanvas     *self,
                                                double          *x,
                                                double          *y);
void         cycle_canvas_set_pan              (CycleCanvas     *self,
                                                double           x,
                                                double           y);
void         cycle_canvas_canvas_to_widget     (CycleCanvas     *self,
                                                double           x,
                                                double           y,
                                                double          *widget_x,
                                                double          *widget_y);

/* Where a stage is drawn now (in canvas units), or NULL when it is not in the plan. */
const CycleStageGeometry *cycle_canvas_get_stage_geometry (CycleCanvas *self,
                                                           CycleStage  *stage);
/* The widget standing for @stage (a CycleStageWidget), or NULL. */
GtkWidget   *cycle_canvas_get_stage_widget     (CycleCanvas     *self,
                                                CycleStage      *stage);

/* Selection. The selected stage is the one the editor and the window's stage actions act on:
 * the last one clicked or focused among the selected ones. */
CycleStage  *cycle_canvas_get_selected_stage   (CycleCanvas     *self);
/* (transfer container): the selected stages, or links, in the plan's order. */
GPtrArray   *cycle_canvas_get_selected_stages  (CycleCanvas     *self);
GPtrArray   *cycle_canvas_get_selected_links   (CycleCanvas     *self);
gboolean     cycle_canvas_has_selection        (CycleCanvas     *self);
void         cycle_canvas_select_stage         (CycleCanvas     *self,
                                                CycleStage      *stage,
                                                CycleSelectMode  mode);
void         cycle_canvas_select_link          (CycleCanvas     *self,
                                                CycleLink       *link,
                                                CycleSelectMode  mode);
void         cycle_canvas_select_all           (CycleCanvas     *self);
void         cycle_canvas_unselect_all         (CycleCanvas     *self);

/* Editing: every operation goes through the plan and is one undo step. */
/* Adds a stage in @lane at @at (the top-left corner, in canvas units), or at a free spot near
 * the selected stage (or in view) when @at is NULL; selects and focuses it. */
CycleStage  *cycle_canvas_add_stage            (CycleCanvas     *self,
                                                CycleLane        lane,
                                                const CyclePoint *at);
/* Removes the selected stages and links; says so with the "message" signal. */
void         cycle_canvas_delete_selection     (CycleCanvas     *self);
void         cycle_canvas_duplicate_selection  (CycleCanvas     *self);
/* Moves the selected stages by @dx, @dy canvas units (free layout), or one place along their
 * lane (computed layouts: by the sign of the larger of the two). */
void         cycle_canvas_nudge_selection      (CycleCanvas     *self,
                                                double           dx,
                                                double           dy);
void         cycle_canvas_set_selection_lane   (CycleCanvas     *self,
                                                CycleLane        lane);
/* The kind a new link from @source to @target gets: mapping when the lanes differ, loop when
 * @target comes before @source in the plan, next otherwise. */
CycleLinkKind cycle_canvas_default_link_kind   (CyclePlan       *plan,
                                                CycleStage      *source,
                                                CycleStage      *target);
/* Links @source to @target with the default kind (the existing link when there is one). */
CycleLink   *cycle_canvas_connect              (CycleCanvas     *self,
                                                CycleStage      *source,
                                                CycleStage      *target);

/* The inline name entry over @stage. Enter commits, Escape cancels. */
void         cycle_canvas_start_rename         (CycleCanvas     *self,
                                                CycleStage      *stage);
/* The entry while renaming, else NULL. */
GtkEditable *cycle_canvas_get_rename_entry     (CycleCanvas     *self);
/* The list of stages that the selected stage can be linked to ("Connect to…"). */
void         cycle_canvas_show_connect         (CycleCanvas     *self);
/* The popover that edits @link's kind and rate, at the link (brought into view). A plain click
 * on a link, Enter on a selected link and "Edit Link…" open it. */
void         cycle_canvas_edit_link            (CycleCanvas     *self,
                                                CycleLink       *link);
/* The link editor (a CycleLinkEditor), once opened; else NULL. */
GtkWidget   *cycle_canvas_get_link_editor      (CycleCanvas     *self);
/* The context menu of the selected stage, or of the selected link. */
void         cycle_canvas_show_context_menu    (CycleCanvas     *self);

/* What the pointer gestures do, at widget coordinates; tests drive a drag through these.
 * @button 1 selects, moves, connects (from a handle) or draws a rubber band; 2 pans. */
void         cycle_canvas_pointer_press        (CycleCanvas     *self,
                                                guint            button,
                                                double           x,
                                                double           y,
                                                GdkModifierType  state);
void         cycle_canvas_pointer_drag         (CycleCanvas     *self,
                                                double           offset_x,
                                                double           offset_y);
void         cycle_canvas_pointer_release      (CycleCanvas     *self);
/* Ends a drag under way as if it had not begun (Escape; undo while dragging). */
void         cycle_canvas_cancel_drag          (CycleCanvas     *self);

G_END_DECLS
