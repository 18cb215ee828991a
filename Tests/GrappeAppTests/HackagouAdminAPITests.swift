import Fluent
import Foundation
import GrappeDomain
import NIOCore
import NIOFoundationEssentialsCompat
import Testing
import Vapor
@testable import GrappeApp

extension AppTests {
    /// The admin endpoints ctfcli calls, in the order it calls them to install a challenge; then
    /// what a player sees of it. Bad input answers in CTFd's error shape and writes nothing.
    @Suite struct HackagouAdminAPITests {
        static func send(_ client: TestClient, _ method: HTTPMethod, _ path: String, token: String, json: [String: Any]) async throws -> TestClient.Page {
            try await client.send(method, path, headers: ["Authorization": "Token \(token)", "Content-Type": "application/json"],
                                  body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: json)))
        }

        static func data(_ page: TestClient.Page) throws -> Any? {
            (try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: Any])?["data"]
        }

        static func upload(_ client: TestClient, token: String, challenge: Int, files: [(String, String)]) async throws -> TestClient.Page {
            let boundary = "grappe-test-boundary"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"challenge_id\"\r\n\r\n\(challenge)\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nchallenge\r\n"
            for (name, content) in files {
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n\(content)\r\n"
            }
            body += "--\(boundary)--\r\n"
            return try await client.send(.POST, "/api/v1/files", headers: ["Authorization": "Token \(token)", "Content-Type": "multipart/form-data; boundary=\(boundary)"],
                                         body: ByteBuffer(string: body))
        }

        @Test func ctfclisCallsInstallAChallengeAPlayerThenSees() async throws {
            try await withGrappe { app in
                let e = try await CTFFixtures.edition(app)
                let staffUser = try await Fixtures.user(app, email: "auteur@open.nc", role: .staff)
                let token = try await APITokenIssuer.issue(for: staffUser, name: "ctfcli", on: app.db)
                let client = TestClient(app)
                let first = try await CTFFixtures.challenge(app, edition: e, name: "Échauffement", flag: "HACKAGOU{go}")

                let created = try await Self.send(client, .POST, "/api/v1/challenges", token: token, json: [
                    "name": "Abysses", "category": "Forensique", "description": "Une **image** disque.", "attribution": "Commission Cyber",
                    "type": "dynamic", "state": "hidden", "value": 500, "initial": 500, "decay": 10, "minimum": 100, "function": "logarithmic",
                    "max_attempts": 10, "connection_info": "nc abysses.hackagou.nc 1337"])
                #expect(created.status == .ok, "\(created.body)")
                let id = try #require((try Self.data(created) as? [String: Any])?["id"] as? Int)
                #expect(try await Self.send(client, .POST, "/api/v1/flags", token: token, json: ["challenge_id": id, "content": "HACKAGOU{profond}", "type": "static", "data": "case_insensitive"]).status == .ok)
                #expect(try await Self.send(client, .POST, "/api/v1/tags", token: token, json: ["challenge_id": id, "value": "difficile"]).status == .ok)
                #expect(try await Self.send(client, .POST, "/api/v1/hints", token: token, json: ["challenge_id": id, "content": "Pensez à binwalk", "cost": 50, "title": ""]).status == .ok)
                let files = try await Self.upload(client, token: token, challenge: id, files: [("disque.img", "IMAGE"), ("../../etc/notes.txt", "NOTES")])
                #expect(files.status == .ok)
                #expect((try Self.data(files) as? [[String: Any]])?.compactMap { $0["location"] as? String }.contains { $0.hasSuffix("/notes.txt") } == true,
                        "a path in the name is dropped")
                let requirements = try await Self.send(client, .PATCH, "/api/v1/challenges/\(id)", token: token,
                                                       json: ["requirements": ["prerequisites": [try first.requireID()], "anonymize": false]])
                #expect(requirements.status == .ok)
                #expect(try await Self.send(client, .PATCH, "/api/v1/challenges/\(id)", token: token, json: ["next_id": NSNull()]).status == .ok)
                #expect(try await Self.send(client, .PATCH, "/api/v1/challenges/\(id)", token: token, json: ["state": "visible"]).status == .ok)
                let list = try await client.get("/api/v1/challenges?view=admin", headers: ["Authorization": "Token \(token)"])
                #expect((try Self.data(list) as? [[String: Any]])?.compactMap { $0["name"] as? String }.sorted() == ["Abysses", "Échauffement"])

                let c = try #require(try await CTFChallenge.find(id, on: app.db))
                #expect(c.scoring == .logarithmic(initial: 500, decay: 10, minimum: 100) && c.maxAttempts == 10 && c.state == .visible && c.author == "Commission Cyber")

                // Bad input: nothing written, CTFd's error shape.
                let regex = try await Self.send(client, .POST, "/api/v1/flags", token: token, json: ["challenge_id": id, "content": "HACKAGOU{[", "type": "regex"])
                #expect(regex.status == .badRequest && regex.body.contains("\"success\":false"))
                let duplicate = try await Self.send(client, .POST, "/api/v1/challenges", token: token, json: ["name": "Abysses", "value": 100])
                #expect(duplicate.status == .badRequest && duplicate.body.contains("already exists"))
                let broken = try await client.send(.POST, "/api/v1/challenges", headers: ["Authorization": "Token \(token)", "Content-Type": "application/json"],
                                                   body: ByteBuffer(string: "{\"name\": "))
                #expect(broken.status == .badRequest)
                let flagCount = try await CTFFlag.query(on: app.db).count(), challengeCount = try await CTFChallenge.query(on: app.db).count()
                #expect(flagCount == 2 && challengeCount == 2)

                let p = try await CTFFixtures.player(app, edition: e, pseudonym: "diver", email: "diver@unc.example")
                let playerToken = try await CTFFixtures.token(app, p)
                #expect(try await Self.send(client, .POST, "/api/v1/challenges", token: playerToken, json: ["name": "Pirate", "value": 1]).status == .forbidden)
                let browser = TestClient(app)
                try await browser.login(p.email, Fixtures.password)
                let locked = try await browser.get("/jeu/defis/\(id)")
                #expect(locked.status == .notFound, "its prerequisite is not solved yet")
                _ = try await browser.post("/jeu/defis/\(try first.requireID())", ["flag": "HACKAGOU{go}"])
                let page = try await browser.get("/jeu/defis/\(id)")
                #expect(page.body.contains("Une <strong>image</strong> disque.") && page.body.contains("nc abysses.hackagou.nc 1337") && page.body.contains("disque.img"))
                let fileID = try #require(try await CTFFile.query(on: app.db).filter(\.$filename == "disque.img").first()?.requireID())
                let download = try await browser.get("/hackagou/fichiers/\(fileID)/disque.img")
                #expect(download.status == .ok && download.body == "IMAGE" && download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
                let detail = try await client.get("/api/v1/challenges/\(id)", headers: ["Authorization": "Token \(playerToken)"])
                let listed = (try Self.data(detail) as? [String: Any])?["files"] as? [String]
                #expect(listed?.count == 2)
                #expect(try await TestClient(app).get("/hackagou/fichiers/\(fileID)/disque.img").status == .seeOther, "a visitor is asked to log in")
            }
        }
    }
}
