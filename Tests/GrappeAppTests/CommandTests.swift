import Fluent
import Foundation
import GrappeDomain
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The CLI, run in-process exactly as `grappe COMMAND …` would run it.
    @Suite struct CommandTests {
        func run(_ app: Application, _ arguments: [String]) async throws {
            var context = CommandContext(console: Terminal(), input: CommandInput(arguments: ["grappe"] + arguments))
            context.application = app
            try await app.asyncCommands.group().run(using: &context)
        }

        func temporaryFile(_ name: String, _ content: String? = nil) throws -> String {
            let path = NSTemporaryDirectory() + "grappe-\(UUID().uuidString)-\(name)"
            if let content { try content.write(toFile: path, atomically: true, encoding: .utf8) }
            return path
        }

        @Test func importDryRunThenForReal() async throws {
            try await withGrappe { app in
                let file = try temporaryFile("membres.csv", "nom;effectif;categorie\nCLI Test;4;partenaire\nSans effectif;;\n")
                try await run(app, ["import-members", file, "--dry-run", "--year", "2025"])
                #expect(try await Company.query(on: app.db).count() == 0)
                try await run(app, ["import-members", file, "--year", "2025"])
                #expect(try await Company.query(on: app.db).all().map(\.name) == ["CLI Test"])
                #expect(try await Membership.query(on: app.db).first()?.category == .partner)
                try await run(app, ["import-members", file, "--year", "2025"])
                #expect(try await Company.query(on: app.db).count() == 1)
                await #expect(throws: (any Error).self) { try await run(app, ["import-members", "/nulle/part.csv"]) }
            }
        }

        @Test func exportsWriteFiles() async throws {
            try await withGrappe(demo: true) { app in
                let dues = try temporaryFile("dues.csv")
                try await run(app, ["export-dues", "2025", "-o", dues])
                let bytes = try Data(contentsOf: URL(fileURLWithPath: dues))
                #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 byte-order mark for Excel")
                let duesText = String(decoding: bytes, as: UTF8.self)
                #expect(duesText.contains("numero;entreprise"))
                #expect(duesText.contains("2025-0001;"))
                let members = try temporaryFile("membres.csv")
                try await run(app, ["export-members", "--year", "2025", "--output", members])
                #expect(try String(contentsOfFile: members, encoding: .utf8).contains("SKAZY"))
            }
        }

        @Test func createAdminAndSeedDemo() async throws {
            try await withGrappe { app in
                try await run(app, ["create-admin", "Directrice@Open.nc", "--name", "Directrice"])
                let user = try #require(try await User.query(on: app.db).filter(\.$email == "directrice@open.nc").first())
                #expect(user.role == .staff)
                await #expect(throws: (any Error).self) { try await run(app, ["create-admin", "directrice@open.nc"]) }
                await #expect(throws: (any Error).self) { try await run(app, ["create-admin", "pas-un-email"]) }
                try await run(app, ["seed-demo"])
                #expect(try await Company.query(on: app.db).count() == 106)
                try await run(app, ["seed-demo"])
                #expect(try await Company.query(on: app.db).count() == 106, "a second seed adds nothing")
                try await run(app, ["migrate"])
            }
        }
    }
}
