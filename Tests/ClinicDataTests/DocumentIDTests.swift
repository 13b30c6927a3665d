import Testing

@testable import ClinicData

/// Ids held inline: an ObjectId's 12 bytes, made from and printed as its 24 hex digits.
@Suite("Document ids")
struct DocumentIDTests {
    @Test("an ObjectId's hex reads into two integers and prints back in lowercase")
    func objectIdRoundTrip() throws {
        let id = try #require(ObjectID(hex: "65F0C0FFEE0000000000000A"))
        #expect(id.high == 0x65F0_C0FF_EE00_0000)
        #expect(id.low == 0x0000_000A)
        #expect(id.hex == "65f0c0ffee0000000000000a")
        #expect(DocumentID.objectId("65f0c0ffee0000000000000a") == .objectId(id))
        #expect(DocumentID.objectId(id).description == "65f0c0ffee0000000000000a")
        #expect(ObjectID(high: 0, low: 0).hex == String(repeating: "0", count: 24))
    }

    @Test("text that is not 24 hex digits is no ObjectId")
    func notAnObjectId() {
        #expect(ObjectID(hex: "65f0c0ffee0000000000000") == nil)    // 23 digits
        #expect(ObjectID(hex: "65f0c0ffee0000000000000g") == nil)   // not hex
        #expect(DocumentID.objectId("d1") == .string("d1"))
        #expect(DocumentID.objectId("d1").description == "d1")
    }

    @Test("the three kinds stay apart")
    func kinds() {
        let oid = DocumentID.objectId("000000000000000000000029")
        #expect(oid != .int(41))
        #expect(oid != .string("000000000000000000000029"))
        #expect(Set([oid, .int(41), .string("41"), .objectId("000000000000000000000029")]).count == 3)
    }

    @Test("the id index finds each kind by its packed form")
    func index() {
        var index = DocumentIDIndex()
        index.insertIfAbsent(.objectId("65f000010000000000000001"), 0)
        index.insertIfAbsent(.int(7), 1)
        index.insertIfAbsent(.string("x"), 2)
        #expect(index.value(for: .objectId("65f000010000000000000001")) == 0)
        #expect(index.value(for: .int(7)) == 1)
        #expect(index.value(for: .string("x")) == 2)
        #expect(index.value(for: .objectId("65f000010000000000000002")) == nil)
        let (packed, text) = DocumentIDIndex.packID(.objectId("65f000010000000000000001"))
        #expect(text == nil)
        #expect(DocumentIDIndex.unpack(packed, text: nil) == .objectId("65f000010000000000000001"))
    }
}

/// The streamed JSON is the text `JSONWriter` writes for the same tree.
@Suite("JSON stream")
struct JSONStreamTests {
    @Test("objects, arrays, escapes and numbers as JSONWriter writes them")
    func sameAsWriter() {
        var stream = JSONStream()
        stream.beginObject()
        stream.key("a")
        stream.integer(-3)
        stream.key("list")
        stream.beginArray()
        stream.string("x\"y")
        stream.beginObject()
        stream.endObject()
        stream.beginArray()
        stream.endArray()
        stream.value(.bool(true))
        stream.endArray()
        stream.key("name")
        stream.string("هبة\n")
        stream.endObject()
        let tree = JSONValue.object(JSONObject([
            JSONMember("a", .number("-3")),
            JSONMember("list", .array([.string("x\"y"), .object(JSONObject([])), .array([]), .bool(true)])),
            JSONMember("name", .string("هبة\n")),
        ]))
        #expect(String(decoding: stream.bytes, as: UTF8.self) == JSONWriter.text(tree))
        #expect(String(decoding: stream.bytes, as: UTF8.self) == #"{"a":-3,"list":["x\"y",{},[],true],"name":"هبة\n"}"#)
    }

    @Test("an array written in parts on other streams joins into the text one stream writes",
          arguments: [0, 1, 2, 5])
    func arrayInParts(count: Int) {
        func write(_ i: Int, _ stream: inout JSONStream) {
            stream.beginObject()
            stream.key("n")
            stream.integer(i)
            stream.key("list")
            stream.beginArray()
            stream.string("a,b")
            stream.endArray()
            stream.endObject()
        }
        var whole = JSONStream()
        whole.beginObject()
        whole.key("items")
        whole.beginArray()
        for i in 0..<count { write(i, &whole) }
        whole.endArray()
        whole.key("after")
        whole.integer(1)
        whole.endObject()
        for cut in 0...count {
            var first = JSONStream.arrayElements(), second = JSONStream.arrayElements()
            for i in 0..<cut { write(i, &first) }
            for i in cut..<count { write(i, &second) }
            var joined = JSONStream()
            joined.beginObject()
            joined.key("items")
            joined.beginArray()
            joined.elements(first.bytes)
            joined.elements(second.bytes)
            joined.endArray()
            joined.key("after")
            joined.integer(1)
            joined.endObject()
            #expect(joined.bytes == whole.bytes, "cut at \(cut)")
        }
    }
}
