/* cycle-synced-copy.c: the copies a synced folder makes of a plan edited in two places
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-synced-copy"

#include "config.h"

#include <string.h>

#include "cycle-synced-copy.h"

/* Nextcloud puts its tag before the extension; the user's name, when there is one, has no
 * parentheses (the client replaces them), so the tag ends at the first ")". */
#define NEXTCLOUD_TAG \
  " \\(conflicted copy (?:[^()/]* )?[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{6}(?: by [^()/]*)?\\)"
#define SYNCTHING_TAG "\\.sync-conflict-[0-9]{8}-[0-9]{6}-[A-Z0-9]{7}"

gboolean
cycle_synced_copy_matches (const char *plan_name,
                           const char *name)
{
  g_autofree char *stem = NULL;
  g_autofree char *stem_re = NULL;
  g_autofree char *ext_re = NULL;
  g_autofree char *pattern = NULL;
  const char *dot;

  g_return_val_if_fail (plan_name != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  /* "plan.cycle" → "plan" and ".cycle"; a name that starts with its only dot has no extension */
  dot = strrchr (plan_name, '.');
  if (dot == NULL || dot == plan_name)
    dot = plan_name + strlen (plan_name);
  stem = g_strndup (plan_name, dot - plan_name);
  stem_re = g_regex_escape_string (stem, -1);
  ext_re = g_regex_escape_string (dot, -1);

  pattern = g_strdup_printf ("^%s(?:" NEXTCLOUD_TAG "|" SYNCTHING_TAG ")%s$", stem_re, ext_re);
  return g_regex_match_simple (pattern, name, G_REGEX_DOLLAR_ENDONLY, 0);
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *na = g_file_get_basename (*(GFile **) a);
  g_autofree char *nb = g_file_get_basename (*(GFile **) b);

  return strcmp (na, nb);
}

GPtrArray *
cycle_synced_copy_list (GFile        *file,
                        GCancellable *cancellable)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autofree char *plan_name = NULL;
  GFileInfo *info;

  g_return_val_if_fail (G_IS_FILE (file), copies);

  dir = g_file_get_parent (file);
  if (dir == NULL)
    return copies;
  plan_name = g_file_get_basename (file);
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (children == NULL)
    return copies;

  while ((info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          cycle_synced_copy_matches (plan_name, g_file_info_get_name (info)))
        g_ptr_array_add (copies, g_file_get_child (dir, g_file_info_get_name (info)));
      g_object_unref (info);
    }

  g_ptr_array_sort (copies, compare_files);
  return copies;
}
