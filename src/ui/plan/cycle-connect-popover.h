/* cycle-connect-popover.h: "Connect to…": the other stages of a plan in a list with a search,
 * for linking a stage by keyboard
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_CONNECT_POPOVER (cycle_connect_popover_get_type ())

G_DECLARE_FINAL_TYPE (CycleConnectPopover, cycle_connect_popover, CYCLE, CONNECT_POPOVER,
                      GtkPopover)

GtkWidget  *cycle_connect_popover_new        (void);
/* Lists @stages but @source, with an empty search, and pops up with the keyboard in the
 * search. Choosing a stage (a click, Enter on a row, Enter in the search for the first row)
 * pops down and emits ::stage-chosen (source, target). */
void        cycle_connect_popover_popup_for  (CycleConnectPopover *self,
                                              GListModel          *stages,
                                              CycleStage          *source);
/* The stage being linked, until the popover has closed (its ::closed handlers still see it). */
CycleStage *cycle_connect_popover_get_source (CycleConnectPopover *self);

G_END_DECLS
