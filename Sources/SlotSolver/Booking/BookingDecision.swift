/// The outcome of the five checks for one request.
public enum BookingDecision: Hashable, Sendable {
    /// Every check passed: the booking may take `slot` on the requested date.
    case accepted(slot: MinuteInterval)
    /// A check failed; nothing may be written.
    case rejected(BookingRejection)

    public var isAccepted: Bool {
        if case .accepted = self { return true }
        return false
    }

    public var rejection: BookingRejection? {
        if case .rejected(let rejection) = self { return rejection }
        return nil
    }
}
