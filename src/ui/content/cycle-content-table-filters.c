/* cycle-content-table-filters.c: the table's search and drop-downs, kept in step with its query
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-content-table"

#include "config.h"

#include <glib/gi18n.h>

#include "cycle-accessible.h"
#include "cycle-content-cells.h"
#include "cycle-content-table-private.h"

/* How long the list of channels waits for a burst of changes to end before looking again. */
#define CHANNELS_DELAY_MS 400

/* ------------------------------------------------------------------------------------------------
 * Filters: drop-downs ⇄ query
 */

/* ------------------------------------------------------------------------------------------------
 * A drop-down's button shows its selected name cut at FILTER_NAME_CHARS, whole in its tooltip and
 * in the list: a stage named with a long URL took the filter bar's whole width and pushed the
 * other filters off the page. The list keeps GTK's own factory (and its check mark).
 */

#define FILTER_NAME_CHARS 24

static void
on_filter_name_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), FILTER_NAME_CHARS);
  gtk_list_item_set_child (item, label);
}

/* Followed, not read once: a stage or persona renamed while it is picked shows its new name */
static const char * const name_watches[] = { "label", "tooltip-text" };

static void
on_filter_name_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        GtkDropDown              *dropdown)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkExpression *expression = gtk_drop_down_get_expression (dropdown);
  gpointer object = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (label), "");
  gtk_widget_set_tooltip_text (label, NULL);
  if (expression != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (name_watches); i++)
      g_object_set_data (G_OBJECT (item), name_watches[i],
                         gtk_expression_bind (gtk_expression_ref (expression), label,
                                              name_watches[i], object));
  else if (GTK_IS_STRING_OBJECT (object))
    {
      gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (object));
      gtk_widget_set_tooltip_text (label, gtk_string_object_get_string (object));
    }
}

static void
on_filter_name_unbind_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          gpointer                  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (name_watches); i++)
    {
      GtkExpressionWatch *watch = g_object_steal_data (G_OBJECT (item), name_watches[i]);

      if (watch != NULL)
        gtk_expression_watch_unwatch (watch);
    }
}

static void
cut_selected_name (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) list = g_object_ref (gtk_drop_down_get_factory (dropdown));
  g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (on_filter_name_setup_cb), NULL);
  g_signal_connect_object (button, "bind", G_CALLBACK (on_filter_name_bind_cb), dropdown, 0);
  g_signal_connect (button, "unbind", G_CALLBACK (on_filter_name_unbind_cb), NULL);
  gtk_drop_down_set_list_factory (dropdown, list);
  gtk_drop_down_set_factory (dropdown, button);
}

static void
sync_stage_dropdown (CycleContentTable *self)
{
  CycleStage *stage = cycle_content_query_get_stage (self->query);
  GListModel *model = gtk_drop_down_get_model (self->stage_dropdown);
  guint position = stage != NULL ? _cycle_content_table_find_position (model, stage) : 0;

  self->syncing++;
  gtk_drop_down_set_selected (self->stage_dropdown,
                              position != GTK_INVALID_LIST_POSITION ? position : 0);
  self->syncing--;
}

static void
sync_persona_dropdown (CycleContentTable *self)
{
  GListModel *model = gtk_drop_down_get_model (self->persona_dropdown);
  guint position;

  if (cycle_content_query_get_any_persona (self->query))
    position = 0;
  else if (cycle_content_query_get_persona (self->query) == NULL)
    position = 1;
  else
    position = _cycle_content_table_find_position (model,
                                                   cycle_content_query_get_persona (self->query));

  self->syncing++;
  gtk_drop_down_set_selected (self->persona_dropdown,
                              position != GTK_INVALID_LIST_POSITION ? position : 0);
  self->syncing--;
}

static void
sync_channel_dropdown (CycleContentTable *self)
{
  const char *channel = cycle_content_query_get_channel (self->query);
  guint position = 0;

  for (guint i = 1; i < self->channel_words->len && *channel != '\0'; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->channel_words, i), channel) == 0)
        position = i;
    }

  self->syncing++;
  gtk_drop_down_set_selected (self->channel_dropdown, position);
  self->syncing--;
}

static void
sync_status_dropdown (CycleContentTable *self)
{
  self->syncing++;
  gtk_drop_down_set_selected (self->status_dropdown,
                              cycle_content_query_get_status (self->query) + 1);
  self->syncing--;
}

static void
on_query_notify_cb (CycleContentTable *self,
                    GParamSpec        *pspec,
                    CycleContentQuery *query)
{
  if (pspec->name == g_intern_static_string ("stage"))
    sync_stage_dropdown (self);
  else if (pspec->name == g_intern_static_string ("persona") ||
           pspec->name == g_intern_static_string ("any-persona"))
    sync_persona_dropdown (self);
  else if (pspec->name == g_intern_static_string ("channel"))
    sync_channel_dropdown (self);
  else if (pspec->name == g_intern_static_string ("status"))
    sync_status_dropdown (self);
  else if (pspec->name == g_intern_static_string ("search"))
    {
      const char *search = cycle_content_query_get_search (query);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), search) != 0)
        {
          self->syncing++;
          gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search);
          self->syncing--;
        }
    }
  else if (pspec->name == g_intern_static_string ("active"))
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "table.clear-filters",
                                   cycle_content_query_is_active (query));
}

static void
on_search_changed_cb (CycleContentTable *self,
                      GtkSearchEntry    *entry)
{
  if (self->syncing == 0)
    cycle_content_query_set_search (self->query, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_stop_search_cb (CycleContentTable *self,
                   GtkSearchEntry    *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_stage_selected_cb (CycleContentTable *self,
                      GParamSpec        *pspec,
                      GtkDropDown       *dropdown)
{
  CycleStage *stage;

  if (self->syncing > 0)
    return;

  stage = gtk_drop_down_get_selected_item (dropdown);
  cycle_content_query_set_stage (self->query, stage != self->all_stages ? stage : NULL);
}

static void
on_persona_selected_cb (CycleContentTable *self,
                        GParamSpec        *pspec,
                        GtkDropDown       *dropdown)
{
  CyclePersona *persona;

  if (self->syncing > 0)
    return;

  persona = gtk_drop_down_get_selected_item (dropdown);
  if (persona == NULL || persona == self->all_personas)
    cycle_content_query_set_persona (self->query, TRUE, NULL);
  else if (persona == self->no_persona)
    cycle_content_query_set_persona (self->query, FALSE, NULL);
  else
    cycle_content_query_set_persona (self->query, FALSE, persona);
}

static void
on_channel_selected_cb (CycleContentTable *self,
                        GParamSpec        *pspec,
                        GtkDropDown       *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing > 0)
    return;

  cycle_content_query_set_channel (self->query,
                                   selected < self->channel_words->len
                                   ? g_ptr_array_index (self->channel_words, selected) : NULL);
}

static void
on_status_selected_cb (CycleContentTable *self,
                       GParamSpec        *pspec,
                       GtkDropDown       *dropdown)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->syncing > 0 || selected == GTK_INVALID_LIST_POSITION)
    return;

  cycle_content_query_set_status (self->query, (int) selected - 1);
}

/* A list under a drop-down changes: its selection may move without the person choosing. */
static void
on_filter_list_changing_cb (GListModel        *model,
                            guint              position,
                            guint              removed,
                            guint              added,
                            CycleContentTable *self)
{
  self->syncing++;
}

static void
on_filter_list_changed_cb (GListModel        *model,
                           guint              position,
                           guint              removed,
                           guint              added,
                           CycleContentTable *self)
{
  CycleStage *stage = cycle_content_query_get_stage (self->query);
  CyclePersona *persona = cycle_content_query_get_persona (self->query);

  self->syncing--;

  /* Filtering by a stage or persona that left the plan would hide everything for nothing. (The
   * plan lets go of a removed item after the list told its views: look in the list.) */
  if (stage != NULL && self->plan != NULL &&
      _cycle_content_table_find_position (cycle_plan_get_stages (self->plan), stage) ==
      GTK_INVALID_LIST_POSITION)
    cycle_content_query_set_stage (self->query, NULL);
  if (persona != NULL && self->plan != NULL &&
      _cycle_content_table_find_position (cycle_plan_get_personas (self->plan), persona) ==
      GTK_INVALID_LIST_POSITION)
    cycle_content_query_set_persona (self->query, TRUE, NULL);

  sync_stage_dropdown (self);
  sync_persona_dropdown (self);
}

static void
watch_filter_list (CycleContentTable *self,
                   GListModel        *model)
{
  g_signal_connect_object (model, "items-changed",
                           G_CALLBACK (on_filter_list_changing_cb), self, 0);
  g_signal_connect_object (model, "items-changed",
                           G_CALLBACK (on_filter_list_changed_cb), self, G_CONNECT_AFTER);
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* The channels to filter by: the usual ones, then the plan's own words, alphabetically. */
static gboolean
update_channels_cb (gpointer data)
{
  CycleContentTable *self = data;
  const char * const *suggested = cycle_content_suggested_channels ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) extra = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GListModel *all;
  guint n;

  self->channels_id = 0;

  for (guint i = 0; suggested[i] != NULL; i++)
    g_hash_table_add (seen, (gpointer) suggested[i]);

  all = self->plan != NULL ? cycle_plan_get_all_content (self->plan) : NULL;
  n = all != NULL ? g_list_model_get_n_items (all) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CycleContent) content = g_list_model_get_item (all, i);
      /* Interned: one copy a word, however many items use it. */
      const char *channel = g_intern_string (cycle_content_get_channel (content));

      if (*channel != '\0' && g_hash_table_add (seen, (gpointer) channel))
        g_ptr_array_add (extra, (gpointer) channel);
    }
  g_ptr_array_sort (extra, compare_words);

  g_ptr_array_set_size (self->channel_words, 0);
  g_ptr_array_add (self->channel_words, NULL);
  g_ptr_array_add (labels, (gpointer) _("All Channels"));
  for (guint i = 0; suggested[i] != NULL; i++)
    {
      g_ptr_array_add (self->channel_words, (gpointer) suggested[i]);
      g_ptr_array_add (labels, (gpointer) cycle_content_channel_to_display (suggested[i]));
    }
  for (guint i = 0; i < extra->len; i++)
    {
      g_ptr_array_add (self->channel_words, g_ptr_array_index (extra, i));
      g_ptr_array_add (labels, g_ptr_array_index (extra, i));
    }
  g_ptr_array_add (labels, NULL);

  self->syncing++;
  gtk_string_list_splice (self->channel_labels, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->channel_labels)),
                          (const char * const *) labels->pdata);
  self->syncing--;
  sync_channel_dropdown (self);

  return G_SOURCE_REMOVE;
}

static void
queue_update_channels (CycleContentTable *self)
{
  if (self->channels_id == 0)
    self->channels_id = g_timeout_add (CHANNELS_DELAY_MS, update_channels_cb, self);
}

static void
on_all_content_changed_cb (CycleContentTable *self)
{
  _cycle_content_table_update_status (self);
  queue_update_channels (self);
}

static GListModel *
status_labels (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  guint n = cycle_enum_count (CYCLE_TYPE_STATUS);

  gtk_string_list_append (list, _("All Statuses"));
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, cycle_enum_get_label (CYCLE_TYPE_STATUS, i));

  return G_LIST_MODEL (list);
}

/* ------------------------------------------------------------------------------------------------
 * Setting up
 */

void
_cycle_content_table_init_filters (CycleContentTable *self)
{
  g_autoptr(GtkExpression) name = NULL;
  g_autoptr(GtkFlattenListModel) stages = NULL;
  g_autoptr(GtkFlattenListModel) personas = NULL;
  g_autoptr(GListModel) statuses = NULL;

  g_signal_connect_object (self->query, "notify",
                           G_CALLBACK (on_query_notify_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->query, "notify::stage",
                           G_CALLBACK (_cycle_content_table_sync_quick_add), self,
                           G_CONNECT_SWAPPED);

  self->all_content_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->all_content_signals, "items-changed",
                                  G_CALLBACK (on_all_content_changed_cb), self);

  self->all_stages = cycle_stage_new (_("All Stages"));
  self->stage_sources = g_list_store_new (G_TYPE_LIST_MODEL);
  stages = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->stage_sources)));
  watch_filter_list (self, G_LIST_MODEL (stages));
  name = gtk_property_expression_new (CYCLE_TYPE_STAGE, NULL, "name");
  gtk_drop_down_set_expression (self->stage_dropdown, name);
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));
  g_clear_pointer (&name, gtk_expression_unref);

  self->all_personas = cycle_persona_new (_("All Personas"));
  self->no_persona = cycle_persona_new (_("No Persona"));
  self->persona_sources = g_list_store_new (G_TYPE_LIST_MODEL);
  personas = gtk_flatten_list_model_new (g_object_ref (G_LIST_MODEL (self->persona_sources)));
  watch_filter_list (self, G_LIST_MODEL (personas));
  name = gtk_property_expression_new (CYCLE_TYPE_PERSONA, NULL, "name");
  gtk_drop_down_set_expression (self->persona_dropdown, name);
  gtk_drop_down_set_model (self->persona_dropdown, G_LIST_MODEL (personas));

  self->channel_words = g_ptr_array_new ();
  self->channel_labels = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->channel_dropdown, G_LIST_MODEL (self->channel_labels));
  statuses = status_labels ();
  gtk_drop_down_set_model (self->status_dropdown, statuses);

  g_signal_connect_object (self->stage_dropdown, "notify::selected",
                           G_CALLBACK (on_stage_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->persona_dropdown, "notify::selected",
                           G_CALLBACK (on_persona_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->channel_dropdown, "notify::selected",
                           G_CALLBACK (on_channel_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_dropdown, "notify::selected",
                           G_CALLBACK (on_status_selected_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->query, "overdue-only", self->overdue_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  update_channels_cb (self);
  sync_status_dropdown (self);

  cut_selected_name (self->stage_dropdown);
  cut_selected_name (self->persona_dropdown);
  cut_selected_name (self->channel_dropdown);

  /* The drop-downs' button, list and item read as the filter they set */
  cycle_accessible_name_parts (GTK_WIDGET (self->stage_dropdown), _("Filter by Stage"));
  cycle_accessible_name_parts (GTK_WIDGET (self->persona_dropdown), _("Filter by Persona"));
  cycle_accessible_name_parts (GTK_WIDGET (self->channel_dropdown), _("Filter by Channel"));
  cycle_accessible_name_parts (GTK_WIDGET (self->status_dropdown), _("Filter by Status"));
  cycle_accessible_name_parts (GTK_WIDGET (self->column_view), _("Content"));
}

void
_cycle_content_table_sync_quick_add (CycleContentTable *self)
{
  g_autoptr(CycleStage) first = NULL;
  CycleStage *stage = cycle_content_query_get_stage (self->query);
  g_autofree char *placeholder = NULL;

  if (stage == NULL && self->plan != NULL)
    stage = first = g_list_model_get_item (cycle_plan_get_stages (self->plan), 0);
  cycle_quick_add_set_stage (self->quick_add, stage);
  if (stage != NULL)
    /* Translators: the entry above the table that adds content; %s is a stage */
    placeholder = g_strdup_printf (_("New content in “%s”: type its title, then Enter"),
                                   cycle_stage_get_name (stage));
  g_object_set (cycle_quick_add_get_entry (self->quick_add), "placeholder-text", placeholder,
                NULL);
}

/* The plan changed: the lists of the drop-downs, and what they show. */
void
_cycle_content_table_sync_filters (CycleContentTable *self)
{
  g_clear_handle_id (&self->channels_id, g_source_remove);
  update_channels_cb (self);
  sync_stage_dropdown (self);
  sync_persona_dropdown (self);
  sync_status_dropdown (self);
  _cycle_content_table_sync_quick_add (self);
}

void
_cycle_content_table_class_init_filters (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
}
