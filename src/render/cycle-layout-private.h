/* cycle-layout-private.h: what cycle-layout.c and cycle-link-path.c share
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-layout.h"

G_BEGIN_DECLS

/* The ways to draw a link, tried in turn to avoid stages. */
#define LINK_VARIANTS 3

void     _cycle_layout_rect_grow          (CycleRect                *rect,
                                           double                    amount);
gboolean _cycle_layout_rects_intersect    (const CycleRect          *a,
                                           const CycleRect          *b);
void     _cycle_layout_set_path           (CycleLinkPath            *out,
                                           const CyclePoint         *start,
                                           const CyclePoint         *control1,
                                           const CyclePoint         *control2,
                                           const CyclePoint         *end);
/* The path of a link drawn the @variant way (0 to LINK_VARIANTS - 1). */
void     _cycle_layout_link_path_internal (const CycleStageGeometry *from,
                                           const CycleStageGeometry *to,
                                           CycleLinkKind             kind,
                                           CycleLayout               layout,
                                           guint                     variant,
                                           gboolean                  far_side,
                                           CycleLinkPath            *out);

G_END_DECLS
