/* test-templates.c: every template builds a complete plan that the checks accept
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "cycle-checker.h"
#include "cycle-plan-io.h"
#include "cycle-projection.h"
#include "cycle-templates.h"

typedef struct
{
  const char  *id;
  CycleLayout  layout;
  gboolean     cycle;       /* closes into a cycle: at least one loop link */
  const char  *stages[8];   /* the documented stages, in order */
} Expected;

static const Expected expected[] = {
  { "internal-funnel", CYCLE_LAYOUT_CYCLE, TRUE,
    { "Visitors", "Leads", "Prospects", "Qualified", "Customers", "Members", "Evangelists" } },
  { "aida", CYCLE_LAYOUT_FUNNEL, FALSE,
    { "Attention", "Interest", "Desire", "Action" } },
  { "buyers-journey", CYCLE_LAYOUT_CYCLE, TRUE,
    { "Awareness", "Consideration", "Decision", "Retention", "Advocacy" } },
  { "hubspot", CYCLE_LAYOUT_FUNNEL, FALSE,
    { "Subscriber", "Lead", "MQL", "SQL", "Opportunity", "Customer", "Evangelist" } },
  { "mckinsey", CYCLE_LAYOUT_CYCLE, TRUE,
    { "Trigger", "Initial consideration", "Active evaluation", "Moment of purchase",
      "Post-purchase experience", "Loyalty loop" } },
  { "crowdfunding", CYCLE_LAYOUT_CYCLE, TRUE,
    { "Believers", "Followers", "Early backers", "Backers", "Community", "Ambassadors" } },
  { CYCLE_TEMPLATE_BLANK, CYCLE_LAYOUT_FREE, FALSE, { NULL } },
};

/* The plan keeps the stage alive. */
static CycleStage *
stage_at (CyclePlan *plan,
          guint      index)
{
  CycleStage *stage = g_list_model_get_item (cycle_plan_get_stages (plan), index);

  g_object_unref (stage);
  return stage;
}

static gboolean
find_item (GListModel *model,
           gpointer    item,
           guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static guint
count_links (CyclePlan     *plan,
             CycleLinkKind  kind)
{
  GListModel *links = cycle_plan_get_links (plan);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links, i);

      if (cycle_link_get_kind (link) == kind)
        n++;
    }

  return n;
}

static void
test_list (void)
{
  g_assert_cmpuint (cycle_templates_get_count (), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < cycle_templates_get_count (); i++)
    {
      g_assert_cmpstr (cycle_templates_get_id (i), ==, expected[i].id);
      g_assert_cmpint (cycle_templates_find (expected[i].id), ==, i);
      g_assert_cmpstr (cycle_templates_get_name (i), !=, "");
      g_assert_cmpstr (cycle_templates_get_description (i), !=, "");
    }

  g_assert_cmpstr (cycle_templates_get_id (cycle_templates_get_count () - 1), ==,
                   CYCLE_TEMPLATE_BLANK);
  g_assert_cmpint (cycle_templates_find ("no-such-template"), ==, -1);
  g_assert_null (cycle_templates_create ("no-such-template"));
}

static void
test_fresh (gconstpointer data)
{
  const Expected *e = data;
  g_autoptr(CyclePlan) plan = cycle_templates_create (e->id);
  g_autoptr(CyclePlan) other = cycle_templates_create (e->id);

  g_assert_nonnull (plan);
  g_assert_true (plan != other);
  g_assert_false (cycle_plan_get_modified (plan));
  g_assert_false (cycle_plan_can_undo (plan));
  g_assert_false (cycle_plan_can_redo (plan));

  g_assert_finalize_object (g_steal_pointer (&other));
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_stages (gconstpointer data)
{
  const Expected *e = data;
  g_autoptr(CyclePlan) plan = cycle_templates_create (e->id);
  GListModel *stages = cycle_plan_get_stages (plan);
  guint n_expected = 0;

  while (n_expected < G_N_ELEMENTS (e->stages) && e->stages[n_expected] != NULL)
    n_expected++;

  g_assert_cmpint (cycle_plan_get_layout (plan), ==, e->layout);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      CycleStage *stage = stage_at (plan, i);

      g_assert_cmpstr (cycle_stage_get_name (stage), ==, e->stages[i]);
      g_assert_cmpstr (cycle_stage_get_why (stage), !=, "");
      g_assert_cmpstr (cycle_stage_get_question (stage), !=, "");
      g_assert_cmpint (cycle_stage_get_lane (stage), ==, CYCLE_LANE_INTERNAL);
      g_assert_cmpuint (cycle_stage_get_n_content (stage), >=, 2);
      /* Every stage but the last says how many move on. */
      if (i + 1 < n_expected)
        g_assert_cmpfloat (cycle_stage_get_conversion_rate (stage), >, 0.0);
    }

  if (n_expected == 0)
    {
      g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_links (plan)), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_personas (plan)), ==, 0);
      g_assert_cmpstr (cycle_plan_get_title (plan), ==, "");
      return;
    }

  g_assert_cmpstr (cycle_plan_get_title (plan), !=, "");
  g_assert_cmpstr (cycle_plan_get_why (plan), !=, "");
  g_assert_cmpstr (cycle_plan_get_description (plan), !=, "");
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_personas (plan)), ==, 2);
  g_assert_cmpuint (count_links (plan, CYCLE_LINK_NEXT), ==, n_expected - 1);
  /* Every template closes into a cycle, the funnels through their referral loop too. */
  g_assert_cmpuint (count_links (plan, CYCLE_LINK_LOOP), >=, 1);
  if (e->cycle)
    g_assert_cmpint (cycle_plan_get_layout (plan), ==, CYCLE_LAYOUT_CYCLE);
}

static void
test_links (gconstpointer data)
{
  const Expected *e = data;
  g_autoptr(CyclePlan) plan = cycle_templates_create (e->id);
  GListModel *links = cycle_plan_get_links (plan);
  GListModel *stages = cycle_plan_get_stages (plan);
  gboolean loop_to_top = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links, i);
      guint from = 0, to = 0;

      g_assert_true (find_item (stages, cycle_link_get_source (link),
                                        &from));
      g_assert_true (find_item (stages, cycle_link_get_target (link),
                                        &to));

      if (cycle_link_get_kind (link) == CYCLE_LINK_NEXT)
        {
          g_assert_cmpuint (to, ==, from + 1);
        }
      else
        {
          g_assert_cmpint (cycle_link_get_kind (link), ==, CYCLE_LINK_LOOP);
          g_assert_cmpuint (to, <, from);
          g_assert_cmpfloat (cycle_link_get_rate (link), >, 0.0);
          loop_to_top |= to == 0;
        }
    }

  if (g_list_model_get_n_items (stages) > 0)
    g_assert_true (loop_to_top);
}

static void
test_content (gconstpointer data)
{
  const Expected *e = data;
  g_autoptr(CyclePlan) plan = cycle_templates_create (e->id);
  GListModel *content = cycle_plan_get_all_content (plan);
  GListModel *personas = cycle_plan_get_personas (plan);
  guint used[2] = { 0, 0 };

  for (guint i = 0; i < g_list_model_get_n_items (content); i++)
    {
      g_autoptr(CycleContent) item = g_list_model_get_item (content, i);
      CyclePersona *persona = cycle_content_get_persona (item);
      guint index = 0;

      g_assert_cmpstr (cycle_content_get_title (item), !=, "");
      g_assert_cmpstr (cycle_content_get_cta (item), !=, "");
      g_assert_true (g_strv_contains (cycle_content_suggested_formats (),
                                      cycle_content_get_format (item)));
      g_assert_true (g_strv_contains (cycle_content_suggested_channels (),
                                      cycle_content_get_channel (item)));
      g_assert_nonnull (persona);
      g_assert_true (find_item (personas, persona, &index));
      used[index]++;
    }

  if (g_list_model_get_n_items (content) > 0)
    {
      g_assert_cmpuint (used[0], >, 0);
      g_assert_cmpuint (used[1], >, 0);
    }
}

static void
test_round_trip (gconstpointer data)
{
  const Expected *e = data;
  g_autoptr(CyclePlan) plan = cycle_templates_create (e->id);
  g_autoptr(CyclePlan) reloaded = NULL;
  g_autoptr(GBytes) bytes = cycle_plan_to_bytes (plan);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *text = g_bytes_get_data (bytes, &length);

  reloaded = cycle_plan_new_from_data (text, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reloaded);

  again = cycle_plan_to_bytes (reloaded);
  g_assert_cmpmem (g_bytes_get_data (again, NULL), g_bytes_get_size (again), text, length);
}

static void
test_checks (gconstpointer data)
{
  const Expected *e = data;
  g_autoptr(CyclePlan) plan = cycle_templates_create (e->id);
  g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
  GListModel *findings = cycle_checker_get_findings (checker);
  guint allowed_warnings = 0;

  /* A blank plan is a new plan: it has not said its why yet, and the checks say so. AIDA stops
   * at the sale (Action is its purchase): that nothing comes after it is what Cycle says of it. */
  if (strcmp (e->id, CYCLE_TEMPLATE_BLANK) == 0 || strcmp (e->id, "aida") == 0)
    allowed_warnings = 1;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CycleFinding) finding = g_list_model_get_item (findings, i);

      if (cycle_finding_get_severity (finding) == CYCLE_SEVERITY_INFO)
        continue;
      if (allowed_warnings > 0 && (strcmp (cycle_finding_get_key (finding), "why:plan") == 0 ||
                                   g_str_has_prefix (cycle_finding_get_key (finding),
                                                     "cycle:after-purchase")))
        continue;

      g_test_message ("%s: %s: %s", e->id, cycle_finding_get_key (finding),
                      cycle_finding_get_message (finding));
    }

  g_assert_cmpuint (cycle_checker_count (checker, CYCLE_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (cycle_checker_count (checker, CYCLE_SEVERITY_WARNING), ==, allowed_warnings);
}

/* The worked funnel: 1,000 visitors → 40 leads (4%) → 20 prospects (50%) → 10 qualified (50%)
 * → 6 customers (60%). */
static void
test_worked_funnel (void)
{
  static const double volumes[] = { 1000, 40, 20, 10, 6 };
  g_autoptr(CyclePlan) plan = cycle_templates_create ("internal-funnel");
  g_autoptr(CycleProjection) projection = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpfloat (cycle_stage_get_conversion_rate (stage_at (plan, 0)), ==, 0.04);
  g_assert_cmpfloat (cycle_stage_get_conversion_rate (stage_at (plan, 1)), ==, 0.5);
  g_assert_cmpfloat (cycle_stage_get_conversion_rate (stage_at (plan, 2)), ==, 0.5);
  g_assert_cmpfloat (cycle_stage_get_conversion_rate (stage_at (plan, 3)), ==, 0.6);

  projection = cycle_projection_compute (plan, 1000, 1, &error);
  g_assert_no_error (error);
  g_assert_true (cycle_projection_is_complete (projection));
  for (guint i = 0; i < G_N_ELEMENTS (volumes); i++)
    g_assert_cmpfloat_with_epsilon (cycle_projection_get_volume (projection, i), volumes[i],
                                    1e-9);
}

/* Every call to action asks for no more than one rung above what its stage has earned. */
static void
test_permission (gconstpointer data)
{
  const Expected *e = data;
  g_autoptr(CyclePlan) plan = cycle_templates_create (e->id);
  GListModel *content = cycle_plan_get_all_content (plan);

  for (guint i = 0; i < g_list_model_get_n_items (content); i++)
    {
      g_autoptr(CycleContent) item = g_list_model_get_item (content, i);
      CycleStage *stage = cycle_content_get_stage (item);
      CyclePermission needed =
        cycle_commitment_required_permission (cycle_content_get_commitment (item));

      g_assert_cmpint (needed, <=, cycle_stage_get_permission (stage) + 1);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/list", test_list);
  g_test_add_func ("/templates/worked-funnel", test_worked_funnel);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      static const struct {
        const char     *name;
        GTestDataFunc   func;
      } tests[] = {
        { "fresh", test_fresh },
        { "stages", test_stages },
        { "links", test_links },
        { "content", test_content },
        { "permission", test_permission },
        { "round-trip", test_round_trip },
        { "checks", test_checks },
      };

      for (guint t = 0; t < G_N_ELEMENTS (tests); t++)
        {
          g_autofree char *path = g_strdup_printf ("/templates/%s/%s", tests[t].name,
                                                   expected[i].id);

          g_test_add_data_func (path, &expected[i], tests[t].func);
        }
    }

  return g_test_run ();
}
