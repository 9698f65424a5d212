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

#include "cycle-campaign.h"
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
  return state->ctx.top || state->ctx.earned <= CYCLE_PERMISSION_SITUATIONAL;
}

/* How many rungs above what is earned an ask may reach: one (that is how the next rung is
 * earned: a guide for an e-mail address); none for money at the purchase and after it, where
 * what it needs is already lower (cycle_commitment_required_permission_at()); and none for
 * anything personal where people arrive. */
static int
allowance (const StageContext *ctx,
           CycleCommitment     commitment,
           CyclePermission     needed)
{
  if (asks_for_money (commitment) &&
      cycle_commitment_required_permission_at (commitment, ctx->role) !=
      cycle_commitment_required_permission (commitment))
    return 0;
  return ctx->arrival && needed >= CYCLE_PERMISSION_BRAND_TRUST ? 0 : 1;
}

/* Whether the ladder lets a stage whose context is @ctx ask for @commitment: what it costs there
 * (money costs less at the purchase and after it) is within allowance () of what the stage has
 * earned. */
static gboolean
on_the_ladder (const StageContext *ctx,
               CycleCommitment     commitment)
{
  CyclePermission needed = cycle_commitment_required_permission_at (commitment, ctx->role);

  return (int)needed <= (int)ctx->earned + allowance (ctx, commitment, needed);
}

/* Whether a stage whose context is @ctx may ask for @commitment: the ladder, and a referral
 * only once people have bought. */
static gboolean
allows (const StageContext *ctx,
        CycleCommitment     commitment)
{
  if (commitment == CYCLE_COMMITMENT_REFERRAL && ctx->before_purchase)
    return FALSE;
  return on_the_ladder (ctx, commitment);
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
    case CYCLE_COMMITMENT_SURVEY:
      return _("answers to a survey");
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

/* The stage scope */

/* The ladder, the referral and consent: what one piece of content asks for, where it asks. */
static void
check_permission (CycleChecker *self,
                  StageState   *state,
                  CycleContent *content,
                  GPtrArray    *findings)
{
  const StageContext *ctx = &state->ctx;
  CyclePermission earned = ctx->earned;
  CycleCommitment commitment = cycle_content_get_commitment (content);
  CyclePermission needed = cycle_commitment_required_permission_at (commitment, ctx->role);
  CycleStage *target;
  CycleFinding *finding;
  char *message, *label;
  int gap = (int)needed - (int)earned;

  if (cycle_commitment_needs_consent (commitment))
    {
      CycleConsent consent = cycle_content_get_consent (content);

      if (consent == CYCLE_CONSENT_IMPLICIT)
        add_finding (findings, CYCLE_FINDING_PERMISSION, CYCLE_SEVERITY_WARNING, "consent",
                     g_strdup_printf (_("“%s” takes %s with implicit consent (a box ticked in "
                                        "advance, an address kept from an order). Ask for it "
                                        "explicitly: people who opted in expect what you "
                                        "send, and the GDPR expects an opt-in in most cases."),
                                      cycle_content_get_display_title (content),
                                      ask_phrase (commitment)),
                     &(CycleFindingSubjects) { .stage = state->stage, .content = content });
    }

  if (allows (ctx, commitment))
    return;

  state->ask_mask |= 1u << commitment;

  if (commitment == CYCLE_COMMITMENT_REFERRAL && ctx->before_purchase &&
      on_the_ladder (ctx, commitment))
    {
      message = g_strdup_printf (_("“%s” asks for a referral at “%s”, before the purchase. "
                                   "People recommend what they have tried and liked: ask "
                                   "customers, members and evangelists."),
                                 cycle_content_get_display_title (content),
                                 stage_name (state->stage));
      finding = add_finding (findings, CYCLE_FINDING_PERMISSION, CYCLE_SEVERITY_WARNING,
                             "referral", message,
                             &(CycleFindingSubjects) { .stage = state->stage, .content = content });
    }
  else
    {
      if (ctx->mapped != NULL)
        message = g_strdup_printf (_("“%s” asks for %s at “%s”, a step of the buyer’s journey "
                                     "where people are at “%s”, which has earned %s. Give "
                                     "first; ask at a later stage."),
                                   cycle_content_get_display_title (content),
                                   ask_phrase (commitment),
                                   stage_name (state->stage), stage_name (ctx->mapped),
                                   earned_phrase (earned));
      else if (ctx->arrival && !asks_for_money (commitment) &&
               needed >= CYCLE_PERMISSION_BRAND_TRUST)
        message = g_strdup_printf (_("“%s” asks for %s at “%s”, where people arrive, a stage "
                                     "that has earned %s. In the first seconds of a contact, "
                                     "most people give nothing personal. Give first; ask "
                                     "when they come back."),
                                   cycle_content_get_display_title (content),
                                   ask_phrase (commitment),
                                   stage_name (state->stage), earned_phrase (earned));
      else
        message = g_strdup_printf (_("“%s” asks for %s at “%s”, a stage that has earned %s. "
                                     "Give first; ask at a later stage."),
                                   cycle_content_get_display_title (content),
                                   ask_phrase (commitment),
                                   stage_name (state->stage), earned_phrase (earned));
      finding = add_finding (findings, CYCLE_FINDING_PERMISSION,
                             gap >= 3 ? CYCLE_SEVERITY_ERROR : CYCLE_SEVERITY_WARNING,
                             "permission", message,
                             &(CycleFindingSubjects) { .stage = state->stage, .content = content });
    }

  target = ctx->move_target[commitment];
  if (target != NULL)
    {
      /* TRANSLATORS: a one-click fix; %s is a stage */
      label = g_strdup_printf (_("Move to “%s”"), stage_name (target));
      _cycle_finding_set_fix_move (finding, target, label);
      return;
    }

  for (int lower = (int)commitment - 1; lower >= 0; lower--)
    {
      if (allows (ctx, lower))
        {
          const char *ask = cycle_enum_get_label (CYCLE_TYPE_COMMITMENT, lower);

          /* TRANSLATORS: a one-click fix; %s is a commitment, "Read or watch" */
          label = g_strdup_printf (_("Lower the ask to “%s”"), ask);
          _cycle_finding_set_fix_commitment (finding, lower, label);
          return;
        }
    }
}

/* Gives or asks is the user's word when they said it; a word the call to action contradicts is
 * worth a look (content "giving" that asks for a card to keep escaped every other check): giving
 * while asking for a call, money, a card or a referral is a warning; asking while asking for no
 * more than a follow, a note. */
static void
check_direction (StageState   *state,
                 CycleContent *content,
                 GPtrArray    *findings)
{
  CycleDirection choice = cycle_content_get_direction_choice (content);
  CycleCommitment commitment = cycle_content_get_commitment (content);
  CycleFinding *finding;

  if (choice == CYCLE_DIRECTION_AUTO || choice == cycle_commitment_get_direction (commitment))
    return;
  /* A guide for an e-mail address gives as much as it asks: the user's word stands. Giving
   * while asking for a call, money, a card or a referral does not. */
  if (choice == CYCLE_DIRECTION_GIVES &&
      cycle_commitment_required_permission (commitment) < CYCLE_PERMISSION_PERSONAL)
    return;

  if (choice == CYCLE_DIRECTION_GIVES)
    finding = add_finding (findings, CYCLE_FINDING_GIVE_BEFORE_ASK, CYCLE_SEVERITY_WARNING,
                           "direction",
                           g_strdup_printf (_("“%s” is counted as giving, but its call to "
                                              "action asks for %s: it asks."),
                                            cycle_content_get_display_title (content),
                                            ask_phrase (commitment)),
                           &(CycleFindingSubjects) { .stage = state->stage, .content = content });
  else
    finding = add_finding (findings, CYCLE_FINDING_GIVE_BEFORE_ASK, CYCLE_SEVERITY_INFO,
                           "direction",
                           g_strdup_printf (_("“%s” is counted as asking, but its call to "
                                              "action asks for no more than %s: it gives."),
                                            cycle_content_get_display_title (content),
                                            ask_phrase (commitment)),
                           &(CycleFindingSubjects) { .stage = state->stage, .content = content });

  /* TRANSLATORS: a one-click fix: gives or asks follows the call to action again */
  _cycle_finding_set_fix_direction (finding, CYCLE_DIRECTION_AUTO,
                                    g_strdup (_("Follow the call to action")));
}

static void
check_window (StageState   *state,
              CycleContent *content,
              GPtrArray    *findings)
{
  CycleStageWindow window = { state->stage, };

  g_date_clear (&window.first, 2);
  g_date_set_julian (&window.first, state->ctx.window_first);
  g_date_set_julian (&window.last, state->ctx.window_last);
  if (cycle_campaign_is_outside (&window, content))
    add_finding (findings, CYCLE_FINDING_CONSISTENCY, CYCLE_SEVERITY_INFO, "campaign:window",
                 cycle_campaign_describe_outside (&window, content),
                 &(CycleFindingSubjects) { .stage = state->stage, .content = content });
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
                                           stage_name (state->stage),
                                           _cycle_checker_persona_name (persona));

          add_finding (findings, CYCLE_FINDING_COVERAGE, CYCLE_SEVERITY_INFO, "coverage:persona",
                       message,
                       &(CycleFindingSubjects) { .stage = state->stage, .persona = persona });
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
                   message, &(CycleFindingSubjects) { .stage = state->stage });
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
  state->ask_mask = 0;
  state->money_asks = 0;
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
        {
          state->money++;
          if (cycle_content_get_direction (content) == CYCLE_DIRECTION_ASKS)
            state->money_asks++;
        }
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
                     &(CycleFindingSubjects) { .stage = stage });
      /* A step of the buyer's journey mapped to the funnel is met by its funnel stage's
       * content; that stage's own check says when it has none. */
      else if (state->ctx.mapped == NULL)
        add_finding (findings, CYCLE_FINDING_COVERAGE,
                     state->ctx.lane == CYCLE_LANE_INTERNAL ? CYCLE_SEVERITY_WARNING
                                                            : CYCLE_SEVERITY_INFO,
                     "coverage:empty",
                     g_strdup_printf (_("“%s” has no content: nothing meets people at this "
                                        "stage."),
                                      stage_name (stage)),
                     &(CycleFindingSubjects) { .stage = stage });
    }

  if (cycle_stage_get_why (stage)[0] == '\0')
    add_finding (findings, CYCLE_FINDING_WHY, CYCLE_SEVERITY_INFO, "why:stage",
                 g_strdup_printf (_("“%s” does not say why: what moves people on from this "
                                    "stage?"),
                                  stage_name (stage)),
                 &(CycleFindingSubjects) { .stage = stage });

  /* At the purchase, asking for the money is the point: only other asks need a gift. */
  if (state->asks > (state->ctx.role == CYCLE_ROLE_CONVERT ? state->money_asks : 0) &&
      state->gives == 0)
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
                 &(CycleFindingSubjects) { .stage = stage });

  for (guint i = 0; i < n; i++)
    {
      CycleContent *content = g_ptr_array_index (state->content, i);

      check_permission (self, state, content, findings);
      check_direction (state, content, findings);

      if (is_early (state) &&
          cycle_channel_get_nature (cycle_content_get_channel (content)) ==
          CYCLE_CHANNEL_INTRUSIVE)
        add_finding (findings, CYCLE_FINDING_PERMISSION, CYCLE_SEVERITY_WARNING, "intrusive",
                     g_strdup_printf (_("“%s” reaches people at “%s” through “%s”, a channel "
                                        "they did not choose. Gather people, don’t hunt "
                                        "them: early on, be found where they look — search, "
                                        "a blog, a community, events."),
                                      cycle_content_get_display_title (content), stage_name (stage),
                                      g_dpgettext2 (GETTEXT_PACKAGE, "content channel",
                                                    cycle_content_get_channel (content))),
                     &(CycleFindingSubjects) { .stage = stage, .content = content });

      /* A launch campaign: content dated outside the stage's window misses its people */
      if (state->ctx.window_first != 0)
        check_window (state, content, findings);

      /* A note, never an alarm: words are only a guess, and the user's mark wins. */
      if (state->ctx.top && talks_about_sales (self, content))
        add_finding (findings, CYCLE_FINDING_WHY, CYCLE_SEVERITY_INFO, "why:sales",
                     g_strdup_printf (_("“%s” at “%s” reads like a pitch; lead with a point "
                                        "of view. At the top of the funnel, people look for "
                                        "answers, not offers. If it is not a pitch, say so in "
                                        "the content’s details."),
                                      cycle_content_get_display_title (content),
                                      stage_name (stage)),
                     &(CycleFindingSubjects) { .stage = stage, .content = content });
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
               guint               ask_mask)
{
  if (a->lane != b->lane || a->role != b->role || a->top != b->top ||
      a->after_purchase != b->after_purchase || a->before_purchase != b->before_purchase ||
      a->arrival != b->arrival || a->earned != b->earned || a->mapped != b->mapped ||
      a->window_first != b->window_first || a->window_last != b->window_last)
    return FALSE;

  for (guint c = 0; c < N_COMMITMENTS; c++)
    if ((ask_mask & (1u << c)) != 0 && a->move_target[c] != b->move_target[c])
      return FALSE;

  return TRUE;
}

/* A step of the buyer's journey is judged by the permission of the funnel stages it is mapped
 * to: the lowest of them, since the people there may be at any of them. */
static void
map_journey (CycleChecker *self)
{
  for (guint i = 0; i < self->links->len; i++)
    {
      CycleLink *link = g_ptr_array_index (self->links, i);
      StageState *a = _cycle_checker_state_for (self, cycle_link_get_source (link));
      StageState *b = _cycle_checker_state_for (self, cycle_link_get_target (link));
      StageState *journey, *funnel;
      CyclePermission permission;

      if (cycle_link_get_kind (link) != CYCLE_LINK_MAPPING || a == NULL || b == NULL ||
          a->next.lane == b->next.lane)
        continue;

      journey = a->next.lane == CYCLE_LANE_JOURNEY ? a : b;
      funnel = journey == a ? b : a;
      permission = cycle_stage_get_permission (funnel->stage);
      if (journey->next.mapped == NULL || permission < journey->next.earned)
        {
          journey->next.mapped = funnel->stage;
          journey->next.earned = permission;
        }
    }
}

/* The order of a lane is the order of its next steps, not of the list: from the stages no next
 * step enters (in list order), breadth first along the next steps; stages no path reaches come
 * last, in list order. Sets each stage's next.flow_index, counted per lane. */
static void
order_lanes (CycleChecker *self)
{
  g_autoptr(GHashTable) targets = g_hash_table_new_full (NULL, NULL, NULL,
                                                         (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GHashTable) entered = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) queue = g_ptr_array_new ();
  int n[2] = { 0, 0 };

  for (guint i = 0; i < self->links->len; i++)
    {
      CycleLink *link = g_ptr_array_index (self->links, i);
      StageState *source = _cycle_checker_state_for (self, cycle_link_get_source (link));
      StageState *target = _cycle_checker_state_for (self, cycle_link_get_target (link));
      GPtrArray *list;

      if (cycle_link_get_kind (link) != CYCLE_LINK_NEXT || source == NULL || target == NULL ||
          source == target || source->next.lane != target->next.lane)
        continue;
      list = g_hash_table_lookup (targets, source);
      if (list == NULL)
        g_hash_table_insert (targets, source, list = g_ptr_array_new ());
      g_ptr_array_add (list, target);
      g_hash_table_add (entered, target);
    }

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->states->len; i++)
      {
        StageState *start = g_ptr_array_index (self->states, i);

        /* First pass: the entries; second: whatever no path from them reached. */
        int *counter = &n[start->next.lane == CYCLE_LANE_INTERNAL ? 0 : 1];

        if (start->next.flow_index >= 0 || (pass == 0 && g_hash_table_contains (entered, start)))
          continue;

        start->next.flow_index = (*counter)++;
        g_ptr_array_add (queue, start);
        for (guint q = queue->len - 1; q < queue->len; q++)
          {
            GPtrArray *list = g_hash_table_lookup (targets, g_ptr_array_index (queue, q));

            for (guint k = 0; list != NULL && k < list->len; k++)
              {
                StageState *target = g_ptr_array_index (list, k);

                if (target->next.flow_index >= 0)
                  continue;
                target->next.flow_index = (*counter)++;
                g_ptr_array_add (queue, target);
              }
          }
      }

}

static int
compare_flow (gconstpointer a,
              gconstpointer b)
{
  const StageContext *x = &(*(StageState * const *)a)->next;
  const StageContext *y = &(*(StageState * const *)b)->next;

  if (x->lane != y->lane)
    return x->lane - y->lane;
  return x->flow_index - y->flow_index;
}

void
_cycle_checker_compute_contexts (CycleChecker *self)
{
  CycleStage *later[2][N_COMMITMENTS] = { { NULL, }, };
  int purchase_index = -1;

  self->structure_dirty = FALSE;
  self->plan_dirty = TRUE;
  self->coverage_dirty = TRUE;
  self->purchase = NULL;

  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);
      StageContext *next = &state->next;

      memset (next, 0, sizeof *next);
      next->lane = cycle_stage_get_lane (state->stage);
      next->role = cycle_stage_get_role (state->stage);
      next->earned = cycle_stage_get_permission (state->stage);
      next->internal_index = -1;
      next->flow_index = -1;
      next->plan_index = i;
    }

  order_lanes (self);
  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);

      if (state->next.lane == CYCLE_LANE_INTERNAL)
        state->next.internal_index = state->next.flow_index;
    }

  /* The purchase is where the plan says it is: the first stage of the funnel whose role is
   * "convert". Never guessed (from where content asks for money, or from the length of the
   * funnel): when no stage says, check_cycle() asks. */
  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);

      if (state->next.lane == CYCLE_LANE_INTERNAL && state->next.role == CYCLE_ROLE_CONVERT &&
          (self->purchase == NULL || state->next.internal_index < purchase_index))
        {
          self->purchase = state->stage;
          purchase_index = state->next.internal_index;
        }
    }

  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);
      StageContext *next = &state->next;
      CycleRole role = next->role;
      gboolean buying = role == CYCLE_ROLE_CONVERT || role == CYCLE_ROLE_RETAIN ||
                        role == CYCLE_ROLE_ADVOCATE;

      next->before_purchase = role == CYCLE_ROLE_ATTRACT || role == CYCLE_ROLE_ENGAGE;
      next->arrival = role == CYCLE_ROLE_ATTRACT;
      if (next->lane == CYCLE_LANE_INTERNAL)
        {
          int index = next->internal_index;

          /* The top: the first steps of the funnel, unless the plan says people buy there. */
          next->top = index < TOP_STAGES && !buying;
          /* After the purchase in the funnel, or said to be: retaining and advocating. */
          next->after_purchase = (purchase_index >= 0 && index > purchase_index) ||
                                 role == CYCLE_ROLE_RETAIN || role == CYCLE_ROLE_ADVOCATE;
          if (role == CYCLE_ROLE_NONE)
            {
              next->before_purchase = purchase_index >= 0 && index < purchase_index;
              next->arrival = index == 0;
            }
        }
      /* Money costs less at the purchase and after it, as the role says or the funnel does. */
      if (next->role == CYCLE_ROLE_NONE && next->after_purchase)
        next->role = CYCLE_ROLE_RETAIN;
    }

  map_journey (self);

  /* A launch campaign's stage windows, along the projector's traversal of the flow */
  {
    g_autoptr(GArray) windows = cycle_campaign_compute_windows (self->plan);

    for (guint i = 0; i < windows->len; i++)
      {
        const CycleStageWindow *w = &g_array_index (windows, CycleStageWindow, i);
        StageState *state = _cycle_checker_state_for (self, w->stage);

        if (state == NULL)
          continue;
        state->next.window_first = g_date_get_julian (&w->first);
        state->next.window_last = g_date_get_julian (&w->last);
      }
  }

  /* From the end of each lane: the nearest later stage where each commitment may be asked. */
  {
    g_autoptr(GPtrArray) flow = g_ptr_array_copy (self->states, NULL, NULL);

    g_ptr_array_sort (flow, compare_flow);
    for (guint i = flow->len; i > 0; i--)
      {
        StageState *state = g_ptr_array_index (flow, i - 1);
        guint lane = state->next.lane == CYCLE_LANE_INTERNAL ? 0 : 1;

        memcpy (state->next.move_target, later[lane], sizeof later[lane]);
        for (guint c = 0; c < N_COMMITMENTS; c++)
          if (allows (&state->next, c))
            later[lane][c] = state->stage;
      }
  }

  for (guint i = 0; i < self->states->len; i++)
    {
      StageState *state = g_ptr_array_index (self->states, i);

      if (!context_equal (&state->ctx, &state->next, state->ask_mask))
        _cycle_checker_mark_dirty (self, state);
    }
}
