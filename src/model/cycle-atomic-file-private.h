/* cycle-atomic-file-private.h: a seam for tests to make writes fail
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* From now on, in this process, a temporary file's write fails with @errnum (ENOSPC: a full
 * disk) once @after_bytes bytes were written to it. @errnum 0 turns it off. */
void _cycle_atomic_file_inject_write_error (gsize after_bytes,
                                            int   errnum);

G_END_DECLS
