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
 * The class spreads over files sharing cycle-canvas-private.h: this one (following the model, the
 * widget), -view.c (geometry, coordinates, zoom, pan, fit, size), -selection.c, -snapshot.c,
 * -pointer.c (hit testing and the drag state machine) and -actions.c.
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
#include "cycle-connect-popover.h"
#include "cycle-projection.h"

/* The projection shown on the stages, until the window says otherwise: this many people entering
 * the top, over one cycle. */
#define PROJECTION_START  1000.0
#define PROJECTION_CYCLES CYCLE_PROJECTION_STEADY

G_DEFINE_FINAL_TYPE (CycleCanvas, cycle_canvas, GTK_TYPE_WIDGET)

static GParamSpec *properties[CANVAS_N_PROPS];
static guint signals[CANVAS_N_SIGNALS];

/* ------------------------------------------------------------------------------------------------
 * Helpers
 */

void
_cycle_canvas_widget_to_canvas (CycleCanvas *self,
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
_cycle_canvas_notify (CycleCanvas *self,
                      CanvasProp   prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_cycle_canvas_emit_stage_activated (CycleCanvas *self,
                                    CycleStage  *stage)
{
  g_signal_emit (self, signals[CANVAS_SIGNAL_STAGE_ACTIVATED], 0, stage);
}

void
_cycle_canvas_message (CycleCanvas *self,
                       const char  *message,
                       gboolean     offer_undo)
{
  g_signal_emit (self, signals[CANVAS_SIGNAL_MESSAGE], 0, message, offer_undo);
}

gboolean
_cycle_canvas_rects_intersect (const CycleRect *a,
                               const CycleRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The part of the canvas the widget shows, in canvas units. */
void
_cycle_canvas_visible_area (CycleCanvas *self,
                            CycleRect   *area)
{
  area->x = -self->pan_x / self->zoom;
  area->y = -self->pan_y / self->zoom;
  area->width = gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom;
  area->height = gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom;
}

void
_cycle_canvas_invalidate_geometry (CycleCanvas *self)
{
  self->geometry_dirty = TRUE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
invalidate_volumes (CycleCanvas *self)
{
  self->volumes_dirty = TRUE;
  _cycle_canvas_invalidate_geometry (self);
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
      _cycle_canvas_invalidate_geometry (self);
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
  if (self->connect_popover != NULL &&
      cycle_connect_popover_get_source (CYCLE_CONNECT_POPOVER (self->connect_popover)) == stage)
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

  _cycle_canvas_stop_drag_routing (self);
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

  _cycle_canvas_stop_drag_routing (self);
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
  _cycle_canvas_forget_drawings (self);
  /* The picture changes shape: show all of it. */
  self->fit_pending = TRUE;
  _cycle_canvas_invalidate_geometry (self);
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
  _cycle_canvas_forget_drawings (self);
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

  g_clear_pointer (&self->rename_entry, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_CANVAS);

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

  widget_class->snapshot = _cycle_canvas_snapshot;
  widget_class->measure = _cycle_canvas_measure;
  widget_class->size_allocate = _cycle_canvas_size_allocate;
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
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-canvas.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleCanvas, rubber_band);
  gtk_widget_class_bind_template_child (widget_class, CycleCanvas, zoom_bar);
  gtk_widget_class_bind_template_child (widget_class, CycleCanvas, zoom_label);

  _cycle_canvas_class_actions_init (widget_class);
}

static void
cycle_canvas_init (CycleCanvas *self)
{
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
  self->link_nodes = g_hash_table_new_full (NULL, NULL, NULL, _cycle_canvas_link_node_free);
  self->drag_origins = g_array_new (FALSE, FALSE, sizeof (DragOrigin));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->plan_signals = g_signal_group_new (CYCLE_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify::layout",
                                  G_CALLBACK (on_plan_notify_layout_cb), self);
  self->stages_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->stages_signals, "items-changed",
                                  G_CALLBACK (on_stages_items_changed_cb), self);
  self->links_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->links_signals, "items-changed",
                                  G_CALLBACK (on_links_items_changed_cb), self);

  _cycle_canvas_actions_init (self);

  _cycle_canvas_pointer_init (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
  update_style (self);
}

GtkWidget *
cycle_canvas_new (void)
{
  return g_object_new (CYCLE_TYPE_CANVAS, NULL);
}
