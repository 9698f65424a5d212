/* cycle-template-dialog.c
 *
 * A gallery of cards, one per template: a preview drawn by src/render (the same picture as the
 * canvas and image export), the name and one sentence. Each preview is drawn once into a cairo
 * surface and kept until its size, the scale or the dark style changes.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-template-dialog"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cycle-render.h"
#include "cycle-template-dialog.h"
#include "cycle-templates.h"

#define PREVIEW_WIDTH  220
#define PREVIEW_HEIGHT 140
#define PREVIEW_TEXT_SCALE 1.6

struct _CycleTemplateDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkFlowBox     *flow_box;
  GtkCheckButton *content_check;
};

G_DEFINE_FINAL_TYPE (CycleTemplateDialog, cycle_template_dialog, ADW_TYPE_WINDOW)

enum {
  TEMPLATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a card keeps: its template and the cached drawing of its preview. */
typedef struct
{
  char            *id;
  CyclePlan       *plan;
  cairo_surface_t *surface;
  int              width;
  int              height;
  int              scale;
  gboolean         dark;
} Preview;

static const char gallery_css[] =
  ".template-gallery > flowboxchild {"
  "  padding: 0;"
  "  border-radius: 12px;"
  "  background: none;"
  "}"
  ".template-gallery > flowboxchild > .card {"
  "  transition: box-shadow 150ms ease-out;"
  "}"
  ".template-gallery > flowboxchild:hover > .card {"
  "  background-image: image(alpha(currentColor, 0.03));"
  "}"
  ".template-gallery > flowboxchild:selected > .card {"
  "  box-shadow: 0 0 0 3px @accent_color, 0 1px 3px 1px alpha(black, 0.07);"
  "}"
  ".template-gallery .template-preview {"
  "  border-radius: 6px;"
  "}";

static void
preview_free (gpointer data)
{
  Preview *preview = data;

  g_free (preview->id);
  g_clear_object (&preview->plan);
  g_clear_pointer (&preview->surface, cairo_surface_destroy);
  g_free (preview);
}

/* The blank plan: a dashed page with a plus, in the colour of secondary text. */
static void
draw_blank (cairo_t                *cr,
            const CycleRenderStyle *style,
            int                     width,
            int                     height)
{
  const CycleColor *c = &style->secondary_text;
  double w = MIN (width * 0.44, 110.0);
  double h = MIN (height * 0.72, 100.0);
  double x = (width - w) / 2;
  double y = (height - h) / 2;
  double r = 8.0;
  double dash[] = { 6.0, 4.0 };
  double arm = MIN (w, h) * 0.16;

  cycle_render_rounded_rect (cr, x, y, w, h, r);
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha * 0.7);
  cairo_set_line_width (cr, 2.0);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_stroke (cr);

  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 3.0);
  cairo_move_to (cr, width / 2.0 - arm, height / 2.0);
  cairo_line_to (cr, width / 2.0 + arm, height / 2.0);
  cairo_move_to (cr, width / 2.0, height / 2.0 - arm);
  cairo_line_to (cr, width / 2.0, height / 2.0 + arm);
  cairo_stroke (cr);
}

/* The whole plan, scaled down to fit and centred. */
static void
draw_plan (cairo_t                *cr,
           CyclePlan              *plan,
           const CycleRenderStyle *style,
           int                     width,
           int                     height)
{
  g_autoptr(CycleRenderPicture) picture = NULL;
  CycleRect extent;
  double scale;

  /* The projection the canvas shows, without the legend: the dialog names the template. */
  picture = cycle_render_picture_new (plan, cycle_plan_get_layout (plan), FALSE);
  cycle_render_picture_get_extent (picture, &extent);
  if (extent.width <= 0 || extent.height <= 0)
    return;

  scale = MIN (width / extent.width, height / extent.height);
  cairo_save (cr);
  cairo_translate (cr, (width - extent.width * scale) / 2, (height - extent.height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cycle_render_picture_draw (picture, cr, style);
  cairo_restore (cr);
}

static void
render_preview (Preview *preview,
                int      width,
                int      height,
                int      scale,
                gboolean dark)
{
  CycleRenderStyle style;
  cairo_t *cr;

  g_clear_pointer (&preview->surface, cairo_surface_destroy);
  preview->width = width;
  preview->height = height;
  preview->scale = scale;
  preview->dark = dark;

  preview->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale,
                                                 height * scale);
  cairo_surface_set_device_scale (preview->surface, scale, scale);

  cycle_render_style_init (&style, dark);
  /* The card shows through: only the plan is drawn. */
  style.background.alpha = 0.0;
  /* Names stay legible once the plan is shrunk to a thumbnail; the rest is ellipsized. */
  style.scale = PREVIEW_TEXT_SCALE;

  cr = cairo_create (preview->surface);
  /* A team's template that cannot be read any more shows as blank. */
  if (preview->plan == NULL ||
      g_list_model_get_n_items (cycle_plan_get_stages (preview->plan)) == 0)
    draw_blank (cr, &style, width, height);
  else
    draw_plan (cr, preview->plan, &style, width, height);
  cairo_destroy (cr);
}

static void
draw_preview_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  Preview *preview = user_data;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (width <= 0 || height <= 0)
    return;

  if (preview->plan == NULL)
    preview->plan = cycle_templates_create_full (preview->id, CYCLE_TEMPLATE_NONE);

  if (preview->surface == NULL || preview->width != width || preview->height != height ||
      preview->scale != scale || preview->dark != dark)
    render_preview (preview, width, height, scale, dark);

  cairo_set_source_surface (cr, preview->surface, 0, 0);
  cairo_paint (cr);
}

static void
on_scale_factor_changed_cb (GtkWidget  *area,
                            GParamSpec *pspec,
                            gpointer    user_data)
{
  gtk_widget_queue_draw (area);
}

static GtkWidget *
create_card (const char *id,
             const char *name,
             const char *description)
{
  g_autofree char *preview_label = NULL;
  GtkWidget *child, *card, *area, *label;
  Preview *preview;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (card, "card");

  preview = g_new0 (Preview, 1);
  preview->id = g_strdup (id);

  /* Translators: the accessible name of a template's picture; %s is the template */
  preview_label = g_strdup_printf (_("Preview of “%s”"), name);
  area = g_object_new (GTK_TYPE_DRAWING_AREA,
                       "content-width", PREVIEW_WIDTH,
                       "content-height", PREVIEW_HEIGHT,
                       "margin-top", 6,
                       "margin-start", 6,
                       "margin-end", 6,
                       NULL);
  gtk_widget_add_css_class (area, "template-preview");
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, preview_label,
                                  -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_preview_cb, preview,
                                  preview_free);
  g_signal_connect (area, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed_cb), NULL);
  gtk_box_append (GTK_BOX (card), area);

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", name,
                        "xalign", 0.0f,
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        "margin-top", 10,
                        "margin-start", 12,
                        "margin-end", 12,
                        NULL);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (card), label);

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", description,
                        "xalign", 0.0f,
                        "yalign", 0.0f,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "lines", 3,
                        "ellipsize", PANGO_ELLIPSIZE_END,
                        "width-chars", 24,
                        "max-width-chars", 28,
                        "vexpand", TRUE,
                        "margin-top", 4,
                        "margin-bottom", 12,
                        "margin-start", 12,
                        "margin-end", 12,
                        NULL);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (card), label);

  child = gtk_flow_box_child_new ();
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);
  g_object_set_data_full (G_OBJECT (child), "cycle-template-id", g_strdup (id), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return child;
}

static GtkFlowBoxChild *
get_selected_child (CycleTemplateDialog *self)
{
  g_autoptr(GList) selected = gtk_flow_box_get_selected_children (self->flow_box);

  return selected != NULL ? selected->data : NULL;
}

static const char *
get_child_id (GtkFlowBoxChild *child)
{
  return g_object_get_data (G_OBJECT (child), "cycle-template-id");
}

static void
choose (CycleTemplateDialog *self,
        GtkFlowBoxChild     *child)
{
  g_autoptr(CycleTemplateDialog) hold = g_object_ref (self);
  g_autofree char *id = NULL;

  if (child == NULL)
    return;

  /* The handler may open windows or close ours: keep the id and ourselves alive. Hidden
   * first, so that the window the handler presents keeps the keyboard focus. */
  id = g_strdup (get_child_id (child));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_signal_emit (self, signals[TEMPLATE_CHOSEN], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CycleTemplateDialog *self = CYCLE_TEMPLATE_DIALOG (widget);

  choose (self, get_selected_child (self));
}

static void
on_flow_box_child_activated_cb (CycleTemplateDialog *self,
                                GtkFlowBoxChild     *child,
                                GtkFlowBox          *flow_box)
{
  choose (self, child);
}

static void
on_flow_box_selected_children_changed_cb (CycleTemplateDialog *self,
                                          GtkFlowBox          *flow_box)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.create",
                                 get_selected_child (self) != NULL);
}

static void
on_dark_changed_cb (CycleTemplateDialog *self,
                    GParamSpec          *pspec,
                    AdwStyleManager     *manager)
{
  /* Each preview notices the change and draws itself again. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->flow_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      gtk_widget_queue_draw (gtk_widget_get_first_child (card));
    }
}

static void
ensure_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, gallery_css, -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

static void
cycle_template_dialog_map (GtkWidget *widget)
{
  CycleTemplateDialog *self = CYCLE_TEMPLATE_DIALOG (widget);
  GtkFlowBoxChild *child;

  GTK_WIDGET_CLASS (cycle_template_dialog_parent_class)->map (widget);

  /* The arrows and Enter work on the gallery from the start. Moving the focus into the box,
   * rather than grabbing it on the child, also puts the box's cursor on the selected child:
   * without a cursor the arrows do nothing. */
  child = get_selected_child (self);
  if (child != NULL)
    gtk_widget_child_focus (GTK_WIDGET (self->flow_box), GTK_DIR_TAB_FORWARD);
}

static void
cycle_template_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CYCLE_TYPE_TEMPLATE_DIALOG);

  G_OBJECT_CLASS (cycle_template_dialog_parent_class)->dispose (object);
}

static void
cycle_template_dialog_class_init (CycleTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_template_dialog_dispose;

  widget_class->map = cycle_template_dialog_map;

  /**
   * CycleTemplateDialog::template-chosen:
   * @self: the dialog
   * @id: the chosen template's id, for cycle_templates_create()
   *
   * The person chose a template. The dialog closes itself after the emission.
   */
  signals[TEMPLATE_CHOSEN] =
    g_signal_new ("template-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleTemplateDialog, flow_box);
  gtk_widget_class_bind_template_child (widget_class, CycleTemplateDialog, content_check);
  gtk_widget_class_bind_template_callback (widget_class, on_flow_box_child_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class,
                                           on_flow_box_selected_children_changed_cb);

  gtk_widget_class_install_action (widget_class, "template.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cycle_template_dialog_init (CycleTemplateDialog *self)
{
  g_auto(GStrv) user = NULL;
  GtkFlowBoxChild *first;

  gtk_widget_init_template (GTK_WIDGET (self));
  ensure_css ();

  for (guint i = 0; i < cycle_templates_get_count (); i++)
    gtk_flow_box_append (self->flow_box,
                         create_card (cycle_templates_get_id (i), cycle_templates_get_name (i),
                                      cycle_templates_get_description (i)));
  /* The team's own, beside the built-in ones. */
  user = cycle_templates_list_user ();
  for (guint i = 0; user[i] != NULL; i++)
    {
      g_autofree char *name = cycle_templates_dup_user_name (user[i]);

      gtk_flow_box_append (self->flow_box,
                           create_card (user[i], name, _("Saved by your team as a template")));
    }

  first = gtk_flow_box_get_child_at_index (self->flow_box, 0);
  gtk_flow_box_select_child (self->flow_box, first);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

CycleTemplateDialog *
cycle_template_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  /* Not added to the application: its active window stays the one with the plan. */
  return g_object_new (CYCLE_TYPE_TEMPLATE_DIALOG,
                       "transient-for", parent,
                       NULL);
}

const char *
cycle_template_dialog_get_selected (CycleTemplateDialog *self)
{
  GtkFlowBoxChild *child;

  g_return_val_if_fail (CYCLE_IS_TEMPLATE_DIALOG (self), NULL);

  child = get_selected_child (self);

  return child != NULL ? get_child_id (child) : NULL;
}

gboolean
cycle_template_dialog_get_with_content (CycleTemplateDialog *self)
{
  g_return_val_if_fail (CYCLE_IS_TEMPLATE_DIALOG (self), TRUE);
  return gtk_check_button_get_active (self->content_check);
}

void
cycle_template_dialog_set_with_content (CycleTemplateDialog *self,
                                        gboolean             with_content)
{
  g_return_if_fail (CYCLE_IS_TEMPLATE_DIALOG (self));
  gtk_check_button_set_active (self->content_check, with_content);
}

gboolean
cycle_template_dialog_select (CycleTemplateDialog *self,
                              const char          *id)
{
  GtkFlowBoxChild *child = NULL;

  g_return_val_if_fail (CYCLE_IS_TEMPLATE_DIALOG (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  for (int i = 0; (child = gtk_flow_box_get_child_at_index (self->flow_box, i)) != NULL; i++)
    if (g_strcmp0 (get_child_id (child), id) == 0)
      break;
  if (child == NULL)
    return FALSE;

  gtk_flow_box_select_child (self->flow_box, child);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
      gtk_widget_child_focus (GTK_WIDGET (self->flow_box), GTK_DIR_TAB_FORWARD);
    }

  return TRUE;
}
