/* cycle-application.c: the application — windows, app-wide actions and opening files
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-application"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "cycle-application.h"
#include "cycle-document.h"
#include "cycle-drafts.h"
#include "cycle-message-dialog.h"
#include "cycle-preferences.h"
#include "cycle-session.h"
#include "cycle-template-dialog.h"
#include "cycle-templates.h"
#include "cycle-window.h"

struct _CycleApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  CycleSession   *session;
  /* What a crash left is offered once, with the first window. */
  guint           recovery_offered : 1;
};

G_DEFINE_FINAL_TYPE (CycleApplication, cycle_application, ADW_TYPE_APPLICATION)

/* A new plan, as the settings say: the window starts it from the default template. */
static CycleWindow *
cycle_application_new_window (CycleApplication *self)
{
  return cycle_window_new (GTK_APPLICATION (self), NULL);
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
  gboolean new_window = FALSE;

  g_return_if_fail (CYCLE_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A window is needed even when loading fails: it carries the error dialog. The window opens the
   * file into itself when it is still pristine, else into a new window. */
  window = cycle_application_get_active_cycle_window (self);
  if (window == NULL)
    {
      window = cycle_application_new_window (self);
      new_window = TRUE;
    }

  gtk_window_present (GTK_WINDOW (window));
  /* A window made for this file goes if its loading is cancelled */
  cycle_window_open_file_full (window, file, new_window);
}

/* ------------------------------------------------------------------------------------------------
 * Recovering the drafts a crash left
 */

/* The window that shows @file as it is on disk (opened, unmodified), if any: a draft of that
 * file is recovered there rather than beside it, so that no window is left showing the plan
 * from before the crash, which saving would then have to fight over. */
static CycleWindow *
window_showing_file (CycleApplication *self,
                     GFile            *file)
{
  if (file == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CYCLE_IS_WINDOW (l->data) && !cycle_window_is_opening (l->data) &&
        cycle_window_shows_file (l->data, file) &&
        !cycle_plan_get_modified (cycle_document_get_plan (cycle_window_get_document (l->data))))
      return l->data;

  return NULL;
}

static void
recover_drafts (CycleApplication *self,
                GPtrArray        *drafts)
{
  for (guint i = 0; i < drafts->len; i++)
    {
      const CycleDraft *draft = g_ptr_array_index (drafts, i);
      g_autoptr(CycleDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      CycleWindow *window;

      document = cycle_drafts_load (draft, &error);
      if (document == NULL)
        {
          /* Kept on disk: it is offered again next time. */
          g_message ("Could not recover the draft %s: %s", draft->id, error->message);
          continue;
        }

      window = window_showing_file (self, cycle_document_get_file (document));
      if (window == NULL)
        {
          window = cycle_application_get_active_cycle_window (self);
          if (window != NULL && !cycle_window_is_pristine (window))
            window = NULL;
        }
      if (window != NULL)
        cycle_window_set_document (window, document);
      else
        window = cycle_window_new (GTK_APPLICATION (self), document);

      /* The window's document autosaves over the draft it came from until it is saved. */
      cycle_session_remove_document (self->session, document);
      cycle_session_add_document (self->session, document, draft->id);

      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
on_recovery_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         CycleApplication *self)
{
  GPtrArray *drafts = g_object_get_data (G_OBJECT (dialog), "drafts");

  if (g_strcmp0 (response, "recover") == 0)
    {
      recover_drafts (self, drafts);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      GFile *dir = cycle_session_get_drafts_dir (self->session);

      for (guint i = 0; i < drafts->len; i++)
        {
          const CycleDraft *draft = g_ptr_array_index (drafts, i);
          g_autoptr(GError) error = NULL;

          if (!cycle_drafts_delete (dir, draft->id, &error))
            g_message ("Could not remove the draft %s: %s", draft->id, error->message);
        }
    }
  /* "later": the drafts stay for next time. */
}

static char *
describe_drafts (GPtrArray *drafts)
{
  GString *body = g_string_new (_("Cycle did not close properly last time. These plans have "
                                  "changes that were not saved:"));

  for (guint i = 0; i < drafts->len; i++)
    {
      const CycleDraft *draft = g_ptr_array_index (drafts, i);
      g_autofree char *name = NULL;

      if (draft->title != NULL && *draft->title != '\0')
        name = g_strdup (draft->title);
      else if (draft->uri != NULL)
        {
          g_autoptr(GFile) file = g_file_new_for_uri (draft->uri);

          name = g_file_get_basename (file);
        }
      else
        name = g_strdup (_("Untitled Plan"));

      g_string_append (body, "\n");
      /* Translators: one line of the list of plans to recover; %s is the plan's name */
      g_string_append_printf (body, _("• %s"), name);
    }

  return g_string_free (body, FALSE);
}

/* Offers to recover the drafts that no window owns: what a crash left. Called once, when the
 * first window shows. */
static void
cycle_application_offer_recovery (CycleApplication *self,
                                  GtkWindow        *parent)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  drafts = cycle_session_list_orphans (self->session);
  if (drafts->len == 0)
    return;

  body = describe_drafts (drafts);
  dialog = adw_message_dialog_new (parent, _("Recover Unsaved Changes?"), body);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "drafts", g_steal_pointer (&drafts),
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

CycleSession *
cycle_application_get_session (CycleApplication *self)
{
  g_return_val_if_fail (CYCLE_IS_APPLICATION (self), NULL);

  return self->session;
}

GSettings *
cycle_application_get_settings (CycleApplication *self)
{
  g_return_val_if_fail (CYCLE_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* bench-startup's hook (CYCLE_BENCH_FIRST_FRAME set): once the first window has drawn its
 * first frame, print when (g_get_monotonic_time (), which is the system's monotonic clock) and
 * leave at once — the window is new and empty, there is nothing to save. */
static void
on_first_frame_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  _exit (0);
}

static void
on_bench_window_map_cb (GtkWidget *window,
                        gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_first_frame_cb), NULL);
}

static void
cycle_application_activate (GApplication *app)
{
  CycleApplication *self = CYCLE_APPLICATION (app);
  CycleWindow *window = cycle_application_new_window (self);

  if (g_getenv ("CYCLE_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (window, "map", G_CALLBACK (on_bench_window_map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
  cycle_application_offer_recovery (self, GTK_WINDOW (window));
}

static void
cycle_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  CycleApplication *self = CYCLE_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    cycle_application_open_file (self, files[i]);

  cycle_application_offer_recovery (self,
                                    gtk_application_get_active_window (GTK_APPLICATION (app)));
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
  const char *designers[] = { _("The Cycle authors"), NULL };
  const char *ideas[] = {
    /* Translators: a credit in the About window, for the ideas Cycle's checks come from */
    _("Seth Godin’s permission marketing"),
    /* Translators: a credit in the About window, for the ideas Cycle's checks come from */
    _("Simon Sinek’s golden circle"),
    NULL
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", _("Cycle"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", developers[0],
                        "developers", developers,
                        "designers", designers,
                        "copyright", _("© 2026 The Cycle authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://example.org/cycle",
                        "issue-url", "https://example.org/cycle/issues",
                        "release-notes-version", PACKAGE_VERSION,
                        /* Translators: the release notes in the About window, as in the
                         * metainfo; keep the <p> tags */
                        "release-notes", _("<p>The first release.</p>"),
                        /* Translators: your names, one a line, as you want them credited */
                        "translator-credits", _("translator-credits"),
                        NULL);
  /* Translators: the heading of a credits section in the About window */
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Built on ideas from"), ideas);
  gtk_window_present (GTK_WINDOW (about));
}

static void
cycle_application_preferences_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  CyclePreferences *preferences;

  preferences = cycle_preferences_new (gtk_application_get_active_window (app));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* Without the help viewer, GIO says only "Operation not supported": say what is missing and
 * where the guide's pages are. */
static void
on_help_shown_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *pages = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* The pages in the interface's language when they are installed ("fr"), else in English. */
  for (const char * const *language = g_get_language_names (); *language != NULL; language++)
    {
      g_free (pages);
      pages = g_build_filename (DATADIR, "help", *language, PACKAGE_NAME, NULL);
      if (g_file_test (pages, G_FILE_TEST_IS_DIR))
        break;
    }
  /* Translators: %s is a folder, "/usr/share/help/C/cycle" */
  body = g_strdup_printf (_("Cycle’s guide is read with the GNOME help viewer, which is not "
                            "installed here. Install the package “yelp” to read it, or open its "
                            "pages in %s."), pages);
  cycle_message_dialog_show (GTK_WINDOW (source), _("Could Not Open the Guide"), body);
}

static void
cycle_application_help_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (app);

  if (window == NULL)
    return;
  gtk_show_uri_full (window, "help:" PACKAGE_NAME, GDK_CURRENT_TIME, NULL, on_help_shown_cb,
                     NULL);
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
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(CycleDocument) document = NULL;

  plan = cycle_templates_create_full (id, cycle_template_dialog_get_with_content (dialog)
                                          ? CYCLE_TEMPLATE_NONE : CYCLE_TEMPLATE_NO_CONTENT);

  g_return_if_fail (plan != NULL);

  document = g_object_new (CYCLE_TYPE_DOCUMENT, "plan", plan, NULL);

  /* Like opening a file: into the window when it holds nothing yet, else into a new one. */
  if (window != NULL && cycle_window_is_pristine (window))
    cycle_window_set_document (window, document);
  else
    window = cycle_window_new (GTK_APPLICATION (self), document);

  gtk_window_present (GTK_WINDOW (window));
  /* The plan is there to work on: the keyboard goes to it, not to "New Plan" */
  cycle_window_focus_plan (window);
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
  { .name = "preferences", .activate = cycle_application_preferences_action },
  { .name = "help", .activate = cycle_application_help_action },
  { .name = "new-window", .activate = cycle_application_new_window_action },
  { .name = "new-from-template", .activate = cycle_application_new_from_template_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.help", { "F1", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "app.new-from-template", { "<Shift><Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Shift><Control>s", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Shift><Control>z", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.rename-stage", { "F2", NULL } },
  { "win.add-content", { "<Control><Alt>n", NULL } },
  { "win.personas", { "<Control><Alt>p", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

/* "default" follows the system's preference (light unless it asks for dark). */
static void
on_color_scheme_changed_cb (CycleApplication *self,
                            const char       *key,
                            GSettings        *settings)
{
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_strcmp0 (scheme, "light") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_strcmp0 (scheme, "dark") == 0)
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

static void
cycle_application_startup (GApplication *app)
{
  CycleApplication *self = CYCLE_APPLICATION (app);
  g_autoptr(GFile) drafts_dir = cycle_drafts_get_default_dir ();

  G_APPLICATION_CLASS (cycle_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);
  self->session = cycle_session_new (self->settings, drafts_dir);

  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (on_color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  on_color_scheme_changed_cb (self, "color-scheme", self->settings);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);

  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), app_accels[i].action,
                                           app_accels[i].accels);
}

static void
cycle_application_dispose (GObject *object)
{
  CycleApplication *self = CYCLE_APPLICATION (object);

  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cycle_application_parent_class)->dispose (object);
}

static void
cycle_application_class_init (CycleApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cycle_application_dispose;

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
