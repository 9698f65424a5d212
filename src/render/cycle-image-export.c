/* cycle-image-export.c: SVG, PNG and PDF of a plan's picture, and the content listing
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
#include <cairo-svg.h>
#include <png.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cycle-image-export.h"

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

static const char * const format_names[] = { "svg", "png", "pdf" };

gboolean
cycle_image_format_from_name (const char       *name,
                              CycleImageFormat *format)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *format = (CycleImageFormat) i;
        return TRUE;
      }

  return FALSE;
}

const char *
cycle_image_format_to_name (CycleImageFormat format)
{
  g_return_val_if_fail ((guint) format < G_N_ELEMENTS (format_names), NULL);

  return format_names[format];
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

/* Where the picture's numbers come from: the volumes the canvas shows. */
typedef struct
{
  CycleLayout       layout;
  double           *volumes;   /* NULL, or one per stage */
  CycleRect         extent;
  CycleRenderStyle  style;
} Picture;

static void
picture_init (Picture                       *picture,
              CyclePlan                     *plan,
              const CycleImageExportOptions *options)
{
  guint n = 0;

  picture->layout = options_layout (plan, options);
  picture->volumes = cycle_export_dup_projected_volumes (plan, &n);
  cycle_render_style_init (&picture->style, options->dark);
  cycle_render_get_plan_extent (plan, picture->layout, picture->volumes, &picture->extent);
}

static void
picture_clear (Picture *picture)
{
  g_clear_pointer (&picture->volumes, g_free);
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
              CyclePlan     *plan,
              const Picture *picture)
{
  cycle_render_plan (cr, plan, picture->layout, picture->volumes, &picture->style, NULL);
}

static gboolean
write_svg (CyclePlan                     *plan,
           const Picture                 *picture,
           const CycleImageExportOptions *options,
           Sink                          *sink,
           GError                       **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_svg_surface_create_for_stream (sink_write, sink, picture->extent.width,
                                                 picture->extent.height);
  /* px, so the SVG is as big as the canvas shows it (cairo 1.16 writes pt otherwise). */
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);

  cr = cairo_create (surface);
  draw_picture (cr, plan, picture);
  status = cairo_status (cr);
  cairo_destroy (cr);

  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_status (sink, status, error);
}

/* PNG through libpng rather than cairo_surface_write_to_png_stream(): cairo compresses at zlib's
 * default level, which takes three times as long as drawing the picture. Diagrams are large flat
 * areas: the SUB filter and a fast level keep files small enough at a third of the time. */

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

static cairo_status_t
encode_png (cairo_surface_t *surface,
            Sink            *sink)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  gboolean alpha = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32;
  const guint8 *pixels = cairo_image_surface_get_data (surface);
  int channels = alpha ? 4 : 3;
  volatile png_bytep row = NULL;
  png_structp png;
  png_infop info;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, NULL, png_error_cb, png_warning_cb);
  if (png == NULL)
    return CAIRO_STATUS_NO_MEMORY;
  info = png_create_info_struct (png);
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      return CAIRO_STATUS_NO_MEMORY;
    }

  if (setjmp (png_jmpbuf (png)))
    {
      g_free ((gpointer) row);
      png_destroy_write_struct (&png, &info);
      return CAIRO_STATUS_WRITE_ERROR;
    }

  png_set_write_fn (png, sink, png_write_cb, png_flush_cb);
  png_set_compression_level (png, 2);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
  png_set_IHDR (png, info, width, height, 8, alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  png_write_info (png, info);

  row = g_malloc ((gsize) width * channels);
  for (int y = 0; y < height; y++)
    {
      const guint32 *src = (const guint32 *) (gconstpointer) (pixels + (gsize) y * stride);
      png_bytep dst = (png_bytep) row;

      /* cairo keeps native-endian 0xAARRGGBB words, premultiplied. */
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
      png_write_row (png, (png_bytep) row);
    }

  png_write_end (png, info);
  g_free ((gpointer) row);
  png_destroy_write_struct (&png, &info);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
write_png (CyclePlan                     *plan,
           const Picture                 *picture,
           const CycleImageExportOptions *options,
           Sink                          *sink,
           GError                       **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height;
  cairo_t *cr;

  size_of (picture, options, &width, &height);

  if (width > CYCLE_IMAGE_EXPORT_MAX_PNG_SIDE || height > CYCLE_IMAGE_EXPORT_MAX_PNG_SIDE ||
      width * height > CYCLE_IMAGE_EXPORT_MAX_PNG_PIXELS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* TRANSLATORS: "Could not export “plan.png”: the picture would be 40000 ×
                    * 900 pixels, more than a PNG can hold here. Choose a smaller scale, or
                    * export SVG or PDF." */
                   _("Could not export “%s”: the picture would be %.0f × %.0f pixels, more than "
                     "a PNG can hold here. Choose a smaller scale, or export SVG or PDF."),
                   cycle_export_file_get_display_name (sink->out), width, height);
      return FALSE;
    }

  /* An opaque background needs no alpha channel, which makes a smaller file. */
  surface = cairo_image_surface_create (picture->style.background.alpha >= 1.0
                                        ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32,
                                        MAX ((int) width, 1), MAX ((int) height, 1));
  status = cairo_surface_status (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      cr = cairo_create (surface);
      cairo_scale (cr, options->scale, options->scale);
      draw_picture (cr, plan, picture);
      status = cairo_status (cr);
      cairo_destroy (cr);
    }

  if (status == CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_flush (surface);
      status = encode_png (surface, sink);
    }
  cairo_surface_destroy (surface);

  return check_status (sink, status, error);
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
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  creator = g_strdup_printf ("Cycle %s", PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);

  cr = cairo_create (surface);

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  draw_picture (cr, plan, picture);
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
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The scale of a PNG must be more than 0 and at most %g, not %g."),
                   CYCLE_IMAGE_EXPORT_MAX_SCALE, options->scale);
      return FALSE;
    }

  picture_init (&picture, plan, options);

  switch (options->format)
    {
    case CYCLE_IMAGE_FORMAT_PNG:
      ok = write_png (plan, &picture, options, &sink, error);
      break;
    case CYCLE_IMAGE_FORMAT_PDF:
      ok = write_pdf (plan, &picture, options, &sink, error);
      break;
    case CYCLE_IMAGE_FORMAT_SVG:
      ok = write_svg (plan, &picture, options, &sink, error);
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

/* The content listing */

/* Sizes in points (the units of the cairo_t). */
#define MARGIN          42.0
#define TITLE_SIZE      16.0
#define TITLE_HEIGHT    36.0
#define HEADING_SIZE    11.0
#define HEADING_HEIGHT  24.0
#define HEADER_SIZE      7.5
#define HEADER_HEIGHT   16.0
#define BODY_SIZE        9.0
#define ROW_HEIGHT      14.0
#define STAGE_GAP        8.0
#define FOOTER_SIZE      8.0
#define FOOTER_HEIGHT   20.0
#define SWATCH_SIZE     10.0
#define CELL_PADDING     6.0

typedef enum {
  ROW_TITLE,         /* the listing's title, once, on its first page */
  ROW_HEADER,        /* the column names, at the top of each page */
  ROW_HEADING,       /* a stage's name (repeated, "continued", on a later page) */
  ROW_CONTENT,
  ROW_EMPTY,         /* "No content" */
  ROW_NO_STAGES,     /* a plan with no stages */
} RowKind;

typedef struct
{
  RowKind       kind;
  guint         page;
  double        y;
  gboolean      continued;
  CycleStage   *stage;     /* owned */
  CycleContent *content;   /* owned */
} Row;

struct _CycleContentPages
{
  CyclePlan        *plan;
  CycleRenderStyle  style;
  double            width;
  double            height;
  GArray           *rows;
  guint             n_pages;
  guint             first_number;
  guint             total_number;
};

/* Column widths, as shares of the table's width: title, format, channel, status, due. */
static const double column_shares[] = { 0.40, 0.15, 0.17, 0.13, 0.15 };

static double
row_height (RowKind kind)
{
  switch (kind)
    {
    case ROW_TITLE:
      return TITLE_HEIGHT;
    case ROW_HEADING:
      return HEADING_HEIGHT;
    case ROW_HEADER:
      return HEADER_HEIGHT;
    case ROW_CONTENT:
    case ROW_EMPTY:
    case ROW_NO_STAGES:
    default:
      return ROW_HEIGHT;
    }
}

static void
clear_row (gpointer data)
{
  Row *row = data;

  g_clear_object (&row->stage);
  g_clear_object (&row->content);
}

typedef struct
{
  CycleContentPages *self;
  guint              page;
  double             y;
  double             bottom;
} Paginator;

static void
place (Paginator    *p,
       RowKind       kind,
       CycleStage   *stage,
       CycleContent *content,
       gboolean      continued)
{
  Row row = { 0, };

  row.kind = kind;
  row.page = p->page;
  row.y = p->y;
  row.continued = continued;
  row.stage = stage != NULL ? g_object_ref (stage) : NULL;
  row.content = content != NULL ? g_object_ref (content) : NULL;
  g_array_append_val (p->self->rows, row);
  p->y += row_height (kind);
}

static void
new_page (Paginator *p)
{
  p->page++;
  p->y = MARGIN;
  place (p, ROW_HEADER, NULL, NULL, FALSE);
}

CycleContentPages *
cycle_content_pages_new (CyclePlan              *plan,
                         const CycleRenderStyle *style,
                         double                  page_width,
                         double                  page_height)
{
  CycleContentPages *self;
  GListModel *stages;
  Paginator p;
  guint n_stages;
  double first_row;

  g_return_val_if_fail (CYCLE_IS_PLAN (plan), NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (page_width > 2 * MARGIN && page_height > 2 * MARGIN, NULL);

  self = g_new0 (CycleContentPages, 1);
  self->plan = g_object_ref (plan);
  self->style = *style;
  self->width = page_width;
  self->height = page_height;
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, clear_row);

  p.self = self;
  p.page = 0;
  p.y = MARGIN;
  p.bottom = page_height - MARGIN - FOOTER_HEIGHT;

  place (&p, ROW_TITLE, NULL, NULL, FALSE);
  place (&p, ROW_HEADER, NULL, NULL, FALSE);

  stages = cycle_plan_get_stages (plan);
  n_stages = g_list_model_get_n_items (stages);
  if (n_stages == 0)
    place (&p, ROW_NO_STAGES, NULL, NULL, FALSE);

  /* A heading never ends a page: it goes with its first row. */
  first_row = HEADING_HEIGHT + ROW_HEIGHT;

  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);
      GListModel *content = cycle_stage_get_content (stage);
      guint n = g_list_model_get_n_items (content);

      if (i > 0)
        p.y += STAGE_GAP;
      if (p.y + first_row > p.bottom)
        new_page (&p);

      place (&p, ROW_HEADING, stage, NULL, FALSE);
      if (n == 0)
        {
          place (&p, ROW_EMPTY, stage, NULL, FALSE);
          continue;
        }

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(CycleContent) item = g_list_model_get_item (content, j);

          if (p.y + ROW_HEIGHT > p.bottom)
            {
              new_page (&p);
              place (&p, ROW_HEADING, stage, NULL, TRUE);
            }
          place (&p, ROW_CONTENT, stage, item, FALSE);
        }
    }

  self->n_pages = p.page + 1;
  self->first_number = 1;
  self->total_number = self->n_pages;
  return self;
}

guint
cycle_content_pages_get_n_pages (CycleContentPages *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

void
cycle_content_pages_set_page_numbers (CycleContentPages *self,
                                      guint              first,
                                      guint              total)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (first >= 1 && first - 1 + self->n_pages <= total);

  self->first_number = first;
  self->total_number = total;
}

void
cycle_content_pages_free (CycleContentPages *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->rows);
  g_object_unref (self->plan);
  g_free (self);
}

static void
set_color (cairo_t          *cr,
           const CycleColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* One line of text at x, y (its top), ellipsized to @width. */
static void
draw_text (cairo_t                *cr,
           PangoLayout            *layout,
           const CycleRenderStyle *style,
           const char             *text,
           double                  size,
           PangoWeight             weight,
           const CycleColor       *color,
           double                  x,
           double                  y,
           double                  width,
           PangoAlignment          alignment)
{
  PangoFontDescription *desc = pango_font_description_new ();

  pango_font_description_set_family (desc, style->font_family != NULL ? style->font_family
                                                                      : "Sans");
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static const char *
or_dash (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : "—";
}

/* A usual format or channel word, translated; other text as the plan says it. */
static const char *
translate_word (const char          *word,
                const char          *context,
                const char * const  *suggestions)
{
  for (guint i = 0; suggestions[i] != NULL; i++)
    if (strcmp (suggestions[i], word) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, context, word);

  return word;
}

static void
draw_row (CycleContentPages *self,
          cairo_t           *cr,
          PangoLayout       *layout,
          const Row         *row)
{
  const CycleRenderStyle *style = &self->style;
  double x = MARGIN;
  double width = self->width - 2 * MARGIN;

  switch (row->kind)
    {
    case ROW_TITLE:
      {
        const char *title = cycle_plan_get_title (self->plan);
        g_autofree char *text = NULL;

        if (title != NULL && title[0] != '\0')
          /* TRANSLATORS: the title of the content listing: "Content per stage: Coffee club" */
          text = g_strdup_printf (_("Content per stage: %s"), title);
        else
          text = g_strdup (_("Content per stage"));
        draw_text (cr, layout, style, text, TITLE_SIZE, PANGO_WEIGHT_BOLD, &style->text,
                   x, row->y, width, PANGO_ALIGN_LEFT);
      }
      break;

    case ROW_HEADING:
      {
        guint n = cycle_stage_get_n_content (row->stage);
        CycleColor accent;
        g_autofree char *name = NULL;
        g_autofree char *details = NULL;
        double details_width = width * 0.4;

        cycle_render_style_get_stage_colors (style, row->stage, &accent, NULL, NULL);
        set_color (cr, &accent);
        cairo_rectangle (cr, x, row->y + 5, SWATCH_SIZE, SWATCH_SIZE);
        cairo_fill (cr);

        if (row->continued)
          /* TRANSLATORS: a stage's heading at the top of a page, when its list goes on there */
          name = g_strdup_printf (_("%s (continued)"), cycle_stage_get_name (row->stage));
        else
          name = g_strdup (cycle_stage_get_name (row->stage));

        /* TRANSLATORS: after a stage's name: "Internal funnel · 3 items" */
        details = g_strdup_printf (ngettext ("%s · %u item", "%s · %u items", n),
                                   cycle_enum_get_label (CYCLE_TYPE_LANE,
                                                         cycle_stage_get_lane (row->stage)),
                                   n);

        draw_text (cr, layout, style, name, HEADING_SIZE, PANGO_WEIGHT_BOLD, &style->text,
                   x + SWATCH_SIZE + CELL_PADDING, row->y + 2,
                   width - details_width - SWATCH_SIZE - 2 * CELL_PADDING, PANGO_ALIGN_LEFT);
        draw_text (cr, layout, style, details, BODY_SIZE, PANGO_WEIGHT_NORMAL,
                   &style->secondary_text, x + width - details_width, row->y + 5,
                   details_width, PANGO_ALIGN_RIGHT);

        /* A rule under the heading, in the stage's colour */
        set_color (cr, &accent);
        cairo_rectangle (cr, x, row->y + HEADING_HEIGHT - 5, width, 1.0);
        cairo_fill (cr);
      }
      break;

    case ROW_HEADER:
    case ROW_CONTENT:
      {
        const char *cells[G_N_ELEMENTS (column_shares)];
        gboolean header = row->kind == ROW_HEADER;
        double cx = x;

        if (header)
          {
            cells[0] = C_("content listing column", "Title");
            cells[1] = C_("content listing column", "Format");
            cells[2] = C_("content listing column", "Channel");
            cells[3] = C_("content listing column", "Status");
            cells[4] = C_("content listing column", "Due");
          }
        else
          {
            CycleContent *c = row->content;

            cells[0] = cycle_content_get_title (c);
            cells[1] = or_dash (translate_word (cycle_content_get_format (c), "content format",
                                                cycle_content_suggested_formats ()));
            cells[2] = or_dash (translate_word (cycle_content_get_channel (c),
                                                "content channel",
                                                cycle_content_suggested_channels ()));
            cells[3] = cycle_enum_get_label (CYCLE_TYPE_STATUS, cycle_content_get_status (c));
            cells[4] = or_dash (cycle_content_get_due (c));
          }

        for (guint c = 0; c < G_N_ELEMENTS (column_shares); c++)
          {
            double cw = width * column_shares[c];

            draw_text (cr, layout, style, cells[c], header ? HEADER_SIZE : BODY_SIZE,
                       header ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL,
                       header ? &style->secondary_text : &style->text,
                       cx, row->y + (header ? 3 : 2), cw - CELL_PADDING, PANGO_ALIGN_LEFT);
            cx += cw;
          }

        /* A hairline between rows keeps a long table readable */
        set_color (cr, &style->border);
        cairo_rectangle (cr, x, row->y + row_height (row->kind) - 0.5, width, 0.5);
        cairo_fill (cr);
      }
      break;

    case ROW_EMPTY:
      draw_text (cr, layout, style, _("No content yet"), BODY_SIZE, PANGO_WEIGHT_NORMAL,
                 &style->secondary_text, x, row->y + 2, width, PANGO_ALIGN_LEFT);
      break;

    case ROW_NO_STAGES:
      draw_text (cr, layout, style, _("The plan has no stages yet."), BODY_SIZE,
                 PANGO_WEIGHT_NORMAL, &style->secondary_text, x, row->y + 2, width,
                 PANGO_ALIGN_LEFT);
      break;

    default:
      g_assert_not_reached ();
    }
}

static guint
first_row_of_page (CycleContentPages *self,
                   guint              page)
{
  guint lo = 0, hi = self->rows->len;

  /* Rows are in page order: the first whose page is not before @page. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->rows, Row, mid).page < page)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
cycle_content_pages_draw (CycleContentPages *self,
                          cairo_t           *cr,
                          guint              page)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *footer = NULL;
  const char *title;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  cairo_new_path (cr);

  layout = pango_cairo_create_layout (cr);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (layout, TRUE);

  for (guint i = first_row_of_page (self, page); i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);

      if (row->page != page)
        break;
      draw_row (self, cr, layout, row);
    }

  title = cycle_plan_get_title (self->plan);
  /* TRANSLATORS: the footer of the content listing's pages: "Page 2 of 5" */
  footer = g_strdup_printf (_("Page %u of %u"), self->first_number + page, self->total_number);
  draw_text (cr, layout, &self->style, title, FOOTER_SIZE, PANGO_WEIGHT_NORMAL,
             &self->style.secondary_text, MARGIN, self->height - MARGIN - FOOTER_SIZE * 1.4,
             (self->width - 2 * MARGIN) * 0.7, PANGO_ALIGN_LEFT);
  draw_text (cr, layout, &self->style, footer, FOOTER_SIZE, PANGO_WEIGHT_NORMAL,
             &self->style.secondary_text, self->width - MARGIN - (self->width - 2 * MARGIN) * 0.3,
             self->height - MARGIN - FOOTER_SIZE * 1.4, (self->width - 2 * MARGIN) * 0.3,
             PANGO_ALIGN_RIGHT);

  cairo_restore (cr);
}
