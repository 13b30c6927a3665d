/// Produces a collection file's new bytes from its original bytes and the edited records:
/// unchanged documents keep their exact text, edited ones are spliced, documents whose `_id` is
/// no longer in the edited records are dropped, and new records are appended in the file's own
/// layout and mode.
struct FileRewriter<Record: StoredRecord> {
    let file: LoadedFile
    /// The records as loaded (indexed by `file.recordIndex`).
    let original: [Record]
    let edited: [Record]

    /// What becomes of one document of the file.
    enum Outcome {
        case keep
        case replace([UInt8])
        case drop
    }

    func bytes() -> [UInt8] {
        let bytes = file.bytes
        let ranges = file.documentRanges
        var used = [Bool](repeating: false, count: edited.count)
        // Edited records are matched to loaded documents by `_id`. Usually the edit kept the
        // order, so record r of the file is edited[r]; a dictionary is built only when not.
        var byID: [DocumentID: [Int]]?
        func match(_ record: Int, _ id: DocumentID) -> Int? {
            if record < edited.count, !used[record], edited[record].id == id { return record }
            if byID == nil {
                var map: [DocumentID: [Int]] = [:]
                for (i, record) in edited.enumerated() { map[record.id, default: []].append(i) }
                byID = map
            }
            return byID![id]?.first { !used[$0] }
        }
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(ranges.count)
        for position in ranges.indices {
            guard let index = file.recordIndex[position] else {
                outcomes.append(.keep)  // did not load: keep as it was
                continue
            }
            let before = original[index]
            guard let found = match(index, before.id) else {
                outcomes.append(.drop)
                continue
            }
            used[found] = true
            let after = edited[found]
            outcomes.append(after == before ? .keep
                            : .replace(DocumentSplicer.splice(bytes, ranges[position], changes(from: before, to: after))))
        }
        let appended = edited.indices.filter { !used[$0] }.map { i -> [UInt8] in
            var text: [UInt8] = []
            JSONWriter.write(edited[i].document(file.mode), into: &text)
            return text
        }
        switch file.layout {
        case .jsonLines: return assembleLines(outcomes, appended)
        case .jsonArray: return assembleArray(outcomes, appended)
        }
    }

    private func changes(from before: Record, to after: Record) -> [DocumentSplicer.Change] {
        let old = before.fields(file.mode)
        let new = after.fields(file.mode)
        var changes: [DocumentSplicer.Change] = []
        for (o, n) in zip(old, new) where o.value != n.value {
            changes.append(DocumentSplicer.Change.between(n.key, o.value, n.value))
        }
        return changes
    }

    // MARK: - Layouts

    /// JSON Lines: each kept document keeps the text that followed it (its newline, blank lines);
    /// new documents go one per line at the end.
    private func assembleLines(_ outcomes: [Outcome], _ appended: [[UInt8]]) -> [UInt8] {
        let bytes = file.bytes
        let ranges = file.documentRanges
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + appended.count * 200)
        out += bytes[0..<(ranges.first?.lowerBound ?? bytes.count)]
        for (i, outcome) in outcomes.enumerated() {
            switch outcome {
            case .keep: out += bytes[ranges[i]]
            case .replace(let text): out += text
            case .drop: continue
            }
            out += bytes[ranges[i].upperBound..<(i + 1 < ranges.count ? ranges[i + 1].lowerBound : bytes.count)]
        }
        for text in appended {
            if let last = out.last, last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
            out += text
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// An array: the text before the first document and after the last one stays; kept
    /// documents are joined by the separator that followed them in the file (or the file's usual
    /// one), and new documents are added with the usual separator.
    private func assembleArray(_ outcomes: [Outcome], _ appended: [[UInt8]]) -> [UInt8] {
        let bytes = file.bytes
        let ranges = file.documentRanges
        let head: Range<Int>
        let tail: Range<Int>
        if let first = ranges.first, let last = ranges.last {
            head = 0..<first.lowerBound
            tail = last.upperBound..<bytes.count
        } else {
            // An empty array: split just after its "[" (a file with no text at all becomes "[]").
            guard let open = bytes.firstIndex(of: UInt8(ascii: "[")) else {
                return appended.isEmpty && bytes.isEmpty ? [] : Self.newArray(appended)
            }
            head = 0..<(open + 1)
            tail = (open + 1)..<bytes.count
        }
        let usual: Range<Int>? = ranges.count >= 2 ? ranges[0].upperBound..<ranges[1].lowerBound : nil
        let defaultSeparator = Array(",\n".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + appended.count * 200)
        out += bytes[head]
        // The separator owed before the next document: the one that followed the last written.
        var pending: Range<Int>?? = .none
        func separate() {
            switch pending {
            case .none: break
            case .some(.some(let range)): out += bytes[range]
            case .some(.none): if let usual { out += bytes[usual] } else { out += defaultSeparator }
            }
        }
        for (i, outcome) in outcomes.enumerated() {
            switch outcome {
            case .keep: separate(); out += bytes[ranges[i]]
            case .replace(let text): separate(); out += text
            case .drop: continue
            }
            pending = .some(i + 1 < ranges.count ? ranges[i].upperBound..<ranges[i + 1].lowerBound : nil)
        }
        for text in appended {
            separate()
            out += text
            pending = .some(nil)
        }
        out += bytes[tail]
        return out
    }

    /// `[` + one document per line, separated by commas + `]` and a newline, as the sample folder
    /// and `mongoexport --jsonArray` lay it out.
    static func newArray(_ documents: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (i, text) in documents.enumerated() {
            if i > 0 { out += Array(",\n".utf8) }
            out += text
        }
        out += Array("]\n".utf8)
        return out
    }

    static func newLines(_ documents: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for text in documents {
            out += text
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }
}
