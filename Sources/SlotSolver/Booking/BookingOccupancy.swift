/// What already holds time around one booking request, per date of a range: the doctor's
/// occupying items, the requesting patient's or rep's bookings with other doctors, and the
/// doctor's count of items of the requested kind (for the capacity check).
struct BookingOccupancy {
    let range: DateRange
    /// Per date offset: occurrences that clash with the request if they overlap it, time order.
    private(set) var clashCandidates: [[BookingClash]]
    /// Per date offset: the doctor's occupying items of the requested kind.
    private(set) var counts: [Int]

    /// - Complexity: O(appointments × weeks in range + visits), then O(k log k) per date.
    init(for request: BookingRequest, model: ClinicModel, calendar: WorkCalendar, range: DateRange) {
        self.range = range
        clashCandidates = Array(repeating: [], count: range.count)
        counts = Array(repeating: 0, count: range.count)
        for o in OccurrenceExpansion.occurrences(of: model, calendar: calendar, in: range) {
            let offset = range.first.days(to: o.date)
            let holder: BookingClash.Holder
            if o.doctor == request.doctor {
                holder = .doctor
                if o.kind == request.kind { counts[offset] += 1 }
            } else if o.kind == request.kind && o.person == request.person {
                holder = .person
            } else {
                continue
            }
            let id = o.kind == .appointment ? model.appointments[Int(o.record)].id : model.visits[Int(o.record)].id
            clashCandidates[offset].append(BookingClash(holder: holder, kind: o.kind, id: id, doctor: o.doctor,
                                                        interval: o.interval))
        }
        for i in clashCandidates.indices {
            clashCandidates[i].sort { ($0.interval.start, $0.interval.end, $0.id) < ($1.interval.start, $1.interval.end, $1.id) }
        }
    }

    /// The items `slot` overlaps on `date`, in time order.
    func clashes(_ slot: MinuteInterval, on date: LocalDate) -> [BookingClash] {
        guard range.contains(date) else { return [] }
        return clashCandidates[range.first.days(to: date)].filter { $0.interval.overlaps(slot) }
    }

    /// The doctor's occupying items of the requested kind on `date`.
    func count(on date: LocalDate) -> Int {
        range.contains(date) ? counts[range.first.days(to: date)] : 0
    }

    /// The union of busy time on `date`, sorted and merged, for scanning many candidate slots.
    func busy(on date: LocalDate) -> [MinuteInterval] {
        guard range.contains(date) else { return [] }
        var merged: [MinuteInterval] = []
        let items = clashCandidates[range.first.days(to: date)].map(\.interval).filter { !$0.isEmpty }
        for interval in items.sorted(by: { $0.start < $1.start }) {
            if let last = merged.last, interval.start < last.end {
                if last.end < interval.end { merged[merged.count - 1].end = interval.end }
            } else {
                merged.append(interval)
            }
        }
        return merged
    }
}
