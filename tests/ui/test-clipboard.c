/* test-clipboard.c: stages copied, cut and pasted through the real clipboard of a real
 * (virtual) display — in one window, between two windows — and the plan's picture copied and
 * read back as PNG and SVG
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-clipboard"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cycle-application.h"
#include "cycle-canvas-private.h"
#include "cycle-plan-io.h"
#include "cycle-render.h"
#include "cycle-window-private.h"
#include "ui-test-util.h"

static CycleApplication *app;

typedef struct
{
  char        *dir;
  GFile       *file;
  CycleWindow *window;
  CycleCanvas *canvas;
  CyclePlan   *plan;
  char        *message;   /* the canvas's last message */
  guint        n_messages;
} Fixture;

static void
on_message_cb (CycleCanvas *canvas,
               const char  *message,
               gboolean     offer_undo,
               Fixture     *fixture)
{
  g_free (fixture->message);
  fixture->message = g_strdup (message);
  fixture->n_messages++;
}

static CycleCanvas *
window_canvas (CycleWindow *window)
{
  CycleCanvas *canvas = CYCLE_CANVAS (ui_test_find_widget (GTK_WIDGET (window),
                                                           CYCLE_TYPE_CANVAS, FALSE));

  g_assert_nonnull (canvas);
  return canvas;
}

static CycleWindow *
open_window (CycleDocument *document)
{
  CycleWindow *window = cycle_window_new (GTK_APPLICATION (app), document);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CycleDocument) document = NULL;

  fixture->dir = ui_test_copy_sample ("cycle-test-clipboard-XXXXXX", &fixture->file);
  document = cycle_document_new_from_file (fixture->file, NULL, &error);
  g_assert_no_error (error);

  fixture->window = open_window (document);
  fixture->plan = ui_test_window_plan (fixture->window);
  fixture->canvas = window_canvas (fixture->window);
  g_signal_connect (fixture->canvas, "message", G_CALLBACK (on_message_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->canvas, fixture);
  ui_test_destroy_windows (app);
  ui_test_clear_temp_copy (&fixture->dir, &fixture->file);
  g_clear_pointer (&fixture->message, g_free);
}

static void
activate (GtkWidget  *widget,
          const char *action)
{
  ui_test_activate (widget, action, NULL);
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static gpointer
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  return item;
}

static CycleLink *
find_link (CyclePlan  *plan,
           CycleStage *source,
           CycleStage *target)
{
  GListModel *links = cycle_plan_get_links (plan);

  for (guint i = 0; i < n_items (links); i++)
    {
      CycleLink *link = item_at (links, i);

      if (cycle_link_get_source (link) == source && cycle_link_get_target (link) == target)
        return link;
    }
  return NULL;
}

static gboolean
stages_overlap (CycleStage *a,
                CycleStage *b)
{
  return fabs (cycle_stage_get_x (a) - cycle_stage_get_x (b)) < CYCLE_STAGE_WIDTH &&
         fabs (cycle_stage_get_y (a) - cycle_stage_get_y (b)) < CYCLE_STAGE_HEIGHT;
}

static void
assert_same_bytes (GBytes *a,
                   GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

/* Reading the clipboard back, as another program would */

typedef struct
{
  gboolean    done;
  GBytes     *bytes;
  char       *mime_type;
  char       *text;
  GdkTexture *texture;
} Read;

static void
splice_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Read *read = user_data;
  g_autoptr(GError) error = NULL;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &error);
  g_assert_no_error (error);
  read->bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  read->done = TRUE;
}

static void
read_stream_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Read *read = user_data;
  const char *mime_type = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime_type, &error);
  g_assert_no_error (error);
  read->mime_type = g_strdup (mime_type);
  /* Asynchronously: the clipboard of this very process writes on the same main loop. */
  g_output_stream_splice_async (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                                G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, G_PRIORITY_DEFAULT, NULL,
                                splice_cb, read);
}

static GBytes *
read_clipboard (GtkWidget   *widget,
                const char  *mime_type)
{
  const char *mime_types[] = { mime_type, NULL };
  Read read = { 0 };

  gdk_clipboard_read_async (gtk_widget_get_clipboard (widget), mime_types, G_PRIORITY_DEFAULT,
                            NULL, read_stream_cb, &read);
  ui_test_wait_until (read.done);
  g_assert_cmpstr (read.mime_type, ==, mime_type);
  g_free (read.mime_type);
  return read.bytes;
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Read *read = user_data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

static char *
read_clipboard_text (GtkWidget *widget)
{
  Read read = { 0 };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &read);
  ui_test_wait_until (read.done);
  return read.text;
}

static void
read_texture_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Read *read = user_data;
  g_autoptr(GError) error = NULL;

  read->texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

static gboolean
clipboard_has (GtkWidget  *widget,
               const char *mime_type)
{
  return gdk_content_formats_contain_mime_type (
    gdk_clipboard_get_formats (gtk_widget_get_clipboard (widget)), mime_type);
}

static void
select_two (Fixture *fixture)
{
  cycle_canvas_select_stage (fixture->canvas, cycle_plan_find_stage (fixture->plan, "s1"),
                             CYCLE_SELECT_REPLACE);
  cycle_canvas_select_stage (fixture->canvas, cycle_plan_find_stage (fixture->plan, "s2"),
                             CYCLE_SELECT_TOGGLE);
}

/* The pasted copy of @original: the stage of the same name that is not it. */
static CycleStage *
copy_of (CyclePlan  *plan,
         CycleStage *original)
{
  GListModel *stages = cycle_plan_get_stages (plan);

  for (guint i = 0; i < n_items (stages); i++)
    {
      CycleStage *stage = item_at (stages, i);

      if (stage != original &&
          g_strcmp0 (cycle_stage_get_name (stage), cycle_stage_get_name (original)) == 0)
        return stage;
    }
  return NULL;
}

static void
assert_same_content (CycleStage *a,
                     CycleStage *b)
{
  GListModel *ca = cycle_stage_get_content (a), *cb = cycle_stage_get_content (b);

  g_assert_cmpuint (n_items (ca), ==, n_items (cb));
  for (guint i = 0; i < n_items (ca); i++)
    {
      CycleContent *x = item_at (ca, i), *y = item_at (cb, i);

      g_assert_true (x != y);
      g_assert_cmpstr (cycle_content_get_title (x), ==, cycle_content_get_title (y));
      g_assert_cmpstr (cycle_content_get_cta (x), ==, cycle_content_get_cta (y));
      g_assert_cmpint (cycle_content_get_status (x), ==, cycle_content_get_status (y));
      g_assert_cmpstr (cycle_content_get_due (x), ==, cycle_content_get_due (y));
    }
}

/* ------------------------------------------------------------------------------------------------
 * Tests
 */

/* Two linked stages with content copied and pasted in the same plan: new stages with the same
 * content and the link between them, beside the originals, selected; one undo restores the
 * plan byte for byte. */
static void
test_copy_paste (Fixture       *fixture,
                 gconstpointer  data)
{
  CycleStage *s1 = cycle_plan_find_stage (fixture->plan, "s1");
  CycleStage *s2 = cycle_plan_find_stage (fixture->plan, "s2");
  guint stages_before = n_items (cycle_plan_get_stages (fixture->plan));
  guint links_before = n_items (cycle_plan_get_links (fixture->plan));
  guint personas_before = n_items (cycle_plan_get_personas (fixture->plan));
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GBytes) carried = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  g_autofree char *text = NULL;
  GListModel *stages = cycle_plan_get_stages (fixture->plan);
  CycleStage *c1, *c2;
  CycleLink *link, *original;

  g_assert_nonnull (s1);
  g_assert_nonnull (s2);
  g_assert_cmpuint (cycle_stage_get_n_content (s1), >, 0);
  original = find_link (fixture->plan, s1, s2);
  g_assert_nonnull (original);

  select_two (fixture);
  activate (GTK_WIDGET (fixture->canvas), "canvas.copy");
  g_assert_cmpstr (fixture->message, ==, "2 stages copied");
  g_assert_true (clipboard_has (GTK_WIDGET (fixture->canvas), CYCLE_STAGES_MIME_TYPE));
  /* What another program reads: the .cycle text of the two stages, their names as text. */
  carried = read_clipboard (GTK_WIDGET (fixture->canvas), CYCLE_STAGES_MIME_TYPE);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CyclePlan) part = cycle_plan_new_from_data (g_bytes_get_data (carried, NULL),
                                                          g_bytes_get_size (carried), &error);

    g_assert_no_error (error);
    g_assert_cmpuint (n_items (cycle_plan_get_stages (part)), ==, 2);
    g_assert_cmpuint (n_items (cycle_plan_get_links (part)), ==, 1);
  }
  text = read_clipboard_text (GTK_WIDGET (fixture->canvas));
  g_assert_cmpstr (text, ==, "Visitors\nSubscribers\n");

  before = cycle_plan_to_bytes (fixture->plan);
  activate (GTK_WIDGET (fixture->canvas), "canvas.paste");
  ui_test_wait_until (n_items (stages) == stages_before + 2);

  c1 = copy_of (fixture->plan, s1);
  c2 = copy_of (fixture->plan, s2);
  g_assert_nonnull (c1);
  g_assert_nonnull (c2);
  g_assert_cmpstr (cycle_item_get_id (CYCLE_ITEM (c1)), !=, "s1");
  g_assert_cmpstr (cycle_stage_get_why (c1), ==, cycle_stage_get_why (s1));
  g_assert_cmpint (cycle_stage_get_permission (c2), ==, cycle_stage_get_permission (s2));
  assert_same_content (s1, c1);
  assert_same_content (s2, c2);
  /* The persona is the plan's own: none added. */
  g_assert_cmpuint (n_items (cycle_plan_get_personas (fixture->plan)), ==, personas_before);
  g_assert_true (cycle_content_get_persona (item_at (cycle_stage_get_content (c1), 0)) ==
                 cycle_content_get_persona (item_at (cycle_stage_get_content (s1), 0)));

  /* The link between the copies, as the original */
  g_assert_cmpuint (n_items (cycle_plan_get_links (fixture->plan)), ==, links_before + 1);
  link = find_link (fixture->plan, c1, c2);
  g_assert_nonnull (link);
  g_assert_cmpint (cycle_link_get_kind (link), ==, cycle_link_get_kind (original));
  g_assert_cmpfloat (cycle_link_get_rate (link), ==, cycle_link_get_rate (original));

  /* Beside, not on top of anything; selected; said. */
  for (guint i = 0; i < n_items (stages); i++)
    {
      CycleStage *other = item_at (stages, i);

      if (other == c1 || other == c2)
        continue;
      g_assert_false (stages_overlap (c1, other));
      g_assert_false (stages_overlap (c2, other));
    }
  /* In the plan's order, right after the last stage copied */
  g_assert_true (item_at (stages, 2) == c1);
  g_assert_true (item_at (stages, 3) == c2);
  selected = cycle_canvas_get_selected_stages (fixture->canvas);
  g_assert_cmpuint (selected->len, ==, 2);
  g_assert_true (g_ptr_array_find (selected, c1, NULL));
  g_assert_true (g_ptr_array_find (selected, c2, NULL));
  g_assert_cmpstr (fixture->message, ==, "2 stages pasted");

  /* One undo step, exact */
  g_assert_cmpstr (cycle_plan_get_undo_label (fixture->plan), ==, "Paste Stages");
  after = cycle_plan_to_bytes (fixture->plan);
  activate (GTK_WIDGET (fixture->window), "win.undo");
  undone = cycle_plan_to_bytes (fixture->plan);
  assert_same_bytes (before, undone);
  activate (GTK_WIDGET (fixture->window), "win.redo");
  redone = cycle_plan_to_bytes (fixture->plan);
  assert_same_bytes (after, redone);

  /* Pasted again with the copies selected: beside them, the plan's third pair. */
  activate (GTK_WIDGET (fixture->canvas), "canvas.paste");
  ui_test_wait_until (n_items (stages) == stages_before + 4);
}

/* Cut: one undo step that puts everything back; the cut stages paste back with their content. */
static void
test_cut (Fixture       *fixture,
          gconstpointer  data)
{
  CycleStage *s2 = cycle_plan_find_stage (fixture->plan, "s2");
  GListModel *stages = cycle_plan_get_stages (fixture->plan);
  guint n = n_items (stages);
  guint n_content = cycle_stage_get_n_content (s2);
  g_autoptr(GBytes) before = cycle_plan_to_bytes (fixture->plan);
  g_autoptr(GBytes) undone = NULL;
  CycleStage *pasted;

  cycle_canvas_select_stage (fixture->canvas, s2, CYCLE_SELECT_REPLACE);
  activate (GTK_WIDGET (fixture->canvas), "canvas.cut");
  g_assert_cmpuint (n_items (stages), ==, n - 1);
  g_assert_null (cycle_plan_find_stage (fixture->plan, "s2"));
  g_assert_cmpstr (cycle_plan_get_undo_label (fixture->plan), ==, "Cut Stage");
  g_assert_cmpstr (fixture->message, ==, "“Subscribers” removed");

  activate (GTK_WIDGET (fixture->window), "win.undo");
  undone = cycle_plan_to_bytes (fixture->plan);
  assert_same_bytes (before, undone);
  activate (GTK_WIDGET (fixture->window), "win.redo");
  g_assert_cmpuint (n_items (stages), ==, n - 1);

  cycle_canvas_unselect_all (fixture->canvas);
  activate (GTK_WIDGET (fixture->canvas), "canvas.paste");
  ui_test_wait_until (n_items (stages) == n);
  pasted = cycle_canvas_get_selected_stage (fixture->canvas);
  g_assert_cmpstr (cycle_stage_get_name (pasted), ==, "Subscribers");
  g_assert_cmpuint (cycle_stage_get_n_content (pasted), ==, n_content);
  g_assert_cmpstr (fixture->message, ==, "“Subscribers” pasted");
}

/* From one window to another of the same process: the stages, their content, the link, and
 * the persona, added to the empty plan; undo there leaves it empty again. */
static void
test_two_windows (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CycleDocument) document = cycle_document_new ();
  CycleWindow *other = open_window (document);
  CycleCanvas *canvas = window_canvas (other);
  CyclePlan *plan = ui_test_window_plan (other);
  CycleStage *s1 = cycle_plan_find_stage (fixture->plan, "s1");
  CycleStage *s2 = cycle_plan_find_stage (fixture->plan, "s2");
  CycleStage *c1, *c2;

  g_assert_cmpuint (ui_test_count_windows (app), ==, 2);
  g_assert_cmpuint (n_items (cycle_plan_get_stages (plan)), ==, 0);

  select_two (fixture);
  activate (GTK_WIDGET (fixture->canvas), "canvas.copy");
  activate (GTK_WIDGET (canvas), "canvas.paste");
  ui_test_wait_until (n_items (cycle_plan_get_stages (plan)) == 2);

  c1 = item_at (cycle_plan_get_stages (plan), 0);
  c2 = item_at (cycle_plan_get_stages (plan), 1);
  g_assert_cmpstr (cycle_stage_get_name (c1), ==, "Visitors");
  g_assert_cmpstr (cycle_stage_get_name (c2), ==, "Subscribers");
  assert_same_content (s1, c1);
  assert_same_content (s2, c2);
  g_assert_nonnull (find_link (plan, c1, c2));
  g_assert_cmpuint (n_items (cycle_plan_get_personas (plan)), ==, 1);
  g_assert_cmpstr (cycle_persona_get_name (item_at (cycle_plan_get_personas (plan), 0)), ==,
                   cycle_persona_get_name (item_at (cycle_plan_get_personas (fixture->plan), 0)));
  g_assert_true (cycle_plan_get_modified (plan));

  activate (GTK_WIDGET (other), "win.undo");
  g_assert_cmpuint (n_items (cycle_plan_get_stages (plan)), ==, 0);
  g_assert_cmpuint (n_items (cycle_plan_get_personas (plan)), ==, 0);
  g_assert_cmpuint (n_items (cycle_plan_get_links (plan)), ==, 0);
  /* The source is untouched */
  g_assert_false (cycle_plan_can_undo (fixture->plan));
}

/* What the clipboard holds is not stages: a message says so, and nothing changes. */
static void
test_bad_content (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char *texts[] = {
    "Just some words",
    "{\"format\": \"org.example.Other\", \"items\": []}",
    "{\"format\": \"org.example.Cycle\", \"version\": 1, \"stages\": [{\"id\": 7}]}",
    "{\"format\": \"org.example.Cycle\", \"version\": 1}",
  };
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->canvas));
  g_autoptr(GBytes) before = cycle_plan_to_bytes (fixture->plan);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) now = NULL;
      guint n_messages = fixture->n_messages;

      gdk_clipboard_set_text (clipboard, texts[i]);
      activate (GTK_WIDGET (fixture->canvas), "canvas.paste");
      ui_test_wait_until (fixture->n_messages > n_messages);
      g_test_message ("%s → %s", texts[i], fixture->message);
      g_assert_true (g_str_has_prefix (fixture->message, "Nothing was pasted: the clipboard "
                                                         "holds no"));
      now = cycle_plan_to_bytes (fixture->plan);
      assert_same_bytes (before, now);
      g_assert_false (cycle_plan_can_undo (fixture->plan));
    }
  g_assert_nonnull (strstr (fixture->message, "holds no stages. Copy stages first"));

  /* The text of a .cycle file, copied from an editor, pastes its stages. */
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good",
                                                   "two-lanes.cycle", NULL);
    g_autofree char *text = NULL;
    guint n = n_items (cycle_plan_get_stages (fixture->plan));

    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    gdk_clipboard_set_text (clipboard, text);
    activate (GTK_WIDGET (fixture->canvas), "canvas.paste");
    ui_test_wait_until (n_items (cycle_plan_get_stages (fixture->plan)) > n);
  }
}

/* Copy Picture: a PNG of the picture's size at the clipboard's scale, and an SVG, read back. */
static void
test_picture (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  g_autoptr(CycleRenderPicture) picture = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GdkTexture) decoded = NULL;
  g_autoptr(GError) error = NULL;
  CycleRect extent;
  double scale;
  int width, height;
  Read read = { 0 };

  picture = cycle_render_picture_new (fixture->plan, cycle_plan_get_layout (fixture->plan), TRUE);
  cycle_render_picture_get_extent (picture, &extent);
  scale = cycle_canvas_picture_scale (extent.width, extent.height);
  g_assert_cmpfloat (scale, ==, CYCLE_CANVAS_PICTURE_SCALE);
  width = (int) ceil (extent.width * scale);
  height = (int) ceil (extent.height * scale);

  activate (widget, "win.copy-picture");
  g_assert_cmpstr (fixture->message, ==, "Picture of the plan copied");
  g_assert_true (clipboard_has (widget, "image/png"));
  g_assert_true (clipboard_has (widget, "image/svg+xml"));

  gdk_clipboard_read_texture_async (gtk_widget_get_clipboard (widget), NULL, read_texture_cb,
                                    &read);
  ui_test_wait_until (read.done);
  g_assert_cmpint (gdk_texture_get_width (read.texture), ==, width);
  g_assert_cmpint (gdk_texture_get_height (read.texture), ==, height);
  g_clear_object (&read.texture);

  /* As a slide program reads it: PNG bytes of that size */
  png = read_clipboard (widget, "image/png");
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  decoded = gdk_texture_new_from_bytes (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (decoded), ==, width);
  g_assert_cmpint (gdk_texture_get_height (decoded), ==, height);

  svg = read_clipboard (widget, "image/svg+xml");
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "<svg"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg),
                                  "Visitors"));

  /* A huge picture is scaled down to what the clipboard should hold. */
  scale = cycle_canvas_picture_scale (40000, 30000);
  g_assert_cmpfloat (ceil (40000 * scale) * ceil (30000 * scale), <=,
                     CYCLE_CANVAS_PICTURE_MAX_PIXELS * 1.01);
  g_assert_cmpfloat (40000 * scale, <=, CYCLE_CANVAS_PICTURE_MAX_SIDE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  app = ui_test_app_new ();

  g_test_add ("/clipboard/copy-paste", Fixture, NULL,
              fixture_set_up, test_copy_paste, fixture_tear_down);
  g_test_add ("/clipboard/cut", Fixture, NULL, fixture_set_up, test_cut, fixture_tear_down);
  g_test_add ("/clipboard/two-windows", Fixture, NULL,
              fixture_set_up, test_two_windows, fixture_tear_down);
  g_test_add ("/clipboard/bad-content", Fixture, NULL,
              fixture_set_up, test_bad_content, fixture_tear_down);
  g_test_add ("/clipboard/picture", Fixture, NULL,
              fixture_set_up, test_picture, fixture_tear_down);

  return ui_test_run (app);
}
