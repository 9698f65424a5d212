/* cycle-format.c
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-format"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-format.h"

static const char *
decimal_mark (void)
{
  /* Translators: the decimal mark of numbers shown to people: "." in English, "," in French */
  return C_("decimal mark", ".");
}

const char *
cycle_format_get_decimal_mark (void)
{
  return decimal_mark ();
}

static const char *
group_separator (void)
{
  /* Translators: what separates groups of three digits: "," in English ("1,000"); French uses
   * a narrow no-break space (U+202F: "1 000"); leave it empty for no grouping */
  return C_("digit group separator", ",");
}

/* @digits ("-1234.50" as C writes it, with "." as its mark) grouped and with the language's
 * mark, trailing zeros of the decimals dropped. */
static char *
localize (const char *digits)
{
  const char *point = strchr (digits, '.');
  const char *start = digits[0] == '-' ? digits + 1 : digits;
  gsize int_len = (point != NULL ? (gsize)(point - start) : strlen (start));
  GString *out = g_string_new (NULL);

  if (start != digits)
    g_string_append_c (out, '-');
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0 && int_len > 3)
        g_string_append (out, group_separator ());
      g_string_append_c (out, start[i]);
    }

  if (point != NULL)
    {
      gsize len = strlen (point + 1);

      while (len > 0 && point[len] == '0')
        len--;
      if (len > 0)
        {
          g_string_append (out, decimal_mark ());
          g_string_append_len (out, point + 1, len);
        }
    }

  /* "-0" after rounding reads as 0. */
  if (strcmp (out->str, "-0") == 0)
    g_string_assign (out, "0");

  return g_string_free (out, FALSE);
}

static char *
format_fixed (double value,
              int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 32];
  char format[8];

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);
  return localize (buffer);
}

char *
cycle_format_number (double value)
{
  if (isnan (value))
    return g_strdup ("?");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "-∞");
  if (fabs (value) < 0.0005)
    value = 0.0;

  return format_fixed (value, fabs (value) < 1.0 ? 3 : 2);
}

char *
cycle_format_count (double value)
{
  if (isnan (value))
    return g_strdup ("?");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "-∞");

  return format_fixed (round (value), 0);
}

char *
cycle_format_percent (double fraction)
{
  g_autofree char *number = NULL;
  double percent = fraction * 100.0;

  if (isnan (fraction))
    return g_strdup ("?");

  if (percent > 0.0 && percent < 0.05)
    {
      g_autofree char *tenth = format_fixed (0.1, 1);
      /* Translators: a share too small to show, below 0.1 %; %s is "0.1" */
      return g_strdup_printf (_("< %s%%"), tenth);
    }

  if (fabs (percent) >= 9.95 || fabs (percent - round (percent)) < 0.05)
    number = format_fixed (percent, 0);
  else
    number = format_fixed (percent, 1);

  /* Translators: a percentage, "4%"; French writes a narrow no-break space before the sign */
  return g_strdup_printf (_("%s%%"), number);
}

char *
cycle_format_people (double volume)
{
  g_autofree char *number = NULL;
  double rounded;

  if (isnan (volume))
    return g_strdup ("?");
  if (volume == 0.0)
    /* Translators: a projected number of people that is exactly none */
    return g_strdup (_("0 people"));
  if (volume > 0.0 && volume < 0.5)
    /* Translators: a projected number of people below one (a share of a person) */
    return g_strdup (_("< 1 person"));

  rounded = round (volume);
  number = cycle_format_count (rounded);
  /* Translators: the projected number of people in a stage; %s is the number, its digits
   * already grouped ("1 000") */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "≈ %s person", "≈ %s people",
                                       rounded >= G_MAXULONG ? G_MAXULONG : (gulong) rounded),
                          number);
}

char *
cycle_format_times (double factor)
{
  g_autofree char *number = cycle_format_number (factor);

  /* Translators: how many times something multiplies, "×1.25" */
  return g_strdup_printf (_("×%s"), number);
}

/* "1,000", "12,345,678.5": commas grouping digits by three, as English writes them. */
static gboolean
is_grouped_by_commas (const char *text)
{
  const char *p = text;
  guint run = 0;
  gboolean grouped = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  /* "0,045" is a decimal, however many digits follow. */
  if (*p == '0')
    return FALSE;
  for (; *p != '\0' && *p != '.'; p++)
    {
      if (g_ascii_isdigit (*p))
        run++;
      else if (*p == ',' && run > 0 && (grouped ? run == 3 : run <= 3))
        {
          grouped = TRUE;
          run = 0;
        }
      else
        return FALSE;
    }
  return grouped && run == 3;
}

gboolean
cycle_format_parse_number (const char *text,
                           double     *value)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean comma_groups;
  char *end = NULL;
  double v;

  g_return_val_if_fail (value != NULL, FALSE);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  /* Spaces of any kind group digits (the translations' separators are a space or ","). */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x00A0 && c != 0x202F)
        g_string_append_unichar (digits, c);
    }
  if (digits->len == 0)
    return FALSE;

  /* A comma groups only in a language whose decimal mark is "." and where it groups by three;
   * anywhere else it is a decimal mark ("12,5"). */
  comma_groups = strcmp (decimal_mark (), ".") == 0 && is_grouped_by_commas (digits->str);
  for (gsize i = 0; i < digits->len; i++)
    if (digits->str[i] == ',')
      {
        if (comma_groups)
          g_string_erase (digits, i--, 1);
        else
          digits->str[i] = '.';
      }

  /* Digits, a sign first, a mark: no exponent, hexadecimal, "inf" or "nan" as strtod reads. */
  for (gsize i = 0; i < digits->len; i++)
    if (!g_ascii_isdigit (digits->str[i]) && digits->str[i] != '.' &&
        !(i == 0 && (digits->str[i] == '-' || digits->str[i] == '+')))
      return FALSE;
  v = g_ascii_strtod (digits->str, &end);
  if (end == digits->str || *end != '\0' || !isfinite (v))
    return FALSE;

  *value = v;
  return TRUE;
}
