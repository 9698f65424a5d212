/* test-narrow.c: every page of the window fits a phone-sized 360 px, in English and in French
 *
 * Run once as is and once with LANGUAGE=fr (tests/ui/meson.build): French labels are longer.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-narrow"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "cycle-application.h"
#include "cycle-content-editor.h"
#include "cycle-content-view.h"
#include "cycle-date-row.h"
#include "cycle-language-row.h"
#include "cycle-persona-manager.h"
#include "cycle-template-dialog.h"
#include "cycle-window.h"
#include "ui-test-util.h"

/* The narrowest GNOME apps adapt to (a phone held upright). */
#define NARROWEST 360

static CycleApplication *app;

static int
min_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

/* The widest of @widget's descendants that alone need more than NARROWEST, for the message
 * (with NARROW_DEBUG set, every descendant wider than 20 px). */
static void
describe_widest (GtkWidget *widget,
                 GString   *out,
                 int        depth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int width = min_width (child);

      if (width > (g_getenv ("NARROW_DEBUG") ? 20 : NARROWEST) && depth < 14)
        {
          g_string_append_printf (out, "%*s%s %d\n", depth * 2, "",
                                  G_OBJECT_TYPE_NAME (child), width);
          describe_widest (child, out, depth + 1);
        }
    }
}

static void
assert_fits (gpointer    window,
             const char *what)
{
  int width;

  ui_test_drain ();
  /* What the window holds: a phone's maximized window has no frame or shadow around it */
  width = min_width (gtk_widget_get_first_child (GTK_WIDGET (window)));
  g_test_message ("%s: the window's content needs %d px", what, width);
  if (width > NARROWEST)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      describe_widest (gtk_widget_get_first_child (GTK_WIDGET (window)), out, 0);
      g_test_message ("%s", out->str);
      g_test_fail_printf ("%s needs %d px, more than %d px", what, width, NARROWEST);
    }
}

/* The window's pages, in the view switcher's order */
static const char * const pages[] = { "plan", "content", "checks", "projection", "purpose" };

/* Opens a copy of @path (a plan under tests/) in a window, shown and mapped at its own size */
static CycleWindow *
open_copy (const char  *path,
           char       **dir,
           GFile      **file)
{
  CycleWindow *window;

  *dir = ui_test_copy_to_temp_dir (g_test_get_filename (G_TEST_DIST, path, NULL),
                                   "cycle-test-narrow-XXXXXX", file);
  window = ui_test_open_file (app, *file);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

/* Each page of @window fits, then the plan page with its stage editor; @plan says which plan in
 * the messages */
static void
assert_pages_fit (CycleWindow *window,
                  const char  *plan)
{
  AdwViewStack *stack = ADW_VIEW_STACK (ui_test_find_widget (GTK_WIDGET (window),
                                                             ADW_TYPE_VIEW_STACK, TRUE));
  g_autofree char *editor = g_strdup_printf ("the stage editor, %s", plan);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *what = g_strdup_printf ("the %s page, %s", pages[i], plan);

      adw_view_stack_set_visible_child_name (stack, pages[i]);
      assert_fits (window, what);
    }

  adw_view_stack_set_visible_child_name (stack, "plan");
  ui_test_activate (GTK_WIDGET (window), "win.show-editor", NULL);
  assert_fits (window, editor);
}

static void
test_every_page_fits (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = NULL;
  CycleWindow *window;

  /* The empty window first: its status page */
  window = cycle_window_new (GTK_APPLICATION (app), NULL);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  assert_fits (window, "the empty window");
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_copy ("../data/samples/coffee-club.cycle", &dir, &file);
  assert_pages_fit (window, "the sample");

  /* The windows over it: personas, a piece of content, the templates */
  ui_test_activate (GTK_WIDGET (window), "win.personas", NULL);
  ui_test_wait_until (ui_test_find_toplevel (CYCLE_TYPE_PERSONA_MANAGER, NULL) != NULL);
  assert_fits (ui_test_find_toplevel (CYCLE_TYPE_PERSONA_MANAGER, NULL), "the personas");
  gtk_window_close (ui_test_find_toplevel (CYCLE_TYPE_PERSONA_MANAGER, NULL));

  ui_test_activate (GTK_WIDGET (window), "win.add-content", NULL);
  ui_test_wait_until (ui_test_find_toplevel (CYCLE_TYPE_CONTENT_EDITOR, NULL) != NULL);
  assert_fits (ui_test_find_toplevel (CYCLE_TYPE_CONTENT_EDITOR, NULL), "the content editor");
  gtk_window_close (ui_test_find_toplevel (CYCLE_TYPE_CONTENT_EDITOR, NULL));

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-from-template", NULL);
  ui_test_wait_until (ui_test_find_toplevel (CYCLE_TYPE_TEMPLATE_DIALOG, NULL) != NULL);
  assert_fits (ui_test_find_toplevel (CYCLE_TYPE_TEMPLATE_DIALOG, NULL), "the templates");

  ui_test_destroy_toplevels ();

  ui_test_destroy_windows (app);
  ui_test_clear_temp_copy (&dir, &file);
}

/* A plan of names and titles longer than a phone's width without a space (URLs), and right to
 * left: they wrap or are cut, and every page still fits. */
static void
test_long_names_fit (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = NULL;
  CycleWindow *window;

  window = open_copy ("data/good/long-names.cycle", &dir, &file);
  assert_pages_fit (window, "a plan of long names");

  ui_test_destroy_toplevels ();
  ui_test_destroy_windows (app);
  ui_test_clear_temp_copy (&dir, &file);
}

static gboolean
is_revealing (GtkWidget     *widget,
              gconstpointer  data)
{
  GtkRevealer *revealer = GTK_REVEALER (widget);

  return gtk_revealer_get_reveal_child (revealer) != gtk_revealer_get_child_revealed (revealer);
}

/* Waits for the revealers in @widget (the view switcher bar, the action bars) to finish. */
static void
wait_for_revealers (GtkWidget *widget)
{
  ui_test_wait_until (ui_test_find_widget_full (widget, GTK_TYPE_REVEALER, TRUE,
                                                is_revealing, NULL) == NULL);
}

/* Saves what the window shows to $CYCLE_SHOTS_DIR/LANG-NAME.png, when that is set. */
static void
save_shot (CycleWindow *window,
           const char  *name)
{
  const char *dir = g_getenv ("CYCLE_SHOTS_DIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  GtkWidget *content = gtk_widget_get_first_child (GTK_WIDGET (window));
  int width = gtk_widget_get_width (content), height = gtk_widget_get_height (content);

  if (dir == NULL)
    return;

  /* The picture shows where things end up, not half-way there */
  wait_for_revealers (GTK_WIDGET (window));
  ui_test_wait_for_draw (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (content);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file_name = g_strdup_printf ("%s-%s.png", language != NULL ? language : "en", name);
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static gboolean
is_add_content (GtkWidget     *widget,
                gconstpointer  data)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "content.add") == 0;
}

static gboolean
is_title (GtkWidget     *widget,
          gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "title-3");
}

/* Every label shown in @widget is whole, not cut with "…" (the bottom bar's page names: French
 * « Vérifications » and « Raison d’être » were). */
static void
assert_labels_whole (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    {
      g_test_message ("bar: %s", gtk_label_get_text (GTK_LABEL (widget)));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_labels_whole (child);
}

/* The content page's own switcher (Board, Table, Calendar) shows its names whole at 360 px
 * (French « Tableau » and « Calendrier » were cut), on each of its views, and Add Content stays
 * at hand. */
static void
check_content_views (CycleWindow *window)
{
  static const char *views[] = { "board", "table", "calendar" };
  GtkWidget *view = ui_test_find_widget (GTK_WIDGET (window), CYCLE_TYPE_CONTENT_VIEW, TRUE);
  AdwViewStack *stack = ADW_VIEW_STACK (ui_test_find_widget (view, ADW_TYPE_VIEW_STACK, TRUE));

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *name = g_strdup_printf ("content-%s", views[i]);
      GtkWidget *switcher, *add;

      adw_view_stack_set_visible_child_name (stack, views[i]);
      ui_test_wait_for_draw (GTK_WIDGET (window));
      g_assert_cmpint (gtk_widget_get_width (gtk_widget_get_first_child (GTK_WIDGET (window))),
                       ==, NARROWEST);
      switcher = ui_test_find_widget (view, ADW_TYPE_VIEW_SWITCHER, TRUE);
      g_assert_nonnull (switcher);
      assert_labels_whole (switcher);
      /* The calendar's month (« décembre 2026 ») was cut too */
      if (g_str_equal (views[i], "calendar"))
        {
          GtkWidget *title = ui_test_find_widget_full (view, GTK_TYPE_LABEL, TRUE, is_title,
                                                       NULL);

          g_assert_nonnull (title);
          assert_labels_whole (title);
        }
      add = ui_test_find_widget_full (view, GTK_TYPE_BUTTON, TRUE, is_add_content, NULL);
      g_assert_nonnull (add);
      g_assert_true (gtk_widget_is_sensitive (add));
      save_shot (window, name);
    }
  adw_view_stack_set_visible_child_name (stack, "board");
}

/* Opens a copy of the sample plan in a window shown at its own size; @content: the window's
 * child; @frame_width and @frame_height: what the window adds around it (without a window
 * manager, GTK draws the window's frame) */
static CycleWindow *
open_sample (char       **dir,
             GFile      **file,
             GtkWidget  **content,
             int         *frame_width,
             int         *frame_height)
{
  CycleWindow *window = open_copy ("../data/samples/coffee-club.cycle", dir, file);
  GdkSurface *surface;

  *content = gtk_widget_get_first_child (GTK_WIDGET (window));
  ui_test_wait_until (gtk_widget_get_width (*content) > 0);
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  *frame_width = gdk_surface_get_width (surface) - gtk_widget_get_width (*content);
  *frame_height = gdk_surface_get_height (surface) - gtk_widget_get_height (*content);
  return window;
}

/* At 360 × 640: the window stays that narrow, the view switcher moves to the bottom bar on
 * every page, the stage editor folds over the canvas, the Checks page shows the findings then
 * the coverage. */
static void
test_at_360 (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = NULL;
  CycleWindow *window;
  AdwViewStack *stack;
  AdwViewSwitcherBar *bar;
  AdwFlap *flap;
  AdwLeaflet *leaflet;
  GtkWidget *content;
  int frame_width, frame_height;

  window = open_sample (&dir, &file, &content, &frame_width, &frame_height);
  gtk_widget_hide (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), NARROWEST + frame_width, 640 + frame_height);
  gtk_window_present (GTK_WINDOW (window));
  ui_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (window)));
  ui_test_wait_for_draw (GTK_WIDGET (window));
  ui_test_wait_until (gtk_widget_get_width (content) == NARROWEST);
  stack = ADW_VIEW_STACK (ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, TRUE));
  bar = ADW_VIEW_SWITCHER_BAR (ui_test_find_widget (GTK_WIDGET (window),
                                                    ADW_TYPE_VIEW_SWITCHER_BAR, FALSE));

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      adw_view_stack_set_visible_child_name (stack, pages[i]);
      ui_test_wait_for_draw (GTK_WIDGET (window));
      g_assert_cmpint (gtk_widget_get_width (content), ==, NARROWEST);
      g_assert_true (adw_view_switcher_bar_get_reveal (bar));
      assert_labels_whole (GTK_WIDGET (bar));
      if (g_str_equal (pages[i], "content"))
        check_content_views (window);
      else
        save_shot (window, pages[i]);
      /* The plan's language whole (« Auto : d’après les mots » was cut to « Au… ») */
      if (g_str_equal (pages[i], "purpose"))
        {
          assert_labels_whole (ui_test_find_widget (GTK_WIDGET (window),
                                                    CYCLE_TYPE_LANGUAGE_ROW, TRUE));
          /* … and the campaign start's title (« Début de la campagne (vide : cy… ») */
          assert_labels_whole (ui_test_find_widget (GTK_WIDGET (window), CYCLE_TYPE_DATE_ROW,
                                                    TRUE));
        }
    }

  adw_view_stack_set_visible_child_name (stack, "plan");
  ui_test_activate (GTK_WIDGET (window), "win.show-editor", NULL);
  flap = ADW_FLAP (ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_FLAP, TRUE));
  ui_test_wait_until (adw_flap_get_reveal_progress (flap) >= 1.0);
  g_assert_true (adw_flap_get_folded (flap));
  g_assert_cmpint (gtk_widget_get_width (content), ==, NARROWEST);
  save_shot (window, "plan-editor");
  ui_test_activate (GTK_WIDGET (window), "win.show-editor", NULL);

  adw_view_stack_set_visible_child_name (stack, "checks");
  leaflet = ADW_LEAFLET (ui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, TRUE));
  ui_test_wait_for_draw (GTK_WIDGET (window));
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "findings");
  adw_leaflet_set_visible_child_name (leaflet, "coverage");
  ui_test_wait_until (!adw_leaflet_get_child_transition_running (leaflet));
  save_shot (window, "checks-coverage");

  ui_test_destroy_windows (app);
  ui_test_clear_temp_copy (&dir, &file);
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Sets @window's size to @width (and 640) of content, as a person dragging its edge would */
static void
resize_content (CycleWindow *window,
                int          width,
                int          frame_width,
                int          frame_height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width + frame_width, 640 + frame_height);
  ui_test_wait_for_draw (GTK_WIDGET (window));
  ui_test_drain ();
}

/* With minimize and maximize beside close, as some desktops have them, the header bar alone was
 * 441 pixels wide. At its narrowest, Undo and Redo leave it and the window goes down to 360;
 * wider, they are back. */
static void
test_three_title_buttons (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = NULL;
  GtkSettings *settings = gtk_settings_get_default ();
  CycleWindow *window;
  GtkWidget *content, *undo, *redo;
  int frame_width, frame_height;

  g_object_set (settings, "gtk-decoration-layout", "appmenu:minimize,maximize,close", NULL);
  window = open_sample (&dir, &file, &content, &frame_width, &frame_height);
  undo = ui_test_find_widget_full (GTK_WIDGET (window), GTK_TYPE_BUTTON, FALSE, has_action,
                                   "win.undo");
  redo = ui_test_find_widget_full (GTK_WIDGET (window), GTK_TYPE_BUTTON, FALSE, has_action,
                                   "win.redo");
  g_assert_nonnull (undo);
  g_assert_nonnull (redo);
  g_assert_true (gtk_widget_get_mapped (undo) && gtk_widget_get_mapped (redo));

  /* Dragged to its narrowest with them, then on */
  resize_content (window, NARROWEST, frame_width, frame_height);
  ui_test_wait_until (!gtk_widget_get_mapped (undo));
  g_assert_cmpint (gtk_widget_get_width (content), >, NARROWEST);
  resize_content (window, NARROWEST, frame_width, frame_height);
  ui_test_wait_until (gtk_widget_get_width (content) == NARROWEST);
  g_assert_false (gtk_widget_get_mapped (redo));
  save_shot (window, "three-title-buttons");

  /* Wide again: they are back, and stay */
  resize_content (window, 800, frame_width, frame_height);
  ui_test_wait_until (gtk_widget_get_mapped (undo));
  ui_test_drain ();
  g_assert_true (gtk_widget_get_mapped (undo) && gtk_widget_get_mapped (redo));
  g_assert_cmpint (gtk_widget_get_width (content), ==, 800);

  ui_test_destroy_windows (app);
  ui_test_clear_temp_copy (&dir, &file);
  g_object_set (settings, "gtk-decoration-layout", "appmenu:close", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po_dir = NULL;

  /* LANGUAGE (set by meson for the French run) picks the catalog; C.UTF-8 is enough for it. */
  setlocale (LC_ALL, "");

  g_test_init (&argc, &argv, NULL);

  po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ui_test_app_new ();
  /* GNOME's title buttons (and a phone's): a close button only. Xvfb, without a desktop,
   * otherwise gets GTK's fallback of three. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  g_test_add_func ("/narrow/every-page", test_every_page_fits);
  g_test_add_func ("/narrow/long-names", test_long_names_fit);
  g_test_add_func ("/narrow/at-360", test_at_360);
  g_test_add_func ("/narrow/three-title-buttons", test_three_title_buttons);

  return ui_test_run (app);
}
