/* cycle-board-column.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-board-column"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-board-card.h"
#include "cycle-content-selection.h"
#include "cycle-board-column.h"
#include "cycle-accessible.h"
#include "cycle-autoscroll.h"
#include "cycle-board-private.h"
#include "cycle-quick-add.h"
#include "cycle-style.h"

#define FOCUS_TRIES 10
/* Cards a column makes in its first frame when the board has not been drawn yet (about a
 * screenful), then in each frame after it (while the board scrolls across, as the board's budget
 * allows: _cycle_board_take_cards): making a card costs, and a column that scrolls in must not
 * hold up the frame. */
#define CARDS_FIRST 8
#define CARDS_STEP  8
#define CARDS_STEP_SCROLLING 4
/* The shortest card, with its padding (cycle-content-view.css): how many fill a column */
#define CARD_MIN_HEIGHT 72
/* GTK 4.8's one-column grid view keeps about 33 rows alive whatever their number: past that,
 * growing the column makes no more cards, and the rest of the list is given at once. */
#define CARDS_ALIVE 36

struct _CycleBoardColumn
{
  GtkWidget          parent_instance;

  CycleStage        *stage;
  CycleContentSelection *selection;   /* over the board's one set of picked content */
  /* The stage's list, whole once the cards are all made (see CARDS_FIRST) */
  GtkSliceListModel *slice;
  guint              grow_id;
  GBindingGroup     *bindings;
  GSignalGroup      *stage_signals;
  CycleAutoscroll   *autoscroll;

  /* The card showing the drop indicator, while a drag hovers */
  GtkWidget         *drop_card;
  /* Position to focus once its card exists */
  guint              focus_position;
  guint              focus_tick_id;
  guint              focus_tries;
  /* Whether the cards show: only columns on (or near) the screen have them. */
  guint              active : 1;

  /* Template widgets */
  GtkWidget         *header;
  GtkLabel          *name_label;
  GtkLabel          *count_label;
  GtkButton         *add_button;
  CycleQuickAdd     *quick_add;
  GtkScrolledWindow *scroller;
  GtkGridView       *cards;
};

G_DEFINE_FINAL_TYPE (CycleBoardColumn, cycle_board_column, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_cards   (CycleBoardColumn *self);
static void show_all_cards (CycleBoardColumn *self);

static CycleBoard *
get_board (CycleBoardColumn *self)
{
  return (CycleBoard *) gtk_widget_get_ancestor (GTK_WIDGET (self), CYCLE_TYPE_BOARD);
}

/* The card a row of the list view holds, with its list item. */
static CycleBoardCard *
row_card (GtkWidget    *row,
          GtkListItem **list_item)
{
  GtkWidget *child = gtk_widget_get_first_child (row);

  if (!CYCLE_IS_BOARD_CARD (child))
    return NULL;

  *list_item = g_object_get_data (G_OBJECT (child), "cycle-list-item");
  return *list_item != NULL ? CYCLE_BOARD_CARD (child) : NULL;
}

/* ------------------------------------------------------------------------------------------------
 * Cards
 */

/* Cards go round the board: those a column lets go wait for the next that needs some. */
static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CycleBoardColumn         *self)
{
  CycleBoard *board = get_board (self);
  g_autoptr(GtkWidget) card = board != NULL ? _cycle_board_take_card (board)
                                            : g_object_ref_sink (cycle_board_card_new ());

  /* Borrowed: the list item owns the card. */
  g_object_set_data (G_OBJECT (card), "cycle-list-item", list_item);
  gtk_list_item_set_child (list_item, card);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            CycleBoardColumn         *self)
{
  GtkWidget *card = gtk_list_item_get_child (list_item);

  cycle_board_card_set_content (CYCLE_BOARD_CARD (card), gtk_list_item_get_item (list_item));
  /* The cell around the card reads as the card (its title) */
  cycle_accessible_name_list_item (card, card);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CycleBoardColumn         *self)
{
  cycle_board_card_set_content (CYCLE_BOARD_CARD (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_cards_activate_cb (CycleBoardColumn *self,
                          guint             position,
                          GtkGridView      *cards)
{
  g_autoptr(CycleContent) content = NULL;
  CycleBoard *board = get_board (self);

  if (self->stage == NULL || board == NULL)
    return;

  content = g_list_model_get_item (cycle_stage_get_content (self->stage), position);
  if (content != NULL)
    _cycle_board_edit (board, content);
}

static void
on_add_button_clicked_cb (CycleBoardColumn *self,
                          GtkButton        *button)
{
  CycleBoard *board = get_board (self);

  if (self->stage != NULL && board != NULL)
    _cycle_board_add (board, self->stage);
}

/* Typed titles land at the end of the column: keep the newest in sight, the focus in the entry
 * for the next one. */
static void
on_quick_add_added_cb (CycleBoardColumn *self,
                       CycleContent     *content)
{
  guint n = self->stage != NULL ? cycle_stage_get_n_content (self->stage) : 0;

  if (n == 0)
    return;
  show_all_cards (self);
  gtk_widget_activate_action (GTK_WIDGET (self->cards), "list.scroll-to-item", "u", n - 1);
}

/* The card that has the keyboard focus, if any. */
static CycleBoardCard *
focused_card (CycleBoardColumn *self)
{
  GtkWidget *row = gtk_widget_get_focus_child (GTK_WIDGET (self->cards));
  GtkListItem *list_item;

  if (row == NULL)
    return NULL;

  return row_card (row, &list_item);
}

static gboolean
card_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  CycleBoardColumn *self = CYCLE_BOARD_COLUMN (widget);
  CycleBoardCard *card = focused_card (self);
  const char *action = g_variant_get_string (args, NULL);

  if (card == NULL || cycle_board_card_get_content (card) == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (card), action, NULL);
}

/* ------------------------------------------------------------------------------------------------
 * Focus
 */

static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  CycleBoardColumn *self = CYCLE_BOARD_COLUMN (widget);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->cards));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkListItem *list_item;

      if (row_card (row, &list_item) != NULL &&
          gtk_list_item_get_position (list_item) == self->focus_position)
        {
          gtk_widget_grab_focus (row);
          self->focus_tick_id = 0;
          return G_SOURCE_REMOVE;
        }
    }

  if (++self->focus_tries >= FOCUS_TRIES)
    {
      self->focus_tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

void
cycle_board_column_focus_position (CycleBoardColumn *self,
                                   guint             position)
{
  g_return_if_fail (CYCLE_IS_BOARD_COLUMN (self));

  cycle_board_column_set_active (self, TRUE);
  show_all_cards (self);
  gtk_widget_activate_action (GTK_WIDGET (self->cards), "list.scroll-to-item", "u", position);

  self->focus_position = position;
  self->focus_tries = 0;
  if (self->focus_tick_id == 0)
    self->focus_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick_cb,
                                                        NULL, NULL);
}

/* Gives the keyboard focus to the card at @position: at once when its row exists, as the
 * next card down usually does; otherwise once the list has made it. */
static gboolean
focus_card (CycleBoardColumn *self,
            guint             position)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->cards));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkListItem *list_item;

      if (row_card (row, &list_item) != NULL &&
          gtk_list_item_get_position (list_item) == position &&
          gtk_widget_get_visible (row))
        {
          gtk_widget_activate_action (GTK_WIDGET (self->cards), "list.scroll-to-item", "u",
                                      position);
          return gtk_widget_grab_focus (row);
        }
    }

  cycle_board_column_focus_position (self, position);
  return TRUE;
}

static guint
n_cards (CycleBoardColumn *self)
{
  return self->stage != NULL ? g_list_model_get_n_items (cycle_stage_get_content (self->stage))
                             : 0;
}

/* Tab and Shift+Tab go through a column in reading order: its Add button, the entry that adds
 * by title, then each card (one stop each, named after it: see cycle_board_card_focus ()).
 * GtkGridView alone would enter the cards at the one focused last, and an empty column's
 * scroller would be a stop of its own. Arrows stay the list's: up and down between cards. */
static gboolean
cycle_board_column_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  CycleBoardColumn *self = CYCLE_BOARD_COLUMN (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  GtkWidget *quick_add = GTK_WIDGET (self->quick_add);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  guint n = n_cards (self);

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (cycle_board_column_parent_class)->focus (widget, direction);

  if (focus_child == GTK_WIDGET (self->scroller))
    {
      GtkWidget *row = gtk_widget_get_focus_child (GTK_WIDGET (self->cards));
      GtkListItem *list_item;
      guint position;

      /* Inside a card (its title being renamed), or not on a card: as GTK would */
      if (row == NULL || !gtk_widget_is_focus (row) || row_card (row, &list_item) == NULL)
        return GTK_WIDGET_CLASS (cycle_board_column_parent_class)->focus (widget, direction);

      position = gtk_list_item_get_position (list_item);
      if (forward)
        return position + 1 < n && focus_card (self, position + 1);
      if (position > 0)
        return focus_card (self, position - 1);
      return gtk_widget_child_focus (quick_add, direction) ||
             gtk_widget_child_focus (self->header, direction);
    }

  if (forward)
    {
      gboolean before_entry = focus_child == NULL || focus_child == self->header;

      if (before_entry && gtk_widget_child_focus (self->header, direction))
        return TRUE;
      if (before_entry && gtk_widget_child_focus (quick_add, direction))
        return TRUE;
      return n > 0 && focus_card (self, 0);
    }

  /* The entry is one stop: GtkEntry would take the focus back from its own text going
   * backwards */
  if (focus_child == NULL && n > 0)
    {
      show_all_cards (self);
      return focus_card (self, n - 1);
    }
  if (focus_child == NULL && gtk_widget_child_focus (quick_add, direction))
    return TRUE;
  return gtk_widget_child_focus (self->header, direction);
}

/* ------------------------------------------------------------------------------------------------
 * Dropping
 */

/* Where a drop at @y (in the column's coordinates) would insert: a position in the stage's list
 * as it is now, before the dragged item leaves it. */
static guint
cycle_board_column_insertion_at (CycleBoardColumn *self,
                                 double            y)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (0, y);
  graphene_point_t in_list;
  guint n, best = G_MAXUINT, last = G_MAXUINT;
  double height;

  g_return_val_if_fail (CYCLE_IS_BOARD_COLUMN (self), 0);

  if (self->stage == NULL)
    return 0;

  n = g_list_model_get_n_items (cycle_stage_get_content (self->stage));
  /* A column without its cards yet (just scrolled in): at the end. */
  if (!self->active)
    return n;
  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->cards), &point,
                                 &in_list))
    return n;

  /* Above the list (the header): the top. */
  if (in_list.y < 0)
    return 0;

  /* Only the rows on screen count: the list keeps a focused row alive even far away. */
  height = gtk_widget_get_height (GTK_WIDGET (self->cards));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->cards));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkListItem *list_item;
      graphene_rect_t bounds;
      guint position;

      if (row_card (row, &list_item) == NULL ||
          !gtk_widget_get_visible (row) ||
          !gtk_widget_compute_bounds (row, GTK_WIDGET (self->cards), &bounds))
        continue;
      if (bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;

      position = gtk_list_item_get_position (list_item);
      if (position == GTK_INVALID_LIST_POSITION)
        continue;

      if (in_list.y < bounds.origin.y + bounds.size.height / 2 && position < best)
        best = position;
      if (last == G_MAXUINT || position > last)
        last = position;
    }

  if (best != G_MAXUINT)
    return best;
  /* Below every card on screen: after the last one shown. */
  if (last != G_MAXUINT)
    return MIN (last + 1, n);
  return n;
}

static void
clear_drop_indicator (CycleBoardColumn *self)
{
  if (self->drop_card != NULL)
    {
      gtk_widget_remove_css_class (self->drop_card, "drop-before");
      gtk_widget_remove_css_class (self->drop_card, "drop-after");
      g_clear_weak_pointer (&self->drop_card);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-at-end");
}

static void
show_drop_indicator (CycleBoardColumn *self,
                     guint             insertion)
{
  GtkWidget *before = NULL, *after = NULL;

  clear_drop_indicator (self);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->cards));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkListItem *list_item;
      CycleBoardCard *card = row_card (row, &list_item);
      guint position;

      if (card == NULL)
        continue;

      position = gtk_list_item_get_position (list_item);
      if (position == insertion)
        before = GTK_WIDGET (card);
      else if (insertion > 0 && position == insertion - 1)
        after = GTK_WIDGET (card);
    }

  if (before != NULL)
    {
      gtk_widget_add_css_class (before, "drop-before");
      g_set_weak_pointer (&self->drop_card, before);
    }
  else if (after != NULL)
    {
      gtk_widget_add_css_class (after, "drop-after");
      g_set_weak_pointer (&self->drop_card, after);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "drop-at-end");
    }
}

static GdkDragAction
on_drop_motion_cb (GtkDropTarget    *target,
                   double            x,
                   double            y,
                   CycleBoardColumn *self)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);
  graphene_point_t in_scroller;

  if (self->stage == NULL)
    return 0;

  show_drop_indicator (self, cycle_board_column_insertion_at (self, y));

  if (gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->scroller), &point,
                                &in_scroller))
    _cycle_autoscroll_update (self->autoscroll,
                              gtk_scrolled_window_get_vadjustment (self->scroller),
                              in_scroller.y);

  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (GtkDropTarget    *target,
                  CycleBoardColumn *self)
{
  clear_drop_indicator (self);
  _cycle_autoscroll_update (self->autoscroll, NULL, -1);
}

static gboolean
on_drop_cb (GtkDropTarget    *target,
            const GValue     *value,
            double            x,
            double            y,
            CycleBoardColumn *self)
{
  CycleBoard *board = get_board (self);
  CycleContent *content;

  clear_drop_indicator (self);
  _cycle_autoscroll_update (self->autoscroll, NULL, -1);

  if (!G_VALUE_HOLDS (value, CYCLE_TYPE_CONTENT) || self->stage == NULL || board == NULL)
    return FALSE;

  content = g_value_get_object (value);
  /* Only content of this plan: a card dragged from another window is not ours to move. */
  if (content == NULL ||
      cycle_item_get_plan (CYCLE_ITEM (content)) != cycle_board_get_plan (board) ||
      cycle_content_get_stage (content) == NULL)
    return FALSE;

  cycle_board_move_content (board, content, self->stage, cycle_board_column_insertion_at (self, y));
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------
 * The stage
 */

static gboolean
count_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_take_string (to, g_strdup_printf ("%u", g_value_get_uint (from)));
  return TRUE;
}

static gboolean
on_add_query_tooltip_cb (GtkWidget        *button,
                         int               x,
                         int               y,
                         gboolean          keyboard,
                         GtkTooltip       *tooltip,
                         CycleBoardColumn *self)
{
  g_autofree char *text = NULL;

  if (self->stage == NULL)
    return FALSE;

  text = g_strdup_printf (_("Add Content to “%s”"), cycle_stage_get_name (self->stage));
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_stage_name_cb (CycleBoardColumn *self,
                  GParamSpec       *pspec,
                  CycleStage       *stage)
{
  const char *name = cycle_stage_get_name (stage);
  g_autofree char *add = NULL;
  g_autofree char *cards = NULL;

  /* Translators: a button's tooltip; %s is the name of a stage */
  add = g_strdup_printf (_("Add Content to “%s”"), name);
  /* The tooltip is made when asked for (on_add_query_tooltip_cb): setting one asks the X server
   * where the pointer is, too slow for every column that scrolls in. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add,
                                  -1);

  /* Translators: the accessible name of a board column's list; %s is the name of a stage */
  cards = g_strdup_printf (_("Content of “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cards),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cards,
                                  -1);
}

CycleStage *
cycle_board_column_get_stage (CycleBoardColumn *self)
{
  g_return_val_if_fail (CYCLE_IS_BOARD_COLUMN (self), NULL);
  return self->stage;
}

void
cycle_board_column_set_stage (CycleBoardColumn *self,
                              CycleStage       *stage)
{
  g_return_if_fail (CYCLE_IS_BOARD_COLUMN (self));
  g_return_if_fail (stage == NULL || CYCLE_IS_STAGE (stage));

  if (!g_set_object (&self->stage, stage))
    return;

  clear_drop_indicator (self);
  if (self->focus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick_id);
      self->focus_tick_id = 0;
    }

  g_binding_group_set_source (self->bindings, stage);
  g_signal_group_set_target (self->stage_signals, stage);
  cycle_quick_add_set_stage (self->quick_add, stage);
  update_cards (self);
  if (stage != NULL)
    on_stage_name_cb (self, NULL, stage);
  /* The board's cell around the column reads as the column's heading */
  cycle_accessible_name_list_item (GTK_WIDGET (self), GTK_WIDGET (self->name_label));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

/* Makes the column's cards a few a frame. While the board scrolls across, a column passing by
 * makes only those that fill its height; the rest wait for the board to rest. */
static gboolean
grow_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  CycleBoardColumn *self = CYCLE_BOARD_COLUMN (widget);
  CycleBoard *board = get_board (self);
  GListModel *content = gtk_slice_list_model_get_model (self->slice);
  guint size = gtk_slice_list_model_get_size (self->slice);
  guint step = CARDS_STEP;

  if (content == NULL || size >= g_list_model_get_n_items (content) || size >= CARDS_ALIVE)
    {
      gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
      self->grow_id = 0;
      return G_SOURCE_REMOVE;
    }

  /* While the board scrolls across, the columns share a few cards a frame, and a column stops at a
   * screenful; at rest, each makes CARDS_STEP a frame. */
  if (board != NULL && _cycle_board_is_scrolling (board))
    {
      guint screenful = gtk_widget_get_height (GTK_WIDGET (self->scroller)) / CARD_MIN_HEIGHT + 1;

      if (size >= screenful)
        return G_SOURCE_CONTINUE;
      step = _cycle_board_take_cards (board, clock, CARDS_STEP_SCROLLING);
    }

  if (step > 0)
    gtk_slice_list_model_set_size (self->slice, size + step);
  return G_SOURCE_CONTINUE;
}

/* Only while the column shows: a hidden board (the table's page) makes no cards. */
static void
start_growing (CycleBoardColumn *self)
{
  if (self->grow_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
      gtk_slice_list_model_get_size (self->slice) != G_MAXUINT)
    self->grow_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), grow_tick_cb, NULL, NULL);
}

static void
stop_growing (CycleBoardColumn *self)
{
  if (self->grow_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->grow_id);
  self->grow_id = 0;
}

/* Shows the stage's cards over the next frames (a screenful at once before the board is first
 * drawn); or none. */
static void
update_cards (CycleBoardColumn *self)
{
  gboolean show = self->stage != NULL && self->active;

  CycleBoard *board = get_board (self);
  guint first = board == NULL || !_cycle_board_is_drawn (board) ? CARDS_FIRST : 0;

  stop_growing (self);
  gtk_slice_list_model_set_size (self->slice, show ? first : 0);
  gtk_slice_list_model_set_model (self->slice,
                                  show ? cycle_stage_get_content (self->stage) : NULL);
  if (show)
    start_growing (self);
}

/* Every card made at once, for who needs one far down. */
static void
show_all_cards (CycleBoardColumn *self)
{
  stop_growing (self);
  gtk_slice_list_model_set_size (self->slice, G_MAXUINT);
}

gboolean
cycle_board_column_get_active (CycleBoardColumn *self)
{
  g_return_val_if_fail (CYCLE_IS_BOARD_COLUMN (self), FALSE);
  return self->active;
}

void
cycle_board_column_set_active (CycleBoardColumn *self,
                               gboolean          active)
{
  g_return_if_fail (CYCLE_IS_BOARD_COLUMN (self));

  active = !!active;
  if (self->active == (guint) active)
    return;

  self->active = active;
  update_cards (self);
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

#define COLUMN_RADIUS 12

/* The column's background, drawn here rather than by CSS: see _cycle_board_append_rounded (). The
 * highlighted column (the canvas's stage, a drop target) keeps the style's. */
static void
cycle_board_column_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  if (!gtk_widget_has_css_class (widget, "current-stage") &&
      !(gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_DROP_ACTIVE))
    {
      GdkRGBA color, background;

      cycle_style_get_color (widget, &color);
      if (!cycle_style_lookup_color (widget, "window_bg_color", &background))
        background.alpha = 0;

      /* The text colour at 5 % over the window's background, worked out here: an opaque colour
       * is filled, where a see-through one is blended pixel by pixel. */
      if (background.alpha >= 1.0f)
        {
          float a = 0.05f * color.alpha;

          color.red = background.red * (1 - a) + color.red * a;
          color.green = background.green * (1 - a) + color.green * a;
          color.blue = background.blue * (1 - a) + color.blue * a;
          color.alpha = 1.0f;
        }
      else
        color.alpha *= 0.05f;
      _cycle_board_append_rounded (snapshot,
                                   &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                        gtk_widget_get_height (widget)),
                                   COLUMN_RADIUS, &color);
    }

  GTK_WIDGET_CLASS (cycle_board_column_parent_class)->snapshot (widget, snapshot);
}

static void
cycle_board_column_map (GtkWidget *widget)
{
  CycleBoardColumn *self = CYCLE_BOARD_COLUMN (widget);

  GTK_WIDGET_CLASS (cycle_board_column_parent_class)->map (widget);
  if (self->active && self->stage != NULL)
    start_growing (self);
}

static void
cycle_board_column_unmap (GtkWidget *widget)
{
  stop_growing (CYCLE_BOARD_COLUMN (widget));
  GTK_WIDGET_CLASS (cycle_board_column_parent_class)->unmap (widget);
}

static void
cycle_board_column_dispose (GObject *object)
{
  CycleBoardColumn *self = CYCLE_BOARD_COLUMN (object);

  if (self->focus_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick_id);
      self->focus_tick_id = 0;
    }
  g_clear_weak_pointer (&self->drop_card);
  stop_growing (self);

  /* Unbinds the cards while the column can still take the calls. */
  if (self->cards != NULL)
    {
      gtk_grid_view_set_model (self->cards, NULL);
      gtk_grid_view_set_factory (self->cards, NULL);
    }
  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->stage_signals != NULL)
    g_signal_group_set_target (self->stage_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_BOARD_COLUMN);
  /* Template children without an id are not the template's to clear. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->autoscroll, _cycle_autoscroll_free);
  g_clear_object (&self->bindings);
  g_clear_object (&self->stage_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->slice);
  g_clear_object (&self->stage);

  G_OBJECT_CLASS (cycle_board_column_parent_class)->dispose (object);
}

static void
cycle_board_column_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CycleBoardColumn *self = CYCLE_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_board_column_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CycleBoardColumn *self = CYCLE_BOARD_COLUMN (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      cycle_board_column_set_stage (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_card_shortcut (GtkWidgetClass  *widget_class,
                   guint            key,
                   GdkModifierType  modifiers,
                   const char      *action)
{
  gtk_widget_class_add_binding (widget_class, key, modifiers, card_shortcut_cb, "s", action);
}

static void
cycle_board_column_class_init (CycleBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_board_column_dispose;
  object_class->get_property = cycle_board_column_get_property;
  object_class->set_property = cycle_board_column_set_property;
  widget_class->map = cycle_board_column_map;
  widget_class->focus = cycle_board_column_focus;
  widget_class->snapshot = cycle_board_column_snapshot;
  widget_class->unmap = cycle_board_column_unmap;

  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL, CYCLE_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CYCLE_TYPE_QUICK_ADD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-board-column.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleBoardColumn, header);
  gtk_widget_class_bind_template_child (widget_class, CycleBoardColumn, name_label);
  gtk_widget_class_bind_template_child (widget_class, CycleBoardColumn, count_label);
  gtk_widget_class_bind_template_child (widget_class, CycleBoardColumn, add_button);
  gtk_widget_class_bind_template_child (widget_class, CycleBoardColumn, quick_add);
  gtk_widget_class_bind_template_child (widget_class, CycleBoardColumn, scroller);
  gtk_widget_class_bind_template_child (widget_class, CycleBoardColumn, cards);
  gtk_widget_class_bind_template_callback (widget_class, on_cards_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_quick_add_added_cb);

  /* The keyboard's way of dragging: on the card that has the focus. */
  add_card_shortcut (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "card.move-previous");
  add_card_shortcut (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "card.move-next");
  add_card_shortcut (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "card.move-up");
  add_card_shortcut (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "card.move-down");
  add_card_shortcut (widget_class, GDK_KEY_Delete, 0, "card.delete");
  add_card_shortcut (widget_class, GDK_KEY_KP_Delete, 0, "card.delete");
  add_card_shortcut (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "card.duplicate");
  add_card_shortcut (widget_class, GDK_KEY_F2, 0, "card.rename");
  add_card_shortcut (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "card.copy");
  /* The focus is on the card's cell, around the card, not in it (after a move with Alt+arrows
   * too): the card's own Shift+F10 and Menu would not hear them there. */
  add_card_shortcut (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "card.menu");
  add_card_shortcut (widget_class, GDK_KEY_Menu, 0, "card.menu");

  gtk_widget_class_set_css_name (widget_class, "boardcolumn");
}

static void
cycle_board_column_init (CycleBoardColumn *self)
{
  GtkListItemFactory *factory;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);
  gtk_grid_view_set_factory (self->cards, factory);
  g_object_unref (factory);

  self->slice = gtk_slice_list_model_new (NULL, 0, 0);
  {
    /* Until the board gives its own set (cycle_board_column_set_selected) */
    g_autoptr(CycleSelectedContent) set = cycle_selected_content_new ();

    cycle_board_column_set_selected (self, set);
  }

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "name", self->name_label, "label",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "n-content", self->count_label, "label",
                             G_BINDING_SYNC_CREATE, count_to_label, NULL, NULL, NULL);

  self->stage_signals = g_signal_group_new (CYCLE_TYPE_STAGE);
  g_signal_group_connect_swapped (self->stage_signals, "notify::name",
                                  G_CALLBACK (on_stage_name_cb), self);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->add_button), TRUE);
  g_signal_connect_object (self->add_button, "query-tooltip",
                           G_CALLBACK (on_add_query_tooltip_cb), self, 0);

  self->autoscroll = _cycle_autoscroll_new (GTK_WIDGET (self->scroller),
                                            GTK_ORIENTATION_VERTICAL);

  drop = gtk_drop_target_new (CYCLE_TYPE_CONTENT, GDK_ACTION_MOVE);
  g_signal_connect (drop, "motion", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect (drop, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

void
cycle_board_column_set_selected (CycleBoardColumn     *self,
                                 CycleSelectedContent *selected)
{
  g_return_if_fail (CYCLE_IS_BOARD_COLUMN (self));
  g_return_if_fail (CYCLE_IS_SELECTED_CONTENT (selected));

  if (self->selection != NULL && cycle_content_selection_get_set (self->selection) == selected)
    return;

  g_clear_object (&self->selection);
  self->selection = cycle_content_selection_new (g_object_ref (G_LIST_MODEL (self->slice)),
                                                 selected);
  gtk_grid_view_set_model (self->cards, GTK_SELECTION_MODEL (self->selection));
  cycle_content_selection_watch_clicks (self->selection, GTK_WIDGET (self->cards));
}

GtkWidget *
cycle_board_column_new (void)
{
  return g_object_new (CYCLE_TYPE_BOARD_COLUMN, NULL);
}
