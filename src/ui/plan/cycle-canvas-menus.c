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
#include "cycle-link-editor.h"

/* ------------------------------------------------------------------------------------------------
 * "Connect to…": the other stages in a list, for the keyboard
 */

static gboolean
connect_filter_cb (gpointer item,
                   gpointer user_data)
{
  CycleCanvas *self = user_data;
  const char *search;
  g_autofree char *name = NULL;
  g_autofree char *needle = NULL;

  if (item == self->connect_source)
    return FALSE;

  search = gtk_editable_get_text (GTK_EDITABLE (self->connect_search));
  if (search == NULL || search[0] == '\0')
    return TRUE;

  name = g_utf8_casefold (cycle_stage_get_name (CYCLE_STAGE (item)), -1);
  needle = g_utf8_casefold (search, -1);
  return strstr (name, needle) != NULL;
}

static GtkWidget *
create_connect_row_cb (gpointer item,
                       gpointer user_data)
{
  CycleStage *stage = CYCLE_STAGE (item);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (cycle_stage_get_name (stage));
  GtkWidget *lane = gtk_label_new (cycle_enum_get_label (CYCLE_TYPE_LANE,
                                                         cycle_stage_get_lane (stage)));

  gtk_label_set_xalign (GTK_LABEL (name), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (lane), 0.0f);
  gtk_widget_add_css_class (lane, "dim-label");
  gtk_widget_add_css_class (lane, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), lane);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "cycle-stage", g_object_ref (stage), g_object_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, cycle_stage_get_name (stage),
                                  -1);

  return row;
}

static void
connect_to (CycleCanvas *self,
            CycleStage  *target)
{
  g_autoptr(CycleStage) source = self->connect_source != NULL
                                 ? g_object_ref (self->connect_source) : NULL;
  CycleLink *link;

  gtk_popover_popdown (GTK_POPOVER (self->connect_popover));
  if (source == NULL || target == NULL)
    return;

  link = cycle_canvas_connect (self, source, target);
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

static void
on_connect_row_activated_cb (GtkListBox    *list,
                             GtkListBoxRow *row,
                             CycleCanvas   *self)
{
  connect_to (self, g_object_get_data (G_OBJECT (row), "cycle-stage"));
}

static void
on_connect_search_changed_cb (GtkSearchEntry *entry,
                              CycleCanvas    *self)
{
  gtk_filter_changed (GTK_FILTER (self->connect_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_connect_search_activate_cb (GtkSearchEntry *entry,
                               CycleCanvas    *self)
{
  GtkListBoxRow *row;

  /* Enter may come before the search's delay is over: filter with what was typed. */
  gtk_filter_changed (GTK_FILTER (self->connect_filter), GTK_FILTER_CHANGE_DIFFERENT);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->connect_list), 0);
  if (row != NULL)
    connect_to (self, g_object_get_data (G_OBJECT (row), "cycle-stage"));
}

static void
on_connect_search_stop_cb (GtkSearchEntry *entry,
                           CycleCanvas    *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->connect_popover));
}

static gboolean
on_connect_search_key_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          CycleCanvas           *self)
{
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->connect_list), 0);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static void
on_connect_closed_cb (GtkPopover  *popover,
                      CycleCanvas *self)
{
  CycleStage *source = self->connect_source;

  self->connect_source = NULL;
  if (source != NULL && cycle_item_get_plan (CYCLE_ITEM (source)) == self->plan)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (popover)))
        _cycle_canvas_focus_stage (self, source);
    }
}

static void
ensure_connect_popover (CycleCanvas *self)
{
  GtkWidget *box, *title, *scrolled;
  GtkFilterListModel *filtered;
  GtkEventController *keys;

  if (self->connect_popover != NULL)
    return;

  self->connect_filter = gtk_custom_filter_new (connect_filter_cb, self, NULL);
  filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->connect_filter)));

  title = gtk_label_new (NULL);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);

  self->connect_search = gtk_search_entry_new ();
  g_object_set (self->connect_search, "placeholder-text", _("Find a stage"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->connect_search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find a stage to link to"),
                                  -1);
  g_signal_connect (self->connect_search, "search-changed",
                    G_CALLBACK (on_connect_search_changed_cb), self);
  g_signal_connect (self->connect_search, "activate",
                    G_CALLBACK (on_connect_search_activate_cb), self);
  g_signal_connect (self->connect_search, "stop-search",
                    G_CALLBACK (on_connect_search_stop_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_connect_search_key_cb), self);
  gtk_widget_add_controller (self->connect_search, keys);

  self->connect_list = gtk_list_box_new ();
  gtk_widget_add_css_class (self->connect_list, "navigation-sidebar");
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->connect_list), TRUE);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->connect_list), G_LIST_MODEL (filtered),
                           create_connect_row_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->connect_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stages"),
                                  -1);
  g_signal_connect (self->connect_list, "row-activated",
                    G_CALLBACK (on_connect_row_activated_cb), self);
  g_object_set_data_full (G_OBJECT (self->connect_list), "cycle-filter-model", filtered,
                          g_object_unref);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), self->connect_list);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 260, -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), self->connect_search);
  gtk_box_append (GTK_BOX (box), scrolled);

  self->connect_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->connect_popover), box);
  gtk_popover_set_position (GTK_POPOVER (self->connect_popover), GTK_POS_RIGHT);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->connect_popover),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Connect to"),
                                  -1);
  g_object_set_data (G_OBJECT (self->connect_popover), "cycle-title", title);
  g_signal_connect (self->connect_popover, "closed", G_CALLBACK (on_connect_closed_cb), self);
  gtk_widget_set_parent (self->connect_popover, GTK_WIDGET (self));
}

void
cycle_canvas_show_connect (CycleCanvas *self)
{
  GtkFilterListModel *filtered;
  GtkWidget *title;
  g_autofree char *heading = NULL;
  GdkRectangle rect;

  g_return_if_fail (CYCLE_IS_CANVAS (self));

  if (self->plan == NULL || self->anchor == NULL)
    return;

  _cycle_canvas_stop_rename (self, TRUE);
  ensure_connect_popover (self);

  self->connect_source = self->anchor;
  filtered = g_object_get_data (G_OBJECT (self->connect_list), "cycle-filter-model");
  gtk_filter_list_model_set_model (filtered, cycle_plan_get_stages (self->plan));
  gtk_editable_set_text (GTK_EDITABLE (self->connect_search), "");
  gtk_filter_changed (GTK_FILTER (self->connect_filter), GTK_FILTER_CHANGE_DIFFERENT);

  title = g_object_get_data (G_OBJECT (self->connect_popover), "cycle-title");
  /* Translators: the title of the list of stages a stage can be linked to */
  heading = g_strdup_printf (_("Link “%s” to…"), cycle_stage_get_name (self->connect_source));
  gtk_label_set_text (GTK_LABEL (title), heading);

  _cycle_canvas_scroll_to_stage (self, self->connect_source);
  _cycle_canvas_stage_screen_rect (self, self->connect_source, &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->connect_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->connect_popover));
  gtk_widget_grab_focus (self->connect_search);
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
  append_item (edit, _("_Connect to…"), "canvas.connect", NULL, "<Control>l");
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
