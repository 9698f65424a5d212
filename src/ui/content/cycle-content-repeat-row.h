/* cycle-content-repeat-row.h: how often a piece of content comes back, in the content editor
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-content.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_CONTENT_REPEAT_ROW (cycle_content_repeat_row_get_type ())

G_DECLARE_FINAL_TYPE (CycleContentRepeatRow, cycle_content_repeat_row, CYCLE, CONTENT_REPEAT_ROW,
                      AdwExpanderRow)

void          cycle_content_repeat_row_set_content (CycleContentRepeatRow *self,
                                                    CycleContent          *content);

G_END_DECLS
