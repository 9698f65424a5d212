/* cycle-link.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-link"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "cycle-format.h"
#include "cycle-item-private.h"
#include "cycle-projection.h"

struct _CycleLink
{
  CycleItem   parent_instance;

  CycleStage *source;
  CycleStage *target;
  double      rate;
  int         kind;
};

G_DEFINE_FINAL_TYPE (CycleLink, cycle_link, CYCLE_TYPE_ITEM)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_TARGET,
  PROP_KIND,
  PROP_RATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cycle_link_dispose (GObject *object)
{
  CycleLink *self = (CycleLink *)object;

  g_clear_object (&self->source);
  g_clear_object (&self->target);

  G_OBJECT_CLASS (cycle_link_parent_class)->dispose (object);
}

static void
cycle_link_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CycleLink *self = CYCLE_LINK (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;
    case PROP_TARGET:
      g_value_set_object (value, self->target);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_RATE:
      g_value_set_double (value, self->rate);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_link_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CycleLink *self = CYCLE_LINK (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      cycle_link_set_source (self, g_value_get_object (value));
      break;
    case PROP_TARGET:
      cycle_link_set_target (self, g_value_get_object (value));
      break;
    case PROP_KIND:
      cycle_link_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_RATE:
      cycle_link_set_rate (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_link_class_init (CycleLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cycle_link_dispose;
  object_class->get_property = cycle_link_get_property;
  object_class->set_property = cycle_link_set_property;

  CYCLE_ITEM_CLASS (klass)->id_prefix = "l";

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", N_("Start"), NULL, CYCLE_TYPE_STAGE, rw);
  properties[PROP_TARGET] =
    g_param_spec_object ("target", N_("End"), NULL, CYCLE_TYPE_STAGE, rw);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", N_("Kind"), NULL, CYCLE_TYPE_LINK_KIND, CYCLE_LINK_NEXT, rw);
  properties[PROP_RATE] =
    g_param_spec_double ("rate", N_("Rate"), NULL,
                         CYCLE_RATE_UNSET, CYCLE_LOOP_RATE_MAX, CYCLE_RATE_UNSET, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cycle_link_init (CycleLink *self)
{
  self->rate = CYCLE_RATE_UNSET;
}

CycleLink *
cycle_link_new (CycleStage    *source,
                CycleStage    *target,
                CycleLinkKind  kind)
{
  CycleLink *self;

  g_return_val_if_fail (source == NULL || CYCLE_IS_STAGE (source), NULL);
  g_return_val_if_fail (target == NULL || CYCLE_IS_STAGE (target), NULL);

  self = g_object_new (CYCLE_TYPE_LINK, NULL);
  g_set_object (&self->source, source);
  g_set_object (&self->target, target);
  self->kind = kind;

  return self;
}

CycleStage *
cycle_link_get_source (CycleLink *self)
{
  g_return_val_if_fail (CYCLE_IS_LINK (self), NULL);
  return self->source;
}

void
cycle_link_set_source (CycleLink  *self,
                       CycleStage *source)
{
  g_return_if_fail (CYCLE_IS_LINK (self));
  g_return_if_fail (source == NULL || CYCLE_IS_STAGE (source));
  _cycle_set_object (self, (gpointer *)&self->source, source, properties[PROP_SOURCE]);
}

CycleStage *
cycle_link_get_target (CycleLink *self)
{
  g_return_val_if_fail (CYCLE_IS_LINK (self), NULL);
  return self->target;
}

void
cycle_link_set_target (CycleLink  *self,
                       CycleStage *target)
{
  g_return_if_fail (CYCLE_IS_LINK (self));
  g_return_if_fail (target == NULL || CYCLE_IS_STAGE (target));
  _cycle_set_object (self, (gpointer *)&self->target, target, properties[PROP_TARGET]);
}

CycleLinkKind
cycle_link_get_kind (CycleLink *self)
{
  g_return_val_if_fail (CYCLE_IS_LINK (self), 0);
  return self->kind;
}

void
cycle_link_set_kind (CycleLink     *self,
                     CycleLinkKind  kind)
{
  g_return_if_fail (CYCLE_IS_LINK (self));
  g_return_if_fail ((guint)kind < cycle_enum_count (CYCLE_TYPE_LINK_KIND));
  _cycle_set_int (self, &self->kind, kind, properties[PROP_KIND]);
}

double
cycle_link_get_rate (CycleLink *self)
{
  g_return_val_if_fail (CYCLE_IS_LINK (self), CYCLE_RATE_UNSET);
  return self->rate;
}

void
cycle_link_set_rate (CycleLink *self,
                     double     rate)
{
  g_return_if_fail (CYCLE_IS_LINK (self));
  g_return_if_fail (rate == CYCLE_RATE_UNSET || (rate >= 0.0 && rate <= CYCLE_LOOP_RATE_MAX));
  _cycle_set_double (self, &self->rate, rate, properties[PROP_RATE]);
}

double
cycle_link_kind_get_max_rate (CycleLinkKind kind)
{
  return kind == CYCLE_LINK_LOOP ? CYCLE_LOOP_RATE_MAX : 1.0;
}

gboolean
cycle_link_kind_accepts_rate (CycleLinkKind kind,
                              double        rate)
{
  return rate == CYCLE_RATE_UNSET ||
         (rate >= 0.0 && rate <= cycle_link_kind_get_max_rate (kind));
}

gboolean
cycle_link_edit (CycleLink     *self,
                 CycleLinkKind  kind,
                 double         rate)
{
  CyclePlan *plan;

  g_return_val_if_fail (CYCLE_IS_LINK (self), FALSE);
  g_return_val_if_fail ((guint)kind < cycle_enum_count (CYCLE_TYPE_LINK_KIND), FALSE);

  if (!cycle_link_kind_accepts_rate (kind, rate))
    return FALSE;
  if ((CycleLinkKind)self->kind == kind && self->rate == rate)
    return TRUE;

  plan = cycle_item_get_plan (CYCLE_ITEM (self));
  if (plan != NULL)
    /* Translators: what undo would do after a link's kind or rate changed */
    cycle_plan_begin_group (plan, _("Change Link"));
  /* In the order that never leaves a rate its kind cannot have, even for a moment. */
  if (cycle_link_kind_accepts_rate (self->kind, rate))
    {
      cycle_link_set_rate (self, rate);
      cycle_link_set_kind (self, kind);
    }
  else
    {
      cycle_link_set_kind (self, kind);
      cycle_link_set_rate (self, rate);
    }
  if (plan != NULL)
    cycle_plan_end_group (plan);

  return TRUE;
}

void
cycle_link_change_kind (CycleLink     *self,
                        CycleLinkKind  kind)
{
  g_return_if_fail (CYCLE_IS_LINK (self));

  cycle_link_edit (self, kind,
                   cycle_link_kind_accepts_rate (kind, self->rate) ? self->rate
                                                                   : CYCLE_RATE_UNSET);
}

char *
cycle_link_format_rate (CycleLink *self)
{
  g_return_val_if_fail (CYCLE_IS_LINK (self), NULL);

  return cycle_link_kind_format_rate (self->kind, self->rate);
}

char *
cycle_link_kind_format_rate (CycleLinkKind kind,
                             double        rate)
{
  g_autofree char *number = NULL;

  if (rate < 0.0)
    return NULL;
  if (kind != CYCLE_LINK_LOOP)
    return cycle_format_percent (rate);

  number = cycle_format_number (rate);
  /* Translators: on a referral loop's arrow: how many new people each person brings */
  return g_strdup_printf (C_("loop rate", "%s each"), number);
}

static const char *
stage_name (CycleStage *stage)
{
  return stage != NULL ? cycle_stage_get_name (stage) : "";
}

char *
cycle_link_describe_rate (CycleLink *self)
{
  const char *source, *target;

  g_return_val_if_fail (CYCLE_IS_LINK (self), NULL);

  source = stage_name (self->source);
  target = stage_name (self->target);

  switch ((CycleLinkKind)self->kind)
    {
    case CYCLE_LINK_LOOP:
      {
        g_autofree char *number = NULL;
        double rounded;

        if (self->rate < 0.0)
          return cycle_projection_describe_missing_rate (self);

        number = cycle_format_number (self->rate);
        rounded = round (self->rate);
        /* Translators: a loop's rate in a sentence; the first %s is a stage, the second the
         * number of people (already formatted, "0.5"), the third the stage they come back to */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Each person in “%s” brings %s new person to “%s” "
                                             "in the next cycle.",
                                             "Each person in “%s” brings %s new people to “%s” "
                                             "in the next cycle.",
                                             self->rate == 1.0 ? 1 : (gulong)MAX (rounded, 2.0)),
                                source, number, target);
      }

    case CYCLE_LINK_MAPPING:
      {
        g_autofree char *percent = NULL;

        if (self->rate < 0.0)
          /* Translators: a mapping link without a rate */
          return g_strdup_printf (_("No rate: the mapping says that “%s” and “%s” are the same "
                                    "moment in the two lanes."), source, target);

        percent = cycle_format_percent (self->rate);
        /* Translators: a mapping link's rate in a sentence; %s: a percentage, two stages */
        return g_strdup_printf (_("%s of the people in “%s” are in “%s” of the other lane."),
                                percent, source, target);
      }

    case CYCLE_LINK_NEXT:
    default:
      {
        g_autofree char *percent = NULL;
        double rate = self->rate;

        if (rate < 0.0 && self->source != NULL)
          {
            rate = cycle_stage_get_conversion_rate (self->source);
            if (rate < 0.0)
              return cycle_projection_describe_missing_rate (self);

            percent = cycle_format_percent (rate);
            /* Translators: a next step without a rate of its own; %s: a stage, then its
             * conversion rate ("4%") */
            return g_strdup_printf (_("No rate of its own: the conversion rate of “%s” applies, "
                                      "%s."), source, percent);
          }
        if (rate < 0.0)
          return cycle_projection_describe_missing_rate (self);

        percent = cycle_format_percent (rate);
        /* Translators: a next step's rate in a sentence; %s: a percentage, two stages */
        return g_strdup_printf (_("%s of the people in “%s” go on to “%s”."),
                                percent, source, target);
      }
    }
}

char *
cycle_link_describe_from (CycleLink  *self,
                          CycleStage *from)
{
  gboolean outgoing;
  const char *other;

  g_return_val_if_fail (CYCLE_IS_LINK (self), NULL);

  outgoing = from == self->source;
  other = stage_name (outgoing ? self->target : self->source);

  switch ((CycleLinkKind)self->kind)
    {
    case CYCLE_LINK_LOOP:
      return outgoing ? g_strdup_printf (_("Loop back to “%s”"), other)
                      : g_strdup_printf (_("Loop back from “%s”"), other);
    case CYCLE_LINK_MAPPING:
      return outgoing ? g_strdup_printf (_("Mapping to “%s”"), other)
                      : g_strdup_printf (_("Mapping from “%s”"), other);
    case CYCLE_LINK_NEXT:
    default:
      return outgoing ? g_strdup_printf (_("Next step to “%s”"), other)
                      : g_strdup_printf (_("Next step from “%s”"), other);
    }
}
