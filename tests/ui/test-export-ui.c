/* test-export-ui.c: a window's exports, printing and import, on a real (virtual) display
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file choosers are skipped: the tests call what their responses call, with a given file,
 * except /export-ui/chooser, which answers GTK's own chooser in place of a person.
 */

#define G_LOG_DOMAIN "test-export-ui"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cycle-application.h"
#include "cycle-export.h"
#include "cycle-image-export.h"
#include "cycle-projection.h"
#include "cycle-render.h"
#include "cycle-window-private.h"
#include "ui-test-util.h"

static CycleApplication *app;

/* ------------------------------------------------------------------------------------------------
 * Helpers
 */

typedef struct
{
  char  *dir;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ui_test_copy_sample ("cycle-test-export-ui-XXXXXX", &fixture->file);

  g_assert_cmpuint (ui_test_count_windows (app), ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ui_test_destroy_windows (app);

  ui_test_clear_temp_copy (&fixture->dir, &fixture->file);
}

static CycleWindow *
open_sample (Fixture *fixture)
{
  CycleWindow *window = ui_test_open_file (app, fixture->file);

  ui_test_wait_for_map (GTK_WIDGET (window));

  return window;
}

static GFile *
fixture_child (Fixture    *fixture,
               const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

  return g_file_new_for_path (path);
}

static GBytes *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static gboolean
has_prefix (GBytes     *bytes,
            const char *prefix,
            gsize       length)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return size >= length && memcmp (data, prefix, length) == 0;
}

/* Only the target in @dir: no temporary file left beside it. */
static void
assert_dir_holds (const char *dir,
                  guint       n_files)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (handle);
  while (g_dir_read_name (handle) != NULL)
    n++;
  g_assert_cmpuint (n, ==, n_files);
}

/* Pages of the PDF at @path: pdfinfo's count, or the page objects when it is not there. */
static guint
count_pdf_pages (const char *path)
{
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (program != NULL)
    {
      const char *argv[] = { program, path, NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status = 0;
      const char *pages;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);
      pages = strstr (out, "\nPages:");
      g_assert_nonnull (pages);
      return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
    }

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  for (const char *p = contents; (p = strstr (p, "/Type /Page")) != NULL; p++)
    if (p[strlen ("/Type /Page")] != 's')
      n++;
  return n;
}

/* ------------------------------------------------------------------------------------------------
 * Tests
 */

static void
test_formats (Fixture       *fixture,
              gconstpointer  data)
{
  CycleWindow *window = open_sample (fixture);
  CyclePlan *plan = ui_test_window_plan (window);
  guint n_content = g_list_model_get_n_items (cycle_plan_get_all_content (plan));
  CycleExportOptions options;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n_content, >, 0);

  /* JSON with computed data loads back into the same plan. */
  {
    g_autoptr(GFile) file = fixture_child (fixture, "plan.json");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(CyclePlan) loaded = NULL;
    gsize size = 0;
    const char *text;

    cycle_export_options_init (&options);
    options.computed = TRUE;
    g_assert_true (_cycle_window_export_to_file (window, CYCLE_EXPORT_FORMAT_JSON, file,
                                                 &options));
    bytes = load (file);
    text = g_bytes_get_data (bytes, &size);
    g_assert_nonnull (strstr (text, "\"" CYCLE_EXPORT_COMPUTED_MEMBER "\""));
    loaded = cycle_import_json (text, size, &error);
    g_assert_no_error (error);
    g_assert_nonnull (loaded);
    g_assert_cmpstr (cycle_plan_get_title (loaded), ==, cycle_plan_get_title (plan));
    g_assert_cmpuint (g_list_model_get_n_items (cycle_plan_get_stages (loaded)), ==,
                      g_list_model_get_n_items (cycle_plan_get_stages (plan)));
  }

  /* CSV for scripts: the stable header and a line for each piece of content. */
  {
    g_autoptr(GFile) file = fixture_child (fixture, "content.csv");
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    const char *start;
    gsize size = 0;

    cycle_export_options_init (&options);
    options.for_scripts = TRUE;
    g_assert_true (_cycle_window_export_to_file (window, CYCLE_EXPORT_FORMAT_CSV, file,
                                                 &options));
    bytes = load (file);
    text = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
    start = g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text;
    g_assert_true (g_str_has_prefix (start, cycle_csv_stable_headers ()[0]));
    g_assert_true (g_str_has_prefix (start, "stage,persona,title,"));
    g_assert_true (g_str_has_suffix (start, "\r\n"));
    lines = g_strsplit (start, "\r\n", -1);
    /* The last "line" is what follows the final CRLF: nothing. */
    g_assert_cmpuint (g_strv_length (lines), ==, n_content + 2);
    g_assert_cmpstr (lines[n_content + 1], ==, "");
  }

  /* SVG */
  {
    g_autoptr(GFile) file = fixture_child (fixture, "picture.svg");
    g_autoptr(GBytes) bytes = NULL;

    g_assert_true (_cycle_window_export_to_file (window, CYCLE_EXPORT_FORMAT_SVG, file, NULL));
    bytes = load (file);
    g_assert_true (has_prefix (bytes, "<?xml", 5) || has_prefix (bytes, "<svg", 4));
  }

  /* PNG at 2×: the signature, and twice the picture's width. */
  {
    g_autoptr(GFile) file = fixture_child (fixture, "picture.png");
    g_autoptr(GBytes) bytes = NULL;
    CycleImageExportOptions image;
    const guint8 *png;
    double width, height;
    guint32 png_width;
    gsize size = 0;

    cycle_export_options_init (&options);
    options.scale = 2.0;
    g_assert_true (_cycle_window_export_to_file (window, CYCLE_EXPORT_FORMAT_PNG, file,
                                                 &options));
    bytes = load (file);
    png = g_bytes_get_data (bytes, &size);
    g_assert_cmpuint (size, >, 24);
    g_assert_true (has_prefix (bytes, "\x89PNG\r\n\x1a\n", 8));
    png_width = ((guint32) png[16] << 24) | ((guint32) png[17] << 16) |
                ((guint32) png[18] << 8) | png[19];

    cycle_image_export_options_init (&image, CYCLE_IMAGE_FORMAT_PNG);
    image.scale = 2.0;
    cycle_image_export_get_size (plan, &image, &width, &height);
    g_assert_cmpuint (png_width, ==, (guint32) width);
    g_assert_cmpuint (png_width, >, 100);
  }

  /* PDF with the content pages */
  {
    g_autoptr(GFile) file = fixture_child (fixture, "picture.pdf");
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *path = g_file_get_path (file);

    cycle_export_options_init (&options);
    options.content_pages = TRUE;
    g_assert_true (_cycle_window_export_to_file (window, CYCLE_EXPORT_FORMAT_PDF, file,
                                                 &options));
    bytes = load (file);
    g_assert_true (has_prefix (bytes, "%PDF", 4));
    g_assert_cmpuint (count_pdf_pages (path), >=, 2);
  }

  /* The plan file, the five exports, nothing else; no error shown; the plan untouched. */
  assert_dir_holds (fixture->dir, 6);
  g_assert_null (ui_test_find_message_dialog ("Could Not Export"));
  g_assert_false (cycle_plan_get_modified (plan));
}

/* iCalendar: the first calendar export gives the plan its uid, which the plan then has to save;
 * a dated item is an event whose UID holds it; the same plan gives the same bytes. */
static void
test_ics (Fixture       *fixture,
          gconstpointer  data)
{
  CycleWindow *window = open_sample (fixture);
  CyclePlan *plan = ui_test_window_plan (window);

  {
    g_autoptr(GFile) file = fixture_child (fixture, "content.ics");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GBytes) again = NULL;
    g_autofree char *uid_line = NULL;
    g_autoptr(CycleContent) first = g_list_model_get_item (cycle_plan_get_all_content (plan), 0);

    g_assert_cmpstr (cycle_plan_get_uid (plan), ==, "");
    g_assert_false (cycle_plan_get_modified (plan));
    g_assert_true (_cycle_window_export_to_file (window, CYCLE_EXPORT_FORMAT_ICS, file, NULL));
    g_assert_cmpstr (cycle_plan_get_uid (plan), !=, "");
    g_assert_true (cycle_plan_get_modified (plan));
    /* A dated item is an event with the plan's uid in its UID */
    cycle_content_set_due (first, "2027-03-15");
    g_assert_true (_cycle_window_export_to_file (window, CYCLE_EXPORT_FORMAT_ICS, file, NULL));
    bytes = load (file);
    g_assert_true (has_prefix (bytes, "BEGIN:VCALENDAR\r\n", 17));
    uid_line = g_strdup_printf ("@%s\r\n", cycle_plan_get_uid (plan));
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                    uid_line));
    g_assert_true (_cycle_window_export_to_file (window, CYCLE_EXPORT_FORMAT_ICS, file, NULL));
    again = load (file);
    g_assert_true (g_bytes_equal (bytes, again));
  }
}

static void
test_failure (Fixture       *fixture,
              gconstpointer  data)
{
  CycleWindow *window = open_sample (fixture);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing", NULL);
  g_autofree char *target = g_build_filename (missing, "picture.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autoptr(GFile) kept = fixture_child (fixture, "kept.png");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  CycleExportOptions options;
  AdwMessageDialog *dialog;

  /* A folder that is not there: the dialog names the path, nothing is created. */
  g_assert_false (_cycle_window_export_to_file (window, CYCLE_EXPORT_FORMAT_SVG, file, NULL));
  dialog = ui_test_find_message_dialog ("Could Not Export");
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), target));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  /* Responding does not close the dialog: its button does both. */
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_drain ();
  g_assert_null (ui_test_find_message_dialog ("Could Not Export"));

  /* A failed export over an existing file leaves that file as it was. */
  g_assert_true (g_file_replace_contents (kept, "old", 3, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                          NULL, &error));
  g_assert_no_error (error);
  cycle_export_options_init (&options);
  options.scale = CYCLE_IMAGE_EXPORT_MAX_SCALE * 2;
  g_assert_false (_cycle_window_export_to_file (window, CYCLE_EXPORT_FORMAT_PNG, kept, &options));
  dialog = ui_test_find_message_dialog ("Could Not Export");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "kept.png"));
  /* Responding does not close the dialog: its button does both. */
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_test_drain ();
  g_assert_null (ui_test_find_message_dialog ("Could Not Export"));
  g_assert_true (g_file_load_contents (kept, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "old");
  assert_dir_holds (fixture->dir, 2);
}

static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  CycleWindow *window = open_sample (fixture);
  CyclePlan *plan = ui_test_window_plan (window);
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);
  g_autoptr(CycleContentPages) content = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GError) error = NULL;
  CycleRenderStyle style;
  guint n_content;

  g_assert_cmpint (_cycle_window_print (window, GTK_PRINT_OPERATION_ACTION_EXPORT, path), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_null (ui_test_find_message_dialog ("Could Not Print"));

  g_assert_true (g_file_get_contents (path, &head, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (head, "%PDF"));

  /* The picture, then as many pages as the listing needs on the locale's paper. */
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  cycle_render_style_init (&style, FALSE);
  content = cycle_content_pages_new (plan, &style,
                                     gtk_page_setup_get_page_width (setup, GTK_UNIT_POINTS),
                                     gtk_page_setup_get_page_height (setup, GTK_UNIT_POINTS));
  n_content = cycle_content_pages_get_n_pages (content);
  g_assert_cmpuint (n_content, >=, 1);
  g_assert_cmpuint (count_pdf_pages (path), ==, 1 + n_content);

  /* The printed picture is the exported one: text that pdftotext finds, and the legend with the
   * plan's title and the projection's settings. */
  {
    g_autofree char *program = g_find_program_in_path ("pdftotext");
    g_autofree char *text = NULL;
    g_autofree char *settings = NULL;
    g_autoptr(CycleProjection) projection = cycle_projection_compute_for_plan (plan, NULL);
    const char *argv[] = { "pdftotext", "-l", "1", "-enc", "UTF-8", path, "-", NULL };
    int status = 0;

    if (program != NULL)
      {
        g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                     &text, NULL, &status, &error));
        g_assert_no_error (error);
        g_assert_nonnull (strstr (text, cycle_plan_get_title (plan)));
        settings = cycle_projection_describe_settings (projection);
        /* pdftotext may break the sentence across lines: its start is enough */
        settings[20] = '\0';
        g_assert_nonnull (strstr (text, settings));
      }
  }
}

static void
test_print_error (Fixture       *fixture,
                  gconstpointer  data)
{
  CycleWindow *window = open_sample (fixture);
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "printed.pdf", NULL);
  AdwMessageDialog *dialog;

  g_assert_cmpint (_cycle_window_print (window, GTK_PRINT_OPERATION_ACTION_EXPORT, path), ==,
                   GTK_PRINT_OPERATION_RESULT_ERROR);
  dialog = ui_test_find_message_dialog ("Could Not Print");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "close");
  ui_test_drain ();
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  CycleWindow *window = open_sample (fixture);
  CyclePlan *plan = ui_test_window_plan (window);
  g_autoptr(GFile) json = fixture_child (fixture, "plan.json");
  g_autoptr(GFile) broken = fixture_child (fixture, "broken.json");
  g_autoptr(GError) error = NULL;
  CycleExportOptions options;
  CycleWindow *imported;
  AdwMessageDialog *dialog;

  cycle_export_options_init (&options);
  options.computed = TRUE;
  g_assert_true (_cycle_window_export_to_file (window, CYCLE_EXPORT_FORMAT_JSON, json,
                                               &options));

  imported = _cycle_window_import_file (window, json);
  g_assert_nonnull (imported);
  g_assert_true (imported != window);
  g_assert_cmpuint (ui_test_count_windows (app), ==, 2);
  /* Untitled: saving asks where, and never overwrites the export. */
  g_assert_null (cycle_document_get_file (cycle_window_get_document (imported)));
  g_assert_cmpstr (cycle_plan_get_title (ui_test_window_plan (imported)), ==,
                   cycle_plan_get_title (plan));
  g_assert_cmpuint (g_list_model_get_n_items (
                      cycle_plan_get_stages (ui_test_window_plan (imported))),
                    ==, g_list_model_get_n_items (cycle_plan_get_stages (plan)));
  g_assert_cmpuint (g_list_model_get_n_items (
                      cycle_plan_get_all_content (ui_test_window_plan (imported))),
                    ==, g_list_model_get_n_items (cycle_plan_get_all_content (plan)));

  /* A file that is not a plan: a dialog naming it, no window. */
  g_assert_true (g_file_replace_contents (broken, "{ \"stages\": ", 12, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (_cycle_window_import_file (window, broken));
  g_assert_cmpuint (ui_test_count_windows (app), ==, 2);
  dialog = ui_test_find_message_dialog ("Could Not Import the Plan");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.json"));
  adw_message_dialog_response (dialog, "close");
  ui_test_drain ();
}

/* The real path from the menu: win.export opens a chooser with the suggested name and the
 * format's options; accepting it adds the extension when it is missing. */
static void
test_chooser (Fixture       *fixture,
              gconstpointer  data)
{
  CycleWindow *window = open_sample (fixture);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GFile) expected = fixture_child (fixture, "chosen.png");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  GtkFileChooser *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", "s", "png"));
  ui_test_drain ();
  g_assert_nonnull (window->chooser);
  chooser = GTK_FILE_CHOOSER (window->chooser);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "Coffee club.png");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "scale"), ==, "1");

  gtk_file_chooser_set_current_folder (chooser, folder, &error);
  g_assert_no_error (error);
  gtk_file_chooser_set_current_name (chooser, "chosen");
  gtk_file_chooser_set_choice (chooser, "scale", "2");
  gtk_native_dialog_hide (window->chooser);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  ui_test_drain ();
  g_assert_null (window->chooser);

  bytes = load (expected);
  g_assert_true (has_prefix (bytes, "\x89PNG\r\n\x1a\n", 8));
  g_assert_null (ui_test_find_message_dialog ("Could Not Export"));

  /* Ctrl+P and the other actions are there and enabled. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", "s", "json"));
  ui_test_drain ();
  g_assert_nonnull (window->chooser);
  g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (window->chooser), "computed"),
                   ==, "false");
  gtk_native_dialog_hide (window->chooser);
  g_signal_emit_by_name (window->chooser, "response", GTK_RESPONSE_CANCEL);
  ui_test_drain ();
  g_assert_null (window->chooser);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  app = ui_test_app_new ();

  g_test_add ("/export-ui/formats", Fixture, NULL,
              fixture_set_up, test_formats, fixture_tear_down);
  g_test_add ("/export-ui/ics", Fixture, NULL, fixture_set_up, test_ics, fixture_tear_down);
  g_test_add ("/export-ui/failure", Fixture, NULL,
              fixture_set_up, test_failure, fixture_tear_down);
  g_test_add ("/export-ui/print", Fixture, NULL,
              fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/export-ui/print-error", Fixture, NULL,
              fixture_set_up, test_print_error, fixture_tear_down);
  g_test_add ("/export-ui/import", Fixture, NULL,
              fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/export-ui/chooser", Fixture, NULL,
              fixture_set_up, test_chooser, fixture_tear_down);

  return ui_test_run (app);
}
