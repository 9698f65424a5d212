/* cycle-findings-panel.h: what the checks found in the plan, stage by stage, with their fixes
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-checker.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_FINDINGS_PANEL (cycle_findings_panel_get_type ())

G_DECLARE_FINAL_TYPE (CycleFindingsPanel, cycle_findings_panel, CYCLE, FINDINGS_PANEL, AdwBin)

GtkWidget    *cycle_findings_panel_new            (void);
CycleChecker *cycle_findings_panel_get_checker    (CycleFindingsPanel *self);
/* The panel shows @checker's findings as they change; NULL shows nothing. */
void          cycle_findings_panel_set_checker    (CycleFindingsPanel *self,
                                                   CycleChecker       *checker);
/* Notes (info findings) are listed too; TRUE by default. */
gboolean      cycle_findings_panel_get_show_notes (CycleFindingsPanel *self);
void          cycle_findings_panel_set_show_notes (CycleFindingsPanel *self,
                                                   gboolean            show_notes);
/* "1 error, 2 warnings, 9 notes", as the panel's top shows it. */
char         *cycle_findings_panel_dup_counts     (CycleFindingsPanel *self);
/* The list: one row per finding shown (a GtkListBox). */
GtkWidget    *cycle_findings_panel_get_list       (CycleFindingsPanel *self);
/* The finding shown by @row, a row of the list. */
CycleFinding *cycle_findings_panel_get_row_finding (CycleFindingsPanel *self,
                                                    GtkListBoxRow      *row);

G_END_DECLS
