/// A statement in the syntax tree, with where it is and whether `;` ended it.
public struct Stmt: Sendable {
    /// What kind of statement it is.
    public var kind: StmtKind
    /// Where it is.
    public var range: SourceRange
    /// Whether a `;` follows it (its value is then not shown).
    public var suppressed: Bool = false
}

/// The kinds of statement.
public indirect enum StmtKind: Sendable {
    /// An expression whose value may be shown.
    case expression(Expr)
    /// `name = value`, `r.field = value`, `xs[i] = value`.
    case assign(Expr, Expr)
    /// `if cond { … } else { … }`.
    case ifElse(Expr, [Stmt], [Stmt]?)
    /// `for name in iterable { … }`.
    case forIn(String, SourceRange, Expr, [Stmt])
    /// `while cond { … }`.
    case whileLoop(Expr, [Stmt])
    /// `fn name(params) { … }`.
    case function(FunctionDecl)
    /// `return value`.
    case returnValue(Expr?)
    /// `break`.
    case breakLoop
    /// `continue`.
    case continueLoop
    /// `assert cond, "message"`.
    case assert(Expr, Expr?)
    /// `help`, `help name`, `?name`.
    case help(String?, SourceRange?)
    /// `show value`.
    case show(Expr)
}
