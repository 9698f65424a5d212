/* cycle-format.h: the one way Cycle writes a number for people, in the interface's language
 *
 * "1,000", "27.5", "4%" and "≈ 1,000 people" in English; « 1 000 », « 27,5 », « 4 % » and
 * « ≈ 1 000 personnes » in French. The decimal mark and the digit group separator come from the
 * translation, not from LC_NUMERIC, so that a view, an export and cycle-tool write the same
 * number the same way, whatever locales the machine has. Files (JSON, CSV for scripts) never use
 * these: they write numbers as JSON does.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Up to two decimals (three below 1), trailing zeros dropped, digits grouped: "1,234.5",
 * "0.045". "?" for NaN, "∞" for infinity. */
/* The decimal mark of numbers shown to people: "." or "," (from the translation). */
const char *cycle_format_get_decimal_mark (void);
char *cycle_format_number  (double value);
/* A whole number of people or things, grouped: "1,235". */
char *cycle_format_count   (double value);
/* A fraction as a percentage: whole above 10 % ("45%"), one decimal below ("4.5%", "0.3%"),
 * "< 0.1%" for a tiny share that is not 0. "?" for NaN. */
char *cycle_format_percent (double fraction);
/* A projected number of people: "≈ 1,000 people", "≈ 1 person", "< 1 person" for a share of
 * one, "0 people". "?" for NaN. */
char *cycle_format_people  (double volume);
/* How many times: "×1.25". */
char *cycle_format_times   (double factor);

/* Reads a number as people type it, the inverse of the above: digits grouped or not (by the
 * language's separator, a space, a no-break or a narrow no-break space; "," in English when
 * it groups by three: "1,000"), the language's decimal mark or ".", an optional sign. "12,5"
 * is 12.5 in any language. FALSE for anything else, or an empty text. */
gboolean cycle_format_parse_number (const char *text,
                                    double     *value);

G_END_DECLS
