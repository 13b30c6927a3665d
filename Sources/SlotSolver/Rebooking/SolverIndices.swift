/// The numbering schemes of the exact solver's masters, each its own type, so that an index of
/// one scheme cannot be passed where another is meant (an item's index where its position in a
/// part is expected, a choice where a group is): the compiler tells them apart, not a comment.
/// Each wraps an `Int32`, the width of the arrays they index.
protocol SolverIndex: Hashable, Comparable, Sendable, CustomStringConvertible {
    var raw: Int32 { get }
    init(raw: Int32)
}

extension SolverIndex {
    init(_ value: Int) { self.init(raw: Int32(value)) }
    /// The index as an array offset.
    var int: Int { Int(raw) }
    static func < (a: Self, b: Self) -> Bool { a.raw < b.raw }
    var description: String { String(raw) }
}

/// An item: an index into `RebookingInstance.items` (and into a solution's placements).
struct ItemIndex: SolverIndex { var raw: Int32 }

/// An item's position in a part: an index into `DateChoices.items`.
struct PartPosition: SolverIndex { var raw: Int32 }

/// One (item, date) choice of a part (`DateChoices`); the date-assignment master's x columns
/// are numbered the same way, but that is its own business.
struct ChoiceIndex: SolverIndex { var raw: Int32 }

/// A group of the schedule master: a doctor's items of a part, or a chunk of them.
struct GroupIndex: SolverIndex { var raw: Int32 }

/// A date of the rebooking range: its offset from the range's first day.
struct RangeDay: SolverIndex { var raw: Int32 }
