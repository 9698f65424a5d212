/* cycle-draw.c: the cairo and SVG back ends of the drawing
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-draw"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cycle-draw-private.h"

static PangoContext *
create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics and unrounded positions: text takes the same room at every zoom, on
   * screen and in export, so what fits on the canvas fits in the picture. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);

  return context;
}

void
_cycle_draw_init_cairo (CycleDraw *draw,
                        cairo_t   *cr)
{
  draw->cr = cairo_reference (cr);
  draw->context = create_context (cr);
  draw->svg = NULL;
  draw->layouts = NULL;
}

void
_cycle_draw_init_svg (CycleDraw *draw,
                      GString   *out)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);

  draw->cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  draw->context = create_context (draw->cr);
  draw->svg = out;
  draw->layouts = NULL;
}

void
_cycle_draw_clear (CycleDraw *draw)
{
  g_clear_pointer (&draw->layouts, g_hash_table_unref);
  g_clear_object (&draw->context);
  g_clear_pointer (&draw->cr, cairo_destroy);
  draw->svg = NULL;
}

PangoLayout *
_cycle_draw_new_layout (CycleDraw *draw)
{
  /* On screen the transformation changes between stages (zoom, each node's offset): the
   * context follows it, as pango_cairo_create_layout() would. */
  if (draw->svg == NULL)
    pango_cairo_update_context (draw->cr, draw->context);
  return pango_layout_new (draw->context);
}

/* Shaped text, kept */

#define MAX_CACHED_LAYOUTS 512

/* What the text is shaped from: the family the style resolves to, and the text with its size
 * scaled and the measures its mode ignores set to -1 (a cached layout serves every call that
 * would make the same one). The text is owned by the keys stored in the cache. */
typedef struct
{
  const char    *family;
  CycleDrawText  t;
} TextKey;

static guint
text_key_hash (gconstpointer data)
{
  const TextKey *k = data;

  /* Through int: the width is -1 for natural text, which no unsigned type holds. */
  return g_str_hash (k->t.text) ^ (guint) (int) (k->t.size * 64) ^
         ((guint) (int) (k->t.width * 16) << 8) ^ ((guint) k->t.weight << 4) ^
         ((guint) k->t.alignment << 2) ^ (guint) k->t.mode;
}

static gboolean
text_key_equal (gconstpointer a,
                gconstpointer b)
{
  const TextKey *x = a, *y = b;

  return x->t.size == y->t.size && x->t.width == y->t.width && x->t.height == y->t.height &&
         x->t.weight == y->t.weight && x->t.alignment == y->t.alignment &&
         x->t.mode == y->t.mode && g_strcmp0 (x->family, y->family) == 0 &&
         strcmp (x->t.text, y->t.text) == 0;
}

static void
text_key_free (gpointer data)
{
  TextKey *k = data;

  g_free ((char *) k->t.text);
  g_free (k);
}

PangoLayout *
_cycle_draw_text_layout (CycleDraw              *draw,
                         const CycleRenderStyle *style,
                         const CycleDrawText    *text)
{
  const char *family = style->font_family != NULL ? style->font_family
                                                  : CYCLE_DRAW_DEFAULT_FONT_FAMILY;
  TextKey key = { family, *text };
  g_autofree char *drawable = NULL;
  PangoFontDescription *desc;
  PangoLayout *layout;
  TextKey *stored;

  if (key.t.text == NULL)
    key.t.text = "";
  key.t.size *= style->scale;
  if (key.t.mode == CYCLE_DRAW_TEXT_NATURAL)
    key.t.width = -1;
  if (key.t.mode != CYCLE_DRAW_TEXT_WRAP)
    key.t.height = -1;

  if (draw->layouts == NULL)
    draw->layouts = g_hash_table_new_full (text_key_hash, text_key_equal, text_key_free,
                                           g_object_unref);
  layout = g_hash_table_lookup (draw->layouts, &key);
  if (layout != NULL)
    return layout;
  if (g_hash_table_size (draw->layouts) >= MAX_CACHED_LAYOUTS)
    g_hash_table_remove_all (draw->layouts);

  layout = _cycle_draw_new_layout (draw);
  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, family);
  pango_font_description_set_weight (desc, key.t.weight);
  pango_font_description_set_absolute_size (desc, key.t.size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  pango_layout_set_alignment (layout, key.t.alignment);
  switch (key.t.mode)
    {
    case CYCLE_DRAW_TEXT_NATURAL:
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      break;
    case CYCLE_DRAW_TEXT_WRAP:
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) (MAX (key.t.width, 1) * PANGO_SCALE));
      pango_layout_set_height (layout, (int) (key.t.height * PANGO_SCALE));
      break;
    case CYCLE_DRAW_TEXT_ELLIPSIZE:
    default:
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) (MAX (key.t.width, 1) * PANGO_SCALE));
      break;
    }
  drawable = _cycle_draw_dup_drawable (key.t.text);
  pango_layout_set_text (layout, drawable != NULL ? drawable : key.t.text, -1);

  stored = g_new (TextKey, 1);
  *stored = key;
  stored->t.text = g_strdup (key.t.text);
  g_hash_table_insert (draw->layouts, stored, layout);
  return layout;
}

/* SVG text */

void
_cycle_draw_append_number (GString *out,
                           double   value)
{
  char buf[32];
  int i = sizeof buf;
  gint64 n;
  int frac;

  if (!isfinite (value) || fabs (value) > 1e15)
    value = 0;
  n = (gint64) llround (value * 100);
  if (n < 0)
    {
      g_string_append_c (out, '-');
      n = -n;
    }
  frac = (int) (n % 100);
  n /= 100;
  if (frac != 0)
    {
      if (frac % 10 == 0)
        buf[--i] = (char) ('0' + frac / 10);
      else
        {
          buf[--i] = (char) ('0' + frac % 10);
          buf[--i] = (char) ('0' + frac / 10);
        }
      buf[--i] = '.';
    }
  do
    {
      buf[--i] = (char) ('0' + n % 10);
      n /= 10;
    }
  while (n > 0);
  g_string_append_len (out, buf + i, (gssize) sizeof buf - i);
}

void
_cycle_draw_append_color (GString          *out,
                          const CycleColor *color)
{
  static const char hex[] = "0123456789abcdef";
  double channels[3] = { color->red, color->green, color->blue };
  char buf[7];

  buf[0] = '#';
  for (guint i = 0; i < 3; i++)
    {
      int v = (int) lround (CLAMP (channels[i], 0.0, 1.0) * 255);

      buf[1 + 2 * i] = hex[v >> 4];
      buf[2 + 2 * i] = hex[v & 0xf];
    }
  g_string_append_len (out, buf, sizeof buf);
}

static gboolean
is_noncharacter (gunichar c)
{
  return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

char *
_cycle_draw_dup_drawable (const char *text)
{
  GString *out = NULL;
  const char *done = text;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0xef && is_noncharacter (g_utf8_get_char (p)))
      {
        if (out == NULL)
          out = g_string_new (NULL);
        g_string_append_len (out, done, p - done);
        g_string_append_unichar (out, 0xfffd);
        done = g_utf8_next_char (p);
      }

  if (out == NULL)
    return NULL;
  g_string_append (out, done);
  return g_string_free (out, FALSE);
}

void
_cycle_draw_append_escaped (GString    *out,
                            const char *text,
                            gssize      length)
{
  const char *p = text;
  const char *end;

  if (text == NULL)
    return;
  end = text + (length < 0 ? strlen (text) : (gsize) length);

  while (p < end)
    {
      const char *run = p;
      gunichar c;

      /* Plain ASCII goes over in one piece. */
      while (p < end && (guchar) *p >= 0x20 && (guchar) *p < 0x80 && *p != '&' && *p != '<' &&
             *p != '>' && *p != '"')
        p++;
      if (p > run)
        g_string_append_len (out, run, p - run);
      if (p >= end)
        break;

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;   /* broken UTF-8: left out */
          continue;
        }
      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\t':
        case '\n':
          g_string_append_c (out, ' ');
          break;
        default:
          if (c >= 0x20 && c != 0xfffe && c != 0xffff)
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
      p = g_utf8_next_char (p);
    }
}

/* SVG shapes */

static void
append_point (GString      *out,
              char          command,
              const double *xy,
              guint         n)
{
  g_string_append_c (out, command);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      _cycle_draw_append_number (out, xy[i]);
    }
}

/* <path d="…" with the current path in the picture's coordinates; clears the path. */
static void
append_path (CycleDraw *draw)
{
  GString *out = draw->svg;
  cairo_path_t *path;
  cairo_matrix_t matrix;

  /* cairo keeps paths in device space: copied under the identity, they come out in it. */
  cairo_get_matrix (draw->cr, &matrix);
  cairo_identity_matrix (draw->cr);
  path = cairo_copy_path (draw->cr);
  cairo_set_matrix (draw->cr, &matrix);
  cairo_new_path (draw->cr);

  g_string_append (out, "<path d=\"");
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    {
      const cairo_path_data_t *d = &path->data[i];
      double xy[6];

      switch (d->header.type)
        {
        case CAIRO_PATH_MOVE_TO:
          /* cairo adds one after each close: useless at the end or before another move. */
          if (i + d->header.length >= path->num_data ||
              path->data[i + d->header.length].header.type == CAIRO_PATH_MOVE_TO)
            break;
          xy[0] = d[1].point.x;
          xy[1] = d[1].point.y;
          append_point (out, 'M', xy, 2);
          break;
        case CAIRO_PATH_LINE_TO:
          xy[0] = d[1].point.x;
          xy[1] = d[1].point.y;
          append_point (out, 'L', xy, 2);
          break;
        case CAIRO_PATH_CURVE_TO:
          for (guint k = 0; k < 3; k++)
            {
              xy[2 * k] = d[1 + k].point.x;
              xy[2 * k + 1] = d[1 + k].point.y;
            }
          append_point (out, 'C', xy, 6);
          break;
        case CAIRO_PATH_CLOSE_PATH:
        default:
          g_string_append_c (out, 'Z');
          break;
        }
    }
  g_string_append_c (out, '"');
  cairo_path_destroy (path);
}

static void
append_paint (GString          *out,
              const char       *what,
              const CycleColor *color,
              double            alpha)
{
  double a = color->alpha * alpha;

  /* Plain appends: printf costs more than all the rest of an element. */
  g_string_append_c (out, ' ');
  g_string_append (out, what);
  g_string_append (out, "=\"");
  _cycle_draw_append_color (out, color);
  g_string_append_c (out, '"');
  if (a < 1.0)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, what);
      g_string_append (out, "-opacity=\"");
      _cycle_draw_append_number (out, a);
      g_string_append_c (out, '"');
    }
}

static void
append_number_attribute (GString    *out,
                         const char *name,
                         double      value)
{
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  _cycle_draw_append_number (out, value);
  g_string_append_c (out, '"');
}

static void
append_stroke (GString               *out,
               const CycleDrawStroke *stroke)
{
  append_paint (out, "stroke", stroke->color, stroke->alpha);
  append_number_attribute (out, "stroke-width", stroke->width);
  if (stroke->dash != NULL && stroke->n_dash > 0)
    {
      g_string_append (out, " stroke-dasharray=\"");
      for (int i = 0; i < stroke->n_dash; i++)
        {
          if (i > 0)
            g_string_append_c (out, ' ');
          _cycle_draw_append_number (out, stroke->dash[i]);
        }
      g_string_append_c (out, '"');
    }
  if (stroke->cap == CAIRO_LINE_CAP_ROUND)
    g_string_append (out, " stroke-linecap=\"round\"");
  else if (stroke->cap == CAIRO_LINE_CAP_SQUARE)
    g_string_append (out, " stroke-linecap=\"square\"");
  if (stroke->join == CAIRO_LINE_JOIN_ROUND)
    g_string_append (out, " stroke-linejoin=\"round\"");
  else if (stroke->join == CAIRO_LINE_JOIN_BEVEL)
    g_string_append (out, " stroke-linejoin=\"bevel\"");
}

/* Both back ends */

static void
set_source (cairo_t          *cr,
            const CycleColor *c,
            double            alpha)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * alpha);
}

/* Strokes and clears the current path, leaving the rest of @cr's state as it was. */
static void
cairo_stroke_with (cairo_t               *cr,
                   const CycleDrawStroke *stroke)
{
  cairo_save (cr);
  set_source (cr, stroke->color, stroke->alpha);
  cairo_set_line_width (cr, stroke->width);
  cairo_set_dash (cr, stroke->dash, stroke->dash != NULL ? stroke->n_dash : 0, 0);
  cairo_set_line_cap (cr, stroke->cap);
  cairo_set_line_join (cr, stroke->join);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_cycle_draw_fill (CycleDraw        *draw,
                  const CycleColor *color,
                  double            alpha,
                  gboolean          even_odd)
{
  if (draw->svg == NULL)
    {
      set_source (draw->cr, color, alpha);
      if (even_odd)
        cairo_set_fill_rule (draw->cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_fill (draw->cr);
      if (even_odd)
        cairo_set_fill_rule (draw->cr, CAIRO_FILL_RULE_WINDING);
      return;
    }

  append_path (draw);
  append_paint (draw->svg, "fill", color, alpha);
  if (even_odd)
    g_string_append (draw->svg, " fill-rule=\"evenodd\"");
  g_string_append (draw->svg, "/>\n");
}

void
_cycle_draw_stroke (CycleDraw             *draw,
                    const CycleDrawStroke *stroke)
{
  if (draw->svg == NULL)
    {
      cairo_stroke_with (draw->cr, stroke);
      return;
    }

  append_path (draw);
  g_string_append (draw->svg, " fill=\"none\"");
  append_stroke (draw->svg, stroke);
  g_string_append (draw->svg, "/>\n");
}

void
_cycle_draw_fill_stroke (CycleDraw             *draw,
                         const CycleColor      *fill,
                         const CycleDrawStroke *stroke)
{
  if (draw->svg == NULL)
    {
      set_source (draw->cr, fill, 1.0);
      cairo_fill_preserve (draw->cr);
      cairo_stroke_with (draw->cr, stroke);
      return;
    }

  append_path (draw);
  append_paint (draw->svg, "fill", fill, 1.0);
  append_stroke (draw->svg, stroke);
  g_string_append (draw->svg, "/>\n");
}

/* SVG text: a <text> per line of @layout, anchored where pango aligns it, so that a viewer
 * with another font keeps the text in place (start, middle or end). */
static void
append_text (CycleDraw        *draw,
             PangoLayout      *layout,
             const CycleColor *color,
             double            x,
             double            y)
{
  GString *out = draw->svg;
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  const char *text = pango_layout_get_text (layout);
  gboolean ellipsized = pango_layout_is_ellipsized (layout);
  PangoAlignment alignment = pango_layout_get_alignment (layout);
  double size = desc != NULL ? pango_font_description_get_size (desc) / (double) PANGO_SCALE : 0;
  gboolean bold = desc != NULL && pango_font_description_get_weight (desc) >= PANGO_WEIGHT_BOLD;
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      int start = line->start_index, end = line->start_index + line->length;
      gboolean cut = FALSE;
      PangoRectangle logical;
      const char *anchor;
      double ax, ay;

      /* An ellipsized line holds a run standing for the text left out, up to the end. */
      if (ellipsized && pango_layout_iter_at_last_line (iter))
        for (GSList *r = line->runs; r != NULL; r = r->next)
          {
            PangoGlyphItem *run = r->data;

            if (run->item->offset + run->item->length == end && run->item->offset >= start &&
                run->item->offset < end)
              {
                end = run->item->offset;
                cut = TRUE;
              }
          }
      while (end > start && g_ascii_isspace (text[end - 1]) && !cut)
        end--;
      if (end <= start && !cut)
        continue;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (alignment == PANGO_ALIGN_CENTER)
        {
          anchor = "middle";
          ax = (logical.x + logical.width / 2.0) / PANGO_SCALE;
        }
      else if ((alignment == PANGO_ALIGN_RIGHT) != (line->resolved_dir == PANGO_DIRECTION_RTL))
        {
          anchor = "end";
          ax = (double) (logical.x + logical.width) / PANGO_SCALE;
        }
      else
        {
          anchor = NULL;
          ax = (double) logical.x / PANGO_SCALE;
        }
      ax += x;
      ay = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      cairo_user_to_device (draw->cr, &ax, &ay);

      g_string_append (out, "<text");
      append_number_attribute (out, "x", ax);
      append_number_attribute (out, "y", ay);
      append_number_attribute (out, "font-size", size);
      if (bold)
        g_string_append (out, " font-weight=\"bold\"");
      if (anchor != NULL)
        {
          g_string_append (out, " text-anchor=\"");
          g_string_append (out, anchor);
          g_string_append_c (out, '"');
        }
      append_paint (out, "fill", color, 1.0);
      g_string_append_c (out, '>');
      _cycle_draw_append_escaped (out, text + start, end - start);
      if (cut)
        g_string_append (out, "…");
      g_string_append (out, "</text>\n");
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

void
_cycle_draw_text (CycleDraw        *draw,
                  PangoLayout      *layout,
                  const CycleColor *color,
                  double            x,
                  double            y)
{
  if (draw->svg != NULL)
    {
      append_text (draw, layout, color, x, y);
      return;
    }

  set_source (draw->cr, color, 1.0);
  cairo_move_to (draw->cr, x, y);
  pango_cairo_show_layout (draw->cr, layout);
}
