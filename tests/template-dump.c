/* template-dump.c: writes the plan of each template to a .cycle file (for
 * build-aux/svg-baseline.sh, which exports them as SVG in every layout)
 *
 *   template-dump DIR   writes DIR/ID.cycle for every template ID
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "template-dump"

#include "config.h"

#include <stdio.h>

#include "cycle-plan-io.h"
#include "cycle-templates.h"

int
main (int   argc,
      char *argv[])
{
  if (argc != 2)
    {
      fprintf (stderr, "usage: template-dump DIR\n");
      return 2;
    }

  for (guint i = 0; i < cycle_templates_get_count (); i++)
    {
      const char *id = cycle_templates_get_id (i);
      g_autoptr(CyclePlan) plan = cycle_templates_create (id);
      g_autoptr(GBytes) bytes = cycle_plan_to_bytes (plan);
      g_autofree char *name = g_strconcat (id, ".cycle", NULL);
      g_autofree char *path = g_build_filename (argv[1], name, NULL);
      g_autoptr(GError) error = NULL;
      gsize size = 0;
      const char *data = g_bytes_get_data (bytes, &size);

      if (!g_file_set_contents (path, data, size, &error))
        {
          fprintf (stderr, "template-dump: %s\n", error->message);
          return 1;
        }
      printf ("%s\n", id);
    }

  return 0;
}
