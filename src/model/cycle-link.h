/* cycle-link.h: an arrow from one stage to another
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-enums.h"
#include "cycle-item.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_LINK (cycle_link_get_type ())

G_DECLARE_FINAL_TYPE (CycleLink, cycle_link, CYCLE, LINK, CycleItem)

CycleLink     *cycle_link_new          (CycleStage    *source,
                                        CycleStage    *target,
                                        CycleLinkKind  kind);

CycleStage    *cycle_link_get_source   (CycleLink     *self);
void           cycle_link_set_source   (CycleLink     *self,
                                        CycleStage    *source);
CycleStage    *cycle_link_get_target   (CycleLink     *self);
void           cycle_link_set_target   (CycleLink     *self,
                                        CycleStage    *target);
CycleLinkKind  cycle_link_get_kind     (CycleLink     *self);
void           cycle_link_set_kind     (CycleLink     *self,
                                        CycleLinkKind  kind);
/* A next step's rate: the fraction of its source's people who take it, from 0 to 1. A loop's
 * rate: how many new people each person of its source brings, from 0 to CYCLE_LOOP_RATE_MAX.
 * CYCLE_RATE_UNSET when not set. */
#define CYCLE_LOOP_RATE_MAX 1000.0
double         cycle_link_get_rate     (CycleLink     *self);
void           cycle_link_set_rate     (CycleLink     *self,
                                        double         rate);

/* The most a link of @kind carries: 1 (a fraction) for a next step or a mapping,
 * CYCLE_LOOP_RATE_MAX (new people each person brings) for a loop. */
double         cycle_link_kind_get_max_rate (CycleLinkKind kind);
/* TRUE when a link of @kind can have @rate: CYCLE_RATE_UNSET, or 0 to its kind's most. */
gboolean       cycle_link_kind_accepts_rate (CycleLinkKind kind,
                                             double        rate);

/* The one way an editor changes a link: its kind and its rate together, one undo step ("Change
 * Link") while it is in a plan. A rate the kind cannot have is refused: FALSE, nothing changes. */
gboolean       cycle_link_edit         (CycleLink     *self,
                                        CycleLinkKind  kind,
                                        double         rate);
/* The kind alone, through cycle_link_edit(): a rate the new kind cannot have (a loop's 3 people
 * per person, made a next step) is unset in the same step. */
void           cycle_link_change_kind  (CycleLink     *self,
                                        CycleLinkKind  kind);

/* The rate as the canvas writes it on the link: "50%", for a loop "0.5 each"; NULL when unset. */
char          *cycle_link_format_rate  (CycleLink     *self);
/* The same for a rate of a link of @kind */
char          *cycle_link_kind_format_rate (CycleLinkKind  kind,
                                            double         rate);
/* What the rate means, in a sentence: "50% of the people in “Leads” go on to “Prospects”.",
 * "Each person in “Members” brings 0.5 new people to “Visitors” in the next cycle.", and for a
 * link without a rate, what is used instead (the source stage's conversion rate) or missing. */
char          *cycle_link_describe_rate (CycleLink    *self);
/* The link seen from one of its stages, @from: "Next step to “Leads”", "Loop back from
 * “Members”", "Mapping to “Awareness”". */
char          *cycle_link_describe_from (CycleLink    *self,
                                         CycleStage   *from);

G_END_DECLS
