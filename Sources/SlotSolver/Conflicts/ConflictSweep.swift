/// The conflict engine: sorts the occurrences by (subject, date, start) once per kind of subject
/// and walks each sorted run once, so the whole search costs O(n log n) and its output is linear
/// in n (one conflict per item check, per overlap cluster, per capacity breach).
///
/// A cluster is a maximal set of one subject's items on one date chained by half-open overlaps.
/// Walking a group in start order, an item joins the current cluster exactly when it starts
/// before the latest end seen so far in that cluster (some member then still runs when it
/// starts); otherwise the cluster is complete.
struct ConflictSweep {
    let occurrences: UnsafeBufferPointer<Occurrence>
    let model: ClinicModel
    let calendar: WorkCalendar
    /// When set, only this doctor's conflicts, and rep and patient clusters with one of its items.
    let doctor: Int32?
    private(set) var found = RawConflicts()
    /// Reused member buffer of the cluster being built.
    private var cluster: [Int32] = []

    init(occurrences: UnsafeBufferPointer<Occurrence>, model: ClinicModel, calendar: WorkCalendar,
         doctor: Int32?) {
        self.occurrences = occurrences
        self.model = model
        self.calendar = calendar
        self.doctor = doctor
    }

    /// Every conflict, unsorted: the schedules' and doctors' first, then the reps' and patients'.
    ///
    /// The doctors' sweep (which sorts every occurrence) runs on one core while the reps' and
    /// patients' sweeps (which sort the visits and the appointments: as many keys again) run on
    /// the other; each has its own findings, joined afterwards in the order one thread gives.
    ///
    /// - Complexity: O(n log n) in occurrences, plus O(schedules).
    static func conflicts(in occurrences: UnsafeBufferPointer<Occurrence>, model: ClinicModel,
                          calendar: WorkCalendar, doctor: Int32?) -> RawConflicts {
        let bounds = occurrences.isEmpty ? nil : OccurrenceBounds(occurrences)
        func sweep(_ work: (inout ConflictSweep, OccurrenceBounds?) -> Void) -> RawConflicts {
            var sweep = ConflictSweep(occurrences: occurrences, model: model, calendar: calendar, doctor: doctor)
            work(&sweep, bounds)
            return sweep.found
        }
        var (found, people) = BothCores.run({
            sweep { sweep, bounds in
                sweep.checkSchedules()
                if let bounds { sweep.sweepDoctors(SweepOrder(occurrences, subject: .doctor, bounds: bounds)) }
            }
        }, {
            sweep { sweep, bounds in
                guard let bounds else { return }
                sweep.sweepPeople(SweepOrder(occurrences, subject: .rep, bounds: bounds), subject: .rep)
                sweep.sweepPeople(SweepOrder(occurrences, subject: .patient, bounds: bounds), subject: .patient)
            }
        })
        found.append(contentsOf: people)
        return found
    }

    // MARK: - Schedules

    /// `invalid_schedule`: windows that overlap (one per schedule), and two or more schedules for
    /// one doctor and weekday (one per doctor and weekday, members in file order).
    mutating func checkSchedules() {
        var byDoctorDay: [Int: [Int32]] = [:]
        for (i, rule) in model.schedules.enumerated() {
            if let doctor, rule.doctor != doctor { continue }
            if rule.patientWindow.overlaps(rule.repWindow) {
                found.append(.invalidSchedule, .doctor(rule.doctor), nil, members: CollectionOfOne(Int32(i)),
                             detail: ConflictSentences.overlappingWindows(rule))
            }
            byDoctorDay[Int(rule.doctor) * 7 + rule.weekday.rawValue, default: []].append(Int32(i))
        }
        for members in byDoctorDay.values where members.count >= 2 {
            let rule = model.schedules[Int(members[0])]
            found.append(.invalidSchedule, .doctor(rule.doctor), nil, members: members,
                         detail: ConflictSentences.duplicateSchedules(count: members.count, weekday: rule.weekday))
        }
    }

    // MARK: - Doctors

    /// Per doctor and date: the item checks, the double bookings and the capacity.
    mutating func sweepDoctors(_ order: SweepOrder) {
        order.indices.withUnsafeBufferPointer { indices in
            order.groups.withUnsafeBufferPointer { groups in
                var p = 0
                while p < indices.count {
                    var q = p + 1
                    while q < indices.count && groups[q] == groups[p] { q += 1 }
                    let run = UnsafeBufferPointer(rebasing: indices[p..<q])
                    if doctor == nil || occurrences[Int(run[0])].doctor == doctor {
                        checkDoctorDate(run)
                    }
                    p = q
                }
            }
        }
    }

    /// One doctor's occurrences on one date, in time order.
    private mutating func checkDoctorDate(_ run: UnsafeBufferPointer<Int32>) {
        let first = occurrences[Int(run[0])]
        let doctor = first.doctor, date = first.date
        // What the day is, read once per group: binding the closure or rule per item would copy
        // their strings (retain, release) for every occurrence.
        let closedReason = calendar.closure(doctor: doctor, date: date)?.reason
        let rule = calendar.schedule(doctor: doctor, weekday: date.weekday)
        let hasSchedule = rule != nil
        let patientWindow = rule?.patientWindow ?? MinuteInterval(start: .midnight, end: .midnight)
        let repWindow = rule?.repWindow ?? patientWindow
        let maxPatients = rule?.maxPatients ?? 0, maxReps = rule?.maxReps ?? 0

        // An item gets at most one of closed_day, no_schedule, outside_hours, in that order.
        for member in run {
            let o = occurrences[Int(member)]
            if let closedReason {
                report(.closedDay, .doctor(doctor), date, CollectionOfOne(member),
                       ConflictSentences.closedDay(o, reason: closedReason))
            } else if hasSchedule {
                let window = o.kind == .appointment ? patientWindow : repWindow
                if !window.contains(o.interval) {
                    report(.outsideHours, .doctor(doctor), date, CollectionOfOne(member),
                           ConflictSentences.outsideHours(o, window: window))
                }
            } else {
                report(.noSchedule, .doctor(doctor), date, CollectionOfOne(member), ConflictSentences.noSchedule(o))
            }
        }

        emitClusters(run, kind: .doubleBooking, subject: .doctor(doctor), date: date, noun: "items",
                     keep: { _ in true })

        // Capacity only binds on dates the doctor works.
        guard closedReason == nil, hasSchedule else { return }
        let occurrences = occurrences
        var appointments = 0
        for member in run where occurrences[Int(member)].kind == .appointment { appointments += 1 }
        let visits = run.count - appointments
        if appointments > Int(maxPatients) {
            report(.overCapacity, .doctor(doctor), date,
                   run.lazy.filter { occurrences[Int($0)].kind == .appointment },
                   ConflictSentences.overCapacity(count: appointments, of: .appointment, limit: maxPatients))
        }
        if visits > Int(maxReps) {
            report(.overCapacity, .doctor(doctor), date,
                   run.lazy.filter { occurrences[Int($0)].kind == .repVisit },
                   ConflictSentences.overCapacity(count: visits, of: .repVisit, limit: maxReps))
        }
    }

    // MARK: - Reps and patients

    /// Per rep (visits) or patient (appointments) and date: the overlap clusters across doctors.
    mutating func sweepPeople(_ order: SweepOrder, subject: SweepOrder.Subject) {
        let kind: ConflictKind = subject == .rep ? .repDoubleBooked : .patientDoubleBooked
        let noun = subject == .rep ? "rep visits" : "appointments"
        order.indices.withUnsafeBufferPointer { indices in
            order.groups.withUnsafeBufferPointer { groups in
                var p = 0
                while p < indices.count {
                    var q = p + 1
                    while q < indices.count && groups[q] == groups[p] { q += 1 }
                    if q - p >= 2 {
                        let run = UnsafeBufferPointer(rebasing: indices[p..<q])
                        let first = occurrences[Int(run[0])]
                        let who: ConflictSubject = subject == .rep ? .rep(first.person) : .patient(first.person)
                        let occurrences = occurrences, doctor = doctor
                        emitClusters(run, kind: kind, subject: who, date: first.date, noun: noun) { members in
                            guard let doctor else { return true }
                            return members.contains { occurrences[Int($0)].doctor == doctor }
                        }
                    }
                    p = q
                }
            }
        }
    }

    // MARK: - Clusters

    /// Reports every overlap cluster of two or more items in a time-ordered run that `keep` accepts.
    /// Items of no length occupy no time and join no cluster.
    private mutating func emitClusters(_ run: UnsafeBufferPointer<Int32>, kind: ConflictKind,
                                       subject: ConflictSubject, date: LocalDate, noun: String,
                                       keep: ([Int32]) -> Bool) {
        guard run.count >= 2 else { return }
        cluster.removeAll(keepingCapacity: true)
        var clusterStart = MinuteOfDay(0), clusterEnd = MinuteOfDay(0)
        for member in run {
            let o = occurrences[Int(member)]
            guard o.length > 0 else { continue }
            if !cluster.isEmpty && o.start < clusterEnd {
                cluster.append(member)
                if clusterEnd < o.end { clusterEnd = o.end }
            } else {
                flushCluster(kind, subject, date, noun, MinuteInterval(start: clusterStart, end: clusterEnd), keep)
                cluster.append(member)
                clusterStart = o.start
                clusterEnd = o.end
            }
        }
        flushCluster(kind, subject, date, noun, MinuteInterval(start: clusterStart, end: clusterEnd), keep)
    }

    private mutating func flushCluster(_ kind: ConflictKind, _ subject: ConflictSubject, _ date: LocalDate,
                                       _ noun: String, _ span: MinuteInterval, _ keep: ([Int32]) -> Bool) {
        if cluster.count >= 2 && keep(cluster) {
            report(kind, subject, date, cluster,
                   ConflictSentences.overlap(count: cluster.count, of: noun, span: span))
        }
        cluster.removeAll(keepingCapacity: true)
    }

    private mutating func report(_ kind: ConflictKind, _ subject: ConflictSubject, _ date: LocalDate?,
                                 _ members: some Collection<Int32>, _ detail: String) {
        found.append(kind, subject, date, members: members, detail: detail)
    }
}
