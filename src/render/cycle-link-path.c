/* cycle-link-path.c: the shapes of stages and the paths of links — rectangles, borders and
 * sides of the shapes, the curves between them and their hit testing
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cycle-layout-private.h"

/* Links. */
#define DEG                (G_PI / 180.0)
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

void
_cycle_layout_rect_grow (CycleRect *rect,
                         double     amount)
{
  rect->x -= amount;
  rect->y -= amount;
  rect->width += 2 * amount;
  rect->height += 2 * amount;
}

gboolean
_cycle_layout_rects_intersect (const CycleRect *a,
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

void
_cycle_layout_set_path (CycleLinkPath    *out,
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
  _cycle_layout_set_path (out, &s, &c1, &c2, &e);
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
  _cycle_layout_set_path (out, &s, &c1, &c2, &e);
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
      _cycle_layout_set_path (out, &s, &s, &e, &e);
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
  _cycle_layout_set_path (out, &s, &c1, &c2, &e);
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
  _cycle_layout_set_path (out, &s, &c1, &c2, &e);
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
  _cycle_layout_set_path (out, &s, &c1, &c2, &e);
}

/* The ways to draw a link, from the plainest (@variant 0) to detours (1, 2) for when the plain
 * way crosses another stage. On a ring: arcs bulging further and further out. Elsewhere: the
 * direct way (straight, or an S between facing sides), then round the lane's outer side, then
 * round the other side. Loops and links going back along a row or a column always go round.
 * @far_side: the outer side is the right or the bottom (the buyer's journey), not the left or
 * the top. */
void
_cycle_layout_link_path_internal (const CycleStageGeometry *from,
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

  _cycle_layout_link_path_internal (from, to, kind, layout, 0, FALSE, out);
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
