import EngineTestSupport
import SlotSolver

/// A patient appointment request.
func appointment(doctor: Int32 = 0, patient: Int32 = 0, _ date: String, _ time: String) -> BookingRequest {
    BookingRequest(kind: .appointment, doctor: doctor, person: patient, date: day(date), start: at(time))
}

/// A rep visit request.
func repVisit(doctor: Int32 = 0, rep: Int32 = 0, _ date: String, _ time: String, minutes: Int32? = nil) -> BookingRequest {
    BookingRequest(kind: .repVisit, doctor: doctor, person: rep, date: day(date), start: at(time), visitMinutes: minutes)
}

/// The same request, allowed off the day's slot grid (`book --any-time`).
func anyTime(_ request: BookingRequest) -> BookingRequest {
    var request = request
    request.anyTime = true
    return request
}

/// The five checks' verdict in words: "accepted 09:00–09:15" or the full rejection line.
func verdict(_ request: BookingRequest, in model: ClinicModel) -> String {
    switch BookingChecker.check(request, model: model, calendar: WorkCalendar(model)) {
    case .accepted(let slot): "accepted \(slot)"
    case .rejected(let rejection): BookingSentences.rejection(rejection, request: request, model: model)
    }
}
