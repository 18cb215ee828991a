import Crypto
import Foundation
import Testing

extension AppTests {
    /// A landed migration is never edited: a database migrated with its old text would never run
    /// the new one. Each migration file must hash to the value recorded when it landed
    /// (`LandedMigrations`); a new migration is added there in the commit that lands it.
    @Suite struct MigrationChecksumTests {
        static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/GrappeApp/Migrations").standardized

        static func hash(_ file: URL) throws -> String {
            SHA256.hash(data: try Data(contentsOf: file)).map { String(format: "%02x", $0) }.joined()
        }

        @Test func noLandedMigrationWasEdited() throws {
            let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
                .filter { $0.hasPrefix("M") && $0.hasSuffix(".swift") }.sorted()
            #expect(files.count >= 18, "migrations found in \(Self.folder.path)")
            for file in files {
                let recorded = try #require(LandedMigrations.sha256[file], "\(file) is not recorded in LandedMigrations")
                #expect(try Self.hash(Self.folder.appendingPathComponent(file)) == recorded,
                        "\(file) was edited after it landed: revert it and add what changed as a new migration")
            }
            for recorded in LandedMigrations.sha256.keys {
                #expect(files.contains(recorded), "\(recorded) landed and must stay")
            }
        }
    }
}
