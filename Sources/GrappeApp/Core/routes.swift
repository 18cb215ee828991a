import Vapor

/// Every URL of Grappe, by area. Handlers live in their feature folders.
func routes(_ app: Application) throws {
    // Operators and assets
    app.get("healthz", use: HealthController.check)
    app.get("assets", "grappe.css", use: Assets.css)
    app.get("assets", "grappe.js", use: Assets.js)

    // Public and accounts
    app.get(use: HomeController.index)
    app.get("connexion", use: LoginController.form)
    app.post("connexion", use: LoginController.login)
    app.post("deconnexion", use: LoginController.logout)
    app.get("mot-de-passe-oublie", use: PasswordResetController.requestForm)
    app.post("mot-de-passe-oublie", use: PasswordResetController.request)
    app.get("reinitialisation", ":token", use: PasswordResetController.resetForm)
    app.post("reinitialisation", ":token", use: PasswordResetController.reset)
    app.get("compte", "jetons", use: APITokenController.index)
    app.post("compte", "jetons", use: APITokenController.create)
    app.post("compte", "jetons", ":tokenID", "revoquer", use: APITokenController.revoke)

    app.get("comptes", use: AccountsController.index)
    app.post("comptes", use: AccountsController.create)
    app.post("comptes", ":userID", "desactiver", use: AccountsController.deactivate)
    app.post("comptes", ":userID", "reactiver", use: AccountsController.reactivate)
    app.post("comptes", ":userID", "lien", use: AccountsController.sendLink)
    app.get("organisation", use: OrganisationController.edit)
    app.post("organisation", use: OrganisationController.save)

    // Staff home
    app.get("tableau-de-bord", use: HomeController.dashboard)
    app.get("mon-entreprise", use: MemberController.mine)

    // Members
    let members = app.grouped("adherents")
    members.get(use: MemberListController.index)
    members.get("export.csv", use: MemberListController.exportCSV)
    members.get("import", use: MemberImportController.form)
    members.on(.POST, "import", body: .collect(maxSize: "3mb"), use: MemberImportController.submit)
    members.get("nouveau", use: MemberController.newForm)
    members.post("nouveau", use: MemberController.create)
    members.get(":companyID", use: MemberController.show)
    members.get(":companyID", "modifier", use: MemberController.editForm)
    members.post(":companyID", "modifier", use: MemberController.update)
    members.get(":companyID", "demission", use: MembershipController.resignForm)
    members.post(":companyID", "demission", use: MembershipController.resign)
    members.post(":companyID", "adhesions", use: MembershipController.save)
    members.post(":companyID", "contacts", use: ContactController.add)
    members.post(":companyID", "contacts", ":personID", "acces", use: ContactController.grantAccess)
    members.post(":companyID", "contacts", ":personID", "retirer", use: ContactController.remove)

    app.get("domaines", use: DomainController.index)
    app.post("domaines", use: DomainController.create)
    app.post("domaines", ":domainID", use: DomainController.rename)
    app.post("domaines", ":domainID", "supprimer", use: DomainController.delete)

    // Dues
    let dues = app.grouped("cotisations")
    dues.get(use: DuesDashboardController.index)
    dues.get("export.csv", use: DuesDashboardController.exportCSV)
    dues.post("appel", use: DuesDashboardController.call)
    dues.get("baremes", use: FeeScheduleController.index)
    dues.get("baremes", ":year", use: FeeScheduleController.edit)
    dues.post("baremes", ":year", use: FeeScheduleController.save)
    dues.get("relances", use: ReminderController.index)
    dues.post("relances", use: ReminderController.send)
    dues.get(":dueID", use: DueController.show)
    dues.post(":dueID", "paiements", use: DueController.pay)
    dues.post(":dueID", "ajuster", use: DueController.adjust)
    dues.post(":dueID", "paiements", ":paymentID", "annuler", use: DueController.cancelPayment)
    dues.get(":dueID", "appel", use: DueController.printCall)
    dues.get(":dueID", "recu", use: DueController.printReceipt)

    // Governance, commissions, clubs, meetings
    app.get("gouvernance", use: GovernanceController.index)
    app.get("groupes", use: GroupController.index)
    app.get("groupes", ":slug", use: GroupController.show)
    app.post("groupes", ":slug", "membres", use: GroupController.addMember)
    app.post("groupes", ":slug", "membres", ":personID", "actif", use: GroupController.toggleMember)
    app.post("groupes", ":slug", "planifier", use: GroupController.generate)
    app.post("groupes", ":slug", "rejoindre", use: ClubRequestController.ask)
    app.post("groupes", ":slug", "demandes", ":personID", "accepter", use: ClubRequestController.accept)
    app.post("groupes", ":slug", "demandes", ":personID", "refuser", use: ClubRequestController.decline)
    app.get("agenda", "evenements.ics", use: CalendarController.publicEvents)
    app.get("agenda", "groupes", ":file", use: CalendarController.group)
    app.get("agenda", "personnel", ":file", use: CalendarController.personal)
    app.get("compte", "agenda", use: CalendarController.settings)
    app.post("compte", "agenda", "renouveler", use: CalendarController.reset)
    app.get("benevolat", use: VolunteerController.index)
    app.post("benevolat", use: VolunteerController.add)
    app.get("benevolat", "export.csv", use: VolunteerController.exportCSV)
    app.post("reunions", use: MeetingController.create)
    app.get("reunions", ":meetingID", use: MeetingController.show)
    app.post("reunions", ":meetingID", use: MeetingController.update)
    app.post("reunions", ":meetingID", "presences", use: MeetingController.attendance)

    // Events
    app.get("evenements", use: EventController.index)
    app.get("evenements", "nouveau", use: EventController.newForm)
    app.post("evenements", use: EventController.create)
    app.get("evenements", ":eventID", use: EventController.show)
    app.post("evenements", ":eventID", use: EventController.update)
    app.get("evenements", ":eventID", "modifier", use: EventController.editForm)
    app.post("evenements", ":eventID", "inscription", use: EventController.register)
    app.post("evenements", ":eventID", "desinscription", use: EventController.unregister)
    app.get("evenements", ":eventID", "accueil", use: EventController.checkInList)
    app.post("evenements", ":eventID", "accueil", ":registrationID", use: EventController.checkIn)
    app.get("inscriptions", ":token", "annuler", use: EventController.cancelForm)
    app.post("inscriptions", ":token", "annuler", use: EventController.cancelByToken)

    // Mail
    app.get("courriels", use: OutboxController.index)
    app.post("courriels", ":messageID", "relancer", use: OutboxController.retry)

    // JSON API
    let api = app.grouped("api", "v1").grouped(APITokenMiddleware())
    api.get("members", use: APIController.members)
    api.get("members", ":companyID", use: APIController.member)
    api.get("dues", use: APIController.dues)
    api.get("dues", ":dueID", use: APIController.due)
}
