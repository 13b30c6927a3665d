import SlotSolver

// Reports 7–9: medical reps and their visits.
extension ClinicAnalytics {
    /// Report 7: per date of the range (every date), the rep visits of each status.
    ///
    /// - Complexity: O(days + visits)
    public func repVisitsPerDay() -> [DailyRepVisits] {
        var days = range.map { DailyRepVisits(date: $0) }
        for visit in model.visits where range.contains(visit.date) && inScope(visit.doctor) {
            let k = offset(visit.date)
            switch visit.status {
            case .completed: days[k].completed += 1
            case .scheduled: days[k].scheduled += 1
            case .cancelled: days[k].cancelled += 1
            case .noShow: days[k].noShow += 1
            case .rescheduled: days[k].rescheduled += 1
            }
        }
        return days
    }

    /// Every rep with at least one visit (completed + scheduled) in the range, most active first:
    /// most visits, then most completed, then file order.
    ///
    /// - Complexity: O(occurrences + reps log reps)
    public func repActivity() -> [RepActivity] {
        let reps = model.repIDs.count
        var completed = [Int](repeating: 0, count: reps), scheduled = completed
        var pairs: [(Int32, Int32)] = []
        for o in occurrences where o.kind == .repVisit {
            if model.visits[Int(o.record)].status == .completed {
                completed[Int(o.person)] += 1
            } else {
                scheduled[Int(o.person)] += 1
            }
            pairs.append((o.person, o.doctor))
        }
        var doctors = [Int](repeating: 0, count: reps)
        for key in ClinicAnalytics.distinctPairs(pairs) { doctors[Int(key >> 32)] += 1 }
        let active = (0..<reps).filter { completed[$0] + scheduled[$0] > 0 }.map { r in
            RepActivity(rep: Int32(r), companyName: dataset.medicalReps[r].companyName,
                        visits: completed[r] + scheduled[r], completed: completed[r], scheduled: scheduled[r],
                        doctorsVisited: doctors[r])
        }
        return active.sorted { ($1.visits, $1.completed, $0.rep) < ($0.visits, $0.completed, $1.rep) }
    }

    /// Report 8: the reps with the most visits, every one of a tie, ordered as `repActivity()`
    /// (more completed first, then file order); empty when no visit is in the range.
    public func mostActiveReps() -> [RepActivity] {
        ClinicAnalytics.tiedForMost(repActivity(), by: \.visits)
    }

    /// The first of `mostActiveReps()`.
    public func mostActiveRep() -> RepActivity? { mostActiveReps().first }

    /// Report 9: per doctor in scope (file order), booked occurrences, distinct patients and visits.
    ///
    /// - Complexity: O(doctors + occurrences)
    public func patientsVersusRepVisits() -> [PatientsVersusVisits] {
        let (booked, patients) = appointmentsAndPatientsPerDoctor()
        var visits = [Int](repeating: 0, count: model.doctorIDs.count)
        for o in occurrences where o.kind == .repVisit { visits[Int(o.doctor)] += 1 }
        return doctorsInScope.map { d in
            PatientsVersusVisits(doctor: d, bookedAppointments: booked[Int(d)], distinctPatients: patients[Int(d)],
                                 repVisits: visits[Int(d)])
        }
    }
}
