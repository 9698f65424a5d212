/* fuzz-load.c: any bytes given to the loader either load, and then save canonically and load
 * again to the same bytes, or fail with a CYCLE_FILE_ERROR that says what is wrong.
 *
 * Built as a libFuzzer target with -Dfuzzing=true (clang), and as a plain program that replays
 * files (the test corpus) in every build.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cycle-plan-io.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(CyclePlan) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  plan = cycle_plan_new_from_data ((const char *)data, size, &error);
  if (plan == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CYCLE_FILE_ERROR);
      g_assert_true (error->message != NULL && error->message[0] != '\0');
      return 0;
    }

  g_assert_false (cycle_plan_get_modified (plan));
  first = cycle_plan_to_bytes (plan);
  again = cycle_plan_new_from_data (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                    &error);
  g_assert_no_error (error);
  second = cycle_plan_to_bytes (again);
  g_assert_true (g_bytes_equal (first, second));

  return 0;
}
