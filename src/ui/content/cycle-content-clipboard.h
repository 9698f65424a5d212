/* cycle-content-clipboard.h: pasting rows copied from a spreadsheet onto the content page
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

G_END_DECLS
