/* cycle-canvas-menus.c: the canvas's popovers — "Connect to…", the link editor and the context
 * menus
 *
 * Part of CycleCanvas (cycle-canvas.c), sharing cycle-canvas-private.h. Every edit goes through
 * the plan's operations: one undo step each.
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
#include "cycle-connect-popover.h"
#include "cycle-link-editor.h"

/* ------------------------------------------------------------------------------------------------
 * "Connect to…": the other stages in a list, for the keyboard (cycle-connect-popover.c)
 */

static void
on_connect_stage_chosen_cb (CycleCanvas         *self,
                            CycleStage          *source,
                            CycleStage          *target,
                            CycleConnectPopover *popover)
{
  CycleLink *link = cycle_canvas_connect (self, source, target);

  _cycle_canvas_focus_stage (self, source);
  if (link != NULL)
    {
      /* Translators: a notification; the names of two stages and the kind of link between them */
      g_autofree char *message =
        g_strdup_printf (_("“%s” linked to “%s”: %s"),
                         cycle_stage_get_name (source), cycle_stage_get_name (target),
                         cycle_enum_get_label (CYCLE_TYPE_LINK_KIND, cycle_link_get_kind (link)));

      _cycle_canvas_message (self, message, FALSE);
    }
}

/* Closed without a choice (Escape, a click elsewhere): back to the stage, unless the focus went
 * somewhere else. */
static void
on_connect_closed_cb (CycleCanvas         *self,
                      CycleConnectPopover *popover)
{
  CycleStage *source = cycle_connect_popover_get_source (popover);

  if (source != NULL && cycle_item_get_plan (CYCLE_ITEM (source)) == self->plan)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)))
        _cycle_canvas_focus_stage (self, source);
    }
}

void
cycle_canvas_show_connect (CycleCanvas *self)
{
  GdkRectangle rect;

  g_return_if_fail (CYCLE_IS_CANVAS (self));

  if (self->plan == NULL || self->anchor == NULL)
    return;

  _cycle_canvas_stop_rename (self, TRUE);
  if (self->connect_popover == NULL)
    {
      self->connect_popover = cycle_connect_popover_new ();
      g_signal_connect_object (self->connect_popover, "stage-chosen",
                               G_CALLBACK (on_connect_stage_chosen_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->connect_popover, "closed",
                               G_CALLBACK (on_connect_closed_cb), self, G_CONNECT_SWAPPED);
      gtk_widget_set_parent (self->connect_popover, GTK_WIDGET (self));
    }

  _cycle_canvas_scroll_to_stage (self, self->anchor);
  _cycle_canvas_stage_screen_rect (self, self->anchor, &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->connect_popover), &rect);
  cycle_connect_popover_popup_for (CYCLE_CONNECT_POPOVER (self->connect_popover),
                                   cycle_plan_get_stages (self->plan), self->anchor);
}

/* ------------------------------------------------------------------------------------------------
 * The link editor: a popover at the link
 */

static int
link_index (CycleCanvas *self,
            CycleLink   *link)
{
  guint index;

  return g_ptr_array_find (self->links, link, &index) ? (int) index : -1;
}

static void
on_link_editor_closed_cb (GtkPopover  *popover,
                          CycleCanvas *self)
{
  GtkWidget *back = self->link_editor_return;

  /* What was typed is read as the popover closes (Escape, a click elsewhere). */
  cycle_link_editor_set_link (CYCLE_LINK_EDITOR (popover), NULL);

  g_clear_weak_pointer (&self->link_editor_return);
  if (back != NULL && gtk_widget_get_mapped (back))
    gtk_widget_grab_focus (back);
}

static void
ensure_link_editor (CycleCanvas *self)
{
  if (self->link_editor != NULL)
    return;

  self->link_editor = cycle_link_editor_new ();
  gtk_widget_set_parent (self->link_editor, GTK_WIDGET (self));
  g_signal_connect (self->link_editor, "closed", G_CALLBACK (on_link_editor_closed_cb), self);
}

void
cycle_canvas_edit_link (CycleCanvas *self,
                        CycleLink   *link)
{
  int index, width, height;
  GtkRoot *root;
  GtkWidget *focus = NULL;
  GdkRectangle rect;
  double x, y;

  g_return_if_fail (CYCLE_IS_CANVAS (self));
  g_return_if_fail (CYCLE_IS_LINK (link));

  index = link_index (self, link);
  if (index < 0)
    return;

  _cycle_canvas_stop_rename (self, TRUE);
  _cycle_canvas_ensure_geometry (self);
  if ((guint) index >= self->n_paths)
    return;

  /* The link's rate pill in view: the popover points at it. */
  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  cycle_canvas_canvas_to_widget (self, self->paths[index].label.x, self->paths[index].label.y,
                                 &x, &y);
  if (width > 0 && height > 0 && (x < 0 || y < 0 || x > width || y > height))
    {
      cycle_canvas_set_pan (self, self->pan_x + width / 2.0 - x, self->pan_y + height / 2.0 - y);
      cycle_canvas_canvas_to_widget (self, self->paths[index].label.x,
                                     self->paths[index].label.y, &x, &y);
    }
  rect = (GdkRectangle) { (int) x - 8, (int) y - 8, 16, 16 };

  /* The focus goes back where it was: the canvas, or the stage editor's list of links. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL)
    focus = gtk_root_get_focus (root);
  if (focus == NULL ||
      (self->link_editor != NULL && gtk_widget_is_ancestor (focus, self->link_editor)))
    focus = GTK_WIDGET (self);
  g_set_weak_pointer (&self->link_editor_return, focus);

  ensure_link_editor (self);
  cycle_link_editor_set_link (CYCLE_LINK_EDITOR (self->link_editor), link);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->link_editor), &rect);
  gtk_popover_popup (GTK_POPOVER (self->link_editor));
  cycle_link_editor_focus (CYCLE_LINK_EDITOR (self->link_editor));
}

GtkWidget *
cycle_canvas_get_link_editor (CycleCanvas *self)
{
  g_return_val_if_fail (CYCLE_IS_CANVAS (self), NULL);

  return self->link_editor;
}

void
_cycle_canvas_forget_link (CycleCanvas *self,
                           CycleLink   *link)
{
  if (self->press_link == link)
    self->press_link = NULL;
  if (self->link_editor != NULL &&
      cycle_link_editor_get_link (CYCLE_LINK_EDITOR (self->link_editor)) == link)
    gtk_popover_popdown (GTK_POPOVER (self->link_editor));
}

/* ------------------------------------------------------------------------------------------------
 * Context menus
 */

static GMenuItem *
menu_item (const char *label,
           const char *action,
           GVariant   *target,
           const char *accel)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  if (accel != NULL)
    g_menu_item_set_attribute (item, "accel", "s", accel);

  return item;
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             GVariant   *target,
             const char *accel)
{
  g_autoptr(GMenuItem) item = menu_item (label, action, target, accel);

  g_menu_append_item (menu, item);
}

static GMenu *
link_kind_menu (CycleLink *link)
{
  GMenu *menu = g_menu_new ();
  const char *id = cycle_item_get_id (CYCLE_ITEM (link));

  for (guint kind = 0; kind < cycle_enum_count (CYCLE_TYPE_LINK_KIND); kind++)
    {
      const char *nick = cycle_enum_to_nick (CYCLE_TYPE_LINK_KIND, (int) kind);
      const char *label = cycle_enum_get_label (CYCLE_TYPE_LINK_KIND, (int) kind);
      g_autofree char *marked = NULL;

      /* The current kind is marked: these items act on one link among several. */
      if ((CycleLinkKind) kind == cycle_link_get_kind (link))
        marked = g_strdup_printf ("%s ✓", label);
      append_item (menu, marked != NULL ? marked : label, "canvas.set-link-kind",
                   g_variant_new ("(ss)", id, nick), NULL);
    }

  return menu;
}

static GMenuModel *
stage_menu (CycleCanvas *self,
            CycleStage  *stage)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) clipboard = g_menu_new ();
  g_autoptr(GMenu) lane = g_menu_new ();
  g_autoptr(GMenu) lane_section = g_menu_new ();
  g_autoptr(GMenu) links = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();

  append_item (edit, _("_Open in Editor"), "canvas.activate", NULL, "Return");
  append_item (edit, _("_Rename"), "canvas.rename", NULL, "F2");
  append_item (edit, _("D_uplicate"), "canvas.duplicate", NULL, "<Control>d");
  append_item (edit, _("Co_nnect to…"), "canvas.connect", NULL, "<Control>l");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  append_item (clipboard, _("Cu_t"), "canvas.cut", NULL, "<Control>x");
  append_item (clipboard, _("_Copy"), "canvas.copy", NULL, "<Control>c");
  append_item (clipboard, _("_Paste"), "canvas.paste", NULL, "<Control>v");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (clipboard));

  for (guint i = 0; i < cycle_enum_count (CYCLE_TYPE_LANE); i++)
    append_item (lane, cycle_enum_get_label (CYCLE_TYPE_LANE, (int) i), "canvas.lane",
                 g_variant_new_string (cycle_enum_to_nick (CYCLE_TYPE_LANE, (int) i)), NULL);
  g_menu_append_submenu (lane_section, _("_Lane"), G_MENU_MODEL (lane));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (lane_section));

  /* Every link of the stage, so that the keyboard reaches links too. */
  for (guint i = 0; i < self->links->len; i++)
    {
      CycleLink *link = g_ptr_array_index (self->links, i);
      CycleStage *source = cycle_link_get_source (link);
      CycleStage *target = cycle_link_get_target (link);
      g_autoptr(GMenu) submenu = NULL;
      g_autoptr(GMenu) delete_section = g_menu_new ();
      g_autofree char *label = NULL;

      if (source != stage && target != stage)
        continue;

      submenu = link_kind_menu (link);
      append_item (delete_section, _("_Edit Link…"), "canvas.edit-link",
                   g_variant_new_string (cycle_item_get_id (CYCLE_ITEM (link))), NULL);
      append_item (delete_section, _("_Remove Link"), "canvas.remove-link",
                   g_variant_new_string (cycle_item_get_id (CYCLE_ITEM (link))), NULL);
      g_menu_append_section (submenu, NULL, G_MENU_MODEL (delete_section));

      if (source == stage)
        /* Translators: a menu item for a link; %s is the stage it leads to */
        label = g_strdup_printf (_("Link to “%s”"), cycle_stage_get_name (target));
      else
        /* Translators: a menu item for a link; %s is the stage it comes from */
        label = g_strdup_printf (_("Link from “%s”"), cycle_stage_get_name (source));
      g_menu_append_submenu (links, label, G_MENU_MODEL (submenu));
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (links)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (links));

  append_item (remove, _("_Delete"), "canvas.delete", NULL, "Delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  return G_MENU_MODEL (menu);
}

static GMenuModel *
link_menu (CycleCanvas *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) kind = g_menu_new ();
  g_autoptr(GMenu) kind_section = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();

  for (guint i = 0; i < cycle_enum_count (CYCLE_TYPE_LINK_KIND); i++)
    append_item (kind, cycle_enum_get_label (CYCLE_TYPE_LINK_KIND, (int) i), "canvas.link-kind",
                 g_variant_new_string (cycle_enum_to_nick (CYCLE_TYPE_LINK_KIND, (int) i)), NULL);
  append_item (edit, _("_Edit Link…"), "canvas.edit-link",
               g_variant_new_string (cycle_item_get_id (CYCLE_ITEM (self->menu_link))), "Return");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  g_menu_append_submenu (kind_section, _("_Kind"), G_MENU_MODEL (kind));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (kind_section));

  append_item (remove, _("_Delete"), "canvas.delete", NULL, "Delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  return G_MENU_MODEL (menu);
}

static GMenuModel *
canvas_menu (CycleCanvas *self,
             double       cx,
             double       cy)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();
  g_autoptr(GMenu) view = g_menu_new ();
  double x = round (cx - CYCLE_STAGE_WIDTH / 2), y = round (cy - CYCLE_STAGE_HEIGHT / 2);

  append_item (add, _("Add _Funnel Stage Here"), "canvas.add-stage-at",
               g_variant_new ("(sdd)", "internal", x, y), NULL);
  append_item (add, _("Add _Journey Stage Here"), "canvas.add-stage-at",
               g_variant_new ("(sdd)", "journey", x, y), NULL);
  append_item (add, _("_Paste Here"), "canvas.paste-at",
               g_variant_new ("(dd)", cx, cy), NULL);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add));

  append_item (view, _("Copy the Plan as a P_icture"), "canvas.copy-picture", NULL,
               "<Control><Shift>c");
  append_item (view, _("Select _All"), "canvas.select-all", NULL, "<Control>a");
  append_item (view, _("Show the _Whole Plan"), "canvas.zoom-fit", NULL, "<Control>0");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (view));

  return G_MENU_MODEL (menu);
}

static void
popup_menu (CycleCanvas  *self,
            GMenuModel   *model,
            GdkRectangle *rect)
{
  if (self->context_menu == NULL)
    {
      self->context_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
      gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
    }

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), model);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
set_menu_link (CycleCanvas *self,
               CycleLink   *link)
{
  g_set_object (&self->menu_link, link);
  _cycle_canvas_notify (self, CANVAS_PROP_MENU_LINK_KIND);
}

void
_cycle_canvas_show_menu_at (CycleCanvas *self,
                            double       x,
                            double       y)
{
  g_autoptr(GMenuModel) model = NULL;
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };
  double cx = (x - self->pan_x) / self->zoom, cy = (y - self->pan_y) / self->zoom;
  int index;
  CycleLink *link;

  if (self->plan == NULL)
    return;

  _cycle_canvas_stop_rename (self, TRUE);
  _cycle_canvas_ensure_geometry (self);

  index = self->n_geometry > 0 ? cycle_layout_hit_stage (self->geometry, self->n_geometry, cx, cy)
                               : -1;
  if (index >= 0)
    {
      CycleStage *stage = cycle_stage_widget_get_stage (_cycle_canvas_widget_at (self, index));

      if (!g_hash_table_contains (self->selected_stages, stage))
        cycle_canvas_select_stage (self, stage, CYCLE_SELECT_REPLACE);
      else
        {
          self->anchor = stage;
          _cycle_canvas_selection_changed (self);
        }
      _cycle_canvas_focus_stage (self, stage);
      model = stage_menu (self, stage);
    }
  else
    {
      link = _cycle_canvas_hit_link (self, cx, cy);
      if (link != NULL)
        {
          if (!g_hash_table_contains (self->selected_links, link))
            cycle_canvas_select_link (self, link, CYCLE_SELECT_REPLACE);
          set_menu_link (self, link);
          model = link_menu (self);
        }
      else
        {
          model = canvas_menu (self, cx, cy);
        }
      gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  popup_menu (self, model, &rect);
}

void
cycle_canvas_show_context_menu (CycleCanvas *self)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GMenuModel) model = NULL;
  GdkRectangle rect;

  g_return_if_fail (CYCLE_IS_CANVAS (self));

  if (self->plan == NULL)
    return;

  _cycle_canvas_stop_rename (self, TRUE);
  links = cycle_canvas_get_selected_links (self);

  if (self->anchor != NULL)
    {
      _cycle_canvas_scroll_to_stage (self, self->anchor);
      _cycle_canvas_stage_screen_rect (self, self->anchor, &rect);
      model = stage_menu (self, self->anchor);
    }
  else if (links->len > 0)
    {
      CycleLink *link = g_ptr_array_index (links, links->len - 1);
      int index = -1;
      double x, y;

      for (guint i = 0; i < self->links->len; i++)
        if (g_ptr_array_index (self->links, i) == link)
          index = (int) i;
      _cycle_canvas_ensure_geometry (self);
      if (index < 0 || (guint) index >= self->n_paths)
        return;

      cycle_canvas_canvas_to_widget (self, self->paths[index].label.x,
                                     self->paths[index].label.y, &x, &y);
      rect = (GdkRectangle) { (int) x, (int) y, 1, 1 };
      set_menu_link (self, link);
      model = link_menu (self);
    }
  else
    {
      int width = gtk_widget_get_width (GTK_WIDGET (self));
      int height = gtk_widget_get_height (GTK_WIDGET (self));
      double cx, cy;

      rect = (GdkRectangle) { width / 2, height / 2, 1, 1 };
      cx = (rect.x - self->pan_x) / self->zoom;
      cy = (rect.y - self->pan_y) / self->zoom;
      model = canvas_menu (self, cx, cy);
    }

  popup_menu (self, model, &rect);
}
