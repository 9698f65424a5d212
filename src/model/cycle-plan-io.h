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

/* Items a plan may hold, whatever the file's size. Every item is an object in memory (about
 * 1.4 KiB for a stage with its own list of content, 300 bytes for a content item) however little
 * text it takes in the file, so the size limit alone would let 256 MiB of tiny stages ask for
 * gigabytes. Reading refuses more (CYCLE_FILE_ERROR_LIMIT); saving refuses a plan that has more
 * (cycle_document_check_plan ()), so what Cycle saves it opens again. */
#define CYCLE_PLAN_MAX_STAGES   20000
#define CYCLE_PLAN_MAX_LINKS    100000
#define CYCLE_PLAN_MAX_PERSONAS 10000
#define CYCLE_PLAN_MAX_CONTENT  1000000

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
