/* cycle-autoscroll.c: scrolling while a drag hovers near the ends of a view (the board across
 * its columns, a column down its cards)
 *
 * The nearer the pointer is to an end, the faster the view scrolls towards it, on the widget's
 * frame clock, until the drag leaves the edge or ends.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-autoscroll"

#include "config.h"

#include "cycle-autoscroll.h"

#define AUTOSCROLL_EDGE      56.0   /* px from an end where a drag starts scrolling */
#define AUTOSCROLL_MAX_SPEED 1400.0 /* px/s at the very end */

struct _CycleAutoscroll
{
  GtkWidget      *widget;     /* not owned: owns this */
  GtkOrientation  orientation;
  GtkAdjustment  *adjustment;
  double          speed;      /* px/s, negative towards the start */
  gint64          last_time;
  guint           tick_id;
};

static gboolean
autoscroll_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  CycleAutoscroll *autoscroll = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (autoscroll->last_time != 0 && autoscroll->adjustment != NULL)
    {
      double dt = (now - autoscroll->last_time) / (double) G_USEC_PER_SEC;

      gtk_adjustment_set_value (autoscroll->adjustment,
                                gtk_adjustment_get_value (autoscroll->adjustment) +
                                autoscroll->speed * MIN (dt, 0.1));
    }
  autoscroll->last_time = now;

  return G_SOURCE_CONTINUE;
}

static void
autoscroll_stop (CycleAutoscroll *autoscroll)
{
  if (autoscroll->tick_id != 0)
    gtk_widget_remove_tick_callback (autoscroll->widget, autoscroll->tick_id);
  autoscroll->tick_id = 0;
  autoscroll->last_time = 0;
  autoscroll->speed = 0;
  g_clear_object (&autoscroll->adjustment);
}

CycleAutoscroll *
_cycle_autoscroll_new (GtkWidget      *widget,
                       GtkOrientation  orientation)
{
  CycleAutoscroll *autoscroll = g_new0 (CycleAutoscroll, 1);

  autoscroll->widget = widget;
  autoscroll->orientation = orientation;
  return autoscroll;
}

void
_cycle_autoscroll_update (CycleAutoscroll *autoscroll,
                          GtkAdjustment   *adjustment,
                          double           position)
{
  double size, speed = 0;

  size = autoscroll->orientation == GTK_ORIENTATION_HORIZONTAL
         ? gtk_widget_get_width (autoscroll->widget)
         : gtk_widget_get_height (autoscroll->widget);

  if (adjustment != NULL && position >= 0 && size > 3 * AUTOSCROLL_EDGE)
    {
      if (position < AUTOSCROLL_EDGE)
        speed = -AUTOSCROLL_MAX_SPEED * (AUTOSCROLL_EDGE - position) / AUTOSCROLL_EDGE;
      else if (position > size - AUTOSCROLL_EDGE)
        speed = AUTOSCROLL_MAX_SPEED * (position - (size - AUTOSCROLL_EDGE)) / AUTOSCROLL_EDGE;
    }

  if (speed == 0)
    {
      autoscroll_stop (autoscroll);
      return;
    }

  g_set_object (&autoscroll->adjustment, adjustment);
  autoscroll->speed = speed;
  if (autoscroll->tick_id == 0)
    autoscroll->tick_id = gtk_widget_add_tick_callback (autoscroll->widget, autoscroll_tick_cb,
                                                        autoscroll, NULL);
}

void
_cycle_autoscroll_free (CycleAutoscroll *autoscroll)
{
  if (autoscroll == NULL)
    return;

  autoscroll_stop (autoscroll);
  g_free (autoscroll);
}
