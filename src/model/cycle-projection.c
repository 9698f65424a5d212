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

#include "cycle-format.h"
#include "cycle-error.h"
#include "cycle-projection.h"

/* Next-step rates may add up to 100 % give or take rounding. */
#define RATE_SUM_SLACK 1e-9

G_DEFINE_QUARK (cycle-projection-error-quark, cycle_projection_error)

struct _CycleProjection
{
  gatomicrefcount  ref_count;

  double           start_volume;
  guint            cycles;     /* CYCLE_PROJECTION_STEADY for the steady state */
  gboolean         steady;
  gboolean         self_sustaining;
  double           gain;
  guint            n_stages;
  guint            top;
  CycleStage     **stages;
  gboolean        *on_path;
  gboolean        *has_next;
  double          *volume;
  double          *first;      /* the first cycle's volume: people who came in at the top */
  double          *next_rate;
  double          *cumulative;
  int             *start_day;  /* days from the top's first day, -1 unknown (stage timing) */
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
  g_free (self->first);
  g_free (self->next_rate);
  g_free (self->cumulative);
  g_free (self->start_day);
  g_ptr_array_unref (self->missing);
  g_ptr_array_unref (self->invalid);
  g_free (self);
}

/* The rate a next-step link passes on: its own, else its source's conversion rate, else
 * CYCLE_RATE_UNSET. */
static double
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

/* The entry of @lane: the first stage of it, in plan order, that no next step enters (from
 * another stage); failing that (next steps in a circle), its first stage. G_MAXUINT if the lane
 * has no stage. */
static guint
find_entry (CycleStage    **stages,
            guint           n,
            const gboolean *entered,
            CycleLane       lane)
{
  guint first = G_MAXUINT;

  for (guint i = 0; i < n; i++)
    {
      if (cycle_stage_get_lane (stages[i]) != lane)
        continue;
      if (!entered[i])
        return i;
      if (first == G_MAXUINT)
        first = i;
    }

  return first;
}

/* The flow of one person entering at @entry, along the followed next steps: @flow[u] is how many
 * of them reach u in the same cycle. */
static void
propagate (guint       n,
           GArray     *order,
           GArray     *edges,
           GArray    **out_edges_of,
           guint       entry,
           double     *flow)
{
  memset (flow, 0, n * sizeof (double));
  flow[entry] = 1.0;

  for (guint k = 0; k < order->len; k++)
    {
      guint u = g_array_index (order, guint, k);
      GArray *out = out_edges_of[u];

      if (flow[u] == 0.0)
        continue;
      for (guint j = 0; out != NULL && j < out->len; j++)
        {
          Edge *e = &g_array_index (edges, Edge, g_array_index (out, guint, j));

          if (e->followed)
            flow[e->to] += flow[u] * e->rate;
        }
    }
}

/* Solves (I - m) x = e0 for the n × n matrix m (row-major) by Gaussian elimination with partial
 * pivoting. FALSE when the system is singular. */
static gboolean
solve_steady (guint         n,
              const double *m,
              double       *x)
{
  g_autofree double *a = g_new (double, n * (n + 1));

  for (guint r = 0; r < n; r++)
    {
      for (guint c = 0; c < n; c++)
        a[r * (n + 1) + c] = (r == c ? 1.0 : 0.0) - m[r * n + c];
      a[r * (n + 1) + n] = r == 0 ? 1.0 : 0.0;
    }

  for (guint c = 0; c < n; c++)
    {
      guint pivot = c;

      for (guint r = c + 1; r < n; r++)
        if (fabs (a[r * (n + 1) + c]) > fabs (a[pivot * (n + 1) + c]))
          pivot = r;
      if (fabs (a[pivot * (n + 1) + c]) < 1e-12)
        return FALSE;
      if (pivot != c)
        for (guint k = 0; k <= n; k++)
          {
            double t = a[c * (n + 1) + k];
            a[c * (n + 1) + k] = a[pivot * (n + 1) + k];
            a[pivot * (n + 1) + k] = t;
          }
      for (guint r = 0; r < n; r++)
        {
          double f;

          if (r == c)
            continue;
          f = a[r * (n + 1) + c] / a[c * (n + 1) + c];
          if (f == 0.0)
            continue;
          for (guint k = c; k <= n; k++)
            a[r * (n + 1) + k] -= f * a[c * (n + 1) + k];
        }
    }

  for (guint r = 0; r < n; r++)
    x[r] = a[r * (n + 1) + n] / a[r * (n + 1) + r];

  return TRUE;
}

/* How many times the people of a cycle the next one brings, in the long run: the growth of
 * x ← m x from the top, by power iteration (0 when the loops bring nobody back). */
static double
estimate_gain (guint         n,
               const double *m)
{
  g_autofree double *x = g_new0 (double, n);
  g_autofree double *y = g_new0 (double, n);
  double gain = 0.0;

  x[0] = 1.0;
  for (guint step = 0; step < 500; step++)
    {
      double norm = 0.0;

      for (guint r = 0; r < n; r++)
        {
          y[r] = 0.0;
          for (guint c = 0; c < n; c++)
            y[r] += m[r * n + c] * x[c];
          norm += fabs (y[r]);
        }
      if (!(norm > 0.0) || !isfinite (norm))
        return isfinite (norm) ? 0.0 : NAN;
      gain = norm;   /* x has a norm of 1 */
      for (guint r = 0; r < n; r++)
        x[r] = y[r] / norm;
    }

  return gain;
}

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
  g_autoptr(GArray) targets = NULL;
  g_autofree GArray **out_edges_of = NULL;
  g_autofree gboolean *missing_link = NULL;
  g_autofree gboolean *entered = NULL;
  g_autofree double *flows = NULL;     /* |targets| × n: the flow from each loop target */
  g_autofree double *m = NULL;         /* |targets| × |targets|: what a cycle brings back */
  g_autofree double *total = NULL;     /* |targets|: people entering there, over the cycles */
  g_autofree double *sum = NULL;
  CycleProjection *self;
  guint n, n_links, top, nt;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(start_volume >= 0.0) || isinf (start_volume) || start_volume > CYCLE_PROJECTION_MAX_START)
    {
      g_autofree char *max = cycle_format_number (CYCLE_PROJECTION_MAX_START_VOLUME);

      /* Above the maximum, sums over stages and cycles could overflow to infinity. */
      g_set_error (error, CYCLE_PROJECTION_ERROR, CYCLE_PROJECTION_ERROR_INVALID_INPUT,
                   _("The starting volume must be a number of people from 0 to %s."), max);
      return NULL;
    }
  if (cycles > CYCLE_PROJECTION_MAX_CYCLES)
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
  self->steady = cycles == CYCLE_PROJECTION_STEADY;
  self->n_stages = n;
  self->stages = g_new0 (CycleStage *, n);
  self->on_path = g_new0 (gboolean, n);
  self->has_next = g_new0 (gboolean, n);
  self->volume = g_new (double, n);
  self->first = g_new (double, n);
  self->next_rate = g_new (double, n);
  self->cumulative = g_new (double, n);
  self->start_day = g_new (int, MAX (n, 1));
  self->missing = g_ptr_array_new_with_free_func (g_object_unref);
  self->invalid = g_ptr_array_new_with_free_func (g_object_unref);

  index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n; i++)
    {
      self->stages[i] = g_list_model_get_item (stages_model, i);
      self->volume[i] = self->first[i] = self->next_rate[i] = self->cumulative[i] = NAN;
      self->start_day[i] = -1;
      g_hash_table_insert (index, self->stages[i], GUINT_TO_POINTER (i + 1));
    }

  /* The edges (next steps) and the loops, between stages of the plan. */
  edges = g_array_new (FALSE, TRUE, sizeof (Edge));
  loops = g_array_new (FALSE, TRUE, sizeof (Edge));
  out_edges_of = g_new0 (GArray *, MAX (n, 1));
  missing_link = g_new0 (gboolean, MAX (n_links, 1));
  entered = g_new0 (gboolean, MAX (n, 1));

  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links_model, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (index, cycle_link_get_source (link)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (index, cycle_link_get_target (link)));
      Edge e = { 0, };

      /* A loop may lead back to its own stage (members who bring members); a next step not. */
      if (from == 0 || to == 0 || (from == to && cycle_link_get_kind (link) != CYCLE_LINK_LOOP))
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
          entered[e.to] = TRUE;
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

  /* The top: where people enter the funnel, found by the links, whatever the stages' order;
   * a plan drawn only as a buyer's journey starts from its journey. */
  top = find_entry (self->stages, n, entered, CYCLE_LANE_INTERNAL);
  if (top == G_MAXUINT)
    top = find_entry (self->stages, n, entered, CYCLE_LANE_JOURNEY);
  if (top == G_MAXUINT)
    {
      g_set_error (error, CYCLE_PROJECTION_ERROR, CYCLE_PROJECTION_ERROR_NO_STAGES,
                   _("The plan has no stage to start from."));
      for (guint i = 0; i < n; i++)
        if (out_edges_of[i] != NULL)
          g_array_unref (out_edges_of[i]);
      cycle_projection_unref (self);
      return NULL;
    }
  self->top = top;

  order = topological_order (n, top, edges, out_edges_of, self->on_path);

  /* Stage timing, along the same order: a stage starts when the first people can reach it, the
   * earliest of its predecessors' start + days in stage; after a stage without days, unknown. */
  self->start_day[top] = 0;
  for (guint k = 0; k < order->len; k++)
    {
      guint u = g_array_index (order, guint, k);
      GArray *out = out_edges_of[u];
      int days = cycle_stage_get_days (self->stages[u]);

      if (self->start_day[u] < 0 || days < 0)
        continue;
      for (guint j = 0; out != NULL && j < out->len; j++)
        {
          Edge *e = &g_array_index (edges, Edge, g_array_index (out, guint, j));
          int day = self->start_day[u] + days;

          if (e->followed && (self->start_day[e->to] < 0 || day < self->start_day[e->to]))
            self->start_day[e->to] = day;
        }
    }

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

  /* The loops that count, and the stages they bring people back to: the top first. */
  targets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_val (targets, top);
  for (guint i = 0; i < loops->len; i++)
    {
      Edge *e = &g_array_index (loops, Edge, i);
      gboolean known = FALSE;

      e->followed = self->on_path[e->from] && self->on_path[e->to] && cycles != 1;
      if (!e->followed)
        continue;
      if (e->rate < 0.0)
        {
          missing_link[e->link_index] = TRUE;
          e->rate = NAN;
        }
      for (guint t = 0; t < targets->len && !known; t++)
        known = g_array_index (targets, guint, t) == e->to;
      if (!known)
        g_array_append_val (targets, e->to);
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

  /* One person entering at each target, within a cycle; then what each cycle's people bring
   * back to each target for the next. */
  nt = targets->len;
  flows = g_new0 (double, (gsize) nt * MAX (n, 1));
  for (guint t = 0; t < nt; t++)
    propagate (n, order, edges, out_edges_of, g_array_index (targets, guint, t),
               flows + (gsize) t * n);

  m = g_new0 (double, (gsize) nt * nt);
  for (guint i = 0; i < loops->len; i++)
    {
      Edge *e = &g_array_index (loops, Edge, i);
      guint row = 0;

      if (!e->followed)
        continue;
      while (g_array_index (targets, guint, row) != e->to)
        row++;
      for (guint t = 0; t < nt; t++)
        m[row * nt + t] += flows[(gsize) t * n + e->from] * e->rate;
    }

  self->gain = nt > 1 || loops->len > 0 ? estimate_gain (nt, m) : 0.0;
  total = g_new0 (double, nt);

  if (self->steady && !isnan (self->gain))
    {
      gboolean solved = solve_steady (nt, m, total);

      for (guint t = 0; solved && t < nt; t++)
        if (!(total[t] >= 0.0) || !isfinite (total[t]) || total[t] > 1e15)
          solved = FALSE;
      if (!solved || self->gain >= 1.0 - 1e-9)
        {
          /* More people each cycle than the one before: no steady state to reach. */
          self->self_sustaining = TRUE;
          self->steady = FALSE;
          self->cycles = CYCLE_PROJECTION_SUSTAINING_CYCLES;
        }
    }
  else if (self->steady)
    {
      /* A loop's rate is missing: nothing past the first cycle is known. */
      for (guint t = 0; t < nt; t++)
        total[t] = NAN;
    }

  if (!self->steady && !(self->cycles == CYCLE_PROJECTION_STEADY))
    {
      g_autofree double *x = g_new0 (double, nt);
      g_autofree double *y = g_new0 (double, nt);

      memset (total, 0, nt * sizeof (double));
      x[0] = 1.0;
      for (guint c = 0; c < self->cycles; c++)
        {
          for (guint t = 0; t < nt; t++)
            total[t] += x[t];
          for (guint r = 0; r < nt; r++)
            {
              y[r] = 0.0;
              for (guint t = 0; t < nt; t++)
                y[r] += m[r * nt + t] * x[t];
            }
          memcpy (x, y, nt * sizeof (double));
        }
      self->self_sustaining = self->self_sustaining || self->gain >= 1.0 - 1e-9;
    }

  for (guint i = 0; i < n; i++)
    {
      double unit = 0.0, unit_top = 0.0;

      if (!self->on_path[i])
        continue;
      for (guint t = 0; t < nt; t++)
        {
          unit += total[t] * flows[(gsize) t * n + i];
          unit_top += total[t] * flows[(gsize) t * n + top];
        }
      self->volume[i] = start_volume * unit;
      self->first[i] = start_volume * flows[i];
      self->cumulative[i] = unit / unit_top;
    }

  for (guint i = 0; i < n; i++)
    if (out_edges_of[i] != NULL)
      g_array_unref (out_edges_of[i]);

  return self;
}

CycleProjection *
cycle_projection_compute_for_plan (CyclePlan  *plan,
                                   GError    **error)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);

  return cycle_projection_compute (plan, cycle_plan_get_projection_start (plan),
                                   cycle_plan_get_projection_cycles (plan), error);
}

gboolean
cycle_projection_is_steady (CycleProjection *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->steady;
}

gboolean
cycle_projection_is_self_sustaining (CycleProjection *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->self_sustaining;
}

double
cycle_projection_get_gain (CycleProjection *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->gain;
}

double
cycle_projection_get_first_cycle_volume (CycleProjection *self,
                                         guint            index)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (index < self->n_stages, NAN);
  return self->first[index];
}

double
cycle_projection_get_referred_share (CycleProjection *self,
                                     guint            index)
{
  double volume, first;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (index < self->n_stages, NAN);

  volume = self->volume[index];
  first = self->first[index];
  if (isnan (volume) || isnan (first))
    return NAN;
  if (volume <= 0.0)
    return 0.0;
  return MAX (0.0, 1.0 - first / volume);
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

int
cycle_projection_get_start_day (CycleProjection *self,
                                guint            index)
{
  g_return_val_if_fail (self != NULL && index < self->n_stages, -1);
  return self->start_day[index];
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

char *
cycle_projection_describe_settings (CycleProjection *self)
{
  g_autofree char *people = NULL;
  g_autofree char *escaped_name = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  /* Shown in a terminal too: a name's control characters must not break or forge lines. */
  escaped_name = cycle_escape_controls (cycle_stage_get_name (self->stages[self->top]), -1);
  people = cycle_format_count (self->start_volume);

  if (self->steady)
    /* Translators: the projection's settings; %s are a number of people and a stage's name */
    return g_strdup_printf (_("%s people entering “%s”, every cycle added up (the steady "
                              "state)."), people, escaped_name);
  /* Translators: the projection's settings; a number of people, a stage's name, and cycles */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s people entering “%s”, over %u cycle.",
                                       "%s people entering “%s”, over %u cycles.",
                                       self->cycles),
                          people, escaped_name, self->cycles);
}

char *
cycle_projection_describe (CycleProjection *self)
{
  g_autofree char *gain = NULL;
  g_autofree char *entry = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  gain = cycle_format_times (self->gain);
  entry = cycle_projection_describe_settings (self);
  out = g_string_new (entry);

  if (self->self_sustaining)
    {
      g_string_append_c (out, ' ');
      /* Translators: %s is how many times ("×1.4") */
      g_string_append_printf (out, _("Self-sustaining: each cycle the referral loops bring %s "
                                     "as many new people as the cycle before, so the plan "
                                     "grows by itself."), gain);
      if (self->cycles == CYCLE_PROJECTION_SUSTAINING_CYCLES)
        {
          g_string_append_c (out, ' ');
          g_string_append_printf (out, _("It has no steady state: shown over %u cycles."),
                                  self->cycles);
        }
    }
  else if (self->gain > 0.0)
    {
      g_string_append_c (out, ' ');
      /* Translators: %s is how many times ("×0.23") */
      g_string_append_printf (out, _("Each cycle the referral loops bring %s as many new people "
                                     "as the cycle before."), gain);
    }
  else if (isnan (self->gain))
    {
      g_string_append_c (out, ' ');
      g_string_append (out, _("What the referral loops bring is unknown: a loop has no rate."));
    }
  else if (self->cycles != 1)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, _("No referral loop brings anyone back to the funnel yet."));
    }

  return g_string_free (out, FALSE);
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
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint widths[5] = { 0, };
  gboolean referrals;
  guint columns;
  GString *out;
  guint rows;

  g_return_val_if_fail (self != NULL, NULL);

  /* The referred share, only where a loop brings people. */
  referrals = self->gain > 0.0 || isnan (self->gain);
  columns = referrals ? 5 : 4;

  g_ptr_array_add (cells, g_strdup (_("Stage")));
  g_ptr_array_add (cells, g_strdup (_("Volume")));
  /* Translators: a column of the projection: the share of a stage's people who go on */
  g_ptr_array_add (cells, g_strdup (C_("projection column", "Next step")));
  g_ptr_array_add (cells, g_strdup (_("From the top")));
  if (referrals)
    /* Translators: a column of the projection: the share of a stage's people who came through
     * the referral loops */
    g_ptr_array_add (cells, g_strdup (C_("projection column", "Referred")));

  for (guint i = 0; i < self->n_stages; i++)
    {
      if (!self->on_path[i])
        continue;
      /* A text table, for a terminal: a name's control characters must not break its lines */
      g_ptr_array_add (cells, cycle_escape_controls (cycle_stage_get_name (self->stages[i]), -1));
      g_ptr_array_add (cells, cycle_format_number (self->volume[i]));
      g_ptr_array_add (cells, self->has_next[i] ? cycle_format_percent (self->next_rate[i])
                                                : g_strdup ("—"));
      g_ptr_array_add (cells, cycle_format_percent (self->cumulative[i]));
      if (referrals)
        g_ptr_array_add (cells,
                         cycle_format_percent (cycle_projection_get_referred_share (self, i)));
    }

  rows = cells->len / columns;
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < columns; c++)
      widths[c] = MAX (widths[c], (guint)g_utf8_strlen (g_ptr_array_index (cells, r * columns + c),
                                                        -1));

  out = g_string_new (NULL);
  for (guint r = 0; r < rows; r++)
    {
      for (guint c = 0; c < columns; c++)
        {
          const char *cell = g_ptr_array_index (cells, r * columns + c);

          if (c > 0)
            g_string_append (out, "  ");
          if (c == columns - 1)
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

  percent = cycle_format_percent (sum);
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
