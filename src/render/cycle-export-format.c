/* cycle-export-format.c: the formats a plan exports to, one table and one writer for the window
 * and cycle-tool
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-export"

#include "config.h"

#include <string.h>

#include "cycle-export-format.h"

static const CycleExportFormatInfo formats[CYCLE_EXPORT_N_FORMATS] = {
  [CYCLE_EXPORT_FORMAT_JSON] = { "json", ".json", "application/json" },
  [CYCLE_EXPORT_FORMAT_CSV]  = { "csv",  ".csv",  "text/csv" },
  [CYCLE_EXPORT_FORMAT_ICS]  = { "ics",  ".ics",  "text/calendar" },
  [CYCLE_EXPORT_FORMAT_SVG]  = { "svg",  ".svg",  "image/svg+xml" },
  [CYCLE_EXPORT_FORMAT_PNG]  = { "png",  ".png",  "image/png" },
  [CYCLE_EXPORT_FORMAT_PDF]  = { "pdf",  ".pdf",  "application/pdf" },
};

void
cycle_export_options_init (CycleExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->layout = CYCLE_IMAGE_EXPORT_PLAN_LAYOUT;
  options->scale = 1.0;
}

const CycleExportFormatInfo *
cycle_export_format_get_info (CycleExportFormat format)
{
  g_return_val_if_fail (format < CYCLE_EXPORT_N_FORMATS, NULL);

  return &formats[format];
}

gboolean
cycle_export_format_is_image (CycleExportFormat  format,
                              CycleImageFormat  *image)
{
  g_return_val_if_fail (format < CYCLE_EXPORT_N_FORMATS, FALSE);

  if (format < CYCLE_EXPORT_FORMAT_SVG)
    return FALSE;
  if (image != NULL)
    *image = CYCLE_IMAGE_FORMAT_SVG + (format - CYCLE_EXPORT_FORMAT_SVG);
  return TRUE;
}

gboolean
cycle_export_format_from_name (const char        *name,
                               CycleExportFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < CYCLE_EXPORT_N_FORMATS; i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = (CycleExportFormat) i;
        return TRUE;
      }

  return FALSE;
}

gboolean
cycle_export_format_from_path (const char        *path,
                               CycleExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return FALSE;
  return cycle_export_format_from_name (dot + 1, format);
}

static gboolean
write_bytes (CycleExportFile  *out,
             GBytes           *bytes,
             GError          **error)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  return cycle_export_file_write (out, data, size, error);
}

gboolean
cycle_export_format_write (CyclePlan                *plan,
                           CycleExportFormat         format,
                           const CycleExportOptions *options,
                           CycleExportFile          *out,
                           GError                  **error)
{
  g_autoptr(GBytes) bytes = NULL;
  CycleImageExportOptions image;
  CycleImageFormat image_format;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (format < CYCLE_EXPORT_N_FORMATS, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  switch (format)
    {
    case CYCLE_EXPORT_FORMAT_JSON:
      bytes = cycle_export_json (plan, options->computed ? CYCLE_JSON_EXPORT_COMPUTED
                                                         : CYCLE_JSON_EXPORT_NONE);
      return write_bytes (out, bytes, error);

    case CYCLE_EXPORT_FORMAT_CSV:
      bytes = cycle_export_csv_with_delimiter (plan,
                                               (options->for_scripts ? CYCLE_CSV_EXPORT_FOR_SCRIPTS
                                                                     : 0) |
                                               (options->no_bom ? CYCLE_CSV_EXPORT_NO_BOM : 0),
                                               options->csv_delimiter);
      return write_bytes (out, bytes, error);

    case CYCLE_EXPORT_FORMAT_ICS:
      bytes = cycle_export_ics (plan);
      return write_bytes (out, bytes, error);

    case CYCLE_EXPORT_FORMAT_SVG:
    case CYCLE_EXPORT_FORMAT_PNG:
    case CYCLE_EXPORT_FORMAT_PDF:
    default:
      cycle_export_format_is_image (format, &image_format);
      cycle_image_export_options_init (&image, image_format);
      image.layout = options->layout;
      image.scale = options->scale;
      image.content_pages = options->content_pages;
      return cycle_image_export_write (plan, &image, out, error);
    }
}

gboolean
cycle_export_format_write_file (CyclePlan                *plan,
                                CycleExportFormat         format,
                                const CycleExportOptions *options,
                                GFile                    *file,
                                GError                  **error)
{
  g_autoptr(CycleExportFile) out = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  out = cycle_export_file_new (file, error);
  if (out == NULL)
    return FALSE;

  /* Freeing @out without a commit removes the temporary file. */
  return cycle_export_format_write (plan, format, options, out, error) &&
         cycle_export_file_commit (out, error);
}
