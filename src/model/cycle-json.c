/* cycle-json.c: a strict JSON reader (RFC 8259) and a canonical JSON writer
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cycle-json"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cycle-error.h"
#include "cycle-json.h"

/* The reader is a loop over an explicit stack, so deep nesting costs heap, never C stack.
 *
 * Memory layout: finished nodes live in one array. While a container is being parsed its
 * children wait on a value stack; when it closes they are copied to the end of the array, so the
 * children of every container are contiguous and come before it. A container finds them by an
 * offset relative to itself: nodes need no pointer to their document, and the array may be
 * reallocated while it grows. Decoded strings go to one arena allocated once: a string never
 * decodes to more bytes than its quoted source, so the input's length is enough. */

struct _CycleJsonNode
{
  const char *key;              /* the member's name when the parent is an object */
  union
  {
    double      number;
    const char *string;
    gboolean    boolean;
    struct
    {
      gint32  first;            /* while parsing: an absolute index; then relative to the node */
      guint32 length;
    } children;
    struct
    {
      guint32 offset;           /* NODE_RAW: where the value is in the input, and its length */
      guint32 length;
    } raw;
    guint       unknown;        /* NODE_TYPE_UNKNOWN: an index in the document's unknown[] */
  } v;
  guint32     line;
  guint32     bits;             /* column << COLUMN_SHIFT | NODE_RAW | NODE_INT | type */
};

#define NODE_TYPE_MASK 0x7u
#define NODE_INT       0x8u     /* a number whose literal is an integer of magnitude ≤ 2^53 */
#define NODE_UNKNOWN   0x8u     /* an object whose last node (after its members) is its unknown
                                 * members, NODE_TYPE_UNKNOWN */
#define NODE_RAW       0x10u    /* a value read with a schema where none was expected: only its
                                 * type and place are kept, no children */
#define COLUMN_SHIFT   5
#define COLUMN_MAX     (G_MAXUINT32 >> COLUMN_SHIFT)

/* Not a JSON type: an object's members that its schema does not list, as compact text */
#define NODE_TYPE_UNKNOWN 6

#define NODE_TYPE(node) ((CycleJsonType) ((node)->bits & NODE_TYPE_MASK))
#define IS_CONTAINER(node) ((NODE_TYPE (node) == CYCLE_JSON_ARRAY || \
                             NODE_TYPE (node) == CYCLE_JSON_OBJECT) && \
                            !((node)->bits & NODE_RAW))

/* Objects with more members than this find duplicate keys with a hash set */
#define DUPLICATE_HASH_THRESHOLD 16

struct _CycleJsonDoc
{
  CycleJsonNode *nodes;
  gsize          n_nodes;
  char          *arena;
  GPtrArray     *unknown;       /* CycleJsonMembers, or NULL once stolen */
};

/* Members as compact JSON text, one after the other: "key\0value\0", in file order */
struct _CycleJsonMembers
{
  GString *buf;
  guint    n;
};

/* Keys whose duplicates are found without nodes: the members of objects read as text (unknown
 * members, and every object inside them), as offsets of their decoded text. A small object scans
 * a list; a big one has an open-addressing set of offsets + 1, 4 bytes a slot, so that the keys
 * of any object cost less than the object's own text. */
typedef struct
{
  guint32 offset;
  guint32 fp;
} KeyRef;

typedef struct
{
  guint32 *slots;
  guint32  mask;
  guint32  n;
} KeySet;

typedef struct
{
  gsize          base;          /* the first child on the value stack */
  const char    *key;           /* the container's own name in its parent object */
  guint32        key_fp;
  guint32        line;
  guint32        column;
  CycleJsonType  type;
  gboolean       has_containers;
  GHashTable    *keys;          /* big objects only */

  /* With a schema */
  gboolean                raw;          /* inside a value read as text */
  const CycleJsonSchema  *known;        /* an object's known members; an array's elements' */
  gsize                   raw_keys_base;
  KeySet                 *keyset;
  char                   *arena_mark;   /* raw: the arena before this object's keys */
  CycleJsonMembers       *unknown;      /* a known object's unknown members */

  /* Streaming (an element func): where the nodes and unknown members of this container start,
   * and how many of its elements the func took */
  gsize                   nodes_mark;
  guint                   unknown_mark;
  guint                   n_taken;
} Frame;

typedef enum {
  RAW_NONE,
  RAW_MEMBER,                   /* an unknown member's value: to its object's unknown members */
  RAW_NODE,                     /* a container where a schema expects none: a NODE_RAW node */
} RawKind;

typedef struct
{
  const guchar  *data;          /* after the byte order mark */
  const guchar  *end;
  const guchar  *p;
  guint          max_depth;
  GError       **error;

  /* Where a node starts, tracked on the fly: the column is (offset - col_base + 1), and col_base
   * moves forward by the continuation bytes of every multi-byte character (only found in
   * strings, which cannot hold a line break). */
  guint32        line;
  gsize          col_base;

  char          *arena;
  char          *arena_pos;

  CycleJsonNode *stack;
  guint32       *stack_fp;      /* fingerprints of object members' keys, beside the stack */
  gsize          stack_len;
  gsize          stack_cap;

  CycleJsonNode *nodes;
  gsize          n_nodes;
  gsize          nodes_cap;

  Frame         *frames;
  guint          n_frames;
  guint          frames_cap;

  const char    *pending_key;   /* the key of the object member whose value comes next */
  guint32        pending_fp;
  const guchar  *last_comma;

  /* With a schema: members it does not list are validated like the rest but kept as compact
   * text, without nodes, so that they cost about their own size. */
  const CycleJsonSchema *schema;
  const CycleJsonSchema *pending_entry;   /* the schema of the member whose value comes next */
  gboolean       unknown_pending;         /* that member is not in the schema */
  guint          raw_depth;               /* frames open inside the value read as text */
  RawKind        raw_kind;
  const guchar  *raw_start;
  guint32        raw_line;
  guint32        raw_column;
  const char    *raw_key;
  guint32        raw_fp;
  char          *raw_arena_mark;
  guint          raw_owner;               /* RAW_MEMBER: the frame of the object it belongs to */
  KeyRef        *raw_keys;
  gsize          raw_keys_len;
  gsize          raw_keys_cap;
  GPtrArray     *unknown;                 /* every CycleJsonMembers made, for the document */

  const CycleJsonParseOptions *options;
  const guchar  *next_check;              /* where to look at cancellation and progress next */
} Parser;

/* What an element func sees of the parse: the finished nodes, the open containers */
struct _CycleJsonStream
{
  Parser       *ps;
  CycleJsonDoc  doc;
};

#define CHECK_EVERY (64 * 1024)

/* Errors */

static void
offset_to_position (const guchar *data,
                    gsize         length,
                    gsize         offset,
                    guint        *line,
                    guint        *column)
{
  guint l = 1;
  guint c = 1;
  gsize i;

  for (i = 0; i < offset && i < length; i++)
    {
      guchar b = data[i];

      if (b == '\n' || (b == '\r' && (i + 1 >= length || data[i + 1] != '\n')))
        {
          l++;
          c = 1;
        }
      else if ((b & 0xC0) != 0x80)
        {
          c++;
        }
    }

  *line = l;
  *column = c;
}

static void G_GNUC_PRINTF (4, 5)
parser_fail (Parser         *ps,
             const guchar   *at,
             CycleFileError  code,
             const char     *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;
  guint line;
  guint column;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  offset_to_position (ps->data, ps->end - ps->data, at - ps->data, &line, &column);
  g_set_error (ps->error, CYCLE_FILE_ERROR, code, "%u:%u: %s", line, column, message);
}

/* The length of the valid UTF-8 sequence at @p, or 0 */
static inline guint
utf8_sequence_length (const guchar *p,
                      const guchar *end)
{
  gsize avail = end - p;
  guchar c = p[0];

  if (c < 0x80)
    return 1;
  if (c < 0xC2)
    return 0;
  if (c < 0xE0)
    return (avail >= 2 && (p[1] & 0xC0) == 0x80) ? 2 : 0;
  if (c < 0xF0)
    {
      if (avail < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        return 0;
      if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F))
        return 0;   /* overlong, or a UTF-16 surrogate */
      return 3;
    }
  if (c < 0xF5)
    {
      if (avail < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return 0;
      if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
        return 0;   /* overlong, or above U+10FFFF */
      return 4;
    }
  return 0;
}

/* An error where something else was expected at ps->p; some faults explain themselves better
 * than what was expected. */
static void
fail_here (Parser     *ps,
           const char *expected)
{
  const guchar *p = ps->p;

  if (p == ps->end)
    {
      if (ps->n_frames > 0)
        {
          const Frame *frame = &ps->frames[ps->n_frames - 1];

          if (frame->type == CYCLE_JSON_OBJECT)
            parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX,
                         _("the file ends before the end of the object that starts at %u:%u"),
                         frame->line, frame->column);
          else
            parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX,
                         _("the file ends before the end of the array that starts at %u:%u"),
                         frame->line, frame->column);
        }
      else
        {
          parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX, _("unexpected end of the file"));
        }
    }
  else if (*p == '/' && p + 1 < ps->end && (p[1] == '/' || p[1] == '*'))
    {
      parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX, _("comments are not allowed in JSON"));
    }
  else if (*p >= 0x80 && utf8_sequence_length (p, ps->end) == 0)
    {
      parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX, _("invalid UTF-8"));
    }
  else
    {
      parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX, "%s", expected);
    }
}

/* Where a value was expected but none starts at ps->p */
static void
fail_no_value (Parser *ps)
{
  const guchar *p = ps->p;

  if (p == ps->end || *p == '/' || (*p >= 0x80 && utf8_sequence_length (p, ps->end) == 0))
    {
      fail_here (ps, _("expected a value"));
    }
  else if (*p == '\'')
    {
      parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX,
                   _("single quotes are not allowed in JSON, use double quotes"));
    }
  else if (*p == '+' && p + 1 < ps->end && g_ascii_isdigit (p[1]))
    {
      parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX,
                   _("invalid number: a number cannot start with “+”"));
    }
  else if (*p == '.' && p + 1 < ps->end && g_ascii_isdigit (p[1]))
    {
      parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX,
                   _("invalid number: a digit must come before “.”"));
    }
  else if (*p == ']' || *p == '}' || *p == ',' || *p == ':')
    {
      parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX, _("expected a value before “%c”"), *p);
    }
  else if (*p < 0x20 || *p == 0x7F)
    {
      parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX, _("unexpected control character U+%04X"), *p);
    }
  else
    {
      guint len = utf8_sequence_length (p, ps->end);

      parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX, _("unexpected character “%.*s”"),
                   (int) len, (const char *) p);
    }
}

/* Growing arrays */

static void
grow_stack (Parser *ps)
{
  ps->stack_cap = MAX (64, ps->stack_cap * 2);
  ps->stack = g_renew (CycleJsonNode, ps->stack, ps->stack_cap);
  ps->stack_fp = g_renew (guint32, ps->stack_fp, ps->stack_cap);
}

static inline void
push_node (Parser              *ps,
           const CycleJsonNode *node,
           guint32              fp)
{
  if (G_UNLIKELY (ps->stack_len == ps->stack_cap))
    grow_stack (ps);

  ps->stack[ps->stack_len] = *node;
  ps->stack_fp[ps->stack_len] = fp;
  ps->stack_len++;
}

/* Moves @n nodes to the end of the node array, making their children offsets relative */
static gboolean
append_nodes (Parser              *ps,
              const CycleJsonNode *src,
              gsize                n,
              gboolean             has_containers)
{
  gsize first = ps->n_nodes;
  gsize i;

  if (n == 0)
    return TRUE;   /* an empty container; the stack may not even exist yet */

  if (n > (gsize) G_MAXINT32 - first)
    {
      parser_fail (ps, ps->p > ps->data ? ps->p - 1 : ps->p, CYCLE_FILE_ERROR_LIMIT,
                   _("too many values in one file"));
      return FALSE;
    }

  if (first + n > ps->nodes_cap)
    {
      ps->nodes_cap = MAX (first + n, ps->nodes_cap * 2);
      ps->nodes = g_renew (CycleJsonNode, ps->nodes, ps->nodes_cap);
    }

  memcpy (ps->nodes + first, src, n * sizeof (CycleJsonNode));

  if (has_containers)
    {
      for (i = 0; i < n; i++)
        {
          CycleJsonNode *node = &ps->nodes[first + i];

          if (IS_CONTAINER (node))
            node->v.children.first -= (gint32) (first + i);
        }
    }

  ps->n_nodes += n;
  return TRUE;
}

/* Positions */

static inline guint32
column_here (Parser *ps)
{
  gsize column = (gsize) (ps->p - ps->data) - ps->col_base + 1;

  return (guint32) MIN (column, COLUMN_MAX);
}

static inline void
init_node (Parser              *ps,
           CycleJsonNode       *node,
           CycleJsonType        type)
{
  node->key = ps->pending_key;
  node->line = ps->line;
  node->bits = column_here (ps) << COLUMN_SHIFT | type;
}

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

static inline void
skip_whitespace (Parser *ps)
{
  const guchar *p = ps->p;
  const guchar *end = ps->end;

  while (p < end)
    {
      switch (*p)
        {
        case ' ':
        case '\t':
          p++;
          break;

        case '\r':
          /* "\r\n" is one line break, counted at the '\n'; a lone '\r' is one too */
          if (end - p >= 2 && p[1] == '\n')
            {
              p++;
              break;
            }
          G_GNUC_FALLTHROUGH;
        case '\n':
          p++;
          ps->line++;
          ps->col_base = p - ps->data;
          /* Indentation: skip eight spaces at a time */
          while (end - p >= 8)
            {
              guint64 word;

              memcpy (&word, p, 8);
              if (word != ONES * ' ')
                break;
              p += 8;
            }
          break;

        default:
          ps->p = p;
          return;
        }
    }

  ps->p = p;
}

/* Strings */

static inline guint
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return 16;
}

/* Four hex digits at @p (which has at least 4 bytes), or G_MAXUINT */
static inline guint
read_hex4 (const guchar *p)
{
  guint a = hex_value (p[0]);
  guint b = hex_value (p[1]);
  guint c = hex_value (p[2]);
  guint d = hex_value (p[3]);

  if ((a | b | c | d) & 16)
    return G_MAXUINT;
  return a << 12 | b << 8 | c << 4 | d;
}

static inline char *
put_utf8 (char    *dst,
          gunichar c)
{
  if (c < 0x80)
    {
      *dst++ = (char) c;
    }
  else if (c < 0x800)
    {
      *dst++ = (char) (0xC0 | (c >> 6));
      *dst++ = (char) (0x80 | (c & 0x3F));
    }
  else if (c < 0x10000)
    {
      *dst++ = (char) (0xE0 | (c >> 12));
      *dst++ = (char) (0x80 | ((c >> 6) & 0x3F));
      *dst++ = (char) (0x80 | (c & 0x3F));
    }
  else
    {
      *dst++ = (char) (0xF0 | (c >> 18));
      *dst++ = (char) (0x80 | ((c >> 12) & 0x3F));
      *dst++ = (char) (0x80 | ((c >> 6) & 0x3F));
      *dst++ = (char) (0x80 | (c & 0x3F));
    }
  return dst;
}

/* Bytes that end the fast scan of a string: '"', '\\', control characters and non-ASCII */
static inline guint64
special_bytes (guint64 x)
{
  guint64 quote = x ^ (ONES * '"');
  guint64 backslash = x ^ (ONES * '\\');

  /* Each term's lowest set bit marks its first match exactly; borrows only add bits above it */
  return (((quote - ONES) & ~quote) |
          ((backslash - ONES) & ~backslash) |
          (x - ONES * 0x20) |
          x) & HIGHS;
}

/* Decodes the string whose opening quote is at ps->p into the arena; returns it and its length
 * in bytes, and leaves ps->p after the closing quote. */
static const char *
parse_string (Parser *ps,
              gsize  *length)
{
  const guchar *start = ps->p;
  const guchar *end = ps->end;
  const guchar *p = start + 1;
  char *result = ps->arena_pos;
  char *dst = result;
  guchar c;

  for (;;)
    {
      /* The arena has room for 8 bytes at dst whenever the input has 8 at p */
      while (end - p >= 8)
        {
          guint64 word;
          guint64 special;

          memcpy (&word, p, 8);
          special = special_bytes (word);
          memcpy (dst, &word, 8);
          if (special != 0)
            {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined(__GNUC__)
              guint n = (guint) __builtin_ctzll (special) >> 3;

              dst += n;
              p += n;
              goto special_byte;
#else
              break;
#endif
            }
          dst += 8;
          p += 8;
        }

      while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\')
        *dst++ = (char) *p++;

      if (p == end)
        {
          parser_fail (ps, start, CYCLE_FILE_ERROR_SYNTAX, _("unterminated string"));
          return NULL;
        }

#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined(__GNUC__)
    special_byte:
#endif
      c = *p;
      if (c == '"')
        {
          *dst = '\0';
          *length = dst - result;
          ps->arena_pos = dst + 1;
          ps->p = p + 1;
          return result;
        }
      else if (c == '\\')
        {
          if (end - p < 2)
            {
              parser_fail (ps, start, CYCLE_FILE_ERROR_SYNTAX, _("unterminated string"));
              return NULL;
            }

          switch (p[1])
            {
            case '"':  *dst++ = '"';  p += 2; break;
            case '\\': *dst++ = '\\'; p += 2; break;
            case '/':  *dst++ = '/';  p += 2; break;
            case 'b':  *dst++ = '\b'; p += 2; break;
            case 'f':  *dst++ = '\f'; p += 2; break;
            case 'n':  *dst++ = '\n'; p += 2; break;
            case 'r':  *dst++ = '\r'; p += 2; break;
            case 't':  *dst++ = '\t'; p += 2; break;

            case 'u':
              {
                guint cp = end - p >= 6 ? read_hex4 (p + 2) : G_MAXUINT;

                if (cp == G_MAXUINT)
                  {
                    parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX,
                                 _("invalid escape: “\\u” must be followed by four "
                                   "hexadecimal digits"));
                    return NULL;
                  }
                if (cp == 0)
                  {
                    parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX,
                                 _("the NUL character (\\u0000) is not allowed in strings"));
                    return NULL;
                  }
                if (cp >= 0xD800 && cp <= 0xDBFF)
                  {
                    guint low = G_MAXUINT;

                    if (end - p >= 12 && p[6] == '\\' && p[7] == 'u')
                      low = read_hex4 (p + 8);
                    if (low < 0xDC00 || low > 0xDFFF)
                      {
                        parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX,
                                     _("unpaired surrogate \\u%04X"), cp);
                        return NULL;
                      }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                  }
                else if (cp >= 0xDC00 && cp <= 0xDFFF)
                  {
                    parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX,
                                 _("unpaired surrogate \\u%04X"), cp);
                    return NULL;
                  }
                dst = put_utf8 (dst, cp);
                p += 6;
              }
              break;

            default:
              if (p[1] > 0x20 && p[1] < 0x7F)
                parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX, _("invalid escape “\\%c”"), p[1]);
              else
                parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX, _("invalid escape"));
              return NULL;
            }
        }
      else if (c < 0x20)
        {
          if (c == '\n' || c == '\r')
            parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX,
                         _("line break in a string (close the string with “\"”, "
                           "or write \\n)"));
          else
            parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX,
                         _("control character in a string (escape it)"));
          return NULL;
        }
      else
        {
          guint len = utf8_sequence_length (p, end);

          if (len == 0)
            {
              parser_fail (ps, p, CYCLE_FILE_ERROR_SYNTAX, _("invalid UTF-8"));
              return NULL;
            }
          memcpy (dst, p, len);
          dst += len;
          p += len;
          ps->col_base += len - 1;
        }
    }
}

/* Numbers */

/* Whether the number literal [p, end) (valid JSON) is exactly an integer of magnitude ≤ 2^53:
 * "1.0", "1e2", "-0" are; "0.5", "1.00000000000000001", "9007199254740993" are not, even where
 * the nearest double is such an integer. */
static gboolean
literal_is_safe_integer (const guchar *p,
                         const guchar *end)
{
  const guchar *int_start;
  const guchar *frac_start = NULL;
  gsize n_int;
  gsize n_frac = 0;
  gsize n;
  gsize first;
  gsize last;
  gsize i;
  gint64 exponent = 0;
  gint64 shift;
  guint64 value = 0;

#define DIGIT(k) ((k) < n_int ? int_start[k] : frac_start[(k) - n_int])

  if (*p == '-')
    p++;
  int_start = p;
  while (p < end && g_ascii_isdigit (*p))
    p++;
  n_int = p - int_start;
  if (p < end && *p == '.')
    {
      frac_start = ++p;
      while (p < end && g_ascii_isdigit (*p))
        p++;
      n_frac = p - frac_start;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      gboolean negative = FALSE;

      p++;
      if (*p == '+' || *p == '-')
        negative = *p++ == '-';
      for (; p < end; p++)
        if (exponent < 1000000)
          exponent = exponent * 10 + (*p - '0');
      if (negative)
        exponent = -exponent;
    }

  /* The value is DIGITS × 10^(exponent - n_frac); drop zeros at both ends of DIGITS */
  n = n_int + n_frac;
  for (first = 0; first < n && DIGIT (first) == '0'; first++)
    ;
  if (first == n)
    return TRUE;
  for (last = n - 1; DIGIT (last) == '0'; last--)
    ;
  shift = exponent - (gint64) n_frac + (gint64) (n - 1 - last);

  /* 10^16 > 2^53 */
  if (shift < 0 || (gint64) (last - first + 1) + shift > 16)
    return FALSE;

  for (i = first; i <= last; i++)
    value = value * 10 + (DIGIT (i) - '0');
  for (; shift > 0; shift--)
    value *= 10;

#undef DIGIT

  return value <= CYCLE_JSON_MAX_SAFE_INTEGER;
}

static gboolean
parse_number (Parser        *ps,
              CycleJsonNode *node)
{
  const guchar *start = ps->p;
  const guchar *end = ps->end;
  const guchar *p = start;
  gboolean negative = FALSE;
  gboolean plain = TRUE;
  guint64 mantissa = 0;
  guint n_digits = 0;
  double value;
  gboolean is_int;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  if (p == end || !g_ascii_isdigit (*p))
    {
      if (p < end && (*p == 'I' || *p == 'N'))
        parser_fail (ps, start, CYCLE_FILE_ERROR_SYNTAX,
                     _("NaN and Infinity are not allowed in JSON"));
      else
        parser_fail (ps, start, CYCLE_FILE_ERROR_SYNTAX,
                     _("invalid number: a digit must follow “-”"));
      return FALSE;
    }

  if (*p == '0')
    {
      p++;
      n_digits = 1;
      if (p < end && g_ascii_isdigit (*p))
        {
          parser_fail (ps, start, CYCLE_FILE_ERROR_SYNTAX,
                       _("invalid number: leading zeros are not allowed"));
          return FALSE;
        }
    }
  else
    {
      for (; p < end && g_ascii_isdigit (*p); p++, n_digits++)
        if (n_digits < 19)
          mantissa = mantissa * 10 + (*p - '0');
    }

  if (p < end && *p == '.')
    {
      plain = FALSE;
      p++;
      if (p == end || !g_ascii_isdigit (*p))
        {
          parser_fail (ps, start, CYCLE_FILE_ERROR_SYNTAX,
                       _("invalid number: a digit must follow “.”"));
          return FALSE;
        }
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      plain = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p == end || !g_ascii_isdigit (*p))
        {
          parser_fail (ps, start, CYCLE_FILE_ERROR_SYNTAX,
                       _("invalid number: the exponent needs at least one digit"));
          return FALSE;
        }
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  if (plain && n_digits <= 19)
    {
      /* Exact, and converting a 64-bit integer rounds like g_ascii_strtod () would */
      value = (double) mantissa;
      if (negative)
        value = -value;
      is_int = mantissa <= CYCLE_JSON_MAX_SAFE_INTEGER;
    }
  else
    {
      /* The input is not NUL-terminated: give g_ascii_strtod () a copy */
      char buffer[64];
      g_autofree char *copy = NULL;
      gsize len = p - start;
      char *literal = buffer;

      if (len < sizeof buffer)
        {
          memcpy (buffer, start, len);
          buffer[len] = '\0';
        }
      else
        {
          literal = copy = g_strndup ((const char *) start, len);
        }

      value = g_ascii_strtod (literal, NULL);
      if (!isfinite (value))
        {
          parser_fail (ps, start, CYCLE_FILE_ERROR_SYNTAX, _("number out of range"));
          return FALSE;
        }
      is_int = !plain && literal_is_safe_integer (start, p);
    }

  init_node (ps, node, CYCLE_JSON_NUMBER);
  if (is_int)
    node->bits |= NODE_INT;
  node->v.number = value;
  ps->p = p;
  return TRUE;
}

/* true, false, null, and words that are not */
static gboolean
parse_word (Parser        *ps,
            CycleJsonNode *node)
{
  const guchar *start = ps->p;
  const guchar *p = start;
  gsize len;

  while (p < ps->end && (g_ascii_isalnum (*p) || *p == '_'))
    p++;
  len = p - start;

  if (len == 4 && memcmp (start, "true", 4) == 0)
    {
      init_node (ps, node, CYCLE_JSON_BOOLEAN);
      node->v.boolean = TRUE;
    }
  else if (len == 5 && memcmp (start, "false", 5) == 0)
    {
      init_node (ps, node, CYCLE_JSON_BOOLEAN);
      node->v.boolean = FALSE;
    }
  else if (len == 4 && memcmp (start, "null", 4) == 0)
    {
      init_node (ps, node, CYCLE_JSON_NULL);
      node->v.string = NULL;
    }
  else if ((len == 3 && memcmp (start, "NaN", 3) == 0) ||
           (len == 8 && memcmp (start, "Infinity", 8) == 0))
    {
      parser_fail (ps, start, CYCLE_FILE_ERROR_SYNTAX,
                   _("NaN and Infinity are not allowed in JSON"));
      return FALSE;
    }
  else
    {
      parser_fail (ps, start, CYCLE_FILE_ERROR_SYNTAX,
                   _("unknown word “%.*s”: JSON only knows true, false and null"),
                   (int) MIN (len, 40), (const char *) start);
      return FALSE;
    }

  ps->p = p;
  return TRUE;
}

/* Keys without nodes (see KeyRef) */

/* FNV-1a, then murmur3's finalizer: short keys from a small alphabet ("a0", "a1"…) collide
 * far too often under g_str_hash () for linear probing */
static inline guint32
key_hash (const char *key)
{
  guint32 h = 2166136261u;

  for (const guchar *p = (const guchar *) key; *p != '\0'; p++)
    h = (h ^ *p) * 16777619u;
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

static void
key_set_free (KeySet *set)
{
  g_free (set->slots);
  g_free (set);
}

/* Inserts the key at @offset of @base; FALSE if an equal key is there already */
static gboolean
key_set_add (KeySet     *set,
             const char *base,
             guint32     offset)
{
  const char *key = base + offset;
  guint32 i;

  if ((set->n + 1) * 4 > (set->mask + 1) * 3)
    {
      guint32 *old = set->slots;
      guint32 old_size = set->mask + 1;

      set->mask = old_size * 2 - 1;
      set->slots = g_new0 (guint32, old_size * 2);
      for (guint32 j = 0; j < old_size; j++)
        if (old[j] != 0)
          {
            for (i = key_hash (base + old[j] - 1) & set->mask; set->slots[i] != 0;
                 i = (i + 1) & set->mask)
              ;
            set->slots[i] = old[j];
          }
      g_free (old);
    }

  for (i = key_hash (key) & set->mask; set->slots[i] != 0; i = (i + 1) & set->mask)
    if (strcmp (base + set->slots[i] - 1, key) == 0)
      return FALSE;

  set->slots[i] = offset + 1;
  set->n++;
  return TRUE;
}

/* Where the keys of @frame's untracked members are: the arena for an object read as text, its
 * unknown members' text for a known object. */
static const char *
key_base (Parser *ps,
          Frame  *frame)
{
  return frame->raw ? ps->arena : frame->unknown->buf->str;
}

/* Checks the key at @offset (of key_base ()) against @frame's other untracked keys, and adds
 * it; FALSE (and the error set) when it is there already. */
static gboolean
add_untracked_key (Parser       *ps,
                   Frame        *frame,
                   guint32       offset,
                   guint32       fp,
                   const guchar *key_start)
{
  const char *base = key_base (ps, frame);
  const char *key = base + offset;
  gboolean duplicate = FALSE;

  if (frame->keyset == NULL)
    {
      for (gsize i = frame->raw_keys_base; i < ps->raw_keys_len && !duplicate; i++)
        duplicate = ps->raw_keys[i].fp == fp && strcmp (base + ps->raw_keys[i].offset, key) == 0;

      if (!duplicate && ps->raw_keys_len - frame->raw_keys_base < DUPLICATE_HASH_THRESHOLD)
        {
          if (ps->raw_keys_len == ps->raw_keys_cap)
            {
              ps->raw_keys_cap = MAX (64, ps->raw_keys_cap * 2);
              ps->raw_keys = g_renew (KeyRef, ps->raw_keys, ps->raw_keys_cap);
            }
          ps->raw_keys[ps->raw_keys_len++] = (KeyRef) { offset, fp };
          return TRUE;
        }

      if (!duplicate)
        {
          /* A big object: its keys move to a set */
          frame->keyset = g_new0 (KeySet, 1);
          frame->keyset->mask = 63;
          frame->keyset->slots = g_new0 (guint32, 64);
          for (gsize i = frame->raw_keys_base; i < ps->raw_keys_len; i++)
            key_set_add (frame->keyset, base, ps->raw_keys[i].offset);
          ps->raw_keys_len = frame->raw_keys_base;
        }
    }

  if (!duplicate)
    duplicate = !key_set_add (frame->keyset, base, offset);

  if (duplicate)
    {
      g_autofree char *quoted = cycle_file_error_quote (key);

      parser_fail (ps, key_start, CYCLE_FILE_ERROR_SYNTAX, _("duplicate key “%s”"), quoted);
      return FALSE;
    }

  return TRUE;
}

/* Values read as text */

static CycleJsonMembers *
members_new (void)
{
  CycleJsonMembers *members = g_new0 (CycleJsonMembers, 1);

  members->buf = g_string_new (NULL);
  return members;
}

/* Appends the JSON text [p, end) (valid JSON) without its whitespace, strings written the
 * canonical way (cycle_json_write_string ()), numbers exactly as they are written. */
static void
compact_append (GString      *out,
                const guchar *p,
                const guchar *end)
{
  g_autoptr(GString) text = NULL;

  while (p < end)
    {
      const guchar *q;

      switch (*p)
        {
        case ' ': case '\t': case '\n': case '\r':
          p++;
          break;

        case '"':
          /* Plain strings are copied; others are decoded, then written again */
          for (q = p + 1; *q != '"' && *q != '\\'; q++)
            ;
          if (*q == '"')
            {
              g_string_append_len (out, (const char *) p, q + 1 - p);
              p = q + 1;
              break;
            }
          if (text == NULL)
            text = g_string_new (NULL);
          g_string_truncate (text, 0);
          for (p++; *p != '"'; )
            {
              if (*p != '\\')
                {
                  g_string_append_c (text, (char) *p++);
                  continue;
                }
              switch (p[1])
                {
                case 'b': g_string_append_c (text, '\b'); p += 2; break;
                case 'f': g_string_append_c (text, '\f'); p += 2; break;
                case 'n': g_string_append_c (text, '\n'); p += 2; break;
                case 'r': g_string_append_c (text, '\r'); p += 2; break;
                case 't': g_string_append_c (text, '\t'); p += 2; break;
                case 'u':
                  {
                    gunichar c = read_hex4 (p + 2);

                    p += 6;
                    if (c >= 0xD800 && c <= 0xDBFF)
                      {
                        c = 0x10000 + ((c - 0xD800) << 10) + (read_hex4 (p + 2) - 0xDC00);
                        p += 6;
                      }
                    g_string_append_unichar (text, c);
                  }
                  break;
                default:   /* '"', '\\', '/' */
                  g_string_append_c (text, (char) p[1]);
                  p += 2;
                  break;
                }
            }
          p++;
          cycle_json_write_string (out, text->str);
          break;

        default:
          for (q = p; q < end && *q != '"' && *q != ' ' && *q != '\t' && *q != '\n' &&
                      *q != '\r'; q++)
            ;
          g_string_append_len (out, (const char *) p, q - p);
          p = q;
          break;
        }
    }
}

/* A value read as text starts at ps->p */
static void
start_raw (Parser  *ps,
           RawKind  kind)
{
  ps->raw_kind = kind;
  ps->raw_start = ps->p;
  ps->raw_line = ps->line;
  ps->raw_column = column_here (ps);
  ps->raw_key = ps->pending_key;
  ps->raw_fp = ps->pending_fp;
  ps->raw_arena_mark = ps->arena_pos;
  ps->raw_owner = ps->n_frames - 1;
  ps->pending_key = NULL;
}

/* The value read as text ended at ps->p */
static gboolean
finish_raw (Parser *ps)
{
  ps->arena_pos = ps->raw_arena_mark;

  if (ps->raw_kind == RAW_MEMBER)
    {
      CycleJsonMembers *members = ps->frames[ps->raw_owner].unknown;

      compact_append (members->buf, ps->raw_start, ps->p);
      g_string_append_c (members->buf, '\0');
      members->n++;
      ps->unknown_pending = FALSE;
    }
  else
    {
      CycleJsonNode node;

      node.key = ps->raw_key;
      node.line = ps->raw_line;
      node.bits = ps->raw_column << COLUMN_SHIFT | NODE_RAW |
                  (*ps->raw_start == '[' ? CYCLE_JSON_ARRAY : CYCLE_JSON_OBJECT);
      node.v.raw.offset = (guint32) (ps->raw_start - ps->data);
      node.v.raw.length = (guint32) (ps->p - ps->raw_start);
      push_node (ps, &node, ps->raw_fp);
    }

  ps->raw_kind = RAW_NONE;
  return TRUE;
}

static const CycleJsonSchema *
schema_lookup (const CycleJsonSchema *known,
               const char            *key)
{
  for (; known != NULL && known->key != NULL; known++)
    if (strcmp (known->key, key) == 0)
      return known;
  return NULL;
}

/* Containers */

static gboolean
open_container (Parser                *ps,
                CycleJsonType          type,
                gboolean               raw,
                const CycleJsonSchema *known)
{
  Frame *frame;

  if (ps->n_frames >= ps->max_depth)
    {
      parser_fail (ps, ps->p, CYCLE_FILE_ERROR_LIMIT,
                   g_dngettext (GETTEXT_PACKAGE, "JSON nested deeper than %u level",
                                "JSON nested deeper than %u levels", ps->max_depth),
                   ps->max_depth);
      return FALSE;
    }

  if (ps->n_frames == ps->frames_cap)
    {
      ps->frames_cap = MAX (16, ps->frames_cap * 2);
      ps->frames = g_renew (Frame, ps->frames, ps->frames_cap);
    }

  frame = &ps->frames[ps->n_frames++];
  frame->base = ps->stack_len;
  frame->key = ps->pending_key;
  frame->key_fp = ps->pending_fp;
  frame->line = ps->line;
  frame->column = column_here (ps);
  frame->type = type;
  frame->has_containers = FALSE;
  frame->keys = NULL;
  frame->raw = raw;
  frame->known = known;
  frame->raw_keys_base = ps->raw_keys_len;
  frame->keyset = NULL;
  frame->arena_mark = ps->arena_pos;
  frame->unknown = NULL;
  frame->nodes_mark = ps->n_nodes;
  frame->unknown_mark = ps->unknown != NULL ? ps->unknown->len : 0;
  frame->n_taken = 0;
  if (raw)
    ps->raw_depth++;
  ps->pending_key = NULL;
  ps->p++;
  return TRUE;
}

static gboolean
close_container (Parser *ps)
{
  Frame *frame = &ps->frames[ps->n_frames - 1];
  gsize n;
  CycleJsonNode node;

  g_clear_pointer (&frame->keyset, key_set_free);
  ps->raw_keys_len = frame->raw_keys_base;

  if (frame->raw)
    {
      /* Its keys are no longer needed: the arena goes back to before them */
      ps->arena_pos = frame->arena_mark;
      ps->p++;
      ps->n_frames--;
      ps->raw_depth--;
      return ps->raw_depth > 0 || finish_raw (ps);
    }

  node.key = frame->key;
  node.line = frame->line;
  node.bits = MIN (frame->column, COLUMN_MAX) << COLUMN_SHIFT | frame->type;

  if (frame->unknown != NULL)
    {
      CycleJsonNode members = { 0, };

      /* After the members, not counted among them */
      members.bits = NODE_TYPE_UNKNOWN;
      members.v.unknown = ps->unknown->len;
      /* A GString grows by doubling: give back what it will not use, as the plan keeps it */
      frame->unknown->buf->str = g_realloc (frame->unknown->buf->str, frame->unknown->buf->len + 1);
      frame->unknown->buf->allocated_len = frame->unknown->buf->len + 1;
      g_ptr_array_add (ps->unknown, g_steal_pointer (&frame->unknown));
      push_node (ps, &members, 0);
      node.bits |= NODE_UNKNOWN;
    }

  n = ps->stack_len - frame->base;
  node.v.children.first = (gint32) ps->n_nodes;
  node.v.children.length = (guint32) n - ((node.bits & NODE_UNKNOWN) ? 1 : 0);

  ps->p++;
  /* An empty container may come before anything was pushed, while ps->stack is still NULL:
   * no pointer arithmetic on it then (undefined behaviour, which UBSan reports). */
  if (n > 0 && !append_nodes (ps, ps->stack + frame->base, n, frame->has_containers))
    return FALSE;

  g_clear_pointer (&frame->keys, g_hash_table_unref);
  ps->stack_len = frame->base;

  /* An object in an array, which the schema knows: offered to the element func, which may take
   * it (then its nodes, strings and unknown members go) */
  if (ps->options != NULL && ps->options->element_func != NULL && frame->known != NULL &&
      frame->type == CYCLE_JSON_OBJECT && ps->n_frames >= 2 &&
      ps->frames[ps->n_frames - 2].type == CYCLE_JSON_ARRAY)
    {
      Frame *array = &ps->frames[ps->n_frames - 2];
      guint index = array->n_taken + (guint) (ps->stack_len - array->base);
      CycleJsonStream stream;
      gboolean taken = FALSE;
      gboolean ok;

      if (!append_nodes (ps, &node, 1, TRUE))
        return FALSE;
      stream.ps = ps;
      stream.doc.nodes = ps->nodes;
      stream.doc.n_nodes = ps->n_nodes;
      stream.doc.arena = NULL;
      stream.doc.unknown = ps->unknown;
      ok = ps->options->element_func (&stream, &ps->nodes[ps->n_nodes - 1], ps->n_frames - 1,
                                      index, &taken, ps->options->user_data, ps->error);
      if (!ok)
        return FALSE;
      if (taken)
        {
          ps->n_nodes = frame->nodes_mark;
          ps->arena_pos = frame->arena_mark;
          g_ptr_array_set_size (ps->unknown, frame->unknown_mark);
          array->n_taken++;
          ps->n_frames--;
          return TRUE;
        }
      ps->n_nodes--;   /* the copy given to the func; the node goes on the stack as usual */
    }

  ps->n_frames--;
  push_node (ps, &node, frame->key_fp);
  if (ps->n_frames > 0)
    ps->frames[ps->n_frames - 1].has_containers = TRUE;
  return TRUE;
}

/* Cancellation and progress, every CHECK_EVERY bytes */
static gboolean
check_progress (Parser *ps)
{
  const CycleJsonParseOptions *options = ps->options;

  ps->next_check = ps->p + MIN ((gsize) CHECK_EVERY, (gsize) (ps->end - ps->p));
  if (options == NULL)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (options->cancellable, ps->error))
    return FALSE;
  if (options->progress_func != NULL)
    options->progress_func ((gsize) (ps->p - ps->data), (gsize) (ps->end - ps->data),
                            options->user_data);
  return TRUE;
}

static inline guint32
key_fingerprint (const char *key,
                 gsize       len)
{
  if (len == 0)
    return 0;
  return (guint32) len << 16 ^ (guint32) (guchar) key[0] << 8 ^ (guchar) key[len - 1];
}

/* The ':' after a key; @key becomes the pending key */
static gboolean
parse_colon (Parser     *ps,
             const char *key,
             guint32     fp)
{
  skip_whitespace (ps);
  if (ps->p == ps->end || *ps->p != ':')
    {
      fail_here (ps, _("expected “:” after the key of an object member"));
      return FALSE;
    }
  ps->p++;

  ps->pending_key = key;
  ps->pending_fp = fp;
  return TRUE;
}

/* Parses the member name at ps->p (a '"') and the ':' after it */
static gboolean
parse_key (Parser *ps)
{
  Frame *frame = &ps->frames[ps->n_frames - 1];
  const guchar *key_start = ps->p;
  const char *key;
  gsize len;
  guint32 fp;
  gboolean duplicate = FALSE;

  key = parse_string (ps, &len);
  if (key == NULL)
    return FALSE;
  fp = key_fingerprint (key, len);

  if (frame->raw)
    {
      /* Inside a value read as text: the key stays in the arena until its object closes */
      if (!add_untracked_key (ps, frame, (guint32) (key - ps->arena), fp, key_start))
        return FALSE;
      return parse_colon (ps, NULL, 0);
    }

  if (ps->schema != NULL)
    {
      ps->pending_entry = schema_lookup (frame->known, key);
      if (ps->pending_entry == NULL)
        {
          /* An unknown member: its key goes to the object's unknown members, where its value
           * will follow, and leaves the arena */
          guint32 offset;

          if (frame->unknown == NULL)
            frame->unknown = members_new ();
          offset = (guint32) frame->unknown->buf->len;
          g_string_append_len (frame->unknown->buf, key, len + 1);
          ps->arena_pos = (char *) key;
          if (!add_untracked_key (ps, frame, offset, fp, key_start))
            return FALSE;
          ps->unknown_pending = TRUE;
          return parse_colon (ps, NULL, 0);
        }
    }

  if (frame->keys == NULL && ps->stack_len - frame->base < DUPLICATE_HASH_THRESHOLD)
    {
      gsize i;

      for (i = frame->base; i < ps->stack_len; i++)
        {
          if (ps->stack_fp[i] == fp && strcmp (ps->stack[i].key, key) == 0)
            {
              duplicate = TRUE;
              break;
            }
        }
    }
  else
    {
      if (frame->keys == NULL)
        {
          gsize i;

          frame->keys = g_hash_table_new (g_str_hash, g_str_equal);
          for (i = frame->base; i < ps->stack_len; i++)
            g_hash_table_add (frame->keys, (gpointer) ps->stack[i].key);
        }
      duplicate = !g_hash_table_add (frame->keys, (gpointer) key);
    }

  if (duplicate)
    {
      {
        g_autofree char *quoted = cycle_file_error_quote (key);
        parser_fail (ps, key_start, CYCLE_FILE_ERROR_SYNTAX, _("duplicate key “%s”"), quoted);
      }
      return FALSE;
    }

  return parse_colon (ps, key, fp);
}

/* The parser's states are labels: a value is expected, a value has ended, a key is expected. */
static gboolean
parse_document (Parser *ps)
{
  CycleJsonNode node;
  const CycleJsonSchema *known;
  const char *string;
  gboolean raw;
  gsize len;
  guchar c;

value:
  skip_whitespace (ps);
  if (ps->p == ps->end)
    {
      fail_no_value (ps);
      return FALSE;
    }
  if (G_UNLIKELY (ps->p >= ps->next_check) && !check_progress (ps))
    return FALSE;

  c = *ps->p;
  known = NULL;
  raw = ps->raw_depth > 0;
  if (!raw && ps->unknown_pending)
    {
      start_raw (ps, RAW_MEMBER);
      raw = TRUE;
    }
  if (!raw && ps->schema != NULL && (c == '[' || c == '{'))
    {
      /* Where the schema expects no container, or an array inside an array */
      if (ps->n_frames == 0)
        known = c == '{' ? ps->schema : NULL;
      else if (ps->frames[ps->n_frames - 1].type == CYCLE_JSON_OBJECT)
        known = ps->pending_entry->members;
      else
        known = c == '{' ? ps->frames[ps->n_frames - 1].known : NULL;

      if (known == NULL)
        {
          start_raw (ps, RAW_NODE);
          raw = TRUE;
        }
    }

  /* A value read as text (@raw) is validated, and makes no node. */
  switch (c)
    {
    case '"':
      if (raw)
        {
          char *mark = ps->arena_pos;

          if (parse_string (ps, &len) == NULL)
            return FALSE;
          ps->arena_pos = mark;
          break;
        }
      init_node (ps, &node, CYCLE_JSON_STRING);
      string = parse_string (ps, &len);
      if (string == NULL)
        return FALSE;
      node.v.string = string;
      break;

    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      if (!parse_number (ps, &node))
        return FALSE;
      break;

    case '[':
    case '{':
      if (!open_container (ps, c == '[' ? CYCLE_JSON_ARRAY : CYCLE_JSON_OBJECT, raw, known))
        return FALSE;
      skip_whitespace (ps);
      if (ps->p < ps->end && *ps->p == (c == '[' ? ']' : '}'))
        {
          if (!close_container (ps))
            return FALSE;
          goto after_value;
        }
      if (c == '[')
        goto value;
      goto key;

    default:
      if (g_ascii_isalpha (c))
        {
          if (!parse_word (ps, &node))
            return FALSE;
          break;
        }
      fail_no_value (ps);
      return FALSE;
    }

  if (!raw)
    {
      push_node (ps, &node, ps->pending_fp);
      ps->pending_key = NULL;
    }
  else if (ps->raw_depth == 0 && !finish_raw (ps))
    return FALSE;

after_value:
  skip_whitespace (ps);
  if (ps->n_frames == 0)
    {
      if (ps->p == ps->end)
        return TRUE;
      fail_here (ps, _("unexpected text after the end of the JSON value"));
      return FALSE;
    }

  if (ps->p < ps->end)
    {
      const Frame *frame = &ps->frames[ps->n_frames - 1];

      c = *ps->p;
      if (c == ',')
        {
          ps->last_comma = ps->p++;
          if (frame->type == CYCLE_JSON_OBJECT)
            goto key;

          skip_whitespace (ps);
          if (ps->p < ps->end && *ps->p == ']')
            {
              parser_fail (ps, ps->last_comma, CYCLE_FILE_ERROR_SYNTAX, _("trailing comma"));
              return FALSE;
            }
          goto value;
        }
      if (c == (frame->type == CYCLE_JSON_OBJECT ? '}' : ']'))
        {
          if (!close_container (ps))
            return FALSE;
          goto after_value;
        }
    }

  if (ps->frames[ps->n_frames - 1].type == CYCLE_JSON_OBJECT)
    fail_here (ps, _("expected “,” or “}” after an object member"));
  else
    fail_here (ps, _("expected “,” or “]” after an array element"));
  return FALSE;

key:
  skip_whitespace (ps);
  if (ps->p < ps->end && *ps->p == '"')
    {
      if (!parse_key (ps))
        return FALSE;
      goto value;
    }

  /* After "{" a "}" has been taken already, so this one follows a comma */
  if (ps->p < ps->end && *ps->p == '}')
    parser_fail (ps, ps->last_comma, CYCLE_FILE_ERROR_SYNTAX, _("trailing comma"));
  else if (ps->p < ps->end && *ps->p == '\'')
    parser_fail (ps, ps->p, CYCLE_FILE_ERROR_SYNTAX,
                 _("single quotes are not allowed in JSON, use double quotes"));
  else
    fail_here (ps, _("expected a key in double quotes"));
  return FALSE;
}

/* A file saved as UTF-16 or UTF-32 (Windows' Notepad calls UTF-16 "Unicode") would otherwise be
 * refused for a stray character or a control character at 1:1: name its encoding instead, from
 * its byte order mark or, without one, from where the NUL bytes fall in the first four bytes
 * (JSON text starts with an ASCII character; RFC 4627, section 3). */
static gboolean
check_not_utf16 (const guchar  *p,
                 gsize          length,
                 GError       **error)
{
  const char *encoding = NULL;

  if (length >= 4 && memcmp (p, "\xFF\xFE\0\0", 4) == 0)
    encoding = "UTF-32LE";
  else if (length >= 4 && memcmp (p, "\0\0\xFE\xFF", 4) == 0)
    encoding = "UTF-32BE";
  else if (length >= 2 && p[0] == 0xFF && p[1] == 0xFE)
    encoding = "UTF-16LE";
  else if (length >= 2 && p[0] == 0xFE && p[1] == 0xFF)
    encoding = "UTF-16BE";
  else if (length >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] != 0)
    encoding = "UTF-32BE";
  else if (length >= 4 && p[0] != 0 && p[1] == 0 && p[2] == 0 && p[3] == 0)
    encoding = "UTF-32LE";
  else if (length >= 4 && p[0] == 0 && p[1] != 0 && p[2] == 0 && p[3] != 0)
    encoding = "UTF-16BE";
  else if (length >= 4 && p[0] != 0 && p[1] == 0 && p[2] != 0 && p[3] == 0)
    encoding = "UTF-16LE";

  if (encoding == NULL)
    return TRUE;

  /* Translators: %s is an encoding's name, "UTF-16LE" or "UTF-32BE" */
  g_set_error (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_SYNTAX,
               _("1:1: the file is encoded as %s, not UTF-8: save it as UTF-8"), encoding);
  return FALSE;
}

CycleJsonDoc *
cycle_json_doc_parse (const char  *data,
                      gsize        length,
                      guint        max_depth,
                      GError     **error)
{
  return cycle_json_doc_parse_with_schema (data, length, max_depth, NULL, error);
}

CycleJsonDoc *
cycle_json_doc_parse_with_schema (const char             *data,
                                  gsize                   length,
                                  guint                   max_depth,
                                  const CycleJsonSchema  *schema,
                                  GError                **error)
{
  CycleJsonParseOptions options = { schema, };

  return cycle_json_doc_parse_full (data, length, max_depth, &options, error);
}

CycleJsonDoc *
cycle_json_doc_parse_full (const char                   *data,
                           gsize                         length,
                           guint                         max_depth,
                           const CycleJsonParseOptions  *options,
                           GError                      **error)
{
  Parser ps = { 0 };
  const CycleJsonSchema *schema = options != NULL ? options->schema : NULL;
  CycleJsonDoc *doc;
  gboolean ok;
  guint i;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  else if (!check_not_utf16 ((const guchar *) data, length, error))
    {
      return NULL;
    }

  ps.data = (const guchar *) data;
  ps.end = ps.data + length;
  ps.p = ps.data;
  ps.max_depth = max_depth;
  ps.error = error;
  ps.line = 1;
  ps.schema = schema;
  ps.options = options;
  ps.next_check = ps.p;

  skip_whitespace (&ps);
  if (ps.p == ps.end)
    {
      g_set_error_literal (error, CYCLE_FILE_ERROR, CYCLE_FILE_ERROR_EMPTY, _("the file is empty"));
      return NULL;
    }

  ps.arena = g_malloc (length + 1);
  ps.arena_pos = ps.arena;
  /* Streamed elements leave few nodes: start small, the array doubles as needed */
  ps.nodes_cap = options != NULL && options->element_func != NULL ? 1024 : MAX (16, length / 16);
  ps.nodes = g_new (CycleJsonNode, ps.nodes_cap);
  ps.unknown = g_ptr_array_new_with_free_func ((GDestroyNotify) cycle_json_members_free);

  ok = parse_document (&ps);
  if (ok)
    {
      g_assert (ps.stack_len == 1);
      ok = append_nodes (&ps, ps.stack, 1, TRUE);
    }

  for (i = 0; i < ps.n_frames; i++)
    {
      g_clear_pointer (&ps.frames[i].keys, g_hash_table_unref);
      g_clear_pointer (&ps.frames[i].keyset, key_set_free);
      g_clear_pointer (&ps.frames[i].unknown, cycle_json_members_free);
    }
  g_free (ps.frames);
  g_free (ps.stack);
  g_free (ps.stack_fp);
  g_free (ps.raw_keys);

  if (!ok)
    {
      g_free (ps.nodes);
      g_free (ps.arena);
      g_ptr_array_unref (ps.unknown);
      return NULL;
    }

  if (!check_progress (&ps))
    {
      g_free (ps.nodes);
      g_free (ps.arena);
      g_ptr_array_unref (ps.unknown);
      return NULL;
    }

  doc = g_new (CycleJsonDoc, 1);
  doc->n_nodes = ps.n_nodes;
  doc->nodes = g_renew (CycleJsonNode, ps.nodes, ps.n_nodes);
  /* Only what the strings kept use: the arena was as long as the input */
  doc->arena = ps.arena;
  doc->unknown = ps.unknown;
  return doc;
}

void
cycle_json_doc_free (CycleJsonDoc *doc)
{
  if (doc == NULL)
    return;

  g_free (doc->nodes);
  g_free (doc->arena);
  g_ptr_array_unref (doc->unknown);
  g_free (doc);
}

CycleJsonMembers *
cycle_json_doc_steal_unknown (CycleJsonDoc        *doc,
                              const CycleJsonNode *node)
{
  const CycleJsonNode *members;

  g_return_val_if_fail (doc != NULL, NULL);
  g_return_val_if_fail (node != NULL, NULL);

  if (NODE_TYPE (node) != CYCLE_JSON_OBJECT || (node->bits & (NODE_RAW | NODE_UNKNOWN)) !=
      NODE_UNKNOWN)
    return NULL;

  members = node + node->v.children.first + node->v.children.length;
  g_assert (NODE_TYPE (members) == NODE_TYPE_UNKNOWN);
  return g_steal_pointer (&g_ptr_array_index (doc->unknown, members->v.unknown));
}

/* Streaming */

CycleJsonDoc *
cycle_json_stream_get_doc (CycleJsonStream *stream)
{
  return &stream->doc;
}

const char *
cycle_json_stream_get_key (CycleJsonStream *stream,
                           guint            depth)
{
  g_return_val_if_fail (depth < stream->ps->n_frames, NULL);

  return stream->ps->frames[depth].key;
}

guint
cycle_json_stream_get_n_taken (CycleJsonStream *stream,
                               guint            depth)
{
  g_return_val_if_fail (depth < stream->ps->n_frames, 0);

  return stream->ps->frames[depth].n_taken;
}

guint
cycle_json_stream_get_index (CycleJsonStream *stream,
                             guint            depth)
{
  Parser *ps = stream->ps;

  g_return_val_if_fail (depth + 1 < ps->n_frames, 0);

  return ps->frames[depth].n_taken + (guint) (ps->frames[depth + 1].base - ps->frames[depth].base);
}

const CycleJsonNode *
cycle_json_stream_lookup (CycleJsonStream *stream,
                          guint            depth,
                          const char      *key)
{
  Parser *ps = stream->ps;
  const Frame *frame;
  gsize end;

  g_return_val_if_fail (depth + 1 < ps->n_frames, NULL);

  frame = &ps->frames[depth];
  end = ps->frames[depth + 1].base;
  if (frame->type != CYCLE_JSON_OBJECT)
    return NULL;
  for (gsize i = frame->base; i < end; i++)
    if (ps->stack[i].key != NULL && strcmp (ps->stack[i].key, key) == 0)
      return &ps->stack[i];
  return NULL;
}

/* Unknown members */

CycleJsonMembers *
cycle_json_members_new (void)
{
  return members_new ();
}

void
cycle_json_members_free (CycleJsonMembers *members)
{
  if (members == NULL)
    return;

  g_string_free (members->buf, TRUE);
  g_free (members);
}

guint
cycle_json_members_get_length (CycleJsonMembers *members)
{
  return members != NULL ? members->n : 0;
}

/* The key and the value of each member, in file order */
static const char *
members_next (CycleJsonMembers  *members,
              const char        *entry,
              const char       **value)
{
  const char *key = entry != NULL ? entry : members->buf->str;

  if (entry != NULL)
    {
      /* entry is the previous key: skip it and its value */
      key = entry + strlen (entry) + 1;
      key += strlen (key) + 1;
    }
  if (key >= members->buf->str + members->buf->len)
    return NULL;
  *value = key + strlen (key) + 1;
  return key;
}

/* The member @key of @members (NULL if none: also for no members), its value in @value. */
static const char *
members_find (CycleJsonMembers  *members,
              const char        *key,
              const char       **value)
{
  if (members == NULL)
    return NULL;

  for (const char *k = members_next (members, NULL, value); k != NULL;
       k = members_next (members, k, value))
    if (strcmp (k, key) == 0)
      return k;

  return NULL;
}

const char *
cycle_json_members_lookup (CycleJsonMembers *members,
                           const char       *key)
{
  const char *value = NULL;

  g_return_val_if_fail (key != NULL, NULL);

  return members_find (members, key, &value) != NULL ? value : NULL;
}

void
cycle_json_members_add (CycleJsonMembers *members,
                        const char       *key,
                        const char       *json)
{
  g_autoptr(GString) compact = g_string_new (NULL);

  g_return_if_fail (members != NULL);
  g_return_if_fail (key != NULL && json != NULL);

  compact_append (compact, (const guchar *) json, (const guchar *) json + strlen (json));
  g_string_append_len (members->buf, key, strlen (key) + 1);
  g_string_append_len (members->buf, compact->str, compact->len + 1);
  members->n++;
}

const char *
cycle_json_members_iter (CycleJsonMembers  *members,
                         const char        *previous,
                         const char       **value)
{
  g_return_val_if_fail (value != NULL, NULL);

  if (members == NULL || members->n == 0)
    return NULL;
  return members_next (members, previous, value);
}

CycleJsonMembers *
cycle_json_members_copy (CycleJsonMembers *members)
{
  CycleJsonMembers *copy;

  if (members == NULL)
    return NULL;
  copy = members_new ();
  g_string_append_len (copy->buf, members->buf->str, members->buf->len);
  copy->n = members->n;
  return copy;
}

void
cycle_json_append_compact (GString    *out,
                           const char *json)
{
  g_return_if_fail (out != NULL && json != NULL);

  compact_append (out, (const guchar *) json, (const guchar *) json + strlen (json));
}

gboolean
cycle_json_members_remove (CycleJsonMembers *members,
                           const char       *key)
{
  const char *value = NULL;
  const char *k;
  gsize start, end;

  g_return_val_if_fail (key != NULL, FALSE);

  if ((k = members_find (members, key, &value)) == NULL)
    return FALSE;

  start = k - members->buf->str;
  end = (value - members->buf->str) + strlen (value) + 1;
  g_string_erase (members->buf, start, end - start);
  members->n--;
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

void
cycle_json_members_write (CycleJsonMembers      *members,
                          CycleJsonObjectWriter *writer)
{
  g_autofree const char **keys = NULL;
  const char *value = NULL;
  guint n = 0;

  g_return_if_fail (writer != NULL);

  if (members == NULL || members->n == 0)
    return;

  /* Sorted by key, in byte order, as the writer always did */
  keys = g_new (const char *, members->n);
  for (const char *k = members_next (members, NULL, &value); k != NULL;
       k = members_next (members, k, &value))
    keys[n++] = k;
  qsort (keys, n, sizeof (const char *), compare_strings);

  for (guint i = 0; i < n; i++)
    {
      cycle_json_object_key (writer, keys[i]);
      cycle_json_write_compact (writer->out, keys[i] + strlen (keys[i]) + 1, writer->depth + 1);
    }
}

JsonObject *
cycle_json_members_to_json_object (CycleJsonMembers *members)
{
  JsonObject *object;
  const char *value = NULL;

  if (members == NULL)
    return NULL;

  object = json_object_new ();
  for (const char *k = members_next (members, NULL, &value); k != NULL;
       k = members_next (members, k, &value))
    {
      CycleJsonDoc *doc = cycle_json_doc_parse (value, strlen (value), G_MAXUINT, NULL);

      g_assert (doc != NULL);
      json_object_set_member (object, k, cycle_json_node_to_json_node (
                                           cycle_json_doc_get_root (doc)));
      cycle_json_doc_free (doc);
    }

  return object;
}

const CycleJsonNode *
cycle_json_doc_get_root (CycleJsonDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return &doc->nodes[doc->n_nodes - 1];
}

void
cycle_json_doc_get_position (CycleJsonDoc        *doc,
                             const CycleJsonNode *node,
                             guint               *line,
                             guint               *column)
{
  g_return_if_fail (doc != NULL);
  g_return_if_fail (node >= doc->nodes && node < doc->nodes + doc->n_nodes);

  if (line != NULL)
    *line = node->line;
  if (column != NULL)
    *column = node->bits >> COLUMN_SHIFT;
}

/* Nodes */

CycleJsonType
cycle_json_node_get_node_type (const CycleJsonNode *node)
{
  g_return_val_if_fail (node != NULL, CYCLE_JSON_NULL);

  return NODE_TYPE (node);
}

guint
cycle_json_node_get_length (const CycleJsonNode *node)
{
  g_return_val_if_fail (node != NULL, 0);

  return IS_CONTAINER (node) ? node->v.children.length : 0;
}

const CycleJsonNode *
cycle_json_node_get_element (const CycleJsonNode *node,
                             guint                index)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (IS_CONTAINER (node), NULL);
  g_return_val_if_fail (index < node->v.children.length, NULL);

  return node + node->v.children.first + index;
}

const char *
cycle_json_node_get_key (const CycleJsonNode *node,
                         guint                index)
{
  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (NODE_TYPE (node) == CYCLE_JSON_OBJECT, NULL);
  g_return_val_if_fail (index < node->v.children.length, NULL);

  return (node + node->v.children.first)[index].key;
}

const CycleJsonNode *
cycle_json_node_lookup (const CycleJsonNode *node,
                        const char          *key)
{
  const CycleJsonNode *members;
  guint i;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (NODE_TYPE (node) != CYCLE_JSON_OBJECT)
    return NULL;

  /* Objects are small; a linear search beats building an index */
  members = node + node->v.children.first;
  for (i = 0; i < node->v.children.length; i++)
    if (strcmp (members[i].key, key) == 0)
      return &members[i];

  return NULL;
}

const char *
cycle_json_node_get_string (const CycleJsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  return NODE_TYPE (node) == CYCLE_JSON_STRING ? node->v.string : NULL;
}

gboolean
cycle_json_node_get_boolean (const CycleJsonNode *node)
{
  g_return_val_if_fail (node != NULL, FALSE);

  return NODE_TYPE (node) == CYCLE_JSON_BOOLEAN ? node->v.boolean : FALSE;
}

double
cycle_json_node_get_double (const CycleJsonNode *node)
{
  g_return_val_if_fail (node != NULL, 0.0);

  return NODE_TYPE (node) == CYCLE_JSON_NUMBER ? node->v.number : 0.0;
}

gboolean
cycle_json_node_get_int (const CycleJsonNode *node,
                         gint64              *value)
{
  g_return_val_if_fail (node != NULL, FALSE);

  /* Decided on the literal, not on the double it rounds to: see literal_is_safe_integer () */
  if (NODE_TYPE (node) != CYCLE_JSON_NUMBER || !(node->bits & NODE_INT))
    return FALSE;

  if (value != NULL)
    *value = (gint64) node->v.number;
  return TRUE;
}

static JsonNode *
new_json_node (const CycleJsonNode *node)
{
  JsonNode *result = NULL;
  gint64 value;

  switch (NODE_TYPE (node))
    {
    case CYCLE_JSON_NULL:
      result = json_node_new (JSON_NODE_NULL);
      break;

    case CYCLE_JSON_BOOLEAN:
      result = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (result, node->v.boolean);
      break;

    case CYCLE_JSON_NUMBER:
      result = json_node_new (JSON_NODE_VALUE);
      if (cycle_json_node_get_int (node, &value))
        json_node_set_int (result, value);
      else
        json_node_set_double (result, node->v.number);
      break;

    case CYCLE_JSON_STRING:
      result = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (result, node->v.string);
      break;

    case CYCLE_JSON_ARRAY:
      result = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (result, json_array_sized_new (node->v.children.length));
      break;

    case CYCLE_JSON_OBJECT:
      result = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (result, json_object_new ());
      break;

    default:
      g_assert_not_reached ();
    }

  return result;
}

typedef struct
{
  const CycleJsonNode *node;
  JsonNode            *copy;
  guint                next;
} CopyFrame;

JsonNode *
cycle_json_node_to_json_node (const CycleJsonNode *node)
{
  g_autoptr(GArray) stack = NULL;
  JsonNode *root;

  g_return_val_if_fail (node != NULL, NULL);

  root = new_json_node (node);
  if (cycle_json_node_get_length (node) == 0)
    return root;

  /* A loop, not recursion: documents may be as deep as their reader allowed */
  stack = g_array_new (FALSE, FALSE, sizeof (CopyFrame));
  g_array_append_vals (stack, &(CopyFrame) { node, root, 0 }, 1);

  while (stack->len > 0)
    {
      CopyFrame *top = &g_array_index (stack, CopyFrame, stack->len - 1);
      const CycleJsonNode *child;
      JsonNode *copy;

      if (top->next == top->node->v.children.length)
        {
          g_array_set_size (stack, stack->len - 1);
          continue;
        }

      child = top->node + top->node->v.children.first + top->next++;
      copy = new_json_node (child);
      if (NODE_TYPE (top->node) == CYCLE_JSON_OBJECT)
        json_object_set_member (json_node_get_object (top->copy), child->key, copy);
      else
        json_array_add_element (json_node_get_array (top->copy), copy);

      if (cycle_json_node_get_length (child) > 0)
        g_array_append_vals (stack, &(CopyFrame) { child, copy, 0 }, 1);
    }

  return root;
}
