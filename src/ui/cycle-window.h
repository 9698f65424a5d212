/* cycle-window.h: a window showing one plan
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-document.h"

G_BEGIN_DECLS

#define CYCLE_TYPE_WINDOW (cycle_window_get_type ())

G_DECLARE_FINAL_TYPE (CycleWindow, cycle_window, CYCLE, WINDOW, AdwApplicationWindow)

/* @document NULL: a new, empty, untitled plan. */
CycleWindow   *cycle_window_new          (GtkApplication *application,
                                          CycleDocument  *document);
CycleDocument *cycle_window_get_document (CycleWindow    *self);
void           cycle_window_set_document (CycleWindow    *self,
                                          CycleDocument  *document);
/* TRUE while the window holds an empty, unmodified, untitled plan that a file may replace. */
gboolean       cycle_window_is_pristine  (CycleWindow    *self);
/* Loads @file in a worker thread, then into this window when it is pristine, else into a new
 * presented window; on error shows a dialog over this window. While it loads, a bar shows the
 * progress and a Cancel button (win.cancel-open) after a short while. @close_on_cancel: the
 * window was opened just for this file, and goes when the user cancels. */
void           cycle_window_open_file    (CycleWindow    *self,
                                          GFile          *file);
void           cycle_window_open_file_full (CycleWindow  *self,
                                          GFile          *file,
                                          gboolean        close_on_cancel);
/* Shows the plan page and puts the keyboard on the canvas (a plan made from a template). */
void           cycle_window_focus_plan   (CycleWindow    *self);
/* TRUE while a file is being opened into or from this window */
gboolean       cycle_window_is_opening   (CycleWindow    *self);
/* Whether the window's document is @file (not counting a file it is still opening) */
gboolean       cycle_window_shows_file   (CycleWindow    *self,
                                          GFile          *file);

G_END_DECLS
