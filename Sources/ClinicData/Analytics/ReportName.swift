/// The fourteen reports: one per aggregation query of the seed system
/// (`clinic-system-README.txt`, "Aggregation Queries"), with the same meaning.
///
/// `counts` says exactly what each one counts (statuses, dates), which the seed leaves open; the
/// README and the HTML page print it next to each report.
public enum ReportName: String, CaseIterable, Sendable {
    case doctorsBySpecialization = "doctors-by-specialization"
    case doctorPatients = "doctor-patients"
    case lowUtilization = "low-utilization"
    case patientsPerDay = "patients-per-day"
    case peakDay = "peak-day"
    case peakHour = "peak-hour"
    case repVisitsPerDay = "rep-visits-per-day"
    case mostActiveRep = "most-active-rep"
    case patientsVsRepVisits = "patients-vs-rep-visits"
    case weeklySchedule = "weekly-schedule"
    case closedDays = "closed-days"
    case occupancyRate = "occupancy-rate"
    case idleDays = "idle-days"
    case schedulingConflicts = "scheduling-conflicts"

    /// The seed query's number (1...14).
    public var number: Int { ReportName.allCases.firstIndex(of: self)! + 1 }

    public var title: String {
        switch self {
        case .doctorsBySpecialization: "Doctors per specialization"
        case .doctorPatients: "Doctors with their appointments and patients"
        case .lowUtilization: "Low-utilization doctors"
        case .patientsPerDay: "Patients per day"
        case .peakDay: "Peak day"
        case .peakHour: "Peak hour"
        case .repVisitsPerDay: "Rep visits per day"
        case .mostActiveRep: "Most active medical rep"
        case .patientsVsRepVisits: "Patients vs rep visits per doctor"
        case .weeklySchedule: "Weekly schedule"
        case .closedDays: "Closed days"
        case .occupancyRate: "Occupancy rate per doctor and day"
        case .idleDays: "Idle days"
        case .schedulingConflicts: "Scheduling conflicts"
        }
    }

    /// What the report counts, in one or two sentences. "Booked" always means appointment
    /// occurrences with status `booked` (cancelled ones never count); "visits" always means rep
    /// visits with status `completed` or `scheduled` (the ones that take the doctor's time).
    public var counts: String {
        switch self {
        case .doctorsBySpecialization:
            "Every doctor in doctors.json, grouped by specialization; no dates involved. Most doctors first, then by name."
        case .doctorPatients:
            "Per doctor: booked appointment occurrences in the range (standing weekly bookings once per matching date, minus skip_dates), and the distinct patients among them."
        case .lowUtilization:
            "Doctors whose booked occurrences on their working dates in the range, divided by the sum of max_patients over those dates, is below --threshold (default 0.5). Doctors with no working date in the range are left out. Lowest first."
        case .patientsPerDay:
            "Per date in the range: booked appointment occurrences and the distinct patients they belong to. Every date is listed, also with 0."
        case .peakDay:
            "The date in the range with the most booked appointment occurrences; every date of a tie is listed, earliest first. Empty when nothing is booked."
        case .peakHour:
            "The hour of day (local time) in which the most booked appointment occurrences in the range start; every hour of a tie is listed, earliest first. Empty when nothing is booked."
        case .repVisitsPerDay:
            "Per date in the range: visits (completed + scheduled), with every status counted separately (completed, scheduled, cancelled, no-show, rescheduled). Every date is listed."
        case .mostActiveRep:
            "The rep with the most visits (completed + scheduled) in the range, with the company; every rep of a tie is listed, more completed visits first, then in medical_reps.json order."
        case .patientsVsRepVisits:
            "Per doctor: booked appointment occurrences, distinct patients and visits (completed + scheduled) in the range, and appointments per visit."
        case .weeklySchedule:
            "The Schedules documents of --doctor (all doctors without it), Sunday first. When a weekday has two, the first in file order is used and the other is marked unused. No dates involved."
        case .closedDays:
            "The clinic_days documents with is_open false of --doctor (all doctors without it), at any date (not only the range), by date, with the reason and whether the doctor has a schedule that weekday."
        case .occupancyRate:
            "Per doctor and working date in the range (a schedule for the weekday, not closed): booked occurrences / max_patients, in %. Closed and unscheduled dates are not listed."
        case .idleDays:
            "Per doctor: the working dates in the range (a schedule for the weekday, not closed) with no booked appointment occurrence. Closed dates are not idle."
        case .schedulingConflicts:
            "The conflict engine's findings in the range (as `clinic-plan conflicts`): closed_day, no_schedule, outside_hours, double bookings, over_capacity and invalid_schedule, over booked appointments and completed or scheduled visits."
        }
    }

    /// Whether `--from`/`--days` change the report (the others describe standing data).
    public var usesRange: Bool {
        switch self {
        case .doctorsBySpecialization, .weeklySchedule, .closedDays: false
        default: true
        }
    }
}
