/* cycle-plan.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-plan"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-item-private.h"
#include "cycle-content-private.h"
#include "cycle-stage-private.h"
#include "cycle-plan-private.h"
#include "cycle-undo-private.h"
#include "cycle-flat-list-private.h"

struct _CyclePlan
{
  GObject     parent_instance;

  char       *title;
  char       *why;
  char       *how;
  char       *what;
  char       *description;
  char       *language;
  char       *uid;
  int         layout;
  double      projection_start;
  int         projection_cycles;
  char       *campaign_start;   /* "" or NULL: not a launch campaign */
  char       *conflicts;   /* a merge's conflicts, as compact JSON text (cycle-merge.c) */

  GListStore *stages;
  GListStore *links;
  GListStore *personas;
  GListModel *all_content;

  /* id → item, borrowed from the items */
  GHashTable *stage_ids;
  GHashTable *content_ids;
  GHashTable *persona_ids;
  GHashTable *link_ids;

  CycleJsonMembers *extras;          /* members Cycle does not know, as compact text */
  CycleJsonMembers *purpose_extras;
  JsonObject       *extras_view;     /* a json-glib copy of extras, made when asked for */

  CycleUndo  *undo;
  gboolean    loading;   /* nothing to undo while a file is read */
};

G_DEFINE_FINAL_TYPE (CyclePlan, cycle_plan, G_TYPE_OBJECT)

enum {
  CONTENT_DATES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_TITLE,
  PROP_WHY,
  PROP_HOW,
  PROP_WHAT,
  PROP_DESCRIPTION,
  PROP_LAYOUT,
  PROP_PROJECTION_START,
  PROP_PROJECTION_CYCLES,
  PROP_LANGUAGE,
  PROP_CAMPAIGN_START,
  PROP_CONFLICTS,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
detach_all (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleItem) item = g_list_model_get_item (model, i);
      _cycle_item_set_plan (item, NULL);
    }
}

static void
cycle_plan_dispose (GObject *object)
{
  CyclePlan *self = (CyclePlan *)object;

  g_clear_pointer (&self->undo, _cycle_undo_free);

  /* Views may keep items alive after the plan is gone: they must not point back at it. */
  if (self->stages != NULL)
    {
      detach_all (self->all_content);
      detach_all (G_LIST_MODEL (self->stages));
      detach_all (G_LIST_MODEL (self->links));
      detach_all (G_LIST_MODEL (self->personas));
    }

  g_clear_object (&self->all_content);
  g_clear_object (&self->links);
  g_clear_object (&self->stages);
  g_clear_object (&self->personas);

  G_OBJECT_CLASS (cycle_plan_parent_class)->dispose (object);
}

static void
cycle_plan_finalize (GObject *object)
{
  CyclePlan *self = (CyclePlan *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->why, g_free);
  g_clear_pointer (&self->how, g_free);
  g_clear_pointer (&self->what, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->campaign_start, g_free);
  g_clear_pointer (&self->conflicts, g_free);
  g_clear_pointer (&self->stage_ids, g_hash_table_unref);
  g_clear_pointer (&self->content_ids, g_hash_table_unref);
  g_clear_pointer (&self->persona_ids, g_hash_table_unref);
  g_clear_pointer (&self->link_ids, g_hash_table_unref);
  g_clear_pointer (&self->extras, cycle_json_members_free);
  g_clear_pointer (&self->purpose_extras, cycle_json_members_free);
  g_clear_pointer (&self->extras_view, json_object_unref);

  G_OBJECT_CLASS (cycle_plan_parent_class)->finalize (object);
}

static void
cycle_plan_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CyclePlan *self = CYCLE_PLAN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, cycle_plan_get_title (self));
      break;
    case PROP_WHY:
      g_value_set_string (value, cycle_plan_get_why (self));
      break;
    case PROP_HOW:
      g_value_set_string (value, cycle_plan_get_how (self));
      break;
    case PROP_WHAT:
      g_value_set_string (value, cycle_plan_get_what (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, cycle_plan_get_description (self));
      break;
    case PROP_LAYOUT:
      g_value_set_enum (value, self->layout);
      break;
    case PROP_PROJECTION_START:
      g_value_set_double (value, self->projection_start);
      break;
    case PROP_PROJECTION_CYCLES:
      g_value_set_uint (value, (guint) self->projection_cycles);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, cycle_plan_get_language (self));
      break;
    case PROP_CAMPAIGN_START:
      g_value_set_string (value, cycle_plan_get_campaign_start (self));
      break;
    case PROP_CONFLICTS:
      g_value_set_string (value, self->conflicts);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cycle_plan_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cycle_plan_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, cycle_plan_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, cycle_plan_get_redo_label (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, cycle_plan_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_plan_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CyclePlan *self = CYCLE_PLAN (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      cycle_plan_set_title (self, g_value_get_string (value));
      break;
    case PROP_WHY:
      cycle_plan_set_why (self, g_value_get_string (value));
      break;
    case PROP_HOW:
      cycle_plan_set_how (self, g_value_get_string (value));
      break;
    case PROP_WHAT:
      cycle_plan_set_what (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      cycle_plan_set_description (self, g_value_get_string (value));
      break;
    case PROP_LAYOUT:
      cycle_plan_set_layout (self, g_value_get_enum (value));
      break;
    case PROP_PROJECTION_START:
      cycle_plan_set_projection_start (self, g_value_get_double (value));
      break;
    case PROP_PROJECTION_CYCLES:
      cycle_plan_set_projection_cycles (self, g_value_get_uint (value));
      break;
    case PROP_LANGUAGE:
      cycle_plan_set_language (self, g_value_get_string (value));
      break;
    case PROP_CAMPAIGN_START:
      cycle_plan_set_campaign_start (self, g_value_get_string (value));
      break;
    case PROP_CONFLICTS:
      _cycle_plan_set_conflicts_json (self, g_value_get_string (value));
      break;
    case PROP_CAN_UNDO:
    case PROP_CAN_REDO:
    case PROP_UNDO_LABEL:
    case PROP_REDO_LABEL:
    case PROP_MODIFIED:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_plan_class_init (CyclePlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cycle_plan_dispose;
  object_class->finalize = cycle_plan_finalize;
  object_class->get_property = cycle_plan_get_property;
  object_class->set_property = cycle_plan_set_property;

  signals[CONTENT_DATES_CHANGED] =
    g_signal_new ("content-dates-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, CYCLE_TYPE_CONTENT);

  properties[PROP_TITLE] = g_param_spec_string ("title", N_("Title"), NULL, "", rw);
  properties[PROP_WHY] = g_param_spec_string ("why", N_("Why"), NULL, "", rw);
  properties[PROP_HOW] = g_param_spec_string ("how", N_("How"), NULL, "", rw);
  properties[PROP_WHAT] = g_param_spec_string ("what", N_("What"), NULL, "", rw);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("Description"), NULL, "", rw);
  properties[PROP_LAYOUT] =
    g_param_spec_enum ("layout", N_("Layout"), NULL, CYCLE_TYPE_LAYOUT, CYCLE_LAYOUT_FREE, rw);
  /* The projection the views and exports show: people entering the top, and the cycles of the
   * referral loops added up (CYCLE_PROJECTION_STEADY, 0: all of them, the steady state). */
  properties[PROP_PROJECTION_START] =
    g_param_spec_double ("projection-start", N_("People Entering"), NULL,
                         0, CYCLE_PLAN_MAX_PROJECTION_START, CYCLE_PLAN_DEFAULT_PROJECTION_START,
                         rw);
  properties[PROP_PROJECTION_CYCLES] =
    g_param_spec_uint ("projection-cycles", N_("Cycles"), NULL,
                       0, CYCLE_PLAN_MAX_PROJECTION_CYCLES, 0, rw);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", N_("Language"), NULL, "", rw);
  /* A launch campaign's first day, YYYY-MM-DD; "" for a plan that is not one (cycle-campaign.h) */
  properties[PROP_CAMPAIGN_START] =
    g_param_spec_string ("campaign-start", N_("Campaign Start"), NULL, "", rw);
  /* What a merge could not decide (cycle-merge.h): compact JSON text, NULL when nothing. A
   * property so that resolving a conflict is undone like any other edit. */
  properties[PROP_CONFLICTS] = g_param_spec_string ("conflicts", NULL, NULL, NULL, rw);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* ------------------------------------------------------------------------------------------------
 * What the undo history asks of the plan (cycle-undo-private.h)
 */

static void
undo_changed (gpointer owner,
              gboolean only_modified)
{
  if (!only_modified)
    {
      g_object_notify_by_pspec (owner, properties[PROP_CAN_UNDO]);
      g_object_notify_by_pspec (owner, properties[PROP_CAN_REDO]);
      g_object_notify_by_pspec (owner, properties[PROP_UNDO_LABEL]);
      g_object_notify_by_pspec (owner, properties[PROP_REDO_LABEL]);
    }
  g_object_notify_by_pspec (owner, properties[PROP_MODIFIED]);
}

static void
undo_splice (gpointer    owner,
             CycleStage *stage,
             GListStore *store,
             guint       position,
             guint       n_remove,
             gpointer   *additions,
             guint       n_add)
{
  _cycle_plan_splice (owner, stage, store, position, n_remove, additions, n_add);
}

static void
undo_get_extras (gpointer           owner,
                 GObject           *object,
                 CycleJsonMembers **members,
                 CycleJsonMembers **purpose)
{
  if (object == owner)
    {
      *members = cycle_json_members_copy (_cycle_plan_get_unknown (owner));
      *purpose = cycle_json_members_copy (_cycle_plan_get_purpose_extras (owner));
    }
  else
    {
      *members = cycle_json_members_copy (_cycle_item_get_unknown (CYCLE_ITEM (object)));
      *purpose = NULL;
    }
}

static void
undo_take_extras (gpointer          owner,
                  GObject          *object,
                  CycleJsonMembers *members,
                  CycleJsonMembers *purpose)
{
  if (object == owner)
    _cycle_plan_take_extras (owner, members, purpose);
  else
    _cycle_item_take_extras (CYCLE_ITEM (object), members);
}

static const CycleUndoFuncs undo_funcs = {
  undo_changed,
  undo_splice,
  undo_get_extras,
  undo_take_extras,
};

static void
cycle_plan_init (CyclePlan *self)
{
  self->stages = g_list_store_new (CYCLE_TYPE_STAGE);
  self->links = g_list_store_new (CYCLE_TYPE_LINK);
  self->personas = g_list_store_new (CYCLE_TYPE_PERSONA);
  self->all_content = _cycle_flat_list_new (G_LIST_MODEL (self->stages));
  self->stage_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->content_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->persona_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->link_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->projection_start = CYCLE_PLAN_DEFAULT_PROJECTION_START;
  self->undo = _cycle_undo_new (&undo_funcs, self);
}

CyclePlan *
cycle_plan_new (void)
{
  return g_object_new (CYCLE_TYPE_PLAN, NULL);
}

#define STRING_ACCESSORS(field, PROP)                                           \
  const char *                                                                  \
  cycle_plan_get_##field (CyclePlan *self)                                      \
  {                                                                             \
    g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);                          \
    return _cycle_str (self->field);                                            \
  }                                                                             \
  void                                                                          \
  cycle_plan_set_##field (CyclePlan  *self,                                     \
                          const char *field)                                    \
  {                                                                             \
    g_return_if_fail (CYCLE_IS_PLAN (self));                                    \
    _cycle_set_string (self, &self->field, field, properties[PROP]);            \
  }

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (why, PROP_WHY)
STRING_ACCESSORS (how, PROP_HOW)
STRING_ACCESSORS (what, PROP_WHAT)
STRING_ACCESSORS (description, PROP_DESCRIPTION)

const char *
_cycle_plan_get_conflicts_json (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  return self->conflicts;
}

void
_cycle_plan_set_conflicts_json (CyclePlan  *self,
                                const char *json)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  _cycle_set_string (self, &self->conflicts, json, properties[PROP_CONFLICTS]);
}

CycleLayout
cycle_plan_get_layout (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), CYCLE_LAYOUT_FREE);
  return self->layout;
}

void
cycle_plan_set_layout (CyclePlan   *self,
                       CycleLayout  layout)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail ((guint)layout < cycle_enum_count (CYCLE_TYPE_LAYOUT));
  _cycle_set_int (self, &self->layout, layout, properties[PROP_LAYOUT]);
}

double
cycle_plan_get_projection_start (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), CYCLE_PLAN_DEFAULT_PROJECTION_START);
  return self->projection_start;
}

void
cycle_plan_set_projection_start (CyclePlan *self,
                                 double     start)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (start >= 0.0 && start <= CYCLE_PLAN_MAX_PROJECTION_START);
  _cycle_set_double (self, &self->projection_start, start, properties[PROP_PROJECTION_START]);
}

guint
cycle_plan_get_projection_cycles (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), 0);
  return (guint) self->projection_cycles;
}

void
cycle_plan_set_projection_cycles (CyclePlan *self,
                                  guint      cycles)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (cycles <= CYCLE_PLAN_MAX_PROJECTION_CYCLES);
  _cycle_set_int (self, &self->projection_cycles, (int) cycles,
                  properties[PROP_PROJECTION_CYCLES]);
}

/* The nearest stage of @lane from @from towards @step (-1 or +1) in the plan's order, or NULL. */
static CycleStage *
neighbour_in_lane (CyclePlan *self,
                   int        from,
                   int        step,
                   CycleLane  lane)
{
  GListModel *stages = G_LIST_MODEL (self->stages);
  int n = (int) g_list_model_get_n_items (stages);

  for (int i = from; i >= 0 && i < n; i += step)
    {
      CycleStage *stage = g_list_model_get_item (stages, (guint) i);

      g_object_unref (stage);   /* the plan keeps it */
      if (cycle_stage_get_lane (stage) == lane)
        return stage;
    }
  return NULL;
}

CycleRole
cycle_plan_guess_role (CyclePlan *self,
                       int        position,
                       CycleLane  lane)
{
  CycleStage *before, *after;
  CycleRole b, a;
  int n;

  g_return_val_if_fail (CYCLE_IS_PLAN (self), CYCLE_ROLE_NONE);

  n = (int) g_list_model_get_n_items (G_LIST_MODEL (self->stages));
  if (position < 0 || position > n)
    position = n;

  before = neighbour_in_lane (self, position - 1, -1, lane);
  after = neighbour_in_lane (self, position, +1, lane);
  b = before != NULL ? cycle_stage_get_role (before) : CYCLE_ROLE_NONE;
  a = after != NULL ? cycle_stage_get_role (after) : CYCLE_ROLE_NONE;

  /* Between two stages of the same role: that role. */
  if (before != NULL && after != NULL)
    return a == b ? a : CYCLE_ROLE_NONE;
  /* At an end: the role of the one neighbour, except the purchase, which is one stage. */
  if (before != NULL && b != CYCLE_ROLE_CONVERT)
    return b;
  if (after != NULL && a != CYCLE_ROLE_CONVERT)
    return a;
  return CYCLE_ROLE_NONE;
}

const char *
cycle_plan_get_language (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  return _cycle_str (self->language);
}

void
cycle_plan_set_language (CyclePlan  *self,
                         const char *language)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (cycle_language_is_valid (language));
  _cycle_set_string (self, &self->language, language, properties[PROP_LANGUAGE]);
}

const char *
cycle_plan_get_campaign_start (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  return _cycle_str (self->campaign_start);
}

void
cycle_plan_set_campaign_start (CyclePlan  *self,
                               const char *start)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (cycle_date_is_valid (start));
  _cycle_set_string (self, &self->campaign_start, start, properties[PROP_CAMPAIGN_START]);
}

JsonObject *
cycle_plan_get_extras (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);

  if (self->extras_view == NULL && self->extras != NULL)
    self->extras_view = cycle_json_members_to_json_object (self->extras);
  return self->extras_view;
}

CycleJsonMembers *
_cycle_plan_get_unknown (CyclePlan *self)
{
  return self->extras;
}

CycleJsonMembers *
_cycle_plan_get_purpose_extras (CyclePlan *self)
{
  return self->purpose_extras;
}

gboolean
_cycle_plan_remove_unknown (CyclePlan  *self,
                            const char *key)
{
  if (!cycle_json_members_remove (self->extras, key))
    return FALSE;

  g_clear_pointer (&self->extras_view, json_object_unref);
  if (cycle_json_members_get_length (self->extras) == 0)
    g_clear_pointer (&self->extras, cycle_json_members_free);
  return TRUE;
}

void
_cycle_plan_record_extras (CyclePlan *self,
                           gpointer   object)
{
  if (_cycle_plan_is_recording (self))
    _cycle_undo_record_extras (self->undo, object);
}

void
_cycle_plan_take_extras (CyclePlan        *self,
                         CycleJsonMembers *extras,
                         CycleJsonMembers *purpose_extras)
{
  g_clear_pointer (&self->extras, cycle_json_members_free);
  g_clear_pointer (&self->purpose_extras, cycle_json_members_free);
  g_clear_pointer (&self->extras_view, json_object_unref);
  self->extras = extras;
  self->purpose_extras = purpose_extras;
}

GListModel *
cycle_plan_get_stages (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->stages);
}

GListModel *
cycle_plan_get_links (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->links);
}

GListModel *
cycle_plan_get_personas (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->personas);
}

GListModel *
cycle_plan_get_all_content (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  return self->all_content;
}

CycleStage *
cycle_plan_find_stage (CyclePlan  *self,
                       const char *id)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->stage_ids, id) : NULL;
}

CyclePersona *
cycle_plan_find_persona (CyclePlan  *self,
                         const char *id)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->persona_ids, id) : NULL;
}

CycleLink *
cycle_plan_find_link (CyclePlan  *self,
                      const char *id)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->link_ids, id) : NULL;
}

CycleContent *
cycle_plan_find_content (CyclePlan  *self,
                         const char *id)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  return id != NULL ? g_hash_table_lookup (self->content_ids, id) : NULL;
}

/* Ids */

const char *
cycle_plan_get_uid (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);

  return _cycle_str (self->uid);
}

gboolean
cycle_plan_uid_is_valid (const char *uid)
{
  gsize n = 0;

  if (uid == NULL)
    return FALSE;
  for (const char *p = uid; *p != '\0'; p++, n++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;

  return n >= 1 && n <= 64;
}

void
cycle_plan_set_uid (CyclePlan  *self,
                    const char *uid)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (uid == NULL || uid[0] == '\0' || cycle_plan_uid_is_valid (uid));

  /* Identity, not content: no undo step, no notification. */
  g_free (self->uid);
  self->uid = uid != NULL && uid[0] != '\0' ? g_strdup (uid) : NULL;
}

gboolean
cycle_plan_ensure_uid (CyclePlan *self)
{
  /* Crockford's base 32, as ids: 16 characters are 80 random bits */
  static const char digits[] = "0123456789abcdefghjkmnpqrstvwxyz";
  char uid[17];

  g_return_val_if_fail (CYCLE_IS_PLAN (self), FALSE);

  if (self->uid != NULL)
    return FALSE;
  for (guint i = 0; i < 16; i++)
    uid[i] = digits[g_random_int_range (0, 32)];
  uid[16] = '\0';
  cycle_plan_set_uid (self, uid);

  return TRUE;
}

char *
cycle_plan_make_id (CyclePlan  *self,
                    const char *prefix)
{
  /* Crockford's base 32, lower case: no i, l, o or u to misread */
  static const char digits[] = "0123456789abcdefghjkmnpqrstvwxyz";
  GHashTable *index = NULL;

  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  g_return_val_if_fail (prefix != NULL && prefix[0] != '\0', NULL);

  if (strcmp (prefix, "s") == 0)
    index = self->stage_ids;
  else if (strcmp (prefix, "p") == 0)
    index = self->persona_ids;
  else if (strcmp (prefix, "l") == 0)
    index = self->link_ids;
  else if (strcmp (prefix, "c") == 0)
    index = self->content_ids;

  /* Random rather than the next number, so that two people adding an item to copies of the
   * same plan do not both make "s7": 32^6, about a billion, per prefix (cycle-tool merge). */
  for (;;)
    {
      guint32 r = g_random_int ();
      char *id = g_strdup_printf ("%s-%c%c%c%c%c%c", prefix,
                                  digits[r & 31], digits[(r >> 5) & 31], digits[(r >> 10) & 31],
                                  digits[(r >> 15) & 31], digits[(r >> 20) & 31],
                                  digits[(r >> 25) & 31]);

      if (index == NULL || !g_hash_table_contains (index, id))
        return id;
      g_free (id);
    }
}

static GHashTable *
index_for (CyclePlan *self,
           CycleItem *item)
{
  if (CYCLE_IS_STAGE (item))
    return self->stage_ids;
  if (CYCLE_IS_PERSONA (item))
    return self->persona_ids;
  if (CYCLE_IS_LINK (item))
    return self->link_ids;
  if (CYCLE_IS_CONTENT (item))
    return self->content_ids;
  return NULL;
}

static void
give_id (CyclePlan *self,
         CycleItem *item)
{
  GHashTable *index = index_for (self, item);
  const char *id = cycle_item_get_id (item);

  if (id == NULL || (index != NULL && g_hash_table_contains (index, id)))
    {
      g_autofree char *fresh = cycle_plan_make_id (self, CYCLE_ITEM_GET_CLASS (item)->id_prefix);
      cycle_item_set_id (item, fresh);
    }

  if (index != NULL)
    g_hash_table_insert (index, (gpointer)cycle_item_get_id (item), item);
}

/* Attaching and detaching items as they enter and leave the plan's lists. */

static void
attach (CyclePlan  *self,
        CycleStage *owner,
        CycleItem  *item)
{
  g_return_if_fail (cycle_item_get_plan (item) == NULL);

  give_id (self, item);
  _cycle_item_set_plan (item, self);

  if (owner != NULL)
    _cycle_content_set_stage (CYCLE_CONTENT (item), owner);

  if (CYCLE_IS_STAGE (item))
    {
      GListModel *content = cycle_stage_get_content (CYCLE_STAGE (item));
      guint n = g_list_model_get_n_items (content);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CycleItem) c = g_list_model_get_item (content, i);

          attach (self, CYCLE_STAGE (item), c);
        }
    }
}

static void
unindex (CyclePlan *self,
         CycleItem *item)
{
  GHashTable *index = index_for (self, item);
  const char *id = cycle_item_get_id (item);

  if (index != NULL && id != NULL && g_hash_table_lookup (index, id) == item)
    g_hash_table_remove (index, id);
}

static void
detach (CyclePlan  *self,
        CycleStage *owner,
        CycleItem  *item)
{
  unindex (self, item);
  _cycle_item_set_plan (item, NULL);

  if (owner != NULL)
    _cycle_content_set_stage (CYCLE_CONTENT (item), NULL);

  if (CYCLE_IS_STAGE (item))
    {
      /* Its content leaves with it (and stays in the stage's list, for undo). */
      GListModel *content = cycle_stage_get_content (CYCLE_STAGE (item));
      guint n = g_list_model_get_n_items (content);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CycleItem) c = g_list_model_get_item (content, i);

          detach (self, NULL, c);   /* no owner: it keeps its stage */
        }
    }
}

gboolean
_cycle_plan_is_recording (CyclePlan *self)
{
  return self->undo != NULL && !self->loading && !_cycle_undo_is_replaying (self->undo);
}

void
_cycle_plan_set_loading (CyclePlan *self,
                         gboolean   loading)
{
  self->loading = loading;
}

void
_cycle_plan_content_dates_changed (CyclePlan    *self,
                                   CycleContent *content)
{
  g_signal_emit (self, signals[CONTENT_DATES_CHANGED], 0, content);
}

void
_cycle_plan_record_property (CyclePlan  *self,
                             GObject    *object,
                             GParamSpec *pspec)
{
  _cycle_undo_record_property (self->undo, object, pspec);
}

void
_cycle_plan_splice (CyclePlan  *self,
                    CycleStage *stage,
                    GListStore *store,
                    guint       position,
                    guint       n_remove,
                    gpointer   *additions,
                    guint       n_add)
{
  g_autoptr(GPtrArray) removed = g_ptr_array_new_full (n_remove, g_object_unref);
  g_autoptr(GPtrArray) added = g_ptr_array_new_full (n_add, g_object_unref);

  for (guint i = 0; i < n_remove; i++)
    g_ptr_array_add (removed, g_list_model_get_item (G_LIST_MODEL (store), position + i));

  /* Views that react to items-changed must already see the new items as part of the plan. */
  for (guint i = 0; i < n_add; i++)
    {
      attach (self, stage, additions[i]);
      g_ptr_array_add (added, g_object_ref (additions[i]));
    }

  g_list_store_splice (store, position, n_remove, additions, n_add);

  for (guint i = 0; i < removed->len; i++)
    {
      gboolean still_there = FALSE;

      /* An item moved within the same list by one splice stays attached. */
      for (guint j = 0; j < n_add && !still_there; j++)
        still_there = additions[j] == g_ptr_array_index (removed, i);
      if (!still_there)
        detach (self, stage, g_ptr_array_index (removed, i));
    }

  if (_cycle_plan_is_recording (self))
    _cycle_undo_record_splice (self->undo, stage, store, position, removed, added);
}

/* Operations */

static guint
index_of (GListStore *store,
          gpointer    item)
{
  guint position = G_MAXUINT;

  if (!g_list_store_find (store, item, &position))
    return G_MAXUINT;
  return position;
}

static guint
clamp_position (GListStore *store,
                int         position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  if (position < 0 || (guint)position > n)
    return n;
  return position;
}

/* Puts @item into @store (of @stage, or NULL for the plan's own lists) at @position (-1: at the
 * end), as one undo step named @label. */
static void
insert_item (CyclePlan  *self,
             const char *label,
             CycleStage *stage,
             GListStore *store,
             int         position,
             gpointer    item)
{
  cycle_plan_begin_group (self, label);
  _cycle_plan_splice (self, stage, store, clamp_position (store, position), 0, &item, 1);
  cycle_plan_end_group (self);
}

/* Takes the item at @position out of @store, as one undo step named @label. */
static void
remove_item (CyclePlan  *self,
             const char *label,
             CycleStage *stage,
             GListStore *store,
             guint       position)
{
  cycle_plan_begin_group (self, label);
  _cycle_plan_splice (self, stage, store, position, 1, NULL, 0);
  cycle_plan_end_group (self);
}

void
cycle_plan_add_stage (CyclePlan  *self,
                      CycleStage *stage,
                      int         position)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (CYCLE_IS_STAGE (stage));
  g_return_if_fail (cycle_item_get_plan (CYCLE_ITEM (stage)) == NULL);

  insert_item (self, _("Add Stage"), NULL, self->stages, position, stage);
}

void
cycle_plan_remove_stage (CyclePlan  *self,
                         CycleStage *stage)
{
  guint position;
  g_autoptr(CycleStage) hold = NULL;

  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (CYCLE_IS_STAGE (stage));

  position = index_of (self->stages, stage);
  g_return_if_fail (position != G_MAXUINT);

  hold = g_object_ref (stage);
  cycle_plan_begin_group (self, _("Remove Stage"));

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->links)); i > 0; i--)
    {
      g_autoptr(CycleLink) link = g_list_model_get_item (G_LIST_MODEL (self->links), i - 1);

      if (cycle_link_get_source (link) == stage || cycle_link_get_target (link) == stage)
        _cycle_plan_splice (self, NULL, self->links, i - 1, 1, NULL, 0);
    }

  _cycle_plan_splice (self, NULL, self->stages, position, 1, NULL, 0);
  cycle_plan_end_group (self);
}

void
cycle_plan_move_stage (CyclePlan  *self,
                       CycleStage *stage,
                       guint       position)
{
  guint from;
  g_autoptr(CycleStage) hold = NULL;

  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (CYCLE_IS_STAGE (stage));

  from = index_of (self->stages, stage);
  g_return_if_fail (from != G_MAXUINT);
  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->stages)) - 1);
  if (from == position)
    return;

  hold = g_object_ref (stage);
  cycle_plan_begin_group (self, _("Reorder Stages"));
  _cycle_plan_splice (self, NULL, self->stages, from, 1, NULL, 0);
  _cycle_plan_splice (self, NULL, self->stages, position, 0, (gpointer *)&stage, 1);
  cycle_plan_end_group (self);
}

void
cycle_plan_add_link (CyclePlan *self,
                     CycleLink *link)
{
  CycleStage *source, *target;

  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (CYCLE_IS_LINK (link));
  g_return_if_fail (cycle_item_get_plan (CYCLE_ITEM (link)) == NULL);

  source = cycle_link_get_source (link);
  target = cycle_link_get_target (link);
  g_return_if_fail (source != NULL && cycle_item_get_plan (CYCLE_ITEM (source)) == self);
  g_return_if_fail (target != NULL && cycle_item_get_plan (CYCLE_ITEM (target)) == self);

  insert_item (self, _("Connect Stages"), NULL, self->links, -1, link);
}

void
cycle_plan_remove_link (CyclePlan *self,
                        CycleLink *link)
{
  guint position;

  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (CYCLE_IS_LINK (link));

  position = index_of (self->links, link);
  g_return_if_fail (position != G_MAXUINT);

  remove_item (self, _("Remove Link"), NULL, self->links, position);
}

void
cycle_plan_add_persona (CyclePlan    *self,
                        CyclePersona *persona,
                        int           position)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (CYCLE_IS_PERSONA (persona));
  g_return_if_fail (cycle_item_get_plan (CYCLE_ITEM (persona)) == NULL);

  insert_item (self, _("Add Persona"), NULL, self->personas, position, persona);
}

void
cycle_plan_remove_persona (CyclePlan    *self,
                           CyclePersona *persona,
                           CyclePersona *replacement)
{
  guint position, n;

  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (CYCLE_IS_PERSONA (persona));
  g_return_if_fail (replacement == NULL || CYCLE_IS_PERSONA (replacement));
  g_return_if_fail (replacement != persona);

  position = index_of (self->personas, persona);
  g_return_if_fail (position != G_MAXUINT);

  cycle_plan_begin_group (self, _("Remove Persona"));

  n = g_list_model_get_n_items (self->all_content);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleContent) content = g_list_model_get_item (self->all_content, i);

      if (cycle_content_get_persona (content) == persona)
        cycle_content_set_persona (content, replacement);
    }

  _cycle_plan_splice (self, NULL, self->personas, position, 1, NULL, 0);
  cycle_plan_end_group (self);
}

void
cycle_plan_add_content (CyclePlan    *self,
                        CycleStage   *stage,
                        CycleContent *content,
                        int           position)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (CYCLE_IS_STAGE (stage));
  g_return_if_fail (cycle_item_get_plan (CYCLE_ITEM (stage)) == self);
  g_return_if_fail (CYCLE_IS_CONTENT (content));
  g_return_if_fail (cycle_item_get_plan (CYCLE_ITEM (content)) == NULL);

  insert_item (self, _("Add Content"), stage, _cycle_stage_get_store (stage), position, content);
}

void
cycle_plan_remove_content (CyclePlan    *self,
                           CycleContent *content)
{
  CycleStage *stage;
  GListStore *store;
  guint position;

  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (CYCLE_IS_CONTENT (content));

  stage = cycle_content_get_stage (content);
  g_return_if_fail (stage != NULL && cycle_item_get_plan (CYCLE_ITEM (stage)) == self);

  store = _cycle_stage_get_store (stage);
  position = index_of (store, content);
  g_return_if_fail (position != G_MAXUINT);

  remove_item (self, _("Remove Content"), stage, store, position);
}

void
cycle_plan_move_content (CyclePlan    *self,
                         CycleContent *content,
                         CycleStage   *stage,
                         int           position)
{
  CycleStage *from_stage;
  GListStore *from, *to;
  guint from_position;
  g_autoptr(CycleContent) hold = NULL;

  g_return_if_fail (CYCLE_IS_PLAN (self));
  g_return_if_fail (CYCLE_IS_CONTENT (content));
  g_return_if_fail (CYCLE_IS_STAGE (stage));
  g_return_if_fail (cycle_item_get_plan (CYCLE_ITEM (stage)) == self);

  from_stage = cycle_content_get_stage (content);
  g_return_if_fail (from_stage != NULL && cycle_item_get_plan (CYCLE_ITEM (from_stage)) == self);

  from = _cycle_stage_get_store (from_stage);
  to = _cycle_stage_get_store (stage);
  from_position = index_of (from, content);
  g_return_if_fail (from_position != G_MAXUINT);

  if (from_stage == stage)
    {
      /* Dropped where it was: record nothing. */
      guint n = g_list_model_get_n_items (G_LIST_MODEL (to));
      guint target = (position < 0 || (guint)position >= n) ? n - 1 : (guint)position;

      if (target == from_position)
        return;
    }

  hold = g_object_ref (content);
  cycle_plan_begin_group (self, _("Move Content"));
  _cycle_plan_splice (self, from_stage, from, from_position, 1, NULL, 0);
  _cycle_plan_splice (self, stage, to, clamp_position (to, position), 0,
                      (gpointer *)&content, 1);
  cycle_plan_end_group (self);
}

/* Undo */

void
cycle_plan_begin_group (CyclePlan  *self,
                        const char *label)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  _cycle_undo_begin_group (self->undo, label);
}

void
cycle_plan_end_group (CyclePlan *self)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  _cycle_undo_end_group (self->undo);
}

gboolean
cycle_plan_can_undo (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), FALSE);
  return _cycle_undo_can_undo (self->undo);
}

gboolean
cycle_plan_can_redo (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), FALSE);
  return _cycle_undo_can_redo (self->undo);
}

const char *
cycle_plan_get_undo_label (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  return _cycle_undo_get_undo_label (self->undo);
}

const char *
cycle_plan_get_redo_label (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  return _cycle_undo_get_redo_label (self->undo);
}

gboolean
cycle_plan_undo (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), FALSE);
  return _cycle_undo_undo (self->undo);
}

gboolean
cycle_plan_redo (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), FALSE);
  return _cycle_undo_redo (self->undo);
}

void
cycle_plan_seal_undo (CyclePlan *self)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  _cycle_undo_seal (self->undo);
}

void
cycle_plan_clear_undo (CyclePlan *self)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  _cycle_undo_clear (self->undo);
}

gboolean
cycle_plan_get_modified (CyclePlan *self)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (self), FALSE);
  return _cycle_undo_is_modified (self->undo);
}

void
cycle_plan_mark_saved (CyclePlan *self)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  _cycle_undo_mark_saved (self->undo);
}

void
cycle_plan_mark_unsaved (CyclePlan *self)
{
  g_return_if_fail (CYCLE_IS_PLAN (self));
  _cycle_undo_mark_unsaved (self->undo);
}
