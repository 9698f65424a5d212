/* cycle-connect-popover.c: "Connect to…": the other stages of a plan in a list with a search,
 * for linking a stage by keyboard
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-canvas"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cycle-connect-popover.h"
#include "cycle-enums.h"

struct _CycleConnectPopover
{
  GtkPopover          parent_instance;

  GtkLabel           *title;
  GtkSearchEntry     *search;
  GtkListBox         *list;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  CycleStage         *source;
};

G_DEFINE_FINAL_TYPE (CycleConnectPopover, cycle_connect_popover, GTK_TYPE_POPOVER)

enum {
  SIGNAL_STAGE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  CycleConnectPopover *self = user_data;
  const char *search;
  g_autofree char *name = NULL;
  g_autofree char *needle = NULL;

  if (item == self->source)
    return FALSE;

  search = gtk_editable_get_text (GTK_EDITABLE (self->search));
  if (search == NULL || search[0] == '\0')
    return TRUE;

  name = g_utf8_casefold (cycle_stage_get_name (CYCLE_STAGE (item)), -1);
  needle = g_utf8_casefold (search, -1);
  return strstr (name, needle) != NULL;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CycleStage *stage = CYCLE_STAGE (item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (cycle_stage_get_name (stage));
  GtkWidget *lane = gtk_label_new (cycle_enum_get_label (CYCLE_TYPE_LANE,
                                                         cycle_stage_get_lane (stage)));

  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (lane), 0.0f);
  gtk_widget_add_css_class (lane, "dim-label");
  gtk_widget_add_css_class (lane, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), lane);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "cycle-stage", g_object_ref (stage), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cycle_stage_get_name (stage),
                                  -1);

  return row;
}

static void
choose (CycleConnectPopover *self,
        GtkListBoxRow       *row)
{
  g_autoptr(CycleStage) source = NULL;
  g_autoptr(CycleStage) target = NULL;

  if (row == NULL || self->source == NULL)
    return;

  source = g_object_ref (self->source);
  target = g_object_ref (g_object_get_data (G_OBJECT (row), "cycle-stage"));
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[SIGNAL_STAGE_CHOSEN], 0, source, target);
}

static void
on_row_activated_cb (CycleConnectPopover *self,
                     GtkListBoxRow       *row,
                     GtkListBox          *list)
{
  choose (self, row);
}

static void
on_search_changed_cb (CycleConnectPopover *self,
                      GtkSearchEntry      *entry)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_search_activate_cb (CycleConnectPopover *self,
                       GtkSearchEntry      *entry)
{
  /* Enter may come before the search's delay is over: filter with what was typed. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  choose (self, gtk_list_box_get_row_at_index (self->list, 0));
}

static void
on_search_stop_cb (CycleConnectPopover *self,
                   GtkSearchEntry      *entry)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Down from the search goes to the first stage. */
static gboolean
on_search_key_cb (CycleConnectPopover   *self,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  GtkEventControllerKey *controller)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static void
cycle_connect_popover_closed (GtkPopover *popover)
{
  CycleConnectPopover *self = CYCLE_CONNECT_POPOVER (popover);

  /* After the handlers of ::closed, which may want to know the source */
  g_clear_object (&self->source);
  gtk_filter_list_model_set_model (self->filtered, NULL);
}

static void
cycle_connect_popover_dispose (GObject *object)
{
  CycleConnectPopover *self = CYCLE_CONNECT_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_CONNECT_POPOVER);
  g_clear_object (&self->source);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (cycle_connect_popover_parent_class)->dispose (object);
}

static void
cycle_connect_popover_class_init (CycleConnectPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_connect_popover_dispose;

  /**
   * CycleConnectPopover::stage-chosen:
   * @source: the stage being linked
   * @target: the stage chosen to link it to
   *
   * Emitted once the popover has popped down.
   */
  signals[SIGNAL_STAGE_CHOSEN] =
    g_signal_new ("stage-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, CYCLE_TYPE_STAGE, CYCLE_TYPE_STAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-connect-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleConnectPopover, title);
  gtk_widget_class_bind_template_child (widget_class, CycleConnectPopover, search);
  gtk_widget_class_bind_template_child (widget_class, CycleConnectPopover, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_cb);
}

static void
cycle_connect_popover_init (CycleConnectPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->filtered), create_row_cb, self, NULL);
  g_signal_connect_after (self, "closed", G_CALLBACK (cycle_connect_popover_closed), NULL);
}

GtkWidget *
cycle_connect_popover_new (void)
{
  return g_object_new (CYCLE_TYPE_CONNECT_POPOVER, NULL);
}

void
cycle_connect_popover_popup_for (CycleConnectPopover *self,
                                 GListModel          *stages,
                                 CycleStage          *source)
{
  g_autofree char *heading = NULL;

  g_return_if_fail (CYCLE_IS_CONNECT_POPOVER (self));
  g_return_if_fail (G_IS_LIST_MODEL (stages));
  g_return_if_fail (CYCLE_IS_STAGE (source));

  g_set_object (&self->source, source);
  gtk_editable_set_text (GTK_EDITABLE (self->search), "");
  gtk_filter_list_model_set_model (self->filtered, stages);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  /* Translators: the title of the list of stages a stage can be linked to */
  heading = g_strdup_printf (_("Link “%s” to…"), cycle_stage_get_name (source));
  gtk_label_set_text (self->title, heading);

  gtk_popover_popup (GTK_POPOVER (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search));
}

CycleStage *
cycle_connect_popover_get_source (CycleConnectPopover *self)
{
  g_return_val_if_fail (CYCLE_IS_CONNECT_POPOVER (self), NULL);

  return self->source;
}
