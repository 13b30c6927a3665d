import SlotSolver

// Reports 1–3: users and doctors.
extension ClinicAnalytics {
    /// Report 1: doctors per specialization, most doctors first, then by specialization name.
    /// Names are grouped exactly as written; no dates involved.
    ///
    /// - Complexity: O(doctors log doctors)
    public func doctorsBySpecialization() -> [SpecializationCount] {
        var groups: [String: [Int32]] = [:]
        for (i, doctor) in dataset.doctors.enumerated() {
            groups[doctor.specialization, default: []].append(Int32(i))
        }
        return groups.map { SpecializationCount(specialization: $0.key, doctors: $0.value) }
            .sorted { ($0.doctors.count, $1.specialization) > ($1.doctors.count, $0.specialization) }
    }

    /// Report 2: per doctor in scope (file order), booked occurrences in the range and the
    /// distinct patients among them.
    ///
    /// - Complexity: O(doctors + occurrences)
    public func doctorPatients() -> [DoctorPatients] {
        let (booked, patients) = appointmentsAndPatientsPerDoctor()
        return doctorsInScope.map { d in
            let doctor = dataset.doctors[Int(d)]
            return DoctorPatients(doctor: d, specialization: doctor.specialization, clinicName: doctor.clinicName,
                                  consultationFee: doctor.consultationFee, bookedAppointments: booked[Int(d)],
                                  distinctPatients: patients[Int(d)])
        }
    }

    /// Report 3: doctors whose utilization over their working dates in the range is below
    /// `threshold`, lowest first (ties in file order). Utilization is booked occurrences on
    /// working dates / the sum of max_patients over those dates; doctors without a working date
    /// (or with a total capacity of 0) in the range have no utilization and are not listed.
    ///
    /// - Complexity: O(doctors × days + occurrences)
    public func lowUtilization(threshold: Double = 0.5) -> [DoctorUtilization] {
        let booked = bookedPerDoctorDate()
        var result: [DoctorUtilization] = []
        for d in doctorsInScope {
            var days = 0, onWorkingDays = 0, capacity = 0
            for (k, date) in range.enumerated() {
                guard let rule = calendar.schedule(doctor: d, workingOn: date) else { continue }
                days += 1
                capacity += Int(rule.maxPatients)
                onWorkingDays += booked[Int(d) * range.count + k]
            }
            guard capacity > 0 else { continue }
            let utilization = Double(onWorkingDays) / Double(capacity)
            if utilization < threshold {
                result.append(DoctorUtilization(doctor: d, workingDays: days, booked: onWorkingDays,
                                                capacity: capacity, utilization: utilization))
            }
        }
        return result.sorted { ($0.utilization, $0.doctor) < ($1.utilization, $1.doctor) }
    }

    /// Booked occurrences and distinct patients per doctor index (all doctors; 0 outside scope).
    func appointmentsAndPatientsPerDoctor() -> (booked: [Int], patients: [Int]) {
        var booked = [Int](repeating: 0, count: model.doctorIDs.count)
        var pairs: [(Int32, Int32)] = []
        for o in occurrences where o.kind == .appointment {
            booked[Int(o.doctor)] += 1
            pairs.append((o.doctor, o.person))
        }
        var patients = [Int](repeating: 0, count: model.doctorIDs.count)
        for key in ClinicAnalytics.distinctPairs(pairs) { patients[Int(key >> 32)] += 1 }
        return (booked, patients)
    }
}
