/* cycle-content-editor.c
 *
 * Each field is bound to the content: typing is an undoable edit right away (the plan merges the
 * keys typed into one field into one step), and leaving a field seals that step so the next field
 * is a step of its own. Fields whose text may be wrong for a moment (an empty title, half a date)
 * write to the model only once they are right, and say what is wrong when the person moves on.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cycle-accessible.h"
#include "cycle-content-cells.h"
#include "cycle-content-editor-private.h"
#include "cycle-enum-labels.h"
#include "cycle-error.h"

G_DEFINE_FINAL_TYPE (CycleContentEditor, cycle_content_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_cycle_content_editor_emit_removed (CycleContentEditor *self,
                                    CycleContent       *content)
{
  g_signal_emit (self, signals[REMOVED], 0, content);
}

/* ------------------------------------------------------------------------------------------------
 * Helpers
 */

void
_cycle_content_editor_seal (CycleContentEditor *self)
{
  if (self->plan != NULL)
    cycle_plan_seal_undo (self->plan);
}

static guint
find_position (GListModel *model,
               gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) it = g_list_model_get_item (model, i);

      if (it == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
set_error (GtkWidget *widget,
           gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

/* ------------------------------------------------------------------------------------------------
 * Keeping the widgets on the model's values
 */

static void
sync_stage (CycleContentEditor *self)
{
  CycleStage *stage = cycle_content_get_stage (self->content);
  GListModel *stages = adw_combo_row_get_model (self->stage_row);
  guint position;

  adw_window_title_set_subtitle (self->window_title,
                                 stage != NULL ? cycle_stage_get_name (stage) : "");

  if (stages == NULL || stage == NULL)
    return;

  position = find_position (stages, stage);
  if (position != GTK_INVALID_LIST_POSITION &&
      position != adw_combo_row_get_selected (self->stage_row))
    {
      self->syncing = TRUE;
      adw_combo_row_set_selected (self->stage_row, position);
      self->syncing = FALSE;
    }
}

static void
sync_persona (CycleContentEditor *self)
{
  CyclePersona *persona = cycle_content_get_persona (self->content);
  GListModel *model = adw_combo_row_get_model (self->persona_row);
  guint position;

  if (model == NULL)
    return;

  position = find_position (model, persona != NULL ? persona : self->no_persona);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  if (position != adw_combo_row_get_selected (self->persona_row))
    {
      self->syncing = TRUE;
      adw_combo_row_set_selected (self->persona_row, position);
      self->syncing = FALSE;
    }
}

static void
sync_due (CycleContentEditor *self)
{
  cycle_date_row_set_date (self->due_row, cycle_content_get_due (self->content));
}

static void
sync_url (CycleContentEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.open-url",
                                 *cycle_content_get_url (self->content) != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->url_error_label), FALSE);
}

static gboolean
check_removed_cb (gpointer data)
{
  CycleContentEditor *self = data;

  self->check_removed_id = 0;
  if (self->content != NULL && cycle_content_get_stage (self->content) == NULL)
    gtk_window_destroy (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

/* What "Automatic" comes to, and consent only for what needs it (an address, a card). */
static void
sync_ask (CycleContentEditor *self)
{
  CycleCommitment commitment = cycle_content_get_commitment (self->content);
  const char *subtitle = NULL;

  if (cycle_content_get_direction_choice (self->content) == CYCLE_DIRECTION_AUTO)
    subtitle = cycle_commitment_get_direction (commitment) == CYCLE_DIRECTION_GIVES
               ? _("Gives, as its call to action does")
               : _("Asks, as its call to action does");
  adw_action_row_set_subtitle (self->direction_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->consent_row),
                          cycle_commitment_needs_consent (commitment));
}

static void
on_content_notify_cb (CycleContentEditor *self,
                      GParamSpec         *pspec,
                      CycleContent       *content)
{
  /* Any change, even one undone since, makes a new item something the user made. */
  self->fresh = FALSE;

  if (pspec->name == g_intern_static_string ("stage"))
    {
      /* Without a stage for a moment while it moves; for good once deleted (or its addition
       * undone): then there is nothing left to edit. Look again once the change is over. */
      if (cycle_content_get_stage (content) == NULL)
        {
          if (self->check_removed_id == 0)
            self->check_removed_id = g_idle_add (check_removed_cb, self);
          return;
        }
      sync_stage (self);
    }
  else if (pspec->name == g_intern_static_string ("persona"))
    sync_persona (self);
  else if (pspec->name == g_intern_static_string ("due"))
    sync_due (self);
  else if (pspec->name == g_intern_static_string ("url"))
    sync_url (self);
  else if (pspec->name == g_intern_static_string ("commitment") ||
           pspec->name == g_intern_static_string ("direction"))
    sync_ask (self);
}

/* A removed stage takes its content out of the plan without telling the content. */
static void
on_stages_items_changed_cb (CycleContentEditor *self,
                            guint               position,
                            guint               removed,
                            guint               added,
                            GListModel         *stages)
{
  /* The plan lets go of removed items only after the list told its views: look in the list. */
  if (self->content != NULL && removed > 0 &&
      find_position (stages, cycle_content_get_stage (self->content)) == GTK_INVALID_LIST_POSITION)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* ------------------------------------------------------------------------------------------------
 * Combo rows over lists that change
 */

static void
on_list_changing_cb (GListModel         *model,
                     guint               position,
                     guint               removed,
                     guint               added,
                     CycleContentEditor *self)
{
  self->lists_changing++;
}

static void
on_list_changed_cb (GListModel         *model,
                    guint               position,
                    guint               removed,
                    guint               added,
                    CycleContentEditor *self)
{
  self->lists_changing--;
  if (self->content != NULL && cycle_content_get_stage (self->content) != NULL)
    {
      sync_stage (self);
      sync_persona (self);
    }
}

/* Connected before the combo row's own handlers run and after they ran: a selection moved in
 * between is the list's doing, not the person's. */
static void
watch_list (CycleContentEditor *self,
            GListModel         *model)
{
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_list_changing_cb), self, 0);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (on_list_changed_cb), self,
                           G_CONNECT_AFTER);
}

static void
on_stage_row_selected_cb (CycleContentEditor *self,
                          GParamSpec         *pspec,
                          AdwComboRow        *row)
{
  CycleStage *stage;

  if (self->syncing || self->lists_changing > 0 || self->content == NULL)
    return;

  stage = adw_combo_row_get_selected_item (row);
  if (stage != NULL && stage != cycle_content_get_stage (self->content))
    {
      _cycle_content_editor_seal (self);
      cycle_plan_move_content (self->plan, self->content, stage, -1);
    }
}

static void
on_persona_row_selected_cb (CycleContentEditor *self,
                            GParamSpec         *pspec,
                            AdwComboRow        *row)
{
  CyclePersona *persona;

  if (self->syncing || self->lists_changing > 0 || self->content == NULL)
    return;

  persona = adw_combo_row_get_selected_item (row);
  if (persona == self->no_persona)
    persona = NULL;

  if (persona != cycle_content_get_persona (self->content))
    {
      _cycle_content_editor_seal (self);
      cycle_content_set_persona (self->content, persona);
    }
}

/* ------------------------------------------------------------------------------------------------
 * Binding transforms
 */

/* A content keeps its title while the field is empty; the row shows the problem. */
static gboolean
text_to_title (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  CycleContentEditor *self = user_data;
  gboolean named = cycle_transform_text_to_name (binding, from, to, NULL);

  set_error (GTK_WIDGET (self->title_row), !named);
  return named;
}

/* One binding a toggle: a toggle shows whether the content is its direction, and writes its
 * direction when it becomes active (the other one becoming inactive says nothing). */
static gboolean
direction_to_active (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == GPOINTER_TO_INT (user_data));
  return TRUE;
}

static gboolean
active_to_direction (GBinding     *binding,
                     const GValue *from,
                     GValue       *to,
                     gpointer      user_data)
{
  if (!g_value_get_boolean (from))
    return FALSE;

  g_value_set_enum (to, GPOINTER_TO_INT (user_data));
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------
 * Due date
 */

/* A date given in the row: typed (one undo step with the rest of the typing in the field) or
 * chosen (a step of its own). The plan keeps its date while the row says what was typed is not
 * one. */
static void
on_due_date_changed_cb (CycleContentEditor *self,
                        const char         *date,
                        gboolean            chosen,
                        CycleDateRow       *row)
{
  if (self->syncing || self->content == NULL)
    return;

  if (chosen)
    _cycle_content_editor_seal (self);
  cycle_content_set_due (self->content, date);
  if (chosen)
    _cycle_content_editor_seal (self);
}

static void
on_due_error_notify_cb (CycleContentEditor *self,
                        GParamSpec         *pspec,
                        CycleDateRow       *row)
{
  cycle_accessible_show_error (GTK_WIDGET (row), self->due_error_label,
                               cycle_date_row_get_error (row));
}

/* ------------------------------------------------------------------------------------------------
 * Setting up
 */

static GMenuModel *
suggestions_menu (const char         *context,
                  const char * const *words,
                  const char         *action)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item =
        g_menu_item_new (g_dpgettext2 (GETTEXT_PACKAGE, context, words[i]), NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (words[i]));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

/* The pitch row lists CyclePitch in order: guess, yes, no (cycle_enum_transform_to_selected ()
 * shows it). */
static gboolean
selected_to_pitch (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      user_data)
{
  guint selected = g_value_get_uint (from);

  if (selected > CYCLE_PITCH_NO)
    return FALSE;
  g_value_set_enum (to, selected);
  return TRUE;
}

static void
on_field_leave_cb (GtkEventControllerFocus *controller,
                   CycleContentEditor      *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  _cycle_content_editor_seal (self);

  if (widget == GTK_WIDGET (self->title_row) && self->content != NULL &&
           gtk_widget_has_css_class (widget, "error"))
    {
      /* The content kept its title while the field was empty: show it again. */
      self->syncing = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             cycle_content_get_title (self->content));
      self->syncing = FALSE;
      set_error (widget, FALSE);
    }
}

static void
seal_on_leave (CycleContentEditor *self,
               GtkWidget          *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_field_leave_cb), self, 0);
  gtk_widget_add_controller (widget, focus);
}

/* An editor edits content of one plan: the lists under its combo rows are that plan's. */
static void
set_plan (CycleContentEditor *self,
          CyclePlan          *plan)
{
  g_autoptr(GListStore) none = NULL;

  g_return_if_fail (self->plan == NULL);

  self->plan = g_object_ref (plan);
  g_signal_group_set_target (self->stages_signals, cycle_plan_get_stages (plan));

  watch_list (self, cycle_plan_get_stages (plan));
  adw_combo_row_set_model (self->stage_row, cycle_plan_get_stages (plan));

  none = g_list_store_new (CYCLE_TYPE_PERSONA);
  g_list_store_append (none, self->no_persona);
  g_list_store_append (self->persona_sources, none);
  g_list_store_append (self->persona_sources, cycle_plan_get_personas (plan));
}

CycleContent *
cycle_content_editor_get_content (CycleContentEditor *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_EDITOR (self), NULL);
  return self->content;
}

void
cycle_content_editor_set_content (CycleContentEditor *self,
                                  CycleContent       *content)
{
  CyclePlan *plan;

  g_return_if_fail (CYCLE_IS_CONTENT_EDITOR (self));
  g_return_if_fail (CYCLE_IS_CONTENT (content));

  plan = cycle_item_get_plan (CYCLE_ITEM (content));
  g_return_if_fail (plan != NULL);

  g_return_if_fail (self->plan == NULL || self->plan == plan);

  if (self->content == content)
    return;

  _cycle_content_editor_seal (self);
  self->fresh = FALSE;
  g_set_object (&self->content, content);
  if (self->plan == NULL)
    {
      /* The rows select their first item as they get their lists: not a choice. */
      self->syncing = TRUE;
      set_plan (self, plan);
      self->syncing = FALSE;
    }

  set_error (GTK_WIDGET (self->title_row), FALSE);

  self->syncing = TRUE;
  g_binding_group_set_source (self->bindings, content);
  g_signal_group_set_target (self->content_signals, content);
  cycle_content_repeat_row_set_content (self->repeat_row, content);
  self->syncing = FALSE;

  sync_stage (self);
  sync_persona (self);
  sync_due (self);
  sync_url (self);
  sync_ask (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

void
cycle_content_editor_set_new (CycleContentEditor *self)
{
  g_return_if_fail (CYCLE_IS_CONTENT_EDITOR (self));
  self->fresh = self->content != NULL;
}

void
cycle_content_editor_focus_title (CycleContentEditor *self)
{
  g_return_if_fail (CYCLE_IS_CONTENT_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  gtk_editable_select_region (GTK_EDITABLE (self->title_row), 0, -1);
}

static void
cycle_content_editor_dispose (GObject *object)
{
  CycleContentEditor *self = CYCLE_CONTENT_EDITOR (object);

  _cycle_content_editor_seal (self);
  g_clear_handle_id (&self->check_removed_id, g_source_remove);

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->content_signals != NULL)
    g_signal_group_set_target (self->content_signals, NULL);
  if (self->stages_signals != NULL)
    g_signal_group_set_target (self->stages_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_CONTENT_EDITOR);

  g_clear_object (&self->bindings);
  g_clear_object (&self->content_signals);
  g_clear_object (&self->stages_signals);
  g_clear_object (&self->persona_sources);
  g_clear_object (&self->no_persona);
  g_clear_object (&self->content);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cycle_content_editor_parent_class)->dispose (object);
}

static void
cycle_content_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CycleContentEditor *self = CYCLE_CONTENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_content_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CycleContentEditor *self = CYCLE_CONTENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      if (g_value_get_object (value) != NULL)
        cycle_content_editor_set_content (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_content_editor_class_init (CycleContentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_content_editor_dispose;
  object_class->get_property = cycle_content_editor_get_property;
  object_class->set_property = cycle_content_editor_set_property;

  /* Not "content": AdwWindow has a property of that name (its child). */
  properties[PROP_CONTENT] =
    g_param_spec_object ("item", NULL, NULL, CYCLE_TYPE_CONTENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After the editor deleted its content (which is then out of the plan, undo brings it back). */
  signals[REMOVED] =
    g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CYCLE_TYPE_CONTENT);

  g_type_ensure (CYCLE_TYPE_CONTENT_REPEAT_ROW);
  g_type_ensure (CYCLE_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-content-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, stage_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, persona_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, format_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, format_button);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, channel_button);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, cta_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, commitment_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, direction_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, auto_button);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, gives_button);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, asks_button);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, pitch_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, consent_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, due_error_label);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, url_row);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, url_error_label);
  gtk_widget_class_bind_template_child (widget_class, CycleContentEditor, notes_view);

  _cycle_content_editor_class_actions_init (widget_class);
}

static void
cycle_content_editor_init (CycleContentEditor *self)
{
  g_autoptr(GtkExpression) name = NULL;
  g_autoptr(GListModel) pitches = NULL;
  g_autoptr(GMenuModel) formats = NULL;
  g_autoptr(GMenuModel) channels = NULL;
  g_autoptr(GtkFlattenListModel) personas = NULL;
  GtkTextBuffer *notes;

  gtk_widget_init_template (GTK_WIDGET (self));
  cycle_accessible_name_rows (GTK_WIDGET (self));

  self->no_persona = cycle_persona_new (C_("persona", "None"));
  self->persona_sources = g_list_store_new (G_TYPE_LIST_MODEL);
  personas = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->persona_sources)));
  watch_list (self, G_LIST_MODEL (personas));
  adw_combo_row_set_model (self->persona_row, G_LIST_MODEL (personas));

  name = gtk_property_expression_new (CYCLE_TYPE_STAGE, NULL, "name");
  adw_combo_row_set_expression (self->stage_row, name);
  g_clear_pointer (&name, gtk_expression_unref);
  name = gtk_property_expression_new (CYCLE_TYPE_PERSONA, NULL, "name");
  adw_combo_row_set_expression (self->persona_row, name);

  cycle_enum_labels_set_on_row (self->commitment_row, CYCLE_TYPE_COMMITMENT);
  cycle_enum_labels_set_on_row (self->status_row, CYCLE_TYPE_STATUS);
  cycle_enum_labels_set_on_row (self->consent_row, CYCLE_TYPE_CONSENT);
  pitches = G_LIST_MODEL (gtk_string_list_new ((const char * const[]) {
    /* Translators: the content editor's "Pitch" row: Cycle judges the words itself */
    C_("pitch", "Cycle’s Guess"),
    C_("pitch", "A Pitch"),
    C_("pitch", "Not a Pitch"),
    NULL }));
  adw_combo_row_set_model (self->pitch_row, pitches);

  formats = suggestions_menu ("content format", cycle_content_suggested_formats (),
                              "editor.set-format");
  gtk_menu_button_set_menu_model (self->format_button, formats);
  channels = suggestions_menu ("content channel", cycle_content_suggested_channels (),
                               "editor.set-channel");
  gtk_menu_button_set_menu_model (self->channel_button, channels);

  g_signal_connect_object (self->stage_row, "notify::selected",
                           G_CALLBACK (on_stage_row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->persona_row, "notify::selected",
                           G_CALLBACK (on_persona_row_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->due_row, "date-changed",
                           G_CALLBACK (on_due_date_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->due_row, "notify::error",
                           G_CALLBACK (on_due_error_notify_cb), self, G_CONNECT_SWAPPED);

  self->bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->bindings, "title", self->title_row, "text",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             NULL, text_to_title, self, NULL);
  g_binding_group_bind_full (self->bindings, "format", self->format_row, "text",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             cycle_transform_word_to_label, cycle_transform_label_to_word,
                             NULL, NULL);
  g_binding_group_bind_full (self->bindings, "channel", self->channel_row, "text",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             cycle_transform_word_to_label, cycle_transform_label_to_word,
                             NULL, NULL);
  g_binding_group_bind (self->bindings, "cta", self->cta_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "commitment", self->commitment_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             cycle_enum_transform_to_selected, cycle_enum_transform_from_selected,
                             GSIZE_TO_POINTER (CYCLE_TYPE_COMMITMENT), NULL);
  g_binding_group_bind_full (self->bindings, "direction", self->auto_button, "active",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             direction_to_active, active_to_direction,
                             GINT_TO_POINTER (CYCLE_DIRECTION_AUTO), NULL);
  g_binding_group_bind_full (self->bindings, "consent", self->consent_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             cycle_enum_transform_to_selected, cycle_enum_transform_from_selected,
                             GSIZE_TO_POINTER (CYCLE_TYPE_CONSENT), NULL);
  g_binding_group_bind_full (self->bindings, "direction", self->gives_button, "active",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             direction_to_active, active_to_direction,
                             GINT_TO_POINTER (CYCLE_DIRECTION_GIVES), NULL);
  g_binding_group_bind_full (self->bindings, "direction", self->asks_button, "active",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             direction_to_active, active_to_direction,
                             GINT_TO_POINTER (CYCLE_DIRECTION_ASKS), NULL);
  g_binding_group_bind_full (self->bindings, "status", self->status_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             cycle_enum_transform_to_selected, cycle_enum_transform_from_selected,
                             GSIZE_TO_POINTER (CYCLE_TYPE_STATUS), NULL);
  g_binding_group_bind_full (self->bindings, "pitch", self->pitch_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             cycle_enum_transform_to_selected, selected_to_pitch, NULL, NULL);
  g_binding_group_bind (self->bindings, "owner", self->owner_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "url", self->url_row, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  notes = gtk_text_view_get_buffer (self->notes_view);
  /* Ctrl+Z is the plan's undo, here as everywhere. */
  gtk_text_buffer_set_enable_undo (notes, FALSE);
  g_binding_group_bind (self->bindings, "notes", notes, "text",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  self->content_signals = g_signal_group_new (CYCLE_TYPE_CONTENT);
  g_signal_group_connect_swapped (self->content_signals, "notify",
                                  G_CALLBACK (on_content_notify_cb), self);
  self->stages_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->stages_signals, "items-changed",
                                  G_CALLBACK (on_stages_items_changed_cb), self);

  seal_on_leave (self, GTK_WIDGET (self->title_row));
  seal_on_leave (self, GTK_WIDGET (self->format_row));
  seal_on_leave (self, GTK_WIDGET (self->channel_row));
  seal_on_leave (self, GTK_WIDGET (self->cta_row));
  seal_on_leave (self, GTK_WIDGET (self->owner_row));
  seal_on_leave (self, GTK_WIDGET (self->due_row));
  seal_on_leave (self, GTK_WIDGET (self->url_row));
  seal_on_leave (self, GTK_WIDGET (self->notes_view));
}

CycleContentEditor *
cycle_content_editor_new (GtkWindow    *parent,
                          CycleContent *content)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CYCLE_IS_CONTENT (content), NULL);

  return g_object_new (CYCLE_TYPE_CONTENT_EDITOR,
                       "transient-for", parent,
                       "item", content,
                       NULL);
}
