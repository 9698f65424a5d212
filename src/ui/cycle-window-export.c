/* cycle-window-export.c: a window's plan for other tools and for people — export, print,
 * import
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports go through the export API (src/model/cycle-export.h, src/render/cycle-image-export.h),
 * which writes to a temporary file beside the target and renames it only once everything was
 * written: a failed export leaves the target as it was, and the plan is never touched. Writing
 * is synchronous: even a large plan exports in a fraction of a second. Printing draws with the
 * same code as the canvas and the PDF export.
 */

#define G_LOG_DOMAIN "cycle-window"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cycle-export.h"
#include "cycle-image-export.h"
#include "cycle-render.h"
#include "cycle-window-private.h"

/* Choice ids of the export chooser */
#define CHOICE_COMPUTED      "computed"
#define CHOICE_STABLE        "stable-headers"
#define CHOICE_SCALE         "scale"
#define CHOICE_CONTENT_PAGES "content-pages"

/* The print settings of the last print, kept on the window for the next one. */
#define PRINT_SETTINGS_KEY "cycle-print-settings"

static const char *
format_title (CycleExportFormat format)
{
  switch (format)
    {
    case CYCLE_EXPORT_FORMAT_JSON:
      return _("Export the Plan as JSON");
    case CYCLE_EXPORT_FORMAT_CSV:
      return _("Export the Content as CSV");
    case CYCLE_EXPORT_FORMAT_ICS:
      return _("Export the Content as a Calendar");
    case CYCLE_EXPORT_FORMAT_SVG:
      return _("Export the Picture as SVG");
    case CYCLE_EXPORT_FORMAT_PNG:
      return _("Export the Picture as PNG");
    case CYCLE_EXPORT_FORMAT_PDF:
    default:
      return _("Export the Picture as PDF");
    }
}

static const char *
format_filter_name (CycleExportFormat format)
{
  switch (format)
    {
    case CYCLE_EXPORT_FORMAT_JSON:
      return _("JSON files");
    case CYCLE_EXPORT_FORMAT_CSV:
      return _("CSV files");
    case CYCLE_EXPORT_FORMAT_ICS:
      return _("Calendar files");
    case CYCLE_EXPORT_FORMAT_SVG:
      return _("SVG images");
    case CYCLE_EXPORT_FORMAT_PNG:
      return _("PNG images");
    case CYCLE_EXPORT_FORMAT_PDF:
    default:
      return _("PDF documents");
    }
}

/* "Plan title.ext", or "Untitled Plan.ext"; without characters a file name cannot hold. */
static char *
dup_suggested_name (CycleWindow *self,
                    const char  *extension)
{
  const char *title = cycle_plan_get_title (_cycle_window_get_plan (self));
  g_autofree char *name = NULL;

  if (title == NULL || *title == '\0')
    title = _("Untitled Plan");

  name = g_strdelimit (g_strdup (title), "/\\", '-');

  return g_strconcat (name, extension, NULL);
}

/* ------------------------------------------------------------------------------------------------
 * Opening the result
 */

static void
on_show_uri_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CycleWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cycle_message_dialog_show (GTK_WINDOW (self), _("Could Not Open the Export"), error->message);
}

static void
on_export_toast_button_clicked_cb (CycleWindow *self,
                                   AdwToast    *toast)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");

  gtk_show_uri_full (GTK_WINDOW (self), uri, GDK_CURRENT_TIME, NULL, on_show_uri_done_cb,
                     g_object_ref (self));
}

static void
show_exported_toast (CycleWindow *self,
                     GFile       *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (basename);
  g_autofree char *title = g_strdup_printf (_("Exported “%s”"), display);
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (on_export_toast_button_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  _cycle_window_toast (self, toast);
}

/* ------------------------------------------------------------------------------------------------
 * Exporting
 */

static gboolean
export_write (CycleWindow               *self,
              CycleExportFormat          format,
              GFile                     *file,
              const CycleExportOptions  *options,
              GError                   **error)
{
  CyclePlan *plan = _cycle_window_get_plan (self);

  /* Calendars know the events again by the plan's uid: made at the first calendar export and
   * kept in the file, so the plan has something to save. */
  if (format == CYCLE_EXPORT_FORMAT_ICS && cycle_plan_ensure_uid (plan))
    cycle_plan_mark_unsaved (plan);

  return cycle_export_format_write_file (plan, format, options, file, error);
}

gboolean
_cycle_window_export_to_file (CycleWindow              *self,
                              CycleExportFormat         format,
                              GFile                    *file,
                              const CycleExportOptions *options)
{
  CycleExportOptions defaults;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CYCLE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (format < CYCLE_EXPORT_N_FORMATS, FALSE);

  if (options == NULL)
    {
      cycle_export_options_init (&defaults);
      options = &defaults;
    }

  if (!export_write (self, format, file, options, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *body = NULL;

      /* Write errors name the file ("Could not write “/a/b.svg”: …"); a refused option (a PNG
       * too large) does not, so say which export it was about. */
      if (strstr (error->message, name) == NULL)
        body = g_strdup_printf (_("Could not export “%s”: %s"), name, error->message);

      cycle_message_dialog_show (GTK_WINDOW (self), _("Could Not Export"),
                                 body != NULL ? body : error->message);
      return FALSE;
    }

  show_exported_toast (self, file);
  return TRUE;
}

static void
export_chosen (CycleWindow              *self,
               CycleExportFormat         format,
               GFile                    *file,
               const CycleExportOptions *options)
{
  _cycle_window_export_to_file (self, format, file, options);
}

static void
on_export_replace_response_cb (CycleWindow      *self,
                               const char       *response,
                               AdwMessageDialog *dialog)
{
  GObject *object = G_OBJECT (dialog);

  if (g_strcmp0 (response, "replace") == 0)
    export_chosen (self, GPOINTER_TO_UINT (g_object_get_data (object, "format")),
                   g_object_get_data (object, "file"), g_object_get_data (object, "options"));
}

/* The chooser asked about replacing the name that was typed; with the extension added it is
 * another file, so ask again when that one exists. */
static void
confirm_replace (CycleWindow              *self,
                 CycleExportFormat         format,
                 GFile                    *file,
                 const CycleExportOptions *options)
{
  AdwMessageDialog *dialog = _cycle_window_replace_dialog_new (self, file);

  g_object_set_data (G_OBJECT (dialog), "format", GUINT_TO_POINTER (format));
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "options", g_memdup2 (options, sizeof *options),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_replace_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
choice_is_true (GtkFileChooser *chooser,
                const char     *id)
{
  return g_strcmp0 (gtk_file_chooser_get_choice (chooser, id), "true") == 0;
}

static void
on_export_chooser_response_cb (CycleWindow     *self,
                               int              response,
                               GtkNativeDialog *chooser)
{
  g_autoptr(GtkNativeDialog) owned = g_steal_pointer (&self->chooser);
  CycleExportFormat format;
  CycleExportOptions options;
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *with_extension = NULL;
  const char *scale;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (chosen == NULL)
    return;

  format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (chooser), "format"));
  cycle_export_options_init (&options);
  /* Only the format's own choice exists: asking for another one warns. */
  switch (format)
    {
    case CYCLE_EXPORT_FORMAT_JSON:
      options.computed = choice_is_true (GTK_FILE_CHOOSER (chooser), CHOICE_COMPUTED);
      break;
    case CYCLE_EXPORT_FORMAT_CSV:
      options.for_scripts = choice_is_true (GTK_FILE_CHOOSER (chooser), CHOICE_STABLE);
      break;
    case CYCLE_EXPORT_FORMAT_PNG:
      scale = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), CHOICE_SCALE);
      if (scale != NULL)
        options.scale = CLAMP (g_ascii_strtod (scale, NULL), 1.0, 3.0);
      break;
    case CYCLE_EXPORT_FORMAT_PDF:
      options.content_pages = choice_is_true (GTK_FILE_CHOOSER (chooser), CHOICE_CONTENT_PAGES);
      break;
    case CYCLE_EXPORT_FORMAT_ICS:
    case CYCLE_EXPORT_FORMAT_SVG:
    default:
      break;
    }

  basename = g_file_get_basename (chosen);
  lower = g_utf8_strdown (basename, -1);
  if (g_str_has_suffix (lower, cycle_export_format_get_info (format)->extension))
    {
      export_chosen (self, format, chosen, &options);
      return;
    }

  folder = g_file_get_parent (chosen);
  with_extension = g_strconcat (basename, cycle_export_format_get_info (format)->extension, NULL);
  file = g_file_get_child (folder, with_extension);

  if (g_file_query_exists (file, NULL))
    confirm_replace (self, format, file, &options);
  else
    export_chosen (self, format, file, &options);
}

static void
add_format_filters (GtkFileChooser    *chooser,
                    CycleExportFormat  format)
{
  const CycleExportFormatInfo *info = cycle_export_format_get_info (format);
  g_autofree char *pattern = g_strconcat ("*", info->extension, NULL);
  g_autoptr(GtkFileFilter) filter =
    _cycle_window_file_filter_new (format_filter_name (format),
                                   (const char *const[]) { pattern, NULL },
                                   (const char *const[]) { info->mime_type, NULL });

  _cycle_window_add_file_filters (chooser, filter);
}

/* The options that matter for @format, as choices: the portal and the native dialogs show
 * them beside the file name. */
static void
add_format_choices (GtkFileChooser    *chooser,
                    CycleExportFormat  format)
{
  static const char *scale_ids[] = { "1", "2", "3", NULL };
  const char *scale_labels[] = { _("1×"), _("2×"), _("3×"), NULL };

  switch (format)
    {
    case CYCLE_EXPORT_FORMAT_JSON:
      gtk_file_chooser_add_choice (chooser, CHOICE_COMPUTED,
                                   _("Include computed fields (projection and findings)"),
                                   NULL, NULL);
      gtk_file_chooser_set_choice (chooser, CHOICE_COMPUTED, "false");
      break;

    case CYCLE_EXPORT_FORMAT_CSV:
      gtk_file_chooser_add_choice (chooser, CHOICE_STABLE,
                                   _("For scripts: English column names, cells as they are"),
                                   NULL, NULL);
      gtk_file_chooser_set_choice (chooser, CHOICE_STABLE, "false");
      break;

    case CYCLE_EXPORT_FORMAT_PNG:
      gtk_file_chooser_add_choice (chooser, CHOICE_SCALE, _("Scale"), scale_ids, scale_labels);
      gtk_file_chooser_set_choice (chooser, CHOICE_SCALE, "1");
      break;

    case CYCLE_EXPORT_FORMAT_PDF:
      gtk_file_chooser_add_choice (chooser, CHOICE_CONTENT_PAGES,
                                   _("Add pages listing each stage’s content"), NULL, NULL);
      gtk_file_chooser_set_choice (chooser, CHOICE_CONTENT_PAGES, "true");
      break;

    case CYCLE_EXPORT_FORMAT_ICS:
    case CYCLE_EXPORT_FORMAT_SVG:
    default:
      break;
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CycleWindow *self = CYCLE_WINDOW (widget);
  GFile *document_file = cycle_document_get_file (self->document);
  CycleExportFormat format;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (!cycle_export_format_from_name (g_variant_get_string (parameter, NULL), &format))
    {
      g_warning ("Unknown export format “%s”", g_variant_get_string (parameter, NULL));
      return;
    }

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (format_title (format), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_format_filters (GTK_FILE_CHOOSER (chooser), format);
  add_format_choices (GTK_FILE_CHOOSER (chooser), format);

  /* Beside the plan, when it has a file. */
  if (document_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (document_file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  name = dup_suggested_name (self, cycle_export_format_get_info (format)->extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_object_set_data (G_OBJECT (chooser), "format", GUINT_TO_POINTER (format));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);

  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

/* ------------------------------------------------------------------------------------------------
 * Printing: the picture on the first page, then the content listing
 */

typedef struct
{
  CyclePlan         *plan;
  CycleRenderStyle   style;
  CycleContentPages *content;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->content, cycle_content_pages_free);
  g_clear_object (&job->plan);
  g_free (job);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  guint n_content;

  g_clear_pointer (&job->content, cycle_content_pages_free);
  job->content = cycle_content_pages_new (job->plan, &job->style,
                                          gtk_print_context_get_width (context),
                                          gtk_print_context_get_height (context));
  n_content = cycle_content_pages_get_n_pages (job->content);
  cycle_content_pages_set_page_numbers (job->content, 2, 1 + n_content);
  gtk_print_operation_set_n_pages (operation, 1 + n_content);
}

static void
draw_picture (PrintJob        *job,
              GtkPrintContext *context)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autoptr(CycleRenderPicture) picture = NULL;
  CycleRect extent;
  double scale;

  /* The picture every export makes: the projection the canvas shows, with the legend. */
  picture = cycle_render_picture_new (job->plan, cycle_plan_get_layout (job->plan), TRUE);
  cycle_render_picture_get_extent (picture, &extent);
  if (extent.width <= 0 || extent.height <= 0)
    return;

  /* The whole picture on the printable area, centred, its proportions kept. */
  scale = MIN (width / extent.width, height / extent.height);

  cairo_save (cr);
  cairo_translate (cr,
                   (width - extent.width * scale) / 2.0,
                   (height - extent.height * scale) / 2.0);
  cairo_scale (cr, scale, scale);
  cycle_render_picture_draw (picture, cr, &job->style);
  cairo_restore (cr);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 PrintJob          *job)
{
  if (page == 0)
    draw_picture (job, context);
  else if (job->content != NULL)
    cycle_content_pages_draw (job->content, gtk_print_context_get_cairo_context (context),
                              page - 1);
}

GtkPrintOperationResult
_cycle_window_print (CycleWindow             *self,
                     GtkPrintOperationAction  action,
                     const char              *export_filename)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintSettings *settings;
  GtkPrintOperationResult result;
  PrintJob *job;

  g_return_val_if_fail (CYCLE_IS_WINDOW (self), GTK_PRINT_OPERATION_RESULT_ERROR);

  job = g_new0 (PrintJob, 1);
  job->plan = g_object_ref (_cycle_window_get_plan (self));
  /* Paper is light: the light style, whatever the desktop's. */
  cycle_render_style_init (&job->style, FALSE);
  g_object_set_data_full (G_OBJECT (operation), "cycle-print-job", job,
                          (GDestroyNotify) print_job_free);

  /* The locale's paper (A4, or US Letter where that is the custom). */
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper);
  gtk_print_operation_set_default_page_setup (operation, page_setup);

  settings = g_object_get_data (G_OBJECT (self), PRINT_SETTINGS_KEY);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);

  job_name = cycle_document_dup_display_name (self->document);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_use_full_page (operation, FALSE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (operation, export_filename);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);

  result = gtk_print_operation_run (operation, action, GTK_WINDOW (self), &error);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    cycle_message_dialog_show (GTK_WINDOW (self), _("Could Not Print"), error->message);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_object_set_data_full (G_OBJECT (self), PRINT_SETTINGS_KEY,
                            g_object_ref (gtk_print_operation_get_print_settings (operation)),
                            g_object_unref);

  return result;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  _cycle_window_print (CYCLE_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

/* ------------------------------------------------------------------------------------------------
 * Importing a JSON export
 */

CycleWindow *
_cycle_window_import_file (CycleWindow *self,
                           GFile       *file)
{
  g_autoptr(CycleDocument) document = NULL;
  g_autoptr(CyclePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  CycleWindow *window;
  gsize length = 0;

  g_return_val_if_fail (CYCLE_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    plan = cycle_import_json (contents, length, &error);

  if (plan == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *body = g_strdup_printf ("%s: %s", name, error->message);

      cycle_message_dialog_show (GTK_WINDOW (self), _("Could Not Import the Plan"), body);
      return NULL;
    }

  /* An untitled plan: saving asks where, so the export is never overwritten by a .cycle. It is
   * unsaved work: closing the window asks first. */
  cycle_plan_mark_unsaved (plan);
  document = g_object_new (CYCLE_TYPE_DOCUMENT, "plan", plan, NULL);
  window = cycle_window_new (gtk_window_get_application (GTK_WINDOW (self)), document);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
import_json_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) json =
    _cycle_window_file_filter_new (_("JSON files"), (const char *const[]) { "*.json", NULL },
                                   (const char *const[]) { "application/json", NULL });

  _cycle_window_choose_file (CYCLE_WINDOW (widget), _("Import a Plan from JSON"), _("_Import"),
                             json, _cycle_window_import_file);
}

/* ------------------------------------------------------------------------------------------------
 * Importing a content calendar (CSV) into the plan
 */

static CycleWindow *
import_csv_file (CycleWindow *self,
                 GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (file);
  gsize length = 0;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      g_autofree char *parse_name = g_file_get_parse_name (file);
      g_autofree char *body = g_strdup_printf ("%s: %s", parse_name, error->message);

      cycle_message_dialog_show (GTK_WINDOW (self), _("Could Not Import the Content"), body);
      return NULL;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "content");
  {
    /* Translators: how the import dialog names the file it reads; %s is its name */
    g_autofree char *source = g_strdup_printf (_("“%s”"), name);

    cycle_content_view_import (_cycle_window_get_content_view (self), contents, length, NULL,
                               source);
  }
  return NULL;
}

/* Opens the import dialog on @file, as the file chooser would: for tests. */
void
_cycle_window_import_csv (CycleWindow *self,
                          GFile       *file)
{
  import_csv_file (self, file);
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) csv =
    _cycle_window_file_filter_new (_("Spreadsheets as CSV"),
                                   (const char *const[]) { "*.csv", "*.tsv", "*.txt", NULL },
                                   (const char *const[]) { "text/csv",
                                                           "text/tab-separated-values", NULL });

  _cycle_window_choose_file (CYCLE_WINDOW (widget), _("Import a Content Calendar"),
                             _("_Import"), csv, import_csv_file);
}

void
_cycle_window_class_export_init (CycleWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.import-json", NULL, import_json_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);
}
