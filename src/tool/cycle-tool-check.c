/* cycle-tool-check.c: the commands that read a plan — validate, check, project
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-tool"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "cycle-checker.h"
#include "cycle-error.h"
#include "cycle-format.h"
#include "cycle-plan.h"
#include "cycle-projection.h"
#include "cycle-tool-private.h"

/* validate */

static int
validate (const CycleToolCommand  *command,
          int                      argc,
          char                   **argv)
{
  int status = 0;

  if (!cycle_tool_parse (command, &argc, &argv))
    return 2;
  if (argc < 2)
    return cycle_tool_usage_error (command, _("no file given"));

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(CycleDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = cycle_tool_display_name (argv[i]);
      g_autofree char *line = NULL;

      document = cycle_document_new_from_file (file, NULL, &error);
      if (document == NULL)
        {
          line = cycle_tool_describe_error (error, name);
          status = 1;
        }
      else
        line = g_strdup_printf ("%s: %s", name, _("ok"));
      cycle_tool_print_escaped (stdout, line);
    }

  return status;
}

const CycleToolCommand cycle_tool_validate_command = {
  "validate", N_("FILE…"),
  N_("Check that each plan file is valid; print “FILE: ok” or where and what is wrong"),
  validate, NULL, NULL,
};

/* check */

static gboolean check_json;

static const GOptionEntry check_entries[] = {
  { "json", 0, 0, G_OPTION_ARG_NONE, &check_json,
    N_("Print the findings as JSON: kind, severity, message, stage, content, fix, key"), NULL },
  { NULL }
};

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
add_id_member (JsonBuilder *builder,
               const char  *member,
               gpointer     item)
{
  json_builder_set_member_name (builder, member);
  if (item != NULL)
    json_builder_add_string_value (builder, cycle_item_get_id (CYCLE_ITEM (item)));
  else
    json_builder_add_null_value (builder);
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

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder,
                                     cycle_finding_kind_to_nick (cycle_finding_get_kind (finding)));
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder,
                                     cycle_severity_to_nick (cycle_finding_get_severity (finding)));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, cycle_finding_get_message (finding));
      add_id_member (builder, "stage", cycle_finding_get_stage (finding));
      add_id_member (builder, "content", cycle_finding_get_content (finding));
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

static void
print_findings (GListModel *findings,
                const char *name)
{
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
      cycle_tool_print_escaped (stdout, line);
    }
}

static int
check (const CycleToolCommand  *command,
       int                      argc,
       char                   **argv)
{
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(CycleChecker) checker = NULL;
  g_autofree char *name = NULL;
  GListModel *findings;
  guint n_errors, n_warnings, n_infos;

  if (!cycle_tool_parse_file (command, &argc, &argv))
    return 2;

  name = cycle_tool_display_name (argv[1]);
  document = cycle_tool_load_document (argv[1], name);
  if (document == NULL)
    return 1;

  checker = cycle_checker_new (cycle_document_get_plan (document));
  findings = cycle_checker_get_findings (checker);
  n_errors = cycle_checker_count (checker, CYCLE_SEVERITY_ERROR);
  n_warnings = cycle_checker_count (checker, CYCLE_SEVERITY_WARNING);
  n_infos = cycle_checker_count (checker, CYCLE_SEVERITY_INFO);

  if (check_json)
    print_findings_json (findings);
  else
    {
      g_autofree char *errors = NULL;
      g_autofree char *warnings = NULL;
      g_autofree char *infos = NULL;
      g_autofree char *summary = NULL;

      print_findings (findings, name);
      errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
      warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
      infos = g_strdup_printf (ngettext ("%u note", "%u notes", n_infos), n_infos);
      /* TRANSLATORS: the summary of a check: FILE: 1 error, 2 warnings, 3 notes */
      summary = g_strdup_printf (_("%s: %s, %s, %s"), name, errors, warnings, infos);
      cycle_tool_print_escaped (stdout, summary);
    }

  return n_errors > 0 ? 1 : 0;
}

const CycleToolCommand cycle_tool_check_command = {
  "check", N_("FILE"),
  N_("Check the plan against the engagement-cycle ideas; exit status 1 when there are errors"),
  check, check_entries, NULL,
};

/* project */

static char *project_start;
static char *project_cycles;
static gboolean project_steady;

static const GOptionEntry project_entries[] = {
  { "start", 0, 0, G_OPTION_ARG_STRING, &project_start,
    N_("People at the first stage (default: the plan’s own setting)"), N_("N") },
  { "cycles", 0, 0, G_OPTION_ARG_STRING, &project_cycles,
    N_("The projection over N cycles of the referral loops (1 to 100)"), N_("N") },
  { "steady", 0, 0, G_OPTION_ARG_NONE, &project_steady,
    N_("The projection’s steady state, every cycle added up"), NULL },
  { NULL }
};

static int
project (const CycleToolCommand  *command,
         int                      argc,
         char                   **argv)
{
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(CycleProjection) projection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *table = NULL;
  g_autofree char *summary = NULL;
  CyclePlan *plan;
  double start = 0.0;
  guint cycles = G_MAXUINT;   /* the plan's own, unless asked */

  if (!cycle_tool_parse_file (command, &argc, &argv))
    return 2;

  /* Read as people type it in their language, as the projection page reads it: "1,000" or
   * "1000" in English, « 1 000 » in French */
  if (project_start != NULL)
    {
      g_autofree char *message = NULL;
      g_autofree char *quoted = cycle_file_error_quote (project_start);

      if (!cycle_format_parse_number (project_start, &start) || !isfinite (start))
        {
          g_autofree char *example = cycle_format_count (1500);

          /* Translators: %s is what was given after --start; the second an example, "1,500" */
          message = g_strdup_printf (_("--start: “%s” is not a number of people; write one "
                                       "like %s"), quoted, example);
        }
      else if (!(start >= 0.0 && start <= CYCLE_PLAN_MAX_PROJECTION_START))
        {
          g_autofree char *most = cycle_format_count (CYCLE_PLAN_MAX_PROJECTION_START);

          /* Translators: %s is what was given after --start; the second the most allowed */
          message = g_strdup_printf (_("--start: “%s” is not a number of people from 0 to %s"),
                                     quoted, most);
        }
      if (message != NULL)
        return cycle_tool_usage_error (command, message);
    }
  if (!cycle_tool_parse_cycles (command, project_cycles, project_steady, &cycles))
    return 2;

  name = cycle_tool_display_name (argv[1]);
  document = cycle_tool_load_document (argv[1], name);
  if (document == NULL)
    return 1;

  /* The plan's own settings, unless the command line says otherwise. */
  plan = cycle_document_get_plan (document);
  if (project_start == NULL)
    start = cycle_plan_get_projection_start (plan);
  if (cycles == G_MAXUINT)
    cycles = cycle_plan_get_projection_cycles (plan);

  projection = cycle_projection_compute (plan, start, cycles, &error);
  if (projection == NULL)
    {
      g_autofree char *line = NULL;

      if (g_error_matches (error, CYCLE_PROJECTION_ERROR, CYCLE_PROJECTION_ERROR_INVALID_INPUT))
        return cycle_tool_usage_error (command, error->message);

      line = g_strdup_printf ("%s: %s", name, error->message);
      cycle_tool_print_escaped (stderr, line);
      return 1;
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

          cycle_tool_print_escaped (stderr, line);
        }
      return 1;
    }

  return 0;
}

const CycleToolCommand cycle_tool_project_command = {
  "project", N_("FILE"),
  N_("Project each stage’s volume from the conversion rates and the referral loops (default: "
     "the plan’s own settings)"),
  project, project_entries, NULL,
};
