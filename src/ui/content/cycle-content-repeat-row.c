/* cycle-content-repeat-row.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change goes through the content's setters, so each one is an undo step of the plan's.
 * The end date is typed as people type dates (cycle_date_parse_input ()) and applied with Enter
 * or the apply button, like the editor's due date.
 */

#define G_LOG_DOMAIN "cycle-content-repeat-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-accessible.h"
#include "cycle-content-cells.h"
#include "cycle-content-repeat-row.h"
#include "cycle-enum-labels.h"

struct _CycleContentRepeatRow
{
  AdwExpanderRow  parent_instance;

  CycleContent   *content;
  GBindingGroup  *bindings;
  GSignalGroup   *content_signals;

  AdwComboRow    *how_often_row;
  AdwActionRow   *interval_row;
  GtkSpinButton  *interval_button;
  AdwEntryRow    *until_row;
  GtkLabel       *until_error_label;
};

G_DEFINE_FINAL_TYPE (CycleContentRepeatRow, cycle_content_repeat_row, ADW_TYPE_EXPANDER_ROW)

static char *
dup_every (CycleRepeat repeat,
           guint       n)
{
  switch (repeat)
    {
    case CYCLE_REPEAT_DAILY:
      return n == 1 ? g_strdup (_("Every day"))
                    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u day",
                                                    "Every %u days", n), n);
    case CYCLE_REPEAT_WEEKLY:
      return n == 1 ? g_strdup (_("Every week"))
                    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u week",
                                                    "Every %u weeks", n), n);
    case CYCLE_REPEAT_MONTHLY:
      return n == 1 ? g_strdup (_("Every month"))
                    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %u month",
                                                    "Every %u months", n), n);
    case CYCLE_REPEAT_NONE:
    default:
      return g_strdup (cycle_enum_get_label (CYCLE_TYPE_REPEAT, CYCLE_REPEAT_NONE));
    }
}

/* "Every 2 weeks, until 31 Mar 2027", "Does not repeat": what the row says when folded, and how
 * the calendar describes repeating content. */
static char *
cycle_content_dup_repeat_summary (CycleContent *content)
{
  CycleRepeat repeat = cycle_content_get_repeat (content);
  const char *until = cycle_content_get_repeat_until (content);
  g_autofree char *every = dup_every (repeat, cycle_content_get_repeat_interval (content));
  g_autofree char *end = NULL;

  if (repeat == CYCLE_REPEAT_NONE)
    return g_steal_pointer (&every);
  if (cycle_content_get_due (content)[0] == '\0')
    /* Translators: "Every week, from its due date: give it one" */
    return g_strdup_printf (_("%s, from its due date: give it one"), every);
  if (until[0] == '\0')
    return g_steal_pointer (&every);

  end = cycle_content_format_due (until);
  /* Translators: "Every 2 weeks, until 31 Mar 2027" */
  return g_strdup_printf (_("%s, until %s"), every, end);
}

static void
show_until_error (CycleContentRepeatRow *self,
                  const char            *message)
{
  cycle_accessible_show_error (GTK_WIDGET (self->until_row), self->until_error_label, message);
}

/* The widgets follow the content: the summary, the unit, what can be set, the end date. */
static void
sync_widgets (CycleContentRepeatRow *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *until = NULL;
  CycleRepeat repeat;
  guint n;

  if (self->content == NULL)
    return;

  repeat = cycle_content_get_repeat (self->content);
  n = cycle_content_get_repeat_interval (self->content);
  summary = cycle_content_dup_repeat_summary (self->content);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), summary);

  switch (repeat)
    {
    case CYCLE_REPEAT_DAILY:
      adw_action_row_set_subtitle (self->interval_row,
                                   g_dngettext (GETTEXT_PACKAGE, "day", "days", n));
      break;
    case CYCLE_REPEAT_WEEKLY:
      adw_action_row_set_subtitle (self->interval_row,
                                   g_dngettext (GETTEXT_PACKAGE, "week", "weeks", n));
      break;
    case CYCLE_REPEAT_MONTHLY:
      adw_action_row_set_subtitle (self->interval_row,
                                   g_dngettext (GETTEXT_PACKAGE, "month", "months", n));
      break;
    case CYCLE_REPEAT_NONE:
    default:
      adw_action_row_set_subtitle (self->interval_row, "");
      break;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->interval_row), repeat != CYCLE_REPEAT_NONE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->until_row), repeat != CYCLE_REPEAT_NONE);

  until = cycle_date_format_input (cycle_content_get_repeat_until (self->content));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->until_row)), until) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->until_row), until);
  show_until_error (self, NULL);
}

static void
on_content_notify_cb (CycleContentRepeatRow *self,
                      GParamSpec            *pspec)
{
  if (g_str_has_prefix (pspec->name, "repeat") || g_str_equal (pspec->name, "due"))
    sync_widgets (self);
}

static void
on_until_row_apply_cb (CycleContentRepeatRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->until_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *iso = NULL;
  g_autofree char *problem = NULL;

  if (self->content == NULL)
    return;

  if (trimmed[0] == '\0')
    cycle_content_set_repeat_until (self->content, "");
  else if (cycle_date_parse_input (trimmed, &iso, &problem))
    cycle_content_set_repeat_until (self->content, iso);
  else
    {
      show_until_error (self, problem);
      return;
    }

  sync_widgets (self);
}

void
cycle_content_repeat_row_set_content (CycleContentRepeatRow *self,
                                      CycleContent          *content)
{
  g_return_if_fail (CYCLE_IS_CONTENT_REPEAT_ROW (self));
  g_return_if_fail (content == NULL || CYCLE_IS_CONTENT (content));

  if (!g_set_object (&self->content, content))
    return;

  g_binding_group_set_source (self->bindings, content);
  g_signal_group_set_target (self->content_signals, content);
  sync_widgets (self);
}

static void
cycle_content_repeat_row_dispose (GObject *object)
{
  CycleContentRepeatRow *self = CYCLE_CONTENT_REPEAT_ROW (object);

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->content_signals != NULL)
    g_signal_group_set_target (self->content_signals, NULL);
  g_clear_object (&self->bindings);
  g_clear_object (&self->content_signals);
  g_clear_object (&self->content);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_CONTENT_REPEAT_ROW);

  G_OBJECT_CLASS (cycle_content_repeat_row_parent_class)->dispose (object);
}

static void
cycle_content_repeat_row_class_init (CycleContentRepeatRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_content_repeat_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-content-repeat-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleContentRepeatRow, how_often_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentRepeatRow, interval_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentRepeatRow, interval_button);
  gtk_widget_class_bind_template_child (widget_class, CycleContentRepeatRow, until_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentRepeatRow, until_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_until_row_apply_cb);
}

static void
cycle_content_repeat_row_init (CycleContentRepeatRow *self)
{

  gtk_widget_init_template (GTK_WIDGET (self));

  cycle_enum_labels_set_on_row (self->how_often_row, CYCLE_TYPE_REPEAT);

  self->bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->bindings, "repeat", self->how_often_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             cycle_enum_transform_to_selected,
                             cycle_enum_transform_from_selected, NULL, NULL);
  /* GBinding converts between the count (guint) and the spin button's double. */
  g_binding_group_bind (self->bindings, "repeat-interval",
                        gtk_spin_button_get_adjustment (self->interval_button), "value",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  self->content_signals = g_signal_group_new (CYCLE_TYPE_CONTENT);
  g_signal_group_connect_swapped (self->content_signals, "notify",
                                  G_CALLBACK (on_content_notify_cb), self);
}
