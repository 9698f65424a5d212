/* cycle-channel.h: what a channel is to the person it reaches, and content that listens
 *
 * A channel is free text; these read it against tables of known words, in English and French,
 * whatever the interface speaks (seed 001: gather people, don't hunt them; seed 003: trust
 * your audience, ask them).
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "cycle-types.h"

G_BEGIN_DECLS

typedef enum {
  CYCLE_CHANNEL_UNKNOWN,      /* e-mail, social, partners…: depends on how it is used */
  CYCLE_CHANNEL_CHOSEN,       /* the person comes: search, blog, opt-in newsletter, community… */
  CYCLE_CHANNEL_INTRUSIVE,    /* it comes to the person: pop-up, retargeting, cold call… */
} CycleChannelNature;

CycleChannelNature cycle_channel_get_nature (const char   *channel);
/* TRUE for content that asks people what they want and hears it: a survey, feedback,
 * questions, a community (read from its format and channel). */
gboolean           cycle_content_listens    (CycleContent *content);

G_END_DECLS
