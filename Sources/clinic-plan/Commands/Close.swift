import ArgumentParser
import ClinicData
import Foundation
import SlotSolver

extension ClinicPlan {
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Closes a date for one doctor or for every doctor (a clinic_days document with is_open false).",
            discussion: """
            Bookings on that date stay where they are and show up as closed_day conflicts: the \
            command says how many need a new slot, which `clinic-plan rebook` finds. A doctor closes \
            only their own dates; closing for every doctor (--all) takes an admin. \
            Exit status 0 closed, 1 already closed, 2 bad input, 3 wrong password or not allowed.

            Example: CLINIC_PASSWORD=clinic-demo clinic-plan close --all --date 2026-12-25 --reason "National Holiday" --as admin@clinicplan.example
            Example: CLINIC_PASSWORD=clinic-demo clinic-plan close --doctor "Ahmed Hassan" --date 2026-12-06 --reason "Training" --as ahmed.hassan@clinicplan.example
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var auth: AuthOptions

        @Option(help: "The doctor: an _id, an email or a unique part of the name.")
        var doctor: String?

        @Flag(help: "Close the date for every doctor.")
        var all = false

        @Option(help: "The date to close (YYYY-MM-DD).", transform: LocalDate.parseArgument)
        var date: LocalDate

        @Option(help: "Why the clinic is closed (e.g. \"National Holiday\").")
        var reason: String

        func validate() throws {
            guard (doctor == nil) == all else { throw ValidationError("give exactly one of --doctor ID and --all") }
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--reason must not be empty")
            }
        }

        func run() throws {
            let session = AuthWriteSession(data: data, auth: auth, action: "close",
                                           ids: doctor.map { [("doctor_id", $0)] } ?? [("doctor_id", "all")])
            try session.run { clinic, signedIn, _ throws(AuthRefusal) in
                let doctors: [Int32]
                let action: ProtectedAction
                if let doctor {
                    let index = try clinic.requirePerson(.doctor, doctor)
                    doctors = [index]
                    action = .closeDay(doctor: clinic.dataset.doctors[Int(index)].id)
                } else {
                    doctors = Array(0..<Int32(clinic.dataset.doctors.count))
                    action = .closeClinic
                }
                if case .forbidden(let why) = AccessPolicy.decide(action, for: signedIn) {
                    throw AuthRefusal(.forbidden, why)
                }
                return try close(doctors, clinic: clinic)
            }
        }

        private func close(_ doctors: [Int32], clinic: Clinic) throws(AuthRefusal) -> WriteDecision {
            var dataset = clinic.dataset
            var maker = ObjectIDMaker()
            var closed: [Int32] = []
            for doctor in doctors {
                let doctorID = dataset.doctors[Int(doctor)].id
                let existing = dataset.clinicDays.indices.filter {
                    dataset.clinicDays[$0].doctorId == doctorID && clinic.localDate(dataset.clinicDays[$0].date) == date
                }
                if existing.contains(where: { !dataset.clinicDays[$0].isOpen }) { continue }
                if let open = existing.first {
                    // An explicit opening for that date becomes the closure, so the date has one document.
                    dataset.clinicDays[open].isOpen = false
                    dataset.clinicDays[open].reason = reason
                } else {
                    dataset.clinicDays.append(ClinicDay(id: maker.next(), doctorId: doctorID, date: clinic.instant(date),
                                                        isOpen: false, reason: reason))
                }
                closed.append(doctor)
            }
            guard !closed.isEmpty else {
                let who = doctors.count == 1 ? "\(clinic.names.label(.doctor, doctors[0])) is" : "every doctor is"
                throw AuthRefusal(.rejected, "\(who) already closed on \(date); nothing was changed")
            }
            // What now sits on a closed date (counted on the data before the closure).
            let stranded = OccurrenceExpansion.occurrences(of: clinic.model, calendar: clinic.calendar,
                                                           in: DateRange(first: date, count: 1), doctors: Set(closed))
            let appointments = stranded.filter { $0.kind == .appointment }.count
            let visits = stranded.filter { $0.kind == .repVisit && clinic.model.visits[Int($0.record)].status == .scheduled }.count
            var output = ""
            for doctor in closed {
                output += "closed \(date) for \(clinic.names.label(.doctor, doctor)): \(reason)\n"
            }
            if appointments + visits > 0 {
                output += "\(appointments) booked appointment(s) and \(visits) scheduled rep visit(s) on \(date) need a new slot: "
                    + "see `clinic-plan rebook --data \(data.data) --from \(date)`\n"
            }
            return WriteDecision(dataset: dataset, detail: "closed \(date) for \(closed.count) doctor(s): \(reason)",
                                 output: output)
        }
    }
}
