/* cycle-findings-panel.c: what the checks found in the plan, stage by stage, with their fixes
 *
 * The list box is bound to the checker's own list of findings, through a filter that hides the
 * notes when asked: the panel keeps no copy. The checker already orders its findings as the
 * panel shows them (the plan as a whole first, then stage after stage in plan order), so a
 * header goes wherever a row's stage differs from the row before.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-findings-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-findings-panel.h"

struct _CycleFindingsPanel
{
  AdwBin              parent_instance;

  CycleChecker       *checker;
  GSignalGroup       *checker_signals;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  gboolean            show_notes;

  /* Template widgets */
  GtkLabel           *counts_label;
  GtkToggleButton    *notes_button;
  GtkStack           *stack;
  GtkListBox         *list_box;
  AdwStatusPage      *status_page;
};

G_DEFINE_FINAL_TYPE (CycleFindingsPanel, cycle_findings_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CHECKER,
  PROP_SHOW_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_STAGE_ACTIVATED,
  SIGNAL_CONTENT_ACTIVATED,
  SIGNAL_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define ROW_FINDING_KEY "cycle-finding"

/* ------------------------------------------------------------------------------------------------
 * Counts and the empty state
 */

char *
cycle_findings_panel_dup_counts (CycleFindingsPanel *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint errors, warnings, infos;

  g_return_val_if_fail (CYCLE_IS_FINDINGS_PANEL (self), NULL);

  if (self->checker == NULL)
    return g_strdup ("");

  errors = cycle_checker_count (self->checker, CYCLE_SEVERITY_ERROR);
  warnings = cycle_checker_count (self->checker, CYCLE_SEVERITY_WARNING);
  infos = cycle_checker_count (self->checker, CYCLE_SEVERITY_INFO);

  if (errors > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u error", "%u errors", errors), errors));
  if (warnings > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u warning", "%u warnings", warnings),
                                             warnings));
  if (infos > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u note", "%u notes", infos), infos));
  if (parts->len == 0)
    return g_strdup (_("No findings"));

  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between counts, as in "2 warnings, 9 notes" */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

static void
update_state (CycleFindingsPanel *self)
{
  g_autofree char *counts = cycle_findings_panel_dup_counts (self);
  guint problems = 0, infos = 0;
  gboolean empty;

  if (self->checker != NULL)
    {
      problems = cycle_checker_count (self->checker, CYCLE_SEVERITY_ERROR) +
                 cycle_checker_count (self->checker, CYCLE_SEVERITY_WARNING);
      infos = cycle_checker_count (self->checker, CYCLE_SEVERITY_INFO);
    }

  gtk_label_set_label (self->counts_label, counts);
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_button), infos > 0);

  empty = problems == 0 && (!self->show_notes || infos == 0);
  if (empty)
    {
      g_autofree char *description = NULL;

      if (infos > 0)
        description = g_strdup_printf (ngettext ("The plan gives before it asks and keeps its "
                                                 "promises. %u note is hidden: a suggestion, "
                                                 "not a problem.",
                                                 "The plan gives before it asks and keeps its "
                                                 "promises. %u notes are hidden: suggestions, "
                                                 "not problems.", infos), infos);
      else
        description = g_strdup (_("The plan gives before it asks and keeps its promises. "
                                  "Well done: now go and make the content."));
      adw_status_page_set_description (self->status_page, description);
    }

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_checker_count_notify_cb (CycleFindingsPanel *self,
                            GParamSpec         *pspec,
                            CycleChecker       *checker)
{
  update_state (self);
}

/* ------------------------------------------------------------------------------------------------
 * Activating and fixing
 */

/* What activating a finding does: emits "stage-activated" for its stage, then
 * "content-activated" for its content, when it has them. */
static void
cycle_findings_panel_activate_finding (CycleFindingsPanel *self,
                                       CycleFinding       *finding)
{
  g_autoptr(CycleFinding) hold = NULL;
  CycleStage *stage;
  CycleContent *content;

  g_return_if_fail (CYCLE_IS_FINDINGS_PANEL (self));
  g_return_if_fail (CYCLE_IS_FINDING (finding));

  hold = g_object_ref (finding);
  stage = cycle_finding_get_stage (finding);
  content = cycle_finding_get_content (finding);

  if (stage != NULL)
    g_signal_emit (self, signals[SIGNAL_STAGE_ACTIVATED], 0, stage);
  if (content != NULL)
    g_signal_emit (self, signals[SIGNAL_CONTENT_ACTIVATED], 0, content);
}

/* Applies the finding's fix (one undo step) and says so with the "message" signal. */
static gboolean
cycle_findings_panel_apply_fix (CycleFindingsPanel *self,
                                CycleFinding       *finding)
{
  g_autoptr(CycleFinding) hold = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CYCLE_IS_FINDINGS_PANEL (self), FALSE);
  g_return_val_if_fail (CYCLE_IS_FINDING (finding), FALSE);

  /* Fixing it replaces the finding, and the row showing it. */
  hold = g_object_ref (finding);
  label = g_strdup (cycle_finding_get_fix_label (finding));

  if (!cycle_finding_apply_fix (finding))
    {
      g_signal_emit (self, signals[SIGNAL_MESSAGE], 0,
                     _("The plan has changed: this fix no longer applies"), FALSE);
      return FALSE;
    }

  /* Translators: a toast after a one-click fix; %s says what it did ("Move to “Leads”") */
  message = g_strdup_printf (_("Fixed: %s"), label != NULL ? label : "");
  g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message, TRUE);

  /* The fixed row is gone: the keyboard goes on with the list. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_box)))
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list_box, 0);

      if (first != NULL)
        gtk_widget_child_focus (GTK_WIDGET (first), GTK_DIR_TAB_FORWARD);
    }

  return TRUE;
}

static void
on_message_clicked_cb (GtkButton          *button,
                       CycleFindingsPanel *self)
{
  CycleFinding *finding = g_object_get_data (G_OBJECT (button), ROW_FINDING_KEY);

  if (finding != NULL)
    cycle_findings_panel_activate_finding (self, finding);
}

static void
on_fix_clicked_cb (GtkButton          *button,
                   CycleFindingsPanel *self)
{
  CycleFinding *finding = g_object_get_data (G_OBJECT (button), ROW_FINDING_KEY);

  if (finding != NULL)
    cycle_findings_panel_apply_fix (self, finding);
}

/* ------------------------------------------------------------------------------------------------
 * Rows
 */

static const char *
severity_icon_name (CycleSeverity severity)
{
  switch (severity)
    {
    case CYCLE_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case CYCLE_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case CYCLE_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_css_class (CycleSeverity severity)
{
  switch (severity)
    {
    case CYCLE_SEVERITY_ERROR:
      return "error";
    case CYCLE_SEVERITY_WARNING:
      return "warning";
    case CYCLE_SEVERITY_INFO:
    default:
      return "dim-label";
    }
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  CycleFindingsPanel *self = user_data;
  CycleFinding *finding = item;
  CycleSeverity severity = cycle_finding_get_severity (finding);
  const char *severity_label = cycle_severity_get_label (severity);
  const char *message = cycle_finding_get_message (finding);
  g_autofree char *accessible = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *row, *box, *icon, *button, *label;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  g_object_set_data_full (G_OBJECT (row), ROW_FINDING_KEY, g_object_ref (finding),
                          g_object_unref);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (box, "finding");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  icon = gtk_image_new_from_icon_name (severity_icon_name (severity));
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 8);
  gtk_widget_add_css_class (icon, severity_css_class (severity));
  gtk_widget_set_tooltip_text (icon, severity_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, severity_label, -1);
  gtk_box_append (GTK_BOX (box), icon);

  /* The message is a flat button: it shows the finding's stage (and content). It often starts
   * with a name the team typed: a mark of the interface's direction first keeps an Arabic or
   * Hebrew name from turning the whole sentence right to left (aligned and read backwards). */
  shown = g_strconcat (gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? "\u200F"
                                                                               : "\u200E",
                       message, NULL);
  label = gtk_label_new (shown);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 80);
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "finding-message");
  if (cycle_finding_get_content (finding) != NULL)
    gtk_widget_set_tooltip_text (button, _("Show this content"));
  else if (cycle_finding_get_stage (finding) != NULL)
    gtk_widget_set_tooltip_text (button, _("Show this stage on the plan"));
  /* Translators: a finding read by a screen reader: its severity ("Warning"), then its message */
  accessible = g_strdup_printf (_("%s: %s"), severity_label, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (button), ROW_FINDING_KEY, g_object_ref (finding),
                          g_object_unref);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_message_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  if (cycle_finding_can_fix (finding))
    {
      const char *fix_label = cycle_finding_get_fix_label (finding);
      g_autofree char *tooltip = NULL;
      GtkWidget *fix = gtk_button_new_with_label (fix_label);
      GtkLabel *fix_text = GTK_LABEL (gtk_button_get_child (GTK_BUTTON (fix)));

      /* A long fix wraps rather than widening a narrow window, on three lines at most (a
       * stage named with a long URL made a column of a dozen); the tooltip says it whole */
      gtk_label_set_wrap (fix_text, TRUE);
      gtk_label_set_wrap_mode (fix_text, PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (fix_text, 3);
      gtk_label_set_ellipsize (fix_text, PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (fix_text, 8);
      gtk_label_set_max_width_chars (fix_text, 24);
      gtk_label_set_justify (fix_text, GTK_JUSTIFY_CENTER);

      /* Translators: the tooltip of a finding's fix button; %s is what it does */
      tooltip = g_strdup_printf (_("Fix: %s (undoable)"), fix_label);
      gtk_widget_set_tooltip_text (fix, tooltip);
      gtk_widget_set_valign (fix, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (fix, "finding-fix");
      gtk_accessible_update_property (GTK_ACCESSIBLE (fix),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, fix_label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, accessible,
                                      -1);
      g_object_set_data_full (G_OBJECT (fix), ROW_FINDING_KEY, g_object_ref (finding),
                              g_object_unref);
      g_signal_connect_object (fix, "clicked", G_CALLBACK (on_fix_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), fix);
    }

  return row;
}

CycleFinding *
cycle_findings_panel_get_row_finding (CycleFindingsPanel *self,
                                      GtkListBoxRow      *row)
{
  g_return_val_if_fail (CYCLE_IS_FINDINGS_PANEL (self), NULL);
  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), NULL);

  return g_object_get_data (G_OBJECT (row), ROW_FINDING_KEY);
}

/* A heading above the first finding of each stage, and above the plan's own. */
static void
header_cb (GtkListBoxRow *row,
           GtkListBoxRow *before,
           gpointer       user_data)
{
  CycleFinding *finding = g_object_get_data (G_OBJECT (row), ROW_FINDING_KEY);
  CycleFinding *previous = before != NULL ? g_object_get_data (G_OBJECT (before),
                                                                ROW_FINDING_KEY) : NULL;
  CycleStage *stage = finding != NULL ? cycle_finding_get_stage (finding) : NULL;
  const char *title;
  GtkWidget *header;

  if (previous != NULL && cycle_finding_get_stage (previous) == stage)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  if (stage == NULL)
    title = _("Whole Plan");
  else
    title = cycle_stage_get_display_name (stage);

  header = gtk_list_box_row_get_header (row);
  if (GTK_IS_LABEL (header))
    {
      gtk_label_set_label (GTK_LABEL (header), title);
      return;
    }

  header = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "findings-header");
  gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_list_box_row_set_header (row, header);
}

GtkWidget *
cycle_findings_panel_get_list (CycleFindingsPanel *self)
{
  g_return_val_if_fail (CYCLE_IS_FINDINGS_PANEL (self), NULL);

  return GTK_WIDGET (self->list_box);
}

/* ------------------------------------------------------------------------------------------------
 * Properties
 */

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  CycleFindingsPanel *self = user_data;

  return self->show_notes || cycle_finding_get_severity (item) != CYCLE_SEVERITY_INFO;
}

CycleChecker *
cycle_findings_panel_get_checker (CycleFindingsPanel *self)
{
  g_return_val_if_fail (CYCLE_IS_FINDINGS_PANEL (self), NULL);

  return self->checker;
}

void
cycle_findings_panel_set_checker (CycleFindingsPanel *self,
                                  CycleChecker       *checker)
{
  g_return_if_fail (CYCLE_IS_FINDINGS_PANEL (self));
  g_return_if_fail (checker == NULL || CYCLE_IS_CHECKER (checker));

  if (!g_set_object (&self->checker, checker))
    return;

  g_signal_group_set_target (self->checker_signals, checker);
  gtk_filter_list_model_set_model (self->filtered,
                                   checker != NULL ? cycle_checker_get_findings (checker) : NULL);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
}

gboolean
cycle_findings_panel_get_show_notes (CycleFindingsPanel *self)
{
  g_return_val_if_fail (CYCLE_IS_FINDINGS_PANEL (self), FALSE);

  return self->show_notes;
}

void
cycle_findings_panel_set_show_notes (CycleFindingsPanel *self,
                                     gboolean            show_notes)
{
  g_return_if_fail (CYCLE_IS_FINDINGS_PANEL (self));

  show_notes = !!show_notes;
  if (self->show_notes == show_notes)
    return;

  self->show_notes = show_notes;
  gtk_filter_changed (GTK_FILTER (self->filter),
                      show_notes ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
  update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NOTES]);
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

static void
cycle_findings_panel_dispose (GObject *object)
{
  CycleFindingsPanel *self = CYCLE_FINDINGS_PANEL (object);

  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->checker_signals != NULL)
    g_signal_group_set_target (self->checker_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_FINDINGS_PANEL);

  g_clear_object (&self->checker_signals);
  g_clear_object (&self->filtered);
  g_clear_object (&self->checker);

  G_OBJECT_CLASS (cycle_findings_panel_parent_class)->dispose (object);
}

static void
cycle_findings_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CycleFindingsPanel *self = CYCLE_FINDINGS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      g_value_set_object (value, self->checker);
      break;

    case PROP_SHOW_NOTES:
      g_value_set_boolean (value, self->show_notes);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_findings_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CycleFindingsPanel *self = CYCLE_FINDINGS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      cycle_findings_panel_set_checker (self, g_value_get_object (value));
      break;

    case PROP_SHOW_NOTES:
      cycle_findings_panel_set_show_notes (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_findings_panel_class_init (CycleFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cycle_findings_panel_dispose;
  object_class->get_property = cycle_findings_panel_get_property;
  object_class->set_property = cycle_findings_panel_set_property;

  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL, CYCLE_TYPE_CHECKER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_NOTES] =
    g_param_spec_boolean ("show-notes", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The finding's stage, to select on the canvas. */
  signals[SIGNAL_STAGE_ACTIVATED] =
    g_signal_new ("stage-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CYCLE_TYPE_STAGE);
  /* The finding's content, to show on the content page (after "stage-activated"). */
  signals[SIGNAL_CONTENT_ACTIVATED] =
    g_signal_new ("content-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CYCLE_TYPE_CONTENT);
  /* Something to tell in a toast; with an Undo button when the boolean is TRUE. */
  signals[SIGNAL_MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CycleFindingsPanel, counts_label);
  gtk_widget_class_bind_template_child (widget_class, CycleFindingsPanel, notes_button);
  gtk_widget_class_bind_template_child (widget_class, CycleFindingsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CycleFindingsPanel, list_box);
  gtk_widget_class_bind_template_child (widget_class, CycleFindingsPanel, status_page);
}

static void
cycle_findings_panel_init (CycleFindingsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->show_notes = TRUE;
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  /* The filter model owns the filter. */
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered), create_row_cb, self,
                           NULL);
  gtk_list_box_set_header_func (self->list_box, header_cb, NULL, NULL);

  self->checker_signals = g_signal_group_new (CYCLE_TYPE_CHECKER);
  g_signal_group_connect_swapped (self->checker_signals, "notify::n-errors",
                                  G_CALLBACK (on_checker_count_notify_cb), self);
  g_signal_group_connect_swapped (self->checker_signals, "notify::n-warnings",
                                  G_CALLBACK (on_checker_count_notify_cb), self);
  g_signal_group_connect_swapped (self->checker_signals, "notify::n-infos",
                                  G_CALLBACK (on_checker_count_notify_cb), self);

  g_object_bind_property (self, "show-notes", self->notes_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  update_state (self);
}

GtkWidget *
cycle_findings_panel_new (void)
{
  return g_object_new (CYCLE_TYPE_FINDINGS_PANEL, NULL);
}
