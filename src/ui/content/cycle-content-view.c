/* cycle-content-view.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cycle-content-clipboard.h"
#include "cycle-content-editor.h"
#include "cycle-content-view.h"
#include "cycle-import-dialog.h"
#include "cycle-toaster.h"
#include "cycle-persona-manager.h"

struct _CycleContentView
{
  GtkWidget          parent_instance;

  CyclePlan         *plan;
  CycleStage        *stage;
  GSignalGroup      *stages_signals;
  GSignalGroup      *plan_signals;
  guint              refresh_id;
  GtkWidget         *editor;     /* weak */
  GtkWidget         *personas;   /* weak */
  CycleToaster      *toaster;
  gboolean           syncing_table;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  GtkStack          *outer_stack;
  AdwViewStack      *view_stack;
  CycleBoard        *board;
  CycleContentTable *table;
  CycleContentCalendar *calendar;
};

G_DEFINE_FINAL_TYPE (CycleContentView, cycle_content_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_STAGE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void sync_page (CycleContentView *self);

static GtkWindow *
parent_window (CycleContentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The view's styles, once a display: AdwApplication only loads the application's style.css. */
static void
load_css (GdkDisplay *display)
{
  GtkCssProvider *provider;


  if (g_object_get_data (G_OBJECT (display), "cycle-content-css") != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/example/Cycle/ui/cycle-content-view.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "cycle-content-css", provider, g_object_unref);
}

static void
update_state (CycleContentView *self)
{
  guint n_stages = self->plan != NULL
                   ? g_list_model_get_n_items (cycle_plan_get_stages (self->plan)) : 0;

  gtk_stack_set_visible_child_name (self->outer_stack, n_stages > 0 ? "content" : "no-stages");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.add", n_stages > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "content.personas", self->plan != NULL);
}

static void
on_stages_items_changed_cb (CycleContentView *self,
                            guint             position,
                            guint             removed,
                            guint             added,
                            GListModel       *stages)
{
  /* The selected stage was removed: nothing to show of it any more. (The plan lets go of a
   * removed item only after the list told its views, so look in the list.) */
  if (self->stage != NULL && removed > 0)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (stages) && !found; i++)
        {
          g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);

          found = stage == self->stage;
        }
      if (!found)
        cycle_content_view_set_stage (self, NULL);
    }

  update_state (self);
}

/* ------------------------------------------------------------------------------------------------
 * Toasts
 */

static void
on_removed_cb (CycleContentView *self,
               CycleContent     *content)
{
  /* Translators: a notification; %s is the title of a piece of content */
  cycle_toaster_offer_undo_printf (self->toaster, "content.undo", _("“%s” deleted"),
                                   cycle_content_get_title (content));
}

static void
on_removed_many_cb (CycleContentView *self,
                    guint             n)
{
  cycle_toaster_offer_undo_printf (self->toaster, "content.undo",
                                   /* Translators: a notification after deleting the selected
                                    * content */
                                   g_dngettext (GETTEXT_PACKAGE, "%u piece of content deleted",
                                                "%u pieces of content deleted", n), n);
}

/* ------------------------------------------------------------------------------------------------
 * Editing
 */

/* The table's filters and order go by what the rows were when they were last looked at: after
 * an edit, an undo or a redo, the rows are looked at again (once, however many there were). Not
 * while the editor is open: a row would leave the table under the user's eyes as they type. */
static gboolean
refresh_table_cb (gpointer user_data)
{
  CycleContentView *self = user_data;

  self->refresh_id = 0;
  if (self->editor == NULL &&
      g_strcmp0 (cycle_content_view_get_page (self), "table") == 0 &&
      cycle_content_table_get_plan (self->table) == self->plan && self->plan != NULL)
    cycle_content_table_refresh (self->table);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh_table (CycleContentView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_table_cb, self);
}

static void
on_editor_destroy_cb (CycleContentView *self)
{
  /* Gone for the table's sake, even if something still holds the window. */
  g_clear_weak_pointer (&self->editor);
  queue_refresh_table (self);
}

void
cycle_content_view_edit_content (CycleContentView *self,
                                 CycleContent     *content)
{
  g_return_if_fail (CYCLE_IS_CONTENT_VIEW (self));
  g_return_if_fail (CYCLE_IS_CONTENT (content));
  g_return_if_fail (cycle_item_get_plan (CYCLE_ITEM (content)) == self->plan);

  if (self->editor != NULL)
    {
      cycle_content_editor_set_content (CYCLE_CONTENT_EDITOR (self->editor), content);
    }
  else
    {
      CycleContentEditor *editor = cycle_content_editor_new (parent_window (self), content);

      g_signal_connect_object (editor, "removed", G_CALLBACK (on_removed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (editor, "destroy", G_CALLBACK (on_editor_destroy_cb), self,
                               G_CONNECT_SWAPPED);
      g_set_weak_pointer (&self->editor, GTK_WIDGET (editor));
    }

  /* The title first, never Delete (the first button of the header bar): Enter must not
   * delete what a double-click opened. Focused once the window is shown: GTK 4.8 tells screen
   * readers a window is a "filler", never active, when one of its widgets is focused before
   * it is mapped. */
  gtk_window_present (GTK_WINDOW (self->editor));
  cycle_content_editor_focus_title (CYCLE_CONTENT_EDITOR (self->editor));
}

void
cycle_content_view_edit_new_content (CycleContentView *self,
                                     CycleContent     *content)
{
  g_return_if_fail (CYCLE_IS_CONTENT_VIEW (self));

  cycle_content_view_edit_content (self, content);
  if (self->editor != NULL)
    cycle_content_editor_set_new (CYCLE_CONTENT_EDITOR (self->editor));
}

static void
on_edit_content_cb (CycleContentView *self,
                    CycleContent     *content)
{
  cycle_content_view_edit_content (self, content);
}

static CycleContent *
add_content_to (CycleContentView *self,
                CycleStage       *stage)
{
  g_autoptr(CycleContent) content = cycle_content_new (_("New Content"));

  cycle_plan_seal_undo (self->plan);
  cycle_plan_add_content (self->plan, stage, content, -1);

  cycle_content_view_edit_new_content (self, content);

  /* The plan holds it now. */
  return content;
}

static void
on_board_add_content_cb (CycleContentView *self,
                         CycleStage       *stage)
{
  add_content_to (self, stage);
}

CycleContent *
cycle_content_view_add_content (CycleContentView *self)
{
  g_autoptr(CycleStage) first = NULL;
  CycleStage *stage;

  g_return_val_if_fail (CYCLE_IS_CONTENT_VIEW (self), NULL);

  if (self->plan == NULL)
    return NULL;

  stage = self->stage;
  if (stage == NULL)
    stage = first = g_list_model_get_item (cycle_plan_get_stages (self->plan), 0);
  if (stage == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return NULL;
    }

  return add_content_to (self, stage);
}

void
cycle_content_view_search (CycleContentView *self)
{
  g_return_if_fail (CYCLE_IS_CONTENT_VIEW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "table");
  cycle_content_table_focus_search (self->table);
}

void
cycle_content_view_show_personas (CycleContentView *self)
{
  g_return_if_fail (CYCLE_IS_CONTENT_VIEW (self));

  if (self->plan == NULL)
    return;

  if (self->personas == NULL)
    g_set_weak_pointer (&self->personas,
                        GTK_WIDGET (cycle_persona_manager_new (parent_window (self),
                                                               self->plan)));

  gtk_window_present (GTK_WINDOW (self->personas));
}

static void
on_imported_cb (CycleContentView *self,
                guint             n_added)
{
  cycle_toaster_offer_undo_printf (self->toaster, "content.undo",
                                   /* Translators: a notification after an import */
                                   g_dngettext (GETTEXT_PACKAGE, "%u piece of content imported",
                                                "%u pieces of content imported", n_added),
                                   n_added);
}

void
cycle_content_view_rename_selected (CycleContentView *self)
{
  g_return_if_fail (CYCLE_IS_CONTENT_VIEW (self));

  if (g_strcmp0 (cycle_content_view_get_page (self), "table") == 0 &&
      gtk_widget_activate_action (GTK_WIDGET (self->table), "table.rename", NULL))
    return;
  /* On the board, the focused card's column takes F2 before the window does. */
  gtk_widget_error_bell (GTK_WIDGET (self));
}

GtkWindow *
cycle_content_view_import (CycleContentView *self,
                           const char       *data,
                           gsize             length,
                           CycleStage       *default_stage,
                           const char       *source_name)
{
  CycleImportDialog *dialog;

  g_return_val_if_fail (CYCLE_IS_CONTENT_VIEW (self), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (self->plan == NULL)
    return NULL;

  dialog = cycle_import_dialog_new (parent_window (self), self->plan, data, length,
                                    default_stage, source_name);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
on_show_on_board_cb (CycleContentView *self,
                     CycleContent     *content)
{
  CycleStage *stage = cycle_content_get_stage (content);

  cycle_content_view_set_page (self, "board");
  if (stage != NULL)
    cycle_board_show_stage (self->board, stage);
}

/* ------------------------------------------------------------------------------------------------
 * Actions
 */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  cycle_content_view_add_content (CYCLE_CONTENT_VIEW (widget));
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  cycle_content_clipboard_paste (CYCLE_CONTENT_VIEW (widget));
}

static void
personas_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  cycle_content_view_show_personas (CYCLE_CONTENT_VIEW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CycleContentView *self = CYCLE_CONTENT_VIEW (widget);

  cycle_toaster_withdraw_offer (self->toaster);
  if (self->plan != NULL)
    cycle_plan_undo (self->plan);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cycle_content_view_set_page (CYCLE_CONTENT_VIEW (widget),
                               g_variant_get_string (parameter, NULL));
}

/* ------------------------------------------------------------------------------------------------
 * Properties
 */

CyclePlan *
cycle_content_view_get_plan (CycleContentView *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_VIEW (self), NULL);
  return self->plan;
}

void
cycle_content_view_set_plan (CycleContentView *self,
                             CyclePlan        *plan)
{
  g_return_if_fail (CYCLE_IS_CONTENT_VIEW (self));
  g_return_if_fail (plan == NULL || CYCLE_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  /* Dialogs of the previous plan have nothing left to edit. */
  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  if (self->personas != NULL)
    gtk_window_destroy (GTK_WINDOW (self->personas));
  if (self->toaster != NULL)
    cycle_toaster_withdraw_offer (self->toaster);

  cycle_content_view_set_stage (self, NULL);
  g_set_object (&self->plan, plan);
  g_signal_group_set_target (self->stages_signals,
                             plan != NULL ? cycle_plan_get_stages (plan) : NULL);
  g_signal_group_set_target (self->plan_signals, plan);
  /* Only the page on screen gets the plan now; the other one when it is shown. */
  self->syncing_table = TRUE;
  cycle_board_set_plan (self->board, NULL);
  cycle_content_table_set_plan (self->table, NULL);
  cycle_content_calendar_set_plan (self->calendar, NULL);
  self->syncing_table = FALSE;
  sync_page (self);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

CycleStage *
cycle_content_view_get_stage (CycleContentView *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_VIEW (self), NULL);
  return self->stage;
}

void
cycle_content_view_set_stage (CycleContentView *self,
                              CycleStage       *stage)
{
  g_return_if_fail (CYCLE_IS_CONTENT_VIEW (self));
  g_return_if_fail (stage == NULL || CYCLE_IS_STAGE (stage));

  if (!g_set_object (&self->stage, stage))
    return;

  cycle_board_set_stage (self->board, stage);
  cycle_content_query_set_stage (cycle_content_table_get_query (self->table), stage);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

void
cycle_content_view_show_stage (CycleContentView *self,
                               CycleStage       *stage)
{
  g_return_if_fail (CYCLE_IS_CONTENT_VIEW (self));
  g_return_if_fail (stage == NULL || CYCLE_IS_STAGE (stage));

  cycle_content_view_set_stage (self, stage);
  if (stage != NULL)
    cycle_board_show_stage (self->board, stage);
}

void
cycle_content_view_show_cell (CycleContentView *self,
                              CycleStage       *stage,
                              gboolean          by_persona,
                              CyclePersona     *persona,
                              const char       *channel)
{
  CycleContentQuery *query;

  g_return_if_fail (CYCLE_IS_CONTENT_VIEW (self));
  g_return_if_fail (CYCLE_IS_STAGE (stage));

  cycle_content_view_set_page (self, "table");
  query = cycle_content_table_get_query (self->table);
  cycle_content_query_reset (query);
  cycle_content_view_set_stage (self, stage);
  cycle_content_query_set_stage (query, stage);
  if (by_persona)
    cycle_content_query_set_persona (query, FALSE, persona);
  else
    cycle_content_query_set_channel (query, channel);
}

/* Gives the page on screen the plan. A page builds its widgets (hundreds of cards or cells)
 * as soon as it has a plan, shown or not: the hidden one waits. */
static void
sync_page (CycleContentView *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "table") == 0)
    {
      if (cycle_content_table_get_plan (self->table) != self->plan)
        {
          /* A new plan resets the table's filters: the selected stage is still one. */
          self->syncing_table = TRUE;
          cycle_content_table_set_plan (self->table, self->plan);
          cycle_content_query_set_stage (cycle_content_table_get_query (self->table),
                                         self->stage);
          self->syncing_table = FALSE;
        }
    }
  else if (g_strcmp0 (page, "calendar") == 0)
    cycle_content_calendar_set_plan (self->calendar, self->plan);
  else if (cycle_board_get_plan (self->board) != self->plan)
    {
      cycle_board_set_plan (self->board, self->plan);
      cycle_board_set_stage (self->board, self->stage);
    }
}

/* The table's stage filter is the view's selected stage, both ways. */
static void
on_query_stage_cb (CycleContentView  *self,
                   GParamSpec        *pspec,
                   CycleContentQuery *query)
{
  if (self->syncing_table)
    return;

  cycle_content_view_set_stage (self, cycle_content_query_get_stage (query));
}

const char *
cycle_content_view_get_page (CycleContentView *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_VIEW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
cycle_content_view_set_page (CycleContentView *self,
                             const char       *page)
{
  g_return_if_fail (CYCLE_IS_CONTENT_VIEW (self));
  g_return_if_fail (g_strcmp0 (page, "board") == 0 || g_strcmp0 (page, "table") == 0 ||
                    g_strcmp0 (page, "calendar") == 0);

  adw_view_stack_set_visible_child_name (self->view_stack, page);
}

static void
on_page_changed_cb (CycleContentView *self)
{
  /* Moves and edits on the board do not reach the table's filters and order by themselves. */
  if (g_strcmp0 (cycle_content_view_get_page (self), "table") == 0 &&
      cycle_content_table_get_plan (self->table) == self->plan)
    cycle_content_table_refresh (self->table);
  sync_page (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

CycleBoard *
cycle_content_view_get_board (CycleContentView *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_VIEW (self), NULL);
  return self->board;
}

CycleContentCalendar *
cycle_content_view_get_calendar (CycleContentView *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_VIEW (self), NULL);
  return self->calendar;
}

CycleContentTable *
cycle_content_view_get_table (CycleContentView *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_VIEW (self), NULL);
  return self->table;
}

GtkWindow *
cycle_content_view_get_editor (CycleContentView *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_VIEW (self), NULL);
  return self->editor != NULL ? GTK_WINDOW (self->editor) : NULL;
}

GtkWindow *
cycle_content_view_get_personas (CycleContentView *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_VIEW (self), NULL);
  return self->personas != NULL ? GTK_WINDOW (self->personas) : NULL;
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

static void
cycle_content_view_realize (GtkWidget *widget)
{
  load_css (gtk_widget_get_display (widget));
  GTK_WIDGET_CLASS (cycle_content_view_parent_class)->realize (widget);
}

static void
cycle_content_view_dispose (GObject *object)
{
  CycleContentView *self = CYCLE_CONTENT_VIEW (object);

  if (self->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->editor));
  if (self->personas != NULL)
    gtk_window_destroy (GTK_WINDOW (self->personas));
  g_clear_weak_pointer (&self->editor);
  g_clear_weak_pointer (&self->personas);
  g_clear_object (&self->toaster);

  if (self->stages_signals != NULL)
    g_signal_group_set_target (self->stages_signals, NULL);
  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_func (self->view_stack, on_page_changed_cb, self);
  if (self->table != NULL)
    g_signal_handlers_disconnect_by_func (cycle_content_table_get_query (self->table),
                                          on_query_stage_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_CONTENT_VIEW);
  /* Template children without an id are not the template's to clear. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  g_clear_object (&self->stages_signals);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->stage);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cycle_content_view_parent_class)->dispose (object);
}

static void
cycle_content_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CycleContentView *self = CYCLE_CONTENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;
    case PROP_PAGE:
      g_value_set_string (value, cycle_content_view_get_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_content_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CycleContentView *self = CYCLE_CONTENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      cycle_content_view_set_plan (self, g_value_get_object (value));
      break;
    case PROP_STAGE:
      cycle_content_view_set_stage (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      cycle_content_view_set_page (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_content_view_class_init (CycleContentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_content_view_dispose;
  object_class->get_property = cycle_content_view_get_property;
  object_class->set_property = cycle_content_view_set_property;

  widget_class->realize = cycle_content_view_realize;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CYCLE_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL, CYCLE_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "board",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CYCLE_TYPE_BOARD);
  g_type_ensure (CYCLE_TYPE_CONTENT_TABLE);
  g_type_ensure (CYCLE_TYPE_CONTENT_CALENDAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-content-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleContentView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CycleContentView, outer_stack);
  gtk_widget_class_bind_template_child (widget_class, CycleContentView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, CycleContentView, board);
  gtk_widget_class_bind_template_child (widget_class, CycleContentView, table);
  gtk_widget_class_bind_template_child (widget_class, CycleContentView, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_content_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_board_add_content_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_removed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_removed_many_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_show_on_board_cb);

  gtk_widget_class_install_action (widget_class, "content.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "content.personas", NULL, personas_action);
  gtk_widget_class_install_action (widget_class, "content.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "content.page", "s", page_action);
  gtk_widget_class_install_action (widget_class, "content.paste", NULL, paste_action);

  /* Entries paste into themselves first: this is Ctrl+V on the board or the table. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                       "content.paste", NULL);

  gtk_widget_class_set_css_name (widget_class, "contentview");
}

static void
cycle_content_view_init (CycleContentView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The calendar shows what the table's filters let through */
  cycle_content_calendar_set_query (self->calendar, cycle_content_table_get_query (self->table));
  self->toaster = cycle_toaster_new (GTK_WIDGET (self->toast_overlay),
                                     (CycleToasterAddFunc) adw_toast_overlay_add_toast);

  /* Before anything is styled: styles added once widgets have theirs do not always reach them
   * (seen in the application, where the content page is realized long after the window). */
  if (gdk_display_get_default () != NULL)
    load_css (gdk_display_get_default ());

  self->stages_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->stages_signals, "items-changed",
                                  G_CALLBACK (on_stages_items_changed_cb), self);
  /* The history's label changes with every edit, undo and redo. */
  self->plan_signals = g_signal_group_new (CYCLE_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify::undo-label",
                                  G_CALLBACK (queue_refresh_table), self);
  /* An offer to undo is about the last step: once the history moves, it goes. */
  g_signal_group_connect_object (self->plan_signals, "notify::undo-label",
                                 G_CALLBACK (cycle_toaster_withdraw_offer), self->toaster,
                                 G_CONNECT_SWAPPED);

  g_signal_connect_object (cycle_content_table_get_query (self->table), "notify::stage",
                           G_CALLBACK (on_query_stage_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (on_page_changed_cb), self, G_CONNECT_SWAPPED);

  update_state (self);
}

GtkWidget *
cycle_content_view_new (void)
{
  return g_object_new (CYCLE_TYPE_CONTENT_VIEW, NULL);
}
