/* test-plan.c: the model's objects, properties and collections
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "cycle-plan.h"

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} Changes;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
  changes->count++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static CycleStage *
add_stage (CyclePlan  *plan,
           const char *name)
{
  g_autoptr(CycleStage) stage = cycle_stage_new (name);

  cycle_plan_add_stage (plan, stage, -1);
  return stage;
}

static CycleContent *
add_content (CyclePlan  *plan,
             CycleStage *stage,
             const char *title)
{
  g_autoptr(CycleContent) content = cycle_content_new (title);

  cycle_plan_add_content (plan, stage, content, -1);
  return content;
}

static void
test_properties_notify_only_on_change (void)
{
  g_autoptr(CycleStage) stage = cycle_stage_new ("Visitors");
  guint count = 0;

  g_signal_connect (stage, "notify::name", G_CALLBACK (count_notify), &count);
  cycle_stage_set_name (stage, "Visitors");
  g_assert_cmpuint (count, ==, 0);
  cycle_stage_set_name (stage, "Leads");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (cycle_stage_get_name (stage), ==, "Leads");
  g_object_set (stage, "name", "Leads", NULL);
  g_assert_cmpuint (count, ==, 1);

  /* Empty and NULL are the same value. */
  cycle_stage_set_owner (stage, NULL);
  g_assert_cmpstr (cycle_stage_get_owner (stage), ==, "");
  count = 0;
  g_signal_connect (stage, "notify::owner", G_CALLBACK (count_notify), &count);
  cycle_stage_set_owner (stage, "");
  g_assert_cmpuint (count, ==, 0);
}

static void
test_properties_roundtrip (void)
{
  g_autoptr(CycleStage) stage = cycle_stage_new (NULL);
  g_autoptr(CyclePersona) persona = cycle_persona_new ("Busy parent");
  g_autoptr(CycleContent) content = cycle_content_new ("Guide");
  g_autoptr(CycleLink) link = cycle_link_new (stage, stage, CYCLE_LINK_LOOP);
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  CyclePermission permission;
  g_autofree char *why = NULL;
  double rate;

  g_object_set (stage,
                "lane", CYCLE_LANE_JOURNEY,
                "why", "Because",
                "question", "How?",
                "permission", CYCLE_PERMISSION_BRAND_TRUST,
                "kpi", "Leads a week",
                "conversion-rate", 0.04,
                "days", 7,
                "owner", "Ana",
                "color", "#3584e4",
                "x", 10.5,
                "y", -20.0,
                NULL);
  g_assert_cmpint (cycle_stage_get_lane (stage), ==, CYCLE_LANE_JOURNEY);
  g_assert_cmpstr (cycle_stage_get_why (stage), ==, "Because");
  g_assert_cmpstr (cycle_stage_get_question (stage), ==, "How?");
  g_assert_cmpint (cycle_stage_get_permission (stage), ==, CYCLE_PERMISSION_BRAND_TRUST);
  g_assert_cmpstr (cycle_stage_get_kpi (stage), ==, "Leads a week");
  g_assert_cmpfloat (cycle_stage_get_conversion_rate (stage), ==, 0.04);
  g_assert_cmpint (cycle_stage_get_days (stage), ==, 7);
  g_assert_cmpstr (cycle_stage_get_owner (stage), ==, "Ana");
  g_assert_cmpstr (cycle_stage_get_color (stage), ==, "#3584e4");
  g_assert_cmpfloat (cycle_stage_get_x (stage), ==, 10.5);
  g_assert_cmpfloat (cycle_stage_get_y (stage), ==, -20.0);
  g_object_get (stage, "permission", &permission, "why", &why, "conversion-rate", &rate, NULL);
  g_assert_cmpint (permission, ==, CYCLE_PERMISSION_BRAND_TRUST);
  g_assert_cmpstr (why, ==, "Because");
  g_assert_cmpfloat (rate, ==, 0.04);

  cycle_content_set_format (content, "article");
  cycle_content_set_channel (content, "blog");
  cycle_content_set_persona (content, persona);
  cycle_content_set_cta (content, "Read it");
  cycle_content_set_commitment (content, CYCLE_COMMITMENT_EMAIL);
  cycle_content_set_direction (content, CYCLE_DIRECTION_ASKS);
  cycle_content_set_status (content, CYCLE_STATUS_SCHEDULED);
  cycle_content_set_owner (content, "Léa");
  cycle_content_set_due (content, "2026-12-31");
  cycle_content_set_url (content, "https://example.org/");
  cycle_content_set_notes (content, "Line one\nLine two");
  g_assert_cmpstr (cycle_content_get_format (content), ==, "article");
  g_assert_cmpstr (cycle_content_get_channel (content), ==, "blog");
  g_assert_true (cycle_content_get_persona (content) == persona);
  g_assert_cmpstr (cycle_content_get_cta (content), ==, "Read it");
  g_assert_cmpint (cycle_content_get_commitment (content), ==, CYCLE_COMMITMENT_EMAIL);
  g_assert_cmpint (cycle_content_get_direction (content), ==, CYCLE_DIRECTION_ASKS);
  g_assert_cmpint (cycle_content_get_status (content), ==, CYCLE_STATUS_SCHEDULED);
  g_assert_cmpstr (cycle_content_get_owner (content), ==, "Léa");
  g_assert_cmpstr (cycle_content_get_due (content), ==, "2026-12-31");
  g_assert_cmpstr (cycle_content_get_url (content), ==, "https://example.org/");
  g_assert_cmpstr (cycle_content_get_notes (content), ==, "Line one\nLine two");
  g_assert_null (cycle_content_get_stage (content));

  cycle_persona_set_description (persona, "Two kids");
  cycle_persona_set_why (persona, "Ten calm minutes");
  g_assert_cmpstr (cycle_persona_get_name (persona), ==, "Busy parent");
  g_assert_cmpstr (cycle_persona_get_description (persona), ==, "Two kids");
  g_assert_cmpstr (cycle_persona_get_why (persona), ==, "Ten calm minutes");

  g_assert_true (cycle_link_get_source (link) == stage);
  g_assert_true (cycle_link_get_target (link) == stage);
  g_assert_cmpint (cycle_link_get_kind (link), ==, CYCLE_LINK_LOOP);
  g_assert_cmpfloat (cycle_link_get_rate (link), ==, CYCLE_RATE_UNSET);
  cycle_link_set_rate (link, 1.0);
  g_assert_cmpfloat (cycle_link_get_rate (link), ==, 1.0);

  cycle_plan_set_title (plan, "Coffee club");
  cycle_plan_set_why (plan, "Good mornings");
  cycle_plan_set_how (plan, "Small batches");
  cycle_plan_set_what (plan, "Coffee");
  cycle_plan_set_description (plan, "A plan");
  g_assert_cmpstr (cycle_plan_get_title (plan), ==, "Coffee club");
  g_assert_cmpstr (cycle_plan_get_why (plan), ==, "Good mornings");
  g_assert_cmpstr (cycle_plan_get_how (plan), ==, "Small batches");
  g_assert_cmpstr (cycle_plan_get_what (plan), ==, "Coffee");
  g_assert_cmpstr (cycle_plan_get_description (plan), ==, "A plan");
}

static void
test_properties_refuse_impossible_values (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(CycleStage) stage = cycle_stage_new ("S");
      cycle_stage_set_conversion_rate (stage, 1.5);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*rate*");
}

static void
test_properties_refuse_nan (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(CycleLink) link = cycle_link_new (NULL, NULL, CYCLE_LINK_NEXT);
      cycle_link_set_rate (link, NAN);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
}

/* "Open Link" hands only web and e-mail links to the system */
static void
test_url_openable (void)
{
  static const char * const yes[] = {
    "https://example.org/pour-over", "http://example.org", "HTTPS://EXAMPLE.ORG/A?b=1,2#c",
    "mailto:ana@example.org", "https://example.org/caf%C3%A9", "https://exämple.org/été",
    NULL,
  };
  static const char * const no[] = {
    "", "example.org", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,x",
    "smb://server/share", "ssh://host", "ftp://example.org", "vbscript:x", "ms-msdt:/id",
    " https://example.org", "https://exa mple.org", "https://example.org/%zz", "/tmp/x",
    NULL,
  };

  for (guint i = 0; yes[i] != NULL; i++)
    if (!cycle_url_is_openable (yes[i]))
      g_error ("refused: %s", yes[i]);
  for (guint i = 0; no[i] != NULL; i++)
    if (cycle_url_is_openable (no[i]))
      g_error ("accepted: %s", no[i]);
  g_assert_false (cycle_url_is_openable (NULL));
}

/* A name or a title of white space only is none (the editors keep the old one) */
static void
test_name_is_blank (void)
{
  g_assert_true (cycle_name_is_blank (NULL));
  g_assert_true (cycle_name_is_blank (""));
  g_assert_true (cycle_name_is_blank (" \t\n"));
  /* No-break and narrow no-break spaces, as French text has them */
  g_assert_true (cycle_name_is_blank ("\u00A0\u202F "));
  g_assert_false (cycle_name_is_blank ("a"));
  g_assert_false (cycle_name_is_blank ("  Newsletter "));
  g_assert_false (cycle_name_is_blank ("\u00A0«\u00A0»"));
}

/* The editors' name fields: a binding passes a name on, and a blank one not (the item keeps its
 * name), in both directions of the text as it is typed. */
static void
test_name_transform (void)
{
  g_autoptr(CyclePersona) persona = cycle_persona_new ("Ana");
  g_autoptr(CyclePersona) field = cycle_persona_new ("Ana");
  GBinding *binding;

  binding = g_object_bind_property_full (field, "name", persona, "name", G_BINDING_DEFAULT,
                                         cycle_transform_text_to_name, NULL, NULL, NULL);

  cycle_persona_set_name (field, "Bruno");
  g_assert_cmpstr (cycle_persona_get_name (persona), ==, "Bruno");
  cycle_persona_set_name (field, "");
  g_assert_cmpstr (cycle_persona_get_name (persona), ==, "Bruno");
  cycle_persona_set_name (field, " \u00A0\t");
  g_assert_cmpstr (cycle_persona_get_name (persona), ==, "Bruno");
  cycle_persona_set_name (field, " Chloé ");
  g_assert_cmpstr (cycle_persona_get_name (persona), ==, " Chloé ");

  g_binding_unbind (binding);
}

/* The one date parser says what is wrong: the form, the month, or a day that does not exist */
/* Dates as people type them: the tests run under C.UTF-8, whose order (from the English
 * translation) is month, day, year. */
static void
test_date_parse_input (void)
{
  static const struct { const char *text; const char *iso; } good[] = {
    { "2027-03-15", "2027-03-15" },
    { "03/15/2027", "2027-03-15" },
    { "3/15/27", "2027-03-15" },
    { "15/03/2027", "2027-03-15" },      /* only the other order can be right */
    { "15.03.2027", "2027-03-15" },
    { " 2027/03/15 ", "2027-03-15" },    /* a four-digit year first is always year first */
    { "03/04/2027", "2027-03-04" },      /* both orders could be: the locale's */
    { "02/29/2028", "2028-02-29" },
    /* With the month's name, as the board and the table show dates */
    { "15 Mar 2027", "2027-03-15" },
    { "March 15, 2027", "2027-03-15" },
    { "march 15th 2027", "2027-03-15" },
    { "1st Dec. 26", "2026-12-01" },
    { "Sept 3 2027", "2027-09-03" },
    { "2027 Mar 15", "2027-03-15" },
    { "Tuesday 1 December 2026", "2026-12-01" },
  };
  static const struct { const char *text; const char *problem; } bad[] = {
    { "15/13/2027", "“15/13/2027” is not a day of the calendar" },
    { "31/04/2027", "“31/04/2027” is not a day of the calendar" },
    { "02/29/2027", "“02/29/2027” is not a day of the calendar" },
    { "next friday", "“next friday” is not a date: write it as 03/15/2027 or 2027-03-15" },
    { "15/03", "“15/03” is not a date: write it as 03/15/2027 or 2027-03-15" },
    { "1/2/3/4", "“1/2/3/4” is not a date: write it as 03/15/2027 or 2027-03-15" },
    { "31 April 2027", "“31 April 2027” is not a day of the calendar" },
    { "15 Ju 2027", "“15 Ju 2027” is not a date: write it as 03/15/2027 or 2027-03-15" },
    { "15 March", "“15 March” is not a date: write it as 03/15/2027 or 2027-03-15" },
    { "March April 2027", "“March April 2027” is not a date: write it as 03/15/2027 or "
                          "2027-03-15" },
    { "15 March 2027 2028", "“15 March 2027 2028” is not a date: write it as 03/15/2027 or "
                            "2027-03-15" },
    { "2026-02-30", "“2026-02-30” is not a date: the day does not exist (2026-02 has 28 "
                    "days)" },
  };

  g_assert_cmpstr (cycle_date_get_order (), ==, "mdy");
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *iso = NULL;

      g_assert_true (cycle_date_parse_input (good[i].text, &iso, NULL));
      g_assert_cmpstr (iso, ==, good[i].iso);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *iso = NULL;
      g_autofree char *problem = NULL;

      g_assert_false (cycle_date_parse_input (bad[i].text, &iso, &problem));
      g_assert_null (iso);
      g_assert_cmpstr (problem, ==, bad[i].problem);
    }
  {
    g_autofree char *shown = cycle_date_format_input ("2027-03-15");

    g_assert_cmpstr (shown, ==, "03/15/2027");
  }
}

static void
test_date_parse (void)
{
  static const struct { const char *text; const char *problem; } bad[] = {
    { "2026-02-30", "“2026-02-30” is not a date: the day does not exist (2026-02 has 28 days)" },
    { "2026-02-29", "“2026-02-29” is not a date: the day does not exist (2026-02 has 28 days)" },
    { "2026-04-31", "“2026-04-31” is not a date: the day does not exist (2026-04 has 30 days)" },
    { "2026-01-00", "“2026-01-00” is not a date: the day does not exist (2026-01 has 31 days)" },
    { "2026-13-01", "“2026-13-01” is not a date: there is no month 13" },
    { "2026-00-10", "“2026-00-10” is not a date: there is no month 00" },
    { "0000-01-01", "“0000-01-01” is not a date: there is no year 0" },
    { "01/12/2026", "“01/12/2026” is not a date written YYYY-MM-DD" },
    { "2026-1-01", "“2026-1-01” is not a date written YYYY-MM-DD" },
    { "", "“” is not a date written YYYY-MM-DD" },
  };
  guint y = 0, m = 0, d = 0;

  g_assert_true (cycle_date_parse ("2024-02-29", &y, &m, &d, NULL));
  g_assert_cmpuint (y, ==, 2024);
  g_assert_cmpuint (m, ==, 2);
  g_assert_cmpuint (d, ==, 29);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *problem = NULL;

      g_assert_false (cycle_date_parse (bad[i].text, NULL, NULL, NULL, &problem));
      g_assert_cmpstr (problem, ==, bad[i].problem);
      g_assert_false (cycle_date_parse (bad[i].text, NULL, NULL, NULL, NULL));
    }
}

static void
test_properties_refuse_bad_date (void)
{
  g_assert_true (cycle_date_is_valid (""));
  g_assert_true (cycle_date_is_valid ("2024-02-29"));
  g_assert_false (cycle_date_is_valid ("2026-02-29"));
  g_assert_false (cycle_date_is_valid ("2026-13-01"));
  g_assert_false (cycle_date_is_valid ("2026-1-01"));
  g_assert_false (cycle_date_is_valid ("0000-01-01"));
  g_assert_false (cycle_date_is_valid ("2026-01-01T00"));

  if (g_test_subprocess ())
    {
      g_autoptr(CycleContent) content = cycle_content_new ("x");
      cycle_content_set_due (content, "2026-02-30");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
}

static void
test_ids (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  CycleStage *a, *b;
  g_autoptr(CycleStage) c = cycle_stage_new ("C");
  g_autoptr(CyclePersona) p = cycle_persona_new ("P");

  a = add_stage (plan, "A");
  b = add_stage (plan, "B");
  /* The prefix and a random part, so that two copies of a plan do not make the same ids:
   * "s-7f3k2q", valid ids of the file format */
  g_assert_true (g_regex_match_simple ("^s-[0-9a-z]{6}$", cycle_item_get_id (CYCLE_ITEM (a)),
                                       0, 0));
  g_assert_true (g_regex_match_simple ("^s-[0-9a-z]{6}$", cycle_item_get_id (CYCLE_ITEM (b)),
                                       0, 0));
  g_assert_cmpstr (cycle_item_get_id (CYCLE_ITEM (a)), !=, cycle_item_get_id (CYCLE_ITEM (b)));
  g_assert_true (cycle_plan_find_stage (plan, cycle_item_get_id (CYCLE_ITEM (b))) == b);
  g_assert_null (cycle_plan_find_stage (plan, "s3"));

  /* An id already taken is replaced; an id given before is kept. */
  cycle_item_set_id (CYCLE_ITEM (c), cycle_item_get_id (CYCLE_ITEM (a)));
  cycle_plan_add_stage (plan, c, -1);
  g_assert_cmpstr (cycle_item_get_id (CYCLE_ITEM (c)), !=, cycle_item_get_id (CYCLE_ITEM (a)));
  g_assert_true (cycle_plan_find_stage (plan, cycle_item_get_id (CYCLE_ITEM (c))) == c);

  cycle_item_set_id (CYCLE_ITEM (p), "p41");
  cycle_plan_add_persona (plan, p, -1);
  g_assert_true (cycle_plan_find_persona (plan, "p41") == p);
  {
    g_autofree char *next = cycle_plan_make_id (plan, "p");
    g_autofree char *other = cycle_plan_make_id (plan, "p");

    g_assert_true (g_regex_match_simple ("^p-[0-9a-z]{6}$", next, 0, 0));
    g_assert_cmpstr (next, !=, other);
  }

  /* Content gets ids too, and is found by them. */
  {
    CycleContent *content = add_content (plan, a, "Guide");
    const char *id = cycle_item_get_id (CYCLE_ITEM (content));

    g_assert_nonnull (id);
    g_assert_true (cycle_plan_find_content (plan, id) == content);
    g_assert_true (cycle_content_get_stage (content) == a);
    g_assert_true (cycle_item_get_plan (CYCLE_ITEM (content)) == plan);
  }
}

static void
check_flat (CyclePlan *plan)
{
  GListModel *all = cycle_plan_get_all_content (plan);
  GListModel *stages = cycle_plan_get_stages (plan);
  guint k = 0;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);
      GListModel *content = cycle_stage_get_content (stage);

      for (guint j = 0; j < g_list_model_get_n_items (content); j++, k++)
        {
          g_autoptr(CycleContent) expected = g_list_model_get_item (content, j);
          g_autoptr(CycleContent) got = g_list_model_get_item (all, k);

          g_assert_true (expected == got);
        }
    }

  g_assert_cmpuint (g_list_model_get_n_items (all), ==, k);
  g_assert_null (g_list_model_get_item (all, k));
}

static void
test_all_content (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  GListModel *all = cycle_plan_get_all_content (plan);
  Changes changes = { 0 };
  CycleStage *a, *b, *c;
  CycleContent *a1, *c1, *c2;

  g_assert_true (g_list_model_get_item_type (all) == CYCLE_TYPE_CONTENT);
  g_signal_connect (all, "items-changed", G_CALLBACK (on_items_changed), &changes);

  a = add_stage (plan, "A");
  b = add_stage (plan, "B");   /* stays empty */
  c = add_stage (plan, "C");
  g_assert_cmpuint (changes.count, ==, 0);  /* empty stages add no items */

  a1 = add_content (plan, a, "a1");
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  c1 = add_content (plan, c, "c1");
  g_assert_cmpuint (changes.position, ==, 1);
  c2 = add_content (plan, c, "c2");
  g_assert_cmpuint (changes.position, ==, 2);
  add_content (plan, a, "a2");
  g_assert_cmpuint (changes.position, ==, 1);
  check_flat (plan);

  /* Removing a stage removes its content from the flat list at the right place. */
  changes.count = 0;
  g_object_ref (a);
  cycle_plan_remove_stage (plan, a);
  g_assert_cmpuint (changes.count, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 2);
  g_assert_cmpuint (changes.added, ==, 0);
  g_assert_null (cycle_item_get_plan (CYCLE_ITEM (a)));
  g_assert_null (cycle_item_get_plan (CYCLE_ITEM (a1)));
  check_flat (plan);
  g_object_unref (a);

  /* Moving content between stages. */
  cycle_plan_move_content (plan, c2, b, 0);
  g_assert_true (cycle_content_get_stage (c2) == b);
  g_assert_cmpuint (cycle_stage_get_n_content (b), ==, 1);
  g_assert_cmpuint (cycle_stage_get_n_content (c), ==, 1);
  check_flat (plan);

  /* Reordering within a stage. */
  add_content (plan, c, "c3");
  cycle_plan_move_content (plan, c1, c, -1);
  {
    g_autoptr(CycleContent) last = g_list_model_get_item (cycle_stage_get_content (c), 1);
    g_assert_true (last == c1);
  }
  check_flat (plan);

  cycle_plan_move_stage (plan, c, 0);
  check_flat (plan);
  cycle_plan_remove_content (plan, c1);
  g_assert_null (cycle_content_get_stage (c1));
  check_flat (plan);
}

/* A stage's content leaves the plan with it and keeps its stage, for undo; it comes back with it,
 * under the same id. */
static void
test_stage_content_follows_stage (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CycleStage) a = g_object_ref (add_stage (plan, "A"));
  g_autoptr(CycleContent) a1 = g_object_ref (add_content (plan, a, "a1"));
  g_autofree char *id = g_strdup (cycle_item_get_id (CYCLE_ITEM (a1)));

  cycle_plan_remove_stage (plan, a);
  g_assert_null (cycle_item_get_plan (CYCLE_ITEM (a1)));
  g_assert_true (cycle_content_get_stage (a1) == a);
  g_assert_null (cycle_plan_find_content (plan, id));

  g_assert_true (cycle_plan_undo (plan));
  g_assert_true (cycle_item_get_plan (CYCLE_ITEM (a1)) == plan);
  g_assert_true (cycle_content_get_stage (a1) == a);
  g_assert_cmpstr (cycle_item_get_id (CYCLE_ITEM (a1)), ==, id);
  g_assert_true (cycle_plan_find_content (plan, id) == a1);
}

/* Random edits, each followed by reads in a random order: the flat list keeps each stage's items
 * in an array once one was asked for, and that array must follow every change. */
static void
test_all_content_random (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  GListModel *all = cycle_plan_get_all_content (plan);
  GListModel *stages = cycle_plan_get_stages (plan);

  for (guint i = 0; i < 4; i++)
    add_stage (plan, "S");

  for (guint step = 0; step < 400; step++)
    {
      guint n = g_list_model_get_n_items (all);
      guint n_stages = g_list_model_get_n_items (stages);
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages,
                                                           g_rand_int_range (rand, 0, n_stages));
      g_autoptr(CycleContent) some = n > 0 ? g_list_model_get_item (all,
                                                                    g_rand_int_range (rand, 0, n))
                                           : NULL;

      switch (g_rand_int_range (rand, 0, 7))
        {
        case 0:
        case 1:
          {
            g_autoptr(CycleContent) content = cycle_content_new ("x");

            cycle_plan_add_content (plan, stage, content,
                                    g_rand_int_range (rand, -1,
                                                      (int) cycle_stage_get_n_content (stage) + 1));
          }
          break;
        case 2:
          if (some != NULL)
            cycle_plan_remove_content (plan, some);
          break;
        case 3:
          if (some != NULL)
            cycle_plan_move_content (plan, some, stage, g_rand_int_range (rand, -1, 3));
          break;
        case 4:
          cycle_plan_move_stage (plan, stage,
                                 g_rand_int_range (rand, 0, g_list_model_get_n_items (stages)));
          break;
        case 5:
          cycle_plan_undo (plan);
          break;
        default:
          if (g_list_model_get_n_items (stages) < 8)
            add_stage (plan, "T");
          else
            cycle_plan_remove_stage (plan, stage);
          break;
        }

      /* A few reads anywhere first, then the whole list in order. */
      n = g_list_model_get_n_items (all);
      for (guint k = 0; k < 5 && n > 0; k++)
        {
          g_autoptr(CycleContent) item = g_list_model_get_item (all, g_rand_int_range (rand, 0, n));

          g_assert_true (CYCLE_IS_CONTENT (item));
        }
      check_flat (plan);
    }
}

static void
test_n_content_notify (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  CycleStage *stage = add_stage (plan, "A");
  guint count = 0;

  g_signal_connect (stage, "notify::n-content", G_CALLBACK (count_notify), &count);
  add_content (plan, stage, "x");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpuint (cycle_stage_get_n_content (stage), ==, 1);
}

static void
test_remove_stage_removes_links (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  CycleStage *a = add_stage (plan, "A");
  CycleStage *b = add_stage (plan, "B");
  CycleStage *c = add_stage (plan, "C");
  g_autoptr(CycleLink) ab = cycle_link_new (a, b, CYCLE_LINK_NEXT);
  g_autoptr(CycleLink) bc = cycle_link_new (b, c, CYCLE_LINK_NEXT);
  g_autoptr(CycleLink) ca = cycle_link_new (c, a, CYCLE_LINK_LOOP);

  cycle_plan_add_link (plan, ab);
  cycle_plan_add_link (plan, bc);
  cycle_plan_add_link (plan, ca);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_links (plan)), ==, 3);
  g_assert_true (cycle_plan_find_link (plan, cycle_item_get_id (CYCLE_ITEM (bc))) == bc);

  cycle_plan_remove_stage (plan, b);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_links (plan)), ==, 1);
  g_assert_null (cycle_item_get_plan (CYCLE_ITEM (ab)));
  g_assert_true (cycle_item_get_plan (CYCLE_ITEM (ca)) == plan);

  /* One undo step brings the stage and both links back. */
  g_assert_true (cycle_plan_undo (plan));
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_links (plan)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_stages (plan)), ==, 3);
  g_assert_true (cycle_item_get_plan (CYCLE_ITEM (b)) == plan);
}

static void
test_remove_persona_reassigns (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CyclePersona) p1 = cycle_persona_new ("One");
  g_autoptr(CyclePersona) p2 = cycle_persona_new ("Two");
  CycleStage *stage = add_stage (plan, "A");
  CycleContent *x = add_content (plan, stage, "x");
  CycleContent *y = add_content (plan, stage, "y");

  cycle_plan_add_persona (plan, p1, -1);
  cycle_plan_add_persona (plan, p2, -1);
  cycle_content_set_persona (x, p1);
  cycle_content_set_persona (y, p2);

  cycle_plan_remove_persona (plan, p1, p2);
  g_assert_true (cycle_content_get_persona (x) == p2);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_personas (plan)), ==, 1);
  g_assert_cmpstr (cycle_plan_get_undo_label (plan), ==, "Remove Persona");

  cycle_plan_undo (plan);
  g_assert_true (cycle_content_get_persona (x) == p1);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_personas (plan)), ==, 2);

  cycle_plan_remove_persona (plan, p2, NULL);
  g_assert_null (cycle_content_get_persona (y));
}

static void
test_items_outlive_plan (void)
{
  CyclePlan *plan = cycle_plan_new ();
  CycleStage *stage = g_object_ref (add_stage (plan, "A"));
  CycleContent *content = g_object_ref (add_content (plan, stage, "x"));

  g_assert_finalize_object (plan);
  g_assert_null (cycle_item_get_plan (CYCLE_ITEM (stage)));
  g_assert_null (cycle_item_get_plan (CYCLE_ITEM (content)));
  /* Editing a survivor must not touch the freed plan's history. */
  cycle_stage_set_name (stage, "B");
  cycle_content_set_title (content, "y");
  g_object_unref (content);
  g_assert_finalize_object (stage);
}

static void
test_enums (void)
{
  int value = -1;
  g_autofree char *nicks = cycle_enum_list_nicks (CYCLE_TYPE_PERMISSION);

  g_assert_cmpstr (cycle_enum_to_nick (CYCLE_TYPE_PERMISSION, CYCLE_PERMISSION_BRAND_TRUST), ==,
                   "brand-trust");
  g_assert_true (cycle_enum_from_nick (CYCLE_TYPE_COMMITMENT, "stored-card", &value));
  g_assert_cmpint (value, ==, CYCLE_COMMITMENT_STORED_CARD);
  g_assert_false (cycle_enum_from_nick (CYCLE_TYPE_COMMITMENT, "Stored-card", &value));
  g_assert_cmpstr (nicks, ==,
                   "“none”, “situational”, “brand-trust”, “personal”, “points”, “intravenous”");
  g_assert_cmpuint (cycle_enum_count (CYCLE_TYPE_STATUS), ==, 4);
  g_assert_cmpstr (cycle_enum_get_label (CYCLE_TYPE_LANE, CYCLE_LANE_JOURNEY), ==,
                   "Buyer’s journey");

  /* The ladder only climbs. */
  for (int c = 1; c < (int)cycle_enum_count (CYCLE_TYPE_COMMITMENT) - 1; c++)
    if (c != CYCLE_COMMITMENT_REFERRAL && c + 1 != CYCLE_COMMITMENT_REFERRAL)
      g_assert_cmpint (cycle_commitment_required_permission (c), <=,
                       cycle_commitment_required_permission (c + 1));
  g_assert_cmpint (cycle_commitment_required_permission (CYCLE_COMMITMENT_STORED_CARD), ==,
                   CYCLE_PERMISSION_INTRAVENOUS);
  g_assert_cmpint (cycle_commitment_required_permission (CYCLE_COMMITMENT_READ), ==,
                   CYCLE_PERMISSION_NONE);
}

/* A new stage takes its neighbours' role when they agree; the purchase is not copied. */
static void
test_guess_role (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  const CycleRole roles[] = { CYCLE_ROLE_ATTRACT, CYCLE_ROLE_ENGAGE, CYCLE_ROLE_ENGAGE,
                              CYCLE_ROLE_CONVERT, CYCLE_ROLE_RETAIN };
  struct { int position; CycleLane lane; CycleRole expected; } cases[] = {
    { 0, CYCLE_LANE_INTERNAL, CYCLE_ROLE_ATTRACT },   /* before the first: its role */
    { 1, CYCLE_LANE_INTERNAL, CYCLE_ROLE_NONE },      /* attract | engage: ambiguous */
    { 2, CYCLE_LANE_INTERNAL, CYCLE_ROLE_ENGAGE },    /* engage | engage */
    { 3, CYCLE_LANE_INTERNAL, CYCLE_ROLE_NONE },      /* engage | convert */
    { 4, CYCLE_LANE_INTERNAL, CYCLE_ROLE_NONE },      /* convert | retain */
    { -1, CYCLE_LANE_INTERNAL, CYCLE_ROLE_RETAIN },   /* after the last */
    { 2, CYCLE_LANE_JOURNEY, CYCLE_ROLE_NONE },       /* no journey stage around */
  };

  g_assert_cmpint (cycle_plan_guess_role (plan, -1, CYCLE_LANE_INTERNAL), ==, CYCLE_ROLE_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(CycleStage) stage = cycle_stage_new ("Stage");

      cycle_stage_set_role (stage, roles[i]);
      cycle_plan_add_stage (plan, stage, -1);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (cycle_plan_guess_role (plan, cases[i].position, cases[i].lane), ==,
                     cases[i].expected);

  /* Only the purchase at the end: a stage after it is not a second purchase. */
  {
    g_autoptr(CyclePlan) short_plan = cycle_plan_new ();
    g_autoptr(CycleStage) buy = cycle_stage_new ("Buy");

    cycle_stage_set_role (buy, CYCLE_ROLE_CONVERT);
    cycle_plan_add_stage (short_plan, buy, -1);
    g_assert_cmpint (cycle_plan_guess_role (short_plan, -1, CYCLE_LANE_INTERNAL), ==,
                     CYCLE_ROLE_NONE);
  }
}

/* How content reads (cycle-content.c): the usual words, overdue, due dates; and a copy */
static void
test_content_words (void)
{
  g_autoptr(CycleContent) content = cycle_content_new ("x");
  g_autofree char *due = NULL;

  /* Without a translation, display and stored words are the same; free words pass through. */
  g_assert_cmpstr (cycle_content_format_to_display ("case study"), ==, "case study");
  g_assert_cmpstr (cycle_content_format_from_display ("case study"), ==, "case study");
  g_assert_cmpstr (cycle_content_channel_from_display ("our podcast"), ==, "our podcast");
  g_assert_cmpstr (cycle_content_format_to_display (""), ==, "");

  g_assert_false (cycle_content_is_overdue (content, "2026-01-01"));
  cycle_content_set_due (content, "2025-12-31");
  g_assert_true (cycle_content_is_overdue (content, "2026-01-01"));
  g_assert_false (cycle_content_is_overdue (content, "2025-12-31"));
  cycle_content_set_status (content, CYCLE_STATUS_PUBLISHED);
  g_assert_false (cycle_content_is_overdue (content, "2026-01-01"));

  due = cycle_content_format_due ("2026-11-02");
  g_assert_cmpstr (due, ==, "2 Nov 2026");
  g_clear_pointer (&due, g_free);
  due = cycle_content_format_due ("");
  g_assert_cmpstr (due, ==, "");
}

/* The names views and messages show: the item's own, or a stand-in when it has none. */
static void
test_display_names (void)
{
  g_autoptr(CycleStage) stage = cycle_stage_new ("Awareness");
  g_autoptr(CycleContent) content = cycle_content_new ("Guide");

  g_assert_cmpstr (cycle_stage_get_display_name (stage), ==, "Awareness");
  g_assert_cmpstr (cycle_content_get_display_title (content), ==, "Guide");

  cycle_stage_set_name (stage, "");
  cycle_content_set_title (content, "");
  g_assert_cmpstr (cycle_stage_get_display_name (stage), ==, "Unnamed Stage");
  g_assert_cmpstr (cycle_content_get_display_title (content), ==, "Untitled content");
  /* The stand-ins are only shown: the stored values stay empty. */
  g_assert_cmpstr (cycle_stage_get_name (stage), ==, "");
  g_assert_cmpstr (cycle_content_get_title (content), ==, "");
}

static void
test_content_duplicate (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CycleStage) stage = cycle_stage_new ("Leads");
  g_autoptr(CycleContent) first = cycle_content_new ("Guide");
  g_autoptr(CycleContent) second = cycle_content_new ("Webinar");
  CycleContent *copy;

  cycle_plan_add_stage (plan, stage, -1);
  cycle_plan_add_content (plan, stage, first, -1);
  cycle_plan_add_content (plan, stage, second, -1);
  cycle_content_set_channel (first, "email");
  cycle_content_set_due (first, "2027-03-15");

  g_assert_cmpint (cycle_content_get_position (second), ==, 1);
  copy = cycle_content_duplicate (first);
  /* Right after the original, every field but the id, the title marked as a copy */
  g_assert_cmpint (cycle_content_get_position (copy), ==, 1);
  g_assert_cmpint (cycle_content_get_position (second), ==, 2);
  g_assert_cmpstr (cycle_content_get_title (copy), ==, "Guide (copy)");
  g_assert_cmpstr (cycle_content_get_channel (copy), ==, "email");
  g_assert_cmpstr (cycle_content_get_due (copy), ==, "2027-03-15");
  g_assert_cmpstr (cycle_item_get_id (CYCLE_ITEM (copy)), !=,
                   cycle_item_get_id (CYCLE_ITEM (first)));

  /* One undo step */
  g_assert_true (cycle_plan_undo (plan));
  g_assert_cmpuint (cycle_stage_get_n_content (stage), ==, 2);
  g_assert_cmpint (cycle_content_get_position (second), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan/date/parse", test_date_parse);
  g_test_add_func ("/plan/date/parse-input", test_date_parse_input);
  g_test_add_func ("/plan/url/openable", test_url_openable);
  g_test_add_func ("/plan/name/blank", test_name_is_blank);
  g_test_add_func ("/plan/name/transform", test_name_transform);
  g_test_add_func ("/plan/properties/notify-only-on-change", test_properties_notify_only_on_change);
  g_test_add_func ("/plan/properties/roundtrip", test_properties_roundtrip);
  g_test_add_func ("/plan/properties/refuse-impossible", test_properties_refuse_impossible_values);
  g_test_add_func ("/plan/properties/refuse-nan", test_properties_refuse_nan);
  g_test_add_func ("/plan/properties/refuse-bad-date", test_properties_refuse_bad_date);
  g_test_add_func ("/plan/ids", test_ids);
  g_test_add_func ("/plan/all-content", test_all_content);
  g_test_add_func ("/plan/all-content/random", test_all_content_random);
  g_test_add_func ("/plan/stage-content-follows-stage", test_stage_content_follows_stage);
  g_test_add_func ("/plan/n-content-notify", test_n_content_notify);
  g_test_add_func ("/plan/remove-stage-removes-links", test_remove_stage_removes_links);
  g_test_add_func ("/plan/remove-persona-reassigns", test_remove_persona_reassigns);
  g_test_add_func ("/plan/items-outlive-plan", test_items_outlive_plan);
  g_test_add_func ("/plan/enums", test_enums);
  g_test_add_func ("/plan/guess-role", test_guess_role);

  g_test_add_func ("/plan/content-words", test_content_words);
  g_test_add_func ("/plan/content-duplicate", test_content_duplicate);
  g_test_add_func ("/plan/display-names", test_display_names);

  return g_test_run ();
}
