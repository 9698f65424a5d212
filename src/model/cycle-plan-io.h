/* cycle-plan-io.h: the .cycle file — reading it strictly and writing it canonically
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cycle-error.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_FILE_FORMAT  "org.example.Cycle"
#define CYCLE_FILE_VERSION 1

/* Limits, documented in README.md and data/cycle-plan.schema.json. */
#define CYCLE_FILE_MAX_SIZE  (256 * 1024 * 1024)
#define CYCLE_FILE_MAX_DEPTH 64

/* Reads a whole file's bytes. On error returns NULL and sets a CYCLE_FILE_ERROR. */
CyclePlan *cycle_plan_new_from_data (const char  *data,
                                     gsize        length,
                                     GError     **error);
/* Bytes read so far, of @total */
typedef void (*CycleProgressFunc) (gsize    done,
                                   gsize    total,
                                   gpointer user_data);

/* The same, reporting progress as it goes (in the calling thread), and checking @cancellable
 * (G_IO_ERROR_CANCELLED). Touches no main context: it may run in a worker thread, the plan then
 * handed to another. Items are read as they end, so the parsed text is never held whole. */
CyclePlan *cycle_plan_new_from_data_full (const char         *data,
                                          gsize               length,
                                          CycleProgressFunc   progress_func,
                                          gpointer            progress_data,
                                          GCancellable       *cancellable,
                                          GError            **error);
/* The canonical text: stable key order, two-space indent, trailing newline. */
GBytes    *cycle_plan_to_bytes      (CyclePlan   *plan);

G_END_DECLS
