/* cycle-language-row.c
 *
 * The languages Cycle has sales-talk words for, by their own names, then "guess" for plans that
 * do not say (files from before plans had a language) and, when a file says another language,
 * that one as its tag. Choosing one is an undoable edit of the plan like any other.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-language-row"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-language-row.h"
#include "cycle-sales-talk.h"

struct _CycleLanguageRow
{
  AdwComboRow    parent_instance;

  CyclePlan     *plan;
  GSignalGroup  *plan_signals;
  GtkStringList *labels;
  GPtrArray     *tags;      /* the tag of each row of labels; "" for the guess */
  gboolean       syncing;
};

G_DEFINE_FINAL_TYPE (CycleLanguageRow, cycle_language_row, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Languages by their own names, as language pickers show them. */
static const char *
endonym (const char *tag)
{
  if (g_strcmp0 (tag, "en") == 0)
    return "English";
  if (g_strcmp0 (tag, "fr") == 0)
    return "Français";
  return tag;
}

static void
sync_from_plan (CycleLanguageRow *self)
{
  const char *language = self->plan != NULL ? cycle_plan_get_language (self->plan) : "";
  guint n_fixed = g_strv_length ((char **)cycle_sales_talk_get_languages ()) + 1;
  guint selected = G_MAXUINT;

  self->syncing = TRUE;

  /* Another language than ours: one more row, for as long as the plan says it. */
  if (self->tags->len > n_fixed)
    {
      gtk_string_list_splice (self->labels, n_fixed, self->tags->len - n_fixed, NULL);
      g_ptr_array_set_size (self->tags, n_fixed);
    }

  for (guint i = 0; i < self->tags->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->tags, i), language) == 0)
      selected = i;

  if (selected == G_MAXUINT)
    {
      g_ptr_array_add (self->tags, g_strdup (language));
      gtk_string_list_append (self->labels, language);
      selected = self->tags->len - 1;
    }

  adw_combo_row_set_selected (ADW_COMBO_ROW (self), selected);
  self->syncing = FALSE;
}

static void
on_plan_notify_language_cb (CycleLanguageRow *self)
{
  sync_from_plan (self);
}

static void
on_selected_cb (CycleLanguageRow *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));

  if (self->syncing || self->plan == NULL || selected >= self->tags->len)
    return;

  cycle_plan_set_language (self->plan, g_ptr_array_index (self->tags, selected));
}

static void
cycle_language_row_dispose (GObject *object)
{
  CycleLanguageRow *self = CYCLE_LANGUAGE_ROW (object);

  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);
  g_clear_object (&self->plan_signals);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cycle_language_row_parent_class)->dispose (object);
}

static void
cycle_language_row_finalize (GObject *object)
{
  CycleLanguageRow *self = CYCLE_LANGUAGE_ROW (object);

  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_object (&self->labels);

  G_OBJECT_CLASS (cycle_language_row_parent_class)->finalize (object);
}

static void
cycle_language_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CycleLanguageRow *self = CYCLE_LANGUAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_language_row_set_plan (CycleLanguageRow *self,
                             CyclePlan        *plan)
{
  g_return_if_fail (CYCLE_IS_LANGUAGE_ROW (self));
  g_return_if_fail (plan == NULL || CYCLE_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  g_signal_group_set_target (self->plan_signals, plan);
  sync_from_plan (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

static void
cycle_language_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CycleLanguageRow *self = CYCLE_LANGUAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      cycle_language_row_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_language_row_class_init (CycleLanguageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cycle_language_row_dispose;
  object_class->finalize = cycle_language_row_finalize;
  object_class->get_property = cycle_language_row_get_property;
  object_class->set_property = cycle_language_row_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CYCLE_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cycle_language_row_init (CycleLanguageRow *self)
{
  const char * const *languages = cycle_sales_talk_get_languages ();

  self->labels = gtk_string_list_new (NULL);
  self->tags = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      g_ptr_array_add (self->tags, g_strdup (languages[i]));
      gtk_string_list_append (self->labels, endonym (languages[i]));
    }
  /* Translators: the plan's language, when a file from an older Cycle does not say it: guessed
   * from its words. Short: a phone's 360 px show it beside the row's explanation */
  g_ptr_array_add (self->tags, g_strdup (""));
  gtk_string_list_append (self->labels, _("Automatic"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), _("Language"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self),
                               _("The language the plan is written in (Automatic: guessed from "
                                 "its words). Sales talk is judged in it, whatever language Cycle "
                                 "speaks."));
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->labels));

  self->plan_signals = g_signal_group_new (CYCLE_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify::language",
                                  G_CALLBACK (on_plan_notify_language_cb), self);
  g_signal_connect (self, "notify::selected", G_CALLBACK (on_selected_cb), NULL);

  sync_from_plan (self);
}

CyclePlan *
cycle_language_row_get_plan (CycleLanguageRow *self)
{
  g_return_val_if_fail (CYCLE_IS_LANGUAGE_ROW (self), NULL);
  return self->plan;
}
