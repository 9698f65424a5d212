/* cycle-plan-part.h: a part of a plan — some stages, their content, the links between them and
 * the personas their content names — taken out as a plan of its own and put into another
 *
 * What copying and pasting stages carry: the part is an ordinary plan, so it travels as the
 * .cycle file's text (cycle_plan_to_bytes (), cycle_plan_new_from_data ()) and is checked by
 * the same reader as a file.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-plan.h"

G_BEGIN_DECLS

/* A new plan holding copies of @stages (stages of @plan, any order: the copies keep the plan's
 * order) with every field, their content, the links of @plan whose two ends are among them, and
 * the personas that content names, with the same ids as in @plan; its title, language and
 * layout are @plan's. It has no undo history. */
CyclePlan *cycle_plan_extract_stages (CyclePlan  *plan,
                                      GPtrArray  *stages);

/* Adds copies of every stage of @part to @plan at @position (in the plan's order; -1: at the
 * end), moved by @dx, @dy, with their content and links, as ONE undo step labelled "Paste
 * Stage(s)". Every copy gets a fresh id; a persona of @part is @plan's persona of the same name
 * when there is one (case and accents aside), else a copy is added. Refuses, changing nothing,
 * (CYCLE_FILE_ERROR_TOO_LARGE, the message saying what and how many) a part with no stages or
 * one that would take @plan over CYCLE_PLAN_MAX_* items of a kind.
 * Returns: (transfer container): the new stages, in order; NULL on error. */
GPtrArray *cycle_plan_insert_part    (CyclePlan  *plan,
                                      CyclePlan  *part,
                                      int         position,
                                      double      dx,
                                      double      dy,
                                      GError    **error);

/* The counts cycle_document_check_plan () compares with CYCLE_PLAN_MAX_*. */
typedef struct
{
  guint stages;
  guint links;
  guint personas;
  guint content;
} CyclePlanCounts;

void       cycle_plan_count_items    (CyclePlan       *plan,
                                      CyclePlanCounts *counts);

G_END_DECLS
