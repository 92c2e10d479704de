/// The kinds of token the lexer produces.
public enum TokenKind: String, Sendable, Hashable {
    /// Literals and names.
    case number, string, identifier
    /// Separators and punctuation.
    case newline, semicolon, comma, colon, dot, dotDot = "..", dotDotLess = "..<"
    /// Brackets.
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]", leftBrace = "{", rightBrace = "}"
    /// Arithmetic operators.
    case plus = "+", minus = "-", star = "*", slash = "/", starStar = "**"
    /// Assignment and comparison operators.
    case assign = "=", equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    /// The pipeline bar and the help prefix.
    case pipe = "|", question = "?"
    /// Keywords.
    case kwIf = "if", kwElse = "else", kwFor = "for", kwIn = "in", kwWhile = "while", kwFn = "fn"
    case kwReturn = "return", kwBreak = "break", kwContinue = "continue", kwAssert = "assert"
    case kwTrue = "true", kwFalse = "false", kwNone = "none", kwAnd = "and", kwOr = "or", kwNot = "not"
    /// The end of the input.
    case eof

    /// The reserved words, by spelling.
    public static let keywords: [String: TokenKind] = [
        "if": .kwIf, "else": .kwElse, "for": .kwFor, "in": .kwIn, "while": .kwWhile, "fn": .kwFn,
        "return": .kwReturn, "break": .kwBreak, "continue": .kwContinue, "assert": .kwAssert,
        "true": .kwTrue, "false": .kwFalse, "none": .kwNone, "and": .kwAnd, "or": .kwOr, "not": .kwNot,
    ]

    /// Whether a line ending in this token must continue on the next line.
    var expectsContinuation: Bool {
        switch self {
        case .plus, .minus, .star, .slash, .starStar, .assign, .equal, .notEqual, .less, .lessEqual,
             .greater, .greaterEqual, .pipe, .comma, .colon, .dot, .dotDot, .dotDotLess,
             .kwAnd, .kwOr, .kwNot, .kwElse, .kwIn:
            return true
        default:
            return false
        }
    }

    /// How the token reads in messages.
    var display: String {
        switch self {
        case .number: return "a number"
        case .string: return "a string"
        case .identifier: return "a name"
        case .newline: return "end of line"
        case .semicolon: return "';'"
        case .comma: return "','"
        case .colon: return "':'"
        case .dot: return "'.'"
        case .eof: return "end of input"
        default: return "'\(rawValue)'"
        }
    }
}
