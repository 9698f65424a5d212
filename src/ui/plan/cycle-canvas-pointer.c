/* cycle-canvas-pointer.c: the pointer — hit testing, and the drag state machine (move, connect,
 * rubber band, pan)
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

/* How far from the handle's centre a press still picks it, in canvas units. */
#define HANDLE_PICK_RADIUS 11.0
/* How far from a link a press still picks it, in pixels. */
#define LINK_PICK_TOLERANCE 5.0

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
  _cycle_canvas_update_handles (self);
}

static void
update_cursor (CycleCanvas *self,
               double       x,
               double       y)
{
  double cx, cy;
  CycleStage *handle, *stage = NULL;
  const char *cursor = NULL;

  _cycle_canvas_widget_to_canvas (self, x, y, &cx, &cy);

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

void
_cycle_canvas_stop_drag_routing (CycleCanvas *self)
{
  if (self->drag_routing == NULL)
    return;

  g_clear_pointer (&self->drag_routing, g_array_unref);
  _cycle_canvas_invalidate_geometry (self);
}

void
_cycle_canvas_start_move (CycleCanvas *self)
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

  _cycle_canvas_update_handles (self);
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

  _cycle_canvas_widget_to_canvas (self, self->drag_start_x, self->drag_start_y, &x1, &y1);
  _cycle_canvas_widget_to_canvas (self, self->drag_start_x + offset_x,
                                  self->drag_start_y + offset_y, &x2, &y2);
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
    if (_cycle_canvas_rects_intersect (&self->geometry[i].bounds, &self->rubber))
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
  _cycle_canvas_widget_to_canvas (self, x, y, &cx, &cy);

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
      _cycle_canvas_start_move (self);
      update_move (self, offset_x, offset_y);
      break;

    case DRAG_MOVE:
      update_move (self, offset_x, offset_y);
      break;

    case DRAG_CONNECT:
      {
        CycleStage *target;

        _cycle_canvas_widget_to_canvas (self, self->pointer_x, self->pointer_y, &cx, &cy);
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
      _cycle_canvas_stop_drag_routing (self);
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
  _cycle_canvas_update_handles (self);
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
      _cycle_canvas_stop_drag_routing (self);
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

  _cycle_canvas_widget_to_canvas (self, x, y, &cx, &cy);

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
      _cycle_canvas_emit_stage_activated (self, stage);
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

/* The gestures and controllers of the pointer, set up once by cycle_canvas_init(). */
void
_cycle_canvas_pointer_init (CycleCanvas *self)
{
  GtkGesture *drag, *pan, *click;
  GtkEventController *motion, *scroll;

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
}
