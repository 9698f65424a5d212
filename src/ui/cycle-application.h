/* cycle-application.h: the application — windows, app-wide actions and opening files
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-session.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_APPLICATION (cycle_application_get_type ())

G_DECLARE_FINAL_TYPE (CycleApplication, cycle_application, CYCLE, APPLICATION, AdwApplication)

CycleApplication *cycle_application_new       (void);
/* Opens @file as the "open" signal does: into the active window when it holds an empty,
 * unmodified, untitled plan, else into a new window. Errors are shown in a dialog. */
void              cycle_application_open_file (CycleApplication *self,
                                               GFile            *file);

/* org.example.Cycle, from startup on. */
GSettings        *cycle_application_get_settings (CycleApplication *self);
/* Autosaves the windows' plans as drafts; from startup on. */
CycleSession     *cycle_application_get_session  (CycleApplication *self);

G_END_DECLS
