/// "a" or "an" before a noun in messages: `a space`, `an architecture`, `an evaluator`.
enum IndefiniteArticle {
    /// The noun with its article: "an" before a vowel letter, "a" otherwise.
    static func prefixing(_ noun: String) -> String {
        (startsWithVowelSound(noun) ? "an " : "a ") + noun
    }

    /// Whether the noun starts with a vowel letter (good enough for naslab's type names).
    private static func startsWithVowelSound(_ noun: String) -> Bool {
        guard let first = noun.first else { return false }
        return "aeiouAEIOU".contains(first)
    }
}
