/* cycle-window-pages.c: the pages the first window does not show — content, checks, projection
 * and purpose — and the stage editor, built when they are first shown or first needed
 *
 * The stage editor beside the canvas is built when first shown too. The first frame of a window
 * then costs the canvas alone. A page's place in the template is
 * an AdwBin; its widget is made, given the window's plan and checker, and connected here.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-window"

#include "config.h"

#include "cycle-window-private.h"

CycleStageEditor *
_cycle_window_get_editor (CycleWindow *self)
{
  if (self->editor == NULL)
    {
      self->editor = CYCLE_STAGE_EDITOR (cycle_stage_editor_new ());
      adw_bin_set_child (self->editor_bin, GTK_WIDGET (self->editor));
      _cycle_window_editor_init (self);
    }

  return self->editor;
}

CycleContentView *
_cycle_window_get_content_view (CycleWindow *self)
{
  if (self->content_view == NULL)
    {
      self->content_view = CYCLE_CONTENT_VIEW (cycle_content_view_new ());
      adw_bin_set_child (self->content_bin, GTK_WIDGET (self->content_view));
      cycle_content_view_set_plan (self->content_view, _cycle_window_get_plan (self));
      cycle_content_view_set_stage (self->content_view,
                                    cycle_canvas_get_selected_stage (self->canvas));
    }

  return self->content_view;
}

static void
ensure_checks (CycleWindow *self)
{
  if (self->findings_panel != NULL)
    return;

  self->findings_panel = CYCLE_FINDINGS_PANEL (cycle_findings_panel_new ());
  adw_bin_set_child (self->findings_bin, GTK_WIDGET (self->findings_panel));
  self->coverage_view = CYCLE_COVERAGE_VIEW (cycle_coverage_view_new ());
  adw_bin_set_child (self->coverage_bin, GTK_WIDGET (self->coverage_view));
  _cycle_window_checks_page_init (self);
}

CycleFindingsPanel *
_cycle_window_get_findings_panel (CycleWindow *self)
{
  ensure_checks (self);
  return self->findings_panel;
}

CycleCoverageView *
_cycle_window_get_coverage_view (CycleWindow *self)
{
  ensure_checks (self);
  return self->coverage_view;
}

static void
ensure_projection (CycleWindow *self)
{
  if (self->projection_view != NULL)
    return;

  self->projection_view = CYCLE_PROJECTION_VIEW (cycle_projection_view_new ());
  adw_bin_set_child (self->projection_bin, GTK_WIDGET (self->projection_view));
  cycle_projection_view_set_plan (self->projection_view, _cycle_window_get_plan (self));
}

static void
ensure_purpose (CycleWindow *self)
{
  if (self->purpose_page != NULL)
    return;

  self->purpose_page = CYCLE_PURPOSE_PAGE (cycle_purpose_page_new ());
  adw_bin_set_child (self->purpose_bin, GTK_WIDGET (self->purpose_page));
  cycle_purpose_page_set_plan (self->purpose_page, _cycle_window_get_plan (self));
}

void
_cycle_window_ensure_page (CycleWindow *self,
                           const char  *name)
{
  if (g_strcmp0 (name, "content") == 0)
    _cycle_window_get_content_view (self);
  else if (g_strcmp0 (name, "checks") == 0)
    ensure_checks (self);
  else if (g_strcmp0 (name, "projection") == 0)
    ensure_projection (self);
  else if (g_strcmp0 (name, "purpose") == 0)
    ensure_purpose (self);
}

void
_cycle_window_ensure_pages (CycleWindow *self)
{
  _cycle_window_get_editor (self);
  _cycle_window_get_content_view (self);
  ensure_checks (self);
  ensure_projection (self);
  ensure_purpose (self);
}
