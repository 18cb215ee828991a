import Fluent
import GrappeDomain
import SQLKit
import Vapor

/// Who receives an issue: the union of the chosen audiences, each address once, minus every
/// address that unsubscribed. Three queries at most, whatever the audience size.
enum NewsletterAudience {
    static func recipients(_ db: any Database, newsletter n: Newsletter, now: Date) async throws -> [String] {
        let orgID = n.$organisation.id
        var emails = Set<String>()
        let sql = db.sql
        if n.audienceMembers {
            let rows = try await sql.raw("""
                SELECT DISTINCT p.email FROM company_contacts cc JOIN people p ON p.id = cc.person_id
                WHERE cc.company_id IN (\(DirectoryQueries.memberSubquery(organisationID: orgID, year: FrenchDate.year(of: now))))
                """).all()
            for row in rows { emails.insert(try row.decode(column: "email", as: String.self)) }
        }
        let groups = n.groupIDs
        if !groups.isEmpty {
            let rows = try await sql.raw("""
                SELECT DISTINCT p.email FROM group_members gm JOIN people p ON p.id = gm.person_id
                WHERE gm.group_id IN (\(binds: groups)) AND gm.active = \(bind: true) AND gm.status = \(bind: GroupMember.Status.member.rawValue)
                """).all()
            for row in rows { emails.insert(try row.decode(column: "email", as: String.self)) }
        }
        if n.audienceSubscribers {
            let confirmed = try await Subscriber.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$status == .confirmed)
                .filter(\.$publicList == true).all(\.$email)
            emails.formUnion(confirmed)
        }
        let normalised = Set(emails.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter(FieldCheck.isEmail))
        // Out: whoever unsubscribed, including an address signed up again on the public form
        // (by anyone) and not yet confirmed from its own mailbox.
        let unsubscribed = Set(try await Subscriber.query(on: db).filter(\.$organisation.$id == orgID)
            .group(.or) { $0.filter(\.$status == .unsubscribed).group(.and) { $0.filter(\.$status == .pending).filter(\.$unsubscribedAt != nil) } }
            .all(\.$email))
        return normalised.subtracting(unsubscribed).sorted()
    }

    /// A readable description of the audience.
    static func describe(_ n: Newsletter, groups: [Group]) -> String {
        var parts: [String] = []
        if n.audienceMembers { parts.append("contacts des adhérents") }
        let names = groups.filter { g in n.groupIDs.contains { $0 == g.id } }.map(\.name)
        if !names.isEmpty { parts.append(names.joined(separator: ", ")) }
        if n.audienceSubscribers { parts.append("abonnés publics") }
        return parts.isEmpty ? "aucun public choisi" : parts.joined(separator: " + ")
    }
}
