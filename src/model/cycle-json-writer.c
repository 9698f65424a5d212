/* cycle-json-writer.c: the canonical JSON writer (the strict reader is cycle-json.c)
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cycle-json.h"

/* The writer */

void
cycle_json_write_string (GString    *out,
                         const char *str)
{
  static const char hex[] = "0123456789abcdef";
  const char *run;
  const char *p;

  g_return_if_fail (out != NULL);
  g_return_if_fail (str != NULL);

  g_string_append_c (out, '"');
  for (run = p = str; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;
      const char *escape;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':  escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\b': escape = "\\b";  break;
        case '\f': escape = "\\f";  break;
        case '\n': escape = "\\n";  break;
        case '\r': escape = "\\r";  break;
        case '\t': escape = "\\t";  break;
        default:   escape = NULL;   break;
        }

      if (escape != NULL)
        {
          g_string_append (out, escape);
        }
      else
        {
          char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF] };

          g_string_append_len (out, u, sizeof u);
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

void
cycle_json_write_double (GString *out,
                         double   value)
{
  static const char *const formats[] = {
    "%.1g", "%.2g", "%.3g", "%.4g", "%.5g", "%.6g", "%.7g", "%.8g", "%.9g",
    "%.10g", "%.11g", "%.12g", "%.13g", "%.14g", "%.15g", "%.16g", "%.17g",
  };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  guint i;

  g_return_if_fail (out != NULL);
  g_return_if_fail (isfinite (value));

  /* Integers print as integers (and -0 as 0) */
  if (value == floor (value) && fabs (value) < (double) CYCLE_JSON_MAX_SAFE_INTEGER)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }

  /* The fewest digits that read back to the same double. %g never writes "inf", ".5" or "5.";
   * with 17 digits every double reads back. */
  for (i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
}

void
cycle_json_write_indent (GString *out,
                         guint    depth)
{
  g_return_if_fail (out != NULL);

  for (; depth > 0; depth--)
    g_string_append_len (out, "  ", 2);
}

void
cycle_json_object_begin (CycleJsonObjectWriter *writer,
                         GString               *out,
                         guint                  depth)
{
  g_return_if_fail (writer != NULL && out != NULL);

  writer->out = out;
  writer->depth = depth;
  writer->empty = TRUE;
  g_string_append_c (out, '{');
}

void
cycle_json_object_key (CycleJsonObjectWriter *writer,
                       const char            *key)
{
  g_return_if_fail (writer != NULL && key != NULL);

  g_string_append (writer->out, writer->empty ? "\n" : ",\n");
  writer->empty = FALSE;
  cycle_json_write_indent (writer->out, writer->depth + 1);
  cycle_json_write_string (writer->out, key);
  g_string_append (writer->out, ": ");
}

void
cycle_json_object_end (CycleJsonObjectWriter *writer)
{
  g_return_if_fail (writer != NULL);

  if (!writer->empty)
    {
      g_string_append_c (writer->out, '\n');
      cycle_json_write_indent (writer->out, writer->depth);
    }
  g_string_append_c (writer->out, '}');
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
write_value (GString  *out,
             JsonNode *node)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_INT64)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
    }
  else if (type == G_TYPE_DOUBLE)
    {
      /* JSON has no NaN or infinity: such a value (set in code, never loaded) becomes null
       * rather than a file nothing can read back. */
      if (isfinite (json_node_get_double (node)))
        cycle_json_write_double (out, json_node_get_double (node));
      else
        g_string_append (out, "null");
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
    }
  else if (type == G_TYPE_STRING)
    {
      const char *str = json_node_get_string (node);

      cycle_json_write_string (out, str != NULL ? str : "");
    }
  else
    {
      g_critical ("%s: cannot write a JSON value of type %s", G_STRFUNC, g_type_name (type));
      g_string_append (out, "null");
    }
}

void
cycle_json_write_node (GString  *out,
                       JsonNode *node,
                       guint     depth)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (node != NULL);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GPtrArray) keys = NULL;
        GList *members;
        GList *l;
        guint i;

        members = object != NULL ? json_object_get_members (object) : NULL;
        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }

        keys = g_ptr_array_new ();
        for (l = members; l != NULL; l = l->next)
          g_ptr_array_add (keys, l->data);
        g_list_free (members);
        g_ptr_array_sort (keys, compare_keys);

        g_string_append (out, "{\n");
        for (i = 0; i < keys->len; i++)
          {
            const char *key = g_ptr_array_index (keys, i);

            cycle_json_write_indent (out, depth + 1);
            cycle_json_write_string (out, key);
            g_string_append (out, ": ");
            cycle_json_write_node (out, json_object_get_member (object, key), depth + 1);
            g_string_append (out, i + 1 < keys->len ? ",\n" : "\n");
          }
        cycle_json_write_indent (out, depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = array != NULL ? json_array_get_length (array) : 0;
        guint i;

        if (length == 0)
          {
            g_string_append (out, "[]");
            break;
          }

        g_string_append (out, "[\n");
        for (i = 0; i < length; i++)
          {
            cycle_json_write_indent (out, depth + 1);
            cycle_json_write_node (out, json_array_get_element (array, i), depth + 1);
            g_string_append (out, i + 1 < length ? ",\n" : "\n");
          }
        cycle_json_write_indent (out, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      write_value (out, node);
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    default:
      g_return_if_reached ();
    }
}

void
cycle_json_write_compact (GString    *out,
                          const char *json,
                          guint       depth)
{
  const char *p = json;

  g_return_if_fail (out != NULL);
  g_return_if_fail (json != NULL);

  /* Compact text has no whitespace outside strings: only the punctuation needs looking at */
  while (*p != '\0')
    {
      const char *q;

      switch (*p)
        {
        case '[':
        case '{':
          if (p[1] == (*p == '[' ? ']' : '}'))
            {
              g_string_append_len (out, p, 2);
              p += 2;
              break;
            }
          g_string_append_c (out, *p++);
          g_string_append_c (out, '\n');
          cycle_json_write_indent (out, ++depth);
          break;

        case ']':
        case '}':
          g_string_append_c (out, '\n');
          cycle_json_write_indent (out, --depth);
          g_string_append_c (out, *p++);
          break;

        case ',':
          g_string_append (out, ",\n");
          cycle_json_write_indent (out, depth);
          p++;
          break;

        case ':':
          g_string_append (out, ": ");
          p++;
          break;

        case '"':
          for (q = p + 1; *q != '"'; q++)
            if (*q == '\\')
              q++;
          g_string_append_len (out, p, q + 1 - p);
          p = q + 1;
          break;

        default:
          for (q = p; *q != '\0' && strchr ("[]{},:\"", *q) == NULL; q++)
            ;
          g_string_append_len (out, p, q - p);
          p = q;
          break;
        }
    }
}
