/* cycle-content-selection.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-selection"

#include "config.h"

#include "cycle-content-selection.h"

/* ------------------------------------------------------------------------------------------------
 * The set
 */

struct _CycleSelectedContent
{
  GObject     parent_instance;

  GPtrArray  *items;     /* CycleContent, with references, in the order picked */
  GHashTable *lookup;    /* the same, borrowed */
  guint       prune_id;
};

enum {
  SET_CHANGED,
  N_SET_SIGNALS
};

static guint set_signals[N_SET_SIGNALS];

static void cycle_selected_content_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CycleSelectedContent, cycle_selected_content, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cycle_selected_content_list_init))

static GType
set_get_item_type (GListModel *model)
{
  return CYCLE_TYPE_CONTENT;
}

static guint
set_get_n_items (GListModel *model)
{
  return CYCLE_SELECTED_CONTENT (model)->items->len;
}

static gpointer
set_get_item (GListModel *model,
              guint       position)
{
  CycleSelectedContent *self = CYCLE_SELECTED_CONTENT (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
cycle_selected_content_list_init (GListModelInterface *iface)
{
  iface->get_item_type = set_get_item_type;
  iface->get_n_items = set_get_n_items;
  iface->get_item = set_get_item;
}

static void
cycle_selected_content_dispose (GObject *object)
{
  CycleSelectedContent *self = CYCLE_SELECTED_CONTENT (object);

  g_clear_handle_id (&self->prune_id, g_source_remove);
  g_hash_table_remove_all (self->lookup);
  g_ptr_array_set_size (self->items, 0);

  G_OBJECT_CLASS (cycle_selected_content_parent_class)->dispose (object);
}

static void
cycle_selected_content_finalize (GObject *object)
{
  CycleSelectedContent *self = CYCLE_SELECTED_CONTENT (object);

  g_clear_pointer (&self->lookup, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (cycle_selected_content_parent_class)->finalize (object);
}

static void
cycle_selected_content_class_init (CycleSelectedContentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cycle_selected_content_dispose;
  object_class->finalize = cycle_selected_content_finalize;

  /* The set changed (after items-changed): the lists showing it update their rows. */
  set_signals[SET_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cycle_selected_content_init (CycleSelectedContent *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->lookup = g_hash_table_new (NULL, NULL);
}

CycleSelectedContent *
cycle_selected_content_new (void)
{
  return g_object_new (CYCLE_TYPE_SELECTED_CONTENT, NULL);
}

gboolean
cycle_selected_content_contains (CycleSelectedContent *self,
                                 CycleContent         *content)
{
  g_return_val_if_fail (CYCLE_IS_SELECTED_CONTENT (self), FALSE);
  return content != NULL && g_hash_table_contains (self->lookup, content);
}

guint
cycle_selected_content_get_count (CycleSelectedContent *self)
{
  g_return_val_if_fail (CYCLE_IS_SELECTED_CONTENT (self), 0);
  return self->items->len;
}

/* Adds or removes without telling; returns whether anything changed. */
static gboolean
set_one (CycleSelectedContent *self,
         CycleContent         *content,
         gboolean              selected)
{
  if (selected == g_hash_table_contains (self->lookup, content))
    return FALSE;

  if (selected)
    {
      g_hash_table_add (self->lookup, content);
      g_ptr_array_add (self->items, g_object_ref (content));
    }
  else
    {
      g_hash_table_remove (self->lookup, content);
      g_ptr_array_remove (self->items, content);
    }
  return TRUE;
}

static void
emit_changed (CycleSelectedContent *self,
              guint                 old_n)
{
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->items->len);
  g_signal_emit (self, set_signals[SET_CHANGED], 0);
}

void
cycle_selected_content_clear (CycleSelectedContent *self)
{
  guint old_n;

  g_return_if_fail (CYCLE_IS_SELECTED_CONTENT (self));

  old_n = self->items->len;
  if (old_n == 0)
    return;
  g_hash_table_remove_all (self->lookup);
  g_ptr_array_set_size (self->items, 0);
  emit_changed (self, old_n);
}

static gboolean
is_in_a_plan (CycleContent *content)
{
  CycleStage *stage = cycle_content_get_stage (content);

  return stage != NULL && cycle_item_get_plan (CYCLE_ITEM (stage)) != NULL;
}

GPtrArray *
cycle_selected_content_dup_items (CycleSelectedContent *self,
                                  CyclePlan            *plan)
{
  GListModel *all;
  GPtrArray *items;
  guint n;

  g_return_val_if_fail (CYCLE_IS_SELECTED_CONTENT (self), NULL);
  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  if (self->items->len == 0)
    return items;

  /* In the plan's order (stage after stage), as a spreadsheet or a stage would list them */
  all = cycle_plan_get_all_content (plan);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n && items->len < self->items->len; i++)
    {
      CycleContent *content = g_list_model_get_item (all, i);

      if (g_hash_table_contains (self->lookup, content))
        g_ptr_array_add (items, content);
      else
        g_object_unref (content);
    }

  return items;
}

static gboolean
prune_cb (gpointer user_data)
{
  CycleSelectedContent *self = user_data;
  guint old_n = self->items->len;
  gboolean changed = FALSE;

  self->prune_id = 0;
  for (guint i = self->items->len; i > 0; i--)
    {
      CycleContent *content = g_ptr_array_index (self->items, i - 1);

      if (!is_in_a_plan (content))
        changed |= set_one (self, content, FALSE);
    }
  if (changed)
    emit_changed (self, old_n);

  return G_SOURCE_REMOVE;
}

/* Forgets the items that are no longer in any plan (deleted), soon after the lists changed. */
static void
cycle_selected_content_prune (CycleSelectedContent *self)
{
  g_return_if_fail (CYCLE_IS_SELECTED_CONTENT (self));

  /* A move takes an item out of one list before it puts it in the other: look once it is over. */
  if (self->prune_id == 0 && self->items->len > 0)
    self->prune_id = g_idle_add_full (G_PRIORITY_DEFAULT, prune_cb, self, NULL);
}

/* ------------------------------------------------------------------------------------------------
 * The selection model of one list
 */

struct _CycleContentSelection
{
  GObject               parent_instance;

  GListModel           *model;
  CycleSelectedContent *set;
  /* Set while this model changes the set itself: it tells its own view what changed. */
  guint                 changing;
  /* A click without Ctrl or Shift is under way: it replaces the whole set (see
   * selection_set_selection) */
  guint                 plain_click : 1;
  guint                 plain_click_id;
};

static void cycle_content_selection_list_init      (GListModelInterface         *iface);
static void cycle_content_selection_selection_init (GtkSelectionModelInterface  *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CycleContentSelection, cycle_content_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cycle_content_selection_list_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      cycle_content_selection_selection_init))

static GType
selection_get_item_type (GListModel *model)
{
  return CYCLE_TYPE_CONTENT;
}

static guint
selection_get_n_items (GListModel *model)
{
  CycleContentSelection *self = CYCLE_CONTENT_SELECTION (model);

  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static gpointer
selection_get_item (GListModel *model,
                    guint       position)
{
  CycleContentSelection *self = CYCLE_CONTENT_SELECTION (model);

  return self->model != NULL ? g_list_model_get_item (self->model, position) : NULL;
}

static void
cycle_content_selection_list_init (GListModelInterface *iface)
{
  iface->get_item_type = selection_get_item_type;
  iface->get_n_items = selection_get_n_items;
  iface->get_item = selection_get_item;
}

static gboolean
selection_is_selected (GtkSelectionModel *model,
                       guint              position)
{
  CycleContentSelection *self = CYCLE_CONTENT_SELECTION (model);
  g_autoptr(CycleContent) content = NULL;

  if (self->model == NULL || cycle_selected_content_get_count (self->set) == 0)
    return FALSE;
  content = g_list_model_get_item (self->model, position);
  return cycle_selected_content_contains (self->set, content);
}

/* GtkListBase asks through set_selection for everything: a plain click or Shift+click selects
 * with a mask of the whole list ("this and nothing else"), Ctrl+click with a mask of one row. */
static gboolean
selection_set_selection (GtkSelectionModel *model,
                         GtkBitset         *selected,
                         GtkBitset         *mask)
{
  CycleContentSelection *self = CYCLE_CONTENT_SELECTION (model);
  CycleSelectedContent *set = self->set;
  guint n = selection_get_n_items (G_LIST_MODEL (self));
  guint old_n = set->items->len;
  gboolean changed = FALSE;
  GtkBitsetIter iter;
  guint position;

  if (n == 0)
    return TRUE;

  self->changing++;

  /* The whole list: the rest of the set (other columns, hidden rows) goes too. A list of one
   * item cannot tell a Ctrl+click from a click by the mask: the click says. */
  if (gtk_bitset_get_size (mask) >= n && old_n > 0 && (n > 1 || self->plain_click))
    {
      g_hash_table_remove_all (set->lookup);
      g_ptr_array_set_size (set->items, 0);
      changed = TRUE;
    }

  for (gboolean more = gtk_bitset_iter_init_first (&iter, mask, &position);
       more && position < n;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(CycleContent) content = g_list_model_get_item (self->model, position);

      if (content != NULL)
        changed |= set_one (set, content, gtk_bitset_contains (selected, position));
    }

  if (changed)
    emit_changed (set, old_n);

  self->changing--;

  /* The view repaints the rows of the mask (and, after a whole-list change, all of them). */
  if (changed)
    {
      guint first = gtk_bitset_get_minimum (mask);
      guint last = MIN (gtk_bitset_get_maximum (mask), n - 1);

      if (gtk_bitset_get_size (mask) >= n)
        first = 0, last = n - 1;
      gtk_selection_model_selection_changed (model, first, last - first + 1);
    }

  return TRUE;
}

static void
cycle_content_selection_selection_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = selection_is_selected;
  iface->set_selection = selection_set_selection;
}

/* Another list (or the owner) changed the set: every row of this one may have changed. */
static void
on_set_changed_cb (CycleContentSelection *self)
{
  guint n = selection_get_n_items (G_LIST_MODEL (self));

  if (self->changing == 0 && n > 0)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, n);
}

static void
on_items_changed_cb (CycleContentSelection *self,
                     guint                  position,
                     guint                  removed,
                     guint                  added,
                     GListModel            *model)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed > 0)
    cycle_selected_content_prune (self->set);
}

static gboolean
end_plain_click_cb (gpointer user_data)
{
  CycleContentSelection *self = user_data;

  self->plain_click = FALSE;
  self->plain_click_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_pressed_cb (GtkGestureClick       *gesture,
               int                    n_press,
               double                 x,
               double                 y,
               CycleContentSelection *self)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  self->plain_click = (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) == 0;
}

static void
on_released_cb (GtkGestureClick       *gesture,
                int                    n_press,
                double                 x,
                double                 y,
                CycleContentSelection *self)
{
  /* The row may select on release, after this (capture phase) handler */
  if (self->plain_click && self->plain_click_id == 0)
    self->plain_click_id = g_idle_add_full (G_PRIORITY_DEFAULT, end_plain_click_cb,
                                            g_object_ref (self), g_object_unref);
}

static void
on_stopped_cb (GtkGestureClick       *gesture,
               CycleContentSelection *self)
{
  on_released_cb (gesture, 1, 0, 0, self);
}

void
cycle_content_selection_watch_clicks (CycleContentSelection *self,
                                      GtkWidget             *list)
{
  GtkGesture *click;

  g_return_if_fail (CYCLE_IS_CONTENT_SELECTION (self));
  g_return_if_fail (GTK_IS_WIDGET (list));

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pressed_cb), self, 0);
  g_signal_connect_object (click, "released", G_CALLBACK (on_released_cb), self, 0);
  g_signal_connect_object (click, "stopped", G_CALLBACK (on_stopped_cb), self, 0);
  gtk_widget_add_controller (list, GTK_EVENT_CONTROLLER (click));
}

static void
cycle_content_selection_set_model (CycleContentSelection *self,
                                   GListModel            *model)
{
  guint old_n, new_n;

  g_return_if_fail (CYCLE_IS_CONTENT_SELECTION (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  old_n = selection_get_n_items (G_LIST_MODEL (self));
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                             G_CONNECT_SWAPPED);
  new_n = selection_get_n_items (G_LIST_MODEL (self));

  if (old_n > 0 || new_n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, new_n);
}

CycleSelectedContent *
cycle_content_selection_get_set (CycleContentSelection *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_SELECTION (self), NULL);
  return self->set;
}

static void
cycle_content_selection_dispose (GObject *object)
{
  CycleContentSelection *self = CYCLE_CONTENT_SELECTION (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_handle_id (&self->plain_click_id, g_source_remove);
  if (self->set != NULL)
    g_signal_handlers_disconnect_by_data (self->set, self);
  g_clear_object (&self->set);

  G_OBJECT_CLASS (cycle_content_selection_parent_class)->dispose (object);
}

static void
cycle_content_selection_class_init (CycleContentSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cycle_content_selection_dispose;
}

static void
cycle_content_selection_init (CycleContentSelection *self)
{
}

CycleContentSelection *
cycle_content_selection_new (GListModel           *model,
                             CycleSelectedContent *set)
{
  CycleContentSelection *self;

  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (CYCLE_IS_SELECTED_CONTENT (set), NULL);

  self = g_object_new (CYCLE_TYPE_CONTENT_SELECTION, NULL);
  self->set = g_object_ref (set);
  g_signal_connect_object (set, "changed", G_CALLBACK (on_set_changed_cb), self,
                           G_CONNECT_SWAPPED);
  cycle_content_selection_set_model (self, model);
  g_clear_object (&model);

  return self;
}
