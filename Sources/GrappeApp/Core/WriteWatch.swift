/// What a committed write may have changed, for the caches that depend on it.
struct WriteKind: OptionSet, Sendable, Hashable {
    let rawValue: Int
    /// Sessions, accounts or a member contact's companies (`SignInCache`).
    static let signIn = WriteKind(rawValue: 1)
    /// Anything a page shows (`PageCache`): every table but the sessions one.
    static let data = WriteKind(rawValue: 2)
    static let all: WriteKind = [.signIn, .data]
}

/// Tells `changed` what every committed write touched. `WatchedDatabase` calls it after the
/// commit (once per transaction), on both databases; it must not block.
struct WriteWatch: Sendable {
    /// Tables whose writes are `.signIn`.
    let signInTables: Set<String>
    /// The one table whose writes are not `.data` (sessions: a login must not empty pages).
    let sessionTable: String
    let changed: @Sendable (WriteKind) -> Void

    /// A Fluent create, update or delete on `schema`.
    func kind(schema: String) -> WriteKind {
        var kind: WriteKind = schema == sessionTable ? [] : .data
        if signInTables.contains(schema) { kind.insert(.signIn) }
        return kind
    }

    /// A raw statement that writes: always `.data`, `.signIn` when it names a sign-in table.
    func kind(statement: String) -> WriteKind {
        let lower = statement.lowercased()
        return signInTables.contains { lower.contains($0) } ? .all : .data
    }
}
