import ArgumentParser
import ClinicData
import SlotSolver

extension ClinicPlan {
    struct Book: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Books a patient appointment, or requests a rep visit, after the five booking checks.",
            discussion: """
            Runs the seed's five checks in order and stops at the first that fails, naming it: \
            1 is the clinic open (clinic_days)? 2 does a schedule exist for that weekday? 3 is the \
            time inside the patient (or rep) hours, with the whole appointment fitting? 4 is the slot \
            free (nothing of the doctor's, nor the patient's or rep's other bookings, overlaps it)? \
            5 is max_patients (or max_reps) reached? A confirmed booking is written to the data folder \
            (an appointment with that date, or a scheduled rep visit). A refused one changes nothing \
            and, when refused for its time or the day's capacity, lists the nearest free slots. \
            Exit status 0 booked, 1 refused by a check, 2 bad input, 3 wrong password or not allowed.

            Example: clinic-plan book --data instances/sample --doctor 65f000010000000000000001 \
            --patient 65f000020000000000000003 --date 2026-12-08 --time 09:40 --as admin@clinicplan.example
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var auth: AuthOptions
        @OptionGroup var output: ChangeOutputOptions

        @Option(help: "The doctor's _id.")
        var doctor: String

        @Option(help: "The patient's _id (books an appointment).")
        var patient: String?

        @Option(help: "The medical rep's _id (requests a rep visit instead of an appointment).")
        var rep: String?

        @Option(help: "The date (YYYY-MM-DD).")
        var date: LocalDate

        @Option(help: "The start time (HH:MM, 24 h, clinic time).")
        var time: String

        @Option(help: "How many nearest free slots to list when the booking is refused for its time or capacity.")
        var suggest: Int = 3

        @Option(help: "How many days, from --date on, to search for those free slots.")
        var within: Int = 14

        @Option(help: ArgumentHelp("No suggested slot starts before this (YYYY-MM-DD or YYYY-MM-DDTHH:MM); default: now.",
                                   valueName: "moment"))
        var notBefore: LocalMoment?

        func validate() throws {
            guard (patient == nil) != (rep == nil) else {
                throw ValidationError("give exactly one of --patient (an appointment) and --rep (a rep visit)")
            }
            guard MinuteOfDay(hhmm: time) != nil else {
                throw ValidationError("--time \"\(time)\" is not a valid HH:MM time")
            }
            guard suggest >= 0 else { throw ValidationError("--suggest must not be negative") }
            guard (1...ValueDomains.maxDays).contains(within) else { throw ValidationError("--within must be 1 to \(ValueDomains.maxDays)") }
            guard suggest <= 100 else { throw ValidationError("--suggest must be at most 100") }
        }

        func run() throws {
            let start = MinuteOfDay(hhmm: time)!
            let kind: ItemKind = patient != nil ? .appointment : .repVisit
            let personText = patient ?? rep!
            let session = AuthWriteSession(
                data: data, auth: auth, action: "book",
                ids: [("doctor_id", doctor), (kind == .appointment ? "patient_id" : "rep_id", personText)])
            try session.run { clinic, signedIn, ids throws(AuthRefusal) in
                let doctorIndex = try clinic.requireDoctor(doctor, data: data.data)
                let doctorID = clinic.dataset.doctors[Int(doctorIndex)].id
                let personIndex: Int32
                let action: ProtectedAction
                if kind == .appointment {
                    guard let index = clinic.patientIndex(named: personText) else {
                        throw AuthRefusal(.failed, "no patient with _id \(personText) in \(data.data)/patients.json")
                    }
                    personIndex = index
                    action = .bookAppointment(doctor: doctorID, patient: clinic.dataset.patients[Int(index)].id)
                } else {
                    guard let index = clinic.repIndex(named: personText) else {
                        throw AuthRefusal(.failed, "no medical rep with _id \(personText) in \(data.data)/medical_reps.json")
                    }
                    personIndex = index
                    action = .requestVisit(doctor: doctorID, rep: clinic.dataset.medicalReps[Int(index)].id)
                }
                if case .forbidden(let why) = AccessPolicy.decide(action, for: signedIn) {
                    throw AuthRefusal(.forbidden, why)
                }

                let request = BookingRequest(kind: kind, doctor: doctorIndex, person: personIndex, date: date, start: start)
                switch BookingChecker.check(request, model: clinic.model, calendar: clinic.calendar) {
                case .rejected(let rejection):
                    throw AuthRefusal(.rejected, BookingSentences.rejection(rejection, request: request, model: clinic.model),
                                      notes: suggestions(for: request, rejection: rejection, clinic: clinic))
                case .accepted(let slot):
                    return book(request, slot: slot, clinic: clinic, ids: &ids)
                }
            }
        }

        /// The change for an accepted request: a dated appointment or a scheduled rep visit.
        private func book(_ request: BookingRequest, slot: MinuteInterval, clinic: Clinic,
                          ids: inout [(String, String)]) -> WriteDecision {
            let (changes, id) = BookingChanges.book(request.kind, doctor: request.doctor, person: request.person,
                                                    date: request.date, start: request.start,
                                                    dataset: clinic.dataset, timeZone: clinic.timeZone)
            let doctor = clinic.dataset.doctors[Int(request.doctor)]
            let when = "\(request.date.weekday.name) \(request.date) \(slot)"
            let doctorText = "doctor \(clinic.names.doctorNames[Int(request.doctor)]) (\(doctor.id))"
            let sentence: String
            if request.kind == .appointment {
                ids.append(("appointment_id", id.description))
                sentence = "booked appointment \(id): patient \(clinic.names.patientNames[Int(request.person)]) "
                    + "(\(clinic.dataset.patients[Int(request.person)].id)) with \(doctorText), \(when)\n"
            } else {
                ids.append(("visit_id", id.description))
                sentence = "requested rep visit \(id) (scheduled): rep \(clinic.names.repNames[Int(request.person)]) "
                    + "(\(clinic.dataset.medicalReps[Int(request.person)].id)) with \(doctorText), \(when)\n"
            }
            return WriteDecision(changes: changes, detail: when, output: output.render(changes, action: "book", sentence: sentence))
        }

        /// "nearest free slots:" and one line per slot, for a refusal over time or capacity.
        private func suggestions(for request: BookingRequest, rejection: BookingRejection, clinic: Clinic) -> [String] {
            guard rejection.suggestsOtherSlots, suggest > 0 else { return [] }
            let horizon = within
            let found = NearestFreeSlots.search(for: request, model: clinic.model, calendar: clinic.calendar,
                                                count: suggest, days: horizon,
                                                notBefore: notBefore ?? LocalMoment.now(in: clinic.timeZone))
            guard !found.isEmpty else { return ["no free slot in the \(horizon) days from \(request.date)"] }
            return ["nearest free slots:"] + found.map { "  \($0.date.weekday.shortName) \($0.date) \($0.slot)" }
        }
    }
}
