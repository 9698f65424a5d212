/* cycle-layout.c: where each stage and each link of a plan goes
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cycle-layout.h"

/* Spacing of the computed layouts, in canvas units. */
#define FUNNEL_GAP         36.0  /* between stacked trapezoids: a short arrow and its rate */
#define COLUMN_GAP        136.0  /* between the funnel and the journey column */
#define ROW_GAP            80.0  /* between the boxes of a row (two lanes): arrow + rate pill */
#define LANE_GAP          128.0  /* between the two rows (two lanes): mapping links */
#define RING_GAP           64.0  /* between neighbours on a ring */
#define INNER_RING_GAP     80.0  /* between the outer and the inner ring */
#define BAND_PADDING       20.0
#define BAND_LABEL_HEIGHT  36.0  /* funnel: the lane's name above its column */
#define BAND_HEADER_WIDTH 140.0  /* two lanes: the lane's name left of its row */

/* Links. */
#define DEG                (G_PI / 180.0)
#define LINK_VARIANTS      3     /* ways to draw a link, tried in turn to avoid stages */
#define LINK_MARGIN        14.0  /* arrowhead, widest stroke and its halo */
#define LINK_SAMPLES       48
#define AROUND_MIN_REACH   36.0
#define AROUND_MAX_REACH  120.0

typedef enum {
  SIDE_TOP,
  SIDE_RIGHT,
  SIDE_BOTTOM,
  SIDE_LEFT,
} Side;

/* Rectangles */

void
cycle_rect_union (const CycleRect *a,
                  const CycleRect *b,
                  CycleRect       *out)
{
  double x = MIN (a->x, b->x);
  double y = MIN (a->y, b->y);
  double right = MAX (a->x + a->width, b->x + b->width);
  double bottom = MAX (a->y + a->height, b->y + b->height);

  out->x = x;
  out->y = y;
  out->width = right - x;
  out->height = bottom - y;
}

static void
rect_grow (CycleRect *rect,
           double     amount)
{
  rect->x -= amount;
  rect->y -= amount;
  rect->width += 2 * amount;
  rect->height += 2 * amount;
}

static gboolean
rects_intersect (const CycleRect *a,
                 const CycleRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Shapes */

static void
geometry_center (const CycleStageGeometry *g,
                 CyclePoint               *c)
{
  c->x = g->bounds.x + g->bounds.width / 2;
  c->y = g->bounds.y + g->bounds.height / 2;
}

/* Top-left, top-right, bottom-right, bottom-left. */
static void
geometry_polygon (const CycleStageGeometry *g,
                  CyclePoint               *p)
{
  double cx = g->bounds.x + g->bounds.width / 2;
  double top = g->bounds.y;
  double bottom = g->bounds.y + g->bounds.height;
  double tw = g->bounds.width;
  double bw = g->bounds.width;

  if (g->shape == CYCLE_STAGE_SHAPE_TRAPEZOID)
    {
      tw = g->top_width;
      bw = g->bottom_width;
    }

  p[0] = (CyclePoint) { cx - tw / 2, top };
  p[1] = (CyclePoint) { cx + tw / 2, top };
  p[2] = (CyclePoint) { cx + bw / 2, bottom };
  p[3] = (CyclePoint) { cx - bw / 2, bottom };
}

static double
corner_radius (const CycleStageGeometry *g)
{
  return MIN (CYCLE_STAGE_CORNER_RADIUS, MIN (g->bounds.width, g->bounds.height) / 2);
}

gboolean
cycle_stage_geometry_contains (const CycleStageGeometry *g,
                               double                    x,
                               double                    y)
{
  const double eps = 1e-6;
  CyclePoint c;

  g_return_val_if_fail (g != NULL, FALSE);

  geometry_center (g, &c);

  if (g->shape == CYCLE_STAGE_SHAPE_TRAPEZOID)
    {
      double f, half;

      if (y < g->bounds.y - eps || y > g->bounds.y + g->bounds.height + eps)
        return FALSE;
      f = g->bounds.height > 0 ? (y - g->bounds.y) / g->bounds.height : 0;
      f = CLAMP (f, 0.0, 1.0);
      half = (g->top_width + (g->bottom_width - g->top_width) * f) / 2;
      return fabs (x - c.x) <= half + eps;
    }
  else
    {
      double a = g->bounds.width / 2;
      double b = g->bounds.height / 2;
      double r = corner_radius (g);
      double qx = fabs (x - c.x);
      double qy = fabs (y - c.y);

      if (qx > a + eps || qy > b + eps)
        return FALSE;
      if (qx > a - r && qy > b - r)
        {
          double ex = qx - (a - r);
          double ey = qy - (b - r);

          return ex * ex + ey * ey <= (r + eps) * (r + eps);
        }
      return TRUE;
    }
}

/* Where the ray from the shape's centre in direction (dx, dy) leaves the shape. */
static void
border_point (const CycleStageGeometry *g,
              double                    dx,
              double                    dy,
              CyclePoint               *out)
{
  double len = hypot (dx, dy);
  CyclePoint c;

  geometry_center (g, &c);

  if (len < 1e-9)
    {
      dx = 0;
      dy = -1;
    }
  else
    {
      dx /= len;
      dy /= len;
    }

  if (g->shape == CYCLE_STAGE_SHAPE_TRAPEZOID)
    {
      CyclePoint p[4];
      double best = G_MAXDOUBLE;

      geometry_polygon (g, p);
      for (guint i = 0; i < 4; i++)
        {
          CyclePoint a = p[i];
          CyclePoint b = p[(i + 1) % 4];
          double ex = b.x - a.x;
          double ey = b.y - a.y;
          double denom = dx * ey - dy * ex;
          double acx = a.x - c.x;
          double acy = a.y - c.y;
          double t, s;

          if (fabs (denom) < 1e-12)
            continue;
          t = (acx * ey - acy * ex) / denom;
          s = (acx * dy - acy * dx) / denom;
          if (t >= 0 && s >= -1e-9 && s <= 1 + 1e-9 && t < best)
            best = t;
        }
      if (best == G_MAXDOUBLE)
        best = 0;
      out->x = c.x + best * dx;
      out->y = c.y + best * dy;
    }
  else
    {
      double a = g->bounds.width / 2;
      double b = g->bounds.height / 2;
      double r = corner_radius (g);
      double tx = fabs (dx) > 1e-12 ? a / fabs (dx) : G_MAXDOUBLE;
      double ty = fabs (dy) > 1e-12 ? b / fabs (dy) : G_MAXDOUBLE;
      double t = MIN (tx, ty);
      double qx = t * dx;
      double qy = t * dy;

      if (fabs (qx) > a - r && fabs (qy) > b - r)
        {
          /* In a rounded corner: meet the corner's circle instead of the rectangle. */
          double kx = copysign (a - r, qx);
          double ky = copysign (b - r, qy);
          double dk = dx * kx + dy * ky;
          double disc = dk * dk - (kx * kx + ky * ky - r * r);

          t = dk + sqrt (MAX (disc, 0));
        }
      out->x = c.x + t * dx;
      out->y = c.y + t * dy;
    }
}

/* The middle of one side of the shape (on the slanted side of a trapezoid). */
static void
side_anchor (const CycleStageGeometry *g,
             Side                      side,
             CyclePoint               *out)
{
  CyclePoint p[4];
  guint a, b;

  geometry_polygon (g, p);
  switch (side)
    {
    case SIDE_TOP:
      a = 0, b = 1;
      break;
    case SIDE_RIGHT:
      a = 1, b = 2;
      break;
    case SIDE_BOTTOM:
      a = 2, b = 3;
      break;
    case SIDE_LEFT:
    default:
      a = 3, b = 0;
      break;
    }
  out->x = (p[a].x + p[b].x) / 2;
  out->y = (p[a].y + p[b].y) / 2;
}

static void
side_direction (Side        side,
                CyclePoint *d)
{
  switch (side)
    {
    case SIDE_TOP:
      *d = (CyclePoint) { 0, -1 };
      break;
    case SIDE_RIGHT:
      *d = (CyclePoint) { 1, 0 };
      break;
    case SIDE_BOTTOM:
      *d = (CyclePoint) { 0, 1 };
      break;
    case SIDE_LEFT:
    default:
      *d = (CyclePoint) { -1, 0 };
      break;
    }
}

/* How far a shape reaches in the direction of @side (a coordinate along that direction). */
static double
side_extreme (const CycleStageGeometry *g,
              Side                      side)
{
  switch (side)
    {
    case SIDE_TOP:
      return -g->bounds.y;
    case SIDE_RIGHT:
      return g->bounds.x + g->bounds.width;
    case SIDE_BOTTOM:
      return g->bounds.y + g->bounds.height;
    case SIDE_LEFT:
    default:
      return -g->bounds.x;
    }
}

int
cycle_layout_hit_stage (const CycleStageGeometry *geometry,
                        guint                     n_stages,
                        double                    x,
                        double                    y)
{
  g_return_val_if_fail (geometry != NULL || n_stages == 0, -1);

  for (guint i = n_stages; i > 0; i--)
    {
      const CycleRect *b = &geometry[i - 1].bounds;

      if (x < b->x || y < b->y || x > b->x + b->width || y > b->y + b->height)
        continue;
      if (cycle_stage_geometry_contains (&geometry[i - 1], x, y))
        return (int) (i - 1);
    }
  return -1;
}

/* Curves */

void
cycle_link_path_eval (const CycleLinkPath *path,
                      double               t,
                      CyclePoint          *point)
{
  double u = 1 - t;
  double a = u * u * u;
  double b = 3 * u * u * t;
  double c = 3 * u * t * t;
  double d = t * t * t;

  g_return_if_fail (path != NULL);
  g_return_if_fail (point != NULL);

  point->x = a * path->start.x + b * path->control1.x + c * path->control2.x + d * path->end.x;
  point->y = a * path->start.y + b * path->control1.y + c * path->control2.y + d * path->end.y;
}

static void
path_tangent (const CycleLinkPath *path,
              double               t,
              CyclePoint          *d)
{
  double u = 1 - t;
  const CyclePoint *p0 = &path->start, *p1 = &path->control1;
  const CyclePoint *p2 = &path->control2, *p3 = &path->end;

  d->x = 3 * (u * u * (p1->x - p0->x) + 2 * u * t * (p2->x - p1->x) + t * t * (p3->x - p2->x));
  d->y = 3 * (u * u * (p1->y - p0->y) + 2 * u * t * (p2->y - p1->y) + t * t * (p3->y - p2->y));
  if (hypot (d->x, d->y) < 1e-9)
    {
      d->x = p3->x - p0->x;
      d->y = p3->y - p0->y;
    }
}

static double
path_length (const CycleLinkPath *path)
{
  CyclePoint prev = path->start;
  double len = 0;

  for (guint i = 1; i <= 16; i++)
    {
      CyclePoint p;

      cycle_link_path_eval (path, i / 16.0, &p);
      len += hypot (p.x - prev.x, p.y - prev.y);
      prev = p;
    }
  return len;
}

/* The rate label sits on the middle of the curve, or beside it when the curve is too short to
 * show both the label and the arrow (the short arrows between funnel stages). */
static void
place_label (CycleLinkPath *path)
{
  CyclePoint mid, d;
  double len, along;

  cycle_link_path_eval (path, 0.5, &mid);
  path_tangent (path, 0.5, &d);
  len = hypot (d.x, d.y);
  if (len > 1e-9)
    {
      d.x /= len;
      d.y /= len;
    }
  along = fabs (d.x) * CYCLE_LINK_LABEL_WIDTH + fabs (d.y) * CYCLE_LINK_LABEL_HEIGHT;

  if (path_length (path) < along + 28)
    {
      /* To the left of the direction of travel: right of a downward arrow. */
      double px = d.y, py = -d.x;
      double offset = fabs (px) * CYCLE_LINK_LABEL_WIDTH / 2 +
                      fabs (py) * CYCLE_LINK_LABEL_HEIGHT / 2 + 6;

      mid.x += px * offset;
      mid.y += py * offset;
    }
  path->label = mid;
}

static void
set_path (CycleLinkPath    *out,
          const CyclePoint *start,
          const CyclePoint *control1,
          const CyclePoint *control2,
          const CyclePoint *end)
{
  out->start = *start;
  out->control1 = *control1;
  out->control2 = *control2;
  out->end = *end;
}

/* From one side of @from to one side of @to, leaving and arriving square to the sides. */
static void
route_sides (const CycleStageGeometry *from,
             Side                      from_side,
             const CycleStageGeometry *to,
             Side                      to_side,
             CycleLinkPath            *out)
{
  CyclePoint s, e, ds, de, c1, c2;
  double dist, k;

  side_anchor (from, from_side, &s);
  side_anchor (to, to_side, &e);
  side_direction (from_side, &ds);
  side_direction (to_side, &de);

  dist = fabs (ds.x) > 0 ? fabs (e.x - s.x) : fabs (e.y - s.y);
  k = MAX (dist * 0.5, 12.0);
  c1 = (CyclePoint) { s.x + ds.x * k, s.y + ds.y * k };
  c2 = (CyclePoint) { e.x + de.x * k, e.y + de.y * k };
  set_path (out, &s, &c1, &c2, &e);
}

/* From @side of @from round the outside to the same side of @to: a "C" that bulges past both
 * shapes. Loops, links going back, and links that would cross stages in between. */
static void
route_around (const CycleStageGeometry *from,
              const CycleStageGeometry *to,
              Side                      side,
              CycleLinkPath            *out)
{
  CyclePoint s, e, d, c1, c2;
  double span, reach, target, ps, pe, c;

  side_anchor (from, side, &s);
  side_anchor (to, side, &e);
  side_direction (side, &d);

  span = hypot (e.x - s.x, e.y - s.y);
  reach = CLAMP (span * 0.2, AROUND_MIN_REACH, AROUND_MAX_REACH);
  target = MAX (side_extreme (from, side), side_extreme (to, side)) + reach;

  /* The curve's middle is 1/8 of each end plus 3/8 of each control point: put the control
   * points so that the middle reaches @target along @d. */
  ps = s.x * d.x + s.y * d.y;
  pe = e.x * d.x + e.y * d.y;
  c = (target - 0.125 * (ps + pe)) / 0.75;
  c1 = (CyclePoint) { s.x + d.x * (c - ps), s.y + d.y * (c - ps) };
  c2 = (CyclePoint) { e.x + d.x * (c - pe), e.y + d.y * (c - pe) };
  set_path (out, &s, &c1, &c2, &e);
}

/* An arc between two stages of a ring that goes clockwise: it bulges outward, which is to
 * the left of the direction of travel. */
static void
route_arc (const CycleStageGeometry *from,
           const CycleStageGeometry *to,
           double                    angle,
           CycleLinkPath            *out)
{
  CyclePoint fc, tc, s, e, c1, c2;
  double ux, uy, nx, ny, len, k;
  double cs = cos (angle), sn = sin (angle);

  geometry_center (from, &fc);
  geometry_center (to, &tc);
  ux = tc.x - fc.x;
  uy = tc.y - fc.y;
  len = hypot (ux, uy);
  ux /= len;
  uy /= len;
  nx = uy;
  ny = -ux;

  border_point (from, cs * ux + sn * nx, cs * uy + sn * ny, &s);
  border_point (to, -cs * ux + sn * nx, -cs * uy + sn * ny, &e);

  ux = e.x - s.x;
  uy = e.y - s.y;
  len = hypot (ux, uy);
  if (len < 1e-9)
    {
      set_path (out, &s, &s, &e, &e);
      return;
    }
  ux /= len;
  uy /= len;
  nx = uy;
  ny = -ux;
  /* The standard cubic approximation of a circular arc turning 2 × @angle. */
  k = len * (2.0 / 3.0) * tan (angle / 2) / sn;
  c1 = (CyclePoint) { s.x + k * (cs * ux + sn * nx), s.y + k * (cs * uy + sn * ny) };
  c2 = (CyclePoint) { e.x + k * (-cs * ux + sn * nx), e.y + k * (-cs * uy + sn * ny) };
  set_path (out, &s, &c1, &c2, &e);
}

/* A straight line between the shapes' borders, along the line between their centres. */
static void
route_direct (const CycleStageGeometry *from,
              const CycleStageGeometry *to,
              CycleLinkPath            *out)
{
  CyclePoint fc, tc, s, e, c1, c2;

  geometry_center (from, &fc);
  geometry_center (to, &tc);
  border_point (from, tc.x - fc.x, tc.y - fc.y, &s);
  border_point (to, fc.x - tc.x, fc.y - tc.y, &e);
  c1 = (CyclePoint) { s.x + (e.x - s.x) / 3, s.y + (e.y - s.y) / 3 };
  c2 = (CyclePoint) { s.x + 2 * (e.x - s.x) / 3, s.y + 2 * (e.y - s.y) / 3 };
  set_path (out, &s, &c1, &c2, &e);
}

/* A link from a stage to itself: out of the right side, back in through the top. */
static void
route_self (const CycleStageGeometry *g,
            CycleLinkPath            *out)
{
  CyclePoint p[4], s, e, c1, c2;

  geometry_polygon (g, p);
  side_anchor (g, SIDE_RIGHT, &s);
  e = (CyclePoint) { p[0].x + 0.8 * (p[1].x - p[0].x), p[0].y };
  c1 = (CyclePoint) { s.x + 64, s.y };
  c2 = (CyclePoint) { e.x, e.y - 64 };
  set_path (out, &s, &c1, &c2, &e);
}

/* The ways to draw a link, from the plainest (@variant 0) to detours (1, 2) for when the plain
 * way crosses another stage. On a ring: arcs bulging further and further out. Elsewhere: the
 * direct way (straight, or an S between facing sides), then round the lane's outer side, then
 * round the other side. Loops and links going back along a row or a column always go round.
 * @far_side: the outer side is the right or the bottom (the buyer's journey), not the left or
 * the top. */
static void
link_path_internal (const CycleStageGeometry *from,
                    const CycleStageGeometry *to,
                    CycleLinkKind             kind,
                    CycleLayout               layout,
                    guint                     variant,
                    gboolean                  far_side,
                    CycleLinkPath            *out)
{
  static const double arc_angles[LINK_VARIANTS] = { 26 * DEG, 48 * DEG, 68 * DEG };
  CyclePoint fc, tc;
  double dx, dy, gap_x, gap_y;
  gboolean same_column, same_row, vertical, backward;

  out->kind = kind;

  if (from == to ||
      (from->bounds.x == to->bounds.x && from->bounds.y == to->bounds.y &&
       from->bounds.width == to->bounds.width && from->bounds.height == to->bounds.height))
    {
      route_self (from, out);
      place_label (out);
      return;
    }

  geometry_center (from, &fc);
  geometry_center (to, &tc);
  dx = tc.x - fc.x;
  dy = tc.y - fc.y;
  gap_x = fabs (dx) - (from->bounds.width + to->bounds.width) / 2;
  gap_y = fabs (dy) - (from->bounds.height + to->bounds.height) / 2;

  if (gap_x < 0 && gap_y < 0)
    {
      /* Overlapping shapes (possible in the free layout): nothing better than a line. */
      route_direct (from, to, out);
      place_label (out);
      return;
    }

  if (layout == CYCLE_LAYOUT_CYCLE)
    {
      if (kind == CYCLE_LINK_MAPPING)
        route_direct (from, to, out);
      else
        route_arc (from, to, arc_angles[MIN (variant, LINK_VARIANTS - 1)], out);
      place_label (out);
      return;
    }

  same_column = fabs (dx) < 1 && gap_y > 0;
  same_row = fabs (dy) < 1 && gap_x > 0;

  switch (layout)
    {
    case CYCLE_LAYOUT_FUNNEL:
      vertical = same_column;
      break;
    case CYCLE_LAYOUT_TWO_LANES:
      vertical = !same_row;
      break;
    case CYCLE_LAYOUT_FREE:
    case CYCLE_LAYOUT_CYCLE:
    default:
      vertical = gap_y >= gap_x;
      break;
    }
  backward = vertical ? dy < 0 : dx < 0;

  if (variant > 0 || kind == CYCLE_LINK_LOOP || ((same_column || same_row) && backward))
    {
      gboolean far = variant == 2 ? !far_side : far_side;
      Side side;

      if (vertical)
        side = far ? SIDE_RIGHT : SIDE_LEFT;
      else
        side = far ? SIDE_BOTTOM : SIDE_TOP;
      route_around (from, to, side, out);
    }
  else if (vertical)
    {
      if (dy >= 0)
        route_sides (from, SIDE_BOTTOM, to, SIDE_TOP, out);
      else
        route_sides (from, SIDE_TOP, to, SIDE_BOTTOM, out);
    }
  else
    {
      if (dx >= 0)
        route_sides (from, SIDE_RIGHT, to, SIDE_LEFT, out);
      else
        route_sides (from, SIDE_LEFT, to, SIDE_RIGHT, out);
    }

  place_label (out);
}

void
cycle_layout_link_path (const CycleStageGeometry *from,
                        const CycleStageGeometry *to,
                        CycleLinkKind             kind,
                        CycleLayout               layout,
                        CycleLinkPath            *out)
{
  g_return_if_fail (from != NULL);
  g_return_if_fail (to != NULL);
  g_return_if_fail (out != NULL);

  link_path_internal (from, to, kind, layout, 0, FALSE, out);
}

/* Roots of a t² + b t + c in (0, 1). */
static guint
unit_roots (double  a,
            double  b,
            double  c,
            double *roots)
{
  guint n = 0;

  if (fabs (a) < 1e-12)
    {
      if (fabs (b) > 1e-12)
        roots[n++] = -c / b;
    }
  else
    {
      double disc = b * b - 4 * a * c;

      if (disc >= 0)
        {
          double sq = sqrt (disc);

          roots[n++] = (-b + sq) / (2 * a);
          roots[n++] = (-b - sq) / (2 * a);
        }
    }

  for (guint i = 0; i < n;)
    {
      if (roots[i] > 0 && roots[i] < 1)
        i++;
      else
        roots[i] = roots[--n];
    }
  return n;
}

void
cycle_link_path_get_bounds (const CycleLinkPath *path,
                            CycleRect           *bounds)
{
  double min_x, max_x, min_y, max_y;
  double ts[4];
  guint n = 0;
  const CyclePoint *p0, *p1, *p2, *p3;
  CycleRect label;

  g_return_if_fail (path != NULL);
  g_return_if_fail (bounds != NULL);

  p0 = &path->start;
  p1 = &path->control1;
  p2 = &path->control2;
  p3 = &path->end;

  min_x = MIN (p0->x, p3->x);
  max_x = MAX (p0->x, p3->x);
  min_y = MIN (p0->y, p3->y);
  max_y = MAX (p0->y, p3->y);

  /* The curve's extremes are where its derivative, a quadratic, is zero. */
  n += unit_roots (-p0->x + 3 * p1->x - 3 * p2->x + p3->x,
                   2 * (p0->x - 2 * p1->x + p2->x),
                   p1->x - p0->x, ts + n);
  n += unit_roots (-p0->y + 3 * p1->y - 3 * p2->y + p3->y,
                   2 * (p0->y - 2 * p1->y + p2->y),
                   p1->y - p0->y, ts + n);
  for (guint i = 0; i < n; i++)
    {
      CyclePoint p;

      cycle_link_path_eval (path, ts[i], &p);
      min_x = MIN (min_x, p.x);
      max_x = MAX (max_x, p.x);
      min_y = MIN (min_y, p.y);
      max_y = MAX (max_y, p.y);
    }

  bounds->x = min_x - LINK_MARGIN;
  bounds->y = min_y - LINK_MARGIN;
  bounds->width = max_x - min_x + 2 * LINK_MARGIN;
  bounds->height = max_y - min_y + 2 * LINK_MARGIN;

  label.x = path->label.x - CYCLE_LINK_LABEL_WIDTH / 2 - 2;
  label.y = path->label.y - CYCLE_LINK_LABEL_HEIGHT / 2 - 2;
  label.width = CYCLE_LINK_LABEL_WIDTH + 4;
  label.height = CYCLE_LINK_LABEL_HEIGHT + 4;
  cycle_rect_union (bounds, &label, bounds);
}

static double
segment_distance (double px,
                  double py,
                  const CyclePoint *a,
                  const CyclePoint *b)
{
  double ex = b->x - a->x;
  double ey = b->y - a->y;
  double len2 = ex * ex + ey * ey;
  double t = len2 > 0 ? ((px - a->x) * ex + (py - a->y) * ey) / len2 : 0;

  t = CLAMP (t, 0.0, 1.0);
  return hypot (px - (a->x + t * ex), py - (a->y + t * ey));
}

gboolean
cycle_link_path_hit (const CycleLinkPath *path,
                     double               x,
                     double               y,
                     double               tolerance)
{
  CycleRect bounds;
  CyclePoint prev;

  g_return_val_if_fail (path != NULL, FALSE);

  cycle_link_path_get_bounds (path, &bounds);
  if (x < bounds.x - tolerance || y < bounds.y - tolerance ||
      x > bounds.x + bounds.width + tolerance || y > bounds.y + bounds.height + tolerance)
    return FALSE;

  if (fabs (x - path->label.x) <= CYCLE_LINK_LABEL_WIDTH / 2 &&
      fabs (y - path->label.y) <= CYCLE_LINK_LABEL_HEIGHT / 2)
    return TRUE;

  prev = path->start;
  for (guint i = 1; i <= LINK_SAMPLES; i++)
    {
      CyclePoint p;

      cycle_link_path_eval (path, (double) i / LINK_SAMPLES, &p);
      if (segment_distance (x, y, &prev, &p) <= tolerance)
        return TRUE;
      prev = p;
    }
  return FALSE;
}

/* Layouts */

typedef struct
{
  CyclePlan   *plan;
  guint        n_stages;
  CycleStage **stages;   /* borrowed from the plan's list */
  GHashTable  *index;    /* CycleStage * → position + 1 */
} StageTable;

static void
stage_table_init (StageTable *table,
                  CyclePlan  *plan)
{
  GListModel *list = cycle_plan_get_stages (plan);

  table->plan = plan;
  table->n_stages = g_list_model_get_n_items (list);
  table->stages = g_new0 (CycleStage *, MAX (table->n_stages, 1));
  table->index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < table->n_stages; i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (list, i);

      /* The plan holds a reference for as long as the table is used. */
      table->stages[i] = stage;
      g_hash_table_insert (table->index, stage, GUINT_TO_POINTER (i + 1));
    }
}

static void
stage_table_clear (StageTable *table)
{
  g_clear_pointer (&table->stages, g_free);
  g_clear_pointer (&table->index, g_hash_table_unref);
}

static int
stage_table_lookup (StageTable *table,
                    CycleStage *stage)
{
  if (stage == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (table->index, stage)) - 1;
}

static void
set_box (CycleStageGeometry *g,
         double              x,
         double              y)
{
  g->bounds = (CycleRect) { x, y, CYCLE_STAGE_WIDTH, CYCLE_STAGE_HEIGHT };
  g->shape = CYCLE_STAGE_SHAPE_BOX;
  g->top_width = CYCLE_STAGE_WIDTH;
  g->bottom_width = CYCLE_STAGE_WIDTH;
}

/* Indices of the stages of @lane, in plan order; returns their number. */
static guint
lane_members (StageTable *table,
              CycleLane   lane,
              guint      *members)
{
  guint n = 0;

  for (guint i = 0; i < table->n_stages; i++)
    if (cycle_stage_get_lane (table->stages[i]) == lane)
      members[n++] = i;
  return n;
}

static gboolean
volume_known (const double *volumes,
              guint         i)
{
  return volumes != NULL && !isnan (volumes[i]) && isfinite (volumes[i]) && volumes[i] >= 0;
}

/* Positions of @n_items spread over the span of @n_ref items at @pitch: the first and the last
 * line up with the first and the last of the reference, never closer than @pitch. */
static double
spread_pitch (guint  n_items,
              guint  n_ref,
              double pitch)
{
  if (n_items < 2 || n_ref < 2)
    return pitch;
  return MAX (pitch, (n_ref - 1) * pitch / (n_items - 1));
}

static void
layout_free (StageTable         *table,
             CycleStageGeometry *out)
{
  for (guint i = 0; i < table->n_stages; i++)
    set_box (&out[i], cycle_stage_get_x (table->stages[i]), cycle_stage_get_y (table->stages[i]));
}

static void
layout_funnel (StageTable         *table,
               const double       *volumes,
               CycleStageGeometry *out)
{
  g_autofree guint *internal = g_new (guint, table->n_stages + 1);
  g_autofree guint *journey = g_new (guint, table->n_stages + 1);
  g_autofree double *widths = NULL;
  guint ni = lane_members (table, CYCLE_LANE_INTERNAL, internal);
  guint nj = lane_members (table, CYCLE_LANE_JOURNEY, journey);
  gboolean proportional = ni > 0;
  double max_volume = 0, max_width = 0, pitch, journey_pitch, column_x;

  /* widths[k] is the top of trapezoid k and the bottom of trapezoid k - 1: the stack reads as
   * one funnel. */
  widths = g_new (double, ni + 1);

  for (guint k = 0; k < ni; k++)
    {
      if (!volume_known (volumes, internal[k]))
        proportional = FALSE;
      else
        max_volume = MAX (max_volume, volumes[internal[k]]);
    }
  if (max_volume <= 0)
    proportional = FALSE;

  for (guint k = 0; k < ni; k++)
    {
      if (proportional)
        widths[k] = CLAMP (CYCLE_FUNNEL_MAX_WIDTH * volumes[internal[k]] / max_volume,
                           CYCLE_FUNNEL_MIN_WIDTH, CYCLE_FUNNEL_MAX_WIDTH);
      else
        widths[k] = CYCLE_FUNNEL_MAX_WIDTH -
                    k * (CYCLE_FUNNEL_MAX_WIDTH - CYCLE_FUNNEL_MIN_WIDTH) / ni;
    }
  if (ni > 0)
    widths[ni] = proportional ? MAX (CYCLE_FUNNEL_MIN_WIDTH, widths[ni - 1] * 0.8)
                              : CYCLE_FUNNEL_MIN_WIDTH;
  for (guint k = 0; k <= ni && ni > 0; k++)
    max_width = MAX (max_width, widths[k]);

  pitch = CYCLE_STAGE_HEIGHT + FUNNEL_GAP;
  for (guint k = 0; k < ni; k++)
    {
      CycleStageGeometry *g = &out[internal[k]];
      double w = MAX (widths[k], widths[k + 1]);

      g->bounds = (CycleRect) { (max_width - w) / 2, k * pitch, w, CYCLE_STAGE_HEIGHT };
      g->shape = CYCLE_STAGE_SHAPE_TRAPEZOID;
      g->top_width = widths[k];
      g->bottom_width = widths[k + 1];
    }

  column_x = ni > 0 ? max_width + COLUMN_GAP : 0;
  journey_pitch = spread_pitch (nj, ni, pitch);
  for (guint k = 0; k < nj; k++)
    set_box (&out[journey[k]], column_x, k * journey_pitch);
}

static void
layout_two_lanes (StageTable         *table,
                  CycleStageGeometry *out)
{
  g_autofree guint *internal = g_new (guint, table->n_stages + 1);
  g_autofree guint *journey = g_new (guint, table->n_stages + 1);
  guint ni = lane_members (table, CYCLE_LANE_INTERNAL, internal);
  guint nj = lane_members (table, CYCLE_LANE_JOURNEY, journey);
  double pitch = CYCLE_STAGE_WIDTH + ROW_GAP;
  double internal_pitch = spread_pitch (ni, nj, pitch);
  double journey_pitch = spread_pitch (nj, ni, pitch);

  for (guint k = 0; k < ni; k++)
    set_box (&out[internal[k]], k * internal_pitch, 0);
  for (guint k = 0; k < nj; k++)
    set_box (&out[journey[k]], k * journey_pitch, CYCLE_STAGE_HEIGHT + LANE_GAP);
}

/* Angles are measured clockwise from the top, as a person reads a clock face. */
static void
ring_positions (guint         n,
                const double *angles,
                double        radius,
                CyclePoint   *p)
{
  for (guint i = 0; i < n; i++)
    {
      p[i].x = radius * sin (angles[i]);
      p[i].y = -radius * cos (angles[i]);
    }
}

static gboolean
boxes_clear (const CyclePoint *a,
             const CyclePoint *b,
             double            gap)
{
  return fabs (a->x - b->x) >= CYCLE_STAGE_WIDTH + gap ||
         fabs (a->y - b->y) >= CYCLE_STAGE_HEIGHT + gap;
}

static gboolean
ring_clear (const CyclePoint *p,
            guint             n)
{
  /* Small rings: every pair. Large ones: a box can only come close to its near neighbours
   * (the angles grow in order round the ring). */
  guint reach = n <= 64 ? n : 4;

  for (guint i = 0; i < n; i++)
    for (guint d = 1; d < reach && d <= n / 2; d++)
      if (!boxes_clear (&p[i], &p[(i + d) % n], RING_GAP))
        return FALSE;
  return TRUE;
}

/* The smallest radius (from @min_radius, growing by 4 %) at which @n boxes at @angles keep
 * RING_GAP between them. */
static double
ring_radius (guint         n,
             const double *angles,
             double        min_radius,
             CyclePoint   *scratch)
{
  double r;

  if (n <= 1)
    return min_radius;

  r = MAX (min_radius, n * (CYCLE_STAGE_HEIGHT + RING_GAP) / (2 * G_PI));
  for (guint iter = 0; iter < 1000; iter++)
    {
      ring_positions (n, angles, r, scratch);
      if (ring_clear (scratch, n))
        break;
      r *= 1.04;
    }
  return r;
}

/* Where the buyer's journey goes on the inner ring: each stage towards the funnel stages it is
 * mapped to, so that mapping links stay short, while keeping the journey's own order clockwise
 * and its stages apart. Stages without a mapping continue evenly from the one before. */
static void
journey_angles (StageTable   *table,
                const guint  *internal,
                guint         ni,
                const guint  *journey,
                guint         nj,
                double       *angles)
{
  GListModel *links = cycle_plan_get_links (table->plan);
  guint n_links = g_list_model_get_n_items (links);
  g_autofree int *lane_pos = g_new (int, table->n_stages + 1);
  g_autofree double *sum_x = g_new0 (double, nj + 1);
  g_autofree double *sum_y = g_new0 (double, nj + 1);
  double min_sep = 2 * G_PI / MAX (nj, 1) * 0.75;

  /* Position of each stage within its lane. */
  for (guint k = 0; k < ni; k++)
    lane_pos[internal[k]] = (int) k;
  for (guint k = 0; k < nj; k++)
    lane_pos[journey[k]] = (int) k;

  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links, i);
      int a = stage_table_lookup (table, cycle_link_get_source (link));
      int b = stage_table_lookup (table, cycle_link_get_target (link));
      CycleLane la, lb;
      double theta;
      int j;

      if (a < 0 || b < 0 || ni == 0)
        continue;
      la = cycle_stage_get_lane (table->stages[a]);
      lb = cycle_stage_get_lane (table->stages[b]);
      if (la == lb)
        continue;
      theta = 2 * G_PI * lane_pos[la == CYCLE_LANE_INTERNAL ? a : b] / ni;
      j = lane_pos[la == CYCLE_LANE_JOURNEY ? a : b];
      sum_x[j] += sin (theta);
      sum_y[j] += cos (theta);
    }

  for (guint k = 0; k < nj; k++)
    {
      gboolean mapped = hypot (sum_x[k], sum_y[k]) > 1e-9;
      double want = mapped ? atan2 (sum_x[k], sum_y[k]) : 0;

      if (want < 0)
        want += 2 * G_PI;
      if (k == 0)
        {
          angles[0] = want;
          continue;
        }
      if (!mapped)
        want = angles[k - 1] + 2 * G_PI / nj;
      /* Onwards from the previous stage, clockwise… */
      while (want <= angles[k - 1] - min_sep)
        want += 2 * G_PI;
      while (want > angles[k - 1] - min_sep + 2 * G_PI)
        want -= 2 * G_PI;
      /* …apart from it, and leaving room for the stages still to come before the first. */
      angles[k] = CLAMP (want, angles[k - 1] + min_sep,
                         angles[0] + 2 * G_PI - (nj - k) * min_sep);
    }
}

static void
layout_cycle (StageTable         *table,
              CycleStageGeometry *out)
{
  g_autofree guint *internal = g_new (guint, table->n_stages + 1);
  g_autofree guint *journey = g_new (guint, table->n_stages + 1);
  g_autofree CyclePoint *outer = g_new (CyclePoint, table->n_stages + 1);
  g_autofree CyclePoint *inner = g_new (CyclePoint, table->n_stages + 1);
  g_autofree double *outer_angles = g_new (double, table->n_stages + 1);
  g_autofree double *inner_angles = g_new (double, table->n_stages + 1);
  guint ni = lane_members (table, CYCLE_LANE_INTERNAL, internal);
  guint nj = lane_members (table, CYCLE_LANE_JOURNEY, journey);
  double r_inner = 0, r_outer = 0;

  /* The internal funnel closes into the outer ring, evenly from the top; the buyer's journey
   * turns inside it. */
  for (guint k = 0; k < ni; k++)
    outer_angles[k] = 2 * G_PI * k / ni;
  journey_angles (table, internal, ni, journey, nj, inner_angles);

  if (nj > 0)
    {
      r_inner = ring_radius (nj, inner_angles, 0, inner);
      ring_positions (nj, inner_angles, r_inner, inner);
    }
  if (ni > 0)
    {
      r_outer = ring_radius (ni, outer_angles,
                             nj > 0 ? r_inner + CYCLE_STAGE_HEIGHT + INNER_RING_GAP : 0, outer);
      for (guint iter = 0; iter < 1000; iter++)
        {
          gboolean clear = TRUE;

          ring_positions (ni, outer_angles, r_outer, outer);
          for (guint a = 0; a < ni && clear; a++)
            for (guint b = 0; b < nj && clear; b++)
              clear = boxes_clear (&outer[a], &inner[b], INNER_RING_GAP);
          if (clear)
            break;
          r_outer *= 1.04;
        }
    }

  for (guint k = 0; k < ni; k++)
    set_box (&out[internal[k]],
             outer[k].x - CYCLE_STAGE_WIDTH / 2, outer[k].y - CYCLE_STAGE_HEIGHT / 2);
  for (guint k = 0; k < nj; k++)
    set_box (&out[journey[k]],
             inner[k].x - CYCLE_STAGE_WIDTH / 2, inner[k].y - CYCLE_STAGE_HEIGHT / 2);
}

static gboolean
lane_union (StageTable               *table,
            const CycleStageGeometry *geometry,
            CycleLane                 lane,
            CycleRect                *out)
{
  gboolean any = FALSE;

  for (guint i = 0; i < table->n_stages; i++)
    {
      if (cycle_stage_get_lane (table->stages[i]) != lane)
        continue;
      if (any)
        cycle_rect_union (out, &geometry[i].bounds, out);
      else
        *out = geometry[i].bounds;
      any = TRUE;
    }
  return any;
}

static guint
lane_bands (StageTable               *table,
            CycleLayout               layout,
            const CycleStageGeometry *geometry,
            CycleLaneBand            *bands)
{
  static const CycleLane lanes[] = { CYCLE_LANE_INTERNAL, CYCLE_LANE_JOURNEY };
  guint n = 0;

  if (layout != CYCLE_LAYOUT_FUNNEL && layout != CYCLE_LAYOUT_TWO_LANES)
    return 0;

  for (guint l = 0; l < G_N_ELEMENTS (lanes); l++)
    {
      CycleRect r;

      if (!lane_union (table, geometry, lanes[l], &r))
        continue;
      rect_grow (&r, BAND_PADDING);
      bands[n].lane = lanes[l];
      bands[n].bounds = r;
      n++;
    }

  /* Bands side by side share their extent across, so the picture reads as lanes. */
  if (n == 2 && layout == CYCLE_LAYOUT_FUNNEL)
    {
      double top = MIN (bands[0].bounds.y, bands[1].bounds.y);
      double bottom = MAX (bands[0].bounds.y + bands[0].bounds.height,
                           bands[1].bounds.y + bands[1].bounds.height);

      for (guint i = 0; i < 2; i++)
        {
          bands[i].bounds.y = top;
          bands[i].bounds.height = bottom - top;
        }
    }
  else if (n == 2)
    {
      double left = MIN (bands[0].bounds.x, bands[1].bounds.x);
      double right = MAX (bands[0].bounds.x + bands[0].bounds.width,
                          bands[1].bounds.x + bands[1].bounds.width);

      for (guint i = 0; i < 2; i++)
        {
          bands[i].bounds.x = left;
          bands[i].bounds.width = right - left;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      CycleRect *b = &bands[i].bounds;

      if (layout == CYCLE_LAYOUT_FUNNEL)
        {
          /* The name above the lane's column. */
          b->y -= BAND_LABEL_HEIGHT;
          b->height += BAND_LABEL_HEIGHT;
          bands[i].label = (CycleRect) { b->x + 12, b->y + 8, b->width - 24,
                                         BAND_LABEL_HEIGHT - 8 };
        }
      else
        {
          /* The name left of the lane's row. */
          b->x -= BAND_HEADER_WIDTH;
          b->width += BAND_HEADER_WIDTH;
          bands[i].label = (CycleRect) { b->x + 16, b->y + 8, BAND_HEADER_WIDTH - 16,
                                         b->height - 16 };
        }
    }

  return n;
}

guint
cycle_layout_get_lane_bands (CyclePlan                *plan,
                             CycleLayout               layout,
                             const CycleStageGeometry *geometry,
                             CycleLaneBand            *bands)
{
  StageTable table;
  guint n;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), 0);
  g_return_val_if_fail (bands != NULL, 0);

  g_return_val_if_fail (geometry != NULL ||
                        g_list_model_get_n_items (cycle_plan_get_stages (plan)) == 0, 0);

  stage_table_init (&table, plan);
  n = lane_bands (&table, layout, geometry, bands);
  stage_table_clear (&table);
  return n;
}

/* Where the stages are, so that a link asks only the stages near it whether it runs over them:
 * a grid of cells over the stages' extent, about one cell a stage, each cell listing the stages
 * that overlap it. (Asking every stage made placing the links of a 5 000-stage plan grow with the
 * square of its size.) */
typedef struct
{
  double x, y;      /* the grid's top left */
  double cell;      /* a cell's side */
  guint  columns;
  guint  rows;
  guint *starts;    /* columns × rows + 1 offsets into @members, cell after cell, row by row */
  guint *members;   /* stage positions */
  guint *seen;      /* per stage: the last visit that met it */
  guint  n_stages;
  guint  visit;
} StageGrid;

static gboolean
rect_is_finite (const CycleRect *r)
{
  return isfinite (r->x) && isfinite (r->y) && isfinite (r->width) && isfinite (r->height);
}

/* The cells @r overlaps; FALSE when it misses the grid. */
static gboolean
stage_grid_cells (const StageGrid *grid,
                  const CycleRect *r,
                  guint           *c0,
                  guint           *r0,
                  guint           *c1,
                  guint           *r1)
{
  double left = floor ((r->x - grid->x) / grid->cell);
  double top = floor ((r->y - grid->y) / grid->cell);
  double right = floor ((r->x + r->width - grid->x) / grid->cell);
  double bottom = floor ((r->y + r->height - grid->y) / grid->cell);

  if (grid->columns == 0 || !rect_is_finite (r) || right < 0 || bottom < 0 ||
      left >= grid->columns || top >= grid->rows)
    return FALSE;

  *c0 = (guint) MAX (left, 0);
  *r0 = (guint) MAX (top, 0);
  *c1 = (guint) MIN (right, grid->columns - 1.0);
  *r1 = (guint) MIN (bottom, grid->rows - 1.0);
  return TRUE;
}

static void
stage_grid_init (StageGrid                *grid,
                 const CycleStageGeometry *geometry,
                 guint                     n_stages)
{
  CycleRect extent = { 0, 0, 0, 0 };
  double largest = 1;
  guint placed = 0, n_cells;

  memset (grid, 0, sizeof *grid);
  grid->seen = g_new0 (guint, MAX (n_stages, 1));
  grid->n_stages = n_stages;

  for (guint i = 0; i < n_stages; i++)
    {
      const CycleRect *b = &geometry[i].bounds;

      if (!rect_is_finite (b))
        continue;
      if (placed++ == 0)
        extent = *b;
      else
        cycle_rect_union (&extent, b, &extent);
      largest = MAX (largest, MAX (b->width, b->height));
    }
  if (placed == 0)
    return;

  /* About one cell a stage, and no smaller than the largest stage. */
  grid->cell = MAX (sqrt (extent.width * extent.height / placed), largest);
  grid->x = extent.x;
  grid->y = extent.y;
  grid->columns = (guint) floor (extent.width / grid->cell) + 1;
  grid->rows = (guint) floor (extent.height / grid->cell) + 1;
  n_cells = grid->columns * grid->rows;
  grid->starts = g_new0 (guint, n_cells + 1);

  /* Count each cell's stages, turn the counts into offsets, then fill. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n_stages; i++)
        {
          guint c0, r0, c1, r1;

          if (!rect_is_finite (&geometry[i].bounds) ||
              !stage_grid_cells (grid, &geometry[i].bounds, &c0, &r0, &c1, &r1))
            continue;
          for (guint row = r0; row <= r1; row++)
            for (guint column = c0; column <= c1; column++)
              {
                guint cell = row * grid->columns + column;

                if (pass == 0)
                  grid->starts[cell + 1]++;
                else
                  grid->members[grid->starts[cell]++] = i;
              }
        }

      if (pass == 0)
        {
          for (guint cell = 0; cell < n_cells; cell++)
            grid->starts[cell + 1] += grid->starts[cell];
          grid->members = g_new (guint, MAX (grid->starts[n_cells], 1));
        }
      else
        {
          /* Filling moved each start to the next cell's: move them back. */
          memmove (grid->starts + 1, grid->starts, n_cells * sizeof (guint));
          grid->starts[0] = 0;
        }
    }
}

static void
stage_grid_clear (StageGrid *grid)
{
  g_clear_pointer (&grid->starts, g_free);
  g_clear_pointer (&grid->members, g_free);
  g_clear_pointer (&grid->seen, g_free);
}

/* How badly a curve runs over stages other than its own two: samples of the curve (and its rate
 * label) that fall inside them. */
static guint
path_crossings (const CycleLinkPath      *path,
                const CycleStageGeometry *geometry,
                StageGrid                *grid,
                guint                     from,
                guint                     to)
{
  CyclePoint samples[36];
  CycleRect hull;
  guint n_samples = 0, crossings = 0;
  guint c0, r0, c1, r1;

  /* The control polygon holds the curve: a cheap first filter. */
  hull.x = MIN (MIN (path->start.x, path->end.x), MIN (path->control1.x, path->control2.x));
  hull.y = MIN (MIN (path->start.y, path->end.y), MIN (path->control1.y, path->control2.y));
  hull.width = MAX (MAX (path->start.x, path->end.x),
                    MAX (path->control1.x, path->control2.x)) - hull.x;
  hull.height = MAX (MAX (path->start.y, path->end.y),
                     MAX (path->control1.y, path->control2.y)) - hull.y;
  cycle_rect_union (&hull, &(CycleRect) { path->label.x - CYCLE_LINK_LABEL_WIDTH / 2,
                                          path->label.y - CYCLE_LINK_LABEL_HEIGHT / 2,
                                          CYCLE_LINK_LABEL_WIDTH, CYCLE_LINK_LABEL_HEIGHT },
                    &hull);

  if (!stage_grid_cells (grid, &hull, &c0, &r0, &c1, &r1))
    return 0;

  /* A stage over several cells is met once. */
  if (++grid->visit == 0)
    {
      memset (grid->seen, 0, sizeof (guint) * grid->n_stages);
      grid->visit = 1;
    }

  for (guint row = r0; row <= r1; row++)
    for (guint column = c0; column <= c1; column++)
      {
        guint cell = row * grid->columns + column;

        for (guint m = grid->starts[cell]; m < grid->starts[cell + 1]; m++)
          {
            guint i = grid->members[m];

            if (grid->seen[i] == grid->visit)
              continue;
            grid->seen[i] = grid->visit;
            if (i == from || i == to || !rects_intersect (&hull, &geometry[i].bounds))
              continue;
            if (n_samples == 0)
              {
                const double hw = CYCLE_LINK_LABEL_WIDTH / 2, hh = CYCLE_LINK_LABEL_HEIGHT / 2;

                for (guint k = 0; k < 31; k++)
                  cycle_link_path_eval (path, (k + 1.0) / 32, &samples[k]);
                /* The rate label: its centre and its corners. */
                samples[31] = path->label;
                samples[32] = (CyclePoint) { path->label.x - hw, path->label.y - hh };
                samples[33] = (CyclePoint) { path->label.x + hw, path->label.y - hh };
                samples[34] = (CyclePoint) { path->label.x - hw, path->label.y + hh };
                samples[35] = (CyclePoint) { path->label.x + hw, path->label.y + hh };
                n_samples = G_N_ELEMENTS (samples);
              }
            for (guint k = 0; k < n_samples; k++)
              if (cycle_stage_geometry_contains (&geometry[i], samples[k].x, samples[k].y))
                crossings++;
          }
      }
  return crossings;
}

static void
compute_links (StageTable               *table,
               CycleLayout               layout,
               const CycleStageGeometry *geometry,
               CycleLinkPath            *out)
{
  GListModel *links = cycle_plan_get_links (table->plan);
  guint n_links = g_list_model_get_n_items (links);
  StageGrid grid;

  stage_grid_init (&grid, geometry, table->n_stages);
  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links, i);
      int from = stage_table_lookup (table, cycle_link_get_source (link));
      int to = stage_table_lookup (table, cycle_link_get_target (link));
      CycleLinkKind kind = cycle_link_get_kind (link);
      guint best = G_MAXUINT;
      gboolean far_side;

      if (from < 0 || to < 0)
        {
          /* Not drawable: an end is missing from the plan. */
          CyclePoint nowhere = { NAN, NAN };

          set_path (&out[i], &nowhere, &nowhere, &nowhere, &nowhere);
          out[i].label = nowhere;
          out[i].kind = kind;
          continue;
        }

      far_side = cycle_stage_get_lane (table->stages[from]) == CYCLE_LANE_JOURNEY &&
                 cycle_stage_get_lane (table->stages[to]) == CYCLE_LANE_JOURNEY &&
                 layout != CYCLE_LAYOUT_FREE;

      /* The first way that crosses no other stage, or else the one that crosses least. */
      for (guint v = 0; v < LINK_VARIANTS && best > 0; v++)
        {
          CycleLinkPath candidate;
          guint crossings;

          link_path_internal (&geometry[from], &geometry[to], kind, layout, v, far_side,
                              &candidate);
          crossings = path_crossings (&candidate, geometry, &grid, from, to);
          if (crossings < best)
            {
              best = crossings;
              out[i] = candidate;
            }
        }
    }
  stage_grid_clear (&grid);
}

void
cycle_layout_compute_links (CyclePlan                *plan,
                            CycleLayout               layout,
                            const CycleStageGeometry *geometry,
                            CycleLinkPath            *out)
{
  StageTable table;

  g_return_if_fail (CYCLE_IS_PLAN (plan));
  g_return_if_fail (out != NULL || g_list_model_get_n_items (cycle_plan_get_links (plan)) == 0);

  stage_table_init (&table, plan);
  compute_links (&table, layout, geometry, out);
  stage_table_clear (&table);
}

void
cycle_layout_compute (CyclePlan          *plan,
                      CycleLayout         layout,
                      const double       *volumes,
                      CycleStageGeometry *out,
                      CycleRect          *extent)
{
  StageTable table;
  g_autofree CycleLinkPath *paths = NULL;
  CycleLaneBand bands[2];
  guint n_links, n_bands;
  CycleRect ext = { 0, 0, 0, 0 };
  gboolean any = FALSE;

  g_return_if_fail (CYCLE_IS_PLAN (plan));
  g_return_if_fail (out != NULL ||
                    g_list_model_get_n_items (cycle_plan_get_stages (plan)) == 0);

  stage_table_init (&table, plan);

  switch (layout)
    {
    case CYCLE_LAYOUT_FUNNEL:
      layout_funnel (&table, volumes, out);
      break;
    case CYCLE_LAYOUT_CYCLE:
      layout_cycle (&table, out);
      break;
    case CYCLE_LAYOUT_TWO_LANES:
      layout_two_lanes (&table, out);
      break;
    case CYCLE_LAYOUT_FREE:
    default:
      layout_free (&table, out);
      break;
    }

  /* The extent: stages, links and lane bands, and a margin round them. */
  for (guint i = 0; i < table.n_stages; i++)
    {
      if (any)
        cycle_rect_union (&ext, &out[i].bounds, &ext);
      else
        ext = out[i].bounds;
      any = TRUE;
    }

  n_links = g_list_model_get_n_items (cycle_plan_get_links (plan));
  paths = g_new0 (CycleLinkPath, MAX (n_links, 1));
  compute_links (&table, layout, out, paths);
  for (guint i = 0; i < n_links; i++)
    {
      CycleRect b;

      if (isnan (paths[i].start.x))
        continue;
      cycle_link_path_get_bounds (&paths[i], &b);
      cycle_rect_union (&ext, &b, &ext);
    }

  n_bands = lane_bands (&table, layout, out, bands);
  for (guint i = 0; i < n_bands; i++)
    cycle_rect_union (&ext, &bands[i].bounds, &ext);

  rect_grow (&ext, CYCLE_LAYOUT_MARGIN);

  /* Whole units: an exported picture has no half pixel at its edges. */
  {
    double right = ceil (ext.x + ext.width);
    double bottom = ceil (ext.y + ext.height);

    ext.x = floor (ext.x);
    ext.y = floor (ext.y);
    ext.width = right - ext.x;
    ext.height = bottom - ext.y;
  }

  /* Computed layouts start at 0,0; the free one keeps the stages where the person put them. */
  if (layout != CYCLE_LAYOUT_FREE)
    {
      for (guint i = 0; i < table.n_stages; i++)
        {
          out[i].bounds.x -= ext.x;
          out[i].bounds.y -= ext.y;
        }
      ext.x = 0;
      ext.y = 0;
    }

  if (extent != NULL)
    *extent = ext;

  stage_table_clear (&table);
}
