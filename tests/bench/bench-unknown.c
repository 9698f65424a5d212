/* bench-unknown.c: peak memory while loading files made of members Cycle does not know
 *
 * Members Cycle does not know are kept as compact text, without a node each. This writes the
 * worst files for that which one can make under the size limit, shape by shape — tiny values,
 * so that per-value costs weigh the most (an array of empty objects, of zeros, of empty arrays,
 * of empty strings; an unknown object with many keys; many unknown members in the top-level
 * object) — and loads each with `cycle-tool validate` in a
 * child process, whose peak resident memory (ru_maxrss, from wait4 ()) it prints beside the
 * file's size: the ratio peak / size, and (peak − the peak on an empty plan) / size, which is
 * what the file itself costs. Loading includes reading the file (1 × its size).
 *
 * Two more lines, for reference, load content items with and without an unknown member each:
 * there the model's own items dominate, whatever Cycle does not know.
 *
 * Then the worst files of known items: the smallest content items, stages, links and personas
 * one can write, one after the other, as many as a plan may hold (CYCLE_PLAN_MAX_*: the file
 * is smaller than the others when the limit comes first). Each is a GObject in the model (with
 * its strings, its place in a GListStore and in the plan's index of ids: about 300 bytes for a
 * content item, more for a stage, which has a list of its own) against 25–35 bytes of file, so
 * these stay above 4 × per byte; the limits bound what they can cost whatever the file's size.
 * They are printed against the same target, with their peak, and do not decide the exit
 * status.
 *
 * Target: peak / size ≤ 4 for every unknown-member shape. Exit status 0 when met, 1 otherwise.
 * CYCLE_BENCH_QUICK=1: 1 MiB files, a smoke run (only a failed load makes it fail).
 * CYCLE_BENCH_SIZE=N: files of about N MiB (default 64).
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "cycle-plan-io.h"

#define TARGET_RATIO 4.0
#define MODEL_TARGET_RATIO 4.0
#define MIB (1024.0 * 1024.0)

typedef struct
{
  const char *name;
  const char *head;       /* before the repeated part */
  const char *first;      /* the first repeated element, then "sep" + each next one */
  const char *sep;
  const char *tail;
  gboolean    numbered;   /* elements hold a distinct number: "%s" is replaced by it */
  gboolean    reference;  /* known members only, for comparison: not held to the target */
  gboolean    model;      /* known items only: held to MODEL_TARGET_RATIO */
  guint       limit;      /* at most so many elements (the plan's limit for their kind), or 0 */
} Shape;

#define HEAD "{\"format\":\"org.example.Cycle\",\"version\":1,"
#define TWENTY "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}"

static const Shape shapes[] = {
  { "array of {}", HEAD "\"x\":[", "{}", ",", "]}", FALSE, FALSE },
  { "array of 0", HEAD "\"x\":[", "0", ",", "]}", FALSE, FALSE },
  { "array of []", HEAD "\"x\":[", "[]", ",", "]}", FALSE, FALSE },
  { "array of \"\"", HEAD "\"x\":[", "\"\"", ",", "]}", FALSE, FALSE },
  { "object of many keys", HEAD "\"x\":{", "\"%s\":0", ",", "}}", TRUE, FALSE },
  { "many top-level members", HEAD, "\"%s\":0", ",", "}", TRUE, FALSE },
  /* Unknown members inside known objects: each content item costs the model ~600 bytes, so
   * these two are shown side by side; their difference is what the unknown members cost */
  { "content items, 150-byte unknown member",
    HEAD "\"stages\":[{\"id\":\"s\",\"name\":\"S\",\"content\":[",
    "{\"id\":\"c%s\",\"title\":\"t\",\"x\":[" TWENTY "," TWENTY "," TWENTY "," TWENTY "," TWENTY
    "," TWENTY "," TWENTY ",{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},"
    "{},{}]}",
    ",", "]}]}", TRUE, TRUE },
  { "content items, same without it",
    HEAD "\"stages\":[{\"id\":\"s\",\"name\":\"S\",\"content\":[",
    "{\"id\":\"c%s\",\"title\":\"t\"}",
    ",", "]}]}", TRUE, TRUE, FALSE, CYCLE_PLAN_MAX_CONTENT },
  /* The worst files of known items: the smallest each kind can be, so that the model's cost per
   * item weighs the most. Held to their own target, MODEL_TARGET_RATIO. */
  { "tiny content items",
    HEAD "\"stages\":[{\"id\":\"s1\",\"name\":\"S\",\"content\":[",
    "{\"id\":\"c%s\",\"title\":\"a\"}", ",", "]}]}", TRUE, FALSE, TRUE, CYCLE_PLAN_MAX_CONTENT },
  { "tiny stages",
    HEAD "\"stages\":[", "{\"id\":\"s%s\",\"name\":\"a\"}", ",", "]}", TRUE, FALSE, TRUE,
    CYCLE_PLAN_MAX_STAGES },
  { "tiny links",
    HEAD "\"stages\":[{\"id\":\"s\",\"name\":\"S\"}],\"links\":[",
    "{\"id\":\"l%s\",\"from\":\"s\",\"to\":\"s\"}", ",", "]}", TRUE, FALSE, TRUE,
    CYCLE_PLAN_MAX_LINKS },
  { "tiny personas",
    HEAD "\"personas\":[", "{\"id\":\"p%s\",\"name\":\"a\"}", ",", "]}", TRUE, FALSE, TRUE,
    CYCLE_PLAN_MAX_PERSONAS },
};

/* Short distinct keys, as compact as keys can be: base 62 */
static void
append_number (GString *out,
               guint64  n)
{
  static const char digits[] =
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  char buffer[16];
  int i = sizeof buffer;

  do
    {
      buffer[--i] = digits[n % 62];
      n /= 62;
    }
  while (n > 0);
  g_string_append_len (out, buffer + i, sizeof buffer - i);
}

static void
append_element (GString     *out,
                const Shape *shape,
                guint64      n)
{
  const char *mark = shape->numbered ? strstr (shape->first, "%s") : NULL;

  if (mark == NULL)
    {
      g_string_append (out, shape->first);
      return;
    }
  g_string_append_len (out, shape->first, mark - shape->first);
  append_number (out, n);
  g_string_append (out, mark + 2);
}

static char *
write_shape (const char  *dir,
             const Shape *shape,
             gsize        size,
             gsize       *written)
{
  g_autoptr(GString) out = g_string_sized_new (size + 256);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "shape.cycle", NULL);
  gsize tail = strlen (shape->tail);

  g_string_append (out, shape->head);
  append_element (out, shape, 0);
  for (guint64 n = 1;
       out->len + tail + strlen (shape->first) + 16 < size &&
       (shape->limit == 0 || n < shape->limit);
       n++)
    {
      g_string_append (out, shape->sep);
      append_element (out, shape, n);
    }
  g_string_append (out, shape->tail);

  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
  *written = out->len;
  return path;
}

/* Loads @path with cycle-tool validate; its peak resident memory in bytes, or 0 on failure */
static gsize
peak_of_load (const char *tool,
              const char *path)
{
  struct rusage usage;
  int status = 0;
  pid_t pid;

  fflush (stdout);
  pid = fork ();
  g_assert (pid >= 0);
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      execl (tool, tool, "validate", path, (char *) NULL);
      _exit (127);
    }

  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return 0;
  return (gsize) usage.ru_maxrss * 1024;
}

int
main (int    argc,
      char **argv)
{
  const char *tool = g_getenv ("CYCLE_TOOL");
  gboolean quick = g_strcmp0 (g_getenv ("CYCLE_BENCH_QUICK"), "1") == 0;
  const char *size_text = g_getenv ("CYCLE_BENCH_SIZE");
  gsize size = (gsize) ((quick ? 1 : size_text != NULL ? atoi (size_text) : 64) * MIB);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cycle-bench-unknown-XXXXXX", &error);
  g_autofree char *empty = NULL;
  gsize baseline;
  gsize ignored;
  gboolean met = TRUE;
  gboolean failed = FALSE;
  double worst = 0.0;
  double worst_model = 0.0;
  gsize worst_model_peak = 0;

  g_assert_no_error (error);
  if (tool == NULL)
    {
      g_printerr ("CYCLE_TOOL must name the cycle-tool to measure\n");
      return 1;
    }

  {
    static const Shape nothing = { "empty plan", HEAD "\"x\":", "0", "", "}", FALSE, FALSE };

    empty = write_shape (dir, &nothing, 0, &ignored);
    baseline = peak_of_load (tool, empty);
    g_assert_cmpuint (baseline, >, 0);
  }

  printf ("# Peak memory loading files of members Cycle does not know, about %.0f MiB each\n",
          size / MIB);
  printf ("# (cycle-tool validate; ru_maxrss). An empty plan peaks at %.1f MiB.\n",
          baseline / MIB);
  printf ("%-40s %8s %10s %8s %14s\n", "shape", "file MiB", "peak MiB", "peak/file",
          "(peak-empty)/file");

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      gsize length;
      g_autofree char *path = write_shape (dir, &shapes[i], size, &length);
      gsize peak = peak_of_load (tool, path);
      double ratio = (double) peak / length;
      double own = ((double) peak - baseline) / length;

      if (peak == 0)
        {
          printf ("%-40s %8.1f %10s\n", shapes[i].name, length / MIB, "FAILED TO LOAD");
          failed = TRUE;
        }
      else
        {
          printf ("%-40s %8.1f %10.1f %8.2f × %12.2f ×%s\n", shapes[i].name, length / MIB,
                  peak / MIB, ratio, own, shapes[i].reference ? " (reference)" : "");
          if (shapes[i].model)
            {
              worst_model = MAX (worst_model, ratio);
              worst_model_peak = MAX (worst_model_peak, peak);
            }
          else if (!shapes[i].reference)
            {
              worst = MAX (worst, ratio);
              if (ratio > TARGET_RATIO)
                met = FALSE;
            }
        }
      g_unlink (path);
    }

  printf ("# worst peak/file of the unknown-member shapes %.2f × (target ≤ %.0f ×): %s\n", worst,
          TARGET_RATIO,
          failed ? "a file did not load" : met ? "met" : "NOT MET");
  printf ("# worst peak/file of the tiny known items %.2f × (target ≤ %.0f ×): %s; "
          "their highest peak, at the plan's limits: %.1f MiB\n",
          worst_model, MODEL_TARGET_RATIO, worst_model <= MODEL_TARGET_RATIO ? "met" : "NOT MET",
          worst_model_peak / MIB);
  g_unlink (empty);
  g_rmdir (dir);

  if (failed)
    return 1;
  return quick || met ? 0 : 1;
}
