/* cycle-checker-private.h: what the checker's engine (cycle-checker.c), its rules
 * (cycle-checker-rules.c) and its coverage (cycle-coverage.c) share
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n-lib.h>

#include "cycle-checker.h"

G_BEGIN_DECLS

#define N_PERMISSIONS   (CYCLE_PERMISSION_INTRAVENOUS + 1)
#define N_COMMITMENTS   (CYCLE_COMMITMENT_REFERRAL + 1)
#define N_SEVERITIES    (CYCLE_SEVERITY_ERROR + 1)
#define TOP_STAGES      2

/* What a stage's checks need to know about the rest of the plan. */
typedef struct
{
  int              lane;
  CycleRole        role;
  gboolean         top;
  gboolean         after_purchase;
  /* Before the purchase: an attract or engage stage, or an internal stage before the one whose
   * role is "convert". Nobody recommends what they have not bought. */
  gboolean         before_purchase;
  /* Where people arrive (an attract stage, or the first internal stage when no role is said):
   * nothing personal may be asked beyond what is earned, not even one rung (seed 002). */
  gboolean         arrival;
  /* The permission the stage's content is judged by: its own, or for a step of the buyer's
   * journey mapped to funnel stages, the lowest of theirs (@mapped: that stage). */
  CyclePermission  earned;
  CycleStage      *mapped;
  /* For each commitment a call to action may ask for: the first later stage of the same lane
   * where asking for it is allowed. Only compared, never followed, once stale. */
  CycleStage      *move_target[N_COMMITMENTS];
  /* The stage's place in its lane, in the order of the next steps (not of the list), in the
   * internal lane (or -1), and in the plan; not compared. */
  int              flow_index;
  int              internal_index;
  guint            plan_index;
  /* A launch campaign's window for the stage (cycle-campaign.h), as Julian days; 0: none */
  guint32          window_first;
  guint32          window_last;
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
  guint         ask_mask;         /* bit n: some content asks for commitment n where it may not */
  guint         money_asks;       /* content that asks for money, and is counted as asking */
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

static inline StageState *
_cycle_checker_state_for (CycleChecker *self,
                          CycleStage   *stage)
{
  return stage != NULL ? g_hash_table_lookup (self->state_of, stage) : NULL;
}

/* What the rules of both scopes share (small enough to be inline) */

static inline const char *
stage_name (CycleStage *stage)
{
  const char *name = cycle_stage_get_name (stage);

  return name[0] != '\0' ? name : _("Unnamed stage");
}

static inline char *
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

/* @subjects may be NULL (about the whole plan); the key names the content, else the link, else
 * the stage and persona. */
static inline CycleFinding *
add_finding (GPtrArray                  *findings,
             CycleFindingKind            kind,
             CycleSeverity               severity,
             const char                 *key_prefix,
             char                       *message,
             const CycleFindingSubjects *subjects)
{
  const CycleFindingSubjects s = subjects != NULL ? *subjects : (CycleFindingSubjects) { NULL };
  g_autofree char *key = NULL;
  CycleFinding *finding;

  if (s.content != NULL)
    key = make_key (key_prefix, s.content, NULL);
  else if (s.link != NULL)
    key = make_key (key_prefix, s.link, NULL);
  else
    key = make_key (key_prefix, s.stage, s.persona);

  finding = _cycle_finding_new (kind, severity, key, message, &s);
  g_ptr_array_add (findings, finding);
  return finding;
}

/* Keeps the objects of findings that did not change, so that views keep their rows. */
static inline void
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

/* The engine (cycle-checker.c) */
void _cycle_checker_mark_dirty       (CycleChecker *self,
                                      StageState   *state);

/* The rules (cycle-checker-rules.c) */
const char *_cycle_checker_persona_name (CyclePersona *persona);
/* Computes every stage's next context from the plan's structure; marks the stages whose
 * context changed dirty. */
void _cycle_checker_compute_contexts (CycleChecker *self);
/* Checks one stage and its content: the stage scope's findings, counts and context. */
void _cycle_checker_check_stage      (CycleChecker *self,
                                      StageState   *state);
/* The plan-wide checks (cycle-checker-plan.c): the plan scope's findings. */
void _cycle_checker_check_plan       (CycleChecker *self);

G_END_DECLS
