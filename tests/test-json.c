/* test-json.c: the strict JSON reader and the canonical JSON writer
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-json"

#include "config.h"

#include <math.h>
#include <string.h>

#include "cycle-error.h"
#include "cycle-json.h"

#define DEPTH 64

static CycleJsonDoc *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  CycleJsonDoc *doc;

  doc = cycle_json_doc_parse (text, strlen (text), DEPTH, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
assert_parse_error (const char *text,
                    gssize      length,
                    guint       max_depth,
                    int         code,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  CycleJsonDoc *doc;

  if (length < 0)
    length = strlen (text);

  doc = cycle_json_doc_parse (text, length, max_depth, &error);
  if (doc != NULL || error == NULL || g_strcmp0 (error->message, message) != 0)
    g_test_message ("input: %s", text);
  g_assert_null (doc);
  g_assert_error (error, CYCLE_FILE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* Errors */

typedef struct
{
  const char *input;
  int         code;
  const char *message;
} ErrorCase;

static const ErrorCase error_cases[] = {
  /* Structure */
  { "{\"a\": 1 \"b\": 2}", CYCLE_FILE_ERROR_SYNTAX,
    "1:9: expected “,” or “}” after an object member" },
  { "[1 2]", CYCLE_FILE_ERROR_SYNTAX, "1:4: expected “,” or “]” after an array element" },
  { "{\"a\" 1}", CYCLE_FILE_ERROR_SYNTAX, "1:6: expected “:” after the key of an object member" },
  { "{1: 2}", CYCLE_FILE_ERROR_SYNTAX, "1:2: expected a key in double quotes" },
  { "[1,,2]", CYCLE_FILE_ERROR_SYNTAX, "1:4: expected a value before “,”" },
  { "{\"a\":}", CYCLE_FILE_ERROR_SYNTAX, "1:6: expected a value before “}”" },
  { "[1", CYCLE_FILE_ERROR_SYNTAX,
    "1:3: the file ends before the end of the array that starts at 1:1" },
  { "{\"a\": [1, 2]", CYCLE_FILE_ERROR_SYNTAX,
    "1:13: the file ends before the end of the object that starts at 1:1" },
  { "{\n  \"a\": [\n    {", CYCLE_FILE_ERROR_SYNTAX,
    "3:6: the file ends before the end of the object that starts at 3:5" },
  { "\"abc", CYCLE_FILE_ERROR_SYNTAX, "1:1: unterminated string" },
  { "[\"abc\\", CYCLE_FILE_ERROR_SYNTAX, "1:2: unterminated string" },

  /* Two top-level values */
  { "{}\n {}", CYCLE_FILE_ERROR_SYNTAX, "2:2: unexpected text after the end of the JSON value" },
  { "1 2", CYCLE_FILE_ERROR_SYNTAX, "1:3: unexpected text after the end of the JSON value" },
  { "{\"a\": 1}}", CYCLE_FILE_ERROR_SYNTAX,
    "1:9: unexpected text after the end of the JSON value" },

  /* Comments */
  { "// hi\n1", CYCLE_FILE_ERROR_SYNTAX, "1:1: comments are not allowed in JSON" },
  { "[1, /* x */ 2]", CYCLE_FILE_ERROR_SYNTAX, "1:5: comments are not allowed in JSON" },
  { "[1 // x\n]", CYCLE_FILE_ERROR_SYNTAX, "1:4: comments are not allowed in JSON" },
  { "{\"a\": 1} /* end */", CYCLE_FILE_ERROR_SYNTAX, "1:10: comments are not allowed in JSON" },
  { "{\n  // x\n  \"a\": 1}", CYCLE_FILE_ERROR_SYNTAX, "2:3: comments are not allowed in JSON" },

  /* Trailing commas */
  { "[1, 2,]", CYCLE_FILE_ERROR_SYNTAX, "1:6: trailing comma" },
  { "[\n  1,\n]", CYCLE_FILE_ERROR_SYNTAX, "2:4: trailing comma" },
  { "{\"a\": 1,}", CYCLE_FILE_ERROR_SYNTAX, "1:8: trailing comma" },
  { "{\n  \"a\": 1,\n  \"b\": 2,\n}", CYCLE_FILE_ERROR_SYNTAX, "3:9: trailing comma" },

  /* Duplicate keys */
  { "{\n  \"name\": 1,\n  \"name\": 2\n}", CYCLE_FILE_ERROR_SYNTAX,
    "3:3: duplicate key “name”" },
  { "{\"a\": {\"x\": 1, \"x\": 1}}", CYCLE_FILE_ERROR_SYNTAX, "1:16: duplicate key “x”" },
  { "{\"\": 1, \"\": 2}", CYCLE_FILE_ERROR_SYNTAX, "1:9: duplicate key “”" },
  /* Escapes are decoded before comparing */
  { "{\"é\": 1, \"\\u00e9\": 2}", CYCLE_FILE_ERROR_SYNTAX, "1:10: duplicate key “é”" },

  /* Invalid UTF-8, in strings, keys and elsewhere */
  { "[\n  \"ab\xff\"]", CYCLE_FILE_ERROR_SYNTAX, "2:6: invalid UTF-8" },
  { "\"é\xc3\"", CYCLE_FILE_ERROR_SYNTAX, "1:3: invalid UTF-8" },
  { "\"\xc0\x80\"", CYCLE_FILE_ERROR_SYNTAX, "1:2: invalid UTF-8" },
  { "\"\xe0\x80\xaf\"", CYCLE_FILE_ERROR_SYNTAX, "1:2: invalid UTF-8" },
  { "\"\xed\xa0\x80\"", CYCLE_FILE_ERROR_SYNTAX, "1:2: invalid UTF-8" },
  { "\"\xf4\x90\x80\x80\"", CYCLE_FILE_ERROR_SYNTAX, "1:2: invalid UTF-8" },
  { "\"\x80\"", CYCLE_FILE_ERROR_SYNTAX, "1:2: invalid UTF-8" },
  { "\"abc\xe2\x82", CYCLE_FILE_ERROR_SYNTAX, "1:5: invalid UTF-8" },
  { "\"0123456789abcdef\xe2\x82\"", CYCLE_FILE_ERROR_SYNTAX, "1:18: invalid UTF-8" },
  { "{\"k\xfe\": 1}", CYCLE_FILE_ERROR_SYNTAX, "1:4: invalid UTF-8" },
  { "[\xff]", CYCLE_FILE_ERROR_SYNTAX, "1:2: invalid UTF-8" },
  { "[1]\xff", CYCLE_FILE_ERROR_SYNTAX, "1:4: invalid UTF-8" },

  /* Control characters and NUL */
  { "{\n  \"a\": \"x\ty\"\n}", CYCLE_FILE_ERROR_SYNTAX,
    "2:10: control character in a string (escape it)" },
  { "\"\x1f\"", CYCLE_FILE_ERROR_SYNTAX, "1:2: control character in a string (escape it)" },
  { "\"ab\ncd\"", CYCLE_FILE_ERROR_SYNTAX,
    "1:4: line break in a string (close the string with “\"”, or write \\n)" },
  { "[\"a\\u0000b\"]", CYCLE_FILE_ERROR_SYNTAX,
    "1:4: the NUL character (\\u0000) is not allowed in strings" },
  { "\x01", CYCLE_FILE_ERROR_SYNTAX, "1:1: unexpected control character U+0001" },

  /* Escapes */
  { "\"\\x\"", CYCLE_FILE_ERROR_SYNTAX, "1:2: invalid escape “\\x”" },
  { "\"\\'\"", CYCLE_FILE_ERROR_SYNTAX, "1:2: invalid escape “\\'”" },
  { "\"\\\xc3\xa9\"", CYCLE_FILE_ERROR_SYNTAX, "1:2: invalid escape" },
  { "\"\\u12G4\"", CYCLE_FILE_ERROR_SYNTAX,
    "1:2: invalid escape: “\\u” must be followed by four hexadecimal digits" },
  { "\"\\u12\"", CYCLE_FILE_ERROR_SYNTAX,
    "1:2: invalid escape: “\\u” must be followed by four hexadecimal digits" },
  { "\"\\u12", CYCLE_FILE_ERROR_SYNTAX,
    "1:2: invalid escape: “\\u” must be followed by four hexadecimal digits" },
  { "[\"\\uD800\"]", CYCLE_FILE_ERROR_SYNTAX, "1:3: unpaired surrogate \\uD800" },
  { "\"\\udc00\"", CYCLE_FILE_ERROR_SYNTAX, "1:2: unpaired surrogate \\uDC00" },
  { "\"\\ud800\\u0041\"", CYCLE_FILE_ERROR_SYNTAX, "1:2: unpaired surrogate \\uD800" },
  { "\"\\ud800\\ud800\"", CYCLE_FILE_ERROR_SYNTAX, "1:2: unpaired surrogate \\uD800" },
  { "\"\\ud83dx\"", CYCLE_FILE_ERROR_SYNTAX, "1:2: unpaired surrogate \\uD83D" },
  { "\"\\ud83d\\ude00\\ude00\"", CYCLE_FILE_ERROR_SYNTAX, "1:14: unpaired surrogate \\uDE00" },

  /* Numbers */
  { "[1e999]", CYCLE_FILE_ERROR_SYNTAX, "1:2: number out of range" },
  { "-1e999", CYCLE_FILE_ERROR_SYNTAX, "1:1: number out of range" },
  { "{\"a\": 1.5e308, \"b\": 2e308}", CYCLE_FILE_ERROR_SYNTAX, "1:21: number out of range" },
  { "[01]", CYCLE_FILE_ERROR_SYNTAX, "1:2: invalid number: leading zeros are not allowed" },
  { "-00", CYCLE_FILE_ERROR_SYNTAX, "1:1: invalid number: leading zeros are not allowed" },
  { "+1", CYCLE_FILE_ERROR_SYNTAX, "1:1: invalid number: a number cannot start with “+”" },
  { ".5", CYCLE_FILE_ERROR_SYNTAX, "1:1: invalid number: a digit must come before “.”" },
  { "[-.5]", CYCLE_FILE_ERROR_SYNTAX, "1:2: invalid number: a digit must follow “-”" },
  { "1.", CYCLE_FILE_ERROR_SYNTAX, "1:1: invalid number: a digit must follow “.”" },
  { "[1.]", CYCLE_FILE_ERROR_SYNTAX, "1:2: invalid number: a digit must follow “.”" },
  { "1.e5", CYCLE_FILE_ERROR_SYNTAX, "1:1: invalid number: a digit must follow “.”" },
  { "1e", CYCLE_FILE_ERROR_SYNTAX, "1:1: invalid number: the exponent needs at least one digit" },
  { "1e+", CYCLE_FILE_ERROR_SYNTAX,
    "1:1: invalid number: the exponent needs at least one digit" },
  { "-", CYCLE_FILE_ERROR_SYNTAX, "1:1: invalid number: a digit must follow “-”" },
  { "0x10", CYCLE_FILE_ERROR_SYNTAX, "1:2: unexpected text after the end of the JSON value" },
  { "NaN", CYCLE_FILE_ERROR_SYNTAX, "1:1: NaN and Infinity are not allowed in JSON" },
  { "[Infinity]", CYCLE_FILE_ERROR_SYNTAX, "1:2: NaN and Infinity are not allowed in JSON" },
  { "-Infinity", CYCLE_FILE_ERROR_SYNTAX, "1:1: NaN and Infinity are not allowed in JSON" },

  /* Words and quotes */
  { "tru", CYCLE_FILE_ERROR_SYNTAX,
    "1:1: unknown word “tru”: JSON only knows true, false and null" },
  { "[True]", CYCLE_FILE_ERROR_SYNTAX,
    "1:2: unknown word “True”: JSON only knows true, false and null" },
  { "nullx", CYCLE_FILE_ERROR_SYNTAX,
    "1:1: unknown word “nullx”: JSON only knows true, false and null" },
  { "'a'", CYCLE_FILE_ERROR_SYNTAX,
    "1:1: single quotes are not allowed in JSON, use double quotes" },
  { "{'a': 1}", CYCLE_FILE_ERROR_SYNTAX,
    "1:2: single quotes are not allowed in JSON, use double quotes" },
  { "[é]", CYCLE_FILE_ERROR_SYNTAX, "1:2: unexpected character “é”" },
  { "[#]", CYCLE_FILE_ERROR_SYNTAX, "1:2: unexpected character “#”" },

  /* Positions: columns count characters; CRLF and lone CR end lines; a BOM is not a column */
  { "[\"日本語\", x]", CYCLE_FILE_ERROR_SYNTAX,
    "1:9: unknown word “x”: JSON only knows true, false and null" },
  { "[\"😀\", 01]", CYCLE_FILE_ERROR_SYNTAX,
    "1:7: invalid number: leading zeros are not allowed" },
  { "{\r\n  \"a\": 1,\r\n  \"a\": 2\r\n}", CYCLE_FILE_ERROR_SYNTAX, "3:3: duplicate key “a”" },
  { "[1,\r2 3]", CYCLE_FILE_ERROR_SYNTAX, "2:3: expected “,” or “]” after an array element" },
  { "\xEF\xBB\xBF[1,]", CYCLE_FILE_ERROR_SYNTAX, "1:3: trailing comma" },

  /* Depth */
  { "[[[1]]]", CYCLE_FILE_ERROR_LIMIT, "1:3: JSON nested deeper than 2 levels" },
  { "{\"a\": {\"b\": [1]}}", CYCLE_FILE_ERROR_LIMIT, "1:13: JSON nested deeper than 2 levels" },

  /* Empty */
  { "", CYCLE_FILE_ERROR_EMPTY, "the file is empty" },
  { "  \n\t\r\n ", CYCLE_FILE_ERROR_EMPTY, "the file is empty" },
  { "\xEF\xBB\xBF", CYCLE_FILE_ERROR_EMPTY, "the file is empty" },
  { "\xEF\xBB\xBF \n", CYCLE_FILE_ERROR_EMPTY, "the file is empty" },
};

static void
test_parse_errors (void)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      const ErrorCase *c = &error_cases[i];
      guint depth = strstr (c->message, "deeper than 2") != NULL ? 2 : DEPTH;

      assert_parse_error (c->input, -1, depth, c->code, c->message);
    }
}

static void
test_parse_nul_bytes (void)
{
  /* Raw NUL bytes: in a string, and as the second of two values */
  assert_parse_error ("\"a\0b\"", 5, DEPTH, CYCLE_FILE_ERROR_SYNTAX,
                      "1:3: control character in a string (escape it)");
  assert_parse_error ("[1]\0", 4, DEPTH, CYCLE_FILE_ERROR_SYNTAX,
                      "1:4: unexpected text after the end of the JSON value");
  /* The length is honoured: what follows it is not read */
  {
    g_autoptr(GError) error = NULL;
    CycleJsonDoc *doc = cycle_json_doc_parse ("[1, 2] garbage", 6, DEPTH, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (cycle_json_node_get_length (cycle_json_doc_get_root (doc)), ==, 2);
    cycle_json_doc_free (doc);
  }
}

/* Reading */

static void
test_parse_values (void)
{
  CycleJsonDoc *doc;
  const CycleJsonNode *root;
  const CycleJsonNode *node;
  gint64 i64 = 0;

  doc = parse_ok ("{\"name\": \"Plan\", \"count\": 3, \"rate\": 0.25, \"on\": true, "
                  "\"off\": false, \"none\": null, \"list\": [1, [2, {}], []], "
                  "\"nested\": {\"x\": {\"y\": \"z\"}}}");
  root = cycle_json_doc_get_root (doc);
  g_assert_cmpint (cycle_json_node_get_node_type (root), ==, CYCLE_JSON_OBJECT);
  g_assert_cmpuint (cycle_json_node_get_length (root), ==, 8);

  /* Members keep the order of the file */
  g_assert_cmpstr (cycle_json_node_get_key (root, 0), ==, "name");
  g_assert_cmpstr (cycle_json_node_get_key (root, 1), ==, "count");
  g_assert_cmpstr (cycle_json_node_get_key (root, 7), ==, "nested");
  g_assert_true (cycle_json_node_get_element (root, 2) == cycle_json_node_lookup (root, "rate"));

  node = cycle_json_node_lookup (root, "name");
  g_assert_cmpint (cycle_json_node_get_node_type (node), ==, CYCLE_JSON_STRING);
  g_assert_cmpstr (cycle_json_node_get_string (node), ==, "Plan");
  g_assert_cmpuint (cycle_json_node_get_length (node), ==, 0);

  node = cycle_json_node_lookup (root, "count");
  g_assert_true (cycle_json_node_get_int (node, &i64));
  g_assert_cmpint (i64, ==, 3);
  g_assert_cmpfloat (cycle_json_node_get_double (node), ==, 3.0);
  g_assert_null (cycle_json_node_get_string (node));

  node = cycle_json_node_lookup (root, "rate");
  g_assert_false (cycle_json_node_get_int (node, &i64));
  g_assert_cmpfloat (cycle_json_node_get_double (node), ==, 0.25);

  g_assert_true (cycle_json_node_get_boolean (cycle_json_node_lookup (root, "on")));
  g_assert_cmpint (cycle_json_node_get_node_type (cycle_json_node_lookup (root, "off")), ==,
                   CYCLE_JSON_BOOLEAN);
  g_assert_false (cycle_json_node_get_boolean (cycle_json_node_lookup (root, "off")));
  g_assert_cmpint (cycle_json_node_get_node_type (cycle_json_node_lookup (root, "none")), ==,
                   CYCLE_JSON_NULL);
  g_assert_null (cycle_json_node_lookup (root, "missing"));
  g_assert_null (cycle_json_node_lookup (cycle_json_node_lookup (root, "name"), "x"));

  node = cycle_json_node_lookup (root, "list");
  g_assert_cmpint (cycle_json_node_get_node_type (node), ==, CYCLE_JSON_ARRAY);
  g_assert_cmpuint (cycle_json_node_get_length (node), ==, 3);
  g_assert_true (cycle_json_node_get_int (cycle_json_node_get_element (node, 0), &i64));
  g_assert_cmpint (i64, ==, 1);
  node = cycle_json_node_get_element (node, 1);
  g_assert_cmpuint (cycle_json_node_get_length (node), ==, 2);
  g_assert_true (cycle_json_node_get_int (cycle_json_node_get_element (node, 0), &i64));
  g_assert_cmpint (i64, ==, 2);
  g_assert_cmpint (cycle_json_node_get_node_type (cycle_json_node_get_element (node, 1)), ==,
                   CYCLE_JSON_OBJECT);
  g_assert_cmpuint (cycle_json_node_get_length (cycle_json_node_get_element (node, 1)), ==, 0);
  node = cycle_json_node_lookup (root, "list");
  g_assert_cmpint (cycle_json_node_get_node_type (cycle_json_node_get_element (node, 2)), ==,
                   CYCLE_JSON_ARRAY);
  g_assert_cmpuint (cycle_json_node_get_length (cycle_json_node_get_element (node, 2)), ==, 0);

  node = cycle_json_node_lookup (cycle_json_node_lookup (root, "nested"), "x");
  g_assert_cmpstr (cycle_json_node_get_string (cycle_json_node_lookup (node, "y")), ==, "z");
  cycle_json_doc_free (doc);

  /* Scalars at the top */
  doc = parse_ok (" \"alone\" ");
  g_assert_cmpstr (cycle_json_node_get_string (cycle_json_doc_get_root (doc)), ==, "alone");
  cycle_json_doc_free (doc);
  doc = parse_ok ("null");
  g_assert_cmpint (cycle_json_node_get_node_type (cycle_json_doc_get_root (doc)), ==,
                   CYCLE_JSON_NULL);
  cycle_json_doc_free (doc);
  doc = parse_ok ("-12");
  g_assert_cmpfloat (cycle_json_node_get_double (cycle_json_doc_get_root (doc)), ==, -12.0);
  cycle_json_doc_free (doc);
}

static void
assert_string_parses_to (const char *json,
                         const char *expected)
{
  CycleJsonDoc *doc = parse_ok (json);

  g_assert_cmpstr (cycle_json_node_get_string (cycle_json_doc_get_root (doc)), ==, expected);
  cycle_json_doc_free (doc);
}

static void
test_parse_escapes (void)
{
  guint k;

  assert_string_parses_to ("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\" \\ / \b \f \n \r \t");
  assert_string_parses_to ("\"\\u0041\\u00e9\\u00E9\\u20AC\\u0001\\u001f\\u007f\\uffff\"",
                           "A\xc3\xa9\xc3\xa9\xe2\x82\xac\x01\x1f\x7f\xef\xbf\xbf");
  /* A surrogate pair is one character */
  assert_string_parses_to ("\"\\ud83d\\ude00\"", "\xf0\x9f\x98\x80");
  assert_string_parses_to ("\"\\uD83D\\uDE00!\"", "\xf0\x9f\x98\x80!");
  assert_string_parses_to ("\"\\udbff\\udfff\"", "\xf4\x8f\xbf\xbf");
  g_assert_cmpuint (g_utf8_get_char ("\xf0\x9f\x98\x80"), ==, 0x1F600);
  /* UTF-8 as it is, including the largest characters and U+2028 */
  assert_string_parses_to ("\"é日本😀\xe2\x80\xa8\xf4\x8f\xbf\xbf\"",
                           "é日本😀\xe2\x80\xa8\xf4\x8f\xbf\xbf");
  assert_string_parses_to ("\"\"", "");

  /* Escapes and multi-byte characters at every offset of the 8-byte scan */
  for (k = 0; k < 20; k++)
    {
      g_autofree char *a = g_strnfill (k, 'a');
      g_autofree char *b = g_strnfill (19 - k, 'b');
      g_autofree char *json1 = g_strdup_printf ("\"%s\\n%s\"", a, b);
      g_autofree char *text1 = g_strdup_printf ("%s\n%s", a, b);
      g_autofree char *json2 = g_strdup_printf ("\"%sé%s\\\"\"", a, b);
      g_autofree char *text2 = g_strdup_printf ("%sé%s\"", a, b);
      g_autofree char *json3 = g_strdup_printf ("\"%s\x01%s\"", a, b);
      g_autofree char *message3 = g_strdup_printf ("1:%u: control character in a string "
                                                   "(escape it)", k + 2);

      assert_string_parses_to (json1, text1);
      assert_string_parses_to (json2, text2);
      assert_parse_error (json3, -1, DEPTH, CYCLE_FILE_ERROR_SYNTAX, message3);
    }
}

static void
test_parse_bom (void)
{
  CycleJsonDoc *doc;
  guint line = 0;
  guint column = 0;

  doc = parse_ok ("\xEF\xBB\xBF{\"a\": 1}");
  g_assert_cmpuint (cycle_json_node_get_length (cycle_json_doc_get_root (doc)), ==, 1);
  cycle_json_doc_get_position (doc, cycle_json_doc_get_root (doc), &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 1);
  cycle_json_doc_free (doc);

  /* Only at the start */
  assert_parse_error ("[\xEF\xBB\xBF]", -1, DEPTH, CYCLE_FILE_ERROR_SYNTAX,
                      "1:2: unexpected character “\xEF\xBB\xBF”");
  assert_parse_error ("\xEF\xBB\xBF\xEF\xBB\xBF[]", -1, DEPTH, CYCLE_FILE_ERROR_SYNTAX,
                      "1:1: unexpected character “\xEF\xBB\xBF”");
}

/* UTF-16 and UTF-32 files are named as such, with or without a byte order mark */
static void
test_parse_utf16 (void)
{
  static const struct { const char *data; gssize length; const char *encoding; } files[] = {
    { "\xFF\xFE{\0}\0", 6, "UTF-16LE" },
    { "\xFE\xFF\0{\0}", 6, "UTF-16BE" },
    { "{\0\n\0}\0", 6, "UTF-16LE" },
    { "\0{\0}", 4, "UTF-16BE" },
    { "\xFF\xFE\0\0{\0\0\0", 8, "UTF-32LE" },
    { "\0\0\xFE\xFF\0\0\0{", 8, "UTF-32BE" },
    { "{\0\0\0}\0\0\0", 8, "UTF-32LE" },
    { "\0\0\0{\0\0\0}", 8, "UTF-32BE" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *message =
        g_strdup_printf ("1:1: the file is encoded as %s, not UTF-8: save it as UTF-8",
                         files[i].encoding);

      assert_parse_error (files[i].data, files[i].length, DEPTH, CYCLE_FILE_ERROR_SYNTAX,
                          message);
    }
}

static void
assert_position (CycleJsonDoc        *doc,
                 const CycleJsonNode *node,
                 guint                expected_line,
                 guint                expected_column)
{
  guint line = 0;
  guint column = 0;

  g_assert_nonnull (node);
  cycle_json_doc_get_position (doc, node, &line, &column);
  g_assert_cmpuint (line, ==, expected_line);
  g_assert_cmpuint (column, ==, expected_column);
}

static void
test_parse_positions (void)
{
  CycleJsonDoc *doc;
  const CycleJsonNode *root;
  const CycleJsonNode *array;

  doc = parse_ok ("\xEF\xBB\xBF{\r\n"
                  "  \"é\": [1, \"😀\", true],\n"
                  "\t\"b\": null,\r"
                  "\"c\": {\"d\": \"日本\", \"e\": -1.5}\n"
                  "}");
  root = cycle_json_doc_get_root (doc);
  assert_position (doc, root, 1, 1);
  array = cycle_json_node_lookup (root, "é");
  assert_position (doc, array, 2, 8);
  assert_position (doc, cycle_json_node_get_element (array, 0), 2, 9);
  assert_position (doc, cycle_json_node_get_element (array, 1), 2, 12);
  assert_position (doc, cycle_json_node_get_element (array, 2), 2, 17);
  assert_position (doc, cycle_json_node_lookup (root, "b"), 3, 7);
  assert_position (doc, cycle_json_node_lookup (root, "c"), 4, 6);
  assert_position (doc, cycle_json_node_lookup (cycle_json_node_lookup (root, "c"), "e"), 4, 23);
  cycle_json_doc_free (doc);

  doc = parse_ok ("\n\n   42");
  assert_position (doc, cycle_json_doc_get_root (doc), 3, 4);
  cycle_json_doc_free (doc);
}

/* Depth */

static char *
nested_arrays (guint open,
               guint close)
{
  GString *s = g_string_sized_new (open + close + 1);
  guint i;

  for (i = 0; i < open; i++)
    g_string_append_c (s, '[');
  for (i = 0; i < close; i++)
    g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static void
test_parse_depth (void)
{
  g_autofree char *at_limit = nested_arrays (DEPTH, DEPTH);
  g_autofree char *over_limit = nested_arrays (DEPTH + 1, DEPTH + 1);
  g_autofree char *huge = nested_arrays (100000, 0);
  g_autofree char *huge_closed = nested_arrays (100000, 100000);
  g_autoptr(GError) error = NULL;
  GString *objects = g_string_new (NULL);
  const CycleJsonNode *node;
  CycleJsonDoc *doc;
  guint i;

  doc = parse_ok (at_limit);
  node = cycle_json_doc_get_root (doc);
  for (i = 1; i < DEPTH; i++)
    {
      g_assert_cmpuint (cycle_json_node_get_length (node), ==, 1);
      node = cycle_json_node_get_element (node, 0);
    }
  g_assert_cmpuint (cycle_json_node_get_length (node), ==, 0);
  cycle_json_doc_free (doc);

  assert_parse_error (over_limit, -1, DEPTH, CYCLE_FILE_ERROR_LIMIT,
                      "1:65: JSON nested deeper than 64 levels");

  /* Objects count as levels too */
  for (i = 0; i < DEPTH; i++)
    g_string_append (objects, "{\"a\": ");
  g_string_append (objects, "1");
  for (i = 0; i < DEPTH; i++)
    g_string_append_c (objects, '}');
  doc = parse_ok (objects->str);
  cycle_json_doc_free (doc);
  g_string_insert (objects, 0, "[");
  g_string_append (objects, "]");
  assert_parse_error (objects->str, -1, DEPTH, CYCLE_FILE_ERROR_LIMIT,
                      "1:380: JSON nested deeper than 64 levels");
  g_string_free (objects, TRUE);

  /* 100 000 levels: a clean error, never a crash */
  assert_parse_error (huge, -1, DEPTH, CYCLE_FILE_ERROR_LIMIT,
                      "1:65: JSON nested deeper than 64 levels");
  assert_parse_error (huge, -1, 0, CYCLE_FILE_ERROR_LIMIT,
                      "1:1: JSON nested deeper than 0 levels");
  assert_parse_error (huge, -1, G_MAXUINT, CYCLE_FILE_ERROR_SYNTAX,
                      "1:100001: the file ends before the end of the array that starts at "
                      "1:100000");

  /* … and with no limit, the reader itself does not recurse */
  doc = cycle_json_doc_parse (huge_closed, strlen (huge_closed), G_MAXUINT, &error);
  g_assert_no_error (error);
  node = cycle_json_doc_get_root (doc);
  for (i = 1; i < 100000; i++)
    node = cycle_json_node_get_element (node, 0);
  g_assert_cmpuint (cycle_json_node_get_length (node), ==, 0);
  assert_position (doc, node, 1, 100000);
  cycle_json_doc_free (doc);
}

/* Numbers */

static CycleJsonDoc *
parse_number (const char          *text,
               const CycleJsonNode **node)
{
  CycleJsonDoc *doc = parse_ok (text);

  *node = cycle_json_doc_get_root (doc);
  g_assert_cmpint (cycle_json_node_get_node_type (*node), ==, CYCLE_JSON_NUMBER);
  return doc;
}

static void
assert_int (const char *text,
            gint64      expected)
{
  const CycleJsonNode *node;
  CycleJsonDoc *doc = parse_number (text, &node);
  gint64 value = -12345;

  if (!cycle_json_node_get_int (node, &value))
    g_error ("%s is not read as an integer", text);
  g_assert_cmpint (value, ==, expected);
  g_assert_cmpfloat (cycle_json_node_get_double (node), ==, (double) expected);
  cycle_json_doc_free (doc);
}

static void
assert_not_int (const char *text,
                double      expected)
{
  const CycleJsonNode *node;
  CycleJsonDoc *doc = parse_number (text, &node);
  gint64 value = -12345;

  if (cycle_json_node_get_int (node, &value))
    g_error ("%s is read as an integer", text);
  g_assert_cmpint (value, ==, -12345);
  g_assert_cmpfloat (cycle_json_node_get_double (node), ==, expected);
  cycle_json_doc_free (doc);
}

static void
test_parse_numbers (void)
{
  assert_int ("0", 0);
  assert_int ("42", 42);
  assert_int ("-7", -7);
  assert_int ("1234567890123456", 1234567890123456);
  assert_int ("9007199254740992", G_GINT64_CONSTANT (9007199254740992));
  assert_int ("-9007199254740992", -G_GINT64_CONSTANT (9007199254740992));
  /* Integers written as decimals or with exponents are integers */
  assert_int ("1.0", 1);
  assert_int ("1e2", 100);
  assert_int ("1.5e1", 15);
  assert_int ("2500e-2", 25);
  assert_int ("0.0e5", 0);
  assert_int ("-120.000", -120);
  assert_int ("9.007199254740992e15", G_GINT64_CONSTANT (9007199254740992));

  /* get_int decides on the literal, not on the double it rounds to: 2^53 + 1 is an integer
   * beyond 2^53 though it reads as the double 2^53, and 1.00000000000000001 is no integer
   * though it reads as 1.0 */
  assert_not_int ("9007199254740993", 9007199254740992.0);
  assert_not_int ("9007199254740994", 9007199254740994.0);
  assert_not_int ("-9007199254740993", -9007199254740992.0);
  assert_not_int ("9.007199254740993e15", 9007199254740992.0);
  assert_not_int ("1.00000000000000001", 1.0);
  assert_not_int ("4503599627370496.5", 4503599627370496.0);
  assert_not_int ("0.5", 0.5);
  assert_not_int ("1e17", 1e17);
  assert_not_int ("12345678901234567890", 12345678901234567890.0);

  /* Too big for an integer, but a finite double */
  assert_not_int ("99999999999999999999999", 1e23);
  assert_not_int ("1.7976931348623157e308", 1.7976931348623157e308);
  assert_not_int ("-2.5E-3", -0.0025);
  assert_int ("1E+2", 100);
}

static void
test_parse_numbers_special (void)
{
  const CycleJsonNode *node;
  CycleJsonDoc *doc;
  gint64 value = 99;
  g_autofree char *zeros = g_strnfill (500, '0');
  g_autofree char *long_zero = NULL;
  g_autofree char *long_int = NULL;

  /* -0 is an integer, 0, and keeps its sign as a double */
  doc = parse_number ("-0", &node);
  g_assert_true (cycle_json_node_get_int (node, &value));
  g_assert_cmpint (value, ==, 0);
  g_assert_true (signbit (cycle_json_node_get_double (node)));
  cycle_json_doc_free (doc);

  /* Underflow is finite: the smallest subnormal, and zero */
  doc = parse_number ("5e-324", &node);
  g_assert_cmpfloat (cycle_json_node_get_double (node), ==, 4.9406564584124654e-324);
  g_assert_false (cycle_json_node_get_int (node, NULL));
  cycle_json_doc_free (doc);
  doc = parse_number ("1e-400", &node);
  g_assert_cmpfloat (cycle_json_node_get_double (node), ==, 0.0);
  cycle_json_doc_free (doc);

  /* Literals longer than any buffer */
  long_zero = g_strdup_printf ("0.%s1", zeros);
  doc = parse_number (long_zero, &node);
  g_assert_cmpfloat (cycle_json_node_get_double (node), ==, 0.0);
  cycle_json_doc_free (doc);
  long_int = g_strdup_printf ("1%s", zeros);
  assert_parse_error (long_int, -1, DEPTH, CYCLE_FILE_ERROR_SYNTAX, "1:1: number out of range");
}

static void
test_duplicates_large (void)
{
  GString *s = g_string_new ("{\n");
  g_autoptr(GError) error = NULL;
  CycleJsonDoc *doc;
  guint i;

  /* 20 000 members, one a line, and "k42" again as member 15 001, on line 15 002 */
  for (i = 0; i < 20000; i++)
    g_string_append_printf (s, "  \"k%u\": %u,\n", i == 15000 ? 42 : i, i);
  g_string_append (s, "  \"end\": true\n}");
  assert_parse_error (s->str, -1, DEPTH, CYCLE_FILE_ERROR_SYNTAX,
                      "15002:3: duplicate key “k42”");

  /* The same without the duplicate: fine, and every member is found */
  g_string_assign (s, "{\n");
  for (i = 0; i < 20000; i++)
    g_string_append_printf (s, "  \"k%u\": %u,\n", i, i);
  g_string_append (s, "  \"end\": true\n}");
  doc = cycle_json_doc_parse (s->str, s->len, DEPTH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cycle_json_node_get_length (cycle_json_doc_get_root (doc)), ==, 20001);
  for (i = 0; i < 20000; i += 997)
    {
      g_autofree char *key = g_strdup_printf ("k%u", i);
      gint64 value = -1;

      g_assert_true (cycle_json_node_get_int (cycle_json_node_lookup (cycle_json_doc_get_root (doc),
                                                                      key), &value));
      g_assert_cmpint (value, ==, i);
    }
  cycle_json_doc_free (doc);
  g_string_free (s, TRUE);

  /* Around the switch from comparing to hashing (after 16 members) */
  for (i = 1; i <= 20; i++)
    {
      GString *t = g_string_new ("{");
      g_autofree char *message = NULL;
      guint j;

      for (j = 0; j < i; j++)
        g_string_append_printf (t, "\"m%02u\": 0, ", j);
      message = g_strdup_printf ("1:%u: duplicate key “m00”", (guint) t->len + 1);
      g_string_append (t, "\"m00\": 1}");
      assert_parse_error (t->str, -1, DEPTH, CYCLE_FILE_ERROR_SYNTAX, message);
      g_string_free (t, TRUE);
    }
}

/* Writing */

static char *
write_double (double value)
{
  GString *s = g_string_new (NULL);

  cycle_json_write_double (s, value);
  return g_string_free (s, FALSE);
}

static void
assert_double_written (double      value,
                       const char *expected)
{
  g_autofree char *text = write_double (value);
  g_autoptr(GError) error = NULL;
  CycleJsonDoc *doc;

  g_assert_cmpstr (text, ==, expected);

  /* Valid JSON that reads back to the same double */
  doc = cycle_json_doc_parse (text, strlen (text), DEPTH, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (cycle_json_node_get_double (cycle_json_doc_get_root (doc)), ==,
                     value == 0 ? 0.0 : value);
  cycle_json_doc_free (doc);
}

static void
test_write_double (void)
{
  assert_double_written (0.1, "0.1");
  assert_double_written (0.04, "0.04");
  assert_double_written (1e-7, "1e-07");
  assert_double_written (123456789012345678.0, "1.2345678901234568e+17");
  assert_double_written (-0.0, "0");
  assert_double_written (0.0, "0");
  assert_double_written (5e-324, "5e-324");
  assert_double_written (1.7976931348623157e308, "1.7976931348623157e+308");
  assert_double_written (-1.7976931348623157e308, "-1.7976931348623157e+308");
  assert_double_written (0.1 + 0.2, "0.30000000000000004");
  assert_double_written (42.0, "42");
  assert_double_written (-7.0, "-7");
  assert_double_written (1e15, "1000000000000000");
  assert_double_written (9007199254740991.0, "9007199254740991");
  assert_double_written (9007199254740992.0, "9007199254740992");
  assert_double_written (1e300, "1e+300");
  assert_double_written (1.5, "1.5");
  assert_double_written (-2.5e-5, "-2.5e-05");
  assert_double_written (1.0 / 3.0, "0.3333333333333333");
  assert_double_written (2.0 / 3.0, "0.6666666666666666");
}

static void
test_write_double_not_finite (void)
{
  if (g_test_subprocess ())
    {
      g_free (write_double (INFINITY));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*isfinite*");
}

static void
test_write_string (void)
{
  GString *s = g_string_new (NULL);

  cycle_json_write_string (s, "a\"b\\c\b\f\n\r\t\x01\x1f\x7f/é😀 end");
  g_assert_cmpstr (s->str, ==,
                   "\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f\x7f/é😀 end\"");

  g_string_truncate (s, 0);
  cycle_json_write_string (s, "");
  g_assert_cmpstr (s->str, ==, "\"\"");

  g_string_assign (s, "x");
  cycle_json_write_indent (s, 3);
  g_assert_cmpstr (s->str, ==, "x      ");
  g_string_free (s, TRUE);
}

static char *
write_node (JsonNode *node,
            guint     depth)
{
  GString *s = g_string_new (NULL);

  cycle_json_write_node (s, node, depth);
  return g_string_free (s, FALSE);
}

static char *
write_parsed (const char *json,
              guint       depth)
{
  CycleJsonDoc *doc = parse_ok (json);
  g_autoptr(JsonNode) node = cycle_json_node_to_json_node (cycle_json_doc_get_root (doc));

  cycle_json_doc_free (doc);
  return write_node (node, depth);
}

static void
test_write_node (void)
{
  g_autofree char *text = NULL;
  g_autofree char *nested = NULL;
  g_autofree char *deeper = NULL;
  g_autoptr(JsonNode) ints = NULL;
  g_autofree char *ints_text = NULL;
  JsonArray *array;

  text = write_parsed ("{\"d\": [], \"c\": {}, \"b\": [true, null], \"a\": 1}", 0);
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"a\": 1,\n"
                   "  \"b\": [\n"
                   "    true,\n"
                   "    null\n"
                   "  ],\n"
                   "  \"c\": {},\n"
                   "  \"d\": []\n"
                   "}");

  nested = write_parsed ("{\"rate\":0.25,\"name\":\"Plan \\\"A\\\"\\n\",\"items\":[{\"tags\":"
                         "[\"x\",\"\\u00e9\"],\"id\":1,\"Z\":false,\"\":[[]]}],\"B\":-1.5e-9}",
                         0);
  g_assert_cmpstr (nested, ==,
                   "{\n"
                   "  \"B\": -1.5e-09,\n"
                   "  \"items\": [\n"
                   "    {\n"
                   "      \"\": [\n"
                   "        []\n"
                   "      ],\n"
                   "      \"Z\": false,\n"
                   "      \"id\": 1,\n"
                   "      \"tags\": [\n"
                   "        \"x\",\n"
                   "        \"é\"\n"
                   "      ]\n"
                   "    }\n"
                   "  ],\n"
                   "  \"name\": \"Plan \\\"A\\\"\\n\",\n"
                   "  \"rate\": 0.25\n"
                   "}");

  /* At a depth: no leading indent, nested lines and the closing bracket indented */
  deeper = write_parsed ("[1, {\"a\": \"b\"}]", 2);
  g_assert_cmpstr (deeper, ==,
                   "[\n"
                   "      1,\n"
                   "      {\n"
                   "        \"a\": \"b\"\n"
                   "      }\n"
                   "    ]");

  /* json-glib integers print exactly, even beyond 2^53 */
  ints = json_node_new (JSON_NODE_ARRAY);
  array = json_array_new ();
  json_node_take_array (ints, array);
  json_array_add_int_element (array, G_MININT64);
  json_array_add_int_element (array, G_MAXINT64);
  json_array_add_double_element (array, 3.0);
  json_array_add_string_element (array, "s");
  ints_text = write_node (ints, 0);
  g_assert_cmpstr (ints_text, ==,
                   "[\n  -9223372036854775808,\n  9223372036854775807,\n  3,\n  \"s\"\n]");
}

static void
test_to_json_node (void)
{
  CycleJsonDoc *doc;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;
  JsonObject *object;

  doc = parse_ok ("[1, 1.5, 9007199254740993, 1.0, \"s\", true, null, {\"k\": [2]}, []]");
  node = cycle_json_node_to_json_node (cycle_json_doc_get_root (doc));
  cycle_json_doc_free (doc);

  g_assert_cmpint (json_node_get_node_type (node), ==, JSON_NODE_ARRAY);
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, 9);
  g_assert_true (json_node_get_value_type (json_array_get_element (array, 0)) == G_TYPE_INT64);
  g_assert_cmpint (json_array_get_int_element (array, 0), ==, 1);
  g_assert_true (json_node_get_value_type (json_array_get_element (array, 1)) == G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_array_get_double_element (array, 1), ==, 1.5);
  g_assert_true (json_node_get_value_type (json_array_get_element (array, 2)) == G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_array_get_double_element (array, 2), ==, 9007199254740992.0);
  g_assert_true (json_node_get_value_type (json_array_get_element (array, 3)) == G_TYPE_INT64);
  g_assert_cmpstr (json_array_get_string_element (array, 4), ==, "s");
  g_assert_true (json_array_get_boolean_element (array, 5));
  g_assert_true (json_array_get_null_element (array, 6));
  object = json_array_get_object_element (array, 7);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (object, "k"), 0), ==,
                   2);
  g_assert_cmpuint (json_array_get_length (json_array_get_array_element (array, 8)), ==, 0);
}

static void
test_round_trip (void)
{
  static const char *const samples[] = {
    "{\"name\": \"Caf\\u00e9 \\\"Lune\\\" \\ud83d\\ude00\", \"stages\": [{\"id\": \"s1\", "
    "\"rate\": 0.1, \"days\": 14, \"tags\": [], \"meta\": {}}, {\"id\": \"s2\", \"rate\": 0.04, "
    "\"x\": 1e-7, \"big\": 123456789012345678, \"neg\": -0.0, \"tiny\": 5e-324, "
    "\"max\": 1.7976931348623157e308, \"sum\": 0.30000000000000004, \"huge\": "
    "99999999999999999999999, \"over\": 9007199254740993, \"ctl\": \"\\u0001\\t/\\\\\"}], "
    "\"flags\": [true, false, null], \"zz\": [[[]]], \"\": \"empty key\"}",
    "[]",
    "\"just a string\"",
    "-1.5e-300",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *first = write_parsed (samples[i], 0);
      g_autofree char *second = write_parsed (first, 0);

      g_assert_cmpstr (first, ==, second);
    }
}

/* With a schema: what it does not list is kept as compact text */

static const CycleJsonSchema item_schema[] = { { "id" }, { "name" }, { NULL } };
static const CycleJsonSchema root_schema[] = {
  { "title" }, { "items", item_schema }, { NULL },
};

static CycleJsonDoc *
parse_schema_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  CycleJsonDoc *doc = cycle_json_doc_parse_with_schema (json, strlen (json), DEPTH, root_schema,
                                                        &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_schema_unknown (void)
{
  static const char input[] =
    "{ \"title\": \"T\", \"zeta\": [ 9007199254740993 , 1E+300, -0, 1.0 ],\n"
    "  \"items\": [ { \"id\": \"a\", \"x\": { \"b\": 1, \"a\": [ ] , "
    "\"s\": \"\\u00e9\\/\\n\" } },\n"
    "             { \"id\": \"b\" } ],\n"
    "  \"alpha\": null, \"title2\": { } }";
  g_autoptr(GError) error = NULL;
  CycleJsonDoc *doc = cycle_json_doc_parse_with_schema (input, strlen (input), DEPTH,
                                                        root_schema, &error);
  const CycleJsonNode *root, *items, *first, *second;
  CycleJsonMembers *top, *inner;
  g_autoptr(GString) out = g_string_new (NULL);
  CycleJsonObjectWriter writer;

  g_assert_no_error (error);
  root = cycle_json_doc_get_root (doc);
  /* Known members only, in file order */
  g_assert_cmpuint (cycle_json_node_get_length (root), ==, 2);
  g_assert_cmpstr (cycle_json_node_get_key (root, 0), ==, "title");
  g_assert_cmpstr (cycle_json_node_get_key (root, 1), ==, "items");
  items = cycle_json_node_lookup (root, "items");
  first = cycle_json_node_get_element (items, 0);
  second = cycle_json_node_get_element (items, 1);
  g_assert_cmpuint (cycle_json_node_get_length (first), ==, 1);

  top = cycle_json_doc_steal_unknown (doc, root);
  g_assert_cmpuint (cycle_json_members_get_length (top), ==, 3);
  /* Numbers exactly as written, no whitespace */
  g_assert_cmpstr (cycle_json_members_lookup (top, "zeta"), ==,
                   "[9007199254740993,1E+300,-0,1.0]");
  g_assert_cmpstr (cycle_json_members_lookup (top, "alpha"), ==, "null");
  g_assert_cmpstr (cycle_json_members_lookup (top, "title2"), ==, "{}");
  g_assert_null (cycle_json_doc_steal_unknown (doc, root));

  /* Inside: the order as written, strings in the writer's spelling */
  inner = cycle_json_doc_steal_unknown (doc, first);
  g_assert_cmpstr (cycle_json_members_lookup (inner, "x"), ==,
                   "{\"b\":1,\"a\":[],\"s\":\"é/\\n\"}");
  g_assert_null (cycle_json_doc_steal_unknown (doc, second));

  /* Written back: sorted by key, re-indented */
  cycle_json_object_begin (&writer, out, 0);
  cycle_json_members_write (top, &writer);
  cycle_json_object_end (&writer);
  g_assert_cmpstr (out->str, ==,
                   "{\n"
                   "  \"alpha\": null,\n"
                   "  \"title2\": {},\n"
                   "  \"zeta\": [\n"
                   "    9007199254740993,\n"
                   "    1E+300,\n"
                   "    -0,\n"
                   "    1.0\n"
                   "  ]\n"
                   "}");

  g_assert_true (cycle_json_members_remove (top, "title2"));
  g_assert_false (cycle_json_members_remove (top, "title2"));
  g_assert_cmpuint (cycle_json_members_get_length (top), ==, 2);
  g_assert_null (cycle_json_members_lookup (top, "title2"));
  g_assert_cmpstr (cycle_json_members_lookup (top, "alpha"), ==, "null");

  cycle_json_members_free (top);
  cycle_json_members_free (inner);
  cycle_json_doc_free (doc);
}

/* A container where the schema expects a plain value, or an array in an array: a node of its
 * type, with nothing inside */
static void
test_schema_unexpected_containers (void)
{
  static const char input[] = "{\"title\": [1, 2], \"items\": [[{\"id\": 1}], {\"name\": {}}]}";
  CycleJsonDoc *doc = parse_schema_ok (input);
  const CycleJsonNode *root = cycle_json_doc_get_root (doc);
  const CycleJsonNode *title = cycle_json_node_lookup (root, "title");
  const CycleJsonNode *items = cycle_json_node_lookup (root, "items");

  g_assert_cmpint (cycle_json_node_get_node_type (title), ==, CYCLE_JSON_ARRAY);
  g_assert_cmpuint (cycle_json_node_get_length (title), ==, 0);
  g_assert_cmpuint (cycle_json_node_get_length (items), ==, 2);
  g_assert_cmpint (cycle_json_node_get_node_type (cycle_json_node_get_element (items, 0)), ==,
                   CYCLE_JSON_ARRAY);
  g_assert_cmpuint (cycle_json_node_get_length (cycle_json_node_get_element (items, 0)), ==, 0);
  g_assert_cmpint (cycle_json_node_get_node_type (
                     cycle_json_node_lookup (cycle_json_node_get_element (items, 1), "name")),
                   ==, CYCLE_JSON_OBJECT);
  cycle_json_doc_free (doc);

  /* A top-level array */
  doc = parse_schema_ok ("[1, {\"a\": 2}]");
  g_assert_cmpint (cycle_json_node_get_node_type (cycle_json_doc_get_root (doc)), ==,
                   CYCLE_JSON_ARRAY);
  cycle_json_doc_free (doc);
}

/* Faults inside what the schema does not list are found as strictly, with the same message and
 * place as without a schema */
static void
test_schema_same_errors (void)
{
  static const char * const inputs[] = {
    "{\"x\": [1, 2,]}",
    "{\"x\": {\"a\": 1, \"a\": 2}}",
    "{\"x\": 1, \"x\": 2}",
    "{\"items\": [{\"id\": \"a\", \"u\": 1, \"u\": 2}]}",
    "{\"x\": [{\"k\": [1, {\"b\": 0, \"b\": 0}]}]}",
    "{\"x\": \"a\\u0000b\"}",
    "{\"x\": [01]}",
    "{\"x\": 1e999}",
    "{\"x\": [tru]}",
    "{\"x\": {\"a\" 1}}",
    "{\"x\": [\"\\ud800\"]}",
    "{\"x\": \"\xff\"}",
    "{\"x\": [1 2]}",
    "{\"x\": {\"a\": 1,}}",
    "{\"x\": [NaN]}",
    "{\"x\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]"
    "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
    "{\"x\": [1, 2]",
    "{\"x\": [1, 2]} 3",
  };
  GString *big = g_string_new ("{\"x\": {");

  /* A big object (a set of keys, not a list) with a duplicate at the end */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (big, "\"k%u\": %u, ", i, i);
  g_string_append (big, "\"k500\": 0}}");

  for (guint i = 0; i <= G_N_ELEMENTS (inputs); i++)
    {
      const char *input = i < G_N_ELEMENTS (inputs) ? inputs[i] : big->str;
      g_autoptr(GError) plain = NULL;
      g_autoptr(GError) with_schema = NULL;

      g_assert_null (cycle_json_doc_parse (input, strlen (input), DEPTH, &plain));
      g_assert_null (cycle_json_doc_parse_with_schema (input, strlen (input), DEPTH, root_schema,
                                                       &with_schema));
      g_assert_nonnull (plain);
      g_assert_nonnull (with_schema);
      g_assert_cmpint (with_schema->code, ==, plain->code);
      g_assert_cmpstr (with_schema->message, ==, plain->message);
    }
  g_string_free (big, TRUE);
}

/* Re-indenting compact text gives what the writer gives for the same value */
static void
test_write_compact (void)
{
  static const char * const samples[] = {
    "[]", "{}", "1", "\"s\"", "null", "[[]]", "[{}]", "{\"a\":{}}",
    "{\"a\":[1,{\"b\":[true,false,null]}],\"c\":\"x,y:[z]{\\\"q\\\"}\"}",
    "[[[1,2],[3]],{\"k\":{\"l\":\"\\\\\"}}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    for (guint depth = 0; depth < 3; depth++)
      {
        g_autofree char *expected = write_parsed (samples[i], depth);
        g_autoptr(GString) out = g_string_new (NULL);

        cycle_json_write_compact (out, samples[i], depth);
        g_assert_cmpstr (out->str, ==, expected);
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/parse/errors", test_parse_errors);
  g_test_add_func ("/json/parse/nul-bytes", test_parse_nul_bytes);
  g_test_add_func ("/json/parse/values", test_parse_values);
  g_test_add_func ("/json/parse/escapes", test_parse_escapes);
  g_test_add_func ("/json/parse/bom", test_parse_bom);
  g_test_add_func ("/json/parse/utf16", test_parse_utf16);
  g_test_add_func ("/json/parse/positions", test_parse_positions);
  g_test_add_func ("/json/parse/depth", test_parse_depth);
  g_test_add_func ("/json/parse/numbers", test_parse_numbers);
  g_test_add_func ("/json/parse/numbers-special", test_parse_numbers_special);
  g_test_add_func ("/json/parse/duplicates-large", test_duplicates_large);
  g_test_add_func ("/json/write/double", test_write_double);
  g_test_add_func ("/json/write/double-not-finite", test_write_double_not_finite);
  g_test_add_func ("/json/write/string", test_write_string);
  g_test_add_func ("/json/write/node", test_write_node);
  g_test_add_func ("/json/to-json-node", test_to_json_node);
  g_test_add_func ("/json/round-trip", test_round_trip);
  g_test_add_func ("/json/schema/unknown", test_schema_unknown);
  g_test_add_func ("/json/schema/unexpected-containers", test_schema_unexpected_containers);
  g_test_add_func ("/json/schema/same-errors", test_schema_same_errors);
  g_test_add_func ("/json/write/compact", test_write_compact);

  return g_test_run ();
}
