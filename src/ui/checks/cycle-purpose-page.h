/* cycle-purpose-page.h: the plan's title, language, purpose (why / how / what) and description
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
/* Every field edits the plan through its setters: one undo step per field visit. */
void       cycle_purpose_page_set_plan        (CyclePurposePage *self,
                                               CyclePlan        *plan);

G_END_DECLS
