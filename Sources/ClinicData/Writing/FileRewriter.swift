/// Produces a collection file's new bytes from its original bytes and the edited records:
/// unchanged documents keep their exact text, edited ones are spliced, documents whose `_id` is
/// no longer in the edited records are dropped, and new records are appended in the file's own
/// layout and mode.
struct FileRewriter<Record: StoredRecord> {
    let file: LoadedFile
    /// The records as loaded (indexed by `file.recordIndex`).
    let original: [Record]
    let edited: [Record]

    func bytes() -> [UInt8] {
        let bytes = file.bytes
        let ranges = file.documentRanges
        // Match edited records to loaded documents by `_id` (in order, should an `_id` repeat).
        var pending: [DocumentID: [Int]] = [:]
        for (i, record) in edited.enumerated() { pending[record.id, default: []].append(i) }
        for key in pending.keys { pending[key]!.reverse() }
        var texts: [[UInt8]?] = []  // per document: new text (nil = dropped)
        texts.reserveCapacity(ranges.count)
        for (position, range) in ranges.enumerated() {
            guard let index = file.recordIndex[position] else {
                texts.append(Array(bytes[range]))  // did not load: keep as it was
                continue
            }
            let before = original[index]
            guard let match = pending[before.id]?.popLast() else {
                texts.append(nil)
                continue
            }
            let after = edited[match]
            if after == before {
                texts.append(Array(bytes[range]))
            } else {
                texts.append(DocumentSplicer.splice(bytes, range, changes(from: before, to: after)))
            }
        }
        let unmatched = Set(pending.values.flatMap { $0 })
        let appended = edited.indices.filter { unmatched.contains($0) }.map { i -> [UInt8] in
            var text: [UInt8] = []
            JSONWriter.write(edited[i].document(file.mode), into: &text)
            return text
        }
        switch file.layout {
        case .jsonLines: return assembleLines(texts, appended)
        case .jsonArray: return assembleArray(texts, appended)
        }
    }

    private func changes(from before: Record, to after: Record) -> [DocumentSplicer.Change] {
        let old = before.fields(file.mode)
        let new = after.fields(file.mode)
        var changes: [DocumentSplicer.Change] = []
        for (o, n) in zip(old, new) where o.value != n.value {
            changes.append(DocumentSplicer.Change(key: n.key, value: n.value))
        }
        return changes
    }

    // MARK: - Layouts

    /// JSON Lines: each kept document keeps the text that followed it (its newline, blank lines);
    /// new documents go one per line at the end.
    private func assembleLines(_ texts: [[UInt8]?], _ appended: [[UInt8]]) -> [UInt8] {
        let bytes = file.bytes
        let ranges = file.documentRanges
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + appended.count * 200)
        out += bytes[0..<(ranges.first?.lowerBound ?? bytes.count)]
        for (i, text) in texts.enumerated() {
            guard let text else { continue }
            out += text
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
    private func assembleArray(_ texts: [[UInt8]?], _ appended: [[UInt8]]) -> [UInt8] {
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
        let usual: [UInt8] = ranges.count >= 2 ? Array(bytes[ranges[0].upperBound..<ranges[1].lowerBound]) : Array(",\n".utf8)
        var pieces: [(text: [UInt8], separator: [UInt8])] = []
        for (i, text) in texts.enumerated() {
            guard let text else { continue }
            let separator = i + 1 < ranges.count ? Array(bytes[ranges[i].upperBound..<ranges[i + 1].lowerBound]) : usual
            pieces.append((text, separator))
        }
        for text in appended { pieces.append((text, usual)) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + appended.count * 200)
        out += bytes[head]
        for (i, piece) in pieces.enumerated() {
            if i > 0 { out += pieces[i - 1].separator }
            out += piece.text
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
