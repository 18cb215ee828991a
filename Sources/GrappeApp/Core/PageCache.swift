import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Whole pages kept in memory between two writes, for the pages everyone reads (`routes.swift`
/// wraps them with `PageCache.cached`): readers must not recompute what writers already know.
///
/// Exact, like `SignInCache`: any committed write to any table but the sessions one empties it
/// (`ChangeBoard`), so a page never shows data older than the last write. What a page shows
/// only because time passes (« prochains événements ») is at most `lifetime` late.
///
/// A page is kept per account and per URL, with its navigation. It is not kept when building
/// it changed the session or took a flash message, nor served from here while a flash message
/// waits. The CSRF fields of a kept page are placeholders (`CSRF.hiddenField` while building),
/// filled with the reader's own token each time it is served.
///
/// Per process. On SQLite always on; on PostgreSQL only while this instance hears the others'
/// writes (`ChangeListener`). `GRAPPE_PAGE_CACHE=off` turns it off (to measure what a page
/// costs to build).
final class PageCache: Sendable {
    static let lifetime: TimeInterval = 60
    /// Beyond this many bytes of pages the cache starts again empty (a bound on memory, not an
    /// eviction policy: a crawler walking every search cannot grow the process).
    static let capacity = 24 << 20

    private struct Page: Sendable {
        let generation: Int
        let expires: Date
        let status: HTTPStatus
        let headers: HTTPHeaders
        /// The document split at its CSRF placeholders.
        let parts: [String]
        /// Its length in bytes.
        let size: Int
    }

    private struct State {
        var generation = 0
        var live: Bool
        var pages: [String: Page] = [:]
        var bytes = 0
        /// Pages being built (since which write), with the readers waiting for them.
        var building: [String: (generation: Int, waiters: [CheckedContinuation<Page?, Never>])] = [:]

        mutating func store(_ key: String, _ page: Page) {
            if bytes + page.size > PageCache.capacity {
                pages = [:]
                bytes = 0
            }
            bytes += page.size - (pages[key]?.size ?? 0)
            pages[key] = page
        }
    }

    private let state: NIOLockedValueBox<State>
    let enabled: Bool
    /// Stands for the reader's CSRF field in a page being built; random, so that no text typed
    /// into a page can imitate it.
    let placeholder = "\u{E000}csrf-\(UUID().uuidString)\u{E000}"

    init(enabled: Bool, live: Bool) {
        self.enabled = enabled
        state = NIOLockedValueBox(State(live: live))
    }

    /// Pages kept now (and still valid), for tests and operators.
    var keptCount: Int {
        state.withLockedValue { s in s.live ? s.pages.values.filter { $0.generation == s.generation }.count : 0 }
    }

    func invalidate() {
        state.withLockedValue { s in
            s.generation += 1
            s.pages = [:]
            s.bytes = 0
        }
    }

    func setLive(_ live: Bool) {
        state.withLockedValue { $0.live = live }
        invalidate()
    }

    private struct BuildingKey: StorageKey { typealias Value = Bool }

    /// Wraps a GET handler whose page may be kept.
    static func cached(_ handler: @escaping @Sendable (Request) async throws -> Response) -> @Sendable (Request) async throws -> Response {
        { req in
            guard let cache = req.application.pageCache, cache.enabled else { return try await handler(req) }
            return try await cache.serve(req, handler)
        }
    }

    /// True while `req` builds a page to keep: `CSRF.hiddenField` then writes the placeholder.
    static func isBuilding(_ req: Request) -> Bool { req.storage[BuildingKey.self] == true }

    private enum Step { case hit(Page), wait, build(generation: Int, registered: Bool) }

    private func serve(_ req: Request, _ handler: (Request) async throws -> Response) async throws -> Response {
        let flashWaiting = req.hasSessionCookie && req.session.data["flash"] != nil
        if flashWaiting { return try await handler(req) }
        let key = "\(req.viewer.user?.id?.uuidString ?? "-") \(req.url.string)"
        let now = Date()
        let step = state.withLockedValue { s -> Step in
            if s.live, let page = s.pages[key], page.generation == s.generation, page.expires > now { return .hit(page) }
            guard s.live else { return .build(generation: s.generation, registered: false) }
            if let building = s.building[key] {
                // Built since the last write: wait for it. From before: build again, alone.
                return building.generation == s.generation ? .wait : .build(generation: s.generation, registered: false)
            }
            s.building[key] = (s.generation, [])
            return .build(generation: s.generation, registered: true)
        }
        switch step {
        case .hit(let page): return response(page, for: req)
        case .wait:
            // One reader builds a missing page; the others wait for it instead of building it too.
            let page = await withCheckedContinuation { (waiter: CheckedContinuation<Page?, Never>) in
                state.withLockedValue { s in
                    if s.building[key]?.generation == s.generation { s.building[key]!.waiters.append(waiter) } else { waiter.resume(returning: nil) }
                }
            }
            if let page { return response(page, for: req) }
            return try await handler(req)
        case .build(let generation, let registered):
            let page: Page?
            let built: Response
            do {
                (page, built) = try await build(req, handler, generation: generation, now: now)
            } catch {
                if registered { finish(key, page: nil, generation: generation) }
                throw error
            }
            if registered { finish(key, page: page, generation: generation) } else if let page { keep(key, page) }
            return page.map { response($0, for: req) } ?? built
        }
    }

    /// Builds the page with placeholders for its CSRF fields; the page is nil when it may not be
    /// kept (then the response is the one to send, built without placeholders).
    private func build(_ req: Request, _ handler: (Request) async throws -> Response, generation: Int, now: Date) async throws -> (Page?, Response) {
        let sessionBefore = req.hasSessionCookie ? req.session.data : nil
        req.storage[BuildingKey.self] = true
        let built: Response
        do { built = try await handler(req) } catch {
            req.storage[BuildingKey.self] = nil
            throw error
        }
        req.storage[BuildingKey.self] = nil
        guard let body = built.body.string else { return (nil, built) }
        var headers = built.headers
        headers.remove(name: .contentLength)
        let page = Page(generation: generation, expires: now.addingTimeInterval(Self.lifetime), status: built.status,
                        headers: headers, parts: body.components(separatedBy: placeholder), size: body.utf8.count)
        let sessionAfter = req.hasSessionCookie ? req.session.data : nil
        guard built.status == .ok, !headers.contains(name: .setCookie), sessionBefore == sessionAfter else {
            // Not kept: the placeholders still have to become this reader's fields.
            return (nil, response(page, for: req))
        }
        return (page, built)
    }

    /// Keeps `page` unless a write came meanwhile; then hands it to the readers who waited, or,
    /// when a write came, tells them to build their own (they may have asked after the write).
    private func finish(_ key: String, page: Page?, generation: Int) {
        let (waiters, current) = state.withLockedValue { s -> ([CheckedContinuation<Page?, Never>], Bool) in
            let current = s.live && s.generation == generation
            if let page, current { s.store(key, page) }
            guard s.building[key]?.generation == generation else { return ([], current) }
            return (s.building.removeValue(forKey: key)?.waiters ?? [], current)
        }
        for waiter in waiters { waiter.resume(returning: current ? page : nil) }
    }

    private func keep(_ key: String, _ page: Page) {
        state.withLockedValue { s in
            if s.live, s.generation == page.generation { s.store(key, page) }
        }
    }

    private func response(_ page: Page, for req: Request) -> Response {
        let document = page.parts.count == 1 ? page.parts[0] : page.parts.joined(separator: CSRF.hiddenField(req).raw)
        return Response(status: page.status, headers: page.headers, body: .init(string: document))
    }
}
