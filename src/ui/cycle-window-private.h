/* cycle-window-private.h: what the files of CycleWindow (cycle-window*.c) share
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-canvas.h"
#include "cycle-session.h"
#include "cycle-checker.h"
#include "cycle-content-view.h"
#include "cycle-export-format.h"
#include "cycle-coverage-view.h"
#include "cycle-findings-panel.h"
#include "cycle-message-dialog.h"
#include "cycle-projection-view.h"
#include "cycle-purpose-page.h"
#include "cycle-stage-editor.h"
#include "cycle-toaster.h"
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
  AdwViewSwitcherBar   *switcher_bar;
  AdwHeaderBar         *header_bar;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkWidget            *layout_box;
  GtkStack             *plan_tools_stack;
  GtkWidget            *add_button;
  GtkWidget            *editor_button;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkStack             *plan_stack;
  AdwFlap              *flap;
  CycleCanvas          *canvas;
  AdwViewStackPage     *checks_page;
  AdwLeaflet           *checks_leaflet;
  /* The other pages' places: their widgets are built when first needed (cycle-window-pages.c) */
  AdwBin               *editor_bin;
  AdwBin               *content_bin;
  AdwBin               *findings_bin;
  AdwBin               *coverage_bin;
  AdwBin               *projection_bin;
  AdwBin               *purpose_bin;
  /* … and are NULL until then: use _cycle_window_get_content_view () and the like. */
  CycleStageEditor     *editor;
  CycleContentView     *content_view;
  CycleFindingsPanel   *findings_panel;
  CycleCoverageView    *coverage_view;
  CycleProjectionView  *projection_view;
  CyclePurposePage     *purpose_page;

  GtkRevealer          *load_revealer;
  GtkLabel             *load_label;
  GtkProgressBar       *load_progress;

  /* Teams (cycle-window-merge.c): the banners, the folder watched, the synced copy offered
   * (merged already, or not yet) and those put aside (URIs), the conflicts' window */
  GtkRevealer          *conflicts_revealer;
  GtkLabel             *conflicts_label;
  GtkRevealer          *synced_revealer;
  GtkLabel             *synced_label;
  GtkButton            *synced_button;
  GtkButton            *synced_dismiss_button;
  GFileMonitor         *folder_monitor;
  guint                 disk_check_id;
  guint                 undo_room_id;
  int                   undo_room;      /* the width of Undo and Redo, when last shown */
  int                   allocated_width;
  GFile                *synced_copy;
  gboolean              synced_merged;
  GHashTable           *synced_put_aside;
  GtkWindow            *conflicts_window;
  struct _CycleConflictList *conflict_list;
  gboolean              conflicts_on_map;
  /* The "changed on disk" dialog while it is shown */
  GtkWidget            *changed_dialog;

  /* A file being opened in a worker thread (cycle-window-open.c), or NULL */
  struct _CycleWindowLoad *load;

  /* The checks of the plan, made anew with each document, shared by the canvas and the panel */
  CycleChecker         *checker;
  /* The plan's projection settings (people entering, cycles), bound to the canvas's */
  GBindingGroup        *projection_bindings;

  /* The open or save-as chooser while it is shown */
  GtkNativeDialog      *chooser;
  /* Shows the toasts of toast_overlay, one at a time */
  CycleToaster         *toaster;
  /* The "Save Changes?" dialog while it is shown */
  GtkWidget            *close_dialog;

  /* org.example.Cycle: the window's size, the layout and template of new plans */
  GSettings            *settings;
  /* The application's, which autosaves the document as a draft; NULL outside CycleApplication */
  CycleSession         *session;

  guint                 close_after_save : 1;
  /* The document is the new plan the window made itself (from the default template): a file
   * opened or a template chosen may replace it while it is unmodified. */
  guint                 fresh_document : 1;
  guint                 close_confirmed : 1;
  /* Enter on a stage opened the editor: focus its first field once it is shown. */
  guint                 focus_editor_on_map : 1;
};

/* cycle-window-pages.c: the pages the first window does not show, built when first shown or
 * first needed. Each getter builds its page if it is not built yet. */
CycleStageEditor *_cycle_window_get_editor       (CycleWindow *self);
CycleContentView *_cycle_window_get_content_view (CycleWindow *self);
CycleFindingsPanel *_cycle_window_get_findings_panel (CycleWindow *self);
CycleCoverageView *_cycle_window_get_coverage_view (CycleWindow *self);
/* Builds the page named @name ("content", "checks", "projection", "purpose"; others: nothing). */
void        _cycle_window_ensure_page        (CycleWindow *self,
                                              const char  *name);
/* Tests that look for a page's widgets before a user would have shown it: builds them all. */
void        _cycle_window_ensure_pages       (CycleWindow *self);

/* cycle-window.c */
CyclePlan  *_cycle_window_get_plan           (CycleWindow *self);
CycleStage *_cycle_window_get_selected_stage (CycleWindow *self);
void        _cycle_window_select_stage       (CycleWindow *self,
                                              CycleStage  *stage);
void        _cycle_window_update_title       (CycleWindow *self);
/* Connects the stage editor, once built (cycle-window-pages.c). */
void        _cycle_window_editor_init        (CycleWindow *self);
/* Puts the document's file (if any) in the recent files. */
void        _cycle_window_add_recent         (CycleWindow *self);
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
/* Asks whether to replace @file, which exists: responses "cancel" (the default) and
 * "replace". */
AdwMessageDialog *_cycle_window_replace_dialog_new (CycleWindow *self,
                                                   GFile       *file);
/* A filter named @name for the files matching any of @patterns or @mime_types (both
 * NULL-terminated). */
GtkFileFilter *_cycle_window_file_filter_new (const char        *name,
                                              const char *const *patterns,
                                              const char *const *mime_types);
/* Adds @main (shown first) and "All files" to @chooser. */
void        _cycle_window_add_file_filters   (GtkFileChooser *chooser,
                                              GtkFileFilter  *main);
typedef CycleWindow *(*CycleWindowFileFunc) (CycleWindow *self,
                                             GFile       *file);
/* Shows a modal chooser for a file to open, with @filter first and "All files"; calls @func on
 * the window with the chosen file. Does nothing while another chooser of the window is shown. */
void        _cycle_window_choose_file        (CycleWindow         *self,
                                              const char          *title,
                                              const char          *accept_label,
                                              GtkFileFilter       *filter,
                                              CycleWindowFileFunc  func);

/* cycle-window-checks.c */
void        _cycle_window_follow_checker     (CycleWindow  *self,
                                              CycleChecker *checker);
void        _cycle_window_checks_init        (CycleWindow  *self);
void        _cycle_window_checks_page_init   (CycleWindow  *self);
void        _cycle_window_on_show_coverage_cb (CycleWindow *self,
                                               GtkButton   *button);
void        _cycle_window_on_show_findings_cb (CycleWindow *self,
                                               GtkButton   *button);

void        _cycle_window_class_actions_init (CycleWindowClass *klass);
/* cycle-window-open.c */
void        _cycle_window_class_open_init    (CycleWindowClass *klass);
void        _cycle_window_cancel_open        (CycleWindow      *self);
/* Tests only: loads stop after @bytes until they are cancelled (0: never) */
void        _cycle_window_hold_open_at       (gsize             bytes);
void        _cycle_window_add_drop_target    (CycleWindow      *self);
/* Saves to the document's file (Save As when untitled); destroys the window afterwards when
 * @close_after and the save succeeded. */
void        _cycle_window_save               (CycleWindow *self,
                                              gboolean     close_after);
void        _cycle_window_save_as            (CycleWindow *self,
                                              gboolean     close_after);
void        _cycle_window_confirm_close      (CycleWindow *self);

/* Asks what to do about the document's file changed on disk: merge, reload, overwrite or save
 * as; closes the window afterwards when @close_after and the plan was saved. Shown once. */
void        _cycle_window_show_changed_on_disk (CycleWindow *self,
                                                gboolean     close_after);

/* cycle-window-merge.c */
void        _cycle_window_class_merge_init   (CycleWindowClass *klass);
void        _cycle_window_merge_init         (CycleWindow *self);
void        _cycle_window_merge_dispose      (CycleWindow *self);
/* After the window took a document: the banners, the folder watched, the conflicts shown */
void        _cycle_window_merge_follow_document (CycleWindow *self);
void        _cycle_window_show_conflicts     (CycleWindow *self);
/* The document's file into its plan, as one undoable step each; errors in a dialog */
void        _cycle_window_merge_from_disk    (CycleWindow *self);
void        _cycle_window_reload_from_disk   (CycleWindow *self);

/* cycle-window-export.c: win.export (json, csv, svg, png, pdf, ics), win.print,
 * win.import-json */
void        _cycle_window_class_export_init  (CycleWindowClass *klass);

/* cycle-window-template.c: "Save as Template…" */
void        _cycle_window_class_template_init (CycleWindowClass *klass);
/* Saves the plan as the team's template @name (cycle_templates_save_user()), says so in a
 * toast, or shows why not; returns whether it was saved. */
gboolean    _cycle_window_save_as_template   (CycleWindow *self,
                                              const char  *name);
/* Writes the plan to @file (atomically) as the export chooser does once a file is chosen: a
 * toast offering to open it on success, a "Could Not Export" dialog on error. @options NULL:
 * the defaults. */
gboolean    _cycle_window_export_to_file     (CycleWindow              *self,
                                              CycleExportFormat         format,
                                              GFile                    *file,
                                              const CycleExportOptions *options);
/* Prints the picture, then the content listing; @export_filename for
 * GTK_PRINT_OPERATION_ACTION_EXPORT. Errors show a "Could Not Print" dialog. */
GtkPrintOperationResult
            _cycle_window_print              (CycleWindow             *self,
                                              GtkPrintOperationAction  action,
                                              const char              *export_filename);
/* Reads a JSON export into a new untitled plan in a new presented window, and returns it; on
 * error shows a dialog and returns NULL. */
CycleWindow *_cycle_window_import_file       (CycleWindow *self,
                                              GFile       *file);
/* Opens the content import dialog on a CSV file, as choosing it in "Import Content Calendar…"
 * does; an unreadable file gets an error dialog. */
void         _cycle_window_import_csv        (CycleWindow *self,
                                              GFile       *file);

G_END_DECLS
