import Fluent
import GrappeDomain
import Vapor

/// The general assembly: rules, convocation, attendance and proxies with the quorum shown live,
/// and resolutions with their votes.
enum AssemblyController {
    struct Loaded { let event: ClusterEvent; let assembly: Assembly?; let year: Int }

    static func load(_ req: Request) async throws -> Loaded {
        try req.require(.staff, .board)
        let id = try req.uuidParameter("eventID")
        guard let event = try await ClusterEvent.find(id, on: req.db), event.$organisation.id == (try await req.organisationID()),
              event.kind == .generalAssembly else { throw Abort(.notFound) }
        let assembly = try await Assembly.query(on: req.db).filter(\.$event.$id == id).first()
        return Loaded(event: event, assembly: assembly, year: FrenchDate.year(of: event.startsAt))
    }

    /// The assembly row, created with the default rules on the first change.
    static func ensure(_ l: Loaded, on db: any Database) async throws -> Assembly {
        if let existing = l.assembly { return existing }
        let assembly = Assembly(eventID: try l.event.requireID())
        try await assembly.create(on: db)
        return assembly
    }

    static func show(_ req: Request) async throws -> Response {
        let l = try await load(req)
        return try await page(req, l, error: nil)
    }

    static func page(_ req: Request, _ l: Loaded, error: String?, status: HTTPStatus = .ok) async throws -> Response {
        let orgID = try await req.organisationID()
        let voters = try await AssemblyQueries.voters(req.db, organisationID: orgID, year: l.year)
        var attendance: [AssemblyAttendance] = [], resolutions: [Resolution] = []
        if let assembly = l.assembly {
            let id = try assembly.requireID()
            attendance = try await AssemblyAttendance.query(on: req.db).filter(\.$assembly.$id == id).all()
            resolutions = try await Resolution.query(on: req.db).filter(\.$assembly.$id == id).sort(\.$position).all()
        }
        return try await Layout.page(req, title: "Assemblée générale", status: status, body: AssemblyView.render(
            l, voters: voters, attendance: attendance, resolutions: resolutions, error: error,
            staff: req.viewer.isStaff, csrf: CSRF.hiddenField(req)))
    }

    static func settings(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let l = try await load(req)
        guard let quorum = req.content[Int.self, at: "quorum"], (1...100).contains(quorum),
              let proxies = req.content[Int.self, at: "proxies"], (0...20).contains(proxies) else {
            return try await page(req, l, error: "Quorum : un pourcentage de 1 à 100 ; pouvoirs : de 0 à 20 par adhérent présent.", status: .badRequest)
        }
        let assembly = try await ensure(l, on: req.db)
        assembly.quorumPercent = quorum
        assembly.maxProxies = proxies
        try await assembly.save(on: req.db)
        return req.redirect(to: path(l), flash: "Règles enregistrées.")
    }

    static func path(_ l: Loaded) -> String { Site.assemblyShow.path(l.event.id!) }

    static func convene(_ req: Request) async throws -> Response {
        let user = try req.require(.staff)
        let l = try await load(req)
        let orgID = try await req.organisationID()
        let org = try await req.organisation()
        let holders = try await AssemblyQueries.holders(req.db, organisationID: orgID, year: l.year)
        let e = l.event
        let when = "\(FrenchDate.long(e.startsAt)) à \(FrenchDate.clock(e.startsAt))\(e.place.isEmpty ? "" : ", \(e.place)")"
        let assembly = try await ensure(l, on: req.db)
        try await req.db.transaction { db in
            for holder in holders {
                let text = AssemblyMails.convocation(holder: holder.name, company: holder.company, event: e.title, when: when, year: l.year,
                                                     maxProxies: assembly.maxProxies, link: req.application.baseURL + Site.eventShow.path(e),
                                                     organisation: org.name)
                try await Mailer.queue(text, to: holder.email, organisationID: orgID, on: db)
            }
            assembly.convenedAt = Date()
            try await assembly.save(on: db)
            try await Audit.record(on: db, organisationID: orgID, user: user, entity: "event", entityID: try e.requireID(), action: "update",
                                   changes: ["convocation": ("", French.count(holders.count, "titulaire", "titulaires"))])
        }
        return req.redirect(to: path(l), flash: "Convocation envoyée à \(French.count(holders.count, "titulaire", "titulaires")).")
    }

    /// Fields `a_<company id>` = present | represented | (empty), `proxy_<company id>` = the company carrying the proxy.
    static func attendance(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let l = try await load(req)
        let orgID = try await req.organisationID()
        let voters = try await AssemblyQueries.voters(req.db, organisationID: orgID, year: l.year)
        let voterIDs = Set(voters.map(\.companyID))
        let names = Dictionary(voters.map { ($0.companyID, $0.name) }, uniquingKeysWith: { a, _ in a })
        let body = (try? req.content.decode([String: String].self)) ?? [:]
        var marks: [(UUID, AssemblyAttendance.Status, UUID?)] = []
        for (key, value) in body where key.hasPrefix("a_") && !value.isEmpty {
            guard let id = UUID(uuidString: String(key.dropFirst(2))), voterIDs.contains(id), let status = AssemblyAttendance.Status(rawValue: value) else {
                return try await page(req, l, error: "Seuls les adhérents à jour de leur cotisation \(l.year) prennent part à l'assemblée.", status: .badRequest)
            }
            let proxy = status == .represented ? body["proxy_\(id.uuidString)"].flatMap(UUID.init(uuidString:)) : nil
            if status == .represented && proxy == nil {
                return try await page(req, l, error: "\(names[id] ?? "") : indiquez qui porte son pouvoir.", status: .badRequest)
            }
            marks.append((id, status, proxy))
        }
        let present = Set(marks.filter { $0.1 == .present }.map(\.0))
        let maxProxies = l.assembly?.maxProxies ?? Assembly(eventID: UUID()).maxProxies
        var carried: [UUID: Int] = [:]
        for (giver, status, holder) in marks where status == .represented {
            guard let holder else { continue }
            do {
                try AssemblyRules.checkProxy(giver: giver, holder: holder, holderPresent: present.contains(holder),
                                             carried: carried[holder, default: 0], maxPerHolder: maxProxies)
            } catch {
                return try await page(req, l, error: "\(names[giver] ?? "") → \(names[holder] ?? "?") : \(error.description)", status: .badRequest)
            }
            carried[holder, default: 0] += 1
        }
        let assembly = try await ensure(l, on: req.db)
        let assemblyID = try assembly.requireID()
        let rows = marks
        try await req.db.transaction { db in
            try await AssemblyAttendance.query(on: db).filter(\.$assembly.$id == assemblyID).delete()
            for (company, status, proxy) in rows {
                try await AssemblyAttendance(assemblyID: assemblyID, companyID: company, status: status, proxyID: proxy).create(on: db)
            }
        }
        let quorum = AssemblyRules.Quorum(voters: voters.count, present: present.count, represented: rows.count - present.count, percent: assembly.quorumPercent)
        return req.redirect(to: path(l), flash: "Présences enregistrées : quorum \(quorum.reached ? "atteint" : "non atteint") (\(quorum.counted) / \(quorum.needed)).",
                            quorum.reached ? .success : .info)
    }

    static func resolution(_ req: Request) async throws -> Response {
        try req.require(.staff)
        let l = try await load(req)
        guard let assembly = l.assembly else { return try await page(req, l, error: "Enregistrez d'abord les présences.", status: .badRequest) }
        let title = (req.content[String.self, at: "title"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty, title.count <= 300 else { return try await page(req, l, error: "Intitulé de la résolution : de 1 à 300 caractères.", status: .badRequest) }
        guard let yes = req.content[Int.self, at: "for"], let no = req.content[Int.self, at: "against"], let abstain = req.content[Int.self, at: "abstain"] else {
            return try await page(req, l, error: "Nombres de voix invalides.", status: .badRequest)
        }
        let assemblyID = try assembly.requireID()
        let voters = try await AssemblyAttendance.query(on: req.db).filter(\.$assembly.$id == assemblyID).count()
        do { try AssemblyRules.checkVote(forVotes: yes, against: no, abstentions: abstain, voters: voters) } catch {
            return try await page(req, l, error: error.description, status: .badRequest)
        }
        let last = try await Resolution.query(on: req.db).filter(\.$assembly.$id == assemblyID).max(\.$position)
        let position = (last ?? 0) + 1
        try await Resolution(assemblyID: assemblyID, position: position, title: title, votesFor: yes, votesAgainst: no, abstentions: abstain).create(on: req.db)
        return req.redirect(to: path(l), flash: "Résolution \(position) : \(AssemblyRules.adopted(forVotes: yes, against: no) ? "adoptée" : "rejetée").")
    }
}
