/* cycle-content-table-private.h: what the table's files share
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-content-bulk-bar.h"
#include "cycle-content-cell-editor.h"
#include "cycle-content-query.h"
#include "cycle-content-reversed.h"
#include "cycle-content-table.h"
#include "cycle-quick-add.h"

#include "cycle-content-title-cell.h"

G_BEGIN_DECLS

/* The columns of the table (column_specs in cycle-content-table.c) */
#define CYCLE_CONTENT_TABLE_N_COLUMNS 11

typedef struct
{
  CycleContentTable *self;
  int                column;
} Probe;

struct _CycleContentTable
{
  GtkWidget             parent_instance;

  CyclePlan            *plan;
  CycleContentQuery    *query;
  GtkFilterListModel   *filter_model;
  GtkSortListModel     *sort_model;
  CycleContentReversed *reversed;
  /* The real sorters of the columns, and the stand-ins the column view holds */
  GtkSorter            *sorters[CYCLE_CONTENT_TABLE_N_COLUMNS];
  Probe                 probes[CYCLE_CONTENT_TABLE_N_COLUMNS];
  int                   probed_column;
  CycleContent         *probe_a;
  CycleContent         *probe_b;
  CycleSelectedContent *selected;
  CycleContentSelection *selection;
  GSignalGroup         *all_content_signals;
  GtkColumnViewColumn  *columns[CYCLE_CONTENT_TABLE_N_COLUMNS];
  /* The title cells that exist, for renaming the selected row in place */
  GHashTable           *title_cells;
  GtkWidget            *row_menu;
  CycleContentCellEditor *cell_editor;

  /* The filters' own lists: a placeholder first ("All Stages"…), then the plan's items.
   * Placeholders are objects of no plan, never stored anywhere. */
  CycleStage           *all_stages;
  GListStore           *stage_sources;
  CyclePersona         *all_personas;
  CyclePersona         *no_persona;
  GListStore           *persona_sources;
  GtkStringList        *channel_labels;
  GPtrArray            *channel_words;   /* stored words, NULL first ("All Channels") */
  guint                 channels_id;
  /* Set while the table moves a filter to the query's value, or a list under one changes. */
  guint                 syncing;

  /* Template widgets */
  GtkSearchEntry       *search_entry;
  GtkDropDown          *stage_dropdown;
  GtkDropDown          *persona_dropdown;
  GtkDropDown          *channel_dropdown;
  GtkDropDown          *status_dropdown;
  GtkToggleButton      *overdue_button;
  CycleQuickAdd        *quick_add;
  GtkStack             *stack;
  GtkScrolledWindow    *scroller;
  GtkColumnView        *column_view;
  GtkLabel             *count_label;
  CycleContentBulkBar  *bulk_bar;
  GtkSpinner           *spinner;
  GtkMenuButton        *sort_button;
  GMenuModel           *row_menu_model;

  /* The sort menu's actions ("sort.column", "sort.order"): their states follow the headers */
  GSimpleActionGroup   *sort_actions;
};

/* cycle-content-table.c */
guint _cycle_content_table_find_position      (GListModel        *model,
                                               gpointer           item);
void  _cycle_content_table_update_status      (CycleContentTable *self);

const char *_cycle_content_table_column_id (guint i);

/* cycle-content-table-rows.c: the rows and the actions on them */
CycleContentTitleCell *_cycle_content_table_find_title_cell (CycleContentTable *self,
                                                             CycleContent      *content);
/* The cell of @content in @column under @widget, if it is on screen */
GtkWidget *_cycle_content_table_find_cell             (GtkWidget         *widget,
                                                       CycleContent      *content,
                                                       int                column);
void  _cycle_content_table_scroll_to                  (CycleContentTable *self,
                                                       guint              position);
void  _cycle_content_table_on_cell_editor_closed      (CycleContentTable *self);
void  _cycle_content_table_on_secondary_click         (GtkGestureClick   *gesture,
                                                       int                n_press,
                                                       double             x,
                                                       double             y,
                                                       CycleContentTable *self);
void  _cycle_content_table_on_selection_changed       (CycleContentTable *self);
void  _cycle_content_table_on_bulk_removed            (CycleContentTable *self,
                                                       guint              n);
void  _cycle_content_table_class_init_actions         (GtkWidgetClass    *widget_class);

/* cycle-content-table-sort.c: the sort menu */
void  _cycle_content_table_init_sort          (CycleContentTable *self);
/* What apply_sort () found: column -1 when the table is in the plan's order. */
void  _cycle_content_table_sort_changed       (CycleContentTable *self,
                                               int                column,
                                               gboolean           descending);

/* cycle-content-table-filters.c */
void  _cycle_content_table_init_filters       (CycleContentTable *self);
void  _cycle_content_table_sync_filters       (CycleContentTable *self);
void  _cycle_content_table_class_init_filters (GtkWidgetClass    *widget_class);
/* Typed titles go to the stage the table is filtered to, else to the first stage. */
void  _cycle_content_table_sync_quick_add     (CycleContentTable *self);

G_END_DECLS
