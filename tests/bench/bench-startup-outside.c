/* bench-startup-outside.c: start to the first painted frame of a program's first window, seen
 * from outside, through the X server, for Cycle against gnome-text-editor
 *
 * bench-startup times the first frame from inside (the program prints it), which only programs
 * of ours can do. Issue 14's target is stated against another application, gnome-text-editor
 * 43.2 (Debian 12's): Cycle's first window in ≤ 0.7 × its time, paired and warm. This measures
 * both the same way, as a person would see it: from the start of the process until the X
 * server has had at least half of the new top-level window painted (the DAMAGE extension
 * reports each part of the window that is drawn into for the first time, so the parts add up to
 * the area painted so far; the window's damage is followed from its creation, before it is
 * mapped, so no paint is missed). Each program starts with a fresh, empty settings, data,
 * state and cache folder (so gnome-text-editor restores no session and Cycle offers no draft),
 * is stopped with SIGTERM once painted, and is waited for before the next one starts (both are
 * single-instance applications on the session bus).
 *
 * usage: bench-startup-outside CYCLE REFERENCE [OTHER…]
 * Prints each program's median and 90th percentile over paired, alternating runs after two
 * warm-up runs each, and the ratio of CYCLE's median to REFERENCE's. Exits 1 when the ratio is
 * over 0.7 ×, 77 (skipped) when the display has no DAMAGE extension.
 * CYCLE_BENCH_QUICK=1: 3 rounds, a smoke run that does not judge.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

#include "bench-startup-stats.h"
#include "../test-tree.h"

#define TARGET_RATIO 0.7
#define WARM_UP 2
#define TIMEOUT_USEC (60 * G_USEC_PER_SEC)

typedef struct
{
  Window window;
  Damage damage;
  gint64 painted_area;
} Watched;

static Display *display;
static int damage_event_base;

static void
stop (GPid pid)
{
  int status;

  kill (pid, SIGTERM);
  for (int i = 0; i < 500; i++)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        return;
      g_usleep (10 * 1000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, &status, 0);
}

static Watched *
find_watched (GArray *watched,
              Window  window)
{
  for (guint i = 0; i < watched->len; i++)
    if (g_array_index (watched, Watched, i).window == window)
      return &g_array_index (watched, Watched, i);
  return NULL;
}

/* Whether the window is mapped and at least half of it has been painted */
static gboolean
is_painted (Watched *w)
{
  XWindowAttributes attributes;

  if (!XGetWindowAttributes (display, w->window, &attributes) || attributes.map_state != IsViewable)
    return FALSE;
  return w->painted_area * 2 >= (gint64) attributes.width * attributes.height;
}

/* Milliseconds from the start of PROGRAM to its first top-level window half painted, or a
 * negative number when none was within a minute */
static double
first_paint (const char *program)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("cycle-bench-outside-XXXXXX", &error);
  g_autoptr(GArray) watched = g_array_new (FALSE, TRUE, sizeof (Watched));
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { program, NULL };
  const char *folders[] = { "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME",
                            "XDG_CACHE_HOME" };
  gint64 started, painted = -1;
  GPid pid;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    env = g_environ_setenv (env, folders[i], home, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  /* gnome-text-editor 43.2 logs a critical at its start (its open popover's template names a
   * type not registered yet): not ours to make fatal */
  env = g_environ_unsetenv (env, "G_DEBUG");

  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSync (display, True);

  started = g_get_monotonic_time ();
  if (!g_spawn_async (NULL, (char **) argv, env,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid,
                      &error))
    g_error ("%s: %s", program, error->message);

  while (painted < 0 && g_get_monotonic_time () - started < TIMEOUT_USEC)
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };
      XEvent event;

      if (XPending (display) == 0 && poll (&fd, 1, 100) <= 0)
        continue;
      XNextEvent (display, &event);

      if (event.type == CreateNotify && !event.xcreatewindow.override_redirect)
        {
          /* Followed from its creation: its first paint comes after its map */
          Watched w = { event.xcreatewindow.window, 0, 0 };

          w.damage = XDamageCreate (display, w.window, XDamageReportDeltaRectangles);
          g_array_append_val (watched, w);
        }
      else if (event.type == damage_event_base + XDamageNotify)
        {
          XDamageNotifyEvent *damage = (XDamageNotifyEvent *) &event;
          Watched *w = find_watched (watched, damage->drawable);

          if (w == NULL)
            continue;
          w->painted_area += (gint64) damage->area.width * damage->area.height;
          if (is_painted (w))
            painted = g_get_monotonic_time ();
        }
    }

  XSelectInput (display, DefaultRootWindow (display), NoEventMask);
  stop (pid);
  g_spawn_close_pid (pid);
  /* The windows are gone with the program, and their damage objects with them */
  XSync (display, True);
  test_remove_tree (home);

  return painted < 0 ? -1.0 : (painted - started) / 1000.0;
}

static int
ignore_x_errors (Display     *d,
                 XErrorEvent *e)
{
  /* A window may be gone between its event and our request about it */
  return 0;
}

int
main (int    argc,
      char **argv)
{
  gboolean quick = g_strcmp0 (g_getenv ("CYCLE_BENCH_QUICK"), "1") == 0;
  guint rounds = quick ? 3 : 15;
  guint n_programs = argc - 1;
  g_autofree GArray **times = NULL;
  double ratio;
  int damage_error_base;

  if (argc < 3)
    {
      g_printerr ("usage: %s CYCLE REFERENCE [OTHER…]\n", argv[0]);
      return 2;
    }
  display = XOpenDisplay (NULL);
  if (display == NULL || !XDamageQueryExtension (display, &damage_event_base, &damage_error_base))
    {
      printf ("# skipped: no X display with the DAMAGE extension\n");
      return 77;
    }
  XSetErrorHandler (ignore_x_errors);

  times = g_new0 (GArray *, n_programs);
  for (guint p = 0; p < n_programs; p++)
    times[p] = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint round = 0; round < WARM_UP + rounds; round++)
    for (guint k = 0; k < n_programs; k++)
      {
        /* Alternating which goes first */
        guint p = round % 2 == 0 ? k : n_programs - 1 - k;
        double ms = first_paint (argv[1 + p]);

        if (ms < 0)
          {
            printf ("# no window painted within a minute: %s\n", argv[1 + p]);
            return 1;
          }
        if (round >= WARM_UP)
          g_array_append_val (times[p], ms);
      }

  printf ("# start to the first window half painted, seen by the X server, %u paired rounds "
          "(warm), ms: median / p90\n", rounds);
  for (guint p = 0; p < n_programs; p++)
    {
      g_autofree char *name = g_path_get_basename (argv[1 + p]);
      double median = bench_percentile (times[p], 0.5);

      printf ("%-24s %7.1f / %7.1f\n", name, median, bench_percentile (times[p], 0.9));
    }
  ratio = bench_percentile (times[0], 0.5) / bench_percentile (times[1], 0.5);
  printf ("# ratio of the medians, first to second: %.2f × (target ≤ %.1f ×): %s\n", ratio,
          TARGET_RATIO, ratio <= TARGET_RATIO ? "met" : "NOT MET");

  for (guint p = 0; p < n_programs; p++)
    g_array_unref (times[p]);
  XCloseDisplay (display);
  return quick || ratio <= TARGET_RATIO ? 0 : 1;
}
