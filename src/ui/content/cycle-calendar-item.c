/* cycle-calendar-item.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A click selects the item (it takes the focus: Alt+arrows then move it, Enter opens it); a
 * double click opens it, through the calendar's "calendar.open" action. It follows its content's
 * fields, and says them all to screen readers: "Title, stage Visitors, persona Busy parent,
 * Scheduled, overdue".
 */

#define G_LOG_DOMAIN "cycle-calendar-item"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-calendar-item.h"
#include "cycle-content-cells.h"
#include "cycle-content-drag.h"
#include "cycle-enum-labels.h"

struct _CycleCalendarItem
{
  GtkButton     parent_instance;

  CycleContent *content;
  GtkLabel     *title_label;
  GtkLabel     *detail_label;
  GdkRGBA       stage_color;
  char         *spoken;   /* what the accessible label says, also the tooltip */
};

G_DEFINE_FINAL_TYPE (CycleCalendarItem, cycle_calendar_item, GTK_TYPE_BUTTON)

static void
update (CycleCalendarItem *self)
{
  static const char * const status_classes[] = {
    "status-idea", "status-draft", "status-scheduled", "status-published",
  };
  CycleContent *content = self->content;
  CycleStage *stage;
  CyclePersona *persona;
  g_autofree char *today = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *spoken = NULL;
  const char *status;
  gboolean overdue;

  if (content == NULL)
    return;

  stage = cycle_content_get_stage (content);
  persona = cycle_content_get_persona (content);
  status = cycle_enum_get_label (CYCLE_TYPE_STATUS, cycle_content_get_status (content));
  today = cycle_content_dup_today ();
  overdue = cycle_content_is_overdue (content, today);

  gtk_label_set_text (self->title_label, cycle_content_get_title (content));
  if (persona != NULL)
    /* Translators: under a title on the calendar: "Busy parent · Draft" */
    detail = g_strdup_printf (_("%s · %s"), cycle_persona_get_name (persona), status);
  else
    detail = g_strdup (status);
  gtk_label_set_text (self->detail_label, detail);

  /* Translators: what a screen reader says of content on the calendar: its title, stage,
   * persona (or "no persona") and status */
  spoken = g_strdup_printf (_("%s, stage %s, persona %s, %s%s"),
                            cycle_content_get_title (content),
                            stage != NULL ? cycle_stage_get_name (stage) : "",
                            persona != NULL ? cycle_persona_get_name (persona)
                                            : C_("persona", "None"),
                            status, overdue ? _(", overdue") : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);
  g_free (self->spoken);
  self->spoken = g_steal_pointer (&spoken);

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), status_classes[i]);
  if ((guint) cycle_content_get_status (content) < G_N_ELEMENTS (status_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self),
                              status_classes[cycle_content_get_status (content)]);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "overdue");

  if (stage == NULL || !gdk_rgba_parse (&self->stage_color, cycle_stage_get_color (stage)))
    self->stage_color = (GdkRGBA) { 0.5, 0.5, 0.5, 1.0 };
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The tooltip is made when asked for: setting one asks the X server where the pointer is, too
 * slow for every item of a month (cycle-content-cells.c does the same for the table). */
static gboolean
on_query_tooltip_cb (CycleCalendarItem *self,
                     int                x,
                     int                y,
                     gboolean           keyboard,
                     GtkTooltip        *tooltip)
{
  if (self->spoken == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, self->spoken);
  return TRUE;
}

static void
on_content_notify_cb (CycleCalendarItem *self)
{
  update (self);
}

static void
on_clicked_cb (CycleCalendarItem *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_pressed_cb (GtkGestureClick   *gesture,
               int                n_press,
               double             x,
               double             y,
               CycleCalendarItem *self)
{
  if (n_press == 2 && self->content != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "calendar.open", "s",
                                cycle_item_get_id (CYCLE_ITEM (self->content)));
}

static void
on_drag_begin_cb (GtkDragSource     *source,
                  GdkDrag           *drag,
                  CycleCalendarItem *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, 0, 0);
}

/* The stage's colour as a bar down the left edge */
static void
cycle_calendar_item_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  CycleCalendarItem *self = CYCLE_CALENDAR_ITEM (widget);
  int height = gtk_widget_get_height (widget);

  GTK_WIDGET_CLASS (cycle_calendar_item_parent_class)->snapshot (widget, snapshot);
  gtk_snapshot_append_color (snapshot, &self->stage_color,
                             &GRAPHENE_RECT_INIT (1, 3, 4, MAX (height - 6, 1)));
}

CycleContent *
cycle_calendar_item_get_content (CycleCalendarItem *self)
{
  g_return_val_if_fail (CYCLE_IS_CALENDAR_ITEM (self), NULL);

  return self->content;
}

void
cycle_calendar_item_set_content (CycleCalendarItem *self,
                                 CycleContent      *content)
{
  g_return_if_fail (CYCLE_IS_CALENDAR_ITEM (self));

  if (self->content == content)
    return;
  if (self->content != NULL)
    g_signal_handlers_disconnect_by_func (self->content, on_content_notify_cb, self);
  g_set_object (&self->content, content);
  if (content != NULL)
    g_signal_connect_object (content, "notify", G_CALLBACK (on_content_notify_cb), self,
                             G_CONNECT_SWAPPED);
  update (self);
}

static void
cycle_calendar_item_dispose (GObject *object)
{
  CycleCalendarItem *self = CYCLE_CALENDAR_ITEM (object);

  cycle_calendar_item_set_content (self, NULL);
  g_clear_pointer (&self->spoken, g_free);

  G_OBJECT_CLASS (cycle_calendar_item_parent_class)->dispose (object);
}

static void
cycle_calendar_item_class_init (CycleCalendarItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_calendar_item_dispose;
  widget_class->snapshot = cycle_calendar_item_snapshot;
  gtk_widget_class_set_css_name (widget_class, "calendaritem");
}

static void
cycle_calendar_item_init (CycleCalendarItem *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDragSource *drag;

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (self->title_label, TRUE);
  self->detail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->detail_label, 0);
  gtk_label_set_ellipsize (self->detail_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (self->detail_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->detail_label), "dim-label");
  /* Room for the stage's colour */
  gtk_widget_set_margin_start (box, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->detail_label));
  gtk_button_set_child (GTK_BUTTON (self), box);
  gtk_widget_add_css_class (GTK_WIDGET (self), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self), "calendar-item");

  g_signal_connect (self, "clicked", G_CALLBACK (on_clicked_cb), NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = cycle_content_drag_source_add (GTK_WIDGET (self),
                                        (CycleContentDragFunc) cycle_calendar_item_get_content);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
}

GtkWidget *
cycle_calendar_item_new (void)
{
  return g_object_new (CYCLE_TYPE_CALENDAR_ITEM, NULL);
}
