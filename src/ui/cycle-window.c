/* cycle-window.c: a window showing one plan
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-accessible.h"
#include "cycle-application.h"
#include "cycle-error.h"
#include "cycle-templates.h"
#include "cycle-window-private.h"

/* GNOME's narrowest window (a phone's width), and the header bar's spacing between buttons */
#define NARROWEST_WIDTH 360
#define HEADER_SPACING 6

G_DEFINE_FINAL_TYPE (CycleWindow, cycle_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LAYOUT,
  PROP_EDITOR_VISIBLE,
  PROP_CHECKER,
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
  cycle_toaster_add (self->toaster, toast);
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
cycle_window_focus_plan (CycleWindow *self)
{
  g_return_if_fail (CYCLE_IS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "plan");
  /* Kept by the window until it is shown, when it would otherwise focus its first button */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->canvas));
}

void
_cycle_window_notify (CycleWindow *self,
                      const char  *title,
                      gboolean     offer_undo)
{
  g_autofree char *escaped = NULL;

  if (offer_undo)
    {
      cycle_toaster_offer_undo (self->toaster, title, "win.undo");
      return;
    }

  escaped = g_markup_escape_text (title, -1);
  cycle_toaster_add (self->toaster, adw_toast_new (escaped));
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

  if (visible)
    _cycle_window_get_editor (self);
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

/* A row of the stage editor's list of links: the link's editor, at the link on the canvas. */
static void
on_editor_link_activated_cb (CycleWindow      *self,
                             CycleLink        *link,
                             CycleStageEditor *editor)
{
  cycle_canvas_edit_link (self->canvas, link);
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

void
_cycle_window_editor_init (CycleWindow *self)
{
  GtkEventController *keys;

  /* The editor shows the stage the canvas has selected. */
  g_object_bind_property (self->canvas, "selected-stage", self->editor, "stage",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->editor, "link-activated",
                           G_CALLBACK (on_editor_link_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "map",
                           G_CALLBACK (on_editor_map_cb), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed",
                           G_CALLBACK (on_editor_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->editor), keys);
}

static void
on_canvas_selection_notify_cb (CycleWindow *self,
                               GParamSpec  *pspec,
                               CycleCanvas *canvas)
{
  _cycle_window_update_actions (self);
  /* The content page shows the content of the stage selected on the canvas. */
  if (self->content_view != NULL)
    cycle_content_view_set_stage (self->content_view, cycle_canvas_get_selected_stage (canvas));
}

static void
on_flap_reveal_notify_cb (CycleWindow *self,
                          GParamSpec  *pspec,
                          AdwFlap     *flap)
{
  if (adw_flap_get_reveal_flap (flap))
    _cycle_window_get_editor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITOR_VISIBLE]);
}

/* The plan's header bar buttons only make sense on the plan page. */
static void
on_view_stack_notify_cb (CycleWindow  *self,
                         GParamSpec   *pspec,
                         AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);
  gboolean plan = g_strcmp0 (name, "plan") == 0;

  _cycle_window_ensure_page (self, name);
  gtk_stack_set_visible_child_name (self->plan_tools_stack, plan ? "plan" : "other");
}

static void
set_checker (CycleWindow  *self,
             CycleChecker *checker)
{
  _cycle_window_follow_checker (self, checker);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cut-stages", has_stage);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-stages", has_stage);

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

/* A new plan as the preferences say: from the default template, in the layout last chosen. */
static CycleDocument *
new_plan_document (CycleWindow *self)
{
  g_autofree char *template_id = g_settings_get_string (self->settings, "default-template");
  g_autofree char *layout_nick = g_settings_get_string (self->settings, "last-layout");
  g_autoptr(CyclePlan) plan = NULL;
  int layout;

  if (g_strcmp0 (template_id, CYCLE_TEMPLATE_BLANK) != 0)
    plan = cycle_templates_create (template_id);
  if (plan == NULL)
    {
      g_autofree char *language = cycle_language_get_default ();

      plan = cycle_plan_new ();
      cycle_plan_set_language (plan, language);
    }

  if (cycle_enum_from_nick (CYCLE_TYPE_LAYOUT, layout_nick, &layout))
    cycle_plan_set_layout (plan, layout);

  /* Where it starts is not a change to undo or save. */
  cycle_plan_clear_undo (plan);
  cycle_plan_mark_saved (plan);

  return g_object_new (CYCLE_TYPE_DOCUMENT, "plan", plan, NULL);
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
    document = fresh = new_plan_document (self);
  self->fresh_document = fresh != NULL;

  if (self->document == document)
    return;

  /* The plan it replaces was unmodified, or is elsewhere now: its draft can go. */
  if (self->session != NULL)
    {
      if (self->document != NULL)
        cycle_session_remove_document (self->session, self->document);
      cycle_session_add_document (self->session, document, NULL);
    }

  if (!g_set_object (&self->document, document))
    return;

  plan = cycle_document_get_plan (document);
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->plan_signals, plan);
  g_signal_group_set_target (self->stages_signals, cycle_plan_get_stages (plan));
  g_binding_group_set_source (self->projection_bindings, plan);
  cycle_canvas_set_plan (self->canvas, plan);
  if (self->content_view != NULL)
    cycle_content_view_set_plan (self->content_view, plan);
  if (self->purpose_page != NULL)
    cycle_purpose_page_set_plan (self->purpose_page, plan);
  if (self->projection_view != NULL)
    cycle_projection_view_set_plan (self->projection_view, plan);
  {
    g_autoptr(CycleChecker) checker = cycle_checker_new (plan);

    set_checker (self, checker);
  }

  update_page (self);
  _cycle_window_update_title (self);
  _cycle_window_update_actions (self);
  _cycle_window_merge_follow_document (self);

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
         (self->fresh_document || g_list_model_get_n_items (cycle_plan_get_stages (plan)) == 0);
}


void
_cycle_window_add_recent (CycleWindow *self)
{
  GFile *file = cycle_document_get_file (self->document);
  g_autofree char *uri = NULL;

  if (file == NULL)
    return;

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* ------------------------------------------------------------------------------------------------
 * The window
 */

/* Its size as it was when last closed. */
static void
save_window_state (CycleWindow *self)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* The default size follows the window but for maximized and tiled states. */
  if (width > 0 && height > 0 && !gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static gboolean
cycle_window_close_request (GtkWindow *window)
{
  CycleWindow *self = CYCLE_WINDOW (window);

  if (!self->close_confirmed && cycle_plan_get_modified (_cycle_window_get_plan (self)))
    {
      _cycle_window_confirm_close (self);
      return TRUE;
    }

  save_window_state (self);

  if (GTK_WINDOW_CLASS (cycle_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (cycle_window_parent_class)->close_request (window);

  return FALSE;
}

/* Said once per failure (the session sees to that): the work is still in the window, but a
 * crash now would lose it. */
static void
on_autosave_failed_cb (CycleWindow   *self,
                       CycleDocument *document,
                       const GError  *error,
                       CycleSession  *session)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (document != self->document)
    return;

  name = cycle_document_dup_display_name (document);
  /* TRANSLATORS: the first %s is the plan's name, the second why ("Could not write “…”: …") */
  title = g_strdup_printf (_("No draft of “%s” could be saved to recover it after a crash "
                             "(%s). Save the plan to keep your changes."), name, error->message);
  /* A toast's title is markup; a name or a path may hold "&" or "<" */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _cycle_window_toast (self, toast);
}

/* g_object_new() sets "application" after constructed(): from then on the plans autosave. */
static void
on_application_notify_cb (CycleWindow *self,
                          GParamSpec  *pspec,
                          gpointer     data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->session != NULL || !CYCLE_IS_APPLICATION (app))
    return;

  self->session = g_object_ref (cycle_application_get_session (CYCLE_APPLICATION (app)));
  g_signal_connect_object (self->session, "autosave-failed", G_CALLBACK (on_autosave_failed_cb),
                           self, G_CONNECT_SWAPPED);
  if (self->document != NULL)
    cycle_session_add_document (self->session, self->document, NULL);
}

static void
cycle_window_constructed (GObject *object)
{
  CycleWindow *self = CYCLE_WINDOW (object);

  G_OBJECT_CLASS (cycle_window_parent_class)->constructed (object);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

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
  _cycle_window_cancel_open (self);
  _cycle_window_merge_dispose (self);

  /* The canvas lets go of the plan while the window can still take its notifications. */
  if (self->canvas != NULL)
    cycle_canvas_set_plan (self->canvas, NULL);
  if (self->content_view != NULL)
    cycle_content_view_set_plan (self->content_view, NULL);
  if (self->purpose_page != NULL)
    cycle_purpose_page_set_plan (self->purpose_page, NULL);
  if (self->projection_view != NULL)
    cycle_projection_view_set_plan (self->projection_view, NULL);
  set_checker (self, NULL);

  if (self->projection_bindings != NULL)
    g_binding_group_set_source (self->projection_bindings, NULL);
  /* Before the overlay goes: the toaster holds on to its toasts. */
  g_clear_object (&self->toaster);
  g_clear_handle_id (&self->undo_room_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_WINDOW);

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  if (self->stages_signals != NULL)
    g_signal_group_set_target (self->stages_signals, NULL);
  /* Closed on purpose (saved or discarded): its draft is not needed. */
  if (self->session != NULL && self->document != NULL)
    cycle_session_remove_document (self->session, self->document);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->stages_signals);
  g_clear_object (&self->projection_bindings);
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

    case PROP_CHECKER:
      g_value_set_object (value, self->checker);
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
      /* New plans start in the layout last chosen. */
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-layout",
                               cycle_enum_to_nick (CYCLE_TYPE_LAYOUT, g_value_get_enum (value)));
      break;

    case PROP_EDITOR_VISIBLE:
      _cycle_window_set_editor_visible (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* With more title buttons than GNOME's close button (minimize and maximize, as some desktops
 * have them), the header bar alone is wider than a phone. Undo and Redo (Ctrl+Z, Shift+Ctrl+Z)
 * then leave the header bar of a window at its narrowest, so that it can be narrower still, and
 * come back as soon as they fit. Not an AdwSqueezer: GTK 4.8's header bar gives its title all the
 * room it wants first, so a side that may shrink to nothing gets nothing at any width
 * (GtkCenterBox:shrink-center-last, GTK 4.12, is the fix upstream). */
static gboolean
update_undo_room_cb (gpointer user_data)
{
  CycleWindow *self = user_data;
  GtkWidget *header = GTK_WIDGET (self->header_bar);
  GtkWidget *buttons = gtk_widget_get_parent (GTK_WIDGET (self->undo_button));
  int width = gtk_widget_get_width (header);
  int needed;

  self->undo_room_id = 0;
  /* The header bar's narrowest with the buttons. Hidden, they measure nothing: the width they
   * had when shown, with the header bar's spacing before them, is added. */
  gtk_widget_measure (header, GTK_ORIENTATION_HORIZONTAL, -1, &needed, NULL, NULL, NULL);
  if (gtk_widget_get_visible (buttons))
    gtk_widget_measure (buttons, GTK_ORIENTATION_HORIZONTAL, -1, &self->undo_room, NULL, NULL,
                        NULL);
  else
    needed += self->undo_room + HEADER_SPACING;
  /* They go when the window is as narrow as they let it be, if that is wider than a phone; they
   * come back when there is room for them again. */
  if (width > 0)
    gtk_widget_set_visible (buttons, needed <= NARROWEST_WIDTH || width > needed + HEADER_SPACING);
  return G_SOURCE_REMOVE;
}

static void
queue_update_undo_room (CycleWindow *self)
{
  if (self->undo_room_id == 0)
    self->undo_room_id = g_idle_add (update_undo_room_cb, self);
}

static void
cycle_window_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  CycleWindow *self = CYCLE_WINDOW (widget);

  GTK_WIDGET_CLASS (cycle_window_parent_class)->size_allocate (widget, width, height, baseline);
  if (width != self->allocated_width)
    {
      self->allocated_width = width;
      queue_update_undo_room (self);
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

  widget_class->size_allocate = cycle_window_size_allocate;
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

  /* The plan's checks (a CycleChecker), made anew with each document. */
  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL,
                         CYCLE_TYPE_CHECKER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CYCLE_TYPE_CANVAS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, layout_box);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, plan_tools_stack);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, editor_button);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, plan_stack);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, content_bin);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, checks_page);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, checks_leaflet);
  gtk_widget_class_bind_template_callback (widget_class, _cycle_window_on_show_coverage_cb);
  gtk_widget_class_bind_template_callback (widget_class, _cycle_window_on_show_findings_cb);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, findings_bin);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, coverage_bin);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, purpose_bin);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, projection_bin);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, load_revealer);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, load_label);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, load_progress);

  _cycle_window_class_actions_init (klass);
  _cycle_window_class_export_init (klass);
  _cycle_window_class_template_init (klass);
  _cycle_window_class_open_init (klass);
  _cycle_window_class_merge_init (klass);
}

static void
cycle_window_init (CycleWindow *self)
{
  self->settings = g_settings_new (APP_ID);
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_notify_cb), NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->toaster = cycle_toaster_new (GTK_WIDGET (self->toast_overlay),
                                     (CycleToasterAddFunc) adw_toast_overlay_add_toast);

  _cycle_window_add_drop_target (self);

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
  /* An offer to undo is about the last step: once the history moves, it goes. */
  g_signal_group_connect_object (self->plan_signals, "notify::undo-label",
                                 G_CALLBACK (cycle_toaster_withdraw_offer), self->toaster,
                                 G_CONNECT_SWAPPED);
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

  g_signal_connect_object (self->canvas, "notify::selected-stage",
                           G_CALLBACK (on_canvas_selection_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::has-selection",
                           G_CALLBACK (on_canvas_selection_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "message",
                           G_CALLBACK (on_canvas_message_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "stage-activated",
                           G_CALLBACK (on_canvas_stage_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap",
                           G_CALLBACK (on_flap_reveal_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_view_stack_notify_cb), self, G_CONNECT_SWAPPED);

  /* The checks and the projection's settings. */
  _cycle_window_checks_init (self);
  /* Merges: the conflicts' banner, the folder of the file */
  _cycle_window_merge_init (self);
  cycle_accessible_name_switchers (GTK_WIDGET (self->switcher_title), _("Pages"));
  cycle_accessible_name_switchers (GTK_WIDGET (self->switcher_bar), _("Pages"));

  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)),
                           "notify::gtk-decoration-layout", G_CALLBACK (queue_update_undo_room),
                           self, G_CONNECT_SWAPPED);
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
