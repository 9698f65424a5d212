/* cycle-date-row.h: a date field — typed in the locale's order or as YYYY-MM-DD, or chosen in a
 * calendar, with Today and No Date — for every date a plan holds
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CYCLE_TYPE_DATE_ROW (cycle_date_row_get_type ())

G_DECLARE_FINAL_TYPE (CycleDateRow, cycle_date_row, CYCLE, DATE_ROW, AdwEntryRow)

/* Shows @date (YYYY-MM-DD, or "" / NULL for none) as the locale writes dates, and drops any
 * error; emits nothing. */
void        cycle_date_row_set_date  (CycleDateRow *self,
                                      const char   *date);
/* What was typed, as a date that is not understood: why ("“31/04” is not a day of the
 * calendar. Choose it in the calendar."), or NULL. Notified as "error": show it with
 * cycle_accessible_show_error() (the row marked, the reason in a label and for screen
 * readers). */
const char *cycle_date_row_get_error (CycleDateRow *self);

/* ::date-changed (const char *date, gboolean chosen): the person gave a date (YYYY-MM-DD, ""
 * for none). @chosen is FALSE while typing — a whole YYYY-MM-DD as it is typed, or what was
 * typed once done with the field (Enter, or the focus leaving) — and TRUE for a choice made
 * at once: a day of the calendar, Today, No Date. Not emitted by cycle_date_row_set_date(). */

G_END_DECLS
