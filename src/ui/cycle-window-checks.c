/* cycle-window-checks.c: the window's checks and projection — one checker per plan, shared by
 * the canvas's badges, the findings panel and the coverage matrix; the findings' and the
 * coverage's requests to show a stage or content; the projection's settings bound to the views
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-window-private.h"

/* ------------------------------------------------------------------------------------------------
 * The checks: one checker per plan, shared by the canvas's badges, the findings panel and the
 * coverage matrix; the Checks page's badge counts the warnings and errors
 */

static void
update_checks_badge (CycleWindow *self)
{
  guint errors = 0, warnings = 0;

  if (self->checker != NULL)
    {
      errors = cycle_checker_count (self->checker, CYCLE_SEVERITY_ERROR);
      warnings = cycle_checker_count (self->checker, CYCLE_SEVERITY_WARNING);
    }

  adw_view_stack_page_set_badge_number (self->checks_page, errors + warnings);
  adw_view_stack_page_set_needs_attention (self->checks_page, errors > 0);
}

static void
on_checker_count_notify_cb (CycleWindow  *self,
                            GParamSpec   *pspec,
                            CycleChecker *checker)
{
  update_checks_badge (self);
}

/* Follows @checker's counts and hands it to the canvas, the findings and the coverage. */
void
_cycle_window_follow_checker (CycleWindow  *self,
                              CycleChecker *checker)
{
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_func (self->checker, on_checker_count_notify_cb, self);

  g_set_object (&self->checker, checker);
  if (checker != NULL)
    {
      g_signal_connect_object (checker, "notify::n-errors",
                               G_CALLBACK (on_checker_count_notify_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (checker, "notify::n-warnings",
                               G_CALLBACK (on_checker_count_notify_cb), self, G_CONNECT_SWAPPED);
    }

  if (self->canvas != NULL)
    cycle_canvas_set_checker (self->canvas, checker);
  if (self->findings_panel != NULL)
    cycle_findings_panel_set_checker (self->findings_panel, checker);
  if (self->coverage_view != NULL)
    cycle_coverage_view_set_checker (self->coverage_view, checker);
  if (self->checks_page != NULL)
    update_checks_badge (self);
}

/* A finding's stage: selected on the canvas. */
static void
on_findings_stage_activated_cb (CycleWindow        *self,
                                CycleStage         *stage,
                                CycleFindingsPanel *panel)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "plan");
  _cycle_window_select_stage (self, stage);
}

/* A finding's content: shown among its stage's content on the content page. */
static void
on_findings_content_activated_cb (CycleWindow        *self,
                                  CycleContent       *content,
                                  CycleFindingsPanel *panel)
{
  CycleStage *stage = cycle_content_get_stage (content);

  if (stage == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "content");
  cycle_content_view_show_stage (_cycle_window_get_content_view (self), stage);
}

static void
on_findings_message_cb (CycleWindow *self,
                        const char  *message,
                        gboolean     offer_undo,
                        GObject     *source)
{
  _cycle_window_notify (self, message, offer_undo);
}

/* A cell of the coverage matrix made a piece of content: open it. */
static void
on_coverage_content_added_cb (CycleWindow       *self,
                              CycleContent      *content,
                              CycleCoverageView *view)
{
  cycle_content_view_edit_new_content (_cycle_window_get_content_view (self), content);
}

/* A filled cell of the coverage matrix: its content, on the content page's table. */
static void
on_coverage_show_content_cb (CycleWindow       *self,
                             CycleStage        *stage,
                             gboolean           by_persona,
                             CyclePersona      *persona,
                             const char        *channel,
                             CycleCoverageView *view)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "content");
  cycle_content_view_show_cell (_cycle_window_get_content_view (self), stage, by_persona, persona,
                                channel);
}

/* A narrow window folds the Checks page: the findings, then the coverage matrix beside them. */
void
_cycle_window_on_show_coverage_cb (CycleWindow *self,
                                   GtkButton   *button)
{
  adw_leaflet_set_visible_child_name (self->checks_leaflet, "coverage");
}

void
_cycle_window_on_show_findings_cb (CycleWindow *self,
                                   GtkButton   *button)
{
  adw_leaflet_set_visible_child_name (self->checks_leaflet, "findings");
}

/* Called once the checks page is built (cycle-window-pages.c). */
void
_cycle_window_checks_page_init (CycleWindow *self)
{
  cycle_findings_panel_set_checker (self->findings_panel, self->checker);
  cycle_coverage_view_set_checker (self->coverage_view, self->checker);
  g_signal_connect_object (self->findings_panel, "stage-activated",
                           G_CALLBACK (on_findings_stage_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_panel, "content-activated",
                           G_CALLBACK (on_findings_content_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->findings_panel, "message",
                           G_CALLBACK (on_findings_message_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->coverage_view, "message",
                           G_CALLBACK (on_findings_message_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->coverage_view, "content-added",
                           G_CALLBACK (on_coverage_content_added_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->coverage_view, "show-content",
                           G_CALLBACK (on_coverage_show_content_cb), self, G_CONNECT_SWAPPED);
}

/* Called once by cycle_window_init(), once the template is built: the stages on the canvas show
 * the projection with the plan's settings (cycle_window_set_document() sets the source). */
void
_cycle_window_checks_init (CycleWindow *self)
{
  self->projection_bindings = g_binding_group_new ();
  g_binding_group_bind (self->projection_bindings, "projection-start",
                        self->canvas, "projection-start", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->projection_bindings, "projection-cycles",
                        self->canvas, "projection-cycles", G_BINDING_SYNC_CREATE);
}
