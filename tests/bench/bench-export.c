/* bench-export.c: SVG and PNG export of big plans, beside Dia exporting the same diagram
 *
 * For 100, 1 000 and 5 000 stages, generates a plan through the model's API: stages on a grid
 * (a snake, so that consecutive stages are neighbours), every tenth one in the buyer's journey,
 * two pieces of content each, a conversion rate (so that the projected volumes are drawn), a
 * next link between consecutive stages, a loop from the last back to the first, and a mapping
 * from each journey stage to the stage five before it. Beside it, the same picture as a Dia
 * diagram (uncompressed Dia XML): a "Standard - Box" per stage where cycle-layout puts it, a
 * "Standard - Text" per box with the three lines the stage shows (name, permission, items and
 * volume), and a "Standard - Line" per link, connected to the boxes, arrows at the end, the
 * mappings dashed. 1 canvas unit is 0.05 cm, which Dia exports at 20 px/cm: Dia's SVG and PNG
 * have the size of Cycle's.
 *
 * Timed, each as the best of a few runs (the machine may be busy; the best is the least
 * disturbed):
 *   in process   cycle_image_export_to_file (): projection, layout, drawing, writing
 *   end to end   `cycle-tool export N.cycle -o out.svg` (and .png): start, load, export
 *   Dia          `dia -n -e out.svg N.dia` (and .png): start, load, export
 * The wall-clock time, and the CPU time (user + system; of each child, from its own resource
 * usage through wait4()) beside it, and each child's peak resident memory. The targets are
 * judged on CPU time: on a shared machine, the wall-clock time of a run also measures what else
 * the machine is doing.
 *
 * Targets: linear growth (the CPU time per stage at 5 000 at most 1.2 × the time per stage at
 * 1 000, in process); end to end, at 1 000 and at 5 000 stages, SVG at least 5 × and PNG at
 * least 3 × faster than Dia in CPU time, with a peak memory at most 0.5 × Dia's. Exit status 0
 * when every target is met, 1 otherwise, 77 (skipped) without Dia.
 *
 * CYCLE_BENCH_QUICK=1: 20 and 100 stages, one run — a smoke run where only a failed export (not
 * a missed target: timings that short are noise) makes the exit status 1.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cycle-export.h"
#include "cycle-image-export.h"
#include "cycle-layout.h"
#include "cycle-plan-io.h"

#define TARGET_GROWTH      1.2
#define TARGET_MEMORY      0.5
#define DIA_CM_PER_UNIT    0.05
#define GRID_DX            240.0
#define GRID_DY            130.0

typedef enum {
  FMT_SVG,
  FMT_PNG,
  N_FMTS,
} Fmt;

static const char * const fmt_names[N_FMTS] = { "svg", "png" };
/* How many times faster than Dia, in CPU time */
static const double target_dia_ratio[N_FMTS] = { 5.0, 3.0 };

typedef struct
{
  double wall;   /* seconds */
  double cpu;    /* seconds, user + system */
  double rss;    /* peak resident memory, MiB (children only) */
} Timing;

typedef struct
{
  guint  n_stages;
  guint  n_links;
  Timing in_process[N_FMTS];
  Timing tool[N_FMTS];
  Timing dia[N_FMTS];
  gboolean dia_ok[N_FMTS];
  guint64 tool_bytes[N_FMTS];
  guint64 dia_bytes[N_FMTS];
  guint   tool_png[2];
  guint   dia_png[2];
} Row;

/* The plan */

static CyclePlan *
build_plan (guint n)
{
  CyclePlan *plan = cycle_plan_new ();
  g_autofree CycleStage **stages = g_new0 (CycleStage *, n);
  guint columns = MAX (1, (guint) ceil (sqrt (n / 2.0)));

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", i + 1);
      g_autoptr(CycleStage) stage = cycle_stage_new (name);
      guint row = i / columns, column = i % columns;

      if (row % 2 == 1)
        column = columns - 1 - column;
      cycle_stage_set_position (stage, 40 + column * GRID_DX, 40 + row * GRID_DY);
      cycle_stage_set_lane (stage, i % 10 == 9 ? CYCLE_LANE_JOURNEY : CYCLE_LANE_INTERNAL);
      cycle_stage_set_permission (stage, i % 6);
      cycle_stage_set_conversion_rate (stage, 0.9);
      cycle_plan_add_stage (plan, stage, -1);
      for (guint j = 0; j < 2; j++)
        {
          g_autoptr(CycleContent) content = cycle_content_new ("Article");

          cycle_plan_add_content (plan, stage, content, -1);
        }
      stages[i] = stage;
    }

  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(CycleLink) link = cycle_link_new (stages[i], stages[i + 1], CYCLE_LINK_NEXT);

      cycle_plan_add_link (plan, link);
    }
  if (n > 1)
    {
      g_autoptr(CycleLink) link = cycle_link_new (stages[n - 1], stages[0], CYCLE_LINK_LOOP);

      cycle_link_set_rate (link, 0.1);
      cycle_plan_add_link (plan, link);
    }
  for (guint i = 9; i < n; i += 10)
    {
      g_autoptr(CycleLink) link = cycle_link_new (stages[i - 5], stages[i], CYCLE_LINK_MAPPING);

      cycle_plan_add_link (plan, link);
    }

  cycle_plan_clear_undo (plan);
  return plan;
}

/* The same picture for Dia */

static void
dia_point (GString *out,
           double   x,
           double   y)
{
  char bx[G_ASCII_DTOSTR_BUF_SIZE], by[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (bx, sizeof bx, "%.3f", x * DIA_CM_PER_UNIT);
  g_ascii_formatd (by, sizeof by, "%.3f", y * DIA_CM_PER_UNIT);
  g_string_append_printf (out, "<dia:point val=\"%s,%s\"/>", bx, by);
}

static void
dia_real (GString    *out,
          const char *name,
          double      value)
{
  char b[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (b, sizeof b, "%.3f", value);
  g_string_append_printf (out, "<dia:attribute name=\"%s\"><dia:real val=\"%s\"/>"
                               "</dia:attribute>\n", name, b);
}

static char *
dia_diagram (CyclePlan *plan)
{
  GListModel *stages = cycle_plan_get_stages (plan);
  GListModel *links = cycle_plan_get_links (plan);
  guint n = g_list_model_get_n_items (stages);
  g_autofree CycleStageGeometry *geometry = g_new0 (CycleStageGeometry, MAX (n, 1));
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  g_autofree double *volumes = NULL;
  GString *out = g_string_sized_new (2048 * (n + 1));
  guint n_volumes = 0;

  volumes = cycle_export_dup_projected_volumes (plan, &n_volumes);
  cycle_layout_compute (plan, CYCLE_LAYOUT_FREE, volumes, geometry, NULL);

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<dia:diagram xmlns:dia=\"http://www.lysator.liu.se/~alla/dia/\">\n"
                        "<dia:layer name=\"Background\" visible=\"true\" active=\"true\">\n");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);
      const CycleRect *b = &geometry[i].bounds;
      g_autofree char *text = NULL;
      g_autofree char *escaped = NULL;

      g_hash_table_insert (index, stage, GUINT_TO_POINTER (i));

      g_string_append_printf (out, "<dia:object type=\"Standard - Box\" version=\"0\" "
                                   "id=\"B%u\">\n<dia:attribute name=\"obj_pos\">", i);
      dia_point (out, b->x, b->y);
      g_string_append (out, "</dia:attribute>\n<dia:attribute name=\"elem_corner\">");
      dia_point (out, b->x, b->y);
      g_string_append (out, "</dia:attribute>\n");
      dia_real (out, "elem_width", b->width * DIA_CM_PER_UNIT);
      dia_real (out, "elem_height", b->height * DIA_CM_PER_UNIT);
      dia_real (out, "corner_radius", CYCLE_STAGE_CORNER_RADIUS * DIA_CM_PER_UNIT);
      g_string_append (out, "<dia:attribute name=\"inner_color\"><dia:color val=\"#dbe9fb\"/>"
                            "</dia:attribute>\n</dia:object>\n");

      /* The three lines a stage shows: name, permission, items and volume */
      text = g_strdup_printf ("%s\n%s\n%u items  ≈ %.0f people", cycle_stage_get_name (stage),
                              cycle_enum_get_label (CYCLE_TYPE_PERMISSION,
                                                    cycle_stage_get_permission (stage)),
                              cycle_stage_get_n_content (stage),
                              volumes != NULL && isfinite (volumes[i]) ? volumes[i] : 0.0);
      escaped = g_markup_escape_text (text, -1);
      g_string_append_printf (out, "<dia:object type=\"Standard - Text\" version=\"1\" "
                                   "id=\"T%u\">\n<dia:attribute name=\"obj_pos\">", i);
      dia_point (out, b->x + 12, b->y + 22);
      g_string_append_printf (out, "</dia:attribute>\n<dia:attribute name=\"text\">"
                                   "<dia:composite type=\"text\">\n"
                                   "<dia:attribute name=\"string\"><dia:string>#%s#"
                                   "</dia:string></dia:attribute>\n"
                                   "<dia:attribute name=\"font\"><dia:font family=\"sans\" "
                                   "style=\"0\" name=\"Helvetica\"/></dia:attribute>\n",
                              escaped);
      dia_real (out, "height", 14 * DIA_CM_PER_UNIT);
      g_string_append (out, "<dia:attribute name=\"pos\">");
      dia_point (out, b->x + 12, b->y + 22);
      g_string_append (out, "</dia:attribute>\n<dia:attribute name=\"color\"><dia:color "
                            "val=\"#2e2e2e\"/></dia:attribute>\n<dia:attribute "
                            "name=\"alignment\"><dia:enum val=\"0\"/></dia:attribute>\n"
                            "</dia:composite></dia:attribute>\n</dia:object>\n");
    }

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (index, cycle_link_get_source (link)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (index, cycle_link_get_target (link)));
      const CycleRect *a = &geometry[from].bounds, *b = &geometry[to].bounds;
      CycleLinkKind kind = cycle_link_get_kind (link);

      g_string_append_printf (out, "<dia:object type=\"Standard - Line\" version=\"0\" "
                                   "id=\"L%u\">\n<dia:attribute name=\"obj_pos\">", i);
      dia_point (out, a->x + a->width / 2, a->y + a->height / 2);
      g_string_append (out, "</dia:attribute>\n<dia:attribute name=\"conn_endpoints\">");
      dia_point (out, a->x + a->width / 2, a->y + a->height / 2);
      dia_point (out, b->x + b->width / 2, b->y + b->height / 2);
      g_string_append (out, "</dia:attribute>\n<dia:attribute name=\"end_arrow\"><dia:enum "
                            "val=\"3\"/></dia:attribute>\n");
      dia_real (out, "end_arrow_length", 0.4);
      dia_real (out, "end_arrow_width", 0.4);
      dia_real (out, "line_width", kind == CYCLE_LINK_LOOP ? 0.15 : 0.08);
      if (kind == CYCLE_LINK_MAPPING)
        g_string_append (out, "<dia:attribute name=\"line_style\"><dia:enum val=\"1\"/>"
                              "</dia:attribute>\n");
      g_string_append_printf (out, "<dia:connections><dia:connection handle=\"0\" to=\"B%u\" "
                                   "connection=\"8\"/><dia:connection handle=\"1\" to=\"B%u\" "
                                   "connection=\"8\"/></dia:connections>\n</dia:object>\n",
                              from, to);
    }

  g_string_append (out, "</dia:layer>\n</dia:diagram>\n");
  return g_string_free (out, FALSE);
}

/* Timing */

static double
cpu_of_self (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static void
keep_best (Timing *best,
           double  wall,
           double  cpu,
           double  rss)
{
  if (best->wall == 0 || wall < best->wall)
    best->wall = wall;
  if (best->cpu == 0 || cpu < best->cpu)
    best->cpu = cpu;
  /* The peak does not depend on how busy the machine is: keep the highest seen. */
  best->rss = MAX (best->rss, rss);
}

static guint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_size : 0;
}

/* A PNG's width and height, from its header */
static void
png_dimensions (const char *path,
                guint       size[2])
{
  guint8 header[24];
  FILE *f = g_fopen (path, "rb");

  size[0] = size[1] = 0;
  if (f == NULL)
    return;
  if (fread (header, 1, sizeof header, f) == sizeof header && memcmp (header + 12, "IHDR", 4) == 0)
    {
      size[0] = (guint) header[16] << 24 | header[17] << 16 | header[18] << 8 | header[19];
      size[1] = (guint) header[20] << 24 | header[21] << 16 | header[22] << 8 | header[23];
    }
  fclose (f);
}

/* Runs @argv; FALSE (and its error output on stderr) when it fails or writes nothing. */
static gboolean
run_timed (char       **argv,
           const char  *output,
           Timing      *best)
{
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();
  struct rusage usage;
  int status = 0, err_fd = -1;
  GPid pid;
  char buf[4096];
  gssize got;

  g_unlink (output);
  if (!g_spawn_async_with_pipes (NULL, argv, NULL,
                                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_DO_NOT_REAP_CHILD, NULL,
                                 NULL, &pid, NULL, NULL, &err_fd, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return FALSE;
    }
  while ((got = read (err_fd, buf, sizeof buf)) > 0)
    g_string_append_len (err, buf, got);
  close (err_fd);
  /* This child's own CPU time and peak memory */
  if (wait4 (pid, &status, 0, &usage) < 0)
    {
      g_printerr ("%s: wait4 failed\n", argv[0]);
      return FALSE;
    }
  g_spawn_close_pid (pid);
  keep_best (best, (g_get_monotonic_time () - t0) / 1e6,
             usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
             usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6,
             usage.ru_maxrss / 1024.0);

  if (!g_spawn_check_wait_status (status, &error) || file_size (output) == 0)
    {
      g_printerr ("%s failed (%s):\n%s\n", argv[0], error != NULL ? error->message : "no output",
                  err->str);
      return FALSE;
    }
  return TRUE;
}

static gboolean
export_in_process (CyclePlan  *plan,
                   Fmt         fmt,
                   const char *output,
                   Timing     *best)
{
  g_autoptr(GFile) file = g_file_new_for_path (output);
  g_autoptr(GError) error = NULL;
  CycleImageExportOptions options;
  double cpu0 = cpu_of_self ();
  gint64 t0 = g_get_monotonic_time ();

  cycle_image_export_options_init (&options, fmt == FMT_SVG ? CYCLE_IMAGE_FORMAT_SVG
                                                            : CYCLE_IMAGE_FORMAT_PNG);
  if (!cycle_image_export_to_file (plan, &options, file, &error))
    {
      g_printerr ("export: %s\n", error->message);
      return FALSE;
    }
  keep_best (best, (g_get_monotonic_time () - t0) / 1e6, cpu_of_self () - cpu0, 0);
  return TRUE;
}

static gboolean
measure (guint        n,
         guint        runs,
         const char  *dir,
         const char  *tool,
         const char  *dia,
         Row         *row)
{
  g_autoptr(CyclePlan) plan = build_plan (n);
  g_autoptr(GBytes) bytes = cycle_plan_to_bytes (plan);
  g_autofree char *plan_path = g_strdup_printf ("%s/plan-%u.cycle", dir, n);
  g_autofree char *dia_path = g_strdup_printf ("%s/plan-%u.dia", dir, n);
  g_autofree char *diagram = dia_diagram (plan);
  gboolean ok = TRUE;

  memset (row, 0, sizeof *row);
  row->n_stages = n;
  row->n_links = g_list_model_get_n_items (cycle_plan_get_links (plan));

  if (!g_file_set_contents (plan_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            NULL) ||
      !g_file_set_contents (dia_path, diagram, -1, NULL))
    return FALSE;

  for (Fmt f = 0; f < N_FMTS; f++)
    {
      g_autofree char *lib_out = g_strdup_printf ("%s/lib-%u.%s", dir, n, fmt_names[f]);
      g_autofree char *tool_out = g_strdup_printf ("%s/tool-%u.%s", dir, n, fmt_names[f]);
      g_autofree char *dia_out = g_strdup_printf ("%s/dia-%u.%s", dir, n, fmt_names[f]);
      char *tool_argv[] = { (char *) tool, (char *) "export", plan_path, (char *) "-o",
                            tool_out, NULL };
      char *dia_argv[] = { (char *) dia, (char *) "-n", (char *) "-e", dia_out, dia_path,
                           NULL };

      for (guint r = 0; r < runs; r++)
        ok &= export_in_process (plan, f, lib_out, &row->in_process[f]);
      for (guint r = 0; r < runs; r++)
        ok &= run_timed (tool_argv, tool_out, &row->tool[f]);
      row->tool_bytes[f] = file_size (tool_out);

      row->dia_ok[f] = dia != NULL;
      for (guint r = 0; dia != NULL && r < runs && row->dia_ok[f]; r++)
        row->dia_ok[f] = run_timed (dia_argv, dia_out, &row->dia[f]);
      row->dia_bytes[f] = file_size (dia_out);
      if (f == FMT_PNG)
        {
          png_dimensions (tool_out, row->tool_png);
          png_dimensions (dia_out, row->dia_png);
        }

      g_unlink (lib_out);
      g_unlink (tool_out);
      g_unlink (dia_out);
    }

  g_unlink (plan_path);
  g_unlink (dia_path);
  return ok;
}

static double
per_stage_us (double   seconds,
              guint    n)
{
  return seconds * 1e6 / n;
}

int
main (int    argc,
      char **argv)
{
  gboolean quick = g_strcmp0 (g_getenv ("CYCLE_BENCH_QUICK"), "1") == 0;
  static const guint full_sizes[] = { 100, 1000, 5000 };
  static const guint full_runs[] = { 5, 3, 2 };
  static const guint quick_sizes[] = { 20, 100 };
  static const guint quick_runs[] = { 1, 1 };
  const guint *sizes = quick ? quick_sizes : full_sizes;
  const guint *runs = quick ? quick_runs : full_runs;
  guint n_sizes = quick ? G_N_ELEMENTS (quick_sizes) : G_N_ELEMENTS (full_sizes);
  g_autofree char *dia = g_find_program_in_path ("dia");
  const char *tool = g_getenv ("CYCLE_TOOL");
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  Row rows[G_N_ELEMENTS (full_sizes)];
  Row empty;
  gboolean ok = TRUE, targets_met = TRUE;

  if (tool == NULL)
    {
      g_printerr ("CYCLE_TOOL must name the cycle-tool to run\n");
      return 1;
    }
  dir = g_dir_make_tmp ("cycle-bench-export-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  printf ("Export benchmark: SVG and PNG of plans with %s stages, beside Dia%s\n",
          quick ? "20 and 100" : "100, 1 000 and 5 000",
          quick ? " (CYCLE_BENCH_QUICK=1: a smoke run)" : "");
  if (dia == NULL)
    printf ("Dia is not installed (apt-get install dia): its side is left out.\n");

  /* Fonts, pango and cairo warm up outside the timings, as in a running app */
  {
    Row warm;

    ok &= measure (10, 1, dir, tool, NULL, &warm);
  }

  /* What starting, loading and exporting nothing costs each program */
  ok &= measure (0, quick ? 1 : 5, dir, tool, dia, &empty);
  for (guint i = 0; i < n_sizes; i++)
    {
      ok &= measure (sizes[i], runs[i], dir, tool, dia, &rows[i]);
      fflush (stdout);
    }
  g_rmdir (dir);

  printf ("\nBest of 5 / 3 / 2 runs; wall-clock seconds, CPU seconds (user + system) in "
          "brackets.\n\n");
  for (Fmt f = 0; f < N_FMTS; f++)
    {
      printf ("%s   %7s %6s | %-17s | %-17s | %-17s | %s\n", f == FMT_SVG ? "SVG" : "PNG",
              "stages", "links", "in process", "cycle-tool export", "dia -n -e",
              "Dia ÷ cycle-tool");
      for (guint i = 0; i < n_sizes; i++)
        {
          Row *r = &rows[i];

          printf ("      %7u %6u | %6.3f (%6.3f)  | %6.3f (%6.3f)  |", r->n_stages, r->n_links,
                  r->in_process[f].wall, r->in_process[f].cpu, r->tool[f].wall, r->tool[f].cpu);
          if (r->dia_ok[f])
            printf (" %6.3f (%6.3f)  | %5.1f× (CPU %5.1f×)\n", r->dia[f].wall, r->dia[f].cpu,
                    r->dia[f].wall / r->tool[f].wall, r->dia[f].cpu / r->tool[f].cpu);
          else
            printf (" %17s | —\n", "—");
        }
      printf ("      peak memory, MiB:");
      for (guint i = 0; i < n_sizes; i++)
        printf ("  %u: %.1f (Dia %.1f, %.2f ×)", rows[i].n_stages, rows[i].tool[f].rss,
                rows[i].dia[f].rss, rows[i].dia_ok[f] ? rows[i].tool[f].rss / rows[i].dia[f].rss
                                                      : NAN);
      printf ("\n");
      printf ("      sizes:");
      for (guint i = 0; i < n_sizes; i++)
        printf ("  %u: %.1f MB (Dia %.1f MB)", rows[i].n_stages, rows[i].tool_bytes[f] / 1e6,
                rows[i].dia_bytes[f] / 1e6);
      printf ("\n");
      if (f == FMT_PNG)
        {
          printf ("      pixels:");
          for (guint i = 0; i < n_sizes; i++)
            printf ("  %u: %u × %u (Dia %u × %u)", rows[i].n_stages, rows[i].tool_png[0],
                    rows[i].tool_png[1], rows[i].dia_png[0], rows[i].dia_png[1]);
          printf ("\n");
        }
      printf ("\n");
    }

  printf ("An empty plan (starting, loading, exporting nothing), CPU s: cycle-tool SVG %.3f, "
          "PNG %.3f; Dia SVG %.3f, PNG %.3f\n\n", empty.tool[FMT_SVG].cpu,
          empty.tool[FMT_PNG].cpu, empty.dia_ok[FMT_SVG] ? empty.dia[FMT_SVG].cpu : NAN,
          empty.dia_ok[FMT_PNG] ? empty.dia[FMT_PNG].cpu : NAN);

  printf ("Growth: CPU time per stage, µs (in process | cycle-tool | Dia)\n");
  for (Fmt f = 0; f < N_FMTS; f++)
    {
      printf ("  %s:", f == FMT_SVG ? "SVG" : "PNG");
      for (guint i = 0; i < n_sizes; i++)
        printf ("  %u: %.0f | %.0f | %.0f", rows[i].n_stages,
                per_stage_us (rows[i].in_process[f].cpu, rows[i].n_stages),
                per_stage_us (rows[i].tool[f].cpu, rows[i].n_stages),
                rows[i].dia_ok[f] ? per_stage_us (rows[i].dia[f].cpu, rows[i].n_stages) : NAN);
      printf ("\n");
    }
  printf ("Beyond the empty plan's time, µs per stage (cycle-tool | Dia)\n");
  for (Fmt f = 0; f < N_FMTS; f++)
    {
      printf ("  %s:", f == FMT_SVG ? "SVG" : "PNG");
      for (guint i = 0; i < n_sizes; i++)
        printf ("  %u: %.0f | %.0f", rows[i].n_stages,
                per_stage_us (rows[i].tool[f].cpu - empty.tool[f].cpu, rows[i].n_stages),
                rows[i].dia_ok[f] && empty.dia_ok[f]
                ? per_stage_us (rows[i].dia[f].cpu - empty.dia[f].cpu, rows[i].n_stages) : NAN);
      printf ("\n");
    }

  if (!quick)
    {
      printf ("\nTargets:\n");
      for (Fmt f = 0; f < N_FMTS; f++)
        {
          /* rows[1] is 1 000 stages, rows[2] 5 000 */
          double growth = (rows[2].in_process[f].cpu / rows[2].n_stages) /
                          (rows[1].in_process[f].cpu / rows[1].n_stages);
          double exponent = log (rows[2].in_process[f].cpu / rows[1].in_process[f].cpu) /
                            log ((double) rows[2].n_stages / rows[1].n_stages);
          gboolean linear = growth <= TARGET_GROWTH;

          printf ("  %s linear growth: CPU time per stage at 5 000 = %.2f × at 1 000 (∝ n^%.2f)"
                  " — %s (at most %.1f ×)\n", fmt_names[f], growth, exponent,
                  linear ? "met" : "MISSED", TARGET_GROWTH);
          targets_met &= linear;

          for (guint i = 1; i < n_sizes; i++)
            {
              double ratio, memory;
              gboolean fast, small;

              if (!rows[i].dia_ok[f])
                continue;
              ratio = rows[i].dia[f].cpu / rows[i].tool[f].cpu;
              memory = rows[i].tool[f].rss / rows[i].dia[f].rss;
              fast = ratio >= target_dia_ratio[f];
              small = memory <= TARGET_MEMORY;
              printf ("  %s at %u stages: cycle-tool %.3f s, Dia %.3f s of CPU: %.1f × faster"
                      " — %s (at least %.0f ×)\n", fmt_names[f], rows[i].n_stages,
                      rows[i].tool[f].cpu, rows[i].dia[f].cpu, ratio, fast ? "met" : "MISSED",
                      target_dia_ratio[f]);
              printf ("  %s at %u stages: peak memory %.1f MiB, Dia %.1f MiB: %.2f × — %s "
                      "(at most %.1f ×)\n", fmt_names[f], rows[i].n_stages, rows[i].tool[f].rss,
                      rows[i].dia[f].rss, memory, small ? "met" : "MISSED", TARGET_MEMORY);
              targets_met &= fast && small;
            }
        }
    }

  if (!ok)
    {
      printf ("\nAn export failed.\n");
      return 1;
    }
  if (dia == NULL)
    return 77;
  return quick || targets_met ? 0 : 1;
}
