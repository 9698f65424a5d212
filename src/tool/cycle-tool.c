/* cycle-tool.c: Cycle without a screen — for scripts, pipelines and CI
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-tool"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "cycle-checker.h"
#include "cycle-document.h"
#include "cycle-error.h"
#include "cycle-export.h"
#include "cycle-image-export.h"
#include "cycle-merge.h"
#include "cycle-plan-io.h"
#include "cycle-projection.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  func;
  /* Optional: the command's options, one a line, shown under the summary */
  const char  *details;
} Command;

static int cmd_validate (int argc, char **argv);
static int cmd_check (int argc, char **argv);
static int cmd_project (int argc, char **argv);
static int cmd_export (int argc, char **argv);
static int cmd_import (int argc, char **argv);
static int cmd_merge (int argc, char **argv);
static int cmd_resolve (int argc, char **argv);
static int cmd_show (int argc, char **argv);
static int cmd_diff (int argc, char **argv);

static const Command commands[] = {
  { "validate", N_("FILE…"),
    N_("Check that each plan file is valid; print “FILE: ok” or where and what is wrong"),
    cmd_validate },
  { "check", N_("FILE [--json]"),
    N_("Check the plan against the engagement-cycle ideas; exit status 1 when there are errors"),
    cmd_check },
  { "project", N_("FILE [--start N] [--cycles N | --steady]"),
    N_("Project each stage’s volume from the conversion rates and the referral loops (default: "
       "the plan’s own settings)"),
    cmd_project },
  { "export", N_("FILE -o OUT [--format FORMAT] [OPTIONS…]"),
    N_("Export the plan for other tools or for people: JSON, CSV, iCalendar, SVG, PNG or PDF"),
    cmd_export,
    N_("--format FORMAT   json, csv, ics, svg, png or pdf (default: from OUT’s extension);\n"
       "                  ics: the dated content as all-day events of a calendar\n"
       "-o OUT            the file to write; “-” for standard output (png and pdf only when\n"
       "                  it is not a terminal). A failed export leaves OUT as it was.\n"
       "--computed        json: add the projection and the findings, marked as computed\n"
       "--for-scripts     csv: English column names, the file’s words, every cell as it\n"
       "                  is, commas, no byte order mark; without it (for people), a cell\n"
       "                  starting with =, +, -, @, a tab or a carriage return gets a\n"
       "                  leading ' so that spreadsheets cannot run it as a formula, and\n"
       "                  fields are split by “;” where numbers are written 3,5 (as Excel\n"
       "                  expects there) (--stable-headers: the same, its former name)\n"
       "--delimiter D     csv: split fields by “,”, “;” or “tab” instead\n"
       "--no-bom          csv: without the UTF-8 byte order mark (Excel needs it)\n"
       "--scale N         png: pixels per canvas pixel, more than 0, at most 8 (default 1)\n"
       "--content-page    pdf: after the picture, pages listing each stage’s content\n"
       "--cycles N        the projection over N cycles of the referral loops (1 to 100)\n"
       "--steady          the projection's steady state, every cycle added up\n"
       "                  (without either: the plan's own setting)\n"
       "--layout LAYOUT   svg, png, pdf: free, funnel, cycle or two-lanes instead of the\n"
       "                  plan’s own") },
  { "import", N_("FILE.json -o OUT.cycle | FILE.csv --into PLAN.cycle -o OUT.cycle"),
    N_("Read a JSON export (“-”: standard input) into a plan file, without its computed data; "
       "or add a CSV content calendar to a plan"),
    cmd_import,
    N_("-o OUT            the plan file to write; “-” for standard output\n"
       "--into PLAN       FILE is a CSV content calendar (Cycle’s columns, in English or\n"
       "                  French, split by commas, semicolons or tabs): its rows are added\n"
       "                  to PLAN’s stages; each row left out or value not understood is\n"
       "                  said, and the exit status is then 1") },
  { "merge", N_("BASE OURS THEIRS [-o OUT]"),
    N_("Merge the changes OURS and THEIRS made to BASE, item by item (a git merge driver)"),
    cmd_merge,
    N_("-o OUT            the merged plan (default: standard output); a conflict keeps\n"
       "                  OURS’ value, is listed on standard error and recorded in the\n"
       "                  plan’s “conflicts”\n"
       "Exit status: 0 merged, 1 merged with conflicts, 2 a file could not be read or\n"
       "written, or a usage error") },
  { "resolve", N_("FILE --ours|--theirs [-o OUT]"),
    N_("Settle every conflict a merge recorded in the plan with one side’s values"),
    cmd_resolve,
    N_("-o OUT            where to write the plan (default: FILE itself)") },
  { "show", N_("FILE"),
    N_("Print the plan as text, one item a line (for git’s textconv)"),
    cmd_show },
  { "diff", N_("OLD NEW"),
    N_("Print what changed from OLD to NEW: items added, removed, changed (which field) and "
       "moved; also takes git’s seven arguments (diff.cycle.command)"),
    cmd_diff },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n  cycle-tool COMMAND [ARGUMENTS…]\n\n", _("Usage:"));
  fprintf (out, "%s\n", _("Work with Cycle plans (.cycle files) without a display."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      fprintf (out, "  %s %s\n      %s\n", commands[i].name, _(commands[i].args),
               _(commands[i].summary));
      if (commands[i].details != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (_(commands[i].details), "\n", -1);

          for (guint j = 0; lines[j] != NULL; j++)
            fprintf (out, "        %s\n", lines[j]);
        }
    }
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  -h, --help     %s\n", _("Show this help"));
  fprintf (out, "  --version      %s\n", _("Show the version"));
  fprintf (out, "\n%s\n", _("Exit status: 0 when everything succeeded, 1 when a file is invalid "
                             "or could not be read or written, 2 for a usage error."));
}

static char *
display_name_for (const char *path)
{
  return g_filename_display_name (path);
}

/* GIO's messages repeat the full path ("Error opening file “/home/…”: …"); the line already
 * starts with the file's name, so say only why. */
static const char *
io_error_reason (const GError *error)
{
  if (error->domain == G_IO_ERROR)
    {
      switch (error->code)
        {
        case G_IO_ERROR_NOT_FOUND:
          return _("no such file");
        case G_IO_ERROR_PERMISSION_DENIED:
          return _("permission denied");
        case G_IO_ERROR_IS_DIRECTORY:
          return _("is a folder, not a plan file");
        case G_IO_ERROR_NOT_REGULAR_FILE:
          return _("is not a regular file");
        default:
          break;
        }
    }

  return error->message;
}

/* Text from a plan file reaches the terminal only through here: control characters in it could
 * move the cursor, hide a line or forge an "error:" line, so they are escaped (\uXXXX), line
 * breaks included: @line is printed as one line. */
static void
print_escaped (FILE       *out,
               const char *line)
{
  g_autofree char *escaped = cycle_escape_controls (line, -1);

  fprintf (out, "%s\n", escaped);
}

static int
cmd_validate (int    argc,
              char **argv)
{
  int status = 0;

  if (argc < 1)
    {
      fprintf (stderr, "cycle-tool validate: %s\n", _("no file given"));
      return 2;
    }

  for (int i = 0; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(CycleDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = display_name_for (argv[i]);

      document = cycle_document_new_from_file (file, NULL, &error);
      if (document == NULL)
        {
          g_autofree char *message = NULL;

          if (error->domain == CYCLE_FILE_ERROR)
            message = cycle_file_error_describe (error, name);
          else
            message = g_strdup_printf ("%s: %s", name, io_error_reason (error));
          print_escaped (stdout, message);
          status = 1;
        }
      else
        {
          g_autofree char *line = g_strdup_printf ("%s: %s", name, _("ok"));

          print_escaped (stdout, line);
        }
    }

  return status;
}

/* Loads @path for a command; prints why not and returns NULL when it cannot. */
static CycleDocument *
load_document (const char *path,
               const char *name)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  CycleDocument *document;

  document = cycle_document_new_from_file (file, NULL, &error);
  if (document == NULL)
    {
      g_autofree char *message = NULL;

      if (error->domain == CYCLE_FILE_ERROR)
        message = cycle_file_error_describe (error, name);
      else
        message = g_strdup_printf ("%s: %s", name, io_error_reason (error));
      print_escaped (stderr, message);
    }
  else
    {
      guint n = cycle_plan_get_n_conflicts (cycle_document_get_plan (document));

      /* The command still works on the rest: the plan holds ours' values. */
      if (n > 0)
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%s: %u conflict left by a merge; run “cycle-tool "
                                          "resolve FILE --ours” (or --theirs) to settle it",
                                          "%s: %u conflicts left by a merge; run “cycle-tool "
                                          "resolve FILE --ours” (or --theirs) to settle them", n),
                             name, n);

          print_escaped (stderr, message);
        }
    }

  return document;
}

static const char *
severity_word (CycleSeverity severity)
{
  switch (severity)
    {
    case CYCLE_SEVERITY_ERROR:
      return _("error");
    case CYCLE_SEVERITY_WARNING:
      return _("warning");
    case CYCLE_SEVERITY_INFO:
    default:
      return _("note");
    }
}

static void
print_findings_json (GListModel *findings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  guint n = g_list_model_get_n_items (findings);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleFinding) finding = g_list_model_get_item (findings, i);
      CycleStage *stage = cycle_finding_get_stage (finding);
      CycleContent *content = cycle_finding_get_content (finding);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder,
                                     cycle_finding_kind_to_nick (cycle_finding_get_kind (finding)));
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder,
                                     cycle_severity_to_nick (cycle_finding_get_severity (finding)));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, cycle_finding_get_message (finding));
      json_builder_set_member_name (builder, "stage");
      if (stage != NULL)
        json_builder_add_string_value (builder, cycle_item_get_id (CYCLE_ITEM (stage)));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "content");
      if (content != NULL)
        json_builder_add_string_value (builder, cycle_item_get_id (CYCLE_ITEM (content)));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "fix");
      if (cycle_finding_can_fix (finding))
        json_builder_add_string_value (builder, cycle_finding_get_fix_label (finding));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, cycle_finding_get_key (finding));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static int
cmd_check (int    argc,
           char **argv)
{
  const char *path = NULL;
  gboolean json = FALSE;
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(CycleChecker) checker = NULL;
  g_autofree char *name = NULL;
  GListModel *findings;
  guint n_errors, n_warnings, n_infos;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          fprintf (stderr, _("cycle-tool check: unknown option “%s”\n"), argv[i]);
          return 2;
        }
      else if (path == NULL)
        path = argv[i];
      else
        {
          fprintf (stderr, "cycle-tool check: %s\n", _("give one file"));
          return 2;
        }
    }

  if (path == NULL)
    {
      fprintf (stderr, "cycle-tool check: %s\n", _("no file given"));
      return 2;
    }

  name = display_name_for (path);
  document = load_document (path, name);
  if (document == NULL)
    return 1;

  checker = cycle_checker_new (cycle_document_get_plan (document));
  findings = cycle_checker_get_findings (checker);
  n_errors = cycle_checker_count (checker, CYCLE_SEVERITY_ERROR);
  n_warnings = cycle_checker_count (checker, CYCLE_SEVERITY_WARNING);
  n_infos = cycle_checker_count (checker, CYCLE_SEVERITY_INFO);

  if (json)
    {
      print_findings_json (findings);
    }
  else
    {
      g_autofree char *errors = NULL;
      g_autofree char *warnings = NULL;
      g_autofree char *infos = NULL;
      g_autofree char *summary = NULL;

      /* The list is already grouped by stage, in plan order. */
      for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
        {
          g_autoptr(CycleFinding) finding = g_list_model_get_item (findings, i);
          g_autofree char *line = NULL;

          /* Translators: a finding as cycle-tool check prints it: the file, the severity
           * ("warning"), the message. French puts a no-break space before each colon. */
          line = g_strdup_printf (_("%s: %s: %s"), name,
                                  severity_word (cycle_finding_get_severity (finding)),
                                  cycle_finding_get_message (finding));
          print_escaped (stdout, line);
        }

      errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
      warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
      infos = g_strdup_printf (ngettext ("%u note", "%u notes", n_infos), n_infos);
      /* TRANSLATORS: the summary of a check: FILE: 1 error, 2 warnings, 3 notes */
      summary = g_strdup_printf (_("%s: %s, %s, %s"), name, errors, warnings, infos);
      print_escaped (stdout, summary);
    }

  return n_errors > 0 ? 1 : 0;
}

static gboolean
parse_option_value (int          argc,
                    char       **argv,
                    int         *i,
                    const char  *option,
                    const char **value)
{
  gsize len = strlen (option);

  if (strncmp (argv[*i], option, len) != 0)
    return FALSE;
  if (argv[*i][len] == '=')
    {
      *value = argv[*i] + len + 1;
      return TRUE;
    }
  if (argv[*i][len] != '\0')
    return FALSE;
  if (*i + 1 < argc)
    {
      *value = argv[++(*i)];
      return TRUE;
    }
  *value = NULL;
  return TRUE;
}

static int
cmd_project (int    argc,
             char **argv)
{
  const char *path = NULL;
  const char *start_text = NULL;
  const char *cycles_text = NULL;
  double start = 1000.0;
  guint64 cycles = 1;
  gboolean steady = FALSE;
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(CycleProjection) projection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *table = NULL;
  g_autofree char *summary = NULL;

  for (int i = 0; i < argc; i++)
    {
      const char *value = NULL;

      if (parse_option_value (argc, argv, &i, "--start", &value))
        {
          if (value == NULL)
            {
              fprintf (stderr, "cycle-tool project: %s\n", _("--start needs a number"));
              return 2;
            }
          start_text = value;
        }
      else if (parse_option_value (argc, argv, &i, "--cycles", &value))
        {
          if (value == NULL)
            {
              fprintf (stderr, "cycle-tool project: %s\n", _("--cycles needs a number"));
              return 2;
            }
          cycles_text = value;
        }
      else if (strcmp (argv[i], "--steady") == 0)
        steady = TRUE;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          fprintf (stderr, _("cycle-tool project: unknown option “%s”\n"), argv[i]);
          return 2;
        }
      else if (path == NULL)
        path = argv[i];
      else
        {
          fprintf (stderr, "cycle-tool project: %s\n", _("give one file"));
          return 2;
        }
    }

  if (path == NULL)
    {
      fprintf (stderr, "cycle-tool project: %s\n", _("no file given"));
      return 2;
    }

  if (start_text != NULL)
    {
      char *end = NULL;

      start = g_ascii_strtod (start_text, &end);
      if (end == start_text || *end != '\0' || !isfinite (start))
        {
          fprintf (stderr, _("cycle-tool project: “%s” is not a number of people\n"), start_text);
          return 2;
        }
    }

  /* Bigger than 100 is refused below. */
  if (cycles_text != NULL &&
      !g_ascii_string_to_unsigned (cycles_text, 10, 1, G_MAXUINT, &cycles, NULL))
    {
      fprintf (stderr, _("cycle-tool project: “%s” is not a number of cycles (1 or more; "
                         "--steady for the steady state)\n"), cycles_text);
      return 2;
    }
  if (cycles_text != NULL && steady)
    {
      fprintf (stderr, "cycle-tool project: %s\n", _("--cycles and --steady go one without the "
                                                     "other"));
      return 2;
    }

  name = display_name_for (path);
  document = load_document (path, name);
  if (document == NULL)
    return 1;

  /* The plan's own settings, unless the command line says otherwise. */
  if (start_text == NULL)
    start = cycle_plan_get_projection_start (cycle_document_get_plan (document));
  if (steady)
    cycles = CYCLE_PROJECTION_STEADY;
  else if (cycles_text == NULL)
    cycles = cycle_plan_get_projection_cycles (cycle_document_get_plan (document));
  projection = cycle_projection_compute (cycle_document_get_plan (document), start,
                                         (guint) MIN (cycles, G_MAXUINT), &error);
  if (projection == NULL)
    {
      if (g_error_matches (error, CYCLE_PROJECTION_ERROR, CYCLE_PROJECTION_ERROR_INVALID_INPUT))
        {
          fprintf (stderr, "cycle-tool project: %s\n", error->message);
          return 2;
        }
      else
        {
          g_autofree char *line = g_strdup_printf ("%s: %s", name, error->message);

          print_escaped (stderr, line);
          return 1;
        }
    }

  /* The table escapes the names itself: it is text for a terminal */
  table = cycle_projection_format_table (projection);
  summary = cycle_projection_describe (projection);
  printf ("%s\n%s\n", table, summary);

  if (!cycle_projection_is_complete (projection))
    {
      g_auto(GStrv) problems = cycle_projection_list_problems (projection);

      for (guint i = 0; problems[i] != NULL; i++)
        {
          g_autofree char *line = g_strdup_printf ("%s: %s", name, problems[i]);

          print_escaped (stderr, line);
        }
      return 1;
    }

  return 0;
}

/* export and import */

static const char *
layout_names (void)
{
  return "free|funnel|cycle|two-lanes";
}

/* The format a file name's extension suggests, or NULL. */
static const char *
format_from_extension (const char *path)
{
  static const char * const known[] = { "json", "csv", "ics", "svg", "png", "pdf" };
  const char *dot = strrchr (path, '.');

  if (dot == NULL || strchr (dot, '/') != NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strcasecmp (dot + 1, known[i]) == 0)
      return known[i];
  return NULL;
}

/* What export and import share on their command lines: -o/--output, the one file, and
 * refusing anything else that looks like an option. Returns 0 when argv[*i] was taken, or the
 * exit status after saying what is wrong. */
static int
parse_file_or_output (const char   *command,
                      int           argc,
                      char        **argv,
                      int          *i,
                      const char  **path,
                      const char  **out_path)
{
  const char *value = NULL;

  if (parse_option_value (argc, argv, i, "--output", &value) ||
      parse_option_value (argc, argv, i, "-o", &value))
    {
      if (value == NULL)
        {
          fprintf (stderr, "cycle-tool %s: %s\n", command,
                   _("-o needs a file name, or “-” for standard output"));
          return 2;
        }
      *out_path = value;
    }
  else if (argv[*i][0] == '-' && argv[*i][1] != '\0')
    {
      /* One message per command, as the translations have them. */
      if (g_str_equal (command, "export"))
        fprintf (stderr, _("cycle-tool export: unknown option “%s”\n"), argv[*i]);
      else
        fprintf (stderr, _("cycle-tool import: unknown option “%s”\n"), argv[*i]);
      return 2;
    }
  else if (*path == NULL)
    *path = argv[*i];
  else
    {
      fprintf (stderr, "cycle-tool %s: %s\n", command, _("give one file"));
      return 2;
    }

  return 0;
}

/* Both commands need a file and a place to write; @where says how to give the latter. */
static int
check_file_and_output (const char *command,
                       const char *path,
                       const char *out_path,
                       const char *where)
{
  if (path == NULL)
    {
      fprintf (stderr, "cycle-tool %s: %s\n", command, _("no file given"));
      return 2;
    }
  if (out_path == NULL)
    {
      fprintf (stderr, "cycle-tool %s: %s\n", command, where);
      return 2;
    }

  return 0;
}

/* Standard output as an export file, after what was printed to it before. */
static CycleExportFile *
open_stdout (void)
{
  CycleExportFile *out = cycle_export_file_new_for_fd (STDOUT_FILENO, _("standard output"));

  fflush (stdout);
  return out;
}

/* Writes @bytes to @out_path ("-": standard output) without ever leaving half a file. */
static gboolean
write_output (const char  *out_path,
              GBytes      *bytes,
              GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (g_str_equal (out_path, "-"))
    {
      g_autoptr(CycleExportFile) out = open_stdout ();
      gconstpointer data;
      gsize size;

      data = g_bytes_get_data (bytes, &size);
      return cycle_export_file_write (out, data, size, error) &&
             cycle_export_file_commit (out, error);
    }

  file = g_file_new_for_commandline_arg (out_path);
  return cycle_export_write_bytes (file, bytes, error);
}

static int
cmd_export (int    argc,
            char **argv)
{
  const char *path = NULL;
  const char *out_path = NULL;
  const char *format = NULL;
  const char *scale_text = NULL;
  const char *layout_text = NULL;
  const char *cycles_text = NULL;
  gboolean computed = FALSE, content_page = FALSE, stable = FALSE, no_bom = FALSE;
  char delimiter = 0;
  gboolean steady = FALSE;
  guint64 cycles = 0;
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  CycleImageExportOptions options;
  CycleImageFormat image_format = CYCLE_IMAGE_FORMAT_SVG;
  gboolean is_image;
  CyclePlan *plan;
  double scale = 1.0;
  int layout = CYCLE_IMAGE_EXPORT_PLAN_LAYOUT;
  gboolean ok;
  int status;

  for (int i = 0; i < argc; i++)
    {
      const char *value = NULL;

      if (parse_option_value (argc, argv, &i, "--format", &value) ||
          parse_option_value (argc, argv, &i, "-f", &value))
        {
          if (value == NULL)
            {
              fprintf (stderr, "cycle-tool export: %s\n",
                       _("--format needs json, csv, ics, svg, png or pdf"));
              return 2;
            }
          format = value;
        }
      else if (parse_option_value (argc, argv, &i, "--scale", &value))
        {
          if (value == NULL)
            {
              fprintf (stderr, "cycle-tool export: %s\n", _("--scale needs a number"));
              return 2;
            }
          scale_text = value;
        }
      else if (parse_option_value (argc, argv, &i, "--layout", &value))
        {
          if (value == NULL)
            {
              fprintf (stderr, _("cycle-tool export: --layout needs one of %s\n"),
                       layout_names ());
              return 2;
            }
          layout_text = value;
        }
      else if (parse_option_value (argc, argv, &i, "--cycles", &value))
        {
          if (value == NULL)
            {
              fprintf (stderr, "cycle-tool export: %s\n", _("--cycles needs a number"));
              return 2;
            }
          cycles_text = value;
        }
      else if (g_str_equal (argv[i], "--steady"))
        steady = TRUE;
      else if (g_str_equal (argv[i], "--computed"))
        computed = TRUE;
      else if (g_str_equal (argv[i], "--content-page"))
        content_page = TRUE;
      else if (g_str_equal (argv[i], "--for-scripts") ||
               g_str_equal (argv[i], "--stable-headers"))
        stable = TRUE;
      else if (g_str_equal (argv[i], "--no-bom"))
        no_bom = TRUE;
      else if (parse_option_value (argc, argv, &i, "--delimiter", &value))
        {
          if (value == NULL || (strcmp (value, ",") != 0 && strcmp (value, ";") != 0 &&
                                strcmp (value, "tab") != 0))
            {
              fprintf (stderr, "cycle-tool export: %s\n",
                       _("--delimiter needs “,”, “;” or “tab”"));
              return 2;
            }
          delimiter = value[0] == 't' ? '\t' : value[0];
        }
      else if ((status = parse_file_or_output ("export", argc, argv, &i, &path, &out_path)) != 0)
        return status;
    }

  status = check_file_and_output ("export", path, out_path,
                                  _("say where to write: -o FILE, or -o - for standard output"));
  if (status != 0)
    return status;
  if (format == NULL && (format = format_from_extension (out_path)) == NULL)
    {
      fprintf (stderr, "cycle-tool export: %s\n",
               _("say which format: --format json, csv, ics, svg, png or pdf"));
      return 2;
    }

  is_image = cycle_image_format_from_name (format, &image_format);
  if (!is_image && g_ascii_strcasecmp (format, "json") != 0 &&
      g_ascii_strcasecmp (format, "csv") != 0 && g_ascii_strcasecmp (format, "ics") != 0)
    {
      fprintf (stderr, _("cycle-tool export: unknown format “%s” (expected json, csv, ics, svg, "
                         "png or pdf)\n"), format);
      return 2;
    }

  /* Options that do not apply are refused rather than silently ignored. */
  if (computed && g_ascii_strcasecmp (format, "json") != 0)
    {
      fprintf (stderr, "cycle-tool export: %s\n", _("--computed applies to json only"));
      return 2;
    }
  if ((stable || no_bom || delimiter != 0) && g_ascii_strcasecmp (format, "csv") != 0)
    {
      fprintf (stderr, "cycle-tool export: %s\n",
               _("--for-scripts, --delimiter and --no-bom apply to csv only"));
      return 2;
    }
  if (scale_text != NULL && !(is_image && image_format == CYCLE_IMAGE_FORMAT_PNG))
    {
      fprintf (stderr, "cycle-tool export: %s\n", _("--scale applies to png only"));
      return 2;
    }
  if (content_page && !(is_image && image_format == CYCLE_IMAGE_FORMAT_PDF))
    {
      fprintf (stderr, "cycle-tool export: %s\n", _("--content-page applies to pdf only"));
      return 2;
    }
  if (layout_text != NULL && !is_image)
    {
      fprintf (stderr, "cycle-tool export: %s\n", _("--layout applies to svg, png and pdf"));
      return 2;
    }

  if (scale_text != NULL)
    {
      char *end = NULL;

      scale = g_ascii_strtod (scale_text, &end);
      if (end == scale_text || *end != '\0' || !(scale > 0) ||
          scale > CYCLE_IMAGE_EXPORT_MAX_SCALE)
        {
          fprintf (stderr, _("cycle-tool export: the scale must be a number more than 0 and at "
                             "most %g, not “%s”\n"), CYCLE_IMAGE_EXPORT_MAX_SCALE, scale_text);
          return 2;
        }
    }

  if (cycles_text != NULL &&
      !g_ascii_string_to_unsigned (cycles_text, 10, 1, CYCLE_PLAN_MAX_PROJECTION_CYCLES, &cycles,
                                   NULL))
    {
      fprintf (stderr, _("cycle-tool export: the number of cycles must be from 1 to %d, not "
                         "“%s”\n"), CYCLE_PLAN_MAX_PROJECTION_CYCLES, cycles_text);
      return 2;
    }
  if (cycles_text != NULL && steady)
    {
      fprintf (stderr, "cycle-tool export: %s\n", _("--cycles and --steady go one without the "
                                                    "other"));
      return 2;
    }

  if (layout_text != NULL && !cycle_enum_from_nick (CYCLE_TYPE_LAYOUT, layout_text, &layout))
    {
      fprintf (stderr, _("cycle-tool export: unknown layout “%s” (expected %s)\n"), layout_text,
               layout_names ());
      return 2;
    }

  /* PNG and PDF are binary: not to a terminal, where they would only garble the screen. */
  if (g_str_equal (out_path, "-") && is_image && image_format != CYCLE_IMAGE_FORMAT_SVG &&
      isatty (STDOUT_FILENO))
    {
      fprintf (stderr, _("cycle-tool export: will not write %s to a terminal; redirect the "
                         "output or give -o FILE\n"), cycle_image_format_to_name (image_format));
      return 2;
    }

  name = display_name_for (path);
  document = load_document (path, name);
  if (document == NULL)
    return 1;
  plan = cycle_document_get_plan (document);
  /* The projection every export shows is the plan's; these say another for this export. */
  if (steady)
    cycle_plan_set_projection_cycles (plan, CYCLE_PROJECTION_STEADY);
  else if (cycles_text != NULL)
    cycle_plan_set_projection_cycles (plan, (guint) cycles);

  if (is_image)
    {
      cycle_image_export_options_init (&options, image_format);
      options.layout = layout;
      options.scale = scale;
      options.content_pages = content_page;

      if (g_str_equal (out_path, "-"))
        {
          g_autoptr(CycleExportFile) out = open_stdout ();

          ok = cycle_image_export_write (plan, &options, out, &error) &&
               cycle_export_file_commit (out, &error);
        }
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (out_path);

          ok = cycle_image_export_to_file (plan, &options, file, &error);
        }
    }
  else
    {
      g_autoptr(GBytes) bytes = NULL;

      if (g_ascii_strcasecmp (format, "json") == 0)
        bytes = cycle_export_json (plan, computed ? CYCLE_JSON_EXPORT_COMPUTED
                                                  : CYCLE_JSON_EXPORT_NONE);
      else if (g_ascii_strcasecmp (format, "ics") == 0)
        bytes = cycle_export_ics (plan);
      else
        bytes = cycle_export_csv_with_delimiter (plan,
                                                 (stable ? CYCLE_CSV_EXPORT_FOR_SCRIPTS : 0) |
                                                 (no_bom ? CYCLE_CSV_EXPORT_NO_BOM : 0),
                                                 delimiter);
      ok = write_output (out_path, bytes, &error);
    }

  if (!ok)
    {
      fprintf (stderr, "cycle-tool export: %s\n", error->message);
      return 1;
    }

  return 0;
}

/* The whole of standard input, refusing more than a plan may hold. */
static char *
read_stdin (gsize   *length,
            GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];

  for (;;)
    {
      gssize n = read (STDIN_FILENO, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s",
                       g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      if (data->len + n > CYCLE_FILE_MAX_SIZE)
        {
          g_autofree char *limit = g_format_size_full (CYCLE_FILE_MAX_SIZE,
                                                       G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_TOO_LARGE,
                       _("the input is larger than %s, the most a plan may hold"), limit);
          return NULL;
        }
      g_byte_array_append (data, buffer, n);
    }

  *length = data->len;
  g_byte_array_append (data, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&data), FALSE);
}

static int
cmd_import (int    argc,
            char **argv)
{
  const char *path = NULL;
  const char *out_path = NULL;
  const char *into = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  int status;

  for (int i = 0; i < argc; i++)
    {
      const char *value = NULL;

      if (parse_option_value (argc, argv, &i, "--into", &value))
        {
          if (value == NULL)
            {
              fprintf (stderr, "cycle-tool import: %s\n", _("--into needs a plan file"));
              return 2;
            }
          into = value;
        }
      else if ((status = parse_file_or_output ("import", argc, argv, &i, &path, &out_path)) != 0)
        return status;
    }

  if (into != NULL)
    {
      g_autofree char *into_name = display_name_for (into);

      document = load_document (into, into_name);
      if (document == NULL)
        return 1;
    }

  status = check_file_and_output ("import", path, out_path,
                                  _("say where to write: -o FILE.cycle, or -o - for standard "
                                    "output"));
  if (status != 0)
    return status;

  if (g_str_equal (path, "-"))
    {
      name = g_strdup (_("standard input"));
      data = read_stdin (&length, &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GFileInfo) info = NULL;

      name = display_name_for (path);
      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
                                G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                                NULL, &error);
      if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "");
      else if (info != NULL && g_file_info_get_size (info) > CYCLE_FILE_MAX_SIZE)
        {
          g_autofree char *size = g_format_size_full (g_file_info_get_size (info),
                                                      G_FORMAT_SIZE_IEC_UNITS);
          g_autofree char *limit = g_format_size_full (CYCLE_FILE_MAX_SIZE,
                                                       G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (&error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_TOO_LARGE,
                       _("the file is %s; Cycle opens plans of at most %s"), size, limit);
        }
      else if (info != NULL)
        g_file_load_contents (file, NULL, &data, &length, NULL, &error);
    }

  if (error == NULL && document != NULL)
    {
      plan = g_object_ref (cycle_document_get_plan (document));
      if (cycle_import_csv (plan, data, length, &problems, &error) < 0)
        g_clear_object (&plan);
    }
  else if (error == NULL)
    plan = cycle_import_json (data, length, &error);

  if (plan == NULL)
    {
      g_autofree char *message = NULL;

      if (error->domain == CYCLE_FILE_ERROR)
        message = cycle_file_error_describe (error, name);
      else
        message = g_strdup_printf ("%s: %s", name, io_error_reason (error));
      print_escaped (stderr, message);
      return 1;
    }

  bytes = cycle_plan_to_bytes (plan);
  /* A plan file Cycle would refuse to open is not written */
  if (!g_str_equal (out_path, "-"))
    {
      g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (out_path);

      cycle_document_check_size (bytes, out_file, &error);
    }
  if (error != NULL || !write_output (out_path, bytes, &error))
    {
      fprintf (stderr, "cycle-tool import: %s\n", error->message);
      return 1;
    }

  /* Rows left out and values not understood: said, one a line, and the status says so. */
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s: %s", name,
                                               (char *) g_ptr_array_index (problems, i));

      print_escaped (stderr, line);
    }

  return problems != NULL && problems->len > 0 ? 1 : 0;
}

/* Reads a plan for merge: NULL, after saying what and where, when it cannot. */
static CyclePlan *
read_plan_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *name = display_name_for (path);
  g_autofree char *data = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  CyclePlan *plan = NULL;
  gsize length = 0;

  if (g_file_load_contents (file, NULL, &data, &length, NULL, &error))
    plan = cycle_plan_new_from_data (data, length, &error);
  if (plan != NULL)
    return plan;

  if (error->domain == CYCLE_FILE_ERROR)
    message = cycle_file_error_describe (error, name);
  else
    message = g_strdup_printf ("%s: %s", name, io_error_reason (error));
  print_escaped (stderr, message);
  return NULL;
}

static int
cmd_merge (int    argc,
           char **argv)
{
  const char *paths[3] = { NULL, NULL, NULL };
  const char *out_path = "-";
  g_autoptr(CyclePlan) base = NULL;
  g_autoptr(CyclePlan) ours = NULL;
  g_autoptr(CyclePlan) theirs = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint n_paths = 0;

  for (int i = 0; i < argc; i++)
    {
      const char *value = NULL;

      if (parse_option_value (argc, argv, &i, "--output", &value) ||
          parse_option_value (argc, argv, &i, "-o", &value))
        {
          if (value == NULL)
            {
              fprintf (stderr, "cycle-tool merge: %s\n",
                       _("-o needs a file name, or “-” for standard output"));
              return 2;
            }
          out_path = value;
        }
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          fprintf (stderr, _("cycle-tool merge: unknown option “%s”\n"), argv[i]);
          return 2;
        }
      else if (n_paths < 3)
        paths[n_paths++] = argv[i];
      else
        {
          n_paths++;
          break;
        }
    }
  if (n_paths != 3)
    {
      fprintf (stderr, "cycle-tool merge: %s\n", _("give three files: BASE OURS THEIRS"));
      return 2;
    }

  base = read_plan_file (paths[0]);
  ours = read_plan_file (paths[1]);
  theirs = read_plan_file (paths[2]);
  if (base == NULL || ours == NULL || theirs == NULL)
    return 2;

  conflicts = cycle_merge (base, ours, theirs);
  for (guint i = 0; i < conflicts->len; i++)
    {
      g_autofree char *what = cycle_conflict_describe (g_ptr_array_index (conflicts, i));
      g_autofree char *line = g_strdup_printf (_("conflict: %s"), what);

      print_escaped (stderr, line);
    }

  bytes = cycle_plan_to_bytes (ours);
  if (!write_output (out_path, bytes, &error))
    {
      fprintf (stderr, "cycle-tool merge: %s\n", error->message);
      return 2;
    }

  return conflicts->len > 0 ? 1 : 0;
}

static int
cmd_resolve (int    argc,
             char **argv)
{
  const char *path = NULL;
  const char *out_path = NULL;
  int side = -1;
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  for (int i = 0; i < argc; i++)
    {
      const char *value = NULL;

      if (g_str_equal (argv[i], "--ours"))
        side = CYCLE_MERGE_OURS;
      else if (g_str_equal (argv[i], "--theirs"))
        side = CYCLE_MERGE_THEIRS;
      else if (parse_option_value (argc, argv, &i, "--output", &value) ||
               parse_option_value (argc, argv, &i, "-o", &value))
        {
          if (value == NULL)
            {
              fprintf (stderr, "cycle-tool resolve: %s\n",
                       _("-o needs a file name, or “-” for standard output"));
              return 2;
            }
          out_path = value;
        }
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          fprintf (stderr, _("cycle-tool resolve: unknown option “%s”\n"), argv[i]);
          return 2;
        }
      else if (path == NULL)
        path = argv[i];
      else
        {
          fprintf (stderr, "cycle-tool resolve: %s\n", _("give one file"));
          return 2;
        }
    }
  if (path == NULL || side < 0)
    {
      fprintf (stderr, "cycle-tool resolve: %s\n", _("give a file and --ours or --theirs"));
      return 2;
    }

  plan = read_plan_file (path);
  if (plan == NULL)
    return 1;

  n = cycle_plan_get_n_conflicts (plan);
  for (guint i = 0; i < n; i++)
    cycle_plan_resolve_conflict (plan, 0, side);

  bytes = cycle_plan_to_bytes (plan);
  if (!write_output (out_path != NULL ? out_path : path, bytes, &error))
    {
      fprintf (stderr, "cycle-tool resolve: %s\n", error->message);
      return 1;
    }

  return 0;
}

static void
print_lines (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    print_escaped (stdout, g_ptr_array_index (lines, i));
}

static int
cmd_show (int    argc,
          char **argv)
{
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  if (argc != 1)
    {
      fprintf (stderr, "cycle-tool show: %s\n", _("give one file"));
      return 2;
    }
  plan = read_plan_file (argv[0]);
  if (plan == NULL)
    return 1;

  lines = cycle_plan_show (plan);
  print_lines (lines);
  return 0;
}

/* git gives /dev/null for the side of an added or deleted file */
static CyclePlan *
read_plan_or_nothing (const char *path)
{
  if (g_str_equal (path, "/dev/null"))
    return cycle_plan_new ();
  return read_plan_file (path);
}

static int
cmd_diff (int    argc,
          char **argv)
{
  g_autoptr(CyclePlan) a = NULL;
  g_autoptr(CyclePlan) b = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  const char *old_path, *new_path;

  /* git's diff.command: path old-file old-hex old-mode new-file new-hex new-mode */
  if (argc == 7)
    {
      old_path = argv[1];
      new_path = argv[4];
    }
  else if (argc == 2)
    {
      old_path = argv[0];
      new_path = argv[1];
    }
  else
    {
      fprintf (stderr, "cycle-tool diff: %s\n", _("give two files: OLD NEW"));
      return 2;
    }

  a = read_plan_or_nothing (old_path);
  b = read_plan_or_nothing (new_path);
  if (a == NULL || b == NULL)
    return 2;

  lines = cycle_plan_diff (a, b);
  if (argc == 7 && lines->len > 0)
    {
      g_autofree char *header = g_strdup_printf ("%s:", argv[0]);

      print_escaped (stdout, header);
    }
  print_lines (lines);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return 2;
    }

  if (g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "--help") ||
      g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return 0;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("cycle-tool %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (argc - 2, argv + 2);

  fprintf (stderr, _("cycle-tool: unknown command “%s”; see cycle-tool --help\n"), argv[1]);
  return 2;
}
