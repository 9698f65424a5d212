/* cycle-draw-private.h: the small drawing interface cycle-render.c draws through
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two back ends behind one drawing: cairo (screen, PNG, PDF, print) and an SVG writer that keeps
 * text as <text> elements and shapes as paths. Shapes are built on a cairo_t in both (cairo's
 * path API, its arcs and its transformations); only filling, stroking and showing text differ.
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "cycle-render.h"

G_BEGIN_DECLS

typedef struct
{
  /* Paths are built here, and the transformation kept; the cairo back end also draws here.
   * The SVG back end's is a context on a 1 × 1 image that is never drawn on. */
  cairo_t         *cr;
  /* One context for every text layout of a drawing (making one per layout costs more than
   * shaping the text). */
  PangoContext    *context;
  /* NULL for the cairo back end; the SVG back end appends its elements here. */
  GString         *svg;
  /* Shaped text by what it says and how (TextKey → PangoLayout): a plan repeats the same
   * labels ("No permission", "2 items", "≈ 1 person") on many stages, and shaping is most of
   * the cost of drawing text. Made on first use; emptied when it grows large. */
  GHashTable      *layouts;
} CycleDraw;

typedef enum {
  CYCLE_DRAW_TEXT_ELLIPSIZE,   /* one line, cut with "…" to the width */
  CYCLE_DRAW_TEXT_NATURAL,     /* one line, as wide as it needs, the width ignored */
  CYCLE_DRAW_TEXT_WRAP,        /* wrapped to the width, at most the height */
} CycleDrawTextMode;

void          _cycle_draw_init_cairo  (CycleDraw        *draw,
                                       cairo_t          *cr);
void          _cycle_draw_init_svg    (CycleDraw        *draw,
                                       GString          *out);
void          _cycle_draw_clear       (CycleDraw        *draw);

/* A layout on the drawing's context, for unhinted text of the same size on every back end. */
PangoLayout  *_cycle_draw_new_layout  (CycleDraw        *draw);

/* The family of text when the style names none. */
#define CYCLE_DRAW_DEFAULT_FONT_FAMILY "Cantarell, Sans"

/* What text to shape, and how. Zero-initialised members are left alignment and
 * CYCLE_DRAW_TEXT_ELLIPSIZE. */
typedef struct
{
  const char        *text;
  double             size;       /* absolute, in canvas units, before the style's scale */
  PangoWeight        weight;
  double             width;      /* ignored for CYCLE_DRAW_TEXT_NATURAL */
  PangoAlignment     alignment;
  CycleDrawTextMode  mode;
  double             height;     /* only counts for CYCLE_DRAW_TEXT_WRAP */
} CycleDrawText;

/* A layout of @text in @style's family, its size times @style's scale; owned by @draw, valid
 * until the next call. */
PangoLayout  *_cycle_draw_text_layout (CycleDraw              *draw,
                                       const CycleRenderStyle *style,
                                       const CycleDrawText    *text);

/* Fills the current path (in @color at @alpha times its own alpha) and clears it. */
void          _cycle_draw_fill        (CycleDraw        *draw,
                                       const CycleColor *color,
                                       double            alpha,
                                       gboolean          even_odd);
/* How a path is stroked. Zero-initialised members are butt caps, miter joins, no dash. */
typedef struct
{
  const CycleColor  *color;
  double             alpha;     /* times @color's own alpha */
  double             width;
  const double      *dash;      /* may be NULL */
  int                n_dash;
  cairo_line_cap_t   cap;
  cairo_line_join_t  join;
} CycleDrawStroke;

/* Strokes the current path and clears it. */
void          _cycle_draw_stroke      (CycleDraw             *draw,
                                       const CycleDrawStroke *stroke);
/* Fills and then strokes the current path (one element in SVG), and clears it. */
void          _cycle_draw_fill_stroke (CycleDraw             *draw,
                                       const CycleColor      *fill,
                                       const CycleDrawStroke *stroke);
/* Shows @layout with its top-left corner at @x, @y, as pango_cairo_show_layout() would. */
void          _cycle_draw_text        (CycleDraw        *draw,
                                       PangoLayout      *layout,
                                       const CycleColor *color,
                                       double            x,
                                       double            y);

/* @text as cairo can draw it in a PDF, which refuses Unicode's noncharacters (U+FDD0…U+FDEF and
 * the last two code points of every plane): valid UTF-8 that a plan may hold. Each becomes
 * U+FFFD; NULL when there is none, so that the caller uses @text itself. */
char         *_cycle_draw_dup_drawable   (const char    *text);

/* Appends @text to @out escaped for XML text and attributes, leaving out the characters XML
 * cannot hold (controls other than tab and newline, U+FFFE, U+FFFF, broken UTF-8). */
void          _cycle_draw_append_escaped (GString       *out,
                                          const char    *text,
                                          gssize         length);
/* Appends @value rounded to 2 decimals, without trailing zeros, whatever the locale. */
void          _cycle_draw_append_number  (GString       *out,
                                          double         value);
void          _cycle_draw_append_color   (GString       *out,
                                          const CycleColor *color);

G_END_DECLS
