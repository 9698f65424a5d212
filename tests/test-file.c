/* test-file.c: the .cycle file — canonical round trips, unknown members, broken files, limits
 *
 * The files are in tests/data: the .cycle files in good/ are valid plans in canonical form
 * (loading and saving one gives the same bytes); those in broken/ have one fault each, and
 * broken/expected.txt holds, for each, the line `cycle-tool validate NAME` prints.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-file"

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cycle-document.h"
#include "cycle-json.h"
#include "cycle-plan-io.h"

#define MIN_GOOD_FILES   6
#define MIN_BROKEN_FILES 35

/* Helpers */

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static const char *
good_path (const char *name)
{
  return g_test_get_filename (G_TEST_DIST, "data", "good", name, NULL);
}

static const char *
broken_path (const char *name)
{
  return g_test_get_filename (G_TEST_DIST, "data", "broken", name, NULL);
}

static CyclePlan *
load_bytes (GBytes  *bytes,
            GError **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return cycle_plan_new_from_data (data, length, error);
}

static CyclePlan *
load_string (const char  *text,
             GError     **error)
{
  return cycle_plan_new_from_data (text, strlen (text), error);
}

static CyclePlan *
load_good (const char *name)
{
  g_autoptr(GBytes) bytes = read_file (good_path (name));
  g_autoptr(GError) error = NULL;
  CyclePlan *plan = load_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static char *
save_to_string (CyclePlan *plan)
{
  g_autoptr(GBytes) bytes = cycle_plan_to_bytes (plan);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  /* The writer writes text: no NUL inside */
  g_assert_null (memchr (data, '\0', length));
  return g_strndup (data, length);
}

static char *
repeat (const char *unit,
        guint       times)
{
  gsize len = strlen (unit);
  char *s = g_malloc (len * times + 1);

  for (guint i = 0; i < times; i++)
    memcpy (s + i * len, unit, len);
  s[len * times] = '\0';
  return s;
}

/* Equal bytes, or a failure that shows the first line that differs */
static void
assert_same_bytes (GBytes     *actual,
                   GBytes     *expected,
                   const char *what)
{
  gsize actual_len = 0, expected_len = 0, i, line_start = 0;
  const char *a = g_bytes_get_data (actual, &actual_len);
  const char *e = g_bytes_get_data (expected, &expected_len);
  guint line = 1;

  if (actual_len == expected_len && (actual_len == 0 || memcmp (a, e, actual_len) == 0))
    return;

  for (i = 0; i < actual_len && i < expected_len && a[i] == e[i]; i++)
    if (a[i] == '\n')
      {
        line++;
        line_start = i + 1;
      }

  {
    const char *a_end = memchr (a + line_start, '\n', actual_len - line_start);
    const char *e_end = memchr (e + line_start, '\n', expected_len - line_start);
    g_autofree char *a_line = g_strndup (a + line_start,
                                         a_end ? (gsize) (a_end - a - line_start)
                                               : actual_len - line_start);
    g_autofree char *e_line = g_strndup (e + line_start,
                                         e_end ? (gsize) (e_end - e - line_start)
                                               : expected_len - line_start);

    g_test_message ("%s: the bytes differ on line %u", what, line);
    g_assert_cmpstr (a_line, ==, e_line);
    g_assert_cmpuint (actual_len, ==, expected_len);
    g_assert_not_reached ();
  }
}

static gboolean
objects_equal (JsonObject *a,
               JsonObject *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_object_equal (a, b);
}

static const char *
item_id (gpointer item)
{
  return item != NULL ? cycle_item_get_id (CYCLE_ITEM (item)) : NULL;
}

static void
assert_extras_equal (gpointer a,
                     gpointer b)
{
  g_assert_true (objects_equal (cycle_item_get_extras (CYCLE_ITEM (a)),
                                cycle_item_get_extras (CYCLE_ITEM (b))));
}

static void
assert_content_equal (CycleContent *a,
                      CycleContent *b)
{
  g_assert_cmpstr (item_id (a), ==, item_id (b));
  g_assert_cmpstr (cycle_content_get_title (a), ==, cycle_content_get_title (b));
  g_assert_cmpstr (cycle_content_get_format (a), ==, cycle_content_get_format (b));
  g_assert_cmpstr (cycle_content_get_channel (a), ==, cycle_content_get_channel (b));
  g_assert_cmpstr (item_id (cycle_content_get_persona (a)), ==,
                   item_id (cycle_content_get_persona (b)));
  g_assert_cmpstr (cycle_content_get_cta (a), ==, cycle_content_get_cta (b));
  g_assert_cmpint (cycle_content_get_commitment (a), ==, cycle_content_get_commitment (b));
  g_assert_cmpint (cycle_content_get_direction (a), ==, cycle_content_get_direction (b));
  g_assert_cmpint (cycle_content_get_status (a), ==, cycle_content_get_status (b));
  g_assert_cmpstr (cycle_content_get_owner (a), ==, cycle_content_get_owner (b));
  g_assert_cmpstr (cycle_content_get_due (a), ==, cycle_content_get_due (b));
  g_assert_cmpstr (cycle_content_get_url (a), ==, cycle_content_get_url (b));
  g_assert_cmpstr (cycle_content_get_notes (a), ==, cycle_content_get_notes (b));
  g_assert_cmpstr (item_id (cycle_content_get_stage (a)), ==,
                   item_id (cycle_content_get_stage (b)));
  assert_extras_equal (a, b);
}

static void
assert_stage_equal (CycleStage *a,
                    CycleStage *b)
{
  guint n = cycle_stage_get_n_content (a);

  g_assert_cmpstr (item_id (a), ==, item_id (b));
  g_assert_cmpstr (cycle_stage_get_name (a), ==, cycle_stage_get_name (b));
  g_assert_cmpint (cycle_stage_get_lane (a), ==, cycle_stage_get_lane (b));
  g_assert_cmpstr (cycle_stage_get_why (a), ==, cycle_stage_get_why (b));
  g_assert_cmpstr (cycle_stage_get_question (a), ==, cycle_stage_get_question (b));
  g_assert_cmpint (cycle_stage_get_permission (a), ==, cycle_stage_get_permission (b));
  g_assert_cmpstr (cycle_stage_get_kpi (a), ==, cycle_stage_get_kpi (b));
  /* Exactly: the writer writes numbers that read back to the same double */
  g_assert_cmpfloat (cycle_stage_get_conversion_rate (a), ==, cycle_stage_get_conversion_rate (b));
  g_assert_cmpint (cycle_stage_get_days (a), ==, cycle_stage_get_days (b));
  g_assert_cmpstr (cycle_stage_get_owner (a), ==, cycle_stage_get_owner (b));
  g_assert_cmpstr (cycle_stage_get_color (a), ==, cycle_stage_get_color (b));
  g_assert_cmpfloat (cycle_stage_get_x (a), ==, cycle_stage_get_x (b));
  g_assert_cmpfloat (cycle_stage_get_y (a), ==, cycle_stage_get_y (b));
  assert_extras_equal (a, b);

  g_assert_cmpuint (n, ==, cycle_stage_get_n_content (b));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleContent) ca = g_list_model_get_item (cycle_stage_get_content (a), i);
      g_autoptr(CycleContent) cb = g_list_model_get_item (cycle_stage_get_content (b), i);

      assert_content_equal (ca, cb);
    }
}

/* Two plans hold the same things, field by field */
static void
assert_plans_equal (CyclePlan *a,
                    CyclePlan *b)
{
  GListModel *la, *lb;
  guint n;

  g_assert_cmpstr (cycle_plan_get_title (a), ==, cycle_plan_get_title (b));
  g_assert_cmpstr (cycle_plan_get_why (a), ==, cycle_plan_get_why (b));
  g_assert_cmpstr (cycle_plan_get_how (a), ==, cycle_plan_get_how (b));
  g_assert_cmpstr (cycle_plan_get_what (a), ==, cycle_plan_get_what (b));
  g_assert_cmpstr (cycle_plan_get_description (a), ==, cycle_plan_get_description (b));
  g_assert_true (objects_equal (cycle_plan_get_extras (a), cycle_plan_get_extras (b)));

  la = cycle_plan_get_personas (a);
  lb = cycle_plan_get_personas (b);
  n = g_list_model_get_n_items (la);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CyclePersona) pa = g_list_model_get_item (la, i);
      g_autoptr(CyclePersona) pb = g_list_model_get_item (lb, i);

      g_assert_cmpstr (item_id (pa), ==, item_id (pb));
      g_assert_cmpstr (cycle_persona_get_name (pa), ==, cycle_persona_get_name (pb));
      g_assert_cmpstr (cycle_persona_get_description (pa), ==, cycle_persona_get_description (pb));
      g_assert_cmpstr (cycle_persona_get_why (pa), ==, cycle_persona_get_why (pb));
      assert_extras_equal (pa, pb);
    }

  la = cycle_plan_get_stages (a);
  lb = cycle_plan_get_stages (b);
  n = g_list_model_get_n_items (la);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleStage) sa = g_list_model_get_item (la, i);
      g_autoptr(CycleStage) sb = g_list_model_get_item (lb, i);

      assert_stage_equal (sa, sb);
    }

  la = cycle_plan_get_links (a);
  lb = cycle_plan_get_links (b);
  n = g_list_model_get_n_items (la);
  g_assert_cmpuint (n, ==, g_list_model_get_n_items (lb));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleLink) ka = g_list_model_get_item (la, i);
      g_autoptr(CycleLink) kb = g_list_model_get_item (lb, i);

      g_assert_cmpstr (item_id (ka), ==, item_id (kb));
      g_assert_cmpstr (item_id (cycle_link_get_source (ka)), ==,
                       item_id (cycle_link_get_source (kb)));
      g_assert_cmpstr (item_id (cycle_link_get_target (ka)), ==,
                       item_id (cycle_link_get_target (kb)));
      g_assert_cmpint (cycle_link_get_kind (ka), ==, cycle_link_get_kind (kb));
      g_assert_cmpfloat (cycle_link_get_rate (ka), ==, cycle_link_get_rate (kb));
      assert_extras_equal (ka, kb);
    }
}

/* What every refusal must look like: a CYCLE_FILE_ERROR whose message starts with the place for
 * the codes that promise one (cycle-error.h). */
static void
assert_file_error (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == CYCLE_FILE_ERROR);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));

  switch ((CycleFileError) error->code)
    {
    case CYCLE_FILE_ERROR_SYNTAX:
    case CYCLE_FILE_ERROR_LIMIT:
      g_assert_true (g_regex_match_simple ("^[1-9][0-9]*:[1-9][0-9]*: .", error->message, 0, 0));
      break;

    case CYCLE_FILE_ERROR_INVALID:
    case CYCLE_FILE_ERROR_VERSION:
      g_assert_true (g_regex_match_simple ("^\\$[^ ]*: .", error->message, 0, 0));
      break;

    case CYCLE_FILE_ERROR_EMPTY:
    case CYCLE_FILE_ERROR_TOO_LARGE:
    case CYCLE_FILE_ERROR_NOT_A_PLAN:
      g_assert_false (g_ascii_isdigit (error->message[0]));
      g_assert_cmpint (error->message[0], !=, '$');
      break;

    default:
      g_assert_not_reached ();
    }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A list of the *.cycle files of a folder, sorted */
static GPtrArray *
list_cycle_files (const char *dir_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".cycle"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  return names;
}

/* (a) Good files: canonical, and stable */

static void
test_good (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GBytes) bytes = read_file (good_path (name));
  g_autoptr(GError) error = NULL;
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(CyclePlan) again = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  plan = load_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  /* A freshly loaded plan has nothing to undo or save */
  g_assert_false (cycle_plan_get_modified (plan));
  g_assert_false (cycle_plan_can_undo (plan));

  saved = cycle_plan_to_bytes (plan);
  assert_same_bytes (saved, bytes, name);

  again = load_bytes (saved, &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, again);
  saved_again = cycle_plan_to_bytes (again);
  assert_same_bytes (saved_again, saved, name);
}

/* Every prefix of a good file is refused, without a crash, until the closing brace */
static void
test_good_truncated (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GBytes) bytes = read_file (good_path (name));
  gsize length = 0;
  const char *text = g_bytes_get_data (bytes, &length);
  const char *close = strrchr (text, '}');

  g_assert_nonnull (close);

  for (gsize n = 0; n < length; n++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CyclePlan) plan = cycle_plan_new_from_data (text, n, &error);

      if (n <= (gsize) (close - text))
        {
          g_assert_null (plan);
          assert_file_error (error);
          g_assert_cmpint (error->code, ==,
                           n == 0 ? CYCLE_FILE_ERROR_EMPTY : CYCLE_FILE_ERROR_SYNTAX);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_nonnull (plan);
        }
    }
}

/* Random damage to the good files: refused with a proper error, or loaded and then stable */
static void
test_good_mutated (gconstpointer data)
{
  /* sizeof counts the final NUL: a NUL byte is one of the bytes tried */
  static const char interesting[] = "\"\\{}[],:0-e.+ \n\t\xff\x80\xc3\x01nul";
  const char *name = data;
  g_autoptr(GBytes) bytes = read_file (good_path (name));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  gsize length = 0;
  const char *text = g_bytes_get_data (bytes, &length);
  guint refused = 0, loaded = 0;

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(GByteArray) damaged = g_byte_array_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(CyclePlan) plan = NULL;
      gsize at = g_rand_int_range (rand, 0, (gint32) length);
      guint8 byte = (guint8) interesting[g_rand_int_range (rand, 0, sizeof interesting)];
      int kind = g_rand_int_range (rand, 0, 3);

      /* Replace the byte at @at, insert one before it, or delete it */
      g_byte_array_append (damaged, (const guint8 *) text, at);
      if (kind == 0 || kind == 1)
        g_byte_array_append (damaged, &byte, 1);
      if (kind == 1)
        g_byte_array_append (damaged, (const guint8 *) text + at, 1);
      g_byte_array_append (damaged, (const guint8 *) text + at + 1, length - at - 1);

      plan = cycle_plan_new_from_data ((const char *) damaged->data, damaged->len, &error);
      if (plan == NULL)
        {
          g_autofree char *described = NULL;

          assert_file_error (error);
          described = cycle_file_error_describe (error, name);
          g_assert_true (g_str_has_prefix (described, name));
          refused++;
        }
      else
        {
          g_autoptr(GBytes) saved = cycle_plan_to_bytes (plan);
          g_autoptr(CyclePlan) again = NULL;
          g_autoptr(GBytes) saved_again = NULL;

          g_assert_no_error (error);
          again = load_bytes (saved, &error);
          g_assert_no_error (error);
          assert_plans_equal (plan, again);
          saved_again = cycle_plan_to_bytes (again);
          assert_same_bytes (saved_again, saved, name);
          loaded++;
        }
    }

  g_test_message ("%s: %u damaged copies refused, %u loaded", name, refused, loaded);
  g_assert_cmpuint (refused, >, 0);
}

static void
test_good_files_exist (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  g_autoptr(GPtrArray) names = list_cycle_files (dir);
  static const char * const required[] = {
    "empty.cycle", "funnel-seven-stages.cycle", "two-lanes.cycle", "every-field.cycle",
    "unknown-members.cycle", "french.cycle",
  };

  g_assert_cmpuint (names->len, >=, MIN_GOOD_FILES);
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_true (g_ptr_array_find_with_equal_func (names, required[i], g_str_equal, NULL));
}

/* The good files hold what their names promise */
static void
test_good_contents (void)
{
  static const char * const funnel[] = {
    "Visitors", "Leads", "Prospects", "Qualified", "Customers", "Members", "Evangelists",
  };
  g_autoptr(CyclePlan) empty = load_good ("empty.cycle");
  g_autoptr(CyclePlan) plan = load_good ("funnel-seven-stages.cycle");
  g_autoptr(CyclePlan) lanes = load_good ("two-lanes.cycle");
  g_autoptr(CyclePlan) every = load_good ("every-field.cycle");
  GListModel *stages = cycle_plan_get_stages (plan);
  GListModel *links = cycle_plan_get_links (plan);
  gboolean seen_lane[2] = { FALSE }, seen_permission[6] = { FALSE }, seen_kind[3] = { FALSE };
  gboolean seen_commitment[10] = { FALSE }, seen_direction[3] = { FALSE };
  gboolean seen_status[4] = { FALSE };
  gboolean seen_consent[3] = { FALSE };
  gboolean found_loop = FALSE, found_mapping = FALSE;
  g_autoptr(CycleStage) first = NULL;

  g_assert_cmpstr (cycle_plan_get_title (empty), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_stages (empty)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_links (empty)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_personas (empty)), ==, 0);
  g_assert_null (cycle_plan_get_extras (empty));

  /* The seven-stage funnel, with a loop back to the top */
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, G_N_ELEMENTS (funnel));
  for (guint i = 0; i < G_N_ELEMENTS (funnel); i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);

      g_assert_cmpstr (cycle_stage_get_name (stage), ==, funnel[i]);
      g_assert_cmpint (cycle_stage_get_lane (stage), ==, CYCLE_LANE_INTERNAL);
    }
  first = g_list_model_get_item (stages, 0);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links, i);

      if (cycle_link_get_kind (link) == CYCLE_LINK_LOOP)
        {
          g_assert_true (cycle_link_get_target (link) == first);
          g_assert_cmpstr (cycle_stage_get_name (cycle_link_get_source (link)), ==, "Evangelists");
          g_assert_cmpfloat (cycle_link_get_rate (link), >=, 0);
          found_loop = TRUE;
        }
    }
  g_assert_true (found_loop);

  /* Two lanes, mapped */
  for (guint i = 0; i < g_list_model_get_n_items (cycle_plan_get_links (lanes)); i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (cycle_plan_get_links (lanes), i);

      if (cycle_link_get_kind (link) == CYCLE_LINK_MAPPING)
        {
          g_assert_cmpint (cycle_stage_get_lane (cycle_link_get_source (link)), ==,
                           CYCLE_LANE_JOURNEY);
          g_assert_cmpint (cycle_stage_get_lane (cycle_link_get_target (link)), ==,
                           CYCLE_LANE_INTERNAL);
          found_mapping = TRUE;
        }
    }
  g_assert_true (found_mapping);

  /* Every enum value somewhere */
  for (guint i = 0; i < g_list_model_get_n_items (cycle_plan_get_stages (every)); i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (cycle_plan_get_stages (every), i);

      seen_lane[cycle_stage_get_lane (stage)] = TRUE;
      seen_permission[cycle_stage_get_permission (stage)] = TRUE;
      for (guint j = 0; j < cycle_stage_get_n_content (stage); j++)
        {
          g_autoptr(CycleContent) content =
            g_list_model_get_item (cycle_stage_get_content (stage), j);

          seen_commitment[cycle_content_get_commitment (content)] = TRUE;
          seen_direction[cycle_content_get_direction_choice (content)] = TRUE;
          seen_consent[cycle_content_get_consent (content)] = TRUE;
          seen_status[cycle_content_get_status (content)] = TRUE;
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (cycle_plan_get_links (every)); i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (cycle_plan_get_links (every), i);

      seen_kind[cycle_link_get_kind (link)] = TRUE;
    }
  g_assert_cmpuint (cycle_enum_count (CYCLE_TYPE_LANE), ==, G_N_ELEMENTS (seen_lane));
  g_assert_cmpuint (cycle_enum_count (CYCLE_TYPE_PERMISSION), ==, G_N_ELEMENTS (seen_permission));
  g_assert_cmpuint (cycle_enum_count (CYCLE_TYPE_LINK_KIND), ==, G_N_ELEMENTS (seen_kind));
  g_assert_cmpuint (cycle_enum_count (CYCLE_TYPE_COMMITMENT), ==, G_N_ELEMENTS (seen_commitment));
  g_assert_cmpuint (cycle_enum_count (CYCLE_TYPE_DIRECTION), ==, G_N_ELEMENTS (seen_direction));
  g_assert_cmpuint (cycle_enum_count (CYCLE_TYPE_CONSENT), ==, G_N_ELEMENTS (seen_consent));
  g_assert_cmpuint (cycle_enum_count (CYCLE_TYPE_STATUS), ==, G_N_ELEMENTS (seen_status));
#define ALL_SEEN(array) \
  for (guint i = 0; i < G_N_ELEMENTS (array); i++) \
    g_assert_true (array[i]);
  ALL_SEEN (seen_lane)
  ALL_SEEN (seen_permission)
  ALL_SEEN (seen_kind)
  ALL_SEEN (seen_commitment)
  ALL_SEEN (seen_direction)
  ALL_SEEN (seen_consent)
  ALL_SEEN (seen_status)
#undef ALL_SEEN
}

/* (b) Unknown members are kept */

static JsonNode *
member (JsonObject *object,
        const char *key)
{
  JsonNode *node;

  g_assert_nonnull (object);
  node = json_object_get_member (object, key);
  if (node == NULL)
    g_error ("no member “%s”", key);
  return node;
}

static void
assert_double_member (JsonObject *object,
                      const char *key,
                      double      value)
{
  JsonNode *node = member (object, key);

  g_assert_true (json_node_get_value_type (node) == G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_node_get_double (node), ==, value);
}

static void
assert_int_member (JsonObject *object,
                   const char *key,
                   gint64      value)
{
  JsonNode *node = member (object, key);

  g_assert_true (json_node_get_value_type (node) == G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), ==, value);
}

static void
assert_string_member (JsonObject *object,
                      const char *key,
                      const char *value)
{
  JsonNode *node = member (object, key);

  g_assert_true (json_node_get_value_type (node) == G_TYPE_STRING);
  g_assert_cmpstr (json_node_get_string (node), ==, value);
}

static void
assert_null_member (JsonObject *object,
                    const char *key)
{
  g_assert_true (JSON_NODE_HOLDS_NULL (member (object, key)));
}

static void
test_extras_kept (void)
{
  g_autoptr(CyclePlan) plan = load_good ("unknown-members.cycle");
  g_autoptr(CyclePersona) persona = g_list_model_get_item (cycle_plan_get_personas (plan), 0);
  g_autoptr(CycleStage) stage = g_list_model_get_item (cycle_plan_get_stages (plan), 0);
  g_autoptr(CycleStage) stage2 = g_list_model_get_item (cycle_plan_get_stages (plan), 1);
  g_autoptr(CycleContent) content = g_list_model_get_item (cycle_stage_get_content (stage), 0);
  g_autoptr(CycleLink) link = g_list_model_get_item (cycle_plan_get_links (plan), 0);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  JsonObject *extras, *object, *purpose;
  JsonArray *array;

  /* Top level */
  extras = cycle_plan_get_extras (plan);
  g_assert_nonnull (extras);
  g_assert_cmpuint (json_object_get_size (extras), ==, 6);
  assert_double_member (extras, "a-top-extra", 1e300);
  g_assert_true (json_object_get_boolean_member (extras, "flag"));
  assert_string_member (extras, "generator", "hand-written");
  /* More than 2^63: kept as the nearest double */
  assert_double_member (extras, "huge", 12345678901234567890.0);
  assert_null_member (extras, "nothing");
  object = json_object_get_object_member (extras, "x-top-extra");
  g_assert_nonnull (object);
  assert_string_member (object, "escaped", "\001\002\n\t");
  assert_string_member (object, "unicode", "日本語 — ça marche ✓");
  array = json_object_get_array_member (object, "list");
  g_assert_cmpuint (json_array_get_length (array), ==, 6);
  g_assert_cmpint (json_array_get_int_element (array, 0), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (array, 1), ==, "two");
  g_assert_cmpfloat (json_array_get_double_element (array, 2), ==, 3.5);
  g_assert_true (json_array_get_null_element (array, 3));
  g_assert_true (json_array_get_boolean_element (array, 4));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 5), "k"),
                   ==, "v");
  /* Known members are not extras */
  g_assert_false (json_object_has_member (extras, "format"));
  g_assert_false (json_object_has_member (extras, "title"));
  g_assert_false (json_object_has_member (extras, "purpose"));
  g_assert_false (json_object_has_member (extras, "stages"));

  /* Persona */
  extras = cycle_item_get_extras (CYCLE_ITEM (persona));
  g_assert_cmpuint (json_object_get_size (extras), ==, 2);
  assert_string_member (extras, "aaa-first", "sorted before everything");
  assert_null_member (extras, "x-persona-extra");
  g_assert_cmpstr (cycle_persona_get_name (persona), ==, "Zoë 👩‍💻");

  /* Stage */
  extras = cycle_item_get_extras (CYCLE_ITEM (stage));
  g_assert_cmpuint (json_object_get_size (extras), ==, 2);
  assert_string_member (extras, "zz", "end");
  object = json_object_get_object_member (extras, "x-stage-extra");
  assert_int_member (object, "b", 1);
  array = json_object_get_array_member (object, "a");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  assert_string_member (json_array_get_object_element (array, 0), "a", "first");
  assert_string_member (json_array_get_object_element (array, 0), "z", "last");
  g_assert_null (cycle_item_get_extras (CYCLE_ITEM (stage2)));
  g_assert_cmpstr (cycle_stage_get_name (stage), ==, "Étape 🚀");

  /* Content */
  extras = cycle_item_get_extras (CYCLE_ITEM (content));
  g_assert_cmpuint (json_object_get_size (extras), ==, 7);
  array = json_object_get_array_member (extras, "x-content-extra");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_true (json_array_get_boolean_element (array, 0));
  g_assert_false (json_array_get_boolean_element (array, 1));
  g_assert_true (json_array_get_null_element (array, 2));
  assert_double_member (extras, "z-big", 1e300);
  assert_double_member (extras, "z-huge", 12345678901234567890.0);
  assert_double_member (extras, "z-small", -2.5e-300);
  assert_int_member (extras, "z-int", -9007199254740992);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (extras, "z-empty-array")),
                    ==, 0);
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (extras, "z-empty-object")),
                    ==, 0);
  g_assert_true (cycle_content_get_persona (content) == persona);

  /* Link */
  extras = cycle_item_get_extras (CYCLE_ITEM (link));
  g_assert_cmpuint (json_object_get_size (extras), ==, 2);
  assert_int_member (extras, "weight", 0);
  assert_double_member (extras, "x-link-extra", 3.14159);

  /* Escaped control characters and unicode in known members */
  g_assert_cmpstr (cycle_plan_get_title (plan), ==, "Unknown members — ünïcödé 🎉");
  g_assert_cmpstr (cycle_plan_get_description (plan), ==,
                   "Tab\there, quote \" backslash \\ slash / bell \a esc \033 unit-sep \037.\r\n"
                   "CRLF above.");

  /* Purpose: its extras are written back inside "purpose" */
  saved = save_to_string (plan);
  json_parser_load_from_data (parser, saved, -1, &error);
  g_assert_no_error (error);
  purpose = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                           "purpose");
  g_assert_cmpuint (json_object_get_size (purpose), ==, 4);
  array = json_object_get_array_member (json_object_get_object_member (purpose, "x-purpose-extra"),
                                        "nested");
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (array, 2), "deep"));

  /* Files without unknown members have no extras */
  {
    g_autoptr(CyclePlan) every = load_good ("every-field.cycle");
    g_autoptr(CycleStage) s = g_list_model_get_item (cycle_plan_get_stages (every), 0);
    g_autoptr(CycleContent) c = g_list_model_get_item (cycle_stage_get_content (s), 0);

    g_assert_null (cycle_plan_get_extras (every));
    g_assert_null (cycle_item_get_extras (CYCLE_ITEM (s)));
    g_assert_null (cycle_item_get_extras (CYCLE_ITEM (c)));
  }
}

/* Unknown members come back as written: numbers exactly (9007199254740993 does not become
 * …992, 1e-400 does not become 0), strings in the writer's canonical spelling, re-indented */
static void
test_extras_normalized (void)
{
  static const char input[] =
    "{\"format\":\"org.example.Cycle\",\"version\":1,"
    "\"huge\":12345678901234567890,\"big\":1E+300,\"one\":1.0,\"hundred\":1e2,\"zero\":-0,"
    "\"unsafe\":9007199254740993,\"tiny\":5e-324,\"under\":1e-400,"
    "\"esc\":\"\\u00e9\\ud83c\\udf89\\/\\u001F\\u007f\","
    "\"personas\":[],\"stages\":[],\"links\":[]}";
  static const char expected[] =
    "{\n"
    "  \"format\": \"org.example.Cycle\",\n"
    "  \"version\": 1,\n"
    "  \"personas\": [],\n"
    "  \"stages\": [],\n"
    "  \"links\": [],\n"
    "  \"big\": 1E+300,\n"
    "  \"esc\": \"é🎉/\\u001f\x7f\",\n"
    "  \"huge\": 12345678901234567890,\n"
    "  \"hundred\": 1e2,\n"
    "  \"one\": 1.0,\n"
    "  \"tiny\": 5e-324,\n"
    "  \"under\": 1e-400,\n"
    "  \"unsafe\": 9007199254740993,\n"
    "  \"zero\": -0\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CyclePlan) plan = load_string (input, &error);
  g_autoptr(CyclePlan) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  JsonObject *extras;

  g_assert_no_error (error);
  extras = cycle_plan_get_extras (plan);
  assert_double_member (extras, "huge", 12345678901234567890.0);
  assert_double_member (extras, "big", 1e300);
  assert_string_member (extras, "esc", "é🎉/\037\177");

  saved = save_to_string (plan);
  g_assert_cmpstr (saved, ==, expected);

  again = load_string (saved, &error);
  g_assert_no_error (error);
  saved_again = save_to_string (again);
  g_assert_cmpstr (saved_again, ==, saved);
}

/* Unknown members at every level come back exactly: numbers as written, nested objects in their
 * order, re-indented to the canonical form; and a second round trip changes nothing. */
static void
test_extras_exact (void)
{
  static const char input[] =
    "{\"format\":\"org.example.Cycle\",\"version\":1,\"z\":9007199254740993,"
    "\"purpose\":{\"why\":\"W\",\"p\":[12345678901234567890123]},"
    "\"personas\":[{\"id\":\"p1\",\"name\":\"P\",\"q\":{\"n\":-9007199254740993}}],"
    "\"stages\":[{\"id\":\"s1\",\"name\":\"S\",\"s\":[0.1000000000000000055511151231257827],"
    "\"content\":[{\"id\":\"c1\",\"title\":\"C\",\"deep\":{\"z\":1,\"a\":[{\"y\":2.50}]}}]},"
    "{\"id\":\"s2\",\"name\":\"T\"}],"
    "\"links\":[{\"id\":\"l1\",\"from\":\"s1\",\"to\":\"s2\",\"w\":1e-400}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CyclePlan) plan = load_string (input, &error);
  g_autoptr(CyclePlan) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;

  g_assert_no_error (error);
  saved = save_to_string (plan);
  g_assert_nonnull (strstr (saved, "\n  \"z\": 9007199254740993\n"));
  g_assert_nonnull (strstr (saved, "\"p\": [\n      12345678901234567890123\n    ]"));
  g_assert_nonnull (strstr (saved, "\"n\": -9007199254740993"));
  g_assert_nonnull (strstr (saved, "0.1000000000000000055511151231257827"));
  g_assert_nonnull (strstr (saved,
                            "          \"deep\": {\n"
                            "            \"z\": 1,\n"
                            "            \"a\": [\n"
                            "              {\n"
                            "                \"y\": 2.50\n"
                            "              }\n"
                            "            ]\n"
                            "          }\n"));
  g_assert_nonnull (strstr (saved, "\"w\": 1e-400"));

  again = load_string (saved, &error);
  g_assert_no_error (error);
  saved_again = save_to_string (again);
  g_assert_cmpstr (saved_again, ==, saved);
}

/* A container where the file format has a plain value is refused as before, naming the place */
static void
test_extras_unexpected_container (void)
{
  static const struct { const char *input; const char *prefix; } cases[] = {
    { "{\"format\":\"org.example.Cycle\",\"version\":1,\"title\":[1,2]}", "$.title: " },
    { "{\"format\":\"org.example.Cycle\",\"version\":1,\"stages\":[[{}]]}", "$.stages[0]: " },
    { "{\"format\":\"org.example.Cycle\",\"version\":1,\"stages\":[{\"id\":\"s\",\"name\":{}}]}",
      "$.stages[0].name: " },
    { "{\"format\":\"org.example.Cycle\",\"version\":1,\"purpose\":[]}", "$.purpose: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CyclePlan) plan = load_string (cases[i].input, &error);

      g_assert_null (plan);
      g_assert_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, cases[i].prefix))
        g_error ("%s: %s", cases[i].input, error->message);
    }
}

/* (c) Broken files */

typedef struct
{
  char *name;
  char *expected;
} BrokenCase;

static void
broken_case_free (gpointer data)
{
  BrokenCase *c = data;

  g_free (c->name);
  g_free (c->expected);
  g_free (c);
}

static GPtrArray *
read_expected (void)
{
  g_autofree char *path =
    g_test_build_filename (G_TEST_DIST, "data", "broken", "expected.txt", NULL);
  g_autoptr(GBytes) bytes = read_file (path);
  g_auto(GStrv) lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  GPtrArray *cases = g_ptr_array_new_with_free_func (broken_case_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');
      BrokenCase *c;

      if (lines[i][0] == '\0')
        continue;
      if (tab == NULL)
        g_error ("expected.txt:%u: no tab", i + 1);

      c = g_new0 (BrokenCase, 1);
      c->name = g_strndup (lines[i], tab - lines[i]);
      c->expected = g_strdup (tab + 1);
      g_ptr_array_add (cases, c);
    }

  return cases;
}

static void
test_broken (gconstpointer data)
{
  const BrokenCase *c = data;
  const char *path = broken_path (c->name);
  g_autoptr(GBytes) bytes = read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) document_error = NULL;
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *described = NULL;
  g_autofree char *document_described = NULL;

  plan = load_bytes (bytes, &error);
  g_assert_null (plan);
  assert_file_error (error);

  described = cycle_file_error_describe (error, c->name);
  g_assert_cmpstr (described, ==, c->expected);

  /* The place is named: "NAME:LINE:COLUMN: …" or "NAME: $.path: …", except for faults of the
   * whole file (empty, not a plan) */
  if (error->code == CYCLE_FILE_ERROR_SYNTAX || error->code == CYCLE_FILE_ERROR_LIMIT)
    g_assert_true (described[strlen (c->name)] == ':' &&
                   g_ascii_isdigit (described[strlen (c->name) + 1]));
  else if (error->code == CYCLE_FILE_ERROR_INVALID || error->code == CYCLE_FILE_ERROR_VERSION)
    g_assert_true (g_str_has_prefix (described + strlen (c->name), ": $"));

  /* Through a document, as cycle-tool reads it: the same error */
  document = cycle_document_new_from_file (file, NULL, &document_error);
  g_assert_null (document);
  g_assert_nonnull (document_error);
  g_assert_true (document_error->domain == CYCLE_FILE_ERROR);
  g_assert_cmpint (document_error->code, ==, error->code);
  document_described = cycle_file_error_describe (document_error, c->name);
  g_assert_cmpstr (document_described, ==, c->expected);
}

static void
test_broken_files_listed (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "broken", NULL);
  g_autoptr(GPtrArray) names = list_cycle_files (dir);
  g_autoptr(GPtrArray) cases = read_expected ();
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < cases->len; i++)
    {
      const BrokenCase *c = g_ptr_array_index (cases, i);

      /* Once each */
      g_assert_true (g_hash_table_add (listed, c->name));
      g_assert_true (g_ptr_array_find_with_equal_func (names, c->name, g_str_equal, NULL));
      /* The line names the file as given */
      g_assert_true (g_str_has_prefix (c->expected, c->name));
    }

  for (guint i = 0; i < names->len; i++)
    if (!g_hash_table_contains (listed, g_ptr_array_index (names, i)))
      g_error ("%s is not in expected.txt", (const char *) g_ptr_array_index (names, i));

  g_assert_cmpuint (names->len, >=, MIN_BROKEN_FILES);
}

/* A message is one line without control characters, even when the file's value has some:
 * cycle-tool prints one line per file, to a terminal. Values are quoted as they are today, so
 * this is marked incomplete (TODO) until cycle-plan-io.c escapes or shortens them. */
static void
test_message_one_line (void)
{
  static const char * const inputs[] = {
    "{\"format\":\"org.example.Cycle\",\"version\":1,\"stages\":[{\"id\":\"s1\",\"name\":\"a\","
    "\"lane\":\"in\\nternal\\u001b[31m\"}]}",
    "{\"format\":\"org.example.Cycle\",\"version\":1,\"personas\":[{\"id\":\"p\\n1\","
    "\"name\":\"x\"}]}",
    "{\"format\":\"org.example.Cycle\",\"version\":1,\"stages\":[{\"id\":\"s1\",\"name\":\"a\","
    "\"color\":\"#12\\r\\n34\"}]}",
    "{\"format\":\"org.example.Cycle\",\"version\":1,\"links\":[{\"id\":\"l1\",\"from\":\"a\\tb\","
    "\"to\":\"x\"}]}",
    "{\"format\":\"org.example.Cycle\",\"version\":1,\"a\\nb\":1,\"a\\nb\":2}",
  };
  guint bad = 0;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CyclePlan) plan = load_string (inputs[i], &error);

      g_assert_null (plan);
      assert_file_error (error);
      for (const char *p = error->message; *p != '\0'; p++)
        if ((guchar) *p < 0x20 || *p == 0x7F)
          {
            g_autoptr(GString) escaped = g_string_new (NULL);

            for (const char *q = error->message; *q != '\0'; q++)
              if ((guchar) *q < 0x20 || *q == 0x7F)
                g_string_append_printf (escaped, "\\x%02x", (guchar) *q);
              else
                g_string_append_c (escaped, *q);
            g_test_message ("a control character in: %s", escaped->str);
            bad++;
            break;
          }
    }

  /* A huge value is not copied whole into the message */
  {
    g_autofree char *value = repeat ("x", 100000);
    g_autofree char *input = g_strdup_printf ("{\"format\":\"org.example.Cycle\",\"version\":1,"
                                              "\"stages\":[{\"id\":\"s1\",\"name\":\"a\","
                                              "\"lane\":\"%s\"}]}", value);
    g_autoptr(GError) error = NULL;
    g_autoptr(CyclePlan) plan = load_string (input, &error);

    g_assert_null (plan);
    assert_file_error (error);
    if (strlen (error->message) > 1000)
      {
        g_test_message ("a message of %zu bytes", strlen (error->message));
        bad++;
      }
  }

  if (bad > 0)
    g_test_incomplete ("error messages quote values from the file raw: control characters "
                       "(line breaks, terminal escapes) and any length");
}

/* (d) Edge cases made on the fly */

static void
assert_refused (const char     *text,
                gsize           length,
                CycleFileError  code,
                const char     *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CyclePlan) plan = cycle_plan_new_from_data (text, length, &error);

  g_assert_null (plan);
  assert_file_error (error);
  g_assert_error (error, CYCLE_FILE_ERROR, (int) code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_depth (void)
{
  g_autofree char *open = repeat ("[", 100000);
  g_autofree char *close = repeat ("]", 100000);
  g_autofree char *both = g_strconcat (open, close, NULL);
  g_autofree char *objects = repeat ("{\"a\":", 100000);
  g_autofree char *column = g_strdup_printf ("1:%d: JSON nested deeper than 64 levels", 5 * 64 + 1);
  g_autofree char *open63 = repeat ("[", 63);
  g_autofree char *close63 = repeat ("]", 63);
  g_autofree char *deepest = NULL;
  g_autofree char *too_deep = NULL;
  g_autofree char *too_deep_message = NULL;
  const char *prefix = "{\"format\": \"org.example.Cycle\", \"version\": 1, \"deep\": ";
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(CyclePlan) again = NULL;
  g_autofree char *saved_again = NULL;

  assert_refused (open, strlen (open), CYCLE_FILE_ERROR_LIMIT,
                  "1:65: JSON nested deeper than 64 levels");
  assert_refused (both, strlen (both), CYCLE_FILE_ERROR_LIMIT,
                  "1:65: JSON nested deeper than 64 levels");
  assert_refused (objects, strlen (objects), CYCLE_FILE_ERROR_LIMIT, column);

  /* 64 levels: the plan's object and 63 arrays in an unknown member. Kept and written back. */
  deepest = g_strconcat (prefix, open63, close63, "}", NULL);
  plan = load_string (deepest, &error);
  g_assert_no_error (error);
  saved = save_to_string (plan);
  again = load_string (saved, &error);
  g_assert_no_error (error);
  saved_again = save_to_string (again);
  g_assert_cmpstr (saved_again, ==, saved);

  /* 65 levels: refused at the 64th "[" */
  too_deep = g_strconcat (prefix, "[", open63, close63, "]}", NULL);
  too_deep_message = g_strdup_printf ("1:%u: JSON nested deeper than 64 levels",
                                      (guint) strlen (prefix) + 64);
  assert_refused (too_deep, strlen (too_deep), CYCLE_FILE_ERROR_LIMIT, too_deep_message);
}

static void
test_empty_variants (void)
{
  assert_refused ("", 0, CYCLE_FILE_ERROR_EMPTY, "the file is empty");
  assert_refused (NULL, 0, CYCLE_FILE_ERROR_EMPTY, "the file is empty");
  assert_refused (" \t\r\n", 4, CYCLE_FILE_ERROR_EMPTY, "the file is empty");
  assert_refused ("\xEF\xBB\xBF", 3, CYCLE_FILE_ERROR_EMPTY, "the file is empty");
  assert_refused ("\xEF\xBB", 2, CYCLE_FILE_ERROR_SYNTAX, "1:1: invalid UTF-8");
  /* A NUL byte is not the end of the data */
  assert_refused ("{}\0{}", 5, CYCLE_FILE_ERROR_SYNTAX, NULL);
  assert_refused ("null", 4, CYCLE_FILE_ERROR_NOT_A_PLAN, NULL);
  assert_refused ("{}", 2, CYCLE_FILE_ERROR_NOT_A_PLAN, NULL);
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-file-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(CyclePlan) plan = NULL;
  int fd;

  g_assert_no_error (error);
  path = g_build_filename (dir, "huge.cycle", NULL);

  /* A sparse file one byte over the limit: no disk, no memory */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  if (ftruncate (fd, (off_t) CYCLE_FILE_MAX_SIZE + 1) != 0)
    {
      close (fd);
      g_unlink (path);
      g_rmdir (dir);
      g_test_skip ("cannot make a sparse file here");
      return;
    }
  close (fd);

  /* A document asks for the size before reading */
  file = g_file_new_for_path (path);
  document = cycle_document_new_from_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_TOO_LARGE);
  assert_file_error (error);
  g_assert_cmpstr (error->message, ==, "the file is 257 MiB; Cycle opens plans of at most 256 MiB");
  g_clear_error (&error);

  /* The data reader checks the length before looking at the data: a mapping it never touches */
  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_mapped_file_get_length (mapped), ==, (gsize) CYCLE_FILE_MAX_SIZE + 1);
  plan = cycle_plan_new_from_data (g_mapped_file_get_contents (mapped),
                                   g_mapped_file_get_length (mapped), &error);
  g_assert_null (plan);
  g_assert_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_TOO_LARGE);
  assert_file_error (error);
  g_test_message ("from data: %s", error->message);

  g_clear_pointer (&mapped, g_mapped_file_unref);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* NaN and infinities never get into a plan, so they can never be written */
static void
test_not_finite (void)
{
  static const double bad_rates[] = { NAN, INFINITY, -INFINITY, -0.1, 1.5, -2.0 };
  static const double bad_coordinates[] = { NAN, INFINITY, -INFINITY, 1e6 + 1, -1e7 };
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  CycleStage *a = cycle_stage_new ("A");
  CycleStage *b = cycle_stage_new ("B");
  CycleLink *link;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *saved = NULL;
  g_autoptr(CyclePlan) again = NULL;
  g_autoptr(GError) error = NULL;

  /* The plan holds the items */
  cycle_plan_add_stage (plan, a, -1);
  cycle_plan_add_stage (plan, b, -1);
  g_object_unref (a);
  g_object_unref (b);
  link = cycle_link_new (a, b, CYCLE_LINK_NEXT);
  cycle_plan_add_link (plan, link);
  g_object_unref (link);
  cycle_stage_set_conversion_rate (a, 0.25);
  cycle_link_set_rate (link, 0.5);
  cycle_stage_set_position (a, 10, 20);
  cycle_stage_set_days (a, 3);

  for (guint i = 0; i < G_N_ELEMENTS (bad_rates); i++)
    {
      g_test_expect_message ("cycle-stage", G_LOG_LEVEL_CRITICAL,
                             "*cycle_stage_set_conversion_rate*assertion*failed*");
      cycle_stage_set_conversion_rate (a, bad_rates[i]);
      g_test_assert_expected_messages ();
      g_assert_cmpfloat (cycle_stage_get_conversion_rate (a), ==, 0.25);

      /* A link takes more than 1 (a loop's people brought per person), not more than its
       * maximum. */
      g_test_expect_message ("cycle-link", G_LOG_LEVEL_CRITICAL,
                             "*cycle_link_set_rate*assertion*failed*");
      cycle_link_set_rate (link, bad_rates[i] == 1.5 ? CYCLE_LOOP_RATE_MAX + 1 : bad_rates[i]);
      g_test_assert_expected_messages ();
      g_assert_cmpfloat (cycle_link_get_rate (link), ==, 0.5);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_coordinates); i++)
    {
      g_test_expect_message ("cycle-stage", G_LOG_LEVEL_CRITICAL,
                             "*cycle_stage_set_position*assertion*failed*");
      cycle_stage_set_position (a, bad_coordinates[i], 0);
      g_test_assert_expected_messages ();

      g_test_expect_message ("cycle-stage", G_LOG_LEVEL_CRITICAL,
                             "*cycle_stage_set_position*assertion*failed*");
      cycle_stage_set_position (a, 0, bad_coordinates[i]);
      g_test_assert_expected_messages ();

      g_assert_cmpfloat (cycle_stage_get_x (a), ==, 10);
      g_assert_cmpfloat (cycle_stage_get_y (a), ==, 20);
    }

  g_test_expect_message ("cycle-stage", G_LOG_LEVEL_CRITICAL, "*cycle_stage_set_days*");
  cycle_stage_set_days (a, 36501);
  g_test_assert_expected_messages ();
  g_test_expect_message ("cycle-stage", G_LOG_LEVEL_CRITICAL, "*cycle_stage_set_days*");
  cycle_stage_set_days (a, -2);
  g_test_assert_expected_messages ();
  g_assert_cmpint (cycle_stage_get_days (a), ==, 3);

  /* The writer refuses them too, and writes nothing */
  g_test_expect_message ("cycle-json", G_LOG_LEVEL_CRITICAL, "*isfinite*");
  cycle_json_write_double (out, NAN);
  g_test_assert_expected_messages ();
  g_test_expect_message ("cycle-json", G_LOG_LEVEL_CRITICAL, "*isfinite*");
  cycle_json_write_double (out, -INFINITY);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (out->len, ==, 0);

  saved = save_to_string (plan);
  /* No such number as a value (ids are random letters: "nan" may well stand inside a string) */
  g_assert_false (g_regex_match_simple ("[:,\\[]\\s*-?(nan|inf)", saved, G_REGEX_CASELESS, 0));
  again = load_string (saved, &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, again);
}

/* A plan made in code, with every field set, saves and reloads the same */
/* Items are read as they end, while the file is parsed (the tree is never held whole): any
 * order of the lists still loads, and errors still name the right place. */
#define STREAM_HEAD "{\"format\":\"org.example.Cycle\",\"version\":1,"

static void
test_streaming_order (void)
{
  static const struct
  {
    const char *text;
    const char *error;    /* NULL: loads */
  } cases[] = {
    /* Personas after the stages whose content names them */
    { STREAM_HEAD "\"stages\":[{\"id\":\"s1\",\"name\":\"A\",\"content\":[{\"id\":\"c1\","
      "\"title\":\"t\",\"persona\":\"p1\"}]}],\"personas\":[{\"id\":\"p1\",\"name\":\"P\"}]}",
      NULL },
    { STREAM_HEAD "\"stages\":[{\"id\":\"s1\",\"name\":\"A\",\"content\":[{\"id\":\"c1\","
      "\"title\":\"t\",\"persona\":\"p2\"}]}],\"personas\":[{\"id\":\"p1\",\"name\":\"P\"}]}",
      "$.stages[0].content[0].persona: no persona has the id “p2”" },
    /* Links before the stages they join */
    { STREAM_HEAD "\"links\":[{\"id\":\"l1\",\"from\":\"s1\",\"to\":\"s2\"}],\"stages\":["
      "{\"id\":\"s1\",\"name\":\"A\"},{\"id\":\"s2\",\"name\":\"B\"}]}", NULL },
    /* The version after the items: nothing is streamed, the version is judged first */
    { "{\"stages\":[{\"id\":\"s1\",\"name\":\"A\",\"lane\":\"nowhere\"}],"
      "\"format\":\"org.example.Cycle\",\"version\":2}",
      "$.version: the plan was written by a newer Cycle (format version 2); this Cycle reads "
      "version 1" },
    /* A duplicate content id across stages and within one */
    { STREAM_HEAD "\"stages\":[{\"id\":\"s1\",\"name\":\"A\",\"content\":[{\"id\":\"c1\","
      "\"title\":\"t\"}]},{\"id\":\"s2\",\"name\":\"B\",\"content\":[{\"id\":\"c2\",\"title\":"
      "\"t\"},{\"id\":\"c1\",\"title\":\"u\"}]}]}",
      "$.stages[1].content[1].id: the id “c1” is already used by $.stages[0].content[0]" },
    { STREAM_HEAD "\"stages\":[{\"id\":\"s1\",\"name\":\"A\",\"content\":[{\"id\":\"c1\","
      "\"title\":\"t\"},{\"id\":\"c1\",\"title\":\"u\"}]}]}",
      "$.stages[0].content[1].id: the id “c1” is already used by $.stages[0].content[0]" },
    /* What is not an object stays in the tree, at its place; the rest after it too */
    { STREAM_HEAD "\"stages\":[{\"id\":\"s1\",\"name\":\"A\"},7,{\"id\":\"s3\",\"name\":\"C\","
      "\"content\":[{\"id\":\"c1\",\"title\":\"t\"}]}]}",
      "$.stages[1]: expected an object, found a number" },
    { STREAM_HEAD "\"stages\":[{\"id\":\"s1\",\"name\":\"A\",\"content\":[{\"id\":\"c1\","
      "\"title\":\"t\"},true,{\"id\":\"c3\",\"title\":\"t\"}]}]}",
      "$.stages[0].content[1]: expected an object, found a boolean" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CyclePlan) plan = load_string (cases[i].text, &error);

      if (cases[i].error == NULL)
        {
          g_assert_no_error (error);
          g_assert_nonnull (plan);
          g_assert_false (cycle_plan_get_modified (plan));
          g_assert_false (cycle_plan_can_undo (plan));
        }
      else
        {
          g_assert_null (plan);
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, ==, cases[i].error);
        }
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CyclePlan) plan = load_string (cases[0].text, &error);
    CycleContent *content;

    g_assert_no_error (error);
    content = cycle_plan_find_content (plan, "c1");
    g_assert_nonnull (content);
    g_assert_true (cycle_content_get_persona (content) == cycle_plan_find_persona (plan, "p1"));
  }
}

static void
on_progress (gsize    done,
             gsize    total,
             gpointer user_data)
{
  gsize *last = user_data;

  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, last[0]);
  last[0] = done;
  last[1] = total;
  last[2]++;
}

static void
on_progress_cancel (gsize    done,
                    gsize    total,
                    gpointer user_data)
{
  GCancellable *cancellable = user_data;

  /* Cancelled as the first progress comes: the next check stops the load */
  g_cancellable_cancel (cancellable);
}

/* A big plan text: @n content items in one stage */
static GString *
big_plan (guint n)
{
  GString *text = g_string_new (STREAM_HEAD "\"personas\":[],\"stages\":[{\"id\":\"s1\","
                                "\"name\":\"A\",\"content\":[");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s{\"id\":\"c%u\",\"title\":\"t\"}", i > 0 ? "," : "", i);
  g_string_append (text, "]}]}");
  return text;
}

static void
test_progress_and_cancel (void)
{
  g_autoptr(GString) text = big_plan (100000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CyclePlan) plan = NULL;
  gsize last[3] = { 0, 0, 0 };

  plan = cycle_plan_new_from_data_full (text->str, text->len, on_progress, last, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  g_assert_cmpuint (last[1], ==, text->len);
  g_assert_cmpuint (last[0], ==, text->len);    /* the end is reported */
  g_assert_cmpuint (last[2], >, 2);
  g_clear_object (&plan);

  /* Cancelled before: nothing is read */
  g_cancellable_cancel (cancellable);
  plan = cycle_plan_new_from_data_full (text->str, text->len, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (plan);
  g_clear_error (&error);

  /* Cancelled while it reads: it stops at the next check, within 64 KiB of text, and leaks
   * nothing (the sanitizers' run checks that) */
  g_cancellable_reset (cancellable);
  plan = cycle_plan_new_from_data_full (text->str, text->len, on_progress_cancel, cancellable,
                                        cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (plan);
}

static void
test_built_in_code (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CyclePlan) again = NULL;
  g_autoptr(CyclePlan) third = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  CyclePersona *persona = cycle_persona_new ("Zoë, “busy” parent");
  CyclePersona *persona2 = cycle_persona_new ("Other");
  CycleStage *stages[3];
  CycleContent *content;
  CycleLink *link;
  guint n_content = 0;

  cycle_plan_set_title (plan, "Built in code — « test » 🎉");
  cycle_plan_set_why (plan, "Why\nwith a line break");
  cycle_plan_set_how (plan, "How \"quoted\" \\ backslash");
  cycle_plan_set_what (plan, "What\tand a tab, \001 and \037");
  cycle_plan_set_description (plan, "Description");

  cycle_persona_set_description (persona, "Description of Zoë");
  cycle_persona_set_why (persona, "Why Zoë");
  /* The plan holds the items: the pointers stay valid while it lives */
  cycle_plan_add_persona (plan, persona, -1);
  cycle_plan_add_persona (plan, persona2, -1);
  g_object_unref (persona);
  g_object_unref (persona2);

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", i + 1);
      CycleStage *stage = cycle_stage_new (name);

      stages[i] = stage;
      cycle_plan_add_stage (plan, stage, -1);
      g_object_unref (stage);
      cycle_stage_set_lane (stage, i == 2 ? CYCLE_LANE_JOURNEY : CYCLE_LANE_INTERNAL);
      cycle_stage_set_why (stage, "Why this stage");
      cycle_stage_set_question (stage, "Qu’est-ce que c’est ?");
      cycle_stage_set_permission (stage, (CyclePermission) (i * 2 + 1));
      cycle_stage_set_kpi (stage, "KPI");
      /* 0.1 + 0.2 needs 17 digits to read back */
      cycle_stage_set_conversion_rate (stage, i == 0 ? 0.1 + 0.2 : i == 1 ? 1.0 : 0.0);
      cycle_stage_set_days (stage, i == 0 ? 0 : i == 1 ? 36500 : 12);
      cycle_stage_set_owner (stage, "Ana");
      cycle_stage_set_color (stage, i == 0 ? "#3584e4" : "#ABCDEF");
      cycle_stage_set_position (stage, i == 0 ? -1e6 : i == 1 ? 1e6 : 1.0 / 3.0,
                                i == 0 ? 0.5 : i == 1 ? -123.25 : 1e-7);

      for (guint j = 0; j < 3; j++)
        {
          content = cycle_content_new ("Title");
          cycle_plan_add_content (plan, stage, content, -1);
          g_object_unref (content);
          cycle_content_set_format (content, "article");
          cycle_content_set_channel (content, "blog");
          cycle_content_set_persona (content, j == 0 ? persona : j == 1 ? persona2 : NULL);
          cycle_content_set_cta (content, "Read");
          cycle_content_set_commitment (content, (CycleCommitment) (n_content % 9));
          cycle_content_set_direction (content, (CycleDirection) (n_content % 2));
          cycle_content_set_status (content, (CycleStatus) (n_content % 4));
          cycle_content_set_owner (content, "Ana");
          cycle_content_set_due (content, j == 0 ? "2028-02-29" : "2026-12-31");
          cycle_content_set_url (content, "https://example.org/?a=1&b=2");
          cycle_content_set_notes (content, "Notes\r\nover two lines");
          n_content++;
        }
    }

  link = cycle_link_new (stages[0], stages[1], CYCLE_LINK_NEXT);
  cycle_plan_add_link (plan, link);
  g_object_unref (link);
  cycle_link_set_rate (link, 2.0 / 3.0);
  link = cycle_link_new (stages[1], stages[0], CYCLE_LINK_LOOP);
  cycle_plan_add_link (plan, link);
  g_object_unref (link);
  cycle_link_set_rate (link, 0);
  link = cycle_link_new (stages[2], stages[0], CYCLE_LINK_MAPPING);
  cycle_plan_add_link (plan, link);
  g_object_unref (link);

  saved = save_to_string (plan);
  again = load_string (saved, &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, again);
  g_assert_cmpfloat (cycle_stage_get_conversion_rate (stages[0]), ==, 0.1 + 0.2);

  saved_again = save_to_string (again);
  g_assert_cmpstr (saved_again, ==, saved);
  third = load_string (saved_again, &error);
  g_assert_no_error (error);
  assert_plans_equal (plan, third);

  /* Unset values are left out, set ones are there */
  g_assert_nonnull (strstr (saved, "\"conversion_rate\": 0.30000000000000004,\n"));
  g_assert_nonnull (strstr (saved, "\"due\": \"2028-02-29\",\n"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) good = NULL;
  g_autoptr(GPtrArray) broken = NULL;
  g_autofree char *good_dir = NULL;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  good_dir = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  good = list_cycle_files (good_dir);
  g_ptr_array_sort (good, compare_strings);

  g_test_add_func ("/file/good/files-exist", test_good_files_exist);
  g_test_add_func ("/file/good/contents", test_good_contents);
  for (guint i = 0; i < good->len; i++)
    {
      const char *name = g_ptr_array_index (good, i);
      g_autofree char *round_trip = g_strdup_printf ("/file/good/round-trip/%s", name);
      g_autofree char *truncated = g_strdup_printf ("/file/good/truncated/%s", name);
      g_autofree char *mutated = g_strdup_printf ("/file/good/mutated/%s", name);

      g_test_add_data_func (round_trip, name, test_good);
      g_test_add_data_func (truncated, name, test_good_truncated);
      g_test_add_data_func (mutated, name, test_good_mutated);
    }

  g_test_add_func ("/file/extras/kept", test_extras_kept);
  g_test_add_func ("/file/extras/normalized", test_extras_normalized);
  g_test_add_func ("/file/extras/exact", test_extras_exact);
  g_test_add_func ("/file/extras/unexpected-container", test_extras_unexpected_container);

  broken = read_expected ();
  g_test_add_func ("/file/broken/listed", test_broken_files_listed);
  g_test_add_func ("/file/broken/message-one-line", test_message_one_line);
  for (guint i = 0; i < broken->len; i++)
    {
      const BrokenCase *c = g_ptr_array_index (broken, i);
      g_autofree char *path = g_strdup_printf ("/file/broken/%s", c->name);

      g_test_add_data_func (path, c, test_broken);
    }

  g_test_add_func ("/file/edge/depth", test_depth);
  g_test_add_func ("/file/edge/empty", test_empty_variants);
  g_test_add_func ("/file/edge/too-large", test_too_large);
  g_test_add_func ("/file/edge/not-finite", test_not_finite);
  g_test_add_func ("/file/edge/built-in-code", test_built_in_code);
  g_test_add_func ("/file/streaming/order", test_streaming_order);
  g_test_add_func ("/file/streaming/progress-and-cancel", test_progress_and_cancel);

  return g_test_run ();
}
