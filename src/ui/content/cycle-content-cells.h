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

/* A label that shows the name of the persona or stage a content item points to, and follows
 * both the item's pointer and the name. Lives as long as its cell; bind and unbind with the
 * cell's item. */
typedef struct _CycleNameWatch CycleNameWatch;

CycleNameWatch *cycle_name_watch_new    (CycleTextCell  *cell,
                                         const char     *property,
                                         const char     *empty_text);
void            cycle_name_watch_bind   (CycleNameWatch *watch,
                                         CycleContent   *content);
void            cycle_name_watch_unbind (CycleNameWatch *watch);
void            cycle_name_watch_free   (CycleNameWatch *watch);

/* A label that shows a due date, in the error colour while the content is overdue. */
typedef struct _CycleDueWatch CycleDueWatch;

CycleDueWatch  *cycle_due_watch_new     (CycleTextCell  *cell);
void            cycle_due_watch_bind    (CycleDueWatch  *watch,
                                         CycleContent   *content);
void            cycle_due_watch_unbind  (CycleDueWatch  *watch);
void            cycle_due_watch_free    (CycleDueWatch  *watch);

G_END_DECLS
