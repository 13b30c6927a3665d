import Testing
@testable import SlotSolver

/// The schedule search against brute force: every combination of a date (or none) per item of a
/// doctor, kept when each date's set fits.
@Suite("Doctor schedule search")
struct DoctorScheduleSearchTests {
    @Test("the cheapest schedule and the cheapest of each kind match brute force", arguments: 0..<40)
    func matchesBruteForce(seed: Int) throws {
        let clinic = OptimalityTests.tiny(UInt64(seed))
        let opts = options(.glpk, range: OptimalityTests.tinyRange, grid: 15)
        let instance = RebookingInstance(model: clinic.model, options: opts)
        var random = Xorshift(state: UInt64(seed) &* 2_654_435_761 &+ 99)
        for part in IndependentParts.split(instance) {
            let choices = DateChoices(instance: instance, items: part.map(ItemIndex.init))
            // Costs other than the objective, as multipliers would make them.
            let costs = ChoiceCosts((0..<choices.count).map { choices.cost(of: ChoiceIndex($0)) + Double(random.next() % 4) })
            // Shared rows: a third of the choices in one or two of five rows, coefficient 1 or 2.
            var rows: [ChoiceIndex: [(side: Int, coefficient: Double)]] = [:]
            for c in (0..<choices.count).map(ChoiceIndex.init) where random.next() % 3 == 0 {
                for _ in 0...(random.next() % 2) {
                    rows[c, default: []].append((Int(random.next() % 5), Double(1 + random.next() % 2)))
                }
            }
            func kind(_ schedule: DoctorScheduleSearch.Schedule) -> [Int: Double] {
                var vector: [Int: Double] = [:]
                for case let c? in schedule { for (side, a) in rows[c] ?? [] { vector[side, default: 0] += a } }
                return vector
            }
            var byDoctor: [Int32: [PartPosition]] = [:]
            for (k, i) in part.enumerated() { byDoctor[instance.items[i].doctor, default: []].append(PartPosition(k)) }
            for positions in byDoctor.values where positions.count <= 6 {
                let days = try #require(try DoctorDays(choices: choices, positions: positions,
                                                       arrangement: DayArrangement(instance: instance)))
                let search = try DoctorScheduleSearch(days: days, costs: costs)
                let all = bruteForce(choices, positions, costs)
                let minimum = all.map(\.cost).min()!
                let cheapest = search.cheapest()
                #expect(abs(cheapest.cost - minimum) < 1e-9, "seed \(seed)")
                #expect(all.contains { $0.schedule == cheapest.schedule && abs($0.cost - minimum) < 1e-9 })

                let threshold = minimum + 3
                var expected: [[Int: Double]: Double] = [:]
                for (schedule, cost) in all where cost <= threshold + 1e-9 {
                    expected[kind(schedule)] = min(expected[kind(schedule)] ?? .infinity, cost)
                }
                let kinds = try #require(try search.cheapestOfEachKind(within: threshold, rows: rows, limit: 10_000))
                var found: [[Int: Double]: Double] = [:]
                for schedule in kinds {
                    let cost = all.first { $0.schedule == schedule }?.cost
                    #expect(cost != nil, "seed \(seed): an enumerated schedule that does not fit")
                    found[kind(schedule)] = cost
                }
                #expect(found == expected, "seed \(seed)")
            }
        }
    }

    /// Every schedule whose dates' sets fit, with its cost.
    private func bruteForce(_ choices: DateChoices, _ positions: [PartPosition], _ costs: ChoiceCosts)
        -> [(schedule: DoctorScheduleSearch.Schedule, cost: Double)] {
        let instance = choices.instance
        let arrangement = DayArrangement(instance: instance)
        var result: [(schedule: DoctorScheduleSearch.Schedule, cost: Double)] = []
        var schedule = DoctorScheduleSearch.Schedule(repeating: nil, count: positions.count)
        func visit(_ depth: Int) {
            if depth == positions.count {
                var byDay: [Int32: [DayArrangement.Entry]] = [:]
                var cost = 0.0
                for (k, c) in zip(positions, schedule) {
                    let item = choices.item(at: k).int
                    guard let c else { cost += Double(instance.items[item].unplacedCost); continue }
                    cost += costs[c]
                    let day = instance.candidateDays(of: item).first { $0.day == choices.day(of: c).raw }!
                    byDay[day.day, default: []].append(DayArrangement.Entry(item: item, day: day))
                }
                if byDay.values.allSatisfy({ $0.count == 1 || arrangement.arrange($0) != .infeasible }) {
                    result.append((schedule, cost))
                }
                return
            }
            let k = positions[depth]
            for c in [nil] + choices.choices(at: k).map(Optional.some) {
                schedule[depth] = c
                visit(depth + 1)
            }
            schedule[depth] = nil
        }
        visit(0)
        return result
    }
}

/// A small deterministic generator, so that a failing seed can be replayed.
private struct Xorshift {
    var state: UInt64
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
