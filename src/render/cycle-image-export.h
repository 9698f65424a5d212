/* cycle-image-export.h: pictures of a plan as SVG, PNG and PDF, and the printed content listing
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The picture is a CycleRenderPicture: the plan laid out once, drawn by the canvas's own code
 * with the projection the canvas shows (the plan's settings) and a legend (title, projection
 * settings, no date). SVG comes from its SVG writer (text as <text>), PNG and PDF from cairo.
 * One canvas unit is one CSS pixel: an SVG is as many px wide as the picture's extent, a PNG at
 * scale 1 that many pixels, and a PDF page that many pixels at 96 dpi (0.75 pt each). Writing
 * goes through a CycleExportFile, so a failed export leaves the target as it was.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "cycle-export.h"
#include "cycle-plan.h"
#include "cycle-content-pages.h"
#include "cycle-render.h"

G_BEGIN_DECLS

typedef enum {
  CYCLE_IMAGE_FORMAT_SVG,
  CYCLE_IMAGE_FORMAT_PNG,
  CYCLE_IMAGE_FORMAT_PDF,
} CycleImageFormat;

/* Use the plan's own layout (cycle_plan_get_layout()). */
#define CYCLE_IMAGE_EXPORT_PLAN_LAYOUT (-1)
/* PNG scale: pixels per canvas unit, more than 0 and at most this. */
#define CYCLE_IMAGE_EXPORT_MAX_SCALE   8.0
/* What cairo can make: a PNG at most this many pixels a side… */
#define CYCLE_IMAGE_EXPORT_MAX_PNG_SIDE   32767
/* …and, so that an export never needs more than 1 GiB of memory, at most this many pixels. */
#define CYCLE_IMAGE_EXPORT_MAX_PNG_PIXELS (256u * 1024u * 1024u)
/* The largest PDF page most readers open (200 inches): a bigger picture is scaled down. */
#define CYCLE_IMAGE_EXPORT_MAX_PDF_SIDE   14400.0

typedef struct
{
  CycleImageFormat format;
  /* A CycleLayout, or CYCLE_IMAGE_EXPORT_PLAN_LAYOUT. */
  int              layout;
  /* PNG: pixels per canvas unit (1, 2, 1.5…). */
  double           scale;
  /* PDF: after the picture, the content of each stage on pages of paper size. */
  gboolean         content_pages;
  /* PDF content pages, in points; 0 for the locale's paper (A4, or US Letter where that is
   * the custom). */
  double           paper_width;
  double           paper_height;
  /* The dark variant of the style. */
  gboolean         dark;
} CycleImageExportOptions;

/* Defaults: the plan's layout, scale 1, no content pages, the locale's paper, light. */
void      cycle_image_export_options_init (CycleImageExportOptions *options,
                                           CycleImageFormat         format);


/**
 * cycle_image_export_write:
 * @plan: the plan
 * @options: what to write
 * @out: where to write it; not committed (the caller commits, or frees to abort)
 * @error: G_IO_ERROR_INVALID_ARGUMENT for a scale out of range or a PNG too large (the message
 *   says what to do instead), G_IO_ERROR_NO_SPACE or another G_IO_ERROR when writing failed,
 *   G_IO_ERROR_FAILED when cairo failed; messages name @out.
 *
 * Returns: %TRUE when everything was written
 */
gboolean  cycle_image_export_write        (CyclePlan                     *plan,
                                           const CycleImageExportOptions *options,
                                           CycleExportFile               *out,
                                           GError                       **error);

/* Writes @file atomically: all of it, or (on error) nothing and the old file untouched. */
gboolean  cycle_image_export_to_file      (CyclePlan                     *plan,
                                           const CycleImageExportOptions *options,
                                           GFile                         *file,
                                           GError                       **error);

/* The size cycle_image_export_write() gives the picture: in px for SVG and PNG (scale
 * included), in points for the PDF's first page. */
void      cycle_image_export_get_size     (CyclePlan                     *plan,
                                           const CycleImageExportOptions *options,
                                           double                        *width,
                                           double                        *height);

G_END_DECLS
