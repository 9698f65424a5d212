/* cycle-content.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content"

#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-error.h"
#include "cycle-item-private.h"
#include "cycle-content-private.h"
#include "cycle-plan-private.h"
#include "cycle-plan.h"

/* Kept small: a plan may hold 100 000 of these (empty strings are NULL). */
struct _CycleContent
{
  CycleItem     parent_instance;

  CycleStage   *stage;     /* not owned: the stage's list owns the content */
  CyclePersona *persona;
  char         *title;
  const char   *format;  /* interned */
  const char   *channel;  /* interned */
  char         *cta;
  const char   *owner;  /* interned */
  const char   *due;  /* interned */
  char         *url;
  char         *notes;
  int           commitment;
  int           direction;
  int           status;
  int           pitch;
  int           consent;
  int           repeat;
  int           repeat_interval;
  const char   *repeat_until;  /* interned */
};

G_DEFINE_FINAL_TYPE (CycleContent, cycle_content, CYCLE_TYPE_ITEM)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_TITLE,
  PROP_FORMAT,
  PROP_CHANNEL,
  PROP_PERSONA,
  PROP_CTA,
  PROP_COMMITMENT,
  PROP_DIRECTION,
  PROP_STATUS,
  PROP_OWNER,
  PROP_DUE,
  PROP_URL,
  PROP_NOTES,
  PROP_PITCH,
  PROP_CONSENT,
  PROP_REPEAT,
  PROP_REPEAT_INTERVAL,
  PROP_REPEAT_UNTIL,
  PROP_EFFECTIVE_DIRECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cycle_content_dispose (GObject *object)
{
  CycleContent *self = (CycleContent *)object;

  g_clear_object (&self->persona);

  G_OBJECT_CLASS (cycle_content_parent_class)->dispose (object);
}

static void
cycle_content_finalize (GObject *object)
{
  CycleContent *self = (CycleContent *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->cta, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (cycle_content_parent_class)->finalize (object);
}

static void
cycle_content_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CycleContent *self = CYCLE_CONTENT (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;
    case PROP_TITLE:
      g_value_set_string (value, cycle_content_get_title (self));
      break;
    case PROP_FORMAT:
      g_value_set_string (value, cycle_content_get_format (self));
      break;
    case PROP_CHANNEL:
      g_value_set_string (value, cycle_content_get_channel (self));
      break;
    case PROP_PERSONA:
      g_value_set_object (value, self->persona);
      break;
    case PROP_CTA:
      g_value_set_string (value, cycle_content_get_cta (self));
      break;
    case PROP_COMMITMENT:
      g_value_set_enum (value, self->commitment);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_CONSENT:
      g_value_set_enum (value, self->consent);
      break;
    case PROP_EFFECTIVE_DIRECTION:
      g_value_set_enum (value, cycle_content_get_direction (self));
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_OWNER:
      g_value_set_string (value, cycle_content_get_owner (self));
      break;
    case PROP_DUE:
      g_value_set_string (value, cycle_content_get_due (self));
      break;
    case PROP_URL:
      g_value_set_string (value, cycle_content_get_url (self));
      break;
    case PROP_NOTES:
      g_value_set_string (value, cycle_content_get_notes (self));
      break;
    case PROP_PITCH:
      g_value_set_enum (value, self->pitch);
      break;
    case PROP_REPEAT:
      g_value_set_enum (value, self->repeat);
      break;
    case PROP_REPEAT_INTERVAL:
      g_value_set_uint (value, (guint) self->repeat_interval);
      break;
    case PROP_REPEAT_UNTIL:
      g_value_set_string (value, cycle_content_get_repeat_until (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_content_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CycleContent *self = CYCLE_CONTENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      cycle_content_set_title (self, g_value_get_string (value));
      break;
    case PROP_FORMAT:
      cycle_content_set_format (self, g_value_get_string (value));
      break;
    case PROP_CHANNEL:
      cycle_content_set_channel (self, g_value_get_string (value));
      break;
    case PROP_PERSONA:
      cycle_content_set_persona (self, g_value_get_object (value));
      break;
    case PROP_CTA:
      cycle_content_set_cta (self, g_value_get_string (value));
      break;
    case PROP_COMMITMENT:
      cycle_content_set_commitment (self, g_value_get_enum (value));
      break;
    case PROP_DIRECTION:
      cycle_content_set_direction (self, g_value_get_enum (value));
      break;
    case PROP_CONSENT:
      cycle_content_set_consent (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      cycle_content_set_status (self, g_value_get_enum (value));
      break;
    case PROP_OWNER:
      cycle_content_set_owner (self, g_value_get_string (value));
      break;
    case PROP_DUE:
      cycle_content_set_due (self, g_value_get_string (value));
      break;
    case PROP_URL:
      cycle_content_set_url (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      cycle_content_set_notes (self, g_value_get_string (value));
      break;
    case PROP_PITCH:
      cycle_content_set_pitch (self, g_value_get_enum (value));
      break;
    case PROP_REPEAT:
      cycle_content_set_repeat (self, g_value_get_enum (value));
      break;
    case PROP_REPEAT_INTERVAL:
      cycle_content_set_repeat_interval (self, g_value_get_uint (value));
      break;
    case PROP_REPEAT_UNTIL:
      cycle_content_set_repeat_until (self, g_value_get_string (value));
      break;
    case PROP_STAGE:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_content_class_init (CycleContentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cycle_content_dispose;
  object_class->finalize = cycle_content_finalize;
  object_class->get_property = cycle_content_get_property;
  object_class->set_property = cycle_content_set_property;

  CYCLE_ITEM_CLASS (klass)->id_prefix = "c";

  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL, CYCLE_TYPE_STAGE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", N_("Title"), NULL, "", rw);
  properties[PROP_FORMAT] = g_param_spec_string ("format", N_("Format"), NULL, "", rw);
  properties[PROP_CHANNEL] = g_param_spec_string ("channel", N_("Channel"), NULL, "", rw);
  properties[PROP_PERSONA] =
    g_param_spec_object ("persona", N_("Persona"), NULL, CYCLE_TYPE_PERSONA, rw);
  properties[PROP_CTA] = g_param_spec_string ("cta", N_("Call to Action"), NULL, "", rw);
  properties[PROP_COMMITMENT] =
    g_param_spec_enum ("commitment", N_("Commitment"), NULL, CYCLE_TYPE_COMMITMENT,
                       CYCLE_COMMITMENT_NONE, rw);
  /* The user's word (AUTO: as the call to action says); cycle_content_get_direction() is what
   * it comes to. */
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", N_("Gives or Asks"), NULL, CYCLE_TYPE_DIRECTION,
                       CYCLE_DIRECTION_AUTO, rw);
  /* What "direction" comes to, never AUTO: for views (read-only, not part of the file). */
  properties[PROP_EFFECTIVE_DIRECTION] =
    g_param_spec_enum ("effective-direction", NULL, NULL, CYCLE_TYPE_DIRECTION,
                       CYCLE_DIRECTION_GIVES,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONSENT] =
    g_param_spec_enum ("consent", N_("Consent"), NULL, CYCLE_TYPE_CONSENT,
                       CYCLE_CONSENT_UNSAID, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", N_("Status"), NULL, CYCLE_TYPE_STATUS, CYCLE_STATUS_IDEA, rw);
  properties[PROP_OWNER] = g_param_spec_string ("owner", N_("Owner"), NULL, "", rw);
  properties[PROP_DUE] = g_param_spec_string ("due", N_("Due Date"), NULL, "", rw);
  properties[PROP_URL] = g_param_spec_string ("url", N_("Link"), NULL, "", rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", N_("Notes"), NULL, "", rw);
  properties[PROP_PITCH] =
    g_param_spec_enum ("pitch", N_("Pitch"), NULL, CYCLE_TYPE_PITCH, CYCLE_PITCH_GUESS, rw);
  properties[PROP_REPEAT] =
    g_param_spec_enum ("repeat", N_("Repeat"), NULL, CYCLE_TYPE_REPEAT, CYCLE_REPEAT_NONE, rw);
  properties[PROP_REPEAT_INTERVAL] =
    g_param_spec_uint ("repeat-interval", N_("Repeat Every"), NULL, 1,
                       CYCLE_CONTENT_MAX_REPEAT_INTERVAL, 1, rw);
  properties[PROP_REPEAT_UNTIL] =
    g_param_spec_string ("repeat-until", N_("Repeat Until"), NULL, "", rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cycle_content_init (CycleContent *self)
{
  self->direction = CYCLE_DIRECTION_AUTO;
  self->repeat_interval = 1;
}

CycleContent *
cycle_content_new (const char *title)
{
  CycleContent *self = g_object_new (CYCLE_TYPE_CONTENT, NULL);

  self->title = (title != NULL && title[0] != '\0') ? g_strdup (title) : NULL;
  return self;
}

CycleStage *
cycle_content_get_stage (CycleContent *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT (self), NULL);
  return self->stage;
}

void
_cycle_content_set_stage (CycleContent *self,
                          CycleStage   *stage)
{
  if (self->stage != stage)
    {
      self->stage = stage;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
    }
}

#define STRING_ACCESSORS_WITH(field, PROP, set)                                 \
  const char *                                                                  \
  cycle_content_get_##field (CycleContent *self)                                \
  {                                                                             \
    g_return_val_if_fail (CYCLE_IS_CONTENT (self), NULL);                       \
    return _cycle_str (self->field);                                            \
  }                                                                             \
  void                                                                          \
  cycle_content_set_##field (CycleContent *self,                                \
                             const char   *field)                               \
  {                                                                             \
    g_return_if_fail (CYCLE_IS_CONTENT (self));                                 \
    set (self, &self->field, field, properties[PROP]);                          \
  }
#define STRING_ACCESSORS(field, PROP) STRING_ACCESSORS_WITH (field, PROP, _cycle_set_string)
/* Strings that repeat from item to item: one copy for the process */
#define INTERNED_ACCESSORS(field, PROP) STRING_ACCESSORS_WITH (field, PROP, _cycle_set_interned)

#define ENUM_ACCESSORS(field, Type, TYPE, PROP)                                 \
  Type                                                                          \
  cycle_content_get_##field (CycleContent *self)                                \
  {                                                                             \
    g_return_val_if_fail (CYCLE_IS_CONTENT (self), 0);                          \
    return self->field;                                                         \
  }                                                                             \
  void                                                                          \
  cycle_content_set_##field (CycleContent *self,                                \
                             Type          field)                               \
  {                                                                             \
    g_return_if_fail (CYCLE_IS_CONTENT (self));                                 \
    g_return_if_fail ((guint)field < cycle_enum_count (TYPE));                  \
    _cycle_set_int (self, &self->field, field, properties[PROP]);               \
  }

STRING_ACCESSORS (title, PROP_TITLE)
INTERNED_ACCESSORS (format, PROP_FORMAT)
INTERNED_ACCESSORS (channel, PROP_CHANNEL)
STRING_ACCESSORS (cta, PROP_CTA)
INTERNED_ACCESSORS (owner, PROP_OWNER)
STRING_ACCESSORS (url, PROP_URL)
STRING_ACCESSORS (notes, PROP_NOTES)
ENUM_ACCESSORS (status, CycleStatus, CYCLE_TYPE_STATUS, PROP_STATUS)
ENUM_ACCESSORS (consent, CycleConsent, CYCLE_TYPE_CONSENT, PROP_CONSENT)

const char *
cycle_content_get_display_title (CycleContent *self)
{
  const char *title = cycle_content_get_title (self);

  return title != NULL && title[0] != '\0' ? title : _("Untitled content");
}

static void
dates_changed (CycleContent *self)
{
  CyclePlan *plan = cycle_item_get_plan (CYCLE_ITEM (self));

  if (plan != NULL)
    _cycle_plan_content_dates_changed (plan, self);
}

CycleRepeat
cycle_content_get_repeat (CycleContent *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT (self), CYCLE_REPEAT_NONE);
  return self->repeat;
}

void
cycle_content_set_repeat (CycleContent *self,
                          CycleRepeat   repeat)
{
  g_return_if_fail (CYCLE_IS_CONTENT (self));
  g_return_if_fail ((guint) repeat < cycle_enum_count (CYCLE_TYPE_REPEAT));
  if (_cycle_set_int (self, &self->repeat, repeat, properties[PROP_REPEAT]))
    dates_changed (self);
}

guint
cycle_content_get_repeat_interval (CycleContent *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT (self), 1);
  return (guint) self->repeat_interval;
}

void
cycle_content_set_repeat_interval (CycleContent *self,
                                   guint         interval)
{
  g_return_if_fail (CYCLE_IS_CONTENT (self));
  g_return_if_fail (interval >= 1 && interval <= CYCLE_CONTENT_MAX_REPEAT_INTERVAL);
  if (_cycle_set_int (self, &self->repeat_interval, (int) interval,
                      properties[PROP_REPEAT_INTERVAL]))
    dates_changed (self);
}

const char *
cycle_content_get_repeat_until (CycleContent *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT (self), NULL);
  return _cycle_str (self->repeat_until);
}

void
cycle_content_set_repeat_until (CycleContent *self,
                                const char   *until)
{
  g_return_if_fail (CYCLE_IS_CONTENT (self));
  g_return_if_fail (cycle_date_is_valid (until));
  if (_cycle_set_interned (self, &self->repeat_until, until, properties[PROP_REPEAT_UNTIL]))
    dates_changed (self);
}

CycleCommitment
cycle_content_get_commitment (CycleContent *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT (self), CYCLE_COMMITMENT_NONE);
  return self->commitment;
}

void
cycle_content_set_commitment (CycleContent    *self,
                              CycleCommitment  commitment)
{
  CycleDirection before;

  g_return_if_fail (CYCLE_IS_CONTENT (self));
  g_return_if_fail ((guint)commitment < cycle_enum_count (CYCLE_TYPE_COMMITMENT));

  before = cycle_content_get_direction (self);
  if (_cycle_set_int (self, &self->commitment, commitment, properties[PROP_COMMITMENT]) &&
      cycle_content_get_direction (self) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFECTIVE_DIRECTION]);
}

CycleDirection
cycle_content_get_direction (CycleContent *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT (self), CYCLE_DIRECTION_GIVES);

  if (self->direction == CYCLE_DIRECTION_AUTO)
    return cycle_commitment_get_direction (self->commitment);
  return self->direction;
}

CycleDirection
cycle_content_get_direction_choice (CycleContent *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT (self), CYCLE_DIRECTION_AUTO);
  return self->direction;
}

void
cycle_content_set_direction (CycleContent   *self,
                             CycleDirection  direction)
{
  CycleDirection before;

  g_return_if_fail (CYCLE_IS_CONTENT (self));
  g_return_if_fail ((guint)direction < cycle_enum_count (CYCLE_TYPE_DIRECTION));

  before = cycle_content_get_direction (self);
  if (_cycle_set_int (self, &self->direction, direction, properties[PROP_DIRECTION]) &&
      cycle_content_get_direction (self) != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EFFECTIVE_DIRECTION]);
}

CyclePitch
cycle_content_get_pitch (CycleContent *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT (self), CYCLE_PITCH_GUESS);
  return self->pitch;
}

void
cycle_content_set_pitch (CycleContent *self,
                         CyclePitch    pitch)
{
  g_return_if_fail (CYCLE_IS_CONTENT (self));
  g_return_if_fail (pitch == CYCLE_PITCH_GUESS || pitch == CYCLE_PITCH_YES ||
                    pitch == CYCLE_PITCH_NO);
  _cycle_set_int (self, &self->pitch, pitch, properties[PROP_PITCH]);
}

const char *
cycle_content_get_due (CycleContent *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT (self), NULL);
  return _cycle_str (self->due);
}

void
cycle_content_set_due (CycleContent *self,
                       const char   *due)
{
  g_return_if_fail (CYCLE_IS_CONTENT (self));
  g_return_if_fail (cycle_date_is_valid (due));
  if (_cycle_set_interned (self, &self->due, due, properties[PROP_DUE]))
    dates_changed (self);
}

CyclePersona *
cycle_content_get_persona (CycleContent *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT (self), NULL);
  return self->persona;
}

void
cycle_content_set_persona (CycleContent *self,
                           CyclePersona *persona)
{
  g_return_if_fail (CYCLE_IS_CONTENT (self));
  g_return_if_fail (persona == NULL || CYCLE_IS_PERSONA (persona));
  _cycle_set_object (self, (gpointer *)&self->persona, persona, properties[PROP_PERSONA]);
}

/* The one date parser of Cycle: the file, the editor, the table and the checks all read dates
 * here. */
gboolean
cycle_date_parse (const char  *due,
                  guint       *year,
                  guint       *month,
                  guint       *day,
                  char       **problem)
{
  guint y, m, d;

  if (due == NULL || strlen (due) != 10 || due[4] != '-' || due[7] != '-')
    goto not_a_date;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (due[i]))
      goto not_a_date;

  y = (due[0] - '0') * 1000 + (due[1] - '0') * 100 + (due[2] - '0') * 10 + (due[3] - '0');
  m = (due[5] - '0') * 10 + (due[6] - '0');
  d = (due[8] - '0') * 10 + (due[9] - '0');

  if (y < 1)
    {
      if (problem != NULL)
        *problem = g_strdup_printf (_("“%s” is not a date: there is no year 0"), due);
      return FALSE;
    }
  if (m < 1 || m > 12)
    {
      if (problem != NULL)
        *problem = g_strdup_printf (_("“%s” is not a date: there is no month %02u"), due, m);
      return FALSE;
    }
  if (d < 1 || d > g_date_get_days_in_month (m, y))
    {
      if (problem != NULL)
        *problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "“%s” is not a date: the day does not exist "
                                                 "(%04u-%02u has %u day)",
                                                 "“%s” is not a date: the day does not exist "
                                                 "(%04u-%02u has %u days)",
                                                 g_date_get_days_in_month (m, y)),
                                    due, y, m, g_date_get_days_in_month (m, y));
      return FALSE;
    }

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;
  return TRUE;

not_a_date:
  if (problem != NULL)
    {
      g_autofree char *quoted = cycle_file_error_quote (due);

      *problem = g_strdup_printf (_("“%s” is not a date written YYYY-MM-DD"), quoted);
    }
  return FALSE;
}

gboolean
cycle_url_is_openable (const char *url)
{
  static const char * const schemes[] = { "http", "https", "mailto" };
  g_autofree char *scheme = NULL;

  if (url == NULL || !g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL))
    return FALSE;
  /* GUri lets spaces and control characters through; a link has none */
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= ' ' || *p == 0x7f)
      return FALSE;

  /* Lower case, as g_uri_peek_scheme () gives it */
  scheme = g_uri_parse_scheme (url);
  for (guint i = 0; scheme != NULL && i < G_N_ELEMENTS (schemes); i++)
    if (g_ascii_strcasecmp (scheme, schemes[i]) == 0)
      return TRUE;

  return FALSE;
}

const char *
cycle_date_get_order (void)
{
  const char *format = nl_langinfo (D_FMT);
  const char *d = strstr (format, "%d");
  const char *m = strstr (format, "%m");
  const char *y = strstr (format, "%y");

  if (y == NULL)
    y = strstr (format, "%Y");
  /* The C locale says "%m/%d/%y" for everyone: the interface's language knows better. */
  if (d == NULL || m == NULL || y == NULL || strcmp (format, "%m/%d/%y") == 0)
    {
      /* Translators: the order in which people write a date with numbers here: "dmy" for
       * 15/03/2027, "mdy" for 03/15/2027, "ymd" for 2027/03/15. Exactly one of the three. */
      const char *order = C_("date order", "mdy");

      if (strcmp (order, "dmy") == 0 || strcmp (order, "ymd") == 0)
        return order;
      return "mdy";
    }

  if (y < m && y < d)
    return "ymd";
  return d < m ? "dmy" : "mdy";
}

GDateWeekday
cycle_date_get_first_weekday (void)
{
  /* As GtkCalendar reads it: _NL_TIME_FIRST_WEEKDAY counts from the day _NL_TIME_WEEK_1STDAY
   * names (19971130, a Sunday, in most locales; 19971201, a Monday, in some). */
  union { unsigned int word; char *string; } info;
  const char *lc_time = setlocale (LC_TIME, NULL);
  int first_weekday, origin;

  /* The C locale starts weeks on Sunday for everyone: the interface's language knows better,
   * as for cycle_date_get_order () (a French interface under LC_TIME=C starts on Monday). */
  if (lc_time == NULL || strcmp (lc_time, "C") == 0 || strcmp (lc_time, "POSIX") == 0 ||
      g_str_has_prefix (lc_time, "C."))
    {
      /* Translators: the first day of the week where the language is spoken: "monday" or
       * "sunday" (in English, not translated). Used only when the locale does not say. */
      return strcmp (C_("first weekday", "sunday"), "monday") == 0 ? G_DATE_MONDAY
                                                                  : G_DATE_SUNDAY;
    }

  info.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first_weekday = info.string[0];
  info.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  origin = info.word == 19971201 ? 1 : 0;   /* 0: Sunday */
  if (first_weekday < 1 || first_weekday > 7)
    first_weekday = 1;

  /* 0 Sunday … 6 Saturday, then GDate's 1 Monday … 7 Sunday */
  first_weekday = (origin + first_weekday - 1) % 7;
  return first_weekday == 0 ? G_DATE_SUNDAY : (GDateWeekday) first_weekday;
}

char *
cycle_date_format_input (const char *iso)
{
  const char *order = cycle_date_get_order ();
  guint y, m, d;

  if (!cycle_date_parse (iso, &y, &m, &d, NULL))
    return g_strdup (iso != NULL ? iso : "");
  if (strcmp (order, "dmy") == 0)
    return g_strdup_printf ("%02u/%02u/%04u", d, m, y);
  if (strcmp (order, "ymd") == 0)
    return g_strdup_printf ("%04u/%02u/%02u", y, m, d);
  return g_strdup_printf ("%02u/%02u/%04u", m, d, y);
}

/* The months' names with their context, as written in the source: translated for dates shown,
 * and also read untranslated (English) in dates typed. */
static const struct { const char *context, *full, *abbreviated; } month_names[] = {
  /* Translators: the months' names, and their short names in a date ("2 Nov 2026") */
  { NULL, N_("January"), NC_("abbreviated month", "Jan") },
  { NULL, N_("February"), NC_("abbreviated month", "Feb") },
  { NULL, N_("March"), NC_("abbreviated month", "Mar") },
  { NULL, N_("April"), NC_("abbreviated month", "Apr") },
  { "month", NC_("month", "May"), NC_("abbreviated month", "May") },
  { NULL, N_("June"), NC_("abbreviated month", "Jun") },
  { NULL, N_("July"), NC_("abbreviated month", "Jul") },
  { NULL, N_("August"), NC_("abbreviated month", "Aug") },
  { NULL, N_("September"), NC_("abbreviated month", "Sep") },
  { NULL, N_("October"), NC_("abbreviated month", "Oct") },
  { NULL, N_("November"), NC_("abbreviated month", "Nov") },
  { NULL, N_("December"), NC_("abbreviated month", "Dec") },
};

static const char *
month_name_full (GDateMonth month,
                 gboolean   abbreviated,
                 gboolean   translated)
{
  const char *context, *name;

  if (month < G_DATE_JANUARY || month > G_DATE_DECEMBER)
    return "";
  context = abbreviated ? "abbreviated month" : month_names[month - 1].context;
  name = abbreviated ? month_names[month - 1].abbreviated : month_names[month - 1].full;
  if (!translated)
    return name;
  return context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, name) : _(name);
}

static const char *
month_name (GDateMonth month,
            gboolean   abbreviated)
{
  return month_name_full (month, abbreviated, TRUE);
}

static const char *
weekday_name (GDateWeekday weekday,
              gboolean     abbreviated)
{
  switch (weekday)
    {
    /* Translators: a weekday's short name, above the calendar's columns */
    case G_DATE_MONDAY: return abbreviated ? C_("abbreviated weekday", "Mon") : _("Monday");
    case G_DATE_TUESDAY: return abbreviated ? C_("abbreviated weekday", "Tue") : _("Tuesday");
    case G_DATE_WEDNESDAY:
      return abbreviated ? C_("abbreviated weekday", "Wed") : _("Wednesday");
    case G_DATE_THURSDAY: return abbreviated ? C_("abbreviated weekday", "Thu") : _("Thursday");
    case G_DATE_FRIDAY: return abbreviated ? C_("abbreviated weekday", "Fri") : _("Friday");
    case G_DATE_SATURDAY: return abbreviated ? C_("abbreviated weekday", "Sat") : _("Saturday");
    case G_DATE_SUNDAY: return abbreviated ? C_("abbreviated weekday", "Sun") : _("Sunday");
    case G_DATE_BAD_WEEKDAY:
    default: return "";
    }
}

char *
cycle_date_format_text (const GDate *date,
                        const char  *format)
{
  GString *text;

  g_return_val_if_fail (date != NULL && g_date_valid (date), g_strdup (""));

  text = g_string_new (NULL);

  for (const char *p = format; *p != '\0'; p++)
    {
      gboolean no_pad = FALSE;

      if (*p != '%' || p[1] == '\0')
        {
          g_string_append_c (text, *p);
          continue;
        }
      p++;
      if (*p == '-' && p[1] != '\0')
        {
          no_pad = TRUE;
          p++;
        }
      switch (*p)
        {
        case 'a':
        case 'A':
          g_string_append (text, weekday_name (g_date_get_weekday (date), *p == 'a'));
          break;
        case 'b':
        case 'B':
          g_string_append (text, month_name (g_date_get_month (date), *p == 'b'));
          break;
        case 'd':
          g_string_append_printf (text, no_pad ? "%u" : "%02u", g_date_get_day (date));
          break;
        case 'e':
          g_string_append_printf (text, no_pad ? "%u" : "%2u", g_date_get_day (date));
          break;
        case 'm':
          g_string_append_printf (text, no_pad ? "%u" : "%02u", g_date_get_month (date));
          break;
        case 'Y':
          g_string_append_printf (text, "%u", g_date_get_year (date));
          break;
        case 'y':
          g_string_append_printf (text, no_pad ? "%u" : "%02u", g_date_get_year (date) % 100);
          break;
        case '%':
          g_string_append_c (text, '%');
          break;
        default:
          /* Not a conversion this knows: kept as written, so a wrong translation shows */
          g_string_append_c (text, '%');
          if (no_pad)
            g_string_append_c (text, '-');
          g_string_append_c (text, *p);
          break;
        }
    }

  return g_string_free (text, FALSE);
}

static gboolean
valid_day (guint y,
           guint m,
           guint d)
{
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= g_date_get_days_in_month (m, y);
}

/* @word as dates are compared: lower case, without accents or a final period ("Févr." is
 * "fevr"), so that a name is known however it is typed. */
static char *
fold_date_word (const char *word)
{
  g_autofree char *ascii = g_str_to_ascii (word, "C");
  char *folded = g_ascii_strdown (ascii, -1);
  gsize len = strlen (folded);

  while (len > 0 && folded[len - 1] == '.')
    folded[--len] = '\0';
  return folded;
}

/* The month @folded (fold_date_word()) names, as cycle_date_format_text() writes it (full or
 * short: "mars", "nov.", "November", "Nov"), or any start of at least three letters that only
 * one month's name has ("sept", "fév"); 0 when none or several. */
static GDateMonth
month_from_word_in (const char *folded,
                    gboolean    translated)
{
  GDateMonth found = G_DATE_BAD_MONTH;

  for (GDateMonth m = G_DATE_JANUARY; m <= G_DATE_DECEMBER; m++)
    {
      g_autofree char *full = fold_date_word (month_name_full (m, FALSE, translated));
      g_autofree char *abbreviated = fold_date_word (month_name_full (m, TRUE, translated));

      if (strcmp (folded, full) == 0 || strcmp (folded, abbreviated) == 0)
        return m;
    }
  if (strlen (folded) < 3)
    return G_DATE_BAD_MONTH;
  for (GDateMonth m = G_DATE_JANUARY; m <= G_DATE_DECEMBER; m++)
    {
      g_autofree char *full = fold_date_word (month_name_full (m, FALSE, translated));

      if (g_str_has_prefix (full, folded))
        {
          if (found != G_DATE_BAD_MONTH)
            return G_DATE_BAD_MONTH;
          found = m;
        }
    }
  return found;
}

/* In the interface's language first, then in English ("March" in a French window too) */
static GDateMonth
month_from_word (const char *word)
{
  g_autofree char *folded = fold_date_word (word);
  GDateMonth month = month_from_word_in (folded, TRUE);

  return month != G_DATE_BAD_MONTH ? month : month_from_word_in (folded, FALSE);
}

static gboolean
is_weekday_word (const char *word)
{
  g_autofree char *folded = fold_date_word (word);

  for (GDateWeekday w = G_DATE_MONDAY; w <= G_DATE_SUNDAY; w++)
    {
      g_autofree char *full = fold_date_word (weekday_name (w, FALSE));
      g_autofree char *abbreviated = fold_date_word (weekday_name (w, TRUE));

      if (strcmp (folded, full) == 0 || strcmp (folded, abbreviated) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A number of a date by its digits (at most 4), with @digits set to their count; a day may
 * end with an ordinal suffix or a period ("1er", "2nd", "15th", "15."). FALSE for anything
 * else. */
static gboolean
date_number (const char *word,
             guint      *value,
             guint      *digits)
{
  static const char *const suffixes[] = { "", ".", "er", "re", "e", "st", "nd", "rd", "th" };
  gsize n = strspn (word, "0123456789");
  g_autofree char *suffix = NULL;

  if (n == 0 || n > 4)
    return FALSE;
  suffix = g_ascii_strdown (word + n, -1);
  if (n > 2 && suffix[0] != '\0')
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (strcmp (suffix, suffixes[i]) == 0)
      {
        *value = (guint) g_ascii_strtoull (word, NULL, 10);
        *digits = (guint) n;
        return TRUE;
      }
  return FALSE;
}

/* A date written with its month's name, as Cycle shows dates and as people write them: "15 mars
 * 2027", "2 nov. 2026", "1er mars 27", "March 15, 2027", "mardi 1 décembre 2026". FALSE when
 * @text is not one (it is then said as any text that is not a date). */
static gboolean
parse_named_date (const char *text,
                  guint      *y,
                  guint      *m,
                  guint      *d)
{
  g_auto(GStrv) split = NULL;
  const char *words[4];
  guint count = 0, first = 0, n_numbers = 0;
  guint value[2], digits[2];
  GDateMonth month = G_DATE_BAD_MONTH;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  split = g_strsplit_set (text, " ,/-\t", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      if (split[i][0] == '\0' || strcmp (split[i], ".") == 0)
        continue;
      if (count == G_N_ELEMENTS (words))
        return FALSE;
      words[count++] = split[i];
    }
  /* The weekday said before the date, as the calendar reads a day aloud */
  if (count == 4 && is_weekday_word (words[0]))
    first = 1;
  if (count - first != 3)
    return FALSE;

  for (guint i = first; i < count; i++)
    {
      if (n_numbers < 2 && date_number (words[i], &value[n_numbers], &digits[n_numbers]))
        {
          n_numbers++;
          continue;
        }
      if (month != G_DATE_BAD_MONTH)
        return FALSE;
      month = month_from_word (words[i]);
      if (month == G_DATE_BAD_MONTH)
        return FALSE;
    }
  if (n_numbers != 2 || month == G_DATE_BAD_MONTH)
    return FALSE;

  /* 2027 15 mars, or the day before the year: 15 mars 2027, March 15, 2027 */
  if (digits[0] == 4)
    {
      *y = value[0];
      *d = value[1];
      if (digits[1] > 2)
        return FALSE;
    }
  else
    {
      *d = value[0];
      *y = value[1];
      if (digits[0] > 2 || digits[1] == 3)
        return FALSE;
      if (digits[1] <= 2)
        *y += 2000;
    }
  *m = month;
  return TRUE;
}

gboolean
cycle_date_parse_input (const char  *text,
                        char       **iso,
                        char       **problem)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) parts = NULL;
  const char *order = cycle_date_get_order ();
  guint n[3] = { 0, }, len[3] = { 0, };
  guint y, m, d;
  guint count = 0;

  if (strlen (trimmed) == 10 && trimmed[4] == '-' && trimmed[7] == '-')
    {
      if (!cycle_date_parse (trimmed, NULL, NULL, NULL, problem))
        return FALSE;
      if (iso != NULL)
        *iso = g_strdup (trimmed);
      return TRUE;
    }

  if (parse_named_date (trimmed, &y, &m, &d))
    goto check_day;

  parts = g_strsplit_set (trimmed, "/.- ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0')
        continue;
      if (count == 3 || strlen (parts[i]) > 4 ||
          strspn (parts[i], "0123456789") != strlen (parts[i]))
        goto not_a_date;
      len[count] = strlen (parts[i]);
      n[count++] = (guint) g_ascii_strtoull (parts[i], NULL, 10);
    }
  if (count != 3)
    goto not_a_date;

  /* A four-digit first number is a year, whatever the locale: 2027/03/15. */
  if (len[0] == 4)
    order = "ymd";
  else if (len[1] == 4 || len[0] > 2 || len[1] > 2)
    goto not_a_date;

  y = n[strchr (order, 'y') - order];
  m = n[strchr (order, 'm') - order];
  d = n[strchr (order, 'd') - order];
  if (len[strchr (order, 'y') - order] <= 2)
    y += 2000;

  /* 15/03/2027 under a month-first order (or 03/15/2027 under a day-first one) can only be the
   * other way round; 03/04/2027 stays the locale's. */
  if (!valid_day (y, m, d) && strcmp (order, "ymd") != 0 && valid_day (y, d, m))
    {
      guint swap = m;

      m = d;
      d = swap;
    }

check_day:
  {
    g_autofree char *candidate = g_strdup_printf ("%04u-%02u-%02u", MIN (y, 9999u),
                                                  MIN (m, 99u), MIN (d, 99u));
    g_autofree char *why = NULL;

    if (y > 9999 || !cycle_date_parse (candidate, NULL, NULL, NULL, &why))
      {
        if (problem != NULL)
          {
            g_autofree char *quoted = cycle_file_error_quote (trimmed);

            /* Translators: %s is what was typed as a date */
            *problem = g_strdup_printf (_("“%s” is not a day of the calendar"), quoted);
          }
        return FALSE;
      }
    if (iso != NULL)
      *iso = g_steal_pointer (&candidate);
    return TRUE;
  }

not_a_date:
  if (problem != NULL)
    {
      g_autofree char *quoted = cycle_file_error_quote (trimmed);
      g_autofree char *example = cycle_date_format_input ("2027-03-15");

      /* Translators: the first %s is what was typed; the second a date in the order people
       * write it here, "15/03/2027" */
      *problem = g_strdup_printf (_("“%s” is not a date: write it as %s or 2027-03-15"),
                                  quoted, example);
    }
  return FALSE;
}

gboolean
cycle_date_to_gdate (const char *iso,
                     GDate      *date)
{
  guint y, m, d;

  if (!cycle_date_parse (iso, &y, &m, &d, NULL))
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

void
cycle_date_to_iso (const GDate *date,
                   char        *iso)
{
  g_snprintf (iso, CYCLE_DATE_ISO_SIZE, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
}

gboolean
cycle_date_is_valid (const char *due)
{
  if (due == NULL || due[0] == '\0')
    return TRUE;

  return cycle_date_parse (due, NULL, NULL, NULL, NULL);
}

const char * const *
cycle_content_suggested_formats (void)
{
  static const char * const formats[] = {
    NC_("content format", "article"),
    NC_("content format", "video"),
    NC_("content format", "newsletter"),
    NC_("content format", "case study"),
    NC_("content format", "webinar"),
    NC_("content format", "demo"),
    NC_("content format", "survey"),
    NC_("content format", "e-book"),
    NC_("content format", "podcast"),
    NC_("content format", "social post"),
    NC_("content format", "event"),
    NC_("content format", "review"),
    NC_("content format", "feedback"),
    NC_("content format", "Q&A"),
    NULL
  };
  return formats;
}

const char * const *
cycle_content_suggested_channels (void)
{
  static const char * const channels[] = {
    NC_("content channel", "blog"),
    NC_("content channel", "email"),
    NC_("content channel", "social"),
    NC_("content channel", "events"),
    NC_("content channel", "website"),
    NC_("content channel", "search"),
    NC_("content channel", "community"),
    NC_("content channel", "partners"),
    NC_("content channel", "in-app"),
    /* Chosen by the person… */
    NC_("content channel", "newsletter"),
    /* …and intrusive: seed 001 asks to stop these (cycle-channel.c knows which is which). */
    NC_("content channel", "pop-up"),
    NC_("content channel", "retargeting ads"),
    NC_("content channel", "cold call"),
    NC_("content channel", "cold email"),
    NC_("content channel", "bought list"),
    NULL
  };
  return channels;
}

/* How content reads: the usual words, translated and back, due dates, copies
 * (shared by the board, the table, the editor, the calendar and the exports) */

static const char *
to_display (const char *context,
            const char *word)
{
  if (word == NULL || *word == '\0')
    return "";
  return g_dpgettext2 (GETTEXT_PACKAGE, context, word);
}

static const char *
from_display (const char         *context,
              const char * const *suggestions,
              const char         *text)
{
  if (text == NULL)
    return "";

  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      if (strcmp (g_dpgettext2 (GETTEXT_PACKAGE, context, suggestions[i]), text) == 0)
        return suggestions[i];
    }

  return text;
}

const char *
cycle_content_format_to_display (const char *format)
{
  return to_display ("content format", format);
}

const char *
cycle_content_channel_to_display (const char *channel)
{
  return to_display ("content channel", channel);
}

const char *
cycle_content_format_from_display (const char *text)
{
  return from_display ("content format", cycle_content_suggested_formats (), text);
}

const char *
cycle_content_channel_from_display (const char *text)
{
  return from_display ("content channel", cycle_content_suggested_channels (), text);
}

char *
cycle_content_dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

gboolean
cycle_content_is_overdue (CycleContent *content,
                          const char   *today)
{
  const char *due = cycle_content_get_due (content);

  /* Dates are written YYYY-MM-DD, so they compare as strings. */
  return due[0] != '\0' &&
         cycle_content_get_status (content) != CYCLE_STATUS_PUBLISHED &&
         strcmp (due, today) < 0;
}

char *
cycle_content_format_due (const char *due)
{
  GDate date;

  if (due == NULL || *due == '\0' || !cycle_date_to_gdate (due, &date))
    return g_strdup ("");

  /* Translators: a due date as shown on a card, see the strftime() manual; "2 Nov 2026" */
  return cycle_date_format_text (&date, _("%-d %b %Y"));
}

int
cycle_content_get_position (CycleContent *content)
{
  CycleStage *stage = cycle_content_get_stage (content);
  GListModel *list;
  guint n;

  if (stage == NULL)
    return -1;

  list = cycle_stage_get_content (stage);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      /* Borrowed at once: the list holds the items, and this only compares pointers. */
      g_autoptr(CycleContent) item = g_list_model_get_item (list, i);

      if (item == content)
        return (int) i;
    }

  return -1;
}

CycleContent *
cycle_content_duplicate (CycleContent *content)
{
  CyclePlan *plan;
  CycleStage *stage;
  g_autoptr(CycleContent) copy = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (CYCLE_IS_CONTENT (content), NULL);

  plan = cycle_item_get_plan (CYCLE_ITEM (content));
  stage = cycle_content_get_stage (content);
  g_return_val_if_fail (plan != NULL && stage != NULL, NULL);

  copy = cycle_content_new (NULL);
  /* Every field but the id; the stage is where the copy is added. */
  _cycle_item_copy_fields (CYCLE_ITEM (content), CYCLE_ITEM (copy));

  /* Translators: the title of a copy of a piece of content; %s is the original's title */
  title = g_strdup_printf (_("%s (copy)"), cycle_content_get_title (content));
  cycle_content_set_title (copy, title);

  cycle_plan_begin_group (plan, _("Duplicate Content"));
  cycle_plan_add_content (plan, stage, copy, cycle_content_get_position (content) + 1);
  cycle_plan_end_group (plan);

  return copy;
}
