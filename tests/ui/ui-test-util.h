/* ui-test-util.h: what the widget tests share: the application, sample files in a temporary
 * folder, waiting on the main loop, and finding widgets and windows
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cycle-application.h"
#include "cycle-content-view.h"
#include "cycle-window.h"

G_BEGIN_DECLS

/* How long a test waits for something before it fails. */
#define UI_TEST_WAIT_USEC (10 * G_USEC_PER_SEC)

gboolean ui_test_wake_cb (gpointer data);

/* Iterates the main context until @cond holds, failing the test after UI_TEST_WAIT_USEC. A
 * timeout wakes the loop, so that @cond is tested again even when nothing else happens. */
#define ui_test_wait_until(cond) \
  G_STMT_START { \
    gint64 end_ = g_get_monotonic_time () + UI_TEST_WAIT_USEC; \
    guint wake_ = g_timeout_add (20, ui_test_wake_cb, NULL); \
    while (!(cond)) \
      { \
        if (g_get_monotonic_time () > end_) \
          g_error ("timed out waiting for %s", #cond); \
        g_main_context_iteration (NULL, TRUE); \
      } \
    g_source_remove (wake_); \
  } G_STMT_END

typedef gboolean (*UiTestMatchFunc) (GtkWidget     *widget,
                                     gconstpointer  data);

CycleApplication  *ui_test_app_new             (void);
int                ui_test_run                 (CycleApplication *app);
guint              ui_test_count_windows       (CycleApplication *app);
CycleWindow       *ui_test_get_window          (CycleApplication *app);
CycleWindow       *ui_test_open_file           (CycleApplication *app,
                                                GFile            *file);
CyclePlan         *ui_test_window_plan         (CycleWindow      *window);
void               ui_test_destroy_toplevels   (void);
void               ui_test_destroy_windows     (CycleApplication *app);

char              *ui_test_copy_to_temp_dir    (const char       *source,
                                                const char       *dir_template,
                                                GFile           **file);
char              *ui_test_copy_sample         (const char       *dir_template,
                                                GFile           **file);
CyclePlan         *ui_test_load_sample         (void);
GtkWindow         *ui_test_present_in_window   (GtkWidget        *child);

/* The content tests' fixture: the sample plan in a content view, in a window of its own. Tearing
 * it down checks that nothing of the views holds on to the plan. */
typedef struct
{
  CyclePlan        *plan;
  GtkWindow        *window;
  CycleContentView *view;
} UiTestContentFixture;

void               ui_test_content_fixture_set_up    (UiTestContentFixture *f,
                                                      gconstpointer         data);
void               ui_test_content_fixture_tear_down (UiTestContentFixture *f,
                                                      gconstpointer         data);
void               ui_test_remove_temp_dir     (const char       *dir);
/* A data folder of the test's own (XDG_DATA_HOME), made before anything asks GLib for it, so
 * that the drafts and recent files are this run's only; and removing it with what Cycle left. */
char              *ui_test_data_home_new       (const char       *dir_template);
void               ui_test_data_home_free      (char             *data_home);
void               ui_test_clear_temp_copy     (char            **dir,
                                                GFile           **file);

void               ui_test_drain               (void);
void               ui_test_wait_for_map        (GtkWidget        *widget);
void               ui_test_wait_for_draw       (GtkWidget        *widget);
void               ui_test_activate            (GtkWidget        *widget,
                                                const char       *action,
                                                GVariant         *parameter);

/* Calls @func on each item of @menu and of its sections (not of its submenus, given to @func),
 * in order; @label NULL for an item without one. */
typedef void (*UiTestMenuItemFunc) (const char *label,
                                    GMenuModel *submenu,
                                    gpointer    data);
void               ui_test_menu_foreach        (GMenuModel       *menu,
                                                UiTestMenuItemFunc func,
                                                gpointer          data);
/* Fails the test where two items of one menu (its sections included; each submenu is a menu of
 * its own) have the same mnemonic: the key then reaches only one of them. */
void               ui_test_assert_unique_mnemonics (GMenuModel   *menu);
/* The canvas's three context menus (of @stage, of @link, of an empty spot), each checked by
 * ui_test_assert_unique_mnemonics(). */
void               ui_test_assert_canvas_menus_mnemonics (GtkWidget  *canvas,
                                                          const char *stage_id,
                                                          const char *link_id);
/* Fails the test where a combo row shown in @widget cuts its value with "…" (libadwaita 1.2 does
 * beside a subtitle on two lines); there must be one. */
void               ui_test_assert_combo_values_whole (GtkWidget  *widget);
GtkWidget         *ui_test_find_widget         (GtkWidget        *widget,
                                                GType             type,
                                                gboolean          mapped);
GtkWidget         *ui_test_find_widget_full    (GtkWidget        *widget,
                                                GType             type,
                                                gboolean          mapped,
                                                UiTestMatchFunc   match,
                                                gconstpointer     data);
void               ui_test_collect_widgets     (GtkWidget        *widget,
                                                GType             type,
                                                gboolean          mapped,
                                                UiTestMatchFunc   match,
                                                gconstpointer     data,
                                                GPtrArray        *found);
/* @widget's first event controller of @type (borrowed), or NULL */
gpointer           ui_test_find_controller     (GtkWidget        *widget,
                                                GType             type);
/* UiTestMatchFunc: a board column showing the stage @data, a card showing the content @data */
gboolean           ui_test_column_has_stage    (GtkWidget        *widget,
                                                gconstpointer     stage);
gboolean           ui_test_card_has_content    (GtkWidget        *widget,
                                                gconstpointer     content);
GtkWidget         *ui_test_find_widget_by_name (GtkWidget        *widget,
                                                const char       *name);
GtkWindow         *ui_test_find_toplevel       (GType             type,
                                                const char       *heading);
AdwMessageDialog  *ui_test_find_message_dialog (const char       *heading);

G_END_DECLS
