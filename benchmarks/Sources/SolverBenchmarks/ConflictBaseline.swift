import SlotSolver

/// The naive detector the engine is measured against: the same definitions, but every pair of
/// occurrences is compared for overlap (O(n²)) and clusters are joined with union-find. It only
/// counts conflicts per kind, which is also how the benchmark checks that both agree.
enum ConflictBaseline {
    /// - Complexity: O(n²)
    static func count(_ occurrences: [Occurrence], model: ClinicModel, calendar: WorkCalendar) -> [ConflictKind: Int] {
        var counts = Dictionary(uniqueKeysWithValues: ConflictKind.allCases.map { ($0, 0) })

        // Schedules: overlapping windows, and duplicates per doctor and weekday.
        for (i, s) in model.schedules.enumerated() {
            if s.patientWindow.overlaps(s.repWindow) { counts[.invalidSchedule]! += 1 }
            let earlier = model.schedules[..<i].filter { $0.doctor == s.doctor && $0.weekday == s.weekday }.count
            if earlier == 1 { counts[.invalidSchedule]! += 1 }   // the second one makes a duplicate group
        }

        // Per item: closed, no schedule, outside hours (first that applies); capacity per doctor-date.
        var perDoctorDate: [DoctorDate: (appointments: Int, visits: Int)] = [:]
        for o in occurrences {
            if calendar.closure(doctor: o.doctor, date: o.date) != nil {
                counts[.closedDay]! += 1
            } else if let rule = calendar.schedule(doctor: o.doctor, weekday: o.date.weekday) {
                let window = o.kind == .appointment ? rule.patientWindow : rule.repWindow
                if !window.contains(o.interval) { counts[.outsideHours]! += 1 }
            } else {
                counts[.noSchedule]! += 1
            }
            let key = DoctorDate(doctor: o.doctor, date: o.date)
            if o.kind == .appointment { perDoctorDate[key, default: (0, 0)].appointments += 1 }
            else { perDoctorDate[key, default: (0, 0)].visits += 1 }
        }
        for (key, load) in perDoctorDate {
            guard let rule = calendar.schedule(doctor: key.doctor, workingOn: key.date) else { continue }
            if load.appointments > Int(rule.maxPatients) { counts[.overCapacity]! += 1 }
            if load.visits > Int(rule.maxReps) { counts[.overCapacity]! += 1 }
        }

        // Every pair: one union-find per relation (same doctor / rep / patient, same date, overlap).
        let n = occurrences.count
        var byDoctor = UnionFind(n), byRep = UnionFind(n), byPatient = UnionFind(n)
        occurrences.withUnsafeBufferPointer { occ in
            for i in 0..<n {
                let a = occ[i]
                guard a.length > 0 else { continue }
                for j in (i + 1)..<n {
                    let b = occ[j]
                    guard a.date == b.date, b.length > 0, a.start < b.end, b.start < a.end else { continue }
                    if a.doctor == b.doctor { byDoctor.union(i, j) }
                    if a.kind == b.kind && a.person == b.person {
                        if a.kind == .repVisit { byRep.union(i, j) } else { byPatient.union(i, j) }
                    }
                }
            }
        }
        counts[.doubleBooking] = byDoctor.clustersOfTwoOrMore()
        counts[.repDoubleBooked] = byRep.clustersOfTwoOrMore()
        counts[.patientDoubleBooked] = byPatient.clustersOfTwoOrMore()
        return counts
    }

    struct UnionFind {
        var parent: [Int]
        var size: [Int]

        init(_ n: Int) {
            parent = Array(0..<n)
            size = [Int](repeating: 1, count: n)
        }

        mutating func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }

        mutating func union(_ a: Int, _ b: Int) {
            var a = root(a), b = root(b)
            guard a != b else { return }
            if size[a] < size[b] { swap(&a, &b) }
            parent[b] = a
            size[a] += size[b]
        }

        mutating func clustersOfTwoOrMore() -> Int {
            (0..<parent.count).filter { root($0) == $0 && size[$0] >= 2 }.count
        }
    }
}
