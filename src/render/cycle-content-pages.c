/* cycle-content-pages.c: the content listing, paginated, for the PDF export and for printing
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-image-export"

#include "config.h"

#include <langinfo.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "cycle-content-pages.h"
#include "cycle-draw-private.h"

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
  g_autofree char *drawable = NULL;

  pango_font_description_set_family (desc, style->font_family != NULL ? style->font_family
                                                                      : "Sans");
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  drawable = _cycle_draw_dup_drawable (text);
  pango_layout_set_text (layout, drawable != NULL ? drawable : text != NULL ? text : "", -1);

  set_color (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static const char *
or_dash (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : "—";
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
        g_autofree char *due = NULL;
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
            cells[1] = or_dash (cycle_content_format_to_display (cycle_content_get_format (c)));
            cells[2] = or_dash (cycle_content_channel_to_display (cycle_content_get_channel (c)));
            cells[3] = cycle_enum_get_label (CYCLE_TYPE_STATUS, cycle_content_get_status (c));
            /* As the board and the table show it, in the interface's language */
            due = cycle_content_format_due (cycle_content_get_due (c));
            cells[4] = or_dash (due);
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
