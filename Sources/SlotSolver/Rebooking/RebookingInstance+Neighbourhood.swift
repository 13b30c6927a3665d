extension RebookingInstance {
    /// The instance of a large-neighbourhood step: only `free` items need a slot; every other
    /// item placed in `solution` stays where it is and occupies its time and capacity like
    /// anything else that stays. Any solution of this instance, put together with the others'
    /// placements, is a solution of `base`.
    ///
    /// Only the resource-dates the free items may use are copied, so a step costs time in
    /// proportion to its neighbourhood, plus O(n) to collect the placements.
    init(neighbourhoodOf free: [Int], in base: RebookingInstance, around solution: RebookingSolution) {
        range = base.range
        grid = base.grid
        notBefore = base.notBefore
        calendar = base.calendar
        occurrenceCount = base.occurrenceCount
        items = free.map { base.items[$0] }
        let isFree = Set(free)
        var keys = Set<ResourceDay>()
        var countKeys = Set<ResourceDay>()
        for i in free {
            // Every date the item could take, not only its candidates in `base`: the candidates
            // are recomputed below from these resource-dates, so each must be complete.
            let item = base.items[i]
            let firstDay = base.firstDay(of: item)
            guard firstDay < base.range.count else { continue }
            for day in Int32(firstDay)..<Int32(base.range.count) {
                keys.insert(ResourceDay(.doctor, item.doctor, day: day))
                keys.insert(ResourceDay.person(item.kind, item.person, day: day))
                countKeys.insert(ResourceDay.count(item.kind, doctor: item.doctor, day: day))
            }
        }
        var busy: [ResourceDay: BusyTimeline] = [:]
        var counts: [ResourceDay: Int32] = [:]
        for key in keys { busy[key] = base.fixedBusy[key] ?? BusyTimeline() }
        for key in countKeys { counts[key] = base.fixedCount[key] ?? 0 }
        for (i, p) in solution.placements.enumerated() where p.isPlaced && !isFree.contains(i) {
            let item = base.items[i]
            guard let day = base.candidateDays(of: i).first(where: { $0.day == p.day }) else { continue }
            let slot = MinuteInterval(start: MinuteOfDay(p.start), length: day.length)
            let doctorKey = ResourceDay(.doctor, item.doctor, day: p.day)
            let personKey = ResourceDay.person(item.kind, item.person, day: p.day)
            if keys.contains(doctorKey) { busy[doctorKey]!.insert(slot) }
            if keys.contains(personKey) { busy[personKey]!.insert(slot) }
            let countKey = ResourceDay.count(item.kind, doctor: item.doctor, day: p.day)
            if countKeys.contains(countKey) { counts[countKey]! += 1 }
        }
        fixedBusy = busy
        fixedCount = counts
        (candidates, dayStarts, starts) = RebookingInstance.candidates(
            of: items, range: range, notBefore: notBefore, grid: grid, calendar: calendar,
            fixedBusy: busy, fixedCount: counts)
    }
}
