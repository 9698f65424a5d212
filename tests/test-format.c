/* test-format.c: the one way Cycle writes numbers for people (and splits CSV fields and reads
 * typed dates), in English and in French
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-content.h"
#include "cycle-csv.h"
#include "cycle-format.h"
#include "cycle-link.h"
#include "cycle-stage.h"
#include "test-language.h"

typedef char *(*FormatFunc) (double value);

typedef struct
{
  FormatFunc  func;
  double      value;
  const char *english;
  const char *french;
} FormatCase;

#define NNBSP "\xe2\x80\xaf"   /* narrow no-break space: French groups digits with it */
#define NBSP  "\xc2\xa0"       /* no-break space: French puts it before % */

static const FormatCase cases[] = {
  { cycle_format_number, 1000, "1,000", "1" NNBSP "000" },
  { cycle_format_number, 1234.5, "1,234.5", "1" NNBSP "234,5" },
  { cycle_format_number, 1234567.891, "1,234,567.89", "1" NNBSP "234" NNBSP "567,89" },
  { cycle_format_number, 999, "999", "999" },
  { cycle_format_number, 40, "40", "40" },
  { cycle_format_number, 0.045, "0.045", "0,045" },
  { cycle_format_number, 0.0001, "0", "0" },
  { cycle_format_number, -1500, "-1,500", "-1" NNBSP "500" },
  { cycle_format_number, NAN, "?", "?" },
  { cycle_format_count, 1156.07, "1,156", "1" NNBSP "156" },
  { cycle_format_count, 0.4, "0", "0" },
  { cycle_format_percent, 0.04, "4%", "4" NBSP "%" },
  { cycle_format_percent, 0.5, "50%", "50" NBSP "%" },
  { cycle_format_percent, 1, "100%", "100" NBSP "%" },
  { cycle_format_percent, 0.006, "0.6%", "0,6" NBSP "%" },
  { cycle_format_percent, 0.123, "12%", "12" NBSP "%" },
  { cycle_format_percent, 0.0004, "< 0.1%", "< 0,1" NBSP "%" },
  { cycle_format_percent, 0, "0%", "0" NBSP "%" },
  { cycle_format_people, 0, "0 people", "0 personne" },
  { cycle_format_people, 0.3, "< 1 person", "< 1 personne" },
  { cycle_format_people, 1, "≈ 1 person", "≈ 1 personne" },
  { cycle_format_people, 40.4, "≈ 40 people", "≈ 40 personnes" },
  { cycle_format_people, 1000, "≈ 1,000 people", "≈ 1" NNBSP "000 personnes" },
  { cycle_format_times, 0.135, "×0.135", "×0,135" },
  { cycle_format_times, 2, "×2", "×2" },
};

typedef struct
{
  const char *text;
  double      english;   /* NAN: refused */
  double      french;
} ParseCase;

/* What people type, read back: everything the formatter writes, and the usual variants. */
static const ParseCase parse_cases[] = {
  { "1000", 1000, 1000 },
  { "1,000", 1000, 1 },
  { "1" NNBSP "000", 1000, 1000 },
  { "1" NBSP "000", 1000, 1000 },
  { "1 000", 1000, 1000 },
  { "1,234,567.5", 1234567.5, NAN },
  { "1" NNBSP "234" NNBSP "567,5", 1234567.5, 1234567.5 },
  { "12,5", 12.5, 12.5 },
  { "12.5", 12.5, 12.5 },
  { " 40 ", 40, 40 },
  { "-3", -3, -3 },
  { "0,045", 0.045, 0.045 },
  { "12,50,0", NAN, NAN },
  { "", NAN, NAN },
  { "abc", NAN, NAN },
  { "0x10", NAN, NAN },
  { "1e5", NAN, NAN },
  { "inf", NAN, NAN },
};

static void
check_parse (gboolean french)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      double expected = french ? parse_cases[i].french : parse_cases[i].english;
      double value = -999;
      gboolean ok = cycle_format_parse_number (parse_cases[i].text, &value);

      g_test_message ("“%s” → %s %g", parse_cases[i].text, ok ? "ok" : "refused", value);
      g_assert_cmpint (ok, ==, !isnan (expected));
      if (ok)
        g_assert_cmpfloat_with_epsilon (value, expected, 1e-9);
    }

  /* What the formatter writes reads back as the number. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (cases[i].func == cycle_format_number && !isnan (cases[i].value))
      {
        g_autofree char *text = cycle_format_number (cases[i].value);
        double value = 0;

        g_assert_true (cycle_format_parse_number (text, &value));
        g_assert_cmpfloat_with_epsilon (value, cases[i].value, 0.005);
      }
}

static void
check_all (gboolean french)
{
  g_autofree char *example = cycle_date_format_input ("2027-03-15");
  g_autofree char *iso = NULL;

  /* The same marks decide how CSV files split their fields for people (Excel's rule: a
   * semicolon where 3,5 is a number) and the order of typed dates. */
  g_assert_cmpint (cycle_csv_delimiter_for_people (), ==, french ? ';' : ',');
  g_assert_cmpstr (example, ==, french ? "15/03/2027" : "03/15/2027");
  g_assert_true (cycle_date_parse_input ("04/03/2027", &iso, NULL));
  g_assert_cmpstr (iso, ==, french ? "2027-03-04" : "2027-04-03");

  /* A date typed as the board shows it, with the month's name in the interface's language */
  {
    static const struct { const char *french, *english, *iso; } named[] = {
      { "15 mars 2027", "15 March 2027", "2027-03-15" },
      { "2 nov. 2026", "2 Nov 2026", "2026-11-02" },
      { "1er décembre 2026", "December 1st, 2026", "2026-12-01" },
      { "12 Janv. 27", "Jan 12, 27", "2027-01-12" },
      { "3 fevrier 2027", "3 FEB 2027", "2027-02-03" },
      { "mardi 1 déc. 2026", "Tuesday, Dec 1, 2026", "2026-12-01" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (named); i++)
      {
        g_autofree char *parsed = NULL;
        g_autofree char *problem = NULL;

        g_assert_true (cycle_date_parse_input (french ? named[i].french : named[i].english,
                                               &parsed, &problem));
        g_assert_cmpstr (parsed, ==, named[i].iso);
      }
    /* English names are read in any language */
    g_clear_pointer (&iso, g_free);
    g_assert_true (cycle_date_parse_input ("15 March 2027", &iso, NULL));
    g_assert_cmpstr (iso, ==, "2027-03-15");
    g_clear_pointer (&iso, g_free);
    g_assert_true (cycle_date_parse_input ("Dec 1, 2026", &iso, NULL));
    g_assert_cmpstr (iso, ==, "2026-12-01");
    /* "juil" is July, "jui" could be June or July */
    g_clear_pointer (&iso, g_free);
    g_assert_true (cycle_date_parse_input (french ? "4 juil 2027" : "4 Jul 2027", &iso, NULL));
    g_assert_cmpstr (iso, ==, "2027-07-04");
    g_clear_pointer (&iso, g_free);
    g_assert_false (cycle_date_parse_input (french ? "4 jui 2027" : "4 Ju 2027", &iso, NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cases[i].func (cases[i].value);

      g_assert_cmpstr (text, ==, french ? cases[i].french : cases[i].english);
    }

  check_parse (french);
}

static void
test_english (void)
{
  check_all (FALSE);
}

/* The marks come from the translation, not from LC_NUMERIC: no French locale is needed. */
static void
test_french (void)
{
  if (!test_language_french ())
    return;
  check_all (TRUE);

  test_language_english ();
  check_all (FALSE);
}

/* Dates by name follow the interface's language, whatever LC_TIME says (the tests run under
 * C.UTF-8, whose LC_TIME is English): a French interface never reads "2 Nov 2026". */
static void
check_dates (gboolean french)
{
  g_autofree char *due = cycle_content_format_due ("2026-11-02");
  g_autofree char *august = cycle_content_format_due ("2027-08-15");
  g_autofree char *none = cycle_content_format_due ("");
  g_autofree char *bad = cycle_content_format_due ("2026-02-30");
  g_autofree char *all = NULL;
  g_autofree char *unknown = NULL;
  GDate date;

  g_assert_cmpstr (due, ==, french ? "2 nov. 2026" : "2 Nov 2026");
  g_assert_cmpstr (august, ==, french ? "15 août 2027" : "15 Aug 2027");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (bad, ==, "");

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_DECEMBER, 2026);   /* a Tuesday */
  all = cycle_date_format_text (&date, "%a %A %-d %d %e %b %B %m %-m %Y %y 100%%");
  g_assert_cmpstr (all, ==, french ? "mar. mardi 1 01  1 déc. décembre 12 12 2026 26 100%"
                                   : "Tue Tuesday 1 01  1 Dec December 12 12 2026 26 100%");
  /* A conversion it does not know stays as written, so a wrong translation shows */
  unknown = cycle_date_format_text (&date, "%H:%M %");
  g_assert_cmpstr (unknown, ==, "%H:%M %");
}

static void
test_dates (void)
{
  check_dates (FALSE);
  if (!test_language_french ())
    return;
  check_dates (TRUE);
  test_language_english ();
  check_dates (FALSE);
}

/* A link's rate, on the canvas and in the link editor's sentence. */
static void
test_link (void)
{
  g_autoptr(CycleStage) leads = cycle_stage_new ("Leads");
  g_autoptr(CycleStage) members = cycle_stage_new ("Members");
  g_autoptr(CycleLink) link = cycle_link_new (leads, members, CYCLE_LINK_NEXT);
  g_autofree char *unset = NULL;
  g_autofree char *source_rate = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *each = NULL;
  g_autofree char *loop = NULL;
  g_autofree char *one = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_assert_null (cycle_link_format_rate (link));
  unset = cycle_link_describe_rate (link);
  g_assert_nonnull (strstr (unset, "has no rate"));
  cycle_stage_set_conversion_rate (leads, 0.04);
  source_rate = cycle_link_describe_rate (link);
  g_assert_cmpstr (source_rate, ==,
                   "No rate of its own: the conversion rate of “Leads” applies, 4%.");

  cycle_link_set_rate (link, 0.5);
  percent = cycle_link_format_rate (link);
  g_assert_cmpstr (percent, ==, "50%");
  sentence = cycle_link_describe_rate (link);
  g_assert_cmpstr (sentence, ==, "50% of the people in “Leads” go on to “Members”.");

  g_assert_true (cycle_link_edit (link, CYCLE_LINK_LOOP, 2.5));
  each = cycle_link_format_rate (link);
  g_assert_cmpstr (each, ==, "2.5 each");
  loop = cycle_link_describe_rate (link);
  g_assert_cmpstr (loop, ==,
                   "Each person in “Leads” brings 2.5 new people to “Members” in the next cycle.");
  cycle_link_set_rate (link, 1.0);
  one = cycle_link_describe_rate (link);
  g_assert_cmpstr (one, ==,
                   "Each person in “Leads” brings 1 new person to “Members” in the next cycle.");

  from = cycle_link_describe_from (link, leads);
  to = cycle_link_describe_from (link, members);
  g_assert_cmpstr (from, ==, "Loop back to “Members”");
  g_assert_cmpstr (to, ==, "Loop back from “Leads”");

  g_assert_cmpfloat (cycle_link_kind_get_max_rate (CYCLE_LINK_NEXT), ==, 1.0);
  g_assert_cmpfloat (cycle_link_kind_get_max_rate (CYCLE_LINK_LOOP), ==, CYCLE_LOOP_RATE_MAX);
  g_assert_true (cycle_link_kind_accepts_rate (CYCLE_LINK_MAPPING, CYCLE_RATE_UNSET));
  g_assert_false (cycle_link_kind_accepts_rate (CYCLE_LINK_MAPPING, 1.5));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/english", test_english);
  g_test_add_func ("/format/french", test_french);
  g_test_add_func ("/format/link", test_link);
  g_test_add_func ("/format/dates", test_dates);

  return g_test_run ();
}
