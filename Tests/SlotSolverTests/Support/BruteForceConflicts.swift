@testable import SlotSolver

/// The conflict definitions of scheduling.md read literally, with no cleverness: its own
/// expansion (every date × every record), every pair compared for overlap, clusters as the
/// connected components of the overlap graph (union-find). O(n²); for checking the sweep.
struct BruteForceConflicts {
    struct Item {
        var kind: ItemKind
        var id: String
        var doctor: Int32
        var person: Int32
        var date: LocalDate
        var interval: MinuteInterval
    }

    let model: ClinicModel
    let range: DateRange
    var items: [Item] = []

    init(model: ClinicModel, range: DateRange) {
        self.model = model
        self.range = range
        // Same order as OccurrenceExpansion (appointments by file order and date, then visits), so
        // equal start times are ordered alike.
        for a in model.appointments where a.status == .booked {
            for date in range {
                let happens: Bool
                switch a.recurrence {
                case .weekly(let weekday, let skipping): happens = date.weekday == weekday && !skipping.contains(date)
                case .dated(let d): happens = d == date
                }
                guard happens else { continue }
                let length = firstSchedule(a.doctor, date.weekday)?.appointmentMinutes ?? 15
                items.append(Item(kind: .appointment, id: a.id, doctor: a.doctor, person: a.patient, date: date,
                                  interval: MinuteInterval(start: a.time, length: length)))
            }
        }
        for v in model.visits where (v.status == .scheduled || v.status == .completed) && range.contains(v.date) {
            items.append(Item(kind: .repVisit, id: v.id, doctor: v.doctor, person: v.rep, date: v.date,
                              interval: v.interval))
        }
    }

    func firstSchedule(_ doctor: Int32, _ weekday: Weekday) -> ScheduleRule? {
        model.schedules.first { $0.doctor == doctor && $0.weekday == weekday }
    }

    func closure(_ doctor: Int32, _ date: LocalDate) -> ClinicClosure? {
        model.closures.first { $0.doctor == doctor && $0.date == date && !$0.isOpen }
    }

    /// Indices in time order (start, then position).
    func timeOrdered(_ indices: [Int]) -> [Int] {
        indices.sorted { (items[$0].interval.start, $0) < (items[$1].interval.start, $1) }
    }

    func conflicts(doctor filter: Int32? = nil) -> [Found] {
        var found: [Found] = []
        func add(_ kind: ConflictKind, _ subject: ConflictSubject, _ date: LocalDate?, _ ids: [String]) {
            var f = Found(kind, subject, nil, ids)
            f.date = date
            found.append(f)
        }

        // Invalid schedules.
        for s in model.schedules where s.patientWindow.overlaps(s.repWindow) {
            add(.invalidSchedule, .doctor(s.doctor), nil, [s.id])
        }
        for d in 0..<Int32(model.doctorIDs.count) {
            for w in Weekday.allCases {
                let same = model.schedules.filter { $0.doctor == d && $0.weekday == w }
                if same.count >= 2 { add(.invalidSchedule, .doctor(d), nil, same.map(\.id)) }
            }
        }

        // Item checks, first applicable only.
        for item in items {
            if closure(item.doctor, item.date) != nil {
                add(.closedDay, .doctor(item.doctor), item.date, [item.id])
            } else if let s = firstSchedule(item.doctor, item.date.weekday) {
                let w = item.kind == .appointment ? s.patientWindow : s.repWindow
                if !(item.interval.start >= w.start && item.interval.end <= w.end) {
                    add(.outsideHours, .doctor(item.doctor), item.date, [item.id])
                }
            } else {
                add(.noSchedule, .doctor(item.doctor), item.date, [item.id])
            }
        }

        // Clusters: connected components of the pairwise-overlap graph within each group.
        var parent = Array(items.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        func clusters(_ kind: ConflictKind, sameGroup: (Item, Item) -> Bool, subject: (Item) -> ConflictSubject,
                      include: (Item) -> Bool) {
            parent = Array(items.indices)
            for i in items.indices where include(items[i]) {
                for j in items.indices where j > i && include(items[j]) {
                    let a = items[i], b = items[j]
                    guard sameGroup(a, b), a.date == b.date, a.interval.length > 0, b.interval.length > 0,
                          a.interval.start < b.interval.end, b.interval.start < a.interval.end else { continue }
                    parent[root(i)] = root(j)
                }
            }
            var members: [Int: [Int]] = [:]
            for i in items.indices where include(items[i]) { members[root(i), default: []].append(i) }
            for group in members.values where group.count >= 2 {
                let ordered = timeOrdered(group)
                let first = items[ordered[0]]
                if kind != .doubleBooking, let filter, !ordered.contains(where: { items[$0].doctor == filter }) {
                    continue
                }
                add(kind, subject(first), first.date, ordered.map { items[$0].id })
            }
        }
        clusters(.doubleBooking, sameGroup: { $0.doctor == $1.doctor }, subject: { .doctor($0.doctor) },
                 include: { _ in true })
        clusters(.repDoubleBooked, sameGroup: { $0.person == $1.person }, subject: { .rep($0.person) },
                 include: { $0.kind == .repVisit })
        clusters(.patientDoubleBooked, sameGroup: { $0.person == $1.person }, subject: { .patient($0.person) },
                 include: { $0.kind == .appointment })

        // Capacity on worked dates.
        for d in 0..<Int32(model.doctorIDs.count) {
            for date in range {
                guard closure(d, date) == nil, let s = firstSchedule(d, date.weekday) else { continue }
                let appointments = items.indices.filter { items[$0].doctor == d && items[$0].date == date
                                                          && items[$0].kind == .appointment }
                let visits = items.indices.filter { items[$0].doctor == d && items[$0].date == date
                                                    && items[$0].kind == .repVisit }
                if appointments.count > s.maxPatients {
                    add(.overCapacity, .doctor(d), date, timeOrdered(appointments).map { items[$0].id })
                }
                if visits.count > s.maxReps {
                    add(.overCapacity, .doctor(d), date, timeOrdered(visits).map { items[$0].id })
                }
            }
        }

        if let filter {
            found = found.filter { f in
                switch f.subject {
                case .doctor(let d): d == filter
                case .rep, .patient: true    // already filtered by membership above
                }
            }
        }
        return found.sorted { a, b in
            let l = a.date.map { Int64($0.daysSinceEpoch) } ?? .min, r = b.date.map { Int64($0.daysSinceEpoch) } ?? .min
            if l != r { return l < r }
            if a.kind != b.kind { return a.kind < b.kind }
            if a.subject != b.subject { return a.subject < b.subject }
            return a.ids.lexicographicallyPrecedes(b.ids)
        }
    }
}
