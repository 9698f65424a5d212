/* cycle-export-format.h: the formats a plan exports to, one table and one writer for the window
 * and cycle-tool
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON, CSV and iCalendar are the model's (cycle-export.h), SVG, PNG and PDF the pictures'
 * (cycle-image-export.h). Every export goes through a CycleExportFile: a failed one leaves the
 * target as it was.
 */
#pragma once

#include <gio/gio.h>

#include "cycle-export.h"
#include "cycle-image-export.h"
#include "cycle-plan.h"

G_BEGIN_DECLS

typedef enum {
  CYCLE_EXPORT_FORMAT_JSON,
  CYCLE_EXPORT_FORMAT_CSV,
  CYCLE_EXPORT_FORMAT_ICS,
  CYCLE_EXPORT_FORMAT_SVG,
  CYCLE_EXPORT_FORMAT_PNG,
  CYCLE_EXPORT_FORMAT_PDF,
} CycleExportFormat;

#define CYCLE_EXPORT_N_FORMATS (CYCLE_EXPORT_FORMAT_PDF + 1)

/* What an export may be asked for; each member applies to some formats only. */
typedef struct
{
  gboolean computed;       /* JSON: with the projection and the findings */
  gboolean for_scripts;    /* CSV: English column names that never change, raw cells */
  gboolean no_bom;         /* CSV: without the byte order mark */
  char     csv_delimiter;  /* CSV: ',', ';' or '\t'; 0 for the locale's (cycle-export.h) */
  int      layout;         /* SVG, PNG, PDF: a CycleLayout, or CYCLE_IMAGE_EXPORT_PLAN_LAYOUT */
  double   scale;          /* PNG: pixels per canvas unit */
  gboolean content_pages;  /* PDF: pages listing each stage's content after the picture */
} CycleExportOptions;

/* Defaults: none of the above, the plan's layout, scale 1. */
void         cycle_export_options_init         (CycleExportOptions *options);

typedef struct
{
  const char *name;        /* "json", "csv", "ics", "svg", "png", "pdf" */
  const char *extension;   /* with its dot: ".json" */
  const char *mime_type;
} CycleExportFormatInfo;

const CycleExportFormatInfo *cycle_export_format_get_info (CycleExportFormat format);
/* Whether @format is a picture, and which (@image may be NULL). */
gboolean     cycle_export_format_is_image      (CycleExportFormat   format,
                                                CycleImageFormat   *image);
/* A name of the table, in any case; FALSE for anything else. */
gboolean     cycle_export_format_from_name     (const char         *name,
                                                CycleExportFormat  *format);
/* The format a file name's extension says; FALSE when it says none of them. */
gboolean     cycle_export_format_from_path     (const char         *path,
                                                CycleExportFormat  *format);

/* Writes @plan as @format to @out, not committed (the caller commits, or frees to abort).
 * Errors as cycle_image_export_write() and cycle_export_file_write(). */
gboolean     cycle_export_format_write         (CyclePlan                *plan,
                                                CycleExportFormat         format,
                                                const CycleExportOptions *options,
                                                CycleExportFile          *out,
                                                GError                  **error);
/* The same to @file, committed. */
gboolean     cycle_export_format_write_file    (CyclePlan                *plan,
                                                CycleExportFormat         format,
                                                const CycleExportOptions *options,
                                                GFile                    *file,
                                                GError                  **error);

G_END_DECLS
