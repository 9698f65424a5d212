/* test-language.h: model tests in French, with the catalog built in this build directory
 *
 * LANGUAGE picks the catalog; the C.UTF-8 locale of the tests is enough for that, so no French
 * locale needs generating. Header-only, for the test-*.c that check French (test-format.c,
 * test-checks.c).
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <locale.h>

#include <glib.h>
#include <glib/gi18n-lib.h>

/* Speaks French from now on; FALSE, with the test skipped, when the catalog is not built. */
static inline gboolean
test_language_french (void)
{
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *mo = g_build_filename (po_dir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                                          NULL);

  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the French catalog is not built");
      return FALSE;
    }

  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  return TRUE;
}

/* Back to English, for the tests that follow. */
static inline void
test_language_english (void)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
}
