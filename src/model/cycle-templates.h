/* cycle-templates.h: complete example plans to start from
 *
 * Each template is a whole plan built through the model's operations: stages in the order of
 * the model it comes from, each with its role, its why, the question the buyer asks, the
 * permission it has earned and, in the funnel, a typical conversion rate; next links and the
 * loop back to the top; two personas; and a few pieces of content per stage that give before
 * they ask. The engagement cycle, the buyer's journey and McKinsey's decision journey have two
 * lanes: the company's funnel first, then the buyer's journey, each journey stage mapped to the
 * funnel stages that serve it (mapping links go from the funnel to the journey), and the
 * journey's own loops where the model has them. The checks find no error and no warning on any
 * of them, except the blank plan's missing why and AIDA's stop at the sale.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-plan.h"

G_BEGIN_DECLS

/* The id of the template that holds nothing at all. */
#define CYCLE_TEMPLATE_BLANK "blank"

/* How many templates there are; the blank plan is the last one. */
guint        cycle_templates_get_count       (void);
/* "internal-funnel", "aida", "buyers-journey", "hubspot", "mckinsey", "crowdfunding",
 * "subscription", "blank" */
const char  *cycle_templates_get_id          (guint       index);
/* Translated: "Engagement Cycle". */
const char  *cycle_templates_get_name        (guint       index);
/* Translated: one sentence saying what the template is for. */
const char  *cycle_templates_get_description (guint       index);
/* The index of @id, or -1 when there is no such template. */
int          cycle_templates_find            (const char *id);

/* A new plan from the template @id, its text in the current locale, with an empty undo history
 * and not modified; NULL when there is no such template. */
CyclePlan   *cycle_templates_create          (const char *id);

typedef enum {
  CYCLE_TEMPLATE_NONE       = 0,
  /* Stages, links and personas only: none of the example content. */
  CYCLE_TEMPLATE_NO_CONTENT = 1 << 0,
} CycleTemplateFlags;

/* The same, as @flags say. */
CyclePlan   *cycle_templates_create_full     (const char         *id,
                                              CycleTemplateFlags  flags);

G_END_DECLS
