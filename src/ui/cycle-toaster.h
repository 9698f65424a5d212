/* cycle-toaster.h: shows a window's toasts one at a time, and never dismisses one while
 * libadwaita 1.2 animates it
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CYCLE_TYPE_TOASTER (cycle_toaster_get_type ())

G_DECLARE_FINAL_TYPE (CycleToaster, cycle_toaster, CYCLE, TOASTER, GObject)

/* Hands @toast (transfer full) to the overlay that @owner shows toasts in. */
typedef void (*CycleToasterAddFunc) (GtkWidget *owner,
                                     AdwToast  *toast);

/* Toasts for @owner's overlay (@owner is not referenced: it owns the toaster and clears it in
 * its dispose). @add puts a toast in the overlay: adw_toast_overlay_add_toast() for an
 * AdwToastOverlay, adw_preferences_window_add_toast() for a preferences window. */
CycleToaster *cycle_toaster_new            (GtkWidget           *owner,
                                            CycleToasterAddFunc  add);
/* Shows @toast (transfer full) after those before it; a toast of high priority is an offer
 * (to undo): it goes first and takes the place of any earlier offer or toast on screen. */
void          cycle_toaster_add            (CycleToaster        *self,
                                            AdwToast            *toast);
/* Shows @title (plain text) as an offer to undo through @undo_action ("win.undo"). */
void          cycle_toaster_offer_undo     (CycleToaster        *self,
                                            const char          *title,
                                            const char          *undo_action);
/* The same, with the title made from a printf() @format. */
void          cycle_toaster_offer_undo_printf (CycleToaster     *self,
                                               const char       *undo_action,
                                               const char       *format,
                                               ...) G_GNUC_PRINTF (3, 4);
/* The offer is taken or no longer about the last step: it goes (as soon as that is safe). */
void          cycle_toaster_withdraw_offer (CycleToaster        *self);

/* For tests: the toast on screen, the number waiting, whether an offer is pending or shown. */
AdwToast     *cycle_toaster_get_current    (CycleToaster        *self);
guint         cycle_toaster_get_n_waiting  (CycleToaster        *self);
gboolean      cycle_toaster_has_offer      (CycleToaster        *self);
/* Whether the current toast may still be sliding in: a dismissal now would be held back. */
gboolean      cycle_toaster_is_appearing   (CycleToaster        *self);

G_END_DECLS
