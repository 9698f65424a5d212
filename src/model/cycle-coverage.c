/* cycle-coverage.c: the coverage matrix of a checked plan, content per persona or channel and
 * stage
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-checker"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-checker-private.h"
#include "cycle-content.h"

/* Coverage */

struct _CycleCoverage
{
  gatomicrefcount    ref_count;
  CycleCoverageAxis  axis;
  guint              n_rows;
  guint              n_columns;
  CycleStage       **stages;
  char             **labels;
  CyclePersona     **personas;
  char             **channels;
  guint             *counts;    /* row × n_columns + column */
};

G_DEFINE_BOXED_TYPE (CycleCoverage, cycle_coverage, cycle_coverage_ref, cycle_coverage_unref)

CycleCoverage *
cycle_coverage_ref (CycleCoverage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cycle_coverage_unref (CycleCoverage *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_columns; i++)
    g_object_unref (self->stages[i]);
  for (guint i = 0; i < self->n_rows; i++)
    {
      g_free (self->labels[i]);
      g_free (self->channels[i]);
      g_clear_object (&self->personas[i]);
    }
  g_free (self->stages);
  g_free (self->labels);
  g_free (self->personas);
  g_free (self->channels);
  g_free (self->counts);
  g_free (self);
}

static CycleCoverage *
coverage_new (CycleCoverageAxis axis,
              guint             n_rows,
              GPtrArray        *states)
{
  CycleCoverage *self = g_new0 (CycleCoverage, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->axis = axis;
  self->n_rows = n_rows;
  self->n_columns = states->len;
  self->stages = g_new0 (CycleStage *, self->n_columns);
  self->labels = g_new0 (char *, n_rows);
  self->personas = g_new0 (CyclePersona *, n_rows);
  self->channels = g_new0 (char *, n_rows);
  self->counts = g_new0 (guint, (gsize)n_rows * self->n_columns);

  for (guint i = 0; i < states->len; i++)
    self->stages[i] = g_object_ref (((StageState *)g_ptr_array_index (states, i))->stage);

  return self;
}

/* In the order of the words shown: « dans l’application » before « e-mail » in French. */
static int
compare_channels (gconstpointer a,
                  gconstpointer b)
{
  const char *channel_a = *(const char * const *)a;
  const char *channel_b = *(const char * const *)b;
  int order = g_utf8_collate (cycle_content_channel_to_display (channel_a),
                              cycle_content_channel_to_display (channel_b));

  return order != 0 ? order : strcmp (channel_a, channel_b);
}

CycleCoverage *
cycle_checker_get_coverage (CycleChecker      *self,
                            CycleCoverageAxis  axis)
{
  CycleCoverage *coverage;
  guint n_personas;

  g_return_val_if_fail (CYCLE_IS_CHECKER (self), NULL);

  n_personas = self->personas->len;

  if (axis == CYCLE_COVERAGE_PERSONA)
    {
      gboolean none = FALSE;

      for (guint i = 0; i < self->states->len && !none; i++)
        {
          StageState *state = g_ptr_array_index (self->states, i);
          none = state->n_persona_counts == n_personas + 1 &&
                 state->persona_counts[n_personas] > 0;
        }

      coverage = coverage_new (axis, n_personas + (none ? 1 : 0), self->states);
      for (guint r = 0; r < coverage->n_rows; r++)
        {
          if (r < n_personas)
            {
              coverage->personas[r] = g_object_ref (g_ptr_array_index (self->personas, r));
              coverage->labels[r] = g_strdup (_cycle_checker_persona_name (coverage->personas[r]));
            }
          else
            {
              coverage->labels[r] = g_strdup (_("No persona"));
            }
          for (guint c = 0; c < coverage->n_columns; c++)
            {
              StageState *state = g_ptr_array_index (self->states, c);

              if (state->n_persona_counts == n_personas + 1)
                coverage->counts[r * coverage->n_columns + c] = state->persona_counts[r];
            }
        }
    }
  else
    {
      g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) channels = g_ptr_array_new ();
      guint none;

      for (guint i = 0; i < self->states->len; i++)
        {
          StageState *state = g_ptr_array_index (self->states, i);

          for (guint j = 0; j < state->content->len; j++)
            {
              const char *channel = cycle_content_get_channel (g_ptr_array_index (state->content,
                                                                                  j));

              if (channel[0] != '\0' && !g_hash_table_contains (rows, channel))
                {
                  g_hash_table_add (rows, (gpointer)channel);
                  g_ptr_array_add (channels, (gpointer)channel);
                }
            }
        }
      g_ptr_array_sort (channels, compare_channels);
      g_hash_table_remove_all (rows);
      for (guint r = 0; r < channels->len; r++)
        g_hash_table_insert (rows, g_ptr_array_index (channels, r), GUINT_TO_POINTER (r + 1));

      /* The "no channel" row, which is dropped when it stays empty. */
      none = channels->len;
      coverage = coverage_new (axis, channels->len + 1, self->states);
      for (guint c = 0; c < coverage->n_columns; c++)
        {
          StageState *state = g_ptr_array_index (self->states, c);

          for (guint j = 0; j < state->content->len; j++)
            {
              const char *channel = cycle_content_get_channel (g_ptr_array_index (state->content,
                                                                                  j));
              guint r = GPOINTER_TO_UINT (g_hash_table_lookup (rows, channel));

              coverage->counts[(r > 0 ? r - 1 : none) * coverage->n_columns + c]++;
            }
        }
      for (guint r = 0; r < channels->len; r++)
        {
          coverage->channels[r] = g_strdup (g_ptr_array_index (channels, r));
          /* Cycle's own channel words in the interface's language, the team's as typed. */
          coverage->labels[r] =
            g_strdup (cycle_content_channel_to_display (g_ptr_array_index (channels, r)));
        }
      coverage->labels[none] = g_strdup (_("No channel"));

      {
        gboolean used = FALSE;

        for (guint c = 0; c < coverage->n_columns && !used; c++)
          used = coverage->counts[none * coverage->n_columns + c] > 0;
        if (!used)
          {
            g_clear_pointer (&coverage->labels[none], g_free);
            coverage->n_rows--;
          }
      }
    }

  return coverage;
}

CycleCoverageAxis
cycle_coverage_get_axis (CycleCoverage *self)
{
  g_return_val_if_fail (self != NULL, CYCLE_COVERAGE_PERSONA);
  return self->axis;
}

guint
cycle_coverage_get_n_columns (CycleCoverage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

CycleStage *
cycle_coverage_get_stage (CycleCoverage *self,
                          guint          column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->stages[column];
}

guint
cycle_coverage_get_n_rows (CycleCoverage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

const char *
cycle_coverage_get_row_label (CycleCoverage *self,
                              guint          row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  return self->labels[row];
}

CyclePersona *
cycle_coverage_get_row_persona (CycleCoverage *self,
                                guint          row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  return self->personas[row];
}

const char *
cycle_coverage_get_row_channel (CycleCoverage *self,
                                guint          row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  return self->channels[row];
}

guint
cycle_coverage_get_count (CycleCoverage *self,
                          guint          row,
                          guint          column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->n_rows, 0);
  g_return_val_if_fail (column < self->n_columns, 0);
  return self->counts[row * self->n_columns + column];
}

gboolean
cycle_coverage_is_empty (CycleCoverage *self,
                         guint          row,
                         guint          column)
{
  return cycle_coverage_get_count (self, row, column) == 0;
}
