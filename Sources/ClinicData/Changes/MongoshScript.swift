/// Renders a change set as a mongosh script that is safe to run on the live database:
/// - `--database NAME` selects the database (`db.getSiblingDB`), else the one mongosh opened;
/// - every update is filtered on the `_id` and the values it expects (`DocumentEdit.expected`,
///   and for arrays the elements it adds absent and those it removes present), so a document
///   changed since the export is left alone and reported, not overwritten;
/// - arrays change by `$addToSet` / `$pull`, keeping elements added live since;
/// - every `matchedCount` and `insertedId` is checked, a summary is printed, and the script
///   exits with `quit(1)` when anything did not apply;
/// - on a replica set or a sharded cluster (Atlas always is one) the whole change runs in one
///   transaction (`session.withTransaction`): all of it applies or none. A standalone server
///   has no transactions: each change applies on its own and what did not is listed.
/// Running the script twice applies nothing the second time (the filters no longer match and
/// the derived `_id`s of inserts are taken) and says so.
public enum MongoshScript {
    /// - Parameters:
    ///   - action: the command, for the header (`rebook`, `close`, …).
    ///   - database: the database to use; nil: the one mongosh was started on.
    public static func render(_ changeSet: ChangeSet, action: String, database: String?) -> String {
        var out = "// clinic-plan \(action): \(changeSet.count) change(s) computed on the exported data.\n"
        out += "// Run with: mongosh \"$MONGODB_URI\" --file THIS_FILE. Each update applies only to a document that is\n"
        out += "// still as it was exported; on a replica set everything applies in one transaction or nothing does.\n"
        if let database {
            out += "db = db.getSiblingDB(\(Literal.string(database)));\n"
        } else {
            out += "// No --database was given: this runs on the database mongosh was started on.\n"
        }
        out += "const clinicPlanChanges = [\n"
        for change in changeSet.changes {
            out += "  " + entry(DocumentEdit(change), describing: change) + ",\n"
        }
        out += "];\n"
        out += runner
        return out
    }

    /// One change as `{collection, what, document}` or `{collection, what, filter, update}`.
    private static func entry(_ edit: DocumentEdit, describing change: DataChange) -> String {
        let what = Literal.string("\(change.isInsert ? "insert" : "update") \(edit.collection.rawValue) \(change.id)")
        let collection = Literal.string(edit.collection.rawValue)
        if let document = edit.inserted {
            return "{collection: \(collection), what: \(what), document: \(Literal.value(document))}"
        }
        var filter = [("_id", Literal.value(edit.id))] + edit.expected.map { ($0.key, $0.value.map(Literal.value) ?? "null") }
        filter += edit.added.map { ($0.key, "{$nin: \(Literal.array($0.values))}") }
        filter += edit.pulled.map { ($0.key, "{$all: \(Literal.array($0.values))}") }
        var update: [(String, String)] = []
        if !edit.set.isEmpty { update.append(("$set", Literal.object(edit.set.map { ($0.key, Literal.value($0.value)) }))) }
        if !edit.unset.isEmpty { update.append(("$unset", Literal.object(edit.unset.map { ($0, "\"\"") }))) }
        if !edit.added.isEmpty {
            update.append(("$addToSet", Literal.object(edit.added.map { ($0.key, "{$each: \(Literal.array($0.values))}") })))
        }
        if !edit.pulled.isEmpty {
            update.append(("$pull", Literal.object(edit.pulled.map { ($0.key, "{$in: \(Literal.array($0.values))}") })))
        }
        return "{collection: \(collection), what: \(what), filter: \(Literal.object(filter)), update: \(Literal.object(update))}"
    }

    /// Applies `clinicPlanChanges`, checks every result, prints a summary, exits 1 on any failure.
    private static let runner = """
    function clinicPlanApply(database, stopAtFirstFailure) {
      const failed = [];
      for (const change of clinicPlanChanges) {
        const collection = database.getCollection(change.collection);
        try {
          if (change.document !== undefined) {
            const result = collection.insertOne(change.document);
            if (!result || result.insertedId === undefined) failed.push(change.what + ": not inserted");
          } else {
            const result = collection.updateOne(change.filter, change.update);
            if (!result || result.matchedCount !== 1) {
              failed.push(change.what + ": the document changed since the export, or is gone; left as it is");
            }
          }
        } catch (error) {
          failed.push(change.what + ": " + error.message);
        }
        if (stopAtFirstFailure && failed.length > 0) break;
      }
      return failed;
    }
    let clinicPlanFailed = [];
    let clinicPlanApplied = 0;
    // hello() since MongoDB 4.4.2; isMaster() before.
    const clinicPlanHello = typeof db.hello === "function" ? db.hello() : db.isMaster();
    if (clinicPlanHello.setName !== undefined || clinicPlanHello.msg === "isdbgrid") {
      const session = db.getMongo().startSession();
      try {
        session.withTransaction(() => {
          clinicPlanFailed = clinicPlanApply(session.getDatabase(db.getName()), true);
          if (clinicPlanFailed.length > 0) throw new Error("clinic-plan: rolled back");
        });
        clinicPlanApplied = clinicPlanChanges.length;
      } catch (error) {
        if (clinicPlanFailed.length === 0) clinicPlanFailed = ["the transaction failed: " + error.message];
        clinicPlanFailed.push("the transaction was rolled back: nothing was changed");
      } finally {
        session.endSession();
      }
      print("clinic-plan: " + clinicPlanApplied + " of " + clinicPlanChanges.length + " change(s) applied in one transaction");
    } else {
      clinicPlanFailed = clinicPlanApply(db, false);
      clinicPlanApplied = clinicPlanChanges.length - clinicPlanFailed.length;
      print("clinic-plan: " + clinicPlanApplied + " of " + clinicPlanChanges.length
        + " change(s) applied (a standalone server has no transactions: each change applied on its own)");
    }
    for (const problem of clinicPlanFailed) print("clinic-plan: not applied: " + problem);
    if (clinicPlanFailed.length > 0) quit(1);

    """
}

/// mongosh literals for the relaxed Extended JSON clinic-plan writes.
enum Literal {
    static func string(_ text: String) -> String { JSONWriter.text(.string(text)) }

    /// `{"$oid": h}` → `ObjectId("h")`, `{"$date": s}` → `ISODate("s")`, the number wrappers
    /// → their constructors; other values as JSON (keys quoted, strings escaped).
    static func value(_ value: JSONValue) -> String {
        switch value {
        case .array(let items):
            return array(items)
        case .object(let object):
            if object.members.count == 1, let member = object.members.first {
                switch (member.key, member.value) {
                case ("$oid", .string(let hex)): return "ObjectId(\(string(hex)))"
                case ("$date", .string(let text)): return "ISODate(\(string(text)))"
                case ("$date", .object(let inner)):
                    if case .string(let ms)? = inner["$numberLong"] { return "new Date(\(string(ms)) * 1)" }
                case ("$numberLong", .string(let text)): return "NumberLong(\(string(text)))"
                case ("$numberInt", .string(let text)): return "NumberInt(\(string(text)))"
                case ("$numberDouble", .string(let text)): return "Number(\(string(text)))"
                default: break
                }
            }
            return self.object(object.members.map { ($0.key, self.value($0.value)) })
        default:
            return JSONWriter.text(value)
        }
    }

    static func array(_ items: [JSONValue]) -> String { "[" + items.map(value).joined(separator: ", ") + "]" }

    static func object(_ members: [(String, String)]) -> String {
        "{" + members.map { "\(key($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// Plain names bare (`_id`, `skip_dates`, `$set`), anything else quoted.
    private static func key(_ name: String) -> String {
        let plain = !name.isEmpty && name.utf8.allSatisfy { byte in
            byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || (byte >= 0x30 && byte <= 0x39)
                || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        } && !(name.utf8.first! >= 0x30 && name.utf8.first! <= 0x39)
        return plain ? name : string(name)
    }
}
