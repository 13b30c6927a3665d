/// Splits the items into independent parts: two items interact only when some candidate date
/// gives them a common doctor-date, rep-date or patient-date, so parts that share none of these
/// can be solved apart and their optima added up.
enum IndependentParts {
    /// Item indices per part; each part ascending (so in original time order), parts ordered by
    /// their first item.
    /// - Complexity: O(candidate days · α(n)) with a union-find over items.
    static func split(_ instance: RebookingInstance, items: [Int]? = nil) -> [[Int]] {
        let members = items ?? Array(instance.items.indices)
        var parent = Array(0..<members.count)
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var owner: [ResourceDay: Int] = [:]
        func link(_ key: ResourceDay, _ m: Int) {
            if let other = owner[key] {
                let a = find(other), b = find(m)
                if a != b { parent[max(a, b)] = min(a, b) }
            } else {
                owner[key] = m
            }
        }
        for (m, i) in members.enumerated() {
            let item = instance.items[i]
            for day in instance.candidateDays(of: i) {
                link(ResourceDay(.doctor, item.doctor, day: day.day), m)
                link(ResourceDay.person(item.kind, item.person, day: day.day), m)
            }
        }
        var partOfRoot: [Int: Int] = [:]
        var parts: [[Int]] = []
        for (m, i) in members.enumerated() {
            let root = find(m)
            if let p = partOfRoot[root] {
                parts[p].append(i)
            } else {
                partOfRoot[root] = parts.count
                parts.append([i])
            }
        }
        return parts
    }
}
