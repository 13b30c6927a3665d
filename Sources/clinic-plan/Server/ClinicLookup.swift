/// People named in a request, found as the CLI finds them (`_id`, email, or a unique part of the
/// name: `Clinic.findPerson`), with the CLI's sentence when none or several match.
extension Clinic {
    func person(_ kind: PersonKind, _ text: String) throws(ServerFailure) -> Int32 {
        switch findPerson(kind, text) {
        case .success(let index): return index
        case .failure(let failure):
            let sentence = ([failure.message] + failure.notes).joined(separator: "\n")
            throw failure.notes.isEmpty || failure.message.hasPrefix("no ") ? .notFound(sentence) : .badRequest(sentence)
        }
    }
}
