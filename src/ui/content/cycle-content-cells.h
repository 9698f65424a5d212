/* cycle-content-cells.h: how a piece of content reads on a card or in a cell
 *
 * Shared by the board, the table and the editor, so that a format, a persona or a late due date
 * looks the same everywhere.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "cycle-plan.h"
#include "cycle-text-cell.h"

G_BEGIN_DECLS

/* GBinding transforms */
gboolean    cycle_transform_enum_to_label      (GBinding     *binding,
                                                const GValue *from,
                                                GValue       *to,
                                                gpointer      user_data);
/* A content's format or channel (whichever property the binding follows) as the user reads it,
 * translated, and typed text back to the word it translates */
gboolean    cycle_transform_word_to_label      (GBinding     *binding,
                                                const GValue *from,
                                                GValue       *to,
                                                gpointer      user_data);
gboolean    cycle_transform_label_to_word      (GBinding     *binding,
                                                const GValue *from,
                                                GValue       *to,
                                                gpointer      user_data);

/* A text cell that follows a content item: the name of the persona or stage it points to, or its
 * due date. Lives as long as its cell; bind and unbind with the cell's item. */
typedef struct _CycleCellWatch CycleCellWatch;

/* The name of the persona or stage that @property points to, as it changes (@empty_text while it
 * points to none) */
CycleCellWatch *cycle_cell_watch_new_name (CycleTextCell  *cell,
                                           const char     *property,
                                           const char     *empty_text);
/* The due date, in the error colour while the content is overdue */
CycleCellWatch *cycle_cell_watch_new_due  (CycleTextCell  *cell);
void            cycle_cell_watch_bind     (CycleCellWatch *watch,
                                           CycleContent   *content);
void            cycle_cell_watch_unbind   (CycleCellWatch *watch);
void            cycle_cell_watch_free     (CycleCellWatch *watch);

G_END_DECLS
