/* cycle-content-title-cell.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-title-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-content-title-cell.h"
#include "cycle-accessible.h"
#include "cycle-text-cell.h"

struct _CycleContentTitleCell
{
  GtkWidget     parent_instance;

  CycleContent *content;
  GBinding     *binding;

  GtkStack     *stack;
  CycleTextCell *label;
  GtkText      *text;
  guint         stopping : 1;
};

G_DEFINE_FINAL_TYPE (CycleContentTitleCell, cycle_content_title_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_EDITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void     on_text_activate_cb (CycleContentTitleCell   *self,
                                     GtkText                 *text);
static void     on_text_leave_cb    (GtkEventControllerFocus *controller,
                                     CycleContentTitleCell   *self);
static gboolean cancel_cb           (GtkWidget               *widget,
                                     GVariant                *args,
                                     gpointer                 user_data);
static gboolean tab_cb              (GtkWidget               *widget,
                                     GVariant                *args,
                                     gpointer                 user_data);

CycleContent *
cycle_content_title_cell_get_content (CycleContentTitleCell *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_TITLE_CELL (self), NULL);
  return self->content;
}

void
cycle_content_title_cell_set_content (CycleContentTitleCell *self,
                                      CycleContent          *content)
{
  g_return_if_fail (CYCLE_IS_CONTENT_TITLE_CELL (self));
  g_return_if_fail (content == NULL || CYCLE_IS_CONTENT (content));

  if (self->content == content)
    return;

  /* A recycled cell forgets an edit in progress rather than write it to another item. */
  cycle_content_title_cell_stop_editing (self, FALSE);

  if (self->binding != NULL)
    {
      g_binding_unbind (self->binding);
      self->binding = NULL;
    }

  g_set_object (&self->content, content);
  /* The table's row reads as its title: the row holds the cell that holds this */
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    cycle_accessible_name_list_item (gtk_widget_get_parent (GTK_WIDGET (self)),
                                     GTK_WIDGET (self->label));

  if (content != NULL)
    self->binding = g_object_bind_property (content, "title", self->label, "text",
                                            G_BINDING_SYNC_CREATE);
  else
    cycle_text_cell_set_text (self->label, "");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

/* The entry is made the first time it is needed: a table row is built for every row that
 * scrolls in, and most are never renamed. */
static void
ensure_text (CycleContentTitleCell *self)
{
  GtkEventController *focus;
  GtkEventController *keys;

  if (self->text != NULL)
    return;

  self->text = GTK_TEXT (gtk_text_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"),
                                  -1);
  g_signal_connect_object (self->text, "activate", G_CALLBACK (on_text_activate_cb), self,
                           G_CONNECT_SWAPPED);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_text_leave_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->text), focus);

  keys = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape,
                                                                                  0),
                                                          gtk_callback_action_new (cancel_cb,
                                                                                   self, NULL)));
  /* Tab writes the title and goes on to the row's next field (the table's cell editor) */
  {
    struct { guint key; GdkModifierType mods; int direction; } tabs[] = {
      { GDK_KEY_Tab, 0, 1 }, { GDK_KEY_KP_Tab, 0, 1 },
      { GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, -1 }, { GDK_KEY_Tab, GDK_SHIFT_MASK, -1 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
      {
        GtkShortcutAction *action = gtk_callback_action_new (tab_cb, self, NULL);
        GtkShortcut *shortcut =
          gtk_shortcut_new (gtk_keyval_trigger_new (tabs[i].key, tabs[i].mods), action);

        gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (tabs[i].direction));
        gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys), shortcut);
      }
  }
  gtk_widget_add_controller (GTK_WIDGET (self->text), keys);

  gtk_stack_add_child (self->stack, GTK_WIDGET (self->text));
}

gboolean
cycle_content_title_cell_get_editing (CycleContentTitleCell *self)
{
  g_return_val_if_fail (CYCLE_IS_CONTENT_TITLE_CELL (self), FALSE);
  return self->text != NULL &&
         gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (self->text);
}

void
cycle_content_title_cell_start_editing (CycleContentTitleCell *self)
{
  g_return_if_fail (CYCLE_IS_CONTENT_TITLE_CELL (self));

  if (self->content == NULL || cycle_content_title_cell_get_editing (self))
    return;

  ensure_text (self);
  gtk_editable_set_text (GTK_EDITABLE (self->text), cycle_content_get_title (self->content));
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->text));
  gtk_widget_grab_focus (GTK_WIDGET (self->text));
  gtk_editable_select_region (GTK_EDITABLE (self->text), 0, -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

void
cycle_content_title_cell_stop_editing (CycleContentTitleCell *self,
                                       gboolean               commit)
{
  g_return_if_fail (CYCLE_IS_CONTENT_TITLE_CELL (self));

  if (!cycle_content_title_cell_get_editing (self) || self->stopping)
    return;

  /* Switching pages moves the focus, which would stop the edit a second time. */
  self->stopping = TRUE;

  if (commit && self->content != NULL)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text));
      g_autofree char *title = g_strstrip (g_strdup (text));
      CyclePlan *plan = cycle_item_get_plan (CYCLE_ITEM (self->content));

      /* A title may not be empty: the content keeps the one it had. */
      if (*title == '\0')
        gtk_widget_error_bell (GTK_WIDGET (self));
      else if (g_strcmp0 (title, cycle_content_get_title (self->content)) != 0)
        {
          if (plan != NULL)
            cycle_plan_seal_undo (plan);
          cycle_content_set_title (self->content, title);
          if (plan != NULL)
            cycle_plan_seal_undo (plan);
        }
    }

  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->label));
  self->stopping = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
}

static void
on_text_activate_cb (CycleContentTitleCell *self,
                     GtkText               *text)
{
  cycle_content_title_cell_stop_editing (self, TRUE);

  /* The keyboard goes back to the row, so Enter again opens the editor and arrows move on. */
  for (GtkWidget *w = gtk_widget_get_parent (GTK_WIDGET (self));
       w != NULL;
       w = gtk_widget_get_parent (w))
    {
      if (gtk_widget_get_focusable (w))
        {
          gtk_widget_grab_focus (w);
          break;
        }
    }
}

static void
on_text_leave_cb (GtkEventControllerFocus *controller,
                  CycleContentTitleCell   *self)
{
  cycle_content_title_cell_stop_editing (self, TRUE);
}

static gboolean
cancel_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  CycleContentTitleCell *self = CYCLE_CONTENT_TITLE_CELL (user_data);

  if (!cycle_content_title_cell_get_editing (self))
    return FALSE;

  cycle_content_title_cell_stop_editing (self, FALSE);
  return TRUE;
}

static gboolean
tab_cb (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  CycleContentTitleCell *self = CYCLE_CONTENT_TITLE_CELL (user_data);
  g_autoptr(CycleContent) content = NULL;

  if (!cycle_content_title_cell_get_editing (self) || self->content == NULL)
    return FALSE;

  content = g_object_ref (self->content);
  cycle_content_title_cell_stop_editing (self, TRUE);
  g_signal_emit (self, signals[MOVE], 0, content, g_variant_get_int32 (args));
  return TRUE;
}

static void
cycle_content_title_cell_dispose (GObject *object)
{
  CycleContentTitleCell *self = CYCLE_CONTENT_TITLE_CELL (object);

  if (self->binding != NULL)
    {
      g_binding_unbind (self->binding);
      self->binding = NULL;
    }
  g_clear_object (&self->content);
  g_clear_pointer ((GtkWidget **) &self->stack, gtk_widget_unparent);

  G_OBJECT_CLASS (cycle_content_title_cell_parent_class)->dispose (object);
}

static void
cycle_content_title_cell_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  CycleContentTitleCell *self = CYCLE_CONTENT_TITLE_CELL (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_EDITING:
      g_value_set_boolean (value, cycle_content_title_cell_get_editing (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_content_title_cell_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  CycleContentTitleCell *self = CYCLE_CONTENT_TITLE_CELL (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      cycle_content_title_cell_set_content (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_content_title_cell_class_init (CycleContentTitleCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_content_title_cell_dispose;
  object_class->get_property = cycle_content_title_cell_get_property;
  object_class->set_property = cycle_content_title_cell_set_property;

  properties[PROP_CONTENT] =
    g_param_spec_object ("content", NULL, NULL, CYCLE_TYPE_CONTENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Tab (1) or Shift+Tab (-1) wrote the title of the content: the row's next or previous
   * field */
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, CYCLE_TYPE_CONTENT, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "titlecell");
}

static void
cycle_content_title_cell_init (CycleContentTitleCell *self)
{
  /* Not a GtkLabel: see cycle-text-cell.h */
  self->label = CYCLE_TEXT_CELL (cycle_text_cell_new ());

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (self->stack, FALSE);
  gtk_stack_add_child (self->stack, GTK_WIDGET (self->label));
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->label));
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
}

GtkWidget *
cycle_content_title_cell_new (void)
{
  return g_object_new (CYCLE_TYPE_CONTENT_TITLE_CELL, NULL);
}
