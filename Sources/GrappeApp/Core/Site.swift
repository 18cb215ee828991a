import Vapor

/// Every route of Grappe, by the handler that answers it (`routes.swift` registers each one
/// under its guard). Build links from these: `Site.memberShow.path(company)`.
enum Site {
    /// The JSON API's addresses (bearer tokens, JSON errors, no CSRF).
    static func isAPI(_ path: String) -> Bool { path.hasPrefix("/api/") }

    static let memberMine = SiteRoute(.GET, "mon-entreprise")
    static let portalRefurbisher = SiteRoute(.GET, "collecte", "reconditionneur")
    static let portalCharity = SiteRoute(.GET, "collecte", "association")
    static let apiMembers = SiteRoute(.GET, "api", "v1", "members")
    static let apiMember = SiteRoute(.GET, "api", "v1", "members", ":companyID")
    static let apiDues = SiteRoute(.GET, "api", "v1", "dues")
    static let apiDue = SiteRoute(.GET, "api", "v1", "dues", ":dueID")
    static let healthCheck = SiteRoute(.GET, "healthz")
    static let assetsCss = SiteRoute(.GET, "assets", "grappe.css")
    static let assetsJs = SiteRoute(.GET, "assets", "grappe.js")
    static let sitemapSitemap = SiteRoute(.GET, "sitemap.xml")
    static let sitemapRobots = SiteRoute(.GET, "robots.txt")
    static let homeIndex = SiteRoute(.GET)
    static let loginForm = SiteRoute(.GET, "connexion")
    static let loginLogin = SiteRoute(.POST, "connexion")
    static let passwordResetRequestForm = SiteRoute(.GET, "mot-de-passe-oublie")
    static let passwordResetRequest = SiteRoute(.POST, "mot-de-passe-oublie")
    static let passwordResetResetForm = SiteRoute(.GET, "reinitialisation", ":token")
    static let passwordResetReset = SiteRoute(.POST, "reinitialisation", ":token")
    static let calendarPublicEvents = SiteRoute(.GET, "agenda", "evenements.ics")
    static let calendarGroup = SiteRoute(.GET, "agenda", "groupes", ":file")
    static let calendarPersonal = SiteRoute(.GET, "agenda", "personnel", ":file")
    static let eventIndex = SiteRoute(.GET, "evenements")
    static let eventShow = SiteRoute(.GET, "evenements", ":eventID")
    static let eventRegister = SiteRoute(.POST, "evenements", ":eventID", "inscription")
    static let eventCancelForm = SiteRoute(.GET, "inscriptions", ":token", "annuler")
    static let eventCancelByToken = SiteRoute(.POST, "inscriptions", ":token", "annuler")
    static let directoryIndex = SiteRoute(.GET, "annuaire")
    static let directoryExportCSV = SiteRoute(.GET, "annuaire", "export.csv")
    static let directoryExportJSON = SiteRoute(.GET, "annuaire", "export.json")
    static let directoryShow = SiteRoute(.GET, "annuaire", ":slug")
    static let directoryReport = SiteRoute(.POST, "annuaire", ":slug", "signalement")
    static let joinForm = SiteRoute(.GET, "adhesion")
    static let joinSubmit = SiteRoute(.POST, "adhesion")
    static let joinThanks = SiteRoute(.GET, "adhesion", "merci")
    static let jobIndex = SiteRoute(.GET, "emplois")
    static let jobShow = SiteRoute(.GET, "emplois", ":offerID")
    static let candidateForm = SiteRoute(.GET, "candidatures")
    static let candidateSubmit = SiteRoute(.POST, "candidatures", bodyLimit: 6 * 1024 * 1024)
    static let candidateWithdrawForm = SiteRoute(.GET, "candidatures", "retrait", ":token")
    static let candidateWithdraw = SiteRoute(.POST, "candidatures", "retrait", ":token")
    static let newsIndex = SiteRoute(.GET, "actualites")
    static let newsShow = SiteRoute(.GET, "actualites", ":slug")
    static let subscriptionForm = SiteRoute(.GET, "lettre")
    static let subscriptionSignUp = SiteRoute(.POST, "lettre")
    static let subscriptionConfirm = SiteRoute(.GET, "lettre", "confirmation", ":token")
    static let subscriptionUnsubscribeForm = SiteRoute(.GET, "lettre", "desabonnement", ":token")
    static let subscriptionUnsubscribe = SiteRoute(.POST, "lettre", "desabonnement", ":token", csrf: .tokenInPath)
    static let programmeIndex = SiteRoute(.GET, "programmes")
    static let programmeShow = SiteRoute(.GET, "programmes", ":slug")
    static let collecteIndex = SiteRoute(.GET, "collecte")
    static let pledgePublicForm = SiteRoute(.GET, "collecte", "don")
    static let pledgePublicSubmit = SiteRoute(.POST, "collecte", "don")
    static let publishedReportIndex = SiteRoute(.GET, "rapports")
    static let publishedReportHtml = SiteRoute(.GET, "rapports", ":year")
    static let publishedReportPdf = SiteRoute(.GET, "rapports", ":year", "pdf")
    static let partnerIndex = SiteRoute(.GET, "partenaires")
    static let loginLogout = SiteRoute(.POST, "deconnexion")
    static let calendarSettings = SiteRoute(.GET, "compte", "agenda")
    static let calendarReset = SiteRoute(.POST, "compte", "agenda", "renouveler")
    static let privacyMine = SiteRoute(.GET, "compte", "donnees")
    static let privacyDownload = SiteRoute(.GET, "compte", "donnees.json")
    static let privacyRequestErasure = SiteRoute(.POST, "compte", "donnees", "effacement")
    static let memberShow = SiteRoute(.GET, "adherents", ":companyID")
    static let memberEditForm = SiteRoute(.GET, "adherents", ":companyID", "modifier")
    static let memberUpdate = SiteRoute(.POST, "adherents", ":companyID", "modifier")
    static let contactAdd = SiteRoute(.POST, "adherents", ":companyID", "contacts")
    static let contactRemove = SiteRoute(.POST, "adherents", ":companyID", "contacts", ":personID", "retirer")
    static let dueShow = SiteRoute(.GET, "cotisations", ":dueID")
    static let duePrintCall = SiteRoute(.GET, "cotisations", ":dueID", "appel")
    static let duePrintReceipt = SiteRoute(.GET, "cotisations", ":dueID", "recu")
    static let groupIndex = SiteRoute(.GET, "groupes")
    static let groupShow = SiteRoute(.GET, "groupes", ":slug")
    static let groupFormEditForm = SiteRoute(.GET, "groupes", ":slug", "modifier")
    static let groupFormUpdate = SiteRoute(.POST, "groupes", ":slug", "modifier")
    static let groupAddMember = SiteRoute(.POST, "groupes", ":slug", "membres")
    static let groupToggleMember = SiteRoute(.POST, "groupes", ":slug", "membres", ":personID", "actif")
    static let groupGenerate = SiteRoute(.POST, "groupes", ":slug", "planifier")
    static let volunteerAddForGroup = SiteRoute(.POST, "groupes", ":slug", "benevolat")
    static let clubRequestAsk = SiteRoute(.POST, "groupes", ":slug", "rejoindre")
    static let clubRequestAccept = SiteRoute(.POST, "groupes", ":slug", "demandes", ":personID", "accepter")
    static let clubRequestDecline = SiteRoute(.POST, "groupes", ":slug", "demandes", ":personID", "refuser")
    static let meetingCreate = SiteRoute(.POST, "reunions")
    static let meetingShow = SiteRoute(.GET, "reunions", ":meetingID")
    static let meetingUpdate = SiteRoute(.POST, "reunions", ":meetingID")
    static let meetingAttendance = SiteRoute(.POST, "reunions", ":meetingID", "presences")
    static let poolIndex = SiteRoute(.GET, "vivier")
    static let poolShow = SiteRoute(.GET, "vivier", ":candidateID")
    static let poolCv = SiteRoute(.GET, "vivier", ":candidateID", "cv.pdf")
    static let eventUnregister = SiteRoute(.POST, "evenements", ":eventID", "desinscription")
    static let jobNewForm = SiteRoute(.GET, "emplois", "nouvelle")
    static let jobCreate = SiteRoute(.POST, "emplois", "nouvelle")
    static let jobEditForm = SiteRoute(.GET, "emplois", ":offerID", "modifier")
    static let jobUpdate = SiteRoute(.POST, "emplois", ":offerID", "modifier")
    static let jobWithdraw = SiteRoute(.POST, "emplois", ":offerID", "retirer")
    static let newsFormNewForm = SiteRoute(.GET, "actualites", "nouvelle")
    static let newsFormCreate = SiteRoute(.POST, "actualites", "nouvelle")
    static let newsFormEditForm = SiteRoute(.GET, "actualites", ":slug", "modifier")
    static let newsFormUpdate = SiteRoute(.POST, "actualites", ":slug", "modifier")
    static let programmeAnimator = SiteRoute(.GET, "programmes", ":slug", "animateurs", ":companyID")
    static let certificateShow = SiteRoute(.GET, "collecte", "promesses", ":pledgeID", "certificat")
    static let itemShow = SiteRoute(.GET, "collecte", "objets", ":itemID")
    static let itemMove = SiteRoute(.POST, "collecte", "objets", ":itemID", "etat")
    static let itemErasure = SiteRoute(.POST, "collecte", "objets", ":itemID", "effacement")
    static let itemGrade = SiteRoute(.POST, "collecte", "objets", ":itemID", "classement")
    static let homeDashboard = SiteRoute(.GET, "tableau-de-bord")
    static let memberListIndex = SiteRoute(.GET, "adherents")
    static let memberListExportCSV = SiteRoute(.GET, "adherents", "export.csv")
    static let duesDashboardIndex = SiteRoute(.GET, "cotisations")
    static let duesDashboardExportCSV = SiteRoute(.GET, "cotisations", "export.csv")
    static let feeScheduleIndex = SiteRoute(.GET, "cotisations", "baremes")
    static let governanceIndex = SiteRoute(.GET, "gouvernance")
    static let mandateHistory = SiteRoute(.GET, "gouvernance", "mandats")
    static let volunteerIndex = SiteRoute(.GET, "benevolat")
    static let volunteerExportCSV = SiteRoute(.GET, "benevolat", "export.csv")
    static let assemblyShow = SiteRoute(.GET, "evenements", ":eventID", "assemblee")
    static let applicationsIndex = SiteRoute(.GET, "adhesions")
    static let applicationsShow = SiteRoute(.GET, "adhesions", ":applicationID")
    static let applicationsApprove = SiteRoute(.POST, "adhesions", ":applicationID", "accepter")
    static let applicationsDecline = SiteRoute(.POST, "adhesions", ":applicationID", "refuser")
    static let charityIndex = SiteRoute(.GET, "collecte", "associations")
    static let pledgeShow = SiteRoute(.GET, "collecte", "promesses", ":pledgeID")
    static let collecteShow = SiteRoute(.GET, "collecte", ":year")
    static let reportIndex = SiteRoute(.GET, "rapport")
    static let reportShow = SiteRoute(.GET, "rapport", ":year")
    static let reportPreview = SiteRoute(.GET, "rapport", ":year", "apercu")
    static let apiTokenIndex = SiteRoute(.GET, "compte", "jetons")
    static let apiTokenCreate = SiteRoute(.POST, "compte", "jetons")
    static let apiTokenRevoke = SiteRoute(.POST, "compte", "jetons", ":tokenID", "revoquer")
    static let accountsIndex = SiteRoute(.GET, "comptes")
    static let accountsCreate = SiteRoute(.POST, "comptes")
    static let accountsDeactivate = SiteRoute(.POST, "comptes", ":userID", "desactiver")
    static let accountsReactivate = SiteRoute(.POST, "comptes", ":userID", "reactiver")
    static let accountsSendLink = SiteRoute(.POST, "comptes", ":userID", "lien")
    static let organisationEdit = SiteRoute(.GET, "organisation")
    static let organisationSave = SiteRoute(.POST, "organisation")
    static let memberImportForm = SiteRoute(.GET, "adherents", "import")
    static let memberImportSubmit = SiteRoute(.POST, "adherents", "import", bodyLimit: 3 * 1024 * 1024)
    static let memberNewForm = SiteRoute(.GET, "adherents", "nouveau")
    static let memberCreate = SiteRoute(.POST, "adherents", "nouveau")
    static let membershipResignForm = SiteRoute(.GET, "adherents", ":companyID", "demission")
    static let membershipResign = SiteRoute(.POST, "adherents", ":companyID", "demission")
    static let membershipSave = SiteRoute(.POST, "adherents", ":companyID", "adhesions")
    static let contactGrantAccess = SiteRoute(.POST, "adherents", ":companyID", "contacts", ":personID", "acces")
    static let domainIndex = SiteRoute(.GET, "domaines")
    static let domainCreate = SiteRoute(.POST, "domaines")
    static let domainRename = SiteRoute(.POST, "domaines", ":domainID")
    static let domainDelete = SiteRoute(.POST, "domaines", ":domainID", "supprimer")
    static let duesDashboardCall = SiteRoute(.POST, "cotisations", "appel")
    static let feeScheduleEdit = SiteRoute(.GET, "cotisations", "baremes", ":year")
    static let feeScheduleSave = SiteRoute(.POST, "cotisations", "baremes", ":year")
    static let reminderIndex = SiteRoute(.GET, "cotisations", "relances")
    static let reminderSend = SiteRoute(.POST, "cotisations", "relances")
    static let duePay = SiteRoute(.POST, "cotisations", ":dueID", "paiements")
    static let dueAdjust = SiteRoute(.POST, "cotisations", ":dueID", "ajuster")
    static let dueCancelPayment = SiteRoute(.POST, "cotisations", ":dueID", "paiements", ":paymentID", "annuler")
    static let mandateCreate = SiteRoute(.POST, "gouvernance", "mandats")
    static let mandateEnd = SiteRoute(.POST, "gouvernance", "mandats", ":mandateID", "terminer")
    static let groupFormNewForm = SiteRoute(.GET, "groupes", "nouveau")
    static let groupFormCreate = SiteRoute(.POST, "groupes")
    static let volunteerAdd = SiteRoute(.POST, "benevolat")
    static let eventNewForm = SiteRoute(.GET, "evenements", "nouveau")
    static let eventCreate = SiteRoute(.POST, "evenements")
    static let eventUpdate = SiteRoute(.POST, "evenements", ":eventID")
    static let eventEditForm = SiteRoute(.GET, "evenements", ":eventID", "modifier")
    static let eventCheckInList = SiteRoute(.GET, "evenements", ":eventID", "accueil")
    static let eventCheckIn = SiteRoute(.POST, "evenements", ":eventID", "accueil", ":registrationID")
    static let assemblySettings = SiteRoute(.POST, "evenements", ":eventID", "assemblee")
    static let assemblyConvene = SiteRoute(.POST, "evenements", ":eventID", "assemblee", "convocation")
    static let assemblyAttendance = SiteRoute(.POST, "evenements", ":eventID", "assemblee", "presences")
    static let assemblyResolution = SiteRoute(.POST, "evenements", ":eventID", "assemblee", "resolutions")
    static let directoryAdminIndex = SiteRoute(.GET, "annuaire", "gestion")
    static let directoryAdminVerify = SiteRoute(.POST, "annuaire", "gestion", ":companyID", "verifier")
    static let directoryAdminDecide = SiteRoute(.POST, "annuaire", "demandes", ":requestID")
    static let jobModerate = SiteRoute(.POST, "emplois", ":offerID", "moderer")
    static let newsManage = SiteRoute(.GET, "actualites", "gestion")
    static let newsFormModerate = SiteRoute(.POST, "actualites", ":slug", "moderer")
    static let newsletterIndex = SiteRoute(.GET, "lettres")
    static let newsletterNewForm = SiteRoute(.GET, "lettres", "nouvelle")
    static let newsletterCreate = SiteRoute(.POST, "lettres", "nouvelle")
    static let newsletterShow = SiteRoute(.GET, "lettres", ":newsletterID")
    static let newsletterEditForm = SiteRoute(.GET, "lettres", ":newsletterID", "modifier")
    static let newsletterUpdate = SiteRoute(.POST, "lettres", ":newsletterID", "modifier")
    static let newsletterTest = SiteRoute(.POST, "lettres", ":newsletterID", "test")
    static let newsletterSend = SiteRoute(.POST, "lettres", ":newsletterID", "envoyer")
    static let privacyQueue = SiteRoute(.GET, "donnees-personnelles")
    static let privacyErase = SiteRoute(.POST, "donnees-personnelles", ":requestID", "effacer")
    static let privacyReject = SiteRoute(.POST, "donnees-personnelles", ":requestID", "refuser")
    static let programmeFormNewForm = SiteRoute(.GET, "programmes", "nouveau")
    static let programmeFormCreate = SiteRoute(.POST, "programmes", "nouveau")
    static let programmeFormEditForm = SiteRoute(.GET, "programmes", ":slug", "modifier")
    static let programmeFormUpdate = SiteRoute(.POST, "programmes", ":slug", "modifier")
    static let indicatorCreate = SiteRoute(.POST, "programmes", ":slug", "indicateurs")
    static let indicatorAddValue = SiteRoute(.POST, "programmes", ":slug", "indicateurs", ":indicatorID", "valeurs")
    static let actionNewForm = SiteRoute(.GET, "programmes", ":slug", "actions", "nouvelle")
    static let actionCreate = SiteRoute(.POST, "programmes", ":slug", "actions", "nouvelle")
    static let actionEditForm = SiteRoute(.GET, "programmes", ":slug", "actions", ":actionID")
    static let actionUpdate = SiteRoute(.POST, "programmes", ":slug", "actions", ":actionID")
    static let actionDelete = SiteRoute(.POST, "programmes", ":slug", "actions", ":actionID", "supprimer")
    static let actionImportForm = SiteRoute(.GET, "programmes", ":slug", "import")
    static let actionImportSubmit = SiteRoute(.POST, "programmes", ":slug", "import", bodyLimit: 3 * 1024 * 1024)
    static let collecteCreate = SiteRoute(.POST, "collecte")
    static let charityCreate = SiteRoute(.POST, "collecte", "associations")
    static let pledgePlanPickup = SiteRoute(.POST, "collecte", "promesses", ":pledgeID", "enlevement")
    static let pledgeCollect = SiteRoute(.POST, "collecte", "promesses", ":pledgeID", "collecte")
    static let itemAssign = SiteRoute(.POST, "collecte", "objets", ":itemID", "affectation")
    static let pledgeStaffForm = SiteRoute(.GET, "collecte", ":year", "promesses", "nouvelle")
    static let pledgeStaffSubmit = SiteRoute(.POST, "collecte", ":year", "promesses", "nouvelle")
    static let reportStartPDF = SiteRoute(.POST, "rapport", ":year", "pdf")
    static let reportStartFreeze = SiteRoute(.POST, "rapport", ":year", "figer")
    static let reportUnfreeze = SiteRoute(.POST, "rapport", ":year", "defiger")
    static let reportTextEdit = SiteRoute(.GET, "rapport", ":year", "textes", ":kind")
    static let reportTextSave = SiteRoute(.POST, "rapport", ":year", "textes", ":kind")
    static let communicationSave = SiteRoute(.POST, "rapport", ":year", "communication")
    static let communicationDelete = SiteRoute(.POST, "rapport", ":year", "communication", ":figureID", "supprimer")
    static let reportJobShow = SiteRoute(.GET, "rapport", "travaux", ":jobID")
    static let reportJobPdf = SiteRoute(.GET, "rapport", "travaux", ":jobID", "pdf")
    static let partnerCreate = SiteRoute(.POST, "partenaires")
    static let partnerDelete = SiteRoute(.POST, "partenaires", ":partnerID", "supprimer")
    static let outboxIndex = SiteRoute(.GET, "courriels")
    static let outboxRetry = SiteRoute(.POST, "courriels", ":messageID", "relancer")

    /// Every route above, for the checks that run before routing (body limits, CSRF) and for
    /// the test that each is registered.
    static let all: [SiteRoute] = [
        memberMine, portalRefurbisher, portalCharity, apiMembers,
        apiMember, apiDues, apiDue, healthCheck,
        assetsCss, assetsJs, sitemapSitemap, sitemapRobots,
        homeIndex, loginForm, loginLogin, passwordResetRequestForm,
        passwordResetRequest, passwordResetResetForm, passwordResetReset, calendarPublicEvents,
        calendarGroup, calendarPersonal, eventIndex, eventShow,
        eventRegister, eventCancelForm, eventCancelByToken, directoryIndex,
        directoryExportCSV, directoryExportJSON, directoryShow, directoryReport,
        joinForm, joinSubmit, joinThanks, jobIndex,
        jobShow, candidateForm, candidateSubmit, candidateWithdrawForm,
        candidateWithdraw, newsIndex, newsShow, subscriptionForm,
        subscriptionSignUp, subscriptionConfirm, subscriptionUnsubscribeForm, subscriptionUnsubscribe,
        programmeIndex, programmeShow, collecteIndex, pledgePublicForm,
        pledgePublicSubmit, publishedReportIndex, publishedReportHtml, publishedReportPdf,
        partnerIndex, loginLogout, calendarSettings, calendarReset,
        privacyMine, privacyDownload, privacyRequestErasure, memberShow,
        memberEditForm, memberUpdate, contactAdd, contactRemove,
        dueShow, duePrintCall, duePrintReceipt, groupIndex,
        groupShow, groupFormEditForm, groupFormUpdate, groupAddMember,
        groupToggleMember, groupGenerate, volunteerAddForGroup, clubRequestAsk,
        clubRequestAccept, clubRequestDecline, meetingCreate, meetingShow,
        meetingUpdate, meetingAttendance, poolIndex, poolShow,
        poolCv, eventUnregister, jobNewForm, jobCreate,
        jobEditForm, jobUpdate, jobWithdraw, newsFormNewForm,
        newsFormCreate, newsFormEditForm, newsFormUpdate, programmeAnimator,
        certificateShow, itemShow, itemMove, itemErasure,
        itemGrade, homeDashboard, memberListIndex, memberListExportCSV,
        duesDashboardIndex, duesDashboardExportCSV, feeScheduleIndex, governanceIndex,
        mandateHistory, volunteerIndex, volunteerExportCSV, assemblyShow,
        applicationsIndex, applicationsShow, applicationsApprove, applicationsDecline,
        charityIndex, pledgeShow, collecteShow, reportIndex,
        reportShow, reportPreview, apiTokenIndex, apiTokenCreate,
        apiTokenRevoke, accountsIndex, accountsCreate, accountsDeactivate,
        accountsReactivate, accountsSendLink, organisationEdit, organisationSave,
        memberImportForm, memberImportSubmit, memberNewForm, memberCreate,
        membershipResignForm, membershipResign, membershipSave, contactGrantAccess,
        domainIndex, domainCreate, domainRename, domainDelete,
        duesDashboardCall, feeScheduleEdit, feeScheduleSave, reminderIndex,
        reminderSend, duePay, dueAdjust, dueCancelPayment,
        mandateCreate, mandateEnd, groupFormNewForm, groupFormCreate,
        volunteerAdd, eventNewForm, eventCreate, eventUpdate,
        eventEditForm, eventCheckInList, eventCheckIn, assemblySettings,
        assemblyConvene, assemblyAttendance, assemblyResolution, directoryAdminIndex,
        directoryAdminVerify, directoryAdminDecide, jobModerate, newsManage,
        newsFormModerate, newsletterIndex, newsletterNewForm, newsletterCreate,
        newsletterShow, newsletterEditForm, newsletterUpdate, newsletterTest,
        newsletterSend, privacyQueue, privacyErase, privacyReject,
        programmeFormNewForm, programmeFormCreate, programmeFormEditForm, programmeFormUpdate,
        indicatorCreate, indicatorAddValue, actionNewForm, actionCreate,
        actionEditForm, actionUpdate, actionDelete, actionImportForm,
        actionImportSubmit, collecteCreate, charityCreate, pledgePlanPickup,
        pledgeCollect, itemAssign, pledgeStaffForm, pledgeStaffSubmit,
        reportStartPDF, reportStartFreeze, reportUnfreeze, reportTextEdit,
        reportTextSave, communicationSave, communicationDelete, reportJobShow,
        reportJobPdf, partnerCreate, partnerDelete, outboxIndex,
        outboxRetry,
    ] + hackagou + diagnostics + renewal + payments + everyday
}
