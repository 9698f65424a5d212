/* test-campaign.c: stage timing for launch campaigns (cycle-campaign.h) — the plan's campaign
 * start in the file, the merge and undo; each stage's window along the flow; the checks' note
 * for content dated outside its stage's window.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "cycle-campaign.h"
#include "cycle-checker.h"
#include "cycle-merge.h"
#include "cycle-plan-io.h"
#include "test-plan-text.h"

/* Stages in the list in another order than the flow: the flow decides.
 * Visitors (7 days) → Leads (14) → Prospects (unset) → Customers (5); Visitors → Members (3). */
static const char plan_json[] =
  "{\"format\":\"org.example.Cycle\",\"version\":1,\"title\":\"Launch\","
  "\"campaign_start\":\"2027-03-01\","
  "\"personas\":[],"
  "\"stages\":["
  "{\"id\":\"leads\",\"name\":\"Leads\",\"days\":14,\"x\":0,\"y\":0,\"content\":["
  "  {\"id\":\"c1\",\"title\":\"Webinar\",\"due\":\"2027-03-10\"},"
  "  {\"id\":\"c2\",\"title\":\"Late guide\",\"due\":\"2027-04-02\"},"
  "  {\"id\":\"c3\",\"title\":\"Undated\"}]},"
  "{\"id\":\"visitors\",\"name\":\"Visitors\",\"days\":7,\"x\":0,\"y\":0,\"content\":["
  "  {\"id\":\"c4\",\"title\":\"Teaser\",\"due\":\"2027-02-20\"}]},"
  "{\"id\":\"prospects\",\"name\":\"Prospects\",\"x\":0,\"y\":0,\"content\":["
  "  {\"id\":\"c5\",\"title\":\"Demo\",\"due\":\"2027-12-01\"}]},"
  "{\"id\":\"customers\",\"name\":\"Customers\",\"days\":5,\"x\":0,\"y\":0,\"content\":[]},"
  "{\"id\":\"members\",\"name\":\"Members\",\"days\":3,\"x\":0,\"y\":0,\"content\":[]}"
  "],"
  "\"links\":["
  "{\"id\":\"l1\",\"from\":\"visitors\",\"to\":\"leads\"},"
  "{\"id\":\"l2\",\"from\":\"leads\",\"to\":\"prospects\"},"
  "{\"id\":\"l3\",\"from\":\"prospects\",\"to\":\"customers\"},"
  "{\"id\":\"l4\",\"from\":\"visitors\",\"to\":\"members\"},"
  "{\"id\":\"l5\",\"from\":\"customers\",\"to\":\"visitors\",\"kind\":\"loop\",\"rate\":0.5}"
  "]}";

static char *
window_of (GArray     *windows,
           CyclePlan  *plan,
           const char *id)
{
  const CycleStageWindow *w = cycle_campaign_find_window (windows,
                                                          cycle_plan_find_stage (plan, id));
  char first[CYCLE_DATE_ISO_SIZE], last[CYCLE_DATE_ISO_SIZE];

  if (w == NULL)
    return g_strdup ("none");
  cycle_date_to_iso (&w->first, first);
  cycle_date_to_iso (&w->last, last);
  return g_strdup_printf ("%s..%s", first, last);
}

#define ASSERT_WINDOW(windows, plan, id, expected) \
  G_STMT_START { \
    g_autofree char *w_ = window_of ((windows), (plan), (id)); \
    g_assert_cmpstr (w_, ==, (expected)); \
  } G_STMT_END

static void
test_windows (void)
{
  g_autoptr(CyclePlan) plan = test_plan_from_text (plan_json);
  g_autoptr(GArray) windows = cycle_campaign_compute_windows (plan);
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) branch = NULL;

  g_assert_cmpstr (cycle_plan_get_campaign_start (plan), ==, "2027-03-01");
  /* The entry is where no next step enters, whatever the list's order */
  ASSERT_WINDOW (windows, plan, "visitors", "2027-03-01..2027-03-07");
  ASSERT_WINDOW (windows, plan, "leads", "2027-03-08..2027-03-21");
  /* No days in stage: no window, nor for what comes only after it */
  ASSERT_WINDOW (windows, plan, "prospects", "none");
  ASSERT_WINDOW (windows, plan, "customers", "none");
  /* A branch starts where its stage ends, like the other one */
  ASSERT_WINDOW (windows, plan, "members", "2027-03-08..2027-03-10");
  g_assert_cmpuint (windows->len, ==, 3);

  /* Days given to Prospects: the windows after it follow */
  cycle_stage_set_days (cycle_plan_find_stage (plan, "prospects"), 10);
  windows = (g_array_unref (windows), cycle_campaign_compute_windows (plan));
  ASSERT_WINDOW (windows, plan, "prospects", "2027-03-22..2027-03-31");
  ASSERT_WINDOW (windows, plan, "customers", "2027-04-01..2027-04-05");

  /* Two ways into a stage: the earliest arrival opens its window */
  {
    g_autoptr(CycleLink) shortcut = cycle_link_new (cycle_plan_find_stage (plan, "visitors"),
                                                    cycle_plan_find_stage (plan, "customers"),
                                                    CYCLE_LINK_NEXT);

    cycle_plan_add_link (plan, shortcut);
    branch = cycle_campaign_compute_windows (plan);
    ASSERT_WINDOW (branch, plan, "customers", "2027-03-08..2027-03-12");
  }

  /* An always-on cycle has no start date, hence no windows */
  cycle_plan_set_campaign_start (plan, "");
  none = cycle_campaign_compute_windows (plan);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_file (void)
{
  g_autoptr(CyclePlan) plan = test_plan_from_text (plan_json);
  g_autoptr(GBytes) bytes = cycle_plan_to_bytes (plan);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *bad = NULL;
  g_autoptr(CyclePlan) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *p;

  /* Written after the projection's settings, before the lists */
  p = strstr (text, "\"campaign_start\": \"2027-03-01\"");
  g_assert_nonnull (p);
  g_assert_true (p < strstr (text, "\"personas\""));
  again = test_plan_from_text (text);
  g_assert_cmpstr (cycle_plan_get_campaign_start (again), ==, "2027-03-01");

  /* Left out when not a campaign */
  cycle_plan_set_campaign_start (again, "");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = cycle_plan_to_bytes (again);
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               "campaign_start"));

  /* A bad date: what is wrong, and where */
  bad = g_strdup (plan_json);
  memcpy (strstr (bad, "2027-03-01"), "2027-02-30", 10);
  g_clear_object (&again);
  again = cycle_plan_new_from_data (bad, strlen (bad), &error);
  g_assert_null (again);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "campaign_start"));
  g_assert_nonnull (strstr (error->message, "2027-02-30"));
  g_assert_nonnull (strstr (error->message, "the day does not exist"));
  g_clear_error (&error);

  memcpy (strstr (bad, "2027-02-30"), "1st March", 9);
  again = cycle_plan_new_from_data (bad, strlen (bad), &error);
  g_assert_null (again);
  g_assert_nonnull (strstr (error->message, "is not a date written YYYY-MM-DD"));
}

static void
test_undo (void)
{
  g_autoptr(CyclePlan) plan = test_plan_from_text (plan_json);

  cycle_plan_set_campaign_start (plan, "2027-05-01");
  g_assert_true (cycle_plan_undo (plan));
  g_assert_cmpstr (cycle_plan_get_campaign_start (plan), ==, "2027-03-01");
  g_assert_true (cycle_plan_redo (plan));
  g_assert_cmpstr (cycle_plan_get_campaign_start (plan), ==, "2027-05-01");
}

static void
test_merge (void)
{
  g_autoptr(CyclePlan) base = test_plan_from_text (plan_json);
  g_autoptr(CyclePlan) ours = test_plan_from_text (plan_json);
  g_autoptr(CyclePlan) theirs = test_plan_from_text (plan_json);
  g_autoptr(GPtrArray) conflicts = NULL;

  /* One side moves the start: taken */
  cycle_plan_set_campaign_start (theirs, "2027-04-01");
  conflicts = cycle_merge (base, ours, theirs);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpstr (cycle_plan_get_campaign_start (ours), ==, "2027-04-01");
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* Both move it, differently: ours kept, a conflict named in plain words */
  g_clear_object (&ours);
  ours = test_plan_from_text (plan_json);
  cycle_plan_set_campaign_start (ours, "2027-05-01");
  conflicts = cycle_merge (base, ours, theirs);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpstr (cycle_plan_get_campaign_start (ours), ==, "2027-05-01");
  {
    g_autofree char *field = cycle_conflict_dup_field_label (g_ptr_array_index (conflicts, 0));

    g_assert_cmpstr (field, ==, "Campaign start");
  }
}

static CycleFinding *
find (CycleChecker *checker,
      const char   *key)
{
  return cycle_checker_lookup (checker, key);
}

static void
test_checks (void)
{
  g_autoptr(CyclePlan) plan = test_plan_from_text (plan_json);
  g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
  CycleContent *late = cycle_plan_find_content (plan, "c2");
  CycleFinding *note;

  /* Inside its window, undated, or in a stage without a window: nothing */
  g_assert_null (find (checker, "campaign:window:c1"));
  g_assert_null (find (checker, "campaign:window:c3"));
  g_assert_null (find (checker, "campaign:window:c5"));
  /* After its window, and before: a note */
  note = find (checker, "campaign:window:c2");
  g_assert_nonnull (note);
  g_assert_cmpint (cycle_finding_get_severity (note), ==, CYCLE_SEVERITY_INFO);
  g_assert_true (cycle_finding_get_content (note) == late);
  g_assert_cmpstr (cycle_finding_get_message (note), ==,
                   "“Late guide” goes out on 04/02/2027, but the campaign has people at "
                   "“Leads” from 03/08/2027 to 03/21/2027: it would reach them before they "
                   "arrive or after they have moved on. Move its date into that window, or the "
                   "content to the stage people are at then.");
  g_assert_nonnull (find (checker, "campaign:window:c4"));

  /* Rescheduled into the window: gone; the stage's days made longer: gone too */
  cycle_content_set_due (late, "2027-03-20");
  g_assert_null (find (checker, "campaign:window:c2"));
  cycle_content_set_due (late, "2027-04-02");
  g_assert_nonnull (find (checker, "campaign:window:c2"));
  cycle_stage_set_days (cycle_plan_find_stage (plan, "leads"), 40);
  g_assert_null (find (checker, "campaign:window:c2"));
  /* The campaign moved: the teaser is now in its window */
  cycle_plan_set_campaign_start (plan, "2027-02-15");
  g_assert_null (find (checker, "campaign:window:c4"));
  /* Not a campaign: no note at all */
  cycle_plan_set_campaign_start (plan, "2027-03-01");
  g_assert_nonnull (find (checker, "campaign:window:c4"));
  cycle_plan_set_campaign_start (plan, "");
  g_assert_null (find (checker, "campaign:window:c4"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/campaign/windows", test_windows);
  g_test_add_func ("/campaign/file", test_file);
  g_test_add_func ("/campaign/undo", test_undo);
  g_test_add_func ("/campaign/merge", test_merge);
  g_test_add_func ("/campaign/checks", test_checks);

  return g_test_run ();
}
