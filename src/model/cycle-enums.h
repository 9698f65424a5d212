/* cycle-enums.h: the closed vocabularies of a plan
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Which lane a stage belongs to: the company's own funnel, or the buyer's process. */
typedef enum {
  CYCLE_LANE_INTERNAL,
  CYCLE_LANE_JOURNEY,
} CycleLane;

/* What a stage is in the engagement cycle, close to Robert Rose's content marketing cycle:
 * people are attracted, engaged, convert (the purchase, or whatever the plan asks for in the
 * end), are retained, and advocate (bring the next people). NONE: not said; the checks that
 * need the purchase ask for it rather than guess. */
typedef enum {
  CYCLE_ROLE_NONE,
  CYCLE_ROLE_ATTRACT,
  CYCLE_ROLE_ENGAGE,
  CYCLE_ROLE_CONVERT,
  CYCLE_ROLE_RETAIN,
  CYCLE_ROLE_ADVOCATE,
} CycleRole;

/* Seth Godin's permission ladder, lowest to highest. */
typedef enum {
  CYCLE_PERMISSION_NONE,
  CYCLE_PERMISSION_SITUATIONAL,
  CYCLE_PERMISSION_BRAND_TRUST,
  CYCLE_PERMISSION_PERSONAL,
  CYCLE_PERMISSION_POINTS,
  CYCLE_PERMISSION_INTRAVENOUS,
} CyclePermission;

typedef enum {
  CYCLE_LINK_NEXT,
  CYCLE_LINK_LOOP,
  CYCLE_LINK_MAPPING,
} CycleLinkKind;

/* What a call to action asks of a person, least to most. */
typedef enum {
  CYCLE_COMMITMENT_NONE,
  CYCLE_COMMITMENT_READ,
  CYCLE_COMMITMENT_FOLLOW,
  CYCLE_COMMITMENT_SURVEY,
  CYCLE_COMMITMENT_EMAIL,
  CYCLE_COMMITMENT_ACCOUNT,
  CYCLE_COMMITMENT_CALL,
  CYCLE_COMMITMENT_PAYMENT,
  CYCLE_COMMITMENT_STORED_CARD,
  CYCLE_COMMITMENT_REFERRAL,
} CycleCommitment;

/* Whether content gives or asks. AUTO: as its call to action does
 * (cycle_commitment_get_direction()); GIVES and ASKS are the user's own word, which wins. */
typedef enum {
  CYCLE_DIRECTION_GIVES,
  CYCLE_DIRECTION_ASKS,
  CYCLE_DIRECTION_AUTO,
} CycleDirection;

/* How content that asks for an e-mail address or a card to keep gets the person's consent
 * (seed 002: permission is implicit or explicit). UNSAID: the plan does not say. */
typedef enum {
  CYCLE_CONSENT_UNSAID,
  CYCLE_CONSENT_EXPLICIT,
  CYCLE_CONSENT_IMPLICIT,
} CycleConsent;

typedef enum {
  CYCLE_STATUS_IDEA,
  CYCLE_STATUS_DRAFT,
  CYCLE_STATUS_SCHEDULED,
  CYCLE_STATUS_PUBLISHED,
} CycleStatus;

/* How often content comes back (a weekly newsletter), every cycle_content_get_repeat_interval()
 * days, weeks or months from its due date. */
typedef enum {
  CYCLE_REPEAT_NONE,
  CYCLE_REPEAT_DAILY,
  CYCLE_REPEAT_WEEKLY,
  CYCLE_REPEAT_MONTHLY,
} CycleRepeat;

/* How the canvas arranges the stages. Only "free" uses the stages' own positions. */
typedef enum {
  CYCLE_LAYOUT_FREE,
  CYCLE_LAYOUT_FUNNEL,
  CYCLE_LAYOUT_CYCLE,
  CYCLE_LAYOUT_TWO_LANES,
} CycleLayout;

/* Which idea of the engagement cycle the finding is about. */
typedef enum {
  CYCLE_FINDING_PERMISSION,        /* "permission": asks more than the stage has earned */
  CYCLE_FINDING_GIVE_BEFORE_ASK,   /* "give-before-ask": a stage that only asks */
  CYCLE_FINDING_CYCLE,             /* "cycle": nothing after the purchase, no referral loop */
  CYCLE_FINDING_COVERAGE,          /* "coverage": empty stages, personas left out */
  CYCLE_FINDING_WHY,               /* "why": no why, or selling at the top of the funnel */
  CYCLE_FINDING_CONSISTENCY,       /* "consistency": broken paths, rates a projection needs */
} CycleFindingKind;

/* Lowest to highest, so that "at least a warning" is a comparison. */
typedef enum {
  CYCLE_SEVERITY_INFO,             /* "info" */
  CYCLE_SEVERITY_WARNING,          /* "warning" */
  CYCLE_SEVERITY_ERROR,            /* "error" */
} CycleSeverity;


#define CYCLE_TYPE_LAYOUT      (cycle_layout_get_type ())
#define CYCLE_TYPE_FINDING_KIND (cycle_finding_kind_get_type ())
#define CYCLE_TYPE_SEVERITY    (cycle_severity_get_type ())
#define CYCLE_TYPE_LANE        (cycle_lane_get_type ())
#define CYCLE_TYPE_PERMISSION  (cycle_permission_get_type ())
#define CYCLE_TYPE_ROLE        (cycle_role_get_type ())
#define CYCLE_TYPE_LINK_KIND   (cycle_link_kind_get_type ())
#define CYCLE_TYPE_COMMITMENT  (cycle_commitment_get_type ())
#define CYCLE_TYPE_DIRECTION   (cycle_direction_get_type ())
#define CYCLE_TYPE_STATUS      (cycle_status_get_type ())
#define CYCLE_TYPE_CONSENT     (cycle_consent_get_type ())
#define CYCLE_TYPE_REPEAT      (cycle_repeat_get_type ())

GType cycle_layout_get_type     (void) G_GNUC_CONST;
GType cycle_finding_kind_get_type (void) G_GNUC_CONST;
GType cycle_severity_get_type   (void) G_GNUC_CONST;
GType cycle_lane_get_type       (void) G_GNUC_CONST;
GType cycle_permission_get_type (void) G_GNUC_CONST;
GType cycle_role_get_type       (void) G_GNUC_CONST;
GType cycle_link_kind_get_type  (void) G_GNUC_CONST;
GType cycle_commitment_get_type (void) G_GNUC_CONST;
GType cycle_direction_get_type  (void) G_GNUC_CONST;
GType cycle_status_get_type     (void) G_GNUC_CONST;
GType cycle_consent_get_type    (void) G_GNUC_CONST;
GType cycle_repeat_get_type     (void) G_GNUC_CONST;

/* The nick is the word used in the file ("brand-trust"); the label is translated for people. */
const char *cycle_enum_to_nick   (GType enum_type,
                                  int   value);
gboolean    cycle_enum_from_nick (GType       enum_type,
                                  const char *nick,
                                  int        *value);
/* As people write a value: its nick, its English label or its translated one, in any case. */
gboolean    cycle_enum_from_text (GType       enum_type,
                                  const char *text,
                                  int        *value);
const char *cycle_enum_get_label (GType enum_type,
                                  int   value);
/* "visitors", "leads"…: every nick of the type, separated by ", ", for error messages. */
char       *cycle_enum_list_nicks (GType enum_type);
guint       cycle_enum_count     (GType enum_type);

/* The permission a person must have given before a call to action can ask for @commitment,
 * anywhere in the funnel. Money is judged by where it is asked (see the checker's rules): at the
 * purchase and after it, cycle_commitment_required_permission_at() asks less. */
CyclePermission cycle_commitment_required_permission (CycleCommitment commitment);
/* The same, at a stage whose role is @role: paying needs brand trust at the purchase and after
 * it (people came to buy), points before; a card to keep needs a personal relationship there,
 * intravenous trust before. */
CyclePermission cycle_commitment_required_permission_at (CycleCommitment commitment,
                                                         CycleRole       role);
/* Whether a call to action that asks for @commitment gives (nothing, reading, following) or asks
 * (a survey, an address, an account, a call, money, a card, a referral). */
CycleDirection  cycle_commitment_get_direction       (CycleCommitment commitment);
/* Whether consent matters for @commitment: an e-mail address or a card to keep on file. */
gboolean        cycle_commitment_needs_consent       (CycleCommitment commitment);

G_END_DECLS
