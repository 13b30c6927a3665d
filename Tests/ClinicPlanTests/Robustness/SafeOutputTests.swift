import Foundation
import Testing

/// Output that cannot attack its reader: CSV cells a spreadsheet would run as formulas are
/// neutralised and line breaks quoted (plan, conflicts and report CSVs alike); tables print no
/// control characters from the data.
@Suite struct SafeOutputTests {
    /// The sample with the first patient renamed (users.json holds the names).
    func renamedClinic(_ name: String) throws -> ScratchClinic {
        let clinic = try ScratchClinic()
        let users = try #require(clinic.read("users.json"))
        let data = try JSONSerialization.data(withJSONObject: name, options: .fragmentsAllowed)
        let quoted = String(decoding: data, as: UTF8.self)
        let patientName = try #require(users.range(of: #""name":"[^"]*","email":"[a-z.]*@clinicplan.example","password":"[^"]*","role":"patient""#,
                                                   options: .regularExpression))
        let nameRange = try #require(users[patientName].range(of: #""name":"[^"]*""#, options: .regularExpression))
        try clinic.write("users.json", users.replacingCharacters(in: nameRange, with: "\"name\":" + quoted))
        return clinic
    }

    @Test func formulaCellsGetAQuoteAndLineBreaksAreQuoted() throws {
        let formula = #"=HYPERLINK("http://evil.test","x")"#
        let clinic = try renamedClinic(formula)
        defer { clinic.remove() }
        let plan = try Tool.run(["plan", "--data", clinic.path, "--week", "2026-11-29", "--format", "csv"],
                                environment: Tool.environment())
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains(#","'=HYPERLINK(""http://evil.test"",""x"")","#), "\(plan.stdout.prefix(2000))")
        #expect(!plan.stdout.contains(",=HYPERLINK"))
        let lines = try renamedClinic("Sara\r\n=1+1")
        defer { lines.remove() }
        let split = try Tool.run(["plan", "--data", lines.path, "--week", "2026-11-29", "--format", "csv"],
                                 environment: Tool.environment())
        #expect(split.stdout.contains("\"Sara\r\n=1+1\""), "\(split.stdout.prefix(2000))")
    }

    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+1", "+1"), ("-3", "-3"), ("-0.5", "-0.5"), ("-x", "'-x"), ("+1+A1", "'+1+A1"),
        ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("a,b", "\"a,b\""), ("a\r\nb", "\"a\r\nb\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""), ("plain", "plain"), ("", ""),
    ])
    func cellsAreWrittenByOWASPsRule(_ cell: String, _ written: String) throws {
        // Through the tool: a report CSV of the sample with the cell as the first doctor's
        // specialization, which then starts a row of its own ("CELL,1,Dr. Ahmed Hassan").
        let clinic = try ScratchClinic()
        defer { clinic.remove() }
        let doctors = try #require(clinic.read("doctors.json"))
        let data = try JSONSerialization.data(withJSONObject: cell, options: .fragmentsAllowed)
        let range = try #require(doctors.range(of: #""specialization":"[^"]*""#, options: .regularExpression))
        try clinic.write("doctors.json", doctors.replacingCharacters(in: range, with: "\"specialization\":" + String(decoding: data, as: UTF8.self)))
        let run = try Tool.run(["report", "doctors-by-specialization", "--data", clinic.path, "--format", "csv"],
                               environment: Tool.environment())
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\r\n" + written + ",1,Dr. Ahmed Hassan\r\n"),
                "\(cell.debugDescription) → \(run.stdout.prefix(600).debugDescription)")
    }

    @Test func tablesPrintNoControlCharactersFromTheData() throws {
        let clinic = try renamedClinic("Sara\u{1B}]0;owned\u{07}\u{1B}[2J\u{9B}31m Adel")
        defer { clinic.remove() }
        for arguments in [["plan", "--week", "2026-11-29"], ["conflicts", "--from", "2026-11-29"],
                          ["report", "--all", "--from", "2026-11-29"]] {
            let run = try Tool.run(arguments + ["--data", clinic.path], environment: Tool.environment())
            #expect(run.status < 2, "\(run.stderr)")
            let controls = run.stdout.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) }
            #expect(controls.isEmpty, "\(arguments[0]): \(controls.map(\.value))")
        }
        let plan = try Tool.run(["plan", "--week", "2026-11-29", "--data", clinic.path], environment: Tool.environment())
        #expect(plan.stdout.contains("Sara]0;owned[2J31m Adel"), "\(plan.stdout.prefix(3000))")
    }
}
