/* cycle-checker.c
 *
 * How the checker stays current without re-checking everything:
 *
 * - It mirrors the plan's lists (stages, each stage's content, links, personas) so that it
 *   knows what an items-changed removed, and connects to every item's notify.
 * - Findings live in scopes: one for the plan (plan-wide checks over stages and links only) and
 *   one for each stage (the stage and its content). An edit marks the scopes it can affect
 *   dirty; only those are checked again.
 * - What a stage's checks need from the rest of the plan (its lane, whether it is at the top or
 *   after the purchase, where its over-asking content could move) is its context. When the
 *   plan's structure changes (stages added, removed, moved, their lane or permission changed,
 *   or the purchase moved), every context is computed again — cheap, stages only — and only
 *   the stages whose context changed are checked again.
 * - After the checks, the list is the concatenation of the scopes; a finding that did not
 *   change keeps its object, so the list emits one items-changed for the part that did.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#define G_LOG_DOMAIN "cycle-checker"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-checker-private.h"

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CycleChecker, cycle_checker, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_PLAN,
  PROP_N_ERRORS,
  PROP_N_WARNINGS,
  PROP_N_INFOS,
  N_PROPS
};

enum {
  STAGE_FINDINGS_CHANGED,
  COVERAGE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];


static void update (CycleChecker *self);

void
_cycle_checker_mark_dirty (CycleChecker *self,
                           StageState   *state)
{
  if (state->dirty)
    return;
  state->dirty = TRUE;
  g_ptr_array_add (self->dirty, state);
}

/* Publishing */

static void
publish (CycleChecker *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) bucket = NULL;
  g_autoptr(GPtrArray) changed_stages = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *old = self->items;
  guint counts[N_SEVERITIES] = { 0, };
  guint prefix = 0, suffix = 0;

  self->list_dirty = FALSE;
  items = g_ptr_array_new_full (old->len + 16, g_object_unref);

  for (guint i = 0; i < self->plan_findings->len; i++)
    {
      CycleFinding *finding = g_ptr_array_index (self->plan_findings, i);
      CycleStage *stage = cycle_finding_get_stage (finding);

      if (_cycle_checker_state_for (self, stage) == NULL)
        {
          g_ptr_array_add (items, g_object_ref (finding));
          continue;
        }
      if (bucket == NULL)
        bucket = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
      if (!g_hash_table_contains (bucket, stage))
        g_hash_table_insert (bucket, stage, g_ptr_array_new ());
      g_ptr_array_add (g_hash_table_lookup (bucket, stage), finding);
    }

  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);
      GPtrArray *from_plan = bucket != NULL ? g_hash_table_lookup (bucket, state->stage) : NULL;
      guint start = items->len, count = 0;
      gboolean same;

      for (guint j = 0; from_plan != NULL && j < from_plan->len; j++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (from_plan, j)));
      for (guint j = 0; j < state->findings->len; j++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (state->findings, j)));

      for (guint j = start; j < items->len; j++)
        if (cycle_finding_get_severity (g_ptr_array_index (items, j)) >= CYCLE_SEVERITY_WARNING)
          count++;

      /* An empty GPtrArray's pdata may be NULL, which memcmp must not see even for 0 bytes. */
      same = state->shown_len == items->len - start &&
             state->shown_start + state->shown_len <= old->len &&
             (state->shown_len == 0 ||
              memcmp (old->pdata + state->shown_start, items->pdata + start,
                      sizeof (gpointer) * state->shown_len) == 0);

      if (!same || count != state->shown_count ||
          state->gives != state->shown_gives || state->asks != state->shown_asks)
        g_ptr_array_add (changed_stages, g_object_ref (state->stage));

      state->shown_start = start;
      state->shown_len = items->len - start;
      state->shown_count = count;
      state->shown_gives = state->gives;
      state->shown_asks = state->asks;
    }

  for (guint i = 0; i < items->len; i++)
    counts[cycle_finding_get_severity (g_ptr_array_index (items, i))]++;

  while (prefix < old->len && prefix < items->len &&
         old->pdata[prefix] == items->pdata[prefix])
    prefix++;
  while (suffix < old->len - prefix && suffix < items->len - prefix &&
         old->pdata[old->len - 1 - suffix] == items->pdata[items->len - 1 - suffix])
    suffix++;

  self->items = g_steal_pointer (&items);
  items = old;  /* freed on return, after the signal: views may still look at the old items */

  if (old->len != self->items->len || prefix != old->len)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix - suffix,
                                self->items->len - prefix - suffix);

  for (guint s = 0; s < N_SEVERITIES; s++)
    {
      static const guint props[N_SEVERITIES] = { PROP_N_INFOS, PROP_N_WARNINGS, PROP_N_ERRORS };

      if (counts[s] != self->counts[s])
        {
          self->counts[s] = counts[s];
          g_object_notify_by_pspec (G_OBJECT (self), properties[props[s]]);
        }
    }

  for (guint i = 0; i < changed_stages->len; i++)
    g_signal_emit (self, signals[STAGE_FINDINGS_CHANGED], 0, g_ptr_array_index (changed_stages, i));
}

static void
update (CycleChecker *self)
{
  if (self->updating)
    return;  /* The loop below sees what the handler marked. */

  self->updating = TRUE;

  while (self->structure_dirty || self->dirty->len > 0 || self->plan_dirty ||
         self->list_dirty || self->coverage_dirty)
    {
      while (self->structure_dirty || self->dirty->len > 0)
        {
          if (self->structure_dirty)
            _cycle_checker_compute_contexts (self);

          while (self->dirty->len > 0)
            {
              StageState *state = g_ptr_array_steal_index_fast (self->dirty, self->dirty->len - 1);
              gboolean had_listens = state->listens > 0;

              state->dirty = FALSE;
              _cycle_checker_check_stage (self, state);
              /* The plan's note about content that listens counts every stage's. */
              if ((state->listens > 0) != had_listens || state->content->len != state->n_checked)
                self->plan_dirty = TRUE;
              state->n_checked = state->content->len;
            }
        }

      if (self->plan_dirty)
        _cycle_checker_check_plan (self);

      if (self->list_dirty)
        publish (self);

      if (self->coverage_dirty && !self->structure_dirty && self->dirty->len == 0 &&
          !self->plan_dirty)
        {
          self->coverage_dirty = FALSE;
          g_signal_emit (self, signals[COVERAGE_CHANGED], 0);
        }
    }

  self->updating = FALSE;
}

/* Following the plan */

static gboolean
is_pspec (GParamSpec *pspec,
          const char *name)
{
  return strcmp (pspec->name, name) == 0;
}

static void
on_content_notify_cb (CycleContent *content,
                      GParamSpec   *pspec,
                      StageState   *state)
{
  CycleChecker *self = state->checker;

  if (is_pspec (pspec, "title") || is_pspec (pspec, "cta") || is_pspec (pspec, "commitment") ||
      is_pspec (pspec, "direction") || is_pspec (pspec, "persona") ||
      is_pspec (pspec, "consent") ||
      is_pspec (pspec, "pitch") || is_pspec (pspec, "format"))
    _cycle_checker_mark_dirty (self, state);
  else if (is_pspec (pspec, "due"))
    {
      /* Dated outside its stage's window, in a launch campaign */
      if (state->ctx.window_first == 0)
        return;
      _cycle_checker_mark_dirty (self, state);
    }
  else if (is_pspec (pspec, "channel"))
    {
      /* Its nature (intrusive or not) and whether it listens, besides the coverage. */
      _cycle_checker_mark_dirty (self, state);
      self->coverage_dirty = TRUE;
    }
  else
    return;

  update (self);
}

/* Keeps @mirror (a reference to each of @model's items, each item's @signal connected to
 * @callback with @data) in step with @model after its items-changed. */
static void
mirror_items_changed (GPtrArray     *mirror,
                      GListModel    *model,
                      guint          position,
                      guint          removed,
                      guint          added,
                      const char    *signal,
                      GCallback      callback,
                      gpointer       data,
                      GConnectFlags  flags)
{
  for (guint i = 0; i < removed; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (mirror, position + i), callback,
                                          data);
  g_ptr_array_remove_range (mirror, position, removed);

  for (guint i = 0; i < added; i++)
    {
      gpointer item = g_list_model_get_item (model, position + i);

      g_signal_connect_data (item, signal, callback, data, NULL, flags);
      g_ptr_array_insert (mirror, position + i, item);
    }
}

static void
on_content_items_changed_cb (GListModel *model,
                             guint       position,
                             guint       removed,
                             guint       added,
                             StageState *state)
{
  CycleChecker *self = state->checker;

  mirror_items_changed (state->content, model, position, removed, added, "notify",
                        G_CALLBACK (on_content_notify_cb), state, 0);

  _cycle_checker_mark_dirty (self, state);
  update (self);
}

static void
on_stage_notify_cb (CycleStage *stage,
                    GParamSpec *pspec,
                    StageState *state)
{
  CycleChecker *self = state->checker;

  if (is_pspec (pspec, "name"))
    {
      _cycle_checker_mark_dirty (self, state);
      self->plan_dirty = TRUE;
      /* Findings of other stages that offer to move content here name it. */
      for (guint i = 0; i < self->states->len; i++)
        {
          StageState *other = g_ptr_array_index (self->states, i);

          /* …and those of the journey steps that borrow its permission. */
          if (other->ctx.mapped == stage)
            _cycle_checker_mark_dirty (self, other);
          for (guint c = 0; c < N_COMMITMENTS; c++)
            if ((other->ask_mask & (1u << c)) != 0 && other->ctx.move_target[c] == stage)
              _cycle_checker_mark_dirty (self, other);
        }
    }
  else if (is_pspec (pspec, "why"))
    {
      _cycle_checker_mark_dirty (self, state);
    }
  else if (is_pspec (pspec, "permission") || is_pspec (pspec, "lane") ||
           is_pspec (pspec, "role"))
    {
      _cycle_checker_mark_dirty (self, state);
      self->structure_dirty = TRUE;
    }
  else if (is_pspec (pspec, "days"))
    {
      /* The windows of a launch campaign: this stage's and those after it */
      if (cycle_plan_get_campaign_start (self->plan)[0] == '\0')
        return;
      self->structure_dirty = TRUE;
    }
  else if (is_pspec (pspec, "conversion-rate"))
    {
      self->plan_dirty = TRUE;
    }
  else
    {
      return;
    }

  update (self);
}

static StageState *
stage_state_new (CycleChecker *self,
                 CycleStage   *stage)
{
  StageState *state = g_new0 (StageState, 1);
  GListModel *content = cycle_stage_get_content (stage);
  guint n = g_list_model_get_n_items (content);

  state->checker = self;
  state->stage = g_object_ref (stage);
  state->content = g_ptr_array_new_full (n, g_object_unref);
  state->findings = g_ptr_array_new_with_free_func (g_object_unref);
  state->ctx.internal_index = state->next.internal_index = -1;

  for (guint i = 0; i < n; i++)
    {
      CycleContent *c = g_list_model_get_item (content, i);

      g_signal_connect (c, "notify", G_CALLBACK (on_content_notify_cb), state);
      g_ptr_array_add (state->content, c);
    }

  g_signal_connect (stage, "notify", G_CALLBACK (on_stage_notify_cb), state);
  g_signal_connect (content, "items-changed", G_CALLBACK (on_content_items_changed_cb), state);

  return state;
}

static void
stage_state_free (StageState *state)
{
  for (guint i = 0; i < state->content->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (state->content, i),
                                          on_content_notify_cb, state);
  g_signal_handlers_disconnect_by_func (state->stage, on_stage_notify_cb, state);
  g_signal_handlers_disconnect_by_func (cycle_stage_get_content (state->stage),
                                        on_content_items_changed_cb, state);

  g_ptr_array_unref (state->content);
  g_ptr_array_unref (state->findings);
  g_free (state->persona_counts);
  g_object_unref (state->stage);
  g_free (state);
}

static void
on_stages_items_changed_cb (CycleChecker *self,
                            guint         position,
                            guint         removed,
                            guint         added,
                            GListModel   *model)
{
  for (guint i = 0; i < removed; i++)
    {
      StageState *state = g_ptr_array_index (self->states, position + i);

      g_hash_table_remove (self->state_of, state->stage);
      if (state->dirty)
        g_ptr_array_remove_fast (self->dirty, state);
      stage_state_free (state);
    }
  g_ptr_array_remove_range (self->states, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (model, position + i);
      StageState *state = stage_state_new (self, stage);

      g_ptr_array_insert (self->states, position + i, state);
      g_hash_table_insert (self->state_of, stage, state);
      _cycle_checker_mark_dirty (self, state);
    }

  self->structure_dirty = TRUE;
  self->list_dirty = TRUE;
  update (self);
}

/* A link came, went or changed. A mapping lends a journey step its funnel stage's permission:
 * contexts again (cheap). */
static void
links_changed (CycleChecker *self)
{
  self->structure_dirty = TRUE;
  self->plan_dirty = TRUE;
  update (self);
}

static void
on_link_notify_cb (CycleChecker *self,
                   GParamSpec   *pspec,
                   CycleLink    *link)
{
  links_changed (self);
}

static void
on_links_items_changed_cb (CycleChecker *self,
                           guint         position,
                           guint         removed,
                           guint         added,
                           GListModel   *model)
{
  mirror_items_changed (self->links, model, position, removed, added, "notify",
                        G_CALLBACK (on_link_notify_cb), self, G_CONNECT_SWAPPED);
  links_changed (self);
}

static void
on_persona_notify_cb (CycleChecker *self,
                      GParamSpec   *pspec,
                      CyclePersona *persona)
{
  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);

      if (state->persona_findings)
        _cycle_checker_mark_dirty (self, state);
    }
  self->coverage_dirty = TRUE;
  update (self);
}

static void
on_personas_items_changed_cb (CycleChecker *self,
                              guint         position,
                              guint         removed,
                              guint         added,
                              GListModel   *model)
{
  mirror_items_changed (self->personas, model, position, removed, added, "notify::name",
                        G_CALLBACK (on_persona_notify_cb), self, G_CONNECT_SWAPPED);

  g_hash_table_remove_all (self->persona_index);
  for (guint i = 0; i < self->personas->len; i++)
    g_hash_table_insert (self->persona_index, g_ptr_array_index (self->personas, i),
                         GUINT_TO_POINTER (i + 1));

  /* Every stage counts content per persona. */
  for (guint i = 0; i < self->states->len; i++)
    _cycle_checker_mark_dirty (self, g_ptr_array_index (self->states, i));
  self->coverage_dirty = TRUE;
  update (self);
}

static void
on_plan_why_cb (CycleChecker *self)
{
  self->plan_dirty = TRUE;
  update (self);
}

/* A launch campaign's start moves every stage's window */
static void
on_plan_campaign_start_cb (CycleChecker *self)
{
  self->structure_dirty = TRUE;
  update (self);
}

/* Sales talk is judged in the plan's language: every stage's content again. */
static void
on_plan_language_cb (CycleChecker *self)
{
  for (guint i = 0; i < self->states->len; i++)
    _cycle_checker_mark_dirty (self, g_ptr_array_index (self->states, i));
  update (self);
}

/* GListModel */

static GType
cycle_checker_get_item_type (GListModel *model)
{
  return CYCLE_TYPE_FINDING;
}

static guint
cycle_checker_get_n_items (GListModel *model)
{
  return CYCLE_CHECKER (model)->items->len;
}

static gpointer
cycle_checker_get_item (GListModel *model,
                        guint       position)
{
  CycleChecker *self = CYCLE_CHECKER (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = cycle_checker_get_item_type;
  iface->get_n_items = cycle_checker_get_n_items;
  iface->get_item = cycle_checker_get_item;
}

/* GObject */

static void
cycle_checker_constructed (GObject *object)
{
  CycleChecker *self = (CycleChecker *)object;
  GListModel *stages, *links, *personas;

  G_OBJECT_CLASS (cycle_checker_parent_class)->constructed (object);

  g_return_if_fail (CYCLE_IS_PLAN (self->plan));

  stages = cycle_plan_get_stages (self->plan);
  links = cycle_plan_get_links (self->plan);
  personas = cycle_plan_get_personas (self->plan);

  g_signal_connect_object (self->plan, "notify::why", G_CALLBACK (on_plan_why_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "notify::campaign-start",
                           G_CALLBACK (on_plan_campaign_start_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->plan, "notify::language", G_CALLBACK (on_plan_language_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (stages, "items-changed", G_CALLBACK (on_stages_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (links, "items-changed", G_CALLBACK (on_links_items_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (personas, "items-changed", G_CALLBACK (on_personas_items_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* Take the whole plan in, then check it once. */
  self->updating = TRUE;
  on_personas_items_changed_cb (self, 0, 0, g_list_model_get_n_items (personas), personas);
  on_stages_items_changed_cb (self, 0, 0, g_list_model_get_n_items (stages), stages);
  on_links_items_changed_cb (self, 0, 0, g_list_model_get_n_items (links), links);
  self->plan_dirty = TRUE;
  self->updating = FALSE;
  update (self);
}

static void
cycle_checker_dispose (GObject *object)
{
  CycleChecker *self = (CycleChecker *)object;

  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->plan, self);
      g_signal_handlers_disconnect_by_data (cycle_plan_get_stages (self->plan), self);
      g_signal_handlers_disconnect_by_data (cycle_plan_get_links (self->plan), self);
      g_signal_handlers_disconnect_by_data (cycle_plan_get_personas (self->plan), self);
    }

  if (self->states != NULL)
    {
      for (guint i = 0; i < self->states->len; i++)
        stage_state_free (g_ptr_array_index (self->states, i));
      g_ptr_array_set_size (self->states, 0);
      g_hash_table_remove_all (self->state_of);
      g_ptr_array_set_size (self->dirty, 0);
    }

  for (guint i = 0; self->links != NULL && i < self->links->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->links, i),
                                          on_link_notify_cb, self);
  for (guint i = 0; self->personas != NULL && i < self->personas->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->personas, i),
                                          on_persona_notify_cb, self);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->personas, g_ptr_array_unref);
  g_clear_pointer (&self->plan_findings, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cycle_checker_parent_class)->dispose (object);
}

static void
cycle_checker_finalize (GObject *object)
{
  CycleChecker *self = (CycleChecker *)object;

  g_clear_pointer (&self->states, g_ptr_array_unref);
  g_clear_pointer (&self->state_of, g_hash_table_unref);
  g_clear_pointer (&self->persona_index, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_ptr_array_unref);

  G_OBJECT_CLASS (cycle_checker_parent_class)->finalize (object);
}

static void
cycle_checker_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CycleChecker *self = CYCLE_CHECKER (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->counts[CYCLE_SEVERITY_ERROR]);
      break;
    case PROP_N_WARNINGS:
      g_value_set_uint (value, self->counts[CYCLE_SEVERITY_WARNING]);
      break;
    case PROP_N_INFOS:
      g_value_set_uint (value, self->counts[CYCLE_SEVERITY_INFO]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_checker_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CycleChecker *self = CYCLE_CHECKER (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_checker_class_init (CycleCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = cycle_checker_constructed;
  object_class->dispose = cycle_checker_dispose;
  object_class->finalize = cycle_checker_finalize;
  object_class->get_property = cycle_checker_get_property;
  object_class->set_property = cycle_checker_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CYCLE_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ERRORS] = g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_WARNINGS] =
    g_param_spec_uint ("n-warnings", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_INFOS] = g_param_spec_uint ("n-infos", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The stage's findings, its count of errors and warnings, or its give/ask balance changed. */
  signals[STAGE_FINDINGS_CHANGED] =
    g_signal_new ("stage-findings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CYCLE_TYPE_STAGE);
  /* Content changed persona, channel or stage, or stages or personas came or went. */
  signals[COVERAGE_CHANGED] =
    g_signal_new ("coverage-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cycle_checker_init (CycleChecker *self)
{
  self->states = g_ptr_array_new ();
  self->state_of = g_hash_table_new (NULL, NULL);
  self->links = g_ptr_array_new_with_free_func (g_object_unref);
  self->personas = g_ptr_array_new_with_free_func (g_object_unref);
  self->persona_index = g_hash_table_new (NULL, NULL);
  self->plan_findings = g_ptr_array_new_with_free_func (g_object_unref);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->dirty = g_ptr_array_new ();
}

CycleChecker *
cycle_checker_new (CyclePlan *plan)
{
  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);
  return g_object_new (CYCLE_TYPE_CHECKER, "plan", plan, NULL);
}

CyclePlan *
cycle_checker_get_plan (CycleChecker *self)
{
  g_return_val_if_fail (CYCLE_IS_CHECKER (self), NULL);
  return self->plan;
}

GListModel *
cycle_checker_get_findings (CycleChecker *self)
{
  g_return_val_if_fail (CYCLE_IS_CHECKER (self), NULL);
  return G_LIST_MODEL (self);
}

CycleFinding *
cycle_checker_lookup (CycleChecker *self,
                      const char   *key)
{
  g_return_val_if_fail (CYCLE_IS_CHECKER (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    if (g_str_equal (cycle_finding_get_key (g_ptr_array_index (self->items, i)), key))
      return g_ptr_array_index (self->items, i);

  return NULL;
}

guint
cycle_checker_count (CycleChecker  *self,
                     CycleSeverity  severity)
{
  g_return_val_if_fail (CYCLE_IS_CHECKER (self), 0);
  g_return_val_if_fail ((guint)severity < N_SEVERITIES, 0);
  return self->counts[severity];
}

guint
cycle_checker_count_for_stage (CycleChecker *self,
                               CycleStage   *stage)
{
  StageState *state;

  g_return_val_if_fail (CYCLE_IS_CHECKER (self), 0);

  state = _cycle_checker_state_for (self, stage);
  return state != NULL ? state->shown_count : 0;
}

void
cycle_checker_get_balance (CycleChecker *self,
                           CycleStage   *stage,
                           guint        *gives,
                           guint        *asks)
{
  StageState *state;

  g_return_if_fail (CYCLE_IS_CHECKER (self));

  state = _cycle_checker_state_for (self, stage);
  if (gives != NULL)
    *gives = state != NULL ? state->gives : 0;
  if (asks != NULL)
    *asks = state != NULL ? state->asks : 0;
}

CycleStage *
cycle_checker_get_purchase_stage (CycleChecker *self)
{
  g_return_val_if_fail (CYCLE_IS_CHECKER (self), NULL);
  return self->purchase;
}

gboolean
cycle_checker_is_after_purchase (CycleChecker *self,
                                 CycleStage   *stage)
{
  StageState *state;

  g_return_val_if_fail (CYCLE_IS_CHECKER (self), FALSE);

  state = _cycle_checker_state_for (self, stage);
  return state != NULL && state->next.after_purchase;
}
