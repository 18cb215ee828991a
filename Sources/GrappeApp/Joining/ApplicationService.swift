import Fluent
import GrappeDomain
import Vapor

/// Join applications: recording one, then approving it (company, membership, holder with a
/// login invitation, due, welcome email) or declining it with a reason. Each in one transaction.
enum ApplicationService {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func create(form: JoinForm, category: MembershipCategory, year: Int, fee: Int, organisation: OrganisationProfile,
                       baseURL: String, on db: any Database) async throws -> MembershipApplication {
        let orgID = try organisation.requireID()
        let a = MembershipApplication()
        a.$organisation.id = orgID
        a.year = year
        a.companyName = form.company.name; a.legalName = form.company.legalName; a.ridet = form.company.ridet
        a.address = form.company.address; a.commune = form.company.commune; a.website = form.company.website
        a.about = form.company.description; a.headcount = form.company.headcountValue; a.category = category
        a.domains = form.company.domains.joined(separator: "\n")
        a.firstName = form.holder.firstName; a.lastName = form.holder.lastName; a.email = form.holder.email
        a.phone = form.holder.phone; a.role = form.holder.role; a.gender = form.holder.genderValue
        a.feeQuoted = fee
        a.commitments = JoinForm.commitmentsWording
        a.status = .pending
        a.decisionReason = ""
        a.companyEmail = form.company.email; a.companyPhone = form.company.phone
        try await db.transaction { db in
            try await a.create(on: db)
            try await Consent.record(on: db, organisationID: orgID, email: a.email, purpose: "membership_charter", wording: JoinForm.commitmentsWording)
            if form.company.publicProfile {
                try await Consent.record(on: db, organisationID: orgID, email: a.email, purpose: "directory_profile",
                                         wording: Consent.directoryWording)
            }
            try await Mailer.queue(JoinMails.received(firstName: a.firstName, company: a.companyName, year: year, fee: fee, organisation: organisation.name),
                                   to: a.email, organisationID: orgID, on: db)
            let deciders = try await User.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$active == true)
                .filter(\.$role ~~ [.staff, .board]).all().map(\.email)
            for address in Set(deciders + (FieldCheck.isEmail(organisation.email) ? [organisation.email] : [])).sorted() {
                let text = JoinMails.notice(applicant: a.applicantName, company: a.companyName, category: category.label, headcount: a.headcount,
                                            commune: a.commune, link: baseURL + Site.applicationsShow.path(a))
                try await Mailer.queue(text, to: address, organisationID: orgID, on: db)
            }
        }
        return a
    }

    /// Admits the applicant. A company already in the directory with the same RIDET is reused.
    /// An application whose RIDET is already a company's is only approved with `linkExisting`
    /// (staff checked who the applicant is); that company's record is then left as it is.
    static func approve(_ a: MembershipApplication, by user: User, linkExisting: Bool = false, app: Application, on db: any Database) async throws -> UUID {
        guard a.status == .pending else { throw Failure(description: "Cette demande a déjà été traitée.") }
        let orgID = a.$organisation.id
        let org = try await app.currentOrganisation(on: db)
        return try await db.transaction { db in
            guard try await Claim.status(db, table: MembershipApplication.schema, id: a.requireID(), from: "pending", to: "approved") else {
                throw Failure(description: "Cette demande a déjà été traitée.")
            }
            var draft = CompanyDraft()
            draft.name = a.companyName; draft.legalName = a.legalName; draft.ridet = a.ridet; draft.address = a.address
            draft.commune = a.commune; draft.website = a.website; draft.description = a.about; draft.headcount = String(a.headcount)
            draft.domains = a.domainList
            draft.publicProfile = try await Consent.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$email == a.email)
                .filter(\.$purpose == "directory_profile").filter(\.$withdrawnAt == nil).first() != nil
            let existing = try await Company.query(on: db).filter(\.$organisation.$id == orgID).filter(\.$ridet == a.ridet).first()
            if let existing, !linkExisting {
                throw Failure(description: "Le RIDET \(a.ridet) est déjà celui de « \(existing.name) » : vérifiez que le demandeur la représente, puis cochez la case pour l'y rattacher.")
            }
            draft.email = a.companyEmail; draft.phone = a.companyPhone
            let companyID: UUID
            if let existing {
                companyID = try existing.requireID()
            } else {
                companyID = try await MemberService.save(draft, company: nil, organisationID: orgID, user: user, on: db, action: "admit", verifiedOn: app.now).companyID
            }
            let person = try await MemberService.attachContact(
                PersonDraft(firstName: a.firstName, lastName: a.lastName, email: a.email, phone: a.phone, gender: a.gender?.rawValue ?? "", role: a.role.isEmpty ? "Titulaire" : a.role),
                companyID: companyID, organisationID: orgID, on: db)
            let today = app.now
            // An application sent in December and accepted in January joins the new year.
            let year = max(a.year, FrenchDate.year(of: today))
            try await MemberService.setMembership(companyID: companyID, year: year, category: a.category, status: .active, startDate: today,
                                                  holderID: person.requireID(), organisationID: orgID, user: user, on: db)
            guard let membership = try await Membership.query(on: db).filter(\.$company.$id == companyID).filter(\.$year == year).first(),
                  let company = try await Company.find(companyID, on: db) else { throw Failure(description: "Adhésion introuvable après création.") }
            let due: Due
            do {
                due = try await DuesService.issueOne(membership: membership, company: company, issuedOn: today, organisationID: orgID, user: user, on: db)
            } catch let failure as DuesService.Failure {
                throw Failure(description: failure.description)
            }
            let hasAccount = try await User.query(on: db).filter(\.$email == a.email).first() != nil
            if !hasAccount {
                let hash = try await app.password.async.hash(Tokens.random())
                let login = User(organisationID: orgID, email: a.email, passwordHash: hash, role: .member, displayName: person.fullName, personID: person.id)
                try await login.create(on: db)
                try await AccessLinks.send(db, app: app, user: login, invitation: true)
            }
            let welcome = JoinMails.welcome(firstName: a.firstName, company: a.companyName, year: year, email: a.email, hasAccount: hasAccount,
                                            dueNumber: due.number, amount: due.amount, dueOn: due.dueOn, organisation: org.name)
            try await Mailer.queue(welcome, to: a.email, organisationID: orgID, on: db)
            a.status = .approved
            a.$decidedBy.id = user.id
            a.decidedAt = today
            a.$company.id = companyID
            try await a.save(on: db)
            return companyID
        }
    }

    static func decline(_ a: MembershipApplication, reason: String, by user: User, app: Application, on db: any Database) async throws {
        guard a.status == .pending else { throw Failure(description: "Cette demande a déjà été traitée.") }
        let org = try await app.currentOrganisation(on: db)
        try await db.transaction { db in
            guard try await Claim.status(db, table: MembershipApplication.schema, id: a.requireID(), from: "pending", to: "declined") else {
                throw Failure(description: "Cette demande a déjà été traitée.")
            }
            a.status = .declined
            a.decisionReason = reason
            a.$decidedBy.id = user.id
            a.decidedAt = Date()
            try await a.save(on: db)
            try await Mailer.queue(JoinMails.declined(firstName: a.firstName, company: a.companyName, reason: reason, organisation: org.name),
                                   to: a.email, organisationID: a.$organisation.id, on: db)
        }
    }
}
