/* cycle-merge.c: a three-way merge of plans by id, and the conflicts it records in the plan
 *
 * The merge works on loaded plans (the loader checked them) and changes OURS in place: THEIRS'
 * changes to BASE are applied to it field by field, so its cost follows what changed, plus one
 * pass over each list to merge the order. The result is written by the canonical writer.
 *
 * Order: on each side, the items that kept their order relative to BASE (a longest increasing
 * subsequence of their BASE positions) did not move; the items both sides left in place anchor
 * the result, and every other item goes after the anchor it follows on the side that moved (or
 * added) it, at the same distance from it; ties are broken by id, so that which side is "ours"
 * changes nothing but which value a conflict takes.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-merge"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-merge.h"
#include "cycle-format.h"
#include "cycle-item-private.h"
#include "cycle-stage-private.h"
#include "cycle-plan-private.h"
#include "cycle-plan-io.h"

/* Fields: how to read, compare, write as JSON and set each member Cycle knows */

typedef enum {
  FIELD_STRING,
  FIELD_ENUM,
  FIELD_INT,
  FIELD_DOUBLE,
  FIELD_PITCH,
  FIELD_PERSONA,  /* a persona's id */
  FIELD_STAGE,    /* a stage's id */
} FieldType;

typedef const char *(*GetString) (gpointer object);
typedef void        (*SetString) (gpointer object, const char *value);
typedef int         (*GetInt)    (gpointer object);
typedef void        (*SetInt)    (gpointer object, int value);
typedef double      (*GetDouble) (gpointer object);
typedef void        (*SetDouble) (gpointer object, double value);
typedef gpointer    (*GetRef)    (gpointer object);
typedef void        (*SetRef)    (gpointer object, gpointer value);

typedef struct
{
  const char *key;
  FieldType   type;
  GCallback   get;
  GCallback   set;
  GType     (*enum_type) (void);
  gboolean    has_unset;   /* INT, DOUBLE: the value the file leaves out */
  double      unset;
} Field;

typedef struct
{
  const char *s;
  int         i;
  double      d;
} Value;

#define STRING(key, get, set) \
  { key, FIELD_STRING, G_CALLBACK (get), G_CALLBACK (set), NULL, FALSE, 0 }
#define ENUM(key, get, set, type) \
  { key, FIELD_ENUM, G_CALLBACK (get), G_CALLBACK (set), type, FALSE, 0 }
/* An enum the file leaves out at @unset */
#define ENUM_OPT(key, get, set, type, unset) \
  { key, FIELD_ENUM, G_CALLBACK (get), G_CALLBACK (set), type, TRUE, unset }

static void
stage_set_x (CycleStage *stage,
             double      x)
{
  cycle_stage_set_position (stage, x, cycle_stage_get_y (stage));
}

static void
stage_set_y (CycleStage *stage,
             double      y)
{
  cycle_stage_set_position (stage, cycle_stage_get_x (stage), y);
}

static const Field plan_fields[] = {
  STRING ("uid", cycle_plan_get_uid, cycle_plan_set_uid),
  STRING ("title", cycle_plan_get_title, cycle_plan_set_title),
  STRING ("language", cycle_plan_get_language, cycle_plan_set_language),
  STRING ("purpose.why", cycle_plan_get_why, cycle_plan_set_why),
  STRING ("purpose.how", cycle_plan_get_how, cycle_plan_set_how),
  STRING ("purpose.what", cycle_plan_get_what, cycle_plan_set_what),
  STRING ("description", cycle_plan_get_description, cycle_plan_set_description),
  ENUM_OPT ("layout", cycle_plan_get_layout, cycle_plan_set_layout, cycle_layout_get_type,
            CYCLE_LAYOUT_FREE),
  { "projection_start", FIELD_DOUBLE, G_CALLBACK (cycle_plan_get_projection_start),
    G_CALLBACK (cycle_plan_set_projection_start), NULL, TRUE, CYCLE_PLAN_DEFAULT_PROJECTION_START },
  { "projection_cycles", FIELD_INT, G_CALLBACK (cycle_plan_get_projection_cycles),
    G_CALLBACK (cycle_plan_set_projection_cycles), NULL, TRUE, 0 },
  STRING ("campaign_start", cycle_plan_get_campaign_start, cycle_plan_set_campaign_start),
  { NULL },
};

static const Field persona_fields[] = {
  STRING ("name", cycle_persona_get_name, cycle_persona_set_name),
  STRING ("description", cycle_persona_get_description, cycle_persona_set_description),
  STRING ("why", cycle_persona_get_why, cycle_persona_set_why),
  { NULL },
};

static const Field stage_fields[] = {
  STRING ("name", cycle_stage_get_name, cycle_stage_set_name),
  ENUM ("lane", cycle_stage_get_lane, cycle_stage_set_lane, cycle_lane_get_type),
  STRING ("why", cycle_stage_get_why, cycle_stage_set_why),
  STRING ("question", cycle_stage_get_question, cycle_stage_set_question),
  ENUM ("permission", cycle_stage_get_permission, cycle_stage_set_permission,
        cycle_permission_get_type),
  ENUM_OPT ("role", cycle_stage_get_role, cycle_stage_set_role, cycle_role_get_type,
            CYCLE_ROLE_NONE),
  STRING ("kpi", cycle_stage_get_kpi, cycle_stage_set_kpi),
  { "conversion_rate", FIELD_DOUBLE, G_CALLBACK (cycle_stage_get_conversion_rate),
    G_CALLBACK (cycle_stage_set_conversion_rate), NULL, TRUE, CYCLE_RATE_UNSET },
  { "days", FIELD_INT, G_CALLBACK (cycle_stage_get_days), G_CALLBACK (cycle_stage_set_days),
    NULL, TRUE, CYCLE_DAYS_UNSET },
  STRING ("owner", cycle_stage_get_owner, cycle_stage_set_owner),
  STRING ("color", cycle_stage_get_color, cycle_stage_set_color),
  { "x", FIELD_DOUBLE, G_CALLBACK (cycle_stage_get_x), G_CALLBACK (stage_set_x), NULL, FALSE, 0 },
  { "y", FIELD_DOUBLE, G_CALLBACK (cycle_stage_get_y), G_CALLBACK (stage_set_y), NULL, FALSE, 0 },
  { NULL },
};

static const Field content_fields[] = {
  STRING ("title", cycle_content_get_title, cycle_content_set_title),
  STRING ("format", cycle_content_get_format, cycle_content_set_format),
  STRING ("channel", cycle_content_get_channel, cycle_content_set_channel),
  { "persona", FIELD_PERSONA, G_CALLBACK (cycle_content_get_persona),
    G_CALLBACK (cycle_content_set_persona), NULL, FALSE, 0 },
  STRING ("cta", cycle_content_get_cta, cycle_content_set_cta),
  ENUM ("commitment", cycle_content_get_commitment, cycle_content_set_commitment,
        cycle_commitment_get_type),
  ENUM_OPT ("direction", cycle_content_get_direction_choice, cycle_content_set_direction,
            cycle_direction_get_type, CYCLE_DIRECTION_AUTO),
  ENUM_OPT ("consent", cycle_content_get_consent, cycle_content_set_consent,
            cycle_consent_get_type, CYCLE_CONSENT_UNSAID),
  { "pitch", FIELD_PITCH, G_CALLBACK (cycle_content_get_pitch),
    G_CALLBACK (cycle_content_set_pitch), NULL, FALSE, 0 },
  ENUM ("status", cycle_content_get_status, cycle_content_set_status, cycle_status_get_type),
  STRING ("owner", cycle_content_get_owner, cycle_content_set_owner),
  STRING ("due", cycle_content_get_due, cycle_content_set_due),
  ENUM_OPT ("repeat", cycle_content_get_repeat, cycle_content_set_repeat, cycle_repeat_get_type,
            CYCLE_REPEAT_NONE),
  { "repeat_interval", FIELD_INT, G_CALLBACK (cycle_content_get_repeat_interval),
    G_CALLBACK (cycle_content_set_repeat_interval), NULL, TRUE, 1 },
  STRING ("repeat_until", cycle_content_get_repeat_until, cycle_content_set_repeat_until),
  STRING ("url", cycle_content_get_url, cycle_content_set_url),
  STRING ("notes", cycle_content_get_notes, cycle_content_set_notes),
  { NULL },
};

static const Field link_fields[] = {
  { "from", FIELD_STAGE, G_CALLBACK (cycle_link_get_source), G_CALLBACK (cycle_link_set_source),
    NULL, FALSE, 0 },
  { "to", FIELD_STAGE, G_CALLBACK (cycle_link_get_target), G_CALLBACK (cycle_link_set_target),
    NULL, FALSE, 0 },
  ENUM ("kind", cycle_link_get_kind, cycle_link_set_kind, cycle_link_kind_get_type),
  { "rate", FIELD_DOUBLE, G_CALLBACK (cycle_link_get_rate), G_CALLBACK (cycle_link_set_rate),
    NULL, TRUE, CYCLE_RATE_UNSET },
  { NULL },
};

#undef STRING
#undef ENUM
#undef ENUM_OPT

static void
read_value (const Field *f,
            gpointer     object,
            Value       *v)
{
  gpointer ref;

  memset (v, 0, sizeof *v);
  switch (f->type)
    {
    case FIELD_STRING:
      v->s = ((GetString) f->get) (object);
      if (v->s == NULL)
        v->s = "";
      break;
    case FIELD_ENUM:
    case FIELD_INT:
    case FIELD_PITCH:
      v->i = ((GetInt) f->get) (object);
      break;
    case FIELD_DOUBLE:
      v->d = ((GetDouble) f->get) (object);
      break;
    case FIELD_PERSONA:
    case FIELD_STAGE:
      ref = ((GetRef) f->get) (object);
      v->s = ref != NULL ? cycle_item_get_id (ref) : "";
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
values_equal (const Field *f,
              const Value *a,
              const Value *b)
{
  switch (f->type)
    {
    case FIELD_STRING:
    case FIELD_PERSONA:
    case FIELD_STAGE:
      return strcmp (a->s, b->s) == 0;
    case FIELD_DOUBLE:
      return a->d == b->d;
    case FIELD_ENUM:
    case FIELD_INT:
    case FIELD_PITCH:
    default:
      return a->i == b->i;
    }
}

/* The value as the file writes it (compact JSON), NULL when the file leaves it out */
static char *
value_to_json (const Field *f,
               const Value *v)
{
  GString *out;

  switch (f->type)
    {
    case FIELD_STRING:
    case FIELD_PERSONA:
    case FIELD_STAGE:
      if (v->s[0] == '\0')
        return NULL;
      out = g_string_new (NULL);
      cycle_json_write_string (out, v->s);
      return g_string_free (out, FALSE);
    case FIELD_ENUM:
      if (f->has_unset && v->i == (int) f->unset)
        return NULL;
      out = g_string_new (NULL);
      cycle_json_write_string (out, cycle_enum_to_nick (f->enum_type (), v->i));
      return g_string_free (out, FALSE);
    case FIELD_PITCH:
      if (v->i == CYCLE_PITCH_GUESS)
        return NULL;
      return g_strdup (v->i == CYCLE_PITCH_YES ? "true" : "false");
    case FIELD_INT:
      if (f->has_unset && v->i == (int) f->unset)
        return NULL;
      return g_strdup_printf ("%d", v->i);
    case FIELD_DOUBLE:
      if (f->has_unset && v->d == f->unset)
        return NULL;
      out = g_string_new (NULL);
      cycle_json_write_double (out, v->d);
      return g_string_free (out, FALSE);
    default:
      g_assert_not_reached ();
    }
}

/* Sets @v on @object; FALSE when it names an item @plan does not have. */
static gboolean
apply_value (const Field *f,
             gpointer     object,
             const Value *v,
             CyclePlan   *plan)
{
  gpointer ref = NULL;

  switch (f->type)
    {
    case FIELD_STRING:
      ((SetString) f->set) (object, v->s);
      break;
    case FIELD_ENUM:
    case FIELD_INT:
    case FIELD_PITCH:
      ((SetInt) f->set) (object, v->i);
      break;
    case FIELD_DOUBLE:
      ((SetDouble) f->set) (object, v->d);
      break;
    case FIELD_PERSONA:
    case FIELD_STAGE:
      if (v->s[0] != '\0')
        {
          ref = f->type == FIELD_PERSONA ? (gpointer) cycle_plan_find_persona (plan, v->s)
                                         : (gpointer) cycle_plan_find_stage (plan, v->s);
          if (ref == NULL)
            return FALSE;
        }
      else if (f->type == FIELD_STAGE)
        return FALSE;
      ((SetRef) f->set) (object, ref);
      break;
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* The value of compact JSON text @json (NULL: left out) for @f; @s keeps the decoded string. */
static gboolean
value_from_json (const Field  *f,
                 const char   *json,
                 Value        *v,
                 char        **s)
{
  CycleJsonDoc *doc = NULL;
  const CycleJsonNode *node = NULL;
  gint64 i = 0;
  gboolean ok = TRUE;

  memset (v, 0, sizeof *v);
  v->s = "";
  if (json != NULL)
    {
      doc = cycle_json_doc_parse (json, strlen (json), CYCLE_FILE_MAX_DEPTH, NULL);
      if (doc == NULL)
        return FALSE;
      node = cycle_json_doc_get_root (doc);
    }

  switch (f->type)
    {
    case FIELD_STRING:
    case FIELD_PERSONA:
    case FIELD_STAGE:
      if (node != NULL)
        {
          ok = cycle_json_node_get_node_type (node) == CYCLE_JSON_STRING;
          *s = g_strdup (ok ? cycle_json_node_get_string (node) : "");
          v->s = *s;
        }
      break;
    case FIELD_ENUM:
      v->i = (int) f->unset;
      if (node != NULL)
        ok = cycle_json_node_get_node_type (node) == CYCLE_JSON_STRING &&
             cycle_enum_from_nick (f->enum_type (), cycle_json_node_get_string (node), &v->i);
      else
        ok = f->has_unset;
      break;
    case FIELD_PITCH:
      v->i = node == NULL ? CYCLE_PITCH_GUESS
           : cycle_json_node_get_boolean (node) ? CYCLE_PITCH_YES : CYCLE_PITCH_NO;
      break;
    case FIELD_INT:
      v->i = (int) f->unset;
      if (node != NULL)
        {
          ok = cycle_json_node_get_node_type (node) == CYCLE_JSON_NUMBER &&
               cycle_json_node_get_int (node, &i);
          v->i = (int) i;
        }
      break;
    case FIELD_DOUBLE:
      v->d = f->unset;
      if (node != NULL)
        {
          ok = cycle_json_node_get_node_type (node) == CYCLE_JSON_NUMBER;
          v->d = ok ? cycle_json_node_get_double (node) : 0;
        }
      break;
    default:
      g_assert_not_reached ();
    }

  if (doc != NULL)
    cycle_json_doc_free (doc);
  return ok;
}

/* Kinds of items */

typedef gpointer (*FindFunc) (CyclePlan *plan, const char *id);

typedef struct
{
  const char   *name;            /* as in the file's "conflicts" */
  const Field  *fields;
  const char   *name_key;        /* the field that names an item */
  FindFunc      find;
  GListModel *(*list)   (CyclePlan *plan);
  gpointer    (*create) (void);
} Kind;

static gpointer
new_persona (void)
{
  return cycle_persona_new (NULL);
}

static gpointer
new_stage (void)
{
  return cycle_stage_new (NULL);
}

static gpointer
new_content (void)
{
  return cycle_content_new (NULL);
}

static gpointer
new_link (void)
{
  return cycle_link_new (NULL, NULL, CYCLE_LINK_NEXT);
}

static const Kind kind_plan = { "plan", plan_fields, NULL, NULL, NULL, NULL };
static const Kind kind_persona = {
  "persona", persona_fields, "name", (FindFunc) cycle_plan_find_persona,
  cycle_plan_get_personas, new_persona,
};
static const Kind kind_stage = {
  "stage", stage_fields, "name", (FindFunc) cycle_plan_find_stage,
  cycle_plan_get_stages, new_stage,
};
static const Kind kind_content = {
  "content", content_fields, "title", (FindFunc) cycle_plan_find_content,
  cycle_plan_get_all_content, new_content,
};
static const Kind kind_link = {
  "link", link_fields, NULL, (FindFunc) cycle_plan_find_link,
  cycle_plan_get_links, new_link,
};

static const Kind *
kind_for_name (const char *name)
{
  const Kind *kinds[] = { &kind_plan, &kind_persona, &kind_stage, &kind_content, &kind_link };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i]->name, name) == 0)
      return kinds[i];
  return NULL;
}

static const Field *
field_for_key (const Kind *kind,
               const char *key)
{
  for (const Field *f = kind->fields; key != NULL && f->key != NULL; f++)
    if (strcmp (f->key, key) == 0)
      return f;
  return NULL;
}

static const char *
item_name (const Kind *kind,
           gpointer    object)
{
  const Field *f = field_for_key (kind, kind->name_key);
  Value v;

  if (f == NULL || object == NULL)
    return NULL;
  read_value (f, object, &v);
  return v.s[0] != '\0' ? v.s : NULL;
}

static CycleJsonMembers *
item_unknown (const Kind *kind,
              gpointer    object)
{
  return kind == &kind_plan ? _cycle_plan_get_unknown (object)
                            : _cycle_item_get_unknown (object);
}

/* The item's JSON object, compact */
static char *
item_to_json (gpointer item)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GString *compact = g_string_new (NULL);

  _cycle_plan_write_item (text, 0, item);
  cycle_json_append_compact (compact, text->str);
  return g_string_free (compact, FALSE);
}

/* Conflicts */

void
cycle_conflict_free (CycleConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->kind);
  g_free (conflict->item);
  g_free (conflict->name);
  g_free (conflict->field);
  g_free (conflict->base);
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict);
}

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "plan") == 0)
    return _("plan");
  if (g_strcmp0 (kind, "persona") == 0)
    return _("persona");
  if (g_strcmp0 (kind, "stage") == 0)
    return _("stage");
  if (g_strcmp0 (kind, "content") == 0)
    return _("content");
  if (g_strcmp0 (kind, "link") == 0)
    return _("link");
  return kind;
}

char *
cycle_conflict_describe (const CycleConflict *c)
{
  g_autofree char *what = NULL;
  g_autofree char *item = NULL;
  const char *none = _("(not set)");

  g_return_val_if_fail (c != NULL, NULL);

  if (c->field == NULL)
    what = g_strdup (c->ours == NULL
                     ? _("deleted in ours, but edited or still used in theirs; kept")
                     : _("deleted in theirs, but edited or still used in ours; kept"));
  else if (strcmp (c->field, "position") == 0)
    what = g_strdup_printf (_("%s: moved to different places on both sides"), c->field);
  else if (c->base == NULL)
    what = g_strdup_printf (_("%s: added on both sides with different values (ours %s, theirs %s)"),
                            c->field, c->ours != NULL ? c->ours : none,
                            c->theirs != NULL ? c->theirs : none);
  else
    what = g_strdup_printf (_("%s: changed on both sides (base %s, ours %s, theirs %s)"),
                            c->field, c->base, c->ours != NULL ? c->ours : none,
                            c->theirs != NULL ? c->theirs : none);

  if (c->item == NULL)
    item = g_strdup (kind_label (c->kind));
  else if (c->name != NULL)
    /* Translators: a kind of item, its id and its name: stage s3 “Visitors” */
    item = g_strdup_printf (_("%s %s “%s”"), kind_label (c->kind), c->item, c->name);
  else
    item = g_strdup_printf ("%s %s", kind_label (c->kind), c->item);

  return g_strdup_printf ("%s, %s", item, what);
}

char *
cycle_conflict_dup_item_label (const CycleConflict *c)
{
  const char *kind;

  g_return_val_if_fail (c != NULL, NULL);

  if (c->item == NULL)
    return g_strdup (_("The plan"));

  kind = g_strcmp0 (c->kind, "persona") == 0 ? _("Persona")
       : g_strcmp0 (c->kind, "stage") == 0 ? _("Stage")
       : g_strcmp0 (c->kind, "content") == 0 ? _("Content")
       : g_strcmp0 (c->kind, "link") == 0 ? _("Link") : c->kind;
  if (c->name != NULL)
    /* Translators: a kind of item and its name: Stage “Visitors” */
    return g_strdup_printf (_("%s “%s”"), kind, c->name);
  return g_strdup_printf ("%s %s", kind, c->item);
}

char *
cycle_conflict_dup_field_label (const CycleConflict *c)
{
  static const struct { const char *key; const char *label; } labels[] = {
    { "title", N_("Title") }, { "language", N_("Language") },
    { "purpose.why", N_("Why") }, { "purpose.how", N_("How") }, { "purpose.what", N_("What") },
    { "description", N_("Description") }, { "layout", N_("Layout") },
    { "projection_start", N_("People entering") }, { "projection_cycles", N_("Cycles") },
    { "campaign_start", N_("Campaign start") },
    { "name", N_("Name") }, { "lane", N_("Lane") }, { "why", N_("Why") },
    { "question", N_("Buyer’s question") }, { "permission", N_("Permission") },
    { "role", N_("Role in the cycle") }, { "kpi", N_("KPI") },
    { "conversion_rate", N_("Conversion rate") }, { "days", N_("Days in stage") },
    { "owner", N_("Owner") }, { "color", N_("Color") },
    { "x", N_("Place on the canvas") }, { "y", N_("Place on the canvas") },
    { "format", N_("Format") }, { "channel", N_("Channel") }, { "persona", N_("Persona") },
    { "cta", N_("Call to action") }, { "commitment", N_("Commitment") },
    { "direction", N_("Gives or asks") }, { "consent", N_("Consent") },
    { "pitch", N_("Sales talk") }, { "status", N_("Status") }, { "due", N_("Due date") },
    { "url", N_("Link") }, { "notes", N_("Notes") },
    { "from", N_("From stage") }, { "to", N_("To stage") }, { "kind", N_("Kind") },
    { "rate", N_("Rate") }, { "position", N_("Place in the list") }, { "stage", N_("Stage") },
  };

  g_return_val_if_fail (c != NULL, NULL);

  if (c->field == NULL)
    return g_strdup (_("Deleted on one side, changed on the other"));
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (c->field, labels[i].key) == 0)
      return g_strdup (_(labels[i].label));
  /* A member Cycle does not know: its own name */
  return g_strdup (c->field);
}

char *
cycle_conflict_dup_value_label (const CycleConflict *c,
                                CyclePlan           *plan,
                                CycleMergeSide       side)
{
  const char *json;
  const Kind *kind;
  const Field *f;
  g_autofree char *text = NULL;
  Value v;

  g_return_val_if_fail (c != NULL, NULL);

  json = side == CYCLE_MERGE_OURS ? c->ours : c->theirs;
  if (c->field == NULL)
    return g_strdup (json == NULL ? _("Deleted") : _("Kept, with its changes"));
  if (strcmp (c->field, "position") == 0)
    return g_strdup (_("Where this side moved it"));
  if (json == NULL)
    return g_strdup (_("(not set)"));

  kind = kind_for_name (c->kind);
  f = kind != NULL ? field_for_key (kind, c->field) : NULL;
  if (strcmp (c->field, "stage") == 0 || (f != NULL && f->type == FIELD_STAGE))
    {
      const Field stage_field = { "stage", FIELD_STAGE, NULL, NULL, NULL, FALSE, 0 };
      CycleStage *stage;

      if (value_from_json (&stage_field, json, &v, &text) && plan != NULL &&
          (stage = cycle_plan_find_stage (plan, v.s)) != NULL)
        return g_strdup (cycle_stage_get_name (stage));
    }
  else if (f != NULL && f->type == FIELD_PERSONA)
    {
      CyclePersona *persona;

      if (value_from_json (f, json, &v, &text) && plan != NULL &&
          (persona = cycle_plan_find_persona (plan, v.s)) != NULL)
        return g_strdup (cycle_persona_get_name (persona));
    }
  else if (f != NULL && f->type == FIELD_STRING)
    {
      if (value_from_json (f, json, &v, &text))
        {
          /* A date as the board shows it, "2 Nov 2026" */
          if (strcmp (f->key, "due") == 0 || strcmp (f->key, "repeat_until") == 0 ||
              strcmp (f->key, "campaign_start") == 0)
            {
              g_autofree char *date = cycle_content_format_due (v.s);

              if (date[0] != '\0')
                return g_steal_pointer (&date);
            }
          return g_strdup (v.s);
        }
    }
  else if (f != NULL && f->type == FIELD_ENUM)
    {
      /* A word of a fixed list, as the editors show it: "Scheduled", not "scheduled" */
      if (value_from_json (f, json, &v, &text))
        return g_strdup (cycle_enum_get_label (f->enum_type (), v.i));
    }
  else if (f != NULL && f->type == FIELD_PITCH)
    {
      /* As the content editor's Pitch row says it */
      if (value_from_json (f, json, &v, &text))
        return g_strdup (v.i == CYCLE_PITCH_YES ? C_("pitch", "A Pitch")
                                                : C_("pitch", "Not a Pitch"));
    }
  else if (f != NULL && (f->type == FIELD_DOUBLE || f->type == FIELD_INT))
    {
      /* A number as every view writes it: "4%", a loop's "0.5 each", « 1 000 » in French */
      if (value_from_json (f, json, &v, &text))
        {
          if (f->type == FIELD_INT)
            return cycle_format_number (v.i);
          if (strcmp (f->key, "conversion_rate") == 0)
            return cycle_format_percent (v.d);
          if (strcmp (c->kind, "link") == 0 && strcmp (f->key, "rate") == 0)
            {
              CycleLink *link = plan != NULL && c->item != NULL
                                ? cycle_plan_find_link (plan, c->item) : NULL;

              return cycle_link_kind_format_rate (link != NULL ? cycle_link_get_kind (link)
                                                               : CYCLE_LINK_NEXT, v.d);
            }
          return cycle_format_number (v.d);
        }
    }
  else if (json[0] == '"')
    {
      /* An enum's word, or an unknown member's string */
      const Field plain = { "", FIELD_STRING, NULL, NULL, NULL, FALSE, 0 };

      if (value_from_json (&plain, json, &v, &text))
        return g_strdup (v.s);
    }

  return g_strdup (json);
}

static void
append_member (GString    *out,
               gboolean   *first,
               const char *key,
               const char *json,
               gboolean    is_string)
{
  if (json == NULL)
    return;
  g_string_append (out, *first ? "{" : ",");
  *first = FALSE;
  cycle_json_write_string (out, key);
  g_string_append_c (out, ':');
  if (is_string)
    cycle_json_write_string (out, json);
  else
    g_string_append (out, json);
}

char *
_cycle_conflicts_to_json (GPtrArray *conflicts)
{
  GString *out;

  if (conflicts == NULL || conflicts->len == 0)
    return NULL;

  out = g_string_new ("[");
  for (guint i = 0; i < conflicts->len; i++)
    {
      CycleConflict *c = g_ptr_array_index (conflicts, i);
      gboolean first = TRUE;

      if (i > 0)
        g_string_append_c (out, ',');
      append_member (out, &first, "kind", c->kind, TRUE);
      append_member (out, &first, "item", c->item, TRUE);
      append_member (out, &first, "name", c->name, TRUE);
      append_member (out, &first, "field", c->field, TRUE);
      append_member (out, &first, "base", c->base, FALSE);
      append_member (out, &first, "ours", c->ours, FALSE);
      append_member (out, &first, "theirs", c->theirs, FALSE);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

const CycleJsonSchema _cycle_conflict_schema[] = {
  { "kind" }, { "item" }, { "name" }, { "field" }, { NULL },
};

void
_cycle_conflict_take_values (CycleConflict    *c,
                             CycleJsonMembers *values)
{
  const char *key, *value = NULL;

  for (key = cycle_json_members_iter (values, NULL, &value); key != NULL;
       key = cycle_json_members_iter (values, key, &value))
    {
      char **slot = strcmp (key, "base") == 0 ? &c->base
                  : strcmp (key, "ours") == 0 ? &c->ours
                  : strcmp (key, "theirs") == 0 ? &c->theirs : NULL;

      if (slot != NULL)
        *slot = g_strdup (value);
    }
  cycle_json_members_free (values);
}

static char *
node_string (const CycleJsonNode *node,
             const char          *key)
{
  const CycleJsonNode *member = cycle_json_node_lookup (node, key);

  return member != NULL ? g_strdup (cycle_json_node_get_string (member)) : NULL;
}

GPtrArray *
cycle_plan_get_conflicts (CyclePlan *self)
{
  static const CycleJsonSchema wrapper[] = { { "conflicts", _cycle_conflict_schema }, { NULL } };
  GPtrArray *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) cycle_conflict_free);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const CycleJsonNode *list;
  CycleJsonDoc *doc;

  g_return_val_if_fail (CYCLE_IS_PLAN (self), conflicts);

  if (_cycle_plan_get_conflicts_json (self) == NULL)
    return conflicts;

  text = g_strdup_printf ("{\"conflicts\":%s}", _cycle_plan_get_conflicts_json (self));
  doc = cycle_json_doc_parse_with_schema (text, strlen (text), CYCLE_FILE_MAX_DEPTH + 1, wrapper,
                                          &error);
  g_return_val_if_fail (doc != NULL, conflicts);

  list = cycle_json_node_lookup (cycle_json_doc_get_root (doc), "conflicts");
  for (guint i = 0; i < cycle_json_node_get_length (list); i++)
    {
      const CycleJsonNode *node = cycle_json_node_get_element (list, i);
      CycleConflict *c = g_new0 (CycleConflict, 1);
      CycleJsonMembers *values = cycle_json_doc_steal_unknown (doc, node);

#define GET(member) \
      c->member = node_string (node, #member)
      GET (kind);
      GET (item);
      GET (name);
      GET (field);
#undef GET
      _cycle_conflict_take_values (c, values);
      g_ptr_array_add (conflicts, c);
    }

  cycle_json_doc_free (doc);
  return conflicts;
}

guint
cycle_plan_get_n_conflicts (CyclePlan *self)
{
  g_autoptr(GPtrArray) conflicts = cycle_plan_get_conflicts (self);

  return conflicts->len;
}

/* Sets (or with @json NULL removes) the unknown member @key of @object, recorded for undo */
static void
set_unknown (const Kind *kind,
             gpointer    object,
             const char *key,
             const char *json)
{
  gboolean purpose = kind == &kind_plan && g_str_has_prefix (key, "purpose.");
  CyclePlan *plan = kind == &kind_plan ? object : cycle_item_get_plan (object);
  CycleJsonMembers *members;

  if (plan != NULL)
    _cycle_plan_record_extras (plan, object);

  if (purpose)
    members = cycle_json_members_copy (_cycle_plan_get_purpose_extras (object));
  else
    members = cycle_json_members_copy (item_unknown (kind, object));
  if (members == NULL)
    members = cycle_json_members_new ();
  if (purpose)
    key += strlen ("purpose.");

  cycle_json_members_remove (members, key);
  if (json != NULL)
    cycle_json_members_add (members, key, json);
  if (cycle_json_members_get_length (members) == 0)
    g_clear_pointer (&members, cycle_json_members_free);

  if (kind != &kind_plan)
    _cycle_item_take_extras (object, members);
  else if (purpose)
    _cycle_plan_take_extras (object, cycle_json_members_copy (_cycle_plan_get_unknown (object)),
                             members);
  else
    _cycle_plan_take_extras (object, members,
                             cycle_json_members_copy (_cycle_plan_get_purpose_extras (object)));
}

static void
remove_item (CyclePlan  *plan,
             const Kind *kind,
             gpointer    item)
{
  if (kind == &kind_persona)
    cycle_plan_remove_persona (plan, item, NULL);
  else if (kind == &kind_stage)
    cycle_plan_remove_stage (plan, item);
  else if (kind == &kind_content)
    cycle_plan_remove_content (plan, item);
  else if (kind == &kind_link)
    cycle_plan_remove_link (plan, item);
}

void
cycle_plan_resolve_conflict (CyclePlan      *self,
                             guint           index,
                             CycleMergeSide  side)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *rest = NULL;
  CycleConflict *c;
  const Kind *kind;
  const Field *f;
  const char *value;
  gpointer object = NULL;

  g_return_if_fail (CYCLE_IS_PLAN (self));

  conflicts = cycle_plan_get_conflicts (self);
  g_return_if_fail (index < conflicts->len);
  c = g_ptr_array_index (conflicts, index);
  value = side == CYCLE_MERGE_OURS ? c->ours : c->theirs;
  kind = kind_for_name (c->kind);
  if (kind == &kind_plan)
    object = self;
  else if (kind != NULL && c->item != NULL)
    object = kind->find (self, c->item);

  cycle_plan_seal_undo (self);
  cycle_plan_begin_group (self, _("Resolve Conflict"));

  /* The item may be gone since: then only the record goes. */
  if (object != NULL)
    {
      if (c->field == NULL)
        {
          /* The item was kept; the side that deleted it has no value. */
          if (value == NULL && kind != &kind_plan)
            remove_item (self, kind, object);
        }
      else if (kind == &kind_content && strcmp (c->field, "stage") == 0)
        {
          g_autofree char *id = NULL;
          const Field stage_field = { "stage", FIELD_STAGE, NULL, NULL, NULL, FALSE, 0 };
          Value v;
          CycleStage *stage;

          if (value_from_json (&stage_field, value, &v, &id) &&
              (stage = cycle_plan_find_stage (self, v.s)) != NULL &&
              stage != cycle_content_get_stage (object))
            cycle_plan_move_content (self, object, stage, -1);
        }
      else if ((f = field_for_key (kind, c->field)) != NULL)
        {
          g_autofree char *s = NULL;
          Value v;

          if (value_from_json (f, value, &v, &s))
            apply_value (f, object, &v, self);
        }
      else if (strcmp (c->field, "position") != 0)
        set_unknown (kind, object, c->field, value);
    }

  g_ptr_array_remove_index (conflicts, index);
  rest = _cycle_conflicts_to_json (conflicts);
  _cycle_plan_set_conflicts_json (self, rest);
  cycle_plan_end_group (self);
}

/* The merge */

typedef struct
{
  CyclePlan  *base;
  CyclePlan  *ours;
  CyclePlan  *theirs;
  GPtrArray  *conflicts;
  gboolean    undoable;  /* an edit in the window: every change recorded, as one step */
  CycleStage *stage;     /* whose content is being put in order, or NULL */
} Merge;

/* Takes @base, @ours and @theirs */
static void
add_conflict (Merge      *m,
              const Kind *kind,
              gpointer    object,
              const char *field,
              char       *base,
              char       *ours,
              char       *theirs)
{
  CycleConflict *c = g_new0 (CycleConflict, 1);

  c->kind = g_strdup (kind->name);
  if (kind != &kind_plan)
    {
      c->item = g_strdup (cycle_item_get_id (object));
      c->name = g_strdup (item_name (kind, object));
    }
  c->field = g_strdup (field);
  c->base = base;
  c->ours = ours;
  c->theirs = theirs;
  g_ptr_array_add (m->conflicts, c);
}

static gboolean
members_equal (CycleJsonMembers *a,
               CycleJsonMembers *b)
{
  const char *key, *value = NULL;

  if (cycle_json_members_get_length (a) != cycle_json_members_get_length (b))
    return FALSE;
  for (key = cycle_json_members_iter (a, NULL, &value); key != NULL;
       key = cycle_json_members_iter (a, key, &value))
    if (g_strcmp0 (value, cycle_json_members_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

/* Merges the unknown members @b, @o, @t whole value by whole value; returns the result, or NULL
 * when @o stays as it is. */
static CycleJsonMembers *
merge_members (Merge            *m,
               const Kind       *kind,
               gpointer          object,
               const char       *prefix,
               CycleJsonMembers *b,
               CycleJsonMembers *o,
               CycleJsonMembers *t)
{
  CycleJsonMembers *result = NULL;
  const char *key, *tv = NULL, *bv = NULL;

  for (key = cycle_json_members_iter (t, NULL, &tv); key != NULL;
       key = cycle_json_members_iter (t, key, &tv))
    {
      const char *ov = cycle_json_members_lookup (o, key);

      bv = cycle_json_members_lookup (b, key);
      if (g_strcmp0 (ov, tv) == 0 || g_strcmp0 (bv, tv) == 0)
        continue;
      if (g_strcmp0 (bv, ov) == 0)
        {
          if (result == NULL)
            result = o != NULL ? cycle_json_members_copy (o) : cycle_json_members_new ();
          cycle_json_members_remove (result, key);
          cycle_json_members_add (result, key, tv);
        }
      else
        {
          g_autofree char *field = g_strconcat (prefix, key, NULL);

          add_conflict (m, kind, object, field, g_strdup (bv), g_strdup (ov), g_strdup (tv));
        }
    }

  /* Removed by theirs */
  for (key = cycle_json_members_iter (b, NULL, &bv); key != NULL;
       key = cycle_json_members_iter (b, key, &bv))
    {
      const char *ov = cycle_json_members_lookup (o, key);

      if (cycle_json_members_lookup (t, key) != NULL || ov == NULL)
        continue;
      if (strcmp (bv, ov) == 0)
        {
          if (result == NULL)
            result = cycle_json_members_copy (o);
          cycle_json_members_remove (result, key);
        }
      else
        {
          g_autofree char *field = g_strconcat (prefix, key, NULL);

          add_conflict (m, kind, object, field, g_strdup (bv), g_strdup (ov), NULL);
        }
    }

  return result;
}

/* Merges the fields and unknown members of @t (and @b: NULL when both sides added the item) into
 * @o. */
static void
merge_fields (Merge      *m,
              const Kind *kind,
              gpointer    b,
              gpointer    o,
              gpointer    t)
{
  CycleJsonMembers *members;

  for (const Field *f = kind->fields; f->key != NULL; f++)
    {
      Value vb, vo, vt;

      read_value (f, o, &vo);
      read_value (f, t, &vt);
      if (values_equal (f, &vo, &vt))
        continue;
      if (b != NULL)
        {
          read_value (f, b, &vb);
          if (values_equal (f, &vb, &vt))
            continue;
          if (values_equal (f, &vb, &vo))
            {
              char *theirs = value_to_json (f, &vt);

              if (!apply_value (f, o, &vt, m->ours))
                add_conflict (m, kind, o, f->key, value_to_json (f, &vb), value_to_json (f, &vo),
                              theirs);
              else
                g_free (theirs);
              continue;
            }
        }
      add_conflict (m, kind, o, f->key, b != NULL ? value_to_json (f, &vb) : NULL,
                    value_to_json (f, &vo), value_to_json (f, &vt));
    }

  if (kind == &kind_plan)
    {
      CycleJsonMembers *extras, *purpose;

      extras = merge_members (m, kind, o, "", _cycle_plan_get_unknown (b),
                              _cycle_plan_get_unknown (o), _cycle_plan_get_unknown (t));
      purpose = merge_members (m, kind, o, "purpose.", _cycle_plan_get_purpose_extras (b),
                               _cycle_plan_get_purpose_extras (o),
                               _cycle_plan_get_purpose_extras (t));
      if (extras != NULL || purpose != NULL)
        _cycle_plan_record_extras (o, o);
      if (extras != NULL || purpose != NULL)
        _cycle_plan_take_extras (o,
                                 extras != NULL ? extras
                                 : cycle_json_members_copy (_cycle_plan_get_unknown (o)),
                                 purpose != NULL ? purpose
                                 : cycle_json_members_copy (_cycle_plan_get_purpose_extras (o)));
      return;
    }

  members = merge_members (m, kind, o, "", b != NULL ? item_unknown (kind, b) : NULL,
                           item_unknown (kind, o), item_unknown (kind, t));
  if (members != NULL)
    {
      _cycle_plan_record_extras (m->ours, o);
      _cycle_item_take_extras (o, members);
    }
}

static const char *
content_stage_id (CycleContent *content)
{
  CycleStage *stage = cycle_content_get_stage (content);

  return stage != NULL ? cycle_item_get_id (CYCLE_ITEM (stage)) : "";
}

/* Whether @a and @b (the same item on two sides) differ in anything but their place */
static gboolean
items_differ (const Kind *kind,
              gpointer    a,
              gpointer    b)
{
  for (const Field *f = kind->fields; f->key != NULL; f++)
    {
      Value va, vb;

      read_value (f, a, &va);
      read_value (f, b, &vb);
      if (!values_equal (f, &va, &vb))
        return TRUE;
    }
  if (kind == &kind_content && strcmp (content_stage_id (a), content_stage_id (b)) != 0)
    return TRUE;
  return !members_equal (item_unknown (kind, a), item_unknown (kind, b));
}

/* A copy of theirs' @t for ours; NULL (and a conflict) when it names an item ours lacks. */
static gpointer
clone_item (Merge      *m,
            const Kind *kind,
            gpointer    t)
{
  gpointer copy = kind->create ();

  cycle_item_set_id (copy, cycle_item_get_id (t));
  for (const Field *f = kind->fields; f->key != NULL; f++)
    {
      Value v;

      read_value (f, t, &v);
      if (!apply_value (f, copy, &v, m->ours))
        {
          /* A persona ours deleted is left out; a link cannot lose a stage. */
          if (f->type == FIELD_STAGE)
            {
              add_conflict (m, kind, t, NULL, NULL, NULL, item_to_json (t));
              g_object_unref (copy);
              return NULL;
            }
          /* Ours deleted the persona theirs named: base and theirs name it, ours does not */
          add_conflict (m, kind, t, f->key, value_to_json (f, &v), NULL, value_to_json (f, &v));
        }
    }
  _cycle_item_take_extras (copy, cycle_json_members_copy (_cycle_item_get_unknown (t)));
  return copy;
}

static void
add_item (Merge      *m,
          const Kind *kind,
          gpointer    t)
{
  g_autoptr(CycleItem) copy = NULL;

  if (kind == &kind_content)
    {
      CycleStage *stage = cycle_plan_find_stage (m->ours, content_stage_id (t));

      if (stage == NULL)
        {
          /* Content added (or kept) in a stage ours deleted */
          add_conflict (m, kind, t, NULL, NULL, NULL, item_to_json (t));
          return;
        }
      copy = clone_item (m, kind, t);
      if (copy != NULL)
        cycle_plan_add_content (m->ours, stage, CYCLE_CONTENT (copy), -1);
      return;
    }

  copy = clone_item (m, kind, t);
  if (copy == NULL)
    return;
  if (kind == &kind_persona)
    cycle_plan_add_persona (m->ours, CYCLE_PERSONA (copy), -1);
  else if (kind == &kind_stage)
    cycle_plan_add_stage (m->ours, CYCLE_STAGE (copy), -1);
  else
    cycle_plan_add_link (m->ours, CYCLE_LINK (copy));
}

/* Content: the stage it is in is one more field */
static void
merge_content_stage (Merge        *m,
                     CycleContent *b,
                     CycleContent *o,
                     CycleContent *t)
{
  const char *os = content_stage_id (o), *ts = content_stage_id (t);
  const char *bs = b != NULL ? content_stage_id (b) : NULL;
  CycleStage *stage;

  if (strcmp (os, ts) == 0 || g_strcmp0 (bs, ts) == 0)
    return;
  if (g_strcmp0 (bs, os) == 0 && (stage = cycle_plan_find_stage (m->ours, ts)) != NULL)
    {
      cycle_plan_move_content (m->ours, o, stage, -1);
      return;
    }

  add_conflict (m, &kind_content, o, "stage", bs != NULL ? g_strdup_printf ("\"%s\"", bs) : NULL,
                g_strdup_printf ("\"%s\"", os), g_strdup_printf ("\"%s\"", ts));
}

static void
merge_link_rate (Merge     *m,
                 CycleLink *o,
                 CycleLinkKind ours_kind,
                 double     ours_rate)
{
  /* One side made it a plain link, the other gave it a loop's rate: not a valid link. */
  if (cycle_link_get_kind (o) != CYCLE_LINK_LOOP && cycle_link_get_rate (o) > 1.0)
    {
      Value vo = { NULL, cycle_link_get_kind (o), 0 };

      add_conflict (m, &kind_link, o, "kind", NULL, g_strdup ("\"loop\""),
                    value_to_json (&link_fields[2], &vo));
      cycle_link_set_kind (o, ours_kind);
      cycle_link_set_rate (o, ours_rate);
    }
}

static GPtrArray *items_of (GListModel *list);

/* The items of @kind in @plan; content stage by stage, which is faster than the flattened list */
static GPtrArray *
all_items (const Kind *kind,
           CyclePlan  *plan)
{
  g_autoptr(GPtrArray) stages = NULL;
  GPtrArray *items;

  if (kind != &kind_content)
    return items_of (kind->list (plan));

  stages = items_of (cycle_plan_get_stages (plan));
  items = g_ptr_array_new_full (g_list_model_get_n_items (cycle_plan_get_all_content (plan)),
                                g_object_unref);
  for (guint i = 0; i < stages->len; i++)
    {
      GListModel *content = cycle_stage_get_content (g_ptr_array_index (stages, i));
      guint n = g_list_model_get_n_items (content);

      for (guint j = 0; j < n; j++)
        g_ptr_array_add (items, g_list_model_get_item (content, j));
    }
  return items;
}

/* Theirs' items: edits merged into ours' items, additions added */
static void
merge_theirs (Merge      *m,
              const Kind *kind)
{
  g_autoptr(GPtrArray) items = all_items (kind, m->theirs);

  for (guint i = 0; i < items->len; i++)
    {
      GObject *t = g_ptr_array_index (items, i);
      const char *id = cycle_item_get_id (CYCLE_ITEM (t));
      gpointer b = kind->find (m->base, id);
      gpointer o = kind->find (m->ours, id);

      if (o != NULL)
        {
          CycleLinkKind link_kind = kind == &kind_link ? cycle_link_get_kind (o) : 0;
          double link_rate = kind == &kind_link ? cycle_link_get_rate (o) : 0;

          merge_fields (m, kind, b, o, t);
          if (kind == &kind_content)
            merge_content_stage (m, b, o, CYCLE_CONTENT (t));
          else if (kind == &kind_link)
            merge_link_rate (m, o, link_kind, link_rate);
        }
      else if (b == NULL)
        add_item (m, kind, t);
      else if (items_differ (kind, b, t))
        {
          /* Deleted by ours, edited by theirs: kept, as theirs has it */
          add_conflict (m, kind, t, NULL, item_to_json (b), NULL, item_to_json (t));
          if (kind == &kind_content)
            {
              guint before = m->conflicts->len;

              add_item (m, kind, t);
              /* Nowhere to keep it: the record above says it all */
              if (m->conflicts->len > before)
                cycle_conflict_free (g_ptr_array_steal_index (m->conflicts, before));
            }
          else
            add_item (m, kind, t);
        }
    }
}

/* Whether ours still needs @o, which theirs deleted */
static gboolean
still_needed (const Kind *kind,
              gpointer    o,
              GHashTable *used)
{
  if (kind == &kind_stage)
    return cycle_stage_get_n_content (o) > 0 ||
           g_hash_table_contains (used, cycle_item_get_id (o));
  if (kind == &kind_persona)
    return g_hash_table_contains (used, cycle_item_get_id (o));
  return FALSE;
}

/* Adds the id of @item (may be NULL) to @used */
static void
add_used (GHashTable *used,
          gpointer    item)
{
  if (item != NULL)
    g_hash_table_add (used, (gpointer) cycle_item_get_id (CYCLE_ITEM (item)));
}

/* The ids that ours' links (for stages) or content (for personas) name */
static GHashTable *
used_ids (Merge      *m,
          const Kind *kind)
{
  GHashTable *used = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *list = kind == &kind_stage ? cycle_plan_get_links (m->ours)
                                         : cycle_plan_get_all_content (m->ours);
  guint n = g_list_model_get_n_items (list);

  if (kind != &kind_stage && kind != &kind_persona)
    return used;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (kind == &kind_stage)
        {
          add_used (used, cycle_link_get_source (CYCLE_LINK (item)));
          add_used (used, cycle_link_get_target (CYCLE_LINK (item)));
        }
      else
        add_used (used, cycle_content_get_persona (CYCLE_CONTENT (item)));
    }
  return used;
}

/* Items theirs deleted: deleted from ours too, unless ours edited or still needs them */
static void
merge_deletions (Merge      *m,
                 const Kind *kind)
{
  g_autoptr(GPtrArray) items = all_items (kind, m->base);
  g_autoptr(GHashTable) used = NULL;   /* made when theirs deleted something */
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      GObject *b = g_ptr_array_index (items, i);
      const char *id = cycle_item_get_id (CYCLE_ITEM (b));
      gpointer o;

      if (kind->find (m->theirs, id) != NULL || (o = kind->find (m->ours, id)) == NULL)
        continue;
      if (used == NULL)
        used = used_ids (m, kind);
      if (items_differ (kind, b, o) || still_needed (kind, o, used))
        add_conflict (m, kind, o, NULL, item_to_json (b), item_to_json (o), NULL);
      else
        g_ptr_array_add (doomed, o);
    }

  for (guint i = 0; i < doomed->len; i++)
    remove_item (m->ours, kind, g_ptr_array_index (doomed, i));
}

/* Order */

typedef struct
{
  int         gap;     /* the rank of the anchor it follows, -1 before the first */
  guint       offset;  /* how far after it */
  const char *id;
  gpointer    item;
} Placed;

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a, *pb = b;

  if (pa->gap != pb->gap)
    return pa->gap < pb->gap ? -1 : 1;
  if (pa->offset != pb->offset)
    return pa->offset < pb->offset ? -1 : 1;
  return strcmp (pa->id, pb->id);
}

/* The items of @list, or an empty array */
static GPtrArray *
items_of (GListModel *list)
{
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  return items;
}

/* Marks in @stable (by BASE position) the items of @list that did not move: a longest
 * increasing subsequence of their BASE positions. */
static void
mark_unmoved (GPtrArray  *list,
              GHashTable *base_index,
              gboolean   *stable)
{
  guint n = list->len;
  g_autofree guint *seq = g_new (guint, n + 1);
  g_autofree guint *tails = g_new (guint, n + 1);   /* index in seq of the end of each length */
  g_autofree guint *prev = g_new (guint, n + 1);
  guint len = 0, m = 0;

  for (guint i = 0; i < n; i++)
    {
      gpointer p = g_hash_table_lookup (base_index,
                                        cycle_item_get_id (g_ptr_array_index (list, i)));

      if (p != NULL)
        seq[m++] = GPOINTER_TO_UINT (p) - 1;
    }

  for (guint i = 0; i < m; i++)
    {
      guint lo = 0, hi = len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (seq[tails[mid]] < seq[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      prev[i] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = i;
      if (lo == len)
        len++;
    }

  for (guint i = len > 0 ? tails[len - 1] : G_MAXUINT; i != G_MAXUINT; i = prev[i])
    stable[seq[i]] = TRUE;
}

/* Where each item of @list that is no anchor goes: after which anchor (@rank by BASE
 * position), how far after it */
static GHashTable *
placements (GPtrArray  *list,
            GHashTable *base_index,
            const int  *rank)
{
  GHashTable *placed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  int gap = -1;
  guint anchor = 0;

  for (guint i = 0; i < list->len; i++)
    {
      const char *id = cycle_item_get_id (g_ptr_array_index (list, i));
      gpointer p = g_hash_table_lookup (base_index, id);
      Placed *place;

      if (p != NULL && rank[GPOINTER_TO_UINT (p) - 1] >= 0)
        {
          gap = rank[GPOINTER_TO_UINT (p) - 1];
          anchor = i;
          continue;
        }
      place = g_new (Placed, 1);
      place->gap = gap;
      place->offset = gap < 0 ? i + 1 : i - anchor;
      place->id = id;
      place->item = NULL;
      g_hash_table_insert (placed, (gpointer) id, place);
    }

  return placed;
}

static gboolean
same_ids (GPtrArray *a,
          GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (strcmp (cycle_item_get_id (g_ptr_array_index (a, i)),
                cycle_item_get_id (g_ptr_array_index (b, i))) != 0)
      return FALSE;
  return TRUE;
}

/* Puts the @n items of @store in the order of @order. Undoable: taken out and put back in,
 * each a step that undo knows; otherwise in one splice, so that the plan's indexes stay. */
static void
reorder (Merge      *m,
         GListStore *store,
         GPtrArray  *order)
{
  guint n = order->len;

  if (!m->undoable)
    {
      g_list_store_splice (store, 0, n, order->pdata, n);
      return;
    }
  _cycle_plan_splice (m->ours, m->stage, store, 0, n, NULL, 0);
  _cycle_plan_splice (m->ours, m->stage, store, 0, 0, order->pdata, n);
}

/* Puts @result, the items of @store, in the order of @list (by id); what @list lacks last */
static void
follow_order (Merge      *m,
              GListStore *store,
              GPtrArray  *result,
              GPtrArray  *list)
{
  g_autoptr(GHashTable) here = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new_full (result->len, g_object_unref);
  gboolean same = TRUE;

  for (guint i = 0; i < result->len; i++)
    g_hash_table_insert (here, (gpointer) cycle_item_get_id (g_ptr_array_index (result, i)),
                         g_ptr_array_index (result, i));
  for (guint i = 0; i < list->len; i++)
    {
      gpointer item = g_hash_table_lookup (here, cycle_item_get_id (g_ptr_array_index (list, i)));

      if (item != NULL && g_hash_table_remove (here, cycle_item_get_id (item)))
        g_ptr_array_add (order, g_object_ref (item));
    }
  for (guint i = 0; i < result->len; i++)
    if (g_hash_table_contains (here, cycle_item_get_id (g_ptr_array_index (result, i))))
      g_ptr_array_add (order, g_object_ref (g_ptr_array_index (result, i)));

  for (guint i = 0; i < result->len && same; i++)
    same = g_ptr_array_index (result, i) == g_ptr_array_index (order, i);
  if (!same)
    reorder (m, store, order);
}

/* Puts the items of @store (the result) in the merged order of @bl, @ol (ours' list before the
 * merge changed it) and @tl */
static void
merge_order (Merge      *m,
             const Kind *kind,
             GPtrArray  *bl,
             GPtrArray  *ol,
             GListStore *store,
             GPtrArray  *tl)
{
  guint nb = bl->len;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(GHashTable) base_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ours_places = NULL;
  g_autoptr(GHashTable) theirs_places = NULL;
  g_autofree gboolean *stable_o = g_new0 (gboolean, nb + 1);
  g_autofree gboolean *stable_t = g_new0 (gboolean, nb + 1);
  g_autofree int *rank = g_new (int, nb + 1);
  g_autofree gpointer *anchors = g_new0 (gpointer, nb + 1);
  g_autoptr(GArray) moved = g_array_new (FALSE, FALSE, sizeof (Placed));
  g_autoptr(GPtrArray) result = items_of (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) order = g_ptr_array_new_full (n, g_object_unref);
  guint n_anchors = 0, next = 0;
  gboolean same = TRUE;

  if (n < 2)
    return;

  /* Theirs left the list as it was: ours' order stands */
  if (same_ids (bl, tl))
    return;
  /* Ours did: theirs' order */
  if (same_ids (bl, ol))
    {
      follow_order (m, store, result, tl);
      return;
    }

  for (guint i = 0; i < nb; i++)
    g_hash_table_insert (base_index, (gpointer) cycle_item_get_id (g_ptr_array_index (bl, i)),
                         GUINT_TO_POINTER (i + 1));

  mark_unmoved (ol, base_index, stable_o);
  mark_unmoved (tl, base_index, stable_t);

  /* The anchors: items in place on both sides (so both have them here) */
  for (guint i = 0; i < nb; i++)
    rank[i] = stable_o[i] && stable_t[i] ? (int) n_anchors++ : -1;

  ours_places = placements (ol, base_index, rank);
  theirs_places = placements (tl, base_index, rank);

  for (guint i = 0; i < n; i++)
    {
      gpointer item = g_ptr_array_index (result, i);
      const char *id = cycle_item_get_id (item);
      gpointer p = g_hash_table_lookup (base_index, id);
      Placed *po, *pt, place = { n_anchors - 1, G_MAXUINT, NULL, NULL };
      gboolean moved_o, moved_t;

      if (p != NULL && rank[GPOINTER_TO_UINT (p) - 1] >= 0)
        {
          anchors[rank[GPOINTER_TO_UINT (p) - 1]] = item;
          continue;
        }

      po = g_hash_table_lookup (ours_places, id);
      pt = g_hash_table_lookup (theirs_places, id);
      moved_o = po != NULL && (p == NULL || !stable_o[GPOINTER_TO_UINT (p) - 1]);
      moved_t = pt != NULL && (p == NULL || !stable_t[GPOINTER_TO_UINT (p) - 1]);

      if (moved_o && moved_t)
        {
          if (p != NULL && po->gap != pt->gap)
            add_conflict (m, kind, item, "position", NULL, NULL, NULL);
          place = *po;
        }
      else if (moved_t || (po == NULL && pt != NULL))
        place = *pt;
      else if (po != NULL)
        place = *po;
      place.item = item;
      place.id = id;
      g_array_append_val (moved, place);
    }

  g_array_sort (moved, compare_placed);

  /* What goes before the first anchor, then each anchor followed by what goes after it */
  for (int gap = -1; gap < (int) n_anchors; gap++)
    {
      if (gap >= 0 && anchors[gap] != NULL)
        g_ptr_array_add (order, g_object_ref (anchors[gap]));
      while (next < moved->len && g_array_index (moved, Placed, next).gap == gap)
        g_ptr_array_add (order, g_object_ref (g_array_index (moved, Placed, next++).item));
    }
  g_return_if_fail (order->len == n);

  for (guint i = 0; i < n && same; i++)
    same = g_ptr_array_index (result, i) == g_ptr_array_index (order, i);
  if (!same)
    reorder (m, store, order);
}

/* Ours' lists before the merge changes them */
typedef struct
{
  GPtrArray  *personas;
  GPtrArray  *stages;
  GPtrArray  *links;
  GHashTable *content;   /* stage id → its content */
} Snapshot;

static void
snapshot_take (Snapshot  *snap,
               CyclePlan *plan)
{
  GListModel *stages = cycle_plan_get_stages (plan);

  snap->personas = items_of (cycle_plan_get_personas (plan));
  snap->stages = items_of (stages);
  snap->links = items_of (cycle_plan_get_links (plan));
  snap->content = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < snap->stages->len; i++)
    {
      CycleStage *stage = g_ptr_array_index (snap->stages, i);

      g_hash_table_insert (snap->content, g_strdup (cycle_item_get_id (CYCLE_ITEM (stage))),
                           items_of (cycle_stage_get_content (stage)));
    }
}

static void
snapshot_clear (Snapshot *snap)
{
  g_ptr_array_unref (snap->personas);
  g_ptr_array_unref (snap->stages);
  g_ptr_array_unref (snap->links);
  g_hash_table_unref (snap->content);
}

static GPtrArray *
stage_content (CyclePlan  *plan,
               const char *id)
{
  CycleStage *stage = cycle_plan_find_stage (plan, id);

  return items_of (stage != NULL ? cycle_stage_get_content (stage) : NULL);
}

static void
merge_list_order (Merge      *m,
                  const Kind *kind,
                  GPtrArray  *ours_before)
{
  g_autoptr(GPtrArray) bl = items_of (kind->list (m->base));
  g_autoptr(GPtrArray) tl = items_of (kind->list (m->theirs));

  merge_order (m, kind, bl, ours_before, G_LIST_STORE (kind->list (m->ours)), tl);
}

static void
merge_orders (Merge    *m,
              Snapshot *snap)
{
  GListModel *stages = cycle_plan_get_stages (m->ours);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  guint n;

  merge_list_order (m, &kind_persona, snap->personas);
  merge_list_order (m, &kind_stage, snap->stages);
  merge_list_order (m, &kind_link, snap->links);

  n = g_list_model_get_n_items (stages);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);
      const char *id = cycle_item_get_id (CYCLE_ITEM (stage));
      g_autoptr(GPtrArray) bl = stage_content (m->base, id);
      g_autoptr(GPtrArray) tl = stage_content (m->theirs, id);
      GPtrArray *ol = g_hash_table_lookup (snap->content, id);

      m->stage = stage;
      merge_order (m, &kind_content, bl, ol != NULL ? ol : none, _cycle_stage_get_store (stage),
                   tl);
      m->stage = NULL;
    }
}

static GPtrArray *
merge_run (CyclePlan *base,
           CyclePlan *ours,
           CyclePlan *theirs,
           gboolean   undoable)
{
  const Kind *kinds[] = { &kind_persona, &kind_stage, &kind_content, &kind_link };
  const char *bc, *oc, *tc;
  g_autoptr(GPtrArray) recorded = NULL;
  g_autofree char *json = NULL;
  Merge m = { base, ours, theirs, NULL, undoable, NULL };
  Snapshot snap;

  m.conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) cycle_conflict_free);

  snapshot_take (&snap, ours);
  merge_fields (&m, &kind_plan, base, ours, theirs);

  /* Referenced kinds first, so that what refers to them finds them; deletions the other way */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    merge_theirs (&m, kinds[i]);
  for (guint i = G_N_ELEMENTS (kinds); i > 0; i--)
    merge_deletions (&m, kinds[i - 1]);

  merge_orders (&m, &snap);
  snapshot_clear (&snap);

  /* Conflicts recorded before: theirs' list if only they changed it; then the new ones */
  bc = _cycle_plan_get_conflicts_json (base);
  oc = _cycle_plan_get_conflicts_json (ours);
  tc = _cycle_plan_get_conflicts_json (theirs);
  if (g_strcmp0 (oc, tc) != 0 && g_strcmp0 (bc, oc) == 0)
    _cycle_plan_set_conflicts_json (ours, tc);
  recorded = cycle_plan_get_conflicts (ours);
  for (guint i = 0; i < m.conflicts->len; i++)
    {
      CycleConflict *c = g_ptr_array_index (m.conflicts, i), *copy = g_new0 (CycleConflict, 1);

      *copy = (CycleConflict) { g_strdup (c->kind), g_strdup (c->item), g_strdup (c->name),
                                g_strdup (c->field), g_strdup (c->base), g_strdup (c->ours),
                                g_strdup (c->theirs) };
      g_ptr_array_add (recorded, copy);
    }
  json = _cycle_conflicts_to_json (recorded);
  _cycle_plan_set_conflicts_json (ours, json);

  return m.conflicts;
}

GPtrArray *
cycle_merge (CyclePlan *base,
             CyclePlan *ours,
             CyclePlan *theirs)
{
  GPtrArray *conflicts;

  g_return_val_if_fail (CYCLE_IS_PLAN (base), NULL);
  g_return_val_if_fail (CYCLE_IS_PLAN (ours), NULL);
  g_return_val_if_fail (CYCLE_IS_PLAN (theirs), NULL);

  conflicts = merge_run (base, ours, theirs, FALSE);
  cycle_plan_clear_undo (ours);
  return conflicts;
}

GPtrArray *
cycle_plan_merge (CyclePlan *self,
                  CyclePlan *base,
                  CyclePlan *theirs)
{
  GPtrArray *conflicts;

  g_return_val_if_fail (CYCLE_IS_PLAN (self), NULL);
  g_return_val_if_fail (CYCLE_IS_PLAN (base), NULL);
  g_return_val_if_fail (CYCLE_IS_PLAN (theirs), NULL);

  cycle_plan_seal_undo (self);
  cycle_plan_begin_group (self, _("Merge"));
  conflicts = merge_run (base, self, theirs, TRUE);
  cycle_plan_end_group (self);
  cycle_plan_seal_undo (self);
  return conflicts;
}

/* Showing and comparing plans, for people (cycle-tool show and diff, git's textconv and
 * diff.command) */

/* "stage s1 “Visitors”" */
static char *
item_label (const Kind *kind,
            gpointer    object)
{
  const char *name = item_name (kind, object);

  if (kind == &kind_plan)
    return g_strdup (kind_label (kind->name));
  if (name != NULL)
    return g_strdup_printf (_("%s %s “%s”"), kind_label (kind->name),
                            cycle_item_get_id (object), name);
  return g_strdup_printf ("%s %s", kind_label (kind->name), cycle_item_get_id (object));
}

static void
append_fields (GString    *line,
               const Kind *kind,
               gpointer    object)
{
  CycleJsonMembers *members = item_unknown (kind, object);
  const char *key, *value = NULL;
  gboolean first = TRUE;

  for (const Field *f = kind->fields; f->key != NULL; f++)
    {
      g_autofree char *json = NULL;
      Value v;

      if (f->key == kind->name_key)
        continue;
      read_value (f, object, &v);
      json = value_to_json (f, &v);
      if (json == NULL)
        continue;
      g_string_append_printf (line, "%s%s %s", first ? ": " : ", ", f->key, json);
      first = FALSE;
    }
  for (key = cycle_json_members_iter (members, NULL, &value); key != NULL;
       key = cycle_json_members_iter (members, key, &value))
    {
      g_string_append_printf (line, "%s%s %s", first ? ": " : ", ", key, value);
      first = FALSE;
    }
}

static void
show_item (GPtrArray  *lines,
           const Kind *kind,
           gpointer    object,
           const char *indent)
{
  g_autofree char *label = item_label (kind, object);
  GString *line = g_string_new (indent);

  g_string_append (line, label);
  append_fields (line, kind, object);
  g_ptr_array_add (lines, g_string_free (line, FALSE));
}

GPtrArray *
cycle_plan_show (CyclePlan *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const Kind *lists[] = { &kind_persona, &kind_stage, &kind_link };
  g_autoptr(GPtrArray) conflicts = NULL;

  g_return_val_if_fail (CYCLE_IS_PLAN (self), lines);

  show_item (lines, &kind_plan, self, "");
  for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
    {
      g_autoptr(GPtrArray) items = items_of (lists[k]->list (self));

      for (guint i = 0; i < items->len; i++)
        {
          CycleItem *item = g_ptr_array_index (items, i);

          show_item (lines, lists[k], item, "");
          if (lists[k] == &kind_stage)
            {
              GListModel *stage_content = cycle_stage_get_content (CYCLE_STAGE (item));
              g_autoptr(GPtrArray) content = items_of (stage_content);

              for (guint j = 0; j < content->len; j++)
                show_item (lines, &kind_content, g_ptr_array_index (content, j), "  ");
            }
        }
    }

  conflicts = cycle_plan_get_conflicts (self);
  for (guint i = 0; i < conflicts->len; i++)
    {
      g_autofree char *what = cycle_conflict_describe (g_ptr_array_index (conflicts, i));

      g_ptr_array_add (lines, g_strdup_printf (_("conflict: %s"), what));
    }
  return lines;
}

static void
diff_fields (GPtrArray  *lines,
             const Kind *kind,
             gpointer    a,
             gpointer    b)
{
  CycleJsonMembers *ma = item_unknown (kind, a), *mb = item_unknown (kind, b);
  const char *key, *value = NULL;
  g_autofree char *label = item_label (kind, b);
  const char *none = _("(not set)");

  for (const Field *f = kind->fields; f->key != NULL; f++)
    {
      Value va, vb;

      read_value (f, a, &va);
      read_value (f, b, &vb);
      if (!values_equal (f, &va, &vb))
        {
          g_autofree char *ja = value_to_json (f, &va);
          g_autofree char *jb = value_to_json (f, &vb);

          /* Translators: changed ITEM: FIELD OLD → NEW */
          g_ptr_array_add (lines, g_strdup_printf (_("changed %s: %s %s → %s"), label, f->key,
                                                   ja != NULL ? ja : none,
                                                   jb != NULL ? jb : none));
        }
    }
  if (kind == &kind_content && strcmp (content_stage_id (a), content_stage_id (b)) != 0)
    g_ptr_array_add (lines, g_strdup_printf (_("moved %s: from stage %s to stage %s"), label,
                                             content_stage_id (a), content_stage_id (b)));

  /* Members Cycle does not know: what changed or went, then what came */
  for (key = cycle_json_members_iter (ma, NULL, &value); key != NULL;
       key = cycle_json_members_iter (ma, key, &value))
    if (g_strcmp0 (value, cycle_json_members_lookup (mb, key)) != 0)
      {
        const char *vb = cycle_json_members_lookup (mb, key);

        g_ptr_array_add (lines, g_strdup_printf (_("changed %s: %s %s → %s"), label, key, value,
                                                 vb != NULL ? vb : none));
      }
  for (key = cycle_json_members_iter (mb, NULL, &value); key != NULL;
       key = cycle_json_members_iter (mb, key, &value))
    if (cycle_json_members_lookup (ma, key) == NULL)
      g_ptr_array_add (lines, g_strdup_printf (_("changed %s: %s %s → %s"), label, key, none,
                                               value));
}

/* Items of @kind in @la and @lb (lists of items), by id: added, removed, changed, moved */
static void
diff_list (GPtrArray  *lines,
           const Kind *kind,
           CyclePlan  *a,
           CyclePlan  *b,
           GPtrArray  *la,
           GPtrArray  *lb)
{
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *stable = g_new0 (gboolean, la->len + 1);

  for (guint i = 0; i < la->len; i++)
    g_hash_table_insert (index, (gpointer) cycle_item_get_id (g_ptr_array_index (la, i)),
                         GUINT_TO_POINTER (i + 1));
  if (kind != &kind_content)
    mark_unmoved (lb, index, stable);

  for (guint i = 0; i < la->len; i++)
    {
      gpointer item = g_ptr_array_index (la, i);

      if (kind->find (b, cycle_item_get_id (item)) == NULL)
        {
          g_autofree char *label = item_label (kind, item);

          g_ptr_array_add (lines, g_strdup_printf (_("removed %s"), label));
        }
    }
  for (guint i = 0; i < lb->len; i++)
    {
      gpointer item = g_ptr_array_index (lb, i);
      gpointer p = g_hash_table_lookup (index, cycle_item_get_id (item));
      gpointer old = kind->find (a, cycle_item_get_id (item));
      g_autofree char *label = item_label (kind, item);

      if (old == NULL)
        {
          GString *line = g_string_new (NULL);

          g_string_append_printf (line, _("added %s"), label);
          append_fields (line, kind, item);
          g_ptr_array_add (lines, g_string_free (line, FALSE));
          continue;
        }
      diff_fields (lines, kind, old, item);
      if (kind != &kind_content && p != NULL && !stable[GPOINTER_TO_UINT (p) - 1])
        g_ptr_array_add (lines, g_strdup_printf (_("moved %s: from place %u to place %u"), label,
                                                 GPOINTER_TO_UINT (p), i + 1));
    }
}

GPtrArray *
cycle_plan_diff (CyclePlan *a,
                 CyclePlan *b)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const Kind *kinds[] = { &kind_persona, &kind_stage, &kind_content, &kind_link };

  g_return_val_if_fail (CYCLE_IS_PLAN (a) && CYCLE_IS_PLAN (b), lines);

  diff_fields (lines, &kind_plan, a, b);
  if (g_strcmp0 (_cycle_plan_get_conflicts_json (a), _cycle_plan_get_conflicts_json (b)) != 0)
    g_ptr_array_add (lines, g_strdup_printf (_("conflicts: %u → %u"),
                                             cycle_plan_get_n_conflicts (a),
                                             cycle_plan_get_n_conflicts (b)));
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) la = items_of (kinds[k]->list (a));
      g_autoptr(GPtrArray) lb = items_of (kinds[k]->list (b));

      diff_list (lines, kinds[k], a, b, la, lb);
    }
  return lines;
}
