/* cycle-board-card.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-board-card"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-board-card.h"
#include "cycle-board-private.h"
#include "cycle-content-cells.h"

struct _CycleBoardCard
{
  GtkWidget       parent_instance;

  CycleContent   *content;
  GBindingGroup  *bindings;
  GSignalGroup   *content_signals;
  CycleNameWatch *persona_watch;
  CycleDueWatch  *due_watch;

  /* Template widgets */
  GtkLabel       *title_label;
  GtkButton      *menu_button;
  GtkWidget      *meta_box;
  GtkLabel       *format_label;
  GtkLabel       *persona_label;
  GtkLabel       *status_label;
  GtkLabel       *direction_label;
  GtkLabel       *due_label;
};

G_DEFINE_FINAL_TYPE (CycleBoardCard, cycle_board_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_classes[] = { "idea", "draft", "scheduled", "published" };

static CycleBoard *
get_board (CycleBoardCard *self)
{
  return (CycleBoard *) gtk_widget_get_ancestor (GTK_WIDGET (self), CYCLE_TYPE_BOARD);
}

/* ------------------------------------------------------------------------------------------------
 * Following the content
 */

static void
update_status (CycleBoardCard *self)
{
  CycleStatus status = cycle_content_get_status (self->content);

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    {
      if (i == (guint) status)
        gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
    }
}

static void
update_direction (CycleBoardCard *self)
{
  /* Only content that asks is marked: giving is what most content should do. */
  gboolean asks = cycle_content_get_direction (self->content) == CYCLE_DIRECTION_ASKS;

  gtk_label_set_label (self->direction_label, asks ? C_("content direction", "Asks") : "");
  gtk_widget_set_visible (GTK_WIDGET (self->direction_label), asks);
}

/* The line of format and persona goes when it would be empty. */
static void
update_meta (CycleBoardCard *self)
{
  gboolean has_format = *cycle_content_get_format (self->content) != '\0';

  gtk_widget_set_visible (GTK_WIDGET (self->format_label), has_format);
  gtk_widget_set_visible (self->meta_box,
                          has_format || cycle_content_get_persona (self->content) != NULL);
}

static void
update_accessible (CycleBoardCard *self)
{
  g_autofree char *due = cycle_content_format_due (cycle_content_get_due (self->content));
  CyclePersona *persona = cycle_content_get_persona (self->content);
  const char *format = cycle_content_get_format (self->content);
  g_autoptr(GString) description = g_string_new (NULL);

  g_string_append (description, cycle_enum_get_label (CYCLE_TYPE_STATUS,
                                                      cycle_content_get_status (self->content)));
  if (*format != '\0')
    g_string_append_printf (description, ", %s", cycle_content_format_to_display (format));
  if (persona != NULL)
    g_string_append_printf (description, ", %s", cycle_persona_get_name (persona));
  if (*due != '\0')
    /* Translators: part of a card's description for screen readers; %s is a date */
    g_string_append_printf (description, ", %s", due);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cycle_content_get_title (self->content),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

/* Made when asked for: setting a tooltip asks the X server where the pointer is, too slow for
 * every card that scrolls in. The title may be cut short on the card. */
static gboolean
on_query_tooltip_cb (CycleBoardCard *self,
                     int             x,
                     int             y,
                     gboolean        keyboard,
                     GtkTooltip     *tooltip)
{
  if (self->content == NULL || !gtk_label_get_layout (self->title_label) ||
      !pango_layout_is_ellipsized (gtk_label_get_layout (self->title_label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, cycle_content_get_title (self->content));
  return TRUE;
}

static gboolean
on_menu_query_tooltip_cb (GtkWidget  *button,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, _("Content Menu"));
  return TRUE;
}

static void
on_content_notify_cb (CycleBoardCard *self,
                      GParamSpec     *pspec,
                      CycleContent   *content)
{
  if (pspec->name == g_intern_static_string ("status"))
    update_status (self);
  else if (pspec->name == g_intern_static_string ("direction"))
    update_direction (self);
  else if (pspec->name == g_intern_static_string ("format") ||
           pspec->name == g_intern_static_string ("persona"))
    update_meta (self);

  update_accessible (self);
}

CycleContent *
cycle_board_card_get_content (CycleBoardCard *self)
{
  g_return_val_if_fail (CYCLE_IS_BOARD_CARD (self), NULL);
  return self->content;
}

void
cycle_board_card_set_content (CycleBoardCard *self,
                              CycleContent   *content)
{
  g_return_if_fail (CYCLE_IS_BOARD_CARD (self));
  g_return_if_fail (content == NULL || CYCLE_IS_CONTENT (content));

  if (!g_set_object (&self->content, content))
    return;

  g_binding_group_set_source (self->bindings, content);
  g_signal_group_set_target (self->content_signals, content);

  if (content != NULL)
    {
      cycle_name_watch_bind (self->persona_watch, content);
      cycle_due_watch_bind (self->due_watch, content);
      update_status (self);
      update_direction (self);
      update_meta (self);
      update_accessible (self);
    }
  else
    {
      cycle_name_watch_unbind (self->persona_watch);
      cycle_due_watch_unbind (self->due_watch);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

void
cycle_board_card_reset (CycleBoardCard *self)
{
  static const char * const transient_classes[] = { "dragging", "drop-before", "drop-after" };

  g_return_if_fail (CYCLE_IS_BOARD_CARD (self));

  if (self->content != NULL)
    cycle_board_card_set_content (self, NULL);

  /* The board's card menu may be attached here: it is the board's, not ours. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_POPOVER (child))
        gtk_widget_unparent (child);
      child = next;
    }

  for (guint i = 0; i < G_N_ELEMENTS (transient_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), transient_classes[i]);
  gtk_widget_unset_state_flags (GTK_WIDGET (self),
                                GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_ACTIVE |
                                GTK_STATE_FLAG_DROP_ACTIVE);
}

/* ------------------------------------------------------------------------------------------------
 * Dragging
 */

static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource  *source,
                    double          x,
                    double          y,
                    CycleBoardCard *self)
{
  if (self->content == NULL)
    return NULL;

  return gdk_content_provider_new_typed (CYCLE_TYPE_CONTENT, self->content);
}

static void
on_drag_begin_cb (GtkDragSource  *source,
                  GdkDrag        *drag,
                  CycleBoardCard *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  /* A snapshot, not a live view: the card itself fades while it travels. */
  g_autoptr(GdkPaintable) icon = gdk_paintable_get_current_image (paintable);

  gtk_drag_source_set_icon (source, icon, 16, 16);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
}

static void
on_drag_end_cb (GtkDragSource  *source,
                GdkDrag        *drag,
                gboolean        delete_data,
                CycleBoardCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

/* ------------------------------------------------------------------------------------------------
 * Actions
 */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (widget);
  CycleBoard *board = get_board (self);

  if (board != NULL && self->content != NULL)
    _cycle_board_edit (board, self->content);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (widget);

  if (self->content != NULL)
    cycle_content_duplicate (self->content);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (widget);
  CycleBoard *board = get_board (self);

  if (board != NULL && self->content != NULL)
    _cycle_board_remove (board, self->content);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (widget);
  CycleBoard *board = get_board (self);

  if (board != NULL && self->content != NULL)
    _cycle_board_popup_menu (board, widget, GTK_WIDGET (self->menu_button));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (widget);
  CycleBoard *board = get_board (self);
  g_autoptr(CycleContent) content = NULL;

  if (board == NULL || self->content == NULL)
    return;

  /* The move rebinds this card: hold on to the content. */
  content = g_object_ref (self->content);
  if (g_str_equal (action_name, "card.move-previous"))
    _cycle_board_move_to_stage (board, content, -1);
  else if (g_str_equal (action_name, "card.move-next"))
    _cycle_board_move_to_stage (board, content, 1);
  else if (g_str_equal (action_name, "card.move-up"))
    _cycle_board_move_within (board, content, -1);
  else if (g_str_equal (action_name, "card.move-down"))
    _cycle_board_move_within (board, content, 1);
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

static void
cycle_board_card_dispose (GObject *object)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (object);

  cycle_board_card_reset (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_BOARD_CARD);
  /* Template children without an id are not the template's to clear. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  g_clear_object (&self->bindings);
  g_clear_object (&self->content_signals);
  g_clear_pointer (&self->persona_watch, cycle_name_watch_free);
  g_clear_pointer (&self->due_watch, cycle_due_watch_free);

  G_OBJECT_CLASS (cycle_board_card_parent_class)->dispose (object);
}

static void
cycle_board_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_board_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      cycle_board_card_set_content (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_board_card_class_init (CycleBoardCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_board_card_dispose;
  object_class->get_property = cycle_board_card_get_property;
  object_class->set_property = cycle_board_card_set_property;

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, CYCLE_TYPE_CONTENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-board-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleBoardCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, CycleBoardCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CycleBoardCard, meta_box);
  gtk_widget_class_bind_template_child (widget_class, CycleBoardCard, format_label);
  gtk_widget_class_bind_template_child (widget_class, CycleBoardCard, persona_label);
  gtk_widget_class_bind_template_child (widget_class, CycleBoardCard, status_label);
  gtk_widget_class_bind_template_child (widget_class, CycleBoardCard, direction_label);
  gtk_widget_class_bind_template_child (widget_class, CycleBoardCard, due_label);
  gtk_widget_class_bind_template_callback (widget_class, on_menu_query_tooltip_cb);

  gtk_widget_class_install_action (widget_class, "card.menu", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "card.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "card.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "card.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "card.move-previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "card.move-next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "card.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "card.move-down", NULL, move_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "card.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "card.menu", NULL);

  gtk_widget_class_set_css_name (widget_class, "boardcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cycle_board_card_init (CycleBoardCard *self)
{
  GtkDragSource *drag;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "title", self->title_label, "label",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "format", self->format_label, "label",
                             G_BINDING_SYNC_CREATE,
                             cycle_transform_format_to_label, NULL, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "status", self->status_label, "label",
                             G_BINDING_SYNC_CREATE,
                             cycle_transform_enum_to_label, NULL, NULL, NULL);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);

  self->content_signals = g_signal_group_new (CYCLE_TYPE_CONTENT);
  g_signal_group_connect_swapped (self->content_signals, "notify",
                                  G_CALLBACK (on_content_notify_cb), self);

  self->persona_watch = cycle_name_watch_new (self->persona_label, "persona", NULL);
  self->due_watch = cycle_due_watch_new (self->due_label);

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

GtkWidget *
cycle_board_card_new (void)
{
  return g_object_new (CYCLE_TYPE_BOARD_CARD, NULL);
}
