/* cycle-canvas-snapshot.c: drawing: the lane bands, one small node per link, the stage widgets
 *
 * Part of CycleCanvas (cycle-canvas.c), sharing cycle-canvas-private.h.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-canvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cycle-canvas-private.h"
#include "cycle-projection.h"

/* ------------------------------------------------------------------------------------------------
 * Drawing: lane bands, then one small node per link, then the stage widgets
 */

/* A cairo node drawn in canvas units. The canvas appends these under one transform (pan and
 * zoom), so that a node stays valid while the view moves and can be kept from frame to frame.
 * (gtk_snapshot_append_cairo() under a scaled snapshot is not usable in GTK 4.8: it scales
 * the snapshot's translation twice, cairo_scale() before cairo_translate(), and the drawing
 * lands away from its node.) */
static GskRenderNode *
canvas_cairo_node_new (const CycleRect  *area,
                       cairo_t         **cr)
{
  GskRenderNode *node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (area->x, area->y,
                                                                 area->width, area->height));

  *cr = gsk_cairo_node_get_draw_context (node);
  return node;
}

/* Links are drawn again only when their curve, their look or the link itself changed: a
 * kept node is the same node in the next frame, which GTK sees as nothing to redraw.
 *
 * Each is wrapped in a transform node of its own for the view (kept too, while the view does
 * not move): GTK 4.8 cannot compare the children of a scaling transform node, and redraws all
 * of it when anything in it changed. One transform per link keeps a drag's damage to the
 * dragged stage's links. */
typedef struct
{
  GskRenderNode    *node;
  GskRenderNode    *shown;     /* node, under the view's transform */
  GskTransform     *view;      /* the view's transform when shown was made */
  CycleLinkPath     path;
  CycleRenderFlags  flags;
} LinkNode;

void
_cycle_canvas_link_node_free (gpointer data)
{
  LinkNode *cached = data;

  g_clear_pointer (&cached->node, gsk_render_node_unref);
  g_clear_pointer (&cached->shown, gsk_render_node_unref);
  g_clear_pointer (&cached->view, gsk_transform_unref);
  g_free (cached);
}

/* The view's transform (pan, then zoom), made again only when the view moved. */
static GskTransform *
view_transform (CycleCanvas *self)
{
  if (self->view == NULL || self->view_zoom != self->zoom ||
      self->view_pan_x != self->pan_x || self->view_pan_y != self->pan_y)
    {
      g_clear_pointer (&self->view, gsk_transform_unref);
      self->view = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (self->pan_x,
                                                                        self->pan_y));
      self->view = gsk_transform_scale (self->view, self->zoom, self->zoom);
      self->view_zoom = self->zoom;
      self->view_pan_x = self->pan_x;
      self->view_pan_y = self->pan_y;
    }

  return self->view;
}

void
_cycle_canvas_forget_drawings (CycleCanvas *self)
{
  g_hash_table_remove_all (self->link_nodes);
  g_clear_pointer (&self->bands_node, gsk_render_node_unref);
  g_clear_pointer (&self->bands_shown, gsk_render_node_unref);
}

static CycleRenderFlags
link_flags (CycleCanvas *self,
            CycleLink   *link)
{
  return g_hash_table_contains (self->selected_links, link) ? CYCLE_RENDER_FLAG_SELECTED
                                                            : CYCLE_RENDER_FLAG_NONE;
}

static void
snapshot_connect_preview (CycleCanvas *self,
                          GtkSnapshot *snapshot)
{
  CycleStage *source = cycle_link_get_source (self->preview_link);
  int source_index = _cycle_canvas_stage_index (self, source);
  int target_index = self->connect_target != NULL
                     ? _cycle_canvas_stage_index (self, self->connect_target) : -1;
  CycleStageGeometry pointer;
  CycleLinkPath path;
  CycleRect bounds;
  g_autoptr(GskRenderNode) node = NULL;
  cairo_t *cr;

  if (source_index < 0)
    return;

  if (target_index >= 0)
    {
      cycle_link_set_kind (self->preview_link,
                           cycle_canvas_default_link_kind (self->plan, source,
                                                           self->connect_target));
      cycle_layout_link_path (&self->geometry[source_index], &self->geometry[target_index],
                              cycle_link_get_kind (self->preview_link), self->layout, &path);
    }
  else
    {
      /* Towards the pointer: a stage of no size where it is. */
      pointer = (CycleStageGeometry) {
        .bounds = { self->connect_point.x, self->connect_point.y, 1, 1 },
        .shape = CYCLE_STAGE_SHAPE_BOX, .top_width = 1, .bottom_width = 1,
      };
      cycle_link_set_kind (self->preview_link, CYCLE_LINK_NEXT);
      cycle_layout_link_path (&self->geometry[source_index], &pointer, CYCLE_LINK_NEXT,
                              self->layout, &path);
    }

  cycle_link_path_get_bounds (&path, &bounds);
  node = canvas_cairo_node_new (&bounds, &cr);
  cycle_render_link (cr, self->preview_link, &path, &self->style, CYCLE_RENDER_FLAG_SELECTED);
  cairo_destroy (cr);
  gtk_snapshot_append_node (snapshot, node);
}

static gboolean
points_equal (const CyclePoint *a,
              const CyclePoint *b)
{
  return a->x == b->x && a->y == b->y;
}

/* Field by field: memcmp () would also compare the struct's padding, which is never set. */
static gboolean
link_paths_equal (const CycleLinkPath *a,
                  const CycleLinkPath *b)
{
  return points_equal (&a->start, &b->start) && points_equal (&a->control1, &b->control1) &&
         points_equal (&a->control2, &b->control2) && points_equal (&a->end, &b->end) &&
         points_equal (&a->label, &b->label) && a->kind == b->kind;
}

static GskRenderNode *
link_node (CycleCanvas *self,
           guint        index)
{
  CycleLink *link = g_ptr_array_index (self->links, index);
  CycleRenderFlags flags = link_flags (self, link);
  LinkNode *cached = g_hash_table_lookup (self->link_nodes, link);
  cairo_t *cr;

  GskTransform *view = view_transform (self);

  if (cached == NULL)
    {
      cached = g_new0 (LinkNode, 1);
      g_hash_table_insert (self->link_nodes, link, cached);
    }

  if (cached->node == NULL || cached->flags != flags ||
      !link_paths_equal (&cached->path, &self->paths[index]))
    {
      g_clear_pointer (&cached->node, gsk_render_node_unref);
      g_clear_pointer (&cached->shown, gsk_render_node_unref);
      cached->path = self->paths[index];
      cached->flags = flags;
      cached->node = canvas_cairo_node_new (&self->link_bounds[index], &cr);
      cycle_render_link (cr, link, &self->paths[index], &self->style, flags);
      cairo_destroy (cr);
    }

  if (cached->shown == NULL || cached->view != view)
    {
      g_clear_pointer (&cached->shown, gsk_render_node_unref);
      g_clear_pointer (&cached->view, gsk_transform_unref);
      cached->view = gsk_transform_ref (view);
      cached->shown = gsk_transform_node_new (cached->node, view);
    }

  return cached->shown;
}

static GskRenderNode *
bands_node (CycleCanvas *self)
{
  CycleRect area = self->bands[0].bounds;
  cairo_t *cr;

  GskTransform *view = view_transform (self);

  if (self->bands_node == NULL || self->n_drawn_bands != self->n_bands ||
      memcmp (self->drawn_bands, self->bands, self->n_bands * sizeof (CycleLaneBand)) != 0)
    {
      for (guint i = 1; i < self->n_bands; i++)
        cycle_rect_union (&area, &self->bands[i].bounds, &area);

      g_clear_pointer (&self->bands_node, gsk_render_node_unref);
      g_clear_pointer (&self->bands_shown, gsk_render_node_unref);
      self->bands_node = canvas_cairo_node_new (&area, &cr);
      cycle_render_lane_bands (cr, self->plan, self->layout, self->geometry, &self->style);
      cairo_destroy (cr);
      memcpy (self->drawn_bands, self->bands, sizeof self->bands);
      self->n_drawn_bands = self->n_bands;
    }

  if (self->bands_shown == NULL || self->bands_view != view)
    {
      g_clear_pointer (&self->bands_shown, gsk_render_node_unref);
      self->bands_shown = gsk_transform_node_new (self->bands_node, view);
      g_clear_pointer (&self->bands_view, gsk_transform_unref);
      self->bands_view = gsk_transform_ref (view);
    }

  return self->bands_shown;
}

void
_cycle_canvas_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);
  CycleStageWidget *dragged = NULL;
  CycleRect visible;

  _cycle_canvas_ensure_geometry (self);
  _cycle_canvas_visible_area (self, &visible);

  /* Bands and links: drawn in canvas units, each under the view's transform. */
  if (self->n_bands > 0)
    gtk_snapshot_append_node (snapshot, bands_node (self));

  /* One small node per link, of its own bounds: moving a stage draws again only its links,
   * and the renderer skips the nodes outside the damaged area. */
  for (guint i = 0; i < self->links->len && i < self->n_paths; i++)
    {
      const CycleRect *b = &self->link_bounds[i];

      if (b->width <= 0 || b->height <= 0 || !_cycle_canvas_rects_intersect (b, &visible))
        continue;

      gtk_snapshot_append_node (snapshot, link_node (self, i));
    }

  if (self->drag == DRAG_CONNECT && self->preview_link != NULL)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_transform (snapshot, view_transform (self));
      snapshot_connect_preview (self, snapshot);
      gtk_snapshot_restore (snapshot);
    }

  /* The stages, skipping those out of view; the one being dragged goes on top. */
  for (guint i = 0; i < self->stage_widgets->len; i++)
    {
      CycleStageWidget *child = _cycle_canvas_widget_at (self, i);
      CycleRect b;

      if (self->drag == DRAG_MOVE && cycle_stage_widget_get_stage (child) == self->drag_stage)
        {
          dragged = child;
          continue;
        }

      _cycle_canvas_shown_bounds (self, i, &b);
      b.x -= CYCLE_RENDER_STAGE_MARGIN;
      b.y -= CYCLE_RENDER_STAGE_MARGIN;
      b.width += 2 * CYCLE_RENDER_STAGE_MARGIN;
      b.height += 2 * CYCLE_RENDER_STAGE_MARGIN;
      if (!_cycle_canvas_rects_intersect (&b, &visible))
        continue;

      gtk_widget_snapshot_child (widget, GTK_WIDGET (child), snapshot);
    }
  if (dragged != NULL)
    gtk_widget_snapshot_child (widget, GTK_WIDGET (dragged), snapshot);

  if (gtk_widget_get_visible (self->rubber_band))
    gtk_widget_snapshot_child (widget, self->rubber_band, snapshot);
  if (gtk_widget_get_visible (self->rename_entry))
    gtk_widget_snapshot_child (widget, self->rename_entry, snapshot);
  gtk_widget_snapshot_child (widget, self->zoom_bar, snapshot);
}
