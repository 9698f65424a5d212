/* cycle-coverage-view.h: the coverage matrix — persona (or channel) × stage, empty cells shown
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-checker.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_COVERAGE_VIEW (cycle_coverage_view_get_type ())

G_DECLARE_FINAL_TYPE (CycleCoverageView, cycle_coverage_view, CYCLE, COVERAGE_VIEW, AdwBin)

GtkWidget        *cycle_coverage_view_new         (void);
CycleChecker     *cycle_coverage_view_get_checker (CycleCoverageView *self);
void              cycle_coverage_view_set_checker (CycleCoverageView *self,
                                                   CycleChecker      *checker);
/* Personas (the default) or channels down the side. */
CycleCoverageAxis cycle_coverage_view_get_axis    (CycleCoverageView *self);
void              cycle_coverage_view_set_axis    (CycleCoverageView *self,
                                                   CycleCoverageAxis  axis);
/* The button of a cell (rows and columns as cycle_checker_get_coverage() numbers them), or
 * NULL; the matrix is built again when the coverage changes. */
GtkWidget        *cycle_coverage_view_get_cell    (CycleCoverageView *self,
                                                   guint              row,
                                                   guint              column);

G_END_DECLS
