/* cycle-checker.h: checks a plan against the ideas of the engagement cycle, as the plan changes
 *
 * A CycleChecker follows one plan and keeps its findings (CycleFinding) in a GListModel that
 * emits items-changed as the plan changes. It re-checks only what an edit can affect: the
 * stage(s) whose content or fields changed, the stages whose place in the funnel changed, and
 * the plan-wide checks (which look at stages and links only, so they are cheap).
 *
 * The order of the list: findings about the plan as a whole first, then, stage after stage in
 * plan order, the findings about each stage and its content.
 *
 * THE RULES (help/C/checks.page says them to users, in the seed articles' words)
 *
 * Words used below:
 * - The funnel is the internal lane; its order is the order of its next steps, from the stages
 *   no next step enters, whatever the order of the list. Its first two stages are the top, unless
 *   their role says people buy there.
 * - A stage's role (CycleRole) says what it is in the cycle. The purchase is the first stage of
 *   the funnel whose role is "convert"; the stages after the purchase follow it in the funnel or
 *   have the role "retain" or "advocate"; before the purchase are "attract" and "engage" stages
 *   and funnel stages before the purchase. Nothing is guessed: with no "convert" stage, one note.
 * - Where people arrive: a stage whose role is "attract" (or, with no role, the first stage of
 *   the funnel).
 * - A call to action asks for money when its commitment is "payment" or "stored-card".
 * - A step of the buyer's journey mapped to funnel stages has earned the lowest permission of
 *   them; any other stage, its own.
 *
 * Permission ladder (kind "permission"), for each piece of content: the permission its
 * commitment needs there (cycle_commitment_required_permission_at(): money needs less at and
 * after the purchase) may be one rung above what the stage has earned (that is how the next rung
 * is earned: a guide in exchange for an e-mail address), not more; not even one rung for money
 * at or after the purchase, nor for anything personal (brand trust or more) where people arrive.
 * Over by two rungs: warning; three or more: error. The fix moves the content to the first
 * later stage of the same lane (in its next steps' order) where the ask is allowed, or else
 * lowers the ask to the highest commitment the stage allows. A referral before the purchase is a
 * warning ("referral"), whatever was earned. Implicit consent for an e-mail address or a card to
 * keep is a warning ("consent"). Along a next step between stages of one lane, a stage that has
 * earned less than the one before it is a warning ("permission-drop").
 *
 * Give before you ask (kind "give-before-ask"): content gives or asks as its commitment does
 * (cycle_commitment_get_direction()) unless the user said otherwise. A stage with content that
 * asks and none that gives: warning — except at the purchase, where asking only for the money is
 * the point. Said to give while asking for a call, money, a card or a referral: warning; said to
 * ask while asking for no more than a follow: note ("direction"; the fix follows the call to
 * action again). cycle_checker_get_balance() gives the counts of every stage.
 *
 * The cycle (kind "cycle"), warnings:
 * - no stage after the purchase (the plan stops at the customer);
 * - a stage after the purchase with no content (instead of the coverage finding below);
 * - no loop link from a stage after the purchase back to an earlier stage of the funnel. The fix
 *   adds a loop from the last stage of the funnel to its first.
 *
 * Coverage (kind "coverage"):
 * - a stage with no content: warning in the funnel, note in the buyer's journey (none for a
 *   journey step mapped to the funnel: its funnel stage's content meets people there);
 * - when the plan has personas, each persona a stage with content has nothing for: a note for
 *   each, or, when a stage misses more than CYCLE_CHECKER_MAX_PERSONA_NOTES personas, one note
 *   that names them all (so a new persona does not bury the list under notes);
 * - the two lanes ("lanes:…"): a funnel with no buyer's journey, one note; with both lanes, a
 *   note for each stage that no mapping connects to the other lane;
 * - no content that listens (a survey, feedback, questions, a community): one note.
 *
 * The why (kind "why"):
 * - the plan does not state its why: warning;
 * - a stage does not state its why: note;
 * - content at the top of the funnel that talks about what you sell: note. The user's "pitch"
 *   mark wins; otherwise it does when it asks for money or when its title or call to action
 *   reads like sales talk in the plan's language (cycle-sales-talk.h).
 * - content reaching people through an intrusive channel at the top or at a stage that has
 *   earned at most situational permission: warning ("intrusive", kind "permission").
 *
 * Consistency (kind "consistency"):
 * - the funnel's first and last stages are not connected through next-step links:
 *   warning on the first funnel stage that cannot be reached; the fix connects the stage
 *   before it to it;
 * - a next-step link on the projected path (see cycle-projection.h) with no rate, whose source
 *   has no conversion rate either: warning;
 * - a stage whose next-step rates add up to more than 100 %: warning;
 * - a loop link on the path with no referral rate: note (projections over several cycles need
 *   it).
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "cycle-finding.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

#define CYCLE_CHECKER_MAX_PERSONA_NOTES 3

/* The rows of a coverage matrix. */
typedef enum {
  CYCLE_COVERAGE_PERSONA,
  CYCLE_COVERAGE_CHANNEL,
} CycleCoverageAxis;

#define CYCLE_TYPE_COVERAGE (cycle_coverage_get_type ())

/* A snapshot: the number of pieces of content for each row (persona or channel) and stage. */
typedef struct _CycleCoverage CycleCoverage;

GType          cycle_coverage_get_type          (void) G_GNUC_CONST;
CycleCoverage *cycle_coverage_ref               (CycleCoverage *self);
void           cycle_coverage_unref             (CycleCoverage *self);
CycleCoverageAxis cycle_coverage_get_axis       (CycleCoverage *self);
/* Columns: every stage of the plan, in plan order. */
guint          cycle_coverage_get_n_columns     (CycleCoverage *self);
CycleStage    *cycle_coverage_get_stage         (CycleCoverage *self,
                                                 guint          column);
/* Rows: the plan's personas in order, or the channels in alphabetical order; then one row for
 * content with no persona (no channel), only when there is such content. */
guint          cycle_coverage_get_n_rows        (CycleCoverage *self);
/* The persona's name, the channel, or "No persona" / "No channel" (translated). */
const char    *cycle_coverage_get_row_label     (CycleCoverage *self,
                                                 guint          row);
/* The row's persona; NULL for the channel axis and for the row of content with no persona. */
CyclePersona  *cycle_coverage_get_row_persona   (CycleCoverage *self,
                                                 guint          row);
/* The row's channel as the content says it; NULL for the persona axis and the "none" row. */
const char    *cycle_coverage_get_row_channel   (CycleCoverage *self,
                                                 guint          row);
guint          cycle_coverage_get_count         (CycleCoverage *self,
                                                 guint          row,
                                                 guint          column);
/* An empty cell: no content for this row at this stage. */
gboolean       cycle_coverage_is_empty          (CycleCoverage *self,
                                                 guint          row,
                                                 guint          column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CycleCoverage, cycle_coverage_unref)

#define CYCLE_TYPE_CHECKER (cycle_checker_get_type ())

/* Also a GListModel of CycleFinding: the same list as cycle_checker_get_findings(). */
G_DECLARE_FINAL_TYPE (CycleChecker, cycle_checker, CYCLE, CHECKER, GObject)

/* Checks the whole plan at once, then follows its changes. */
CycleChecker  *cycle_checker_new                (CyclePlan     *plan);
CyclePlan     *cycle_checker_get_plan           (CycleChecker  *self);

/* The findings, a GListModel of CycleFinding. */
GListModel    *cycle_checker_get_findings       (CycleChecker  *self);
/* How many findings of @severity the plan has ("n-errors", "n-warnings", "n-infos" notify). */
/* The finding with @key (cycle_finding_get_key ()) among the current ones, or NULL; borrowed. */
CycleFinding  *cycle_checker_lookup             (CycleChecker  *self,
                                                 const char    *key);
guint          cycle_checker_count              (CycleChecker  *self,
                                                 CycleSeverity  severity);
/* Errors and warnings about @stage or its content: the canvas badge. The
 * "stage-findings-changed" signal says when it, the stage's findings or its balance change. */
guint          cycle_checker_count_for_stage    (CycleChecker  *self,
                                                 CycleStage    *stage);
/* How many pieces of content of @stage give and how many ask. */
void           cycle_checker_get_balance        (CycleChecker  *self,
                                                 CycleStage    *stage,
                                                 guint         *gives,
                                                 guint         *asks);
/* The stage of the purchase (see the rules above), or NULL when no stage's role says it. */
CycleStage    *cycle_checker_get_purchase_stage (CycleChecker  *self);
/* TRUE for an internal stage after the purchase: members, evangelists… */
gboolean       cycle_checker_is_after_purchase  (CycleChecker  *self,
                                                 CycleStage    *stage);
/* A new snapshot; "coverage-changed" says when to take another. */
CycleCoverage *cycle_checker_get_coverage       (CycleChecker  *self,
                                                 CycleCoverageAxis axis);

G_END_DECLS
