/* cycle-tool-merge.c: plans in git — merge, resolve, show, diff
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-tool"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cycle-merge.h"
#include "cycle-tool-private.h"

/* merge */

static char *merge_output;

static const GOptionEntry merge_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &merge_output,
    N_("The merged plan (default: standard output); a conflict keeps OURS’ value, is listed on "
       "standard error and recorded in the plan’s “conflicts”"), N_("OUT") },
  { NULL }
};

static gboolean
is_empty_file (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_size == 0;
}

static int
merge (const CycleToolCommand  *command,
       int                      argc,
       char                   **argv)
{
  g_autoptr(CyclePlan) base = NULL;
  g_autoptr(CyclePlan) ours = NULL;
  g_autoptr(CyclePlan) theirs = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  if (!cycle_tool_parse (command, &argc, &argv))
    return 2;
  if (argc != 4)
    return cycle_tool_usage_error (command, _("give three files: BASE OURS THEIRS"));

  /* Two branches that each added the file: git gives an empty BASE, where nothing was */
  base = is_empty_file (argv[1]) ? cycle_plan_new () : cycle_tool_read_plan (argv[1]);
  ours = cycle_tool_read_plan (argv[2]);
  theirs = cycle_tool_read_plan (argv[3]);
  if (base == NULL || ours == NULL || theirs == NULL)
    return 2;

  conflicts = cycle_merge (base, ours, theirs);
  for (guint i = 0; i < conflicts->len; i++)
    {
      g_autofree char *what = cycle_conflict_describe (g_ptr_array_index (conflicts, i));
      g_autofree char *line = g_strdup_printf (_("conflict: %s"), what);

      cycle_tool_print_escaped (stderr, line);
    }

  if (!cycle_tool_write_plan (merge_output != NULL ? merge_output : "-", ours, &error))
    return cycle_tool_fail (command, error->message, 2);

  return conflicts->len > 0 ? 1 : 0;
}

const CycleToolCommand cycle_tool_merge_command = {
  "merge", N_("BASE OURS THEIRS [-o OUT]"),
  N_("Merge the changes OURS and THEIRS made to BASE, item by item (a git merge driver)"),
  merge, merge_entries,
  N_("Exit status: 0 merged, 1 merged with conflicts, 2 a file could not be read or written, "
     "or a usage error"),
};

/* resolve */

static gboolean resolve_ours;
static gboolean resolve_theirs;
static char *resolve_output;

static const GOptionEntry resolve_entries[] = {
  { "ours", 0, 0, G_OPTION_ARG_NONE, &resolve_ours, N_("Keep our side of every conflict"), NULL },
  { "theirs", 0, 0, G_OPTION_ARG_NONE, &resolve_theirs,
    N_("Take their side of every conflict"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &resolve_output,
    N_("Where to write the plan (default: FILE itself)"), N_("OUT") },
  { NULL }
};

static int
resolve (const CycleToolCommand  *command,
         int                      argc,
         char                   **argv)
{
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (!cycle_tool_parse (command, &argc, &argv))
    return 2;
  if (argc > 2)
    return cycle_tool_usage_error (command, _("give one file"));
  if (argc < 2 || resolve_ours == resolve_theirs)
    return cycle_tool_usage_error (command, _("give a file and --ours or --theirs"));

  plan = cycle_tool_read_plan (argv[1]);
  if (plan == NULL)
    return 1;

  n = cycle_plan_get_n_conflicts (plan);
  for (guint i = 0; i < n; i++)
    cycle_plan_resolve_conflict (plan, 0, resolve_ours ? CYCLE_MERGE_OURS : CYCLE_MERGE_THEIRS);

  if (!cycle_tool_write_plan (resolve_output != NULL ? resolve_output : argv[1], plan, &error))
    return cycle_tool_fail (command, error->message, 1);
  return 0;
}

const CycleToolCommand cycle_tool_resolve_command = {
  "resolve", N_("FILE --ours|--theirs [-o OUT]"),
  N_("Settle every conflict a merge recorded in the plan with one side’s values"),
  resolve, resolve_entries, NULL,
};

/* show and diff */

static void
print_lines (GPtrArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    cycle_tool_print_escaped (stdout, g_ptr_array_index (lines, i));
}

static int
show (const CycleToolCommand  *command,
      int                      argc,
      char                   **argv)
{
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  if (!cycle_tool_parse (command, &argc, &argv))
    return 2;
  if (argc != 2)
    return cycle_tool_usage_error (command, _("give one file"));

  plan = cycle_tool_read_plan (argv[1]);
  if (plan == NULL)
    return 1;

  lines = cycle_plan_show (plan);
  print_lines (lines);
  return 0;
}

const CycleToolCommand cycle_tool_show_command = {
  "show", N_("FILE"),
  N_("Print the plan as text, one item a line (for git’s textconv)"),
  show, NULL, NULL,
};

/* git gives /dev/null for the side of an added or deleted file */
static CyclePlan *
read_plan_or_nothing (const char *path)
{
  if (g_str_equal (path, "/dev/null"))
    return cycle_plan_new ();
  return cycle_tool_read_plan (path);
}

static int
diff (const CycleToolCommand  *command,
      int                      argc,
      char                   **argv)
{
  g_autoptr(CyclePlan) a = NULL;
  g_autoptr(CyclePlan) b = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  const char *old_path, *new_path;

  if (!cycle_tool_parse (command, &argc, &argv))
    return 2;

  /* git's diff.command: path old-file old-hex old-mode new-file new-hex new-mode */
  if (argc == 8)
    {
      old_path = argv[2];
      new_path = argv[5];
    }
  else if (argc == 3)
    {
      old_path = argv[1];
      new_path = argv[2];
    }
  else
    return cycle_tool_usage_error (command, _("give two files: OLD NEW"));

  a = read_plan_or_nothing (old_path);
  b = read_plan_or_nothing (new_path);
  if (a == NULL || b == NULL)
    return 2;

  lines = cycle_plan_diff (a, b);
  if (argc == 8 && lines->len > 0)
    {
      g_autofree char *header = g_strdup_printf ("%s:", argv[1]);

      cycle_tool_print_escaped (stdout, header);
    }
  print_lines (lines);
  return 0;
}

const CycleToolCommand cycle_tool_diff_command = {
  "diff", N_("OLD NEW"),
  N_("Print what changed from OLD to NEW: items added, removed, changed (which field) and "
     "moved; also takes git’s seven arguments (diff.cycle.command)"),
  diff, NULL, NULL,
};
