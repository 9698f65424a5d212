/* cycle-template-dialog.h: choose a template to start a new plan from
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CYCLE_TYPE_TEMPLATE_DIALOG (cycle_template_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CycleTemplateDialog, cycle_template_dialog,
                      CYCLE, TEMPLATE_DIALOG, AdwWindow)

/* A modal dialog over @parent listing the templates of cycle-templates.h, each with a preview,
 * then the team's own (cycle_templates_list_user()).
 * "Create" (or Enter, or a double click) emits "template-chosen" with the template's id (for
 * cycle_templates_create_full()), then
 * the dialog closes itself; "Cancel" and Escape close it without a choice. */
CycleTemplateDialog *cycle_template_dialog_new          (GtkWindow           *parent);

/* The id of the selected template ("internal-funnel"…). */
const char          *cycle_template_dialog_get_selected (CycleTemplateDialog *self);
/* Whether the plan should keep the template's example content ("Include the example
 * content", on by default): read it in "template-chosen". */
gboolean             cycle_template_dialog_get_with_content (CycleTemplateDialog *self);
void                 cycle_template_dialog_set_with_content (CycleTemplateDialog *self,
                                                             gboolean             with_content);
/* Selects the template @id; FALSE when there is no such template. */
gboolean             cycle_template_dialog_select       (CycleTemplateDialog *self,
                                                         const char          *id);

G_END_DECLS
