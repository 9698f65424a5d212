/* test-plan-part.c: stages taken out of a plan as a plan of their own and pasted into a plan
 * (cycle-plan-part.c): what copying and pasting stages carry, without a display
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cycle-error.h"
#include "cycle-plan-io.h"
#include "cycle-plan-part.h"

static CycleStage *
add_stage (CyclePlan  *plan,
           const char *name,
           double      x,
           double      y)
{
  g_autoptr(CycleStage) stage = cycle_stage_new (name);

  cycle_stage_set_position (stage, x, y);
  cycle_plan_add_stage (plan, stage, -1);
  return stage;
}

static CycleContent *
add_content (CyclePlan    *plan,
             CycleStage   *stage,
             const char   *title,
             CyclePersona *persona)
{
  g_autoptr(CycleContent) content = cycle_content_new (title);

  cycle_content_set_persona (content, persona);
  cycle_plan_add_content (plan, stage, content, -1);
  return content;
}

static CycleLink *
add_link (CyclePlan     *plan,
          CycleStage    *from,
          CycleStage    *to,
          CycleLinkKind  kind,
          double         rate)
{
  g_autoptr(CycleLink) link = cycle_link_new (from, to, kind);

  cycle_link_set_rate (link, rate);
  cycle_plan_add_link (plan, link);
  return link;
}

static CyclePersona *
add_persona (CyclePlan  *plan,
             const char *name,
             const char *why)
{
  g_autoptr(CyclePersona) persona = cycle_persona_new (name);

  cycle_persona_set_why (persona, why);
  cycle_plan_add_persona (plan, persona, -1);
  return persona;
}

static gpointer
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  return item;
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

/* Visitors → Leads → Customers ⟲ Visitors; Ana named by Leads' content, Ben by the customers'. */
static CyclePlan *
make_plan (void)
{
  CyclePlan *plan = cycle_plan_new ();
  CyclePersona *ana = add_persona (plan, "Ana", "Runs a café");
  CyclePersona *ben = add_persona (plan, "Ben", "Buys beans");
  CycleStage *visitors = add_stage (plan, "Visitors", 0, 0);
  CycleStage *leads = add_stage (plan, "Leads", 300, 0);
  CycleStage *customers = add_stage (plan, "Customers", 600, 0);
  CycleContent *guide;

  cycle_stage_set_why (leads, "They asked for the guide");
  cycle_stage_set_conversion_rate (leads, 0.25);
  add_content (plan, visitors, "Blog post", NULL);
  guide = add_content (plan, leads, "Brewing guide", ana);
  cycle_content_set_due (guide, "2027-03-15");
  cycle_content_set_channel (guide, "email");
  add_content (plan, leads, "Webinar", NULL);
  add_content (plan, customers, "Loyalty card", ben);
  add_link (plan, visitors, leads, CYCLE_LINK_NEXT, 0.1);
  add_link (plan, leads, customers, CYCLE_LINK_NEXT, 0.3);
  add_link (plan, customers, visitors, CYCLE_LINK_LOOP, 0.5);
  cycle_plan_clear_undo (plan);
  return plan;
}

static GBytes *
plan_bytes (CyclePlan *plan)
{
  return cycle_plan_to_bytes (plan);
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

/* Two linked stages with their content: the part holds them, the link between them, the one
 * persona their content names, with the plan's ids; and it survives the file's text. */
static void
test_extract (void)
{
  g_autoptr(CyclePlan) plan = make_plan ();
  g_autoptr(GPtrArray) stages = g_ptr_array_new ();
  g_autoptr(CyclePlan) part = NULL;
  g_autoptr(CyclePlan) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GError) error = NULL;
  CycleStage *leads, *customers;
  CycleLink *link;

  /* Any order: the part keeps the plan's. */
  g_ptr_array_add (stages, item_at (cycle_plan_get_stages (plan), 2));
  g_ptr_array_add (stages, item_at (cycle_plan_get_stages (plan), 1));
  part = cycle_plan_extract_stages (plan, stages);

  g_assert_cmpuint (n_items (cycle_plan_get_stages (part)), ==, 2);
  leads = item_at (cycle_plan_get_stages (part), 0);
  customers = item_at (cycle_plan_get_stages (part), 1);
  g_assert_cmpstr (cycle_stage_get_name (leads), ==, "Leads");
  g_assert_cmpstr (cycle_stage_get_why (leads), ==, "They asked for the guide");
  g_assert_cmpfloat (cycle_stage_get_conversion_rate (leads), ==, 0.25);
  g_assert_cmpstr (cycle_item_get_id (CYCLE_ITEM (leads)), ==,
                   cycle_item_get_id (item_at (cycle_plan_get_stages (plan), 1)));
  g_assert_cmpuint (cycle_stage_get_n_content (leads), ==, 2);
  g_assert_cmpuint (cycle_stage_get_n_content (customers), ==, 1);
  g_assert_cmpuint (n_items (cycle_plan_get_links (part)), ==, 1);
  link = item_at (cycle_plan_get_links (part), 0);
  g_assert_true (cycle_link_get_source (link) == leads);
  g_assert_true (cycle_link_get_target (link) == customers);
  g_assert_cmpfloat (cycle_link_get_rate (link), ==, 0.3);
  /* Ana and Ben are named; the part's content names the part's personas. */
  g_assert_cmpuint (n_items (cycle_plan_get_personas (part)), ==, 2);
  g_assert_true (cycle_content_get_persona (item_at (cycle_stage_get_content (leads), 0)) ==
                 item_at (cycle_plan_get_personas (part), 0));
  g_assert_false (cycle_plan_can_undo (part));
  /* The source plan is untouched. */
  g_assert_cmpuint (n_items (cycle_plan_get_stages (plan)), ==, 3);
  g_assert_false (cycle_plan_can_undo (plan));

  bytes = plan_bytes (part);
  again = cycle_plan_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    &error);
  g_assert_no_error (error);
  bytes_again = plan_bytes (again);
  assert_same_bytes (bytes, bytes_again);
}

/* Pasted into the same plan: fresh ids, everything copied, the link re-mapped to the copies,
 * personas matched by name, one undo step that restores the plan exactly. */
static void
test_insert_same_plan (void)
{
  g_autoptr(CyclePlan) plan = make_plan ();
  g_autoptr(GPtrArray) stages = g_ptr_array_new ();
  g_autoptr(CyclePlan) part = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GBytes) before = plan_bytes (plan);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GError) error = NULL;
  CycleStage *leads = item_at (cycle_plan_get_stages (plan), 1);
  CycleStage *copy, *copy2;
  CycleContent *guide;
  CycleLink *link;

  g_ptr_array_add (stages, leads);
  g_ptr_array_add (stages, item_at (cycle_plan_get_stages (plan), 2));
  part = cycle_plan_extract_stages (plan, stages);

  added = cycle_plan_insert_part (plan, part, 3, 40, 200, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 2);
  g_assert_cmpuint (n_items (cycle_plan_get_stages (plan)), ==, 5);
  copy = g_ptr_array_index (added, 0);
  copy2 = g_ptr_array_index (added, 1);
  g_assert_true (item_at (cycle_plan_get_stages (plan), 3) == copy);
  g_assert_true (item_at (cycle_plan_get_stages (plan), 4) == copy2);
  g_assert_cmpstr (cycle_item_get_id (CYCLE_ITEM (copy)), !=,
                   cycle_item_get_id (CYCLE_ITEM (leads)));
  g_assert_true (cycle_plan_find_stage (plan, cycle_item_get_id (CYCLE_ITEM (copy))) == copy);
  g_assert_cmpstr (cycle_stage_get_name (copy), ==, "Leads");
  g_assert_cmpstr (cycle_stage_get_why (copy), ==, "They asked for the guide");
  g_assert_cmpfloat (cycle_stage_get_x (copy), ==, 340);
  g_assert_cmpfloat (cycle_stage_get_y (copy), ==, 200);

  g_assert_cmpuint (cycle_stage_get_n_content (copy), ==, 2);
  guide = item_at (cycle_stage_get_content (copy), 0);
  g_assert_cmpstr (cycle_content_get_title (guide), ==, "Brewing guide");
  g_assert_cmpstr (cycle_content_get_due (guide), ==, "2027-03-15");
  g_assert_cmpstr (cycle_content_get_channel (guide), ==, "email");
  g_assert_true (cycle_content_get_stage (guide) == copy);
  g_assert_true (cycle_plan_find_content (plan, cycle_item_get_id (CYCLE_ITEM (guide))) == guide);
  /* Ana is the plan's own Ana: no second persona. */
  g_assert_cmpuint (n_items (cycle_plan_get_personas (plan)), ==, 2);
  g_assert_true (cycle_content_get_persona (guide) == item_at (cycle_plan_get_personas (plan), 0));

  /* The link between the two copies, not between the originals. */
  g_assert_cmpuint (n_items (cycle_plan_get_links (plan)), ==, 4);
  link = item_at (cycle_plan_get_links (plan), 3);
  g_assert_true (cycle_link_get_source (link) == copy);
  g_assert_true (cycle_link_get_target (link) == copy2);
  g_assert_cmpint (cycle_link_get_kind (link), ==, CYCLE_LINK_NEXT);
  g_assert_cmpfloat (cycle_link_get_rate (link), ==, 0.3);

  /* One undo step, named for what it did */
  g_assert_cmpstr (cycle_plan_get_undo_label (plan), ==, "Paste Stages");
  after = plan_bytes (plan);
  g_assert_true (cycle_plan_undo (plan));
  g_assert_false (cycle_plan_can_undo (plan));
  undone = plan_bytes (plan);
  assert_same_bytes (before, undone);
  g_assert_true (cycle_plan_redo (plan));
  redone = plan_bytes (plan);
  assert_same_bytes (after, redone);
}

/* Into another plan, through the file's text as the clipboard carries it: personas found by
 * name, case aside, or added with their fields; members Cycle does not know kept. */
static void
test_insert_other_plan (void)
{
  g_autoptr(CyclePlan) plan = make_plan ();
  g_autoptr(CyclePlan) other = cycle_plan_new ();
  g_autoptr(GPtrArray) stages = g_ptr_array_new ();
  g_autoptr(CyclePlan) part = NULL;
  g_autoptr(CyclePlan) carried = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  CyclePersona *ana = add_persona (other, "ANA", "Another Ana");
  CyclePersona *ben;
  CycleStage *customers;

  add_stage (other, "Top", 0, 0);
  g_ptr_array_add (stages, item_at (cycle_plan_get_stages (plan), 1));
  g_ptr_array_add (stages, item_at (cycle_plan_get_stages (plan), 2));
  part = cycle_plan_extract_stages (plan, stages);
  bytes = plan_bytes (part);
  carried = cycle_plan_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      &error);
  g_assert_no_error (error);

  added = cycle_plan_insert_part (other, carried, -1, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 2);
  g_assert_cmpuint (n_items (cycle_plan_get_stages (other)), ==, 3);
  g_assert_cmpuint (n_items (cycle_plan_get_links (other)), ==, 1);
  g_assert_cmpuint (n_items (cycle_plan_get_personas (other)), ==, 2);
  g_assert_true (cycle_content_get_persona (item_at (cycle_stage_get_content (
                   g_ptr_array_index (added, 0)), 0)) == ana);
  ben = item_at (cycle_plan_get_personas (other), 1);
  g_assert_cmpstr (cycle_persona_get_name (ben), ==, "Ben");
  g_assert_cmpstr (cycle_persona_get_why (ben), ==, "Buys beans");
  customers = g_ptr_array_index (added, 1);
  g_assert_true (cycle_content_get_persona (item_at (cycle_stage_get_content (customers), 0)) ==
                 ben);
  g_assert_cmpstr (cycle_plan_get_undo_label (other), ==, "Paste Stages");
  g_assert_true (cycle_plan_undo (other));
  g_assert_cmpuint (n_items (cycle_plan_get_stages (other)), ==, 1);
  g_assert_cmpuint (n_items (cycle_plan_get_personas (other)), ==, 1);
  g_assert_cmpuint (n_items (cycle_plan_get_links (other)), ==, 0);
}

static void
test_unknown_members (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good",
                                                 "unknown-members.cycle", NULL);
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(CyclePlan) part = NULL;
  g_autoptr(CyclePlan) other = cycle_plan_new ();
  g_autoptr(GPtrArray) stages = g_ptr_array_new ();
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  CycleStage *copy;
  JsonObject *extras;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  plan = cycle_plan_new_from_data (text, length, &error);
  g_assert_no_error (error);
  g_ptr_array_add (stages, item_at (cycle_plan_get_stages (plan), 0));
  part = cycle_plan_extract_stages (plan, stages);
  added = cycle_plan_insert_part (other, part, -1, 0, 0, &error);
  g_assert_no_error (error);

  copy = g_ptr_array_index (added, 0);
  extras = cycle_item_get_extras (CYCLE_ITEM (copy));
  g_assert_true (json_object_has_member (extras, "x-stage-extra"));
  extras = cycle_item_get_extras (item_at (cycle_stage_get_content (copy), 0));
  g_assert_true (json_object_has_member (extras, "x-content-extra"));
  extras = cycle_item_get_extras (item_at (cycle_plan_get_personas (other), 0));
  g_assert_true (json_object_has_member (extras, "x-persona-extra"));
}

/* Over the plan's limits, or nothing to paste: a message that says so, and nothing changed. */
static void
test_limits (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CyclePlan) part = cycle_plan_new ();
  g_autoptr(CyclePlan) empty = cycle_plan_new ();
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < CYCLE_PLAN_MAX_STAGES - 1; i++)
    {
      g_autoptr(CycleStage) stage = cycle_stage_new ("S");

      cycle_plan_add_stage (plan, stage, -1);
    }
  cycle_plan_clear_undo (plan);
  add_stage (part, "One", 0, 0);
  add_stage (part, "Two", 0, 0);

  added = cycle_plan_insert_part (plan, part, -1, 0, 0, &error);
  g_assert_null (added);
  g_assert_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "20,000"));
  g_assert_nonnull (strstr (error->message, "Nothing was changed"));
  g_assert_cmpuint (n_items (cycle_plan_get_stages (plan)), ==, CYCLE_PLAN_MAX_STAGES - 1);
  g_assert_false (cycle_plan_can_undo (plan));
  g_clear_error (&error);

  /* One fits. */
  cycle_plan_remove_stage (part, item_at (cycle_plan_get_stages (part), 1));
  added = cycle_plan_insert_part (plan, part, -1, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 1);
  g_clear_pointer (&added, g_ptr_array_unref);

  added = cycle_plan_insert_part (plan, empty, -1, 0, 0, &error);
  g_assert_null (added);
  g_assert_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_EMPTY);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-part/extract", test_extract);
  g_test_add_func ("/plan-part/insert-same-plan", test_insert_same_plan);
  g_test_add_func ("/plan-part/insert-other-plan", test_insert_other_plan);
  g_test_add_func ("/plan-part/unknown-members", test_unknown_members);
  g_test_add_func ("/plan-part/limits", test_limits);

  return g_test_run ();
}
