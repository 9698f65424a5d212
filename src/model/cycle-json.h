/* cycle-json.h: a strict JSON reader (RFC 8259) and a canonical JSON writer
 *
 * json-glib 1.6 accepts comments, duplicate keys, two top-level values and "a\u0000b", has no
 * depth limit, and turns huge integers into -1; this reader refuses all of that with the line and
 * column of the fault, and is fast enough to load 100 000 content items well within the budget.
 *
 * Copyright 2026 The Cycle authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* 2^53: above it, not every integer is a double */
#define CYCLE_JSON_MAX_SAFE_INTEGER G_GUINT64_CONSTANT (9007199254740992)

typedef enum {
  CYCLE_JSON_NULL,
  CYCLE_JSON_BOOLEAN,
  CYCLE_JSON_NUMBER,
  CYCLE_JSON_STRING,
  CYCLE_JSON_ARRAY,
  CYCLE_JSON_OBJECT,
} CycleJsonType;

typedef struct _CycleJsonDoc     CycleJsonDoc;
typedef struct _CycleJsonNode    CycleJsonNode;
typedef struct _CycleJsonMembers CycleJsonMembers;

/* What a reader knows of a document: the members of an object (a list ended by { NULL }), each
 * with, if it is an object or an array of objects, the members known in those objects. */
typedef struct _CycleJsonSchema CycleJsonSchema;
struct _CycleJsonSchema
{
  const char            *key;
  const CycleJsonSchema *members;  /* NULL: a value that is no container */
};

/* Parses @data (not NUL-terminated; a UTF-8 byte order mark is skipped). On error returns NULL and
 * sets CYCLE_FILE_ERROR_SYNTAX or _LIMIT with a message "LINE:COLUMN: …" (1-based, columns count
 * characters), or CYCLE_FILE_ERROR_EMPTY. Refuses: comments, trailing commas, duplicate keys in an
 * object, more than one top-level value, invalid UTF-8, control characters in strings, \u0000,
 * lone surrogates, numbers that are not finite doubles, nesting deeper than @max_depth. */
CycleJsonDoc        *cycle_json_doc_parse          (const char           *data,
                                                    gsize                 length,
                                                    guint                 max_depth,
                                                    GError              **error);
/* The same, with @schema the members known in the top-level object. Members the schema does not
 * list, at any level, are checked as strictly but get no node: each object keeps them as compact
 * JSON text, their numbers exactly as written (cycle_json_doc_steal_unknown ()), so that they
 * cost about their own size. A container where the schema expects none (or an array inside an
 * array) is a node of its type with no element. */
CycleJsonDoc        *cycle_json_doc_parse_with_schema (const char             *data,
                                                    gsize                   length,
                                                    guint                   max_depth,
                                                    const CycleJsonSchema  *schema,
                                                    GError                **error);

/* Streaming: an element func sees each object of an array that the schema knows (personas[i],
 * stages[i].content[j]) when it ends, before its parent does. Setting *@taken drops the element
 * from the document (its nodes, strings and unknown members, which the func may steal from
 * cycle_json_stream_get_doc ()): a reader that takes elements as they come never holds the whole
 * tree. @depth is the element's depth (0: the top-level value), @index its place in its array.
 * Returning FALSE with @error set stops the parse. */
typedef struct _CycleJsonStream CycleJsonStream;

typedef gboolean (*CycleJsonElementFunc)  (CycleJsonStream      *stream,
                                           const CycleJsonNode  *element,
                                           guint                 depth,
                                           guint                 index,
                                           gboolean             *taken,
                                           gpointer              user_data,
                                           GError              **error);
/* Bytes parsed so far, of @total; called every 64 KiB and at the end */
typedef void     (*CycleJsonProgressFunc) (gsize                 parsed,
                                           gsize                 total,
                                           gpointer              user_data);

typedef struct
{
  const CycleJsonSchema *schema;
  CycleJsonElementFunc   element_func;
  CycleJsonProgressFunc  progress_func;
  gpointer               user_data;      /* for both funcs */
  GCancellable          *cancellable;    /* checked every 64 KiB: G_IO_ERROR_CANCELLED */
} CycleJsonParseOptions;

CycleJsonDoc        *cycle_json_doc_parse_full     (const char                   *data,
                                                    gsize                         length,
                                                    guint                         max_depth,
                                                    const CycleJsonParseOptions  *options,
                                                    GError                      **error);
/* What the element func may use while it runs: a document that holds @element (for
 * cycle_json_doc_steal_unknown ()), the key of the open container at @depth, how many elements of
 * the open array at @depth were taken, and the member @key of the open object at @depth that has
 * ended already (a scalar's value; of a container, only its type is meaningful), or NULL. */
CycleJsonDoc        *cycle_json_stream_get_doc     (CycleJsonStream      *stream);
const char          *cycle_json_stream_get_key     (CycleJsonStream      *stream,
                                                    guint                 depth);
guint                cycle_json_stream_get_n_taken (CycleJsonStream      *stream,
                                                    guint                 depth);
/* The place in the open array at @depth of the value open in it */
guint                cycle_json_stream_get_index   (CycleJsonStream      *stream,
                                                    guint                 depth);
const CycleJsonNode *cycle_json_stream_lookup      (CycleJsonStream      *stream,
                                                    guint                 depth,
                                                    const char           *key);

void                 cycle_json_doc_free           (CycleJsonDoc         *doc);
/* The members of the object @node that the schema does not list, or NULL; the caller owns
 * them (a second call gives NULL). */
CycleJsonMembers    *cycle_json_doc_steal_unknown  (CycleJsonDoc         *doc,
                                                    const CycleJsonNode  *node);

/* Members as compact JSON text, in the order they came */
CycleJsonMembers    *cycle_json_members_new        (void);
void                 cycle_json_members_free       (CycleJsonMembers     *members);
guint                cycle_json_members_get_length (CycleJsonMembers     *members);
/* The compact JSON text of the member @key, or NULL */
const char          *cycle_json_members_lookup     (CycleJsonMembers     *members,
                                                    const char           *key);
/* Adds @key with the value @json (valid JSON text; a key not there yet) */
void                 cycle_json_members_add        (CycleJsonMembers     *members,
                                                    const char           *key,
                                                    const char           *json);
gboolean             cycle_json_members_remove     (CycleJsonMembers     *members,
                                                    const char           *key);
/* The member after @previous (a key this function gave; NULL: the first) in file order, its value
 * in @value; NULL after the last. */
const char          *cycle_json_members_iter       (CycleJsonMembers     *members,
                                                    const char           *previous,
                                                    const char          **value);
CycleJsonMembers    *cycle_json_members_copy       (CycleJsonMembers     *members);
/* Appends the valid JSON text @json without its whitespace, strings the canonical way. */
void                 cycle_json_append_compact     (GString              *out,
                                                    const char           *json);
/* A json-glib copy (numbers become int64 or double: for tests and inspection only) */
JsonObject          *cycle_json_members_to_json_object (CycleJsonMembers *members);
const CycleJsonNode *cycle_json_doc_get_root       (CycleJsonDoc         *doc);
/* Where @node starts in the input: 1-based line, and column in characters. */
void                 cycle_json_doc_get_position   (CycleJsonDoc         *doc,
                                                    const CycleJsonNode  *node,
                                                    guint                *line,
                                                    guint                *column);

CycleJsonType        cycle_json_node_get_node_type (const CycleJsonNode  *node);
/* Elements of an array, members of an object, 0 otherwise. get_element() gives an array's element
 * or the value of an object's member at @index (in file order); get_key() the member's name. */
guint                cycle_json_node_get_length    (const CycleJsonNode  *node);
const CycleJsonNode *cycle_json_node_get_element   (const CycleJsonNode  *node,
                                                    guint                 index);
const char          *cycle_json_node_get_key       (const CycleJsonNode  *node,
                                                    guint                 index);
/* The object member named @key, or NULL. */
const CycleJsonNode *cycle_json_node_lookup        (const CycleJsonNode  *node,
                                                    const char           *key);
/* Decoded UTF-8 with no NUL inside; NULL unless a string. */
const char          *cycle_json_node_get_string    (const CycleJsonNode  *node);
gboolean             cycle_json_node_get_boolean   (const CycleJsonNode  *node);
/* A number's value (always finite). */
double               cycle_json_node_get_double    (const CycleJsonNode  *node);
/* TRUE and the value when the number is an integer whose magnitude is at most 2^53. */
gboolean             cycle_json_node_get_int       (const CycleJsonNode  *node,
                                                    gint64               *value);
/* A deep copy as json-glib nodes, to keep members we do not know. */
JsonNode            *cycle_json_node_to_json_node  (const CycleJsonNode  *node);

/* The writer: two-space indent, ": " between key and value, one element or member a line, empty
 * arrays and objects as [] and {}, UTF-8 written as is (only '"', '\\' and control characters are
 * escaped), numbers in the shortest form that reads back to the same double. */
void                 cycle_json_write_string       (GString              *out,
                                                    const char           *str);
void                 cycle_json_write_double       (GString              *out,
                                                    double                value);
void                 cycle_json_write_indent       (GString              *out,
                                                    guint                 depth);
/* Writing an object member by member in the same canonical form: begin, then for each member
 * key() followed by its value (written by the caller at depth + 1), then end. An object with no
 * member is written {}. */
typedef struct
{
  GString *out;
  guint    depth;
  gboolean empty;
} CycleJsonObjectWriter;

void                 cycle_json_object_begin       (CycleJsonObjectWriter *writer,
                                                    GString              *out,
                                                    guint                 depth);
void                 cycle_json_object_key         (CycleJsonObjectWriter *writer,
                                                    const char           *key);
void                 cycle_json_object_end         (CycleJsonObjectWriter *writer);
/* Each member through @writer, sorted by key (byte order), its value re-indented */
void                 cycle_json_members_write      (CycleJsonMembers     *members,
                                                    CycleJsonObjectWriter *writer);
/* Compact JSON text (no whitespace outside strings) in the writer's indented form, at @depth;
 * strings and numbers as they are. */
void                 cycle_json_write_compact      (GString              *out,
                                                    const char           *json,
                                                    guint                 depth);
/* A json-glib node, canonically: object members sorted by key (byte order), at @depth. */
void                 cycle_json_write_node         (GString              *out,
                                                    JsonNode             *node,
                                                    guint                 depth);

G_END_DECLS
