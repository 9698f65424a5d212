/* cycle-document.h: a plan and the file it lives in — loading, safe saving, drafts
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cycle-plan.h"
#include "cycle-plan-io.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_DOCUMENT (cycle_document_get_type ())

/* What a file held when a document loaded or last saved it, to notice another program's change:
 * its etag (GIO's, from the modification time), its size and the SHA-512 of its bytes (lower
 * case hex; SHA-512 rather than SHA-256 as GLib's is about 1.6 times as fast on 64-bit). The
 * size and the hash decide; the etag is kept for information. */
typedef struct
{
  char    *etag;
  guint64  size;
  char    *sha512;
} CycleFileStamp;

CycleFileStamp *cycle_file_stamp_new   (const char           *etag,
                                        guint64               size,
                                        const char           *sha512);
CycleFileStamp *cycle_file_stamp_copy  (const CycleFileStamp *stamp);
void            cycle_file_stamp_free  (CycleFileStamp       *stamp);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CycleFileStamp, cycle_file_stamp_free)

G_DECLARE_FINAL_TYPE (CycleDocument, cycle_document, CYCLE, DOCUMENT, GObject)

/* The text of @file as Cycle reads a plan (or a file to import): a device or a pipe is refused
 * (G_IO_ERROR_NOT_REGULAR_FILE: it has no size to check and may never end, as /dev/zero), and
 * so is a file over CYCLE_FILE_MAX_SIZE (CYCLE_FILE_ERROR_TOO_LARGE), before it is read. */
gboolean       cycle_document_load_contents  (GFile          *file,
                                              GCancellable   *cancellable,
                                              char          **data,
                                              gsize          *length,
                                              char          **etag,
                                              GError        **error);

/* A new, empty, untitled plan. */
CycleDocument *cycle_document_new            (void);
/* Loads @file. Errors: G_IO_ERROR (missing, unreadable) or CYCLE_FILE_ERROR (the message names
 * the place); cycle_file_error_describe() makes the message for a person. */
CycleDocument *cycle_document_new_from_file  (GFile          *file,
                                              GCancellable   *cancellable,
                                              GError        **error);
/* Loads @file in a worker thread; @progress_func is called in that thread (keep it to storing a
 * number), @callback in the thread-default main context of the caller. */
void           cycle_document_load_async     (GFile               *file,
                                              CycleProgressFunc    progress_func,
                                              gpointer             progress_data,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
CycleDocument *cycle_document_load_finish    (GAsyncResult        *result,
                                              GError             **error);

/* A document for @plan that saves to @file (NULL: untitled), such as a recovered draft.
 * @stamp: what @file held when the plan was taken from it, so that saving notices a change made
 * since; NULL when that is not known, and then an existing @file counts as changed on disk. */
CycleDocument *cycle_document_new_for_file   (CyclePlan            *plan,
                                              GFile                *file,
                                              const CycleFileStamp *stamp);
/* What the document's file held when it was loaded or last saved; NULL when not known. */
const CycleFileStamp *cycle_document_get_stamp (CycleDocument      *self);

CyclePlan     *cycle_document_get_plan       (CycleDocument  *self);
/* NULL until the document is saved or was loaded. */
GFile         *cycle_document_get_file       (CycleDocument  *self);
/* "Untitled Plan", the plan's title, or the file's name. */
char          *cycle_document_dup_display_name (CycleDocument *self);

/* Saves atomically to @file (NULL: the document's own file) through cycle-atomic-file.h. When
 * saving to the document's own file and its size or contents changed on disk since it was loaded
 * or saved, fails with G_IO_ERROR_WRONG_ETAG unless @force. A plan whose text would be over
 * CYCLE_FILE_MAX_SIZE (which Cycle would not open again) is refused with
 * CYCLE_FILE_ERROR_TOO_LARGE. On any error the file on disk is untouched. Leftover temporary
 * files of an interrupted save beside the target are removed. */
gboolean       cycle_document_save           (CycleDocument  *self,
                                              GFile          *file,
                                              gboolean        force,
                                              GCancellable   *cancellable,
                                              GError        **error);

/* Refuses (CYCLE_FILE_ERROR_TOO_LARGE, naming @file) plan text over CYCLE_FILE_MAX_SIZE: what
 * Cycle writes as a plan, it must be able to open again. */
gboolean       cycle_document_check_size     (GBytes         *bytes,
                                              GFile          *file,
                                              GError        **error);

/* What every writer of a plan file checks first: refuses (CYCLE_FILE_ERROR_TOO_LARGE, naming
 * @file) a plan with more items of a kind than CYCLE_PLAN_MAX_* allow, or whose text @bytes is
 * over CYCLE_FILE_MAX_SIZE — a file Cycle would not open again. */
gboolean       cycle_document_check_plan     (CyclePlan      *plan,
                                              GBytes         *bytes,
                                              GFile          *file,
                                              GError        **error);

/* The bytes the document's file held when it was loaded or last saved; NULL when not known */
GBytes        *cycle_document_get_base       (CycleDocument  *self);
/* Whether the document's file now holds something else than what it loaded or last saved
 * (by size and hash); FALSE when it has no file or the file is gone. */
gboolean       cycle_document_changed_on_disk (CycleDocument *self,
                                               GCancellable  *cancellable);
/* Merges into the plan, as one undoable step (cycle_plan_merge ()), the changes @file made to
 * the version the document loaded or last saved (its base; an empty plan when not known, so
 * that every difference is a conflict). @file may be the document's own file changed on disk
 * (it is then what the document knows of its file) or another copy, such as a synced folder's
 * conflicted copy. Returns the new conflicts, or NULL with @error set when @file could not be
 * read (the plan is then untouched). */
GPtrArray     *cycle_document_merge_file     (CycleDocument  *self,
                                              GFile          *file,
                                              GCancellable   *cancellable,
                                              GError        **error);

/* Makes the plan what its file holds now, as one undoable step ("Merge"); the plan then counts
 * as saved. FALSE with @error set when the file could not be read (the plan is untouched). */
gboolean       cycle_document_reload         (CycleDocument  *self,
                                              GCancellable   *cancellable,
                                              GError        **error);

/* Removes Cycle's own temporary files (".NAME.cycle-XXXXXX.tmp") that a killed save left in
 * @dir and no running save holds; never another program's. Returns the count. */
guint          cycle_cleanup_temp_files      (GFile          *dir);

G_END_DECLS
