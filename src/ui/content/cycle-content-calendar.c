/* cycle-content-calendar.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The days come from the model's index by date (cycle-date-index.h): a month asks for its 42
 * days and gets the items on them, never going over the plan's other content; the table's query
 * is then asked about those items only. The 42 day widgets are made once and given new days,
 * so moving to the next month makes no widget but the items that do not fit in the old ones.
 * Items without a date are a filter model over the plan's content, beside the grid.
 *
 * Keyboard: arrows move between days (Page Up and Page Down between months), Enter opens the
 * selected item (or the day's first), Alt+arrows move the selected item by a day (left, right)
 * or a week (up, down), as Alt+arrows move cards on the board. Every move is one undo step.
 */

#define G_LOG_DOMAIN "cycle-content-calendar"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-calendar-day.h"
#include "cycle-campaign.h"
#include "cycle-calendar-item.h"
#include "cycle-content-calendar.h"
#include "cycle-date-index.h"

#define N_DAYS 42
#define MONTH_ITEMS 3

struct _CycleContentCalendar
{
  GtkWidget           parent_instance;

  CyclePlan          *plan;
  CycleDateIndex     *index;
  CycleContentQuery  *query;
  GtkCustomFilter    *undated_filter;
  GtkEveryFilter     *undated_every;
  GtkFilterListModel *undated;

  GDate               selected;
  gboolean            week;
  gboolean            stale;   /* refreshed when next mapped */
  CycleCalendarDay   *days[N_DAYS];
  GtkWidget          *weekdays[7];

  GtkLabel           *title_label;
  GtkWidget          *filter_button;
  GtkToggleButton    *month_button;
  GtkToggleButton    *week_button;
  GtkGrid            *grid;
  GtkListView        *undated_view;
  GtkWidget          *undated_empty;
};

G_DEFINE_FINAL_TYPE (CycleContentCalendar, cycle_content_calendar, GTK_TYPE_WIDGET)

enum {
  EDIT_CONTENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The first day shown: the week's first day (the locale's) on or before the 1st of the month,
 * or before the selected day in the week list. */
static void
get_first_day (CycleContentCalendar *self,
               GDate                *first)
{
  GDateWeekday start = cycle_date_get_first_weekday ();

  *first = self->selected;
  if (!self->week)
    g_date_set_day (first, 1);
  g_date_subtract_days (first, ((int) g_date_get_weekday (first) - (int) start + 7) % 7);
}

static void
refresh_now (CycleContentCalendar *self)
{
  GPtrArray *items[N_DAYS];
  g_autoptr(GArray) windows = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  gboolean starts = FALSE;
  GtkFilter *filter = NULL;
  guint n_days = self->week ? 7 : N_DAYS;
  g_autofree char *today = NULL;
  GDate first, day;
  g_autofree char *text = NULL;

  self->stale = FALSE;
  get_first_day (self, &first);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    today = g_date_time_format (now, "%Y-%m-%d");
  }

  if (self->index != NULL)
    cycle_date_index_query (self->index, &first, n_days, items);
  else
    for (guint i = 0; i < n_days; i++)
      items[i] = g_ptr_array_new ();

  /* A launch campaign's stage windows: a few stages, computed again on each refresh (the
   * calendar also refreshes when it is shown, after days in stage were edited elsewhere) */
  windows = self->plan != NULL ? cycle_campaign_compute_windows (self->plan) : NULL;
  stages = g_ptr_array_new ();

  if (self->query != NULL && cycle_content_query_is_active (self->query))
    filter = cycle_content_query_get_filter (self->query);
  gtk_widget_set_visible (self->filter_button, filter != NULL);

  day = first;
  for (guint i = 0; i < n_days; i++)
    {
      char iso[CYCLE_DATE_ISO_SIZE];

      /* The query is asked about the items of the days shown, not the plan's */
      if (filter != NULL)
        for (guint j = items[i]->len; j-- > 0;)
          if (!gtk_filter_match (filter, g_ptr_array_index (items[i], j)))
            g_ptr_array_remove_index (items[i], j);

      g_ptr_array_set_size (stages, 0);
      for (guint w = 0; windows != NULL && w < windows->len; w++)
        {
          const CycleStageWindow *window = &g_array_index (windows, CycleStageWindow, w);

          if (g_date_compare (&day, &window->first) >= 0 &&
              g_date_compare (&day, &window->last) <= 0)
            {
              g_ptr_array_add (stages, window->stage);
              starts = starts || g_date_compare (&day, &window->first) == 0;
            }
        }
      /* Names where a window starts, and at the start of each week */
      cycle_calendar_day_set_stages (self->days[i], stages, self->week || i % 7 == 0 || starts);
      starts = FALSE;

      cycle_date_to_iso (&day, iso);
      cycle_calendar_day_set_day (self->days[i], &day, items[i],
                                  self->week ? G_MAXUINT : MONTH_ITEMS,
                                  self->week || g_date_get_month (&day) ==
                                                g_date_get_month (&self->selected),
                                  g_str_equal (iso, today), self->week);
      if (g_date_compare (&day, &self->selected) == 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->days[i]), "selected");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->days[i]), "selected");
      g_ptr_array_unref (items[i]);
      g_date_add_days (&day, 1);
    }

  if (self->week)
    /* Translators: the week the calendar lists, "Week of 30 November 2026"; see strftime() */
    text = cycle_date_format_text (&first, _("Week of %-d %B %Y"));
  else
    /* Translators: the month the calendar shows, "December 2026"; see the strftime() manual */
    text = cycle_date_format_text (&self->selected, _("%B %Y"));
  gtk_label_set_text (self->title_label, text);
}

/* A calendar off screen only notes that it is out of date: setting the plan, the query and the
 * month before it is shown (or edits while another page is) then cost one refresh, when it is
 * mapped (and before a day is looked up). */
static void
refresh (CycleContentCalendar *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  refresh_now (self);
}

static void
lay_out (CycleContentCalendar *self)
{
  GDateWeekday start = cycle_date_get_first_weekday ();

  for (guint i = 0; i < N_DAYS; i++)
    if (gtk_widget_get_parent (GTK_WIDGET (self->days[i])) != NULL)
      gtk_grid_remove (self->grid, GTK_WIDGET (self->days[i]));

  for (guint i = 0; i < 7; i++)
    {
      GDate date;
      g_autofree char *text = NULL;

      /* 1 January 2024 was a Monday */
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1 + ((start - 1 + i) % 7), G_DATE_JANUARY, 2024);
      /* Translators: a weekday above the calendar's columns, "Mon"; see strftime() */
      text = cycle_date_format_text (&date, _("%a"));
      gtk_label_set_text (GTK_LABEL (self->weekdays[i]), text);
      gtk_widget_set_visible (self->weekdays[i], !self->week);
    }

  for (guint i = 0; i < N_DAYS; i++)
    {
      GtkWidget *day = GTK_WIDGET (self->days[i]);

      if (self->week && i >= 7)
        continue;
      if (self->week)
        gtk_grid_attach (self->grid, day, 0, 1 + (int) i, 7, 1);
      else
        gtk_grid_attach (self->grid, day, (int) (i % 7), 1 + (int) (i / 7), 1, 1);
      if (self->week)
        gtk_widget_add_css_class (day, "week-day");
      else
        gtk_widget_remove_css_class (day, "week-day");
    }

  refresh (self);
}

static CycleCalendarDay *
find_day (CycleContentCalendar *self,
          const GDate          *date)
{
  guint n = self->week ? 7 : N_DAYS;

  if (self->stale)
    refresh_now (self);
  for (guint i = 0; i < n; i++)
    if (g_date_compare (cycle_calendar_day_get_date (self->days[i]), date) == 0)
      return self->days[i];

  return NULL;
}

GtkWidget *
cycle_content_calendar_find_day (CycleContentCalendar *self,
                                 const char           *iso)
{
  GDate date;

  g_return_val_if_fail (CYCLE_IS_CONTENT_CALENDAR (self), NULL);

  if (!cycle_date_to_gdate (iso, &date))
    return NULL;
  return (GtkWidget *) find_day (self, &date);
}

/* Selects @date, showing its month or week, and gives its day (or @content's item on it) the
 * focus when @focus. */
static void
select_day (CycleContentCalendar *self,
            const GDate          *date,
            CycleContent         *content,
            gboolean              focus)
{
  CycleCalendarDay *day;
  GtkWidget *item = NULL;

  self->selected = *date;
  refresh (self);

  if (!focus || (day = find_day (self, date)) == NULL)
    return;
  if (content != NULL)
    item = cycle_calendar_day_find_item (day, content);
  gtk_widget_grab_focus (item != NULL ? item : GTK_WIDGET (day));
}

void
cycle_content_calendar_show_day (CycleContentCalendar *self,
                                 const char           *iso)
{
  GDate date;

  g_return_if_fail (CYCLE_IS_CONTENT_CALENDAR (self));

  if (cycle_date_to_gdate (iso, &date))
    select_day (self, &date, NULL, FALSE);
}

void
cycle_content_calendar_set_week (CycleContentCalendar *self,
                                 gboolean              week)
{
  g_return_if_fail (CYCLE_IS_CONTENT_CALENDAR (self));

  week = !!week;
  if (self->week == week)
    return;
  self->week = week;
  gtk_toggle_button_set_active (week ? self->week_button : self->month_button, TRUE);
  lay_out (self);
}

static void
set_due (CycleContentCalendar *self,
         CycleContent         *content,
         const GDate          *date)
{
  char iso[CYCLE_DATE_ISO_SIZE];

  cycle_date_to_iso (date, iso);
  if (g_str_equal (iso, cycle_content_get_due (content)))
    return;
  cycle_plan_begin_group (self->plan, _("Reschedule Content"));
  cycle_content_set_due (content, iso);
  cycle_plan_end_group (self->plan);
}

void
cycle_content_calendar_move (CycleContentCalendar *self,
                             CycleContent         *content,
                             int                   days)
{
  GDate date;

  g_return_if_fail (CYCLE_IS_CONTENT_CALENDAR (self));
  g_return_if_fail (CYCLE_IS_CONTENT (content));

  if (self->plan == NULL || !cycle_date_to_gdate (cycle_content_get_due (content), &date))
    return;
  if (days < 0)
    g_date_subtract_days (&date, (guint) -days);
  else
    g_date_add_days (&date, (guint) days);
  set_due (self, content, &date);
  select_day (self, &date, content, TRUE);
}

static void
on_content_dropped_cb (CycleContentCalendar *self,
                       CycleContent         *content,
                       CycleCalendarDay     *day)
{
  if (self->plan == NULL || cycle_item_get_plan (CYCLE_ITEM (content)) != self->plan)
    return;
  set_due (self, content, cycle_calendar_day_get_date (day));
  select_day (self, cycle_calendar_day_get_date (day), content, TRUE);
}

static void
open_content (CycleContentCalendar *self,
              CycleContent         *content)
{
  if (content != NULL)
    g_signal_emit (self, signals[EDIT_CONTENT], 0, content);
}

static gboolean
on_key_pressed_cb (CycleContentCalendar  *self,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   GtkEventControllerKey *controller)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *item = focus != NULL ? gtk_widget_get_ancestor (focus, CYCLE_TYPE_CALENDAR_ITEM)
                                  : NULL;
  GtkWidget *day = focus != NULL ? gtk_widget_get_ancestor (focus, CYCLE_TYPE_CALENDAR_DAY)
                                 : NULL;
  CycleContent *content = NULL;
  gboolean alt = (state & GDK_ALT_MASK) != 0;
  int delta = 0;

  if ((state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (item != NULL)
    content = cycle_calendar_item_get_content (CYCLE_CALENDAR_ITEM (item));
  else if (day != NULL && cycle_calendar_day_get_items (CYCLE_CALENDAR_DAY (day))->len > 0)
    content = g_ptr_array_index (cycle_calendar_day_get_items (CYCLE_CALENDAR_DAY (day)), 0);

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (alt || content == NULL || (item == NULL && day == NULL))
        return GDK_EVENT_PROPAGATE;
      open_content (self, content);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Up:
    case GDK_KEY_Page_Down:
      if (alt)
        return GDK_EVENT_PROPAGATE;
      gtk_widget_activate_action (GTK_WIDGET (self), keyval == GDK_KEY_Page_Up ?
                                  "calendar.previous" : "calendar.next", NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      delta = -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      delta = 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      delta = self->week && !alt ? -1 : -7;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      delta = self->week && !alt ? 1 : 7;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  /* Only in the grid: the list of content without a date keeps its own keys */
  if (day == NULL)
    return GDK_EVENT_PROPAGATE;

  if (alt)
    {
      if (content != NULL)
        cycle_content_calendar_move (self, content, delta);
    }
  else
    {
      GDate date = *cycle_calendar_day_get_date (CYCLE_CALENDAR_DAY (day));

      if (delta < 0)
        g_date_subtract_days (&date, (guint) -delta);
      else
        g_date_add_days (&date, (guint) delta);
      select_day (self, &date, NULL, TRUE);
    }

  return GDK_EVENT_STOP;
}

static void
step (CycleContentCalendar *self,
      int                   direction)
{
  GDate date = self->selected;

  if (self->week)
    {
      if (direction < 0)
        g_date_subtract_days (&date, 7);
      else
        g_date_add_days (&date, 7);
    }
  else
    {
      g_date_set_day (&date, 1);
      if (direction < 0)
        g_date_subtract_months (&date, 1);
      else
        g_date_add_months (&date, 1);
    }
  select_day (self, &date, NULL, FALSE);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step (CYCLE_CONTENT_CALENDAR (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step (CYCLE_CONTENT_CALENDAR (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  select_day (CYCLE_CONTENT_CALENDAR (widget), &date, NULL, TRUE);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CycleContentCalendar *self = CYCLE_CONTENT_CALENDAR (widget);

  if (self->plan != NULL)
    open_content (self, cycle_plan_find_content (self->plan,
                                                 g_variant_get_string (parameter, NULL)));
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CycleContentCalendar *self = CYCLE_CONTENT_CALENDAR (widget);

  if (self->query != NULL)
    cycle_content_query_reset (self->query);
}

static void
on_mode_toggled_cb (CycleContentCalendar *self)
{
  cycle_content_calendar_set_week (self, gtk_toggle_button_get_active (self->week_button));
}

static void
on_index_changed_cb (CycleContentCalendar *self)
{
  refresh (self);
}

/* Content given a date, or whose date was cleared: the undated list is filtered again, over the
 * items it shows (given a date) or those it does not (cleared), in chunks (incremental) — not at
 * each reschedule, and never in one go over the whole plan. */
static void
on_undated_changed_cb (CycleContentCalendar *self,
                       gboolean              more)
{
  gtk_filter_changed (GTK_FILTER (self->undated_filter),
                      more ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
}

static gboolean
is_undated (gpointer item,
            gpointer user_data)
{
  return cycle_content_get_due (item)[0] == '\0';
}

/* "No content without a date", once the list is filtered and empty */
static void
update_undated_empty (CycleContentCalendar *self)
{
  gtk_widget_set_visible (self->undated_empty,
                          self->plan != NULL &&
                          gtk_filter_list_model_get_pending (self->undated) == 0 &&
                          g_list_model_get_n_items (G_LIST_MODEL (self->undated)) == 0);
}

static void
on_undated_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, cycle_calendar_item_new ());
  /* The item inside is the one that is focused and activated */
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
on_undated_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  cycle_calendar_item_set_content (CYCLE_CALENDAR_ITEM (gtk_list_item_get_child (list_item)),
                                   gtk_list_item_get_item (list_item));
}

static void
on_undated_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item)
{
  cycle_calendar_item_set_content (CYCLE_CALENDAR_ITEM (gtk_list_item_get_child (list_item)),
                                   NULL);
}

void
cycle_content_calendar_set_plan (CycleContentCalendar *self,
                                 CyclePlan            *plan)
{
  g_return_if_fail (CYCLE_IS_CONTENT_CALENDAR (self));
  g_return_if_fail (plan == NULL || CYCLE_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->index != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->index, on_index_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->index, on_undated_changed_cb, self);
    }
  g_clear_object (&self->index);
  g_set_object (&self->plan, plan);
  /* The list model follows the plan's content itself; the index only says when content was
   * given a date or lost it (undated-changed). */
  gtk_filter_list_model_set_model (self->undated,
                                   plan != NULL ? cycle_plan_get_all_content (plan) : NULL);
  if (plan != NULL)
    {
      self->index = cycle_date_index_new (plan);
      g_signal_connect_swapped (self->index, "changed", G_CALLBACK (on_index_changed_cb), self);
      g_signal_connect_swapped (self->index, "undated-changed",
                                G_CALLBACK (on_undated_changed_cb), self);
    }
  update_undated_empty (self);
  refresh (self);
}

static void
on_query_changed_cb (CycleContentCalendar *self)
{
  refresh (self);
}

void
cycle_content_calendar_set_query (CycleContentCalendar *self,
                                  CycleContentQuery    *query)
{
  g_return_if_fail (CYCLE_IS_CONTENT_CALENDAR (self));
  g_return_if_fail (query == NULL || CYCLE_IS_CONTENT_QUERY (query));

  if (self->query == query)
    return;

  if (self->query != NULL)
    {
      GtkFilter *old = cycle_content_query_get_filter (self->query);

      g_signal_handlers_disconnect_by_func (old, on_query_changed_cb, self);
      /* The undated list's filters: the date, then the query's */
      if (g_list_model_get_n_items (G_LIST_MODEL (self->undated_every)) > 1)
        gtk_multi_filter_remove (GTK_MULTI_FILTER (self->undated_every), 1);
    }
  g_set_object (&self->query, query);
  if (query != NULL)
    {
      GtkFilter *filter = cycle_content_query_get_filter (query);

      g_signal_connect_object (filter, "changed", G_CALLBACK (on_query_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_multi_filter_append (GTK_MULTI_FILTER (self->undated_every), g_object_ref (filter));
    }
  refresh (self);
}

static void
cycle_content_calendar_dispose (GObject *object)
{
  CycleContentCalendar *self = CYCLE_CONTENT_CALENDAR (object);
  GtkWidget *child;

  cycle_content_calendar_set_query (self, NULL);
  cycle_content_calendar_set_plan (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_CONTENT_CALENDAR);
  /* The template's boxes without an id are not template children: unparent them too */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  for (guint i = 0; i < N_DAYS; i++)
    {
      if (self->days[i] != NULL && gtk_widget_get_parent (GTK_WIDGET (self->days[i])) != NULL)
        gtk_widget_unparent (GTK_WIDGET (self->days[i]));
      g_clear_object (&self->days[i]);
    }
  g_clear_object (&self->undated);

  G_OBJECT_CLASS (cycle_content_calendar_parent_class)->dispose (object);
}

static void
cycle_content_calendar_class_init (CycleContentCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_content_calendar_dispose;

  signals[EDIT_CONTENT] = g_signal_new ("edit-content", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, CYCLE_TYPE_CONTENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-content-calendar.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleContentCalendar, title_label);
  gtk_widget_class_bind_template_child (widget_class, CycleContentCalendar, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CycleContentCalendar, month_button);
  gtk_widget_class_bind_template_child (widget_class, CycleContentCalendar, week_button);
  gtk_widget_class_bind_template_child (widget_class, CycleContentCalendar, grid);
  gtk_widget_class_bind_template_child (widget_class, CycleContentCalendar, undated_view);
  gtk_widget_class_bind_template_child (widget_class, CycleContentCalendar, undated_empty);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled_cb);

  gtk_widget_class_install_action (widget_class, "calendar.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "calendar.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "calendar.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "calendar.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "calendar.show-all", NULL, show_all_action);
  gtk_widget_class_set_css_name (widget_class, "contentcalendar");
}

static void
cycle_content_calendar_init (CycleContentCalendar *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSelectionModel) selection = NULL;
  GtkEventController *keys;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < 7; i++)
    {
      self->weekdays[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->weekdays[i], "dim-label");
      gtk_widget_add_css_class (self->weekdays[i], "caption-heading");
      gtk_grid_attach (self->grid, self->weekdays[i], (int) i, 0, 1, 1);
    }
  for (guint i = 0; i < N_DAYS; i++)
    {
      self->days[i] = CYCLE_CALENDAR_DAY (cycle_calendar_day_new ());
      g_object_ref_sink (self->days[i]);
      gtk_widget_set_hexpand (GTK_WIDGET (self->days[i]), TRUE);
      g_signal_connect_object (self->days[i], "content-dropped",
                               G_CALLBACK (on_content_dropped_cb), self, G_CONNECT_SWAPPED);
    }

  self->undated_filter = gtk_custom_filter_new (is_undated, NULL, NULL);
  self->undated_every = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (self->undated_every),
                           GTK_FILTER (self->undated_filter));
  self->undated = gtk_filter_list_model_new (NULL, GTK_FILTER (self->undated_every));
  /* A new plan's 100 000 items are filtered over the next frames, not before the first */
  gtk_filter_list_model_set_incremental (self->undated, TRUE);
  g_signal_connect_object (self->undated, "items-changed",
                           G_CALLBACK (update_undated_empty), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undated, "notify::pending",
                           G_CALLBACK (update_undated_empty), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (on_undated_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_undated_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_undated_unbind_cb), NULL);
  gtk_list_view_set_factory (self->undated_view, factory);
  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (
                                                                   self->undated))));
  gtk_list_view_set_model (self->undated_view, selection);

  /* What changed while off screen; days in stage are edited on another page, so the campaign's
   * windows are computed again here in any case */
  g_signal_connect (self, "map", G_CALLBACK (refresh_now), NULL);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_date_clear (&self->selected, 1);
  g_date_set_dmy (&self->selected, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  lay_out (self);
}
