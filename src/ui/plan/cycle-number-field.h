/* cycle-number-field.h: a spin button for a number that may be unset
 *
 * Empty text means unset; text that is not a number within the adjustment's bounds is refused
 * with a message in the row's subtitle (never clamped silently). Enter and leaving the field
 * read what was typed. The stage editor's rate and days, the link editor's rate.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _CycleNumberField CycleNumberField;

typedef struct
{
  /* The value to show, in the field's unit (a percentage for a rate); NAN when unset. */
  double  (*get)      (gpointer user_data);
  /* Stores @value, in the field's unit; NAN unsets. */
  void    (*set)      (gpointer user_data,
                       double   value);
  /* What to type, said when what was typed is refused. */
  char   *(*refusal)  (gpointer user_data);
} CycleNumberFieldFuncs;

/* @clear: the button that unsets, made insensitive while there is nothing to unset. */
CycleNumberField *cycle_number_field_new    (GtkSpinButton               *spin,
                                             AdwActionRow                *row,
                                             GtkWidget                   *clear,
                                             const CycleNumberFieldFuncs *funcs,
                                             gpointer                     user_data);
/* In the owner's dispose, before the spin button goes. */
void              cycle_number_field_free   (CycleNumberField            *field);
/* Shows the value of get(), and forgets a refusal. */
void              cycle_number_field_sync   (CycleNumberField            *field);
/* Reads what was typed, as Enter does: empty text unsets. */
void              cycle_number_field_commit (CycleNumberField            *field);

G_END_DECLS
