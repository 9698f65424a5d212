/* cycle-link-editor.c
 *
 * A popover at the link on the canvas: its kind, and its rate in the unit of its kind (a
 * percentage for a next step or a mapping; new people each person brings for a loop), empty for
 * no rate of its own. Every change goes through cycle_link_edit(), one undo step each; the
 * sentence below says what the rate means, from the model.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-link-editor"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cycle-enum-labels.h"
#include "cycle-format.h"
#include "cycle-link-editor.h"
#include "cycle-number-field.h"

struct _CycleLinkEditor
{
  GtkPopover        parent_instance;

  CycleLink        *link;
  GSignalGroup     *link_signals;
  GSignalGroup     *source_signals;
  GSignalGroup     *target_signals;
  CycleNumberField *rate;
  /* Writing the model's values into the fields: their change signals must not write back. */
  gboolean          syncing;

  /* Template widgets */
  GtkLabel         *heading_label;
  AdwComboRow      *kind_row;
  AdwActionRow     *rate_row;
  GtkSpinButton    *rate_spin;
  GtkAdjustment    *rate_adjustment;
  GtkLabel         *unit_label;
  GtkButton        *rate_clear;
  GtkLabel         *description_label;
  GtkButton        *remove_button;
};

G_DEFINE_FINAL_TYPE (CycleLinkEditor, cycle_link_editor, GTK_TYPE_POPOVER)

static gboolean
is_loop (CycleLinkEditor *self)
{
  return self->link != NULL && cycle_link_get_kind (self->link) == CYCLE_LINK_LOOP;
}

/* ------------------------------------------------------------------------------------------------
 * The rate, in the field's unit: a percentage, or people for a loop
 */

static double
rate_get (gpointer data)
{
  CycleLinkEditor *self = data;
  double rate;

  if (self->link == NULL)
    return NAN;

  rate = cycle_link_get_rate (self->link);
  if (rate == CYCLE_RATE_UNSET)
    return NAN;

  return is_loop (self) ? rate : rate * 100.0;
}

static void
rate_set (gpointer data,
          double   value)
{
  CycleLinkEditor *self = data;
  double rate;

  /* The unit changing with the kind is no edit. */
  if (self->link == NULL || self->syncing)
    return;

  if (isnan (value))
    rate = CYCLE_RATE_UNSET;
  else
    rate = is_loop (self) ? value : value / 100.0;
  cycle_link_edit (self->link, cycle_link_get_kind (self->link), rate);
}

static char *
rate_refusal (gpointer data)
{
  CycleLinkEditor *self = data;
  g_autofree char *most = NULL;

  if (!is_loop (self))
    return g_strdup (_("Type a percentage from 0 to 100, or leave it empty"));

  most = cycle_format_count (CYCLE_LOOP_RATE_MAX);
  /* Translators: %s is the most people a person can bring, "1,000" */
  return g_strdup_printf (_("Type how many new people each person brings, from 0 to %s, or "
                            "leave it empty"), most);
}

static const CycleNumberFieldFuncs rate_funcs = { rate_get, rate_set, rate_refusal };

static void
on_rate_clear_clicked_cb (CycleLinkEditor *self)
{
  rate_set (self, NAN);
}

/* ------------------------------------------------------------------------------------------------
 * Showing the link
 */

static void
sync_kind (CycleLinkEditor *self)
{
  gboolean loop = is_loop (self);
  const char *title, *label;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->kind_row, (guint) cycle_link_get_kind (self->link));

  /* The field's unit follows the kind: set before the value is shown in it (the value it
   * holds meanwhile is not written: see rate_set). */
  if (loop)
    {
      title = _("People Brought per Person");
      label = _("New people each person brings");
      gtk_adjustment_configure (self->rate_adjustment, 0.0, 0.0, CYCLE_LOOP_RATE_MAX, 0.1, 1.0,
                                0.0);
      gtk_spin_button_set_digits (self->rate_spin, 2);
    }
  else
    {
      title = _("Rate");
      label = _("Rate, in percent");
      gtk_adjustment_configure (self->rate_adjustment, 0.0, 0.0, 100.0, 1.0, 10.0, 0.0);
      gtk_spin_button_set_digits (self->rate_spin, 1);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rate_row), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rate_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label), !loop);
  self->syncing = FALSE;
}

static void
sync_text (CycleLinkEditor *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *description = NULL;
  CycleStage *source, *target;

  if (self->link == NULL)
    return;

  source = cycle_link_get_source (self->link);
  target = cycle_link_get_target (self->link);
  /* Translators: the link editor's heading; %s are the two stages */
  heading = g_strdup_printf (_("From “%s” to “%s”"),
                             source != NULL ? cycle_stage_get_name (source) : "",
                             target != NULL ? cycle_stage_get_name (target) : "");
  gtk_label_set_label (self->heading_label, heading);
  description = cycle_link_describe_rate (self->link);
  gtk_label_set_label (self->description_label, description);
}

static void
on_link_notify_cb (CycleLinkEditor *self,
                   GParamSpec      *pspec,
                   CycleLink       *link)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "kind"))
    {
      sync_kind (self);
      cycle_number_field_sync (self->rate);
    }
  else if (g_str_equal (name, "rate"))
    {
      cycle_number_field_sync (self->rate);
    }
  sync_text (self);
}

/* A stage's name, or the source's conversion rate that a link without a rate uses. */
static void
on_stage_notify_cb (CycleLinkEditor *self)
{
  sync_text (self);
}

static void
on_kind_selected_notify_cb (CycleLinkEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->syncing || self->link == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  /* What was typed in the old unit first. */
  cycle_number_field_commit (self->rate);
  cycle_link_change_kind (self->link, (CycleLinkKind) selected);
}

static void
on_remove_clicked_cb (CycleLinkEditor *self)
{
  g_autoptr(CycleLink) link = self->link != NULL ? g_object_ref (self->link) : NULL;
  CyclePlan *plan = link != NULL ? cycle_item_get_plan (CYCLE_ITEM (link)) : NULL;

  gtk_popover_popdown (GTK_POPOVER (self));
  /* The canvas's action, which says so and offers to undo. */
  if (plan != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "canvas.remove-link", "s",
                                cycle_item_get_id (CYCLE_ITEM (link)));
}

CycleLink *
cycle_link_editor_get_link (CycleLinkEditor *self)
{
  g_return_val_if_fail (CYCLE_IS_LINK_EDITOR (self), NULL);

  return self->link;
}

void
cycle_link_editor_set_link (CycleLinkEditor *self,
                            CycleLink       *link)
{
  g_return_if_fail (CYCLE_IS_LINK_EDITOR (self));
  g_return_if_fail (link == NULL || CYCLE_IS_LINK (link));

  if (self->link == link)
    return;

  /* What was typed for the link before is an edit of that link. */
  if (self->link != NULL)
    cycle_number_field_commit (self->rate);

  g_set_object (&self->link, link);
  g_signal_group_set_target (self->link_signals, link);
  g_signal_group_set_target (self->source_signals,
                             link != NULL ? cycle_link_get_source (link) : NULL);
  g_signal_group_set_target (self->target_signals,
                             link != NULL ? cycle_link_get_target (link) : NULL);

  if (link != NULL)
    {
      sync_kind (self);
      cycle_number_field_sync (self->rate);
      sync_text (self);
    }

}

void
cycle_link_editor_focus (CycleLinkEditor *self)
{
  g_return_if_fail (CYCLE_IS_LINK_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->rate_spin));
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

static void
cycle_link_editor_dispose (GObject *object)
{
  CycleLinkEditor *self = CYCLE_LINK_EDITOR (object);

  if (self->link_signals != NULL)
    {
      g_signal_group_set_target (self->link_signals, NULL);
      g_signal_group_set_target (self->source_signals, NULL);
      g_signal_group_set_target (self->target_signals, NULL);
    }
  g_clear_object (&self->link);
  g_clear_pointer (&self->rate, cycle_number_field_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_LINK_EDITOR);

  G_OBJECT_CLASS (cycle_link_editor_parent_class)->dispose (object);
}

static void
cycle_link_editor_finalize (GObject *object)
{
  CycleLinkEditor *self = CYCLE_LINK_EDITOR (object);

  g_clear_object (&self->link_signals);
  g_clear_object (&self->source_signals);
  g_clear_object (&self->target_signals);

  G_OBJECT_CLASS (cycle_link_editor_parent_class)->finalize (object);
}

static void
cycle_link_editor_class_init (CycleLinkEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_link_editor_dispose;
  object_class->finalize = cycle_link_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-link-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleLinkEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CycleLinkEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CycleLinkEditor, rate_row);
  gtk_widget_class_bind_template_child (widget_class, CycleLinkEditor, rate_spin);
  gtk_widget_class_bind_template_child (widget_class, CycleLinkEditor, rate_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CycleLinkEditor, unit_label);
  gtk_widget_class_bind_template_child (widget_class, CycleLinkEditor, rate_clear);
  gtk_widget_class_bind_template_child (widget_class, CycleLinkEditor, description_label);
  gtk_widget_class_bind_template_child (widget_class, CycleLinkEditor, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_rate_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
}

static void
cycle_link_editor_init (CycleLinkEditor *self)
{
  const char *unset = _("Unset the Rate");

  gtk_widget_init_template (GTK_WIDGET (self));

  cycle_enum_labels_set_on_row (self->kind_row, CYCLE_TYPE_LINK_KIND);
  g_signal_connect_object (self->kind_row, "notify::selected",
                           G_CALLBACK (on_kind_selected_notify_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rate_clear), unset);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rate_clear),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, unset,
                                  -1);
  self->rate = cycle_number_field_new (self->rate_spin, self->rate_row,
                                       GTK_WIDGET (self->rate_clear), &rate_funcs, self);

  self->link_signals = g_signal_group_new (CYCLE_TYPE_LINK);
  g_signal_group_connect_swapped (self->link_signals, "notify",
                                  G_CALLBACK (on_link_notify_cb), self);
  self->source_signals = g_signal_group_new (CYCLE_TYPE_STAGE);
  g_signal_group_connect_swapped (self->source_signals, "notify",
                                  G_CALLBACK (on_stage_notify_cb), self);
  self->target_signals = g_signal_group_new (CYCLE_TYPE_STAGE);
  g_signal_group_connect_swapped (self->target_signals, "notify::name",
                                  G_CALLBACK (on_stage_notify_cb), self);
}

GtkWidget *
cycle_link_editor_new (void)
{
  return g_object_new (CYCLE_TYPE_LINK_EDITOR, NULL);
}
