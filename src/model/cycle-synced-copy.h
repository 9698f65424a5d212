/* cycle-synced-copy.h: the copies a synced folder makes of a plan edited in two places
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Whether @name is a copy that a synced folder made of the file named @plan_name when it was
 * changed in two places at once:
 *  - Nextcloud (and ownCloud): "plan (conflicted copy 2026-12-06 101500).cycle", with the
 *    user's name before the date ("… copy Ana 2026-12-06 101500)") or after it ("… 101500 by
 *    Ana)") in newer versions;
 *  - Syncthing: "plan.sync-conflict-20261206-101500-ABCDEFG.cycle". */
gboolean   cycle_synced_copy_matches (const char   *plan_name,
                                      const char   *name);

/* The synced copies of @file in its folder (GFile), sorted by name; empty when there are none
 * or the folder cannot be read. */
GPtrArray *cycle_synced_copy_list    (GFile        *file,
                                      GCancellable *cancellable);

G_END_DECLS
