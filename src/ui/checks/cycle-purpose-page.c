/* cycle-purpose-page.c: the plan's title, language, campaign start, purpose (why / how / what)
 * and description
 *
 * Each field is bound to one property of the plan through its setter, so every change is an undo
 * step (the model merges quick edits of one field); leaving a field seals the step. The
 * projection has a page of its own (cycle-projection-view.c).
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-purpose-page"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-accessible.h"
#include "cycle-date-row.h"
#include "cycle-language-row.h"
#include "cycle-purpose-page.h"

typedef enum {
  FIELD_TITLE,
  FIELD_WHY,
  FIELD_HOW,
  FIELD_WHAT,
  FIELD_DESCRIPTION,
  N_FIELDS
} Field;

static const char *field_props[N_FIELDS] = { "title", "why", "how", "what", "description" };

struct _CyclePurposePage
{
  AdwBin             parent_instance;

  CyclePlan         *plan;
  GSignalGroup      *plan_signals;
  /* Set while the page writes a field from the model, so that it is not written back. */
  gboolean           syncing;

  /* Template widgets */
  AdwEntryRow       *title_row;
  CycleDateRow      *campaign_row;
  GtkLabel          *campaign_error_label;
  GtkTextView       *why_view;
  GtkTextView       *how_view;
  GtkTextView       *what_view;
  GtkTextView       *description_view;
};

G_DEFINE_FINAL_TYPE (CyclePurposePage, cycle_purpose_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------------
 * The text fields
 */

static GtkTextView *
field_view (CyclePurposePage *self,
            Field             field)
{
  switch (field)
    {
    case FIELD_WHY:
      return self->why_view;
    case FIELD_HOW:
      return self->how_view;
    case FIELD_WHAT:
      return self->what_view;
    case FIELD_DESCRIPTION:
      return self->description_view;
    case FIELD_TITLE:
    case N_FIELDS:
    default:
      return NULL;
    }
}

static void
set_field (CyclePurposePage *self,
           Field             field,
           const char       *text)
{
  switch (field)
    {
    case FIELD_TITLE:
      cycle_plan_set_title (self->plan, text);
      break;
    case FIELD_WHY:
      cycle_plan_set_why (self->plan, text);
      break;
    case FIELD_HOW:
      cycle_plan_set_how (self->plan, text);
      break;
    case FIELD_WHAT:
      cycle_plan_set_what (self->plan, text);
      break;
    case FIELD_DESCRIPTION:
      cycle_plan_set_description (self->plan, text);
      break;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static const char *
get_field (CyclePurposePage *self,
           Field             field)
{
  if (self->plan == NULL)
    return "";

  switch (field)
    {
    case FIELD_TITLE:
      return cycle_plan_get_title (self->plan);
    case FIELD_WHY:
      return cycle_plan_get_why (self->plan);
    case FIELD_HOW:
      return cycle_plan_get_how (self->plan);
    case FIELD_WHAT:
      return cycle_plan_get_what (self->plan);
    case FIELD_DESCRIPTION:
      return cycle_plan_get_description (self->plan);
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* Shows the model's text in the field, unless it shows it already (typing is not disturbed). */
static void
sync_field (CyclePurposePage *self,
            Field             field)
{
  const char *text = get_field (self, field);

  self->syncing = TRUE;
  if (field == FIELD_TITLE)
    {
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)), text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->title_row), text);
    }
  else
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (field_view (self, field));
      GtkTextIter start, end;
      g_autofree char *shown = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (shown, text) != 0)
        gtk_text_buffer_set_text (buffer, text, -1);
    }
  self->syncing = FALSE;
}

/* ------------------------------------------------------------------------------------------------
 * The campaign's start: typed as people type dates, or chosen in a calendar (CycleDateRow)
 */

static void
sync_campaign (CyclePurposePage *self)
{
  cycle_date_row_set_date (self->campaign_row,
                           self->plan != NULL ? cycle_plan_get_campaign_start (self->plan) : "");
}

/* Each date given is a step of its own. */
static void
on_campaign_date_changed_cb (CyclePurposePage *self,
                             const char       *date,
                             gboolean          chosen,
                             CycleDateRow     *row)
{
  if (self->plan == NULL || self->syncing)
    return;

  cycle_plan_seal_undo (self->plan);
  cycle_plan_set_campaign_start (self->plan, date);
  cycle_plan_seal_undo (self->plan);
}

static void
on_campaign_error_notify_cb (CyclePurposePage *self,
                             GParamSpec       *pspec,
                             CycleDateRow     *row)
{
  cycle_accessible_show_error (GTK_WIDGET (row), self->campaign_error_label,
                               cycle_date_row_get_error (row));
}

static void
on_plan_notify_cb (CyclePurposePage *self,
                   GParamSpec       *pspec,
                   CyclePlan        *plan)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "campaign-start"))
    sync_campaign (self);

  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (name, field_props[i]))
      sync_field (self, i);
}

static void
on_title_changed_cb (CyclePurposePage *self,
                     GtkEditable      *editable)
{
  if (self->syncing || self->plan == NULL)
    return;

  set_field (self, FIELD_TITLE, gtk_editable_get_text (editable));
}

static void
on_buffer_changed_cb (GtkTextBuffer    *buffer,
                      CyclePurposePage *self)
{
  Field field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (buffer), "cycle-field"));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->syncing || self->plan == NULL)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  set_field (self, field, text);
}

/* Leaving a field ends its undo step: the next visit is a step of its own. */
static void
on_focus_leave_cb (CyclePurposePage *self)
{
  if (self->plan != NULL)
    cycle_plan_seal_undo (self->plan);
}

/* ------------------------------------------------------------------------------------------------
 * Properties
 */

void
cycle_purpose_page_set_plan (CyclePurposePage *self,
                             CyclePlan        *plan)
{
  g_return_if_fail (CYCLE_IS_PURPOSE_PAGE (self));
  g_return_if_fail (plan == NULL || CYCLE_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;

  g_signal_group_set_target (self->plan_signals, plan);

  for (guint i = 0; i < N_FIELDS; i++)
    sync_field (self, i);
  sync_campaign (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/* ------------------------------------------------------------------------------------------------
 * The widget
 */

static void
cycle_purpose_page_dispose (GObject *object)
{
  CyclePurposePage *self = CYCLE_PURPOSE_PAGE (object);

  if (self->plan_signals != NULL)
    g_signal_group_set_target (self->plan_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), CYCLE_TYPE_PURPOSE_PAGE);

  g_clear_object (&self->plan_signals);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (cycle_purpose_page_parent_class)->dispose (object);
}

static void
cycle_purpose_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CyclePurposePage *self = CYCLE_PURPOSE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_purpose_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CyclePurposePage *self = CYCLE_PURPOSE_PAGE (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      cycle_purpose_page_set_plan (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cycle_purpose_page_class_init (CyclePurposePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cycle_purpose_page_dispose;
  object_class->get_property = cycle_purpose_page_get_property;
  object_class->set_property = cycle_purpose_page_set_property;

  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, CYCLE_TYPE_PLAN, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Cycle/ui/cycle-purpose-page.ui");
  g_type_ensure (CYCLE_TYPE_LANGUAGE_ROW);
  g_type_ensure (CYCLE_TYPE_DATE_ROW);
  gtk_widget_class_bind_template_child (widget_class, CyclePurposePage, title_row);
  gtk_widget_class_bind_template_child (widget_class, CyclePurposePage, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, CyclePurposePage, campaign_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_campaign_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_campaign_error_notify_cb);
  gtk_widget_class_bind_template_child (widget_class, CyclePurposePage, why_view);
  gtk_widget_class_bind_template_child (widget_class, CyclePurposePage, how_view);
  gtk_widget_class_bind_template_child (widget_class, CyclePurposePage, what_view);
  gtk_widget_class_bind_template_child (widget_class, CyclePurposePage, description_view);
}

static void
add_focus_leave (CyclePurposePage *self,
                 GtkWidget        *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (on_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);
}

static void
cycle_purpose_page_init (CyclePurposePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cycle_accessible_name_rows (GTK_WIDGET (self));

  self->plan_signals = g_signal_group_new (CYCLE_TYPE_PLAN);
  g_signal_group_connect_swapped (self->plan_signals, "notify",
                                  G_CALLBACK (on_plan_notify_cb), self);

  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (on_title_changed_cb), self,
                           G_CONNECT_SWAPPED);
  add_focus_leave (self, GTK_WIDGET (self->title_row));
  for (guint i = FIELD_WHY; i < N_FIELDS; i++)
    {
      GtkTextView *view = field_view (self, i);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

      g_object_set_data (G_OBJECT (buffer), "cycle-field", GUINT_TO_POINTER (i));
      g_signal_connect_object (buffer, "changed", G_CALLBACK (on_buffer_changed_cb), self, 0);
      add_focus_leave (self, GTK_WIDGET (view));
    }
}

GtkWidget *
cycle_purpose_page_new (void)
{
  return g_object_new (CYCLE_TYPE_PURPOSE_PAGE, NULL);
}
