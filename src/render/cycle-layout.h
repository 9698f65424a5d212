/* cycle-layout.h: where each stage and each link of a plan goes, in canvas units
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure geometry: no cairo, no pango, no widgets. The canvas, image export and printing all place
 * things with these functions, so that every picture of a plan is the same picture.
 * One canvas unit is one pixel at zoom 1.
 */
#pragma once

#include <glib.h>

#include "cycle-enums.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

/* The standard stage box (every stage in the free, cycle and two-lanes layouts). */
#define CYCLE_STAGE_WIDTH         184.0
#define CYCLE_STAGE_HEIGHT         76.0
/* Rounded corners of a stage box; the border and the hit test follow them. */
#define CYCLE_STAGE_CORNER_RADIUS  10.0
/* The narrowest and widest side a funnel trapezoid can have. The minimum keeps text readable. */
#define CYCLE_FUNNEL_MIN_WIDTH    184.0
#define CYCLE_FUNNEL_MAX_WIDTH    480.0
/* Empty space around everything, included in every extent. */
#define CYCLE_LAYOUT_MARGIN        40.0
/* The rate label of a link ("50 %"): a pill of this size centred on CycleLinkPath.label. */
#define CYCLE_LINK_LABEL_WIDTH     48.0
#define CYCLE_LINK_LABEL_HEIGHT    20.0

typedef struct
{
  double x;
  double y;
} CyclePoint;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} CycleRect;

typedef enum {
  CYCLE_STAGE_SHAPE_BOX,
  CYCLE_STAGE_SHAPE_TRAPEZOID,
} CycleStageShape;

/* Where one stage is drawn. A trapezoid's top and bottom sides are centred in @bounds;
 * @bounds.width is the wider of the two. For a box, both widths equal @bounds.width. */
typedef struct
{
  CycleRect       bounds;
  CycleStageShape shape;
  double          top_width;
  double          bottom_width;
} CycleStageGeometry;

/* A link drawn as one cubic Bézier curve from @start (on the source's border) through the
 * control points to @end (on the target's border, where the arrowhead's tip goes). @label is
 * the centre of the rate label. */
typedef struct
{
  CyclePoint    start;
  CyclePoint    control1;
  CyclePoint    control2;
  CyclePoint    end;
  CyclePoint    label;
  CycleLinkKind kind;
} CycleLinkPath;

/* A band behind the stages of one lane (funnel and two-lanes layouts), and where its name goes. */
typedef struct
{
  CycleLane lane;
  CycleRect bounds;
  CycleRect label;
} CycleLaneBand;

/**
 * cycle_layout_compute:
 * @plan: the plan
 * @layout: the arrangement to compute (usually cycle_plan_get_layout (@plan), but any works)
 * @volumes: (nullable) (array): the projected number of people per stage, indexed like
 *   cycle_plan_get_stages (@plan); NaN or a negative value means unknown. In the funnel, when
 *   every internal stage's volume is known, trapezoid widths are proportional to it.
 * @out: (out caller-allocates) (array): one geometry per stage, in the plan's stage order
 * @extent: (out) (optional): the union of the stages, the links and the lane bands, plus
 *   %CYCLE_LAYOUT_MARGIN on every side
 *
 * Places every stage. %CYCLE_LAYOUT_FREE uses each stage's own x and y as its top-left corner
 * and the standard box size. The computed layouts (funnel, cycle, two lanes) are deterministic,
 * never overlap two stages, and start their extent at 0,0. The model is only read: switching
 * layouts never moves a stage's own x and y.
 */
void     cycle_layout_compute        (CyclePlan                *plan,
                                      CycleLayout               layout,
                                      const double             *volumes,
                                      CycleStageGeometry       *out,
                                      CycleRect                *extent);

/**
 * cycle_layout_get_lane_bands:
 * @plan: the plan
 * @layout: the layout @geometry was computed with
 * @geometry: (array): the result of cycle_layout_compute()
 * @bands: (out caller-allocates) (array fixed-size=2): filled with up to two bands
 *
 * The bands behind each lane that the funnel and two-lanes layouts draw (a lane without
 * stages has none). Free and cycle layouts have no bands.
 *
 * Returns: the number of bands written, 0 to 2
 */
guint    cycle_layout_get_lane_bands (CyclePlan                *plan,
                                      CycleLayout               layout,
                                      const CycleStageGeometry *geometry,
                                      CycleLaneBand            *bands);

/**
 * cycle_layout_link_path:
 * @from: the source stage's geometry
 * @to: the target stage's geometry (may be @from: a link from a stage to itself)
 * @kind: the link's kind
 * @layout: the layout both geometries come from
 * @out: (out caller-allocates): the curve
 *
 * The curve of a link between two placed stages, seeing only those two. It starts and ends on
 * the shapes' borders. A next link is a straight arrow along a row or a column, or an S between
 * the facing sides; loop links, and links going back along a row or a column, go round the
 * outside (in the funnel, round the left side from the bottom back to the top; in two lanes,
 * over the top); in the cycle, next and loop links are arcs that continue the ring, bulging
 * outwards; mapping links join the lanes (dashed when drawn). Use it for a link being dragged
 * out; cycle_layout_compute_links() gives the curves of a plan's links.
 */
void     cycle_layout_link_path      (const CycleStageGeometry *from,
                                      const CycleStageGeometry *to,
                                      CycleLinkKind             kind,
                                      CycleLayout               layout,
                                      CycleLinkPath            *out);

/**
 * cycle_layout_compute_links:
 * @plan: the plan
 * @layout: the layout @geometry was computed with
 * @geometry: (array): the result of cycle_layout_compute()
 * @out: (out caller-allocates) (array): one curve per link, indexed like
 *   cycle_plan_get_links (@plan)
 *
 * The curves of every link of the plan, as drawn by cycle_render_plan() and by the canvas.
 * Unlike cycle_layout_link_path(), which sees only two stages, this sees the whole picture: when
 * the plain curve would run over another stage (or hide its rate under one), it tries detours —
 * round the outer side of the lane, then round the other side; on a ring, wider arcs — and
 * keeps the first that crosses nothing, or the one that crosses least. Deterministic; about
 * 5 ms for 500 stages and 1 000 links. A link with an end missing from the plan gets NaN
 * coordinates and is not drawn.
 */
void     cycle_layout_compute_links  (CyclePlan                *plan,
                                      CycleLayout               layout,
                                      const CycleStageGeometry *geometry,
                                      CycleLinkPath            *out);

/**
 * cycle_link_path_eval:
 * @path: a link's curve
 * @t: from 0 (start) to 1 (end)
 * @point: (out): the point of the curve at @t
 */
void     cycle_link_path_eval        (const CycleLinkPath      *path,
                                      double                    t,
                                      CyclePoint               *point);

/**
 * cycle_link_path_get_bounds:
 * @path: a link's curve
 * @bounds: (out): a rectangle holding everything cycle_render_link() draws for it
 *
 * The exact box of the curve, grown for the arrowhead and the widest stroke, united with the
 * rate label's pill. The canvas gives each link a drawing node of this size.
 */
void     cycle_link_path_get_bounds  (const CycleLinkPath      *path,
                                      CycleRect                *bounds);

/**
 * cycle_link_path_hit:
 * @path: a link's curve
 * @x: a point in canvas units
 * @y: a point in canvas units
 * @tolerance: how far from the curve still counts, in canvas units (a few pixels / zoom)
 *
 * Whether a point is on the link: within @tolerance of the curve or of its arrowhead, or inside
 * its rate label's pill.
 *
 * Returns: %TRUE if the point picks the link
 */
gboolean cycle_link_path_hit         (const CycleLinkPath      *path,
                                      double                    x,
                                      double                    y,
                                      double                    tolerance);

/**
 * cycle_stage_geometry_contains:
 * @geometry: a stage's geometry
 * @x: a point in canvas units
 * @y: a point in canvas units
 *
 * Whether a point is inside the stage's shape (rounded box or trapezoid), border included.
 *
 * Returns: %TRUE if inside
 */
gboolean cycle_stage_geometry_contains (const CycleStageGeometry *geometry,
                                        double                    x,
                                        double                    y);

/**
 * cycle_layout_hit_stage:
 * @geometry: (array length=n_stages): stage geometries, in drawing order
 * @n_stages: their number
 * @x: a point in canvas units
 * @y: a point in canvas units
 *
 * The topmost stage under a point: the last one in @geometry whose shape contains it.
 *
 * Returns: its index, or -1 when the point is on no stage
 */
int      cycle_layout_hit_stage      (const CycleStageGeometry *geometry,
                                      guint                     n_stages,
                                      double                    x,
                                      double                    y);

/**
 * cycle_rect_union:
 * @a: a rectangle
 * @b: another
 * @out: (out): the smallest rectangle holding both (may be @a or @b)
 */
void     cycle_rect_union            (const CycleRect          *a,
                                      const CycleRect          *b,
                                      CycleRect                *out);

G_END_DECLS
