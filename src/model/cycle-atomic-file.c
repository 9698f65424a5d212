/* cycle-atomic-file.c: the one way Cycle writes a file — whole or not at all
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-atomic-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __linux__
# include <sys/xattr.h>
#endif

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cycle-atomic-file.h"
#include "cycle-atomic-file-private.h"

#define BUFFER_SIZE (64 * 1024)

/* ".NAME.cycle-XXXXXX.tmp" */
#define TEMP_INFIX  ".cycle-"
#define TEMP_SUFFIX ".tmp"
#define TEMP_RANDOM 6
/* So that the temporary file's name stays under NAME_MAX (255) */
#define MAX_NAME_IN_TEMP 200

#define MAX_LINKS 40

/* Where flock() is not supported, a temporary file this old is no save in progress */
#define STALE_WITHOUT_LOCKS (60 * 60)

struct _CycleAtomicFile
{
  int       fd;
  gboolean  own_fd;        /* a temporary file of ours, renamed over the target on commit */
  char     *tmp_path;
  char     *real_path;
  char     *display_name;
  GError   *error;         /* the first failure, repeated by later calls */
  gboolean  finished;      /* committed */
  guint8   *buffer;
  gsize     buffered;
  gsize     written;
};

static gsize fault_after;
static int   fault_errno;

void
_cycle_atomic_file_inject_write_error (gsize after_bytes,
                                       int   errnum)
{
  fault_after = after_bytes;
  fault_errno = errnum;
}

static void
set_errno_error (CycleAtomicFile *self,
                 int              saved_errno)
{
  if (self->error != NULL)
    return;

  /* TRANSLATORS: "Could not write “/home/ana/plan.svg”: No space left on device" */
  self->error = g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                             _("Could not write “%s”: %s"), self->display_name,
                             g_strerror (saved_errno));
}

static gboolean
propagate (CycleAtomicFile  *self,
           GError          **error)
{
  if (error != NULL)
    *error = g_error_copy (self->error);
  return FALSE;
}

static char *
resolve_path (const char  *path,
              GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *link = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;

      /* Not a link (or nothing there yet): this is the file. */
      if (link == NULL)
        return g_steal_pointer (&current);

      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
          continue;
        }

      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (dir, link, NULL);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS, _("Could not write “%s”: %s"),
               path, g_strerror (ELOOP));
  return NULL;
}

char *
cycle_atomic_file_resolve (GFile *target)
{
  g_autofree char *path = NULL;
  char *resolved;

  g_return_val_if_fail (G_IS_FILE (target), NULL);

  path = g_file_get_path (target);
  if (path == NULL)
    return NULL;

  resolved = resolve_path (path, NULL);

  /* Too many links: the path itself, whose own errors then say so */
  return resolved != NULL ? resolved : g_steal_pointer (&path);
}

/* The name's first @max bytes, not cutting a UTF-8 character in two. */
static char *
truncate_name (const char *name,
               gsize       max)
{
  gsize length = strlen (name);

  if (length <= max)
    return g_strdup (name);

  if (g_utf8_validate (name, -1, NULL))
    {
      const char *end = g_utf8_find_prev_char (name, name + max + 1);

      return g_strndup (name, end != NULL ? (gsize) (end - name) : max);
    }

  return g_strndup (name, max);
}

/* Whether flock() failed because another holds the lock, rather than for want of locks. */
static gboolean
lock_is_busy (int errnum)
{
  /* EWOULDBLOCK is EAGAIN on Linux */
  return errnum == EAGAIN || errnum == EINTR;
}

/* Makes, opens and locks a new temporary file beside @self->real_path. */
static gboolean
open_temp_file (CycleAtomicFile  *self,
                int               mode,
                GError          **error)
{
  g_autofree char *dir = g_path_get_dirname (self->real_path);
  g_autofree char *base = g_path_get_basename (self->real_path);
  g_autofree char *name = truncate_name (base, MAX_NAME_IN_TEMP);

  /* A cleanup in another process could take a file between its creation and our lock: then
   * its name no longer leads to our file, and we make another. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      GStatBuf by_name;
      struct stat by_fd;
      gboolean locked, same;
      int saved_errno;

      g_clear_pointer (&self->tmp_path, g_free);
      self->tmp_path = g_strdup_printf ("%s%s.%s" TEMP_INFIX "XXXXXX" TEMP_SUFFIX,
                                        dir, G_DIR_SEPARATOR_S, name);
      self->fd = g_mkstemp_full (self->tmp_path, O_WRONLY | O_CLOEXEC, mode);
      if (self->fd < 0)
        {
          g_autofree char *dir_name = g_filename_display_name (dir);

          saved_errno = errno;
          g_clear_pointer (&self->tmp_path, g_free);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       /* TRANSLATORS: the first %s is a file, the second a folder, the third
                        * what the system said ("Permission denied") */
                       _("Could not save “%s”: no temporary file can be made in the folder "
                         "“%s” (%s), and Cycle never overwrites a file in place. Save it in "
                         "another folder."),
                       self->display_name, dir_name, g_strerror (saved_errno));
          return FALSE;
        }

      /* A file system without locks (some network ones) still saves; its stale files are then
       * told by their age (remove_if_stale()) */
      locked = flock (self->fd, LOCK_EX | LOCK_NB) == 0 || !lock_is_busy (errno);
      same = g_lstat (self->tmp_path, &by_name) == 0 && fstat (self->fd, &by_fd) == 0 &&
             by_name.st_dev == by_fd.st_dev && by_name.st_ino == by_fd.st_ino;
      if (locked && same)
        return TRUE;

      if (same)
        g_unlink (self->tmp_path);
      close (self->fd);
      self->fd = -1;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("Could not write “%s”: %s"),
               self->display_name, g_strerror (EBUSY));
  return FALSE;
}

#ifdef __linux__
/* The ACL (system.posix_acl_access), user.* and whatever else the old file carries, so that
 * saving does not drop what another tool set on it. A failure to copy one never fails the save:
 * it is logged. @keep_acl is FALSE when the group could not be kept: the ACL's group entry would
 * give our group what the old group was allowed. */
static void
copy_xattrs (CycleAtomicFile *self,
             gboolean         keep_acl)
{
  g_autofree char *names = NULL;
  g_autofree char *value = NULL;
  gsize value_size = 0;
  ssize_t size;

  size = listxattr (self->real_path, NULL, 0);
  if (size > 0)
    {
      names = g_malloc (size);
      size = listxattr (self->real_path, names, size);
    }
  if (size < 0)
    {
      if (errno != ENOTSUP)
        g_debug ("Could not list the extended attributes of %s: %s", self->real_path,
                 g_strerror (errno));
      return;
    }

  for (const char *name = names; name < names + size; name += strlen (name) + 1)
    {
      ssize_t length;

      if (!keep_acl && g_str_has_prefix (name, "system.posix_acl_"))
        {
          g_debug ("Not keeping %s of %s: its group could not be kept", name, self->real_path);
          continue;
        }

      /* The value may change size between the two calls: try again then. */
      for (guint attempt = 0; attempt < 3; attempt++)
        {
          length = getxattr (self->real_path, name, NULL, 0);
          if (length < 0)
            break;
          if ((gsize) length > value_size)
            {
              value_size = length;
              value = g_realloc (value, value_size);
            }
          length = getxattr (self->real_path, name, value, value_size);
          if (length >= 0 || errno != ERANGE)
            break;
        }

      if (length < 0)
        g_debug ("Could not read the extended attribute %s of %s: %s", name, self->real_path,
                 g_strerror (errno));
      else if (fsetxattr (self->fd, name, value, length, 0) != 0)
        g_debug ("Could not keep the extended attribute %s of %s: %s", name, self->real_path,
                 g_strerror (errno));
    }
}
#endif

/* The new file as the old one was: owner (root only), group, permissions, extended attributes
 * (the ACL among them). */
static void
copy_ownership (CycleAtomicFile *self,
                const GStatBuf  *old)
{
  gboolean group_kept = TRUE;

  mode_t mode = old->st_mode & 07777;

  if (geteuid () == 0)
    {
      if (fchown (self->fd, old->st_uid, old->st_gid) != 0)
        {
          g_debug ("Could not keep the owner of %s: %s", self->real_path, g_strerror (errno));
          group_kept = FALSE;
        }
    }
  else if (old->st_gid != getegid () && fchown (self->fd, (uid_t) -1, old->st_gid) != 0)
    {
      /* Not a member of that group: the new file would go to ours, which must not get what
       * the old group was allowed. */
      mode &= ~(mode_t) S_IRWXG;
      group_kept = FALSE;
    }

  /* After fchown(), which may clear the set-id bits */
  if (fchmod (self->fd, mode) != 0)
    g_debug ("Could not keep the permissions of %s: %s", self->real_path, g_strerror (errno));

#ifdef __linux__
  /* After fchmod(): an ACL sets the mode's group bits from its mask, which fchmod() would reset */
  copy_xattrs (self, group_kept);
#else
  (void) group_kept;
#endif
}

CycleAtomicFile *
cycle_atomic_file_new (GFile                 *target,
                       CycleAtomicFileFlags   flags,
                       GError               **error)
{
  g_autoptr(CycleAtomicFile) self = NULL;
  g_autofree char *path = NULL;
  GStatBuf st;
  gboolean exists;

  g_return_val_if_fail (G_IS_FILE (target), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_file_get_path (target);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (target);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not write “%s”: Cycle writes local files only"), uri);
      return NULL;
    }

  self = g_new0 (CycleAtomicFile, 1);
  self->fd = -1;
  self->own_fd = TRUE;
  self->display_name = g_filename_display_name (path);

  self->real_path = resolve_path (path, error);
  if (self->real_path == NULL)
    return NULL;

  exists = g_lstat (self->real_path, &st) == 0;
  if (!exists && errno != ENOENT)
    {
      set_errno_error (self, errno);
      propagate (self, error);
      return NULL;
    }

  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("Could not write “%s”: it is a folder"), self->display_name);
      return NULL;
    }

  if (exists && !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not write “%s”: it is not a regular file"), self->display_name);
      return NULL;
    }

  /* Renaming over one of its names would split the others from the new contents, and
   * writing in place could leave it half written. */
  if (exists && st.st_nlink > 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Could not save “%s”: it has other names (hard links) that a safe save "
                     "would split from it, and Cycle never overwrites a file in place. Save it "
                     "under another name."),
                   self->display_name);
      return NULL;
    }

  if (!open_temp_file (self,
                       exists || (flags & CYCLE_ATOMIC_FILE_PRIVATE) ? 0600 : 0666,
                       error))
    return NULL;

  if (exists)
    copy_ownership (self, &st);

  self->buffer = g_malloc (BUFFER_SIZE);

  return g_steal_pointer (&self);
}

CycleAtomicFile *
cycle_atomic_file_new_for_fd (int         fd,
                              const char *display_name)
{
  CycleAtomicFile *self;

  g_return_val_if_fail (fd >= 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  self = g_new0 (CycleAtomicFile, 1);
  self->fd = fd;
  self->own_fd = FALSE;
  self->display_name = g_strdup (display_name);
  self->buffer = g_malloc (BUFFER_SIZE);
  return self;
}

const char *
cycle_atomic_file_get_display_name (CycleAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

static gboolean
write_fully (CycleAtomicFile *self,
             const guint8    *data,
             gsize            size)
{
  while (size > 0)
    {
      gsize chunk = size;
      gssize written;

      if (fault_errno != 0 && self->own_fd)
        {
          if (self->written >= fault_after)
            {
              set_errno_error (self, fault_errno);
              return FALSE;
            }
          chunk = MIN (chunk, fault_after - self->written);
        }

      written = write (self->fd, data, chunk);
      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          set_errno_error (self, errno);
          return FALSE;
        }
      data += written;
      size -= written;
      self->written += written;
    }

  return TRUE;
}

static gboolean
flush_buffer (CycleAtomicFile *self)
{
  gsize size = self->buffered;

  self->buffered = 0;
  return write_fully (self, self->buffer, size);
}

gboolean
cycle_atomic_file_write (CycleAtomicFile  *self,
                         const void       *data,
                         gsize             size,
                         GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);

  if (self->error != NULL)
    return propagate (self, error);

  if (self->buffered + size > BUFFER_SIZE)
    {
      if (!flush_buffer (self))
        return propagate (self, error);
      if (size >= BUFFER_SIZE)
        return write_fully (self, data, size) || propagate (self, error);
    }

  memcpy (self->buffer + self->buffered, data, size);
  self->buffered += size;
  return TRUE;
}

static guint cleanup_stale (const char *dir,
                            const char *prefix);

static void
sync_folder_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* Makes the rename itself durable; a failure here loses nothing that was written. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
cycle_atomic_file_commit (CycleAtomicFile  *self,
                          GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->error != NULL || !flush_buffer (self))
    return propagate (self, error);

  if (!self->own_fd)
    {
      self->finished = TRUE;
      return TRUE;
    }

  /* On disk before the rename, or a crash could leave an empty file in the target's place. */
  if (fsync (self->fd) != 0 && errno != EINVAL)
    {
      set_errno_error (self, errno);
      return propagate (self, error);
    }

  /* Still open, so still locked: a cleanup cannot take the file before the rename. */
  if (g_rename (self->tmp_path, self->real_path) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == EISDIR || saved_errno == ENOTEMPTY || saved_errno == EEXIST)
        g_set_error (&self->error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                     _("Could not write “%s”: it is a folder"), self->display_name);
      else
        set_errno_error (self, saved_errno);
      return propagate (self, error);
    }

  g_clear_pointer (&self->tmp_path, g_free);
  self->finished = TRUE;

  if (close (self->fd) != 0 && errno != EINTR)
    g_debug ("Closing %s: %s", self->real_path, g_strerror (errno));
  self->fd = -1;

  sync_folder_of (self->real_path);

  /* What a killed write of this same file left (an export, cycle-tool: no plan is opened there
   * to clean up) */
  {
    g_autofree char *dir = g_path_get_dirname (self->real_path);
    g_autofree char *base = g_path_get_basename (self->real_path);
    g_autofree char *name = truncate_name (base, MAX_NAME_IN_TEMP);
    g_autofree char *prefix = g_strconcat (".", name, TEMP_INFIX, NULL);

    cleanup_stale (dir, prefix);
  }

  return TRUE;
}

void
cycle_atomic_file_free (CycleAtomicFile *self)
{
  if (self == NULL)
    return;

  if (self->own_fd)
    {
      /* Removed before it is unlocked, so no cleanup ever sees it half done */
      if (self->tmp_path != NULL)
        g_unlink (self->tmp_path);
      if (self->fd >= 0)
        close (self->fd);
    }

  g_clear_error (&self->error);
  g_free (self->tmp_path);
  g_free (self->real_path);
  g_free (self->display_name);
  g_free (self->buffer);
  g_free (self);
}

gboolean
cycle_atomic_file_replace_contents (GFile                 *target,
                                    const void            *data,
                                    gsize                  size,
                                    CycleAtomicFileFlags   flags,
                                    GError               **error)
{
  g_autoptr(CycleAtomicFile) file = NULL;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);

  file = cycle_atomic_file_new (target, flags, error);

  return file != NULL &&
         cycle_atomic_file_write (file, data, size, error) &&
         cycle_atomic_file_commit (file, error);
}

gboolean
cycle_atomic_file_is_temp_name (const char *name)
{
  gsize length;
  const char *random;

  g_return_val_if_fail (name != NULL, FALSE);

  length = strlen (name);
  /* ".", at least one character of the name, ".cycle-XXXXXX.tmp" */
  if (name[0] != '.' || length < 2 + strlen (TEMP_INFIX) + TEMP_RANDOM + strlen (TEMP_SUFFIX) ||
      !g_str_has_suffix (name, TEMP_SUFFIX))
    return FALSE;

  random = name + length - strlen (TEMP_SUFFIX) - TEMP_RANDOM;
  if (strncmp (random - strlen (TEMP_INFIX), TEMP_INFIX, strlen (TEMP_INFIX)) != 0)
    return FALSE;

  for (guint i = 0; i < TEMP_RANDOM; i++)
    if (!g_ascii_isalnum (random[i]))
      return FALSE;

  return TRUE;
}

/* Removes @path if no writer holds it: a writer keeps its temporary file locked until the
 * rename, and a killed one's lock went with it. */
static gboolean
remove_if_stale (const char *path)
{
  GStatBuf by_name;
  struct stat by_fd;
  gboolean removed = FALSE;
  gboolean unlocked = FALSE;
  int fd;

  fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    return FALSE;

  if (flock (fd, LOCK_EX | LOCK_NB) == 0)
    unlocked = TRUE;
  else if (!lock_is_busy (errno))
    /* No locks here: only what no save could still be writing */
    unlocked = fstat (fd, &by_fd) == 0 &&
               g_get_real_time () / G_USEC_PER_SEC - by_fd.st_mtime > STALE_WITHOUT_LOCKS;

  if (unlocked &&
      fstat (fd, &by_fd) == 0 && S_ISREG (by_fd.st_mode) &&
      g_lstat (path, &by_name) == 0 &&
      by_name.st_dev == by_fd.st_dev && by_name.st_ino == by_fd.st_ino)
    removed = g_unlink (path) == 0;

  close (fd);
  return removed;
}

/* Removes the stale temporary files of ours in @dir whose names start with @prefix (NULL: any). */
static guint
cleanup_stale (const char *dir,
               const char *prefix)
{
  g_autoptr(GDir) folder = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint count = 0;

  folder = g_dir_open (dir, 0, &error);
  if (folder == NULL)
    {
      g_debug ("Not cleaning up temporary files: %s", error->message);
      return 0;
    }

  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!cycle_atomic_file_is_temp_name (name) ||
          (prefix != NULL && !g_str_has_prefix (name, prefix)))
        continue;

      /* A symbolic link or a folder with our name is not ours (remove_if_stale() opens with
       * O_NOFOLLOW and checks the type again) */
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      if (remove_if_stale (path))
        count++;
    }

  return count;
}

guint
cycle_atomic_file_cleanup_stale (GFile *dir)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (G_IS_FILE (dir), 0);

  path = g_file_get_path (dir);
  if (path == NULL)
    return 0;

  return cleanup_stale (path, NULL);
}
