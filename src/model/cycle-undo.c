/* cycle-undo.c: the plan's undo history
 *
 * Every step is its own inverse: applying it swaps the model's state with the state the step
 * holds, so undo and redo are the same operation run in opposite orders.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-undo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cycle-undo-private.h"

/* Typing in one field merges into one step while the keys come quicker than this. */
#define MERGE_USEC (2 * G_USEC_PER_SEC)
#define SERIAL_UNREACHABLE G_MAXUINT64

typedef enum {
  STEP_PROPERTY,
  STEP_SPLICE,
  STEP_GROUP,
  STEP_EXTRAS,
} StepKind;

typedef struct
{
  gpointer object;
  gpointer pspec;
} PropKey;

typedef struct
{
  StepKind kind;
  guint64  serial;
  union {
    struct {
      GObject    *object;
      GParamSpec *pspec;
      GValue      value;
      gint64      time;
      gboolean    owned;
    } prop;
    struct {
      CycleStage *stage;
      GListStore *store;
      guint       position;
      GPtrArray  *removed;
      GPtrArray  *added;
    } splice;
    struct {
      GObject          *object;   /* an item, or the plan (then not referenced) */
      CycleJsonMembers *members;  /* its unknown members */
      CycleJsonMembers *purpose;  /* the plan's: those of "purpose" */
      gboolean          owned;
    } extras;
    struct {
      char       *label;
      GPtrArray  *steps;
      GHashTable *props;  /* PropKey → step, so a drag records each property once */
    } group;
  };
} Step;

struct _CycleUndo
{
  const CycleUndoFuncs *funcs;
  gpointer   owner;
  GPtrArray *undo;
  GPtrArray *redo;
  GPtrArray *open;         /* groups being recorded, innermost last */
  char      *undo_label;   /* the labels last handed out */
  char      *redo_label;
  guint64    next_serial;
  guint64    saved_serial; /* serial of the top undo step when saved; 0 for none */
  guint      replaying : 1;
  guint      sealed : 1;
};

static void
step_free (gpointer data)
{
  Step *step = data;

  switch (step->kind)
    {
    case STEP_PROPERTY:
      /* The plan owns the history: a step on the plan's own properties must not keep it alive. */
      if (step->prop.owned)
        g_clear_object (&step->prop.object);
      g_value_unset (&step->prop.value);
      break;
    case STEP_SPLICE:
      g_clear_object (&step->splice.stage);
      g_clear_object (&step->splice.store);
      g_clear_pointer (&step->splice.removed, g_ptr_array_unref);
      g_clear_pointer (&step->splice.added, g_ptr_array_unref);
      break;
    case STEP_GROUP:
      g_clear_pointer (&step->group.label, g_free);
      g_clear_pointer (&step->group.steps, g_ptr_array_unref);
      g_clear_pointer (&step->group.props, g_hash_table_unref);
      break;
    case STEP_EXTRAS:
      if (step->extras.owned)
        g_clear_object (&step->extras.object);
      g_clear_pointer (&step->extras.members, cycle_json_members_free);
      g_clear_pointer (&step->extras.purpose, cycle_json_members_free);
      break;
    default:
      g_assert_not_reached ();
    }

  g_free (step);
}

static guint
prop_key_hash (gconstpointer key)
{
  const PropKey *k = key;

  return g_direct_hash (k->object) ^ (g_direct_hash (k->pspec) * 31);
}

static gboolean
prop_key_equal (gconstpointer a,
                gconstpointer b)
{
  const PropKey *ka = a, *kb = b;

  return ka->object == kb->object && ka->pspec == kb->pspec;
}

CycleUndo *
_cycle_undo_new (const CycleUndoFuncs *funcs,
                 gpointer              owner)
{
  CycleUndo *undo = g_new0 (CycleUndo, 1);

  undo->funcs = funcs;
  undo->owner = owner;
  undo->undo = g_ptr_array_new_with_free_func (step_free);
  undo->redo = g_ptr_array_new_with_free_func (step_free);
  undo->open = g_ptr_array_new_with_free_func (step_free);
  undo->next_serial = 1;

  return undo;
}

void
_cycle_undo_free (CycleUndo *undo)
{
  if (undo == NULL)
    return;

  g_ptr_array_unref (undo->open);
  g_ptr_array_unref (undo->redo);
  g_ptr_array_unref (undo->undo);
  g_free (undo->undo_label);
  g_free (undo->redo_label);
  g_free (undo);
}

static guint64
top_serial (CycleUndo *undo)
{
  if (undo->undo->len == 0)
    return 0;
  return ((Step *)g_ptr_array_index (undo->undo, undo->undo->len - 1))->serial;
}

static void
changed (CycleUndo *undo)
{
  undo->funcs->changed (undo->owner, FALSE);
}

static void
clear_redo (CycleUndo *undo)
{
  if (undo->redo->len == 0)
    return;

  /* The saved state lives only in the redo branch: it can never be reached again. */
  if (undo->saved_serial > top_serial (undo))
    undo->saved_serial = SERIAL_UNREACHABLE;

  g_ptr_array_set_size (undo->redo, 0);
}

/* Adds a new step to the innermost open group, or on top of the history. */
static void
push (CycleUndo *undo,
      Step      *step)
{
  gboolean was_modified = _cycle_undo_is_modified (undo);

  clear_redo (undo);
  undo->sealed = FALSE;

  if (undo->open->len > 0)
    {
      Step *group = g_ptr_array_index (undo->open, undo->open->len - 1);
      g_ptr_array_add (group->group.steps, step);
      if (!was_modified)
        undo->funcs->changed (undo->owner, TRUE);
      return;
    }

  step->serial = undo->next_serial++;
  g_ptr_array_add (undo->undo, step);
  changed (undo);
}

void
_cycle_undo_record_property (CycleUndo  *undo,
                             GObject    *object,
                             GParamSpec *pspec)
{
  Step *step;
  gint64 now;

  if (undo->replaying)
    return;

  if (undo->open->len > 0)
    {
      Step *group = g_ptr_array_index (undo->open, undo->open->len - 1);
      PropKey key = { object, pspec };

      /* Only the value before the group counts; properties are independent of each other. */
      if (group->group.props != NULL && g_hash_table_contains (group->group.props, &key))
        return;
    }

  now = g_get_monotonic_time ();

  if (undo->open->len == 0 && undo->undo->len > 0 && !undo->sealed)
    {
      Step *top = g_ptr_array_index (undo->undo, undo->undo->len - 1);

      if (top->kind == STEP_PROPERTY &&
          top->prop.object == object &&
          top->prop.pspec == pspec &&
          pspec->value_type == G_TYPE_STRING &&
          top->serial != undo->saved_serial &&
          now - top->prop.time < MERGE_USEC)
        {
          top->prop.time = now;
          return;
        }
    }

  step = g_new0 (Step, 1);
  step->kind = STEP_PROPERTY;
  step->prop.owned = object != (GObject *) undo->owner;
  step->prop.object = step->prop.owned ? g_object_ref (object) : object;
  step->prop.pspec = pspec;
  step->prop.time = now;
  g_value_init (&step->prop.value, pspec->value_type);
  g_object_get_property (object, pspec->name, &step->prop.value);

  if (undo->open->len > 0)
    {
      Step *group = g_ptr_array_index (undo->open, undo->open->len - 1);
      PropKey *key = g_new (PropKey, 1);

      key->object = object;
      key->pspec = pspec;
      if (group->group.props == NULL)
        group->group.props = g_hash_table_new_full (prop_key_hash, prop_key_equal, g_free, NULL);
      g_hash_table_add (group->group.props, key);
    }

  push (undo, step);
}

void
_cycle_undo_record_splice (CycleUndo  *undo,
                           CycleStage *stage,
                           GListStore *store,
                           guint       position,
                           GPtrArray  *removed,
                           GPtrArray  *added)
{
  Step *step;

  if (undo->replaying)
    return;

  step = g_new0 (Step, 1);
  step->kind = STEP_SPLICE;
  step->splice.stage = stage != NULL ? g_object_ref (stage) : NULL;
  step->splice.store = g_object_ref (store);
  step->splice.position = position;
  step->splice.removed = g_ptr_array_ref (removed);
  step->splice.added = g_ptr_array_ref (added);

  push (undo, step);
}

void
_cycle_undo_record_extras (CycleUndo *undo,
                           GObject   *object)
{
  Step *step;

  if (undo->replaying)
    return;

  step = g_new0 (Step, 1);
  step->kind = STEP_EXTRAS;
  step->extras.owned = object != (GObject *) undo->owner;
  step->extras.object = step->extras.owned ? g_object_ref (object) : object;
  undo->funcs->get_extras (undo->owner, object, &step->extras.members,
                           &step->extras.purpose);

  push (undo, step);
}

void
_cycle_undo_begin_group (CycleUndo  *undo,
                         const char *label)
{
  Step *step;

  if (undo->replaying)
    return;

  step = g_new0 (Step, 1);
  step->kind = STEP_GROUP;
  step->group.label = g_strdup (label);
  step->group.steps = g_ptr_array_new_with_free_func (step_free);
  g_ptr_array_add (undo->open, step);
}

void
_cycle_undo_end_group (CycleUndo *undo)
{
  Step *step;

  if (undo->replaying)
    return;

  g_return_if_fail (undo->open->len > 0);

  step = g_ptr_array_steal_index (undo->open, undo->open->len - 1);
  g_clear_pointer (&step->group.props, g_hash_table_unref);

  if (step->group.steps->len == 0)
    {
      step_free (step);
      return;
    }

  if (undo->open->len > 0)
    {
      /* A nested group: its properties count as recorded in the parent too. */
      Step *parent = g_ptr_array_index (undo->open, undo->open->len - 1);
      g_ptr_array_add (parent->group.steps, step);
      return;
    }

  step->serial = undo->next_serial++;
  g_ptr_array_add (undo->undo, step);
  undo->sealed = TRUE;
  changed (undo);
}

static void
apply (CycleUndo *undo,
       Step      *step,
       gboolean   backwards)
{
  switch (step->kind)
    {
    case STEP_PROPERTY:
      {
        GValue current = G_VALUE_INIT;

        g_value_init (&current, step->prop.pspec->value_type);
        g_object_get_property (step->prop.object, step->prop.pspec->name, &current);
        g_object_set_property (step->prop.object, step->prop.pspec->name, &step->prop.value);
        g_value_unset (&step->prop.value);
        step->prop.value = current;
      }
      break;

    case STEP_SPLICE:
      {
        GPtrArray *tmp;

        undo->funcs->splice (undo->owner, step->splice.stage, step->splice.store,
                             step->splice.position, step->splice.added->len,
                             step->splice.removed->pdata, step->splice.removed->len);
        tmp = step->splice.removed;
        step->splice.removed = step->splice.added;
        step->splice.added = tmp;
      }
      break;

    case STEP_EXTRAS:
      {
        CycleJsonMembers *members, *purpose;

        undo->funcs->get_extras (undo->owner, step->extras.object, &members, &purpose);
        undo->funcs->take_extras (undo->owner, step->extras.object, step->extras.members,
                                  step->extras.purpose);
        step->extras.members = members;
        step->extras.purpose = purpose;
      }
      break;

    case STEP_GROUP:
      if (backwards)
        {
          for (guint i = step->group.steps->len; i > 0; i--)
            apply (undo, g_ptr_array_index (step->group.steps, i - 1), TRUE);
        }
      else
        {
          for (guint i = 0; i < step->group.steps->len; i++)
            apply (undo, g_ptr_array_index (step->group.steps, i), FALSE);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
close_open_groups (CycleUndo *undo)
{
  while (undo->open->len > 0)
    _cycle_undo_end_group (undo);
}

static gboolean
move_step (CycleUndo *undo,
           GPtrArray *from,
           GPtrArray *to,
           gboolean   backwards)
{
  Step *step;

  close_open_groups (undo);

  if (from->len == 0)
    return FALSE;

  step = g_ptr_array_steal_index (from, from->len - 1);
  undo->replaying = TRUE;
  apply (undo, step, backwards);
  undo->replaying = FALSE;
  g_ptr_array_add (to, step);
  undo->sealed = TRUE;
  changed (undo);

  return TRUE;
}

gboolean
_cycle_undo_undo (CycleUndo *undo)
{
  return move_step (undo, undo->undo, undo->redo, TRUE);
}

gboolean
_cycle_undo_redo (CycleUndo *undo)
{
  return move_step (undo, undo->redo, undo->undo, FALSE);
}

void
_cycle_undo_seal (CycleUndo *undo)
{
  undo->sealed = TRUE;
}

void
_cycle_undo_clear (CycleUndo *undo)
{
  gboolean was_modified = _cycle_undo_is_modified (undo);

  g_ptr_array_set_size (undo->open, 0);
  g_ptr_array_set_size (undo->redo, 0);
  g_ptr_array_set_size (undo->undo, 0);
  undo->saved_serial = was_modified ? SERIAL_UNREACHABLE : 0;
  changed (undo);
}

void
_cycle_undo_mark_saved (CycleUndo *undo)
{
  close_open_groups (undo);
  undo->saved_serial = top_serial (undo);
  undo->sealed = TRUE;
  changed (undo);
}

void
_cycle_undo_mark_unsaved (CycleUndo *undo)
{
  undo->saved_serial = SERIAL_UNREACHABLE;
  changed (undo);
}

gboolean
_cycle_undo_is_modified (CycleUndo *undo)
{
  for (guint i = 0; i < undo->open->len; i++)
    if (((Step *)g_ptr_array_index (undo->open, i))->group.steps->len > 0)
      return TRUE;

  return top_serial (undo) != undo->saved_serial;
}

gboolean
_cycle_undo_is_replaying (CycleUndo *undo)
{
  return undo->replaying;
}

gboolean
_cycle_undo_can_undo (CycleUndo *undo)
{
  return undo->undo->len > 0 || (undo->open->len > 0 && _cycle_undo_is_modified (undo));
}

gboolean
_cycle_undo_can_redo (CycleUndo *undo)
{
  return undo->redo->len > 0;
}

static const char *
step_label (Step  *step,
            char **slot)
{
  g_clear_pointer (slot, g_free);

  switch (step->kind)
    {
    case STEP_PROPERTY:
      {
        const char *nick = g_param_spec_get_nick (step->prop.pspec);
        /* Translators: what undo would do, e.g. "Change Name" */
        *slot = g_strdup_printf (_("Change %s"), nick != NULL ? _(nick) : "");
      }
      break;
    case STEP_SPLICE:
    case STEP_EXTRAS:
      *slot = g_strdup (_("Edit"));
      break;
    case STEP_GROUP:
      *slot = g_strdup (step->group.label != NULL ? step->group.label : _("Edit"));
      break;
    default:
      g_assert_not_reached ();
    }

  return *slot;
}

const char *
_cycle_undo_get_undo_label (CycleUndo *undo)
{
  if (undo->undo->len == 0)
    return NULL;
  return step_label (g_ptr_array_index (undo->undo, undo->undo->len - 1), &undo->undo_label);
}

const char *
_cycle_undo_get_redo_label (CycleUndo *undo)
{
  if (undo->redo->len == 0)
    return NULL;
  return step_label (g_ptr_array_index (undo->redo, undo->redo->len - 1), &undo->redo_label);
}
