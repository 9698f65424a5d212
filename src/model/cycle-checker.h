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
 * THE RULES
 *
 * Words used below:
 * - The internal lane is the stages of the internal funnel, in plan order; its first stage is
 *   the top. The top of the funnel is its first two stages.
 * - A call to action that asks for money is one whose commitment is "payment" or "stored-card".
 * - The purchase is the first stage of the internal lane whose content asks for money. The
 *   stages after the purchase are the internal stages after it. When no content asks for money,
 *   they are the last third of the internal lane (none when it has fewer than three stages).
 *
 * Permission ladder (kind "permission"), for each piece of content: a call to action may ask
 * for one rung more than its stage has earned (that is how the next rung is earned: a guide in
 * exchange for an e-mail address), not more. When the permission the commitment needs
 * (cycle_commitment_required_permission()) is two rungs above the stage's: warning; three or
 * more: error. The fix moves the content to the first later stage of the same lane where the
 * ask would be allowed; when there is none, it lowers the ask to the highest commitment the
 * stage allows.
 *
 * Give before you ask (kind "give-before-ask"): a stage with content that asks and no content
 * that gives: warning. cycle_checker_get_balance() gives the counts of every stage.
 *
 * The cycle (kind "cycle"), warnings:
 * - no stage after the purchase (the plan stops at the customer);
 * - a stage after the purchase with no content (instead of the coverage finding below);
 * - no loop link from a stage after the purchase back to an earlier internal stage. The fix adds
 *   a loop from the last internal stage to the top.
 *
 * Coverage (kind "coverage"):
 * - a stage with no content: warning in the internal lane, note in the buyer's journey;
 * - when the plan has personas, each persona a stage with content has nothing for: a note for
 *   each, or, when a stage misses more than CYCLE_CHECKER_MAX_PERSONA_NOTES personas, one note
 *   that names them all (so a new persona does not bury the list under notes).
 *
 * The why (kind "why"):
 * - the plan does not state its why: warning;
 * - a stage does not state its why: note;
 * - content at the top of the funnel that talks about what you sell: warning. It does when it
 *   asks for money, or when its title or call to action holds one of the sales words as a whole
 *   word, whatever the case: "buy", "price", "pricing", "discount", "order", "sale", "% off",
 *   "shop now", and the French "acheter", "achetez", "prix", "promo", "promotion", "commander",
 *   "commandez", "soldes" — plus the words the translation adds (plans are often written in
 *   another language than the application's).
 *
 * Consistency (kind "consistency"):
 * - the internal lane's first and last stages are not connected through next-step links:
 *   warning on the first internal stage that cannot be reached; the fix connects the stage
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
/* The stage of the purchase (see the rules above), or NULL when no content asks for money. */
CycleStage    *cycle_checker_get_purchase_stage (CycleChecker  *self);
/* TRUE for an internal stage after the purchase: members, evangelists… */
gboolean       cycle_checker_is_after_purchase  (CycleChecker  *self,
                                                 CycleStage    *stage);
/* A new snapshot; "coverage-changed" says when to take another. */
CycleCoverage *cycle_checker_get_coverage       (CycleChecker  *self,
                                                 CycleCoverageAxis axis);

G_END_DECLS
