/* cycle-persona-manager.h: add, rename, describe and delete the personas of a plan
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_PERSONA_MANAGER (cycle_persona_manager_get_type ())

G_DECLARE_FINAL_TYPE (CyclePersonaManager, cycle_persona_manager,
                      CYCLE, PERSONA_MANAGER, AdwPreferencesWindow)

CyclePersonaManager *cycle_persona_manager_new            (GtkWindow           *parent,
                                                           CyclePlan           *plan);
/* Deletes @persona: at once when no content names it, else after asking whether to give that
 * content to another persona or to leave it without one. */
void                 cycle_persona_manager_delete_persona (CyclePersonaManager *self,
                                                           CyclePersona        *persona);

/* How many pieces of content of @plan are meant for @persona. */
guint                cycle_persona_count_content          (CyclePlan           *plan,
                                                           CyclePersona        *persona);

G_END_DECLS
