/* cycle-content-editor-private.h: what the files of CycleContentEditor share
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cycle-content-editor.h"
#include "cycle-date-row.h"
#include "cycle-content-repeat-row.h"

G_BEGIN_DECLS

struct _CycleContentEditor
{
  AdwWindow          parent_instance;

  CycleContent      *content;
  CyclePlan         *plan;
  /* The content was just made for this editor and nothing has changed it since: Escape takes it
   * back out of the plan (cycle_content_editor_set_new ()). */
  gboolean           fresh;
  GBindingGroup     *bindings;
  GSignalGroup      *content_signals;
  GSignalGroup      *stages_signals;

  /* The "None" entry of the persona list: a persona that is in no plan, never stored. */
  CyclePersona      *no_persona;
  GListStore        *persona_sources;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  AdwEntryRow       *title_row;
  AdwComboRow       *stage_row;
  AdwComboRow       *persona_row;
  AdwEntryRow       *format_row;
  GtkMenuButton     *format_button;
  AdwEntryRow       *channel_row;
  GtkMenuButton     *channel_button;
  AdwEntryRow       *cta_row;
  AdwComboRow       *commitment_row;
  AdwActionRow      *direction_row;
  GtkToggleButton   *auto_button;
  GtkToggleButton   *gives_button;
  GtkToggleButton   *asks_button;
  AdwComboRow       *status_row;
  AdwComboRow       *pitch_row;
  AdwComboRow       *consent_row;
  AdwEntryRow       *owner_row;
  CycleDateRow      *due_row;
  GtkLabel          *due_error_label;
  CycleContentRepeatRow *repeat_row;
  AdwEntryRow       *url_row;
  GtkLabel          *url_error_label;
  GtkTextView       *notes_view;

  guint              check_removed_id;
  /* Set while the editor itself moves a widget to the model's value. */
  guint              syncing : 1;
  /* Set while a list under a combo row changes: its selection moves without the person. */
  guint              lists_changing;
};

/* cycle-content-editor.c */
void _cycle_content_editor_seal               (CycleContentEditor *self);
void _cycle_content_editor_emit_removed       (CycleContentEditor *self,
                                               CycleContent       *content);

/* cycle-content-editor-actions.c */
void _cycle_content_editor_class_actions_init (GtkWidgetClass     *widget_class);

G_END_DECLS
