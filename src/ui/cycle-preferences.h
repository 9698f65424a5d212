/* cycle-preferences.h: the Preferences window, bound to org.example.Cycle
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CYCLE_TYPE_PREFERENCES (cycle_preferences_get_type ())

G_DECLARE_FINAL_TYPE (CyclePreferences, cycle_preferences, CYCLE, PREFERENCES,
                      AdwPreferencesWindow)

/* Modal over @parent (may be NULL). */
CyclePreferences *cycle_preferences_new (GtkWindow *parent);

G_END_DECLS
