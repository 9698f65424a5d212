/* test-atomic-file.c: the one atomic writer, on every kind of target
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-atomic-file"
/* unshare(), setresuid() */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#ifdef __linux__
# include <linux/capability.h>
# include <sched.h>
# include <sys/mount.h>
# include <sys/syscall.h>
# include <sys/xattr.h>
#endif

#include "cycle-atomic-file.h"
#include "cycle-atomic-file-private.h"
#include "test-tree.h"

/* The user that tests running as root become to meet permissions (nobody on Debian) */
#define UNPRIVILEGED_ID 65534

static const char old_text[] = "the old contents\n";
static const char new_text[] = "the new contents, which are longer than the old ones\n";

typedef struct
{
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = g_dir_make_tmp ("cycle-test-atomic-XXXXXX", &error);
  g_assert_no_error (error);
  /* Others may go through it: the tests that drop privileges */
  g_assert_cmpint (g_chmod (fixture->path, 0755), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  test_remove_tree (fixture->path);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&fixture->path, g_free);
}

static char *
child_path (Fixture    *fixture,
            const char *name)
{
  return g_build_filename (fixture->path, name, NULL);
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

static gboolean
replace (const char  *path,
         const char  *contents,
         GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return cycle_atomic_file_replace_contents (file, contents, strlen (contents),
                                             CYCLE_ATOMIC_FILE_NONE, error);
}

/* Our temporary files in @dir, whoever left them. */
static guint
count_temp_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (cycle_atomic_file_is_temp_name (name))
      count++;

  return count;
}

static GStatBuf
stat_of (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_lstat (path, &buf), ==, 0);
  return buf;
}

static void
test_plain (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autofree char *path = child_path (fixture, "plan.cycle");
  g_autoptr(GError) error = NULL;
  GStatBuf before;

  /* A new file */
  g_assert_true (replace (path, old_text, &error));
  g_assert_no_error (error);
  assert_contents (path, old_text);

  /* Replaced by a rename: another inode, nothing in place */
  before = stat_of (path);
  g_assert_true (replace (path, new_text, &error));
  g_assert_no_error (error);
  assert_contents (path, new_text);
  g_assert_cmpuint (stat_of (path).st_ino, !=, before.st_ino);
  g_assert_cmpuint (count_temp_files (fixture->path), ==, 0);
}

/* A killed export leaves its temporary file; the next write of the same file removes it, and
 * leaves the other files' (and other programs') alone. */
static void
test_cleanup_after_commit (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *path = child_path (fixture, "plan.svg");
  g_autofree char *mine = child_path (fixture, ".plan.svg.cycle-Kil123.tmp");
  g_autofree char *other = child_path (fixture, ".other.svg.cycle-Kil456.tmp");
  g_autofree char *foreign = child_path (fixture, ".goutputstream-Kil789");
  g_autoptr(GError) error = NULL;

  write_file (mine, "half");
  write_file (other, "half");
  write_file (foreign, "half");
  g_assert_true (replace (path, new_text, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (mine, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));
}

static void
test_streaming_abort (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *path = child_path (fixture, "plan.cycle");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CycleAtomicFile *out;

  write_file (path, old_text);

  /* Freed without a commit: the target is as it was and no temporary file is left */
  out = cycle_atomic_file_new (file, CYCLE_ATOMIC_FILE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_temp_files (fixture->path), ==, 1);
  g_assert_true (cycle_atomic_file_write (out, new_text, 10, &error));
  g_assert_cmpstr (cycle_atomic_file_get_display_name (out), ==, path);
  cycle_atomic_file_free (out);
  assert_contents (path, old_text);
  g_assert_cmpuint (count_temp_files (fixture->path), ==, 0);

  /* A writer in progress holds its file: a cleanup leaves it alone */
  out = cycle_atomic_file_new (file, CYCLE_ATOMIC_FILE_NONE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (fixture->path);

    g_assert_cmpuint (cycle_atomic_file_cleanup_stale (dir), ==, 0);
  }
  g_assert_true (cycle_atomic_file_write (out, new_text, strlen (new_text), &error));
  g_assert_true (cycle_atomic_file_commit (out, &error));
  g_assert_no_error (error);
  cycle_atomic_file_free (out);
  assert_contents (path, new_text);
  g_assert_cmpuint (count_temp_files (fixture->path), ==, 0);
}

static void
test_symlink (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *real_dir = child_path (fixture, "real");
  g_autofree char *real = g_build_filename (real_dir, "plan.cycle", NULL);
  g_autofree char *link = child_path (fixture, "link.cycle");
  g_autofree char *chain = child_path (fixture, "chain.cycle");
  g_autofree char *dangling = child_path (fixture, "dangling.cycle");
  g_autofree char *dangling_target = child_path (fixture, "created.cycle");
  g_autofree char *loop = child_path (fixture, "loop.cycle");
  g_autofree char *target = NULL;
  g_autoptr(GFile) link_file = NULL;
  g_autofree char *resolved = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0755), ==, 0);
  write_file (real, old_text);
  g_assert_cmpint (g_chmod (real, 0640), ==, 0);
  /* A relative link, and a link to that link */
  g_assert_cmpint (symlink ("real/plan.cycle", link), ==, 0);
  g_assert_cmpint (symlink (link, chain), ==, 0);

  link_file = g_file_new_for_path (chain);
  resolved = cycle_atomic_file_resolve (link_file);
  g_assert_cmpstr (resolved, ==, real);

  g_assert_true (replace (chain, new_text, &error));
  g_assert_no_error (error);

  /* The links stay links; the file they name has the new contents and its mode */
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (chain, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (target, ==, "real/plan.cycle");
  assert_contents (real, new_text);
  assert_contents (chain, new_text);
  g_assert_cmpuint (stat_of (real).st_mode & 07777, ==, 0640);
  g_assert_cmpuint (count_temp_files (fixture->path), ==, 0);
  g_assert_cmpuint (count_temp_files (real_dir), ==, 0);

  /* A link to nothing yet: the file is made where it points */
  g_assert_cmpint (symlink ("created.cycle", dangling), ==, 0);
  g_assert_true (replace (dangling, new_text, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  assert_contents (dangling_target, new_text);

  /* A loop is refused, saying where */
  g_assert_cmpint (symlink ("loop.cycle", loop), ==, 0);
  g_assert_false (replace (loop, new_text, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_assert_nonnull (strstr (error->message, loop));
}

static void
test_hard_link (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = child_path (fixture, "plan.cycle");
  g_autofree char *other = child_path (fixture, "other-name.cycle");
  g_autoptr(GError) error = NULL;

  write_file (path, old_text);
  g_assert_cmpint (link (path, other), ==, 0);

  g_assert_false (replace (path, new_text, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "hard links"));
  g_test_message ("%s", error->message);
  assert_contents (path, old_text);
  assert_contents (other, old_text);
  g_assert_cmpuint (stat_of (path).st_nlink, ==, 2);
  g_assert_cmpuint (count_temp_files (fixture->path), ==, 0);
}

static void
test_folder (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *path = child_path (fixture, "plan.cycle");
  g_autofree char *fifo = child_path (fixture, "fifo.cycle");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CycleAtomicFile *out;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_false (replace (path, new_text, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);
  g_assert_cmpint (g_rmdir (path), ==, 0);

  /* Replaced by a folder while the new contents were written */
  write_file (path, old_text);
  out = cycle_atomic_file_new (file, CYCLE_ATOMIC_FILE_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (cycle_atomic_file_write (out, new_text, strlen (new_text), &error));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  {
    g_autofree char *inside = g_build_filename (path, "something", NULL);

    write_file (inside, old_text);
  }
  g_assert_false (cycle_atomic_file_commit (out, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, path));
  cycle_atomic_file_free (out);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_temp_files (fixture->path), ==, 0);
  g_clear_error (&error);

  /* Not a regular file */
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_false (replace (fifo, new_text, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
}

static void
test_keeps_mode_and_group (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *path = child_path (fixture, "plan.cycle");
  g_autofree char *created = child_path (fixture, "created.cycle");
  g_autofree char *private = child_path (fixture, "private.cycle");
  g_autoptr(GFile) private_file = g_file_new_for_path (private);
  g_autoptr(GError) error = NULL;
  mode_t mask;
  GStatBuf st;

  write_file (path, old_text);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (replace (path, new_text, &error));
  g_assert_cmpuint (stat_of (path).st_mode & 07777, ==, 0600);

  g_assert_cmpint (g_chmod (path, 0604), ==, 0);
  g_assert_true (replace (path, old_text, &error));
  g_assert_cmpuint (stat_of (path).st_mode & 07777, ==, 0604);

  /* Owner and group: only root can give a file away */
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (path, UNPRIVILEGED_ID, UNPRIVILEGED_ID), ==, 0);
      g_assert_cmpint (g_chmod (path, 0640), ==, 0);
      g_assert_true (replace (path, new_text, &error));
      g_assert_no_error (error);
      st = stat_of (path);
      g_assert_cmpuint (st.st_uid, ==, UNPRIVILEGED_ID);
      g_assert_cmpuint (st.st_gid, ==, UNPRIVILEGED_ID);
      g_assert_cmpuint (st.st_mode & 07777, ==, 0640);
    }

  /* A new file: 0666 less the umask, or private */
  mask = umask (022);
  g_assert_true (replace (created, new_text, &error));
  g_assert_cmpuint (stat_of (created).st_mode & 07777, ==, 0644);
  g_assert_true (cycle_atomic_file_replace_contents (private_file, new_text, strlen (new_text),
                                                     CYCLE_ATOMIC_FILE_PRIVATE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stat_of (private).st_mode & 07777, ==, 0600);
  umask (mask);
}

#ifdef __linux__
/* A POSIX ACL as the kernel keeps it in system.posix_acl_access (little-endian): user::rw-,
 * user:nobody:r--, group::r--, mask::r--, other::--- */
static const guint8 acl_value[] = {
  0x02, 0x00, 0x00, 0x00,                                       /* version 2 */
  0x01, 0x00, 0x06, 0x00, 0xff, 0xff, 0xff, 0xff,               /* USER_OBJ rw */
  0x02, 0x00, 0x04, 0x00, 0xfe, 0xff, 0x00, 0x00,               /* USER 65534 r */
  0x04, 0x00, 0x04, 0x00, 0xff, 0xff, 0xff, 0xff,               /* GROUP_OBJ r */
  0x10, 0x00, 0x04, 0x00, 0xff, 0xff, 0xff, 0xff,               /* MASK r */
  0x20, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff,               /* OTHER none */
};

static gboolean
has_xattr (const char   *path,
           const char   *name,
           const guint8 *expected,
           gsize         length)
{
  guint8 value[256];
  ssize_t got = getxattr (path, name, value, sizeof value);

  return got == (ssize_t) length && memcmp (value, expected, length) == 0;
}
#endif

/* Extended attributes (user.*) and the ACL (system.posix_acl_access) survive a save. */
static void
test_keeps_xattrs (Fixture       *fixture,
                   gconstpointer  user_data)
{
#ifdef __linux__
  g_autofree char *path = child_path (fixture, "plan.cycle");
  g_autoptr(GError) error = NULL;
  static const char tag[] = "kept";
  gboolean user_ok, acl_ok;

  write_file (path, old_text);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  user_ok = setxattr (path, "user.cycle-test", tag, strlen (tag), 0) == 0;
  if (!user_ok)
    g_test_message ("user extended attributes: not supported here (%s)", g_strerror (errno));
  acl_ok = setxattr (path, "system.posix_acl_access", acl_value, sizeof acl_value, 0) == 0;
  if (!acl_ok)
    g_test_message ("POSIX ACLs: not supported here (%s)", g_strerror (errno));

  if (!user_ok && !acl_ok)
    {
      g_test_skip ("the file system of the temporary folder supports neither user extended "
                   "attributes nor ACLs");
      return;
    }

  g_assert_true (replace (path, new_text, &error));
  g_assert_no_error (error);
  assert_contents (path, new_text);
  g_assert_cmpuint (stat_of (path).st_mode & 07777, ==, 0640);

  if (user_ok)
    g_assert_true (has_xattr (path, "user.cycle-test", (const guint8 *) tag, strlen (tag)));
  if (acl_ok)
    g_assert_true (has_xattr (path, "system.posix_acl_access", acl_value, sizeof acl_value));
  g_assert_cmpuint (count_temp_files (fixture->path), ==, 0);
#else
  g_test_skip ("extended attributes are copied on Linux only");
#endif
}

static void
test_long_name (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  /* 250 bytes of two-byte characters: the temporary name is cut, between characters */
  while (name->len < 244)
    g_string_append (name, "é");
  g_string_append (name, ".cycle");
  path = child_path (fixture, name->str);

  /* (g_file_set_contents() cannot make it: its own temporary name is too long) */
  g_assert_true (replace (path, old_text, &error));
  g_assert_no_error (error);
  g_assert_true (replace (path, new_text, &error));
  g_assert_no_error (error);
  assert_contents (path, new_text);
  g_assert_cmpuint (count_temp_files (fixture->path), ==, 0);
}

static void
test_disk_full_injected (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *path = child_path (fixture, "plan.cycle");
  g_autofree char *created = child_path (fixture, "created.cycle");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) big = g_string_new (NULL);

  while (big->len < 200 * 1024)
    g_string_append (big, new_text);

  write_file (path, old_text);
  _cycle_atomic_file_inject_write_error (100 * 1024, ENOSPC);

  g_assert_false (replace (path, big->str, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  assert_contents (path, old_text);

  g_assert_false (replace (created, big->str, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_false (g_file_test (created, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temp_files (fixture->path), ==, 0);

  _cycle_atomic_file_inject_write_error (0, 0);
  g_clear_error (&error);
  g_assert_true (replace (path, big->str, &error));
  g_assert_no_error (error);
  assert_contents (path, big->str);
}

/* Mounts made in a mount namespace of this process's own vanish with it. */
static gboolean
mount_tmpfs (const char *path,
             const char *options)
{
#ifdef __linux__
  static int entered = -1;

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  if (entered < 0)
    entered = unshare (CLONE_NEWNS) == 0 &&
              mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) == 0;
  if (entered && mount ("tmpfs", path, "tmpfs", MS_NOSUID | MS_NODEV, options) == 0)
    return TRUE;
  g_test_message ("cannot mount: %s", g_strerror (errno));
#endif
  return FALSE;
}

static void
test_disk_full_tmpfs (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *mnt = child_path (fixture, "small");
  g_autofree char *path = g_build_filename (mnt, "plan.cycle", NULL);
  g_autofree char *filler = g_build_filename (mnt, "filler", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) big = g_string_new (NULL);
  char block[4096];
  int fd;

  if (!mount_tmpfs (mnt, "size=64k"))
    {
      g_test_skip ("cannot mount a small file system here (the injected full disk covers it)");
      return;
    }

  write_file (path, old_text);
  while (big->len < 32 * 1024)
    g_string_append (big, new_text);

  /* Fill what is left */
  memset (block, 'x', sizeof block);
  fd = g_open (filler, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  while (write (fd, block, sizeof block) > 0)
    ;
  g_assert_cmpint (errno, ==, ENOSPC);
  close (fd);

  g_assert_false (replace (path, big->str, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, path));
  assert_contents (path, old_text);
  g_assert_cmpuint (count_temp_files (mnt), ==, 0);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (filler), ==, 0);
  g_assert_true (replace (path, big->str, &error));
  g_assert_no_error (error);

#ifdef __linux__
  g_assert_cmpint (umount2 (mnt, MNT_DETACH), ==, 0);
#endif
}

/* Root ignores permissions: become nobody, in a child, to meet them. */
static gboolean
drop_privileges (void)
{
  if (geteuid () != 0)
    return TRUE;

  return setgroups (0, NULL) == 0 &&
         setresgid (UNPRIVILEGED_ID, UNPRIVILEGED_ID, UNPRIVILEGED_ID) == 0 &&
         setresuid (UNPRIVILEGED_ID, UNPRIVILEGED_ID, UNPRIVILEGED_ID) == 0;
}

/* Whether a user other than the owner can reach @path: every folder above it lets others
 * through (not so in a chroot made in a private folder, where "/" itself is 0700). */
static gboolean
others_can_reach (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (;;)
    {
      g_autofree char *parent = g_path_get_dirname (current);
      GStatBuf st;

      if (g_stat (parent, &st) != 0 || !(st.st_mode & S_IXOTH))
        return FALSE;
      if (g_str_equal (parent, current))
        return TRUE;
      g_free (current);
      current = g_steal_pointer (&parent);
    }
}

/* Root without the capabilities that let it ignore file modes, in this process. */
static gboolean
drop_dac_capabilities (void)
{
#ifdef __linux__
  struct __user_cap_header_struct header = { _LINUX_CAPABILITY_VERSION_3, 0 };
  struct __user_cap_data_struct data[2];
  guint32 mask = (1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH);

  if (syscall (SYS_capget, &header, data) != 0)
    return FALSE;
  data[0].effective &= ~mask;
  data[0].permitted &= ~mask;
  data[0].inheritable &= ~mask;
  return syscall (SYS_capset, &header, data) == 0;
#else
  return FALSE;
#endif
}

/* No fixture: the child that drops privileges could not remove one made by root. */
static void
test_read_only_folder (void)
{
  const char *parent = g_getenv ("CYCLE_TEST_LOCKED_DIR");
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *created = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (parent);
      dir = g_build_filename (parent, "locked", NULL);
      path = g_build_filename (dir, "plan.cycle", NULL);
      created = g_build_filename (dir, "created.cycle", NULL);

      /* Root ignores modes: become nobody, or, where nobody cannot reach the folder, stay root
       * without the capabilities that ignore them (the folder is root's, 0555) */
      if (geteuid () == 0 && !others_can_reach (path))
        g_assert_true (drop_dac_capabilities ());
      else
        g_assert_true (drop_privileges ());
      g_assert_cmpint (access (path, W_OK), ==, 0);

      /* The file itself is writable, the folder is not: never written in place */
      g_assert_false (replace (path, new_text, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, dir));
      g_printerr ("%s\n", error->message);
      g_clear_error (&error);

      g_assert_false (replace (created, new_text, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      return;
    }

  tmp = g_dir_make_tmp ("cycle-test-atomic-XXXXXX", NULL);
  g_assert_nonnull (tmp);
  g_assert_cmpint (g_chmod (tmp, 0755), ==, 0);
  dir = g_build_filename (tmp, "locked", NULL);
  path = g_build_filename (dir, "plan.cycle", NULL);
  created = g_build_filename (dir, "created.cycle", NULL);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  write_file (path, old_text);
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);
  if (geteuid () == 0)
    g_assert_cmpint (chown (path, UNPRIVILEGED_ID, UNPRIVILEGED_ID), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_setenv ("CYCLE_TEST_LOCKED_DIR", tmp, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("CYCLE_TEST_LOCKED_DIR");
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*no temporary file can be made in the folder*");

  assert_contents (path, old_text);
  g_assert_false (g_file_test (created, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temp_files (dir), ==, 0);
  test_remove_tree (tmp);
}

static void
test_read_only_fs (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *mnt = child_path (fixture, "ro");
  g_autofree char *path = g_build_filename (mnt, "plan.cycle", NULL);
  g_autoptr(GError) error = NULL;

  if (!mount_tmpfs (mnt, "size=64k"))
    {
      g_test_skip ("cannot mount a file system here");
      return;
    }

  write_file (path, old_text);
#ifdef __linux__
  g_assert_cmpint (mount ("tmpfs", mnt, "tmpfs", MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV,
                          "size=64k"), ==, 0);
#endif

  g_assert_false (replace (path, new_text, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
  assert_contents (path, old_text);

#ifdef __linux__
  g_assert_cmpint (umount2 (mnt, MNT_DETACH), ==, 0);
#endif
}

static void
test_fd (void)
{
  g_autoptr(GError) error = NULL;
  int fds[2];
  char buffer[64] = { 0 };
  CycleAtomicFile *out;

  g_assert_cmpint (pipe (fds), ==, 0);
  out = cycle_atomic_file_new_for_fd (fds[1], "standard output");
  g_assert_true (cycle_atomic_file_write (out, "hello", 5, &error));
  g_assert_true (cycle_atomic_file_commit (out, &error));
  g_assert_no_error (error);
  cycle_atomic_file_free (out);
  close (fds[1]);
  g_assert_cmpint (read (fds[0], buffer, sizeof buffer), ==, 5);
  g_assert_cmpstr (buffer, ==, "hello");
  close (fds[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/atomic-file/plain", test_plain);
  ADD ("/atomic-file/cleanup-after-commit", test_cleanup_after_commit);
  ADD ("/atomic-file/streaming-abort", test_streaming_abort);
  ADD ("/atomic-file/symlink", test_symlink);
  ADD ("/atomic-file/hard-link", test_hard_link);
  ADD ("/atomic-file/folder", test_folder);
  ADD ("/atomic-file/keeps-mode-and-group", test_keeps_mode_and_group);
  ADD ("/atomic-file/keeps-xattrs", test_keeps_xattrs);
  ADD ("/atomic-file/long-name", test_long_name);
  ADD ("/atomic-file/disk-full/injected", test_disk_full_injected);
  ADD ("/atomic-file/disk-full/tmpfs", test_disk_full_tmpfs);
  g_test_add_func ("/atomic-file/read-only-folder", test_read_only_folder);
  ADD ("/atomic-file/read-only-fs", test_read_only_fs);
  g_test_add_func ("/atomic-file/fd", test_fd);

  return g_test_run ();
}
