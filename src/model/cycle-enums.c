/* cycle-enums.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-enums"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-enums.h"

/* One table a type: the nick is what the file says, the label what a person reads. */
typedef struct
{
  const char *nick;
  const char *label;
} EnumEntry;

static const EnumEntry layout_entries[] = {
  { "free", N_("Free") },
  { "funnel", N_("Funnel") },
  { "cycle", N_("Cycle") },
  { "two-lanes", N_("Two Lanes") },
};

static const EnumEntry finding_kind_entries[] = {
  { "permission", N_("Permission ladder") },
  { "give-before-ask", N_("Give before you ask") },
  { "cycle", N_("The cycle") },
  { "coverage", N_("Coverage") },
  { "why", N_("The why") },
  { "consistency", N_("Consistency") },
};

static const EnumEntry severity_entries[] = {
  { "info", N_("Note") },
  { "warning", N_("Warning") },
  { "error", N_("Error") },
};

static const EnumEntry lane_entries[] = {
  { "internal", N_("Internal funnel") },
  { "journey", N_("Buyer’s journey") },
};

static const EnumEntry permission_entries[] = {
  { "none", N_("No permission") },
  { "situational", N_("Situational") },
  { "brand-trust", N_("Brand trust") },
  { "personal", N_("Personal relationship") },
  { "points", N_("Points") },
  { "intravenous", N_("Intravenous") },
};

static const EnumEntry role_entries[] = {
  { "none", N_("No role") },
  { "attract", N_("Attract") },
  { "engage", N_("Engage") },
  { "convert", N_("Convert (the purchase)") },
  { "retain", N_("Retain") },
  { "advocate", N_("Advocate") },
};

static const EnumEntry link_kind_entries[] = {
  { "next", N_("Next step") },
  { "loop", N_("Loop or referral back") },
  { "mapping", N_("Mapping between lanes") },
};

static const EnumEntry commitment_entries[] = {
  { "none", N_("Nothing") },
  { "read", N_("Read or watch") },
  { "follow", N_("Follow") },
  { "survey", N_("Answer a survey") },
  { "email", N_("E-mail address") },
  { "account", N_("Create an account") },
  { "call", N_("Book a call or demo") },
  { "payment", N_("Pay") },
  { "stored-card", N_("Store a card") },
  { "referral", N_("Refer a friend") },
};

static const EnumEntry direction_entries[] = {
  { "gives", N_("Gives") },
  { "asks", N_("Asks") },
  { "auto", N_("As the call to action says") },
};

static const EnumEntry consent_entries[] = {
  { "unsaid", N_("Not said") },
  { "explicit", N_("Explicit (opt-in)") },
  { "implicit", N_("Implicit (pre-ticked, inferred)") },
};

static const EnumEntry status_entries[] = {
  { "idea", N_("Idea") },
  { "draft", N_("Draft") },
  { "scheduled", N_("Scheduled") },
  { "published", N_("Published") },
};

static const EnumEntry repeat_entries[] = {
  { "none", N_("Does not repeat") },
  { "daily", N_("Daily") },
  { "weekly", N_("Weekly") },
  { "monthly", N_("Monthly") },
};

static GType
register_enum (const char      *name,
               const EnumEntry *entries,
               guint            n_entries)
{
  /* Leaked on purpose: a static type's values live as long as the process. */
  GEnumValue *values = g_new0 (GEnumValue, n_entries + 1);

  for (guint i = 0; i < n_entries; i++)
    {
      values[i].value = i;
      values[i].value_name = entries[i].nick;
      values[i].value_nick = entries[i].nick;
    }

  return g_enum_register_static (name, values);
}

#define DEFINE_ENUM_TYPE(TypeName, type_name, entries)                  \
  GType                                                                 \
  type_name##_get_type (void)                                           \
  {                                                                     \
    static gsize type_id;                                               \
    if (g_once_init_enter (&type_id))                                   \
      g_once_init_leave (&type_id,                                      \
                         register_enum (#TypeName, entries,             \
                                        G_N_ELEMENTS (entries)));       \
    return type_id;                                                     \
  }

DEFINE_ENUM_TYPE (CycleLayout, cycle_layout, layout_entries)
DEFINE_ENUM_TYPE (CycleFindingKind, cycle_finding_kind, finding_kind_entries)
DEFINE_ENUM_TYPE (CycleSeverity, cycle_severity, severity_entries)
DEFINE_ENUM_TYPE (CycleLane, cycle_lane, lane_entries)
DEFINE_ENUM_TYPE (CyclePermission, cycle_permission, permission_entries)
DEFINE_ENUM_TYPE (CycleRole, cycle_role, role_entries)
DEFINE_ENUM_TYPE (CycleLinkKind, cycle_link_kind, link_kind_entries)
DEFINE_ENUM_TYPE (CycleCommitment, cycle_commitment, commitment_entries)
DEFINE_ENUM_TYPE (CycleDirection, cycle_direction, direction_entries)
DEFINE_ENUM_TYPE (CycleStatus, cycle_status, status_entries)
DEFINE_ENUM_TYPE (CycleConsent, cycle_consent, consent_entries)
DEFINE_ENUM_TYPE (CycleRepeat, cycle_repeat, repeat_entries)

static const EnumEntry *
lookup_entries (GType  enum_type,
                guint *n_entries)
{
  static const struct {
    GType (*get_type) (void);
    const EnumEntry *entries;
    guint n_entries;
  } tables[] = {
    { cycle_layout_get_type, layout_entries, G_N_ELEMENTS (layout_entries) },
    { cycle_finding_kind_get_type, finding_kind_entries, G_N_ELEMENTS (finding_kind_entries) },
    { cycle_severity_get_type, severity_entries, G_N_ELEMENTS (severity_entries) },
    { cycle_lane_get_type, lane_entries, G_N_ELEMENTS (lane_entries) },
    { cycle_permission_get_type, permission_entries, G_N_ELEMENTS (permission_entries) },
    { cycle_role_get_type, role_entries, G_N_ELEMENTS (role_entries) },
    { cycle_link_kind_get_type, link_kind_entries, G_N_ELEMENTS (link_kind_entries) },
    { cycle_commitment_get_type, commitment_entries, G_N_ELEMENTS (commitment_entries) },
    { cycle_direction_get_type, direction_entries, G_N_ELEMENTS (direction_entries) },
    { cycle_status_get_type, status_entries, G_N_ELEMENTS (status_entries) },
    { cycle_consent_get_type, consent_entries, G_N_ELEMENTS (consent_entries) },
    { cycle_repeat_get_type, repeat_entries, G_N_ELEMENTS (repeat_entries) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (tables[i].get_type () == enum_type)
        {
          *n_entries = tables[i].n_entries;
          return tables[i].entries;
        }
    }

  g_return_val_if_reached (NULL);
}

const char *
cycle_enum_to_nick (GType enum_type,
                    int   value)
{
  guint n;
  const EnumEntry *entries = lookup_entries (enum_type, &n);

  g_return_val_if_fail (entries != NULL, NULL);
  g_return_val_if_fail (value >= 0 && (guint)value < n, NULL);

  return entries[value].nick;
}

gboolean
cycle_enum_from_nick (GType       enum_type,
                      const char *nick,
                      int        *value)
{
  guint n;
  const EnumEntry *entries = lookup_entries (enum_type, &n);

  g_return_val_if_fail (entries != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      if (strcmp (entries[i].nick, nick) == 0)
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
cycle_enum_from_text (GType       enum_type,
                      const char *text,
                      int        *value)
{
  guint n;
  const EnumEntry *entries = lookup_entries (enum_type, &n);
  g_autofree char *folded = NULL;

  g_return_val_if_fail (entries != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < n; i++)
    {
      const char *labels[] = { entries[i].nick, entries[i].label, _(entries[i].label) };

      for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
        {
          g_autofree char *candidate = g_utf8_casefold (labels[l], -1);

          if (strcmp (candidate, folded) == 0)
            {
              *value = i;
              return TRUE;
            }
        }
    }

  return FALSE;
}

const char *
cycle_enum_get_label (GType enum_type,
                      int   value)
{
  guint n;
  const EnumEntry *entries = lookup_entries (enum_type, &n);

  g_return_val_if_fail (entries != NULL, NULL);
  g_return_val_if_fail (value >= 0 && (guint)value < n, NULL);

  return _(entries[value].label);
}

char *
cycle_enum_list_nicks (GType enum_type)
{
  guint n;
  const EnumEntry *entries = lookup_entries (enum_type, &n);
  GString *str = g_string_new (NULL);

  /* The same strings as the checks' lists of names, so that French gets « guillemets ». */
  for (guint i = 0; entries != NULL && i < n; i++)
    g_string_append_printf (str, i > 0 ? _(", “%s”") : _("“%s”"), entries[i].nick);

  return g_string_free (str, FALSE);
}

guint
cycle_enum_count (GType enum_type)
{
  guint n = 0;

  lookup_entries (enum_type, &n);
  return n;
}

CyclePermission
cycle_commitment_required_permission (CycleCommitment commitment)
{
  /* Godin's ladder: reading asks for nothing; an e-mail address needs the trust a brand has
   * earned, and so does a survey (seed 002 names both as what a visitor will not give on
   * arrival); a call needs a relationship; money needs points; a stored card is intravenous. */
  switch (commitment)
    {
    case CYCLE_COMMITMENT_NONE:
    case CYCLE_COMMITMENT_READ:
      return CYCLE_PERMISSION_NONE;
    case CYCLE_COMMITMENT_FOLLOW:
      return CYCLE_PERMISSION_SITUATIONAL;
    case CYCLE_COMMITMENT_SURVEY:
    case CYCLE_COMMITMENT_EMAIL:
    case CYCLE_COMMITMENT_ACCOUNT:
      return CYCLE_PERMISSION_BRAND_TRUST;
    case CYCLE_COMMITMENT_CALL:
    case CYCLE_COMMITMENT_REFERRAL:
      return CYCLE_PERMISSION_PERSONAL;
    case CYCLE_COMMITMENT_PAYMENT:
      return CYCLE_PERMISSION_POINTS;
    case CYCLE_COMMITMENT_STORED_CARD:
      return CYCLE_PERMISSION_INTRAVENOUS;
    default:
      g_return_val_if_reached (CYCLE_PERMISSION_INTRAVENOUS);
    }
}

CyclePermission
cycle_commitment_required_permission_at (CycleCommitment commitment,
                                         CycleRole       role)
{
  gboolean buying = role == CYCLE_ROLE_CONVERT || role == CYCLE_ROLE_RETAIN ||
                    role == CYCLE_ROLE_ADVOCATE;

  if (buying && commitment == CYCLE_COMMITMENT_PAYMENT)
    return CYCLE_PERMISSION_BRAND_TRUST;
  if (buying && commitment == CYCLE_COMMITMENT_STORED_CARD)
    return CYCLE_PERMISSION_PERSONAL;
  return cycle_commitment_required_permission (commitment);
}

CycleDirection
cycle_commitment_get_direction (CycleCommitment commitment)
{
  return commitment <= CYCLE_COMMITMENT_FOLLOW ? CYCLE_DIRECTION_GIVES : CYCLE_DIRECTION_ASKS;
}

gboolean
cycle_commitment_needs_consent (CycleCommitment commitment)
{
  return commitment == CYCLE_COMMITMENT_EMAIL || commitment == CYCLE_COMMITMENT_STORED_CARD;
}
