import ClinicData
import SlotSolver
import Testing

/// On seeded random clinics, reports that count the same things in different ways must agree,
/// and each must agree with a direct count over the records (no expansion shortcuts).
@Suite struct ReportConsistencyTests {
    /// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static func randomClinic(seed: UInt64) -> ClinicAnalytics {
        var random = Random(state: seed)
        let doctors = 4, reps = 3, patients = 8
        var schedules: [ScheduleRule] = []
        for d in 0..<doctors {
            for weekday in Weekday.allCases where random.next(2) == 0 {
                schedules.append(rule("s\(schedules.count)", doctor: Int32(d), weekday,
                                      maxPatients: Int32(random.next(5))))
            }
        }
        let first = day("2026-11-29")
        let closures = (0..<3).map { i in
            closure("c\(i)", doctor: Int32(random.next(doctors)),
                    first.adding(days: random.next(14)).description, open: random.next(3) == 0)
        }
        var appointments: [AppointmentRecord] = []
        for i in 0..<14 {
            let hour = 9 + random.next(8)
            let time = (hour < 10 ? "0" : "") + "\(hour):\(random.next(2) == 0 ? "00" : "30")"
            let status: AppointmentStatus = random.next(4) == 0 ? .cancelled : .booked
            if random.next(3) == 0 {
                appointments.append(weekly("w\(i)", doctor: Int32(random.next(doctors)), patient: Int32(random.next(patients)),
                                           Weekday(rawValue: random.next(7))!, time,
                                           skipping: random.next(2) == 0 ? [first.adding(days: random.next(14)).description] : [],
                                           status: status))
            } else {
                appointments.append(dated("a\(i)", doctor: Int32(random.next(doctors)), patient: Int32(random.next(patients)),
                                          first.adding(days: random.next(16) - 1).description, time, status: status))
            }
        }
        let statuses = VisitStatus.allCases
        let visits = (0..<12).map { i in
            visit("v\(i)", doctor: Int32(random.next(doctors)), rep: Int32(random.next(reps)),
                  first.adding(days: random.next(16) - 1).description, "12:\(10 + random.next(40))",
                  status: statuses[random.next(statuses.count)])
        }
        return handMade(specializations: ["A", "B", "A", "C"], companies: ["X", "Y", "Z"], patients: patients,
                        schedules: schedules, closures: closures, appointments: appointments, visits: visits,
                        days: 14)
    }

    /// Booked occurrences in the range, counted straight from the records.
    static func bookedByHand(_ a: ClinicAnalytics) -> [(doctor: Int32, patient: Int32, date: LocalDate)] {
        var result: [(Int32, Int32, LocalDate)] = []
        for record in a.model.appointments where record.status == .booked {
            for date in a.range {
                switch record.recurrence {
                case .weekly(let weekday, let skipping):
                    if date.weekday == weekday && !skipping.contains(date) { result.append((record.doctor, record.patient, date)) }
                case .dated(let on):
                    if on == date { result.append((record.doctor, record.patient, date)) }
                }
            }
        }
        return result
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func reportsAgreeWithEachOtherAndWithADirectCount(seed: UInt64) {
        let a = ReportConsistencyTests.randomClinic(seed: seed)
        let booked = ReportConsistencyTests.bookedByHand(a)

        let perDay = a.patientsPerDay()
        let perDoctor = a.doctorPatients()
        #expect(perDay.map(\.appointments).reduce(0, +) == booked.count)
        #expect(perDoctor.map(\.bookedAppointments).reduce(0, +) == booked.count)
        #expect(a.appointmentsPerHour().map(\.appointments).reduce(0, +) == booked.count)
        for row in perDoctor {
            let mine = booked.filter { $0.doctor == row.doctor }
            #expect(row.bookedAppointments == mine.count)
            #expect(row.distinctPatients == Set(mine.map(\.patient)).count)
        }
        for day in perDay {
            #expect(day.distinctPatients == Set(booked.filter { $0.date == day.date }.map(\.patient)).count)
        }
        #expect(a.peakDay()?.appointments ?? 0 == perDay.map(\.appointments).max())
        #expect(a.patientsVersusRepVisits().map(\.bookedAppointments) == perDoctor.map(\.bookedAppointments))

        // Occupancy lists exactly the working dates; idle days are those with nothing booked.
        let occupancy = a.occupancyRate()
        for row in occupancy {
            #expect(a.calendar.schedule(doctor: row.doctor, workingOn: row.date) != nil)
            #expect(row.booked == booked.filter { $0.doctor == row.doctor && $0.date == row.date }.count)
        }
        let working = (0..<Int32(a.model.doctorIDs.count)).reduce(0) { count, d in
            count + a.range.filter { a.calendar.schedule(doctor: d, workingOn: $0) != nil }.count
        }
        #expect(occupancy.count == working)
        #expect(a.idleDays() == occupancy.filter { $0.booked == 0 })
        // Low utilization is the occupancy rows summed per doctor.
        for row in a.lowUtilization(threshold: 10) {
            let mine = occupancy.filter { $0.doctor == row.doctor }
            #expect(row.booked == mine.map(\.booked).reduce(0, +))
            #expect(row.capacity == mine.map(\.maxPatients).reduce(0, +))
            #expect(row.workingDays == mine.count)
        }

        // Visits: the per-day statuses add up to the records in range; reps' visits to the doctors'.
        let inRange = a.model.visits.filter { a.range.contains($0.date) }
        let perDayVisits = a.repVisitsPerDay()
        #expect(perDayVisits.map { $0.visits + $0.cancelled + $0.noShow + $0.rescheduled }.reduce(0, +) == inRange.count)
        let occupying = inRange.filter { $0.status == .completed || $0.status == .scheduled }.count
        #expect(perDayVisits.map(\.visits).reduce(0, +) == occupying)
        #expect(a.repActivity().map(\.visits).reduce(0, +) == occupying)
        #expect(a.patientsVersusRepVisits().map(\.repVisits).reduce(0, +) == occupying)
    }
}
