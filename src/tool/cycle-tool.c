/* cycle-tool.c: Cycle without a screen — for scripts, pipelines and CI
 *
 * The command table and the help; each command lives in a file of its own (cycle-tool-check.c:
 * validate, check, project; cycle-tool-export.c: export, import; cycle-tool-merge.c: merge,
 * resolve, show, diff) and reads its options with GOptionContext (cycle-tool-common.c).
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-tool"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cycle-tool-private.h"

#define HELP_WIDTH 79
#define OPTION_COLUMN 28

static const CycleToolCommand * const commands[] = {
  &cycle_tool_validate_command,
  &cycle_tool_check_command,
  &cycle_tool_project_command,
  &cycle_tool_export_command,
  &cycle_tool_import_command,
  &cycle_tool_merge_command,
  &cycle_tool_resolve_command,
  &cycle_tool_show_command,
  &cycle_tool_diff_command,
};

/* @text from column @column, its lines broken between words before HELP_WIDTH and indented to
 * @column; the first line is written where the cursor is (@column: where that is). */
static void
print_wrapped (FILE       *out,
               const char *text,
               int         column,
               int         indent)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      int width = (int) g_utf8_strlen (words[i], -1);

      if (i > 0 && column + 1 + width > HELP_WIDTH)
        {
          fprintf (out, "\n%*s", indent, "");
          column = indent;
        }
      else if (i > 0)
        {
          fputc (' ', out);
          column++;
        }
      fputs (words[i], out);
      column += width;
    }
  fputc ('\n', out);
}

static void
print_options (FILE               *out,
               const GOptionEntry *entries)
{
  for (guint i = 0; entries != NULL && entries[i].long_name != NULL; i++)
    {
      const GOptionEntry *entry = &entries[i];
      g_autoptr(GString) name = g_string_new ("        ");
      int width;

      if (entry->flags & G_OPTION_FLAG_HIDDEN)
        continue;
      if (entry->short_name != 0)
        g_string_append_printf (name, "-%c, ", entry->short_name);
      g_string_append_printf (name, "--%s", entry->long_name);
      if (entry->arg_description != NULL)
        g_string_append_printf (name, " %s", _(entry->arg_description));

      width = (int) g_utf8_strlen (name->str, -1);
      fputs (name->str, out);
      if (width + 2 > OPTION_COLUMN)
        {
          fprintf (out, "\n%*s", OPTION_COLUMN, "");
          width = OPTION_COLUMN;
        }
      else
        {
          fprintf (out, "%*s", OPTION_COLUMN - width, "");
          width = OPTION_COLUMN;
        }
      print_wrapped (out, _(entry->description), width, OPTION_COLUMN);
    }
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n  cycle-tool COMMAND [ARGUMENTS…]\n\n", _("Usage:"));
  fprintf (out, "%s\n", _("Work with Cycle plans (.cycle files) without a display."));
  fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      fprintf (out, "  %s %s\n      ", commands[i]->name, _(commands[i]->args));
      print_wrapped (out, _(commands[i]->summary), 6, 6);
      print_options (out, commands[i]->entries);
      if (commands[i]->notes != NULL)
        {
          fputs ("        ", out);
          print_wrapped (out, _(commands[i]->notes), 8, 8);
        }
    }
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  -h, --help     %s\n", _("Show this help"));
  fprintf (out, "  --version      %s\n", _("Show the version"));
  fprintf (out, "\n%s\n", _("“cycle-tool COMMAND --help” shows one command’s help."));
  fputc ('\n', out);
  print_wrapped (out, _("Exit status: 0 when everything succeeded, 1 when a file is invalid or "
                        "could not be read or written, 2 for a usage error."), 0, 0);
}

/* What a command printed on standard output reached it, or @status says it did not: a full disk
 * is a failure that names the output, not a success that printed nothing. (A closed pipe never
 * gets here: SIGPIPE ends the process first, as it ends cat's.) */
static int
finish_stdout (const CycleToolCommand *command,
               int                     status)
{
  int saved_errno;
  g_autofree char *message = NULL;

  errno = 0;
  if (fflush (stdout) == 0 && !ferror (stdout))
    return status;

  saved_errno = errno != 0 ? errno : EIO;
  message = g_strdup_printf (_("Could not write “%s”: %s"), _("standard output"),
                             g_strerror (saved_errno));
  return cycle_tool_fail (command, message, status != 0 ? status : 1);
}

/* The catalogs' folder: the installed one, or the build directory's for the tests' build of
 * cycle-tool (tests/meson.build), so that it speaks French uninstalled. */
#ifndef CYCLE_LOCALEDIR
#define CYCLE_LOCALEDIR LOCALEDIR
#endif

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, CYCLE_LOCALEDIR);
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
    if (g_str_equal (argv[1], commands[i]->name))
      {
        g_autofree char *prgname = g_strdup_printf ("cycle-tool %s", commands[i]->name);

        /* GOptionContext's own help and messages name the program so */
        g_set_prgname (prgname);
        return finish_stdout (commands[i],
                              commands[i]->func (commands[i], argc - 1, argv + 1));
      }

  fprintf (stderr, _("cycle-tool: unknown command “%s”; see cycle-tool --help\n"), argv[1]);
  return 2;
}
