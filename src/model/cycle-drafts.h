/* cycle-drafts.h: autosaved copies of unsaved plans, offered back after a crash
 *
 * A draft is two files in the drafts folder ($XDG_DATA_HOME/cycle/drafts): ID.cycle, the plan
 * as it would be saved, and ID.json, a small index saying which file the plan came from, what
 * that file held then (etag, size, SHA-512) and what the plan was called. Both are written
 * atomically (cycle-atomic-file.h), so a crash while autosaving leaves the previous draft
 * whole.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cycle-document.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

typedef struct
{
  /* A UUID: the draft's name in the folder */
  char   *id;
  /* The draft's own .cycle file */
  GFile  *file;
  /* The file the plan belongs to, or NULL for a plan never saved */
  char   *uri;
  /* The plan's title when the draft was written, or NULL */
  char   *title;
  /* When the draft was written, in seconds since the epoch */
  gint64  modified;
  /* What the original file held when the plan was taken from it, or NULL when not known */
  CycleFileStamp *stamp;
} CycleDraft;

void        cycle_draft_free            (CycleDraft  *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CycleDraft, cycle_draft_free)

/* $XDG_DATA_HOME/cycle/drafts; it need not exist yet. */
GFile      *cycle_drafts_get_default_dir (void);
/* A new random id for a window's draft. */
char       *cycle_drafts_new_id         (void);

/* Writes @plan as the draft @id in @dir (created when missing), replacing an older one.
 * @original: the file the plan belongs to, or NULL; @stamp: what @original held when the plan
 * was loaded or last saved there (cycle_document_get_stamp()), or NULL. A plan too big to open
 * again is refused (CYCLE_FILE_ERROR_TOO_LARGE). */
gboolean    cycle_drafts_write          (GFile                 *dir,
                                         const char            *id,
                                         CyclePlan             *plan,
                                         GFile                 *original,
                                         const CycleFileStamp  *stamp,
                                         GError               **error);
/* The drafts in @dir, the newest first; empty when @dir does not exist. */
GPtrArray  *cycle_drafts_list           (GFile       *dir);
/* Removes the draft @id from @dir; a draft that is not there is not an error. */
gboolean    cycle_drafts_delete         (GFile       *dir,
                                         const char  *id,
                                         GError     **error);
/* The plan of @draft in a document that saves to the draft's original file (if any), marked
 * modified since nothing of it is saved there yet. Saving it there first checks that the file
 * still holds what the draft's index says (G_IO_ERROR_WRONG_ETAG otherwise, like any document);
 * an index without that (an older Cycle's) counts an existing file as changed. */
CycleDocument *cycle_drafts_load        (const CycleDraft *draft,
                                         GError          **error);

G_END_DECLS
