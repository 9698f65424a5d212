/* cycle-calendar-day.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A day keeps item widgets for the content it shows and reuses them from one month to the next:
 * moving to another month changes their content rather than making new widgets. The "+N more"
 * list is made only when it opens. Screen readers
 * hear the day as "Tuesday 1 December 2026, 3 items", then each item.
 *
 * In a launch campaign, the stages whose window (cycle-campaign.h) holds the day show as thin
 * bands of their colours along the day's top edge, and by name on the window's first day and at
 * the start of each week; screen readers hear them on every day ("…, Visitors stage, 3 items").
 */

#define G_LOG_DOMAIN "cycle-calendar-day"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-calendar-day.h"
#include "cycle-calendar-item.h"
#include "cycle-content.h"
#include "cycle-stage.h"

struct _CycleCalendarDay
{
  GtkWidget       parent_instance;

  GDate           date;
  GPtrArray      *items;     /* borrowed CycleContent */
  GPtrArray      *stages;    /* CycleStage whose campaign window holds the day (refs) */
  GtkLabel       *heading;
  GtkLabel       *stage_label;
  GtkBox         *list;
  GtkMenuButton  *more_button;
  GtkBox         *more_list;
};

G_DEFINE_FINAL_TYPE (CycleCalendarDay, cycle_calendar_day, GTK_TYPE_WIDGET)

enum {
  CONTENT_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Makes @box hold exactly @n item widgets showing @items from @start */
static void
fill (GtkBox    *box,
      GPtrArray *items,
      guint      start,
      guint      n)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
  guint i = 0;

  for (; i < n; i++)
    {
      if (child == NULL)
        {
          child = cycle_calendar_item_new ();
          gtk_box_append (box, child);
        }
      cycle_calendar_item_set_content (CYCLE_CALENDAR_ITEM (child),
                                       g_ptr_array_index (items, start + i));
      child = gtk_widget_get_next_sibling (child);
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_box_remove (box, child);
      child = next;
    }
}

/* "Visitors, Leads": the names of the day's campaign stages */
static char *
join_stage_names (GPtrArray *stages)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < stages->len; i++)
    {
      if (i > 0)
        /* Translators: between the names of campaign stages on a day, "Visitors, Leads" */
        g_string_append (names, _(", "));
      g_string_append (names, cycle_stage_get_name (g_ptr_array_index (stages, i)));
    }

  return g_string_free (names, FALSE);
}

void
cycle_calendar_day_set_stages (CycleCalendarDay *self,
                               GPtrArray        *stages,
                               gboolean          show_names)
{
  g_autofree char *names = NULL;

  g_return_if_fail (CYCLE_IS_CALENDAR_DAY (self));

  g_ptr_array_set_size (self->stages, 0);
  for (guint i = 0; stages != NULL && i < stages->len; i++)
    g_ptr_array_add (self->stages, g_object_ref (g_ptr_array_index (stages, i)));
  names = join_stage_names (self->stages);
  gtk_label_set_text (self->stage_label, names);
  gtk_widget_set_visible (GTK_WIDGET (self->stage_label), show_names && self->stages->len > 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cycle_calendar_day_set_day (CycleCalendarDay *self,
                            const GDate      *date,
                            GPtrArray        *items,
                            guint             max_shown,
                            gboolean          in_month,
                            gboolean          today,
                            gboolean          long_heading)
{
  g_autofree char *heading = NULL;
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;
  g_autofree char *day_text = NULL;
  guint shown;

  g_return_if_fail (CYCLE_IS_CALENDAR_DAY (self));

  self->date = *date;
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_extend (self->items, items, NULL, NULL);

  /* A full day shows one item less, and says how many more there are */
  shown = items->len <= max_shown ? items->len : (max_shown > 0 ? max_shown - 1 : 0);
  fill (self->list, items, 0, shown);
  if (shown < items->len)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more",
                                                            "+%u more", items->len - shown),
                                               items->len - shown);

      gtk_menu_button_set_label (self->more_button, more);
      /* Its list is made when it opens: a busy month would otherwise make thousands of items */
      fill (self->more_list, items, 0, 0);
      gtk_widget_set_visible (GTK_WIDGET (self->more_button), TRUE);
    }
  else
    {
      fill (self->more_list, items, 0, 0);
      gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
    }

  /* Translators: a day's number on the calendar; in the week list, the day itself
   * ("Tuesday 1 December"); see the strftime() manual */
  heading = cycle_date_format_text (date, long_heading ? _("%A %-d %B") : "%-d");
  gtk_label_set_text (self->heading, heading);

  /* Translators: a day as a screen reader says it, "Tuesday 1 December 2026" */
  text = cycle_date_format_text (date, _("%A %-d %B %Y"));
  if (self->stages->len > 0)
    {
      g_autofree char *names = join_stage_names (self->stages);

      /* Translators: a day of a launch campaign as a screen reader says it, with the stages
       * whose window holds it: "Tuesday 1 December 2026, Visitors stage" */
      day_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s stage", "%s, %s stages",
                                               self->stages->len), text, names);
    }
  else
    day_text = g_steal_pointer (&text);
  if (items->len == 0)
    spoken = g_strdup (day_text);
  else
    spoken = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u item", "%s, %u items",
                                           items->len), day_text, items->len);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken,
                                  -1);

  if (in_month)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "other-month");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "other-month");
  if (today)
    gtk_widget_add_css_class (GTK_WIDGET (self), "today");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "today");
}

const GDate *
cycle_calendar_day_get_date (CycleCalendarDay *self)
{
  g_return_val_if_fail (CYCLE_IS_CALENDAR_DAY (self), NULL);

  return &self->date;
}

GPtrArray *
cycle_calendar_day_get_stages (CycleCalendarDay *self)
{
  g_return_val_if_fail (CYCLE_IS_CALENDAR_DAY (self), NULL);

  return self->stages;
}

GPtrArray *
cycle_calendar_day_get_items (CycleCalendarDay *self)
{
  g_return_val_if_fail (CYCLE_IS_CALENDAR_DAY (self), NULL);

  return self->items;
}

GtkWidget *
cycle_calendar_day_find_item (CycleCalendarDay *self,
                              CycleContent     *content)
{
  g_return_val_if_fail (CYCLE_IS_CALENDAR_DAY (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (cycle_calendar_item_get_content (CYCLE_CALENDAR_ITEM (child)) == content)
      return child;

  return NULL;
}

static void
fill_more_list (GtkMenuButton *button,
                gpointer       user_data)
{
  CycleCalendarDay *self = user_data;

  fill (self->more_list, self->items, 0, self->items->len);
}

/* The campaign stages' colours as thin bands along the top edge, side by side */
static void
cycle_calendar_day_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CycleCalendarDay *self = CYCLE_CALENDAR_DAY (widget);
  float width = (float) gtk_widget_get_width (widget) - 8;

  GTK_WIDGET_CLASS (cycle_calendar_day_parent_class)->snapshot (widget, snapshot);
  for (guint i = 0; i < self->stages->len && width > 0; i++)
    {
      float band = width / (float) self->stages->len;
      CycleStage *stage = g_ptr_array_index (self->stages, i);
      GdkRGBA color;

      if (!gdk_rgba_parse (&color, cycle_stage_get_color (stage)))
        color = (GdkRGBA) { 0.5, 0.5, 0.5, 1.0 };
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (4 + band * (float) i, 1, band, 3));
    }
}

static gboolean
on_drop_cb (GtkDropTarget    *target,
            const GValue     *value,
            double            x,
            double            y,
            CycleCalendarDay *self)
{
  CycleContent *content = g_value_get_object (value);

  if (!CYCLE_IS_CONTENT (content))
    return FALSE;

  g_signal_emit (self, signals[CONTENT_DROPPED], 0, content);
  return TRUE;
}

static void
on_pressed_cb (GtkGestureClick  *gesture,
               int               n_press,
               double            x,
               double            y,
               CycleCalendarDay *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
cycle_calendar_day_dispose (GObject *object)
{
  CycleCalendarDay *self = CYCLE_CALENDAR_DAY (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);

  G_OBJECT_CLASS (cycle_calendar_day_parent_class)->dispose (object);
}

static void
cycle_calendar_day_class_init (CycleCalendarDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_calendar_day_dispose;
  widget_class->snapshot = cycle_calendar_day_snapshot;

  signals[CONTENT_DROPPED] = g_signal_new ("content-dropped", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, CYCLE_TYPE_CONTENT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "calendarday");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cycle_calendar_day_init (CycleCalendarDay *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkDropTarget *drop = gtk_drop_target_new (CYCLE_TYPE_CONTENT, GDK_ACTION_MOVE);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkWidget *popover;
  GtkWidget *scrolled;

  self->items = g_ptr_array_new ();
  self->stages = g_ptr_array_new_with_free_func (g_object_unref);
  g_date_clear (&self->date, 1);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "day-number");
  gtk_widget_set_parent (GTK_WIDGET (self->heading), GTK_WIDGET (self));

  self->stage_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->stage_label, 0);
  gtk_label_set_ellipsize (self->stage_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (self->stage_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->stage_label), "stage-window");
  gtk_widget_set_visible (GTK_WIDGET (self->stage_label), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->stage_label), GTK_WIDGET (self));

  self->list = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  gtk_widget_set_parent (GTK_WIDGET (self->list), GTK_WIDGET (self));

  self->more_list = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_widget_set_size_request (scrolled, 240, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->more_list));
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  self->more_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->more_button, popover);
  gtk_menu_button_set_create_popup_func (self->more_button, fill_more_list, self, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->more_button), "flat");
  gtk_widget_add_css_class (GTK_WIDGET (self->more_button), "calendar-more");
  gtk_widget_set_halign (GTK_WIDGET (self->more_button), GTK_ALIGN_START);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->more_button), GTK_WIDGET (self));

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
cycle_calendar_day_new (void)
{
  return g_object_new (CYCLE_TYPE_CALENDAR_DAY, NULL);
}
