/* test-content-entry.c: entering content quickly — a title typed at the top of a board column
 * or of the table, a card renamed in place, a CSV calendar imported through its preview — each
 * one undo step, on a real, virtual display
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-content-entry"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "cycle-board-card-private.h"
#include "cycle-board-column.h"
#include "cycle-content-query.h"
#include "cycle-content-table.h"
#include "cycle-content-view.h"
#include "cycle-import-dialog.h"
#include "cycle-quick-add.h"
#include "cycle-template-dialog.h"
#include "cycle-templates.h"
#include "ui-test-util.h"

/*   s1 Visitors:    c1 "The five-minute pour-over" (p1), c2 "Grind size, explained"
 *   s2 Subscribers: c3 "Monthly brewing letter"
 *   s3 Evangelists: empty */
typedef UiTestContentFixture Fixture;

static CycleContent *
last_content (CycleStage *stage)
{
  guint n = cycle_stage_get_n_content (stage);
  g_autoptr(CycleContent) content = NULL;

  g_assert_cmpuint (n, >, 0);
  content = g_list_model_get_item (cycle_stage_get_content (stage), n - 1);
  return content; /* the plan holds it */
}

/* What Enter in an entry does */
static void
press_enter (GtkEditable *entry)
{
  g_signal_emit_by_name (entry, "activate");
}

/* Types @text into @quick_add's entry and presses Enter (the entry's activate). */
static void
type_and_enter (CycleQuickAdd *quick_add,
                const char    *text)
{
  GtkEditable *entry = cycle_quick_add_get_entry (quick_add);

  gtk_editable_set_text (entry, text);
  press_enter (entry);
  ui_test_drain ();
}

/* Two titles typed at the top of the Subscribers column: two cards at its end, one undo step
 * each, the entry empty and ready for the next; an empty title adds nothing. */
static void
test_quick_add_board (Fixture       *f,
                      gconstpointer  data)
{
  CycleStage *subscribers = cycle_plan_find_stage (f->plan, "s2");
  GtkWidget *column = ui_test_find_widget_full (GTK_WIDGET (f->view), CYCLE_TYPE_BOARD_COLUMN,
                                                TRUE, ui_test_column_has_stage, subscribers);
  CycleQuickAdd *quick_add;
  CycleContent *added;

  g_assert_nonnull (column);
  quick_add = CYCLE_QUICK_ADD (ui_test_find_widget (column, CYCLE_TYPE_QUICK_ADD, TRUE));
  g_assert_true (cycle_quick_add_get_stage (quick_add) == subscribers);

  type_and_enter (quick_add, "  Cupping night  ");
  type_and_enter (quick_add, "Loyalty card");
  g_assert_cmpstr (gtk_editable_get_text (cycle_quick_add_get_entry (quick_add)), ==, "");
  type_and_enter (quick_add, "   ");
  g_assert_cmpuint (cycle_stage_get_n_content (subscribers), ==, 3);
  added = last_content (subscribers);
  g_assert_cmpstr (cycle_content_get_title (added), ==, "Loyalty card");
  ui_test_wait_until (ui_test_find_widget_full (column, CYCLE_TYPE_BOARD_CARD, TRUE,
                                                ui_test_card_has_content, added) != NULL);

  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpuint (cycle_stage_get_n_content (subscribers), ==, 2);
  g_assert_cmpstr (cycle_content_get_title (last_content (subscribers)), ==, "Cupping night");
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpuint (cycle_stage_get_n_content (subscribers), ==, 1);
}

/* The table's entry adds to the stage the table is filtered to, else to the first stage. */
static void
test_quick_add_table (Fixture       *f,
                      gconstpointer  data)
{
  CycleStage *visitors = cycle_plan_find_stage (f->plan, "s1");
  CycleStage *evangelists = cycle_plan_find_stage (f->plan, "s3");
  CycleContentTable *table = cycle_content_view_get_table (f->view);
  CycleQuickAdd *quick_add;

  cycle_content_view_set_page (f->view, "table");
  ui_test_wait_for_draw (GTK_WIDGET (table));
  quick_add = CYCLE_QUICK_ADD (ui_test_find_widget (GTK_WIDGET (table), CYCLE_TYPE_QUICK_ADD,
                                                    TRUE));
  g_assert_true (cycle_quick_add_get_stage (quick_add) == visitors);

  cycle_content_query_set_stage (cycle_content_table_get_query (table), evangelists);
  g_assert_true (cycle_quick_add_get_stage (quick_add) == evangelists);
  type_and_enter (quick_add, "Referral thank-you");
  g_assert_cmpuint (cycle_stage_get_n_content (evangelists), ==, 1);
  g_assert_cmpstr (cycle_content_get_title (last_content (evangelists)), ==,
                   "Referral thank-you");
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpuint (cycle_stage_get_n_content (evangelists), ==, 0);
}

/* F2 on a card: its title in an entry; Enter writes it as one undo step; an empty title is
 * refused and leaves the entry open. */
static void
test_rename_card (Fixture       *f,
                  gconstpointer  data)
{
  CycleContent *content = cycle_plan_find_content (f->plan, "c1");
  CycleBoardCard *card = (CycleBoardCard *)
                         ui_test_find_widget_full (GTK_WIDGET (f->view), CYCLE_TYPE_BOARD_CARD,
                                                   TRUE, ui_test_card_has_content, content);
  GtkEditable *entry;

  g_assert_nonnull (card);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (card), "card.rename", NULL));
  ui_test_wait_until ((entry = _cycle_board_card_get_rename_entry (card)) != NULL);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "The five-minute pour-over");

  gtk_editable_set_text (entry, "");
  press_enter (entry);
  g_assert_nonnull (_cycle_board_card_get_rename_entry (card));
  g_assert_cmpstr (cycle_content_get_title (content), ==, "The five-minute pour-over");

  gtk_editable_set_text (entry, "The four-minute pour-over");
  press_enter (entry);
  ui_test_wait_until (_cycle_board_card_get_rename_entry (card) == NULL);
  g_assert_cmpstr (cycle_content_get_title (content), ==, "The four-minute pour-over");
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpstr (cycle_content_get_title (content), ==, "The five-minute pour-over");
}

/* The import dialog: what will be added, nothing before Import, all of it in one step after;
 * text that is not a calendar says why and imports nothing. */
static void
test_import_dialog (Fixture       *f,
                    gconstpointer  data)
{
  static const char csv[] = "\xEF\xBB\xBF" "Title;Stage\r\nCupping night;Subscribers\r\n"
                            "Tote bag;Nowhere\r\nLoyalty card;Evangelists\r\n";
  CycleStage *subscribers = cycle_plan_find_stage (f->plan, "s2");
  CycleStage *evangelists = cycle_plan_find_stage (f->plan, "s3");
  GtkWindow *dialog;

  dialog = cycle_content_view_import (f->view, csv, strlen (csv), NULL, "“c.csv”");
  g_assert_nonnull (dialog);
  g_assert_cmpuint (cycle_import_dialog_get_n_items (CYCLE_IMPORT_DIALOG (dialog)), ==, 2);
  g_assert_cmpuint (cycle_stage_get_n_content (subscribers), ==, 1);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL));
  ui_test_wait_until (dialog == NULL);
  g_assert_cmpuint (cycle_stage_get_n_content (subscribers), ==, 2);
  g_assert_cmpuint (cycle_stage_get_n_content (evangelists), ==, 1);
  g_assert_cmpstr (cycle_plan_get_undo_label (f->plan), ==, "Import Content");
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpuint (cycle_stage_get_n_content (subscribers), ==, 1);
  g_assert_cmpuint (cycle_stage_get_n_content (evangelists), ==, 0);

  dialog = cycle_content_view_import (f->view, "a,b\n1,2\n", 8, NULL, "“c.csv”");
  g_assert_cmpuint (cycle_import_dialog_get_n_items (CYCLE_IMPORT_DIALOG (dialog)), ==, 0);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL) &&
                  cycle_stage_get_n_content (subscribers) != 1);
  gtk_window_destroy (dialog);
}

static CycleImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (CYCLE_IS_IMPORT_DIALOG (window))
        return CYCLE_IMPORT_DIALOG (window); /* GTK holds it */
    }
  return NULL;
}

/* Rows copied from a spreadsheet (tab-separated, no header) pasted with Ctrl+V: the import
 * dialog, rows without a stage going to the selected stage. */
static void
test_paste_rows (Fixture       *f,
                 gconstpointer  data)
{
  CycleStage *subscribers = cycle_plan_find_stage (f->plan, "s2");
  CycleStage *evangelists = cycle_plan_find_stage (f->plan, "s3");
  CycleImportDialog *dialog = NULL;

  cycle_content_view_set_stage (f->view, evangelists);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (f->view)),
                          "Subscribers\t\tCupping night\n\t\tLoyalty card\n");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "content.paste", NULL));
  ui_test_wait_until ((dialog = find_import_dialog ()) != NULL);
  g_assert_cmpuint (cycle_import_dialog_get_n_items (dialog), ==, 2);
  cycle_import_dialog_apply (dialog);
  ui_test_wait_until (find_import_dialog () == NULL);
  g_assert_cmpuint (cycle_stage_get_n_content (subscribers), ==, 2);
  g_assert_cmpstr (cycle_content_get_title (last_content (evangelists)), ==, "Loyalty card");
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpuint (cycle_stage_get_n_content (subscribers), ==, 1);
  g_assert_cmpuint (cycle_stage_get_n_content (evangelists), ==, 0);
}

static void
on_text_read_cb (GObject      *clipboard,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

/* Ctrl+C on a card: its row as a spreadsheet copies it (the header, then tab-separated cells);
 * Ctrl+V on the content page brings it back as new content, through the import's preview. */
static void
test_copy_paste_card (Fixture       *f,
                      gconstpointer  data)
{
  CycleContent *content = cycle_plan_find_content (f->plan, "c3");
  CycleStage *subscribers = cycle_plan_find_stage (f->plan, "s2");
  GtkWidget *card = ui_test_find_widget_full (GTK_WIDGET (f->view), CYCLE_TYPE_BOARD_CARD, TRUE,
                                              ui_test_card_has_content, content);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (f->view));
  g_autofree char *text = NULL;
  CycleImportDialog *dialog = NULL;
  CycleContent *copy;

  g_assert_nonnull (card);
  g_assert_true (gtk_widget_activate_action (card, "card.copy", NULL));
  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read_cb, &text);
  ui_test_wait_until (text != NULL);
  g_assert_true (g_str_has_prefix (text, "Stage\tPersona\tTitle\t"));
  g_assert_nonnull (strstr (text, "\r\nSubscribers\t"));
  g_assert_nonnull (strstr (text, "\tMonthly brewing letter\t"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "content.paste", NULL));
  ui_test_wait_until ((dialog = find_import_dialog ()) != NULL);
  g_assert_cmpuint (cycle_import_dialog_get_n_items (dialog), ==, 1);
  cycle_import_dialog_apply (dialog);
  ui_test_wait_until (find_import_dialog () == NULL);
  g_assert_cmpuint (cycle_stage_get_n_content (subscribers), ==, 2);
  copy = last_content (subscribers);
  g_assert_true (copy != content);
  g_assert_cmpstr (cycle_content_get_title (copy), ==, "Monthly brewing letter");
  g_assert_cmpint (cycle_content_get_status (copy), ==, cycle_content_get_status (content));
}

static void
on_template_chosen_cb (CycleTemplateDialog *dialog,
                       const char          *id,
                       CyclePlan          **plan)
{
  *plan = cycle_templates_create_full (id, cycle_template_dialog_get_with_content (dialog)
                                           ? CYCLE_TEMPLATE_NONE : CYCLE_TEMPLATE_NO_CONTENT);
}

/* The template dialog offers to start without the example content: on by default, and what
 * the choice says when Create is pressed. */
static void
test_template_without_content (void)
{
  CycleTemplateDialog *dialog = cycle_template_dialog_new (NULL);
  g_autoptr(CyclePlan) plan = NULL;

  g_assert_true (cycle_template_dialog_get_with_content (dialog));
  g_assert_true (cycle_template_dialog_select (dialog, "internal-funnel"));
  cycle_template_dialog_set_with_content (dialog, FALSE);
  g_signal_connect (dialog, "template-chosen", G_CALLBACK (on_template_chosen_cb), &plan);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "template.create", NULL));
  ui_test_wait_until (plan != NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_stages (plan)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_all_content (plan)), ==, 0);
  ui_test_destroy_toplevels ();
}

/* A plan the team saved as a template is offered beside the built-in ones, and a new plan
 * starts from it, here without its content. */
static void
test_team_template (void)
{
  g_autoptr(CyclePlan) plan = ui_test_load_sample ();
  g_autoptr(CyclePlan) made = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  CycleTemplateDialog *dialog;

  file = cycle_templates_save_user (plan, "Coffee club", &error);
  g_assert_no_error (error);
  uri = g_file_get_uri (file);

  dialog = cycle_template_dialog_new (NULL);
  g_assert_true (cycle_template_dialog_select (dialog, uri));
  g_assert_cmpstr (cycle_template_dialog_get_selected (dialog), ==, uri);
  cycle_template_dialog_set_with_content (dialog, FALSE);
  g_signal_connect (dialog, "template-chosen", G_CALLBACK (on_template_chosen_cb), &made);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "template.create", NULL));
  ui_test_wait_until (made != NULL);
  g_assert_cmpstr (cycle_plan_get_title (made), ==, cycle_plan_get_title (plan));
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_stages (made)), ==,
                    g_list_model_get_n_items (cycle_plan_get_stages (plan)));
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_all_content (made)), ==, 0);
  ui_test_destroy_toplevels ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("cycle-content-entry-XXXXXX", NULL);
  g_autofree char *templates = NULL;
  int status;

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  /* The team's templates go to a temporary data folder (set before GLib reads it; GLib's
   * G_TEST_OPTION_ISOLATE_DIRS would also hide the system's MIME data, which icons need). */
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, ui_test_content_fixture_set_up, func, \
              ui_test_content_fixture_tear_down)
  ADD ("/content-entry/quick-add/board", test_quick_add_board);
  ADD ("/content-entry/quick-add/table", test_quick_add_table);
  ADD ("/content-entry/rename-card", test_rename_card);
  ADD ("/content-entry/import-dialog", test_import_dialog);
  ADD ("/content-entry/paste-rows", test_paste_rows);
  ADD ("/content-entry/copy-paste-card", test_copy_paste_card);
#undef ADD
  g_test_add_func ("/content-entry/template-without-content", test_template_without_content);
  g_test_add_func ("/content-entry/team-template", test_team_template);

  status = g_test_run ();

  templates = cycle_templates_get_user_dir ();
  ui_test_remove_temp_dir (templates);
  {
    g_autofree char *cycle_dir = g_path_get_dirname (templates);

    ui_test_remove_temp_dir (cycle_dir);
  }
  ui_test_remove_temp_dir (data_home);
  return status;
}
