/* cycle-purpose-page.h: the plan's title, purpose (why / how / what), description and projection
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_PURPOSE_PAGE (cycle_purpose_page_get_type ())

G_DECLARE_FINAL_TYPE (CyclePurposePage, cycle_purpose_page, CYCLE, PURPOSE_PAGE, AdwBin)

GtkWidget *cycle_purpose_page_new             (void);
CyclePlan *cycle_purpose_page_get_plan        (CyclePurposePage *self);
/* Every field edits the plan through its setters: one undo step per field visit. */
void       cycle_purpose_page_set_plan        (CyclePurposePage *self,
                                               CyclePlan        *plan);
/* The projection's settings ("projection-start", "projection-cycles"): the window binds them. */
double     cycle_purpose_page_get_projection_start  (CyclePurposePage *self);
guint      cycle_purpose_page_get_projection_cycles (CyclePurposePage *self);
/* The table of volumes as shown (a GtkGrid), and the message shown instead or beside it. */
GtkWidget *cycle_purpose_page_get_projection_grid   (CyclePurposePage *self);
const char *cycle_purpose_page_get_projection_message (CyclePurposePage *self);

G_END_DECLS
