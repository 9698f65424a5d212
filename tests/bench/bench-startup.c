/* bench-startup.c: from start to the first frame of Cycle's first window, against a minimal
 * libadwaita window
 *
 * Starts Cycle (an empty plan: no file, a fresh settings and data folder each time) and
 * bench-startup-minimal (an AdwApplicationWindow with a header bar and a status page, the same
 * size) one after the other, each printing when its first frame was drawn
 * (CYCLE_BENCH_FIRST_FRAME). Two warm-up runs each, then paired runs; prints each one's median
 * and 90th percentile and the ratio of the medians. Target: Cycle ≤ 1.3 × the minimal window
 * (which stands for "≤ 0.7 × gnome-text-editor" measured from outside: see README).
 * Exits 1 when missed.
 *
 * usage: bench-startup CYCLE MINIMAL; CYCLE_BENCH_QUICK=1: 3 pairs, a smoke run.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "bench-startup-stats.h"

#define TARGET_RATIO 1.3
#define WARM_UP 2

/* Milliseconds from start to the program's first frame, or a negative number when it did not
 * draw one */
static double
first_frame (const char *program)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("cycle-bench-startup-XXXXXX", &error);
  g_autofree char *out = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { program, NULL };
  const char *line;
  gint64 started, drawn;
  int status = 0;

  g_assert_no_error (error);
  /* Nothing left from a run before: no recent session, no draft to offer */
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_STATE_HOME", home, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "CYCLE_BENCH_FIRST_FRAME", "1", TRUE);

  started = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error))
    g_error ("%s: %s", program, error->message);
  g_rmdir (home);

  line = out != NULL ? strstr (out, "first-frame ") : NULL;
  if (line == NULL || !g_spawn_check_wait_status (status, NULL))
    return -1.0;
  drawn = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
  return (drawn - started) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  gboolean quick = g_strcmp0 (g_getenv ("CYCLE_BENCH_QUICK"), "1") == 0;
  guint pairs = quick ? 3 : 15;
  g_autoptr(GArray) cycle = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) minimal = g_array_new (FALSE, FALSE, sizeof (double));
  double cycle_median, minimal_median, ratio;

  if (argc != 3)
    {
      g_printerr ("usage: %s CYCLE MINIMAL\n", argv[0]);
      return 2;
    }

  for (guint i = 0; i < WARM_UP + pairs; i++)
    {
      /* Paired, alternating which goes first */
      double a = i % 2 == 0 ? first_frame (argv[1]) : -2.0;
      double b = first_frame (argv[2]);

      if (i % 2 != 0)
        a = first_frame (argv[1]);
      if (a < 0 || b < 0)
        {
          printf ("# a run drew no first frame: %s\n", a < 0 ? argv[1] : argv[2]);
          return 1;
        }
      if (i < WARM_UP)
        continue;
      g_array_append_val (cycle, a);
      g_array_append_val (minimal, b);
    }

  cycle_median = bench_percentile (cycle, 0.5);
  minimal_median = bench_percentile (minimal, 0.5);
  ratio = cycle_median / minimal_median;
  printf ("# start to first frame, %u paired runs (warm), ms: median / p90\n", pairs);
  printf ("Cycle, empty plan       %7.1f / %7.1f\n", cycle_median, bench_percentile (cycle, 0.9));
  printf ("minimal libadwaita      %7.1f / %7.1f\n",
          minimal_median, bench_percentile (minimal, 0.9));
  printf ("# ratio of the medians %.2f × (target ≤ %.1f ×): %s\n", ratio, TARGET_RATIO,
          ratio <= TARGET_RATIO ? "met" : "NOT MET");

  return quick || ratio <= TARGET_RATIO ? 0 : 1;
}
