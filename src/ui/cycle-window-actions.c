/* cycle-window-actions.c: what a window can do — files, undo, stages — and its dialogs
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-application.h"
#include "cycle-window-private.h"

#define CYCLE_SUFFIX ".cycle"

static gboolean cycle_window_save_to (CycleWindow *self,
                                      GFile       *file,
                                      gboolean     force,
                                      gboolean     close_after);

AdwMessageDialog *
_cycle_window_replace_dialog_new (CycleWindow *self,
                                  GFile       *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (basename);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf (_("A file named “%s” already exists. Replacing it overwrites its "
                            "contents."), display);
  dialog = cycle_message_dialog_new (GTK_WINDOW (self), _("Replace File?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  return dialog;
}

GtkFileFilter *
_cycle_window_file_filter_new (const char        *name,
                               const char *const *patterns,
                               const char *const *mime_types)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  for (guint i = 0; mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);

  return filter;
}

void
_cycle_window_add_file_filters (GtkFileChooser *chooser,
                                GtkFileFilter  *main)
{
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_chooser_add_filter (chooser, main);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, main);
}

static GtkFileFilter *
plan_filter_new (void)
{
  return _cycle_window_file_filter_new (_("Cycle plans"),
                                        (const char *const[]) { "*" CYCLE_SUFFIX, NULL },
                                        (const char *const[]) { "application/x-cycle-plan",
                                                                NULL });
}

static void
add_plan_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) plans = plan_filter_new ();

  _cycle_window_add_file_filters (chooser, plans);
}

/* ------------------------------------------------------------------------------------------------
 * Opening
 */

static void
on_choose_file_response_cb (CycleWindow     *self,
                            int              response,
                            GtkNativeDialog *chooser)
{
  g_autoptr(GtkNativeDialog) owned = g_steal_pointer (&self->chooser);
  CycleWindowFileFunc func = g_object_get_data (G_OBJECT (chooser), "cycle-file-func");
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    func (self, file);
}

void
_cycle_window_choose_file (CycleWindow         *self,
                           const char          *title,
                           const char          *accept_label,
                           GtkFileFilter       *filter,
                           CycleWindowFileFunc  func)
{
  GtkFileChooserNative *chooser;

  /* One chooser at a time per window. */
  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  _cycle_window_add_file_filters (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "cycle-file-func", func);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_choose_file_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* The chosen file opens in the background: no window to give back yet */
static CycleWindow *
open_chosen_file (CycleWindow *self,
                  GFile       *file)
{
  cycle_window_open_file (self, file);
  return NULL;
}

static void
choose_plan_to_open (CycleWindow *self)
{
  g_autoptr(GtkFileFilter) plans = plan_filter_new ();

  _cycle_window_choose_file (self, _("Open a Plan"), _("_Open"), plans, open_chosen_file);
}

/* The new plan takes this window when it holds nothing yet. */
static void
new_plan (CycleWindow *self)
{
  CycleWindow *window = self;

  if (!cycle_window_is_pristine (self))
    window = cycle_window_new (gtk_window_get_application (GTK_WINDOW (self)), NULL);

  gtk_window_present (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------------------------------------
 * Saving
 */

static void
on_changed_dialog_response_cb (CycleWindow      *self,
                               const char       *response,
                               AdwMessageDialog *dialog)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "close-after"));

  self->changed_dialog = NULL;
  if (g_strcmp0 (response, "overwrite") == 0)
    cycle_window_save_to (self, NULL, TRUE, close_after);
  else if (g_strcmp0 (response, "save-as") == 0)
    _cycle_window_save_as (self, close_after);
  else if (g_strcmp0 (response, "merge") == 0)
    _cycle_window_merge_from_disk (self);
  else if (g_strcmp0 (response, "reload") == 0)
    _cycle_window_reload_from_disk (self);
}

static void
on_save_error_response_cb (CycleWindow      *self,
                           const char       *response,
                           AdwMessageDialog *dialog)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "close-after"));

  if (g_strcmp0 (response, "save-as") == 0)
    _cycle_window_save_as (self, close_after);
}

/* The message says what and where; the file on disk is as it was. Another name or folder is
 * the way out for most failures (a read-only folder, hard links, a full disk elsewhere), not for
 * a plan too big to open again. */
static void
show_save_error (CycleWindow  *self,
                 const GError *error,
                 gboolean      close_after)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  gboolean offer_save_as = error->domain == G_IO_ERROR;

  body = g_strdup_printf ("%s\n\n%s", error->message,
                          offer_save_as
                          ? _("The file was left as it was, and the changes are still here: "
                              "save them under another name or in another folder.")
                          : _("The file was left as it was, and the changes are still here."));
  dialog = cycle_message_dialog_new (GTK_WINDOW (self), _("Could Not Save"), body);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  if (offer_save_as)
    {
      adw_message_dialog_add_response (dialog, "save-as", _("Save _As…"));
      adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_default_response (dialog, offer_save_as ? "save-as" : "close");
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data (G_OBJECT (dialog), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_error_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_cycle_window_show_changed_on_disk (CycleWindow *self,
                                    gboolean     close_after)
{
  g_autofree char *name = cycle_document_dup_display_name (self->document);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->changed_dialog != NULL)
    {
      if (close_after)
        g_object_set_data (G_OBJECT (self->changed_dialog), "close-after", GINT_TO_POINTER (TRUE));
      gtk_window_present (GTK_WINDOW (self->changed_dialog));
      return;
    }

  body = g_strdup_printf (_("Another program changed “%s” since it was opened here, and the plan "
                            "in the window has changes of its own. Merge brings both together "
                            "(what both sides changed differently is listed, to pick a side); "
                            "Reload takes the file and drops the window’s changes; Overwrite "
                            "keeps the window’s and drops the file’s. Each can be undone, "
                            "except Overwrite."),
                          name);
  dialog = cycle_message_dialog_new (GTK_WINDOW (self), _("The File Changed on Disk"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    "reload", _("_Reload"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "merge");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_changed_dialog_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->changed_dialog = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
destroy_window_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Closes the window without asking again. From an idle: this is called from a dialog's response,
 * and the dialog (destroyed with its parent) must be done with the window first. */
static void
close_without_asking (CycleWindow *self)
{
  self->close_confirmed = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_window_cb, g_object_ref (self), g_object_unref);
}

/* @file NULL: the document's own file. Returns whether the plan was saved; on failure a dialog
 * says why and the plan stays in the window, still modified. */
static gboolean
cycle_window_save_to (CycleWindow *self,
                      GFile       *file,
                      gboolean     force,
                      gboolean     close_after)
{
  g_autoptr(GError) error = NULL;

  if (!cycle_document_save (self->document, file, force, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        _cycle_window_show_changed_on_disk (self, close_after);
      else
        show_save_error (self, error, close_after);
      return FALSE;
    }

  _cycle_window_update_title (self);
  _cycle_window_add_recent (self);

  if (close_after)
    close_without_asking (self);
  else
    _cycle_window_toast (self, adw_toast_new (_("Saved")));

  return TRUE;
}

void
_cycle_window_save (CycleWindow *self,
                    gboolean     close_after)
{
  if (cycle_document_get_file (self->document) == NULL)
    _cycle_window_save_as (self, close_after);
  else
    cycle_window_save_to (self, NULL, FALSE, close_after);
}

static void
on_replace_dialog_response_cb (CycleWindow      *self,
                               const char       *response,
                               AdwMessageDialog *dialog)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "close-after"));

  if (g_strcmp0 (response, "replace") == 0)
    cycle_window_save_to (self, file, FALSE, close_after);
}

/* The chooser asked about replacing the name that was typed; the name with ".cycle" added is
 * another file, so ask again when that one exists. */
static void
confirm_replace (CycleWindow *self,
                 GFile       *file,
                 gboolean     close_after)
{
  AdwMessageDialog *dialog = _cycle_window_replace_dialog_new (self, file);

  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_dialog_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_save_chooser_response_cb (CycleWindow     *self,
                             int              response,
                             GtkNativeDialog *chooser)
{
  g_autoptr(GtkNativeDialog) owned = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (chosen == NULL)
    return;

  basename = g_file_get_basename (chosen);
  if (g_str_has_suffix (basename, CYCLE_SUFFIX))
    {
      cycle_window_save_to (self, chosen, FALSE, self->close_after_save);
      return;
    }

  {
    g_autoptr(GFile) folder = g_file_get_parent (chosen);
    g_autofree char *with_suffix = g_strconcat (basename, CYCLE_SUFFIX, NULL);

    file = g_file_get_child (folder, with_suffix);
  }

  if (g_file_query_exists (file, NULL))
    confirm_replace (self, file, self->close_after_save);
  else
    cycle_window_save_to (self, file, FALSE, self->close_after_save);
}

static char *
dup_suggested_name (CycleWindow *self)
{
  const char *title = cycle_plan_get_title (_cycle_window_get_plan (self));
  g_autofree char *name = NULL;

  if (title == NULL || *title == '\0')
    title = _("Untitled Plan");

  /* A title may hold characters that cannot be in a file name. */
  name = g_strdelimit (g_strdup (title), "/\\", '-');

  return g_strconcat (name, CYCLE_SUFFIX, NULL);
}

void
_cycle_window_save_as (CycleWindow *self,
                       gboolean     close_after)
{
  GtkFileChooserNative *chooser;
  GFile *file = cycle_document_get_file (self->document);

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save Plan As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_plan_filters (GTK_FILE_CHOOSER (chooser));

  if (file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *basename = g_file_get_basename (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), basename);
    }
  else
    {
      g_autofree char *name = dup_suggested_name (self);

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->close_after_save = !!close_after;
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* ------------------------------------------------------------------------------------------------
 * Closing
 */

static void
on_close_dialog_response_cb (CycleWindow      *self,
                             const char       *response,
                             AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      close_without_asking (self);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      _cycle_window_save (self, TRUE);
    }
}

static void
on_close_dialog_destroy_cb (CycleWindow *self,
                            GtkWidget   *dialog)
{
  if (self->close_dialog == dialog)
    self->close_dialog = NULL;
}

void
_cycle_window_confirm_close (CycleWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return;
    }

  name = cycle_document_dup_display_name (self->document);
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be lost."),
                          name);
  dialog = cycle_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_dialog_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->close_dialog = GTK_WIDGET (dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_close_dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------------------------------
 * Undo
 */

static void
undo (CycleWindow *self)
{
  /* Its offer is taken, or no longer about the last step. */
  cycle_toaster_withdraw_offer (self->toaster);

  /* A drag under way is one step still open: it ends first. */
  cycle_canvas_cancel_drag (self->canvas);
  cycle_plan_undo (_cycle_window_get_plan (self));
}

static void
redo (CycleWindow *self)
{
  cycle_canvas_cancel_drag (self->canvas);
  cycle_plan_redo (_cycle_window_get_plan (self));
}

/* ------------------------------------------------------------------------------------------------
 * Stages
 */

/* The stage verbs are the canvas's: the window's actions (header buttons, menus, shortcuts
 * that work from any page) only forward to them. */
static void
forward_to_canvas (CycleWindow *self,
                   const char  *canvas_action,
                   GVariant    *parameter)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (self->canvas), canvas_action, parameter);
}

/* Ctrl+V on an empty plan, where the canvas is not shown to take its keys: the stages pasted
 * start the plan. */
static gboolean
paste_on_empty_plan_cb (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  CycleWindow *self = CYCLE_WINDOW (widget);

  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "plan") != 0 ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->plan_stack), "empty") != 0)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self->canvas), "canvas.paste", NULL);
}

static gboolean
shows_content_page (CycleWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "content") == 0;
}

/* ------------------------------------------------------------------------------------------------
 * Help
 */

/* Ctrl+?: the keyboard shortcuts. The window is built when first asked for rather than with
 * each window, as GtkApplication does with a "gtk/help-overlay.ui" resource: it costs a tenth
 * of the first frame. */
static void
show_help_overlay (CycleWindow *self)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (self);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/org/example/Cycle/cycle-shortcuts.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

/* ------------------------------------------------------------------------------------------------
 * Pages
 */

/* Alt+1…N shows the Nth page of the view switcher, as GNOME apps do. */
static void
show_page (CycleWindow *self,
           int          index)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);

  GtkWidget *page;

  if (index < 0 || (guint) index >= g_list_model_get_n_items (G_LIST_MODEL (pages)))
    return;

  gtk_selection_model_select_item (pages, index, TRUE);
  /* The keyboard goes to the page's first control, as Tab would take it there: GTK 4.8 left it
   * on a page tab or on what had it when the page was last shown, so Tab went on from there. */
  page = adw_view_stack_get_visible_child (self->view_stack);
  if (page != NULL)
    {
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
      gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
    }
}

/* ------------------------------------------------------------------------------------------------
 * The actions
 */

typedef enum {
  WIN_NEW,
  WIN_OPEN,
  WIN_SAVE,
  WIN_SAVE_AS,
  WIN_CLOSE,
  WIN_UNDO,
  WIN_REDO,
  WIN_ADD_STAGE,
  WIN_ADD_STAGE_IN_LANE,
  WIN_REMOVE_STAGE,
  WIN_RENAME_STAGE,
  WIN_CUT_STAGES,
  WIN_COPY_STAGES,
  WIN_PASTE_STAGES,
  WIN_COPY_PICTURE,
  WIN_ADD_CONTENT,
  WIN_PERSONAS,
  WIN_SHOW_HELP_OVERLAY,
  WIN_SHOW_PAGE,
  WIN_FIND,
} WindowAction;

static const struct {
  const char *name;
  const char *parameter_type;
} window_actions[] = {
  [WIN_NEW] = { "win.new", NULL },
  [WIN_OPEN] = { "win.open", NULL },
  [WIN_SAVE] = { "win.save", NULL },
  [WIN_SAVE_AS] = { "win.save-as", NULL },
  [WIN_CLOSE] = { "win.close", NULL },
  [WIN_UNDO] = { "win.undo", NULL },
  [WIN_REDO] = { "win.redo", NULL },
  [WIN_ADD_STAGE] = { "win.add-stage", NULL },
  [WIN_ADD_STAGE_IN_LANE] = { "win.add-stage-in-lane", "s" },
  [WIN_REMOVE_STAGE] = { "win.remove-stage", NULL },
  [WIN_RENAME_STAGE] = { "win.rename-stage", NULL },
  /* The main menu's way to the canvas's clipboard actions (canvas.cut…), which its keys reach
   * only with the focus on the canvas. */
  [WIN_CUT_STAGES] = { "win.cut-stages", NULL },
  [WIN_COPY_STAGES] = { "win.copy-stages", NULL },
  [WIN_PASTE_STAGES] = { "win.paste-stages", NULL },
  [WIN_COPY_PICTURE] = { "win.copy-picture", NULL },
  [WIN_ADD_CONTENT] = { "win.add-content", NULL },
  [WIN_PERSONAS] = { "win.personas", NULL },
  [WIN_SHOW_HELP_OVERLAY] = { "win.show-help-overlay", NULL },
  [WIN_SHOW_PAGE] = { "win.show-page", "i" },
  [WIN_FIND] = { "win.find", NULL },
};

static void
window_activate (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CycleWindow *self = CYCLE_WINDOW (widget);
  WindowAction action = 0;

  while (action < G_N_ELEMENTS (window_actions) &&
         !g_str_equal (window_actions[action].name, action_name))
    action++;

  switch (action)
    {
    case WIN_NEW:
      new_plan (self);
      break;
    case WIN_OPEN:
      choose_plan_to_open (self);
      break;
    case WIN_SAVE:
      _cycle_window_save (self, FALSE);
      break;
    case WIN_SAVE_AS:
      _cycle_window_save_as (self, FALSE);
      break;
    case WIN_CLOSE:
      gtk_window_close (GTK_WINDOW (self));
      break;
    case WIN_UNDO:
      undo (self);
      break;
    case WIN_REDO:
      redo (self);
      break;
    case WIN_ADD_STAGE:
      /* A new stage at a free spot of the canvas, after the selected one, in its lane. */
      forward_to_canvas (self, "canvas.add-stage", NULL);
      break;
    case WIN_ADD_STAGE_IN_LANE:
      forward_to_canvas (self, "canvas.add-stage-in-lane", parameter);
      break;
    case WIN_REMOVE_STAGE:
      forward_to_canvas (self, "canvas.delete", NULL);
      break;
    case WIN_RENAME_STAGE:
      /* F2 on the content page renames content there, never a stage on the hidden canvas. */
      if (shows_content_page (self))
        cycle_content_view_rename_selected (_cycle_window_get_content_view (self));
      else
        forward_to_canvas (self, "canvas.rename", NULL);
      break;
    case WIN_CUT_STAGES:
      forward_to_canvas (self, "canvas.cut", NULL);
      break;
    case WIN_COPY_STAGES:
      forward_to_canvas (self, "canvas.copy", NULL);
      break;
    case WIN_PASTE_STAGES:
      forward_to_canvas (self, "canvas.paste", NULL);
      break;
    case WIN_COPY_PICTURE:
      /* The plan's picture on the clipboard, for a slide: the canvas draws and copies it. */
      forward_to_canvas (self, "canvas.copy-picture", NULL);
      break;
    case WIN_ADD_CONTENT:
      /* Content for the stage selected on the canvas (the first stage when none is), open in
       * the editor, on whichever page the window shows. */
      cycle_content_view_add_content (_cycle_window_get_content_view (self));
      break;
    case WIN_PERSONAS:
      cycle_content_view_show_personas (_cycle_window_get_content_view (self));
      break;
    case WIN_SHOW_HELP_OVERLAY:
      show_help_overlay (self);
      break;
    case WIN_SHOW_PAGE:
      show_page (self, g_variant_get_int32 (parameter));
      break;
    case WIN_FIND:
      /* Ctrl+F: on the Content page, from the board, the toolbar or the header, the table's
       * search. */
      if (shows_content_page (self))
        cycle_content_view_search (_cycle_window_get_content_view (self));
      break;
    default:
      g_assert_not_reached ();
    }
}

void
_cycle_window_class_actions_init (CycleWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    gtk_widget_class_install_action (widget_class, window_actions[i].name,
                                     window_actions[i].parameter_type, window_activate);
  gtk_widget_class_install_property_action (widget_class, "win.layout", "layout");
  gtk_widget_class_install_property_action (widget_class, "win.show-editor", "editor-visible");

  gtk_widget_class_add_binding (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                paste_on_empty_plan_cb, NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0,
                                       "win.rename-stage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "win.add-stage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "win.add-stage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "win.show-editor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-picture", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.add-content", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p,
                                       GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.personas", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.find", NULL);
  for (int i = 0; i < 9; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                           "win.show-page", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + i, GDK_ALT_MASK,
                                           "win.show-page", "i", i);
    }
}

/* ------------------------------------------------------------------------------------------------
 * Dropping a plan on the window
 */

static gboolean
on_drop_cb (CycleWindow   *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;

  /* The application's open path: into this window when it holds nothing yet. */
  for (const GSList *l = files; l != NULL; l = l->next)
    {
      if (CYCLE_IS_APPLICATION (app))
        cycle_application_open_file (CYCLE_APPLICATION (app), l->data);
      else
        cycle_window_open_file (self, l->data);
    }
  g_slist_free (files);

  return TRUE;
}

/* A .cycle file dropped anywhere on the window opens as File ▸ Open does. */
void
_cycle_window_add_drop_target (CycleWindow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
