/* cycle-render.h: drawing a plan, or one of its stages or links, on any cairo_t
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drawing for the canvas, image export (SVG, PNG, PDF) and printing. Cairo and pango only:
 * no widgets. Everything is drawn in canvas units, in the coordinates cycle-layout.h computes;
 * to zoom, scale the cairo_t. Nothing is cached between calls, so drawing from several threads
 * at once (each on its own cairo_t) is safe.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "cycle-layout.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

/* How far outside its geometry's bounds cycle_render_stage() may draw (selection ring,
 * shadow): a canvas node holding one stage needs this much room on every side. */
#define CYCLE_RENDER_STAGE_MARGIN 8.0

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} CycleColor;

/* The look of a drawing. Fill it with cycle_render_style_init(), then change what you need. */
typedef struct
{
  CycleColor  background;      /* behind everything */
  CycleColor  card;            /* the base stage fills are tinted from */
  CycleColor  text;
  CycleColor  secondary_text;
  CycleColor  border;          /* neutral lines: rate pills */
  CycleColor  selection;       /* selection and focus rings, selected links */
  CycleColor  link;            /* next-step links */
  CycleColor  loop_link;       /* loop and referral links */
  CycleColor  mapping_link;    /* links between the lanes */
  CycleColor  lane_internal;   /* stages of the internal funnel without a colour of their own */
  CycleColor  lane_journey;    /* stages of the buyer's journey without a colour of their own */
  /* Family list for pango ("Cantarell, Sans"); the string must outlive the style. */
  const char *font_family;
  /* Multiplies text sizes (a "large text" setting); shapes keep their size and text that no
   * longer fits is ellipsized. 1.0 is normal. */
  double      scale;
  gboolean    dark;
} CycleRenderStyle;

typedef enum {
  CYCLE_RENDER_FLAG_NONE        = 0,
  CYCLE_RENDER_FLAG_SELECTED    = 1 << 0,
  CYCLE_RENDER_FLAG_FOCUSED     = 1 << 1,
  CYCLE_RENDER_FLAG_HOVER       = 1 << 2,
  CYCLE_RENDER_FLAG_DROP_TARGET = 1 << 3,
} CycleRenderFlags;

/**
 * cycle_render_style_init:
 * @style: (out caller-allocates): the style to fill
 * @dark: %TRUE for the dark variant
 *
 * The GNOME look: libadwaita's window colours and the GNOME palette, Cantarell (falling back
 * to the default sans-serif font), scale 1.
 */
void cycle_render_style_init             (CycleRenderStyle         *style,
                                          gboolean                  dark);

/**
 * cycle_render_style_get_stage_colors:
 * @style: a style
 * @stage: a stage
 * @accent: (out) (optional): the stage's own colour, or its lane's when it has none
 * @fill: (out) (optional): the soft tint its shape is filled with
 * @border: (out) (optional): the stronger colour of its border
 *
 * The colours cycle_render_stage() uses for @stage (without hover or drop-target effects),
 * so that other views can show the same ones.
 */
void cycle_render_style_get_stage_colors (const CycleRenderStyle   *style,
                                          CycleStage               *stage,
                                          CycleColor               *accent,
                                          CycleColor               *fill,
                                          CycleColor               *border);

/**
 * cycle_render_stage:
 * @cr: where to draw
 * @stage: the stage
 * @geometry: where it goes (from cycle_layout_compute())
 * @style: the look
 * @flags: its state on the canvas
 * @projected_volume: the projected number of people in the stage, or NaN (or a negative
 *   value) for none
 *
 * Draws one stage: its rounded box or trapezoid in a soft tint of its colour with a stronger
 * border; its name in bold; its permission level; how many items of content it holds and, when
 * given, the projected volume ("≈ 1 000 people"). Text is ellipsized to stay inside the shape.
 * %CYCLE_RENDER_FLAG_SELECTED adds a ring round the shape, %CYCLE_RENDER_FLAG_FOCUSED a
 * lighter one, %CYCLE_RENDER_FLAG_HOVER a stronger tint, %CYCLE_RENDER_FLAG_DROP_TARGET a
 * dashed highlight. Nothing is drawn further than %CYCLE_RENDER_STAGE_MARGIN outside
 * @geometry's bounds. The state of @cr is left as it was.
 */
void cycle_render_stage                  (cairo_t                  *cr,
                                          CycleStage               *stage,
                                          const CycleStageGeometry *geometry,
                                          const CycleRenderStyle   *style,
                                          CycleRenderFlags          flags,
                                          double                    projected_volume);

/**
 * cycle_render_link:
 * @cr: where to draw
 * @link: the link
 * @path: its curve (from cycle_layout_compute_links() or cycle_layout_link_path())
 * @style: the look
 * @flags: %CYCLE_RENDER_FLAG_SELECTED or %CYCLE_RENDER_FLAG_HOVER, or none
 *
 * Draws one link: the curve with an arrowhead at its target. Next links are thin and neutral;
 * loop links are thicker and warm, with a soft halo (the referral that closes the cycle);
 * mapping links are dashed. The rate, when set, is shown in a small pill ("50 %") at
 * @path's label point. Everything stays inside cycle_link_path_get_bounds().
 * The state of @cr is left as it was.
 */
void cycle_render_link                   (cairo_t                  *cr,
                                          CycleLink                *link,
                                          const CycleLinkPath      *path,
                                          const CycleRenderStyle   *style,
                                          CycleRenderFlags          flags);

/**
 * cycle_render_lane_bands:
 * @cr: where to draw
 * @plan: the plan
 * @layout: the layout @geometry was computed with
 * @geometry: (array): the result of cycle_layout_compute()
 * @style: the look
 *
 * Draws the bands behind the lanes, with the lanes' names, for the funnel and two-lanes
 * layouts (nothing for the others). The canvas draws them under its stages and links.
 */
void cycle_render_lane_bands             (cairo_t                  *cr,
                                          CyclePlan                *plan,
                                          CycleLayout               layout,
                                          const CycleStageGeometry *geometry,
                                          const CycleRenderStyle   *style);

/**
 * cycle_render_get_plan_extent:
 * @plan: the plan
 * @layout: the layout to draw it with
 * @volumes: (nullable) (array): projected volumes per stage, as for cycle_layout_compute()
 * @extent: (out): the size of the picture cycle_render_plan() draws
 *
 * The size to give a surface before calling cycle_render_plan(); @extent's x and y are the
 * canvas coordinates of its top-left corner. To draw after measuring, prefer a
 * #CycleRenderPicture, which lays the plan out once for both.
 */
void cycle_render_get_plan_extent        (CyclePlan                *plan,
                                          CycleLayout               layout,
                                          const double             *volumes,
                                          CycleRect                *extent);

/**
 * cycle_render_plan:
 * @cr: where to draw
 * @plan: the plan
 * @layout: the layout to draw it with
 * @volumes: (nullable) (array): projected volumes per stage (funnel widths and the volume
 *   lines), as for cycle_layout_compute()
 * @style: the look
 * @out_extent: (out) (optional): the extent that was drawn, as cycle_render_get_plan_extent()
 *
 * Draws the whole picture, for image export and printing: the background, the lane bands,
 * the links under the stages, the stages. It is translated so that the extent's top-left
 * corner is at 0,0 of @cr, and nothing is drawn outside the extent's size.
 * The state of @cr is left as it was.
 */
void cycle_render_plan                   (cairo_t                  *cr,
                                          CyclePlan                *plan,
                                          CycleLayout               layout,
                                          const double             *volumes,
                                          const CycleRenderStyle   *style,
                                          CycleRect                *out_extent);

/* Adds to @cr a closed sub-path: the rectangle at @x, @y, @w × @h, its corners rounded to @r
 * (at most half the smaller side). */
void cycle_render_rounded_rect           (cairo_t                  *cr,
                                          double                    x,
                                          double                    y,
                                          double                    w,
                                          double                    h,
                                          double                    r);

/* The font-family list of a picture's SVG text: the canvas's Cantarell first, then the
 * sans-serif fonts that the machines slides are shown on have. */
#define CYCLE_RENDER_SVG_FONT_FAMILY \
  "Cantarell, 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"

/**
 * CycleRenderPicture:
 *
 * A plan laid out once for a picture (export, print, preview): the projected volumes (the one
 * projector's, with the plan's own settings), the stages, the links' routes, the lane bands and,
 * when asked for, a legend under the plan with its title and the projection's settings (no
 * date: the same plan always gives the same picture). Its extent is known before drawing, and
 * it can be drawn on any cairo_t or written as SVG with text kept as text, from the one layout.
 * It holds a reference to the plan: do not change the plan while it lives.
 */
typedef struct _CycleRenderPicture CycleRenderPicture;

CycleRenderPicture *cycle_render_picture_new        (CyclePlan                *plan,
                                                     CycleLayout               layout,
                                                     gboolean                  legend);
void                cycle_render_picture_free       (CycleRenderPicture       *self);
/* The size of the picture; x and y are the canvas coordinates of its top-left corner. */
void                cycle_render_picture_get_extent (const CycleRenderPicture *self,
                                                     CycleRect                *extent);
/* One per stage of the plan, NaN where unknown. */
const double       *cycle_render_picture_get_volumes (const CycleRenderPicture *self);
/* Draws it as cycle_render_plan() does: the extent's top-left corner at 0,0 of @cr, nothing
 * outside its size; the state of @cr is left as it was. */
void                cycle_render_picture_draw       (const CycleRenderPicture *self,
                                                     cairo_t                  *cr,
                                                     const CycleRenderStyle   *style);
/* Appends the picture to @out as a standalone SVG document, 1 px per canvas unit: shapes as
 * paths, every label as a <text> element (the canvas's sizes and weights,
 * CYCLE_RENDER_SVG_FONT_FAMILY, xml:lang from the plan's language). The same picture always
 * gives the same bytes. */
void                cycle_render_picture_write_svg  (const CycleRenderPicture *self,
                                                     const CycleRenderStyle   *style,
                                                     GString                  *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CycleRenderPicture, cycle_render_picture_free)

G_END_DECLS
