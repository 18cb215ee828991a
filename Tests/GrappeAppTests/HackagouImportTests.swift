import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// Importing ctfcli's `challenge.yml` (alone or a zip of folders) from the edition's page:
    /// preview, then everything in one go or nothing; and the export, which imports back.
    @Suite struct HackagouImportTests {
        static let importPath = "/admin/hackagou/2026/import"

        static func preview(_ staff: TestClient, _ data: Data, filename: String = "defis.zip") async throws -> TestClient.Page {
            try await staff.upload(importPath, fields: ["step": "preview"], fileField: "file", filename: filename, content: data, type: "application/zip")
        }

        /// The hidden upload of a preview page, posted back as its confirmation form does.
        static func confirm(_ staff: TestClient, _ preview: TestClient.Page) async throws -> TestClient.Page {
            let bundle = try #require(preview.body.range(of: #"name="bundle" value="[^"]*""#, options: .regularExpression)
                .map { String(preview.body[$0].dropFirst(#"name="bundle" value=""#.count).dropLast()) })
            return try await staff.postMultipart(importPath, fields: ["step": "apply", "bundle": bundle, "filename": "defis.zip"])
        }

        static func count(_ app: Application) async throws -> Int { try await CTFChallenge.query(on: app.db).count() }

        @Test func theTestRepositoryImportsThroughThePages() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let staff = try await Fixtures.staffClient(app)
                let edition = try await staff.get("/admin/hackagou/2026")
                #expect(edition.body.contains("action=\"\(Self.importPath)\"") && edition.body.contains("enctype=\"multipart/form-data\""))
                let files = try CTFZips.repository()
                #expect(files.map(\.path) == ["abysses/challenge.yml", "bouteille/challenge.yml", "bouteille/message.txt"])
                let preview = try await Self.preview(staff, try CTFZips.zip(files.map { ("hackagou-defis/\($0.path)", $0.data) }))
                #expect(preview.status == .ok, "\(preview.body)")
                #expect(preview.body.contains("Rien n'a encore été enregistré. 2 défis trouvés"))
                #expect(preview.body.contains("Bouteille à la mer") && preview.body.contains("Abysses") && preview.body.contains("message.txt ("))
                #expect(preview.body.contains("Importer les 2 défis"))
                #expect(try await Self.count(app) == 0, "a preview writes nothing")
                let done = try await Self.confirm(staff, preview)
                #expect(done.status == .seeOther && done.location == "/admin/hackagou/2026")
                #expect(try await staff.get("/admin/hackagou/2026").body.contains("2 défis importés."))

                let challenges = try await CTFChallenge.query(on: app.db).filter(\.$edition.$id == e.requireID()).with(\.$flags).with(\.$hints).with(\.$tags).all()
                let bouteille = try #require(challenges.first { $0.name == "Bouteille à la mer" })
                let abysses = try #require(challenges.first { $0.name == "Abysses" })
                #expect(bouteille.scoring == .fixed(100) && bouteille.maxAttempts == 20 && bouteille.state == .visible && bouteille.category == "Crypto")
                #expect(bouteille.flags.count == 2 && bouteille.flags.contains { $0.caseInsensitive } && bouteille.hints.map(\.cost).sorted() == [0, 10])
                #expect(Set(bouteille.tags.map(\.value)) == ["facile", "rot13"])
                #expect(abysses.scoring == .logarithmic(initial: 500, decay: 20, minimum: 100) && abysses.connectionInfo == "nc abysses.hackagou.nc 1337")
                #expect(abysses.flags.first?.kind == .regex)
                let requires = try await CTFChallengeAdminController.requirements(of: abysses, on: app.db)
                #expect(requires == [try bouteille.requireID()])
                let message = try #require(try await CTFFile.query(on: app.db).filter(\.$challenge.$id == bouteille.requireID()).first())
                #expect(message.filename == "message.txt" && message.content == files[2].data)

                // Imported again: every name is taken, nothing more is created.
                let twice = try await Self.preview(staff, try CTFZips.zip(files))
                #expect(twice.status == .badRequest && twice.body.contains("un défi de cette édition s&#39;appelle déjà « Abysses »"))
                #expect(!twice.body.contains("name=\"bundle\""), "no confirmation while a problem remains")
                #expect(try await Self.count(app) == 2)
            }
        }

        @Test func aLoneChallengeYmlImportsOrSaysWhatIsMissing() async throws {
            try await withGrappe { app in
                _ = try await CTFFixtures.edition(app)
                let staff = try await Fixtures.staffClient(app)
                let abysses = try Data(contentsOf: CTFZips.challenges.appendingPathComponent("abysses/challenge.yml"))
                let alone = try await Self.preview(staff, abysses, filename: "challenge.yml")
                #expect(alone.status == .badRequest && alone.body.contains("prérequis inconnu : « Bouteille à la mer »"))
                let bouteille = try Data(contentsOf: CTFZips.challenges.appendingPathComponent("bouteille/challenge.yml"))
                let withoutItsFile = try await Self.preview(staff, bouteille, filename: "challenge.yml")
                #expect(withoutItsFile.body.contains("« message.txt » manque : importez un zip"))
                let plain = "name: Phare Amédée\ncategory: Web\nvalue: 50\nflags:\n  - HACKAGOU{phare}\nstate: visible\n"
                let preview = try await Self.preview(staff, Data(plain.utf8), filename: "challenge.yml")
                #expect(preview.status == .ok && preview.body.contains("Importer le défi"))
                #expect(try await Self.confirm(staff, preview).status == .seeOther)
                let c = try #require(try await CTFChallenge.query(on: app.db).first())
                #expect(c.name == "Phare Amédée" && c.state == .visible && c.scoring == .fixed(50))
            }
        }

        @Test func brokenYamlAndHalfBadZipsImportNothing() async throws {
            try await withGrappe { app in
                _ = try await CTFFixtures.edition(app)
                let staff = try await Fixtures.staffClient(app)
                let broken = "name: Récif\ncategory: [Web\nvalue: 10\n"
                let page = try await Self.preview(staff, Data(broken.utf8), filename: "challenge.yml")
                #expect(page.status == .badRequest && page.body.contains("YAML invalide ligne"), "\(page.body)")
                let good = "name: Bon\ncategory: Web\nvalue: 10\nflags:\n  - HACKAGOU{bon}\nfiles: [a.txt]\n"
                let missing = "name: Manque\ncategory: Web\nvalue: 10\nfiles: [absent.txt]\n"
                let half = try CTFZips.text([("bon/challenge.yml", good), ("bon/a.txt", "a"), ("manque/challenge.yml", missing), ("casse/challenge.yml", broken)])
                let preview = try await Self.preview(staff, half)
                #expect(preview.status == .badRequest)
                #expect(preview.body.contains("« absent.txt » est introuvable dans le zip.") && preview.body.contains("YAML invalide ligne"))
                #expect(preview.body.contains("2 problèmes empêchent l'import"), "the missing file and the broken YAML")
                // A forged confirmation of the same zip is checked again: nothing at all is imported.
                let forged = try await staff.postMultipart(Self.importPath, fields: ["step": "apply", "bundle": half.base64EncodedString()])
                #expect(forged.status == .badRequest && forged.body.contains("« absent.txt » est introuvable"))
                let big = try CTFZips.zip([("gros/challenge.yml", Data("name: Gros\ncategory: Web\nvalue: 1\nfiles: [gros.bin]\n".utf8)),
                                           ("gros/gros.bin", Data(count: CTFFile.maxBytes + 1))])
                let oversize = try await staff.postMultipart(Self.importPath, fields: ["step": "apply", "bundle": big.base64EncodedString()])
                #expect(oversize.status == .badRequest && oversize.body.contains("« gros.bin » dépasse 20 Mo"))
                #expect(try await Self.count(app) == 0)
                #expect(try await CTFFile.query(on: app.db).count() == 0)
            }
        }

        @Test func traversalBombsAndOddFilesAreRefusedWhole() async throws {
            try await withGrappe { app in
                _ = try await CTFFixtures.edition(app)
                let staff = try await Fixtures.staffClient(app)
                let yml = "name: X\ncategory: Web\nvalue: 1\n"
                let traversal = try await Self.preview(staff, try CTFZips.text([("x/challenge.yml", yml), ("../../evil.sh", "rm -rf /")]))
                #expect(traversal.status == .badRequest && traversal.body.contains("Le zip contient un chemin refusé : « ../../evil.sh »"))
                #expect(traversal.body.contains("Importer des défis"), "on the edition's page, with its form")
                let listed = try await Self.preview(staff, try CTFZips.text([("x/challenge.yml", yml + "files: [../y/secret.txt]\n"), ("y/secret.txt", "s")]))
                #expect(listed.status == .badRequest && listed.body.contains("chemin refusé : « ../y/secret.txt »"))
                // Seven files of 20 Mo of zeros: a small zip that unpacks past the cap.
                let zeros = Data(count: CTFFile.maxBytes)
                let bomb = try CTFZips.zip([("x/challenge.yml", Data(yml.utf8))] + (1...7).map { ("x/z\($0).bin", zeros) })
                #expect(bomb.count < CTFChallengeBundle.maxUploadBytes / 10)
                let refused = try await Self.preview(staff, bomb)
                #expect(refused.status == .badRequest && refused.body.contains("Le zip se décompresse en plus de 128 Mo"))
                let notZip = try await Self.preview(staff, Data([0x50, 0x4B, 0x03, 0x04, 0, 1, 2]))
                #expect(notZip.status == .badRequest && notZip.body.contains("Le zip est illisible ou corrompu."))
                let binary = try await Self.preview(staff, Data([0xFF, 0xFE, 0x00, 0x41]), filename: "challenge.yml")
                #expect(binary.status == .badRequest && binary.body.contains("ni un challenge.yml"))
                let empty = try await Self.preview(staff, Data(), filename: "challenge.yml")
                #expect(empty.status == .badRequest && empty.body.contains("Choisissez un fichier challenge.yml ou un zip."))
                let noChallenge = try await Self.preview(staff, try CTFZips.text([("README.md", "# rien")]))
                #expect(noChallenge.body.contains("Le zip ne contient aucun challenge.yml."))
                #expect(try await Self.count(app) == 0)
            }
        }

        @Test func theExportImportsBackTheSameChallenges() async throws {
            try await withGrappe { app in
                let first = try await CTFFixtures.edition(app)
                let staff = try await Fixtures.staffClient(app)
                try await staff.get("/admin/hackagou/2026")
                let repository = try CTFZips.zip(try CTFZips.repository())
                #expect(try await Self.confirm(staff, try await Self.preview(staff, repository)).status == .seeOther)
                // Edited by hand after the import: a static flag with YAML's special characters, a tag, a multi-line statement.
                let abysses = try #require(try await CTFChallenge.query(on: app.db).filter(\.$name == "Abysses").first())
                abysses.about = "Ligne 1\n\n« Ligne 2 » : yes: no # pas un commentaire"
                try await abysses.save(on: app.db)
                try await CTFChallengeRows.addFlag(FlagRule(kind: .static, content: "yes"), challengeID: abysses.requireID(), on: app.db)
                try await CTFChallengeRows.addTag("100", challengeID: abysses.requireID(), on: app.db)
                let yml = try await staff.get("/admin/hackagou/2026/defis/\(try abysses.requireID())/challenge.yml")
                #expect(yml.status == .ok && yml.headers.first(name: .contentDisposition) == "attachment; filename=\"challenge.yml\"")
                #expect(yml.body.contains("name: \"Abysses\"") && yml.body.contains("function: \"logarithmic\"") && yml.body.contains("requirements:\n- \"Bouteille à la mer\""), "\(yml.body)")
                let reread = try #require(try? CTFYAML.decode(yml.body).get())
                let before = try await CTFExport.load(app.db, editionID: first.requireID(), withContent: true)
                #expect(ChallengeSpecReader.read(reread, folder: "").spec == before.first { $0.spec.name == "Abysses" }?.spec)

                let zip = try await staff.getData("/admin/hackagou/2026/defis.zip")
                #expect(zip.status == .ok && zip.headers.contentType == .zip)
                try await app.db.sql.raw("UPDATE ctf_editions SET year = 2025 WHERE id = \(bind: try first.requireID())").run()
                let second = try await CTFFixtures.edition(app)
                let preview = try await Self.preview(staff, zip.data)
                #expect(preview.status == .ok, "\(preview.body)")
                #expect(try await Self.confirm(staff, preview).status == .seeOther)
                let after = try await CTFExport.load(app.db, editionID: second.requireID(), withContent: true)
                #expect(after.map(\.spec) == before.map(\.spec))
                #expect(after.flatMap { $0.files.map(\.data) } == before.flatMap { $0.files.map(\.data) } && !before.flatMap(\.files).isEmpty)
            }
        }
    }
}
