import Vapor

/// Every URL of Grappe (described once in `Site`), grouped by who may reach it (`Access`,
/// checked before the handler); within a group, by area. Handlers live in their feature folders and check the object they
/// touch (this company, this group, this item). The most read pages are kept between writes
/// (`PageCache.cached`). `RouteGuardTests` walks every route as a visitor and as a member
/// contact: a route added here outside the public list must refuse them.
func routes(_ app: Application) throws {
    publicRoutes(app)
    app.guarded(.anyAccount).register(Site.loginLogout, use: LoginController.logout)
    signedInRoutes(app.guarded(.signedIn))
    app.guarded(.memberContact).register(Site.memberMine, use: MemberController.mine)
    app.guarded(.memberContact).register(Site.portalRefurbisher, use: PortalController.refurbisher)
    app.guarded(.charity).register(Site.portalCharity, use: PortalController.charity)
    readerRoutes(app.guarded(.staffOrBoard))
    staffRoutes(app.guarded(.staff))

    // JSON API: a bearer token (`APITokenMiddleware`), never a session.
    let api = app.grouped(APITokenMiddleware()).guarded(.signedIn)
    api.register(Site.apiMembers, use: APIController.members)
    api.register(Site.apiMember, use: APIController.member)
    api.register(Site.apiDues, use: APIController.dues)
    api.register(Site.apiDue, use: APIController.due)

    hackagouRoutes(app)
    diagnosticRoutes(app)
    renewalRoutes(app)
}

/// The yearly renewal: the staff's campaign and settings, the member contact's confirmation.
private func renewalRoutes(_ app: Application) {
    let staff = app.guarded(.staff)
    staff.register(Site.renewalPreview, use: RenewalController.preview)
    staff.register(Site.renewalRun, use: RenewalController.run)
    staff.register(Site.renewalSettings, use: RenewalController.settings)
    staff.register(Site.renewalSettingsSave, use: RenewalController.saveSettings)
    app.guarded(.memberContact).register(Site.renewalConfirm, use: RenewalController.confirm)
}

/// The digital-maturity diagnostic: the public request, the staff's planning, the interview.
private func diagnosticRoutes(_ app: Application) {
    app.register(Site.diagnosticForm, use: DiagnosticRequestController.form)
    app.register(Site.diagnosticSubmit, use: DiagnosticRequestController.submit)
    app.register(Site.diagnosticThanks, use: DiagnosticRequestController.thanks)
    // The business's private results: never through `PageCache.cached`.
    app.register(Site.diagnosticResults, use: DiagnosticResultsController.show)
    app.register(Site.diagnosticResultsPDF, use: DiagnosticResultsController.pdf)
    let staff = app.guarded(.staff)
    staff.register(Site.diagnosticAdminIndex, use: DiagnosticAdminController.index)
    staff.register(Site.diagnosticAdminShow, use: DiagnosticAdminController.show)
    staff.register(Site.diagnosticAdminPlan, use: DiagnosticAdminController.plan)
    staff.register(Site.diagnosticAdminCancel, use: DiagnosticAdminController.cancel)
    // The interview: any signed-in account past the guard; the handler lets in the staff and the
    // diagnostic's advisor (a member company's person with a login), 404 for anyone else.
    let signedIn = app.guarded(.signedIn)
    signedIn.register(Site.diagnosticInterview, use: DiagnosticInterviewController.overview)
    signedIn.register(Site.diagnosticInterviewStart, use: DiagnosticInterviewController.start)
    signedIn.register(Site.diagnosticInterviewStep, use: DiagnosticInterviewController.step)
    signedIn.register(Site.diagnosticInterviewSave, use: DiagnosticInterviewController.save)
    signedIn.register(Site.diagnosticInterviewClose, use: DiagnosticInterviewController.close)
    staff.register(Site.diagnosticPlanMove, use: DiagnosticResultsAdminController.move)
    staff.register(Site.diagnosticPlanRemove, use: DiagnosticResultsAdminController.remove)
    staff.register(Site.diagnosticPlanAdd, use: DiagnosticResultsAdminController.add)
    staff.register(Site.diagnosticResultsResend, use: DiagnosticResultsAdminController.resend)
    staff.register(Site.diagnosticAdminFigures, use: DiagnosticFiguresController.page)
    staff.register(Site.diagnosticAdminFiguresCSV, use: DiagnosticFiguresController.csv)
    diagnosticToolRoutes(staff)
}

/// The staff's diagnostic tools: questionnaire versions, the action catalogue, the settings,
/// a closed diagnostic's grant outcome and follow-up.
private func diagnosticToolRoutes(_ staff: any RoutesBuilder) {
    staff.register(Site.diagnosticQuestionnaires, use: DiagnosticQuestionnaireController.index)
    staff.register(Site.diagnosticQuestionnaireShow, use: DiagnosticQuestionnaireController.show)
    staff.register(Site.diagnosticQuestionnaireCopy, use: DiagnosticQuestionnaireController.copy)
    staff.register(Site.diagnosticQuestionnairePublish, use: DiagnosticQuestionnaireController.publish)
    staff.register(Site.diagnosticQuestionnaireAdd, use: DiagnosticQuestionnaireController.add)
    staff.register(Site.diagnosticQuestionnaireUpdate, use: DiagnosticQuestionnaireController.update)
    staff.register(Site.diagnosticQuestionnaireRemove, use: DiagnosticQuestionnaireController.remove)
    staff.register(Site.diagnosticActions, use: DiagnosticCatalogueController.index)
    staff.register(Site.diagnosticActionNew, use: DiagnosticCatalogueController.new)
    staff.register(Site.diagnosticActionCreate, use: DiagnosticCatalogueController.create)
    staff.register(Site.diagnosticActionEdit, use: DiagnosticCatalogueController.edit)
    staff.register(Site.diagnosticActionUpdate, use: DiagnosticCatalogueController.update)
    staff.register(Site.diagnosticActionDelete, use: DiagnosticCatalogueController.delete)
    staff.register(Site.diagnosticActionMoveUp, use: DiagnosticCatalogueController.moveUp)
    staff.register(Site.diagnosticSettings, use: DiagnosticSettingsController.edit)
    staff.register(Site.diagnosticSettingsSave, use: DiagnosticSettingsController.save)
    staff.register(Site.diagnosticAdminGrant, use: DiagnosticOutcomeController.grant)
    staff.register(Site.diagnosticAdminFollowUp, use: DiagnosticOutcomeController.followUp)
}

/// Hackagou, the CTF: public pages, the players' pages (their own role, nothing of the member
/// side), the staff's, and the CTFd-compatible API (a token checked by each handler; the
/// scoreboard and the teams are public, as on CTFd).
private func hackagouRoutes(_ app: Application) {
    app.register(Site.ctfIndex, use: CTFPublicController.index)
    app.register(Site.ctfEdition, use: CTFPublicController.show)
    app.register(Site.ctfRegisterForm, use: CTFPublicController.registerForm)
    app.register(Site.ctfRegister, use: CTFPublicController.register)
    app.register(Site.ctfScoreboard, use: CTFPublicController.scoreboard)
    app.register(Site.ctfScreen, use: CTFPublicController.screen)
    app.register(Site.ctfCTFtime, use: CTFPublicController.ctftime)
    app.register(Site.ctfAPIScoreboard, use: CTFdAPIController.scoreboard)
    app.register(Site.ctfAPITop, use: CTFdAPIController.top)
    app.register(Site.ctfAPITeams, use: CTFdAPIController.teams)
    app.register(Site.ctfAPITeam, use: CTFdAPIController.team)
    app.register(Site.apiOpenAPI, use: OpenAPIDocument.serve)

    app.register(Site.ctfAPIChallenges, use: CTFdAPIController.challenges)
    app.register(Site.ctfAPIChallenge, use: CTFdAPIController.challenge)
    app.register(Site.ctfAPIAttempt, use: CTFdAPIController.attempt)
    app.register(Site.ctfAPITeamMe, use: CTFdAPIController.teamMe)
    app.register(Site.ctfAPIUserMe, use: CTFdAPIController.userMe)
    app.register(Site.ctfFile, use: CTFFileController.download)
    app.register(Site.ctfAPIChallengeCreate, use: CTFdAdminController.create)
    app.register(Site.ctfAPIChallengePatch, use: CTFdAdminController.patch)
    app.register(Site.ctfAPIFlags, use: CTFdAdminController.flags)
    app.register(Site.ctfAPIFlagCreate, use: CTFdAdminController.createFlag)
    app.register(Site.ctfAPITags, use: CTFdAdminController.tags)
    app.register(Site.ctfAPITagCreate, use: CTFdAdminController.createTag)
    app.register(Site.ctfAPIHints, use: CTFdAdminController.hints)
    app.register(Site.ctfAPIHintCreate, use: CTFdAdminController.createHint)
    app.register(Site.ctfAPIFiles, use: CTFdAdminController.files)
    app.register(Site.ctfAPIFileCreate, use: CTFdAdminController.createFiles)

    let players = app.guarded(.player)
    players.register(Site.ctfPlay, use: CTFPlayController.board)
    players.register(Site.ctfChallenge, use: CTFPlayController.challenge)
    players.register(Site.ctfSubmit, use: CTFPlayController.submit)
    players.register(Site.ctfHintUnlock, use: CTFPlayController.unlockHint)
    players.register(Site.ctfTeam, use: CTFPlayController.team)
    players.register(Site.ctfTokenCreate, use: CTFPlayController.createToken)
    players.register(Site.ctfShareWithdraw, use: CTFPlayController.withdrawSharing)

    let staff = app.guarded(.staff)
    staff.register(Site.ctfAdminIndex, use: CTFAdminController.index)
    staff.register(Site.ctfAdminCreate, use: CTFAdminController.create)
    staff.register(Site.ctfAdminFigures, use: CTFFiguresController.page)
    staff.register(Site.ctfAdminFiguresCSV, use: CTFFiguresController.csv)
    staff.register(Site.ctfAdminEdition, use: CTFAdminController.edition)
    staff.register(Site.ctfAdminEditionSave, use: CTFAdminController.save)
    staff.register(Site.ctfAdminStatus, use: CTFAdminController.move)
    staff.register(Site.ctfAdminSponsors, use: CTFSponsorController.save)
    staff.register(Site.ctfAdminChallengeNew, use: CTFChallengeAdminController.newForm)
    staff.register(Site.ctfAdminChallengeCreate, use: CTFChallengeAdminController.create)
    staff.register(Site.ctfAdminChallenge, use: CTFChallengeAdminController.edit)
    staff.register(Site.ctfAdminChallengeSave, use: CTFChallengeAdminController.save)
    staff.register(Site.ctfAdminFlagAdd, use: CTFChallengeAdminController.addFlag)
    staff.register(Site.ctfAdminHintAdd, use: CTFChallengeAdminController.addHint)
    staff.register(Site.ctfAdminFlagDelete, use: CTFChallengePartsController.deleteFlag)
    staff.register(Site.ctfAdminHintDelete, use: CTFChallengePartsController.deleteHint)
    staff.register(Site.ctfAdminFileAdd, use: CTFChallengePartsController.addFile)
    staff.register(Site.ctfAdminFileDelete, use: CTFChallengePartsController.deleteFile)
    staff.register(Site.ctfAdminImport, use: CTFImportController.submit)
    staff.register(Site.ctfAdminExport, use: CTFExportController.edition)
    staff.register(Site.ctfAdminChallengeYAML, use: CTFExportController.challenge)
    staff.register(Site.ctfAdminTeams, use: CTFTeamAdminController.index)
    staff.register(Site.ctfAdminTeamFlag, use: CTFTeamAdminController.setState)
    staff.register(Site.ctfAdminAward, use: CTFTeamAdminController.award)
    staff.register(Site.ctfAdminCheckIn, use: CTFTeamAdminController.checkIn)
    staff.register(Site.ctfAdminCheckInPlayer, use: CTFTeamAdminController.checkInPlayer)
    staff.register(Site.ctfAdminAttempts, use: CTFTeamAdminController.attempts)
    staff.register(Site.ctfAdminTeamsCSV, use: CTFTeamAdminController.teamsCSV)
    staff.register(Site.ctfAdminScoreboardCSV, use: CTFTeamAdminController.scoreboardCSV)
}

/// Open to everyone: the public site, the forms of the public, and the links sent by email.
private func publicRoutes(_ app: any RoutesBuilder) {
    // Operators and assets
    app.register(Site.healthCheck, use: HealthController.check)
    app.register(Site.assetsCss, use: Assets.css)
    app.register(Site.assetsJs, use: Assets.js)
    app.register(Site.sitemapSitemap, use: SitemapController.sitemap)
    app.register(Site.sitemapRobots, use: SitemapController.robots)

    // Home and accounts
    app.register(Site.homeIndex, use: PageCache.cached(HomeController.index))
    app.register(Site.loginForm, use: LoginController.form)
    app.register(Site.loginLogin, use: LoginController.login)
    app.register(Site.passwordResetRequestForm, use: PasswordResetController.requestForm)
    app.register(Site.passwordResetRequest, use: PasswordResetController.request)
    app.register(Site.passwordResetResetForm, use: PasswordResetController.resetForm)
    app.register(Site.passwordResetReset, use: PasswordResetController.reset)

    // Calendars (the secret is in the file name)
    app.register(Site.calendarPublicEvents, use: CalendarController.publicEvents)
    app.register(Site.calendarGroup, use: CalendarController.group)
    app.register(Site.calendarPersonal, use: CalendarController.personal)

    // Events
    app.register(Site.eventIndex, use: EventController.index)
    app.register(Site.eventShow, use: PageCache.cached(EventController.show))
    app.register(Site.eventRegister, use: EventController.register)
    app.register(Site.eventCancelForm, use: EventController.cancelForm)
    app.register(Site.eventCancelByToken, use: EventController.cancelByToken)

    // Directory, joining, jobs, candidates
    app.register(Site.directoryIndex, use: PageCache.cached(DirectoryController.index))
    app.register(Site.directoryExportCSV, use: DirectoryController.exportCSV)
    app.register(Site.directoryExportJSON, use: DirectoryController.exportJSON)
    app.register(Site.directoryShow, use: DirectoryController.show)
    app.register(Site.directoryReport, use: DirectoryController.report)
    app.register(Site.joinForm, use: JoinController.form)
    app.register(Site.joinSubmit, use: JoinController.submit)
    app.register(Site.joinThanks, use: JoinController.thanks)
    app.register(Site.jobIndex, use: PageCache.cached(JobController.index))
    app.register(Site.jobShow, use: JobController.show)
    app.register(Site.candidateForm, use: CandidateController.form)
    app.register(Site.candidateSubmit, use: CandidateController.submit)
    app.register(Site.candidateWithdrawForm, use: CandidateController.withdrawForm)
    app.register(Site.candidateWithdraw, use: CandidateController.withdraw)

    // News and newsletter
    app.register(Site.newsIndex, use: NewsController.index)
    app.register(Site.newsShow, use: NewsController.show)
    app.register(Site.subscriptionForm, use: SubscriptionController.form)
    app.register(Site.subscriptionSignUp, use: SubscriptionController.signUp)
    app.register(Site.subscriptionConfirm, use: SubscriptionController.confirm)
    app.register(Site.subscriptionUnsubscribeForm, use: SubscriptionController.unsubscribeForm)
    app.register(Site.subscriptionUnsubscribe, use: SubscriptionController.unsubscribe)

    // Programmes, Grande Collecte, reports, partners
    app.register(Site.programmeIndex, use: ProgrammeController.index)
    app.register(Site.programmeShow, use: ProgrammeController.show)
    app.register(Site.collecteIndex, use: CollecteController.index)
    app.register(Site.pledgePublicForm, use: PledgeController.publicForm)
    app.register(Site.pledgePublicSubmit, use: PledgeController.publicSubmit)
    app.register(Site.publishedReportIndex, use: PublishedReportController.index)
    app.register(Site.publishedReportHtml, use: PublishedReportController.html)
    app.register(Site.publishedReportPdf, use: PublishedReportController.pdf)
    app.register(Site.partnerIndex, use: PartnerController.index)
}

/// Any account; the handler decides on the object (a member contact's own company, a group
/// they lead, an item allocated to their refurbisher, their own offers and posts).
private func signedInRoutes(_ app: any RoutesBuilder) {
    app.register(Site.calendarSettings, use: CalendarController.settings)
    app.register(Site.calendarReset, use: CalendarController.reset)
    app.register(Site.privacyMine, use: PrivacyController.mine)
    app.register(Site.privacyDownload, use: PrivacyController.download)
    app.register(Site.privacyRequestErasure, use: PrivacyController.requestErasure)

    // A member company and its dues
    app.register(Site.memberShow, use: PageCache.cached(MemberController.show))
    app.register(Site.memberEditForm, use: MemberController.editForm)
    app.register(Site.memberUpdate, use: MemberController.update)
    app.register(Site.contactAdd, use: ContactController.add)
    app.register(Site.contactRemove, use: ContactController.remove)
    app.register(Site.dueShow, use: DueController.show)
    app.register(Site.duePrintCall, use: DueController.printCall)
    app.register(Site.duePrintReceipt, use: DueController.printReceipt)

    // Commissions and clubs, run by their leads
    app.register(Site.groupIndex, use: GroupController.index)
    app.register(Site.groupShow, use: PageCache.cached(GroupController.show))
    app.register(Site.groupFormEditForm, use: GroupFormController.editForm)
    app.register(Site.groupFormUpdate, use: GroupFormController.update)
    app.register(Site.groupAddMember, use: GroupController.addMember)
    app.register(Site.groupToggleMember, use: GroupController.toggleMember)
    app.register(Site.groupGenerate, use: GroupController.generate)
    app.register(Site.volunteerAddForGroup, use: VolunteerController.addForGroup)
    app.register(Site.clubRequestAsk, use: ClubRequestController.ask)
    app.register(Site.clubRequestAccept, use: ClubRequestController.accept)
    app.register(Site.clubRequestDecline, use: ClubRequestController.decline)
    app.register(Site.meetingCreate, use: MeetingController.create)
    app.register(Site.meetingShow, use: MeetingController.show)
    app.register(Site.meetingUpdate, use: MeetingController.update)
    app.register(Site.meetingAttendance, use: MeetingController.attendance)

    // The candidate pool: staff, and member contacts whose company is up to date with its dues
    app.register(Site.poolIndex, use: PoolController.index)
    app.register(Site.poolShow, use: PoolController.show)
    app.register(Site.poolCv, use: PoolController.cv)

    // Events, jobs, news written by members
    app.register(Site.eventUnregister, use: EventController.unregister)
    app.register(Site.jobNewForm, use: JobController.newForm)
    app.register(Site.jobCreate, use: JobController.create)
    app.register(Site.jobEditForm, use: JobController.editForm)
    app.register(Site.jobUpdate, use: JobController.update)
    app.register(Site.jobWithdraw, use: JobController.withdraw)
    app.register(Site.newsFormNewForm, use: NewsFormController.newForm)
    app.register(Site.newsFormCreate, use: NewsFormController.create)
    app.register(Site.newsFormEditForm, use: NewsFormController.editForm)
    app.register(Site.newsFormUpdate, use: NewsFormController.update)

    // Programme animators, Collecte donors, refurbishers and charities
    app.register(Site.programmeAnimator, use: ProgrammeController.animator)
    app.register(Site.certificateShow, use: CertificateController.show)
    app.register(Site.itemShow, use: ItemController.show)
    app.register(Site.itemMove, use: ItemController.move)
    app.register(Site.itemErasure, use: ItemController.erasure)
    app.register(Site.itemGrade, use: ItemController.grade)
}

/// The staff and the board: everything read, applications decided.
private func readerRoutes(_ app: any RoutesBuilder) {
    app.register(Site.homeDashboard, use: PageCache.cached(HomeController.dashboard))
    app.register(Site.memberListIndex, use: PageCache.cached(MemberListController.index))
    app.register(Site.memberListExportCSV, use: MemberListController.exportCSV)
    app.register(Site.duesDashboardIndex, use: DuesDashboardController.index)
    app.register(Site.duesDashboardExportCSV, use: DuesDashboardController.exportCSV)
    app.register(Site.feeScheduleIndex, use: FeeScheduleController.index)
    app.register(Site.governanceIndex, use: GovernanceController.index)
    app.register(Site.mandateHistory, use: MandateController.history)
    app.register(Site.volunteerIndex, use: VolunteerController.index)
    app.register(Site.volunteerExportCSV, use: VolunteerController.exportCSV)
    app.register(Site.assemblyShow, use: AssemblyController.show)
    app.register(Site.applicationsIndex, use: ApplicationsController.index)
    app.register(Site.applicationsShow, use: ApplicationsController.show)
    app.register(Site.applicationsApprove, use: ApplicationsController.approve)
    app.register(Site.applicationsDecline, use: ApplicationsController.decline)
    app.register(Site.charityIndex, use: CharityController.index)
    app.register(Site.pledgeShow, use: PledgeController.show)
    app.register(Site.collecteShow, use: CollecteController.show)
    app.register(Site.reportIndex, use: ReportController.index)
    app.register(Site.reportShow, use: ReportController.show)
    app.register(Site.reportPreview, use: ReportController.preview)
}

/// The cluster's permanent staff.
private func staffRoutes(_ app: any RoutesBuilder) {
    // Accounts and the organisation
    app.register(Site.apiTokenIndex, use: APITokenController.index)
    app.register(Site.apiTokenCreate, use: APITokenController.create)
    app.register(Site.apiTokenRevoke, use: APITokenController.revoke)
    app.register(Site.accountsIndex, use: AccountsController.index)
    app.register(Site.accountsCreate, use: AccountsController.create)
    app.register(Site.accountsDeactivate, use: AccountsController.deactivate)
    app.register(Site.accountsReactivate, use: AccountsController.reactivate)
    app.register(Site.accountsSendLink, use: AccountsController.sendLink)
    app.register(Site.organisationEdit, use: OrganisationController.edit)
    app.register(Site.organisationSave, use: OrganisationController.save)

    // Members
    app.register(Site.memberImportForm, use: MemberImportController.form)
    app.register(Site.memberImportSubmit, use: MemberImportController.submit)
    app.register(Site.memberNewForm, use: MemberController.newForm)
    app.register(Site.memberCreate, use: MemberController.create)
    app.register(Site.membershipResignForm, use: MembershipController.resignForm)
    app.register(Site.membershipResign, use: MembershipController.resign)
    app.register(Site.membershipSave, use: MembershipController.save)
    app.register(Site.contactGrantAccess, use: ContactController.grantAccess)
    app.register(Site.domainIndex, use: DomainController.index)
    app.register(Site.domainCreate, use: DomainController.create)
    app.register(Site.domainRename, use: DomainController.rename)
    app.register(Site.domainDelete, use: DomainController.delete)

    // Dues
    app.register(Site.duesDashboardCall, use: DuesDashboardController.call)
    app.register(Site.feeScheduleEdit, use: FeeScheduleController.edit)
    app.register(Site.feeScheduleSave, use: FeeScheduleController.save)
    app.register(Site.reminderIndex, use: ReminderController.index)
    app.register(Site.reminderSend, use: ReminderController.send)
    app.register(Site.duePay, use: DueController.pay)
    app.register(Site.dueAdjust, use: DueController.adjust)
    app.register(Site.dueCancelPayment, use: DueController.cancelPayment)
    app.register(Site.paymentSettingsEdit, use: PaymentSettingsController.edit)
    app.register(Site.paymentSettingsSave, use: PaymentSettingsController.save)
    app.register(Site.statementForm, use: StatementImportController.form)
    app.register(Site.statementPreview, use: StatementImportController.preview)
    app.register(Site.statementRecord, use: StatementImportController.record)
    app.register(Site.statementMappingSave, use: StatementImportController.saveMapping)

    // Governance, groups, volunteer hours, meetings
    app.register(Site.mandateCreate, use: MandateController.create)
    app.register(Site.mandateEnd, use: MandateController.end)
    app.register(Site.groupFormNewForm, use: GroupFormController.newForm)
    app.register(Site.groupFormCreate, use: GroupFormController.create)
    app.register(Site.volunteerAdd, use: VolunteerController.add)

    // Events and assemblies
    app.register(Site.eventNewForm, use: EventController.newForm)
    app.register(Site.eventCreate, use: EventController.create)
    app.register(Site.eventUpdate, use: EventController.update)
    app.register(Site.eventEditForm, use: EventController.editForm)
    app.register(Site.eventCheckInList, use: CheckInController.list)
    app.register(Site.eventCheckIn, use: EventController.checkIn)
    app.register(Site.eventCheckInAdd, use: CheckInController.addOnSite)
    app.register(Site.assemblySettings, use: AssemblyController.settings)
    app.register(Site.assemblyConvene, use: AssemblyController.convene)
    app.register(Site.assemblyAttendance, use: AssemblyController.attendance)
    app.register(Site.assemblyResolution, use: AssemblyController.resolution)

    // Directory, jobs, news, newsletters, personal data
    app.register(Site.directoryAdminIndex, use: DirectoryAdminController.index)
    app.register(Site.directoryAdminVerify, use: DirectoryAdminController.verify)
    app.register(Site.directoryAdminDecide, use: DirectoryAdminController.decide)
    app.register(Site.jobModerate, use: JobController.moderate)
    app.register(Site.newsManage, use: NewsController.manage)
    app.register(Site.newsFormModerate, use: NewsFormController.moderate)
    app.register(Site.newsletterIndex, use: NewsletterController.index)
    app.register(Site.newsletterNewForm, use: NewsletterController.newForm)
    app.register(Site.newsletterCreate, use: NewsletterController.create)
    app.register(Site.newsletterShow, use: NewsletterController.show)
    app.register(Site.newsletterEditForm, use: NewsletterController.editForm)
    app.register(Site.newsletterUpdate, use: NewsletterController.update)
    app.register(Site.newsletterTest, use: NewsletterController.test)
    app.register(Site.newsletterSend, use: NewsletterController.send)
    app.register(Site.privacyQueue, use: PrivacyController.queue)
    app.register(Site.privacyErase, use: PrivacyController.erase)
    app.register(Site.privacyReject, use: PrivacyController.reject)

    // Programmes
    app.register(Site.programmeFormNewForm, use: ProgrammeFormController.newForm)
    app.register(Site.programmeFormCreate, use: ProgrammeFormController.save)
    app.register(Site.programmeFormEditForm, use: ProgrammeFormController.editForm)
    app.register(Site.programmeFormUpdate, use: ProgrammeFormController.save)
    app.register(Site.indicatorCreate, use: IndicatorController.create)
    app.register(Site.indicatorAddValue, use: IndicatorController.addValue)
    app.register(Site.actionNewForm, use: ActionController.newForm)
    app.register(Site.actionCreate, use: ActionController.save)
    app.register(Site.actionEditForm, use: ActionController.editForm)
    app.register(Site.actionUpdate, use: ActionController.save)
    app.register(Site.actionDelete, use: ActionController.delete)
    app.register(Site.actionImportForm, use: ActionController.importForm)
    app.register(Site.actionImportSubmit, use: ActionController.importSubmit)

    // Grande Collecte
    app.register(Site.collecteCreate, use: CollecteController.create)
    app.register(Site.charityCreate, use: CharityController.create)
    app.register(Site.pledgePlanPickup, use: PledgeController.planPickup)
    app.register(Site.pledgeCollect, use: PledgeController.collect)
    app.register(Site.itemAssign, use: ItemController.assign)
    app.register(Site.pledgeStaffForm, use: PledgeController.staffForm)
    app.register(Site.pledgeStaffSubmit, use: PledgeController.staffSubmit)

    // Annual report, partners, outbox
    app.register(Site.reportStartPDF, use: ReportController.startPDF)
    app.register(Site.reportStartFreeze, use: ReportController.startFreeze)
    app.register(Site.reportUnfreeze, use: ReportController.unfreeze)
    app.register(Site.reportTextEdit, use: ReportTextController.edit)
    app.register(Site.reportTextSave, use: ReportTextController.save)
    app.register(Site.communicationSave, use: CommunicationController.save)
    app.register(Site.communicationDelete, use: CommunicationController.delete)
    app.register(Site.reportJobShow, use: ReportJobController.show)
    app.register(Site.reportJobPdf, use: ReportJobController.pdf)
    app.register(Site.partnerCreate, use: PartnerController.create)
    app.register(Site.partnerDelete, use: PartnerController.delete)
    app.register(Site.outboxIndex, use: OutboxController.index)
    app.register(Site.outboxRetry, use: OutboxController.retry)
    app.register(Site.outboxShow, use: OutboxController.show)
}
