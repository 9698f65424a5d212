/* cycle-content-pages.h: the printed content listing, for the PDF export and for printing
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "cycle-plan.h"
#include "cycle-render.h"

G_BEGIN_DECLS

/* The content listing, paginated: what the PDF's content pages show, for printing too.
 * A table with the column names at the top of each page: title, format, channel, status, due
 * date; for each stage in plan order, a heading (its colour, name, lane and number of items),
 * then a row for each piece of its content. A stage that does not fit on a page goes on, under
 * its name repeated, on the next. Sizes are in the units of the cairo_t
 * it draws on, text in the same units as points (use GTK_UNIT_POINTS when printing). */
typedef struct _CycleContentPages CycleContentPages;

CycleContentPages *cycle_content_pages_new         (CyclePlan              *plan,
                                                    const CycleRenderStyle *style,
                                                    double                  page_width,
                                                    double                  page_height);
/* At least 1 (a plan without stages gets a page that says so). */
guint              cycle_content_pages_get_n_pages (CycleContentPages      *self);
/* The numbers the footers show ("Page 2 of 5"): by default 1 to the number of pages; a document
 * that puts other pages first (the PDF export's picture) says where these start and how many
 * pages it has in all. */
void               cycle_content_pages_set_page_numbers (CycleContentPages *self,
                                                    guint                   first,
                                                    guint                   total);
/* Draws page @page (from 0) with its top-left corner at 0,0 of @cr; @cr is left as it was. */
void               cycle_content_pages_draw        (CycleContentPages      *self,
                                                    cairo_t                *cr,
                                                    guint                   page);
void               cycle_content_pages_free        (CycleContentPages      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CycleContentPages, cycle_content_pages_free)

G_END_DECLS
