/* cycle-render-private.h: what the picture and image export need of cycle-render.c beyond its
 * public API
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-draw-private.h"
#include "cycle-render.h"

G_BEGIN_DECLS

/* Text sizes, in canvas units (absolute sizes: a picture looks the same at any DPI). */
#define CYCLE_RENDER_NAME_SIZE   14.0
#define CYCLE_RENDER_DETAIL_SIZE 12.0

double       _cycle_render_layout_height   (PangoLayout              *layout);
void         _cycle_render_draw_stage      (CycleDraw                *draw,
                                            CycleStage               *stage,
                                            const CycleStageGeometry *g,
                                            const CycleRenderStyle   *style,
                                            CycleRenderFlags          flags,
                                            double                    projected_volume);
void         _cycle_render_draw_link       (CycleDraw                *draw,
                                            CycleLink                *link,
                                            const CycleLinkPath      *path,
                                            const CycleRenderStyle   *style,
                                            CycleRenderFlags          flags);
void         _cycle_render_draw_lane_bands (CycleDraw                *draw,
                                            CycleLayout               layout,
                                            const CycleLaneBand      *bands,
                                            guint                     n,
                                            const CycleRenderStyle   *style);

/* Draws the part of the picture in @region (picture coordinates: 0,0 at the extent's top-left
 * corner) on @draw, leaving out what lies wholly outside it: a PNG is drawn band after band on
 * one small surface and one @draw (its shaped text kept from band to band), rather than whole
 * on a surface as large as the picture. */
void _cycle_render_picture_draw_region (const CycleRenderPicture *self,
                                        CycleDraw                *draw,
                                        const CycleRenderStyle   *style,
                                        const CycleRect          *region);

G_END_DECLS
