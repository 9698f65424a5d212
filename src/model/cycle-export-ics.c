/* cycle-export-ics.c: the dated content as an iCalendar file (RFC 5545), written by libical
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each dated piece of content is an all-day VEVENT rather than a VTODO: GNOME Calendar 43 shows
 * no tasks, and a content calendar is read as "what goes out on which day". The same plan always
 * gives the same bytes, so an export can be diffed and re-imported:
 *
 * - UID: "CONTENT-ID@PLAN-UID" (cycle_plan_get_uid()), so a calendar that imports the file
 *   again updates each event instead of adding a second one. A plan without a uid (a file
 *   written before plans had one) uses "t" and the first 16 hex digits of the SHA-256 of its
 *   title instead; the window gives such a plan a uid before its first iCalendar export.
 * - DTSTAMP must be a UTC time; a clock would make every export differ. It is the latest day
 *   of the events at 00:00:00 UTC: moving content later moves it forward, and nothing else
 *   changes it.
 * - libical writes the years 1 to 3000 only, and 0001-01-01 without VALUE=DATE: content due
 *   on a day it cannot write with the next (0001-01-01, or after 3000-12-30) is left out, as
 *   content without a date is.
 * - No SEQUENCE, CREATED or LAST-MODIFIED: the plan keeps no edit times.
 */

#define G_LOG_DOMAIN "cycle-export"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "cycle-export.h"

#define ICS_PRODID "-//The Cycle authors//Cycle//EN"

static char *
dup_plan_key (CyclePlan *plan)
{
  const char *uid = cycle_plan_get_uid (plan);
  g_autofree char *digest = NULL;

  if (uid[0] != '\0')
    return g_strdup (uid);

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, cycle_plan_get_title (plan), -1);
  return g_strdup_printf ("t%.16s", digest);
}

static struct icaltimetype
date_of (guint year,
         guint month,
         guint day)
{
  struct icaltimetype t = icaltime_null_date ();

  t.year = (int) year;
  t.month = (int) month;
  t.day = (int) day;
  return t;
}

/* @text as iCalendar TEXT can hold it (RFC 5545 3.3.11 allows no control character but the tab;
 * libical writes the others as they are, and drops a carriage return): line ends as "\n",
 * which libical escapes, and the other controls left out. */
static char *
dup_ics_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\r')
      {
        if (p[1] != '\n')
          g_string_append_c (out, '\n');
      }
    else if (*p == '\t' || *p == '\n' || ((guchar) *p >= 0x20 && *p != 0x7f))
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* The day @content is due, when it has one libical can write with the next day (its DTEND):
 * libical writes the years 1 to 3000 only (a later day comes out as "00000000T000000", for the
 * DTSTAMP taken from it too), and 0001-01-01 without its VALUE=DATE. */
static gboolean
get_event_day (CycleContent        *content,
               struct icaltimetype *day)
{
  struct icaltimetype next;
  guint y, m, d;

  if (!cycle_date_parse (cycle_content_get_due (content), &y, &m, &d, NULL) ||
      (y == 1 && m == 1 && d == 1))
    return FALSE;
  *day = next = date_of (y, m, d);
  icaltime_adjust (&next, 1, 0, 0, 0);
  return icaltime_is_valid_time (*day) && icaltime_is_valid_time (next);
}

/* What a calendar's status can say: scheduled and published content is set; an idea or a draft
 * may still move. */
static icalproperty_status
event_status (CycleStatus status)
{
  switch (status)
    {
    case CYCLE_STATUS_SCHEDULED:
    case CYCLE_STATUS_PUBLISHED:
      return ICAL_STATUS_CONFIRMED;
    case CYCLE_STATUS_IDEA:
    case CYCLE_STATUS_DRAFT:
    default:
      return ICAL_STATUS_TENTATIVE;
    }
}

/* "Stage: Visitors", one a line; nothing for an empty value. */
static void
add_line (GString    *text,
          const char *label,
          const char *value)
{
  if (value == NULL || value[0] == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  /* Translators: a field of a calendar event's description, "Stage: Visitors" */
  g_string_append_printf (text, C_("calendar field", "%s: %s"), label, value);
}

static char *
dup_description (CycleContent *content)
{
  CycleStage *stage = cycle_content_get_stage (content);
  CyclePersona *persona = cycle_content_get_persona (content);
  GString *text = g_string_new (NULL);
  char *description;

  add_line (text, _("Stage"), stage != NULL ? cycle_stage_get_name (stage) : NULL);
  add_line (text, _("Persona"), persona != NULL ? cycle_persona_get_name (persona) : NULL);
  add_line (text, _("Format"),
            cycle_content_format_to_display (cycle_content_get_format (content)));
  add_line (text, _("Channel"),
            cycle_content_channel_to_display (cycle_content_get_channel (content)));
  add_line (text, _("Call to action"), cycle_content_get_cta (content));
  add_line (text, _("Status"), cycle_enum_get_label (CYCLE_TYPE_STATUS,
                                                          cycle_content_get_status (content)));
  add_line (text, _("Owner"), cycle_content_get_owner (content));
  add_line (text, _("Link"), cycle_content_get_url (content));
  if (cycle_content_get_notes (content)[0] != '\0')
    g_string_append_printf (text, "\n\n%s", cycle_content_get_notes (content));

  description = dup_ics_text (text->str);
  g_string_free (text, TRUE);
  return description;
}

static void
add_category (icalcomponent *event,
              GPtrArray     *seen,
              const char    *category)
{
  char *text;

  if (category == NULL || category[0] == '\0')
    return;
  text = dup_ics_text (category);
  for (guint i = 0; i < seen->len; i++)
    if (strcmp (g_ptr_array_index (seen, i), text) == 0)
      {
        g_free (text);
        return;
      }
  g_ptr_array_add (seen, text);
  icalcomponent_add_property (event, icalproperty_new_categories (text));
}

/* An X- property of @text, as TEXT */
static icalproperty *
new_x_text (const char *name,
            const char *text)
{
  g_autofree char *value = dup_ics_text (text);
  icalproperty *property = icalproperty_new_x (value);

  icalproperty_set_x_name (property, name);
  return property;
}

static void
add_repeat (icalcomponent *event,
            CycleContent  *content)
{
  CycleRepeat unit = cycle_content_get_repeat (content);
  struct icalrecurrencetype rule;
  guint y, m, d;

  if (unit == CYCLE_REPEAT_NONE)
    return;

  icalrecurrencetype_clear (&rule);
  switch (unit)
    {
    case CYCLE_REPEAT_NONE:
    case CYCLE_REPEAT_DAILY:
      rule.freq = ICAL_DAILY_RECURRENCE;
      break;
    case CYCLE_REPEAT_WEEKLY:
      rule.freq = ICAL_WEEKLY_RECURRENCE;
      break;
    case CYCLE_REPEAT_MONTHLY:
    default:
      rule.freq = ICAL_MONTHLY_RECURRENCE;
      break;
    }
  rule.interval = (short) cycle_content_get_repeat_interval (content);
  if (cycle_date_parse (cycle_content_get_repeat_until (content), &y, &m, &d, NULL))
    rule.until = date_of (y, m, d);

  icalcomponent_add_property (event, icalproperty_new_rrule (rule));
}

static icalcomponent *
new_event (CycleContent        *content,
           const char          *plan_key,
           struct icaltimetype  stamp,
           struct icaltimetype  start)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  CycleStage *stage = cycle_content_get_stage (content);
  CyclePersona *persona = cycle_content_get_persona (content);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = dup_ics_text (cycle_content_get_title (content));
  g_autofree char *uid = g_strdup_printf ("%s@%s", cycle_item_get_id (CYCLE_ITEM (content)),
                                          plan_key);
  g_autofree char *description = dup_description (content);
  struct icaltimetype end = start;
  CycleStatus status = cycle_content_get_status (content);

  /* All day: DTEND is the next day, not included (RFC 5545 3.6.1). */
  icaltime_adjust (&end, 1, 0, 0, 0);

  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (start));
  icalcomponent_add_property (event, icalproperty_new_dtend (end));
  add_repeat (event, content);
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_status (event_status (status)));
  /* Content on a day takes no time from anyone's day. */
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  add_category (event, seen, stage != NULL ? cycle_stage_get_name (stage) : NULL);
  add_category (event, seen, persona != NULL ? cycle_persona_get_name (persona) : NULL);
  add_category (event, seen,
                cycle_content_channel_to_display (cycle_content_get_channel (content)));
  add_category (event, seen,
                cycle_content_format_to_display (cycle_content_get_format (content)));
  /* libical writes a URI as it is: a line break in it would end the property and start a line
   * of its own. Any other text stays in the description's "Link:". */
  if (cycle_url_is_openable (cycle_content_get_url (content)))
    icalcomponent_add_property (event, icalproperty_new_url (cycle_content_get_url (content)));
  /* The owner is a name, not an address: a CN without a mailto would not be valid. */
  if (cycle_content_get_owner (content)[0] != '\0')
    icalcomponent_add_property (event,
                                new_x_text ("X-CYCLE-OWNER", cycle_content_get_owner (content)));

  return event;
}

GBytes *
cycle_export_ics (CyclePlan *plan)
{
  GListModel *all;
  icalcomponent *calendar;
  icalproperty *name;
  struct icaltimetype stamp = icaltime_null_time ();
  gboolean dated = FALSE;
  g_autofree char *plan_key = NULL;
  char *text;
  GBytes *bytes;
  guint n;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);

  all = cycle_plan_get_all_content (plan);
  n = g_list_model_get_n_items (all);
  plan_key = dup_plan_key (plan);

  /* The latest day of the events (1970-01-01 without any) */
  stamp.year = 1970;
  stamp.month = 1;
  stamp.day = 1;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleContent) content = g_list_model_get_item (all, i);
      struct icaltimetype day;

      if (get_event_day (content, &day) && (!dated || icaltime_compare_date_only (day, stamp) > 0))
        {
          stamp.year = day.year;
          stamp.month = day.month;
          stamp.day = day.day;
          dated = TRUE;
        }
    }
  stamp.zone = icaltimezone_get_utc_timezone ();

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid (ICS_PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  /* The name GNOME Calendar, Thunderbird and others give the calendar */
  name = new_x_text ("X-WR-CALNAME", cycle_plan_get_title (plan)[0] != '\0'
                                     ? cycle_plan_get_title (plan) : _("Untitled Plan"));
  icalcomponent_add_property (calendar, name);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleContent) content = g_list_model_get_item (all, i);
      struct icaltimetype day;

      if (get_event_day (content, &day))
        icalcomponent_add_component (calendar, new_event (content, plan_key, stamp, day));
    }

  text = icalcomponent_as_ical_string_r (calendar);
  bytes = g_bytes_new (text, strlen (text));
  icalmemory_free_buffer (text);
  icalcomponent_free (calendar);

  return bytes;
}
