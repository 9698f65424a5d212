/* cycle-render-private.h: what image export needs of cycle-render.c beyond its public API
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-draw-private.h"
#include "cycle-render.h"

G_BEGIN_DECLS

/* Draws the part of the picture in @region (picture coordinates: 0,0 at the extent's top-left
 * corner) on @draw, leaving out what lies wholly outside it: a PNG is drawn band after band on
 * one small surface and one @draw (its shaped text kept from band to band), rather than whole
 * on a surface as large as the picture. */
void _cycle_render_picture_draw_region (const CycleRenderPicture *self,
                                        CycleDraw                *draw,
                                        const CycleRenderStyle   *style,
                                        const CycleRect          *region);

G_END_DECLS
