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

/* How much smaller than CYCLE_RENDER_DETAIL_SIZE a stage's last line may be set to fit its box */
#define MIN_FIT_SCALE     0.75
/* Text sizes, in canvas units (absolute sizes: a picture looks the same at any DPI); the name's
 * and the details' are in cycle-render-private.h. */
#define RATE_SIZE         11.0
#define LANE_LABEL_SIZE   13.0

#define BOX_PADDING       14.0
#define TRAPEZOID_PADDING 18.0
#define TRAPEZOID_RADIUS   6.0
#define RING_OFFSET        4.0   /* selection ring: distance from the shape */
#define RING_WIDTH         2.5
#define BORDER_WIDTH       1.5
#define BAND_RADIUS       16.0

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
  style->font_family = CYCLE_DRAW_DEFAULT_FONT_FAMILY;
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

double
_cycle_render_layout_height (PangoLayout *layout)
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

/* The size at which @text, @natural wide at CYCLE_RENDER_DETAIL_SIZE, fits @width: that size
 * when it does, else smaller in proportion, down to MIN_FIT_SCALE of it (then it is cut with
 * "…"). */
static double
fit_size (double natural,
          double width)
{
  if (natural <= width || natural <= 0)
    return CYCLE_RENDER_DETAIL_SIZE;
  /* A little under the proportion: hinting does not shrink widths quite linearly. */
  return CYCLE_RENDER_DETAIL_SIZE * MAX (width / natural * 0.97, MIN_FIT_SCALE);
}

/* Shapes */

void
cycle_render_rounded_rect (cairo_t *cr,
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
      cycle_render_rounded_rect (cr, b->x - grow, b->y - grow, b->width + 2 * grow,
                                 b->height + 2 * grow, CYCLE_STAGE_CORNER_RADIUS + grow);
    }
}

void
_cycle_render_draw_stage (CycleDraw                *draw,
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
      _cycle_draw_stroke (draw, &(CycleDrawStroke) { .color = &style->selection, .alpha = 1.0,
                                                     .width = 2, .dash = dash,
                                                     .n_dash = G_N_ELEMENTS (dash) });
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
  layout = _cycle_draw_text_layout (draw, style,
                                    &(CycleDrawText) { .text = cycle_stage_get_name (stage),
                                                       .size = CYCLE_RENDER_NAME_SIZE,
                                                       .weight = PANGO_WEIGHT_BOLD,
                                                       .width = text_w, .alignment = align });
  name_h = _cycle_render_layout_height (layout);
  detail = _cycle_draw_text_layout (draw, style,
                                    &(CycleDrawText) { .text = permission,
                                                       .size = CYCLE_RENDER_DETAIL_SIZE,
                                                       .weight = PANGO_WEIGHT_NORMAL,
                                                       .width = text_w, .alignment = align });
  detail_h = _cycle_render_layout_height (detail);

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
      layout = _cycle_draw_text_layout (draw, style,
                                        &(CycleDrawText) { .text = line,
                                                           .size = CYCLE_RENDER_DETAIL_SIZE,
                                                           .weight = PANGO_WEIGHT_NORMAL,
                                                           .alignment = align,
                                                           .mode = CYCLE_DRAW_TEXT_NATURAL });
      size = fit_size (layout_width (layout), text_w);
      layout = _cycle_draw_text_layout (draw, style,
                                        &(CycleDrawText) { .text = line, .size = size,
                                                           .weight = PANGO_WEIGHT_NORMAL,
                                                           .width = text_w,
                                                           .alignment = align });
      _cycle_draw_text (draw, layout, &style->secondary_text, text_x,
                        y + (detail_h - _cycle_render_layout_height (layout)) / 2);
    }
  else
    {
      double count_w, volume_w;

      /* Measured before either is drawn (a layout lives only until the next ones are made). */
      count_w = layout_width (_cycle_draw_text_layout (draw, style, &(CycleDrawText) {
                                .text = count, .size = CYCLE_RENDER_DETAIL_SIZE,
                                .weight = PANGO_WEIGHT_NORMAL, .alignment = align,
                                .mode = CYCLE_DRAW_TEXT_NATURAL }));
      volume_w = layout_width (_cycle_draw_text_layout (draw, style, &(CycleDrawText) {
                                 .text = volume, .size = CYCLE_RENDER_DETAIL_SIZE,
                                 .weight = PANGO_WEIGHT_BOLD, .alignment = align,
                                 .mode = CYCLE_DRAW_TEXT_NATURAL }));

      if (count_w <= text_w / 2 - 4 && count_w + 8 + volume_w <= text_w)
        {
          /* In a box, the count on the left and the volume on the right, each with room. */
          layout = _cycle_draw_text_layout (draw, style,
                                            &(CycleDrawText) { .text = count,
                                                               .size = CYCLE_RENDER_DETAIL_SIZE,
                                                               .weight = PANGO_WEIGHT_NORMAL,
                                                               .width = text_w / 2 - 4,
                                                               .alignment = align });
          count_w = layout_width (layout);
          _cycle_draw_text (draw, layout, &style->secondary_text, text_x, y);

          layout = _cycle_draw_text_layout (draw, style,
                                            &(CycleDrawText) { .text = volume,
                                                               .size = CYCLE_RENDER_DETAIL_SIZE,
                                                               .weight = PANGO_WEIGHT_BOLD,
                                                               .width = text_w - count_w - 8,
                                                               .alignment = PANGO_ALIGN_RIGHT });
          _cycle_draw_text (draw, layout, &style->text, text_x + count_w + 8, y);
        }
      else
        {
          /* Both do not fit (« 4 éléments  ≈ 1 156 personnes »): the line is set smaller, and
           * then the count gives way to the volume, which is the line's point. */
          double size = fit_size (count_w + 8 + volume_w, text_w);
          double scale = size / CYCLE_RENDER_DETAIL_SIZE;

          volume_w = MIN (volume_w * scale, text_w);
          if (text_w - volume_w - 8 >= 12)
            {
              layout = _cycle_draw_text_layout (draw, style,
                                                &(CycleDrawText) { .text = count, .size = size,
                                                                   .weight = PANGO_WEIGHT_NORMAL,
                                                                   .width = text_w - volume_w - 8,
                                                                   .alignment = align });
              _cycle_draw_text (draw, layout, &style->secondary_text, text_x,
                                y + (detail_h - _cycle_render_layout_height (layout)) / 2);
            }

          layout = _cycle_draw_text_layout (draw, style,
                                            &(CycleDrawText) { .text = volume, .size = size,
                                                               .weight = PANGO_WEIGHT_BOLD,
                                                               .width = text_w,
                                                               .alignment = PANGO_ALIGN_RIGHT });
          _cycle_draw_text (draw, layout, &style->text, text_x,
                            y + (detail_h - _cycle_render_layout_height (layout)) / 2);
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
  _cycle_render_draw_stage (&draw, stage, g, style, flags, projected_volume);
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

  cycle_render_rounded_rect (cr, x, y, w, h, h / 2);
  if (emphasis)
    _cycle_draw_fill (draw, line_color, 1.0, FALSE);
  else
    _cycle_draw_fill_stroke (draw, &style->background,
                             &(CycleDrawStroke) { .color = line_color, .alpha = 0.6, .width = 1 });

  /* Shrink rather than cut a long rate ("12.5 %" in large text). */
  layout = _cycle_draw_text_layout (draw, style,
                                    &(CycleDrawText) { .text = text, .size = size,
                                                       .weight = PANGO_WEIGHT_BOLD,
                                                       .alignment = PANGO_ALIGN_CENTER,
                                                       .mode = CYCLE_DRAW_TEXT_NATURAL });
  text_w = layout_width (layout);
  if (text_w > w - 8)
    {
      size *= (w - 8) / text_w;
      layout = _cycle_draw_text_layout (draw, style,
                                        &(CycleDrawText) { .text = text, .size = size,
                                                           .weight = PANGO_WEIGHT_BOLD,
                                                           .alignment = PANGO_ALIGN_CENTER,
                                                           .mode = CYCLE_DRAW_TEXT_NATURAL });
      text_w = layout_width (layout);
    }
  text_h = _cycle_render_layout_height (layout);
  _cycle_draw_text (draw, layout,
               emphasis ? (style->dark ? &black : &white) : &style->secondary_text,
               path->label.x - text_w / 2, path->label.y - text_h / 2);
}

void
_cycle_render_draw_link (CycleDraw              *draw,
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
      _cycle_draw_stroke (draw, &(CycleDrawStroke) { .color = color, .alpha = 0.18,
                                                     .width = width + 6,
                                                     .cap = CAIRO_LINE_CAP_ROUND });
    }

  cairo_move_to (cr, q[0].x, q[0].y);
  cairo_curve_to (cr, q[1].x, q[1].y, q[2].x, q[2].y, q[3].x, q[3].y);
  if (kind == CYCLE_LINK_MAPPING)
    _cycle_draw_stroke (draw, &(CycleDrawStroke) { .color = color, .alpha = 1.0, .width = width,
                                                   .dash = dash, .n_dash = G_N_ELEMENTS (dash) });
  else
    _cycle_draw_stroke (draw, &(CycleDrawStroke) { .color = color, .alpha = 1.0, .width = width,
                                                   .cap = CAIRO_LINE_CAP_ROUND });

  /* The arrowhead, slightly swept back. */
  cairo_move_to (cr, path->end.x, path->end.y);
  cairo_line_to (cr, path->end.x - ex * arrow_len - ey * arrow_half,
                 path->end.y - ey * arrow_len + ex * arrow_half);
  cairo_line_to (cr, path->end.x - ex * arrow_len * 0.75, path->end.y - ey * arrow_len * 0.75);
  cairo_line_to (cr, path->end.x - ex * arrow_len + ey * arrow_half,
                 path->end.y - ey * arrow_len - ex * arrow_half);
  cairo_close_path (cr);
  _cycle_draw_fill_stroke (draw, color,
                           &(CycleDrawStroke) { .color = color, .alpha = 1.0, .width = 1,
                                                .join = CAIRO_LINE_JOIN_ROUND });

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
  _cycle_render_draw_link (&draw, link, path, style, flags);
  _cycle_draw_clear (&draw);
}

/* The whole plan */

void
_cycle_render_draw_lane_bands (CycleDraw              *draw,
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

      cycle_render_rounded_rect (cr, b->x + 0.5, b->y + 0.5, b->width - 1, b->height - 1,
                                 BAND_RADIUS);
      _cycle_draw_fill_stroke (draw, &fill,
                               &(CycleDrawStroke) { .color = &edge, .alpha = 1.0, .width = 1 });

      /* In two lanes, the row's header may take two lines: "Buyer's / journey". */
      text = _cycle_draw_text_layout (draw, style, &(CycleDrawText) {
                .text = cycle_enum_get_label (CYCLE_TYPE_LANE, bands[i].lane),
                .size = LANE_LABEL_SIZE,
                .weight = PANGO_WEIGHT_BOLD,
                .width = l->width,
                .alignment = layout == CYCLE_LAYOUT_FUNNEL ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT,
                .mode = layout == CYCLE_LAYOUT_TWO_LANES ? CYCLE_DRAW_TEXT_WRAP
                                                         : CYCLE_DRAW_TEXT_ELLIPSIZE,
                .height = l->height });
      th = _cycle_render_layout_height (text);
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
  _cycle_render_draw_lane_bands (&draw, layout, bands, n, style);
  _cycle_draw_clear (&draw);
}
