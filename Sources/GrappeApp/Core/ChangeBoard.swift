import NIOConcurrencyHelpers
import Vapor

/// Where committed writes are told, and what empties the in-memory caches they affect: the
/// sign-ins (`SignInCache`), the kept pages (`PageCache`) and the organisation.
///
/// This instance's writes come from `WatchedDatabase`, right after their commit, so a page read
/// after a write always sees it. Other instances' writes — PostgreSQL only, where several
/// instances share one database — come from `ChangeListener`, which also sends this instance's
/// writes to them (`broadcast`), and switches the caches off whenever it stops hearing them.
final class ChangeBoard: Sendable {
    let signIns: SignInCache
    let pages: PageCache
    private let forgetOrganisation: @Sendable () -> Void
    private let broadcaster = NIOLockedValueBox<(@Sendable (WriteKind) -> Void)?>(nil)

    init(signIns: SignInCache, pages: PageCache, forgetOrganisation: @escaping @Sendable () -> Void) {
        self.signIns = signIns
        self.pages = pages
        self.forgetOrganisation = forgetOrganisation
    }

    /// A write of this instance was committed.
    func committed(_ kind: WriteKind) {
        apply(kind)
        broadcaster.withLockedValue { $0 }?(kind)
    }

    /// Empties what `kind` may have changed.
    func apply(_ kind: WriteKind) {
        if kind.contains(.signIn) { signIns.invalidate() }
        if kind.contains(.data) {
            pages.invalidate()
            forgetOrganisation()
        }
    }

    /// PostgreSQL: caches on while other instances' writes are heard, off otherwise; `broadcast`
    /// sends this instance's writes to them.
    func hearing(_ live: Bool, broadcast: (@Sendable (WriteKind) -> Void)?) {
        broadcaster.withLockedValue { $0 = broadcast }
        signIns.setLive(live)
        pages.setLive(live)
        forgetOrganisation()
    }
}

extension Application {
    private struct ChangeBoardKey: StorageKey { typealias Value = ChangeBoard }

    /// Set by `configure`.
    var changeBoard: ChangeBoard? {
        get { storage[ChangeBoardKey.self] }
        set { storage[ChangeBoardKey.self] = newValue }
    }

    var signInCache: SignInCache? { changeBoard?.signIns }
    var pageCache: PageCache? { changeBoard?.pages }
}
