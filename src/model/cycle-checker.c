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

#include "cycle-channel.h"
#include "cycle-checker.h"
#include "cycle-projection.h"

#define N_PERMISSIONS   (CYCLE_PERMISSION_INTRAVENOUS + 1)
#define N_SEVERITIES    (CYCLE_SEVERITY_ERROR + 1)
#define TOP_STAGES      2

/* What a stage's checks need to know about the rest of the plan. */
typedef struct
{
  int         lane;
  gboolean    top;
  gboolean    after_purchase;
  /* For each permission a call to action may need: the first later stage of the same lane
   * where asking for it is allowed. Only compared, never followed, once stale. */
  CycleStage *move_target[N_PERMISSIONS];
  /* The stage's place in the internal lane (or -1) and in the plan; not compared. */
  int         internal_index;
  guint       plan_index;
} StageContext;

typedef struct
{
  CycleChecker *checker;
  CycleStage   *stage;
  GPtrArray    *content;          /* the stage's content, mirrored (refs) */
  GPtrArray    *findings;         /* the stage scope's findings (refs) */
  StageContext  ctx;              /* what the last check used */
  StageContext  next;             /* what the plan says now */
  guint        *persona_counts;   /* per persona, then "no persona", as of the last check */
  guint         n_persona_counts;
  guint         gives;
  guint         asks;
  guint         money;
  guint         perm_mask;        /* bit n: some content over-asks for permission n */
  guint         listens;          /* content that asks people and hears them (seed 003) */
  guint         n_checked;        /* how much content the last check saw */
  /* What the list showed last time: where the stage's findings were, and what they said. */
  guint         shown_start;
  guint         shown_len;
  guint         shown_count;
  guint         shown_gives;
  guint         shown_asks;
  guint         dirty : 1;
  guint         persona_findings : 1;
} StageState;

struct _CycleChecker
{
  GObject      parent_instance;

  CyclePlan   *plan;
  GPtrArray   *states;            /* StageState, in plan order */
  GHashTable  *state_of;          /* CycleStage → StageState */
  GPtrArray   *links;             /* mirrored (refs) */
  GPtrArray   *personas;          /* mirrored (refs) */
  GHashTable  *persona_index;     /* CyclePersona → index + 1 */
  GPtrArray   *plan_findings;
  GPtrArray   *items;             /* the list */
  GPtrArray   *dirty;             /* StageState to check again */
  CycleStage  *purchase;          /* borrowed */
  guint        counts[N_SEVERITIES];

  guint        structure_dirty : 1;
  guint        plan_dirty : 1;
  guint        list_dirty : 1;
  guint        coverage_dirty : 1;
  guint        updating : 1;
};

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

static const char *
persona_name (CyclePersona *persona)
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
                                           stage_name (state->stage), persona_name (persona));

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
                                persona_name (g_ptr_array_index (missing, i)));
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

static void
check_stage (CycleChecker *self,
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

static void
mark_dirty (CycleChecker *self,
            StageState   *state)
{
  if (state->dirty)
    return;
  state->dirty = TRUE;
  g_ptr_array_add (self->dirty, state);
}

static void
compute_contexts (CycleChecker *self)
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
        mark_dirty (self, state);
    }
}

/* The plan scope */

static StageState *
state_for (CycleChecker *self,
           CycleStage   *stage)
{
  return stage != NULL ? g_hash_table_lookup (self->state_of, stage) : NULL;
}

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
      StageState *source = state_for (self, cycle_link_get_source (link));
      StageState *target = state_for (self, cycle_link_get_target (link));

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
      StageState *state = state_for (self, stage);

      add_finding (findings, CYCLE_FINDING_CONSISTENCY, CYCLE_SEVERITY_WARNING,
                   "consistency:rate-sum",
                   cycle_projection_describe_rate_sum (
                     stage, cycle_projection_get_next_rate (projection, state->next.plan_index)),
                   stage, NULL, NULL, NULL);
    }

  for (guint i = 0; i < self->links->len; i++)
    {
      CycleLink *link = g_ptr_array_index (self->links, i);
      StageState *source = state_for (self, cycle_link_get_source (link));
      StageState *target = state_for (self, cycle_link_get_target (link));

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

static void
check_plan (CycleChecker *self)
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

      if (state_for (self, stage) == NULL)
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
            compute_contexts (self);

          while (self->dirty->len > 0)
            {
              StageState *state = g_ptr_array_steal_index_fast (self->dirty, self->dirty->len - 1);
              gboolean had_listens = state->listens > 0;

              state->dirty = FALSE;
              check_stage (self, state);
              /* The plan's note about content that listens counts every stage's. */
              if ((state->listens > 0) != had_listens || state->content->len != state->n_checked)
                self->plan_dirty = TRUE;
              state->n_checked = state->content->len;
            }
        }

      if (self->plan_dirty)
        check_plan (self);

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
      is_pspec (pspec, "pitch") || is_pspec (pspec, "format"))
    mark_dirty (self, state);
  else if (is_pspec (pspec, "channel"))
    {
      /* Its nature (intrusive or not) and whether it listens, besides the coverage. */
      mark_dirty (self, state);
      self->coverage_dirty = TRUE;
    }
  else
    return;

  update (self);
}

static void
on_content_items_changed_cb (GListModel *model,
                             guint       position,
                             guint       removed,
                             guint       added,
                             StageState *state)
{
  CycleChecker *self = state->checker;

  for (guint i = 0; i < removed; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (state->content, position + i),
                                          on_content_notify_cb, state);
  g_ptr_array_remove_range (state->content, position, removed);

  for (guint i = 0; i < added; i++)
    {
      CycleContent *content = g_list_model_get_item (model, position + i);

      g_signal_connect (content, "notify", G_CALLBACK (on_content_notify_cb), state);
      g_ptr_array_insert (state->content, position + i, content);
    }

  mark_dirty (self, state);
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
      mark_dirty (self, state);
      self->plan_dirty = TRUE;
      /* Findings of other stages that offer to move content here name it. */
      for (guint i = 0; i < self->states->len; i++)
        {
          StageState *other = g_ptr_array_index (self->states, i);

          for (guint p = 0; p < N_PERMISSIONS; p++)
            if ((other->perm_mask & (1u << p)) != 0 && other->ctx.move_target[p] == stage)
              mark_dirty (self, other);
        }
    }
  else if (is_pspec (pspec, "why"))
    {
      mark_dirty (self, state);
    }
  else if (is_pspec (pspec, "permission") || is_pspec (pspec, "lane") ||
           is_pspec (pspec, "role"))
    {
      mark_dirty (self, state);
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
      mark_dirty (self, state);
    }

  self->structure_dirty = TRUE;
  self->list_dirty = TRUE;
  update (self);
}

static void
on_link_notify_cb (CycleChecker *self,
                   GParamSpec   *pspec,
                   CycleLink    *link)
{
  self->plan_dirty = TRUE;
  update (self);
}

static void
on_links_items_changed_cb (CycleChecker *self,
                           guint         position,
                           guint         removed,
                           guint         added,
                           GListModel   *model)
{
  for (guint i = 0; i < removed; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->links, position + i),
                                          on_link_notify_cb, self);
  g_ptr_array_remove_range (self->links, position, removed);

  for (guint i = 0; i < added; i++)
    {
      CycleLink *link = g_list_model_get_item (model, position + i);

      g_signal_connect_swapped (link, "notify", G_CALLBACK (on_link_notify_cb), self);
      g_ptr_array_insert (self->links, position + i, link);
    }

  self->plan_dirty = TRUE;
  update (self);
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
        mark_dirty (self, state);
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
  for (guint i = 0; i < removed; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->personas, position + i),
                                          on_persona_notify_cb, self);
  g_ptr_array_remove_range (self->personas, position, removed);

  for (guint i = 0; i < added; i++)
    {
      CyclePersona *persona = g_list_model_get_item (model, position + i);

      g_signal_connect_swapped (persona, "notify::name", G_CALLBACK (on_persona_notify_cb),
                                self);
      g_ptr_array_insert (self->personas, position + i, persona);
    }

  g_hash_table_remove_all (self->persona_index);
  for (guint i = 0; i < self->personas->len; i++)
    g_hash_table_insert (self->persona_index, g_ptr_array_index (self->personas, i),
                         GUINT_TO_POINTER (i + 1));

  /* Every stage counts content per persona. */
  for (guint i = 0; i < self->states->len; i++)
    mark_dirty (self, g_ptr_array_index (self->states, i));
  self->coverage_dirty = TRUE;
  update (self);
}

static void
on_plan_why_cb (CycleChecker *self)
{
  self->plan_dirty = TRUE;
  update (self);
}

/* Sales talk is judged in the plan's language: every stage's content again. */
static void
on_plan_language_cb (CycleChecker *self)
{
  for (guint i = 0; i < self->states->len; i++)
    mark_dirty (self, g_ptr_array_index (self->states, i));
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

  state = state_for (self, stage);
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

  state = state_for (self, stage);
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

  state = state_for (self, stage);
  return state != NULL && state->next.after_purchase;
}

/* Coverage */

struct _CycleCoverage
{
  gatomicrefcount    ref_count;
  CycleCoverageAxis  axis;
  guint              n_rows;
  guint              n_columns;
  CycleStage       **stages;
  char             **labels;
  CyclePersona     **personas;
  char             **channels;
  guint             *counts;    /* row × n_columns + column */
};

G_DEFINE_BOXED_TYPE (CycleCoverage, cycle_coverage, cycle_coverage_ref, cycle_coverage_unref)

CycleCoverage *
cycle_coverage_ref (CycleCoverage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cycle_coverage_unref (CycleCoverage *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->n_columns; i++)
    g_object_unref (self->stages[i]);
  for (guint i = 0; i < self->n_rows; i++)
    {
      g_free (self->labels[i]);
      g_free (self->channels[i]);
      g_clear_object (&self->personas[i]);
    }
  g_free (self->stages);
  g_free (self->labels);
  g_free (self->personas);
  g_free (self->channels);
  g_free (self->counts);
  g_free (self);
}

static CycleCoverage *
coverage_new (CycleCoverageAxis axis,
              guint             n_rows,
              GPtrArray        *states)
{
  CycleCoverage *self = g_new0 (CycleCoverage, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->axis = axis;
  self->n_rows = n_rows;
  self->n_columns = states->len;
  self->stages = g_new0 (CycleStage *, self->n_columns);
  self->labels = g_new0 (char *, n_rows);
  self->personas = g_new0 (CyclePersona *, n_rows);
  self->channels = g_new0 (char *, n_rows);
  self->counts = g_new0 (guint, (gsize)n_rows * self->n_columns);

  for (guint i = 0; i < states->len; i++)
    self->stages[i] = g_object_ref (((StageState *)g_ptr_array_index (states, i))->stage);

  return self;
}

static int
compare_channels (gconstpointer a,
                  gconstpointer b)
{
  return g_utf8_collate (*(const char * const *)a, *(const char * const *)b);
}

CycleCoverage *
cycle_checker_get_coverage (CycleChecker      *self,
                            CycleCoverageAxis  axis)
{
  CycleCoverage *coverage;
  guint n_personas;

  g_return_val_if_fail (CYCLE_IS_CHECKER (self), NULL);

  n_personas = self->personas->len;

  if (axis == CYCLE_COVERAGE_PERSONA)
    {
      gboolean none = FALSE;

      for (guint i = 0; i < self->states->len && !none; i++)
        {
          StageState *state = g_ptr_array_index (self->states, i);
          none = state->n_persona_counts == n_personas + 1 &&
                 state->persona_counts[n_personas] > 0;
        }

      coverage = coverage_new (axis, n_personas + (none ? 1 : 0), self->states);
      for (guint r = 0; r < coverage->n_rows; r++)
        {
          if (r < n_personas)
            {
              coverage->personas[r] = g_object_ref (g_ptr_array_index (self->personas, r));
              coverage->labels[r] = g_strdup (persona_name (coverage->personas[r]));
            }
          else
            {
              coverage->labels[r] = g_strdup (_("No persona"));
            }
          for (guint c = 0; c < coverage->n_columns; c++)
            {
              StageState *state = g_ptr_array_index (self->states, c);

              if (state->n_persona_counts == n_personas + 1)
                coverage->counts[r * coverage->n_columns + c] = state->persona_counts[r];
            }
        }
    }
  else
    {
      g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) channels = g_ptr_array_new ();
      guint none;

      for (guint i = 0; i < self->states->len; i++)
        {
          StageState *state = g_ptr_array_index (self->states, i);

          for (guint j = 0; j < state->content->len; j++)
            {
              const char *channel = cycle_content_get_channel (g_ptr_array_index (state->content,
                                                                                  j));

              if (channel[0] != '\0' && !g_hash_table_contains (rows, channel))
                {
                  g_hash_table_add (rows, (gpointer)channel);
                  g_ptr_array_add (channels, (gpointer)channel);
                }
            }
        }
      g_ptr_array_sort (channels, compare_channels);
      g_hash_table_remove_all (rows);
      for (guint r = 0; r < channels->len; r++)
        g_hash_table_insert (rows, g_ptr_array_index (channels, r), GUINT_TO_POINTER (r + 1));

      /* The "no channel" row, which is dropped when it stays empty. */
      none = channels->len;
      coverage = coverage_new (axis, channels->len + 1, self->states);
      for (guint c = 0; c < coverage->n_columns; c++)
        {
          StageState *state = g_ptr_array_index (self->states, c);

          for (guint j = 0; j < state->content->len; j++)
            {
              const char *channel = cycle_content_get_channel (g_ptr_array_index (state->content,
                                                                                  j));
              guint r = GPOINTER_TO_UINT (g_hash_table_lookup (rows, channel));

              coverage->counts[(r > 0 ? r - 1 : none) * coverage->n_columns + c]++;
            }
        }
      for (guint r = 0; r < channels->len; r++)
        {
          coverage->channels[r] = g_strdup (g_ptr_array_index (channels, r));
          /* Cycle's own channel words in the interface's language, the team's as typed. */
          coverage->labels[r] = g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "content channel",
                                                        g_ptr_array_index (channels, r)));
        }
      coverage->labels[none] = g_strdup (_("No channel"));

      {
        gboolean used = FALSE;

        for (guint c = 0; c < coverage->n_columns && !used; c++)
          used = coverage->counts[none * coverage->n_columns + c] > 0;
        if (!used)
          {
            g_clear_pointer (&coverage->labels[none], g_free);
            coverage->n_rows--;
          }
      }
    }

  return coverage;
}

CycleCoverageAxis
cycle_coverage_get_axis (CycleCoverage *self)
{
  g_return_val_if_fail (self != NULL, CYCLE_COVERAGE_PERSONA);
  return self->axis;
}

guint
cycle_coverage_get_n_columns (CycleCoverage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

CycleStage *
cycle_coverage_get_stage (CycleCoverage *self,
                          guint          column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->stages[column];
}

guint
cycle_coverage_get_n_rows (CycleCoverage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_rows;
}

const char *
cycle_coverage_get_row_label (CycleCoverage *self,
                              guint          row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  return self->labels[row];
}

CyclePersona *
cycle_coverage_get_row_persona (CycleCoverage *self,
                                guint          row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  return self->personas[row];
}

const char *
cycle_coverage_get_row_channel (CycleCoverage *self,
                                guint          row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  return self->channels[row];
}

guint
cycle_coverage_get_count (CycleCoverage *self,
                          guint          row,
                          guint          column)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->n_rows, 0);
  g_return_val_if_fail (column < self->n_columns, 0);
  return self->counts[row * self->n_columns + column];
}

gboolean
cycle_coverage_is_empty (CycleCoverage *self,
                         guint          row,
                         guint          column)
{
  return cycle_coverage_get_count (self, row, column) == 0;
}
