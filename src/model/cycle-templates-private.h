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
#define MAX_LOOPS   2

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

typedef struct
{
  guint  from;
  guint  to;
  double rate;
} TemplateLoop;

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
  TemplateLoop         loops[MAX_LOOPS];
  guint                n_loops;
} Template;

/* The list, in the order the dialog shows them */
extern const Template _cycle_templates[];
extern const guint    _cycle_n_templates;

G_END_DECLS
