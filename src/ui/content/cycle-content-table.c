/* cycle-content-table.c
 *
 * all content ─▶ GtkFilterListModel (the query's filter, incremental) ─▶ GtkSortListModel (the
 * sorted column's keyed sorter) ─▶ CycleContentReversed (descending) ─▶ CycleContentSelection
 * (several rows: Ctrl+click, Shift+click, Shift+arrows, Ctrl+Space, Ctrl+A) ─▶ GtkColumnView.
 * Nothing is copied: the rows are the plan's own CycleContent objects, and the
 * cells bind to them while they are shown.
 *
 * The column view's own sorter is not used to sort: in GTK 4.8 it has no keys, so every one of
 * the 1.7 million comparisons of 100 000 items would make both items' keys again (a collation key
 * for a title): seconds. Its columns get stand-in sorters instead, only to have headers to click;
 * which column is sorted, and which way, is read back from it (see apply_sort) and the sort model
 * gets that column's real sorter.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-table"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-content-bulk-bar.h"
#include "cycle-content-cell-editor.h"
#include "cycle-content-cells.h"
#include "cycle-content-clipboard.h"
#include "cycle-content-reversed.h"
#include "cycle-content-table-private.h"
#include "cycle-content-title-cell.h"


typedef enum {
  CELL_TITLE,
  CELL_TEXT,
  CELL_NAME,
  CELL_DUE,
} CellKind;

typedef struct
{
  const char            *id;
  const char            *title;
  CycleContentSort       sort;
  CellKind               kind;
  const char            *property;
  GBindingTransformFunc  transform;
  int                    width;       /* fixed width, px */
  gboolean               expand;
  gboolean               dim;
} ColumnSpec;

/* The columns people scan most come first; the call to action and what it asks for last. */
static const ColumnSpec column_specs[] = {
  { "title", N_("Title"), CYCLE_CONTENT_SORT_TITLE, CELL_TITLE, "title", NULL, 240, TRUE, FALSE },
  { "stage", N_("Stage"), CYCLE_CONTENT_SORT_STAGE, CELL_NAME, "stage", NULL, 110, FALSE, FALSE },
  { "persona", N_("Persona"), CYCLE_CONTENT_SORT_PERSONA, CELL_NAME, "persona", NULL, 120,
    FALSE, FALSE },
  { "format", N_("Format"), CYCLE_CONTENT_SORT_FORMAT, CELL_TEXT, "format",
    cycle_transform_word_to_label, 100, FALSE, FALSE },
  { "channel", N_("Channel"), CYCLE_CONTENT_SORT_CHANNEL, CELL_TEXT, "channel",
    cycle_transform_word_to_label, 95, FALSE, FALSE },
  { "status", N_("Status"), CYCLE_CONTENT_SORT_STATUS, CELL_TEXT, "status",
    cycle_transform_enum_to_label, 95, FALSE, FALSE },
  { "due", N_("Due"), CYCLE_CONTENT_SORT_DUE, CELL_DUE, "due", NULL, 105, FALSE, FALSE },
  { "owner", N_("Owner"), CYCLE_CONTENT_SORT_OWNER, CELL_TEXT, "owner", NULL, 85, FALSE, FALSE },
  { "cta", N_("Call to Action"), CYCLE_CONTENT_SORT_CTA, CELL_TEXT, "cta", NULL, 160, FALSE,
    TRUE },
  { "commitment", N_("Commitment"), CYCLE_CONTENT_SORT_COMMITMENT, CELL_TEXT, "commitment",
    cycle_transform_enum_to_label, 140, FALSE, TRUE },
  /* What the content comes to: the user's word, or else its call to action's. */
  { "direction", N_("Gives or Asks"), CYCLE_CONTENT_SORT_DIRECTION, CELL_TEXT,
    "effective-direction", cycle_transform_enum_to_label, 110, FALSE, TRUE },
};

G_STATIC_ASSERT (G_N_ELEMENTS (column_specs) == CYCLE_CONTENT_TABLE_N_COLUMNS);

/* The fields edited in place, in the order Tab goes through them: the title in its cell, the
 * others in the cell editor (-1: the title) */
static const struct {
  int column;
  int field;
} editable_columns[] = {
  { 0, -1 },
  { 1, CYCLE_CELL_FIELD_STAGE },
  { 2, CYCLE_CELL_FIELD_PERSONA },
  { 5, CYCLE_CELL_FIELD_STATUS },
  { 6, CYCLE_CELL_FIELD_DUE },
  { 7, CYCLE_CELL_FIELD_OWNER },
};

static void edit_field (CycleContentTable *self,
                        CycleContent      *content,
                        guint              editable);

G_DEFINE_FINAL_TYPE (CycleContentTable, cycle_content_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Its signals ("edit-content", "show-on-board", "removed", "removed-many") are emitted by the
 * actions on the rows, in cycle-content-table-rows.c. */

guint
_cycle_content_table_find_position (GListModel *model,
                                    gpointer    item)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) it = g_list_model_get_item (model, i);

      if (it == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

const char *
_cycle_content_table_column_id (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (column_specs), NULL);

  return column_specs[i].id;
}


/* ------------------------------------------------------------------------------------------------
 * Cells
 */

static void
on_field_move_cb (CycleContentTable *self,
                  CycleContent      *content,
                  int                direction,
                  GObject           *from)
{
  guint i = 0;

  /* Where the Tab came from: the title cell, or the cell editor's field */
  if (CYCLE_IS_CONTENT_CELL_EDITOR (from))
    {
      int field = cycle_content_cell_editor_get_field (CYCLE_CONTENT_CELL_EDITOR (from));

      while (i < G_N_ELEMENTS (editable_columns) && editable_columns[i].field != field)
        i++;
    }

  if ((direction < 0 && i == 0) || (direction > 0 && i + 1 >= G_N_ELEMENTS (editable_columns)))
    return;
  edit_field (self, content, direction < 0 ? i - 1 : i + 1);
}

/* A title cell may go without a teardown that still holds it (GTK 4.8 clears a list item's child
 * first): the table forgets it when it is finalized. */
static void
title_cell_gone_cb (gpointer  data,
                    GObject  *cell)
{
  CycleContentTable *self = data;

  if (self->title_cells != NULL)
    g_hash_table_remove (self->title_cells, cell);
}

static void
forget_title_cells (CycleContentTable *self)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->title_cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    {
      g_object_weak_unref (cell, title_cell_gone_cb, self);
      g_hash_table_iter_remove (&iter);
    }
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  CycleContentTable        *self)
{
  const ColumnSpec *spec = g_object_get_data (G_OBJECT (factory), "cycle-column-spec");
  GtkWidget *child;

  if (spec->kind == CELL_TITLE)
    {
      child = cycle_content_title_cell_new ();
      /* A renamed row may no longer match the search, or sort elsewhere: the content view
       * refreshes the table after each edit (see refresh_table_cb ()). */
      g_hash_table_add (self->title_cells, child);
      g_object_weak_ref (G_OBJECT (child), title_cell_gone_cb, self);
      g_signal_connect_object (child, "move", G_CALLBACK (on_field_move_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      /* Not a GtkLabel: see cycle-text-cell.h */
      child = cycle_text_cell_new ();
      if (spec->dim)
        gtk_widget_add_css_class (child, "dim-label");
      if (spec->kind == CELL_DUE)
        gtk_widget_add_css_class (child, "numeric");

      if (spec->kind == CELL_NAME)
        g_object_set_data_full (G_OBJECT (list_item), "cycle-watch",
                                cycle_cell_watch_new_name (CYCLE_TEXT_CELL (child),
                                                           spec->property, NULL),
                                (GDestroyNotify) cycle_cell_watch_free);
      else if (spec->kind == CELL_DUE)
        g_object_set_data_full (G_OBJECT (list_item), "cycle-watch",
                                cycle_cell_watch_new_due (CYCLE_TEXT_CELL (child)),
                                (GDestroyNotify) cycle_cell_watch_free);
    }

  /* Borrowed: lets a click find its row (see row_at), and the cell editor its cell. */
  g_object_set_data (G_OBJECT (child), "cycle-list-item", list_item);
  g_object_set_data (G_OBJECT (child), "cycle-column", GINT_TO_POINTER (spec - column_specs + 1));
  gtk_list_item_set_child (list_item, child);
}

static void
on_cell_teardown_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     CycleContentTable        *self)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (self->title_cells != NULL && child != NULL && g_hash_table_remove (self->title_cells, child))
    g_object_weak_unref (G_OBJECT (child), title_cell_gone_cb, self);
  g_object_set_data (G_OBJECT (list_item), "cycle-watch", NULL);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 CycleContentTable        *self)
{
  const ColumnSpec *spec = g_object_get_data (G_OBJECT (factory), "cycle-column-spec");
  CycleContent *content = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GBinding *binding;

  switch (spec->kind)
    {
    case CELL_TITLE:
      cycle_content_title_cell_set_content (CYCLE_CONTENT_TITLE_CELL (child), content);
      break;
    case CELL_TEXT:
      binding = g_object_bind_property_full (content, spec->property, child, "text",
                                             G_BINDING_SYNC_CREATE,
                                             spec->transform, NULL, NULL, NULL);
      g_object_set_data (G_OBJECT (list_item), "cycle-binding", binding);
      break;
    case CELL_NAME:
    case CELL_DUE:
      cycle_cell_watch_bind (g_object_get_data (G_OBJECT (list_item), "cycle-watch"), content);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
on_cell_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   CycleContentTable        *self)
{
  const ColumnSpec *spec = g_object_get_data (G_OBJECT (factory), "cycle-column-spec");
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GBinding *binding;

  switch (spec->kind)
    {
    case CELL_TITLE:
      cycle_content_title_cell_set_content (CYCLE_CONTENT_TITLE_CELL (child), NULL);
      break;
    case CELL_TEXT:
      binding = g_object_steal_data (G_OBJECT (list_item), "cycle-binding");
      if (binding != NULL)
        g_binding_unbind (binding);
      break;
    case CELL_NAME:
    case CELL_DUE:
      cycle_cell_watch_unbind (g_object_get_data (G_OBJECT (list_item), "cycle-watch"));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* A column's stand-in sorter: never sorts, only tells apply_sort () it was asked first. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Probe *probe = user_data;

  if (probe->self->probed_column < 0)
    probe->self->probed_column = probe->column;
  return GTK_ORDERING_SMALLER;
}

/* Gives the sort model the sorter of the column the person sorted by, in their direction. The
 * column view's sorter compares by its first column first: asked to compare two items, the
 * stand-in it asks first is that column's, and an inverted answer means descending. */
static void
apply_sort (CycleContentTable *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkSorter *real = NULL;
  gboolean descending = FALSE;

  if (gtk_sorter_get_order (sorter) != GTK_SORTER_ORDER_NONE)
    {
      GtkOrdering order;

      self->probed_column = -1;
      order = gtk_sorter_compare (sorter, self->probe_a, self->probe_b);
      if (self->probed_column >= 0)
        {
          real = self->sorters[self->probed_column];
          descending = order == GTK_ORDERING_LARGER;
        }
    }

  cycle_content_reversed_hold (self->reversed);
  if (gtk_sort_list_model_get_sorter (self->sort_model) != real)
    gtk_sort_list_model_set_sorter (self->sort_model, real);
  cycle_content_reversed_set_reversed (self->reversed, real != NULL && descending);
  cycle_content_reversed_release (self->reversed);

  _cycle_content_table_sort_changed (self, real != NULL ? self->probed_column : -1, descending);
}

static void
on_sorter_changed_cb (CycleContentTable *self)
{
  apply_sort (self);
}

static void
add_columns (CycleContentTable *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    {
      const ColumnSpec *spec = &column_specs[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "cycle-column-spec", (gpointer) spec);
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), self);
      g_signal_connect (factory, "teardown", G_CALLBACK (on_cell_teardown_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbind_cb), self);

      column = gtk_column_view_column_new (_(spec->title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, spec->expand);
      gtk_column_view_column_set_fixed_width (column, spec->width);

      /* The stage column sorts in the plan's order of stages: its sorter comes with the plan. */
      if (spec->sort != CYCLE_CONTENT_SORT_STAGE)
        self->sorters[i] = cycle_content_sorter_new (spec->sort, NULL);

      {
        g_autoptr(GtkCustomSorter) probe = NULL;

        self->probes[i].self = self;
        self->probes[i].column = i;
        probe = gtk_custom_sorter_new (probe_compare, &self->probes[i], NULL);
        gtk_column_view_column_set_sorter (column, GTK_SORTER (probe));
      }

      gtk_column_view_append_column (self->column_view, column);
      self->columns[i] = column;
      g_object_unref (column);
    }
}

/* GTK 4.8 clips a column's title that is wider than its column, with no "…" and no tooltip
 * (French « Responsable », « Appel à l’action »). Once the header has its style, each column
 * is made at least as wide as its title, and a title that a narrower resize cuts ends with "…",
 * whole in its tooltip. GtkColumnViewTitle has no API for its label in 4.8: the labels are
 * found in the header (the column view's first child) by their text. */
/* Adwaita's padding of a column title's button, both sides, and some air. */
#define HEADER_PADDING 12

static void
fit_header_label (CycleContentTable *self,
                  GtkWidget         *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fit_header_label (self, child);

  if (!GTK_IS_LABEL (widget))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    {
      const char *title = _(column_specs[i].title);
      GtkWidget *box = gtk_widget_get_parent (widget);
      int natural = 0;

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), title) != 0)
        continue;

      gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (widget, title);

      /* The label and the sort arrow (their box; the title button itself answers with the
       * column's width), and the button's padding. */
      gtk_widget_measure (box != NULL ? box : widget, GTK_ORIENTATION_HORIZONTAL, -1,
                          NULL, &natural, NULL, NULL);
      natural += HEADER_PADDING;
      if (natural > gtk_column_view_column_get_fixed_width (self->columns[i]))
        gtk_column_view_column_set_fixed_width (self->columns[i], natural);
      return;
    }
}

static void
on_column_view_map_cb (GtkWidget         *column_view,
                       CycleContentTable *self)
{
  GtkWidget *header = gtk_widget_get_first_child (column_view);

  g_signal_handlers_disconnect_by_func (column_view, on_column_view_map_cb, self);
  if (header != NULL)
    fit_header_label (self, header);
}

/* ------------------------------------------------------------------------------------------------
 * Counting, and what to show when nothing matches
 */

void
_cycle_content_table_update_status (CycleContentTable *self)
{
  guint total = self->plan != NULL
                ? g_list_model_get_n_items (cycle_plan_get_all_content (self->plan)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->reversed));
  guint pending = gtk_filter_list_model_get_pending (self->filter_model);
  g_autofree char *text = NULL;

  if (shown == total)
    /* Translators: the number of pieces of content in the table */
    text = g_strdup_printf (ngettext ("%u item", "%u items", total), total);
  else
    /* Translators: pieces of content shown by the filters, out of all of them */
    text = g_strdup_printf (ngettext ("%u of %u item", "%u of %u items", total), shown, total);
  gtk_label_set_label (self->count_label, text);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), pending > 0);
  gtk_spinner_set_spinning (self->spinner, pending > 0);

  if (total == 0)
    gtk_stack_set_visible_child_name (self->stack, "none");
  else if (shown == 0 && pending == 0)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->stack, "table");
}

static void
on_rows_changed_cb (CycleContentTable *self)
{
  _cycle_content_table_update_status (self);
}

/* ------------------------------------------------------------------------------------------------
 * Editing in place
 */

/* Opens the field editable_columns[@editable] of @content where it shows. */
static void
edit_field (CycleContentTable *self,
            CycleContent      *content,
            guint              editable)
{
  int column = editable_columns[editable].column;
  GtkWidget *cell = _cycle_content_table_find_cell (GTK_WIDGET (self->column_view), content,
                                                    column);
  graphene_rect_t bounds;

  if (cell == NULL || !gtk_widget_compute_bounds (cell, GTK_WIDGET (self), &bounds))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  if (editable_columns[editable].field < 0)
    {
      cycle_content_title_cell_start_editing (CYCLE_CONTENT_TITLE_CELL (cell));
      return;
    }

  cycle_content_cell_editor_edit (self->cell_editor, content, editable_columns[editable].field,
                                  &(GdkRectangle) { bounds.origin.x, bounds.origin.y,
                                                    bounds.size.width, bounds.size.height });
}

/* ------------------------------------------------------------------------------------------------
 * API
 */

CyclePlan *
cycle_content_table_get_plan (CycleContentTable *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_TABLE (self), NULL);
  return self->plan;
}

void
cycle_content_table_set_plan (CycleContentTable *self,
                              CyclePlan         *plan)
{
  g_autoptr(GListStore) all_stages = NULL;
  g_autoptr(GListStore) placeholders = NULL;
  g_autoptr(GtkSorter) stage_sorter = NULL;
  GListModel *all;

  g_return_if_fail (CYCLE_IS_CONTENT_TABLE (self));
  g_return_if_fail (plan == NULL || CYCLE_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  self->syncing++;
  cycle_content_query_reset (self->query);

  g_set_object (&self->plan, plan);
  cycle_content_bulk_bar_set_plan (self->bulk_bar, plan);
  all = plan != NULL ? cycle_plan_get_all_content (plan) : NULL;
  gtk_filter_list_model_set_model (self->filter_model, all);
  g_signal_group_set_target (self->all_content_signals, all);

  g_list_store_remove_all (self->stage_sources);
  all_stages = g_list_store_new (CYCLE_TYPE_STAGE);
  g_list_store_append (all_stages, self->all_stages);
  g_list_store_append (self->stage_sources, all_stages);

  g_list_store_remove_all (self->persona_sources);
  placeholders = g_list_store_new (CYCLE_TYPE_PERSONA);
  g_list_store_append (placeholders, self->all_personas);
  g_list_store_append (placeholders, self->no_persona);
  g_list_store_append (self->persona_sources, placeholders);

  if (plan != NULL)
    {
      g_list_store_append (self->stage_sources, cycle_plan_get_stages (plan));
      g_list_store_append (self->persona_sources, cycle_plan_get_personas (plan));
      stage_sorter = cycle_content_sorter_new (CYCLE_CONTENT_SORT_STAGE, plan);
    }
  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    if (column_specs[i].sort == CYCLE_CONTENT_SORT_STAGE)
      {
        g_clear_object (&self->sorters[i]);
        self->sorters[i] = g_steal_pointer (&stage_sorter);
      }
  /* The sort model may hold the previous plan's stage sorter. */
  gtk_sort_list_model_set_sorter (self->sort_model, NULL);
  apply_sort (self);

  self->syncing--;

  _cycle_content_table_sync_filters (self);
  _cycle_content_table_update_status (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

CycleContentQuery *
cycle_content_table_get_query (CycleContentTable *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_TABLE (self), NULL);
  return self->query;
}

GListModel *
cycle_content_table_get_rows (CycleContentTable *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_TABLE (self), NULL);
  return G_LIST_MODEL (self->reversed);
}

guint
cycle_content_table_get_pending (CycleContentTable *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_TABLE (self), 0);

  return gtk_filter_list_model_get_pending (self->filter_model) +
         gtk_sort_list_model_get_pending (self->sort_model);
}

void
cycle_content_table_refresh (CycleContentTable *self)
{
  GtkSorter *sorter;

  g_return_if_fail (CYCLE_IS_CONTENT_TABLE (self));

  if (self->query == NULL)
    return;

  cycle_content_query_refresh (self->query);

  /* The sort model keeps the keys it made (a title's collation key) for as long as the sorter's
   * keys stay compatible: only a sorter set anew makes it look at the items again. */
  sorter = gtk_sort_list_model_get_sorter (self->sort_model);
  if (sorter != NULL)
    {
      g_autoptr(GtkSorter) hold = g_object_ref (sorter);

      gtk_sort_list_model_set_sorter (self->sort_model, NULL);
      gtk_sort_list_model_set_sorter (self->sort_model, hold);
    }
}

void
cycle_content_table_focus_search (CycleContentTable *self)
{
  g_return_if_fail (CYCLE_IS_CONTENT_TABLE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

static void
cycle_content_table_dispose (GObject *object)
{
  CycleContentTable *self = CYCLE_CONTENT_TABLE (object);

  g_clear_handle_id (&self->channels_id, g_source_remove);

  /* Removing the columns changes the sorter: nothing may reach the widgets going away. */
  if (self->reversed != NULL)
    g_signal_handlers_disconnect_by_data (self->reversed, self);
  if (self->sort_model != NULL)
    g_signal_handlers_disconnect_by_data (self->sort_model, self);
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->selected != NULL)
    g_signal_handlers_disconnect_by_data (self->selected, self);
  if (self->query != NULL)
    g_signal_handlers_disconnect_by_data (self->query, self);

  /* Unbinds the rows while the table can still take the calls. */
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->all_content_signals != NULL)
    g_signal_group_set_target (self->all_content_signals, NULL);
  g_clear_pointer (&self->row_menu, gtk_widget_unparent);
  g_clear_object (&self->sort_actions);
  if (self->cell_editor != NULL)
    g_signal_handlers_disconnect_by_data (self->cell_editor, self);
  g_clear_pointer ((GtkWidget **) &self->cell_editor, gtk_widget_unparent);
  if (self->bulk_bar != NULL)
    cycle_content_bulk_bar_set_plan (self->bulk_bar, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_CONTENT_TABLE);
  /* Template children without an id are not the template's to clear. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  if (self->title_cells != NULL)
    forget_title_cells (self);
  g_clear_pointer (&self->title_cells, g_hash_table_unref);
  g_clear_object (&self->all_content_signals);
  g_clear_object (&self->selection);
  g_clear_object (&self->selected);
  g_clear_object (&self->reversed);
  g_clear_object (&self->sort_model);
  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    g_clear_object (&self->sorters[i]);
  g_clear_object (&self->probe_a);
  g_clear_object (&self->probe_b);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->query);
  g_clear_object (&self->stage_sources);
  g_clear_object (&self->persona_sources);
  g_clear_object (&self->all_stages);
  g_clear_object (&self->all_personas);
  g_clear_object (&self->no_persona);
  g_clear_object (&self->channel_labels);
  g_clear_pointer (&self->channel_words, g_ptr_array_unref);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cycle_content_table_parent_class)->dispose (object);
}

static void
cycle_content_table_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CycleContentTable *self = CYCLE_CONTENT_TABLE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_QUERY:
      g_value_set_object (value, self->query);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_content_table_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CycleContentTable *self = CYCLE_CONTENT_TABLE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      cycle_content_table_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_content_table_class_init (CycleContentTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_content_table_dispose;
  object_class->get_property = cycle_content_table_get_property;
  object_class->set_property = cycle_content_table_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CYCLE_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, CYCLE_TYPE_CONTENT_QUERY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A row was activated (double-click, Enter) or "Edit…" chosen. */
  g_signal_new ("edit-content", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, CYCLE_TYPE_CONTENT);
  g_signal_new ("show-on-board", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, CYCLE_TYPE_CONTENT);
  /* The table deleted a piece of content (undo brings it back). */
  g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, CYCLE_TYPE_CONTENT);
  /* The table deleted several pieces of content at once: how many. */
  g_signal_new ("removed-many", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (CYCLE_TYPE_QUICK_ADD);
  g_type_ensure (CYCLE_TYPE_CONTENT_BULK_BAR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-content-table.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleContentTable, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CycleContentTable, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CycleContentTable, persona_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CycleContentTable, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CycleContentTable, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CycleContentTable, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, CycleContentTable, quick_add);
  gtk_widget_class_bind_template_child (widget_class, CycleContentTable, stack);
  gtk_widget_class_bind_template_child (widget_class, CycleContentTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, CycleContentTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, CycleContentTable, count_label);
  gtk_widget_class_bind_template_child (widget_class, CycleContentTable, bulk_bar);
  gtk_widget_class_bind_template_child (widget_class, CycleContentTable, spinner);
  gtk_widget_class_bind_template_child (widget_class, CycleContentTable, sort_button);
  gtk_widget_class_bind_template_child_full (widget_class, "row_menu", FALSE,
                                             G_STRUCT_OFFSET (CycleContentTable, row_menu_model));
  _cycle_content_table_class_init_filters (widget_class);

  _cycle_content_table_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "contenttable");
}

static void
cycle_content_table_init (CycleContentTable *self)
{
  GtkFilter *filter;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->title_cells = g_hash_table_new (NULL, NULL);
  self->query = cycle_content_query_new ();

  filter = cycle_content_query_get_filter (self->query);
  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (filter));
  /* 100 000 items are filtered a slice a frame, never in one frame. */
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              NULL);
  self->reversed = cycle_content_reversed_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  self->selected = cycle_selected_content_new ();
  self->selection = cycle_content_selection_new (g_object_ref (G_LIST_MODEL (self->reversed)),
                                                 self->selected);
  self->probe_a = cycle_content_new ("a");
  self->probe_b = cycle_content_new ("b");
  add_columns (self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->column_view, "map", G_CALLBACK (on_column_view_map_cb), self);
  cycle_content_selection_watch_clicks (self->selection, GTK_WIDGET (self->column_view));

  g_signal_connect_object (self->reversed, "items-changed",
                           G_CALLBACK (on_rows_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending",
                           G_CALLBACK (on_rows_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selected, "changed",
                           G_CALLBACK (_cycle_content_table_on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  cycle_content_bulk_bar_set_selected (self->bulk_bar, self->selected);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "bulk",
                                  cycle_content_bulk_bar_get_actions (self->bulk_bar));
  g_signal_connect_object (self->bulk_bar, "removed",
                           G_CALLBACK (_cycle_content_table_on_bulk_removed), self,
                           G_CONNECT_SWAPPED);

  _cycle_content_table_init_filters (self);
  _cycle_content_table_init_sort (self);

  /* Rows; what the selection can do, under the row's own items */
  g_menu_append_section (G_MENU (self->row_menu_model), NULL,
                         cycle_content_bulk_bar_get_menu (self->bulk_bar));
  self->row_menu = gtk_popover_menu_new_from_model (self->row_menu_model);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->row_menu), FALSE);
  gtk_widget_set_halign (self->row_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->row_menu, GTK_WIDGET (self));

  /* The fields edited in place but for the title */
  self->cell_editor = CYCLE_CONTENT_CELL_EDITOR (cycle_content_cell_editor_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->cell_editor), GTK_WIDGET (self));
  g_signal_connect_object (self->cell_editor, "move", G_CALLBACK (on_field_move_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cell_editor, "closed",
                           G_CALLBACK (_cycle_content_table_on_cell_editor_closed),
                           self, G_CONNECT_SWAPPED);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (_cycle_content_table_on_secondary_click),
                    self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.clear-filters", FALSE);
  _cycle_content_table_on_selection_changed (self);
  _cycle_content_table_update_status (self);
}
