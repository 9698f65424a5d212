/* cycle-session.c: autosaving the open plans as drafts, and what a crash left behind
 *
 * Like gnome-text-editor's EditorSession: a modified plan is written to the drafts folder at
 * most `autosave-delay` seconds after its first change that no draft holds yet — however the
 * person keeps editing, so steady work is never more than that from safety; the draft goes away
 * when the plan is saved, undone back to its saved state, or its window is closed on purpose.
 * What is left at startup is what a crash left. A draft that cannot be written is said once
 * (the "autosave-failed" signal), until one is written again.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-session"

#include "config.h"

#include "cycle-drafts.h"
#include "cycle-plan-io.h"
#include "cycle-session.h"

struct _CycleSession
{
  GObject     parent_instance;

  GSettings  *settings;
  GFile      *drafts_dir;
  /* CycleDocument → Entry */
  GHashTable *entries;
};

G_DEFINE_FINAL_TYPE (CycleSession, cycle_session, G_TYPE_OBJECT)

enum {
  AUTOSAVE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CycleSession  *session;
  CycleDocument *document;
  char          *id;
  /* What was last written, so an unchanged plan is not written again */
  GBytes        *written;
  /* Written by this session, or recovered from a crash */
  gboolean       has_draft;
  /* A failure was said, and no draft was written since */
  gboolean       failure_told;
  gulong         modified_id;
  gulong         undo_id;
  guint          timeout_id;
} Entry;

static void
entry_free (Entry *entry)
{
  CyclePlan *plan = cycle_document_get_plan (entry->document);

  g_clear_handle_id (&entry->timeout_id, g_source_remove);
  g_clear_signal_handler (&entry->modified_id, plan);
  g_clear_signal_handler (&entry->undo_id, plan);
  g_clear_pointer (&entry->written, g_bytes_unref);
  g_clear_object (&entry->document);
  g_free (entry->id);
  g_free (entry);
}

static void
entry_delete_draft (Entry *entry)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&entry->written, g_bytes_unref);
  entry->has_draft = FALSE;
  if (!cycle_drafts_delete (entry->session->drafts_dir, entry->id, &error))
    g_debug ("Could not remove the draft %s: %s", entry->id, error->message);
}

static gboolean
entry_write (Entry *entry)
{
  CyclePlan *plan = cycle_document_get_plan (entry->document);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (!cycle_plan_get_modified (plan))
    return FALSE;

  bytes = cycle_plan_to_bytes (plan);
  if (entry->written != NULL && g_bytes_equal (bytes, entry->written))
    return FALSE;

  if (!cycle_drafts_write (entry->session->drafts_dir, entry->id, plan,
                           cycle_document_get_file (entry->document),
                           cycle_document_get_stamp (entry->document), &error))
    {
      g_debug ("Could not write the draft %s: %s", entry->id, error->message);
      /* Once: the plan itself is safe in the window, and the timer tries again */
      if (!entry->failure_told)
        {
          entry->failure_told = TRUE;
          g_signal_emit (entry->session, signals[AUTOSAVE_FAILED], 0, entry->document, error);
        }
      return FALSE;
    }

  g_clear_pointer (&entry->written, g_bytes_unref);
  entry->written = g_steal_pointer (&bytes);
  entry->has_draft = TRUE;
  entry->failure_told = FALSE;

  return TRUE;
}

/* Keeps running while the plan is modified: a string edit that merges into the previous undo
 * step notifies nothing, so a change may come without a notification. Every tick writes what
 * changed since the last one, so no change waits more than one delay. An unchanged plan is not
 * written again. */
static gboolean
on_entry_timeout_cb (gpointer data)
{
  Entry *entry = data;

  entry_write (entry);

  return G_SOURCE_CONTINUE;
}

/* @restart: the delay changed, so a running timer starts over with the new one. */
static void
entry_schedule (Entry    *entry,
                gboolean  restart)
{
  guint delay = g_settings_get_uint (entry->session->settings, "autosave-delay");
  CyclePlan *plan = cycle_document_get_plan (entry->document);

  if (!cycle_plan_get_modified (plan))
    {
      g_clear_handle_id (&entry->timeout_id, g_source_remove);
      /* Saved, or undone back to what is saved: nothing to recover. */
      if (entry->has_draft)
        entry_delete_draft (entry);
      return;
    }

  if (restart || delay == 0)
    g_clear_handle_id (&entry->timeout_id, g_source_remove);

  /* Counted from the first change: later ones do not push the draft back, or steady editing
   * would never be autosaved. */
  if (delay > 0 && entry->timeout_id == 0)
    entry->timeout_id = g_timeout_add (delay * 1000, on_entry_timeout_cb, entry);
}

static void
on_plan_changed_cb (Entry      *entry,
                    GParamSpec *pspec,
                    CyclePlan  *plan)
{
  entry_schedule (entry, FALSE);
}

static void
on_autosave_delay_changed_cb (CycleSession *self,
                              const char   *key,
                              GSettings    *settings)
{
  GHashTableIter iter;
  Entry *entry;

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    entry_schedule (entry, TRUE);
}

void
cycle_session_add_document (CycleSession  *self,
                            CycleDocument *document,
                            const char    *draft_id)
{
  CyclePlan *plan;
  Entry *entry;

  g_return_if_fail (CYCLE_IS_SESSION (self));
  g_return_if_fail (CYCLE_IS_DOCUMENT (document));

  if (g_hash_table_contains (self->entries, document))
    return;

  plan = cycle_document_get_plan (document);
  entry = g_new0 (Entry, 1);
  entry->session = self;
  entry->document = g_object_ref (document);
  entry->id = draft_id != NULL ? g_strdup (draft_id) : cycle_drafts_new_id ();
  entry->has_draft = draft_id != NULL;
  entry->modified_id = g_signal_connect_swapped (plan, "notify::modified",
                                                 G_CALLBACK (on_plan_changed_cb), entry);
  entry->undo_id = g_signal_connect_swapped (plan, "notify::undo-label",
                                             G_CALLBACK (on_plan_changed_cb), entry);
  g_hash_table_insert (self->entries, document, entry);

  entry_schedule (entry, FALSE);
}

void
cycle_session_remove_document (CycleSession  *self,
                               CycleDocument *document)
{
  Entry *entry;

  g_return_if_fail (CYCLE_IS_SESSION (self));
  g_return_if_fail (CYCLE_IS_DOCUMENT (document));

  entry = g_hash_table_lookup (self->entries, document);
  if (entry == NULL)
    return;

  if (entry->has_draft)
    entry_delete_draft (entry);
  g_hash_table_remove (self->entries, document);
}

gboolean
cycle_session_save_draft_now (CycleSession  *self,
                              CycleDocument *document)
{
  Entry *entry;

  g_return_val_if_fail (CYCLE_IS_SESSION (self), FALSE);
  g_return_val_if_fail (CYCLE_IS_DOCUMENT (document), FALSE);

  entry = g_hash_table_lookup (self->entries, document);

  return entry != NULL && entry_write (entry);
}

GPtrArray *
cycle_session_list_orphans (CycleSession *self)
{
  GPtrArray *drafts;
  GHashTableIter iter;
  Entry *entry;

  g_return_val_if_fail (CYCLE_IS_SESSION (self), NULL);

  drafts = cycle_drafts_list (self->drafts_dir);

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    for (guint i = 0; i < drafts->len; i++)
      if (g_strcmp0 (((CycleDraft *) g_ptr_array_index (drafts, i))->id, entry->id) == 0)
        {
          g_ptr_array_remove_index (drafts, i);
          break;
        }

  return drafts;
}

GFile *
cycle_session_get_drafts_dir (CycleSession *self)
{
  g_return_val_if_fail (CYCLE_IS_SESSION (self), NULL);

  return self->drafts_dir;
}

static void
cycle_session_dispose (GObject *object)
{
  CycleSession *self = CYCLE_SESSION (object);

  /* Without deleting drafts: documents still here at the end were not closed on purpose. */
  g_clear_pointer (&self->entries, g_hash_table_unref);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->drafts_dir);

  G_OBJECT_CLASS (cycle_session_parent_class)->dispose (object);
}

static void
cycle_session_class_init (CycleSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cycle_session_dispose;

  /**
   * CycleSession::autosave-failed:
   * @document: the document whose draft could not be written
   * @error: why, naming the file
   *
   * Emitted once when a draft cannot be written, and again only after one was written since.
   */
  signals[AUTOSAVE_FAILED] =
    g_signal_new ("autosave-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CYCLE_TYPE_DOCUMENT, G_TYPE_ERROR);
}

static void
cycle_session_init (CycleSession *self)
{
  self->entries = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) entry_free);
}

CycleSession *
cycle_session_new (GSettings *settings,
                   GFile     *drafts_dir)
{
  CycleSession *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (G_IS_FILE (drafts_dir), NULL);

  self = g_object_new (CYCLE_TYPE_SESSION, NULL);
  self->settings = g_object_ref (settings);
  self->drafts_dir = g_object_ref (drafts_dir);
  g_signal_connect_object (settings, "changed::autosave-delay",
                           G_CALLBACK (on_autosave_delay_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}
