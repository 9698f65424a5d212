/* cycle-board.c
 *
 * The columns are the items of a horizontal, one-row GtkGridView over the plan's stages, and each
 * column's cards the items of a one-column GtkGridView over that stage's own content list. (GTK
 * 4.8's GtkListView keeps 200 rows alive whatever its size; a grid view about 33.) Of the columns
 * alive, only those on or near the screen are given their cards (cycle_board_column_set_active),
 * a column or two a frame: 500 stages and 100 000 items scroll like 5 and 50.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-board"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cycle-board-card.h"
#include "cycle-content-bulk-bar.h"
#include "cycle-board-column.h"
#include "cycle-autoscroll.h"
#include "cycle-board-private.h"
#include "cycle-content-cells.h"
#include "cycle-content-clipboard.h"

/* Columns beyond the screen that keep or get their cards, each side */
#define ACTIVE_MARGIN        1
/* Time given to columns getting their cards in one frame while scrolling */
#define ACTIVATE_BUDGET_USEC 3000
/* Cards all the columns together make in one frame: a card costs about half a millisecond (its
 * widgets, then measuring its text) with the cairo renderer. */
#define CARDS_PER_FRAME      4
/* How long after the last step across the board still counts as scrolling */
#define SCROLL_SETTLE_USEC   250000
/* Spare cards kept: about what the columns of a wide screen hold */
#define SPARE_CARDS_MAX      240

struct _CycleBoard
{
  GtkWidget          parent_instance;

  CyclePlan         *plan;
  CycleStage        *stage;

  GtkScrolledWindow *scroller;
  GtkGridView       *list_view;
  GtkNoSelection    *selection;
  /* The content picked for bulk edits, across all columns, and what can be done to it */
  CycleSelectedContent *selected;
  CycleContentBulkBar  *bulk_bar;
  /* CycleStage → its bound CycleBoardColumn (borrowed both ways) */
  GHashTable        *columns;
  CycleAutoscroll   *autoscroll;
  guint              activate_id;   /* tick callback */
  /* The card menu's items; each card makes its menu when first asked
   * (see cycle-board-card-actions.c) */
  GMenuModel        *card_menu;
  /* Columns bound before the first frame get their cards at once; after, a few a frame */
  gboolean           drawn;
  /* The cards left to make in the frame card_frame (see _cycle_board_take_cards) */
  gint64             card_frame;
  guint              cards_left;
  gint64             scrolled_at;   /* monotonic µs */
  /* Cards no column shows, owned: the next column to need cards takes them */
  GPtrArray         *spare_cards;
};

G_DEFINE_FINAL_TYPE (CycleBoard, cycle_board, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EDIT_CONTENT,
  ADD_CONTENT,
  REMOVED,
  REMOVED_MANY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_drag_motion_cb (GtkDropControllerMotion *motion,
                   double                   x,
                   double                   y,
                   CycleBoard              *self)
{
  _cycle_autoscroll_update (self->autoscroll,
                            gtk_scrolled_window_get_hadjustment (self->scroller), x);
}

static void
on_drag_leave_cb (GtkDropControllerMotion *motion,
                  CycleBoard              *self)
{
  _cycle_autoscroll_update (self->autoscroll, NULL, -1);
}

/* ------------------------------------------------------------------------------------------------
 * Columns
 */

static void
update_column_highlight (CycleBoard       *self,
                         CycleBoardColumn *column)
{
  if (cycle_board_column_get_stage (column) != NULL &&
      cycle_board_column_get_stage (column) == self->stage)
    gtk_widget_add_css_class (GTK_WIDGET (column), "current-stage");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (column), "current-stage");
}

/* The range of stage positions on or near the screen. All columns are one width, so the
 * scrolled width divided by their number is where each one is. */
static void
visible_range (CycleBoard *self,
               guint      *first,
               guint      *last)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scroller);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  double upper = gtk_adjustment_get_upper (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double stride;

  if (n == 0 || upper <= 0 || page <= 0)
    {
      /* Not laid out yet: the first few, as many as a wide window shows. */
      *first = 0;
      *last = MIN (n, 6u) - (n > 0 ? 1 : 0);
      return;
    }

  stride = upper / n;
  *first = (guint) MAX (0.0, floor (value / stride) - ACTIVE_MARGIN);
  *last = (guint) MIN ((double) n - 1, ceil ((value + page) / stride) + ACTIVE_MARGIN);
}

/* Gives their cards to the columns that came on screen (a few a frame: binding cards costs) and
 * takes them from those that left. Runs as a tick while there is work. */
static gboolean
activate_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  CycleBoard *self = CYCLE_BOARD (widget);
  GHashTableIter iter;
  gpointer column;
  guint first, last, activated = 0;
  gboolean pending = FALSE;
  gint64 start = g_get_monotonic_time ();

  visible_range (self, &first, &last);

  g_hash_table_iter_init (&iter, self->columns);
  while (g_hash_table_iter_next (&iter, NULL, &column))
    {
      GtkListItem *item = g_object_get_data (column, "cycle-list-item");
      guint position = gtk_list_item_get_position (item);
      gboolean wanted = position != GTK_INVALID_LIST_POSITION && position >= first &&
                        position <= last;

      if (!wanted)
        continue;
      else if (!cycle_board_column_get_active (column))
        {
          if (activated == 0 || g_get_monotonic_time () - start < ACTIVATE_BUDGET_USEC)
            {
              cycle_board_column_set_active (column, TRUE);
              activated++;
            }
          else
            pending = TRUE;
        }
    }

  if (pending)
    return G_SOURCE_CONTINUE;

  self->activate_id = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_activate (CycleBoard *self)
{
  if (self->activate_id == 0)
    self->activate_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), activate_tick_cb,
                                                      NULL, NULL);
}

/* Before the board is first drawn, the columns on screen get their cards at once (a first frame
 * without them would blink); after, the tick gives them, a few a frame. */
static void
activate_now (CycleBoard       *self,
              CycleBoardColumn *column)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (column), "cycle-list-item");
  guint position = gtk_list_item_get_position (item);
  guint first, last;

  if (!self->drawn)
    {
      visible_range (self, &first, &last);
      cycle_board_column_set_active (column, position >= first && position <= last);
    }
  queue_activate (self);
}

static void
on_first_frame_cb (GdkFrameClock *clock,
                   CycleBoard    *self)
{
  self->drawn = TRUE;
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_cb, self);
}

static void
cycle_board_map (GtkWidget *widget)
{
  CycleBoard *self = CYCLE_BOARD (widget);

  GTK_WIDGET_CLASS (cycle_board_parent_class)->map (widget);

  if (!self->drawn)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_first_frame_cb), self, 0);
}

static void
on_hadjustment_changed_cb (CycleBoard *self)
{
  queue_activate (self);
}

static void
on_hadjustment_value_changed_cb (CycleBoard *self)
{
  self->scrolled_at = g_get_monotonic_time ();
  queue_activate (self);
}

guint
_cycle_board_take_cards (CycleBoard    *self,
                         GdkFrameClock *clock,
                         guint          wanted)
{
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);
  guint taken;

  if (frame != self->card_frame)
    {
      self->card_frame = frame;
      self->cards_left = CARDS_PER_FRAME;
    }

  taken = MIN (wanted, self->cards_left);
  self->cards_left -= taken;
  return taken;
}

gboolean
_cycle_board_is_scrolling (CycleBoard *self)
{
  return self->scrolled_at != 0 &&
         g_get_monotonic_time () - self->scrolled_at < SCROLL_SETTLE_USEC;
}

gboolean
_cycle_board_is_drawn (CycleBoard *self)
{
  return self->drawn;
}

/* A card its list let go: kept for the next column that needs one. */
static void
on_card_parent_cb (GtkWidget  *card,
                   GParamSpec *pspec,
                   CycleBoard *self)
{
  if (gtk_widget_get_parent (card) != NULL || self->spare_cards == NULL ||
      self->spare_cards->len >= SPARE_CARDS_MAX)
    return;

  cycle_board_card_reset (CYCLE_BOARD_CARD (card));
  g_ptr_array_add (self->spare_cards, g_object_ref (card));
}

void
_cycle_board_append_rounded (GtkSnapshot           *snapshot,
                             const graphene_rect_t *rect,
                             float                  radius,
                             const GdkRGBA         *color)
{
  float half_height = rect->size.height / 2, half_width = rect->size.width / 2;
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, rect, MIN (radius, MIN (half_width, half_height)));
  gtk_snapshot_append_border (snapshot, &outline,
                              (float[4]) { half_height, half_width, half_height, half_width },
                              (GdkRGBA[4]) { *color, *color, *color, *color });
}

GtkWidget *
_cycle_board_take_card (CycleBoard *self)
{
  GtkWidget *card;

  if (self->spare_cards != NULL && self->spare_cards->len > 0)
    return g_ptr_array_steal_index_fast (self->spare_cards, self->spare_cards->len - 1);

  card = g_object_ref_sink (cycle_board_card_new ());
  g_signal_connect_object (card, "notify::parent", G_CALLBACK (on_card_parent_cb), self, 0);
  return card;
}
static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             CycleBoard               *self)
{
  GtkWidget *column = cycle_board_column_new ();

  /* A column is a place to drop cards, not an item to pick. */
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  cycle_board_column_set_selected (CYCLE_BOARD_COLUMN (column), self->selected);
  /* Borrowed: the list item owns the column. */
  g_object_set_data (G_OBJECT (column), "cycle-list-item", list_item);
  gtk_list_item_set_child (list_item, column);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            CycleBoard               *self)
{
  CycleBoardColumn *column = CYCLE_BOARD_COLUMN (gtk_list_item_get_child (list_item));
  CycleStage *stage = gtk_list_item_get_item (list_item);

  cycle_board_column_set_stage (column, stage);
  g_hash_table_insert (self->columns, stage, column);
  update_column_highlight (self, column);
  activate_now (self, column);
}

static void
on_unbind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              CycleBoard               *self)
{
  CycleBoardColumn *column = CYCLE_BOARD_COLUMN (gtk_list_item_get_child (list_item));
  CycleStage *stage = cycle_board_column_get_stage (column);

  if (stage != NULL && self->columns != NULL &&
      g_hash_table_lookup (self->columns, stage) == column)
    g_hash_table_remove (self->columns, stage);
  cycle_board_column_set_active (column, FALSE);
  cycle_board_column_set_stage (column, NULL);
}

static int
stage_index (CycleBoard *self,
             CycleStage *stage)
{
  GListModel *stages;
  guint n;

  if (self->plan == NULL || stage == NULL)
    return -1;

  stages = cycle_plan_get_stages (self->plan);
  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleStage) item = g_list_model_get_item (stages, i);

      if (item == stage)
        return (int) i;
    }

  return -1;
}

/* Shows @stage's column, then the card at @position in it with the keyboard focus. */
static void
focus_content (CycleBoard   *self,
               CycleContent *content)
{
  CycleStage *stage = cycle_content_get_stage (content);
  CycleBoardColumn *column;
  int position = cycle_content_get_position (content);

  if (stage == NULL || position < 0)
    return;

  cycle_board_show_stage (self, stage);
  column = g_hash_table_lookup (self->columns, stage);
  if (column != NULL)
    cycle_board_column_focus_position (column, position);
}

/* ------------------------------------------------------------------------------------------------
 * Moving content
 */

guint
cycle_board_drop_position (CycleContent *content,
                           CycleStage   *stage,
                           guint         insertion)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT (content), insertion);
  g_return_val_if_fail (CYCLE_IS_STAGE (stage), insertion);

  if (cycle_content_get_stage (content) == stage)
    {
      int from = cycle_content_get_position (content);

      if (from >= 0 && (guint) from < insertion)
        return insertion - 1;
    }

  return insertion;
}

void
cycle_board_move_content (CycleBoard   *self,
                          CycleContent *content,
                          CycleStage   *stage,
                          guint         insertion)
{
  guint position;

  g_return_if_fail (CYCLE_IS_BOARD (self));
  g_return_if_fail (CYCLE_IS_CONTENT (content));
  g_return_if_fail (CYCLE_IS_STAGE (stage));
  g_return_if_fail (self->plan != NULL);

  position = cycle_board_drop_position (content, stage, insertion);
  position = MIN (position, (guint) G_MAXINT);

  cycle_plan_seal_undo (self->plan);
  cycle_plan_move_content (self->plan, content, stage, (int) position);
}

void
_cycle_board_move_to_stage (CycleBoard   *self,
                            CycleContent *content,
                            int           offset)
{
  g_autoptr(CycleStage) target = NULL;
  int index = stage_index (self, cycle_content_get_stage (content));
  GListModel *stages;

  if (index < 0)
    return;

  stages = cycle_plan_get_stages (self->plan);
  if (index + offset < 0 || index + offset >= (int) g_list_model_get_n_items (stages))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  target = g_list_model_get_item (stages, index + offset);
  cycle_plan_seal_undo (self->plan);
  cycle_plan_move_content (self->plan, content, target, -1);
  focus_content (self, content);
}

void
_cycle_board_move_within (CycleBoard   *self,
                          CycleContent *content,
                          int           offset)
{
  CycleStage *stage = cycle_content_get_stage (content);
  int position = cycle_content_get_position (content);

  if (stage == NULL || position < 0)
    return;

  if (position + offset < 0 || position + offset >= (int) cycle_stage_get_n_content (stage))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* The position is counted once the content has left its place: one down is position + 1. */
  cycle_plan_seal_undo (self->plan);
  cycle_plan_move_content (self->plan, content, stage, position + offset);
  focus_content (self, content);
}

GMenuModel *
_cycle_board_get_card_menu (CycleBoard *self)
{
  return self->card_menu;
}

/* The moves the menu of @content's card offers: to the stage before or after, up or down. */
void
_cycle_board_get_moves (CycleBoard   *self,
                        CycleContent *content,
                        gboolean     *previous,
                        gboolean     *next,
                        gboolean     *up,
                        gboolean     *down)
{
  CycleStage *stage = cycle_content_get_stage (content);
  int index = stage != NULL ? stage_index (self, stage) : -1;
  int position = cycle_content_get_position (content);
  guint n_stages = self->plan != NULL
                   ? g_list_model_get_n_items (cycle_plan_get_stages (self->plan)) : 0;

  /* The menu is about to show: its bulk section lists the stages and personas as they are now */
  cycle_content_bulk_bar_get_menu (self->bulk_bar);

  *previous = index > 0;
  *next = index >= 0 && (guint) index + 1 < n_stages;
  *up = stage != NULL && position > 0;
  *down = stage != NULL && position >= 0 &&
          (guint) position + 1 < cycle_stage_get_n_content (stage);
}

void
_cycle_board_edit (CycleBoard   *self,
                   CycleContent *content)
{
  g_signal_emit (self, signals[EDIT_CONTENT], 0, content);
}

void
_cycle_board_add (CycleBoard *self,
                  CycleStage *stage)
{
  g_signal_emit (self, signals[ADD_CONTENT], 0, stage);
}

void
_cycle_board_remove (CycleBoard   *self,
                     CycleContent *content)
{
  g_autoptr(CycleContent) hold = g_object_ref (content);

  if (self->plan == NULL || cycle_content_get_stage (content) == NULL)
    return;

  /* A card of a selection of several: all of them, one undo step */
  if (cycle_selected_content_get_count (self->selected) > 1 &&
      cycle_selected_content_contains (self->selected, content))
    {
      cycle_content_bulk_bar_delete (self->bulk_bar);
      return;
    }

  cycle_plan_seal_undo (self->plan);
  cycle_plan_remove_content (self->plan, content);
  g_signal_emit (self, signals[REMOVED], 0, content);
}

void
_cycle_board_copy (CycleBoard   *self,
                   CycleContent *content)
{
  if (cycle_selected_content_get_count (self->selected) > 1 &&
      cycle_selected_content_contains (self->selected, content))
    cycle_content_bulk_bar_copy (self->bulk_bar);
  else
    cycle_content_clipboard_copy_one (GTK_WIDGET (self), content);
}

/* ------------------------------------------------------------------------------------------------
 * Properties
 */

CyclePlan *
cycle_board_get_plan (CycleBoard *self)
{
  g_return_val_if_fail (CYCLE_IS_BOARD (self), NULL);
  return self->plan;
}

void
cycle_board_set_plan (CycleBoard *self,
                      CyclePlan  *plan)
{
  g_return_if_fail (CYCLE_IS_BOARD (self));
  g_return_if_fail (plan == NULL || CYCLE_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  cycle_board_set_stage (self, NULL);
  g_set_object (&self->plan, plan);
  /* The columns of the new plan that show at once get their cards at once. */
  if (self->drawn && gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (on_first_frame_cb), self, 0);
  self->drawn = FALSE;
  gtk_no_selection_set_model (self->selection, plan != NULL ? cycle_plan_get_stages (plan) : NULL);
  cycle_content_bulk_bar_set_plan (self->bulk_bar, plan);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

CycleStage *
cycle_board_get_stage (CycleBoard *self)
{
  g_return_val_if_fail (CYCLE_IS_BOARD (self), NULL);
  return self->stage;
}

void
cycle_board_set_stage (CycleBoard *self,
                       CycleStage *stage)
{
  GHashTableIter iter;
  gpointer column;

  g_return_if_fail (CYCLE_IS_BOARD (self));
  g_return_if_fail (stage == NULL || CYCLE_IS_STAGE (stage));

  if (!g_set_object (&self->stage, stage))
    return;

  g_hash_table_iter_init (&iter, self->columns);
  while (g_hash_table_iter_next (&iter, NULL, &column))
    update_column_highlight (self, column);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

void
cycle_board_show_stage (CycleBoard *self,
                        CycleStage *stage)
{
  int index;

  g_return_if_fail (CYCLE_IS_BOARD (self));
  g_return_if_fail (stage == NULL || CYCLE_IS_STAGE (stage));

  cycle_board_set_stage (self, stage);

  index = stage_index (self, stage);
  if (index >= 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                (guint) index);
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

/* Tab into the board starts at the first column, Shift+Tab (after the bar of the selection, if
 * it shows) at the last one, which then take the focus in reading order (see
 * cycle_board_column_focus ()). GtkGridView alone would enter at the column focused last. */
static gboolean
cycle_board_focus (GtkWidget        *widget,
                   GtkDirectionType  direction)
{
  CycleBoard *self = CYCLE_BOARD (widget);
  GListModel *stages;
  guint n;

  if ((direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD) ||
      gtk_widget_get_focus_child (widget) != NULL || self->plan == NULL)
    return GTK_WIDGET_CLASS (cycle_board_parent_class)->focus (widget, direction);

  if (direction == GTK_DIR_TAB_BACKWARD &&
      gtk_widget_child_focus (GTK_WIDGET (self->bulk_bar), direction))
    return TRUE;

  stages = cycle_plan_get_stages (self->plan);
  n = g_list_model_get_n_items (stages);
  if (n > 0)
    {
      guint position = direction == GTK_DIR_TAB_FORWARD ? 0 : n - 1;
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, position);
      GtkWidget *column = g_hash_table_lookup (self->columns, stage);

      /* Columns far off screen have no widget: then GTK's way, the column focused last */
      if (column != NULL && gtk_widget_get_mapped (column))
        {
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                      position);
          if (gtk_widget_child_focus (column, direction))
            return TRUE;
        }
    }

  return GTK_WIDGET_CLASS (cycle_board_parent_class)->focus (widget, direction);
}

static void
cycle_board_dispose (GObject *object)
{
  CycleBoard *self = CYCLE_BOARD (object);

  g_clear_pointer (&self->autoscroll, _cycle_autoscroll_free);
  if (self->activate_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->activate_id);
  self->activate_id = 0;

  /* Unbinds the columns while the board can still take the calls. */
  if (self->list_view != NULL)
    {
      gtk_grid_view_set_model (self->list_view, NULL);
      gtk_grid_view_set_factory (self->list_view, NULL);
    }
  g_clear_pointer ((GtkWidget **) &self->scroller, gtk_widget_unparent);
  if (self->bulk_bar != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->bulk_bar, self);
      cycle_content_bulk_bar_set_plan (self->bulk_bar, NULL);
    }
  g_clear_pointer ((GtkWidget **) &self->bulk_bar, gtk_widget_unparent);
  g_clear_object (&self->selected);
  self->list_view = NULL;
  g_clear_pointer (&self->spare_cards, g_ptr_array_unref);

  g_clear_object (&self->card_menu);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_clear_object (&self->selection);
  g_clear_object (&self->stage);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cycle_board_parent_class)->dispose (object);
}

static void
cycle_board_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CycleBoard *self = CYCLE_BOARD (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_board_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CycleBoard *self = CYCLE_BOARD (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      cycle_board_set_plan (self, g_value_get_object (value));
      break;
    case PROP_STAGE:
      cycle_board_set_stage (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cycle_selected_content_clear (CYCLE_BOARD (widget)->selected);
}

static void
on_bulk_removed_cb (CycleBoard *self,
                    guint       n)
{
  g_signal_emit (self, signals[REMOVED_MANY], 0, n);
}

static void
on_selected_changed_cb (CycleBoard *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.select-none",
                                 cycle_selected_content_get_count (self->selected) > 0);
}

static void
cycle_board_class_init (CycleBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_board_dispose;
  object_class->get_property = cycle_board_get_property;
  object_class->set_property = cycle_board_set_property;
  widget_class->focus = cycle_board_focus;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CYCLE_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL, CYCLE_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A card asks to be edited (activated, or "Edit…" in its menu). */
  signals[EDIT_CONTENT] =
    g_signal_new ("edit-content", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CYCLE_TYPE_CONTENT);
  /* A column's "Add Content" button was clicked. */
  signals[ADD_CONTENT] =
    g_signal_new ("add-content", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CYCLE_TYPE_STAGE);
  /* The board deleted a piece of content (undo brings it back). */
  signals[REMOVED] =
    g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CYCLE_TYPE_CONTENT);
  /* The board deleted the selected content: how many. */
  signals[REMOVED_MANY] =
    g_signal_new ("removed-many", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  widget_class->map = cycle_board_map;

  gtk_widget_class_install_action (widget_class, "board.select-none", NULL, select_none_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "board.select-none",
                                       NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "board");
}

static void
cycle_board_init (CycleBoard *self)
{
  GtkListItemFactory *factory;
  GtkEventController *motion;

  self->columns = g_hash_table_new (NULL, NULL);
  self->selected = cycle_selected_content_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (
                                    GTK_WIDGET (self))), GTK_ORIENTATION_VERTICAL);
  self->spare_cards = g_ptr_array_new_with_free_func (g_object_unref);

  {
    g_autoptr(GtkBuilder) builder =
      gtk_builder_new_from_resource ("/org/example/Cycle/ui/cycle-board-menu.ui");

    self->card_menu = g_object_ref (G_MENU_MODEL (gtk_builder_get_object (builder, "card_menu")));
  }

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_unbind_cb), self);

  self->selection = gtk_no_selection_new (NULL);
  self->list_view = GTK_GRID_VIEW (gtk_grid_view_new (g_object_ref (GTK_SELECTION_MODEL (
                                                        self->selection)),
                                                      factory));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->list_view), GTK_ORIENTATION_HORIZONTAL);
  gtk_grid_view_set_max_columns (self->list_view, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "content-board");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Board"),
                                  -1);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);
  /* Not a stop of Tab of its own: the columns in it are */
  gtk_widget_set_focusable (GTK_WIDGET (self->scroller), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->scroller), GTK_WIDGET (self));

  /* Under the columns: "3 selected", and what to do with them. Its actions reach the cards'
   * menus too, which get its section. */
  self->bulk_bar = CYCLE_CONTENT_BULK_BAR (cycle_content_bulk_bar_new ());
  cycle_content_bulk_bar_set_selected (self->bulk_bar, self->selected);
  gtk_widget_set_parent (GTK_WIDGET (self->bulk_bar), GTK_WIDGET (self));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "bulk",
                                  cycle_content_bulk_bar_get_actions (self->bulk_bar));
  g_menu_append_section (G_MENU (self->card_menu), NULL,
                         cycle_content_bulk_bar_get_menu (self->bulk_bar));
  g_signal_connect_object (self->bulk_bar, "removed", G_CALLBACK (on_bulk_removed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selected, "changed", G_CALLBACK (on_selected_changed_cb), self,
                           G_CONNECT_SWAPPED);
  on_selected_changed_cb (self);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_hadjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                           G_CALLBACK (on_hadjustment_changed_cb), self, G_CONNECT_SWAPPED);

  self->autoscroll = _cycle_autoscroll_new (GTK_WIDGET (self->scroller),
                                            GTK_ORIENTATION_HORIZONTAL);
  motion = gtk_drop_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_drag_motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_drag_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}
