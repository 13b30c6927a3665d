/// Why an item could not be placed, in words a clinic manager reads: the most specific reason
/// that holds for every date the item could have gone to, judged against the final schedule
/// (what stays plus everything placed).
enum UnplacedReason {
    /// Why one working date after the original date was no use.
    enum DayVerdict: Equatable {
        case windowTooShort
        case atCap(Int32)
        case doctorBusy
        case personBusy
        case fits
    }

    static func explain(_ index: Int, instance: RebookingInstance, state: PlacementState) -> String {
        let item = instance.items[index]
        let range = instance.range
        let firstDay = instance.firstDay(of: item)
        guard firstDay < range.count else {
            if let notBefore = instance.notBefore, range.first.days(to: notBefore.date) >= range.count {
                return "no date in the range on or after --not-before \(notBefore)"
            }
            return item.originalDate >= range.last
                ? "no date in the range after its original date \(item.originalDate)"
                : "no date in the range after \(item.originalDate)"
        }
        var verdicts: [(LocalDate, DayVerdict)] = []
        for day in firstDay..<range.count {
            let d = Int32(day)
            guard let rules = RebookingInstance.slotRules(for: item, day: d, range: range,
                                                          calendar: instance.calendar) else { continue }
            verdicts.append((instance.date(ofDay: d), verdict(item, day: d, rules: rules, instance: instance, state: state)))
        }
        let person = item.kind == .appointment ? "patient" : "rep"
        let noun = item.kind == .appointment ? "appointment" : "visit"
        let capName = item.kind == .appointment ? "max_patients" : "max_reps"
        guard !verdicts.isEmpty else {
            return "the doctor has no working day in the range after \(item.originalDate)"
        }
        let kinds = Set(verdicts.map { category($0.1) })
        if kinds.count == 1 {
            switch verdicts[0].1 {
            case .windowTooShort:
                return "the \(person) window is shorter than the \(noun) on every working day after \(item.originalDate)"
            case .atCap:
                return "every working day after \(item.originalDate) is at its cap (\(capName))"
            case .doctorBusy:
                return "the doctor is fully booked at every time that fits, on every working day after \(item.originalDate)"
            case .personBusy:
                return "the \(person) is busy at every time the doctor is free, on every working day after \(item.originalDate)"
            case .fits:
                return "no free slot in range"
            }
        }
        let details = verdicts.map { date, v in
            "\(date): " + (short(v, person: person, capName: capName, length: item.originalLength) ?? "no free slot")
        }
        return "no free slot in range (" + details.joined(separator: "; ") + ")"
    }

    private static func category(_ v: DayVerdict) -> String {
        switch v {
        case .windowTooShort: "window"
        case .atCap: "cap"
        case .doctorBusy: "doctor"
        case .personBusy: "person"
        case .fits: "fits"
        }
    }

    private static func short(_ v: DayVerdict, person: String, capName: String, length: Int32) -> String? {
        switch v {
        case .windowTooShort: "\(person) window too short"
        case .atCap(let cap): "at \(capName) \(cap)"
        case .doctorBusy: "doctor fully booked"
        case .personBusy: "\(person) busy whenever the doctor is free"
        case .fits: nil
        }
    }

    static func verdict(_ item: RebookItem, day: Int32, rules: (window: MinuteInterval, length: Int32, cap: Int32),
                        instance: RebookingInstance, state: PlacementState) -> DayVerdict {
        let grid = instance.grid
        var s = max(rules.window.start.minutes,
                    RebookingInstance.firstStart(onDay: Int(day), range: instance.range, notBefore: instance.notBefore))
        let remainder = ((s % grid) + grid) % grid
        if remainder != 0 { s += grid - remainder }
        guard rules.length > 0, s + rules.length <= rules.window.end.minutes else { return .windowTooShort }
        let countKey = ResourceDay.count(item.kind, doctor: item.doctor, day: day)
        let used = (instance.fixedCount[countKey] ?? 0) + (state.count[countKey] ?? 0)
        if used >= rules.cap { return .atCap(rules.cap) }
        let doctorKey = ResourceDay(.doctor, item.doctor, day: day)
        let personKey = ResourceDay.person(item.kind, item.person, day: day)
        var doctorFreeSomewhere = false
        while s + rules.length <= rules.window.end.minutes {
            let slot = MinuteInterval(start: MinuteOfDay(s), length: rules.length)
            let doctorBusy = (instance.fixedBusy[doctorKey]?.overlaps(slot) ?? false)
                || (state.busy[doctorKey]?.overlaps(slot) ?? false)
            if !doctorBusy {
                doctorFreeSomewhere = true
                let personBusy = (instance.fixedBusy[personKey]?.overlaps(slot) ?? false)
                    || (state.busy[personKey]?.overlaps(slot) ?? false)
                if !personBusy { return .fits }
            }
            s += grid
        }
        return doctorFreeSomewhere ? .personBusy : .doctorBusy
    }
}
