/* cycle-board-card.c
 *
 * A card draws its texts itself (title, format, persona, status, "Asks", due date): one widget
 * and six Pango layouts, where labels made a dozen widgets, each with its own style to work out
 * and its own text to shape whenever a card scrolls in. The menu button is its one child. With the
 * cairo renderer a card is drawn once into pixels (see append_as_pixels ()).
 *
 *   ┌──────────────────────────────────┐
 *   │ Title, up to three lines,    [⋮] │   bold
 *   │ wrapped and cut short            │
 *   │ format                   persona │   9 pt; format dimmed, persona in the accent colour
 *   │ (status) Asks             1 Jun  │   the status a coloured pill; an overdue date in red
 *   └──────────────────────────────────┘
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-board-card"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-board-card-private.h"
#include "cycle-board-private.h"
#include "cycle-content-cells.h"
#include "cycle-content-drag.h"
#include "cycle-style.h"

/* Spacing, in px, as the card's box of labels had it */
#define MARGIN_START   12
#define MARGIN_END      6
#define MARGIN_TOP      8
#define MARGIN_BOTTOM  10
#define SPACING         6
#define TITLE_TOP       4
#define TITLE_LINES     3
#define LINE_END        6   /* the meta and status lines stop short of the end */
#define PILL_PAD_X      8
#define PILL_PAD_Y      1
#define PILL_RADIUS     9
#define CAPTION_POINTS  9   /* Adwaita's .caption */
#define CARD_RADIUS    10
#define NATURAL_WIDTH 280

G_DEFINE_FINAL_TYPE (CycleBoardCard, cycle_board_card, GTK_TYPE_WIDGET)

CycleBoard *
_cycle_board_card_get_board (CycleBoardCard *self)
{
  return (CycleBoard *) gtk_widget_get_ancestor (GTK_WIDGET (self), CYCLE_TYPE_BOARD);
}

/* ------------------------------------------------------------------------------------------------
 * Texts and how they look
 */

static void
ensure_colors (CycleBoardCard *self)
{
  static const char * const names[] = {
    [COLOR_BG] = "card_bg_color",
    [COLOR_LINE] = "card_shade_color",
    [COLOR_ACCENT] = "accent_color",
    [COLOR_WARNING] = "warning_color",
    [COLOR_SUCCESS] = "success_color",
    [COLOR_ERROR] = "error_color",
  };
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->have_colors)
    return;

  cycle_style_get_color (widget, &self->colors[COLOR_FG]);
  self->colors[COLOR_DIM] = self->colors[COLOR_FG];
  self->colors[COLOR_DIM].alpha *= 0.55f;
  for (guint i = COLOR_BG; i < N_COLORS; i++)
    if (names[i] != NULL && !cycle_style_lookup_color (widget, names[i], &self->colors[i]))
      self->colors[i] = self->colors[COLOR_FG];

  self->have_colors = TRUE;
}

static void update_text (CycleBoardCard *self,
                         Text            text);

static PangoLayout *
get_layout (CycleBoardCard *self,
            Text            text)
{
  PangoLayout *layout = self->layouts[text];
  g_autoptr(PangoFontDescription) font = NULL;

  if (layout != NULL)
    return layout;

  layout = self->layouts[text] = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  font = pango_font_description_copy (pango_context_get_font_description (
                                        pango_layout_get_context (layout)));
  if (text == TEXT_TITLE)
    {
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      /* A right-to-left card starts at its right: its wrapped title lines up there. */
      if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_height (layout, -TITLE_LINES);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_font_description_set_size (font, CAPTION_POINTS * PANGO_SCALE);
      if (text == TEXT_STATUS)
        pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      if (text == TEXT_PERSONA)
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if (text == TEXT_DUE)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          /* Adwaita's .numeric: figures of one width */
          pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
          pango_layout_set_attributes (layout, attrs);
          pango_attr_list_unref (attrs);
        }
    }
  pango_layout_set_font_description (layout, font);

  update_text (self, text);
  return layout;
}

/* Sets @text's layout (when made) from the content. */
static void
update_text (CycleBoardCard *self,
             Text            text)
{
  PangoLayout *layout = self->layouts[text];
  CycleContent *content = self->content;
  g_autofree char *owned = NULL;
  const char *value = "";

  if (layout == NULL)
    return;

  if (content != NULL)
    switch (text)
      {
      case TEXT_TITLE:
        value = cycle_content_get_title (content);
        break;
      case TEXT_FORMAT:
        value = cycle_content_format_to_display (cycle_content_get_format (content));
        break;
      case TEXT_PERSONA:
        if (cycle_content_get_persona (content) != NULL)
          value = cycle_persona_get_name (cycle_content_get_persona (content));
        break;
      case TEXT_STATUS:
        value = cycle_enum_get_label (CYCLE_TYPE_STATUS, cycle_content_get_status (content));
        break;
      case TEXT_ASKS:
        /* Only content that asks is marked: giving is what most content should do. */
        if (cycle_content_get_direction (content) == CYCLE_DIRECTION_ASKS)
          value = C_("content direction", "Asks");
        break;
      case TEXT_DUE:
        value = owned = cycle_content_format_due (cycle_content_get_due (content));
        break;
      case N_TEXTS:
      default:
        g_assert_not_reached ();
      }

  pango_layout_set_text (layout, value, -1);
}

static gboolean
has_text (CycleBoardCard *self,
          Text            text)
{
  return *pango_layout_get_text (get_layout (self, text)) != '\0';
}

static void
update_overdue (CycleBoardCard *self)
{
  g_autofree char *today = cycle_content_dup_today ();

  self->overdue = self->content != NULL && cycle_content_is_overdue (self->content, today);
}

static void
update_accessible (CycleBoardCard *self)
{
  g_autofree char *due = cycle_content_format_due (cycle_content_get_due (self->content));
  CyclePersona *persona = cycle_content_get_persona (self->content);
  const char *format = cycle_content_get_format (self->content);
  g_autoptr(GString) description = g_string_new (NULL);

  g_string_append (description, cycle_enum_get_label (CYCLE_TYPE_STATUS,
                                                      cycle_content_get_status (self->content)));
  if (*format != '\0')
    g_string_append_printf (description, ", %s", cycle_content_format_to_display (format));
  if (persona != NULL)
    g_string_append_printf (description, ", %s", cycle_persona_get_name (persona));
  if (cycle_content_get_direction (self->content) == CYCLE_DIRECTION_ASKS)
    g_string_append_printf (description, ", %s", C_("content direction", "Asks"));
  if (*due != '\0')
    g_string_append_printf (description, ", %s", due);
  if (self->overdue)
    /* Translators: the end of a card's description for screen readers, after its due date:
     * the date is past and the content is not published */
    g_string_append_printf (description, ", %s", _("overdue"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cycle_content_get_title (self->content),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
}

/* Everything from the content again: bound anew, or a field that shows changed. */
static void
update_all (CycleBoardCard *self)
{
  for (Text text = 0; text < N_TEXTS; text++)
    update_text (self, text);
  update_overdue (self);
  if (self->content != NULL)
    update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_content_notify_cb (CycleBoardCard *self,
                      GParamSpec     *pspec,
                      CycleContent   *content)
{
  if (pspec->name == g_intern_static_string ("persona"))
    g_signal_group_set_target (self->persona_signals, cycle_content_get_persona (content));
  update_all (self);
}

static void
on_persona_name_cb (CycleBoardCard *self)
{
  update_all (self);
}

/* ------------------------------------------------------------------------------------------------
 * Size and drawing
 *
 * Lines are laid out for a width: the title's wraps, the persona's is cut short. Every measure
 * and allocation works from the same layout_lines ().
 */

typedef struct
{
  int title_y;        /* the title's top */
  int meta_y;         /* the format and persona line's top, or -1 when there is none */
  int status_y;       /* the status line's top */
  int status_height;  /* the status line's height (the pill's) */
  int height;
} Lines;

static int
text_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static int
text_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
menu_button_size (CycleBoardCard *self,
                  GtkOrientation  orientation)
{
  int size;

  gtk_widget_measure (self->menu_button, orientation, -1, NULL, &size, NULL, NULL);
  return size;
}

static void
layout_lines (CycleBoardCard *self,
              int             width,
              Lines          *lines)
{
  PangoLayout *title = get_layout (self, TEXT_TITLE);
  int button_width = menu_button_size (self, GTK_ORIENTATION_HORIZONTAL);
  int button_height = menu_button_size (self, GTK_ORIENTATION_VERTICAL);
  int line_width = MAX (0, width - MARGIN_START - MARGIN_END - LINE_END);
  int y;

  pango_layout_set_width (title, MAX (1, width - MARGIN_START - MARGIN_END - button_width -
                                         SPACING) * PANGO_SCALE);
  lines->title_y = MARGIN_TOP + TITLE_TOP;
  y = MARGIN_TOP + MAX (TITLE_TOP + text_height (title), button_height) + SPACING;

  if (has_text (self, TEXT_FORMAT) || has_text (self, TEXT_PERSONA))
    {
      PangoLayout *format = get_layout (self, TEXT_FORMAT);
      PangoLayout *persona = get_layout (self, TEXT_PERSONA);
      int format_width = has_text (self, TEXT_FORMAT) ? text_width (format) + SPACING : 0;

      pango_layout_set_width (persona, MAX (1, line_width - format_width) * PANGO_SCALE);
      lines->meta_y = y;
      y += MAX (text_height (format), text_height (persona)) + SPACING;
    }
  else
    lines->meta_y = -1;

  lines->status_y = y;
  lines->status_height = MAX (text_height (get_layout (self, TEXT_STATUS)) + 2 * PILL_PAD_Y,
                              text_height (get_layout (self, TEXT_DUE)));
  lines->height = y + lines->status_height + MARGIN_BOTTOM;
}

/* Where something @w wide that starts at @x from the card's start edge goes: the layout above is
 * for left-to-right; a right-to-left card mirrors it. */
static int
start_x (GtkWidget *widget,
         int        x,
         int        w)
{
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    return gtk_widget_get_width (widget) - x - w;
  return x;
}

static void
cycle_board_card_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* The column gives the width; the title wraps to it. */
      *minimum = MARGIN_START + MARGIN_END + menu_button_size (self, orientation) + 4 * SPACING;
      *natural = MAX (*minimum, NATURAL_WIDTH);
    }
  else
    {
      Lines lines;

      layout_lines (self, for_size >= 0 ? for_size : NATURAL_WIDTH, &lines);
      *minimum = *natural = lines.height;
    }
}

static void
cycle_board_card_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (widget);
  int button_width = menu_button_size (self, GTK_ORIENTATION_HORIZONTAL);
  int button_height = menu_button_size (self, GTK_ORIENTATION_VERTICAL);
  Lines lines;

  /* Sets the layouts' widths for drawing. */
  layout_lines (self, width, &lines);
  gtk_widget_size_allocate (self->menu_button,
                            &(GtkAllocation) {
                              start_x (widget, width - MARGIN_END - button_width, button_width),
                              MARGIN_TOP, button_width, button_height },
                            -1);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
  if (self->rename != NULL)
    gtk_popover_present (GTK_POPOVER (self->rename));
}

static void
append_text (GtkSnapshot    *snapshot,
             PangoLayout    *layout,
             int             x,
             int             y,
             const GdkRGBA  *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_card (CycleBoardCard *self,
           GtkSnapshot    *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int end = width - MARGIN_END - LINE_END;
  Lines lines;

  ensure_colors (self);
  layout_lines (self, width, &lines);

  /* A card: its background (see _cycle_board_append_rounded), and a thin line round it */
  {
    int height = gtk_widget_get_height (widget);
    const GdkRGBA *line = &self->colors[COLOR_LINE];
    GskRoundedRect outline;

    _cycle_board_append_rounded (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height),
                                 CARD_RADIUS, &self->colors[COLOR_BG]);
    gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (-1, -1, width + 2, height + 2),
                                     CARD_RADIUS + 1);
    gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 1, 1, 1, 1 },
                                (GdkRGBA[4]) { *line, *line, *line, *line });
  }

  {
    PangoLayout *title = get_layout (self, TEXT_TITLE);

    append_text (snapshot, title,
                 start_x (widget, MARGIN_START, pango_layout_get_width (title) / PANGO_SCALE),
                 lines.title_y, &self->colors[COLOR_FG]);
  }

  if (lines.meta_y >= 0)
    {
      PangoLayout *format = get_layout (self, TEXT_FORMAT);
      PangoLayout *persona = get_layout (self, TEXT_PERSONA);
      PangoRectangle logical;

      append_text (snapshot, format, start_x (widget, MARGIN_START, text_width (format)),
                   lines.meta_y, &self->colors[COLOR_DIM]);
      /* Pango puts a right-to-left name at the end of the layout's width: place the text
       * itself, where it starts within its layout */
      pango_layout_get_pixel_extents (persona, NULL, &logical);
      append_text (snapshot, persona,
                   start_x (widget, end - logical.width, logical.width) - logical.x,
                   lines.meta_y, &self->colors[COLOR_ACCENT]);
    }

  /* The status in a pill coloured by how far along the content is */
  {
    static const Color status_colors[] = {
      [CYCLE_STATUS_IDEA] = COLOR_FG,
      [CYCLE_STATUS_DRAFT] = COLOR_WARNING,
      [CYCLE_STATUS_SCHEDULED] = COLOR_ACCENT,
      [CYCLE_STATUS_PUBLISHED] = COLOR_SUCCESS,
    };
    CycleStatus status = cycle_content_get_status (self->content);
    const GdkRGBA *color = &self->colors[(guint) status < G_N_ELEMENTS (status_colors)
                                         ? status_colors[status] : COLOR_FG];
    PangoLayout *layout = get_layout (self, TEXT_STATUS);
    PangoLayout *due = get_layout (self, TEXT_DUE);
    int pill_width = text_width (layout) + 2 * PILL_PAD_X;
    int pill_height = text_height (layout) + 2 * PILL_PAD_Y;
    int pill_x = start_x (widget, MARGIN_START, pill_width);
    int pill_y = lines.status_y + (lines.status_height - pill_height) / 2;
    GdkRGBA background = *color;

    background.alpha *= status == CYCLE_STATUS_IDEA ? 0.1f : 0.15f;
    _cycle_board_append_rounded (snapshot,
                                 &GRAPHENE_RECT_INIT (pill_x, pill_y, pill_width, pill_height),
                                 PILL_RADIUS, &background);
    append_text (snapshot, layout, pill_x + PILL_PAD_X, pill_y + PILL_PAD_Y, color);

    if (has_text (self, TEXT_ASKS))
      {
        PangoLayout *asks = get_layout (self, TEXT_ASKS);

        append_text (snapshot, asks,
                     start_x (widget, MARGIN_START + pill_width + SPACING, text_width (asks)),
                     lines.status_y + (lines.status_height - text_height (asks)) / 2,
                     &self->colors[COLOR_DIM]);
      }

    append_text (snapshot, due, start_x (widget, end - text_width (due), text_width (due)),
                 lines.status_y + (lines.status_height - text_height (due)) / 2,
                 &self->colors[self->overdue ? COLOR_ERROR : COLOR_FG]);
  }
}

/* @node, drawn once into pixels that the frames to come only copy.
 *
 * With the cairo renderer (software rendering, as in a virtual machine), every frame draws every
 * node on screen again, and a card is about 50 µs of rounded fills and text runs: 35 cards on
 * screen while the board scrolls across were 2 ms a frame. Its pixels are copied in 15 µs. The
 * pixels live as long as GTK keeps the card's render node, that is, until the card changes or
 * leaves the screen. A cairo node keeps what is drawn into it as a recording, so the pixels are
 * made here and the node only paints them. */
static void
append_as_pixels (GtkSnapshot   *snapshot,
                  GskRenderNode *node,
                  int            scale)
{
  graphene_rect_t bounds;
  float x, y, width, height;
  cairo_surface_t *pixels;
  cairo_t *cr;

  gsk_render_node_get_bounds (node, &bounds);
  x = floorf (bounds.origin.x);
  y = floorf (bounds.origin.y);
  width = ceilf (bounds.origin.x + bounds.size.width) - x;
  height = ceilf (bounds.origin.y + bounds.size.height) - y;

  pixels = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (pixels, scale, scale);
  cairo_surface_set_device_offset (pixels, -x * scale, -y * scale);
  cr = cairo_create (pixels);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, y, width, height));
  cairo_set_source_surface (cr, pixels, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (pixels);
}

static void
cycle_board_card_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  if (self->content == NULL)
    return;

  /* The GL renderers keep glyphs and shapes on the GPU: they get the nodes themselves. */
  if (renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer))
    {
      GtkSnapshot *card = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;

      draw_card (self, card);
      node = gtk_snapshot_free_to_node (card);
      if (node != NULL)
        append_as_pixels (snapshot, node, gtk_widget_get_scale_factor (widget));
    }
  else
    draw_card (self, snapshot);

  gtk_widget_snapshot_child (widget, self->menu_button, snapshot);
}

static void
drop_layouts (CycleBoardCard *self)
{
  self->have_colors = FALSE;
  for (guint i = 0; i < N_TEXTS; i++)
    g_clear_object (&self->layouts[i]);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Fonts and colours come from the style: made again when it changes. */
static void
cycle_board_card_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cycle_board_card_parent_class)->css_changed (widget, change);
  drop_layouts (CYCLE_BOARD_CARD (widget));
}

static void
cycle_board_card_direction_changed (GtkWidget        *widget,
                                    GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (cycle_board_card_parent_class)->direction_changed (widget, previous);
  drop_layouts (CYCLE_BOARD_CARD (widget));
}

/* Made when asked for: setting a tooltip asks the X server where the pointer is, too slow for
 * every card that scrolls in. The title may be cut short; an overdue date says why it is red. */
static gboolean
on_query_tooltip_cb (CycleBoardCard *self,
                     int             x,
                     int             y,
                     gboolean        keyboard,
                     GtkTooltip     *tooltip)
{
  Lines lines;

  if (self->content == NULL)
    return FALSE;

  layout_lines (self, gtk_widget_get_width (GTK_WIDGET (self)), &lines);
  if (self->overdue && y >= lines.status_y)
    {
      gtk_tooltip_set_text (tooltip, _("Overdue: due before today and not published"));
      return TRUE;
    }
  if (y < lines.title_y + text_height (get_layout (self, TEXT_TITLE)) &&
      pango_layout_is_ellipsized (get_layout (self, TEXT_TITLE)))
    {
      gtk_tooltip_set_text (tooltip, cycle_content_get_title (self->content));
      return TRUE;
    }

  return FALSE;
}

static gboolean
on_menu_query_tooltip_cb (GtkWidget  *button,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip)
{
  gtk_tooltip_set_text (tooltip, _("Content Menu"));
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------
 * Content
 */

CycleContent *
cycle_board_card_get_content (CycleBoardCard *self)
{
  g_return_val_if_fail (CYCLE_IS_BOARD_CARD (self), NULL);
  return self->content;
}

void
cycle_board_card_set_content (CycleBoardCard *self,
                              CycleContent   *content)
{
  g_return_if_fail (CYCLE_IS_BOARD_CARD (self));
  g_return_if_fail (content == NULL || CYCLE_IS_CONTENT (content));

  if (!g_set_object (&self->content, content))
    return;

  g_signal_group_set_target (self->content_signals, content);
  g_signal_group_set_target (self->persona_signals,
                             content != NULL ? cycle_content_get_persona (content) : NULL);
  update_all (self);
}

char *
cycle_board_card_dup_texts (CycleBoardCard *self)
{
  g_autoptr(GString) texts = g_string_new (NULL);

  g_return_val_if_fail (CYCLE_IS_BOARD_CARD (self), NULL);

  for (Text text = 0; text < N_TEXTS; text++)
    if (has_text (self, text))
      g_string_append_printf (texts, "%s%s", texts->len > 0 ? "\n" : "",
                              pango_layout_get_text (get_layout (self, text)));

  return g_string_free (g_steal_pointer (&texts), FALSE);
}

gboolean
cycle_board_card_get_overdue (CycleBoardCard *self)
{
  g_return_val_if_fail (CYCLE_IS_BOARD_CARD (self), FALSE);
  return self->overdue;
}

void
cycle_board_card_reset (CycleBoardCard *self)
{
  static const char * const transient_classes[] = { "dragging", "drop-before", "drop-after" };

  g_return_if_fail (CYCLE_IS_BOARD_CARD (self));

  if (self->content != NULL)
    cycle_board_card_set_content (self, NULL);

  _cycle_board_card_drop_menu (self);
  _cycle_board_card_drop_rename (self);

  for (guint i = 0; i < G_N_ELEMENTS (transient_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), transient_classes[i]);
  gtk_widget_unset_state_flags (GTK_WIDGET (self),
                                GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_ACTIVE |
                                GTK_STATE_FLAG_DROP_ACTIVE);
}

/* ------------------------------------------------------------------------------------------------
 * Dragging
 */

static void
on_drag_begin_cb (GtkDragSource  *source,
                  GdkDrag        *drag,
                  CycleBoardCard *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));
  /* A snapshot, not a live view: the card itself fades while it travels. */
  g_autoptr(GdkPaintable) icon = gdk_paintable_get_current_image (paintable);

  gtk_drag_source_set_icon (source, icon, 16, 16);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
}

static void
on_drag_end_cb (GtkDragSource  *source,
                GdkDrag        *drag,
                gboolean        delete_data,
                CycleBoardCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

static void
cycle_board_card_dispose (GObject *object)
{
  CycleBoardCard *self = CYCLE_BOARD_CARD (object);

  cycle_board_card_reset (self);
  g_clear_pointer (&self->menu_button, gtk_widget_unparent);

  g_clear_object (&self->content_signals);
  g_clear_object (&self->persona_signals);
  for (guint i = 0; i < N_TEXTS; i++)
    g_clear_object (&self->layouts[i]);

  G_OBJECT_CLASS (cycle_board_card_parent_class)->dispose (object);
}

static void
cycle_board_card_class_init (CycleBoardCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_board_card_dispose;

  widget_class->measure = cycle_board_card_measure;
  widget_class->size_allocate = cycle_board_card_size_allocate;
  widget_class->snapshot = cycle_board_card_snapshot;
  widget_class->css_changed = cycle_board_card_css_changed;
  widget_class->direction_changed = cycle_board_card_direction_changed;

  _cycle_board_card_install_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "boardcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cycle_board_card_init (CycleBoardCard *self)
{
  GtkDragSource *drag;

  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "board-card");

  self->menu_button = gtk_button_new_from_icon_name ("view-more-symbolic");
  gtk_widget_set_valign (self->menu_button, GTK_ALIGN_START);
  /* A click, not the "card.menu" action: GTK 4.8 can leave an actionable widget insensitive
   * once its card has been moved to another list (cards are reused). */
  g_signal_connect_swapped (self->menu_button, "clicked", G_CALLBACK (_cycle_board_card_popup_menu),
                            self);
  gtk_widget_add_css_class (self->menu_button, "flat");
  gtk_widget_add_css_class (self->menu_button, "card-menu");
  /* Not a stop of Tab: the card is one, on the cell around it, which a screen reader names after
   * the card (rather than "Content Menu" again and again); Shift+F10 or Menu opens the menu
   * there. The mouse and the accessible click still reach the button. */
  gtk_widget_set_focusable (self->menu_button, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Content Menu"),
                                  -1);
  /* The tooltip is made when asked for: see on_menu_query_tooltip_cb () */
  gtk_widget_set_has_tooltip (self->menu_button, TRUE);
  g_signal_connect (self->menu_button, "query-tooltip",
                    G_CALLBACK (on_menu_query_tooltip_cb), NULL);
  gtk_widget_set_parent (self->menu_button, GTK_WIDGET (self));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), NULL);

  self->content_signals = g_signal_group_new (CYCLE_TYPE_CONTENT);
  g_signal_group_connect_swapped (self->content_signals, "notify",
                                  G_CALLBACK (on_content_notify_cb), self);
  self->persona_signals = g_signal_group_new (CYCLE_TYPE_PERSONA);
  g_signal_group_connect_swapped (self->persona_signals, "notify::name",
                                  G_CALLBACK (on_persona_name_cb), self);

  drag = cycle_content_drag_source_add (GTK_WIDGET (self),
                                        (CycleContentDragFunc) cycle_board_card_get_content);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
}

GtkWidget *
cycle_board_card_new (void)
{
  return g_object_new (CYCLE_TYPE_BOARD_CARD, NULL);
}
