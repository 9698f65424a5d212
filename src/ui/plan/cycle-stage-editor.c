/* cycle-stage-editor.c: the side panel that edits the selected stage's fields
 *
 * Every field is bound to the stage through its setters, so every change is an undo step. Typing
 * in a field merges into one step (the model merges quick edits of one field); leaving the field
 * seals the step, so that the next visit is a step of its own.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-stage-editor"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cycle-accessible.h"
#include "cycle-enum-labels.h"
#include "cycle-format.h"
#include "cycle-number-field.h"
#include "cycle-projection.h"
#include "cycle-render.h"
#include "cycle-stage-editor.h"

#define TO_SELECTED cycle_enum_transform_to_selected
#define FROM_SELECTED cycle_enum_transform_from_selected

struct _CycleStageEditor
{
  AdwBin            parent_instance;

  CycleStage       *stage;
  GPtrArray        *bindings;
  GSignalGroup     *stage_signals;
  /* The stage's plan: its projection settings change the projected volume. */
  GSignalGroup     *plan_signals;

  CycleNumberField *rate;
  CycleNumberField *days;

  /* Template widgets */
  GtkStack         *stack;
  AdwEntryRow      *name_row;
  AdwComboRow      *lane_row;
  AdwEntryRow      *why_row;
  AdwEntryRow      *question_row;
  AdwComboRow      *permission_row;
  AdwComboRow      *role_row;
  AdwEntryRow      *kpi_row;
  AdwActionRow     *rate_row;
  GtkSpinButton    *rate_spin;
  GtkButton        *rate_clear;
  AdwActionRow     *days_row;
  GtkSpinButton    *days_spin;
  GtkButton        *days_clear;
  AdwActionRow     *projection_row;
  GtkListBox       *links_list;
  /* The plan's links that start or end at the stage, listed in links_list. */
  GtkFilterListModel *links;

  AdwEntryRow      *owner_row;
  GtkColorButton   *color_button;
  GtkButton        *color_reset;

  /* Writing the model's values into the fields: their change signals must not write back. */
  guint             syncing;
};

G_DEFINE_FINAL_TYPE (CycleStageEditor, cycle_stage_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_LINK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CyclePlan *
editor_plan (CycleStageEditor *self)
{
  return self->stage != NULL ? cycle_item_get_plan (CYCLE_ITEM (self->stage)) : NULL;
}

static void
seal_undo (CycleStageEditor *self)
{
  CyclePlan *plan = editor_plan (self);

  if (plan != NULL)
    cycle_plan_seal_undo (plan);
}

/* ------------------------------------------------------------------------------------------------
 * Numbers that may be unset: the conversion rate (the model's fraction shown × 100) and days
 */

static double
rate_get (gpointer data)
{
  CycleStageEditor *self = data;
  double rate = self->stage != NULL ? cycle_stage_get_conversion_rate (self->stage)
                                    : CYCLE_RATE_UNSET;

  return rate == CYCLE_RATE_UNSET ? NAN : rate * 100.0;
}

static void
rate_set (gpointer data,
          double   value)
{
  CycleStageEditor *self = data;

  if (self->stage != NULL)
    cycle_stage_set_conversion_rate (self->stage,
                                     isnan (value) ? CYCLE_RATE_UNSET
                                                   : CLAMP (value / 100.0, 0.0, 1.0));
}

static char *
rate_refusal (gpointer data)
{
  return g_strdup (_("Type a percentage from 0 to 100, or leave it empty"));
}

static const CycleNumberFieldFuncs rate_funcs = { rate_get, rate_set, rate_refusal };

static double
days_get (gpointer data)
{
  CycleStageEditor *self = data;
  int days = self->stage != NULL ? cycle_stage_get_days (self->stage) : CYCLE_DAYS_UNSET;

  return days == CYCLE_DAYS_UNSET ? NAN : (double) days;
}

static void
days_set (gpointer data,
          double   value)
{
  CycleStageEditor *self = data;

  if (self->stage != NULL)
    cycle_stage_set_days (self->stage, isnan (value) ? CYCLE_DAYS_UNSET : (int) lround (value));
}

static char *
days_refusal (gpointer data)
{
  CycleStageEditor *self = data;
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (self->days_spin);

  /* Translators: %d is the largest number of days a stage can have */
  return g_strdup_printf (_("Type a whole number of days from 0 to %d, or leave it empty"),
                          (int) gtk_adjustment_get_upper (adjustment));
}

static const CycleNumberFieldFuncs days_funcs = { days_get, days_set, days_refusal };

/* Leaving a number field ends its undo step. */
static void
on_number_focus_leave_cb (GtkEventControllerFocus *controller,
                          CycleStageEditor        *self)
{
  seal_undo (self);
}

static void
on_rate_clear_clicked_cb (CycleStageEditor *self)
{
  rate_set (self, NAN);
  seal_undo (self);
}

static void
on_days_clear_clicked_cb (CycleStageEditor *self)
{
  days_set (self, NAN);
  seal_undo (self);
}

/* ------------------------------------------------------------------------------------------------
 * The stage's links: links are drawn on the canvas, not widgets; this list is how the keyboard
 * reaches them. A row opens the link's editor.
 */

static gboolean
link_touches_stage (gpointer item,
                    gpointer user_data)
{
  CycleStageEditor *self = user_data;
  CycleLink *link = item;

  return self->stage != NULL &&
         (cycle_link_get_source (link) == self->stage ||
          cycle_link_get_target (link) == self->stage);
}

static void
update_link_row (AdwActionRow *row)
{
  CycleLink *link = g_object_get_data (G_OBJECT (row), "cycle-link");
  CycleStage *from = g_object_get_data (G_OBJECT (row), "cycle-stage");
  g_autofree char *title = cycle_link_describe_from (link, from);
  g_autofree char *rate = cycle_link_format_rate (link);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  /* Translators: a link's rate in the stage's list of links, when it has none of its own */
  adw_action_row_set_subtitle (row, rate != NULL ? rate : _("No rate of its own"));
}

static GtkWidget *
create_link_row (gpointer item,
                 gpointer user_data)
{
  CycleStageEditor *self = user_data;
  CycleLink *link = item;
  CycleStage *other;
  GtkWidget *row = adw_action_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "cycle-link", g_object_ref (link), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "cycle-stage", g_object_ref (self->stage),
                          g_object_unref);
  update_link_row (ADW_ACTION_ROW (row));

  /* The row follows its link, and the name of the stage at the other end. */
  g_signal_connect_object (link, "notify", G_CALLBACK (update_link_row), row, G_CONNECT_SWAPPED);
  other = cycle_link_get_source (link) == self->stage ? cycle_link_get_target (link)
                                                       : cycle_link_get_source (link);
  if (other != NULL)
    g_signal_connect_object (other, "notify::name", G_CALLBACK (update_link_row), row,
                             G_CONNECT_SWAPPED);

  return row;
}

static void
on_links_row_activated_cb (CycleStageEditor *self,
                           GtkListBoxRow    *row)
{
  CycleLink *link = g_object_get_data (G_OBJECT (row), "cycle-link");

  if (link != NULL)
    g_signal_emit (self, signals[SIGNAL_LINK_ACTIVATED], 0, link);
}

static void
update_links (CycleStageEditor *self)
{
  CyclePlan *plan = editor_plan (self);
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->links);

  gtk_filter_list_model_set_model (self->links, plan != NULL ? cycle_plan_get_links (plan) : NULL);
  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  /* Rows were made for the stage before: make them again. */
  gtk_list_box_bind_model (self->links_list, G_LIST_MODEL (self->links),
                           create_link_row, self, NULL);
}

/* ------------------------------------------------------------------------------------------------
 * Colour
 */

static void
sync_color (CycleStageEditor *self)
{
  const char *color;
  GdkRGBA rgba = { 0, 0, 0, 1 };

  if (self->stage == NULL)
    return;

  color = cycle_stage_get_color (self->stage);
  if (color[0] == '\0' || !gdk_rgba_parse (&rgba, color))
    {
      CycleRenderStyle style;
      CycleColor accent;

      /* No colour of its own: the lane's, as the canvas draws it. */
      cycle_render_style_init (&style,
                               adw_style_manager_get_dark (adw_style_manager_get_default ()));
      cycle_render_style_get_stage_colors (&style, self->stage, &accent, NULL, NULL);
      rgba = (GdkRGBA) { accent.red, accent.green, accent.blue, 1.0 };
    }

  self->syncing++;
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  gtk_widget_set_sensitive (GTK_WIDGET (self->color_reset), color[0] != '\0');
  self->syncing--;
}

static void
on_color_set_cb (CycleStageEditor *self)
{
  GdkRGBA rgba;
  g_autofree char *hex = NULL;

  if (self->stage == NULL || self->syncing > 0)
    return;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  hex = g_strdup_printf ("#%02x%02x%02x",
                         (guint) lround (CLAMP (rgba.red, 0.0, 1.0) * 255.0),
                         (guint) lround (CLAMP (rgba.green, 0.0, 1.0) * 255.0),
                         (guint) lround (CLAMP (rgba.blue, 0.0, 1.0) * 255.0));
  cycle_stage_set_color (self->stage, hex);
  seal_undo (self);
}

static void
on_color_reset_clicked_cb (CycleStageEditor *self)
{
  if (self->stage != NULL)
    cycle_stage_set_color (self->stage, "");
  seal_undo (self);
}

/* ------------------------------------------------------------------------------------------------
 * Binding the fields
 */

static void
bind (CycleStageEditor *self,
      const char       *property,
      gpointer          target,
      const char       *target_property)
{
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (self->stage, property,
                                                         target, target_property,
                                                         G_BINDING_BIDIRECTIONAL |
                                                         G_BINDING_SYNC_CREATE)));
}

static void
unbind_all (CycleStageEditor *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
}

static void
on_stage_notify_cb (CycleStageEditor *self,
                    GParamSpec       *pspec,
                    CycleStage       *stage)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "conversion-rate"))
    cycle_number_field_sync (self->rate);
  else if (g_str_equal (name, "days"))
    cycle_number_field_sync (self->days);
  else if (g_str_equal (name, "color") || g_str_equal (name, "lane"))
    sync_color (self);
}

/* The name field was left blank: show the name the stage kept. */
static void
on_name_focus_leave_cb (GtkEventControllerFocus *controller,
                        CycleStageEditor        *self)
{
  if (self->stage != NULL &&
      cycle_name_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->name_row))))
    gtk_editable_set_text (GTK_EDITABLE (self->name_row), cycle_stage_get_name (self->stage));
  seal_undo (self);
}

static void
on_field_focus_leave_cb (GtkEventControllerFocus *controller,
                         CycleStageEditor        *self)
{
  seal_undo (self);
}

/* "≈ 40 people, 4 % of the top", read-only: the projection with the plan's settings. */
static void
update_projection (CycleStageEditor *self)
{
  g_autoptr(CycleProjection) projection = NULL;
  g_autofree char *text = NULL;
  CyclePlan *plan;
  guint index;

  if (self->stage == NULL)
    return;

  plan = cycle_item_get_plan (CYCLE_ITEM (self->stage));
  if (plan != NULL)
    projection = cycle_projection_compute_for_plan (plan, NULL);

  if (projection == NULL ||
      !g_list_store_find (G_LIST_STORE (cycle_plan_get_stages (plan)), self->stage, &index) ||
      index >= cycle_projection_get_n_stages (projection) ||
      !cycle_projection_is_on_path (projection, index))
    {
      text = g_strdup (_("Not on the funnel’s path"));
    }
  else
    {
      double volume = cycle_projection_get_volume (projection, index);
      double cumulative = cycle_projection_get_cumulative (projection, index);
      double referred = cycle_projection_get_referred_share (projection, index);

      if (isnan (volume))
        text = g_strdup (_("Unknown: a conversion rate is missing"));
      else
        {
          g_autofree char *people = cycle_format_people (volume);
          g_autofree char *percent = cycle_format_percent (cumulative);

          /* Translators: a stage's projected volume ("≈ 40 people"), then the share of the top
           * of the funnel they are ("4%") */
          text = g_strdup_printf (_("%s, %s of the top"), people, percent);
          /* Below a tenth of a percent, referrals change nothing worth saying. */
          if (referred >= 0.001)
            {
              g_autofree char *share = cycle_format_percent (referred);
              g_autofree char *more = NULL;

              /* Translators: appended to a stage's projected volume: the share of its people
               * that came through the referral loops */
              more = g_strdup_printf (_("%s; %s came through referrals"), text, share);
              g_free (text);
              text = g_steal_pointer (&more);
            }
        }
    }

  {
    /* The subtitle is markup: "< 1 person" is not. */
    g_autofree char *escaped = g_markup_escape_text (text, -1);
    adw_action_row_set_subtitle (self->projection_row, escaped);
  }
}

CycleStage *
cycle_stage_editor_get_stage (CycleStageEditor *self)
{
  g_return_val_if_fail (CYCLE_IS_STAGE_EDITOR (self), NULL);

  return self->stage;
}

/* Every change goes through the stage's setters, so each one is an undo step. */
static void
cycle_stage_editor_set_stage (CycleStageEditor *self,
                              CycleStage       *stage)
{
  g_return_if_fail (CYCLE_IS_STAGE_EDITOR (self));
  g_return_if_fail (stage == NULL || CYCLE_IS_STAGE (stage));

  if (self->stage == stage)
    return;

  /* What was typed for the previous stage is a step of its own. */
  cycle_number_field_commit (self->rate);
  cycle_number_field_commit (self->days);
  seal_undo (self);
  unbind_all (self);

  g_set_object (&self->stage, stage);
  g_signal_group_set_target (self->stage_signals, stage);
  g_signal_group_set_target (self->plan_signals, editor_plan (self));

  if (stage != NULL)
    {
      self->syncing++;
      g_ptr_array_add (self->bindings,
                       g_object_ref (g_object_bind_property_full (stage, "name",
                                                                  self->name_row, "text",
                                                                  G_BINDING_BIDIRECTIONAL |
                                                                  G_BINDING_SYNC_CREATE,
                                                                  NULL,
                                                                  cycle_transform_text_to_name,
                                                                  NULL, NULL)));
      bind (self, "why", self->why_row, "text");
      bind (self, "question", self->question_row, "text");
      bind (self, "kpi", self->kpi_row, "text");
      bind (self, "owner", self->owner_row, "text");
      g_ptr_array_add (self->bindings,
                       g_object_ref (g_object_bind_property_full (stage, "lane",
                                                                  self->lane_row, "selected",
                                                                  G_BINDING_BIDIRECTIONAL |
                                                                  G_BINDING_SYNC_CREATE,
                                                                  TO_SELECTED, FROM_SELECTED,
                                                                  NULL, NULL)));
      g_ptr_array_add (self->bindings,
                       g_object_ref (g_object_bind_property_full (stage, "role",
                                                                  self->role_row,
                                                                  "selected",
                                                                  G_BINDING_BIDIRECTIONAL |
                                                                  G_BINDING_SYNC_CREATE,
                                                                  TO_SELECTED, FROM_SELECTED,
                                                                  NULL, NULL)));
      g_ptr_array_add (self->bindings,
                       g_object_ref (g_object_bind_property_full (stage, "permission",
                                                                  self->permission_row,
                                                                  "selected",
                                                                  G_BINDING_BIDIRECTIONAL |
                                                                  G_BINDING_SYNC_CREATE,
                                                                  TO_SELECTED, FROM_SELECTED,
                                                                  NULL, NULL)));
      self->syncing--;
      cycle_number_field_sync (self->rate);
      cycle_number_field_sync (self->days);
      sync_color (self);
      update_projection (self);
    }
  update_links (self);

  gtk_stack_set_visible_child_name (self->stack, stage != NULL ? "stage" : "empty");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

void
cycle_stage_editor_focus (CycleStageEditor *self)
{
  g_return_if_fail (CYCLE_IS_STAGE_EDITOR (self));

  if (self->stage != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

static void
add_leave_handler (GtkWidget *widget,
                   GCallback  callback,
                   gpointer   user_data)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", callback, user_data);
  gtk_widget_add_controller (widget, focus);
}

static void
cycle_stage_editor_dispose (GObject *object)
{
  CycleStageEditor *self = CYCLE_STAGE_EDITOR (object);

  if (self->bindings != NULL)
    unbind_all (self);
  if (self->stage_signals != NULL)
    g_signal_group_set_target (self->stage_signals, NULL);
  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  g_clear_object (&self->stage);
  if (self->links_list != NULL)
    gtk_list_box_bind_model (self->links_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->links);
  g_clear_pointer (&self->rate, cycle_number_field_free);
  g_clear_pointer (&self->days, cycle_number_field_free);

  /* AdwBin holds its child too: let go of it before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_STAGE_EDITOR);

  G_OBJECT_CLASS (cycle_stage_editor_parent_class)->dispose (object);
}

static void
cycle_stage_editor_finalize (GObject *object)
{
  CycleStageEditor *self = CYCLE_STAGE_EDITOR (object);

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_object (&self->stage_signals);
  g_clear_object (&self->plan_signals);

  G_OBJECT_CLASS (cycle_stage_editor_parent_class)->finalize (object);
}

static void
cycle_stage_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CycleStageEditor *self = CYCLE_STAGE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_stage_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CycleStageEditor *self = CYCLE_STAGE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      cycle_stage_editor_set_stage (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_stage_editor_class_init (CycleStageEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_stage_editor_dispose;
  object_class->finalize = cycle_stage_editor_finalize;
  object_class->get_property = cycle_stage_editor_get_property;
  object_class->set_property = cycle_stage_editor_set_property;

  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL, CYCLE_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_LINK_ACTIVATED] =
    g_signal_new ("link-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CYCLE_TYPE_LINK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-stage-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, lane_row);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, why_row);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, question_row);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, permission_row);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, role_row);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, kpi_row);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, rate_row);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, rate_spin);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, rate_clear);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, days_row);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, days_spin);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, days_clear);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, projection_row);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, links_list);
  gtk_widget_class_bind_template_callback (widget_class, on_links_row_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, color_button);
  gtk_widget_class_bind_template_child (widget_class, CycleStageEditor, color_reset);
  gtk_widget_class_bind_template_callback (widget_class, on_rate_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_days_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_color_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_color_reset_clicked_cb);
}

static void
cycle_stage_editor_init (CycleStageEditor *self)
{

  gtk_widget_init_template (GTK_WIDGET (self));
  cycle_accessible_name_rows (GTK_WIDGET (self));
  cycle_accessible_name_parts (GTK_WIDGET (self->color_button), _("Stage color"));

  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);

  cycle_enum_labels_set_on_row (self->lane_row, CYCLE_TYPE_LANE);
  cycle_enum_labels_set_on_row (self->permission_row, CYCLE_TYPE_PERMISSION);
  cycle_enum_labels_set_on_row (self->role_row, CYCLE_TYPE_ROLE);

  self->rate = cycle_number_field_new (self->rate_spin, self->rate_row,
                                       GTK_WIDGET (self->rate_clear), &rate_funcs, self);
  self->days = cycle_number_field_new (self->days_spin, self->days_row,
                                       GTK_WIDGET (self->days_clear), &days_funcs, self);

  add_leave_handler (GTK_WIDGET (self->rate_spin), G_CALLBACK (on_number_focus_leave_cb), self);
  add_leave_handler (GTK_WIDGET (self->days_spin), G_CALLBACK (on_number_focus_leave_cb), self);
  add_leave_handler (GTK_WIDGET (self->name_row), G_CALLBACK (on_name_focus_leave_cb), self);
  add_leave_handler (GTK_WIDGET (self->why_row), G_CALLBACK (on_field_focus_leave_cb), self);
  add_leave_handler (GTK_WIDGET (self->question_row), G_CALLBACK (on_field_focus_leave_cb), self);
  add_leave_handler (GTK_WIDGET (self->kpi_row), G_CALLBACK (on_field_focus_leave_cb), self);
  add_leave_handler (GTK_WIDGET (self->owner_row), G_CALLBACK (on_field_focus_leave_cb), self);
  add_leave_handler (GTK_WIDGET (self->lane_row), G_CALLBACK (on_field_focus_leave_cb), self);
  add_leave_handler (GTK_WIDGET (self->permission_row), G_CALLBACK (on_field_focus_leave_cb),
                     self);
  add_leave_handler (GTK_WIDGET (self->role_row), G_CALLBACK (on_field_focus_leave_cb), self);

  {
    /* Translators: the stage editor's list of links, when the stage has none */
    GtkWidget *none = gtk_label_new (_("No links yet: press Ctrl+L on the stage, or drag from "
                                       "its handle to another stage"));

    gtk_label_set_wrap (GTK_LABEL (none), TRUE);
    gtk_widget_add_css_class (none, "dim-label");
    gtk_widget_set_margin_top (none, 12);
    gtk_widget_set_margin_bottom (none, 12);
    gtk_widget_set_margin_start (none, 12);
    gtk_widget_set_margin_end (none, 12);
    gtk_list_box_set_placeholder (self->links_list, none);
  }
  self->links = gtk_filter_list_model_new (NULL,
                                          GTK_FILTER (gtk_custom_filter_new (link_touches_stage,
                                                                             self, NULL)));

  self->stage_signals = g_signal_group_new (CYCLE_TYPE_STAGE);
  g_signal_group_connect_swapped (self->stage_signals, "notify",
                                  G_CALLBACK (on_stage_notify_cb), self);
  /* The stage's rate changes its own volume's next stages, its lane whether it is projected. */
  g_signal_group_connect_swapped (self->stage_signals, "notify",
                                  G_CALLBACK (update_projection), self);
  self->plan_signals = g_signal_group_new (CYCLE_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify::projection-start",
                                  G_CALLBACK (update_projection), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::projection-cycles",
                                  G_CALLBACK (update_projection), self);
}

GtkWidget *
cycle_stage_editor_new (void)
{
  return g_object_new (CYCLE_TYPE_STAGE_EDITOR, NULL);
}
