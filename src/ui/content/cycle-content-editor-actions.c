/* cycle-content-editor-actions.c: the content editor's actions — delete, cancel, duplicate,
 * format and channel, due date, the link, undo and redo — and their keys
 *
 * Part of CycleContentEditor (cycle-content-editor.c), sharing cycle-content-editor-private.h.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cycle-content-cells.h"
#include "cycle-content-editor-private.h"
#include "cycle-enum-labels.h"
#include "cycle-error.h"

/* ------------------------------------------------------------------------------------------------
 * Actions
 */

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(CycleContentEditor) self = g_object_ref (CYCLE_CONTENT_EDITOR (widget));
  g_autoptr(CycleContent) content = NULL;

  if (self->content == NULL)
    return;

  content = g_object_ref (self->content);
  _cycle_content_editor_seal (self);
  /* The editor closes (soon) through notify::stage; the references above keep both alive. */
  cycle_plan_remove_content (self->plan, content);
  _cycle_content_editor_emit_removed (self, content);
}

/* Escape: closes; a new item nothing has changed goes away with it, its addition undone (as if
 * it had never been made: no empty "New Content" left behind, nothing to redo). */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr(CycleContentEditor) self = g_object_ref (CYCLE_CONTENT_EDITOR (widget));

  if (self->fresh && self->content != NULL && cycle_content_get_stage (self->content) != NULL)
    {
      g_autoptr(CycleContent) content = g_object_ref (self->content);
      CyclePlan *plan = self->plan;

      self->fresh = FALSE;
      _cycle_content_editor_seal (self);
      if (cycle_plan_can_undo (plan))
        cycle_plan_undo (plan);
      /* The undone step was not the addition (another window edited meanwhile): remove it. */
      if (cycle_content_get_stage (content) != NULL)
        cycle_plan_remove_content (plan, content);
    }

  gtk_window_close (GTK_WINDOW (self));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CycleContentEditor *self = CYCLE_CONTENT_EDITOR (widget);
  CycleContent *copy;

  if (self->content == NULL)
    return;

  _cycle_content_editor_seal (self);
  copy = cycle_content_duplicate (self->content);
  if (copy != NULL)
    {
      cycle_content_editor_set_content (self, copy);
      cycle_content_editor_focus_title (self);
    }
}

/* editor.set-format, editor.set-channel: a suggestion picked from the field's menu; the action
 * names the content property it sets. */
static void
set_word_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CycleContentEditor *self = CYCLE_CONTENT_EDITOR (widget);

  if (self->content == NULL)
    return;

  _cycle_content_editor_seal (self);
  g_object_set (self->content, action_name + strlen ("editor.set-"),
                g_variant_get_string (parameter, NULL), NULL);
  _cycle_content_editor_seal (self);
}

static void
open_url_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CycleContentEditor *self = CYCLE_CONTENT_EDITOR (widget);
  const char *url;

  if (self->content == NULL)
    return;

  url = cycle_content_get_url (self->content);
  if (*url == '\0')
    return;

  if (cycle_url_is_openable (url))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->url_error_label), FALSE);
      gtk_show_uri (GTK_WINDOW (self), url, GDK_CURRENT_TIME);
    }
  else
    {
      g_autofree char *quoted = cycle_file_error_quote (url);
      g_autofree char *message = NULL;

      /* Translators: %s is the link, maybe cut short */
      message = g_strdup_printf (_("“%s” was not opened: Cycle opens only web links (http, "
                                   "https) and e-mail addresses (mailto)."), quoted);
      gtk_label_set_label (self->url_error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->url_error_label), TRUE);
    }
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CycleContentEditor *self = CYCLE_CONTENT_EDITOR (widget);

  if (self->plan != NULL)
    cycle_plan_undo (self->plan);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CycleContentEditor *self = CYCLE_CONTENT_EDITOR (widget);

  if (self->plan != NULL)
    cycle_plan_redo (self->plan);
}

void
_cycle_content_editor_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "editor.set-format", "s", set_word_action);
  gtk_widget_class_install_action (widget_class, "editor.set-channel", "s", set_word_action);
  gtk_widget_class_install_action (widget_class, "editor.open-url", NULL, open_url_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, redo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "editor.duplicate", NULL);
}
