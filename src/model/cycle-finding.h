/* cycle-finding.h: one thing a check found in a plan, and how to fix it
 *
 * A finding is an immutable value: when the plan changes, CycleChecker replaces it by a new one
 * (or keeps the same object when nothing about it changed). Its key stays the same as long as it
 * is about the same thing ("permission:c4"), so views can keep a selection across updates.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "cycle-enums.h"
#include "cycle-enums.h"
#include "cycle-types.h"

G_BEGIN_DECLS

/* "permission", "give-before-ask"…; "error", "warning", "info": the words of JSON output. */
const char  *cycle_finding_kind_to_nick   (CycleFindingKind kind);
const char  *cycle_severity_to_nick       (CycleSeverity    severity);
/* Translated, for people: "Permission ladder", "Warning"… */
const char  *cycle_finding_kind_get_label (CycleFindingKind kind);
const char  *cycle_severity_get_label     (CycleSeverity    severity);

#define CYCLE_TYPE_FINDING (cycle_finding_get_type ())

G_DECLARE_FINAL_TYPE (CycleFinding, cycle_finding, CYCLE, FINDING, GObject)

CycleFindingKind  cycle_finding_get_kind      (CycleFinding *self);
CycleSeverity     cycle_finding_get_severity  (CycleFinding *self);
/* Translated, plain language: what, where and why, naming stages and content in “quotes”. */
const char       *cycle_finding_get_message   (CycleFinding *self);
/* Stable while the finding is about the same thing: a check's name, then the ids of what it is
 * about: "permission:c4", "why:sales:c2", "give-before-ask:s6", "coverage:persona:s3:p1",
 * "cycle:loop:s7", "consistency:rate:l2", "why:plan"… */
const char       *cycle_finding_get_key       (CycleFinding *self);
/* What the finding is about; each may be NULL. The stage is where a view shows it. */
CycleStage       *cycle_finding_get_stage     (CycleFinding *self);
CycleContent     *cycle_finding_get_content   (CycleFinding *self);
CyclePersona     *cycle_finding_get_persona   (CycleFinding *self);
CycleLink        *cycle_finding_get_link      (CycleFinding *self);

/* The one-click fix, when there is one. The label says what it does: "Move to “Leads”". */
gboolean          cycle_finding_can_fix       (CycleFinding *self);
const char       *cycle_finding_get_fix_label (CycleFinding *self);
/* Applies the fix through the model's operations, as one undo step named by the fix label.
 * Returns FALSE (and changes nothing) when there is no fix or the plan has changed so that the
 * fix no longer applies (the content moved, the target stage was removed…). */
gboolean          cycle_finding_apply_fix     (CycleFinding *self);

/* Same key, kind, severity, message, subjects and fix. */
gboolean          cycle_finding_equal         (CycleFinding *a,
                                               CycleFinding *b);

/* What a finding is about; each may be NULL. */
typedef struct
{
  CycleStage   *stage;
  CycleContent *content;
  CyclePersona *persona;
  CycleLink    *link;
} CycleFindingSubjects;

/* For CycleChecker, which makes the findings. @subjects may be NULL: about the whole plan.
 * The finding takes @message (and, below, @label). */
CycleFinding     *_cycle_finding_new          (CycleFindingKind            kind,
                                               CycleSeverity               severity,
                                               const char                 *key,
                                               char                       *message,
                                               const CycleFindingSubjects *subjects);
/* The fix: move the content to @target. The finding takes @label. */
void              _cycle_finding_set_fix_move (CycleFinding     *self,
                                               CycleStage       *target,
                                               char             *label);
/* The fix: set the content's commitment. */
void              _cycle_finding_set_fix_commitment (CycleFinding *self,
                                               CycleCommitment   commitment,
                                               char             *label);
/* The fix: add a link from @source to @target. */
void              _cycle_finding_set_fix_direction (CycleFinding *self,
                                               CycleDirection    direction,
                                               char             *label);
void              _cycle_finding_set_fix_link (CycleFinding     *self,
                                               CycleStage       *source,
                                               CycleStage       *target,
                                               CycleLinkKind     kind,
                                               char             *label);

G_END_DECLS
