/* cycle-stage-widget.h: one stage on the canvas — focus, accessibility, tooltip and drops
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-checker.h"
#include "cycle-layout.h"
#include "cycle-plan.h"
#include "cycle-render.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_STAGE_WIDGET (cycle_stage_widget_get_type ())

G_DECLARE_FINAL_TYPE (CycleStageWidget, cycle_stage_widget, CYCLE, STAGE_WIDGET, GtkWidget)

/* @style is the canvas's; it must outlive the widget (the canvas redraws its stages when it
 * changes). */
GtkWidget                *cycle_stage_widget_new            (CycleStage               *stage,
                                                             const CycleRenderStyle   *style);
CycleStage               *cycle_stage_widget_get_stage      (CycleStageWidget         *self);

/* Where the stage is, in canvas units; the widget is as big as @geometry's bounds (the canvas
 * scales it for the zoom). */
void                      cycle_stage_widget_set_geometry   (CycleStageWidget         *self,
                                                             const CycleStageGeometry *geometry);
/* The connect handle's centre, in canvas units: the middle of the shape's right side. */
void                      cycle_stage_widget_get_handle_point (CycleStageWidget       *self,
                                                             CyclePoint               *point);

/* The projected number of people, or NaN when there is none. */
void                      cycle_stage_widget_set_volume     (CycleStageWidget         *self,
                                                             double                    volume);
void                      cycle_stage_widget_set_selected   (CycleStageWidget         *self,
                                                             gboolean                  selected);
/* Shows the connect handle (hover, focus, selection). */
void                      cycle_stage_widget_set_show_handle (CycleStageWidget        *self,
                                                             gboolean                  show);
/* Where the stage's links lead, for screen readers ("next step to Leads"); NULL for none. */
void                      cycle_stage_widget_set_links_text (CycleStageWidget         *self,
                                                             const char               *text);
/* The checks whose count of warnings and errors the badge shows; NULL: no badge. */
void                      cycle_stage_widget_set_checker    (CycleStageWidget         *self,
                                                             CycleChecker             *checker);
guint                     cycle_stage_widget_get_badge_count (CycleStageWidget        *self);
/* The style changed (dark mode): draw again. */
void                      cycle_stage_widget_style_changed  (CycleStageWidget         *self);

G_END_DECLS
