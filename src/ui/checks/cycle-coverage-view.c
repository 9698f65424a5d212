/* cycle-coverage-view.c: the coverage matrix — persona (or channel) × stage, empty cells shown
 *
 * A grid of buttons taken from a CycleCoverage snapshot, built again (on an idle) whenever the
 * checker says the coverage changed. A cell's button adds a piece of content for its persona
 * (or channel) at its stage. A grid of widgets is fine for the sizes plans have (tens of stages,
 * a handful of personas); the scrolled window takes care of the rest.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-coverage-view"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-coverage-view.h"

struct _CycleCoverageView
{
  AdwBin             parent_instance;

  CycleChecker      *checker;
  CycleCoverageAxis  axis;
  CycleCoverage     *coverage;
  guint              rebuild_id;
  /* The coverage changed while the view was not shown: it is rebuilt when it is. */
  gboolean           stale;

  /* Template widgets */
  GtkToggleButton   *persona_button;
  GtkToggleButton   *channel_button;
  GtkStack          *stack;
  GtkGrid           *grid;
};

G_DEFINE_FINAL_TYPE (CycleCoverageView, cycle_coverage_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CHECKER,
  PROP_AXIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_CONTENT_ADDED,
  SIGNAL_SHOW_CONTENT,
  SIGNAL_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------------------------------
 * Adding content from a cell
 */

/* What activating a cell does: adds a piece of content for the cell's persona (or channel) at
 * its stage, as one undo step "Add Content", and emits "content-added" with it. */
static CycleContent *
cycle_coverage_view_add_content (CycleCoverageView *self,
                                 guint              row,
                                 guint              column)
{
  g_autoptr(CycleContent) content = NULL;
  CyclePlan *plan;
  CycleStage *stage;

  g_return_val_if_fail (CYCLE_IS_COVERAGE_VIEW (self), NULL);

  if (self->coverage == NULL || self->checker == NULL ||
      row >= cycle_coverage_get_n_rows (self->coverage) ||
      column >= cycle_coverage_get_n_columns (self->coverage))
    return NULL;

  plan = cycle_checker_get_plan (self->checker);
  stage = cycle_coverage_get_stage (self->coverage, column);
  if (cycle_item_get_plan (CYCLE_ITEM (stage)) != plan)
    return NULL;

  content = cycle_content_new (_("New Content"));
  if (cycle_coverage_get_axis (self->coverage) == CYCLE_COVERAGE_PERSONA)
    cycle_content_set_persona (content, cycle_coverage_get_row_persona (self->coverage, row));
  else
    cycle_content_set_channel (content, cycle_coverage_get_row_channel (self->coverage, row));

  cycle_plan_begin_group (plan, _("Add Content"));
  cycle_plan_add_content (plan, stage, content, -1);
  cycle_plan_end_group (plan);

  g_signal_emit (self, signals[SIGNAL_CONTENT_ADDED], 0, content);

  /* The plan holds it now. */
  return content;
}

static void
on_cell_clicked_cb (GtkButton         *button,
                    CycleCoverageView *self)
{
  guint row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cycle-row"));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cycle-column"));

  /* An empty cell asks for content; a filled one already has it: show it, add nothing. */
  if (self->coverage != NULL && row < cycle_coverage_get_n_rows (self->coverage) &&
      column < cycle_coverage_get_n_columns (self->coverage) &&
      !cycle_coverage_is_empty (self->coverage, row, column))
    g_signal_emit (self, signals[SIGNAL_SHOW_CONTENT], 0,
                   cycle_coverage_get_stage (self->coverage, column),
                   cycle_coverage_get_axis (self->coverage) == CYCLE_COVERAGE_PERSONA,
                   cycle_coverage_get_row_persona (self->coverage, row),
                   cycle_coverage_get_row_channel (self->coverage, row));
  else
    cycle_coverage_view_add_content (self, row, column);
}

/* ------------------------------------------------------------------------------------------------
 * The matrix
 */

static GtkWidget *
header_label (const char *text,
              gboolean    column)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), column ? 0.5 : 0);
  if (column)
    {
      /* The matrix scrolls: a stage's name is cut only when it is really long */
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  else
    {
      gtk_label_set_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
    }
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_add_css_class (label, "caption-heading");

  return label;
}

static void
rebuild (CycleCoverageView *self)
{
  GtkWidget *child;
  guint rows, columns;

  self->stale = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_clear_pointer (&self->coverage, cycle_coverage_unref);

  if (self->checker == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->coverage = cycle_checker_get_coverage (self->checker, self->axis);
  rows = cycle_coverage_get_n_rows (self->coverage);
  columns = cycle_coverage_get_n_columns (self->coverage);
  gtk_stack_set_visible_child_name (self->stack, columns > 0 ? "matrix" : "empty");

  for (guint c = 0; c < columns; c++)
    {
      CycleStage *stage = cycle_coverage_get_stage (self->coverage, c);

      gtk_grid_attach (self->grid, header_label (cycle_stage_get_display_name (stage), TRUE),
                       (int) c + 1, 0, 1, 1);
    }

  for (guint r = 0; r < rows; r++)
    {
      const char *row_label = cycle_coverage_get_row_label (self->coverage, r);

      gtk_grid_attach (self->grid, header_label (row_label, FALSE), 0, (int) r + 1, 1, 1);

      for (guint c = 0; c < columns; c++)
        {
          const char *stage =
            cycle_stage_get_display_name (cycle_coverage_get_stage (self->coverage, c));
          guint count = cycle_coverage_get_count (self->coverage, r, c);
          g_autofree char *text = NULL;
          g_autofree char *accessible = NULL;
          g_autofree char *tooltip = NULL;
          GtkWidget *button;

          if (cycle_coverage_is_empty (self->coverage, r, c))
            {
              text = g_strdup ("—");
              /* Translators: an empty cell of the coverage matrix: a persona (or a channel),
               * then a stage */
              accessible = g_strdup_printf (_("No content for %s at %s"), row_label, stage);
            }
          else
            {
              text = g_strdup_printf ("%u", count);
              /* Translators: a cell of the coverage matrix: a count, a persona (or a channel),
               * then a stage */
              accessible = g_strdup_printf (ngettext ("%u piece of content for %s at %s",
                                                      "%u pieces of content for %s at %s",
                                                      count),
                                            count, row_label, stage);
            }
          if (cycle_coverage_is_empty (self->coverage, r, c))
            /* Translators: the tooltip of an empty coverage cell; %s says what it holds */
            tooltip = g_strdup_printf (_("%s. Click to add content here."), accessible);
          else
            /* Translators: the tooltip of a coverage cell with content; %s says what it holds */
            tooltip = g_strdup_printf (_("%s. Click to show it."), accessible);

          button = gtk_button_new_with_label (text);
          gtk_widget_add_css_class (button, "coverage-cell");
          if (cycle_coverage_is_empty (self->coverage, r, c))
            gtk_widget_add_css_class (button, "empty");
          else
            gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, tooltip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          cycle_coverage_is_empty (self->coverage, r, c)
                                          ? _("Adds a piece of content here")
                                          : _("Shows this content on the content page"),
                                          -1);
          g_object_set_data (G_OBJECT (button), "cycle-row", GUINT_TO_POINTER (r));
          g_object_set_data (G_OBJECT (button), "cycle-column", GUINT_TO_POINTER (c));
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_cell_clicked_cb), self, 0);
          gtk_grid_attach (self->grid, button, (int) c + 1, (int) r + 1, 1, 1);
        }
    }
}

static gboolean
rebuild_cb (gpointer data)
{
  CycleCoverageView *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_coverage_changed_cb (CycleCoverageView *self,
                        CycleChecker      *checker)
{
  /* Every label and button is made anew: not for a page nobody looks at (each edit of the
   * plan changes the coverage). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

static void
cycle_coverage_view_map (GtkWidget *widget)
{
  CycleCoverageView *self = CYCLE_COVERAGE_VIEW (widget);

  if (self->stale)
    {
      g_clear_handle_id (&self->rebuild_id, g_source_remove);
      rebuild (self);
    }

  GTK_WIDGET_CLASS (cycle_coverage_view_parent_class)->map (widget);
}

GtkWidget *
cycle_coverage_view_get_cell (CycleCoverageView *self,
                              guint              row,
                              guint              column)
{
  g_return_val_if_fail (CYCLE_IS_COVERAGE_VIEW (self), NULL);

  if (self->rebuild_id != 0 || self->stale)
    {
      g_clear_handle_id (&self->rebuild_id, g_source_remove);
      rebuild (self);
    }

  return gtk_grid_get_child_at (self->grid, (int) column + 1, (int) row + 1);
}

/* ------------------------------------------------------------------------------------------------
 * Properties
 */

CycleChecker *
cycle_coverage_view_get_checker (CycleCoverageView *self)
{
  g_return_val_if_fail (CYCLE_IS_COVERAGE_VIEW (self), NULL);

  return self->checker;
}

void
cycle_coverage_view_set_checker (CycleCoverageView *self,
                                 CycleChecker      *checker)
{
  g_return_if_fail (CYCLE_IS_COVERAGE_VIEW (self));
  g_return_if_fail (checker == NULL || CYCLE_IS_CHECKER (checker));

  if (self->checker == checker)
    return;

  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_func (self->checker, on_coverage_changed_cb, self);
  g_set_object (&self->checker, checker);
  if (checker != NULL)
    g_signal_connect_object (checker, "coverage-changed", G_CALLBACK (on_coverage_changed_cb),
                             self, G_CONNECT_SWAPPED);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
}

CycleCoverageAxis
cycle_coverage_view_get_axis (CycleCoverageView *self)
{
  g_return_val_if_fail (CYCLE_IS_COVERAGE_VIEW (self), CYCLE_COVERAGE_PERSONA);

  return self->axis;
}

void
cycle_coverage_view_set_axis (CycleCoverageView *self,
                              CycleCoverageAxis  axis)
{
  g_return_if_fail (CYCLE_IS_COVERAGE_VIEW (self));

  if (self->axis == axis)
    return;

  self->axis = axis;
  gtk_toggle_button_set_active (axis == CYCLE_COVERAGE_PERSONA ? self->persona_button
                                                               : self->channel_button, TRUE);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AXIS]);
}

static void
on_axis_toggled_cb (CycleCoverageView *self,
                    GtkToggleButton   *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;

  cycle_coverage_view_set_axis (self, button == self->channel_button ? CYCLE_COVERAGE_CHANNEL
                                                                     : CYCLE_COVERAGE_PERSONA);
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

static void
cycle_coverage_view_dispose (GObject *object)
{
  CycleCoverageView *self = CYCLE_COVERAGE_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_func (self->checker, on_coverage_changed_cb, self);
  g_clear_object (&self->checker);
  g_clear_pointer (&self->coverage, cycle_coverage_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_COVERAGE_VIEW);

  G_OBJECT_CLASS (cycle_coverage_view_parent_class)->dispose (object);
}

static void
cycle_coverage_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CycleCoverageView *self = CYCLE_COVERAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      g_value_set_object (value, self->checker);
      break;

    case PROP_AXIS:
      g_value_set_boolean (value, self->axis == CYCLE_COVERAGE_CHANNEL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_coverage_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CycleCoverageView *self = CYCLE_COVERAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      cycle_coverage_view_set_checker (self, g_value_get_object (value));
      break;

    case PROP_AXIS:
      cycle_coverage_view_set_axis (self, g_value_get_boolean (value) ? CYCLE_COVERAGE_CHANNEL
                                                                      : CYCLE_COVERAGE_PERSONA);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_coverage_view_class_init (CycleCoverageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cycle_coverage_view_dispose;
  object_class->get_property = cycle_coverage_view_get_property;
  object_class->set_property = cycle_coverage_view_set_property;
  widget_class->map = cycle_coverage_view_map;

  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL, CYCLE_TYPE_CHECKER, rw);
  /* TRUE: channels down the side; FALSE: personas. */
  properties[PROP_AXIS] =
    g_param_spec_boolean ("by-channel", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A cell made a piece of content (already in the plan): the window opens it. */
  signals[SIGNAL_CONTENT_ADDED] =
    g_signal_new ("content-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CYCLE_TYPE_CONTENT);
  /* A filled cell was activated: show its content (stage; TRUE for the persona axis; the row's
   * persona, or NULL for "no persona"; the row's channel, or NULL for "no channel"). */
  signals[SIGNAL_SHOW_CONTENT] =
    g_signal_new ("show-content", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4, CYCLE_TYPE_STAGE, G_TYPE_BOOLEAN,
                  CYCLE_TYPE_PERSONA, G_TYPE_STRING);
  /* Something to tell in a toast; with an Undo button when the boolean is TRUE. */
  signals[SIGNAL_MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-coverage-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleCoverageView, persona_button);
  gtk_widget_class_bind_template_child (widget_class, CycleCoverageView, channel_button);
  gtk_widget_class_bind_template_child (widget_class, CycleCoverageView, stack);
  gtk_widget_class_bind_template_child (widget_class, CycleCoverageView, grid);
}

static void
cycle_coverage_view_init (CycleCoverageView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->axis = CYCLE_COVERAGE_PERSONA;
  g_signal_connect_object (self->persona_button, "toggled", G_CALLBACK (on_axis_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->channel_button, "toggled", G_CALLBACK (on_axis_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
cycle_coverage_view_new (void)
{
  return g_object_new (CYCLE_TYPE_COVERAGE_VIEW, NULL);
}
