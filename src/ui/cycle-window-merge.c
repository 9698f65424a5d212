/* cycle-window-merge.c: teams — merging what others changed into the window's plan
 *
 * The window watches its file's folder: when another program changes the file, an unmodified
 * plan is reloaded and a modified one gets the "changed on disk" dialog, whose Merge merges the
 * file into the plan from the version loaded (cycle_document_merge_file ()); a synced folder's
 * conflicted copy of the file gets a banner offering the same merge, then to move the copy to
 * the trash. Every merge and reload is one undoable step. A plan that holds conflicts shows a
 * banner, and its conflict list (CycleConflictList) in a window of its own: on opening, and
 * after a merge that left some.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-conflict-list.h"
#include "cycle-merge.h"
#include "cycle-synced-copy.h"
#include "cycle-window-private.h"

/* Events come in bursts (a write, then its end; a rename over the file): one look after them */
#define DISK_CHECK_DELAY_MS 300

/* ------------------------------------------------------------------------------------------------
 * The conflicts
 */

/* Once a banner has slid away, it is hidden too: nothing of it for a screen reader to find */
static void
on_banner_revealed_cb (GtkRevealer *revealer)
{
  if (!gtk_revealer_get_child_revealed (revealer) && !gtk_revealer_get_reveal_child (revealer))
    gtk_widget_set_visible (GTK_WIDGET (revealer), FALSE);
}

static void
reveal (GtkRevealer *revealer,
        gboolean     shown)
{
  if (shown)
    gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
  gtk_revealer_set_reveal_child (revealer, shown);
}

static void
update_conflicts_bar (CycleWindow *self)
{
  guint n = cycle_plan_get_n_conflicts (_cycle_window_get_plan (self));
  g_autofree char *text = NULL;

  if (n > 0)
    {
      text = g_strdup_printf (ngettext ("This plan holds %u conflict from a merge: a change "
                                        "made differently on both sides.",
                                        "This plan holds %u conflicts from a merge: changes "
                                        "made differently on both sides.", n), n);
      gtk_label_set_label (self->conflicts_label, text);
    }
  reveal (self->conflicts_revealer, n > 0);
}

static void
on_conflicts_window_destroy_cb (CycleWindow *self)
{
  self->conflicts_window = NULL;
  self->conflict_list = NULL;
}

/* A shortcut of the conflicts' window that runs an action of the plan's window */
static gboolean
forward_action_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   data)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  return parent != NULL && gtk_widget_activate_action (GTK_WIDGET (parent), data, NULL);
}

void
_cycle_window_show_conflicts (CycleWindow *self)
{
  GtkWidget *window, *box, *header, *list;

  if (self->conflicts_window != NULL)
    {
      gtk_window_present (self->conflicts_window);
      return;
    }

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Conflicts"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 520, 600);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  list = cycle_conflict_list_new ();
  gtk_widget_set_vexpand (list, TRUE);
  cycle_conflict_list_set_plan (CYCLE_CONFLICT_LIST (list), _cycle_window_get_plan (self));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), list);
  adw_window_set_content (ADW_WINDOW (window), box);

  /* Undo and redo reach the plan from here too */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();
    const char *keys[][2] = {
      { "<Control>z", "win.undo" },
      { "<Control><Shift>z", "win.redo" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i][0]),
                          gtk_callback_action_new (forward_action_cb,
                                                   g_strdup (keys[i][1]), g_free)));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
      gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape"),
                        gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, shortcuts);
  }

  self->conflicts_window = GTK_WINDOW (window);
  self->conflict_list = CYCLE_CONFLICT_LIST (list);
  g_signal_connect_object (window, "destroy", G_CALLBACK (on_conflicts_window_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_conflicts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _cycle_window_show_conflicts (CYCLE_WINDOW (widget));
}

/* A toast for a merge just made, and the conflict list if it left some */
static void
merged (CycleWindow *self,
        GPtrArray   *conflicts,
        const char  *title)
{
  g_autofree char *text = NULL;

  if (conflicts->len == 0)
    {
      _cycle_window_notify (self, title, TRUE);
      return;
    }
  text = g_strdup_printf (ngettext ("%s, with %u conflict to settle",
                                    "%s, with %u conflicts to settle", conflicts->len),
                          title, conflicts->len);
  _cycle_window_notify (self, text, TRUE);
  _cycle_window_show_conflicts (self);
}

static void
show_error (CycleWindow  *self,
            const char   *heading,
            const GError *error)
{
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", error->message,
                                           _("The plan in the window was left as it was."));

  cycle_message_dialog_show (GTK_WINDOW (self), heading, body);
}

/* ------------------------------------------------------------------------------------------------
 * The file changed on disk
 */

void
_cycle_window_merge_from_disk (CycleWindow *self)
{
  GFile *file = cycle_document_get_file (self->document);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (file != NULL);

  conflicts = cycle_document_merge_file (self->document, file, NULL, &error);
  if (conflicts == NULL)
    {
      show_error (self, _("Could Not Merge"), error);
      return;
    }
  /* Translators: a toast, after a merge of what another program wrote to the plan's file */
  merged (self, conflicts, _("Merged the changes made on disk"));
}

void
_cycle_window_reload_from_disk (CycleWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!cycle_document_reload (self->document, NULL, &error))
    {
      show_error (self, _("Could Not Reload"), error);
      return;
    }
  _cycle_window_notify (self, _("Reloaded the plan from disk"), TRUE);
}

/* ------------------------------------------------------------------------------------------------
 * Synced folders
 */

static void
update_synced_bar (CycleWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (self->synced_copy == NULL)
    {
      reveal (self->synced_revealer, FALSE);
      return;
    }

  name = g_file_get_basename (self->synced_copy);
  if (!self->synced_merged)
    {
      text = g_strdup_printf (_("A synced folder kept another version of this plan, “%s”. Merge "
                                "its changes into the plan in the window?"), name);
      gtk_button_set_label (self->synced_button, _("_Merge"));
      gtk_button_set_label (self->synced_dismiss_button, _("_Not Now"));
    }
  else
    {
      text = g_strdup_printf (_("The changes of “%s” are in the plan now. Move that copy to the "
                                "trash?"), name);
      gtk_button_set_label (self->synced_button, _("Move to _Trash"));
      gtk_button_set_label (self->synced_dismiss_button, _("_Keep It"));
    }
  gtk_label_set_label (self->synced_label, text);
  reveal (self->synced_revealer, TRUE);
}

/* The first synced copy of the plan's file that was not put aside */
static void
find_synced_copy (CycleWindow *self)
{
  GFile *file = cycle_document_get_file (self->document);
  g_autoptr(GPtrArray) copies = NULL;

  /* The one being offered stays while it is there */
  if (self->synced_copy != NULL && g_file_query_exists (self->synced_copy, NULL))
    return;
  g_clear_object (&self->synced_copy);
  self->synced_merged = FALSE;

  if (file != NULL)
    {
      copies = cycle_synced_copy_list (file, NULL);
      for (guint i = 0; i < copies->len && self->synced_copy == NULL; i++)
        {
          g_autofree char *uri = g_file_get_uri (g_ptr_array_index (copies, i));

          if (!g_hash_table_contains (self->synced_put_aside, uri))
            self->synced_copy = g_object_ref (g_ptr_array_index (copies, i));
        }
    }
  update_synced_bar (self);
}

static void
synced_copy_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CycleWindow *self = CYCLE_WINDOW (widget);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) copy = NULL;

  if (self->synced_copy == NULL)
    return;
  copy = g_object_ref (self->synced_copy);

  if (self->synced_merged)
    {
      g_autofree char *uri = g_file_get_uri (copy);

      /* Put aside whatever happens: if it cannot go, it is not offered again */
      g_hash_table_add (self->synced_put_aside, g_steal_pointer (&uri));
      if (!g_file_trash (copy, NULL, &error))
        {
          g_autofree char *text = g_strdup_printf (_("Could not move the copy to the trash: %s"),
                                                   error->message);

          _cycle_window_toast (self, adw_toast_new (text));
        }
      else
        _cycle_window_toast (self, adw_toast_new (_("Moved the copy to the trash")));
      g_clear_object (&self->synced_copy);
      find_synced_copy (self);
      return;
    }

  conflicts = cycle_document_merge_file (self->document, copy, NULL, &error);
  if (conflicts == NULL)
    {
      show_error (self, _("Could Not Merge"), error);
      return;
    }
  self->synced_merged = TRUE;
  update_synced_bar (self);
  /* Translators: a toast, after a merge of a synced folder's conflicted copy */
  merged (self, conflicts, _("Merged the synced copy"));
}

static void
dismiss_synced_copy_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CycleWindow *self = CYCLE_WINDOW (widget);

  if (self->synced_copy != NULL)
    g_hash_table_add (self->synced_put_aside, g_file_get_uri (self->synced_copy));
  g_clear_object (&self->synced_copy);
  find_synced_copy (self);
}

/* ------------------------------------------------------------------------------------------------
 * Watching the folder
 */

static gboolean
check_disk_cb (gpointer data)
{
  CycleWindow *self = data;

  self->disk_check_id = 0;
  find_synced_copy (self);

  if (!cycle_document_changed_on_disk (self->document, NULL))
    return G_SOURCE_REMOVE;

  if (cycle_plan_get_modified (_cycle_window_get_plan (self)))
    {
      _cycle_window_show_changed_on_disk (self, FALSE);
    }
  else
    {
      g_autoptr(GError) error = NULL;

      /* Nothing asked for it: a file another program is still writing is said in passing, and
       * its next change is looked at again */
      if (cycle_document_reload (self->document, NULL, &error))
        _cycle_window_notify (self, _("Reloaded the plan from disk"), TRUE);
      else
        {
          g_autofree char *text = g_strdup_printf (_("Could not reload the plan: %s"),
                                                   error->message);

          _cycle_window_toast (self, adw_toast_new (text));
        }
    }

  return G_SOURCE_REMOVE;
}

static void
on_folder_changed_cb (GFileMonitor      *monitor,
                      GFile             *file,
                      GFile             *other,
                      GFileMonitorEvent  event,
                      CycleWindow       *self)
{
  GFile *own = cycle_document_get_file (self->document);
  g_autofree char *own_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *other_name = NULL;

  if (own == NULL || event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  own_name = g_file_get_basename (own);
  name = g_file_get_basename (file);
  other_name = other != NULL ? g_file_get_basename (other) : NULL;
  if (g_strcmp0 (name, own_name) != 0 && g_strcmp0 (other_name, own_name) != 0 &&
      !cycle_synced_copy_matches (own_name, name) &&
      (other_name == NULL || !cycle_synced_copy_matches (own_name, other_name)))
    return;

  g_clear_handle_id (&self->disk_check_id, g_source_remove);
  self->disk_check_id = g_timeout_add (DISK_CHECK_DELAY_MS, check_disk_cb, self);
}

static void
watch_folder (CycleWindow *self)
{
  GFile *file = cycle_document_get_file (self->document);
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;

  if (self->folder_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->folder_monitor, self);
      g_file_monitor_cancel (self->folder_monitor);
      g_clear_object (&self->folder_monitor);
    }
  g_clear_handle_id (&self->disk_check_id, g_source_remove);

  if (file == NULL || (dir = g_file_get_parent (file)) == NULL)
    return;

  self->folder_monitor = g_file_monitor_directory (dir, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->folder_monitor == NULL)
    {
      g_debug ("Not watching %s: %s", g_file_peek_path (dir), error->message);
      return;
    }
  g_signal_connect (self->folder_monitor, "changed", G_CALLBACK (on_folder_changed_cb), self);
}

static void
on_document_notify_file_cb (CycleWindow *self)
{
  watch_folder (self);
  g_clear_object (&self->synced_copy);
  find_synced_copy (self);
}

/* ------------------------------------------------------------------------------------------------
 * Following the document
 */

static gboolean
show_conflicts_cb (gpointer data)
{
  CycleWindow *self = data;

  if (cycle_plan_get_n_conflicts (_cycle_window_get_plan (self)) > 0)
    _cycle_window_show_conflicts (self);
  return G_SOURCE_REMOVE;
}

static void
on_map_cb (CycleWindow *self)
{
  if (!self->conflicts_on_map)
    return;
  self->conflicts_on_map = FALSE;
  g_idle_add_full (G_PRIORITY_LOW, show_conflicts_cb, g_object_ref (self), g_object_unref);
}

void
_cycle_window_merge_follow_document (CycleWindow *self)
{
  /* The list shown is the plan's in the window, whichever it is */
  if (self->conflict_list != NULL)
    cycle_conflict_list_set_plan (self->conflict_list, _cycle_window_get_plan (self));
  on_document_notify_file_cb (self);
  update_conflicts_bar (self);

  /* A plan that carries conflicts opens with them shown, above the window once it is there */
  self->conflicts_on_map = cycle_plan_get_n_conflicts (_cycle_window_get_plan (self)) > 0;
  if (self->conflicts_on_map && gtk_widget_get_mapped (GTK_WIDGET (self)))
    on_map_cb (self);
}

void
_cycle_window_merge_init (CycleWindow *self)
{
  self->synced_put_aside = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_group_connect_swapped (self->plan_signals, "notify::conflicts",
                                  G_CALLBACK (update_conflicts_bar), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::file",
                                  G_CALLBACK (on_document_notify_file_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  g_signal_connect (self->conflicts_revealer, "notify::child-revealed",
                    G_CALLBACK (on_banner_revealed_cb), NULL);
  g_signal_connect (self->synced_revealer, "notify::child-revealed",
                    G_CALLBACK (on_banner_revealed_cb), NULL);
}

void
_cycle_window_merge_dispose (CycleWindow *self)
{
  if (self->folder_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->folder_monitor, self);
      g_file_monitor_cancel (self->folder_monitor);
      g_clear_object (&self->folder_monitor);
    }
  g_clear_handle_id (&self->disk_check_id, g_source_remove);
  g_clear_object (&self->synced_copy);
  g_clear_pointer (&self->synced_put_aside, g_hash_table_unref);
  if (self->conflicts_window != NULL)
    gtk_window_destroy (self->conflicts_window);
}

void
_cycle_window_class_merge_init (CycleWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (CYCLE_TYPE_CONFLICT_LIST);

  gtk_widget_class_bind_template_child (widget_class, CycleWindow, conflicts_revealer);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, conflicts_label);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, synced_revealer);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, synced_label);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, synced_button);
  gtk_widget_class_bind_template_child (widget_class, CycleWindow, synced_dismiss_button);

  gtk_widget_class_install_action (widget_class, "win.show-conflicts", NULL,
                                   show_conflicts_action);
  gtk_widget_class_install_action (widget_class, "win.synced-copy", NULL, synced_copy_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-synced-copy", NULL,
                                   dismiss_synced_copy_action);
}
