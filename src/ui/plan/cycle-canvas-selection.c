/* cycle-canvas-selection.c: the selection of stages and links, and the handles it shows
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
 * Selection
 */

void
_cycle_canvas_update_handles (CycleCanvas *self)
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

  _cycle_canvas_update_handles (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _cycle_canvas_update_actions (self);

  _cycle_canvas_notify (self, CANVAS_PROP_SELECTED_STAGE);
  _cycle_canvas_notify (self, CANVAS_PROP_HAS_SELECTION);
  _cycle_canvas_notify (self, CANVAS_PROP_SELECTION_LANE);
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
  _cycle_canvas_update_handles (self);
}
