/* test-scenarios.c: three plans built from their templates and filled in as a marketer would
 * (issue #13's resolution): a B2B software engagement cycle on two mapped lanes, a
 * crowdfunding campaign started from the why, and an e-commerce subscription. Each gets its
 * realistic content, plus one mistake a marketer makes; the checks must say exactly what a
 * marketer agrees with (that mistake, and nothing else), and the projection must show what the
 * referral loop brings.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "cycle-checker.h"
#include "cycle-projection.h"
#include "cycle-templates.h"

static CycleStage *
stage_named (CyclePlan  *plan,
             const char *name)
{
  GListModel *stages = cycle_plan_get_stages (plan);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);

      if (g_strcmp0 (cycle_stage_get_name (stage), name) == 0)
        return stage;
    }

  g_error ("no stage “%s”", name);
  return NULL;
}

/* Adds a piece of content as the content editor would: title, channel, call to action,
 * commitment; consent only where it was said. */
static CycleContent *
add (CyclePlan       *plan,
     const char      *stage,
     const char      *title,
     const char      *channel,
     CycleCommitment  commitment,
     CycleConsent     consent)
{
  g_autoptr(CycleContent) content = cycle_content_new (title);

  cycle_content_set_channel (content, channel);
  cycle_content_set_commitment (content, commitment);
  cycle_content_set_consent (content, consent);
  cycle_plan_add_content (plan, stage_named (plan, stage), content, -1);
  return content;
}

/* "severity key", one a line, in the checker's order. */
static char *
describe_findings (CyclePlan *plan)
{
  g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
  GListModel *findings = cycle_checker_get_findings (checker);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(CycleFinding) finding = g_list_model_get_item (findings, i);

      g_string_append_printf (out, "%s %s\n",
                              cycle_severity_to_nick (cycle_finding_get_severity (finding)),
                              cycle_finding_get_key (finding));
    }
  return g_string_free (out, FALSE);
}

static char *
key (const char   *prefix,
     CycleContent *content)
{
  return g_strdup_printf ("%s:%s", prefix, cycle_item_get_id (CYCLE_ITEM (content)));
}

/* The projection with the plan's own settings is complete and the loops bring people: some
 * stage's share that came from referrals is at least @min_referred, and the top receives more
 * than the people who came in at the top. */
static void
assert_loop_counts (CyclePlan *plan,
                    double     min_referred)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CycleProjection) projection = cycle_projection_compute_for_plan (plan, &error);
  g_autofree char *summary = NULL;
  double most = 0.0;
  guint top;

  g_assert_no_error (error);
  g_assert_true (cycle_projection_is_complete (projection));
  for (guint i = 0; i < cycle_projection_get_n_stages (projection); i++)
    if (cycle_projection_is_on_path (projection, i))
      most = MAX (most, cycle_projection_get_referred_share (projection, i));
  g_assert_cmpfloat (most, >=, min_referred);
  top = cycle_projection_get_top_index (projection);
  g_assert_cmpfloat (cycle_projection_get_volume (projection, top), >,
                     cycle_projection_get_start_volume (projection));
  summary = cycle_projection_describe (projection);
  g_test_message ("%s", summary);
}

/* A B2B software company, on the engagement cycle's two mapped lanes. */
static void
test_b2b_two_lanes (void)
{
  g_autoptr(CyclePlan) plan = cycle_templates_create ("internal-funnel");
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  g_autofree char *permission = NULL;
  g_autofree char *intrusive = NULL;
  CycleContent *demo;

  cycle_plan_set_title (plan, "Pipeline: the CRM for small sales teams");
  cycle_plan_set_why (plan, "We believe a small sales team should spend its day with "
                            "customers, not with its CRM.");
  cycle_stage_set_name (stage_named (plan, "Visitors"), "Site visitors");
  cycle_stage_set_name (stage_named (plan, "Qualified"), "Pilots");

  add (plan, "Site visitors", "How to run a weekly pipeline review in 20 minutes", "blog",
       CYCLE_COMMITMENT_READ, CYCLE_CONSENT_UNSAID);
  add (plan, "Leads", "Webinar: a clean pipeline before the quarter ends", "webinar",
       CYCLE_COMMITMENT_EMAIL, CYCLE_CONSENT_EXPLICIT);
  add (plan, "Pilots", "A 30-day pilot with your own data", "website",
       CYCLE_COMMITMENT_ACCOUNT, CYCLE_CONSENT_UNSAID);
  add (plan, "Customers", "Annual plan, billed yearly", "sales call",
       CYCLE_COMMITMENT_PAYMENT, CYCLE_CONSENT_UNSAID);
  add (plan, "Members", "Sales ops round table, every quarter", "community",
       CYCLE_COMMITMENT_FOLLOW, CYCLE_CONSENT_UNSAID);
  add (plan, "Evangelists", "Partner programme: refer a team", "email",
       CYCLE_COMMITMENT_REFERRAL, CYCLE_CONSENT_UNSAID);
  add (plan, "Compares solutions", "Analyst report: CRMs for teams under 20", "website",
       CYCLE_COMMITMENT_EMAIL, CYCLE_CONSENT_EXPLICIT);

  /* The mistake: a demo booked by cold call to people who only visited the site. */
  demo = add (plan, "Site visitors", "Book a 30-minute demo", "cold call",
              CYCLE_COMMITMENT_CALL, CYCLE_CONSENT_UNSAID);
  permission = key ("permission", demo);
  intrusive = key ("intrusive", demo);

  got = describe_findings (plan);
  want = g_strdup_printf ("error %s\nwarning %s\n", permission, intrusive);
  g_assert_cmpstr (got, ==, want);

  assert_loop_counts (plan, 0.05);
}

/* A crowdfunding campaign, started from the why. */
static void
test_crowdfunding_from_the_why (void)
{
  g_autoptr(CyclePlan) plan = cycle_templates_create ("crowdfunding");
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  g_autofree char *permission = NULL;
  g_autofree char *sales = NULL;
  CycleContent *preorder;

  /* The why first, then the how and the what. */
  cycle_plan_set_why (plan, "We believe the things we own should outlive us.");
  cycle_plan_set_how (plan, "We design a kettle anyone can repair with a screwdriver.");
  cycle_plan_set_what (plan, "A repairable kettle, funded by the people who want one.");

  add (plan, "Believers", "Why we started: the kettle my grandmother repaired", "video",
       CYCLE_COMMITMENT_READ, CYCLE_CONSENT_UNSAID);
  add (plan, "Followers", "Join the launch list", "newsletter",
       CYCLE_COMMITMENT_EMAIL, CYCLE_CONSENT_EXPLICIT);
  add (plan, "Early backers", "Early-bird reward: the first 300 kettles", "campaign page",
       CYCLE_COMMITMENT_PAYMENT, CYCLE_CONSENT_UNSAID);
  add (plan, "Community", "What should we make next? The backers’ survey", "email",
       CYCLE_COMMITMENT_SURVEY, CYCLE_CONSENT_UNSAID);

  /* The mistake: a pre-order at a discount to people who just heard of the project. */
  preorder = add (plan, "Believers", "Pre-order now: -30 % for the first week", "social",
                  CYCLE_COMMITMENT_PAYMENT, CYCLE_CONSENT_UNSAID);
  permission = key ("permission", preorder);
  sales = key ("why:sales", preorder);

  got = describe_findings (plan);
  want = g_strdup_printf ("info lanes:journey\nerror %s\ninfo %s\n", permission, sales);
  g_assert_cmpstr (got, ==, want);

  assert_loop_counts (plan, 0.05);
}

/* A tea subscription box. */
static void
test_subscription (void)
{
  g_autoptr(CyclePlan) plan = cycle_templates_create ("subscription");
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  g_autofree char *permission = NULL;
  g_autofree char *intrusive = NULL;
  g_autofree char *consent = NULL;
  g_autofree char *sales = NULL;
  CycleContent *popup;

  add (plan, "Paying subscribers", "Monthly box: your card, kept for the next one", "website",
       CYCLE_COMMITMENT_STORED_CARD, CYCLE_CONSENT_EXPLICIT);
  add (plan, "Loyal members", "Rate this month’s box", "email",
       CYCLE_COMMITMENT_SURVEY, CYCLE_CONSENT_UNSAID);
  add (plan, "Newsletter subscribers", "Tea and sleep: what the studies say", "newsletter",
       CYCLE_COMMITMENT_READ, CYCLE_CONSENT_UNSAID);

  /* The mistake (seed 002's own example): a newsletter pop-up the moment people arrive, the box
   * ticked in advance, with a discount to make it go down. */
  popup = add (plan, "Visitors", "10 % off your first box: subscribe to our newsletter",
               "pop-up", CYCLE_COMMITMENT_EMAIL, CYCLE_CONSENT_IMPLICIT);
  consent = key ("consent", popup);
  permission = key ("permission", popup);
  intrusive = key ("intrusive", popup);
  sales = key ("why:sales", popup);

  got = describe_findings (plan);
  want = g_strdup_printf ("info lanes:journey\nwarning %s\nwarning %s\nwarning %s\ninfo %s\n",
                          consent, permission, intrusive, sales);
  g_assert_cmpstr (got, ==, want);

  assert_loop_counts (plan, 0.05);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scenarios/b2b-two-lanes", test_b2b_two_lanes);
  g_test_add_func ("/scenarios/crowdfunding-from-the-why", test_crowdfunding_from_the_why);
  g_test_add_func ("/scenarios/subscription", test_subscription);

  return g_test_run ();
}
