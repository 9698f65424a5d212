/* test-french.c: the window in French, with the catalog built in this build directory
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-french"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cycle-application.h"
#include "cycle-window.h"
#include "ui-test-util.h"

static CycleApplication *app;

/* Whether a mapped widget in @widget's tree shows @text as its label, tooltip or title. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (gtk_widget_get_mapped (widget))
    {
      if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
        return TRUE;
      if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
        return TRUE;
      if (ADW_IS_STATUS_PAGE (widget) &&
          g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0)
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;

  return FALSE;
}

/* The labels of @menu's items, with their sections', in one string. */
static void
collect_menu_labels (GMenuModel *menu,
                     GString    *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_string_append_printf (labels, "%s\n", label);
      if (section != NULL)
        collect_menu_labels (section, labels);
    }
}

static gboolean
is_primary (GtkWidget     *widget,
            gconstpointer  data)
{
  return gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static GtkWidget *
find_menu_button (GtkWidget *widget)
{
  return ui_test_find_widget_full (widget, GTK_TYPE_MENU_BUTTON, FALSE, is_primary, NULL);
}

static void
test_window_in_french (void)
{
  CycleWindow *window;
  GtkWidget *menu_button;
  g_autoptr(GString) labels = g_string_new (NULL);

  /* The strings of the code and of the templates both. */
  g_assert_cmpstr (_("Undo"), ==, "Annuler");

  window = cycle_window_new (GTK_APPLICATION (app), NULL);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));

  g_assert_true (shows_text (GTK_WIDGET (window), "Annuler"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Aucune étape pour l’instant"));
  g_assert_true (shows_text (GTK_WIDGET (window), "Menu principal"));
  /* The view switcher's page */
  g_assert_true (shows_text (GTK_WIDGET (window), "Plan"));
  /* An untitled plan */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Plan sans titre");

  menu_button = find_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (menu_button);
  collect_menu_labels (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), labels);
  g_test_message ("primary menu: %s", labels->str);
  g_assert_nonnull (strstr (labels->str, "Nouveau à partir d’un _modèle…\n"));
  g_assert_nonnull (strstr (labels->str, "Enregistrer _sous…\n"));
  g_assert_nonnull (strstr (labels->str, "Raccourcis _clavier\n"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po_dir = NULL;
  g_autofree char *mo = NULL;

  /* LANGUAGE picks the catalog; the C.UTF-8 locale of the tests is enough for that (gettext
   * ignores LANGUAGE only under plain "C"), so no French locale needs generating. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  /* The catalog i18n.gettext builds in this build directory, not an installed one. */
  po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  mo = g_build_filename (po_dir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      /* TAP: the whole file skipped (meson test builds only what tests depend on). */
      g_print ("1..0 # SKIP the French catalog %s is not built\n", mo);
      return 0;
    }
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ui_test_app_new ();

  g_test_add_func ("/french/window", test_window_in_french);

  return ui_test_run (app);
}
