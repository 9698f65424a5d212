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
 * The stage list: stages with their content below them. The canvas replaces this section later;
 * the rest of the window only needs the selected stage and a way to start renaming one.
 */

typedef struct
{
  GtkTreeExpander  *expander;
  GtkWidget        *stage_box;
  GtkEditableLabel *name_label;
  GtkLabel         *lane_label;
  GtkLabel         *count_label;
  GtkWidget        *content_box;
  GtkLabel         *title_label;
  GtkLabel         *format_label;
  GtkLabel         *status_label;

  /* While bound */
  GObject          *item;
  GPtrArray        *bindings;
  gulong            editing_id;
} StageRow;

static void
stage_row_free (gpointer data)
{
  StageRow *row = data;

  g_clear_pointer (&row->bindings, g_ptr_array_unref);
  g_free (row);
}

static GListModel *
create_stage_children_cb (gpointer item,
                          gpointer user_data)
{
  if (CYCLE_IS_STAGE (item))
    return g_object_ref (cycle_stage_get_content (CYCLE_STAGE (item)));

  return NULL;
}

static gboolean
enum_to_label (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  GType enum_type = G_VALUE_TYPE (from);

  g_value_set_string (to, cycle_enum_get_label (enum_type, g_value_get_enum (from)));
  return TRUE;
}

/* A stage always has a name: while the field is empty, the stage keeps the name it had. */
static gboolean
text_to_name (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  if (text == NULL || *text == '\0')
    return FALSE;

  g_value_set_string (to, text);
  return TRUE;
}

static gboolean
count_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  guint n = g_value_get_uint (from);

  /* Translators: the number of pieces of content in a stage */
  g_value_take_string (to, g_strdup_printf (ngettext ("%u item", "%u items", n), n));
  return TRUE;
}

/* Formats are stored untranslated; the usual ones have a translation. */
static gboolean
format_to_label (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char *format = g_value_get_string (from);

  if (format == NULL || *format == '\0')
    g_value_set_string (to, "");
  else
    g_value_set_string (to, g_dpgettext2 (GETTEXT_PACKAGE, "content format", format));
  return TRUE;
}

static void
on_name_label_editing_cb (GtkEditableLabel *label,
                          GParamSpec       *pspec,
                          StageRow         *row)
{
  CycleStage *stage = CYCLE_STAGE (row->item);
  CyclePlan *plan;

  if (gtk_editable_label_get_editing (label))
    return;

  /* An empty name was never written to the stage (text_to_name): show the name it kept. */
  if (*gtk_editable_get_text (GTK_EDITABLE (label)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (label), cycle_stage_get_name (stage));

  /* Renaming the same stage again later is an undo step of its own. */
  plan = cycle_item_get_plan (CYCLE_ITEM (stage));
  if (plan != NULL)
    cycle_plan_seal_undo (plan);
}

static gboolean
release_label_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/* GTK 4.8's GtkEditableLabel checks 100 ms after losing focus whether to stop editing, and does
 * not cancel that check when it is destroyed (which also makes it lose focus): the check then
 * runs on freed memory. Keep the label alive until its check has run. */
static void
on_name_focus_leave_cb (GtkEventControllerFocus *controller,
                        gpointer                 user_data)
{
  GtkWidget *label = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  g_timeout_add_full (G_PRIORITY_DEFAULT, 250, release_label_cb,
                      g_object_ref (label), g_object_unref);
}

static void
stage_row_bind (StageRow *row,
                GBinding *binding)
{
  g_ptr_array_add (row->bindings, g_object_ref (binding));
}

static GtkLabel *
make_label (const char **css_classes)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (label, 0.0f);
  gtk_label_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  if (css_classes != NULL)
    gtk_widget_set_css_classes (GTK_WIDGET (label), css_classes);

  return label;
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     CycleWindow              *self)
{
  StageRow *row = g_new0 (StageRow, 1);
  GtkEventController *focus;
  GtkWidget *box;

  row->bindings = g_ptr_array_new_with_free_func (g_object_unref);

  row->name_label = GTK_EDITABLE_LABEL (gtk_editable_label_new (""));
  gtk_widget_set_hexpand (GTK_WIDGET (row->name_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->name_label), "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->name_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stage Name"),
                                  -1);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_name_focus_leave_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (row->name_label), focus);
  row->lane_label = make_label ((const char *[]) { "dim-label", NULL });
  row->count_label = make_label ((const char *[]) { "dim-label", "numeric", NULL });
  gtk_widget_set_size_request (GTK_WIDGET (row->count_label), 72, -1);

  row->stage_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (row->stage_box), GTK_WIDGET (row->name_label));
  gtk_box_append (GTK_BOX (row->stage_box), GTK_WIDGET (row->lane_label));
  gtk_box_append (GTK_BOX (row->stage_box), GTK_WIDGET (row->count_label));

  row->title_label = make_label (NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (row->title_label), TRUE);
  row->format_label = make_label ((const char *[]) { "dim-label", NULL });
  row->status_label = make_label ((const char *[]) { "dim-label", "caption", NULL });
  gtk_widget_set_size_request (GTK_WIDGET (row->status_label), 72, -1);

  row->content_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (row->content_box), GTK_WIDGET (row->title_label));
  gtk_box_append (GTK_BOX (row->content_box), GTK_WIDGET (row->format_label));
  gtk_box_append (GTK_BOX (row->content_box), GTK_WIDGET (row->status_label));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), row->stage_box);
  gtk_box_append (GTK_BOX (box), row->content_box);

  row->expander = GTK_TREE_EXPANDER (gtk_tree_expander_new ());
  gtk_tree_expander_set_child (row->expander, box);
  gtk_list_item_set_child (list_item, GTK_WIDGET (row->expander));

  g_object_set_data_full (G_OBJECT (list_item), "cycle-stage-row", row, stage_row_free);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    CycleWindow              *self)
{
  StageRow *row = g_object_get_data (G_OBJECT (list_item), "cycle-stage-row");
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);

  gtk_tree_expander_set_list_row (row->expander, tree_row);
  row->item = gtk_tree_list_row_get_item (tree_row);

  if (CYCLE_IS_STAGE (row->item))
    {
      CycleStage *stage = CYCLE_STAGE (row->item);

      gtk_widget_set_visible (row->stage_box, TRUE);
      gtk_widget_set_visible (row->content_box, FALSE);

      /* Both ways: the stage's setter records the rename as an undo step. */
      stage_row_bind (row, g_object_bind_property_full (stage, "name", row->name_label, "text",
                                                        G_BINDING_BIDIRECTIONAL |
                                                        G_BINDING_SYNC_CREATE,
                                                        NULL, text_to_name, NULL, NULL));
      stage_row_bind (row, g_object_bind_property_full (stage, "lane", row->lane_label, "label",
                                                        G_BINDING_SYNC_CREATE,
                                                        enum_to_label, NULL, NULL, NULL));
      row->editing_id = g_signal_connect (row->name_label, "notify::editing",
                                          G_CALLBACK (on_name_label_editing_cb), row);

      stage_row_bind (row, g_object_bind_property_full (stage, "n-content",
                                                        row->count_label, "label",
                                                        G_BINDING_SYNC_CREATE,
                                                        count_to_label, NULL, NULL, NULL));

      g_hash_table_insert (self->stage_labels, stage, row->name_label);
    }
  else if (CYCLE_IS_CONTENT (row->item))
    {
      CycleContent *content = CYCLE_CONTENT (row->item);

      gtk_widget_set_visible (row->stage_box, FALSE);
      gtk_widget_set_visible (row->content_box, TRUE);

      stage_row_bind (row, g_object_bind_property (content, "title", row->title_label, "label",
                                                   G_BINDING_SYNC_CREATE));
      stage_row_bind (row, g_object_bind_property_full (content, "format",
                                                        row->format_label, "label",
                                                        G_BINDING_SYNC_CREATE,
                                                        format_to_label, NULL, NULL, NULL));
      stage_row_bind (row, g_object_bind_property_full (content, "status",
                                                        row->status_label, "label",
                                                        G_BINDING_SYNC_CREATE,
                                                        enum_to_label, NULL, NULL, NULL));
    }
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      CycleWindow              *self)
{
  StageRow *row = g_object_get_data (G_OBJECT (list_item), "cycle-stage-row");

  g_clear_signal_handler (&row->editing_id, row->name_label);

  for (guint i = 0; i < row->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (row->bindings, i));
  g_ptr_array_set_size (row->bindings, 0);

  /* Unbound first, so that leaving the edit does not write to the stage. */
  if (gtk_editable_label_get_editing (row->name_label))
    gtk_editable_label_stop_editing (row->name_label, FALSE);

  if (row->item != NULL && self->stage_labels != NULL &&
      g_hash_table_lookup (self->stage_labels, row->item) == row->name_label)
    g_hash_table_remove (self->stage_labels, row->item);

  gtk_tree_expander_set_list_row (row->expander, NULL);
  g_clear_object (&row->item);
}

static void
on_selection_selected_cb (CycleWindow        *self,
                          GParamSpec         *pspec,
                          GtkSingleSelection *selection)
{
  _cycle_window_update_actions (self);
}

static void
stage_list_init (CycleWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  self->stage_labels = g_hash_table_new (NULL, NULL);
  self->selection = gtk_single_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
stage_list_set_plan (CycleWindow *self,
                     CyclePlan   *plan)
{
  GListModel *stages = cycle_plan_get_stages (plan);
  GtkTreeListModel *tree;

  tree = gtk_tree_list_model_new (g_object_ref (stages), FALSE, TRUE,
                                  create_stage_children_cb, NULL, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  g_object_unref (tree);
}

/* The row of @item in the tree, or GTK_INVALID_LIST_POSITION. */
static guint
stage_list_find_row (CycleWindow *self,
                     gpointer     item)
{
  GListModel *rows = gtk_single_selection_get_model (self->selection);
  guint n = rows != NULL ? g_list_model_get_n_items (rows) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) row_item = gtk_tree_list_row_get_item (row);

      if (row_item == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

CycleStage *
_cycle_window_get_selected_stage (CycleWindow *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return NULL;

  item = gtk_tree_list_row_get_item (row);
  if (CYCLE_IS_STAGE (item))
    return CYCLE_STAGE (item);
  if (CYCLE_IS_CONTENT (item))
    return cycle_content_get_stage (CYCLE_CONTENT (item));

  return NULL;
}

void
_cycle_window_select_stage (CycleWindow *self,
                            CycleStage  *stage)
{
  guint position = stage_list_find_row (self, stage);

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static gboolean
start_pending_rename_cb (gpointer user_data)
{
  CycleWindow *self = user_data;
  GtkEditableLabel *label;

  self->pending_rename_id = 0;
  label = g_hash_table_lookup (self->stage_labels, self->pending_rename);
  g_clear_object (&self->pending_rename);

  if (label != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (label));
      gtk_editable_label_start_editing (label);
    }

  return G_SOURCE_REMOVE;
}

void
_cycle_window_start_rename (CycleWindow *self,
                            CycleStage  *stage)
{
  GtkEditableLabel *label = g_hash_table_lookup (self->stage_labels, stage);

  if (label != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (label));
      gtk_editable_label_start_editing (label);
      return;
    }

  /* The row is not on screen: scroll to it, and edit once the list has bound it. */
  _cycle_window_select_stage (self, stage);
  g_set_object (&self->pending_rename, stage);
  if (self->pending_rename_id == 0)
    self->pending_rename_id = g_idle_add_full (G_PRIORITY_LOW, start_pending_rename_cb,
                                               self, NULL);
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

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
_cycle_window_update_actions (CycleWindow *self)
{
  CyclePlan *plan = _cycle_window_get_plan (self);
  gboolean has_stage = _cycle_window_get_selected_stage (self) != NULL;
  const char *undo_label;
  const char *redo_label;
  g_autofree char *undo_tooltip = NULL;
  g_autofree char *redo_tooltip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", cycle_plan_can_undo (plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", cycle_plan_can_redo (plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-stage", has_stage);
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
update_page (CycleWindow *self)
{
  GListModel *stages = cycle_plan_get_stages (_cycle_window_get_plan (self));

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (stages) > 0 ? "stages" : "empty");
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
  stage_list_set_plan (self, plan);

  update_page (self);
  _cycle_window_update_title (self);
  _cycle_window_update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
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

  g_clear_handle_id (&self->pending_rename_id, g_source_remove);
  g_clear_object (&self->pending_rename);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  /* Unbinds every row while the window can still take the unbind calls. */
  if (self->list_view != NULL)
    {
      gtk_list_view_set_model (self->list_view, NULL);
      gtk_list_view_set_factory (self->list_view, NULL);
    }

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
  g_clear_object (&self->selection);
  g_clear_pointer (&self->stage_labels, g_hash_table_unref);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, list_view);

  _cycle_window_class_actions_init (klass);
}

static void
cycle_window_init (CycleWindow *self)
{
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

  self->stages_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->stages_signals, "items-changed",
                                  G_CALLBACK (on_stages_items_changed_cb), self);

  stage_list_init (self);
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
