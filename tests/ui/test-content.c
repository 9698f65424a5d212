/* test-content.c: the content view (board, table, editor, personas) on a real, virtual display
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-content"

#include "config.h"

#include <adwaita.h>

#include "cycle-board-card.h"
#include "cycle-board-column.h"
#include "cycle-calendar-day.h"
#include "cycle-calendar-item.h"
#include "cycle-text-cell.h"
#include "cycle-content-editor.h"
#include "cycle-content-repeat-row.h"
#include "cycle-content-table-private.h"
#include "cycle-content-title-cell.h"
#include "cycle-content-view.h"
#include "cycle-persona-manager.h"
#include "cycle-plan-io.h"
#include "cycle-quick-add.h"
#include "ui-test-util.h"

/* ------------------------------------------------------------------------------------------------
 * Helpers
 */

/* The first mapped widget of @type under @widget for which @match (if any) holds. */
static gpointer
find_widget (GtkWidget       *widget,
             GType            type,
             UiTestMatchFunc  match,
             gconstpointer    data)
{
  return ui_test_find_widget_full (widget, type, TRUE, match, data);
}

static gboolean
row_has_title (GtkWidget     *widget,
               gconstpointer  title)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
column_has_stage (GtkWidget     *widget,
                  gconstpointer  stage)
{
  return cycle_board_column_get_stage (CYCLE_BOARD_COLUMN (widget)) == stage;
}

static gboolean
card_has_content (GtkWidget     *widget,
                  gconstpointer  content)
{
  return cycle_board_card_get_content (CYCLE_BOARD_CARD (widget)) == content;
}

static gboolean
widget_has_tooltip (GtkWidget     *widget,
                    gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static gboolean
label_has_text (GtkWidget     *widget,
                gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

#define assert_card_shows(card, expected) \
  G_STMT_START { \
    g_autofree char *texts_ = cycle_board_card_dup_texts (card); \
    g_assert_cmpstr (texts_, ==, expected); \
  } G_STMT_END

static gboolean
cell_has_text (GtkWidget     *widget,
               gconstpointer  text)
{
  return g_strcmp0 (cycle_text_cell_get_text (CYCLE_TEXT_CELL (widget)), text) == 0;
}

static char *
titles (GListModel *model)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CycleContent) content = g_list_model_get_item (model, i);

      g_string_append_printf (s, "%s%s", i > 0 ? "|" : "", cycle_content_get_title (content));
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define assert_titles(model, expected) \
  G_STMT_START { \
    g_autofree char *got_ = titles (G_LIST_MODEL (model)); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

/* ------------------------------------------------------------------------------------------------
 * Fixture: the sample plan in a content view in a window
 *
 *   s1 Visitors:    c1 "The five-minute pour-over" (p1), c2 "Grind size, explained"
 *   s2 Subscribers: c3 "Monthly brewing letter"
 *   s3 Evangelists, s4: empty
 */

typedef UiTestContentFixture Fixture;

static CycleBoardColumn *
find_column (Fixture    *f,
             const char *stage_id)
{
  CycleStage *stage = cycle_plan_find_stage (f->plan, stage_id);

  return find_widget (GTK_WIDGET (f->view), CYCLE_TYPE_BOARD_COLUMN, column_has_stage, stage);
}

static CycleBoardCard *
find_card (Fixture    *f,
           const char *content_id)
{
  CycleContent *content = cycle_plan_find_content (f->plan, content_id);

  return find_widget (GTK_WIDGET (f->view), CYCLE_TYPE_BOARD_CARD, card_has_content, content);
}

/* The first node of @type in @node, depth first, through the nodes that wrap others. */
static GskRenderNode *
find_node (GskRenderNode     *node,
           GskRenderNodeType  type)
{
  if (gsk_render_node_get_node_type (node) == type)
    return node;

  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        {
          GskRenderNode *found = find_node (gsk_container_node_get_child (node, i), type);

          if (found != NULL)
            return found;
        }
      return NULL;
    case GSK_TRANSFORM_NODE:
      return find_node (gsk_transform_node_get_child (node), type);
    case GSK_CLIP_NODE:
      return find_node (gsk_clip_node_get_child (node), type);
    case GSK_ROUNDED_CLIP_NODE:
      return find_node (gsk_rounded_clip_node_get_child (node), type);
    case GSK_OPACITY_NODE:
      return find_node (gsk_opacity_node_get_child (node), type);
    case GSK_DEBUG_NODE:
      return find_node (gsk_debug_node_get_child (node), type);
    default:
      return NULL;
    }
}

/* What a drop of @content at @y of @column does, minus the pointer. */
static gboolean
drop_on (CycleBoardColumn *column,
         CycleContent     *content,
         double            y)
{
  GtkDropTarget *target = ui_test_find_controller (GTK_WIDGET (column), GTK_TYPE_DROP_TARGET);
  GValue value = G_VALUE_INIT;
  GdkDragAction action = 0;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, CYCLE_TYPE_CONTENT);
  g_value_set_object (&value, content);

  g_signal_emit_by_name (target, "motion", 20.0, y, &action);
  g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
  g_signal_emit_by_name (target, "drop", &value, 20.0, y, &accepted);
  g_value_unset (&value);
  ui_test_drain ();

  return accepted;
}

/* The vertical middle of @card, in @column's coordinates. */
static double
card_middle (CycleBoardColumn *column,
             CycleBoardCard   *card)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card), GTK_WIDGET (column), &bounds));
  return bounds.origin.y + bounds.size.height / 2;
}

/* ------------------------------------------------------------------------------------------------
 * The board
 */

static void
test_board (Fixture       *f,
            gconstpointer  data)
{
  CycleBoardColumn *visitors = find_column (f, "s1");
  CycleBoardCard *card;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  g_assert_cmpstr (cycle_content_view_get_page (f->view), ==, "board");
  g_assert_nonnull (visitors);
  g_assert_nonnull (find_column (f, "s2"));

  ui_test_collect_widgets (GTK_WIDGET (visitors), CYCLE_TYPE_BOARD_CARD, TRUE, NULL, NULL, cards);
  g_assert_cmpuint (cards->len, ==, 2);

  card = find_card (f, "c1");
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (card), GTK_WIDGET (visitors)));
  assert_card_shows (card, "The five-minute pour-over\narticle\nBusy parent\nPublished");

  /* Cards follow their content, and its persona's name. */
  cycle_persona_set_name (cycle_plan_find_persona (f->plan, "p1"), "Tired parent");
  assert_card_shows (card, "The five-minute pour-over\narticle\nTired parent\nPublished");
  cycle_content_set_title (cycle_plan_find_content (f->plan, "c1"), "Pour-over in five");
  cycle_content_set_direction (cycle_plan_find_content (f->plan, "c1"), CYCLE_DIRECTION_ASKS);
  assert_card_shows (card, "Pour-over in five\narticle\nTired parent\nPublished\nAsks");
  cycle_content_set_persona (cycle_plan_find_content (f->plan, "c1"), NULL);
  assert_card_shows (card, "Pour-over in five\narticle\nPublished\nAsks");

  /* A column's background is opaque: with the cairo renderer an opaque fill is copied, where a
   * see-through one is blended pixel by pixel (a third of a frame while the board scrolls). */
  {
    GtkSnapshot *snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;
    GskRenderNode *background;

    ui_test_wait_for_draw (GTK_WIDGET (f->window));
    gtk_widget_snapshot_child (gtk_widget_get_parent (GTK_WIDGET (visitors)),
                               GTK_WIDGET (visitors), snapshot);
    node = gtk_snapshot_free_to_node (snapshot);
    g_assert_nonnull (node);
    background = find_node (node, GSK_BORDER_NODE);
    g_assert_nonnull (background);
    g_assert_cmpfloat (gsk_border_node_get_colors (background)[0].alpha, ==, 1.0f);
  }

  /* Right to left, the card is mirrored: its menu button goes to the left. */
  {
    GtkWidget *button = ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_BUTTON, TRUE);
    graphene_rect_t bounds;

    g_assert_nonnull (button);
    g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (card), &bounds));
    g_assert_cmpfloat (bounds.origin.x, >, gtk_widget_get_width (GTK_WIDGET (card)) / 2);
    gtk_widget_set_direction (GTK_WIDGET (card), GTK_TEXT_DIR_RTL);
    ui_test_wait_for_draw (GTK_WIDGET (f->window));
    g_assert_true (gtk_widget_compute_bounds (button, GTK_WIDGET (card), &bounds));
    g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <,
                       gtk_widget_get_width (GTK_WIDGET (card)) / 2);
    gtk_widget_set_direction (GTK_WIDGET (card), GTK_TEXT_DIR_NONE);
  }

  /* A persona named right to left stays inside its card, in either direction: Pango puts an
   * Arabic line at the end of its layout's width, which drew it past the card's edge. */
  cycle_persona_set_name (cycle_plan_find_persona (f->plan, "p1"), "الوالد المشغول");
  cycle_content_set_persona (cycle_plan_find_content (f->plan, "c1"),
                             cycle_plan_find_persona (f->plan, "p1"));
  for (int rtl = 0; rtl < 2; rtl++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      graphene_rect_t bounds;

      gtk_widget_set_direction (GTK_WIDGET (card), rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
      ui_test_wait_for_draw (GTK_WIDGET (f->window));
      GTK_WIDGET_GET_CLASS (card)->snapshot (GTK_WIDGET (card), snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      g_assert_nonnull (node);
      gsk_render_node_get_bounds (node, &bounds);
      /* The card's outline is one pixel outside it */
      g_assert_cmpfloat (bounds.origin.x, >=, -1.0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                         gtk_widget_get_width (GTK_WIDGET (card)) + 1.0);
    }
  gtk_widget_set_direction (GTK_WIDGET (card), GTK_TEXT_DIR_NONE);

  /* Overdue dates are in the error colour (and say so in a tooltip). */
  g_assert_false (cycle_board_card_get_overdue (find_card (f, "c2")));
  cycle_content_set_due (cycle_plan_find_content (f->plan, "c2"), "2001-01-01");
  ui_test_wait_for_draw (GTK_WIDGET (f->window));
  {
    g_autofree char *texts = cycle_board_card_dup_texts (find_card (f, "c2"));

    g_assert_true (g_str_has_suffix (texts, "\n1 Jan 2001"));
  }
  g_assert_true (cycle_board_card_get_overdue (find_card (f, "c2")));
  cycle_content_set_status (cycle_plan_find_content (f->plan, "c2"), CYCLE_STATUS_PUBLISHED);
  g_assert_false (cycle_board_card_get_overdue (find_card (f, "c2")));

  /* A new stage is a new column. */
  {
    g_autoptr(CycleStage) stage = cycle_stage_new ("Fans");

    cycle_plan_add_stage (f->plan, stage, 1);
    ui_test_wait_for_draw (GTK_WIDGET (f->window));
    g_assert_nonnull (find_widget (GTK_WIDGET (f->view), CYCLE_TYPE_BOARD_COLUMN,
                                   column_has_stage, stage));
  }
}

/* Every card shown is in its own stage's column and reads its own title. */
static void
check_cards (Fixture *f)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  guint checked = 0;

  ui_test_collect_widgets (GTK_WIDGET (f->view), CYCLE_TYPE_BOARD_CARD, TRUE, NULL, NULL, cards);
  for (guint i = 0; i < cards->len; i++)
    {
      CycleBoardCard *card = g_ptr_array_index (cards, i);
      CycleContent *content = cycle_board_card_get_content (card);
      GtkWidget *column = gtk_widget_get_ancestor (GTK_WIDGET (card), CYCLE_TYPE_BOARD_COLUMN);

      if (content == NULL)
        continue;
      g_assert_nonnull (column);
      g_assert_true (cycle_board_column_get_stage (CYCLE_BOARD_COLUMN (column)) ==
                     cycle_content_get_stage (content));
      {
        g_autofree char *texts = cycle_board_card_dup_texts (card);

        g_assert_true (g_str_has_prefix (texts, cycle_content_get_title (content)));
      }
      g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (card), "drop-before"));
      checked++;
    }

  g_assert_cmpuint (checked, >, 0);
}

/* Columns scrolled away give their cards to those scrolled in: each card then shows its new
 * content, in its new column. */
static void
test_board_many_stages (Fixture       *f,
                        gconstpointer  data)
{
  CycleBoard *board = cycle_content_view_get_board (f->view);
  g_autoptr(GPtrArray) first_cards = g_ptr_array_new_with_free_func (g_object_unref);
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  guint reused = 0;

  for (guint s = 0; s < 40; s++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", s);
      g_autoptr(CycleStage) stage = cycle_stage_new (name);

      cycle_plan_add_stage (f->plan, stage, -1);
      for (guint i = 0; i < 12; i++)
        {
          g_autofree char *title = g_strdup_printf ("Piece %u of stage %u", i, s);
          g_autoptr(CycleContent) content = cycle_content_new (title);

          cycle_plan_add_content (f->plan, stage, content, -1);
        }
    }
  for (guint i = 0; i < 30; i++)
    ui_test_wait_for_draw (GTK_WIDGET (f->window));
  check_cards (f);

  /* Hold on to the first columns' cards, to see them again further on. */
  ui_test_collect_widgets (GTK_WIDGET (board), CYCLE_TYPE_BOARD_CARD, TRUE, NULL, NULL,
                           first_cards);
  g_ptr_array_foreach (first_cards, (GFunc) (void (*) (void)) g_object_ref, NULL);
  g_assert_cmpuint (first_cards->len, >, 0);

  scroller = find_widget (GTK_WIDGET (board), GTK_TYPE_SCROLLED_WINDOW, NULL, NULL);
  adjustment = gtk_scrolled_window_get_hadjustment (scroller);
  while (gtk_adjustment_get_value (adjustment) <
         gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 150);
      ui_test_wait_for_draw (GTK_WIDGET (f->window));
    }
  /* At rest, the columns make the rest of their cards. */
  for (guint i = 0; i < 30; i++)
    ui_test_wait_for_draw (GTK_WIDGET (f->window));
  check_cards (f);

  for (guint i = 0; i < first_cards->len; i++)
    {
      CycleBoardCard *card = g_ptr_array_index (first_cards, i);
      CycleContent *content = cycle_board_card_get_content (card);

      if (gtk_widget_get_parent (GTK_WIDGET (card)) != NULL && content != NULL &&
          g_str_has_prefix (cycle_stage_get_name (cycle_content_get_stage (content)), "Stage "))
        reused++;
    }
  g_assert_cmpuint (reused, >, 0);
}

/* What dragging @widget would carry: the content it shows, or nothing. */
static CycleContent *
drag_content (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GdkContentProvider) provider = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        g_signal_emit_by_name (controller, "prepare", 1.0, 1.0, &provider);
    }
  if (provider == NULL)
    return NULL;

  g_value_init (&value, CYCLE_TYPE_CONTENT);
  g_assert_true (gdk_content_provider_get_value (provider, &value, NULL));
  return g_value_get_object (&value);
}

static void
test_drag_move (Fixture       *f,
                gconstpointer  data)
{
  CycleContent *c1 = cycle_plan_find_content (f->plan, "c1");
  CycleStage *s1 = cycle_plan_find_stage (f->plan, "s1");
  CycleStage *s2 = cycle_plan_find_stage (f->plan, "s2");
  CycleBoardColumn *visitors = find_column (f, "s1");
  CycleBoardColumn *subscribers = find_column (f, "s2");
  CycleBoardCard *letter = find_card (f, "c3");
  CycleBoardCard *grind = find_card (f, "c2");
  double y;

  /* A card's drag carries its content. */
  g_assert_true (drag_content (GTK_WIDGET (grind)) == cycle_plan_find_content (f->plan, "c2"));

  /* Onto the upper half of the first card of another column: before it. */
  y = card_middle (subscribers, letter) - 5;
  g_assert_true (drop_on (subscribers, c1, y));
  g_assert_true (cycle_content_get_stage (c1) == s2);
  assert_titles (cycle_stage_get_content (s2), "The five-minute pour-over|Monthly brewing letter");
  assert_titles (cycle_stage_get_content (s1), "Grind size, explained");
  g_assert_cmpstr (cycle_plan_get_undo_label (f->plan), ==, "Move Content");

  /* Undone, it is back in its place. */
  g_assert_true (cycle_plan_undo (f->plan));
  assert_titles (cycle_stage_get_content (s1), "The five-minute pour-over|Grind size, explained");
  ui_test_wait_for_draw (GTK_WIDGET (f->window));

  /* Reordered in its own column: below the last card. */
  visitors = find_column (f, "s1");
  grind = find_card (f, "c2");
  y = card_middle (visitors, grind) + 10;
  g_assert_true (drop_on (visitors, c1, y));
  assert_titles (cycle_stage_get_content (s1), "Grind size, explained|The five-minute pour-over");

  /* Onto an empty column, below its header. */
  ui_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (drop_on (find_column (f, "s3"), c1, 200));
  assert_titles (cycle_stage_get_content (cycle_plan_find_stage (f->plan, "s3")),
                 "The five-minute pour-over");

  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_true (cycle_plan_undo (f->plan));
  assert_titles (cycle_stage_get_content (s1), "The five-minute pour-over|Grind size, explained");
  g_assert_false (cycle_plan_get_modified (f->plan));

  /* Content of another plan is refused. */
  {
    g_autoptr(CyclePlan) other = cycle_plan_new ();
    g_autoptr(CycleStage) stage = cycle_stage_new ("Elsewhere");
    g_autoptr(CycleContent) stranger = cycle_content_new ("Stranger");
    GtkDropTarget *target = ui_test_find_controller (GTK_WIDGET (find_column (f, "s1")),
                                                     GTK_TYPE_DROP_TARGET);
    GValue value = G_VALUE_INIT;
    gboolean accepted = TRUE;

    cycle_plan_add_stage (other, stage, -1);
    cycle_plan_add_content (other, stage, stranger, -1);
    g_value_init (&value, CYCLE_TYPE_CONTENT);
    g_value_set_object (&value, stranger);
    g_signal_emit_by_name (target, "drop", &value, 20.0, 100.0, &accepted);
    g_value_unset (&value);
    g_assert_false (accepted);
    g_assert_true (cycle_content_get_stage (stranger) == stage);
  }
}

/* With the cairo renderer (this suite's, see main ()), a card is drawn once into pixels that the
 * frames to come only copy: its snapshot is those pixels, the card and the line round it. */
static void
test_card_pixels (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *card = GTK_WIDGET (find_card (f, "c1"));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *pixels_data = NULL;
  GskRenderNode *pixels;
  graphene_rect_t bounds;
  int width, height;
  gsize stride;
  gboolean dark_text = FALSE;

  g_assert_nonnull (card);
  g_assert_true (GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (gtk_widget_get_native (card))));
  ui_test_wait_for_draw (GTK_WIDGET (f->window));
  width = gtk_widget_get_width (card);
  height = gtk_widget_get_height (card);

  gtk_widget_snapshot_child (gtk_widget_get_parent (card), card, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  pixels = find_node (node, GSK_CAIRO_NODE);
  g_assert_nonnull (pixels);
  g_assert_null (find_node (node, GSK_TEXT_NODE));
  gsk_render_node_get_bounds (pixels, &bounds);
  g_assert_cmpfloat (bounds.origin.x, ==, -1);
  g_assert_cmpfloat (bounds.origin.y, ==, -1);
  g_assert_cmpfloat (bounds.size.width, ==, width + 2);
  g_assert_cmpfloat (bounds.size.height, ==, height + 2);

  g_assert_true (gsk_renderer_realize (renderer, NULL, &error));
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, pixels, &bounds);
  gsk_renderer_unrealize (renderer);
  stride = 4 * (gsize) (width + 2);
  pixels_data = g_malloc (stride * (height + 2));
  gdk_texture_download (texture, pixels_data, stride);

#define PIXEL(x, y) (pixels_data + (gsize) ((y) + 1) * stride + (gsize) ((x) + 1) * 4)
  /* Cairo's premultiplied B G R A: the rounded corner is clear, the line round the card faint,
   * the card's own background opaque and light (Adwaita's card), the title dark on it. */
  g_assert_cmpuint (PIXEL (-1, -1)[3], ==, 0);
  g_assert_cmpuint (PIXEL (-1, height / 2)[3], >, 0);
  g_assert_cmpuint (PIXEL (-1, height / 2)[3], <, 64);
  g_assert_cmpuint (PIXEL (width / 2, height - 3)[3], ==, 255);
  g_assert_cmpuint (PIXEL (width / 2, height - 3)[1], >, 200);
  for (int y = 8; y < 30 && !dark_text; y++)
    for (int x = 12; x < width / 2 && !dark_text; x++)
      dark_text = PIXEL (x, y)[3] == 255 && PIXEL (x, y)[1] < 100;
  g_assert_true (dark_text);
#undef PIXEL
}

/* A model button (GTK's private menu item type) whose label is @label. */
static gboolean
menu_item_has_label (GtkWidget     *widget,
                     gconstpointer  label)
{
  g_autofree char *text = NULL;

  g_object_get (widget, "text", &text, NULL);
  return g_strcmp0 (text, label) == 0;
}

/* What a click on a card's ⋮ and then on the menu's @label does. */
static void
click_card_menu (CycleBoardCard *card,
                 const char     *label)
{
  GtkWidget *button = ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_BUTTON, TRUE);
  GtkWidget *popover, *item;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ui_test_drain ();
  popover = ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_POPOVER_MENU, FALSE);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  item = ui_test_find_widget_full (popover, g_type_from_name ("GtkModelButton"), FALSE,
                                   menu_item_has_label, label);
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_is_sensitive (item));
  g_signal_emit_by_name (item, "clicked");
  ui_test_drain ();
}

/* A key the widget's class binds, as the keyboard would press it where the focus is. */
static gboolean
press_bound_key (GtkWidget       *widget,
                 guint            keyval,
                 GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                 GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }

  return FALSE;
}

/* The column around the focus, and the card it is on */
static GtkWidget *
focused_column (Fixture         *f,
                CycleBoardCard **card)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));
  GtkWidget *child = focus != NULL ? gtk_widget_get_first_child (focus) : NULL;

  *card = CYCLE_IS_BOARD_CARD (child) ? CYCLE_BOARD_CARD (child) : NULL;
  return focus != NULL ? gtk_widget_get_ancestor (focus, CYCLE_TYPE_BOARD_COLUMN) : NULL;
}

/* Tab as GtkWindow moves the focus: on from the focus, or around from the start at the end. */
static void
press_tab (GtkWindow        *window,
           GtkDirectionType  direction)
{
  if (!gtk_widget_child_focus (GTK_WIDGET (window), direction))
    {
      gtk_window_set_focus (window, NULL);
      gtk_widget_child_focus (GTK_WIDGET (window), direction);
    }
}

/* Where the focus is on the board, in words: "add STAGE" (a column's Add button), "entry STAGE"
 * (its quick entry), "card TITLE" (the cell around a card, which takes the focus), else
 * "outside". */
static char *
describe_focus (GtkWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *child = focus != NULL ? gtk_widget_get_first_child (focus) : NULL;
  GtkWidget *column = focus != NULL ? gtk_widget_get_ancestor (focus, CYCLE_TYPE_BOARD_COLUMN)
                                    : NULL;
  const char *stage;

  if (CYCLE_IS_BOARD_CARD (child))
    return g_strdup_printf ("card %s", cycle_content_get_title (cycle_board_card_get_content (
                                                                  CYCLE_BOARD_CARD (child))));
  if (column == NULL)
    return g_strdup ("outside");
  stage = cycle_stage_get_name (cycle_board_column_get_stage (CYCLE_BOARD_COLUMN (column)));
  if (GTK_IS_BUTTON (focus) && gtk_widget_get_ancestor (focus, CYCLE_TYPE_BOARD_CARD) == NULL)
    return g_strdup_printf ("add %s", stage);
  if (gtk_widget_get_ancestor (focus, CYCLE_TYPE_QUICK_ADD) != NULL)
    return g_strdup_printf ("entry %s", stage);
  return g_strdup_printf ("%s in %s", G_OBJECT_TYPE_NAME (focus), stage);
}

/* Tab and Shift+Tab reach every column's Add button, its entry and each card, in reading order,
 * from whichever side the focus comes, and go on past the board; the cards' menu buttons are no
 * stops (Shift+F10 opens the menu on the card), nor is an empty column's scroller. */
static void
test_board_tab (Fixture       *f,
                gconstpointer  data)
{
  GListModel *stages = cycle_plan_get_stages (f->plan);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  GtkWindow *window = GTK_WINDOW (f->window);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);
      GListModel *content = cycle_stage_get_content (stage);

      g_ptr_array_add (expected, g_strdup_printf ("add %s", cycle_stage_get_name (stage)));
      g_ptr_array_add (expected, g_strdup_printf ("entry %s", cycle_stage_get_name (stage)));
      for (guint j = 0; j < g_list_model_get_n_items (content); j++)
        {
          g_autoptr(CycleContent) item = g_list_model_get_item (content, j);

          g_ptr_array_add (expected, g_strdup_printf ("card %s", cycle_content_get_title (item)));
        }
    }
  /* The sample has cards in more than one column, and a column without any */
  g_assert_cmpuint (expected->len, >=, 9);

  ui_test_wait_for_draw (GTK_WIDGET (window));
  gtk_window_set_focus (window, NULL);
  /* Twice round: the second time, the lists have a focused item to go back to (GTK's lists
   * would enter there, at the last column or card) */
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *after = NULL;
      guint presses = 0;
      char *what;

      /* Forward from the toolbar into the board */
      for (what = g_strdup ("outside"); g_str_equal (what, "outside"); presses++)
        {
          g_assert_cmpuint (presses, <, 20);
          g_free (what);
          press_tab (window, GTK_DIR_TAB_FORWARD);
          ui_test_drain ();
          what = describe_focus (window);
        }
      for (guint i = 0; i < expected->len; i++)
        {
          if (i > 0)
            {
              press_tab (window, GTK_DIR_TAB_FORWARD);
              ui_test_drain ();
              what = describe_focus (window);
            }
          g_assert_cmpstr (what, ==, g_ptr_array_index (expected, i));
          g_free (what);
        }
      press_tab (window, GTK_DIR_TAB_FORWARD);
      ui_test_drain ();
      after = describe_focus (window);
      g_assert_cmpstr (after, ==, "outside");

      /* Back again from past the board: the same stops the other way round */
      for (guint i = expected->len; i > 0; i--)
        {
          press_tab (window, GTK_DIR_TAB_BACKWARD);
          ui_test_drain ();
          what = describe_focus (window);
          g_assert_cmpstr (what, ==, g_ptr_array_index (expected, i - 1));
          g_free (what);
        }
      press_tab (window, GTK_DIR_TAB_BACKWARD);
      ui_test_drain ();
      g_clear_pointer (&after, g_free);
      after = describe_focus (window);
      g_assert_cmpstr (after, ==, "outside");
      /* On to the end of the window and round to its start for the next round */
      gtk_window_set_focus (window, NULL);
    }
}

/* Shift+F10 (and Menu) after Alt+Right: the menu of the card that moved, which keeps the focus */
static void
test_card_menu_key (Fixture       *f,
                    gconstpointer  data)
{
  CycleContent *c1 = cycle_plan_find_content (f->plan, "c1");
  CycleBoardCard *card = find_card (f, "c1");
  GtkWidget *column, *popover;

  ui_test_wait_for_draw (GTK_WIDGET (f->window));
  gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (card)));
  column = focused_column (f, &card);
  g_assert_nonnull (column);
  g_assert_true (card != NULL && cycle_board_card_get_content (card) == c1);

  g_assert_true (press_bound_key (column, GDK_KEY_Right, GDK_ALT_MASK));
  g_assert_true (cycle_content_get_stage (c1) == cycle_plan_find_stage (f->plan, "s2"));
  ui_test_wait_until ((column = focused_column (f, &card)) != NULL && card != NULL &&
                      cycle_board_card_get_content (card) == c1);

  g_assert_true (press_bound_key (column, GDK_KEY_F10, GDK_SHIFT_MASK));
  ui_test_drain ();
  popover = ui_test_find_widget (GTK_WIDGET (card), GTK_TYPE_POPOVER_MENU, FALSE);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
  ui_test_drain ();

  g_assert_true (press_bound_key (column, GDK_KEY_Menu, 0));
  ui_test_drain ();
  g_assert_true (gtk_widget_get_visible (popover));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
test_card_actions (Fixture       *f,
                   gconstpointer  data)
{
  CycleContent *c1 = cycle_plan_find_content (f->plan, "c1");
  CycleStage *s1 = cycle_plan_find_stage (f->plan, "s1");
  CycleStage *s2 = cycle_plan_find_stage (f->plan, "s2");

  /* The keyboard's way of dragging. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_card (f, "c1")),
                                             "card.move-down", NULL));
  assert_titles (cycle_stage_get_content (s1), "Grind size, explained|The five-minute pour-over");
  ui_test_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_card (f, "c1")),
                                             "card.move-next", NULL));
  assert_titles (cycle_stage_get_content (s2), "Monthly brewing letter|The five-minute pour-over");
  ui_test_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_card (f, "c1")),
                                             "card.move-up", NULL));
  assert_titles (cycle_stage_get_content (s2), "The five-minute pour-over|Monthly brewing letter");
  ui_test_wait_for_draw (GTK_WIDGET (f->window));

  /* Duplicate, then delete: each one step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_card (f, "c1")),
                                             "card.duplicate", NULL));
  assert_titles (cycle_stage_get_content (s2), "The five-minute pour-over|"
                                               "The five-minute pour-over (copy)|"
                                               "Monthly brewing letter");
  ui_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (find_card (f, "c1")),
                                             "card.delete", NULL));
  g_assert_null (cycle_content_get_stage (c1));
  assert_titles (cycle_stage_get_content (s2), "The five-minute pour-over (copy)|"
                                               "Monthly brewing letter");

  for (guint i = 0; i < 5; i++)
    g_assert_true (cycle_plan_undo (f->plan));
  g_assert_false (cycle_plan_get_modified (f->plan));
  assert_titles (cycle_stage_get_content (s1), "The five-minute pour-over|Grind size, explained");
  assert_titles (cycle_stage_get_content (s2), "Monthly brewing letter");
  ui_test_wait_for_draw (GTK_WIDGET (f->window));

  /* The same through the card's menu, as a pointer does it: the ⋮ button, then an item. The
   * button stays usable on a card that moved (it is the same widget, or one taken back). */
  click_card_menu (find_card (f, "c1"), "Move to Next Stage");
  assert_titles (cycle_stage_get_content (s2), "Monthly brewing letter|The five-minute pour-over");
  ui_test_wait_for_draw (GTK_WIDGET (f->window));
  click_card_menu (find_card (f, "c1"), "Duplicate");
  assert_titles (cycle_stage_get_content (s2), "Monthly brewing letter|The five-minute pour-over|"
                                               "The five-minute pour-over (copy)");
  ui_test_wait_for_draw (GTK_WIDGET (f->window));
  click_card_menu (find_card (f, "c1"), "Delete");
  g_assert_null (cycle_content_get_stage (c1));
  ui_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (cycle_plan_undo (f->plan));
  ui_test_wait_for_draw (GTK_WIDGET (f->window));
  click_card_menu (find_card (f, "c1"), "Move Up");
  assert_titles (cycle_stage_get_content (s2), "The five-minute pour-over|Monthly brewing letter|"
                                               "The five-minute pour-over (copy)");
}

/* ------------------------------------------------------------------------------------------------
 * The editor
 */

static void
type_into (GtkWidget  *editable,
           const char *text)
{
  gtk_widget_grab_focus (editable);
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static void
test_add_edit_undo (Fixture       *f,
                    gconstpointer  data)
{
  CycleStage *s1 = cycle_plan_find_stage (f->plan, "s1");
  CycleStage *s2 = cycle_plan_find_stage (f->plan, "s2");
  CycleContent *content;
  GtkWindow *editor;
  GtkWidget *title, *cta, *due, *error, *notes;
  AdwComboRow *persona, *stage, *status, *pitch;
  GtkTextBuffer *buffer;

  /* No stage selected: the first one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "content.add", NULL));
  g_assert_cmpuint (cycle_stage_get_n_content (s1), ==, 3);
  content = g_list_model_get_item (cycle_stage_get_content (s1), 2);
  g_object_unref (content);  /* the plan holds it */
  g_assert_cmpstr (cycle_content_get_title (content), ==, "New Content");
  g_assert_cmpstr (cycle_plan_get_undo_label (f->plan), ==, "Add Content");

  editor = cycle_content_view_get_editor (f->view);
  g_assert_nonnull (editor);
  g_assert_true (cycle_content_editor_get_content (CYCLE_CONTENT_EDITOR (editor)) == content);
  ui_test_wait_for_draw (GTK_WIDGET (editor));
  /* Each value whole ("Cycle’s G…" was cut beside the pitch's explanation) */
  ui_test_assert_combo_values_whole (GTK_WIDGET (editor));

  title = find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, row_has_title, "Title");
  cta = find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, row_has_title, "Call to Action");
  due = find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, row_has_title, "Due Date");
  persona = find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, row_has_title, "Persona");
  stage = find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, row_has_title, "Stage");
  g_assert_nonnull (title);
  g_assert_nonnull (cta);
  g_assert_nonnull (due);
  g_assert_nonnull (persona);
  g_assert_nonnull (stage);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "New Content");

  /* Typing into a field merges into one step; leaving it seals the step. */
  type_into (title, "L");
  gtk_editable_set_text (GTK_EDITABLE (title), "La");
  gtk_editable_set_text (GTK_EDITABLE (title), "Launch post");
  g_assert_cmpstr (cycle_content_get_title (content), ==, "Launch post");
  type_into (cta, "Read the story");
  g_assert_cmpstr (cycle_content_get_cta (content), ==, "Read the story");

  /* A suggested format, stored untranslated. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.set-format", "s",
                                             "case study"));
  g_assert_cmpstr (cycle_content_get_format (content), ==, "case study");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_widget (GTK_WIDGET (editor),
                                                                     ADW_TYPE_ENTRY_ROW,
                                                                     row_has_title, "Format"))),
                   ==, "case study");

  /* Persona from the plan's ("None" first), stage from the plan's (a move). */
  adw_combo_row_set_selected (persona, 1);
  g_assert_true (cycle_content_get_persona (content) == cycle_plan_find_persona (f->plan, "p1"));
  adw_combo_row_set_selected (stage, 1);
  g_assert_true (cycle_content_get_stage (content) == s2);
  g_assert_cmpuint (cycle_stage_get_n_content (s1), ==, 2);
  g_assert_true (cycle_content_view_get_editor (f->view) == editor);

  /* A wrong date is an error, not a silent fix: the model keeps what it had. */
  type_into (due, "2026-02-30");
  g_signal_emit_by_name (due, "entry-activated");
  g_assert_cmpstr (cycle_content_get_due (content), ==, "");
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    error = NULL;
    ui_test_collect_widgets (GTK_WIDGET (editor), GTK_TYPE_LABEL, TRUE, NULL, NULL, labels);
    for (guint i = 0; i < labels->len; i++)
      if (g_str_has_prefix (gtk_label_get_label (g_ptr_array_index (labels, i)),
                            "“2026-02-30” is not a date"))
        error = g_ptr_array_index (labels, i);
  }
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  gtk_editable_set_text (GTK_EDITABLE (due), "2026-03-01");
  g_assert_cmpstr (cycle_content_get_due (content), ==, "2026-03-01");
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_false (gtk_widget_has_css_class (due, "error"));

  /* A date as people write it here (the tests' C locale: month first, so 15/03 can only be the
   * 15th of March) is taken when they are done with the field; a day that does not exist is
   * said so. */
  gtk_editable_set_text (GTK_EDITABLE (due), "15/03/2027");
  g_signal_emit_by_name (due, "entry-activated");
  g_assert_cmpstr (cycle_content_get_due (content), ==, "2027-03-15");
  g_assert_false (gtk_widget_has_css_class (due, "error"));
  gtk_editable_set_text (GTK_EDITABLE (due), "31/04/2027");
  g_signal_emit_by_name (due, "entry-activated");
  g_assert_cmpstr (cycle_content_get_due (content), ==, "2027-03-15");
  g_assert_true (gtk_widget_has_css_class (due, "error"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error)), ==,
                   "“31/04/2027” is not a day of the calendar. Choose it in the calendar.");
  gtk_editable_set_text (GTK_EDITABLE (due), "2026-03-01");
  g_assert_cmpstr (cycle_content_get_due (content), ==, "2026-03-01");

  /* Today and No Date (the date row's calendar popover) are a step each, shown in the field. */
  {
    g_autofree char *today = cycle_content_dup_today ();
    g_autofree char *today_shown = cycle_date_format_input (today);

    g_assert_true (gtk_widget_activate_action (due, "date-row.today", NULL));
    g_assert_cmpstr (cycle_content_get_due (content), ==, today);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, today_shown);
    g_assert_true (gtk_widget_activate_action (due, "date-row.clear", NULL));
    g_assert_cmpstr (cycle_content_get_due (content), ==, "");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "");
    g_assert_true (cycle_plan_undo (f->plan));
    g_assert_cmpstr (cycle_content_get_due (content), ==, today);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, today_shown);
    g_assert_true (cycle_plan_undo (f->plan));
    g_assert_cmpstr (cycle_content_get_due (content), ==, "2026-03-01");
    /* As the locale writes dates: the tests' C locale puts the month first */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "03/01/2026");
  }

  status = find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, row_has_title, "Status");
  adw_combo_row_set_selected (status, CYCLE_STATUS_SCHEDULED);
  g_assert_cmpint (cycle_content_get_status (content), ==, CYCLE_STATUS_SCHEDULED);

  /* The team's word on sales talk wins over Cycle's guess. */
  pitch = find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, row_has_title, "Pitch");
  g_assert_nonnull (pitch);
  g_assert_cmpuint (adw_combo_row_get_selected (pitch), ==, CYCLE_PITCH_GUESS);
  adw_combo_row_set_selected (pitch, CYCLE_PITCH_NO);
  g_assert_cmpint (cycle_content_get_pitch (content), ==, CYCLE_PITCH_NO);

  {
    g_autoptr(GPtrArray) toggles = g_ptr_array_new ();

    ui_test_collect_widgets (GTK_WIDGET (editor), GTK_TYPE_TOGGLE_BUTTON, TRUE, NULL, NULL,
                             toggles);
    for (guint i = 0; i < toggles->len; i++)
      if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (toggles, i)), "Asks") == 0)
        gtk_toggle_button_set_active (g_ptr_array_index (toggles, i), TRUE);
  }
  g_assert_cmpint (cycle_content_get_direction (content), ==, CYCLE_DIRECTION_ASKS);

  notes = find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW, NULL, NULL);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes));
  gtk_widget_grab_focus (notes);
  gtk_text_buffer_set_text (buffer, "Ask Ana first", -1);
  g_assert_cmpstr (cycle_content_get_notes (content), ==, "Ask Ana first");

  /* Undo, step by step, field by field; the editor follows. */
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpstr (cycle_content_get_notes (content), ==, "");
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpint (cycle_content_get_direction (content), ==, CYCLE_DIRECTION_GIVES);
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpint (cycle_content_get_pitch (content), ==, CYCLE_PITCH_GUESS);
  g_assert_cmpuint (adw_combo_row_get_selected (pitch), ==, CYCLE_PITCH_GUESS);
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpint (cycle_content_get_status (content), ==, CYCLE_STATUS_IDEA);
  g_assert_cmpuint (adw_combo_row_get_selected (status), ==, CYCLE_STATUS_IDEA);
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpstr (cycle_content_get_due (content), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "");
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_true (cycle_content_get_stage (content) == s1);
  g_assert_cmpuint (adw_combo_row_get_selected (stage), ==, 0);
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_null (cycle_content_get_persona (content));
  g_assert_cmpuint (adw_combo_row_get_selected (persona), ==, 0);
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpstr (cycle_content_get_format (content), ==, "");
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpstr (cycle_content_get_cta (content), ==, "");
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpstr (cycle_content_get_title (content), ==, "New Content");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title)), ==, "New Content");

  /* The last undo takes the content out of the plan: the editor closes by itself. */
  g_object_ref (content);
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_null (cycle_content_get_stage (content));
  ui_test_drain ();
  g_assert_null (cycle_content_view_get_editor (f->view));
  g_assert_false (cycle_plan_get_modified (f->plan));
  g_object_unref (content);
}

static void
test_editor_duplicate_delete (Fixture       *f,
                              gconstpointer  data)
{
  CycleContent *c3 = cycle_plan_find_content (f->plan, "c3");
  CycleStage *s2 = cycle_plan_find_stage (f->plan, "s2");
  GtkWindow *editor;

  cycle_content_view_edit_content (f->view, c3);
  editor = cycle_content_view_get_editor (f->view);
  g_assert_nonnull (editor);
  ui_test_wait_for_draw (GTK_WIDGET (editor));

  /* A title left empty is refused and shown as such. */
  {
    GtkWidget *title = find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, row_has_title,
                                    "Title");

    type_into (title, "");
    g_assert_cmpstr (cycle_content_get_title (c3), ==, "Monthly brewing letter");
    g_assert_true (gtk_widget_has_css_class (title, "error"));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.duplicate", NULL));
  assert_titles (cycle_stage_get_content (s2), "Monthly brewing letter|"
                                               "Monthly brewing letter (copy)");
  /* The editor now edits the copy. */
  g_assert_true (cycle_content_editor_get_content (CYCLE_CONTENT_EDITOR (editor)) != c3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  ui_test_drain ();
  assert_titles (cycle_stage_get_content (s2), "Monthly brewing letter");
  g_assert_null (cycle_content_view_get_editor (f->view));

  g_assert_true (cycle_plan_undo (f->plan));
  assert_titles (cycle_stage_get_content (s2), "Monthly brewing letter|"
                                               "Monthly brewing letter (copy)");
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_false (cycle_plan_get_modified (f->plan));
}

/* "Open Link" opens only http, https and mailto links; any other says so, under the field. */
static void
test_editor_open_link (Fixture       *f,
                       gconstpointer  data)
{
  CycleContent *c3 = cycle_plan_find_content (f->plan, "c3");
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWindow *editor;
  GtkWidget *error = NULL;

  cycle_content_view_edit_content (f->view, c3);
  editor = cycle_content_view_get_editor (f->view);
  g_assert_nonnull (editor);
  ui_test_wait_for_draw (GTK_WIDGET (editor));

  cycle_content_set_url (c3, "javascript:alert(1)");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.open-url", NULL));
  ui_test_collect_widgets (GTK_WIDGET (editor), GTK_TYPE_LABEL, TRUE, NULL, NULL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_label (g_ptr_array_index (labels, i)),
                          "“javascript:alert(1)” was not opened: Cycle opens only web links"))
      error = g_ptr_array_index (labels, i);
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_get_visible (error));

  /* Another link: the message goes */
  cycle_content_set_url (c3, "file:///etc/passwd");
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.open-url", NULL));
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error)), "file:///etc/passwd"));
}

/* Repeating: how often, every how many, until when; each an undo step; a date that is not one
 * is said under the field and changes nothing. */
static void
test_editor_repeat (Fixture       *f,
                    gconstpointer  data)
{
  CycleContent *c3 = cycle_plan_find_content (f->plan, "c3");
  GtkWindow *editor;
  GtkWidget *repeat, *how_often, *until;
  GtkSpinButton *every;

  cycle_content_set_due (c3, "2027-01-06");
  cycle_plan_mark_saved (f->plan);
  cycle_content_view_edit_content (f->view, c3);
  editor = cycle_content_view_get_editor (f->view);
  ui_test_wait_for_draw (GTK_WIDGET (editor));

  repeat = find_widget (GTK_WIDGET (editor), CYCLE_TYPE_CONTENT_REPEAT_ROW, NULL, NULL);
  g_assert_nonnull (repeat);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (repeat)), ==,
                   "Does not repeat");
  /* Folded: its rows are not mapped */
  how_often = ui_test_find_widget_full (repeat, ADW_TYPE_COMBO_ROW, FALSE, row_has_title,
                                        "How Often");
  until = ui_test_find_widget_full (repeat, ADW_TYPE_ENTRY_ROW, FALSE, row_has_title,
                                    "Until (leave empty for no end)");
  every = GTK_SPIN_BUTTON (ui_test_find_widget_full (repeat, GTK_TYPE_SPIN_BUTTON, FALSE, NULL,
                                                     NULL));
  g_assert_false (gtk_widget_get_sensitive (until));

  adw_combo_row_set_selected (ADW_COMBO_ROW (how_often), CYCLE_REPEAT_WEEKLY);
  g_assert_cmpint (cycle_content_get_repeat (c3), ==, CYCLE_REPEAT_WEEKLY);
  g_assert_true (gtk_widget_get_sensitive (until));
  gtk_spin_button_set_value (every, 2);
  g_assert_cmpuint (cycle_content_get_repeat_interval (c3), ==, 2);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (repeat)), ==,
                   "Every 2 weeks");

  type_into (until, "2027-02-30");
  g_signal_emit_by_name (until, "apply");
  g_assert_cmpstr (cycle_content_get_repeat_until (c3), ==, "");
  g_assert_true (gtk_widget_has_css_class (until, "error"));

  type_into (until, "2027-03-31");
  g_signal_emit_by_name (until, "apply");
  g_assert_cmpstr (cycle_content_get_repeat_until (c3), ==, "2027-03-31");
  g_assert_false (gtk_widget_has_css_class (until, "error"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (repeat)), ==,
                   "Every 2 weeks, until 31 Mar 2027");

  /* Three steps back, and the plan is as it was saved */
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpstr (cycle_content_get_repeat_until (c3), ==, "");
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpfloat (gtk_spin_button_get_value (every), ==, 1);
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (how_often)), ==,
                    CYCLE_REPEAT_NONE);
  g_assert_false (cycle_plan_get_modified (f->plan));
}

/* ------------------------------------------------------------------------------------------------
 * The calendar
 */

static GtkWidget *
calendar_item_on (CycleContentCalendar *calendar,
                  const char           *iso,
                  CycleContent         *content)
{
  GtkWidget *day = cycle_content_calendar_find_day (calendar, iso);

  g_assert_nonnull (day);
  return cycle_calendar_day_find_item (CYCLE_CALENDAR_DAY (day), content);
}

static guint
calendar_n_items (CycleContentCalendar *calendar,
                  const char           *iso)
{
  GtkWidget *day = cycle_content_calendar_find_day (calendar, iso);

  g_assert_nonnull (day);
  return cycle_calendar_day_get_items (CYCLE_CALENDAR_DAY (day))->len;
}

/* Items on their days, moved by a drop and by the keyboard's move (one undo step each), hidden
 * by the table's filters, "+N more" on a full day, the same in the week list. */
static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  CycleContentCalendar *calendar = cycle_content_view_get_calendar (f->view);
  CycleContent *c1 = cycle_plan_find_content (f->plan, "c1");
  CycleContent *c2 = cycle_plan_find_content (f->plan, "c2");
  CycleContent *c3 = cycle_plan_find_content (f->plan, "c3");
  CycleContentQuery *query = cycle_content_table_get_query (cycle_content_view_get_table (f->view));
  GtkWidget *day, *no_date;

  cycle_content_set_due (c1, "2027-03-10");
  cycle_content_set_due (c2, "2027-03-10");
  cycle_plan_mark_saved (f->plan);
  cycle_content_view_set_page (f->view, "calendar");
  cycle_content_calendar_show_day (calendar, "2027-03-01");
  ui_test_wait_for_draw (GTK_WIDGET (calendar));

  g_assert_nonnull (calendar_item_on (calendar, "2027-03-10", c1));
  g_assert_nonnull (calendar_item_on (calendar, "2027-03-10", c2));
  g_assert_cmpuint (calendar_n_items (calendar, "2027-03-10"), ==, 2);
  /* An item's drag carries its content, and an item without content none. */
  g_assert_true (drag_content (calendar_item_on (calendar, "2027-03-10", c2)) == c2);
  {
    GtkWidget *empty = g_object_ref_sink (cycle_calendar_item_new ());

    g_assert_null (drag_content (empty));
    g_object_unref (empty);
  }
  /* c3 has no date: in the side list, not on a day */
  g_assert_cmpstr (cycle_content_get_due (c3), ==, "");
  no_date = ui_test_find_widget_full (GTK_WIDGET (calendar), GTK_TYPE_LABEL, FALSE,
                                      label_has_text, "No content without a date");
  g_assert_nonnull (no_date);
  g_assert_false (gtk_widget_get_visible (no_date));

  /* Dropped on another day: one step, undone */
  day = cycle_content_calendar_find_day (calendar, "2027-03-12");
  g_signal_emit_by_name (day, "content-dropped", c3);
  g_assert_cmpstr (cycle_content_get_due (c3), ==, "2027-03-12");
  g_assert_nonnull (calendar_item_on (calendar, "2027-03-12", c3));
  g_assert_cmpstr (cycle_plan_get_undo_label (f->plan), ==, "Reschedule Content");
  /* Everything has a date: the side list says so rather than stay blank */
  ui_test_wait_until (gtk_widget_get_visible (no_date));

  /* A week on (Alt+Down), and a day back (Alt+Left) */
  cycle_content_calendar_move (calendar, c3, 7);
  g_assert_cmpstr (cycle_content_get_due (c3), ==, "2027-03-19");
  g_assert_nonnull (calendar_item_on (calendar, "2027-03-19", c3));
  cycle_content_calendar_move (calendar, c3, -1);
  g_assert_cmpstr (cycle_content_get_due (c3), ==, "2027-03-18");
  g_assert_cmpuint (calendar_n_items (calendar, "2027-03-19"), ==, 0);
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpstr (cycle_content_get_due (c3), ==, "");
  g_assert_cmpuint (calendar_n_items (calendar, "2027-03-12"), ==, 0);
  g_assert_false (cycle_plan_get_modified (f->plan));

  /* The table's filters: only c1's stage */
  cycle_content_query_set_stage (query, cycle_content_get_stage (c1));
  g_assert_cmpuint (calendar_n_items (calendar, "2027-03-10"),
                    ==, cycle_content_get_stage (c2) == cycle_content_get_stage (c1) ? 2 : 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (calendar), "calendar.show-all", NULL));
  g_assert_false (cycle_content_query_is_active (query));
  g_assert_cmpuint (calendar_n_items (calendar, "2027-03-10"), ==, 2);

  /* A full day: two items and "+3 more" */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CycleContent) extra = cycle_content_new ("Extra");

      cycle_content_set_due (extra, "2027-03-10");
      cycle_plan_add_content (f->plan, cycle_content_get_stage (c1), extra, -1);
    }
  g_assert_cmpuint (calendar_n_items (calendar, "2027-03-10"), ==, 5);
  {
    GtkWidget *more = find_widget (cycle_content_calendar_find_day (calendar, "2027-03-10"),
                                   GTK_TYPE_MENU_BUTTON, NULL, NULL);

    g_assert_nonnull (more);
    g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (more)), ==, "+3 more");
  }

  /* The week list shows every item of the day */
  cycle_content_calendar_show_day (calendar, "2027-03-10");
  cycle_content_calendar_set_week (calendar, TRUE);
  ui_test_wait_for_draw (GTK_WIDGET (calendar));
  g_assert_cmpuint (calendar_n_items (calendar, "2027-03-10"), ==, 5);
  g_assert_null (cycle_content_calendar_find_day (calendar, "2027-03-24"));
}

/* ------------------------------------------------------------------------------------------------
 * The table
 */

static GtkColumnViewColumn *
table_column (GtkColumnView *column_view,
              const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }

  return NULL;
}

static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  CycleContentTable *table = cycle_content_view_get_table (f->view);
  GListModel *rows = cycle_content_table_get_rows (table);
  GtkColumnView *column_view;
  GtkWidget *search;
  GtkDropDown *personas;

  cycle_content_view_set_page (f->view, "table");
  ui_test_wait_for_draw (GTK_WIDGET (table));
  column_view = find_widget (GTK_WIDGET (table), GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  g_assert_nonnull (column_view);

  assert_titles (rows, "The five-minute pour-over|Grind size, explained|Monthly brewing letter");
  g_assert_nonnull (find_widget (GTK_WIDGET (table), GTK_TYPE_LABEL, label_has_text,
                                 "3 items"));

  /* The cells follow their content: a persona renamed, a date gone overdue. */
  g_assert_nonnull (find_widget (GTK_WIDGET (table), CYCLE_TYPE_TEXT_CELL, cell_has_text,
                                 "Busy parent"));
  cycle_persona_set_name (cycle_plan_find_persona (f->plan, "p1"), "Tired parent");
  g_assert_null (find_widget (GTK_WIDGET (table), CYCLE_TYPE_TEXT_CELL, cell_has_text,
                              "Busy parent"));
  g_assert_nonnull (find_widget (GTK_WIDGET (table), CYCLE_TYPE_TEXT_CELL, cell_has_text,
                                 "Tired parent"));
  cycle_content_set_due (cycle_plan_find_content (f->plan, "c2"), "2001-01-01");
  {
    GtkWidget *due = find_widget (GTK_WIDGET (table), CYCLE_TYPE_TEXT_CELL, cell_has_text,
                                  "1 Jan 2001");

    g_assert_nonnull (due);
    g_assert_true (gtk_widget_has_css_class (due, "error"));
    cycle_content_set_status (cycle_plan_find_content (f->plan, "c2"), CYCLE_STATUS_PUBLISHED);
    g_assert_false (gtk_widget_has_css_class (due, "error"));
  }

  /* Search, through the entry (it waits a moment after the last key). */
  search = find_widget (GTK_WIDGET (table), GTK_TYPE_SEARCH_ENTRY, NULL, NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "LETTER");
  ui_test_wait_until (g_list_model_get_n_items (rows) == 1);
  assert_titles (rows, "Monthly brewing letter");
  ui_test_wait_for_draw (GTK_WIDGET (table));
  g_assert_nonnull (find_widget (GTK_WIDGET (table), GTK_TYPE_LABEL, label_has_text,
                                 "1 of 3 items"));
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  ui_test_wait_until (g_list_model_get_n_items (rows) == 3);

  /* Persona: "All", "No Persona", then the plan's. */
  personas = find_widget (GTK_WIDGET (table), GTK_TYPE_DROP_DOWN, widget_has_tooltip, "Persona");
  g_assert_nonnull (personas);
  gtk_drop_down_set_selected (personas, 1);
  ui_test_wait_until (cycle_content_table_get_pending (table) == 0);
  assert_titles (rows, "Grind size, explained|Monthly brewing letter");
  gtk_drop_down_set_selected (personas, 2);
  ui_test_wait_until (g_list_model_get_n_items (rows) == 1);
  assert_titles (rows, "The five-minute pour-over");

  /* Edits made elsewhere (here, on the model), their undo and redo reach the filters. */
  cycle_content_set_persona (cycle_plan_find_content (f->plan, "c1"), NULL);
  ui_test_wait_until (g_list_model_get_n_items (rows) == 0);
  g_assert_true (cycle_plan_undo (f->plan));
  ui_test_wait_until (g_list_model_get_n_items (rows) == 1);
  g_assert_true (cycle_plan_redo (f->plan));
  ui_test_wait_until (g_list_model_get_n_items (rows) == 0);
  g_assert_true (cycle_plan_undo (f->plan));
  ui_test_wait_until (g_list_model_get_n_items (rows) == 1);

  /* A persona named with 150 letters and no space is cut on the drop-down's button, whole in
   * its tooltip: it leaves room for the other filters. */
  {
    g_autofree char *name = g_strnfill (150, 'w');
    g_autofree char *old_name = g_strdup (cycle_persona_get_name (cycle_plan_find_persona (f->plan,
                                                                                          "p1")));
    GtkWidget *label;
    int natural;

    gtk_drop_down_set_selected (personas, 0);
    cycle_persona_set_name (cycle_plan_find_persona (f->plan, "p1"), name);
    gtk_drop_down_set_selected (personas, 2);
    ui_test_wait_for_draw (GTK_WIDGET (table));
    label = find_widget (GTK_WIDGET (personas), GTK_TYPE_LABEL, label_has_text, name);
    g_assert_nonnull (label);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, name);
    gtk_widget_measure (GTK_WIDGET (personas), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural,
                        NULL, NULL);
    g_assert_cmpint (natural, <, 300);
    /* Renamed while it is picked: the button follows */
    cycle_persona_set_name (cycle_plan_find_persona (f->plan, "p1"), "Renamed persona");
    ui_test_wait_for_draw (GTK_WIDGET (table));
    label = find_widget (GTK_WIDGET (personas), GTK_TYPE_LABEL, label_has_text,
                         "Renamed persona");
    g_assert_nonnull (label);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (label), ==, "Renamed persona");
    cycle_persona_set_name (cycle_plan_find_persona (f->plan, "p1"), old_name);
    ui_test_wait_until (g_list_model_get_n_items (rows) == 1);
  }

  /* Clearing the filters puts the drop-down back on "All". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.clear-filters", NULL));
  ui_test_wait_until (g_list_model_get_n_items (rows) == 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (personas), ==, 0);

  /* Sorted by a column, both ways. */
  gtk_column_view_sort_by_column (column_view, table_column (column_view, "Title"),
                                  GTK_SORT_ASCENDING);
  assert_titles (rows, "Grind size, explained|Monthly brewing letter|The five-minute pour-over");
  gtk_column_view_sort_by_column (column_view, table_column (column_view, "Title"),
                                  GTK_SORT_DESCENDING);
  assert_titles (rows, "The five-minute pour-over|Monthly brewing letter|Grind size, explained");
  gtk_column_view_sort_by_column (column_view, table_column (column_view, "Stage"),
                                  GTK_SORT_DESCENDING);
  /* Descending is ascending read backwards, ties included. */
  assert_titles (rows, "Monthly brewing letter|Grind size, explained|The five-minute pour-over");

  /* New content shows up in place. */
  {
    g_autoptr(CycleContent) content = cycle_content_new ("Aardvark");

    cycle_plan_add_content (f->plan, cycle_plan_find_stage (f->plan, "s3"), content, -1);
    assert_titles (rows, "Aardvark|Monthly brewing letter|Grind size, explained|"
                         "The five-minute pour-over");
  }

  /* Double-click or Enter on a row opens the editor. */
  g_signal_emit_by_name (column_view, "activate", 1);
  /* Row 1 is "Monthly brewing letter". */
  g_assert_nonnull (cycle_content_view_get_editor (f->view));
  g_assert_true (cycle_content_editor_get_content (CYCLE_CONTENT_EDITOR (
                   cycle_content_view_get_editor (f->view))) ==
                 cycle_plan_find_content (f->plan, "c3"));
}

/* The sort menu (the headers take no keyboard focus): it sorts through the column view, so the
 * header shows the arrow, and its radio items follow a header clicked. */
static char *
sort_state (CycleContentTable *table,
            const char        *name)
{
  GtkWidget *button = find_widget (GTK_WIDGET (table), GTK_TYPE_MENU_BUTTON,
                                   widget_has_tooltip, "Sort By");
  /* GTK 4.8 reads no action state back from a widget: the table's own group */
  GActionGroup *group = G_ACTION_GROUP (table->sort_actions);
  g_autoptr(GVariant) state = NULL;

  g_assert_nonnull (button);
  g_assert_nonnull (group);
  g_assert_true (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button)) != NULL);
  state = g_action_group_get_action_state (group, name);
  return g_variant_dup_string (state, NULL);
}

static void
test_table_sort_menu (Fixture       *f,
                      gconstpointer  data)
{
  CycleContentTable *table = cycle_content_view_get_table (f->view);
  GListModel *rows = cycle_content_table_get_rows (table);
  GtkColumnView *column_view;
  GtkSorter *sorter;
  g_autofree char *column = NULL;
  g_autofree char *order = NULL;

  cycle_content_view_set_page (f->view, "table");
  ui_test_wait_for_draw (GTK_WIDGET (table));
  column_view = find_widget (GTK_WIDGET (table), GTK_TYPE_COLUMN_VIEW, NULL, NULL);
  sorter = gtk_column_view_get_sorter (column_view);

  column = sort_state (table, "column");
  g_assert_cmpstr (column, ==, "plan");
  g_assert_cmpint (gtk_sorter_get_order (sorter), ==, GTK_SORTER_ORDER_NONE);

  /* "Title", then "Descending", as the menu's radio items do. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "sort.column", "s", "title"));
  assert_titles (rows, "Grind size, explained|Monthly brewing letter|The five-minute pour-over");
  g_assert_cmpint (gtk_sorter_get_order (sorter), !=, GTK_SORTER_ORDER_NONE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "sort.order", "s",
                                             "descending"));
  assert_titles (rows, "The five-minute pour-over|Monthly brewing letter|Grind size, explained");

  /* A header clicked (the column view sorted) moves the menu's radio items. */
  gtk_column_view_sort_by_column (column_view, table_column (column_view, "Stage"),
                                  GTK_SORT_ASCENDING);
  g_clear_pointer (&column, g_free);
  column = sort_state (table, "column");
  order = sort_state (table, "order");
  g_assert_cmpstr (column, ==, "stage");
  g_assert_cmpstr (order, ==, "ascending");

  /* Back to the plan's order: no arrow on any header. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "sort.column", "s", "plan"));
  g_assert_cmpint (gtk_sorter_get_order (sorter), ==, GTK_SORTER_ORDER_NONE);
  assert_titles (rows, "The five-minute pour-over|Grind size, explained|Monthly brewing letter");
}

static void
test_table_rename (Fixture       *f,
                   gconstpointer  data)
{
  CycleContentTable *table = cycle_content_view_get_table (f->view);
  GtkColumnView *column_view;
  CycleContentTitleCell *cell;
  GtkWidget *focus;

  cycle_content_view_set_page (f->view, "table");
  ui_test_wait_for_draw (GTK_WIDGET (table));
  column_view = find_widget (GTK_WIDGET (table), GTK_TYPE_COLUMN_VIEW, NULL, NULL);

  gtk_selection_model_select_item (gtk_column_view_get_model (column_view), 1, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.rename", NULL));

  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (GTK_IS_TEXT (focus));
  cell = (CycleContentTitleCell *) gtk_widget_get_ancestor (focus, CYCLE_TYPE_CONTENT_TITLE_CELL);
  g_assert_nonnull (cell);
  g_assert_true (cycle_content_title_cell_get_editing (cell));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (focus)), ==, "Grind size, explained");

  /* Escape forgets, Enter writes. */
  cycle_content_title_cell_stop_editing (cell, FALSE);
  g_assert_false (cycle_plan_can_undo (f->plan));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.rename", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  gtk_editable_set_text (GTK_EDITABLE (focus), "Grind size, in one picture");
  g_signal_emit_by_name (focus, "activate");
  ui_test_drain ();
  g_assert_false (cycle_content_title_cell_get_editing (cell));
  g_assert_cmpstr (cycle_content_get_title (cycle_plan_find_content (f->plan, "c2")), ==,
                   "Grind size, in one picture");

  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpstr (cycle_content_get_title (cycle_plan_find_content (f->plan, "c2")), ==,
                   "Grind size, explained");
  g_assert_false (cycle_plan_can_undo (f->plan));

  /* Delete removes the selected row, undoably. */
  gtk_selection_model_select_item (gtk_column_view_get_model (column_view), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.delete", NULL));
  g_assert_null (cycle_plan_find_content (f->plan, "c1"));
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_nonnull (cycle_plan_find_content (f->plan, "c1"));

  /* The row menu's Edit opens the selected row in the editor; Show on Board shows its stage's
   * column on the board. */
  gtk_selection_model_select_item (gtk_column_view_get_model (column_view), 1, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.edit", NULL));
  g_assert_nonnull (cycle_content_view_get_editor (f->view));
  g_assert_true (cycle_content_editor_get_content (CYCLE_CONTENT_EDITOR (
                   cycle_content_view_get_editor (f->view))) ==
                 cycle_plan_find_content (f->plan, "c2"));
  gtk_window_destroy (cycle_content_view_get_editor (f->view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (table), "table.show-on-board", NULL));
  g_assert_cmpstr (cycle_content_view_get_page (f->view), ==, "board");
  g_assert_true (cycle_board_get_stage (cycle_content_view_get_board (f->view)) ==
                 cycle_content_get_stage (cycle_plan_find_content (f->plan, "c2")));
}

/* The canvas selects a stage: the board shows its column, the table its content. */
static void
test_show_stage (Fixture       *f,
                 gconstpointer  data)
{
  CycleStage *s2 = cycle_plan_find_stage (f->plan, "s2");
  CycleContentTable *table = cycle_content_view_get_table (f->view);
  GListModel *rows = cycle_content_table_get_rows (table);

  cycle_content_view_show_stage (f->view, s2);
  g_assert_true (cycle_content_view_get_stage (f->view) == s2);
  g_assert_true (cycle_board_get_stage (cycle_content_view_get_board (f->view)) == s2);
  ui_test_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_column (f, "s2")), "current-stage"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (find_column (f, "s1")), "current-stage"));

  cycle_content_view_set_page (f->view, "table");
  ui_test_wait_until (cycle_content_table_get_pending (table) == 0);
  assert_titles (rows, "Monthly brewing letter");

  /* "Add Content" adds to the selected stage. */
  cycle_content_view_add_content (f->view);
  g_assert_cmpuint (cycle_stage_get_n_content (s2), ==, 2);
  gtk_window_destroy (cycle_content_view_get_editor (f->view));

  /* Choosing another stage in the table's filter selects it; none clears it. */
  cycle_content_query_set_stage (cycle_content_table_get_query (table), NULL);
  g_assert_null (cycle_content_view_get_stage (f->view));

  /* A removed stage is no longer selected. */
  cycle_content_view_set_stage (f->view, s2);
  g_object_ref (s2);
  cycle_plan_remove_stage (f->plan, s2);
  g_assert_null (cycle_content_view_get_stage (f->view));
  g_object_unref (s2);
}

/* ------------------------------------------------------------------------------------------------
 * Personas
 */

static void
test_personas (Fixture       *f,
               gconstpointer  data)
{
  CyclePersona *p1 = cycle_plan_find_persona (f->plan, "p1");
  CycleContent *c1 = cycle_plan_find_content (f->plan, "c1");
  GListModel *list = cycle_plan_get_personas (f->plan);
  CyclePersonaManager *manager;
  CyclePersona *added;
  AdwMessageDialog *dialog;
  GtkWidget *name;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "content.personas", NULL));
  manager = CYCLE_PERSONA_MANAGER (cycle_content_view_get_personas (f->view));
  g_assert_nonnull (manager);
  ui_test_wait_for_draw (GTK_WIDGET (manager));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (manager), "personas.add", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  added = g_list_model_get_item (list, 1);
  g_object_unref (added);
  g_assert_cmpstr (cycle_persona_get_name (added), ==, "New Persona");

  /* Its name is ready to type, bound to the persona. */
  ui_test_wait_for_draw (GTK_WIDGET (manager));
  name = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (manager)), ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "Office manager");
  g_assert_cmpstr (cycle_persona_get_name (added), ==, "Office manager");

  /* Deleting a persona with content asks; "Reassign" gives the content to the other one. */
  cycle_persona_manager_delete_persona (manager, p1);
  dialog = ui_test_find_message_dialog ("Delete “Busy parent”?");
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog),
                                   "One piece of content is meant for this persona."));
  adw_message_dialog_response (dialog, "reassign");
  ui_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (cycle_content_get_persona (c1) == added);
  g_assert_cmpstr (cycle_plan_get_undo_label (f->plan), ==, "Remove Persona");

  /* Undone in one step: the persona and its content are back. */
  g_assert_true (cycle_plan_undo (f->plan));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_assert_true (cycle_content_get_persona (c1) == p1);

  /* "Leave Without Persona" clears it. */
  cycle_persona_manager_delete_persona (manager, p1);
  dialog = ui_test_find_message_dialog ("Delete “Busy parent”?");
  adw_message_dialog_response (dialog, "clear");
  ui_test_drain ();
  g_assert_null (cycle_content_get_persona (c1));
  g_assert_true (cycle_plan_undo (f->plan));

  /* A persona nobody uses goes at once. */
  cycle_persona_manager_delete_persona (manager, added);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_null (ui_test_find_message_dialog ("Delete “Office manager”?"));
}

int
main (int   argc,
      char *argv[])
{
  /* The renderer of machines without a GPU, and of the benchmark: cards are drawn into pixels
   * with it (test_card_pixels ()). */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, ui_test_content_fixture_set_up, func, \
              ui_test_content_fixture_tear_down)

  ADD ("/content-view/board", test_board);
  ADD ("/content-view/board/many-stages", test_board_many_stages);
  ADD ("/content-view/board/drag-move", test_drag_move);
  ADD ("/content-view/board/card-pixels", test_card_pixels);
  ADD ("/content-view/board/card-actions", test_card_actions);
  ADD ("/content-view/board/card-menu-key", test_card_menu_key);
  ADD ("/content-view/board/tab", test_board_tab);
  ADD ("/content-view/editor/add-edit-undo", test_add_edit_undo);
  ADD ("/content-view/editor/duplicate-delete", test_editor_duplicate_delete);
  ADD ("/content-view/editor/open-link", test_editor_open_link);
  ADD ("/content-view/editor/repeat", test_editor_repeat);
  ADD ("/content-view/calendar", test_calendar);
  ADD ("/content-view/table", test_table);
  ADD ("/content-view/table-sort-menu", test_table_sort_menu);
  ADD ("/content-view/table/rename-delete", test_table_rename);
  ADD ("/content-view/show-stage", test_show_stage);
  ADD ("/content-view/personas", test_personas);

  return g_test_run ();
}
