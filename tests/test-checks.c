/* test-checks.c: the checks of a plan against the engagement-cycle ideas, full and incremental
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
#include "test-language.h"

/* Helpers */

static CyclePlan *
load_plan (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  CyclePlan *plan;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  plan = cycle_plan_new_from_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static CyclePlan *
load_check_plan (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "checks", name, NULL);
  return load_plan (path);
}

static char *
snapshot (CyclePlan *plan)
{
  g_autoptr(GBytes) bytes = cycle_plan_to_bytes (plan);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static const char *
id_or_dash (gpointer item)
{
  return item != NULL ? cycle_item_get_id (item) : "-";
}

/* Everything about a finding, one line: what the incremental and full checks must agree on. */
static char *
describe (CycleFinding *finding)
{
  return g_strdup_printf ("%s|%s|%s|%s|%s|%s|%s|%s",
                          cycle_finding_get_key (finding),
                          cycle_finding_kind_to_nick (cycle_finding_get_kind (finding)),
                          cycle_severity_to_nick (cycle_finding_get_severity (finding)),
                          id_or_dash (cycle_finding_get_stage (finding)),
                          id_or_dash (cycle_finding_get_content (finding)),
                          id_or_dash (cycle_finding_get_persona (finding)),
                          cycle_finding_get_message (finding),
                          cycle_finding_can_fix (finding) ? cycle_finding_get_fix_label (finding)
                                                          : "");
}

static char *
describe_all (GListModel *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CycleFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *line = describe (finding);

      g_string_append_printf (out, "%s\n", line);
    }

  return g_string_free (out, FALSE);
}

static CycleFinding *
find_by_key (CycleChecker *checker,
             const char   *key)
{
  GListModel *findings = cycle_checker_get_findings (checker);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CycleFinding) finding = g_list_model_get_item (findings, i);

      if (g_strcmp0 (cycle_finding_get_key (finding), key) == 0)
        return finding;
    }

  return NULL;
}

/* The findings of hand-made plans */

static GPtrArray *
list_check_plans (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "checks", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".cycle"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  return names;
}

/* What the projection with the plan's own settings gives: "steady" or the number of cycles, then
 * each stage on the path as id=volume (two decimals), and the referred share where there is one. */
static char *
describe_projection (CyclePlan *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CycleProjection) projection = cycle_projection_compute_for_plan (plan, &error);
  GString *out = g_string_new (NULL);

  if (projection == NULL)
    {
      g_string_append_printf (out, "none: %s", error->message);
      return g_string_free (out, FALSE);
    }

  if (cycle_projection_is_steady (projection))
    g_string_append (out, "steady");
  else
    g_string_append_printf (out, "%u", cycle_projection_get_cycles (projection));

  for (guint i = 0; i < cycle_projection_get_n_stages (projection); i++)
    {
      double volume = cycle_projection_get_volume (projection, i);
      double referred = cycle_projection_get_referred_share (projection, i);

      if (!cycle_projection_is_on_path (projection, i))
        continue;
      g_string_append_printf (out, "\t%s=", cycle_item_get_id (
                                CYCLE_ITEM (cycle_projection_get_stage (projection, i))));
      if (isnan (volume))
        g_string_append (out, "?");
      else
        g_string_append_printf (out, "%.2f", volume);
      if (referred > 0.0)
        g_string_append_printf (out, "(%.1f%%)", referred * 100.0);
    }

  return g_string_free (out, FALSE);
}

/* tests/data/checks/expected.txt: each plan's exact findings (kind, severity, key), in the
 * checker's order, and for some, the projection they must give. */
static void
test_expected_findings (void)
{
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "data", "checks",
                                                          "expected.txt", NULL);
  g_autofree char *expected_text = NULL;
  g_auto(GStrv) expected_lines = NULL;
  g_autoptr(GPtrArray) names = list_check_plans ();
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify)g_string_free);
  g_autoptr(GHashTable) projections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             g_free);
  gboolean print = g_getenv ("CYCLE_PRINT_FINDINGS") != NULL;
  guint n_clean = 0;

  g_file_get_contents (expected_path, &expected_text, NULL, NULL);
  g_assert_nonnull (expected_text);
  expected_lines = g_strsplit (expected_text, "\n", -1);
  for (guint i = 0; expected_lines[i] != NULL; i++)
    {
      const char *line = expected_lines[i];
      const char *tab = strchr (line, '\t');
      g_autofree char *file = NULL;

      if (line[0] == '\0' || line[0] == '#')
        continue;
      g_assert_nonnull (tab);
      file = g_strndup (line, tab - line);
      if (g_str_has_prefix (tab, "\tprojection\t"))
        {
          g_assert_false (g_hash_table_contains (projections, file));
          g_hash_table_insert (projections, g_strdup (file),
                               g_strdup (tab + strlen ("\tprojection\t")));
          continue;
        }
      if (!g_hash_table_contains (expected, file))
        g_hash_table_insert (expected, g_strdup (file), g_string_new (NULL));
      g_string_append_printf (g_hash_table_lookup (expected, file), "%s\n", line);
    }

  /* Every file named must exist. */
  {
    GHashTableIter iter;
    const char *file;

    g_hash_table_iter_init (&iter, expected);
    while (g_hash_table_iter_next (&iter, (gpointer *)&file, NULL))
      g_assert_true (g_ptr_array_find_with_equal_func (names, file, g_str_equal, NULL));
    g_hash_table_iter_init (&iter, projections);
    while (g_hash_table_iter_next (&iter, (gpointer *)&file, NULL))
      g_assert_true (g_ptr_array_find_with_equal_func (names, file, g_str_equal, NULL));
  }

  /* The table is meant to be broad. */
  g_assert_cmpuint (names->len, >=, 30);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(CyclePlan) plan = load_check_plan (name);
      g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
      GListModel *findings = cycle_checker_get_findings (checker);
      GString *want = g_hash_table_lookup (expected, name);
      const char *want_projection = g_hash_table_lookup (projections, name);
      g_autoptr(GString) got = g_string_new (NULL);
      g_autofree char *projection = describe_projection (plan);

      for (guint j = 0; j < g_list_model_get_n_items (findings); j++)
        {
          g_autoptr(CycleFinding) finding = g_list_model_get_item (findings, j);

          g_string_append_printf (got, "%s\t%s\t%s\t%s\n", name,
                                  cycle_finding_kind_to_nick (cycle_finding_get_kind (finding)),
                                  cycle_severity_to_nick (cycle_finding_get_severity (finding)),
                                  cycle_finding_get_key (finding));
        }

      /* CYCLE_PRINT_FINDINGS=1 prints what the plans give, to compare by eye with expected.txt. */
      if (print)
        {
          g_printerr ("%s%s\tprojection\t%s\n", got->str, name, projection);
          continue;
        }
      g_test_message ("%s", name);
      g_assert_cmpstr (got->str, ==, want != NULL ? want->str : "");
      if (want_projection != NULL)
        g_assert_cmpstr (projection, ==, want_projection);
      if (want == NULL)
        n_clean++;
    }

  /* At least two plans that must give no finding at all. */
  if (!print)
    g_assert_cmpuint (n_clean, >=, 2);
}

static void
test_messages (void)
{
  g_autoptr(CyclePlan) plan = load_check_plan ("permission.cycle");
  g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
  CycleFinding *finding;

  finding = find_by_key (checker, "permission:c2");
  g_assert_nonnull (finding);
  g_assert_cmpstr (cycle_finding_get_message (finding), ==,
                   "“Newsletter pop-up” asks for an e-mail address at “Visitors”, a stage that "
                   "has earned no permission yet. Give first; ask at a later stage.");
  g_assert_cmpstr (cycle_finding_get_fix_label (finding), ==, "Move to “Leads”");
  g_assert_true (cycle_finding_get_stage (finding) == cycle_plan_find_stage (plan, "s1"));
  g_assert_true (cycle_finding_get_content (finding) == cycle_plan_find_content (plan, "c2"));

  finding = find_by_key (checker, "permission:c21");
  g_assert_nonnull (finding);
  g_assert_cmpstr (cycle_finding_get_fix_label (finding), ==, "Lower the ask to “Follow”");

  finding = find_by_key (checker, "permission:c3");
  g_assert_cmpint (cycle_finding_get_severity (finding), ==, CYCLE_SEVERITY_ERROR);
  g_assert_true (strstr (cycle_finding_get_message (finding), "a card to keep on file") != NULL);
}

static void
test_sample (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "samples", "coffee-club.cycle", NULL);
  g_autoptr(CyclePlan) plan = load_plan (path);
  g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
  CycleFinding *finding = find_by_key (checker, "permission:c4");
  CycleStage *members = cycle_plan_find_stage (plan, "s6");
  guint gives, asks;

  /* The brief's example: the newsletter pop-up at Visitors. */
  g_assert_nonnull (finding);
  g_assert_cmpint (cycle_finding_get_kind (finding), ==, CYCLE_FINDING_PERMISSION);
  g_assert_cmpstr (cycle_finding_get_fix_label (finding), ==, "Move to “Leads”");

  cycle_checker_get_balance (checker, members, &gives, &asks);
  g_assert_cmpuint (gives, ==, 0);
  g_assert_cmpuint (asks, ==, 3);
  g_assert_nonnull (find_by_key (checker, "give-before-ask:s6"));
  g_assert_cmpuint (cycle_checker_count_for_stage (checker, members), ==, 1);
  g_assert_cmpuint (cycle_checker_count_for_stage (checker, cycle_plan_find_stage (plan, "s1")),
                    ==, 1);
  /* The purchase is where the sample says: Qualified, whose role is "convert" (the first box at
   * half price); Customers keep their card on file after it. */
  g_assert_true (cycle_checker_get_purchase_stage (checker) == cycle_plan_find_stage (plan, "s4"));
  g_assert_true (cycle_checker_is_after_purchase (checker, members));
  g_assert_true (cycle_checker_is_after_purchase (checker, cycle_plan_find_stage (plan, "s5")));
  g_assert_false (cycle_checker_is_after_purchase (checker, cycle_plan_find_stage (plan, "s4")));
  g_assert_cmpuint (cycle_checker_count (checker, CYCLE_SEVERITY_ERROR), ==, 0);
}

/* Every fix of every hand-made plan: it applies as one undo step named by its label, the
 * finding goes away, and undo brings the plan back exactly. */
static void
test_fixes (void)
{
  g_autoptr(GPtrArray) names = list_check_plans ();
  guint n_fixes = 0;

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(CyclePlan) plan = load_check_plan (g_ptr_array_index (names, i));
      g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
      g_autofree char *before = snapshot (plan);
      g_autofree char *findings_before = describe_all (cycle_checker_get_findings (checker));
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      GListModel *findings = cycle_checker_get_findings (checker);

      for (guint j = 0; j < g_list_model_get_n_items (findings); j++)
        {
          g_autoptr(CycleFinding) finding = g_list_model_get_item (findings, j);

          if (cycle_finding_can_fix (finding))
            g_ptr_array_add (keys, g_strdup (cycle_finding_get_key (finding)));
        }

      for (guint j = 0; j < keys->len; j++)
        {
          const char *key = g_ptr_array_index (keys, j);
          g_autoptr(CycleFinding) finding = g_object_ref (find_by_key (checker, key));
          g_autofree char *after = NULL;
          g_autofree char *findings_after = NULL;

          g_test_message ("%s: %s", (char *)g_ptr_array_index (names, i), key);
          cycle_plan_clear_undo (plan);
          g_assert_true (cycle_finding_apply_fix (finding));
          g_assert_cmpstr (cycle_plan_get_undo_label (plan), ==,
                           cycle_finding_get_fix_label (finding));
          g_assert_null (find_by_key (checker, key));

          /* The incremental findings are those of a fresh check. */
          {
            g_autoptr(CycleChecker) fresh = cycle_checker_new (plan);
            g_autofree char *a = describe_all (cycle_checker_get_findings (checker));
            g_autofree char *b = describe_all (cycle_checker_get_findings (fresh));

            g_assert_cmpstr (a, ==, b);
          }

          g_assert_true (cycle_plan_undo (plan));
          g_assert_false (cycle_plan_can_undo (plan));
          after = snapshot (plan);
          g_assert_cmpstr (after, ==, before);
          findings_after = describe_all (cycle_checker_get_findings (checker));
          g_assert_cmpstr (findings_after, ==, findings_before);

          /* A stale finding does nothing. */
          if (cycle_finding_get_content (finding) != NULL)
            {
              g_assert_true (cycle_finding_apply_fix (finding));
              g_assert_false (cycle_finding_apply_fix (finding));
              cycle_plan_undo (plan);
            }
          n_fixes++;
        }
    }

  g_assert_cmpuint (n_fixes, >=, 8);
}

static void
test_coverage (void)
{
  g_autoptr(CyclePlan) plan = load_check_plan ("coverage.cycle");
  g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
  g_autoptr(CycleCoverage) personas = cycle_checker_get_coverage (checker,
                                                                  CYCLE_COVERAGE_PERSONA);
  g_autoptr(CycleCoverage) channels = NULL;
  CycleContent *content;

  /* Five personas and the content with none (at Leads). */
  g_assert_cmpuint (cycle_coverage_get_n_rows (personas), ==, 6);
  g_assert_cmpuint (cycle_coverage_get_n_columns (personas), ==, 7);
  g_assert_true (cycle_coverage_get_stage (personas, 1) == cycle_plan_find_stage (plan, "s2"));
  g_assert_cmpstr (cycle_coverage_get_row_label (personas, 0), ==, "Parent");
  g_assert_true (cycle_coverage_get_row_persona (personas, 0) ==
                 cycle_plan_find_persona (plan, "p1"));
  g_assert_null (cycle_coverage_get_row_persona (personas, 5));
  g_assert_cmpstr (cycle_coverage_get_row_label (personas, 5), ==, "No persona");
  g_assert_cmpuint (cycle_coverage_get_count (personas, 0, 1), ==, 1);
  g_assert_cmpuint (cycle_coverage_get_count (personas, 5, 1), ==, 1);
  g_assert_true (cycle_coverage_is_empty (personas, 2, 1));
  g_assert_true (cycle_coverage_is_empty (personas, 0, 2));
  g_assert_cmpuint (cycle_coverage_get_count (personas, 0, 3), ==, 2);

  /* Channels: sorted, with a row for content without one. */
  content = cycle_plan_find_content (plan, "c1");
  cycle_content_set_channel (content, "blog");
  cycle_content_set_channel (cycle_plan_find_content (plan, "c6"), "email");
  cycle_content_set_channel (cycle_plan_find_content (plan, "c7"), "Blog");
  channels = cycle_checker_get_coverage (checker, CYCLE_COVERAGE_CHANNEL);
  g_assert_cmpuint (cycle_coverage_get_n_rows (channels), ==, 4);
  g_assert_cmpstr (cycle_coverage_get_row_channel (channels, 3), ==, NULL);
  g_assert_cmpstr (cycle_coverage_get_row_label (channels, 3), ==, "No channel");
  g_assert_cmpuint (cycle_coverage_get_count (channels, 3, 0), ==, 4);
  {
    guint total = 0;

    for (guint r = 0; r < 3; r++)
      {
        const char *channel = cycle_coverage_get_row_channel (channels, r);

        g_assert_nonnull (channel);
        total += cycle_coverage_get_count (channels, r, 0) + cycle_coverage_get_count (channels,
                                                                                        r, 1);
      }
    g_assert_cmpuint (total, ==, 3);
  }
}

/* In French, the channel rows show Cycle's channel words translated, in the order of the
 * French words (the catalog of this build directory; no French locale is needed). */
static void
test_coverage_french (void)
{
  static const char * const channels[] = { "social", "email", "in-app", "retargeting ads" };
  static const char * const expected[] = {
    "dans l’application", "e-mail", "publicité de reciblage", "réseaux sociaux"
  };
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(CycleChecker) checker = NULL;
  g_autoptr(CycleCoverage) coverage = NULL;

  if (!test_language_french ())
    return;

  plan = load_check_plan ("coverage.cycle");
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      char id[8];

      g_snprintf (id, sizeof id, "c%u", i + 1);
      cycle_content_set_channel (cycle_plan_find_content (plan, id), channels[i]);
    }
  checker = cycle_checker_new (plan);
  coverage = cycle_checker_get_coverage (checker, CYCLE_COVERAGE_CHANNEL);
  g_assert_cmpuint (cycle_coverage_get_n_rows (coverage), >=, G_N_ELEMENTS (expected));
  for (guint r = 0; r < G_N_ELEMENTS (expected); r++)
    g_assert_cmpstr (cycle_coverage_get_row_label (coverage, r), ==, expected[r]);
  /* The plan keeps Cycle's own words; only the view translates. */
  g_assert_cmpstr (cycle_coverage_get_row_channel (coverage, 0), ==, "in-app");

  test_language_english ();
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_signals (void)
{
  g_autoptr(CyclePlan) plan = load_check_plan ("clean-funnel.cycle");
  g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
  CycleStage *leads = cycle_plan_find_stage (plan, "s2");
  CycleContent *guide = cycle_plan_find_content (plan, "c2");
  guint stage_changes = 0, coverage_changes = 0, n_warnings = 0;
  guint gives, asks;

  g_assert_cmpuint (g_list_model_get_n_items (cycle_checker_get_findings (checker)), ==, 0);

  g_signal_connect_swapped (checker, "stage-findings-changed", G_CALLBACK (count_signal),
                            &stage_changes);
  g_signal_connect_swapped (checker, "coverage-changed", G_CALLBACK (count_signal),
                            &coverage_changes);
  g_signal_connect_swapped (checker, "notify::n-warnings", G_CALLBACK (count_signal),
                            &n_warnings);

  /* A title edit that changes no finding: nothing but coverage says anything. */
  cycle_content_set_title (guide, "The tasting guide, second edition");
  g_assert_cmpuint (stage_changes, ==, 0);
  g_assert_cmpuint (n_warnings, ==, 0);

  /* Asking for a call at Leads (situational): a warning, and Leads' badge says so. */
  cycle_content_set_commitment (guide, CYCLE_COMMITMENT_CALL);
  g_assert_cmpuint (stage_changes, ==, 1);
  g_assert_cmpuint (n_warnings, ==, 1);
  g_assert_cmpuint (cycle_checker_count_for_stage (checker, leads), ==, 1);
  g_assert_cmpuint (cycle_checker_count (checker, CYCLE_SEVERITY_WARNING), ==, 1);

  /* The balance follows the direction: the call asks; counted as giving by the user's word, it
   * gives, and the contradiction is a warning of its own. */
  cycle_checker_get_balance (checker, leads, &gives, &asks);
  g_assert_cmpuint (gives, ==, 1);
  g_assert_cmpuint (asks, ==, 1);
  cycle_content_set_direction (guide, CYCLE_DIRECTION_GIVES);
  g_assert_cmpuint (stage_changes, ==, 2);
  g_assert_cmpuint (cycle_checker_count_for_stage (checker, leads), ==, 2);
  cycle_checker_get_balance (checker, leads, &gives, &asks);
  g_assert_cmpuint (gives, ==, 2);
  g_assert_cmpuint (asks, ==, 0);

  cycle_plan_undo (plan);
  cycle_plan_undo (plan);
  g_assert_cmpuint (cycle_checker_count_for_stage (checker, leads), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_checker_get_findings (checker)), ==, 0);
  g_assert_cmpuint (coverage_changes, >, 0);
}

/* Incremental = full, over random edits */

static const char * const words[] = {
  "Guide", "Buy now", "Our price list", "Stories", "20 % off", "Achetez", "Recipes", "border",
  "Tasting", "", "Order today", "Webinar", "Promo", "Community", "cold call", "survey",
  "pop-up", "Le linge est sale", "Offre de lancement", "Grand Prix", "in order to",
};

static const char * const languages[] = { "", "en", "fr", "de" };
static const int stage_days[] = { CYCLE_DAYS_UNSET, 0, 9, 18 };
static const char * const campaign_starts[] = { "", "2027-03-01", "2027-03-12", "2027-04-20" };

#define N_COMMITMENTS (CYCLE_COMMITMENT_REFERRAL + 1)

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static gpointer
random_item (GRand      *rand,
             GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  return n > 0 ? g_list_model_get_item (model, g_rand_int_range (rand, 0, n)) : NULL;
}

typedef struct
{
  GPtrArray *shadow;   /* what items-changed told us */
} Shadow;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Shadow     *shadow)
{
  g_assert_cmpuint (position + removed, <=, shadow->shadow->len);
  g_ptr_array_remove_range (shadow->shadow, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (shadow->shadow, position + i, g_list_model_get_item (model, position + i));
}

static void
random_edit (GRand     *rand,
             CyclePlan *plan,
             CycleChecker *checker)
{
  g_autoptr(CycleContent) content = random_item (rand, cycle_plan_get_all_content (plan));
  g_autoptr(CycleStage) stage = random_item (rand, cycle_plan_get_stages (plan));
  g_autoptr(CycleStage) other = random_item (rand, cycle_plan_get_stages (plan));
  g_autoptr(CycleLink) link = random_item (rand, cycle_plan_get_links (plan));
  g_autoptr(CyclePersona) persona = random_item (rand, cycle_plan_get_personas (plan));
  guint n_stages = g_list_model_get_n_items (cycle_plan_get_stages (plan));
  int op = g_rand_int_range (rand, 0, 36);

  switch (op)
    {
    case 0:
    case 1:
      if (content != NULL)
        cycle_content_set_title (content, PICK (rand, words));
      break;
    case 2:
      if (content != NULL)
        cycle_content_set_cta (content, PICK (rand, words));
      break;
    case 3:
    case 4:
      if (content != NULL)
        cycle_content_set_commitment (content, g_rand_int_range (rand, 0, N_COMMITMENTS));
      break;
    case 5:
      if (content != NULL)
        cycle_content_set_direction (content, g_rand_int_range (rand, 0, 3));
      break;
    case 6:
      if (content != NULL)
        cycle_content_set_persona (content, g_rand_boolean (rand) ? persona : NULL);
      break;
    case 7:
    case 8:
      if (content != NULL && stage != NULL)
        cycle_plan_move_content (plan, content, stage, g_rand_int_range (rand, -1, 3));
      break;
    case 9:
      if (stage != NULL)
        {
          g_autoptr(CycleContent) fresh = cycle_content_new (PICK (rand, words));

          cycle_content_set_commitment (fresh, g_rand_int_range (rand, 0, N_COMMITMENTS));
          cycle_content_set_direction (fresh, g_rand_int_range (rand, 0, 3));
          cycle_content_set_persona (fresh, persona);
          cycle_plan_add_content (plan, stage, fresh, -1);
        }
      break;
    case 10:
      if (content != NULL)
        cycle_plan_remove_content (plan, content);
      break;
    case 11:
      if (stage != NULL)
        cycle_stage_set_name (stage, PICK (rand, words));
      break;
    case 12:
      if (stage != NULL)
        cycle_stage_set_why (stage, g_rand_boolean (rand) ? "Because." : "");
      break;
    case 13:
    case 14:
      if (stage != NULL)
        cycle_stage_set_permission (stage, g_rand_int_range (rand, 0, 6));
      break;
    case 15:
      if (stage != NULL)
        cycle_stage_set_lane (stage, g_rand_int_range (rand, 0, 2));
      break;
    case 16:
      if (stage != NULL)
        cycle_stage_set_conversion_rate (stage, g_rand_boolean (rand)
                                         ? CYCLE_RATE_UNSET : g_rand_double (rand));
      break;
    case 17:
      {
        g_autoptr(CycleStage) fresh = cycle_stage_new (PICK (rand, words));

        cycle_stage_set_permission (fresh, g_rand_int_range (rand, 0, 6));
        cycle_plan_add_stage (plan, fresh, g_rand_int_range (rand, -1, n_stages + 1));
      }
      break;
    case 18:
      if (stage != NULL && n_stages > 2)
        cycle_plan_remove_stage (plan, stage);
      break;
    case 19:
      if (stage != NULL)
        cycle_plan_move_stage (plan, stage, g_rand_int_range (rand, 0, n_stages));
      break;
    case 20:
      if (stage != NULL && other != NULL)
        {
          g_autoptr(CycleLink) fresh = cycle_link_new (stage, other,
                                                       g_rand_int_range (rand, 0, 3));

          if (g_rand_boolean (rand))
            cycle_link_set_rate (fresh, g_rand_double (rand));
          cycle_plan_add_link (plan, fresh);
        }
      break;
    case 21:
      if (link != NULL)
        cycle_plan_remove_link (plan, link);
      break;
    case 22:
      if (link != NULL)
        {
          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              cycle_link_set_rate (link, g_rand_boolean (rand) ? CYCLE_RATE_UNSET
                                                                : g_rand_double (rand));
              break;
            case 1:
              cycle_link_set_kind (link, g_rand_int_range (rand, 0, 3));
              break;
            default:
              if (other != NULL)
                cycle_link_set_target (link, other);
              break;
            }
        }
      break;
    case 23:
      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          {
            g_autoptr(CyclePersona) fresh = cycle_persona_new (PICK (rand, words));
            cycle_plan_add_persona (plan, fresh, -1);
          }
          break;
        case 1:
          if (persona != NULL)
            cycle_plan_remove_persona (plan, persona, NULL);
          break;
        default:
          if (persona != NULL)
            cycle_persona_set_name (persona, PICK (rand, words));
          break;
        }
      break;
    case 24:
      cycle_plan_set_why (plan, g_rand_boolean (rand) ? "" : "We believe.");
      break;
    case 25:
      {
        GListModel *findings = cycle_checker_get_findings (checker);
        g_autoptr(CycleFinding) finding = random_item (rand, findings);

        if (finding != NULL)
          cycle_finding_apply_fix (finding);
      }
      break;
    case 26:
      if (content != NULL)
        cycle_content_set_pitch (content, g_rand_int_range (rand, 0, 3));
      break;
    case 27:
      cycle_plan_set_language (plan, PICK (rand, languages));
      break;
    case 28:
      if (content != NULL)
        cycle_content_set_format (content, PICK (rand, words));
      break;
    case 29:
      if (content != NULL)
        cycle_content_set_consent (content, g_rand_int_range (rand, 0, 3));
      break;
    case 30:
      if (stage != NULL)
        cycle_stage_set_role (stage, g_rand_int_range (rand, 0, 6));
      break;
    case 31:
      /* A mapping between the lanes, as often as any other link. */
      if (stage != NULL && other != NULL && stage != other)
        {
          g_autoptr(CycleLink) fresh = cycle_link_new (stage, other, CYCLE_LINK_MAPPING);

          cycle_plan_add_link (plan, fresh);
        }
      break;
    case 32:
      /* A launch campaign's start, which moves every stage's window (cycle-campaign.h) */
      cycle_plan_set_campaign_start (plan, PICK (rand, campaign_starts));
      break;
    case 33:
      if (stage != NULL)
        cycle_stage_set_days (stage, PICK (rand, stage_days));
      break;
    case 34:
      if (content != NULL)
        cycle_content_set_due (content, PICK (rand, campaign_starts));
      break;
    default:
      if (content != NULL)
        cycle_content_set_channel (content, PICK (rand, words));
      break;
    }
}

static void
check_against_fresh (CyclePlan    *plan,
                     CycleChecker *checker,
                     Shadow       *shadow)
{
  g_autoptr(CycleChecker) fresh = cycle_checker_new (plan);
  g_autofree char *incremental = describe_all (cycle_checker_get_findings (checker));
  g_autofree char *full = describe_all (cycle_checker_get_findings (fresh));
  GListModel *stages = cycle_plan_get_stages (plan);
  GListModel *findings = cycle_checker_get_findings (checker);

  if (g_strcmp0 (incremental, full) != 0 && g_getenv ("CYCLE_PRINT_FINDINGS") != NULL)
    {
      g_file_set_contents ("incremental.txt", incremental, -1, NULL);
      g_file_set_contents ("full.txt", full, -1, NULL);
    }
  g_assert_cmpstr (incremental, ==, full);

  /* items-changed told the truth. */
  g_assert_cmpuint (shadow->shadow->len, ==, g_list_model_get_n_items (findings));
  for (guint i = 0; i < shadow->shadow->len; i++)
    {
      g_autoptr(CycleFinding) finding = g_list_model_get_item (findings, i);
      g_assert_true (finding == g_ptr_array_index (shadow->shadow, i));
    }

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);
      guint g1, a1, g2, a2;

      g_assert_cmpuint (cycle_checker_count_for_stage (checker, stage), ==,
                        cycle_checker_count_for_stage (fresh, stage));
      cycle_checker_get_balance (checker, stage, &g1, &a1);
      cycle_checker_get_balance (fresh, stage, &g2, &a2);
      g_assert_cmpuint (g1, ==, g2);
      g_assert_cmpuint (a1, ==, a2);
      g_assert_cmpint (cycle_checker_is_after_purchase (checker, stage), ==,
                       cycle_checker_is_after_purchase (fresh, stage));
    }

  for (guint s = CYCLE_SEVERITY_INFO; s <= CYCLE_SEVERITY_ERROR; s++)
    g_assert_cmpuint (cycle_checker_count (checker, s), ==, cycle_checker_count (fresh, s));
  g_assert_true (cycle_checker_get_purchase_stage (checker) ==
                 cycle_checker_get_purchase_stage (fresh));

  {
    g_autoptr(CycleCoverage) a = cycle_checker_get_coverage (checker, CYCLE_COVERAGE_PERSONA);
    g_autoptr(CycleCoverage) b = cycle_checker_get_coverage (fresh, CYCLE_COVERAGE_PERSONA);

    g_assert_cmpuint (cycle_coverage_get_n_rows (a), ==, cycle_coverage_get_n_rows (b));
    for (guint r = 0; r < cycle_coverage_get_n_rows (a); r++)
      for (guint c = 0; c < cycle_coverage_get_n_columns (a); c++)
        g_assert_cmpuint (cycle_coverage_get_count (a, r, c), ==,
                          cycle_coverage_get_count (b, r, c));
  }
}

static void
run_random_edits (CyclePlan *plan,
                  guint      n_edits)
{
  g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  Shadow shadow = { g_ptr_array_new_with_free_func (g_object_unref) };
  GListModel *findings = cycle_checker_get_findings (checker);
  g_autofree char *last = describe_all (findings);
  guint n_changed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    g_ptr_array_add (shadow.shadow, g_list_model_get_item (findings, i));
  g_signal_connect (findings, "items-changed", G_CALLBACK (on_items_changed), &shadow);

  for (guint i = 0; i < n_edits; i++)
    {
      int what = g_rand_int_range (rand, 0, 100);

      /* Undo and redo in between, as people do. */
      if (what < 20)
        cycle_plan_undo (plan);
      else if (what < 28)
        cycle_plan_redo (plan);
      else
        random_edit (rand, plan, checker);

      check_against_fresh (plan, checker, &shadow);

      {
        g_autofree char *now = describe_all (findings);

        if (strcmp (now, last) != 0)
          n_changed++;
        g_free (last);
        last = g_steal_pointer (&now);
      }
    }

  /* The edits did change findings (the sequence tests something). */
  g_test_message ("%u of %u edits changed the findings", n_changed, n_edits);
  g_assert_cmpuint (n_changed, >=, n_edits / 10);

  /* Back to the start: undo everything. */
  while (cycle_plan_undo (plan))
    ;
  check_against_fresh (plan, checker, &shadow);

  g_signal_handlers_disconnect_by_func (findings, on_items_changed, &shadow);
  g_ptr_array_unref (shadow.shadow);
}

static void
test_incremental_sample (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "samples", "coffee-club.cycle", NULL);
  g_autoptr(CyclePlan) plan = load_plan (path);

  run_random_edits (plan, 200);
}

static void
test_incremental_checks (void)
{
  g_autoptr(GPtrArray) names = list_check_plans ();

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(CyclePlan) plan = load_check_plan (g_ptr_array_index (names, i));

      g_test_message ("%s", (char *)g_ptr_array_index (names, i));
      run_random_edits (plan, 200);
    }
}

static void
test_checker_finalizes (void)
{
  CyclePlan *plan = load_check_plan ("coverage.cycle");
  CycleChecker *checker = cycle_checker_new (plan);
  CycleFinding *finding = g_list_model_get_item (cycle_checker_get_findings (checker), 0);

  g_assert_finalize_object (checker);
  /* Findings may outlive the checker (a view holding a row). */
  g_assert_nonnull (cycle_finding_get_message (finding));
  g_assert_finalize_object (finding);
  g_assert_finalize_object (plan);
}

static void
test_enums (void)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (CYCLE_TYPE_FINDING_KIND);
  g_autoptr(GEnumClass) severities = g_type_class_ref (CYCLE_TYPE_SEVERITY);

  g_assert_cmpuint (kinds->n_values, ==, 6);
  g_assert_cmpstr (g_enum_get_value (kinds, CYCLE_FINDING_GIVE_BEFORE_ASK)->value_nick, ==,
                   "give-before-ask");
  g_assert_cmpstr (cycle_finding_kind_to_nick (CYCLE_FINDING_CONSISTENCY), ==, "consistency");
  g_assert_cmpstr (cycle_severity_to_nick (CYCLE_SEVERITY_INFO), ==, "info");
  g_assert_cmpstr (g_enum_get_value (severities, CYCLE_SEVERITY_ERROR)->value_nick, ==, "error");
  g_assert_cmpstr (cycle_finding_kind_get_label (CYCLE_FINDING_PERMISSION), ==,
                   "Permission ladder");
  g_assert_true (CYCLE_SEVERITY_ERROR > CYCLE_SEVERITY_WARNING);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks/enums", test_enums);
  g_test_add_func ("/checks/expected", test_expected_findings);
  g_test_add_func ("/checks/messages", test_messages);
  g_test_add_func ("/checks/sample", test_sample);
  g_test_add_func ("/checks/fixes", test_fixes);
  g_test_add_func ("/checks/coverage", test_coverage);
  g_test_add_func ("/checks/coverage/french", test_coverage_french);
  g_test_add_func ("/checks/signals", test_signals);
  g_test_add_func ("/checks/finalize", test_checker_finalizes);
  g_test_add_func ("/checks/incremental/sample", test_incremental_sample);
  g_test_add_func ("/checks/incremental/hand-made", test_incremental_checks);

  return g_test_run ();
}
