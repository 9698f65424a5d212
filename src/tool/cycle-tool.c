/* cycle-tool.c: Cycle without a screen — for scripts, pipelines and CI
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-tool"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cycle-checker.h"
#include "cycle-document.h"
#include "cycle-error.h"
#include "cycle-projection.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  func;
} Command;

static int cmd_validate (int argc, char **argv);
static int cmd_check (int argc, char **argv);
static int cmd_project (int argc, char **argv);

static const Command commands[] = {
  { "validate", N_("FILE…"),
    N_("Check that each plan file is valid; print “FILE: ok” or where and what is wrong"),
    cmd_validate },
  { "check", N_("FILE [--json]"),
    N_("Check the plan against the engagement-cycle ideas; exit status 1 when there are errors"),
    cmd_check },
  { "project", N_("FILE [--start N] [--cycles N]"),
    N_("Project each stage’s volume from the conversion rates (default: 1000 people, 1 cycle)"),
    cmd_project },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n  cycle-tool COMMAND [ARGUMENTS…]\n\n", _("Usage:"));
  fprintf (out, "%s\n", _("Work with Cycle plans (.cycle files) without a display."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %s %s\n      %s\n", commands[i].name, _(commands[i].args),
             _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  -h, --help     %s\n", _("Show this help"));
  fprintf (out, "  --version      %s\n", _("Show the version"));
  fprintf (out, "\n%s\n", _("Exit status: 0 when everything succeeded, 1 when a file is invalid "
                             "or could not be read, 2 for a usage error."));
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
          printf ("%s\n", message);
          status = 1;
        }
      else
        {
          printf ("%s: %s\n", name, _("ok"));
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
      fprintf (stderr, "%s\n", message);
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

      /* The list is already grouped by stage, in plan order. */
      for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
        {
          g_autoptr(CycleFinding) finding = g_list_model_get_item (findings, i);

          printf ("%s: %s: %s\n", name, severity_word (cycle_finding_get_severity (finding)),
                  cycle_finding_get_message (finding));
        }

      errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
      warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
      infos = g_strdup_printf (ngettext ("%u note", "%u notes", n_infos), n_infos);
      /* TRANSLATORS: the summary of a check: FILE: 1 error, 2 warnings, 3 notes */
      printf (_("%s: %s, %s, %s\n"), name, errors, warnings, infos);
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
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(CycleProjection) projection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *table = NULL;

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

  /* Bigger than 100 is refused below, with the same message as for 0. */
  if (cycles_text != NULL &&
      !g_ascii_string_to_unsigned (cycles_text, 10, 0, G_MAXUINT, &cycles, NULL))
    {
      fprintf (stderr, _("cycle-tool project: “%s” is not a number of cycles\n"), cycles_text);
      return 2;
    }

  name = display_name_for (path);
  document = load_document (path, name);
  if (document == NULL)
    return 1;

  projection = cycle_projection_compute (cycle_document_get_plan (document), start, cycles,
                                         &error);
  if (projection == NULL)
    {
      if (g_error_matches (error, CYCLE_PROJECTION_ERROR, CYCLE_PROJECTION_ERROR_INVALID_INPUT))
        {
          fprintf (stderr, "cycle-tool project: %s\n", error->message);
          return 2;
        }
      fprintf (stderr, "%s: %s\n", name, error->message);
      return 1;
    }

  table = cycle_projection_format_table (projection);
  printf ("%s", table);

  if (!cycle_projection_is_complete (projection))
    {
      g_autofree char *problems = cycle_projection_describe_problems (projection);
      g_auto(GStrv) lines = g_strsplit (problems, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (lines[i][0] != '\0')
          fprintf (stderr, "%s: %s\n", name, lines[i]);
      return 1;
    }

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
