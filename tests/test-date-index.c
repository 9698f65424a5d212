/* test-date-index.c: the plan's content by due date (cycle-date-index.h): what a month shows,
 * following edits, undo, removals and repeating content, without going over every item
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "cycle-date-index.h"
#include "cycle-plan-io.h"
#include "test-language.h"

static CyclePlan *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "coffee-club.cycle", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  CyclePlan *plan;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  plan = cycle_plan_new_from_data (data, length, &error);
  g_assert_no_error (error);
  return plan;
}

/* "c1 c7" for the content on @iso, in the index's order (by title) */
static char *
ids_on (CycleDateIndex *index,
        const char     *iso)
{
  GDate day;
  GPtrArray *days[1];
  GString *ids = g_string_new (NULL);
  guint y, m, d;

  g_assert_true (cycle_date_parse (iso, &y, &m, &d, NULL));
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, d, m, y);
  cycle_date_index_query (index, &day, 1, days);
  for (guint i = 0; i < days[0]->len; i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, cycle_item_get_id (g_ptr_array_index (days[0], i)));
    }
  g_ptr_array_unref (days[0]);
  return g_string_free (ids, FALSE);
}

#define assert_ids_on(index, iso, expected)             \
  G_STMT_START {                                        \
    g_autofree char *_ids = ids_on (index, iso);        \
    g_assert_cmpstr (_ids, ==, expected);               \
  } G_STMT_END

static void
count_changed (CycleDateIndex *index,
               guint          *count)
{
  (*count)++;
}

static void
test_month (void)
{
  g_autoptr(CyclePlan) plan = load_sample ();
  g_autoptr(CycleDateIndex) index = cycle_date_index_new (plan);
  GListModel *all = cycle_plan_get_all_content (plan);
  GPtrArray *days[42];
  GDate first;
  guint total = 0, dated = 0, changed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CycleContent) content = g_list_model_get_item (all, i);

      if (g_str_has_prefix (cycle_content_get_due (content), "2026-12-"))
        dated++;
    }
  g_assert_cmpuint (dated, >, 1);

  /* December 2026, every day of it: as many items as are due that month */
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, 12, 2026);
  cycle_date_index_query (index, &first, 31, days);
  for (guint i = 0; i < 31; i++)
    {
      total += days[i]->len;
      g_ptr_array_unref (days[i]);
    }
  g_assert_cmpuint (total, ==, dated);

  assert_ids_on (index, "2026-11-02", "c1");
  g_signal_connect (index, "changed", G_CALLBACK (count_changed), &changed);

  /* Moved: on its new day only; undone: back */
  cycle_content_set_due (cycle_plan_find_content (plan, "c1"), "2026-11-09");
  g_assert_cmpuint (changed, ==, 1);
  assert_ids_on (index, "2026-11-02", "");
  assert_ids_on (index, "2026-11-09", "c1 c2");
  g_assert_true (cycle_plan_undo (plan));
  assert_ids_on (index, "2026-11-02", "c1");
  assert_ids_on (index, "2026-11-09", "c2");

  /* No date: on no day */
  cycle_content_set_due (cycle_plan_find_content (plan, "c2"), "");
  assert_ids_on (index, "2026-11-09", "");
  g_assert_true (cycle_plan_undo (plan));

  /* Removed, with its stage or alone: gone from the index */
  cycle_plan_remove_content (plan, cycle_plan_find_content (plan, "c1"));
  assert_ids_on (index, "2026-11-02", "");
  g_assert_true (cycle_plan_undo (plan));
  assert_ids_on (index, "2026-11-02", "c1");
  cycle_plan_remove_stage (plan, cycle_content_get_stage (cycle_plan_find_content (plan, "c1")));
  assert_ids_on (index, "2026-11-02", "");
  g_assert_true (cycle_plan_undo (plan));
  assert_ids_on (index, "2026-11-02", "c1");
}

static void
test_repeating (void)
{
  g_autoptr(CyclePlan) plan = load_sample ();
  g_autoptr(CycleDateIndex) index = cycle_date_index_new (plan);
  CycleContent *c1 = cycle_plan_find_content (plan, "c1");   /* Monday 2 November 2026 */
  guint dated = cycle_date_index_get_n_dated (index);

  cycle_content_set_repeat (c1, CYCLE_REPEAT_WEEKLY);
  cycle_content_set_repeat_interval (c1, 2);
  g_assert_cmpuint (cycle_date_index_get_n_dated (index), ==, dated);
  assert_ids_on (index, "2026-11-02", "c1");
  assert_ids_on (index, "2026-11-09", "c2");
  assert_ids_on (index, "2026-11-16", "c1");
  assert_ids_on (index, "2027-11-01", "c1");   /* 52 weeks on */
  assert_ids_on (index, "2026-10-19", "");     /* never before its date */

  cycle_content_set_repeat_until (c1, "2026-11-30");
  assert_ids_on (index, "2026-11-30", "c1");
  assert_ids_on (index, "2026-12-14", "");

  /* Monthly from the 31st: the months that have one */
  cycle_content_set_due (c1, "2027-01-31");
  cycle_content_set_repeat (c1, CYCLE_REPEAT_MONTHLY);
  cycle_content_set_repeat_interval (c1, 1);
  cycle_content_set_repeat_until (c1, "");
  assert_ids_on (index, "2027-02-28", "");
  assert_ids_on (index, "2027-03-31", "c1");
  assert_ids_on (index, "2027-04-30", "");

  cycle_content_set_repeat (c1, CYCLE_REPEAT_DAILY);
  cycle_content_set_repeat_interval (c1, 3);
  assert_ids_on (index, "2027-02-03", "c1");
  assert_ids_on (index, "2027-02-04", "");

  /* Back to once */
  cycle_content_set_repeat (c1, CYCLE_REPEAT_NONE);
  assert_ids_on (index, "2027-02-03", "");
  assert_ids_on (index, "2027-01-31", "c1");
}

static void
test_first_weekday (void)
{
  /* The C locale's week starts on Sunday, as glibc says, in English */
  g_assert_cmpint (cycle_date_get_first_weekday (), ==, G_DATE_SUNDAY);
  if (setlocale (LC_TIME, "fr_FR.UTF-8") != NULL)
    {
      g_assert_cmpint (cycle_date_get_first_weekday (), ==, G_DATE_MONDAY);
      setlocale (LC_TIME, "C.UTF-8");
    }

  /* A French interface under LC_TIME=C starts weeks on Monday, as the language does */
  if (test_language_french ())
    {
      setlocale (LC_TIME, "C.UTF-8");
      g_assert_cmpint (cycle_date_get_first_weekday (), ==, G_DATE_MONDAY);
      test_language_english ();
      setlocale (LC_ALL, "C.UTF-8");
      g_assert_cmpint (cycle_date_get_first_weekday (), ==, G_DATE_SUNDAY);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date-index/month", test_month);
  g_test_add_func ("/date-index/repeating", test_repeating);
  g_test_add_func ("/date-index/first-weekday", test_first_weekday);

  return g_test_run ();
}
