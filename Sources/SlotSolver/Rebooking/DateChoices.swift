/// The (item, date) choices of one part, numbered once: what both masters are built on. The
/// date-assignment master makes choice c its x column c; the schedule master and its search
/// (`DoctorScheduleMaster`, `DoctorDays`, `DoctorScheduleSearch`) only see choices, their dates
/// and their costs, which come from the instance, never from a GLPK problem.
///
/// Choices of one item are consecutive and follow its candidate days (dates ascending).
struct DateChoices: Sendable {
    let instance: RebookingInstance
    /// The part's items, by position.
    let items: [ItemIndex]
    /// Choices of position k: `first[k] ..< first[k + 1]`.
    private let first: [Int32]
    private let dayOfChoice: [RangeDay]
    private let positionOfChoice: [PartPosition]
    private let positionOfItem: [ItemIndex: PartPosition]

    /// - Complexity: O(items + candidate days).
    init(instance: RebookingInstance, items: [ItemIndex]) {
        self.instance = instance
        self.items = items
        var first: [Int32] = []
        var days: [RangeDay] = []
        var positions: [PartPosition] = []
        var positionOfItem: [ItemIndex: PartPosition] = [:]
        for (k, i) in items.enumerated() {
            positionOfItem[i] = PartPosition(k)
            first.append(Int32(days.count))
            for day in instance.candidateDays(of: i.int) {
                days.append(RangeDay(raw: day.day))
                positions.append(PartPosition(k))
            }
        }
        first.append(Int32(days.count))
        self.first = first
        dayOfChoice = days
        positionOfChoice = positions
        self.positionOfItem = positionOfItem
    }

    /// How many choices there are (choices are 0 ..< count).
    var count: Int { dayOfChoice.count }
    var positions: [PartPosition] { items.indices.map(PartPosition.init) }

    func item(at k: PartPosition) -> ItemIndex { items[k.int] }
    func position(of i: ItemIndex) -> PartPosition? { positionOfItem[i] }
    func position(of c: ChoiceIndex) -> PartPosition { positionOfChoice[c.int] }
    func day(of c: ChoiceIndex) -> RangeDay { dayOfChoice[c.int] }

    /// The choices of the item at `k`, dates ascending.
    func choices(at k: PartPosition) -> [ChoiceIndex] {
        (Int(first[k.int])..<Int(first[k.int + 1])).map(ChoiceIndex.init)
    }

    /// The choice that puts item `i` on `day`. - Precondition: `day` is one of its candidate days.
    func choice(of i: ItemIndex, day: RangeDay) -> ChoiceIndex {
        let k = positionOfItem[i]!
        let offset = dayOfChoice[Int(first[k.int])..<Int(first[k.int + 1])].firstIndex(of: day)!
        return ChoiceIndex(offset)
    }

    /// The candidate day (length, starts, cost) of choice `c`.
    func candidateDay(of c: ChoiceIndex) -> CandidateDay {
        let k = positionOfChoice[c.int]
        let days = instance.candidateDays(of: items[k.int].int)
        return days[days.startIndex + c.int - Int(first[k.int])]
    }

    /// The objective of choice `c`: t − o in days.
    func cost(of c: ChoiceIndex) -> Double { Double(candidateDay(of: c).cost) }
    /// The objective of leaving the item at `k` unplaced: range end − o in days.
    func unplacedCost(at k: PartPosition) -> Double { Double(instance.items[items[k.int].int].unplacedCost) }

    /// The choices of the items at `positions`, with their earliest and latest starts, for
    /// `MasterStrengthening` and the pattern enumeration (their `column` is the choice number).
    func strengtheningChoices(of positions: [PartPosition]) -> [MasterStrengthening.Choice] {
        positions.flatMap { k in
            choices(at: k).map { c in
                let day = candidateDay(of: c)
                let starts = instance.startMinutes(day)
                return MasterStrengthening.Choice(column: c.int, item: items[k.int].int, day: day,
                                                  earliest: starts.first!, latest: starts.last!)
            }
        }
    }

    /// The energy rows of one doctor-date's choices, per kind: Σ length · x ≤ the minutes free in
    /// the window, when the choices could exceed them (columns: choice numbers).
    func energyRows(_ group: [MasterStrengthening.Choice]) -> [(columns: [Int], coefficients: [Double], limit: Double)] {
        guard let first = group.first else { return [] }
        var byKind: [ItemKind: [MasterStrengthening.Choice]] = [:]
        for choice in group { byKind[instance.items[choice.item].kind, default: []].append(choice) }
        var rows: [(columns: [Int], coefficients: [Double], limit: Double)] = []
        for kind in byKind.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            let members = byKind[kind]!
            var item = instance.items[first.item]
            item.kind = kind
            guard let rules = RebookingInstance.slotRules(for: item, day: first.day.day, range: instance.range,
                                                         calendar: instance.calendar) else { continue }
            let busy = instance.fixedBusy[ResourceDay(.doctor, item.doctor, day: first.day.day)] ?? BusyTimeline()
            let freeMinutes = DateAssignmentMaster.freeSegments(window: rules.window, busy: busy)
                .reduce(Int32(0)) { $0 + $1.length }
            let lengths = members.map(\.day.length)
            if lengths.reduce(0, +) > freeMinutes {
                rows.append((members.map(\.column), lengths.map(Double.init), Double(freeMinutes)))
            }
        }
        return rows
    }
}
