/// What a password must be, wherever one is chosen (the reset form, `create-admin`).
enum PasswordRule {
    static let minimumLength = 10

    /// Why `password` cannot be chosen, in French; nil when it can.
    static func problem(_ password: String) -> String? {
        if password.count < minimumLength { return "Le mot de passe fait au moins \(minimumLength) caractères." }
        if password.count > 200 { return "Le mot de passe fait au plus 200 caractères." }
        return nil
    }
}
