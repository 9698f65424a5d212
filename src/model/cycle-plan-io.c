/* cycle-plan-io.c: reading a .cycle file into a plan strictly (writing is cycle-plan-writer.c)
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-plan-io"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-format.h"
#include "cycle-json.h"
#include "cycle-merge.h"
#include "cycle-item-private.h"
#include "cycle-stage-private.h"
#include "cycle-plan-private.h"
#include "cycle-plan-io.h"

#define COORD_LIMIT 1e6
#define MAX_ID_LENGTH 64

typedef struct
{
  CyclePlan    *plan;
  CycleJsonDoc *doc;
  GString      *path;       /* the JSON path of the value being read, for messages */
  GError      **error;
  GCancellable *cancellable;

  /* The stage being read, before it joins the plan (whose index knows the content of the
   * stages before it): its content read so far (the last of them still in a batch, which goes
   * to the stage's list when full), and the set of their ids, borrowed from them */
  CycleStage   *stage;
  guint         stage_index;
  guint         stage_n_content;
  GPtrArray    *stage_content;
  GHashTable   *stage_content_ids;

  /* While streaming (read_element ()): content naming a persona before the personas were read,
   * checked at the end */
  GPtrArray    *pending_personas;
  gboolean      defer_personas;

  /* Items read so far, against the CYCLE_PLAN_MAX_* limits */
  guint         n_stages;
  guint         n_links;
  guint         n_personas;
  guint         n_content;

  CycleProgressFunc progress_func;
  gpointer          progress_data;
} Reader;

typedef struct
{
  CycleContent *content;
  char         *id;
  char         *path;
} PendingPersona;

static void
pending_persona_free (PendingPersona *pending)
{
  g_object_unref (pending->content);
  g_free (pending->id);
  g_free (pending->path);
  g_free (pending);
}

/* Errors */

static gboolean fail (Reader     *r,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (Reader     *r,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (r->error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_INVALID,
               "%s: %s", r->path->str, message);
  return FALSE;
}

/* One more item of a kind, or (from a function returning a pointer) NULL with the error past
 * the plan's limit for that kind. @format takes the limit, as text. */
#define COUNT_ITEM(r, field, limit, format)                                     \
  G_STMT_START {                                                                \
    if ((r)->field >= (limit))                                                  \
      {                                                                         \
        g_autofree char *limit_text = cycle_format_count (limit);               \
                                                                                \
        fail ((r), format, limit_text);                                         \
        return NULL;                                                            \
      }                                                                         \
    (r)->field++;                                                               \
  } G_STMT_END

static const char *
type_name (const CycleJsonNode *node)
{
  switch (cycle_json_node_get_node_type (node))
    {
    case CYCLE_JSON_NULL:
      return _("null");
    case CYCLE_JSON_BOOLEAN:
      return _("a boolean");
    case CYCLE_JSON_NUMBER:
      return _("a number");
    case CYCLE_JSON_STRING:
      return _("a string");
    case CYCLE_JSON_ARRAY:
      return _("an array");
    case CYCLE_JSON_OBJECT:
      return _("an object");
    default:
      g_return_val_if_reached ("?");
    }
}

static gboolean
fail_type (Reader              *r,
           const CycleJsonNode *node,
           const char          *expected)
{
  /* Translators: "expected a string, found a number" */
  return fail (r, _("expected %s, found %s"), expected, type_name (node));
}

/* The path: "$", "$.stages[3]", "$.stages[3].permission" */

static gsize
push_key (Reader     *r,
          const char *key)
{
  gsize len = r->path->len;

  g_string_append_c (r->path, '.');
  g_string_append (r->path, key);
  return len;
}

static gsize
push_index (Reader *r,
            guint   index)
{
  gsize len = r->path->len;

  g_string_append_printf (r->path, "[%u]", index);
  return len;
}

static void
pop (Reader *r,
     gsize   len)
{
  g_string_truncate (r->path, len);
}

/* Values */

static gboolean
read_string (Reader              *r,
             const CycleJsonNode *node,
             const char         **out)
{
  if (cycle_json_node_get_node_type (node) != CYCLE_JSON_STRING)
    return fail_type (r, node, _("a string"));
  *out = cycle_json_node_get_string (node);
  return TRUE;
}

static gboolean
read_enum (Reader              *r,
           const CycleJsonNode *node,
           GType                type,
           const char          *what,
           int                 *out)
{
  const char *nick = NULL;

  if (!read_string (r, node, &nick))
    return FALSE;

  if (!cycle_enum_from_nick (type, nick, out))
    {
      g_autofree char *nicks = cycle_enum_list_nicks (type);
      g_autofree char *quoted = cycle_file_error_quote (nick);
      /* Translators: "unknown permission level “friend” (expected one of “none”, …)" */
      return fail (r, _("unknown %s “%s” (expected one of %s)"), _(what), quoted, nicks);
    }

  return TRUE;
}

/* A rate from 0 to @max (1 for a fraction; more for a loop's people brought per person). */
static gboolean
read_rate_up_to (Reader              *r,
                 const CycleJsonNode *node,
                 double               max,
                 double              *out)
{
  double v;

  if (cycle_json_node_get_node_type (node) == CYCLE_JSON_NULL)
    {
      *out = CYCLE_RATE_UNSET;
      return TRUE;
    }
  if (cycle_json_node_get_node_type (node) != CYCLE_JSON_NUMBER)
    return fail_type (r, node, _("a number"));

  v = cycle_json_node_get_double (node);
  if (v < 0.0 || v > max)
    {
      g_autofree char *most = cycle_format_number (max);
      g_autofree char *given = cycle_format_number (v);

      if (max > 1.0)
        return fail (r, _("a loop’s rate must be a number of people each person brings, from 0 "
                          "to %s, not %s"), most, given);
      return fail (r, _("a rate must be a fraction from 0 to 1 (0 %% to 100 %%), not %s"), given);
    }

  *out = v;
  return TRUE;
}

static gboolean
read_rate (Reader              *r,
           const CycleJsonNode *node,
           double              *out)
{
  return read_rate_up_to (r, node, 1.0, out);
}

static gboolean
read_days (Reader              *r,
           const CycleJsonNode *node,
           int                 *out)
{
  gint64 v;

  if (cycle_json_node_get_node_type (node) == CYCLE_JSON_NULL)
    {
      *out = CYCLE_DAYS_UNSET;
      return TRUE;
    }
  if (cycle_json_node_get_node_type (node) != CYCLE_JSON_NUMBER)
    return fail_type (r, node, _("a number"));
  if (!cycle_json_node_get_int (node, &v) || v < 0 || v > 36500)
    return fail (r, _("days in stage must be a whole number from 0 to 36500"));

  *out = (int)v;
  return TRUE;
}

static gboolean
read_coordinate (Reader              *r,
                 const CycleJsonNode *node,
                 double              *out)
{
  double v;

  if (cycle_json_node_get_node_type (node) != CYCLE_JSON_NUMBER)
    return fail_type (r, node, _("a number"));

  v = cycle_json_node_get_double (node);
  if (v < -COORD_LIMIT || v > COORD_LIMIT)
    return fail (r, _("a position must be between -1000000 and 1000000"));

  *out = v == 0.0 ? 0.0 : v;  /* no -0 */
  return TRUE;
}

static gboolean
id_is_valid (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > MAX_ID_LENGTH || !g_ascii_isalnum (id[0]))
    return FALSE;

  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isalnum (id[i]) && id[i] != '_' && id[i] != '.' && id[i] != '-')
      return FALSE;

  return TRUE;
}

static gboolean
read_id (Reader              *r,
         const CycleJsonNode *node,
         const char         **out)
{
  if (!read_string (r, node, out))
    return FALSE;

  if (!id_is_valid (*out))
    {
      g_autofree char *quoted = cycle_file_error_quote (*out);
      return fail (r, _("“%s” is not a valid id (1 to 64 letters, digits, “_”, “.” or “-”, "
                        "starting with a letter or digit)"), quoted);
    }

  return TRUE;
}

static gboolean
read_color (Reader              *r,
            const CycleJsonNode *node,
            const char         **out)
{
  const char *s = NULL;

  if (!read_string (r, node, &s))
    return FALSE;

  if (s[0] != '\0')
    {
      gboolean ok = strlen (s) == 7 && s[0] == '#';

      for (guint i = 1; ok && i < 7; i++)
        ok = g_ascii_isxdigit (s[i]);
      if (!ok)
        {
          g_autofree char *quoted = cycle_file_error_quote (s);
          return fail (r, _("“%s” is not a color written #rrggbb"), quoted);
        }
    }

  *out = s;
  return TRUE;
}

static gboolean
read_date (Reader              *r,
           const CycleJsonNode *node,
           const char         **out)
{
  if (!read_string (r, node, out))
    return FALSE;

  if ((*out)[0] != '\0')
    {
      g_autofree char *problem = NULL;

      if (!cycle_date_parse (*out, NULL, NULL, NULL, &problem))
        return fail (r, "%s", problem);
    }

  return TRUE;
}

/* A member the schema lists but its reader does not know: never, while the schema below and the
 * readers agree. Kept all the same, through json-glib (its numbers as doubles). */
static void
keep_extra (CycleJsonMembers    **extras,
            const char           *key,
            const CycleJsonNode  *value)
{
  g_autoptr(JsonNode) copy = cycle_json_node_to_json_node (value);
  g_autoptr(GString) text = g_string_new (NULL);

  g_critical ("the member “%s” is in the schema but no reader knows it", key);
  cycle_json_write_node (text, copy, 0);
  if (*extras == NULL)
    *extras = cycle_json_members_new ();
  cycle_json_members_add (*extras, key, text->str);
}

static gboolean
require_object (Reader              *r,
                const CycleJsonNode *node)
{
  if (cycle_json_node_get_node_type (node) != CYCLE_JSON_OBJECT)
    return fail_type (r, node, _("an object"));
  return TRUE;
}

static gboolean
require_members (Reader              *r,
                 const CycleJsonNode *node,
                 const char * const  *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (cycle_json_node_lookup (node, keys[i]) == NULL)
      return fail (r, _("the required member “%s” is missing"), keys[i]);
  return TRUE;
}

/* The items. A reader for each kind handles the members it knows; read_members() walks an
 * object, keeps the path for messages, and keeps the members nobody knows. */

typedef enum {
  MEMBER_READ,
  MEMBER_FAILED,
  MEMBER_UNKNOWN,
} MemberResult;

typedef MemberResult (*MemberFunc) (Reader              *r,
                                    const char          *key,
                                    const CycleJsonNode *value,
                                    gpointer             target);

static gboolean
read_members (Reader              *r,
              const CycleJsonNode *node,
              MemberFunc           func,
              gpointer             target,
              CycleJsonMembers   **extras)
{
  guint n = cycle_json_node_get_length (node);

  /* The members the schema does not list, kept by the parser as text */
  *extras = cycle_json_doc_steal_unknown (r->doc, node);

  for (guint i = 0; i < n; i++)
    {
      const char *key = cycle_json_node_get_key (node, i);
      const CycleJsonNode *value = cycle_json_node_get_element (node, i);
      gsize mark = push_key (r, key);
      MemberResult result = func (r, key, value, target);

      if (result == MEMBER_FAILED)
        {
          g_clear_pointer (extras, cycle_json_members_free);
          return FALSE;
        }
      if (result == MEMBER_UNKNOWN)
        keep_extra (extras, key, value);
      pop (r, mark);
    }

  return TRUE;
}

typedef void (*StringSetter) (gpointer object, const char *value);
typedef void (*EnumSetter)   (gpointer object, int value);
typedef void (*DoubleSetter) (gpointer object, double value);

static MemberResult
string_member (Reader              *r,
               const CycleJsonNode *value,
               gpointer             object,
               StringSetter         setter)
{
  const char *s = NULL;

  if (!read_string (r, value, &s))
    return MEMBER_FAILED;
  setter (object, s);
  return MEMBER_READ;
}

static MemberResult
enum_member (Reader              *r,
             const CycleJsonNode *value,
             GType                type,
             const char          *what,
             gpointer             object,
             EnumSetter           setter)
{
  int e = 0;

  if (!read_enum (r, value, type, what, &e))
    return MEMBER_FAILED;
  setter (object, e);
  return MEMBER_READ;
}

static MemberResult
rate_member (Reader              *r,
             const CycleJsonNode *value,
             gpointer             object,
             DoubleSetter         setter)
{
  double d = 0;

  if (!read_rate (r, value, &d))
    return MEMBER_FAILED;
  setter (object, d);
  return MEMBER_READ;
}

/* An id, unique among the plan's items of the same kind. */
static MemberResult
id_member (Reader              *r,
           const CycleJsonNode *value,
           CycleItem           *item)
{
  const char *s = NULL;

  if (!read_id (r, value, &s))
    return MEMBER_FAILED;

  if (CYCLE_IS_STAGE (item) && cycle_plan_find_stage (r->plan, s) != NULL)
    fail (r, _("another stage already has the id “%s”"), s);
  else if (CYCLE_IS_PERSONA (item) && cycle_plan_find_persona (r->plan, s) != NULL)
    fail (r, _("another persona already has the id “%s”"), s);
  else if (CYCLE_IS_LINK (item) && cycle_plan_find_link (r->plan, s) != NULL)
    fail (r, _("another link already has the id “%s”"), s);
  else
    {
      cycle_item_set_id (item, s);
      return MEMBER_READ;
    }

  return MEMBER_FAILED;
}

/* Runs @func over the members of the object @node, which must have the @required members. */
static gboolean
read_item_object (Reader              *r,
                  const CycleJsonNode *node,
                  const char * const  *required,
                  MemberFunc           func,
                  CycleItem           *item)
{
  CycleJsonMembers *extras = NULL;

  if (!require_object (r, node) || !require_members (r, node, required))
    return FALSE;
  if (!read_members (r, node, func, item, &extras))
    return FALSE;

  _cycle_item_take_extras (item, extras);
  return TRUE;
}

static MemberResult
persona_member (Reader              *r,
                const char          *key,
                const CycleJsonNode *value,
                gpointer             persona)
{
  if (strcmp (key, "id") == 0)
    return id_member (r, value, persona);
  if (strcmp (key, "name") == 0)
    return string_member (r, value, persona, (StringSetter)cycle_persona_set_name);
  if (strcmp (key, "description") == 0)
    return string_member (r, value, persona, (StringSetter)cycle_persona_set_description);
  if (strcmp (key, "why") == 0)
    return string_member (r, value, persona, (StringSetter)cycle_persona_set_why);
  return MEMBER_UNKNOWN;
}

static CyclePersona *
read_persona (Reader              *r,
              const CycleJsonNode *node)
{
  static const char * const required[] = { "id", "name", NULL };
  g_autoptr(CyclePersona) persona = NULL;

  COUNT_ITEM (r, n_personas, CYCLE_PLAN_MAX_PERSONAS,
              /* Translators: %s is a number such as "10,000" */
              _("one persona too many: Cycle opens plans of at most %s personas"));
  persona = cycle_persona_new (NULL);
  if (!read_item_object (r, node, required, persona_member, CYCLE_ITEM (persona)))
    return NULL;
  return g_steal_pointer (&persona);
}

/* The path of the content that already has the id @id, or NULL */
static char *
first_use_of_content_id (Reader     *r,
                         const char *id)
{
  CycleContent *content;
  CycleStage *stage;
  GListModel *list;
  guint n;

  if (g_hash_table_contains (r->stage_content_ids, id))
    {
      GListModel *done = G_LIST_MODEL (_cycle_stage_get_store (r->stage));
      guint n_done = g_list_model_get_n_items (done);

      /* Where in this stage: looked for only for the message */
      for (guint i = 0; i < n_done; i++)
        {
          g_autoptr(CycleItem) item = g_list_model_get_item (done, i);

          if (g_strcmp0 (cycle_item_get_id (item), id) == 0)
            return g_strdup_printf ("$.stages[%u].content[%u]", r->stage_index, i);
        }
      for (guint i = 0; i < r->stage_content->len; i++)
        if (g_strcmp0 (cycle_item_get_id (g_ptr_array_index (r->stage_content, i)), id) == 0)
          return g_strdup_printf ("$.stages[%u].content[%u]", r->stage_index, n_done + i);
    }

  content = cycle_plan_find_content (r->plan, id);
  if (content == NULL)
    return NULL;

  /* In a stage read before: where it is, found only for the message */
  stage = cycle_content_get_stage (content);
  list = cycle_plan_get_stages (r->plan);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleStage) s = g_list_model_get_item (list, i);
      GListModel *items = cycle_stage_get_content (s);

      if (s != stage)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(CycleContent) c = g_list_model_get_item (items, j);

          if (c == content)
            return g_strdup_printf ("$.stages[%u].content[%u]", i, j);
        }
    }
  return g_strdup ("$");
}

static MemberResult
content_member (Reader              *r,
                const char          *key,
                const CycleJsonNode *value,
                gpointer             content)
{
  const char *s = NULL;

  if (strcmp (key, "id") == 0)
    {
      g_autofree char *first = NULL;

      if (!read_id (r, value, &s))
        return MEMBER_FAILED;
      /* Content ids are unique across the whole plan, not only within a stage. */
      first = first_use_of_content_id (r, s);
      if (first != NULL)
        {
          fail (r, _("the id “%s” is already used by %s"), s, first);
          return MEMBER_FAILED;
        }
      cycle_item_set_id (CYCLE_ITEM (content), s);
      /* The key is the content's own id: the table goes before the content may */
      g_hash_table_add (r->stage_content_ids, (gpointer) cycle_item_get_id (CYCLE_ITEM (content)));
      return MEMBER_READ;
    }
  if (strcmp (key, "title") == 0)
    return string_member (r, value, content, (StringSetter)cycle_content_set_title);
  if (strcmp (key, "format") == 0)
    return string_member (r, value, content, (StringSetter)cycle_content_set_format);
  if (strcmp (key, "channel") == 0)
    return string_member (r, value, content, (StringSetter)cycle_content_set_channel);
  if (strcmp (key, "persona") == 0)
    {
      CyclePersona *persona;

      if (!read_string (r, value, &s))
        return MEMBER_FAILED;
      persona = cycle_plan_find_persona (r->plan, s);
      if (persona == NULL && s[0] != '\0' && r->defer_personas)
        {
          PendingPersona *pending = g_new (PendingPersona, 1);

          /* Streaming, the personas may come after the stages: checked at the end */
          pending->content = g_object_ref (content);
          pending->id = g_strdup (s);
          pending->path = g_strdup (r->path->str);
          g_ptr_array_add (r->pending_personas, pending);
          return MEMBER_READ;
        }
      if (persona == NULL && s[0] != '\0')
        {
          g_autofree char *quoted = cycle_file_error_quote (s);
          fail (r, _("no persona has the id “%s”"), quoted);
          return MEMBER_FAILED;
        }
      cycle_content_set_persona (content, persona);
      return MEMBER_READ;
    }
  if (strcmp (key, "cta") == 0)
    return string_member (r, value, content, (StringSetter)cycle_content_set_cta);
  if (strcmp (key, "commitment") == 0)
    return enum_member (r, value, CYCLE_TYPE_COMMITMENT, N_("commitment"), content,
                        (EnumSetter)cycle_content_set_commitment);
  if (strcmp (key, "direction") == 0)
    return enum_member (r, value, CYCLE_TYPE_DIRECTION, N_("direction"), content,
                        (EnumSetter)cycle_content_set_direction);
  if (strcmp (key, "consent") == 0)
    return enum_member (r, value, CYCLE_TYPE_CONSENT, N_("consent"), content,
                        (EnumSetter)cycle_content_set_consent);
  if (strcmp (key, "status") == 0)
    return enum_member (r, value, CYCLE_TYPE_STATUS, N_("status"), content,
                        (EnumSetter)cycle_content_set_status);
  if (strcmp (key, "pitch") == 0)
    {
      if (cycle_json_node_get_node_type (value) != CYCLE_JSON_BOOLEAN)
        {
          fail_type (r, value, _("a boolean"));
          return MEMBER_FAILED;
        }
      cycle_content_set_pitch (content, cycle_json_node_get_boolean (value) ? CYCLE_PITCH_YES
                                                                            : CYCLE_PITCH_NO);
      return MEMBER_READ;
    }
  if (strcmp (key, "owner") == 0)
    return string_member (r, value, content, (StringSetter)cycle_content_set_owner);
  if (strcmp (key, "due") == 0)
    {
      if (!read_date (r, value, &s))
        return MEMBER_FAILED;
      cycle_content_set_due (content, s);
      return MEMBER_READ;
    }
  if (strcmp (key, "repeat") == 0)
    return enum_member (r, value, CYCLE_TYPE_REPEAT, N_("repeat"), content,
                        (EnumSetter)cycle_content_set_repeat);
  if (strcmp (key, "repeat_interval") == 0)
    {
      gint64 v;

      if (cycle_json_node_get_node_type (value) != CYCLE_JSON_NUMBER)
        {
          fail_type (r, value, _("a number"));
          return MEMBER_FAILED;
        }
      if (!cycle_json_node_get_int (value, &v) || v < 1 || v > CYCLE_CONTENT_MAX_REPEAT_INTERVAL)
        {
          fail (r, _("content repeats every 1 to %d days, weeks or months: expected a whole "
                     "number from 1 to %d"), CYCLE_CONTENT_MAX_REPEAT_INTERVAL,
                CYCLE_CONTENT_MAX_REPEAT_INTERVAL);
          return MEMBER_FAILED;
        }
      cycle_content_set_repeat_interval (content, (guint) v);
      return MEMBER_READ;
    }
  if (strcmp (key, "repeat_until") == 0)
    {
      if (!read_date (r, value, &s))
        return MEMBER_FAILED;
      cycle_content_set_repeat_until (content, s);
      return MEMBER_READ;
    }
  if (strcmp (key, "url") == 0)
    return string_member (r, value, content, (StringSetter)cycle_content_set_url);
  if (strcmp (key, "notes") == 0)
    return string_member (r, value, content, (StringSetter)cycle_content_set_notes);
  return MEMBER_UNKNOWN;
}

static CycleContent *
read_content (Reader              *r,
              const CycleJsonNode *node)
{
  static const char * const required[] = { "id", "title", NULL };
  g_autoptr(CycleContent) content = NULL;

  COUNT_ITEM (r, n_content, CYCLE_PLAN_MAX_CONTENT,
              /* Translators: %s is a number such as "1,000,000" */
              _("one content item too many: Cycle opens plans of at most %s content items"));
  content = cycle_content_new (NULL);
  if (!read_item_object (r, node, required, content_member, CYCLE_ITEM (content)))
    return NULL;
  return g_steal_pointer (&content);
}

#define CONTENT_BATCH 4096

/* Takes @content into the stage being read. The stage is not in the plan yet: its list takes
 * the content without recording anything, a batch at a time. */
static void
add_stage_content (Reader       *r,
                   CycleContent *content)
{
  g_ptr_array_add (r->stage_content, content);
  r->stage_n_content++;
  if (r->stage_content->len == CONTENT_BATCH)
    {
      GListStore *store = _cycle_stage_get_store (r->stage);

      g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                           r->stage_content->pdata, r->stage_content->len);
      g_ptr_array_set_size (r->stage_content, 0);
    }
}

/* The content of the stage being read, after what was streamed of it */
static gboolean
read_content_list (Reader              *r,
                   const CycleJsonNode *node)
{
  guint n;

  if (cycle_json_node_get_node_type (node) != CYCLE_JSON_ARRAY)
    return fail_type (r, node, _("an array"));

  n = cycle_json_node_get_length (node);
  for (guint i = 0; i < n; i++)
    {
      gsize mark = push_index (r, r->stage_n_content);
      CycleContent *content = read_content (r, cycle_json_node_get_element (node, i));

      if (content == NULL)
        return FALSE;
      add_stage_content (r, content);
      pop (r, mark);
    }
  return TRUE;
}

/* The stage whose members or content come now, made at the first of them */
static void
begin_stage (Reader *r,
             guint   index)
{
  if (r->stage != NULL)
    return;

  r->stage = cycle_stage_new (NULL);
  r->stage_index = index;
  r->stage_n_content = 0;
  r->stage_content = g_ptr_array_new_full (CONTENT_BATCH, g_object_unref);
  g_hash_table_remove_all (r->stage_content_ids);
}

static void
abandon_stage (Reader *r)
{
  g_hash_table_remove_all (r->stage_content_ids);
  g_clear_pointer (&r->stage_content, g_ptr_array_unref);
  g_clear_object (&r->stage);
}

/* The stage read whole, with its content, still out of the plan */
static CycleStage *
end_stage (Reader *r)
{
  CycleStage *stage = g_steal_pointer (&r->stage);

  /* The last batch: the stage is not in the plan yet, so nothing is recorded. */
  g_list_store_splice (_cycle_stage_get_store (stage),
                       g_list_model_get_n_items (G_LIST_MODEL (_cycle_stage_get_store (stage))), 0,
                       r->stage_content->pdata, r->stage_content->len);
  g_hash_table_remove_all (r->stage_content_ids);
  g_clear_pointer (&r->stage_content, g_ptr_array_unref);
  return stage;
}

typedef struct
{
  CycleStage *stage;
  double      x;
  double      y;
} StageTarget;

static MemberResult
stage_member (Reader              *r,
              const char          *key,
              const CycleJsonNode *value,
              gpointer             data)
{
  StageTarget *t = data;
  CycleStage *stage = t->stage;
  const char *s = NULL;
  int days = 0;

  if (strcmp (key, "id") == 0)
    return id_member (r, value, CYCLE_ITEM (stage));
  if (strcmp (key, "name") == 0)
    return string_member (r, value, stage, (StringSetter)cycle_stage_set_name);
  if (strcmp (key, "lane") == 0)
    return enum_member (r, value, CYCLE_TYPE_LANE, N_("lane"), stage,
                        (EnumSetter)cycle_stage_set_lane);
  if (strcmp (key, "why") == 0)
    return string_member (r, value, stage, (StringSetter)cycle_stage_set_why);
  if (strcmp (key, "question") == 0)
    return string_member (r, value, stage, (StringSetter)cycle_stage_set_question);
  if (strcmp (key, "permission") == 0)
    return enum_member (r, value, CYCLE_TYPE_PERMISSION, N_("permission level"), stage,
                        (EnumSetter)cycle_stage_set_permission);
  if (strcmp (key, "role") == 0)
    return enum_member (r, value, CYCLE_TYPE_ROLE, N_("stage role"), stage,
                        (EnumSetter)cycle_stage_set_role);
  if (strcmp (key, "kpi") == 0)
    return string_member (r, value, stage, (StringSetter)cycle_stage_set_kpi);
  if (strcmp (key, "conversion_rate") == 0)
    return rate_member (r, value, stage, (DoubleSetter)cycle_stage_set_conversion_rate);
  if (strcmp (key, "days") == 0)
    {
      if (!read_days (r, value, &days))
        return MEMBER_FAILED;
      cycle_stage_set_days (stage, days);
      return MEMBER_READ;
    }
  if (strcmp (key, "owner") == 0)
    return string_member (r, value, stage, (StringSetter)cycle_stage_set_owner);
  if (strcmp (key, "color") == 0)
    {
      if (!read_color (r, value, &s))
        return MEMBER_FAILED;
      cycle_stage_set_color (stage, s);
      return MEMBER_READ;
    }
  if (strcmp (key, "x") == 0)
    return read_coordinate (r, value, &t->x) ? MEMBER_READ : MEMBER_FAILED;
  if (strcmp (key, "y") == 0)
    return read_coordinate (r, value, &t->y) ? MEMBER_READ : MEMBER_FAILED;
  if (strcmp (key, "content") == 0)
    return read_content_list (r, value) ? MEMBER_READ : MEMBER_FAILED;
  return MEMBER_UNKNOWN;
}

static CycleStage *
read_stage (Reader              *r,
            const CycleJsonNode *node)
{
  static const char * const required[] = { "id", "name", NULL };
  StageTarget target = { NULL, 0, 0 };
  CycleJsonMembers *extras = NULL;

  COUNT_ITEM (r, n_stages, CYCLE_PLAN_MAX_STAGES,
              /* Translators: %s is a number such as "20,000" */
              _("one stage too many: Cycle opens plans of at most %s stages"));

  /* Its content may have been streamed already: the stage exists then */
  begin_stage (r, r->stage_index);
  target.stage = r->stage;
  if (!require_object (r, node) || !require_members (r, node, required) ||
      !read_members (r, node, stage_member, &target, &extras))
    {
      abandon_stage (r);
      return NULL;
    }

  cycle_stage_set_position (target.stage, target.x, target.y);
  _cycle_item_take_extras (CYCLE_ITEM (target.stage), extras);
  return end_stage (r);
}

static MemberResult
link_member (Reader              *r,
             const char          *key,
             const CycleJsonNode *value,
             gpointer             link)
{
  const char *s = NULL;

  if (strcmp (key, "id") == 0)
    return id_member (r, value, link);
  if (strcmp (key, "from") == 0 || strcmp (key, "to") == 0)
    {
      CycleStage *stage;

      if (!read_string (r, value, &s))
        return MEMBER_FAILED;
      stage = cycle_plan_find_stage (r->plan, s);
      if (stage == NULL)
        {
          g_autofree char *quoted = cycle_file_error_quote (s);
          fail (r, _("no stage has the id “%s”"), quoted);
          return MEMBER_FAILED;
        }
      if (key[0] == 'f')
        cycle_link_set_source (link, stage);
      else
        cycle_link_set_target (link, stage);
      return MEMBER_READ;
    }
  if (strcmp (key, "kind") == 0)
    return enum_member (r, value, CYCLE_TYPE_LINK_KIND, N_("link kind"), link,
                        (EnumSetter)cycle_link_set_kind);
  if (strcmp (key, "rate") == 0)
    {
      double rate;

      /* Up to a loop's maximum whatever the kind, which may come after: checked in read_link. */
      if (!read_rate_up_to (r, value, CYCLE_LOOP_RATE_MAX, &rate))
        return MEMBER_FAILED;
      cycle_link_set_rate (link, rate);
      return MEMBER_READ;
    }
  return MEMBER_UNKNOWN;
}

static CycleLink *
read_link (Reader              *r,
           const CycleJsonNode *node)
{
  static const char * const required[] = { "id", "from", "to", NULL };
  g_autoptr(CycleLink) link = NULL;

  COUNT_ITEM (r, n_links, CYCLE_PLAN_MAX_LINKS,
              /* Translators: %s is a number such as "100,000" */
              _("one link too many: Cycle opens plans of at most %s links"));
  link = cycle_link_new (NULL, NULL, CYCLE_LINK_NEXT);
  if (!read_item_object (r, node, required, link_member, CYCLE_ITEM (link)))
    return NULL;

  /* Only a referral brings more than one person per person. */
  if (cycle_link_get_kind (link) != CYCLE_LINK_LOOP && cycle_link_get_rate (link) > 1.0)
    {
      gsize mark = push_key (r, "rate");
      g_autofree char *given = cycle_format_number (cycle_link_get_rate (link));

      fail (r, _("a rate must be a fraction from 0 to 1 (0 %% to 100 %%), not %s; only a loop "
                 "brings more than one person per person"), given);
      pop (r, mark);
      return NULL;
    }
  return g_steal_pointer (&link);
}

typedef gpointer (*ReadItemFunc) (Reader *r, const CycleJsonNode *node);

/* Reads the array member @key of the plan, adding each item to the plan as it comes, so that the
 * next item can be checked against the ones before it (duplicate ids, references). */
static gboolean
read_list (Reader              *r,
           const CycleJsonNode *root,
           const char          *key,
           ReadItemFunc         read_item,
           GListModel          *list)
{
  const CycleJsonNode *node = cycle_json_node_lookup (root, key);
  gsize mark;
  guint first;
  guint n;

  if (node == NULL)
    return TRUE;

  mark = push_key (r, key);
  if (cycle_json_node_get_node_type (node) != CYCLE_JSON_ARRAY)
    return fail_type (r, node, _("an array"));

  /* After the items streamed from the same list, if any */
  first = g_list_model_get_n_items (list);
  n = cycle_json_node_get_length (node);
  for (guint i = 0; i < n; i++)
    {
      gsize item_mark = push_index (r, first + i);
      g_autoptr(CycleItem) item = NULL;

      if (i % 1024 == 1023 && g_cancellable_set_error_if_cancelled (r->cancellable, r->error))
        return FALSE;
      r->stage_index = first + i;
      item = read_item (r, cycle_json_node_get_element (node, i));
      if (item == NULL)
        return FALSE;

      _cycle_plan_splice (r->plan, NULL, G_LIST_STORE (list),
                          g_list_model_get_n_items (list), 0, (gpointer *)&item, 1);
      pop (r, item_mark);
    }

  pop (r, mark);
  return TRUE;
}

static MemberResult
purpose_member (Reader              *r,
                const char          *key,
                const CycleJsonNode *value,
                gpointer             plan)
{
  if (strcmp (key, "why") == 0)
    return string_member (r, value, plan, (StringSetter)cycle_plan_set_why);
  if (strcmp (key, "how") == 0)
    return string_member (r, value, plan, (StringSetter)cycle_plan_set_how);
  if (strcmp (key, "what") == 0)
    return string_member (r, value, plan, (StringSetter)cycle_plan_set_what);
  return MEMBER_UNKNOWN;
}

/* The conflicts a merge left (cycle-merge.h): kept as they are, checked for what the window
 * needs to show and resolve them. */
static gboolean
read_conflicts (Reader              *r,
                const CycleJsonNode *node)
{
  static const char * const kinds[] = { "plan", "persona", "stage", "content", "link", NULL };
  g_autoptr(GPtrArray) conflicts =
    g_ptr_array_new_with_free_func ((GDestroyNotify) cycle_conflict_free);
  g_autofree char *json = NULL;
  guint n;

  if (cycle_json_node_get_node_type (node) != CYCLE_JSON_ARRAY)
    return fail_type (r, node, _("an array"));

  n = cycle_json_node_get_length (node);
  for (guint i = 0; i < n; i++)
    {
      const CycleJsonNode *element = cycle_json_node_get_element (node, i);
      const char * const keys[] = { "kind", "item", "name", "field" };
      CycleConflict *c;
      char **slots[4];
      gsize mark = push_index (r, i);

      if (!require_object (r, element))
        return FALSE;
      if (!require_members (r, element, (const char * const[]) { "kind", NULL }))
        return FALSE;

      c = g_new0 (CycleConflict, 1);
      g_ptr_array_add (conflicts, c);
      slots[0] = &c->kind;
      slots[1] = &c->item;
      slots[2] = &c->name;
      slots[3] = &c->field;
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          const CycleJsonNode *member = cycle_json_node_lookup (element, keys[k]);
          const char *s = NULL;
          gsize key_mark;

          if (member == NULL)
            continue;
          key_mark = push_key (r, keys[k]);
          if (!read_string (r, member, &s))
            return FALSE;
          pop (r, key_mark);
          *slots[k] = g_strdup (s);
        }
      if (!g_strv_contains (kinds, c->kind))
        {
          g_autofree char *quoted = cycle_file_error_quote (c->kind);
          gsize key_mark = push_key (r, "kind");

          fail (r, _("“%s” is not a kind of item (plan, persona, stage, content or link)"), quoted);
          pop (r, key_mark);
          return FALSE;
        }

      /* The values, any JSON, kept as the text the parser gave */
      _cycle_conflict_take_values (c, cycle_json_doc_steal_unknown (r->doc, element));
      pop (r, mark);
    }

  json = _cycle_conflicts_to_json (conflicts);
  _cycle_plan_set_conflicts_json (r->plan, json);
  return TRUE;
}

static MemberResult
plan_member (Reader              *r,
             const char          *key,
             const CycleJsonNode *value,
             gpointer             data)
{
  CycleJsonMembers **purpose_extras = data;

  /* Read before the others, in the order their references need. */
  if (strcmp (key, "format") == 0 || strcmp (key, "version") == 0 ||
      strcmp (key, "personas") == 0 || strcmp (key, "stages") == 0 ||
      strcmp (key, "links") == 0)
    return MEMBER_READ;
  if (strcmp (key, "title") == 0)
    return string_member (r, value, r->plan, (StringSetter)cycle_plan_set_title);
  if (strcmp (key, "uid") == 0)
    {
      const char *s = NULL;

      if (!read_string (r, value, &s))
        return MEMBER_FAILED;
      if (!cycle_plan_uid_is_valid (s))
        {
          g_autofree char *quoted = cycle_file_error_quote (s);

          fail (r, _("“%s” is not a plan uid (1 to 64 letters, digits, “-”, “_” or “.”)"),
                quoted);
          return MEMBER_FAILED;
        }
      cycle_plan_set_uid (r->plan, s);
      return MEMBER_READ;
    }
  if (strcmp (key, "language") == 0)
    {
      const char *s = NULL;

      if (!read_string (r, value, &s))
        return MEMBER_FAILED;
      if (!cycle_language_is_valid (s))
        {
          g_autofree char *quoted = cycle_file_error_quote (s);
          /* Translators: do not translate "en", "fr", "pt-BR" */
          fail (r, _("“%s” is not a language tag (such as “en”, “fr” or “pt-BR”)"), quoted);
          return MEMBER_FAILED;
        }
      cycle_plan_set_language (r->plan, s);
      return MEMBER_READ;
    }
  if (strcmp (key, "description") == 0)
    return string_member (r, value, r->plan, (StringSetter)cycle_plan_set_description);
  if (strcmp (key, "layout") == 0)
    return enum_member (r, value, CYCLE_TYPE_LAYOUT, N_("layout"), r->plan,
                        (EnumSetter)cycle_plan_set_layout);
  if (strcmp (key, "projection_start") == 0)
    {
      double v;

      if (cycle_json_node_get_node_type (value) != CYCLE_JSON_NUMBER)
        {
          fail_type (r, value, _("a number"));
          return MEMBER_FAILED;
        }
      v = cycle_json_node_get_double (value);
      if (!(v >= 0.0 && v <= CYCLE_PLAN_MAX_PROJECTION_START))
        {
          g_autofree char *most = cycle_format_count (CYCLE_PLAN_MAX_PROJECTION_START);
          g_autofree char *given = cycle_format_number (v);

          fail (r, _("the number of people entering must be from 0 to %s, not %s"), most, given);
          return MEMBER_FAILED;
        }
      cycle_plan_set_projection_start (r->plan, v);
      return MEMBER_READ;
    }
  if (strcmp (key, "projection_cycles") == 0)
    {
      gint64 v;

      if (cycle_json_node_get_node_type (value) != CYCLE_JSON_NUMBER)
        {
          fail_type (r, value, _("a number"));
          return MEMBER_FAILED;
        }
      if (!cycle_json_node_get_int (value, &v) || v < 1 || v > CYCLE_PLAN_MAX_PROJECTION_CYCLES)
        {
          fail (r, _("the number of cycles must be a whole number from 1 to %d (leave it out "
                     "for the steady state)"), CYCLE_PLAN_MAX_PROJECTION_CYCLES);
          return MEMBER_FAILED;
        }
      cycle_plan_set_projection_cycles (r->plan, (guint) v);
      return MEMBER_READ;
    }
  if (strcmp (key, "campaign_start") == 0)
    {
      const char *s = NULL;

      /* read_date () says what is wrong with the date, the path says where */
      if (!read_date (r, value, &s))
        return MEMBER_FAILED;
      cycle_plan_set_campaign_start (r->plan, s);
      return MEMBER_READ;
    }
  if (strcmp (key, "conflicts") == 0)
    return read_conflicts (r, value) ? MEMBER_READ : MEMBER_FAILED;
  if (strcmp (key, "purpose") == 0)
    {
      if (!require_object (r, value) ||
          !read_members (r, value, purpose_member, r->plan, purpose_extras))
        return MEMBER_FAILED;
      return MEMBER_READ;
    }
  return MEMBER_UNKNOWN;
}

static gboolean
read_header (Reader              *r,
             const CycleJsonNode *root)
{
  const CycleJsonNode *format, *version;
  gint64 v;

  if (cycle_json_node_get_node_type (root) != CYCLE_JSON_OBJECT)
    {
      g_set_error (r->error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_NOT_A_PLAN,
                   _("not a Cycle plan: the file holds %s, not an object"), type_name (root));
      return FALSE;
    }

  format = cycle_json_node_lookup (root, "format");
  if (format == NULL)
    {
      g_set_error (r->error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_NOT_A_PLAN,
                   _("not a Cycle plan: the member “format” is missing"));
      return FALSE;
    }
  if (cycle_json_node_get_node_type (format) != CYCLE_JSON_STRING ||
      strcmp (cycle_json_node_get_string (format), CYCLE_FILE_FORMAT) != 0)
    {
      g_set_error (r->error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_INVALID,
                   _("$.format: not a Cycle plan (expected “%s”)"), CYCLE_FILE_FORMAT);
      return FALSE;
    }

  version = cycle_json_node_lookup (root, "version");
  if (version == NULL)
    {
      g_set_error (r->error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_INVALID,
                   _("$: the required member “version” is missing"));
      return FALSE;
    }
  if (cycle_json_node_get_node_type (version) != CYCLE_JSON_NUMBER ||
      !cycle_json_node_get_int (version, &v) || v < 1)
    {
      gboolean number = cycle_json_node_get_node_type (version) == CYCLE_JSON_NUMBER;
      double d = number ? cycle_json_node_get_double (version) : 0;

      /* A huge whole number is a newer version; 1.5 is just wrong. */
      if (number && d > CYCLE_FILE_VERSION && d == floor (d))
        {
          g_set_error (r->error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_VERSION,
                       _("$.version: the plan was written by a newer Cycle (format version "
                         "%g); this Cycle reads version %d"),
                       cycle_json_node_get_double (version), CYCLE_FILE_VERSION);
          return FALSE;
        }
      g_set_error (r->error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_INVALID,
                   _("$.version: expected a whole number from 1"));
      return FALSE;
    }
  if (v > CYCLE_FILE_VERSION)
    {
      /* G_GINT64_FORMAT inside a translatable string would cut its msgid short. */
      g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, v);

      g_set_error (r->error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_VERSION,
                   _("$.version: the plan was written by a newer Cycle (format version %s); "
                     "this Cycle reads version %d"),
                   version_text, CYCLE_FILE_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_plan (Reader              *r,
           const CycleJsonNode *root)
{
  CycleJsonMembers *extras = NULL, *purpose_extras = NULL;

  if (!read_header (r, root))
    return FALSE;

  /* Personas before stages (content names them), stages before links. */
  if (!read_list (r, root, "personas", (ReadItemFunc)read_persona,
                  cycle_plan_get_personas (r->plan)) ||
      !read_list (r, root, "stages", (ReadItemFunc)read_stage,
                  cycle_plan_get_stages (r->plan)) ||
      !read_list (r, root, "links", (ReadItemFunc)read_link,
                  cycle_plan_get_links (r->plan)))
    return FALSE;

  if (!read_members (r, root, plan_member, &purpose_extras, &extras))
    {
      g_clear_pointer (&purpose_extras, cycle_json_members_free);
      return FALSE;
    }

  _cycle_plan_take_extras (r->plan, extras, purpose_extras);
  return TRUE;
}

/* The members the readers above know, for the parser: every other member, at any level, is kept
 * as compact text (its numbers exactly as written) and costs about its own size. Keep it in step
 * with the readers (keep_extra () complains when it is not). */
static const CycleJsonSchema purpose_schema[] = {
  { "why" }, { "how" }, { "what" }, { NULL },
};
static const CycleJsonSchema persona_schema[] = {
  { "id" }, { "name" }, { "description" }, { "why" }, { NULL },
};
static const CycleJsonSchema content_schema[] = {
  { "id" }, { "title" }, { "format" }, { "channel" }, { "persona" }, { "cta" }, { "commitment" },
  { "direction" }, { "consent" }, { "pitch" }, { "status" }, { "owner" }, { "due" },
  { "repeat" }, { "repeat_interval" }, { "repeat_until" }, { "url" }, { "notes" },
  { NULL },
};
static const CycleJsonSchema stage_schema[] = {
  { "id" }, { "name" }, { "lane" }, { "why" }, { "question" }, { "permission" }, { "role" },
  { "kpi" }, { "conversion_rate" }, { "days" }, { "owner" }, { "color" }, { "x" }, { "y" },
  { "content", content_schema }, { NULL },
};
static const CycleJsonSchema link_schema[] = {
  { "id" }, { "from" }, { "to" }, { "kind" }, { "rate" }, { NULL },
};
static const CycleJsonSchema plan_schema[] = {
  { "format" }, { "version" }, { "uid" }, { "title" }, { "language" }, { "description" },
  { "layout" }, { "projection_start" }, { "projection_cycles" }, { "campaign_start" },
  { "purpose", purpose_schema }, { "personas", persona_schema }, { "stages", stage_schema },
  { "links", link_schema }, { "conflicts", _cycle_conflict_schema }, { NULL },
};

/* Streaming: true when the file starts the way Cycle writes it, with a format and a version
 * this reader knows. Otherwise nothing is streamed, and read_header () says what is wrong. */
static gboolean
header_seen (CycleJsonStream *stream)
{
  const CycleJsonNode *format = cycle_json_stream_lookup (stream, 0, "format");
  const CycleJsonNode *version = cycle_json_stream_lookup (stream, 0, "version");
  gint64 v;

  return format != NULL && version != NULL &&
         cycle_json_node_get_node_type (format) == CYCLE_JSON_STRING &&
         strcmp (cycle_json_node_get_string (format), CYCLE_FILE_FORMAT) == 0 &&
         cycle_json_node_get_node_type (version) == CYCLE_JSON_NUMBER &&
         cycle_json_node_get_int (version, &v) && v >= 1 && v <= CYCLE_FILE_VERSION;
}

/* The top-level list @key was read whole, streamed: nothing in it is left for read_list () */
static gboolean
list_read (CycleJsonStream *stream,
           const char      *key)
{
  const CycleJsonNode *list = cycle_json_stream_lookup (stream, 0, key);

  return list != NULL && cycle_json_node_get_node_type (list) == CYCLE_JSON_ARRAY &&
         cycle_json_node_get_length (list) == 0;
}

static gboolean
is_key (const char *key,
        const char *expected)
{
  return key != NULL && strcmp (key, expected) == 0;
}

/* The element func: each persona, stage, link and content object goes into the plan as soon as
 * it ends, and leaves the parsed tree, which then never holds more than one item. Links wait
 * for the stages they name (as a tree, when they come first). */
static gboolean
read_element (CycleJsonStream      *stream,
              const CycleJsonNode  *element,
              guint                 depth,
              guint                 index,
              gboolean             *taken,
              gpointer              user_data,
              GError              **error)
{
  Reader *r = user_data;
  const char *list = cycle_json_stream_get_key (stream, depth - 1);
  CycleJsonDoc *tree = r->doc;
  gboolean ok = TRUE;

  /* After an element left in the tree (no object: read_list () reports it), the rest stay
   * there too, in their order */
  if ((depth != 2 && depth != 4) || !header_seen (stream) ||
      index != cycle_json_stream_get_n_taken (stream, depth - 1))
    return TRUE;

  r->doc = cycle_json_stream_get_doc (stream);
  g_string_assign (r->path, "$");

  /* Content, in a stage that will be streamed too (no stage before it left in the tree) */
  if (depth == 4 && is_key (list, "content") &&
      is_key (cycle_json_stream_get_key (stream, 1), "stages") &&
      cycle_json_stream_get_index (stream, 1) == cycle_json_stream_get_n_taken (stream, 1))
    {
      CycleContent *content;
      gsize mark;

      /* Every stage before this one was streamed */
      begin_stage (r, cycle_json_stream_get_n_taken (stream, 1));
      push_key (r, "stages");
      push_index (r, r->stage_index);
      push_key (r, "content");
      mark = push_index (r, index);
      r->defer_personas = !list_read (stream, "personas");
      content = read_content (r, element);
      ok = content != NULL;
      if (ok)
        add_stage_content (r, content);
      pop (r, mark);
      *taken = ok;
    }
  else if (depth == 2 && (is_key (list, "personas") || is_key (list, "stages") ||
                          (is_key (list, "links") && list_read (stream, "stages"))))
    {
      g_autoptr(CycleItem) item = NULL;
      GListModel *items;

      push_key (r, list);
      push_index (r, index);
      if (list[0] == 'p')
        {
          item = CYCLE_ITEM (read_persona (r, element));
          items = cycle_plan_get_personas (r->plan);
        }
      else if (list[0] == 's')
        {
          r->stage_index = index;
          r->defer_personas = !list_read (stream, "personas");
          item = CYCLE_ITEM (read_stage (r, element));
          items = cycle_plan_get_stages (r->plan);
        }
      else
        {
          item = CYCLE_ITEM (read_link (r, element));
          items = cycle_plan_get_links (r->plan);
        }

      ok = item != NULL;
      if (ok)
        _cycle_plan_splice (r->plan, NULL, G_LIST_STORE (items), g_list_model_get_n_items (items),
                            0, (gpointer *) &item, 1);
      *taken = ok;
    }

  if (ok)
    g_string_assign (r->path, "$");
  r->defer_personas = FALSE;
  r->doc = tree;
  return ok;
}

/* Content that named a persona before the personas came: the persona now, or the error */
static gboolean
resolve_pending_personas (Reader *r)
{
  for (guint i = 0; i < r->pending_personas->len; i++)
    {
      PendingPersona *pending = g_ptr_array_index (r->pending_personas, i);
      CyclePersona *persona = cycle_plan_find_persona (r->plan, pending->id);

      if (persona == NULL)
        {
          g_autofree char *quoted = cycle_file_error_quote (pending->id);

          g_string_assign (r->path, pending->path);
          return fail (r, _("no persona has the id “%s”"), quoted);
        }
      cycle_content_set_persona (pending->content, persona);
    }
  return TRUE;
}

static void
report_progress (gsize    parsed,
                 gsize    total,
                 gpointer user_data)
{
  Reader *r = user_data;

  if (r->progress_func != NULL)
    r->progress_func (parsed, total, r->progress_data);
}

CyclePlan *
cycle_plan_new_from_data (const char  *data,
                          gsize        length,
                          GError     **error)
{
  return cycle_plan_new_from_data_full (data, length, NULL, NULL, NULL, error);
}

CyclePlan *
cycle_plan_new_from_data_full (const char         *data,
                               gsize               length,
                               CycleProgressFunc   progress_func,
                               gpointer            progress_data,
                               GCancellable       *cancellable,
                               GError            **error)
{
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(GHashTable) stage_content_ids = NULL;
  g_autoptr(GPtrArray) pending_personas = NULL;
  g_autoptr(GString) path = NULL;
  CycleJsonParseOptions options = { plan_schema, read_element, report_progress, NULL, NULL };
  CycleJsonDoc *doc;
  Reader r = { 0 };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if (length > CYCLE_FILE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (CYCLE_FILE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_TOO_LARGE,
                   _("the file is %s; Cycle opens plans of at most %s"), size, limit);
      return NULL;
    }

  plan = cycle_plan_new ();
  _cycle_plan_set_loading (plan, TRUE);
  path = g_string_new ("$");
  stage_content_ids = g_hash_table_new (g_str_hash, g_str_equal);
  pending_personas = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_persona_free);
  r.plan = plan;
  r.path = path;
  r.stage_content_ids = stage_content_ids;
  r.pending_personas = pending_personas;
  r.error = error;
  r.cancellable = cancellable;
  r.progress_func = progress_func;
  r.progress_data = progress_data;
  options.user_data = &r;
  options.cancellable = cancellable;

  /* The items are read as they end (read_element ()); what is left is read from the tree */
  doc = cycle_json_doc_parse_full (data != NULL ? data : "", length, CYCLE_FILE_MAX_DEPTH,
                                   &options, error);
  ok = doc != NULL;
  if (ok)
    {
      r.doc = doc;
      g_string_assign (path, "$");
      ok = read_plan (&r, cycle_json_doc_get_root (doc)) && resolve_pending_personas (&r);
      cycle_json_doc_free (doc);
    }
  abandon_stage (&r);
  _cycle_plan_set_loading (plan, FALSE);

  if (!ok)
    return NULL;

  cycle_plan_clear_undo (plan);
  cycle_plan_mark_saved (plan);

  return g_steal_pointer (&plan);
}
