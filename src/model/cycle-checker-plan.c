/* cycle-checker-plan.c: the plan-wide checks (the cycle, the two lanes, permission along the
 * next steps, consistency, listening): they look at stages and links, never at each piece of
 * content, so they are cheap to run again after any edit
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-checker"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cycle-checker-private.h"
#include "cycle-projection.h"

/* The plan scope */

static void
check_cycle (CycleChecker *self,
             GPtrArray    *findings)
{
  StageState *first = NULL, *last = NULL;
  gboolean any_after = FALSE, loop = FALSE;

  /* First and last in the funnel's own order (its next steps), not the list's. */
  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);

      if (state->next.lane != CYCLE_LANE_INTERNAL)
        continue;
      if (first == NULL || state->next.internal_index < first->next.internal_index)
        first = state;
      if (last == NULL || state->next.internal_index > last->next.internal_index)
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
                   NULL);
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
                   message, &(CycleFindingSubjects) { .stage = stage });
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
                             message, &(CycleFindingSubjects) { .stage = last->stage });
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
                             "consistency:path", message,
                             &(CycleFindingSubjects) { .stage = unreached->stage });
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
                   &(CycleFindingSubjects) { .stage = cycle_link_get_source (link), .link = link });
    }

  for (guint i = 0; i < cycle_projection_get_n_invalid (projection); i++)
    {
      CycleStage *stage = cycle_projection_get_invalid (projection, i);
      StageState *state = _cycle_checker_state_for (self, stage);

      add_finding (findings, CYCLE_FINDING_CONSISTENCY, CYCLE_SEVERITY_WARNING,
                   "consistency:rate-sum",
                   cycle_projection_describe_rate_sum (
                     stage, cycle_projection_get_next_rate (projection, state->next.plan_index)),
                   &(CycleFindingSubjects) { .stage = stage });
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
                   &(CycleFindingSubjects) { .stage = source->stage, .link = link });
    }
}

/* Permission is earned step by step and not lost by moving on: along a next step, the stage
 * after should have earned at least what the stage before has. */
static void
check_drops (CycleChecker *self,
             GPtrArray    *findings)
{
  for (guint i = 0; i < self->links->len; i++)
    {
      CycleLink *link = g_ptr_array_index (self->links, i);
      CycleStage *source = cycle_link_get_source (link);
      CycleStage *target = cycle_link_get_target (link);
      CyclePermission before, after;

      if (cycle_link_get_kind (link) != CYCLE_LINK_NEXT ||
          _cycle_checker_state_for (self, source) == NULL ||
          _cycle_checker_state_for (self, target) == NULL ||
          cycle_stage_get_lane (source) != cycle_stage_get_lane (target))
        continue;

      before = cycle_stage_get_permission (source);
      after = cycle_stage_get_permission (target);
      if (after >= before)
        continue;

      add_finding (findings, CYCLE_FINDING_PERMISSION, CYCLE_SEVERITY_WARNING, "permission-drop",
                   g_strdup_printf (_("“%s” has earned less permission (%s) than “%s” before "
                                      "it (%s). Permission grows step by step and is not lost "
                                      "by moving on: raise it, or put the stages in order."),
                                    stage_name (target),
                                    cycle_enum_get_label (CYCLE_TYPE_PERMISSION, after),
                                    stage_name (source),
                                    cycle_enum_get_label (CYCLE_TYPE_PERMISSION, before)),
                   &(CycleFindingSubjects) { .stage = target, .link = link });
    }
}

/* The two lanes: the company's funnel and the buyer's journey, stage by stage mapped to each
 * other, so that each side can be read against the other. */
static void
check_lanes (CycleChecker *self,
             GPtrArray    *findings)
{
  g_autoptr(GHashTable) mapped = g_hash_table_new (NULL, NULL);
  guint n_internal = 0, n_journey = 0;

  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);

      if (state->next.lane == CYCLE_LANE_INTERNAL)
        n_internal++;
      else
        n_journey++;
    }

  if (n_internal == 0)
    return;

  if (n_journey == 0)
    {
      add_finding (findings, CYCLE_FINDING_COVERAGE, CYCLE_SEVERITY_INFO, "lanes:journey",
                   g_strdup (_("The plan draws your funnel but not the buyer’s journey. Draw "
                               "what your buyers do (discover, compare, decide, use, "
                               "recommend) in the second lane, and map each step to the stage "
                               "that meets them there.")),
                   NULL);
      return;
    }

  for (guint i = 0; i < self->links->len; i++)
    {
      CycleLink *link = g_ptr_array_index (self->links, i);
      CycleStage *source = cycle_link_get_source (link);
      CycleStage *target = cycle_link_get_target (link);

      if (cycle_link_get_kind (link) != CYCLE_LINK_MAPPING ||
          cycle_stage_get_lane (source) == cycle_stage_get_lane (target))
        continue;
      g_hash_table_add (mapped, source);
      g_hash_table_add (mapped, target);
    }

  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);

      if (g_hash_table_contains (mapped, state->stage))
        continue;

      add_finding (findings, CYCLE_FINDING_COVERAGE, CYCLE_SEVERITY_INFO, "lanes:unmapped",
                   state->next.lane == CYCLE_LANE_INTERNAL
                   ? g_strdup_printf (_("“%s” is not mapped to a step of the buyer’s journey: "
                                        "what are your buyers doing while they are there?"),
                                      stage_name (state->stage))
                   : g_strdup_printf (_("“%s”, a step of the buyer’s journey, is not mapped "
                                        "to a stage of your funnel: which stage meets people "
                                        "there?"),
                                      stage_name (state->stage)),
                   &(CycleFindingSubjects) { .stage = state->stage });
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
               NULL);
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
                 NULL);

  check_cycle (self, findings);
  check_lanes (self, findings);
  check_drops (self, findings);
  check_consistency (self, findings);
  check_listening (self, findings);

  reuse_unchanged (old, findings);
  self->plan_findings = findings;
  g_clear_pointer (&old, g_ptr_array_unref);
  self->list_dirty = TRUE;
}
