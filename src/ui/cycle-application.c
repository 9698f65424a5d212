/* cycle-application.c: the application — windows, app-wide actions and opening files
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-application.h"
#include "cycle-document.h"
#include "cycle-template-dialog.h"
#include "cycle-templates.h"
#include "cycle-window.h"

struct _CycleApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (CycleApplication, cycle_application, ADW_TYPE_APPLICATION)

static CycleWindow *
cycle_application_new_window (CycleApplication *self)
{
  g_autoptr(CycleDocument) document = cycle_document_new ();

  return cycle_window_new (GTK_APPLICATION (self), document);
}

static CycleWindow *
cycle_application_get_active_cycle_window (CycleApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return CYCLE_IS_WINDOW (window) ? CYCLE_WINDOW (window) : NULL;
}

void
cycle_application_open_file (CycleApplication *self,
                             GFile            *file)
{
  CycleWindow *window;

  g_return_if_fail (CYCLE_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A window is needed even when loading fails: it carries the error dialog. The window opens the
   * file into itself when it is still pristine, else into a new window. */
  window = cycle_application_get_active_cycle_window (self);
  if (window == NULL)
    window = cycle_application_new_window (self);

  gtk_window_present (GTK_WINDOW (window));
  cycle_window_open_file (window, file);
}

static void
cycle_application_activate (GApplication *app)
{
  CycleWindow *window = cycle_application_new_window (CYCLE_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
}

static void
cycle_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    cycle_application_open_file (CYCLE_APPLICATION (app), files[i]);
}

static void
cycle_application_quit_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Each window goes through its own close path, which asks about unsaved changes. The
   * application ends by itself when the last window is gone. */
  g_list_foreach (windows, (GFunc) g_object_ref, NULL);
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
}

static void
cycle_application_about_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Cycle authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Cycle"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", developers[0],
                        "developers", developers,
                        "copyright", _("© 2026 The Cycle authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://example.org/cycle",
                        /* Translators: your names, one a line, as you want them credited */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
cycle_application_new_window_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  CycleWindow *window = cycle_application_new_window (CYCLE_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
}

static void
on_template_chosen_cb (CycleTemplateDialog *dialog,
                       const char          *id,
                       gpointer             user_data)
{
  CycleApplication *self = CYCLE_APPLICATION (user_data);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  CycleWindow *window = CYCLE_IS_WINDOW (parent) ? CYCLE_WINDOW (parent) : NULL;
  g_autoptr(CyclePlan) plan = cycle_templates_create (id);
  g_autoptr(CycleDocument) document = NULL;

  g_return_if_fail (plan != NULL);

  document = g_object_new (CYCLE_TYPE_DOCUMENT, "plan", plan, NULL);

  /* Like opening a file: into the window when it holds nothing yet, else into a new one. */
  if (window != NULL && cycle_window_is_pristine (window))
    cycle_window_set_document (window, document);
  else
    window = cycle_window_new (GTK_APPLICATION (self), document);

  gtk_window_present (GTK_WINDOW (window));
}

static void
cycle_application_new_from_template_action (GSimpleAction *action,
                                            GVariant      *parameter,
                                            gpointer       user_data)
{
  CycleApplication *self = CYCLE_APPLICATION (user_data);
  CycleWindow *window = cycle_application_get_active_cycle_window (self);
  CycleTemplateDialog *dialog;

  if (window == NULL)
    window = cycle_application_new_window (self);
  gtk_window_present (GTK_WINDOW (window));

  dialog = cycle_template_dialog_new (GTK_WINDOW (window));
  g_signal_connect_object (dialog, "template-chosen", G_CALLBACK (on_template_chosen_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = cycle_application_quit_action },
  { .name = "about", .activate = cycle_application_about_action },
  { .name = "new-window", .activate = cycle_application_new_window_action },
  { .name = "new-from-template", .activate = cycle_application_new_from_template_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "app.new-from-template", { "<Shift><Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Shift><Control>s", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Shift><Control>z", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.rename-stage", { "F2", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

static void
cycle_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (cycle_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), app_accels[i].action,
                                           app_accels[i].accels);
}

static void
cycle_application_class_init (CycleApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = cycle_application_startup;
  app_class->activate = cycle_application_activate;
  app_class->open = cycle_application_open;
}

static void
cycle_application_init (CycleApplication *self)
{
}

CycleApplication *
cycle_application_new (void)
{
  return g_object_new (CYCLE_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/Cycle",
                       NULL);
}
