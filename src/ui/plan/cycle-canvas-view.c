/* cycle-canvas-view.c: the view — geometry derived from the model, coordinates, zoom, pan, fit,
 * size
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

/* Room kept round the plan when zooming to fit, in pixels. */
#define FIT_PADDING 24.0

/* ------------------------------------------------------------------------------------------------
 * Geometry, derived from the model
 */

static void
compute_volumes (CycleCanvas *self,
                 guint        n_stages)
{
  g_autoptr(CycleProjection) projection = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_stages; i++)
    self->volumes[i] = NAN;

  if (self->plan == NULL || n_stages == 0)
    return;

  projection = cycle_projection_compute (self->plan, self->projection_start,
                                         self->projection_cycles, &error);
  /* A plan without an internal stage has nothing to project: that is not an error to show. */
  if (projection == NULL)
    return;

  for (guint i = 0; i < n_stages && i < cycle_projection_get_n_stages (projection); i++)
    self->volumes[i] = cycle_projection_get_volume (projection, i);
}

/* The free layout, as cycle_layout_compute() documents it: each stage's own x and y as its
 * top-left corner, and the standard box. Done here because cycle_layout_compute() also routes
 * every link (for its extent), which the canvas does next anyway: while a stage is dragged,
 * that would be done twice a frame. */
static void
free_layout (CycleCanvas *self)
{
  for (guint i = 0; i < self->n_geometry; i++)
    {
      CycleStage *stage = cycle_stage_widget_get_stage (_cycle_canvas_widget_at (self, i));

      self->geometry[i] = (CycleStageGeometry) {
        .bounds = { cycle_stage_get_x (stage), cycle_stage_get_y (stage),
                    CYCLE_STAGE_WIDTH, CYCLE_STAGE_HEIGHT },
        .shape = CYCLE_STAGE_SHAPE_BOX,
        .top_width = CYCLE_STAGE_WIDTH,
        .bottom_width = CYCLE_STAGE_WIDTH,
      };
    }
}

/* The extent of the free layout, as cycle_layout_compute() gives it: the stages, the links and
 * the margin round them. */
static void
free_extent (CycleCanvas *self)
{
  CycleRect extent = self->geometry[0].bounds;

  for (guint i = 1; i < self->n_geometry; i++)
    cycle_rect_union (&extent, &self->geometry[i].bounds, &extent);
  for (guint i = 0; i < self->n_paths; i++)
    if (self->link_bounds[i].width > 0)
      cycle_rect_union (&extent, &self->link_bounds[i], &extent);

  extent.x -= CYCLE_LAYOUT_MARGIN;
  extent.y -= CYCLE_LAYOUT_MARGIN;
  extent.width += 2 * CYCLE_LAYOUT_MARGIN;
  extent.height += 2 * CYCLE_LAYOUT_MARGIN;
  self->extent = extent;
}

void
_cycle_canvas_ensure_geometry (CycleCanvas *self)
{
  guint n_stages, n_links;

  if (!self->geometry_dirty)
    return;
  self->geometry_dirty = FALSE;

  n_stages = self->stage_widgets->len;
  n_links = self->links->len;

  if (n_stages != self->n_geometry)
    {
      self->geometry = g_renew (CycleStageGeometry, self->geometry, n_stages);
      self->volumes = g_renew (double, self->volumes, n_stages);
      self->n_geometry = n_stages;
      self->volumes_dirty = TRUE;
    }
  if (n_links != self->n_paths)
    {
      self->paths = g_renew (CycleLinkPath, self->paths, n_links);
      self->link_bounds = g_renew (CycleRect, self->link_bounds, n_links);
      self->n_paths = n_links;
    }

  if (self->volumes_dirty)
    {
      compute_volumes (self, n_stages);
      self->volumes_dirty = FALSE;
    }

  if (self->plan == NULL || n_stages == 0)
    {
      self->extent = (CycleRect) { 0, 0, 0, 0 };
      self->n_bands = 0;
      return;
    }

  if (self->layout == CYCLE_LAYOUT_FREE)
    free_layout (self);
  else
    cycle_layout_compute (self->plan, self->layout, self->volumes, self->geometry,
                          &self->extent);
  if (self->drag_routing != NULL)
    {
      /* A drag under way: only the dragged stages' links follow, straight (see
       * _cycle_canvas_start_move). */
      for (guint i = 0; i < self->drag_routing->len; i++)
        {
          DragLink *d = &g_array_index (self->drag_routing, DragLink, i);
          CycleLink *link = g_ptr_array_index (self->links, d->link);

          cycle_layout_link_path (&self->geometry[d->from], &self->geometry[d->to],
                                  cycle_link_get_kind (link), self->layout,
                                  &self->paths[d->link]);
          cycle_link_path_get_bounds (&self->paths[d->link], &self->link_bounds[d->link]);
        }
    }
  else
    {
      if (n_links > 0)
        cycle_layout_compute_links (self->plan, self->layout, self->geometry, self->paths);
      for (guint i = 0; i < n_links; i++)
        {
          if (isnan (self->paths[i].start.x) || isnan (self->paths[i].end.x))
            self->link_bounds[i] = (CycleRect) { 0, 0, 0, 0 };
          else
            cycle_link_path_get_bounds (&self->paths[i], &self->link_bounds[i]);
        }
    }
  /* Only the funnel and the two lanes have bands (cycle_layout_get_lane_bands ()). */
  if (self->layout == CYCLE_LAYOUT_FUNNEL || self->layout == CYCLE_LAYOUT_TWO_LANES)
    self->n_bands = cycle_layout_get_lane_bands (self->plan, self->layout, self->geometry,
                                                 self->bands);
  else
    self->n_bands = 0;
  if (self->layout == CYCLE_LAYOUT_FREE)
    free_extent (self);

  for (guint i = 0; i < n_stages; i++)
    {
      CycleStageWidget *widget = _cycle_canvas_widget_at (self, i);

      cycle_stage_widget_set_geometry (widget, &self->geometry[i]);
      cycle_stage_widget_set_volume (widget, self->volumes[i]);
    }
}

const CycleStageGeometry *
cycle_canvas_get_stage_geometry (CycleCanvas *self,
                                 CycleStage  *stage)
{
  int index;

  g_return_val_if_fail (CYCLE_IS_CANVAS (self), NULL);

  _cycle_canvas_ensure_geometry (self);
  index = _cycle_canvas_stage_index (self, stage);

  return index >= 0 ? &self->geometry[index] : NULL;
}

GtkWidget *
cycle_canvas_get_stage_widget (CycleCanvas *self,
                               CycleStage  *stage)
{
  g_return_val_if_fail (CYCLE_IS_CANVAS (self), NULL);

  return g_hash_table_lookup (self->widget_for_stage, stage);
}

/* Where the stage widget is shown: its geometry, plus the offset of a drag in a computed
 * layout (where the stage follows the pointer until it is dropped into a place). */
void
_cycle_canvas_shown_bounds (CycleCanvas *self,
                            guint        index,
                            CycleRect   *bounds)
{
  *bounds = self->geometry[index].bounds;
  if (self->drag == DRAG_MOVE && self->layout != CYCLE_LAYOUT_FREE && self->drag_stage != NULL &&
      cycle_stage_widget_get_stage (_cycle_canvas_widget_at (self, index)) == self->drag_stage)
    {
      bounds->x += self->drag_dx;
      bounds->y += self->drag_dy;
    }
}

void
_cycle_canvas_stage_screen_rect (CycleCanvas  *self,
                                 CycleStage   *stage,
                                 GdkRectangle *rect)
{
  int index;
  CycleRect b;
  double x, y;

  _cycle_canvas_ensure_geometry (self);
  index = _cycle_canvas_stage_index (self, stage);
  if (index < 0)
    {
      *rect = (GdkRectangle) { 0, 0, 1, 1 };
      return;
    }

  _cycle_canvas_shown_bounds (self, index, &b);
  cycle_canvas_canvas_to_widget (self, b.x, b.y, &x, &y);
  rect->x = (int) floor (x);
  rect->y = (int) floor (y);
  rect->width = MAX (1, (int) ceil (b.width * self->zoom));
  rect->height = MAX (1, (int) ceil (b.height * self->zoom));
}

/* ------------------------------------------------------------------------------------------------
 * The view
 */

static gboolean
update_zoom_label_cb (gpointer data)
{
  CycleCanvas *self = data;
  g_autofree char *text = NULL;

  self->zoom_label_id = 0;

  /* Translators: the zoom level, as a percentage */
  text = g_strdup_printf (_("%d %%"), (int) round (self->zoom * 100.0));
  gtk_button_set_label (GTK_BUTTON (self->zoom_label), text);

  return G_SOURCE_REMOVE;
}

/* From an idle: the zoom changes while the canvas allocates (fitting), and a new label then
 * would leave the window waiting for another allocation. */
void
_cycle_canvas_update_zoom_label (CycleCanvas *self)
{
  if (self->zoom_label != NULL && self->zoom_label_id == 0)
    self->zoom_label_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_zoom_label_cb, self,
                                           NULL);
}

double
cycle_canvas_get_zoom (CycleCanvas *self)
{
  g_return_val_if_fail (CYCLE_IS_CANVAS (self), 1.0);

  return self->zoom;
}

void
cycle_canvas_set_zoom (CycleCanvas            *self,
                       double                  zoom,
                       const graphene_point_t *around)
{
  double x, y, cx, cy;

  g_return_if_fail (CYCLE_IS_CANVAS (self));

  zoom = CLAMP (zoom, CYCLE_CANVAS_MIN_ZOOM, CYCLE_CANVAS_MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  if (around != NULL)
    {
      x = around->x;
      y = around->y;
    }
  else
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }

  /* The canvas point under @around stays there. */
  _cycle_canvas_widget_to_canvas (self, x, y, &cx, &cy);
  self->zoom = zoom;
  self->pan_x = x - cx * zoom;
  self->pan_y = y - cy * zoom;
  self->fit_pending = FALSE;
  self->auto_fit = FALSE;

  _cycle_canvas_update_zoom_label (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _cycle_canvas_notify (self, CANVAS_PROP_ZOOM);
}

void
cycle_canvas_get_pan (CycleCanvas *self,
                      double      *x,
                      double      *y)
{
  g_return_if_fail (CYCLE_IS_CANVAS (self));

  *x = self->pan_x;
  *y = self->pan_y;
}

void
cycle_canvas_set_pan (CycleCanvas *self,
                      double       x,
                      double       y)
{
  g_return_if_fail (CYCLE_IS_CANVAS (self));

  if (x == self->pan_x && y == self->pan_y)
    return;

  self->pan_x = x;
  self->pan_y = y;
  self->fit_pending = FALSE;
  self->auto_fit = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Shows the whole plan, never bigger than its real size. */
static void
fit (CycleCanvas *self,
     int          width,
     int          height)
{
  double zoom;
  const CycleRect *e = &self->extent;

  if (width <= 1 || height <= 1)
    return;

  if (e->width <= 0 || e->height <= 0)
    {
      zoom = 1.0;
      self->pan_x = 0;
      self->pan_y = 0;
    }
  else
    {
      zoom = MIN ((width - 2 * FIT_PADDING) / e->width, (height - 2 * FIT_PADDING) / e->height);
      zoom = CLAMP (zoom, CYCLE_CANVAS_MIN_ZOOM, 1.0);
      self->pan_x = round ((width - e->width * zoom) / 2.0 - e->x * zoom);
      self->pan_y = round ((height - e->height * zoom) / 2.0 - e->y * zoom);
      /* A plan taller than the view starts at its top. */
      if (e->height * zoom > height - 2 * FIT_PADDING)
        self->pan_y = round (FIT_PADDING - e->y * zoom);
    }

  self->fitted_width = width;
  self->fitted_height = height;
  self->auto_fit = TRUE;

  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      _cycle_canvas_notify (self, CANVAS_PROP_ZOOM);
    }
  _cycle_canvas_update_zoom_label (self);
}

void
cycle_canvas_zoom_to_fit (CycleCanvas *self)
{
  g_return_if_fail (CYCLE_IS_CANVAS (self));

  _cycle_canvas_ensure_geometry (self);
  self->fit_pending = FALSE;
  fit (self, gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Pans just enough to show the whole stage. */
void
_cycle_canvas_scroll_to_stage (CycleCanvas *self,
                               CycleStage  *stage)
{
  GdkRectangle r;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double dx = 0, dy = 0;
  const int margin = 16;

  if (width <= 1 || height <= 1 || !g_hash_table_contains (self->widget_for_stage, stage))
    return;

  _cycle_canvas_stage_screen_rect (self, stage, &r);
  if (r.x < margin)
    dx = margin - r.x;
  else if (r.x + r.width > width - margin)
    dx = MAX (margin - r.x, width - margin - (r.x + r.width));
  if (r.y < margin)
    dy = margin - r.y;
  else if (r.y + r.height > height - margin)
    dy = MAX (margin - r.y, height - margin - (r.y + r.height));

  if (dx != 0 || dy != 0)
    cycle_canvas_set_pan (self, self->pan_x + dx, self->pan_y + dy);
}

/* ------------------------------------------------------------------------------------------------
 * Size
 */

void
_cycle_canvas_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);
  int bar_min = 0;

  gtk_widget_measure (self->zoom_bar, orientation, -1, &bar_min, NULL, NULL, NULL);
  *minimum = bar_min;
  *natural = MAX (bar_min, orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 360);
}

static void
allocate_child_at (GtkWidget *child,
                   int        x,
                   int        y,
                   int        width,
                   int        height)
{
  int min_width = 0, min_height = 0;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, MAX (width, min_width),
                      &min_height, NULL, NULL, NULL);
  gtk_widget_size_allocate (child,
                            &(GtkAllocation) { x, y, MAX (width, min_width),
                                               MAX (height, min_height) },
                            -1);
}

void
_cycle_canvas_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);
  int bar_width = 0, bar_height = 0;

  _cycle_canvas_ensure_geometry (self);

  /* Until the person moves the view, it shows the whole plan, whatever the window's size. */
  if ((self->fit_pending || (self->auto_fit && (width != self->fitted_width ||
                                                height != self->fitted_height))) &&
      width > 1 && height > 1)
    {
      self->fit_pending = FALSE;
      fit (self, width, height);
    }

  for (guint i = 0; i < self->stage_widgets->len; i++)
    {
      GtkWidget *child = GTK_WIDGET (_cycle_canvas_widget_at (self, i));
      GskTransform *transform = NULL;
      CycleRect b;
      double x, y;

      _cycle_canvas_shown_bounds (self, i, &b);
      cycle_canvas_canvas_to_widget (self, b.x, b.y, &x, &y);
      transform = gsk_transform_translate (transform, &GRAPHENE_POINT_INIT (x, y));
      transform = gsk_transform_scale (transform, self->zoom, self->zoom);

      /* Measured (cached) so that GTK knows the size was asked for; the size is the
       * geometry's, whatever the stage's last measure said. */
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_allocate (child, (int) ceil (b.width), (int) ceil (b.height), -1, transform);
    }

  if (gtk_widget_get_visible (self->rubber_band))
    {
      double x1, y1, x2, y2;

      cycle_canvas_canvas_to_widget (self, self->rubber.x, self->rubber.y, &x1, &y1);
      cycle_canvas_canvas_to_widget (self, self->rubber.x + self->rubber.width,
                                     self->rubber.y + self->rubber.height, &x2, &y2);
      allocate_child_at (self->rubber_band, (int) floor (x1), (int) floor (y1),
                         (int) ceil (x2 - x1), (int) ceil (y2 - y1));
    }

  if (gtk_widget_get_visible (self->rename_entry) && self->renaming != NULL)
    {
      GdkRectangle r;
      int entry_width, entry_height = 0;

      _cycle_canvas_stage_screen_rect (self, self->renaming, &r);
      entry_width = MAX (r.width, 200);
      gtk_widget_measure (self->rename_entry, GTK_ORIENTATION_VERTICAL, entry_width,
                          &entry_height, NULL, NULL, NULL);
      allocate_child_at (self->rename_entry, r.x + (r.width - entry_width) / 2,
                         r.y + (r.height - entry_height) / 2, entry_width, entry_height);
    }

  gtk_widget_measure (self->zoom_bar, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &bar_width, NULL,
                      NULL);
  gtk_widget_measure (self->zoom_bar, GTK_ORIENTATION_VERTICAL, bar_width, NULL, &bar_height,
                      NULL, NULL);
  gtk_widget_size_allocate (self->zoom_bar,
                            &(GtkAllocation) { MAX (0, width - bar_width - 12),
                                               MAX (0, height - bar_height - 12),
                                               bar_width, bar_height }, -1);

  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
  if (self->connect_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->connect_popover));
  if (self->link_editor != NULL)
    gtk_popover_present (GTK_POPOVER (self->link_editor));
}
