/* cycle-item.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-item"

#include "config.h"

#include <math.h>

#include "cycle-item-private.h"
#include "cycle-plan-private.h"

typedef struct
{
  char       *id;
  CyclePlan        *plan;         /* not owned: the plan owns its items */
  CycleJsonMembers *unknown;      /* members Cycle does not know, as compact text */
  JsonObject       *extras_view;  /* a json-glib copy of them, made when asked for */
} CycleItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CycleItem, cycle_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cycle_item_finalize (GObject *object)
{
  CycleItemPrivate *priv = cycle_item_get_instance_private (CYCLE_ITEM (object));

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->unknown, cycle_json_members_free);
  g_clear_pointer (&priv->extras_view, json_object_unref);

  G_OBJECT_CLASS (cycle_item_parent_class)->finalize (object);
}

static void
cycle_item_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CycleItem *self = CYCLE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, cycle_item_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_item_class_init (CycleItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cycle_item_finalize;
  object_class->get_property = cycle_item_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cycle_item_init (CycleItem *self)
{
}

const char *
cycle_item_get_id (CycleItem *self)
{
  CycleItemPrivate *priv = cycle_item_get_instance_private (self);

  g_return_val_if_fail (CYCLE_IS_ITEM (self), NULL);

  return priv->id;
}

void
cycle_item_set_id (CycleItem  *self,
                   const char *id)
{
  CycleItemPrivate *priv = cycle_item_get_instance_private (self);

  g_return_if_fail (CYCLE_IS_ITEM (self));
  /* Links and undo steps point at items, not ids, but the plan indexes items by id. */
  g_return_if_fail (priv->plan == NULL);

  if (g_strcmp0 (priv->id, id) != 0)
    {
      g_free (priv->id);
      priv->id = g_strdup (id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

CyclePlan *
cycle_item_get_plan (CycleItem *self)
{
  CycleItemPrivate *priv = cycle_item_get_instance_private (self);

  g_return_val_if_fail (CYCLE_IS_ITEM (self), NULL);

  return priv->plan;
}

gboolean
cycle_name_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

gboolean
cycle_transform_text_to_name (GBinding     *binding,
                              const GValue *from,
                              GValue       *to,
                              gpointer      user_data)
{
  const char *text = g_value_get_string (from);
  gboolean named = !cycle_name_is_blank (text);

  if (named)
    g_value_set_string (to, text);
  return named;
}

JsonObject *
cycle_item_get_extras (CycleItem *self)
{
  CycleItemPrivate *priv = cycle_item_get_instance_private (self);

  g_return_val_if_fail (CYCLE_IS_ITEM (self), NULL);

  if (priv->extras_view == NULL && priv->unknown != NULL)
    priv->extras_view = cycle_json_members_to_json_object (priv->unknown);
  return priv->extras_view;
}

CycleJsonMembers *
_cycle_item_get_unknown (CycleItem *self)
{
  CycleItemPrivate *priv = cycle_item_get_instance_private (self);

  return priv->unknown;
}

void
_cycle_item_set_plan (CycleItem *self,
                      CyclePlan *plan)
{
  CycleItemPrivate *priv = cycle_item_get_instance_private (self);

  priv->plan = plan;
}

void
_cycle_item_take_extras (CycleItem        *self,
                         CycleJsonMembers *extras)
{
  CycleItemPrivate *priv = cycle_item_get_instance_private (self);

  g_clear_pointer (&priv->unknown, cycle_json_members_free);
  g_clear_pointer (&priv->extras_view, json_object_unref);
  priv->unknown = extras;
}

/* The shared setters. */

static CyclePlan *
owner_plan (gpointer object)
{
  if (CYCLE_IS_PLAN (object))
    return object;
  return cycle_item_get_plan (object);
}

static void
record (gpointer    object,
        GParamSpec *pspec)
{
  CyclePlan *plan = owner_plan (object);

  if (plan != NULL && _cycle_plan_is_recording (plan))
    _cycle_plan_record_property (plan, object, pspec);
}

/* @interned: the value is g_intern_string ()'s, never freed; else the field's own copy */
static gboolean
set_string (gpointer     object,
            char       **field,
            const char  *value,
            GParamSpec  *pspec,
            gboolean     interned)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  record (object, pspec);
  if (interned)
    {
      *field = (char *) g_intern_string (value);
    }
  else
    {
      g_free (*field);
      *field = g_strdup (value);
    }
  g_object_notify_by_pspec (object, pspec);

  return TRUE;
}

gboolean
_cycle_set_string (gpointer     object,
                   char       **field,
                   const char  *value,
                   GParamSpec  *pspec)
{
  return set_string (object, field, value, pspec, FALSE);
}

gboolean
_cycle_set_interned (gpointer      object,
                     const char  **field,
                     const char   *value,
                     GParamSpec   *pspec)
{
  return set_string (object, (char **) field, value, pspec, TRUE);
}

gboolean
_cycle_set_int (gpointer    object,
                int        *field,
                int         value,
                GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  record (object, pspec);
  *field = value;
  g_object_notify_by_pspec (object, pspec);

  return TRUE;
}

gboolean
_cycle_set_double (gpointer    object,
                   double     *field,
                   double      value,
                   GParamSpec *pspec)
{
  g_return_val_if_fail (isfinite (value), FALSE);

  if (*field == value)
    return FALSE;

  record (object, pspec);
  *field = value;
  g_object_notify_by_pspec (object, pspec);

  return TRUE;
}

gboolean
_cycle_set_object (gpointer    object,
                   gpointer   *field,
                   gpointer    value,
                   GParamSpec *pspec)
{
  if (*field == value)
    return FALSE;

  record (object, pspec);
  if (value != NULL)
    g_object_ref (value);
  g_clear_object ((GObject **)field);
  *field = value;
  g_object_notify_by_pspec (object, pspec);

  return TRUE;
}

void
_cycle_item_copy_fields (CycleItem *from,
                         CycleItem *to)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_return_if_fail (CYCLE_IS_ITEM (from));
  g_return_if_fail (G_OBJECT_TYPE (from) == G_OBJECT_TYPE (to));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GValue value = G_VALUE_INIT;

      /* The id is the plan's to give; derived properties are read-only. */
      if (pspecs[i]->owner_type == CYCLE_TYPE_ITEM ||
          (pspecs[i]->flags & G_PARAM_WRITABLE) == 0 ||
          (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (from), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (to), pspecs[i]->name, &value);
      g_value_unset (&value);
    }

  _cycle_item_take_extras (to, cycle_json_members_copy (_cycle_item_get_unknown (from)));
}
