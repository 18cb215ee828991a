import Vapor

/// Every URL of Grappe, grouped by who may reach it (`Access`, checked before the handler);
/// within a group, by area. Handlers live in their feature folders and check the object they
/// touch (this company, this group, this item). The most read pages are kept between writes
/// (`PageCache.cached`). `RouteGuardTests` walks every route as a visitor and as a member
/// contact: a route added here outside the public list must refuse them.
func routes(_ app: Application) throws {
    publicRoutes(app)
    signedInRoutes(app.guarded(.signedIn))
    app.guarded(.memberContact).get("mon-entreprise", use: MemberController.mine)
    app.guarded(.memberContact).get("collecte", "reconditionneur", use: PortalController.refurbisher)
    app.guarded(.charity).get("collecte", "association", use: PortalController.charity)
    readerRoutes(app.guarded(.staffOrBoard))
    staffRoutes(app.guarded(.staff))

    // JSON API: a bearer token (`APITokenMiddleware`), never a session.
    let api = app.grouped("api", "v1").grouped(APITokenMiddleware())
    api.get("members", use: APIController.members)
    api.get("members", ":companyID", use: APIController.member)
    api.get("dues", use: APIController.dues)
    api.get("dues", ":dueID", use: APIController.due)
}

/// Open to everyone: the public site, the forms of the public, and the links sent by email.
private func publicRoutes(_ app: any RoutesBuilder) {
    // Operators and assets
    app.get("healthz", use: HealthController.check)
    app.get("assets", "grappe.css", use: Assets.css)
    app.get("assets", "grappe.js", use: Assets.js)
    app.get("sitemap.xml", use: SitemapController.sitemap)
    app.get("robots.txt", use: SitemapController.robots)

    // Home and accounts
    app.get(use: PageCache.cached(HomeController.index))
    app.get("connexion", use: LoginController.form)
    app.post("connexion", use: LoginController.login)
    app.get("mot-de-passe-oublie", use: PasswordResetController.requestForm)
    app.post("mot-de-passe-oublie", use: PasswordResetController.request)
    app.get("reinitialisation", ":token", use: PasswordResetController.resetForm)
    app.post("reinitialisation", ":token", use: PasswordResetController.reset)

    // Calendars (the secret is in the file name)
    app.get("agenda", "evenements.ics", use: CalendarController.publicEvents)
    app.get("agenda", "groupes", ":file", use: CalendarController.group)
    app.get("agenda", "personnel", ":file", use: CalendarController.personal)

    // Events
    app.get("evenements", use: EventController.index)
    app.get("evenements", ":eventID", use: PageCache.cached(EventController.show))
    app.post("evenements", ":eventID", "inscription", use: EventController.register)
    app.get("inscriptions", ":token", "annuler", use: EventController.cancelForm)
    app.post("inscriptions", ":token", "annuler", use: EventController.cancelByToken)

    // Directory, joining, jobs, candidates
    app.get("annuaire", use: PageCache.cached(DirectoryController.index))
    app.get("annuaire", "export.csv", use: DirectoryController.exportCSV)
    app.get("annuaire", "export.json", use: DirectoryController.exportJSON)
    app.get("annuaire", ":slug", use: DirectoryController.show)
    app.post("annuaire", ":slug", "signalement", use: DirectoryController.report)
    app.get("adhesion", use: JoinController.form)
    app.post("adhesion", use: JoinController.submit)
    app.get("adhesion", "merci", use: JoinController.thanks)
    app.get("emplois", use: PageCache.cached(JobController.index))
    app.get("emplois", ":offerID", use: JobController.show)
    app.get("candidatures", use: CandidateController.form)
    app.on(.POST, "candidatures", body: BodyLimits.collect("/candidatures"), use: CandidateController.submit)
    app.get("candidatures", "retrait", ":token", use: CandidateController.withdrawForm)
    app.post("candidatures", "retrait", ":token", use: CandidateController.withdraw)

    // News and newsletter
    app.get("actualites", use: NewsController.index)
    app.get("actualites", ":slug", use: NewsController.show)
    app.get("lettre", use: SubscriptionController.form)
    app.post("lettre", use: SubscriptionController.signUp)
    app.get("lettre", "confirmation", ":token", use: SubscriptionController.confirm)
    app.get("lettre", "desabonnement", ":token", use: SubscriptionController.unsubscribeForm)
    app.post("lettre", "desabonnement", ":token", use: SubscriptionController.unsubscribe)

    // Programmes, Grande Collecte, reports, partners
    app.get("programmes", use: ProgrammeController.index)
    app.get("programmes", ":slug", use: ProgrammeController.show)
    app.get("collecte", use: CollecteController.index)
    app.get("collecte", "don", use: PledgeController.publicForm)
    app.post("collecte", "don", use: PledgeController.publicSubmit)
    app.get("rapports", use: PublishedReportController.index)
    app.get("rapports", ":year", use: PublishedReportController.html)
    app.get("rapports", ":year", "pdf", use: PublishedReportController.pdf)
    app.get("partenaires", use: PartnerController.index)
}

/// Any account; the handler decides on the object (a member contact's own company, a group
/// they lead, an item allocated to their refurbisher, their own offers and posts).
private func signedInRoutes(_ app: any RoutesBuilder) {
    app.post("deconnexion", use: LoginController.logout)
    app.get("compte", "agenda", use: CalendarController.settings)
    app.post("compte", "agenda", "renouveler", use: CalendarController.reset)
    app.get("compte", "donnees", use: PrivacyController.mine)
    app.get("compte", "donnees.json", use: PrivacyController.download)
    app.post("compte", "donnees", "effacement", use: PrivacyController.requestErasure)

    // A member company and its dues
    app.get("adherents", ":companyID", use: PageCache.cached(MemberController.show))
    app.get("adherents", ":companyID", "modifier", use: MemberController.editForm)
    app.post("adherents", ":companyID", "modifier", use: MemberController.update)
    app.post("adherents", ":companyID", "contacts", use: ContactController.add)
    app.post("adherents", ":companyID", "contacts", ":personID", "retirer", use: ContactController.remove)
    app.get("cotisations", ":dueID", use: DueController.show)
    app.get("cotisations", ":dueID", "appel", use: DueController.printCall)
    app.get("cotisations", ":dueID", "recu", use: DueController.printReceipt)

    // Commissions and clubs, run by their leads
    app.get("groupes", use: GroupController.index)
    app.get("groupes", ":slug", use: PageCache.cached(GroupController.show))
    app.get("groupes", ":slug", "modifier", use: GroupFormController.editForm)
    app.post("groupes", ":slug", "modifier", use: GroupFormController.update)
    app.post("groupes", ":slug", "membres", use: GroupController.addMember)
    app.post("groupes", ":slug", "membres", ":personID", "actif", use: GroupController.toggleMember)
    app.post("groupes", ":slug", "planifier", use: GroupController.generate)
    app.post("groupes", ":slug", "benevolat", use: VolunteerController.addForGroup)
    app.post("groupes", ":slug", "rejoindre", use: ClubRequestController.ask)
    app.post("groupes", ":slug", "demandes", ":personID", "accepter", use: ClubRequestController.accept)
    app.post("groupes", ":slug", "demandes", ":personID", "refuser", use: ClubRequestController.decline)
    app.post("reunions", use: MeetingController.create)
    app.get("reunions", ":meetingID", use: MeetingController.show)
    app.post("reunions", ":meetingID", use: MeetingController.update)
    app.post("reunions", ":meetingID", "presences", use: MeetingController.attendance)

    // The candidate pool: staff, and member contacts whose company is up to date with its dues
    app.get("vivier", use: PoolController.index)
    app.get("vivier", ":candidateID", use: PoolController.show)
    app.get("vivier", ":candidateID", "cv.pdf", use: PoolController.cv)

    // Events, jobs, news written by members
    app.post("evenements", ":eventID", "desinscription", use: EventController.unregister)
    app.get("emplois", "nouvelle", use: JobController.newForm)
    app.post("emplois", "nouvelle", use: JobController.create)
    app.get("emplois", ":offerID", "modifier", use: JobController.editForm)
    app.post("emplois", ":offerID", "modifier", use: JobController.update)
    app.post("emplois", ":offerID", "retirer", use: JobController.withdraw)
    app.get("actualites", "nouvelle", use: NewsFormController.newForm)
    app.post("actualites", "nouvelle", use: NewsFormController.create)
    app.get("actualites", ":slug", "modifier", use: NewsFormController.editForm)
    app.post("actualites", ":slug", "modifier", use: NewsFormController.update)

    // Programme animators, Collecte donors, refurbishers and charities
    app.get("programmes", ":slug", "animateurs", ":companyID", use: ProgrammeController.animator)
    app.get("collecte", "promesses", ":pledgeID", "certificat", use: CertificateController.show)
    app.get("collecte", "objets", ":itemID", use: ItemController.show)
    app.post("collecte", "objets", ":itemID", "etat", use: ItemController.move)
    app.post("collecte", "objets", ":itemID", "effacement", use: ItemController.erasure)
    app.post("collecte", "objets", ":itemID", "classement", use: ItemController.grade)
}

/// The staff and the board: everything read, applications decided.
private func readerRoutes(_ app: any RoutesBuilder) {
    app.get("tableau-de-bord", use: PageCache.cached(HomeController.dashboard))
    app.get("adherents", use: PageCache.cached(MemberListController.index))
    app.get("adherents", "export.csv", use: MemberListController.exportCSV)
    app.get("cotisations", use: DuesDashboardController.index)
    app.get("cotisations", "export.csv", use: DuesDashboardController.exportCSV)
    app.get("cotisations", "baremes", use: FeeScheduleController.index)
    app.get("gouvernance", use: GovernanceController.index)
    app.get("gouvernance", "mandats", use: MandateController.history)
    app.get("benevolat", use: VolunteerController.index)
    app.get("benevolat", "export.csv", use: VolunteerController.exportCSV)
    app.get("evenements", ":eventID", "assemblee", use: AssemblyController.show)
    app.get("adhesions", use: ApplicationsController.index)
    app.get("adhesions", ":applicationID", use: ApplicationsController.show)
    app.post("adhesions", ":applicationID", "accepter", use: ApplicationsController.approve)
    app.post("adhesions", ":applicationID", "refuser", use: ApplicationsController.decline)
    app.get("collecte", "associations", use: CharityController.index)
    app.get("collecte", "promesses", ":pledgeID", use: PledgeController.show)
    app.get("collecte", ":year", use: CollecteController.show)
    app.get("rapport", use: ReportController.index)
    app.get("rapport", ":year", use: ReportController.show)
    app.get("rapport", ":year", "apercu", use: ReportController.preview)
}

/// The cluster's permanent staff.
private func staffRoutes(_ app: any RoutesBuilder) {
    // Accounts and the organisation
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

    // Members
    app.get("adherents", "import", use: MemberImportController.form)
    app.on(.POST, "adherents", "import", body: BodyLimits.collect("/adherents/import"), use: MemberImportController.submit)
    app.get("adherents", "nouveau", use: MemberController.newForm)
    app.post("adherents", "nouveau", use: MemberController.create)
    app.get("adherents", ":companyID", "demission", use: MembershipController.resignForm)
    app.post("adherents", ":companyID", "demission", use: MembershipController.resign)
    app.post("adherents", ":companyID", "adhesions", use: MembershipController.save)
    app.post("adherents", ":companyID", "contacts", ":personID", "acces", use: ContactController.grantAccess)
    app.get("domaines", use: DomainController.index)
    app.post("domaines", use: DomainController.create)
    app.post("domaines", ":domainID", use: DomainController.rename)
    app.post("domaines", ":domainID", "supprimer", use: DomainController.delete)

    // Dues
    app.post("cotisations", "appel", use: DuesDashboardController.call)
    app.get("cotisations", "baremes", ":year", use: FeeScheduleController.edit)
    app.post("cotisations", "baremes", ":year", use: FeeScheduleController.save)
    app.get("cotisations", "relances", use: ReminderController.index)
    app.post("cotisations", "relances", use: ReminderController.send)
    app.post("cotisations", ":dueID", "paiements", use: DueController.pay)
    app.post("cotisations", ":dueID", "ajuster", use: DueController.adjust)
    app.post("cotisations", ":dueID", "paiements", ":paymentID", "annuler", use: DueController.cancelPayment)

    // Governance, groups, volunteer hours, meetings
    app.post("gouvernance", "mandats", use: MandateController.create)
    app.post("gouvernance", "mandats", ":mandateID", "terminer", use: MandateController.end)
    app.get("groupes", "nouveau", use: GroupFormController.newForm)
    app.post("groupes", use: GroupFormController.create)
    app.post("benevolat", use: VolunteerController.add)

    // Events and assemblies
    app.get("evenements", "nouveau", use: EventController.newForm)
    app.post("evenements", use: EventController.create)
    app.post("evenements", ":eventID", use: EventController.update)
    app.get("evenements", ":eventID", "modifier", use: EventController.editForm)
    app.get("evenements", ":eventID", "accueil", use: EventController.checkInList)
    app.post("evenements", ":eventID", "accueil", ":registrationID", use: EventController.checkIn)
    app.post("evenements", ":eventID", "assemblee", use: AssemblyController.settings)
    app.post("evenements", ":eventID", "assemblee", "convocation", use: AssemblyController.convene)
    app.post("evenements", ":eventID", "assemblee", "presences", use: AssemblyController.attendance)
    app.post("evenements", ":eventID", "assemblee", "resolutions", use: AssemblyController.resolution)

    // Directory, jobs, news, newsletters, personal data
    app.get("annuaire", "gestion", use: DirectoryAdminController.index)
    app.post("annuaire", "gestion", ":companyID", "verifier", use: DirectoryAdminController.verify)
    app.post("annuaire", "demandes", ":requestID", use: DirectoryAdminController.decide)
    app.post("emplois", ":offerID", "moderer", use: JobController.moderate)
    app.get("actualites", "gestion", use: NewsController.manage)
    app.post("actualites", ":slug", "moderer", use: NewsFormController.moderate)
    app.get("lettres", use: NewsletterController.index)
    app.get("lettres", "nouvelle", use: NewsletterController.newForm)
    app.post("lettres", "nouvelle", use: NewsletterController.create)
    app.get("lettres", ":newsletterID", use: NewsletterController.show)
    app.get("lettres", ":newsletterID", "modifier", use: NewsletterController.editForm)
    app.post("lettres", ":newsletterID", "modifier", use: NewsletterController.update)
    app.post("lettres", ":newsletterID", "test", use: NewsletterController.test)
    app.post("lettres", ":newsletterID", "envoyer", use: NewsletterController.send)
    app.get("donnees-personnelles", use: PrivacyController.queue)
    app.post("donnees-personnelles", ":requestID", "effacer", use: PrivacyController.erase)
    app.post("donnees-personnelles", ":requestID", "refuser", use: PrivacyController.reject)

    // Programmes
    app.get("programmes", "nouveau", use: ProgrammeFormController.newForm)
    app.post("programmes", "nouveau", use: ProgrammeFormController.save)
    app.get("programmes", ":slug", "modifier", use: ProgrammeFormController.editForm)
    app.post("programmes", ":slug", "modifier", use: ProgrammeFormController.save)
    app.post("programmes", ":slug", "indicateurs", use: IndicatorController.create)
    app.post("programmes", ":slug", "indicateurs", ":indicatorID", "valeurs", use: IndicatorController.addValue)
    app.get("programmes", ":slug", "actions", "nouvelle", use: ActionController.newForm)
    app.post("programmes", ":slug", "actions", "nouvelle", use: ActionController.save)
    app.get("programmes", ":slug", "actions", ":actionID", use: ActionController.editForm)
    app.post("programmes", ":slug", "actions", ":actionID", use: ActionController.save)
    app.post("programmes", ":slug", "actions", ":actionID", "supprimer", use: ActionController.delete)
    app.get("programmes", ":slug", "import", use: ActionController.importForm)
    app.on(.POST, "programmes", ":slug", "import", body: BodyLimits.collect("/programmes/x/import"), use: ActionController.importSubmit)

    // Grande Collecte
    app.post("collecte", use: CollecteController.create)
    app.post("collecte", "associations", use: CharityController.create)
    app.post("collecte", "promesses", ":pledgeID", "enlevement", use: PledgeController.planPickup)
    app.post("collecte", "promesses", ":pledgeID", "collecte", use: PledgeController.collect)
    app.post("collecte", "objets", ":itemID", "affectation", use: ItemController.assign)
    app.get("collecte", ":year", "promesses", "nouvelle", use: PledgeController.staffForm)
    app.post("collecte", ":year", "promesses", "nouvelle", use: PledgeController.staffSubmit)

    // Annual report, partners, outbox
    app.post("rapport", ":year", "pdf", use: ReportController.startPDF)
    app.post("rapport", ":year", "figer", use: ReportController.startFreeze)
    app.post("rapport", ":year", "defiger", use: ReportController.unfreeze)
    app.get("rapport", ":year", "textes", ":kind", use: ReportTextController.edit)
    app.post("rapport", ":year", "textes", ":kind", use: ReportTextController.save)
    app.post("rapport", ":year", "communication", use: CommunicationController.save)
    app.post("rapport", ":year", "communication", ":figureID", "supprimer", use: CommunicationController.delete)
    app.get("rapport", "travaux", ":jobID", use: ReportJobController.show)
    app.get("rapport", "travaux", ":jobID", "pdf", use: ReportJobController.pdf)
    app.post("partenaires", use: PartnerController.create)
    app.post("partenaires", ":partnerID", "supprimer", use: PartnerController.delete)
    app.get("courriels", use: OutboxController.index)
    app.post("courriels", ":messageID", "relancer", use: OutboxController.retry)
}
