/* cycle-date-row.c: a date field — typed in the locale's order or as YYYY-MM-DD, or chosen in a
 * calendar, with Today and No Date — for every date a plan holds
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-date-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-content.h"
#include "cycle-date-row.h"

struct _CycleDateRow
{
  AdwEntryRow  parent_instance;

  GtkPopover  *popover;
  GtkCalendar *calendar;

  char        *date;      /* what the row shows, YYYY-MM-DD or "" */
  char        *error;
  guint        navigate_id;
  guint        syncing : 1;
  /* Turning the calendar's page moves its selected day: browsing, not choosing */
  guint        navigating : 1;
};

G_DEFINE_FINAL_TYPE (CycleDateRow, cycle_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

enum {
  SIGNAL_DATE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_error (CycleDateRow *self,
           const char   *problem)
{
  g_autofree char *message = NULL;

  if (problem != NULL)
    /* Translators: %s is a sentence such as "“15/13/2027” is not a day of the calendar" */
    message = g_strdup_printf (_("%s. Choose it in the calendar."), problem);
  if (g_strcmp0 (message, self->error) == 0)
    return;

  g_free (self->error);
  self->error = g_steal_pointer (&message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* Shows @date without telling anyone, as the locale writes dates (15/03/2027 in France). */
static void
show_date (CycleDateRow *self,
           const char   *date)
{
  g_autofree char *shown = NULL;

  g_free (self->date);
  self->date = g_strdup (date != NULL ? date : "");
  shown = *self->date != '\0' ? cycle_date_format_input (self->date) : g_strdup ("");
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), shown) != 0)
    {
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self), shown);
      self->syncing = FALSE;
    }
  set_error (self, NULL);
}

static void
give (CycleDateRow *self,
      const char   *date,
      gboolean      chosen)
{
  g_free (self->date);
  self->date = g_strdup (date);
  set_error (self, NULL);
  g_signal_emit (self, signals[SIGNAL_DATE_CHANGED], 0, date, chosen);
}

static void
on_changed_cb (CycleDateRow *self,
               gpointer      user_data)
{
  g_autofree char *text = NULL;

  if (self->syncing)
    return;

  /* An empty field is only on its way to a new date (replacing text empties it first): the
   * date goes when the person leaves it empty or asks for No Date. Half a date while typing is
   * not an error yet: it is once the person is done with the field. */
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  if (*text != '\0' && cycle_date_is_valid (text) && g_strcmp0 (text, self->date) != 0)
    give (self, text, FALSE);
}

/* Done with the field: a date in the locale's order or YYYY-MM-DD is taken (and shown as
 * YYYY-MM-DD); anything else says what is wrong, and the date stays what it was. */
static void
commit (CycleDateRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  g_autofree char *iso = NULL;
  g_autofree char *problem = NULL;

  if (*text == '\0')
    {
      if (*self->date != '\0')
        give (self, "", FALSE);
      set_error (self, NULL);
    }
  else if (cycle_date_parse_input (text, &iso, &problem))
    {
      if (g_strcmp0 (iso, self->date) != 0)
        give (self, iso, FALSE);
      show_date (self, iso);
    }
  else
    {
      set_error (self, problem);
    }
}

static void
on_entry_activated_cb (CycleDateRow *self,
                       gpointer      user_data)
{
  commit (self);
}

static void
on_focus_leave_cb (CycleDateRow            *self,
                   GtkEventControllerFocus *controller)
{
  commit (self);
}

static void
on_popover_show_cb (CycleDateRow *self,
                    GtkPopover   *popover)
{
  g_autoptr(GDateTime) date = NULL;
  int y, m, d;

  if (*self->date != '\0' && sscanf (self->date, "%d-%d-%d", &y, &m, &d) == 3)
    date = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (date == NULL)
    date = g_date_time_new_now_local ();

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->syncing = FALSE;
}

static gboolean
navigate_done_cb (gpointer data)
{
  CycleDateRow *self = data;

  self->navigate_id = 0;
  self->navigating = FALSE;
  return G_SOURCE_REMOVE;
}

static void
on_calendar_navigate_cb (CycleDateRow *self,
                         GtkCalendar  *calendar)
{
  self->navigating = TRUE;
  if (self->navigate_id == 0)
    self->navigate_id = g_idle_add (navigate_done_cb, self);
}

static void
on_day_selected_cb (CycleDateRow *self,
                    GtkCalendar  *calendar)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;

  if (self->syncing || self->navigating)
    return;

  date = gtk_calendar_get_date (calendar);
  iso = g_date_time_format (date, "%Y-%m-%d");
  show_date (self, iso);
  give (self, iso, TRUE);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CycleDateRow *self = CYCLE_DATE_ROW (widget);
  g_autofree char *today = cycle_content_dup_today ();

  gtk_popover_popdown (self->popover);
  show_date (self, today);
  give (self, today, TRUE);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CycleDateRow *self = CYCLE_DATE_ROW (widget);

  gtk_popover_popdown (self->popover);
  show_date (self, "");
  give (self, "", TRUE);
}

static void
cycle_date_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CycleDateRow *self = CYCLE_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_date_row_dispose (GObject *object)
{
  CycleDateRow *self = CYCLE_DATE_ROW (object);

  g_clear_handle_id (&self->navigate_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_DATE_ROW);

  G_OBJECT_CLASS (cycle_date_row_parent_class)->dispose (object);
}

static void
cycle_date_row_finalize (GObject *object)
{
  CycleDateRow *self = CYCLE_DATE_ROW (object);

  g_free (self->date);
  g_free (self->error);

  G_OBJECT_CLASS (cycle_date_row_parent_class)->finalize (object);
}

static void
cycle_date_row_class_init (CycleDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cycle_date_row_get_property;
  object_class->dispose = cycle_date_row_dispose;
  object_class->finalize = cycle_date_row_finalize;

  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_DATE_CHANGED] =
    g_signal_new ("date-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, CycleDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_navigate_cb);

  gtk_widget_class_install_action (widget_class, "date-row.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "date-row.clear", NULL, clear_action);
}

static void
cycle_date_row_init (CycleDateRow *self)
{
  self->date = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
cycle_date_row_set_date (CycleDateRow *self,
                         const char   *date)
{
  g_return_if_fail (CYCLE_IS_DATE_ROW (self));

  show_date (self, date);
}

const char *
cycle_date_row_get_error (CycleDateRow *self)
{
  g_return_val_if_fail (CYCLE_IS_DATE_ROW (self), NULL);

  return self->error;
}
