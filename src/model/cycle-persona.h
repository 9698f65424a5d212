/* cycle-persona.h: a kind of person the plan speaks to
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-item.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_PERSONA (cycle_persona_get_type ())

G_DECLARE_FINAL_TYPE (CyclePersona, cycle_persona, CYCLE, PERSONA, CycleItem)

CyclePersona *cycle_persona_new             (const char   *name);

const char   *cycle_persona_get_name        (CyclePersona *self);
void          cycle_persona_set_name        (CyclePersona *self,
                                             const char   *name);
const char   *cycle_persona_get_description (CyclePersona *self);
void          cycle_persona_set_description (CyclePersona *self,
                                             const char   *description);
const char   *cycle_persona_get_why         (CyclePersona *self);
void          cycle_persona_set_why         (CyclePersona *self,
                                             const char   *why);

G_END_DECLS
