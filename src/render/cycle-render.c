/* cycle-render.c: drawing a plan with cairo and pango
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cycle-draw-private.h"
#include "cycle-render-private.h"
#include "cycle-format.h"
#include "cycle-projection.h"
#include "cycle-render.h"

#define DEFAULT_FONT_FAMILY "Cantarell, Sans"

/* Text sizes, in canvas units (absolute sizes: a picture looks the same at any DPI). */
#define NAME_SIZE         14.0
#define DETAIL_SIZE       12.0
/* How much smaller than DETAIL_SIZE a stage's last line may be set to fit its box. */
#define MIN_FIT_SCALE     0.75
#define RATE_SIZE         11.0
#define LANE_LABEL_SIZE   13.0

#define BOX_PADDING       14.0
#define TRAPEZOID_PADDING 18.0
#define TRAPEZOID_RADIUS   6.0
#define RING_OFFSET        4.0   /* selection ring: distance from the shape */
#define RING_WIDTH         2.5
#define BORDER_WIDTH       1.5
#define BAND_RADIUS       16.0
/* The legend under a picture: its title and the projection's settings. */
#define LEGEND_HEIGHT     40.0
#define LEGEND_MIN_WIDTH 480.0

/* Colours */

static void
color_from_hex (CycleColor *c,
                guint32     rgb)
{
  c->red = ((rgb >> 16) & 0xff) / 255.0;
  c->green = ((rgb >> 8) & 0xff) / 255.0;
  c->blue = (rgb & 0xff) / 255.0;
  c->alpha = 1.0;
}

/* "#rrggbb" or "#rgb"; anything else is refused. */
static gboolean
color_parse (const char *spec,
             CycleColor *c)
{
  guint32 value = 0;
  gsize len;

  if (spec == NULL || spec[0] != '#')
    return FALSE;
  len = strlen (spec + 1);
  if (len != 6 && len != 3)
    return FALSE;
  for (gsize i = 1; i <= len; i++)
    {
      int digit = g_ascii_xdigit_value (spec[i]);

      if (digit < 0)
        return FALSE;
      value = (value << 4) | (guint32) digit;
      if (len == 3)
        value = (value << 4) | (guint32) digit;
    }
  color_from_hex (c, value);
  return TRUE;
}

/* @a, moved towards @b by @f (0 … 1); opaque when both are. */
static CycleColor
color_mix (const CycleColor *a,
           const CycleColor *b,
           double            f)
{
  CycleColor c;

  c.red = a->red + (b->red - a->red) * f;
  c.green = a->green + (b->green - a->green) * f;
  c.blue = a->blue + (b->blue - a->blue) * f;
  c.alpha = a->alpha + (b->alpha - a->alpha) * f;
  return c;
}

void
cycle_render_style_init (CycleRenderStyle *style,
                         gboolean          dark)
{
  g_return_if_fail (style != NULL);

  /* libadwaita's window and card colours, and the GNOME palette. */
  if (dark)
    {
      color_from_hex (&style->background, 0x242424);
      color_from_hex (&style->card, 0x303030);
      color_from_hex (&style->text, 0xffffff);
      color_from_hex (&style->secondary_text, 0xb0b0b0);
      color_from_hex (&style->border, 0x505050);
      color_from_hex (&style->selection, 0x78aeed);
      color_from_hex (&style->link, 0x9a9996);
      color_from_hex (&style->loop_link, 0xffa348);
      color_from_hex (&style->mapping_link, 0xc061cb);
    }
  else
    {
      color_from_hex (&style->background, 0xfafafa);
      color_from_hex (&style->card, 0xffffff);
      color_from_hex (&style->text, 0x2e2e2e);
      color_from_hex (&style->secondary_text, 0x6e6e6e);
      color_from_hex (&style->border, 0xd6d6d6);
      color_from_hex (&style->selection, 0x3584e4);
      color_from_hex (&style->link, 0x77767b);
      color_from_hex (&style->loop_link, 0xe66100);
      color_from_hex (&style->mapping_link, 0x9141ac);
    }
  color_from_hex (&style->lane_internal, 0x3584e4);
  color_from_hex (&style->lane_journey, 0x9141ac);
  style->font_family = DEFAULT_FONT_FAMILY;
  style->scale = 1.0;
  style->dark = dark;
}

static const CycleColor *
lane_color (const CycleRenderStyle *style,
            CycleLane               lane)
{
  return lane == CYCLE_LANE_JOURNEY ? &style->lane_journey : &style->lane_internal;
}

static const CycleColor black = { 0, 0, 0, 1 };
static const CycleColor white = { 1, 1, 1, 1 };

/* The tint of a fill and the strength of a border, both readable on light and dark. */
static CycleColor
tint (const CycleRenderStyle *style,
      const CycleColor       *accent,
      double                  extra)
{
  return color_mix (&style->card, accent, (style->dark ? 0.30 : 0.15) + extra);
}

static CycleColor
strong (const CycleRenderStyle *style,
        const CycleColor       *accent)
{
  return style->dark ? color_mix (accent, &white, 0.15) : color_mix (accent, &black, 0.10);
}

void
cycle_render_style_get_stage_colors (const CycleRenderStyle *style,
                                     CycleStage             *stage,
                                     CycleColor             *accent,
                                     CycleColor             *fill,
                                     CycleColor             *border)
{
  CycleColor a;

  g_return_if_fail (style != NULL);
  g_return_if_fail (CYCLE_IS_STAGE (stage));

  if (!color_parse (cycle_stage_get_color (stage), &a))
    a = *lane_color (style, cycle_stage_get_lane (stage));

  if (accent != NULL)
    *accent = a;
  if (fill != NULL)
    *fill = tint (style, &a, 0);
  if (border != NULL)
    *border = strong (style, &a);
}

/* Text */

/* A shaped line of text (cut with "…" to @width), at @size times the style's scale. */
static PangoLayout *
text_layout (CycleDraw              *draw,
             const CycleRenderStyle *style,
             const char             *text,
             double                  size,
             PangoWeight             weight,
             double                  width,
             PangoAlignment          alignment,
             CycleDrawTextMode       mode,
             double                  height)
{
  return _cycle_draw_text_layout (draw, style->font_family ? style->font_family
                                                           : DEFAULT_FONT_FAMILY,
                                  text, size * style->scale, weight, width, height, alignment,
                                  mode);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

/* The size at which @text, at DETAIL_SIZE @natural wide, fits @width: DETAIL_SIZE when it
 * does, else smaller in proportion, down to MIN_FIT_SCALE of it (then it is cut with "…"). */
static double
fit_size (double natural,
          double width)
{
  if (natural <= width || natural <= 0)
    return DETAIL_SIZE;
  /* A little under the proportion: hinting does not shrink widths quite linearly. */
  return DETAIL_SIZE * MAX (width / natural * 0.97, MIN_FIT_SCALE);
}

/* Shapes */

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A convex polygon, clockwise on screen, with corners rounded to @radius, then grown by @grow
 * on every side: the corners stay arcs round the same centres, so the grown outline is exactly
 * @grow away from the shape everywhere (a ring never pokes out at a sharp corner). */
static void
rounded_polygon (cairo_t          *cr,
                 const CyclePoint *p,
                 guint             n,
                 double            radius,
                 double            grow)
{
  cairo_new_sub_path (cr);
  for (guint i = 0; i < n; i++)
    {
      const CyclePoint *prev = &p[(i + n - 1) % n];
      const CyclePoint *cur = &p[i];
      const CyclePoint *next = &p[(i + 1) % n];
      double l1 = hypot (cur->x - prev->x, cur->y - prev->y);
      double l2 = hypot (next->x - cur->x, next->y - cur->y);
      double n1x, n1y, n2x, n2y, cos_turn, tan_half, r, k, a1, a2;

      if (l1 < 1e-9 || l2 < 1e-9)
        continue;
      /* Outward normals of the sides before and after the corner. */
      n1x = (cur->y - prev->y) / l1;
      n1y = -(cur->x - prev->x) / l1;
      n2x = (next->y - cur->y) / l2;
      n2y = -(next->x - cur->x) / l2;
      cos_turn = CLAMP (n1x * n2x + n1y * n2y, -0.999, 1.0);
      /* The arc touches each side this far from the corner: keep it within half a side. */
      tan_half = sqrt ((1 - cos_turn) / (1 + cos_turn));
      r = tan_half > 1e-9 ? MIN (radius, MIN (l1, l2) / 2 / tan_half) : radius;
      k = r / (1 + cos_turn);
      a1 = atan2 (n1y, n1x);
      a2 = atan2 (n2y, n2x);
      if (a2 < a1)
        a2 += 2 * G_PI;
      cairo_arc (cr, cur->x - (n1x + n2x) * k, cur->y - (n1y + n2y) * k, r + grow, a1, a2);
    }
  cairo_close_path (cr);
}

/* The stage's outline, grown by @grow on every side. */
static void
stage_path (cairo_t                  *cr,
            const CycleStageGeometry *g,
            double                    grow)
{
  const CycleRect *b = &g->bounds;

  if (g->shape == CYCLE_STAGE_SHAPE_TRAPEZOID)
    {
      double cx = b->x + b->width / 2;
      CyclePoint p[4] = {
        { cx - g->top_width / 2, b->y },
        { cx + g->top_width / 2, b->y },
        { cx + g->bottom_width / 2, b->y + b->height },
        { cx - g->bottom_width / 2, b->y + b->height },
      };

      rounded_polygon (cr, p, 4, TRAPEZOID_RADIUS, grow);
    }
  else
    {
      rounded_rect (cr, b->x - grow, b->y - grow, b->width + 2 * grow, b->height + 2 * grow,
                    CYCLE_STAGE_CORNER_RADIUS + grow);
    }
}

static void
draw_stage (CycleDraw                *draw,
            CycleStage               *stage,
            const CycleStageGeometry *g,
            const CycleRenderStyle   *style,
            CycleRenderFlags          flags,
            double                    projected_volume)
{
  cairo_t *cr = draw->cr;
  PangoLayout *layout, *detail;
  g_autofree char *count = NULL;
  g_autofree char *volume = NULL;
  const char *permission;
  CycleColor accent, fill, border;
  gboolean trapezoid;
  double text_x, text_w, name_h, detail_h, y;
  PangoAlignment align;
  guint n_content, n_lines;

  cairo_save (cr);
  cairo_new_path (cr);

  cycle_render_style_get_stage_colors (style, stage, &accent, &fill, &border);
  if (flags & CYCLE_RENDER_FLAG_HOVER)
    fill = tint (style, &accent, 0.07);
  if (flags & CYCLE_RENDER_FLAG_DROP_TARGET)
    {
      /* Under the dashes, a soft border of the same blue rather than the stage's colour. */
      fill = tint (style, &style->selection, 0.08);
      border = color_mix (&fill, &style->selection, 0.35);
    }

  /* A soft shadow along the bottom edge, like libadwaita's cards. A plain rectangle: cairo
   * draws those far faster than a second copy of the outline. */
  {
    double bw = g->shape == CYCLE_STAGE_SHAPE_TRAPEZOID ? g->bottom_width : g->bounds.width;
    double inset = g->shape == CYCLE_STAGE_SHAPE_TRAPEZOID ? TRAPEZOID_RADIUS
                                                           : CYCLE_STAGE_CORNER_RADIUS * 0.7;

    cairo_rectangle (cr, g->bounds.x + (g->bounds.width - bw) / 2 + inset,
                     g->bounds.y + g->bounds.height, bw - 2 * inset, 1.5);
    _cycle_draw_fill (draw, &black, style->dark ? 0.35 : 0.08, FALSE);
  }

  /* The border is the outline filled in its colour under the outline moved in by its width
   * filled with the tint: cairo fills several times faster than it strokes. */
  stage_path (cr, g, 0);
  _cycle_draw_fill (draw, &border, 1.0, FALSE);
  stage_path (cr, g, -BORDER_WIDTH);
  _cycle_draw_fill (draw, &fill, 1.0, FALSE);

  if (flags & CYCLE_RENDER_FLAG_DROP_TARGET)
    {
      static const double dash[] = { 6, 4 };

      stage_path (cr, g, -1);
      _cycle_draw_stroke (draw, &style->selection, 1.0, 2, dash, G_N_ELEMENTS (dash),
                          CAIRO_LINE_CAP_BUTT, CAIRO_LINE_JOIN_MITER);
    }

  if (flags & (CYCLE_RENDER_FLAG_SELECTED | CYCLE_RENDER_FLAG_FOCUSED))
    {
      /* A ring apart from the shape, filled between two outlines. */
      stage_path (cr, g, RING_OFFSET + RING_WIDTH);
      stage_path (cr, g, RING_OFFSET);
      _cycle_draw_fill (draw, &style->selection,
                        (flags & CYCLE_RENDER_FLAG_SELECTED) ? 1.0 : 0.5, TRUE);
    }

  /* Three lines of text: the name; the permission earned; the content and the volume. */
  trapezoid = g->shape == CYCLE_STAGE_SHAPE_TRAPEZOID;
  if (trapezoid)
    {
      text_w = MIN (g->top_width, g->bottom_width) - 2 * TRAPEZOID_PADDING;
      align = PANGO_ALIGN_CENTER;
    }
  else
    {
      text_w = g->bounds.width - 2 * BOX_PADDING;
      align = PANGO_ALIGN_LEFT;
    }
  text_w = MAX (text_w, 8);
  text_x = g->bounds.x + (g->bounds.width - text_w) / 2;

  n_content = cycle_stage_get_n_content (stage);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n_content),
                           n_content);
  if (!isnan (projected_volume) && projected_volume >= 0)
    volume = cycle_format_people (projected_volume);
  permission = cycle_enum_get_label (CYCLE_TYPE_PERMISSION, cycle_stage_get_permission (stage));

  /* The name and the permission are measured before either is drawn, to centre the block. */
  layout = text_layout (draw, style, cycle_stage_get_name (stage), NAME_SIZE, PANGO_WEIGHT_BOLD,
                        text_w, align, CYCLE_DRAW_TEXT_ELLIPSIZE, 0);
  name_h = layout_height (layout);
  detail = text_layout (draw, style, permission, DETAIL_SIZE, PANGO_WEIGHT_NORMAL, text_w, align,
                        CYCLE_DRAW_TEXT_ELLIPSIZE, 0);
  detail_h = layout_height (detail);

  /* Large text may not leave room for all three lines: the last ones give way first. */
  n_lines = 3;
  while (n_lines > 1 && name_h + 2 + (n_lines - 1) * detail_h > g->bounds.height - 8)
    n_lines--;

  y = g->bounds.y + (g->bounds.height - (name_h + (n_lines > 1 ? 2 : 0) +
                                         (n_lines - 1) * detail_h)) / 2;
  _cycle_draw_text (draw, layout, &style->text, text_x, y);
  y += name_h + 2;
  if (n_lines > 1)
    _cycle_draw_text (draw, detail, &style->secondary_text, text_x, y);
  y += detail_h;

  if (n_lines < 3)
    {
      /* Nothing more fits. */
    }
  else if (volume == NULL || trapezoid)
    {
      g_autofree char *line = NULL;
      double size;

      /* Translators: separates the content count from the projected volume in a stage */
      line = volume ? g_strdup_printf (_("%s · %s"), count, volume) : g_strdup (count);
      /* A line too long for the shape is set smaller before it is cut. */
      size = fit_size (layout_width (text_layout (draw, style, line, DETAIL_SIZE,
                                                  PANGO_WEIGHT_NORMAL, 0, align,
                                                  CYCLE_DRAW_TEXT_NATURAL, 0)),
                       text_w);
      layout = text_layout (draw, style, line, size, PANGO_WEIGHT_NORMAL, text_w, align,
                            CYCLE_DRAW_TEXT_ELLIPSIZE, 0);
      _cycle_draw_text (draw, layout, &style->secondary_text, text_x,
                        y + (detail_h - layout_height (layout)) / 2);
    }
  else
    {
      double count_w, volume_w;

      /* Measured before either is drawn (a layout lives only until the next ones are made). */
      count_w = layout_width (text_layout (draw, style, count, DETAIL_SIZE, PANGO_WEIGHT_NORMAL,
                                           0, align, CYCLE_DRAW_TEXT_NATURAL, 0));
      volume_w = layout_width (text_layout (draw, style, volume, DETAIL_SIZE, PANGO_WEIGHT_BOLD,
                                            0, align, CYCLE_DRAW_TEXT_NATURAL, 0));

      if (count_w <= text_w / 2 - 4 && count_w + 8 + volume_w <= text_w)
        {
          /* In a box, the count on the left and the volume on the right, each with room. */
          layout = text_layout (draw, style, count, DETAIL_SIZE, PANGO_WEIGHT_NORMAL,
                                text_w / 2 - 4, align, CYCLE_DRAW_TEXT_ELLIPSIZE, 0);
          count_w = layout_width (layout);
          _cycle_draw_text (draw, layout, &style->secondary_text, text_x, y);

          layout = text_layout (draw, style, volume, DETAIL_SIZE, PANGO_WEIGHT_BOLD,
                                text_w - count_w - 8, PANGO_ALIGN_RIGHT,
                                CYCLE_DRAW_TEXT_ELLIPSIZE, 0);
          _cycle_draw_text (draw, layout, &style->text, text_x + count_w + 8, y);
        }
      else
        {
          /* Both do not fit (« 4 éléments  ≈ 1 156 personnes »): the line is set smaller, and
           * then the count gives way to the volume, which is the line's point. */
          double size = fit_size (count_w + 8 + volume_w, text_w);
          double scale = size / DETAIL_SIZE;

          volume_w = MIN (volume_w * scale, text_w);
          if (text_w - volume_w - 8 >= 12)
            {
              layout = text_layout (draw, style, count, size, PANGO_WEIGHT_NORMAL,
                                    text_w - volume_w - 8, align, CYCLE_DRAW_TEXT_ELLIPSIZE, 0);
              _cycle_draw_text (draw, layout, &style->secondary_text, text_x,
                                y + (detail_h - layout_height (layout)) / 2);
            }

          layout = text_layout (draw, style, volume, size, PANGO_WEIGHT_BOLD, text_w,
                                PANGO_ALIGN_RIGHT, CYCLE_DRAW_TEXT_ELLIPSIZE, 0);
          _cycle_draw_text (draw, layout, &style->text, text_x,
                            y + (detail_h - layout_height (layout)) / 2);
        }
    }

  cairo_restore (cr);
}

void
cycle_render_stage (cairo_t                  *cr,
                    CycleStage               *stage,
                    const CycleStageGeometry *g,
                    const CycleRenderStyle   *style,
                    CycleRenderFlags          flags,
                    double                    projected_volume)
{
  CycleDraw draw;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CYCLE_IS_STAGE (stage));
  g_return_if_fail (g != NULL);
  g_return_if_fail (style != NULL);

  _cycle_draw_init_cairo (&draw, cr);
  draw_stage (&draw, stage, g, style, flags, projected_volume);
  _cycle_draw_clear (&draw);
}

/* Links */

/* The part of the curve from its start to @t (de Casteljau). */
static void
split_curve (const CycleLinkPath *path,
             double               t,
             CyclePoint          *q)
{
  CyclePoint p01, p12, p23, p012, p123;

#define LERP(a, b) ((CyclePoint) { (a).x + ((b).x - (a).x) * t, (a).y + ((b).y - (a).y) * t })
  p01 = LERP (path->start, path->control1);
  p12 = LERP (path->control1, path->control2);
  p23 = LERP (path->control2, path->end);
  p012 = LERP (p01, p12);
  p123 = LERP (p12, p23);
  q[0] = path->start;
  q[1] = p01;
  q[2] = p012;
  q[3] = LERP (p012, p123);
#undef LERP
}

static void
draw_rate_pill (CycleDraw              *draw,
                const CycleLinkPath    *path,
                const CycleRenderStyle *style,
                const CycleColor       *line_color,
                gboolean                emphasis,
                const char             *text)
{
  PangoLayout *layout;
  cairo_t *cr = draw->cr;
  double w = CYCLE_LINK_LABEL_WIDTH, h = CYCLE_LINK_LABEL_HEIGHT;
  double x = path->label.x - w / 2, y = path->label.y - h / 2;
  double size = RATE_SIZE, text_w, text_h;

  rounded_rect (cr, x, y, w, h, h / 2);
  if (emphasis)
    _cycle_draw_fill (draw, line_color, 1.0, FALSE);
  else
    _cycle_draw_fill_stroke (draw, &style->background, line_color, 0.6, 1,
                             CAIRO_LINE_JOIN_MITER);

  /* Shrink rather than cut a long rate ("12.5 %" in large text). */
  layout = text_layout (draw, style, text, size, PANGO_WEIGHT_BOLD, w - 8, PANGO_ALIGN_CENTER,
                        CYCLE_DRAW_TEXT_NATURAL, 0);
  text_w = layout_width (layout);
  if (text_w > w - 8)
    {
      size *= (w - 8) / text_w;
      layout = text_layout (draw, style, text, size, PANGO_WEIGHT_BOLD, w - 8,
                            PANGO_ALIGN_CENTER, CYCLE_DRAW_TEXT_NATURAL, 0);
      text_w = layout_width (layout);
    }
  text_h = layout_height (layout);
  _cycle_draw_text (draw, layout,
               emphasis ? (style->dark ? &black : &white) : &style->secondary_text,
               path->label.x - text_w / 2, path->label.y - text_h / 2);
}

static void
draw_link (CycleDraw              *draw,
           CycleLink              *link,
           const CycleLinkPath    *path,
           const CycleRenderStyle *style,
           CycleRenderFlags        flags)
{
  static const double dash[] = { 6, 4 };
  cairo_t *cr = draw->cr;
  CycleLinkKind kind;
  const CycleColor *color;
  double width, arrow_len, arrow_half, ex, ey, len, t_cut;
  g_autofree char *rate_text = NULL;
  CyclePoint q[4];

  if (isnan (path->start.x) || isnan (path->end.x))
    return;

  kind = cycle_link_get_kind (link);
  switch (kind)
    {
    case CYCLE_LINK_LOOP:
      color = &style->loop_link;
      width = 2.5;
      arrow_len = 12;
      arrow_half = 5.5;
      break;
    case CYCLE_LINK_MAPPING:
      color = &style->mapping_link;
      width = 1.5;
      arrow_len = 9;
      arrow_half = 4;
      break;
    case CYCLE_LINK_NEXT:
    default:
      color = &style->link;
      width = 1.5;
      arrow_len = 10;
      arrow_half = 4.5;
      break;
    }
  if (flags & CYCLE_RENDER_FLAG_SELECTED)
    {
      color = &style->selection;
      width += 1;
    }
  else if (flags & CYCLE_RENDER_FLAG_HOVER)
    width += 0.75;

  cairo_save (cr);
  cairo_new_path (cr);

  /* The arrow points along the curve's last tangent. */
  ex = path->end.x - path->control2.x;
  ey = path->end.y - path->control2.y;
  if (hypot (ex, ey) < 1e-6)
    {
      ex = path->end.x - path->start.x;
      ey = path->end.y - path->start.y;
    }
  len = hypot (ex, ey);
  if (len < 1e-6)
    {
      ex = 0;
      ey = 1;
      len = 1;
    }
  ex /= len;
  ey /= len;

  /* Stroke only up to the arrowhead's base, so the line's end does not blunt its tip. */
  t_cut = 1;
  for (guint i = 1; i <= 64; i++)
    {
      CyclePoint p;
      double t = 1 - i / 64.0;

      cycle_link_path_eval (path, t, &p);
      if (hypot (p.x - path->end.x, p.y - path->end.y) >= arrow_len * 0.6)
        {
          t_cut = t;
          break;
        }
      t_cut = t;
    }
  split_curve (path, t_cut, q);

  if (kind == CYCLE_LINK_LOOP)
    {
      /* The referral closes the cycle: a warm halo under a stronger line. */
      cairo_move_to (cr, q[0].x, q[0].y);
      cairo_curve_to (cr, q[1].x, q[1].y, q[2].x, q[2].y, q[3].x, q[3].y);
      _cycle_draw_stroke (draw, color, 0.18, width + 6, NULL, 0, CAIRO_LINE_CAP_ROUND,
                          CAIRO_LINE_JOIN_MITER);
    }

  cairo_move_to (cr, q[0].x, q[0].y);
  cairo_curve_to (cr, q[1].x, q[1].y, q[2].x, q[2].y, q[3].x, q[3].y);
  if (kind == CYCLE_LINK_MAPPING)
    _cycle_draw_stroke (draw, color, 1.0, width, dash, G_N_ELEMENTS (dash), CAIRO_LINE_CAP_BUTT,
                        CAIRO_LINE_JOIN_MITER);
  else
    _cycle_draw_stroke (draw, color, 1.0, width, NULL, 0, CAIRO_LINE_CAP_ROUND,
                        CAIRO_LINE_JOIN_MITER);

  /* The arrowhead, slightly swept back. */
  cairo_move_to (cr, path->end.x, path->end.y);
  cairo_line_to (cr, path->end.x - ex * arrow_len - ey * arrow_half,
                 path->end.y - ey * arrow_len + ex * arrow_half);
  cairo_line_to (cr, path->end.x - ex * arrow_len * 0.75, path->end.y - ey * arrow_len * 0.75);
  cairo_line_to (cr, path->end.x - ex * arrow_len + ey * arrow_half,
                 path->end.y - ey * arrow_len - ex * arrow_half);
  cairo_close_path (cr);
  _cycle_draw_fill_stroke (draw, color, color, 1.0, 1, CAIRO_LINE_JOIN_ROUND);

  rate_text = cycle_link_format_rate (link);
  if (rate_text != NULL)
    draw_rate_pill (draw, path, style, color, kind == CYCLE_LINK_LOOP, rate_text);

  cairo_restore (cr);
}

void
cycle_render_link (cairo_t                *cr,
                   CycleLink              *link,
                   const CycleLinkPath    *path,
                   const CycleRenderStyle *style,
                   CycleRenderFlags        flags)
{
  CycleDraw draw;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CYCLE_IS_LINK (link));
  g_return_if_fail (path != NULL);
  g_return_if_fail (style != NULL);

  _cycle_draw_init_cairo (&draw, cr);
  draw_link (&draw, link, path, style, flags);
  _cycle_draw_clear (&draw);
}

/* The whole plan */

static void
draw_lane_bands (CycleDraw              *draw,
                 CycleLayout             layout,
                 const CycleLaneBand    *bands,
                 guint                   n,
                 const CycleRenderStyle *style)
{
  cairo_t *cr = draw->cr;

  if (n == 0)
    return;

  cairo_save (cr);
  cairo_new_path (cr);

  for (guint i = 0; i < n; i++)
    {
      const CycleRect *b = &bands[i].bounds;
      const CycleRect *l = &bands[i].label;
      const CycleColor *lane = lane_color (style, bands[i].lane);
      CycleColor fill = color_mix (&style->background, lane, style->dark ? 0.08 : 0.05);
      CycleColor edge = color_mix (&style->background, lane, style->dark ? 0.25 : 0.18);
      CycleColor ink = style->dark ? color_mix (lane, &white, 0.45)
                                   : color_mix (lane, &black, 0.25);
      PangoLayout *text;
      double th;

      rounded_rect (cr, b->x + 0.5, b->y + 0.5, b->width - 1, b->height - 1, BAND_RADIUS);
      _cycle_draw_fill_stroke (draw, &fill, &edge, 1.0, 1, CAIRO_LINE_JOIN_MITER);

      /* In two lanes, the row's header may take two lines: "Buyer's / journey". */
      text = text_layout (draw, style, cycle_enum_get_label (CYCLE_TYPE_LANE, bands[i].lane),
                          LANE_LABEL_SIZE, PANGO_WEIGHT_BOLD, l->width,
                          layout == CYCLE_LAYOUT_FUNNEL ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT,
                          layout == CYCLE_LAYOUT_TWO_LANES ? CYCLE_DRAW_TEXT_WRAP
                                                           : CYCLE_DRAW_TEXT_ELLIPSIZE,
                          l->height);
      th = layout_height (text);
      _cycle_draw_text (draw, text, &ink, l->x, l->y + (l->height - th) / 2);
    }

  cairo_restore (cr);
}

void
cycle_render_lane_bands (cairo_t                  *cr,
                         CyclePlan                *plan,
                         CycleLayout               layout,
                         const CycleStageGeometry *geometry,
                         const CycleRenderStyle   *style)
{
  CycleLaneBand bands[2];
  CycleDraw draw;
  guint n;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CYCLE_IS_PLAN (plan));
  g_return_if_fail (style != NULL);

  n = cycle_layout_get_lane_bands (plan, layout, geometry, bands);
  if (n == 0)
    return;

  _cycle_draw_init_cairo (&draw, cr);
  draw_lane_bands (&draw, layout, bands, n, style);
  _cycle_draw_clear (&draw);
}

/* The picture: a plan laid out once */

struct _CycleRenderPicture
{
  CyclePlan          *plan;
  CycleLayout         layout;
  guint               n_stages;
  guint               n_links;
  double             *volumes;    /* one per stage, NaN when unknown */
  CycleStageGeometry *geometry;
  CycleLinkPath      *paths;
  CycleRect          *link_bounds;
  CycleLaneBand       bands[2];
  guint               n_bands;
  char               *title;      /* the legend's; NULL without a legend */
  char               *settings;   /* the projection's settings, or NULL */
  CycleRect           plan_extent;
  CycleRect           extent;
};

static CycleRenderPicture *
picture_new (CyclePlan    *plan,
             CycleLayout   layout,
             const double *volumes,
             gboolean      projection,
             gboolean      legend)
{
  CycleRenderPicture *self = g_new0 (CycleRenderPicture, 1);
  g_autoptr(CycleProjection) computed = NULL;

  self->plan = g_object_ref (plan);
  self->layout = layout;
  self->n_stages = g_list_model_get_n_items (cycle_plan_get_stages (plan));
  self->n_links = g_list_model_get_n_items (cycle_plan_get_links (plan));
  self->volumes = g_new (double, MAX (self->n_stages, 1));
  for (guint i = 0; i < self->n_stages; i++)
    self->volumes[i] = volumes != NULL ? volumes[i] : NAN;

  if (projection || legend)
    computed = cycle_projection_compute_for_plan (plan, NULL);
  for (guint i = 0; projection && computed != NULL && i < self->n_stages &&
       i < cycle_projection_get_n_stages (computed); i++)
    self->volumes[i] = cycle_projection_get_volume (computed, i);

  self->geometry = g_new0 (CycleStageGeometry, MAX (self->n_stages, 1));
  self->paths = g_new0 (CycleLinkPath, MAX (self->n_links, 1));
  cycle_layout_compute (plan, layout, self->volumes, self->geometry, &self->plan_extent);
  cycle_layout_compute_links (plan, layout, self->geometry, self->paths);
  /* For drawing a part (a band of a PNG) without going through every link each time */
  self->link_bounds = g_new (CycleRect, MAX (self->n_links, 1));
  for (guint i = 0; i < self->n_links; i++)
    cycle_link_path_get_bounds (&self->paths[i], &self->link_bounds[i]);
  self->n_bands = cycle_layout_get_lane_bands (plan, layout, self->geometry, self->bands);
  self->extent = self->plan_extent;

  if (legend)
    {
      const char *title = cycle_plan_get_title (plan);

      self->title = g_strdup (title != NULL && title[0] != '\0' ? title : _("Untitled Plan"));
      if (computed != NULL)
        self->settings = cycle_projection_describe_settings (computed);
      self->extent.height += LEGEND_HEIGHT;
      self->extent.width = MAX (self->extent.width, LEGEND_MIN_WIDTH);
    }

  return self;
}

CycleRenderPicture *
cycle_render_picture_new (CyclePlan   *plan,
                          CycleLayout  layout,
                          gboolean     legend)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);

  return picture_new (plan, layout, NULL, TRUE, legend);
}

void
cycle_render_picture_free (CycleRenderPicture *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->plan);
  g_free (self->volumes);
  g_free (self->geometry);
  g_free (self->paths);
  g_free (self->link_bounds);
  g_free (self->title);
  g_free (self->settings);
  g_free (self);
}

void
cycle_render_picture_get_extent (const CycleRenderPicture *self,
                                 CycleRect                *extent)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (extent != NULL);

  *extent = self->extent;
}

const double *
cycle_render_picture_get_volumes (const CycleRenderPicture *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->volumes;
}

/* Whether @bounds (canvas units) touches @region (NULL: everything). */
static gboolean
visible (const CycleRect *bounds,
         const CycleRect *region)
{
  return region == NULL ||
         (bounds->x <= region->x + region->width && region->x <= bounds->x + bounds->width &&
          bounds->y <= region->y + region->height && region->y <= bounds->y + bounds->height);
}

static void
draw_links_of_kind (CycleDraw                *draw,
                    const CycleRenderPicture *self,
                    const CycleRenderStyle   *style,
                    CycleLinkKind             kind,
                    const CycleRect          *region)
{
  GListModel *links = cycle_plan_get_links (self->plan);

  for (guint i = 0; i < self->n_links; i++)
    {
      g_autoptr(CycleLink) link = NULL;

      if (self->paths[i].kind != kind || !visible (&self->link_bounds[i], region))
        continue;
      link = g_list_model_get_item (links, i);
      draw_link (draw, link, &self->paths[i], style, CYCLE_RENDER_FLAG_NONE);
    }
}

/* Under the plan, left-aligned: its title, and the projection it shows. */
static void
draw_legend (CycleDraw                *draw,
             const CycleRenderPicture *self,
             const CycleRenderStyle   *style)
{
  PangoLayout *text;
  double x = self->extent.x + CYCLE_LAYOUT_MARGIN;
  double w = self->extent.width - 2 * CYCLE_LAYOUT_MARGIN;
  double y = self->plan_extent.y + self->plan_extent.height - CYCLE_LAYOUT_MARGIN / 2;

  text = text_layout (draw, style, self->title, NAME_SIZE, PANGO_WEIGHT_BOLD, w, PANGO_ALIGN_LEFT,
                      CYCLE_DRAW_TEXT_ELLIPSIZE, 0);
  _cycle_draw_text (draw, text, &style->text, x, y);
  y += layout_height (text) + 2;
  if (self->settings != NULL)
    {
      text = text_layout (draw, style, self->settings, DETAIL_SIZE, PANGO_WEIGHT_NORMAL, w,
                          PANGO_ALIGN_LEFT, CYCLE_DRAW_TEXT_ELLIPSIZE, 0);
      _cycle_draw_text (draw, text, &style->secondary_text, x, y);
    }
}

/* @region: (nullable): the part to draw, in picture coordinates (0,0 at the extent's corner);
 * what lies wholly outside is left out. */
static void
draw_picture (CycleDraw                *draw,
              const CycleRenderPicture *self,
              const CycleRenderStyle   *style,
              const CycleRect          *region)
{
  GListModel *stages = cycle_plan_get_stages (self->plan);
  cairo_t *cr = draw->cr;
  CycleRect canvas_region;

  if (region != NULL)
    {
      canvas_region = *region;
      canvas_region.x += self->extent.x;
      canvas_region.y += self->extent.y;
      region = &canvas_region;
    }

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, 0, 0, self->extent.width, self->extent.height);
  if (draw->svg == NULL)
    cairo_clip_preserve (cr);
  _cycle_draw_fill (draw, &style->background, 1.0, FALSE);

  cairo_translate (cr, -self->extent.x, -self->extent.y);
  draw_lane_bands (draw, self->layout, self->bands, self->n_bands, style);

  /* Links under the stages; the loop last among them, so nothing covers the referral. */
  draw_links_of_kind (draw, self, style, CYCLE_LINK_MAPPING, region);
  draw_links_of_kind (draw, self, style, CYCLE_LINK_NEXT, region);
  draw_links_of_kind (draw, self, style, CYCLE_LINK_LOOP, region);

  for (guint i = 0; i < self->n_stages; i++)
    {
      g_autoptr(CycleStage) stage = NULL;
      CycleRect bounds = self->geometry[i].bounds;

      bounds.x -= CYCLE_RENDER_STAGE_MARGIN;
      bounds.y -= CYCLE_RENDER_STAGE_MARGIN;
      bounds.width += 2 * CYCLE_RENDER_STAGE_MARGIN;
      bounds.height += 2 * CYCLE_RENDER_STAGE_MARGIN;
      if (!visible (&bounds, region))
        continue;
      stage = g_list_model_get_item (stages, i);
      draw_stage (draw, stage, &self->geometry[i], style, CYCLE_RENDER_FLAG_NONE,
                  self->volumes[i]);
    }

  if (self->title != NULL)
    draw_legend (draw, self, style);

  cairo_restore (cr);
}

void
cycle_render_picture_draw (const CycleRenderPicture *self,
                           cairo_t                  *cr,
                           const CycleRenderStyle   *style)
{
  CycleDraw draw;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (style != NULL);

  _cycle_draw_init_cairo (&draw, cr);
  draw_picture (&draw, self, style, NULL);
  _cycle_draw_clear (&draw);
}

void
_cycle_render_picture_draw_region (const CycleRenderPicture *self,
                                   CycleDraw                *draw,
                                   const CycleRenderStyle   *style,
                                   const CycleRect          *region)
{
  draw_picture (draw, self, style, region);
}

void
cycle_render_picture_write_svg (const CycleRenderPicture *self,
                                const CycleRenderStyle   *style,
                                GString                  *out)
{
  const char *language;
  CycleDraw draw;

  g_return_if_fail (self != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (out != NULL);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"");
  _cycle_draw_append_number (out, self->extent.width);
  g_string_append (out, "px\" height=\"");
  _cycle_draw_append_number (out, self->extent.height);
  g_string_append (out, "px\" viewBox=\"0 0 ");
  _cycle_draw_append_number (out, self->extent.width);
  g_string_append_c (out, ' ');
  _cycle_draw_append_number (out, self->extent.height);
  g_string_append_c (out, '"');
  language = cycle_plan_get_language (self->plan);
  if (language != NULL && language[0] != '\0')
    {
      g_string_append (out, " xml:lang=\"");
      _cycle_draw_append_escaped (out, language, -1);
      g_string_append_c (out, '"');
    }
  /* Cantarell first, as on the canvas, then the sans-serif fonts that slides machines have. */
  g_string_append (out, " font-family=\"" CYCLE_RENDER_SVG_FONT_FAMILY "\">\n");
  if (self->title != NULL)
    {
      g_string_append (out, "<title>");
      _cycle_draw_append_escaped (out, self->title, -1);
      g_string_append (out, "</title>\n");
    }

  _cycle_draw_init_svg (&draw, out);
  draw_picture (&draw, self, style, NULL);
  _cycle_draw_clear (&draw);

  g_string_append (out, "</svg>\n");
}

void
cycle_render_get_plan_extent (CyclePlan    *plan,
                              CycleLayout   layout,
                              const double *volumes,
                              CycleRect    *extent)
{
  g_autofree CycleStageGeometry *geometry = NULL;
  guint n;

  g_return_if_fail (CYCLE_IS_PLAN (plan));
  g_return_if_fail (extent != NULL);

  /* The stages alone give the extent: no need to route the links. */
  n = g_list_model_get_n_items (cycle_plan_get_stages (plan));
  geometry = g_new0 (CycleStageGeometry, MAX (n, 1));
  cycle_layout_compute (plan, layout, volumes, geometry, extent);
}

void
cycle_render_plan (cairo_t                *cr,
                   CyclePlan              *plan,
                   CycleLayout             layout,
                   const double           *volumes,
                   const CycleRenderStyle *style,
                   CycleRect              *out_extent)
{
  g_autoptr(CycleRenderPicture) picture = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (CYCLE_IS_PLAN (plan));
  g_return_if_fail (style != NULL);

  picture = picture_new (plan, layout, volumes, FALSE, FALSE);
  cycle_render_picture_draw (picture, cr, style);
  if (out_extent != NULL)
    *out_extent = picture->extent;
}
