/* cycle-document.h: a plan and the file it lives in — loading, safe saving, drafts
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_DOCUMENT (cycle_document_get_type ())

G_DECLARE_FINAL_TYPE (CycleDocument, cycle_document, CYCLE, DOCUMENT, GObject)

/* A new, empty, untitled plan. */
CycleDocument *cycle_document_new            (void);
/* Loads @file. Errors: G_IO_ERROR (missing, unreadable) or CYCLE_FILE_ERROR (the message names
 * the place); cycle_file_error_describe() makes the message for a person. */
CycleDocument *cycle_document_new_from_file  (GFile          *file,
                                              GCancellable   *cancellable,
                                              GError        **error);

/* A document for @plan that saves to @file (NULL: untitled), such as a recovered draft. Nothing
 * is known of @file's contents, so the first save replaces it without the on-disk check. */
CycleDocument *cycle_document_new_for_file   (CyclePlan      *plan,
                                              GFile          *file);

CyclePlan     *cycle_document_get_plan       (CycleDocument  *self);
/* NULL until the document is saved or was loaded. */
GFile         *cycle_document_get_file       (CycleDocument  *self);
/* "Untitled Plan", the plan's title, or the file's name. */
char          *cycle_document_dup_display_name (CycleDocument *self);

/* Saves atomically to @file (NULL: the document's own file). When saving to the document's own
 * file and it changed on disk since it was loaded or saved, fails with G_IO_ERROR_WRONG_ETAG
 * unless @force. On any error the file on disk is untouched. Leftover temporary files of an
 * interrupted save beside the target are removed. */
gboolean       cycle_document_save           (CycleDocument  *self,
                                              GFile          *file,
                                              gboolean        force,
                                              GCancellable   *cancellable,
                                              GError        **error);

/* Removes ".goutputstream-XXXXXX" files that a crash during a save left in @dir; returns the count */
guint          cycle_cleanup_temp_files      (GFile          *dir);

G_END_DECLS
