/* test-content-bulk.c: several pieces of content selected on the board (across columns) and in
 * the table, the way GTK selects them (Ctrl+click, Shift+click, Ctrl+Space, Shift+arrows all go
 * through the list's "list.select-item"), then changed all at once — one undo step each, undo
 * restoring the plan to the byte — on a real, virtual display
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-content-bulk"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "cycle-board-card.h"
#include "cycle-board-column.h"
#include "cycle-content-bulk-bar.h"
#include "cycle-content-table.h"
#include "cycle-content-view.h"
#include "cycle-plan-io.h"
#include "ui-test-util.h"

/*   s1 Visitors:    c1 "The five-minute pour-over" (p1, published), c2 "Grind size, explained"
 *                   (draft)
 *   s2 Subscribers: c3 "Monthly brewing letter" (scheduled)
 *   s3 Evangelists: empty */
typedef UiTestContentFixture Fixture;

static char *
snapshot (CyclePlan *plan)
{
  g_autoptr(GBytes) bytes = cycle_plan_to_bytes (plan);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The cards of the column of stage @id */
static GtkWidget *
cards_of (Fixture    *f,
          const char *id)
{
  GtkWidget *column = ui_test_find_widget_full (GTK_WIDGET (f->view), CYCLE_TYPE_BOARD_COLUMN,
                                                TRUE, ui_test_column_has_stage,
                                                cycle_plan_find_stage (f->plan, id));

  g_assert_nonnull (column);
  return ui_test_find_widget (column, GTK_TYPE_GRID_VIEW, TRUE);
}

/* A click on the row at @position of @list, with Ctrl (@modify) or Shift (@extend) */
static void
click_row (GtkWidget *list,
           guint      position,
           gboolean   modify,
           gboolean   extend)
{
  ui_test_activate (list, "list.select-item",
                    g_variant_new ("(ubb)", position, modify, extend));
}

/* Whether the card of @content shows as selected (its row's state, which AT-SPI reads) */
static gboolean
card_selected (Fixture      *f,
               CycleContent *content)
{
  GtkWidget *card = ui_test_find_widget_full (GTK_WIDGET (f->view), CYCLE_TYPE_BOARD_CARD, TRUE,
                                              ui_test_card_has_content, content);

  g_assert_nonnull (card);
  return (gtk_widget_get_state_flags (gtk_widget_get_parent (card)) &
          GTK_STATE_FLAG_SELECTED) != 0;
}

static CycleContentBulkBar *
bulk_bar_of (GtkWidget *widget)
{
  GtkWidget *bar = ui_test_find_widget (widget, CYCLE_TYPE_CONTENT_BULK_BAR, FALSE);

  g_assert_nonnull (bar);
  return CYCLE_CONTENT_BULK_BAR (bar);
}

static void
assert_count (CycleContentBulkBar *bar,
              const char          *text)
{
  GtkWidget *label = ui_test_find_widget (GTK_WIDGET (bar), GTK_TYPE_LABEL, FALSE);

  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, text);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
}

/* Undo once: the plan as it was, to the byte */
static void
undo_to (Fixture    *f,
         const char *before)
{
  g_autofree char *now = NULL;

  g_assert_true (cycle_plan_undo (f->plan));
  ui_test_drain ();
  now = snapshot (f->plan);
  g_assert_cmpstr (now, ==, before);
}

static void
test_board (Fixture       *f,
            gconstpointer  data)
{
  CycleContent *c1 = cycle_plan_find_content (f->plan, "c1");
  CycleContent *c2 = cycle_plan_find_content (f->plan, "c2");
  CycleContent *c3 = cycle_plan_find_content (f->plan, "c3");
  CycleStage *evangelists = cycle_plan_find_stage (f->plan, "s3");
  GtkWidget *visitors = cards_of (f, "s1");
  GtkWidget *subscribers = cards_of (f, "s2");
  GtkWidget *board = GTK_WIDGET (cycle_content_view_get_board (f->view));
  CycleContentBulkBar *bar = bulk_bar_of (board);
  g_autofree char *before = snapshot (f->plan);
  g_autoptr(GtkWidget) card = NULL;

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));

  /* A click, then Ctrl+click in another column and back in the first: three, across columns */
  click_row (visitors, 0, FALSE, FALSE);
  assert_count (bar, "1 selected");
  click_row (subscribers, 0, TRUE, FALSE);
  click_row (visitors, 1, TRUE, FALSE);
  assert_count (bar, "3 selected");
  g_assert_true (card_selected (f, c1));
  g_assert_true (card_selected (f, c2));
  g_assert_true (card_selected (f, c3));

  /* Status for all three, one step */
  ui_test_activate (board, "bulk.set-status", g_variant_new_string ("idea"));
  g_assert_cmpint (cycle_content_get_status (c1), ==, CYCLE_STATUS_IDEA);
  g_assert_cmpint (cycle_content_get_status (c3), ==, CYCLE_STATUS_IDEA);
  undo_to (f, before);

  /* To the empty stage, and the selection follows them there */
  ui_test_activate (board, "bulk.move-to-stage", g_variant_new_string ("s3"));
  g_assert_cmpuint (cycle_stage_get_n_content (evangelists), ==, 3);
  ui_test_wait_until (ui_test_find_widget_full (cards_of (f, "s3"), CYCLE_TYPE_BOARD_CARD, TRUE,
                                                ui_test_card_has_content, c3) != NULL);
  assert_count (bar, "3 selected");
  g_assert_true (card_selected (f, c3));
  undo_to (f, before);
  assert_count (bar, "3 selected");

  /* Ctrl+click takes one out; Delete on a card of the selection deletes all it holds */
  click_row (visitors, 1, TRUE, FALSE);
  assert_count (bar, "2 selected");
  card = g_object_ref (ui_test_find_widget_full (GTK_WIDGET (f->view), CYCLE_TYPE_BOARD_CARD,
                                                 TRUE, ui_test_card_has_content, c1));
  ui_test_activate (card, "card.delete", NULL);
  g_assert_null (cycle_content_get_stage (c1));
  g_assert_null (cycle_content_get_stage (c3));
  g_assert_nonnull (cycle_content_get_stage (c2));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  undo_to (f, before);

  /* A plain click picks one again, and Escape none */
  click_row (subscribers, 0, TRUE, FALSE);
  click_row (visitors, 0, TRUE, FALSE);
  assert_count (bar, "2 selected");
  click_row (visitors, 1, FALSE, FALSE);
  assert_count (bar, "1 selected");
  g_assert_false (card_selected (f, c3));
  ui_test_activate (board, "board.select-none", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
}

static void
on_text_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  CycleContentTable *table = cycle_content_view_get_table (f->view);
  CycleContentBulkBar *bar;
  GtkWidget *rows;
  GtkWidget *owner_entry;
  CyclePersona *parent = cycle_plan_find_persona (f->plan, "p1");
  g_autofree char *before = snapshot (f->plan);
  g_autofree char *copied = NULL;
  g_auto(GStrv) lines = NULL;

  cycle_content_view_set_page (f->view, "table");
  ui_test_wait_for_draw (GTK_WIDGET (table));
  ui_test_wait_until (cycle_content_table_get_pending (table) == 0);
  rows = ui_test_find_widget (GTK_WIDGET (table), GTK_TYPE_LIST_VIEW, TRUE);
  bar = bulk_bar_of (GTK_WIDGET (table));

  /* A click on the first row, Shift+click on the third: all three */
  click_row (rows, 0, FALSE, FALSE);
  click_row (rows, 2, FALSE, TRUE);
  assert_count (bar, "3 selected");

  /* Ctrl+C: all three as spreadsheet rows, under the column names */
  ui_test_activate (GTK_WIDGET (table), "table.copy", NULL);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (table)), NULL,
                                 on_text_cb, &copied);
  ui_test_wait_until (copied != NULL);
  lines = g_strsplit (copied, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 4);
  g_assert_nonnull (strstr (lines[1], "The five-minute pour-over"));
  g_assert_nonnull (strstr (lines[2], "Grind size, explained"));
  g_assert_nonnull (strstr (lines[3], "Monthly brewing letter"));

  /* Persona for all, one step */
  ui_test_activate (GTK_WIDGET (table), "bulk.set-persona", g_variant_new_string ("p1"));
  for (const char * const *id = (const char * const[]) { "c1", "c2", "c3", NULL }; *id; id++)
    g_assert_true (cycle_content_get_persona (cycle_plan_find_content (f->plan, *id)) == parent);
  undo_to (f, before);

  /* The owner, typed in the bar's popover */
  ui_test_activate (GTK_WIDGET (table), "bulk.owner", NULL);
  ui_test_wait_until ((owner_entry = ui_test_find_widget (GTK_WIDGET (bar), GTK_TYPE_ENTRY,
                                                          TRUE)) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (owner_entry), " Léa ");
  g_signal_emit_by_name (owner_entry, "activate");
  ui_test_drain ();
  g_assert_cmpstr (cycle_content_get_owner (cycle_plan_find_content (f->plan, "c3")), ==, "Léa");
  g_assert_cmpstr (cycle_plan_get_undo_label (f->plan), ==, "Set Owner");
  undo_to (f, before);

  /* Delete: all three, one step, said in a toast */
  ui_test_activate (GTK_WIDGET (table), "table.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_all_content (f->plan)), ==, 0);
  undo_to (f, before);

  /* Escape: none */
  click_row (rows, 1, FALSE, FALSE);
  ui_test_activate (GTK_WIDGET (table), "table.select-none", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, ui_test_content_fixture_set_up, func, \
              ui_test_content_fixture_tear_down)
  ADD ("/content-bulk/board", test_board);
  ADD ("/content-bulk/table", test_table);
#undef ADD

  status = g_test_run ();
  return status;
}
