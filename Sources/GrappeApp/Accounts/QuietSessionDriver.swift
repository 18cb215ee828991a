import Fluent
import Vapor

/// Wraps the database session driver so that a request that did not change its session does
/// not write it back: Vapor's middleware saves the session after every request, which would
/// turn every page view into a database write. On SQLite, sessions read are kept in the
/// `SignInCache` (every write to the sessions table empties it).
struct QuietSessionDriver: SessionDriver {
    let base: any SessionDriver

    private struct ReadKey: StorageKey { typealias Value = SessionData }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        let cache = request.application.signInCache
        if let hit = cache?.session(sessionID.string) {
            request.storage[ReadKey.self] = hit
            return request.eventLoop.makeSucceededFuture(hit)
        }
        let generation = cache?.generation ?? 0
        return base.readSession(sessionID, for: request).map { data in
            if let data {
                request.storage[ReadKey.self] = data
                cache?.store(session: sessionID.string, data, readAt: generation)
            }
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if request.storage[ReadKey.self] == data { return request.eventLoop.makeSucceededFuture(sessionID) }
        return base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
