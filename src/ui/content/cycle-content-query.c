/* cycle-content-query.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-query"

#include "config.h"

#include <string.h>

#include "cycle-content-cells.h"
#include "cycle-content-query.h"

typedef enum {
  FILTER_SEARCH,
  FILTER_STAGE,
  FILTER_PERSONA,
  FILTER_CHANNEL,
  FILTER_STATUS,
  FILTER_OVERDUE,
  N_FILTERS
} FilterKind;

struct _CycleContentQuery
{
  GObject          parent_instance;

  GtkFilter       *filter;              /* a GtkEveryFilter of… */
  GtkCustomFilter *filters[N_FILTERS];  /* …these, borrowed */

  char            *search;
  char            *needle;              /* the search casefolded and normalized, or NULL */
  gboolean         needle_ascii;
  CycleStage      *stage;
  CyclePersona    *persona;
  char            *channel;
  char            *today;
  int              status;
  guint            any_persona : 1;
  guint            overdue_only : 1;
};

G_DEFINE_FINAL_TYPE (CycleContentQuery, cycle_content_query, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILTER,
  PROP_SEARCH,
  PROP_STAGE,
  PROP_ANY_PERSONA,
  PROP_PERSONA,
  PROP_CHANNEL,
  PROP_STATUS,
  PROP_OVERDUE_ONLY,
  PROP_TODAY,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------------
 * Matching
 */

/* Case-insensitive substring search without allocating, for an ASCII needle (the usual case:
 * this runs on every item at every key press). */
static gboolean
ascii_contains (const char *haystack,
                const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = haystack; *p != '\0'; p++)
    {
      if (g_ascii_tolower (*p) == needle[0] && g_ascii_strncasecmp (p, needle, n) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
text_contains (CycleContentQuery *self,
               const char        *text)
{
  g_autofree char *folded = NULL;
  g_autofree char *normalized = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;

  if (self->needle_ascii)
    {
      gboolean ascii = TRUE;

      for (const char *p = text; *p != '\0' && ascii; p++)
        ascii = (guchar) *p < 0x80;
      /* A non-ASCII text may still hold the needle in its ASCII part. */
      if (ascii_contains (text, self->needle))
        return TRUE;
      if (ascii)
        return FALSE;
    }

  folded = g_utf8_casefold (text, -1);
  normalized = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);

  return normalized != NULL && strstr (normalized, self->needle) != NULL;
}

/* Whether @content matches the search text (one of title, call to action, notes, owner). */
static gboolean
cycle_content_query_matches_search (CycleContentQuery *self,
                                    CycleContent      *content)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_QUERY (self), FALSE);
  g_return_val_if_fail (CYCLE_IS_CONTENT (content), FALSE);

  if (self->needle == NULL)
    return TRUE;

  return text_contains (self, cycle_content_get_title (content)) ||
         text_contains (self, cycle_content_get_cta (content)) ||
         text_contains (self, cycle_content_get_notes (content)) ||
         text_contains (self, cycle_content_get_owner (content));
}

static gboolean
match_search (gpointer item,
              gpointer user_data)
{
  return cycle_content_query_matches_search (user_data, item);
}

static gboolean
match_stage (gpointer item,
             gpointer user_data)
{
  CycleContentQuery *self = user_data;

  return cycle_content_get_stage (item) == self->stage;
}

static gboolean
match_persona (gpointer item,
               gpointer user_data)
{
  CycleContentQuery *self = user_data;

  return cycle_content_get_persona (item) == self->persona;
}

static gboolean
match_channel (gpointer item,
               gpointer user_data)
{
  CycleContentQuery *self = user_data;

  return g_strcmp0 (cycle_content_get_channel (item), self->channel) == 0;
}

static gboolean
match_status (gpointer item,
              gpointer user_data)
{
  CycleContentQuery *self = user_data;

  return (int) cycle_content_get_status (item) == self->status;
}

static gboolean
match_overdue (gpointer item,
               gpointer user_data)
{
  CycleContentQuery *self = user_data;

  return cycle_content_is_overdue (item, self->today);
}

static const GtkCustomFilterFunc match_funcs[N_FILTERS] = {
  [FILTER_SEARCH] = match_search,
  [FILTER_STAGE] = match_stage,
  [FILTER_PERSONA] = match_persona,
  [FILTER_CHANNEL] = match_channel,
  [FILTER_STATUS] = match_status,
  [FILTER_OVERDUE] = match_overdue,
};

/* Turns one criterion on or off: off, its filter matches everything at no cost. */
static void
set_enabled (CycleContentQuery *self,
             FilterKind         kind,
             gboolean           enabled)
{
  gtk_custom_filter_set_filter_func (self->filters[kind], enabled ? match_funcs[kind] : NULL,
                                     enabled ? self : NULL, NULL);
}

/* ------------------------------------------------------------------------------------------------
 * Criteria
 */

static void
notify_active (CycleContentQuery *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

const char *
cycle_content_query_get_search (CycleContentQuery *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_QUERY (self), NULL);
  return self->search != NULL ? self->search : "";
}

void
cycle_content_query_set_search (CycleContentQuery *self,
                                const char        *search)
{
  g_autofree char *old_needle = NULL;
  g_autofree char *folded = NULL;
  char *needle = NULL;

  g_return_if_fail (CYCLE_IS_CONTENT_QUERY (self));

  if (search == NULL)
    search = "";
  if (g_strcmp0 (search, cycle_content_query_get_search (self)) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);

  /* Leading and trailing spaces are a typing accident more often than a wish. */
  folded = g_utf8_casefold (search, -1);
  g_strstrip (folded);
  if (*folded != '\0')
    needle = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);

  old_needle = g_steal_pointer (&self->needle);
  self->needle = needle;
  self->needle_ascii = TRUE;
  for (const char *p = needle; p != NULL && *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      self->needle_ascii = FALSE;

  if (old_needle == NULL && needle != NULL)
    set_enabled (self, FILTER_SEARCH, TRUE);
  else if (old_needle != NULL && needle == NULL)
    set_enabled (self, FILTER_SEARCH, FALSE);
  else if (g_strcmp0 (old_needle, needle) != 0)
    {
      GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

      /* Typing on narrows what matched; deleting widens it: the filter model then only looks
       * again at the items that can change. */
      if (strstr (needle, old_needle) != NULL)
        change = GTK_FILTER_CHANGE_MORE_STRICT;
      else if (strstr (old_needle, needle) != NULL)
        change = GTK_FILTER_CHANGE_LESS_STRICT;
      gtk_filter_changed (GTK_FILTER (self->filters[FILTER_SEARCH]), change);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  notify_active (self);
}

CycleStage *
cycle_content_query_get_stage (CycleContentQuery *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_QUERY (self), NULL);
  return self->stage;
}

void
cycle_content_query_set_stage (CycleContentQuery *self,
                               CycleStage        *stage)
{
  g_return_if_fail (CYCLE_IS_CONTENT_QUERY (self));
  g_return_if_fail (stage == NULL || CYCLE_IS_STAGE (stage));

  if (!g_set_object (&self->stage, stage))
    return;

  if (stage != NULL)
    {
      /* The custom filter's function stays the same: tell the model the results changed. */
      if (gtk_filter_get_strictness (GTK_FILTER (self->filters[FILTER_STAGE])) ==
          GTK_FILTER_MATCH_ALL)
        set_enabled (self, FILTER_STAGE, TRUE);
      else
        gtk_filter_changed (GTK_FILTER (self->filters[FILTER_STAGE]),
                            GTK_FILTER_CHANGE_DIFFERENT);
    }
  else
    {
      set_enabled (self, FILTER_STAGE, FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
  notify_active (self);
}

gboolean
cycle_content_query_get_any_persona (CycleContentQuery *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_QUERY (self), TRUE);
  return self->any_persona;
}

CyclePersona *
cycle_content_query_get_persona (CycleContentQuery *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_QUERY (self), NULL);
  return self->persona;
}

void
cycle_content_query_set_persona (CycleContentQuery *self,
                                 gboolean           any,
                                 CyclePersona      *persona)
{
  gboolean any_changed, persona_changed;

  g_return_if_fail (CYCLE_IS_CONTENT_QUERY (self));
  g_return_if_fail (persona == NULL || CYCLE_IS_PERSONA (persona));

  any = !!any;
  if (any)
    persona = NULL;

  any_changed = self->any_persona != any;
  persona_changed = self->persona != persona;
  if (!any_changed && !persona_changed)
    return;

  self->any_persona = any;
  g_set_object (&self->persona, persona);

  if (any_changed)
    set_enabled (self, FILTER_PERSONA, !any);
  else
    gtk_filter_changed (GTK_FILTER (self->filters[FILTER_PERSONA]), GTK_FILTER_CHANGE_DIFFERENT);

  if (any_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANY_PERSONA]);
  if (persona_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA]);
  notify_active (self);
}

const char *
cycle_content_query_get_channel (CycleContentQuery *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_QUERY (self), NULL);
  return self->channel != NULL ? self->channel : "";
}

void
cycle_content_query_set_channel (CycleContentQuery *self,
                                 const char        *channel)
{
  gboolean was_set;

  g_return_if_fail (CYCLE_IS_CONTENT_QUERY (self));

  if (channel != NULL && *channel == '\0')
    channel = NULL;
  if (g_strcmp0 (channel, self->channel) == 0)
    return;

  was_set = self->channel != NULL;
  g_free (self->channel);
  self->channel = g_strdup (channel);

  if (was_set != (channel != NULL))
    set_enabled (self, FILTER_CHANNEL, channel != NULL);
  else
    gtk_filter_changed (GTK_FILTER (self->filters[FILTER_CHANNEL]), GTK_FILTER_CHANGE_DIFFERENT);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANNEL]);
  notify_active (self);
}

int
cycle_content_query_get_status (CycleContentQuery *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_QUERY (self), -1);
  return self->status;
}

void
cycle_content_query_set_status (CycleContentQuery *self,
                                int                status)
{
  gboolean was_set;

  g_return_if_fail (CYCLE_IS_CONTENT_QUERY (self));
  g_return_if_fail (status >= -1 && status < (int) cycle_enum_count (CYCLE_TYPE_STATUS));

  if (self->status == status)
    return;

  was_set = self->status >= 0;
  self->status = status;

  if (was_set != (status >= 0))
    set_enabled (self, FILTER_STATUS, status >= 0);
  else
    gtk_filter_changed (GTK_FILTER (self->filters[FILTER_STATUS]), GTK_FILTER_CHANGE_DIFFERENT);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  notify_active (self);
}

void
cycle_content_query_set_overdue_only (CycleContentQuery *self,
                                      gboolean           overdue_only)
{
  g_return_if_fail (CYCLE_IS_CONTENT_QUERY (self));

  overdue_only = !!overdue_only;
  if (self->overdue_only == (guint) overdue_only)
    return;

  self->overdue_only = overdue_only;
  set_enabled (self, FILTER_OVERDUE, overdue_only);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE_ONLY]);
  notify_active (self);
}

void
cycle_content_query_set_today (CycleContentQuery *self,
                               const char        *today)
{
  g_autofree char *now = NULL;

  g_return_if_fail (CYCLE_IS_CONTENT_QUERY (self));
  g_return_if_fail (today == NULL || (*today != '\0' && cycle_date_is_valid (today)));

  if (today == NULL)
    today = now = cycle_content_dup_today ();
  if (g_strcmp0 (today, self->today) == 0)
    return;

  g_free (self->today);
  self->today = g_strdup (today);

  if (self->overdue_only)
    gtk_filter_changed (GTK_FILTER (self->filters[FILTER_OVERDUE]), GTK_FILTER_CHANGE_DIFFERENT);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
}

gboolean
cycle_content_query_is_active (CycleContentQuery *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_QUERY (self), FALSE);

  return self->needle != NULL || self->stage != NULL || !self->any_persona ||
         self->channel != NULL || self->status >= 0 || self->overdue_only;
}

void
cycle_content_query_reset (CycleContentQuery *self)
{
  g_return_if_fail (CYCLE_IS_CONTENT_QUERY (self));

  g_object_freeze_notify (G_OBJECT (self));
  cycle_content_query_set_search (self, NULL);
  cycle_content_query_set_stage (self, NULL);
  cycle_content_query_set_persona (self, TRUE, NULL);
  cycle_content_query_set_channel (self, NULL);
  cycle_content_query_set_status (self, -1);
  cycle_content_query_set_overdue_only (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));
}

void
cycle_content_query_refresh (CycleContentQuery *self)
{
  g_return_if_fail (CYCLE_IS_CONTENT_QUERY (self));

  /* One filter saying "different" makes the filter model look at every item; an unset one
   * matches everything anyway. */
  for (guint i = 0; i < N_FILTERS; i++)
    {
      if (gtk_filter_get_strictness (GTK_FILTER (self->filters[i])) != GTK_FILTER_MATCH_ALL)
        {
          gtk_filter_changed (GTK_FILTER (self->filters[i]), GTK_FILTER_CHANGE_DIFFERENT);
          return;
        }
    }
}

GtkFilter *
cycle_content_query_get_filter (CycleContentQuery *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_QUERY (self), NULL);
  return self->filter;
}

/* ------------------------------------------------------------------------------------------------
 * The object
 */

static void
cycle_content_query_dispose (GObject *object)
{
  CycleContentQuery *self = (CycleContentQuery *)object;

  /* The filter may outlive the query in a model: its functions must not call back into it. */
  for (guint i = 0; i < N_FILTERS; i++)
    {
      if (self->filters[i] != NULL)
        gtk_custom_filter_set_filter_func (self->filters[i], NULL, NULL, NULL);
      self->filters[i] = NULL;
    }
  g_clear_object (&self->filter);
  g_clear_object (&self->stage);
  g_clear_object (&self->persona);

  G_OBJECT_CLASS (cycle_content_query_parent_class)->dispose (object);
}

static void
cycle_content_query_finalize (GObject *object)
{
  CycleContentQuery *self = (CycleContentQuery *)object;

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->needle, g_free);
  g_clear_pointer (&self->channel, g_free);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (cycle_content_query_parent_class)->finalize (object);
}

static void
cycle_content_query_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CycleContentQuery *self = CYCLE_CONTENT_QUERY (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;
    case PROP_SEARCH:
      g_value_set_string (value, cycle_content_query_get_search (self));
      break;
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;
    case PROP_ANY_PERSONA:
      g_value_set_boolean (value, self->any_persona);
      break;
    case PROP_PERSONA:
      g_value_set_object (value, self->persona);
      break;
    case PROP_CHANNEL:
      g_value_set_string (value, cycle_content_query_get_channel (self));
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_OVERDUE_ONLY:
      g_value_set_boolean (value, self->overdue_only);
      break;
    case PROP_TODAY:
      g_value_set_string (value, self->today);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, cycle_content_query_is_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_content_query_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CycleContentQuery *self = CYCLE_CONTENT_QUERY (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      cycle_content_query_set_search (self, g_value_get_string (value));
      break;
    case PROP_STAGE:
      cycle_content_query_set_stage (self, g_value_get_object (value));
      break;
    case PROP_ANY_PERSONA:
      cycle_content_query_set_persona (self, g_value_get_boolean (value), self->persona);
      break;
    case PROP_PERSONA:
      cycle_content_query_set_persona (self, FALSE, g_value_get_object (value));
      break;
    case PROP_CHANNEL:
      cycle_content_query_set_channel (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      cycle_content_query_set_status (self, g_value_get_int (value));
      break;
    case PROP_OVERDUE_ONLY:
      cycle_content_query_set_overdue_only (self, g_value_get_boolean (value));
      break;
    case PROP_TODAY:
      cycle_content_query_set_today (self, g_value_get_string (value));
      break;
    case PROP_FILTER:
    case PROP_ACTIVE:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_content_query_class_init (CycleContentQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cycle_content_query_dispose;
  object_class->finalize = cycle_content_query_finalize;
  object_class->get_property = cycle_content_query_get_property;
  object_class->set_property = cycle_content_query_set_property;

  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL, GTK_TYPE_FILTER, ro);
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, "", rw);
  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL, CYCLE_TYPE_STAGE, rw);
  properties[PROP_ANY_PERSONA] =
    g_param_spec_boolean ("any-persona", NULL, NULL, TRUE, rw);
  properties[PROP_PERSONA] =
    g_param_spec_object ("persona", NULL, NULL, CYCLE_TYPE_PERSONA, rw);
  properties[PROP_CHANNEL] =
    g_param_spec_string ("channel", NULL, NULL, "", rw);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, -1, G_MAXINT, -1, rw);
  properties[PROP_OVERDUE_ONLY] =
    g_param_spec_boolean ("overdue-only", NULL, NULL, FALSE, rw);
  properties[PROP_TODAY] =
    g_param_spec_string ("today", NULL, NULL, NULL, rw);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cycle_content_query_init (CycleContentQuery *self)
{
  GtkEveryFilter *every = gtk_every_filter_new ();

  self->status = -1;
  self->any_persona = TRUE;
  self->today = cycle_content_dup_today ();

  for (guint i = 0; i < N_FILTERS; i++)
    {
      self->filters[i] = gtk_custom_filter_new (NULL, NULL, NULL);
      gtk_multi_filter_append (GTK_MULTI_FILTER (every), GTK_FILTER (self->filters[i]));
    }

  self->filter = GTK_FILTER (every);
}

CycleContentQuery *
cycle_content_query_new (void)
{
  return g_object_new (CYCLE_TYPE_CONTENT_QUERY, NULL);
}

/* ------------------------------------------------------------------------------------------------
 * Sorters
 */

/* Empty values last; a sorter of its own, put before the one comparing values. */
static int
compare_empty_last (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  CycleContent *ca = (CycleContent *) a;
  CycleContent *cb = (CycleContent *) b;
  CycleContentSort key = GPOINTER_TO_INT (user_data);
  gboolean ea, eb;

  switch (key)
    {
    case CYCLE_CONTENT_SORT_TITLE:
      ea = *cycle_content_get_title (ca) == '\0';
      eb = *cycle_content_get_title (cb) == '\0';
      break;
    case CYCLE_CONTENT_SORT_FORMAT:
      ea = *cycle_content_get_format (ca) == '\0';
      eb = *cycle_content_get_format (cb) == '\0';
      break;
    case CYCLE_CONTENT_SORT_CHANNEL:
      ea = *cycle_content_get_channel (ca) == '\0';
      eb = *cycle_content_get_channel (cb) == '\0';
      break;
    case CYCLE_CONTENT_SORT_PERSONA:
      ea = cycle_content_get_persona (ca) == NULL;
      eb = cycle_content_get_persona (cb) == NULL;
      break;
    case CYCLE_CONTENT_SORT_CTA:
      ea = *cycle_content_get_cta (ca) == '\0';
      eb = *cycle_content_get_cta (cb) == '\0';
      break;
    case CYCLE_CONTENT_SORT_OWNER:
      ea = *cycle_content_get_owner (ca) == '\0';
      eb = *cycle_content_get_owner (cb) == '\0';
      break;
    case CYCLE_CONTENT_SORT_STAGE:
    case CYCLE_CONTENT_SORT_COMMITMENT:
    case CYCLE_CONTENT_SORT_DIRECTION:
    case CYCLE_CONTENT_SORT_STATUS:
    case CYCLE_CONTENT_SORT_DUE:
    default:
      g_return_val_if_reached (GTK_ORDERING_EQUAL);
    }

  return ea == eb ? GTK_ORDERING_EQUAL : ea ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;
}

static int
compare_enum (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  CycleContent *ca = (CycleContent *) a;
  CycleContent *cb = (CycleContent *) b;
  CycleContentSort key = GPOINTER_TO_INT (user_data);
  int va, vb;

  switch (key)
    {
    case CYCLE_CONTENT_SORT_COMMITMENT:
      va = cycle_content_get_commitment (ca);
      vb = cycle_content_get_commitment (cb);
      break;
    case CYCLE_CONTENT_SORT_DIRECTION:
      va = cycle_content_get_direction (ca);
      vb = cycle_content_get_direction (cb);
      break;
    case CYCLE_CONTENT_SORT_STATUS:
      va = cycle_content_get_status (ca);
      vb = cycle_content_get_status (cb);
      break;
    case CYCLE_CONTENT_SORT_TITLE:
    case CYCLE_CONTENT_SORT_STAGE:
    case CYCLE_CONTENT_SORT_FORMAT:
    case CYCLE_CONTENT_SORT_CHANNEL:
    case CYCLE_CONTENT_SORT_PERSONA:
    case CYCLE_CONTENT_SORT_CTA:
    case CYCLE_CONTENT_SORT_OWNER:
    case CYCLE_CONTENT_SORT_DUE:
    default:
      g_return_val_if_reached (GTK_ORDERING_EQUAL);
    }

  return va < vb ? GTK_ORDERING_SMALLER : va > vb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* A due date as a number, YYYYMMDD, for a GtkNumericSorter: its keys are made once an item, where
 * a custom sorter's function would run at each of the 1.7 million comparisons of 100 000 items.
 * No date sorts after every date. */
static int
due_key (CycleContent *content,
         gpointer      user_data)
{
  const char *due = cycle_content_get_due (content);
  int key = 0;

  if (*due == '\0')
    return G_MAXINT;

  for (const char *p = due; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      key = key * 10 + (*p - '0');

  return key;
}

/* Calls due_key() straight: the generic marshaller (libffi) would cost several times the key. */
static void
due_key_marshal (GClosure     *closure,
                 GValue       *return_value,
                 guint         n_param_values,
                 const GValue *param_values,
                 gpointer      invocation_hint,
                 gpointer      marshal_data)
{
  g_value_set_int (return_value, due_key (g_value_get_object (&param_values[0]), NULL));
}

/* The plan's stage order, looked up in a table kept in step with the stages. */
typedef struct
{
  GtkSorter  *sorter;   /* not owned: owns this */
  GListModel *stages;
  GHashTable *positions;
} StageOrder;

static void
stage_order_rebuild (StageOrder *order)
{
  guint n = g_list_model_get_n_items (order->stages);

  g_hash_table_remove_all (order->positions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (order->stages, i);

      g_hash_table_insert (order->positions, stage, GUINT_TO_POINTER (i + 1));
    }
}

static void
on_stage_order_changed_cb (GListModel *stages,
                           guint       position,
                           guint       removed,
                           guint       added,
                           StageOrder *order)
{
  stage_order_rebuild (order);
  if (order->sorter != NULL)
    gtk_sorter_changed (order->sorter, GTK_SORTER_CHANGE_DIFFERENT);
}

static void
stage_order_free (gpointer data)
{
  StageOrder *order = data;

  g_signal_handlers_disconnect_by_func (order->stages, on_stage_order_changed_cb, order);
  g_clear_object (&order->stages);
  g_clear_pointer (&order->positions, g_hash_table_unref);
  g_free (order);
}

static int
compare_stage (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  CycleContent *ca = (CycleContent *) a;
  CycleContent *cb = (CycleContent *) b;
  StageOrder *order = user_data;
  guint pa = GPOINTER_TO_UINT (g_hash_table_lookup (order->positions,
                                                    cycle_content_get_stage (ca)));
  guint pb = GPOINTER_TO_UINT (g_hash_table_lookup (order->positions,
                                                    cycle_content_get_stage (cb)));

  return pa < pb ? GTK_ORDERING_SMALLER : pa > pb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* The marshaller takes the returned string: it must be a copy (and GtkStringSorter wants one). */
static char *
persona_name (GObject      *object,
              CyclePersona *persona,
              gpointer      user_data)
{
  return g_strdup (persona != NULL ? cycle_persona_get_name (persona) : "");
}

static GtkSorter *
string_sorter (CycleContentSort  key,
               const char       *property)
{
  GtkExpression *expression;
  GtkMultiSorter *multi = gtk_multi_sorter_new ();

  if (key == CYCLE_CONTENT_SORT_PERSONA)
    {
      GtkExpression *params[] = {
        gtk_property_expression_new (CYCLE_TYPE_CONTENT, NULL, "persona"),
      };

      expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, params,
                                                G_CALLBACK (persona_name), NULL, NULL);
    }
  else
    {
      expression = gtk_property_expression_new (CYCLE_TYPE_CONTENT, NULL, property);
    }

  gtk_multi_sorter_append (multi, GTK_SORTER (gtk_custom_sorter_new (compare_empty_last,
                                                                     GINT_TO_POINTER (key),
                                                                     NULL)));
  gtk_multi_sorter_append (multi, GTK_SORTER (gtk_string_sorter_new (expression)));

  return GTK_SORTER (multi);
}

GtkSorter *
cycle_content_sorter_new (CycleContentSort  key,
                          CyclePlan        *plan)
{
  switch (key)
    {
    case CYCLE_CONTENT_SORT_TITLE:
      /* Every title has words: no empty ones to put last, no second sorter to ask. */
      return GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (CYCLE_TYPE_CONTENT,
                                                                             NULL, "title")));
    case CYCLE_CONTENT_SORT_FORMAT:
      return string_sorter (key, "format");
    case CYCLE_CONTENT_SORT_CHANNEL:
      return string_sorter (key, "channel");
    case CYCLE_CONTENT_SORT_PERSONA:
      return string_sorter (key, NULL);
    case CYCLE_CONTENT_SORT_CTA:
      return string_sorter (key, "cta");
    case CYCLE_CONTENT_SORT_OWNER:
      return string_sorter (key, "owner");
    case CYCLE_CONTENT_SORT_COMMITMENT:
    case CYCLE_CONTENT_SORT_DIRECTION:
    case CYCLE_CONTENT_SORT_STATUS:
      return GTK_SORTER (gtk_custom_sorter_new (compare_enum, GINT_TO_POINTER (key), NULL));
    case CYCLE_CONTENT_SORT_DUE:
      {
        GClosure *closure = g_closure_new_simple (sizeof (GClosure), NULL);

        g_closure_set_marshal (closure, due_key_marshal);
        return GTK_SORTER (gtk_numeric_sorter_new (gtk_closure_expression_new (G_TYPE_INT,
                                                                               closure,
                                                                               0, NULL)));
      }
    case CYCLE_CONTENT_SORT_STAGE:
      {
        StageOrder *order;
        GtkCustomSorter *sorter;

        g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);

        order = g_new0 (StageOrder, 1);
        order->stages = g_object_ref (cycle_plan_get_stages (plan));
        order->positions = g_hash_table_new (NULL, NULL);
        stage_order_rebuild (order);
        g_signal_connect (order->stages, "items-changed",
                          G_CALLBACK (on_stage_order_changed_cb), order);

        sorter = gtk_custom_sorter_new (compare_stage, order, stage_order_free);
        order->sorter = GTK_SORTER (sorter);
        return GTK_SORTER (sorter);
      }
    default:
      g_return_val_if_reached (NULL);
    }
}
