/* cycle-content-clipboard.h: copying content as rows a spreadsheet takes, and pasting rows
 * copied from a spreadsheet (or from another plan) onto the content page
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-content-view.h"

G_BEGIN_DECLS

/* Reads the clipboard's text and opens the import dialog on it (cycle_content_view_import()):
 * rows copied from a spreadsheet, with or without their header (tab-separated, as spreadsheets
 * copy them, or CSV); rows without a stage go to the view's selected stage, else to the first.
 * A bell when the clipboard holds no text. */
void cycle_content_clipboard_paste (CycleContentView *view);

/* Puts @contents (CycleContent, at least one) on @widget's clipboard as a spreadsheet copies
 * rows: tab-separated, the column names of Cycle's CSV export first (cycle_export_csv_content()),
 * one row each. Pasted into a spreadsheet, it fills the columns; pasted into a plan (this one or
 * another window's), it imports. */
void cycle_content_clipboard_copy     (GtkWidget        *widget,
                                       GPtrArray        *contents);
void cycle_content_clipboard_copy_one (GtkWidget        *widget,
                                       CycleContent     *content);

G_END_DECLS
