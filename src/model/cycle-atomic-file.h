/* cycle-atomic-file.h: the one way Cycle writes a file — whole or not at all
 *
 * Every file Cycle writes (plans, drafts and their index, exports, cycle-tool's output) goes
 * through here. The bytes go to a new temporary file beside the real target, named
 * ".NAME.cycle-XXXXXX.tmp", which a commit flushes to disk (fsync), renames over the target and
 * then makes durable (fsync of the folder). The target is never truncated or written in place:
 *
 * - a symbolic link is followed to the file it names; the temporary file is made beside that
 *   file and renamed there, so the link stays a link;
 * - a target with several hard links is refused (replacing it would split the links apart, and
 *   writing in place is not atomic): G_IO_ERROR_NOT_SUPPORTED;
 * - a folder where no temporary file can be made (read-only, no permission) is refused;
 * - a full disk, a failed write, a target that became a folder: the temporary file is removed
 *   and the target is as it was.
 *
 * The new file keeps the target's permissions and group (and its owner, when running as root);
 * when the group cannot be kept, the group's permissions are dropped rather than handed to
 * another group. A new file gets 0666 less the umask, or 0600 with CYCLE_ATOMIC_FILE_PRIVATE.
 *
 * A writer holds a lock on its temporary file until the rename, so the temporary files that a
 * killed run left (nobody holds their lock) can be told from a save in progress and removed:
 * cycle_atomic_file_cleanup_stale(), called when a plan is opened or saved, and for the
 * target's own temporary files after every commit. Nothing else is ever removed.
 *
 * Errors are G_IO_ERROR, with a message that says what and where: "Could not write
 * “/home/ana/plan.cycle”: No space left on device", "Could not save “…”: no temporary file can
 * be made in the folder “…” (Permission denied)…".
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  CYCLE_ATOMIC_FILE_NONE    = 0,
  /* A file that does not exist yet is made 0600 (drafts); an existing one keeps its mode. */
  CYCLE_ATOMIC_FILE_PRIVATE = 1 << 0,
} CycleAtomicFileFlags;

typedef struct _CycleAtomicFile CycleAtomicFile;

/* Starts writing @target (a local file). Fails, naming the target, when it cannot be replaced
 * safely (see above). */
CycleAtomicFile *cycle_atomic_file_new              (GFile                 *target,
                                                     CycleAtomicFileFlags   flags,
                                                     GError               **error);
/* Writes to an open file descriptor (standard output) instead: commit flushes it, nothing is
 * renamed or removed. @display_name names it in messages. The descriptor is not closed. */
CycleAtomicFile *cycle_atomic_file_new_for_fd       (int                    fd,
                                                     const char            *display_name);
/* Once a write failed, the later ones fail at once with the same error. */
gboolean         cycle_atomic_file_write            (CycleAtomicFile       *self,
                                                     const void            *data,
                                                     gsize                  size,
                                                     GError               **error);
/* Flushes, syncs and renames over the target. */
gboolean         cycle_atomic_file_commit           (CycleAtomicFile       *self,
                                                     GError               **error);
/* How messages name the target (the path the caller gave, for people). */
const char      *cycle_atomic_file_get_display_name (CycleAtomicFile       *self);
/* Aborts (removes the temporary file) unless committed. */
void             cycle_atomic_file_free             (CycleAtomicFile       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CycleAtomicFile, cycle_atomic_file_free)

/* All of @data to @target. */
gboolean         cycle_atomic_file_replace_contents (GFile                 *target,
                                                     const void            *data,
                                                     gsize                  size,
                                                     CycleAtomicFileFlags   flags,
                                                     GError               **error);

/* The file @target really names: its symbolic links followed (at most 40), as far as they
 * lead; @target's own path when it is no link. NULL for a file that is not local. */
char            *cycle_atomic_file_resolve          (GFile                 *target);

/* Whether @name is one of ours: ".NAME.cycle-XXXXXX.tmp". */
gboolean         cycle_atomic_file_is_temp_name     (const char            *name);
/* Removes from @dir the temporary files of ours that no running writer holds (a killed save
 * left them); returns how many. Other programs' files are never touched. */
guint            cycle_atomic_file_cleanup_stale    (GFile                 *dir);

G_END_DECLS
