/* cycle-canvas-actions.c: what the canvas can do — its actions and keys
 *
 * Everything the mouse does has an action and a key here, so that the keyboard (and a screen
 * reader) can do all of it. The edits they run are in cycle-canvas-edit.c, the popovers and
 * menus in cycle-canvas-menus.c.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-canvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cycle-canvas-private.h"
#include "cycle-link-editor.h"

/* Alt+arrow moves the selection this far, in canvas units; an arrow pans this far, in pixels. */
#define NUDGE_STEP       8.0
#define PAN_STEP         48.0
#define ZOOM_STEP        1.25

/* ------------------------------------------------------------------------------------------------
 * Actions
 */

void
_cycle_canvas_update_actions (CycleCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_plan = self->plan != NULL;
  gboolean has_stage = self->anchor != NULL;
  gboolean has_selection = cycle_canvas_has_selection (self);
  gboolean has_stages = self->stage_widgets->len > 0;

  gtk_widget_action_set_enabled (widget, "canvas.add-stage", has_plan);
  gtk_widget_action_set_enabled (widget, "canvas.add-stage-in-lane", has_plan);
  gtk_widget_action_set_enabled (widget, "canvas.add-stage-at", has_plan);
  gtk_widget_action_set_enabled (widget, "canvas.delete", has_selection);
  gtk_widget_action_set_enabled (widget, "canvas.duplicate", has_stage);
  gtk_widget_action_set_enabled (widget, "canvas.copy", has_stage);
  gtk_widget_action_set_enabled (widget, "canvas.cut", has_stage);
  gtk_widget_action_set_enabled (widget, "canvas.paste", has_plan);
  gtk_widget_action_set_enabled (widget, "canvas.paste-at", has_plan);
  gtk_widget_action_set_enabled (widget, "canvas.copy-picture", has_plan);
  gtk_widget_action_set_enabled (widget, "canvas.rename", has_stage);
  gtk_widget_action_set_enabled (widget, "canvas.connect",
                                 has_stage && self->stage_widgets->len > 1);
  gtk_widget_action_set_enabled (widget, "canvas.activate",
                                 has_stage || g_hash_table_size (self->selected_links) == 1);
  gtk_widget_action_set_enabled (widget, "canvas.lane", has_stage);
  gtk_widget_action_set_enabled (widget, "canvas.select-all", has_stages);
  gtk_widget_action_set_enabled (widget, "canvas.nudge", has_stage);
}

/* Every way of adding a stage: its name is ready to type over, as the help says. */
static void
add_stage (CycleCanvas      *self,
           int               lane,
           const CyclePoint *at)
{
  CycleStage *added = cycle_canvas_add_stage (self, lane, at);

  if (added != NULL)
    cycle_canvas_start_rename (self, added);
}

static void
activate_selection (CycleCanvas *self)
{
  if (self->anchor != NULL)
    {
      _cycle_canvas_emit_stage_activated (self, self->anchor);
    }
  else if (g_hash_table_size (self->selected_links) == 1)
    {
      g_autoptr(GPtrArray) links = cycle_canvas_get_selected_links (self);

      cycle_canvas_edit_link (self, g_ptr_array_index (links, 0));
    }
}

static void
set_link_kind (CycleCanvas *self,
               GVariant    *parameter)
{
  const char *id = NULL, *nick = NULL;
  CycleLink *link;
  int kind;

  g_variant_get (parameter, "(&s&s)", &id, &nick);
  link = _cycle_canvas_find_link (self, id);
  if (link != NULL && cycle_enum_from_nick (CYCLE_TYPE_LINK_KIND, nick, &kind))
    cycle_link_change_kind (link, kind);
}

static void
remove_link (CycleCanvas *self,
             const char  *id)
{
  CycleLink *link = _cycle_canvas_find_link (self, id);

  if (link == NULL)
    return;

  cycle_plan_remove_link (self->plan, link);
  _cycle_canvas_message (self, _("Link removed"), TRUE);
}

/* ------------------------------------------------------------------------------------------------
 * Keys. They act only while the canvas or one of its stages has the focus: the name entry and
 * the popovers (children of the canvas too) keep their own keys.
 */

static gboolean
focus_on_canvas (CycleCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus == GTK_WIDGET (self) ||
         (focus != NULL && CYCLE_IS_STAGE_WIDGET (focus) &&
          gtk_widget_get_parent (focus) == GTK_WIDGET (self));
}

static CycleStageWidget *
focused_stage_widget (CycleCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && CYCLE_IS_STAGE_WIDGET (focus) &&
      gtk_widget_get_parent (focus) == GTK_WIDGET (self))
    return CYCLE_STAGE_WIDGET (focus);

  return NULL;
}

static gboolean
key_action_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);

  if (!focus_on_canvas (self))
    return FALSE;

  return gtk_widget_activate_action_variant (widget, g_variant_get_string (args, NULL), NULL);
}

typedef struct {
  guint            keyval;
  GdkModifierType  mods;
  const char      *action;
} CanvasKey;

/* These act only with the focus on the canvas or one of its stages. */
static const CanvasKey focus_keys[] = {
  { GDK_KEY_Delete, 0, "canvas.delete" },
  { GDK_KEY_KP_Delete, 0, "canvas.delete" },
  { GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate" },
  { GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy" },
  { GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut" },
  { GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste" },
  { GDK_KEY_Copy, 0, "canvas.copy" },
  { GDK_KEY_Cut, 0, "canvas.cut" },
  { GDK_KEY_Paste, 0, "canvas.paste" },
  { GDK_KEY_Insert, GDK_CONTROL_MASK, "canvas.copy" },
  { GDK_KEY_Insert, GDK_SHIFT_MASK, "canvas.paste" },
  { GDK_KEY_Delete, GDK_SHIFT_MASK, "canvas.cut" },
  { GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all" },
  { GDK_KEY_l, GDK_CONTROL_MASK, "canvas.connect" },
  { GDK_KEY_Return, 0, "canvas.activate" },
  { GDK_KEY_KP_Enter, 0, "canvas.activate" },
  { GDK_KEY_ISO_Enter, 0, "canvas.activate" },
  { GDK_KEY_Menu, 0, "canvas.menu" },
  { GDK_KEY_F10, GDK_SHIFT_MASK, "canvas.menu" },
};

static const CanvasKey zoom_keys[] = {
  { GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in" },
  { GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in" },
  { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in" },
  { GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out" },
  { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out" },
  { GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-fit" },
  { GDK_KEY_KP_0, GDK_CONTROL_MASK, "canvas.zoom-fit" },
};

/* The nearest stage whose centre lies in the direction (dx, dy) from the focused one: the
 * distance along the direction counts, and twice as much the distance across it. */
static CycleStage *
nearest_in_direction (CycleCanvas *self,
                      int          index,
                      int          dx,
                      int          dy)
{
  const CycleRect *from = &self->geometry[index].bounds;
  double fx = from->x + from->width / 2, fy = from->y + from->height / 2;
  CycleStage *best = NULL;
  double best_score = G_MAXDOUBLE;

  for (guint i = 0; i < self->n_geometry; i++)
    {
      const CycleRect *b = &self->geometry[i].bounds;
      double along, across, score;

      if ((int) i == index)
        continue;

      along = (b->x + b->width / 2 - fx) * dx + (b->y + b->height / 2 - fy) * dy;
      across = fabs ((b->x + b->width / 2 - fx) * dy) + fabs ((b->y + b->height / 2 - fy) * dx);
      if (along <= 0.5)
        continue;

      score = along + 2 * across;
      if (score < best_score)
        {
          best_score = score;
          best = cycle_stage_widget_get_stage (_cycle_canvas_widget_at (self, i));
        }
    }

  return best;
}

/* An arrow key: the focus goes to the nearest stage that way; with no stage focused (nothing
 * selected), the view pans. */
static void
move_focus (CycleCanvas *self,
            int          dx,
            int          dy)
{
  CycleStageWidget *focused = focused_stage_widget (self);

  if (focused == NULL)
    {
      cycle_canvas_set_pan (self, self->pan_x - dx * PAN_STEP, self->pan_y - dy * PAN_STEP);
    }
  else
    {
      CycleStage *next;
      int index;

      _cycle_canvas_ensure_geometry (self);
      index = _cycle_canvas_stage_index (self, cycle_stage_widget_get_stage (focused));
      next = index >= 0 ? nearest_in_direction (self, index, dx, dy) : NULL;
      if (next != NULL)
        gtk_widget_grab_focus (g_hash_table_lookup (self->widget_for_stage, next));
      else
        gtk_widget_error_bell (GTK_WIDGET (self));
    }
}

static gboolean
arrow_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  if (!focus_on_canvas (CYCLE_CANVAS (widget)))
    return FALSE;

  return gtk_widget_activate_action_variant (widget, user_data, args);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);

  if (_cycle_canvas_cancel_drag (self))
    return TRUE;
  if (!focus_on_canvas (self) || !cycle_canvas_has_selection (self))
    return FALSE;

  cycle_canvas_unselect_all (self);
  gtk_widget_grab_focus (widget);
  return TRUE;
}

static void
add_arrows (GtkWidgetClass  *widget_class,
            GdkModifierType  mods,
            const char      *action)
{
  static const struct {
    guint keyval;
    int   dx;
    int   dy;
  } arrows[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, 1, 0 }, { GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, 0, -1 }, { GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, 0, 1 }, { GDK_KEY_KP_Down, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (arrows[i].keyval, mods);
      GtkShortcutAction *callback = gtk_callback_action_new (arrow_cb, (gpointer) action, NULL);
      GtkShortcut *shortcut = gtk_shortcut_new (trigger, callback);

      gtk_shortcut_set_arguments (shortcut, g_variant_new ("(ii)", arrows[i].dx, arrows[i].dy));
      gtk_widget_class_add_shortcut (widget_class, shortcut);
      g_object_unref (shortcut);
    }
}

/* ------------------------------------------------------------------------------------------------
 * The actions
 */

typedef enum {
  CANVAS_ADD_STAGE,
  CANVAS_ADD_STAGE_IN_LANE,
  CANVAS_ADD_STAGE_AT,
  CANVAS_DELETE,
  CANVAS_DUPLICATE,
  CANVAS_COPY,
  CANVAS_CUT,
  CANVAS_PASTE,
  CANVAS_PASTE_AT,
  CANVAS_COPY_PICTURE,
  CANVAS_RENAME,
  CANVAS_ACTIVATE,
  CANVAS_SELECT_ALL,
  CANVAS_CONNECT,
  CANVAS_MENU,
  CANVAS_MOVE_FOCUS,
  CANVAS_NUDGE,
  CANVAS_ZOOM_IN,
  CANVAS_ZOOM_OUT,
  CANVAS_ZOOM_FIT,
  CANVAS_SET_LINK_KIND,
  CANVAS_REMOVE_LINK,
  CANVAS_EDIT_LINK,
} CanvasAction;

static const struct {
  const char *name;
  const char *parameter_type;
} canvas_actions[] = {
  [CANVAS_ADD_STAGE] = { "canvas.add-stage", NULL },
  [CANVAS_ADD_STAGE_IN_LANE] = { "canvas.add-stage-in-lane", "s" },
  [CANVAS_ADD_STAGE_AT] = { "canvas.add-stage-at", "(sdd)" },
  [CANVAS_DELETE] = { "canvas.delete", NULL },
  [CANVAS_DUPLICATE] = { "canvas.duplicate", NULL },
  [CANVAS_COPY] = { "canvas.copy", NULL },
  [CANVAS_CUT] = { "canvas.cut", NULL },
  [CANVAS_PASTE] = { "canvas.paste", NULL },
  [CANVAS_PASTE_AT] = { "canvas.paste-at", "(dd)" },
  [CANVAS_COPY_PICTURE] = { "canvas.copy-picture", NULL },
  [CANVAS_RENAME] = { "canvas.rename", NULL },
  [CANVAS_ACTIVATE] = { "canvas.activate", NULL },
  [CANVAS_SELECT_ALL] = { "canvas.select-all", NULL },
  [CANVAS_CONNECT] = { "canvas.connect", NULL },
  [CANVAS_MENU] = { "canvas.menu", NULL },
  [CANVAS_MOVE_FOCUS] = { "canvas.move-focus", "(ii)" },
  [CANVAS_NUDGE] = { "canvas.nudge", "(ii)" },
  [CANVAS_ZOOM_IN] = { "canvas.zoom-in", NULL },
  [CANVAS_ZOOM_OUT] = { "canvas.zoom-out", NULL },
  [CANVAS_ZOOM_FIT] = { "canvas.zoom-fit", NULL },
  [CANVAS_SET_LINK_KIND] = { "canvas.set-link-kind", "(ss)" },
  [CANVAS_REMOVE_LINK] = { "canvas.remove-link", "s" },
  [CANVAS_EDIT_LINK] = { "canvas.edit-link", "s" },
};

static void
canvas_activate (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CycleCanvas *self = CYCLE_CANVAS (widget);
  CanvasAction action = 0;
  const char *nick = NULL;
  int lane = CYCLE_LANE_INTERNAL;
  CyclePoint at = { 0, 0 };
  int dx = 0, dy = 0;
  CycleLink *link;

  while (action < G_N_ELEMENTS (canvas_actions) &&
         !g_str_equal (canvas_actions[action].name, action_name))
    action++;

  switch (action)
    {
    case CANVAS_ADD_STAGE:
      add_stage (self, _cycle_canvas_get_selection_lane (self), NULL);
      break;
    case CANVAS_ADD_STAGE_IN_LANE:
      cycle_enum_from_nick (CYCLE_TYPE_LANE, g_variant_get_string (parameter, NULL), &lane);
      add_stage (self, lane, NULL);
      break;
    case CANVAS_ADD_STAGE_AT:
      g_variant_get (parameter, "(&sdd)", &nick, &at.x, &at.y);
      cycle_enum_from_nick (CYCLE_TYPE_LANE, nick, &lane);
      add_stage (self, lane, &at);
      break;
    case CANVAS_DELETE:
      cycle_canvas_delete_selection (self);
      break;
    case CANVAS_DUPLICATE:
      cycle_canvas_duplicate_selection (self);
      break;
    case CANVAS_COPY:
    case CANVAS_CUT:
      _cycle_canvas_copy_selection (self, action == CANVAS_CUT);
      break;
    case CANVAS_PASTE:
      _cycle_canvas_paste (self, FALSE, 0, 0);
      break;
    case CANVAS_PASTE_AT:
      g_variant_get (parameter, "(dd)", &at.x, &at.y);
      _cycle_canvas_paste (self, TRUE, at.x, at.y);
      break;
    case CANVAS_COPY_PICTURE:
      cycle_canvas_copy_picture (self);
      break;
    case CANVAS_RENAME:
      if (self->anchor != NULL)
        cycle_canvas_start_rename (self, self->anchor);
      break;
    case CANVAS_ACTIVATE:
      activate_selection (self);
      break;
    case CANVAS_SELECT_ALL:
      cycle_canvas_select_all (self);
      break;
    case CANVAS_CONNECT:
      cycle_canvas_show_connect (self);
      break;
    case CANVAS_MENU:
      cycle_canvas_show_context_menu (self);
      break;
    case CANVAS_MOVE_FOCUS:
      g_variant_get (parameter, "(ii)", &dx, &dy);
      move_focus (self, dx, dy);
      break;
    case CANVAS_NUDGE:
      /* Alt+arrow: the selection moves by a few units (one undo step each time). */
      g_variant_get (parameter, "(ii)", &dx, &dy);
      cycle_canvas_nudge_selection (self, dx * NUDGE_STEP, dy * NUDGE_STEP);
      break;
    case CANVAS_ZOOM_IN:
      cycle_canvas_set_zoom (self, self->zoom * ZOOM_STEP, NULL);
      break;
    case CANVAS_ZOOM_OUT:
      cycle_canvas_set_zoom (self, self->zoom / ZOOM_STEP, NULL);
      break;
    case CANVAS_ZOOM_FIT:
      cycle_canvas_zoom_to_fit (self);
      break;
    case CANVAS_SET_LINK_KIND:
      set_link_kind (self, parameter);
      break;
    case CANVAS_REMOVE_LINK:
      remove_link (self, g_variant_get_string (parameter, NULL));
      break;
    case CANVAS_EDIT_LINK:
      link = _cycle_canvas_find_link (self, g_variant_get_string (parameter, NULL));
      if (link != NULL)
        cycle_canvas_edit_link (self, link);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
_cycle_canvas_class_actions_init (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (canvas_actions); i++)
    gtk_widget_class_install_action (widget_class, canvas_actions[i].name,
                                     canvas_actions[i].parameter_type, canvas_activate);
  gtk_widget_class_install_property_action (widget_class, "canvas.lane", "selection-lane");
  gtk_widget_class_install_property_action (widget_class, "canvas.link-kind", "menu-link-kind");

  for (guint i = 0; i < G_N_ELEMENTS (focus_keys); i++)
    gtk_widget_class_add_binding (widget_class, focus_keys[i].keyval, focus_keys[i].mods,
                                  key_action_cb, "s", focus_keys[i].action);
  /* Zooming works wherever the focus is in the canvas. */
  for (guint i = 0; i < G_N_ELEMENTS (zoom_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, zoom_keys[i].keyval, zoom_keys[i].mods,
                                         zoom_keys[i].action, NULL);

  add_arrows (widget_class, 0, "canvas.move-focus");
  add_arrows (widget_class, GDK_ALT_MASK, "canvas.nudge");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
}

void
_cycle_canvas_actions_init (CycleCanvas *self)
{
  _cycle_canvas_rename_init (self);

  _cycle_canvas_update_actions (self);
}

void
_cycle_canvas_actions_dispose (CycleCanvas *self)
{
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->connect_popover, gtk_widget_unparent);
  g_clear_pointer (&self->link_editor, gtk_widget_unparent);
  g_clear_weak_pointer (&self->link_editor_return);
  g_clear_object (&self->menu_link);
  g_clear_object (&self->renaming);
}
