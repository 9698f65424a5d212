/* bench-startup-stats.h: the percentile both start-up benchmarks report their runs by
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

static inline int
bench_compare_doubles (gconstpointer a,
                       gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The @p-th percentile (0 to 1) of @values, nearest by rounding; sorts @values */
static inline double
bench_percentile (GArray *values,
                  double  p)
{
  g_array_sort (values, bench_compare_doubles);
  return g_array_index (values, double, (guint) (p * (values->len - 1) + 0.5));
}
