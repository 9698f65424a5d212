/* cycle-plan-writer.c: writing a plan as the canonical .cycle text (reading is cycle-plan-io.c)
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-plan-writer"

#include "config.h"

#include <string.h>

#include "cycle-json.h"
#include "cycle-item-private.h"
#include "cycle-plan-private.h"
#include "cycle-plan-io.h"

/* Writing */

static void
obj_string (CycleJsonObjectWriter *o,
            const char            *key,
            const char            *value,
            gboolean               always)
{
  if (!always && (value == NULL || value[0] == '\0'))
    return;
  cycle_json_object_key (o, key);
  cycle_json_write_string (o->out, value != NULL ? value : "");
}

static void
obj_enum (CycleJsonObjectWriter *o,
          const char            *key,
          GType                  type,
          int                    value)
{
  cycle_json_object_key (o, key);
  cycle_json_write_string (o->out, cycle_enum_to_nick (type, value));
}

static void
obj_rate (CycleJsonObjectWriter *o,
          const char            *key,
          double                 value)
{
  if (value == CYCLE_RATE_UNSET)
    return;
  cycle_json_object_key (o, key);
  cycle_json_write_double (o->out, value);
}

static void
obj_extras (CycleJsonObjectWriter *o,
            CycleJsonMembers      *extras)
{
  cycle_json_members_write (extras, o);
}

typedef void (*WriteItemFunc) (GString *out, guint depth, gpointer item);

static void
write_list (GString       *out,
            guint          depth,
            GListModel    *list,
            WriteItemFunc  write_item)
{
  guint n = g_list_model_get_n_items (list);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_string_append (out, i == 0 ? "\n" : ",\n");
      cycle_json_write_indent (out, depth + 1);
      write_item (out, depth + 1, item);
    }
  g_string_append_c (out, '\n');
  cycle_json_write_indent (out, depth);
  g_string_append_c (out, ']');
}

static void
write_persona (GString      *out,
               guint         depth,
               CyclePersona *persona)
{
  CycleJsonObjectWriter o;

  cycle_json_object_begin (&o, out, depth);
  obj_string (&o, "id", cycle_item_get_id (CYCLE_ITEM (persona)), TRUE);
  obj_string (&o, "name", cycle_persona_get_name (persona), TRUE);
  obj_string (&o, "description", cycle_persona_get_description (persona), FALSE);
  obj_string (&o, "why", cycle_persona_get_why (persona), FALSE);
  obj_extras (&o, _cycle_item_get_unknown (CYCLE_ITEM (persona)));
  cycle_json_object_end (&o);
}

static void
write_content (GString      *out,
               guint         depth,
               CycleContent *content)
{
  CyclePersona *persona = cycle_content_get_persona (content);
  CycleJsonObjectWriter o;

  cycle_json_object_begin (&o, out, depth);
  obj_string (&o, "id", cycle_item_get_id (CYCLE_ITEM (content)), TRUE);
  obj_string (&o, "title", cycle_content_get_title (content), TRUE);
  obj_string (&o, "format", cycle_content_get_format (content), FALSE);
  obj_string (&o, "channel", cycle_content_get_channel (content), FALSE);
  /* A persona outside the plan would be a dangling reference in the file. */
  if (persona != NULL &&
      cycle_item_get_plan (CYCLE_ITEM (persona)) == cycle_item_get_plan (CYCLE_ITEM (content)))
    obj_string (&o, "persona", cycle_item_get_id (CYCLE_ITEM (persona)), TRUE);
  obj_string (&o, "cta", cycle_content_get_cta (content), FALSE);
  obj_enum (&o, "commitment", CYCLE_TYPE_COMMITMENT, cycle_content_get_commitment (content));
  /* Only the user's own word: without one, the direction follows the commitment. */
  if (cycle_content_get_direction_choice (content) != CYCLE_DIRECTION_AUTO)
    obj_enum (&o, "direction", CYCLE_TYPE_DIRECTION,
              cycle_content_get_direction_choice (content));
  if (cycle_content_get_consent (content) != CYCLE_CONSENT_UNSAID)
    obj_enum (&o, "consent", CYCLE_TYPE_CONSENT, cycle_content_get_consent (content));
  /* Only the user's own mark: without one, the checker guesses. */
  if (cycle_content_get_pitch (content) != CYCLE_PITCH_GUESS)
    {
      cycle_json_object_key (&o, "pitch");
      g_string_append (out, cycle_content_get_pitch (content) == CYCLE_PITCH_YES ? "true"
                                                                               : "false");
    }
  obj_enum (&o, "status", CYCLE_TYPE_STATUS, cycle_content_get_status (content));
  obj_string (&o, "owner", cycle_content_get_owner (content), FALSE);
  obj_string (&o, "due", cycle_content_get_due (content), FALSE);
  /* Left out for content that happens once, as files from before repeating content */
  if (cycle_content_get_repeat (content) != CYCLE_REPEAT_NONE)
    obj_enum (&o, "repeat", CYCLE_TYPE_REPEAT, cycle_content_get_repeat (content));
  if (cycle_content_get_repeat_interval (content) != 1)
    {
      cycle_json_object_key (&o, "repeat_interval");
      g_string_append_printf (out, "%u", cycle_content_get_repeat_interval (content));
    }
  obj_string (&o, "repeat_until", cycle_content_get_repeat_until (content), FALSE);
  obj_string (&o, "url", cycle_content_get_url (content), FALSE);
  obj_string (&o, "notes", cycle_content_get_notes (content), FALSE);
  obj_extras (&o, _cycle_item_get_unknown (CYCLE_ITEM (content)));
  cycle_json_object_end (&o);
}

static void
write_stage (GString    *out,
             guint       depth,
             CycleStage *stage)
{
  int days = cycle_stage_get_days (stage);
  CycleJsonObjectWriter o;

  cycle_json_object_begin (&o, out, depth);
  obj_string (&o, "id", cycle_item_get_id (CYCLE_ITEM (stage)), TRUE);
  obj_string (&o, "name", cycle_stage_get_name (stage), TRUE);
  obj_enum (&o, "lane", CYCLE_TYPE_LANE, cycle_stage_get_lane (stage));
  obj_string (&o, "why", cycle_stage_get_why (stage), FALSE);
  obj_string (&o, "question", cycle_stage_get_question (stage), FALSE);
  obj_enum (&o, "permission", CYCLE_TYPE_PERMISSION, cycle_stage_get_permission (stage));
  /* Left out when not said, so plans from before roles existed stay as they were. */
  if (cycle_stage_get_role (stage) != CYCLE_ROLE_NONE)
    obj_enum (&o, "role", CYCLE_TYPE_ROLE, cycle_stage_get_role (stage));
  obj_string (&o, "kpi", cycle_stage_get_kpi (stage), FALSE);
  obj_rate (&o, "conversion_rate", cycle_stage_get_conversion_rate (stage));
  if (days != CYCLE_DAYS_UNSET)
    {
      cycle_json_object_key (&o, "days");
      g_string_append_printf (out, "%d", days);
    }
  obj_string (&o, "owner", cycle_stage_get_owner (stage), FALSE);
  obj_string (&o, "color", cycle_stage_get_color (stage), FALSE);
  cycle_json_object_key (&o, "x");
  cycle_json_write_double (out, cycle_stage_get_x (stage));
  cycle_json_object_key (&o, "y");
  cycle_json_write_double (out, cycle_stage_get_y (stage));
  cycle_json_object_key (&o, "content");
  write_list (out, depth + 1, cycle_stage_get_content (stage), (WriteItemFunc)write_content);
  obj_extras (&o, _cycle_item_get_unknown (CYCLE_ITEM (stage)));
  cycle_json_object_end (&o);
}

static void
write_link (GString   *out,
            guint      depth,
            CycleLink *link)
{
  CycleStage *source = cycle_link_get_source (link);
  CycleStage *target = cycle_link_get_target (link);
  CycleJsonObjectWriter o;

  cycle_json_object_begin (&o, out, depth);
  obj_string (&o, "id", cycle_item_get_id (CYCLE_ITEM (link)), TRUE);
  obj_string (&o, "from", source != NULL ? cycle_item_get_id (CYCLE_ITEM (source)) : "", TRUE);
  obj_string (&o, "to", target != NULL ? cycle_item_get_id (CYCLE_ITEM (target)) : "", TRUE);
  obj_enum (&o, "kind", CYCLE_TYPE_LINK_KIND, cycle_link_get_kind (link));
  obj_rate (&o, "rate", cycle_link_get_rate (link));
  obj_extras (&o, _cycle_item_get_unknown (CYCLE_ITEM (link)));
  cycle_json_object_end (&o);
}

void
_cycle_plan_write_item (GString   *out,
                        guint      depth,
                        CycleItem *item)
{
  if (CYCLE_IS_STAGE (item))
    write_stage (out, depth, CYCLE_STAGE (item));
  else if (CYCLE_IS_CONTENT (item))
    write_content (out, depth, CYCLE_CONTENT (item));
  else if (CYCLE_IS_LINK (item))
    write_link (out, depth, CYCLE_LINK (item));
  else if (CYCLE_IS_PERSONA (item))
    write_persona (out, depth, CYCLE_PERSONA (item));
  else
    g_return_if_reached ();
}

GBytes *
cycle_plan_to_bytes (CyclePlan *plan)
{
  GString *out;
  CycleJsonMembers *purpose_extras;
  guint n_content;
  gsize len;
  CycleJsonObjectWriter o;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);

  /* About 350 bytes an item: start big enough to avoid most reallocations. */
  n_content = g_list_model_get_n_items (cycle_plan_get_all_content (plan));
  out = g_string_sized_new (4096 + 400 * n_content);

  cycle_json_object_begin (&o, out, 0);
  obj_string (&o, "format", CYCLE_FILE_FORMAT, TRUE);
  cycle_json_object_key (&o, "version");
  g_string_append_printf (out, "%d", CYCLE_FILE_VERSION);
  obj_string (&o, "uid", cycle_plan_get_uid (plan), FALSE);
  obj_string (&o, "title", cycle_plan_get_title (plan), FALSE);
  obj_string (&o, "language", cycle_plan_get_language (plan), FALSE);

  purpose_extras = _cycle_plan_get_purpose_extras (plan);
  if (cycle_plan_get_why (plan)[0] != '\0' || cycle_plan_get_how (plan)[0] != '\0' ||
      cycle_plan_get_what (plan)[0] != '\0' || purpose_extras != NULL)
    {
      CycleJsonObjectWriter p;

      cycle_json_object_key (&o, "purpose");
      cycle_json_object_begin (&p, out, 1);
      obj_string (&p, "why", cycle_plan_get_why (plan), FALSE);
      obj_string (&p, "how", cycle_plan_get_how (plan), FALSE);
      obj_string (&p, "what", cycle_plan_get_what (plan), FALSE);
      obj_extras (&p, purpose_extras);
      cycle_json_object_end (&p);
    }

  obj_string (&o, "description", cycle_plan_get_description (plan), FALSE);
  /* The one enum left out at its default, so plans from before layouts existed stay as they were */
  if (cycle_plan_get_layout (plan) != CYCLE_LAYOUT_FREE)
    obj_enum (&o, "layout", CYCLE_TYPE_LAYOUT, cycle_plan_get_layout (plan));
  /* The projection's settings, left out at their defaults (1 000 people, the steady state). */
  if (cycle_plan_get_projection_start (plan) != CYCLE_PLAN_DEFAULT_PROJECTION_START)
    {
      cycle_json_object_key (&o, "projection_start");
      cycle_json_write_double (out, cycle_plan_get_projection_start (plan));
    }
  if (cycle_plan_get_projection_cycles (plan) != 0)
    {
      cycle_json_object_key (&o, "projection_cycles");
      g_string_append_printf (out, "%u", cycle_plan_get_projection_cycles (plan));
    }
  obj_string (&o, "campaign_start", cycle_plan_get_campaign_start (plan), FALSE);
  cycle_json_object_key (&o, "personas");
  write_list (out, 1, cycle_plan_get_personas (plan), (WriteItemFunc)write_persona);
  cycle_json_object_key (&o, "stages");
  write_list (out, 1, cycle_plan_get_stages (plan), (WriteItemFunc)write_stage);
  cycle_json_object_key (&o, "links");
  write_list (out, 1, cycle_plan_get_links (plan), (WriteItemFunc)write_link);
  /* What a merge left to decide (cycle-merge.h), each conflict's members in their own order */
  if (_cycle_plan_get_conflicts_json (plan) != NULL)
    {
      cycle_json_object_key (&o, "conflicts");
      cycle_json_write_compact (out, _cycle_plan_get_conflicts_json (plan), 1);
    }
  obj_extras (&o, _cycle_plan_get_unknown (plan));
  cycle_json_object_end (&o);
  g_string_append_c (out, '\n');

  len = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), len);
}
