/* cycle-content-cells.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-cells"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cycle-content-cells.h"

gboolean
cycle_transform_enum_to_label (GBinding     *binding,
                               const GValue *from,
                               GValue       *to,
                               gpointer      user_data)
{
  g_value_set_string (to, cycle_enum_get_label (G_VALUE_TYPE (from), g_value_get_enum (from)));
  return TRUE;
}

/* Which vocabulary a word belongs to is the content property the binding follows. */
static gboolean
is_channel (GBinding *binding)
{
  return g_str_equal (g_binding_get_source_property (binding), "channel");
}

gboolean
cycle_transform_word_to_label (GBinding     *binding,
                               const GValue *from,
                               GValue       *to,
                               gpointer      user_data)
{
  const char *word = g_value_get_string (from);

  g_value_set_string (to, is_channel (binding) ? cycle_content_channel_to_display (word)
                                               : cycle_content_format_to_display (word));
  return TRUE;
}

gboolean
cycle_transform_label_to_word (GBinding     *binding,
                               const GValue *from,
                               GValue       *to,
                               gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, is_channel (binding) ? cycle_content_channel_from_display (text)
                                               : cycle_content_format_from_display (text));
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------
 * Cells that follow their content
 */

struct _CycleCellWatch
{
  CycleTextCell *cell;            /* not owned: the table's cell owns both */
  GSignalGroup  *content_signals;
  void         (*update)          (CycleCellWatch *watch,
                                   CycleContent   *content);

  /* A name's: the property of the content that points to the named item, and that item */
  const char    *property;        /* static */
  char          *empty_text;
  GSignalGroup  *target_signals;
};

static void
on_content_notify_cb (CycleContent   *content,
                      GParamSpec     *pspec,
                      CycleCellWatch *watch)
{
  watch->update (watch, content);
}

static CycleCellWatch *
cell_watch_new (CycleTextCell *cell,
                void         (*update) (CycleCellWatch *watch,
                                        CycleContent   *content))
{
  CycleCellWatch *watch = g_new0 (CycleCellWatch, 1);

  watch->cell = cell;
  watch->update = update;
  watch->content_signals = g_signal_group_new (CYCLE_TYPE_CONTENT);
  return watch;
}

void
cycle_cell_watch_bind (CycleCellWatch *watch,
                       CycleContent   *content)
{
  g_signal_group_set_target (watch->content_signals, content);
  watch->update (watch, content);
}

void
cycle_cell_watch_unbind (CycleCellWatch *watch)
{
  if (watch->target_signals != NULL)
    g_signal_group_set_target (watch->target_signals, NULL);
  g_signal_group_set_target (watch->content_signals, NULL);
}

void
cycle_cell_watch_free (CycleCellWatch *watch)
{
  if (watch == NULL)
    return;

  g_clear_object (&watch->content_signals);
  g_clear_object (&watch->target_signals);
  g_free (watch->empty_text);
  g_free (watch);
}

/* Names of what content points to */

static void
show_name (CycleCellWatch *watch)
{
  g_autoptr(GObject) target = g_signal_group_dup_target (watch->target_signals);
  const char *name = NULL;

  if (CYCLE_IS_PERSONA (target))
    name = cycle_persona_get_name (CYCLE_PERSONA (target));
  else if (CYCLE_IS_STAGE (target))
    name = cycle_stage_get_name (CYCLE_STAGE (target));

  if (name == NULL || *name == '\0')
    name = watch->empty_text;

  cycle_text_cell_set_text (watch->cell, name);
}

static void
update_name (CycleCellWatch *watch,
             CycleContent   *content)
{
  g_autoptr(GObject) target = NULL;

  g_object_get (content, watch->property, &target, NULL);
  g_signal_group_set_target (watch->target_signals, target);
  show_name (watch);
}

CycleCellWatch *
cycle_cell_watch_new_name (CycleTextCell *cell,
                           const char    *property,
                           const char    *empty_text)
{
  CycleCellWatch *watch = cell_watch_new (cell, update_name);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  watch->property = g_intern_string (property);
  watch->empty_text = g_strdup (empty_text != NULL ? empty_text : "");
  g_signal_group_connect (watch->content_signals, signal,
                          G_CALLBACK (on_content_notify_cb), watch);
  watch->target_signals = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (watch->target_signals, "notify::name",
                                  G_CALLBACK (show_name), watch);
  return watch;
}

/* Due dates */

static void
update_due (CycleCellWatch *watch,
            CycleContent   *content)
{
  g_autofree char *text = cycle_content_format_due (cycle_content_get_due (content));
  g_autofree char *today = cycle_content_dup_today ();
  gboolean overdue = cycle_content_is_overdue (content, today);

  cycle_text_cell_set_text (watch->cell, text);

  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (watch->cell), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (watch->cell), "error");
}

/* Made when asked for: setting a tooltip asks the X server where the pointer is, too slow for
 * every cell that scrolls in. */
static gboolean
on_due_query_tooltip_cb (GtkWidget      *cell,
                         int             x,
                         int             y,
                         gboolean        keyboard,
                         GtkTooltip     *tooltip,
                         CycleCellWatch *watch)
{
  if (!gtk_widget_has_css_class (cell, "error"))
    return FALSE;

  gtk_tooltip_set_text (tooltip, _("Overdue: due before today and not published"));
  return TRUE;
}

CycleCellWatch *
cycle_cell_watch_new_due (CycleTextCell *cell)
{
  CycleCellWatch *watch = cell_watch_new (cell, update_due);

  g_signal_group_connect (watch->content_signals, "notify::due",
                          G_CALLBACK (on_content_notify_cb), watch);
  g_signal_group_connect (watch->content_signals, "notify::status",
                          G_CALLBACK (on_content_notify_cb), watch);
  gtk_widget_set_has_tooltip (GTK_WIDGET (cell), TRUE);
  g_signal_connect (cell, "query-tooltip", G_CALLBACK (on_due_query_tooltip_cb), watch);
  return watch;
}
