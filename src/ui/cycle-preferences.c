/* cycle-preferences.c: the Preferences window, bound to org.example.Cycle
 *
 * Each row is bound to its key with g_settings_bind, so a change shows at once everywhere and
 * there is nothing to apply.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-accessible.h"
#include "cycle-preferences.h"
#include "cycle-templates.h"

struct _CyclePreferences
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwComboRow          *template_row;
  AdwComboRow          *layout_row;
  AdwComboRow          *style_row;
  GtkSpinButton        *autosave_spin;
};

G_DEFINE_FINAL_TYPE (CyclePreferences, cycle_preferences, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo rows' items, in order, as the keys spell them. */
static const char * const layout_values[] = { "free", "funnel", "cycle", "two-lanes", NULL };
static const char * const style_values[] = { "default", "light", "dark", NULL };

/* A string key ↔ the position of its value in a NULL-terminated array (the user data). */
static gboolean
get_position_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  const char * const *values = user_data;
  const char *string = g_variant_get_string (variant, NULL);

  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], string) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }

  /* A value the row does not know (a template since removed): the first. */
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
set_position_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  const char * const *values = user_data;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) values))
    return NULL;

  return g_variant_new_string (values[position]);
}

static gboolean
get_template_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  int index = cycle_templates_find (g_variant_get_string (variant, NULL));

  if (index < 0)
    index = cycle_templates_find (CYCLE_TEMPLATE_BLANK);
  g_value_set_uint (value, MAX (index, 0));
  return TRUE;
}

static GVariant *
set_template_mapping (const GValue       *value,
                      const GVariantType *expected_type,
                      gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= cycle_templates_get_count ())
    return NULL;

  return g_variant_new_string (cycle_templates_get_id (position));
}

static void
cycle_preferences_dispose (GObject *object)
{
  CyclePreferences *self = CYCLE_PREFERENCES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_PREFERENCES);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cycle_preferences_parent_class)->dispose (object);
}

static void
cycle_preferences_class_init (CyclePreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, CyclePreferences, template_row);
  gtk_widget_class_bind_template_child (widget_class, CyclePreferences, layout_row);
  gtk_widget_class_bind_template_child (widget_class, CyclePreferences, style_row);
  gtk_widget_class_bind_template_child (widget_class, CyclePreferences, autosave_spin);
}

static void
cycle_preferences_init (CyclePreferences *self)
{
  g_autoptr(GtkStringList) templates = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  cycle_accessible_name_rows (GTK_WIDGET (self));

  for (guint i = 0; i < cycle_templates_get_count (); i++)
    gtk_string_list_append (templates, cycle_templates_get_name (i));
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (templates));

  self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "autosave-delay", self->autosave_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "default-template",
                                self->template_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                get_template_mapping, set_template_mapping, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "last-layout",
                                self->layout_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                get_position_mapping, set_position_mapping,
                                (gpointer) layout_values, NULL);
  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->style_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                get_position_mapping, set_position_mapping,
                                (gpointer) style_values, NULL);
}

CyclePreferences *
cycle_preferences_new (GtkWindow *parent)
{
  return g_object_new (CYCLE_TYPE_PREFERENCES,
                       "transient-for", parent,
                       NULL);
}
