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
            5 is max_patients (or max_reps) reached? Check 3 also takes only the starts of the day's \
            slots, the ones `clinic-plan plan` shows (appointment_minutes apart from the start of the \
            patient hours; 15 minutes apart from the start of the rep hours); --any-time books any \
            start that fits, for the back office. A confirmed booking is written to the data folder \
            (an appointment with that date, or a scheduled rep visit). A refused one changes nothing \
            and, when refused for its time or the day's capacity, lists the nearest free slots of \
            the same grid. People are named by _id, email or a unique part of the name \
            (`clinic-plan people` lists them). \
            Exit status 0 booked, 1 refused by a check, 2 bad input, 3 wrong password or not allowed.

            Example: CLINIC_PASSWORD=clinic-demo clinic-plan book --data instances/sample --doctor "Ahmed Hassan" \
            --patient "Mohamed Saeed" --date 2026-12-08 --time 09:40 --as admin@clinicplan.example
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var auth: AuthOptions
        @OptionGroup var output: ChangeOutputOptions

        @Option(help: "The doctor: an _id, an email or a unique part of the name.")
        var doctor: String

        @Option(help: "The patient (books an appointment): an _id, an email or a unique part of the name.")
        var patient: String?

        @Option(help: "The medical rep (requests a rep visit instead): an _id, an email or a unique part of the name.")
        var rep: String?

        @Option(help: "The date (YYYY-MM-DD).", transform: LocalDate.parseArgument)
        var date: LocalDate

        @Option(help: "The start time (HH:MM, 24 h, clinic time): a slot start of the day, unless --any-time.")
        var time: String

        @Flag(help: "Accept a start off the day's slot grid, as long as it fits in the hours (for the back office).")
        var anyTime = false

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "How many nearest free slots (0 to 100) to list when the booking is refused for its time or capacity.",
            discussion: "Default: \"defaults.suggest\" of the data folder's clinic-plan.json, else 3."))
        var suggest: Int?

        @Option(parsing: .unconditional, help: ArgumentHelp(
            "How many days, from --date on, to search for those free slots.",
            discussion: "Default: \"defaults.within\" of the data folder's clinic-plan.json, else 14."))
        var within: Int?

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
            if let suggest, !ClinicSettings.suggestionCounts.contains(suggest) {
                throw ValidationError("--suggest must be 0 to 100, not \(suggest)")
            }
            if let within, !ClinicSettings.dayCounts.contains(within) {
                throw ValidationError("--within must be 1 to \(ValueDomains.maxDays) days, not \(within)")
            }
        }

        func run() throws {
            let booking = BookingWrite(kind: patient != nil ? .appointment : .repVisit, doctor: doctor, person: patient ?? rep!,
                                       date: date, start: MinuteOfDay(hhmm: time)!, anyTime: anyTime, suggest: suggest,
                                       within: within, notBefore: notBefore)
            let session = AuthWriteSession(data: data, auth: auth, action: "book", ids: booking.ids)
            try session.run { clinic, signedIn, ids throws(AuthRefusal) in
                var decision = try booking.decide(clinic, signedIn, ids: &ids).decision
                decision.output = output.render(decision.changes, action: "book", sentence: decision.output)
                return decision
            }
        }
    }
}
