import PropertyBased
import PropertyTestSupport
import Testing
import SlotSolver

/// The five checks and the suggestions against a slow oracle and the conflict detector, on
/// random crowded clinics.
@Suite struct BookingPropertyTests {
    @Test func theCheckerAgreesWithTheNaiveJudge() async {
        await seededPropertyCheck(count: 300, input: Gen.int(in: 0...1_000_000)) { seed in
            var clinic = RandomClinic(seed: seed)
            let calendar = WorkCalendar(clinic.model)
            for _ in 0..<8 {
                let request = clinic.request()
                let decision = BookingChecker.check(request, model: clinic.model, calendar: calendar)
                #expect(decision.rejection?.step == NaiveBookingJudge.firstFailingStep(request, in: clinic.model),
                        "\(request)")
            }
        }
    }

    @Test func anAcceptedBookingAddsNoConflict() async {
        await seededPropertyCheck(count: 300, input: Gen.int(in: 0...1_000_000)) { seed in
            var clinic = RandomClinic(seed: seed)
            let calendar = WorkCalendar(clinic.model)
            for _ in 0..<8 {
                let request = clinic.request()
                guard case .accepted(let slot) = BookingChecker.check(request, model: clinic.model, calendar: calendar)
                else { continue }
                var booked = clinic.model
                switch request.kind {
                case .appointment:
                    booked.appointments.append(AppointmentRecord(id: "new", doctor: request.doctor, patient: request.person,
                                                                 time: slot.start, status: .booked,
                                                                 recurrence: .dated(request.date)))
                case .repVisit:
                    booked.visits.append(RepVisitRecord(id: "new", doctor: request.doctor, rep: request.person,
                                                        date: request.date, start: slot.start, length: slot.length,
                                                        status: .scheduled))
                }
                let range = DateRange(first: request.date, count: 1)
                let before = ConflictDetector.detect(model: clinic.model, calendar: calendar, range: range).conflicts
                let after = ConflictDetector.detect(model: booked, calendar: WorkCalendar(booked), range: range).conflicts
                #expect(before == after, "\(request)")
            }
        }
    }

    @Test func everySuggestionPassesTheFiveChecksNearestFirst() async {
        await seededPropertyCheck(count: 200, input: Gen.int(in: 0...1_000_000)) { seed in
            var clinic = RandomClinic(seed: seed)
            let calendar = WorkCalendar(clinic.model)
            for _ in 0..<4 {
                let request = clinic.request()
                let found = NearestFreeSlots.search(for: request, model: clinic.model, calendar: calendar,
                                                    count: 4, days: 10)
                #expect(found.count <= 4)
                for (i, suggestion) in found.enumerated() {
                    var moved = request
                    moved.date = suggestion.date
                    moved.start = suggestion.slot.start
                    #expect(BookingChecker.check(moved, model: clinic.model, calendar: calendar)
                            == .accepted(slot: suggestion.slot), "\(request) → \(suggestion)")
                    #expect(suggestion.date >= request.date && suggestion.date < request.date.adding(days: 10))
                    // On the plan's grid of that day (the checks above take only its starts).
                    let rule = calendar.schedule(doctor: request.doctor, weekday: suggestion.date.weekday)
                    #expect(rule.map { moved.grid(under: $0).slots.contains(suggestion.slot) } == true)
                    if i > 0 {
                        let previous = found[i - 1]
                        let distance = { (s: SlotSuggestion) in abs(s.slot.start.minutes - request.start.minutes) }
                        #expect(previous.date < suggestion.date
                                || (previous.date == suggestion.date && distance(previous) <= distance(suggestion)))
                    }
                }
            }
        }
    }
}
