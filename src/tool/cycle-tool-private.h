/* cycle-tool-private.h: what the commands of cycle-tool share
 *
 * Each command is a CycleToolCommand: its name, its arguments and summary for the help, its
 * options (a GOptionEntry table, which also writes its part of `cycle-tool --help`) and the
 * function that runs it. cycle_tool_parse () reads a command's options with GOptionContext.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "cycle-document.h"
#include "cycle-export.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

typedef struct _CycleToolCommand CycleToolCommand;

/* @argv[0] is the command's name; @argc counts it. Returns the exit status. */
typedef int (*CycleToolFunc) (const CycleToolCommand *command,
                              int                     argc,
                              char                  **argv);

struct _CycleToolCommand
{
  const char         *name;
  const char         *args;      /* N_(): the arguments, for the help */
  const char         *summary;   /* N_(): one line */
  CycleToolFunc       func;
  const GOptionEntry *entries;   /* NULL-terminated, or NULL: no options */
  const char         *notes;     /* N_(): more lines for the help, or NULL */
};

/* The commands, in the order the help lists them */
extern const CycleToolCommand cycle_tool_validate_command;
extern const CycleToolCommand cycle_tool_check_command;
extern const CycleToolCommand cycle_tool_project_command;
extern const CycleToolCommand cycle_tool_export_command;
extern const CycleToolCommand cycle_tool_import_command;
extern const CycleToolCommand cycle_tool_merge_command;
extern const CycleToolCommand cycle_tool_resolve_command;
extern const CycleToolCommand cycle_tool_show_command;
extern const CycleToolCommand cycle_tool_diff_command;

/* Reads @command's options from @argv with GOptionContext, leaving the other arguments in
 * (*argv)[1…]. FALSE, after saying what is wrong on standard error, on a usage error. */
gboolean       cycle_tool_parse            (const CycleToolCommand  *command,
                                            int                     *argc,
                                            char                  ***argv);
/* The same, for a command that takes one file, left in (*argv)[1] */
gboolean       cycle_tool_parse_file       (const CycleToolCommand  *command,
                                            int                     *argc,
                                            char                  ***argv);
/* "cycle-tool COMMAND: MESSAGE" on standard error; returns 2, the usage error's status */
int            cycle_tool_usage_error      (const CycleToolCommand  *command,
                                            const char              *message);
/* The same for an error that is not the user's way of asking: returns @status */
int            cycle_tool_fail             (const CycleToolCommand  *command,
                                            const char              *message,
                                            int                      status);

/* The number of cycles --cycles @text and --steady ask for (@cycles untouched without either),
 * or FALSE after saying what is wrong */
gboolean       cycle_tool_parse_cycles     (const CycleToolCommand  *command,
                                            const char              *text,
                                            gboolean                 steady,
                                            guint                   *cycles);

/* Prints @line on @out as one line, control characters escaped: text from a plan file reaches
 * the terminal only through here. */
void           cycle_tool_print_escaped    (FILE                    *out,
                                            const char              *line);
/* "NAME: why", for an error reading or writing the file the user called @name */
char          *cycle_tool_describe_error   (const GError            *error,
                                            const char              *name);
char          *cycle_tool_display_name     (const char              *path);

/* Loads @path for a command (saying what a merge left unresolved); prints why not and returns
 * NULL when it cannot. */
CycleDocument *cycle_tool_load_document    (const char              *path,
                                            const char              *name);
/* Reads a plan only (no document): NULL, after saying what and where, when it cannot. */
CyclePlan     *cycle_tool_read_plan        (const char              *path);

/* Standard output as an export file, after what was printed to it before */
CycleExportFile *cycle_tool_open_stdout    (void);
/* Writes @bytes to @out_path ("-": standard output) without ever leaving half a file */
gboolean       cycle_tool_write_output     (const char              *out_path,
                                            GBytes                  *bytes,
                                            GError                 **error);
/* Writes @plan as a plan file, refusing a plan Cycle would not open again */
gboolean       cycle_tool_write_plan       (const char              *out_path,
                                            CyclePlan               *plan,
                                            GError                 **error);

G_END_DECLS
