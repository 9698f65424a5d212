/* cycle-window-private.h: what cycle-window.c and cycle-window-actions.c share
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-canvas.h"
#include "cycle-stage-editor.h"
#include "cycle-window.h"

G_BEGIN_DECLS

struct _CycleWindow
{
  AdwApplicationWindow  parent_instance;

  CycleDocument        *document;
  /* Follow the document, its plan and the plan's stages; retargeted when the document changes. */
  GSignalGroup         *document_signals;
  GSignalGroup         *plan_signals;
  GSignalGroup         *stages_signals;

  /* Template widgets */
  AdwViewSwitcherTitle *switcher_title;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkWidget            *layout_box;
  GtkWidget            *add_button;
  GtkWidget            *editor_button;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkStack             *plan_stack;
  AdwFlap              *flap;
  CycleCanvas          *canvas;
  CycleStageEditor     *editor;

  /* The open or save-as chooser while it is shown */
  GtkNativeDialog      *chooser;
  /* The toast offering to undo a removal, while it is shown */
  AdwToast             *undo_toast;
  /* The "Save Changes?" dialog while it is shown */
  GtkWidget            *close_dialog;

  guint                 close_after_save : 1;
  guint                 close_confirmed : 1;
  /* Enter on a stage opened the editor: focus its first field once it is shown. */
  guint                 focus_editor_on_map : 1;
};

/* cycle-window.c */
CyclePlan  *_cycle_window_get_plan           (CycleWindow *self);
CycleStage *_cycle_window_get_selected_stage (CycleWindow *self);
void        _cycle_window_select_stage       (CycleWindow *self,
                                              CycleStage  *stage);
void        _cycle_window_start_rename       (CycleWindow *self,
                                              CycleStage  *stage);
void        _cycle_window_update_title       (CycleWindow *self);
void        _cycle_window_update_actions     (CycleWindow *self);
void        _cycle_window_toast              (CycleWindow *self,
                                              AdwToast    *toast);
/* A toast saying what was just done, with an Undo button when @offer_undo. */
void        _cycle_window_notify             (CycleWindow *self,
                                              const char  *title,
                                              gboolean     offer_undo);
/* Shows or hides the stage editor beside the canvas. */
void        _cycle_window_set_editor_visible (CycleWindow *self,
                                              gboolean     visible);

/* cycle-window-actions.c */
void        _cycle_window_class_actions_init (CycleWindowClass *klass);
/* Saves to the document's file (Save As when untitled); destroys the window afterwards when
 * @close_after and the save succeeded. */
void        _cycle_window_save               (CycleWindow *self,
                                              gboolean     close_after);
void        _cycle_window_save_as            (CycleWindow *self,
                                              gboolean     close_after);
void        _cycle_window_confirm_close      (CycleWindow *self);

G_END_DECLS
