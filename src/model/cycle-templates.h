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

/* The same, as @flags say; @id may also be a team's own template (its file's URI, from
 * cycle_templates_list_user()), whose plan is read anew: NULL when it cannot be. */
CyclePlan   *cycle_templates_create_full     (const char         *id,
                                              CycleTemplateFlags  flags);

/* A team's own templates: plans saved as NAME.cycle in the folder "cycle/templates" of the
 * user's data folder ($XDG_DATA_HOME, ~/.local/share), offered beside the built-in ones. */
char        *cycle_templates_get_user_dir    (void);
/* Saves @plan (its content included) as the template @name, through the atomic writer,
 * replacing one of that name; the folder is made if needed. Returns the file, or NULL and
 * @error (G_IO_ERROR_INVALID_ARGUMENT for an empty name or one with "/"). */
GFile       *cycle_templates_save_user       (CyclePlan   *plan,
                                              const char  *name,
                                              GError     **error);
/* The team's templates, sorted by name: the URIs of their files (ids for
 * cycle_templates_create_full()). */
GStrv        cycle_templates_list_user       (void);
/* A user template's name: its file's name without ".cycle"; NULL for other ids. */
char        *cycle_templates_dup_user_name   (const char  *id);

G_END_DECLS
