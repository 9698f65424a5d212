/* cycle-campaign.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-campaign"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cycle-campaign.h"
#include "cycle-projection.h"

GArray *
cycle_campaign_compute_windows (CyclePlan *plan)
{
  GArray *windows = g_array_new (FALSE, FALSE, sizeof (CycleStageWindow));
  g_autoptr(CycleProjection) projection = NULL;
  GDate start;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), windows);

  if (!cycle_date_to_gdate (cycle_plan_get_campaign_start (plan), &start))
    return windows;
  /* The projector's traversal of the flow; one cycle, so the loops are not even looked at */
  projection = cycle_projection_compute (plan, 0, 1, NULL);
  if (projection == NULL)
    return windows;

  for (guint i = 0; i < cycle_projection_get_n_stages (projection); i++)
    {
      CycleStage *stage = cycle_projection_get_stage (projection, i);
      int offset = cycle_projection_get_start_day (projection, i);
      int days = cycle_stage_get_days (stage);
      CycleStageWindow window = { stage, };

      if (offset < 0 || days <= 0)
        continue;
      window.first = start;
      g_date_add_days (&window.first, (guint) offset);
      window.last = window.first;
      g_date_add_days (&window.last, (guint) days - 1);
      g_array_append_val (windows, window);
    }

  return windows;
}

const CycleStageWindow *
cycle_campaign_find_window (GArray     *windows,
                            CycleStage *stage)
{
  g_return_val_if_fail (windows != NULL, NULL);

  for (guint i = 0; i < windows->len; i++)
    if (g_array_index (windows, CycleStageWindow, i).stage == stage)
      return &g_array_index (windows, CycleStageWindow, i);

  return NULL;
}

gboolean
cycle_campaign_is_outside (const CycleStageWindow *window,
                           CycleContent           *content)
{
  GDate due;

  g_return_val_if_fail (window != NULL, FALSE);
  g_return_val_if_fail (CYCLE_IS_CONTENT (content), FALSE);

  if (!cycle_date_to_gdate (cycle_content_get_due (content), &due))
    return FALSE;
  return g_date_compare (&due, &window->first) < 0 || g_date_compare (&due, &window->last) > 0;
}

char *
cycle_campaign_describe_outside (const CycleStageWindow *window,
                                 CycleContent           *content)
{
  char first[CYCLE_DATE_ISO_SIZE], last[CYCLE_DATE_ISO_SIZE];
  g_autofree char *due = NULL, *from = NULL, *to = NULL;
  const char *name = cycle_stage_get_name (window->stage);

  g_return_val_if_fail (window != NULL, NULL);
  g_return_val_if_fail (CYCLE_IS_CONTENT (content), NULL);

  /* Dates as the user types them, in the one way Cycle shows them for typing */
  cycle_date_to_iso (&window->first, first);
  cycle_date_to_iso (&window->last, last);
  due = cycle_date_format_input (cycle_content_get_due (content));
  from = cycle_date_format_input (first);
  to = cycle_date_format_input (last);

  /* Translators: a note of the checks, for a launch campaign: content due on the 2nd date,
   * while the campaign has its audience at the stage from the 4th to the 5th date */
  return g_strdup_printf (_("“%s” goes out on %s, but the campaign has people at “%s” from %s "
                            "to %s: it would reach them before they arrive or after they have "
                            "moved on. Move its date into that window, or the content to the "
                            "stage people are at then."),
                          cycle_content_get_display_title (content), due,
                          name[0] != '\0' ? name : _("Unnamed stage"), from, to);
}
