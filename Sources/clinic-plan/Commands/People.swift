import ArgumentParser
import ClinicData
import SlotSolver

extension ClinicPlan {
    struct People: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lists doctors, patients and medical reps with their ids, to name them in other commands.",
            discussion: """
            Every option that names a person (--doctor, --patient, --rep, --as) takes the _id shown \
            here, the email, or a part of the name that only one person's name contains. --search keeps \
            the people whose name, email, specialization, clinic or company contains TEXT (letter case \
            and accents ignored) or whose _id is TEXT. Needs no sign-in: it shows no password, no phone and no medical detail.

            Example: clinic-plan people doctors --data instances/sample --search hassan
            Example: clinic-plan people --data instances/sample --search ahmed --format json
            """)

        @Argument(help: "Which people: doctors, patients or reps (default: all three).")
        var kind: PeopleKind?

        @OptionGroup var data: DataOptions

        @Option(help: "Only the people whose name, email, specialization, clinic or company contains this text, or whose _id it is.")
        var search: String?

        @Option(help: "Output format.")
        var format: OutputFormat = .table

        func run() throws {
            let clinic = try data.loadClinic()
            let kinds = kind.map { [$0.personKind] } ?? PersonKind.allCases
            let listing = PeopleListing(clinic: clinic, kinds: kinds, search: search)
            let text: String
            switch format {
            case .table: text = TerminalText.printable(listing.table())
            case .json: text = listing.json().description + "\n"
            case .csv: text = listing.csv()
            }
            FileOutput.standardOutput.write(text)
        }
    }
}

/// `people doctors|patients|reps`.
enum PeopleKind: String, ExpressibleByArgument, CaseIterable {
    case doctors, patients, reps

    var personKind: PersonKind {
        switch self {
        case .doctors: .doctor
        case .patients: .patient
        case .reps: .rep
        }
    }
}

/// The people `people` lists, by kind, with what tells them apart (a doctor's specialization and
/// clinic, a rep's company; for patients only the name and email).
struct PeopleListing {
    let clinic: Clinic
    let kinds: [PersonKind]
    let search: String?

    /// The dense indices of each kind's people that match `--search`, file order.
    private func members(_ kind: PersonKind) -> [Int32] {
        let names = clinic.names
        let ids = names.ids(kind)
        return ids.indices.filter { i in
            search.map { PersonLookup.matches($0, name: names.names(kind)[i], email: names.emails(kind)[i],
                                              id: ids[i], details: details(kind, Int32(i))) } ?? true
        }.map { Int32($0) }
    }

    private func details(_ kind: PersonKind, _ index: Int32) -> String {
        switch kind {
        case .doctor: clinic.names.doctorDetails[Int(index)]
        case .patient: ""
        case .rep: clinic.names.repCompanies[Int(index)]
        }
    }

    private static func detailsColumn(_ kind: PersonKind) -> String {
        switch kind {
        case .doctor: "specialization, clinic"
        case .patient: ""
        case .rep: "company"
        }
    }

    func table() -> String {
        var out: [String] = []
        for kind in kinds {
            let found = members(kind)
            var text = "\(kind.listName) (\(found.count))\n"
            if found.isEmpty {
                text += "  (none)\n"
            } else {
                let detailColumn = Self.detailsColumn(kind)
                var table = TextTable(["_id", "name", "email"] + (detailColumn.isEmpty ? [] : [detailColumn.uppercased()]))
                table.header = table.header.map { $0.uppercased() }
                for i in found {
                    let cells = [clinic.names.id(kind, i), clinic.names.names(kind)[Int(i)], clinic.names.emails(kind)[Int(i)]]
                    table.append(cells + (detailColumn.isEmpty ? [] : [details(kind, i)]))
                }
                text += table.render(indent: "  ")
            }
            out.append(text)
        }
        return out.joined(separator: "\n")
    }

    /// `{"doctors": [{"_id", "name", "email", …}], "patients": […], "reps": […]}`, the kinds listed.
    func json() -> JSONValue {
        .members(kinds.map { kind in
            (kind.listName, .array(members(kind).map { i -> JSONValue in
                var fields: [(String, JSONValue)] = [
                    ("_id", .string(clinic.names.id(kind, i))), ("name", .string(clinic.names.names(kind)[Int(i)])),
                    ("email", .string(clinic.names.emails(kind)[Int(i)])),
                ]
                switch kind {
                case .doctor:
                    let doctor = clinic.dataset.doctors[Int(i)]
                    fields += [("specialization", .string(doctor.specialization)), ("clinic_name", .string(doctor.clinicName))]
                case .patient: break
                case .rep: fields.append(("company_name", .string(clinic.names.repCompanies[Int(i)])))
                }
                return .members(fields)
            }))
        })
    }

    /// One table of every person listed: kind, _id, name, email, details.
    func csv() -> String {
        var csv = CSVTable(["kind", "_id", "name", "email", "details"])
        for kind in kinds {
            for i in members(kind) {
                csv.append([kind.rawValue, clinic.names.id(kind, i), clinic.names.names(kind)[Int(i)],
                            clinic.names.emails(kind)[Int(i)], details(kind, i)])
            }
        }
        return csv.rendered
    }
}
