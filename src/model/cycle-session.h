/* cycle-session.h: autosaving the open plans as drafts, and what a crash left behind
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cycle-document.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_SESSION (cycle_session_get_type ())

G_DECLARE_FINAL_TYPE (CycleSession, cycle_session, CYCLE, SESSION, GObject)

/* @settings: org.example.Cycle, for autosave-delay. @drafts_dir: where drafts go. */
CycleSession *cycle_session_new             (GSettings     *settings,
                                             GFile         *drafts_dir);
GFile        *cycle_session_get_drafts_dir  (CycleSession  *self);

/* Starts autosaving @document: while it is modified, its plan is written as a draft at most
 * `autosave-delay` seconds after a change, however often it changes. @draft_id: the draft it
 * was recovered from (kept and overwritten from now on), or NULL for a new one. */
void          cycle_session_add_document    (CycleSession  *self,
                                             CycleDocument *document,
                                             const char    *draft_id);
/* Stops autosaving @document and removes its draft: it was saved or closed on purpose. */
void          cycle_session_remove_document (CycleSession  *self,
                                             CycleDocument *document);
/* Writes @document's draft now, if it is modified; returns whether a draft was written. */
gboolean      cycle_session_save_draft_now  (CycleSession  *self,
                                             CycleDocument *document);
/* The drafts that no open document owns: what a crash left (CycleDraft), newest first. */
GPtrArray    *cycle_session_list_orphans    (CycleSession  *self);

G_END_DECLS
