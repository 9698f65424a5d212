/* test-plan-text.h: a plan from the JSON text a test writes
 *
 * Header-only, for the tests that write their plans inline (test-campaign.c, test-export.c,
 * test-export-ics.c, test-merge.c).
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "cycle-plan-io.h"

/* The plan @text holds; the test fails when it is not a valid plan. */
static inline CyclePlan *
test_plan_from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  CyclePlan *plan = cycle_plan_new_from_data (text, strlen (text), &error);

  g_assert_no_error (error);
  return plan;
}
