/* cycle-number-field.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-number-field"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cycle-format.h"
#include "cycle-number-field.h"

struct _CycleNumberField
{
  GtkSpinButton               *spin;
  AdwActionRow                *row;
  GtkWidget                   *clear;
  GtkEventController          *focus;
  const CycleNumberFieldFuncs *funcs;
  gpointer                     user_data;
  /* The field shows empty text: there is no value. */
  gboolean                     empty;
  /* What was typed was refused, and the message says so. */
  gboolean                     refused;
  /* GTK puts the old value back after a refusal, with a "value-changed" to ignore. */
  gboolean                     ignore_change;
  /* Writing the model's value into the field: its change signals must not write back. */
  gboolean                     syncing;
};

static void
show_error (CycleNumberField *field,
            const char       *message)
{
  GtkWidget *spin = GTK_WIDGET (field->spin);

  field->refused = message != NULL;
  if (message != NULL)
    {
      adw_action_row_set_subtitle (field->row, message);
      gtk_widget_add_css_class (spin, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (spin),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
    }
  else
    {
      adw_action_row_set_subtitle (field->row, "");
      gtk_widget_remove_css_class (spin, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* @value as the spin button shows it: rounded to its digits, written by the one formatter
 * (« 12,5 » in French, not "12.5"). */
static char *
format_value (GtkSpinButton *spin,
              double         value)
{
  double scale = pow (10, gtk_spin_button_get_digits (spin));

  return cycle_format_number (round (value * scale) / scale);
}

void
cycle_number_field_sync (CycleNumberField *field)
{
  double value = field->funcs->get (field->user_data);

  field->syncing = TRUE;
  field->empty = isnan (value);
  gtk_spin_button_set_value (field->spin, field->empty ? 0.0 : value);
  if (field->empty)
    {
      gtk_editable_set_text (GTK_EDITABLE (field->spin), "");
    }
  else
    {
      g_autofree char *text = format_value (field->spin, value);

      gtk_editable_set_text (GTK_EDITABLE (field->spin), text);
    }
  gtk_widget_set_sensitive (field->clear, !field->empty);
  show_error (field, NULL);
  field->syncing = FALSE;
}

/* Reads what was typed: "", "12", "12.5", "12,5", "12 %", "1 000". */
static gboolean
parse_number (const char *text,
              double     *value,
              gboolean   *empty)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize len;

  *empty = FALSE;
  len = strlen (copy);
  if (len > 0 && copy[len - 1] == '%')
    {
      copy[len - 1] = '\0';
      g_strstrip (copy);
    }
  if (*copy == '\0')
    {
      *empty = TRUE;
      return TRUE;
    }

  return cycle_format_parse_number (copy, value);
}

static int
on_input_cb (GtkSpinButton    *spin,
             double           *new_value,
             CycleNumberField *field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  GtkAdjustment *adjustment = gtk_spin_button_get_adjustment (spin);
  double lower = gtk_adjustment_get_lower (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);
  gboolean empty = FALSE;
  double value = 0.0;

  if (!parse_number (text, &value, &empty) ||
      (!empty && (value < lower || value > upper)) ||
      (!empty && gtk_spin_button_get_digits (spin) == 0 && value != floor (value)))
    {
      g_autofree char *message = field->funcs->refusal (field->user_data);

      show_error (field, message);
      field->ignore_change = TRUE;
      return GTK_INPUT_ERROR;
    }

  show_error (field, NULL);
  field->empty = empty;
  *new_value = empty ? gtk_spin_button_get_value (spin) : value;
  return TRUE;
}

static gboolean
on_output_cb (GtkSpinButton    *spin,
              CycleNumberField *field)
{
  g_autofree char *text = NULL;

  if (!field->empty)
    text = format_value (spin, gtk_spin_button_get_value (spin));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text ? text : "");
  return TRUE;
}

static void
on_value_changed_cb (GtkSpinButton    *spin,
                     CycleNumberField *field)
{
  if (field->syncing)
    return;
  if (field->ignore_change)
    {
      field->ignore_change = FALSE;
      return;
    }

  field->empty = FALSE;
  field->funcs->set (field->user_data, gtk_spin_button_get_value (spin));
}

/* After a refusal the old value is back in the field and the message stays until the next
 * try. */
void
cycle_number_field_commit (CycleNumberField *field)
{
  if (field->syncing || field->refused)
    return;

  gtk_spin_button_update (field->spin);
  if (field->empty && !isnan (field->funcs->get (field->user_data)))
    field->funcs->set (field->user_data, NAN);
}

static void
on_activate_cb (GtkText          *text,
                CycleNumberField *field)
{
  cycle_number_field_commit (field);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   CycleNumberField        *field)
{
  cycle_number_field_commit (field);
}

CycleNumberField *
cycle_number_field_new (GtkSpinButton               *spin,
                        AdwActionRow                *row,
                        GtkWidget                   *clear,
                        const CycleNumberFieldFuncs *funcs,
                        gpointer                     user_data)
{
  CycleNumberField *field = g_new0 (CycleNumberField, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  field->spin = spin;
  field->row = row;
  field->clear = clear;
  field->funcs = funcs;
  field->user_data = user_data;
  field->focus = focus;
  field->empty = TRUE;

  g_signal_connect (spin, "input", G_CALLBACK (on_input_cb), field);
  g_signal_connect (spin, "output", G_CALLBACK (on_output_cb), field);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_value_changed_cb), field);
  /* GtkSpinButton has no "activate" of its own before GTK 4.14: its text has. */
  g_signal_connect_after (gtk_editable_get_delegate (GTK_EDITABLE (spin)), "activate",
                          G_CALLBACK (on_activate_cb), field);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), field);
  gtk_widget_add_controller (GTK_WIDGET (spin), focus);

  return field;
}

void
cycle_number_field_free (CycleNumberField *field)
{
  if (field == NULL)
    return;

  /* The spin button outlives the field: its owner frees the field first, in its dispose. */
  g_signal_handlers_disconnect_by_data (field->spin, field);
  g_signal_handlers_disconnect_by_data (field->focus, field);
  g_signal_handlers_disconnect_by_data (gtk_editable_get_delegate (GTK_EDITABLE (field->spin)),
                                        field);
  g_free (field);
}
