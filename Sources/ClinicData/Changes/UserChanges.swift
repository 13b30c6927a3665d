/// The changes of `users add` and `users passwd`. Password hashes are made by the caller
/// (outside the folder's lock); only the hash reaches a change.
public enum UserChanges {
    /// A new user. Users get the next integer `_id` when every `_id` is an integer (as in the
    /// seed), else an ObjectId derived from the email.
    public static func add(name: String, email: String, passwordHash: String, role: UserRole,
                           dataset: ClinicDataset) throws(ChangeRefusal) -> (changes: ChangeSet, id: DocumentID) {
        if let taken = dataset.users.first(where: { $0.email.lowercased() == email.lowercased() }) {
            throw ChangeRefusal(.rejected, "a user with email \(taken.email) already exists (_id \(taken.id))")
        }
        let id = nextID(dataset, email: email)
        return (ChangeSet([.user(.insert(User(id: id, name: name, email: email, password: passwordHash, role: role)))]), id)
    }

    /// The user with `email` gets `passwordHash`.
    public static func setPassword(of email: String, to passwordHash: String,
                                   dataset: ClinicDataset) throws(ChangeRefusal) -> (changes: ChangeSet, user: User) {
        guard let before = dataset.users.first(where: { $0.email.lowercased() == email.lowercased() }) else {
            throw ChangeRefusal(.invalid, "no user with email \(email)")
        }
        var after = before
        after.password = passwordHash
        return (ChangeSet([.user(.update(before, to: after))]), before)
    }

    private static func nextID(_ dataset: ClinicDataset, email: String) -> DocumentID {
        var highest: Int64 = 0
        var allIntegers = true
        for user in dataset.users {
            guard case .int(let value) = user.id else { allIntegers = false; break }
            highest = max(highest, value)
        }
        // Int64.max is taken: no next integer, so an ObjectId, as for other ids.
        if allIntegers && highest < Int64.max { return .int(highest + 1) }
        var ids = ObjectIDDeriver(dataset: dataset)
        return ids.id(for: ["users", email.lowercased()], at: Instant(epochMilliseconds: 0))
    }
}
