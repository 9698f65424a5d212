/* cycle-render-picture.c: a plan laid out once, drawn whole, in bands, or as SVG
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-render"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "cycle-projection.h"
#include "cycle-render-private.h"

/* The legend under a picture: its title and the projection's settings. */
#define LEGEND_HEIGHT     40.0
#define LEGEND_MIN_WIDTH 480.0

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
      _cycle_render_draw_link (draw, link, &self->paths[i], style, CYCLE_RENDER_FLAG_NONE);
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

  text = _cycle_draw_text_layout (draw, style,
                                  &(CycleDrawText) { .text = self->title,
                                                     .size = CYCLE_RENDER_NAME_SIZE,
                                                     .weight = PANGO_WEIGHT_BOLD, .width = w });
  _cycle_draw_text (draw, text, &style->text, x, y);
  y += _cycle_render_layout_height (text) + 2;
  if (self->settings != NULL)
    {
      text = _cycle_draw_text_layout (draw, style,
                                      &(CycleDrawText) { .text = self->settings,
                                                         .size = CYCLE_RENDER_DETAIL_SIZE,
                                                         .weight = PANGO_WEIGHT_NORMAL,
                                                         .width = w });
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
  _cycle_render_draw_lane_bands (draw, self->layout, self->bands, self->n_bands, style);

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
      _cycle_render_draw_stage (draw, stage, &self->geometry[i], style, CYCLE_RENDER_FLAG_NONE,
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
