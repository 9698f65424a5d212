/* cycle-layout.c: where each stage and each link of a plan goes (the shapes and the curves
 * themselves are cycle-link-path.c's)
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cycle-layout-private.h"

/* Spacing of the computed layouts, in canvas units. */
#define FUNNEL_GAP         36.0  /* between stacked trapezoids: a short arrow and its rate */
#define COLUMN_GAP        136.0  /* between the funnel and the journey column */
#define ROW_GAP            80.0  /* between the boxes of a row (two lanes): arrow + rate pill */
#define LANE_GAP          128.0  /* between the two rows (two lanes): mapping links */
#define RING_GAP           64.0  /* between neighbours on a ring */
#define INNER_RING_GAP     80.0  /* between the outer and the inner ring */
#define BAND_PADDING       20.0
#define BAND_LABEL_HEIGHT  36.0  /* funnel: the lane's name above its column */
#define BAND_HEADER_WIDTH 140.0  /* two lanes: the lane's name left of its row */

/* Layouts */

typedef struct
{
  CyclePlan   *plan;
  guint        n_stages;
  CycleStage **stages;   /* borrowed from the plan's list */
  GHashTable  *index;    /* CycleStage * → position + 1 */
} StageTable;

static void
stage_table_init (StageTable *table,
                  CyclePlan  *plan)
{
  GListModel *list = cycle_plan_get_stages (plan);

  table->plan = plan;
  table->n_stages = g_list_model_get_n_items (list);
  table->stages = g_new0 (CycleStage *, MAX (table->n_stages, 1));
  table->index = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < table->n_stages; i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (list, i);

      /* The plan holds a reference for as long as the table is used. */
      table->stages[i] = stage;
      g_hash_table_insert (table->index, stage, GUINT_TO_POINTER (i + 1));
    }
}

static void
stage_table_clear (StageTable *table)
{
  g_clear_pointer (&table->stages, g_free);
  g_clear_pointer (&table->index, g_hash_table_unref);
}

static int
stage_table_lookup (StageTable *table,
                    CycleStage *stage)
{
  if (stage == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (table->index, stage)) - 1;
}

static void
set_box (CycleStageGeometry *g,
         double              x,
         double              y)
{
  g->bounds = (CycleRect) { x, y, CYCLE_STAGE_WIDTH, CYCLE_STAGE_HEIGHT };
  g->shape = CYCLE_STAGE_SHAPE_BOX;
  g->top_width = CYCLE_STAGE_WIDTH;
  g->bottom_width = CYCLE_STAGE_WIDTH;
}

/* Indices of the stages of @lane, in plan order; returns their number. */
static guint
lane_members (StageTable *table,
              CycleLane   lane,
              guint      *members)
{
  guint n = 0;

  for (guint i = 0; i < table->n_stages; i++)
    if (cycle_stage_get_lane (table->stages[i]) == lane)
      members[n++] = i;
  return n;
}

static gboolean
volume_known (const double *volumes,
              guint         i)
{
  return volumes != NULL && !isnan (volumes[i]) && isfinite (volumes[i]) && volumes[i] >= 0;
}

/* Positions of @n_items spread over the span of @n_ref items at @pitch: the first and the last
 * line up with the first and the last of the reference, never closer than @pitch. */
static double
spread_pitch (guint  n_items,
              guint  n_ref,
              double pitch)
{
  if (n_items < 2 || n_ref < 2)
    return pitch;
  return MAX (pitch, (n_ref - 1) * pitch / (n_items - 1));
}

static void
layout_free (StageTable         *table,
             CycleStageGeometry *out)
{
  for (guint i = 0; i < table->n_stages; i++)
    set_box (&out[i], cycle_stage_get_x (table->stages[i]), cycle_stage_get_y (table->stages[i]));
}

static void
layout_funnel (StageTable         *table,
               const double       *volumes,
               CycleStageGeometry *out)
{
  g_autofree guint *internal = g_new (guint, table->n_stages + 1);
  g_autofree guint *journey = g_new (guint, table->n_stages + 1);
  g_autofree double *widths = NULL;
  guint ni = lane_members (table, CYCLE_LANE_INTERNAL, internal);
  guint nj = lane_members (table, CYCLE_LANE_JOURNEY, journey);
  gboolean proportional = ni > 0;
  double max_volume = 0, max_width = 0, pitch, journey_pitch, column_x;

  /* widths[k] is the top of trapezoid k and the bottom of trapezoid k - 1: the stack reads as
   * one funnel. */
  widths = g_new (double, ni + 1);

  for (guint k = 0; k < ni; k++)
    {
      if (!volume_known (volumes, internal[k]))
        proportional = FALSE;
      else
        max_volume = MAX (max_volume, volumes[internal[k]]);
    }
  if (max_volume <= 0)
    proportional = FALSE;

  for (guint k = 0; k < ni; k++)
    {
      if (proportional)
        widths[k] = CLAMP (CYCLE_FUNNEL_MAX_WIDTH * volumes[internal[k]] / max_volume,
                           CYCLE_FUNNEL_MIN_WIDTH, CYCLE_FUNNEL_MAX_WIDTH);
      else
        widths[k] = CYCLE_FUNNEL_MAX_WIDTH -
                    k * (CYCLE_FUNNEL_MAX_WIDTH - CYCLE_FUNNEL_MIN_WIDTH) / ni;
    }
  if (ni > 0)
    widths[ni] = proportional ? MAX (CYCLE_FUNNEL_MIN_WIDTH, widths[ni - 1] * 0.8)
                              : CYCLE_FUNNEL_MIN_WIDTH;
  for (guint k = 0; k <= ni && ni > 0; k++)
    max_width = MAX (max_width, widths[k]);

  pitch = CYCLE_STAGE_HEIGHT + FUNNEL_GAP;
  for (guint k = 0; k < ni; k++)
    {
      CycleStageGeometry *g = &out[internal[k]];
      double w = MAX (widths[k], widths[k + 1]);

      g->bounds = (CycleRect) { (max_width - w) / 2, k * pitch, w, CYCLE_STAGE_HEIGHT };
      g->shape = CYCLE_STAGE_SHAPE_TRAPEZOID;
      g->top_width = widths[k];
      g->bottom_width = widths[k + 1];
    }

  column_x = ni > 0 ? max_width + COLUMN_GAP : 0;
  journey_pitch = spread_pitch (nj, ni, pitch);
  for (guint k = 0; k < nj; k++)
    set_box (&out[journey[k]], column_x, k * journey_pitch);
}

static void
layout_two_lanes (StageTable         *table,
                  CycleStageGeometry *out)
{
  g_autofree guint *internal = g_new (guint, table->n_stages + 1);
  g_autofree guint *journey = g_new (guint, table->n_stages + 1);
  guint ni = lane_members (table, CYCLE_LANE_INTERNAL, internal);
  guint nj = lane_members (table, CYCLE_LANE_JOURNEY, journey);
  double pitch = CYCLE_STAGE_WIDTH + ROW_GAP;
  double internal_pitch = spread_pitch (ni, nj, pitch);
  double journey_pitch = spread_pitch (nj, ni, pitch);

  for (guint k = 0; k < ni; k++)
    set_box (&out[internal[k]], k * internal_pitch, 0);
  for (guint k = 0; k < nj; k++)
    set_box (&out[journey[k]], k * journey_pitch, CYCLE_STAGE_HEIGHT + LANE_GAP);
}

/* Angles are measured clockwise from the top, as a person reads a clock face. */
static void
ring_positions (guint         n,
                const double *angles,
                double        radius,
                CyclePoint   *p)
{
  for (guint i = 0; i < n; i++)
    {
      p[i].x = radius * sin (angles[i]);
      p[i].y = -radius * cos (angles[i]);
    }
}

static gboolean
boxes_clear (const CyclePoint *a,
             const CyclePoint *b,
             double            gap)
{
  return fabs (a->x - b->x) >= CYCLE_STAGE_WIDTH + gap ||
         fabs (a->y - b->y) >= CYCLE_STAGE_HEIGHT + gap;
}

static gboolean
ring_clear (const CyclePoint *p,
            guint             n)
{
  /* Small rings: every pair. Large ones: a box can only come close to its near neighbours
   * (the angles grow in order round the ring). */
  guint reach = n <= 64 ? n : 4;

  for (guint i = 0; i < n; i++)
    for (guint d = 1; d < reach && d <= n / 2; d++)
      if (!boxes_clear (&p[i], &p[(i + d) % n], RING_GAP))
        return FALSE;
  return TRUE;
}

/* The smallest radius (from @min_radius, growing by 4 %) at which @n boxes at @angles keep
 * RING_GAP between them. */
static double
ring_radius (guint         n,
             const double *angles,
             double        min_radius,
             CyclePoint   *scratch)
{
  double r;

  if (n <= 1)
    return min_radius;

  r = MAX (min_radius, n * (CYCLE_STAGE_HEIGHT + RING_GAP) / (2 * G_PI));
  for (guint iter = 0; iter < 1000; iter++)
    {
      ring_positions (n, angles, r, scratch);
      if (ring_clear (scratch, n))
        break;
      r *= 1.04;
    }
  return r;
}

/* Where the buyer's journey goes on the inner ring: each stage towards the funnel stages it is
 * mapped to, so that mapping links stay short, while keeping the journey's own order clockwise
 * and its stages apart. Stages without a mapping continue evenly from the one before. */
static void
journey_angles (StageTable   *table,
                const guint  *internal,
                guint         ni,
                const guint  *journey,
                guint         nj,
                double       *angles)
{
  GListModel *links = cycle_plan_get_links (table->plan);
  guint n_links = g_list_model_get_n_items (links);
  g_autofree int *lane_pos = g_new (int, table->n_stages + 1);
  g_autofree double *sum_x = g_new0 (double, nj + 1);
  g_autofree double *sum_y = g_new0 (double, nj + 1);
  double min_sep = 2 * G_PI / MAX (nj, 1) * 0.75;

  /* Position of each stage within its lane. */
  for (guint k = 0; k < ni; k++)
    lane_pos[internal[k]] = (int) k;
  for (guint k = 0; k < nj; k++)
    lane_pos[journey[k]] = (int) k;

  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links, i);
      int a = stage_table_lookup (table, cycle_link_get_source (link));
      int b = stage_table_lookup (table, cycle_link_get_target (link));
      CycleLane la, lb;
      double theta;
      int j;

      if (a < 0 || b < 0 || ni == 0)
        continue;
      la = cycle_stage_get_lane (table->stages[a]);
      lb = cycle_stage_get_lane (table->stages[b]);
      if (la == lb)
        continue;
      theta = 2 * G_PI * lane_pos[la == CYCLE_LANE_INTERNAL ? a : b] / ni;
      j = lane_pos[la == CYCLE_LANE_JOURNEY ? a : b];
      sum_x[j] += sin (theta);
      sum_y[j] += cos (theta);
    }

  for (guint k = 0; k < nj; k++)
    {
      gboolean mapped = hypot (sum_x[k], sum_y[k]) > 1e-9;
      double want = mapped ? atan2 (sum_x[k], sum_y[k]) : 0;

      if (want < 0)
        want += 2 * G_PI;
      if (k == 0)
        {
          angles[0] = want;
          continue;
        }
      if (!mapped)
        want = angles[k - 1] + 2 * G_PI / nj;
      /* Onwards from the previous stage, clockwise… */
      while (want <= angles[k - 1] - min_sep)
        want += 2 * G_PI;
      while (want > angles[k - 1] - min_sep + 2 * G_PI)
        want -= 2 * G_PI;
      /* …apart from it, and leaving room for the stages still to come before the first. */
      angles[k] = CLAMP (want, angles[k - 1] + min_sep,
                         angles[0] + 2 * G_PI - (nj - k) * min_sep);
    }
}

static void
layout_cycle (StageTable         *table,
              CycleStageGeometry *out)
{
  g_autofree guint *internal = g_new (guint, table->n_stages + 1);
  g_autofree guint *journey = g_new (guint, table->n_stages + 1);
  g_autofree CyclePoint *outer = g_new (CyclePoint, table->n_stages + 1);
  g_autofree CyclePoint *inner = g_new (CyclePoint, table->n_stages + 1);
  g_autofree double *outer_angles = g_new (double, table->n_stages + 1);
  g_autofree double *inner_angles = g_new (double, table->n_stages + 1);
  guint ni = lane_members (table, CYCLE_LANE_INTERNAL, internal);
  guint nj = lane_members (table, CYCLE_LANE_JOURNEY, journey);
  double r_inner = 0, r_outer = 0;

  /* The internal funnel closes into the outer ring, evenly from the top; the buyer's journey
   * turns inside it. */
  for (guint k = 0; k < ni; k++)
    outer_angles[k] = 2 * G_PI * k / ni;
  journey_angles (table, internal, ni, journey, nj, inner_angles);

  if (nj > 0)
    {
      r_inner = ring_radius (nj, inner_angles, 0, inner);
      ring_positions (nj, inner_angles, r_inner, inner);
    }
  if (ni > 0)
    {
      r_outer = ring_radius (ni, outer_angles,
                             nj > 0 ? r_inner + CYCLE_STAGE_HEIGHT + INNER_RING_GAP : 0, outer);
      for (guint iter = 0; iter < 1000; iter++)
        {
          gboolean clear = TRUE;

          ring_positions (ni, outer_angles, r_outer, outer);
          for (guint a = 0; a < ni && clear; a++)
            for (guint b = 0; b < nj && clear; b++)
              clear = boxes_clear (&outer[a], &inner[b], INNER_RING_GAP);
          if (clear)
            break;
          r_outer *= 1.04;
        }
    }

  for (guint k = 0; k < ni; k++)
    set_box (&out[internal[k]],
             outer[k].x - CYCLE_STAGE_WIDTH / 2, outer[k].y - CYCLE_STAGE_HEIGHT / 2);
  for (guint k = 0; k < nj; k++)
    set_box (&out[journey[k]],
             inner[k].x - CYCLE_STAGE_WIDTH / 2, inner[k].y - CYCLE_STAGE_HEIGHT / 2);
}

static gboolean
lane_union (StageTable               *table,
            const CycleStageGeometry *geometry,
            CycleLane                 lane,
            CycleRect                *out)
{
  gboolean any = FALSE;

  for (guint i = 0; i < table->n_stages; i++)
    {
      if (cycle_stage_get_lane (table->stages[i]) != lane)
        continue;
      if (any)
        cycle_rect_union (out, &geometry[i].bounds, out);
      else
        *out = geometry[i].bounds;
      any = TRUE;
    }
  return any;
}

/* Stretches two spans (a start and a length each) to the span that covers both. */
static void
share_extent (double *start_a,
              double *length_a,
              double *start_b,
              double *length_b)
{
  double start = MIN (*start_a, *start_b);
  double end = MAX (*start_a + *length_a, *start_b + *length_b);

  *start_a = *start_b = start;
  *length_a = *length_b = end - start;
}

static guint
lane_bands (StageTable               *table,
            CycleLayout               layout,
            const CycleStageGeometry *geometry,
            CycleLaneBand            *bands)
{
  static const CycleLane lanes[] = { CYCLE_LANE_INTERNAL, CYCLE_LANE_JOURNEY };
  guint n = 0;

  if (layout != CYCLE_LAYOUT_FUNNEL && layout != CYCLE_LAYOUT_TWO_LANES)
    return 0;

  for (guint l = 0; l < G_N_ELEMENTS (lanes); l++)
    {
      CycleRect r;

      if (!lane_union (table, geometry, lanes[l], &r))
        continue;
      _cycle_layout_rect_grow (&r, BAND_PADDING);
      bands[n].lane = lanes[l];
      bands[n].bounds = r;
      n++;
    }

  /* Bands side by side share their extent across, so the picture reads as lanes. */
  if (n == 2 && layout == CYCLE_LAYOUT_FUNNEL)
    share_extent (&bands[0].bounds.y, &bands[0].bounds.height,
                  &bands[1].bounds.y, &bands[1].bounds.height);
  else if (n == 2)
    share_extent (&bands[0].bounds.x, &bands[0].bounds.width,
                  &bands[1].bounds.x, &bands[1].bounds.width);

  for (guint i = 0; i < n; i++)
    {
      CycleRect *b = &bands[i].bounds;

      if (layout == CYCLE_LAYOUT_FUNNEL)
        {
          /* The name above the lane's column. */
          b->y -= BAND_LABEL_HEIGHT;
          b->height += BAND_LABEL_HEIGHT;
          bands[i].label = (CycleRect) { b->x + 12, b->y + 8, b->width - 24,
                                         BAND_LABEL_HEIGHT - 8 };
        }
      else
        {
          /* The name left of the lane's row. */
          b->x -= BAND_HEADER_WIDTH;
          b->width += BAND_HEADER_WIDTH;
          bands[i].label = (CycleRect) { b->x + 16, b->y + 8, BAND_HEADER_WIDTH - 16,
                                         b->height - 16 };
        }
    }

  return n;
}

guint
cycle_layout_get_lane_bands (CyclePlan                *plan,
                             CycleLayout               layout,
                             const CycleStageGeometry *geometry,
                             CycleLaneBand            *bands)
{
  StageTable table;
  guint n;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), 0);
  g_return_val_if_fail (bands != NULL, 0);

  g_return_val_if_fail (geometry != NULL ||
                        g_list_model_get_n_items (cycle_plan_get_stages (plan)) == 0, 0);

  stage_table_init (&table, plan);
  n = lane_bands (&table, layout, geometry, bands);
  stage_table_clear (&table);
  return n;
}

/* Where the stages are, so that a link asks only the stages near it whether it runs over them:
 * a grid of cells over the stages' extent, about one cell a stage, each cell listing the stages
 * that overlap it. (Asking every stage made placing the links of a 5 000-stage plan grow with the
 * square of its size.) */
typedef struct
{
  double x, y;      /* the grid's top left */
  double cell;      /* a cell's side */
  guint  columns;
  guint  rows;
  guint *starts;    /* columns × rows + 1 offsets into @members, cell after cell, row by row */
  guint *members;   /* stage positions */
  guint *seen;      /* per stage: the last visit that met it */
  guint  n_stages;
  guint  visit;
} StageGrid;

static gboolean
rect_is_finite (const CycleRect *r)
{
  return isfinite (r->x) && isfinite (r->y) && isfinite (r->width) && isfinite (r->height);
}

/* The cells @r overlaps; FALSE when it misses the grid. */
static gboolean
stage_grid_cells (const StageGrid *grid,
                  const CycleRect *r,
                  guint           *c0,
                  guint           *r0,
                  guint           *c1,
                  guint           *r1)
{
  double left = floor ((r->x - grid->x) / grid->cell);
  double top = floor ((r->y - grid->y) / grid->cell);
  double right = floor ((r->x + r->width - grid->x) / grid->cell);
  double bottom = floor ((r->y + r->height - grid->y) / grid->cell);

  if (grid->columns == 0 || !rect_is_finite (r) || right < 0 || bottom < 0 ||
      left >= grid->columns || top >= grid->rows)
    return FALSE;

  *c0 = (guint) MAX (left, 0);
  *r0 = (guint) MAX (top, 0);
  *c1 = (guint) MIN (right, grid->columns - 1.0);
  *r1 = (guint) MIN (bottom, grid->rows - 1.0);
  return TRUE;
}

static void
stage_grid_init (StageGrid                *grid,
                 const CycleStageGeometry *geometry,
                 guint                     n_stages)
{
  CycleRect extent = { 0, 0, 0, 0 };
  double largest = 1;
  guint placed = 0, n_cells;

  memset (grid, 0, sizeof *grid);
  grid->seen = g_new0 (guint, MAX (n_stages, 1));
  grid->n_stages = n_stages;

  for (guint i = 0; i < n_stages; i++)
    {
      const CycleRect *b = &geometry[i].bounds;

      if (!rect_is_finite (b))
        continue;
      if (placed++ == 0)
        extent = *b;
      else
        cycle_rect_union (&extent, b, &extent);
      largest = MAX (largest, MAX (b->width, b->height));
    }
  if (placed == 0)
    return;

  /* About one cell a stage, and no smaller than the largest stage. */
  grid->cell = MAX (sqrt (extent.width * extent.height / placed), largest);
  grid->x = extent.x;
  grid->y = extent.y;
  grid->columns = (guint) floor (extent.width / grid->cell) + 1;
  grid->rows = (guint) floor (extent.height / grid->cell) + 1;
  n_cells = grid->columns * grid->rows;
  grid->starts = g_new0 (guint, n_cells + 1);

  /* Count each cell's stages, turn the counts into offsets, then fill. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n_stages; i++)
        {
          guint c0, r0, c1, r1;

          if (!rect_is_finite (&geometry[i].bounds) ||
              !stage_grid_cells (grid, &geometry[i].bounds, &c0, &r0, &c1, &r1))
            continue;
          for (guint row = r0; row <= r1; row++)
            for (guint column = c0; column <= c1; column++)
              {
                guint cell = row * grid->columns + column;

                if (pass == 0)
                  grid->starts[cell + 1]++;
                else
                  grid->members[grid->starts[cell]++] = i;
              }
        }

      if (pass == 0)
        {
          for (guint cell = 0; cell < n_cells; cell++)
            grid->starts[cell + 1] += grid->starts[cell];
          grid->members = g_new (guint, MAX (grid->starts[n_cells], 1));
        }
      else
        {
          /* Filling moved each start to the next cell's: move them back. */
          memmove (grid->starts + 1, grid->starts, n_cells * sizeof (guint));
          grid->starts[0] = 0;
        }
    }
}

static void
stage_grid_clear (StageGrid *grid)
{
  g_clear_pointer (&grid->starts, g_free);
  g_clear_pointer (&grid->members, g_free);
  g_clear_pointer (&grid->seen, g_free);
}

/* How badly a curve runs over stages other than its own two: samples of the curve (and its rate
 * label) that fall inside them. */
static guint
path_crossings (const CycleLinkPath      *path,
                const CycleStageGeometry *geometry,
                StageGrid                *grid,
                guint                     from,
                guint                     to)
{
  CyclePoint samples[36];
  CycleRect hull;
  guint n_samples = 0, crossings = 0;
  guint c0, r0, c1, r1;

  /* The control polygon holds the curve: a cheap first filter. */
  hull.x = MIN (MIN (path->start.x, path->end.x), MIN (path->control1.x, path->control2.x));
  hull.y = MIN (MIN (path->start.y, path->end.y), MIN (path->control1.y, path->control2.y));
  hull.width = MAX (MAX (path->start.x, path->end.x),
                    MAX (path->control1.x, path->control2.x)) - hull.x;
  hull.height = MAX (MAX (path->start.y, path->end.y),
                     MAX (path->control1.y, path->control2.y)) - hull.y;
  cycle_rect_union (&hull, &(CycleRect) { path->label.x - CYCLE_LINK_LABEL_WIDTH / 2,
                                          path->label.y - CYCLE_LINK_LABEL_HEIGHT / 2,
                                          CYCLE_LINK_LABEL_WIDTH, CYCLE_LINK_LABEL_HEIGHT },
                    &hull);

  if (!stage_grid_cells (grid, &hull, &c0, &r0, &c1, &r1))
    return 0;

  /* A stage over several cells is met once. */
  if (++grid->visit == 0)
    {
      memset (grid->seen, 0, sizeof (guint) * grid->n_stages);
      grid->visit = 1;
    }

  for (guint row = r0; row <= r1; row++)
    for (guint column = c0; column <= c1; column++)
      {
        guint cell = row * grid->columns + column;

        for (guint m = grid->starts[cell]; m < grid->starts[cell + 1]; m++)
          {
            guint i = grid->members[m];

            if (grid->seen[i] == grid->visit)
              continue;
            grid->seen[i] = grid->visit;
            if (i == from || i == to || !_cycle_layout_rects_intersect (&hull, &geometry[i].bounds))
              continue;
            if (n_samples == 0)
              {
                const double hw = CYCLE_LINK_LABEL_WIDTH / 2, hh = CYCLE_LINK_LABEL_HEIGHT / 2;

                for (guint k = 0; k < 31; k++)
                  cycle_link_path_eval (path, (k + 1.0) / 32, &samples[k]);
                /* The rate label: its centre and its corners. */
                samples[31] = path->label;
                samples[32] = (CyclePoint) { path->label.x - hw, path->label.y - hh };
                samples[33] = (CyclePoint) { path->label.x + hw, path->label.y - hh };
                samples[34] = (CyclePoint) { path->label.x - hw, path->label.y + hh };
                samples[35] = (CyclePoint) { path->label.x + hw, path->label.y + hh };
                n_samples = G_N_ELEMENTS (samples);
              }
            for (guint k = 0; k < n_samples; k++)
              if (cycle_stage_geometry_contains (&geometry[i], samples[k].x, samples[k].y))
                crossings++;
          }
      }
  return crossings;
}

static void
compute_links (StageTable               *table,
               CycleLayout               layout,
               const CycleStageGeometry *geometry,
               CycleLinkPath            *out)
{
  GListModel *links = cycle_plan_get_links (table->plan);
  guint n_links = g_list_model_get_n_items (links);
  StageGrid grid;

  stage_grid_init (&grid, geometry, table->n_stages);
  for (guint i = 0; i < n_links; i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links, i);
      int from = stage_table_lookup (table, cycle_link_get_source (link));
      int to = stage_table_lookup (table, cycle_link_get_target (link));
      CycleLinkKind kind = cycle_link_get_kind (link);
      guint best = G_MAXUINT;
      gboolean far_side;

      if (from < 0 || to < 0)
        {
          /* Not drawable: an end is missing from the plan. */
          CyclePoint nowhere = { NAN, NAN };

          _cycle_layout_set_path (&out[i], &nowhere, &nowhere, &nowhere, &nowhere);
          out[i].label = nowhere;
          out[i].kind = kind;
          continue;
        }

      far_side = cycle_stage_get_lane (table->stages[from]) == CYCLE_LANE_JOURNEY &&
                 cycle_stage_get_lane (table->stages[to]) == CYCLE_LANE_JOURNEY &&
                 layout != CYCLE_LAYOUT_FREE;

      /* The first way that crosses no other stage, or else the one that crosses least. */
      for (guint v = 0; v < LINK_VARIANTS && best > 0; v++)
        {
          CycleLinkPath candidate;
          guint crossings;

          _cycle_layout_link_path_internal (&geometry[from], &geometry[to], kind, layout, v,
                                            far_side, &candidate);
          crossings = path_crossings (&candidate, geometry, &grid, from, to);
          if (crossings < best)
            {
              best = crossings;
              out[i] = candidate;
            }
        }
    }
  stage_grid_clear (&grid);
}

void
cycle_layout_compute_links (CyclePlan                *plan,
                            CycleLayout               layout,
                            const CycleStageGeometry *geometry,
                            CycleLinkPath            *out)
{
  StageTable table;

  g_return_if_fail (CYCLE_IS_PLAN (plan));
  g_return_if_fail (out != NULL || g_list_model_get_n_items (cycle_plan_get_links (plan)) == 0);

  stage_table_init (&table, plan);
  compute_links (&table, layout, geometry, out);
  stage_table_clear (&table);
}

void
cycle_layout_compute (CyclePlan          *plan,
                      CycleLayout         layout,
                      const double       *volumes,
                      CycleStageGeometry *out,
                      CycleRect          *extent)
{
  StageTable table;
  g_autofree CycleLinkPath *paths = NULL;
  CycleLaneBand bands[2];
  guint n_links, n_bands;
  CycleRect ext = { 0, 0, 0, 0 };
  gboolean any = FALSE;

  g_return_if_fail (CYCLE_IS_PLAN (plan));
  g_return_if_fail (out != NULL ||
                    g_list_model_get_n_items (cycle_plan_get_stages (plan)) == 0);

  stage_table_init (&table, plan);

  switch (layout)
    {
    case CYCLE_LAYOUT_FUNNEL:
      layout_funnel (&table, volumes, out);
      break;
    case CYCLE_LAYOUT_CYCLE:
      layout_cycle (&table, out);
      break;
    case CYCLE_LAYOUT_TWO_LANES:
      layout_two_lanes (&table, out);
      break;
    case CYCLE_LAYOUT_FREE:
    default:
      layout_free (&table, out);
      break;
    }

  /* The extent: stages, links and lane bands, and a margin round them. */
  for (guint i = 0; i < table.n_stages; i++)
    {
      if (any)
        cycle_rect_union (&ext, &out[i].bounds, &ext);
      else
        ext = out[i].bounds;
      any = TRUE;
    }

  n_links = g_list_model_get_n_items (cycle_plan_get_links (plan));
  paths = g_new0 (CycleLinkPath, MAX (n_links, 1));
  compute_links (&table, layout, out, paths);
  for (guint i = 0; i < n_links; i++)
    {
      CycleRect b;

      if (isnan (paths[i].start.x))
        continue;
      cycle_link_path_get_bounds (&paths[i], &b);
      cycle_rect_union (&ext, &b, &ext);
    }

  n_bands = lane_bands (&table, layout, out, bands);
  for (guint i = 0; i < n_bands; i++)
    cycle_rect_union (&ext, &bands[i].bounds, &ext);

  _cycle_layout_rect_grow (&ext, CYCLE_LAYOUT_MARGIN);

  /* Whole units: an exported picture has no half pixel at its edges. */
  {
    double right = ceil (ext.x + ext.width);
    double bottom = ceil (ext.y + ext.height);

    ext.x = floor (ext.x);
    ext.y = floor (ext.y);
    ext.width = right - ext.x;
    ext.height = bottom - ext.y;
  }

  /* Computed layouts start at 0,0; the free one keeps the stages where the person put them. */
  if (layout != CYCLE_LAYOUT_FREE)
    {
      for (guint i = 0; i < table.n_stages; i++)
        {
          out[i].bounds.x -= ext.x;
          out[i].bounds.y -= ext.y;
        }
      ext.x = 0;
      ext.y = 0;
    }

  if (extent != NULL)
    *extent = ext;

  stage_table_clear (&table);
}
