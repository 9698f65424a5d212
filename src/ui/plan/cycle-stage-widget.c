/* cycle-stage-widget.c: one stage on the canvas — focus, accessibility, tooltip and drops
 *
 * The widget holds no copy of the stage: it draws it with cycle_render_stage() and reads its
 * name, lane and content count when they are notified. The canvas places it and scales it; the
 * widget's own coordinates are canvas units, with its geometry's top-left corner at 0,0.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-stage-widget"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "cycle-checker.h"
#include "cycle-stage-widget.h"

/* The connect handle: a small circle centred on the shape's right side. */
#define HANDLE_SIZE 14

struct _CycleStageWidget
{
  GtkWidget               parent_instance;

  CycleStage             *stage;
  const CycleRenderStyle *style;
  CycleStageGeometry      geometry;
  double                  volume;
  char                   *links_text;

  GtkWidget              *handle;
  /* The count of the stage's warnings and errors, at its top-right corner. */
  GtkWidget              *badge;
  CycleChecker           *checker;
  guint                   n_errors;
  guint                   n_warnings;

  guint                   relayout_id;
  guint                   selected : 1;
};

G_DEFINE_FINAL_TYPE (CycleStageWidget, cycle_stage_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------------
 * What screen readers and tooltips say
 */

/* "Internal funnel, 3 items" */
static char *
dup_summary (CycleStageWidget *self)
{
  guint n = cycle_stage_get_n_content (self->stage);
  const char *lane = cycle_enum_get_label (CYCLE_TYPE_LANE, cycle_stage_get_lane (self->stage));

  /* Translators: a stage's lane, then how many pieces of content it holds */
  return g_strdup_printf (ngettext ("%s, %u item", "%s, %u items", n), lane, n);
}

/* "1 error, 2 warnings", or NULL when the checks found neither. */
static char *
dup_problems (CycleStageWidget *self)
{
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;

  if (self->n_errors > 0)
    errors = g_strdup_printf (ngettext ("%u error", "%u errors", self->n_errors),
                              self->n_errors);
  if (self->n_warnings > 0)
    warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", self->n_warnings),
                                self->n_warnings);

  if (errors != NULL && warnings != NULL)
    /* Translators: a stage's findings: "1 error, 2 warnings" */
    return g_strdup_printf (_("%s, %s"), errors, warnings);
  if (errors != NULL)
    return g_steal_pointer (&errors);
  return g_steal_pointer (&warnings);
}

static void
update_accessible (CycleStageWidget *self)
{
  g_autofree char *summary = dup_summary (self);
  g_autofree char *description = NULL;
  g_autoptr(GString) tooltip = g_string_new (NULL);
  const char *name = cycle_stage_get_display_name (self->stage);
  g_autofree char *name_markup = g_markup_escape_text (name, -1);
  g_autofree char *summary_markup = g_markup_escape_text (summary, -1);
  const char *why = cycle_stage_get_why (self->stage);
  const char *question = cycle_stage_get_question (self->stage);

  g_autofree char *problems = dup_problems (self);

  if (self->links_text != NULL && self->links_text[0] != '\0')
    /* Translators: a stage's summary ("Internal funnel, 3 items"), then where its links lead */
    description = g_strdup_printf (_("%s, %s"), summary, self->links_text);
  else
    description = g_strdup (summary);

  if (problems != NULL)
    {
      char *with_problems;

      /* Translators: a stage's description, then its findings ("2 warnings") */
      with_problems = g_strdup_printf (_("%s, %s"), description, problems);
      g_free (description);
      description = with_problems;
    }

  g_string_append_printf (tooltip, "<b>%s</b>\n%s", name_markup, summary_markup);
  if (why[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (why, -1);

      /* Translators: in a stage's tooltip, what moves a person on to the next stage */
      g_string_append_printf (tooltip, "\n%s", _("Why:"));
      g_string_append_printf (tooltip, " %s", escaped);
    }
  if (question[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (question, -1);

      g_string_append_c (tooltip, '\n');
      /* Translators: in a stage's tooltip, the question the buyer is asking at this stage, in
       * the language's quotation marks (French: « Demande : « %s » » with no-break spaces) */
      g_string_append_printf (tooltip, _("Asks: “%s”"), escaped);
    }
  if (problems != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (problems, -1);

      g_string_append_printf (tooltip, "\n%s", escaped);
    }
  gtk_widget_set_tooltip_markup (GTK_WIDGET (self), tooltip->str);

  /* After the tooltip, which GTK also makes the accessible description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  cycle_stage_get_display_name (self->stage),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
on_stage_notify_cb (CycleStageWidget *self,
                    GParamSpec       *pspec,
                    CycleStage       *stage)
{
  const char *name = g_param_spec_get_name (pspec);

  /* The canvas follows the position. */
  if (g_str_equal (name, "x") || g_str_equal (name, "y"))
    return;

  if (g_str_equal (name, "name") || g_str_equal (name, "lane") ||
      g_str_equal (name, "n-content") || g_str_equal (name, "why") ||
      g_str_equal (name, "question"))
    update_accessible (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------------------------------
 * The findings badge
 */

static void
update_badge (CycleStageWidget *self)
{
  guint n_errors = 0, n_warnings = 0;

  if (self->checker != NULL && cycle_checker_count_for_stage (self->checker, self->stage) > 0)
    {
      GListModel *findings = cycle_checker_get_findings (self->checker);
      guint n = g_list_model_get_n_items (findings);

      /* The list is in plan order: the stage's findings are together. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CycleFinding) finding = g_list_model_get_item (findings, i);

          if (cycle_finding_get_stage (finding) != self->stage)
            continue;
          if (cycle_finding_get_severity (finding) == CYCLE_SEVERITY_ERROR)
            n_errors++;
          else if (cycle_finding_get_severity (finding) == CYCLE_SEVERITY_WARNING)
            n_warnings++;
        }
    }

  if (n_errors == self->n_errors && n_warnings == self->n_warnings)
    return;

  self->n_errors = n_errors;
  self->n_warnings = n_warnings;

  if (n_errors + n_warnings > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", n_errors + n_warnings);

      gtk_label_set_label (GTK_LABEL (self->badge), text);
    }
  gtk_widget_set_visible (self->badge, n_errors + n_warnings > 0);
  if (n_errors > 0)
    gtk_widget_add_css_class (self->badge, "error");
  else
    gtk_widget_remove_css_class (self->badge, "error");

  update_accessible (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_stage_findings_changed_cb (CycleStageWidget *self,
                              CycleStage       *stage,
                              CycleChecker     *checker)
{
  if (stage == self->stage)
    update_badge (self);
}

void
cycle_stage_widget_set_checker (CycleStageWidget *self,
                                CycleChecker     *checker)
{
  g_return_if_fail (CYCLE_IS_STAGE_WIDGET (self));
  g_return_if_fail (checker == NULL || CYCLE_IS_CHECKER (checker));

  if (self->checker == checker)
    return;

  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_func (self->checker, on_stage_findings_changed_cb, self);
  g_set_object (&self->checker, checker);
  if (checker != NULL)
    g_signal_connect_object (checker, "stage-findings-changed",
                             G_CALLBACK (on_stage_findings_changed_cb), self, G_CONNECT_SWAPPED);

  update_badge (self);
}

/* The number on the badge, 0 when it is hidden (for tests). */
guint
cycle_stage_widget_get_badge_count (CycleStageWidget *self)
{
  g_return_val_if_fail (CYCLE_IS_STAGE_WIDGET (self), 0);

  return self->n_errors + self->n_warnings;
}

/* ------------------------------------------------------------------------------------------------
 * Dropping content on the stage (from the board)
 */

static gboolean
on_drop_cb (GtkDropTarget    *target,
            const GValue     *value,
            double            x,
            double            y,
            CycleStageWidget *self)
{
  CyclePlan *plan = cycle_item_get_plan (CYCLE_ITEM (self->stage));
  CycleContent *content;

  if (!G_VALUE_HOLDS_OBJECT (value) || !CYCLE_IS_CONTENT (g_value_get_object (value)))
    return FALSE;

  content = g_value_get_object (value);
  if (plan == NULL || cycle_item_get_plan (CYCLE_ITEM (content)) != plan)
    return FALSE;

  cycle_plan_move_content (plan, content, self->stage, -1);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------------
 * Drawing
 */

static CycleRenderFlags
current_flags (CycleStageWidget *self)
{
  GtkStateFlags state = gtk_widget_get_state_flags (GTK_WIDGET (self));
  CycleRenderFlags flags = CYCLE_RENDER_FLAG_NONE;

  if (self->selected)
    flags |= CYCLE_RENDER_FLAG_SELECTED;
  if (state & GTK_STATE_FLAG_FOCUS_VISIBLE)
    flags |= CYCLE_RENDER_FLAG_FOCUSED;
  if (state & GTK_STATE_FLAG_PRELIGHT)
    flags |= CYCLE_RENDER_FLAG_HOVER;
  if (state & GTK_STATE_FLAG_DROP_ACTIVE)
    flags |= CYCLE_RENDER_FLAG_DROP_TARGET;

  return flags;
}

static void
cycle_stage_widget_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  CycleStageWidget *self = CYCLE_STAGE_WIDGET (widget);
  const CycleRect *b = &self->geometry.bounds;
  graphene_rect_t area;
  cairo_t *cr;

  if (self->style == NULL || b->width <= 0 || b->height <= 0)
    return;

  /* One small node, as big as the stage and its rings. */
  area = GRAPHENE_RECT_INIT (-CYCLE_RENDER_STAGE_MARGIN, -CYCLE_RENDER_STAGE_MARGIN,
                             b->width + 2 * CYCLE_RENDER_STAGE_MARGIN,
                             b->height + 2 * CYCLE_RENDER_STAGE_MARGIN);
  cr = gtk_snapshot_append_cairo (snapshot, &area);
  cairo_translate (cr, -b->x, -b->y);
  cycle_render_stage (cr, self->stage, &self->geometry, self->style, current_flags (self),
                      self->volume);
  cairo_destroy (cr);

  gtk_widget_snapshot_child (widget, self->handle, snapshot);
  gtk_widget_snapshot_child (widget, self->badge, snapshot);
}

static void
cycle_stage_widget_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  CycleStageWidget *self = CYCLE_STAGE_WIDGET (widget);
  const CycleRect *b = &self->geometry.bounds;

  /* No minimum: the canvas gives each stage its geometry's size, whatever this said last. */
  *minimum = 0;
  *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? b->width : b->height);
}

static void
cycle_stage_widget_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  CycleStageWidget *self = CYCLE_STAGE_WIDGET (widget);
  CyclePoint p;

  cycle_stage_widget_get_handle_point (self, &p);
  gtk_widget_measure (self->handle, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->handle,
                            &(GtkAllocation) {
                              (int) round (p.x - self->geometry.bounds.x) - HANDLE_SIZE / 2,
                              (int) round (p.y - self->geometry.bounds.y) - HANDLE_SIZE / 2,
                              HANDLE_SIZE, HANDLE_SIZE
                            }, -1);

  if (gtk_widget_get_visible (self->badge))
    {
      const CycleStageGeometry *g = &self->geometry;
      double right = g->bounds.width;
      int bw, bh;

      /* A trapezoid's top is narrower or wider than its bounds: its own top-right corner. */
      if (g->shape == CYCLE_STAGE_SHAPE_TRAPEZOID)
        right = (g->bounds.width + g->top_width) / 2.0;

      gtk_widget_measure (self->badge, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &bw, NULL, NULL);
      gtk_widget_measure (self->badge, GTK_ORIENTATION_VERTICAL, bw, NULL, &bh, NULL, NULL);
      gtk_widget_size_allocate (self->badge,
                                &(GtkAllocation) {
                                  (int) round (right - bw * 0.6), (int) round (-bh * 0.4),
                                  bw, bh
                                }, -1);
    }
}

static void
cycle_stage_widget_state_flags_changed (GtkWidget     *widget,
                                        GtkStateFlags  previous)
{
  GtkStateFlags changed = previous ^ gtk_widget_get_state_flags (widget);

  if (changed & (GTK_STATE_FLAG_PRELIGHT | GTK_STATE_FLAG_FOCUS_VISIBLE |
                 GTK_STATE_FLAG_DROP_ACTIVE | GTK_STATE_FLAG_SELECTED))
    gtk_widget_queue_draw (widget);

  GTK_WIDGET_CLASS (cycle_stage_widget_parent_class)->state_flags_changed (widget, previous);
}

/* ------------------------------------------------------------------------------------------------
 * API
 */

CycleStage *
cycle_stage_widget_get_stage (CycleStageWidget *self)
{
  g_return_val_if_fail (CYCLE_IS_STAGE_WIDGET (self), NULL);

  return self->stage;
}

static gboolean
relayout_cb (gpointer data)
{
  CycleStageWidget *self = data;

  self->relayout_id = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

void
cycle_stage_widget_set_geometry (CycleStageWidget         *self,
                                 const CycleStageGeometry *geometry)
{
  gboolean reshaped, resized;

  g_return_if_fail (CYCLE_IS_STAGE_WIDGET (self));
  g_return_if_fail (geometry != NULL);

  reshaped = self->geometry.bounds.width != geometry->bounds.width ||
             self->geometry.bounds.height != geometry->bounds.height ||
             self->geometry.shape != geometry->shape ||
             self->geometry.top_width != geometry->top_width ||
             self->geometry.bottom_width != geometry->bottom_width;

  resized = self->geometry.bounds.width != geometry->bounds.width ||
            self->geometry.bounds.height != geometry->bounds.height;

  /* A move alone keeps the drawing: the canvas only moves the widget. A new size or shape is
   * drawn again. The canvas sets the geometry while it allocates, and allocates the widget
   * right after, so a new size needs nothing queued (queueing during an allocation would leave
   * the ancestors waiting for another one). A new shape of the same size moves the handle:
   * that allocation waits for an idle. */
  self->geometry = *geometry;

  if (reshaped)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  if (reshaped && !resized && self->relayout_id == 0)
    self->relayout_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, relayout_cb, self, NULL);
}

void
cycle_stage_widget_get_handle_point (CycleStageWidget *self,
                                     CyclePoint       *point)
{
  const CycleStageGeometry *g = &self->geometry;
  double half_width = g->bounds.width / 2.0;

  /* A trapezoid's right side is slanted: its middle is halfway between its two ends. */
  if (g->shape == CYCLE_STAGE_SHAPE_TRAPEZOID)
    half_width = (g->top_width + g->bottom_width) / 4.0;

  point->x = g->bounds.x + g->bounds.width / 2.0 + half_width;
  point->y = g->bounds.y + g->bounds.height / 2.0;
}

void
cycle_stage_widget_set_volume (CycleStageWidget *self,
                               double            volume)
{
  g_return_if_fail (CYCLE_IS_STAGE_WIDGET (self));

  if (isnan (volume) && isnan (self->volume))
    return;
  if (volume == self->volume)
    return;

  self->volume = volume;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
cycle_stage_widget_set_selected (CycleStageWidget *self,
                                 gboolean          selected)
{
  g_return_if_fail (CYCLE_IS_STAGE_WIDGET (self));

  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (self), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, selected,
                               -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
cycle_stage_widget_set_show_handle (CycleStageWidget *self,
                                    gboolean          show)
{
  g_return_if_fail (CYCLE_IS_STAGE_WIDGET (self));

  if (show)
    gtk_widget_add_css_class (self->handle, "visible");
  else
    gtk_widget_remove_css_class (self->handle, "visible");
}

void
cycle_stage_widget_set_links_text (CycleStageWidget *self,
                                   const char       *text)
{
  g_return_if_fail (CYCLE_IS_STAGE_WIDGET (self));

  if (g_strcmp0 (self->links_text, text) == 0)
    return;

  g_free (self->links_text);
  self->links_text = g_strdup (text);
  update_accessible (self);
}

void
cycle_stage_widget_style_changed (CycleStageWidget *self)
{
  g_return_if_fail (CYCLE_IS_STAGE_WIDGET (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

static void
cycle_stage_widget_constructed (GObject *object)
{
  CycleStageWidget *self = CYCLE_STAGE_WIDGET (object);

  G_OBJECT_CLASS (cycle_stage_widget_parent_class)->constructed (object);

  g_signal_connect_object (self->stage, "notify", G_CALLBACK (on_stage_notify_cb), self,
                           G_CONNECT_SWAPPED);
  update_accessible (self);
}

static void
cycle_stage_widget_dispose (GObject *object)
{
  CycleStageWidget *self = CYCLE_STAGE_WIDGET (object);

  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_clear_pointer (&self->handle, gtk_widget_unparent);
  g_clear_pointer (&self->badge, gtk_widget_unparent);
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_func (self->checker, on_stage_findings_changed_cb, self);
  g_clear_object (&self->checker);

  G_OBJECT_CLASS (cycle_stage_widget_parent_class)->dispose (object);
}

static void
cycle_stage_widget_finalize (GObject *object)
{
  CycleStageWidget *self = CYCLE_STAGE_WIDGET (object);

  g_clear_object (&self->stage);
  g_clear_pointer (&self->links_text, g_free);

  G_OBJECT_CLASS (cycle_stage_widget_parent_class)->finalize (object);
}

static void
cycle_stage_widget_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CycleStageWidget *self = CYCLE_STAGE_WIDGET (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_object (value, self->stage);
      break;

    case PROP_SELECTED:
      g_value_set_boolean (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_stage_widget_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CycleStageWidget *self = CYCLE_STAGE_WIDGET (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      self->stage = g_value_dup_object (value);
      break;

    case PROP_SELECTED:
      cycle_stage_widget_set_selected (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_stage_widget_class_init (CycleStageWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cycle_stage_widget_constructed;
  object_class->dispose = cycle_stage_widget_dispose;
  object_class->finalize = cycle_stage_widget_finalize;
  object_class->get_property = cycle_stage_widget_get_property;
  object_class->set_property = cycle_stage_widget_set_property;

  widget_class->snapshot = cycle_stage_widget_snapshot;
  widget_class->measure = cycle_stage_widget_measure;
  widget_class->size_allocate = cycle_stage_widget_size_allocate;
  widget_class->state_flags_changed = cycle_stage_widget_state_flags_changed;

  properties[PROP_STAGE] =
    g_param_spec_object ("stage", NULL, NULL, CYCLE_TYPE_STAGE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "stage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
cycle_stage_widget_init (CycleStageWidget *self)
{
  GtkDropTarget *drop;
  GType types[] = { CYCLE_TYPE_CONTENT, G_TYPE_OBJECT };

  self->volume = NAN;
  self->geometry.bounds.width = CYCLE_STAGE_WIDTH;
  self->geometry.bounds.height = CYCLE_STAGE_HEIGHT;
  self->geometry.shape = CYCLE_STAGE_SHAPE_BOX;
  self->geometry.top_width = CYCLE_STAGE_WIDTH;
  self->geometry.bottom_width = CYCLE_STAGE_WIDTH;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_VISIBLE);

  /* Only shown: the canvas hit-tests the handle itself, so that it works at any zoom. */
  self->handle = g_object_new (GTK_TYPE_BOX,
                               "can-target", FALSE,
                               "can-focus", FALSE,
                               "css-classes", (const char *[]) { "stage-handle", NULL },
                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                               NULL);
  gtk_widget_set_parent (self->handle, GTK_WIDGET (self));

  /* Only shown: the stage's accessible description says what the badge counts. */
  self->badge = g_object_new (GTK_TYPE_LABEL,
                              "visible", FALSE,
                              "can-target", FALSE,
                              "can-focus", FALSE,
                              "css-classes", (const char *[]) { "finding-badge", NULL },
                              "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                              NULL);
  gtk_widget_set_parent (self->badge, GTK_WIDGET (self));

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, types, G_N_ELEMENTS (types));
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
cycle_stage_widget_new (CycleStage             *stage,
                        const CycleRenderStyle *style)
{
  CycleStageWidget *self;

  g_return_val_if_fail (CYCLE_IS_STAGE (stage), NULL);

  self = g_object_new (CYCLE_TYPE_STAGE_WIDGET, "stage", stage, NULL);
  self->style = style;

  return GTK_WIDGET (self);
}
