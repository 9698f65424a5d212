/* test-export-ics.c: the iCalendar export, read back with libical, and repeating content in the
 * model and its file
 *
 * python3-icalendar reads the same files in tests/check-ics.py.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <libical/ical.h>

#include "cycle-export.h"
#include "cycle-plan-io.h"
#include "test-plan-text.h"

static CyclePlan *
load (const char *dir,
      const char *name)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  CyclePlan *plan;

  if (g_strcmp0 (dir, "samples") == 0)
    path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);
  else
    path = g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  plan = cycle_plan_new_from_data (data, length, &error);
  g_assert_no_error (error);
  return plan;
}

static icalcomponent *
parse (GBytes *bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  icalcomponent *calendar = icalparser_parse_string (text);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  /* libical marks what it could not read with X-LIC-ERROR properties */
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  return calendar;
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *uid)
{
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       e != NULL; e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (e), uid) == 0)
      return e;
  return NULL;
}

/* Every dated item of the sample is one all-day event on its day, and nothing else is. */
static void
test_sample (void)
{
  g_autoptr(CyclePlan) plan = load ("samples", "coffee-club.cycle");
  g_autoptr(GBytes) bytes = cycle_export_ics (plan);
  g_autoptr(GBytes) again = cycle_export_ics (plan);
  GListModel *all = cycle_plan_get_all_content (plan);
  icalcomponent *calendar = parse (bytes);
  icalproperty *version;
  guint dated = 0;

  /* Same plan, same bytes: no clock in the file. */
  g_assert_true (g_bytes_equal (bytes, again));
  version = icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY);
  g_assert_nonnull (version);
  g_assert_cmpstr (icalproperty_get_version (version), ==, "2.0");

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CycleContent) content = g_list_model_get_item (all, i);
      const char *due = cycle_content_get_due (content);
      g_autofree char *uid_prefix = g_strconcat (cycle_item_get_id (CYCLE_ITEM (content)), "@",
                                                 NULL);
      icalcomponent *event = NULL;
      struct icaltimetype start, end;
      g_autofree char *day = NULL;

      for (icalcomponent *e = icalcomponent_get_first_component (calendar,
                                                                 ICAL_VEVENT_COMPONENT);
           e != NULL; e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
        if (g_str_has_prefix (icalcomponent_get_uid (e), uid_prefix))
          event = e;

      if (due[0] == '\0')
        {
          g_assert_null (event);
          continue;
        }
      dated++;
      g_assert_nonnull (event);
      g_assert_cmpstr (icalcomponent_get_summary (event), ==, cycle_content_get_title (content));
      start = icalcomponent_get_dtstart (event);
      end = icalcomponent_get_dtend (event);
      g_assert_true (start.is_date);
      g_assert_true (end.is_date);
      day = g_strdup_printf ("%04d-%02d-%02d", start.year, start.month, start.day);
      g_assert_cmpstr (day, ==, due);
      g_assert_cmpint (icaltime_compare_date_only (end, start), >, 0);
      icaltime_adjust (&start, 1, 0, 0, 0);
      g_assert_cmpint (icaltime_compare_date_only (end, start), ==, 0);
      g_assert_true (icaltime_is_utc (icalcomponent_get_dtstamp (event)));
    }

  g_assert_cmpuint (dated, >, 0);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, dated);
  icalcomponent_free (calendar);
}

/* UIDs: the content's id and the plan's uid; the text survives commas, semicolons,
 * backslashes, line breaks and accents; repeating content has its rule. */
static void
test_fields_and_repeat (void)
{
  g_autoptr(CyclePlan) plan = load ("good", "calendar.cycle");
  g_autoptr(GBytes) bytes = cycle_export_ics (plan);
  icalcomponent *calendar = parse (bytes);
  icalcomponent *event;
  icalproperty *prop;
  struct icalrecurrencetype rule;
  const char *description;

  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 4);
  g_assert_null (find_event (calendar, "c4@k3f9q0v7m2x8a1c4"));   /* no date */

  event = find_event (calendar, "c1@k3f9q0v7m2x8a1c4");
  g_assert_nonnull (event);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Café, lait; et \\ thé");
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
  description = icalcomponent_get_description (event);
  g_assert_nonnull (strstr (description, "Visiteurs"));
  g_assert_nonnull (strstr (description, "Parent pressé"));
  g_assert_nonnull (strstr (description, "Lire le guide"));
  g_assert_nonnull (strstr (description, "https://example.org/cafe"));
  g_assert_true (g_str_has_suffix (description, "\n\nDeux lignes\nde notes."));
  prop = icalcomponent_get_first_property (event, ICAL_URL_PROPERTY);
  g_assert_nonnull (prop);
  g_assert_cmpstr (icalproperty_get_url (prop), ==, "https://example.org/cafe");
  g_assert_null (icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY));
  prop = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
  g_assert_cmpstr (icalproperty_get_categories (prop), ==, "Visiteurs");

  /* Every two weeks until the end of March, the last day included */
  event = find_event (calendar, "c2@k3f9q0v7m2x8a1c4");
  g_assert_nonnull (event);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
  prop = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
  g_assert_nonnull (prop);
  rule = icalproperty_get_rrule (prop);
  g_assert_cmpint (rule.freq, ==, ICAL_WEEKLY_RECURRENCE);
  g_assert_cmpint (rule.interval, ==, 2);
  g_assert_cmpint (rule.until.year, ==, 2027);
  g_assert_cmpint (rule.until.month, ==, 3);
  g_assert_cmpint (rule.until.day, ==, 31);

  /* The days libical expands it to: 6 Jan, 20 Jan, … 31 Mar: 7 occurrences */
  {
    icalrecur_iterator *it = icalrecur_iterator_new (rule, icalcomponent_get_dtstart (event));
    struct icaltimetype next;
    guint count = 0;

    while (!icaltime_is_null_time (next = icalrecur_iterator_next (it)))
      {
        g_assert_cmpint (icaltime_day_of_week (next), ==, 4);  /* Wednesday */
        count++;
      }
    icalrecur_iterator_free (it);
    g_assert_cmpuint (count, ==, 7);
  }

  event = find_event (calendar, "c3@k3f9q0v7m2x8a1c4");
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_TENTATIVE);
  rule = icalproperty_get_rrule (icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY));
  g_assert_cmpint (rule.freq, ==, ICAL_MONTHLY_RECURRENCE);
  g_assert_cmpint (rule.interval, ==, 1);
  g_assert_true (icaltime_is_null_time (rule.until));

  icalcomponent_free (calendar);
}

/* A link that is not a URI (line breaks, words) is no URL property: libical would write its
 * line breaks as they are, ending the property and starting lines of their own (here, an event
 * of the link's making). It stays in the description, escaped. */
static void
test_url_not_a_uri (void)
{
  static const char text[] =
    "{\"format\": \"org.example.Cycle\", \"version\": 1, \"uid\": \"u1\", \"stages\": ["
    "{\"id\": \"s1\", \"name\": \"S\", \"content\": ["
    "{\"id\": \"c1\", \"title\": \"T\", \"due\": \"2027-01-01\", "
    "\"url\": \"https://example.org/a\\r\\nEND:VEVENT\\nBEGIN:VEVENT\\nUID:made@u1\"},"
    "{\"id\": \"c2\", \"title\": \"U\", \"due\": \"2027-01-02\", "
    "\"url\": \"see the blog\"}]}]}";
  g_autoptr(CyclePlan) plan = test_plan_from_text (text);
  g_autoptr(GBytes) bytes = cycle_export_ics (plan);
  g_autofree char *ics = NULL;
  icalcomponent *calendar;
  icalcomponent *event;

  ics = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* Every line ends in CRLF: no line break of the plan's is left bare */
  for (const char *p = ics; (p = strchr (p, '\n')) != NULL; p++)
    g_assert_true (p > ics && p[-1] == '\r');

  calendar = parse (bytes);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 2);
  g_assert_null (find_event (calendar, "made@u1"));
  event = find_event (calendar, "c1@u1");
  g_assert_null (icalcomponent_get_first_property (event, ICAL_URL_PROPERTY));
  g_assert_nonnull (strstr (icalcomponent_get_description (event),
                            "Link: https://example.org/a\nEND:VEVENT\nBEGIN:VEVENT"));
  event = find_event (calendar, "c2@u1");
  g_assert_null (icalcomponent_get_first_property (event, ICAL_URL_PROPERTY));
  icalcomponent_free (calendar);
}

/* Control characters are valid in a plan's text but not in iCalendar TEXT (RFC 5545 3.3.11),
 * and libical writes them as they are: they are left out, and a carriage return is a line end
 * like "\n" (libical would drop it, gluing the lines). */
static void
test_controls (void)
{
  static const char text[] =
    "{\"format\": \"org.example.Cycle\", \"version\": 1, \"uid\": \"u1\", "
    "\"title\": \"Plan\\u0001\", \"stages\": [{\"id\": \"s1\", \"name\": \"S\\u007f\", "
    "\"content\": [{\"id\": \"c1\", \"title\": \"a\\u0007b\\rc\\r\\nd\\te\", "
    "\"owner\": \"x\\u001by\", \"due\": \"2027-01-01\"}]}]}";
  g_autoptr(CyclePlan) plan = test_plan_from_text (text);
  g_autoptr(GBytes) bytes = cycle_export_ics (plan);
  icalcomponent *calendar;
  icalcomponent *event;
  icalproperty *prop;
  const char *ics;
  gsize length;

  ics = g_bytes_get_data (bytes, &length);
  for (gsize i = 0; i < length; i++)
    if ((guchar) ics[i] < 0x20 || ics[i] == 0x7f)
      g_assert_true (ics[i] == '\t' || (ics[i] == '\r' && i + 1 < length && ics[i + 1] == '\n') ||
                     (ics[i] == '\n' && i > 0 && ics[i - 1] == '\r'));

  calendar = parse (bytes);
  prop = icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY);
  g_assert_cmpstr (icalproperty_get_x_name (prop), ==, "X-WR-CALNAME");
  g_assert_cmpstr (icalproperty_get_x (prop), ==, "Plan");
  event = find_event (calendar, "c1@u1");
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "ab\nc\nd\te");
  prop = icalcomponent_get_first_property (event, ICAL_CATEGORIES_PROPERTY);
  g_assert_cmpstr (icalproperty_get_categories (prop), ==, "S");
  prop = icalcomponent_get_first_property (event, ICAL_X_PROPERTY);
  g_assert_cmpstr (icalproperty_get_x (prop), ==, "xy");
  icalcomponent_free (calendar);
}

/* A plan's dates run from year 1 to 9999; libical writes the days of years 1 to 3000 only (a
 * later one as "00000000T000000", and the DTSTAMP taken from it for every event) and 0001-01-01
 * as a date-time. Content due on a day it cannot write is left out, like undated content. */
static void
test_far_dates (void)
{
  static const char text[] =
    "{\"format\": \"org.example.Cycle\", \"version\": 1, \"uid\": \"u1\", \"stages\": ["
    "{\"id\": \"s1\", \"name\": \"S\", \"content\": ["
    "{\"id\": \"c1\", \"title\": \"A\", \"due\": \"2027-03-01\"},"
    "{\"id\": \"c2\", \"title\": \"B\", \"due\": \"9999-12-31\"},"
    "{\"id\": \"c3\", \"title\": \"C\", \"due\": \"3000-12-31\"},"
    "{\"id\": \"c4\", \"title\": \"D\", \"due\": \"3000-12-30\"},"
    "{\"id\": \"c5\", \"title\": \"E\", \"due\": \"0001-01-01\"},"
    "{\"id\": \"c6\", \"title\": \"F\", \"due\": \"0001-01-02\", \"repeat\": \"weekly\", "
    "\"repeat_until\": \"9999-12-31\"}]}]}";
  g_autoptr(CyclePlan) plan = test_plan_from_text (text);
  g_autoptr(GBytes) bytes = cycle_export_ics (plan);
  g_autofree char *ics = NULL;
  icalcomponent *calendar;
  struct icaltimetype stamp;

  ics = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_assert_null (strstr (ics, "00000000"));
  g_assert_null (strstr (ics, "DTSTART:"));

  calendar = parse (bytes);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 3);
  g_assert_nonnull (find_event (calendar, "c1@u1"));
  g_assert_nonnull (find_event (calendar, "c4@u1"));
  g_assert_nonnull (find_event (calendar, "c6@u1"));
  stamp = icalcomponent_get_dtstamp (find_event (calendar, "c1@u1"));
  g_assert_cmpint (stamp.year, ==, 3000);
  g_assert_cmpint (stamp.month, ==, 12);
  g_assert_cmpint (stamp.day, ==, 30);
  icalcomponent_free (calendar);
}

/* Without a uid, the plan's key comes from its title: still the same bytes every time. Giving
 * the plan a uid changes every UID once, and only that. */
static void
test_uid (void)
{
  g_autoptr(CyclePlan) plan = load ("samples", "coffee-club.cycle");
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *uid = NULL;
  icalcomponent *calendar;
  icalcomponent *event;

  g_assert_cmpstr (cycle_plan_get_uid (plan), ==, "");
  before = cycle_export_ics (plan);
  calendar = parse (before);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_true (g_str_has_prefix (icalcomponent_get_uid (event), "c1@t"));
  icalcomponent_free (calendar);

  g_assert_true (cycle_plan_ensure_uid (plan));
  g_assert_false (cycle_plan_ensure_uid (plan));
  uid = g_strdup (cycle_plan_get_uid (plan));
  g_assert_cmpuint (strlen (uid), ==, 16);
  g_assert_true (cycle_plan_uid_is_valid (uid));
  /* Identity, not an edit */
  g_assert_false (cycle_plan_can_undo (plan));

  after = cycle_export_ics (plan);
  calendar = parse (after);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  {
    g_autofree char *expected = g_strconcat ("c1@", uid, NULL);

    g_assert_cmpstr (icalcomponent_get_uid (event), ==, expected);
  }
  icalcomponent_free (calendar);

  /* Kept in the file */
  {
    g_autoptr(GBytes) file = cycle_plan_to_bytes (plan);
    g_autoptr(GError) error = NULL;
    g_autoptr(CyclePlan) reloaded = NULL;

    reloaded = cycle_plan_new_from_data (g_bytes_get_data (file, NULL), g_bytes_get_size (file),
                                         &error);
    g_assert_no_error (error);
    g_assert_cmpstr (cycle_plan_get_uid (reloaded), ==, uid);
  }

  g_assert_false (cycle_plan_uid_is_valid (""));
  g_assert_false (cycle_plan_uid_is_valid ("a b"));
  g_assert_false (cycle_plan_uid_is_valid ("a@b"));
}

/* Repeating is an edit like any other: undone in one step, and saved. */
static void
test_repeat_edit (void)
{
  g_autoptr(CyclePlan) plan = load ("samples", "coffee-club.cycle");
  CycleContent *content = cycle_plan_find_content (plan, "c1");
  g_autoptr(GBytes) original = cycle_plan_to_bytes (plan);
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(CyclePlan) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  CycleContent *back;

  g_assert_cmpint (cycle_content_get_repeat (content), ==, CYCLE_REPEAT_NONE);
  g_assert_cmpuint (cycle_content_get_repeat_interval (content), ==, 1);

  cycle_plan_begin_group (plan, "Repeat");
  cycle_content_set_repeat (content, CYCLE_REPEAT_WEEKLY);
  cycle_content_set_repeat_interval (content, 3);
  cycle_content_set_repeat_until (content, "2027-06-30");
  cycle_plan_end_group (plan);

  edited = cycle_plan_to_bytes (plan);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (edited, NULL), g_bytes_get_size (edited),
                                  "\"repeat\": \"weekly\",\n"
                                  "          \"repeat_interval\": 3,\n"
                                  "          \"repeat_until\": \"2027-06-30\""));
  reloaded = cycle_plan_new_from_data (g_bytes_get_data (edited, NULL),
                                       g_bytes_get_size (edited), &error);
  g_assert_no_error (error);
  back = cycle_plan_find_content (reloaded, "c1");
  g_assert_cmpint (cycle_content_get_repeat (back), ==, CYCLE_REPEAT_WEEKLY);
  g_assert_cmpuint (cycle_content_get_repeat_interval (back), ==, 3);
  g_assert_cmpstr (cycle_content_get_repeat_until (back), ==, "2027-06-30");

  g_assert_true (cycle_plan_undo (plan));
  undone = cycle_plan_to_bytes (plan);
  g_assert_true (g_bytes_equal (undone, original));
  g_assert_cmpint (cycle_content_get_repeat (content), ==, CYCLE_REPEAT_NONE);
}

/* What a file may say about repeating, and what is refused, naming the member. */
static void
test_repeat_errors (void)
{
  static const struct {
    const char *member;
    const char *message;
  } cases[] = {
    { "\"repeat\": \"yearly\"", "$.stages[0].content[0].repeat: unknown repeat “yearly”" },
    { "\"repeat_interval\": 0", "$.stages[0].content[0].repeat_interval: content repeats every" },
    { "\"repeat_interval\": 100", "$.stages[0].content[0].repeat_interval: content repeats" },
    { "\"repeat_interval\": \"2\"", "$.stages[0].content[0].repeat_interval: expected a number" },
    { "\"repeat_until\": \"2027-02-30\"", "$.stages[0].content[0].repeat_until: “2027-02-30”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (
        "{\"format\": \"org.example.Cycle\", \"version\": 1, \"stages\": [{\"id\": \"s1\", "
        "\"name\": \"S\", \"content\": [{\"id\": \"c1\", \"title\": \"T\", %s}]}]}",
        cases[i].member);
      g_autoptr(GError) error = NULL;
      g_autoptr(CyclePlan) plan = cycle_plan_new_from_data (text, strlen (text), &error);

      g_assert_null (plan);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("%s: expected “%s…”, got “%s”", cases[i].member, cases[i].message,
                 error->message);
    }

  {
    const char *text = "{\"format\": \"org.example.Cycle\", \"version\": 1, \"uid\": \"a b\"}";
    g_autoptr(GError) error = NULL;
    g_autoptr(CyclePlan) plan = cycle_plan_new_from_data (text, strlen (text), &error);

    g_assert_null (plan);
    g_assert_true (g_str_has_prefix (error->message, "$.uid: “a b” is not a plan uid"));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/ics/sample", test_sample);
  g_test_add_func ("/export/ics/fields-and-repeat", test_fields_and_repeat);
  g_test_add_func ("/export/ics/uid", test_uid);
  g_test_add_func ("/export/ics/url-not-a-uri", test_url_not_a_uri);
  g_test_add_func ("/export/ics/controls", test_controls);
  g_test_add_func ("/export/ics/far-dates", test_far_dates);
  g_test_add_func ("/content/repeat/edit", test_repeat_edit);
  g_test_add_func ("/content/repeat/errors", test_repeat_errors);

  return g_test_run ();
}
