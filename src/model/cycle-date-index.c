/* cycle-date-index.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-date-index"

#include "config.h"

#include <string.h>

#include "cycle-date-index.h"

struct _CycleDateIndex
{
  GObject     parent_instance;

  CyclePlan  *plan;
  GListModel *all;
  /* The plan's content in order, as the index last saw it: what items-changed removes */
  GPtrArray  *items;
  /* "YYYY-MM-DD" (interned, as the content holds it; by pointer) → GPtrArray of content due
   * that day that does not repeat */
  GHashTable *by_day;
  /* content → the day it is filed under in by_day (its due date when it was filed) */
  GHashTable *filed;
  /* Repeating content with a due date */
  GHashTable *repeating;
  guint       n_dated;
};

G_DEFINE_FINAL_TYPE (CycleDateIndex, cycle_date_index, G_TYPE_OBJECT)

enum {
  CHANGED,
  UNDATED_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Whether @content (with a due date) is on @day: its due date, or a day it repeats on. */
static gboolean
cycle_content_occurs_on (CycleContent *content,
                         const GDate  *day)
{
  CycleRepeat repeat = cycle_content_get_repeat (content);
  guint n = cycle_content_get_repeat_interval (content);
  GDate due, until;
  int diff;

  g_return_val_if_fail (CYCLE_IS_CONTENT (content), FALSE);
  g_return_val_if_fail (day != NULL && g_date_valid (day), FALSE);

  if (!cycle_date_to_gdate (cycle_content_get_due (content), &due))
    return FALSE;
  diff = g_date_days_between (&due, day);
  if (diff == 0)
    return TRUE;
  if (diff < 0 || repeat == CYCLE_REPEAT_NONE)
    return FALSE;
  if (cycle_date_to_gdate (cycle_content_get_repeat_until (content), &until) &&
      g_date_compare (day, &until) > 0)
    return FALSE;

  switch (repeat)
    {
    case CYCLE_REPEAT_DAILY:
      return diff % (int) n == 0;
    case CYCLE_REPEAT_WEEKLY:
      return diff % (int) (7 * n) == 0;
    case CYCLE_REPEAT_MONTHLY:
      {
        /* The same day of the month; months without it are skipped, as calendars do */
        int months = ((int) g_date_get_year (day) - (int) g_date_get_year (&due)) * 12 +
                     ((int) g_date_get_month (day) - (int) g_date_get_month (&due));

        return g_date_get_day (day) == g_date_get_day (&due) && months % (int) n == 0;
      }
    case CYCLE_REPEAT_NONE:
    default:
      return FALSE;
    }
}

static void
unfile (CycleDateIndex *self,
        CycleContent   *content)
{
  const char *day = g_hash_table_lookup (self->filed, content);

  if (day != NULL)
    {
      GPtrArray *list = g_hash_table_lookup (self->by_day, day);

      if (list != NULL)
        {
          g_ptr_array_remove_fast (list, content);
          if (list->len == 0)
            g_hash_table_remove (self->by_day, day);
        }
      g_hash_table_remove (self->filed, content);
      self->n_dated--;
    }
  else if (g_hash_table_remove (self->repeating, content))
    self->n_dated--;
}

static void
file (CycleDateIndex *self,
      CycleContent   *content)
{
  const char *due = cycle_content_get_due (content);
  GPtrArray *list;

  if (due[0] == '\0')
    return;

  self->n_dated++;
  if (cycle_content_get_repeat (content) != CYCLE_REPEAT_NONE)
    {
      g_hash_table_add (self->repeating, content);
      return;
    }

  /* Dates are interned by the content (g_intern_string ()): the same pointer for the same day,
   * so the table hashes pointers, not strings */
  list = g_hash_table_lookup (self->by_day, due);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->by_day, (gpointer) due, list);
    }
  g_ptr_array_add (list, content);
  g_hash_table_insert (self->filed, content, (gpointer) due);
}

static gboolean
is_filed (CycleDateIndex *self,
          CycleContent   *content)
{
  return g_hash_table_contains (self->filed, content) ||
         g_hash_table_contains (self->repeating, content);
}

static void
on_content_dates_changed_cb (CyclePlan      *plan,
                             CycleContent   *content,
                             CycleDateIndex *self)
{
  gboolean was_dated = is_filed (self, content);

  unfile (self, content);
  file (self, content);
  g_signal_emit (self, signals[CHANGED], 0);
  if (was_dated != is_filed (self, content))
    g_signal_emit (self, signals[UNDATED_CHANGED], 0, was_dated);
}

static void
on_items_changed_cb (GListModel     *all,
                     guint           position,
                     guint           removed,
                     guint           added,
                     CycleDateIndex *self)
{
  for (guint i = 0; i < removed; i++)
    {
      unfile (self, g_ptr_array_index (self->items, position + i));
    }
  g_ptr_array_remove_range (self->items, position, removed);

  for (guint i = 0; i < added; i++)
    {
      CycleContent *content = g_list_model_get_item (all, position + i);

      g_ptr_array_insert (self->items, (int) (position + i), content);
      file (self, content);
    }

  if (removed > 0 || added > 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b)
{
  CycleContent *ca = *(CycleContent * const *) a;
  CycleContent *cb = *(CycleContent * const *) b;
  int c = strcmp (cycle_content_get_title (ca), cycle_content_get_title (cb));

  if (c != 0)
    return c;
  return strcmp (cycle_item_get_id (CYCLE_ITEM (ca)), cycle_item_get_id (CYCLE_ITEM (cb)));
}

void
cycle_date_index_query (CycleDateIndex *self,
                        const GDate    *first,
                        guint           n_days,
                        GPtrArray     **days)
{
  GHashTableIter iter;
  gpointer key;
  GDate day;

  g_return_if_fail (CYCLE_IS_DATE_INDEX (self));
  g_return_if_fail (first != NULL && g_date_valid (first));
  g_return_if_fail (days != NULL);

  day = *first;
  for (guint i = 0; i < n_days; i++)
    {
      char iso[CYCLE_DATE_ISO_SIZE];
      GPtrArray *list;
      GQuark quark;

      cycle_date_to_iso (&day, iso);
      /* The interned string of that day, if any content ever had it (without interning it) */
      quark = g_quark_try_string (iso);
      list = quark != 0 ? g_hash_table_lookup (self->by_day, g_quark_to_string (quark)) : NULL;
      days[i] = g_ptr_array_new ();
      if (list != NULL)
        g_ptr_array_extend (days[i], list, NULL, NULL);
      g_date_add_days (&day, 1);
    }

  g_hash_table_iter_init (&iter, self->repeating);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      day = *first;
      for (guint i = 0; i < n_days; i++)
        {
          if (cycle_content_occurs_on (key, &day))
            g_ptr_array_add (days[i], key);
          g_date_add_days (&day, 1);
        }
    }

  /* Hash order is no order: by title, then id, so a day reads the same every time */
  for (guint i = 0; i < n_days; i++)
    g_ptr_array_sort (days[i], compare_titles);
}

guint
cycle_date_index_get_n_dated (CycleDateIndex *self)
{
  g_return_val_if_fail (CYCLE_IS_DATE_INDEX (self), 0);

  return self->n_dated;
}

static void
cycle_date_index_dispose (GObject *object)
{
  CycleDateIndex *self = CYCLE_DATE_INDEX (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (self->plan, on_content_dates_changed_cb, self);
  if (self->all != NULL)
    g_signal_handlers_disconnect_by_func (self->all, on_items_changed_cb, self);
  g_clear_object (&self->all);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cycle_date_index_parent_class)->dispose (object);
}

static void
cycle_date_index_finalize (GObject *object)
{
  CycleDateIndex *self = CYCLE_DATE_INDEX (object);

  g_clear_pointer (&self->by_day, g_hash_table_unref);
  g_clear_pointer (&self->filed, g_hash_table_unref);
  g_clear_pointer (&self->repeating, g_hash_table_unref);

  G_OBJECT_CLASS (cycle_date_index_parent_class)->finalize (object);
}

static void
cycle_date_index_class_init (CycleDateIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cycle_date_index_dispose;
  object_class->finalize = cycle_date_index_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[UNDATED_CHANGED] = g_signal_new ("undated-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
cycle_date_index_init (CycleDateIndex *self)
{
  self->by_day = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->filed = g_hash_table_new (NULL, NULL);
  self->repeating = g_hash_table_new (NULL, NULL);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

CycleDateIndex *
cycle_date_index_new (CyclePlan *plan)
{
  CycleDateIndex *self;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);

  self = g_object_new (CYCLE_TYPE_DATE_INDEX, NULL);
  self->plan = g_object_ref (plan);
  self->all = g_object_ref (cycle_plan_get_all_content (plan));
  g_signal_connect (self->all, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  /* One signal of the plan's rather than one handler on each item */
  g_signal_connect (plan, "content-dates-changed", G_CALLBACK (on_content_dates_changed_cb),
                    self);
  on_items_changed_cb (self->all, 0, 0, g_list_model_get_n_items (self->all), self);

  return self;
}
