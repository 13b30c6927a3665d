/// One item that needs a new slot, with the facts every solver needs about it.
struct RebookItem: Sendable {
    var kind: ItemKind
    var record: Int32
    var doctor: Int32
    /// The patient (appointments) or rep (visits).
    var person: Int32
    var originalDate: LocalDate
    var originalStart: MinuteOfDay
    var originalLength: Int32
    /// The cost when unplaced: range end − original date, in days.
    var unplacedCost: Int
}

/// A date an item may move to, with its length there and its feasible starts (those on the grid,
/// inside the window, clear of everything that stays). Starts live in `RebookingInstance.starts`.
struct CandidateDay: Sendable {
    /// Offset of the date in the range.
    var day: Int32
    var length: Int32
    /// t − o in days.
    var cost: Int
    /// Its free starts, `starts[startsBegin..<startsEnd]`; days alike (same doctor's busy time,
    /// window and length, nothing fixed for the person) share one range: it never identifies a day.
    var startsBegin: Int32
    var startsEnd: Int32

    var startCount: Int { Int(startsEnd - startsBegin) }
}

/// The rebooking problem in the solvers' terms: the items that need a slot (in original time
/// order), what stays (merged busy time per doctor-, rep- and patient-date, counts per
/// doctor-date), and each item's candidate dates and starts.
struct RebookingInstance: Sendable {
    let range: DateRange
    let grid: Int32
    /// Nothing is placed before this moment (`RebookingOptions.notBefore`).
    let notBefore: LocalMoment?
    /// The calendar with the extra closures applied.
    let calendar: WorkCalendar
    let items: [RebookItem]
    /// Candidate days of item i: `candidates[dayStarts[i] ..< dayStarts[i + 1]]`, dates ascending.
    let candidates: [CandidateDay]
    let dayStarts: [Int32]
    /// Start minutes, referenced by `CandidateDay.startsBegin ..< startsEnd`, ascending per day.
    let starts: [Int32]
    /// Busy time of what stays, per doctor-, rep- and patient-date (only dates in the range).
    let fixedBusy: [ResourceDay: BusyTimeline]
    /// Occupying items that stay, per doctor-date and kind (`ResourceDay.count`).
    let fixedCount: [ResourceDay: Int32]
    /// How many occurrences in the range were examined (for "nothing lost" accounting).
    let occurrenceCount: Int
    /// Closed occurrences left where they are because they began before `notBefore`.
    var pastItemCount = 0

    // MARK: - Building

    /// - Complexity: O(occurrences log occurrences + candidate starts).
    init(model: ClinicModel, options: RebookingOptions) {
        range = options.range
        grid = max(1, options.grid)
        notBefore = options.notBefore
        let calendar = RebookingInstance.calendar(model, extraClosures: options.extraClosures)
        self.calendar = calendar
        let occurrences = OccurrenceExpansion.occurrences(of: model, calendar: calendar, in: range)
        occurrenceCount = occurrences.count

        // What needs a slot: booked appointment occurrences and scheduled visits on closed dates,
        // and every rescheduled visit; all only for the chosen doctor when there is one.
        var items: [RebookItem] = []
        var stays: [Occurrence] = []
        stays.reserveCapacity(occurrences.count)
        let end = range.end
        for occurrence in occurrences {
            let closed = calendar.closure(doctor: occurrence.doctor, date: occurrence.date) != nil
            let selected = options.doctor.map { $0 == occurrence.doctor } ?? true
            let movable = occurrence.kind == .appointment
                || model.visits[Int(occurrence.record)].status == .scheduled
            // A closed slot that has already begun is history: it stays unless asked.
            let past = !options.movesEarlierItems
                && options.notBefore.map { LocalMoment(date: occurrence.date, minute: occurrence.start) < $0 } ?? false
            if closed && selected && movable && past { pastItemCount += 1 }
            if closed && selected && movable && !past {
                items.append(RebookItem(kind: occurrence.kind, record: occurrence.record, doctor: occurrence.doctor,
                                        person: occurrence.person, originalDate: occurrence.date,
                                        originalStart: occurrence.start, originalLength: occurrence.length,
                                        unplacedCost: occurrence.date.days(to: end)))
            } else {
                stays.append(occurrence)
            }
        }
        for (index, visit) in model.visits.enumerated() where visit.status == .rescheduled {
            if let doctor = options.doctor, doctor != visit.doctor { continue }
            items.append(RebookItem(kind: .repVisit, record: Int32(index), doctor: visit.doctor, person: visit.rep,
                                    originalDate: visit.date, originalStart: visit.start, originalLength: visit.length,
                                    unplacedCost: visit.date.days(to: end)))
        }
        items.sort {
            ($0.originalDate, $0.originalStart, $0.kind.rawValue, $0.record)
                < ($1.originalDate, $1.originalStart, $1.kind.rawValue, $1.record)
        }
        self.items = items

        // What stays occupies time and capacity.
        var busyLists: [ResourceDay: [MinuteInterval]] = [:]
        var counts: [ResourceDay: Int32] = [:]
        for occurrence in stays {
            let day = Int32(range.first.days(to: occurrence.date))
            busyLists[ResourceDay(.doctor, occurrence.doctor, day: day), default: []].append(occurrence.interval)
            busyLists[ResourceDay.person(occurrence.kind, occurrence.person, day: day), default: []]
                .append(occurrence.interval)
            counts[ResourceDay.count(occurrence.kind, doctor: occurrence.doctor, day: day), default: 0] += 1
        }
        fixedBusy = busyLists.mapValues { BusyTimeline($0) }
        fixedCount = counts

        (candidates, dayStarts, starts) = RebookingInstance.candidates(
            of: items, range: range, notBefore: notBefore, grid: grid, calendar: calendar,
            fixedBusy: fixedBusy, fixedCount: counts)
    }

    /// The first range day `item` may move to: after its original date, and not before
    /// `notBefore`'s date (may be ≥ `range.count`: no day at all). The one home of that rule.
    static func firstDay(of item: RebookItem, range: DateRange, notBefore: LocalMoment?) -> Int {
        let afterOriginal = range.first.days(to: item.originalDate) + 1
        let floor = notBefore.map { range.first.days(to: $0.date) } ?? 0
        return max(0, afterOriginal, floor)
    }

    /// The first start minute allowed on range day `day`: `notBefore`'s minute on its date.
    static func firstStart(onDay day: Int, range: DateRange, notBefore: LocalMoment?) -> Int32 {
        guard let notBefore, range.first.days(to: notBefore.date) == day else { return 0 }
        return notBefore.minute.minutes
    }

    func firstDay(of item: RebookItem) -> Int { Self.firstDay(of: item, range: range, notBefore: notBefore) }

    /// The candidate days and starts of `items` against what stays.
    /// - Complexity: O(items × range days × window / grid × log k).
    static func candidates(of items: [RebookItem], range: DateRange, notBefore: LocalMoment?, grid: Int32,
                           calendar: WorkCalendar, fixedBusy: [ResourceDay: BusyTimeline],
                           fixedCount: [ResourceDay: Int32])
        -> (candidates: [CandidateDay], dayStarts: [Int32], starts: [Int32]) {
        var candidates: [CandidateDay] = []
        var dayStarts: [Int32] = [0]
        var starts: [Int32] = []
        // When the person has nothing fixed that day, the free starts depend on the doctor's busy
        // time, the window, the length and the first allowed start only: the items of one doctor
        // (and the weeks of a standing schedule) share one stored list, so long ranges stay cheap.
        var sharedStarts: [FreeDayKey: (begin: Int32, end: Int32)] = [:]
        for item in items {
            let firstDay = firstDay(of: item, range: range, notBefore: notBefore)
            if firstDay < range.count {
                for day in firstDay..<range.count {
                    let d = Int32(day)
                    guard let slot = RebookingInstance.slotRules(for: item, day: d, range: range, calendar: calendar)
                    else { continue }
                    let used = fixedCount[ResourceDay.count(item.kind, doctor: item.doctor, day: d)] ?? 0
                    guard used < slot.cap else { continue }
                    let earliest = firstStart(onDay: day, range: range, notBefore: notBefore)
                    let doctorBusy = fixedBusy[ResourceDay(.doctor, item.doctor, day: d)]
                    let personBusy = fixedBusy[ResourceDay.person(item.kind, item.person, day: d)]
                    var span: (begin: Int32, end: Int32)
                    let key = personBusy == nil
                        ? FreeDayKey(doctorBusy: doctorBusy?.intervals ?? [], window: slot.window,
                                     length: slot.length, earliest: earliest)
                        : nil
                    if let key, let shared = sharedStarts[key] {
                        span = shared
                    } else {
                        span.begin = Int32(starts.count)
                        RebookingInstance.appendFreeStarts(
                            window: slot.window, length: slot.length, grid: grid, notBefore: earliest,
                            doctorBusy: doctorBusy, personBusy: personBusy, into: &starts)
                        span.end = Int32(starts.count)
                        if let key { sharedStarts[key] = span }
                    }
                    if span.end > span.begin {
                        candidates.append(CandidateDay(day: d, length: slot.length,
                                                       cost: item.originalDate.days(to: range.first.adding(days: day)),
                                                       startsBegin: span.begin, startsEnd: span.end))
                    }
                }
            }
            dayStarts.append(Int32(candidates.count))
        }
        return (candidates, dayStarts, starts)
    }

    /// The model's calendar with the extra closures added (one per doctor for "every doctor").
    static func calendar(_ model: ClinicModel, extraClosures: [ExtraClosure]) -> WorkCalendar {
        guard !extraClosures.isEmpty else { return WorkCalendar(model) }
        var closed = model
        for (k, extra) in extraClosures.enumerated() {
            let doctors = extra.doctor.map { [$0] } ?? Array(0..<Int32(model.doctorIDs.count))
            for doctor in doctors {
                closed.closures.append(ClinicClosure(id: "--close #\(k + 1)", doctor: doctor, date: extra.date,
                                                     isOpen: false, reason: extra.reason))
            }
        }
        return WorkCalendar(closed)
    }

    /// Window, length and cap for `item` on range day `day`, or nil when the doctor does not work.
    static func slotRules(for item: RebookItem, day: Int32, range: DateRange, calendar: WorkCalendar)
        -> (window: MinuteInterval, length: Int32, cap: Int32)? {
        let date = range.first.adding(days: Int(day))
        guard let rule = calendar.schedule(doctor: item.doctor, workingOn: date) else { return nil }
        switch item.kind {
        case .appointment: return (rule.patientWindow, rule.appointmentMinutes, rule.maxPatients)
        case .repVisit: return (rule.repWindow, item.originalLength, rule.maxReps)
        }
    }

    /// Appends the grid starts s ≥ `notBefore` with [s, s + length) inside `window` and clear of
    /// both timelines.
    /// - Complexity: O(window / grid + busy intervals).
    static func appendFreeStarts(window: MinuteInterval, length: Int32, grid: Int32, notBefore: Int32 = 0,
                                 doctorBusy: BusyTimeline?, personBusy: BusyTimeline?, into starts: inout [Int32]) {
        guard length > 0 else { return }
        var s = max(window.start.minutes, notBefore)
        let remainder = ((s % grid) + grid) % grid
        if remainder != 0 { s += grid - remainder }
        while s + length <= window.end.minutes {
            let slot = MinuteInterval(start: MinuteOfDay(s), length: length)
            if !(doctorBusy?.overlaps(slot) ?? false) && !(personBusy?.overlaps(slot) ?? false) {
                starts.append(s)
            }
            s += grid
        }
    }

    // MARK: - Queries

    func candidateDays(of item: Int) -> ArraySlice<CandidateDay> {
        candidates[Int(dayStarts[item])..<Int(dayStarts[item + 1])]
    }

    func startMinutes(_ day: CandidateDay) -> ArraySlice<Int32> {
        starts[Int(day.startsBegin)..<Int(day.startsEnd)]
    }

    func date(ofDay day: Int32) -> LocalDate { range.first.adding(days: Int(day)) }

    /// The least delay item `i` can have: its earliest candidate date's, or its unplaced cost.
    /// No solution does better, since each item's cost only grows with its date.
    func earliestCost(of i: Int) -> Int { candidateDays(of: i).first?.cost ?? items[i].unplacedCost }

    /// The cap of an item's kind at its doctor on `day`, minus what stays there (never negative).
    func remainingCapacity(of item: RebookItem, day: Int32) -> Int32 {
        guard let rules = RebookingInstance.slotRules(for: item, day: day, range: range, calendar: calendar)
        else { return 0 }
        let used = fixedCount[ResourceDay.count(item.kind, doctor: item.doctor, day: day)] ?? 0
        return max(0, rules.cap - used)
    }
}

/// What the free starts of a day depend on when the person has nothing fixed on it.
private struct FreeDayKey: Hashable {
    var doctorBusy: [MinuteInterval]
    var window: MinuteInterval
    var length: Int32
    var earliest: Int32
}
