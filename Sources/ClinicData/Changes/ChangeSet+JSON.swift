extension ChangeSet {
    /// The changes as JSON: one object per change with the collection, the `_id`, `insert` or
    /// `update`, and the changed fields before (`from`) and after (`to`) in relaxed Extended JSON;
    /// an insert's `to` is the whole document. The audit log and `--format json` print this.
    /// A password hash is never shown: only that it changed (the mongosh script alone carries it).
    public var json: JSONValue {
        .array(changes.map { change in
            let edit = DocumentEdit(change)
            func fields(_ list: [(key: String, value: JSONValue?)]) -> JSONValue {
                .object(JSONObject(list.map { field in
                    JSONMember(field.key, field.key == "password" && field.value != nil ? .string("(hash not shown)") : field.value ?? .null)
                }))
            }
            var members = [JSONMember("collection", .string(edit.collection.rawValue)),
                           JSONMember("_id", edit.id),
                           JSONMember("op", .string(change.isInsert ? "insert" : "update"))]
            if !change.isInsert { members.append(JSONMember("from", fields(edit.from))) }
            members.append(JSONMember("to", fields(edit.to)))
            return .object(JSONObject(members))
        })
    }
}
