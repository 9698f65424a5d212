/* test-templates.c: every template builds a complete plan that the checks accept
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cycle-checker.h"
#include "cycle-plan-io.h"
#include "cycle-projection.h"
#include "cycle-sales-talk.h"
#include "cycle-templates.h"

#define MAX_STAGES   8
#define MAX_FINDINGS 4

typedef struct
{
  const char  *id;
  CycleLayout  layout;
  /* The documented stages, in order: the company's funnel, then the buyer's journey. */
  const char  *internal[MAX_STAGES];
  const char  *journey[MAX_STAGES];
  /* The internal stage whose role says it is the purchase. */
  const char  *purchase;
  /* Everything the checks say of the plan as created, "severity key", in the list's order: a
   * change to a template or to the checks that makes them say more (or less) shows here. */
  const char  *findings[MAX_FINDINGS];
} Expected;

static const Expected expected[] = {
  { "internal-funnel", CYCLE_LAYOUT_TWO_LANES,
    { "Visitors", "Leads", "Prospects", "Qualified", "Customers", "Members", "Evangelists" },
    { "Discovers a problem", "Looks for answers", "Compares solutions", "Decides", "Uses",
      "Recommends" },
    "Customers", { NULL } },
  /* AIDA stops at the sale (Action is its purchase): that nothing comes after it is what
   * Cycle says of it; and none of its content asks people what they think. The templates drawn
   * in one lane get the note that asks for the buyer's journey beside the funnel. */
  { "aida", CYCLE_LAYOUT_FUNNEL,
    { "Attention", "Interest", "Desire", "Action" }, { NULL },
    "Action", { "info lanes:journey", "info coverage:listen",
                "warning cycle:after-purchase:Action" } },
  { "buyers-journey", CYCLE_LAYOUT_TWO_LANES,
    { "Visitors", "Leads", "Opportunities", "Customers", "Active customers", "Advocates" },
    { "Awareness", "Consideration", "Decision", "Retention", "Advocacy" },
    "Customers", { NULL } },
  { "hubspot", CYCLE_LAYOUT_FUNNEL,
    { "Subscriber", "Lead", "MQL", "SQL", "Opportunity", "Customer", "Evangelist" }, { NULL },
    "Customer", { "info lanes:journey" } },
  { "mckinsey", CYCLE_LAYOUT_TWO_LANES,
    { "Audience", "Shoppers", "Buyers", "Owners", "Loyal customers" },
    { "Initial consideration", "Active evaluation", "Moment of purchase",
      "Post-purchase experience" },
    "Buyers", { NULL } },
  { "crowdfunding", CYCLE_LAYOUT_CYCLE,
    { "Believers", "Followers", "Early backers", "Backers", "Community", "Ambassadors" },
    { NULL },
    "Early backers", { "info lanes:journey" } },
  { "subscription", CYCLE_LAYOUT_CYCLE,
    { "Visitors", "Newsletter subscribers", "Trial", "Paying subscribers", "Loyal members",
      "Ambassadors" },
    { NULL },
    "Paying subscribers", { "info lanes:journey" } },
  /* A blank plan is a new plan: it has not said its why yet, and the checks say so. */
  { CYCLE_TEMPLATE_BLANK, CYCLE_LAYOUT_FREE, { NULL }, { NULL }, NULL,
    { "warning why:plan" } },
};

static guint
count_names (const char * const *names)
{
  guint n = 0;

  while (n < MAX_STAGES && names[n] != NULL)
    n++;
  return n;
}

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
  guint n_internal = count_names (e->internal);
  guint n_journey = count_names (e->journey);
  gboolean after_purchase = FALSE;

  g_assert_cmpint (cycle_plan_get_layout (plan), ==, e->layout);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_internal + n_journey);
  /* Two lanes are drawn as two lanes. */
  if (n_journey > 0)
    g_assert_cmpint (cycle_plan_get_layout (plan), ==, CYCLE_LAYOUT_TWO_LANES);

  for (guint i = 0; i < n_internal + n_journey; i++)
    {
      CycleStage *stage = stage_at (plan, i);
      gboolean internal = i < n_internal;
      CycleRole role = cycle_stage_get_role (stage);

      g_assert_cmpstr (cycle_stage_get_name (stage), ==,
                       internal ? e->internal[i] : e->journey[i - n_internal]);
      g_assert_cmpint (cycle_stage_get_lane (stage), ==,
                       internal ? CYCLE_LANE_INTERNAL : CYCLE_LANE_JOURNEY);
      g_assert_cmpstr (cycle_stage_get_why (stage), !=, "");
      g_assert_cmpstr (cycle_stage_get_question (stage), !=, "");
      g_assert_cmpstr (cycle_stage_get_kpi (stage), !=, "");
      g_assert_cmpuint (cycle_stage_get_n_content (stage), >=, 2);
      /* Every stage says its role; journey stages too. */
      g_assert_cmpint (role, !=, CYCLE_ROLE_NONE);

      if (!internal)
        continue;

      /* Every funnel stage but the last says how many move on. */
      if (i + 1 < n_internal)
        g_assert_cmpfloat (cycle_stage_get_conversion_rate (stage), >, 0.0);

      /* The purchase is the first funnel stage said to convert; what comes before it attracts
       * and engages, what comes after retains and advocates. */
      if (strcmp (cycle_stage_get_name (stage), e->purchase) == 0)
        {
          g_assert_false (after_purchase);
          g_assert_cmpint (role, ==, CYCLE_ROLE_CONVERT);
          after_purchase = TRUE;
        }
      else if (!after_purchase)
        g_assert_true (role == CYCLE_ROLE_ATTRACT || role == CYCLE_ROLE_ENGAGE);
      else
        g_assert_true (role == CYCLE_ROLE_CONVERT || role == CYCLE_ROLE_RETAIN ||
                       role == CYCLE_ROLE_ADVOCATE);
    }

  if (n_internal == 0)
    {
      g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_links (plan)), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_personas (plan)), ==, 0);
      g_assert_cmpstr (cycle_plan_get_title (plan), ==, "");
      return;
    }

  {
    g_autoptr(CycleChecker) checker = cycle_checker_new (plan);

    g_assert_true (after_purchase);
    g_assert_cmpstr (cycle_stage_get_name (cycle_checker_get_purchase_stage (checker)), ==,
                     e->purchase);
  }

  g_assert_cmpstr (cycle_plan_get_title (plan), !=, "");
  g_assert_cmpstr (cycle_plan_get_why (plan), !=, "");
  g_assert_cmpstr (cycle_plan_get_description (plan), !=, "");
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_personas (plan)), ==, 2);
  /* One chain of next steps in each lane, and at least one loop: the funnels close into a
   * cycle through their referral loop too. */
  g_assert_cmpuint (count_links (plan, CYCLE_LINK_NEXT), ==,
                    n_internal - 1 + (n_journey > 0 ? n_journey - 1 : 0));
  g_assert_cmpuint (count_links (plan, CYCLE_LINK_LOOP), >=, 1);
  if (n_journey == 0)
    g_assert_cmpuint (count_links (plan, CYCLE_LINK_MAPPING), ==, 0);
}

/* The position of @stage among the stages of its lane. */
static guint
lane_index (CyclePlan  *plan,
            CycleStage *stage)
{
  GListModel *stages = cycle_plan_get_stages (plan);
  guint index = 0;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      CycleStage *other = stage_at (plan, i);

      if (other == stage)
        return index;
      if (cycle_stage_get_lane (other) == cycle_stage_get_lane (stage))
        index++;
    }

  g_assert_not_reached ();
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
      CycleStage *source = cycle_link_get_source (link);
      CycleStage *target = cycle_link_get_target (link);
      CycleLane lane = cycle_stage_get_lane (source);
      guint position = 0;
      double rate = cycle_link_get_rate (link);

      g_assert_true (find_item (stages, source, &position));
      g_assert_true (find_item (stages, target, &position));

      switch (cycle_link_get_kind (link))
        {
        case CYCLE_LINK_NEXT:
          /* In its lane, to the stage after it; at the source's rate. Permission never drops
           * along the way. */
          g_assert_cmpint (cycle_stage_get_lane (target), ==, lane);
          g_assert_cmpuint (lane_index (plan, target), ==, lane_index (plan, source) + 1);
          g_assert_cmpfloat (rate, ==, CYCLE_RATE_UNSET);
          g_assert_cmpint (cycle_stage_get_permission (target), >=,
                           cycle_stage_get_permission (source));
          break;
        case CYCLE_LINK_LOOP:
          /* Back to an earlier stage of its lane, bringing people: a referral or a return. */
          g_assert_cmpint (cycle_stage_get_lane (target), ==, lane);
          g_assert_cmpuint (lane_index (plan, target), <, lane_index (plan, source));
          g_assert_cmpfloat (rate, >, 0.0);
          g_assert_cmpfloat (rate, <=, CYCLE_LOOP_RATE_MAX);
          loop_to_top |= lane == CYCLE_LANE_INTERNAL && lane_index (plan, target) == 0;
          break;
        case CYCLE_LINK_MAPPING:
          /* From a funnel stage to the journey stage it serves. */
          g_assert_cmpint (lane, ==, CYCLE_LANE_INTERNAL);
          g_assert_cmpint (cycle_stage_get_lane (target), ==, CYCLE_LANE_JOURNEY);
          g_assert_cmpfloat (rate, ==, CYCLE_RATE_UNSET);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (g_list_model_get_n_items (stages) > 0)
    g_assert_true (loop_to_top);
}

/* The lowest permission of the funnel stages mapped to @stage, or -1 when none is. */
static int
mapped_permission (CyclePlan  *plan,
                   CycleStage *stage)
{
  GListModel *links = cycle_plan_get_links (plan);
  int lowest = -1;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links, i);
      CycleStage *other;

      if (cycle_link_get_kind (link) != CYCLE_LINK_MAPPING)
        continue;
      if (cycle_link_get_target (link) == stage)
        other = cycle_link_get_source (link);
      else if (cycle_link_get_source (link) == stage)
        other = cycle_link_get_target (link);
      else
        continue;

      if (lowest < 0 || (int) cycle_stage_get_permission (other) < lowest)
        lowest = cycle_stage_get_permission (other);
    }

  return lowest;
}

/* In a two-lane template every stage of either lane is mapped to the other, and a journey
 * stage has earned what the funnel stages serving it have (the lowest of them). */
static void
test_mappings (gconstpointer data)
{
  const Expected *e = data;
  g_autoptr(CyclePlan) plan = cycle_templates_create (e->id);
  GListModel *stages = cycle_plan_get_stages (plan);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      CycleStage *stage = stage_at (plan, i);
      int mapped = mapped_permission (plan, stage);

      if (e->journey[0] == NULL)
        {
          g_assert_cmpint (mapped, ==, -1);
          continue;
        }

      if (mapped < 0)
        g_test_message ("%s: “%s” is mapped to nothing", e->id, cycle_stage_get_name (stage));
      g_assert_cmpint (mapped, >=, 0);
      if (cycle_stage_get_lane (stage) == CYCLE_LANE_JOURNEY)
        g_assert_cmpint (cycle_stage_get_permission (stage), ==, mapped);
    }
}

/* The two ways back of McKinsey's journey, in the buyer's lane: the loyalty loop from the
 * experience straight to the moment of purchase, skipping consideration and evaluation, and a
 * new trigger back to consideration. */
static void
test_mckinsey_loops (void)
{
  g_autoptr(CyclePlan) plan = cycle_templates_create ("mckinsey");
  GListModel *links = cycle_plan_get_links (plan);
  gboolean loyalty = FALSE, trigger = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links, i);
      CycleStage *source = cycle_link_get_source (link);
      const char *to = cycle_stage_get_name (cycle_link_get_target (link));

      if (cycle_link_get_kind (link) != CYCLE_LINK_LOOP ||
          cycle_stage_get_lane (source) != CYCLE_LANE_JOURNEY)
        continue;

      g_assert_cmpstr (cycle_stage_get_name (source), ==, "Post-purchase experience");
      loyalty |= strcmp (to, "Moment of purchase") == 0;
      trigger |= strcmp (to, "Initial consideration") == 0;
    }

  g_assert_true (loyalty);
  g_assert_true (trigger);
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

/* Nothing reads like a pitch at the top of the funnel (its first two stages), nor at the
 * journey stages they serve, in the plan's own language. */
static void
assert_no_pitch_at_top (CyclePlan *plan)
{
  GListModel *content = cycle_plan_get_all_content (plan);
  GListModel *links = cycle_plan_get_links (plan);
  g_autoptr(GPtrArray) top = g_ptr_array_new ();
  const char *language = cycle_plan_get_language (plan);
  guint n_top;

  for (guint i = 0; i < g_list_model_get_n_items (cycle_plan_get_stages (plan)); i++)
    {
      CycleStage *stage = stage_at (plan, i);

      if (cycle_stage_get_lane (stage) == CYCLE_LANE_INTERNAL && top->len < 2)
        g_ptr_array_add (top, stage);
    }

  n_top = top->len;
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links, i);
      guint index;

      if (cycle_link_get_kind (link) == CYCLE_LINK_MAPPING &&
          g_ptr_array_find (top, cycle_link_get_source (link), &index) && index < n_top)
        g_ptr_array_add (top, cycle_link_get_target (link));
    }

  for (guint i = 0; i < g_list_model_get_n_items (content); i++)
    {
      g_autoptr(CycleContent) item = g_list_model_get_item (content, i);

      if (!g_ptr_array_find (top, cycle_content_get_stage (item), NULL))
        continue;

      g_test_message ("at the top: %s / %s", cycle_content_get_title (item),
                      cycle_content_get_cta (item));
      g_assert_false (cycle_sales_talk_check (cycle_content_get_title (item), language));
      g_assert_false (cycle_sales_talk_check (cycle_content_get_cta (item), language));
    }
}

/* The findings of a new plan from the template, as "severity key". */
static GPtrArray *
list_findings (const char *id)
{
  static const char * const severities[] = { "info", "warning", "error" };
  g_autoptr(CyclePlan) plan = cycle_templates_create (id);
  g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
  GListModel *findings = cycle_checker_get_findings (checker);
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CycleFinding) finding = g_list_model_get_item (findings, i);
      CycleStage *stage = cycle_finding_get_stage (finding);
      g_autofree char *key = g_strdup (cycle_finding_get_key (finding));

      g_test_message ("%s: %s", cycle_finding_get_key (finding),
                      cycle_finding_get_message (finding));

      /* New items get random ids (so that copies merge in git): a stage is named instead. */
      if (stage != NULL)
        {
          g_auto(GStrv) parts = g_strsplit (key, cycle_item_get_id (CYCLE_ITEM (stage)), -1);

          g_free (key);
          key = g_strjoinv (cycle_stage_get_name (stage), parts);
        }
      g_ptr_array_add (list, g_strdup_printf ("%s %s",
                                              severities[cycle_finding_get_severity (finding)],
                                              key));
    }

  return list;
}

static void
assert_findings (const Expected *e)
{
  g_autoptr(GPtrArray) found = list_findings (e->id);
  guint n = 0;

  while (n < MAX_FINDINGS && e->findings[n] != NULL)
    n++;

  for (guint i = 0; i < MIN (n, found->len); i++)
    g_assert_cmpstr (g_ptr_array_index (found, i), ==, e->findings[i]);
  g_assert_cmpuint (found->len, ==, n);
}

/* No template gives an error, none a warning but the two it is meant to (see the table), and
 * the notes are the expected ones. */
static void
test_checks (gconstpointer data)
{
  assert_findings (data);
}

/* The same findings when the interface, and so the plan, speaks French: the templates'
 * translations say nothing the checks would read as a pitch or a problem. */
static void
test_checks_french (gconstpointer data)
{
  const Expected *e = data;
  g_autofree char *po_dir = NULL;
  g_autofree char *mo = NULL;

  po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  mo = g_build_filename (po_dir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the French catalog is not built");
      return;
    }

  if (g_test_subprocess ())
    {
      g_autoptr(CyclePlan) plan = NULL;

      /* A new process: nothing has been translated yet, so the catalog is read afresh. */
      g_setenv ("LANGUAGE", "fr", TRUE);
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, po_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      plan = cycle_templates_create (e->id);
      g_assert_cmpstr (cycle_plan_get_language (plan), ==, "fr");
      if (strcmp (e->id, "internal-funnel") == 0)
        g_assert_cmpstr (cycle_plan_get_title (plan), ==, "Cycle d’engagement");
      assert_no_pitch_at_top (plan);
      assert_findings (e);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
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

/* The subscription's two referral loops, by hand: per person entering the top, 0.05 × 0.3 ×
 * 0.4 × 0.6 × 0.2 = 0.00072 become ambassadors; per person entering the trial, 0.4 × 0.6 × 0.2
 * = 0.048. Each ambassador brings 2 friends to the trial: the trial gets t more for each
 * person at the top, t = 2 × (0.00072 + 0.048 t), t = 0.00144 / 0.904; and 3 visitors: the
 * top's volume is 1,000 / (1 − 3 × (0.00072 + 0.048 t)). */
static void
test_subscription_projection (void)
{
  g_autoptr(CyclePlan) plan = cycle_templates_create ("subscription");
  g_autoptr(CycleProjection) projection = NULL;
  g_autoptr(GError) error = NULL;
  double t = 0.00144 / 0.904;
  double top = 1000 / (1 - 3 * (0.00072 + 0.048 * t));

  projection = cycle_projection_compute (plan, 1000, CYCLE_PROJECTION_STEADY, &error);
  g_assert_no_error (error);
  g_assert_true (cycle_projection_is_complete (projection));
  g_assert_true (cycle_projection_is_steady (projection));
  g_assert_false (cycle_projection_is_self_sustaining (projection));
  g_assert_cmpuint (cycle_projection_get_top_index (projection), ==, 0);
  g_assert_cmpfloat_with_epsilon (cycle_projection_get_volume (projection, 0), top, 1e-6);
  /* The trial: what the newsletter brings, and the ambassadors' friends. */
  g_assert_cmpfloat_with_epsilon (cycle_projection_get_volume (projection, 2),
                                  top * (0.015 + t), 1e-6);
  g_assert_cmpfloat (cycle_projection_get_referred_share (projection, 2), >, 0.05);
}

/* Every call to action asks for no more than one rung above what its stage has earned; at a
 * journey stage, no more than one rung above what the funnel stages serving it have earned. */
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
      if (cycle_stage_get_lane (stage) == CYCLE_LANE_JOURNEY)
        g_assert_cmpint (needed, <=, mapped_permission (plan, stage) + 1);
    }

  assert_no_pitch_at_top (plan);
}

/* Without the example content: the same stages, links and personas, no content, nothing to
 * undo, not modified. */
static void
test_no_content (void)
{
  for (guint i = 0; i < cycle_templates_get_count (); i++)
    {
      const char *id = cycle_templates_get_id (i);
      g_autoptr(CyclePlan) full = cycle_templates_create (id);
      g_autoptr(CyclePlan) bare = cycle_templates_create_full (id, CYCLE_TEMPLATE_NO_CONTENT);

      g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_all_content (bare)), ==, 0);
      g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_stages (bare)), ==,
                        g_list_model_get_n_items (cycle_plan_get_stages (full)));
      g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_links (bare)), ==,
                        g_list_model_get_n_items (cycle_plan_get_links (full)));
      g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_personas (bare)), ==,
                        g_list_model_get_n_items (cycle_plan_get_personas (full)));
      g_assert_false (cycle_plan_can_undo (bare));
      g_assert_false (cycle_plan_get_modified (bare));
    }
}

/* A team's own template: saved under the user's data folder, listed by name, made into a new
 * plan with or without its content; names that cannot be file names are refused. */
static void
test_user_templates (void)
{
  g_autoptr(CyclePlan) plan = cycle_templates_create ("aida");
  g_autoptr(CyclePlan) made = NULL;
  g_autoptr(CyclePlan) bare = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = cycle_templates_get_user_dir ();
  guint n_content = g_list_model_get_n_items (cycle_plan_get_all_content (plan));

  g_assert_true (g_str_has_suffix (dir, "/cycle/templates"));
  ids = cycle_templates_list_user ();
  g_assert_cmpuint (g_strv_length (ids), ==, 0);
  g_clear_pointer (&ids, g_strfreev);

  cycle_plan_set_title (plan, "Our launch");
  file = cycle_templates_save_user (plan, "  Lancement équipe ", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (file, NULL));
  g_clear_object (&file);
  file = cycle_templates_save_user (plan, "Autumn", &error);
  g_assert_no_error (error);

  ids = cycle_templates_list_user ();
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  name = cycle_templates_dup_user_name (ids[1]);
  g_assert_cmpstr (name, ==, "Lancement équipe");
  g_assert_null (cycle_templates_dup_user_name ("aida"));

  made = cycle_templates_create_full (ids[1], CYCLE_TEMPLATE_NONE);
  g_assert_nonnull (made);
  g_assert_cmpstr (cycle_plan_get_title (made), ==, "Our launch");
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_all_content (made)), ==, n_content);
  g_assert_false (cycle_plan_get_modified (made));
  g_assert_false (cycle_plan_can_undo (made));
  bare = cycle_templates_create_full (ids[1], CYCLE_TEMPLATE_NO_CONTENT);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_all_content (bare)), ==, 0);

  g_assert_null (cycle_templates_save_user (plan, "a/b", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (cycle_templates_save_user (plan, "  ", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (cycle_templates_create_full ("file:///nowhere/at/all.cycle", 0));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("cycle-templates-XXXXXX", NULL);
  g_autofree char *dir = NULL;
  int status;

  /* The team's own templates go to a temporary data folder, set before GLib reads it. */
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/templates/list", test_list);
  g_test_add_func ("/templates/no-content", test_no_content);
  g_test_add_func ("/templates/user", test_user_templates);
  g_test_add_func ("/templates/worked-funnel", test_worked_funnel);
  g_test_add_func ("/templates/mckinsey-loops", test_mckinsey_loops);
  g_test_add_func ("/templates/subscription-projection", test_subscription_projection);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      static const struct {
        const char     *name;
        GTestDataFunc   func;
      } tests[] = {
        { "fresh", test_fresh },
        { "stages", test_stages },
        { "links", test_links },
        { "mappings", test_mappings },
        { "content", test_content },
        { "permission", test_permission },
        { "round-trip", test_round_trip },
        { "checks", test_checks },
        { "checks-french", test_checks_french },
      };

      for (guint t = 0; t < G_N_ELEMENTS (tests); t++)
        {
          g_autofree char *path = g_strdup_printf ("/templates/%s/%s", tests[t].name,
                                                   expected[i].id);

          g_test_add_data_func (path, &expected[i], tests[t].func);
        }
    }

  status = g_test_run ();

  /* What /templates/user saved, and the folders above it up to the temporary one. */
  dir = cycle_templates_get_user_dir ();
  while (g_str_has_prefix (dir, data_home))
    {
      g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
      const char *name;
      char *parent;

      while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);

          g_remove (path);
        }
      g_rmdir (dir);
      parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = parent;
    }
  return status;
}
