/// People named in a request, found as the CLI finds them (`_id`, email, or a unique part of the
/// name: `Clinic.requirePerson`): 404 when none matches, 400 when several do.
extension Clinic {
    func person(_ kind: PersonKind, _ text: String) throws(ServerFailure) -> Int32 {
        do {
            return try requirePerson(kind, text)
        } catch {
            throw ServerFailure(error)
        }
    }
}
