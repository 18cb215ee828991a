import GrappeApp
import NIOCore
import NIOPosix
import Vapor

// Swift concurrency's jobs run on NIO's event loops instead of a pool of their own: an async
// handler no longer hops from the loop that read the request to another thread and back (a
// third of a flag storm's CPU went to those switches). Nothing in Grappe blocks a thread for
// long: passwords are hashed on the thread pool, SQLite's calls run on it too.
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

// Thin entry point: everything lives in GrappeApp.
var env = try Environment.detect()
try LoggingSystem.bootstrap(from: &env)
let app = try await Application.make(env)
do {
    try await configure(app)
    try await Entry.beforeExecute(app)
    try await app.execute()
} catch {
    app.logger.report(error: error)
    try? await app.asyncShutdown()
    throw error
}
try await app.asyncShutdown()
