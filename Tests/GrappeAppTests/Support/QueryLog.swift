import Foundation
import NIOConcurrencyHelpers
import Testing
import Vapor

/// Counts the SQL statements the drivers log ("Executing query"), so that a test can check that
/// a page's number of queries does not grow with its number of rows. Warnings and errors are
/// still printed. The count is the whole process's: only a test run with `withGrappe(alone: true)`
/// may read it, any other gets a failure saying so.
enum QueryLog {
    private static let state = NIOLockedValueBox<(bootstrapped: Bool, count: Int, statements: [String])>((false, 0, []))

    static func bootstrap() {
        let already = state.withLockedValue { s -> Bool in
            defer { s.bootstrapped = true }
            return s.bootstrapped
        }
        guard !already else { return }
        LoggingSystem.bootstrap { label in CountingHandler(label: label) }
    }

    static func reset() {
        checkAlone()
        state.withLockedValue { $0.count = 0; $0.statements = [] }
    }

    static var count: Int {
        checkAlone()
        return state.withLockedValue { $0.count }
    }

    static var statements: [String] {
        checkAlone()
        return state.withLockedValue { $0.statements }
    }

    private static func checkAlone(sourceLocation: SourceLocation = #_sourceLocation) {
        if !TestSlots.alone {
            Issue.record("QueryLog counts every test's queries: run this test with withGrappe(alone: true)", sourceLocation: sourceLocation)
        }
    }

    fileprivate static func record(_ sql: String) {
        state.withLockedValue { $0.count += 1; $0.statements.append(sql) }
    }

    struct CountingHandler: LogHandler {
        let label: String
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            if event.message.description == "Executing query" {
                QueryLog.record(event.metadata?["sql"]?.description ?? "")
            } else if event.level >= .warning {
                FileHandle.standardError.write(Data("[\(event.level)] \(label): \(event.message)\n".utf8))
            }
        }
    }
}
