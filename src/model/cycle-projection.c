/* cycle-projection.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-projection"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-error.h"
#include "cycle-projection.h"

/* Next-step rates may add up to 100 % give or take rounding. */
#define RATE_SUM_SLACK 1e-9

G_DEFINE_QUARK (cycle-projection-error-quark, cycle_projection_error)

struct _CycleProjection
{
  gatomicrefcount  ref_count;

  double           start_volume;
  guint            cycles;
  guint            n_stages;
  guint            top;
  CycleStage     **stages;
  gboolean        *on_path;
  gboolean        *has_next;
  double          *volume;
  double          *next_rate;
  double          *cumulative;
  GPtrArray       *missing;   /* CycleLink */
  GPtrArray       *invalid;   /* CycleStage */
};

G_DEFINE_BOXED_TYPE (CycleProjection, cycle_projection, cycle_projection_ref,
                     cycle_projection_unref)

CycleProjection *
cycle_projection_ref (CycleProjection *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cycle_projection_unref (CycleProjection *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_stages; i++)
    g_object_unref (self->stages[i]);
  g_free (self->stages);
  g_free (self->on_path);
  g_free (self->has_next);
  g_free (self->volume);
  g_free (self->next_rate);
  g_free (self->cumulative);
  g_ptr_array_unref (self->missing);
  g_ptr_array_unref (self->invalid);
  g_free (self);
}

double
cycle_projection_effective_rate (CycleLink *link)
{
  double rate;
  CycleStage *source;

  g_return_val_if_fail (CYCLE_IS_LINK (link), CYCLE_RATE_UNSET);

  rate = cycle_link_get_rate (link);
  if (rate >= 0.0)
    return rate;

  source = cycle_link_get_source (link);
  if (source != NULL && cycle_stage_get_conversion_rate (source) >= 0.0)
    return cycle_stage_get_conversion_rate (source);

  return CYCLE_RATE_UNSET;
}

/* An edge of the path: a next-step link between two internal stages. */
typedef struct
{
  guint      from;
  guint      to;
  guint      link_index;
  double     rate;
  gboolean   followed;
} Edge;

/* Depth-first from the top: the reverse post-order is an order in which every followed edge
 * goes forward; an edge to a stage still on the stack closes a circle and is not followed. */
static GArray *
topological_order (guint     n_stages,
                   guint     top,
                   GArray   *edges,
                   GArray  **out_edges_of,
                   gboolean *on_path)
{
  g_autofree guint8 *state = g_new0 (guint8, n_stages); /* 0 new, 1 on the stack, 2 done */
  g_autofree guint *next_edge = g_new0 (guint, n_stages);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *post = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *order;

  g_array_append_val (stack, top);
  state[top] = 1;

  while (stack->len > 0)
    {
      guint u = g_array_index (stack, guint, stack->len - 1);
      GArray *out = out_edges_of[u];

      if (out != NULL && next_edge[u] < out->len)
        {
          Edge *e = &g_array_index (edges, Edge, g_array_index (out, guint, next_edge[u]));

          next_edge[u]++;
          if (state[e->to] == 0)
            {
              state[e->to] = 1;
              e->followed = TRUE;
              g_array_append_val (stack, e->to);
            }
          else
            {
              e->followed = state[e->to] == 2;
            }
        }
      else
        {
          state[u] = 2;
          on_path[u] = TRUE;
          g_array_append_val (post, u);
          g_array_set_size (stack, stack->len - 1);
        }
    }

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), post->len);
  for (guint i = post->len; i > 0; i--)
    g_array_append_val (order, g_array_index (post, guint, i - 1));
  g_array_unref (post);

  return order;
}

static char *format_number (double value);

CycleProjection *
cycle_projection_compute (CyclePlan  *plan,
                          double      start_volume,
                          guint       cycles,
                          GError    **error)
{
  GListModel *stages_model, *links_model;
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GArray) edges = NULL;
  g_autoptr(GArray) loops = NULL;
  g_autoptr(GArray) order = NULL;
  g_autofree GArray **out_edges_of = NULL;
  g_autofree gboolean *missing_link = NULL;
  g_autofree double *unit = NULL;
  g_autofree double *current = NULL;
  g_autofree double *inflow = NULL;
  g_autofree double *sum = NULL;
  CycleProjection *self;
  guint n, n_links, top = G_MAXUINT;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Above the maximum, sums over stages and cycles could overflow to infinity */
  if (!(start_volume >= 0.0 && start_volume <= CYCLE_PROJECTION_MAX_START_VOLUME))
    {
      g_autofree char *max = format_number (CYCLE_PROJECTION_MAX_START_VOLUME);

      g_set_error (error, CYCLE_PROJECTION_ERROR, CYCLE_PROJECTION_ERROR_INVALID_INPUT,
                   _("The starting volume must be a number of people from 0 to %s."), max);
      return NULL;
    }
  if (cycles < 1 || cycles > CYCLE_PROJECTION_MAX_CYCLES)
    {
      g_set_error (error, CYCLE_PROJECTION_ERROR, CYCLE_PROJECTION_ERROR_INVALID_INPUT,
                   _("The number of cycles must be from 1 to %d."), CYCLE_PROJECTION_MAX_CYCLES);
      return NULL;
    }

  stages_model = cycle_plan_get_stages (plan);
  links_model = cycle_plan_get_links (plan);
  n = g_list_model_get_n_items (stages_model);
  n_links = g_list_model_get_n_items (links_model);

  self = g_new0 (CycleProjection, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->start_volume = start_volume;
  self->cycles = cycles;
  self->n_stages = n;
  self->stages = g_new0 (CycleStage *, n);
  self->on_path = g_new0 (gboolean, n);
  self->has_next = g_new0 (gboolean, n);
  self->volume = g_new (double, n);
  self->next_rate = g_new (double, n);
  self->cumulative = g_new (double, n);
  self->missing = g_ptr_array_new_with_free_func (g_object_unref);
  self->invalid = g_ptr_array_new_with_free_func (g_object_unref);

  index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      self->stages[i] = g_list_model_get_item (stages_model, i);
      self->volume[i] = self->next_rate[i] = self->cumulative[i] = NAN;
      g_hash_table_insert (index, self->stages[i], GUINT_TO_POINTER (i + 1));
      if (top == G_MAXUINT && cycle_stage_get_lane (self->stages[i]) == CYCLE_LANE_INTERNAL)
        top = i;
    }

  if (top == G_MAXUINT)
    {
      g_set_error (error, CYCLE_PROJECTION_ERROR, CYCLE_PROJECTION_ERROR_NO_STAGES,
                   _("The plan has no stage in the internal funnel to start from."));
      cycle_projection_unref (self);
      return NULL;
    }
  self->top = top;

  /* The edges between internal stages, and the loops. */
  edges = g_array_new (FALSE, TRUE, sizeof (Edge));
  loops = g_array_new (FALSE, TRUE, sizeof (Edge));
  out_edges_of = g_new0 (GArray *, n);
  missing_link = g_new0 (gboolean, n_links);

  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links_model, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (index, cycle_link_get_source (link)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (index, cycle_link_get_target (link)));
      Edge e = { 0, };

      if (from == 0 || to == 0 || from == to ||
          cycle_stage_get_lane (self->stages[from - 1]) != CYCLE_LANE_INTERNAL ||
          cycle_stage_get_lane (self->stages[to - 1]) != CYCLE_LANE_INTERNAL)
        continue;

      e.from = from - 1;
      e.to = to - 1;
      e.link_index = i;

      switch (cycle_link_get_kind (link))
        {
        case CYCLE_LINK_NEXT:
          e.rate = cycle_projection_effective_rate (link);
          if (out_edges_of[e.from] == NULL)
            out_edges_of[e.from] = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (out_edges_of[e.from], edges->len);
          g_array_append_val (edges, e);
          break;
        case CYCLE_LINK_LOOP:
          e.rate = cycle_link_get_rate (link);
          g_array_append_val (loops, e);
          break;
        case CYCLE_LINK_MAPPING:
        default:
          break;
        }
    }

  order = topological_order (n, top, edges, out_edges_of, self->on_path);

  sum = g_new0 (double, n);
  for (guint i = 0; i < edges->len; i++)
    {
      Edge *e = &g_array_index (edges, Edge, i);

      if (!e->followed)
        continue;
      if (e->rate < 0.0)
        {
          missing_link[e->link_index] = TRUE;
          e->rate = NAN;
        }
      self->has_next[e->from] = TRUE;
      sum[e->from] += e->rate;
    }

  for (guint i = 0; i < loops->len; i++)
    {
      Edge *e = &g_array_index (loops, Edge, i);

      e->followed = self->on_path[e->from] && self->on_path[e->to] && cycles > 1;
      if (e->followed && e->rate < 0.0)
        {
          missing_link[e->link_index] = TRUE;
          e->rate = NAN;
        }
    }

  for (guint i = 0; i < n_links; i++)
    if (missing_link[i])
      g_ptr_array_add (self->missing, g_list_model_get_item (links_model, i));

  for (guint i = 0; i < n; i++)
    {
      if (!self->on_path[i])
        continue;
      self->next_rate[i] = self->has_next[i] ? sum[i] : NAN;
      if (self->has_next[i] && sum[i] > 1.0 + RATE_SUM_SLACK)
        g_ptr_array_add (self->invalid, g_object_ref (self->stages[i]));
    }

  /* The flow of one person entering at the top: volumes are proportional to the start. */
  unit = g_new0 (double, n);
  current = g_new0 (double, n);
  inflow = g_new0 (double, n);
  inflow[top] = 1.0;

  for (guint c = 0; c < cycles; c++)
    {
      gboolean any = FALSE;

      memcpy (current, inflow, n * sizeof (double));
      for (guint k = 0; k < order->len; k++)
        {
          guint u = g_array_index (order, guint, k);
          GArray *out = out_edges_of[u];

          for (guint j = 0; out != NULL && j < out->len; j++)
            {
              Edge *e = &g_array_index (edges, Edge, g_array_index (out, guint, j));

              if (e->followed)
                current[e->to] += current[u] * e->rate;
            }
        }

      for (guint i = 0; i < n; i++)
        unit[i] += current[i];

      memset (inflow, 0, n * sizeof (double));
      for (guint i = 0; i < loops->len; i++)
        {
          Edge *e = &g_array_index (loops, Edge, i);

          if (e->followed)
            {
              inflow[e->to] += current[e->from] * e->rate;
              any = TRUE;
            }
        }

      /* No referral loop: the next cycles bring nobody. */
      if (!any)
        break;
    }

  for (guint i = 0; i < n; i++)
    {
      if (!self->on_path[i])
        continue;
      self->volume[i] = start_volume * unit[i];
      self->cumulative[i] = unit[i] / unit[top];
    }

  for (guint i = 0; i < n; i++)
    if (out_edges_of[i] != NULL)
      g_array_unref (out_edges_of[i]);

  return self;
}

double
cycle_projection_get_start_volume (CycleProjection *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->start_volume;
}

guint
cycle_projection_get_cycles (CycleProjection *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->cycles;
}

guint
cycle_projection_get_n_stages (CycleProjection *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_stages;
}

CycleStage *
cycle_projection_get_stage (CycleProjection *self,
                            guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_stages, NULL);
  return self->stages[index];
}

guint
cycle_projection_get_top_index (CycleProjection *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->top;
}

gboolean
cycle_projection_is_on_path (CycleProjection *self,
                             guint            index)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->n_stages, FALSE);
  return self->on_path[index];
}

double
cycle_projection_get_volume (CycleProjection *self,
                             guint            index)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (index < self->n_stages, NAN);
  return self->volume[index];
}

double
cycle_projection_get_next_rate (CycleProjection *self,
                                guint            index)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (index < self->n_stages, NAN);
  return self->next_rate[index];
}

gboolean
cycle_projection_has_next_step (CycleProjection *self,
                                guint            index)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->n_stages, FALSE);
  return self->has_next[index];
}

double
cycle_projection_get_cumulative (CycleProjection *self,
                                 guint            index)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (index < self->n_stages, NAN);
  return self->cumulative[index];
}

guint
cycle_projection_get_n_missing (CycleProjection *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->missing->len;
}

CycleLink *
cycle_projection_get_missing (CycleProjection *self,
                              guint            i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->missing->len, NULL);
  return g_ptr_array_index (self->missing, i);
}

guint
cycle_projection_get_n_invalid (CycleProjection *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->invalid->len;
}

CycleStage *
cycle_projection_get_invalid (CycleProjection *self,
                              guint            i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->invalid->len, NULL);
  return g_ptr_array_index (self->invalid, i);
}

gboolean
cycle_projection_is_complete (CycleProjection *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->missing->len == 0 && self->invalid->len == 0;
}

/* Text */

/* Two decimals (three below 1), without trailing zeros: 40, 27.75, 55.5, 0.045. */
static char *
format_number (double value)
{
  char *s, *end;

  if (isnan (value))
    return g_strdup ("?");

  if (fabs (value) < 0.0005)
    value = 0.0;
  s = g_strdup_printf (fabs (value) < 1.0 ? "%.3f" : "%.2f", value);
  end = s + strlen (s);
  /* The decimal separator follows the locale: "." or "," (or a longer one). */
  if (strpbrk (s, ".,") != NULL)
    {
      while (end > s && end[-1] == '0')
        *--end = '\0';
      if (end > s && (end[-1] == '.' || end[-1] == ','))
        *--end = '\0';
    }

  return s;
}

static char *
format_percent (double rate)
{
  g_autofree char *number = NULL;

  if (isnan (rate))
    return g_strdup ("?");
  number = format_number (rate * 100.0);
  /* TRANSLATORS: a percentage, "4%"; some languages put a space before the sign */
  return g_strdup_printf (_("%s%%"), number);
}

static void
append_padded (GString    *out,
               const char *text,
               guint       width,
               gboolean    right)
{
  glong len = g_utf8_strlen (text, -1);
  guint pad = len < (glong)width ? width - len : 0;

  if (right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (guint i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

char *
cycle_projection_format_table (CycleProjection *self)
{
  enum { COLUMNS = 4 };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint widths[COLUMNS] = { 0, };
  GString *out;
  guint rows;

  g_return_val_if_fail (self != NULL, NULL);

  g_ptr_array_add (cells, g_strdup (_("Stage")));
  g_ptr_array_add (cells, g_strdup (_("Volume")));
  /* Translators: a column of the projection: the share of a stage's people who go on */
  g_ptr_array_add (cells, g_strdup (C_("projection column", "Next step")));
  g_ptr_array_add (cells, g_strdup (_("From the top")));

  for (guint i = 0; i < self->n_stages; i++)
    {
      if (!self->on_path[i])
        continue;
      /* A text table, for a terminal: a name's control characters must not break its lines */
      g_ptr_array_add (cells, cycle_escape_controls (cycle_stage_get_name (self->stages[i]), -1));
      g_ptr_array_add (cells, format_number (self->volume[i]));
      g_ptr_array_add (cells, self->has_next[i] ? format_percent (self->next_rate[i])
                                                : g_strdup ("—"));
      g_ptr_array_add (cells, format_percent (self->cumulative[i]));
    }

  rows = cells->len / COLUMNS;
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < COLUMNS; c++)
      widths[c] = MAX (widths[c], (guint)g_utf8_strlen (g_ptr_array_index (cells, r * COLUMNS + c),
                                                        -1));

  out = g_string_new (NULL);
  for (guint r = 0; r < rows; r++)
    {
      for (guint c = 0; c < COLUMNS; c++)
        {
          const char *cell = g_ptr_array_index (cells, r * COLUMNS + c);

          if (c > 0)
            g_string_append (out, "  ");
          if (c == COLUMNS - 1)
            {
              /* No trailing blanks. */
              append_padded (out, cell, widths[c], TRUE);
              break;
            }
          append_padded (out, cell, widths[c], c > 0);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

char *
cycle_projection_describe_missing_rate (CycleLink *link)
{
  CycleStage *source, *target;

  g_return_val_if_fail (CYCLE_IS_LINK (link), NULL);

  source = cycle_link_get_source (link);
  target = cycle_link_get_target (link);

  if (cycle_link_get_kind (link) == CYCLE_LINK_LOOP)
    return g_strdup_printf (_("The loop from “%s” back to “%s” has no referral rate: how many "
                              "new people does each one bring?"),
                            source != NULL ? cycle_stage_get_name (source) : "",
                            target != NULL ? cycle_stage_get_name (target) : "");

  return g_strdup_printf (_("The next step from “%s” to “%s” has no rate, and “%s” has no "
                            "conversion rate: the projection cannot go past it."),
                          source != NULL ? cycle_stage_get_name (source) : "",
                          target != NULL ? cycle_stage_get_name (target) : "",
                          source != NULL ? cycle_stage_get_name (source) : "");
}

char *
cycle_projection_describe_rate_sum (CycleStage *stage,
                                    double      sum)
{
  g_autofree char *percent = NULL;

  g_return_val_if_fail (CYCLE_IS_STAGE (stage), NULL);

  percent = format_percent (sum);
  return g_strdup_printf (_("The next steps from “%s” add up to %s: more people would move on "
                            "than there are."),
                          cycle_stage_get_name (stage), percent);
}

GStrv
cycle_projection_list_problems (CycleProjection *self)
{
  GPtrArray *lines;

  g_return_val_if_fail (self != NULL, NULL);

  lines = g_ptr_array_new ();
  for (guint i = 0; i < self->missing->len; i++)
    g_ptr_array_add (lines,
                     cycle_projection_describe_missing_rate (g_ptr_array_index (self->missing,
                                                                                i)));
  for (guint i = 0; i < self->invalid->len; i++)
    {
      CycleStage *stage = g_ptr_array_index (self->invalid, i);

      for (guint j = 0; j < self->n_stages; j++)
        if (self->stages[j] == stage)
          g_ptr_array_add (lines, cycle_projection_describe_rate_sum (stage, self->next_rate[j]));
    }
  g_ptr_array_add (lines, NULL);

  return (GStrv) g_ptr_array_free (lines, FALSE);
}

char *
cycle_projection_describe_problems (CycleProjection *self)
{
  g_auto(GStrv) problems = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  problems = cycle_projection_list_problems (self);
  out = g_string_new (NULL);
  for (guint i = 0; problems[i] != NULL; i++)
    g_string_append_printf (out, "%s\n", problems[i]);

  return g_string_free (out, FALSE);
}
