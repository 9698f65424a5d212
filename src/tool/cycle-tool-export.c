/* cycle-tool-export.c: export a plan for other tools and for people, import it back
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-tool"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "cycle-enums.h"
#include "cycle-error.h"
#include "cycle-export-format.h"
#include "cycle-format.h"
#include "cycle-plan-io.h"
#include "cycle-projection.h"
#include "cycle-tool-private.h"

#define LAYOUT_NAMES "free|funnel|cycle|two-lanes"

/* export */

static char *export_format;
static char *export_output;
static gboolean export_computed;
static gboolean export_for_scripts;
static char *export_delimiter;
static gboolean export_no_bom;
static char *export_scale;
static gboolean export_content_page;
static char *export_cycles;
static gboolean export_steady;
static char *export_layout;

static const GOptionEntry export_entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &export_format,
    N_("json, csv, ics, svg, png or pdf (default: from OUT’s extension); ics: the dated content "
       "as all-day events of a calendar"), N_("FORMAT") },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &export_output,
    N_("The file to write; “-” for standard output (png and pdf only when it is not a "
       "terminal). A failed export leaves OUT as it was."), N_("OUT") },
  { "computed", 0, 0, G_OPTION_ARG_NONE, &export_computed,
    N_("json: add the projection and the findings, marked as computed"), NULL },
  { "for-scripts", 0, 0, G_OPTION_ARG_NONE, &export_for_scripts,
    N_("csv: English column names, the file’s words, every cell as it is, commas, no byte "
       "order mark; without it (for people), a cell starting with =, +, -, @, a tab or a "
       "carriage return gets a leading ' so that spreadsheets cannot run it as a formula, and "
       "fields are split by “;” where numbers are written 3,5 (as Excel expects there)"), NULL },
  { "stable-headers", 0, 0, G_OPTION_ARG_NONE, &export_for_scripts,
    N_("csv: the same as --for-scripts, its former name"), NULL },
  { "delimiter", 0, 0, G_OPTION_ARG_STRING, &export_delimiter,
    N_("csv: split fields by “,”, “;” or “tab” instead"), N_("D") },
  { "no-bom", 0, 0, G_OPTION_ARG_NONE, &export_no_bom,
    N_("csv: without the UTF-8 byte order mark (Excel needs it)"), NULL },
  { "scale", 0, 0, G_OPTION_ARG_STRING, &export_scale,
    N_("png: pixels per canvas pixel, more than 0, at most 8 (default 1)"), N_("N") },
  { "content-page", 0, 0, G_OPTION_ARG_NONE, &export_content_page,
    N_("pdf: after the picture, pages listing each stage’s content"), NULL },
  { "cycles", 0, 0, G_OPTION_ARG_STRING, &export_cycles,
    N_("The projection over N cycles of the referral loops (1 to 100)"), N_("N") },
  { "steady", 0, 0, G_OPTION_ARG_NONE, &export_steady,
    N_("The projection’s steady state, every cycle added up (without either: the plan’s own "
       "setting)"), NULL },
  { "layout", 0, 0, G_OPTION_ARG_STRING, &export_layout,
    N_("svg, png, pdf: free, funnel, cycle or two-lanes instead of the plan’s own"),
    N_("LAYOUT") },
  { NULL }
};

/* Options that do not apply to @format are refused rather than silently ignored: 0, or the
 * exit status after saying so. */
static int
check_export_options (const CycleToolCommand *command,
                      CycleExportFormat       format)
{
  gboolean is_image = cycle_export_format_is_image (format, NULL);

  if (export_computed && format != CYCLE_EXPORT_FORMAT_JSON)
    return cycle_tool_usage_error (command, _("--computed applies to json only"));
  if ((export_for_scripts || export_no_bom || export_delimiter != NULL) &&
      format != CYCLE_EXPORT_FORMAT_CSV)
    return cycle_tool_usage_error (command,
                                   _("--for-scripts, --delimiter and --no-bom apply to csv only"));
  if (export_delimiter != NULL && strcmp (export_delimiter, ",") != 0 &&
      strcmp (export_delimiter, ";") != 0 && strcmp (export_delimiter, "tab") != 0)
    return cycle_tool_usage_error (command, _("--delimiter needs “,”, “;” or “tab”"));
  if (export_scale != NULL && format != CYCLE_EXPORT_FORMAT_PNG)
    return cycle_tool_usage_error (command, _("--scale applies to png only"));
  if (export_content_page && format != CYCLE_EXPORT_FORMAT_PDF)
    return cycle_tool_usage_error (command, _("--content-page applies to pdf only"));
  if (export_layout != NULL && !is_image)
    return cycle_tool_usage_error (command, _("--layout applies to svg, png and pdf"));
  return 0;
}

/* The options from the command line: 0, or the exit status after saying what is wrong */
static int
parse_export_options (const CycleToolCommand *command,
                      CycleExportOptions     *options)
{
  options->computed = export_computed;
  options->for_scripts = export_for_scripts;
  options->no_bom = export_no_bom;
  if (export_delimiter != NULL)
    options->csv_delimiter = export_delimiter[0] == 't' ? '\t' : export_delimiter[0];

  if (export_scale != NULL)
    {
      char *end = NULL;

      options->scale = g_ascii_strtod (export_scale, &end);
      if (end == export_scale || *end != '\0' || !(options->scale > 0) ||
          options->scale > CYCLE_IMAGE_EXPORT_MAX_SCALE)
        {
          g_autofree char *most = cycle_format_number (CYCLE_IMAGE_EXPORT_MAX_SCALE);
          g_autofree char *message =
            g_strdup_printf (_("the scale must be a number more than 0 and at most %s, not “%s”"),
                             most, export_scale);

          return cycle_tool_usage_error (command, message);
        }
    }

  if (export_layout != NULL &&
      !cycle_enum_from_nick (CYCLE_TYPE_LAYOUT, export_layout, &options->layout))
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown layout “%s” (expected %s)"), export_layout, LAYOUT_NAMES);

      return cycle_tool_usage_error (command, message);
    }

  options->content_pages = export_content_page;
  return 0;
}

/* @plan as @format to @out_path, "-" for standard output */
static gboolean
write_export (CyclePlan                *plan,
              CycleExportFormat         format,
              const CycleExportOptions *options,
              const char               *out_path,
              GError                  **error)
{
  g_autoptr(CycleExportFile) out = NULL;
  g_autoptr(GFile) file = NULL;

  if (g_str_equal (out_path, "-"))
    out = cycle_tool_open_stdout ();
  else
    {
      file = g_file_new_for_commandline_arg (out_path);
      out = cycle_export_file_new (file, error);
      if (out == NULL)
        return FALSE;
    }

  /* Freeing @out without a commit removes the temporary file. */
  return cycle_export_format_write (plan, format, options, out, error) &&
         cycle_export_file_commit (out, error);
}

static int
export (const CycleToolCommand  *command,
        int                      argc,
        char                   **argv)
{
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  CycleExportOptions options;
  CycleExportFormat format;
  CyclePlan *plan;
  guint cycles = G_MAXUINT;   /* the plan's own, unless asked */
  int status;

  if (!cycle_tool_parse_file (command, &argc, &argv))
    return 2;
  if (export_output == NULL)
    return cycle_tool_usage_error (command,
                                   _("say where to write: -o FILE, or -o - for standard output"));
  if (export_format != NULL && !cycle_export_format_from_name (export_format, &format))
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown format “%s” (expected json, csv, ics, svg, png or pdf)"),
                         export_format);

      return cycle_tool_usage_error (command, message);
    }
  if (export_format == NULL && !cycle_export_format_from_path (export_output, &format))
    return cycle_tool_usage_error (command,
                                   _("say which format: --format json, csv, ics, svg, png or "
                                     "pdf"));

  status = check_export_options (command, format);
  if (status != 0)
    return status;
  cycle_export_options_init (&options);
  if ((status = parse_export_options (command, &options)) != 0)
    return status;
  if (!cycle_tool_parse_cycles (command, export_cycles, export_steady, &cycles))
    return 2;

  /* PNG and PDF are binary: not to a terminal, where they would only garble the screen. */
  if (g_str_equal (export_output, "-") &&
      (format == CYCLE_EXPORT_FORMAT_PNG || format == CYCLE_EXPORT_FORMAT_PDF) &&
      isatty (STDOUT_FILENO))
    {
      g_autofree char *message =
        g_strdup_printf (_("will not write %s to a terminal; redirect the output or give -o FILE"),
                         cycle_export_format_get_info (format)->name);

      return cycle_tool_usage_error (command, message);
    }

  name = cycle_tool_display_name (argv[1]);
  document = cycle_tool_load_document (argv[1], name);
  if (document == NULL)
    return 1;
  plan = cycle_document_get_plan (document);
  /* The projection every export shows is the plan's; these say another for this export. */
  if (cycles != G_MAXUINT)
    cycle_plan_set_projection_cycles (plan, cycles);

  if (!write_export (plan, format, &options, export_output, &error))
    return cycle_tool_fail (command, error->message, 1);
  return 0;
}

const CycleToolCommand cycle_tool_export_command = {
  "export", N_("FILE -o OUT [--format FORMAT] [OPTIONS…]"),
  N_("Export the plan for other tools or for people: JSON, CSV, iCalendar, SVG, PNG or PDF"),
  export, export_entries, NULL,
};

/* import */

static char *import_output;
static char *import_into;

static const GOptionEntry import_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &import_output,
    N_("The plan file to write; “-” for standard output"), N_("OUT") },
  { "into", 0, 0, G_OPTION_ARG_FILENAME, &import_into,
    N_("FILE is a CSV content calendar (Cycle’s columns, in English or French, split by "
       "commas, semicolons or tabs): its rows are added to PLAN’s stages; each row left out or "
       "value not understood is said, and the exit status is then 1"), N_("PLAN") },
  { NULL }
};

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

/* The text of the file to import, read as a plan is: refusing a folder, a device and more than
 * a plan may hold */
static char *
read_file (const char  *path,
           gsize       *length,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  char *data = NULL;

  cycle_document_load_contents (file, NULL, &data, length, NULL, error);
  return data;
}

static int
import (const CycleToolCommand  *command,
        int                      argc,
        char                   **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *name = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!cycle_tool_parse_file (command, &argc, &argv))
    return 2;
  if (import_output == NULL)
    return cycle_tool_usage_error (command, _("say where to write: -o FILE.cycle, or -o - for "
                                              "standard output"));

  if (import_into != NULL)
    {
      g_autofree char *into_name = cycle_tool_display_name (import_into);

      document = cycle_tool_load_document (import_into, into_name);
      if (document == NULL)
        return 1;
    }

  if (g_str_equal (argv[1], "-"))
    {
      name = g_strdup (_("standard input"));
      data = read_stdin (&length, &error);
    }
  else
    {
      name = cycle_tool_display_name (argv[1]);
      data = read_file (argv[1], &length, &error);
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
      g_autofree char *message = cycle_tool_describe_error (error, name);

      cycle_tool_print_escaped (stderr, message);
      return 1;
    }

  /* A plan file Cycle would refuse to open is not written */
  if (!cycle_tool_write_plan (import_output, plan, &error))
    return cycle_tool_fail (command, error->message, 1);

  /* Rows left out and values not understood: said, one a line, and the status says so. */
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("%s: %s", name,
                                               (char *) g_ptr_array_index (problems, i));

      cycle_tool_print_escaped (stderr, line);
    }

  return problems != NULL && problems->len > 0 ? 1 : 0;
}

const CycleToolCommand cycle_tool_import_command = {
  "import", N_("FILE.json -o OUT.cycle | FILE.csv --into PLAN.cycle -o OUT.cycle"),
  N_("Read a JSON export (“-”: standard input) into a plan file, without its computed data; "
     "or add a CSV content calendar to a plan"),
  import, import_entries, NULL,
};
