/// A free slot offered instead of a refused one: every one of the five checks passes there.
public struct SlotSuggestion: Hashable, Sendable, CustomStringConvertible {
    public var date: LocalDate
    public var slot: MinuteInterval

    public init(date: LocalDate, slot: MinuteInterval) {
        self.date = date
        self.slot = slot
    }

    /// "2026-12-07 10:15–10:30".
    public var description: String { "\(date) \(slot)" }
}
