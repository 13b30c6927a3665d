// A small C interface to simdjson's DOM parser (Debian's libsimdjson-dev), so that Swift can
// validate and read JSON documents at several hundred MB/s without C++ interoperability.
// Only what ClinicData's loader needs: parse one document, walk its objects and arrays, read its
// scalars, and split a JSON array file into its top-level elements.
#ifndef CSIMDJSON_H
#define CSIMDJSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Bytes that must be readable after the end of a parsed document (simdjson reads in blocks).
#define CSJ_PADDING 64

/// A parser with its buffers; reused for every document (not thread-safe: one per thread).
typedef struct csj_parser csj_parser;

/// A value inside the last document a parser parsed; valid until its next parse.
typedef struct {
    uint64_t opaque[2];
} csj_element;

/// The JSON type of an element: simdjson's tape letters.
typedef enum {
    CSJ_OBJECT = '{',
    CSJ_ARRAY = '[',
    CSJ_STRING = '"',
    CSJ_INT64 = 'l',
    CSJ_UINT64 = 'u',
    CSJ_DOUBLE = 'd',
    CSJ_TRUE = 't',
    CSJ_FALSE = 'f',
    CSJ_NULL = 'n',
} csj_type;

/// One member of an object, with its scalar value read out (strings are unescaped UTF-8,
/// valid until the parser's next parse; objects and arrays keep `element` for further reading,
/// and `size`, their number of members or elements).
///
/// When the value is an object with exactly one member, as Extended JSON's wrappers are
/// (`{"$oid": …}`, `{"$date": …}`, `{"$numberInt": …}`), that member is read out too, in the
/// `inner_` fields, so that reading a wrapper needs no further call; `inner_type` is 0 otherwise.
typedef struct {
    const char *key;
    size_t key_length;
    csj_type type;
    const char *string;
    size_t string_length;
    int64_t int64;
    double number;
    csj_element element;
    size_t size;
    const char *inner_key;
    size_t inner_key_length;
    csj_type inner_type;
    const char *inner_string;
    size_t inner_string_length;
    int64_t inner_int64;
    double inner_number;
    csj_element inner_element;
    size_t inner_size;
} csj_member;

/// A parser that refuses nesting deeper than `max_depth`; NULL when out of memory.
csj_parser *csj_parser_create(size_t max_depth);
void csj_parser_destroy(csj_parser *parser);

/// Parses and fully validates one JSON document (`bytes[0..<length]`, with CSJ_PADDING readable
/// bytes after it). Returns 0 and the root on success, simdjson's error code otherwise.
int csj_parse(csj_parser *parser, const char *bytes, size_t length, csj_element *root);

/// The message of a simdjson error code.
const char *csj_error_message(int code);

csj_type csj_element_type(csj_element element);

/// Reads an element as a member's value (key left empty): its type and its scalar.
void csj_element_read(csj_element element, csj_member *out);

/// Whether an object anywhere in `element` has the same key twice (simdjson accepts that; JSON
/// readers disagree on which value counts, so the loader refuses it).
bool csj_has_duplicate_keys(csj_element element);

/// Fills `out` with up to `capacity` members of an object, in source order; returns the number
/// of members (which may be more than `capacity`).
size_t csj_object_members(csj_element object, csj_member *out, size_t capacity);

/// What `csj_parse_object` found.
typedef enum {
    /// A valid object, no key repeated anywhere in it; its members are in `out`.
    CSJ_PARSED_OBJECT = 0,
    /// Not valid JSON, or an object somewhere in it repeats a key.
    CSJ_PARSED_INVALID = 1,
    /// Valid JSON without a repeated key, but not an object.
    CSJ_PARSED_NOT_AN_OBJECT = 2,
    /// A valid object without a repeated key, with more than `capacity` members.
    CSJ_PARSED_TOO_LARGE = 3,
} csj_parsed;

/// One document as the loader's fast path wants it, in one call: `csj_parse`, then (when it is
/// an object) its members read out as `csj_object_members` reads them, and the duplicate-key
/// check of `csj_has_duplicate_keys` done in the same walk. `*count` receives the number of
/// members for `CSJ_PARSED_OBJECT`.
csj_parsed csj_parse_object(csj_parser *parser, const char *bytes, size_t length, csj_member *out, size_t capacity,
                            size_t *count);

/// Fills `out` with up to `capacity` elements of an array; returns the number of elements.
size_t csj_array_elements(csj_element array, csj_member *out, size_t capacity);

/// Splits a JSON array (`bytes` starts at its '[') into its top-level elements, without
/// validating them: `ranges` receives start and end offsets, two per element. Strings and
/// nesting are followed so that commas inside elements do not split. Returns the number of
/// elements, or -1 when the text is not a plainly delimited array (unbalanced brackets, a
/// missing or doubled comma, text after the closing bracket): the caller then reads the file
/// with a parser that explains what is wrong. `ranges` is grown with realloc as needed.
int64_t csj_split_array(const char *bytes, size_t length, size_t **ranges, size_t *capacity);

/// Splits concatenated objects (`mongoexport --pretty`: each document pretty-printed, one after
/// the other; `bytes` starts at the first '{') as `csj_split_array` splits an array: each range
/// runs from a '{' to its matching '}'. Returns the number of objects, or -1 when something
/// other than whitespace lies between them, or one does not close.
int64_t csj_split_stream(const char *bytes, size_t length, size_t **ranges, size_t *capacity);

/// Asks the processor to start loading the cache line at `address` (hash-table probes that are
/// known a few iterations ahead then find their slot in the cache).
static inline void csj_prefetch(const void *address) { __builtin_prefetch(address); }

#ifdef __cplusplus
}
#endif

#endif
