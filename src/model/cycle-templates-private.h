/* cycle-templates-private.h: the tables the templates are made from (cycle-templates-data.c)
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-templates.h"

G_BEGIN_DECLS

#define MAX_CONTENT 3
#define N_PERSONAS  2

typedef struct
{
  const char      *title;
  const char      *format;     /* untranslated vocabulary */
  const char      *channel;    /* untranslated vocabulary */
  guint            persona;    /* index in the template's personas */
  const char      *cta;
  CycleCommitment  commitment;
  CycleDirection   direction;
} TemplateContent;

typedef struct
{
  CycleLane        lane;       /* the company's funnel, or the buyer's journey */
  CycleRole        role;       /* what the stage is in the cycle; never CYCLE_ROLE_NONE */
  const char      *name;
  const char      *why;
  const char      *question;
  const char      *kpi;
  CyclePermission  permission;
  double           rate;       /* to the next stage, or CYCLE_RATE_UNSET */
  int              days;       /* or CYCLE_DAYS_UNSET */
  TemplateContent  content[MAX_CONTENT];
} TemplateStage;

typedef struct
{
  const char *name;
  const char *description;
  const char *why;
} TemplatePersona;

/* A link between two stages, by their index in the template's stages. A next step's rate is a
 * fraction (CYCLE_RATE_UNSET: its source stage's conversion rate counts); a loop's is how many
 * new people each person of its source brings; a mapping joins a stage of the buyer's journey
 * and the funnel stage it corresponds to (written from the funnel to the journey). */
typedef struct
{
  guint          from;
  guint          to;
  CycleLinkKind  kind;
  double         rate;
} TemplateLink;

typedef struct
{
  const char          *id;
  const char          *name;
  const char          *description;
  const char          *title;
  const char          *why;
  const char          *how;
  const char          *what;
  const char          *plan_description;
  CycleLayout          layout;
  TemplatePersona      personas[N_PERSONAS];
  const TemplateStage *stages;
  guint                n_stages;
  const TemplateLink  *links;
  guint                n_links;
} Template;

/* The list, in the order the dialog shows them */
extern const Template _cycle_templates[];
extern const guint    _cycle_n_templates;

G_END_DECLS
