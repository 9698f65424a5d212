/* cycle-window.c: a window showing one plan
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-error.h"
#include "cycle-window-private.h"

G_DEFINE_FINAL_TYPE (CycleWindow, cycle_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LAYOUT,
  PROP_EDITOR_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

CyclePlan *
_cycle_window_get_plan (CycleWindow *self)
{
  return cycle_document_get_plan (self->document);
}

void
_cycle_window_toast (CycleWindow *self,
                     AdwToast    *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ------------------------------------------------------------------------------------------------
 * The plan page: the canvas and the stage editor beside it
 */

CycleStage *
_cycle_window_get_selected_stage (CycleWindow *self)
{
  return cycle_canvas_get_selected_stage (self->canvas);
}

void
_cycle_window_select_stage (CycleWindow *self,
                            CycleStage  *stage)
{
  GtkWidget *widget;

  cycle_canvas_select_stage (self->canvas, stage, CYCLE_SELECT_REPLACE);
  widget = cycle_canvas_get_stage_widget (self->canvas, stage);
  if (widget != NULL)
    gtk_widget_grab_focus (widget);
}

void
_cycle_window_start_rename (CycleWindow *self,
                            CycleStage  *stage)
{
  cycle_canvas_start_rename (self->canvas, stage);
}

static void
on_undo_toast_dismissed_cb (CycleWindow *self,
                            AdwToast    *toast)
{
  if (self->undo_toast == toast)
    self->undo_toast = NULL;
}

void
_cycle_window_notify (CycleWindow *self,
                      const char  *title,
                      gboolean     offer_undo)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);

      if (self->undo_toast != NULL)
        adw_toast_dismiss (self->undo_toast);
      self->undo_toast = toast;
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_undo_toast_dismissed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  _cycle_window_toast (self, toast);
}

static void
on_canvas_message_cb (CycleWindow *self,
                      const char  *message,
                      gboolean     offer_undo,
                      CycleCanvas *canvas)
{
  _cycle_window_notify (self, message, offer_undo);
}

void
_cycle_window_set_editor_visible (CycleWindow *self,
                                  gboolean     visible)
{
  if (self->flap == NULL || adw_flap_get_reveal_flap (self->flap) == !!visible)
    return;

  adw_flap_set_reveal_flap (self->flap, visible);
}

/* Enter or a double click on a stage: its fields, ready to type. */
static void
on_canvas_stage_activated_cb (CycleWindow *self,
                              CycleStage  *stage,
                              CycleCanvas *canvas)
{
  _cycle_window_set_editor_visible (self, TRUE);

  /* The flap slides in: its fields take the focus once they are on screen. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->editor)))
    cycle_stage_editor_focus (self->editor);
  else
    self->focus_editor_on_map = TRUE;
}

/* Escape in the editor goes back to the stage on the canvas (its menus close first). */
static gboolean
on_editor_key_pressed_cb (CycleWindow           *self,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          GtkEventControllerKey *controller)
{
  CycleStage *stage = cycle_canvas_get_selected_stage (self->canvas);
  GtkWidget *widget;

  if (keyval != GDK_KEY_Escape || stage == NULL)
    return FALSE;

  widget = cycle_canvas_get_stage_widget (self->canvas, stage);
  if (widget == NULL)
    return FALSE;

  gtk_widget_grab_focus (widget);
  return TRUE;
}

static void
on_editor_map_cb (CycleWindow      *self,
                  CycleStageEditor *editor)
{
  if (!self->focus_editor_on_map)
    return;

  self->focus_editor_on_map = FALSE;
  cycle_stage_editor_focus (editor);
}

static void
on_canvas_selection_notify_cb (CycleWindow *self,
                               GParamSpec  *pspec,
                               CycleCanvas *canvas)
{
  _cycle_window_update_actions (self);
}

static void
on_flap_reveal_notify_cb (CycleWindow *self,
                          GParamSpec  *pspec,
                          AdwFlap     *flap)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITOR_VISIBLE]);
}

/* The plan's header bar buttons only make sense on the plan page. */
static void
on_view_stack_notify_cb (CycleWindow  *self,
                         GParamSpec   *pspec,
                         AdwViewStack *stack)
{
  gboolean plan = g_strcmp0 (adw_view_stack_get_visible_child_name (stack), "plan") == 0;

  gtk_widget_set_visible (self->layout_box, plan);
  gtk_widget_set_visible (self->editor_button, plan);
}

/* ------------------------------------------------------------------------------------------------
 * Following the plan
 */

static char *
dup_folder_display_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return g_file_get_parse_name (file);
  if (g_file_equal (parent, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);

  return g_file_get_parse_name (parent);
}

void
_cycle_window_update_title (CycleWindow *self)
{
  GFile *file = cycle_document_get_file (self->document);
  g_autofree char *name = cycle_document_dup_display_name (self->document);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (cycle_plan_get_modified (_cycle_window_get_plan (self)))
    /* Translators: the title of a window whose plan has unsaved changes */
    title = g_strdup_printf (_("• %s"), name);
  else
    title = g_strdup (name);

  if (file != NULL)
    subtitle = dup_folder_display_name (file);
  else
    subtitle = g_strdup (_("Not saved"));

  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
_cycle_window_update_actions (CycleWindow *self)
{
  CyclePlan *plan = _cycle_window_get_plan (self);
  gboolean has_stage = _cycle_window_get_selected_stage (self) != NULL;
  gboolean has_selection = cycle_canvas_has_selection (self->canvas);
  const char *undo_label;
  const char *redo_label;
  g_autofree char *undo_tooltip = NULL;
  g_autofree char *redo_tooltip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", cycle_plan_can_undo (plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", cycle_plan_can_redo (plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-stage", has_selection);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-stage", has_stage);

  undo_label = cycle_plan_get_undo_label (plan);
  redo_label = cycle_plan_get_redo_label (plan);
  if (undo_label != NULL && *undo_label != '\0')
    /* Translators: a tooltip; %s is what undo would do, such as "Rename Stage" */
    undo_tooltip = g_strdup_printf (_("Undo %s"), undo_label);
  if (redo_label != NULL && *redo_label != '\0')
    /* Translators: a tooltip; %s is what redo would do, such as "Rename Stage" */
    redo_tooltip = g_strdup_printf (_("Redo %s"), redo_label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button),
                               undo_tooltip != NULL ? undo_tooltip : _("Undo"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button),
                               redo_tooltip != NULL ? redo_tooltip : _("Redo"));
}

static void
on_plan_notify_undo_cb (CycleWindow *self,
                        GParamSpec  *pspec,
                        CyclePlan   *plan)
{
  _cycle_window_update_actions (self);
}

/* Also follows the document's file. */
static void
on_plan_notify_title_cb (CycleWindow *self,
                         GParamSpec  *pspec,
                         GObject     *object)
{
  _cycle_window_update_title (self);
}

static void
on_plan_notify_layout_cb (CycleWindow *self,
                          GParamSpec  *pspec,
                          CyclePlan   *plan)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

static void
update_page (CycleWindow *self)
{
  GListModel *stages = cycle_plan_get_stages (_cycle_window_get_plan (self));
  gboolean empty = g_list_model_get_n_items (stages) == 0;

  gtk_stack_set_visible_child_name (self->plan_stack, empty ? "empty" : "canvas");
  /* Layouts need stages to arrange. */
  gtk_widget_set_sensitive (self->layout_box, !empty);
}

static void
on_stages_items_changed_cb (CycleWindow *self,
                            guint        position,
                            guint        removed,
                            guint        added,
                            GListModel  *stages)
{
  update_page (self);
  _cycle_window_update_actions (self);
}

/* ------------------------------------------------------------------------------------------------
 * The document
 */

CycleDocument *
cycle_window_get_document (CycleWindow *self)
{
  g_return_val_if_fail (CYCLE_IS_WINDOW (self), NULL);

  return self->document;
}

void
cycle_window_set_document (CycleWindow   *self,
                           CycleDocument *document)
{
  g_autoptr(CycleDocument) fresh = NULL;
  CyclePlan *plan;

  g_return_if_fail (CYCLE_IS_WINDOW (self));
  g_return_if_fail (document == NULL || CYCLE_IS_DOCUMENT (document));

  if (document == NULL)
    document = fresh = cycle_document_new ();

  if (!g_set_object (&self->document, document))
    return;

  plan = cycle_document_get_plan (document);
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->plan_signals, plan);
  g_signal_group_set_target (self->stages_signals, cycle_plan_get_stages (plan));
  cycle_canvas_set_plan (self->canvas, plan);

  update_page (self);
  _cycle_window_update_title (self);
  _cycle_window_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

gboolean
cycle_window_is_pristine (CycleWindow *self)
{
  CyclePlan *plan;

  g_return_val_if_fail (CYCLE_IS_WINDOW (self), FALSE);

  plan = _cycle_window_get_plan (self);

  return cycle_document_get_file (self->document) == NULL &&
         !cycle_plan_get_modified (plan) &&
         g_list_model_get_n_items (cycle_plan_get_stages (plan)) == 0;
}

static void
show_open_error (CycleWindow  *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *body = cycle_file_error_describe (error, basename);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open the Plan"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

CycleWindow *
cycle_window_open_file (CycleWindow *self,
                        GFile       *file)
{
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CycleWindow *window;

  g_return_val_if_fail (CYCLE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  document = cycle_document_new_from_file (file, NULL, &error);
  if (document == NULL)
    {
      show_open_error (self, file, error);
      return NULL;
    }

  if (cycle_window_is_pristine (self))
    {
      cycle_window_set_document (self, document);
      window = self;
    }
  else
    {
      window = cycle_window_new (gtk_window_get_application (GTK_WINDOW (self)), document);
    }

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* ------------------------------------------------------------------------------------------------
 * The window
 */

static gboolean
cycle_window_close_request (GtkWindow *window)
{
  CycleWindow *self = CYCLE_WINDOW (window);

  if (!self->close_confirmed && cycle_plan_get_modified (_cycle_window_get_plan (self)))
    {
      _cycle_window_confirm_close (self);
      return TRUE;
    }

  if (GTK_WINDOW_CLASS (cycle_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (cycle_window_parent_class)->close_request (window);

  return FALSE;
}

static void
cycle_window_constructed (GObject *object)
{
  CycleWindow *self = CYCLE_WINDOW (object);

  G_OBJECT_CLASS (cycle_window_parent_class)->constructed (object);

  if (self->document == NULL)
    cycle_window_set_document (self, NULL);
}

static void
cycle_window_dispose (GObject *object)
{
  CycleWindow *self = CYCLE_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  /* The canvas lets go of the plan while the window can still take its notifications. */
  if (self->canvas != NULL)
    cycle_canvas_set_plan (self->canvas, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_WINDOW);

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  if (self->stages_signals != NULL)
    g_signal_group_set_target (self->stages_signals, NULL);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->stages_signals);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (cycle_window_parent_class)->dispose (object);
}

static void
cycle_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CycleWindow *self = CYCLE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_LAYOUT:
      g_value_set_enum (value, self->document != NULL
                               ? cycle_plan_get_layout (_cycle_window_get_plan (self))
                               : CYCLE_LAYOUT_FREE);
      break;

    case PROP_EDITOR_VISIBLE:
      g_value_set_boolean (value, self->flap != NULL && adw_flap_get_reveal_flap (self->flap));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CycleWindow *self = CYCLE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      cycle_window_set_document (self, g_value_get_object (value));
      break;

    case PROP_LAYOUT:
      /* An edit of the plan like any other: undoable, and it marks the plan modified. */
      if (self->document != NULL)
        cycle_plan_set_layout (_cycle_window_get_plan (self), g_value_get_enum (value));
      break;

    case PROP_EDITOR_VISIBLE:
      _cycle_window_set_editor_visible (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_window_class_init (CycleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cycle_window_constructed;
  object_class->dispose = cycle_window_dispose;
  object_class->get_property = cycle_window_get_property;
  object_class->set_property = cycle_window_set_property;

  window_class->close_request = cycle_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         CYCLE_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* The plan's layout, for the layout buttons (win.layout). */
  properties[PROP_LAYOUT] =
    g_param_spec_enum ("layout", NULL, NULL,
                       CYCLE_TYPE_LAYOUT, CYCLE_LAYOUT_FREE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                        G_PARAM_STATIC_STRINGS));
  properties[PROP_EDITOR_VISIBLE] =
    g_param_spec_boolean ("editor-visible", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CYCLE_TYPE_CANVAS);
  g_type_ensure (CYCLE_TYPE_STAGE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, layout_box);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, editor_button);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, plan_stack);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, editor);

  _cycle_window_class_actions_init (klass);
}

static void
cycle_window_init (CycleWindow *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->document_signals = g_signal_group_new (CYCLE_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::file",
                                  G_CALLBACK (on_plan_notify_title_cb), self);

  self->plan_signals = g_signal_group_new (CYCLE_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify::can-undo",
                                  G_CALLBACK (on_plan_notify_undo_cb), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::can-redo",
                                  G_CALLBACK (on_plan_notify_undo_cb), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::undo-label",
                                  G_CALLBACK (on_plan_notify_undo_cb), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::redo-label",
                                  G_CALLBACK (on_plan_notify_undo_cb), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::modified",
                                  G_CALLBACK (on_plan_notify_title_cb), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::title",
                                  G_CALLBACK (on_plan_notify_title_cb), self);
  g_signal_group_connect_swapped (self->plan_signals, "notify::layout",
                                  G_CALLBACK (on_plan_notify_layout_cb), self);

  self->stages_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->stages_signals, "items-changed",
                                  G_CALLBACK (on_stages_items_changed_cb), self);

  /* The editor shows the stage the canvas has selected. */
  g_object_bind_property (self->canvas, "selected-stage", self->editor, "stage",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->canvas, "notify::selected-stage",
                           G_CALLBACK (on_canvas_selection_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::has-selection",
                           G_CALLBACK (on_canvas_selection_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "message",
                           G_CALLBACK (on_canvas_message_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "stage-activated",
                           G_CALLBACK (on_canvas_stage_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "map",
                           G_CALLBACK (on_editor_map_cb), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed",
                           G_CALLBACK (on_editor_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->editor), keys);
  g_signal_connect_object (self->flap, "notify::reveal-flap",
                           G_CALLBACK (on_flap_reveal_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_view_stack_notify_cb), self, G_CONNECT_SWAPPED);
}

CycleWindow *
cycle_window_new (GtkApplication *application,
                  CycleDocument  *document)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (document == NULL || CYCLE_IS_DOCUMENT (document), NULL);

  return g_object_new (CYCLE_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}
