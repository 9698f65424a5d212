/* cycle-flat-list-private.h: every content item of a plan in one list (cycle-flat-list.c),
 * which the plan hands out
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The flattened list of all content (cycle-flat-list.c). */
GListModel  *_cycle_flat_list_new      (GListModel  *stages);

G_END_DECLS
