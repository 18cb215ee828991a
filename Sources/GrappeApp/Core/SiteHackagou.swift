import Vapor

/// The routes of Hackagou, the CTF: its public pages, the players' pages, the staff's, and the
/// CTFd-compatible API under `/api/v1` (the paths CTFd's clients and ctfcli call).
extension Site {
    // Public
    static let ctfIndex = SiteRoute(.GET, "hackagou")
    static let ctfEdition = SiteRoute(.GET, "hackagou", ":year")
    static let ctfRegisterForm = SiteRoute(.GET, "hackagou", ":year", "inscription")
    static let ctfRegister = SiteRoute(.POST, "hackagou", ":year", "inscription")
    static let ctfScoreboard = SiteRoute(.GET, "hackagou", ":year", "classement")
    static let ctfScreen = SiteRoute(.GET, "hackagou", ":year", "ecran")
    static let ctfCTFtime = SiteRoute(.GET, "hackagou", ":year", "ctftime.json")

    // Players
    static let ctfPlay = SiteRoute(.GET, "jeu")
    static let ctfChallenge = SiteRoute(.GET, "jeu", "defis", ":challengeID")
    static let ctfSubmit = SiteRoute(.POST, "jeu", "defis", ":challengeID")
    static let ctfHintUnlock = SiteRoute(.POST, "jeu", "indices", ":hintID")
    static let ctfTeam = SiteRoute(.GET, "jeu", "equipe")
    static let ctfTokenCreate = SiteRoute(.POST, "jeu", "jeton")
    static let ctfShareWithdraw = SiteRoute(.POST, "jeu", "partage", "retrait")

    // Staff
    static let ctfAdminIndex = SiteRoute(.GET, "admin", "hackagou")
    static let ctfAdminCreate = SiteRoute(.POST, "admin", "hackagou")
    static let ctfAdminFigures = SiteRoute(.GET, "admin", "hackagou", "chiffres")
    static let ctfAdminFiguresCSV = SiteRoute(.GET, "admin", "hackagou", "chiffres.csv")
    static let ctfAdminEdition = SiteRoute(.GET, "admin", "hackagou", ":year")
    static let ctfAdminEditionSave = SiteRoute(.POST, "admin", "hackagou", ":year")
    static let ctfAdminStatus = SiteRoute(.POST, "admin", "hackagou", ":year", "statut")
    static let ctfAdminSponsors = SiteRoute(.POST, "admin", "hackagou", ":year", "partenaires")
    static let ctfAdminChallengeNew = SiteRoute(.GET, "admin", "hackagou", ":year", "defis", "nouveau")
    static let ctfAdminChallengeCreate = SiteRoute(.POST, "admin", "hackagou", ":year", "defis")
    static let ctfAdminChallenge = SiteRoute(.GET, "admin", "hackagou", ":year", "defis", ":challengeID")
    static let ctfAdminChallengeSave = SiteRoute(.POST, "admin", "hackagou", ":year", "defis", ":challengeID")
    static let ctfAdminFlagAdd = SiteRoute(.POST, "admin", "hackagou", ":year", "defis", ":challengeID", "flags")
    static let ctfAdminHintAdd = SiteRoute(.POST, "admin", "hackagou", ":year", "defis", ":challengeID", "indices")
    static let ctfAdminFlagDelete = SiteRoute(.POST, "admin", "hackagou", ":year", "defis", ":challengeID", "flags", ":flagID", "supprimer")
    static let ctfAdminHintDelete = SiteRoute(.POST, "admin", "hackagou", ":year", "defis", ":challengeID", "indices", ":hintID", "supprimer")
    /// Room above the attachment limit, so that a file a little too big gets the page's message, not a 413.
    static let ctfAdminFileAdd = SiteRoute(.POST, "admin", "hackagou", ":year", "defis", ":challengeID", "fichiers", bodyLimit: CTFFile.maxBytes + 1024 * 1024)
    static let ctfAdminFileDelete = SiteRoute(.POST, "admin", "hackagou", ":year", "defis", ":challengeID", "fichiers", ":fileID", "supprimer")
    /// The upload, or at confirmation the same upload in base64 (a third bigger).
    static let ctfAdminImport = SiteRoute(.POST, "admin", "hackagou", ":year", "import", bodyLimit: CTFChallengeBundle.maxUploadBytes / 3 * 4 + 1024 * 1024)
    static let ctfAdminExport = SiteRoute(.GET, "admin", "hackagou", ":year", "defis.zip")
    static let ctfAdminChallengeYAML = SiteRoute(.GET, "admin", "hackagou", ":year", "defis", ":challengeID", "challenge.yml")
    static let ctfAdminTeams = SiteRoute(.GET, "admin", "hackagou", ":year", "equipes")
    static let ctfAdminTeamFlag = SiteRoute(.POST, "admin", "hackagou", ":year", "equipes", ":teamID", "etat")
    static let ctfAdminAward = SiteRoute(.POST, "admin", "hackagou", ":year", "equipes", ":teamID", "bonus")
    static let ctfAdminCheckIn = SiteRoute(.GET, "admin", "hackagou", ":year", "accueil")
    static let ctfAdminCheckInPlayer = SiteRoute(.POST, "admin", "hackagou", ":year", "joueurs", ":playerID", "arrivee")
    static let ctfAdminAttempts = SiteRoute(.GET, "admin", "hackagou", ":year", "tentatives")
    static let ctfAdminTeamsCSV = SiteRoute(.GET, "admin", "hackagou", ":year", "equipes.csv")
    static let ctfAdminScoreboardCSV = SiteRoute(.GET, "admin", "hackagou", ":year", "classement.csv")

    // Attachments, for the edition's players and the staff
    static let ctfFile = SiteRoute(.GET, "hackagou", "fichiers", ":fileID", ":filename")

    // CTFd-compatible API
    static let ctfAPIChallenges = SiteRoute(.GET, "api", "v1", "challenges")
    static let ctfAPIChallenge = SiteRoute(.GET, "api", "v1", "challenges", ":challengeID")
    static let ctfAPIAttempt = SiteRoute(.POST, "api", "v1", "challenges", "attempt", bodyLimit: 16 * 1024)
    static let ctfAPIScoreboard = SiteRoute(.GET, "api", "v1", "scoreboard")
    static let ctfAPITop = SiteRoute(.GET, "api", "v1", "scoreboard", "top", ":count")
    static let ctfAPITeams = SiteRoute(.GET, "api", "v1", "teams")
    static let ctfAPITeamMe = SiteRoute(.GET, "api", "v1", "teams", "me")
    static let ctfAPITeam = SiteRoute(.GET, "api", "v1", "teams", ":teamID")
    static let ctfAPIUserMe = SiteRoute(.GET, "api", "v1", "users", "me")
    static let apiOpenAPI = SiteRoute(.GET, "api", "v1", "openapi.json")

    // The admin endpoints ctfcli calls to install challenges (staff tokens)
    static let ctfAPIChallengeCreate = SiteRoute(.POST, "api", "v1", "challenges", bodyLimit: 256 * 1024)
    static let ctfAPIChallengePatch = SiteRoute(.PATCH, "api", "v1", "challenges", ":challengeID", bodyLimit: 256 * 1024)
    static let ctfAPIFlags = SiteRoute(.GET, "api", "v1", "flags")
    static let ctfAPIFlagCreate = SiteRoute(.POST, "api", "v1", "flags", bodyLimit: 16 * 1024)
    static let ctfAPITags = SiteRoute(.GET, "api", "v1", "tags")
    static let ctfAPITagCreate = SiteRoute(.POST, "api", "v1", "tags", bodyLimit: 16 * 1024)
    static let ctfAPIHints = SiteRoute(.GET, "api", "v1", "hints")
    static let ctfAPIHintCreate = SiteRoute(.POST, "api", "v1", "hints", bodyLimit: 64 * 1024)
    static let ctfAPIFiles = SiteRoute(.GET, "api", "v1", "files")
    static let ctfAPIFileCreate = SiteRoute(.POST, "api", "v1", "files", bodyLimit: 4 * CTFFile.maxBytes)

    static let hackagou: [SiteRoute] = [
        ctfIndex, ctfEdition, ctfRegisterForm, ctfRegister, ctfScoreboard, ctfScreen, ctfCTFtime,
        ctfPlay, ctfChallenge, ctfSubmit, ctfHintUnlock, ctfTeam, ctfTokenCreate, ctfShareWithdraw,
        ctfAdminIndex, ctfAdminCreate, ctfAdminFigures, ctfAdminFiguresCSV, ctfAdminEdition, ctfAdminEditionSave, ctfAdminStatus, ctfAdminSponsors, ctfAdminChallengeNew,
        ctfAdminChallengeCreate, ctfAdminChallenge, ctfAdminChallengeSave, ctfAdminFlagAdd, ctfAdminHintAdd,
        ctfAdminFlagDelete, ctfAdminHintDelete, ctfAdminFileAdd, ctfAdminFileDelete, ctfAdminImport, ctfAdminExport, ctfAdminChallengeYAML,
        ctfAdminTeams, ctfAdminTeamFlag, ctfAdminAward, ctfAdminCheckIn, ctfAdminCheckInPlayer, ctfAdminAttempts,
        ctfAdminTeamsCSV, ctfAdminScoreboardCSV,
        ctfAPIChallenges, ctfAPIChallenge, ctfAPIAttempt, ctfAPIScoreboard, ctfAPITop, ctfAPITeams, ctfAPITeamMe,
        ctfAPITeam, ctfAPIUserMe, ctfFile, apiOpenAPI,
        ctfAPIChallengeCreate, ctfAPIChallengePatch, ctfAPIFlags, ctfAPIFlagCreate, ctfAPITags, ctfAPITagCreate,
        ctfAPIHints, ctfAPIHintCreate, ctfAPIFiles, ctfAPIFileCreate,
    ]
}
