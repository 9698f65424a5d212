/* cycle-checker-rules.c: the checks themselves, scope by scope (the rules are in
 * cycle-checker.h); cycle-checker.c decides when each runs
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-checker"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-channel.h"
#include "cycle-checker-private.h"
#include "cycle-projection.h"
#include "cycle-sales-talk.h"

static gboolean
asks_for_money (CycleCommitment commitment)
{
  return commitment == CYCLE_COMMITMENT_PAYMENT || commitment == CYCLE_COMMITMENT_STORED_CARD;
}

/* The user's mark wins; otherwise the words, in the plan's language (never the interface's). */
static gboolean
talks_about_sales (CycleChecker *self,
                   CycleContent *content)
{
  const char *language = cycle_plan_get_language (self->plan);

  switch (cycle_content_get_pitch (content))
    {
    case CYCLE_PITCH_YES:
      return TRUE;
    case CYCLE_PITCH_NO:
      return FALSE;
    case CYCLE_PITCH_GUESS:
    default:
      return asks_for_money (cycle_content_get_commitment (content)) ||
             cycle_sales_talk_check (cycle_content_get_title (content), language) ||
             cycle_sales_talk_check (cycle_content_get_cta (content), language);
    }
}

/* Early: the first stages of the funnel, or any stage that has earned at most situational
 * permission. */
static gboolean
is_early (StageState *state)
{
  return state->ctx.top ||
         cycle_stage_get_permission (state->stage) <= CYCLE_PERMISSION_SITUATIONAL;
}

static const char *
stage_name (CycleStage *stage)
{
  const char *name = cycle_stage_get_name (stage);

  return name[0] != '\0' ? name : _("Unnamed stage");
}

static const char *
content_title (CycleContent *content)
{
  const char *title = cycle_content_get_title (content);

  return title[0] != '\0' ? title : _("Untitled content");
}

const char *
_cycle_checker_persona_name (CyclePersona *persona)
{
  const char *name = cycle_persona_get_name (persona);

  return name[0] != '\0' ? name : _("Unnamed persona");
}

static const char *
ask_phrase (CycleCommitment commitment)
{
  switch (commitment)
    {
    case CYCLE_COMMITMENT_NONE:
      return _("nothing");
    case CYCLE_COMMITMENT_READ:
      return _("attention");
    case CYCLE_COMMITMENT_FOLLOW:
      return _("a follow");
    case CYCLE_COMMITMENT_EMAIL:
      return _("an e-mail address");
    case CYCLE_COMMITMENT_ACCOUNT:
      return _("an account");
    case CYCLE_COMMITMENT_CALL:
      return _("a call or a demo");
    case CYCLE_COMMITMENT_PAYMENT:
      return _("a payment");
    case CYCLE_COMMITMENT_STORED_CARD:
      return _("a card to keep on file");
    case CYCLE_COMMITMENT_REFERRAL:
      return _("a referral");
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
earned_phrase (CyclePermission permission)
{
  switch (permission)
    {
    case CYCLE_PERMISSION_NONE:
      return _("no permission yet");
    case CYCLE_PERMISSION_SITUATIONAL:
      return _("only situational permission");
    case CYCLE_PERMISSION_BRAND_TRUST:
      return _("only brand trust");
    case CYCLE_PERMISSION_PERSONAL:
      return _("only a personal relationship");
    case CYCLE_PERMISSION_POINTS:
      return _("only points");
    case CYCLE_PERMISSION_INTRAVENOUS:
      return _("intravenous trust");
    default:
      g_return_val_if_reached ("");
    }
}

static char *
make_key (const char *prefix,
          gpointer    item,
          gpointer    item2)
{
  if (item2 != NULL)
    return g_strconcat (prefix, ":", cycle_item_get_id (item), ":", cycle_item_get_id (item2),
                        NULL);
  if (item != NULL)
    return g_strconcat (prefix, ":", cycle_item_get_id (item), NULL);
  return g_strdup (prefix);
}

static CycleFinding *
add_finding (GPtrArray        *findings,
             CycleFindingKind  kind,
             CycleSeverity     severity,
             const char       *key_prefix,
             char             *message,
             CycleStage       *stage,
             CycleContent     *content,
             CyclePersona     *persona,
             CycleLink        *link)
{
  g_autofree char *key = NULL;
  CycleFinding *finding;

  if (content != NULL)
    key = make_key (key_prefix, content, NULL);
  else if (link != NULL)
    key = make_key (key_prefix, link, NULL);
  else
    key = make_key (key_prefix, stage, persona);

  finding = _cycle_finding_new (kind, severity, key, message, stage, content, persona, link);
  g_ptr_array_add (findings, finding);
  return finding;
}

/* Keeps the objects of findings that did not change, so that views keep their rows. */
static void
reuse_unchanged (GPtrArray *old,
                 GPtrArray *findings)
{
  g_autoptr(GHashTable) by_key = NULL;

  if (old == NULL || old->len == 0 || findings->len == 0)
    return;

  by_key = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < old->len; i++)
    {
      CycleFinding *f = g_ptr_array_index (old, i);
      g_hash_table_insert (by_key, (gpointer)cycle_finding_get_key (f), f);
    }

  for (guint i = 0; i < findings->len; i++)
    {
      CycleFinding *fresh = g_ptr_array_index (findings, i);
      CycleFinding *before = g_hash_table_lookup (by_key, cycle_finding_get_key (fresh));

      if (before != NULL && cycle_finding_equal (before, fresh))
        {
          g_object_unref (fresh);
          findings->pdata[i] = g_object_ref (before);
        }
    }
}

/* The stage scope */

static void
check_permission (CycleChecker *self,
                  StageState   *state,
                  CycleContent *content,
                  GPtrArray    *findings)
{
  CyclePermission earned = cycle_stage_get_permission (state->stage);
  CycleCommitment commitment = cycle_content_get_commitment (content);
  CyclePermission needed = cycle_commitment_required_permission (commitment);
  CycleStage *target;
  CycleFinding *finding;
  char *message, *label;

  if ((int)needed <= (int)earned + 1)
    return;

  state->perm_mask |= 1u << needed;

  message = g_strdup_printf (_("“%s” asks for %s at “%s”, a stage that has earned %s. "
                               "Give first; ask at a later stage."),
                             content_title (content), ask_phrase (commitment),
                             stage_name (state->stage), earned_phrase (earned));
  finding = add_finding (findings, CYCLE_FINDING_PERMISSION,
                         (int)needed - (int)earned >= 3 ? CYCLE_SEVERITY_ERROR
                                                        : CYCLE_SEVERITY_WARNING,
                         "permission", message, state->stage, content, NULL, NULL);

  target = state->ctx.move_target[needed];
  if (target != NULL)
    {
      /* TRANSLATORS: a one-click fix; %s is a stage */
      label = g_strdup_printf (_("Move to “%s”"), stage_name (target));
      _cycle_finding_set_fix_move (finding, target, label);
      return;
    }

  for (int lower = (int)commitment - 1; lower >= 0; lower--)
    {
      if ((int)cycle_commitment_required_permission (lower) <= (int)earned + 1)
        {
          const char *ask = cycle_enum_get_label (CYCLE_TYPE_COMMITMENT, lower);

          /* TRANSLATORS: a one-click fix; %s is a commitment, "Read or watch" */
          label = g_strdup_printf (_("Lower the ask to “%s”"), ask);
          _cycle_finding_set_fix_commitment (finding, lower, label);
          return;
        }
    }
}

static void
check_personas (CycleChecker *self,
                StageState   *state,
                GPtrArray    *findings)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();

  for (guint i = 0; i < self->personas->len; i++)
    if (state->persona_counts[i] == 0)
      g_ptr_array_add (missing, g_ptr_array_index (self->personas, i));

  state->persona_findings = missing->len > 0;

  if (missing->len <= CYCLE_CHECKER_MAX_PERSONA_NOTES)
    {
      for (guint i = 0; i < missing->len; i++)
        {
          CyclePersona *persona = g_ptr_array_index (missing, i);
          char *message = g_strdup_printf (_("“%s” has no content for “%s”."),
                                           stage_name (state->stage), _cycle_checker_persona_name (persona));

          add_finding (findings, CYCLE_FINDING_COVERAGE, CYCLE_SEVERITY_INFO, "coverage:persona",
                       message, state->stage, NULL, persona, NULL);
        }
    }
  else
    {
      GString *names = g_string_new (NULL);
      char *message;

      for (guint i = 0; i < missing->len; i++)
        g_string_append_printf (names, i > 0 ? _(", “%s”") : _("“%s”"),
                                _cycle_checker_persona_name (g_ptr_array_index (missing, i)));
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "“%s” has no content for %u persona: %s.",
                                              "“%s” has no content for %u personas: %s.",
                                              missing->len),
                                 stage_name (state->stage), missing->len, names->str);
      g_string_free (names, TRUE);
      add_finding (findings, CYCLE_FINDING_COVERAGE, CYCLE_SEVERITY_INFO, "coverage:personas",
                   message, state->stage, NULL, NULL, NULL);
    }
}

void
_cycle_checker_check_stage (CycleChecker *self,
             StageState   *state)
{
  CycleStage *stage = state->stage;
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *old = state->findings;
  guint n = state->content->len;
  guint n_personas = self->personas->len;

  state->ctx = state->next;
  state->gives = state->asks = state->money = state->listens = 0;
  state->perm_mask = 0;
  state->persona_findings = FALSE;
  if (state->n_persona_counts != n_personas + 1)
    {
      g_free (state->persona_counts);
      state->persona_counts = g_new0 (guint, n_personas + 1);
      state->n_persona_counts = n_personas + 1;
    }
  else
    {
      memset (state->persona_counts, 0, sizeof (guint) * state->n_persona_counts);
    }

  for (guint i = 0; i < n; i++)
    {
      CycleContent *content = g_ptr_array_index (state->content, i);
      CyclePersona *persona = cycle_content_get_persona (content);
      guint index = persona != NULL
        ? GPOINTER_TO_UINT (g_hash_table_lookup (self->persona_index, persona)) : 0;

      if (cycle_content_get_direction (content) == CYCLE_DIRECTION_GIVES)
        state->gives++;
      else
        state->asks++;
      if (asks_for_money (cycle_content_get_commitment (content)))
        state->money++;
      if (cycle_content_listens (content))
        state->listens++;
      state->persona_counts[index > 0 ? index - 1 : n_personas]++;
    }

  if (n == 0)
    {
      if (state->ctx.after_purchase)
        add_finding (findings, CYCLE_FINDING_CYCLE, CYCLE_SEVERITY_WARNING, "cycle:empty",
                     g_strdup_printf (_("“%s” comes after the purchase but has no content. "
                                        "Customers who stay become members and evangelists: "
                                        "give them something to stay for and to share."),
                                      stage_name (stage)),
                     stage, NULL, NULL, NULL);
      else
        add_finding (findings, CYCLE_FINDING_COVERAGE,
                     state->ctx.lane == CYCLE_LANE_INTERNAL ? CYCLE_SEVERITY_WARNING
                                                            : CYCLE_SEVERITY_INFO,
                     "coverage:empty",
                     g_strdup_printf (_("“%s” has no content: nothing meets people at this "
                                        "stage."),
                                      stage_name (stage)),
                     stage, NULL, NULL, NULL);
    }

  if (cycle_stage_get_why (stage)[0] == '\0')
    add_finding (findings, CYCLE_FINDING_WHY, CYCLE_SEVERITY_INFO, "why:stage",
                 g_strdup_printf (_("“%s” does not say why: what moves people on from this "
                                    "stage?"),
                                  stage_name (stage)),
                 stage, NULL, NULL, NULL);

  if (state->asks > 0 && state->gives == 0)
    add_finding (findings, CYCLE_FINDING_GIVE_BEFORE_ASK, CYCLE_SEVERITY_WARNING,
                 "give-before-ask",
                 g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "“%s” only asks: its %u piece of content asks "
                                               "for something and none gives. Give first, "
                                               "often for free; ask later.",
                                               "“%s” only asks: its %u pieces of content ask "
                                               "for something and none gives. Give first, "
                                               "often for free; ask later.",
                                               state->asks),
                                  stage_name (stage), state->asks),
                 stage, NULL, NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      CycleContent *content = g_ptr_array_index (state->content, i);

      check_permission (self, state, content, findings);

      if (is_early (state) &&
          cycle_channel_get_nature (cycle_content_get_channel (content)) ==
          CYCLE_CHANNEL_INTRUSIVE)
        add_finding (findings, CYCLE_FINDING_PERMISSION, CYCLE_SEVERITY_WARNING, "intrusive",
                     g_strdup_printf (_("“%s” reaches people at “%s” through “%s”, a channel "
                                        "they did not choose. Gather people, don’t hunt "
                                        "them: early on, be found where they look — search, "
                                        "a blog, a community, events."),
                                      content_title (content), stage_name (stage),
                                      g_dpgettext2 (GETTEXT_PACKAGE, "content channel",
                                                    cycle_content_get_channel (content))),
                     stage, content, NULL, NULL);

      /* A note, never an alarm: words are only a guess, and the user's mark wins. */
      if (state->ctx.top && talks_about_sales (self, content))
        add_finding (findings, CYCLE_FINDING_WHY, CYCLE_SEVERITY_INFO, "why:sales",
                     g_strdup_printf (_("“%s” at “%s” reads like a pitch; lead with a point "
                                        "of view. At the top of the funnel, people look for "
                                        "answers, not offers. If it is not a pitch, say so in "
                                        "the content’s details."),
                                      content_title (content), stage_name (stage)),
                     stage, content, NULL, NULL);
    }

  if (n > 0 && n_personas > 0)
    check_personas (self, state, findings);

  reuse_unchanged (old, findings);

  state->findings = findings;
  g_clear_pointer (&old, g_ptr_array_unref);
  self->list_dirty = TRUE;
  self->coverage_dirty = TRUE;
}

/* Contexts */

static gboolean
context_equal (const StageContext *a,
               const StageContext *b,
               guint               perm_mask)
{
  if (a->lane != b->lane || a->top != b->top || a->after_purchase != b->after_purchase)
    return FALSE;

  for (guint p = 0; p < N_PERMISSIONS; p++)
    if ((perm_mask & (1u << p)) != 0 && a->move_target[p] != b->move_target[p])
      return FALSE;

  return TRUE;
}

void
_cycle_checker_compute_contexts (CycleChecker *self)
{
  CycleStage *later[2][N_PERMISSIONS] = { { NULL, }, };
  guint n_internal = 0, after_from, i_internal = 0;
  int purchase_index = -1;

  self->structure_dirty = FALSE;
  self->plan_dirty = TRUE;
  self->coverage_dirty = TRUE;
  self->purchase = NULL;

  /* The purchase is where the plan says it is: its first stage whose role is "convert". Never
   * guessed (from where content asks for money, or from the length of the funnel): when no
   * stage says, check_cycle() asks. */
  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);

      if (cycle_stage_get_lane (state->stage) != CYCLE_LANE_INTERNAL)
        continue;
      if (self->purchase == NULL && cycle_stage_get_role (state->stage) == CYCLE_ROLE_CONVERT)
        {
          self->purchase = state->stage;
          purchase_index = n_internal;
        }
      n_internal++;
    }

  after_from = purchase_index >= 0 ? (guint) purchase_index + 1 : G_MAXUINT;

  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);
      CycleLane lane = cycle_stage_get_lane (state->stage);

      memset (&state->next, 0, sizeof state->next);
      state->next.lane = lane;
      state->next.internal_index = -1;
      state->next.plan_index = i;
      if (lane == CYCLE_LANE_INTERNAL)
        {
          state->next.internal_index = i_internal;
          state->next.top = i_internal < TOP_STAGES;
          /* After the purchase in the funnel, or said to be: retaining and advocating. */
          state->next.after_purchase =
            i_internal >= after_from ||
            cycle_stage_get_role (state->stage) == CYCLE_ROLE_RETAIN ||
            cycle_stage_get_role (state->stage) == CYCLE_ROLE_ADVOCATE;
          i_internal++;
        }
    }

  /* From the end: the nearest later stage of each lane where each permission may be asked. */
  for (guint i = self->states->len; i > 0; i--)
    {
      StageState *state = g_ptr_array_index (self->states, i - 1);
      guint lane = state->next.lane == CYCLE_LANE_INTERNAL ? 0 : 1;
      guint allowed = MIN ((guint)cycle_stage_get_permission (state->stage) + 1,
                           N_PERMISSIONS - 1);

      memcpy (state->next.move_target, later[lane], sizeof later[lane]);
      for (guint p = 0; p <= allowed; p++)
        later[lane][p] = state->stage;
    }

  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);

      if (!context_equal (&state->ctx, &state->next, state->perm_mask))
        _cycle_checker_mark_dirty (self, state);
    }
}

/* The plan scope */

static void
check_cycle (CycleChecker *self,
             GPtrArray    *findings)
{
  StageState *first = NULL, *last = NULL;
  gboolean any_after = FALSE, loop = FALSE;

  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);

      if (state->next.lane != CYCLE_LANE_INTERNAL)
        continue;
      if (first == NULL)
        first = state;
      last = state;
      any_after |= state->next.after_purchase;
    }

  if (first == NULL)
    return;

  if (!any_after && self->purchase == NULL)
    {
      /* Where the purchase is must be said, not guessed: asked once, for the whole plan. */
      add_finding (findings, CYCLE_FINDING_CYCLE, CYCLE_SEVERITY_INFO, "cycle:purchase-unknown",
                   g_strdup (_("Which stage is the purchase? Set its role to “Convert” in the "
                               "stage’s panel (and “Retain” or “Advocate” for the stages after "
                               "it): the checks of what comes after the purchase need it.")),
                   NULL, NULL, NULL, NULL);
      return;
    }

  if (!any_after)
    {
      char *message;
      CycleStage *stage = self->purchase;

      message = g_strdup_printf (_("Nothing comes after the purchase at “%s”: the plan stops "
                                   "at the customer. Add stages for members and evangelists; "
                                   "they bring the next visitors."),
                                 stage_name (stage));
      add_finding (findings, CYCLE_FINDING_CYCLE, CYCLE_SEVERITY_WARNING, "cycle:after-purchase",
                   message, stage, NULL, NULL, NULL);
      return;
    }

  for (guint i = 0; i < self->links->len && !loop; i++)
    {
      CycleLink *link = g_ptr_array_index (self->links, i);
      StageState *source = _cycle_checker_state_for (self, cycle_link_get_source (link));
      StageState *target = _cycle_checker_state_for (self, cycle_link_get_target (link));

      loop = cycle_link_get_kind (link) == CYCLE_LINK_LOOP &&
             source != NULL && target != NULL &&
             source->next.after_purchase &&
             target->next.internal_index >= 0 &&
             target->next.internal_index < source->next.internal_index;
    }

  if (!loop)
    {
      CycleFinding *finding;
      char *message =
        g_strdup_printf (_("No loop leads back from the stages after the purchase: members and "
                           "evangelists who share their experience bring new visitors. Connect "
                           "“%s” back to “%s”."),
                         stage_name (last->stage), stage_name (first->stage));

      finding = add_finding (findings, CYCLE_FINDING_CYCLE, CYCLE_SEVERITY_WARNING, "cycle:loop",
                             message, last->stage, NULL, NULL, NULL);
      if (last != first)
        {
          /* TRANSLATORS: a one-click fix; the %s are stages */
          char *label = g_strdup_printf (_("Add a loop from “%s” to “%s”"),
                                         stage_name (last->stage), stage_name (first->stage));

          _cycle_finding_set_fix_link (finding, last->stage, first->stage, CYCLE_LINK_LOOP,
                                       label);
        }
    }
}

static void
check_consistency (CycleChecker *self,
                   GPtrArray    *findings)
{
  g_autoptr(CycleProjection) projection = NULL;
  StageState *first = NULL, *last = NULL, *before = NULL, *unreached = NULL;

  projection = cycle_projection_compute (self->plan, 1.0, 1, NULL);
  if (projection == NULL)
    return;

  g_return_if_fail (cycle_projection_get_n_stages (projection) == self->states->len);

  /* The funnel starts where people enter (the projection's top, found by the links): every
   * internal stage should be reached from there. */
  first = g_ptr_array_index (self->states, cycle_projection_get_top_index (projection));
  if (first->next.lane != CYCLE_LANE_INTERNAL)
    first = NULL;

  for (guint i = 0; first != NULL && i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);

      if (state->next.lane != CYCLE_LANE_INTERNAL)
        continue;
      last = state;
      if (unreached == NULL && !cycle_projection_is_on_path (projection, i))
        unreached = state;
      else if (unreached == NULL)
        before = state;
    }

  if (last != NULL && unreached != NULL &&
      !cycle_projection_is_on_path (projection, last->next.plan_index))
    {
      CycleFinding *finding;
      char *label;
      char *message =
        g_strdup_printf (_("No chain of next steps leads from “%s” to “%s”: nothing leads to "
                           "“%s”. Connect the stages in order."),
                         stage_name (first->stage), stage_name (last->stage),
                         stage_name (unreached->stage));

      if (before == NULL)
        before = first;
      finding = add_finding (findings, CYCLE_FINDING_CONSISTENCY, CYCLE_SEVERITY_WARNING,
                             "consistency:path", message, unreached->stage, NULL, NULL, NULL);
      /* TRANSLATORS: a one-click fix; the %s are stages */
      label = g_strdup_printf (_("Connect “%s” to “%s”"), stage_name (before->stage),
                               stage_name (unreached->stage));
      _cycle_finding_set_fix_link (finding, before->stage, unreached->stage, CYCLE_LINK_NEXT,
                                   label);
    }

  for (guint i = 0; i < cycle_projection_get_n_missing (projection); i++)
    {
      CycleLink *link = cycle_projection_get_missing (projection, i);

      add_finding (findings, CYCLE_FINDING_CONSISTENCY, CYCLE_SEVERITY_WARNING,
                   "consistency:rate", cycle_projection_describe_missing_rate (link),
                   cycle_link_get_source (link), NULL, NULL, link);
    }

  for (guint i = 0; i < cycle_projection_get_n_invalid (projection); i++)
    {
      CycleStage *stage = cycle_projection_get_invalid (projection, i);
      StageState *state = _cycle_checker_state_for (self, stage);

      add_finding (findings, CYCLE_FINDING_CONSISTENCY, CYCLE_SEVERITY_WARNING,
                   "consistency:rate-sum",
                   cycle_projection_describe_rate_sum (
                     stage, cycle_projection_get_next_rate (projection, state->next.plan_index)),
                   stage, NULL, NULL, NULL);
    }

  for (guint i = 0; i < self->links->len; i++)
    {
      CycleLink *link = g_ptr_array_index (self->links, i);
      StageState *source = _cycle_checker_state_for (self, cycle_link_get_source (link));
      StageState *target = _cycle_checker_state_for (self, cycle_link_get_target (link));

      if (cycle_link_get_kind (link) != CYCLE_LINK_LOOP || cycle_link_get_rate (link) >= 0.0 ||
          source == NULL || target == NULL ||
          !cycle_projection_is_on_path (projection, source->next.plan_index) ||
          !cycle_projection_is_on_path (projection, target->next.plan_index))
        continue;

      add_finding (findings, CYCLE_FINDING_CONSISTENCY, CYCLE_SEVERITY_INFO,
                   "consistency:loop-rate", cycle_projection_describe_missing_rate (link),
                   source->stage, NULL, NULL, link);
    }
}

/* Seed 003: trust your audience to know what it wants and to say it — if you ask. */
static void
check_listening (CycleChecker *self,
                 GPtrArray    *findings)
{
  guint n_content = 0;

  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);

      if (state->listens > 0)
        return;
      n_content += state->content->len;
    }

  if (n_content == 0)
    return;

  add_finding (findings, CYCLE_FINDING_COVERAGE, CYCLE_SEVERITY_INFO, "coverage:listen",
               g_strdup (_("No content listens. Trust your audience to know what it wants and "
                           "to tell you: ask them, with a survey, a feedback form, questions "
                           "or a community.")),
               NULL, NULL, NULL, NULL);
}

void
_cycle_checker_check_plan (CycleChecker *self)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *old = self->plan_findings;

  self->plan_dirty = FALSE;

  if (cycle_plan_get_why (self->plan)[0] == '\0')
    add_finding (findings, CYCLE_FINDING_WHY, CYCLE_SEVERITY_WARNING, "why:plan",
                 g_strdup (_("The plan does not say why. People buy the why, not the what: "
                             "state the belief behind the plan.")),
                 NULL, NULL, NULL, NULL);

  check_cycle (self, findings);
  check_consistency (self, findings);
  check_listening (self, findings);

  reuse_unchanged (old, findings);
  self->plan_findings = findings;
  g_clear_pointer (&old, g_ptr_array_unref);
  self->list_dirty = TRUE;
}
