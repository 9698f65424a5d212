/* main.c: the entry point of cycle, the application
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "cycle-application.h"

/* The catalogs' folder: the installed one, or the build directory's for the tests' build of
 * the application (tests/ui/meson.build), so that it runs in French uninstalled. */
#ifndef CYCLE_LOCALEDIR
#define CYCLE_LOCALEDIR LOCALEDIR
#endif

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CycleApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, CYCLE_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cycle_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
