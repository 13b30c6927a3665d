/// "Did you mean …?": the known word nearest to a misspelt one.
enum Spelling {
    /// The candidate closest to `word` by edit distance (letter case ignored), when it is close
    /// enough to be a slip (at most a third of the word's letters, at least 1) or the word begins it.
    static func nearest(to word: String, among candidates: [String]) -> String? {
        let wanted = word.lowercased()
        guard !wanted.isEmpty else { return nil }
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let distance = editDistance(wanted, candidate.lowercased())
            if best == nil || distance < best!.distance { best = (distance, candidate) }
        }
        if let best, best.distance <= max(1, wanted.count / 3) { return best.candidate }
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(wanted) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// Levenshtein distance over characters, with adjacent swaps counting one (Damerau's rule,
    /// optimal string alignment): "plna" is one slip from "plan".
    /// - Complexity: O(|a| × |b|)
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], before[j - 2] + 1)
                }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }
}
