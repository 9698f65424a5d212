/* cycle-import-dialog.h: what a CSV content calendar (or rows pasted from a spreadsheet) will
 * add to a plan, and what could not be read, before it is added in one undo step
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_IMPORT_DIALOG (cycle_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CycleImportDialog, cycle_import_dialog, CYCLE, IMPORT_DIALOG, AdwWindow)

/* Reads @data against @plan at once (cycle_csv_import_new(); @default_stage as there) and shows
 * the preview, or why nothing can be read. @source_name names the file (or "the clipboard") in
 * what it says. Nothing is added before Import. */
CycleImportDialog *cycle_import_dialog_new       (GtkWindow         *parent,
                                                  CyclePlan         *plan,
                                                  const char        *data,
                                                  gsize              length,
                                                  CycleStage        *default_stage,
                                                  const char        *source_name);
/* How many pieces of content Import will add (0 when nothing can be read). */
guint              cycle_import_dialog_get_n_items (CycleImportDialog *self);
/* Adds them (one undo step), emits "imported" and closes. */
void               cycle_import_dialog_apply     (CycleImportDialog *self);

G_END_DECLS
