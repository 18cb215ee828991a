/// What a password must be, wherever one is chosen (the reset form, `create-admin`).
enum PasswordRule {
    static let minimumLength = 10
}
