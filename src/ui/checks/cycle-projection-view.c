/* cycle-projection-view.c: how many people reach each stage, on a page of its own
 *
 * The starting volume and the cycles are the plan's own settings, bound both ways to the spin
 * buttons (changing them is an edit, saved and undoable); the table is derived from the plan with
 * cycle_projection_compute_for_plan() whenever a stage, a link or a setting changes, on an idle,
 * so that a burst of edits computes it once.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-projection-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cycle-format.h"
#include "cycle-projection.h"
#include "cycle-projection-view.h"

struct _CycleProjectionView
{
  AdwBin             parent_instance;

  CyclePlan         *plan;
  GSignalGroup      *stages_signals;
  GSignalGroup      *links_signals;
  /* The stages and links whose notify we follow, to let go of them. */
  GPtrArray         *watched;
  GBindingGroup     *settings_bindings;
  guint              refresh_id;
  char              *message;

  /* Template widgets */
  GtkSpinButton     *start_spin;
  GtkSpinButton     *cycles_spin;
  GtkLabel          *summary_label;
  GtkLabel          *message_label;
  GtkGrid           *projection_grid;
};

G_DEFINE_FINAL_TYPE (CycleProjectionView, cycle_projection_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------------
 * The table
 */

static void
grid_add (CycleProjectionView *self,
          const char       *text,
          int               column,
          int               row,
          gboolean          header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  if (column == 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      /* A name stays readable when the table scrolls in a narrow window; a very long one is
       * cut (whole in its tooltip) so that it does not push the volumes off the page, as in
       * the coverage matrix */
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
      if (!header)
        gtk_widget_set_tooltip_text (label, text);
      gtk_widget_set_hexpand (label, TRUE);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  if (header)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->projection_grid, label, column, row, 1, 1);
}

static void
set_message (CycleProjectionView *self,
             const char       *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_label (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL && *message != '\0');
}

/* The sentence saying what the table shows; hidden when there is none, so that the page's
 * spacing does not leave a gap above the message instead. */
static void
set_summary (CycleProjectionView *self,
             const char          *summary)
{
  gtk_label_set_label (self->summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), summary != NULL && *summary != '\0');
}

static void
refresh_projection (CycleProjectionView *self)
{
  g_autoptr(CycleProjection) projection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problems = NULL;
  GtkWidget *child;
  int row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->projection_grid))) != NULL)
    gtk_grid_remove (self->projection_grid, child);

  if (self->plan == NULL)
    {
      set_message (self, NULL);
      set_summary (self, NULL);
      return;
    }

  projection = cycle_projection_compute_for_plan (self->plan, &error);
  if (projection == NULL)
    {
      set_message (self, error->message);
      set_summary (self, NULL);
      return;
    }

  {
    g_autofree char *summary = cycle_projection_describe (projection);
    gboolean referrals;

    /* What it shows, in plain words; what is wrong with it, as a warning. */
    set_summary (self, summary);
    problems = cycle_projection_describe_problems (projection);
    g_strchomp (problems);
    set_message (self, problems);

    referrals = cycle_projection_get_gain (projection) > 0.0;
    grid_add (self, _("Stage"), 0, 0, TRUE);
    grid_add (self, _("Volume"), 1, 0, TRUE);
    /* Translators: a column of the projection: the share of a stage's people who go on */
    grid_add (self, C_("projection column", "Next Step"), 2, 0, TRUE);
    grid_add (self, _("Cumulative"), 3, 0, TRUE);
    if (referrals)
      /* Translators: a column of the projection: the share of a stage's people who came
       * through the referral loops */
      grid_add (self, C_("projection column", "Referred"), 4, 0, TRUE);

    for (guint i = 0; i < cycle_projection_get_n_stages (projection); i++)
      {
        CycleStage *stage = cycle_projection_get_stage (projection, i);
        double next = cycle_projection_get_next_rate (projection, i);
        g_autofree char *volume_text = NULL;
        g_autofree char *next_text = NULL;
        g_autofree char *cumulative_text = NULL;

        if (!cycle_projection_is_on_path (projection, i))
          continue;

        volume_text = cycle_format_count (cycle_projection_get_volume (projection, i));
        next_text = cycle_projection_has_next_step (projection, i) ? cycle_format_percent (next)
                                                                   : g_strdup ("—");
        cumulative_text = cycle_format_percent (cycle_projection_get_cumulative (projection, i));

        grid_add (self, cycle_stage_get_display_name (stage), 0, row, FALSE);
        grid_add (self, volume_text, 1, row, FALSE);
        grid_add (self, next_text, 2, row, FALSE);
        grid_add (self, cumulative_text, 3, row, FALSE);
        if (referrals)
          {
            g_autofree char *referred =
              cycle_format_percent (cycle_projection_get_referred_share (projection, i));
            grid_add (self, referred, 4, row, FALSE);
          }
        row++;
      }
  }
}

static gboolean
refresh_cb (gpointer data)
{
  CycleProjectionView *self = data;

  self->refresh_id = 0;
  refresh_projection (self);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (CycleProjectionView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

static void
on_item_notify_cb (CycleProjectionView *self)
{
  queue_refresh (self);
}

static void
unwatch_items (CycleProjectionView *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i),
                                          on_item_notify_cb, self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
watch_list (CycleProjectionView *self,
            GListModel       *list)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->watched, g_object_ref (item));
    }
}

/* Stages or links came or went: follow the new set. */
static void
rewatch_items (CycleProjectionView *self)
{
  unwatch_items (self);
  if (self->plan != NULL)
    {
      watch_list (self, cycle_plan_get_stages (self->plan));
      watch_list (self, cycle_plan_get_links (self->plan));
    }
  queue_refresh (self);
}

static void
on_items_changed_cb (CycleProjectionView *self,
                     guint             position,
                     guint             removed,
                     guint             added,
                     GListModel       *list)
{
  rewatch_items (self);
}

GtkWidget *
cycle_projection_view_get_projection_grid (CycleProjectionView *self)
{
  g_return_val_if_fail (CYCLE_IS_PROJECTION_VIEW (self), NULL);

  if (self->refresh_id != 0)
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      refresh_projection (self);
    }

  return GTK_WIDGET (self->projection_grid);
}

const char *
cycle_projection_view_get_projection_message (CycleProjectionView *self)
{
  g_return_val_if_fail (CYCLE_IS_PROJECTION_VIEW (self), NULL);

  /* Tests read it right after a change: compute now what an idle would. */
  if (self->refresh_id != 0)
    {
      g_clear_handle_id (&self->refresh_id, g_source_remove);
      refresh_projection (self);
    }

  return self->message != NULL ? self->message : "";
}

/* ------------------------------------------------------------------------------------------------
 * Properties
 */

void
cycle_projection_view_set_plan (CycleProjectionView *self,
                                CyclePlan           *plan)
{
  g_return_if_fail (CYCLE_IS_PROJECTION_VIEW (self));
  g_return_if_fail (plan == NULL || CYCLE_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  g_signal_group_set_target (self->stages_signals,
                             plan != NULL ? cycle_plan_get_stages (plan) : NULL);
  g_signal_group_set_target (self->links_signals,
                             plan != NULL ? cycle_plan_get_links (plan) : NULL);
  g_binding_group_set_source (self->settings_bindings, plan);
  rewatch_items (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/* A setting changed, in the plan (undone, say) or in its spin button: the table follows. */
static void
on_setting_value_changed_cb (CycleProjectionView *self)
{
  queue_refresh (self);
}

/* The starting volume is a number of people, written as everywhere else: « 1 000 ». */
static gboolean
on_start_output_cb (CycleProjectionView *self,
                    GtkSpinButton       *spin)
{
  g_autofree char *text = cycle_format_count (gtk_spin_button_get_value (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_start_input_cb (CycleProjectionView *self,
                   double              *new_value,
                   GtkSpinButton       *spin)
{
  double value;

  if (!cycle_format_parse_number (gtk_editable_get_text (GTK_EDITABLE (spin)), &value))
    return GTK_INPUT_ERROR;
  *new_value = round (value);
  return TRUE;
}

/* 0 cycles is the steady state: the spin button says so. */
static gboolean
on_cycles_output_cb (CycleProjectionView *self,
                     GtkSpinButton    *spin)
{
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = NULL;

  if (value == CYCLE_PROJECTION_STEADY)
    text = g_strdup (C_("projection cycles", "Steady"));
  else
    text = g_strdup_printf ("%d", value);
  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_cycles_input_cb (CycleProjectionView *self,
                    double           *new_value,
                    GtkSpinButton    *spin)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (spin))));
  guint64 value;

  if (g_strcmp0 (text, C_("projection cycles", "Steady")) == 0 ||
      g_ascii_strcasecmp (text, "steady") == 0)
    {
      *new_value = CYCLE_PROJECTION_STEADY;
      return TRUE;
    }
  if (g_ascii_string_to_unsigned (text, 10, 0,
                                  CYCLE_PROJECTION_MAX_CYCLES, &value, NULL))
    {
      *new_value = (double) value;
      return TRUE;
    }
  return GTK_INPUT_ERROR;
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

static void
cycle_projection_view_dispose (GObject *object)
{
  CycleProjectionView *self = CYCLE_PROJECTION_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->watched != NULL)
    unwatch_items (self);
  if (self->stages_signals != NULL)
    g_signal_group_set_target (self->stages_signals, NULL);
  if (self->links_signals != NULL)
    g_signal_group_set_target (self->links_signals, NULL);
  if (self->settings_bindings != NULL)
    g_binding_group_set_source (self->settings_bindings, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_PROJECTION_VIEW);

  g_clear_object (&self->stages_signals);
  g_clear_object (&self->links_signals);
  g_clear_object (&self->settings_bindings);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cycle_projection_view_parent_class)->dispose (object);
}

static void
cycle_projection_view_finalize (GObject *object)
{
  CycleProjectionView *self = CYCLE_PROJECTION_VIEW (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (cycle_projection_view_parent_class)->finalize (object);
}

static void
cycle_projection_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CycleProjectionView *self = CYCLE_PROJECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_projection_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CycleProjectionView *self = CYCLE_PROJECTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      cycle_projection_view_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_projection_view_class_init (CycleProjectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cycle_projection_view_dispose;
  object_class->finalize = cycle_projection_view_finalize;
  object_class->get_property = cycle_projection_view_get_property;
  object_class->set_property = cycle_projection_view_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CYCLE_TYPE_PLAN, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-projection-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleProjectionView, start_spin);
  gtk_widget_class_bind_template_child (widget_class, CycleProjectionView, cycles_spin);
  gtk_widget_class_bind_template_child (widget_class, CycleProjectionView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CycleProjectionView, message_label);
  gtk_widget_class_bind_template_child (widget_class, CycleProjectionView, projection_grid);
}

static void
cycle_projection_view_init (CycleProjectionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->watched = g_ptr_array_new_with_free_func (g_object_unref);

  self->stages_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->stages_signals, "items-changed",
                                  G_CALLBACK (on_items_changed_cb), self);
  self->links_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->links_signals, "items-changed",
                                  G_CALLBACK (on_items_changed_cb), self);

  /* The plan's settings, edited here: each change is an edit of the plan, undoable. */
  self->settings_bindings = g_binding_group_new ();
  g_binding_group_bind (self->settings_bindings, "projection-start", self->start_spin, "value",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_binding_group_bind (self->settings_bindings, "projection-cycles", self->cycles_spin, "value",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->start_spin, "value-changed",
                           G_CALLBACK (on_setting_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cycles_spin, "value-changed",
                           G_CALLBACK (on_setting_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start_spin, "output",
                           G_CALLBACK (on_start_output_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start_spin, "input",
                           G_CALLBACK (on_start_input_cb), self, G_CONNECT_SWAPPED);
  /* The template's value was written before the handler came. */
  on_start_output_cb (self, self->start_spin);
  g_signal_connect_object (self->cycles_spin, "output",
                           G_CALLBACK (on_cycles_output_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cycles_spin, "input",
                           G_CALLBACK (on_cycles_input_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
cycle_projection_view_new (void)
{
  return g_object_new (CYCLE_TYPE_PROJECTION_VIEW, NULL);
}
