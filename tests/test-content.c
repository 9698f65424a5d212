/* test-content.c: what the content board and table do to a plan, without a display
 *
 * Moving and reordering (the board's drop arithmetic over the model's moves, with undo), and the
 * table's filtering and sorting, run through the same GtkFilterListModel / GtkSortListModel the
 * table uses. Nothing here needs a screen: list models, filters and sorters are plain objects.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "cycle-board.h"
#include "cycle-content-cells.h"
#include "cycle-content-query.h"
#include "cycle-content-reversed.h"
#include "cycle-persona-manager.h"

/* ------------------------------------------------------------------------------------------------
 * A small plan
 *
 *   Visitors:  "Pour-over guide" (busy, blog, published, 2026-01-10, owner Ana)
 *              "Grind size video" (barista, social, draft, 2026-03-01)
 *              "Café crème notes" (no persona, blog, idea, no date, notes "ask Marc")
 *   Leads:     "Tasting guide" (barista, email, scheduled, 2026-02-01, cta "Get the PDF")
 *   Customers: (empty)
 */

typedef struct
{
  CyclePlan    *plan;
  CycleStage   *visitors;
  CycleStage   *leads;
  CycleStage   *customers;
  CyclePersona *busy;
  CyclePersona *barista;
} Fixture;

static CycleStage *
add_stage (CyclePlan  *plan,
           const char *name)
{
  g_autoptr(CycleStage) stage = cycle_stage_new (name);

  cycle_plan_add_stage (plan, stage, -1);
  return stage;
}

static CycleContent *
add_content (CyclePlan    *plan,
             CycleStage   *stage,
             const char   *title,
             CyclePersona *persona,
             const char   *channel,
             CycleStatus   status,
             const char   *due)
{
  g_autoptr(CycleContent) content = cycle_content_new (title);

  cycle_content_set_persona (content, persona);
  cycle_content_set_channel (content, channel);
  cycle_content_set_status (content, status);
  cycle_content_set_due (content, due);
  cycle_plan_add_content (plan, stage, content, -1);
  return content;
}

static CycleContent *
find (Fixture    *f,
      const char *title)
{
  GListModel *all = cycle_plan_get_all_content (f->plan);

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CycleContent) content = g_list_model_get_item (all, i);

      if (g_strcmp0 (cycle_content_get_title (content), title) == 0)
        return content;
    }

  g_error ("no content titled “%s”", title);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CyclePersona) busy = cycle_persona_new ("Busy parent");
  g_autoptr(CyclePersona) barista = cycle_persona_new ("Home barista");
  CycleContent *c;

  f->plan = cycle_plan_new ();
  cycle_plan_add_persona (f->plan, busy, -1);
  cycle_plan_add_persona (f->plan, barista, -1);
  f->busy = busy;
  f->barista = barista;

  f->visitors = add_stage (f->plan, "Visitors");
  f->leads = add_stage (f->plan, "Leads");
  f->customers = add_stage (f->plan, "Customers");

  c = add_content (f->plan, f->visitors, "Pour-over guide", busy, "blog",
                   CYCLE_STATUS_PUBLISHED, "2026-01-10");
  cycle_content_set_owner (c, "Ana");
  add_content (f->plan, f->visitors, "Grind size video", barista, "social",
               CYCLE_STATUS_DRAFT, "2026-03-01");
  c = add_content (f->plan, f->visitors, "Café crème notes", NULL, "blog", CYCLE_STATUS_IDEA, "");
  cycle_content_set_notes (c, "ask Marc");
  c = add_content (f->plan, f->leads, "Tasting guide", barista, "email",
                   CYCLE_STATUS_SCHEDULED, "2026-02-01");
  cycle_content_set_cta (c, "Get the PDF");

  cycle_plan_clear_undo (f->plan);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->plan);
}

/* The titles of @model, joined by "|". */
static char *
titles (GListModel *model)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CycleContent) content = g_list_model_get_item (model, i);

      g_string_append_printf (s, "%s%s", i > 0 ? "|" : "", cycle_content_get_title (content));
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define assert_titles(model, expected) \
  G_STMT_START { \
    g_autofree char *got_ = titles (G_LIST_MODEL (model)); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

/* ------------------------------------------------------------------------------------------------
 * Moving and reordering
 */

static void
test_drop_position (Fixture       *f,
                    gconstpointer  data)
{
  CycleContent *pour = find (f, "Pour-over guide");
  CycleContent *notes = find (f, "Café crème notes");

  /* Another stage: the insertion point is the position. */
  g_assert_cmpuint (cycle_board_drop_position (pour, f->leads, 0), ==, 0);
  g_assert_cmpuint (cycle_board_drop_position (pour, f->leads, 1), ==, 1);

  /* The same stage, further down: the item leaves its place first, so one less. */
  g_assert_cmpuint (cycle_board_drop_position (pour, f->visitors, 2), ==, 1);
  g_assert_cmpuint (cycle_board_drop_position (pour, f->visitors, 3), ==, 2);
  /* Dropped on itself or just below: it stays. */
  g_assert_cmpuint (cycle_board_drop_position (pour, f->visitors, 0), ==, 0);
  g_assert_cmpuint (cycle_board_drop_position (pour, f->visitors, 1), ==, 0);
  /* Further up. */
  g_assert_cmpuint (cycle_board_drop_position (notes, f->visitors, 0), ==, 0);
  g_assert_cmpuint (cycle_board_drop_position (notes, f->visitors, 1), ==, 1);
}

static void
test_move_between_stages (Fixture       *f,
                          gconstpointer  data)
{
  CycleContent *grind = find (f, "Grind size video");
  GListModel *all = cycle_plan_get_all_content (f->plan);

  /* Dropped before "Tasting guide" in Leads. */
  cycle_plan_move_content (f->plan, grind, f->leads,
                           cycle_board_drop_position (grind, f->leads, 0));
  g_assert_true (cycle_content_get_stage (grind) == f->leads);
  assert_titles (cycle_stage_get_content (f->visitors), "Pour-over guide|Café crème notes");
  assert_titles (cycle_stage_get_content (f->leads), "Grind size video|Tasting guide");
  assert_titles (all, "Pour-over guide|Café crème notes|Grind size video|Tasting guide");
  g_assert_cmpstr (cycle_plan_get_undo_label (f->plan), ==, "Move Content");

  /* Onto an empty column. */
  cycle_plan_move_content (f->plan, grind, f->customers,
                           cycle_board_drop_position (grind, f->customers, 0));
  assert_titles (cycle_stage_get_content (f->customers), "Grind size video");
  g_assert_cmpuint (cycle_stage_get_n_content (f->leads), ==, 1);

  /* Each move is one step. */
  g_assert_true (cycle_plan_undo (f->plan));
  assert_titles (cycle_stage_get_content (f->leads), "Grind size video|Tasting guide");
  g_assert_cmpuint (cycle_stage_get_n_content (f->customers), ==, 0);
  g_assert_true (cycle_plan_undo (f->plan));
  assert_titles (cycle_stage_get_content (f->visitors),
                 "Pour-over guide|Grind size video|Café crème notes");
  g_assert_true (cycle_content_get_stage (grind) == f->visitors);
  g_assert_false (cycle_plan_can_undo (f->plan));

  g_assert_true (cycle_plan_redo (f->plan));
  g_assert_true (cycle_plan_redo (f->plan));
  g_assert_true (cycle_content_get_stage (grind) == f->customers);
}

static void
test_reorder_within_stage (Fixture       *f,
                           gconstpointer  data)
{
  CycleContent *pour = find (f, "Pour-over guide");
  CycleContent *notes = find (f, "Café crème notes");
  GListModel *visitors = cycle_stage_get_content (f->visitors);

  /* Dragged to the bottom of its own column (after the last card: insertion 3). */
  cycle_plan_move_content (f->plan, pour, f->visitors,
                           cycle_board_drop_position (pour, f->visitors, 3));
  assert_titles (visitors, "Grind size video|Café crème notes|Pour-over guide");

  /* Back to the top. */
  cycle_plan_move_content (f->plan, pour, f->visitors,
                           cycle_board_drop_position (pour, f->visitors, 0));
  assert_titles (visitors, "Pour-over guide|Grind size video|Café crème notes");

  /* Between the first two. */
  cycle_plan_move_content (f->plan, notes, f->visitors,
                           cycle_board_drop_position (notes, f->visitors, 1));
  assert_titles (visitors, "Pour-over guide|Café crème notes|Grind size video");

  /* Dropped where it already is: no step is recorded. */
  cycle_plan_clear_undo (f->plan);
  cycle_plan_move_content (f->plan, notes, f->visitors,
                           cycle_board_drop_position (notes, f->visitors, 2));
  assert_titles (visitors, "Pour-over guide|Café crème notes|Grind size video");
  g_assert_false (cycle_plan_can_undo (f->plan));
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  CycleContent *grind = find (f, "Grind size video");
  CycleContent *copy;

  cycle_content_set_cta (grind, "Watch");
  cycle_content_set_commitment (grind, CYCLE_COMMITMENT_FOLLOW);
  cycle_content_set_direction (grind, CYCLE_DIRECTION_ASKS);
  cycle_content_set_url (grind, "https://example.org/grind");
  cycle_plan_clear_undo (f->plan);

  copy = cycle_content_duplicate (grind);
  g_assert_nonnull (copy);
  g_assert_true (copy != grind);
  g_assert_cmpstr (cycle_content_get_title (copy), ==, "Grind size video (copy)");
  g_assert_true (cycle_content_get_persona (copy) == f->barista);
  g_assert_cmpstr (cycle_content_get_channel (copy), ==, "social");
  g_assert_cmpstr (cycle_content_get_cta (copy), ==, "Watch");
  g_assert_cmpint (cycle_content_get_commitment (copy), ==, CYCLE_COMMITMENT_FOLLOW);
  g_assert_cmpint (cycle_content_get_direction (copy), ==, CYCLE_DIRECTION_ASKS);
  g_assert_cmpint (cycle_content_get_status (copy), ==, CYCLE_STATUS_DRAFT);
  g_assert_cmpstr (cycle_content_get_due (copy), ==, "2026-03-01");
  g_assert_cmpstr (cycle_content_get_url (copy), ==, "https://example.org/grind");
  g_assert_cmpstr (cycle_item_get_id (CYCLE_ITEM (copy)), !=,
                   cycle_item_get_id (CYCLE_ITEM (grind)));
  /* Right after the original. */
  g_assert_cmpint (cycle_content_get_position (copy), ==, cycle_content_get_position (grind) + 1);

  /* One step, labelled. */
  g_assert_cmpstr (cycle_plan_get_undo_label (f->plan), ==, "Duplicate Content");
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_false (cycle_plan_can_undo (f->plan));
  g_assert_cmpuint (cycle_stage_get_n_content (f->visitors), ==, 3);
}

static void
test_remove_persona (Fixture       *f,
                     gconstpointer  data)
{
  CycleContent *grind = find (f, "Grind size video");
  CycleContent *tasting = find (f, "Tasting guide");

  g_assert_cmpuint (cycle_persona_count_content (f->plan, f->barista), ==, 2);
  g_assert_cmpuint (cycle_persona_count_content (f->plan, f->busy), ==, 1);

  /* Reassigned to "Busy parent", in one step. */
  g_object_ref (f->barista);
  cycle_plan_remove_persona (f->plan, f->barista, f->busy);
  g_assert_true (cycle_content_get_persona (grind) == f->busy);
  g_assert_true (cycle_content_get_persona (tasting) == f->busy);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_personas (f->plan)), ==, 1);
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_true (cycle_content_get_persona (grind) == f->barista);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_personas (f->plan)), ==, 2);

  /* Cleared. */
  cycle_plan_remove_persona (f->plan, f->barista, NULL);
  g_assert_null (cycle_content_get_persona (grind));
  g_assert_null (cycle_content_get_persona (tasting));
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_true (cycle_content_get_persona (tasting) == f->barista);
  g_object_unref (f->barista);
}

/* ------------------------------------------------------------------------------------------------
 * Filtering
 */

typedef struct
{
  GtkFilterChange last;
  guint           count;
} FilterChanges;

static void
on_filter_changed (GtkFilter       *filter,
                   GtkFilterChange  change,
                   FilterChanges   *changes)
{
  changes->last = change;
  changes->count++;
}

static GtkFilterListModel *
filtered (Fixture           *f,
          CycleContentQuery *query)
{
  GtkFilterListModel *model;

  model = gtk_filter_list_model_new (g_object_ref (cycle_plan_get_all_content (f->plan)),
                                     g_object_ref (cycle_content_query_get_filter (query)));
  return model;
}

static void
test_filter_search (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(CycleContentQuery) query = cycle_content_query_new ();
  g_autoptr(GtkFilterListModel) model = filtered (f, query);
  FilterChanges changes = { 0, };

  g_signal_connect (cycle_content_query_get_filter (query), "changed",
                    G_CALLBACK (on_filter_changed), &changes);

  g_assert_false (cycle_content_query_is_active (query));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);

  /* Titles, ignoring case. */
  cycle_content_query_set_search (query, "GUIDE");
  assert_titles (model, "Pour-over guide|Tasting guide");
  g_assert_true (cycle_content_query_is_active (query));

  /* Typing on only narrows: the model is told, and looks only at what matched. */
  cycle_content_query_set_search (query, "GUIDE ");
  g_assert_cmpuint (changes.count, ==, 1);  /* trailing space: the same needle, no change */
  cycle_content_query_set_search (query, "tasting guide");
  g_assert_cmpint (changes.last, ==, GTK_FILTER_CHANGE_MORE_STRICT);
  assert_titles (model, "Tasting guide");
  cycle_content_query_set_search (query, "guide");
  g_assert_cmpint (changes.last, ==, GTK_FILTER_CHANGE_LESS_STRICT);
  assert_titles (model, "Pour-over guide|Tasting guide");

  /* Calls to action, notes and owners too. */
  cycle_content_query_set_search (query, "pdf");
  assert_titles (model, "Tasting guide");
  cycle_content_query_set_search (query, "marc");
  assert_titles (model, "Café crème notes");
  cycle_content_query_set_search (query, "ana");
  assert_titles (model, "Pour-over guide");

  /* Accents and case beyond ASCII. */
  cycle_content_query_set_search (query, "CAFÉ CRÈME");
  assert_titles (model, "Café crème notes");
  cycle_content_query_set_search (query, "crème");
  assert_titles (model, "Café crème notes");

  cycle_content_query_set_search (query, "nothing like this");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  /* Empty (or blank): everything, at no cost. */
  cycle_content_query_set_search (query, "   ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  g_assert_cmpint (gtk_filter_get_strictness (cycle_content_query_get_filter (query)), ==,
                   GTK_FILTER_MATCH_ALL);
  g_assert_false (cycle_content_query_is_active (query));
}

static void
test_filter_criteria (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(CycleContentQuery) query = cycle_content_query_new ();
  g_autoptr(GtkFilterListModel) model = filtered (f, query);

  cycle_content_query_set_stage (query, f->visitors);
  assert_titles (model, "Pour-over guide|Grind size video|Café crème notes");
  cycle_content_query_set_stage (query, f->customers);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  cycle_content_query_set_stage (query, NULL);

  /* A persona, no persona, any persona. */
  cycle_content_query_set_persona (query, FALSE, f->barista);
  assert_titles (model, "Grind size video|Tasting guide");
  cycle_content_query_set_persona (query, FALSE, NULL);
  assert_titles (model, "Café crème notes");
  cycle_content_query_set_persona (query, TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);

  cycle_content_query_set_channel (query, "blog");
  assert_titles (model, "Pour-over guide|Café crème notes");
  cycle_content_query_set_channel (query, "");
  cycle_content_query_set_status (query, CYCLE_STATUS_DRAFT);
  assert_titles (model, "Grind size video");
  cycle_content_query_set_status (query, -1);

  /* Overdue: due before today and not published (the published one is late but done). */
  cycle_content_query_set_today (query, "2026-02-15");
  cycle_content_query_set_overdue_only (query, TRUE);
  assert_titles (model, "Tasting guide");
  cycle_content_query_set_today (query, "2026-06-01");
  assert_titles (model, "Grind size video|Tasting guide");

  /* Criteria add up. */
  cycle_content_query_set_stage (query, f->leads);
  assert_titles (model, "Tasting guide");
  cycle_content_query_set_search (query, "grind");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  cycle_content_query_reset (query);
  g_assert_false (cycle_content_query_is_active (query));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
}

/* The filter follows the plan: items added, moved and removed come and go. */
static void
test_filter_follows_plan (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(CycleContentQuery) query = cycle_content_query_new ();
  g_autoptr(GtkFilterListModel) model = filtered (f, query);
  CycleContent *grind = find (f, "Grind size video");
  CycleContent *added;

  cycle_content_query_set_stage (query, f->leads);
  assert_titles (model, "Tasting guide");

  cycle_plan_move_content (f->plan, grind, f->leads, 0);
  assert_titles (model, "Grind size video|Tasting guide");

  added = add_content (f->plan, f->leads, "New letter", NULL, "email", CYCLE_STATUS_IDEA, "");
  assert_titles (model, "Grind size video|Tasting guide|New letter");

  cycle_plan_remove_content (f->plan, added);
  cycle_plan_undo (f->plan);
  cycle_plan_undo (f->plan);
  cycle_plan_undo (f->plan);
  assert_titles (model, "Tasting guide");

  /* A field edited behind the filter's back is seen once the query is refreshed. */
  cycle_content_query_set_stage (query, NULL);
  cycle_content_query_set_status (query, CYCLE_STATUS_DRAFT);
  assert_titles (model, "Grind size video");
  cycle_content_set_status (grind, CYCLE_STATUS_PUBLISHED);
  cycle_content_query_refresh (query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

static void
test_filter_incremental (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(CycleContentQuery) query = cycle_content_query_new ();
  g_autoptr(GtkFilterListModel) model = filtered (f, query);
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  /* 5 000 more items, then filter them a slice at a time, as the table does. */
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Item %u", i);
      g_autoptr(CycleContent) content = cycle_content_new (title);

      cycle_content_set_persona (content, i % 3 == 0 ? f->busy : NULL);
      cycle_plan_add_content (f->plan, f->customers, content, -1);
    }

  gtk_filter_list_model_set_incremental (model, TRUE);
  cycle_content_query_set_persona (query, FALSE, f->busy);
  g_assert_cmpuint (gtk_filter_list_model_get_pending (model), >, 0);
  while (gtk_filter_list_model_get_pending (model) > 0)
    g_main_context_iteration (context, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1 + 1667);
}

/* ------------------------------------------------------------------------------------------------
 * Sorting
 */

static GtkSortListModel *
sorted (Fixture          *f,
        CycleContentSort  key)
{
  return gtk_sort_list_model_new (g_object_ref (cycle_plan_get_all_content (f->plan)),
                                  cycle_content_sorter_new (key, f->plan));
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GtkSortListModel) by_due = sorted (f, CYCLE_CONTENT_SORT_DUE);
  g_autoptr(GtkSortListModel) by_title = sorted (f, CYCLE_CONTENT_SORT_TITLE);
  g_autoptr(GtkSortListModel) by_persona = sorted (f, CYCLE_CONTENT_SORT_PERSONA);
  g_autoptr(GtkSortListModel) by_status = sorted (f, CYCLE_CONTENT_SORT_STATUS);
  g_autoptr(GtkSortListModel) by_stage = sorted (f, CYCLE_CONTENT_SORT_STAGE);
  g_autoptr(GtkSortListModel) by_channel = sorted (f, CYCLE_CONTENT_SORT_CHANNEL);
  g_autoptr(GtkSortListModel) by_owner = sorted (f, CYCLE_CONTENT_SORT_OWNER);

  /* Dates in order, no date last. */
  assert_titles (by_due, "Pour-over guide|Tasting guide|Grind size video|Café crème notes");
  /* Case and accents do not scatter titles. */
  assert_titles (by_title, "Café crème notes|Grind size video|Pour-over guide|Tasting guide");
  /* By the persona's name, none last; equal keys keep the plan's order. */
  assert_titles (by_persona, "Pour-over guide|Grind size video|Tasting guide|Café crème notes");
  /* Idea, draft, scheduled, published. */
  assert_titles (by_status, "Café crème notes|Grind size video|Tasting guide|Pour-over guide");
  assert_titles (by_channel, "Pour-over guide|Café crème notes|Tasting guide|Grind size video");
  assert_titles (by_owner, "Pour-over guide|Grind size video|Café crème notes|Tasting guide");

  /* The stage order is the plan's, and follows it. */
  assert_titles (by_stage, "Pour-over guide|Grind size video|Café crème notes|Tasting guide");
  cycle_plan_move_stage (f->plan, f->leads, 0);
  assert_titles (by_stage, "Tasting guide|Pour-over guide|Grind size video|Café crème notes");

  /* Sorted lists follow the plan too. */
  add_content (f->plan, f->customers, "Early bird", NULL, "", CYCLE_STATUS_IDEA, "2025-12-31");
  assert_titles (by_due,
                 "Early bird|Pour-over guide|Tasting guide|Grind size video|Café crème notes");

  /* A renamed persona sorts by its new name once the list is sorted again. The sort model keeps
   * the keys it made while the sorter's keys stay compatible, so "again" means the sorter set
   * anew (what cycle_content_table_refresh() does). */
  cycle_persona_set_name (f->busy, "Zealous parent");
  {
    g_autoptr(GtkSorter) sorter = g_object_ref (gtk_sort_list_model_get_sorter (by_persona));

    gtk_sort_list_model_set_sorter (by_persona, NULL);
    gtk_sort_list_model_set_sorter (by_persona, sorter);
  }
  assert_titles (by_persona, "Tasting guide|Grind size video|Pour-over guide|"
                             "Café crème notes|Early bird");
}

/* The table's descending order: the sorted list read backwards, items-changed included. A mirror
 * kept only from the signals must always equal the model. */
static void
on_mirror_changed (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   GListStore *mirror)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < added; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, position + i));
  g_list_store_splice (mirror, position, removed, items->pdata, added);
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

static char *
strings (GListModel *model)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_string_append (s, gtk_string_object_get_string (item));
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_reversed (void)
{
  GtkStringList *list = gtk_string_list_new ((const char *[]) { "a", "b", "c", "d", NULL });
  g_autoptr(CycleContentReversed) reversed = cycle_content_reversed_new (G_LIST_MODEL (list));
  g_autoptr(GListStore) mirror = g_list_store_new (GTK_TYPE_STRING_OBJECT);
#define CHECK(expected) \
  G_STMT_START { \
    g_autofree char *a_ = strings (G_LIST_MODEL (reversed)); \
    g_autofree char *b_ = strings (G_LIST_MODEL (mirror)); \
    g_assert_cmpstr (a_, ==, expected); \
    g_assert_cmpstr (b_, ==, expected); \
  } G_STMT_END

  on_mirror_changed (G_LIST_MODEL (reversed), 0, 0, 4, mirror);
  g_signal_connect (reversed, "items-changed", G_CALLBACK (on_mirror_changed), mirror);
  CHECK ("abcd");

  cycle_content_reversed_set_reversed (reversed, TRUE);
  CHECK ("dcba");
  gtk_string_list_splice (list, 1, 2, (const char *[]) { "x", "y", "z", NULL });
  CHECK ("dzyxa");
  gtk_string_list_append (list, "e");
  CHECK ("edzyxa");
  gtk_string_list_remove (list, 0);
  CHECK ("edzyx");
  cycle_content_reversed_set_reversed (reversed, FALSE);
  CHECK ("xyzde");

  /* Held: a change of the model and of the direction reach the views as one change. */
  {
    guint changes = 0;
    gulong handler = g_signal_connect_swapped (reversed, "items-changed",
                                               G_CALLBACK (count_change), &changes);

    cycle_content_reversed_hold (reversed);
    gtk_string_list_splice (list, 0, 2, (const char *[]) { "p", NULL });
    cycle_content_reversed_set_reversed (reversed, TRUE);
    cycle_content_reversed_hold (reversed);
    gtk_string_list_append (list, "q");
    cycle_content_reversed_release (reversed);
    g_assert_cmpuint (changes, ==, 0);
    cycle_content_reversed_release (reversed);
    g_assert_cmpuint (changes, ==, 1);
    CHECK ("qedzp");

    /* Nothing changed while held: nothing to tell. */
    cycle_content_reversed_hold (reversed);
    cycle_content_reversed_set_reversed (reversed, TRUE);
    cycle_content_reversed_release (reversed);
    g_assert_cmpuint (changes, ==, 1);
    g_signal_handler_disconnect (reversed, handler);
  }
#undef CHECK
}

/* ------------------------------------------------------------------------------------------------
 * How content reads
 */


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/content/move/drop-position", test_drop_position);
  ADD ("/content/move/between-stages", test_move_between_stages);
  ADD ("/content/move/reorder", test_reorder_within_stage);
  ADD ("/content/duplicate", test_duplicate);
  ADD ("/content/persona/remove", test_remove_persona);
  ADD ("/content/filter/search", test_filter_search);
  ADD ("/content/filter/criteria", test_filter_criteria);
  ADD ("/content/filter/follows-plan", test_filter_follows_plan);
  ADD ("/content/filter/incremental", test_filter_incremental);
  ADD ("/content/sort", test_sort);
  g_test_add_func ("/content/sort/reversed", test_reversed);

  return g_test_run ();
}
