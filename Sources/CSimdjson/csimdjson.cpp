// The C interface of include/csimdjson.h over simdjson's DOM API.
#include "csimdjson.h"

#include <simdjson.h>

#include <cstdlib>
#include <cstring>
#include <new>

using namespace simdjson;

struct csj_parser {
    dom::parser parser;
    explicit csj_parser(size_t max_depth) : parser(SIMDJSON_MAXSIZE_BYTES) {
        // Start small; simdjson grows its buffers to the largest document seen.
        (void)parser.allocate(1 << 16, max_depth);
    }
};

static_assert(sizeof(dom::element) == sizeof(csj_element), "csj_element must hold a dom::element");
static_assert(std::is_trivially_copyable<dom::element>::value, "dom::element must be trivially copyable");

static inline csj_element wrap(dom::element element) {
    csj_element out;
    std::memcpy(&out, &element, sizeof out);
    return out;
}

static inline dom::element unwrap(csj_element element) {
    dom::element out;
    std::memcpy(static_cast<void *>(&out), &element, sizeof out);
    return out;
}

extern "C" {

csj_parser *csj_parser_create(size_t max_depth) {
    return new (std::nothrow) csj_parser(max_depth);
}

void csj_parser_destroy(csj_parser *parser) { delete parser; }

int csj_parse(csj_parser *parser, const char *bytes, size_t length, csj_element *root) {
    if (length > parser->parser.capacity()) {
        error_code error = parser->parser.allocate(length, parser->parser.max_depth());
        if (error) { return int(error); }
    }
    dom::element element;
    error_code error = parser->parser.parse(bytes, length, false).get(element);
    if (error) { return int(error); }
    *root = wrap(element);
    return 0;
}

// Objects are small (a document has about ten fields), so pairwise comparison beats hashing.
// Each object's keys are read once into a small array (walking the tape again for every pair
// cost more than the comparisons); one-member objects (Extended JSON wrappers) and scalars cannot
// repeat a key and are passed over at once.
static bool has_duplicate_keys(dom::element value) {
    if (value.type() == dom::element_type::ARRAY) {
        for (dom::element element : value.get_array().value_unsafe()) {
            if (has_duplicate_keys(element)) { return true; }
        }
        return false;
    }
    if (value.type() != dom::element_type::OBJECT) { return false; }
    dom::object object = value.get_object().value_unsafe();
    constexpr size_t capacity = 64;
    std::string_view keys[capacity];
    size_t count = 0;
    for (dom::key_value_pair member : object) {
        if (count == capacity) { break; }
        for (size_t j = 0; j < count; j++) {
            if (keys[j].size() == member.key.size() && keys[j] == member.key) { return true; }
        }
        keys[count++] = member.key;
        dom::element_type type = member.value.type();
        if ((type == dom::element_type::OBJECT || type == dom::element_type::ARRAY) && has_duplicate_keys(member.value)) {
            return true;
        }
    }
    if (count < capacity) { return false; }
    // More members than the array holds: pairwise over the tape.
    size_t i = 0;
    for (dom::key_value_pair member : object) {
        size_t j = 0;
        for (dom::key_value_pair earlier : object) {
            if (j++ == i) { break; }
            if (earlier.key == member.key) { return true; }
        }
        if (has_duplicate_keys(member.value)) { return true; }
        i++;
    }
    return false;
}

bool csj_has_duplicate_keys(csj_element element) { return has_duplicate_keys(unwrap(element)); }

const char *csj_error_message(int code) { return error_message(error_code(code)); }

csj_type csj_element_type(csj_element element) {
    dom::element value = unwrap(element);
    // simdjson's element type says BOOL ('t') for both booleans.
    if (value.type() == dom::element_type::BOOL) { return value.get_bool().value_unsafe() ? CSJ_TRUE : CSJ_FALSE; }
    return csj_type(char(value.type()));
}

// Reads a scalar (or an object's or array's size) into the given fields.
static inline void read_value(dom::element value, csj_type *type, const char **string, size_t *string_length,
                              int64_t *int64, double *number, csj_element *element, size_t *size) {
    *element = wrap(value);
    switch (value.type()) {
    case dom::element_type::STRING: {
        std::string_view text = value.get_string().value_unsafe();
        *type = CSJ_STRING;
        *string = text.data();
        *string_length = text.size();
        break;
    }
    case dom::element_type::INT64: *type = CSJ_INT64; *int64 = value.get_int64().value_unsafe(); break;
    case dom::element_type::UINT64: *type = CSJ_UINT64; *number = double(value.get_uint64().value_unsafe()); break;
    case dom::element_type::DOUBLE: *type = CSJ_DOUBLE; *number = value.get_double().value_unsafe(); break;
    case dom::element_type::BOOL: *type = value.get_bool().value_unsafe() ? CSJ_TRUE : CSJ_FALSE; break;
    case dom::element_type::NULL_VALUE: *type = CSJ_NULL; break;
    case dom::element_type::OBJECT: *type = CSJ_OBJECT; *size = value.get_object().value_unsafe().size(); break;
    case dom::element_type::ARRAY: *type = CSJ_ARRAY; *size = value.get_array().value_unsafe().size(); break;
    }
}

void csj_element_read(csj_element element, csj_member *out) {
    dom::element value = unwrap(element);
    read_value(value, &out->type, &out->string, &out->string_length, &out->int64, &out->number, &out->element,
               &out->size);
    out->inner_type = csj_type(0);
    if (out->type == CSJ_OBJECT && out->size == 1) {
        for (dom::key_value_pair member : value.get_object().value_unsafe()) {
            out->inner_key = member.key.data();
            out->inner_key_length = member.key.size();
            read_value(member.value, &out->inner_type, &out->inner_string, &out->inner_string_length,
                       &out->inner_int64, &out->inner_number, &out->inner_element, &out->inner_size);
        }
    }
}

size_t csj_object_members(csj_element object, csj_member *out, size_t capacity) {
    dom::object members = unwrap(object).get_object().value_unsafe();
    size_t count = 0;
    for (dom::key_value_pair member : members) {
        if (count < capacity) {
            out[count].key = member.key.data();
            out[count].key_length = member.key.size();
            csj_element_read(wrap(member.value), &out[count]);
        }
        count++;
    }
    return count;
}

csj_parsed csj_parse_object(csj_parser *parser, const char *bytes, size_t length, csj_member *out, size_t capacity,
                     size_t *count) {
    csj_element root;
    if (csj_parse(parser, bytes, length, &root) != 0) { return CSJ_PARSED_INVALID; }
    dom::element value = unwrap(root);
    if (value.type() != dom::element_type::OBJECT) {
        return has_duplicate_keys(value) ? CSJ_PARSED_INVALID : CSJ_PARSED_NOT_AN_OBJECT;
    }
    // The members are read out and their keys compared in the same walk of the tape: a second
    // walk only for the duplicate check cost as much as reading them.
    size_t n = 0;
    for (dom::key_value_pair member : value.get_object().value_unsafe()) {
        if (n == capacity) {
            *count = value.get_object().value_unsafe().size();
            return has_duplicate_keys(value) ? CSJ_PARSED_INVALID : CSJ_PARSED_TOO_LARGE;
        }
        const char *key = member.key.data();
        size_t key_length = member.key.size();
        for (size_t j = 0; j < n; j++) {
            if (out[j].key_length == key_length && std::memcmp(out[j].key, key, key_length) == 0) {
                return CSJ_PARSED_INVALID;
            }
        }
        dom::element_type type = member.value.type();
        if ((type == dom::element_type::OBJECT || type == dom::element_type::ARRAY) && has_duplicate_keys(member.value)) {
            return CSJ_PARSED_INVALID;
        }
        out[n].key = key;
        out[n].key_length = key_length;
        csj_element_read(wrap(member.value), &out[n]);
        n++;
    }
    *count = n;
    return CSJ_PARSED_OBJECT;
}

size_t csj_array_elements(csj_element array, csj_member *out, size_t capacity) {
    dom::array elements = unwrap(array).get_array().value_unsafe();
    size_t count = 0;
    for (dom::element element : elements) {
        if (count < capacity) {
            out[count].key = "";
            out[count].key_length = 0;
            csj_element_read(wrap(element), &out[count]);
        }
        count++;
    }
    return count;
}

static inline bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// The end of the element that starts at `start` (a string, a bracketed value, or a bare scalar
// up to a delimiter), following strings and nesting; 0 when it does not end plainly.
static size_t element_end(const char *bytes, size_t length, size_t start) {
    size_t depth = 0;
    bool in_string = false;
    size_t i = start;
    for (; i < length; i++) {
        char c = bytes[i];
        if (in_string) {
            if (c == '\\') { i++; continue; }
            if (c == '"') {
                in_string = false;
                if (depth == 0) { i++; break; }
            }
            continue;
        }
        if (c == '"') { in_string = true; continue; }
        if (c == '{' || c == '[') { depth++; continue; }
        if (c == '}' || c == ']') {
            if (depth == 0) { break; }  // the array's own ']' after a bare scalar
            depth--;
            if (depth == 0) { i++; break; }
            continue;
        }
        if (depth == 0 && (c == ',' || is_space(c))) { break; }
    }
    if (in_string || depth != 0 || i == start || i > length) { return 0; }
    return i;
}

// Appends one range to `ranges`, growing it; false when out of memory.
static bool push_range(size_t **ranges, size_t *capacity, int64_t count, size_t start, size_t end) {
    if (size_t(count + 1) * 2 > *capacity) {
        size_t grown = *capacity < 1024 ? 2048 : *capacity * 2;
        size_t *bigger = static_cast<size_t *>(std::realloc(*ranges, grown * sizeof(size_t)));
        if (!bigger) { return false; }
        *ranges = bigger;
        *capacity = grown;
    }
    (*ranges)[count * 2] = start;
    (*ranges)[count * 2 + 1] = end;
    return true;
}

int64_t csj_split_array(const char *bytes, size_t length, size_t **ranges, size_t *capacity) {
    size_t i = 0;
    if (length == 0 || bytes[0] != '[') { return -1; }
    i = 1;
    int64_t count = 0;
    while (i < length && is_space(bytes[i])) { i++; }
    if (i < length && bytes[i] == ']') {
        i++;
    } else {
        for (;;) {
            while (i < length && is_space(bytes[i])) { i++; }
            if (i >= length) { return -1; }
            size_t start = i;
            i = element_end(bytes, length, start);
            if (i == 0) { return -1; }
            if (!push_range(ranges, capacity, count, start, i)) { return -1; }
            count++;
            while (i < length && is_space(bytes[i])) { i++; }
            if (i >= length) { return -1; }
            if (bytes[i] == ',') { i++; continue; }
            if (bytes[i] == ']') { i++; break; }
            return -1;
        }
    }
    while (i < length && is_space(bytes[i])) { i++; }
    return i == length ? count : -1;
}

int64_t csj_split_stream(const char *bytes, size_t length, size_t **ranges, size_t *capacity) {
    size_t i = 0;
    int64_t count = 0;
    for (;;) {
        while (i < length && is_space(bytes[i])) { i++; }
        if (i >= length) { return count; }
        if (bytes[i] != '{') { return -1; }
        size_t start = i;
        i = element_end(bytes, length, start);
        if (i == 0) { return -1; }
        if (!push_range(ranges, capacity, count, start, i)) { return -1; }
        count++;
    }
}

}  // extern "C"
