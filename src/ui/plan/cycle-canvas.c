/* cycle-canvas.c: the plan drawn as stages and links — following the model, the view, drawing
 *
 * One CycleStageWidget per stage (focus, accessibility, CSS, tooltips and drops come free) and
 * the links drawn in the canvas's own snapshot, one small cairo node per link, so that moving a
 * stage redraws little. Geometry comes from cycle_layout_compute() (src/render) whenever the
 * model says something changed; the canvas keeps no copy of the model's data.
 *
 * Coordinates: the model and src/render work in canvas units; a canvas point (x, y) is at
 * (x × zoom + pan_x, y × zoom + pan_y) in the widget. Stage widgets keep their size in canvas
 * units and are scaled by their allocation's transform.
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

/* The projection shown on the stages, until the window says otherwise: this many people entering
 * the top, over one cycle. */
#define PROJECTION_START  1000.0
#define PROJECTION_CYCLES CYCLE_PROJECTION_STEADY
/* How far from the handle's centre a press still picks it, in canvas units. */
#define HANDLE_PICK_RADIUS 11.0
/* How far from a link a press still picks it, in pixels. */
#define LINK_PICK_TOLERANCE 5.0
/* Room kept round the plan when zooming to fit, in pixels. */
#define FIT_PADDING 24.0

G_DEFINE_FINAL_TYPE (CycleCanvas, cycle_canvas, GTK_TYPE_WIDGET)

GParamSpec *_cycle_canvas_properties[CANVAS_N_PROPS];
guint _cycle_canvas_signals[CANVAS_N_SIGNALS];

#define properties _cycle_canvas_properties
#define signals    _cycle_canvas_signals

static void forget_drawings          (CycleCanvas *self);
static void stop_drag_routing        (CycleCanvas *self);

/* ------------------------------------------------------------------------------------------------
 * Helpers
 */

static void
widget_to_canvas (CycleCanvas *self,
                  double       x,
                  double       y,
                  double      *cx,
                  double      *cy)
{
  *cx = (x - self->pan_x) / self->zoom;
  *cy = (y - self->pan_y) / self->zoom;
}

void
cycle_canvas_canvas_to_widget (CycleCanvas *self,
                               double       x,
                               double       y,
                               double      *widget_x,
                               double      *widget_y)
{
  g_return_if_fail (CYCLE_IS_CANVAS (self));

  *widget_x = x * self->zoom + self->pan_x;
  *widget_y = y * self->zoom + self->pan_y;
}

CycleStageWidget *
_cycle_canvas_widget_at (CycleCanvas *self,
                         guint        index)
{
  return g_ptr_array_index (self->stage_widgets, index);
}

int
_cycle_canvas_stage_index (CycleCanvas *self,
                           CycleStage  *stage)
{
  for (guint i = 0; i < self->stage_widgets->len; i++)
    if (cycle_stage_widget_get_stage (_cycle_canvas_widget_at (self, i)) == stage)
      return (int) i;

  return -1;
}

void
_cycle_canvas_message (CycleCanvas *self,
                       const char  *message,
                       gboolean     offer_undo)
{
  g_signal_emit (self, signals[CANVAS_SIGNAL_MESSAGE], 0, message, offer_undo);
}

static gboolean
rects_intersect (const CycleRect *a,
                 const CycleRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The part of the canvas the widget shows, in canvas units. */
static void
visible_area (CycleCanvas *self,
              CycleRect   *area)
{
  area->x = -self->pan_x / self->zoom;
  area->y = -self->pan_y / self->zoom;
  area->width = gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom;
  area->height = gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom;
}

static void
invalidate_geometry (CycleCanvas *self)
{
  self->geometry_dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
invalidate_volumes (CycleCanvas *self)
{
  self->volumes_dirty = TRUE;
  invalidate_geometry (self);
}

/* ------------------------------------------------------------------------------------------------
 * What screen readers hear about links: "next step to Leads, loop back to Visitors"
 */

static char *
dup_links_text (CycleCanvas *self,
                CycleStage  *stage)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->links->len; i++)
    {
      CycleLink *link = g_ptr_array_index (self->links, i);
      CycleStage *target = cycle_link_get_target (link);
      const char *name;

      if (cycle_link_get_source (link) != stage || target == NULL)
        continue;

      name = cycle_stage_get_name (target);
      if (text->len > 0)
        g_string_append (text, ", ");
      switch (cycle_link_get_kind (link))
        {
        case CYCLE_LINK_LOOP:
          /* Translators: said of a stage: where its loop (referral) link leads */
          g_string_append_printf (text, _("loops back to %s"), name);
          break;
        case CYCLE_LINK_MAPPING:
          /* Translators: said of a stage: the stage of the other lane it maps to */
          g_string_append_printf (text, _("maps to %s"), name);
          break;
        case CYCLE_LINK_NEXT:
        default:
          /* Translators: said of a stage: the stage people go to next */
          g_string_append_printf (text, _("next step to %s"), name);
          break;
        }
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static gboolean
update_links_text_cb (gpointer data)
{
  CycleCanvas *self = data;

  self->links_text_id = 0;

  for (guint i = 0; i < self->stage_widgets->len; i++)
    {
      CycleStageWidget *widget = _cycle_canvas_widget_at (self, i);
      g_autofree char *text = dup_links_text (self, cycle_stage_widget_get_stage (widget));

      cycle_stage_widget_set_links_text (widget, text);
    }

  return G_SOURCE_REMOVE;
}

static void
queue_links_text (CycleCanvas *self)
{
  if (self->links_text_id == 0)
    self->links_text_id = g_idle_add_full (G_PRIORITY_LOW, update_links_text_cb, self, NULL);
}

/* ------------------------------------------------------------------------------------------------
 * Following the model
 */

static void
on_stage_notify_cb (CycleCanvas *self,
                    GParamSpec  *pspec,
                    CycleStage  *stage)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "x") || g_str_equal (name, "y") || g_str_equal (name, "lane"))
    {
      invalidate_geometry (self);
      if (g_str_equal (name, "lane"))
        {
          g_clear_pointer (&self->bands_node, gsk_render_node_unref);
          g_clear_pointer (&self->bands_shown, gsk_render_node_unref);
          invalidate_volumes (self);
          if (stage == self->anchor)
            g_object_notify_by_pspec (G_OBJECT (self), properties[CANVAS_PROP_SELECTION_LANE]);
        }
    }
  else if (g_str_equal (name, "conversion-rate"))
    {
      invalidate_volumes (self);
    }
  else if (g_str_equal (name, "name"))
    {
      queue_links_text (self);
    }
}

static void
on_link_notify_cb (CycleCanvas *self,
                   GParamSpec  *pspec,
                   CycleLink   *link)
{
  const char *name = g_param_spec_get_name (pspec);

  g_hash_table_remove (self->link_nodes, link);
  invalidate_volumes (self);
  queue_links_text (self);
  if (g_str_equal (name, "kind") && link == self->menu_link)
    g_object_notify_by_pspec (G_OBJECT (self), properties[CANVAS_PROP_MENU_LINK_KIND]);
}

static void
on_stage_widget_focus_enter_cb (GtkEventControllerFocus *controller,
                                CycleCanvas             *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  CycleStage *stage = cycle_stage_widget_get_stage (CYCLE_STAGE_WIDGET (widget));

  /* The keyboard moved the focus: the selection follows it. A click selects on its own. */
  if (self->focus_from_pointer)
    return;

  if (!g_hash_table_contains (self->selected_stages, stage) ||
      g_hash_table_size (self->selected_stages) > 1 ||
      g_hash_table_size (self->selected_links) > 0)
    cycle_canvas_select_stage (self, stage, CYCLE_SELECT_REPLACE);
  _cycle_canvas_scroll_to_stage (self, stage);
}

static GtkWidget *
create_stage_widget (CycleCanvas *self,
                     CycleStage  *stage)
{
  GtkWidget *widget = cycle_stage_widget_new (stage, &self->style);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  cycle_stage_widget_set_checker (CYCLE_STAGE_WIDGET (widget), self->checker);

  g_signal_connect (focus, "enter", G_CALLBACK (on_stage_widget_focus_enter_cb), self);
  gtk_widget_add_controller (widget, focus);
  g_signal_connect_object (stage, "notify", G_CALLBACK (on_stage_notify_cb), self,
                           G_CONNECT_SWAPPED);

  return widget;
}

static void
forget_stage (CycleCanvas *self,
              CycleStage  *stage)
{
  g_signal_handlers_disconnect_by_func (stage, on_stage_notify_cb, self);
  g_hash_table_remove (self->selected_stages, stage);
  g_hash_table_remove (self->widget_for_stage, stage);
  if (self->rubber_base != NULL)
    g_hash_table_remove (self->rubber_base, stage);
  if (self->anchor == stage)
    self->anchor = NULL;
  if (self->hover == stage)
    self->hover = NULL;
  if (self->drag_stage == stage || self->connect_target == stage ||
      (self->preview_link != NULL && cycle_link_get_source (self->preview_link) == stage))
    cycle_canvas_cancel_drag (self);
  if (self->renaming == stage)
    _cycle_canvas_stop_rename (self, FALSE);
  if (self->connect_source == stage && self->connect_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->connect_popover));
}

static void
on_stages_items_changed_cb (CycleCanvas *self,
                            guint        position,
                            guint        removed,
                            guint        added,
                            GListModel  *stages)
{
  gboolean selection_changed = FALSE;
  GtkWidget *focus_widget = NULL;

  for (guint i = 0; i < removed; i++)
    {
      CycleStageWidget *widget = _cycle_canvas_widget_at (self, position + i);
      CycleStage *stage = cycle_stage_widget_get_stage (widget);

      if (gtk_widget_has_focus (GTK_WIDGET (widget)))
        focus_widget = GTK_WIDGET (self);
      selection_changed |= g_hash_table_contains (self->selected_stages, stage) ||
                           self->anchor == stage;
      forget_stage (self, stage);
      gtk_widget_unparent (GTK_WIDGET (widget));
    }
  g_ptr_array_remove_range (self->stage_widgets, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, position + i);
      GtkWidget *widget = create_stage_widget (self, stage);

      /* Widget order is drawing order; the plan's order is kept in stage_widgets. */
      gtk_widget_insert_before (widget, GTK_WIDGET (self), self->rubber_band);
      g_ptr_array_insert (self->stage_widgets, position + i, widget);
      g_hash_table_insert (self->widget_for_stage, stage, widget);
    }

  stop_drag_routing (self);
  invalidate_volumes (self);
  queue_links_text (self);

  if (focus_widget != NULL)
    gtk_widget_grab_focus (focus_widget);
  if (selection_changed)
    _cycle_canvas_selection_changed (self);
  _cycle_canvas_update_actions (self);
}

static void
on_links_items_changed_cb (CycleCanvas *self,
                           guint        position,
                           guint        removed,
                           guint        added,
                           GListModel  *links)
{
  gboolean selection_changed = FALSE;

  for (guint i = 0; i < removed; i++)
    {
      CycleLink *link = g_ptr_array_index (self->links, position + i);

      g_signal_handlers_disconnect_by_func (link, on_link_notify_cb, self);
      g_hash_table_remove (self->link_nodes, link);
      selection_changed |= g_hash_table_remove (self->selected_links, link);
      if (self->rubber_base != NULL)
        g_hash_table_remove (self->rubber_base, link);
      if (self->menu_link == link)
        g_clear_object (&self->menu_link);
      _cycle_canvas_forget_link (self, link);
    }
  g_ptr_array_remove_range (self->links, position, removed);

  for (guint i = 0; i < added; i++)
    {
      CycleLink *link = g_list_model_get_item (links, position + i);

      g_signal_connect_object (link, "notify", G_CALLBACK (on_link_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_insert (self->links, position + i, link);
    }

  stop_drag_routing (self);
  invalidate_volumes (self);
  queue_links_text (self);

  if (selection_changed)
    _cycle_canvas_selection_changed (self);
  _cycle_canvas_update_actions (self);
}

static void
on_plan_notify_layout_cb (CycleCanvas *self,
                          GParamSpec  *pspec,
                          CyclePlan   *plan)
{
  cycle_canvas_cancel_drag (self);
  self->layout = cycle_plan_get_layout (plan);
  self->layout_hint_shown = FALSE;
  forget_drawings (self);
  /* The picture changes shape: show all of it. */
  self->fit_pending = TRUE;
  invalidate_geometry (self);
}

static void
clear_plan (CycleCanvas *self)
{
  if (self->plan == NULL)
    return;

  cycle_canvas_cancel_drag (self);
  _cycle_canvas_stop_rename (self, FALSE);
  if (self->context_menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->context_menu));
  if (self->connect_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->connect_popover));
  if (self->link_editor != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->link_editor));

  on_stages_items_changed_cb (self, 0, self->stage_widgets->len, 0,
                              cycle_plan_get_stages (self->plan));
  on_links_items_changed_cb (self, 0, self->links->len, 0, cycle_plan_get_links (self->plan));

  g_signal_group_set_target (self->plan_signals, NULL);
  g_signal_group_set_target (self->stages_signals, NULL);
  g_signal_group_set_target (self->links_signals, NULL);
  g_clear_object (&self->plan);
}

CyclePlan *
cycle_canvas_get_plan (CycleCanvas *self)
{
  g_return_val_if_fail (CYCLE_IS_CANVAS (self), NULL);

  return self->plan;
}

void
cycle_canvas_set_plan (CycleCanvas *self,
                       CyclePlan   *plan)
{
  GListModel *stages, *links;

  g_return_if_fail (CYCLE_IS_CANVAS (self));
  g_return_if_fail (plan == NULL || CYCLE_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  clear_plan (self);

  if (plan != NULL)
    {
      self->plan = g_object_ref (plan);
      self->layout = cycle_plan_get_layout (plan);
      stages = cycle_plan_get_stages (plan);
      links = cycle_plan_get_links (plan);

      g_signal_group_set_target (self->plan_signals, plan);
      g_signal_group_set_target (self->stages_signals, stages);
      g_signal_group_set_target (self->links_signals, links);

      on_stages_items_changed_cb (self, 0, 0, g_list_model_get_n_items (stages), stages);
      on_links_items_changed_cb (self, 0, 0, g_list_model_get_n_items (links), links);
    }

  self->layout_hint_shown = FALSE;
  self->fit_pending = TRUE;
  invalidate_volumes (self);
  _cycle_canvas_selection_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[CANVAS_PROP_PLAN]);
}

CycleChecker *
cycle_canvas_get_checker (CycleCanvas *self)
{
  g_return_val_if_fail (CYCLE_IS_CANVAS (self), NULL);

  return self->checker;
}

void
cycle_canvas_set_checker (CycleCanvas  *self,
                          CycleChecker *checker)
{
  g_return_if_fail (CYCLE_IS_CANVAS (self));
  g_return_if_fail (checker == NULL || CYCLE_IS_CHECKER (checker));

  if (!g_set_object (&self->checker, checker))
    return;

  for (guint i = 0; i < self->stage_widgets->len; i++)
    cycle_stage_widget_set_checker (_cycle_canvas_widget_at (self, i), checker);

  g_object_notify_by_pspec (G_OBJECT (self), properties[CANVAS_PROP_CHECKER]);
}

void
cycle_canvas_set_projection (CycleCanvas *self,
                             double       start,
                             guint        cycles)
{
  g_return_if_fail (CYCLE_IS_CANVAS (self));

  if (self->projection_start == start && self->projection_cycles == cycles)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->projection_start != start)
    {
      self->projection_start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[CANVAS_PROP_PROJECTION_START]);
    }
  if (self->projection_cycles != cycles)
    {
      self->projection_cycles = cycles;
      g_object_notify_by_pspec (G_OBJECT (self), properties[CANVAS_PROP_PROJECTION_CYCLES]);
    }
  invalidate_volumes (self);
  g_object_thaw_notify (G_OBJECT (self));
}

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
      /* A drag under way: only the dragged stages' links follow, straight (see start_move). */
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
static void
shown_bounds (CycleCanvas *self,
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

  shown_bounds (self, index, &b);
  cycle_canvas_canvas_to_widget (self, b.x, b.y, &x, &y);
  rect->x = (int) floor (x);
  rect->y = (int) floor (y);
  rect->width = MAX (1, (int) ceil (b.width * self->zoom));
  rect->height = MAX (1, (int) ceil (b.height * self->zoom));
}

/* ------------------------------------------------------------------------------------------------
 * Selection
 */

static void
update_handles (CycleCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (guint i = 0; i < self->stage_widgets->len; i++)
    {
      CycleStageWidget *widget = _cycle_canvas_widget_at (self, i);
      CycleStage *stage = cycle_stage_widget_get_stage (widget);
      gboolean show = stage == self->hover || stage == self->anchor ||
                      GTK_WIDGET (widget) == focus;

      cycle_stage_widget_set_show_handle (widget, show && self->drag != DRAG_MOVE);
    }
}

void
_cycle_canvas_selection_changed (CycleCanvas *self)
{
  for (guint i = 0; i < self->stage_widgets->len; i++)
    {
      CycleStageWidget *widget = _cycle_canvas_widget_at (self, i);
      CycleStage *stage = cycle_stage_widget_get_stage (widget);

      cycle_stage_widget_set_selected (widget,
                                       g_hash_table_contains (self->selected_stages, stage));
    }

  /* The anchor is always one of the selected stages, when there are any. */
  if (self->anchor != NULL && !g_hash_table_contains (self->selected_stages, self->anchor))
    self->anchor = NULL;
  if (self->anchor == NULL && g_hash_table_size (self->selected_stages) > 0)
    {
      for (guint i = 0; i < self->stage_widgets->len && self->anchor == NULL; i++)
        {
          CycleStage *stage = cycle_stage_widget_get_stage (_cycle_canvas_widget_at (self, i));

          if (g_hash_table_contains (self->selected_stages, stage))
            self->anchor = stage;
        }
    }

  update_handles (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _cycle_canvas_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[CANVAS_PROP_SELECTED_STAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[CANVAS_PROP_HAS_SELECTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[CANVAS_PROP_SELECTION_LANE]);
}

CycleStage *
cycle_canvas_get_selected_stage (CycleCanvas *self)
{
  g_return_val_if_fail (CYCLE_IS_CANVAS (self), NULL);

  return self->anchor;
}

gboolean
cycle_canvas_has_selection (CycleCanvas *self)
{
  g_return_val_if_fail (CYCLE_IS_CANVAS (self), FALSE);

  return g_hash_table_size (self->selected_stages) > 0 ||
         g_hash_table_size (self->selected_links) > 0;
}

GPtrArray *
cycle_canvas_get_selected_stages (CycleCanvas *self)
{
  GPtrArray *result;

  g_return_val_if_fail (CYCLE_IS_CANVAS (self), NULL);

  result = g_ptr_array_new ();
  for (guint i = 0; i < self->stage_widgets->len; i++)
    {
      CycleStage *stage = cycle_stage_widget_get_stage (_cycle_canvas_widget_at (self, i));

      if (g_hash_table_contains (self->selected_stages, stage))
        g_ptr_array_add (result, stage);
    }

  return result;
}

GPtrArray *
cycle_canvas_get_selected_links (CycleCanvas *self)
{
  GPtrArray *result;

  g_return_val_if_fail (CYCLE_IS_CANVAS (self), NULL);

  result = g_ptr_array_new ();
  for (guint i = 0; i < self->links->len; i++)
    {
      CycleLink *link = g_ptr_array_index (self->links, i);

      if (g_hash_table_contains (self->selected_links, link))
        g_ptr_array_add (result, link);
    }

  return result;
}

void
cycle_canvas_select_stage (CycleCanvas     *self,
                           CycleStage      *stage,
                           CycleSelectMode  mode)
{
  g_return_if_fail (CYCLE_IS_CANVAS (self));
  g_return_if_fail (stage == NULL || CYCLE_IS_STAGE (stage));

  if (stage != NULL && !g_hash_table_contains (self->widget_for_stage, stage))
    return;

  switch (mode)
    {
    case CYCLE_SELECT_TOGGLE:
      if (stage != NULL && !g_hash_table_remove (self->selected_stages, stage))
        {
          g_hash_table_add (self->selected_stages, stage);
          self->anchor = stage;
        }
      break;

    case CYCLE_SELECT_EXTEND:
      if (stage != NULL)
        {
          g_hash_table_add (self->selected_stages, stage);
          self->anchor = stage;
        }
      break;

    case CYCLE_SELECT_REPLACE:
    default:
      g_hash_table_remove_all (self->selected_stages);
      g_hash_table_remove_all (self->selected_links);
      if (stage != NULL)
        g_hash_table_add (self->selected_stages, stage);
      self->anchor = stage;
      break;
    }

  _cycle_canvas_selection_changed (self);
}

void
cycle_canvas_select_link (CycleCanvas     *self,
                          CycleLink       *link,
                          CycleSelectMode  mode)
{
  g_return_if_fail (CYCLE_IS_CANVAS (self));
  g_return_if_fail (CYCLE_IS_LINK (link));

  if (!g_ptr_array_find (self->links, link, NULL))
    return;

  switch (mode)
    {
    case CYCLE_SELECT_TOGGLE:
      if (!g_hash_table_remove (self->selected_links, link))
        g_hash_table_add (self->selected_links, link);
      break;

    case CYCLE_SELECT_EXTEND:
      g_hash_table_add (self->selected_links, link);
      break;

    case CYCLE_SELECT_REPLACE:
    default:
      g_hash_table_remove_all (self->selected_stages);
      g_hash_table_remove_all (self->selected_links);
      g_hash_table_add (self->selected_links, link);
      self->anchor = NULL;
      break;
    }

  _cycle_canvas_selection_changed (self);
}

void
cycle_canvas_select_all (CycleCanvas *self)
{
  g_return_if_fail (CYCLE_IS_CANVAS (self));

  for (guint i = 0; i < self->stage_widgets->len; i++)
    g_hash_table_add (self->selected_stages,
                      cycle_stage_widget_get_stage (_cycle_canvas_widget_at (self, i)));
  for (guint i = 0; i < self->links->len; i++)
    g_hash_table_add (self->selected_links, g_ptr_array_index (self->links, i));

  _cycle_canvas_selection_changed (self);
}

void
cycle_canvas_unselect_all (CycleCanvas *self)
{
  g_return_if_fail (CYCLE_IS_CANVAS (self));

  g_hash_table_remove_all (self->selected_stages);
  g_hash_table_remove_all (self->selected_links);
  self->anchor = NULL;
  _cycle_canvas_selection_changed (self);
}

void
_cycle_canvas_focus_stage (CycleCanvas *self,
                           CycleStage  *stage)
{
  GtkWidget *widget = g_hash_table_lookup (self->widget_for_stage, stage);

  if (widget == NULL)
    return;

  self->focus_from_pointer = TRUE;
  gtk_widget_grab_focus (widget);
  self->focus_from_pointer = FALSE;
  update_handles (self);
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
  widget_to_canvas (self, x, y, &cx, &cy);
  self->zoom = zoom;
  self->pan_x = x - cx * zoom;
  self->pan_y = y - cy * zoom;
  self->fit_pending = FALSE;
  self->auto_fit = FALSE;

  _cycle_canvas_update_zoom_label (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[CANVAS_PROP_ZOOM]);
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
      g_object_notify_by_pspec (G_OBJECT (self), properties[CANVAS_PROP_ZOOM]);
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

static void
link_node_free (gpointer data)
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

static void
forget_drawings (CycleCanvas *self)
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

static void
cycle_canvas_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);
  CycleStageWidget *dragged = NULL;
  CycleRect visible;

  _cycle_canvas_ensure_geometry (self);
  visible_area (self, &visible);

  /* Bands and links: drawn in canvas units, each under the view's transform. */
  if (self->n_bands > 0)
    gtk_snapshot_append_node (snapshot, bands_node (self));

  /* One small node per link, of its own bounds: moving a stage draws again only its links,
   * and the renderer skips the nodes outside the damaged area. */
  for (guint i = 0; i < self->links->len && i < self->n_paths; i++)
    {
      const CycleRect *b = &self->link_bounds[i];

      if (b->width <= 0 || b->height <= 0 || !rects_intersect (b, &visible))
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

      shown_bounds (self, i, &b);
      b.x -= CYCLE_RENDER_STAGE_MARGIN;
      b.y -= CYCLE_RENDER_STAGE_MARGIN;
      b.width += 2 * CYCLE_RENDER_STAGE_MARGIN;
      b.height += 2 * CYCLE_RENDER_STAGE_MARGIN;
      if (!rects_intersect (&b, &visible))
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

/* ------------------------------------------------------------------------------------------------
 * Size
 */

static void
cycle_canvas_measure (GtkWidget      *widget,
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

static void
cycle_canvas_size_allocate (GtkWidget *widget,
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

      shown_bounds (self, i, &b);
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

/* ------------------------------------------------------------------------------------------------
 * Pointer
 */

static int
hit_stage (CycleCanvas *self,
           double       cx,
           double       cy)
{
  _cycle_canvas_ensure_geometry (self);

  if (self->n_geometry == 0)
    return -1;

  return cycle_layout_hit_stage (self->geometry, self->n_geometry, cx, cy);
}

/* The stage whose connect handle is under the point: only handles that show can be picked. */
static CycleStage *
hit_handle (CycleCanvas *self,
            double       cx,
            double       cy)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  double radius = MAX (HANDLE_PICK_RADIUS, 6.0 / self->zoom);

  for (guint i = self->stage_widgets->len; i > 0; i--)
    {
      CycleStageWidget *widget = _cycle_canvas_widget_at (self, i - 1);
      CycleStage *stage = cycle_stage_widget_get_stage (widget);
      CyclePoint p;

      if (stage != self->hover && stage != self->anchor && GTK_WIDGET (widget) != focus)
        continue;

      cycle_stage_widget_get_handle_point (widget, &p);
      if (hypot (cx - p.x, cy - p.y) <= radius)
        return stage;
    }

  return NULL;
}

CycleLink *
_cycle_canvas_hit_link (CycleCanvas *self,
                        double       cx,
                        double       cy)
{
  _cycle_canvas_ensure_geometry (self);

  for (guint i = MIN (self->links->len, self->n_paths); i > 0; i--)
    {
      const CycleRect *b = &self->link_bounds[i - 1];

      if (b->width <= 0 || cx < b->x || cy < b->y || cx > b->x + b->width ||
          cy > b->y + b->height)
        continue;
      if (cycle_link_path_hit (&self->paths[i - 1], cx, cy, LINK_PICK_TOLERANCE / self->zoom))
        return g_ptr_array_index (self->links, i - 1);
    }

  return NULL;
}

static CycleStage *
stage_at (CycleCanvas *self,
          int          index)
{
  return index >= 0 ? cycle_stage_widget_get_stage (_cycle_canvas_widget_at (self, index)) : NULL;
}

static void
set_hover (CycleCanvas *self,
           CycleStage  *stage)
{
  if (self->hover == stage)
    return;

  self->hover = stage;
  update_handles (self);
}

static void
update_cursor (CycleCanvas *self,
               double       x,
               double       y)
{
  double cx, cy;
  CycleStage *handle, *stage = NULL;
  const char *cursor = NULL;

  widget_to_canvas (self, x, y, &cx, &cy);

  switch (self->drag)
    {
    case DRAG_MOVE:
      cursor = "grabbing";
      break;
    case DRAG_CONNECT:
      cursor = "crosshair";
      break;
    case DRAG_PAN:
      cursor = "grabbing";
      break;
    case DRAG_NONE:
    case DRAG_MOVE_PENDING:
    case DRAG_RUBBER_BAND:
    default:
      handle = hit_handle (self, cx, cy);
      if (handle != NULL)
        {
          stage = handle;
          cursor = "crosshair";
        }
      else
        {
          stage = stage_at (self, hit_stage (self, cx, cy));
          if (stage != NULL)
            cursor = "grab";
          else if (_cycle_canvas_hit_link (self, cx, cy) != NULL)
            cursor = "pointer";
        }
      set_hover (self, stage);
      break;
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              CycleCanvas              *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  update_cursor (self, x, y);
}

static void
on_motion_leave_cb (GtkEventControllerMotion *controller,
                    CycleCanvas              *self)
{
  if (self->drag == DRAG_NONE)
    set_hover (self, NULL);
}

/* While stages are dragged, their links follow them by the short way, and the other links
 * keep their way round the stages: routing every link round every stage for each frame
 * (cycle_layout_compute_links) costs more than a frame has. The drop routes them all again. */
static void
start_drag_routing (CycleCanvas *self)
{
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);

  _cycle_canvas_ensure_geometry (self);

  for (guint i = 0; i < self->stage_widgets->len; i++)
    g_hash_table_insert (index, cycle_stage_widget_get_stage (_cycle_canvas_widget_at (self, i)),
                         GUINT_TO_POINTER (i + 1));

  self->drag_routing = g_array_new (FALSE, FALSE, sizeof (DragLink));
  for (guint i = 0; i < self->links->len; i++)
    {
      CycleLink *link = g_ptr_array_index (self->links, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (index, cycle_link_get_source (link)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (index, cycle_link_get_target (link)));
      gboolean moving = FALSE;

      for (guint j = 0; j < self->drag_origins->len && !moving; j++)
        {
          CycleStage *stage = g_array_index (self->drag_origins, DragOrigin, j).stage;

          moving = stage == cycle_link_get_source (link) || stage == cycle_link_get_target (link);
        }

      if (moving && from > 0 && to > 0)
        {
          DragLink d = { i, from - 1, to - 1 };

          g_array_append_val (self->drag_routing, d);
        }
    }
}

static void
stop_drag_routing (CycleCanvas *self)
{
  if (self->drag_routing == NULL)
    return;

  g_clear_pointer (&self->drag_routing, g_array_unref);
  invalidate_geometry (self);
}

static void
start_move (CycleCanvas *self)
{
  g_autoptr(GPtrArray) selected = cycle_canvas_get_selected_stages (self);

  self->drag = DRAG_MOVE;
  self->drag_collapse = FALSE;
  g_array_set_size (self->drag_origins, 0);

  if (self->layout == CYCLE_LAYOUT_FREE)
    {
      cycle_plan_begin_group (self->plan, ngettext ("Move Stage", "Move Stages", selected->len));
      self->drag_group_open = TRUE;
      for (guint i = 0; i < selected->len; i++)
        {
          CycleStage *stage = g_ptr_array_index (selected, i);
          DragOrigin origin = { stage, cycle_stage_get_x (stage), cycle_stage_get_y (stage) };

          g_array_append_val (self->drag_origins, origin);
        }
      start_drag_routing (self);
    }
  else
    {
      self->drag_dx = 0;
      self->drag_dy = 0;
      if (!self->layout_hint_shown)
        {
          self->layout_hint_shown = TRUE;
          _cycle_canvas_message (self,
                                 _("This layout places stages by their order: dragging moves a "
                                   "stage to another place in its lane. Switch to Free to place "
                                   "stages anywhere."),
                                 FALSE);
        }
    }

  update_handles (self);
}

static void
update_move (CycleCanvas *self,
             double       offset_x,
             double       offset_y)
{
  double dx = offset_x / self->zoom;
  double dy = offset_y / self->zoom;

  if (self->layout != CYCLE_LAYOUT_FREE)
    {
      self->drag_dx = dx;
      self->drag_dy = dy;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  for (guint i = 0; i < self->drag_origins->len; i++)
    {
      DragOrigin *origin = &g_array_index (self->drag_origins, DragOrigin, i);

      /* Whole canvas units keep the file tidy. */
      cycle_stage_set_position (origin->stage,
                                CLAMP (round (origin->x + dx), -1e6, 1e6),
                                CLAMP (round (origin->y + dy), -1e6, 1e6));
    }
}

/* Computed layouts: the dragged stage takes the place of the stage of its lane whose place is
 * nearest to where it was dropped. */
static void
finish_reorder (CycleCanvas *self)
{
  int index = _cycle_canvas_stage_index (self, self->drag_stage);
  CycleStage *best = NULL;
  double best_distance = G_MAXDOUBLE;
  double x, y;

  if (index < 0)
    return;

  x = self->geometry[index].bounds.x + self->geometry[index].bounds.width / 2 + self->drag_dx;
  y = self->geometry[index].bounds.y + self->geometry[index].bounds.height / 2 + self->drag_dy;

  for (guint i = 0; i < self->n_geometry; i++)
    {
      CycleStage *stage = stage_at (self, (int) i);
      const CycleRect *b = &self->geometry[i].bounds;
      double distance;

      if (cycle_stage_get_lane (stage) != cycle_stage_get_lane (self->drag_stage))
        continue;

      distance = hypot (b->x + b->width / 2 - x, b->y + b->height / 2 - y);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = stage;
        }
    }

  self->drag_dx = 0;
  self->drag_dy = 0;
  if (best != NULL && best != self->drag_stage)
    _cycle_canvas_reorder_stage (self, self->drag_stage, best);
}

static void
update_rubber_band (CycleCanvas *self,
                    double       offset_x,
                    double       offset_y)
{
  double x1, y1, x2, y2;
  GHashTableIter iter;
  gpointer item;

  widget_to_canvas (self, self->drag_start_x, self->drag_start_y, &x1, &y1);
  widget_to_canvas (self, self->drag_start_x + offset_x, self->drag_start_y + offset_y, &x2, &y2);
  self->rubber = (CycleRect) { MIN (x1, x2), MIN (y1, y2), fabs (x2 - x1), fabs (y2 - y1) };

  g_hash_table_remove_all (self->selected_stages);
  g_hash_table_remove_all (self->selected_links);
  g_hash_table_iter_init (&iter, self->rubber_base);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      if (CYCLE_IS_STAGE (item))
        g_hash_table_add (self->selected_stages, item);
      else
        g_hash_table_add (self->selected_links, item);
    }

  /* Stages the band touches. */
  for (guint i = 0; i < self->n_geometry; i++)
    if (rects_intersect (&self->geometry[i].bounds, &self->rubber))
      g_hash_table_add (self->selected_stages, stage_at (self, (int) i));

  gtk_widget_set_visible (self->rubber_band, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  _cycle_canvas_selection_changed (self);
}

void
cycle_canvas_pointer_press (CycleCanvas     *self,
                            guint            button,
                            double           x,
                            double           y,
                            GdkModifierType  state)
{
  double cx, cy;
  CycleStage *stage;
  CycleLink *link;

  g_return_if_fail (CYCLE_IS_CANVAS (self));

  if (self->drag != DRAG_NONE)
    cycle_canvas_cancel_drag (self);
  if (self->renaming != NULL)
    _cycle_canvas_stop_rename (self, TRUE);
  self->press_link = NULL;
  if (self->plan == NULL)
    return;

  self->drag_button = button;
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->drag_start_pan_x = self->pan_x;
  self->drag_start_pan_y = self->pan_y;
  self->pointer_x = x;
  self->pointer_y = y;

  if (button == GDK_BUTTON_MIDDLE)
    {
      self->drag = DRAG_PAN;
      update_cursor (self, x, y);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    return;

  _cycle_canvas_ensure_geometry (self);
  widget_to_canvas (self, x, y, &cx, &cy);

  /* Check the hover state first: a press without a motion before it (a test, a touch). */
  if (self->hover == NULL)
    update_cursor (self, x, y);

  stage = hit_handle (self, cx, cy);
  if (stage != NULL)
    {
      self->drag = DRAG_CONNECT;
      g_clear_object (&self->preview_link);
      self->preview_link = cycle_link_new (stage, stage, CYCLE_LINK_NEXT);
      self->connect_target = NULL;
      self->connect_point = (CyclePoint) { cx, cy };
      update_cursor (self, x, y);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  stage = stage_at (self, hit_stage (self, cx, cy));
  if (stage != NULL)
    {
      self->drag_stage = stage;
      if (state & GDK_CONTROL_MASK)
        {
          cycle_canvas_select_stage (self, stage, CYCLE_SELECT_TOGGLE);
          _cycle_canvas_focus_stage (self, stage);
          return;
        }

      if (state & GDK_SHIFT_MASK)
        cycle_canvas_select_stage (self, stage, CYCLE_SELECT_EXTEND);
      else if (!g_hash_table_contains (self->selected_stages, stage))
        cycle_canvas_select_stage (self, stage, CYCLE_SELECT_REPLACE);
      else
        {
          /* Keep the others for a drag; a plain click selects this one alone (on release). */
          self->anchor = stage;
          self->drag_collapse = g_hash_table_size (self->selected_stages) > 1 ||
                                g_hash_table_size (self->selected_links) > 0;
          _cycle_canvas_selection_changed (self);
        }
      _cycle_canvas_focus_stage (self, stage);
      self->drag = DRAG_MOVE_PENDING;
      return;
    }

  link = _cycle_canvas_hit_link (self, cx, cy);
  if (link != NULL)
    {
      cycle_canvas_select_link (self, link,
                                (state & GDK_CONTROL_MASK) ? CYCLE_SELECT_TOGGLE :
                                (state & GDK_SHIFT_MASK) ? CYCLE_SELECT_EXTEND
                                                         : CYCLE_SELECT_REPLACE);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      /* A plain click opens the link's editor, once released where it was pressed. */
      if (!(state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
        self->press_link = link;
      return;
    }

  /* Empty canvas: a rubber band (adding to the selection with Shift or Ctrl). */
  if (!(state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)))
    cycle_canvas_unselect_all (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));

  g_clear_pointer (&self->rubber_base, g_hash_table_unref);
  self->rubber_base = g_hash_table_new (NULL, NULL);
  {
    GHashTableIter iter;
    gpointer item;

    g_hash_table_iter_init (&iter, self->selected_stages);
    while (g_hash_table_iter_next (&iter, &item, NULL))
      g_hash_table_add (self->rubber_base, item);
    g_hash_table_iter_init (&iter, self->selected_links);
    while (g_hash_table_iter_next (&iter, &item, NULL))
      g_hash_table_add (self->rubber_base, item);
  }
  self->rubber = (CycleRect) { cx, cy, 0, 0 };
  self->drag = DRAG_RUBBER_BAND;
}

static gboolean
past_threshold (CycleCanvas *self,
                double       offset_x,
                double       offset_y)
{
  return gtk_drag_check_threshold (GTK_WIDGET (self),
                                   (int) self->drag_start_x, (int) self->drag_start_y,
                                   (int) (self->drag_start_x + offset_x),
                                   (int) (self->drag_start_y + offset_y));
}

void
cycle_canvas_pointer_drag (CycleCanvas *self,
                           double       offset_x,
                           double       offset_y)
{
  double cx, cy;

  g_return_if_fail (CYCLE_IS_CANVAS (self));

  self->pointer_x = self->drag_start_x + offset_x;
  self->pointer_y = self->drag_start_y + offset_y;

  switch (self->drag)
    {
    case DRAG_PAN:
      cycle_canvas_set_pan (self, self->drag_start_pan_x + offset_x,
                            self->drag_start_pan_y + offset_y);
      break;

    case DRAG_MOVE_PENDING:
      if (!past_threshold (self, offset_x, offset_y))
        break;
      start_move (self);
      update_move (self, offset_x, offset_y);
      break;

    case DRAG_MOVE:
      update_move (self, offset_x, offset_y);
      break;

    case DRAG_CONNECT:
      {
        CycleStage *target;

        widget_to_canvas (self, self->pointer_x, self->pointer_y, &cx, &cy);
        self->connect_point = (CyclePoint) { cx, cy };
        target = stage_at (self, hit_stage (self, cx, cy));
        if (target == cycle_link_get_source (self->preview_link))
          target = NULL;
        if (target != self->connect_target)
          {
            if (self->connect_target != NULL)
              gtk_widget_unset_state_flags (g_hash_table_lookup (self->widget_for_stage,
                                                                 self->connect_target),
                                            GTK_STATE_FLAG_DROP_ACTIVE);
            self->connect_target = target;
            if (target != NULL)
              gtk_widget_set_state_flags (g_hash_table_lookup (self->widget_for_stage, target),
                                          GTK_STATE_FLAG_DROP_ACTIVE, FALSE);
          }
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case DRAG_RUBBER_BAND:
      if (!gtk_widget_get_visible (self->rubber_band) && !past_threshold (self, offset_x, offset_y))
        break;
      update_rubber_band (self, offset_x, offset_y);
      break;

    case DRAG_NONE:
    default:
      break;
    }

  update_cursor (self, self->pointer_x, self->pointer_y);
}

static void
end_connect (CycleCanvas *self,
             gboolean     commit)
{
  CycleStage *source = self->preview_link != NULL ? cycle_link_get_source (self->preview_link)
                                                  : NULL;
  CycleStage *target = self->connect_target;

  if (target != NULL)
    {
      GtkWidget *widget = g_hash_table_lookup (self->widget_for_stage, target);

      if (widget != NULL)
        gtk_widget_unset_state_flags (widget, GTK_STATE_FLAG_DROP_ACTIVE);
    }

  self->connect_target = NULL;
  g_clear_object (&self->preview_link);
  self->drag = DRAG_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (commit && source != NULL && target != NULL)
    {
      CycleLink *link = cycle_canvas_connect (self, source, target);

      if (link != NULL)
        cycle_canvas_select_link (self, link, CYCLE_SELECT_REPLACE);
    }
}

void
cycle_canvas_pointer_release (CycleCanvas *self)
{
  DragMode drag;

  g_return_if_fail (CYCLE_IS_CANVAS (self));

  drag = self->drag;

  switch (drag)
    {
    case DRAG_MOVE_PENDING:
      self->drag = DRAG_NONE;
      if (self->drag_collapse && self->drag_stage != NULL)
        cycle_canvas_select_stage (self, self->drag_stage, CYCLE_SELECT_REPLACE);
      break;

    case DRAG_MOVE:
      self->drag = DRAG_NONE;
      stop_drag_routing (self);
      if (self->drag_group_open)
        {
          self->drag_group_open = FALSE;
          cycle_plan_end_group (self->plan);
        }
      else if (self->drag_stage != NULL)
        {
          finish_reorder (self);
        }
      g_array_set_size (self->drag_origins, 0);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      break;

    case DRAG_CONNECT:
      end_connect (self, TRUE);
      break;

    case DRAG_RUBBER_BAND:
      self->drag = DRAG_NONE;
      gtk_widget_set_visible (self->rubber_band, FALSE);
      g_clear_pointer (&self->rubber_base, g_hash_table_unref);
      break;

    case DRAG_NONE:
      if (self->press_link != NULL &&
          !past_threshold (self, self->pointer_x - self->drag_start_x,
                           self->pointer_y - self->drag_start_y))
        cycle_canvas_edit_link (self, self->press_link);
      break;

    case DRAG_PAN:
    default:
      self->drag = DRAG_NONE;
      break;
    }

  self->press_link = NULL;
  self->drag_stage = NULL;
  self->drag_collapse = FALSE;
  update_handles (self);
  update_cursor (self, self->pointer_x, self->pointer_y);
}

/* Escape, a broken grab, undo, or the model changing under the drag. */
void
cycle_canvas_cancel_drag (CycleCanvas *self)
{
  g_return_if_fail (CYCLE_IS_CANVAS (self));

  switch (self->drag)
    {
    case DRAG_MOVE:
      stop_drag_routing (self);
      if (self->drag_group_open)
        {
          for (guint i = 0; i < self->drag_origins->len; i++)
            {
              DragOrigin *origin = &g_array_index (self->drag_origins, DragOrigin, i);

              if (cycle_item_get_plan (CYCLE_ITEM (origin->stage)) == self->plan)
                cycle_stage_set_position (origin->stage, origin->x, origin->y);
            }
          self->drag_group_open = FALSE;
          cycle_plan_end_group (self->plan);
        }
      self->drag_dx = 0;
      self->drag_dy = 0;
      g_array_set_size (self->drag_origins, 0);
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      break;

    case DRAG_CONNECT:
      end_connect (self, FALSE);
      break;

    case DRAG_RUBBER_BAND:
      gtk_widget_set_visible (self->rubber_band, FALSE);
      g_clear_pointer (&self->rubber_base, g_hash_table_unref);
      break;

    case DRAG_MOVE_PENDING:
    case DRAG_PAN:
    case DRAG_NONE:
    default:
      break;
    }

  self->drag = DRAG_NONE;
  self->drag_stage = NULL;
  self->drag_collapse = FALSE;
  self->press_link = NULL;
}

gboolean
_cycle_canvas_cancel_drag (CycleCanvas *self)
{
  if (self->drag == DRAG_NONE || self->drag == DRAG_MOVE_PENDING)
    return FALSE;

  cycle_canvas_cancel_drag (self);
  return TRUE;
}

static void
on_drag_begin_cb (GtkGestureDrag *gesture,
                  double          x,
                  double          y,
                  CycleCanvas    *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  cycle_canvas_pointer_press (self, button, x, y, state);
  if (self->drag != DRAG_NONE)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_update_cb (GtkGestureDrag *gesture,
                   double          offset_x,
                   double          offset_y,
                   CycleCanvas    *self)
{
  cycle_canvas_pointer_drag (self, offset_x, offset_y);
}

static void
on_drag_end_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                CycleCanvas    *self)
{
  cycle_canvas_pointer_release (self);
}

static void
on_drag_cancel_cb (GtkGesture       *gesture,
                   GdkEventSequence *sequence,
                   CycleCanvas      *self)
{
  cycle_canvas_cancel_drag (self);
}

static void
on_click_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     CycleCanvas     *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  double cx, cy;
  CycleStage *stage;

  if (self->plan == NULL)
    return;

  widget_to_canvas (self, x, y, &cx, &cy);

  if (button == GDK_BUTTON_SECONDARY)
    {
      _cycle_canvas_show_menu_at (self, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  if (button != GDK_BUTTON_PRIMARY || n_press != 2)
    return;

  stage = stage_at (self, hit_stage (self, cx, cy));
  if (stage != NULL)
    {
      g_signal_emit (self, signals[CANVAS_SIGNAL_STAGE_ACTIVATED], 0, stage);
    }
  else if (_cycle_canvas_hit_link (self, cx, cy) == NULL && hit_handle (self, cx, cy) == NULL)
    {
      /* A new stage centred where the double click was. */
      CyclePoint at = { round (cx - CYCLE_STAGE_WIDTH / 2), round (cy - CYCLE_STAGE_HEIGHT / 2) };
      CycleLane lane = self->anchor != NULL ? cycle_stage_get_lane (self->anchor)
                                            : CYCLE_LANE_INTERNAL;

      cycle_canvas_add_stage (self, lane, &at);
    }
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              CycleCanvas              *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  GdkScrollUnit unit = gtk_event_controller_scroll_get_unit (controller);
  double step = unit == GDK_SCROLL_UNIT_WHEEL ? 48.0 : 1.0;

  if (state & GDK_CONTROL_MASK)
    {
      double factor = pow (unit == GDK_SCROLL_UNIT_WHEEL ? 1.15 : 1.01, -dy);

      cycle_canvas_set_zoom (self, self->zoom * factor,
                             &GRAPHENE_POINT_INIT (self->pointer_x, self->pointer_y));
      return TRUE;
    }

  /* Shift turns a vertical wheel into a horizontal one. */
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  cycle_canvas_set_pan (self, self->pan_x - dx * step, self->pan_y - dy * step);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------
 * Keyboard focus: Tab goes through the stages in the plan's order
 */

static gboolean
cycle_canvas_focus (GtkWidget        *widget,
                    GtkDirectionType  direction)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  int index = -1;
  guint n = self->stage_widgets->len;
  GtkWidget *next = NULL;

  if (focus_child != NULL && !CYCLE_IS_STAGE_WIDGET (focus_child))
    return gtk_widget_child_focus (focus_child, direction);

  if (focus_child != NULL)
    index = _cycle_canvas_stage_index (self, cycle_stage_widget_get_stage (
                                         CYCLE_STAGE_WIDGET (focus_child)));

  switch (direction)
    {
    case GTK_DIR_TAB_FORWARD:
      if (index >= 0)
        next = (guint) index + 1 < n ? GTK_WIDGET (_cycle_canvas_widget_at (self, index + 1))
                                     : NULL;
      else if (!gtk_widget_has_focus (widget) && n == 0)
        next = widget;
      else if (self->anchor != NULL && !gtk_widget_has_focus (widget))
        next = g_hash_table_lookup (self->widget_for_stage, self->anchor);
      else if (n > 0)
        next = GTK_WIDGET (_cycle_canvas_widget_at (self, 0));
      break;

    case GTK_DIR_TAB_BACKWARD:
      if (index >= 0)
        next = index > 0 ? GTK_WIDGET (_cycle_canvas_widget_at (self, index - 1)) : NULL;
      else if (gtk_widget_has_focus (widget))
        next = NULL;
      else if (n == 0)
        next = widget;
      else if (self->anchor != NULL)
        next = g_hash_table_lookup (self->widget_for_stage, self->anchor);
      else
        next = GTK_WIDGET (_cycle_canvas_widget_at (self, n - 1));
      break;

    case GTK_DIR_UP:
    case GTK_DIR_DOWN:
    case GTK_DIR_LEFT:
    case GTK_DIR_RIGHT:
    default:
      /* Arrow keys are bindings of the canvas (cycle-canvas-actions.c). */
      if (index < 0 && !gtk_widget_has_focus (widget))
        next = n > 0 ? GTK_WIDGET (_cycle_canvas_widget_at (self, 0)) : widget;
      else
        return TRUE;
      break;
    }

  if (next == NULL)
    return FALSE;

  gtk_widget_grab_focus (next);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------
 * Style
 */

static void
update_style (CycleCanvas *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  cycle_render_style_init (&self->style, dark);
  forget_drawings (self);
  for (guint i = 0; i < self->stage_widgets->len; i++)
    cycle_stage_widget_style_changed (_cycle_canvas_widget_at (self, i));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_dark_changed_cb (CycleCanvas     *self,
                    GParamSpec      *pspec,
                    AdwStyleManager *manager)
{
  update_style (self);
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

static void
cycle_canvas_dispose (GObject *object)
{
  CycleCanvas *self = CYCLE_CANVAS (object);

  if (self->stage_widgets != NULL)
    clear_plan (self);

  /* After letting go of the plan, which queues these. */
  g_clear_handle_id (&self->links_text_id, g_source_remove);
  g_clear_handle_id (&self->zoom_label_id, g_source_remove);

  _cycle_canvas_actions_dispose (self);

  g_clear_pointer (&self->rubber_band, gtk_widget_unparent);
  g_clear_pointer (&self->rename_entry, gtk_widget_unparent);
  g_clear_pointer (&self->zoom_bar, gtk_widget_unparent);
  self->zoom_label = NULL;

  g_clear_object (&self->plan_signals);
  g_clear_object (&self->stages_signals);
  g_clear_object (&self->links_signals);
  g_clear_object (&self->preview_link);
  g_clear_object (&self->checker);

  G_OBJECT_CLASS (cycle_canvas_parent_class)->dispose (object);
}

static void
cycle_canvas_finalize (GObject *object)
{
  CycleCanvas *self = CYCLE_CANVAS (object);

  g_clear_pointer (&self->stage_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->widget_for_stage, g_hash_table_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->selected_stages, g_hash_table_unref);
  g_clear_pointer (&self->selected_links, g_hash_table_unref);
  g_clear_pointer (&self->rubber_base, g_hash_table_unref);
  g_clear_pointer (&self->drag_origins, g_array_unref);
  g_clear_pointer (&self->drag_routing, g_array_unref);
  g_clear_pointer (&self->geometry, g_free);
  g_clear_pointer (&self->volumes, g_free);
  g_clear_pointer (&self->paths, g_free);
  g_clear_pointer (&self->link_bounds, g_free);
  g_clear_pointer (&self->link_nodes, g_hash_table_unref);
  g_clear_pointer (&self->bands_node, gsk_render_node_unref);
  g_clear_pointer (&self->bands_shown, gsk_render_node_unref);
  g_clear_pointer (&self->bands_view, gsk_transform_unref);
  g_clear_pointer (&self->view, gsk_transform_unref);

  G_OBJECT_CLASS (cycle_canvas_parent_class)->finalize (object);
}

static void
cycle_canvas_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CycleCanvas *self = CYCLE_CANVAS (object);

  switch (prop_id)
    {
    case CANVAS_PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    case CANVAS_PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case CANVAS_PROP_SELECTED_STAGE:
      g_value_set_object (value, self->anchor);
      break;

    case CANVAS_PROP_HAS_SELECTION:
      g_value_set_boolean (value, cycle_canvas_has_selection (self));
      break;

    case CANVAS_PROP_SELECTION_LANE:
      g_value_set_enum (value, _cycle_canvas_get_selection_lane (self));
      break;

    case CANVAS_PROP_MENU_LINK_KIND:
      g_value_set_enum (value, _cycle_canvas_get_menu_link_kind (self));
      break;

    case CANVAS_PROP_CHECKER:
      g_value_set_object (value, self->checker);
      break;

    case CANVAS_PROP_PROJECTION_START:
      g_value_set_double (value, self->projection_start);
      break;

    case CANVAS_PROP_PROJECTION_CYCLES:
      g_value_set_uint (value, self->projection_cycles);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_canvas_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CycleCanvas *self = CYCLE_CANVAS (object);

  switch (prop_id)
    {
    case CANVAS_PROP_PLAN:
      cycle_canvas_set_plan (self, g_value_get_object (value));
      break;

    case CANVAS_PROP_ZOOM:
      cycle_canvas_set_zoom (self, g_value_get_double (value), NULL);
      break;

    case CANVAS_PROP_SELECTION_LANE:
      cycle_canvas_set_selection_lane (self, g_value_get_enum (value));
      break;

    case CANVAS_PROP_MENU_LINK_KIND:
      _cycle_canvas_set_menu_link_kind (self, g_value_get_enum (value));
      break;

    case CANVAS_PROP_CHECKER:
      cycle_canvas_set_checker (self, g_value_get_object (value));
      break;

    case CANVAS_PROP_PROJECTION_START:
      cycle_canvas_set_projection (self, g_value_get_double (value), self->projection_cycles);
      break;

    case CANVAS_PROP_PROJECTION_CYCLES:
      cycle_canvas_set_projection (self, self->projection_start, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_canvas_class_init (CycleCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cycle_canvas_dispose;
  object_class->finalize = cycle_canvas_finalize;
  object_class->get_property = cycle_canvas_get_property;
  object_class->set_property = cycle_canvas_set_property;

  widget_class->snapshot = cycle_canvas_snapshot;
  widget_class->measure = cycle_canvas_measure;
  widget_class->size_allocate = cycle_canvas_size_allocate;
  widget_class->focus = cycle_canvas_focus;

  properties[CANVAS_PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CYCLE_TYPE_PLAN, rw);
  properties[CANVAS_PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, CYCLE_CANVAS_MIN_ZOOM, CYCLE_CANVAS_MAX_ZOOM, 1.0,
                         rw);
  properties[CANVAS_PROP_SELECTED_STAGE] =
    g_param_spec_object ("selected-stage", NULL, NULL, CYCLE_TYPE_STAGE, ro);
  properties[CANVAS_PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE, ro);
  /* The lane of the selected stage; setting it moves every selected stage (the Lane menu). */
  properties[CANVAS_PROP_SELECTION_LANE] =
    g_param_spec_enum ("selection-lane", NULL, NULL, CYCLE_TYPE_LANE, CYCLE_LANE_INTERNAL, rw);
  /* The kind of the link whose menu is open (the Kind menu). */
  properties[CANVAS_PROP_MENU_LINK_KIND] =
    g_param_spec_enum ("menu-link-kind", NULL, NULL, CYCLE_TYPE_LINK_KIND, CYCLE_LINK_NEXT, rw);
  properties[CANVAS_PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL, CYCLE_TYPE_CHECKER, rw);
  properties[CANVAS_PROP_PROJECTION_START] =
    g_param_spec_double ("projection-start", NULL, NULL, 0, G_MAXDOUBLE, PROJECTION_START, rw);
  properties[CANVAS_PROP_PROJECTION_CYCLES] =
    g_param_spec_uint ("projection-cycles", NULL, NULL, 0, CYCLE_PROJECTION_MAX_CYCLES,
                       PROJECTION_CYCLES, rw);
  g_object_class_install_properties (object_class, CANVAS_N_PROPS, properties);

  /* Enter or a double click on a stage: the window opens the editor. */
  signals[CANVAS_SIGNAL_STAGE_ACTIVATED] =
    g_signal_new ("stage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CYCLE_TYPE_STAGE);
  /* Something to tell the person (a removal, a hint); the window shows it as a toast, with an
   * Undo button when @offer_undo. */
  signals[CANVAS_SIGNAL_MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_css_name (widget_class, "canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  _cycle_canvas_class_actions_init (widget_class);
}

static GtkWidget *
zoom_button_new (const char *icon_name,
                 const char *action_name,
                 const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_focusable (button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  return button;
}

static void
cycle_canvas_init (CycleCanvas *self)
{
  GtkGesture *drag, *pan, *click;
  GtkEventController *motion, *scroll;

  self->zoom = 1.0;
  self->projection_start = PROJECTION_START;
  self->projection_cycles = PROJECTION_CYCLES;
  self->layout = CYCLE_LAYOUT_FREE;
  self->fit_pending = TRUE;
  self->stage_widgets = g_ptr_array_new ();
  self->widget_for_stage = g_hash_table_new (NULL, NULL);
  self->links = g_ptr_array_new_with_free_func (g_object_unref);
  self->selected_stages = g_hash_table_new (NULL, NULL);
  self->selected_links = g_hash_table_new (NULL, NULL);
  self->link_nodes = g_hash_table_new_full (NULL, NULL, NULL, link_node_free);
  self->drag_origins = g_array_new (FALSE, FALSE, sizeof (DragOrigin));

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Plan"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The stages of the plan and the links between them"),
                                  -1);

  self->plan_signals = g_signal_group_new (CYCLE_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify::layout",
                                  G_CALLBACK (on_plan_notify_layout_cb), self);
  self->stages_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->stages_signals, "items-changed",
                                  G_CALLBACK (on_stages_items_changed_cb), self);
  self->links_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->links_signals, "items-changed",
                                  G_CALLBACK (on_links_items_changed_cb), self);

  /* The rubber band is a styled widget (Adwaita's "rubberband"), not a drawing. */
  self->rubber_band = g_object_new (GTK_TYPE_BOX,
                                    "can-target", FALSE,
                                    "visible", FALSE,
                                    "css-classes", (const char *[]) { "rubberband", NULL },
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                    NULL);
  gtk_widget_set_parent (self->rubber_band, GTK_WIDGET (self));

  self->zoom_label = gtk_button_new_with_label ("100 %");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->zoom_label), "canvas.zoom-fit");
  gtk_widget_set_tooltip_text (self->zoom_label, _("Show the Whole Plan (Ctrl+0)"));
  gtk_widget_set_focusable (self->zoom_label, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->zoom_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show the Whole Plan"),
                                  -1);
  gtk_widget_add_css_class (self->zoom_label, "numeric");
  self->zoom_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->zoom_bar, "linked");
  gtk_widget_add_css_class (self->zoom_bar, "zoom-bar");
  gtk_box_append (GTK_BOX (self->zoom_bar),
                  zoom_button_new ("zoom-out-symbolic", "canvas.zoom-out",
                                   _("Zoom Out (Ctrl+−)")));
  gtk_box_append (GTK_BOX (self->zoom_bar), self->zoom_label);
  gtk_box_append (GTK_BOX (self->zoom_bar),
                  zoom_button_new ("zoom-in-symbolic", "canvas.zoom-in", _("Zoom In (Ctrl++)")));
  gtk_widget_set_parent (self->zoom_bar, GTK_WIDGET (self));

  _cycle_canvas_actions_init (self);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  pan = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (pan), GDK_BUTTON_MIDDLE);
  g_signal_connect (pan, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (pan, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (pan, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  g_signal_connect (pan, "cancel", G_CALLBACK (on_drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pan));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_motion_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
  update_style (self);
}

GtkWidget *
cycle_canvas_new (void)
{
  return g_object_new (CYCLE_TYPE_CANVAS, NULL);
}
