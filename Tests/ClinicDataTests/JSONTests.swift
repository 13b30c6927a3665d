import Foundation
import Testing
@testable import ClinicData

@Suite("JSON and Extended JSON")
struct JSONTests {
    func parse(_ text: String) throws -> JSONValue {
        try Array(text.utf8).withUnsafeBytes { buffer in
            var parser = JSONParser(bytes: buffer)
            return try parser.parseValue()
        }
    }

    func failure(_ text: String) -> String? {
        let file = Array(text.utf8).withUnsafeBytes { DocumentFile.parse($0) }
        return file.syntaxErrors.first?.description
    }

    @Test("objects keep key order and numbers keep their lexeme")
    func orderAndLexemes() throws {
        let value = try parse(#"{"z": 5.0, "a": [1, -0.5e3, true, null], "m": {"k": "v"}}"#)
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object.keys == ["z", "a", "m"])
        #expect(object["z"] == .number("5.0"))
        #expect(value.description == #"{"z":5.0,"a":[1,-0.5e3,true,null],"m":{"k":"v"}}"#)
    }

    @Test("escapes, surrogate pairs and UTF-8 round trip")
    func strings() throws {
        let value = try parse(#""a\"b\\c\/d\n\u00e9\ud83d\ude00 أحمد""#)
        #expect(value == .string("a\"b\\c/d\né😀 أحمد"))
        #expect(value.description == #""a\"b\\c/d\né😀 أحمد""#)
    }

    @Test("syntax errors carry line and character column", arguments: [
        ("{\"a\":1,}", "line 1, column 8: expected a string key in an object"),
        ("[01]", "line 1, column 2: invalid number (leading zeros are not allowed)"),
        ("[1.]", "line 1, column 4: invalid number (expected a digit after '.')"),
        ("{\"é\": tru}", "line 1, column 7: unexpected character 't'"),
        ("[\"a\tb\"]", "line 1, column 4: control character U+0009 in a string (it must be escaped)"),
        ("[\"\\x\"]", "line 1, column 3: invalid escape sequence in a string"),
        ("[{\"a\" 1}]", "line 1, column 7: expected ':' after the key \"a\""),
        ("[{}] x", "line 1, column 6: unexpected text after the closing ']' of the array"),
        ("[\n  {\"a\": [1 2]}\n]", "line 2, column 12: expected ',' or ']' after a value in an array"),
        ("[\"\\ud800\"]", "line 1, column 3: unpaired surrogate in a \\u escape"),
    ])
    func syntaxErrors(text: String, expected: String) {
        #expect(failure(text) == expected)
    }

    @Test("deep nesting is refused, not a crash")
    func deepNesting() {
        let text = String(repeating: "[", count: 100_000)
        #expect(failure(text) == "line 1, column 202: nesting deeper than 200 levels")
    }

    @Test("ISO dates: Z, milliseconds, offsets; invalid ones refused")
    func isoDates() {
        #expect(ISODate.parse("2026-12-06T13:15:00Z") == 1_796_562_900_000)
        #expect(ISODate.parse("2026-12-06T13:15Z") == 1_796_562_900_000)
        #expect(ISODate.parse("2026-12-06T15:15:00+02:00") == 1_796_562_900_000)
        #expect(ISODate.parse("2026-12-06T15:15:00.000+0200") == 1_796_562_900_000)
        #expect(ISODate.parse("2026-12-06T08:15:00-05") == 1_796_562_900_000)
        #expect(ISODate.parse("2026-12-07T15:30:00.25+02:00") == 1_796_650_200_250)
        #expect(ISODate.parse("2026-12-07T13:30:00.250999Z") == 1_796_650_200_250)
        #expect(ISODate.parse("1969-12-31T23:59:59.999Z") == -1)
        for bad in ["2026-12-06", "2026-12-06T13:15:00", "2026-02-29T00:00:00Z", "2026-12-06T24:00:00Z",
                    "2026-12-06T13:60:00Z", "2026-12-06T13:15:00.Z", "2026-12-06T13:15:00+2:00", "2026-12-06T13:15:00Zx", ""] {
            #expect(ISODate.parse(bad) == nil, "\(bad)")
        }
        #expect(ISODate.format(1_796_562_900_000) == "2026-12-06T13:15:00Z")
        #expect(ISODate.format(1_796_650_200_250) == "2026-12-07T13:30:00.250Z")
        #expect(ISODate.format(-1) == "1969-12-31T23:59:59.999Z")
    }

    @Test("Extended JSON numbers, ids and dates in both modes")
    func extendedJSON() throws {
        #expect(ExtendedJSON.integer(try parse(#"{"$numberInt":"5"}"#)) == .success(5))
        #expect(ExtendedJSON.integer(try parse(#"{"$numberLong":"9000000000"}"#)) == .success(9_000_000_000))
        #expect(ExtendedJSON.integer(try parse(#"{"$numberDouble":"5.0"}"#)) == .success(5))
        #expect(ExtendedJSON.integer(try parse("5e1")) == .success(50))
        #expect(ExtendedJSON.integer(try parse("12.5")) == .failure(.wrongType(expected: "an integer")))
        #expect(ExtendedJSON.integer(try parse(#"{"$numberInt":"9000000000"}"#))
            == .failure(.invalid(#"{"$numberInt":"9000000000"} is not a valid $numberInt"#)))
        #expect(ExtendedJSON.double(try parse(#"{"$numberDouble":"12.5"}"#)) == .success(12.5))
        #expect(ExtendedJSON.documentID(try parse(#"{"$oid":"65F0C0FFEE0000000000000A"}"#)) == .success(.objectId("65f0c0ffee0000000000000a")))
        #expect(ExtendedJSON.documentID(try parse("7.0")) == .success(.int(7)))
        #expect(ExtendedJSON.documentID(try parse(#""u-7""#)) == .success(.string("u-7")))
        #expect(ExtendedJSON.date(try parse(#"{"$date":{"$numberLong":"1796563200000"}}"#)) == .success(1_796_563_200_000))
        #expect(ExtendedJSON.encode(date: 1_796_563_200_000, mode: .relaxed).description == #"{"$date":"2026-12-06T13:20:00Z"}"#)
        #expect(ExtendedJSON.encode(date: 1_796_563_200_000, mode: .canonical).description == #"{"$date":{"$numberLong":"1796563200000"}}"#)
        #expect(ExtendedJSON.encode(date: -86_400_000, mode: .relaxed).description == #"{"$date":{"$numberLong":"-86400000"}}"#)
        #expect(ExtendedJSON.encode(double: 600, mode: .canonical).description == #"{"$numberInt":"600"}"#)
        #expect(ExtendedJSON.encode(double: 600.5, mode: .canonical).description == #"{"$numberDouble":"600.5"}"#)
        #expect(ExtendedJSON.encode(integer: 9_000_000_000, mode: .canonical).description == #"{"$numberLong":"9000000000"}"#)
    }

    @Test("password hashes are told from plain text")
    func passwordHashes() {
        #expect(PasswordHash.looksHashed(Fixtures.hash))
        #expect(PasswordHash.looksHashed("$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"))
        #expect(PasswordHash.looksHashed("$6$rounds=5000$saltsalt$abcdefghijklmnopqrstuv"))
        #expect(PasswordHash.looksHashed(String(repeating: "ab", count: 32)))
        #expect(!PasswordHash.looksHashed("hunter2"))
        #expect(!PasswordHash.looksHashed("$2b$"))
        #expect(!PasswordHash.looksHashed("password1234567890123456789"))
    }
}
