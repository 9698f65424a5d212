/* kill-save-helper.c: saves a plan over and over until it is killed (for tests/kill-test.py)
 *
 *   kill-save-helper variants IN A B   writes IN's plan titled "A" to A and titled "B" to B
 *   kill-save-helper save TARGET       opens TARGET (a plan titled "A" or "B") as the application
 *                                      does (which removes the temporary files a killed save
 *                                      left), prints "ready", waits for a line on its input, then
 *                                      saves it titled "B", "A", "B"… until killed
 *   kill-save-helper time TARGET       prints how long one save of TARGET takes, in seconds
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kill-save-helper"

#include "config.h"

#include <stdio.h>

#include "cycle-document.h"
#include "cycle-plan-io.h"

static CycleDocument *
open_document (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  CycleDocument *document = cycle_document_new_from_file (file, NULL, &error);

  if (document == NULL)
    {
      fprintf (stderr, "%s: %s\n", path, error->message);
      exit (1);
    }

  return document;
}

static void
write_titled (CyclePlan  *plan,
              const char *title,
              const char *path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data;

  cycle_plan_set_title (plan, title);
  bytes = cycle_plan_to_bytes (plan);
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents (path, data, size, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CycleDocument) document = NULL;
  CyclePlan *plan;
  gboolean told = FALSE;

  if (argc == 5 && g_str_equal (argv[1], "variants"))
    {
      document = open_document (argv[2]);
      plan = cycle_document_get_plan (document);
      write_titled (plan, "A", argv[3]);
      write_titled (plan, "B", argv[4]);
      return 0;
    }

  if (argc == 3 && g_str_equal (argv[1], "time"))
    {
      gint64 start;

      document = open_document (argv[2]);
      plan = cycle_document_get_plan (document);
      start = g_get_monotonic_time ();
      for (guint i = 0; i < 4; i++)
        {
          g_autoptr(GError) error = NULL;

          cycle_plan_set_title (plan, i % 2 ? "A" : "B");
          if (!cycle_document_save (document, NULL, FALSE, NULL, &error))
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }
        }
      printf ("%f\n", (g_get_monotonic_time () - start) / 4.0 / G_USEC_PER_SEC);
      return 0;
    }

  if (argc != 3 || !g_str_equal (argv[1], "save"))
    {
      fprintf (stderr, "usage: %s variants IN A B | save TARGET | time TARGET\n", argv[0]);
      return 2;
    }

  document = open_document (argv[2]);
  plan = cycle_document_get_plan (document);
  printf ("ready\n");
  fflush (stdout);
  /* The test looks for what the last killed save left, now that opening cleaned up */
  {
    char line[16];

    if (fgets (line, sizeof line, stdin) == NULL)
      return 0;
  }

  for (guint i = 0;; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *title = cycle_plan_get_title (plan);

      cycle_plan_set_title (plan, g_strcmp0 (title, "A") == 0 ? "B" : "A");
      /* A refused save (a read-only folder) is said once; the loop goes on until the kill */
      if (!cycle_document_save (document, NULL, FALSE, NULL, &error) && !told)
        {
          fprintf (stderr, "save %u: %s\n", i, error->message);
          told = TRUE;
        }
    }

  return 0;
}
