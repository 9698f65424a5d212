/* cycle-quick-add.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-quick-add"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-quick-add.h"

struct _CycleQuickAdd
{
  GtkWidget     parent_instance;

  CycleStage   *stage;
  GSignalGroup *stage_signals;
  GtkWidget    *entry;
};

G_DEFINE_FINAL_TYPE (CycleQuickAdd, cycle_quick_add, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};

enum {
  ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_name (CycleQuickAdd *self)
{
  g_autofree char *name = NULL;

  if (self->stage != NULL)
    /* Translators: the accessible name of the entry that adds content by its title; %s is a
     * stage */
    name = g_strdup_printf (_("New Content Title for “%s”"),
                            cycle_stage_get_name (self->stage));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name != NULL ? name : _("New Content Title"), -1);
  gtk_widget_set_sensitive (self->entry, self->stage != NULL);
}

/* What Enter does: adds content titled with the entry's text (trimmed) to the stage as one
 * undo step ("Add Content") and empties the entry for the next title. Returns the content (the
 * plan's), or NULL (and a bell) when there is no title or no stage. */
static CycleContent *
cycle_quick_add_commit (CycleQuickAdd *self)
{
  g_autoptr(CycleContent) content = NULL;
  g_autofree char *title = NULL;
  CyclePlan *plan;

  g_return_val_if_fail (CYCLE_IS_QUICK_ADD (self), NULL);

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  plan = self->stage != NULL ? cycle_item_get_plan (CYCLE_ITEM (self->stage)) : NULL;
  if (title[0] == '\0' || plan == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return NULL;
    }

  content = cycle_content_new (title);
  /* Each title its own step, even typed one after the other. */
  cycle_plan_seal_undo (plan);
  cycle_plan_add_content (plan, self->stage, content, -1);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  g_signal_emit (self, signals[ADDED], 0, content);

  return content;
}

static void
on_entry_activate_cb (CycleQuickAdd *self)
{
  cycle_quick_add_commit (self);
}

CycleStage *
cycle_quick_add_get_stage (CycleQuickAdd *self)
{
  g_return_val_if_fail (CYCLE_IS_QUICK_ADD (self), NULL);
  return self->stage;
}

void
cycle_quick_add_set_stage (CycleQuickAdd *self,
                           CycleStage    *stage)
{
  g_return_if_fail (CYCLE_IS_QUICK_ADD (self));
  g_return_if_fail (stage == NULL || CYCLE_IS_STAGE (stage));

  if (!g_set_object (&self->stage, stage))
    return;

  g_signal_group_set_target (self->stage_signals, stage);
  update_name (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

GtkEditable *
cycle_quick_add_get_entry (CycleQuickAdd *self)
{
  g_return_val_if_fail (CYCLE_IS_QUICK_ADD (self), NULL);
  return GTK_EDITABLE (self->entry);
}

static gboolean
cycle_quick_add_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (CYCLE_QUICK_ADD (widget)->entry);
}

static void
cycle_quick_add_dispose (GObject *object)
{
  CycleQuickAdd *self = CYCLE_QUICK_ADD (object);

  if (self->stage_signals != NULL)
    g_signal_group_set_target (self->stage_signals, NULL);
  g_clear_object (&self->stage_signals);
  g_clear_pointer (&self->entry, gtk_widget_unparent);
  g_clear_object (&self->stage);

  G_OBJECT_CLASS (cycle_quick_add_parent_class)->dispose (object);
}

static void
cycle_quick_add_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_object (value, CYCLE_QUICK_ADD (object)->stage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_quick_add_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STAGE:
      cycle_quick_add_set_stage (CYCLE_QUICK_ADD (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_quick_add_class_init (CycleQuickAddClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_quick_add_dispose;
  object_class->get_property = cycle_quick_add_get_property;
  object_class->set_property = cycle_quick_add_set_property;
  widget_class->grab_focus = cycle_quick_add_grab_focus;

  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL, CYCLE_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted with each piece of content added, once it is in the plan. */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, CYCLE_TYPE_CONTENT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "quickadd");
}

static void
cycle_quick_add_init (CycleQuickAdd *self)
{
  self->entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->entry), _("Type a title, then Enter"));
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (on_entry_activate_cb), self,
                           G_CONNECT_SWAPPED);

  self->stage_signals = g_signal_group_new (CYCLE_TYPE_STAGE);
  g_signal_group_connect_swapped (self->stage_signals, "notify::name",
                                  G_CALLBACK (update_name), self);
  update_name (self);
}
