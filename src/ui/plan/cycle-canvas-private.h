/* cycle-canvas-private.h: what the files of CycleCanvas share (cycle-canvas*.c)
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-canvas.h"
#include "cycle-render.h"
#include "cycle-stage-widget.h"

G_BEGIN_DECLS

/* What the canvas's own files use, and what tests drive it through (the pointer hooks, the
 * selection of links, the rename entry, the link editor); the window uses only cycle-canvas.h. */
/* The projection on the stages: @start people entering the top, over @cycles cycles
 * (1000 and 1 by default). */
void         cycle_canvas_set_projection       (CycleCanvas     *self,
                                                double           start,
                                                guint            cycles);
void         cycle_canvas_zoom_to_fit          (CycleCanvas     *self);
void         cycle_canvas_get_pan              (CycleCanvas     *self,
                                                double          *x,
                                                double          *y);
void         cycle_canvas_set_pan              (CycleCanvas     *self,
                                                double           x,
                                                double           y);
void         cycle_canvas_canvas_to_widget     (CycleCanvas     *self,
                                                double           x,
                                                double           y,
                                                double          *widget_x,
                                                double          *widget_y);

/* Where a stage is drawn now (in canvas units), or NULL when it is not in the plan. */
const CycleStageGeometry *cycle_canvas_get_stage_geometry (CycleCanvas *self,
                                                           CycleStage  *stage);
/* (transfer container): the selected stages, or links, in the plan's order. */
GPtrArray   *cycle_canvas_get_selected_stages  (CycleCanvas     *self);
GPtrArray   *cycle_canvas_get_selected_links   (CycleCanvas     *self);
void         cycle_canvas_select_link          (CycleCanvas     *self,
                                                CycleLink       *link,
                                                CycleSelectMode  mode);
void         cycle_canvas_select_all           (CycleCanvas     *self);
void         cycle_canvas_unselect_all         (CycleCanvas     *self);
void         cycle_canvas_duplicate_selection  (CycleCanvas     *self);
/* Moves the selected stages by @dx, @dy canvas units (free layout), or one place along their
 * lane (computed layouts: by the sign of the larger of the two). */
void         cycle_canvas_nudge_selection      (CycleCanvas     *self,
                                                double           dx,
                                                double           dy);
void         cycle_canvas_set_selection_lane   (CycleCanvas     *self,
                                                CycleLane        lane);
/* The kind a new link from @source to @target gets: mapping when the lanes differ, loop when
 * @target comes before @source in the plan, next otherwise. */
CycleLinkKind cycle_canvas_default_link_kind   (CyclePlan       *plan,
                                                CycleStage      *source,
                                                CycleStage      *target);
/* Links @source to @target with the default kind (the existing link when there is one). */
CycleLink   *cycle_canvas_connect              (CycleCanvas     *self,
                                                CycleStage      *source,
                                                CycleStage      *target);
/* The entry while renaming, else NULL. */
GtkEditable *cycle_canvas_get_rename_entry     (CycleCanvas     *self);
/* The list of stages that the selected stage can be linked to ("Connect to…"). */
void         cycle_canvas_show_connect         (CycleCanvas     *self);
/* The link editor (a CycleLinkEditor), once opened; else NULL. */
GtkWidget   *cycle_canvas_get_link_editor      (CycleCanvas     *self);
/* The context menu of the selected stage, or of the selected link. */
void         cycle_canvas_show_context_menu    (CycleCanvas     *self);

/* What the pointer gestures do, at widget coordinates; tests drive a drag through these.
 * @button 1 selects, moves, connects (from a handle) or draws a rubber band; 2 pans. */
void         cycle_canvas_pointer_press        (CycleCanvas     *self,
                                                guint            button,
                                                double           x,
                                                double           y,
                                                GdkModifierType  state);
void         cycle_canvas_pointer_drag         (CycleCanvas     *self,
                                                double           offset_x,
                                                double           offset_y);
void         cycle_canvas_pointer_release      (CycleCanvas     *self);

#define CYCLE_CANVAS_MIN_ZOOM 0.1
#define CYCLE_CANVAS_MAX_ZOOM 4.0

typedef enum {
  DRAG_NONE,
  /* Pressed on a stage: a move once the pointer goes past the threshold. */
  DRAG_MOVE_PENDING,
  DRAG_MOVE,
  DRAG_CONNECT,
  DRAG_RUBBER_BAND,
  DRAG_PAN,
} DragMode;

typedef struct
{
  CycleStage *stage;
  double      x;
  double      y;
} DragOrigin;

/* A link of a dragged stage: its index, and its two stages' indexes. */
typedef struct
{
  guint link;
  guint from;
  guint to;
} DragLink;

struct _CycleCanvas
{
  GtkWidget           parent_instance;

  CyclePlan          *plan;
  /* The plan's checks, shared with the window: each stage shows its count of problems. */
  CycleChecker       *checker;
  /* The projection shown on the stages and sizing the funnel: people entering, cycles. */
  double              projection_start;
  guint               projection_cycles;
  GSignalGroup       *plan_signals;
  GSignalGroup       *stages_signals;
  GSignalGroup       *links_signals;

  /* One CycleStageWidget per stage, in the plan's order, and stage → widget. */
  GPtrArray          *stage_widgets;
  GHashTable         *widget_for_stage;
  /* The plan's links, in order, to let go of their signals when they leave the plan. */
  GPtrArray          *links;

  CycleRenderStyle    style;

  /* Derived from the model when it changes (never edited here). */
  CycleLayout         layout;
  CycleStageGeometry *geometry;        /* per stage, plan order */
  guint               n_geometry;
  CycleLinkPath      *paths;           /* per link, plan order */
  CycleRect          *link_bounds;
  guint               n_paths;
  CycleLaneBand       bands[2];
  guint               n_bands;
  /* What was drawn, kept from frame to frame while it does not change. */
  GHashTable         *link_nodes;      /* CycleLink → LinkNode */
  GskRenderNode      *bands_node;
  GskRenderNode      *bands_shown;
  GskTransform       *bands_view;      /* the view's transform when bands_shown was made */
  GskTransform       *view;            /* pan and zoom, as last made */
  double              view_zoom;
  double              view_pan_x;
  double              view_pan_y;
  CycleLaneBand       drawn_bands[2];
  guint               n_drawn_bands;
  CycleRect           extent;
  double             *volumes;         /* per stage; NaN when unknown */
  guint               geometry_dirty : 1;
  guint               volumes_dirty : 1;
  guint               fit_pending : 1;
  /* Fitting again when the size changes, until the view is moved by hand. */
  guint               auto_fit : 1;
  int                 fitted_width;
  int                 fitted_height;
  guint               layout_hint_shown : 1;
  guint               focus_from_pointer : 1;
  guint               links_text_id;
  guint               zoom_label_id;

  /* The view */
  double              zoom;
  double              pan_x;
  double              pan_y;
  double              pointer_x;
  double              pointer_y;

  /* Selection: plain pointers, dropped when the items leave the plan. */
  GHashTable         *selected_stages;
  GHashTable         *selected_links;
  CycleStage         *anchor;
  CycleStage         *hover;

  /* The gesture under way */
  DragMode            drag;
  guint               drag_button;
  double              drag_start_x;    /* widget coordinates */
  double              drag_start_y;
  double              drag_start_pan_x;
  double              drag_start_pan_y;
  CycleStage         *drag_stage;
  GArray             *drag_origins;    /* DragOrigin */
  GArray             *drag_routing;    /* DragLink; NULL when every link is routed */
  gboolean            drag_group_open;
  gboolean            drag_collapse;   /* a click on a selected stage selects only it */
  double              drag_dx;         /* computed layouts: how far the stage follows */
  double              drag_dy;
  CycleLink          *preview_link;    /* connecting: not in the plan */
  CycleStage         *connect_target;
  CyclePoint          connect_point;
  CycleRect           rubber;
  GHashTable         *rubber_base;

  /* Children other than the stages */
  GtkWidget          *rubber_band;
  GtkWidget          *rename_entry;
  CycleStage         *renaming;
  GtkWidget          *zoom_bar;
  GtkWidget          *zoom_label;
  GtkWidget          *context_menu;
  CycleLink          *menu_link;
  /* The link editor popover; the link a plain click pressed on, which it opens on release; the
   * widget that had the focus before it opened, which gets it back (weak). */
  GtkWidget          *link_editor;
  CycleLink          *press_link;
  GtkWidget          *link_editor_return;
  GtkWidget          *connect_popover;
};

typedef enum {
  CANVAS_PROP_0,
  CANVAS_PROP_PLAN,
  CANVAS_PROP_ZOOM,
  CANVAS_PROP_SELECTED_STAGE,
  CANVAS_PROP_HAS_SELECTION,
  CANVAS_PROP_SELECTION_LANE,
  CANVAS_PROP_MENU_LINK_KIND,
  CANVAS_PROP_CHECKER,
  CANVAS_PROP_PROJECTION_START,
  CANVAS_PROP_PROJECTION_CYCLES,
  CANVAS_N_PROPS
} CanvasProp;

enum {
  CANVAS_SIGNAL_STAGE_ACTIVATED,
  CANVAS_SIGNAL_MESSAGE,
  CANVAS_N_SIGNALS
};

/* cycle-canvas.c */
/* The property and signal tables stay in cycle-canvas.c; the other files go through these. */
void              _cycle_canvas_notify            (CycleCanvas  *self,
                                                   CanvasProp    prop);
void              _cycle_canvas_emit_stage_activated (CycleCanvas *self,
                                                      CycleStage  *stage);
void              _cycle_canvas_invalidate_geometry (CycleCanvas *self);
gboolean          _cycle_canvas_rects_intersect   (const CycleRect *a,
                                                   const CycleRect *b);
/* The part of the canvas the widget shows, in canvas units. */
void              _cycle_canvas_visible_area      (CycleCanvas  *self,
                                                   CycleRect    *area);
void              _cycle_canvas_widget_to_canvas  (CycleCanvas  *self,
                                                   double        x,
                                                   double        y,
                                                   double       *cx,
                                                   double       *cy);
void              _cycle_canvas_ensure_geometry   (CycleCanvas  *self);
int               _cycle_canvas_stage_index       (CycleCanvas  *self,
                                                   CycleStage   *stage);
CycleStageWidget *_cycle_canvas_widget_at         (CycleCanvas  *self,
                                                   guint         index);
void              _cycle_canvas_selection_changed (CycleCanvas  *self);
void              _cycle_canvas_scroll_to_stage   (CycleCanvas  *self,
                                                   CycleStage   *stage);
void              _cycle_canvas_focus_stage       (CycleCanvas  *self,
                                                   CycleStage   *stage);
void              _cycle_canvas_update_zoom_label (CycleCanvas  *self);
/* The screen rectangle of a stage, for popovers and the name entry. */
void              _cycle_canvas_stage_screen_rect (CycleCanvas  *self,
                                                   CycleStage   *stage,
                                                   GdkRectangle *rect);
/* Ends a move, connection, rubber band or pan under way, undoing it; FALSE when none was. */
gboolean          _cycle_canvas_cancel_drag       (CycleCanvas  *self);
/* The link under a point of the canvas (canvas units), or NULL: the one hit test of links. */
CycleLink        *_cycle_canvas_hit_link          (CycleCanvas  *self,
                                                   double        cx,
                                                   double        cy);
void              _cycle_canvas_message           (CycleCanvas  *self,
                                                   const char   *message,
                                                   gboolean      offer_undo);

/* cycle-canvas-view.c */
void              _cycle_canvas_measure           (GtkWidget      *widget,
                                                   GtkOrientation  orientation,
                                                   int             for_size,
                                                   int            *minimum,
                                                   int            *natural,
                                                   int            *minimum_baseline,
                                                   int            *natural_baseline);
void              _cycle_canvas_size_allocate     (GtkWidget    *widget,
                                                   int           width,
                                                   int           height,
                                                   int           baseline);
void              _cycle_canvas_shown_bounds      (CycleCanvas  *self,
                                                   guint         index,
                                                   CycleRect    *bounds);

/* cycle-canvas-selection.c */
void              _cycle_canvas_update_handles    (CycleCanvas  *self);

/* cycle-canvas-snapshot.c */
void              _cycle_canvas_snapshot          (GtkWidget    *widget,
                                                   GtkSnapshot  *snapshot);
void              _cycle_canvas_forget_drawings   (CycleCanvas  *self);
/* Frees a LinkNode, the hash table's value in link_nodes. */
void              _cycle_canvas_link_node_free    (gpointer      data);

/* cycle-canvas-pointer.c */
void              _cycle_canvas_pointer_init      (CycleCanvas  *self);
void              _cycle_canvas_start_move        (CycleCanvas  *self);
void              _cycle_canvas_stop_drag_routing (CycleCanvas  *self);

/* cycle-canvas-edit.c */
CycleLink        *_cycle_canvas_find_link          (CycleCanvas  *self,
                                                    const char   *id);
void              _cycle_canvas_rename_init        (CycleCanvas  *self);
/* Where a new stage goes: beside the selected stage, else in the middle of the view (free
 * layout), else at the margin (top-left corner, canvas units). */
void              _cycle_canvas_preferred_spot     (CycleCanvas  *self,
                                                    double       *x,
                                                    double       *y);
/* The free place for a @width × @height box nearest to (@x, @y), searching outwards ring by
 * ring: no stage within a small gap of it (canvas units). */
void              _cycle_canvas_find_free_spot     (CycleCanvas  *self,
                                                    double        x,
                                                    double        y,
                                                    double        width,
                                                    double        height,
                                                    CyclePoint   *out);

/* Selects @stages (not empty), just added, alone; the last one gets the focus, in view. */
void              _cycle_canvas_select_new_stages  (CycleCanvas  *self,
                                                    GPtrArray    *stages);

/* cycle-canvas-clipboard.c: copy, cut and paste of stages, and the plan's picture */
void              _cycle_canvas_copy_selection     (CycleCanvas  *self,
                                                    gboolean      cut);
/* Pastes the clipboard's stages beside the selection, or at (@x, @y) (canvas units) when
 * @at is TRUE, else in the middle of the view. */
void              _cycle_canvas_paste              (CycleCanvas  *self,
                                                    gboolean      at,
                                                    double        x,
                                                    double        y);

/* cycle-canvas-actions.c */
void              _cycle_canvas_class_actions_init (GtkWidgetClass *widget_class);
void              _cycle_canvas_actions_init       (CycleCanvas  *self);
void              _cycle_canvas_actions_dispose    (CycleCanvas  *self);
void              _cycle_canvas_update_actions     (CycleCanvas  *self);
void              _cycle_canvas_stop_rename        (CycleCanvas  *self,
                                                    gboolean      commit);
void              _cycle_canvas_show_menu_at       (CycleCanvas  *self,
                                                    double        x,
                                                    double        y);
CycleLane         _cycle_canvas_get_selection_lane (CycleCanvas  *self);
CycleLinkKind     _cycle_canvas_get_menu_link_kind (CycleCanvas  *self);
/* A link left the plan: its editor closes. */
void              _cycle_canvas_forget_link        (CycleCanvas  *self,
                                                    CycleLink    *link);
void              _cycle_canvas_set_menu_link_kind (CycleCanvas  *self,
                                                    CycleLinkKind kind);
/* Moves @stage to another stage's place along its lane (computed layouts). */
void              _cycle_canvas_reorder_stage      (CycleCanvas  *self,
                                                    CycleStage   *stage,
                                                    CycleStage   *into_place_of);

G_END_DECLS
