import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Sets up an application: configuration, database, sessions, middleware, migrations, routes
/// and commands. Tests call it with `testing: true` (in-memory SQLite unless DATABASE_URL) and,
/// to open their own copy of a prepared database, `database:`.
public func configure(_ app: Application, testing: Bool = false, database: AppConfig.Database? = nil) async throws {
    var read = try AppConfig.fromEnvironment(testing: testing)
    if let database { read.database = database }
    let config = read
    app.config = config
    if let port = config.port { app.http.server.configuration.port = port }
    app.installOrganisationCache()
    app.loginLimiter = RateLimiter(limit: config.loginAttemptsPerWindow, window: 600)
    // An account takes five addresses' worth of failures: one address guessing is stopped by its
    // own limit before it can lock the account's real owner out.
    app.accountLoginLimiter = RateLimiter(limit: config.loginAttemptsPerWindow * 5, window: 600)
    app.publicFormLimiter = RateLimiter(limit: config.loginAttemptsPerWindow * 2, window: 600)
    app.ctfBoards = CTFBoards(maxAge: testing ? 0 : 0.5)
    app.lifecycle.use(app.ctfBoards)
    app.ctfTokens = CTFTokenCache(ttl: testing ? 0 : 10)
    app.ctfAttemptLimiter = RateLimiter(limit: 10, window: 10, capacity: 200_000)
    app.attemptDesk = AttemptDesk()
    app.reportJobs = ReportJobs()
    app.lifecycle.use(app.reportJobs)

    // In-memory caches kept exact by the writes (`ChangeBoard`): on SQLite one process owns the
    // file, so they are always on; on PostgreSQL only while `ChangeListener` hears the others.
    let live = config.database.isSQLite
    let board = ChangeBoard(signIns: SignInCache(live: live), pages: PageCache(enabled: config.pageCache, live: live),
                            forgetOrganisation: { [weak app] in app?.forgetOrganisation() })
    app.changeBoard = board
    let watch = WriteWatch(signInTables: SignInCache.watchedTables, sessionTable: SessionRecord.schema) { board.committed($0) }
    func useSQLite(_ storage: SQLiteConfiguration) {
        let base: DatabaseConfigurationFactory = .sqlite(storage, connectionPoolTimeout: .seconds(60), sqlLogLevel: .debug)
        app.databases.use(WatchedConfiguration.factory(base, watch: watch, gated: true), as: .sqlite)
    }
    switch config.database {
    case .sqliteFile(let path):
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        useSQLite(.file(path))
    case .sqliteMemory:
        useSQLite(.memory)
    case .postgres(let url):
        app.databases.use(WatchedConfiguration.factory(try .postgres(url: url, sqlLogLevel: .debug), watch: watch, gated: false), as: .psql)
        let listener = ChangeListener(url: url)
        app.changeListener = listener
        app.lifecycle.use(listener)
    }
    switch config.database {
    case .postgres(let url):
        app.attemptLine = AttemptLine(target: .postgres(url: url), threadPool: app.threadPool, logger: app.logger)
    case .sqliteFile(let path):
        if let gate = (app.db as? WatchedDatabase)?.gate {
            app.attemptLine = AttemptLine(target: .sqlite(path: path, gate: gate), threadPool: app.threadPool, logger: app.logger)
        }
    case .sqliteMemory:
        break  // a second connection would open another, empty, database: the pool writes
    }
    if let line = app.attemptLine { app.lifecycle.use(line) }
    if config.database.isSQLite {
        // Readers never wait for the writer (see `WriteGate`); the mode is kept in the file.
        try await (app.db as! any SQLDatabase).raw("PRAGMA journal_mode = WAL").run()
    }
    if testing { app.passwords.use(.bcrypt(cost: 4)) }

    app.sessions.use { app in QuietSessionDriver(base: app.fluent.sessions.driver()) }
    app.sessions.configuration.cookieName = "grappe_session"
    app.sessions.configuration.cookieFactory = { id in
        HTTPCookies.Value(string: id.string, maxAge: Int(ViewerMiddleware.sessionLifetime), path: "/",
                          isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
    app.routes.defaultMaxBodySize = ByteCount(value: BodyLimits.formBytes)

    app.middleware = .init()
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(ViewerMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(FormTextGuard())

    AppMigrations.register(on: app)
    Commands.register(on: app)
    for job in PeriodicJob.all() { app.lifecycle.use(job) }
    try routes(app)
}
