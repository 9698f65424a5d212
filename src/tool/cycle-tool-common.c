/* cycle-tool-common.c: options, messages, reading and writing, for every command
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-tool"

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "cycle-error.h"
#include "cycle-merge.h"
#include "cycle-plan-io.h"
#include "cycle-projection.h"
#include "cycle-tool-private.h"

gboolean
cycle_tool_parse (const CycleToolCommand  *command,
                  int                     *argc,
                  char                  ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_(command->args));
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (command->notes != NULL)
    g_option_context_set_description (context, _(command->notes));
  if (command->entries != NULL)
    g_option_context_add_main_entries (context, command->entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      cycle_tool_usage_error (command, error->message);
      return FALSE;
    }

  /* GLib keeps a "--" that comes before an argument starting with "-", for a later parse: here
   * there is none, so it only ends the options ("validate -- -plan.cycle"). */
  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--"))
      {
        memmove (*argv + i, *argv + i + 1, (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }

  /* An empty argument names no file: GIO would take it for the current folder */
  for (int i = 1; i < *argc; i++)
    if ((*argv)[i][0] == '\0')
      {
        cycle_tool_usage_error (command, _("a file name is empty"));
        return FALSE;
      }

  return TRUE;
}

gboolean
cycle_tool_parse_file (const CycleToolCommand  *command,
                       int                     *argc,
                       char                  ***argv)
{
  if (!cycle_tool_parse (command, argc, argv))
    return FALSE;
  if (*argc < 2)
    cycle_tool_usage_error (command, _("no file given"));
  else if (*argc > 2)
    cycle_tool_usage_error (command, _("give one file"));
  return *argc == 2;
}

gboolean
cycle_tool_parse_cycles (const CycleToolCommand *command,
                         const char             *text,
                         gboolean                steady,
                         guint                  *cycles)
{
  guint64 n = 0;

  if (text != NULL && steady)
    {
      cycle_tool_usage_error (command, _("--cycles and --steady go one without the other"));
      return FALSE;
    }
  if (text != NULL &&
      !g_ascii_string_to_unsigned (text, 10, 1, CYCLE_PLAN_MAX_PROJECTION_CYCLES, &n, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("the number of cycles must be from 1 to %d, not “%s”"),
                         CYCLE_PLAN_MAX_PROJECTION_CYCLES, text);

      cycle_tool_usage_error (command, message);
      return FALSE;
    }

  if (steady)
    *cycles = CYCLE_PROJECTION_STEADY;
  else if (text != NULL)
    *cycles = (guint) n;
  return TRUE;
}

int
cycle_tool_fail (const CycleToolCommand *command,
                 const char             *message,
                 int                     status)
{
  /* Translators: a message of cycle-tool: the command ("export"), then what is wrong. French puts
   * a no-break space before the colon. */
  fprintf (stderr, _("cycle-tool %s: %s\n"), command->name, message);
  return status;
}

int
cycle_tool_usage_error (const CycleToolCommand *command,
                        const char             *message)
{
  return cycle_tool_fail (command, message, 2);
}

void
cycle_tool_print_escaped (FILE       *out,
                          const char *line)
{
  g_autofree char *escaped = cycle_escape_controls (line, -1);

  fprintf (out, "%s\n", escaped);
}

char *
cycle_tool_display_name (const char *path)
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

char *
cycle_tool_describe_error (const GError *error,
                           const char   *name)
{
  if (error->domain == CYCLE_FILE_ERROR)
    return cycle_file_error_describe (error, name);
  return g_strdup_printf ("%s: %s", name, io_error_reason (error));
}

CycleDocument *
cycle_tool_load_document (const char *path,
                          const char *name)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  CycleDocument *document;
  guint n;

  document = cycle_document_new_from_file (file, NULL, &error);
  if (document == NULL)
    {
      g_autofree char *message = cycle_tool_describe_error (error, name);

      cycle_tool_print_escaped (stderr, message);
      return NULL;
    }

  /* The command still works on the rest: the plan holds ours' values. */
  n = cycle_plan_get_n_conflicts (cycle_document_get_plan (document));
  if (n > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%s: %u conflict left by a merge; run “cycle-tool "
                                      "resolve FILE --ours” (or --theirs) to settle it",
                                      "%s: %u conflicts left by a merge; run “cycle-tool "
                                      "resolve FILE --ours” (or --theirs) to settle them", n),
                         name, n);

      cycle_tool_print_escaped (stderr, message);
    }

  return document;
}

CyclePlan *
cycle_tool_read_plan (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *name = cycle_tool_display_name (path);
  g_autofree char *data = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  CyclePlan *plan = NULL;
  gsize length = 0;

  /* The same reader as a document's: no device, nothing too large to open */
  if (cycle_document_load_contents (file, NULL, &data, &length, NULL, &error))
    plan = cycle_plan_new_from_data (data, length, &error);
  if (plan != NULL)
    return plan;

  message = cycle_tool_describe_error (error, name);
  cycle_tool_print_escaped (stderr, message);
  return NULL;
}

CycleExportFile *
cycle_tool_open_stdout (void)
{
  CycleExportFile *out = cycle_export_file_new_for_fd (STDOUT_FILENO, _("standard output"));

  fflush (stdout);
  return out;
}

gboolean
cycle_tool_write_output (const char  *out_path,
                         GBytes      *bytes,
                         GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (g_str_equal (out_path, "-"))
    {
      g_autoptr(CycleExportFile) out = cycle_tool_open_stdout ();
      gconstpointer data;
      gsize size;

      data = g_bytes_get_data (bytes, &size);
      return cycle_export_file_write (out, data, size, error) &&
             cycle_export_file_commit (out, error);
    }

  file = g_file_new_for_commandline_arg (out_path);
  return cycle_export_write_bytes (file, bytes, error);
}

gboolean
cycle_tool_write_plan (const char  *out_path,
                       CyclePlan   *plan,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = cycle_plan_to_bytes (plan);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (out_path);

  return cycle_document_check_plan (plan, bytes, file, error) &&
         cycle_tool_write_output (out_path, bytes, error);
}
