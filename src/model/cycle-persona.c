/* cycle-persona.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-persona"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cycle-item-private.h"

struct _CyclePersona
{
  CycleItem  parent_instance;

  char      *name;
  char      *description;
  char      *why;
};

G_DEFINE_FINAL_TYPE (CyclePersona, cycle_persona, CYCLE_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_WHY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cycle_persona_finalize (GObject *object)
{
  CyclePersona *self = (CyclePersona *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->why, g_free);

  G_OBJECT_CLASS (cycle_persona_parent_class)->finalize (object);
}

static void
cycle_persona_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CyclePersona *self = CYCLE_PERSONA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, cycle_persona_get_name (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, cycle_persona_get_description (self));
      break;
    case PROP_WHY:
      g_value_set_string (value, cycle_persona_get_why (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_persona_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CyclePersona *self = CYCLE_PERSONA (object);

  switch (prop_id)
    {
    case PROP_NAME:
      cycle_persona_set_name (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      cycle_persona_set_description (self, g_value_get_string (value));
      break;
    case PROP_WHY:
      cycle_persona_set_why (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_persona_class_init (CyclePersonaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cycle_persona_finalize;
  object_class->get_property = cycle_persona_get_property;
  object_class->set_property = cycle_persona_set_property;

  CYCLE_ITEM_CLASS (klass)->id_prefix = "p";

  properties[PROP_NAME] = g_param_spec_string ("name", N_("Name"), NULL, "", rw);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("Description"), NULL, "", rw);
  properties[PROP_WHY] = g_param_spec_string ("why", N_("Why"), NULL, "", rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cycle_persona_init (CyclePersona *self)
{
}

CyclePersona *
cycle_persona_new (const char *name)
{
  CyclePersona *self = g_object_new (CYCLE_TYPE_PERSONA, NULL);

  self->name = (name != NULL && name[0] != '\0') ? g_strdup (name) : NULL;
  return self;
}

#define STRING_ACCESSORS(field, PROP)                                           \
  const char *                                                                  \
  cycle_persona_get_##field (CyclePersona *self)                                \
  {                                                                             \
    g_return_val_if_fail (CYCLE_IS_PERSONA (self), NULL);                       \
    return _cycle_str (self->field);                                            \
  }                                                                             \
  void                                                                          \
  cycle_persona_set_##field (CyclePersona *self,                                \
                             const char   *field)                               \
  {                                                                             \
    g_return_if_fail (CYCLE_IS_PERSONA (self));                                 \
    _cycle_set_string (self, &self->field, field, properties[PROP]);            \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (description, PROP_DESCRIPTION)
STRING_ACCESSORS (why, PROP_WHY)
