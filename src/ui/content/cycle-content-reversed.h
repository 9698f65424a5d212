/* cycle-content-reversed.h: a list model showing another one as it is, or back to front
 *
 * The table sorts with keyed sorters, made once an item, and shows a descending order by reading
 * the ascending one from its end: GTK 4.8 has no descending string sorter, and inverting one
 * through a compare function would ask for every key at every comparison.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CYCLE_TYPE_CONTENT_REVERSED (cycle_content_reversed_get_type ())

G_DECLARE_FINAL_TYPE (CycleContentReversed, cycle_content_reversed,
                      CYCLE, CONTENT_REVERSED, GObject)

/* Takes @model. */
CycleContentReversed *cycle_content_reversed_new          (GListModel           *model);
void                  cycle_content_reversed_set_reversed (CycleContentReversed *self,
                                                           gboolean              reversed);
/* Between hold and release, changes of the model and of the direction are told as one. */
void                  cycle_content_reversed_hold         (CycleContentReversed *self);
void                  cycle_content_reversed_release      (CycleContentReversed *self);

G_END_DECLS
