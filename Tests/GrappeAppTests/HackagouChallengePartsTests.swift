import Fluent
import Foundation
import GrappeDomain
import SQLKit
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// A challenge's attachments from its staff page (upload, list, download, delete), and
    /// deleting its flags and hints; none of it for a player or a member contact.
    @Suite struct HackagouChallengePartsTests {
        static func fileCount(_ app: Application, _ c: CTFChallenge) async throws -> Int {
            try await CTFFile.query(on: app.db).filter(\.$challenge.$id == c.requireID()).count()
        }

        @Test func staffAttachUploadsListDownloadAndDeleteThem() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let c = try await CTFFixtures.challenge(app, edition: e, name: "Bouteille", flag: "F")
                let staff = try await Fixtures.staffClient(app)
                let page = "/admin/hackagou/2026/defis/\(try c.requireID())"
                try await staff.get(page)
                let message = Data("Uryyb, zbaqr !".utf8)
                let sent = try await staff.upload("\(page)/fichiers", fields: [:], fileField: "file", filename: "../../message <1>.txt", content: message, type: "text/plain")
                #expect(sent.status == .seeOther && sent.location == page)
                let shown = try await staff.get(page)
                let file = try #require(try await CTFFile.query(on: app.db).filter(\.$challenge.$id == c.requireID()).first())
                #expect(file.filename == "message__1_.txt", "the last path component, made safe")
                #expect(shown.body.contains("Fichier « message__1_.txt » joint (14 octets)."))
                #expect(shown.body.contains("href=\"/hackagou/fichiers/\(try file.requireID())/message__1_.txt\"") && shown.body.contains("14 octets"))
                let download = try await staff.get("/hackagou/fichiers/\(try file.requireID())/message__1_.txt")
                #expect(download.status == .ok && download.body == "Uryyb, zbaqr !")

                // Refused, on the page, nothing stored: the same name, an empty file, no file, a file over the limit.
                let again = try await staff.upload("\(page)/fichiers", fields: [:], fileField: "file", filename: "message <1>.txt", content: message)
                #expect(again.status == .badRequest && again.body.contains("Un fichier « message__1_.txt » est déjà joint à ce défi"))
                let empty = try await staff.upload("\(page)/fichiers", fields: [:], fileField: "file", filename: "vide.txt", content: Data())
                #expect(empty.status == .badRequest && empty.body.contains("« vide.txt » est vide."))
                let none = try await staff.upload("\(page)/fichiers", fields: [:], fileField: "file", filename: "", content: Data())
                #expect(none.status == .badRequest && none.body.contains("Choisissez un fichier."))
                let big = try await staff.upload("\(page)/fichiers", fields: [:], fileField: "file", filename: "gros.bin",
                                                 content: Data(count: CTFFile.maxBytes + 1), type: "application/octet-stream")
                #expect(big.status == .badRequest && big.body.contains("« gros.bin » dépasse 20 Mo"), "\(big.status)")
                #expect(try await Self.fileCount(app, c) == 1)
                let forged = try await staff.upload("\(page)/fichiers", fields: ["_csrf": "faux"], fileField: "file", filename: "b.txt", content: message)
                #expect(forged.status == .forbidden)
                #expect(try await Self.fileCount(app, c) == 1)

                let deleted = try await staff.post("\(page)/fichiers/\(try file.requireID())/supprimer")
                #expect(deleted.status == .seeOther)
                #expect(try await Self.fileCount(app, c) == 0)
                #expect(try await staff.get(page).body.contains("Aucun fichier joint."))
                #expect(try await staff.post("\(page)/fichiers/\(try file.requireID())/supprimer").status == .notFound)
            }
        }

        @Test func aFlagIsDeletedAnUnlockedHintIsNot() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let c = try await CTFFixtures.challenge(app, edition: e, name: "Récif", flag: "HACKAGOU{recif}")
                let other = try await CTFFixtures.challenge(app, edition: e, name: "Lagon", flag: "HACKAGOU{lagon}")
                let cid = try c.requireID()
                let staff = try await Fixtures.staffClient(app)
                let page = "/admin/hackagou/2026/defis/\(cid)"
                try await staff.get(page)
                let flag = try #require(try await CTFFlag.query(on: app.db).filter(\.$challenge.$id == cid).first())
                #expect(try await staff.post("/admin/hackagou/2026/defis/\(try other.requireID())/flags/\(try flag.requireID())/supprimer").status == .notFound,
                        "a flag is deleted from its own challenge only")
                let gone = try await staff.post("\(page)/flags/\(try flag.requireID())/supprimer")
                #expect(gone.status == .seeOther)
                #expect(try await CTFFlag.query(on: app.db).filter(\.$challenge.$id == cid).count() == 0)
                #expect(try await staff.get(page).body.contains("Flag supprimé."))

                try await staff.post("\(page)/indices", ["content": "Regardez sous le corail.", "cost": "30"])
                try await staff.post("\(page)/indices", ["content": "Jamais débloqué.", "cost": "0"])
                let hints = try await CTFHint.query(on: app.db).filter(\.$challenge.$id == cid).sort(\.$position).all()
                #expect(hints.map(\.content) == ["Regardez sous le corail.", "Jamais débloqué."])
                let player = try await CTFFixtures.player(app, edition: e, pseudonym: "nemo", email: "nemo@unc.example")
                try await app.db.sql.raw("""
                    INSERT INTO ctf_hint_unlocks (hint_id, team_id, player_id, created_at)
                    VALUES (\(bind: try hints[0].requireID()), \(bind: player.teamID), \(bind: try player.player.requireID()), \(bind: TestClock.now))
                    """).run()
                let refused = try await staff.post("\(page)/indices/\(try hints[0].requireID())/supprimer")
                #expect(refused.status == .seeOther)
                #expect(try await staff.get(page).body.contains("Indice non supprimé : 1 équipe l&#39;a déjà débloqué"))
                #expect(try await CTFHint.find(hints[0].id, on: app.db) != nil)
                let deleted = try await staff.post("\(page)/indices/\(try hints[1].requireID())/supprimer")
                #expect(deleted.status == .seeOther)
                #expect(try await CTFHint.find(hints[1].id, on: app.db) == nil)
                try await staff.post("\(page)/indices", ["content": "Un troisième.", "cost": "5"])
                let positions = try await CTFHint.query(on: app.db).filter(\.$challenge.$id == cid).sort(\.$position).all().map(\.position)
                #expect(positions == [0, 1], "a new hint goes after the last one, whatever was deleted")
            }
        }

        @Test func aPlayerOrAMemberContactIsRefused() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let c = try await CTFFixtures.challenge(app, edition: e, name: "Secret", flag: "HACKAGOU{secret}")
                let cid = try c.requireID()
                let file = try #require(try await CTFFileService.store([("a.txt", Data("a".utf8))], challenge: c, on: app.db).first?.id)
                let flag = try #require(try await CTFFlag.query(on: app.db).filter(\.$challenge.$id == cid).first()?.id)
                let hint = try await CTFChallengeRows.addHint(content: "h", cost: 0, challengeID: cid, on: app.db).requireID()
                let player = try await CTFFixtures.player(app, edition: e, pseudonym: "curieux", email: "curieux@unc.example")
                _ = try await Fixtures.member(app, name: "Ma Société", login: "moi@ma-societe.example")
                for (email, password) in [(player.email, Fixtures.password), ("moi@ma-societe.example", Fixtures.password)] {
                    let client = TestClient(app)
                    try await client.login(email, password)
                    let base = "/admin/hackagou/2026/defis/\(cid)"
                    for path in ["\(base)/challenge.yml", "/admin/hackagou/2026/defis.zip"] {
                        let page = try await client.get(path)
                        #expect(page.status == .forbidden && !page.body.contains("HACKAGOU{secret}"), "\(email) GET \(path)")
                    }
                    for path in ["\(base)/fichiers/\(file)/supprimer", "\(base)/flags/\(flag)/supprimer", "\(base)/indices/\(hint)/supprimer"] {
                        #expect(try await client.post(path).status == .forbidden, "\(email) POST \(path)")
                    }
                    let upload = try await client.upload("\(base)/fichiers", fields: [:], fileField: "file", filename: "x.txt", content: Data("x".utf8))
                    let importing = try await client.upload("/admin/hackagou/2026/import", fields: ["step": "apply"], fileField: "file", filename: "challenge.yml",
                                                            content: Data("name: X\ncategory: Y\nvalue: 1\n".utf8))
                    #expect(upload.status == .forbidden && importing.status == .forbidden, "\(email)")
                }
                let counts = [try await CTFFile.query(on: app.db).count(), try await CTFFlag.query(on: app.db).count(),
                              try await CTFHint.query(on: app.db).count(), try await CTFChallenge.query(on: app.db).count()]
                #expect(counts == [1, 1, 1, 1], "nothing written, nothing deleted")
            }
        }
    }
}
