/* cycle-templates.c: complete example plans to start from
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables they are made from are in cycle-templates-data.c; this builds plans from them.
 */

#define G_LOG_DOMAIN "cycle-templates"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-atomic-file.h"
#include "cycle-plan-io.h"
#include "cycle-templates-private.h"

/* Where the free layout puts the stages: a ring for the cycles, a column for the funnels. */
#define STAGE_W      184.0
#define STAGE_H       76.0
#define COLUMN_X      40.0
#define COLUMN_STEP  116.0
#define RING_MIN_R   180.0

/* The colours of the stages, first to last, from the GNOME palette. */
static const char * const stage_colors[] = {
  "#3584e4", "#2190a4", "#2ec27e", "#e5a50a", "#ff7800", "#e01b24", "#9141ac",
};

static const char *
tr (const char *msgid)
{
  return msgid != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, "template", msgid) : "";
}

static const Template *
lookup (const char *id)
{
  int index = cycle_templates_find (id);

  return index >= 0 ? &_cycle_templates[index] : NULL;
}

guint
cycle_templates_get_count (void)
{
  return _cycle_n_templates;
}

const char *
cycle_templates_get_id (guint index)
{
  g_return_val_if_fail (index < _cycle_n_templates, NULL);

  return _cycle_templates[index].id;
}

const char *
cycle_templates_get_name (guint index)
{
  g_return_val_if_fail (index < _cycle_n_templates, NULL);

  return tr (_cycle_templates[index].name);
}

const char *
cycle_templates_get_description (guint index)
{
  g_return_val_if_fail (index < _cycle_n_templates, NULL);

  return tr (_cycle_templates[index].description);
}

int
cycle_templates_find (const char *id)
{
  g_return_val_if_fail (id != NULL, -1);

  for (guint i = 0; i < _cycle_n_templates; i++)
    if (strcmp (_cycle_templates[i].id, id) == 0)
      return i;

  return -1;
}

/* The stage's place in its own lane, and how many stages that lane has. */
static void
lane_place (const Template *template,
            guint           index,
            guint          *place,
            guint          *n_in_lane)
{
  CycleLane lane = template->stages[index].lane;

  *place = *n_in_lane = 0;
  for (guint i = 0; i < template->n_stages; i++)
    if (template->stages[i].lane == lane)
      {
        if (i < index)
          (*place)++;
        (*n_in_lane)++;
      }
}

static const char *
stage_color (const Template *template,
             guint           index)
{
  guint last = G_N_ELEMENTS (stage_colors) - 1;
  guint place, n;

  /* Spread over the whole palette in each lane, so that short lanes still go from blue to
   * purple, and a journey stage has about the colour of the funnel stage beside it. */
  lane_place (template, index, &place, &n);
  if (n <= 1)
    return stage_colors[0];

  return stage_colors[(place * last + (n - 1) / 2) / (n - 1)];
}

static void
stage_position (const Template *template,
                guint           index,
                double         *x,
                double         *y)
{
  guint place, n;

  lane_place (template, index, &place, &n);

  if (template->layout == CYCLE_LAYOUT_CYCLE)
    {
      /* A ring, clockwise from the top, wide enough for the boxes not to touch. */
      double radius = MAX (RING_MIN_R, n * (STAGE_W + 24.0) / (2 * G_PI));
      double angle = -G_PI / 2 + 2 * G_PI * place / n;

      *x = round (COLUMN_X + radius + STAGE_W / 2 + radius * cos (angle) - STAGE_W / 2);
      *y = round (COLUMN_X + radius + STAGE_H / 2 + radius * sin (angle) - STAGE_H / 2);
    }
  else if (template->layout == CYCLE_LAYOUT_TWO_LANES)
    {
      /* A row for the funnel, the buyer's journey under it. */
      *x = COLUMN_X + place * (STAGE_W + 24.0);
      *y = template->stages[index].lane == CYCLE_LANE_INTERNAL ? COLUMN_X
                                                                : COLUMN_X + 2 * COLUMN_STEP;
    }
  else
    {
      *x = COLUMN_X;
      *y = COLUMN_X + place * COLUMN_STEP;
    }
}

static CycleStage *
build_stage (CyclePlan           *plan,
             const Template      *template,
             guint                index,
             CyclePersona       **personas)
{
  const TemplateStage *data = &template->stages[index];
  g_autoptr(CycleStage) stage = cycle_stage_new (tr (data->name));
  double x, y;

  g_assert (data->role != CYCLE_ROLE_NONE);

  cycle_stage_set_lane (stage, data->lane);
  cycle_stage_set_why (stage, tr (data->why));
  cycle_stage_set_question (stage, tr (data->question));
  cycle_stage_set_kpi (stage, tr (data->kpi));
  cycle_stage_set_permission (stage, data->permission);
  cycle_stage_set_role (stage, data->role);
  cycle_stage_set_conversion_rate (stage, data->rate);
  cycle_stage_set_days (stage, data->days);
  cycle_stage_set_color (stage, stage_color (template, index));
  stage_position (template, index, &x, &y);
  cycle_stage_set_position (stage, x, y);
  cycle_plan_add_stage (plan, stage, -1);

  for (guint i = 0; i < MAX_CONTENT && data->content[i].title != NULL; i++)
    {
      const TemplateContent *c = &data->content[i];
      g_autoptr(CycleContent) content = cycle_content_new (tr (c->title));

      g_assert (c->persona < N_PERSONAS);

      cycle_content_set_format (content, c->format);
      cycle_content_set_channel (content, c->channel);
      cycle_content_set_persona (content, personas[c->persona]);
      cycle_content_set_cta (content, tr (c->cta));
      cycle_content_set_commitment (content, c->commitment);
      cycle_content_set_direction (content, c->direction);
      cycle_plan_add_content (plan, stage, content, -1);
    }

  return g_steal_pointer (&stage);
}

#define USER_SUFFIX ".cycle"

char *
cycle_templates_get_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "cycle", "templates", NULL);
}

GFile *
cycle_templates_save_user (CyclePlan   *plan,
                           const char  *name,
                           GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gconstpointer data;
  gsize size = 0;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  trimmed = g_strstrip (g_strdup (name));
  if (trimmed[0] == '\0' || strchr (trimmed, '/') != NULL || trimmed[0] == '.')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A template needs a name, without “/” and not starting with a dot"));
      return NULL;
    }

  dir = cycle_templates_get_user_dir ();
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }

  basename = g_strconcat (trimmed, USER_SUFFIX, NULL);
  file = g_file_new_build_filename (dir, basename, NULL);
  bytes = cycle_plan_to_bytes (plan);
  data = g_bytes_get_data (bytes, &size);
  if (!cycle_atomic_file_replace_contents (file, data, size, CYCLE_ATOMIC_FILE_NONE, error))
    return NULL;
  return g_steal_pointer (&file);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

GStrv
cycle_templates_list_user (void)
{
  g_autofree char *dir = cycle_templates_get_user_dir ();
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) uris = g_strv_builder_new ();
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, USER_SUFFIX) && name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

      if (uri != NULL)
        g_strv_builder_add (uris, uri);
    }
  return g_strv_builder_end (uris);
}

char *
cycle_templates_dup_user_name (const char *id)
{
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  if (!g_str_has_prefix (id, "file:") || (path = g_filename_from_uri (id, NULL, NULL)) == NULL)
    return NULL;
  basename = g_path_get_basename (path);
  if (g_str_has_suffix (basename, USER_SUFFIX))
    basename[strlen (basename) - strlen (USER_SUFFIX)] = '\0';
  return g_filename_display_name (basename);
}

/* A team's template, read anew each time: a new plan of no file. */
static CyclePlan *
create_user (const char *id)
{
  g_autofree char *path = g_filename_from_uri (id, NULL, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  CyclePlan *plan;

  if (path == NULL || !g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  plan = cycle_plan_new_from_data (contents, length, NULL);
  if (plan != NULL)
    {
      cycle_plan_clear_undo (plan);
      cycle_plan_mark_saved (plan);
    }
  return plan;
}

CyclePlan *
cycle_templates_create_full (const char         *id,
                             CycleTemplateFlags  flags)
{
  g_autoptr(CyclePlan) plan = NULL;
  GListModel *all;

  g_return_val_if_fail (id != NULL, NULL);

  plan = g_str_has_prefix (id, "file:") ? create_user (id) : cycle_templates_create (id);

  if (plan == NULL || !(flags & CYCLE_TEMPLATE_NO_CONTENT))
    return g_steal_pointer (&plan);

  all = cycle_plan_get_all_content (plan);
  while (g_list_model_get_n_items (all) > 0)
    {
      g_autoptr(CycleContent) content = g_list_model_get_item (all, 0);

      cycle_plan_remove_content (plan, content);
    }
  cycle_plan_clear_undo (plan);
  cycle_plan_mark_saved (plan);
  return g_steal_pointer (&plan);
}

CyclePlan *
cycle_templates_create (const char *id)
{
  const Template *template;
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(GPtrArray) stages = NULL;
  CyclePersona *personas[N_PERSONAS] = { NULL, };

  g_return_val_if_fail (id != NULL, NULL);

  template = lookup (id);
  if (template == NULL)
    return NULL;

  plan = cycle_plan_new ();
  {
    /* Templates are written in the interface's language, and so is the plan made from one. */
    g_autofree char *language = cycle_language_get_default ();

    cycle_plan_set_language (plan, language);
  }
  if (template->n_stages == 0)
    {
      cycle_plan_clear_undo (plan);
      cycle_plan_mark_saved (plan);
      return g_steal_pointer (&plan);
    }

  cycle_plan_set_title (plan, tr (template->title));
  cycle_plan_set_why (plan, tr (template->why));
  cycle_plan_set_how (plan, tr (template->how));
  cycle_plan_set_what (plan, tr (template->what));
  cycle_plan_set_description (plan, tr (template->plan_description));
  cycle_plan_set_layout (plan, template->layout);

  for (guint i = 0; i < N_PERSONAS; i++)
    {
      g_autoptr(CyclePersona) persona = cycle_persona_new (tr (template->personas[i].name));

      cycle_persona_set_description (persona, tr (template->personas[i].description));
      cycle_persona_set_why (persona, tr (template->personas[i].why));
      cycle_plan_add_persona (plan, persona, -1);
      personas[i] = persona;
    }

  stages = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < template->n_stages; i++)
    g_ptr_array_add (stages, build_stage (plan, template, i, personas));

  for (guint i = 0; i < template->n_links; i++)
    {
      const TemplateLink *data = &template->links[i];
      g_autoptr(CycleLink) link = NULL;

      g_assert (data->from < template->n_stages && data->to < template->n_stages);

      link = cycle_link_new (g_ptr_array_index (stages, data->from),
                             g_ptr_array_index (stages, data->to),
                             data->kind);
      cycle_link_set_rate (link, data->rate);
      cycle_plan_add_link (plan, link);
    }

  /* A template is where a plan starts: nothing to undo, nothing to save yet. */
  cycle_plan_clear_undo (plan);
  cycle_plan_mark_saved (plan);

  return g_steal_pointer (&plan);
}
