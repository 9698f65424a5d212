/* cycle-toaster.c: shows a window's toasts one at a time, and never dismisses one while
 * libadwaita 1.2 animates it
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why this exists: libadwaita 1.2 (Debian 12 has 1.2.2) frees a toast's bookkeeping when its
 * hide animation ends, while its show animation may still be running; the show animation's
 * "done" handler then writes into freed memory and the app crashes (in adw_animation_skip ()
 * from a frame clock tick). It happens when a toast is dismissed less than ~200 ms after it
 * appeared in place of another one (its show then lasts 500 ms, its hide 300 ms), or in the
 * same frame it appeared (GTK 4.8 runs a widget's newest tick callback first). Fixed upstream
 * by libadwaita commit 1674ebc9 "toast-overlay: Prevent show_done from firing after hide_done",
 * first released in 1.3.0.
 *
 * The workaround keeps libadwaita out of those paths:
 * - one toast at a time in the overlay, so libadwaita never queues, postpones or replaces one,
 *   and a toast always shows with the plain 300 ms animation: the next one is added only once
 *   the previous one's hide animation is over;
 * - a toast is dismissed (by us, or by the person: Escape, its close or Undo button) only once
 *   its show animation is over; an earlier dismissal is held back and done then.
 * "Over" is judged on the frame clock the animations run on: a tick callback notes each frame's
 * time, and the toaster acts in an idle after that frame, when every animation's tick of the
 * frame has run. Where libadwaita is 1.3 or newer, or nothing animates (window not mapped,
 * animations off), it acts at once.
 */

#define G_LOG_DOMAIN "cycle-toaster"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-toaster.h"

/* libadwaita 1.2's toast show and hide animations last 300 ms (SHOW_DURATION, HIDE_DURATION);
 * the 500 ms of REPLACE_DURATION never applies here, since no toast is added while another one
 * hides. The margin covers the microseconds between libadwaita reading the frame clock and us. */
#define SETTLE_USEC ((300 + 50) * G_TIME_SPAN_MILLISECOND)

/* A time before any frame: what was added or dismissed while nothing animated. */
#define NOTHING_ANIMATED (G_MININT64 / 2)

struct _CycleToaster
{
  GObject              parent_instance;

  GtkWidget           *owner;        /* not owned: it owns the toaster */
  CycleToasterAddFunc  add;

  GQueue               waiting;      /* AdwToast, owned: not in the overlay yet */
  AdwToast            *current;      /* owned: the one in the overlay */
  AdwToast            *offer;        /* the latest offer to undo, waiting or current */
  gboolean             withdraw_current;

  /* Frame times (µs): when the current toast was added, when the last one was dismissed, and
   * the last frame whose ticks have all run. */
  gint64               shown_at;
  gint64               hidden_at;
  gint64               frame_seen;

  guint                tick_id;
  guint                idle_id;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (CycleToaster, cycle_toaster, G_TYPE_OBJECT)

static void update (CycleToaster *self);

static gboolean
needs_workaround (void)
{
  return adw_get_major_version () == 1 && adw_get_minor_version () < 3;
}

/* Whether toasts animate in @owner now; when they don't, libadwaita ends every animation as
 * soon as it starts (and ends running ones when the widget is unmapped). */
static gboolean
animating (CycleToaster *self)
{
  gboolean enabled = TRUE;

  if (!needs_workaround () || self->owner == NULL || !gtk_widget_get_mapped (self->owner))
    return FALSE;

  g_object_get (gtk_widget_get_settings (self->owner), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

/* The frame clock's time now, to compare with later frames: an animation started now began at
 * this time or just before it. A toast added while nothing animates counts as long settled. */
static gint64
now_on_frame_clock (CycleToaster *self)
{
  GdkFrameClock *clock;

  if (!animating (self) || (clock = gtk_widget_get_frame_clock (self->owner)) == NULL)
    return NOTHING_ANIMATED;

  return gdk_frame_clock_get_frame_time (clock);
}

/* Whether an animation that started at @since is over in every frame already run. */
static gboolean
settled_since (CycleToaster *self,
               gint64        since)
{
  if (!animating (self) || since == NOTHING_ANIMATED)
    return TRUE;

  return self->frame_seen >= since + SETTLE_USEC;
}

static gboolean
idle_update_cb (gpointer user_data)
{
  CycleToaster *self = user_data;

  self->idle_id = 0;
  update (self);

  return G_SOURCE_REMOVE;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  CycleToaster *self = user_data;

  /* Other animations' ticks of this frame may still be to run (GTK 4.8 runs the newest tick
   * callback first): the toaster acts in an idle, after the frame. */
  self->frame_seen = gdk_frame_clock_get_frame_time (clock);
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (idle_update_cb, self);

  return G_SOURCE_CONTINUE;
}

static void
stop_waiting (CycleToaster *self)
{
  if (self->tick_id != 0 && self->owner != NULL)
    gtk_widget_remove_tick_callback (self->owner, self->tick_id);
  self->tick_id = 0;
  g_clear_handle_id (&self->idle_id, g_source_remove);
}

static void
wait_for_frames (CycleToaster *self)
{
  if (self->tick_id == 0 && self->owner != NULL)
    self->tick_id = gtk_widget_add_tick_callback (self->owner, tick_cb, self, NULL);
}

static void
on_current_dismissed_cb (AdwToast     *toast,
                         CycleToaster *self)
{
  g_assert (toast == self->current);

  if (!settled_since (self, self->shown_at))
    {
      /* Escape, or a button of the toast, before its show animation is over: libadwaita 1.2
       * would crash. This handler runs before the overlay's, so the overlay never hears of
       * it; the toast goes once its animation is over. (The toast's own handler has already
       * forgotten its overlay: see dismiss ().) */
      g_signal_stop_emission_by_name (toast, "dismissed");
      self->withdraw_current = TRUE;
      update (self);
      return;
    }

  g_signal_handlers_disconnect_by_func (toast, on_current_dismissed_cb, self);
  if (self->offer == toast)
    self->offer = NULL;
  self->withdraw_current = FALSE;
  self->hidden_at = now_on_frame_clock (self);
  g_clear_object (&self->current);

  update (self);
}

/* adw_toast_dismiss () does nothing to a toast whose early dismissal was held back (the toast's
 * own handler has forgotten its overlay by then), but the overlay still shows it and still
 * listens: the signal itself reaches it. */
static void
dismiss (AdwToast *toast)
{
  g_signal_emit_by_name (toast, "dismissed");
}

static void
show_next (CycleToaster *self)
{
  AdwToast *toast = g_queue_pop_head (&self->waiting);

  self->current = g_object_ref (toast);
  self->withdraw_current = FALSE;
  /* Connected before the overlay connects its own handler, so that it runs first. */
  g_signal_connect (toast, "dismissed", G_CALLBACK (on_current_dismissed_cb), self);
  self->add (self->owner, toast);
  self->shown_at = now_on_frame_clock (self);
}

static void
update (CycleToaster *self)
{
  gboolean waiting = FALSE;

  if (self->updating || self->owner == NULL)
    return;
  self->updating = TRUE;

  if (self->current != NULL && self->withdraw_current)
    {
      if (settled_since (self, self->shown_at))
        dismiss (self->current);   /* clears it, through on_current_dismissed_cb () */
      else
        waiting = TRUE;
    }

  if (self->current == NULL && !g_queue_is_empty (&self->waiting))
    {
      if (settled_since (self, self->hidden_at))
        show_next (self);
      else
        waiting = TRUE;
    }

  if (waiting)
    wait_for_frames (self);
  else
    stop_waiting (self);

  self->updating = FALSE;
}

void
cycle_toaster_add (CycleToaster *self,
                   AdwToast     *toast)
{
  g_return_if_fail (CYCLE_IS_TOASTER (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  if (adw_toast_get_priority (toast) == ADW_TOAST_PRIORITY_HIGH)
    {
      /* An offer replaces the previous one, and does not wait behind other news. */
      if (self->offer != NULL && self->offer != self->current)
        {
          g_queue_remove (&self->waiting, self->offer);
          g_object_unref (self->offer);
        }
      if (self->current != NULL)
        self->withdraw_current = TRUE;
      self->offer = toast;
      g_queue_push_head (&self->waiting, toast);
    }
  else
    g_queue_push_tail (&self->waiting, toast);

  update (self);
}

void
cycle_toaster_offer_undo (CycleToaster *self,
                          const char   *title,
                          const char   *undo_action)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (CYCLE_IS_TOASTER (self));
  g_return_if_fail (title != NULL && undo_action != NULL);

  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, undo_action);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  cycle_toaster_add (self, toast);
}

void
cycle_toaster_offer_undo_printf (CycleToaster *self,
                                 const char   *undo_action,
                                 const char   *format,
                                 ...)
{
  g_autofree char *title = NULL;
  va_list args;

  va_start (args, format);
  title = g_strdup_vprintf (format, args);
  va_end (args);
  cycle_toaster_offer_undo (self, title, undo_action);
}

void
cycle_toaster_withdraw_offer (CycleToaster *self)
{
  g_return_if_fail (CYCLE_IS_TOASTER (self));

  if (self->offer == NULL)
    return;

  if (self->offer == self->current)
    self->withdraw_current = TRUE;
  else
    {
      g_queue_remove (&self->waiting, self->offer);
      g_object_unref (self->offer);
    }
  self->offer = NULL;

  update (self);
}

AdwToast *
cycle_toaster_get_current (CycleToaster *self)
{
  g_return_val_if_fail (CYCLE_IS_TOASTER (self), NULL);
  return self->current;
}

guint
cycle_toaster_get_n_waiting (CycleToaster *self)
{
  g_return_val_if_fail (CYCLE_IS_TOASTER (self), 0);
  return g_queue_get_length (&self->waiting);
}

gboolean
cycle_toaster_has_offer (CycleToaster *self)
{
  g_return_val_if_fail (CYCLE_IS_TOASTER (self), FALSE);
  return self->offer != NULL;
}

gboolean
cycle_toaster_is_appearing (CycleToaster *self)
{
  g_return_val_if_fail (CYCLE_IS_TOASTER (self), FALSE);
  return self->current != NULL && !settled_since (self, self->shown_at);
}

static void
cycle_toaster_dispose (GObject *object)
{
  CycleToaster *self = CYCLE_TOASTER (object);

  stop_waiting (self);
  if (self->current != NULL)
    g_signal_handlers_disconnect_by_func (self->current, on_current_dismissed_cb, self);
  g_clear_object (&self->current);
  g_queue_clear_full (&self->waiting, g_object_unref);
  self->offer = NULL;
  self->owner = NULL;

  G_OBJECT_CLASS (cycle_toaster_parent_class)->dispose (object);
}

static void
cycle_toaster_class_init (CycleToasterClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cycle_toaster_dispose;
}

static void
cycle_toaster_init (CycleToaster *self)
{
  g_queue_init (&self->waiting);
  self->shown_at = self->hidden_at = self->frame_seen = NOTHING_ANIMATED;
}

CycleToaster *
cycle_toaster_new (GtkWidget           *owner,
                   CycleToasterAddFunc  add)
{
  CycleToaster *self;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), NULL);
  g_return_val_if_fail (add != NULL, NULL);

  self = g_object_new (CYCLE_TYPE_TOASTER, NULL);
  self->owner = owner;
  self->add = add;

  return self;
}
