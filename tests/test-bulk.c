/* test-bulk.c: many pieces of content changed at once (a selection), one undo step each, and
 * undo restoring the plan exactly
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cycle-plan.h"
#include "cycle-plan-io.h"

typedef struct
{
  CyclePlan    *plan;
  CyclePersona *persona;
  CycleStage   *stages[3];
  CycleContent *contents[9];   /* three per stage */
} Fixture;

static char *
snapshot (CyclePlan *plan)
{
  g_autoptr(GBytes) bytes = cycle_plan_to_bytes (plan);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *names[] = { "Visitors", "Leads", "Customers" };
  g_autoptr(CyclePersona) persona = cycle_persona_new ("Parent");

  f->plan = cycle_plan_new ();
  cycle_plan_add_persona (f->plan, persona, -1);
  f->persona = persona;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CycleStage) stage = cycle_stage_new (names[i]);

      cycle_plan_add_stage (f->plan, stage, -1);
      f->stages[i] = stage;
      for (guint j = 0; j < 3; j++)
        {
          g_autofree char *title = g_strdup_printf ("%s %u", names[i], j);
          g_autoptr(CycleContent) content = cycle_content_new (title);

          cycle_content_set_owner (content, "Ana");
          cycle_plan_add_content (f->plan, stage, content, -1);
          f->contents[i * 3 + j] = content;
        }
    }
  cycle_plan_clear_undo (f->plan);
  cycle_plan_mark_saved (f->plan);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->plan);
}

/* The second of each stage, and the first of the last */
static GPtrArray *
pick (Fixture *f)
{
  GPtrArray *picked = g_ptr_array_new ();

  g_ptr_array_add (picked, f->contents[1]);
  g_ptr_array_add (picked, f->contents[4]);
  g_ptr_array_add (picked, f->contents[7]);
  g_ptr_array_add (picked, f->contents[6]);
  return picked;
}

/* One undo takes the whole edit back, to the very bytes; redo makes it again. */
static void
assert_one_step (Fixture    *f,
                 const char *before,
                 const char *label)
{
  g_autofree char *after = snapshot (f->plan);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (after, !=, before);
  g_assert_true (cycle_plan_get_modified (f->plan));
  g_assert_cmpstr (cycle_plan_get_undo_label (f->plan), ==, label);
  g_assert_true (cycle_plan_undo (f->plan));
  undone = snapshot (f->plan);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (cycle_plan_can_undo (f->plan));
  g_assert_false (cycle_plan_get_modified (f->plan));
  g_assert_true (cycle_plan_redo (f->plan));
  redone = snapshot (f->plan);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_remove (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) picked = pick (f);
  g_autofree char *before = snapshot (f->plan);

  g_assert_cmpuint (cycle_plan_remove_contents (f->plan, picked), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_all_content (f->plan)), ==, 5);
  g_assert_null (cycle_content_get_stage (f->contents[4]));
  g_assert_cmpuint (cycle_stage_get_n_content (f->stages[2]), ==, 1);
  assert_one_step (f, before, "Remove 4 Pieces of Content");

  /* Removed already: nothing more to do, nothing recorded */
  g_assert_cmpuint (cycle_plan_remove_contents (f->plan, picked), ==, 0);
  g_assert_cmpstr (cycle_plan_get_undo_label (f->plan), ==, "Remove 4 Pieces of Content");
}

static void
test_move (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) picked = pick (f);
  g_autofree char *before = snapshot (f->plan);
  GListModel *leads = cycle_stage_get_content (f->stages[1]);

  /* contents[4] is in Leads already: three move, to the end, in the array's order */
  g_assert_cmpuint (cycle_plan_move_contents (f->plan, picked, f->stages[1]), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (leads), ==, 6);
  {
    CycleContent *expected[] = { f->contents[3], f->contents[4], f->contents[5],
                                 f->contents[1], f->contents[7], f->contents[6] };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(CycleContent) item = g_list_model_get_item (leads, i);

        g_assert_true (item == expected[i]);
      }
  }
  assert_one_step (f, before, "Move 3 Pieces of Content");
}

static void
test_set_fields (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) picked = pick (f);
  g_autofree char *before = snapshot (f->plan);
  g_autofree char *with_persona = NULL;
  g_autofree char *with_status = NULL;

  g_assert_cmpuint (cycle_plan_set_contents_persona (f->plan, picked, f->persona), ==, 4);
  for (guint i = 0; i < picked->len; i++)
    g_assert_true (cycle_content_get_persona (g_ptr_array_index (picked, i)) == f->persona);
  g_assert_null (cycle_content_get_persona (f->contents[0]));
  assert_one_step (f, before, "Set Persona");
  with_persona = snapshot (f->plan);

  g_assert_cmpuint (cycle_plan_set_contents_status (f->plan, picked, CYCLE_STATUS_SCHEDULED),
                    ==, 4);
  g_assert_cmpint (cycle_content_get_status (f->contents[7]), ==, CYCLE_STATUS_SCHEDULED);
  g_assert_cmpint (cycle_content_get_status (f->contents[8]), ==, CYCLE_STATUS_IDEA);
  g_assert_cmpstr (cycle_plan_get_undo_label (f->plan), ==, "Set Status");
  with_status = snapshot (f->plan);

  /* Spaces around the name go; two edits of the same field stay two steps */
  g_assert_cmpuint (cycle_plan_set_contents_owner (f->plan, picked, "  Bruno "), ==, 4);
  g_assert_cmpstr (cycle_content_get_owner (f->contents[6]), ==, "Bruno");
  g_assert_cmpstr (cycle_content_get_owner (f->contents[8]), ==, "Ana");
  cycle_plan_set_contents_owner (f->plan, picked, "");
  g_assert_cmpstr (cycle_content_get_owner (f->contents[6]), ==, "");

  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpstr (cycle_content_get_owner (f->contents[6]), ==, "Bruno");
  g_assert_true (cycle_plan_undo (f->plan));
  {
    g_autofree char *now = snapshot (f->plan);
    g_assert_cmpstr (now, ==, with_status);
  }
  g_assert_true (cycle_plan_undo (f->plan));
  {
    g_autofree char *now = snapshot (f->plan);
    g_assert_cmpstr (now, ==, with_persona);
  }
  /* No persona for all */
  cycle_plan_set_contents_persona (f->plan, picked, NULL);
  g_assert_null (cycle_content_get_persona (f->contents[1]));
}

/* A selection may hold content deleted since: it is left out, and an edit that changes nothing
 * records nothing. */
static void
test_skips_removed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) picked = pick (f);
  g_autoptr(CycleContent) gone = g_object_ref (f->contents[1]);

  cycle_plan_remove_content (f->plan, gone);
  cycle_plan_seal_undo (f->plan);
  g_assert_cmpuint (cycle_plan_set_contents_status (f->plan, picked, CYCLE_STATUS_DRAFT), ==, 3);
  g_assert_cmpint (cycle_content_get_status (gone), ==, CYCLE_STATUS_IDEA);
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpstr (cycle_plan_get_undo_label (f->plan), ==, "Remove Content");

  /* Already idea: nothing changes, no step */
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_false (cycle_plan_can_undo (f->plan));
  cycle_plan_set_contents_status (f->plan, picked, CYCLE_STATUS_IDEA);
  g_assert_false (cycle_plan_can_undo (f->plan));
  g_assert_cmpuint (cycle_plan_move_contents (f->plan, picked, f->stages[0]), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/bulk/remove", test_remove);
  ADD ("/bulk/move", test_move);
  ADD ("/bulk/set-fields", test_set_fields);
  ADD ("/bulk/skips-removed", test_skips_removed);
#undef ADD

  return g_test_run ();
}
