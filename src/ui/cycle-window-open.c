/* cycle-window-open.c: opening a file off the main loop, with progress and Cancel
 *
 * The file is read and parsed in a worker thread (cycle_document_load_async ()), which only
 * stores how far it got; the window polls that while a bar shows it, once the load has taken
 * longer than REVEAL_DELAY_MS. Cancel stops the thread at its next check and leaves the window
 * as it was, or closes it when it was opened just for this file.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-window-open"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-error.h"
#include "cycle-window-private.h"

#define REVEAL_DELAY_MS 300
#define POLL_MS         100

typedef struct _CycleWindowLoad CycleWindowLoad;
struct _CycleWindowLoad
{
  CycleWindow  *window;          /* not owned; NULL once the window let go of the load */
  GFile        *file;
  GCancellable *cancellable;
  gpointer      done;            /* sizes, written by the worker thread (atomic) */
  gpointer      total;
  guint         reveal_id;
  guint         poll_id;
  gboolean      close_on_cancel;
};

/* Tests: the worker thread stops once it has parsed this many bytes, until the load is
 * cancelled, so that a test sees the progress bar whatever the machine's speed. */
static gsize  hold_at;
static GMutex hold_lock;
static GCond  hold_cond;

void
_cycle_window_hold_open_at (gsize bytes)
{
  hold_at = bytes;
}

static void
load_free (CycleWindowLoad *load)
{
  g_clear_handle_id (&load->reveal_id, g_source_remove);
  g_clear_handle_id (&load->poll_id, g_source_remove);
  g_clear_object (&load->file);
  g_clear_object (&load->cancellable);
  g_free (load);
}

/* In the worker thread */
static void
on_load_progress (gsize    done,
                  gsize    total,
                  gpointer user_data)
{
  CycleWindowLoad *load = user_data;

  g_atomic_pointer_set (&load->total, GSIZE_TO_POINTER (total));
  g_atomic_pointer_set (&load->done, GSIZE_TO_POINTER (done));

  if (hold_at > 0 && done >= hold_at)
    {
      g_mutex_lock (&hold_lock);
      while (!g_cancellable_is_cancelled (load->cancellable))
        g_cond_wait (&hold_cond, &hold_lock);
      g_mutex_unlock (&hold_lock);
    }
}

static void
cancel_load (CycleWindowLoad *load)
{
  g_cancellable_cancel (load->cancellable);
  g_mutex_lock (&hold_lock);
  g_cond_broadcast (&hold_cond);
  g_mutex_unlock (&hold_lock);
}

static void
hide_bar (CycleWindow     *self,
          CycleWindowLoad *load)
{
  g_clear_handle_id (&load->reveal_id, g_source_remove);
  g_clear_handle_id (&load->poll_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->load_revealer, FALSE);
}

static gboolean
on_poll_cb (gpointer user_data)
{
  CycleWindowLoad *load = user_data;
  gsize done = GPOINTER_TO_SIZE (g_atomic_pointer_get (&load->done));
  gsize total = GPOINTER_TO_SIZE (g_atomic_pointer_get (&load->total));

  if (load->window != NULL && total > 0)
    gtk_progress_bar_set_fraction (load->window->load_progress, (double) done / total);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_reveal_cb (gpointer user_data)
{
  CycleWindowLoad *load = user_data;
  CycleWindow *self = load->window;
  g_autofree char *name = g_file_get_basename (load->file);
  g_autofree char *label = NULL;

  load->reveal_id = 0;
  /* Translators: shown while a big plan is read; %s is its file name */
  label = g_strdup_printf (_("Opening “%s”…"), name);
  gtk_label_set_label (self->load_label, label);
  gtk_progress_bar_set_fraction (self->load_progress, 0.0);
  on_poll_cb (load);
  gtk_revealer_set_reveal_child (self->load_revealer, TRUE);
  load->poll_id = g_timeout_add (POLL_MS, on_poll_cb, load);
  return G_SOURCE_REMOVE;
}

static void
show_open_error (CycleWindow  *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *body = cycle_file_error_describe (error, basename);

  cycle_message_dialog_show (GTK_WINDOW (self), _("Could Not Open the Plan"), body);
}

static void
on_load_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CycleWindowLoad *load = user_data;
  CycleWindow *self = load->window;
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  CycleWindow *window;

  document = cycle_document_load_finish (result, &error);

  /* The window went while the file loaded */
  if (self == NULL)
    {
      load_free (load);
      return;
    }

  hide_bar (self, load);
  self->load = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (load->close_on_cancel && cycle_window_is_pristine (self))
        gtk_window_close (GTK_WINDOW (self));
      load_free (load);
      return;
    }

  if (document == NULL)
    {
      show_open_error (self, load->file, error);
      load_free (load);
      return;
    }

  /* Whether it is still pristine now that the plan is there: the user may have begun one */
  if (cycle_window_is_pristine (self))
    {
      cycle_window_set_document (self, document);
      window = self;
    }
  else
    {
      window = cycle_window_new (gtk_window_get_application (GTK_WINDOW (self)), document);
    }

  _cycle_window_add_recent (window);
  gtk_window_present (GTK_WINDOW (window));
  load_free (load);
}

gboolean
cycle_window_shows_file (CycleWindow *self,
                         GFile       *file)
{
  GFile *shown;

  g_return_val_if_fail (CYCLE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  shown = self->document != NULL ? cycle_document_get_file (self->document) : NULL;
  return shown != NULL && g_file_equal (shown, file);
}

/* The window of @app that shows @file, if any */
static CycleWindow *
find_window_showing (GtkApplication *app,
                     GFile          *file)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (CYCLE_IS_WINDOW (l->data) && cycle_window_shows_file (l->data, file))
      return l->data;
  return NULL;
}

void
cycle_window_open_file_full (CycleWindow *self,
                             GFile       *file,
                             gboolean     close_on_cancel)
{
  GtkApplication *app;
  CycleWindow *shown;
  CycleWindowLoad *load;

  g_return_if_fail (CYCLE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A file already open comes forward in its window, edits and all: a second window on it would
   * show another copy, and the two would overwrite each other's saves. */
  app = gtk_window_get_application (GTK_WINDOW (self));
  shown = app != NULL ? find_window_showing (app, file) : NULL;
  if (shown != NULL)
    {
      if (close_on_cancel && shown != self)
        gtk_window_destroy (GTK_WINDOW (self));
      gtk_window_present (GTK_WINDOW (shown));
      return;
    }

  /* One load at a time in a window: another goes to a window of its own */
  if (self->load != NULL)
    {
      CycleWindow *other;

      if (app == NULL)
        {
          _cycle_window_cancel_open (self);
        }
      else
        {
          other = cycle_window_new (app, NULL);
          gtk_window_present (GTK_WINDOW (other));
          cycle_window_open_file_full (other, file, TRUE);
          return;
        }
    }

  load = g_new0 (CycleWindowLoad, 1);
  load->window = self;
  load->file = g_object_ref (file);
  load->cancellable = g_cancellable_new ();
  load->close_on_cancel = close_on_cancel;
  self->load = load;

  load->reveal_id = g_timeout_add (REVEAL_DELAY_MS, on_reveal_cb, load);
  cycle_document_load_async (file, on_load_progress, load, load->cancellable, on_load_done_cb,
                             load);
}

void
cycle_window_open_file (CycleWindow *self,
                        GFile       *file)
{
  cycle_window_open_file_full (self, file, FALSE);
}

gboolean
cycle_window_is_opening (CycleWindow *self)
{
  g_return_val_if_fail (CYCLE_IS_WINDOW (self), FALSE);

  return self->load != NULL;
}

/* The window goes: the load is cancelled and forgets it */
void
_cycle_window_cancel_open (CycleWindow *self)
{
  CycleWindowLoad *load = self->load;

  if (load == NULL)
    return;

  self->load = NULL;
  g_clear_handle_id (&load->reveal_id, g_source_remove);
  g_clear_handle_id (&load->poll_id, g_source_remove);
  load->window = NULL;
  cancel_load (load);
}

static void
cancel_open_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CycleWindow *self = CYCLE_WINDOW (widget);

  if (self->load == NULL)
    return;

  /* The bar goes at once; the window stays as it was (on_load_done_cb () ends the load) */
  hide_bar (self, self->load);
  cancel_load (self->load);
}

void
_cycle_window_class_open_init (CycleWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
}
