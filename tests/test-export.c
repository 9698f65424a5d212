/* test-export.c: JSON export and import, CSV, pictures, and writing exports safely
 *
 * What outside tools say about the same files (the JSON Schema, Python's csv module,
 * rsvg-convert, pdfinfo, pdftoppm) is checked by tests/check-export.py.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cycle-checker.h"
#include "cycle-csv.h"
#include "cycle-draw-private.h"
#include "cycle-export.h"
#include "cycle-export-format.h"
#include "cycle-image-export.h"
#include "cycle-json.h"
#include "cycle-layout.h"
#include "cycle-plan-io.h"
#include "cycle-render.h"
#include "test-language.h"
#include "test-plan-text.h"
#include "test-tree.h"

/* Plans */

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "coffee-club.cycle", NULL);
}

static CyclePlan *
load_plan_file (const char *path,
                GBytes    **out_bytes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  CyclePlan *plan;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  plan = cycle_plan_new_from_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  if (out_bytes != NULL)
    *out_bytes = g_bytes_new (data, length);
  return plan;
}

static CyclePlan *
load_sample (GBytes **out_bytes)
{
  g_autofree char *path = sample_path ();

  return load_plan_file (path, out_bytes);
}

static CycleStage *
add_stage (CyclePlan  *plan,
           const char *name,
           CycleLane   lane,
           double      x,
           double      y)
{
  g_autoptr(CycleStage) stage = cycle_stage_new (name);

  cycle_stage_set_lane (stage, lane);
  cycle_stage_set_position (stage, x, y);
  cycle_plan_add_stage (plan, stage, -1);
  return stage;   /* the plan holds it */
}

static CycleContent *
add_content (CyclePlan  *plan,
             CycleStage *stage,
             const char *title)
{
  g_autoptr(CycleContent) content = cycle_content_new (title);

  cycle_plan_add_content (plan, stage, content, -1);
  return content;
}

/* Content with everything a CSV writer can get wrong: commas, double quotes, line breaks of
 * both kinds, accents and other scripts, leading spaces, empty fields. */
static CyclePlan *
tricky_plan (void)
{
  CyclePlan *plan = cycle_plan_new ();
  g_autoptr(CyclePersona) persona = cycle_persona_new ("Zoë, \"the\" barista");
  CycleStage *s1, *s2;
  CycleContent *c;

  cycle_plan_set_title (plan, "Café Ümlaut");
  cycle_plan_add_persona (plan, persona, -1);
  s1 = add_stage (plan, "Visiteurs, curieux", CYCLE_LANE_INTERNAL, 40, 40);
  s2 = add_stage (plan, "Évangélistes", CYCLE_LANE_INTERNAL, 40, 200);

  c = add_content (plan, s1, "Le \"meilleur\" café, vraiment");
  cycle_content_set_persona (c, persona);
  cycle_content_set_format (c, "article");
  cycle_content_set_channel (c, "blog");
  cycle_content_set_cta (c, "Lisez, puis partagez");
  cycle_content_set_commitment (c, CYCLE_COMMITMENT_READ);
  cycle_content_set_status (c, CYCLE_STATUS_PUBLISHED);
  cycle_content_set_owner (c, "Ana");
  cycle_content_set_due (c, "2026-12-01");
  cycle_content_set_url (c, "https://example.org/a?b=1,2");
  cycle_content_set_notes (c, "Line one\nLine two\r\nLine three");

  c = add_content (plan, s1, "  spaces and 日本語  ");
  cycle_content_set_direction (c, CYCLE_DIRECTION_ASKS);
  cycle_content_set_commitment (c, CYCLE_COMMITMENT_STORED_CARD);

  c = add_content (plan, s2, "\"");
  cycle_content_set_notes (c, "\r");

  cycle_plan_clear_undo (plan);
  return plan;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

/* JSON */

static void
assert_export_is_canonical (CyclePlan *plan)
{
  g_autoptr(GBytes) canonical = cycle_plan_to_bytes (plan);
  g_autoptr(GBytes) exported = cycle_export_json (plan, CYCLE_JSON_EXPORT_NONE);
  g_autoptr(GBytes) with_computed = cycle_export_json (plan, CYCLE_JSON_EXPORT_COMPUTED);
  g_autoptr(CyclePlan) imported = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  gconstpointer data;
  gsize size;

  g_assert_true (g_bytes_equal (canonical, exported));

  data = g_bytes_get_data (with_computed, &size);
  imported = cycle_import_json (data, size, &error);
  g_assert_no_error (error);
  saved = cycle_plan_to_bytes (imported);
  g_assert_true (g_bytes_equal (canonical, saved));
  g_assert_finalize_object (g_steal_pointer (&imported));
}

static void
test_json_canonical (void)
{
  g_autoptr(GBytes) file_bytes = NULL;
  g_autoptr(CyclePlan) sample = load_sample (&file_bytes);
  g_autoptr(GBytes) exported = cycle_export_json (sample, CYCLE_JSON_EXPORT_NONE);
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "data", "good", NULL);
  g_autoptr(GDir) dir = g_dir_open (good, 0, NULL);
  const char *name;
  guint n_files = 0;

  /* The sample is canonical: its export is the file, byte for byte. */
  g_assert_true (g_bytes_equal (file_bytes, exported));
  assert_export_is_canonical (sample);

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (good, name, NULL);
      g_autoptr(CyclePlan) plan = NULL;

      if (!g_str_has_suffix (name, ".cycle"))
        continue;
      plan = load_plan_file (path, NULL);
      assert_export_is_canonical (plan);
      n_files++;
    }
  g_assert_cmpuint (n_files, >, 3);

  {
    g_autoptr(CyclePlan) tricky = tricky_plan ();
    g_autoptr(CyclePlan) empty = cycle_plan_new ();

    assert_export_is_canonical (tricky);
    assert_export_is_canonical (empty);
  }
}

static CycleJsonDoc *
parse_strictly (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  CycleJsonDoc *doc;

  /* Cycle's own reader refuses duplicate keys, trailing commas and the like. */
  doc = cycle_json_doc_parse (data, size, CYCLE_FILE_MAX_DEPTH, &error);
  g_assert_no_error (error);
  return doc;
}

static double
number_or_nan (const CycleJsonNode *node)
{
  g_assert_nonnull (node);
  if (cycle_json_node_get_node_type (node) == CYCLE_JSON_NULL)
    return NAN;
  g_assert_cmpint (cycle_json_node_get_node_type (node), ==, CYCLE_JSON_NUMBER);
  return cycle_json_node_get_double (node);
}

/* The sample, its projection over one cycle: the numbers of its funnel, without referrals. */
static CyclePlan *
load_sample_over_one_cycle (void)
{
  CyclePlan *plan = load_sample (NULL);

  cycle_plan_set_projection_cycles (plan, 1);
  return plan;
}

static void
test_json_computed (void)
{
  g_autoptr(CyclePlan) plan = load_sample_over_one_cycle ();
  g_autoptr(GBytes) bytes = cycle_export_json (plan, CYCLE_JSON_EXPORT_COMPUTED);
  g_autoptr(CycleChecker) checker = cycle_checker_new (plan);
  CycleJsonDoc *doc = parse_strictly (bytes);
  const CycleJsonNode *root = cycle_json_doc_get_root (doc);
  const CycleJsonNode *computed, *projection, *stages, *findings;
  guint n_findings;

  computed = cycle_json_node_lookup (root, "computed");
  g_assert_nonnull (computed);
  /* Last, after the members of the plan */
  g_assert_cmpstr (cycle_json_node_get_key (root, cycle_json_node_get_length (root) - 1), ==,
                   "computed");
  g_assert_cmpstr (cycle_json_node_get_string (cycle_json_node_lookup (computed,
                                                                       "generated_by")),
                   ==, "Cycle " PACKAGE_VERSION);

  projection = cycle_json_node_lookup (computed, "projection");
  g_assert_cmpfloat (number_or_nan (cycle_json_node_lookup (projection, "start")), ==, 1000);
  /* The plan's setting: one cycle here (set above), the steady state (0) by default. */
  g_assert_cmpfloat (number_or_nan (cycle_json_node_lookup (projection, "cycles")), ==, 1);
  g_assert_true (cycle_json_node_get_boolean (cycle_json_node_lookup (projection, "complete")));

  /* Every stage, in plan order; the sample's rates: 1000 → 4 % → 40 → 50 % → 20 */
  stages = cycle_json_node_lookup (projection, "stages");
  g_assert_cmpuint (cycle_json_node_get_length (stages), ==,
                    g_list_model_get_n_items (cycle_plan_get_stages (plan)));
  g_assert_cmpstr (cycle_json_node_get_key (stages, 0), ==, "s1");
  g_assert_cmpfloat (number_or_nan (cycle_json_node_lookup (
                       cycle_json_node_lookup (stages, "s1"), "volume")), ==, 1000);
  g_assert_cmpfloat_with_epsilon (number_or_nan (cycle_json_node_lookup (
                                    cycle_json_node_lookup (stages, "s1"), "next_rate")),
                                  0.04, 1e-12);
  g_assert_cmpfloat_with_epsilon (number_or_nan (cycle_json_node_lookup (
                                    cycle_json_node_lookup (stages, "s2"), "volume")),
                                  40, 1e-9);
  g_assert_cmpfloat_with_epsilon (number_or_nan (cycle_json_node_lookup (
                                    cycle_json_node_lookup (stages, "s3"), "cumulative")),
                                  0.02, 1e-12);
  /* The buyer's journey is not projected: null, not a made-up number */
  g_assert_true (isnan (number_or_nan (cycle_json_node_lookup (
                          cycle_json_node_lookup (stages, "s8"), "volume"))));

  findings = cycle_json_node_lookup (computed, "findings");
  n_findings = g_list_model_get_n_items (cycle_checker_get_findings (checker));
  g_assert_cmpuint (cycle_json_node_get_length (findings), ==, n_findings);
  for (guint i = 0; i < n_findings; i++)
    {
      g_autoptr(CycleFinding) finding =
        g_list_model_get_item (cycle_checker_get_findings (checker), i);
      const CycleJsonNode *f = cycle_json_node_get_element (findings, i);
      CycleStage *stage = cycle_finding_get_stage (finding);

      g_assert_cmpstr (cycle_json_node_get_string (cycle_json_node_lookup (f, "key")), ==,
                       cycle_finding_get_key (finding));
      g_assert_cmpstr (cycle_json_node_get_string (cycle_json_node_lookup (f, "kind")), ==,
                       cycle_finding_kind_to_nick (cycle_finding_get_kind (finding)));
      g_assert_cmpstr (cycle_json_node_get_string (cycle_json_node_lookup (f, "message")), ==,
                       cycle_finding_get_message (finding));
      if (stage != NULL)
        g_assert_cmpstr (cycle_json_node_get_string (cycle_json_node_lookup (f, "stage")), ==,
                         cycle_item_get_id (CYCLE_ITEM (stage)));
      else
        g_assert_cmpint (cycle_json_node_get_node_type (cycle_json_node_lookup (f, "stage")),
                         ==, CYCLE_JSON_NULL);
    }

  cycle_json_doc_free (doc);
}

/* A plan opened as a .cycle file (not imported) keeps "computed" as an unknown member; its
 * export must replace it rather than repeat the key, wherever it sits among the others. */
static void
test_json_stale_computed (void)
{
  static const char * const texts[] = {
    /* in the middle of the unknown members */
    "{\"format\": \"org.example.Cycle\", \"version\": 1, \"title\": \"T\", "
    "\"stages\": [{\"id\": \"s1\", \"name\": \"A\", \"x-mine\": {\"computed\": 1}}], "
    "\"a-first\": [1, {\"b\": 2}], \"computed\": {\"old\": [1, 2, {\"x\": null}]}, "
    "\"zz-last\": \"kept\"}",
    /* the last member */
    "{\"format\": \"org.example.Cycle\", \"version\": 1, \"a-first\": true, "
    "\"computed\": \"stale\"}",
    /* the only unknown member */
    "{\"format\": \"org.example.Cycle\", \"version\": 1, \"computed\": {}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(CyclePlan) plan = test_plan_from_text (texts[i]);
      g_autoptr(GBytes) bytes = cycle_export_json (plan, CYCLE_JSON_EXPORT_COMPUTED);
      g_autoptr(CyclePlan) imported = NULL;
      g_autoptr(GBytes) saved = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = bytes_to_string (bytes);
      g_autofree char *saved_text = NULL;
      CycleJsonDoc *doc = parse_strictly (bytes);
      const CycleJsonNode *root = cycle_json_doc_get_root (doc);
      const CycleJsonNode *computed = cycle_json_node_lookup (root, "computed");

      g_assert_cmpint (cycle_json_node_get_node_type (computed), ==, CYCLE_JSON_OBJECT);
      g_assert_null (cycle_json_node_lookup (computed, "old"));
      g_assert_nonnull (cycle_json_node_lookup (computed, "generated_by"));
      if (i == 0)
        {
          g_assert_cmpstr (cycle_json_node_get_string (cycle_json_node_lookup (root, "zz-last")),
                           ==, "kept");
          g_assert_nonnull (cycle_json_node_lookup (root, "a-first"));
          g_assert_nonnull (strstr (text, "\"x-mine\": {\n        \"computed\": 1\n      }"));
        }
      cycle_json_doc_free (doc);

      /* Import drops it; the other unknown members stay, nested "computed" members too. */
      imported = cycle_import_json (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    &error);
      g_assert_no_error (error);
      saved = cycle_plan_to_bytes (imported);
      saved_text = bytes_to_string (saved);
      g_assert_null (strstr (saved_text, "\n  \"computed\""));
      if (i == 0)
        {
          g_assert_nonnull (strstr (saved_text, "\"zz-last\": \"kept\""));
          g_assert_nonnull (strstr (saved_text, "\"a-first\": ["));
          g_assert_nonnull (strstr (saved_text, "\"computed\": 1"));
        }
    }
}

static void
test_json_import_errors (void)
{
  static const char * const bad[] = {
    "",
    "{\"format\": \"org.example.Cycle\", \"version\": 1, \"computed\": 1, \"computed\": 2}",
    "{\"format\": \"org.example.Cycle\", \"version\": 2}",
    "[1, 2]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CyclePlan) plan = cycle_import_json (bad[i], strlen (bad[i]), &error);

      g_assert_null (plan);
      g_assert_error (error, CYCLE_FILE_ERROR, error->code);
    }
}

static void
test_json_no_projection (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(GBytes) bytes = NULL;
  CycleJsonDoc *doc;
  const CycleJsonNode *computed;
  guint n = 0;
  g_autofree double *volumes = NULL;

  /* No stage: nothing to project. */
  bytes = cycle_export_json (plan, CYCLE_JSON_EXPORT_COMPUTED);
  doc = parse_strictly (bytes);
  computed = cycle_json_node_lookup (cycle_json_doc_get_root (doc), "computed");
  g_assert_cmpint (cycle_json_node_get_node_type (cycle_json_node_lookup (computed,
                                                                          "projection")),
                   ==, CYCLE_JSON_NULL);
  cycle_json_doc_free (doc);

  volumes = cycle_export_dup_projected_volumes (plan, &n);
  g_assert_null (volumes);
  g_assert_cmpuint (n, ==, 0);

  /* A plan drawn only as a buyer's journey is projected from its journey. */
  add_stage (plan, "Only the journey", CYCLE_LANE_JOURNEY, 0, 0);
  volumes = cycle_export_dup_projected_volumes (plan, &n);
  g_assert_nonnull (volumes);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpfloat (volumes[0], ==, 1000);
}

/* CSV */

static void
test_csv_quoting (void)
{
  g_autoptr(CyclePlan) plan = tricky_plan ();
  g_autoptr(GBytes) bytes = cycle_export_csv (plan, CYCLE_CSV_EXPORT_STABLE |
                                                    CYCLE_CSV_EXPORT_NO_BOM);
  g_autofree char *text = bytes_to_string (bytes);
  const char *expected =
    "stage,persona,title,format,channel,cta,commitment,direction,status,owner,due,url,notes\r\n"
    "\"Visiteurs, curieux\",\"Zoë, \"\"the\"\" barista\",\"Le \"\"meilleur\"\" café, vraiment\","
    "article,blog,\"Lisez, puis partagez\",read,gives,published,Ana,2026-12-01,"
    "\"https://example.org/a?b=1,2\",\"Line one\nLine two\r\nLine three\"\r\n"
    "\"Visiteurs, curieux\",,  spaces and 日本語  ,,,,stored-card,asks,idea,,,,\r\n"
    "Évangélistes,,\"\"\"\",,,,none,gives,idea,,,,\"\r\"\r\n";

  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (g_strv_length ((char **) cycle_csv_stable_headers ()), ==,
                    CYCLE_CSV_N_COLUMNS);
}

static void
test_csv_people (void)
{
  g_autoptr(CyclePlan) plan = tricky_plan ();
  g_autoptr(GBytes) bytes = cycle_export_csv (plan, CYCLE_CSV_EXPORT_NONE);
  g_autofree char *text = bytes_to_string (bytes);
  g_autoptr(CyclePlan) empty = cycle_plan_new ();
  g_autoptr(GBytes) empty_bytes = cycle_export_csv (empty, CYCLE_CSV_EXPORT_NONE);
  g_autofree char *empty_text = bytes_to_string (empty_bytes);
  const char *header = "\xEF\xBB\xBF" "Stage,Persona,Title,Format,Channel,Call to action,"
                       "Commitment,Gives or asks,Status,Owner,Due date,Link,Notes\r\n";

  /* The tests run in C.UTF-8: the untranslated labels, after the byte order mark */
  g_assert_true (g_str_has_prefix (text, header));
  g_assert_nonnull (strstr (text, ",Read or watch,Gives,Published,"));
  g_assert_nonnull (strstr (text, ",Store a card,Asks,Idea,"));
  g_assert_true (g_str_has_suffix (text, "\r\n"));

  /* No content: the header alone */
  g_assert_cmpstr (empty_text, ==, header);
}

/* Formula injection (OWASP "CSV Injection"): for people, a cell starting with = + - @, a tab or
 * a carriage return gets a leading apostrophe; for scripts, every cell is as it is. */
static void
test_csv_formulas (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(GBytes) people = NULL;
  g_autoptr(GBytes) scripts = NULL;
  g_autofree char *people_text = NULL;
  g_autofree char *scripts_text = NULL;
  CycleStage *stage;
  CycleContent *c;
  const char *row_people =
    "'=1+1,,\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",'+33 6 12,"
    "'-20 % sur tout,,Nothing,Gives,Idea,'@SUM(A1),,'\t-tab,\"'\r=cr\"\r\n";
  const char *row_scripts =
    "=1+1,,\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")\",+33 6 12,"
    "-20 % sur tout,,none,gives,idea,@SUM(A1),,\t-tab,\"\r=cr\"\r\n";

  stage = add_stage (plan, "=1+1", CYCLE_LANE_INTERNAL, 40, 40);
  c = add_content (plan, stage, "=HYPERLINK(\"http://evil.example/\",\"click\")");
  cycle_content_set_format (c, "+33 6 12");
  cycle_content_set_channel (c, "-20 % sur tout");
  cycle_content_set_owner (c, "@SUM(A1)");
  cycle_content_set_url (c, "\t-tab");
  cycle_content_set_notes (c, "\r=cr");

  people = cycle_export_csv (plan, CYCLE_CSV_EXPORT_NO_BOM);
  people_text = bytes_to_string (people);
  scripts = cycle_export_csv (plan, CYCLE_CSV_EXPORT_FOR_SCRIPTS | CYCLE_CSV_EXPORT_NO_BOM);
  scripts_text = bytes_to_string (scripts);

  g_assert_true (g_str_has_suffix (people_text, row_people));
  g_assert_true (g_str_has_suffix (scripts_text, row_scripts));
}

/* The CSV module on its own: neutralising is undone exactly by cycle_csv_cell_restore() */
static void
test_csv_cells (void)
{
  static const char * const cells[] = {
    "", "plain", "=1+1", "+1", "-1", "@x", "\tx", "\rx", "'", "'=1", "''=1", "'plain", "a=b",
    " =1", "'''", "-", "'-20 %", "x'", NULL,
  };
  static const char * const risky[] = { "=1", "+", "-20", "@", "\t", "\r", "'=", "''@", NULL };
  static const char * const safe[] = { "", "a", "'", "''", "'a", " =", "a=", "1-2", NULL };

  for (guint i = 0; risky[i] != NULL; i++)
    g_assert_true (cycle_csv_cell_is_risky (risky[i]));
  for (guint i = 0; safe[i] != NULL; i++)
    g_assert_false (cycle_csv_cell_is_risky (safe[i]));

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) raw = g_string_new (NULL);
      CycleCsvWriter writer;
      const char *written;

      cycle_csv_writer_init (&writer, out, FALSE);
      cycle_csv_writer_field (&writer, cells[i]);
      cycle_csv_writer_init (&writer, raw, TRUE);
      cycle_csv_writer_field (&writer, cells[i]);

      /* Unquote what the writer quoted (cells with a CR) */
      if (out->str[0] == '"')
        {
          g_string_erase (out, 0, 1);
          g_string_truncate (out, out->len - 1);
        }
      written = out->str;
      if (cycle_csv_cell_is_risky (cells[i]))
        {
          g_assert_cmpint (written[0], ==, '\'');
          g_assert_cmpstr (written + 1, ==, cells[i]);
        }
      else
        {
          g_assert_cmpstr (written, ==, cells[i]);
        }
      g_assert_cmpstr (cycle_csv_cell_restore (written), ==, cells[i]);
      /* Raw: as it is */
      g_assert_true (raw->str[0] == '"' || g_str_equal (raw->str, cells[i]));
    }

  /* Rows: commas between cells, CRLF at the end, NULL as an empty cell */
  {
    g_autoptr(GString) out = g_string_new (NULL);
    CycleCsvWriter writer;

    cycle_csv_writer_init (&writer, out, FALSE);
    cycle_csv_writer_field (&writer, "a");
    cycle_csv_writer_field (&writer, NULL);
    cycle_csv_writer_field (&writer, "-b,c");
    cycle_csv_writer_end_row (&writer);
    cycle_csv_writer_field (&writer, "d");
    cycle_csv_writer_end_row (&writer);
    g_assert_cmpstr (out->str, ==, "a,,\"'-b,c\"\r\nd\r\n");
  }
}

/* Writing safely */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cycle-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
assert_file_text (const char *path,
                  const char *text)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, text);
}

static void
test_file_replace (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) one = g_bytes_new_static ("one\n", 4);
  g_autoptr(GBytes) two = g_bytes_new_static ("two\n", 4);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (cycle_export_write_bytes (file, one, &error));
  g_assert_no_error (error);
  assert_file_text (path, "one\n");
  g_assert_true (cycle_export_write_bytes (file, two, &error));
  g_assert_no_error (error);
  assert_file_text (path, "two\n");
  g_assert_cmpuint (count_files (dir), ==, 1);

  /* An ordinary document: readable by others as the umask allows, not 0600 like mkstemp's */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  {
    mode_t mask = umask (0);

    umask (mask);
    g_assert_cmpint (st.st_mode & 0777, ==, 0666 & ~mask);
  }

  /* Freed without a commit: the target is as it was, no temporary file is left */
  {
    g_autoptr(CycleExportFile) out = cycle_export_file_new (file, &error);

    g_assert_no_error (error);
    g_assert_true (cycle_export_file_write (out, "half", 4, &error));
    g_assert_cmpuint (count_files (dir), ==, 2);
  }
  assert_file_text (path, "two\n");
  g_assert_cmpuint (count_files (dir), ==, 1);

  test_remove_tree (dir);
}

static void
test_file_errors (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *sub = g_build_filename (dir, "a-folder", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  const char *targets[3];

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);

  targets[0] = g_build_filename (dir, "missing", "out.svg", NULL);
  targets[1] = g_build_filename (blocker, "out.svg", NULL);
  targets[2] = sub;

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (targets[i]);
      g_autoptr(GError) error = NULL;

      g_assert_false (cycle_export_write_bytes (file, bytes, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == G_IO_ERROR);
      /* The message names the file */
      g_assert_nonnull (strstr (error->message, targets[i]));
      g_test_message ("%s", error->message);
    }
  g_assert_cmpuint (count_files (dir), ==, 2);
  g_assert_cmpuint (count_files (sub), ==, 0);

  g_free ((char *) targets[0]);
  g_free ((char *) targets[1]);
  test_remove_tree (dir);
}

/* /dev/full says "No space left on device" to every write: the error a full disk gives. */
static void
test_file_disk_full (void)
{
  int fd = g_open ("/dev/full", O_WRONLY, 0);
  g_autoptr(CycleExportFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CyclePlan) plan = load_sample (NULL);
  CycleImageExportOptions options;

  if (fd < 0)
    {
      g_test_skip ("no /dev/full");
      return;
    }

  out = cycle_export_file_new_for_fd (fd, "the full disk");
  cycle_image_export_options_init (&options, CYCLE_IMAGE_FORMAT_PNG);
  /* The picture is bigger than the buffer, so cairo itself sees the write fail */
  g_assert_false (cycle_image_export_write (plan, &options, out, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "the full disk"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* and later writes fail the same way */
  g_assert_false (cycle_export_file_write (out, "x", 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  close (fd);
}

/* A write that fails half way (the file size limit stands in for a full disk, which a test
 * cannot make): the old target stays, no temporary file is left. In a subprocess, so that the
 * limit does not outlive the test. */
static char *
half_way_dir (pid_t parent)
{
  /* Named after the parent's pid, which the subprocess knows: no environment to change */
  return g_strdup_printf ("%s/cycle-export-half-way-%d", g_get_tmp_dir (), (int) parent);
}

static void
test_file_write_fails_half_way (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = half_way_dir (getppid ());
      g_autofree char *path = g_build_filename (dir, "plan.png", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(CyclePlan) plan = load_sample (NULL);
      g_autoptr(GError) error = NULL;
      CycleImageExportOptions options;
      struct rlimit limit = { 100 * 1024, 100 * 1024 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      cycle_image_export_options_init (&options, CYCLE_IMAGE_FORMAT_PNG);
      options.scale = 4;
      g_assert_false (cycle_image_export_to_file (plan, &options, file, &error));
      g_assert_error (error, G_IO_ERROR, error->code);
      g_assert_nonnull (strstr (error->message, path));
      g_printerr ("%s\n", error->message);
      return;
    }
  else
    {
      g_autofree char *dir = half_way_dir (getpid ());
      g_autofree char *path = g_build_filename (dir, "plan.png", NULL);

      test_remove_tree (dir);
      g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, "the old picture", -1, NULL));
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stderr ("*Could not write*plan.png*");
      assert_file_text (path, "the old picture");
      g_assert_cmpuint (count_files (dir), ==, 1);
      test_remove_tree (dir);
    }
}

/* Pictures */

static cairo_surface_t *
export_png (CyclePlan  *plan,
            const char *dir,
            const char *name,
            double      scale,
            int         layout)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CycleImageExportOptions options;
  cairo_surface_t *surface;

  cycle_image_export_options_init (&options, CYCLE_IMAGE_FORMAT_PNG);
  options.scale = scale;
  options.layout = layout;
  g_assert_true (cycle_image_export_to_file (plan, &options, file, &error));
  g_assert_no_error (error);

  /* Read back by cairo's own PNG reader */
  surface = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

static void
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y,
          guint8           rgb[3])
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 pixel;

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  memcpy (&pixel, data + y * stride + x * 4, 4);
  rgb[0] = (pixel >> 16) & 0xff;
  rgb[1] = (pixel >> 8) & 0xff;
  rgb[2] = pixel & 0xff;
}

static guint8
channel (double value)
{
  return (guint8) CLAMP (round (value * 255), 0, 255);
}

/* The share of pixels in a square round (@x, @y) that have @color (text may cover the rest). */
static double
share_of_color (cairo_surface_t  *surface,
                double            x,
                double            y,
                int               radius,
                const CycleColor *color,
                const CycleColor *background)
{
  double a = color->alpha;
  guint8 want[3] = {
    channel (color->red * a + background->red * (1 - a)),
    channel (color->green * a + background->green * (1 - a)),
    channel (color->blue * a + background->blue * (1 - a)),
  };
  guint hits = 0, total = 0;

  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      {
        guint8 rgb[3];

        pixel_at (surface, (int) x + dx, (int) y + dy, rgb);
        total++;
        if (ABS (rgb[0] - want[0]) <= 2 && ABS (rgb[1] - want[1]) <= 2 &&
            ABS (rgb[2] - want[2]) <= 2)
          hits++;
      }
  return (double) hits / total;
}

static void
test_png_scale_and_pixels (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(CyclePlan) plan = load_sample (NULL);
  cairo_surface_t *one = export_png (plan, dir, "one.png", 1, CYCLE_IMAGE_EXPORT_PLAN_LAYOUT);
  cairo_surface_t *two = export_png (plan, dir, "two.png", 2, CYCLE_IMAGE_EXPORT_PLAN_LAYOUT);
  g_autofree double *volumes = NULL;
  g_autofree CycleStageGeometry *geometry = NULL;
  CycleLayout layout = cycle_plan_get_layout (plan);
  CycleRenderStyle style;
  CycleRect extent;
  double width, height;
  guint n = 0, n_stages;
  CycleImageExportOptions options;

  /* Scale 1 is the picture's extent (the plan and its legend) in pixels; scale 2 twice as wide
   * and high */
  volumes = cycle_export_dup_projected_volumes (plan, &n);
  {
    g_autoptr(CycleRenderPicture) picture = cycle_render_picture_new (plan, layout, TRUE);
    CycleRect plan_extent;

    cycle_render_picture_get_extent (picture, &extent);
    cycle_render_get_plan_extent (plan, layout, volumes, &plan_extent);
    /* The legend goes under the plan */
    g_assert_cmpfloat (extent.x, ==, plan_extent.x);
    g_assert_cmpfloat (extent.y, ==, plan_extent.y);
    g_assert_cmpfloat (extent.height, >, plan_extent.height);
    /* with the volumes of the one projector */
    for (guint i = 0; i < n; i++)
      g_assert_true ((isnan (volumes[i]) && isnan (cycle_render_picture_get_volumes (picture)[i]))
                     || volumes[i] == cycle_render_picture_get_volumes (picture)[i]);
  }
  g_assert_cmpint (cairo_image_surface_get_width (one), ==, (int) ceil (extent.width));
  g_assert_cmpint (cairo_image_surface_get_height (one), ==, (int) ceil (extent.height));
  g_assert_cmpint (abs (cairo_image_surface_get_width (two) -
                        2 * cairo_image_surface_get_width (one)), <=, 1);
  g_assert_cmpint (abs (cairo_image_surface_get_height (two) -
                        2 * cairo_image_surface_get_height (one)), <=, 1);

  cycle_image_export_options_init (&options, CYCLE_IMAGE_FORMAT_PNG);
  options.scale = 2;
  cycle_image_export_get_size (plan, &options, &width, &height);
  g_assert_cmpfloat (width, ==, cairo_image_surface_get_width (two));
  g_assert_cmpfloat (height, ==, cairo_image_surface_get_height (two));

  /* Each stage's fill colour at its centre, at both scales */
  cycle_render_style_init (&style, FALSE);
  n_stages = g_list_model_get_n_items (cycle_plan_get_stages (plan));
  geometry = g_new0 (CycleStageGeometry, n_stages);
  cycle_layout_compute (plan, layout, volumes, geometry, &extent);
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (cycle_plan_get_stages (plan), i);
      const CycleRect *b = &geometry[i].bounds;
      double cx = b->x + b->width / 2 - extent.x;
      double cy = b->y + b->height / 2 - extent.y;
      CycleColor fill;

      cycle_render_style_get_stage_colors (&style, stage, NULL, &fill, NULL);
      g_assert_cmpfloat (share_of_color (one, cx, cy, 6, &fill, &style.background), >, 0.5);
      g_assert_cmpfloat (share_of_color (two, 2 * cx, 2 * cy, 12, &fill, &style.background),
                         >, 0.5);
      /* and not the background's */
      g_assert_cmpfloat (share_of_color (one, cx, cy, 6, &style.background, &style.background),
                         <, 0.1);
    }

  /* The background where nothing is drawn: the top-left corner is margin */
  g_assert_cmpfloat (share_of_color (one, 3, 3, 2, &style.background, &style.background), ==, 1);

  cairo_surface_destroy (one);
  cairo_surface_destroy (two);
  test_remove_tree (dir);
}

/* A PNG is drawn band after band, leaving out what lies outside each: it has the very pixels of
 * the picture drawn whole. A wide plan makes bands about a hundred rows high, with stages, links
 * and the legend across their edges. (At a scale that is not a whole number, a glyph's edge may
 * differ by a shade from a whole drawing: its position in the band rounds another way.) */
static void
test_png_bands (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CycleRenderPicture) picture = NULL;
  cairo_surface_t *exported, *whole;
  CycleStage *stages[6];
  CycleRenderStyle style;
  CycleRect extent;
  cairo_t *cr;
  int width, height, differing = 0;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", i + 1);

      stages[i] = add_stage (plan, name, i % 2 ? CYCLE_LANE_JOURNEY : CYCLE_LANE_INTERNAL,
                             i * 4000.0 + (i % 3) * 37, (i % 3) * 61.0);
      add_content (plan, stages[i], "Item");
      cycle_stage_set_conversion_rate (stages[i], 0.5);
    }
  for (guint i = 0; i + 1 < G_N_ELEMENTS (stages); i++)
    {
      g_autoptr(CycleLink) link = cycle_link_new (stages[i], stages[i + 1], CYCLE_LINK_NEXT);

      cycle_plan_add_link (plan, link);
    }
  {
    g_autoptr(CycleLink) link = cycle_link_new (stages[5], stages[0], CYCLE_LINK_LOOP);

    cycle_link_set_rate (link, 0.25);
    cycle_plan_add_link (plan, link);
  }

  exported = export_png (plan, dir, "bands.png", 1, CYCLE_LAYOUT_FREE);
  width = cairo_image_surface_get_width (exported);
  height = cairo_image_surface_get_height (exported);
  /* Several bands of 8 MiB */
  g_assert_cmpint ((gint64) width * 4 * height, >, (gint64) 3 * 8 * 1024 * 1024);

  picture = cycle_render_picture_new (plan, CYCLE_LAYOUT_FREE, TRUE);
  cycle_render_picture_get_extent (picture, &extent);
  cycle_render_style_init (&style, FALSE);
  whole = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (whole);
  cycle_render_picture_draw (picture, cr, &style);
  cairo_destroy (cr);
  cairo_surface_flush (whole);

  for (int y = 0; y < height; y++)
    {
      const guint32 *a = (const guint32 *) (gconstpointer)
        (cairo_image_surface_get_data (exported) +
         (gsize) y * cairo_image_surface_get_stride (exported));
      const guint32 *b = (const guint32 *) (gconstpointer)
        (cairo_image_surface_get_data (whole) + (gsize) y * cairo_image_surface_get_stride (whole));

      for (int x = 0; x < width; x++)
        if ((a[x] & 0xffffff) != (b[x] & 0xffffff))
          {
            if (differing < 5 || differing % 3000 == 0)
              g_test_message ("differ at %d,%d: %06x %06x", x, y, a[x] & 0xffffff, b[x] & 0xffffff);
            differing++;
          }
    }
  g_assert_cmpint (differing, ==, 0);

  cairo_surface_destroy (exported);
  cairo_surface_destroy (whole);
  test_remove_tree (dir);
}

static void
test_png_layout_override (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(CyclePlan) plan = load_sample (NULL);
  cairo_surface_t *own, *funnel, *cycle;
  CycleRect extent;

  /* The plan's own layout is free: the overrides must draw something else. */
  cycle_plan_set_layout (plan, CYCLE_LAYOUT_FREE);
  cycle_plan_clear_undo (plan);
  cycle_plan_mark_saved (plan);
  own = export_png (plan, dir, "own.png", 1, CYCLE_IMAGE_EXPORT_PLAN_LAYOUT);
  funnel = export_png (plan, dir, "funnel.png", 1, CYCLE_LAYOUT_FUNNEL);
  cycle = export_png (plan, dir, "cycle.png", 1, CYCLE_LAYOUT_CYCLE);

  {
    g_autoptr(CycleRenderPicture) picture = cycle_render_picture_new (plan, CYCLE_LAYOUT_CYCLE,
                                                                      TRUE);

    cycle_render_picture_get_extent (picture, &extent);
  }
  g_assert_cmpint (cairo_image_surface_get_width (cycle), ==, (int) ceil (extent.width));
  g_assert_true (cairo_image_surface_get_width (own) != cairo_image_surface_get_width (cycle) ||
                 cairo_image_surface_get_height (own) != cairo_image_surface_get_height (cycle));
  g_assert_true (cairo_image_surface_get_width (funnel) !=
                   cairo_image_surface_get_width (cycle) ||
                 cairo_image_surface_get_height (funnel) !=
                   cairo_image_surface_get_height (cycle));
  /* The plan's own layout is not changed by exporting another */
  g_assert_cmpint (cycle_plan_get_layout (plan), ==, CYCLE_LAYOUT_FREE);
  g_assert_false (cycle_plan_can_undo (plan));

  cairo_surface_destroy (own);
  cairo_surface_destroy (funnel);
  cairo_surface_destroy (cycle);
  test_remove_tree (dir);
}

static void
test_png_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(GError) error = NULL;
  CycleImageExportOptions options;

  add_stage (plan, "Here", CYCLE_LANE_INTERNAL, 0, 0);
  add_stage (plan, "Far away", CYCLE_LANE_INTERNAL, 900000, 0);

  cycle_image_export_options_init (&options, CYCLE_IMAGE_FORMAT_PNG);
  g_assert_false (cycle_image_export_to_file (plan, &options, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "SVG or PDF"));
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* A scale out of range */
  options.scale = 0;
  g_assert_false (cycle_image_export_to_file (plan, &options, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  options.scale = NAN;
  g_assert_false (cycle_image_export_to_file (plan, &options, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* The same picture as SVG and PDF is fine (a PDF page this wide is scaled down) */
  {
    g_autofree char *svg = g_build_filename (dir, "huge.svg", NULL);
    g_autofree char *pdf = g_build_filename (dir, "huge.pdf", NULL);
    g_autoptr(GFile) svg_file = g_file_new_for_path (svg);
    g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
    double width, height;

    options.format = CYCLE_IMAGE_FORMAT_SVG;
    g_assert_true (cycle_image_export_to_file (plan, &options, svg_file, &error));
    g_assert_no_error (error);
    options.format = CYCLE_IMAGE_FORMAT_PDF;
    g_assert_true (cycle_image_export_to_file (plan, &options, pdf_file, &error));
    g_assert_no_error (error);
    cycle_image_export_get_size (plan, &options, &width, &height);
    g_assert_cmpfloat (width, <=, CYCLE_IMAGE_EXPORT_MAX_PDF_SIDE);
  }

  test_remove_tree (dir);
}

static char *
export_to_string (CyclePlan                     *plan,
                  const CycleImageExportOptions *options,
                  const char                    *dir,
                  const char                    *name,
                  gsize                         *length)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (cycle_image_export_to_file (plan, options, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

/* Binary data holds NUL bytes: strstr() would stop at the first. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_svg_and_pdf (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(CyclePlan) plan = load_sample (NULL);
  CycleImageExportOptions options;
  g_autofree char *svg = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *expected = NULL;
  double width, height;
  gsize length;

  cycle_image_export_options_init (&options, CYCLE_IMAGE_FORMAT_SVG);
  cycle_image_export_get_size (plan, &options, &width, &height);
  svg = export_to_string (plan, &options, dir, "plan.svg", &length);
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  /* In px: as big as the canvas shows it */
  expected = g_strdup_printf ("width=\"%gpx\" height=\"%gpx\"", width, height);
  g_assert_nonnull (strstr (svg, expected));
  g_assert_nonnull (strstr (svg, "</svg>"));

  options.format = CYCLE_IMAGE_FORMAT_PDF;
  options.content_pages = TRUE;
  pdf = export_to_string (plan, &options, dir, "plan.pdf", &length);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_true (contains_bytes (pdf, length, "/Count 2\n"));
  g_clear_pointer (&pdf, g_free);

  options.content_pages = FALSE;
  pdf = export_to_string (plan, &options, dir, "plan.pdf", &length);
  g_assert_true (contains_bytes (pdf, length, "/Count 1\n"));
  /* No clock in the file: the same plan gives the same bytes at any time */
  g_assert_false (contains_bytes (pdf, length, "/CreationDate"));
  g_assert_false (contains_bytes (pdf, length, "/ModDate"));

  /* Unwritable: the message names the file */
  {
    g_autofree char *path = g_build_filename (dir, "no", "such", "folder", "plan.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;

    g_assert_false (cycle_image_export_to_file (plan, &options, file, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, path));
  }

  g_assert_cmpuint (count_files (dir), ==, 2);
  test_remove_tree (dir);
}

/* Unicode's noncharacters are valid UTF-8 a plan may hold, but cairo refuses them in a PDF
 * ("input string not valid UTF-8"): in the title, a stage's name or content's title, the PDF
 * and its content pages are still written, with U+FFFD in their place. */
static void
test_pdf_noncharacters (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(CyclePlan) plan =
    test_plan_from_text ("{\"format\": \"org.example.Cycle\", \"version\": 1, "
                    "\"title\": \"Plan \\uFFFE\", \"stages\": [{\"id\": \"s1\", "
                    "\"name\": \"Stage \\uFDD0 \\uDBFF\\uDFFF\", \"content\": [{\"id\": \"c1\", "
                    "\"title\": \"Piece \\uFFFF\", \"due\": \"2027-01-01\"}]}]}");
  CycleImageExportOptions options;
  g_autofree char *pdf = NULL;
  g_autofree char *drawable = _cycle_draw_dup_drawable ("a\xef\xbf\xbe b\xef\xb7\x90 é");
  gsize length;

  g_assert_cmpstr (drawable, ==, "a\xef\xbf\xbd b\xef\xbf\xbd é");
  g_assert_null (_cycle_draw_dup_drawable ("nothing to replace: é 🎉"));

  cycle_image_export_options_init (&options, CYCLE_IMAGE_FORMAT_PDF);
  options.content_pages = TRUE;
  pdf = export_to_string (plan, &options, dir, "plan.pdf", &length);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_assert_true (contains_bytes (pdf, length, "/Count 2\n"));
  test_remove_tree (dir);
}

/* SVG: every label is a <text> element, escaped, read back by GLib's XML parser */

typedef struct
{
  gboolean   in_text;
  GString   *current;
  GPtrArray *texts;
  char      *lang;
} SvgTexts;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              data,
           GError              **error)
{
  SvgTexts *t = data;

  if (g_str_equal (element, "svg"))
    for (guint i = 0; names[i] != NULL; i++)
      if (g_str_equal (names[i], "xml:lang"))
        t->lang = g_strdup (values[i]);
  if (g_str_equal (element, "text"))
    {
      t->in_text = TRUE;
      g_string_truncate (t->current, 0);
    }
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              data,
         GError              **error)
{
  SvgTexts *t = data;

  if (g_str_equal (element, "text"))
    {
      t->in_text = FALSE;
      g_ptr_array_add (t->texts, g_strdup (t->current->str));
    }
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              data,
          GError              **error)
{
  SvgTexts *t = data;

  if (t->in_text)
    g_string_append_len (t->current, text, length);
}

static gboolean
has_text (GPtrArray  *texts,
          const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      return TRUE;
  return FALSE;
}

static void
test_svg_text (void)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  static const char long_name[] = "A stage whose name is far too long to fit in its box at all";
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *again = NULL;
  CycleImageExportOptions options;
  SvgTexts t = { FALSE, g_string_new (NULL), g_ptr_array_new_with_free_func (g_free), NULL };
  CycleStage *a, *b;
  gboolean ellipsized = FALSE;
  gsize length, again_length;

  cycle_plan_set_title (plan, "Tom & Jerry's <plan>");
  cycle_plan_set_language (plan, "fr");
  a = add_stage (plan, "Caf\xc3\xa9 \"<&>\" \x01\x07 bell", CYCLE_LANE_INTERNAL, 0, 0);
  b = add_stage (plan, long_name, CYCLE_LANE_INTERNAL, 300, 0);
  add_content (plan, a, "One");
  {
    g_autoptr(CycleLink) link = cycle_link_new (a, b, CYCLE_LINK_NEXT);

    cycle_plan_add_link (plan, link);
  }

  cycle_image_export_options_init (&options, CYCLE_IMAGE_FORMAT_SVG);
  svg = export_to_string (plan, &options, dir, "plan.svg", &length);
  again = export_to_string (plan, &options, dir, "plan.svg", &again_length);
  /* Nothing varies from one export to the next */
  g_assert_cmpmem (svg, length, again, again_length);
  /* No glyph outlines: cairo's SVG surface writes <symbol>s and <use>s */
  g_assert_null (strstr (svg, "<use"));
  g_assert_null (strstr (svg, "<symbol"));
  g_assert_nonnull (strstr (svg, "font-family=\"" CYCLE_RENDER_SVG_FONT_FAMILY "\""));
  g_assert_nonnull (strstr (svg, "font-weight=\"bold\""));

  context = g_markup_parse_context_new (&parser, 0, &t, NULL);
  g_assert_true (g_markup_parse_context_parse (context, svg, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (t.lang, ==, "fr");
  /* Control characters left out, markup escaped and read back */
  g_assert_true (has_text (t.texts, "Caf\xc3\xa9 \"<&>\"  bell"));
  g_assert_true (has_text (t.texts, "Tom & Jerry's <plan>"));
  g_assert_true (has_text (t.texts, "1 item"));
  /* A name too long is cut as the canvas cuts it, with an ellipsis */
  for (guint i = 0; i < t.texts->len; i++)
    {
      const char *text = g_ptr_array_index (t.texts, i);

      if (g_str_has_suffix (text, "…") && strncmp (text, long_name, 10) == 0)
        {
          g_assert_cmpuint (strlen (text), <, strlen (long_name));
          g_assert_true (strncmp (text, long_name, strlen (text) - strlen ("…")) == 0);
          ellipsized = TRUE;
        }
    }
  g_assert_true (ellipsized);

  g_free (t.lang);
  g_string_free (t.current, TRUE);
  g_ptr_array_unref (t.texts);
  test_remove_tree (dir);
}

/* Content pages: everything stays on the page, inside its margins, and long lists go on. */
static void
test_content_pages (void)
{
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  g_autoptr(CyclePlan) empty = cycle_plan_new ();
  g_autoptr(CycleContentPages) pages = NULL;
  g_autoptr(CycleContentPages) empty_pages = NULL;
  CycleRenderStyle style;
  guint n_pages;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u with a name long enough to need "
                                               "ellipsizing on any paper at all, surely", i);
      CycleStage *stage = add_stage (plan, name, i % 3 ? CYCLE_LANE_INTERNAL
                                                       : CYCLE_LANE_JOURNEY, 0, i * 100);

      for (guint j = 0; j < i * 7; j++)
        {
          g_autofree char *title = g_strdup_printf ("Item %u.%u, with a title that goes on and "
                                                    "on well past its column", i, j);
          CycleContent *c = add_content (plan, stage, title);

          cycle_content_set_format (c, "a format longer than its column, surely");
          cycle_content_set_due (c, "2026-01-31");
        }
    }

  cycle_render_style_init (&style, FALSE);
  pages = cycle_content_pages_new (plan, &style, 595.276, 841.89);
  n_pages = cycle_content_pages_get_n_pages (pages);
  /* 462 items at about 50 a page */
  g_assert_cmpuint (n_pages, >=, 8);
  g_assert_cmpuint (n_pages, <=, 14);

  for (guint i = 0; i < n_pages; i++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                                 NULL);
      cairo_t *cr = cairo_create (surface);
      double x, y, w, h;

      cycle_content_pages_draw (pages, cr, i);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
      /* Something on every page, all of it inside the margins */
      g_assert_cmpfloat (w, >, 100);
      g_assert_cmpfloat (h, >, 100);
      g_assert_cmpfloat (x, >=, 40);
      g_assert_cmpfloat (y, >=, 40);
      g_assert_cmpfloat (x + w, <=, 595.276 - 40);
      g_assert_cmpfloat (y + h, <=, 841.89 - 40);
      cairo_surface_destroy (surface);
    }

  /* Longer paper, fewer pages */
  {
    g_autoptr(CycleContentPages) tall = cycle_content_pages_new (plan, &style, 595, 1600);

    g_assert_cmpuint (cycle_content_pages_get_n_pages (tall), <, n_pages);
  }

  empty_pages = cycle_content_pages_new (empty, &style, 612, 792);
  g_assert_cmpuint (cycle_content_pages_get_n_pages (empty_pages), ==, 1);
}

/* The text of @pdf's pages, as pdftotext reads it; NULL (the test skipped) without pdftotext. */
static char *
pdf_text (const char *pdf)
{
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &text, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return text;
}

/* The PDF's content pages write a due date as the board and the table show it, in the
 * interface's language (whatever LC_TIME says: the tests run under C.UTF-8), never as ISO. */
static void
test_content_pages_dates (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CyclePlan) plan = cycle_plan_new ();
  CycleImageExportOptions options;
  CycleStage *stage;

  stage = add_stage (plan, "Visitors", CYCLE_LANE_JOURNEY, 0, 0);
  cycle_content_set_due (add_content (plan, stage, "Launch post"), "2026-11-02");
  cycle_image_export_options_init (&options, CYCLE_IMAGE_FORMAT_PDF);
  options.content_pages = TRUE;

  for (guint french = 0; french < 2; french++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      if (french && !test_language_french ())
        break;
      g_assert_true (cycle_image_export_to_file (plan, &options, file, &error));
      g_assert_no_error (error);
      text = pdf_text (path);
      if (text == NULL)
        break;
      g_assert_nonnull (strstr (text, "Launch post"));
      g_assert_nonnull (strstr (text, french ? "2 nov. 2026" : "2 Nov 2026"));
      g_assert_null (strstr (text, "2026-11-02"));
      if (french)
        g_assert_null (strstr (text, "Nov 2026"));
    }

  test_language_english ();
  g_unlink (path);
  test_remove_tree (dir);
}

/* The sample's content, exported for people and for scripts, imported into the same plan
 * emptied of content, gives the same content back (everything the CSV carries), cells that
 * start with an apostrophe before a formula's first character included: for scripts they are
 * written as they are, so none is taken off when reading them. */
static void
test_csv_import_round_trip (void)
{
  const CycleCsvExportFlags flags[] = { CYCLE_CSV_EXPORT_NONE, CYCLE_CSV_EXPORT_FOR_SCRIPTS };

  for (guint f = 0; f < G_N_ELEMENTS (flags); f++)
    for (char delimiter = 0; delimiter != 'x'; delimiter = delimiter == 0 ? ';' : 'x')
      {
        g_autoptr(CyclePlan) plan = load_sample (NULL);
        g_autoptr(CyclePlan) target = load_sample (NULL);
        g_autoptr(CycleContent) quoted = cycle_content_new ("'=SUM(A1)");
        g_autoptr(GBytes) csv = cycle_export_csv_with_delimiter (plan, flags[f], delimiter);
        g_autoptr(GBytes) again = NULL;
        g_autoptr(GPtrArray) problems = NULL;
        g_autoptr(GError) error = NULL;
        GListModel *all = cycle_plan_get_all_content (target);
        guint n = g_list_model_get_n_items (cycle_plan_get_all_content (plan));
        int added;

        cycle_content_set_notes (quoted, "''-2");
        cycle_plan_add_content (plan, cycle_plan_find_stage (plan, "s1"), quoted, -1);
        n++;
        g_clear_pointer (&csv, g_bytes_unref);
        csv = cycle_export_csv_with_delimiter (plan, flags[f], delimiter);

        while (g_list_model_get_n_items (all) > 0)
          {
            g_autoptr(CycleContent) content = g_list_model_get_item (all, 0);

            cycle_plan_remove_content (target, content);
          }

        added = cycle_import_csv (target, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv),
                                  &problems, &error);
        g_assert_no_error (error);
        g_assert_cmpint (added, ==, (int) n);
        g_assert_cmpuint (problems->len, ==, 0);
        g_assert_cmpstr (cycle_plan_get_undo_label (target), ==, "Import Content");

        again = cycle_export_csv_with_delimiter (target, flags[f], delimiter);
        g_assert_cmpmem (g_bytes_get_data (again, NULL), g_bytes_get_size (again),
                         g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));

        /* One undo step takes it all back out. */
        g_assert_true (cycle_plan_undo (target));
        g_assert_cmpuint (g_list_model_get_n_items (all), ==, 0);
      }
}

/* A content calendar typed in a French spreadsheet: French column names in another order,
 * semicolons, a byte order mark, dates written 15/03/2027, a neutralised cell, rows Cycle
 * cannot take, each said, and the blank rows Excel leaves at the end, which are not. */
static void
test_csv_import_spreadsheet (void)
{
  static const char text[] =
    "\xEF\xBB\xBF" "Titre;Étape;Échéance;Statut;Persona;Engagement demandé;Colonne à nous\r\n"
    "Guide de dégustation;Leads;15/03/2027;Draft;Home barista;email;x\r\n"
    "\"'-20 % sur la première box\";Qualified;2027-04-01;;;payment;\r\n"
    ";Leads;;;;;\r\n"
    "Atelier;Nulle part;;;;;\r\n"
    "Newsletter;Visitors;31/02/2027;Bientôt;Inconnu;;\r\n"
    ";;;;;;\r\n"
    ";;;;;;\r\n";
  g_autoptr(CyclePlan) plan = load_sample (NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  CycleStage *leads = cycle_plan_find_stage (plan, "s2");
  CycleStage *qualified = cycle_plan_find_stage (plan, "s4");
  guint n_leads = cycle_stage_get_n_content (leads);
  g_autoptr(CycleContent) guide = NULL;
  g_autoptr(CycleContent) offer = NULL;
  int added;

  added = cycle_import_csv (plan, text, strlen (text), &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpint (added, ==, 3);
  g_assert_cmpuint (problems->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (problems, 0), ==, "Row 4: no title; left out");
  g_assert_cmpstr (g_ptr_array_index (problems, 1), ==,
                   "Row 5: the plan has no stage “Nulle part”; left out");
  g_assert_cmpstr (g_ptr_array_index (problems, 2), ==,
                   "Row 6: the plan has no persona “Inconnu”; imported without one");
  g_assert_cmpstr (g_ptr_array_index (problems, 3), ==,
                   "Row 6: “Bientôt” is not a status Cycle knows; left at “Idea”");
  g_assert_cmpstr (g_ptr_array_index (problems, 4), ==,
                   "Row 6: “31/02/2027” is not a day of the calendar; imported without a due "
                   "date");

  g_assert_cmpuint (cycle_stage_get_n_content (leads), ==, n_leads + 1);
  guide = g_list_model_get_item (cycle_stage_get_content (leads), n_leads);
  g_assert_cmpstr (cycle_content_get_title (guide), ==, "Guide de dégustation");
  g_assert_cmpstr (cycle_content_get_due (guide), ==, "2027-03-15");
  g_assert_cmpint (cycle_content_get_status (guide), ==, CYCLE_STATUS_DRAFT);
  g_assert_cmpint (cycle_content_get_commitment (guide), ==, CYCLE_COMMITMENT_EMAIL);
  g_assert_cmpstr (cycle_persona_get_name (cycle_content_get_persona (guide)), ==,
                   "Home barista");
  offer = g_list_model_get_item (cycle_stage_get_content (qualified),
                                 cycle_stage_get_n_content (qualified) - 1);
  g_assert_cmpstr (cycle_content_get_title (offer), ==, "-20 % sur la première box");
  g_assert_cmpint (cycle_content_get_commitment (offer), ==, CYCLE_COMMITMENT_PAYMENT);

  /* Not CSV Cycle can use: said, nothing added. */
  g_assert_cmpint (cycle_import_csv (plan, "a,b\r\n1,2\r\n", 10, NULL, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_cmpint (cycle_import_csv (plan, "Title,Stage\r\n\"never closed,Leads\r\n", 34,
                                     NULL, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "line 2: a quoted field is never closed");
}

/* The import in two steps: a preview that changes nothing, then one undo step; and rows pasted
 * from a spreadsheet without their header, into the selected stage. */
static void
test_csv_import_preview (void)
{
  static const char text[] =
    "Title,Stage,Owner\r\n"
    "Tasting guide,Leads,Ana\r\n"
    "Nowhere talk,Nulle part,\r\n"
    "Welcome box,Qualified,\r\n";
  static const char rows[] = "Leads\t\tCupping night\r\n\t\tLoyalty card\r\n";
  g_autoptr(CyclePlan) plan = load_sample (NULL);
  g_autoptr(CycleCsvImport) import = NULL;
  g_autoptr(CycleCsvImport) pasted = NULL;
  g_autoptr(CycleCsvImport) titles = NULL;
  g_autoptr(GError) error = NULL;
  CycleStage *leads = cycle_plan_find_stage (plan, "s2");
  CycleStage *qualified = cycle_plan_find_stage (plan, "s4");
  GListModel *all = cycle_plan_get_all_content (plan);
  guint n = g_list_model_get_n_items (all);
  g_autofree char *undo_before = g_strdup (cycle_plan_get_undo_label (plan));

  import = cycle_csv_import_new (plan, text, strlen (text), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cycle_csv_import_get_n_items (import), ==, 2);
  g_assert_cmpstr (cycle_content_get_title (cycle_csv_import_get_content (import, 0)), ==,
                   "Tasting guide");
  g_assert_cmpstr (cycle_content_get_owner (cycle_csv_import_get_content (import, 0)), ==,
                   "Ana");
  g_assert_true (cycle_csv_import_get_stage (import, 0) == leads);
  g_assert_cmpuint (cycle_csv_import_get_row (import, 0), ==, 2);
  g_assert_true (cycle_csv_import_get_stage (import, 1) == qualified);
  g_assert_cmpuint (cycle_csv_import_get_row (import, 1), ==, 4);
  g_assert_cmpuint (cycle_csv_import_get_problems (import)->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (cycle_csv_import_get_problems (import), 0), ==,
                   "Row 3: the plan has no stage “Nulle part”; left out");
  /* A preview changes nothing. */
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n);
  g_assert_cmpstr (cycle_plan_get_undo_label (plan), ==, undo_before);

  g_assert_cmpint (cycle_csv_import_apply (import), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n + 2);
  g_assert_cmpstr (cycle_plan_get_undo_label (plan), ==, "Import Content");
  g_assert_true (cycle_plan_undo (plan));
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n);

  /* Rows copied from a spreadsheet, tab-separated, no header: the export's order of columns;
   * an empty stage cell takes the selected stage. Without a stage to use, they are refused. */
  g_assert_null (cycle_csv_import_new (plan, rows, strlen (rows), NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  pasted = cycle_csv_import_new (plan, rows, strlen (rows), qualified, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cycle_csv_import_get_n_items (pasted), ==, 2);
  g_assert_true (cycle_csv_import_get_stage (pasted, 0) == leads);
  g_assert_cmpstr (cycle_content_get_title (cycle_csv_import_get_content (pasted, 0)), ==,
                   "Cupping night");
  g_assert_cmpuint (cycle_csv_import_get_row (pasted, 0), ==, 1);
  g_assert_true (cycle_csv_import_get_stage (pasted, 1) == qualified);

  /* One column: a list of titles, all into the selected stage. */
  titles = cycle_csv_import_new (plan, "Flyer\nPoster\n", 13, leads, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cycle_csv_import_get_n_items (titles), ==, 2);
  g_assert_cmpstr (cycle_content_get_title (cycle_csv_import_get_content (titles, 1)), ==,
                   "Poster");
  g_assert_true (cycle_csv_import_get_stage (titles, 1) == leads);
  g_assert_cmpint (cycle_csv_import_apply (titles), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, n + 2);

  /* Text that is no text: said with its line, and what it is */
  g_assert_null (cycle_csv_import_new (plan, "Title\nA\0B\n", 10, leads, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==,
                   "line 2: the text holds a NUL byte (save it as UTF-8 text)");
  g_clear_error (&error);
  g_assert_null (cycle_csv_import_new (plan, "Title\n\xe9t\xe9\n", 10, leads, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "line 2: the text is not UTF-8 (save it as UTF-8)");
}

/* Content copied as a spreadsheet copies rows (tab-separated, with the header, no byte order
 * mark) comes back whole in another copy of the plan through the import. */
static void
test_csv_copy_content (void)
{
  g_autoptr(CyclePlan) plan = load_sample (NULL);
  g_autoptr(CyclePlan) target = load_sample (NULL);
  g_autoptr(GListStore) some = g_list_store_new (CYCLE_TYPE_CONTENT);
  g_autoptr(CycleCsvImport) import = NULL;
  g_autoptr(GBytes) copied = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *all = cycle_plan_get_all_content (plan);
  g_autoptr(CycleContent) first = g_list_model_get_item (all, 0);
  g_autoptr(CycleContent) last = g_list_model_get_item (all, g_list_model_get_n_items (all) - 1);
  const char *text;
  gsize size;

  g_list_store_append (some, first);
  g_list_store_append (some, last);
  copied = cycle_export_csv_content (G_LIST_MODEL (some), CYCLE_CSV_EXPORT_NO_BOM, '\t');
  text = g_bytes_get_data (copied, &size);
  g_assert_true (g_str_has_prefix (text, "Stage\tPersona\tTitle\t"));

  import = cycle_csv_import_new (target, text, size, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cycle_csv_import_get_n_items (import), ==, 2);
  g_assert_cmpuint (cycle_csv_import_get_problems (import)->len, ==, 0);
  g_assert_cmpstr (cycle_content_get_title (cycle_csv_import_get_content (import, 1)), ==,
                   cycle_content_get_title (last));
  g_assert_cmpstr (cycle_stage_get_name (cycle_csv_import_get_stage (import, 1)), ==,
                   cycle_stage_get_name (cycle_content_get_stage (last)));
  g_assert_cmpstr (cycle_content_get_due (cycle_csv_import_get_content (import, 0)), ==,
                   cycle_content_get_due (first));
  g_assert_cmpint (cycle_content_get_status (cycle_csv_import_get_content (import, 0)), ==,
                   cycle_content_get_status (first));
}

/* The one table of formats the window and cycle-tool share, and its one writer */
static void
test_format_table (void)
{
  g_autoptr(CyclePlan) plan = load_sample (NULL);
  g_autofree char *dir = g_dir_make_tmp ("cycle-test-format-XXXXXX", NULL);
  CycleExportOptions options;
  CycleExportFormat format = CYCLE_EXPORT_FORMAT_JSON;
  CycleImageFormat image;

  g_assert_true (cycle_export_format_from_name ("PNG", &format));
  g_assert_cmpint (format, ==, CYCLE_EXPORT_FORMAT_PNG);
  g_assert_false (cycle_export_format_from_name ("jpeg", &format));
  g_assert_true (cycle_export_format_from_path ("/tmp/plan.v2/Plan.ICS", &format));
  g_assert_cmpint (format, ==, CYCLE_EXPORT_FORMAT_ICS);
  g_assert_false (cycle_export_format_from_path ("/tmp/plan.v2/Plan", &format));
  g_assert_false (cycle_export_format_from_path ("notes.txt", &format));
  g_assert_false (cycle_export_format_is_image (CYCLE_EXPORT_FORMAT_CSV, &image));
  g_assert_true (cycle_export_format_is_image (CYCLE_EXPORT_FORMAT_PDF, &image));
  g_assert_cmpint (image, ==, CYCLE_IMAGE_FORMAT_PDF);

  cycle_export_options_init (&options);
  for (guint i = 0; i < CYCLE_EXPORT_N_FORMATS; i++)
    {
      const CycleExportFormatInfo *info = cycle_export_format_get_info (i);
      g_autofree char *path = g_strconcat (dir, "/plan", info->extension, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (cycle_export_format_from_path (path, &format));
      g_assert_cmpint (format, ==, i);
      g_assert_true (cycle_export_format_write_file (plan, i, &options, file, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      /* Each is what it says it is */
      if (i == CYCLE_EXPORT_FORMAT_PNG)
        g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
      else if (i == CYCLE_EXPORT_FORMAT_PDF)
        g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      else if (i == CYCLE_EXPORT_FORMAT_SVG)
        g_assert_nonnull (strstr (contents, "<svg"));
      else if (i == CYCLE_EXPORT_FORMAT_ICS)
        g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR"));
      else if (i == CYCLE_EXPORT_FORMAT_JSON)
        g_assert_true (contents[0] == '{');
      else
        g_assert_cmpuint (length, >, 100);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/format-table", test_format_table);
  g_test_add_func ("/export/json/canonical", test_json_canonical);
  g_test_add_func ("/export/json/computed", test_json_computed);
  g_test_add_func ("/export/json/stale-computed", test_json_stale_computed);
  g_test_add_func ("/export/json/import-errors", test_json_import_errors);
  g_test_add_func ("/export/json/no-projection", test_json_no_projection);
  g_test_add_func ("/export/csv/quoting", test_csv_quoting);
  g_test_add_func ("/export/csv/people", test_csv_people);
  g_test_add_func ("/export/csv/formulas", test_csv_formulas);
  g_test_add_func ("/export/csv/cells", test_csv_cells);
  g_test_add_func ("/export/csv/import-round-trip", test_csv_import_round_trip);
  g_test_add_func ("/export/csv/import-spreadsheet", test_csv_import_spreadsheet);
  g_test_add_func ("/export/csv/import-preview", test_csv_import_preview);
  g_test_add_func ("/export/csv/copy-content", test_csv_copy_content);
  g_test_add_func ("/export/file/replace", test_file_replace);
  g_test_add_func ("/export/file/errors", test_file_errors);
  g_test_add_func ("/export/file/disk-full", test_file_disk_full);
  g_test_add_func ("/export/file/write-fails-half-way", test_file_write_fails_half_way);
  g_test_add_func ("/export/png/scale-and-pixels", test_png_scale_and_pixels);
  g_test_add_func ("/export/png/layout-override", test_png_layout_override);
  g_test_add_func ("/export/png/bands", test_png_bands);
  g_test_add_func ("/export/png/too-large", test_png_too_large);
  g_test_add_func ("/export/image/svg-and-pdf", test_svg_and_pdf);
  g_test_add_func ("/export/image/svg-text", test_svg_text);
  g_test_add_func ("/export/image/pdf-noncharacters", test_pdf_noncharacters);
  g_test_add_func ("/export/image/content-pages", test_content_pages);
  g_test_add_func ("/export/image/content-pages-dates", test_content_pages_dates);

  return g_test_run ();
}
