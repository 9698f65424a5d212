/* cycle-text-cell.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-text-cell"

#include "config.h"

#include "cycle-text-cell.h"
#include "cycle-style.h"

struct _CycleTextCell
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;       /* made when first drawn, dropped when the style changes */
  int          line_height;  /* px, or -1 until measured */
};

G_DEFINE_FINAL_TYPE (CycleTextCell, cycle_text_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PangoLayout *
get_layout (CycleTextCell *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      /* Lined up at the start edge, as a label's xalign 0 is */
      if (gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL)
        pango_layout_set_alignment (self->layout, PANGO_ALIGN_RIGHT);

      /* Adwaita's .numeric: figures of one width (a label gets it from its style) */
      if (gtk_widget_has_css_class (GTK_WIDGET (self), "numeric"))
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
          pango_layout_set_attributes (self->layout, attrs);
          pango_attr_list_unref (attrs);
        }
    }

  return self->layout;
}

/* The height of a line in the widget's font, whatever the text. */
static int
line_height (CycleTextCell *self)
{
  if (self->line_height < 0)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (metrics));
      if (self->line_height <= 0)
        self->line_height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) +
                                               pango_font_metrics_get_descent (metrics));
      pango_font_metrics_unref (metrics);
    }

  return self->line_height;
}

static void
cycle_text_cell_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CycleTextCell *self = CYCLE_TEXT_CELL (widget);

  /* Across, the column decides (its text is cut short to fit); down, one line. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = line_height (self);
}

static void
cycle_text_cell_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CycleTextCell *self = CYCLE_TEXT_CELL (widget);
  PangoLayout *layout;
  int height, width = gtk_widget_get_width (widget);
  GdkRGBA color;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  layout = get_layout (self);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);

  cycle_style_get_color (widget, &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (0, (gtk_widget_get_height (widget) - height) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static void
cycle_text_cell_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  CycleTextCell *self = CYCLE_TEXT_CELL (widget);

  /* The font may have changed: made again when next drawn or measured. GTK lays the widget
   * out again itself when the change asks for it. */
  g_clear_object (&self->layout);
  self->line_height = -1;

  GTK_WIDGET_CLASS (cycle_text_cell_parent_class)->css_changed (widget, change);
}

static void
cycle_text_cell_direction_changed (GtkWidget        *widget,
                                   GtkTextDirection  previous)
{
  CycleTextCell *self = CYCLE_TEXT_CELL (widget);

  g_clear_object (&self->layout);
  GTK_WIDGET_CLASS (cycle_text_cell_parent_class)->direction_changed (widget, previous);
  gtk_widget_queue_draw (widget);
}

const char *
cycle_text_cell_get_text (CycleTextCell *self)
{
  g_return_val_if_fail (CYCLE_IS_TEXT_CELL (self), NULL);
  return self->text != NULL ? self->text : "";
}

void
cycle_text_cell_set_text (CycleTextCell *self,
                          const char    *text)
{
  g_return_if_fail (CYCLE_IS_TEXT_CELL (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text, -1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  /* Only drawn again: a line is a line, whatever it says. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static void
cycle_text_cell_finalize (GObject *object)
{
  CycleTextCell *self = CYCLE_TEXT_CELL (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (cycle_text_cell_parent_class)->finalize (object);
}

static void
cycle_text_cell_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CycleTextCell *self = CYCLE_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, cycle_text_cell_get_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_text_cell_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CycleTextCell *self = CYCLE_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      cycle_text_cell_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_text_cell_class_init (CycleTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = cycle_text_cell_finalize;
  object_class->get_property = cycle_text_cell_get_property;
  object_class->set_property = cycle_text_cell_set_property;

  widget_class->measure = cycle_text_cell_measure;
  widget_class->snapshot = cycle_text_cell_snapshot;
  widget_class->css_changed = cycle_text_cell_css_changed;
  widget_class->direction_changed = cycle_text_cell_direction_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "textcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
cycle_text_cell_init (CycleTextCell *self)
{
  self->line_height = -1;
}

GtkWidget *
cycle_text_cell_new (void)
{
  return g_object_new (CYCLE_TYPE_TEXT_CELL, NULL);
}
