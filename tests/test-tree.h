/* test-tree.h: removing a test's temporary folder with everything under it
 *
 * Header-only, for the tests and benchmarks that make folders of their own (test-atomic-file.c,
 * test-document.c, test-drafts.c, test-export.c, bench/bench-startup-outside.c).
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

/* Removes @path and, if it is a folder, everything under it, never following a symbolic link.
 * A folder a test made read-only is opened up first. */
static inline void
test_remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          test_remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}
