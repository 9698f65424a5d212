/* test-undo.c: every change through the model undoes, redoes, groups, and finds the save point
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cycle-plan.h"
#include "cycle-plan-io.h"

static char *
snapshot (CyclePlan *plan)
{
  g_autoptr(GBytes) bytes = cycle_plan_to_bytes (plan);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static CyclePlan *
sample_plan (void)
{
  CyclePlan *plan = cycle_plan_new ();
  g_autoptr(CyclePersona) persona = cycle_persona_new ("Parent");
  const char *names[] = { "Visitors", "Leads", "Customers", "Evangelists" };
  CycleStage *stages[G_N_ELEMENTS (names)];

  cycle_plan_add_persona (plan, persona, -1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CycleStage) stage = cycle_stage_new (names[i]);

      cycle_plan_add_stage (plan, stage, -1);
      stages[i] = stage;
      for (guint j = 0; j < 3; j++)
        {
          g_autofree char *title = g_strdup_printf ("%s %u", names[i], j);
          g_autoptr(CycleContent) content = cycle_content_new (title);

          cycle_content_set_persona (content, persona);
          cycle_plan_add_content (plan, stage, content, -1);
        }
    }
  for (guint i = 0; i + 1 < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CycleLink) link = cycle_link_new (stages[i], stages[i + 1], CYCLE_LINK_NEXT);
      cycle_plan_add_link (plan, link);
    }

  cycle_plan_clear_undo (plan);
  cycle_plan_mark_saved (plan);
  return plan;
}

static gpointer
nth (GListModel *model,
     guint       i)
{
  gpointer item = g_list_model_get_item (model, i);
  g_object_unref (item);  /* the model keeps it alive */
  return item;
}

/* Runs @edit on a fresh sample plan, then checks undo gives the state before and redo after. */
typedef void (*EditFunc) (CyclePlan *plan);

static void
check_undoable (EditFunc edit)
{
  g_autoptr(CyclePlan) plan = sample_plan ();
  g_autofree char *before = snapshot (plan);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_false (cycle_plan_can_undo (plan));
  g_assert_false (cycle_plan_get_modified (plan));

  edit (plan);
  after = snapshot (plan);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (cycle_plan_can_undo (plan));
  g_assert_true (cycle_plan_get_modified (plan));
  g_assert_nonnull (cycle_plan_get_undo_label (plan));

  g_assert_true (cycle_plan_undo (plan));
  undone = snapshot (plan);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (cycle_plan_can_undo (plan));
  g_assert_true (cycle_plan_can_redo (plan));
  g_assert_false (cycle_plan_get_modified (plan));

  g_assert_true (cycle_plan_redo (plan));
  redone = snapshot (plan);
  g_assert_cmpstr (redone, ==, after);
  g_assert_true (cycle_plan_get_modified (plan));

  /* And once more, to be sure steps survive a round trip. */
  g_assert_true (cycle_plan_undo (plan));
  g_free (undone);
  undone = snapshot (plan);
  g_assert_cmpstr (undone, ==, before);
}

static void
edit_add_stage (CyclePlan *plan)
{
  g_autoptr(CycleStage) stage = cycle_stage_new ("Members");
  cycle_plan_add_stage (plan, stage, 2);
}

static void
edit_remove_stage (CyclePlan *plan)
{
  cycle_plan_remove_stage (plan, nth (cycle_plan_get_stages (plan), 1));
}

static void
edit_move_stage (CyclePlan *plan)
{
  cycle_plan_move_stage (plan, nth (cycle_plan_get_stages (plan), 0), 3);
}

static void
edit_add_link (CyclePlan *plan)
{
  GListModel *stages = cycle_plan_get_stages (plan);
  g_autoptr(CycleLink) link = cycle_link_new (nth (stages, 3), nth (stages, 0), CYCLE_LINK_LOOP);
  cycle_plan_add_link (plan, link);
}

static void
edit_remove_link (CyclePlan *plan)
{
  cycle_plan_remove_link (plan, nth (cycle_plan_get_links (plan), 1));
}

static void
edit_add_persona (CyclePlan *plan)
{
  g_autoptr(CyclePersona) persona = cycle_persona_new ("Student");
  cycle_plan_add_persona (plan, persona, 0);
}

static void
edit_remove_persona (CyclePlan *plan)
{
  cycle_plan_remove_persona (plan, nth (cycle_plan_get_personas (plan), 0), NULL);
}

static void
edit_add_content (CyclePlan *plan)
{
  g_autoptr(CycleContent) content = cycle_content_new ("Webinar");
  cycle_plan_add_content (plan, nth (cycle_plan_get_stages (plan), 2), content, 1);
}

static void
edit_remove_content (CyclePlan *plan)
{
  cycle_plan_remove_content (plan, nth (cycle_plan_get_all_content (plan), 4));
}

static void
edit_move_content (CyclePlan *plan)
{
  cycle_plan_move_content (plan, nth (cycle_plan_get_all_content (plan), 0),
                           nth (cycle_plan_get_stages (plan), 3), 1);
}

static void
edit_reorder_content (CyclePlan *plan)
{
  cycle_plan_move_content (plan, nth (cycle_plan_get_all_content (plan), 0),
                           nth (cycle_plan_get_stages (plan), 0), -1);
}

static void
edit_move_position (CyclePlan *plan)
{
  cycle_stage_set_position (nth (cycle_plan_get_stages (plan), 0), 120, 80);
}

static void
test_operations (void)
{
  check_undoable (edit_add_stage);
  check_undoable (edit_remove_stage);
  check_undoable (edit_move_stage);
  check_undoable (edit_add_link);
  check_undoable (edit_remove_link);
  check_undoable (edit_add_persona);
  check_undoable (edit_remove_persona);
  check_undoable (edit_add_content);
  check_undoable (edit_remove_content);
  check_undoable (edit_move_content);
  check_undoable (edit_reorder_content);
  check_undoable (edit_move_position);
}

/* Sets every writable property of @object to another valid value, one undo step each. */
static void
check_every_property (CyclePlan *plan,
                      GObject   *object,
                      GObject   *other_stage,
                      GObject   *other_persona)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *undone = NULL;

      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;

      g_value_init (&value, pspec->value_type);
      if (pspec->value_type == G_TYPE_STRING)
        {
          if (strcmp (pspec->name, "color") == 0)
            g_value_set_string (&value, "#e01b24");
          else if (strcmp (pspec->name, "due") == 0 ||
                   strcmp (pspec->name, "repeat-until") == 0 ||
                   strcmp (pspec->name, "campaign-start") == 0)
            g_value_set_string (&value, "2027-01-15");
          else if (strcmp (pspec->name, "language") == 0)
            g_value_set_string (&value, "pt-BR");
          else
            g_value_set_string (&value, "changed “value” é");
        }
      else if (pspec->value_type == G_TYPE_DOUBLE)
        g_value_set_double (&value, 0.25);
      else if (pspec->value_type == G_TYPE_INT)
        g_value_set_int (&value, 12);
      else if (pspec->value_type == G_TYPE_UINT)
        g_value_set_uint (&value, 12);
      else if (G_TYPE_IS_ENUM (pspec->value_type))
        g_value_set_enum (&value, 1);
      else if (pspec->value_type == CYCLE_TYPE_STAGE)
        g_value_set_object (&value, other_stage);
      else if (pspec->value_type == CYCLE_TYPE_PERSONA)
        g_value_set_object (&value, other_persona);
      else
        g_error ("no test value for %s", pspec->name);

      cycle_plan_seal_undo (plan);
      before = snapshot (plan);
      g_object_set_property (object, pspec->name, &value);
      after = snapshot (plan);
      g_assert_cmpstr (before, !=, after);
      g_assert_true (cycle_plan_get_modified (plan));

      g_assert_true (cycle_plan_undo (plan));
      undone = snapshot (plan);
      g_assert_cmpstr (undone, ==, before);
      g_assert_true (cycle_plan_redo (plan));
      g_free (undone);
      undone = snapshot (plan);
      g_assert_cmpstr (undone, ==, after);
    }
}

static void
test_every_property (void)
{
  g_autoptr(CyclePlan) plan = sample_plan ();
  g_autoptr(CyclePersona) other = cycle_persona_new ("Other");
  GListModel *stages = cycle_plan_get_stages (plan);

  cycle_plan_add_persona (plan, other, -1);
  check_every_property (plan, G_OBJECT (plan), NULL, NULL);
  check_every_property (plan, nth (stages, 0), NULL, NULL);
  check_every_property (plan, nth (cycle_plan_get_all_content (plan), 0), NULL, G_OBJECT (other));
  check_every_property (plan, nth (cycle_plan_get_personas (plan), 0), NULL, NULL);
  check_every_property (plan, nth (cycle_plan_get_links (plan), 0), nth (stages, 3), NULL);
}

static void
test_group (void)
{
  g_autoptr(CyclePlan) plan = sample_plan ();
  g_autofree char *before = snapshot (plan);
  g_autofree char *after = NULL;
  CycleStage *stage = nth (cycle_plan_get_stages (plan), 0);
  CycleStage *other = nth (cycle_plan_get_stages (plan), 1);

  /* A drag: many moves of two stages, one step. Nested groups fold into the outer one. */
  cycle_plan_begin_group (plan, "Move Stages");
  for (int i = 1; i <= 60; i++)
    {
      cycle_plan_begin_group (plan, "inner");
      cycle_stage_set_position (stage, i, i * 2);
      cycle_stage_set_position (other, -i, i);
      cycle_plan_end_group (plan);
    }
  g_assert_true (cycle_plan_get_modified (plan));
  cycle_plan_end_group (plan);
  after = snapshot (plan);

  g_assert_cmpstr (cycle_plan_get_undo_label (plan), ==, "Move Stages");
  g_assert_true (cycle_plan_undo (plan));
  g_assert_false (cycle_plan_can_undo (plan));
  {
    g_autofree char *now = snapshot (plan);
    g_assert_cmpstr (now, ==, before);
  }
  g_assert_true (cycle_plan_redo (plan));
  {
    g_autofree char *now = snapshot (plan);
    g_assert_cmpstr (now, ==, after);
  }
  g_assert_cmpfloat (cycle_stage_get_x (stage), ==, 60);

  /* An empty group records nothing. */
  cycle_plan_begin_group (plan, "nothing");
  cycle_plan_end_group (plan);
  g_assert_cmpstr (cycle_plan_get_undo_label (plan), ==, "Move Stages");
}

static void
test_typing_merges (void)
{
  g_autoptr(CyclePlan) plan = sample_plan ();
  CycleStage *stage = nth (cycle_plan_get_stages (plan), 0);

  cycle_stage_set_name (stage, "V");
  cycle_stage_set_name (stage, "Vi");
  cycle_stage_set_name (stage, "Vis");
  g_assert_cmpstr (cycle_plan_get_undo_label (plan), ==, "Change Name");
  cycle_plan_undo (plan);
  g_assert_cmpstr (cycle_stage_get_name (stage), ==, "Visitors");
  g_assert_false (cycle_plan_can_undo (plan));
  cycle_plan_redo (plan);
  g_assert_cmpstr (cycle_stage_get_name (stage), ==, "Vis");

  /* A seal (focus left the field) starts a new step. */
  cycle_plan_seal_undo (plan);
  cycle_stage_set_name (stage, "Visits");
  cycle_plan_undo (plan);
  g_assert_cmpstr (cycle_stage_get_name (stage), ==, "Vis");

  /* Another field never merges. */
  cycle_stage_set_why (stage, "Because");
  cycle_stage_set_name (stage, "Guests");
  cycle_plan_undo (plan);
  g_assert_cmpstr (cycle_stage_get_why (stage), ==, "Because");
}

static void
test_save_point (void)
{
  g_autoptr(CyclePlan) plan = sample_plan ();
  CycleStage *stage = nth (cycle_plan_get_stages (plan), 0);

  cycle_stage_set_name (stage, "A");
  cycle_plan_seal_undo (plan);
  cycle_stage_set_name (stage, "B");
  g_assert_true (cycle_plan_get_modified (plan));
  cycle_plan_mark_saved (plan);
  g_assert_false (cycle_plan_get_modified (plan));

  /* Undo leaves the save point, redo comes back to it. */
  cycle_plan_undo (plan);
  g_assert_true (cycle_plan_get_modified (plan));
  cycle_plan_redo (plan);
  g_assert_false (cycle_plan_get_modified (plan));

  /* Typing right after a save does not merge into the saved step. */
  cycle_stage_set_name (stage, "BC");
  g_assert_true (cycle_plan_get_modified (plan));
  cycle_plan_undo (plan);
  g_assert_false (cycle_plan_get_modified (plan));
  g_assert_cmpstr (cycle_stage_get_name (stage), ==, "B");

  /* Save, undo twice, then a new edit: the saved state is gone for good. */
  cycle_plan_undo (plan);
  cycle_plan_undo (plan);
  g_assert_cmpstr (cycle_stage_get_name (stage), ==, "Visitors");
  cycle_stage_set_kpi (stage, "visits");
  g_assert_true (cycle_plan_get_modified (plan));
  cycle_plan_undo (plan);
  g_assert_true (cycle_plan_get_modified (plan));
  g_assert_true (cycle_plan_redo (plan));
  g_assert_true (cycle_plan_get_modified (plan));
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
test_notifies (void)
{
  g_autoptr(CyclePlan) plan = sample_plan ();
  CycleStage *stage = nth (cycle_plan_get_stages (plan), 0);
  guint can_undo = 0, modified = 0;

  g_signal_connect (plan, "notify::can-undo", G_CALLBACK (count_cb), &can_undo);
  g_signal_connect (plan, "notify::modified", G_CALLBACK (count_cb), &modified);
  cycle_stage_set_name (stage, "X");
  g_assert_cmpuint (can_undo, >, 0);
  g_assert_cmpuint (modified, >, 0);
}

/* Random edits, then undo all of them and redo all of them, comparing whole files. */
static void
test_random_history (void)
{
  g_autoptr(CyclePlan) plan = sample_plan ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  guint steps = 0;

  g_ptr_array_add (states, snapshot (plan));

  for (guint i = 0; i < 300; i++)
    {
      GListModel *stages = cycle_plan_get_stages (plan);
      GListModel *all = cycle_plan_get_all_content (plan);
      guint n_stages = g_list_model_get_n_items (stages);
      guint n_content = g_list_model_get_n_items (all);
      g_autofree char *before = snapshot (plan);
      g_autofree char *after = NULL;

      cycle_plan_seal_undo (plan);
      switch (g_rand_int_range (rand, 0, 8))
        {
        case 0:
          edit_add_stage (plan);
          break;
        case 1:
          if (n_stages > 1)
            cycle_plan_remove_stage (plan, nth (stages, g_rand_int_range (rand, 0, n_stages)));
          break;
        case 2:
          if (n_stages > 0)
            {
              g_autoptr(CycleContent) c = cycle_content_new ("New");
              cycle_plan_add_content (plan, nth (stages, g_rand_int_range (rand, 0, n_stages)),
                                      c, g_rand_int_range (rand, -1, 3));
            }
          break;
        case 3:
          if (n_content > 0)
            cycle_plan_remove_content (plan, nth (all, g_rand_int_range (rand, 0, n_content)));
          break;
        case 4:
          if (n_content > 0 && n_stages > 0)
            cycle_plan_move_content (plan, nth (all, g_rand_int_range (rand, 0, n_content)),
                                     nth (stages, g_rand_int_range (rand, 0, n_stages)),
                                     g_rand_int_range (rand, -1, 4));
          break;
        case 5:
          if (n_stages > 1)
            cycle_plan_move_stage (plan, nth (stages, g_rand_int_range (rand, 0, n_stages)),
                                   g_rand_int_range (rand, 0, n_stages));
          break;
        case 6:
          if (n_stages > 1)
            {
              g_autoptr(CycleLink) link =
                cycle_link_new (nth (stages, g_rand_int_range (rand, 0, n_stages)),
                                nth (stages, g_rand_int_range (rand, 0, n_stages)),
                                g_rand_int_range (rand, 0, 3));
              cycle_plan_add_link (plan, link);
            }
          break;
        case 7:
          if (n_content > 0)
            cycle_content_set_title (nth (all, g_rand_int_range (rand, 0, n_content)),
                                     g_rand_boolean (rand) ? "Renamed" : "Other");
          break;
        default:
          g_assert_not_reached ();
        }

      after = snapshot (plan);
      if (strcmp (before, after) != 0)
        {
          g_ptr_array_add (states, g_steal_pointer (&after));
          steps++;
        }
    }

  for (guint i = steps; i > 0; i--)
    {
      g_autofree char *now = NULL;

      g_assert_true (cycle_plan_undo (plan));
      now = snapshot (plan);
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i - 1));
    }
  g_assert_false (cycle_plan_can_undo (plan));
  g_assert_false (cycle_plan_get_modified (plan));

  for (guint i = 1; i <= steps; i++)
    {
      g_autofree char *now = NULL;

      g_assert_true (cycle_plan_redo (plan));
      now = snapshot (plan);
      g_assert_cmpstr (now, ==, g_ptr_array_index (states, i));
    }
  g_assert_false (cycle_plan_can_redo (plan));
}

static void
test_mark_unsaved (void)
{
  g_autoptr(CyclePlan) plan = sample_plan ();
  CycleStage *stage = nth (cycle_plan_get_stages (plan), 0);

  cycle_plan_mark_unsaved (plan);
  g_assert_true (cycle_plan_get_modified (plan));
  g_assert_false (cycle_plan_can_undo (plan));

  /* No way back to a saved state by undo; a save is one. */
  cycle_stage_set_name (stage, "A");
  cycle_plan_undo (plan);
  g_assert_true (cycle_plan_get_modified (plan));
  cycle_plan_mark_saved (plan);
  g_assert_false (cycle_plan_get_modified (plan));
}

static void
test_plan_property_does_not_leak (void)
{
  CyclePlan *plan = cycle_plan_new ();

  cycle_plan_set_title (plan, "Kept in the history");
  cycle_plan_set_layout (plan, CYCLE_LAYOUT_CYCLE);
  g_assert_true (cycle_plan_can_undo (plan));
  g_assert_finalize_object (plan);
}

/* The link editor's one entry point, cycle_link_edit(): each committed change of a link's rate
 * or kind is one undo step, and a rate the kind cannot have is refused. */
static void
test_link_edit (void)
{
  g_autoptr(CyclePlan) plan = sample_plan ();
  g_autofree char *before = snapshot (plan);
  CycleLink *link = nth (cycle_plan_get_links (plan), 2);
  guint steps = 0;

  g_assert_cmpfloat (cycle_link_get_rate (link), ==, CYCLE_RATE_UNSET);

  /* The rate: one step, undone and redone whole. */
  g_assert_true (cycle_link_edit (link, CYCLE_LINK_NEXT, 0.25));
  g_assert_cmpfloat (cycle_link_get_rate (link), ==, 0.25);
  g_assert_true (cycle_plan_can_undo (plan));
  g_assert_true (cycle_plan_undo (plan));
  g_assert_false (cycle_plan_can_undo (plan));
  {
    g_autofree char *now = snapshot (plan);
    g_assert_cmpstr (now, ==, before);
  }
  g_assert_true (cycle_plan_redo (plan));
  g_assert_cmpfloat (cycle_link_get_rate (link), ==, 0.25);

  /* Kind and rate together: a loop bringing 3 people each, one step. */
  g_assert_true (cycle_link_edit (link, CYCLE_LINK_LOOP, 3.0));
  g_assert_cmpstr (cycle_plan_get_undo_label (plan), ==, "Change Link");
  while (cycle_plan_can_undo (plan))
    {
      g_assert_true (cycle_plan_undo (plan));
      steps++;
    }
  g_assert_cmpuint (steps, ==, 2);
  g_assert_cmpint (cycle_link_get_kind (link), ==, CYCLE_LINK_NEXT);
  g_assert_cmpfloat (cycle_link_get_rate (link), ==, CYCLE_RATE_UNSET);
  g_assert_true (cycle_plan_redo (plan));
  g_assert_true (cycle_plan_redo (plan));
  g_assert_cmpint (cycle_link_get_kind (link), ==, CYCLE_LINK_LOOP);
  g_assert_cmpfloat (cycle_link_get_rate (link), ==, 3.0);

  /* Refused: more than 100 % on a next step, more than the most on a loop, below 0. */
  g_assert_false (cycle_link_edit (link, CYCLE_LINK_NEXT, 3.0));
  g_assert_false (cycle_link_edit (link, CYCLE_LINK_LOOP, CYCLE_LOOP_RATE_MAX + 1));
  g_assert_false (cycle_link_edit (link, CYCLE_LINK_LOOP, -0.5));
  g_assert_cmpint (cycle_link_get_kind (link), ==, CYCLE_LINK_LOOP);
  g_assert_cmpfloat (cycle_link_get_rate (link), ==, 3.0);
  g_assert_false (cycle_plan_can_redo (plan));

  /* The kind alone: a loop's 3 people each cannot be a fraction, so the rate goes, in the same
   * step; the plan stays one a file can hold. */
  cycle_link_change_kind (link, CYCLE_LINK_NEXT);
  g_assert_cmpint (cycle_link_get_kind (link), ==, CYCLE_LINK_NEXT);
  g_assert_cmpfloat (cycle_link_get_rate (link), ==, CYCLE_RATE_UNSET);
  g_assert_true (cycle_plan_undo (plan));
  g_assert_cmpint (cycle_link_get_kind (link), ==, CYCLE_LINK_LOOP);
  g_assert_cmpfloat (cycle_link_get_rate (link), ==, 3.0);

  /* Nothing to change: no step. */
  g_assert_true (cycle_link_edit (link, CYCLE_LINK_LOOP, 3.0));
  g_assert_true (cycle_plan_can_redo (plan));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo/operations", test_operations);
  g_test_add_func ("/undo/every-property", test_every_property);
  g_test_add_func ("/undo/group", test_group);
  g_test_add_func ("/undo/link-edit", test_link_edit);
  g_test_add_func ("/undo/typing-merges", test_typing_merges);
  g_test_add_func ("/undo/save-point", test_save_point);
  g_test_add_func ("/undo/notifies", test_notifies);
  g_test_add_func ("/undo/random-history", test_random_history);
  g_test_add_func ("/undo/plan-property-does-not-leak", test_plan_property_does_not_leak);
  g_test_add_func ("/undo/mark-unsaved", test_mark_unsaved);

  return g_test_run ();
}
