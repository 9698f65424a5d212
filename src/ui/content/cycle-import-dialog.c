/* cycle-import-dialog.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-export.h"
#include "cycle-import-dialog.h"

struct _CycleImportDialog
{
  AdwWindow       parent_instance;

  CycleCsvImport *import;

  /* Template widgets */
  GtkLabel       *summary_label;
  GtkWidget      *import_button;
  GtkWidget      *problems_group;
  GtkListBox     *problems_list;
  GtkWidget      *added_group;
  GtkListBox     *added_list;
};

G_DEFINE_FINAL_TYPE (CycleImportDialog, cycle_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
row_new (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* What people typed is text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
show_import (CycleImportDialog *self,
             const char        *source_name)
{
  guint n = cycle_csv_import_get_n_items (self->import);
  GPtrArray *problems = cycle_csv_import_get_problems (self->import);
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n; i++)
    {
      CycleStage *stage = cycle_csv_import_get_stage (self->import, i);
      CycleContent *content = cycle_csv_import_get_content (self->import, i);
      /* Translators: under a piece of content to import; %s is a stage, %u a spreadsheet row */
      g_autofree char *where = g_strdup_printf (_("%s · row %u"), cycle_stage_get_name (stage),
                                                cycle_csv_import_get_row (self->import, i));

      gtk_list_box_append (self->added_list, row_new (cycle_content_get_title (content), where));
    }
  for (guint i = 0; i < problems->len; i++)
    gtk_list_box_append (self->problems_list, row_new (g_ptr_array_index (problems, i), NULL));

  gtk_widget_set_visible (self->added_group, n > 0);
  gtk_widget_set_visible (self->problems_group, problems->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", n > 0);

  if (n == 0)
    summary = g_strdup_printf (_("Nothing to add from %s: no row has both a title and the name "
                                 "of one of the plan’s stages."), source_name);
  else if (problems->len == 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u piece of content will be added from %s.",
                                            "%u pieces of content will be added from %s.", n),
                               n, source_name);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u piece of content will be added from %s; some "
                                            "rows were not read as they are (below).",
                                            "%u pieces of content will be added from %s; some "
                                            "rows were not read as they are (below).", n),
                               n, source_name);
  gtk_label_set_text (self->summary_label, summary);
}

static void
show_error (CycleImportDialog *self,
            const char        *source_name,
            const GError      *error)
{
  /* Translators: %s names a file (or the clipboard), the second %s says what is wrong */
  g_autofree char *summary = g_strdup_printf (_("Nothing can be imported from %s: %s."),
                                              source_name, error->message);

  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (self->added_group, FALSE);
  gtk_widget_set_visible (self->problems_group, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
}

CycleImportDialog *
cycle_import_dialog_new (GtkWindow  *parent,
                         CyclePlan  *plan,
                         const char *data,
                         gsize       length,
                         CycleStage *default_stage,
                         const char *source_name)
{
  CycleImportDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (source_name != NULL, NULL);

  self = g_object_new (CYCLE_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->import = cycle_csv_import_new (plan, data, length, default_stage, &error);
  if (self->import != NULL)
    show_import (self, source_name);
  else
    show_error (self, source_name, error);

  return self;
}

guint
cycle_import_dialog_get_n_items (CycleImportDialog *self)
{
  g_return_val_if_fail (CYCLE_IS_IMPORT_DIALOG (self), 0);

  return self->import != NULL ? cycle_csv_import_get_n_items (self->import) : 0;
}

void
cycle_import_dialog_apply (CycleImportDialog *self)
{
  int added;

  g_return_if_fail (CYCLE_IS_IMPORT_DIALOG (self));

  if (cycle_import_dialog_get_n_items (self) == 0)
    return;

  added = cycle_csv_import_apply (self->import);
  g_clear_pointer (&self->import, cycle_csv_import_free);
  g_signal_emit (self, signals[IMPORTED], 0, (guint) MAX (added, 0));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  cycle_import_dialog_apply (CYCLE_IMPORT_DIALOG (widget));
}

static void
cycle_import_dialog_dispose (GObject *object)
{
  CycleImportDialog *self = CYCLE_IMPORT_DIALOG (object);

  g_clear_pointer (&self->import, cycle_csv_import_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (cycle_import_dialog_parent_class)->dispose (object);
}

static void
cycle_import_dialog_map (GtkWidget *widget)
{
  CycleImportDialog *self = CYCLE_IMPORT_DIALOG (widget);

  GTK_WIDGET_CLASS (cycle_import_dialog_parent_class)->map (widget);

  /* Import has the keyboard, once the window is mapped: GTK 4.8 tells screen readers a window
   * is a "filler", never active, when one of its widgets is focused before it is mapped. */
  gtk_widget_grab_focus (self->import_button);
}

static void
cycle_import_dialog_class_init (CycleImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_import_dialog_dispose;
  widget_class->map = cycle_import_dialog_map;

  /* Emitted once the content is in the plan, with how many pieces were added. */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CycleImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CycleImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, CycleImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, CycleImportDialog, added_group);
  gtk_widget_class_bind_template_child (widget_class, CycleImportDialog, added_list);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cycle_import_dialog_init (CycleImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
}
