/* cycle-canvas-clipboard.c: copying, cutting and pasting stages, and copying the plan's picture
 *
 * Part of CycleCanvas (cycle-canvas.c), sharing cycle-canvas-private.h. Stages travel as a plan
 * of their own (cycle-plan-part.h) in the .cycle file's text, under CYCLE_STAGES_MIME_TYPE, so
 * that another window or another Cycle reads them with the file's own reader; their names go
 * as plain text too, for anything else. The picture goes as PNG and SVG, drawn by src/render.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-canvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cycle-canvas-private.h"
#include "cycle-error.h"
#include "cycle-plan-io.h"
#include "cycle-plan-part.h"

/* Pasted stages keep this much room from those beside them, in canvas units. */
#define PASTE_GAP        48.0
/* The clipboard is read in pieces of this size, up to CYCLE_FILE_MAX_SIZE in all. */
#define READ_CHUNK       (64 * 1024)

/* ------------------------------------------------------------------------------------------------
 * Copy and cut
 */

void
_cycle_canvas_copy_selection (CycleCanvas *self,
                              gboolean     cut)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(CyclePlan) part = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autofree char *message = NULL;
  GdkContentProvider *providers[2];
  GValue text = G_VALUE_INIT;

  if (self->plan == NULL)
    return;

  stages = cycle_canvas_get_selected_stages (self);
  if (stages->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  part = cycle_plan_extract_stages (self->plan, stages);
  bytes = cycle_plan_to_bytes (part);
  for (guint i = 0; i < stages->len; i++)
    g_string_append_printf (names, "%s\n", cycle_stage_get_name (g_ptr_array_index (stages, i)));

  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, names->str);
  providers[0] = gdk_content_provider_new_for_bytes (CYCLE_STAGES_MIME_TYPE, bytes);
  providers[1] = gdk_content_provider_new_for_value (&text);
  g_value_unset (&text);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);

  if (!cut)
    {
      if (stages->len == 1)
        /* Translators: a notification; %s is the name of the stage */
        message = g_strdup_printf (_("“%s” copied"),
                                   cycle_stage_get_name (g_ptr_array_index (stages, 0)));
      else
        /* Translators: a notification */
        message = g_strdup_printf (ngettext ("%u stage copied", "%u stages copied", stages->len),
                                   stages->len);
      _cycle_canvas_message (self, message, FALSE);
      return;
    }

  /* Cut: the removal, its links with it, as one step named for what the person did. */
  cycle_plan_begin_group (self->plan, ngettext ("Cut Stage", "Cut Stages", stages->len));
  cycle_canvas_delete_selection (self);
  cycle_plan_end_group (self->plan);
}

/* ------------------------------------------------------------------------------------------------
 * Paste
 */

#define NO_STAGES N_("Nothing was pasted: the clipboard holds no stages. Copy stages first " \
                     "(Ctrl+C on the canvas).")

typedef struct
{
  CycleCanvas *canvas;
  gboolean     at;
  gboolean     stages_type;  /* CYCLE_STAGES_MIME_TYPE, not text */
  double       x;
  double       y;
  GByteArray  *data;
} Paste;

static void
paste_free (Paste *paste)
{
  g_clear_object (&paste->canvas);
  g_clear_pointer (&paste->data, g_byte_array_unref);
  g_free (paste);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Paste, paste_free)

static void
paste_failed (CycleCanvas *self,
              const char  *message)
{
  gtk_widget_error_bell (GTK_WIDGET (self));
  _cycle_canvas_message (self, message, FALSE);
}

/* The smallest box holding every stage of @part (canvas units). */
static void
part_bounds (CyclePlan *part,
             CycleRect *bounds)
{
  GListModel *stages = cycle_plan_get_stages (part);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CycleStage) stage = g_list_model_get_item (stages, i);

      x0 = MIN (x0, cycle_stage_get_x (stage));
      y0 = MIN (y0, cycle_stage_get_y (stage));
      x1 = MAX (x1, cycle_stage_get_x (stage) + CYCLE_STAGE_WIDTH);
      y1 = MAX (y1, cycle_stage_get_y (stage) + CYCLE_STAGE_HEIGHT);
    }
  *bounds = (CycleRect) { x0, y0, x1 - x0, y1 - y0 };
}

/* Where the pasted stages' box goes: at the point asked for, beside the selected stages (to
 * their right), else in the middle of the view; then to the nearest place where it covers no
 * stage. */
static void
paste_spot (CycleCanvas     *self,
            Paste           *paste,
            const CycleRect *bounds,
            CyclePoint      *spot)
{
  g_autoptr(GPtrArray) selected = cycle_canvas_get_selected_stages (self);
  double x, y;

  if (paste->at)
    {
      x = paste->x - bounds->width / 2;
      y = paste->y - bounds->height / 2;
    }
  else if (selected->len > 0)
    {
      x = -G_MAXDOUBLE;
      y = G_MAXDOUBLE;
      for (guint i = 0; i < selected->len; i++)
        {
          CycleStage *stage = g_ptr_array_index (selected, i);

          x = MAX (x, cycle_stage_get_x (stage) + CYCLE_STAGE_WIDTH + PASTE_GAP);
          y = MIN (y, cycle_stage_get_y (stage));
        }
    }
  else
    {
      int width = gtk_widget_get_width (GTK_WIDGET (self));
      int height = gtk_widget_get_height (GTK_WIDGET (self));

      if (width > 1 && height > 1)
        {
          x = ((width / 2.0) - self->pan_x) / self->zoom - bounds->width / 2;
          y = ((height / 2.0) - self->pan_y) / self->zoom - bounds->height / 2;
        }
      else
        {
          _cycle_canvas_preferred_spot (self, &x, &y);
        }
    }

  _cycle_canvas_find_free_spot (self, CLAMP (x, -1e6, 1e6), CLAMP (y, -1e6, 1e6),
                                bounds->width, bounds->height, spot);
}

static void
paste_text (CycleCanvas *self,
            Paste       *paste,
            const char  *data,
            gsize        length)
{
  g_autoptr(CyclePlan) part = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  CycleRect bounds;
  CyclePoint spot;
  int position = -1;

  /* Plain text that is not even JSON: no need to say where the JSON went wrong. */
  if (!paste->stages_type)
    {
      gsize i = 0;

      while (i < length && g_ascii_isspace (data[i]))
        i++;
      if (i == length || data[i] != '{')
        {
          paste_failed (self, _(NO_STAGES));
          return;
        }
    }

  part = cycle_plan_new_from_data (data, length, &error);
  if (part == NULL)
    {
      g_autofree char *why = cycle_file_error_describe (error, _("clipboard"));

      /* Translators: a notification; %s says what is wrong with the clipboard's text */
      message = g_strdup_printf (_("Nothing was pasted: the clipboard holds no Cycle stages "
                                   "(%s)"), why);
      paste_failed (self, message);
      return;
    }

  /* After the last selected stage in the plan's order, else at the end. */
  selected = cycle_canvas_get_selected_stages (self);
  if (selected->len > 0)
    position = _cycle_canvas_stage_index (self, g_ptr_array_index (selected,
                                                                   selected->len - 1)) + 1;

  if (g_list_model_get_n_items (cycle_plan_get_stages (part)) > 0)
    {
      part_bounds (part, &bounds);
      paste_spot (self, paste, &bounds, &spot);
    }
  else
    {
      bounds = (CycleRect) { 0, 0, 0, 0 };
      spot = (CyclePoint) { 0, 0 };
    }

  added = cycle_plan_insert_part (self->plan, part, position, spot.x - bounds.x,
                                  spot.y - bounds.y, &error);
  if (added == NULL)
    {
      /* Over the plan's limits, the message says all; else there was nothing to paste. */
      paste_failed (self, g_error_matches (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_EMPTY)
                          ? _(NO_STAGES) : error->message);
      return;
    }

  _cycle_canvas_select_new_stages (self, added);

  if (added->len == 1)
    /* Translators: a notification; %s is the name of the stage */
    message = g_strdup_printf (_("“%s” pasted"),
                               cycle_stage_get_name (g_ptr_array_index (added, 0)));
  else
    /* Translators: a notification */
    message = g_strdup_printf (ngettext ("%u stage pasted", "%u stages pasted", added->len),
                               added->len);
  _cycle_canvas_message (self, message, TRUE);
}

/* The read ended: paste what came, unless the canvas has no plan by now. */
static void
paste_data (Paste *paste)
{
  CycleCanvas *self = paste->canvas;

  if (self->plan == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)
    return;

  paste_text (self, paste, (const char *) paste->data->data, paste->data->len);
}

static void
read_chunk_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Paste) paste = user_data;
  GInputStream *stream = G_INPUT_STREAM (source);
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GError) error = NULL;

  chunk = g_input_stream_read_bytes_finish (stream, result, &error);
  if (chunk == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: a notification; %s is the system's message */
      message = g_strdup_printf (_("Could not read the clipboard: %s"), error->message);
      paste_failed (paste->canvas, message);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      g_input_stream_close (stream, NULL, NULL);
      paste_data (paste);
      return;
    }

  if (paste->data->len + g_bytes_get_size (chunk) > CYCLE_FILE_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size_full (CYCLE_FILE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *message = NULL;

      g_input_stream_close (stream, NULL, NULL);
      /* Translators: a notification; %s is a size such as "256.0 MiB" */
      message = g_strdup_printf (_("Nothing was pasted: the clipboard holds more than %s, the "
                                   "most a plan may take"), limit);
      paste_failed (paste->canvas, message);
      return;
    }

  g_byte_array_append (paste->data, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  g_input_stream_read_bytes_async (stream, READ_CHUNK, G_PRIORITY_DEFAULT, NULL, read_chunk_cb,
                                   g_steal_pointer (&paste));
}

static void
read_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(Paste) paste = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &error);
  if (stream == NULL)
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Could not read the clipboard: %s"), error->message);
      paste_failed (paste->canvas, message);
      return;
    }

  g_input_stream_read_bytes_async (stream, READ_CHUNK, G_PRIORITY_DEFAULT, NULL, read_chunk_cb,
                                   g_steal_pointer (&paste));
}

void
_cycle_canvas_paste (CycleCanvas *self,
                     gboolean     at,
                     double       x,
                     double       y)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (self));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  /* Stages first; else the text of a .cycle file, copied from an editor, is worth a try. */
  static const char *stages_types[] = { CYCLE_STAGES_MIME_TYPE, NULL };
  static const char *text_types[] = { "text/plain;charset=utf-8", "text/plain", NULL };
  const char **mime_types;
  Paste *paste;

  if (self->plan == NULL)
    return;

  if (gdk_content_formats_contain_mime_type (formats, CYCLE_STAGES_MIME_TYPE))
    mime_types = stages_types;
  else if (gdk_content_formats_contain_mime_type (formats, text_types[0]) ||
           gdk_content_formats_contain_mime_type (formats, text_types[1]))
    mime_types = text_types;
  else
    {
      paste_failed (self, _(NO_STAGES));
      return;
    }

  paste = g_new0 (Paste, 1);
  paste->canvas = g_object_ref (self);
  paste->at = at;
  paste->stages_type = mime_types == stages_types;
  paste->x = x;
  paste->y = y;
  paste->data = g_byte_array_new ();
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, read_cb, paste);
}

/* ------------------------------------------------------------------------------------------------
 * The picture
 */

double
cycle_canvas_picture_scale (double width,
                            double height)
{
  double scale = CYCLE_CANVAS_PICTURE_SCALE;

  if (width <= 0 || height <= 0)
    return scale;

  /* Sharp on a slide, but never more than the clipboard should hold. */
  scale = MIN (scale, sqrt (CYCLE_CANVAS_PICTURE_MAX_PIXELS / (width * height)));
  scale = MIN (scale, CYCLE_CANVAS_PICTURE_MAX_SIDE / width);
  scale = MIN (scale, CYCLE_CANVAS_PICTURE_MAX_SIDE / height);
  return scale;
}

static void
free_surface (gpointer data)
{
  cairo_surface_destroy (data);
}

/* @picture at the clipboard's scale, or NULL when cairo had not the memory for it */
static GdkTexture *
picture_to_texture (CycleRenderPicture     *picture,
                    const CycleRenderStyle *style)
{
  g_autoptr(GBytes) pixels = NULL;
  CycleRect extent;
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale;
  int width, height;

  cycle_render_picture_get_extent (picture, &extent);
  scale = cycle_canvas_picture_scale (extent.width, extent.height);
  width = MAX (1, (int) ceil (extent.width * scale));
  height = MAX (1, (int) ceil (extent.height * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cycle_render_picture_draw (picture, cr, style);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  /* cairo's ARGB32 is GDK's default memory format. */
  pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                       (gsize) cairo_image_surface_get_stride (surface) * height,
                                       free_surface, surface);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels,
                                 cairo_image_surface_get_stride (surface));
}

void
cycle_canvas_copy_picture (CycleCanvas *self)
{
  g_autoptr(CycleRenderPicture) picture = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GBytes) svg = NULL;
  GString *svg_text;
  GdkContentProvider *providers[2];
  CycleRenderStyle style;

  g_return_if_fail (CYCLE_IS_CANVAS (self));

  if (self->plan == NULL)
    return;

  /* The picture an export makes: light, with its legend, in the plan's layout. */
  picture = cycle_render_picture_new (self->plan, cycle_plan_get_layout (self->plan), TRUE);
  cycle_render_style_init (&style, FALSE);

  texture = picture_to_texture (picture, &style);
  if (texture == NULL)
    {
      paste_failed (self, _("Could not copy the picture: not enough memory"));
      return;
    }

  svg_text = g_string_sized_new (4096);
  cycle_render_picture_write_svg (picture, &style, svg_text);
  svg = g_string_free_to_bytes (svg_text);

  /* PNG first: what slides and documents take most readily. */
  providers[0] = gdk_content_provider_new_typed (GDK_TYPE_TEXTURE, texture);
  providers[1] = gdk_content_provider_new_for_bytes ("image/svg+xml", svg);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);

  _cycle_canvas_message (self, _("Picture of the plan copied"), FALSE);
}
