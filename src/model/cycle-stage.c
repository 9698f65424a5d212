/* cycle-stage.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-stage"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-item-private.h"
#include "cycle-stage-private.h"

struct _CycleStage
{
  CycleItem        parent_instance;

  char            *name;
  char            *why;
  char            *question;
  char            *kpi;
  const char      *owner;    /* interned */
  char            *color;
  double           conversion_rate;
  double           x;
  double           y;
  int              days;
  int              lane;
  int              permission;
  int              role;

  GListStore      *content;
};

G_DEFINE_FINAL_TYPE (CycleStage, cycle_stage, CYCLE_TYPE_ITEM)

enum {
  PROP_0,
  PROP_NAME,
  PROP_LANE,
  PROP_WHY,
  PROP_QUESTION,
  PROP_PERMISSION,
  PROP_ROLE,
  PROP_KPI,
  PROP_CONVERSION_RATE,
  PROP_DAYS,
  PROP_OWNER,
  PROP_COLOR,
  PROP_X,
  PROP_Y,
  PROP_N_CONTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_content_items_changed_cb (CycleStage *self,
                             guint       position,
                             guint       removed,
                             guint       added)
{
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONTENT]);
}

static void
cycle_stage_finalize (GObject *object)
{
  CycleStage *self = (CycleStage *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->why, g_free);
  g_clear_pointer (&self->question, g_free);
  g_clear_pointer (&self->kpi, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (cycle_stage_parent_class)->finalize (object);
}

static void
cycle_stage_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CycleStage *self = CYCLE_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, cycle_stage_get_name (self));
      break;
    case PROP_LANE:
      g_value_set_enum (value, self->lane);
      break;
    case PROP_WHY:
      g_value_set_string (value, cycle_stage_get_why (self));
      break;
    case PROP_QUESTION:
      g_value_set_string (value, cycle_stage_get_question (self));
      break;
    case PROP_PERMISSION:
      g_value_set_enum (value, self->permission);
      break;
    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;
    case PROP_KPI:
      g_value_set_string (value, cycle_stage_get_kpi (self));
      break;
    case PROP_CONVERSION_RATE:
      g_value_set_double (value, self->conversion_rate);
      break;
    case PROP_DAYS:
      g_value_set_int (value, self->days);
      break;
    case PROP_OWNER:
      g_value_set_string (value, cycle_stage_get_owner (self));
      break;
    case PROP_COLOR:
      g_value_set_string (value, cycle_stage_get_color (self));
      break;
    case PROP_X:
      g_value_set_double (value, self->x);
      break;
    case PROP_Y:
      g_value_set_double (value, self->y);
      break;
    case PROP_N_CONTENT:
      g_value_set_uint (value, cycle_stage_get_n_content (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_stage_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CycleStage *self = CYCLE_STAGE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      cycle_stage_set_name (self, g_value_get_string (value));
      break;
    case PROP_LANE:
      cycle_stage_set_lane (self, g_value_get_enum (value));
      break;
    case PROP_WHY:
      cycle_stage_set_why (self, g_value_get_string (value));
      break;
    case PROP_QUESTION:
      cycle_stage_set_question (self, g_value_get_string (value));
      break;
    case PROP_PERMISSION:
      cycle_stage_set_permission (self, g_value_get_enum (value));
      break;
    case PROP_ROLE:
      cycle_stage_set_role (self, g_value_get_enum (value));
      break;
    case PROP_KPI:
      cycle_stage_set_kpi (self, g_value_get_string (value));
      break;
    case PROP_CONVERSION_RATE:
      cycle_stage_set_conversion_rate (self, g_value_get_double (value));
      break;
    case PROP_DAYS:
      cycle_stage_set_days (self, g_value_get_int (value));
      break;
    case PROP_OWNER:
      cycle_stage_set_owner (self, g_value_get_string (value));
      break;
    case PROP_COLOR:
      cycle_stage_set_color (self, g_value_get_string (value));
      break;
    case PROP_X:
      _cycle_set_double (self, &self->x, g_value_get_double (value), pspec);
      break;
    case PROP_Y:
      _cycle_set_double (self, &self->y, g_value_get_double (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_stage_class_init (CycleStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  CycleItemClass *item_class = CYCLE_ITEM_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = cycle_stage_finalize;
  object_class->get_property = cycle_stage_get_property;
  object_class->set_property = cycle_stage_set_property;

  item_class->id_prefix = "s";

  /* The nick names the field in undo labels ("Undo Change Name"). */
  properties[PROP_NAME] = g_param_spec_string ("name", N_("Name"), NULL, "", rw);
  properties[PROP_LANE] =
    g_param_spec_enum ("lane", N_("Lane"), NULL, CYCLE_TYPE_LANE, CYCLE_LANE_INTERNAL, rw);
  properties[PROP_WHY] = g_param_spec_string ("why", N_("Why"), NULL, "", rw);
  properties[PROP_QUESTION] =
    g_param_spec_string ("question", N_("Buyer’s Question"), NULL, "", rw);
  properties[PROP_PERMISSION] =
    g_param_spec_enum ("permission", N_("Permission"), NULL, CYCLE_TYPE_PERMISSION,
                       CYCLE_PERMISSION_NONE, rw);
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", N_("Role in the Cycle"), NULL, CYCLE_TYPE_ROLE, CYCLE_ROLE_NONE,
                       rw);
  properties[PROP_KPI] = g_param_spec_string ("kpi", N_("KPI"), NULL, "", rw);
  properties[PROP_CONVERSION_RATE] =
    g_param_spec_double ("conversion-rate", N_("Conversion Rate"), NULL,
                         CYCLE_RATE_UNSET, 1.0, CYCLE_RATE_UNSET, rw);
  properties[PROP_DAYS] =
    g_param_spec_int ("days", N_("Days in Stage"), NULL,
                      CYCLE_DAYS_UNSET, 36500, CYCLE_DAYS_UNSET, rw);
  properties[PROP_OWNER] = g_param_spec_string ("owner", N_("Owner"), NULL, "", rw);
  properties[PROP_COLOR] = g_param_spec_string ("color", N_("Color"), NULL, "", rw);
  properties[PROP_X] =
    g_param_spec_double ("x", N_("Position"), NULL, -1e6, 1e6, 0.0, rw);
  properties[PROP_Y] =
    g_param_spec_double ("y", N_("Position"), NULL, -1e6, 1e6, 0.0, rw);
  properties[PROP_N_CONTENT] =
    g_param_spec_uint ("n-content", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cycle_stage_init (CycleStage *self)
{
  self->conversion_rate = CYCLE_RATE_UNSET;
  self->days = CYCLE_DAYS_UNSET;
  self->content = g_list_store_new (CYCLE_TYPE_CONTENT);
  g_signal_connect_object (self->content, "items-changed",
                           G_CALLBACK (on_content_items_changed_cb), self, G_CONNECT_SWAPPED);
}

CycleStage *
cycle_stage_new (const char *name)
{
  CycleStage *self = g_object_new (CYCLE_TYPE_STAGE, NULL);

  self->name = (name != NULL && name[0] != '\0') ? g_strdup (name) : NULL;
  return self;
}

#define STRING_ACCESSORS(field, PROP)                                           \
  const char *                                                                  \
  cycle_stage_get_##field (CycleStage *self)                                    \
  {                                                                             \
    g_return_val_if_fail (CYCLE_IS_STAGE (self), NULL);                         \
    return _cycle_str (self->field);                                            \
  }                                                                             \
  void                                                                          \
  cycle_stage_set_##field (CycleStage *self,                                    \
                           const char *field)                                   \
  {                                                                             \
    g_return_if_fail (CYCLE_IS_STAGE (self));                                   \
    _cycle_set_string (self, &self->field, field, properties[PROP]);            \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (why, PROP_WHY)
STRING_ACCESSORS (question, PROP_QUESTION)
STRING_ACCESSORS (kpi, PROP_KPI)

const char *
cycle_stage_get_display_name (CycleStage *self)
{
  const char *name = cycle_stage_get_name (self);

  return name != NULL && name[0] != '\0' ? name : _("Unnamed Stage");
}

const char *
cycle_stage_get_owner (CycleStage *self)
{
  g_return_val_if_fail (CYCLE_IS_STAGE (self), NULL);
  return _cycle_str (self->owner);
}

void
cycle_stage_set_owner (CycleStage *self,
                       const char *owner)
{
  g_return_if_fail (CYCLE_IS_STAGE (self));
  _cycle_set_interned (self, &self->owner, owner, properties[PROP_OWNER]);
}

CycleLane
cycle_stage_get_lane (CycleStage *self)
{
  g_return_val_if_fail (CYCLE_IS_STAGE (self), 0);
  return self->lane;
}

void
cycle_stage_set_lane (CycleStage *self,
                      CycleLane   lane)
{
  g_return_if_fail (CYCLE_IS_STAGE (self));
  g_return_if_fail ((guint)lane < cycle_enum_count (CYCLE_TYPE_LANE));
  _cycle_set_int (self, &self->lane, lane, properties[PROP_LANE]);
}

CycleRole
cycle_stage_get_role (CycleStage *self)
{
  g_return_val_if_fail (CYCLE_IS_STAGE (self), CYCLE_ROLE_NONE);
  return self->role;
}

void
cycle_stage_set_role (CycleStage *self,
                      CycleRole   role)
{
  g_return_if_fail (CYCLE_IS_STAGE (self));
  g_return_if_fail ((guint)role < cycle_enum_count (CYCLE_TYPE_ROLE));
  _cycle_set_int (self, &self->role, role, properties[PROP_ROLE]);
}

CyclePermission
cycle_stage_get_permission (CycleStage *self)
{
  g_return_val_if_fail (CYCLE_IS_STAGE (self), 0);
  return self->permission;
}

void
cycle_stage_set_permission (CycleStage      *self,
                            CyclePermission  permission)
{
  g_return_if_fail (CYCLE_IS_STAGE (self));
  g_return_if_fail ((guint)permission < cycle_enum_count (CYCLE_TYPE_PERMISSION));
  _cycle_set_int (self, &self->permission, permission, properties[PROP_PERMISSION]);
}

double
cycle_stage_get_conversion_rate (CycleStage *self)
{
  g_return_val_if_fail (CYCLE_IS_STAGE (self), CYCLE_RATE_UNSET);
  return self->conversion_rate;
}

void
cycle_stage_set_conversion_rate (CycleStage *self,
                                 double      rate)
{
  g_return_if_fail (CYCLE_IS_STAGE (self));
  g_return_if_fail (rate == CYCLE_RATE_UNSET || (rate >= 0.0 && rate <= 1.0));
  _cycle_set_double (self, &self->conversion_rate, rate, properties[PROP_CONVERSION_RATE]);
}

int
cycle_stage_get_days (CycleStage *self)
{
  g_return_val_if_fail (CYCLE_IS_STAGE (self), CYCLE_DAYS_UNSET);
  return self->days;
}

void
cycle_stage_set_days (CycleStage *self,
                      int         days)
{
  g_return_if_fail (CYCLE_IS_STAGE (self));
  g_return_if_fail (days >= CYCLE_DAYS_UNSET && days <= 36500);
  _cycle_set_int (self, &self->days, days, properties[PROP_DAYS]);
}

static gboolean
color_is_valid (const char *color)
{
  if (color == NULL || color[0] == '\0')
    return TRUE;
  if (strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

const char *
cycle_stage_get_color (CycleStage *self)
{
  g_return_val_if_fail (CYCLE_IS_STAGE (self), NULL);
  return _cycle_str (self->color);
}

void
cycle_stage_set_color (CycleStage *self,
                       const char *color)
{
  g_return_if_fail (CYCLE_IS_STAGE (self));
  g_return_if_fail (color_is_valid (color));
  _cycle_set_string (self, &self->color, color, properties[PROP_COLOR]);
}

double
cycle_stage_get_x (CycleStage *self)
{
  g_return_val_if_fail (CYCLE_IS_STAGE (self), 0);
  return self->x;
}

double
cycle_stage_get_y (CycleStage *self)
{
  g_return_val_if_fail (CYCLE_IS_STAGE (self), 0);
  return self->y;
}

void
cycle_stage_set_position (CycleStage *self,
                          double      x,
                          double      y)
{
  CyclePlan *plan;

  g_return_if_fail (CYCLE_IS_STAGE (self));
  g_return_if_fail (x >= -1e6 && x <= 1e6 && y >= -1e6 && y <= 1e6);

  if (self->x == x && self->y == y)
    return;

  plan = cycle_item_get_plan (CYCLE_ITEM (self));
  if (plan != NULL)
    cycle_plan_begin_group (plan, _("Move Stage"));
  _cycle_set_double (self, &self->x, x, properties[PROP_X]);
  _cycle_set_double (self, &self->y, y, properties[PROP_Y]);
  if (plan != NULL)
    cycle_plan_end_group (plan);
}

GListModel *
cycle_stage_get_content (CycleStage *self)
{
  g_return_val_if_fail (CYCLE_IS_STAGE (self), NULL);
  return G_LIST_MODEL (self->content);
}

guint
cycle_stage_get_n_content (CycleStage *self)
{
  g_return_val_if_fail (CYCLE_IS_STAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->content));
}

GListStore *
_cycle_stage_get_store (CycleStage *self)
{
  return self->content;
}
