/* cycle-tool.c: Cycle without a screen — for scripts, pipelines and CI
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-tool"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "cycle-document.h"
#include "cycle-error.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  const char  *args;
  const char  *summary;
  CommandFunc  func;
} Command;

static int cmd_validate (int argc, char **argv);

static const Command commands[] = {
  { "validate", N_("FILE…"),
    N_("Check that each plan file is valid; print “FILE: ok” or where and what is wrong"),
    cmd_validate },
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
