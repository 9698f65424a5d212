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

/* The view: a point of the canvas (in canvas units) is at point × zoom + pan in the widget. */
double       cycle_canvas_get_zoom             (CycleCanvas     *self);
/* Zooms around a point of the widget (NULL: its centre). */
void         cycle_canvas_set_zoom             (CycleCanvas     *self,
                                                double           zoom,
                                                const graphene_point_t *around);
/* The widget standing for @stage (a CycleStageWidget), or NULL. */
GtkWidget   *cycle_canvas_get_stage_widget     (CycleCanvas     *self,
                                                CycleStage      *stage);

/* Selection. The selected stage is the one the editor and the window's stage actions act on:
 * the last one clicked or focused among the selected ones. */
CycleStage  *cycle_canvas_get_selected_stage   (CycleCanvas     *self);
gboolean     cycle_canvas_has_selection        (CycleCanvas     *self);
void         cycle_canvas_select_stage         (CycleCanvas     *self,
                                                CycleStage      *stage,
                                                CycleSelectMode  mode);

/* Editing: every operation goes through the plan and is one undo step. */
/* Adds a stage in @lane at @at (the top-left corner, in canvas units), or at a free spot near
 * the selected stage (or in view) when @at is NULL, and then, after the selected stage of the
 * same lane, linked into the flow (that stage's next steps leave from it, a next step leads to
 * it), in one undo step. Selects and focuses it. */
CycleStage  *cycle_canvas_add_stage            (CycleCanvas     *self,
                                                CycleLane        lane,
                                                const CyclePoint *at);
/* Removes the selected stages and links; says so with the "message" signal. */
void         cycle_canvas_delete_selection     (CycleCanvas     *self);

/* The inline name entry over @stage. Enter commits, Escape cancels. */
void         cycle_canvas_start_rename         (CycleCanvas     *self,
                                                CycleStage      *stage);
/* The popover that edits @link's kind and rate, at the link (brought into view). A plain click
 * on a link, Enter on a selected link and "Edit Link…" open it. */
void         cycle_canvas_edit_link            (CycleCanvas     *self,
                                                CycleLink       *link);
/* Ends a drag under way as if it had not begun (Escape; undo while dragging). */
void         cycle_canvas_cancel_drag          (CycleCanvas     *self);

/* The clipboard (cycle-canvas-clipboard.c). Stages go as the .cycle file's text of a plan that
 * holds them, their content, the links between them and the personas the content names
 * (cycle_plan_extract_stages ()), under this type, and their names as plain text; the actions
 * canvas.copy, canvas.cut (Ctrl+C, Ctrl+X: one undo step) and canvas.paste (Ctrl+V: one undo
 * step, the pasted stages selected) use them, within a plan, between windows and between two
 * Cycles. */
#define CYCLE_STAGES_MIME_TYPE "application/x-cycle-stages+json"

/* The plan's picture, as an export draws it (with its legend, light), on the clipboard as PNG
 * (a GdkTexture) and SVG, for a slide (Ctrl+Shift+C, win.copy-picture). The PNG has
 * cycle_canvas_picture_scale () pixels per canvas unit: CYCLE_CANVAS_PICTURE_SCALE, less for a
 * picture that would be over CYCLE_CANVAS_PICTURE_MAX_PIXELS or _MAX_SIDE. */
#define CYCLE_CANVAS_PICTURE_SCALE      2.0
#define CYCLE_CANVAS_PICTURE_MAX_PIXELS (32.0 * 1024 * 1024)
#define CYCLE_CANVAS_PICTURE_MAX_SIDE   16384.0
void         cycle_canvas_copy_picture         (CycleCanvas     *self);
double       cycle_canvas_picture_scale        (double           width,
                                                double           height);

G_END_DECLS
