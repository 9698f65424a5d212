/* test-merge.c: the three-way merge (cycle-merge.c) and the conflicts it records
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cycle-document.h"
#include "cycle-merge.h"
#include "cycle-plan-io.h"
#include "cycle-synced-copy.h"
#include "test-language.h"
#include "test-plan-text.h"

#define HEAD "{\"format\":\"org.example.Cycle\",\"version\":1,"

static char *
canonical (const char *text)
{
  g_autoptr(CyclePlan) plan = test_plan_from_text (text);
  g_autoptr(GBytes) bytes = cycle_plan_to_bytes (plan);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The merged text; @lines gets the conflicts as cycle-tool prints them, one a line */
static char *
merge (const char  *base,
       const char  *ours,
       const char  *theirs,
       char       **lines)
{
  g_autoptr(CyclePlan) b = test_plan_from_text (base);
  g_autoptr(CyclePlan) o = test_plan_from_text (ours);
  g_autoptr(CyclePlan) t = test_plan_from_text (theirs);
  g_autoptr(GPtrArray) conflicts = cycle_merge (b, o, t);
  g_autoptr(GBytes) bytes = cycle_plan_to_bytes (o);
  GString *text = g_string_new (NULL);
  g_autoptr(CyclePlan) again = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < conflicts->len; i++)
    {
      g_autofree char *line = cycle_conflict_describe (g_ptr_array_index (conflicts, i));

      g_string_append_printf (text, "%s\n", line);
    }
  *lines = g_string_free (text, FALSE);

  /* Always a valid plan */
  again = cycle_plan_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

typedef struct
{
  const char *name;
  const char *base;
  const char *ours;
  const char *theirs;
  const char *expected;    /* the merged plan, canonically written from this */
  const char *conflicts;   /* the lines cycle-tool merge prints */
} Case;

#define STAGES(...) HEAD "\"stages\":[" __VA_ARGS__ "]}"
#define S1 "{\"id\":\"s1\",\"name\":\"A\",\"why\":\"w1\"}"
#define S2 "{\"id\":\"s2\",\"name\":\"B\",\"why\":\"w2\"}"
#define S3 "{\"id\":\"s3\",\"name\":\"C\"}"
#define S4 "{\"id\":\"s4\",\"name\":\"D\"}"
#define S5 "{\"id\":\"s5\",\"name\":\"E\"}"

static const Case cases[] = {
  { "add-add",
    STAGES (S1), STAGES (S1 ",{\"id\":\"s-b\",\"name\":\"Ours\"}"),
    STAGES (S1 ",{\"id\":\"s-a\",\"name\":\"Theirs\"}"),
    STAGES (S1 ",{\"id\":\"s-a\",\"name\":\"Theirs\"},{\"id\":\"s-b\",\"name\":\"Ours\"}"),
    "" },
  { "edit-edit-different-fields",
    STAGES (S1), STAGES ("{\"id\":\"s1\",\"name\":\"A\",\"why\":\"ours\"}"),
    STAGES ("{\"id\":\"s1\",\"name\":\"A\",\"why\":\"w1\",\"kpi\":\"theirs\"}"),
    STAGES ("{\"id\":\"s1\",\"name\":\"A\",\"why\":\"ours\",\"kpi\":\"theirs\"}"),
    "" },
  { "edit-edit-same-field",
    STAGES (S1 "," S2), STAGES (S1 ",{\"id\":\"s2\",\"name\":\"B\",\"why\":\"ours\"}"),
    STAGES (S1 ",{\"id\":\"s2\",\"name\":\"B\",\"why\":\"theirs\"}"),
    HEAD "\"stages\":[" S1 ",{\"id\":\"s2\",\"name\":\"B\",\"why\":\"ours\"}],"
    "\"conflicts\":[{\"kind\":\"stage\",\"item\":\"s2\",\"name\":\"B\",\"field\":\"why\","
    "\"base\":\"w2\",\"ours\":\"ours\",\"theirs\":\"theirs\"}]}",
    "stage s2 “B”, why: changed on both sides (base \"w2\", ours \"ours\", theirs \"theirs\")\n" },
  { "edit-delete",
    STAGES (S1 "," S2), STAGES (S1 ",{\"id\":\"s2\",\"name\":\"B\",\"why\":\"ours\"}"),
    STAGES (S1),
    HEAD "\"stages\":[" S1 ",{\"id\":\"s2\",\"name\":\"B\",\"why\":\"ours\"}],"
    "\"conflicts\":[{\"kind\":\"stage\",\"item\":\"s2\",\"name\":\"B\","
    "\"base\":{\"id\":\"s2\",\"name\":\"B\",\"lane\":\"internal\",\"why\":\"w2\","
    "\"permission\":\"none\",\"x\":0,\"y\":0,\"content\":[]},"
    "\"ours\":{\"id\":\"s2\",\"name\":\"B\",\"lane\":\"internal\",\"why\":\"ours\","
    "\"permission\":\"none\",\"x\":0,\"y\":0,\"content\":[]}}]}",
    "stage s2 “B”, deleted in theirs, but edited or still used in ours; kept\n" },
  { "delete-delete",
    STAGES (S1 "," S2), STAGES (S1), STAGES (S1), STAGES (S1), "" },
  { "delete-unchanged",
    STAGES (S1 "," S2), STAGES (S1 "," S2), STAGES (S2), STAGES (S2), "" },
  { "reorder-reorder",
    STAGES (S1 "," S2 "," S3), STAGES (S3 "," S1 "," S2), STAGES (S2 "," S3 "," S1),
    STAGES (S3 "," S2 "," S1), "" },
  { "reorder-same-item-two-ways",
    STAGES (S1 "," S2 "," S3 "," S4 "," S5), STAGES (S2 "," S3 "," S4 "," S5 "," S1),
    STAGES (S2 "," S3 "," S1 "," S4 "," S5),
    HEAD "\"stages\":[" S2 "," S3 "," S4 "," S5 "," S1 "],"
    "\"conflicts\":[{\"kind\":\"stage\",\"item\":\"s1\",\"name\":\"A\",\"field\":\"position\"}]}",
    "stage s1 “A”, position: moved to different places on both sides\n" },
  { "unknown-members",
    HEAD "\"x_a\":1,\"x_c\":[1],\"stages\":[{\"id\":\"s1\",\"name\":\"A\",\"x_s\":{\"k\":1}}]}",
    HEAD "\"x_a\":2,\"x_c\":[2],\"stages\":[{\"id\":\"s1\",\"name\":\"A\",\"x_s\":{\"k\":1}}]}",
    HEAD "\"x_a\":1,\"x_b\":9007199254740993,\"x_c\":[3],"
    "\"stages\":[{\"id\":\"s1\",\"name\":\"A\",\"x_s\":{\"k\":2}}]}",
    HEAD "\"x_a\":2,\"x_b\":9007199254740993,\"x_c\":[2],"
    "\"stages\":[{\"id\":\"s1\",\"name\":\"A\",\"x_s\":{\"k\":2}}],"
    "\"conflicts\":[{\"kind\":\"plan\",\"field\":\"x_c\",\"base\":[1],\"ours\":[2],"
    "\"theirs\":[3]}]}",
    "plan, x_c: changed on both sides (base [1], ours [2], theirs [3])\n" },
  { "colliding-ids",
    STAGES (S1), STAGES (S1 ",{\"id\":\"s9\",\"name\":\"Ours\"}"),
    STAGES (S1 ",{\"id\":\"s9\",\"name\":\"Theirs\"}"),
    HEAD "\"stages\":[" S1 ",{\"id\":\"s9\",\"name\":\"Ours\"}],"
    "\"conflicts\":[{\"kind\":\"stage\",\"item\":\"s9\",\"name\":\"Ours\",\"field\":\"name\","
    "\"ours\":\"Ours\",\"theirs\":\"Theirs\"}]}",
    "stage s9 “Ours”, name: added on both sides with different values (ours \"Ours\", "
    "theirs \"Theirs\")\n" },
  { "same-addition-both-sides",
    STAGES (S1), STAGES (S1 "," S2), STAGES (S1 "," S2), STAGES (S1 "," S2), "" },
  { "content-moved-and-edited",
    STAGES ("{\"id\":\"s1\",\"name\":\"A\",\"content\":[{\"id\":\"c1\",\"title\":\"T\"}]}," S2),
    STAGES ("{\"id\":\"s1\",\"name\":\"A\",\"content\":[{\"id\":\"c1\",\"title\":\"T2\"}]}," S2),
    STAGES (S1 ",{\"id\":\"s2\",\"name\":\"B\",\"why\":\"w2\",\"content\":[{\"id\":\"c1\","
            "\"title\":\"T\"}]}"),
    STAGES (S1 ",{\"id\":\"s2\",\"name\":\"B\",\"why\":\"w2\",\"content\":[{\"id\":\"c1\","
            "\"title\":\"T2\"}]}"),
    "" },
  { "link-to-deleted-stage",
    STAGES (S1 "," S2 "," S3), STAGES (S1 "," S2),
    HEAD "\"stages\":[" S1 "," S2 "," S3 "],\"links\":[{\"id\":\"l2\",\"from\":\"s1\","
    "\"to\":\"s3\"}]}",
    HEAD "\"stages\":[" S1 "," S2 "],\"conflicts\":[{\"kind\":\"link\",\"item\":\"l2\","
    "\"theirs\":{\"id\":\"l2\",\"from\":\"s1\",\"to\":\"s3\",\"kind\":\"next\"}}]}",
    "link l2, deleted in ours, but edited or still used in theirs; kept\n" },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *lines = NULL;
  g_autofree char *merged = merge (c->base, c->ours, c->theirs, &lines);
  g_autofree char *expected = canonical (c->expected);

  g_assert_cmpstr (merged, ==, expected);
  g_assert_cmpstr (lines, ==, c->conflicts);
}

/* Properties over edits of a real plan */

static char *
read_good (const char *name)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = g_test_get_filename (G_TEST_DIST, "data", "good", name, NULL);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return canonical (text);
}

static char *
to_text (CyclePlan *plan)
{
  g_autoptr(GBytes) bytes = cycle_plan_to_bytes (plan);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A few edits of @text, chosen by @which, as canonical text */
static char *
edit (const char *text,
      guint       which)
{
  g_autoptr(CyclePlan) plan = test_plan_from_text (text);
  GListModel *stages = cycle_plan_get_stages (plan);
  guint n = g_list_model_get_n_items (stages);
  g_autoptr(CycleStage) first = n > 0 ? g_list_model_get_item (stages, 0) : NULL;
  g_autoptr(CycleStage) last = n > 0 ? g_list_model_get_item (stages, n - 1) : NULL;

  switch (which % 5)
    {
    case 0:
      if (first != NULL)
        cycle_stage_set_name (first, "Renamed");
      cycle_plan_add_stage (plan, cycle_stage_new ("Added"), 0);
      break;
    case 1:
      if (last != NULL)
        cycle_plan_move_stage (plan, last, 0);
      if (first != NULL)
        cycle_stage_set_why (first, "Another why");
      break;
    case 2:
      if (first != NULL)
        cycle_plan_add_content (plan, first, cycle_content_new ("New content"), -1);
      cycle_plan_set_title (plan, "Edited title");
      break;
    case 3:
      if (last != NULL && n > 1)
        cycle_plan_remove_stage (plan, last);
      break;
    default:
      if (n > 1)
        {
          g_autoptr(CycleStage) second = g_list_model_get_item (stages, 1);
          GListModel *content = cycle_stage_get_content (first);

          if (g_list_model_get_n_items (content) > 0)
            {
              g_autoptr(CycleContent) c = g_list_model_get_item (content, 0);

              cycle_plan_move_content (plan, c, second, 0);
            }
          cycle_stage_set_kpi (second, "Edited KPI");
        }
      break;
    }

  return to_text (plan);
}

static void
test_unchanged_side (void)
{
  const char *names[] = { "every-field.cycle", "funnel-seven-stages.cycle", "two-lanes.cycle",
                          "unknown-members.cycle", "french.cycle" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint which = 0; which < 5; which++)
      {
        g_autofree char *base = read_good (names[i]);
        g_autofree char *changed = edit (base, which);
        g_autofree char *lines1 = NULL, *lines2 = NULL;
        g_autofree char *m1 = merge (base, base, changed, &lines1);
        g_autofree char *m2 = merge (base, changed, base, &lines2);

        g_assert_cmpstr (m1, ==, changed);
        g_assert_cmpstr (m2, ==, changed);
        g_assert_cmpstr (lines1, ==, "");
        g_assert_cmpstr (lines2, ==, "");
      }
}

static void
test_symmetric (void)
{
  const char *names[] = { "every-field.cycle", "funnel-seven-stages.cycle", "two-lanes.cycle",
                          "unknown-members.cycle" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint a = 0; a < 5; a++)
      for (guint b = 0; b < 5; b++)
        {
          g_autofree char *base = read_good (names[i]);
          g_autofree char *x = edit (base, a);
          g_autofree char *y = edit (base, b);
          g_autofree char *lines1 = NULL, *lines2 = NULL;
          g_autofree char *m1 = merge (base, x, y, &lines1);
          g_autofree char *m2 = merge (base, y, x, &lines2);

          /* Up to which side a conflict's value comes from */
          if (lines1[0] == '\0' && lines2[0] == '\0')
            g_assert_cmpstr (m1, ==, m2);
          else
            g_assert_cmpuint (strlen (lines1) > 0, ==, strlen (lines2) > 0);
        }
}

static void
test_resolve (void)
{
  const Case *c = &cases[2];
  g_autoptr(CyclePlan) b = test_plan_from_text (c->base);
  g_autoptr(CyclePlan) o = test_plan_from_text (c->ours);
  g_autoptr(CyclePlan) t = test_plan_from_text (c->theirs);
  g_autoptr(GPtrArray) conflicts = cycle_merge (b, o, t);
  g_autoptr(GPtrArray) recorded = cycle_plan_get_conflicts (o);
  CycleConflict *first;
  CycleStage *s2 = cycle_plan_find_stage (o, "s2");

  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpuint (recorded->len, ==, 1);
  first = g_ptr_array_index (recorded, 0);
  g_assert_cmpstr (first->kind, ==, "stage");
  g_assert_cmpstr (first->item, ==, "s2");
  g_assert_cmpstr (first->field, ==, "why");
  g_assert_cmpstr (first->theirs, ==, "\"theirs\"");
  g_assert_false (cycle_plan_can_undo (o));

  cycle_plan_resolve_conflict (o, 0, CYCLE_MERGE_THEIRS);
  g_assert_cmpstr (cycle_stage_get_why (s2), ==, "theirs");
  g_assert_cmpuint (cycle_plan_get_n_conflicts (o), ==, 0);

  /* One step back: the value and the record */
  g_assert_true (cycle_plan_undo (o));
  g_assert_cmpstr (cycle_stage_get_why (s2), ==, "ours");
  g_assert_cmpuint (cycle_plan_get_n_conflicts (o), ==, 1);
  g_assert_false (cycle_plan_can_undo (o));
  g_assert_true (cycle_plan_redo (o));
  g_assert_cmpstr (cycle_stage_get_why (s2), ==, "theirs");

  /* Resolving an edit/delete conflict for the side that deleted removes the item */
  {
    const Case *d = &cases[3];
    g_autoptr(CyclePlan) b2 = test_plan_from_text (d->base);
    g_autoptr(CyclePlan) o2 = test_plan_from_text (d->ours);
    g_autoptr(CyclePlan) t2 = test_plan_from_text (d->theirs);
    g_autoptr(GPtrArray) c2 = cycle_merge (b2, o2, t2);

    g_assert_cmpuint (c2->len, ==, 1);
    cycle_plan_resolve_conflict (o2, 0, CYCLE_MERGE_THEIRS);
    g_assert_null (cycle_plan_find_stage (o2, "s2"));
    g_assert_true (cycle_plan_undo (o2));
    g_assert_nonnull (cycle_plan_find_stage (o2, "s2"));
    g_assert_cmpuint (cycle_plan_get_n_conflicts (o2), ==, 1);
  }
}

/* The recorded conflicts survive saving and loading, byte for byte */
static void
test_round_trip (void)
{
  g_autofree char *lines = NULL;
  g_autofree char *merged = merge (cases[8].base, cases[8].ours, cases[8].theirs, &lines);
  g_autofree char *again = canonical (merged);

  g_assert_cmpstr (again, ==, merged);
  g_assert_nonnull (strstr (merged, "\"conflicts\": ["));
}

static void
test_bad_conflicts (void)
{
  const char *bad[] = {
    HEAD "\"conflicts\":{}}",
    HEAD "\"conflicts\":[{\"item\":\"s1\"}]}",
    HEAD "\"conflicts\":[{\"kind\":\"nothing\"}]}",
    HEAD "\"conflicts\":[{\"kind\":\"stage\",\"item\":1}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CyclePlan) plan = cycle_plan_new_from_data (bad[i], strlen (bad[i]), &error);

      g_assert_null (plan);
      g_assert_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_INVALID);
    }
}

/* The merge as an edit in the window: every table case gives the same plan as cycle_merge (),
 * as one step that undo takes back to ours exactly (order, unknown members, conflicts), and
 * that redo makes again; the history before it stays. */
static void
test_undoable (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autoptr(CyclePlan) b = test_plan_from_text (c->base);
      g_autoptr(CyclePlan) o = test_plan_from_text (c->ours);
      g_autoptr(CyclePlan) t = test_plan_from_text (c->theirs);
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *before = NULL, *merged = NULL, *undone = NULL, *redone = NULL;

      /* An edit before, which must survive in the history */
      cycle_plan_set_description (o, "Edited before");
      cycle_plan_seal_undo (o);
      before = to_text (o);
      {
        g_autoptr(CyclePlan) o2 = test_plan_from_text (before);
        g_autoptr(CyclePlan) b2 = test_plan_from_text (c->base);
        g_autoptr(CyclePlan) t2 = test_plan_from_text (c->theirs);
        g_autoptr(GPtrArray) c2 = cycle_merge (b2, o2, t2);

        expected = to_text (o2);
      }

      g_test_message ("case %s", c->name);
      conflicts = cycle_plan_merge (o, b, t);
      merged = to_text (o);
      g_assert_cmpstr (merged, ==, expected);
      /* Nothing to merge: nothing to undo */
      if (strcmp (merged, before) == 0)
        {
          g_assert_cmpstr (cycle_plan_get_undo_label (o), ==, "Change Description");
          continue;
        }
      g_assert_cmpstr (cycle_plan_get_undo_label (o), ==, "Merge");

      g_assert_true (cycle_plan_undo (o));
      undone = to_text (o);
      g_assert_cmpstr (undone, ==, before);
      g_assert_true (cycle_plan_redo (o));
      redone = to_text (o);
      g_assert_cmpstr (redone, ==, merged);

      /* Back past the merge to the edit before it */
      g_assert_true (cycle_plan_undo (o));
      g_assert_cmpstr (cycle_plan_get_undo_label (o), ==, "Change Description");
      g_assert_true (cycle_plan_undo (o));
      g_assert_false (cycle_plan_can_undo (o));
    }
}

/* Resolving a conflict on a member Cycle does not know is undone like any other */
static void
test_resolve_unknown (void)
{
  const Case *c = &cases[8];
  g_autoptr(CyclePlan) b = test_plan_from_text (c->base);
  g_autoptr(CyclePlan) o = test_plan_from_text (c->ours);
  g_autoptr(CyclePlan) t = test_plan_from_text (c->theirs);
  g_autoptr(GPtrArray) conflicts = cycle_plan_merge (o, b, t);
  g_autofree char *merged = to_text (o);
  g_autofree char *resolved = NULL, *undone = NULL;

  g_assert_cmpuint (conflicts->len, ==, 1);
  cycle_plan_resolve_conflict (o, 0, CYCLE_MERGE_THEIRS);
  resolved = to_text (o);
  g_assert_nonnull (strstr (resolved, "\"x_c\": [\n    3\n  ]"));
  g_assert_null (strstr (resolved, "\"conflicts\""));
  g_assert_true (cycle_plan_undo (o));
  undone = to_text (o);
  g_assert_cmpstr (undone, ==, merged);
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

/* A document merges what another program wrote to its file since it was loaded (its base):
 * both changes, the file's new state known (saving asks nothing), one undoable step. A
 * synced copy merges the same way, and leaves what is known of the file alone. */
static void
test_document (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cycle-merge-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.cycle", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "plan (conflicted copy 2026-12-06 101500)"
                                                 ".cycle", NULL);
  g_autofree char *base = canonical (STAGES (S1 "," S2));
  g_autofree char *theirs = canonical (STAGES (S1 ",{\"id\":\"s2\",\"name\":\"Theirs\","
                                               "\"why\":\"w2\"}"));
  g_autofree char *copy = canonical (STAGES (S1 "," S2 "," S3));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) copy_file = NULL;
  g_autoptr(CycleDocument) doc = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  CyclePlan *plan;

  write_file (path, base);
  file = g_file_new_for_path (path);
  doc = cycle_document_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  plan = cycle_document_get_plan (doc);
  g_assert_cmpuint (g_bytes_get_size (cycle_document_get_base (doc)), ==, strlen (base));
  cycle_stage_set_why (cycle_plan_find_stage (plan, "s1"), "Ours");

  write_file (path, theirs);
  g_assert_true (cycle_document_changed_on_disk (doc, NULL));
  conflicts = cycle_document_merge_file (doc, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpstr (cycle_stage_get_why (cycle_plan_find_stage (plan, "s1")), ==, "Ours");
  g_assert_cmpstr (cycle_stage_get_name (cycle_plan_find_stage (plan, "s2")), ==, "Theirs");
  g_assert_false (cycle_document_changed_on_disk (doc, NULL));
  g_assert_true (cycle_plan_get_modified (plan));

  /* Undo: exactly the plan before the merge, still to be saved */
  g_assert_true (cycle_plan_undo (plan));
  g_assert_cmpstr (cycle_stage_get_name (cycle_plan_find_stage (plan, "s2")), ==, "B");
  g_assert_cmpstr (cycle_stage_get_why (cycle_plan_find_stage (plan, "s1")), ==, "Ours");
  g_assert_true (cycle_plan_get_modified (plan));
  g_assert_true (cycle_plan_redo (plan));
  g_assert_true (cycle_document_save (doc, NULL, FALSE, NULL, &error));
  g_assert_no_error (error);

  /* A synced copy: stage s3 added there */
  write_file (copy_path, copy);
  copy_file = g_file_new_for_path (copy_path);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = cycle_document_merge_file (doc, copy_file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cycle_plan_find_stage (plan, "s3"));
  g_assert_false (cycle_document_changed_on_disk (doc, NULL));

  /* Reload: the file's version exactly, in one step that undo takes back */
  write_file (path, theirs);
  {
    g_autofree char *before = to_text (plan);
    g_autofree char *reloaded = NULL;

    g_assert_true (cycle_document_reload (doc, NULL, &error));
    g_assert_no_error (error);
    reloaded = to_text (plan);
    g_assert_cmpstr (reloaded, ==, theirs);
    g_assert_false (cycle_plan_get_modified (plan));
    g_assert_true (cycle_plan_undo (plan));
    g_clear_pointer (&reloaded, g_free);
    reloaded = to_text (plan);
    g_assert_cmpstr (reloaded, ==, before);
    g_assert_true (cycle_plan_redo (plan));
  }

  /* A file that cannot be read leaves the plan as it was */
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  g_assert_no_errno (g_unlink (copy_path));
  conflicts = cycle_document_merge_file (doc, copy_file, NULL, &error);
  g_assert_null (conflicts);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (cycle_plan_get_undo_label (plan), ==, "Merge");

  g_assert_no_errno (g_unlink (path));
  g_assert_no_errno (g_rmdir (dir));
}

static CycleConflict *
conflict_new (const char *kind,
              const char *item,
              const char *name,
              const char *field,
              const char *base,
              const char *ours,
              const char *theirs)
{
  CycleConflict *c = g_new0 (CycleConflict, 1);

  *c = (CycleConflict) { g_strdup (kind), g_strdup (item), g_strdup (name), g_strdup (field),
                         g_strdup (base), g_strdup (ours), g_strdup (theirs) };
  return c;
}

static void
test_labels (void)
{
  const char *text = HEAD "\"personas\":[{\"id\":\"p1\",\"name\":\"Parent\"}],"
    "\"stages\":[{\"id\":\"s1\",\"name\":\"Visitors\",\"content\":[{\"id\":\"c1\","
    "\"title\":\"Guide\",\"persona\":\"p1\"}]},{\"id\":\"s2\",\"name\":\"Leads\"}]}";
  g_autoptr(CyclePlan) plan = test_plan_from_text (text);
  g_autoptr(CycleConflict) why =
    conflict_new ("stage", "s1", "Visitors", "why", "\"w\"", "\"Ours \\\"q\\\"\"", NULL);
  g_autoptr(CycleConflict) moved =
    conflict_new ("content", "c1", "Guide", "stage", "\"s1\"", "\"s1\"", "\"s2\"");
  g_autoptr(CycleConflict) persona =
    conflict_new ("content", "c1", "Guide", "persona", NULL, "\"p1\"", "\"gone\"");
  g_autoptr(CycleConflict) rate =
    conflict_new ("stage", "s1", NULL, "conversion_rate", "0.1", "0.2", "0.3");
  g_autoptr(CycleConflict) deleted =
    conflict_new ("stage", "s2", "Leads", NULL, "{}", NULL, "{}");
  g_autoptr(CycleConflict) plan_x =
    conflict_new ("plan", NULL, NULL, "x_c", "[1]", "[2]", "\"three\"");
  struct { CycleConflict *c; const char *item, *field, *ours, *theirs; } expected[] = {
    { why, "Stage “Visitors”", "Why", "Ours \"q\"", "(not set)" },
    { moved, "Content “Guide”", "Stage", "Visitors", "Leads" },
    { persona, "Content “Guide”", "Persona", "Parent", "\"gone\"" },
    { rate, "Stage s1", "Conversion rate", "20%", "30%" },
    { deleted, "Stage “Leads”", "Deleted on one side, changed on the other", "Deleted",
      "Kept, with its changes" },
    { plan_x, "The plan", "x_c", "[2]", "three" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *item = cycle_conflict_dup_item_label (expected[i].c);
      g_autofree char *field = cycle_conflict_dup_field_label (expected[i].c);
      g_autofree char *ours = cycle_conflict_dup_value_label (expected[i].c, plan,
                                                              CYCLE_MERGE_OURS);
      g_autofree char *theirs = cycle_conflict_dup_value_label (expected[i].c, plan,
                                                                CYCLE_MERGE_THEIRS);

      g_assert_cmpstr (item, ==, expected[i].item);
      g_assert_cmpstr (field, ==, expected[i].field);
      g_assert_cmpstr (ours, ==, expected[i].ours);
      g_assert_cmpstr (theirs, ==, expected[i].theirs);
    }
}

/* Values as every view shows them, in the interface's language: a word of a fixed list by its
 * label, a date by its month's name, a rate as a percentage (a loop's as people each), numbers
 * with the language's marks. */
static void
check_value_labels (CyclePlan  *plan,
                    gboolean    french)
{
  struct { const char *kind, *item, *field, *ours, *theirs, *english[2], *french[2]; } labels[] = {
    { "content", "c1", "status", "\"scheduled\"", "\"published\"",
      { "Scheduled", "Published" }, { "Programmé", "Publié" } },
    { "content", "c1", "commitment", "\"stored-card\"", "\"email\"",
      { "Store a card", "E-mail address" },
      { "Enregistrer sa carte bancaire", "Donner son adresse e-mail" } },
    { "content", "c1", "pitch", "true", "false", { "A Pitch", "Not a Pitch" },
      { "Un argumentaire", "Pas un argumentaire" } },
    { "content", "c1", "due", "\"2027-01-15\"", "\"2027-02-01\"",
      { "15 Jan 2027", "1 Feb 2027" }, { "15 janv. 2027", "1 févr. 2027" } },
    { "stage", "s1", "days", "7", "1500", { "7", "1,500" }, { "7", "1\u202f500" } },
    { "stage", "s1", "conversion_rate", "0.04", "0.006", { "4%", "0.6%" },
      { "4\u00a0%", "0,6\u00a0%" } },
    { "link", "l1", "rate", "0.25", "0.5", { "25%", "50%" }, { "25\u00a0%", "50\u00a0%" } },
    { "link", "l2", "rate", "0.5", "300", { "0.5 each", "300 each" },
      { "0,5 chacun", "300 chacun" } },
    { "plan", NULL, "projection_start", "1000", "2500.5", { "1,000", "2,500.5" },
      { "1\u202f000", "2\u202f500,5" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(CycleConflict) c = conflict_new (labels[i].kind, labels[i].item, NULL,
                                                 labels[i].field, NULL, labels[i].ours,
                                                 labels[i].theirs);
      g_autofree char *ours = cycle_conflict_dup_value_label (c, plan, CYCLE_MERGE_OURS);
      g_autofree char *theirs = cycle_conflict_dup_value_label (c, plan, CYCLE_MERGE_THEIRS);

      g_assert_cmpstr (ours, ==, french ? labels[i].french[0] : labels[i].english[0]);
      g_assert_cmpstr (theirs, ==, french ? labels[i].french[1] : labels[i].english[1]);
    }
}

static void
test_value_labels (void)
{
  const char *text = HEAD "\"stages\":[{\"id\":\"s1\",\"name\":\"Visitors\",\"content\":["
    "{\"id\":\"c1\",\"title\":\"Guide\"}]},{\"id\":\"s2\",\"name\":\"Leads\"}],"
    "\"links\":[{\"id\":\"l1\",\"from\":\"s1\",\"to\":\"s2\"},"
    "{\"id\":\"l2\",\"from\":\"s2\",\"to\":\"s1\",\"kind\":\"loop\"}]}";
  g_autoptr(CyclePlan) plan = test_plan_from_text (text);

  check_value_labels (plan, FALSE);
  if (!test_language_french ())
    return;
  check_value_labels (plan, TRUE);
  test_language_english ();
}

static void
test_synced_copy_names (void)
{
  const struct { const char *name; gboolean copy; } names[] = {
    { "plan (conflicted copy 2026-12-06 101500).cycle", TRUE },
    { "plan (conflicted copy Ana 2026-12-06 101500).cycle", TRUE },
    { "plan (conflicted copy Ana Lima 2026-12-06 101500).cycle", TRUE },
    { "plan (conflicted copy 2026-12-06 101500 by Ana).cycle", TRUE },
    { "plan.sync-conflict-20261206-101500-ABCDEFG.cycle", TRUE },
    { "plan.cycle", FALSE },
    { "plan (conflicted copy 2026-12-06 101500).txt", FALSE },
    { "plan (conflicted copy).cycle", FALSE },
    { "plan (conflicted copy 2026-12-06 1015).cycle", FALSE },
    { "plan (conflicted copy (Ana) 2026-12-06 101500).cycle", FALSE },
    { "plan 2 (conflicted copy 2026-12-06 101500).cycle", FALSE },
    { "other (conflicted copy 2026-12-06 101500).cycle", FALSE },
    { "plan.sync-conflict-20261206-101500-ABCDEF.cycle", FALSE },
    { "plan.sync-conflict-20261206-101500-ABCDEFG.cycle.tmp", FALSE },
    { "xplan.sync-conflict-20261206-101500-ABCDEFG.cycle", FALSE },
  };
  g_autofree char *dir = g_dir_make_tmp ("cycle-synced-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.cycle", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) copies = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *child = g_build_filename (dir, names[i].name, NULL);

      g_test_message ("%s", names[i].name);
      g_assert_cmpint (cycle_synced_copy_matches ("plan.cycle", names[i].name), ==,
                       names[i].copy);
      write_file (child, "");
    }
  /* Special characters of the plan's own name are taken literally */
  g_assert_true (cycle_synced_copy_matches ("a+b (1).cycle",
                                            "a+b (1) (conflicted copy 2026-12-06 101500).cycle"));
  g_assert_false (cycle_synced_copy_matches ("a+b.cycle",
                                             "aab (conflicted copy 2026-12-06 101500).cycle"));
  g_assert_true (cycle_synced_copy_matches ("noext",
                                            "noext.sync-conflict-20261206-101500-ABCDEFG"));

  copies = cycle_synced_copy_list (file, NULL);
  g_assert_cmpuint (copies->len, ==, 5);
  {
    g_autofree char *first = g_file_get_basename (g_ptr_array_index (copies, 0));

    g_assert_cmpstr (first, ==, "plan (conflicted copy 2026-12-06 101500 by Ana).cycle");
  }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *child = g_build_filename (dir, names[i].name, NULL);

      g_assert_no_errno (g_unlink (child));
    }
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/merge/case/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/merge/unchanged-side", test_unchanged_side);
  g_test_add_func ("/merge/symmetric", test_symmetric);
  g_test_add_func ("/merge/resolve", test_resolve);
  g_test_add_func ("/merge/round-trip", test_round_trip);
  g_test_add_func ("/merge/bad-conflicts", test_bad_conflicts);
  g_test_add_func ("/merge/undoable", test_undoable);
  g_test_add_func ("/merge/resolve-unknown", test_resolve_unknown);
  g_test_add_func ("/merge/document", test_document);
  g_test_add_func ("/merge/synced-copy-names", test_synced_copy_names);
  g_test_add_func ("/merge/labels", test_labels);
  g_test_add_func ("/merge/value-labels", test_value_labels);

  return g_test_run ();
}
