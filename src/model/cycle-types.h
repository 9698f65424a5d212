/* cycle-types.h: forward declarations shared by the model's headers
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CyclePlan     CyclePlan;
typedef struct _CycleItem     CycleItem;
typedef struct _CycleStage    CycleStage;
typedef struct _CycleLink     CycleLink;
typedef struct _CyclePersona  CyclePersona;
typedef struct _CycleContent  CycleContent;
typedef struct _CycleDocument CycleDocument;

/* A rate that has not been set (conversion rates are fractions 0…1). */
#define CYCLE_RATE_UNSET (-1.0)
/* "Days in stage" that has not been set. */
#define CYCLE_DAYS_UNSET (-1)

G_END_DECLS
