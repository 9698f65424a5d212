/* cycle-language-row.h: the plan's language, as a combo row
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_LANGUAGE_ROW (cycle_language_row_get_type ())

G_DECLARE_FINAL_TYPE (CycleLanguageRow, cycle_language_row, CYCLE, LANGUAGE_ROW, AdwComboRow)

CyclePlan *cycle_language_row_get_plan (CycleLanguageRow *self);

G_END_DECLS
