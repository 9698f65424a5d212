/* cycle-image-export.c: SVG, PNG and PDF of a plan's picture (the PDF's content pages are
 * cycle-content-pages.c's)
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-image-export"

#include "config.h"

#include <langinfo.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <png.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cycle-format.h"
#include "cycle-image-export.h"
#include "cycle-render-private.h"

/* A canvas unit is a CSS pixel, 1/96 in; a point is 1/72 in. */
#define POINTS_PER_UNIT 0.75

/* A4 and US Letter, in points. */
#define A4_WIDTH        595.276
#define A4_HEIGHT       841.89
#define LETTER_WIDTH    612.0
#define LETTER_HEIGHT   792.0
#define MM_TO_POINTS    (72.0 / 25.4)

void
cycle_image_export_options_init (CycleImageExportOptions *options,
                                 CycleImageFormat         format)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = format;
  options->layout = CYCLE_IMAGE_EXPORT_PLAN_LAYOUT;
  options->scale = 1.0;
}

/* The locale's paper, as GTK chooses it (LC_PAPER), falling back to A4. */
static void
default_paper (double *width,
               double *height)
{
  *width = A4_WIDTH;
  *height = A4_HEIGHT;

#if defined(__GLIBC__)
  {
    union { unsigned int word; char *string; } w, h;

    w.string = nl_langinfo (_NL_PAPER_WIDTH);
    h.string = nl_langinfo (_NL_PAPER_HEIGHT);
    /* Only the two the world uses; anything odd (a broken locale) gives A4. */
    if (w.word == 216 && h.word == 279)
      {
        *width = LETTER_WIDTH;
        *height = LETTER_HEIGHT;
      }
  }
#endif
}

static CycleLayout
options_layout (CyclePlan                     *plan,
                const CycleImageExportOptions *options)
{
  if (options->layout < 0 || options->layout > CYCLE_LAYOUT_TWO_LANES)
    return cycle_plan_get_layout (plan);
  return options->layout;
}

/* The plan laid out once, with the projection the canvas shows and the legend. */
typedef struct
{
  CycleRenderPicture *render;
  CycleRect           extent;
  CycleRenderStyle    style;
} Picture;

static void
picture_init (Picture                       *picture,
              CyclePlan                     *plan,
              const CycleImageExportOptions *options)
{
  picture->render = cycle_render_picture_new (plan, options_layout (plan, options), TRUE);
  cycle_render_style_init (&picture->style, options->dark);
  cycle_render_picture_get_extent (picture->render, &picture->extent);
}

static void
picture_clear (Picture *picture)
{
  g_clear_pointer (&picture->render, cycle_render_picture_free);
}

/* The factor from canvas units to the first PDF page's points. */
static double
pdf_scale (const CycleRect *extent)
{
  double scale = POINTS_PER_UNIT;
  double side = MAX (extent->width, extent->height) * scale;

  if (side > CYCLE_IMAGE_EXPORT_MAX_PDF_SIDE)
    scale *= CYCLE_IMAGE_EXPORT_MAX_PDF_SIDE / side;
  return scale;
}

static void
size_of (const Picture                 *picture,
         const CycleImageExportOptions *options,
         double                        *width,
         double                        *height)
{
  switch (options->format)
    {
    case CYCLE_IMAGE_FORMAT_PNG:
      *width = ceil (picture->extent.width * options->scale);
      *height = ceil (picture->extent.height * options->scale);
      break;
    case CYCLE_IMAGE_FORMAT_PDF:
      *width = picture->extent.width * pdf_scale (&picture->extent);
      *height = picture->extent.height * pdf_scale (&picture->extent);
      break;
    case CYCLE_IMAGE_FORMAT_SVG:
    default:
      *width = picture->extent.width;
      *height = picture->extent.height;
      break;
    }
}

void
cycle_image_export_get_size (CyclePlan                     *plan,
                             const CycleImageExportOptions *options,
                             double                        *width,
                             double                        *height)
{
  Picture picture;

  g_return_if_fail (CYCLE_IS_PLAN (plan));
  g_return_if_fail (options != NULL);
  g_return_if_fail (width != NULL && height != NULL);

  picture_init (&picture, plan, options);
  size_of (&picture, options, width, height);
  picture_clear (&picture);
}

/* Writing through cairo */

typedef struct
{
  CycleExportFile *out;
  GError          *error;   /* the first write error, which names the file */
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!cycle_export_file_write (sink->out, data, length, &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* A write error says what the system said (disk full…); anything else is cairo's. */
static gboolean
check_status (Sink             *sink,
              cairo_status_t    status,
              GError          **error)
{
  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  if (status == CAIRO_STATUS_NO_MEMORY)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* TRANSLATORS: "Could not export “/home/ana/plan.pdf”: not enough memory" */
                 _("Could not export “%s”: not enough memory"),
                 cycle_export_file_get_display_name (sink->out));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not export “%s”: %s"),
                 cycle_export_file_get_display_name (sink->out),
                 cairo_status_to_string (status));
  return FALSE;
}

static void
draw_picture (cairo_t       *cr,
              const Picture *picture)
{
  cycle_render_picture_draw (picture->render, cr, &picture->style);
}

static gboolean
write_svg (const Picture  *picture,
           Sink           *sink,
           GError        **error)
{
  g_autoptr(GString) out = g_string_sized_new (4096);
  cairo_status_t status;

  /* Our own writer rather than cairo's SVG surface, which draws every letter as a glyph
   * outline: text stays text that slides and editors can search, edit and translate. */
  cycle_render_picture_write_svg (picture->render, &picture->style, out);
  status = sink_write (sink, (const unsigned char *) out->str, out->len);

  return check_status (sink, status, error);
}

/* PNG through libpng rather than cairo_surface_write_to_png_stream(): cairo compresses at zlib's
 * default level, which takes three times as long as drawing the picture. Measured on the
 * benchmark's pictures (5884 × 6058 px, 1 000 stages), encoding only: zlib level 2 with the SUB
 * filter 0.29–0.36 s / 2.2 MB; level 1 with no filter 0.21–0.23 s / 2.0 MB (flat areas compress
 * well unfiltered); Z_RLE 0.35–0.61 s / 8–18 MB; libspng 0.7 (zlib underneath) level 1, no filter
 * 0.21 s / 2.0 MB, the same; libdeflate level 1 0.35 s / 1.5 MB, and it needs the whole filtered
 * image in one buffer (214 MB there). So: libpng and zlib (no new library, in every runtime),
 * level 1, no filter, row by row.
 *
 * The picture is drawn in bands of rows on one small surface, each band encoded as soon as it
 * is drawn, leaving out what lies outside it: the memory a PNG needs no longer grows with its
 * size (a whole 5 000-stage picture is 620 MiB of pixels). */

#define PNG_BAND_BYTES (8 * 1024 * 1024)

static void
png_write_cb (png_structp  png,
              png_bytep    data,
              png_size_t   length)
{
  Sink *sink = png_get_io_ptr (png);

  if (sink_write (sink, data, length) != CAIRO_STATUS_SUCCESS)
    png_error (png, "write");
}

static void
png_flush_cb (png_structp png)
{
}

static G_GNUC_NORETURN void
png_error_cb (png_structp     png,
              png_const_charp message)
{
  png_longjmp (png, 1);
}

static void
png_warning_cb (png_structp     png,
                png_const_charp message)
{
}

/* One row of cairo's native-endian 0xAARRGGBB words, premultiplied, as PNG's RGB(A) bytes. */
static void
convert_row (const guint32 *src,
             png_bytep      dst,
             int            width,
             gboolean       alpha)
{
  for (int x = 0; x < width; x++)
    {
      guint32 p = src[x];
      guint a = alpha ? p >> 24 : 255;
      guint r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

      if (a != 0 && a != 255)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      *dst++ = r;
      *dst++ = g;
      *dst++ = b;
      if (alpha)
        *dst++ = a;
    }
}

static cairo_status_t
draw_and_encode_png (const Picture *picture,
                     double         scale,
                     int            width,
                     int            height,
                     Sink          *sink)
{
  /* An opaque background needs no alpha channel, which makes a smaller file. */
  gboolean alpha = picture->style.background.alpha < 1.0;
  int band = CLAMP (PNG_BAND_BYTES / (width * 4), 1, height);
  cairo_surface_t *surface;
  cairo_status_t status;
  png_bytep row;
  png_structp png;
  png_infop info;
  CycleDraw draw;
  cairo_t *cr;

  surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, width,
                                        band);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return status;
    }
  cr = cairo_create (surface);
  _cycle_draw_init_cairo (&draw, cr);
  row = g_malloc ((gsize) width * (alpha ? 4 : 3));

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, png_error_cb, png_warning_cb);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (info == NULL)
    {
      status = CAIRO_STATUS_NO_MEMORY;
      goto out;
    }

  if (setjmp (png_jmpbuf (png)))
    {
      status = CAIRO_STATUS_WRITE_ERROR;
      goto out;
    }

  png_set_write_fn (png, sink, png_write_cb, png_flush_cb);
  png_set_compression_level (png, 1);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR (png, info, width, height, 8, alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  png_write_info (png, info);

  for (int top = 0; top < height; top += band)
    {
      int rows = MIN (band, height - top);
      const guint8 *pixels;
      int stride;
      /* The band's rows in picture units, with a unit to spare for antialiasing */
      CycleRect region = { 0, top / scale - 1, picture->extent.width, band / scale + 2 };

      /* Nothing of the band before shows through where the picture covers a row only in part
       * (its last, at a scale that is not a whole number). */
      cairo_identity_matrix (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source_rgba (cr, picture->style.background.red, picture->style.background.green,
                             picture->style.background.blue, picture->style.background.alpha);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      /* Whole device pixels: a shape across two bands gets the same pixels in both. */
      cairo_translate (cr, 0, -top);
      cairo_scale (cr, scale, scale);
      _cycle_render_picture_draw_region (picture->render, &draw, &picture->style, &region);
      status = cairo_status (cr);
      if (status != CAIRO_STATUS_SUCCESS)
        goto out;

      cairo_surface_flush (surface);
      pixels = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < rows; y++)
        {
          convert_row ((const guint32 *) (gconstpointer) (pixels + (gsize) y * stride), row,
                       width, alpha);
          png_write_row (png, row);
        }
      cairo_surface_mark_dirty (surface);
    }

  png_write_end (png, info);
  status = CAIRO_STATUS_SUCCESS;

out:
  if (png != NULL)
    png_destroy_write_struct (&png, info != NULL ? &info : NULL);
  g_free (row);
  _cycle_draw_clear (&draw);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return status;
}

static gboolean
write_png (const Picture                 *picture,
           const CycleImageExportOptions *options,
           Sink                          *sink,
           GError                       **error)
{
  double width, height;

  size_of (picture, options, &width, &height);

  if (width > CYCLE_IMAGE_EXPORT_MAX_PNG_SIDE || height > CYCLE_IMAGE_EXPORT_MAX_PNG_SIDE ||
      width * height > CYCLE_IMAGE_EXPORT_MAX_PNG_PIXELS)
    {
      g_autofree char *across = cycle_format_count (width);
      g_autofree char *down = cycle_format_count (height);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* TRANSLATORS: "Could not export “plan.png”: the picture would be 40,000 ×
                    * 900 pixels, more than a PNG can hold here. Choose a smaller scale, or
                    * export SVG or PDF." The numbers are already grouped. */
                   _("Could not export “%s”: the picture would be %s × %s pixels, more than "
                     "a PNG can hold here. Choose a smaller scale, or export SVG or PDF."),
                   cycle_export_file_get_display_name (sink->out), across, down);
      return FALSE;
    }
  /* A scale such as 1e-300 passes "more than 0" but leaves nothing to draw (and cairo no
   * matrix to draw it with) */
  if (picture->extent.width * options->scale < 1 && picture->extent.height * options->scale < 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not export “%s”: at this scale the picture would be smaller than "
                     "one pixel. Choose a larger scale."),
                   cycle_export_file_get_display_name (sink->out));
      return FALSE;
    }

  return check_status (sink, draw_and_encode_png (picture, options->scale, MAX ((int) width, 1),
                                                  MAX ((int) height, 1), sink),
                       error);
}

static gboolean
write_pdf (CyclePlan                     *plan,
           const Picture                 *picture,
           const CycleImageExportOptions *options,
           Sink                          *sink,
           GError                       **error)
{
  g_autofree char *creator = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height, scale;
  const char *title;
  cairo_t *cr;

  size_of (picture, options, &width, &height);
  scale = pdf_scale (&picture->extent);

  surface = cairo_pdf_surface_create_for_stream (sink_write, sink, width, height);
  title = cycle_plan_get_title (plan);
  if (title != NULL && title[0] != '\0')
    {
      g_autofree char *drawable = _cycle_draw_dup_drawable (title);

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      drawable != NULL ? drawable : title);
    }
  creator = g_strdup_printf ("Cycle %s", PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  /* cairo dates the document with the clock unless told otherwise; no date (an empty one leaves
   * it out), so that the same plan always gives the same bytes. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "");

  cr = cairo_create (surface);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  draw_picture (cr, picture);
  cairo_restore (cr);
  cairo_show_page (cr);

  if (options->content_pages)
    {
      g_autoptr(CycleContentPages) pages = NULL;
      CycleRenderStyle style;
      double paper_width = options->paper_width;
      double paper_height = options->paper_height;
      guint n;

      if (paper_width <= 0 || paper_height <= 0)
        default_paper (&paper_width, &paper_height);

      /* Paper is white whatever the picture's style: text in the light style's colours. */
      cycle_render_style_init (&style, FALSE);
      pages = cycle_content_pages_new (plan, &style, paper_width, paper_height);
      n = cycle_content_pages_get_n_pages (pages);
      /* The picture is page 1 */
      cycle_content_pages_set_page_numbers (pages, 2, n + 1);

      cairo_pdf_surface_set_size (surface, paper_width, paper_height);
      for (guint i = 0; i < n && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
        {
          cycle_content_pages_draw (pages, cr, i);
          cairo_show_page (cr);
        }
    }

  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_status (sink, status, error);
}

gboolean
cycle_image_export_write (CyclePlan                     *plan,
                          const CycleImageExportOptions *options,
                          CycleExportFile               *out,
                          GError                       **error)
{
  Sink sink = { out, NULL };
  Picture picture;
  gboolean ok;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->format == CYCLE_IMAGE_FORMAT_PNG &&
      !(options->scale > 0 && options->scale <= CYCLE_IMAGE_EXPORT_MAX_SCALE))
    {
      g_autofree char *most = cycle_format_number (CYCLE_IMAGE_EXPORT_MAX_SCALE);
      g_autofree char *given = cycle_format_number (options->scale);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The scale of a PNG must be more than 0 and at most %s, not %s."),
                   most, given);
      return FALSE;
    }

  picture_init (&picture, plan, options);

  switch (options->format)
    {
    case CYCLE_IMAGE_FORMAT_PNG:
      ok = write_png (&picture, options, &sink, error);
      break;
    case CYCLE_IMAGE_FORMAT_PDF:
      ok = write_pdf (plan, &picture, options, &sink, error);
      break;
    case CYCLE_IMAGE_FORMAT_SVG:
      ok = write_svg (&picture, &sink, error);
      break;
    default:
      g_critical ("%s: unknown image format %d", G_STRFUNC, options->format);
      ok = FALSE;
      break;
    }

  g_clear_error (&sink.error);
  picture_clear (&picture);
  return ok;
}

gboolean
cycle_image_export_to_file (CyclePlan                     *plan,
                            const CycleImageExportOptions *options,
                            GFile                         *file,
                            GError                       **error)
{
  g_autoptr(CycleExportFile) out = NULL;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  out = cycle_export_file_new (file, error);
  if (out == NULL)
    return FALSE;

  /* Freeing @out without a commit removes the temporary file. */
  return cycle_image_export_write (plan, options, out, error) &&
         cycle_export_file_commit (out, error);
}
