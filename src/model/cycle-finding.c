/* cycle-finding.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-finding"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cycle-finding.h"
#include "cycle-plan.h"

/* The enums live in cycle-enums.c with the others; these name them for callers. */

const char *
cycle_finding_kind_to_nick (CycleFindingKind kind)
{
  return cycle_enum_to_nick (CYCLE_TYPE_FINDING_KIND, kind);
}

const char *
cycle_severity_to_nick (CycleSeverity severity)
{
  return cycle_enum_to_nick (CYCLE_TYPE_SEVERITY, severity);
}

const char *
cycle_finding_kind_get_label (CycleFindingKind kind)
{
  return cycle_enum_get_label (CYCLE_TYPE_FINDING_KIND, kind);
}

const char *
cycle_severity_get_label (CycleSeverity severity)
{
  return cycle_enum_get_label (CYCLE_TYPE_SEVERITY, severity);
}

/* The finding */

typedef enum {
  FIX_NONE,
  FIX_MOVE,
  FIX_COMMITMENT,
  FIX_LINK,
  FIX_DIRECTION,
} FixKind;

struct _CycleFinding
{
  GObject          parent_instance;

  CycleFindingKind kind;
  CycleSeverity    severity;
  char            *key;
  char            *message;
  CycleStage      *stage;
  CycleContent    *content;
  CyclePersona    *persona;
  CycleLink       *link;

  FixKind          fix;
  char            *fix_label;
  CycleStage      *fix_source;   /* FIX_LINK */
  CycleStage      *fix_target;   /* FIX_MOVE, FIX_LINK */
  int              fix_value;    /* FIX_COMMITMENT: the commitment; FIX_LINK: the link kind;
                                  * FIX_DIRECTION: the direction */
};

G_DEFINE_FINAL_TYPE (CycleFinding, cycle_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_SEVERITY,
  PROP_KEY,
  PROP_MESSAGE,
  PROP_STAGE,
  PROP_CONTENT,
  PROP_PERSONA,
  PROP_LINK,
  PROP_CAN_FIX,
  PROP_FIX_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cycle_finding_dispose (GObject *object)
{
  CycleFinding *self = (CycleFinding *)object;

  g_clear_object (&self->stage);
  g_clear_object (&self->content);
  g_clear_object (&self->persona);
  g_clear_object (&self->link);
  g_clear_object (&self->fix_source);
  g_clear_object (&self->fix_target);

  G_OBJECT_CLASS (cycle_finding_parent_class)->dispose (object);
}

static void
cycle_finding_finalize (GObject *object)
{
  CycleFinding *self = (CycleFinding *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->fix_label, g_free);

  G_OBJECT_CLASS (cycle_finding_parent_class)->finalize (object);
}

static void
cycle_finding_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CycleFinding *self = CYCLE_FINDING (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_PERSONA:
      g_value_set_object (value, self->persona);
      break;
    case PROP_LINK:
      g_value_set_object (value, self->link);
      break;
    case PROP_CAN_FIX:
      g_value_set_boolean (value, cycle_finding_can_fix (self));
      break;
    case PROP_FIX_LABEL:
      g_value_set_string (value, self->fix_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_finding_class_init (CycleFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cycle_finding_dispose;
  object_class->finalize = cycle_finding_finalize;
  object_class->get_property = cycle_finding_get_property;

  /* Read-only: a finding never changes; the checker replaces it. */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CYCLE_TYPE_FINDING_KIND, CYCLE_FINDING_PERMISSION, ro);
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, CYCLE_TYPE_SEVERITY, CYCLE_SEVERITY_INFO, ro);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, ro);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro);
  properties[PROP_STAGE] = g_param_spec_object ("stage", NULL, NULL, CYCLE_TYPE_STAGE, ro);
  properties[PROP_CONTENT] = g_param_spec_object ("content", NULL, NULL, CYCLE_TYPE_CONTENT, ro);
  properties[PROP_PERSONA] = g_param_spec_object ("persona", NULL, NULL, CYCLE_TYPE_PERSONA, ro);
  properties[PROP_LINK] = g_param_spec_object ("link", NULL, NULL, CYCLE_TYPE_LINK, ro);
  properties[PROP_CAN_FIX] = g_param_spec_boolean ("can-fix", NULL, NULL, FALSE, ro);
  properties[PROP_FIX_LABEL] = g_param_spec_string ("fix-label", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cycle_finding_init (CycleFinding *self)
{
}

CycleFinding *
_cycle_finding_new (CycleFindingKind            kind,
                    CycleSeverity               severity,
                    const char                 *key,
                    char                       *message,
                    const CycleFindingSubjects *subjects)
{
  CycleFinding *self = g_object_new (CYCLE_TYPE_FINDING, NULL);

  self->kind = kind;
  self->severity = severity;
  self->key = g_strdup (key);
  self->message = message;
  if (subjects != NULL)
    {
      g_set_object (&self->stage, subjects->stage);
      g_set_object (&self->content, subjects->content);
      g_set_object (&self->persona, subjects->persona);
      g_set_object (&self->link, subjects->link);
    }

  return self;
}

void
_cycle_finding_set_fix_move (CycleFinding *self,
                             CycleStage   *target,
                             char         *label)
{
  g_return_if_fail (CYCLE_IS_FINDING (self));
  g_return_if_fail (CYCLE_IS_STAGE (target));
  g_return_if_fail (self->content != NULL);

  self->fix = FIX_MOVE;
  g_set_object (&self->fix_target, target);
  g_free (self->fix_label);
  self->fix_label = label;
}

void
_cycle_finding_set_fix_commitment (CycleFinding    *self,
                                   CycleCommitment  commitment,
                                   char            *label)
{
  g_return_if_fail (CYCLE_IS_FINDING (self));
  g_return_if_fail (self->content != NULL);

  self->fix = FIX_COMMITMENT;
  self->fix_value = commitment;
  g_free (self->fix_label);
  self->fix_label = label;
}

void
_cycle_finding_set_fix_direction (CycleFinding   *self,
                                  CycleDirection  direction,
                                  char           *label)
{
  g_return_if_fail (CYCLE_IS_FINDING (self));
  g_return_if_fail (self->content != NULL);

  self->fix = FIX_DIRECTION;
  self->fix_value = direction;
  g_free (self->fix_label);
  self->fix_label = label;
}

void
_cycle_finding_set_fix_link (CycleFinding  *self,
                             CycleStage    *source,
                             CycleStage    *target,
                             CycleLinkKind  kind,
                             char          *label)
{
  g_return_if_fail (CYCLE_IS_FINDING (self));
  g_return_if_fail (CYCLE_IS_STAGE (source));
  g_return_if_fail (CYCLE_IS_STAGE (target));

  self->fix = FIX_LINK;
  g_set_object (&self->fix_source, source);
  g_set_object (&self->fix_target, target);
  self->fix_value = kind;
  g_free (self->fix_label);
  self->fix_label = label;
}

CycleFindingKind
cycle_finding_get_kind (CycleFinding *self)
{
  g_return_val_if_fail (CYCLE_IS_FINDING (self), CYCLE_FINDING_CONSISTENCY);
  return self->kind;
}

CycleSeverity
cycle_finding_get_severity (CycleFinding *self)
{
  g_return_val_if_fail (CYCLE_IS_FINDING (self), CYCLE_SEVERITY_INFO);
  return self->severity;
}

const char *
cycle_finding_get_message (CycleFinding *self)
{
  g_return_val_if_fail (CYCLE_IS_FINDING (self), NULL);
  return self->message;
}

const char *
cycle_finding_get_key (CycleFinding *self)
{
  g_return_val_if_fail (CYCLE_IS_FINDING (self), NULL);
  return self->key;
}

CycleStage *
cycle_finding_get_stage (CycleFinding *self)
{
  g_return_val_if_fail (CYCLE_IS_FINDING (self), NULL);
  return self->stage;
}

CycleContent *
cycle_finding_get_content (CycleFinding *self)
{
  g_return_val_if_fail (CYCLE_IS_FINDING (self), NULL);
  return self->content;
}

CyclePersona *
cycle_finding_get_persona (CycleFinding *self)
{
  g_return_val_if_fail (CYCLE_IS_FINDING (self), NULL);
  return self->persona;
}

CycleLink *
cycle_finding_get_link (CycleFinding *self)
{
  g_return_val_if_fail (CYCLE_IS_FINDING (self), NULL);
  return self->link;
}

gboolean
cycle_finding_can_fix (CycleFinding *self)
{
  g_return_val_if_fail (CYCLE_IS_FINDING (self), FALSE);
  return self->fix != FIX_NONE;
}

const char *
cycle_finding_get_fix_label (CycleFinding *self)
{
  g_return_val_if_fail (CYCLE_IS_FINDING (self), NULL);
  return self->fix_label;
}

static gboolean
in_plan (gpointer   item,
         CyclePlan *plan)
{
  return item != NULL && cycle_item_get_plan (CYCLE_ITEM (item)) == plan;
}

static gboolean
has_link (CyclePlan     *plan,
          CycleStage    *source,
          CycleStage    *target,
          CycleLinkKind  kind)
{
  GListModel *links = cycle_plan_get_links (plan);
  guint n = g_list_model_get_n_items (links);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (links, i);

      if (cycle_link_get_source (link) == source && cycle_link_get_target (link) == target &&
          cycle_link_get_kind (link) == kind)
        return TRUE;
    }

  return FALSE;
}

gboolean
cycle_finding_apply_fix (CycleFinding *self)
{
  CyclePlan *plan;

  g_return_val_if_fail (CYCLE_IS_FINDING (self), FALSE);

  if (self->fix == FIX_NONE || self->stage == NULL)
    return FALSE;

  plan = cycle_item_get_plan (CYCLE_ITEM (self->stage));
  if (plan == NULL)
    return FALSE;

  switch (self->fix)
    {
    case FIX_MOVE:
      /* Only while the content still is where the finding saw it. */
      if (!in_plan (self->content, plan) || !in_plan (self->fix_target, plan) ||
          cycle_content_get_stage (self->content) != self->stage)
        return FALSE;
      cycle_plan_begin_group (plan, self->fix_label);
      cycle_plan_move_content (plan, self->content, self->fix_target, -1);
      cycle_plan_end_group (plan);
      return TRUE;

    case FIX_COMMITMENT:
      if (!in_plan (self->content, plan) ||
          cycle_content_get_stage (self->content) != self->stage ||
          cycle_content_get_commitment (self->content) <= (CycleCommitment)self->fix_value)
        return FALSE;
      cycle_plan_begin_group (plan, self->fix_label);
      cycle_content_set_commitment (self->content, self->fix_value);
      cycle_plan_end_group (plan);
      return TRUE;

    case FIX_DIRECTION:
      if (!in_plan (self->content, plan) ||
          cycle_content_get_stage (self->content) != self->stage ||
          cycle_content_get_direction_choice (self->content) == (CycleDirection)self->fix_value)
        return FALSE;
      cycle_plan_begin_group (plan, self->fix_label);
      cycle_content_set_direction (self->content, self->fix_value);
      cycle_plan_end_group (plan);
      return TRUE;

    case FIX_LINK:
      if (!in_plan (self->fix_source, plan) || !in_plan (self->fix_target, plan) ||
          has_link (plan, self->fix_source, self->fix_target, self->fix_value))
        return FALSE;
      {
        g_autoptr(CycleLink) link = cycle_link_new (self->fix_source, self->fix_target,
                                                    self->fix_value);

        cycle_plan_begin_group (plan, self->fix_label);
        cycle_plan_add_link (plan, link);
        cycle_plan_end_group (plan);
      }
      return TRUE;

    case FIX_NONE:
    default:
      return FALSE;
    }
}

gboolean
cycle_finding_equal (CycleFinding *a,
                     CycleFinding *b)
{
  g_return_val_if_fail (CYCLE_IS_FINDING (a), FALSE);
  g_return_val_if_fail (CYCLE_IS_FINDING (b), FALSE);

  if (a == b)
    return TRUE;

  return a->kind == b->kind &&
         a->severity == b->severity &&
         a->stage == b->stage &&
         a->content == b->content &&
         a->persona == b->persona &&
         a->link == b->link &&
         a->fix == b->fix &&
         a->fix_source == b->fix_source &&
         a->fix_target == b->fix_target &&
         a->fix_value == b->fix_value &&
         g_strcmp0 (a->key, b->key) == 0 &&
         g_strcmp0 (a->message, b->message) == 0 &&
         g_strcmp0 (a->fix_label, b->fix_label) == 0;
}
